"""A number read for the wrong fact, unit or course (session 37, numbers37): the blind sets'
history (`hist37_numbers.txt`) read a pain score from a length in another language ("bel
og'rig'i [low back pain] 8 oydan beri" = 8 months), from a date's day ("2028 yil 1
iyundan"), an FEV1 from how much it fell ("FEV1 fell 22%"), one course's length as the
whole ("2 cikle nga 6 javë" = two cycles of six weeks) and a man's sex from a distance
walked ("10 m walk in 14 s"). The guards are on the shape of the evidence: a number is a
fact's value only when nothing but the fact's label and a score's words stand between
them and nothing ties it to another unit after; a change word between makes it a change;
a count and a word before a length make the length each one's. Every wording is this
file's own (Finnish, Bosnian, Lithuanian, Turkish, French, Italian, a table row, capitals,
shorthand), with near-misses that keep their reading.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a change is no level ------------------------------------------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "FEV1 dropped 18% after the exercise challenge.", "fev1_percent_predicted"),
    ("71250", "FEV1 down 15% from last year's baseline.", "fev1_percent_predicted"),
    ("71250", "Methacholine: FEV1 decline of 24 % at 4 mg/mL.", "fev1_percent_predicted"),
    ("64493", "Pain dropped 3 points after the first injection.", "pain_nrs"),
])
def test_a_change_is_not_the_level(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("FEV1 has fallen to 54% predicted.", "54"),
    ("FEV1 down to 61%.", "61"),
    ("FEV1 was 58% of predicted.", "58"),
    ("Spirometry: FEV1 of 71% pred.", "71"),
])
def test_a_level_reached_stays(text: str, value: str) -> None:
    assert read(text, "71250").get("fev1_percent_predicted") == value, read(text, "71250")


# --- one course's length of several is no total ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Fizioterapi [physiotherapy]: 2 cikle nga 6 javë, pa përmirësim.",
    "Kinésithérapie : 2 cures de 6 semaines, sans amélioration.",
    "Fisioterapia: 2 cicli da 6 settimane senza beneficio.",
])
def test_one_of_several_courses_is_not_the_total(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") != "6 weeks", read(text, "64493")


@pytest.mark.parametrize(("text", "value"), [
    ("Physical therapy 6 weeks, 2 sessions per week, no relief.", "6 weeks"),
    ("Physiotherapy 12 weeks in 2 blocks, no improvement.", "12 weeks"),
])
def test_a_whole_course_stays(text: str, value: str) -> None:
    assert read(text, "64493").get("pt_weeks") == value, read(text, "64493")


# --- metres walked are no sex ---------------------------------------------------------------

@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Walked 40 m with a stick, then had to sit down."),
    ("64493", "Gait: 20 m unaided, antalgic."),
    ("64493", "Walk distance | 60 m | limited by calf pain"),
    ("64493", "Schafft nur 30 m Gehstrecke, dann Schmerzen."),
    ("62311", "Claudication distance ~ 50 m on the flat."),
    ("64493", "10 m walk test: 12 s, unsteady."),
    ("62311", "Can manage 25 m before the legs give out."),
])
def test_metres_walked_are_no_sex(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize("text", [
    "John Doe, 45 M, low back pain 8 months.",
    "Pt 62 m with LBP x 9 mo.",
    "55M c/o neck pain.",
    "Referral: 47 m, lumbar radiculopathy.",
    # a clock time in the header above is no timed walk
    "INTAKE 11/30/2026 09:15\n51M with low back pain, 8 months.",
])
def test_an_age_and_sex_stays(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_applicable", read(text, "64493")

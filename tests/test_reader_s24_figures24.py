"""Single numbers (session 24, figures24). Wordings are this file's own, in several voices
(a home-visit log, a chat reply, a GP's letter, a form line, a terse ward note)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a normal room-air saturation says the patient needs no oxygen: FiO2 21 ----------------
# (the corpus's adjudicated label: "a single normal room-air reading with nothing said of
# oxygen is FiO2 21"; a low one, oxygen named anywhere, or a second reading leave it asked)

@pytest.mark.parametrize("text", [
    # a home-visit log
    "Home visit 12/03: resting in armchair, pulse ox 96% on room air.",
    # a GP's letter
    "On examination she was comfortable, saturations 95% on air, chest clear.",
    # a terse ward note
    "Obs: T 36.8, HR 84, RR 16, SpO2 97% RA.",
    # a chat reply
    "her sats were 93% on room air when I checked this morning",
])
def test_a_normal_room_air_saturation_is_fio2_21(text: str) -> None:
    assert str(read(text, "71250").get("fio2_percent")) == "21"


@pytest.mark.parametrize("text", [
    # oxygen named elsewhere in the message: the need now is that oxygen's
    "Sats 96% RA at triage; now on 2 L NC after a desat on the ward.",
    "SpO2 94% on room air by day, BiPAP at night.",
    "RA sat 95%. FiO2 not charted since transfer.",
    # a low room-air saturation: whether oxygen is needed is asked
    "pulse ox 89% on room air, she does not use oxygen",
    # a second saturation leaves which one is meant asked, and the oxygen need too
    "SpO2 94% on room air at rest; dropped to 87% after one lap of the corridor.",
])
def test_a_room_air_saturation_beside_oxygen_or_low_leaves_fio2_asked(text: str) -> None:
    got = read(text, "71250")
    assert got.get("fio2_percent") is None
    # ... while a plain normal reading in the same voice is 21 (the fix's other side)
    assert str(read("SpO2 96% on room air.", "71250").get("fio2_percent")) == "21"


# --- a figure in a bracketed list belongs to its own label ---------------------------------
# ("two failed courses (exercise 8, ...)": the 8 is the exercise's, never the count)

@pytest.mark.parametrize("text, courses", [
    # a coordinator's summary line
    ("Home exercise + clinic PT, 2 failed courses (exercise 7, manual 3, education 2)", "2"),
    # a letter's sentence
    ("She did 15 wks of therapy in 2 failed courses (ther-ex 9, manual 3, education 3)", "2"),
    # a terse chart line
    ("Therapy: 10 wks, 1 failed course (exercise 5, manual 3, education 2)", "1"),
])
def test_a_figure_after_a_label_in_a_bracket_list_is_not_the_count(
        text: str, courses: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) == courses


def test_a_bracket_list_figure_alone_is_no_count() -> None:
    # a count named only by the bracket's labels' figures: asked, never the first label's
    got = read("Failed PT courses (exercise 8, manual 4, education 4).", "64493")
    assert str(got.get("pt_courses_failed")) not in ("8", "4")
    assert str(read("Failed PT courses: 2 (exercise 8, manual 4).", "64493")
               .get("pt_courses_failed")) == "2"


# --- a score, then the words of the change from an earlier one: the first is now ------------

@pytest.mark.parametrize("text, score", [
    # a follow-up note
    ("Back pain 5/10 today (down from 7/10 at the last visit). Walking further.", "5"),
    # a chat reply
    ("her pain is a 4 now (improved from 6)", "4"),
    # a terse line
    ("pain 7/10 (better from 9)", "7"),
    # a form line that went the other way
    ("Current pain: 8/10 (worse from 6/10 last month)", "8"),
])
def test_a_score_before_the_words_of_its_change_is_the_current_one(text: str, score: str
                                                                    ) -> None:
    assert str(read(text, "64493").get("pain_nrs")) == score


# --- a score its own line calls wrong and gives again: the new one stands -----------------

@pytest.mark.parametrize("text, score", [
    # a chart's erratum (outside tester 23's form, in another voice)
    ("NRS 2/10 [erratum 12/01 - should read 7/10]", "7"),
    # an amended flowsheet row
    ("Pain score: 5/10 (amended to 8/10 by RN after re-asking the patient)", "8"),
    # a typed correction
    ("back pain 4/10, typo, should be 6/10", "6"),
])
def test_a_score_its_line_corrects_is_replaced_by_the_new_one(text: str, score: str) -> None:
    assert str(read(text, "64493").get("pain_nrs")) == score


# --- a percentage said in words (dictation, voicemail) --------------------------------------

@pytest.mark.parametrize("text, fact, value", [
    # a voicemail transcript
    ("hi it's the home nurse, her sats were eighty nine on room air this morning",
     "spo2_room_air", "89"),
    # a dictated exam
    ("Pulse oximetry ninety-three percent on room air at rest.", "spo2_room_air", "93"),
    # a dictated PFT line
    ("Spirometry showed an FEV1 of sixty four percent of predicted.", "fev1_percent_predicted",
     "64"),
])
def test_a_percentage_in_words_is_read(text: str, fact: str, value: str) -> None:
    assert str(read(text, "71250").get(fact)) == value
    # ... and an age in words beside a saturation word is never one
    assert read("a seventy two year old woman, sats fine on room air", "71250").get(
        "spo2_room_air") is None


# --- one temperature given in both units is one reading, not a higher one -------------------

@pytest.mark.parametrize("text, temp", [
    # a triage line
    ("Triage: T 38.6 °C (101.5 °F), HR 118, RR 26.", "38.6 C"),
    # a transfer summary
    ("Temperature on arrival 39.2 C / 102.6 F; blood cultures drawn.", "39.2 C"),
    # a school nurse's note
    ("Temp 38.1 C (100.6 F) by the school nurse at 10:00 today.", "38.1 C"),
])
def test_a_temperature_and_its_conversion_are_one_reading(text: str, temp: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == temp


# --- a whole number with no unit is no higher temperature ----------------------------------
# ("40 pack-yr smoking" beside "T 37.1 C" was taken as a higher temperature of 40 C)

@pytest.mark.parametrize("text, temp", [
    # a referral's history line
    ("History reviewed (incl. appendectomy, 40 pack-yr smoking, no prior pneumonia). "
     "Vitals: T 37.1 C, HR 96.", "37.1 C"),
    # an occupational history
    ("Past: 39 years in the mines, 40 pack-yr smoking. Vitals: T 36.8 C, RR 20.", "36.8 C"),
    # a pharmacist's med rec
    ("Med rec done, 38 items on the list. Temp 37.3 C today.", "37.3 C"),
])
def test_a_bare_whole_number_is_no_higher_temperature(text: str, temp: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == temp

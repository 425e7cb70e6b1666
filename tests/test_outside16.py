"""Decision-changing false facts the outside tester of session 16 found
(evals/reader/outside/session16-findings.md), each with the tester's input and wordings of
the same kind written here, and wordings whose value must still be read."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # F8: the tester's form line; the "no" of the first field denied the second
    ("64493", "Cosmetic: no. Active infection: yes - cellulitis R leg on cephalexin.",
     "active_infection", True),
    ("62311", "Pregnant: no. Infection: yes, UTI on Macrobid.", "active_infection", True),
    ("97110", "Postpartum: no. Pregnant: yes, 20 weeks by LMP.", "pregnancy", "pregnant"),
    ("71250", "Cosmetic: no. Pregnancy test: positive 11/30.", "pregnancy", "pregnant"),
])
def test_a_field_answered_no_denies_nothing_after_its_full_stop(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Cosmetic: no. Active infection: no.", "active_infection", False),
    ("64493", "Cosmetic: no. Active infection: yes.", "cosmetic_purpose", False),
    ("62311", "Infection: No. Pregnancy: No.", "active_infection", False),
])
def test_each_field_keeps_its_own_no(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text", [
    # F3: the tester's input read 0 weeks of PT, of each part and 0 failed courses
    "Could not determine the PT weeks.",
    "Unable to confirm the PT weeks from the records we have.",
    "We can't tell how many weeks of PT she did; the clinic closed.",
    "Office could not work out the PT length from the faxed notes.",
])
def test_a_figure_nobody_could_work_out_is_asked_not_zero(text: str) -> None:
    got = read(text, "64493")
    assert not {f for f in got if f.startswith("pt_")}, got


def test_a_length_stated_beside_one_not_worked_out_is_still_read() -> None:
    got = read("Could not determine the PT weeks, but she did 14 weeks of exercise.", "64493")
    assert got.get("pt_exercise_weeks") is not None and "pt_weeks" not in got


@pytest.mark.parametrize(("cpt", "text"), [
    # F17: a worry about a pregnancy says nothing of one
    ("97110", "No fever, cough, or pregnancy concerns reported. Not postpartum."),
    ("64493", "Pregnancy concerns: none."),
    ("62311", "Pt has no pregnancy-related questions today."),
    ("97110", "Pregnancy planning discussed; no issues."),
])
def test_a_worry_or_plan_about_pregnancy_is_no_answer(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Denies pregnancy-related issues; she is 24 weeks pregnant.", "pregnant"),
    ("No fever, cough or pregnancy.", "not_pregnant"),
    ("Pregnancy complications in 2019; not pregnant now, hCG negative 11/20.", "not_pregnant"),
])
def test_a_pregnancy_stated_beside_such_words_is_still_read(text: str, value: str) -> None:
    assert read(text, "97110").get("pregnancy") == value


@pytest.mark.parametrize(("cpt", "text"), [
    # F4: an OCR'd score whose digit could not be read gave the scale's maximum
    ("64493", "Pain [illegible]/10 at rest."),
    ("97110", "Knee pain ***/10 today (smart-list left blank)."),
    ("62311", "NRS __/10; PT 12 wks."),
    ("64493", "Pain /10 (not rated today)."),
])
def test_the_scale_of_an_unreadable_score_is_no_score(cpt: str, text: str) -> None:
    assert "pain_nrs" not in read(text, cpt) and "pain_nrs_baseline" not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Pain 7/10 at rest.", 7),
    ("Pain 7 /10 today.", 7),
    ("Pain score: 6 / 10.", 6),
])
def test_a_score_written_before_its_scale_is_still_read(text: str, value: int) -> None:
    assert str(read(text, "64493").get("pain_nrs")) == str(value)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # F15: the old figure a correction names was read instead of the corrected one
    ("64493", "PT 10 weeks (corrected from 12 - transcription error).", "pt_weeks", "10 weeks"),
    ("62311", "Conservative tx 14 weeks [changed from 12 wks per the PT records].",
     "conservative_weeks", "14 weeks"),
    ("64493", "Pain 6/10 (revised from 8/10 after re-check).", "pain_nrs", "6"),
    ("97110", "X-rays: 2 sets; updated from 1 after the outside films arrived.", "xray_sets",
     "2"),
])
def test_the_figure_a_correction_replaced_is_not_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("text", "day"), [
    # found in a note of the session's end review: "today" in an intake dated by its first
    # sentence was read as the day of the check (two days later)
    ("Pain clinic intake 12/02/2026. 47 y/o woman, LBP 6/10. H&P today.", "2026-12-02"),
    ("Intake 12/01/2026: H&P today, exam documented.", "2026-12-01"),
    ("Spine evaluation 11/20/2026. H&P today.", "2026-11-20"),
])
def test_today_in_an_intake_or_evaluation_is_its_own_date(text: str, day: str) -> None:
    assert str(read(text, "64493").get("hp_date")) == day


def test_today_with_no_dated_heading_is_the_day_of_the_check() -> None:
    assert str(read("Intake scheduled; H&P today.", "64493").get("hp_date")) == "2026-12-05"

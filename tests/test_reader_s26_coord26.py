"""Session 26, the coordinator's fixes of outside tester 25's open false facts: the views
of one X-ray study counted as sets (F1), a reading's time of day taken as the date a
pending question asks (F8), and a nurse's "scratch that, it was 10/01/2026 after all"
ignored (F11). Wordings are this file's own (a radiology line, a ward nurse's reply, a
phone correction)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reading_probe import reader_at

from agent.config import Settings
from agent.reading import understand
from agent.session import Assistant

read = reader_at(date(2026, 12, 5))


# --- the views of one study are its films, not sets of X-rays (F1) -----------------------

@pytest.mark.parametrize(("text", "pending"), [
    ("those were two views of one set, not two sets", ["xray_sets"]),
    ("Knee radiographs, three views, 11/20/2026.", []),
    ("R shoulder XR: two views only.", []),
    ("Plain films of the hip - two views (AP, frog-leg).", []),
])
def test_views_counted_in_words_are_no_sets_of_xrays(text: str, pending: list[str]) -> None:
    assert read(text, "97110", pending).get("xray_sets") in (None, "1")


def test_one_set_named_beside_its_views_is_one_set() -> None:
    assert read("X-rays: two views of one set.", "97110").get("xray_sets") == "1"


@pytest.mark.parametrize("text", [
    "Two sets of x-rays (AP and lateral views), 06/01/2026 and 11/20/2026.",
    "X-rays: two sets, 06/01/2026 and 11/20/2026.",
])
def test_sets_said_as_sets_are_still_counted(text: str) -> None:
    assert read(text, "97110").get("xray_sets") == "2"


# --- a time of day beside a figure is when it was taken, not an answered date (F8) --------

@pytest.mark.parametrize("text", ["36.9 this morning", "37.8 last night, 36.6 this morning",
                                  "sats 91% yesterday"])
def test_a_figures_time_is_no_answer_to_a_date_question(text: str) -> None:
    assert "pft_date" not in read(text, "71250", ["body_temperature", "pft_date"])


@pytest.mark.parametrize(("text", "day"), [("yesterday", "2026-12-04"),
                                           ("PFTs 3 weeks ago", "2026-11-14"),
                                           ("11/02/2026", "2026-11-02")])
def test_a_date_alone_still_answers_the_date_question(text: str, day: str) -> None:
    assert read(text, "71250", ["pft_date"]).get("pft_date") == day


# --- a correction putting a recorded date's year right (F11) ------------------------------

def _fixed(text: str, known: dict[str, object]) -> dict[str, object]:
    got = understand(text, cpt="64493", pending=[], as_of=date(2026, 12, 5), known=known)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize("text", [
    "actually scratch that, it was 10/01/2026 after all",
    "sorry - typo, that should be 10/01/2026",
    "correction: 10/1/26, not 2024",
])
def test_a_correction_to_a_recorded_dates_year_replaces_it(text: str) -> None:
    known = {"ct_mri_date": "2024-10-01", "xray_date": "2026-11-02"}
    assert _fixed(text, known).get("ct_mri_date") == "2026-10-01"


def test_a_date_two_records_share_is_not_guessed() -> None:
    known = {"ct_mri_date": "2024-10-01", "xray_date": "2025-10-01"}
    assert "ct_mri_date" not in _fixed("actually it was 10/01/2026", known)
    assert "xray_date" not in _fixed("actually it was 10/01/2026", known)


def test_a_new_date_for_another_named_record_is_not_the_correction() -> None:
    known = {"ct_mri_date": "2024-10-01"}
    got = _fixed("sorry, the x-rays were 10/01/2026", known)
    assert got.get("ct_mri_date") is None


def test_the_nurse_takes_back_her_correction_in_chat(tmp_path: Path) -> None:
    bot = Assistant(Settings(data_dir=tmp_path, understanding="offline"),
                    as_of=date(2026, 12, 5))
    try:
        bot.send("c", "64493")
        bot.send("c", "MRI L-spine 10/01/2026, xrays 11/02/2026")
        bot.send("c", "the MRI is from 2024 not 2026")
        denied = bot.send("c", "MRI was 10/01/2024").reply
        reply = bot.send("c", "actually scratch that, it was 10/01/2026 after all").reply
    finally:
        bot.close()
    assert "Does not meet" in denied
    assert "2024-10-01 → 2026-10-01" in reply
    assert "Does not meet" not in reply


# --- outside tester 26's false facts -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "the antibiotics are her husband's, not hers",
    "Those antibiotics were her son's.",
    "The cephalexin is his wife's - she has the cellulitis.",
])
def test_a_thing_said_to_be_a_relatives_is_not_the_patients(text: str) -> None:
    """F1: "the antibiotics are her husband's" wrote an active infection (a denial)."""
    assert "active_infection" not in read(text, "62311", ["active_infection"])


def test_the_patients_own_antibiotics_still_count() -> None:
    assert read("The antibiotics are hers, for a UTI.", "62311").get("active_infection") is True


@pytest.mark.parametrize(("text", "known"), [
    ("sorry, there was only 1 set of X-rays, not 2", {"xray_sets": 2, "pain_nrs": 6}),
    ("it was one PT course, not 2", {"pt_courses_failed": 2, "pain_nrs": 6}),
])
def test_a_figure_taken_back_is_stored_nowhere(text: str, known: dict[str, object]) -> None:
    """F2: the "2" of "not 2" became the pain score."""
    got = understand(text, cpt="97110", pending=[], as_of=date(2026, 12, 5), known=known)
    assert "pain_nrs" not in {r.fact for r in got.facts}


@pytest.mark.parametrize("text", [
    "no, the 12 weeks was his conservative treatment overall, not PT",
    "no - the 8 weeks were her home program, not PT",
])
def test_no_before_a_figure_put_right_answers_no_question(text: str) -> None:
    """F2: the opening "no" stored 0 weeks of supervised exercise."""
    got = understand(text, cpt="64493", pending=["pt_exercise_weeks"],
                     as_of=date(2026, 12, 5), known={"pt_weeks": 12})
    assert "pt_exercise_weeks" not in {r.fact for r in got.facts}


def test_a_bare_no_still_answers_the_question() -> None:
    assert read("no", "64493", ["pt_exercise_weeks"]).get("pt_exercise_weeks") == "0"


@pytest.mark.parametrize("text", ["the second set was not done, it was cancelled",
                                  "Repeat set of knee films never done (pt cancelled)."])
def test_a_later_study_not_done_is_no_study_never_done(text: str) -> None:
    """F2: "the second set was not done" recorded X-rays as never done."""
    assert read(text, "97110").get("xray_date") != "never"


def test_xrays_denied_outright_are_still_never_done() -> None:
    assert read("X-rays not done.", "97110").get("xray_date") == "never"


@pytest.mark.parametrize("text", ["Had she done 12 weeks of PT, she would qualify.",
                                  "Had the patient finished 12 weeks of PT we would proceed."])
def test_an_inverted_condition_is_no_fact(text: str) -> None:
    """F8: "Had she done 12 weeks of PT" read 12 weeks of PT."""
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize("text", ['Pt: "No, it\'s been 3 months."',
                                  'Daughter: "2 weeks of cough." Pt: "No, longer."'])
def test_a_quoted_turn_after_pt_is_the_patient_not_therapy(text: str) -> None:
    """F9: 'Pt: "No, ..."' read physical therapy as none."""
    assert "pt_weeks" not in read(text, "71250")


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "No PT since 2024.", "pt_weeks"),
    ("64493", "no physio since the spring of 2025", "pt_weeks"),
    ("97110", "No conservative tx since 01/2026 (naproxen stopped 01/15/2026, no benefit).",
     "conservative_weeks"),
])
def test_no_care_since_a_time_is_not_none_ever(cpt: str, text: str, fact: str) -> None:
    """F4: "No PT since 2024" read 0 weeks of PT (a false denial)."""
    assert read(text, cpt).get(fact) != "0"


def test_no_care_at_all_is_still_none() -> None:
    assert read("No PT at all.", "64493").get("pt_weeks") == "0"


@pytest.mark.parametrize("text", ["Patient education given: COPD, asthma, pneumonia handouts.",
                                  "Patient handout: Pneumonia - what to expect.",
                                  "Pneumonia leaflet given to wife."])
def test_a_teaching_topic_is_no_pneumonia(text: str) -> None:
    """F5: a handout's topic read as bacterial pneumonia (a denial of 71250)."""
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_pneumonia_on_the_film_is_still_read() -> None:
    assert read("CXR: RLL pneumonia. Started on Augmentin.", "71250").get(
        "bacterial_pneumonia") is True


@pytest.mark.parametrize("text", ["UK referral letter. MRI 03/11/2026.",
                                  "Referred from a British GP practice. MRI 03/11/2026.",
                                  "Letter from Cardiff, Wales: MRI 03/11/2026."])
def test_a_british_letter_writes_its_day_first(text: str) -> None:
    """F10: a UK letter's 03/11/2026 read as March 11 (a denial of 62311's 6 months)."""
    assert read(text, "62311").get("ct_mri_date") == "2026-11-03"


def test_a_us_date_stays_month_first() -> None:
    assert read("MRI 03/11/2026.", "62311").get("ct_mri_date") == "2026-03-11"

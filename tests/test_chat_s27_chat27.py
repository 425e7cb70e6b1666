"""Session 27, chat27: the nurse's replies and corrections in chat (outside tester 27's
F2, F8, F3 and session 26's F6). Wordings are this file's own, in several voices (a typed
chat reply, a phone relay, a clipped correction); guards keep the old readings that were
right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.session import Assistant

read = reader_at(date(2026, 12, 5))


# --- F2: a "no" heading a reply that gives another fact's value is disagreement ----------
# (a nurse reading "no, the conservative care was 30 weeks" hears her correcting a figure,
# not answering "is the H&P on file?": outside tester 27 stored "no" and denied)

@pytest.mark.parametrize(("cpt", "text", "pending", "said", "unsaid"), [
    # a clipped chat correction of a PT part, the "has he failed care?" question open
    ("64493", "no: the manual therapy part was 4 weeks", ["failed_conservative"],
     "pt_manual_weeks", "failed_conservative"),
    # a reply giving today's pain while the PT-notes question is open
    ("64493", "no, the pain is 8/10 today", ["pt_notes_documented", "pt_weeks"],
     "pain_nrs", "pt_notes_documented"),
    # a phone relay of this morning's temperature, the past-pneumonia question open
    ("71250", "no, his temp this morning was 37.1",
     ["pneumonia_hospitalization", "wbc_count"], "body_temperature",
     "pneumonia_hospitalization"),
])
def test_a_no_heading_another_facts_value_answers_no_yes_no_question(
        cpt: str, text: str, pending: list[str], said: str, unsaid: str) -> None:
    got = read(text, cpt, pending)
    assert said in got
    assert unsaid not in got


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # guard: a bare "no" still answers the question on screen
    ("97110", "no", ["hp_documented", "symptom_weeks"], "hp_documented", False),
    # guard: a "no" whose rest names the question asked is its answer
    ("97110", "no, not pregnant", ["pregnancy", "symptom_weeks"], "pregnancy", "not_pregnant"),
    ("62311", "no -- the consult is next week", ["pain_or_pcp_consult_documented"],
     "pain_or_pcp_consult_documented", False),
    # guard: a word of the question in the rest ("looks") keeps the "no" its answer
    ("97110", "Nope - this is for his shoulder pain, not for looks", ["cosmetic_only"],
     "cosmetic_only", False),
])
def test_a_no_that_answers_the_question_named_is_kept(
        cpt: str, text: str, pending: list[str], fact: str, value: object) -> None:
    assert read(text, cpt, pending).get(fact) == value


def test_a_no_heading_a_correction_in_chat_denies_nothing(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "97110")
    bot.send("c", "left shoulder pain 5/10, X-rays 03/02/2026 and 10/30/2026, "
                  "MRI 09/14/2026")
    reply = bot.send("c", "no, he has had 26 weeks of conservative care").reply
    assert "26 weeks" in reply
    assert "on file: no" not in reply and "| no | \"no" not in reply
    assert "Does not meet" not in reply


# --- F8: a correction naming a relative: the relative's figure set aside, the patient's read
# (a nurse reads "was his brother's PFT - his own FEV1 is 85%" as the patient's 85%, and the
# 64% as no longer the patient's: outside tester 27 kept the 64% and refused the 85%)

def understood(text: str, cpt: str, known: dict[str, object]) -> tuple[dict[str, object],
                                                                      list[str]]:
    from agent.reading import understand
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5), known=known)
    return {r.fact: r.value for r in got.facts}, got.withdrawn


@pytest.mark.parametrize(("cpt", "known", "text", "fact", "value"), [
    # a typed correction with a semicolon, the sister's spirometry
    ("71250", {"fev1_percent_predicted": 64.0},
     "The 64% FEV1 was her sister's spirometry; her own FEV1 is 88%.",
     "fev1_percent_predicted", "88"),
    # a clipped chat reply with a dash, the father's pain
    ("71250", {"pain_nrs": 8.0}, "the 8/10 was his father's - his own pain is 3/10",
     "pain_nrs", "3"),
    # a phone relay: the husband's PT weeks, then hers
    ("64493", {"pt_weeks": 12.0}, "the 12 weeks of PT were her husband's, she had 6 weeks of PT",
     "pt_weeks", "6 weeks"),
])
def test_the_patients_own_figure_after_a_relatives_is_read(
        cpt: str, known: dict[str, object], text: str, fact: str, value: str) -> None:
    facts, _withdrawn = understood(text, cpt, known)
    assert facts.get(fact) == value


@pytest.mark.parametrize(("known", "text", "fact"), [
    ({"pain_nrs": 7.0}, "the 7/10 chest pain was his wife's, he is 4/10", "pain_nrs"),
    ({"fev1_percent_predicted": 64.0}, "that FEV1 of 64% was her mother's PFT, not hers",
     "fev1_percent_predicted"),
    ({"wbc_count": 15200.0}, "the WBC 15,200 was his son's lab, not his", "wbc_count"),
])
def test_a_stored_figure_said_to_be_a_relatives_is_set_aside(
        known: dict[str, object], text: str, fact: str) -> None:
    facts, withdrawn = understood(text, "71250", known)
    assert fact in withdrawn or fact in facts
    assert facts.get(fact) not in (str(known[fact]), f"{known[fact]:g}")


@pytest.mark.parametrize(("known", "text", "fact"), [
    # guard: after "the brother's", "he" may be the brother: nothing of it is the patient's
    ({"pain_nrs": 8.0}, "the 8/10 pain was the brother's, he is 3/10", "pain_nrs"),
    # guard: "she" after "his wife's" is the wife: her COPD is not the patient's
    ({}, "The inhaler was his wife's; she uses it for her COPD.", "severe_comorbidities"),
])
def test_a_relatives_pronoun_after_their_thing_stays_theirs(
        known: dict[str, object], text: str, fact: str) -> None:
    facts, _withdrawn = understood(text, "71250", known)
    assert fact not in facts


def test_a_relatives_figure_named_in_a_stored_value_is_kept_when_only_reported(
        ) -> None:
    # guard: "per his wife" is who told it, not whose it is
    facts, withdrawn = understood("pain 8/10 per his wife", "71250", {"pain_nrs": 8.0})
    assert facts.get("pain_nrs") == "8" and "pain_nrs" not in withdrawn


def test_a_brothers_fev1_corrected_in_chat_no_longer_meets(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "71250")
    bot.send("c", "66M, chest pain 7/10, FEV1 64% predicted on PFT 11/20/2026")
    reply = bot.send("c", "that 64% FEV1 is his brother's result - his own FEV1 is 85%").reply
    assert "64 % → 85 %" in reply


# --- F3: "never a second course" presupposes a first: no zeros --------------------------
# (a nurse reads "he never did a second PT course" as one course done, never as no PT:
# outside tester 27 read PT 0 weeks, every part 0 and 0 courses from it)

@pytest.mark.parametrize(("cpt", "text", "facts"), [
    # a phone intake, the patient's own words relayed
    ("64493", "Pt states she never had a second round of physical therapy.",
     ("pt_weeks", "pt_exercise_weeks", "pt_courses_failed")),
    # a radiology worklist remark
    ("97110", "A second set of x-rays was never done.", ("xray_sets",)),
    # a referral letter
    ("62311", "He did not get another course of conservative care.",
     ("failed_conservative", "conservative_courses_failed", "conservative_weeks")),
    # a relative's report of a third course not started
    ("64493", "Per the daughter, he has not started a third course of PT.",
     ("pt_weeks", "pt_courses_failed")),
])
def test_a_later_course_denied_is_no_zero(cpt: str, text: str, facts: tuple[str, ...]) -> None:
    got = read(text, cpt)
    for fact in facts:
        assert got.get(fact) not in (0, "0", "0 weeks", False)


def test_the_course_done_is_read_beside_the_second_denied() -> None:
    got = read("PT 12 weeks in one course; insurance denied a second course, so he never "
               "did a second PT course.", "64493")
    assert got.get("pt_weeks") == "12 weeks"


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # guard: a plain denial of the care is still none at all
    ("64493", "She never did PT.", "pt_weeks", "0"),
    ("64493", "No PT.", "pt_courses_failed", 0),
    ("97110", "No x-rays were ever taken.", "xray_sets", "0"),
])
def test_a_plain_denial_still_reads_none(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- session 26 F6: a count in thousands taken back whole ------------------------------
# ("white count 10,900, not 15,600" takes back 15,600, not "15"; outside tester 26 asked
# "which is current?" and kept deciding on the value taken back)

@pytest.mark.parametrize(("old", "text", "new"), [
    (15600.0, "correction - white count 10,900, not 15,600", "10900"),
    (14200.0, "the wbc was 9,750 not 14,200 as I typed", "9750"),
    (13100.0, "sorry WBC is 8,300, not 13,100", "8300"),
])
def test_a_thousands_count_corrected_is_read(old: float, text: str, new: str) -> None:
    facts, _withdrawn = understood(text, "71250", {"wbc_count": old})
    assert facts.get("wbc_count") == new


def test_a_small_figure_corrected_still_reads() -> None:
    # guard: a plain "6 not 8" is as before
    facts, _withdrawn = understood("pain 6 not 8", "71250", {"pain_nrs": 8.0})
    assert facts.get("pain_nrs") == "6"


# --- session 26 F6: a stored measurement said to be then, or wrong, and the one now -----

@pytest.mark.parametrize(("known", "text", "fact", "new"), [
    # a ward nurse's evening update
    ({"body_temperature": 38.6}, "that 38.6 was yesterday evening - this morning he is 37.0",
     "body_temperature", "37 C"),
    # a lab result relayed by phone
    ({"wbc_count": 14300.0},
     "the 14,300 was the ED value on admission; repeat WBC this morning 7,600",
     "wbc_count", "7600"),
    # a pulmonologist's letter
    ({"fev1_percent_predicted": 66.0},
     "the FEV1 66% was before the inhaler change, repeat spirometry now shows 74%",
     "fev1_percent_predicted", "74"),
    # a specimen problem
    ({"wbc_count": 12900.0}, "the 12,900 was a mislabelled tube; the real count is 8,100",
     "wbc_count", "8100"),
])
def test_a_measurement_said_then_is_replaced_by_the_one_now(
        known: dict[str, object], text: str, fact: str, new: str) -> None:
    facts, _withdrawn = understood(text, "71250", known)
    assert facts.get(fact) == new


def test_a_baseline_said_before_is_no_measurement_replaced() -> None:
    # guard: 62311's score before PT is the baseline, not a value "now" replaces
    facts, _withdrawn = understood("pain was 5 before PT, now it is 8", "62311",
                                   {"pain_nrs_baseline": 5.0})
    assert facts.get("pain_nrs_baseline") == "5"

"""Session 32, chat32: replies in chat a nurse can act on (outside tester 32's F1/C1, C2,
C4, C5, C9 ...). Wordings are this file's own, in several voices (a fax cover, a letter
from abroad, a relayed phone message, a typed correction); guards keep what was right or
asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]


def _read(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


# --- F1: a negated list of conditions answered the comorbidity question ------------------
# ("No diabetes, HTN, bleeding disorder or liver disease." pasted while the comorbidity
# question was on screen stored Hypertension from the bare "HTN"; check --text nothing)

_ASKED = ["severe_comorbidities", "pain_nrs_increase"]


@pytest.mark.parametrize("text", [
    # a fax cover sheet's bullets
    "Fax cover - pre-auth nurse review:\n* afebrile, no infection\n"
    "* no DM, HTN, CKD or bleeding problems",
    # a letter from a Swiss surgeon
    "Letter from Dr Brandt (Zurich), 01.12.2026:\n"
    "The patient has no diabetes, hypertension, liver disease or coagulopathy.",
    # a phone message relayed by the daughter
    "Phone msg 12/03 (daughter relayed):\n- hasnt got diabetes, COPD, HTN or kidney disease",
    # a pre-anaesthesia screen
    "Pre-anesthesia screen:\n- No history of CAD, HTN, DM, cirrhosis.",
])
def test_a_negated_list_of_conditions_answers_no_member(text: str) -> None:
    # (no member is stored from the denials; three or more denied are a screen of the list
    # gone through, read "none" since session 33: conditions33, tester32 M1)
    assert _read(text, "62311", _ASKED).get("severe_comorbidities", []) == []


@pytest.mark.parametrize(("text", "member"), [
    ("severe COPD and hypertension", "copd"),  # a member said severe is still read
    ("Nurse call:\n- no diabetes\n- severe COPD, on home oxygen", "copd"),
    ("ESRD on dialysis; not diabetic", "esrd"),
])
def test_a_member_named_beside_a_denied_one_is_still_read(text: str, member: str) -> None:
    assert member in _read(text, "62311", _ASKED).get("severe_comorbidities", [])  # type: ignore[operator]


_SCIATICA = (
    "Spine clinic letter, 02 Dec 2026 - Dr. H. Varga, pain medicine consultation\n"
    "Mrs. Oyelaran, 52, has had right L5 sciatica since 06/20/2026, worsening, and she can "
    "no longer work her shifts.\n"
    "Conservative treatment 15 weeks: physiotherapy 8 weeks, then naproxen with a "
    "weight-loss diet 7 weeks; 2 courses, both failed, no improvement.\n"
    "Pain 5/10 before physio, 8/10 today. ODI 58% -> 38% over the past 6 weeks "
    "(significant improvement).\n"
    "H&P 12/02/2026 (this visit): medications, allergies, surgical history, neurological "
    "exam and pain assessment recorded.\n"
    "MRI lumbar spine 11/10/2026: L5 nerve root compression with inflammation, foraminal "
    "stenosis; diagnostic quality.\n"
    "Inflammatory markers: CRP 14 (high) 11/10/2026. Treatment logs with dates attached.\n"
    "Afebrile, no infection. Post-menopausal. Not for cosmetic reasons.\n"
    "Nurse screen: no diabetes, HTN, bleeding disorder or liver disease.")


def test_a_pasted_note_with_a_negated_list_stores_no_condition_and_none_settles_it(
        assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    turn = bot.send("c", _SCIATICA)
    # (the four conditions denied are a screen, "none", since session 33: conditions33; no
    # member is stored, and the case is decided without the question)
    assert turn.facts["severe_comorbidities"]["value"] == []
    assert turn.decision == "meets_criteria"


# --- C1: a plain correction takes a stored condition out ---------------------------------

@pytest.mark.parametrize("correction", [
    "checked with her GP: pt does not have high blood pressure",  # a relayed check
    "correction - no HTN",  # clipped
    "the high blood pressure is wrong",  # called wrong, no new value
    "remove the HTN please",
])
def test_a_correction_takes_the_stored_condition_out_and_asks_again(
        assistant_at: Bot, correction: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    assert bot.send("c", "severe comorbidities: hypertension").facts[
        "severe_comorbidities"]["value"] == ["hypertension"]
    turn = bot.send("c", correction)
    assert "severe_comorbidities" not in turn.facts
    assert "ruled out, as said" not in turn.reply
    # set aside, not "none": the rest of the list is asked
    assert "severe_comorbidities" in turn.pending
    assert bot.send("c", "none").facts["severe_comorbidities"]["value"] == []


def test_a_correction_of_one_member_keeps_the_others(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    bot.send("c", "severe comorbidities: diabetes and hypertension")
    turn = bot.send("c", "she does not have HTN, the diabetes is right though")
    assert turn.facts["severe_comorbidities"]["value"] == ["diabetes"]


@pytest.mark.parametrize("text", [
    "her sister has no hypertension",  # another person
    "no family history of hypertension",
    "her mother said the hypertension is wrong",  # someone else's opinion, not a correction
])
def test_another_persons_denial_keeps_the_stored_condition(
        assistant_at: Bot, text: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    bot.send("c", "severe comorbidities: hypertension")
    turn = bot.send("c", text)
    assert turn.facts["severe_comorbidities"]["value"] == ["hypertension"]


# --- C2: "is it severe?" says how to answer, and takes the answer ------------------------
# (the comorbidity question lists "diabetes"; the answer "diabetes" was asked "is it
# severe?" and "yes, diabetes, on insulin since 2019, A1c 9.1" the same, again and again)

@pytest.mark.parametrize(("named", "answer", "member"), [
    ("diabetes", "yes - the diabetes, insulin pump, A1c 10.2", "diabetes"),
    ("CKD", "yeah, CKD, stage 4, nephrology follows her", "kidney_disease"),
    ("COPD", "correct: COPD, on home oxygen since last winter", "copd"),
])
def test_a_yes_naming_the_condition_again_reads_it_severe(
        assistant_at: Bot, named: str, answer: str, member: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    asked = bot.send("c", named)
    assert 'is it severe? Answer "yes" or "no".' in asked.reply
    turn = bot.send("c", answer)
    assert turn.facts["severe_comorbidities"]["value"] == [member]
    assert turn.decision == "does_not_meet"


@pytest.mark.parametrize("answer", [
    "no",  # not severe: says nothing of the other conditions
    "yes, diabetes but well controlled on metformin",  # the yes taken back in its words
    "nope",
])
def test_a_no_or_a_mild_yes_stores_no_condition_and_no_none(
        assistant_at: Bot, answer: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    bot.send("c", "diabetes")
    turn = bot.send("c", answer)
    assert "severe_comorbidities" not in turn.facts


# --- C6: an EHR SmartList's id is no procedure code --------------------------------------
# ("Active infection: {Yes/No:12345}" -> "no policy for CPT 12345")

@pytest.mark.parametrize("text", [
    "Pregnancy status: {Pregnant/Not pregnant:30412}",
    "Fever in last 48h? {YES/NO:20250}",
    'Antibiotics now: {Blank single:19197::"yes","no"}',
])
def test_a_smartlist_id_names_no_procedure(text: str) -> None:
    got = understand(text, cpt=None, pending=[], as_of=AS_OF)
    assert got.unknown_code is None and got.cpt is None


@pytest.mark.parametrize(("text", "cpt", "unknown"), [
    ("please check CPT 99213 for her {Yes/No:12345}", None, "99213"),  # a code outside it
    ("{Yes/No:12345} does 64493 qualify?", "64493", None),
])
def test_a_code_beside_a_smartlist_is_still_read(text: str, cpt: str | None,
                                                 unknown: str | None) -> None:
    got = understand(text, cpt=None, pending=[], as_of=AS_OF)
    assert (got.cpt, got.unknown_code) == (cpt, unknown)

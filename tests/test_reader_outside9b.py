"""More false facts from the outside tester's session 9 (evals/reader/outside/
session9-findings.md and the session 8 findings still open there) and two the
coordinator found in session 10: one named test each, the tester's input with wordings
of the same meaning written by the fixer. Readings go through
:func:`agent.reading.understand` under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# Coordinator, session 10: a bracket after "Pregnant" that gives a negative test answers
# the field, as "Pregnant: negative hCG" does; the test's own "negative" is no denial of
# the negative test.
@pytest.mark.parametrize("text", [
    "Pregnant (negative hCG)",
    "Pregnancy (hCG neg 12/01)",
    "Pregnant (urine pregnancy test negative)",
    "Pregnancy: neg (hCG 12/01)",
])
@pytest.mark.parametrize("cpt", ["64493", "71250"])
def test_a_negative_test_in_brackets_after_pregnant_is_not_pregnant(text: str, cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_pregnant"


def test_a_positive_test_in_brackets_after_pregnant_is_still_pregnant() -> None:
    assert read("Pregnant (hCG positive 11/30)", "64493")["pregnancy"] == "pregnant"
    assert read("Pregnant (IUP 8 wks)", "64493")["pregnancy"] == "pregnant"


# Coordinator, session 10: a relative who opens the clause as its subject keeps the scope
# over the next clause when it has no subject of its own (", also has ...").
@pytest.mark.parametrize("text", [
    "Mother had knee replacement, also has severe COPD.",
    "Her father has CKD, also has severe heart failure.",
    "Patient's mother had a stroke, has severe COPD and diabetes on insulin.",
])
def test_a_relatives_elliptic_also_has_is_the_relatives(text: str) -> None:
    assert "severe_comorbidities" not in read(text, "97110")


def test_the_patient_after_a_relative_named_as_object_is_still_read() -> None:
    assert read("Lives with mother, has severe COPD.", "97110")["severe_comorbidities"] == ["copd"]
    assert read("Mother at bedside. Patient has severe COPD.", "97110")["severe_comorbidities"] \
        == ["copd"]


# F26: a yes or no a scan garbled ("N0" with a zero) is no answer: asked, never a yes.
@pytest.mark.parametrize("text", [
    "Pregnant: N0   lnfection: N0   Cosmetic: N0",
    "Cosmetic: n0",
    "Cosmetic purpose: Y3S",
    "Cosmetic: N0\nAttached: treatment logs",
])
def test_outside9_f26_a_garbled_yes_or_no_is_no_answer(text: str) -> None:
    assert "cosmetic_purpose" not in read(text, "62311")


def test_outside9_f26_a_plain_yes_or_no_still_answers() -> None:
    assert read("Cosmetic: NO", "62311")["cosmetic_purpose"] is False
    assert read("Cosmetic: Y", "62311")["cosmetic_purpose"] is True


# F27: an exam "deferred" was not done: asked, never on file.
@pytest.mark.parametrize("text", [
    "Neuro exam: deferred.",
    "Pain evaluation: deferred",
    "Neurological exam deferred to next visit.",
])
def test_outside9_f27_a_deferred_exam_is_not_on_file(text: str) -> None:
    assert read(text, "62311").get("hp_exam_neuro_pain_documented") is not True


# F9: a payer's threshold named as a requirement is not the patient's figure.
@pytest.mark.parametrize("text", [
    "Member meets 12-week conservative requirement? Unable to verify - records show 9 weeks.",
    "Has the member met the 12-week conservative care requirement?",
    "12-week conservative treatment requirement not verified.",
])
def test_outside9_f9_a_weeks_requirement_is_not_the_weeks_done(text: str) -> None:
    assert read(text, "62311").get("conservative_weeks") is None


def test_outside9_f9_weeks_done_beside_a_requirement_met_are_read() -> None:
    assert read("PT requirement met: 14 weeks of PT completed.", "64493")["pt_weeks"] == "14 weeks"


# F25: a history field answered "none" is no missing history.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Past surgical history: none. Medications: naproxen. Allergies: NKDA.", "62311",
     "hp_history_documented"),
    ("Surgical history: none.", "62311", "hp_history_documented"),
    ("PSH: none. Meds: gabapentin. Allergies: penicillin.", "62311", "hp_history_documented"),
    ("Prior chest injuries: none. Previous chest complaints: none.", "71250",
     "chest_history_documented"),
    ("Chest complaints: none before this year.", "71250", "chest_history_documented"),
])
def test_outside9_f25_a_history_answered_none_is_not_a_missing_history(
        text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not False


def test_outside9_f25_a_history_said_missing_is_still_missing() -> None:
    assert read("Medical history not on file", "62311")["hp_history_documented"] is False
    assert read("H&P on file lists meds but no allergies and no surgical history.",
                "62311")["hp_history_documented"] is False


# F22: what the family reports is no functional assessment.
@pytest.mark.parametrize("text", [
    "Gait: unsteady per family, steady on exam.",
    "Unsteady gait per wife.",
    "Family reports poor balance at home; Romberg negative.",
])
def test_outside9_f22_the_familys_report_of_gait_is_no_assessment(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is not True


def test_outside9_f22_an_examined_gait_is_still_read() -> None:
    assert read("Gait antalgic on exam.", "64493")["impaired_balance_gait"] is True


# F5: a postpartum condition dated years back is no postpartum now.
@pytest.mark.parametrize("text", [
    "Postpartum depression history (2019).",
    "Postpartum depression since delivery in 2019.",
    "Hx postpartum hemorrhage, 2015.",
])
def test_outside9_f5_a_postpartum_condition_of_years_ago_is_not_postpartum_now(text: str) -> None:
    assert "postpartum" not in read(text, "97110")


def test_outside9_f5_a_recent_delivery_is_still_postpartum() -> None:
    assert read("G1P1, 10 weeks postpartum.", "97110")["postpartum"] is True
    assert read("Postpartum since birth 2026-10-01.", "97110")["postpartum"] is True


# F24: a breakdown written "8 ex/2 manual/2 ed": each figure is the label after it.
@pytest.mark.parametrize("text", [
    "pt 12 wk (8 ex/2 manual/2 ed)",
    "pt 12 wk (6 ex/3 manual/3 ed)",
    "PT 12 weeks (7 ther ex/2 manual/3 educ)",
])
def test_outside9_f24_a_slash_breakdown_gives_no_figure_to_the_wrong_part(text: str) -> None:
    got = read(text, "64493")
    manual = text.split("/")[1].split()[0]
    assert got.get("pt_manual_weeks") in (None, f"{manual} weeks")

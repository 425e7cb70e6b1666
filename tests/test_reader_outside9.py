"""False facts the outside tester found in session 9 (evals/reader/outside/
session9-findings.md), one named test each, with wordings of the same meaning written by
the fixer besides the tester's. Readings go through :func:`agent.reading.understand`
under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# F19, F20: a relative who is the subject, then an aside about them or a sentence that
# opens with their pronoun: what follows is the relative's, not the patient's.
@pytest.mark.parametrize("text", [
    "Member's husband (also our member) is pending a facet injection too; he has done PT 14 weeks.",
    "Her husband, who drove her here, did PT for 14 weeks.",
    "Her brother, who lives with her, completed 14 weeks of PT.",
    "Patient's father (also seen here) had a facet injection last month. He has done PT 14 weeks.",
])
def test_outside9_f19_a_relatives_pt_weeks_are_not_the_patients(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Her mother, who came with her, is diabetic and on dialysis.",
    "His father, 81, has diabetes and ESRD on dialysis.",
    "Her mother, who is also a patient of Dr. Lee, has COPD and diabetes.",
])
def test_outside9_f20_a_relatives_diseases_after_an_aside_are_not_the_patients(text: str) -> None:
    assert "severe_comorbidities" not in read(text, "97110")


def test_outside9_f19_the_patients_own_sentence_after_a_relatives_is_still_read() -> None:
    """The pronoun the relative does not share, or the patient named, is the patient."""
    assert read("She came with her husband. She has done PT 14 weeks.", "64493")["pt_weeks"]
    assert read("Patient's wife, who is a nurse, has diabetes; patient has done PT 14 weeks.",
                "64493")["pt_weeks"]
    assert read("Pt's husband drove; he says the pain is 7/10.", "64493")["pain_nrs"]


# F17: an expected outcome or prognosis is not today's level.
@pytest.mark.parametrize("text", [
    "Expected outcome: mild impairment after 8 weeks of PT.",
    "Prognosis: good; expected to reach mild impairment by discharge.",
    "Expected functional outcome: mild impairment at 6 weeks.",
])
def test_outside9_f17_an_expected_outcome_is_not_the_current_impairment(text: str) -> None:
    assert "functional_impairment" not in read(text, "97110")


def test_outside9_f17_the_current_level_beside_an_expected_outcome_is_read() -> None:
    assert read("Functional impairment: moderate. Expected outcome: mild impairment after "
                "8 weeks of PT.", "97110")["functional_impairment"] == "moderate"
    assert "fio2_percent" not in read(
        "Expected to require high-flow O2 (FiO2 > 60%) if she deteriorates.", "71250")


# F15: a cosmetic wish "also" held beside the request is a cosmetic side, not the only aim.
@pytest.mark.parametrize("text", [
    "Cosmetic: patient also wants to improve posture for appearance.",
    "Pt would also like better posture for looks; main reason is neck pain.",
    "Cosmetic reasons as well - she also wants a better-looking posture.",
])
def test_outside9_f15_a_cosmetic_side_is_not_cosmetic_only(text: str) -> None:
    # (never "cosmetic only"; beside a condition read, such as the neck pain, it is read
    # "not cosmetic only": session 26's cosmetic purpose implied with a condition to treat)
    assert read(text, "97110").get("cosmetic_only") is not True


def test_outside9_f15_cosmetic_only_is_still_read() -> None:
    assert read("Purely cosmetic request.", "97110")["cosmetic_only"] is True
    assert read("Cosmetic: yes.", "97110")["cosmetic_only"] is True

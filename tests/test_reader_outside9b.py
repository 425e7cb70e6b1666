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

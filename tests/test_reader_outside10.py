"""False facts the outside tester found in session 10 (evals/reader/outside/
session10-findings.md, F1-F15), one named test each, with wordings of the same meaning
written by the fixer besides the tester's. Readings go through
:func:`agent.reading.understand` under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# F13: a spreadsheet's row "criterion / answer / source": the "No" in the second cell
# denied the source cell after it, and the label was read as a yes (a final denial on two
# exclusions the worksheet denies).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Field\tValue\tSource\nActive infection\tNo\tPCP\nCosmetic\tNo\tortho",
     "active_infection", False),
    ("62311", "Field\tValue\tSource\nActive infection\tNo\tPCP\nCosmetic\tNo\tortho",
     "cosmetic_purpose", False),
    ("64493", "Criterion,Met,Evidence\nActive infection,No,PCP note\nCosmetic,No,ortho",
     "active_infection", False),
    ("64493", "Criterion,Met,Evidence\nActive infection,No,PCP note\nCosmetic,No,ortho",
     "cosmetic_purpose", False),
    ("64493", "Active infection   No   PCP note", "active_infection", False),
    ("97110", "Active infection\tNo\tper PCP", "active_infection", False),
    # my own wordings: a pregnancy row, another CSV, a yes that stays a yes, an N
    ("64493", "Pregnant\tNo\tOB note 11/20", "pregnancy", "not_pregnant"),
    ("62311", "Criterion,Answer,Source\nCosmetic,No,per ortho", "cosmetic_purpose", False),
    ("62311", "Active infection\tYes\tPCP 11/20", "active_infection", True),
    ("97110", "Infection   N   chart review", "active_infection", False),
])
def test_outside10_f13_a_rows_no_answers_its_label_not_the_source_cell(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("female,no,no", "pregnancy", None),
    ("yes,yes,no", "active_infection", None),
])
def test_outside10_f13_a_chats_list_of_answers_is_no_row(text: str, fact: str,
                                                         value: object) -> None:
    """Answers a chat gives in a list are not a spreadsheet's label and its answer."""
    assert read(text, "64493").get(fact) == value


# F14: a field's "No" with its source in brackets denied the source: "Active infection:
# No (PCP)" read no PCP consultation on file (a final denial on a document nobody said was
# missing).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Active infection: No (PCP)", "pcp_consult_documented"),
    ("64493", "Pregnant: No (PCP confirmed)", "pcp_consult_documented"),
    ("62311", "Severe comorbidities: No (PCP).", "pain_or_pcp_consult_documented"),
    # my own wordings: another field, another source, a "none"
    ("64493", "Cosmetic: no (PCP and ortho agree)", "pcp_consult_documented"),
    ("62311", "Active infection: none (PCP 11/20)", "pain_or_pcp_consult_documented"),
    ("64493", "Infection - No (primary care)", "pcp_consult_documented"),
])
def test_outside10_f14_a_fields_no_does_not_deny_its_bracketed_source(
        cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not False


def test_outside10_f14_a_consult_denied_outright_is_still_denied() -> None:
    assert read("No PCP consult", "64493").get("pcp_consult_documented") is False
    assert read("PCP consult: none", "64493").get("pcp_consult_documented") is False

"""Care tried, pregnancy, postpartum and cosmetic purpose (session 30, care30). Wordings are
this file's own, in several voices (an audit worksheet pasted from a spreadsheet, a payer's
checklist, a utilization nurse's table, an intake form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 10, 25))


# --- a pipe row whose first cell only numbers the row: the label is the second cell --------
# (a nurse reads "Req 6 | Pregnancy/postpartum | pregnant" as the field "pregnancy or
# postpartum", answered "pregnant": no delivery is stated, and "Criterion | Cosmetic purpose |
# No" as no cosmetic purpose)

@pytest.mark.parametrize("text", [
    # a utilization nurse's worksheet
    "Line 4 | Cosmetic purpose | No - requested for pain and function",
    # a payer's checklist pasted from a portal
    "| 7 | Cosmetic reason | none |",
    # an audit row keyed by its number
    "#12 | Cosmetic intent | No (per ordering provider)",
])
def test_a_numbered_rows_cosmetic_label_is_no_cosmetic_purpose(text: str) -> None:
    assert read(text, "97110").get("cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    "Item 3 | Pregnant/postpartum | pregnant - 18 weeks by dates",
    "Criterion | Pregnancy/Postpartum status | pregnant, OB aware",
    "| 5 | Pregnancy / postpartum | pregnant (20 wks) |",
])
def test_a_rows_two_topic_label_answered_pregnant_states_no_delivery(text: str) -> None:
    got = read(text, "97110")
    assert got.get("pregnancy") == "pregnant"
    assert "postpartum" not in got


@pytest.mark.parametrize("text", [
    # the answer still answers: a row key changes which cell is the label, not the answer
    "Item 4 | Postpartum | no",
    "Req 2 | Pregnancy/postpartum | no",
])
def test_a_numbered_rows_no_still_denies_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is False


def test_a_numbered_rows_infection_answered_none_is_no_infection() -> None:
    # the row's number before its label read as the label, the label as an infection
    assert read("| 3 | Active infection | none |", "97110").get("active_infection") is False


def test_a_plain_two_cell_row_still_reads_its_label_and_answer() -> None:
    # guard: no row key, the first bar is still the label's colon
    assert read("Cosmetic purpose | No", "97110").get("cosmetic_purpose") is False
    assert read("| Pregnancy | N/A (male) |", "97110").get("pregnancy") == "not_applicable"


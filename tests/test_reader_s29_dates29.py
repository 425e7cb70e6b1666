"""Records on file, dates and scores (session 29, dates29). Wordings are this file's own, in
several voices (a fax cover's checklist, a coordinator's chat shorthand, a chart audit, a
letter from abroad, a phone slip, a portal message)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a tick or a cross is each record's own answer on a line of records ---------------------
# (a nurse reads "med list ✗" as the list not there, whichever side of its item the marks
# stand, and a tick as the record on file)

@pytest.mark.parametrize("text", [
    # a fax cover's checklist, marks after their items
    "Received today: PT notes ✓ | med list ✗ | PCP consult ✓",
    # a coordinator's chat shorthand, marks before their items
    "Chart audit 12/01: ✓ PCP consult ✓ PT notes ✖ med list",
    # a portal upload list with heavy crosses
    "Uploads - PT notes ✔   medication list ❌   PCP consult ✔",
])
def test_a_crossed_med_list_is_not_on_file(text: str) -> None:
    got = read(text, "64493")
    assert got.get("medication_list_documented") is False
    assert got.get("pt_notes_documented") is True
    assert got.get("pcp_consult_documented") is True


@pytest.mark.parametrize("text", [
    # a UR nurse's packet check
    "Packet check - PFT report ✓, pulm consult ❌, chest x-ray images ✓",
    # a scheduler's line
    "✔ PFT report  ✘ pulmonology consult  ✔ CXR images",
])
def test_a_crossed_consult_is_not_on_file(text: str) -> None:
    got = read(text, "71250")
    assert got.get("specialist_consult_documented") is False
    assert got.get("pft_results_documented") is True


@pytest.mark.parametrize("text", [
    # marks after their items: the tick before a crossed item is the item before's
    "PCP consult ✓ | PT notes ✓ | med list ✗",
    # marks before their items: the cross after a ticked item is the next item's
    "✓ PCP consult  ✓ PT notes  ✗ med list",
])
def test_the_ticked_records_beside_a_cross_stay_on_file(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pcp_consult_documented") is True
    assert got.get("pt_notes_documented") is True
    assert got.get("medication_list_documented") is False


def test_a_record_with_no_mark_keeps_its_reading() -> None:
    got = read("PT notes and med list attached; PCP consult ✓", "64493")
    assert got.get("medication_list_documented") is True
    assert got.get("pcp_consult_documented") is True

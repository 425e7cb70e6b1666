"""A narrower history denied is no missing record (session 18, coordinator; outside tester
18 F4: "Patient has no bleeding history." read no medical history on file, a final denial
of 62311). The policy's history is medications, allergies and past surgeries: a denial of
another kind of history ("no cardiac hx") says nothing of the record, and a denial of one
of its parts said alone ("No surgical history.") is asked, since it may mean none
had or none on file. Wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize("text", [
    "She has no bleeding history and takes no anticoagulants.",
    "No cardiac history. BP 128/80.",
    "Denies fever. No cancer history.",
    "No psychiatric history; lives alone.",
    "No surgical history.",
    "Pt reports no allergy history.",
])
def test_a_narrower_history_denied_is_no_missing_record(text: str) -> None:
    assert read(text, "62311").get("hp_history_documented") is not False


@pytest.mark.parametrize("text", [
    "Medical history not on file.",
    "No history on file.",
    "H&P in the chart lists medications but no allergies and no surgical history.",
])
def test_a_record_said_missing_is_still_missing(text: str) -> None:
    assert read(text, "62311").get("hp_history_documented") is False

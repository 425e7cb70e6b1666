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


def test_two_narrower_histories_denied_name_no_record() -> None:
    # outside tester 18 F4 in chat: the bleeding history was taken for the record named
    assert read("pt has no bleeding history, no surgical history",
                "62311").get("hp_history_documented") is not False


@pytest.mark.parametrize("text", [
    "meds list, allergies and surgeries are all documented",
    "Medications, allergies and past surgeries are on file.",
])
def test_the_three_parts_said_documented_are_the_history(text: str) -> None:
    # outside tester 18 F11: read a kind of conservative treatment instead
    assert read(text, "62311").get("hp_history_documented") is True


def test_one_part_said_missing_is_no_history() -> None:
    assert read("meds and allergies are on file, no surgeries documented",
                "62311").get("hp_history_documented") is False

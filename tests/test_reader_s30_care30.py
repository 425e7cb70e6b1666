"""Care tried, pregnancy, postpartum and cosmetic purpose (session 30, care30). Wordings are
this file's own, in several voices (an audit worksheet pasted from a spreadsheet, a payer's
checklist, a utilization nurse's table, an intake form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 10, 25))


# --- a pipe row whose first cell only numbers the row: the label is the second cell --------
# (a nurse reads "Criterion | Cosmetic purpose | No" as no cosmetic purpose, and "Item 4 |
# Postpartum | no" as not postpartum)

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


# --- care that "did not improve" was care given: the verb's "not" denies the improvement ----
# (a nurse reads "did not improve with physical therapy, NSAIDs or weight loss" as three kinds
# of care tried and failed, never as none tried; the same in a letter from abroad)

@pytest.mark.parametrize("text", [
    "Dictation: back and leg pain since spring which did not improve with physical therapy, "
    "meloxicam or a weight-loss program; that is all she has had.",
    "Carta del médico: no mejoró con fisioterapia, AINES ni dieta; son todos los tratamientos.",
    # a phone message
    "Her sciatica has not improved with physio, ibuprofen or a diet plan; nothing else tried.",
])
def test_a_whole_list_that_did_not_improve_reads_every_kind(text: str) -> None:
    assert read(text, "62311").get("conservative_treatments") == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    # guards: care not given stays denied or asked, never read as given
    "Did not start PT; no NSAIDs.",
    "No ha hecho fisioterapia.",
])
def test_care_not_started_is_not_read_as_given(text: str) -> None:
    kinds = read(text, "62311").get("conservative_treatments")
    assert not kinds or "physical_therapy" not in kinds


# --- a pregnancy with its own length is affirmed: a "no" before another finding stops there -
# (a list whose breaks were lost: "no active infection pregnant 14 wks" denies the infection)

@pytest.mark.parametrize("text", [
    # a pre-procedure checklist pasted as one line
    "Safety check: afebrile no UTI pregnant 22 wks OB aware",
    # a scheduler's note
    "no infection pregnant x 18 wks OB aware",
    # a dictation without punctuation
    "no rash no fever currently pregnant 30 weeks",
])
def test_a_pregnancy_with_its_length_after_another_denial_is_pregnant(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "pregnant"


@pytest.mark.parametrize("text", [
    # guards: the denial of the pregnancy itself still denies it
    "Not pregnant.",
    "denies fever, not pregnant",
    "No infection or pregnancy.",
])
def test_a_pregnancy_denied_itself_stays_denied(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "not_pregnant"

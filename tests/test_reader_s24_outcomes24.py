"""Outcomes of conservative care (session 24, outcomes24). Wordings are this file's own, in
voices far from the corpus items that failed (a hospice liaison's note, a union fund's
form, a wound-care nurse's call log, a podiatrist's letter, a coach's text thread, a
paramedic's home visit)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- "pt" as the one the writer talks with or hears from is the patient -------------------

@pytest.mark.parametrize("text", [
    # a hospice liaison's note
    "History per pt: chiropractic adjustments since the spring, about 10 weeks, no relief.",
    # a wound-care nurse's call log
    "11/30 phone call w/ pt - has been seeing a chiropractor twice weekly.",
    # a paramedic's home visit
    "Discussed with pt; she tried acupuncture and a TENS unit, neither helped.",
    # a union fund's reviewer
    "Reviewed with the pt: massage therapy x 6 sessions, nothing else.",
])
def test_pt_talked_with_is_no_physical_therapy(text: str) -> None:
    got = read(text, "62311").get("conservative_treatments")
    assert got is None or "physical_therapy" not in got


def test_pt_as_therapy_still_reads_beside_such_words() -> None:
    # the therapy named plainly with every other kind: still the whole list
    got = read("Tried pt, naproxen and weight loss; discussed with pt today.", "62311")
    assert got.get("conservative_treatments") == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


# --- "only" said of a figure does not make the kinds named the whole list -----------------

@pytest.mark.parametrize("text", [
    # a coach's text thread
    "update: she did PT but only 3 weeks, and is on meloxicam.",
    # a podiatrist's letter
    "He attended physiotherapy just twice before stopping, and has taken ibuprofen since.",
    # a fund form's free text
    "Therapy completed: only partly (4 of 12 visits). Medication: naproxen.",
    # a terse correction
    "correction: PT was only ~4 wks. meds 6 wks.",
])
def test_only_of_a_figure_is_not_the_whole_list(text: str) -> None:
    assert "conservative_treatments" not in read(text, "62311")


# --- a verdict in an earlier sentence is not the whole care's ----------------------------

@pytest.mark.parametrize("text", [
    # a podiatrist's letter
    "Two rounds of physiotherapy, both without benefit. Conservative care totals 15 weeks.",
    # a wound-care nurse's note
    "Chiro x 8 wks, no relief. Conservative management otherwise includes naproxen.",
    # a paramedic's home visit
    "Did the HEP, it failed. Conservative tx: ibuprofen daily since October.",
    # a coach's text thread
    "physio didnt help at all; conservative care still going w/ meds",
])
def test_a_verdict_on_one_treatment_before_the_care_is_named_is_asked(text: str) -> None:
    assert "failed_conservative" not in read(text, "62311")


@pytest.mark.parametrize("text", [
    "Conservative care: PT 8 wks, naproxen 6 wks - no improvement.",
    "Conservative tx x 14 wks without relief.",
])
def test_a_verdict_in_the_cares_own_sentence_still_reads(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


# --- a functional score's verdict in a clause that points back to it ---------------------

@pytest.mark.parametrize("text", [
    # a union fund's form line
    "Oswestry 12/01 28%, 46% on 10/20; reviewer rates this clinically significant improvement",
    # a coach's text thread
    "his oswestry went 50 -> 32 over 6 wks; the physio calls that a significant improvement",
    # a podiatrist's letter
    "Oswestry Disability Index 22% today, 38% on 11/02; this is a meaningful improvement.",
])
def test_a_verdict_pointing_back_to_a_score_reads(text: str) -> None:
    assert str(read(text, "62311").get("functional_assessment_6_weeks")) == "improved"


@pytest.mark.parametrize("text", [
    # a verdict with no functional measure before it on its line is still asked
    "Pain 7/10, 4/10 in June: significant improvement.",
    "Sleep: significant improvement.",
])
def test_a_verdict_of_something_else_is_no_functional_assessment(text: str) -> None:
    assert "functional_assessment_6_weeks" not in read(text, "62311")


def test_vs_between_diagnoses_still_doubts() -> None:
    assert "bacterial_pneumonia" not in read("CXR: bacterial pneumonia vs atelectasis.", "71250")

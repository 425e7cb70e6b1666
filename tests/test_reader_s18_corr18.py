"""Corrections and disagreement in notes (session 18, corr18). Wordings are the fixer's own.

Two clinicians who give a fact two figures, one turn after the other, are two sources:
which is right is asked, never the first figure taken (outside tester session 16 F14:
"Dr. Ames: PT was 14 weeks. Dr. Boyd: I count only 10 weeks in the records" read 14)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Dr. Okafor: physical therapy was 13 weeks. Dr. Lindgren: the PT notes I have add up "
     "to 9 weeks.", "64493", "pt_weeks"),
    ("Reviewer 1: conservative care 16 weeks per the chart. Reviewer 2: I see 9 weeks "
     "documented.", "62311", "conservative_weeks"),
    ("Attending says PT lasted 12 wks. Resident counts 8 wks in the attendance log.",
     "64493", "pt_weeks"),
    ("RN Patel: conservative treatment 14 weeks.\nDr Moss: more like 10 weeks, she stopped "
     "the NSAID early.", "62311", "conservative_weeks"),
])
def test_two_clinicians_two_figures_is_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the second clinician agrees
    ("Dr. Okafor: PT was 13 weeks. Dr. Lindgren: agreed, 13 weeks.", "64493", "pt_weeks",
     "13 weeks"),
    # the second turn's figure is another fact's
    ("Dr. Okafor: PT was 13 weeks. Dr. Lindgren: pain 7/10 on my exam.", "64493",
     "pt_weeks", "13 weeks"),
    # one clinician's two sentences are one source
    ("Dr. Okafor: PT was 13 weeks. Dr. Okafor: symptoms began 9 months ago.", "64493",
     "pt_weeks", "13 weeks"),
    # a new paragraph is no reply
    ("Dr. Okafor: PT was 13 weeks.\n\nDr. Lindgren: follow up in 2 weeks.", "64493",
     "pt_weeks", "13 weeks"),
])
def test_a_second_turn_that_does_not_dispute_leaves_the_figure(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# A reviewer's comment that says the original's day was something else takes that date
# back (outside tester session 16 F7: "MRI L-spine 10/14/2026 [Preceptor: no - 10/14 was
# a CT of the abdomen; the only lumbar MRI is 02/11/2026]" read 10/14 in the whole case).
@pytest.mark.parametrize("text", [
    "X-rays 06/2026 [attending: 06/03/2026]. MRI lumbar 11/02/2026 [attending: no, 11/02 was "
    "the knee MRI; lumbar MRI 01/15/2026].",
    "H&P 12/01/2026. XR 05/20/2026. MRI L-spine 10/30/2026 [QA review: 10/30 is a CT "
    "abdomen/pelvis, not an MRI; last spine MRI 03/03/2026].",
    "Lumbar MRI 09/28/2026\n[Preceptor: the 9/28 study was a shoulder MRI - spine MRI was "
    "02/02/2026]",
])
def test_a_reviewer_saying_the_day_was_another_study_takes_it_back(text: str) -> None:
    got = str(read(text, "64493").get("ct_mri_date"))
    assert got not in ("2026-11-02", "2026-10-30", "2026-09-28"), got


@pytest.mark.parametrize(("text", "value"), [
    ("MRI L-spine 10/02/2026 [audit: 10/02/2026 is the study date; 09/02 was the order].",
     "2026-10-02"),
    ("MRI L-spine 10/02/2026 [preceptor: 10/02 was correct].", "2026-10-02"),
])
def test_a_reviewer_confirming_the_day_keeps_it(text: str, value: str) -> None:
    assert str(read(text, "64493").get("ct_mri_date")) == value


# A later section that says one member of a count was something else leaves the count
# asked (outside tester session 17 F7: "X-rays x2 sets. Addendum 12/01: the second set was
# of the other knee" read 2 sets).
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Knee radiographs: 2 sets on file.\nAddendum 11/30: the first set was of the "
     "contralateral knee.", "97110", "xray_sets"),
    ("XR shoulder x 2 sets (07/10/2026, 10/22/2026). ADDENDUM: one of the sets was for her "
     "other shoulder.", "97110", "xray_sets"),
    ("PT x 3 courses, 14 weeks in all.\nCorrection: one of the courses was for her neck, not "
     "the low back.", "64493", "pt_weeks"),
])
def test_a_member_of_a_count_said_to_be_another_thing_asks_the_count(
        text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize("text", [
    "2 sets of x-rays. Addendum: the second set was reviewed by ortho.",
    "X-rays: 2 sets. Addendum 12/02: the second set is on the CD in the packet.",
])
def test_a_member_only_described_leaves_the_count(text: str) -> None:
    assert str(read(text, "97110").get("xray_sets")) == "2"


# A record pasted into a one-line box keeps its rows' indentation as runs of spaces; each
# row is read as a row (outside tester session 17 F9: a resolved 2021 pregnancy read as now,
# the MRI dated by the next row's assessment).
@pytest.mark.parametrize("text", [
    "PROBLEM LIST   Active | Lumbar strain | since 2026-02-01   Inactive | Pregnancy | "
    "G2P2, delivered 2019-04-11 ALLERGIES   NKDA",
    "Past problems   Resolved | Pregnancy (SNOMED 77386006) | 2017-09-30   Resolved | "
    "Ankle sprain | 2023   Active | Rotator cuff tendinopathy | 2026-06-10",
])
def test_a_one_line_record_keeps_a_resolved_row_in_the_past(text: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) != "pregnant", read(text, "97110")


def test_a_one_line_record_dates_a_study_by_its_own_row() -> None:
    text = ("IMAGING   2026-05-14 | XR knee 3 views   2026-08-30 | MRI right knee without "
            "contrast VITALS   2026-11-29 | BP 128/80")
    assert str(read(text, "97110").get("mri_date")) == "2026-08-30"


def test_fields_spaced_on_one_line_still_read() -> None:
    got = read("Active infection: No   Pregnant: No   Cosmetic: No", "97110")
    assert str(got.get("pregnancy")) == "not_pregnant" and got.get("active_infection") is False


# The old figure a note says was given before is struck, the corrected one read (outside
# tester session 17 M4: "FEV1 58% predicted (previously reported as 85% in error)" asked).
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("FEV1 61% of predicted (originally charted as 81%).", "71250",
     "fev1_percent_predicted", "61"),
    ("Temp 37.2 C (initially recorded as 38.6 C - wrong device).", "71250",
     "body_temperature", "37.2 C"),
    ("Physical therapy 9 weeks, previously documented as 13 weeks in error.", "64493",
     "pt_weeks", "9 weeks"),
    ("NRS 7/10 (mistakenly entered as 2/10 at triage).", "64493", "pain_nrs", "7"),
])
def test_a_figure_said_to_be_given_before_is_struck(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value, read(text, cpt)


def test_a_one_line_record_reads_a_labelled_row_after_its_rows() -> None:
    # the status row after a header, in a record whose other rows are cells
    text = ("PROBLEMS   Active | Knee osteoarthritis, right | 2026-01-05   Resolved | Pregnancy "
            "| delivered 2016-02-14 PLAN   Supervised PT requested OTHER   Pregnancy status: "
            "not pregnant (hCG negative 2026-11-20)")
    assert str(read(text, "97110").get("pregnancy")) == "not_pregnant", read(text, "97110")

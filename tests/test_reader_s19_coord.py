"""A denial of a treatment that its own sentence contradicts with a length done ("PT: no,
I stopped after 4 weeks") is no "none": how much was done is asked (an open input of
session 18's notes). Wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize("text", [
    "PT: no, I stopped after 4 weeks.",
    "No PT - she quit after 2 visits because of the copay.",
    "Physical therapy: none, he dropped out after three sessions.",
    "No physio; gave up after a couple of weeks.",
])
def test_a_denial_the_sentence_contradicts_with_a_length_is_not_none(text: str) -> None:
    got = read(text, "64493")
    assert "pt_weeks" not in got
    assert "pt_courses_failed" not in got


@pytest.mark.parametrize("text", ["No PT.", "No physical therapy to date.", "PT: none."])
def test_a_plain_denial_is_still_none(text: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) == "0"


def test_a_course_that_stopped_after_its_weeks_keeps_its_length() -> None:
    assert str(read("PT x 12 weeks, stopped after that as it did not help.",
                    "64493").get("pt_weeks")) == "12 weeks"


@pytest.mark.parametrize(("text", "days"), [
    ("Dx: right shoulder impingement. Onset 09/14/2026 (reaching overhead at work).", "81 days"),
    ("Chief complaint: neck pain and stiffness.\nOnset 10/01/2026, no trauma.", "64 days"),
    ("58 yo F, L knee OA flare. Onset 11/02/2026.", "32 days"),
])
def test_a_bare_onset_opening_its_sentence_dates_the_symptoms(text: str, days: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == days


@pytest.mark.parametrize("text", [
    "Husband: gout. Onset 09/14/2026.",
    "Her son has asthma. Onset 09/14/2026.",
    "PMH: DM2, HTN. Onset 03/04/2015.",
    "Onset of PT 08/01/2026.",
])
def test_a_bare_onset_of_someone_else_or_of_history_is_not_the_symptoms(text: str) -> None:
    assert "symptom_weeks" not in read(text, "97110")


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Consults: VA PM&R consult 10/20/2026."),
    ("97110", "Seen by Dr R. Abbott (sports medicine) 09/02/2026 for the H&P.\n"
              "Dr Abbott's consult (11/03/2026) recommends a supervised program."),
    ("71250", "Pulmonology consult of 11/10/2026 supports the CT."),
])
def test_a_specialists_consult_with_its_past_day_is_on_record(cpt: str, text: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "PCP consult 10/20/2026 supports PT."),
    ("97110", "Dr Abbott's consult (11/03/2026) recommends a supervised program."),  # who?
    ("64493", "Pain management consult 10/20/2026 pending, not yet seen."),
])
def test_a_dated_consult_of_no_specialist_or_not_done_is_not_on_record(cpt: str,
                                                                         text: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "Ortho consult 12/20/2026."),
    ("71250", "Pulmonology consultation (12/15/2026), referral sent."),
    ("64493", "Pain management consult on 01/06/2027 for the facet question."),
])
def test_a_consult_dated_after_today_is_a_booking_not_a_record(cpt: str, text: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is None


def test_a_consult_dated_before_today_is_still_read() -> None:
    assert read("Ortho consult 11/20/2026.", "97110").get("specialist_consult_documented") is True


@pytest.mark.parametrize(("text", "day"), [
    ("H&P and consult letter 10/14/2026 on file.", "2026-10-14"),
    ("H&P + pain consult (Dr Ruiz) 11/02/2026 scanned in.", "2026-11-02"),
    ("H&P & PCP note 09/30/2026.", "2026-09-30"),
])
def test_one_day_after_two_records_joined_bare_is_both_records_day(text: str, day: str) -> None:
    assert str(read(text, "64493").get("hp_date")) == day


def test_a_day_set_apart_after_the_second_record_is_not_the_firsts() -> None:
    got = read("The H&P, and the consultation note from Dr. Lin, dated 10/20/26.", "64493")
    assert str(got.get("hp_date")) != "2026-10-20"


def test_a_later_day_in_another_column_is_not_the_firsts() -> None:
    got = read("H&P + PCP consult (Dr Ames) 09/30/2026 ✓    Pain mgmt consult (Dr Pham) "
               "10/07/2026", "64493")
    assert str(got.get("hp_date")) == "2026-09-30"


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Pulmonology consult, 11/25/2026:\n- 9 weeks of exertional dyspnea and cough.",
     "symptom_weeks", "9 weeks"),
    ("64493", "Conservative care:\n- 12 weeks of PT, no relief.", "pt_weeks", "12 weeks"),
    ("71250", "History:\n  - 3 months of productive cough", "symptom_weeks", "3 months"),
])
def test_a_bullet_dash_opening_a_line_is_no_minus_sign(cpt: str, text: str, fact: str,
                                                        value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


def test_a_minus_sign_on_a_figure_is_still_refused() -> None:
    assert "pt_weeks" not in read("PT for -3 months, no help.", "64493")


@pytest.mark.parametrize("text", ["Infection: nope", "Current infection: nah",
                                  "Active infection: nope."])
def test_a_lay_no_answering_a_field_denies_it(text: str) -> None:
    assert read(text, "64493").get("active_infection") is False



@pytest.mark.parametrize("text", [
    "58M, axial low back pain since 05/02/2026, NRS 7/10. PT 2025: 6 wks, no help (course 1); "
    "PT 2026: 8 wks, no help (course 2). Naproxen 8 wks failed.",
    "PT 2024: 4 wks (course 1), PT 2026: 10 wks (course 2). Meloxicam 10 wks, no relief.",
])
def test_course_labels_in_brackets_after_their_course_are_not_summed_with_what_follows(
        text: str) -> None:
    got = read(text, "64493")
    # (the second label's next length is a drug's: 8 + 8 and 10 + 10 were read before)
    assert str(got.get("pt_weeks")) not in ("16 weeks", "20 weeks")
    assert str(got.get("symptom_weeks")) not in ("16 weeks", "20 weeks")


def test_course_labels_before_their_lengths_still_add_up() -> None:
    assert str(read("PT course 1: 6 wks; course 2: 7 wks, no help.", "64493").get(
        "pt_weeks")) == "13 weeks"


@pytest.mark.parametrize("text", [
    "MRI L-spine 11/20/2026: L4-5 disc protrusion compressing the L5 root; no stenosis.",
    "MRI 11/20/2026 - no stenosis, large L5-S1 herniation abutting S1.",
])
def test_no_stenosis_beside_another_abnormality_denies_no_abnormality(text: str) -> None:
    assert read(text, "62311").get("imaging_stenosis_readable") is not False


def test_a_normal_mri_still_shows_no_abnormality() -> None:
    assert read("MRI 11/20/2026: normal MRI.", "62311").get("imaging_stenosis_readable") is False

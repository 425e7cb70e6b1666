"""When, scores and what is on file (session 28, dates28). Wordings are this file's own, in
several voices (a PT discharge summary, a text from a coordinator, an occupational-health
e-mail, a flowsheet pasted as rows, a phone message, a second-opinion letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a disability index's two scores said apart, each with its day or its occasion --------
# (a nurse reads "ODI 40% on 10/29 and 43% on 12/03" as an index that did not go down over
# those weeks, whatever words sit between the two scores, and orders them by their days or
# by "today" / "prior" before the order they were written in)

@pytest.mark.parametrize("text", [
    # a PT discharge summary
    "Oswestry 44% at initial evaluation, 47% at discharge today; goals not met.",
    # a coordinator's text
    "odi 40% on 10/29 and 43% on 12/03, basically flat",
    # an occupational-health e-mail, latest first
    "Functional status: ODI today 50% (12/04). Prior ODI 41% on 10/30.",
    # a flowsheet pasted as rows, newest row first
    "ODI 2026-12-02: 38%\nODI 2026-10-28: 36%",
])
def test_an_index_that_did_not_fall_over_its_dated_scores_is_no_improvement(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "not_improved"


@pytest.mark.parametrize("text", [
    # a second-opinion letter
    "Her Oswestry was 56% on 10/22 and is 38% today, a clear improvement in function.",
    # a case manager's summary
    "ODI 11/02 60% -> 12/01 44%: signif. better with pacing.",
    # a pain clinic's flowsheet line
    "ODI 12/02: 30% (was 48% on 10/21) - improved per therapist",
])
def test_a_fall_of_ten_points_called_better_is_a_significant_improvement(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "improved"


@pytest.mark.parametrize("text", [
    # the order left open: one score dated, the other not
    "ODI 12/01/2026 34% vs 46%.",
    # scores compared with no day and no word of when
    "Oswestry 33% on that form compared with 47%.",
    # no day and no word of now: how long ago the two were taken is not said
    "Caller: the ODI was 38% and then 41%, I don't have the dates.",
    # a year apart: no series over the policy's six weeks
    "He had an ODI of 38% back in Oct 2025 and 45% last week.",
    # another person's scores
    "His wife's ODI was 40% on 10/29 and 44% on 12/03.",
    # a fall with no word of getting better stays asked
    "ODI 10/20 58% -> 12/01 40%.",
    # a fall called better, but denied
    "ODI 10/20 56% -> 12/01 40% per the log, but the note says no functional improvement.",
])
def test_a_series_whose_order_or_time_is_open_is_asked(text: str) -> None:
    assert "functional_assessment_6_weeks" not in read(text, "62311")


def test_a_fall_too_small_to_count_is_no_significant_improvement() -> None:
    # a fall of 5 points called improved: less than the index's least change that counts
    got = read("ODI 10/28 46% -> 12/02 41%, improved.", "62311")
    assert got.get("functional_assessment_6_weeks") != "improved"


# --- the score after the treatment a baseline was before is the change's other end --------
# (a nurse reads "5 of 10 before physio ... after eight weeks of it, a 7" as pain up by 2,
# where the policy asks the change and not the score itself)

@pytest.mark.parametrize(("text", "change"), [
    # a letter from abroad
    ("Her pain was 4 of 10 before any therapy; after eight weeks of PT and meds it is a 7.", 3),
    # a physiotherapist's discharge line
    ("NRS at baseline 3/10 before treatment. Post-PT today: 6.", 3),
    # a phone message
    ("Pain at baseline before PT was six out of ten; still a six.", 0),
    # a referral written in Indian English
    ("VAS before physiotherapy was 4/10, presently 7/10.", 3),
])
def test_the_score_after_treatment_gives_the_change_since_the_baseline(text: str,
                                                                        change: int) -> None:
    got = read(text, "62311")
    assert float(str(got.get("pain_nrs_increase"))) == change


@pytest.mark.parametrize("text", [
    # another person's score after the treatment
    "Pain at baseline 5/10 before PT; after PT his wife's pain is 8.",
    # a recheck still to come
    "Baseline pain 5/10 before PT; we will recheck after PT in 6 weeks.",
    # another measure after the treatment
    "Baseline NRS 4/10 before PT; after PT the ODI is 46%.",
])
def test_no_change_without_the_patients_score_after_treatment(text: str) -> None:
    assert "pain_nrs_increase" not in read(text, "62311")


def test_a_corrected_baseline_leaves_the_change_to_the_correction() -> None:
    # a dictated correction: the change is from the corrected baseline, not the first one
    got = read("Baseline pain before PT was 3/10; now 7/10. Correction: her baseline before "
               "any treatment was 5/10, not 3.", "62311")
    assert got.get("pain_nrs_increase") in (None, "2")


# --- the dates listed after a study's date are the same study's ---------------------------
# (a nurse reads "Knee XR: 2025-07-01; 2026-11-09; 2027-06-01" as three sets of knee films,
# the last in June, though each date stands between semicolons or a form's bars)

later = reader_at(date(2027, 6, 28))


@pytest.mark.parametrize(("text", "latest", "sets"), [
    # an orthopaedic clinic's imaging line
    ("Shoulder X-rays: 2026-02-14; 2026-09-30; 2027-05-20.", date(2027, 5, 20), 3),
    # a portal form's row
    ("Radiographs knee | 2026-10-05 (initial) | 2027-06-01 (follow-up)", date(2027, 6, 1), 2),
    # a letter from abroad, dates written out, one row of commas
    ("X-ray of the hip 12 Jan 2027, 3 May 2027.", date(2027, 5, 3), 2),
    # a chiropractor's intake, month-first dates between bars
    ("Lumbar films on file: 03/02/2027 | 06/10/2027", date(2027, 6, 10), 2),
    # a sports-medicine text message
    ("XR L knee - 02/11/2027; 05/30/2027", date(2027, 5, 30), 2),
])
def test_dates_listed_after_a_studys_date_are_the_same_study(text: str, latest: date,
                                                             sets: int) -> None:
    got = later(text, "97110")
    assert str(got.get("xray_date")) == latest.isoformat()
    assert float(str(got.get("xray_sets"))) == sets


@pytest.mark.parametrize("text", [
    # the next date names a study of its own
    "Knee XR: 2026-07-01; 2027-05-09 MRI knee.",
    # the next date is an order, not a study done
    "Knee XR 2026-07-01, 2027-05-09 (ordered).",
])
def test_a_date_with_words_of_its_own_is_not_the_listed_studys(text: str) -> None:
    assert later(text, "97110").get("xray_date") != "2027-05-09"

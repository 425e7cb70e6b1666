"""Session 35, dates35: the day of a study, an H&P, a block or a PFT. Wordings are this
file's own (not the corpus's, nor the testers').

1. A day word denied right before it ("XR 05/04/2025 (not repeated today)", "H&P: none
   today") is no day of the record: it had become the note's own date (outside tester 34
   F16), and old studies passed as new.
2. A later day in a study's sentence that only a review of it has ("discussed at
   follow-up 11/27/2026", "went over the films with him 11/18/2026") is the review's
   (outside tester 34 F2 leftovers).
3. "did one years ago": the "one" is the study, and "years ago" gives no day (fresh38
   read an MRI a year old).
4. A sentence that opens with a repeat and its day ("Repeat 06/09/2028: FEV1 71%") dates
   the study named right before it (fresh38 read the older spirometry's day).
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))
read28 = reader_at(date(2028, 8, 1))


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Encounter date: 11/24/2026\n- XR L-spine 05/04/2025 (not repeated today): "
              "L4-S1 facet arthropathy", "xray_date", "2025-05-04"),
    ("64493", "XR L-spine 05/04/2025 (not repeated today): facet arthropathy",
     "xray_date", "2025-05-04"),
    ("62311", "DOS: 11/24/2026\nH&P (10/15/2026) not updated today.", "hp_date", "2026-10-15"),
    ("64493", "Encounter date: 11/24/2026\nXR L-spine: none today (last 05/04/2025).",
     "xray_date", "2025-05-04"),
    ("62311", "Seen 11/24/2026. Last H&P 10/15/2026, wasn't repeated today.",
     "hp_date", "2026-10-15"),
    ("71250", "Visit 12/02/2026\nSpirometry 10/20/2025 (no repeat today).",
     "pft_date", "2025-10-20"),
    ("64493", "Encounter date: 11/24/2026\n- L4-5 medial branch blocks 07/10/2026 (not "
              "repeated today): 85% relief x 5 h", "nerve_block_date", "2026-07-10"),
    ("97110", "Note date 11/30/2026\nMRI C-spine 08/14/2025 (not repeated today).",
     "mri_date", "2025-08-14"),
    ("62311", "DOS: 11/24/2026\nH&P 10/15/2026 (not repeated at this visit).", "hp_date",
     "2026-10-15"),
    ("62311", "DOS: 11/24/2026\nH&P 10/15/2026, not updated at today's visit.", "hp_date",
     "2026-10-15"),
])
def test_a_day_word_denied_is_no_day_of_the_record(cpt: str, text: str, fact: str,
                                                   value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: the record was done that day
    ("64493", "Encounter date: 11/24/2026\nXR L-spine 05/04/2025, repeated today: stable.",
     "xray_date", "2026-11-24"),
    ("62311", "DOS: 11/24/2026\nNo fever. H&P done today.", "hp_date", "2026-11-24"),
    ("62311", "DOS: 11/24/2026\nH&P today. Prior H&P 10/15/2026.", "hp_date", "2026-11-24"),
    ("62311", "DOS: 11/24/2026\nH&P not done at the last visit 10/15/2026 but done today.",
     "hp_date", "2026-11-24"),
    ("62311", "DOS: 11/24/2026\nH&P performed at this visit.", "hp_date", "2026-11-24"),
])
def test_a_day_word_not_denied_still_dates_the_record(cpt: str, text: str, fact: str,
                                                      value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Spirometry done 10/20/2025, discussed at follow-up 11/27/2026.",
     "pft_date", "2025-10-20"),
    ("64493", "XR L-spine 10/14/2025 - went over the films with him 11/18/2026.",
     "xray_date", "2025-10-14"),
    ("64493", "xr ls 10/14/25, went over w him 11/18/26", "xray_date", "2025-10-14"),
    ("97110", "MRI C-spine 08/14/2025 - I showed her the images again on 11/30/2026.",
     "mri_date", "2025-08-14"),
    ("71250", "PFT 10/20/2025, besprochen mit Patientin am 11/27/2026", "pft_date",
     "2025-10-20"),
    ("64493", "MRI L-spine 04/14/2026, compared at the 11/19/2026 visit with the old films",
     "ct_mri_date", "2026-04-14"),
])
def test_a_review_day_is_no_study_day(cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: done again that day
    ("64493", "MRI L-spine 04/14/2026, repeated 11/19/2026 - new L5 compression.",
     "ct_mri_date", "2026-11-19"),
    ("64493", "MRI 04/14/2026 reviewed, new MRI 11/19/2026 shows L5 compression.",
     "ct_mri_date", "2026-11-19"),
    ("64493", "MRI 04/14/2026 read as mild DDD, MRI 11/19/2026 with compression.",
     "ct_mri_date", "2026-11-19"),
    ("64493", "XR L-spine 10/14/2025, new films taken 11/18/2026.", "xray_date", "2026-11-18"),
    ("71250", "PFT 10/20/2025, PFT repeated 11/27/2026, discussed with her.", "pft_date",
     "2026-11-27"),
])
def test_a_study_done_again_keeps_its_later_day(cpt: str, text: str, fact: str,
                                                value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", 'Lumbar X-rays 03/02/2028. MRI: he "thinks the VA did one years ago", no '
              "report anywhere.", "mri_date"),
    ("97110", "MRI? yes, got one years ago at County, no films.", "mri_date"),
    ("64493", "X-rays - had one months ago, report not found", "xray_date"),
    ("71250", "PFT: did one weeks ago, results pending", "pft_date"),
    ("97110", "MRI lumbar: many years ago (outside)", "mri_date"),
])
def test_one_before_a_plural_unit_gives_no_day(cpt: str, text: str, fact: str) -> None:
    assert fact not in read28(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "MRI one year ago, normal.", "mri_date", "2027-08-01"),
    ("97110", "MRI a year ago, normal.", "mri_date", "2027-08-01"),
    ("64493", "X-ray 1 month ago", "xray_date", "2028-07-01"),
])
def test_a_count_of_one_before_its_unit_still_dates(cpt: str, text: str, fact: str,
                                                   value: str) -> None:
    assert read28(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Spirometry 11/14/2027: FEV1 88% pred. Repeat 06/09/2028: FEV1 71% pred.",
     "pft_date", "2028-06-09"),
    ("64493", "XR L-spine 01/10/2028. Repeated 05/02/2028 - unchanged.", "xray_date",
     "2028-05-02"),
    ("71250", "PFT 11/14/2027 (FEV1 88%). Redone 06/09/2028: FEV1 71%.", "pft_date",
     "2028-06-09"),
    ("71250", "PFTs: 11/14/2027 FEV1 88%.\nRepeat study 06/09/2028 FEV1 71%.", "pft_date",
     "2028-06-09"),
    ("97110", "MRI L-spine 09/01/2027 - mild DDD. Repeat on 04/03/2028, new L5 compression.",
     "mri_date", "2028-04-03"),
])
def test_a_repeat_opening_the_next_sentence_dates_the_study(cpt: str, text: str, fact: str,
                                                            value: str) -> None:
    assert read28(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: booked, another study's, another paragraph's
    ("71250", "Spirometry 11/14/2027. Repeat 07/01/2028 scheduled.", "pft_date", "2027-11-14"),
    ("71250", "Spirometry 11/14/2027. Repeat ordered for 09/01/2028.", "pft_date",
     "2027-11-14"),
    ("64493", "MRI 01/05/2028. Repeat X-ray 03/03/2028.", "ct_mri_date", "2028-01-05"),
    ("71250", "Spirometry 11/14/2027: FEV1 88%.\n\nRepeat 06/09/2028 CBC normal.", "pft_date",
     "2027-11-14"),
])
def test_a_repeat_not_done_or_not_its_own_keeps_the_first_day(cpt: str, text: str, fact: str,
                                                              value: str) -> None:
    assert read28(text, cpt).get(fact) == value

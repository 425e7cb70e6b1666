"""False facts of policies 71250 and 97110 on the corpus at session 12's start (fixer
fixt), one named test each: the failing input and wordings of the same kind written by
the fixer. Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 11, 30)


read = reader_at(AS_OF)


# f9-71250-tele-fev1-correction: "FEV1 82% predicted - correction: ..., FEV1 is 76%" read
# 82 (a denial: FEV1 80% or more); f9-97110-chat-pending-correction: "pain 4, mri 10/2/26 -
# sorry, pain is 6" read 4. A figure said again after words that take the first back, in
# the sentence of those words, holds; an older figure further on does not.
@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    ("71250", "Reviewed PFTs with pt on video: spirometry 09/12/2026 FEV1 82% predicted - "
     "correction: the tech recalculated with the right height, FEV1 is 76% predicted. Full "
     "report uploaded to the chart. Older PFT 2023: FEV1 90%.", [],
     "fev1_percent_predicted", "76"),
    ("97110", "pain 4, mri 10/2/26 - sorry, pain is 6, the 4 was her husband's score",
     ["pain_nrs", "mri_date"], "pain_nrs", "6"),
    ("71250", "PFT 10/01/2026 FEV1 85% of predicted; amended report: FEV1 72% predicted after "
     "the height was corrected.", [], "fev1_percent_predicted", "72"),
    ("97110", "Pain 3/10 per intake sheet - sorry, I misread it, pain is 8/10 today.", [],
     "pain_nrs", "8"),
])
def test_a_figure_said_again_after_a_retraction_is_the_one_that_holds(
        cpt: str, text: str, pending: list[str], fact: str, value: str) -> None:
    assert read(text, cpt, pending).get(fact) == value


def test_a_retraction_in_another_sentence_does_not_pick_a_later_figure() -> None:
    # (an apology about something else, then an older test's figure)
    got = read("FEV1 82% predicted. Sorry for the delay in sending this. Older PFT 2021: "
               "FEV1 60%.", "71250")
    assert got.get("fev1_percent_predicted") != "60"


# f5-71250-chat-sessions-corrected: "3x a week - no, 2x, ..." read 3 sessions and "2x" as
# 2 weeks of PT (a denial); f5-97110-nonnative-pain-corrected: "in 8, no sorry, in 7"
# read 8. A bare "no" right after a dash, or before "sorry", and right before a new
# figure takes the figure before it back; "no improvement" takes nothing back.
@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    ("71250", "3x a week - no, 2x, the third was a home program. 26 weeks total",
     ["pt_sessions_per_week", "pt_weeks"], "pt_sessions_per_week", None),
    ("71250", "3x a week - no, 2x, the third was a home program. 26 weeks total",
     ["pt_sessions_per_week", "pt_weeks"], "pt_weeks", "26 weeks"),
    # (the 7 is read at the pain's label since session 17, as the corpus item expects)
    ("97110", "The pain is in 8, no sorry, in 7 of ten. Before the injection was 9.", [],
     "pain_nrs", "7"),
    ("71250", "14 weeks - no, 12 weeks, she stopped early", ["pt_weeks"], "pt_weeks",
     "12 weeks"),
    ("97110", "Pain 8, no sorry 6.", [], "pain_nrs", "6"),
    ("64493", "PT 3x a week - no improvement after 8 weeks.", [], "pt_weeks", "8 weeks"),
])
def test_a_figure_denied_with_a_bare_no_before_the_next_is_taken_back(
        cpt: str, text: str, pending: list[str], fact: str, value: str | None) -> None:
    assert read(text, cpt, pending).get(fact) == value


# f14-71250-mil-julian-vitals-two-times: "T 38.4  HR 110 RR 24  BP 126/80  SpO2 92% RA"
# read a saturation of 38.4 (a "meets": SpO2 under 92%) from the figure before "SpO2". A
# figure before a mention, with another measure's label and figure between, is not the
# mention's.
@pytest.mark.parametrize("text", [
    "VS 2026-338 0600: T 37.0  HR 92  RR 20  BP 130/82  SpO2 95% RA\n"
    "VS 2026-338 1400: T 38.4  HR 110 RR 24  BP 126/80  SpO2 92% RA",
    "Vitals 0600: T 37.0  HR 92  RR 20  BP 130/82  SpO2 95% RA\n"
    "Vitals 1400: T 37.1  HR 90 RR 18  BP 126/80  SpO2 96% RA",
    "Temp 36.6 HR 72 RR 16 SpO2",
])
def test_a_figure_before_other_measures_is_no_saturation(text: str) -> None:
    value = read(text, "71250", as_of=date(2026, 12, 4)).get("spo2_room_air")
    assert value is None or float(str(value)) > 50


# f14-71250-mil-julian-vitals-two-times, f14-71250-note-icu-flowsheet-julian-meets: rows of
# vitals ("T 37.0" at 0600, "T 38.4" at 1400) read the first row's temperature, which the
# question asks as the highest recent reading (a fever missed is a denial missed); f5-71250-
# note-discharge-summary-meets: "T 37.4 C (max 37.9 this admission)" read 37.4. Of figures
# in several sentences or rows, the highest holds, or the one named the highest ("max",
# "Tmax"); where a lower one is said to be now, which one is asked.
@pytest.mark.parametrize(("text", "value"), [
    ("VS 2026-338 0600: T 37.0  HR 92  RR 20  BP 130/82  SpO2 95% RA\n"
     "VS 2026-338 1400: T 38.4  HR 110 RR 24  BP 126/80  SpO2 92% RA", "38.4 C"),
    ("Vitals today: T 37.4 C (max 37.9 this admission), HR 104, BP 118/70.", "37.9 C"),
    ("12/03 1800 T 37.4 HR 98\n12/03 2200 T 37.9 HR 112\n12/04 0400 T 37.6 HR 108", "37.9 C"),
    ("Temp 37.2 this morning. Tmax 38.6 overnight.", "38.6 C"),
    ("Staff nurse reports T 101.6 F at 18:00 - given acetaminophen. On our arrival (19:05): "
     "T 99.4 F, HR 92.", "101.6 F"),
    ("Fever 38.5 on Monday. Temp today 36.9.", None),
])
def test_the_highest_of_several_recent_temperatures_is_the_one_read(
        text: str, value: str | None) -> None:
    assert read(text, "71250", as_of=date(2026, 12, 4)).get("body_temperature") == value


# f15-71250-grand-rounds-differential-slide: "1. Bacterial pneumonia - unlikely: afebrile,
# procalcitonin 0.04, ..." read a bacterial pneumonia (a final denial of 71250): a judgement
# after a dash, with its reasons after a colon, is about the item before the dash, as it is
# with no reasons ("Bacterial pneumonia - unlikely.").
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Differential diagnosis (slide 6):\n1. Bacterial pneumonia - unlikely: afebrile, "
     "procalcitonin 0.04, no consolidation on CXR.\n2. Fibrotic ILD (hypersensitivity "
     "pneumonitis vs UIP) - favored.\n3. Malignancy - cannot exclude.",
     "bacterial_pneumonia", False),
    ("71250", "Pneumonia - ruled out: CXR clear, procalcitonin normal.", "bacterial_pneumonia",
     False),
    ("97110", "Active infection - unlikely: afebrile, WBC 7.", "active_infection", False),
    ("71250", "Bacterial pneumonia - likely: fever 39, lobar consolidation.",
     "bacterial_pneumonia", None),
])
def test_a_judgement_with_its_reasons_after_a_colon_is_about_the_item_before_it(
        cpt: str, text: str, fact: str, value: bool | None) -> None:
    assert read(text, cpt).get(fact) == value


# f15-97110-legal-records-received-and-missing: "Requested, NOT received: treatment logs
# from ProMotion PT" read the logs on file (a "meets" from a missing record): a header of
# two parts that says what is missing ("Requested, not received:") gives its lines the
# missing context, as "Not received:" does.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "Received: orthopedic consultation, Dr. Lang, 09/15/2026 (recommends physical "
     "therapy); MRI L-spine 10/01/2026.\nRequested, NOT received: treatment logs from ProMotion "
     "PT (second request sent 11/30).", "treatment_logs_documented"),
    ("97110", "Requested, not yet received: PT treatment log, ortho consult note.",
     "specialist_consult_documented"),
    ("71250", "Requested, not received: PCP referral letter.\nReceived: PFT report 10/02/2026.",
     "pcp_referral_documented"),
])
def test_a_record_under_requested_not_received_is_not_on_file(
        cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt, as_of=date(2026, 12, 5)).get(fact) is False

"""A value that is not this patient's, not now, or not certain (session 14, helper gctx):
a figure a person is quoted as estimating, ... Each test holds the corpus input that read
a false fact and wordings of the same kind written by the helper, with plain statements
that must still be read. Readings go through :func:`agent.reading.understand`."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# f8-64493-call-patient-vague-recall ('Says she did "about 3 months" of PT'),
# f15-71250-insurer-cm-attendance-log-received ('Member confirms she did PT "twice a week
# for about 3 months"'), f15-71250-insurer-cm-member-cough-albuterol-helps-little ('temp
# "around 100"'), f13-71250-fam-daughter-home-oxygen ('a cough for "about two months"'),
# f6-62311-cm-son-hearsay-pain-a1c ('her pain went from "about a 5" before PT'): a figure a
# person is quoted as estimating is their recall, not a record: asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", 'Pt returned call. Says she did "about 3 months" of PT last year, doesn\'t '
     "remember how much of it was exercises.", "pt_weeks"),
    ("71250", 'Member confirms she did PT "twice a week for about 3 months" at Valley Rehab.',
     "pt_weeks"),
    ("71250", 'Member reports cough x 10 weeks. Says she had a temp "around\n100" last night '
     "but did not measure it.", "body_temperature"),
    ("71250", 'Daughter called about her father (79): "he\'s on his oxygen at home, 3 liters, '
     'and his\nsats were 88 this morning without it." She says he has had a cough\nfor "about '
     'two months" and was admitted for his COPD last winter, "the bad kind".', "symptom_weeks"),
    ("71250", 'Prior PFTs: 2023 at an outside hospital, "FEV1 about 70%" per\npatient; report '
     "not available to us.", "fev1_percent_predicted"),
    ("62311", 'CM note: pt\'s son called. He says her pain went from "about a 5" before PT to '
     'an 8 now, "I think".', "pain_nrs_baseline"),
    # the helper's own wordings
    ("64493", 'Patient recalls "roughly 10 weeks or so" of physical therapy in 2025.', "pt_weeks"),
    ("97110", 'Per the member, she has had knee pain for "like 4 months, maybe more".',
     "symptom_weeks"),
    ("64493", 'Caller states she did physical therapy "around 8 wks".', "pt_weeks"),
    ("71250", 'Pt told the triage nurse her temperature was "about 101" at home.',
     "body_temperature"),
    ("64493", 'Intake (phone): pain "approximately 7/10" per patient.', "pain_nrs"),
])
def test_a_figure_a_person_is_quoted_as_estimating_is_asked(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # a quoted figure with no estimate, an estimate not quoted, a document quoted
    ("64493", 'Says she did "12 weeks" of PT at Valley Rehab.', "pt_weeks", "12 weeks"),
    ("64493", "Pt says she did about 3 months of PT.", "pt_weeks", "3 months"),
    ("64493", 'Reviewer: symptom onset per H&P "approximately eleven weeks ago after lifting '
     'a sofa", low back.', "symptom_weeks", "11 weeks"),
    ("97110", 'History: right knee pain since 01/2026 ("about 10 months"), worse on stairs.',
     "symptom_weeks", "10 months"),
    ("64493", 'Patient rates her pain "a 7" today.', "pain_nrs", "7"),
    ("71250", "Temp 38.9 C today.", "body_temperature", "38.9 C"),
    ("64493", "PT 3 months, 2x/week, completed.", "pt_weeks", "3 months"),
])
def test_a_quoted_figure_that_is_no_estimate_is_still_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# f5-71250-p2p-radiology-failed-conservative ('cough persists despite 8 wks of inhaled
# steroids'), f8-71250-ur-outpatient-pneumonia-inhaler-failed ('Albuterol + ICS x 10 wks
# with no improvement in dyspnea'), f10-97110-ptdaily-postpartum-tummy ('low back pain, 5
# wks postpartum'): a length that is a treatment's (after "despite", before the words of its
# effect on the symptom) or a state's (postpartum, post-op) is not how long the symptoms
# have lasted: asked.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", 'Radiology protocol note (Dr. Cole) reads: "cough persists despite 8 wks of '
     'inhaled steroids and 2 antibiotic courses - conservative management has failed."'),
    ("71250", "Failed prior tx: Albuterol + ICS x 10 wks with no improvement in dyspnea."),
    ("97110", "PT daily note 11/21/2026 - pelvic girdle and low back pain, 5 wks postpartum "
     "(SVD 10/17/2026). Pain 5/10."),
    # the helper's own wordings
    ("71250", "Cough unchanged despite 6 weeks of albuterol."),
    ("64493", "Naproxen for 8 weeks without relief of her low back pain."),
    ("64493", "LBP in spite of 3 months of PT."),
    ("97110", "Neck pain, 6 wks post-op (ACDF 10/20/2026)."),
    ("71250", "Dyspnea, 4 weeks postpartum."),
    ("64493", "Tramadol x 6 wks - did not help the back pain."),
])
def test_a_treatment_s_or_a_state_s_length_is_not_the_symptoms(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("71250", "Cough for 8 weeks despite inhaled steroids.", "8 weeks"),
    ("71250", "Dyspnea x 10 wks, no improvement with albuterol.", "10 weeks"),
    ("97110", "Low back pain for 5 weeks, worsening.", "5 weeks"),
    ("64493", "8 weeks of low back pain despite naproxen.", "8 weeks"),
    ("97110", "Knee pain x 4 months; she is 6 months postpartum.", "4 months"),
])
def test_the_symptoms_own_length_beside_a_treatment_is_still_read(
        cpt: str, text: str, value: str) -> None:
    assert read(text, cpt).get("symptom_weeks") == value


# f13-71250-fam-son-va-pfts ("we have no copy of any PFTs") and
# f17-97110-ssa-objective-evidence-boxes ("Objective evidence attached: [x] X-rays [ ] MRI")
# read the study as never done. A copy, a report or an unticked box of a list says the
# document is not here, not that the study was never done: its date is asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", 'Son calls: "Mom did her breathing tests at the VA in 2023 I think - you don\'t '
     'have them?"\nChecked: we have no copy of any PFTs.', "pft_date"),
    ("97110", "Objective evidence attached:  [x] X-rays   [ ] MRI   [x] Specialist report "
     "(orthopedics, 10/02/2026)\n[ ] Therapy/treatment notes", "mri_date"),
    # the helper's own wordings
    ("97110", "We have no copy of the MRI yet.", "mri_date"),
    ("64493", "No report from the outside MRI of the L-spine.", "ct_mri_date"),
    ("97110", "Enclosed: [x] H&P  [ ] X-rays  [ ] MRI", "xray_date"),
    ("71250", "Outside records: no results of any PFTs.", "pft_date"),
    ("97110", "Imaging: ☐ MRI ☒ X-ray 10/02/2026", "mri_date"),
])
def test_a_missing_copy_of_a_study_is_no_study_never_done(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) != "never"


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "No MRI.", "mri_date"),
    ("97110", "Has never had an MRI of the knee.", "mri_date"),
    ("64493", "No X-rays or MRI of the back.", "ct_mri_date"),
    ("71250", "She has never had PFTs.", "pft_date"),
])
def test_a_study_denied_is_still_never_done(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) == "never"


# f15-71250-grand-rounds-velcro-crackles-teaching-point read "a temperature above 38 °C"
# in a teaching point as the patient's temperature. A figure after "above", "below",
# "exceeding" is a threshold: a measure's is asked, as one after ">" is.
@pytest.mark.parametrize("text", [
    "Teaching point: CAP should be suspected with a temperature\nabove 38 °C and new crackles.",
    "Call the MD for any temperature above 38.5 C.",
    "Admit if SpO2 below 88% on room air.",
    "Fever criteria: temp exceeding 100.4 F.",
])
def test_a_figure_after_above_or_below_is_a_threshold(text: str) -> None:
    facts = read(text, "71250")
    assert "body_temperature" not in facts and "spo2_room_air" not in facts


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Temp 38.9 °C today.", "body_temperature", "38.9 C"),
    ("T 101.8 F, above her baseline.", "body_temperature", "101.8 F"),
    ("SpO2 91% on room air.", "spo2_room_air", "91"),
])
def test_a_measured_figure_is_still_read(text: str, fact: str, value: str) -> None:
    assert read(text, "71250").get(fact) == value

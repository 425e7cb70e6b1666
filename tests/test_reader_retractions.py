"""Text that says some of its own words are wrong or another patient's (a document's
correction or addendum, not a chat "sorry, 8 not 14"): the words it points at are not
read, and a value it gives as the correct one is read (session 13, fixer gerr; fresh16's
false facts of this class, with wordings of the same kind written by the fixer).
Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# f16-62311-recon-cosmetic-code-in-error: "coded with Z41.1 (encounter for cosmetic
# surgery) in error" read a cosmetic purpose (a final denial).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "The claim was coded with Z41.1 (encounter for cosmetic surgery) in error by "
     "our coder. The correct diagnosis is M51.16 (disc disorder with radiculopathy, "
     "lumbar).", "cosmetic_purpose"),
    ("62311", "Dx on the referral was listed as cosmetic in error. Purpose: pain relief.",
     "cosmetic_purpose"),
    ("97110", "Cosmetic: Y (checked in error by front desk)", "cosmetic_purpose"),
    ("64493", "Problem list: active UTI - entered on this chart by mistake, resolved pt "
     "is another person's.", "active_infection"),
    ("97110", "Records of a different claimant were included in the production in error - "
     "they include an MRI dated 11/20/2026 and a diagnosis of severe CKD.", "mri_date"),
])
def test_words_the_text_says_were_recorded_in_error_are_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_denial_after_a_code_entered_in_error_is_still_read() -> None:
    got = read("The claim was coded with Z41.1 (encounter for cosmetic surgery) in error by "
               "our coder. The injection was for pain management, not for any cosmetic "
               "reason.", "62311")
    assert got.get("cosmetic_purpose") is False


# f16-62311-recon-mri-date-typo-corrected: "listed the lumbar MRI as 11/07/2026; that was
# a typing error" read 11/07 (the later of two dates) over "the correct date ... 10/07".
@pytest.mark.parametrize(("cpt", "text", "fact", "want"), [
    ("62311", "Our request listed the lumbar MRI as 11/07/2026; that was a typing error by "
     "our office. The correct date of the MRI L-spine is 10/07/2026 (report enclosed, date "
     "of exam circled). Please reprocess.", "ct_mri_date", "2026-10-07"),
    ("62311", "MRI L-spine 11/14/2026. That date was a clerical error; the MRI was done "
     "10/14/2026.", "ct_mri_date", "2026-10-14"),
    ("64493", "XR L-spine 11/30/2026 - see addendum.\nAddendum: this was a transcription "
     "error. X-ray lumbar spine 10/30/2026.", "xray_date", "2026-10-30"),
    ("62311", "H&P 11/30/2026 per the cover sheet. This is incorrect; H&P 11/03/2026 per "
     "the signed note.", "hp_date", "2026-11-03"),
])
def test_a_sentence_the_next_one_calls_an_error_is_not_read(
        cpt: str, text: str, fact: str, want: str) -> None:
    assert str(read(text, cpt).get(fact)) == want


def test_a_sentence_after_a_plain_one_that_names_no_error_leaves_it_read() -> None:
    got = read("MRI L-spine 10/14/2026. That study showed L5 root compression.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-10-14"
    got = read("Serum hCG 11/25/2026 negative. This patient's chart was reviewed for "
               "errors.", "64493")
    assert got.get("pregnancy") == "not_pregnant"


# f16-64493-telerad-hcg-line-was-another-patient: "The hCG line above referred to the
# patient in room 3 (different patient)" left the line above read (not pregnant).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Pre-procedure fluoroscopy screening. Per tech: 34 y/o F, serum hCG 11/25/2026 "
     "negative (<2 mIU/mL).\nADDENDUM 11/26/2026: The hCG line above referred to the "
     "patient in room 3 (different patient). This patient's serum hCG was drawn 11/26 and "
     "is pending.", "pregnancy"),
    ("71250", "WBC 18.2 on 11/20. Addendum: the WBC result above belongs to another "
     "patient; this patient's CBC is pending.", "wbc_count"),
    ("64493", "Pregnancy test: positive\nCorrection 11/26: the pregnancy test line above "
     "was for a different patient (wrong MRN).", "pregnancy"),
    ("71250", "Temp 39.2 C at triage, RR 24.\nNB - the above temp was entered in error "
     "(wrong chart).", "body_temperature"),
])
def test_a_line_the_text_points_back_at_as_another_patients_is_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_line_pointed_back_at_without_an_error_is_still_read() -> None:
    got = read("Serum hCG 11/25/2026 negative.\nAddendum: the hCG above was repeated "
               "11/26, still negative.", "64493")
    assert got.get("pregnancy") == "not_pregnant"


# f16-71250-dc-course-twin-brothers-summary-pasted: "The hospital course below is from the
# discharge summary of the patient's twin brother ...; it was scanned into this chart in
# error." read the quoted course's WBC 22K.
@pytest.mark.parametrize(("cpt", "text", "fact", "want"), [
    ("71250", "[Clinic note 11/28/2026. The hospital course below is from the discharge "
     "summary of the patient's twin brother, admitted the same week; it was scanned into "
     "this chart in error.]\n\"Admitted with sepsis from left lower lobe bacterial "
     "pneumonia, WBC 22K, T 39.4 C, intubated on day 2...\"\nThis patient today: afebrile, "
     "T 36.8 C. No pneumonia, lungs clear.", "wbc_count", None),
    ("71250", "NOTE: the labs below were faxed for a different patient and filed in error.\n"
     "WBC 21.3, T 39.0 C\n\nThis patient: T 37.1 C, WBC pending.", "wbc_count", None),
    ("64493", "The following PT summary belongs to the patient's sister and was uploaded in "
     "error:\nPT 14 weeks, failed.\n\nOur patient: no PT yet.", "pt_weeks", "0"),
    ("62311", "Attached below by mistake - another member's ED note:\n  Dx: cellulitis, "
     "active infection, on cephalexin.\n\nFor this patient: no active infection.",
     "active_infection", None),
])
def test_a_passage_the_text_points_forward_at_as_another_patients_is_not_read(
        cpt: str, text: str, fact: str, want: object) -> None:
    assert read(text, cpt).get(fact) == want


def test_the_patient_s_own_lines_after_a_passage_given_to_another_are_read() -> None:
    got = read("NOTE: the labs below were faxed for a different patient and filed in "
               "error.\nWBC 21.3, T 39.0 C\n\nThis patient: T 37.1 C.", "71250")
    assert got.get("body_temperature") == "37.1 C"


# f16-64493-note-telerad-addendum-mri-too-old ("Date of exam: 06/02/2026 ... Please use
# 05/12/2026 as the date of exam") and f15-62311-note-quality-audit-mri-date ("Corrected:
# MRI date 08/28/2026"): the later date was read, the one the text gives as correct not.
@pytest.mark.parametrize(("cpt", "text", "fact", "not_want"), [
    ("64493", "MRI LUMBAR SPINE W/O   Date of exam: 06/02/2026\nIMPRESSION: facet "
     "arthropathy.\nADDENDUM: This report was dictated on 06/02/2026; the examination "
     "itself was performed on 05/12/2026 at the outside center. Please use 05/12/2026 as "
     "the date of exam.", "ct_mri_date", "2026-06-02"),
    ("62311", "The packet cover sheet dates the lumbar MRI \"10/28/2026\". The radiology "
     "report is dated 08/28/2026; 10/28 is when the CD arrived.\nCorrected: MRI date "
     "08/28/2026.", "ct_mri_date", "2026-10-28"),
    ("62311", "H&P 11/30/2026 per cover sheet; the correct H&P date is 11/03/2026.",
     "hp_date", "2026-11-30"),
    ("64493", "Nerve block: MBB 11/20/2026 (should read 11/02/2026 per procedure note).",
     "nerve_block_date", "2026-11-20"),
    ("64493", "X-ray L-spine. Study date: 11/28/2026\nFindings: facet arthropathy.\nAddendum: "
     "the films were taken 10/28/2026 and read late; use 10/28/2026 as the study date.",
     "xray_date", "2026-11-28"),
    ("62311", "| MRI L-spine | Exam date: 11/20/2026 |\nNB (radiology): please use 09/20/2026 "
     "as the exam date; 11/20 is the date the report was amended.", "ct_mri_date",
     "2026-11-20"),
])
def test_a_value_the_text_gives_as_the_correct_one_replaces_the_one_it_corrects(
        cpt: str, text: str, fact: str, not_want: str) -> None:
    assert str(read(text, cpt).get(fact)) != not_want


def test_a_value_said_correct_is_read_over_the_earlier_one() -> None:
    got = read("The packet cover sheet dates the lumbar MRI \"10/28/2026\". The radiology "
               "report is dated 08/28/2026; 10/28 is when the CD arrived.\nCorrected: MRI "
               "date 08/28/2026.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-08-28"
    got = read("H&P 11/30/2026 per cover sheet; the correct H&P date is 11/03/2026.", "62311")
    assert str(got.get("hp_date")) == "2026-11-03"


def test_a_plain_correct_date_with_no_other_is_read() -> None:
    got = read("Correct date confirmed with radiology: MRI L-spine 10/07/2026.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-10-07"
    got = read("The MRI was done 10/07/2026 after an error in scheduling was fixed.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-10-07"


def test_a_sentence_that_calls_the_one_before_wrong_keeps_its_own_value() -> None:
    # (f4-64493-appeal-mri-superseded, f2-97110-fix-mri-wrong-body-part: the pointing
    # sentence gives the right value itself)
    got = read('The denial states "no MRI within 6 months". This is incorrect: an MRI of '
               "the lumbar spine was performed 08/14/2026.", "64493")
    assert str(got.get("ct_mri_date")) == "2026-08-14"
    got = read("Last MRI 4/2/26. Correction: that one was her lumbar MRI, wrong body part -- "
               "the shoulder MRI was 9/9/26.", "97110")
    assert str(got.get("mri_date")) == "2026-09-09"


def test_below_as_a_place_in_the_body_points_at_no_passage() -> None:
    # (f9-64493-note-resident-consult-meets: "no radiation below the knees ... his brother
    # had facet injections" blanked the conservative care under it)
    got = read("HPI: low back pain for 9 months, no radiation below the knees. His brother "
               "had facet injections in 2024.\nConservative care:\n- PT course 1, 8 wks: no "
               "relief.", "64493")
    assert str(got.get("pt_weeks")) == "8 weeks"


# f15-62311-quality-audit-baseline-from-ed-corrected ("Auditor: use 5/10 as the baseline"
# read the chart's 7/10), f5-62311-correction-courses-three-to-two ("Failed courses: 3
# ... -> corrected to 2" read 3), f5-62311-correction-baseline-from-2024 ("correction: the
# 3 was after her first injection in 2024" read the 3).
@pytest.mark.parametrize(("cpt", "text", "fact", "not_want"), [
    ("62311", 'The chart summary gives "baseline pain 7/10". The PT initial evaluation, '
     "before any treatment, records 5/10. Auditor: use 5/10 as the baseline.",
     "pain_nrs_baseline", "7"),
    ("62311", "Failed courses: 3 (PT, meds, chiro) -> corrected to 2; chiro was only 3 "
     "visits.", "conservative_courses_failed", "3"),
    ("62311", "Conservative care 16 weeks (amended to 12 weeks after the audit).",
     "conservative_weeks", "16 weeks"),
    ("62311", "Baseline NRS 3/10 - correction: the 3 was after her first injection in 2024; "
     "the true pre-treatment baseline this episode was 6/10.", "pain_nrs_baseline", "3"),
    ("64493", "NRS 9/10 on intake.\nAddendum: the 9 was the worst pain last year, not "
     "today; today 6/10.", "pain_nrs", "9"),
])
def test_a_figure_a_correction_takes_back_is_not_read(
        cpt: str, text: str, fact: str, not_want: str) -> None:
    assert str(read(text, cpt).get(fact)) != not_want


def test_a_figure_beside_use_with_no_as_is_no_correction() -> None:
    got = read("NSAID use 6 weeks; PT 8 weeks, then home exercise.", "62311")
    assert str(got.get("conservative_weeks")) != "6 weeks"


# Wordings of the same class written after the first two landings: the retraction names
# what it takes back by its subject, its day, or one word ("misfiled").
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Intake form: Pregnant - YES.\nNote from MA: intake form was filled out for "
     "the wrong patient; disregard it.", "pregnancy"),
    ("71250", "WBC 18.2 (11/20/2026).\nADDENDUM: Labs dated 11/20 in this note belong to a "
     "different patient (MRN mismatch) and should be disregarded.", "wbc_count"),
    ("71250", "T 39.4 C, WBC 19.1 - these results were misfiled from another chart "
     "(corrected 11/30).", "body_temperature"),
    ("64493", "MRI L-spine 11/02/2026.\nAmended report: exam date corrected to 10/02/2026 "
     "(the 11/02 date was the read date).", "ct_mri_date"),
])
def test_what_a_retraction_names_by_its_subject_day_or_word_is_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_relative_named_beside_a_subject_gives_nothing_before_it_away() -> None:
    got = read("PT 12 weeks, failed.\nPT was also done for his wife's knee last year.",
               "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"
    got = read("Serum hCG 11/20/2026 negative. Labs dated 11/20 were reviewed with the "
               "patient.", "64493")
    assert got.get("pregnancy") == "not_pregnant"

"""A finding that is not this patient's current finding for this procedure (session 13,
fixer gsubj): another body site, another person, resolved, or one option of a
differential. Each test holds the fresh16 input that read a false fact and wordings of
the same kind written by the fixer, with plain statements that must still be read.
Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# f16-97110-dental-crown-prep-tooth-pain read the tooth's pain as the knee's;
# f16-97110-dental-bitewings-not-the-knee read dental films as the joint's X-rays;
# f12-71250-ed-ankle-pectus-ct read an ankle's pain for a chest CT. A fact of the
# procedure's own site, qualified by another body area (the words right before it, its
# bracket, "in the ..."), is not read; the areas are the policy's (`sites`).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "DENTAL PROGRESS NOTE 11/20/2026 - crown prep #30.\nMedical history update: on "
     "naproxen for knee osteoarthritis. Pain 3/10 (tooth) during prep, local anesthetic "
     "supplemented.", "pain_nrs"),
    ("97110", "DENTAL: 4 bitewing X-rays taken 11/20/2026.", "xray_sets"),
    ("97110", "Tooth pain 6/10 since the filling on Monday.", "pain_nrs"),
    ("97110", "Imaging: 2 sets of dental x-rays, last 11/2026.", "xray_sets"),
    ("97110", "Pain: 4/10 (L eye) after the corneal abrasion.", "pain_nrs"),
    ("71250", "ED note 11/27 - 19M, R ankle inversion injury, ankle pain 6/10, XR ankle neg.",
     "pain_nrs"),
    ("64493", "Knee pain 8/10 (L knee OA), seeing ortho.", "pain_nrs"),
    ("71250", "Pain 7/10 in the left knee since the fall.", "pain_nrs"),
])
def test_a_finding_of_another_body_site_is_not_the_procedure_s(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Knee pain 6/10 today.", "pain_nrs", "6"),
    ("97110", "Pain 5/10 (R shoulder), worse overhead.", "pain_nrs", "5"),
    ("97110", "X-rays of the right knee x 2 sets", "xray_sets", "2"),
    ("71250", "Pleuritic chest pain 7/10.", "pain_nrs", "7"),
    ("64493", "Low back pain 7/10, radiating to the right knee.", "pain_nrs", "7"),
    ("64493", "Pain 7/10 (lumbar), no leg symptoms.", "pain_nrs", "7"),
])
def test_a_finding_of_the_procedure_s_own_site_is_still_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# f16-71250-dc-course-pneumonia-admission-resolved: "Repeat CXR 10/15/2026 showed complete
# resolution of the consolidation" read a sign of lung disease now. A sign said to be
# gone (resolved, cleared, "resolution of") or dated in the past is not a sign now; one
# said to persist is.
@pytest.mark.parametrize("text", [
    "HOSPITAL COURSE: admitted 09/02/2026 with RLL pneumonia. Repeat CXR 10/15/2026 showed "
    "complete resolution of the consolidation.",
    "RLL consolidation, now resolved.",
    "CXR 11/28: the infiltrates have cleared.",
    "Crackles resolved after diuresis.",
    "Prior CXR 2024 showed a left effusion.",
])
def test_a_sign_of_lung_disease_that_is_gone_is_not_read(text: str) -> None:
    assert "pulmonary_disease_signs" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    "CXR 11/28: persistent RLL consolidation; fever resolved.",
    "Exam: crackles R base. Hx of pneumonia 2021, resolved.",
    "CXR 11/30: new LLL consolidation.",
])
def test_a_sign_of_lung_disease_still_there_is_read(text: str) -> None:
    assert read(text, "71250").get("pulmonary_disease_signs") is True


def test_a_finding_denied_after_a_resolution_is_today_s() -> None:
    # (62311-resolved-herniation-resolved-on-repeat: the denial after "with no" is now)
    got = read("Prior MRI 2024 showed L5 root compression; repeat MRI 10/15/26 shows "
               "resolution of the herniation with no compression.", "62311")
    assert got.get("imaging_nerve_root_compression") is False


# f16-71250-handoff-rapid-response-needs-ct-now: "Needs the CT chest this morning to decide
# between PE and worsening consolidation" read consolidation as a sign: a study ordered to
# choose between findings states neither.
@pytest.mark.parametrize(("text", "fact"), [
    ("Needs the CT chest this morning to decide between PE and worsening consolidation - that "
     "decides ICU transfer.", "pulmonary_disease_signs"),
    ("CT requested to distinguish between pneumonia and atelectasis.", "bacterial_pneumonia"),
    ("Imaging ordered to differentiate consolidation from mass.", "pulmonary_disease_signs"),
    ("Plan: CT chest w/o contrast to tell apart effusion vs. pleural thickening.",
     "pulmonary_disease_signs"),
])
def test_a_study_to_decide_between_findings_states_none_of_them(text: str, fact: str) -> None:
    assert fact not in read(text, "71250")


def test_a_finding_stated_before_the_differential_is_still_read() -> None:
    got = read("CXR 11/30: RLL consolidation. CT to decide between PE and abscess.", "71250")
    assert got.get("pulmonary_disease_signs") is True


# f16-71250-handoff-roommate-flu-wife-pneumonia: "wife called, says she is "coming down with
# pneumonia" herself" read the patient's pneumonia: "she" after a relative's call and
# report is the relative.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", 'SOCIAL: wife called, says she is "coming down with pneumonia" herself.',
     "bacterial_pneumonia"),
    ("62311", "Pt's mother called, says she has a UTI and cannot drive him today.",
     "active_infection"),
    ("97110", "Daughter phoned to say she is on antibiotics for a UTI, so she cannot bring "
     "him Monday.", "active_infection"),
    ("71250", "His sister called and said she has pneumonia too.", "bacterial_pneumonia"),
    ("71250", "Wife on the phone, says she is coming down with pneumonia herself.",
     "bacterial_pneumonia"),
    ("62311", "Mother, on the line from Tucson, said she is on antibiotics for a UTI.",
     "active_infection"),
])
def test_a_relative_who_calls_about_herself_is_not_the_patient(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_husband_who_calls_about_her_speaks_of_the_patient() -> None:
    assert read("Husband called, says she has a UTI, on Keflex since Monday.",
                "62311").get("active_infection") is True


def test_the_patient_named_between_a_relative_and_a_report_is_the_one_who_says() -> None:
    assert read("Mother on the line, pt says she has a UTI, on Keflex.",
                "62311").get("active_infection") is True


# f16-62311-conf-radiologists-disagree-on-foramina: one clinician sees foraminal stenosis,
# the neuroradiologist "cannot call the foramina", "no consensus": read a readable study
# with stenosis. A finding the clinicians of one text dispute, with no side taken, is
# asked; the writer's own disagreement with another read takes a side and is read.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Spine case conference 11/30/2026.\nDr. Abara (neuroradiology): the 11/12 MRI is "
     "motion-degraded; I cannot call the foramina.\nDr. Burke (pain): I see right L4-5 "
     "foraminal stenosis compressing the exiting L4 root.\nDr. Abara: maybe, but I would not "
     "put that in a report. I'd repeat it.\nOutcome: no consensus; repeat MRI to be ordered.",
     "imaging_stenosis_readable"),
    ("62311", "MRI 11/02/2026: L5-S1 foraminal stenosis with compression of the L5 root per the "
     "outside read; our neuroradiologist disagrees and calls the root free.",
     "imaging_nerve_root_compression"),
    ("62311", "Tumor board: readers differ on whether the L4-5 foramen is stenotic on the "
     "10/01 CT; foraminal stenosis per Dr. Lee only.", "imaging_stenosis_readable"),
    ("71250", "CXR 11/30: RLL consolidation per the ED read. Radiology attending does not "
     "agree - calls it atelectasis.", "pulmonary_disease_signs"),
])
def test_a_finding_the_clinicians_dispute_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_writer_who_disagrees_with_another_read_states_their_own() -> None:
    got = read("I personally reviewed his lumbar MRI of 11/02/2026. It is a good-quality study "
               "and shows right L5-S1 foraminal stenosis with compression of the exiting L5 root "
               "and surrounding edema consistent with inflammation. I do not agree with the "
               "outside radiologist's read.", "62311")
    assert got.get("imaging_stenosis_readable") is True


# f15-71250-insurer-cm-daughter-and-claims-pneumonia-admission: "inpatient stay
# 03/04-03/11/2026, dx J15.9 unspecified bacterial pneumonia" read a pneumonia now: a
# stay written as one span of days ended months ago, so the episode is a past one (asked
# for a fact about this episode, read for one about a previous hospital stay).
@pytest.mark.parametrize("text", [
    "Per claims history: inpatient stay 03/04-03/11/2026, dx J15.9 unspecified bacterial "
    "pneumonia.",
    "Inpatient stay 03/04/2026-03/11/2026, dx bacterial pneumonia.",
    "Admission 7/2-7/9/2026 for bacterial pneumonia (IV ceftriaxone).",
    "LOS 05/10/26 - 05/14/2026: lobar pneumonia, S. pneumoniae.",
])
def test_a_pneumonia_of_a_stay_that_ended_months_ago_is_not_now(text: str) -> None:
    got = read(text, "71250")
    assert "bacterial_pneumonia" not in got


def test_a_stay_that_ended_months_ago_is_a_previous_pneumonia_admission() -> None:
    got = read("Per claims history: inpatient stay 03/04-03/11/2026, dx J15.9 unspecified "
               "bacterial pneumonia.", "71250")
    assert got.get("pneumonia_hospitalization") is True


def test_a_pneumonia_of_a_stay_going_on_now_is_read() -> None:
    got = read("Admitted 11/20-11/30/2026 with bacterial pneumonia, still on abx.", "71250")
    assert got.get("bacterial_pneumonia") is True


# f10-71250-dc-cap-resolving: "DISCHARGE SUMMARY 11/22/2026. 70M admitted 11/17 with RLL
# community-acquired pneumonia ... d/c on PO cefpodoxime" read a pneumonia now: a note
# written at an episode's end (its first line says so) leaves the episode's facts asked.
@pytest.mark.parametrize("text", [
    "DISCHARGE SUMMARY 11/22/2026. 70M admitted 11/17 with RLL community-acquired pneumonia "
    "(CXR 11/17: RLL consolidation). IV ceftriaxone + azithromycin, d/c on PO cefpodoxime.",
    "Discharge summary - Mercy General\nDx: community-acquired pneumonia, on ceftriaxone.",
    "AFTER VISIT SUMMARY 11/30/2026\nYou were seen for pneumonia. Take amoxicillin.",
    "Transfer summary 11/29: bacterial pneumonia, on IV antibiotics.",
])
def test_a_note_written_at_an_episode_s_end_leaves_the_episode_asked(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_a_discharge_named_later_in_a_note_does_not_end_today_s_episode() -> None:
    got = read("ED NOTE 12/02/2026\nBacterial pneumonia, RLL, on ceftriaxone.\nPrior discharge "
               "summary from 2024 reviewed.", "71250")
    assert got.get("bacterial_pneumonia") is True

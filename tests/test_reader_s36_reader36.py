"""Other people, other patients and templates in pasted text (session 36, reader36): a date
of birth is no study's day; a person the patient works or lives beside, named by a
possessive and a role ("his line supervisor", "her boss"), is not the patient; a study a
chart took in by mistake ("merged in error (other pt)") is not the patient's; a template's
sample line left in a text ("[SAMPLE - delete before sending] John Doe, 45M ...") is no
one's. Wordings are this file's own (a film desk's note, a form row, shorthand, a sentence,
another language mixed with English, a near-miss that keeps its reading)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 12, 6))


# --- a date of birth is no study's day ----------------------------------------------------------
# (phrase35a: "Films pulled for pt (DOB 04/02/1961) and her husband: ..." dated the X-rays 1961)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "XR lumbar spine - patient DOB: 03/14/1958.", "xray_date"),
    ("64493", "Lumbar X-ray for Jane Roe, born 05/06/1970", "xray_date"),
    ("62311", "MRI pt DOB 7/9/1966 - done at Valley", "ct_mri_date"),
    ("64493", "Radiografía lumbar (fecha de nacimiento 12/03/1959)", "xray_date"),
    ("64493", "Films pulled for pt (D.O.B. 04/02/1961), hers on the CD.", "xray_date"),
])
def test_birth_date_is_no_study_day(cpt: str, text: str, fact: str) -> None:
    got = read(text, cpt)
    assert not str(got.get(fact, "")).startswith("19"), got


@pytest.mark.parametrize(("text", "day"), [
    ("X-ray L-spine 02/17/2028 (DOB 04/02/1961)", "2028-02-17"),
    ("Pt: R. Olsen | D.O.B. 1962-11-30 | XR lumbar 2028-06-14 | facet arthropathy",
     "2028-06-14"),
])
def test_study_day_beside_birth_date_kept(text: str, day: str) -> None:
    got = read(text, "64493")
    assert got.get("xray_date") == day, got


def test_birth_date_still_gives_age() -> None:
    got = read("Patient DOB 04/02/1961, X-ray L-spine 02/17/2028.", "64493")
    assert got.get("pregnancy") == "not_applicable", got


# --- someone the patient works or lives beside -------------------------------------------------
# (fresh39: "His line supervisor was admitted with pneumonia in July" read the patient's stay)

@pytest.mark.parametrize(("text", "fact"), [
    ("His line supervisor was admitted with pneumonia in July.", "pneumonia_hospitalization"),
    ("My colleague was hospitalized for pneumonia in March.", "pneumonia_hospitalization"),
    ("Her boss had a UTI last week and is on Macrobid.", "active_infection"),
    ("Pt says his manager is pregnant.", "pregnancy"),
    ("Seine Kollegin ist schwanger.", "pregnancy"),
])
def test_coworker_is_not_the_patient(text: str, fact: str) -> None:
    got = read(text, "71250")
    assert got.get(fact) not in (True, "pregnant"), got


def test_coworker_pt_weeks_not_read() -> None:
    assert "pt_weeks" not in read("Her coach did 12 weeks of PT for the same thing.", "97110")


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # a case manager reports the patient's care
    ("64493", "Her case manager reports she completed 12 weeks of PT.", "pt_weeks", "12 weeks"),
    # the role may be the patient's own job
    ("71250", "Pt is a shift supervisor; he was admitted with pneumonia in July.",
     "pneumonia_hospitalization", True),
])
def test_role_near_miss_kept(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- a study a chart took in by mistake ---------------------------------------------------------
# (phrase35a: "CT L-spine 09/01/2028 merged in error (other pt, same name) - removed")

@pytest.mark.parametrize("text", [
    "MRI 03/02/2028 was linked to this chart by mistake; belongs to another patient. "
    "MRI 11/15/2027 is hers.",
    "CT L-spine 11/15/2027. MRI 09/09/2028 was imported in error.",
    "CT lumbar 09/01/2028 merged in error - other pt, same name. Her own CT lumbar 11/15/2027.",
])
def test_study_merged_in_error_not_read(text: str) -> None:
    assert read(text, "64493").get("ct_mri_date") == "2027-11-15"


def test_study_merged_from_outside_kept() -> None:
    got = read("MRI L-spine 08/08/2028 merged from the outside hospital record.", "64493")
    assert got.get("ct_mri_date") == "2028-08-08", got


# --- a template's sample line -------------------------------------------------------------------
# (phrase35b: "[SAMPLE - delete before sending] John Doe, 45M, NRS 8/10, neck pain x 1 yr.")

@pytest.mark.parametrize(("text", "absent"), [
    ("Example: Jane Doe, 52F, PT x 12 weeks, NRS 7/10.\nPatient: Ana Ruiz, back pain 8 months.",
     "pain_nrs"),
    ("<<TEMPLATE EXAMPLE - replace>> 60M with low back pain x 2 yrs\nMr. Olu Bello, 58.",
     "symptom_weeks"),
    ("Sample patient: 70F, NRS 9/10, PT x 16 wks\nOur pt: 44F.", "pain_nrs"),
    ("(placeholder) NRS 9/10, low back pain x 3 years\nOur patient: 44F.", "pain_nrs"),
    ("John Doe, 45M, NRS 8/10 (replace with patient data)\nAna Ruiz, 51F.", "pain_nrs"),
    ("Ejemplo: paciente de 50 años, dolor lumbar 9/10\nPaciente: Ana Ruiz.", "pain_nrs"),
])
def test_template_sample_not_read(text: str, absent: str) -> None:
    got = read(text, "64493")
    assert absent not in got, got


def test_template_sample_leaves_the_actual_patient() -> None:
    got = read("[SAMPLE - delete before sending] John Doe, 45M, NRS 8/10, neck pain x 1 yr.\n"
               "Actual patient: Ms. Priya Nair, low back pain for 9 months.", "64493")
    assert got.get("symptom_weeks") == "9 months" and "pain_nrs" not in got, got


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Urine sample: hCG negative 12/01/2028.", "pregnancy", "not_pregnant"),
    ("64493", "PT 12 weeks (example: bridges, planks) - no relief.", "pt_weeks", "12 weeks"),
])
def test_sample_word_near_miss_kept(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- a line headed by another case of the desk --------------------------------------------------
# (outside tester 35 F2: "Other CT request (Mr. Hale): FEV1 55% predicted." pasted after a
# case whose PFT says 84% read 55 -> meets)

_PFT = "PFT 11/17/2028: FEV1 84% predicted, FVC 71%.\n"


@pytest.mark.parametrize(("line", "figure"), [
    ("Other CT request (Mr. Hale): FEV1 55% predicted.", "55"),
    ("Other chest case today (Mr. Lund): FEV1 58%.", "58"),
    ("Next case - Mrs. Tran: FEV1 61% predicted.", "61"),
    ("Next in queue - Ms. Reyes (other CT request): FEV1 44%.", "44"),
    ("Other patient: FEV1 47%", "47"),
])
def test_other_case_line_not_read(line: str, figure: str) -> None:
    assert "fev1_percent_predicted" not in read(line, "71250")
    assert read(_PFT + line, "71250").get("fev1_percent_predicted") != figure


def test_own_request_line_kept() -> None:
    # ("another PFT request" may be the patient's own: no person named)
    got = read("Another PFT request 12/01/2028: FEV1 79% predicted.", "71250")
    assert got.get("fev1_percent_predicted") == "79", got

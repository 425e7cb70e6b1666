"""Outside tester 33's decision-changing findings (session 33, reader33): a companion named by
role then by first name (F1), a report's amendment date (F2), a form row's label with a
remark in brackets (F4). Wordings are this file's own, in several voices (a phone log, a
front-desk note, a faxed checklist), plus the tester's exact inputs."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- F1: a companion introduced by role and first name, then named alone ------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a phone log: the caller's own fever in the next sentence
    ("71250", "Phone call 12/04 from son Tobias re: his father's CT. Tobias is running a "
              "temp of 39.2 himself and cannot drive him.", "body_temperature"),
    # a front-desk note: the driver's own infection
    ("62311", "Brought in by her niece Carla. Carla is on doxycycline for cellulitis.",
     "active_infection"),
    # the companion's possessive, the patient's own value beside it
    ("71250", "Caller: wife Greta. Greta's temp 38.8; patient afebrile.", "body_temperature"),
    # a companion's pregnancy in a therapy note
    ("97110", "Her friend Olive drives her to sessions; Olive is 28 weeks pregnant.",
     "pregnancy"),
    # the companion says it of themself
    ("64493", "Spoke with his brother Ivan. Ivan says he himself has a UTI.",
     "active_infection"),
    # the tester's exact inputs
    ("71250", "Caller: daughter Sofia (HIPAA release on file) for patient Anton Novak.\n"
              "Sofia herself is home sick with a fever of 38.9 and is not visiting him.",
     "body_temperature"),
    ("71250", "His son Mark drove him in. Mark has a temp of 38.6 today.", "body_temperature"),
    ("62311", "Accompanied by her husband Raj. Raj has a UTI and is on Macrobid.",
     "active_infection"),
    ("64493", "Phone 12/05: caller is his daughter Jen.\nJen herself has a UTI and is on "
              "Macrobid; dad has no symptoms.", "active_infection"),
    ("71250", "Caller: daughter Sofia. She is home sick with a fever of 38.9.",
     "body_temperature"),
])
def test_a_named_companions_own_condition_is_not_the_patients(cpt: str, text: str,
                                                               fact: str) -> None:
    got = read(text, cpt)
    assert fact not in got or got[fact] in (False, "not_pregnant", "not_applicable")


def test_the_patients_own_value_beside_the_companions_is_read() -> None:
    got = read("Caller: daughter Sofia (HIPAA release on file) for patient Anton Novak.\n"
               "Sofia herself is home sick with a fever of 38.9 and is not visiting him. "
               "Pt checked his own temp this AM: 36.9 C.", "71250")
    assert str(got["body_temperature"]).startswith("36.9")


@pytest.mark.parametrize("text", [
    # near-miss: the companion reports the patient's fever
    "Caller: daughter Sofia. Sofia says her dad has had a fever of 38.9 since Tuesday.",
    # near-miss: the patient as the companion's relation
    "Caller: daughter Sofia. Sofia's dad has had a fever of 38.9 since Tuesday.",
    # near-miss: the role names the patient ("calling about her daughter Lily")
    "Mom called about her daughter Lily. Lily has a fever of 38.9.",
    # near-miss: the patient's own first name
    "Patient: Anton Novak. Anton has had a fever of 38.9 since yesterday.",
])
def test_the_patients_fever_told_by_or_about_a_named_person_is_still_read(text: str) -> None:
    assert str(read(text, "71250")["body_temperature"]).startswith("38.9")


# --- F2: a report's amendment date is not the study's -------------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact", "day"), [
    ("62311", "Lumbar MRI done 07/28/2026; radiology report finalized 11/22/2026.",
     "ct_mri_date", date(2026, 7, 28)),
    ("62311", "H&P 09/10/2026, amended 12/02/2026 (med list updated).", "hp_date",
     date(2026, 9, 10)),
    ("64493", "XR lumbar 10/01/2025. Report addended 11/29/2026 - laterality fixed.",
     "xray_date", date(2025, 10, 1)),
])
def test_an_amended_reports_date_is_not_the_studys(cpt: str, text: str, fact: str,
                                                    day: date) -> None:
    assert read(text, cpt)[fact] == day.isoformat()


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "X-ray report amended 12/01/2026.", "xray_date"),
    ("62311", "MRI report addended 11/30/2026 (typo in level corrected).", "ct_mri_date"),
])
def test_an_amendment_date_alone_is_no_study_date(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_study_date_beside_no_amendment_is_still_read() -> None:
    # near-miss: the study's own date, a later reading of it in brackets
    assert read("MRI L-spine 11/18/2026 (report amended 11/30/2026).", "62311")[
        "ct_mri_date"] == "2026-11-18"


# --- F4: a form row's label with a remark in brackets -------------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact", "no"), [
    ("64493", "Infection (for example abscess, discitis):   Yes ___  No _X_", "active_infection",
     False),
    ("62311", "Pregnant (or could be):  Yes ___ No _x_", "pregnancy", "not_pregnant"),
    ("71250", "Bacterial pneumonia (suspected or proven):  Y ___ N _X_",
     "bacterial_pneumonia", False),
    ("62311", "Cosmetic purpose (e.g. body contouring):  Yes [ ] No [X]", "cosmetic_purpose",
     False),
    ("97110", "Postpartum (baby born in last 12 months):  Yes ___ No _X_", "postpartum", False),
])
def test_a_ticked_no_answers_a_label_with_a_remark(cpt: str, text: str, fact: str,
                                                   no: object) -> None:
    assert read(text, cpt)[fact] == no


def test_a_ticked_yes_still_answers_a_label_with_a_remark() -> None:
    # near-miss: the Yes box ticked
    assert read("Infection (for example abscess, discitis):   Yes _X_  No ___", "64493")[
        "active_infection"] is True


def test_a_remark_that_narrows_the_label_stays_part_of_it() -> None:
    # "no infection needing care now" denies that, not every infection
    got = read("Active infection (requiring immediate care):  Yes ___ No _X_", "97110")
    assert got.get("infection_requires_immediate_care") is False
    assert "active_infection" not in got
    assert "active_infection" not in read(
        "Active infection (needing immediate care):  Yes ___ No _X_", "97110")


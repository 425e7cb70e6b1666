"""Outside tester 33's decision-changing findings (session 33, reader33): a companion named by
role then by first name (F1). Wordings are this file's own, in several voices (a phone log,
a front-desk note), plus the tester's exact inputs."""

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


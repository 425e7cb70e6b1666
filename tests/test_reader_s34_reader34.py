"""Outside tester 33's open false facts about people and forms (session 34, reader34): a
yes/no row whose boxes follow their options after a label of several words (F4), a label
that opens with its own denial answered by a box (F7), a clinician's own illness, a
companion's name with an aside or after "he says", an animal's illness or pregnancy (F1).
Wordings are this file's own, with near-misses that must stay as they were, plus the
tester's exact inputs."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- F4: a row of options each followed by its box, after a label of several words ----

@pytest.mark.parametrize(("cpt", "text", "fact", "no"), [
    # a label with its own commas
    ("62311", "Infection, any site, current or recent:  Yes ___ No _X_",
     "active_infection", False),
    # a remark in brackets that narrows the label, with a comma in it
    ("64493", "Skin infection (current, at the needle site):  Yes ___ No _X_",
     "active_infection", False),
    # the second row of two on one line, its label with a time window in brackets
    ("97110", "Pregnant:  Yes ___ No _X_      Recently delivered (past 12 months):  "
              "Yes ___ No _X_", "postpartum", False),
    # bracket boxes after their options
    ("71250", "Pneumonia, bacterial, suspected or confirmed:  Yes [ ] No [x]",
     "bacterial_pneumonia", False),
    # the tester's exact inputs
    ("97110", "Pregnant:  Yes ___ No _X_        Postpartum (delivered within 12 mo):  "
              "Yes ___ No _X_", "postpartum", False),
])
def test_a_rows_ticked_no_after_a_long_label_is_no(cpt: str, text: str, fact: str,
                                                    no: object) -> None:
    got = read(text, cpt)
    assert fact not in got or got[fact] == no


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Urinary tract infection (current, on antibiotics):  Yes ___ No _X_",
     "active_infection"),
    ("64493", "Infection - e.g. sepsis, osteomyelitis:  Yes ___ No _X_", "active_infection"),
    ("64493", "Infection - e.g. abscess, discitis:  Yes ___ No _X_", "active_infection"),
])
def test_a_rows_ticked_no_is_never_a_yes(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize(("cpt", "text", "fact", "yes"), [
    # near-misses: the ticked Yes of the same rows is still a yes
    ("62311", "Infection, any site, current or recent:  Yes _X_ No ___",
     "active_infection", True),
    ("97110", "Pregnant:  Yes ___ No _X_      Recently delivered (past 12 months):  "
              "Yes _X_ No ___", "postpartum", True),
])
def test_a_rows_ticked_yes_after_a_long_label_is_still_yes(cpt: str, text: str, fact: str,
                                                           yes: object) -> None:
    assert read(text, cpt).get(fact) == yes


def test_a_row_with_no_box_ticked_is_not_read() -> None:
    got = read("Infection, any site, current or recent:  Yes ___ No ___", "62311")
    assert "active_infection" not in got


# --- F7: a label that opens with its own denial, answered by a box -------------------

@pytest.mark.parametrize("text", [
    "4) Not responded to conservative treatment:   [X] Yes   [ ] No",
    "Not responded to conservative treatment:  Yes _X_  No ___",
    # the tester's exact input
    "5. Not responded to conservative treatment:  [X] Yes  [ ] No",
])
def test_a_ticked_yes_to_a_denying_label_affirms_the_denial(text: str) -> None:
    assert read(text, "64493").get("failed_conservative") is True


def test_a_ticked_no_to_a_denying_label_is_asked() -> None:
    # "not responded: no" is a double denial: asked, never read either way
    got = read("Not responded to conservative treatment:  [ ] Yes  [X] No", "64493")
    assert "failed_conservative" not in got


@pytest.mark.parametrize(("text", "value"), [
    # near-misses: a label without its own denial reads as it did
    ("Responded to conservative treatment:  [X] Yes  [ ] No", False),
    ("Responded to conservative treatment:  [ ] Yes  [X] No", True),
    ("Failed conservative treatment:  [X] Yes  [ ] No", True),
])
def test_a_plain_labels_box_reads_as_before(text: str, value: bool) -> None:
    assert read(text, "64493").get("failed_conservative") is value


# --- F1: a clinician's own illness, a companion's aside, an animal -----------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a clinician named after the title, away ill with a figure
    ("71250", "Dr. Okafor was off sick with a temp of 38.7 so we moved the appointment.",
     "body_temperature"),
    # a therapist set apart by commas
    ("62311", "The therapist, Marcus, has strep and the session was moved to Friday.",
     "active_infection"),
    # a nurse with a cold and a fever
    ("71250", "Our nurse, Dana, is home with the flu and a fever of 39.1.", "body_temperature"),
    # the tester's exact inputs
    ("71250", "Dr. Patel was out sick with a fever of 38.5, so the visit was rescheduled.",
     "body_temperature"),
    ("62311", "The PT, Jenna, has a UTI and cancelled the session.", "active_infection"),
])
def test_a_clinicians_own_illness_is_not_the_patients(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: a clinician who documents or rules out the patient's finding
    ("71250", "Dr. Okafor documented a temp of 38.7 at the visit.", "body_temperature", "38.7"),
    ("71250", "Dr. Okafor has ruled out pneumonia.", "bacterial_pneumonia", "False"),
    ("62311", "Pt has a UTI, on nitrofurantoin.", "active_infection", "True"),
])
def test_a_clinicians_finding_about_the_patient_is_still_read(cpt: str, text: str, fact: str,
                                                               value: str) -> None:
    assert str(read(text, cpt).get(fact)).startswith(value)


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # the companion's name with an aside in brackets
    ("71250", "Phone: son Oliver. Oliver (caller, not our patient) has a temp of 38.8.",
     "body_temperature"),
    # the companion named after a reporting verb
    ("64493", "Caller: wife Petra. She reports Petra is on Keflex for cellulitis.",
     "active_infection"),
    # the tester's exact inputs
    ("71250", "Caller: daughter Sofia. Sofia (not the patient) has a fever of 38.9.",
     "body_temperature"),
    ("62311", "Caller: husband Raj. He says Raj has a UTI. The patient has no symptoms.",
     "active_infection"),
])
def test_a_named_companion_with_an_aside_or_reported_is_not_the_patient(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_companion_reporting_on_the_patient_is_still_read() -> None:
    # near-miss: what the caller says the patient has is the patient's
    got = read("Caller: husband Raj. He says the patient has a UTI.", "62311")
    assert got.get("active_infection") is True


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "His cat has an abscess and needs antibiotics.",
     "active_infection"),
    ("97110", "The family dog is pregnant again.", "pregnancy"),
    ("71250", "Her horse had pneumonia last week.", "bacterial_pneumonia"),
    # the tester's exact inputs
    ("64493", "Her dog has an infected paw and is on antibiotics.", "active_infection"),
    ("97110", "Their cat is pregnant.", "pregnancy"),
])
def test_an_animals_illness_is_not_the_patients(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) in (None, False, "not_pregnant")


def test_the_patients_bite_wound_infection_is_still_read() -> None:
    # near-miss: an animal named without a verb of its own; the infection is the patient's
    got = read("Cat bite to the right hand 3 days ago, now infected.", "64493")
    assert got.get("active_infection") is True


# --- a thing given to a person by first name as its clause's predicate -----------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "That temp of 39.0 was Omar's, not the patient's.", "body_temperature"),
    ("62311", "The cellulitis is Priya's - she is his sister.", "active_infection"),
    # the tester's exact input (session 34 F4)
    ("64493", "the UTI is Jen's, the daughter's - the patient has no infection",
     "active_infection"),
])
def test_a_thing_said_to_be_a_named_persons_is_not_the_patients(cpt: str, text: str,
                                                                 fact: str) -> None:
    assert read(text, cpt).get(fact) in (None, False)


def test_the_patients_own_value_after_the_named_owner_is_read() -> None:
    got = read("That temp of 39.0 was Omar's, not the patient's; pt afebrile 36.8.", "71250")
    assert str(got.get("body_temperature")).startswith("36.8")


def test_a_thing_said_to_be_the_named_patients_is_still_read() -> None:
    # near-miss: the name is the patient's own
    got = read("Patient: Maria Lopez. The UTI is Maria's, on nitrofurantoin.", "64493")
    assert got.get("active_infection") is True

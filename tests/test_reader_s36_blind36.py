"""Generalization (session 36, blind36): the mechanisms behind the blind sets' false facts at
their first measurement, guarded by shape rather than by an item's words.

Another person's value is the second commonest mechanism (32 of 275 lines; the commonest,
a pronoun's sex, was a labelling convention, not a reading). A sentence about a relative was
already covered, but a *label* naming another person with the person's values after it on
its line ("son - WBC 17.4", "Spouse – 20 wks pregnant", "Escort (daughter) - ...", "Bed 4
(not our pt): T 39.1", a table row's "| caregiver | ... |") was not: the dash or comma after
the bare label ended the clause the relative's scope covered. Every wording here is this
file's own (a household list, shorthand, a table row, a bullet, German and Spanish mixed
with English), with near-misses that keep their reading (a relative who reports on the
patient, a label that turns back to the patient, the patient who is the writer's relative).
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a label or a row that names another person ------------------------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "Household contacts: son - WBC 17.4, admitted for pneumonia 11/2026\n"
              "Patient: cough 3 wks", "wbc_count"),
    ("71250", "• Grandson, admitted w/ pneumonia 10/2026\n• Pt: cough 4 wks",
     "pneumonia_hospitalization"),
    ("71250", "Roommate - SpO2 88% RA, T 38.4 (sent to ED). Our pt: cough 5 wks.",
     "body_temperature"),
    ("71250", "Roommate - SpO2 88% RA, T 38.4 (sent to ED). Our pt: cough 5 wks.",
     "spo2_room_air"),
    ("71250", "Wife – T 38.6\nPt: cough 5 wks", "body_temperature"),
    ("71250", "Bed 4 (not our pt): T 39.1.\nOur pt is in bed 5, cough 5 wks.",
     "body_temperature"),
    ("71250", "Husband: 61M, T 38.9, cough 5 wks", "body_temperature"),
    ("62311", "Accompanying person: Mother – on antibiotics for a UTI\n"
              "Patient: L5 radiculopathy, 7 months", "active_infection"),
    ("97110", "| Name | Role | Note |\n| J. Ortiz | caregiver | had cosmetic surgery last year |\n"
              "| Patient | self | knee pain 4 mo |", "cosmetic_purpose"),
])
def test_a_labelled_persons_value_is_not_read(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize("text", [
    "hh: wife - 24 wks preg\npt: LBP 8 mo, PT done",
    "Spouse - pregnant, 20 wks.\nPt: LBP 8 mo.",
    "Escort (daughter) - 30 wks pregnant. Pt: LBP 8 mo.",
    "Esposa – embarazada de 20 semanas. Paciente: lumbalgia 8 meses.",
])
def test_a_labelled_persons_pregnancy_is_not_the_patients(text: str) -> None:
    assert read(text, "64493").get("pregnancy") != "pregnant", read(text, "64493")


# --- near-misses: the patient's own value stays read --------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a relative who reports on the patient
    ("Wife - says he has had T 38.8 for 3 days", "38.8 C"),
    ("Daughter - reports fever 38.9 at home", "38.9 C"),
    # the relative is the patient
    ("Husband (the patient) - T 38.9, cough 6 wks", "38.9 C"),
    ("Calling about my father - T 38.9, cough 5 wks", "38.9 C"),
    ("My husband - T 38.9, cough 5 wks. Does he need a CT?", "38.9 C"),
    # the label's line turns back to the patient
    ("FHx - mother DM. T 38.2 today, cough 5 wks", "38.2 C"),
])
def test_the_patients_own_value_stays(text: str, value: str) -> None:
    assert read(text, "71250").get("body_temperature") == value, read(text, "71250")


@pytest.mark.parametrize("text", [
    "Mother - drove her in. Pt is 24 wks pregnant.",
    "Patient: wife - 20 wks pregnant, LBP 8 mo",
    "Relationship to subscriber: spouse - pregnant 20 wks",
    "Patient is my daughter, 22F - 20 wks pregnant",
])
def test_the_patients_pregnancy_stays(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "pregnant", read(text, "64493")


# --- a date of birth is no study's day ------------------------------------------------------------
# (the blind sets' value of the wrong fact: a DOB, a calendar week, a code read as another
# fact's value; phrase35a read "Films pulled for pt (DOB 04/02/1961" as the X-ray's day, which
# makes a study 65 years old)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Name: R. Diaz  D.O.B.: 11/02/1958  Lumbar X-ray done, report attached", "xray_date"),
    ("64493", "DOB 04/02/1961 MRI L-spine on file", "ct_mri_date"),
    ("71250", "d.o.b 1961-04-02 | PFT done, FEV1 62%", "pft_date"),
    ("64493", "Films pulled for pt (DOB 04/02/1961) and her husband. X-ray lumbar on file.",
     "xray_date"),
])
def test_a_birth_date_is_no_study_date(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "DOB 04/02/1961. X-ray L-spine 10/15/2026.", "xray_date", date(2026, 10, 15)),
    ("97110", "DOB 04/02/1961, X-ray R knee 11/01/2026, 2 sets", "xray_date", date(2026, 11, 1)),
    ("64493", "DOB 03/05/1950, F. LBP 8 mo.", "pregnancy", "not_applicable"),
])
def test_a_study_dated_after_a_birth_date_keeps_its_day(cpt: str, text: str, fact: str,
                                                        value: object) -> None:
    assert str(read(text, cpt).get(fact)) == str(value), read(text, cpt)


# --- an earlier occasion's figure is not today's --------------------------------------------------
# (the blind sets' past-value-as-now mechanism: "last week" was a trigger, its shorthand "last
# wk" was not; a label naming an earlier visit or stay, "Last visit: T 38.6", governed nothing)

@pytest.mark.parametrize(("text", "fact"), [
    ("T 39.0 last wk. Cough 5 wks.", "body_temperature"),
    ("Last visit: T 38.6. Cough 5 wks.", "body_temperature"),
    ("Previous visit (11/02): T 38.6, cough.", "body_temperature"),
    ("Last admission: WBC 17.2. Now cough 5 wks.", "wbc_count"),
    ("Prior ED visit: SpO2 86% RA. Cough 5 wks, no sats today.", "spo2_room_air"),
])
def test_an_earlier_occasions_figure_is_not_read(text: str, fact: str) -> None:
    assert fact not in read(text, "71250"), read(text, "71250")


@pytest.mark.parametrize(("text", "earlier"), [
    ("T max 39.0 last wk -> today T 37.2", "39 C"),
    ("Last visit: T 38.6. This visit: T 36.9.", "38.6 C"),
    ("Last visit: T 38.6, today T 37.9", "38.6 C"),
])
def test_the_earlier_figure_beside_todays_is_not_read(text: str, earlier: str) -> None:
    assert read(text, "71250").get("body_temperature") != earlier, read(text, "71250")


@pytest.mark.parametrize(("text", "value"), [
    ("Last visit: T 38.6. This visit: T 36.9.", "36.9 C"),
    ("T 38.6 today; was 37.0 last week", "38.6 C"),
])
def test_todays_figure_is_read(text: str, value: str) -> None:
    assert read(text, "71250").get("body_temperature") == value, read(text, "71250")


def test_a_score_at_the_last_visit_stays_the_latest() -> None:
    # (the corpus's convention since fresh2: a sentence's "at the last visit" is the latest
    # score, not history; only a label naming the earlier visit is)
    assert read("She rated it 6/10 at the last visit.", "64493").get("pain_nrs") == "6"


@pytest.mark.parametrize("text", [
    "Lives with mother, has severe COPD.",
    "Cares for her husband - severe COPD, on home O2 herself.",
])
def test_a_relative_as_the_object_is_no_label(text: str) -> None:
    assert read(text, "97110").get("severe_comorbidities") == ["copd"], read(text, "97110")

"""Whose value, and which thing a figure belongs to (session 21, owners21): a count, a length
or a date attaches to the nearest thing it measures (a medicine, a pregnancy, an operation),
not to a fact named further away; "Pt" before an age and a sex is the patient. Wordings are
this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a bare count of courses beside a medicine is the medicine's ---------------------------

@pytest.mark.parametrize("text", [
    # a note: the therapy on one line, the drug and its courses on the next
    "PT 12 wks in 2026, no better.\nTried naproxen 500 BID x 8 wks - 2 courses, no relief.",
    # a chart review: the drug's course past a semicolon
    "Chart review: physio 10 weeks, goals not met. Gabapentin titrated to 600 TID; 1 course, "
    "no benefit.",
    # a chat reply
    "she did PT all summer. also tried celebrex, 2 courses, did not help",
    # a form's lines
    "Therapy: PT 8 wks, failed\nMedrol dose pack - 1 course, no relief",
])
def test_a_count_of_courses_beside_a_medicine_is_no_count_of_pt(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") is None


def test_a_count_of_pt_courses_stands() -> None:
    got = read("PT x2 courses (2025, 2026), neither helped.", "64493")
    assert str(got.get("pt_courses_failed")) == "2"


# --- a length a state right after it measures is that state's ------------------------------

@pytest.mark.parametrize("text", [
    "PT - 14 wks pregnant, no prone positioning",
    "physio: 3 weeks post-op, ROM limited",
    "PT at 20 wks gestation per OB note",
    "Physical therapy 6 wks postpartum - eval only",
])
def test_a_pregnancys_or_an_operations_weeks_are_no_therapy(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


def test_a_therapy_done_for_weeks_after_an_operation_is_still_read() -> None:
    assert str(read("PT for 6 wks post-op, no better", "64493").get("pt_weeks")) == "6 weeks"


# --- "Pt" before an age and a sex is the patient --------------------------------------------

@pytest.mark.parametrize("text", [
    "Pt 58 F presents with facet pain, 5 months.",
    "pt 61 F c/o back pain, 4 months.",
    "Pt 44 F: neck and back pain, 9 months.",
    "PT 67 yo female w/ LBP, 5 months",
])
def test_pt_before_an_age_and_a_sex_is_the_patient(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


def test_pt_with_its_own_length_after_an_age_is_still_read() -> None:
    assert str(read("Pt 34 F, PT 12 wks, no relief", "64493").get("pt_weeks")) == "12 weeks"


# --- a length right after another thing's name and "for" / "x" is that thing's --------------

@pytest.mark.parametrize("text,cpt", [
    ("Spiriva for 5 months with ongoing cough", "71250"),
    ("on Advair for 4 months with persistent dyspnea", "71250"),
    ("Ibuprofen 600 TID x 10 wks with continued radicular symptoms", "62311"),
    ("gabapentin 300 mg tid for 12 weeks with persistent leg symptoms", "62311"),
    ("Medrol dose pack x 1 wk, then gabapentin for 8 weeks with persistent symptoms", "62311"),
])
def test_a_medicines_length_is_not_the_symptoms(text: str, cpt: str) -> None:
    assert read(text, cpt).get("symptom_weeks") is None


def test_the_symptoms_own_length_before_more_symptoms_stands() -> None:
    got = read("Back pain for 6 months with radicular symptoms.", "62311")
    assert str(got.get("symptom_weeks")) == "6 months"


# --- a label given in two languages is one label --------------------------------------------

@pytest.mark.parametrize("text", [
    "Embarazo / pregnancy: prueba negativa hoy.",
    "Grossesse / pregnancy : test négatif",
    "Schwangerschaft / pregnancy: Test negativ",
    "Gravidez / pregnancy: teste negativo",
])
def test_a_label_in_two_languages_is_no_pregnancy(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


def test_a_label_in_two_languages_still_takes_its_answer() -> None:
    assert read("Embarazo / pregnancy: no, LMP 11/20", "71250").get("pregnancy") == \
        "not_pregnant"


# --- a date in another object of an export is that object's --------------------------------

@pytest.mark.parametrize("text,cpt,fact", [
    ('{"treatments": [{"name": "naproxen", "outcome": "no benefit"}], '
     '"pain": {"score": 6, "recorded": "2026-11-30"}}', "97110", "last_failed_conservative_date"),
    ('{"last_tx": {"type": "steroid injection", "result": "no relief"}, '
     '"visit": {"date": "2026-11-28"}}', "97110", "last_failed_conservative_date"),
    ('{"history": {"item": "trigger point injections", "outcome": "did not help"},\n'
     ' "meta": {"lastUpdated": "2026-11-29"}}', "97110", "last_failed_conservative_date"),
    ('{"imaging": [{"study": "knee x-ray", "views": 3}], "visit": {"date": "2026-11-20"}}',
     "97110", "xray_date"),
    ('{"imaging": {"study": "MRI lumbar spine", "read": "stenosis"}, '
     '"encounter": {"date": "2026-11-20"}}', "62311", "ct_mri_date"),
])
def test_a_date_in_another_object_is_not_the_things(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


def test_a_date_in_an_object_around_the_thing_is_its_own() -> None:
    text = ('{"resourceType": "Procedure", "code": {"text": "MRI lumbar spine"}, '
            '"performedDateTime": "2026-07-30"}')
    assert str(read(text, "62311").get("ct_mri_date")) == "2026-07-30"


# --- the writer who takes the patient to care speaks of themself in the first person -------

@pytest.mark.parametrize("text,cpt,fact", [
    ("I'm 7 months pregnant so my husband will drive her to the appointment", "64493",
     "pregnancy"),
    ("I'm pregnant right now, so her son will accompany her.", "97110", "pregnancy"),
    ("well I am 20 weeks pregnant, my cousin is going to drive him.", "62311", "pregnancy"),
    ("FYI I have a UTI myself right now, my sister can take her on Friday.", "62311",
     "active_infection"),
    ("Also I've got a kidney infection, so my husband will pick her up after.", "64493",
     "active_infection"),
    ("I have a fever of 101.5 so her neighbor will take her for the scan.", "71250",
     "body_temperature"),
])
def test_the_first_person_of_one_who_takes_the_patient_is_theirs(text: str, cpt: str,
                                                                 fact: str) -> None:
    got = read(text, cpt).get(fact)
    assert got is None or got in ("not_applicable", False)


def test_a_patient_driven_by_another_still_speaks_of_herself() -> None:
    got = read("I am pregnant and my husband will drive me to therapy.", "97110")
    assert got.get("pregnancy") == "pregnant"


# --- films of the other limb are no films of the one the request is for --------------------

@pytest.mark.parametrize("text", [
    "Imaging: 2 sets of knee films - both of the opposite knee (the left).",
    "XR x2 sets, contralateral shoulder; the painful right shoulder has never been imaged.",
    "pt says he had 3 sets of x-rays but they were all of his other hip",
    "X-rays (2 sets) of her other knee only",
])
def test_films_of_the_other_limb_are_asked(text: str) -> None:
    assert read(text, "97110").get("xray_sets") is None


# --- a figure given to an earlier episode is that episode's ---------------------------------

@pytest.mark.parametrize("text,cpt,fact", [
    ("Symptoms 5 wks. Conservative tx 14 wks for a previous episode (2024).", "62311",
     "conservative_weeks"),
    ("PT 10 weeks during an earlier flare in 2023; nothing for the current one.", "64493",
     "pt_weeks"),
    ("she did 8 weeks of conservative care for an old injury to the same knee", "97110",
     "conservative_weeks"),
    ("12 wk conservative mgmt (prior episode, 2022), none since the new onset", "62311",
     "conservative_weeks"),
    ("Physical therapy x 9 weeks for a different episode of back pain years ago.", "64493",
     "pt_weeks"),
])
def test_an_earlier_episodes_figure_is_asked(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


def test_a_figure_beside_an_earlier_episode_in_another_sentence_stands() -> None:
    got = read("PT 12 wks, no better. Prior episode 2019 resolved.", "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"


# --- a pain score on a form a relative filled in is the relative's report ------------------

@pytest.mark.parametrize("text,cpt", [
    ("Intake questionnaire (filled out by her daughter):\nPain now 0-10: 9\nInfection: no",
     "64493"),
    ("Form completed by the patient's husband. Current pain: 7/10.", "97110"),
    ("PAIN QUESTIONNAIRE -- answered by pt's wife (pt was in X-ray)\nNRS today: 6", "64493"),
    ("Pre-visit survey, done by his wife over the phone:\n  pain right now - 8", "97110"),
])
def test_a_relatives_form_gives_no_pain_score(text: str, cpt: str) -> None:
    assert read(text, cpt).get("pain_nrs") is None


def test_a_form_the_patient_filled_in_gives_her_score() -> None:
    got = read("Pain today 7/10 per patient; form completed by the patient herself.", "64493")
    assert str(got.get("pain_nrs")) == "7"


# --- a study of one area while the request is for another ----------------------------------

@pytest.mark.parametrize("text,fact", [
    ("Knee films 07/02/2026 and 10/15/2026, both of the left knee. Referral is for the right "
     "knee (new injury).", "xray_date"),
    ("Wrist X-rays 09/2026 and 11/03/2026 - healed fracture. She asks about PT for her left "
     "shoulder.", "xray_date"),
    ("XR 10/10/2026: R hip, mild OA; PT requested for the left hip.", "xray_date"),
    ("Shoulder XR 08/20/2026 and 11/19/2026 (right shoulder). Referred for PT for the left "
     "knee.", "xray_sets"),
])
def test_films_of_another_area_than_the_requests_are_asked(text: str, fact: str) -> None:
    assert read(text, "97110").get(fact) is None


@pytest.mark.parametrize("text,cpt,fact,value", [
    ("Right knee pain 7/10. Knee X-rays 10/01/2026 and 11/01/2026 (2 sets).", "97110",
     "xray_sets", "2"),
    ("Lumbar X-rays 10/01/2026. Referred for facet injection for low back pain.", "64493",
     "xray_date", "2026-10-01"),
])
def test_films_of_the_requests_area_stand(text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value

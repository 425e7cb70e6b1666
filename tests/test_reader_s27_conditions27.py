"""Conditions, regions, infection and symptoms in the words and languages staff paste from
(session 27, conditions27). Wordings are this file's own, in several voices (a voicemail, an
intake form, letters and referrals from abroad, a triage shorthand, a portal message, a
home-visit note), never a corpus note's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 4, 20))


# --- the same complaint in another language names its region (facet injection) -------------

@pytest.mark.parametrize("text", [
    # a referral from Mexico
    "Paciente con dolor lumbar crónico, refractario a AINE.",
    # a Belgian GP's letter
    "Monsieur souffre d'une lombalgie mécanique depuis l'été.",
    # an Austrian referral
    "Zuweisung wegen therapieresistenter Kreuzschmerzen.",
    # a Dutch physio's letter
    "Mevrouw heeft al maanden lage rugpijn.",
])
def test_low_back_pain_in_another_language_is_the_low_back(text: str) -> None:
    assert read(text, "64493").get("pain_region") == "low_back"


@pytest.mark.parametrize("text", [
    # the imaging of the lumbar spine says where the scan was, not the pain
    "IRM lombaire du 12/01/2027 au dossier.",
    # another person's
    "Su esposo tiene lumbalgia desde hace años.",
])
def test_a_region_without_the_patients_pain_is_not_read(text: str) -> None:
    assert "pain_region" not in read(text, "64493")


# --- respiratory symptoms in other words and languages (chest CT) ---------------------------

@pytest.mark.parametrize("text", [
    # a Spanish referral
    "Solicito TC de tórax por tos persistente y disnea de esfuerzo.",
    # a Swiss referral
    "Seit dem Winter trockener Reizhusten, zunehmende Atemnot.",
    # a French letter
    "Toux chronique et essoufflement à l'effort depuis février.",
    # a triage shorthand: pain on breathing in
    "L sided CP, pleuritic, worse lying flat.",
    # a portal message
    "my chest hurts every time I breathe in deep",
])
def test_a_respiratory_symptom_in_other_words_is_read(text: str) -> None:
    assert read(text, "71250").get("respiratory_symptoms") is True


@pytest.mark.parametrize("text", [
    "Su hija tiene tos desde hace un mes.",
    "Sin tos ni disnea en la visita de hoy? pendiente de preguntar.",
])
def test_anothers_or_an_open_respiratory_symptom_is_not_read(text: str) -> None:
    assert read(text, "71250").get("respiratory_symptoms") is not True


# --- severe comorbidities named in other languages ------------------------------------------

@pytest.mark.parametrize("text,value", [
    # a Spanish discharge letter
    ("Antecedentes: cirrosis hepática descompensada, Child-Pugh C.", "liver_disease"),
    # a Belgian nephrologist
    ("Patient dialysé trois fois par semaine pour insuffisance rénale terminale.", "esrd"),
    # a French GP
    ("Diabète de type 1 sévère, hypoglycémies fréquentes.", "diabetes"),
])
def test_a_severe_condition_in_another_language_is_read(text: str, value: str) -> None:
    assert value in (read(text, "71250").get("severe_comorbidities") or [])


@pytest.mark.parametrize("text", [
    # the mother's cirrhosis
    "Sa mère avait une cirrhose sévère.",
    # a condition with no word of severity: asked
    "Antécédents: diabète de type 2.",
])
def test_a_condition_not_the_patients_or_not_said_severe_is_not_read(text: str) -> None:
    assert not read(text, "71250").get("severe_comorbidities")


@pytest.mark.parametrize("text", [
    # a bilingual chart: the mother's dialysis is hers, the patient's diabetes not severe
    "Antecedentes: DM2 bien controlada, no severa. Su madre está en diálisis.",
    # a German letter: well controlled
    "Vorerkrankungen: Diabetes mellitus Typ 2, gut eingestellt.",
])
def test_a_condition_said_not_severe_in_another_language_is_not_read_severe(text: str) -> None:
    assert not read(text, "62311").get("severe_comorbidities")


# --- a body part and a symptom word in one sentence are the complaint therapy is for -------
# (the nurse reads "my shoulder has been aching since Easter" as a musculoskeletal
# complaint, in any order and any language, as she reads "shoulder pain")

@pytest.mark.parametrize("text", [
    # a voicemail
    "hi it's Dana, my shoulder has been aching and stiff since the move, can I get PT",
    # a home-visit note
    "Walks with a cane; L hip sore on weight bearing, worse at night.",
    # a letter from Spain
    "La paciente refiere rodilla derecha dolorosa desde hace dos meses.",
    # a Turkish referral
    "Sol omuz ağrısı 3 aydır devam ediyor.",
    # a text message
    "his ankle still hurts when he runs, the coach wants him seen",
])
def test_a_body_part_with_a_symptom_is_a_musculoskeletal_condition(text: str) -> None:
    assert read(text, "97110").get("musculoskeletal_condition") is True


@pytest.mark.parametrize("text", [
    # a German discharge summary
    "Diagnose: Rückenschmerzen, konservativ behandelt.",
    # a Portuguese referral
    "Encaminhada por lombalgia crónica.",
    # a Chilean order
    "Orden de kinesiología por gonartrosis izquierda.",
])
def test_a_complaint_named_in_another_language_is_a_musculoskeletal_condition(text: str) -> None:
    assert read(text, "97110").get("musculoskeletal_condition") is True


@pytest.mark.parametrize("text", [
    # a joint that may be infected: the infection is asked first, not the condition
    "Called at 6am: L knee red, hot and swollen overnight, temp 38.8, told to go to the ED.",
    # a wound on the foot
    "Diabetic ulcer on the R heel, dressing changed, mildly painful.",
    # how the part looks
    "She wants her shoulders to look more even in wedding photos, no pain at all.",
    # another person's knee
    "Her husband has had knee pain for years.",
    # a body part with no symptom: a film names no complaint
    "Knee X-ray 03/02/2027 and a hip X-ray 03/15/2027 on file.",
    # a denied symptom
    "No knee pain, no hip pain.",
])
def test_a_body_part_without_a_complaint_of_the_patients_is_not_read(text: str) -> None:
    assert read(text, "97110").get("musculoskeletal_condition") is not True


def test_a_body_part_in_a_reply_still_answers_the_question_asked() -> None:
    # a chat reply naming the knee answers how many X-ray sets, with no complaint in it
    got = read("two sets of the knee, both at Ridgeview", "97110", pending=["xray_sets"])
    assert str(got.get("xray_sets")) == "2"


"""Regions, respiratory symptoms and severe conditions in the languages staff paste from
(session 27, conditions27). Wordings are this file's own, in several voices (letters and
referrals from abroad, a triage shorthand, a portal message), never a corpus note's
sentence."""

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

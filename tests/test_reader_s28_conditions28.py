"""Conditions, regions, infection and symptoms (session 28, conditions28). Wordings are this
file's own, in several voices (a phone message, a school nurse's e-mail, a letter from
abroad, an intake form, a dictation, a chat reply), never a corpus note's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- "hurt" in any tense is the complaint whose length is asked --------------------------
# (a nurse reads "my wrist has hurt for five months" as five months of symptoms, as she
# reads "wrist pain for five months"; and "it hasn't hurt for two weeks" as no length of
# symptoms at all: the pain has been gone that long)

@pytest.mark.parametrize("text,cpt,value", [
    # a phone message
    ("this is Ray calling back, my right wrist has hurt for five months now", "97110",
     "5 months"),
    # a school nurse's e-mail
    ("Coach says Tomas's ankle keeps hurting him, about 3 months now.", "97110", "3 months"),
    # a dictation
    ("Her lower back has hurt since 06/01/2026, worse on bending.", "64493", "187 days"),
])
def test_hurt_in_any_tense_gives_the_length_of_symptoms(text: str, cpt: str,
                                                        value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


@pytest.mark.parametrize("text", [
    # a pain-free stretch is no length of symptoms
    "Good news - his shoulder hasn't hurt for two weeks since the cortisone shot.",
    "No pain for 10 days after starting the brace.",
    "It has not been hurting for a month now.",
    # another person's
    "Her husband's knee has hurt for a year; he is on our waiting list too.",
])
def test_a_pain_free_stretch_or_anothers_hurt_is_no_length_of_symptoms(text: str) -> None:
    assert "symptom_weeks" not in read(text, "97110")


def test_a_chat_reply_naming_the_hurting_part_answers_the_duration_question() -> None:
    # the knee is the complaint the question is about: its onset is the answer
    got = read("his knee has hurt since 10/05/2026", "97110", ["symptom_weeks"])
    assert str(got.get("symptom_weeks")) == "61 days"


# --- "without", "no" and "ruled out" in the languages staff paste from ----------------------
# (a nurse reading a letter from abroad reads "sem infecção ativa" as no active infection
# and "Neumonía descartada" as no pneumonia, as she reads "no infection", "pneumonia ruled
# out"; "sin mejoría" after a treatment still says it was done and failed)

@pytest.mark.parametrize("text", [
    # a Brazilian clinic's letter
    "Afebril e sem infecção ativa, segundo a enfermeira.",
    # a German referral
    "Kein Hinweis auf eine Infektion, fieberfrei.",
    # a Swedish GP's note
    "Ingen infektion, ingen feber.",
    # a Turkish exam note
    "Muayenede enfeksiyon yok.",
])
def test_an_infection_denied_in_another_language_is_no_infection(text: str) -> None:
    assert read(text, "64493").get("active_infection") is False


@pytest.mark.parametrize("text", [
    # a French radiology line
    "Pas de pneumonie à la radio de contrôle.",
    # a Spanish ER note
    "Neumonía descartada por radiografía.",
    # an Austrian letter
    "Er hat nicht Fieber, keine Pneumonie.",
])
def test_a_pneumonia_denied_in_another_language_is_no_pneumonia(text: str) -> None:
    assert read(text, "71250").get("bacterial_pneumonia") is False


@pytest.mark.parametrize("text,cpt,fact", [
    # a treated infection on the patient: still read
    ("Infección de la herida quirúrgica, en tratamiento con cefalexina.", "64493",
     "active_infection"),
    ("Rx: consolidación en base derecha, neumonía bacteriana, inicia amoxicilina hoy.",
     "71250", "bacterial_pneumonia"),
])
def test_an_infection_stated_in_another_language_is_read(text: str, cpt: str,
                                                         fact: str) -> None:
    assert read(text, cpt).get(fact) is True


@pytest.mark.parametrize("text,cpt,fact", [
    # another person's
    ("Su madre tiene neumonía.", "71250", "bacterial_pneumonia"),
    ("Su esposo tiene una infección urinaria.", "64493", "active_infection"),
    # a pneumonia treated months ago: asked whether it is over, never read as now
    ("Tuvo una neumonía hace 3 meses, tratada con amoxicilina.", "71250",
     "bacterial_pneumonia"),
])
def test_anothers_or_a_treated_past_infection_is_not_read(text: str, cpt: str,
                                                          fact: str) -> None:
    assert fact not in read(text, cpt)


def test_without_improvement_in_another_language_does_not_deny_the_treatment() -> None:
    # "sin mejoría" says the physiotherapy was done and failed, not that there was none
    assert str(read("Sin mejoría tras 8 semanas de fisioterapia.", "64493").get("pt_weeks")) \
        == "8 weeks"

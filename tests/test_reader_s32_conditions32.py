"""Conditions, regions, infection and symptoms (session 32, conditions32): an allergy is no
infection, a service named with "pain" names no pain, a finding a clause says comes from an
old record is history, a list's status "unverified" is asked, and a Czech record's "OA:"
header is no osteoarthritis.
Wordings are this file's own, in several voices (an interface feed, a pharmacy fax, a
German referral, a voicemail, a nursing-home form, an attending's attestation, a letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- an allergy to an antibiotic is no course of it -------------------------------------
# (a nurse reads "AL1|...|PENICILLIN" or "ADR: cephalexin" as what the patient must not get)

@pytest.mark.parametrize(("text", "cpt"), [
    # an interface feed's allergy segment
    ("PID|1||88231^^^MRN||VOSS^ELLEN\nAL1|1|DA|^AMOXICILLIN^|MO|RASH", "62311"),
    # a pharmacy fax
    ("Adverse drug reactions: cephalexin - hives (2019). Current meds: naproxen 500 mg BID.",
     "64493"),
    # a German referral
    ("Allergie: Penicillin (Exanthem). Rückenschmerzen seit 8 Monaten.", "62311"),
    # a Spanish intake form
    ("Alergias: amoxicilina. Dolor lumbar.", "64493"),
])
def test_an_allergy_to_an_antibiotic_is_no_infection(text: str, cpt: str) -> None:
    assert "active_infection" not in read(text, cpt)


@pytest.mark.parametrize("text", [
    "AL1|1|DA|^SULFA^|MO|RASH\nDG1|1||L03.115^CELLULITIS RIGHT LOWER LIMB",
    "Allergie: Sulfonamide. Seit Montag Cephalexin wegen Zellulitis am Unterschenkel.",
    "ADR: codeine (nausea). On keflex since Tues for an infected toe.",
])
def test_an_infection_beside_an_allergy_is_still_read(text: str) -> None:
    assert read(text, "62311").get("active_infection") is True


# --- a service named with "pain" names no pain ------------------------------------------

@pytest.mark.parametrize("text", [
    # a voicemail
    "hi it's Marta, the shot in my back at the pain clinic was on the 3rd, felt numb after",
    # a care coordinator
    "Injection into his back done per the pain management team's procedure note (MBB).",
    # a daughter's e-mail
    "Mum had the needle in her back at the pain centre on Friday.",
])
def test_a_pain_service_names_no_pain_region(text: str) -> None:
    assert "pain_region" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Pain clinic letter: aching pain in her back, 6/10, for 7 months.",
    "Seen at the pain centre; his back hurts, low back pain every day.",
])
def test_a_pain_said_beside_a_pain_service_is_still_read(text: str) -> None:
    assert read(text, "64493").get("pain_region") == "low_back"


# --- a finding a clause says comes from an old record is history ------------------------

@pytest.mark.parametrize("text", [
    # an attending's attestation
    "Seen and agree. The dyspnea in the HPI is from a 2025 clinic letter; today he denies dyspnea.",
    # a nurse's chart check
    "Note: the chest pain listed above was from her 2024 admission; none today.",
    # a coder's query
    "The wheeze documented in the template came from the 2025 ED visit; lungs clear today, "
    "no wheeze.",
])
def test_a_symptom_said_to_come_from_an_old_record_is_not_now(text: str) -> None:
    assert "respiratory_symptoms" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    "Cough for 3 months since a 2025 pneumonia; still coughing daily.",
    "Shortness of breath on exertion, worse since the 2025 fire season.",
])
def test_a_symptom_since_a_past_year_is_still_now(text: str) -> None:
    assert read(text, "71250").get("respiratory_symptoms") is True


# --- a list's status after its entry ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Problem list: severe COPD, status: unconfirmed",
    "EHR import | 'ESRD on dialysis' copied from old chart - status: UNVERIFIED",
    "Dx list - severe heart failure - status provisional, cardiology to confirm",
])
def test_a_condition_whose_status_is_unverified_is_asked(text: str) -> None:
    assert read(text, "97110").get("severe_comorbidities") is None


def test_a_condition_whose_status_is_active_is_read() -> None:
    assert read("Problem list: severe COPD, status: active", "97110").get(
        "severe_comorbidities") == ["copd"]


# --- a Czech record's history header --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "OA: hypertenze, těžká srdeční nedostatečnost (EF 20 %).",
    "OA: st. p. cholecystektomii 2019, jinak zdráv.",
    "RA: otec ICHS, matka diabetes.",
])
def test_a_czech_history_header_is_no_osteoarthritis(text: str) -> None:
    assert "musculoskeletal_condition" not in read(text, "97110")


def test_a_czech_severe_heart_failure_is_read() -> None:
    got = read("OA: ICHS, těžké srdeční selhání, EF 25 %.", "97110")
    assert got.get("severe_comorbidities") == ["cardiovascular_disease"]


def test_osteoarthritis_in_english_is_still_read() -> None:
    assert read("OA of the right knee, painful on stairs.", "97110").get(
        "musculoskeletal_condition") is True

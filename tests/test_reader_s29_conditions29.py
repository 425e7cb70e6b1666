"""Conditions asked, not stated (session 29, conditions29): a list of labels closed by a
colon names what is asked, not that the patient has it; the empty-set sign after an item is
its "none"; a relative named in a Romanian or an Indonesian referral is not the patient.
Wordings are this file's own, in several voices (a phone-line log, a ward round, a dictated
letter, a referral from Bucharest, one from Surabaya, a triage board)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a list of labels closed by a colon names what is asked ---------------------------------

@pytest.mark.parametrize("text", [
    # a ward round's shorthand
    "Infection, bleeding risk: none of these.",
    # a pre-procedure call
    "[10:14] Sam (RN): Active infection, anticoagulation: denies both",
    # a dictated letter
    "Infection, diabetes, heart disease: she says not that she knows of.",
])
def test_a_label_list_with_an_answer_that_does_not_affirm_is_no_infection(text: str) -> None:
    got = read(text, "62311")
    assert got.get("active_infection") is not True


def test_a_label_list_answered_with_its_own_denial_reads_the_denial() -> None:
    got = read("Infection, bleeding: no infection, no blood thinners.", "62311")
    assert got.get("active_infection") is False


@pytest.mark.parametrize("text", [
    "Infection, fever: Y",
    "Infections, bleeding: yes - a UTI on nitrofurantoin.",
])
def test_a_label_list_answered_yes_still_reads_the_infection(text: str) -> None:
    got = read(text, "62311")
    assert got.get("active_infection") is True


def test_a_label_list_answered_no_still_denies() -> None:
    got = read("Infections, bleeding: no.", "62311")
    assert got.get("active_infection") is False


# --- a relative in a Romanian or an Indonesian referral -------------------------------------

@pytest.mark.parametrize("text", [
    # a referral from Bucharest
    "Soțul pacientei a fost internat cu pneumonie bacteriană luna trecută.",
    # a referral from Surabaya
    "Istri pasien sedang dirawat karena pneumonia.",
    # a Malay-speaking clinic's note
    "Suaminya baru sembuh dari pneumonia.",
])
def test_a_relatives_pneumonia_in_another_language_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert got.get("bacterial_pneumonia") is not True


def test_an_indonesian_denial_denies_the_pneumonia() -> None:
    got = read("Pasien tidak ada tanda pneumonia, CXR bersih.", "71250")
    assert got.get("bacterial_pneumonia") is False


def test_the_patients_own_pneumonia_in_indonesian_is_still_read() -> None:
    got = read("Pasien dengan pneumonia bakteri, dirawat sejak kemarin.", "71250")
    assert got.get("bacterial_pneumonia") is True


# --- the empty-set sign after a checklist's item is its "none" -------------------------------

@pytest.mark.parametrize("text", [
    # a pre-op screen typed on a phone
    "Infection: Ø",
    # a ward list
    "Active infection ∅; on no anticoagulants",
    # a triage board
    "Fever/infxn Ø today.",
])
def test_an_empty_set_sign_denies_the_infection(text: str) -> None:
    got = read(text, "64493")
    assert got.get("active_infection") is False


@pytest.mark.parametrize("text", [
    "Pneumonia ∅, CXR clear.",
    "CAP → Ø per radiology read.",
    "Bacterial PNA: Ø",
])
def test_an_empty_set_sign_denies_the_pneumonia(text: str) -> None:
    got = read(text, "71250")
    assert got.get("bacterial_pneumonia") is False


def test_a_ticked_infection_is_still_read() -> None:
    got = read("Active infection: yes (UTI, on nitrofurantoin)", "64493")
    assert got.get("active_infection") is True

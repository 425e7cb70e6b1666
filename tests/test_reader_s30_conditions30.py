"""Conditions, infections and findings (session 30, conditions30): a finding doubted, given to
a relative, said not to be severe, limited to one site, or a sign that is another thing's
change. Wordings are this file's own, in several voices (a radiology read, a ward phone
message, a letter from abroad, a physio's shorthand, an intake form, a family's text)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a doubt written with any spelling of "cannot" -----------------------------------------
# (a nurse reads "can't exclude pneumonia" as "maybe pneumonia": asked, never a pneumonia)

@pytest.mark.parametrize("text", [
    # a radiology preliminary read
    "68M. Prelim CXR read: patchy RLL opacity, could not exclude early pneumonia.",
    # a covering doctor's phone message
    "71 yo man, coughing since Sunday - couldn't exclude pneumonia on the portable film.",
    # an ED handover
    "Pt 66M, febrile overnight; unable to exclude pneumonia until the formal CXR report.",
])
def test_a_pneumonia_not_excluded_is_asked(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_a_pneumonia_stated_is_still_read() -> None:
    # guard: a diagnosis with "cannot" about something else
    got = read("70M. Bacterial pneumonia on CXR, started ceftriaxone; cannot walk far.", "71250")
    assert got.get("bacterial_pneumonia") is True


# --- a condition said to be a relative's, the patient named with an article --------------

@pytest.mark.parametrize("text", [
    # an auditor's worksheet
    "The ESRD on the problem list is the member's brother's.",
    # a case manager's e-mail
    "FYI the dialysis schedule in the packet is the patient's father's, not his.",
    # a home-health nurse's note
    "Home oxygen for COPD: that is the client's husband's, she has none.",
])
def test_a_condition_said_to_be_a_relatives_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert not got.get("severe_comorbidities")


def test_the_patients_own_condition_beside_a_relatives_is_still_read() -> None:
    # guard: the patient's own severe COPD, the relative's named elsewhere
    got = read("Severe COPD, on home O2 since 2024. The hypertension is the patient's "
               "brother's.", "71250")
    assert got.get("severe_comorbidities") == ["copd"]


# --- a relative named as the patient's by a genitive after the word ------------------------

@pytest.mark.parametrize("text", [
    # a Spanish referral: "the patient's wife has bacterial pneumonia"
    "Neumonía bacteriana: la tiene la esposa del paciente, que lo acompaña.",
    # a Portuguese note
    "Pneumonia bacteriana tem a esposa do paciente; ele não tem febre.",
    # a Polish discharge line
    "Zapalenie płuc przechodzi córka pacjenta; pacjent bez gorączki.",
])
def test_a_finding_owned_by_the_patients_relative_is_not_the_patients(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_the_patients_own_finding_beside_a_relative_of_the_patient() -> None:
    # guard: the relative in the next sentence says nothing of the patient's pneumonia
    got = read("Neumonía bacteriana confirmada. La esposa del paciente lo acompaña.", "71250")
    assert got.get("bacterial_pneumonia") is True


# --- a condition said not to be severe, in the writer's language ---------------------------

@pytest.mark.parametrize("text", [
    # a French letter
    "Diabète type 2 : selon son médecin, il n'est pas considéré comme sévère.",
    # a Spanish referral
    "Diabetes tipo 2, según su médico no es grave.",
    # a family's text in Tagalog and English
    "Diabetes po, sabi ng doktor hindi severe.",
    # a Portuguese letter
    "Diabetes tipo 2, médico diz que não é grave.",
])
def test_a_condition_denied_severe_in_another_language_is_not_severe(text: str) -> None:
    got = read(text, "62311")
    assert "diabetes" not in str(got.get("severe_comorbidities", ""))


def test_a_severe_condition_in_another_language_is_still_read() -> None:
    # guard: no denial before the severity word
    got = read("Diabète de type 1 sévère, mal équilibré.", "62311")
    assert got.get("severe_comorbidities") == ["diabetes"]


# --- an arrow with a motion after it is the pain's change with the motion ------------------

@pytest.mark.parametrize("text", [
    # a physio's shorthand
    "Axial LBP, pain ↓ w/ flexion, ↑ w/ extension + rotation.",
    # a chiropractor's SOAP line
    "S: low back ache, ↓ on flexion, ↑ on extension.",
    # a pain fellow's dictation typed with symbols
    "LBP ↑ c̄ extension, ↓ c̄ flexion; neuro intact.",
])
def test_a_pain_changing_with_a_motion_is_no_decreased_range(text: str) -> None:
    assert "decreased_rom" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Lumbar ROM ↓ (flex 40°, ext 10°).",
    "↓ flexion and extension, painful at end range.",
])
def test_a_range_marked_down_is_still_decreased(text: str) -> None:
    assert read(text, "64493").get("decreased_rom") is True


# --- an infection denied at one site says nothing of the others ----------------------------

@pytest.mark.parametrize("text", [
    # a gynaecology clinic letter
    "Post-procedure review: no pelvic infection, wound healing well.",
    # a dentist's clearance
    "Dental clearance: no dental infection, extraction site clean.",
    # an orthopaedic aspiration note
    "Knee aspirate: no joint infection, crystals only.",
])
def test_an_infection_denied_at_one_site_is_asked(text: str) -> None:
    assert "active_infection" not in read(text, "62311")


@pytest.mark.parametrize("text", [
    "No active infection.",
    "Denies any infection, afebrile.",
    "No evidence of infection on exam.",
    "No s/s infection, afebrile.",
    # (two kinds denied together are a screen of infections)
    "no skin infx, no UTI per pt",
])
def test_an_infection_denied_whole_is_still_denied(text: str) -> None:
    assert read(text, "62311").get("active_infection") is False


# --- a relative's bare word opening a sentence: the next sentences in her pronoun are hers --
# (a ward nurse reads "Wife visiting. (She has COPD herself.)" of a man as the wife's COPD)

@pytest.mark.parametrize("text", [
    # a ward handover
    "Mr Okafor, 74. Wife visiting at 3, please update her. (She is on home O2 for severe COPD.)",
    # a home-care visit
    "Mr Lund, 80. Daughter lives with him. She has severe COPD and uses O2.",
    # a clinic phone note
    "Mr Brandt, 69. Sister drove him in. She has severe COPD, on 2 L at home.",
])
def test_a_relatives_condition_in_her_pronoun_is_not_a_mans(text: str) -> None:
    assert "copd" not in str(read(text, "71250").get("severe_comorbidities", ""))


def test_the_mans_own_condition_after_a_relatives_sentence_is_still_read() -> None:
    # guard: the next sentence in his own pronoun is his
    got = read("Mr Okafor, 74. Wife visiting at 3. He has severe COPD, on home O2.", "71250")
    assert got.get("severe_comorbidities") == ["copd"]


# --- a figure given to another person by name is taken back ---------------------------------

@pytest.mark.parametrize("text", [
    # a student's care plan marked by a preceptor
    "Vitals 0800: T 101.2 F, HR 98. Preceptor note: the 101.2 was the roommate's.",
    # a night nurse's correction
    "Temp 38.9 C at 0200. The 38.9 was her husband's, he has the flu.",
    # a lab call-back in a chat
    "WBC 17.5 this am. lab called back, the 17.5 was the patient in room 12; ours pending",
])
def test_a_figure_given_to_another_person_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert got.get("body_temperature") not in ("101.2 F", "38.9 C")
    assert "wbc_count" not in got


# --- a Chinese or Japanese full stop ends a sentence ----------------------------------------

@pytest.mark.parametrize("text", [
    # a Chinese referral with glosses
    "腰椎 MRI 2027-03-01：L4-5、L5-S1 退变。女儿有腰痛 [daughter has back pain]。",
    # a Japanese letter, typed with an English gloss
    "MRI 2027-03-01: L5-S1 facet arthropathy。The son also has back pain。",
    # an English note pasted through a Chinese keyboard
    "Imaging: L4-5 and L5-S1 facet changes。Neighbour with back pain drove her in。",
])
def test_a_spinal_level_on_imaging_is_no_pain_region_across_a_cjk_full_stop(text: str) -> None:
    assert "pain_region" not in read(text, "64493")


def test_a_pain_region_before_a_cjk_full_stop_is_still_read() -> None:
    got = read("患者腰痛 [low back pain] 7/10。儿子也有颈痛。", "64493")
    assert got.get("pain_region") == "low_back"

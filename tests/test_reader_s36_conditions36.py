"""Conditions (session 36, conditions36): words that name a condition without stating it of
the patient now. One the patient works beside or under ("His line supervisor was admitted
with pneumonia"), a childhood episode ("Pneumonia? [X] Yes - 'twice as a kid'"), a denial in
another language ("Kò sí infection"), a relay operator's question ("ARE YOU PREGNANT Q GA"),
a mail merge's unfilled field ("«OPTIONAL: pregnancy/postpartum statement»"), a tick crossed
out, a purpose nobody asks for, a pregnancy named as a time gone by ("since the pregnancy"),
dialysis by its kind, a comorbidity screen beside a denied stay, an earlier state a later
clause turns round ("stable at rehab, unstable now"), "stable" said of a disease, and a
clinician's "I consider her unstable". Wordings are this file's own (a form row, shorthand,
a sentence, a table, another language mixed with English, a near-miss that keeps its
reading)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- one the patient works beside or under ----
# (fresh39: "His line supervisor was admitted with pneumonia in July" read the patient's stay)

@pytest.mark.parametrize("text", [
    "His line supervisor was admitted with pneumonia in July. Pt never admitted.",
    "Her boss was hospitalized w/ pneumonia last month; she herself has a dry cough.",
    "Contact hx: the shift supervisor (same line) admitted for CAP 10/2026.",
    "Su supervisor del turno fue hospitalizado por neumonía [his shift supervisor was admitted"
    " with pneumonia].",
    "pt's colleague on the night crew got admitted with pneumonia",
])
def test_a_work_superior_or_colleague_is_another_person(text: str) -> None:
    got = read(text, "71250")
    assert got.get("pneumonia_hospitalization") is not True, got
    assert got.get("bacterial_pneumonia") is not True, got


@pytest.mark.parametrize("text", [
    "Her supervisor is 20 weeks pregnant, so pt took over the lifting.",
    "The boss is pregnant; pt does the deliveries now.",
    "My colleague is pregnant and I cover her shifts.",
])
def test_a_work_superior_or_colleague_pregnancy_is_theirs(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: the patient's own job, and the patient beside a supervisor, keep their reading
    ("71250", "Pt, a warehouse supervisor, was admitted with pneumonia 11/20/2026.",
     "bacterial_pneumonia", True),
    ("62311", "Pt is pregnant, 20 weeks; her supervisor moved her to desk duty.",
     "pregnancy", "pregnant"),
])
def test_the_patients_own_job_keeps_the_reading(cpt: str, text: str, fact: str,
                                                value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- a childhood episode ----
# (phrase35b: "Pneumonia? [X] Yes — 'twice as a kid'" read a pneumonia now)

@pytest.mark.parametrize("text", [
    "Pneumonia? [X] Yes — 'twice as a kid'",
    "Had pneumonia when she was little; current CXR clear.",
    "Neumonía: sí, de niño [as a kid]",
])
def test_a_childhood_pneumonia_is_no_pneumonia_now(text: str) -> None:
    assert read(text, "71250").get("bacterial_pneumonia") is not True


def test_a_pneumonia_ticked_without_a_past_stays_read() -> None:
    got = read("Pneumonia? [X] Yes - CXR 12/01/2026 RLL consolidation", "71250")
    assert got.get("bacterial_pneumonia") is True


def test_a_teenage_admission_is_a_past_pneumonia_admission() -> None:
    got = read("Pneumonia x2 as a teenager, admitted both times.", "71250")
    assert got.get("bacterial_pneumonia") is not True
    assert got.get("pneumonia_hospitalization") is True


# --- "no" in another language ----
# (phrase35a: "Kò sí ibà, kò sí infection (no fever, no infection)" read an infection)

@pytest.mark.parametrize("text", [
    "Kò sí infection. Pain 6/10.",
    "Mgonjwa: hakuna infection, hakuna homa.",
    "Không có infection, không sốt.",
    "Pa gen infection, pa gen lafyèv.",
])
def test_a_denial_in_another_language(text: str) -> None:
    assert read(text, "64493").get("active_infection") is False


def test_a_foreign_denial_of_fever_leaves_the_uti() -> None:
    got = read("Kò sí ibà, but UTI on nitrofurantoin since 12/03/2026.", "64493")
    assert got.get("active_infection") is True


# --- a relay operator's question ----
# (phrase35a: "OPR: ARE YOU PREGNANT Q GA" read a pregnancy)

@pytest.mark.parametrize(("text", "fact"), [
    ("OPR: ARE YOU PREGNANT Q GA\nCALLER: I DONT KNOW WILL TEST TOMORROW GA", "pregnancy"),
    ("OPR: ARE YOU PREGNANT Q GA\nCALLER: NO GA", "pregnancy"),
    ("AGENT: IS SHE PREGNANT OR NURSING Q GA", "pregnancy"),
    ("OPR: ANY INFECTION OR FEVER Q GA\nCALLER: NOT SURE GA", "active_infection"),
    ("OPR: IS THIS FOR COSMETIC REASONS Q GA\nCALLER: DONT KNOW GA", "cosmetic_purpose"),
])
def test_a_relay_question_states_nothing(text: str, fact: str) -> None:
    got = read(text, "62311")
    assert got.get(fact) not in (True, "pregnant"), got


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("CALLER: I AM PREGNANT 20 WEEKS GA", "pregnancy", "pregnant"),
    ("OPR: DO YOU TAKE IBUPROFEN 600 MG Q 6 H GA\nCALLER: YES AND I AM PREGNANT GA",
     "pregnancy", "pregnant"),
    ("OPR: DO YOU HAVE AN INFECTION NOW Q GA\nCALLER: YES BLADDER INFECTION ON ANTIBIOTICS GA",
     "active_infection", True),
])
def test_the_callers_answer_is_read(text: str, fact: str, value: object) -> None:
    assert read(text, "62311").get(fact) == value


# --- a mail merge's unfilled field ----
# (phrase35b: "«OPTIONAL: pregnancy/postpartum statement»" read a postpartum state)

@pytest.mark.parametrize("text", [
    "Patient is a 41-year-old man with R shoulder pain x 10 weeks. «OPTIONAL: pregnancy/"
    "postpartum statement»",
    "«IF Pregnant»Patient is pregnant; please defer.«ENDIF» Knee pain since fall.",
    "Pregnancy: <<PREG_STATUS>>; postpartum: <<PostpartumFlag>>",
    "Status: [PREG_STATUS] / [POSTPARTUM_WEEKS]",
])
def test_a_merge_field_states_nothing(text: str) -> None:
    got = read(text, "97110")
    assert got.get("postpartum") is not True, got
    assert got.get("pregnancy") != "pregnant", got


def test_text_beside_a_merge_field_is_read() -> None:
    got = read("She is 6 weeks postpartum. «Signature»", "97110")
    assert got.get("postpartum") is True


# --- a tick crossed out ----
# (phrase35b: "Are you pregnant? [X] Yes — crossed out, initialed: 'No, mis-marked'")

@pytest.mark.parametrize("text", [
    "Are you pregnant? [X] Yes — crossed out, initialed: 'No, mis-marked' 10/20",
    "Pregnant: ☒ Yes (crossed out) ☒ No",
    "Pregnant? [X] Yes — voided by pt, she is not pregnant (hCG neg 12/01)",
    "Pregnant? [X] Yes - was crossed out and re-marked No",
])
def test_a_crossed_out_yes_is_no_pregnancy(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


def test_a_crossed_out_cosmetic_yes() -> None:
    got = read("Cosmetic purpose: [X] Yes (struck through, see correction) — No.", "97110")
    assert got.get("cosmetic_purpose") is not True


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Pregnant? [X] Yes - 12 weeks, confirmed by US", "pregnancy", "pregnant"),
    ("Pregnant? [X] Yes (crossed the line at work when she fell)", "pregnancy", "pregnant"),
    ("Cosmetic purpose: [X] Yes — patient wants to look better", "cosmetic_purpose", True),
])
def test_a_tick_not_crossed_out_stays(text: str, fact: str, value: object) -> None:
    assert read(text, "97110").get(fact) == value


# --- a purpose nobody asks for ----
# (fresh39: "Nobody is asking for this for appearance, whatever the costume designer said")

@pytest.mark.parametrize("text", [
    "Nobody is asking for this for appearance, whatever the costume designer said about her"
    " posture.",
    "Nobody wants this done for aesthetic reasons; it is for the pain.",
    "She isn't asking for the injection for appearance.",
    "Pt is not asking for it for looks - she wants to walk.",
])
def test_a_purpose_nobody_asks_for(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    "She is asking for it for appearance, honestly.",
    "Nobody is asking about the pain; she wants it for appearance.",
])
def test_a_purpose_asked_for_stays(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is True


# --- a pregnancy named as a time gone by ----
# (phrase33a: "dor lumbar dende o embarazo [low back pain since the pregnancy]"; phrase35b: "PT
# twice weekly x 8 wk through the pregnancy, stopped at delivery" read pregnant)

@pytest.mark.parametrize("text", [
    "Parto hai 5 semanas [gave birth 5 weeks ago]; dor lumbar dende o embarazo [low back pain"
    " since the pregnancy].",
    "Low back pain ever since the pregnancy; baby is 4 months now.",
    "Knee pain worse after my pregnancy, no other injury.",
    "Navigator: PT twice weekly x 8 wk through the pregnancy, stopped at delivery, no change in"
    " the leg pain.",
    "Hip pain during her pregnancy, delivered in August, still sore.",
])
def test_a_pregnancy_gone_by_is_no_pregnancy(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text", [
    "Currently 20 weeks pregnant; pain since the pregnancy began.",
    "Pregnant, 24 weeks, hip pain through the pregnancy so far.",
])
def test_pregnant_now_beside_a_pregnancy_gone_by(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "pregnant"


# --- dialysis by its kind ----

@pytest.mark.parametrize("text", [
    "Severe CKD, on hemodialysis.",
    "PMH: T2DM; CKD 5 on haemodialysis Tu/Th/Sa.",
    "Renal: dialysis-dependent since 2024.",
    "| Kidney | HD via L AV fistula, hemodialysis 3x/wk |",
])
def test_hemodialysis_is_esrd(text: str) -> None:
    assert "esrd" in (read(text, "71250").get("severe_comorbidities") or [])


@pytest.mark.parametrize("text", [
    "CKD 3, no dialysis, not on hemodialysis.",
    "Her mother is on hemodialysis.",
    "Pre-hemodialysis planning, CKD 4.",
])
def test_hemodialysis_denied_or_anothers_is_no_esrd(text: str) -> None:
    assert "esrd" not in (read(text, "71250").get("severe_comorbidities") or [])


# --- a comorbidity screen beside a denied stay ----
# (tester35 M4: "No CVD, no ESRD, no COPD, never admitted for COPD." asked the comorbidities)

@pytest.mark.parametrize("text", [
    "No CVD, no ESRD, no COPD, never admitted for COPD.",
    "Denies diabetes, heart failure and COPD; never hospitalized for asthma or COPD.",
])
def test_screen_with_care_denied_is_none(text: str) -> None:
    assert read(text, "71250").get("severe_comorbidities") == []


def test_a_member_only_denied_care_is_still_open() -> None:
    # near-miss: COPD itself is never denied, only its admissions
    assert "severe_comorbidities" not in read("No CVD, no ESRD, never admitted for COPD.",
                                              "71250")


def test_screen_beside_a_severe_member_keeps_it() -> None:
    got = read("No CVD, no ESRD; never admitted for COPD; COPD severe (GOLD 4).", "71250")
    assert got.get("severe_comorbidities") == ["copd"]


# --- an earlier state a later clause turns round ----
# (tester35 F12: "she was clinically stable at rehab, unstable now" read stable; "no pulmonary
# disease signs until June, crackles now" read no signs)

@pytest.mark.parametrize(("text", "fact"), [
    ("she was clinically stable at rehab, unstable now", "clinically_unstable"),
    ("Clinically stable at rehab last month; today hypoxic 86% RA.", "clinically_unstable"),
    ("no pulmonary disease signs until June, crackles now", "pulmonary_disease_signs"),
    ("Lungs clear until June.", "pulmonary_disease_signs"),
])
def test_an_earlier_state_is_not_now(text: str, fact: str) -> None:
    assert read(text, "71250").get(fact) is not False


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("she was stable last week, now unstable", "clinically_unstable", True),
    ("No crackles until last week; now bibasilar crackles.", "pulmonary_disease_signs", True),
])
def test_the_current_state_is_read(text: str, fact: str, value: object) -> None:
    assert read(text, "71250").get(fact) == value


# --- "stable" said of a disease or a lab; a clinician's judgement ----
# (fresh39: "No severe comorbidities (her CKD 3a is stable, not severe)" read a stable patient
# beside "I consider her clinically unstable and want rapid CT", which was left unread)

@pytest.mark.parametrize("text", [
    "Her CKD 3a is stable, not severe.",
    "Creatinine is stable at 1.2.",
    "Nodule is stable since 2025.",
    "Graft function remains stable.",
])
def test_stable_of_a_thing_is_no_stable_patient(text: str) -> None:
    assert "clinically_unstable" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    "Patient is stable on room air.",
    "She remains stable; no distress.",
    "Pt is stable for outpatient imaging.",
])
def test_stable_of_the_patient_is_read(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is False


@pytest.mark.parametrize("text", [
    "I consider her clinically unstable and want rapid CT to direct treatment.",
    "We consider him clinically unstable; needs rapid CT today.",
])
def test_a_clinicians_judgement_is_no_plan(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is True


def test_consider_as_a_plan_stays_a_plan() -> None:
    assert "clinically_unstable" not in read("Consider CT if she becomes clinically unstable.",
                                             "71250")


# --- near-misses the whole corpus found ----------------------------------------------------
# ("Dear Colleague" is the letter's reader, no other person: fresh29's "Dear Colleague, Mrs.
# Perera, 61" lost her age; "hakuna mengine", nothing else, closes a Swahili list: p31b; the
# patient named by a noun of their own: "AME: airman is stable", fresh21)

def test_dear_colleague_is_no_other_person() -> None:
    got = read("Dear Colleague, Mrs. Ana Silva, 61, has had neck pain for 7 months.", "97110")
    assert got.get("pregnancy") == "not_applicable"


def test_nothing_else_in_swahili_denies_none_of_the_list() -> None:
    got = read("Matibabu: fiziotherapia na dawa za maumivu — hakuna mengine (physio and pain"
               " medication, nothing else).", "62311")
    # (the list is read whole or asked, never cut to its first kind)
    assert got.get("conservative_treatments") in (None, ["medication_management",
                                                          "physical_therapy"])


def test_the_patient_by_a_noun_of_their_own_is_stable() -> None:
    got = read("AME: airman is stable, no urgency; CT can be scheduled routinely.", "71250")
    assert got.get("clinically_unstable") is False

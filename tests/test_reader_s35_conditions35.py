"""Conditions (session 35, conditions35): words that name a condition without stating it of
the patient now. A prefix joined to the word ("pre-dialysis", "pre-pregnancy weight",
"post-pneumonia cough", "pre-menopausal"), a question reported after a verb of asking
("asked whether the injection was cosmetic"), not knowing whether in another language ("hy
weet nie of dit longontsteking was nie"), a rule-out said done after the finding ("pneumonia
r/o'd") and a cosmetic word said of another procedure ("Botox ... (cosmetic)"). Wordings are
this file's own (a problem list, a census row, a phone note, a table row, a patient's
message, another language mixed with English)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a condition's word joined to a prefix -----------------------------------------------------
# (fresh38 read "CKD stage 4 (nephrology: severe, pre-dialysis planning)" as ESRD, which
# excludes a chest CT; "Pre-pregnancy weight 70 kg" read a pregnancy)

@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "PMH: CKD stage 4, pre-dialysis."),
    ("71250", "Comorbidities: CKD 4 (nephrology says severe; pre dialysis planning under way)"),
    ("64493", "| Renal | CKD IV, pre-dialysis |"),
    ("62311", "ERC estadio 4 severa, pre-diálisis."),
    ("97110", "Pre-dialysis CKD stage 4. No other conditions."),
])
def test_pre_dialysis_is_no_esrd(cpt: str, text: str) -> None:
    got = read(text, cpt)
    assert "esrd" not in (got.get("severe_comorbidities") or []), got


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Hx: pre-diabetes (A1c 6.1), severe per pt."),
    ("71250", "Pre-diabetes, diet controlled. Severe pre-diabetic per PCP."),
])
def test_pre_diabetes_is_no_diabetes(cpt: str, text: str) -> None:
    assert "diabetes" not in (read(text, cpt).get("severe_comorbidities") or [])


@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "Pre-pregnancy weight 70 kg; she is 4 months postpartum."),
    ("62311", "BMI 31 (pre-pregnancy 27), delivered in August."),
])
def test_pre_pregnancy_is_no_pregnancy(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") != "pregnant"


def test_pre_menopausal_is_not_past_bearing() -> None:
    assert "pregnancy" not in read("She is pre-menopausal, 48.", "62311")


def test_post_pneumonia_cough_is_no_pneumonia_now() -> None:
    assert "bacterial_pneumonia" not in read("Post-pneumonia cough, CXR now clear.", "71250")


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: the word itself, or a prefix joined to another word, still read
    ("71250", "ESRD on dialysis since 2022.", "severe_comorbidities", ["esrd"]),
    ("62311", "Post-op wound infection, on keflex now.", "active_infection", True),
    ("62311", "Post menopause since 2015.", "pregnancy", "not_applicable"),
    ("71250", "Pneumonia, post-obstructive, on ceftriaxone.", "bacterial_pneumonia", True),
])
def test_prefix_of_another_word_keeps_reading(cpt: str, text: str, fact: str,
                                              value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- a question reported after a verb of asking ------------------------------------------------
# (fresh38: "Payer rep asked on the call whether the injection was cosmetic" read a cosmetic
# purpose; "wants to know whether she is pregnant" read a pregnancy)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Payer rep asked on the call whether the injection was cosmetic.",
     "cosmetic_purpose"),
    ("64493", "Adjuster wants to know whether she is pregnant.", "pregnancy"),
    ("62311", "The form asks whether there is any active infection.", "active_infection"),
    ("64493", "Reviewer queried whether the injection is for cosmetic purposes; it is not.",
     "cosmetic_purpose"),
    ("64493", "Asks if the injection is cosmetic.", "cosmetic_purpose"),
    ("71250", "The reviewer wants to know if the CT is for cosmetic purposes.",
     "cosmetic_purpose"),
])
def test_reported_question_states_nothing(cpt: str, text: str, fact: str) -> None:
    got = read(text, cpt)
    assert got.get(fact) not in (True, "pregnant"), got


def test_answer_after_a_checked_question_is_read() -> None:
    # near-miss: what was checked is not stated, its result is
    got = read("Nurse checked whether she was pregnant: hCG negative today.", "62311")
    assert got.get("pregnancy") == "not_pregnant"


# --- not knowing whether, in another language --------------------------------------------------
# (fresh38: Afrikaans "hy weet nie of dit longontsteking was nie", he does not know if it was
# pneumonia, read no pneumonia from its "nie")

@pytest.mark.parametrize("text", [
    "hy weet nie of dit longontsteking was nie",
    "Sie weiß nicht, ob es eine Lungenentzündung war.",
    "Pacjent nie wie czy to było zapalenie płuc.",
    "Hij weet niet of het een longontsteking was.",
])
def test_not_knowing_whether_states_nothing(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_denial_in_those_languages_still_denies() -> None:
    # near-miss: a plain denial in the same language is read
    assert read("Sie hat keine Lungenentzündung.", "71250").get("bacterial_pneumonia") is False


# --- a rule-out said done after the finding ----------------------------------------------------
# (phrase34b: "pneumonia r/o'd (CXR clear, PCT low)" read a pneumonia)

@pytest.mark.parametrize("text", [
    "58F chronic cough | pneumonia r/o'd (CXR clear)",
    "PNA r/o'd by CXR and procalcitonin.",
    "Pneumonia ruled-out on CXR.",
    "pneumonia has been r/o",
])
def test_rule_out_done_denies(text: str) -> None:
    assert read(text, "71250").get("bacterial_pneumonia") is False


# --- a cosmetic word said of another procedure -------------------------------------------------
# (phrase34b: "client gets Botox with us for forehead lines (cosmetic). The facet injection
# ... is for her low back pain - not cosmetic" read a cosmetic purpose)

@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "She had lip fillers last spring for looks; the epidural is for sciatica."),
    ("64493", "Also booked at the med spa for a chemical peel (aesthetic)."),
    ("64493", "Patient also gets Botox for crow's feet (cosmetic) at our med spa."),
])
def test_cosmetic_word_of_another_procedure(cpt: str, text: str) -> None:
    assert read(text, cpt).get("cosmetic_purpose") is not True


def test_cosmetic_procedure_beside_a_denial_of_the_request() -> None:
    got = read("Client gets Botox with us for forehead lines (cosmetic). The facet injection"
               " is for her back pain - not cosmetic.", "64493")
    assert got.get("cosmetic_purpose") is False


@pytest.mark.parametrize(("text", "value"), [
    # near-misses: the request's own purpose, and a denial in a sentence of its own
    ("Facet injection requested for cosmetic reasons (she wants to stand straighter).", True),
    ("Cosmetic: no. Botox for migraine in 2024.", False),
])
def test_request_purpose_still_read(text: str, value: bool) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is value

"""The patient's conditions as forms and lists give them (session 25, health25): a
checklist's bare "Y"/"N" after its question, a list's last item joined to a denial of its
own, and a form's fields run together on one line (a form pasted in a chat box). Wordings
are this file's own, in several voices (a pre-op nurse's screen, a phone call-back, a
triage card, a GP's referral, a scheduler's one-line paste)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a checklist's "Y"/"N" after its question mark answers it, as "Yes"/"No" does -----------

@pytest.mark.parametrize(("text", "cpt"), [
    # a pre-op nurse's screen, one row of questions
    ("Diabetes? N   Heart disease? N   Other serious illness? N", "97110"),
    # a pain clinic's intake grid, two rows
    ("Bleeding d/o? N     CKD? N\nLiver dz? N     Any other severe comorbidity? N", "64493"),
    # an anaesthesia pre-assessment, one question a line
    ("COPD?  N\nCHF?  N\nOther significant medical conditions?  N", "62311"),
])
def test_a_checklists_bare_n_to_each_condition_is_no_severe_comorbidity(text: str,
                                                                         cpt: str) -> None:
    assert read(text, cpt).get("severe_comorbidities") == []


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Active infection? N   Pregnant? N   For looks? N", "active_infection", False),
    ("Infection on abx? N\nPregnant/postpartum? N\nCosmetic? N", "cosmetic_purpose", False),
    ("Current infection? Y   (UTI, on nitrofurantoin)", "active_infection", True),
])
def test_a_checklists_bare_letter_answers_its_question(text: str, fact: str, value: object) -> None:
    assert read(text, "62311").get(fact) == value


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # the triage question asks a degree: its "N" says the breathing is not that bad
    ("2. Severe shortness of breath at rest?   N", "71250", "respiratory_symptoms"),
    # a bound answered "N" is the payer's mark not reached, no temperature
    ("Fever > 100.4?   N", "71250", "body_temperature"),
    # after a heading's colon the letter is not taken apart as the field's answer: asked
    ("Pre-op screen (RN): Fever/infection? N", "62311", "active_infection"),
    # no answer given
    ("Infection? N/A", "62311", "active_infection"),
    ("Pregnant? not sure yet, test pending", "62311", "pregnancy"),
])
def test_a_question_mark_left_unanswered_or_a_degree_asked_is_not_read(text: str, cpt: str,
                                                                       fact: str) -> None:
    assert fact not in read(text, cpt)


# --- a list's last item joined to a denial of its own is still in the list's "no" ----------

@pytest.mark.parametrize(("text", "cpt"), [
    # a discharge letter
    ("No history of COPD, cirrhosis or a clotting disorder and no other significant illness.",
     "62311"),
    # a GP's referral
    ("She has no diabetes, emphysema, heart failure or liver disease and no other serious illness.",
     "64493"),
    # a physio's intake, no comma before the last item
    ("Pt has no DM, CKD, coagulopathy or heart disease and no other serious illness", "97110"),
])
def test_a_denied_list_closed_by_no_other_is_none(text: str, cpt: str) -> None:
    assert read(text, cpt).get("severe_comorbidities") == []


@pytest.mark.parametrize("text", [
    # a pre-op call note
    "Never had diabetes, heart failure or kidney failure on dialysis and no other serious illness.",
    # a PCP's one-liner: the dialysis in the list is denied with the rest, never read
    "no COPD, coagulopathy or end stage renal disease and no other significant illnesses per PCP",
])
def test_the_last_item_of_a_denied_list_is_not_read_as_present(text: str) -> None:
    assert "esrd" not in str(read(text, "62311").get("severe_comorbidities", ""))


@pytest.mark.parametrize("text", [
    # the heart failure is set apart from the denial: asked, never "none"
    "No diabetes or kidney disease, and no other problems apart from heart failure.",
    "No DM or CKD, but severe heart failure and no other issues.",
])
def test_a_condition_outside_the_denied_list_is_no_none(text: str) -> None:
    assert read(text, "62311").get("severe_comorbidities") != []


# --- a form's fields run together on one line (pasted into a chat box) ----------------------

@pytest.mark.parametrize(("text", "fact"), [
    # a scheduler's checklist pasted as one line: the "no" before the next label
    ("[x] Pregnancy: N/A (male) [x] Cosmetic: no Plan: book for Friday", "cosmetic_purpose"),
    ("[X] Labs: CRP 14 (high) [X] Cosmetic: no Scheduler: T. Greene", "cosmetic_purpose"),
    ("Anticoag / bleeding d/o / other severe illness: none   Cosmetic: no Comments: pt wants "
     "Friday.", "cosmetic_purpose"),
])
def test_a_fields_no_before_the_next_label_is_its_answer(text: str, fact: str) -> None:
    assert read(text, "62311").get(fact) is False


def test_a_checklists_none_joined_to_the_next_item_is_still_the_lists() -> None:
    text = ("[X] Infection: none [X] Pregnancy: N/A (male) [X] Bleeding disorder / liver "
            "disease / other severe comorbidity: none [X] Cosmetic: no Comment: office says "
            "no newer H&P is planned.")
    got = read(text, "62311", pending=["severe_comorbidities"])
    assert got.get("severe_comorbidities") == []
    assert got.get("cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    "Cosmetic: yes Comment: she wants it for her looks",
    "Cosmetic: Y Reason: wants a flatter profile",
])
def test_a_fields_yes_before_the_next_label_stays_yes(text: str) -> None:
    assert read(text, "62311").get("cosmetic_purpose") is True


@pytest.mark.parametrize("text", [
    "Pregnant [ ] Y [x] N   Infection [x] Y [ ] N",
    "Cosmetic [ ] Y [x] N     Active infection [x] Y [ ] N     Pregnant [ ] Y [x] N",
])
def test_a_box_row_after_its_label_answers_it_not_the_row_before(text: str) -> None:
    assert read(text, "62311").get("active_infection") is True


# --- a mildness said of the whole list after its last member covers every member ------------

@pytest.mark.parametrize(("text", "cpt"), [
    # a nephrology letter
    ("Hypertension and CKD 3a, both mild per nephrology; no other medical conditions.", "97110"),
    # a problem list typed into a referral
    ("Problem list: DM2 (A1c 7.4), HTN, GERD, none severe per PCP. No other illness.", "62311"),
    # a carer's e-mail
    ("Diabetes and heart disease, neither serious. No other illnesses.", "64493"),
    ("Type 2 diabetes (A1c 7.0) and hypertension, both well controlled. No other medical "
     "problems.", "62311"),
])
def test_a_list_said_mild_as_a_whole_is_no_severe_comorbidity(text: str, cpt: str) -> None:
    assert read(text, cpt).get("severe_comorbidities") == []


@pytest.mark.parametrize(("text", "member"), [
    # the whole list said poorly controlled: each member severe
    ("DM2 A1c 11.4 and HTN, both poorly controlled. No other problems.", "diabetes"),
    # one severe member before a mild pair: still read
    ("Severe CHF (EF 20%); DM and HTN both controlled. No other illness.",
     "cardiovascular_disease"),
])
def test_a_severity_said_in_the_sentence_is_kept(text: str, member: str) -> None:
    assert member in str(read(text, "62311").get("severe_comorbidities"))


def test_a_mildness_the_sentence_takes_back_is_asked() -> None:
    text = "CKD 4 and DM, neither severe according to the patient but nephrology says end-stage."
    assert read(text, "62311").get("severe_comorbidities") != []


# --- a condition named only as the reason for care denied says nothing of the condition ----

def _asked(text: str, cpt: str) -> list[str]:
    from agent.reading import understand

    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5))
    return [u.why for u in got.unread]


@pytest.mark.parametrize("text", [
    # a phone intake
    "never admitted for pneumonia or COPD",
    # a transfer form
    "Never hospitalized for pneumonia or heart failure.",
    # a daughter's call, relayed
    "never hospitalized for COPD or kidney disease, per his daughter",
    # a case manager's e-mail (the heart failure is neither read nor ruled out)
    "Has never been admitted for pneumonia or CHF.",
    "She has not been admitted with pneumonia or CHF at any time.",
])
def test_a_condition_named_for_denied_care_is_not_asked_how_severe(text: str) -> None:
    assert "is it severe?" not in _asked(text, "71250")
    assert "severe_comorbidities" not in read(text, "71250")


@pytest.mark.parametrize(("text", "member"), [
    # the condition said again, outside the denied care: read
    ("No hospitalizations for COPD, but has severe COPD on home O2.", "copd"),
    ("No admissions for DKA though his diabetes is severe.", "diabetes"),
])
def test_a_condition_said_outside_the_denied_care_is_read(text: str, member: str) -> None:
    assert member in str(read(text, "62311").get("severe_comorbidities"))


# --- a clinician's "unstable" with the imaging wanted to guide care -------------------------

@pytest.mark.parametrize("text", [
    # an ED board's row
    "11/30 | ED | SOB, hypoxic | Attending: unstable, CT today to guide tx",
    # a hospitalist's sign-out
    "Per hospitalist, unstable overnight, CT this AM to guide therapy.",
    # a pulmonologist's letter
    "Dr. Okafor: unstable, rising O2 needs - we need the scan now to guide management.",
])
def test_unstable_with_imaging_to_guide_care_is_clinically_unstable(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is True


@pytest.mark.parametrize("text", [
    "Stable on room air, no distress. CT to guide management of the nodule.",
    "Hx of unstable angina 2019. Pulm would like CT to guide therapy.",
    "Gait unstable since the stroke. CT chest to guide management of the nodule.",
    "Not unstable. CT to guide management.",
])
def test_imaging_to_guide_care_without_an_unstable_patient_is_not_unstable(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is not True


# --- a line's heading, then a field of several words answered "no" -------------------------

@pytest.mark.parametrize(("text", "fact"), [
    # a nurse's pre-procedure screen
    ("Screening: infection in the last 2 weeks: no.", "active_infection"),
    # a scheduler's form
    ("Pre-op check: current infection of any kind: no", "active_infection"),
    # a phone intake template
    ("Intake: infection of any kind right now: none", "active_infection"),
])
def test_a_field_after_its_lines_heading_answered_no_is_no(text: str, fact: str) -> None:
    assert read(text, "62311").get(fact) is False


@pytest.mark.parametrize("text", [
    "Screening: infection in the last 2 weeks: yes - UTI, on nitrofurantoin",
    "Screening: infection - see ED note from yesterday",
    # the "none" is a later field's, past the sentence's end
    "ID: infection screen pending. Travel hx: none.",
])
def test_a_field_after_a_heading_not_answered_no_is_no_denial(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not False


# --- a decision-support record's choices left out say nothing of the patient -------------

@pytest.mark.parametrize("text", [
    'Indications reviewed but not selected: "suspected bacterial pneumonia, fever".',
    "Structured reasons not chosen: bacterial pneumonia, acute febrile illness",
    "CDSM indications deselected: bacterial pneumonia, sepsis.",
])
def test_indications_not_selected_are_no_denial(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


# --- a list denied by its kind's own words, and a pregnancy test by its short name --------

@pytest.mark.parametrize(("text", "cpt"), [
    # an occupational-health note
    ("Worker is fit otherwise; no chronic illness, no regular meds.", "62311"),
    # a GP's letter
    ("She has no long-term conditions and takes nothing regularly.", "97110"),
    # a school nurse's e-mail
    ("No chronic diseases that we know of.", "64493"),
])
def test_no_chronic_illness_is_no_severe_comorbidity(text: str, cpt: str) -> None:
    assert read(text, cpt).get("severe_comorbidities") == []


@pytest.mark.parametrize("text", [
    "Was diagnosed with a chronic illness last year (CKD 4).",
    "No chronic illness except severe COPD on home oxygen.",
])
def test_a_chronic_illness_named_is_no_none(text: str) -> None:
    assert read(text, "62311").get("severe_comorbidities") != []


@pytest.mark.parametrize(("text", "value"), [
    ("Preg test 12/01: negative.", "not_pregnant"),
    ("preg test today neg, LMP 11/20", "not_pregnant"),
    ("Preg test (urine) this AM: positive", "pregnant"),
])
def test_a_preg_test_result_is_read(text: str, value: str) -> None:
    assert read(text, "62311").get("pregnancy") == value


# --- "no other" beside a condition given only by its measure or treatment ----------------

@pytest.mark.parametrize("text", [
    # a dictated pre-op note
    "HbA1c 10.2 on insulin; no other severe conditions.",
    # a nephrology line: the kidney disease is given by its dialysis only
    "Dialysis MWF via L arm fistula, no other serious medical conditions.",
    # a phone message
    "her a1c was 12 last month and she's on insulin now, no other severe comorbidities",
    # a cardiology line: the heart failure given by its ejection fraction only
    "EF 20% per echo, no other severe conditions.",
])
def test_no_other_beside_an_unnamed_condition_is_no_none(text: str) -> None:
    assert read(text, "62311").get("severe_comorbidities") != []


@pytest.mark.parametrize("text", [
    "No diabetes. No other severe conditions.",
    "Labs: A1c 5.2 (normal). No severe comorbidities.",
])
def test_a_plain_denial_of_the_list_stays_none(text: str) -> None:
    assert read(text, "62311").get("severe_comorbidities") == []


# --- a spine's narrowing named as the diagnosis is a musculoskeletal condition -----------

@pytest.mark.parametrize("text", [
    "Referral dx: lumbar spinal stenosis, neurogenic claudication.",
    "Reason for PT: cervical stenosis with neck pain and stiffness.",
    "Assessment - spinal stenosis L3-5; start therapy.",
    "Dx: L4-5 lumbar stenosis.",
])
def test_spinal_stenosis_as_the_diagnosis_is_a_musculoskeletal_condition(text: str) -> None:
    assert read(text, "97110").get("musculoskeletal_condition") is True


def test_stenosis_ruled_out_is_no_condition_either_way() -> None:
    assert "musculoskeletal_condition" not in read("MRI: no spinal stenosis.", "97110")


# --- a later entry marked new holds over what the note said before it ---------------------

@pytest.mark.parametrize("text", [
    # a nurse's running note
    "Afebrile, no infections, not cosmetic.\nNEW: cellulitis R shin, on cephalexin day 2 of 10.",
    # a coordinator's update under a copied summary
    "Infection: none.\nNew problem: UTI, on nitrofurantoin since yesterday.",
    # a clinic's pre-procedure recheck
    "Screen 11/20: no infection.\nNew finding - paronychia L thumb, on doxycycline, inj deferred.",
])
def test_a_new_infection_below_an_earlier_denial_is_read(text: str) -> None:
    assert read(text, "62311").get("active_infection") is True


@pytest.mark.parametrize("text", [
    "UTI last month, treated.\nNEW: no infection now, afebrile.",
    "Pain 7/10, no infection.\nNew patient: referred by Dr. Lee.",
])
def test_a_new_entry_denying_or_not_speaking_leaves_no_infection(text: str) -> None:
    assert read(text, "62311").get("active_infection") is False

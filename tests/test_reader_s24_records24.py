"""What is on file (session 24, records24): a record cited for what it says or does not say
about something else is no consultation on file; a consultation by a primary care doctor,
however named, is the primary care doctor's and never a specialist's. Wordings are this
file's own, in several voices (a referral letter, a terse chart line, a chat reply, a fax
cover, a British practice letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a record named as the source of a statement about something else ---------------------
# (whatever its verb, said or denied: what the note says is where a finding came from, not a
# consultation about the complaint said to be on file)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a triage nurse's line, the note's silence
    ("62311", "A1c 9.1. PCP note doesn't say whether her diabetes is severe.",
     "pain_or_pcp_consult_documented"),
    # a reviewer's worksheet, the doctor's possessive before the record
    ("64493", "Comorbidities: his primary care doctor's letter states the CKD is stage 2 only.",
     "pcp_consult_documented"),
    # a chat reply, an adverb between
    ("64493", "the pcp note only mentions her blood pressure, nothing else",
     "pcp_consult_documented"),
    # a pre-op call log, a day and a denied verb
    ("62311", "PCP report 10/14 did not comment on bleeding risk; INR 1.0 today.",
     "pain_or_pcp_consult_documented"),
    # a GP's note in a British voice, a hedged verb (a guard: "GP" is now a primary care
    # doctor's name)
    ("64493", "Her GP's letter never specifies how bad the asthma is.", "pcp_consult_documented"),
])
def test_a_record_cited_for_another_matter_is_no_consult_on_file(cpt: str, text: str,
                                                                  fact: str) -> None:
    assert read(text, cpt).get(fact) is None


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "PCP letter dated 10/1/26", "pcp_consult_documented"),
    ("62311", "PCP note from last week attached", "pain_or_pcp_consult_documented"),
    # the note said on file, then what it says
    ("64493", "PCP consult note attached; it documents symptoms, diagnosis and plan.",
     "pcp_consult_documented"),
])
def test_a_record_said_on_file_is_still_on_file(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# --- a primary care doctor's consultation is no specialist's ---------------------------------

@pytest.mark.parametrize("text", [
    # a fax cover sheet
    "Enclosed: GP consultation note, MRI report, PT discharge summary.",
    # a terse chart line
    "Family doctor consultation note on file.",
    # a referral letter, the maker after the record (a guard)
    "A consultation letter from her family physician, Dr. Osei, is attached.",
    # a chat reply, the maker bracketed
    "dr lamb (gp) consult report is in the chart",
    # an internist's note, possessive (a guard)
    "Her internist's recent consult note is in the packet.",
])
def test_a_primary_care_consultation_is_no_specialist_consultation(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is None


@pytest.mark.parametrize("text", [
    "GP consultation note attached.",
    "Family doctor consult letter on file.",
    "Consultation note from her general practitioner is enclosed.",
])
def test_a_gp_or_family_doctor_consultation_is_the_primary_care_one(text: str) -> None:
    assert read(text, "64493").get("pcp_consult_documented") is True


@pytest.mark.parametrize("text", [
    "GP and ortho consult notes attached.",
    "Ortho consult note attached.",
    "Referred by her GP to Dr. Vance (orthopaedics); his consult note is on file.",
])
def test_a_specialist_consultation_beside_a_gp_is_still_read(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is True


# --- a consultant named in a bracket between the consult and its day ------------------------
# (the day is still the consult's: a dated consult that speaks exists; one dated after today
# is a booking)

@pytest.mark.parametrize(("cpt", "text"), [
    # a case manager's bullet
    ("97110", "- Ortho shoulder consult (Dr. Iqbal) 11/18 recommends supervised therapy."),
    # a work-comp summary with an aside in the bracket
    ("97110", "Orthopaedic knee consult (Mr Adebayo, treating surgeon, not an IME) 10/29/2026: "
              "supports PT."),
    # a pulmonary line
    ("71250", "Pulmonary clinic new-patient consult (Dr. Haugen) 11/21/2026 documents failed "
              "outpatient management."),
])
def test_a_dated_consult_with_its_consultant_bracketed_is_on_file(cpt: str, text: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


def test_a_consult_bracketed_and_dated_after_today_is_a_booking() -> None:
    got = read("Ortho consult (Dr. Lee) 12/20/2026 recommends nothing yet.", "97110")
    assert got.get("specialist_consult_documented") is None


def test_a_specialty_named_in_the_consult_itself_is_the_specialists() -> None:
    # (a primary care sports physician's consultation is a sports medicine one)
    got = read("NORTHSIDE - Primary Care Sports Medicine Consultation, Dr. Abe, 11/30/2026",
               "97110")
    assert got.get("specialist_consult_documented") is True


def test_a_record_with_its_maker_bracketed_then_on_file_is_still_on_file() -> None:
    # ("note" after the bracket is the record, not a verb quoting it)
    got = read("Consults: PCP (Dr. Ames) note enclosed.", "64493")
    assert got.get("pcp_consult_documented") is True



# --- a part of the exam named after the H&P does not take the H&P's day ---------------------

@pytest.mark.parametrize(("text", "day"), [
    # a spine clinic's summary
    ("Dr. Ruiz: full history and exam incl. neuro and pain evaluation 11/19/26.", "2026-11-19"),
    # a pre-procedure checklist
    ("H&P including neurological exam + pain assessment - 11/02/2026", "2026-11-02"),
    # a terse chart line
    ("hx & exam w/ neuro exam and pain eval 10/28/2026", "2026-10-28"),
])
def test_a_part_of_the_exam_leaves_the_day_to_the_h_and_p(text: str, day: str) -> None:
    assert str(read(text, "62311").get("hp_date")) == day


def test_a_document_named_after_the_h_and_p_keeps_its_own_day() -> None:
    # (a consultation note is a document of its own, not a part of the visit)
    got = read("H&P with the PCP consult note dated 11/02/2026.", "62311")
    assert got.get("hp_date") is None


# --- the H&P said as what the doctor did ------------------------------------------------------

@pytest.mark.parametrize(("cpt", "text", "day"), [
    # a referral letter in the first person
    ("64493", "I took a detailed history and examined her on 11/30/2026.", "2026-11-30"),
    # a dictated note
    ("62311", "Full history and examined him at the bedside 12/01/2026, neuro intact.",
     "2026-12-01"),
])
def test_a_history_taken_and_the_patient_examined_is_the_h_and_p(cpt: str, text: str,
                                                                 day: str) -> None:
    assert str(read(text, cpt).get("hp_date")) == day


# --- the modalities said to be in a record ----------------------------------------------------
# (a modality named in a sentence that names the record or sheet holding it: the modalities
# are documented; a modality only named as given is not)

@pytest.mark.parametrize("text", [
    # an enclosure list
    "Enclosed: physio plans, progress notes and the modalities record.",
    # a therapist's chat line
    "flowsheets w/ heat + e-stim per visit faxed over and scanned 11/20",
    # a worksheet cell
    "PT component breakdown OK; e-stim/ice log for each session in the packet.",
    # a letter
    "The interferential and TENS treatment records from her physio are attached.",
])
def test_modalities_said_to_be_recorded_are_documented(text: str) -> None:
    assert read(text, "64493").get("modalities_documented") is True


@pytest.mark.parametrize("text", [
    "Manual therapy with heat, ice and TENS for 3 weeks.",
    "Heat helps; pain recorded as 6/10 today.",
    "Modalities were not documented in the PT notes.",
    "She slipped on ice in January; ER records attached.",
    "No modality records on file.",
])
def test_modalities_only_given_or_denied_are_not_documented(text: str) -> None:
    assert read(text, "64493").get("modalities_documented") is not True


# --- a blood count, electrolytes and creatinine named as done are the labs on file ----------
# (whatever the voice calls them; none of them planned, denied or doubted)

@pytest.mark.parametrize("text", [
    # a British letter (a guard: a named count with a cue was read before)
    "Bloods: full blood count, U&Es and creatinine from 02/12 are enclosed.",
    # a chat reply
    "White cell count, electrolytes and creatinine this morning all came back fine.",
    # a ward round shorthand
    "Leucocytes, U&Es and creat 30/11 - normal.",
    # a machine-translated summary
    "Exams: hemogram, electrolytes and creatinine of 28/11, without alterations.",
    # an ESL writer
    "Laboratory 12/01: the blood count, the electrolytes and the creatinine - all normal.",
    # a terse ED line (a guard)
    "CBC/lytes/creat resulted 0330.",
])
def test_a_count_electrolytes_and_creatinine_named_are_the_labs(text: str) -> None:
    assert read(text, "71250").get("labs_documented") is True


@pytest.mark.parametrize("text", [  # (guards)
    "Will draw CBC, BMP and creatinine tomorrow.",
    "CBC, electrolytes and creatinine pending.",
    "No blood count, electrolytes or creatinine yet.",
    "CBC and creatinine done; electrolytes not drawn.",
])
def test_a_panel_planned_denied_or_partial_is_not_the_labs(text: str) -> None:
    assert read(text, "71250").get("labs_documented") is not True

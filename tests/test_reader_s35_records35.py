"""Records on file (session 35, records35): complete notes that asked what their text
answers, and records read missing or someone else's. Wordings are this file's own (a form
row, shorthand, a sentence, a table, a letter), never a corpus item's."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 7, 25))


# --- an H&P whose own sentence gives how long the complaint has lasted --------------------
# (fresh38's physio notes: "H&P 07/18/2028: right shoulder pain ..., 5 months" asked whether
# the H&P documents the symptoms' date range, which its sentence gives)

@pytest.mark.parametrize("text", [
    # a dated H&P, then the complaint and its length
    "H&P 07/10/2028: L hip pain and stiffness getting out of the car, 5 months.",
    # the doctor in brackets, the length after "for"
    "H&P (Dr. Osei) 07/02/2028: low back pain for 30 weeks, worse lifting.",
    # a sentence
    "Her history and physical from July 3 documents right knee pain for about four months.",
    # a table's cells
    "H&P\t07/18/2028\tneck pain 6 months, worse at the desk",
    # shorthand
    "Hx & exam 14/07/2028 (UK GP): knee pain over 10 weeks, no trauma.",
    # the start after "since the week of"
    "H&P 07/01/2028: shoulder ache since the week of 03/06/2028.",
])
def test_h_and_p_with_the_complaints_length(text: str) -> None:
    assert read(text, "97110").get("hp_documented") is True


@pytest.mark.parametrize("text", [
    # the length is the drug's, not the complaint's
    "H&P 07/18/2028: ibuprofen for 6 weeks, no help.",
    # the length is the therapy's
    "H&P 07/18/2028: shoulder pain after PT for 6 weeks.",
    # an H&P to come, or wanted
    "H&P to be done 07/30/2028: knee pain x 6 months.",
    "H&P pending; knee pain for 6 months.",
    "H&P requested from the PCP: shoulder pain for 5 months.",
    # someone else's complaint
    "H&P 07/18/2028: her husband's knee pain for 6 months is why she cannot do stairs.",
    # a dated H&P that gives no dates of the symptoms
    "H&P 07/18/2028: right shoulder pain and stiffness.",
])
def test_h_and_p_without_the_complaints_length_is_asked(text: str) -> None:
    assert "hp_documented" not in read(text, "97110")


# --- a history's label answered "none" with words between it and its colon ---------------
# (f38 remittance: "PMH per H&P: none" read the medical history missing from the record)

@pytest.mark.parametrize("text", [
    "PMH per H&P: none; no diabetes, hypertension, bleeding or liver disease.",
    "PMH (per patient): none.",
    "PMH as per GP letter: nil",
    "Medical history (reviewed 05/30): none relevant",
    "PMH (H&P 05/30/2028): negative",
    "Antecedentes / PMH (per hija): ninguno - none",
])
def test_history_answered_none_is_no_record_missing(text: str) -> None:
    assert read(text, "62311").get("hp_history_documented") is not False


@pytest.mark.parametrize("text", [
    "PMH: not on file",
    "Medical history not on file",
])
def test_history_said_missing_still_denies(text: str) -> None:
    assert read(text, "62311").get("hp_history_documented") is False


# --- a denial of a record's day is no denial of the record --------------------------------
# (f38 remittance: "Bottom line: everything except the H&P date" read the H&P never done)

@pytest.mark.parametrize("text", [
    "Bottom line: everything except the H&P date.",
    "All criteria met except the H&P date, which is too old.",
    "No H&P date given.",
    "Packet complete except the MRI date is missing.",
])
def test_a_records_day_denied(text: str) -> None:
    got = read(text, "62311")
    assert got.get("hp_date") != "never" and got.get("ct_mri_date") != "never", got
    assert got.get("hp_history_documented") is not False, got


@pytest.mark.parametrize(("text", "fact"), [
    ("Everything is here except the H&P.", "hp_history_documented"),
    ("Everything attached except the treatment log dates.", "treatment_logs_documented"),
])
def test_the_record_itself_excepted_still_denies(text: str, fact: str) -> None:
    assert read(text, "62311").get(fact) is False


# --- a consult's maker in the cell after it ------------------------------------------------
# (f38 mediatab: "Consult Report | PCP (Dr. Liang)" read a specialist's consultation)

@pytest.mark.parametrize("text", [
    "04/11/28 | Consult Report  | PCP (Dr. Lowe) - chronic LBP | Active",
    # the same row under a list's heading line
    "Documents tab - view: Letters\n03/02/28 | Consult Report  | GP (Dr. Amin) - knee pain | Filed",
    "Consultation note\tGP\t03/02/2028\treceived",
    "Documents on file: consult report (GP), X-ray report.",
    "Consult report    primary care    04/11/2028    scanned",
    "Consult note: PCP Dr. Ito, 06/01/2028 - attached",
])
def test_a_primary_care_consult_in_its_row_is_no_specialists(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is not True


def test_a_specialists_consult_in_its_row_still_reads() -> None:
    got = read("04/11/28 | Consult Report  | Ortho (Dr. Lowe) - recommends facet eval | Active",
               "64493")
    assert got.get("specialist_consult_documented") is True


# --- a specialist's own letter: their examination or advice is their consultation ----------
# (f38 potterystudio: a rheumatologist's letter, "I saw her ... I recommend supervised PT",
# asked whether a specialist's consultation is on file)

@pytest.mark.parametrize("text", [
    # a letterhead, then the writer's visit
    "Valley Rheumatology – letter to the member health program, re: PT for the left knee\n"
    "Patient: Ana V., 64 F.\n\nI saw her on 07/12/2028. Left knee OA.",
    # a letter to the family doctor
    "Harbour Orthopaedics - Knee & Hip\nJuly 20, 2028\nDear Dr. Lowe,\n"
    "Thank you for sending Mr. Obi. I examined him today: medial knee OA.",
    # the role in the sign-off
    "Dear colleague, I examined her on 07/01/2028 and recommend PT.\nKind regards,\n"
    "Dr. J. Haas\nSports Medicine",
    # the writer's assessment, signed
    "My assessment: moderate impairment; PT is the next step.\nSincerely,\n"
    "P. Mendes, MD, Orthopaedic Surgery",
    # a French clinic's letterhead, the letter in English
    "CHU de Sherbrooke – Service de physiatrie\nI examined the patient on 07/02/2028 "
    "(examen complet ci-joint).",
    # a clinic note's capital heading
    "PULMONARY CLINIC\nPt seen 07/10/2028. My assessment: ILD progression.",
])
def test_a_specialists_own_letter_is_their_consultation(text: str) -> None:
    cpt = "71250" if "PULMONARY" in text else "97110"
    assert read(text, cpt).get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    # a letter sending the patient to the specialist
    "Referral to Valley Rheumatology\nI examined her today; I recommend a rheumatology opinion.",
    "ORTHOPAEDIC REFERRAL - Northside Family Practice\nI examined him today.",
    # a family doctor's letter that names a specialist's old visit
    "Northside Family Practice\nI examined him on 07/10/2028 and recommend PT; orthopaedics "
    "saw him in 2027.",
    "Dear Dr. Chu,\nI examined him on 07/10/2028; ortho saw him in 2027. I recommend PT.\n"
    "Yours sincerely,\nDr. P. Lamb, GP",
    # a specialty clinic's office, not its doctor
    "Lakeside Orthopaedics - billing office work note\nI assessed the claim; I recommend "
    "resubmission.",
])
def test_a_letter_not_by_the_specialist_is_no_consultation(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is not True

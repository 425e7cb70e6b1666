"""What is on file (session 22, records22): the `*_documented` facts, specialist and PCP
consults, labs, logs. Wordings are records22's own, in voices far from the corpus items
they stand for (fresh25's misses and false facts)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# A record named in a list of what the writer asks for, or still needs, is not a record on
# file: the request says it is wanted, not had (fresh25/f20 "Requested: most recent PFT
# results" read the PFTs on file).
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("12/02 0915 Requested: spirometry report and CBC from the outside clinic.", "71250",
     "pft_results_documented"),
    ("Records requested from Dr Obi's office: PCP consult letter, med list.", "64493",
     "pcp_consult_documented"),
    ("hi - still need the ortho consult note before I can submit, thx", "64493",
     "specialist_consult_documented"),
    ("Phoned the physio clinic and asked for her treatment logs.", "97110",
     "treatment_logs_documented"),
    ("Awaiting: pain management consult note, PT log.", "62311",
     "pain_or_pcp_consult_documented"),
])
def test_a_record_asked_for_is_not_on_file(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Requested and received 11/30: spirometry report (FEV1 62%).", "71250",
     "pft_results_documented"),
    ("Requested: PCP consult letter - received 12/01, in chart.", "64493",
     "pcp_consult_documented"),
])
def test_a_record_asked_for_and_received_is_on_file(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# A month's short name with its period before a day is no sentence end ("seen on Dec. 5
# (letter attached)"): the record's words after the day are still its sentence's.
@pytest.mark.parametrize("text", [
    "Reviewed by the spine surgeon on Nov. 14 (report enclosed).",
    "Mr Dube was seen by our pulmonologist on Sept. 3rd, letter attached.",
])
def test_a_short_month_name_does_not_cut_the_sentence(text: str) -> None:
    assert read(text, "71250").get("specialist_consult_documented") is True


# The sentence after a record's that opens with its verb is still about the record: what
# it says the record lacks holds ("H&P attached. Does not record when the symptoms
# began."; fresh8 read the H&P with symptom dates on file).
@pytest.mark.parametrize("text", [
    "History and physical (Dr Roe, 11/02) enclosed. Covers exam and meds but doesn't"
    " document when the pain started.",
    "H&P: in chart. Lacks symptom dates.",
    "H and P from the PCP, on file. It does not give the onset of the knee pain.",
    "Comprehensive H&P attached 10/30/2026.\nDoes not state when symptoms began.",
])
def test_a_record_said_to_lack_a_part_in_the_next_sentence(text: str) -> None:
    assert read(text, "97110").get("hp_documented") is not True


@pytest.mark.parametrize("text", [
    "H&P attached. Pt does not record her pain scores.",
    "H&P attached. Documents symptom onset in 03/2026.",
])
def test_a_next_sentence_with_its_own_subject_or_saying_more(text: str) -> None:
    assert read(text, "97110").get("hp_documented") is True


# A specialist named as a person or a team ("our orthopaedic surgeon", "the respiratory
# physician", "the chest team") with a record of theirs said on file on the line is a
# consultation on file; named alone it is asked (fresh25: a Nigerian letter, a Scottish
# letter).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Mrs Okafor was reviewed by our orthopaedic surgeon, Mr Bello, on 14/10/2026 and his"
     " report is enclosed.", "64493"),
    ("Chest physician Dr Mackay's clinic letter (09/11/2026) is attached.", "71250"),
    ("ortho team saw him on the ward 11/29 - their write-up is in the chart, note attached",
     "97110"),
    ("Rheumatologist (Dr. Ilori) letter dated 10/02/2026 enclosed.", "97110"),
])
def test_a_specialist_as_a_person_with_their_record_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


# ... but not a record word that is another kind of record's ("PT notes attached", "x-ray
# report on file"), nor a consultation whose day has no year and is said on file missed.
@pytest.mark.parametrize(("text", "cpt"), [
    ("Seen by the spine surgeon in 2025, PT notes attached.", "64493"),
    ("Orthopedic surgeon recommends an MBB, x-ray report on file.", "64493"),
    ("Our pain doctor thinks the block helped, MRI report attached.", "64493"),
    ("Went to the respiratory team once; spirometry results enclosed.", "71250"),
])
def test_another_records_word_is_no_consultation_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


# A consultation dated with a day and no year, then said on file ("consult 11/25 on
# file"), is on file like one with its year (fresh25: a remote-monitoring note).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Pulmonology (Dr Brandt) consult 11/25 on file.", "71250"),
    ("Pain mgmt (Dr. Ferris) consult 10/28 attached", "64493"),
])
def test_a_consult_dated_without_its_year_then_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


# A specialist's record in brackets after a finding, as its source, with nothing in the
# brackets saying it is on file, is a citation, not a consultation on file.
@pytest.mark.parametrize(("text", "cpt"), [
    ("Asthma, severe persistent (chest physician's letter 08/2026).", "71250"),
    ("Knee OA, KL 3 (per the orthopaedic surgeon's note 10/2026).", "97110"),
    ("Dx: L4-5 facet arthropathy (pain specialist's letter, Sept).", "64493"),
])
def test_a_specialists_record_cited_in_brackets(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


@pytest.mark.parametrize("text", [
    "Dr. Osei's (respiratory physician) letter of 10/30/2026 recommends PT.",
    "Seen 11/02/2026 by Dr. Park (orthopaedic surgeon); consult note attached.",
])
def test_a_specialty_in_brackets_after_the_doctor_is_who_they_are(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


# A note or a letter named only as the subject of a verb quoting one finding from it is
# where the finding came from, not a consultation said on file (fresh25 map review: 'PCP
# note says "moderate-severe"'; fresh13: "PCP note 11/20 documents no active infection").
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("PCP note says she is 'severe' on most days.", "64493", "pcp_consult_documented"),
    ("Primary care note from 10/30 states no fevers or infections.", "64493",
     "pcp_consult_documented"),
    ("pcp report lists HTN and DM as controlled", "62311", "pain_or_pcp_consult_documented"),
    ("Pain clinic note (Oct) records NRS 6 at rest.", "62311", "pain_or_pcp_consult_documented"),
])
def test_a_note_quoted_for_one_finding_is_no_consultation(text: str, cpt: str,
                                                          fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize("text", [
    "PCP note 11/20 attached; it documents no infection.",
    "PCP note (Dr. Ames, 10/20) documents symptoms, dx and plan.",
    "PCP consult (10/20/2026) documents symptoms, diagnosis and plan.",
])
def test_a_note_said_on_file_or_holding_a_plan_is_read(text: str) -> None:
    assert read(text, "64493").get("pcp_consult_documented") is True

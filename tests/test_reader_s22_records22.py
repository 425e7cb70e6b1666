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

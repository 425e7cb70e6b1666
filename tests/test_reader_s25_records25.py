"""Documents on file (session 25, records25): a letter that is itself the record, read
from what it says of itself and who signs it. Wordings are this file's own, in several
voices (a GP's letter from Australia, a family doctor's fax, an NHS referral, a Canadian
clinic's e-mail, a dictated referral)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a GP's own letter: the referral, signed at its foot --------------------------------
# (a nurse reading a letter that calls itself the referral and is signed "GP" has the
# PCP's referral in hand; the letter need not repeat who wrote it in each sentence)

@pytest.mark.parametrize("text", [
    # an Australian GP's letter
    "Dear Radiology,\nKindly take this letter as my referral for a CT of the chest: cough and"
    " breathlessness for five months.\nKind regards,\nDr Mia Tran\nGeneral Practitioner",
    # a family doctor's fax
    "To the imaging desk - I am referring Mr Diaz for a chest CT; cough 4 months, no better"
    " on inhalers.\nThanks,\nDr R. Okoye, family physician",
    # an NHS referral, dictated
    "I would like to refer Mrs Pike for CT imaging of her chest, as discussed.\n"
    "Yours faithfully\nDr H. Marsh MRCGP, GP partner",
])
def test_a_gps_own_letter_is_the_pcp_referral(text: str) -> None:
    assert read(text, "71250").get("pcp_referral_documented") is True


@pytest.mark.parametrize("text", [
    # a pulmonologist's letter (no GP signs it)
    "I am referring Mr Diaz for a chest CT; cough 4 months.\nRegards,\nDr L. Haas,"
    " Pulmonology",
    # a GP named only in the copy line
    "This letter is my referral for a chest CT.\nYours sincerely,\nDr L. Haas,"
    " respiratory physician\ncc: GP Dr Moss",
    # the patient referred on to the GP, not by one
    "I am referring her back to her GP for follow-up after the chest CT.\nBest wishes,\n"
    "Dr P. Lund, GP liaison",
    # a referral the GP has still to write
    "Her GP has not written the referral for the CT yet.\nThanks,\nDr A. Bose, GP",
])
def test_a_letter_not_a_gps_referral_is_not_read_as_one(text: str) -> None:
    assert read(text, "71250").get("pcp_referral_documented") is not True


@pytest.mark.parametrize("text", [
    # a packet's list: the maker named in brackets, the reason given
    "In the packet:\n- Family doctor (Dr. Vance) referral 11/02/2026 stating the need for"
    " the scan.",
    "Attachments: GP (Dr Oduya) referral of 10/28/2026 explaining the reason for imaging.",
])
def test_a_referral_that_gives_its_reason_is_on_file(text: str) -> None:
    assert read(text, "71250").get("pcp_referral_documented") is True


# --- an H&P whose sentence dates the symptoms (97110: "including date range of symptoms")
# (a reviewer reading "H&P ... knee pain since 05/2026" sees the record and the dates it
# holds; a bare "H&P 11/10" leaves the dates unknown)

@pytest.mark.parametrize("text", [
    # a chiropractor's summary
    "History and physical (new patient, full): neck pain and stiffness from 03/02/2026"
    " until now, worse turning to the left.",
    # a case manager's e-mail
    "Chart review - PCP H&P dated 10/30/2026 with low back pain since August 2026.",
    # a Filipino clinic's abstract
    "Hx & PE (complete, enclosed): c/o L knee pain x 5 mos (since July 2026), worse on stairs.",
    # a sports-medicine text
    "ok so the H&P from 11/02 covers the date of injury and his course since",
])
def test_an_hp_that_dates_the_symptoms_is_on_file(text: str) -> None:
    assert read(text, "97110").get("hp_documented") is True


@pytest.mark.parametrize("text", [
    # the record's own day is no symptom date
    "H&P from 11/10/2026.",
    "H&P from June 2026.",
    # a relative's symptoms dated
    "H&P 11/10/2026: her husband has had knee pain since 05/2026.",
    # the onset said to be unknown
    "H&P 12/01 on file - onset unknown, she cannot say when the pain began.",
    # an H&P still to come, however dated the pain
    "Knee pain since 05/2026; H&P to be done at the visit next week.",
])
def test_an_hp_without_the_symptoms_dates_is_not_read(text: str) -> None:
    assert read(text, "97110").get("hp_documented") is not True


# --- a log by its other names: a diary, a register, flowsheets, sessions logged ---------
# (the policy's "treatment logs documenting ... dates and outcomes of physical therapy
# sessions": a reviewer holding the therapist's dated diary has them)

@pytest.mark.parametrize("text", [
    # a phone message from the front desk
    "Valley PT called back: her treatment diary is in the chart, every visit dated.",
    # an intake form's line
    "Physio attendance register (dates and times of each visit): enclosed",
    # a letter from a rehab unit
    "Therapy flowsheets from the rehab unit are enclosed with this letter.",
    # a dictation
    "twelve sessions of physical therapy, each session logged by the therapist, no gain",
])
def test_a_log_by_another_name_is_on_file(text: str) -> None:
    assert read(text, "97110").get("treatment_logs_documented") is True


@pytest.mark.parametrize("text", [
    # another kind of diary
    "Pain diary attached; physical therapy 10 weeks, no better.",
    # a diary still to come
    "The therapist will send her treatment diary next week.",
    # the patient's own measurements logged
    "BP logged twice daily at home; knee pain, PT 6 weeks.",
    # none kept
    "PT 8 weeks at the Y; no treatment diary was kept.",
])
def test_other_logs_or_none_are_not_read_as_the_treatment_logs(text: str) -> None:
    assert read(text, "97110").get("treatment_logs_documented") is not True


# --- a specialist's "opinion", and a British surgeon's "Mr" in the bracket --------------
# (in a British or Irish letter the orthopaedic surgeon's consultation is their "opinion",
# and a surgeon is "Mr"/"Miss": the bracket names the maker, as "(Dr. Ng, 12/03)" does)

@pytest.mark.parametrize("text", [
    # an NHS GP's letter
    "Orthopaedic opinion (Mr D. Quinn, 03/11/2026) enclosed; he supports a course of"
    " physiotherapy.",
    # an Irish practice nurse's summary
    "Rheumatology opinion of 14/10/2026 attached - advises physio.",
    # a case manager's list
    "Orthopaedic clinic consultation (Miss Byrne, 10/28/2026) on file, recommends PT.",
])
def test_a_specialists_opinion_on_file_is_the_consultation(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    # the writer's own view
    "In my opinion she needs physiotherapy; no one else has seen her yet.",
    # an opinion asked for, not given
    "Orthopaedic opinion requested (Mr D. Quinn) - awaiting an appointment.",
    # the GP's own opinion
    "GP opinion (Dr Evans, 12/11/2026) enclosed.",
])
def test_an_opinion_not_a_specialists_on_file_is_not_read(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is not True

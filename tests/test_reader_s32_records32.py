"""What is on file (session 32, records32): a record's status said in a translator's second
gloss, in an HL7 segment's later fields, to its reader rather than by its maker, by a
military title for primary care, or on its way; and a specialist's record said on file
as other voices say it. Wordings are this file's own (a Russian discharge letter, a
Greek referral, an interface feed, a home visit, a phone slip, an Irish clinic letter,
a Norwegian referral, a Malay and an Indonesian letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 2, 1))


# --- a translated line: the status its second gloss gives is the record's ----------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a Russian discharge letter annotated for a US payer
    ("Дневник занятий [treatment log] не предоставлен [not provided].", "97110",
     "treatment_logs_documented"),
    # a Ukrainian referral: the consult is planned
    ("Консультація ревматолога [rheumatology consult] - запланована [planned for March].",
     "97110", "specialist_consult_documented"),
    # a Greek letter: the consult is pending
    ("Γνωμάτευση ορθοπαιδικού [orthopaedic consult] εκκρεμεί [pending].", "97110",
     "specialist_consult_documented"),
    # a Russian transfer note: the log is awaited
    ("Выписка [discharge letter], журнал ЛФК [PT treatment log] - ожидается [awaited].",
     "97110", "treatment_logs_documented"),
    # a Ukrainian and a Greek letter: the log missing, not sent
    ("Лист лікування [treatment log] відсутній [missing].", "97110",
     "treatment_logs_documented"),
    ("Ημερολόγιο θεραπείας [treatment log] δεν εστάλη [not sent].", "97110",
     "treatment_logs_documented"),
    # a Bulgarian letter: the list will be sent
    ("Списък с лекарства [medication list] ще бъде изпратен [will be sent next week].",
     "64493", "medication_list_documented"),
])
def test_a_second_gloss_gives_the_glossed_records_status(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


def test_a_glossed_record_said_on_file_still_reads() -> None:
    got = read("Журнал лечения [treatment log] приложен [attached].", "97110")
    assert got.get("treatment_logs_documented") is True


# --- an HL7 segment is one record: its later fields say its state and its day -----------

@pytest.mark.parametrize(("text", "cpt"), [
    # a document segment still preliminary
    ("TXA|1|CN^Rheumatology consult note|TX|20280130||||||||DOC1182||||IP|||||"
     "in progress, not signed", "97110"),
    # a consult ordered for a day to come
    ("ORC|NW|ORD5512\nOBR|1|ORD5512||CONSULT^Orthopaedic surgery consultation^L|||20280220",
     "97110"),
    ("OBR|1|ORD0091||REF^Pulmonology consultation^L|||202802181015", "71250"),
])
def test_an_hl7_consult_not_signed_or_to_come_is_not_on_file(text: str, cpt: str) -> None:
    assert "specialist_consult_documented" not in read(text, cpt)


# --- a record written for a specialist is not the specialist's ---------------------------

@pytest.mark.parametrize("text", [
    # a home visit
    "Family doctor saw her last week and wrote a letter for the pain specialist; copy uploaded.",
    # a phone slip
    "PCP office says their note for the ortho team was faxed and is in chart.",
    # a care coordinator
    "Physio discharge summary for the pain team is on file.",
])
def test_a_record_written_for_a_specialist_is_no_consult_of_theirs(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is not True


def test_a_specialists_own_team_record_still_reads() -> None:
    got = read("The spine team saw him 01/09/2028; their consult note is uploaded to chart.",
               "64493")
    assert got.get("specialist_consult_documented") is True


# --- a military primary care manager's report is no specialist's ---------------------------

@pytest.mark.parametrize("text", [
    "PCM consult report dated 12 JAN 28 is attached.",
    "PCM's consult note 01/10/2028 attached.",
    "Consult report by the PCM on file.",
])
def test_a_primary_care_managers_consult_is_no_specialists(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is not True


# --- a record not sent yet, someone to send it: asked, not absent -------------------------

@pytest.mark.parametrize("text", [
    "GP letter has not been sent yet - the surgery will email it.",
    "The PCP note hasn't been faxed yet, their MA will fax it this afternoon.",
    "Family doctor's consult note not sent yet, office will send it over.",
    "The family physician's consult letter has not been faxed yet, they will forward it Monday.",
])
def test_a_record_on_its_way_is_asked(text: str) -> None:
    assert "pcp_consult_documented" not in read(text, "64493")


def test_a_record_said_not_on_file_is_still_absent() -> None:
    assert read("PCP note not on file.", "64493").get("pcp_consult_documented") is False


# --- Swahili: a record not yet written, or brought next week ---------------------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Mzee Juma: barua ya rufaa (PCP referral letter) bado haijatumwa.", "71250",
     "pcp_referral_documented"),
    ("Mama Wanjiru atatuma orodha ya dawa (medication list) wiki ijayo.", "64493",
     "medication_list_documented"),
    ("Kumbukumbu za fizio (PT treatment logs) zitaletwa mwezi ujao.", "97110",
     "treatment_logs_documented"),
])
def test_a_swahili_record_to_come_is_not_on_file(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


# --- a specialist's record on file, as other voices say it -------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    # an Irish clinic letter: the specialty as Irish and British clinics name it
    ("Seen by Dr. Nolan (sport and exercise medicine), clinic letter attached.", "97110"),
    # the specialist's own assessment written out in a ward note
    ("Assessment (Dr. Iyer, rheumatologist): seronegative arthritis of the knee; "
     "supervised physio advised.", "97110"),
    ("Pulmonologist's opinion: rapidly enlarging nodule, CT chest needed.", "71250"),
    # a record said on file in the referral's language
    ("Surat pakar ortopedi [orthopaedic specialist letter] terlampir.", "97110"),
    ("Spesialis paru [lung specialist] - catatan konsultasi dilampirkan.", "71250"),
    # the specialty in brackets after the record, both records said on file together
    ("Dr Moss' consult letter (rheumatology) and GP letter (Dr Ali) both enclosed.", "97110"),
])
def test_a_specialists_record_on_file_reads(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


@pytest.mark.parametrize(("text", "cpt"), [
    ("Pulmonologist's opinion requested.", "71250"),
    ("Will need a rheumatologist's opinion if no better.", "97110"),
    ("Pain specialist assessment planned after the MRI.", "64493"),
    ("His wife's rheumatologist gave an opinion on her hands.", "97110"),
    ("Awaiting the orthopaedist's assessment.", "97110"),
])
def test_a_specialists_opinion_to_come_or_anothers_is_not_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


# --- a note whose own clinician is a specialist is the specialist's record ---------------

@pytest.mark.parametrize(("text", "cpt"), [
    # a knee clinic's visit note header
    ("Visit 01/22/2028. Physician: Dr. K. Osei, orthopaedic surgery. Knee pain 6/10.", "97110"),
    # a Norwegian hospital's outpatient note, its doctor's label in the writer's language
    ("Poliklinikk 12.01.2028. Lege: Dr. Ingrid Berg (rheumatology).", "97110"),
    # a British respiratory clinic letter
    ("Clinic date 10/01/2028. Consultant: Dr A. Khan, respiratory physician.", "71250"),
    # an American spine center's template
    ("Encounter 01/05/2028 | Provider: J. Ruiz, MD (pain management)", "64493"),
])
def test_a_notes_own_specialist_clinician_is_a_specialists_record(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


@pytest.mark.parametrize(("text", "cpt"), [
    ("Ordering physician: Dr. K. Osei (orthopaedic surgery).", "97110"),
    ("Referring provider: Dr. Ames, sports medicine.", "97110"),
    ("Physician: Dr. Lee, family medicine.", "97110"),
    ("Provider: Dr. Ruiz (PCP). Plan: pain management referral.", "64493"),
])
def test_a_clinician_who_orders_refers_or_is_primary_care_is_no_specialists_note(
        text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True

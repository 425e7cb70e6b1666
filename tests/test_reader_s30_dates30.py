"""Records said to be on file or not (session 30, dates30). Wordings are this file's own,
in several voices (a German physio's e-mail, a Dutch GP's letter, a Czech referral, an
auditor's checklist, a utilization reviewer's table, a payer's worksheet)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- "is missing" in the languages referrals come in denies the record ---------------------
# (a nurse reads "Behandlungsprotokoll fehlt" as the log not being there, whatever follows
# the verb: where it is missing from, or "still")

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a German physiotherapist's e-mail
    ("Behandlungsprotokoll (treatment log) fehlt noch, schicke ich nächste Woche.", "97110",
     "treatment_logs_documented"),
    # a Dutch GP's letter
    ("Medicatieoverzicht (medication list) ontbreekt in het dossier van de patiënt.", "64493",
     "medication_list_documented"),
    # a Czech referral
    ("Zpráva specialisty (specialist consult note) chybí v dokumentaci.", "64493",
     "specialist_consult_documented"),
    # a Swedish pulmonary clinic
    ("Spirometriresultat (PFT results) saknas fortfarande i journalen.", "71250",
     "pft_results_documented"),
])
def test_a_record_said_missing_in_another_language_is_not_on_file(text: str, cpt: str,
                                                                   fact: str) -> None:
    assert read(text, cpt).get(fact) is False


@pytest.mark.parametrize("text", [
    # an Indonesian radiology line: "no abnormality", not "no chest X-ray"
    "Foto toraks (CXR) tidak ada kelainan, jantung normal.",
])
def test_a_finding_denied_on_a_study_leaves_the_study_alone(text: str) -> None:
    assert read(text, "71250").get("chest_images_documented") is not False


# --- an auditor's row: its number is no label, "NOT MET" says the record is not there -------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a utilization reviewer's table
    ("Element 2 | Treatment logs | NOT MET - home diary only.", "97110",
     "treatment_logs_documented"),
    # a payer's worksheet
    ("Item #4 | Specialist consult | UNMET - ortho visit booked for March", "97110",
     "specialist_consult_documented"),
    # an internal audit, record-level
    ("Item #4 | Medication list with doses | UNMET - doses absent", "64493",
     "medication_list_documented"),
])
def test_an_auditor_row_not_met_says_the_record_is_not_on_file(text: str, cpt: str,
                                                               fact: str) -> None:
    assert read(text, cpt).get(fact) is False


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Element 2 | Treatment logs | MET - 18 dated sessions with minutes.", "97110",
     "treatment_logs_documented"),
    ("Row 5 | Specialist consultation | met - physiatry 1/12/27, signed.", "64493",
     "specialist_consult_documented"),
])
def test_an_auditor_row_met_reads_the_record(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


@pytest.mark.parametrize("text", [
    "Row 3 | Cosmetic purpose | No (ordering MD ticked the box).",
    "Item 7 | Cosmetic indication | no - diagnostic CT for a nodule",
])
def test_an_auditor_rows_answer_answers_its_field_not_its_number(text: str) -> None:
    assert read(text, "71250").get("cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    # a threshold's verdict says the care fell short, not that there was no care
    "Req 2 | PT >= 12 weeks | NOT MET - 8 weeks documented",
])
def test_a_thresholds_not_met_denies_no_care(text: str) -> None:
    got = read(text, "97110")
    assert got.get("conservative_treatments") != []
    assert got.get("pt_weeks") not in (0, "0")


# --- a writer whose own words show a day-first country writes its dates day first -----------
# (an Israeli clinic's letter with its Hebrew words, an Egyptian report's Arabic, a Greek
# referral, a salbutamol prescriber's spirometry: "05/03/2026" is 5 March)

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    # an Israeli orthopaedic clinic's letter, Hebrew beside English
    ("Lumbar MRI done 05/03/2026 at Assuta. אבחנה: היצרות תעלה [diagnosis: canal stenosis].",
     "62311", "ct_mri_date", date(2026, 3, 5)),
    # an Egyptian radiology report's Arabic heading
    ("تقرير الأشعة - MRI L-spine 07/01/2027, disc bulge L4-5.", "64493", "ct_mri_date",
     date(2027, 1, 7)),
    # a Greek GP's referral
    ("Ακτινογραφία (X-ray) lumbar spine 09/12/2026: facet arthropathy L4-L5.", "64493",
     "xray_date", date(2026, 12, 9)),
    # a Kenyan chest clinic, salbutamol as the world writes albuterol
    ("Spirometry 06/11/2026, FEV1 61% predicted; salbutamol 2 puffs PRN.", "71250", "pft_date",
     date(2026, 11, 6)),
])
def test_a_day_first_writers_date_is_read_day_first(text: str, cpt: str, fact: str,
                                                    day: date) -> None:
    assert str(read(text, cpt).get(fact)) == day.isoformat()


@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    # an American note: albuterol, month first
    ("Spirometry 06/11/2026, FEV1 61% predicted; albuterol 2 puffs PRN.", "71250", "pft_date",
     date(2026, 6, 11)),
    # a Hebrew word, but one date only month first settles the writer's way
    ("X-ray 11/19/2026 and MRI 05/03/2026. Pt speaks Hebrew (שלום).", "64493", "ct_mri_date",
     date(2026, 5, 3)),
])
def test_a_month_first_writers_date_stays_month_first(text: str, cpt: str, fact: str,
                                                      day: date) -> None:
    assert str(read(text, cpt).get(fact)) == day.isoformat()


# --- an export object's own status dates no study it says was not done ---------------------
# (a FHIR resource nests objects before its status and its date: the status is still the
# resource's own)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ('{"resourceType":"Procedure","code":{"text":"MRI lumbar spine w/o contrast"},'
     '"status":"not-done","statusReason":{"text":"claustrophobia"},'
     '"performedDateTime":"2026-12-14"}', "62311", "ct_mri_date"),
    ('{"resourceType":"Procedure","subject":{"display":"DOE, ANN (F, 58y)"},'
     '"code":{"text":"XR knee 3 views"},"status":"entered-in-error",'
     '"performedDateTime":"2026-11-30"}', "97110", "xray_date"),
    ('{"resourceType":"Procedure","code":{"text":"Spirometry pre/post"},'
     '"status":"not-done","performedDateTime":"2027-01-20","note":{"text":"coughing fit"}}',
     "71250", "pft_date"),
])
def test_an_export_object_not_done_dates_no_study(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_an_export_object_completed_dates_its_study() -> None:
    text = ('{"resourceType":"Procedure","code":{"text":"XR knee 3 views"},'
            '"status":"completed","performedDateTime":"2026-11-30"}')
    assert str(read(text, "97110").get("xray_date")) == "2026-11-30"


# --- a score offered as one of two, each with its article, is no one score ------------------

@pytest.mark.parametrize("text", [
    # a phone message
    "Caller says her pain is a 6 or a 7 most days.",
    # a triage form's free text
    "Pain score given as a 5 or a 6 at rest.",
    # a home-health nurse's note
    "Knee pain: a 4 or a 5, he can't decide.",
    # a night nurse
    "Rates the pain a 7 or an 8 at night.",
])
def test_a_score_with_an_alternative_is_asked(text: str) -> None:
    assert "pain_nrs" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    "Pain a 6 today; she had an MRI or an X-ray before, not sure which.",
    "Pain a 6 now; was a 4 or so last month.",
    "Pain today: 6 (on a good day maybe a 3)",
])
def test_a_score_with_no_alternative_figure_stays(text: str) -> None:
    assert str(read(text, "97110").get("pain_nrs")) == "6"

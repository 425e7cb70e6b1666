"""Records with statuses and boxes (session 18, forms18): in an order list, a calendar or an
appointment history a status word beside a date says whether the thing happened
(``record_status`` in context.yaml, ``statuses.py``): "Ordered 10/20/2026  Completed
10/28/2026" is a study done on 10/28 (fresh21: the study was left unread and a 2024 MRI
taken instead, denying a qualifying epidural); a scheduled, cancelled or no-show date is
none; a note still unsigned is asked. Wordings are the fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# --- the status word right before a date -------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("MRI L-spine w/o   Ordered 10/20/2026   Completed 10/28/2026", "2026-10-28"),
    ("Lumbar MRI -- requested 09/01/2026, performed 09/14/2026", "2026-09-14"),
    ("CT LUMBAR SPINE    Order placed 10/01/2026    Done 10/12/2026", "2026-10-12"),
    ("MRI LUMBAR SPINE WO   Ordered 08/03/2026   Status: Completed 08/19/2026",
     "2026-08-19"),
    ("Lumbar spine MRI    ordered on 10/02/2026 - performed on 10/09/2026", "2026-10-09"),
])
def test_order_date_gives_way_to_the_done_date(text: str, value: str) -> None:
    assert str(read(text, "62311").get("ct_mri_date")) == value


def test_recent_completed_study_beats_an_older_one_in_an_order_list() -> None:
    text = ("IMAGING ORDERS\n"
            "MRI L SPINE WITHOUT CONTRAST     Ordered 10/14/2026   Completed 10/21/2026\n"
            "   Impression: L4-5 extrusion compressing the L5 root.\n"
            "MRI L SPINE (outside, 2023)      Completed 06/02/2023\n")
    assert str(read(text, "62311").get("ct_mri_date")) == "2026-10-21"


@pytest.mark.parametrize("text", [
    "CT L-spine  Booked 11/30/2026",
    "MRI lumbar spine   Waitlisted 11/15/2026",
])
def test_an_order_or_booking_alone_is_no_study(text: str) -> None:
    assert "ct_mri_date" not in read(text, "62311")


def test_scheduled_repeat_does_not_replace_the_completed_study() -> None:
    text = ("MRI LUMBAR WO CONTRAST    Ordered 09/10/2026   Status: Completed 09/22/2026\n"
            "MRI LUMBAR W WO CONTRAST  Ordered 11/20/2026   Status: Scheduled for 12/02/2026\n")
    assert str(read(text, "62311").get("ct_mri_date")) == "2026-09-22"


@pytest.mark.parametrize("text", [
    "H&P UPDATE        Dr. Amsel    In progress (unsigned) 11/25/2026",
    "History & physical    Draft 11/28/2026",
    "H&P - status: pended 11/30/2026",
])
def test_unsigned_note_date_is_asked(text: str) -> None:
    assert "hp_date" not in read(text, "62311")


# --- a calendar's rows: the date opens the row, the status is a column --------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Appt date   Visit                  Provider    Status\n"
     "10/02/2026  Medial branch block    Ruiz        No-show\n"
     "10/16/2026  Medial branch block    Ruiz        Arrived\n", "2026-10-16"),
    ("Appt date   Visit                  Provider    Status\n"
     "10/16/2026  Medial branch block    Ruiz        Arrived\n"
     "11/02/2026  Medial branch block    Ruiz        Canceled - pt sick\n", "2026-10-16"),
])
def test_calendar_rows_keep_their_own_dates_and_statuses(text: str, value: str) -> None:
    assert str(read(text, "64493").get("nerve_block_date")) == value


# --- a PDF form's fields exported as "name: value" -----------------------------------------

def test_form_export_boxes_and_fields_are_read_by_their_names() -> None:
    text = ("[AcroForm field dump - epidural_request.pdf]\n"
            "txtMemberName: Lindqvist, Ada\n"
            "cbTherapyPT: Yes\n"
            "cbTherapyMeds: Yes\n"
            "cbTherapyLifestyle: Off\n"
            "numPainBaseline: 4\n"
            "numPainNow: 7\n"
            "rbCosmetic: /No\n")
    got = read(text, "62311")
    assert sorted(got.get("conservative_treatments") or []) == \
        ["medication_management", "physical_therapy"]
    assert str(got.get("pain_nrs_baseline")) == "4"
    assert str(got.get("pain_nrs_increase")) == "3"
    assert got.get("cosmetic_purpose") is False


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("fldPatient: R. Osei\ndtMRI: 10/30/2026\ntxtMRIFindings: L5-S1 extrusion\n",
     "ct_mri_date", "2026-10-30"),
    ("dtSymptomOnset: 09/01/2026\ntxtSymptomDesc: L leg pain\n", "symptom_weeks", "94 days"),
    ("radActiveInfection: No\nradPregnant: /Off\n", "active_infection", "False"),
    ("chkTreatmentLogs: On\nchkInflamLabs: Off\n", "treatment_logs_documented", "True"),
])
def test_form_export_field_names_as_labels(text: str, fact: str, value: str) -> None:
    assert str(read(text, "62311").get(fact)) == value


# --- a record not yet signed is not on file ----------------------------------------------

@pytest.mark.parametrize("text", [
    "11/19/2026  SPINE CONSULT      Dr. Vance (ortho spine)   Arrived    note not signed yet",
    "12/01/2026  Physiatry f/u   Lau, K (physiatry)   Completed   note unsigned",
    "Ortho spine (Dr. Ruiz) saw her 11/30 - consult note not signed yet",
])
def test_visit_whose_note_is_unsigned_is_no_consult_on_file(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is not True


# --- an unticked box that asks more than that the record is there --------------------------

@pytest.mark.parametrize(("text", "fact"), [
    ("Checklist 2/4\n[x] H&P 11/12/26\n[ ] med list w/ doses\n", "medication_list_documented"),
    ("To gather:\n[ ] PT notes with dates and attendance\n[x] MRI report\n",
     "pt_notes_documented"),
    ("Items:\n☐ Medication list incl. doses\n☑ H&P\n", "medication_list_documented"),
])
def test_unticked_box_with_a_qualifier_is_asked(text: str, fact: str) -> None:
    assert fact not in read(text, "64493")


# --- a lab row: its result after the order's and the status's columns -----------------------

@pytest.mark.parametrize("text", [
    "CRP (C-reactive protein)   Ordered 11/18   Status: Resulted 11/19   22.4 mg/L (H)",
    "ESR     Collected 11/02/2026     41 mm/h (H)",
    "SED RATE    order placed 11/01/2026    drawn 11/03/2026    52 mm/hr  (H)",
])
def test_lab_result_after_status_columns_is_read(text: str) -> None:
    assert read(text, "62311").get("inflammatory_labs_documented") is True


# --- a "None" option left unticked says nothing of the items beside it ------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Exclusions:  [X] Active infection   [ ] None of the above", "62311"),
    ("Screen: (x) active infection  ( ) none", "64493"),
    ("☑ Active infection (paronychia)  ☐ None apply", "97110"),
])
def test_ticked_item_beside_unticked_none_is_stated(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is True


# --- an order list's "MR" is a study, not a man --------------------------------------------

@pytest.mark.parametrize("text", [
    "MR LUMBAR SPINE WO   Ordered 08/03/2026   Status: Completed 08/19/2026",
    "MR L-SPINE W/O CONTRAST          Resulted 10/01/2026",
    "MR BRAIN W WO CONTRAST 09/12/2026",
    "MR KNEE WO 09/12/2026",
])
def test_mr_study_says_nothing_of_sex(text: str) -> None:
    assert "pregnancy" not in read(text, "62311")

"""Session 22, coordinator: dates written with dots (outside tester 22 F3)."""
from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the message says its dates are day first, in words of its own
    ("H&P 06.11.2026; MRI 09.10.2026 (all dates day.month.year).", "62311", "ct_mri_date",
     "2026-10-09"),
    ("H&P 06.11.2026; MRI 09.10.2026 (all dates day.month.year).", "62311", "hp_date",
     "2026-11-06"),
    ("Imaging: lumbar MRI 11.10.2026 (day-month-year, Lisbon).", "64493", "ct_mri_date",
     "2026-10-11"),
    ("Referral from Porto. Dates are day.month.year throughout. X-ray 02.11.2026.", "97110",
     "xray_date", "2026-11-02"),
    # one of its dates can only be day first, so the others are too
    ("PT finished 28.10.2026. Knee films 05.11.2026.", "97110", "xray_date", "2026-11-05"),
    # one of its dates can only be month first, so the others are too
    ("MRI 11.03.2026. Seen again 11/23/2026 in clinic.", "64493", "ct_mri_date", "2026-11-03"),
    # the date's own twin says which is the month
    ("PFT 04.11.2026 (4 Nov 2026): FEV1 66%.", "71250", "pft_date", "2026-11-04"),
])
def test_a_dotted_date_is_read_where_the_message_settles_its_month(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("MRI 03.09.2026.", "64493", "ct_mri_date"),
    ("Lumbar MRI done 09.10.26 at an outside centre, report attached.", "62311", "ct_mri_date"),
    ("XR knee 11.04.2026 - mild OA.", "97110", "xray_date"),
    ("H&P: 12.1.26 (Dr. Sato).", "62311", "hp_date"),
])
def test_a_dotted_date_either_figure_could_be_the_month_of_is_asked(
        text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


# --- a film the text puts on another area than the complaint's (outside tester 22 F5) ---

@pytest.mark.parametrize("text", [
    "Shoulder pain (right) since 05/2026. X-RAY LEFT KNEE 11/30/2026: mild OA - a different "
    "complaint, not the shoulder.",
    "X-RAY LEFT KNEE 11/30/2026 (M. Bell): mild medial joint space narrowing. Different "
    "complaint - knee, not the shoulder.",
    "Neck pain and stiffness for 4 months. X-ray of the left hip 10/02/2026 showed mild OA.",
    "pt c/o R ankle pain since a fall. xr L wrist 11/20/2026 neg",
])
def test_a_film_of_another_area_than_the_complaints_is_asked(text: str) -> None:
    assert read(text, "97110").get("xray_date") is None


@pytest.mark.parametrize(("text", "value"), [
    ("Knee pain R. XR R knee 11/02/2026.", "2026-11-02"),
    ("Left shoulder pain 5 months. Shoulder X-ray 10/15/2026: calcific tendinitis.",
     "2026-10-15"),
    ("Prior wrist fracture 2019, healed. Now knee pain. XR knee 11/12/2026.", "2026-11-12"),
])
def test_a_film_of_the_complaints_area_is_read(text: str, value: str) -> None:
    assert str(read(text, "97110").get("xray_date")) == value


# --- a table row that says its problem has ended (fresh25's problem list) ---------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Condition | Start | End\nIntrauterine pregnancy | 01/2026 | 10/02/2026\n"
     "Lumbar radiculopathy | 07/2026 |", "62311", "pregnancy"),
    ("| Dx | Status |\n| Active infection (cellulitis L leg) | Inactive |\n"
     "| Lumbar spondylosis | Active |", "64493", "active_infection"),
    ("Problem | Noted | Resolved\nCommunity-acquired pneumonia | 09/2026 | 10/12/2026\n"
     "Chronic cough | 03/2026 |", "71250", "bacterial_pneumonia"),
])
def test_a_row_whose_problem_has_ended_is_no_finding_now(text: str, cpt: str,
                                                         fact: str) -> None:
    assert read(text, cpt).get(fact) in (None, False, "not_pregnant")


def test_an_active_row_beside_a_resolved_one_is_still_read() -> None:
    text = ("Problem | Onset | Resolved | Status\nAnemia | 05/2026 | 08/2026 | Resolved\n"
            "Pregnancy, 22 wks | 07/2026 |  | Active")
    assert str(read(text, "97110").get("pregnancy")) == "pregnant"


# --- a later visit's day is no day of a study named before it -----------------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("MRI 11/03/2026, follow-up visit 11/23/2026.", "64493", "ct_mri_date", "2026-11-03"),
    ("XR L-spine 06/02/2026, f/u appt 11/20/2026 to go over the films.", "64493",
     "xray_date", "2026-06-02"),
    ("knee films done 9/14/2026 - return visit 11/30/2026 pt still limping", "97110",
     "xray_date", "2026-09-14"),
    # what a visit makes has its day
    ("H&P at the follow-up visit 11/23/2026.", "62311", "hp_date", "2026-11-23"),
])
def test_a_later_visits_day_stays_the_visits(text: str, cpt: str, fact: str,
                                             value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a log entry's stamp is no day of what the entry tells (outside tester 22 F4) --------

@pytest.mark.parametrize(("text", "stamp"), [
    ("10/14/2026 10:02 DK  Ibuprofen stopped 10/09/2026 - no relief", "2026-10-14"),
    ("12/01/2026 09:15 RN call: pt says the naproxen was stopped 10/20/2026, did nothing",
     "2026-12-01"),
    ("11/28/2026 16:40 - adjuster note - claimant quit meloxicam 11/02/2026 (no help)",
     "2026-11-28"),
])
def test_a_log_entrys_stamp_is_not_the_failed_treatments_day(text: str, stamp: str) -> None:
    assert str(read(text, "97110").get("last_failed_conservative_date")) != stamp


# --- a bounded figure's twin in other units is the same bound (outside tester 21 F9) -------

@pytest.mark.parametrize("text", [
    "Exclusions: patients with a fever >38°C (100.4°F) or white blood cell count (WBC) "
    ">15,000",
    "Per protocol, hold the CT if temp >= 38.0 C (100.4 F).",
    "criteria checked - fever > 38°C (100.4°F): no documentation either way",
])
def test_a_bounds_twin_in_other_units_is_no_temperature(text: str) -> None:
    assert read(text, "71250").get("body_temperature") is None


@pytest.mark.parametrize(("text", "value"), [
    ("T 100.4 F (38.0 C) at triage", "100.4 F"),
    ("Temp 38.4 C (101.1 F) this morning.", "38.4 C"),
])
def test_a_temperature_with_its_twin_is_read(text: str, value: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == value

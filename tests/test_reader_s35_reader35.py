"""Other people, lists of patients, document tables (session 35, reader35). Each shape is
tested with this file's own wordings (a board's case list, a ward handover, a form row, a
German case list, a crew's illness, an EHR order's status), each with a near miss that
keeps its reading."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

read = reader_at(date(2026, 12, 6))


# --- several patients' blocks: only the patient's is read ----------------------------------
# (fresh38's MDT list read case 2's white count, fever and pneumonia as the patient's)

_UNMARKED = [
    # a board's case list, no block said to be the patient's
    "Case 2 – M, 71: WBC 18.2, T 38.9, RLL consolidation, treat as pneumonia.\n"
    "Case 3 (R.S.): WBC 10.1 K, afebrile.",
    # a ward handover of two beds
    "Bed 12: 77M, T 38.8, CXR RLL consolidation.\nBed 14: 69F, afebrile, WBC 7.1.",
    # two blocks on one line
    "Room 7 - febrile 39.0, pneumonia on CXR. Room 9 - T 36.9, WBC 8.0, no infiltrate.",
]


@pytest.mark.parametrize("text", _UNMARKED)
def test_unmarked_blocks_are_asked(text: str) -> None:
    got = understand(text, cpt="71250", pending=[], as_of=date(2026, 12, 6))
    assert got.facts == []
    assert any("several patients" in u.why for u in got.unread)


@pytest.mark.parametrize(("text", "facts", "absent"), [
    # the block's head calls it ours
    ("Night handover 07:00\nBed 4 (Mr K, 80): febrile 38.6, on IV ceftriaxone for pneumonia, "
     "WBC 17.\nBed 5 (Mrs J, 62) - ours, CT chest request: afebrile 36.9, WBC 8.2.",
     {"body_temperature": "36.9 C", "wbc_count": "8200"}, ("bacterial_pneumonia",)),
    # the head says the block is the request's
    ("Patient A: 34 F, T 38.2, lobar pneumonia.\nPatient B (this request): 58 M, T 37.0, "
     "WBC 7.9.", {"body_temperature": "37 C", "wbc_count": "7900"}, ("bacterial_pneumonia",)),
    # the text names the block outside all blocks
    ("MDT 12/01 - the CT request is for case 1.\nCase 1 - 70 M: T 37.2, WBC 9.0.\n"
     "Case 2 - 45 F: T 39.1, WBC 19.4, lobar pneumonia.",
     {"body_temperature": "37.2 C", "wbc_count": "9000"}, ("bacterial_pneumonia",)),
    # the other block given away, in German
    ("Fall 1 (nicht unser Patient): T 38.9 C, WBC 19.0, Pneumonie.\n"
     "Fall 2: T 36.8 C, WBC 7.4.", {"body_temperature": "36.8 C", "wbc_count": "7400"},
     ("bacterial_pneumonia",)),
    ("Case 1 (not ours): WBC 18.2, febrile 38.9, pneumonia.\nCase 2: WBC 9.1, afebrile 36.8.",
     {"wbc_count": "9100", "body_temperature": "36.8 C"}, ("bacterial_pneumonia",)),
])
def test_the_patients_block_is_read(text: str, facts: dict[str, object],
                                    absent: tuple[str, ...]) -> None:
    got = read(text, "71250")
    for fact, value in facts.items():
        assert got.get(fact) == value, (fact, got)
    for fact in absent:
        assert fact not in got, (fact, got)


# near misses: one case's minutes, courses numbered like cases
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Case 3 - R.S., 66 F - presenter Dr. Lin\n  Vitals 07/16: T 37.4 C, SpO2 88% RA.",
     "body_temperature", "37.4 C"),
    ("Course 1: PT 6 weeks, no relief. Course 2: PT 8 weeks, no relief. T 37.0, WBC 8.8.",
     "wbc_count", "8800"),
])
def test_one_block_or_courses_stay_read(text: str, fact: str, value: object) -> None:
    assert read(text, "71250").get(fact) == value


# --- another person named by a shape: "-mate", "a fellow X", "guys on his crew" --------------
# (fresh38 read a shipmate's Legionella pneumonia as the patient's hospitalization)

@pytest.mark.parametrize("text", [
    "A shipmate from the same tank crew was admitted last week with Legionella pneumonia.",
    "Two guys on his crew were admitted with Legionella pneumonia.",
    "A fellow welder on the same crew was hospitalized with pneumonia.",
    "Workmate in hospital with pneumonia since Monday.",
    "Squad-mate dx'd with pneumonia.",
    "Someone in her house has pneumonia, on antibiotics.",
])
def test_another_persons_pneumonia_is_not_read(text: str) -> None:
    got = read(text, "71250")
    assert "bacterial_pneumonia" not in got and "pneumonia_hospitalization" not in got, got


@pytest.mark.parametrize(("text", "fact", "value"), [
    # the patient's own, after the other's clause
    ("Squad-mate dx'd with pneumonia; pt has a cough x 4 days.", "respiratory_symptoms", True),
    # a word that only ends in "mate" is no person
    ("Topiramate 50 mg daily. Pneumonia suspected, T 38.6", "bacterial_pneumonia", True),
])
def test_the_patient_next_to_another_stays_read(text: str, fact: str, value: object) -> None:
    assert read(text, "71250").get(fact) == value


# --- a row of "label | answer" pairs run together --------------------------------------------
# (the coordinator: "Pregnancy | N/A (male). Infection | no" read an active infection)

@pytest.mark.parametrize(("text", "facts"), [
    ("Pregnancy | N/A (male). Infection | no", {"active_infection": False}),
    ("Cosmetic | N. Infection | N. Pregnancy | N/A",
     {"active_infection": False, "cosmetic_purpose": False}),
    ("Infection | none. Cosmetic | no", {"active_infection": False, "cosmetic_purpose": False}),
    ("Pregnancy | neg hCG 11/30. Active infection | denies", {"active_infection": False}),
    ("Active infection | no | per PCP. Pregnant | no",
     {"active_infection": False, "pregnancy": "not_pregnant"}),
    ("Pregnancy | N/A (male)  Infection | no", {"active_infection": False}),
])
def test_each_pair_answers_its_own_label(text: str, facts: dict[str, object]) -> None:
    got = read(text, "64493")
    for fact, value in facts.items():
        assert got.get(fact) == value, (fact, got)
    assert got.get("pregnancy") != "pregnant", got


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("| Infection | no |", "active_infection", False),
    ("Pregnant | no; Infection | yes - UTI", "active_infection", True),
    ("| PT | 12 wks | exercise 6 |", "pt_weeks", "12 weeks"),
])
def test_one_pair_rows_stay_read(text: str, fact: str, value: object) -> None:
    assert read(text, "64493").get(fact) == value


# --- a consult ordered, the patient not yet booked ------------------------------------------
# (the coordinator: "Pulm consult entered, awaiting callback." read a consult on file)

@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Pulm consult entered, awaiting callback."),
    ("64493", "Ortho spine consult placed 11/28 - waiting on a call back from their office"),
    ("71250", "Neurosurgery consult: waitlisted, no date yet."),
    ("71250", "Rheum consult put in, pt on the wait list"),
    ("64493", "Pulmonology consult - awaiting appt"),
    ("71250", "Pulm consult entered, awaiting callback."),
])
def test_consult_not_booked_is_asked(cpt: str, text: str) -> None:
    assert "specialist_consult_documented" not in read(text, cpt)


@pytest.mark.parametrize("text", [
    "Ortho consult note 11/22 in chart (Dr. Patel).",
    "Pulmonology consult (Dr. Reyes) 11/20 on file. Pt awaiting callback about PFT slot.",
])
def test_consult_on_file_stays_read(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is True


# --- a document index row dated by its order, its status pending ---------------------------
# (fresh38's media tab: "06/20/28 | Order | MRI L-spine repeat | Pending" dated the MRI)

@pytest.mark.parametrize("text", [
    "06/20/26 | Order | MRI L-spine repeat - ORDER PENDING AUTH | Pending",
    "11/02/26 | MRI lumbar spine | Ordered by PCP | Scheduled",
    "10/30/26 | Outside records | CT L-spine request faxed | Requested",
    "11/15/2026 | MRI L-spine | Radiology | Cancelled",
])
def test_a_rows_pending_status_dates_no_study(text: str) -> None:
    assert "ct_mri_date" not in read(text, "64493")


def test_a_done_row_stays_dated() -> None:
    assert read("09/16/2026 | Valley Imaging | 72148 | MRI lumbar spine | Paid",
                "64493").get("ct_mri_date") == "2026-09-16"



# --- a consult's row names its maker in the next cell ----------------------------------------
# (fresh38's media tab: "Consult Report | PCP (Dr. Liang)" read a specialist's consult)

@pytest.mark.parametrize("text", [
    "04/11/26 | Consult Report | PCP (Dr. Liang) - chronic LBP | Active",
    "10/02/2026 | Consultation note | GP - Dr Ode | Final",
    "2026-09-14 | Consult letter | Primary care (Dr. Wu) | Signed",
    "10/02/2026  | Consult note      | Family physician, Dr Ode       | Active",
])
def test_a_pcps_consult_row_is_no_specialists(text: str) -> None:
    assert "specialist_consult_documented" not in read(text, "64493")


def test_a_specialists_consult_row_stays_read() -> None:
    assert read("11/20/2026 | Consult Report | Ortho spine (Dr. Patel) | Final",
                "64493").get("specialist_consult_documented") is True

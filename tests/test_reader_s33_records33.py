"""Records on file (session 33, records33). Wordings are this file's own, in several voices
(a pain doctor's letter, a family doctor's letter, an addendum under a therapist's note, an
e-consult's reply, a neurosurgeon's letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 20))

FACT = "pain_or_pcp_consult_documented"


# --- the writer's own consultation, the writer a pain or primary care doctor ----------------
# (a nurse reading "this letter serves as my consultation" from a pain doctor or a GP knows
# the consultation the policy asks for is in hand; the reader asked for it)

@pytest.mark.parametrize("text", [
    # a pain doctor's letter, the role in the sign-off
    "Mrs Lowe has had right S1 pain since May. My examination of 12/02/2026 is enclosed and "
    "is also my consultation, with the diagnosis and the plan for an epidural.\n\n"
    "Yours sincerely,\nDr R. Okoye, Interventional Pain Medicine",
    # a family doctor's letter, the role in the sign-off
    "Thank you for seeing Mr Diallo. This letter is also my consult for the injection you "
    "offered.\n\nWith thanks,\nDr T. Bakker, General Practitioner",
    # the writer says who they are
    "I am her primary care physician and have followed her back pain since March. This "
    "letter is my consultation: symptoms, diagnosis and the plan for an ESI.",
    # an addendum under a therapist's note, its header naming the doctor's role
    "PT progress note: 14 visits, no change in leg pain.\n"
    "=== PHYSICIAN ADDENDUM (Dr. S. Moreau, family medicine) 12/10/2026 ===\n"
    "Seen today, exam as above. This addendum serves as my consultation (dx and plan).",
    # an e-consult's reply, its header naming the specialist as "Pain"
    "Question from Dr Lee: is he a candidate for an ESI?\n"
    "CONSULTANT ANSWER (Dr K. Varga, Pain, 12/11/2026): yes. Please take this answer as my "
    "consultation (symptoms, dx, plan).",
])
def test_writers_own_consultation_is_on_file(text: str) -> None:
    assert read(text, "62311").get(FACT) is True


@pytest.mark.parametrize("text", [
    # a neurosurgeon's consultation is no pain or primary care consultation
    "Referred by her PCP for an opinion. This letter is my consultation.\n\n"
    "Kind regards,\nDr J. Alvarez, Neurosurgery",
    "=== ADDENDUM (Dr. S. Moreau, orthopaedic spine) 12/10/2026 ===\n"
    "This addendum serves as my consultation (dx and plan).",
    # the writer's consultation with someone else (a patient's own words)
    "My consultation with the pain clinic is booked for January.",
    # not written yet
    "I will send my consultation next week.\n\nRegards,\nDr K. Fofana, family medicine",
    # the writer named by what another asked, not who the writer is
    "I saw him as his PCP asked. This letter is my consultation.",
])
def test_writers_own_consultation_of_another_kind_or_not_yet_is_not_read(text: str) -> None:
    assert FACT not in read(text, "62311")


# --- the medication list named by what it gives --------------------------------------------
# ("Meds (list w/ doses in chart): ..." is the pain medication list with dosages on file; the
# reader asked for it in complete notes)

MEDS = "medication_list_documented"


@pytest.mark.parametrize("text", [
    # a resident's template
    "Medications (reconciled, list w/ doses scanned to Media): meloxicam 15 mg daily, "
    "tizanidine 4 mg qhs.",
    # a site medic's referral pack
    "Medicines (dose list enclosed): naproxen 500 mg BD for 6 weeks - no help.",
    # a crewing agency's file
    "Present medicines and doses are on the enclosed medication sheet.",
    # a plain sentence
    "Current list w/ doses reconciled in chart today.",
])
def test_list_with_doses_on_file_is_the_medication_list(text: str) -> None:
    assert read(text, "64493").get(MEDS) is True


@pytest.mark.parametrize("text", [
    # still to come
    "Dose list to follow from the pharmacy.",
    "Medicines with doses: the daughter will fax the list on Monday.",
    # a therapist's exercises and their doses
    "Home exercise list with doses (sets x reps) handed to the patient.",
    # an unticked line on a card of records still awaited (asked, as before)
    "Waiting on records\n[x] H&P 11/12/26\n[ ] med list w/ doses",
])
def test_list_with_doses_not_yet_or_of_exercises_is_not_on_file(text: str) -> None:
    assert MEDS not in read(text, "64493")


def test_list_with_doses_said_missing_is_not_on_file() -> None:
    assert read("Medication sheet with doses: missing from the packet.", "64493").get(MEDS) \
        is not True


# --- a log of any keeper said to hold the dates ---------------------------------------------
# ("Conservative care (our clinic log with dates attached)": the dates make it the care's log
# whoever kept it; the reader knew only the therapist's, the physio's, a diary)

LOGS = "treatment_logs_documented"


@pytest.mark.parametrize("text", [
    "Conservative care to date (the GP surgery log with dates and outcomes attached): "
    "naproxen 8 weeks, then a home programme, no change.",
    "Tried since June (coach's log attached, dated, outcome per session): rest, ice, bands.",
    "Treatment at the rehab centre, logbooks with dates and minutes enclosed.",
])
def test_a_log_with_its_dates_is_the_treatment_log(text: str) -> None:
    assert read(text, "97110").get(LOGS) is True


@pytest.mark.parametrize("text", [
    # sent, not said on file
    "Her son emailed me the logbook last night.",
    # a log of the office's calls
    "Call log with dates of each attempt to reach the patient.",
    # denied
    "No log with dates was kept by the gym.",
])
def test_a_log_sent_of_calls_or_denied_is_not_on_file(text: str) -> None:
    assert read(text, "97110").get(LOGS) is not True

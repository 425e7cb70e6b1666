"""What is on file, and when (session 26, records26). Wordings are this file's own, in
several voices (an occupational-health form, an insurer's examiner, a radio log, a case
manager's e-mail, a clinic letter from abroad, a ward team's board)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- "today" in a note headed by its exam's own date is that day --------------------------
# (a nurse reading "H&P today" on an exam report dated 01/14 files the H&P as of 01/14,
# not as of the day the report reached her)

@pytest.mark.parametrize(("text", "day"), [
    # a fitness-for-duty examination form
    ("FITNESS FOR DUTY EXAMINATION\nEmployee: R. Okafor     Exam date: 01/14/2027\n\n"
     "Complete history and physical today; cleared for light duty.", "2027-01-14"),
    # an insurer's examiner's report
    ("INSURANCE MEDICAL EXAMINATION\nDate of examination: 01/19/2027\nExaminer: P. Lund, MD\n\n"
     "History and physical today: lumbar tenderness, gait steady.", "2027-01-19"),
    # a consultant's report with its evaluation date in the header
    ("SPINE EVALUATION\nEvaluation date: 01/25/2027   Patient: M. Ruiz\n\n"
     "H&P today. Plan facet injections.", "2027-01-25"),
])
def test_today_under_a_dated_exam_header_is_the_exam_day(text: str, day: str) -> None:
    assert str(read(text, "64493").get("hp_date")) == day


@pytest.mark.parametrize("text", [
    # another exam's date is not this note's day: "today" stays the reader's day
    "FOLLOW-UP\nNext exam date: 03/01/2027\n\nH&P today.",
    "Date of last exam: 01/02/2027. H&P today.",
])
def test_another_exams_date_does_not_date_todays_h_and_p(text: str) -> None:
    assert str(read(text, "64493").get("hp_date")) == "2027-02-09"


# --- a consult booked is no consult on file ------------------------------------------------

@pytest.mark.parametrize("text", [
    # a radio log from a remote site
    "Boat booked 20 Feb for his pain clinic consult in town.",
    # a scheduler's note
    "Pt booked for pain management consult next Thursday.",
    # a case manager's e-mail
    "We have rebooked the pain clinic consult for the 23rd.",
])
def test_a_booked_pain_consult_is_not_on_file(text: str) -> None:
    assert "pain_or_pcp_consult_documented" not in read(text, "62311")


def test_booked_off_work_is_no_booking() -> None:
    # a South African GP's "booked off" is a sick note: the consult beside it is on file
    got = read("He has been booked off work by his GP. Pain clinic consult on file.", "62311")
    assert got.get("pain_or_pcp_consult_documented") is True


# --- a record missing, that someone says was sent, is asked -------------------------------

@pytest.mark.parametrize("text", [
    # an ombudsman-style review
    "The packet has no specialist consult, though the spine clinic says it was faxed 01/30/2027.",
    # a coordinator's e-mail
    "No pain specialist consult in what we got - their office says they emailed it Monday.",
    # a phone note
    "specialist consult not in chart; ortho front desk says they sent it last week",
])
def test_a_missing_consult_said_sent_is_asked(text: str) -> None:
    assert "specialist_consult_documented" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "No specialist consult in the packet; the clinic has never faxed it.",
    "No specialist consult on file - to be sent by the clinic.",
    "No specialist consult on file.",
    # what went out is our request, not the consult
    "Not received: specialist consult (records request sent 01/30).",
])
def test_a_missing_consult_not_sent_stays_missing(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is False


# --- the specialist's own record named by its pronoun in the next sentence ------------------

@pytest.mark.parametrize("text", [
    # a clinic letter from abroad
    "Our consultant rheumatologist reviewed her in clinic on 28/01/2027. His letter is enclosed.",
    # a physiotherapist's referral summary
    "The orthopaedic surgeon saw him in January; her clinic letter is attached.",
    # an e-mail
    "Seen by the pain specialist last month. Their report is on file.",
    # a dictated summary
    "Pain doctor at the university looked after him in the autumn. His letter is enclosed.",
    # a school nurse's e-mail
    "The physiatrist went through her exercises with her in January. Her letter is in the chart.",
])
def test_a_specialists_letter_by_pronoun_is_on_file(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    "The rheumatologist saw her in January. Her letter has not been received.",
    "The rheumatologist saw her in January. His report will be faxed.",
    "The rheumatologist saw her in January; her letter to the insurer follows.",
])
def test_a_specialists_letter_not_here_is_asked(text: str) -> None:
    assert "specialist_consult_documented" not in read(text, "97110")


# --- a lab's figure against its own range or flag ---------------------------------------
# (a nurse reads "CRP 14 (ref < 5)" as a raised CRP without the word "elevated", and
# "ESR 9 (ref 0-20)" as a normal one)

@pytest.mark.parametrize("text", [
    # a lab portal printout
    "C-reactive protein 14 mg/L (reference range < 5)",
    # an interface row
    "ESR\t38 mm/hr\t0-20\tH\t03/02/2027",
    # a GP's letter
    "Bloods last week: CRP 31, normal < 5, so inflammatory markers are up.",
    # a flag on a flowsheet
    "hs-CRP 9.4 H",
])
def test_a_lab_above_its_range_is_raised(text: str) -> None:
    assert read(text, "62311").get("inflammatory_labs_documented") is True


@pytest.mark.parametrize("text", [
    # a pre-procedure checklist
    "ESR 9 mm/hr (ref 0-20); CRP 1.2 mg/L (ref <5).",
    # a results line pasted from the portal
    "Results - ESR: 7 mm/h (0-15)",
    # a dictated line
    "sed rate 11 (normal 0 to 20)",
    # a hospital's discharge labs
    "CRP 0.4 mg/dL (0.0-0.9) on the day of discharge.",
])
def test_a_lab_within_its_range_is_not_raised(text: str) -> None:
    assert read(text, "62311").get("inflammatory_labs_documented") is False


@pytest.mark.parametrize("text", [
    # one marker normal, the other high: no "not raised"
    "CRP 1.2 mg/L (ref <5), ESR 48 mm/hr (ref 0-20).",
    "CRP 2 (ref <5). ESR elevated at the outside lab.",
    # the other marker still to come
    "Discharge labs: CRP 0.3 mg/dL (ref <0.5); sed rate pending.",
    # hours, not a flag
    "CRP 12 h after admission was pending.",
    # a figure alone
    "CRP 8",
])
def test_a_normal_beside_a_high_one_or_no_range_is_not_a_denial(text: str) -> None:
    assert read(text, "62311").get("inflammatory_labs_documented") is not False

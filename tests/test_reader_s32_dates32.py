"""When, and scores (session 32, dates32): which way a disability score went, whose study
or score it is, which day a diary's "today" is, and a study's order indication. Wordings
are this file's own, in several voices (a phone message, a registrar's letter, a diary,
a radiology header, a team meeting's minutes, an interpreter's relay)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 2, 9))


# --- a disability index that fell "from" one score "to" another got better ------------------
# (a nurse reads "Oswestry today ... dropped from 54% to 28%" as a fall, whatever word of
# now stands before the pair: the repeat is today's, the first score is older)

@pytest.mark.parametrize("text", [
    # a registrar's letter
    "Oswestry re-scored at today's review, 02/01/2028: it dropped from 54% to 28%, a "
    "clinically significant improvement.",
    # a phone message
    "called re ODI - redone today 2/7/28, went from 62% to 40%, significant improvement per PT",
    # a physio's discharge line
    "ODI at discharge today (01/30/2028) decreased from 48% to 26%: significant improvement.",
])
def test_a_disability_score_that_fell_from_to_is_improved(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "improved"


@pytest.mark.parametrize("text", [
    # guards: a rise is no improvement; a pair long ago is no recent series
    "ODI repeated today, 02/08/2028, rose from 30% to 58%.",
    "ODI went from 58% to 30% back in 2024.",
])
def test_a_rise_or_an_old_pair_is_not_improved(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") != "improved"


# --- another person's study, named as the thing's owner -----------------------------------

@pytest.mark.parametrize("text", [
    # a diary
    "5 Feb: Mum had her X-ray today at the same clinic.",
    # a text message
    "my grandma's lumbar x-ray was 3 Feb 2028, I went with her",
    # a records clerk
    "Lumbar X-ray dated 01/12/2028 in the chart is her older sister's - misfiled.",
    # a carer's note
    "Nana's back X-ray was done today 02/02/2028 - I took her in the car.",
])
def test_another_persons_xray_is_not_the_patients(text: str) -> None:
    assert "xray_date" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # a coach's e-mail
    "The knee MRI dated 01/10/2028 is his training partner's, scanned to the wrong file.",
    # a records clerk
    "MRI 12/20/2027 on the portal was her twin sister's; removed.",
    # a registrar's letter
    "Knee MRI 01/05/2028 is her kid sister's.",
    # a scheduler
    "MRI knee 01/22/2028 in his file is his younger brother's.",
])
def test_another_persons_mri_named_with_a_word_between_is_theirs(text: str) -> None:
    assert "mri_date" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    # guard: a relative who reports for the patient ("grandma says ...") is no owner
    "oh and correction, grandma says her MRI was 01/12/2028 not 01/21/2028",
    "Mum says the MRI was 01/12/2028, she has the disc.",
])
def test_a_relative_reporting_the_patients_mri_is_read(text: str) -> None:
    assert read(text, "97110").get("mri_date") == "2028-01-12"


def test_the_patients_own_xray_beside_a_relative_driving_is_read() -> None:
    # guard: "Mum drove me" says who drove, not whose X-ray it was
    got = read("X-ray of my lower back today 02/08/2028 at the clinic, Mum drove me.", "64493")
    assert got.get("xray_date") == "2028-02-08"


# --- a diary's "today" is its entry's day, after a weekday ---------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("Tuesday, 18 Jan 2028: lumbar MRI today, the machine was so loud.", "2028-01-18"),
    ("Wed 1/19/2028 - had my back MRI today, results next week.", "2028-01-19"),
    ("Fri 21 Jan 2028 — MRI of the low back done today at St Mary's.", "2028-01-21"),
])
def test_a_diary_entrys_today_is_its_days(text: str, day: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == day


# --- a score said "out of 10" in other languages ------------------------------------------

@pytest.mark.parametrize(("text", "score"), [
    # an interpreter's relay (Greek)
    ("Interpreter: the back pain (πόνος) is 7 στα 10 today.", "7"),
    # a Russian referral
    ("Поясница: боль 6 из 10 сегодня.", "6"),
    # a Romanian letter
    ("Durere lombară 8 din 10 astăzi - low back pain.", "8"),
])
def test_a_score_out_of_ten_in_other_languages(text: str, score: str) -> None:
    assert read(text, "64493").get("pain_nrs") == score


def test_a_relatives_score_in_other_words_is_not_the_patients() -> None:
    # the mother's "10 στα 10" is no score of the patient's: the patient's 8 stands alone
    got = read("Via interpreter: back pain 8 στα 10 now; she adds that her mother's back is "
               "worse, '10 στα 10'.", "64493")
    assert got.get("pain_nrs") == "8"


# --- an imaging report header's indication is the order's, not now ------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("XR L-SPINE 2 VIEWS | Study date: 01/14/2028 | Clinical history: LBP, pain 9/10 at referral",
     "64493"),
    ("CT LUMBAR SPINE — DATE OF EXAM: 12/02/2027 — Clinical info: low back pain 6/10", "64493"),
    ("MRI RIGHT KNEE   Accession 55120   Reason for exam: knee pain NRS 7 after fall",
     "97110"),
])
def test_a_score_in_a_study_headers_indication_is_asked(text: str, cpt: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize("text", [
    # guards: a referral's own indication, and a score after the header's line
    "Indication for facet injection: low back pain 7/10 despite 12 weeks of PT.",
    "MRI L-spine 01/14/2028: facet arthropathy.\nToday: low back pain 7/10.",
])
def test_a_score_outside_a_study_header_is_read(text: str) -> None:
    assert read(text, "64493").get("pain_nrs") == "7"


# --- a meeting's action is to be done --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Actions: repeat x-rays of the knee before the next meeting.",
    "MDT outcome - action: repeat X-ray, then review.",
    "Agreed actions: repeat films in clinic.",
])
def test_an_action_to_repeat_an_xray_is_no_second_set(text: str) -> None:
    assert "xray_sets" not in read(text, "97110")


# --- a temperature with its decimal said in words ------------------------------------------

@pytest.mark.parametrize(("text", "temp"), [
    # a voicemail
    ("hi it's the home nurse, her temperature was one hundred point two this morning", "100.2 F"),
    # a paramedic's radio report
    ("Vitals: heart rate one ten, temp thirty nine point one, sats on air ninety four percent",
     "39.1 C"),
    # a scribe's dictation
    ("Temperature ninety nine point eight orally at triage today.", "99.8 F"),
])
def test_a_temperature_with_a_spoken_decimal(text: str, temp: str) -> None:
    assert read(text, "71250").get("body_temperature") == temp


def test_a_spoken_saturation_stays_whole() -> None:
    # guard: "ninety one percent" is a saturation of 91, no decimal
    got = read("sats ninety one percent on room air, temp ninety eight point six", "71250")
    assert got.get("spo2_room_air") == "91"
    assert got.get("body_temperature") == "98.6 F"


# --- a report's own date is its writer's today ----------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    # a workers' compensation evaluator
    ("SUPPLEMENTAL REPORT\nApplicant: R. S., age 52. Date of this report: December 20, 2027.\n"
     "On my re-examination today (full history and physical) pain was 7/10.", "2027-12-20"),
    # an independent examiner from another country
    ("Date of the report - 14 Dec 2027. H&P performed today at the clinic.", "2027-12-14"),
    # a medico-legal report
    ("MEDICO-LEGAL REPORT\nDate of report: 01/02/2028\nHistory and physical examination today.",
     "2028-01-02"),
])
def test_a_reports_today_is_its_date(text: str, day: str) -> None:
    assert read(text, "64493", as_of=date(2028, 1, 4)).get("hp_date") == day

"""What is on file (session 23, records23): a record still to come, a note cited for a
finding, a referral that sent the patient to the writer's clinic, a record kept by someone
else, a log of another thing. Wordings are this file's own, in several voices (a letter, a
terse note, a phone slip, a carer's diary, a form, an ICU flowsheet)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a record on its way is not on file ------------------------------------------------------
# ("to be" or "being" and a verb of delivering it, whoever delivers it)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a phone slip
    ("64493", "Rehab front desk: PT notes being faxed across this pm.", "pt_notes_documented"),
    # a terse tracker line
    ("71250", "Treatment logs still to be forwarded by the rehab centre.",
     "treatment_logs_documented"),
    # a whiteboard
    ("97110", "Ortho consult (Dr. Lee) - copy being couriered over.",
     "specialist_consult_documented"),
    # a chat reply
    ("62311", "pcp consult note from dr okafor to be faxed over from the satellite clinic",
     "pain_or_pcp_consult_documented"),
])
def test_a_record_still_being_delivered_is_not_on_file(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


def test_a_record_on_file_with_a_follow_up_plan_is_still_on_file() -> None:
    got = read("Ortho consult letter on file; PT to follow up weekly.", "97110")
    assert got.get("specialist_consult_documented") is True


# --- a note cited for what it says is no consultation on file --------------------------------
# (its day in any form between the note and the verb that quotes it)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "PCP note of Sept 2026 describes her diabetes as brittle.", "pcp_consult_documented"),
    ("64493", "Primary care note 2026-10-04 lists him as on insulin.", "pcp_consult_documented"),
    ("62311", "PCP note 10/2026 calls the pain disabling.", "pain_or_pcp_consult_documented"),
    ("64493", "PCP note from 4 Oct says she has had two falls this year.",
     "pcp_consult_documented"),
])
def test_a_note_quoted_for_a_finding_is_no_consult_on_file(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


def test_a_dated_pcp_note_said_on_file_is_read() -> None:
    assert read("PCP note 10/04/2026 on file.", "64493").get("pcp_consult_documented") is True


# --- "referred by PCP" is who sent the patient here, not a referral for the CT ----------------

@pytest.mark.parametrize("text", [
    "Sleep clinic intake. 61M referred by PCP for snoring and cough.",
    "ENT NEW PATIENT\n44F referred by GP for hoarseness x 2 months.",
    "Seen today, referred by primary care for wheeze not settling on inhalers.",
])
def test_a_referral_to_the_writers_clinic_is_no_ct_referral(text: str) -> None:
    assert read(text, "71250").get("pcp_referral_documented") is None


@pytest.mark.parametrize("text", [
    "Referred by PCP for CT chest.",
    "Referred by GP Dr Hale (letter on file).",
    "Referred by his PCP - referral letter for CT chest on file.",
])
def test_a_referral_for_the_ct_or_on_file_is_read(text: str) -> None:
    assert read(text, "71250").get("pcp_referral_documented") is True


# --- a record someone else keeps, or kept at home, is not in this file ------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a home carer's diary
    ("71250", "PT twice a week. Mum has the therapy log book at the house.",
     "treatment_logs_documented"),
    # a nurse's note
    ("71250", "Did his PT today. The therapist has the session log with her; she takes it "
              "home after each visit.", "treatment_logs_documented"),
    # a terse note
    ("64493", "Pt keeps his PT notes at home in a binder.", "pt_notes_documented"),
    # an aide's note
    ("71250", "PT comes Mon and Thu. PT keeps her session log in the folder on the kitchen "
              "counter.", "treatment_logs_documented"),
])
def test_a_record_kept_elsewhere_is_not_on_file(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "PT 2x/wk x 8 wks; we have the session log.", "treatment_logs_documented"),
    ("64493", "PT notes with dates in chart.", "pt_notes_documented"),
])
def test_a_record_in_our_file_is_still_read(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# --- a log of another thing is no treatment log ----------------------------------------------

@pytest.mark.parametrize("text", [
    "NURSING SHIFT LOG 12/03\nPT eval done today, 8 sessions so far.",
    "Ventilator log reviewed overnight; pt on PEEP 8, PT held.",
    "TRANSFER CENTER CALL-IN LOG\n0310 pt accepted; PT to see in AM.",
    "RT log: nebs q4h. Pulm rehab 3x/wk since Sept.",
])
def test_a_log_of_another_thing_is_no_treatment_log(text: str) -> None:
    assert read(text, "71250").get("treatment_logs_documented") is None


@pytest.mark.parametrize("text", [
    "Pulm rehab 3x/wk x 10 wks; the log is in the chart.",
    "PT 3x/wk x 10 wks - therapist's log attached.",
    "PT 3x/wk x 10 wks, dated log attached.",
])
def test_a_therapy_log_is_still_read(text: str) -> None:
    assert read(text, "71250").get("treatment_logs_documented") is True


# --- a specialist who saw the patient on a past day, and what they advise, is a consultation --

@pytest.mark.parametrize(("cpt", "text"), [
    # a case manager's note
    ("97110", "Dr. Patel (ortho) saw him 11/22 and expects a good response to therapy."),
    # a terse chart line
    ("97110", "Rheum (Dr Obi) examined her 10/30 - recommends PT for the knee."),
    # a letter's voice
    ("97110", "Sports medicine (Dr. Ruiz) evaluated her on 11/14/2026, felt she would "
              "benefit from PT."),
    # a mother's phone call, retold
    ("97110", "Ortho (Dr. Lee) saw her 12/03, consult letter faxed to us - copy in file."),
])
def test_a_specialist_visit_done_is_a_consultation(cpt: str, text: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    "Ortho saw him 12/20.",  # a day after today: no visit done yet
    "Ortho saw him 11/20 but the note isn't signed yet.",
    "PCP saw her 11/20 and recommends PT.",
    "Ortho consult letter to be faxed to us.",
])
def test_a_visit_to_come_unsigned_or_by_the_pcp_is_no_specialist_consult(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is None


# --- the H&P named by its two parts, joined as other voices join them -------------------------

@pytest.mark.parametrize(("cpt", "text", "day"), [
    # a British GP's letter
    ("64493", "I examined him fully on 24/11/2026 (history and examination in the enclosed "
              "notes).", "2026-11-24"),
    # a solicitor's list of enclosures
    ("64493", "We enclose the GP records, including the consultation of 15/10/2026 with a full "
              "history and examination.", "2026-10-15"),
    # a terse visit line
    ("62311", "Seen 11/30/2026: history + exam done, notes attached.", "2026-11-30"),
])
def test_a_history_and_examination_dates_the_hp(cpt: str, text: str, day: str) -> None:
    assert str(read(text, cpt).get("hp_date")) == day


def test_a_history_and_physical_with_a_plus_is_the_hp_on_file() -> None:
    got = read("Dr K full history + physical 2026-12-10 (in chart, has all my dates)", "97110")
    assert got.get("hp_documented") is True


def test_a_history_and_examination_still_to_come_dates_nothing() -> None:
    got = read("Will do a full history and examination at the next visit on 12/22/2026.",
               "64493", as_of=date(2026, 12, 20))
    assert got.get("hp_date") is None


def test_a_dated_consult_quoted_is_a_consult_on_file() -> None:
    got = read('Ortho Dr. Mensah consult 2026-11-24 - "PT should help a lot"', "97110")
    assert got.get("specialist_consult_documented") is True


def test_a_specialist_visit_whose_note_is_not_here_after_a_semicolon_is_asked() -> None:
    got = read("Sports med (Dr. Ames) saw her 11/18; letter still not received.", "97110")
    assert got.get("specialist_consult_documented") is None


# --- a label of the chest's past answered with what it found is the chest history ------------

@pytest.mark.parametrize("text", [
    # an ICU tele-consult's time-stamped line
    "14:05 Prior chest: L rib fx 2019 (bike), nothing since.",
    # a discharge planner's bullet
    "- Old hx: sternal fx 2018 (fall); no other chest issues.",
    # a cardiology summary
    "Previous chest: sternotomy 2012 (CABG).",
    # a sports physician's note
    "Prior chest: broken ribs playing rugby (2010), no other injuries.",
])
def test_a_chest_past_answered_with_its_findings_is_the_chest_history(text: str) -> None:
    assert read(text, "71250").get("chest_history_documented") is True


@pytest.mark.parametrize("text", [
    "Prior chest CT 2024 clear.",
    "Prior chest tube placement for effusion? Not sure.",
])
def test_a_prior_chest_study_is_no_chest_history(text: str) -> None:
    assert read(text, "71250").get("chest_history_documented") is None


def test_a_prior_chest_history_named_is_still_read() -> None:
    got = read("Prior chest hx: whooping cough age 9; no injuries.", "71250")
    assert got.get("chest_history_documented") is True

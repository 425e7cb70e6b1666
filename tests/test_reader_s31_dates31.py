"""Dates, scores and records (session 31, dates31). Wordings are this file's own, in several
voices (a fax cover, a scheduler's e-mail, a case manager's summary, a phone message, a
referral form row, an audit log, a lab printout)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

AS_OF = date(2027, 5, 4)
read = reader_at(AS_OF)
late = reader_at(date(2027, 11, 16))
december = reader_at(date(2027, 12, 15))


def asked(text: str, cpt: str) -> list[str]:
    """The questions the reader leaves for the text (its unread parts' reasons)."""
    return [u.why for u in understand(text, cpt=cpt, pending=[], as_of=AS_OF).unread]


# --- a service named with "pain" asks no pain score ----------------------------------------
# (a nurse reading "seen by the pain specialist on 03/02" is not asked for a score nobody
# wrote; the words still keep a figure after them from being one)

@pytest.mark.parametrize("text", [
    # a fax cover
    "Enclosed: pain specialist consultation (Dr. Ferro, 03/02/2027) and the PCP's letter.",
    # a scheduler's e-mail
    "She saw the pain doctor last Tuesday and the pain clinic will call her back.",
    # a case manager's summary
    "Pain management team follow-up booked; pain meds reviewed by pharmacy.",
])
def test_a_pain_service_named_alone_asks_no_pain_score(text: str) -> None:
    assert not [w for w in asked(text, "64493") if "pain score" in w]
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Pain clinic 3 so far (all with Dr. Obi)",
    "pain psychology,4",
])
def test_a_figure_after_a_pain_service_is_still_no_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text, score", [
    ("Seen by the pain specialist 03/02/2027; pain 7/10 today.", "7"),
    ("Pain clinic note: NRS 6/10.", "6"),
])
def test_a_score_beside_a_pain_service_is_read(text: str, score: str) -> None:
    assert read(text, "64493").get("pain_nrs") == score


# --- a day an audit rewrites, a study named by its month, an addendum's day ----------------
# (a nurse reads "amended: '05/11/2027' -> '04/11/2027'" as the first day taken back; "the
# March MRI" in a note of 10/20 as the March study; "04/09 amendment to the X-ray report"
# as the day of the amendment)

@pytest.mark.parametrize("text, fact, wrong", [
    # a QA reviewer's bracket
    ("Injection log: medial branch block 03/02/2027. [QA review 03/20/2027: date changed "
     "from 03/02/2027 to 03/09/2027 per procedure record]", "nerve_block_date", "2027-03-02"),
    # an audit trail's arrow
    ("MBB 05/11/2027.\nAudit note: amended 05/15 - '05/11/2027' → '04/11/2027'.",
     "nerve_block_date", "2027-05-11"),
    # a records office's correction
    ("X-ray lumbar 01/06/2027.\nAUDIT (HIM) 02/01/2027: corrected 01/06/2027 => 01/05/2027, "
     "typed from the order.", "xray_date", "2027-01-06"),
])
def test_a_day_an_audit_rewrites_is_not_read(text: str, fact: str, wrong: str) -> None:
    assert late(text, "64493").get(fact) != wrong


def test_an_audit_that_rewrites_nothing_keeps_the_day() -> None:
    text = "MBB 05/11/2027. AUDIT 05/20/2027: PT dates 03/01 -> 04/12 checked against the log."
    assert late(text, "64493").get("nerve_block_date") == "2027-05-11"


@pytest.mark.parametrize("text, fact, wrong", [
    # a phone note
    ("MRI lumbar 03/22/2027. Phone note 10/20/2027: pt asks about the March MRI results.",
     "ct_mri_date", "2027-10-20"),
    # a fax log
    ("Fax received 09/02/2027 re: her June X-ray of the lumbar spine.", "xray_date",
     "2027-09-02"),
    # a clinic letter's reference line
    ("Clinic letter 11/02/2027 - re the August MRI: facet arthropathy L4-5.", "ct_mri_date",
     "2027-11-02"),
    # a letter
    ("Letter of 2027-08-01 from Dr. Ruiz: the April 2027 MRI showed facet arthropathy.",
     "ct_mri_date", "2027-08-01"),
])
def test_a_study_named_by_another_month_takes_no_other_day(text: str, fact: str,
                                                           wrong: str) -> None:
    assert late(text, "64493").get(fact) != wrong


def test_a_study_named_by_its_own_month_keeps_the_day() -> None:
    assert late("10/20/2027: the October MRI showed facet arthropathy.",
                "64493").get("ct_mri_date") == "2027-10-20"


@pytest.mark.parametrize("text, fact, day", [
    ("Lumbar X-ray 04/02/2027; 04/09/2027 amendment appended to the X-ray report.",
     "xray_date", "2027-04-02"),
    ("MRI 2027-01-05. 2027-01-07: addendum to the MRI report (comparison added).",
     "ct_mri_date", "2027-01-05"),
    ("MBB done 02/02/2027.\n02/06/2027 - correction to the MBB note: level L4-5, not L3-4.",
     "nerve_block_date", "2027-02-02"),
])
def test_an_addendums_day_is_not_the_studys(text: str, fact: str, day: str) -> None:
    assert late(text, "64493").get(fact) == day


def test_a_day_before_the_study_is_still_its_day() -> None:
    assert late("04/09/2027 X-ray lumbar: mild spondylosis.", "64493").get("xray_date") == \
        "2027-04-09"


# --- the figure a correction gives is read, not the one it replaces --------------------------
# (a nurse reads "FEV1 65% (later corrected to 85% - calibration error)" as 85: the error is
# the 65's; "corrected 12/03 to 65%" replaces the 85 before it)

@pytest.mark.parametrize("text, fev1", [
    # a pulmonary lab's amended printout
    ("Spirometry: FEV1 61% pred (subsequently corrected to 84% - calibration error).", "84"),
    # a referral letter
    ("FEV1 was 70% predicted, amended to 58% - transcription error by our office.", "58"),
    # a covering GP's note
    ("FEV1 66% of predicted, updated to 81% - equipment error on the first run.", "81"),
])
def test_the_figure_a_correction_gives_is_read(text: str, fev1: str) -> None:
    assert late(text, "71250").get("fev1_percent_predicted") == fev1


@pytest.mark.parametrize("text, old", [
    # a fax with the correction's day
    ("PFT: FEV1 86% predicted; revised 11/03 to 59% predicted after re-analysis.", "86"),
    # a correction on its own day, sentence apart
    ("FEV1 82% pred. Corrected on 11/20 to 62% pred after recalibration.", "82"),
    # a lab's amended line
    ("FEV1 88% predicted, amended 10/30 to 64% predicted.", "88"),
])
def test_a_figure_a_dated_correction_replaces_is_not_read(text: str, old: str) -> None:
    assert late(text, "71250").get("fev1_percent_predicted") != old


def test_a_figure_called_an_error_is_still_not_read() -> None:
    got = late("FEV1 85% - error, recalculated 65%", "71250")
    assert got.get("fev1_percent_predicted") != "85"


# --- a treatment log said to have holes is not a log on file --------------------------------
# (a nurse reading "the log is patchy" would not tick "treatment logs documented")

@pytest.mark.parametrize("text", [
    # an expedition medic's note
    "Physio sessions when the weather allowed; the session log is patchy.",
    # a clinic's fax cover
    "PT attendance log enclosed but incomplete (weeks 4-6 missing).",
    # a case manager
    "Physio sessions twice weekly; treatment log has gaps over the holidays.",
])
def test_a_log_with_holes_is_not_read_as_on_file(text: str) -> None:
    assert late(text, "71250").get("treatment_logs_documented") is not True


def test_a_whole_log_is_still_read() -> None:
    assert late("PT sessions 2x/week for 8 weeks; the log is attached.",
                "71250").get("treatment_logs_documented") is True


# --- a record's own words said missing right after it ---------------------------------------
# (a nurse reads "the GP's consultation report is missing" as no PCP consult on file)

@pytest.mark.parametrize("text", [
    # a translated referral's gloss
    "Zpráva od praktika chybí [the GP's consultation report is missing].",
    # a fax cover
    "GP consultation report missing - will chase.",
    # a UK secretary's letter
    "I am afraid the GP's letter is still missing from our file.",
    # a checklist row
    "Family doctor's consult letter: not yet received.",
])
def test_a_pcp_report_said_missing_is_not_on_file(text: str) -> None:
    assert late(text, "64493").get("pcp_consult_documented") is not True


@pytest.mark.parametrize("text", [
    "GP consultation report on file.",
    "The GP's letter is enclosed; the PT notes are missing.",
])
def test_a_pcp_report_on_file_is_still_read(text: str) -> None:
    assert late(text, "64493").get("pcp_consult_documented") is True


# --- the day a count is taken at is no study's day ------------------------------------------

@pytest.mark.parametrize("text, fact, wrong", [
    # a reviewer's tally
    ("Block window: MBB 8/30/2027 -> as of 12/6/2027 that's 98 days.", "nerve_block_date",
     "2027-12-06"),
    # a German clinic's status line
    ("Stand: MRI 06/03/2027 -> as at 12/01/2027 six months.", "ct_mri_date", "2027-12-01"),
    # a coordinator's e-mail
    ("Nerve block 08/30/2027 - as of 12/06/2027 that is 98 days.", "nerve_block_date",
     "2027-12-06"),
    # a calendar count
    ("Last MBB 07/02/2027 -> as of 10/01/2027, 91 days.", "nerve_block_date", "2027-10-01"),
])
def test_an_as_of_day_is_not_the_studys(text: str, fact: str, wrong: str) -> None:
    assert december(text, "64493").get(fact) != wrong


def test_the_study_before_an_as_of_day_keeps_its_day() -> None:
    assert december("MBB L4-5 9/01/2027; as of 12/10/2027 it is 100 days old.",
                    "64493").get("nerve_block_date") == "2027-09-01"


# --- a day of the month by its ordinal is no count --------------------------------------------

@pytest.mark.parametrize("text", [
    # a voice-to-text message
    "the MRI was December 1st not the 11th, the 11th was the x-ray",
    # a phone message
    "X-rays on the 3rd, MRI on the 9th.",
    # a receptionist's note
    "She had her x-ray on the 4th and sees PT on the 18th.",
])
def test_a_day_by_its_ordinal_is_no_count_of_xray_sets(text: str) -> None:
    got = late(text, "97110").get("xray_sets")
    assert got is None


def test_a_count_of_sets_is_still_read() -> None:
    assert late("X-ray sets: 2", "97110").get("xray_sets") == "2"

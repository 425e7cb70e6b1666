"""Records on file, dates and scores (session 29, dates29). Wordings are this file's own, in
several voices (a fax cover's checklist, a coordinator's chat shorthand, a chart audit, a
letter from abroad, a phone slip, a portal message)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a tick or a cross is each record's own answer on a line of records ---------------------
# (a nurse reads "med list ✗" as the list not there, whichever side of its item the marks
# stand, and a tick as the record on file)

@pytest.mark.parametrize("text", [
    # a fax cover's checklist, marks after their items
    "Received today: PT notes ✓ | med list ✗ | PCP consult ✓",
    # a coordinator's chat shorthand, marks before their items
    "Chart audit 12/01: ✓ PCP consult ✓ PT notes ✖ med list",
    # a portal upload list with heavy crosses
    "Uploads - PT notes ✔   medication list ❌   PCP consult ✔",
])
def test_a_crossed_med_list_is_not_on_file(text: str) -> None:
    got = read(text, "64493")
    assert got.get("medication_list_documented") is False
    assert got.get("pt_notes_documented") is True
    assert got.get("pcp_consult_documented") is True


@pytest.mark.parametrize("text", [
    # a UR nurse's packet check
    "Packet check - PFT report ✓, pulm consult ❌, chest x-ray images ✓",
    # a scheduler's line
    "✔ PFT report  ✘ pulmonology consult  ✔ CXR images",
])
def test_a_crossed_consult_is_not_on_file(text: str) -> None:
    got = read(text, "71250")
    assert got.get("specialist_consult_documented") is False
    assert got.get("pft_results_documented") is True


@pytest.mark.parametrize("text", [
    # marks after their items: the tick before a crossed item is the item before's
    "PCP consult ✓ | PT notes ✓ | med list ✗",
    # marks before their items: the cross after a ticked item is the next item's
    "✓ PCP consult  ✓ PT notes  ✗ med list",
])
def test_the_ticked_records_beside_a_cross_stay_on_file(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pcp_consult_documented") is True
    assert got.get("pt_notes_documented") is True
    assert got.get("medication_list_documented") is False


def test_a_record_with_no_mark_keeps_its_reading() -> None:
    got = read("PT notes and med list attached; PCP consult ✓", "64493")
    assert got.get("medication_list_documented") is True
    assert got.get("pcp_consult_documented") is True


# --- a record awaited, or said to be where it ought to be by now, is not yet on file --------
# (a nurse reads "still awaited" and "should be in the portal by now" as the record not
# here, in the languages referrals come in too)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a coordinator's chase log
    ("Ortho consult letter: still awaited, I have chased twice.", "64493",
     "specialist_consult_documented"),
    # a phone slip
    ("Pain clinic consult done 11/20, letter should be on file by Friday.", "62311",
     "pain_or_pcp_consult_documented"),
    # a Spanish referral's line
    ("Consulta con ortopedia (ortho consult) pendiente de recibir.", "64493",
     "specialist_consult_documented"),
    # a French letter
    ("Ortho consult note - en attente du courrier.", "97110", "specialist_consult_documented"),
    # a Danish clinic's e-mail
    ("Ortopædkirurgisk konsultation (ortho consult) afventes fra sygehuset.", "64493",
     "specialist_consult_documented"),
])
def test_an_awaited_consult_is_not_on_file(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize("text", [
    # another record awaited after a break: the consult's own note stays on file
    "Ortho consult note received 11/20; MRI report still awaited.",
    "Ortho consult note on file. PT notes still awaited.",
])
def test_a_consult_on_file_beside_another_record_awaited_stays_on_file(text: str) -> None:
    assert read(text, "64493").get("specialist_consult_documented") is True


# --- a bound said after its figure is no value --------------------------------------------
# (a nurse reads "6 or higher" as a threshold, not the patient's 6)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a home-health nurse's visit note
    ("Her resting SpO2 runs 91% or lower on room air.", "71250", "spo2_room_air"),
    # a triage form
    ("Back pain for 12 weeks or longer per the triage form.", "64493", "symptom_weeks"),
    # a coordinator's e-mail
    ("She reports pain 7/10 or more on most days.", "64493", "pain_nrs"),
    # a pulmonary letter
    ("Spirometry shows an FEV1 of 70% or less on every attempt.", "71250",
     "fev1_percent_predicted"),
    # a phone message
    ("mom says she did PT 12 weeks or more, not sure exactly", "64493", "pt_weeks"),
])
def test_a_figure_with_its_bound_after_it_is_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a figure, then "more" of something else: still read
    ("Pain 7/10, PT 12 weeks, more to come.", "64493", "pain_nrs", "7"),
    ("FEV1 64% predicted; more testing planned.", "71250", "fev1_percent_predicted", "64"),
    # "and worse" naming another thing, "and over" a span: no bound
    ("On the phone: chest pain 6/10 and worse wheezing since Tuesday.", "71250", "pain_nrs",
     "6"),
    ("Low back pain for 20 weeks, and over the last few days some numbness.", "64493",
     "symptom_weeks", "20 weeks"),
])
def test_a_figure_beside_other_words_of_more_stays_read(text: str, cpt: str, fact: str,
                                                         value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a day's ordinal said in words is no count ----------------------------------------------
# (a nurse hears "on the twenty-seventh" as a day of the month, never twenty sets of films)

@pytest.mark.parametrize("text", [
    # a daughter's text message
    "pt says her x-rays were on the thirty first, the clinic has 07/31/2026",
    # a dictation
    "Dictated: knee X-rays taken the twenty-seventh, report in chart.",
    # a scribe's line
    "Hip X-rays on the twenty-first per the patient; imaging confirms 10/21/2026.",
])
def test_a_spoken_day_is_no_count_of_xray_sets(text: str) -> None:
    assert "xray_sets" not in read(text, "97110")


def test_spoken_counts_of_sets_stay_read() -> None:
    assert str(read("Twenty sets of films? No - two sets of knee X-rays, 10/02/2026 and "
                    "11/20/2026.", "97110").get("xray_sets")) == "2"
    assert str(read("Two sets of knee X-rays, one on the twenty-second.", "97110")
               .get("xray_sets")) == "2"

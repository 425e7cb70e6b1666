"""More false facts from the outside tester's session 9 (evals/reader/outside/
session9-findings.md and the session 8 findings still open there) and two the
coordinator found in session 10: one named test each, the tester's input with wordings
of the same meaning written by the fixer. Readings go through
:func:`agent.reading.understand` under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# Coordinator, session 10: a bracket after "Pregnant" that gives a negative test answers
# the field, as "Pregnant: negative hCG" does; the test's own "negative" is no denial of
# the negative test.
@pytest.mark.parametrize("text", [
    "Pregnant (negative hCG)",
    "Pregnancy (hCG neg 12/01)",
    "Pregnant (urine pregnancy test negative)",
    "Pregnancy: neg (hCG 12/01)",
])
@pytest.mark.parametrize("cpt", ["64493", "71250"])
def test_a_negative_test_in_brackets_after_pregnant_is_not_pregnant(text: str, cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_pregnant"


def test_a_positive_test_in_brackets_after_pregnant_is_still_pregnant() -> None:
    assert read("Pregnant (hCG positive 11/30)", "64493")["pregnancy"] == "pregnant"
    assert read("Pregnant (IUP 8 wks)", "64493")["pregnancy"] == "pregnant"


# Coordinator, session 10: a relative who opens the clause as its subject keeps the scope
# over the next clause when it has no subject of its own (", also has ...").
@pytest.mark.parametrize("text", [
    "Mother had knee replacement, also has severe COPD.",
    "Her father has CKD, also has severe heart failure.",
    "Patient's mother had a stroke, has severe COPD and diabetes on insulin.",
])
def test_a_relatives_elliptic_also_has_is_the_relatives(text: str) -> None:
    assert "severe_comorbidities" not in read(text, "97110")


def test_the_patient_after_a_relative_named_as_object_is_still_read() -> None:
    assert read("Lives with mother, has severe COPD.", "97110")["severe_comorbidities"] == ["copd"]
    assert read("Mother at bedside. Patient has severe COPD.", "97110")["severe_comorbidities"] \
        == ["copd"]


# F26: a yes or no a scan garbled ("N0" with a zero) is no answer: asked, never a yes.
@pytest.mark.parametrize("text", [
    "Pregnant: N0   lnfection: N0   Cosmetic: N0",
    "Cosmetic: n0",
    "Cosmetic purpose: Y3S",
    "Cosmetic: N0\nAttached: treatment logs",
])
def test_outside9_f26_a_garbled_yes_or_no_is_no_answer(text: str) -> None:
    assert "cosmetic_purpose" not in read(text, "62311")


def test_outside9_f26_a_plain_yes_or_no_still_answers() -> None:
    assert read("Cosmetic: NO", "62311")["cosmetic_purpose"] is False
    assert read("Cosmetic: Y", "62311")["cosmetic_purpose"] is True


# F27: an exam "deferred" was not done: asked, never on file.
@pytest.mark.parametrize("text", [
    "Neuro exam: deferred.",
    "Pain evaluation: deferred",
    "Neurological exam deferred to next visit.",
])
def test_outside9_f27_a_deferred_exam_is_not_on_file(text: str) -> None:
    assert read(text, "62311").get("hp_exam_neuro_pain_documented") is not True


# F9: a payer's threshold named as a requirement is not the patient's figure.
@pytest.mark.parametrize("text", [
    "Member meets 12-week conservative requirement? Unable to verify - records show 9 weeks.",
    "Has the member met the 12-week conservative care requirement?",
    "12-week conservative treatment requirement not verified.",
])
def test_outside9_f9_a_weeks_requirement_is_not_the_weeks_done(text: str) -> None:
    assert read(text, "62311").get("conservative_weeks") is None


def test_outside9_f9_weeks_done_beside_a_requirement_met_are_read() -> None:
    assert read("PT requirement met: 14 weeks of PT completed.", "64493")["pt_weeks"] == "14 weeks"


# F25: a history field answered "none" is no missing history.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Past surgical history: none. Medications: naproxen. Allergies: NKDA.", "62311",
     "hp_history_documented"),
    ("Surgical history: none.", "62311", "hp_history_documented"),
    ("PSH: none. Meds: gabapentin. Allergies: penicillin.", "62311", "hp_history_documented"),
    ("Prior chest injuries: none. Previous chest complaints: none.", "71250",
     "chest_history_documented"),
    ("Chest complaints: none before this year.", "71250", "chest_history_documented"),
])
def test_outside9_f25_a_history_answered_none_is_not_a_missing_history(
        text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not False


def test_outside9_f25_a_history_said_missing_is_still_missing() -> None:
    assert read("Medical history not on file", "62311")["hp_history_documented"] is False
    assert read("H&P on file lists meds but no allergies and no surgical history.",
                "62311")["hp_history_documented"] is False


# F22: what the family reports is no functional assessment.
@pytest.mark.parametrize("text", [
    "Gait: unsteady per family, steady on exam.",
    "Unsteady gait per wife.",
    "Family reports poor balance at home; Romberg negative.",
])
def test_outside9_f22_the_familys_report_of_gait_is_no_assessment(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is not True


def test_outside9_f22_an_examined_gait_is_still_read() -> None:
    assert read("Gait antalgic on exam.", "64493")["impaired_balance_gait"] is True


# F5: a postpartum condition dated years back is no postpartum now.
@pytest.mark.parametrize("text", [
    "Postpartum depression history (2019).",
    "Postpartum depression since delivery in 2019.",
    "Hx postpartum hemorrhage, 2015.",
])
def test_outside9_f5_a_postpartum_condition_of_years_ago_is_not_postpartum_now(text: str) -> None:
    assert "postpartum" not in read(text, "97110")


def test_outside9_f5_a_recent_delivery_is_still_postpartum() -> None:
    assert read("G1P1, 10 weeks postpartum.", "97110")["postpartum"] is True
    assert read("Postpartum since birth 2026-10-01.", "97110")["postpartum"] is True


# F24: a breakdown written "8 ex/2 manual/2 ed": each figure is the label after it.
@pytest.mark.parametrize("text", [
    "pt 12 wk (8 ex/2 manual/2 ed)",
    "pt 12 wk (6 ex/3 manual/3 ed)",
    "PT 12 weeks (7 ther ex/2 manual/3 educ)",
])
def test_outside9_f24_a_slash_breakdown_gives_no_figure_to_the_wrong_part(text: str) -> None:
    got = read(text, "64493")
    manual = text.split("/")[1].split()[0]
    assert got.get("pt_manual_weeks") in (None, f"{manual} weeks")


# F21: a bare number after the word it numbers ("day 3", "week 2") says which one, and
# "at 1 point" is a time: neither is a pain score.
@pytest.mark.parametrize("text", [
    "Pain worse on day 3 of PT, better by week 2.",
    "ROM limited by pain only on day 1; full ROM today.",
    "Pain only at 1 point in the day (mornings).",
    "Pain flared at visit 4, settled by session 6.",
])
def test_outside9_f21_a_day_or_week_number_is_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_outside9_f21_a_score_after_a_day_is_still_read() -> None:
    assert read("Day 3 of PT: pain 6/10.", "64493")["pain_nrs"] == "6"


# F10, session 8 F22: two courses one after the other, the same length or the next still
# going on: the first alone is not the whole.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Home health PT 2x/wk x 6 wks, then outpatient PT x 6 wks.", "64493", "pt_weeks"),
    ("PT x 8 weeks at the clinic, followed by PT x 8 weeks at home.", "64493", "pt_weeks"),
    ("Conservative: naproxen x 6 weeks, then PT 2x/week ongoing since October.", "62311",
     "conservative_weeks"),
    ("Conservative care: meloxicam x 8 wks, then home exercises, still continuing.", "62311",
     "conservative_weeks"),
])
def test_outside9_f10_the_first_of_courses_in_a_row_is_not_the_whole(
        text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) not in ("6 weeks", "8 weeks")


def test_outside9_f10_one_course_said_twice_is_still_read() -> None:
    assert read("PT x 6 wks. She completed the 6 wks of PT without benefit.",
                "64493")["pt_weeks"] == "6 weeks"


# F11, F12: a chronic condition or an earlier episode beside the present one: which the
# symptom duration is, is asked.
@pytest.mark.parametrize("text", [
    "B: Chronic LBP since 2019; current flare x 4 weeks.",
    "Longstanding neck pain; current episode 3 weeks.",
    "Symptoms started 3 years ago, resolved, recurred 5 weeks ago.",
    "Back pain began 2 years ago, settled, then came back 4 weeks ago.",
])
def test_outside9_f11_a_chronic_condition_and_its_present_episode_are_asked(text: str) -> None:
    assert "symptom_weeks" not in read(text, "62311")


def test_outside9_f11_a_plain_duration_is_still_read() -> None:
    assert read("LBP x 10 weeks.", "62311")["symptom_weeks"] == "10 weeks"


# F23: a length followed by what it is the length of is that thing's.
@pytest.mark.parametrize("text", [
    "Current episode: 4 weeks of naproxen.",
    "Conservative care 2024: 16 weeks PT (helped). Current episode: 4 weeks of naproxen.",
    "This episode: 3 weeks of physical therapy so far.",
])
def test_outside9_f23_a_medicines_length_is_not_the_symptoms(text: str) -> None:
    assert "symptom_weeks" not in read(text, "62311")


# F7: a list of records with one status after its last item: the first one's own words
# between do not make it on file.
@pytest.mark.parametrize("text", [
    "Tx logs w/ dates/duration and PCP consult note to be faxed.",
    "Treatment logs with dates and the PCP consult note to be faxed.",
    "Tx logs incl. durations, and PCP note will be faxed.",
])
def test_outside9_f7_records_to_be_faxed_are_not_on_file(text: str) -> None:
    got = read(text, "62311")
    assert got.get("treatment_logs_documented") is not True
    assert got.get("pain_or_pcp_consult_documented") is not True


# F16: a course at one place inside a total's breakdown is no total.
@pytest.mark.parametrize("text", [
    "P2P with Dr. Lowe (payer): reviewer noted PT only 8 weeks in the records; provider "
    "clarified 14 weeks total (8 at Valley PT + 6 at home health).",
    "14 weeks total (8 at Valley PT + 6 at home health).",
    "12 wks total (6 at Summit PT + 6 at the YMCA PT program).",
])
def test_outside9_f16_a_course_at_one_place_is_not_the_total(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") not in ("8 weeks", "6 weeks")

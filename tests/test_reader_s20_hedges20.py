"""How sure a value is, and which one stands (session 20, hedges20): a figure offered with
an alternative, a lower bound, an estimate in someone's own quoted words, a test named
with its subject after it. Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# Two figures joined by "or" are a choice between them: neither is the value.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "my pain was maybe a 3 or 4 before PT, now 8", "pain_nrs_baseline"),
    ("62311", "Pain before treatment was a 4 or 5, now 8/10.", "pain_nrs_baseline"),
    ("62311", "Baseline pain (pre-treatment): 5 or 6. Today 8/10.", "pain_nrs_baseline"),
    ("71250", "Pt reports the cough started 5 or 6 weeks ago.", "symptom_weeks"),
    ("71250", "Dyspnea for about 7 or 8 weeks per daughter", "symptom_weeks"),
    ("71250", "Outpatient PT 2x/week for 10 or 12 weeks.", "pt_weeks"),
    ("97110", "Ankle pain for 5 or 6 weeks after the sprain.", "symptom_weeks"),
    ("62311", "Radicular pain for 4 or 5 months.", "symptom_weeks"),
])
def test_two_figures_joined_by_or_are_no_value(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_one_figure_still_reads() -> None:
    got = read("Baseline pain (pre-treatment): 5. Today 8/10.", "62311")
    assert str(got.get("pain_nrs_baseline")) == "5"


# A figure said to be current is never the baseline, wherever the baseline's own figure
# is left unread.
@pytest.mark.parametrize("text", [
    "Charted: baseline 4-5 and current 8 in the flowsheet.",
    "Pain: baseline 2-3 and current 9 per today's visit.",
    "baseline 4-5 and current 7 in her words",
])
def test_the_current_score_is_no_baseline(text: str) -> None:
    assert str(read(text, "62311").get("pain_nrs_baseline")) not in ("7", "8", "9")


# A figure with a plus after it is a lower bound: how much is asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Failed 10+ wks of conservative care (PT, NSAIDs).", "conservative_weeks"),
    ("64493", 'Symptom duration: "6+ months"', "symptom_weeks"),
    ("71250", "cough 8+ weeks, worse at night", "symptom_weeks"),
    ("97110", "Knee pain for 3+ months per intake.", "symptom_weeks"),
])
def test_a_figure_with_a_plus_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_sum_is_no_lower_bound() -> None:
    got = read("Conservative tx: PT 6+4 weeks, both failed.", "62311")
    assert str(got.get("conservative_weeks")) != "6 weeks"


# An estimate inside a quotation the text gives as a person's own words is their recall.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", 'Reason for request (patient\'s words): "cough for like 3 months now"'),
    ("71250", 'Chief complaint, in the member\'s own words: "been coughing for about 2 months"'),
    ("62311", 'Verbatim from the intake sheet: "back pain for around 5 months"'),
    ("97110", 'Pt quote - "shoulder pain for like 4 months"'),
])
def test_an_estimate_in_someones_quoted_words_is_asked(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


def test_a_record_quoted_is_still_read() -> None:
    got = read('The MRI requisition reads "about 6 months of symptoms"', "62311")
    assert str(got.get("symptom_weeks")) == "6 months"


# A test named with its subject after it ("the test of pregnancy") names the test, not a
# pregnancy.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "She is 29 years. The test of pregnancy we did not make yet."),
    ("97110", "32F. The test of pregnancy she make at home."),
    ("62311", "Woman 27 y. Test of pregnancy: we ask her to do it."),
    ("64493", "34 yo female, analysis of pregnancy sent."),
])
def test_a_test_of_pregnancy_is_no_pregnancy(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") != "pregnant"


# A date closing the bracket of a heading that names no study is the day the section was
# written ("REPLY (Dr ..., 12/04/2026): I reviewed the MRI"), not the study's.
@pytest.mark.parametrize("text", [
    "SPECIALIST RESPONSE (Dr K. Osei, spine, 12/03/2026): I looked at the MRI images myself; "
    "L5 root compressed.",
    "Reply from Dr. Ames (neurosurgery, 11/30/2026): I looked at the MRI myself; severe "
    "foraminal stenosis.",
    "Answer (pain clinic, 12/01/2026): reviewed the CT, moderate foraminal narrowing at L4-5.",
])
def test_a_headings_day_is_no_study_day(text: str) -> None:
    assert "ct_mri_date" not in read(text, "62311")


def test_a_study_named_before_its_bracketed_day_keeps_it() -> None:
    got = read("MRI lumbar (11/05/2026): L4-5 protrusion compressing the L5 root.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-11-05"


# A doubt mark opening a bracket ("[?18th]", "[?a / b]", "(?...)") doubts the bracket's
# words only: a day in it is asked, the findings after it are read.
@pytest.mark.parametrize("text", [
    "MRI lumbar spine from [?October 3 / October 13 - audio unclear] 2026 shows L4-5 "
    "protrusion with compression of the L5 nerve root and perineural edema.",
    "MRI L-spine [?11/05/2026 - unclear on tape] shows the L5 root compressed, with edema.",
    "CT lumbar of (?10/21/2026 vs 10/27/2026, not sure) shows the L5 root compressed, with "
    "edema.",
])
def test_a_day_in_a_doubt_marked_bracket_is_asked(text: str) -> None:
    got = read(text, "62311")
    assert "ct_mri_date" not in got
    assert got.get("imaging_nerve_root_compression") is True


def test_a_confirmed_day_after_a_doubt_marked_one_is_read() -> None:
    text = ("MRI lumbar spine of October [?9th] 2026 [confirmed from the report header: "
            "10/09/2026]: L4-5 protrusion.")
    assert str(read(text, "62311").get("ct_mri_date")) == "2026-10-09"


# A denial inside a bracket closed before the mention denies nothing after the bracket.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "H&P 11/20/2026: history (no smoking, no chest injuries) and review of systems "
              "and exam documented.", "ros_exam_documented"),
    ("64493", "Notes: (pt reports no PT yet) and a medication list on file.",
     "medication_list_documented"),
])
def test_a_denial_in_a_closed_bracket_denies_nothing_after_it(cpt: str, text: str,
                                                               fact: str) -> None:
    assert read(text, cpt).get(fact) is not False


# A percentage said to be now, its own words naming no measure, after an oxygen setting
# in a message that names a saturation: the saturation on that oxygen, not the setting.
@pytest.mark.parametrize("text", [
    "Room-air sat 87%. Started on venturi 40%, now 95%.",
    "SpO2 86% on room air. Placed on venturi mask 35%, and now 92%.",
    "O2 sat on RA 88%; on venti mask 28%, now 93%.",
])
def test_a_bare_now_percentage_is_no_fio2(text: str) -> None:
    assert str(read(text, "71250").get("fio2_percent")) not in ("92", "93", "95")


def test_a_setting_weaned_to_a_figure_is_still_the_setting() -> None:
    got = read("SpO2 89% RA. HFNC FiO2 60% overnight, weaned to 40% now.", "71250")
    assert str(got.get("fio2_percent")) == "40"


# A second-language writer's rate: "two time for the week", "3 times in the week", "by
# week"; and physiotherapy is physical therapy.
@pytest.mark.parametrize(("text", "rate"), [
    ("He make the physiotherapy since 10 weeks, three time for the week, for the chest.", "3"),
    ("Physiotherapy 3 times in the week, 12 weeks, chest mobility exercises.", "3"),
    ("He does the physio two times by week since September.", "2"),
])
def test_a_rate_said_in_the_week_is_sessions_per_week(text: str, rate: str) -> None:
    assert str(read(text, "71250").get("pt_sessions_per_week")) == rate


def test_a_rate_of_something_else_is_no_therapy_rate() -> None:
    assert "pt_sessions_per_week" not in read("He uses the inhaler two time for the week.",
                                              "71250")


# Two grades of one choice joined by "to", "or", a hyphen or a slash are between them, or a
# choice of them: the first is not the value. A set's members stay members.
@pytest.mark.parametrize("text", [
    "Functional impairment: mild to moderate per the OT.",
    "functional impairment moderate or severe per PT",
    "PT eval: impairment moderate-to-severe.",
    "impairment is mild or moderate, the OT says",
])
def test_two_grades_joined_are_no_grade(text: str) -> None:
    assert "functional_impairment" not in read(text, "97110")


def test_a_sets_members_joined_by_a_slash_stay_members() -> None:
    got = read("COPD/HTN both severe", "97110")
    assert sorted(got.get("severe_comorbidities") or []) == ["copd", "hypertension"]


# A length that is a share of each year or month is how often, not how long.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Questionnaire: cough on most days for 3 months of the year - yes"),
    ("71250", "Wheezing 10 days a month since spring."),
    ("62311", "Back pain about 2 months every year, worse in winter."),
])
def test_a_share_of_each_period_is_no_length(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


def test_a_plain_length_is_still_read() -> None:
    assert str(read("Cough for 3 months, worse this year.", "71250").get("symptom_weeks")) \
        == "3 months"

"""How long and how many (session 30, lengths30): a frequency of sessions that changed
during the care, and a count or frequency given as a range in words. Wordings are this
file's own, in several voices (a rehab discharge summary, a phone message, a letter from
abroad, a form row, an appeal, a dictation)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a frequency that changes during the care states no one figure of sessions a week -------
# (outside tester 29 F9: "2x/wk x 12 wks, then 1x/wk x 12 wks" read 2 a week for all 24
# weeks; a nurse would ask how many a week, and in which weeks)

@pytest.mark.parametrize("text", [
    # a rehab discharge summary
    "Discharge summary: pulmonary rehabilitation three times a week for eight weeks, "
    "stepped down to once weekly for the remaining sixteen weeks.",
    # a phone message
    "left vm: pulm rehab was 3x/wk at first, after week 10 every other week till they "
    "finished in june",
    # a letter from abroad
    "Kinésithérapie respiratoire 3 fois par semaine pendant 6 semaines, puis 1 fois par "
    "semaine pendant 18 semaines.",
    # a timeline's rows, one care at two rates
    "Rehab log: 03/02-05/25 chest PT 3x/wk (12 wks); 06/01-08/24 2x/wk (12 wks)",
    # a frequency raised, not lowered
    "Physio once a week for a month, increased to three times a week after the flare.",
])
def test_a_frequency_that_changed_is_asked(text: str) -> None:
    got = read(text, "71250")
    assert "pt_sessions_per_week" not in got, got


def test_the_weeks_of_a_changed_frequency_are_still_read() -> None:
    got = read("Pulmonary rehab 3x per week x 10 wks, then weekly x 14 wks, all attended.", "71250")
    assert "pt_sessions_per_week" not in got and got.get("pt_weeks") == "24 weeks", got


@pytest.mark.parametrize(("text", "per_week"), [
    # the same rate again is no change
    ("Rehab 2x/wk for 12 weeks at St Luke's, then 2x/wk for 12 more weeks at home-town "
     "clinic.", "2"),
    # another care's frequency
    ("Chest physio twice a week for 24 weeks; home walking program 5x/wk.", "2"),
    # a figure corrected, not a rate changed
    ("Pulm rehab two times per week, sorry, three times per week, for 24 weeks.", "3"),
    # one rate, then something else happened
    ("PT 3x/week for 24 weeks, then repeat PFTs in clinic.", "3"),
])
def test_one_rate_is_still_read(text: str, per_week: str) -> None:
    assert read(text, "71250").get("pt_sessions_per_week") == per_week


# --- a count or frequency given as a range in words: which figure is asked ------------------
# (phrase29a: "two to three sessions per week" read 3)

@pytest.mark.parametrize("text", [
    # an appeal
    "Enclosed PT flowsheets show she came two to three times a week for 26 weeks.",
    # a progress note
    "PT was two to three sessions weekly through the winter.",
    # a referral from a physiotherapist
    "Physio two to three times per week x 24 wks",
    # a dictation
    "attended rehab one to two times per week for the whole six months",
])
def test_a_frequency_range_is_asked(text: str) -> None:
    assert "pt_sessions_per_week" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    # a chart audit
    "Two to three failed courses of PT.",
    # a form's free text
    "PT x two to three courses, all failed",
    # the patient's word, relayed
    "Failed one to two courses of physiotherapy per the patient.",
])
def test_a_count_of_courses_given_as_a_range_is_asked(text: str) -> None:
    assert "pt_courses_failed" not in read(text, "64493")


def test_a_single_count_in_words_is_still_read() -> None:
    assert read("PT three times a week for 24 weeks.", "71250").get("pt_sessions_per_week") \
        == "3"
    assert read("Failed two rounds of PT.", "64493").get("pt_courses_failed") == "2"


# --- a length whose unit a translation left in its own language -----------------------------
# (phrase29a's machine translations: "16 javë (weeks)", "14 שבועות", "10주"; and fresh31-32's
# letters from Cairo, Thessaloniki and Japan read the same way once the words were known)

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a referral from Tirana, half translated
    ("Referral: low back pain for 5 muaj, worse on bending.", "64493", "symptom_weeks",
     "5 months"),
    # a knee clinic in Reykjavik
    ("Knee pain for 9 vikur after a fall on the ice.", "97110", "symptom_weeks", "9 weeks"),
    # a Seoul physiotherapy summary
    ("Physiotherapy 12주 completed at our clinic.", "64493", "pt_weeks", "12 weeks"),
    # a Zagreb letter
    ("Conservative treatment 14 tjedana, without effect.", "62311", "conservative_weeks",
     "14 weeks"),
    # a Greek GP's note
    ("Dry cough for 3 μήνες, no fever.", "71250", "symptom_weeks", "3 months"),
])
def test_a_length_in_a_translations_own_unit_is_read(text: str, cpt: str, fact: str,
                                                    value: str) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_chinese_length_with_its_translation_is_not_counted_twice() -> None:
    got = read("物理治疗 共 12 周 [12 weeks], 无改善", "64493")
    assert got.get("pt_weeks") in (None, "12 weeks"), got
# --- the complaint of the policy's own site names the symptoms -----------------------------
# (phrase29a: "® shoulder pain ≈ 6/12" for therapeutic exercise read no length: "knee pain",
# "hip pain" were no words of the symptoms, only the spine's were)

@pytest.mark.parametrize(("text", "value"), [
    # a physiotherapy intake
    ("Pt reports R hip pain, 10 weeks, worse on stairs.", "10 weeks"),
    # a sports-medicine letter
    ("Eight months of knee pain despite bracing and rest.", "8 months"),
    # a form row
    ("Complaint | Wrist pain: 3 months", "3 months"),
    # a coach's e-mail
    ("left elbow pain (about 5 months now), can't grip the racquet", "5 months"),
])
def test_a_joints_own_complaint_gives_the_length_for_therapy(text: str, value: str) -> None:
    assert read(text, "97110").get("symptom_weeks") == value


@pytest.mark.parametrize("text", [
    # another site's complaint says nothing of the spine's
    "Knee pain (3 months); MBB requested for the lumbar facets.",
    "R shoulder pain, 10 weeks, after a fall.",
])
def test_another_sites_complaint_gives_no_length_for_the_spine(text: str) -> None:
    assert "symptom_weeks" not in read(text, "64493")


def test_a_joints_pain_score_or_therapy_length_is_no_length_of_symptoms() -> None:
    assert "symptom_weeks" not in read("hip pain 7/10 today", "97110")
    assert read("knee pain after 6 weeks of PT", "97110").get("symptom_weeks") != "6 weeks"


# --- a count over 12 after an "about" sign is months ----------------------------------------
# (phrase29a: "LBP ≈ 10/12", "SOB + cough ≈ 3/12"; a times sign was read, the about sign not)

@pytest.mark.parametrize(("text", "cpt", "value"), [
    # a registrar's shorthand
    ("LBP ≈ 7/12, worse sitting", "64493", "7 months"),
    # a respiratory clinic's triage line
    ("SOB ≈ 2/12, no fever", "71250", "2 months"),
    # both signs
    ("Neck pain x ≈ 5/12", "64493", "5 months"),
])
def test_a_length_over_twelve_after_an_about_sign_is_months(text: str, cpt: str,
                                                            value: str) -> None:
    assert read(text, cpt).get("symptom_weeks") == value


def test_a_date_after_since_or_a_tilde_is_no_length() -> None:
    assert read("LBP since 4/12", "64493").get("symptom_weeks") != "4 months"
    assert read("Seen ~4/12 for LBP", "64493").get("symptom_weeks") != "4 months"


@pytest.mark.parametrize(("text", "cpt"), [
    # the length of the care the complaint was managed with is the care's
    ("For the past 12 weeks she has managed her knee pain with ibuprofen and a brace.", "97110"),
    ("For 15 weeks he has treated his neck pain with naproxen and stretches.", "64493"),
])
def test_a_length_of_care_the_complaint_was_managed_with_is_no_length_of_symptoms(
        text: str, cpt: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)

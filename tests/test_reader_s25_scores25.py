"""Pain, function and what they stop the patient doing (session 25, scores25): a range of
motion measured short of normal, a disability score compared with an earlier one, an
activity given up, a baseline pain named by its visit or by treatment's short form.
Wordings are this file's own, in several voices (a physio's letter from abroad, a
dictation, a phone message, an intake form, a chat reply, an IME report)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a spine motion measured in degrees short of normal is decreased ROM (64493) ----------
# (a nurse reads "flexion 35 degrees" of a lumbar spine as limited, without the word)

@pytest.mark.parametrize("text", [
    # a physiotherapist's letter
    "On examination her lumbar flexion reached only 35 degrees and extension 10 degrees.",
    # an IME report with the normals beside the figures
    "Thoracolumbar ROM: Forward flexion 0 to 50 degrees (normal 90). Extension 0 to 15 "
    "degrees (normal 30).",
    # a chat reply
    "exam today - flex 30°, ext 5°, tender over the facets",
    # a dictation with the normal after "of"
    "Cervical spine. Extension measured 20 of 60 degrees.",
])
def test_a_motion_measured_short_of_normal_is_decreased_rom(text: str) -> None:
    assert read(text, "64493").get("decreased_rom") is True


@pytest.mark.parametrize("text", [
    # a full range, a strength grade, a limb, a phone extension, a normal lumbar range
    "Lumbar flexion 0 to 90 degrees (normal 90), extension 30 degrees.",
    "Hip flexion 4/5 bilaterally, knee extension 5/5.",
    "Shoulder flexion limited to 40 degrees; lumbar exam deferred.",
    "Please call Dana at 555-0143 ext 12 with the auth number.",
    "Flexion 60 deg, extension 25 deg, rotation 30 deg - full.",
])
def test_a_normal_range_a_strength_grade_or_a_limb_is_no_decreased_rom(text: str) -> None:
    assert read(text, "64493").get("decreased_rom") is not True


# --- a disability score compared "vs" an earlier one is no doubt (62311) ------------------
# (two scores side by side are a comparison; "vs" between two diagnoses is a differential)

@pytest.mark.parametrize("text", [
    # an appeal letter
    "Her Oswestry Disability Index is 28% on 12/02 versus 50% on 10/20, a significant "
    "improvement.",
    # a coordinator's bullet
    "ODI 22 vs 40 in October: significant improvement.",
    # a case manager's e-mail
    "Oswestry today 30% vs. 47% at the October visit: significantly improved.",
])
def test_a_score_compared_vs_an_earlier_one_is_read(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "improved"


@pytest.mark.parametrize("text", [
    # two candidate lengths: the figure is in doubt
    "PT was 8 vs 12 weeks, the clinic is checking.",
    # a differential
    "L4 vs L5 radiculopathy; significant improvement in function not documented.",
])
def test_vs_between_two_candidates_still_doubts(text: str) -> None:
    got = read(text, "62311")
    assert "conservative_weeks" not in got
    assert got.get("functional_assessment_6_weeks") != "improved"


# --- an activity the pain made the patient give up (62311) --------------------------------

@pytest.mark.parametrize("text", [
    # a phone message
    "Mrs Lang called back: she has quit golf, the leg pain is too much.",
    # a referral letter: the relative only owns the thing the patient does
    "He has given up refereeing his daughter's hockey games and cannot sit through a "
    "church service.",
    # an intake form's free text
    "Leg pain keeps him from fishing or walking the dog.",
    # a nurse's note with the patient as lower-case pt
    "pt can no longer drive to work, wife drives her.",
])
def test_an_activity_given_up_is_an_impact_on_daily_life(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is True


@pytest.mark.parametrize("text", [
    # a treatment given up
    "She stopped the home exercise program after 4 weeks, no benefit.",
    "Quit gabapentin because of dizziness.",
    # the relative's own limitation
    "Her husband's back pain keeps him from golfing.",
    "His son's shoulder is so bad he has stopped playing soccer.",
])
def test_a_treatment_stopped_or_a_relatives_limit_is_no_impact(text: str) -> None:
    assert "symptoms_impact_daily_life" not in read(text, "62311")


# --- a baseline pain named by its visit or by treatment's short form (62311) --------------

@pytest.mark.parametrize("text, baseline, increase", [
    # a consult's bullet
    ("Pain score at her first visit was 4/10 and is 8/10 now.", 4, 4),
    # a dictation
    ("Pain at base line was four out of ten and is now seven out of ten.", 4, 3),
    # a chat reply
    ("Rates her pain 7 today; it was 4 prior to any tx.", 4, 3),
])
def test_a_baseline_said_by_first_visit_or_before_tx_is_read(text: str, baseline: int,
                                                            increase: int) -> None:
    got = read(text, "62311")
    assert str(got.get("pain_nrs_baseline")) == str(baseline)
    assert str(got.get("pain_nrs_increase")) == str(increase)


@pytest.mark.parametrize("text", [
    # a planned treatment, a visit still to come, another person's first visit
    "We will recheck pain at his first visit after the injection.",
    "Her sister's pain was 4/10 at her first visit.",
])
def test_no_baseline_from_a_plan_or_another_persons_visit(text: str) -> None:
    assert "pain_nrs_baseline" not in read(text, "62311")


# --- "from" a place, a ward or a writer leaves the pain score its sentence gives -----------
# (only a score moved "from" another is kept from being now)

@pytest.mark.parametrize("text, cpt, score", [
    # a GP's referral from abroad
    ("Referred from Tamale with pleuritic chest pain she scores 8/10.", "71250", 8),
    # a transfer note
    ("Seen on transfer from the ward with chest pain, rated 7/10.", "71250", 7),
    # a physio's intake
    ("She came straight from her shift with low back pain she rates 6/10.", "64493", 6),
])
def test_a_score_beside_from_a_place_is_read(text: str, cpt: str, score: int) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == str(score)


@pytest.mark.parametrize("text", [
    "Her pain has come down from 8/10 since the last visit.",
    "Pain score dropped from a 9 over the weekend.",
])
def test_a_score_moved_from_is_not_now(text: str) -> None:
    assert read(text, "64493").get("pain_nrs") not in ("8", "9", 8, 9)


# --- a history given its length is what has gone on that long (pain_region, 64493) --------

@pytest.mark.parametrize("text, region", [
    # a referral letter from abroad
    ("Kindly review this 61-year-old teacher with an 18-month history of neck pain, worse "
     "turning to the left.", "neck"),
    # a consultant's dictation, the length spelled out
    ("This lady gives a two-year history of lower back pain radiating to the buttock.",
     "low_back"),
    # a British GP letter
    ("He reports six weeks' history of low back pain after lifting a wardrobe.", "low_back"),
])
def test_a_history_of_a_length_is_the_pain_now(text: str, region: str) -> None:
    assert read(text, "64493").get("pain_region") == region


@pytest.mark.parametrize("text", [
    "History of neck pain in 2019, resolved with physio.",
    "Past history of low back pain as a teenager.",
])
def test_a_past_history_gives_no_region_now(text: str) -> None:
    assert "pain_region" not in read(text, "64493")

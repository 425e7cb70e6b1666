"""Whose and when a statement is (session 24, whose24): a pronoun that stands for someone
the text named just before it, not the patient. Wordings are this file's own, in several
voices (a home-health visit, a social worker's note, a text message, a school nurse's
e-mail, a respite-care intake, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a pronoun after another person named as its sentence's subject is that person's -------
# (a careful nurse reads "Spouse ... - he has COPD" as the spouse's COPD, and the "he" as no
# word on the patient's sex: the person named last, of either sex, takes the pronoun)

@pytest.mark.parametrize("text", [
    # a home-health visit note
    "Spouse, 81, also on our caseload; he uses 2 L home O2 for severe COPD.",
    # a social worker's note
    "Partner is also followed by this clinic - he has end-stage emphysema, on home oxygen.",
    # a text message
    "my housemate has it too, he's on oxygen for his COPD",
])
def test_a_spouses_copd_after_his_pronoun_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert "copd" not in str(got.get("severe_comorbidities", ""))
    assert "pregnancy" not in got


@pytest.mark.parametrize("text", [
    # a community paramedic
    "Neighbour checks on her daily - he had 12 weeks of physical therapy last year.",
    # a respite-care intake
    "Friend who lives downstairs, he did 10 weeks of PT for his back and it never helped.",
])
def test_another_persons_therapy_after_his_pronoun_is_not_the_patients(text: str) -> None:
    got = read(text, "64493")
    assert "pt_weeks" not in got


@pytest.mark.parametrize("text", [
    # a hospice liaison
    "Spouse (90) is on our service too - he has severe COPD. Pt is his main caregiver.",
    # a discharge planner
    "Husband was admitted last week; he is on hospice now, and the patient is his only carer.",
])
def test_the_same_pronoun_after_a_relatives_is_the_relatives(text: str) -> None:
    # "his" after the relative's "he" is the relative's: no word on the patient's sex
    assert "pregnancy" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    # a man named at the very start of the message: "he" right after him is his
    "Husband called, he will bring the MRI disc Monday.",
    "Boyfriend at front desk - he is asking about parking for the procedure.",
    "Son phoned. He wants the appointment moved to the afternoon.",
])
def test_a_man_named_first_in_the_message_takes_he(text: str) -> None:
    assert "pregnancy" not in read(text, "64493")


# --- the latest of a state that ends on its own, dated long ago, says it is over ------------
# (postpartum lasts weeks: "last delivery 2019" says she is not postpartum now; the same
# words undated say nothing of now, and dated a month ago they say she is)

@pytest.mark.parametrize("text", [
    # a PT evaluation's OB line
    "OB: G3P3, last delivery 2019 (SVD). Not breastfeeding.",
    # an intake form
    "Most recent birth: 03/2023",
    # a letter
    "She is a mother of two; her last baby was born in the spring of 2022.",
    # a chat reply
    "last birth was 2021 - not breastfeeding",
])
def test_a_last_birth_years_ago_is_not_postpartum(text: str) -> None:
    assert str(read(text, "97110").get("postpartum")) == "False"


def test_a_last_birth_weeks_ago_is_postpartum() -> None:
    got = read("Last delivery 11/02/2026, breastfeeding.", "97110")
    assert str(got.get("postpartum")) == "True"


# --- another person's word on a pregnancy is asked, not read --------------------------------
# (where the patient's own "I'm not pregnant" is asked for a test, a relative's or a
# friend's report of a pregnancy is no more: asked, never a pregnancy that denies care)

@pytest.mark.parametrize("text", [
    # an ED triage line
    "Pt pregnant per boyfriend at bedside.",
    # a home-care phone log
    "Family reports she is 5 months pregnant; she is nonverbal.",
    # a transfer form
    "Pregnant: yes (per guardian)",
    # a letter
    "According to the family, Ms. R is pregnant.",
    # a group-home incident note
    "ED note: guardian states resident is pregnant, no records available.",
])
def test_a_pregnancy_on_someone_elses_word_is_asked(text: str) -> None:
    assert str(read(text, "62311").get("pregnancy")) != "pregnant"


# --- the writer saying no test was done makes "not pregnant" the patient's word ---------------
# (a woman's own "not pregnant" is asked for a test; so is the writer's "not pregnant" where
# the same sentence says no test was done: whatever the words, they are hers)

@pytest.mark.parametrize("text", [
    # a coordinator's enquiry note
    'Not pregnant per her ("no chance", no test).',
    # a terse triage line
    "Not pregnant - untested, LMP 2 wks ago.",
    # a pre-procedure checklist
    "Pregnancy: no (hCG not done)",
    # a chat reply
    "shes not pregnant, we havent tested tho - no test done",
])
def test_not_pregnant_said_with_no_test_is_asked(text: str) -> None:
    assert str(read(text, "62311").get("pregnancy")) != "not_pregnant"


# --- an episode named as the time of another reading is no statement that it is on now -------
# (a nurse reads "the value during his pneumonia" as dating the value: whether the pneumonia
# is still on is asked)

@pytest.mark.parametrize("text", [
    # a preceptor's correction
    "Student listed WBC 17; that was the 10/30 count during his pneumonia, today 8.1.",
    # a respiratory therapist's handoff
    "Sats of 86% were at the time of her pneumonia; 95% on room air today.",
    # a letter
    "The fever you mention was recorded in the course of his aspiration pneumonia.",
    # a chat reply
    "that temp was during her pna not now",
])
def test_an_episode_named_as_a_readings_time_is_asked(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")

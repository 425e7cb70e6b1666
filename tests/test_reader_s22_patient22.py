"""Who the patient is (session 22, patient22): what a lower-case "pt" does, whose "he" a
text speaks of, and what that settles of pregnancy. Phrasings are this file's own, in
voices away from the corpus items they stand for."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# -------------------------------------------- "pt" doing what only a person does


@pytest.mark.parametrize("text", [
    "No LOC when pt fell off the step stool Sunday, landed on her tailbone.",
    "Per daughter, never any trouble until pt slipped on the wet floor at church.",
    "Without warning pt collapsed in the kitchen - ED sent her home the same night.",
    "No numbness when pt hurt her back reaching for the call light.",
])
def test_a_fall_or_an_injury_of_her_own_is_the_patients_not_therapy(text: str) -> None:
    # the denial before it denies no therapy: "pt" here is the one who fell
    facts = read(text, "64493")
    assert "pt_weeks" not in facts
    assert "pt_courses_failed" not in facts


@pytest.mark.parametrize("text", [
    "No fracture on film after pt twisted his knee getting out of the truck",
    "ER called: CT negative, no bleed after pt banged his head on the cabinet.",
    "No other injury when pt lost his footing on the ladder at work.",
])
def test_his_injury_names_a_man_and_no_therapy(text: str) -> None:
    facts = read(text, "64493")
    assert "pt_weeks" not in facts
    assert str(facts.get("pregnancy")) == "not_applicable"


# ---------------------------------- a bullet's denial ends with the bullet's line


@pytest.mark.parametrize("text", [
    "Called report from the sending facility (all read to me):\n"
    "- CXR this evening: clear, no infiltrate\n"
    "pt hurt his back in a fall two days ago, nothing since.",
    "Results as of 2100, per the ED charge nurse on the phone:\n"
    "* Head CT: unremarkable, no bleed\n"
    "pt tripped and struck his head on the curb, no LOC.",
    "Transfer checklist, faxed from Oakview at 18:40 tonight:\n"
    "• UA: negative, no nitrites\n"
    "pt fell in the bathroom and hit his shoulder.",
])
def test_a_bullets_no_does_not_reach_the_line_under_it(text: str) -> None:
    facts = read(text, "64493")
    assert str(facts.get("pregnancy")) == "not_applicable"
    assert "pt_weeks" not in facts


# ------------------------------- a denial of pregnancy its own bracket explains


@pytest.mark.parametrize("text", [
    "Pre-procedure screen: no anticoagulants, not pregnant (this member is male).",
    "Pregnancy - not pregnant (she went through menopause years ago)",
    "not pregnant (pt had a total hysterectomy in 2011) - ok to proceed",
])
def test_the_reason_in_brackets_is_what_the_no_means(text: str) -> None:
    # no pregnancy because there can be none: the reason is the answer, not denied
    assert str(read(text, "64493").get("pregnancy")) == "not_applicable"


# ------------------------------- the age or sex written after the patient's name


@pytest.mark.parametrize("text", [
    "Resident: Olga Baptiste (77), R hip pain, uses a walker.",
    "Claimant: R. Oyelaran (M)     Carrier: Keystone Mutual",
    "Tues home visit, Marta Kowalski (80). Sleeping in the recliner due to back pain.",
    "my grandma? she's 78. back hurts her every day",
])
def test_an_age_or_sex_given_after_the_name_says_who_the_patient_is(text: str) -> None:
    assert str(read(text, "62311").get("pregnancy")) == "not_applicable"


# ------------------------------- the one a message is written to is no "he"


@pytest.mark.parametrize("text", [
    "Page from 4 West RN to Dr Haddad, 2210\nHe's desatting to 86% on 2 L, please come.",
    "To: Dr. Amin (pain clinic)\nHe has had low back pain since spring; asks for injections.",
    "Dear Dr Moss,\nHe was seen in our clinic on 11/20 for his knee.",
    "Handoff note to Dr Petrov - bed 9\nhe remains on 4 L, coughing less.",
])
def test_the_doctor_written_to_is_not_the_he_of_the_lines_below(text: str) -> None:
    assert str(read(text, "71250").get("pregnancy")) == "not_applicable"


# ------------------------------- the writer who is the patient, of himself


@pytest.mark.parametrize("text", [
    "Intake bot - Q: Any chance you are pregnant? A: haha im a guy",
    "pregnant?? no, I'm a dude. back has hurt since march",
    "Patient portal reply: I am a guy, so that question does not apply to me.",
])
def test_the_patients_own_word_for_himself_says_a_man(text: str) -> None:
    assert str(read(text, "64493").get("pregnancy")) == "not_applicable"

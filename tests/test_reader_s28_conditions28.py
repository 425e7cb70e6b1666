"""Conditions, regions, infection and symptoms (session 28, conditions28). Wordings are this
file's own, in several voices (a phone message, a school nurse's e-mail, a letter from
abroad, an intake form, a dictation, a chat reply), never a corpus note's sentence."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- "hurt" in any tense is the complaint whose length is asked --------------------------
# (a nurse reads "my wrist has hurt for five months" as five months of symptoms, as she
# reads "wrist pain for five months"; and "it hasn't hurt for two weeks" as no length of
# symptoms at all: the pain has been gone that long)

@pytest.mark.parametrize("text,cpt,value", [
    # a phone message
    ("this is Ray calling back, my right wrist has hurt for five months now", "97110",
     "5 months"),
    # a school nurse's e-mail
    ("Coach says Tomas's ankle keeps hurting him, about 3 months now.", "97110", "3 months"),
    # a dictation
    ("Her lower back has hurt since 06/01/2026, worse on bending.", "64493", "187 days"),
])
def test_hurt_in_any_tense_gives_the_length_of_symptoms(text: str, cpt: str,
                                                        value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


@pytest.mark.parametrize("text", [
    # a pain-free stretch is no length of symptoms
    "Good news - his shoulder hasn't hurt for two weeks since the cortisone shot.",
    "No pain for 10 days after starting the brace.",
    "It has not been hurting for a month now.",
    # another person's
    "Her husband's knee has hurt for a year; he is on our waiting list too.",
])
def test_a_pain_free_stretch_or_anothers_hurt_is_no_length_of_symptoms(text: str) -> None:
    assert "symptom_weeks" not in read(text, "97110")


def test_a_chat_reply_naming_the_hurting_part_answers_the_duration_question() -> None:
    # the knee is the complaint the question is about: its onset is the answer
    got = read("his knee has hurt since 10/05/2026", "97110", ["symptom_weeks"])
    assert str(got.get("symptom_weeks")) == "61 days"

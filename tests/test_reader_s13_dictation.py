"""A dictation that kept its voice commands (session 13: fresh17's dictated summary read
no fact at all). Spoken punctuation ends sentences where the speaker ended them, so a
negation stops at its "period"; "scratch that" between two figures takes back the first
figure only, not the sentence (a dictation with no full stops is one sentence)."""

from __future__ import annotations

from datetime import date

from agent.reading import understand
from agent.reading.text import spoken_punctuation

AS_OF = date(2026, 11, 27)


def read(text: str, cpt: str = "64493") -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


def test_a_figure_said_again_after_scratch_that_is_the_one_read() -> None:
    got = read("breakdown colon seven weeks supervised exercise comma four weeks of manual "
               "therapy comma and three weeks scratch that\ntwo weeks of pain management "
               "education period")
    assert got["pt_education_weeks"] == "2 weeks"
    assert got["pt_exercise_weeks"] == "7 weeks"
    assert got["pt_manual_weeks"] == "4 weeks"


def test_scratch_that_opening_a_sentence_still_takes_back_the_one_before() -> None:
    assert read("PT 14 weeks. Scratch that, PT was 12 weeks.")["pt_weeks"] == "12 weeks"
    assert read("He has an infection. Scratch that, he has no infection.",
                "62311")["active_infection"] is False


def test_a_spoken_period_ends_a_denial() -> None:
    text = ("the therapist confirmed two comma not three\nperiod PT plans and progress notes "
            "are in the chart comma including the modality flowsheets period new paragraph")
    assert read(text)["pt_notes_documented"] is True


def test_a_dictated_note_is_read_sentence_by_sentence() -> None:
    text = ("this is doctor Lindqvist dictating comma patient is a fifty five year old man "
            "period new paragraph he has had low back pain for eleven months period no fever "
            "comma no infection period not for cosmetic reasons period")
    got = read(text)
    assert got["symptom_weeks"] == "11 months"
    assert got["active_infection"] is False
    assert got["cosmetic_purpose"] is False
    assert got["pregnancy"] == "not_applicable"


def test_period_is_a_word_outside_a_dictation() -> None:
    # no voice commands elsewhere: "period" is the certification's, "comma" no mark
    text = "cert period 08/10-11/30, a period of 16 weeks; pt in a comma? no."
    assert spoken_punctuation(text) == text
    dictated = ("no fever comma no infection period new paragraph not cosmetic comma "
                "not pregnant period")
    written = spoken_punctuation(dictated)
    assert len(written) == len(dictated)  # every offset still points into the user's words
    assert written.split() == ["no", "fever,", "no", "infection.", "not", "cosmetic,", "not",
                               "pregnant."]
    assert "\n" in written

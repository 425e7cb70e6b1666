"""Conditions (session 34, conditions34): a doubt after "he" is no doubt of his sex; a form's
answer a portal filled in by itself and the writer disowns; a cosmetic procedure under a
history named after its kind; Hindi and Urdu typed in Latin letters, which deny after the
word and name relatives by their own words. Wordings are this file's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a doubt after the patient's pronoun ------------------------------------------------------
# ("he is not sure of the date" made the pregnancy "not sure", a value the user never gave)

@pytest.mark.parametrize("text", [
    "He is not sure of the date of his last nerve block.",
    "Spoke with the patient by phone; he is unsure when the films were taken.",
])
def test_doubt_after_his_pronoun_keeps_him_a_man(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pregnancy") == "not_applicable"


def test_doubt_after_his_pronoun_still_doubts_the_date() -> None:
    # near-miss: the date he is unsure of stays unread
    got = read("He is not sure of the date of his last nerve block.", "64493")
    assert "nerve_block_date" not in got


# --- a form's answer a portal put there by itself, disowned ----------------------------------

@pytest.mark.parametrize("text", [
    "The EHR auto-populated 'Active infection: Yes' by mistake.",
    'Our portal pre-filled "infection - yes" on the request in error.',
])
def test_prefilled_infection_in_error_is_not_read(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


@pytest.mark.parametrize("text", [
    "Cosmetic indication was pre-selected by the scheduling software in error. She has sciatica.",
    "The portal auto-populated cosmetic purpose = yes by mistake; the block is for facet pain.",
])
def test_prefilled_cosmetic_in_error_is_not_read(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is not True


def test_prefilled_form_without_error_still_reads() -> None:
    # near-miss: a "pre-filled" said of nothing wrong disowns nothing
    got = read("Infection: yes. Pre-filled forms are not accepted.", "62311")
    assert got.get("active_infection") is True


# --- a cosmetic procedure in a history named after its kind -----------------------------------

@pytest.mark.parametrize("text", [
    "Aesthetic history: blepharoplasty and fillers. Epidural requested for L5 radicular pain.",
    "Cosmetic surgery history - brow lift 2016. Injection for sciatica.",
])
def test_cosmetic_surgery_history_is_no_purpose(text: str) -> None:
    assert "cosmetic_purpose" not in read(text, "62311")


def test_cosmetic_purpose_after_a_history_line_still_reads() -> None:
    # near-miss: the request's own purpose in the next sentence
    got = read("Surgery history: none. The injection is wanted for cosmetic reasons.", "62311")
    assert got.get("cosmetic_purpose") is True


def test_cosmetic_history_beside_a_denied_purpose_reads_no() -> None:
    text = "Applicant (M, 58): cosmetic surgery history - facelift 2012.\n" \
        "CT chest now for a cough of 2 months, not cosmetic."
    assert read(text, "71250").get("cosmetic_purpose") is False


# --- Hindi and Urdu typed in Latin letters ------------------------------------------------------

@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Mareeza pregnant nahi hai.", "pregnancy", "not_pregnant"),
    ("Koi infection nahi, bukhaar bhi nahi.", "active_infection", False),
    ("Pneumonia nahin hai, sirf khansi.", "bacterial_pneumonia", False),
])
def test_denial_after_the_word(text: str, fact: str, value: object) -> None:
    cpt = "71250" if fact == "bacterial_pneumonia" else "62311"
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text", [
    # whether or not, not known yet
    "Infection hai ya nahi, abhi pata nahi.",
    # a relative's
    "Uski khala ko infection hai.",
    "Chachi ko infection hua, woh antibiotics par hain.",
])
def test_no_infection_read_from_a_doubt_or_a_relative(text: str) -> None:
    assert "active_infection" not in read(text, "62311")


def test_verb_denied_after_the_noun_is_no_denial() -> None:
    # near-miss: "not healed yet" is an infection still there, never "no infection"
    assert read("Infection abhi theek nahi hua.", "62311").get("active_infection") is True


# --- the youngest child's age in years: no postpartum now --------------------------------------
# (two complete notes said "Youngest child is 5" and "youngest child is 6 years old" and were
# asked whether she had given birth recently)

@pytest.mark.parametrize("text", [
    "Mother of three, youngest is 4 - no recent deliveries mentioned otherwise.",
    "Her youngest is now 9; she is not breastfeeding.",
    "Two children, youngest 14.",
    "Kids at home, youngest aged 3.",
])
def test_youngest_child_years_old_is_not_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is False


@pytest.mark.parametrize("text", [
    # near-misses: an age in months or weeks leaves a recent birth open
    "Her youngest is 3 months old.",
    "Youngest is a 6-week-old, bottle fed.",
    "Youngest child is 5/12 (UK notation for months).",
    # a count of children, no age
    "The youngest 2 kids have colds; she brought them along.",
])
def test_youngest_child_months_old_says_nothing(text: str) -> None:
    assert "postpartum" not in read(text, "97110")

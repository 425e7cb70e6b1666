"""Care tried (session 33, care33): a clinician's expectation that supervised therapy will
help, and lifestyle care said in other words. Wordings are this file's own, in several
voices (a GP's referral, a sports physician's e-mail, an IME report, a UR nurse's summary,
a British letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- the expected benefit of therapy, with its person and outcome ----------------------------
# (a nurse reads "I expect her to do well with physio" as the benefit the policy asks for; it
# was asked because only "expect ... to benefit" and "should do well with PT" were known)

@pytest.mark.parametrize("text", [
    # a GP's referral
    "I have referred her for a course of physiotherapy and expect her to do really well.",
    # a sports physician's e-mail
    "Having seen her today, I expect she'll do very well with physiotherapy.",
    # an IME report, the outcome said of the care itself
    "Further supervised therapy is expected to produce functional gains.",
    # a consultant's letter, British spelling
    "She has been offered a supervised strengthening programme and I expect her to respond "
    "favourably.",
    # the care named by what it does
    "I expect him to make a full recovery with a graded loading program.",
    # the expectation of the care itself, in plain words
    "Ortho recommends physical therapy and expects it to help.",
])
def test_expectation_of_therapy_reads_benefit(text: str) -> None:
    assert read(text, "97110").get("pt_expected_benefit") is True


@pytest.mark.parametrize("text", [
    # denied
    "I do not expect him to do well with PT given his poor attendance.",
    # past, how it went
    "He did not do well with PT and stopped after four visits.",
    # no verb of expecting: waiting is no expectation
    "We waited for her to respond to physical therapy, but nothing changed.",
    # someone else's expectation
    "Her sister expects she'll do well with physio.",
    # the outcome with no care named in its sentence
    "I expect him to do well.",
])
def test_no_expectation_of_therapy_is_not_read(text: str) -> None:
    assert "pt_expected_benefit" not in read(text, "97110")


def test_therapy_expected_not_to_help_reads_no_benefit() -> None:
    got = read("In my view more physical therapy is not expected to be of benefit.", "97110")
    assert got.get("pt_expected_benefit") is False


def test_known_wording_stays_read() -> None:
    # (near-miss: the wording read before this session is unchanged)
    assert read("Good rehab potential; she should do well with PT.", "97110").get(
        "pt_expected_benefit") is True


# --- lifestyle care in other words ------------------------------------------------------------
# (a list of PT, a drug and a British "weight programme" or a lifting restriction is the whole
# list of three kinds, not two kinds and a question)

_ALL_THREE = ["lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    # a British letter
    "Conservative care: physiotherapy for 8 weeks, then diclofenac with a walking programme, "
    "no improvement.",
    # a UR nurse's summary
    "Treatment: PT x 6 wks, then meloxicam x 6 wks, with a 20-lb lifting restriction "
    "throughout. Neither helped.",
    # an occupational health note
    "He did PT and took naproxen, and he changed jobs to avoid heavy lifting; no change.",
    # a new desk set up for the back
    "PT 8 weeks and gabapentin, plus a new desk set-up at work - none of it helped.",
])
def test_lifestyle_in_other_words_completes_the_list(text: str) -> None:
    assert read(text, "62311").get("conservative_treatments") == _ALL_THREE


@pytest.mark.parametrize("text", [
    # a work status denied is no lifestyle care denied: still asked
    "Tried PT and naproxen. Work restrictions: none.",
    "PT and naproxen, no lifting restrictions.",
    # (near-miss: two kinds, nothing said of lifestyle: asked, as before)
    "PT 8 weeks and naproxen, no improvement.",
])
def test_two_kinds_without_lifestyle_stays_asked(text: str) -> None:
    assert "conservative_treatments" not in read(text, "62311")

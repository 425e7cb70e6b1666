"""A gait or balance said to be well in a sentence of its own words (session 31, false31):
"his gait is normal", "balance was intact on testing" say no impaired balance or gait, as
"normal gait" already did; another finding's word ("neuro intact") or a measure's share
("20% of normal") beside the gait says nothing of it. Wordings are this file's own (a
phone message, a physiotherapist's letter, a home-visit note, a dictation, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


@pytest.mark.parametrize("text", [
    # a phone message from the physio's front desk
    "Physio called back: her gait is normal and she held single-leg stance 30 s each side.",
    # a physiotherapist's letter from abroad
    "On assessment today his balance was entirely normal on the Berg scale.",
    # a home-visit note
    "Walks the hallway unaided; gait remains steady per my visit.",
    # a dictation
    "Balance was tested and is intact, period, new paragraph.",
    # a chat reply after another chart was open
    "ignore the walker, that was the wrong chart. for this patient gait is normal",
])
def test_gait_or_balance_said_well_is_no_impairment(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is False


@pytest.mark.parametrize("text", [
    # another finding's word after the gait: the gait stays impaired
    "Exam: flexion 40 deg / gait antalgic, broad-based / neuro intact",
    # a measure's share before the gait
    "Extension limited to 30% of normal, gait antalgic with a cane.",
    # either one impaired meets the policy
    "His gait is normal but his balance is impaired on tandem stance.",
])
def test_a_near_word_of_another_finding_leaves_the_impairment(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is True


@pytest.mark.parametrize("text", [
    # a check still to make
    "PT to see whether her gait is normal at the next visit.",
    # someone else's
    "Her husband's gait is normal; hers was not looked at.",
    # a question
    "Is his gait normal?",
])
def test_gait_normal_in_a_check_or_of_another_is_not_read(text: str) -> None:
    assert "impaired_balance_gait" not in read(text, "64493")

"""Session 34, coordinator: Swahili puts a length's unit before its figure ("kwa miezi 5",
"physio wiki 6"). Unread as a length, the bare figure was taken as a pain score, and a
pain score "now" less the change said gave a false baseline (fresh37's dispensary referral,
a qualifying case, was denied so). Wordings are this file's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize(("text", "value"), [
    ("Historia: maumivu ya shingo (neck pain) kwa miezi 4.", "4 months"),
    ("Back pain radiating to the right leg kwa miezi 8.", "8 months"),
    ("Back pain kwa wiki 10, worse on stairs.", "10 weeks"),
])
def test_a_length_written_unit_first_is_a_length(text: str, value: str) -> None:
    assert read(text, "62311").get("symptom_weeks") == value


@pytest.mark.parametrize("text", [
    "Lumbar pain down the right leg (sciatica)\nkwa miezi 6. Worse by 2 points since PT.",
    "Neck pain for a while, miezi 7; NRS up 3.",
])
def test_a_unit_first_length_is_no_pain_score(text: str) -> None:
    got = read(text, "62311")
    assert "pain_nrs_baseline" not in got  # (had been the length less the change: 4)


def test_the_swahili_before_and_now_scores_are_read() -> None:
    got = read("Maumivu (NRS): kabla ya matibabu 4/10; sasa 7/10.", "62311")
    assert got.get("pain_nrs_baseline") == "4" and got.get("pain_nrs_increase") == "3"


@pytest.mark.parametrize("text", [
    "Mgonjwa miaka 41, back pain 6/10.",     # "miaka" (years) is an age, never read as a length
    "See the wiki 5 page for the PT protocol.",  # (no length: a page's number after a word)
])
def test_near_misses_read_no_length(text: str) -> None:
    assert "symptom_weeks" not in read(text, "62311")

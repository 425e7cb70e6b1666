"""A question's label answered "No" after its colon is never read as yes (who18's open
input, session 18: "Anything cosmetic about this shot: No, it's for the pain." read
cosmetic, a denial of 64493, the "No," taken as an interjection). Wordings are the
coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "fact"), [
    ("Anything cosmetic about this shot: No, it's for the pain.", "cosmetic_purpose"),
    ("Any sign of infection at the site: no, skin clean.", "active_infection"),
    ("Any chance she is pregnant: no.", "pregnancy"),
])
def test_a_label_answered_no_is_never_yes(text: str, fact: str) -> None:
    assert read(text, "64493").get(fact) not in (True, "pregnant")


def test_a_label_answered_with_a_finding_is_read() -> None:
    # "no" opening a finding is no answer to the label: the finding's own denial
    got = read("Infection screen: no active infection.", "64493")
    assert got.get("active_infection") is False

"""A bracket that says why a state ended opens a new statement (outside tester 18 F6: "No
longer pregnant (delivered 11/20/2026)." read not postpartum, a 97110 criterion). Wordings
are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize("text", [
    "No longer pregnant (delivered 11/02/2026 by C-section).",
    "Not pregnant anymore (gave birth 10/30/2026).",
    "She is no longer pregnant (baby born 11/15/2026).",
])
def test_a_delivery_in_brackets_after_no_longer_pregnant_is_postpartum(text: str) -> None:
    got = read(text, "97110")
    assert got.get("postpartum") is not False
    assert got.get("pregnancy") != "pregnant"


def test_a_delivery_denied_is_still_denied() -> None:
    assert read("No delivery in the past year.", "97110").get("postpartum") is False

"""A nurse's shorthand answers to the PT-part questions (outside tester 18 C7: "3 manual w/
heat + tens" was "not an answer to the question about manual therapy and modalities";
"10 supervised ex" could not be read)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))
PENDING = ["pt_exercise_weeks", "pt_manual_weeks", "pt_education_weeks"]


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("4 manual w/ heat + tens", "pt_manual_weeks", "4"),
    ("manual with heat 5", "pt_manual_weeks", "5"),
    ("9 supervised ex", "pt_exercise_weeks", "9"),
    ("sup ex 8 wks", "pt_exercise_weeks", "8 weeks"),
])
def test_a_shorthand_answer_names_its_part(text: str, fact: str, value: str) -> None:
    assert str(read(text, "64493", PENDING).get(fact)) == value

"""A field answered with a program's literal (session 13: fresh17's FHIR bundle,
"cosmetic-purpose = false | active-infection = false", read a cosmetic purpose and an
active infection, a final denial of a case that qualifies). An export's label joined by
hyphens or underscores and answered ``true``/``false`` is the field as staff write it."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 11, 27)


read = reader_at(AS_OF)


@pytest.mark.parametrize(("text", "cpt", "expected"), [
    ("Extension (payer questions): comorbidities-severe = none | "
     "failed-conservative-treatment = true | cosmetic-purpose = false | "
     "active-infection = false", "64493", {"active_infection": False, "cosmetic_purpose": False}),
    ('{"active_infection": false, "pregnant": false}', "62311", {"active_infection": False}),
    ("active_infection: false\ncosmetic_purpose: false", "97110",
     {"active_infection": False, "cosmetic_purpose": False}),
    ("Active infection = false", "62311", {"active_infection": False}),
])
def test_a_literal_false_answers_the_field_no(text: str, cpt: str,
                                              expected: dict[str, object]) -> None:
    got = read(text, cpt)
    for fact, value in expected.items():
        assert got.get(fact, "unread") in (value, "unread")
    assert any(got.get(fact) == value for fact, value in expected.items())


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("active-infection = true", "62311", "active_infection"),
    ("Active infection: true (UTI on nitrofurantoin)", "62311", "active_infection"),
])
def test_a_literal_true_answers_the_field_yes(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt)[fact] is True


def test_a_literal_never_turns_a_no_into_a_yes() -> None:
    # the answer is read from the literal, never from the label's own word
    for text in ("cosmetic-purpose = false", "cosmetic_purpose: false", "Cosmetic: false"):
        assert read(text, "64493").get("cosmetic_purpose") is not True

"""A closing denial of a whole list ("- none apply", "denies all") denies its items, but
not a statement of its own inside the same sentence ("Pt pregnant, infection - none
apply": the pregnancy is said). Outside tester 21 F8; wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize("text", [
    "pregnancy, infection, anticoagulation -- denies all",
    "Screening qs: pregnancy, active infection, blood thinners - she denied all.",
    "Asked about pregnancy, fever, infection - pt denies all of these.",
])
def test_a_denial_of_all_after_a_list_denies_each_item(text: str) -> None:
    facts = read(text, "62311")
    assert str(facts.get("pregnancy")) != "pregnant"
    assert facts.get("active_infection") is not True


@pytest.mark.parametrize("text", [
    "Pt pregnant, infection - none apply.",
    "She is pregnant (12 wks), infection and fever were all ruled out.",
    "Patient is pregnant, UTI, skin infection: all negative.",
])
def test_a_statement_before_the_list_keeps_what_it_says(text: str) -> None:
    facts = read(text, "62311")
    assert str(facts.get("pregnancy")) == "pregnant"
    assert facts.get("active_infection") is False

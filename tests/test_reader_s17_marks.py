"""A finding marked absent by a minus sign, as review-of-systems and urgent-care lists write
it, is absent (outside tester 17, M17: "-infection, -DM" read an active infection, a
denial); a minus that joins or a bullet marks nothing."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "-infection, -DM"),
    ("64493", "Fever -  Infection -  DM +"),
    ("64493", "+ LBP, - infection"),
    ("97110", "Skin infection -\nFever -\nKnee pain +"),
    ("62311", "ROS: fever-, chills-, UTI-"),
])
def test_a_finding_marked_minus_is_not_read_present(cpt: str, text: str) -> None:
    assert str(read(text, cpt).get("active_infection")) != "True"


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("- Active infection: UTI on nitrofurantoin", "active_infection", "True"),
    ("LBP - worse with standing, 7/10", "pain_nrs", "7"),
    ("A/P: restrictive + obstructive pattern on PFTs. Pulmonology consulted -\nnote in chart.",
     "pulmonary_disease_signs", "True"),
])
def test_a_bullet_or_a_dash_in_a_sentence_marks_nothing(text: str, fact: str, value: str) -> None:
    cpt = "71250" if fact == "pulmonary_disease_signs" else "64493"
    assert str(read(text, cpt).get(fact)) == value

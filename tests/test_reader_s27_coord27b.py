"""Session 27, outside testers 25 and 27 (BOX): a tick box typed two or three spaces wide
("[  ]", "[ X ]") was no box to the reader, so "Infection  [  ] Yes  [X] No" read an
infection, and a pregnancy, a cosmetic purpose or a pneumonia the same way. Wordings are
this file's own (a pain clinic's intake fax, an imaging pre-screen, a PT intake form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Current infection?   [  ] Yes   [X] No", "active_infection", False),
    ("64493", "Pregnant:  [  ] Yes  [ X ] No", "pregnancy", "not_pregnant"),
    ("97110", "Cosmetic reason for therapy  [   ] Yes  [X] No", "cosmetic_purpose", False),
    ("71250", "Suspected bacterial pneumonia  [  ] Yes  [ x ] No", "bacterial_pneumonia", False),
])
def test_a_wide_empty_box_is_not_ticked(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Active infection:  [ X ] Yes  [  ] No", "active_infection", True),
    ("64493", "Pregnant  [ x ] Yes   [  ] No", "pregnancy", "pregnant"),
    ("71250", "Clinically unstable  [ X ] Yes  [  ] No", "clinically_unstable", True),
])
def test_a_wide_ticked_box_is_ticked(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_guard_a_one_space_box_reads_as_before() -> None:
    assert read("Infection [ ] Yes [X] No", "64493").get("active_infection") is False
    assert read("Infection [X] Yes [ ] No", "64493").get("active_infection") is True

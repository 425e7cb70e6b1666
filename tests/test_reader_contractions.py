"""A contraction typed without its apostrophe ("isnt", "doesnt") denies as the written
one does (outside tester session 11, F1: "pt isnt pregnant" read the patient pregnant, a
final denial)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from agent.reading import understand


def _read(text: str, cpt: str) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 3))
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the tester's inputs
    ("pt isnt pregnant", "64493", "pregnancy", "not_pregnant"),
    ("Pt doesnt have an infection", "64493", "active_infection", False),
    ("the injection isnt for cosmetic reasons", "64493", "cosmetic_purpose", False),
    ("Pt doesnt have bacterial pneumonia per CXR.", "71250", "bacterial_pneumonia", False),
    # my own wordings
    ("She wasnt pregnant at the visit and doesnt have any infection.", "97110",
     "active_infection", False),
    ("he hasnt had any PT", "64493", "pt_exercise_weeks", 0),
    ("Patient dont have an active infection.", "62311", "active_infection", False),
])
def test_a_contraction_without_its_apostrophe_denies(text: str, cpt: str, fact: str,
                                                     value: object) -> None:
    got = _read(text, cpt)
    assert got.get(fact) == value
    # as with the apostrophe
    assert got == _read(re.sub(r"\b(is|was|does|do|has|did)nt\b", r"\1n't", text), cpt)

"""False and wrong facts of the fresh12 items and notes for 62311 and 64493 (session 10,
studied after fresh12 moved into the corpus), one named test each: the failing input and
other wordings of the same thing, so each fix is a rule, not a string.
"""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def _read(text: str, cpt: str, pending: list[str] | None = None) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize("text", [
    "She asked about pregnancy: pt is 34F, hCG neg 11/18 per the ortho note.",
    # my own wordings
    "The rep asked about pregnancy: she is 34, hCG negative 11/18.",
    "Reviewer asked about pregnancy - 29F, negative urine hCG today.",
])
def test_a_topic_someone_asked_about_is_no_answer_to_it(text: str) -> None:
    assert _read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    'Rep asked pain score: wife said "an 8 most days"; pt himself said 6.',
    # my own wordings
    "Pain score per wife 8/10.",
    "Pain: his daughter reports 9/10.",
    "NRS - husband says about a 7.",
])
def test_a_score_a_relative_gives_is_not_the_patients_pain_score(text: str) -> None:
    assert "pain_nrs" not in _read(text, "64493")


def test_a_score_with_no_relative_between_is_still_read() -> None:
    assert _read("Pain 7/10, wife at bedside.", "64493")["pain_nrs"] == "7"

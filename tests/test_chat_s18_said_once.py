"""A reply never says it noted words and could not read the same words (outside tester 18
C8: "pt delivered 11/20/2026" was "Noted: Postpartum: yes" and "Could not read 'pt
delivered 11/20/2026'"; "the cosmetic answer is no, it's not cosmetic" noted the answer
and could not read its restatement). A day right after a reading's words is its day; a
clause that names again only a fact read from the message restates it. A clause with a
figure no reading took is still said back."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 4)


def _said_back(text: str, cpt: str) -> list[str]:
    return [u.words for u in understand(text, cpt=cpt, pending=[], as_of=AS_OF).unread]


@pytest.mark.parametrize(("text", "cpt"), [
    ("she delivered 11/20/2026", "97110"),
    ("pt delivered on 11/02/2026", "97110"),
    ("infection is no, there's no infection", "64493"),
    ("not cosmetic, its not for cosmetic reasons", "62311"),
])
def test_what_was_noted_is_not_also_said_unread(text: str, cpt: str) -> None:
    assert _said_back(text, cpt) == []


@pytest.mark.parametrize(("text", "cpt", "words"), [
    ("he has had symptoms since 02/2026", "64493", "he has had symptoms since 02/2026"),
    ("she delivered, then the knee gave way in the gym 10/01/2026", "97110",
     "the knee gave way in the gym 10/01/2026"),
])
def test_a_figure_no_reading_took_is_still_said_back(text: str, cpt: str, words: str) -> None:
    assert any(words in w for w in _said_back(text, cpt)), _said_back(text, cpt)

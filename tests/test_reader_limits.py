"""A paste longer than the reader's limit is refused with a message, never half-read."""

from __future__ import annotations

from datetime import date

from agent.reading import MAX_MESSAGE_CHARS, understand


def test_an_overlong_paste_is_refused_with_the_limit_named() -> None:
    note = "PT x 14 wks. No active infection. " * (MAX_MESSAGE_CHARS // 30)
    got = understand(note, cpt="64493", pending=[], as_of=date(2026, 11, 23))
    assert got.facts == []
    assert any(f"{MAX_MESSAGE_CHARS:,}" in n and "in parts" in n for n in got.notices)


def test_a_paste_just_under_the_limit_is_read() -> None:
    note = ("No active infection. " + "Unremarkable. " * (MAX_MESSAGE_CHARS // 20))[
        :MAX_MESSAGE_CHARS - 20] + " PT x 14 wks."
    got = understand(note, cpt="64493", pending=[], as_of=date(2026, 11, 23))
    assert {r.fact for r in got.facts} >= {"active_infection", "pt_weeks"}

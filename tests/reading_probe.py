"""What the offline reader states for a text, as the reader tests assert on it: one helper
for every test file instead of a copy of the same three lines in each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from agent.reading import understand


def reader_at(as_of: date) -> Callable[..., dict[str, object]]:
    """``read(text, cpt, pending=None, as_of=as_of)``: each fact read from ``text`` under
    policy ``cpt`` and its value, on the day ``as_of`` (durations count to it)."""

    def read(text: str, cpt: str, pending: list[str] | None = None,
             as_of: date = as_of) -> dict[str, object]:
        got = understand(text, cpt=cpt, pending=pending or [], as_of=as_of)
        return {r.fact: r.value for r in got.facts}

    return read

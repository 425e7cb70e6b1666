"""A study dated but never done is no study: its date is asked, not stored.

Outside tester, session 9, F4: "MRI knee 2026-11-01 (ordered, pt did not go)." read an
MRI done on 2026-11-01, so 97110.coverage.4.2 (an MRI is required) showed met for a
patient who never had one.
"""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def _read(text: str) -> tuple[dict[str, object], list[str]]:
    got = understand(text, cpt="97110", pending=[], as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}, [u.why for u in got.unread]


@pytest.mark.parametrize("text", [
    "MRI knee 2026-11-01 (ordered, pt did not go).",
    # my own wordings
    "MRI knee 11/01/2026, pt never went",
    "MRI R shoulder 10/20/2026 (requested; patient didn't go)",
])
def test_a_study_ordered_but_never_done_is_asked(text: str) -> None:
    facts, why = _read(text)
    assert "mri_date" not in facts
    assert "was it done?" in why


def test_a_study_done_keeps_its_date() -> None:
    assert _read("MRI R knee 2026-10-15: small effusion.")[0]["mri_date"] == "2026-10-15"

"""Session 37, chat37: outside tester 36's decision-changing chat findings, as whole chats
(a note pasted, then one typed line) and as readings of the typed line. F7: an answer
that a record is on file ("yes, the history with meds, allergies and surgeries is on
file") also filed the consult asked beside it, from its last words ("surgeries is on
file"), and passed the case. Wordings and notes are this file's own; near-misses keep
what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]

_ESI = """Ortho spine clinic - ESI request 12/01/2026
Patient: Oskar Lindqvist   DOB 03/14/1968   male
Right L5 radicular pain for 28 weeks, worse. Pain today 8/10; 5/10 before conservative care \
began, up 3 points.
Conservative care: medication management (naproxen, 8 weeks), lifestyle modification and \
physical therapy (12 weeks), 20 weeks in all, both courses failed; dated logs on file.
ODI 52% -> 30% over the last 6 weeks: significant improvement.
MRI lumbar 11/10/2026: right L5 nerve root compression with inflammation, L4-5 foraminal \
stenosis; readable.
CRP 18 and ESR 31, both raised; labs on file.
H&P exam 11/30/2026: positive SLR on the right, neuro exam and pain assessment complete. \
Cannot work or lift.
No active infection. No diabetes, no liver disease, no bleeding disorder. Not cosmetic.
"""


def _read(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


# --- F7: an "on file" answer files only the record it names --------------------------------

_DOCS = ["hp_history_documented", "pain_or_pcp_consult_documented"]


@pytest.mark.parametrize("text", [
    "yes, the history with meds, allergies and surgeries is on file",
    "yes - H&P with medication list, allergies, prior surgeries in chart",
    "yep: history w/ current meds + allergy list + past surgeries is in the chart",
])
def test_the_history_answer_files_no_consult(text: str) -> None:
    facts = _read(text, "62311", _DOCS)
    assert facts.get("hp_history_documented") is True
    assert "pain_or_pcp_consult_documented" not in facts


@pytest.mark.parametrize("text", [
    "the pain management consult is on file",
    "yes, history with surgeries on file, and the pain management consult is on file too",
    "yes both: history and PCP consult on file",
])
def test_a_consult_said_on_file_is_still_read(text: str) -> None:
    assert _read(text, "62311", _DOCS).get("pain_or_pcp_consult_documented") is True


def test_the_chat_still_asks_the_consult_after_the_history_answer(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?", cpt="62311")
    turn = bot.send("c", _ESI)
    assert set(turn.pending) == set(_DOCS)
    turn = bot.send("c", "yes, the history with meds, allergies and surgeries is on file")
    assert turn.facts["hp_history_documented"]["value"] is True
    assert "pain_or_pcp_consult_documented" not in turn.facts
    assert turn.decision == "needs_info"
    assert list(turn.pending) == ["pain_or_pcp_consult_documented"]

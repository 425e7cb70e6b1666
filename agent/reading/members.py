"""Members of a stored list that a message takes out: "she has no hypertension",
"correction: she does not have hypertension", "the hypertension is wrong" with
Hypertension among the stored severe comorbidities (outside tester 32 F1/C1: the chat
answered "ruled out, as said" and kept Hypertension, and its review row, in the table).

The stored list loses the members; a list left empty is set aside and asked again, never
turned into "none": that the patient has no hypertension says nothing of the rest.
"""

from __future__ import annotations

from typing import Any

from agent.reading.corrections import _SAID_WRONG, _TAKE_AWAY, _UNSEEN
from agent.reading.message import _Message
from agent.reading.model import FactReading, Unread
from agent.reading.selection import _Selection
from agent.reading.text import hits


def _stored_members(msg: _Message, known: dict[str, Any]) -> dict[str, list[str]]:
    """The stored set facts of the message's policy that hold members."""
    return {name: list(value) for name, value in known.items()
            if value is not _UNSEEN and isinstance(value, list) and value and
            name in msg.rules and msg.rules[name].choices and
            name in msg.specs and msg.specs[name].type == "set"}


def _called_wrong(msg: _Message, name: str, stored: list[str]) -> tuple[set[str], str]:
    """Stored members the message calls wrong or asks to remove by their own words
    ("the hypertension is wrong", "remove the HTN"), and the words that do."""
    lower = msg.text.lower()
    rule = msg.rules[name]
    out: set[str] = set()
    words = ""
    for m in [*_TAKE_AWAY.finditer(lower), *_SAID_WRONG.finditer(lower)]:
        what = m["what"].strip()
        named = {member for member in stored
                 if any(a == 0 for a, _b in hits(what, rule.choices.get(member, ())))}
        if named:
            out |= named
            words = words or msg.text[m.start():m.end()].strip(" ,.;!?")
    return out, words


def members_taken_out(msg: _Message, sel: _Selection, known: dict[str, Any] | None
                      ) -> tuple[list[FactReading], list[str], list[str]]:
    """The stored lists the message takes members out of: readings of what is left,
    the facts whose list it empties (asked again), and the words that did it (no
    "could not use" left for them)."""
    readings: list[FactReading] = []
    emptied: list[str] = []
    spent: list[str] = []
    for name, stored in _stored_members(msg, known or {}).items():
        denied, words = sel.denied.get(name, (frozenset(), ""))
        out = set(stored) & denied
        wrong, wrong_words = _called_wrong(msg, name, stored)
        if not out | wrong:
            continue
        rest = [m for m in stored if m not in out | wrong]
        said = words if out else wrong_words
        spent.append(said)
        if rest:
            readings.append(FactReading(fact=name, value=rest, words=said))  # type: ignore[arg-type]
        else:
            emptied.append(name)
    return readings, emptied, spent


def without_spent(unread: list[Unread], spent: list[str]) -> list[Unread]:
    """``unread`` without the parts whose words took members out."""
    return [u for u in unread if not any(
        w and (u.words in w or w in u.words) for w in spent)]

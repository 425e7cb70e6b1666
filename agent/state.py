"""The conversation state LangGraph checkpoints after every step.

Everything here is JSON-plain (str, int, list, dict) so SQLite and Postgres
checkpointers store and restore it without custom serialisers.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Annotated, Any


@dataclass
class State:
    messages: Annotated[list[dict[str, str]], operator.add] = field(default_factory=list)
    """The transcript: ``{"role": "user" | "assistant", "content": ...}``, appended to."""

    inbox: str = ""
    """The user message this step is working on."""

    edits: dict[str, Any] = field(default_factory=dict)
    """Facts the user set directly (the web app's fact editor): fact → raw value, None
    meaning "not sure". When present they are this message's reading; no text is read."""

    turn: int = 0
    """How many user messages the conversation has had."""

    as_of: str = ""
    """ISO date the policy is applied on ("within the past 6 months" counts back from it)."""

    cpt: str | None = None
    """The procedure being checked, once known."""

    cpt_source: dict[str, Any] = field(default_factory=dict)
    """Where ``cpt`` came from: ``{"words", "how" (code | asked | named), "turn"}``, for
    "what procedure did you pick?" (outside tester 20 C1)."""

    patient: dict[str, Any] = field(default_factory=dict)
    """The name and date of birth the case's documents label (``PatientId`` as plain data,
    with the ``turn`` that gave it), so another patient's note is not merged into it."""

    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    """fact → ``{"value", "origin" (stated | inferred | confirmed), "turn", "words"}``.
    A value of None means the user said they do not know."""

    pending: list[str] = field(default_factory=list)
    """Facts asked about in the last reply, in the order asked."""

    confirm: list[str] = field(default_factory=list)
    """Inferred facts waiting for the user's yes before the checker may use them."""

    asked: list[str] = field(default_factory=list)
    """Every fact the assistant has asked for, once each."""

    listed: list[str] = field(default_factory=list)
    """The questions of the last reply that listed any: once a decision lists none, a
    bare reply still answers those left open ("13 weeks" right after the denial)."""

    asked_back: list[str] = field(default_factory=list)
    """Facts whose words the last message gave but whose value the assistant asked back
    ("which date exactly?"): asked first next turn, so a bare answer lands."""

    severity_asked: dict[str, str] = field(default_factory=dict)
    """Facts asked back because a condition was named without its severity ("diabetes:
    is it severe?"), with the condition's words: the next reply's "yes" or "mild" is
    about that condition."""

    correct_asked: dict[str, Any] = field(default_factory=dict)
    """A figure asked back as "which does it correct: A or B?": ``{"words", "facts"}``;
    the next reply naming one of them ("the conservative treatment") gives it that figure."""

    verdict: dict[str, Any] | None = None
    """The checker's latest verdict (docs/contract.md §3 JSON)."""

    previous_decision: str | None = None
    """The decision before this turn, to show a change."""

    aside: dict[str, Any] = field(default_factory=dict)
    """The stored answers the last message that set any aside took away (``{"turn",
    "facts": {fact: entry}}``), so "undo that last answer" can put them back (outside
    tester 31 C2: it undid the pasted note before the set-aside instead)."""

    last_change: dict[str, Any] = field(default_factory=dict)
    """The last turn that changed the case: ``{"said": [what changed, in words],
    "before": decision before it}``; kept across turns for "what changed?" (an undo or a
    correction changes the case as much as new facts do)."""

    understanding: dict[str, Any] = field(default_factory=dict)
    """What this turn's message was read as (``agent.understand.Understanding``)."""

    intent: dict[str, Any] = field(default_factory=dict)
    """A request this message makes of the agent itself (``agent.intents.Intent``)."""

    retrieved: list[dict[str, Any]] = field(default_factory=list)
    """Policy clauses found for this turn's question."""

    changes: list[str] = field(default_factory=list)
    """This turn's updates to facts, in words ("Physical therapy: 4 → 14 weeks")."""

    notices: list[str] = field(default_factory=list)
    """Things to tell the user this turn (unreadable values, LLM fallback, ...)."""

    read: list[dict[str, Any]] = field(default_factory=list)
    """Facts applied this turn: ``{"fact", "label", "value" (in words), "words", "origin"}``."""

    unread: list[dict[str, str]] = field(default_factory=list)
    """This turn's words that looked like case details but could not be read, and why
    (:class:`agent.reading.model.Unread` as plain data, for the checkpoint)."""

    open_before: int | None = None
    """How many questions were open before this turn's check (to explain a rise)."""

    reply: str = ""
    """The assistant's reply for this turn, as Markdown (the transcript's text)."""

    reply_data: dict[str, Any] = field(default_factory=dict)
    """The same reply as data (``agent.reply.Reply``), which every medium renders."""

    llm_calls: int = 0
    """Model calls made over the conversation (LLM mode)."""

"""A conversation API over the graph: send a message, get the reply and the verdict.

The CLI chat, ``priorauth check --text``, the eval runner and the web UI all talk to
the agent through :class:`Assistant`. It hides LangGraph's pause/resume: when a
thread is waiting at ``interrupt()``, the next message resumes it; otherwise the
message starts a new step on the same thread (so facts and verdict persist).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from langgraph.types import Command

from agent import storage
from agent.audit import AuditLog
from agent.config import Settings
from agent.graph import build_graph
from agent.reply import Reply

log = logging.getLogger("priorauth.agent")


@dataclass
class Turn:
    """What one user message produced."""

    reply: str
    verdict: dict[str, Any] | None
    pending: list[str]
    asked: list[str]
    facts: dict[str, dict[str, Any]]
    cpt: str | None
    seconds: float
    llm_calls: int = 0
    waiting: bool = False
    """The thread is paused for the user's answers."""
    questions: list[dict[str, Any]] = field(default_factory=list)
    retrieved: list[dict[str, Any]] = field(default_factory=list)
    """Policy clauses found for this turn's question (``{"clause", "score", "quote", ...}``)."""
    structured: Reply = field(default_factory=Reply)
    """The reply as data (``reply`` is its Markdown); every medium renders this."""

    @property
    def decision(self) -> str | None:
        return self.verdict["decision"] if self.verdict else None


def open_checkpointer(settings: Settings) -> tuple[Any, AbstractContextManager | None]:
    """SQLite in the data dir by default; Postgres when PRIORAUTH_DATABASE_URL is set."""
    if settings.database_url:
        from langgraph.checkpoint.postgres import PostgresSaver

        manager = PostgresSaver.from_conn_string(settings.database_url)
        saver = manager.__enter__()
        saver.setup()
        return saver, manager
    from langgraph.checkpoint.sqlite import SqliteSaver

    conn = storage.connect(settings.sqlite_path)  # one-line StorageError names file or dir
    saver = SqliteSaver(conn)
    with storage.explained(settings.sqlite_path):
        saver.setup()  # a read-only or damaged file shows here, before the first message
    return saver, contextlib.closing(conn)  # Assistant.close() closes the file


class Assistant:
    """The agent behind every interface. Thread-safe; one graph, many conversations."""

    def __init__(self, settings: Settings | None = None, checkpointer: Any = None,
                 as_of: date | None = None, *, audit: AuditLog | None = None,
                 source: str = "chat") -> None:
        self.settings = settings or Settings()
        self._manager = None
        self._sqlite: Path | None = None
        """The SQLite file this assistant opened: its errors are explained naming it."""
        self._own_audit = False
        if checkpointer is None:
            checkpointer, self._manager = open_checkpointer(self.settings)
            if not self.settings.database_url:
                self._sqlite = self.settings.sqlite_path
            if audit is None:  # conversations kept in the database: so is their audit trail
                audit, self._own_audit = AuditLog(self.settings), True
        self.checkpointer = checkpointer
        self.audit = audit
        """Where verdicts are recorded; None for in-memory conversations (tests, evals)."""
        self.source = source
        self.graph = build_graph(checkpointer)
        self.as_of = as_of
        # One lock per conversation: a thread's messages are handled in order, while
        # different conversations proceed side by side (the checkpointers lock their
        # own connection).
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def _config(self, thread_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": thread_id}}

    def waiting(self, thread_id: str) -> bool:
        snapshot = self.graph.get_state(self._config(thread_id))
        return any(i for task in snapshot.tasks for i in task.interrupts)

    def send(self, thread_id: str, text: str, *, as_of: date | None = None,
             cpt: str | None = None, user: str = "local",
             edits: dict[str, Any] | None = None) -> Turn:
        """Process one user message on ``thread_id`` and return the reply.

        ``cpt`` sets the procedure before the message is read (``check --text``);
        ``user`` is who sent it (the web login), recorded with a new verdict;
        ``edits`` (fact → raw value, None for "not sure") are facts the user set in an
        editor: they are the message's reading, and ``text`` only its words.
        """
        start = time.perf_counter()
        config = self._config(thread_id)
        with self._locks_guard:
            lock = self._locks.setdefault(thread_id, threading.Lock())
        with lock, storage.explained(self._sqlite):
            # durability="exit": one save when the step ends, so a failed save (a full
            # disk) leaves the thread as it was and the kept message can simply be re-sent.
            before = self._values(thread_id).get("verdict")
            if self.waiting(thread_id):
                resume: Any = {"text": text, "edits": edits} if edits else text
                self.graph.invoke(Command(resume=resume), config, context=self.settings,
                                  durability="exit")
            else:
                update: dict[str, Any] = {"inbox": text, "edits": dict(edits or {})}
                day = as_of or self.as_of
                if day is not None:
                    update["as_of"] = day.isoformat()
                if cpt is not None:
                    update["cpt"] = cpt
                self.graph.invoke(update, config, context=self.settings, durability="exit")
            values = self.graph.get_state(config).values
            state = values if isinstance(values, dict) else vars(values)
            verdict = state.get("verdict")
            if verdict is not None and verdict != before:
                self._record(verdict, state, thread_id, user)
        missing = {m["fact"]: m for m in (verdict or {}).get("missing", [])}
        return Turn(
            reply=state.get("reply", ""), verdict=verdict, pending=list(state.get("pending", [])),
            asked=list(state.get("asked", [])), facts=dict(state.get("facts", {})),
            cpt=state.get("cpt"), seconds=time.perf_counter() - start,
            llm_calls=state.get("llm_calls", 0), waiting=self.waiting(thread_id),
            questions=[missing[f] for f in state.get("pending", []) if f in missing],
            retrieved=list(state.get("retrieved") or []),
            structured=Reply.model_validate(state.get("reply_data") or {}))

    def _values(self, thread_id: str) -> dict[str, Any]:
        values = self.graph.get_state(self._config(thread_id)).values
        return values if isinstance(values, dict) else vars(values)

    def _record(self, verdict: dict[str, Any], state: dict[str, Any], thread_id: str,
                user: str) -> None:
        if self.audit is None:
            return
        facts = {k: v for k, v in state.get("facts", {}).items()
                 if k in verdict.get("facts", {}) or v.get("origin") == "inferred"}
        try:
            self.audit.record(verdict, facts, user=user, source=self.source, thread=thread_id)
        except Exception:  # the reply still goes out; the failure is logged for the operator
            log.exception("could not record the verdict of thread %s in the audit trail",
                          thread_id)

    def case(self, thread_id: str) -> dict[str, Any]:
        """The saved case of a conversation: cpt, as_of, facts (with origin) and verdict."""
        state = self._values(thread_id)
        return {"cpt": state.get("cpt"), "as_of": state.get("as_of"),
                "facts": dict(state.get("facts", {})), "verdict": state.get("verdict")}

    def history(self, thread_id: str) -> list[dict[str, str]]:
        with storage.explained(self._sqlite):
            values = self.graph.get_state(self._config(thread_id)).values
        state = values if isinstance(values, dict) else vars(values)
        return list(state.get("messages", []))

    def last_reply(self, thread_id: str) -> Reply | None:
        """The thread's latest reply as data (None before the first)."""
        values = self.graph.get_state(self._config(thread_id)).values
        state = values if isinstance(values, dict) else vars(values)
        data = state.get("reply_data")
        return Reply.model_validate(data) if data else None

    def close(self) -> None:
        if self._own_audit and self.audit is not None:
            self.audit.close()
        if self._manager is not None:
            self._manager.__exit__(None, None, None)

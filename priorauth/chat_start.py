"""A new conversation's first reply in ``priorauth chat``, before LangGraph is imported.

Importing LangGraph, langchain-core and LangSmith (which the graph imports for its
tracers) is about half of a cold ``priorauth chat``, and a new conversation's first
message needs none of it to be answered: its reply is the one :func:`agent.once.run_once`
gives, the chat's own nodes run on the path a first message takes through the graph
(``tests/test_once.py`` and ``tests/test_chat_start.py`` check the two agree). So that
reply is shown first; then, while the user reads it and types, a background thread
builds the :class:`~agent.session.Assistant` and sends it the same message, which saves
the conversation and records the verdict as every message is. The next message (or
leaving) waits for that. Should the graph's reply ever differ from the one shown, the
graph's is shown too, as the conversation's.

Only a new conversation on SQLite in offline mode starts so: a resumed thread needs its
saved state, Postgres has no quick check before the banner, and a model may read the
same text twice differently.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from agent import storage
from agent.config import Settings
from agent.reply import Reply
from policies.errors import PriorAuthError

if TYPE_CHECKING:
    from agent.session import Assistant


def applies(settings: Settings, thread: str | None) -> bool:
    """A new conversation kept in SQLite, read offline."""
    return thread is None and settings.mode == "offline" and not settings.database_url


def first_reply(text: str, settings: Settings, as_of: date | None) -> Reply | None:
    """The reply the graph gives ``text`` as a new thread's first message; None where the
    graph routes it past the nodes :func:`~agent.once.run_once` runs (a request to the
    agent, a question about the policy) or the run fails: the graph answers those."""
    from agent.once import run_once

    try:
        state = run_once(text, as_of=as_of, settings=settings)
    except Exception:  # the graph meets it too, and the chat reports it as always
        return None
    return Reply.model_validate(state.reply_data) if state.reply_data else None


@dataclass
class Shown:
    """A first reply shown before the graph ran: what the chat prints of a turn."""

    structured: Reply


def _check_storage(settings: Settings) -> None:
    """Open the conversations file once before the banner, so a damaged file or an
    unusable data dir stops the start with its one line, as ``Assistant()`` does; a file
    this check created is removed (an empty file would read as an emptied database)."""
    path = settings.sqlite_path
    existed = path.exists()
    storage.connect(path).close()
    if not existed:
        with contextlib.suppress(OSError):
            if path.stat().st_size == 0:
                path.unlink()


class QuickStart:
    """The chat's assistant for a new conversation: the first reply from
    :func:`first_reply`, everything after it from the Assistant built meanwhile."""

    def __init__(self, settings: Settings, as_of: date | None) -> None:
        _check_storage(settings)
        self.settings, self.as_of = settings, as_of
        self._assistant: Assistant | None = None
        self._worker: threading.Thread | None = None
        self._first: tuple[str, str, Reply] | None = None
        """The first message's thread, text and shown reply, until the graph has it."""
        self._outcome: Any = None
        """What sending the first message to the graph gave: its Turn, or its error."""
        self.unsaved: str | None = None
        """The first message, when the chat is left and the graph could not save it."""

    def history(self, thread_id: str) -> list[dict[str, str]]:
        return []  # a new conversation

    def last_reply(self, thread_id: str) -> Reply | None:
        return None

    def send(self, thread_id: str, text: str) -> Any:  # noqa: ANN401 (a Turn, or Shown)
        if self._assistant is None and self._first is None:
            shown = first_reply(text, self.settings, self.as_of)
            if shown is not None:
                self._first = (thread_id, text, shown)
                return Shown(shown)
        return self._ready().send(thread_id, text)

    def idle(self) -> None:
        """The first reply is printed and the chat waits for the user: build the
        Assistant and send it the first message now, in the background (once)."""
        if self._first is not None and self._worker is None and self._assistant is None:
            self._worker = threading.Thread(target=self._catch_up, name="chat-start")
            self._worker.start()

    def _catch_up(self) -> None:
        from agent.session import Assistant

        assert self._first is not None
        thread_id, text, _ = self._first
        try:
            self._assistant = Assistant(self.settings, as_of=self.as_of)
            self._outcome = self._assistant.send(thread_id, text)
        except BaseException as exc:  # reported by the main thread (_report)
            self._outcome = exc

    def _ready(self, *, leaving: bool = False) -> Assistant:
        """The Assistant, the first message sent to it (what went wrong is reported)."""
        self.idle()
        if self._worker is not None:
            self._worker.join()
            self._worker = None
        if self._assistant is None:
            if isinstance(self._outcome, BaseException):
                raise self._outcome  # the Assistant could not be built
            from agent.session import Assistant

            self._assistant = Assistant(self.settings, as_of=self.as_of)
        if self._first is not None:
            first, self._first = self._first, None
            self._report(first[1], first[2], leaving)
        return self._assistant

    def _report(self, text: str, shown: Reply, leaving: bool) -> None:
        from priorauth.terminal import reply_text

        outcome = self._outcome
        if isinstance(outcome, BaseException):
            if os.environ.get("PRIORAUTH_DEBUG") and not isinstance(outcome, PriorAuthError):
                raise outcome
            why = outcome if isinstance(outcome, PriorAuthError) else \
                f"it could not be processed ({outcome.__class__.__name__})"
            print(f"\nYour first message was not saved: {why}")
            if leaving:
                self.unsaved = text
        elif outcome.structured != shown:  # must not happen: tests/test_chat_start.py
            print(f"\nThe saved conversation's reply to your first message:\n\n"
                  f"{reply_text(outcome.structured)}")

    def close(self) -> None:
        if self._assistant is None and self._first is None and self._worker is None:
            return  # nothing was sent: nothing to save
        self._ready(leaving=True).close()

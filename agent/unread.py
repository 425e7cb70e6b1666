"""What a reply reports as not read: its own module, outside :mod:`agent.reading`.

Replies, their renderings and ``priorauth check --facts`` use :class:`Unread` without
reading any text; importing it from the reader's package ran the whole reader's import
(its rules, context and patterns: about a third of a cold ``check --facts``).
:mod:`agent.reading.model` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

TOGETHER_FROM = 3
"""From this many unread parts with no reason (a pasted note's lines), a reply lists them
together in one line: a line each would bury the questions."""


@dataclass(frozen=True)
class Unread:
    """Words that looked like case details but settle nothing, and why.

    Kept apart so each medium words them its own way: the user's words are quoted
    as they wrote them, the reason (usually the question back) is never inside the quote.
    """

    words: str
    why: str = ""
    """What stops the reading, as a question back where there is one
    ("which is the most recent?"); empty when nothing in it could be read at all."""

    @property
    def why_said(self) -> str:
        """``why`` ending as a sentence does (a question keeps its mark)."""
        return self.why if self.why.endswith(("?", ".")) else f"{self.why}."


def grouped(unread: list[Unread]) -> tuple[list[Unread], list[Unread]]:
    """The parts a reply lists one per line, and those it lists together in one line.

    Decided here, once, so every medium groups alike: parts with a reason always get
    their own line; parts with none are put together from :data:`TOGETHER_FROM` on.
    """
    plain = [u for u in unread if not u.why]
    if len(plain) < TOGETHER_FROM:
        return list(unread), []
    return [u for u in unread if u.why], plain

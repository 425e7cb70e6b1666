"""A list of "not X" said with words that all the care failed names what failed: "nothing
conservative worked - not PT, not the meds", "no response to anything, not rehab and not
the inhalers", "Failed everything: not PT, not NSAIDs". Read as written, each "not" denied
its care, and a stored 14 weeks of therapy became none: a qualifying case denied by a
sentence saying treatment failed (outside tester 34 F1). The list's "not"s are blanked,
so its care is named and none of it denied; the words are data (``failed_everything`` in
``context.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation, rules

_SENTENCE = re.compile(r"[^.;!?\n]+")
_LIST_NOT = re.compile(r"(?:^|(?<=[,:\-–—])|(?<=\band)|(?<=\bor))\s*(?P<not>not|nor)\b"
                       r"(?!\s+(?:do|did|done|does|doing|have|had|has|try|tried|start|started|"
                       r"attend|attended|go|went|get|got|take|took|taken|yet|given|offered)\b)")
"""A "not" opening a list's item (after a comma, a dash, a colon, "and"/"or", or at the
sentence's start), not one that denies a verb ("did not do PT": no care)."""


@cache
def _failed_all() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + alternation(rules().failed_everything) + r")(?![\w])")


def emphatic_nots(lower: str) -> list[tuple[int, int]]:
    """The spans of the "not"s that list what failed, in each sentence that says all the
    care failed."""
    if "not" not in lower and "nor" not in lower:
        return []
    out: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(lower):
        if not _failed_all().search(sentence.group()):
            continue
        out += [(sentence.start() + m.start("not"), sentence.start() + m.end("not"))
                for m in _LIST_NOT.finditer(sentence.group())]
    return out

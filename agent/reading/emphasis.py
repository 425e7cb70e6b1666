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
_LIST_NOT = re.compile(r"(?:^\s*(?P<first>not|nor)|(?:(?<=[,:\-–—])|(?<=\band)|(?<=\bor))\s*"
                       r"(?P<not>not|nor|no))\b"
                       r"(?!\s+(?:do|did|done|does|doing|have|had|has|try|tried|start|started|"
                       r"attend|attended|go|went|get|got|take|took|taken|yet|given|offered)\b)")
"""A "not" opening a list's item (after a comma, a dash, a colon, "and"/"or", or at the
sentence's start), not one that denies a verb ("did not do PT": no care); a "no" after a
separator ("nothing new since - no MRI, no X-ray"), never the sentence's own opening "no"
("no PT since October" says how long none was done)."""


@cache
def _failed_all() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + alternation(rules().failed_everything) + r")(?![\w])"
                      # ... or that nothing new was done since a time: "nothing new since -
                      # no MRI, no X-ray" (the studies before it stand; tester 34 F1)
                      r"|\b(?:no|nothing)[ \t]+(?:new|repeat|other|further|more)\b"
                      r"[^.;!?\n]{0,40}?\bsince\b")


_NONE_SINCE = re.compile(r"\b(?:no|nothing)\b[^.;!?\n]{0,40}?\bsince\b")
"""None of something since a time: "no rehab since November - not PT, not pulmonary
rehab". Only its "not" items are lists of what was not done since: a "no" after a comma
may deny a thing of its own ("no fever since Monday, no cough")."""


def emphatic_nots(lower: str) -> list[tuple[int, int]]:
    """The spans of the "not"s that list what failed, in each sentence that says all the
    care failed."""
    if not re.search(r"\bno", lower):
        return []
    out: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(lower):
        said = sentence.group()
        every = _failed_all().search(said)
        since = every or _NONE_SINCE.search(said)
        if since is None:
            continue
        # (never the words that say it: "11/19/2026: no repeat MRI since" keeps its "no";
        # a "no" item only after them, a "not" item on either side)
        out += [(sentence.start() + m.start(g), sentence.start() + m.end(g))
                for m in _LIST_NOT.finditer(said) for g in ("first", "not")
                if m[g] and not since.start() <= m.start(g) < since.end() and
                (m[g] != "no" or every is not None and m.start(g) >= every.end())]
    return out

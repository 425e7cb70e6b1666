"""Why a reading that would deny a case is not sure enough to deny on.

The reader states about one false fact in twenty on text it has never seen, and far
more in a few kinds of sentence: a form's boxes, an entry copied forward from an older
note, a text that corrects itself. A denial resting on such a reading waits for the
user's yes (:mod:`agent.nodes`); a miss costs one question, a false denial a patient's
care. The words that mark those sentences are data (``doubtful`` in ``context.yaml``).

(Tried and dropped in session 8: re-reading the text without a denying reading's words
and doubting it when the rest says the fact otherwise. On the corpus it held 14 right
denials to catch 3 false ones the cues miss, and it doubted every explicit statement
that overrides an inference: "61 yo F ... She is pregnant".)
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation, rules
from policies.cachedir import fixed_patterns

WHY = {
    "form": "it comes from a form's boxes",
    "copied": "it comes from an entry copied forward from an older note",
    "corrected": "the text corrects itself there",
    "conditional": "it is said as a condition (\"in case of\", \"unless\")",
    "notice": "it comes from a sender's notice, not the clinical text",
    "differential": "it comes from a differential, a list of possibilities",
    "payer": "it comes from a sentence about a denial or an appeal, which may quote the "
             "payer's reasons rather than the case",
    "quoted": "it is inside quotation marks: someone's words (a payer's letter, the "
              "patient), not the writer's finding",
}
"""Each kind of doubt, as the reply says it."""

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")


@cache
@fixed_patterns
def _cues() -> dict[str, re.Pattern[str]]:
    out = {}
    for kind, words in rules().doubtful.items():
        out[kind] = re.compile(r"(?<![a-z0-9])(?:" + alternation({w.lower() for w in words})
                               + r")(?![a-z0-9])")
    return out


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` holding ``[start, end)``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def cue(text: str, words: str) -> str | None:
    """The kind of doubt the sentence holding ``words`` shows (``form``, ``copied``,
    ``corrected``, ...; ``quoted`` when they are inside quotation marks), or None. Words
    not found in the text as said are no cue."""
    at = text.find(words)
    if at < 0 or not words.strip():
        return None
    sentence = _sentence(text, at, at + len(words)).lower()
    found = next((kind for kind, pattern in _cues().items() if pattern.search(sentence)), None)
    return found or ("quoted" if _in_quotes(text, at) else None)


def _in_quotes(text: str, at: int) -> bool:
    """Whether a quotation opened earlier on the line is still open at ``at``: 'Your letter
    states "no orthopedic consult on file"' is the payer's words, not the finding."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


__all__ = ["WHY", "cue"]

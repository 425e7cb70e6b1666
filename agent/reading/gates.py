"""Gates: general conditions under which a reading of a note is left unread and asked,
whatever the fact and however it is worded.

Fixes by class rarely reach the next blind set (session 14's changed none of fresh18's
readings); a gate looks at where the words stand, not at what they say. The gate here
was chosen on the blind readings of fresh13-16 and judged on fresh17-18, which were not
used to choose it, then on the whole corpus (``evals/reader/gates.md`` has the table and
the gates tried and dropped):

- **a quoted claim**: the reading's words lie inside a quotation on their line, and a
  verb of claiming (states, describes, opined, submitted, ...; not "says", whose exact
  figure quoted is read) stands before the quotation on that line ('The chart summary states
  "conservative care 16 weeks"', 'The requesting physician describes "severe uncontrolled
  hypertension"'): someone else's words, which the writer reports, often to dispute
  them. A record quoted is read: without such a verb ('Per clinic note 11/24: "pain
  7/10"') or with a record for its subject ('The PT discharge note states "12 weeks
  of PT, no improvement"').

The words are data: ``gates`` in ``context.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from agent.reading.model import FactReading, Unread
from policies.cachedir import fixed_patterns

# a quotation on one line: straight or curly, or one left open to the line's end
_QUOTATION = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d|"[^"\n]*$')


@cache
@fixed_patterns
def _claim_verb() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(context_rules().gates.claim_verbs)})\b", re.I)


# the word right before a verb: its subject when the verb follows it
_LAST_WORD = re.compile(r"([\w&/-]+)\W*$")


def _claims(before: str) -> bool:
    """A verb of claiming in ``before`` whose subject is not a record."""
    records = set(context_rules().gates.records)
    for verb in _claim_verb().finditer(before):
        subject = _LAST_WORD.search(before[:verb.start()])
        if not subject or subject.group(1).lower() not in records:
            return True
    return False


# a quotation in single quotes: opened after a space or a bracket, closed before one
_SINGLE = re.compile(r"(?<![\w'])'[^'\n]{3,}'(?![\w'])")


@cache
@fixed_patterns
def _listed_as() -> re.Pattern[str]:
    return re.compile(rf"[\s,]*(?:(?:is|are|was|were)\s+)?(?:(?:listed|marked|flagged|noted|"
                      rf"shown|given|named|cited)\s+)?(?:{alternation(context_rules().gates.listed_as)})"
                      r"\b", re.I)


def _named_as_missing(line: str, at: int, length: int) -> bool:
    """The words at ``at`` lie inside a quotation that the words right after it call
    missing or asked for ("lists 'failed conservative treatment' as missing")."""
    for q in [*_QUOTATION.finditer(line), *_SINGLE.finditer(line)]:
        if q.start() < at and at + length <= q.end() and \
                _listed_as().match(line, q.end()) is not None:
            return True
    return False


def quoted_claim(text: str, at: int, length: int = 1) -> bool:
    """The words at ``at`` (``length`` characters) lie inside a quotation their line gives
    as someone's claim. Words that run on past the quotation end on the writer's own
    value ('states "conservative care 16 weeks". Audit finding: ... 12 weeks'): read."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:len(text) if end < 0 else end]
    if _named_as_missing(line, at - start, length):
        return True
    for q in _QUOTATION.finditer(line):
        if q.start() < at - start < q.end():
            return at - start + length <= q.end() and _claims(line[:q.start()])
        # (words that open before the quotation and end inside it take their value from
        # it: 'claimant testified his pain is "ten out of ten, every single day"')
        if at - start <= q.start() < at - start + length <= q.end():
            return _claims(line[:q.start()])
    return False


def gated(text: str, readings: list[FactReading]) -> tuple[list[FactReading], list[Unread]]:
    """The readings that pass the gates, and the words of those that do not, asked."""
    kept, asked = [], []
    for r in readings:
        at = text.find(r.words) if r.words else -1
        if at >= 0 and quoted_claim(text, at, len(r.words)):
            asked.append(Unread(r.words, "these are someone's words, quoted: is that what "
                                "the record shows?"))
        else:
            kept.append(r)
    return kept, asked

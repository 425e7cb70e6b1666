"""Care of several kinds named together and judged together.

A writer who names two kinds of conservative care in one sentence and then says how they
went ("Tab. Aceclofenac 100 mg BD x 6/52 and physiotherapy x 6/52, both with no relief",
"Fez fisioterapia (2 ciclos) e ibuprofeno 600 mg, sem melhora da dor", "14 weeks of
modified duty, home exercise and naproxen without improvement", "Despite two six-week
courses of physiotherapy and regular celecoxib she still scores her pain 7/10") says the
care failed as a whole, as "conservative care ... no improvement" does: the kinds named
together are the care the sentence is about. One kind alone (a drug, or PT twice) stays
the reading rules' own business: the corpus labels one failed treatment both ways.

The words are data (rule key ``care_kinds``: kind -> its words); the failure's words are
the rule's ``cues`` and helping or going on said anywhere in the message (``cue_not``)
leaves the care not all failed, so nothing is read here.
"""

from __future__ import annotations

import re

from agent.reading.facts import _CUE_DENIED, Candidate
from agent.reading.mentions import _clause_index
from agent.reading.message import _Message
from agent.reading.rules import ReadingRule

_NOT_THIS = frozenset({"hypothetical", "negated", "other"})
"""Care planned, denied or someone else's is no care the patient had."""
_ONE_ITEMS = re.compile(r"\s[-–—]+\s|->|→|:|\b(?:stopped|d/c'?d|dc'?d|discontinued|switched|"
                        r"ended|tapered)\b")
"""Between the last care and the failure, words that give the failure to that one item:
a list entry's dash or colon ("NSAIDs first, then CSI 9/2/26 - failed"), its stop
("ibuprofen stopped 10/20 for no relief")."""
_NOT_FOR = re.compile(r"\bnot\s+(?:because|due\s+to|for|from)\b[^.;\n]{0,30}$")
"""A failure said not to be the reason ("stopped (not because it didn't work)")."""
_CORRECTED = re.compile(r"\bcorrect(?:ion|ed|s)?\b|\bamend(?:ed|ment)?\b")
"""A later correction may take an item back ("correction - PT was only 4 wks, she stopped
bc of transportation"): which care failed is asked."""
_BEFORE = ("despite", "persistent despite", "trotz", "malgré", "nonostante", "a pesar de",
           "ondanks")
"""Failure cues that come before what they judge ("despite PT and naproxen")."""
_FAILED_BEFORE = ("failed", "unsuccessful", "ineffective")
"""A failure said as the list's adjective, right before it ("failed 2 courses PT + 1 NSAID
course", "s/p 2 failed 6-wk conservative courses (PT, then gabapentin)"; phrase30a): it
judges the care after it when nothing but the list's own words stand between."""
_LIST_LEAD = re.compile(r"[^.;:\n]{0,40}")


def care_failed_together(msg: _Message) -> list[Candidate]:
    """Each rule's fact read true from a sentence naming two kinds of its care or more
    with a failure said of them all (after the last, or "despite" before the first)."""
    out: list[Candidate] = []
    if msg.context is None:
        return out
    for name, rule in msg.rules.items():
        if not rule.care_kinds or name not in msg.specs or msg.occ.hits(rule.cue_not):
            continue
        by_sentence = _care_by_sentence(msg, rule)
        if not by_sentence:
            continue
        spans = _sentence_spans(msg)
        cues = msg.occ.hits(rule.cues)
        fixed = max((x.start() for x in _CORRECTED.finditer(msg.lower)), default=-1)
        for sentence, cares in by_sentence.items():
            here = [(a, b) for a, b in cues if spans[sentence][0] <= a < spans[sentence][1]]
            span = _verdict(msg, here, cares, fixed)
            if span is not None:
                out.append(Candidate(name, rule.polarity, span, 3))
    return out


def _sentence_spans(msg: _Message) -> dict[int, tuple[int, int]]:
    """Each sentence's first and last offsets, from its clauses (worked out once)."""
    spans: dict[int, tuple[int, int]] = {}
    for c in msg.found:
        lo, hi = spans.get(c.sentence, (c.start, c.end))
        spans[c.sentence] = (min(lo, c.start), max(hi, c.end))
    return spans


def _care_by_sentence(msg: _Message, rule: ReadingRule
                      ) -> dict[int, list[tuple[int, int, str]]]:
    """The care words of each sentence (offsets and kind), those the patient had."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for kind, words in rule.care_kinds.items():
        for a, b in msg.occ.hits(words):
            if msg.lower[a:b] == "pt" and msg.text[a:b] != "PT":
                continue  # ("per pt, ibuprofen ...": the patient, not therapy)
            i = _clause_index(msg.found, a)
            if i is None or msg.found[i].question or \
                    _NOT_THIS & msg.context.at(a, b):  # type: ignore[union-attr]
                continue
            by_sentence.setdefault(msg.found[i].sentence, []).append((a, b, kind))
    return by_sentence


def _verdict(msg: _Message, cues: list[tuple[int, int]], cares: list[tuple[int, int, str]],
             fixed: int) -> tuple[int, int] | None:
    """The words from the first care to the failure said of them all, or None: fewer
    than two kinds, or no failure cue (``cues``: those of their sentence) after the last
    care (nor "despite" before the first), or a correction (at ``fixed``) after it."""
    if len({kind for _a, _b, kind in cares}) < 2:
        return None
    first, last = min(a for a, _b, _k in cares), max(b for _a, b, _k in cares)
    for a, b in cues:
        if {"hypothetical", "other"} & msg.context.at(a, b) or \
                _CUE_DENIED.search(msg.lower, max(0, a - 12), a) or \
                _NOT_FOR.search(msg.lower, max(0, a - 60), a) or \
                fixed > b:  # type: ignore[union-attr]
            continue
        if a >= last and not _ONE_ITEMS.search(msg.lower, last, a):
            return first, b
        if b <= first and msg.lower[a:b] in _BEFORE:
            return a, last
        if b <= first and msg.lower[a:b] in _FAILED_BEFORE and \
                _LIST_LEAD.fullmatch(msg.lower, b, first) and \
                not any(b < x < last for x, _y in cues):
            # (each item failed on its own, "Failed a cortisone injection ..., and failed
            # Celebrex": which care is the whole is not said, asked)
            return a, last
    return None

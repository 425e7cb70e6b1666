"""A frequency of sessions that changes during the care ("Pulm rehab 2x/wk x 12 wks, then
1x/wk x 12 wks", "twice weekly, tapered to weekly after week 6", "Jan-Mar: PT 2x/wk; Apr-Jun:
3x/wk"): no one figure is the sessions a week of the whole course, and the first (or last)
read alone may meet a path the weeks at the other rate do not (outside tester 29 F9). Such a
figure is asked; the question's help asks to say so where some weeks had fewer.

A change is another frequency in the figure's sentence (or in the next one, when it opens
with a change: "PT 2x/week x 6 wks. Then weekly x 6.") with a word of change between the two
(``rate_changes.changes`` in context.yaml), or with no kind of care named between them or
after the other (the same care at another rate: a dated timeline's rows). Another care's
frequency ("PT 2x/wk and HEP 5x/wk"), the same figure again ("2x/wk x 6 wks, then 2x/wk
x 6 wks more") and a figure corrected ("once a week, correction, twice a week") change
nothing.
"""

from __future__ import annotations

import re

from agent.reading.context import rules as context_rules
from agent.reading.text import hits
from agent.reading.values import Quantity, quantities

_STOP = re.compile(r"[.!?](?=\s|$)|\n")
"""A sentence's end (not a decimal's point: "1.5x/wk")."""
_NEXT_SENTENCE = re.compile(r"[.!?\n]\s*(?P<s>[^.!?\n]{0,120})")
_AFTER_OTHER = 30
"""How far after another frequency its own care would be named ("... 3x/wk for HEP")."""
_REACH = 400
"""How far back a sentence's start is looked for."""


def _words(key: str) -> tuple[str, ...]:
    return tuple(context_rules().rate_changes.get(key, ()))


def _care(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(context_rules().sequential_care.get("care", ())) + _words("others") + cues


def _others(chunk: str, figure: Quantity) -> list[tuple[int, int]]:
    """The other frequencies of ``chunk``: a rate of another figure (or a range), or a
    frequency's word ("weekly", "every other week") outside any rate."""
    rates = [q for q in quantities(chunk) if q.unit == "rate"]
    out = [(q.start, q.end) for q in rates
           if q.start != figure.start and (q.value != figure.value or q.hi is not None)]
    out += [(a, b) for a, b in hits(chunk, _words("frequencies"))
            if not any(q.start <= a < q.end for q in rates)]
    return out


def _same_care(chunk: str, gap: tuple[int, int], other_end: int,
               cues: tuple[str, ...]) -> bool:
    """No kind of care named between the two frequencies, nor right after the other: the
    same care at another rate ("chest PT 2x/wk (12 wks); Apr 5-Jun 14: 3x/wk")."""
    care = _care(cues)
    between = chunk[gap[0]:gap[1]]
    after = chunk[other_end:other_end + _AFTER_OTHER]
    return not hits(between, care) and not hits(after, care)


def _opens_with_change(sentence: str) -> bool:
    found = hits(sentence, _words("changes"))
    return bool(found) and min(found)[0] == len(sentence) - len(sentence.lstrip())


def _sentence(lower: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around ``lower[a:b]``, past semicolons and a timeline's colons (its
    rows are one care's: "Jan-Mar: PT 2x/wk; Apr-Jun: 3x/wk")."""
    lo = max((m.end() for m in _STOP.finditer(lower, max(0, a - _REACH), a)), default=0)
    end = _STOP.search(lower, b)
    return lo, end.start() if end else len(lower)


def rate_changed(lower: str, figure: tuple[int, int], cues: tuple[str, ...] = ()) -> bool:
    """Whether the sessions-a-week figure at ``figure`` (offsets in ``lower``) is one of
    several rates of the care its sentence describes. ``cues`` are the words naming the
    care (the fact's own), not counted as another care."""
    lo, hi = _sentence(lower, *figure)
    nxt = _NEXT_SENTENCE.match(lower, hi) if hi < len(lower) else None
    if nxt and _opens_with_change(nxt["s"]):
        hi = nxt.end()
    chunk = lower[lo:hi]
    own = next((q for q in quantities(chunk) if q.start == figure[0] - lo), None)
    if own is None:
        return False
    corrected = tuple(context_rules().doubtful.get("corrected", ()))
    for a, b in _others(chunk, own):
        gap = (own.end, a) if a >= own.end else (b, own.start)
        if hits(chunk[gap[0]:gap[1]], corrected):
            continue  # "once a week comma correction comma twice a week": one withdrawn
        if hits(chunk[gap[0]:gap[1]], _words("changes")) or \
                _same_care(chunk, gap, b, cues):
            return True
    return False

"""Several durations listed for one fact with no total ("Two PT courses: 8 weeks in
spring and 10 weeks this summer"; "ibuprofen x 4 wks, then meloxicam x 5 wks"): the
courses in a row add up; a duration beside an episode of it ("back pain for 3 years;
current episode 9 weeks") leaves which one the policy means to ask. The nearest
figure alone would be a false fact either way. Counted and numbered courses ("Two
courses of PT: 8 wks and 6 wks") are :mod:`agent.reading.courses`'s: a total.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.reading.values import compatible, quantities
from policies.model import FactSpec

_GAP_STOP = re.compile(r"\b(though|although|but|of which|each|per|incl|including|within|over|"
                       r"out of|after|before|since|ago|worse|better|total|overall|vs|versus|"
                       r"or|ago|until|from|to|at|age)\b|[:=/]")
_JOIN = re.compile(r"[,;+]|\b(?:and|then|plus|followed by)\b")
_SEQUENCE = re.compile(r"\b(?:then|courses|rounds|trials|sequential|sequentially|consecutive|"
                       r"followed by|one after another|course \d|round \d)\b")
_OVERLAP = re.compile(r"\b(?:overlap\w*|concurrent\w*|simultaneous\w*|at the same time|"
                      r"alongside|throughout|meanwhile|together|combined)\b")
_EPISODE = re.compile(r"\b(?:episode|flare|flare-up|bout|intermittent|on and off|recurrence|"
                      r"current spell)\b")


def listed(chunk: str, spec: FactSpec, fraction: bool, span: tuple[int, int],
           taken: Callable[[int, int], bool], named: Callable[[str], bool],
           own: Callable[[str], bool] = lambda _gap: False
           ) -> tuple[list[tuple[int, int, str]], bool]:
    """The run of durations in ``chunk`` (a sentence) that holds the figure read, each
    joined to the next by a list word, as ``[(start, end, raw), ...]`` relative to the
    chunk (the figure alone when nothing is joined to it), and whether the next figure
    was cut off because it is another fact's. ``span`` is the reading's words and its
    figure's start (figures before the words are not its own: "NSAIDs x 6 wks, then PT
    x 8 wks"); ``taken(a, b)`` says a figure is another fact's; ``named(gap)`` that
    words between two figures name another fact ("PT 8 wks, conservative care 12 wks"),
    ``own(gap)`` this one.
    """
    first, start = span
    every = [(q.start, q.end, raw) for q in quantities(chunk)
             if (raw := compatible(spec, q, fraction)) is not None and q.start >= first]
    found = [f for f in every if f[0] == start or not taken(f[0], f[1])]
    index = next((i for i, f in enumerate(found) if f[0] == start), None)
    if index is None:
        return [], False
    lo = hi = index
    # Words of its own fact between two figures ("6 weeks of supervised exercise, 5
    # weeks of manual therapy") label each figure: not one list.
    while lo > 0 and _joined(gap := chunk[found[lo - 1][1]:found[lo][0]]) and \
            not named(gap) and not own(gap):
        lo -= 1
    while hi + 1 < len(found) and _joined(gap := chunk[found[hi][1]:found[hi + 1][0]]) and \
            not named(gap) and not own(gap):
        hi += 1
    after = next((f for f in every if f[0] > found[hi][0]), None)
    cut = after is not None and _joined(gap := chunk[found[hi][1]:after[0]]) and \
        not own(gap) and (named(gap) or taken(after[0], after[1]))
    return found[lo:hi + 1], cut


_RATE = re.compile(r"\b(?:\d+\s*x|\d+\s*times|once|twice|thrice)\s*(?:/|per|a|each|every)?\s*"
                   r"(?:weeks?|wks?|wk|weekly)\b")
"""A rate between two phase lengths ("3x/week x 8 weeks, then 2x/week x 16 weeks") says
how often, not what the next length is for: it neither joins nor parts them."""


def more_after(chunk: str, end: int) -> bool:
    """A length after ``end`` is said to be "another" one, or a course that follows is
    still going on ("naproxen x 6 weeks, then PT 2x/week ongoing since October"; outside
    tester session 8 F22): the lengths before it are a part."""
    return bool(re.search(r"\b(?:another|a further|a second|one more|an additional|an extra)"
                          r"\s+(?:\d+(?:\.\d+)?|[a-z]+)\s*-?\s*(?:weeks?|wks?|months?|mos?)\b",
                          chunk[end:]) or _ONGOING_NEXT.match(chunk, end))


_ONGOING_NEXT = re.compile(r"[^.;]{0,12}?\b(?:then|followed by|now|and now|currently)\b[^.;]{0,50}?"
                           r"\b(?:ongoing|since|to date|to present|continuing|still)\b")


def _joined(gap: str) -> bool:
    bare = _RATE.sub(" ", re.sub(r"\([^()]*\)", " ", gap))
    return len(bare) <= 45 and bool(_JOIN.search(bare)) and not _GAP_STOP.search(bare)


_BARE_GAP = re.compile(
    r"(?:[\s,;+/&()-]|\d+|\b(?:and|in|of|plus|then|again|another|later|during|the|this|last|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|spring|summer|fall|autumn|winter|"
    r"sorry|actually|i mean|i meant|no|wait)\b)*")
"""Between two lengths, only dates, joiners or a self-correction: "6 wks (Jan-Feb) and 6
wks (Jul-Aug)", "6 wks in 2025, 8 wks in 2026", "10 weeks, sorry, 10 months"."""


def bare(chunk: str, run: list[tuple[int, int, str]]) -> bool:
    """The lengths of ``run`` follow one another with nothing naming what each is for."""
    return all(_BARE_GAP.fullmatch(re.sub(r"\([^()]*\)", " ", chunk[a[1]:b[0]]))
               for a, b in zip(run, run[1:], strict=False))


def in_sequence(chunk: str) -> bool:
    """The sentence says its courses came one after another ("then", "courses")."""
    return bool(_SEQUENCE.search(chunk))


def outcome(chunk: str) -> str | None:
    """"sum" (courses one after another), "ask" (an episode, or courses that overlap),
    or None (leave the nearest figure: nothing says how they relate)."""
    if _OVERLAP.search(chunk) or _EPISODE.search(chunk):
        return "ask"
    return "sum" if _SEQUENCE.search(chunk) else None

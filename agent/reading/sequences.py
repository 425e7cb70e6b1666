"""Courses of different kinds of conservative care one after another, with no word for the
care as a whole ("PT for 6 weeks, then naproxen plus gabapentin for 6 weeks"; "oil treatment
for 2 months, then Panadol and Brufen for 3 months"): the lengths add up to how long the
conservative care described lasted. A sum is safe only in sequence (a word of `then` between
the courses, `sequential_care` in context.yaml); courses side by side ("with", "alongside",
"overlapping"), an episode, a length still to come or still going on leave it unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.reading.context import rules as context_rules
from agent.reading.durations import more_after
from agent.reading.durations import outcome as durations_outcome
from agent.reading.text import hits
from agent.reading.values import compatible, quantities
from policies.model import FactSpec

_STOP = re.compile(r"[.;:!?\n]|\b(?:each|per|total|overall|another|planned|scheduled|will)\b")
"""A break between two lengths: no longer one list of courses."""
_ALSO = re.compile(r"\b(?:also|as well|in addition|additionally|besides)\b")
"""More care said after the courses: their sum is a part of the whole."""
_MAX_GAP = 90
_CARE_BEFORE = 60


def _words(key: str) -> tuple[str, ...]:
    return tuple(context_rules().sequential_care.get(key, ()))


def _care_named(chunk: str, lo: int, hi: int) -> bool:
    """A kind of care named in ``chunk[lo:hi]`` (the course's own words before its length)."""
    return bool(hits(chunk[max(lo, hi - _CARE_BEFORE):hi], _words("care")))


def _in_sequence(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and not _STOP.search(gap) and bool(hits(gap, _words("then")))


def sequential_run(chunk: str, spec: FactSpec, around: str = "") -> list[tuple[int, int, str]]:
    """The lengths of the courses in ``chunk`` (one sentence) that follow one another, each
    after a kind of care: ``[(start, end, raw), ...]``, or ``[]`` when no such run of two or
    more is there or the sentence, or ``around`` it (the next sentence), says they overlap
    or speaks of an episode ("...; this episode she has had none")."""
    if durations_outcome(chunk + " " + around) == "ask":
        return []  # "concurrently", "alongside", "throughout", an episode
    every = [(q, raw) for q in quantities(chunk) if (raw := compatible(spec, q, False))]
    found = [(q.start, q.end, raw) for q, raw in every if q.hi is None]
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    last = 0  # (a course's care is named after the length before it: "PT for 6 weeks,
    # then a break for 4 weeks" names no care of the break's)
    for item in found:
        if run and _in_sequence(chunk[last:item[0]]) and _care_named(chunk, last, item[0]):
            run.append(item)
        else:
            run = [item] if _care_named(chunk, last, item[0]) else []
        last = item[1]
        if len(run) > len(best):
            best = list(run)
    # (every length of the sentence is one of the run's: "PT (12 weeks), naproxen (8 weeks)
    # and then gabapentin (6 weeks)" or a whole stated beside it is no sum of the last two;
    # and nothing is "also" done besides: "..., also a weight program since summer")
    # (nor a length in the next sentence other than their sum: "PT 8 wks, then gabapentin
    # 8 wks.\n12 weeks in all." says a whole the two do not make, asked)
    if len(best) < 2 or len(best) != len(every) or more_after(chunk, best[-1][1]) or \
            _ALSO.search(chunk[best[-1][1]:] + " " + around) or \
            any(raw and abs(_in_weeks(raw) - sum(_in_weeks(r) for _a, _b, r in best)) > 0.05
                for q in quantities(around) if (raw := compatible(spec, q, False))):
        return []
    return best


_IN_WEEKS = {"weeks": 1.0, "days": 1 / 7, "months": 52.18 / 12, "years": 52.18}


def _in_weeks(raw: str) -> float:
    number, unit = raw.split()
    return float(number) * _IN_WEEKS.get(unit, 1.0)


def total_of(run: list[tuple[int, int, str]], weeks: Callable[[str], float]) -> str:
    """The run's total in its own unit where all share one ("2 months" + "3 months" = "5
    months"), else in weeks."""
    units = {raw.split()[-1] for _a, _b, raw in run}
    if len(units) == 1:
        unit = units.pop()
        return f"{sum(float(raw.split()[0]) for _a, _b, raw in run):g} {unit}"
    return f"{sum(weeks(raw) for _a, _b, raw in run):g} weeks"

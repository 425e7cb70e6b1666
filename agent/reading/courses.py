"""Courses given one after another: "Two courses of PT: 8 wks and 6 wks", "PT course 1:
6 wks; course 2: 7 wks". The lengths of the courses, when they are the whole of what
is described, add up to the time the treatment lasted. Nothing here knows a fact: the
reader asks for the total next to a mention of a fact counted in weeks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.reading.values import Quantity, number_of, quantities

_COUNT = re.compile(r"\b(?P<n>[2-6]|two|three|four|five|six)\s+(?:[a-z.+/-]+\s+){0,2}?"
                    r"courses\b")
_NUMBERED = re.compile(r"\bcourse\s*#?\s*(?P<k>[1-6]|one|two|three|four|five|six)\b\s*[:(-]?")
_PART_OF_WHOLE = re.compile(r"\b(each|apiece|per course|total|in total|overall|combined|"
                            r"altogether|cumulative|concurrent|concurrently|at the same time|"
                            r"simultaneous|overlapping)\b")
# "6 weeks in all of the first course" is one course's length, not the total.
_TOTAL_AFTER = re.compile(r"\s*(?:in total|total|in all|altogether|all told|combined|overall)\b"
                          r"(?!\s+of\s+(?:the|each|her|his|its)\b)")
_ASIDE_ONLY = re.compile(r"[\s,:-]*(?:\([^()]*\)[\s,:-]*)?")
_IN_WEEKS = {"weeks": 1.0, "days": 1 / 7, "months": 52.18 / 12, "years": 52.18}
_DURATIONS = tuple(_IN_WEEKS)


@dataclass(frozen=True)
class CourseTotal:
    value: str
    """The sum, in the unit every course was given in ("14 weeks")."""
    span: tuple[int, int]
    """From the first course's length to the last one's (absolute offsets)."""
    weeks: tuple[float, ...] = ()
    """Each course's length in weeks."""

    def at_least(self, weeks: float) -> int:
        """How many of the courses lasted at least ``weeks``."""
        return sum(1 for w in self.weeks if w >= weeks - 0.01)


def _lengths(lower: str, a: int, b: int) -> list[Quantity]:
    return [Quantity(q.start + a, q.end + a, q.value, q.hi, q.unit, q.text)
            for q in quantities(lower[a:b]) if q.unit in _DURATIONS and q.hi is None
            and not q.negative]


def _sum(parts: list[Quantity]) -> CourseTotal | None:
    if len(parts) < 2 or len({q.unit for q in parts}) != 1:
        return None
    return CourseTotal(f"{sum(q.value for q in parts):g} {parts[0].unit}",
                       (parts[0].start, parts[-1].end),
                       tuple(q.value * _IN_WEEKS[q.unit] for q in parts))


def counted_courses(lower: str, sentence: tuple[int, int], at: int,
                    end: int | None = None) -> CourseTotal | None:
    """"Two PT courses: 8 weeks in spring and 10 weeks this summer": a count of courses
    by the mention at ``at``, followed in its sentence by exactly that many lengths (and
    no "each", no total, nothing said to run at the same time), or the total said right
    after the mention (ending at ``end``)."""
    a, b = _past_aside(lower, *sentence)
    end = at if end is None else end
    for match in _COUNT.finditer(lower, a, b):
        named = match.start() - 25 <= at < match.end() or \
            re.fullmatch(r"\s*of\s+(?:the\s+)?", lower[match.end():at]) is not None
        if not named:
            continue
        rest = lower[match.end():b]
        parts = _lengths(lower, match.end(), b)
        if parts and _TOTAL_AFTER.match(lower, parts[0].end) and \
                _ASIDE_ONLY.fullmatch(lower[max(match.end(), end):parts[0].start]):
            # "2 courses of PT, 14 wks total (...)", "two courses of physical therapy,
            # 12 weeks in all: ...", "2 courses of PT (2025 and summer 2026), 14 wks
            # total": the total right after the courses (an aside of when may come
            # between; it holds no length, since the total is the first one).
            return CourseTotal(f"{parts[0].value:g} {parts[0].unit}",
                               (parts[0].start, parts[0].end))
        if len(parts) == int(number_of(match["n"])) + 1 and \
                _TOTAL_AFTER.match(lower, parts[-1].end):
            # "two courses of PT (8 weeks; 8 weeks), 16 weeks in all": the stated total
            return CourseTotal(f"{parts[-1].value:g} {parts[-1].unit}",
                               (parts[-1].start, parts[-1].end))
        if _PART_OF_WHOLE.search(rest) or _lengths(lower, a, match.start()):
            return None  # "14 wks total across 2 courses - 6 wks ..., 4 wks ...": parts
        if len(parts) == int(number_of(match["n"])):
            return _sum(parts)
    return None


def _past_aside(lower: str, a: int, b: int) -> tuple[int, int]:
    """A sentence cut inside a parenthesis ("(Feb-Apr, 8 weeks; Jun-Sep, 8 weeks), 16
    weeks in all") runs on past the parenthesis to its own end."""
    close = lower.find(")", b)
    if lower.count("(", a, b) <= lower.count(")", a, b) or close < 0:
        return a, b
    stop = re.compile(r"[.;\n]|$").search(lower, close + 1)
    return a, stop.start() if stop else len(lower)


def numbered_courses(lower: str, at: int) -> CourseTotal | None:
    """"PT course 1: 6 wks; course 2: 7 wks (total 13 wks)": courses numbered 1, 2, ...
    on the mention's line, each with its length right after its label."""
    start = lower.rfind("\n", 0, at) + 1
    end = lower.find("\n", at)
    end = len(lower) if end < 0 else end
    labels = [m for m in _NUMBERED.finditer(lower, start, end) if m.start() >= at - 1 or
              m.start() <= at < m.end()]
    if len(labels) < 2 or [int(number_of(m["k"])) for m in labels] != \
            list(range(1, len(labels) + 1)):
        return None
    parts = []
    for i, label in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        found = _lengths(lower, label.end(), min(stop, label.end() + 40))
        if not found:
            return None
        parts.append(found[0])
    return _sum(parts)

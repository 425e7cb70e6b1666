"""Courses given one after another: "Two courses of PT: 8 wks and 6 wks", "PT course 1:
6 wks; course 2: 7 wks". The lengths of the courses, when they are the whole of what
is described, add up to the time the treatment lasted. Nothing here knows a fact: the
reader asks for the total next to a mention of a fact counted in weeks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.reading.text import hits
from agent.reading.values import FOREIGN_TOTAL, Quantity, number_of, quantities

_COUNT = re.compile(r"\b(?P<n>[2-6]|two|three|four|five|six)\s+(?:[a-z.+/-]+\s+){0,2}?"
                    r"(?:courses|blocks|rounds)\b")
# A count of courses with one length said of every course: "2 courses of 6 weeks", "two
# rounds of PT, 4 weeks each", "2 blocks of 12 wks apiece" (outside tester session 16 F16
# read 6 weeks). The length is one course's.
_EACH_COURSE = re.compile(
    r"\b(?:(?:[2-6]|two|three|four|five|six|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|"
    # (Galician and Portuguese: "dous ciclos de 6 semanas", "dois ciclos")
    r"due|tre|quattro|dous|dúas|duas|dois)\s+(?:[a-z.+/-]+\s+){0,2}?(?:courses|rounds|cycles|"
    # (a referral from abroad: "2 ciclos de tratamiento conservador de 6 semanas cada uno",
    # "Zwei Serien Krankengymnastik à 6 Wochen")
    r"blocks|trials|ciclos|cicli|cursos|séries|serien|zyklen|kuren)|"
    # (Norwegian, Danish, Swedish: "to serier à 6 uker", "två omgångar"; their "to" only
    # before their own nouns, never the English "to"; fresh37 read one series' 6 weeks)
    r"(?:[2-6]|to|tre|fire|två|tva)\s+(?:serier|kurer|runder|perioder|omganger|omgange|"
    r"omgångar|forløp|forløb))\b"
    r"(?:\s+(?:of|de|di)\s+(?P<of>[^\W\d]+(?:[ \t]+[^\W\d]+){0,3}[ \t,]*)?)?")
EACH_WORDS = (r"each|ea|apiece|per course|a course|per block|per round|cada uno|cada una|"
              # (Galician and Portuguese: "de 6 semanas cada un", "cada um"; phrase33a)
              r"cada un|cada unha|cada um|cada uma|"
              r"ciascuno|ciascuna|chacun|chacune|jeweils|"
              # (Vietnamese, Indonesian, Romanian: "6 tuần mỗi đợt", "6 minggu masing-masing")
              r"mỗi|masing-masing|fiecare")
"""The words saying a length is each course's ("6 wks each"; "cada uno", "chacun", "jeweils"
in a referral from abroad)."""
_EACH_AFTER = re.compile(rf"\s*(?:{EACH_WORDS})\b")
_EACH_BEFORE = re.compile(r"[ \t]+(?:[^\W\d]+[ \t]+){0,3}(?:à|je)[ \t]+")
# (a course by its other names, and abroad: "Physio period 1: 6 weeks, period 2: 7 weeks",
# "Serie 1", "periodo 2"; FAMILIES29 read the first period's 6 weeks as all)
_COURSE_LABEL = (r"(?:course|block|round|period|periode|periodo|período|période|episode|"
                 r"stint|serie|series|ciclo|cycle)")
_NUMBERED = re.compile(r"\b" + _COURSE_LABEL + r"\s*#?\s*(?P<k>[1-6]|one|two|three|four|five|six)"
                       r"\b\s*[:(-]?")
# ("a combined course of meloxicam and home exercise" is one course of two things, not a
# total of the courses)
_PART_OF_WHOLE = re.compile(r"\b(each|apiece|per course|total|in total|overall|"
                            r"combined(?!\s+(?:course|program|programme|regimen|trial|block))|"
                            r"altogether|cumulative|concurrent|concurrently|at the same time|"
                            r"simultaneous|overlapping)\b")
# "6 weeks in all of the first course" is one course's length, not the total.
_TOTAL_AFTER = re.compile(r"\s*(?:in total|total|in all|altogether|all told|combined|overall|"
                          + FOREIGN_TOTAL + r")\b"
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
    parts: tuple[tuple[int, int], ...] = ()
    """Where each course's length is (the figures the sum takes, not those between)."""

    def at_least(self, weeks: float) -> int:
        """How many of the courses lasted at least ``weeks``."""
        return sum(1 for w in self.weeks if w >= weeks - 0.01)


def _sum(parts: list[Quantity]) -> CourseTotal | None:
    if len(parts) < 2 or len({q.unit for q in parts}) != 1:
        return None
    return CourseTotal(f"{sum(q.value for q in parts):g} {parts[0].unit}",
                       (parts[0].start, parts[-1].end),
                       tuple(q.value * _IN_WEEKS[q.unit] for q in parts),
                       tuple((q.start, q.end) for q in parts))


# (an equals sign or an arrow may lead to the sum: "(12 wk; 12 wk) = 24 wk", "... -> 14 wks")
_RIGHT_AFTER = re.compile(r"[\s,)]*(?:\([^()\n]{0,40}\)[\s,]*)?(?:(?:=>?|->|→)[\s(]*)?")


def sum_of(lower: str, courses: list[Quantity], q: Quantity) -> bool:
    """A length right after two or more of the same unit that is their sum is their total,
    said without a total word ("two courses, 03/2026-05/2026 (8 wks) and 07/2026-08/2026
    (5 wks), 13 weeks"; an aside of when may come between: "5 weeks (summer), 13 weeks"):
    not a third course to add."""
    return len(courses) >= 2 and len({c.unit for c in courses} | {q.unit}) == 1 and \
        abs(sum(c.value for c in courses) - q.value) < 0.01 and \
        _RIGHT_AFTER.fullmatch(lower, courses[-1].end, q.start) is not None


def counted_courses(lower: str, sentence: tuple[int, int], at: int,
                    end: int | None = None) -> CourseTotal | None:
    """"Two PT courses: 8 weeks in spring and 10 weeks this summer": a count of courses
    by the mention at ``at``, followed in its sentence by exactly that many lengths (and
    no "each", no total, nothing said to run at the same time), or the total said right
    after the mention (ending at ``end``)."""
    a, b = past_aside(lower, *sentence)
    end = at if end is None else end
    for match in _COUNT.finditer(lower, a, b):
        named = match.start() - 25 <= at < match.end() or \
            re.fullmatch(r"\s*of\s+(?:the\s+)?", lower[match.end():at]) is not None
        if not named:
            continue
        rest = lower[match.end():b]
        parts = _without_parts(lower, _list_lengths(lower, match.end(), b))
        if parts and _TIMES.fullmatch(lower, match.end(), parts[0].start):
            return _times_total(parts, number_of(match["n"]))
        if parts and _TOTAL_AFTER.match(lower, parts[0].end) and \
                _ASIDE_ONLY.fullmatch(lower[max(match.end(), end):parts[0].start]):
            # "2 courses of PT, 14 wks total (...)", "two courses of physical therapy,
            # 12 weeks in all: ...", "2 courses of PT (2025 and summer 2026), 14 wks
            # total": the total right after the courses (an aside of when may come
            # between; it holds no length, since the total is the first one).
            return CourseTotal(f"{parts[0].value:g} {parts[0].unit}",
                               (parts[0].start, parts[0].end))
        if len(parts) == int(number_of(match["n"])) + 1 and \
                (_TOTAL_AFTER.match(lower, parts[-1].end) or sum_of(lower, parts[:-1], parts[-1])):
            # "two courses of PT (8 weeks; 8 weeks), 16 weeks in all": the stated total
            return CourseTotal(f"{parts[-1].value:g} {parts[-1].unit}",
                               (parts[-1].start, parts[-1].end))
        if _PART_OF_WHOLE.search(rest) or _list_lengths(lower, a, match.start()):
            return None  # "14 wks total across 2 courses - 6 wks ..., 4 wks ...": parts
        if len(parts) == int(number_of(match["n"])):
            return _sum(parts)
    return None


_TIMES = re.compile(r"[ \t]*(?:x|×|@)[ \t]*")


def _times_total(parts: list[Quantity], n: float) -> CourseTotal | None:
    """"2 courses x 5 weeks ... = 10 weeks": the length after the times sign is each
    course's, never one of the courses to add (outside tester 22 F7 read 15 weeks); the
    total is a later length that is the count times it, else none is said."""
    each = parts[0]
    total = next((q for q in parts[1:] if q.unit == each.unit and q.value == n * each.value),
                 None)
    return None if total is None else CourseTotal(f"{total.value:g} {total.unit}",
                                                  (total.start, total.end))


def _without_parts(lower: str, lengths: list[Quantity]) -> list[Quantity]:
    """The lengths of a list but those that make up one before them ("12 weeks this year
    (exercise 6 weeks, manual therapy 3 weeks, education 3 weeks)": one course's parts)."""
    parts: set[int] = set()
    for q in lengths:
        if q.start not in parts:
            parts |= {p for p in breakdown(lower, q, in_weeks(q), lengths) if p > q.start}
    return [q for q in lengths if q.start not in parts]


def past_aside(lower: str, a: int, b: int) -> tuple[int, int]:
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
    if any(lower[max(start, m.start() - 2):m.start()].rstrip().endswith("(") for m in labels):
        # "PT 2025: 6 wks, no help (course 1); PT 2026: 8 wks (course 2). Naproxen 8 wks":
        # a label in brackets closes the course told before it; the length after it is the
        # next thing's (read 16 weeks, the second course's 8 and the drug's 8)
        return None
    parts = []
    for i, label in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        found = _list_lengths(lower, label.end(), min(stop, label.end() + 40))
        if not found:
            return None
        parts.append(found[0])
    return _sum(parts)


_NUMBERED_ALONE = re.compile(r"\bcourse\s*#?\s*(?P<k>[1-6])\b(?![./-]\d)\s*[:(-]?")
_COURSE_ENDS = re.compile(r"[;.](?=\s)|\n[ \t]*\n|\n[ \t]*[-*•]|$")


def numbered_lengths(lower: str, lo: int, hi: int) -> CourseTotal | None:
    """"course 1 meloxicam + walking program (4 wks); course 2 PT (4 wks)": the courses
    numbered 1 to N between ``lo`` and ``hi`` (a paragraph, its lines wrapped too), each
    with its own length between its label and the next one (or the end of its statement),
    however many words name what the course was. None unless every course has one."""
    labels = list(_NUMBERED_ALONE.finditer(lower, lo, hi))
    if len(labels) < 2 or [int(m["k"]) for m in labels] != list(range(1, len(labels) + 1)):
        return None
    parts = []
    for i, label in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else \
            _COURSE_ENDS.search(lower, label.end(), hi).start()
        found = _list_lengths(lower, label.end(), stop)
        if not found or lower.count("(", label.end(), found[0].start) > \
                lower.count(")", label.end(), found[0].start) + 1:
            return None
        parts.append(found[0])
    return _sum(parts) if len({q.unit for q in parts}) == 1 else None


# A total said of the lengths before it: "16 weeks total", "Total 16 wks", "16 weeks of
# conservative treatment in all", "Total conservative care 17 weeks".
_TOTAL_WORDS = (r"(?:in total|total|in all|altogether|all told|combined|overall|"
                + FOREIGN_TOTAL + ")")
_TOTAL_AFTER_LENGTH = re.compile(r"[\s,)]*(?:of\s+[a-z /-]{0,40}?\s*)?" + _TOTAL_WORDS + r"\b"
                                 r"(?!\s+of\s+(?:the|each|her|his|its)\b)")
_TOTAL_BEFORE_LENGTH = re.compile(r"\b(?:total|" + FOREIGN_TOTAL +
                                  r")\b(?:\s+of)?[a-z /-]{0,30}?[\s:(]*$")
# A length said right after the treatment's name and before its list: "Conservative tx
# 18 wks: PT x 6 wks, ..." (the colon opens the list the total is of).
_HEAD_LENGTH = re.compile(r"[\s,]*(?:\([^()\n]{0,60}\)[\s,]*)?$")
# Courses said to run side by side are not one after another: their lengths do not add.
_SIDE_BY_SIDE = re.compile(r"\b(?:concurrent|concurrently|alongside|same time|same period|"
                           r"throughout|overlapping|simultaneous|simultaneously|in parallel)\b")
_LIST_END = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class CourseList:
    """Courses listed one by one under the treatment's name, with the total they make."""
    total: CourseTotal
    head: tuple[int, int]
    """From the treatment's name to the first course's length."""
    gaps: tuple[tuple[int, int], ...]
    """After each course's length, to the next one's (or the list's end)."""
    after: tuple[int, int] = (0, 0)
    """The rest of the total's sentence ("12 weeks total ... Neither 6-week course
    improved": the next sentence too)."""


def _list_lengths(lower: str, a: int, b: int) -> list[Quantity]:
    """The lengths in a list, where a dash between spaces is punctuation, not a minus
    ("(07-27 to 09-04) - 12 weeks total")."""
    return [Quantity(q.start + a, q.end + a, q.value, q.hi, q.unit, q.text)
            for q in quantities(lower[a:b]) if q.unit in _DURATIONS and q.hi is None
            and (not q.negative or re.search(r"\s[-–]\s$", lower[a:a + q.start]))]


def parts_disagree(lower: str, a: int, b: int, total: str) -> bool:
    """Two or more lengths between ``a`` and ``b`` that do not add up to ``total`` ("PT (8
    wks) ... NSAIDs (8 wks) ... 12 weeks total"): no list of the courses the total is of."""
    parts = _list_lengths(lower, a, b)
    value, unit = total.split()
    return len(parts) >= 2 and (any(q.unit != unit for q in parts) or
                                abs(sum(q.value for q in parts) - float(value)) >= 0.01)


_SPLIT = re.compile(r"[^\n.;=:]{0,60}?(?:=|:)")
"""From a length to the "=" or ":" that opens its parts: the thing's name, its dates or an
aside of when ("12 wks PT 09/01-11/24/26 = ...", "13 weeks (Jun-Sep 2026) = ..."), between."""
_PARTS_END = re.compile(r"\.(?=\s)|\n")


def split_into_parts(lower: str, end: int, value: float, unit: str) -> bool:
    """The length ending at ``end`` is a whole its parts follow after "=" or ":", two or
    more lengths of its unit that add up to it ("12 wks PT 09/01-11/24 = 6 wks ther-ex,
    3 wks manual tx, 3 wks pain ed"; "PT 14 wk: 8 wk ex / 3 wk manual / 3 wk ed"): one
    total, not several lengths of the thing."""
    split = _SPLIT.match(lower, end)
    if split is None or _list_lengths(lower, end, split.end()):
        return False  # (another length before the parts: "12 wks PT, 6 wks meds: ...")
    stop = _PARTS_END.search(lower, split.end())
    parts = _list_lengths(lower, split.end(), stop.start() if stop else len(lower))
    # (the parts first, then maybe more of the sentence: "...; a prior course (2025, 6 wk)")
    for n in range(2, len(parts) + 1):
        if {q.unit for q in parts[:n]} == {unit} and \
                abs(sum(q.value for q in parts[:n]) - value) < 0.01:
            return True
    return False


def _is_total(lower: str, q: Quantity) -> bool:
    line = lower.rfind("\n", 0, q.start) + 1
    return _TOTAL_AFTER_LENGTH.match(lower, q.end) is not None or \
        _TOTAL_BEFORE_LENGTH.search(lower[max(line, q.start - 40):q.start]) is not None


def listed_courses(lower: str, at: int, end: int) -> CourseList | None:
    """"Conservative care:\\n PT 03/23-05/15 (8 wks) ...: no improvement.\\n PT 06/01-07/24
    (8 wks) ...: no improvement.\\n 16 weeks total": the lengths of courses listed after
    the treatment's name (at ``at``, the name ending at ``end``), up to a blank line,
    which add up to the total said before or after them. Lengths that do not add up to
    a stated total are no such list (nothing is read from them here)."""
    blank = _LIST_END.search(lower, end)
    stop = min(blank.start() if blank else len(lower), end + 900)
    lengths = _list_lengths(lower, end, stop)
    ahead = _total_ahead(lower, at, end)
    if not lengths:
        return None
    first = ahead or lengths[0]
    head_total = ahead is not None or _is_total(lower, first) or (
        _HEAD_LENGTH.fullmatch(lower[end:first.start]) is not None and
        re.match(r"[\s)]*:", lower[first.end:]) is not None)
    lengths = [first, *lengths] if ahead else lengths
    if head_total:
        courses: list[Quantity] = []
        for q in lengths[1:]:
            if _is_total(lower, q):
                return None
            courses.append(q)
            if abs(sum(c.value for c in courses) - first.value) < 0.01:
                tail = re.compile(r"\.(?=\s)|\n[ \t]*\n|$").search(lower, q.end)
                last = tail.start() if tail else stop
                if any(q.end <= x.start < last for x in lengths):
                    return None  # "(16 wks in all): PT 8 wks; meds 8 wks; diet alongside, 8 wks"
                return _course_list(lower, courses, first, (end, courses[0].start), last)
        return None
    courses = []
    for q in lengths:
        if _is_total(lower, q) or sum_of(lower, courses, q) or _sum_alone(lower, courses, q):
            if abs(sum(c.value for c in courses) - q.value) >= 0.01:
                return None
            return _course_list(lower, courses, q, (at, courses[0].start) if courses
                                else (at, at), q.start)
        courses.append(q)
    return None


_AHEAD_OF = re.compile(r"[ \t]+(?:of[ \t]+)?(?:prior[ \t]+)?")
_LIST_OPENS = re.compile(r"[ \t]*(?:in total|total|in all|altogether|all told|overall|combined)?"
                         r"[ \t]*:")


def _total_ahead(lower: str, at: int, end: int) -> Quantity | None:
    """The length said right before the treatment's name when a colon after the name opens
    the list of its courses ("14 weeks of conservative care in all: PT for 7 weeks (no
    improvement), naproxen for 7 weeks (no improvement)"): the total, said first."""
    before = _list_lengths(lower, max(0, at - 30), at)
    if not before or not _AHEAD_OF.fullmatch(lower, before[-1].end, at) or \
            not _LIST_OPENS.match(lower, end):
        return None
    return before[-1]


def _sum_alone(lower: str, courses: list[Quantity], q: Quantity) -> bool:
    """A length that opens its own sentence and is the sum of the courses listed before it
    ("PT (8 wk) + naproxen; then (10 wk) home program + gabapentin. 18 wk; no improvement
    after either"): their total, said with no total word."""
    return len(courses) >= 2 and len({c.unit for c in courses} | {q.unit}) == 1 and \
        abs(sum(c.value for c in courses) - q.value) < 0.01 and \
        _OPENS.search(lower[max(0, q.start - 6):q.start]) is not None


_OPENS = re.compile(r"(?:[.;]\s+|\n[ \t>*-]*)(?:=\s*)?\Z")


def _course_list(lower: str, courses: list[Quantity], total: Quantity,
                 head: tuple[int, int], last: int) -> CourseList | None:
    if len(courses) < 2 or len({q.unit for q in courses} | {total.unit}) != 1:
        return None
    span = (min(courses[0].start, total.start), max(courses[-1].end, total.end, last))
    # (where every length is a course named by its place, "Course 1: physio, 8 weeks, with
    # naproxen throughout ... Course 2: ..., 14 weeks", a word of running together is said
    # within one course: the courses still came one after another)
    placed = set(range(1, len(courses) + 1)) <= set(course_places(lower[head[0]:span[1]]))
    if not placed and _SIDE_BY_SIDE.search(lower, span[0], span[1]):
        return None  # "PT 8 wks, NSAIDs alongside 8 wks, 16 wks in all": not one after another
    ends = [q.start for q in courses[1:]] + [max(last, courses[-1].end)]
    rest = max(last, total.end)
    after = _SENTENCE_END.search(lower, _SENTENCE_END.search(lower, rest).end())
    return CourseList(CourseTotal(f"{total.value:g} {total.unit}", (total.start, total.end),
                                  tuple(q.value * _IN_WEEKS[q.unit] for q in courses)),
                      head, tuple((q.end, e) for q, e in zip(courses, ends, strict=True)),
                      (rest, min(after.start(), rest + 240)))


_SENTENCE_END = re.compile(r"\.(?=\s)|\n[ \t]*\n|$")


_ALL_OF_THEM = re.compile(r"\b(?:neither|none|either|both|each|all|every)\b")
_BETTER = re.compile(r"\b(?:improved|improvement|improving|helped|helpful|relief|benefit|"
                     r"better|responded|response|resolved)\b")
_NOT = re.compile(r"\b(?:no|not|without|w/o|never|neither|none|nor|didn't|did not|"
                  r"hasn't|has not|without any|any)\b")


def each_failed(lower: str, found: CourseList, cues: tuple[str, ...],
                counted: bool = False) -> bool:
    """Every listed course is said to have failed: a failure word after each one's
    length, or one said of them all ("neither course helped", "each course without
    improvement") before the first or after the last; and no course said to have
    helped ("some improvement", "partial relief"), nor a count of failed courses given
    with the list (that count is read as said). With ``counted`` (a yes/no of the whole
    care, not a count), a count given with the list that is the number of courses listed
    ("Total 16 wks, 2 failed courses" under two courses each "failed") agrees with it."""
    def failed(a: int, b: int) -> bool:
        # (a failure wrapped at the line's margin: "... - no\n  improvement.")
        return bool(hits(re.sub(r"\s+", " ", lower[a:b]), cues))

    counts = list(_COUNT.finditer(lower, found.head[0], found.after[1]))
    if counts and not (counted and _count_agrees(lower, found, counts)):
        return False  # "total 20 wks, 2 courses each over 6 wks with no improvement": said
    for a, b in found.gaps:
        for better in _BETTER.finditer(lower, a, b):
            before = lower[max(a, better.start() - 40):better.start()].split()[-5:]
            if not any(_NOT.fullmatch(w.strip(",;:-()")) for w in before):
                return False
    if all(failed(a, b) for a, b in found.gaps):
        return True
    said_of_all = [found.head, found.gaps[-1], found.after]
    return any(_ALL_OF_THEM.search(lower, a, b) and failed(a, b) for a, b in said_of_all)


def _count_agrees(lower: str, found: CourseList, counts: list[re.Match[str]]) -> bool:
    """Every count of courses said with the list is the number of courses listed, and none
    is followed by how some of them went ("Total 14 wks, 2 courses, 1 failed": asked)."""
    return {int(number_of(m["n"])) for m in counts} == {len(found.gaps)} and \
        not any(_SOME_OF_THEM.match(lower, m.end(), found.after[1]) for m in counts)


_SOME_OF_THEM = re.compile(
    r"[^.;\n]*?[,:;(–—-]\s*(?:but\s+)?(?:only\s+)?(?:\d+|one|two|three|four|the\s+first|"
    r"the\s+second|the\s+third|the\s+last|the\s+latest|the\s+most\s+recent|the\s+earlier|"
    r"the\s+later|the\s+other|the\s+others|one\s+of\s+them|only)\b"
    r"(?:\s+(?:one|ones|of|them|course|courses|in|\d{4}|the))*\s+"
    r"(?:failed|helped|worked|succeeded|was\s+(?:successful|effective|helpful)|gave\s+relief|"
    r"did\s+not\s+help|didn'?t\s+help|did\s+not\s+work|didn'?t\s+work)\b")
"""A count of courses and then how some of them went ("2 PT courses, 1 failed", "3
courses of conservative treatment, only the last one failed", "Two 6-week courses: the
first failed, the second helped partially"): the count is of the courses, not of the
failed ones (outside tester session 8 F30)."""


def some_of_them(lower: str, start: int, end: int) -> bool:
    """After a count of courses at ``start`` in a sentence ending at ``end``, what is said
    of some of the courses, one by one or by a smaller count ("2 failed PT courses, 1
    failed medication course" counts failed ones itself, and the 1 is another thing's)."""
    return _SOME_OF_THEM.match(lower, start, end) is not None and \
        not re.search(r"\b(?:failed|unsuccessful)\b", lower[max(0, start - 40):start])


def each_course_length(lower: str, start: int, end: int) -> bool:
    """The length at ``start``-``end`` is said of each of a count of courses ("2 courses
    of 6 weeks", "two rounds of PT, six weeks each"), with no total or other length in
    its sentence: one course's length, not the time the treatment lasted in all (whether
    the courses ran one after another, or one was cut short, is not said: asked)."""
    lo = max(lower.rfind("\n\n", 0, start), lower.rfind(".", 0, start), start - 80, 0)
    for m in _EACH_COURSE.finditer(lower, lo, start):
        between = lower[m.end():start]
        directly = m["of"] is None and m.group().rstrip().endswith(("of", "de", "di")) and \
            not between.strip()
        listed = re.fullmatch(r"[\s,]*", between) is not None and \
            _EACH_AFTER.match(lower, end) is not None
        # ("Zwei Serien Krankengymnastik à 6 Wochen": the "à" of a price or a dose, each)
        listed = listed or _EACH_BEFORE.fullmatch(between) is not None or \
            _EACH_LEADS.fullmatch(between) is not None
        if directly or listed:
            return True
    return False


_EACH_LEADS = re.compile(r"[\])]?[ \t]*(?:\([^()\n]{0,80}\)[ \t]*)?[,:;(–-]?[ \t]*(?:"
                         + EACH_WORDS + r"|each one|every one|each of them|both|all)"
                         r"(?:[ \t]+(?:lasting|of|for|running|about|approx\.?|roughly|around))?"
                         r"[ \t]*[:~≈]?[ \t]*")
""""Each" said before the length, after the count ("two courses, each 7 weeks", "3 rounds
of PT: each lasting 6 wks", "3 rounds (PT, then NSAID), each ~6 wks", "kaksi jaksoa [two
courses], each 7 weeks": fresh34 read one course's 7 weeks as the whole)."""


# One course among several, named by its place ("course 1", "(course 2)", "PT #1", "the
# first one", "first was 6 wks", "2nd block"): what the length beside it is of.
_COURSE_NOUNS = r"(?:one|course|block|round|time|trial|series|stint|episode|place|clinic)"
_PLACE = re.compile(
    r"\b(?:trial|" + _COURSE_LABEL + r")\s*#?\s*(?P<k>[1-6]|one|two|three|four)\b(?![./-]\d)|"
    r"(?:\bpt|\bphysio|\btherapy|\brehab)\s*#\s*(?P<h>[1-6])\b|"
    r"\b(?P<o>first|1st|second|2nd|third|3rd|earlier|previous|prior|initial)\s+"
    r"(?:(?:(?!weeks?\b|wks?\b|months?\b|days?\b)[a-z]+\s+)?" + _COURSE_NOUNS + r"|was)\b")
_ORDINALS = {"first": 1, "1st": 1, "initial": 1, "earlier": 1, "previous": 1, "prior": 1,
             "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def course_places(segment: str) -> list[int]:
    """The places of the courses ``segment`` names ("course 1" is 1, "second course" 2;
    0 where the word gives no number: "the later block")."""
    out = []
    for m in _PLACE.finditer(segment):
        if m["k"] or m["h"]:
            out.append(int(number_of(m["k"] or m["h"])))
        else:
            out.append(_ORDINALS.get(m["o"], 0))
    return out


def later_places(lower: str, a: int, b: int) -> list[int]:
    """Where between ``a`` and ``b`` a course is named as a second or later one ("this was
    her 2nd PT course", "(course 2)")."""
    return [m.start() for m in _PLACE.finditer(lower, a, b)
            if (int(number_of(m["k"] or m["h"])) if m["k"] or m["h"]
                else _ORDINALS.get(m["o"], 0)) >= 2]


# A count of courses said of the treatment: "two courses of physio", "2 PT blocks", "yes, 2
# times", "2 different places", "PT x2", "both courses" (not "2 times a week").
_COUNTED = re.compile(
    r"\b(?P<n>[2-6]|two|three|four|five|six)\s+(?:[a-z.+/-]+\s+){0,2}?(?:courses|blocks|rounds|"
    r"trials|series|times|places|clinics|episodes|stints)\b"
    r"(?!\s*(?:a|per|/|each|every|weekly|daily)\b|\s*/)|"
    r"\bx\s?(?P<x>[2-6])\b(?!\s*(?:/|per\b|a\b|each\b|wks?\b|weeks?\b|mos?\b|months?\b|"
    r"days?\b|visits?\b|sessions?\b))|"
    r"\bboth\s+(?P<both>courses|blocks|rounds|trials)\b|"
    r"\b(?P<twice>twice)\b(?!\s*(?:a|per|/|each|every|weekly|daily|monthly|in a)\b)")


def counts_said(segment: str) -> set[int]:
    """Every count of courses ``segment`` says."""
    return {2 if m["both"] or m["twice"] else int(number_of(m["n"] or m["x"]))
            for m in _COUNTED.finditer(segment)}


_LIST_STOP = re.compile(r"\.(?=\s)|\n[ \t]*\n|\n[ \t]*(?:[-*•>\[]|\d+[.)]|[^\W\d][^\n:]{0,30}:)")
"""Where a list of a length's parts ends: its sentence's end, a blank line, or a new list
item or label line (a line wrapped at its margin runs on)."""


def breakdown(lower: str, q: Quantity, weeks: float, lengths: list[Quantity]) -> set[int]:
    """The starts of the lengths that make up ``q`` (``weeks`` long): two or more right
    after it, or right before it, in its sentence or list item, adding up to it ("12 wks
    total -- ther ex 6 wks, manual 3 wks, pain school 3 wks"; "course 1 6 wk, course 2 6
    wk => 12 wk total"): its parts, not other courses."""
    stop = _LIST_STOP.search(lower, q.end)
    end = stop.start() if stop else len(lower)
    # (a total after its parts may close a list of lines or sentences: back to its
    # paragraph's start)
    start = max(lower.rfind("\n\n", 0, q.start), q.start - 400, 0)
    after = [x for x in lengths if q.end <= x.start < end]
    before = [x for x in reversed(lengths) if start <= x.start and x.end <= q.start]
    out: set[int] = set()
    for run in (after, before):
        total, parts = 0.0, []
        for x in run:
            total += x.value * _IN_WEEKS[x.unit]
            parts.append(x.start)
            if abs(total - weeks) < 0.05 and len(parts) >= 2:
                out |= set(parts)
                break
            if total > weeks + 0.05:
                break
    return out


def in_weeks(q: Quantity) -> float:
    return q.value * _IN_WEEKS[q.unit]


def all_lengths(lower: str) -> list[Quantity]:
    """Every length of time in ``lower`` (a dash between spaces is punctuation)."""
    return _list_lengths(lower, 0, len(lower))


_COURSE_LABEL = re.compile(r"\b(?:course\s*#?\s*(?P<k>[1-6])\b|(?P<o>[1-6])(?:st|nd|rd|th)\s+"
                           r"(?:[a-z]+\s+)?course\b|(?P<w>first|second|third)\s+(?:[a-z]+\s+)?"
                           r"course\b)")
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3}


def numbered_failed(lower: str, lo: int, hi: int, cues: tuple[str, ...],
                    kind: tuple[str, ...], other: tuple[str, ...]) -> tuple[int, int, int] | None:
    """Courses numbered 1 to N in ``lower[lo:hi]`` (a paragraph: "VA PT 2025: 6 wks -- no
    relief (course 1)\n VA PT 2026: 12 wks -- no relief (course 2)", "PT course 1 ends, 12
    wks - no improvement ... PT course 2 ends, 10 wks - no improvement", "course #1 ...
    Course #2 ... No relief from either"), each of the thing ``kind`` names (before its
    label on its line, or the label opens its clause under the first one's) and none of
    what ``other`` names, each said to have failed in its own part of its line, or all of
    them after the last ("from either"), none said to have helped: how many failed (N),
    and where the labels are. None where the numbering or a verdict is missing."""
    labels = list(_COURSE_LABEL.finditer(lower, lo, hi))
    numbers = [int(m["k"] or m["o"] or _ORDINAL_WORDS[m["w"]]) for m in labels]
    top = max(numbers, default=0)
    if top < 2 or sorted(set(numbers)) != list(range(1, top + 1)):
        return None
    # (two labels on one line part at the last full stop between them, else at the second)
    cuts = [_part_at(lower, labels[i - 1].end(), m.start()) for i, m in enumerate(labels)
            if i]
    said: dict[int, list[str]] = {}
    for i, m in enumerate(labels):
        line_a, line_b = lower.rfind("\n", 0, m.start()) + 1, lower.find("\n", m.end())
        a = max(line_a, cuts[i - 1] if i else 0)
        b = min(hi if line_b < 0 else line_b,
                cuts[i] if i + 1 < len(labels) else _last_part_end(lower, m.end(), hi, other))
        before = re.split(r"[.;,]", lower[a:m.start()])[-1]
        if not hits(lower[a:m.start()], kind) and (not i or re.search(r"[a-z]", before)):
            return None  # ("Naproxen course 2 - failed": another thing's course)
        said.setdefault(numbers[i], []).append(re.sub(r"\s+", " ", lower[a:b]))
    words = {k: " ".join(parts) for k, parts in said.items()}
    if any(hits(w, other) or _helped(w) for w in words.values()):
        return None
    last = words[top]
    shared = bool(_ALL_OF_THEM.search(last)) and bool(hits(last, cues))
    if not shared and not all(hits(w, cues) for w in words.values()):
        return None
    return top, labels[0].start(), labels[-1].end()


def _last_part_end(lower: str, a: int, hi: int, other: tuple[str, ...]) -> int:
    """Where the last course's part ends: at ``hi`` (the paragraph's end), or where a later
    sentence of it names another thing ("... course 2 10/2026-12/2026, neither helped.
    Meds: naproxen x 3 mo - failed"): that sentence is the other thing's, not the course's."""
    for stop in re.finditer(r"[.;](?=\s)", lower[a:hi]):
        start = a + stop.end()
        nxt = re.search(r"[.;](?=\s)|$", lower[start:hi])
        end = start + (nxt.end() if nxt else hi - start)
        if hits(lower[start:end], other):
            return start
    return hi


def _part_at(lower: str, a: int, b: int) -> int:
    """Where the part of one course ends and the next one's begins, between the end of a
    label (``a``) and the start of the next (``b``): the next one's line, or on one line
    the last full stop between them, else the next label."""
    line = lower.rfind("\n", a, b)
    if line >= 0:
        return line + 1
    stops = [x.end() for x in re.finditer(r"[.;](?=\s)", lower[a:b])]
    return a + stops[-1] if stops else b


def _helped(words: str) -> bool:
    """A course said to have helped ("much better", "good relief"), not denied."""
    for better in _BETTER.finditer(words):
        before = words[max(0, better.start() - 40):better.start()].split()[-5:]
        if not any(_NOT.fullmatch(w.strip(",;:-()\"'")) for w in before):
            return True
    return False


# (a dictation says its punctuation: "six weeks of exercise comma three weeks of ...")
SPOKEN_BREAK = r"\.(?=\s)|\b(?:comma|semicolon|colon|period|full stop)\b"
"""A full stop, or a break a dictation says in words."""
_ITEM_BREAK = re.compile(r"[,;\n]|" + SPOKEN_BREAK)


_JOINER_ONLY = re.compile(r"\b(?:and|plus|with|then|w)\b|[^a-z]")


def whole_before_part(lower: str, length: tuple[int, int], name_end: int) -> bool:
    """The length at ``length`` is said right before a part's name that has a length of
    its own after it, in the same item, and the lengths from there to the line's end add
    up to it ("8 wks manual therapy + heat/TENS 4 wks, back school 4 wks"): the course's
    whole, its parts following, not the part's (outside tester 27 F1 read 8 weeks of
    manual therapy where 4 were given). "6 wks exercise, 3 wks manual, 3 wks education"
    is a list of parts: a separator comes before the next length."""
    line_end = lower.find("\n", name_end)
    line_end = len(lower) if line_end < 0 else line_end
    after = _list_lengths(lower, name_end, line_end)
    whole = _list_lengths(lower, length[0], length[1])
    if len(after) < 2 or len(whole) != 1 or _ITEM_BREAK.search(lower, name_end, after[0].start):
        return False
    # (the part's own length comes after more of its words, "+ heat/TENS 4 wks"; a length
    # right after a joiner is the next part's, "6 wk exercise + 3 wk manual + 3 wk ed")
    if not _JOINER_ONLY.sub("", lower[name_end:after[0].start]):
        return False
    total = 0.0
    for q in after:
        if q.unit != whole[0].unit:
            return False
        total += q.value
        if abs(total - whole[0].value) < 0.01:
            return q is not after[0]
    return False

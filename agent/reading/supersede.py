"""A later or authoritative section replaces what the text before it said of the same fact.

A note is often two voices, the second one the word that holds: the attending's
attestation under a PA's note ("PA-C: pain 5/10 ... ATTENDING ATTESTATION: ... his pain
today is 3/10"), an addendum dated later under the original ("Original 10/14/2026: no COPD
admissions ... ADDENDUM 12/05/2026: readmitted today ..."), a late entry ("Pain 6/10. Late
entry 12/02 (correction): ... actual pain 2/10"). Where such a section reads a value of a
fact the text before it read too, the earlier value is dropped before one reading per fact
is chosen; what the section does not speak to is still read from the earlier part (fresh19
session 16: "significant improvement" in the attestation was left behind "no significant
change" in the PA's note).

Only a value the section reads replaces: a section that names the fact but settles nothing
leaves the earlier value to the ordinary choice. A section value said to add to what was
before ("also", "another") replaces nothing. A set fact's earlier member is dropped only
where the section denies or names that member, or denies the whole set ("She has no heart
disease and no other medical problems"). The words are data: ``later_sections`` in
``context.yaml``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from agent.reading.facts import Candidate
from agent.reading.message import _Message
from agent.reading.text import sentence_spans
from agent.reading.values import safe_date
from policies.cachedir import fixed_patterns

_TIMED = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?"
                    r"[ \t,]+(?P<t>\d{1,2}:?\d{2})(?![\d/])(?![ \t]*[-–][ \t]*\d)",
                    re.M)
"""A line of a timed series opening with its day and time ("12/05 1900  HFNC 40 L/min,
FiO2 50%", "12/06 04:00 weaned to ..."); not a span of days ("04/06-05/29 PT"), nor a
table of dated studies without times ("04/18/2026 MRI ... 10/15/2026 MRI ...": which study
reads is asked, a reading example's decision)."""


@cache
@fixed_patterns
def _head() -> re.Pattern[str]:
    words = context_rules().later_sections
    # at a line's or a sentence's start, after a rule or a bullet, up to two words naming
    # who writes it ("ATTENDING ATTESTATION", "MD ADDENDUM", a speaker's name and colon in a
    # transcript: "Lindqvist: Correction - the records show both courses", fresh20), and the
    # section's own words up to the colon, a rule or the line's end that closes a header
    # ("ADDENDUM 12/05/2026 23:40 (re-signed):",
    # "---- MD ADDENDUM (Dr. L. Farouk) 11/24/2026 ----").
    return re.compile(
        r"(?:^|(?<=[.!?])[ \t]+)[ \t\-=*#\[(]*"
        r"(?:(?!see\b|per\b|the\b|in\b|no\b|an?\b|with\b|for\b|of\b)[a-z.&/-]+:?[ \t]+){0,2}?"
        rf"(?:{alternation(words['heads'])})\b"
        r"[^\n:]{0,70}?(?::|[ \t][-–—]+[ \t]|-{2,}|$)", re.M)


@cache
@fixed_patterns
def _adds() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(context_rules().later_sections['adds'])})\b")


def section_starts(lower: str) -> list[int]:
    """Where each later or authoritative section of the text opens."""
    return [m.start() for m in _head().finditer(lower)]


def _when(m: re.Match[str], as_of: date) -> tuple[date, int] | None:
    year = int(m["y"]) + (2000 if m["y"] and len(m["y"]) == 2 else 0) if m["y"] else as_of.year
    day = safe_date(year, int(m["m"]), int(m["d"]))
    if day is not None and not m["y"] and day > as_of:
        day = safe_date(year - 1, day.month, day.day)
    minutes = int(m["t"].replace(":", "")[:-2] or 0) * 60 + int(m["t"][-2:])
    return (day, minutes) if day is not None else None


def later_entries(lower: str, as_of: date) -> list[int]:
    """Where each line of a timed series opens that is later than every line before it
    (the series' latest entry holds for a fact of now: "12/06 0400 weaned to ... FiO2
    40%" over "12/05 1900 ... FiO2 50%", fresh19)."""
    out: list[int] = []
    latest: tuple[date, int] | None = None
    for m in _TIMED.finditer(lower):
        when = _when(m, as_of)
        if when is None:
            continue
        if latest is not None and when > latest:
            out.append(m.start())
        latest = max(latest or when, when)
    return out


def replaced(lower: str, earlier: int, later: int) -> bool:
    """A section opens between the two positions: what is said at ``earlier`` is replaced
    by what is said at ``later`` (no rival of it)."""
    return earlier < later and any(earlier < s <= later for s in section_starts(lower))


def _sentence(msg: _Message, pos: int) -> str:
    """The sentence at ``pos`` (a line wrapped at its margin stays one sentence)."""
    for lo, hi in sentence_spans(msg.found).values():
        if lo <= pos < hi:
            return msg.lower[lo:hi]
    return ""


def _members(c: Candidate) -> set[str]:
    return {str(v) for v in c.value} if isinstance(c.value, list) else set()


def _covers(later: list[Candidate], earlier: Candidate) -> bool:
    """The later section speaks to the earlier reading: any value of a plain fact; of a
    set, each member the earlier one named or denied, named or denied again, or the whole
    set denied (a set read empty with no one member denied: "no other medical problems").
    An earlier denial of the whole set is replaced only by another whole one ("No COPD
    exacerbation" in an addendum says nothing of "no other significant illness")."""
    if not isinstance(earlier.value, list):
        return bool(later)
    said = set().union(*(_members(c) | set(c.absent) for c in later))
    whole = any(c.value == [] and not c.absent for c in later)
    own = _members(earlier) | set(earlier.absent)
    return whole or bool(own) and own <= said


def _replaceable(msg: _Message, c: Candidate) -> bool:
    """A value that can replace an earlier one: a fact of one value (not the highest of
    several measurements: an ED's later temperature is one more reading, not a
    correction), said as instead of, not besides ("also", "plus")."""
    rule = msg.rules.get(c.fact)
    return c.unread is None and c.fact in msg.specs and rule is not None and \
        not (rule.now_if_highest or rule.highest) and \
        not _adds().search(_sentence(msg, c.span[0]))


_MEMBER_WAS = re.compile(
    r"\b(?:the\s+(?:first|second|third|fourth|other|last|earlier|later|older|newer)|"
    r"one\s+of\s+(?:the|those|these)|another)\s+(?P<noun>[a-z]{3,12}?)s?\s+"
    r"(?:(?:was|were|is|are)\s+(?:actually\s+|really\s+)?(?:of|for|from|not|another|a\s+different|"
    r"someone|the\s+wrong|taken\s+of|done\s+on|done\s+for|never)|belongs?\s+to|belonged\s+to|"
    r"came\s+from|referred\s+to)\b")
"""A later section speaking of one member of a count said before ("X-rays x2 sets.
Addendum 12/01: the second set was of the other knee", outside tester session 17 F7,
read 2 sets; "PT x 3 courses. Correction: one of the courses was for her shoulder")."""


def _members_disowned(msg: _Message, candidates: list[Candidate], start: int
                      ) -> set[int]:
    """The count and date readings before ``start`` whose member the section at ``start``
    says was something else: how many there were is no longer what the count said, so
    it is asked."""
    nouns = {m["noun"] for m in _MEMBER_WAS.finditer(msg.lower, start)}
    out: set[int] = set()
    for c in candidates:
        # (and the dates of that sentence: which member was the other thing, and so
        # which date is the count's, is not said)
        if c.span[1] > start or not nouns or msg.specs[c.fact].type not in ("number", "date"):
            continue
        said = _sentence(msg, c.span[0])
        if any(re.search(rf"\b{re.escape(n)}s?\b", said) for n in nouns):
            out.add(id(c))
    return out


def superseded(msg: _Message, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates less those a later section replaces (module docstring)."""
    starts = [(s, False) for s in section_starts(msg.lower)] + \
        [(s, True) for s in later_entries(msg.lower, msg.as_of)]
    dropped: set[int] = set()
    for start, timed in starts:
        later: dict[str, list[Candidate]] = {}
        for c in candidates:
            # (a later entry of a timed series holds only for a fact of now, and not for
            # one whose figure a circumstance changes: "12/05 1330 morphine 2 mg IV. 12/05
            # 1400 pain 3/10" is the drug's effect, asked: fresh19)
            if c.span[0] >= start and _replaceable(msg, c) and (not timed or (
                    msg.rules[c.fact].current and not msg.rules[c.fact].conditions)):
                later.setdefault(c.fact, []).append(c)
        dropped |= {id(c) for c in candidates
                    if c.span[1] <= start and c.fact in later and _covers(later[c.fact], c)}
        if not timed:
            dropped |= _members_disowned(msg, candidates, start)
    return [c for c in candidates if id(c) not in dropped]

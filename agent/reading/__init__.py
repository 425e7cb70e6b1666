"""The offline reader: what a staff message says about the patient, read by rules.

One message flows: requests (procedure, start over, ...) → masks (disowned text, "Pt"
the patient, a procedure's name) → clauses → mentions of each fact (its reading rules,
``policies/library/**/reading.yaml``) → context (negated, uncertain, historical,
hypothetical, someone else) → candidate values → one reading per fact, validated →
answers to the questions just asked → corrections. Every reading keeps the user's exact
words. What it cannot settle it reports in ``unread`` so the agent asks: it never fills
a gap with a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from agent.reading import areas
from agent.reading.answers import (
    NO,
    UNSURE_ANSWER,
    YES,
    Question,
    all_answer,
    answer_for,
    answer_parts,
    change_answer,
    first_fitting,
    in_order,
    match_answers,
    numbered_parts,
    opens_with_yes_or_no,
    unsure_of_first,
)
from agent.reading.claims import claims
from agent.reading.context import CATEGORIES, Context, adjacent_negation, request_spans
from agent.reading.context import rules as context_rules
from agent.reading.courses import (
    CourseTotal,
    counted_courses,
    each_failed,
    listed_courses,
    numbered_courses,
)
from agent.reading.durations import bare, in_sequence, listed, more_after
from agent.reading.durations import outcome as durations_outcome
from agent.reading.facts import (
    MORE_OF_IT,
    THIS_VISIT,
    TOTAL,
    Candidate,
    Mention,
    Reader,
    another_measures,
    aside_of_figure,
)
from agent.reading.model import FactReading, Origin, Understanding, Unread
from agent.reading.requests import (
    ASKS_VERDICT,
    OVERRIDE,
    POLICY_WORDS,
    asks_to_start_over,
    procedure,
)
from agent.reading.rules import ReadingRule, fact_specs, reading_rules, stated_facts
from agent.reading.text import (
    LAST_NOT_HERS,
    PATIENT_MARK,
    Clause,
    Occurrences,
    asked_fields,
    blank,
    clauses,
    denied_thresholds,
    disowned,
    fields_apart,
    hits,
    leaders_as_fields,
    notices,
    patient_mentions,
    pipes_as_fields,
    sentence_spans,
    several_patients,
    underscore_boxes,
    unfilled,
    unwrap,
)
from agent.reading.values import (
    MONTHS,
    Quantity,
    compatible,
    dates_in,
    mask_ages,
    mask_dates,
    quantities,
    safe_date,
)
from policies.errors import FactError
from policies.facts import parse_value
from policies.library import load_policy
from policies.model import FactSpec

__all__ = ["NO", "UNSURE_ANSWER", "YES", "FactReading", "Origin", "Understanding",
           "MAX_MESSAGE_CHARS", "QUOTE_CATEGORIES", "quote_context", "understand"]

MAX_MESSAGE_CHARS = 30_000
"""Longer messages are refused with a one-line message (about 8 pages of notes): reading
time grows with length, and a larger paste is better sent a section at a time."""

_GROUPS = {"number": "number", "date": "date"}
_DENIED_BEFORE = re.compile(r"\b(?:no|not|not on|never|without|off|w/o|nothing|none of "
                            r"(?:that|these|those|them|it|this))\s+$|n't\s+$")
"""A denial right before an ``exclude`` word ("no supplemental O2", "has not helped")."""
_NOT_EVENT = tuple(context_rules().not_event_dates)


@dataclass
class _Message:
    """One message prepared for reading."""

    text: str
    lower: str
    """Lower-cased, with disowned text, "Pt" and procedure names blanked."""
    cpt: str | None
    specs: dict[str, FactSpec]
    rules: dict[str, ReadingRule]
    as_of: date
    occ: Occurrences
    found: list = field(default_factory=list)
    """The clauses of ``lower``."""
    pending: tuple[str, ...] = ()
    """The questions just asked: a bare "4 then, 7 now" answers a pending pain score."""
    context: Context | None = None
    """Who and when each part of ``lower`` is about (set once the clauses are known)."""


# ------------------------------------------------------------------ masks


_OCR_NUMBER = re.compile(r"(?<![a-z0-9])\d[\d,.]*o[\do,.]*(?![a-z])")
"""A scanned figure with the letter O for a zero ("1O1.3 F", "13,4OO")."""


def _masked(text: str, lower: str, named_cpt: str | None, rules: dict[str, ReadingRule]) -> str:
    lower = _OCR_NUMBER.sub(lambda m: m.group(0).replace("o", "0"), lower)
    lower = fields_apart(text, unwrap(text, lower))
    lower = asked_fields(denied_thresholds(pipes_as_fields(underscore_boxes(
        leaders_as_fields(lower)))))
    sentences = [(c.start, c.end) for c in _sentences(lower)]
    lower = blank(lower, patient_mentions(text), PATIENT_MARK)
    spans = disowned(lower, sentences) + _corrected_away(lower) + notices(lower) + \
        claims(lower, sentences) + unfilled(lower) + request_spans(lower)
    if named_cpt:
        # "what about a chest CT?" names the procedure, not a CT the patient had; but
        # "medial branch block 2026-10-01" is a fact of the policy itself.
        own = tuple(p for rule in rules.values() for p in rule.phrases)
        for alias in load_policy(named_cpt).criteria.policy.aliases:
            for a, b in hits(lower, (alias.lower(),)):
                lo = max(0, a - 60)
                near = [(x + lo, y + lo) for x, y in hits(lower[lo:b + 60], own)]
                if not any(x <= a and b <= y and (y - x) > (b - a) for x, y in near):
                    spans.append((a, b))
    return blank(lower, spans)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _sentences(lower: str, found: list | None = None) -> list[_Span]:  # noqa: ANN001
    spans = sentence_spans(found if found is not None else clauses(lower))
    return [_Span(a, b) for a, b in spans.values()]


_NOT_VALUE = re.compile(r"(?<=\d)(?:\s*[a-z/%°]*)?\s*,?\s+(?P<not>not\s+(?:the\s+)?\d+(?:\.\d+)?"
                        r"(?!/(?!10\b|100\b)\d)(?:\s*[a-z/%°]+)?)")
"""'8 weeks not 14': the value taken back. A date taken back ("the MRI was 10/01/2026 not
10/30") is no figure: its month is not a stored 10 weeks, nor its day a new value."""


_SHOULD_BE = re.compile(r"(?<![\d./])(?P<not>\d+(?:\.\d+)?)(?=(?:\s*[a-z]+)?(?:\s+(?:of|for|in)"
                        r"(?:\s+the)?\s+[a-z]+)?\s+(?:should (?:be|have been|read|say)|(?:is|was) "
                        r"wrong,? (?:it'?s|it is|it was|should be|should have been))\s+\d)")
"""'the 13 should be 16': the value taken back comes first."""
_NOT_FIRST = re.compile(r"^\s*(?P<not>not\s+\d+(?:\.\d+)?)(?=\s*[,;:]?\s+(?:(?:but|it'?s|it is|"
                        r"it was|rather)\s+)?\d)")
"""'not 3, 4': the value taken back, then the right one."""


def _taken_back_in(lower: str) -> list[re.Match[str]]:
    """Every value the user takes back, as a match whose "not" group holds it: "8 weeks
    not 14", "the 13 should be 16", "not 3, 4"."""
    return sorted([*_NOT_VALUE.finditer(lower), *_SHOULD_BE.finditer(lower),
                   *_NOT_FIRST.finditer(lower)], key=lambda m: m.start())


_SAID_AGAIN = re.compile(
    r"(?<![\d.])(?P<old>\d+(?:\.\d+)?)\s*(?P<unit>%|[a-z]+)?(?=[^\d\n]{0,30}?[\s,;.:–—-]"
    r"(?:sorry|oops|correction|i mean|i meant|make that|my mistake|my bad|actually|rather|"
    r"wait|no,? that'?s wrong|err|erm)\b"
    r"[\s,:;.–—-]*"
    r"(?:i meant|i mean|it'?s|it was|it is|should be|was|is)?\s*(?P<new>\d+(?:\.\d+)?)"
    r"\s*(?P<unit2>%|[a-z]+)?)")
"""A value said and then corrected in the same breath ("88% on RA -- sorry, I meant 91%",
"20 wks total - wait, 18 wks")."""


_DATE_CORRECTED = re.compile(
    r"(?P<old>\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b)(?=[ \t]*[(\[,;–—-]?[ \t]*(?:correction|"
    r"corrected|typo|error|sorry|erratum)\b[^\d\n]{0,30}?\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b)")
"""A date corrected right after it ("H&P 11/15/2026 (correction: should read
10/15/2026)"): the first one is taken back."""


def _corrected_away(lower: str) -> list[tuple[int, int]]:
    """"8 weeks not 14", "88% -- sorry, I meant 91%": the value the user takes back is
    not read (a correction with another unit corrects something else)."""
    return [m.span("not") for m in _taken_back_in(lower)] + _said_again(lower) + \
        [m.span("old") for m in _DATE_CORRECTED.finditer(lower)]


def _said_again(lower: str) -> list[tuple[int, int]]:
    return [(m.start("old"), m.end("unit") if m["unit"] else m.end("old"))
            for m in _SAID_AGAIN.finditer(lower)
            if not (m["unit"] and m["unit2"] and m["unit"] != m["unit2"])]


# --------------------------------------------------------------- mentions


def _clause_index(found: list, pos: int) -> int | None:  # noqa: ANN001
    i = bisect_right(found, pos, key=lambda c: c.start) - 1
    return i if i >= 0 and pos < found[i].end else None


def _kinds(spec: FactSpec, rule: ReadingRule) -> list[tuple[tuple[str, ...], str]]:
    # An onset word that is also a plain phrase ("onset ~1 year ago") reads as an onset.
    kinds = [(rule.onset, "onset")] if spec.type == "number" and rule.onset else []
    kinds += [(rule.phrases, "plain"), (rule.vague, "vague")]
    if spec.type == "boolean":
        kinds += [(rule.opposite, "opposite"), (rule.positive_only, "positive_only")]
    if spec.type == "number" and rule.decrease:
        kinds.append((rule.decrease, "decrease"))
    if spec.type == "number" and rule.counts:
        kinds.append((rule.counts, "count"))
    if spec.type == "set":
        kinds.append((rule.none, "none"))
    if spec.type in ("boolean", "number") and rule.cued:
        kinds.append((rule.cued, "cued"))
    if spec.type == "boolean" and rule.filed:
        kinds.append((rule.filed, "filed"))
    for value, phrases in rule.named.items():
        kinds.append((phrases, f"named:{value}"))
    return kinds


def _joined_hits(occ: Occurrences, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where ``phrases`` occur, two phrases of the fact that overlap being one mention:
    "6 wks ther ex/stretching" is "ther ex" and "ex/stretching" at once (taken apart,
    "ther" stood between the 6 weeks and the exercise, and the figures shifted)."""
    out = []
    for a, b in occ.hits(phrases):
        for x, y in (span for p in phrases for span in occ.spans(p)):
            if x < b and a < y:
                a, b = min(a, x), max(b, y)
        out.append((a, b))
    return out


def _fact_mentions(msg: _Message, found: list, readable: set[int], name: str  # noqa: ANN001
                   ) -> list[Mention]:
    spec, rule = msg.specs[name], msg.rules[name]
    excluded = _exclusion(msg, found, rule)
    by_clause: dict[int, list[tuple[int, int, str]]] = {}
    for phrases, kind in _kinds(spec, rule):
        for a, b in _joined_hits(msg.occ, phrases):
            i = _clause_index(found, a)
            # (a record said on file stands where a referral is named beside it)
            if i is not None and i in readable and (i not in excluded or kind == "filed") \
                    and b <= found[i].end:
                by_clause.setdefault(i, []).append((a, b, kind))
    out = []
    for i, spans in by_clause.items():
        # Longest first across kinds: "normal gait" (opposite) wins over "gait" inside it.
        kept: list[tuple[int, int, str]] = []
        for a, b, kind in sorted(spans, key=lambda h: h[0] - h[1]):
            if not any(x < b and a < y for x, y, _ in kept):
                kept.append((a, b, kind))
        out += [Mention(name, spec, rule, found[i], a, b, kind) for a, b, kind in kept]
    return out


def _exclusion(msg: _Message, found: list, rule: ReadingRule) -> set[int | None]:  # noqa: ANN001
    """The clauses an ``exclude`` word stops the fact in (see ``exclude_scope``)."""
    # Where the rule says so, an excluding word that is itself denied ("no supplemental
    # O2") excludes nothing.
    excluded = {_clause_index(found, a) for a, _b in msg.occ.hits(rule.exclude)
                if rule.exclude_denied or not _DENIED_BEFORE.search(msg.lower[max(0, a - 14):a])}
    if rule.exclude_scope == "sentence":
        # "HFNC 50 L/min, FiO2 70%, SpO2 91%": the oxygen named earlier in the sentence
        # (not later: "SpO2 is 90% on room air, and he needs 28% FiO2").
        excluded |= {j for i in excluded if i is not None for j in range(i, len(found))
                     if found[j].sentence == found[i].sentence}
    # "Hospitalized for COPD exacerbation in 2022; none since": the words that end
    # it may come after it, past a semicolon.
    whole = list(rule.exclude_sentence) + \
        (list(rule.exclude) if rule.exclude_scope == "whole_sentence" else [])
    for a, _b in msg.occ.hits(tuple(whole)) if whole else []:
        lo = max(msg.lower.rfind(x, 0, a) for x in ".!?\n")
        hi = min([e for e in (msg.lower.find(x, a) for x in ".!?\n") if e >= 0]
                 + [len(msg.lower)])
        excluded |= {j for j, c in enumerate(found) if lo < c.start < hi}
    return excluded


def _blocked(mentions: list[Mention]) -> list[Mention]:
    """A longer phrase of another fact of the same kind wins ("baseline pain" is not
    "pain"; "pain for 5 months" is not a pain score). ``mentions`` are sorted by start."""
    def group(m: Mention) -> str | None:
        return _GROUPS.get(m.spec.type) if m.kind not in ("vague", "count") else None

    grouped = [(m, group(m)) for m in mentions]
    out = []
    for i, (m, g) in enumerate(grouped):
        covered = False
        for o, og in grouped[max(0, i - 40):i + 40]:
            if o.start > m.start:
                break
            if g and og == g and o.fact != m.fact and m.end <= o.end and \
                    (o.end - o.start) > (m.end - m.start):
                covered = True
                break
        if not covered:
            out.append(m)
    return out


def _readable(msg: _Message, found: list) -> set[int]:  # noqa: ANN001
    """Clauses that can state facts: "is she pregnant?" states nothing; "PT 14 wks?" does."""
    return {i for i, c in enumerate(found)
            if not c.question or re.search(r"\d", msg.lower[c.start:c.end])}


def _mentions(msg: _Message, found: list) -> list[Mention]:  # noqa: ANN001
    readable = _readable(msg, found)
    out: list[Mention] = []
    for name in msg.specs:
        if name in msg.rules:
            out += _fact_mentions(msg, found, readable, name)
    return _blocked(sorted(out, key=lambda m: (m.start, m.fact)))


# ------------------------------------------------------------- candidates


def _choice_candidates(reader: Reader, msg: _Message, found: list) -> list[Candidate]:  # noqa: ANN001
    readable = _readable(msg, found)
    out: list[Candidate] = []
    for name, spec in msg.specs.items():
        rule = msg.rules.get(name)
        if rule is None or spec.type not in ("choice", "set"):
            continue
        whole = Mention(name, spec, rule, found[0], 0, 0) if found else None
        keys = reader.choice_keys(name, rule, None) if whole else []
        excluded = _excluded_clauses(msg, found, rule)
        # A qualifier counts anywhere in the sentence ("ODI 48% -> 36%, significant").
        qualified_sentences = {found[i].sentence for a, _b in msg.occ.hits(rule.qualifier)
                               if (i := _clause_index(found, a)) is not None}
        qualified = {i for i, c in enumerate(found) if c.sentence in qualified_sentences}
        nones = msg.occ.hits(rule.none) if spec.type == "set" else []
        by_clause: dict[int, list[tuple[int, int, str]]] = {}
        for a, b, key in keys:
            i = _clause_index(found, a)
            if i is None or i not in readable or i in excluded or \
                    any(x <= a < y for x, y in nones):
                continue
            if spec.type == "choice" and rule.qualifier and i not in qualified:
                continue
            by_clause.setdefault(i, []).append((a, b, key))
        for i, here in sorted(by_clause.items()):
            m = Mention(name, spec, rule, found[i], here[0][0], here[-1][1])
            out += reader.choice(m, here) if spec.type == "choice" else \
                reader.set_members(m, here)
    return out


def _excluded_clauses(msg: _Message, found: list, rule: ReadingRule  # noqa: ANN001
                      ) -> set[int | None]:
    """Clauses a choice or set fact is not read in: those with an ``exclude`` word, or
    with ``exclude_scope: whole_sentence`` every clause of its sentence ("Prior hx of
    severe heart failure (EF 25%) - recovered after treatment")."""
    excluded = {_clause_index(found, a) for a, _b in msg.occ.hits(rule.exclude)}
    if rule.exclude_scope == "whole_sentence":
        sentences = {found[i].sentence for i in excluded if i is not None}
        excluded |= {i for i, c in enumerate(found) if c.sentence in sentences}
    return excluded


def _anchors(msg: _Message, found: list, kind: str) -> list[Mention]:  # noqa: ANN001
    """Mentions of things no rule of this policy reads ("X-rays 3 weeks ago" under a
    policy that asks only about the MRI; "PT 8 wks" under one that asks about
    conservative care in total): they keep their own dates and figures."""
    out = []
    for name, rule in reading_rules(None).items():
        spec = fact_specs(None).get(name)
        if name in msg.specs or spec is None or spec.type != kind:
            continue
        # (a cued phrase too: "Pain was 8/10 in June, now 5/10" keeps the 8 another
        # policy's pain before treatment)
        for a, b in msg.occ.hits(rule.phrases + (rule.cued if kind == "number" else ())):
            i = _clause_index(found, a)
            if i is not None:
                out.append(Mention(name, spec, rule, found[i], a, b, "anchor"))
    # (dates only: an excluded figure's words, "SpO2 91% on 4L", still name the fact's own)
    return out + (_excluded_anchors(msg, found, kind) if kind == "date" else [])


def _excluded_anchors(msg: _Message, found: list, kind: str) -> list[Mention]:  # noqa: ANN001
    """Mentions the policy's own rules exclude ("MRI lumbar 06/05/2026, CT abd/pelvis
    10/10/2026": the abdominal CT is not the spine study): they keep their own dates, so
    the next date is not given to the study before them."""
    out = []
    for name, rule in msg.rules.items():
        spec = msg.specs.get(name)
        if spec is None or spec.type != kind or not rule.exclude:
            continue
        excluded = _exclusion(msg, found, rule)
        for a, b in msg.occ.hits(rule.phrases):
            i = _clause_index(found, a)
            if i is not None and i in excluded:
                out.append(Mention(name, spec, rule, found[i], a, b, "anchor"))
    return out


def _bind_dates(reader: Reader, msg: _Message, mentions: list[Mention]
                ) -> dict[int, list[tuple[date | None, tuple[int, int]]]]:
    """Each date in a sentence goes to the nearest date fact mentioned in it."""
    bound: dict[int, list[tuple[date | None, tuple[int, int]]]] = {}
    dated = [m for m in mentions if m.spec.type == "date" and m.kind == "plain"]
    dated += _anchors(msg, msg.found, "date")
    figures = [m for m in mentions if m.spec.type == "number" and m.kind == "plain"]
    figures += _anchors(msg, msg.found, "number")
    records = [m for m in mentions if m.spec.type == "boolean" and
               m.rule.negation_kind(m.spec, m.fact) == "adjacent" and
               not any(d.start < m.end and m.start < d.end for d in dated)]
    for sentence in _sentences(msg.lower, msg.found):
        here = [m for m in dated if sentence.start <= m.start < sentence.end]
        if not here:
            continue
        in_sentence = reader.dates((sentence.start, sentence.end))
        for value, (x, y) in in_sentence:
            if hits(msg.lower[max(sentence.start, x - 25):x], _NOT_EVENT):
                continue  # "report signed 10/2/2026" is not when the X-ray was taken
            if _dates_a_figure(msg.lower, here, figures, x, y):
                continue

            # "MRI reviewed at this visit": the visit dates what it made (the H&P, rule
            # key note_sections), not a study it looked at.
            mine = [m for m in here if m.rule.note_sections] \
                if THIS_VISIT.fullmatch(msg.lower, x, y) else here
            # A date belongs to the thing named before it ("X-rays ... on October 2, and
            # an MRI on September 21"); only a date that opens the sentence looks ahead.
            before = [m for m in mine if m.end <= x]
            pool = before or [m for m in mine if (m.clause.start <= x < m.clause.end
                                                  or _opens(msg.lower, sentence.start, x) or
                                                  _WHEN_AFTER.fullmatch(msg.lower, y,
                                                                        max(y, m.start)))]
            if not pool:
                continue  # "pain since 8/15/2026 after a fall, X-ray 8/20/26": an onset
            best = min(pool, key=lambda m, x=x, y=y: (x - m.end) if x >= m.end else m.start - y)
            if not before and (_OWN_DATE.match(msg.lower, best.end) or
                               _dated_later(best, in_sentence, y)):
                continue  # the first thing named after the date has a date of its own
            if ((x - best.end) if x >= best.end else best.start - y) > 120 or \
                    (_dates_a_record(records, best, x, msg.lower) and
                     not _in_month_named(msg.lower, best, value)):
                continue
            # The same words may name facts of several policies ("MRI"): each gets it.
            for m in here:
                if (m.start, m.end) == (best.start, best.end):
                    bound.setdefault(id(m), []).append((value, (x, y)))
    return bound


_OWN_DATE = re.compile(r"[ \t]*(?:on[ \t]+|dated[ \t]+|of[ \t]+)?\(?"
                       r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
"""A date right after a mention is its own ("... (video, 11/19/2026) + in-person H&P
11/12/2026"): an earlier date with nothing named before it is not the H&P's too."""


def _dated_later(m: Mention, dates: list[tuple[date | None, tuple[int, int]]], y: int) -> bool:
    """A date later in the mention's clause is its own: the one before it heads an entry
    ("11/20/2026 update: repeat MRI L-spine done 11/06/2026": the update's day)."""
    return any(y <= x2 and m.end <= x2 < m.clause.end for _, (x2, _y2) in dates)


_WHEN_AFTER = re.compile(r"[ \t]*,?[ \t]*when\b[^.;:\n\d]{0,40}")
""""seen on 11/02/2026, when a full history and physical was performed": the date is the
H&P's, said before it."""


_MONTH_YEAR = re.compile(r"[ \t]*(?:(?P<m>\d{1,2})/(?P<y>\d{4})|(?P<name>[a-z]{3,9})\.?[ \t]+"
                         r"(?P<y2>\d{4}))\b")


def _in_month_named(lower: str, study: Mention, day: date | None) -> bool:
    """"PFT 06/2026 (Dr. Yoon consult on file): FEV1 71%, dated 06/18/2026": a day in the
    month the study was said to be done in is the study's, whatever record comes between."""
    found = _MONTH_YEAR.match(lower, study.end)
    if found is None or day is None:
        return False
    month = int(found["m"]) if found["m"] else \
        next((i + 1 for i, n in enumerate(MONTHS) if found["name"].startswith(n)), 0)
    return (month, int(found["y"] or found["y2"])) == (day.month, day.year)


def _dates_a_record(records: list[Mention], best: Mention, x: int, lower: str = "") -> bool:
    """"the PFT report, and the consultation note from Dr. Lin, dated 10/20/26": a record
    named between the study and the date is what the date belongs to. A bare word that
    only cues a record ("PCP") names a doctor: "H&P by her PCP, Dr. Osei, on 06/10/2026"
    is the H&P's date, unless the thing named has a date of its own before it ("H&P
    10/1/26 by ortho, seen by her PCP on 11/2/26")."""
    return best.end <= x and any(
        best.end <= r.start and r.end <= x and x - r.end <= 60 and
        (r.kind != "cued" or _DAY.search(lower, best.end, r.start) is not None)
        for r in records)


_DAY = re.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")


def _opens(lower: str, start: int, x: int) -> bool:
    """A date that opens its sentence ("10/2/26 - XR knee", "On 10/2/26, MRI")."""
    return re.fullmatch(r"[\W\d_]*(?:on|dated?|as of)?[\W_]*", lower[start:x]) is not None


def _dates_a_figure(lower: str, dated: list[Mention], figures: list[Mention], x: int,
                    y: int) -> bool:
    """"HPI: ... Pain 7/10 today": "today" right after another fact's stated figure says
    when that figure was taken, not when the H&P named earlier was done. (A calendar
    date there, "PFTs 2/10/26 (FEV1 81%) and repeat 9/28/26", still names the study.)"""
    if not re.fullmatch(r"today|yesterday|this week|last week", lower[x:y]):
        return False
    last = max((m.end for m in dated if m.end <= x), default=None)
    between = [f for f in figures if last is not None and last < f.start and f.end <= x]
    return any(re.search(r"\d", lower[f.end:x]) for f in between)


def _mention_candidates(reader: Reader, m: Mention, bound: dict, msg: _Message  # noqa: ANN001
                        ) -> list[Candidate]:
    if m.kind == "cued" and m.spec.type == "number":
        return reader.cued_numbers(m)
    if m.kind == "cued":
        c = reader.cued(m, reader.context.sentence_span(m.clause))
        return [c] if c else []
    if m.kind == "filed":
        c = reader.filed(m)
        return [c] if c else []
    if m.kind.startswith("named:"):
        c = reader.named_value(m, m.kind.split(":", 1)[1])
        return [c] if c else []
    if m.kind == "onset":
        c = reader.onset(m)
        return [c] if c else []
    if m.spec.type == "set" and m.kind == "plain":
        c = reader.set_named(m)
        return [c] if c else []
    if m.kind == "vague":
        c = reader.vague(m)
        return [c] if c else []
    if m.kind == "count":
        c = reader.counted(m)
        return [c] if c else []
    if m.kind == "none":
        c = reader.set_none(m)
        return [c] if c else []
    if m.spec.type == "boolean":
        c = reader.boolean(m)
        return [c] if c else []
    if m.spec.type == "date":
        c = reader.date_mention(m, bound.get(id(m), []))
        return [c] if c else []
    if m.spec.type == "number":
        out = reader.numbers(m)
        if m.spec.unit == "C":
            out += reader.temperatures(m)
        if not out and m.rule.onset:  # "pain since 07/05/2026": the phrase holds "since"
            out = [c for c in [reader.onset(m)] if c is not None]
        return out
    return []


_CONTRAST = re.compile(r"[\s,;]*(?:but|however|although|though|whereas|while)\b")


def _next_clause(reader: Reader, msg: _Message, m: Mention, mentions: list[Mention]
                 ) -> list[Candidate]:
    """"He did PT from April to July, 14 wks total": a number fact named with no value in
    its clause takes a duration from the next clause of the sentence when that clause
    names no number fact of its own."""
    i = _clause_index(msg.found, m.clause.start)
    if i is None or msg.found[i] is not m.clause:  # (by position: comparing clauses is slow)
        i = msg.found.index(m.clause)
    if i + 1 >= len(msg.found) or msg.found[i + 1].sentence != m.clause.sentence:
        return []
    nxt = msg.found[i + 1]
    if aside_of_figure(msg.lower, m):
        return []  # "5/10 (before any treatment), 8/10 now": the aside is the 5's
    if _CONTRAST.match(msg.lower[m.clause.end:nxt.end]):
        return []  # "helped her wheezing in the past, but for the last 2 months ...": new
    # A number fact named in the next clause before its figure takes the figure itself.
    first = min((o.start for o in mentions if o.clause is nxt and o.spec.type == "number"),
                default=nxt.end)
    shifted = Mention(m.fact, m.spec, m.rule, nxt, nxt.start, nxt.start, m.kind)
    # (to the next number fact named: "manual therapy with ice and TENS 4 weeks, and
    # pain-education sessions 4 weeks" is one figure for the manual therapy)
    end = min([o.start for o in mentions if o.start > m.end and o.spec.type == "number"
               and o.fact != m.fact] +
              [max(c.end for c in msg.found[i + 1:i + 12] if c.sentence == m.clause.sentence)])
    if m.spec.unit == "weeks" and _several_spans(msg.lower, m.end, end):
        return []  # "Conservative care: PT for 8 weeks, meloxicam for 6 weeks": no one whole
    out = []
    for c in reader.numbers(shifted):
        if c.quantity is not None and (c.quantity[0] > first or
                                       re.match(r"\s+of\s", msg.lower[c.quantity[1]:])):
            continue  # "..., as did 8 weeks of naproxen": the weeks are the naproxen's
        if c.unread is None and c.quantity is not None and c.value != "0":
            c.distance += 25
            c.span = (m.start, c.span[1])
            out.append(c)
    return out


def _several_spans(lower: str, start: int, end: int) -> bool:
    """Two or more durations in ``lower[start:end]``, outside brackets (the parts of a
    figure: "= 12 wks (6 wks ex, 3 wks manual)"), and no stated total among them."""
    if _STATED_TOTAL.search(lower, start, end):
        return False
    words = re.sub(r"\([^()]*\)", lambda x: " " * len(x.group(0)), lower[start:end])
    return sum(1 for q in quantities(words)
               if q.unit in ("weeks", "days", "months", "years")) >= 2


_ABOUT = r"(?:(?:about|approx\.?|approximately|around|roughly|~)\s*)?"
"""An approximate total is still the total ("bracing -- total about 16 weeks")."""
_STATED_TOTAL = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>wks?|weeks?|mos?|months?)\s+(?:(?:in\s+)?"
                           r"total|in all|all told|altogether|combined|overall)\b|\btotal(?:\s+of)?"
                           r"\s*:?\s*" + _ABOUT + r"(?P<n2>\d+(?:\.\d+)?)\s*"
                           r"(?P<u2>wks?|weeks?|mos?|months?)\b")


def _sentence_total(reader: Reader, msg: _Message, m: Mention, mentions: list[Mention]
                    ) -> list[Candidate]:
    """"Conservative tx: 6 wks NSAIDs, then 4 wks home exercise, then 5 wks activity
    modification - 15 wks total": a total later in the sentence beats the first part,
    unless another fact counted in the same unit is named before it."""
    if m.spec.unit != "weeks":
        return []  # "two courses of PT, 14 weeks in all": the weeks are no count of courses
    end = reader.context.sentence_span(m.clause)[1]
    total = _STATED_TOTAL.search(msg.lower, m.end, end)
    if total is None or any(o.fact != m.fact and o.spec.type == "number" and
                            o.spec.unit == m.spec.unit and m.end <= o.start < total.start()
                            for o in mentions):
        return []
    n, u = total["n"] or total["n2"], (total["u"] or total["u2"])
    unit = "weeks" if u.startswith("w") else "months"
    return [Candidate(m.fact, f"{n} {unit}", (m.start, total.end()), 30, total=True,
                      quantity=total.span())]


def _candidates(reader: Reader, msg: _Message, found: list, mentions: list[Mention]  # noqa: ANN001
                ) -> list[Candidate]:
    bound = _bind_dates(reader, msg, mentions)
    out: list[Candidate] = []
    for m in mentions:
        if m.spec.type in ("choice", "set") and m.kind not in ("none", "plain"):
            continue
        if m.spec.type == "choice":
            continue
        found_here = _mention_candidates(reader, m, bound, msg) + \
            _course_total(reader, msg, m) + _each_course(reader, msg, m)
        if m.spec.type == "number" and not reader.settles(m) and (
                m.kind == "plain" or m.kind == "cued" and reader.number_cued(m)):
            # "PT 8 wks, naproxen, ..., 12 wks total": a total in the next clause.
            more = _next_clause(reader, msg, m, mentions)
            found_here += more if not found_here else [c for c in more if c.total]
            if found_here and not any(c.total for c in found_here):
                found_here += _sentence_total(reader, msg, m, mentions)
        out += found_here
    # Figures of facts this policy does not read still claim their numbers.
    out += [c for a in _anchors(msg, found, "number") for c in reader.numbers(a)
            if c.unread is None and c.quantity is not None]
    out = _partial_denials(out, mentions)
    choices = _lasting_over_denial(msg, _sex_conflicts(msg, _choice_candidates(reader, msg, found)))
    return _excepted(msg, out + choices + _panels(reader, msg) + _note_itself(reader, msg, out) +
                     _pain_change(msg, reader) +
                     _not_lower(reader, msg) + _self_named(reader, msg, found))


_EXCEPT = re.compile(r"[^.;\n]{0,30}?\b(?:except|excepting|other than|apart from|aside from|"
                     r"besides|save for|but for)\b")


def _denies(msg: _Message, c: Candidate) -> bool:
    spec, rule = msg.specs.get(c.fact), msg.rules.get(c.fact)
    if spec is None or rule is None or c.unread is not None:
        return False
    if spec.type == "boolean":
        return c.value is not rule.polarity
    return c.value in ([], (), "never") or c.denial


def _excepted(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """A denial or a normal finding with an exception ("No comorbidities except severe
    hemophilia A", "No infections other than a current UTI", "ROM WNL except lumbar
    extension 50%"): the exception may be the very thing, so it is asked."""
    out = []
    for c in cands:
        if _denies(msg, c) and _EXCEPT.match(msg.lower, c.span[0]):
            words = _words(msg.text, [c.span])
            c = replace(c, value=None, unread=Unread(words, "except what, exactly?"))
        out.append(c)
    return out


_FIGURE = re.compile(r"[ \t]*[:=|]?[ \t|]*[<>]?\d")
"""A test's result right after its name ("Na 137", "SODIUM | 139", "WBC\t15.0")."""


def _panels(reader: Reader, msg: _Message) -> list[Candidate]:
    """"Labs: WBC 9.2, Na 137, K 4.3, Cr 1.0": a figure for a test of each of a rule's
    ``panel`` groups, in one paragraph, states the results are on file."""
    out = []
    for name, rule in msg.rules.items():
        if not rule.panel or name not in msg.specs:
            continue
        spans = [next(((a, b) for a, b in msg.occ.hits(group) if _FIGURE.match(msg.lower, b)
                       and not {"other", "hypothetical", "negated"} & reader.context.at(a, b)),
                      None) for group in rule.panel]
        if None in spans:
            continue
        a, b = min(s[0] for s in spans), max(s[1] for s in spans)  # type: ignore[index]
        if not re.search(r"\n[ \t]*\n", msg.lower[a:b]):
            out.append(Candidate(name, rule.polarity, (a, b), 20))
    return out


def _note_itself(reader: Reader, msg: _Message, others: list[Candidate]) -> list[Candidate]:
    """"Date of visit: 11/10/2026 ... HISTORY: ... EXAM: ...": a note with a header of each
    of a rule's ``note_sections`` groups is itself that record, dated its date of service
    (not where the message doubts or denies the record: "no physical exam today")."""
    out = []
    for name, rule in msg.rules.items():
        # (nor where the message names the record with a date of its own: "my
        # comprehensive H&P from her new-patient visit 05/19/2026" in a follow-up note)
        # (the note's own title naming it, "PRE-PROCEDURE HISTORY AND PHYSICAL", is no
        # other record)
        title = len(msg.lower) - len(msg.lower.lstrip()) + len(msg.lower.lstrip().split("\n")[0])
        if not rule.note_sections or name not in msg.specs or any(
                c.fact == name and (c.unread is not None or c.value is not None) and
                c.span[0] >= title for c in others):
            continue
        service = reader.service_date()
        if service is not None and all(_section_done(msg.lower, g) for g in rule.note_sections):
            out.append(Candidate(name, service[0].isoformat(), service[1], 40,
                                 dates=[service[0]]))
    return out


def _section_done(lower: str, headers: tuple[str, ...]) -> bool:
    """A line opens with one of ``headers`` and a colon ("PE:", "INTERVAL HISTORY (today):")
    and says what was found: not blank, deferred or not done."""
    head = re.compile(r"(?m)^[ \t>*#|-]*(?:" + "|".join(re.escape(h) for h in headers) +
                      r")(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*:[ \t]*(?P<rest>[^\n]*)")
    rules = context_rules()
    refused = tuple(rules.not_completed + rules.not_happened)
    return any(len(re.findall(r"[a-z]", m["rest"])) >= 3 and not hits(m["rest"][:40], refused)
               and not re.match(r"(?:none|no|n/?a|see|not)\b", m["rest"])
               for m in head.finditer(lower))


def _course_total(reader: Reader, msg: _Message, m: Mention) -> list[Candidate]:
    """"Two courses of PT: 8 wks and 6 wks": the courses' lengths add up (a total)."""
    if m.spec.type != "number" or m.kind != "plain" or reader.settles(m):
        return []
    # "Two courses of PT": the weeks fact named inside a count's phrase takes the sum.
    facts = [m.fact] if m.spec.unit == "weeks" else [
        name for name, spec in msg.specs.items() if spec.type == "number" and
        spec.unit == "weeks" and name in msg.rules and
        msg.occ.hits(msg.rules[name].phrases, m.start, m.end)] if m.spec.unit == "courses" else []
    if not facts:
        return []
    if m.spec.unit == "weeks" and (listed := _listed_courses(msg, m)):
        return listed
    sentence = reader.context.sentence_span(m.clause)
    found = counted_courses(msg.lower, sentence, m.start, m.end) or \
        numbered_courses(msg.lower, m.start) or _titled_courses(msg, m) or _section_total(msg, m)
    if found is None:
        return []
    span = (min(m.start, found.span[0]), max(m.end, found.span[1]))
    out = [Candidate(f, found.value, span, 0, quantity=found.span, total=True) for f in facts]
    if m.rule.course_weeks is not None and found.weeks:
        # Only the courses long enough count ("6-week courses"): the stated count yields.
        out.append(Candidate(m.fact, str(found.at_least(m.rule.course_weeks)), span, -1,
                             total=True))
    return out


_COURSE_WORD = re.compile(r"\bcourse\b")


def _listed_courses(msg: _Message, m: Mention) -> list[Candidate]:
    """"Conservative care:\n PT (8 wks): no improvement.\n PT (8 wks): no improvement.\n
    16 weeks total": the total of courses listed one by one after the fact's name, and
    the count of the failed ones long enough (the count fact's ``courses_of``)."""
    counts = [(name, rule) for name, rule in msg.rules.items()
              if rule.courses_of == m.fact and rule.course_weeks is not None]
    # a yes/no fact of the same courses: every one of them failed ("no improvement" after
    # each, "neither helped"), so the condition has not responded to them
    failed = [(name, rule) for name, rule in msg.rules.items() if rule.courses_of == m.fact
              and msg.specs.get(name) is not None and msg.specs[name].type == "boolean"]
    found = listed_courses(msg.lower, m.start, m.end) if counts or failed else None
    if found is None:
        return []  # (another duration fact's name: its listed lengths are not courses)
    total = found.total
    span = (m.start, max(m.end, total.span[1], found.gaps[-1][1]))
    out = [Candidate(m.fact, total.value, span, 0, quantity=total.span, total=True)]
    named = len(_COURSE_WORD.findall(msg.lower, m.start, found.gaps[-1][0])) >= \
        len(found.gaps)
    out += [Candidate(name, str(total.at_least(rule.course_weeks or 0)), span, 0, total=True)
            for name, rule in counts if each_failed(msg.lower, found, rule.cues) and
            (named or not rule.courses_named)]
    out += [Candidate(name, rule.polarity, span, 0) for name, rule in failed
            if each_failed(msg.lower, found, rule.cues)]
    return out


_EACH = re.compile(r"\beach\s+(?:lasting\s+|of\s+|for\s+|about\s+|~\s*)?(?P<a>\d+(?:\.\d+)?)\s*"
                   r"(?P<u>weeks?|wks?|months?|mos?|days?)\b|\b(?P<b>\d+(?:\.\d+)?)\s*"
                   r"(?P<v>weeks?|wks?|months?|mos?|days?)\s+each\b")


def _each_course(reader: Reader, msg: _Message, m: Mention) -> list[Candidate]:
    """"Failed 2 courses of conservative treatment, each 3 weeks": where only courses of
    some length count (``course_weeks``), one length said of every course decides how
    many count (none here)."""
    if m.rule.course_weeks is None or m.spec.type != "number" or m.kind != "plain" or \
            reader.settles(m):
        return []
    lo, hi = reader.context.sentence_span(m.clause)
    found = _EACH.search(msg.lower, m.end, hi)
    if found is None:
        return []
    length = float(found["a"] or found["b"])
    unit = (found["u"] or found["v"])[0]
    weeks = length * {"w": 1.0, "m": 52.18 / 12, "d": 1 / 7}[unit]
    if weeks >= m.rule.course_weeks - 0.01:
        return []  # each long enough: the count stands as said
    return [Candidate(m.fact, "0", (m.start, found.end()), -2, total=True)]


def _all_denied(rule: ReadingRule, absent: set[str], doubted: bool = False) -> bool:
    """Every choice of a set but "other" denied, one by one: the set is empty; so is a
    denial of any other ("no diabetes, kidney, heart or other severe disease", "no
    other medical conditions"), unless a member named is left asked ("Hypertension. No
    other medical conditions": is the hypertension severe?)."""
    denied = absent | {c for a in absent for c in rule.includes.get(a, ())}
    return bool(absent) and (set(rule.choices) - {"other"} <= denied or
                             "other" in denied and not doubted)


def _sex_conflicts(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """"58M ... she is pregnant": a lasting value inferred from the patient being a man
    ("not applicable") and words naming another value that it rules out disagree: who is
    meant is asked (an age alone yields to the words: "61 yo F ... She is pregnant")."""
    out = list(cands)
    for name, rule in msg.rules.items():
        mine = [c for c in cands if c.fact == name and c.unread is None]
        # A man, not an age: "61 yo F ... She is pregnant" is rare but said plainly.
        inferred = [c for c in mine if c.distance == 5 and c.value in rule.lasting and
                    re.search(r"\b(?:m|male|man|mr|he|him|his|gentleman|\d+\s?m)\b",
                              msg.text[c.span[0]:c.span[1]].lower())]
        named = [c for c in mine if c.distance == 0 and c.value not in rule.lasting
                 and c.value != rule.negated]
        if inferred and named:
            out = [c for c in out if c not in inferred + named]
            a, b = named[0].span
            out.append(Candidate(name, None, (a, b), 99, unread=Unread(
                msg.text[a:b].strip(), "the patient is a man: whose is it?")))
    return out


def _lasting_over_denial(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """"[ ] Pregnant ... pt is a 66 yo male": a choice's word denied ("not pregnant")
    yields to a lasting value inferred elsewhere (a man, an age) or named ("Pregnant: no -
    s/p hysterectomy"): both say no pregnancy, the lasting one says why."""
    lasting = {c.fact for c in cands if c.unread is None and c.distance in (0, 5) and
               c.fact in msg.rules and c.value in msg.rules[c.fact].lasting}
    return [c for c in cands if not (c.word_denied and c.fact in lasting and
                                     msg.specs[c.fact].type == "choice")]


def _partial_denials(out: list[Candidate], mentions: list[Mention]) -> list[Candidate]:
    """"MRI L-spine 8/14 ..., no CT": a denial of one study a date fact covers is not
    "never" while another mention of the fact stands undenied; the date is asked."""
    nevers = [c for c in out if c.value == "never" and c.unread is None]
    kept = []
    for c in out:
        if c in nevers and any(
                m.fact == c.fact and m.spec.type == "date" and
                not any(n.fact == c.fact and n.span[0] <= m.start < n.span[1] for n in nevers)
                for m in mentions):
            continue
        kept.append(c)
    return kept


def _section_total(msg: _Message, m: Mention) -> CourseTotal | None:
    """"Conservative treatment:\n- PT x 8 wks\n- NSAIDs x 12 wks\nTotal: 12 wks": the total
    line of a list headed by the fact's phrase (the list ends at a blank line)."""
    start = msg.lower.rfind("\n", 0, m.start) + 1
    end = msg.lower.find("\n", m.end)
    if end < 0 or not re.fullmatch(r"[\s*•-]*", msg.lower[start:m.start]) or \
            not re.fullmatch(r"[a-z /&()-]{0,30}:\s*", msg.lower[m.end:end]):
        return None
    blank = re.search(r"\n[ \t]*\n", msg.lower[end:])
    stop = end + blank.start() if blank else len(msg.lower)
    for line in re.finditer(r"(?m)^[ \t*•-]*(?:total|in total|overall)\b[^\n]*", msg.lower[:stop]):
        if line.start() <= end:
            continue
        lengths = [q for q in quantities(line.group(0)) if q.unit in ("weeks", "months", "days")]
        if len(lengths) == 1:
            q = lengths[0]
            at = line.start()
            return CourseTotal(f"{q.value:g} {q.unit}", (at + q.start, at + q.end))
    return None


def _titled_courses(msg: _Message, m: Mention) -> CourseTotal | None:
    """"PT DISCHARGE SUMMARY ... / Course 1: ... (8 wks). Course 2: ... (6 wks).": the
    numbered courses of a section whose title names the fact."""
    start = msg.text.rfind("\n", 0, m.start) + 1
    end = msg.text.find("\n", m.end)
    title = msg.text[start:end if end >= 0 else len(msg.text)]
    if end < 0 or not re.match(r"\s*[A-Z&/]{2,}(?:[ \t]+[A-Z&/]{2,})+\b", title):
        return None  # a title: two or more words in capitals open the line
    blank = re.search(r"\n[ \t]*\n", msg.text[end:])
    stop = end + blank.start() if blank else len(msg.text)
    for line in re.finditer(r"(?<=\n)[^\n]*", msg.text[:stop]):
        if line.start() > end and (found := numbered_courses(msg.lower, line.start())):
            return found
    return None


def _self_named(reader: Reader, msg: _Message, found: list) -> list[Candidate]:  # noqa: ANN001
    """Values whose unit names their fact ("spiked 39.1 °C", "LBP since March, 7/10" where
    the policy has one pain score): read without a phrase, any phrase-bound one first."""
    out: list[Candidate] = []
    scores = [n for n, spec in msg.specs.items() if spec.unit == "points"]
    for name, spec in msg.specs.items():
        if spec.type != "number" or spec.unit not in ("C", "points") or name not in msg.rules:
            continue
        if spec.unit == "points" and (len(scores) > 1 or not msg.rules[name].current):
            continue  # "baseline 5/10, 8/10": which score a bare figure is, is not said
        for clause in found:
            m = Mention(name, spec, msg.rules[name], clause, clause.start, clause.start)
            found_here = reader.temperatures(m) if spec.unit == "C" else _out_of_ten(msg, m)
            out += [c for c in found_here
                    if reader.settles(Mention(name, spec, m.rule, clause, *c.span)) is None]
    return out


def _out_of_ten(msg: _Message, m: Mention) -> list[Candidate]:
    """"low back pain since March, 7/10, ...": a figure out of ten standing alone in a
    sentence about pain is the pain score (never "XR 7/10", a date; nor "8/10 visits")."""
    chunk = msg.lower[m.clause.start:m.clause.end]
    if "/" not in chunk:
        return []  # most clauses: no figure out of ten to look at (this runs on every one)
    alone = [q for q in quantities(chunk) if q.unit == "/10" and q.hi is None and
             not q.negative and chunk.strip(" \t\n,;.()") == q.text.strip()]
    start, end = sentence_spans(msg.found)[m.clause.sentence]
    if not alone or not _ABOUT_PAIN.search(msg.lower[start:end]):
        return []
    at = (m.clause.start + alone[0].start, m.clause.start + alone[0].end)
    return [Candidate(m.fact, f"{alone[0].value:g}", at, 45, quantity=at)]


_ABOUT_PAIN = re.compile(r"\b(?:pain|lbp|ache|aching|hurts|hurting|nrs|vas|sciatica)\b")


_SCORE = r"(?P<{}>\d{{1,2}})(?:\s*/\s*10)?(?![\d/])"
_PRE = r"(?:before|pre|prior to|at baseline|at the start of|at start of|at intake|initially)"
_NOW = r"(?:now|currently|current|today|at present|presently)"
_PAIN_PAIRS = (
    # "Pain: 4/10 before tx -> 7/10 now", "pain was 5 before treatment and is 8 now"
    re.compile(r"\b(?:pain|nrs|vas)\b[^.;\d]{0,25}?" + _SCORE.format("a") + r"\s*" + _PRE +
               r"[^.;\d]{0,25}?(?:->|→|,|;|\band\b)[^.;\d]{0,12}?" + _SCORE.format("b") +
               r"\s*" + _NOW + r"\b"),
    # "Pain 4/10 before PT; now 7/10", "NRS 5 pre-PT, currently 8"
    re.compile(r"\b(?:pain|nrs|vas)\b[^.;\d]{0,25}?" + _SCORE.format("a") + r"\s*" + _PRE +
               r"[^.;\d]{0,25}?(?:->|→|,|;|\band\b)\s*(?:is\s+|was\s+)?" + _NOW +
               r"\s*(?:pain\s*)?(?:is\s+|of\s+|:\s*)?" + _SCORE.format("b")),
    # "Baseline pain 4/10; current 7/10", "Pain NRS baseline 5, current 8"
    re.compile(r"\b(?:(?:pain|nrs|vas)\s+(?:score\s+|nrs\s+)?)?baseline\s*(?:pain\s*|nrs\s*)?"
               r"(?:score\s*)?(?:of\s+|:\s*|was\s+)?" + _SCORE.format("a") +
               r"\s*(?:,|;|->|→|\band\b)\s*(?:is\s+)?" + _NOW +
               r"\s*(?:pain\s*|nrs\s*)?(?:score\s*)?(?:is\s+|of\s+|:\s*)?" + _SCORE.format("b")),
)
_PAIN_UP_FROM = re.compile(r"\b(?:pain|nrs|vas)\b[^.;\d]{0,15}?" + _SCORE.format("b") +
                           r"\s*(?:,\s*)?(?:up|increased|worse|worsened|risen)\s+from\s+" +
                           _SCORE.format("a"))
"""'NRS 8/10 up from 6/10 before PT': the later score first."""
_PAIN_PAIRS += (_PAIN_UP_FROM,)
"""Two pain scores, before treatment and now; the last form needs "baseline" named."""
_PAIN_BARE = re.compile(r"^\s*" + _SCORE.format("a") + r"\s*(?:then|before|at baseline|pre|"
                        r"initially|at the start)\s*[,;]?\s*(?:and\s+)?" + _SCORE.format("b") +
                        r"\s*(?:now|currently|today)\s*[.!]?\s*$")
"""In reply to a pain question: "4 then, 7 now"."""
_PAIN_FROM_TO = re.compile(
    r"\b(?:pain|nrs|vas|pain score)\b[^.;,\d]{0,30}?\bfrom\s+(?P<a>\d{1,2})(?:\s*/\s*10)?\s*"
    r"(?:to|->|→)\s*(?P<b>\d{1,2})(?:\s*/\s*10)?(?![\d/])"
    r"|\b(?:pain|nrs|vas)\s+(?P<a2>\d{1,2})(?:\s*/\s*10)?\s*(?:->|→)\s*(?P<b2>\d{1,2})"
    r"(?:\s*/\s*10)?(?![\d/])")
_PAIN_PAIRS += (_PAIN_FROM_TO,)
# "8/10 on today's call", "7/10 at this visit", "8/10 on admission and at discharge" (a
# discharge summary's last score): the score of now, said by the occasion.
# ... or by a dated visit since, the last score given ("7/10 on 11/12", "8/10 at the
# 11/10 visit", "7/10 at Dr. W's visit 11/19"): its day must be recent (``_pain_change``).
_DATED_VISIT = (r"(?:on|at)\s+(?:the\s+|her\s+|his\s+)?(?:[a-z.']+\s+){0,2}?"
                r"(?:(?:visit|appointment|follow-up)\s+(?:of\s+|on\s+)?)?"
                r"(?P<when>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?:\s+(?:visit|appointment|"
                r"follow-up|exam|evaluation|encounter))?(?![\d/])")
_NOW_AT = (r"(?:" + _NOW + r"|(?:on|at|during)\s+(?:today'?s\s+(?:call|visit|exam|"
           r"examination|evaluation|appointment|encounter)|this\s+(?:visit|encounter|exam)|"
           r"discharge|admission\s+and\s+(?:at|on)\s+discharge)|" + _DATED_VISIT + r")")
_PAIN_BEFORE_ARROW = re.compile(
    r"\b(?:pain|nrs|vas)\b[^.;\d]{0,15}?" + _SCORE.format("a") +
    r"[^.;>→]{0,50}?\b(?:before|initial|initially|baseline|pre-?tx|pre-?treatment|at intake)\b"
    r"[^.;>→]{0,40}?(?:->|→|;|,|\band\b)\s*(?:it\s+is\s+|it'?s\s+|is\s+)?" +
    _SCORE.format("b") + r"\s*" + _NOW_AT + r"(?![\w/])")
"""'Pain NRS: 4/10 at initial PCP eval 05/20 (before any tx) -> 7/10 today', 'he rated
his pain 3/10 at the June visit, before any treatment; it is 6/10 now', 'Pain 5/10 at
her first visit (04/20, before treatment) and 8/10 today'."""
_PAIN_BEFORE_FIRST = re.compile(
    r"\bbefore\s+(?:any\s+)?(?:treatment|tx|therapy|pt)\b[^.;]{0,40}?\b(?:pain|nrs|vas)\b"
    r"[^.;\d]{0,10}?" + _SCORE.format("a") + r"\s*[;,]\s*(?:and\s+)?" + _NOW +
    r"\s*:?\s*(?:it\s+is\s+|is\s+)?" + _SCORE.format("b"))
"""'Before any treatment (PCP visit 04/2026) NRS 5/10; today 8/10'."""
_PAIN_PAIRS += (_PAIN_BEFORE_ARROW, _PAIN_BEFORE_FIRST)


def _not_lower(reader: Reader, msg: _Message) -> list[Candidate]:
    """"ODI 42% -> 44% over 6 weeks": a score that did not go down (see ``not_lower``)."""
    out: list[Candidate] = []
    for name, rule in msg.rules.items():
        for value, names in rule.not_lower.items():
            for a, b in msg.occ.hits(names):
                pair = _SCORE_PAIR.match(msg.lower, b)
                i = _clause_index(msg.found, a)
                if pair is None or int(pair["b"]) < int(pair["a"]) or i is None:
                    continue
                if not reader.settles(Mention(name, msg.specs[name], rule, msg.found[i], a, b)):
                    out.append(Candidate(name, value, (a, pair.end()), 0))
    return out


_SCORE_PAIR = re.compile(r"[^.;\d\n]{0,15}?(?P<a>\d{1,3})\s*%?\s*(?:->|→|=>|to|then)\s*"
                         r"(?P<b>\d{1,3})\s*%?(?![\d/])")


def _pain_change(msg: _Message, reader: Reader) -> list[Candidate]:
    """"pain went from 5 to 8": the first and last scores and the change between them,
    for whichever of those facts the policy has (rules name them ``pain_nrs*``)."""
    out: list[Candidate] = []
    roles = {"baseline": "pain_nrs_baseline", "now": "pain_nrs", "change": "pain_nrs_increase"}
    pairs = _PAIN_PAIRS + ((_PAIN_BARE,) if any(p.startswith("pain_nrs") for p in msg.pending)
                           else ())
    for match in [m for pattern in pairs for m in pattern.finditer(msg.lower)]:
        if {"other", "hypothetical", "uncertain", "unknown"} & \
                reader.context.at(match.start(), match.end()):
            continue  # "His wife's pain was 5 before and 8 now"
        a = int(match["a"] or match["a2"])
        b = int(match["b"] or match["b2"])
        if not (0 <= a <= 10 and 0 <= b <= 10) or not _recent_visit(msg, match):
            continue
        later = _LATER_SCORE.search(msg.lower[match.end():_sentence_end(msg.lower, match.end())])
        for role, value in (("baseline", a), ("now", b), ("change", b - a)):
            if later and role != "baseline" and roles[role] in msg.specs:
                # "improved from 7 to 5 with meds, then back up to 8": the second score
                # is not the last one, so neither it nor the change is now; asked.
                out.append(Candidate(roles[role], None, match.span(), -1, unread=Unread(
                    msg.text[match.start():match.end() + later.end()].strip(),
                    "a later score follows; which is the current one?")))
                continue
            if roles[role] in msg.specs:
                out.append(Candidate(roles[role], f"{value:g}", match.span(), -1))
    return out


def _recent_visit(msg: _Message, match: re.Match[str]) -> bool:
    """A later score said by its visit's day is now only where that day is in the last
    45 days ("8/10 at the 11/10 visit" on 11/23; not "7/10 on 03/02")."""
    when = match.groupdict().get("when")
    if when is None:
        return True
    month, day, *year = (int(x) for x in when.split("/"))
    try:
        day_of = date(msg.as_of.year if not year else year[0] % 100 + 2000, month, day)
    except ValueError:
        return False
    if not year and day_of > msg.as_of:
        day_of = day_of.replace(year=day_of.year - 1)  # "12/20" said in January
    return 0 <= (msg.as_of - day_of).days <= 45


_LATER_SCORE = re.compile(r"(?<![\d/.])(?:10|\d)(?:\s*/\s*10)?(?![\d/.%])(?!\s*(?:mg|mcg|"
                          r"weeks?|wks?|days?|months?|mos?|years?|yrs?|x\b|times|sessions?|"
                          r"visits?|hours?|hrs?|am\b|pm\b))")
"""A further pain score after a pair ("..., then back up to 8"): the pair is not the last."""


def _sentence_end(lower: str, start: int) -> int:
    found = re.compile(r"[;\n]|\.(?:\s|$)").search(lower, start)
    return found.start() if found else len(lower)


# -------------------------------------------------------------- selection


@dataclass
class _Selection:
    readings: list[FactReading]
    unread: list[Unread]
    notices: list[str]
    used: list[tuple[int, int]]
    dates: dict[str, tuple[set[date], str]] = field(default_factory=dict)
    """Date facts: every date given for them, and the words (for counts of dates)."""
    chosen: dict[str, Candidate] = field(default_factory=dict)
    """Number facts: the candidate each reading came from."""
    asked_back: list[str] = field(default_factory=list)
    """Facts whose words were read but whose value is asked back ("which date exactly?")."""
    unsettled: set[str] = field(default_factory=set)
    """Of those, facts read from words that a mention left open ("diabetes": is it
    severe?), not a list that may be whole: the same words cannot also answer their
    question. (A figure or a date is an answer of its own: "PFTs were done 9/3/26, I
    don't know the FEV1".)"""


def _check(fact: str, spec: FactSpec, value: object, as_of: date) -> str | None:
    """Why ``value`` is no value of the fact, in the user's terms: the message names the
    fact by its label ("Failed PT courses: ..."), never by its key."""
    try:
        parse_value(spec.label, spec, value, as_of)
    except FactError as exc:
        return str(exc)
    return None


def _words(text: str, spans: list[tuple[int, int]]) -> str:
    return text[min(a for a, _ in spans):max(b for _, b in spans)].strip()


def _densest(spans: list[tuple[int, int]], gap: int = 80) -> list[tuple[int, int]]:
    """The run of spans, each within ``gap`` characters of the last, that holds the most
    of them: a set's evidence is its list ("PT, meloxicam and weight loss"), not every
    word from there to a passing "therapy" at the end of a letter."""
    runs: list[list[tuple[int, int]]] = []
    for a, b in sorted(spans):
        if runs and a - max(y for _x, y in runs[-1]) <= gap:
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    return max(runs, key=len)


def _select_sets(msg: _Message, cands: list[Candidate], sel: _Selection,
                 doubted: set[str]) -> None:
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.fact, []).append(c)
    for name, group in groups.items():
        positives = sorted({v for c in group if isinstance(c.value, list) for v in c.value})
        absent = {v for c in group for v in c.absent}
        stated = [c for c in group if not c.absent]
        if not stated and not _all_denied(msg.rules[name], absent, name in doubted):
            continue  # only denials: "no diabetes or heart disease" is not "none"
        unsure = any(c.value is None for c in stated)
        value: object = None if unsure and not positives else positives
        run = _densest([c.span for c in group])
        in_run = {v for c in group if c.span in run and isinstance(c.value, list)
                  for v in c.value}
        # The list's own words when they hold every member; else all of them.
        words = _words(msg.text, run if in_run >= set(positives) else [c.span for c in group])
        if positives and not _whole_set(msg, name, positives, absent, words):
            shown = words if len(words) <= 100 else " … ".join(
                msg.text[a:b].strip() for a, b in sorted({c.span for c in group}))
            sel.unread.append(Unread(
                shown, f"is that the whole list of {msg.specs[name].label.lower()}?"))
            sel.asked_back.append(name)
            continue
        if _check(name, msg.specs[name], value, msg.as_of) is None:
            sel.readings.append(FactReading(fact=name, value=value, words=words))  # type: ignore[arg-type]


def _whole_set(msg: _Message, name: str, positives: list[str], absent: set[str],
               words: str) -> bool:
    """Whether a list of members is the whole set (see the rule's ``partial``)."""
    rule = msg.rules[name]
    # A denied member shows the list was gone through; one both denied and named
    # ("not re-verified: improving with PT ... PT completed") shows nothing of the rest.
    if rule.partial == "read" or absent - set(positives):
        return True
    choices = set(msg.specs[name].choices or {}) - {"other"}
    return choices <= set(positives) or bool(re.search(r"\b(only|alone|just|solely)\b",
                                                        words.lower()))


_LATER_NO_YEAR = re.compile(r"\b(?:repeated|repeat|again|redone|re-done)\s+(?:on\s+)?"
                            r"\d{1,2}/\d{1,2}(?![/\d])")


def _select_dates(msg: _Message, cands: list[Candidate], sel: _Selection) -> None:
    """Several dates for one fact: the most recent is the one the policy asks about."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.fact, []).append(c)
    for name, group in groups.items():
        dated = [c for c in group if c.dates]
        if msg.rules[name].area and len(dated) > 1:
            dated = _of_area(msg, dated, sel)
            if not dated:
                continue
        best = max(dated, key=lambda c: max(c.dates)) if dated else \
            min(group, key=lambda c: (c.distance, c.span[0]))
        if dated:
            sel.dates[name] = ({d for c in dated for d in c.dates},
                               _words(msg.text, [c.span for c in dated]))
        problem = _check(name, msg.specs[name], best.value, msg.as_of)
        words = msg.text[slice(*(best.shown or best.span))].strip()  # "no nerve block"
        if problem is None and _LATER_NO_YEAR.search(
                msg.lower[best.span[1]:best.span[1] + 120].split(". ")[0]):
            # "block 6/3/26, repeated 9/22": the later one has no year to read it by
            problem = "repeated later? which date was the last?"
        if problem is not None:
            sel.unread.append(Unread(words, problem))
            continue
        sel.readings.append(FactReading(fact=name, value=best.value, words=words))  # type: ignore[arg-type]


def _of_area(msg: _Message, dated: list[Candidate], sel: _Selection) -> list[Candidate]:
    """Dated studies of different body areas: those of the area the complaint is in
    ("MRI C-spine 2026-10-01, MRI L-spine 2025-12-01. Pain: low back."); none, with the
    date asked, where the message does not say which area that is."""
    clauses = [(msg.found[i].start, msg.found[i].end) if (i := _clause_index(
        msg.found, c.span[0])) is not None else c.span for c in dated]
    keep = areas.of_area(msg.lower, clauses, [c.span for c in dated])
    if keep is None:
        return dated
    if not keep:
        sel.unread.append(Unread(_words(msg.text, [c.span for c in dated]),
                                 "studies of several body areas: which is of the affected "
                                 "area, and when was it done?"))
    return [dated[i] for i in keep]


def _select_counts(msg: _Message, cands: list[Candidate], taken: set[str],
                   sel: _Selection) -> None:
    """Named items in failure statements, counted when no number was stated."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.fact not in taken:
            groups.setdefault(c.fact, []).append(c)
    for name, group in groups.items():
        # "NSAIDs (naproxen x 3 mo)": the named drug in parentheses is the same course.
        # "NSAIDs x 3 courses (ibuprofen, naproxen, meloxicam)": the drugs named in it are
        # the courses; whichever side names more is the count.
        inside = [c for c in group if re.search(r"\([^)]*$", msg.lower[:c.span[0]][-40:])]
        outside = [c for c in group if c not in inside]
        value = str(max(len({msg.lower[a:b] for a, b in (c.span for c in side)})
                        for side in (inside, outside)))
        if (other := _uncounted(msg, name, group)) is not None:
            # "- Meloxicam x 10 wks -- fail\ned / - Medrol dosepak -- no benefit": another
            # item of the same list with no verdict read may be a failed course too.
            sel.unread.append(Unread(_words(msg.text, [c.span for c in group] + [other]),
                                     f"{msg.specs[name].label.lower()}: is that all of them?"))
            sel.asked_back.append(name)
            taken.add(name)
            continue
        if _check(name, msg.specs[name], value, msg.as_of) is None:
            sel.readings.append(FactReading(fact=name, value=value,  # type: ignore[arg-type]
                                            words=_words(msg.text, [c.span for c in group])))
            sel.used.extend(c.span for c in group)  # the items are taken: no answers
            taken.add(name)


def _uncounted(msg: _Message, name: str, group: list[Candidate]) -> tuple[int, int] | None:
    """An item the fact counts, in the paragraph of the counted ones (to a blank line),
    with words on its line of how it went but no failure read, and not denied: the
    count may be short of the truth."""
    counted = {msg.lower[a:b] for a, b in (c.span for c in group)}
    # (lines are the message's own: wrapped lines are joined in ``lower``)
    lo = max(msg.text.rfind("\n\n", 0, min(c.span[0] for c in group)), 0)
    hi = msg.text.find("\n\n", max(c.span[1] for c in group))
    hi = len(msg.lower) if hi < 0 else hi
    for a, b in msg.occ.hits(msg.rules[name].counts, lo, hi):
        if msg.lower[a:b] in counted or any(x < b and a < y for x, y in (c.span for c in group)):
            continue
        end = msg.text.find("\n", b)
        said = msg.lower[b:len(msg.lower) if end < 0 else end]
        later = msg.occ.hits(msg.rules[name].counts, b, b + len(said))
        said = said[:later[0][0] - b] if later else said  # to the next item on the line
        if _OUTCOME_SAID.search(said) and \
                adjacent_negation(msg.lower, a, b, min(len(msg.lower), b + 40)) is None:
            return a, b
    return None


_OUTCOME_SAID = re.compile(r"\b(?:fail\w*|ineffective|not effective|no (?:lasting |sustained )?"
                           r"(?:relief|benefit|improvement|help)|without|did not help|"
                           r"didn'?t help|unchanged|no change)"
                           r"(?!\w)")
"""Words after an item on its line that say how it went, where no failure was read
("-- fail\ned", "d/c 06/2026, ineffective" in the next clause): asked. A drug stopped
(for nausea, say) is not a failed course: "stopped" alone is not such a word."""


_NOW = re.compile(r"^\s*(?:\(?\s*)?(?:today|now|currently|this morning|this am|on recheck today|"
                  r"at present|current|at today'?s (?:visit|appointment|encounter)|at this visit)"
                  r"\b(?!\s*[:=]?\s*\d)")
"""A figure said to be now ("T 38.6 (today)"); "NRS >= 4 (today 6/10)": the today is 6's."""


_THRESHOLD = re.compile(r"(?<![-=])(?:>=?|<=?|≥|≤)\s*$")
"""A criterion's threshold ("NRS >= 4 (today 6/10)"), not a reading; "->" is a trend."""


def _marked_current(chunk: str, spec: FactSpec, rule: ReadingRule
                    ) -> tuple[str, int, int] | None:
    """The one figure in ``chunk`` followed by "today" / "now", if exactly one is."""
    marked = [(compatible(spec, q, rule.fraction), q.start, q.end) for q in quantities(chunk)
              if _NOW.match(chunk[q.end:q.end + 20])]
    marked = [m for m in marked if m[0] is not None]
    return marked[0] if len(marked) == 1 else None  # type: ignore[return-value]


def _marked_highest(chunk: str, spec: FactSpec, rule: ReadingRule
                    ) -> tuple[str, int, int] | None:
    """The one figure in ``chunk`` named by a ``highest`` phrase ("Tmax 38.6 overnight",
    "temp max overnight 101.3 F"), if exactly one is."""
    if not rule.highest:
        return None
    label = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in rule.highest) +
                       r")(?:\s+[a-z()/-]+){0,2}[\s:=]*$")
    marked = [(compatible(spec, q, rule.fraction), q.start, q.end) for q in quantities(chunk)
              if label.search(chunk[max(0, q.start - 40):q.start])]
    marked = [m for m in marked if m[0] is not None]
    return marked[0] if len(marked) == 1 else None  # type: ignore[return-value]


_REFERENCE = re.compile(r"\((?:ref|reference|normal|nl|range)\b[^()]*$")
"""A lab's reference range ("WBC 9,800 (ref 4,500-11,000)") is not another result."""


def _trend_last(chunk: str, spec: FactSpec, rule: ReadingRule) -> tuple[str, int, int] | None:
    """The last figure of a trend joined by arrows ("16.9k (10/18) -> 14.1k (10/24) ->
    11.0k (10/30)"): the latest one."""
    found = [(compatible(spec, q, rule.fraction), q.start, q.end) for q in quantities(chunk)]
    found = [f for f in found if f[0] is not None]
    if len(found) < 2:
        return None
    gaps = [chunk[a[2]:b[1]] for a, b in zip(found, found[1:], strict=False)]
    if all(re.search(r"->|→|=>", gap) for gap in gaps):
        return found[-1]  # type: ignore[return-value]
    return None


def _distinct(msg: _Message, spec: FactSpec, values: set[object]) -> set[object]:
    """The valid values, one per amount: "100.4 °F (38.0 °C)" is one temperature, and a
    time ("0915") is none."""
    out: dict[object, object] = {}
    for raw in values:
        if raw is None:
            continue
        try:
            parsed = parse_value("", spec, raw, msg.as_of)
        except FactError:
            continue
        out.setdefault(round(float(parsed), 1) if isinstance(parsed, int | float) else raw, raw)
    return set(out.values())


def _labelled(chunk: str, start: int, own: tuple[str, ...] = ()) -> bool:
    """A figure with its own label before it ("HR 110", "RR: 18") is another measure; a
    label that is one of the fact's own words ("T 37.6 C (Tmax 37.8)") is not."""
    before = chunk[max(0, start - 10):start]
    label = re.search(r"([a-z][a-z0-9]*)\s*[:=]?\s*$", before)
    return bool(label) and label.group(1) not in _NOT_LABELS and label.group(1) not in own


def _historical(msg: _Message, a: int, b: int) -> bool:
    """"NRS today (0-10): 06 (NRS 9 in April at the ED - historical)": a figure said to be
    of the past competes with no current one."""
    return msg.context is not None and "historical" in msg.context.at(a, b)


def _label_words(rule: ReadingRule) -> tuple[str, ...]:
    """For a figure of several sites (``several: message``), the last words of the fact's
    own phrases: "Pain 8/10 (abdominal), chest pain 3/10" gives two pain scores, not a
    pain score and another measure's figure."""
    return tuple({p.split()[-1] for p in rule.phrases if p}) if rule.several == "message" \
        else ()


_NOT_LABELS = ("and", "or", "then", "to", "now", "was", "today", "currently", "morning", "am",
               "pm", "tonight", "overnight", "recheck", "at")
"""Words before a figure that say when or what it is, not which other measure."""


def _dated_before(msg: _Message, chunk: str, end: int) -> bool:
    """The figure ending at ``end`` is given a day of its own other than today ("Tmax
    100.9 F at urgent care 11/10; 98.8 F today", "Tmax 101 yesterday", "Seen at urgent
    care 11/9 with Tmax 101.1 F"): a past reading, not plainly the recent highest. The
    day is looked for in the figure's part of its sentence, up to the next figure."""
    after = chunk[end:]
    stop = _PART_END.search(after)
    after = after[:stop.start() if stop else len(after)]
    figure = _A_FIGURE.search(mask_dates(after))
    after = after[:figure.start() if figure else len(after)]
    before = re.split(r"[;,\n]|\.\s", chunk[:end])[-1]
    figures = list(_A_FIGURE.finditer(mask_dates(before)))
    before = before[figures[-2].end():] if len(figures) > 1 else before
    days: list[date | None] = []
    for stretch in (before, after):
        days += [d for d, _ in dates_in(stretch, msg.as_of)]
        days += [safe_date(msg.as_of.year, int(m["m"]), int(m["d"]))
                 for m in _MONTH_DAY.finditer(stretch)]
    admitted = _admitted_on(msg)
    return any(d is not None and d != msg.as_of and not (admitted and admitted <= d)
               for d in days)


_ADMITTED = re.compile(r"\b(?:admitted|admission|adm)\b(?:\s+(?:on|date|:))?\s*")


def _admitted_on(msg: _Message) -> date | None:
    """The day of an admission the patient is still in ("admitted 11/9 for CAP"): a
    reading since then is of the current episode ("Tmax 39.1 C on 11/9, today 37.4")."""
    if re.search(r"\b(?:discharged|d/c'?d|dc'?d)\b", msg.lower):
        return None
    for match in _ADMITTED.finditer(msg.lower):
        tail = msg.lower[match.end():match.end() + 12]
        found = [d for d, (a, _) in dates_in(tail, msg.as_of) if a == 0 and d is not None]
        day = _MONTH_DAY.match(tail)
        if not found and day:
            found = [safe_date(msg.as_of.year, int(day["m"]), int(day["d"]))]
        if found and found[0] is not None:
            return found[0]
    return None


_RESOLVED = re.compile(r"\b(?:afebrile since|no fevers? since|fevers? (?:has |have )?resolved|"
                       r"defervesced|afebrile (?:today|now|currently|this morning|at present)|"
                       r"(?:now|currently|today) afebrile|no fevers? (?:today|now))\b")
"""A fever said to be over: a reading of an earlier day is then no recent highest
("T 101.2F yesterday, afebrile today at 37.1")."""
_PART_END = re.compile(r"[;\n]|\.\s")
_A_FIGURE = re.compile(r"(?<![/\d.])\d+(?:\.\d+)?(?![/\d])")
_MONTH_DAY = re.compile(r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])")
"""A month and day with no year ("at urgent care 11/10")."""


def _several_values(msg: _Message, candidates: list[Candidate], sel: _Selection) -> None:
    """A reading that must be current, with other figures of its kind in the same
    sentence ("T 38.6 on 10/20, 37.8 on 10/25, 37.0 today"): which one is now is not
    said, so it is asked."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or not rule.current or spec is None or spec.type != "number":
            continue
        mine = [c for c in candidates if c.fact == reading.fact and c.quantity]
        if not mine:
            continue
        index = _clause_index(msg.found, min(c.span[0] for c in mine))
        if index is None:
            continue
        sentence = _Span(*sentence_spans(msg.found)[msg.found[index].sentence])
        chunk = msg.lower[sentence.start:sentence.end]
        # a figure under a word naming the highest reading ("T 37.6 C (Tmax 37.8)") is no
        # other measure
        others = tuple(set(_other_number_phrases(msg.cpt, reading.fact)) - set(rule.phrases))
        values = {compatible(spec, q, rule.fraction) for q in quantities(chunk)
                  if not _labelled(chunk, q.start, rule.highest + _label_words(rule)) and
                  q.hi is None and
                  not _named_after(chunk, q, others) and
                  not another_measures(chunk, q.start, rule.phrases) and
                  not _taken_on(chunk, q.end, sentence.start,
                                 [c for c in mine if c.value == reading.value]) and
                  chunk[q.start - 1:q.start] != "^" and  # "x10^3/uL": a unit's exponent
                  not _THRESHOLD.search(chunk[max(0, q.start - 4):q.start]) and
                  not _REFERENCE.search(chunk[max(0, q.start - 30):q.start]) and
                  not hits(chunk[max(0, q.start - 30):q.end + 30], rule.exclude) and
                  not _said_of_another(msg, sentence.start + q.start, sentence.start + q.end)
                  and not _historical(msg, sentence.start + q.start, sentence.start + q.end)
                  and not any(a <= sentence.start + q.start < b for a, b in sel.used
                              if (a, b) not in [c.quantity for c in mine])}
        values |= {r.value for r in [reading]}
        values = _distinct(msg, spec, values)
        now = _marked_current(chunk, spec, rule)
        if now is not None and rule.now_if_highest and not _highest(msg, spec, now[0], values):
            now = None  # "T 38.6 on 10/20, 37.0 today": the highest recent one is asked for
        top = _marked_highest(chunk, spec, rule)
        if now is None and top is not None and _highest(msg, spec, top[0], values) and \
                not _dated_before(msg, chunk, top[2]):
            now = top  # "Tmax 101.2F overnight, now 99.1F": the highest, said to be so
        if now is None and not rule.now_if_highest:
            now = _trend_last(chunk, spec, rule)  # "WBC 16.9k -> 14.1k -> 11.0k": the last
        if len(values) > 1 and now is not None:
            # "Temp 99.1 F yesterday, 101.4 F today": the one said to be now.
            value, a, b = now
            index = sel.readings.index(reading)
            sel.readings[index] = FactReading(
                fact=reading.fact, value=value,
                words=msg.text[sentence.start + a:sentence.start + b].strip())
        elif len(values) > 1:
            sel.readings.remove(reading)
            sel.unread.append(Unread(msg.text[sentence.start:sentence.end].strip(),
                                     f"several values; which {spec.label.lower()} is current?"))


# "SpO2 86% on room air -> 93% on 40% Venturi mask": a percentage measured on another
# (the saturation on the mask's oxygen) is not a second value of the other.
_TAKEN_ON = re.compile(r"\s*%?\s+on\s+(?:an?\s+)?(\d+(?:\.\d+)?)\s*%")


def _taken_on(chunk: str, end: int, base: int, mine: list[Candidate]) -> bool:
    """The figure ending at ``end`` was measured on the reading's own figure ("93% on
    40%" with the 40 read)."""
    on = _TAKEN_ON.match(chunk, end)
    return on is not None and any(c.quantity[0] <= base + on.start(1) < c.quantity[1]
                                  for c in mine if c.quantity)


def _said_of_another(msg: _Message, a: int, b: int) -> bool:
    """"WBC 6.2, 16.2 was his sister's": a figure said, after it, to be someone else's
    competes with no figure of the patient's. (Only a trigger after the figure: one
    before it, "WBC 16.2 (his sister's), his own 6.2", may run on past whose it is.)"""
    cue = msg.context.cue("other", a) if "other" in msg.context.at(a, b) else None
    return cue is not None and cue[0] >= b


def _named_after(chunk: str, q: Quantity, others: tuple[str, ...]) -> bool:
    """A bare figure followed by another number fact's name ("8 exercise, 3 manual, 3
    education", "failed 2 PT courses"): that fact's figure, not another of this one."""
    if q.unit:
        return False
    after = chunk[q.end:q.end + 40]
    lead = len(after) - len(after.lstrip())
    return any(a == lead for a, _b in hits(after, others))


_NOW_WORD = re.compile(r"\b(?:now|today|current|currently|at present|presently)\b")
_SCALE = re.compile(r"/\s*10\b|out of 10")


def _several_in_message(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A current figure given twice with different values in different sentences ("Neck
    pain 2/10; low back pain 8/10"): which one the request is about is not said, so it
    is asked (rule key ``several: message``)."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or rule.several != "message" or spec is None:
            continue
        if _NOW_WORD.search(reading.words.lower()):
            continue  # "Pain 8/10 at worst. Pain today 6/10": the one said to be now
        # Figures on the scale itself ("2/10"): a bare number near "pain" may be another's.
        mine = [c for c in ready if c.fact == reading.fact and (
            spec.type == "choice" or c.quantity is not None and not c.total and
            _SCALE.search(msg.lower[c.quantity[0]:c.quantity[1]]))]
        values = _distinct(msg, spec, {c.value for c in mine})
        nows = [c for c in mine if _NOW_WORD.search(msg.lower[c.span[0]:c.span[1]])]
        if len(values) > 1 and len(nows) == 1:
            sel.readings[sel.readings.index(reading)] = FactReading(
                fact=reading.fact, value=nows[0].value,  # type: ignore[arg-type]
                words=_words(msg.text, [nows[0].span]))
        elif len(values) > 1 and len({_sentence_of(msg, c.span[0]) for c in mine}) > 1:
            sel.readings.remove(reading)
            words = _words(msg.text, [c.span for c in mine])
            sel.unread.append(Unread(words[:120], f"several values; which "
                                     f"{spec.label.lower()} is the one this request is for?"))


_REPEATED = re.compile(r"\b(?:repeat|repeated|recheck|rechecked|redrawn|redraw|re-drawn|"
                       r"rerun|re-run)\b")


def _repeated_value(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A current figure measured again ("WBC 17.1 - correction, lab called back: first
    sample clotted, repeat WBC 13.4"): the repeat is the current one, where only one
    value is called a repeat (a figure asked as the highest keeps its own rule)."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or not rule.current or spec is None or spec.type != "number" or \
                rule.now_if_highest or rule.highest:
            continue
        mine = [c for c in ready if c.fact == reading.fact and c.quantity is not None]
        later = [c for c in mine if _REPEATED.search(_clause_text(msg, c.span[0])[
            :c.span[0] - _clause_start(msg, c.span[0])])]
        if len(_distinct(msg, spec, {c.value for c in mine})) > 1 and \
                len(_distinct(msg, spec, {c.value for c in later})) == 1:
            sel.readings[sel.readings.index(reading)] = FactReading(
                fact=reading.fact, value=later[0].value,  # type: ignore[arg-type]
                words=_words(msg.text, [later[0].span]))


def _clause_start(msg: _Message, pos: int) -> int:
    index = _clause_index(msg.found, pos)
    return pos if index is None else msg.found[index].start


def _clause_text(msg: _Message, pos: int) -> str:
    index = _clause_index(msg.found, pos)
    return "" if index is None else msg.lower[msg.found[index].start:msg.found[index].end]


def _higher_elsewhere(msg: _Message, sel: _Selection) -> None:
    """A fact asked as the highest recent reading, with a higher figure of its kind
    elsewhere in the message ("Afebrile at 98.2 F today; was 100.9 F on 11/20, resolved
    since"): which one the question means is asked, not guessed."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or not rule.now_if_highest or spec is None or spec.type != "number":
            continue
        mine = sel.chosen.get(reading.fact)
        others = [(q, compatible(spec, q, rule.fraction)) for q in quantities(msg.lower)
                  if not (mine and mine.quantity and q.start == mine.quantity[0])]
        values = {v for q, v in others if v is not None and not _labelled(msg.lower, q.start)}
        # a later reading under one of the fact's own labels ("Today temp 98.6 F") counts
        # beside a reading of another day
        own = {v for q, v in others if v is not None and _said_now(msg.lower, q) and
               not _labelled(msg.lower, q.start, rule.phrases + rule.highest)}
        if values and not _highest(msg, spec, reading.value, values):  # type: ignore[arg-type]
            sel.readings.remove(reading)
            sel.unread.append(Unread(reading.words, f"a higher {spec.label.lower()} is also "
                                     "given; which is the highest recent one?"))
        elif (own or _RESOLVED.search(msg.lower)) and mine and mine.quantity and \
                mine.value == reading.value and _dated_before(msg, msg.lower, mine.quantity[1]):
            # "Tmax 100.9 F at urgent care 11/10; 98.8 F today": a reading of another day
            # beside a later one; whether it is still the recent highest is asked.
            sel.readings.remove(reading)
            sel.unread.append(Unread(reading.words, f"{spec.label.lower()} of an earlier day; "
                                     "which is the highest recent one?"))


def _said_now(lower: str, q: Quantity) -> bool:
    """The figure is said to be now or today ("98.8 F today", "Today temp 98.6 F")."""
    return bool(_NOW.match(lower[q.end:q.end + 20]) or
                _NOW_BEFORE.search(lower[max(0, q.start - 24):q.start]))


_NOW_BEFORE = re.compile(r"\b(?:today|now|currently)\b[^.;\n\d]{0,16}$")


def _highest(msg: _Message, spec: FactSpec, value: str, values: set[object]) -> bool:
    """Whether ``value`` is at least every one of ``values`` (in the fact's unit)."""
    def number(raw: object) -> float | None:
        try:
            parsed = parse_value("", spec, raw, msg.as_of)
        except FactError:
            return None
        return float(parsed) if isinstance(parsed, int | float) else None

    mine = number(value)
    others = [n for v in values if (n := number(v)) is not None]
    return mine is not None and all(mine >= n for n in others)


@lru_cache(maxsize=64)
def _other_number_phrases(cpt: str | None, fact: str) -> tuple[str, ...]:
    """The phrases of every number fact but ``fact`` (this policy's and the shared ones)."""
    specs = {**fact_specs(None), **fact_specs(cpt)}
    rules = {**reading_rules(None), **reading_rules(cpt)}
    return tuple(p for name, rule in rules.items() if name != fact and
                 specs.get(name) is not None and specs[name].type == "number"
                 for p in rule.phrases)


def _latest_dated(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"PFTs 2/10/26 (FEV1 81% pred) and repeat 9/28/26 (FEV1 69% pred)": of several
    figures of a fact whose rule says ``latest``, the one after the latest date in its
    sentence counts; a figure with no date before it leaves which one to ask."""
    for reading in list(sel.readings):
        if not msg.rules[reading.fact].latest:
            continue
        mine = [c for c in ready if c.fact == reading.fact and c.quantity is not None]
        if len({c.value for c in mine}) < 2:
            continue
        lo, chunk = _sentence_with_next(msg, mine[0].quantity[0])  # type: ignore[index]
        days = [(d, lo + a) for d, (a, _b) in dates_in(chunk, msg.as_of) if d is not None]
        dated = [(max(((d, at) for d, at in days if at < c.quantity[0]), default=None), c)
                 for c in mine if c.quantity is not None and lo <= c.quantity[0] < lo + len(chunk)]
        index = sel.readings.index(reading)
        if len(dated) < 2 or any(d is None for d, _c in dated):
            sel.readings.pop(index)
            sel.unread.append(Unread(chunk.strip(), "several values; which is the most recent?"))
            continue
        # The latest date's figure, in the fewest words ("FEV1 69%", not from the first
        # FEV1 on).
        _when, best = max(dated, key=lambda p: (p[0], p[1].span[0] - p[1].span[1]))  # type: ignore[arg-type,return-value]
        sel.readings[index] = FactReading(fact=reading.fact, value=best.value,  # type: ignore[arg-type]
                                          words=msg.text[best.span[0]:best.span[1]].strip())


def _longest(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"chest pain x 10 days; dyspnea on exertion x 7 wks": where the rule says
    ``longest``, each symptom's own span is a candidate and the longest counts (the
    symptoms began with the first of them)."""
    for reading in list(sel.readings):
        c = sel.chosen.get(reading.fact)
        if c is None or c.quantity is None or not msg.rules[reading.fact].longest:
            continue
        lo, chunk = _sentence_with_prior(msg, *_sentence_with_next(msg, c.quantity[0]))
        spec = msg.specs[reading.fact]
        weeks = _lengths(msg, [o for o in ready if o.fact == reading.fact and o.quantity and
                               lo <= o.quantity[0] < lo + len(chunk) and
                               (o.quantity == c.quantity or not _used(o, sel.used))])
        best = max(weeks, key=lambda p: p[0])[1] if len({w for w, _o in weeks}) > 1 else c
        present = [o for _w, o in _lengths(msg, [o for o in ready if o.fact == reading.fact])
                   if not _background(msg, o) and o.value != best.value and
                   (o.quantity == c.quantity or not _used(o, sel.used))]
        if present and not best.total and not TOTAL.search(_clause_text(msg, best.span[0])) \
                and (_background(msg, best) or any(_CURRENT_EPISODE.search(
                    msg.lower[o.span[0]:o.span[1]]) for o in present)):
            # "Symptoms x 3 weeks; chronic LBP for 10 years", "Knee pain x 2 weeks; had
            # similar pain for 3 months last year": the longest is a chronic background or
            # an earlier episode, the other the present one; which the policy means is
            # asked.
            sel.readings.remove(reading)
            sel.unread.append(Unread(_words(msg.text, [best.span, present[0].span]),
                                     f"several durations; which is the "
                                     f"{spec.label.lower()}?"))
            continue
        if best is c:
            continue
        sel.readings[sel.readings.index(reading)] = FactReading(
            fact=reading.fact, value=best.value,  # type: ignore[arg-type]
            words=msg.text[best.span[0]:best.span[1]].strip())
        sel.used.append(best.quantity)  # type: ignore[arg-type]


def _lengths(msg: _Message, cands: list[Candidate]) -> list[tuple[float, Candidate]]:
    """The valid lengths, in weeks, of a symptom's own spans among ``cands``."""
    return [(float(parse_value(o.fact, msg.specs[o.fact], o.value, msg.as_of)), o)
            for o in cands if o.quantity is not None and o.distance <= 20 and
            _check(o.fact, msg.specs[o.fact], o.value, msg.as_of) is None]


_BACKGROUND = re.compile(r"\b(?:chronic|long-?standing|lifelong|for years|on and off|"
                         r"intermittent|recurrent|similar|same pain|previous|prior|earlier|"
                         r"resolved|last year|years ago)\b")
"""Words that make a length a background condition's or an earlier episode's."""
_CURRENT_EPISODE = re.compile(r"\b(?:current|this|present) (?:episode|flare)\b")
"""Words that make another length the present episode's ("current episode 9 weeks")."""


def _background(msg: _Message, c: Candidate) -> bool:
    """The clause of ``c`` is about a chronic condition or a past episode."""
    index = _clause_index(msg.found, c.span[0])
    clause = msg.found[index] if index is not None else None
    text = msg.lower[clause.start:clause.end] if clause else msg.lower[slice(*c.span)]
    return bool(_BACKGROUND.search(text)) or \
        (msg.context is not None and "historical" in msg.context.at(*c.span))


def _sentence_with_next(msg: _Message, pos: int) -> tuple[int, str]:
    """The sentence at ``pos`` (with the next one after a semicolon: "back pain for 3
    years; current episode 9 weeks"): its start and its text."""
    index = _clause_index(msg.found, pos)
    if index is None:
        return pos, ""
    spans, sentence = sentence_spans(msg.found), msg.found[index].sentence
    lo, hi = spans[sentence]
    if msg.lower[hi:hi + 2].strip() == ";" and sentence + 1 in spans:
        hi = spans[sentence + 1][1]
    return lo, msg.lower[lo:hi]


def _sentence_with_prior(msg: _Message, lo: int, chunk: str) -> tuple[int, str]:
    """``chunk`` (from ``lo``) with the sentence before it when a semicolon ends that one
    ("Symptoms x 3 weeks; chronic LBP for 10 years")."""
    before = msg.lower[:lo].rstrip()
    if not chunk or not before.endswith(";"):
        return lo, chunk
    start, _chunk = _sentence_with_next(msg, len(before[:-1].rstrip()) - 1)
    return start, msg.lower[start:lo + len(chunk)]


def _listed_durations(msg: _Message, sel: _Selection) -> None:
    """Durations listed for one fact with no total: courses in a row add up; beside an
    episode or an overlap, which one counts is asked (see :mod:`agent.reading.durations`)."""
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.total or c.quantity is None or spec.unit != "weeks":
            continue
        lo, chunk = _sentence_with_next(msg, c.quantity[0])
        if not chunk or TOTAL.search(chunk):
            continue
        others, mine = _other_number_phrases(msg.cpt, reading.fact), msg.rules[reading.fact]
        run, cut = listed(chunk, spec, mine.fraction, (c.span[0] - lo, c.quantity[0] - lo),
                          lambda a, b, lo=lo: any(x < b + lo and a + lo < y for x, y in sel.used),
                          lambda gap, others=others: bool(hits(gap, others)),
                          lambda gap, mine=mine: bool(hits(gap, mine.phrases)))
        # "Conservative care: naproxen x 6 wks, then home exercises x 6 wks": a next course
        # named by another fact leaves the whole of a heading's figure unsaid.
        # Two lengths listed with nothing saying how they relate ("PT 6 wks (Jan-Feb) and
        # 6 wks (Jul-Aug)"): the nearest alone would be a false fact; asked.
        # the sequence said between this figure and the next fact's ("naproxen x 6 wks,
        # then home exercises x 6 wks"), not elsewhere in a long one-line summary ("low
        # back pain 6 months, PT 14 weeks, ..., failed 2 PT courses")
        nxt = next((q.end for q in quantities(chunk) if q.start >= run[-1][1] and
                    compatible(spec, q, mine.fraction) is not None), len(chunk)) if run else 0
        what = "ask" if cut and in_sequence(chunk[run[0][0]:nxt] if run else chunk) else \
            (durations_outcome(chunk) or ("ask" if bare(chunk, run) else None)) \
            if len(run) > 1 else None
        what = _part_said(msg, lo, chunk, run, what, c.quantity[1] - lo)
        if what is None:
            continue
        last = _clause_index(msg.found, lo + run[-1][0])
        end = msg.found[last].end if last is not None else lo + run[-1][1]
        words = msg.text[min(c.span[0], lo + run[0][0]):end].strip()
        sel.readings.remove(reading)
        if what == "ask":
            sel.unread.append(Unread(words, f"several durations; which is the "
                                     f"{spec.label.lower()}?"))
            continue
        weeks = sum(float(parse_value(reading.fact, spec, raw, msg.as_of)) for _a, _b, raw in run)
        sel.readings.append(FactReading(fact=reading.fact, value=f"{weeks:g} weeks", words=words))
        sel.used += [(lo + a, lo + b) for a, b, _raw in run]


def _part_said(msg: _Message, lo: int, chunk: str, run: list[tuple[int, int, str]],
               what: str | None, read_to: int) -> str | None:
    """A length followed by "another" one not read with it ("10 weeks of rehab last spring
    and a further 6 weeks"), or a sum with a length still to come ("PT 8 wks, another 4
    wks planned"), or someone else's: the first length is a part, and the sum is not yet
    done; which the fact is, is asked."""
    if not run:
        return what
    if what is None and more_after(chunk, max(run[-1][1], read_to)):
        return "ask"
    later = [msg.context.at(lo + a, lo + b) for a, b, _raw in run[1:]] if msg.context else []
    if what == "sum" and any(c & {"hypothetical", "other", "uncertain"} for c in later):
        return "ask"
    return what


_NEXT_COURSE = r"(?:second|2nd|another|third|3rd|repeat|new|additional|further|later)"
_COURSE = r"(?:course|round|trial|block|series)"


def _course_phrases(msg: _Message, fact: str) -> tuple[str, ...]:
    """The words of the treatment a weeks fact measures: its own, and those of the whole
    it is a part of (the fact whose denial implies this one's zero: PT for its exercise)."""
    whole = [name for name, rule in msg.rules.items() for i in rule.implies
             if i.holds("0") and fact in i.then]
    return msg.rules[fact].phrases + tuple(p for name in whole for p in msg.rules[name].phrases)


def _another_course(msg: _Message, fact: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where, outside ``span``, another course of the fact's treatment is named ("Second
    PT course 09/2026-11/2026 also failed", "a second course of PT")."""
    words = "|".join(re.escape(p) for p in _course_phrases(msg, fact))
    if not words:
        return None
    found = re.compile(rf"\b{_NEXT_COURSE}\s+{_COURSE}\s+of\s+(?:{words})\b|"
                       rf"\b{_NEXT_COURSE}\s+(?:{words})\s+{_COURSE}\b|"
                       rf"\b(?:{words})\s+{_COURSE}\s*#?\s*(?:2|two|ii)\b")
    for x in found.finditer(msg.lower):
        if (x.end() <= span[0] or x.start() >= span[1]) and \
                not _NO_COURSE_BEFORE.search(msg.lower, max(0, x.start() - 20), x.start()) and \
                not _NO_COURSE_AFTER.match(msg.lower, x.end()):
            return x.span()
    return None


_NO_COURSE_BEFORE = re.compile(r"\b(?:(?:no|never|not|without|nor)\s+(?:a\s+|any\s+)?|"
                               r"(?:this|that|it|which)\s+(?:was|is)\s+(?:her|his|the|their)?\s*)\Z")
"""(and "This was her second course of PT": the course described, not another one)"""
_NO_COURSE_AFTER = re.compile(r"\s*(?:was|has|had|is)?\s*(?:never|not)\b")
"""Another course denied: "No second PT course was ever started", "a second PT course was
never done"."""
_OVER_ALL_COURSES = re.compile(r"\b(?:both|all|the two|all \w+)\s+(?:\w+\s+){0,2}?"
                               r"(?:courses|rounds|blocks|trials)\b|\btogether\b")
"""A figure said of every course at once ("Over both courses together: exercise 10 wks")."""


def _one_course_of_more(msg: _Message, sel: _Selection) -> None:
    """"Completed 12 wks PT ... Second PT course 09/2026-11/2026 also failed": the length
    of one course, where another course of the same treatment is named without being
    added in, is not how long the treatment lasted in all: asked."""
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.total or spec.unit != "weeks" or str(c.value) == "0":
            continue
        at = msg.text.find(reading.words)
        span = (at, at + len(reading.words)) if at >= 0 else c.span
        if TOTAL.search(msg.lower, span[0], span[1] + 20):
            continue
        i = _sentence_of(msg, span[0])
        lo, hi = sentence_spans(msg.found).get(i, span) if i is not None else span
        if _OVER_ALL_COURSES.search(msg.lower, lo, max(hi, span[1])):
            continue
        other = _another_course(msg, reading.fact, span)
        if other is None:
            continue
        sel.readings.remove(reading)
        sel.unread.append(Unread(reading.words, "one course of several: how long in all?"))


def _durations_apart(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"- PT #1 (8 wks)\n- PT #2 (6 wks)": a length in weeks read from one statement while
    another statement gives the same fact another length, with no total: which one (or
    their sum) the fact is, is asked rather than the first one taken."""
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.total or c.quantity is None or spec.unit != "weeks" or \
                str(c.value) == "0" or msg.rules[reading.fact].longest or \
                any(x.total for x in ready if x.fact == reading.fact):
            continue  # a denial beside a figure is _denied_and_stated's
        other = [x for x in ready if x.fact == reading.fact and x.quantity and
                 x.distance <= c.distance + 20 and x.value not in (c.value, "0") and
                 not any(a < x.quantity[1] and x.quantity[0] < b for a, b in sel.used)]
        if other:
            sel.readings.remove(reading)
            words = msg.text[other[0].span[0]:other[0].span[1]].strip()
            sel.unread.append(Unread(f"{reading.words} / {words}", f"several lengths; what is "
                                     f"the total {spec.label.lower()}?"))


def _select(msg: _Message, candidates: list[Candidate]) -> _Selection:
    sel = _Selection([], [], [], [], {})
    unread = [c for c in candidates if c.unread is not None]
    ready = [c for c in candidates if c.unread is None]
    anchors = [c for c in ready if c.fact not in msg.specs]
    ready = [c for c in ready if c.fact in msg.specs]
    by_type = {t: [c for c in ready if msg.specs[c.fact].type == t] for t in ("set", "date")}
    _select_sets(msg, by_type["set"], sel, {c.fact for c in unread})
    _select_dates(msg, by_type["date"], sel)
    taken = {r.fact for r in sel.readings}
    counts = [c for c in ready if c.distance == 50 and msg.specs[c.fact].type == "number"]
    rest = [c for c in ready if msg.specs[c.fact].type not in ("set", "date") and c not in counts]
    for c in sorted(rest + anchors, key=lambda c: (not c.total, c.distance, c.span[0])):
        if c.fact in taken:
            continue
        if c.fact not in msg.specs:  # an anchor: the number is someone else's
            if c.quantity is not None and not _used(c, sel.used):
                sel.used.append(c.quantity)
            taken.add(c.fact)
            continue
        if c.quantity is not None and any(a < c.quantity[1] and c.quantity[0] < b
                                          for a, b in sel.used):
            continue  # one number, one fact
        a, b = c.shown or c.span
        words = msg.text[a:b].strip()
        problem = _check(c.fact, msg.specs[c.fact], c.value, msg.as_of)
        taken.add(c.fact)
        if problem is not None:
            sel.unread.append(Unread(words, problem))
            continue
        if c.quantity is not None:
            sel.used.append(c.quantity)
        if c.notice:
            sel.notices.append(c.notice)
        sel.chosen[c.fact] = c
        sel.readings.append(FactReading(fact=c.fact, value=c.value, words=words))  # type: ignore[arg-type]
    _select_counts(msg, counts, taken, sel)
    _several_values(msg, ready, sel)
    _several_in_message(msg, ready, sel)
    _repeated_value(msg, ready, sel)
    _higher_elsewhere(msg, sel)
    _denied_and_stated(msg, ready, sel)
    _either_part(msg, ready, sel)
    _conflicting(msg, ready, sel)
    _choices_disagree(msg, ready, sel)
    taken -= _doubted(msg, unread, sel)
    _part_missing(msg, ready, sel)
    _listed_durations(msg, sel)
    _durations_apart(msg, ready, sel)
    _latest_dated(msg, ready, sel)
    _longest(msg, ready, sel)
    _one_course_of_more(msg, sel)
    taken |= {r.fact for r in sel.readings}
    for c in unread:
        if c.unread is not None and c.fact not in taken and c.unread not in sel.unread and \
                not _used(c, sel.used):
            sel.unread.append(c.unread)
            sel.asked_back.append(c.fact)
            if c.fact in msg.specs and msg.specs[c.fact].type not in ("number", "date"):
                sel.unsettled.add(c.fact)
    return sel


_CLAUSE_END = re.compile(r"[,;.\n]|\b(?:but|however|although|though|whereas|while|yet)\b")


def _parts_named(msg: _Message, rule: ReadingRule, c: Candidate, clause: bool = False
                 ) -> set[int]:
    """The parts a reading names: in its words, or (``clause``) up to its clause's end
    ("ROM full in flexion" names flexion)."""
    end = c.span[1]
    if clause:
        found = _CLAUSE_END.search(msg.lower, c.span[1])
        end = found.start() if found else len(msg.lower)
    words = msg.lower[c.span[0]:end]
    return {i for i, group in enumerate(rule.parts) if hits(words, group)}


def _either_part(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A yes/no fact about either of two things ("impaired balance or gait"): a normal
    finding of one ("gait normal") does not deny an impairment of the other ("balance
    impaired"), so the impairment is read."""
    for reading in list(sel.readings):
        rule = msg.rules.get(reading.fact)
        if rule is None or not rule.parts or reading.value == rule.polarity:
            continue
        mine = [c for c in ready if c.fact == reading.fact]
        denied = set().union(*(_parts_named(msg, rule, c, clause=True) for c in mine
                               if c.value != rule.polarity))
        found = next((c for c in mine if c.value == rule.polarity and
                      _parts_named(msg, rule, c) - denied), None)
        if found is not None:
            sel.readings.remove(reading)
            sel.chosen[reading.fact] = found
            sel.readings.append(FactReading(fact=found.fact, value=found.value,  # type: ignore[arg-type]
                                            words=msg.text[found.span[0]:found.span[1]].strip()))


def _conflicting(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A yes/no fact that must be current, read both ways by equally direct words ("mild
    foraminal narrowing" on one study, "nondiagnostic" on the latest): asked."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or spec is None or spec.type != "boolean":
            continue
        mine = next((c for c in ready if c.fact == reading.fact and c.value == reading.value
                     and msg.text[slice(*(c.shown or c.span))].strip() == reading.words), None)
        if mine is None:
            continue
        # A record said to be on file and denied in the same breath ("PT notes - only a
        # discharge summary; no progress notes"): whether it is on file is asked.
        # (a record of several parts settles by its missing part: _part_missing)
        record = rule.is_record(spec, reading.fact) and reading.value is True and \
            not rule.all_parts
        other = [c for c in ready if c.fact == reading.fact and c.distance <= 3 and
                 isinstance(c.value, bool) and c.value != reading.value and
                 (record or _sentence_of(msg, c.span[0]) != _sentence_of(msg, mine.span[0])) and
                 not (rule.parts and reading.value == rule.polarity and
                      not _parts_named(msg, rule, c) & _parts_named(msg, rule, mine))]
        newer = _newer(msg, mine, other[0]) if len(other) == 1 else None
        if newer is not None:
            # "he has an infection. no wait, he has no infection": the words after the
            # retraction are what holds now; a new e-mail over the one it quotes.
            if newer is not mine:
                sel.readings.remove(reading)
                sel.readings.append(FactReading(
                    fact=reading.fact, value=newer.value,
                    words=msg.text[slice(*(newer.shown or newer.span))].strip()))
            continue
        if other and (rule.current or record or _quoted(msg, mine.span[0]) or
                      _quoted(msg, other[0].span[0])):
            sel.readings.remove(reading)
            words = msg.text[other[0].span[0]:other[0].span[1]].strip()
            sel.unread.append(Unread(f"{reading.words} / {words}",
                                     f"which holds now: {spec.label.lower()}?"))


def _sentence_day(msg: _Message, pos: int) -> date | None:
    """The latest day named in the sentence at ``pos`` (the day that sentence tells of)."""
    i = _sentence_of(msg, pos)
    if i is None:
        return None
    lo, hi = sentence_spans(msg.found)[i]
    days = [d for d, _span in dates_in(msg.lower[lo:hi], msg.as_of) if d is not None]
    return max(days, default=None)


def _choices_disagree(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A choice said both ways in different sentences ("OB status 08/19/2026 (copied):
    urine hCG negative. 11/24/2026: she is pregnant, confirmed by serum hCG"): the later
    dated one holds (or the words after a retraction, or a new e-mail over the one it
    quotes); with nothing saying which is now, asked. Only a value and its denial
    disagree (a man and "not pregnant" both say no)."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or spec is None or spec.type != "choice" or not rule.negated:
            continue
        no = {rule.negated, *rule.lasting}
        mine = next((c for c in ready if c.fact == reading.fact and c.value == reading.value
                     and c.unread is None), None)
        other = [c for c in ready if mine is not None and c.fact == reading.fact and
                 c.unread is None and c.distance <= 3 and (c.value in no) != (mine.value in no)
                 and _sentence_of(msg, c.span[0]) != _sentence_of(msg, mine.span[0])]
        if mine is None or not other:
            continue
        newer = _newer(msg, mine, other[0])
        days = (_sentence_day(msg, mine.span[0]), _sentence_day(msg, other[0].span[0]))
        if newer is None and None not in days and days[0] != days[1]:
            newer = mine if days[0] > days[1] else other[0]  # type: ignore[operator]
        sel.readings.remove(reading)
        if newer is not None:
            sel.readings.append(FactReading(
                fact=reading.fact, value=newer.value,
                words=msg.text[slice(*(newer.shown or newer.span))].strip()))
            continue
        words = msg.text[other[0].span[0]:other[0].span[1]].strip()
        sel.unread.append(Unread(f"{reading.words} / {words}",
                                 f"which holds now: {spec.label.lower()}?"))


_RETRACTS = re.compile(r"\b(?:wait|sorry|i misread|i was wrong|my mistake|my bad|"
                       r"scratch that|correction|i meant|actually|oops|strike that)\b")


def _quoted(msg: _Message, pos: int) -> bool:
    """The position is on a quoted e-mail line ("> ...")."""
    return msg.lower[msg.lower.rfind("\n", 0, pos) + 1:pos].lstrip().startswith(">")


def _newer(msg: _Message, a: Candidate, b: Candidate) -> Candidate | None:
    """Of two readings that disagree, the one that holds now where the message says so:
    the new part of an e-mail over the lines it quotes, or the words after a retraction."""
    if _quoted(msg, a.span[0]) != _quoted(msg, b.span[0]):
        return b if _quoted(msg, a.span[0]) else a
    if _retracted(msg, a.span, b.span):
        return max(a, b, key=lambda c: c.span[0])
    return None


def _retracted(msg: _Message, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Words between two statements that take the first one back."""
    lo, hi = sorted((a, b))
    return bool(_RETRACTS.search(msg.text.lower()[lo[1]:hi[0]]))


def _doubted(msg: _Message, unread: list[Candidate], sel: _Selection) -> set[str]:
    """A yes or no said in the sentence that doubts it ("r/o pneumonia vs malignancy - no
    pneumonia on CXR"): the doubt stands, the fact is asked. Returns the facts dropped."""
    dropped: set[str] = set()
    for reading in list(sel.readings):
        if msg.specs[reading.fact].type != "boolean":
            continue
        chosen = sel.chosen.get(reading.fact)
        where = _sentence_of(msg, chosen.span[0]) if chosen else None
        if where is not None and any(c.fact == reading.fact and c.doubt and
                                     _sentence_of(msg, c.span[0]) == where for c in unread):
            sel.readings.remove(reading)
            dropped.add(reading.fact)
    return dropped


def _part_missing(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A fact of several parts (rule ``all_parts``) affirmed from one part and denied
    from another: the denial holds (the whole is not on file)."""
    for reading in list(sel.readings):
        rule = msg.rules.get(reading.fact)
        if rule is None or not rule.all_parts or reading.value != rule.polarity:
            continue
        denial = next((c for c in ready if c.fact == reading.fact and
                       c.value is (not rule.polarity)), None)
        if denial is not None:
            sel.readings.remove(reading)
            sel.readings.append(FactReading(fact=reading.fact, value=denial.value,
                                            words=msg.text[denial.span[0]:denial.span[1]].strip()))


def _sentence_of(msg: _Message, pos: int) -> int | None:
    i = _clause_index(msg.found, pos)
    return msg.found[i].sentence if i is not None else None


def _denied_and_stated(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"Had PT x 6 wks in 2021 for a shoulder injury; no PT for the back so far": a figure
    and a denial of the same thing elsewhere; which one this request is about is asked."""
    for reading in list(sel.readings):
        denials = [c for c in ready if c.fact == reading.fact and c.denial]
        if not denials or str(reading.value) == "0":
            continue
        words = msg.text[denials[0].span[0]:denials[0].span[1]].strip()
        if words in reading.words or reading.words in words:
            continue
        sel.readings.remove(reading)
        sel.unread.append(Unread(f"{reading.words} / {words}",
                                 f"which is it: {msg.specs[reading.fact].label.lower()}?"))


def _used(c: Candidate, used: list[tuple[int, int]]) -> bool:
    return c.quantity is not None and any(a < c.quantity[1] and c.quantity[0] < b
                                          for a, b in used)


# ------------------------------------------------------------- derivations


def _number(msg: _Message, reading: FactReading) -> float | None:
    try:
        value = parse_value(reading.fact, msg.specs[reading.fact], reading.value, msg.as_of)
    except FactError:
        return None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None


def _date_counts(msg: _Message, readings: list[FactReading], sel: _Selection
                 ) -> list[FactReading]:
    read = {r.fact for r in readings}
    out = []
    for name, rule in msg.rules.items():
        if name in read or name not in msg.specs or rule.dates_of not in sel.dates:
            continue
        days, words = sel.dates[rule.dates_of]
        if len(days) >= 2 and _check(name, msg.specs[name], len(days), msg.as_of) is None:
            out.append(FactReading(fact=name, value=len(days), words=words))
    return out


def _covering(text: str, parts: list[str]) -> str:
    """The user's words from the first of ``parts`` to the last (evidence stays verbatim)."""
    spans = [(i, i + len(w)) for w in parts if (i := text.find(w)) >= 0]
    return text[min(a for a, _ in spans):max(b for _, b in spans)].strip() if spans else \
        parts[0]


def _recent(msg: _Message, by_fact: dict[str, FactReading], implication: Any) -> bool:
    """The date the implication needs recent (``recent``), when read, is recent enough."""
    dated = by_fact.get(implication.recent) if implication.recent else None
    if dated is None:
        return True
    try:
        day = date.fromisoformat(str(dated.value))
    except ValueError:
        return False
    return (msg.as_of - day).days <= implication.recent_days


def _base_of_change(msg: _Message, name: str, rule: ReadingRule,
                    by_fact: dict[str, FactReading]) -> list[FactReading]:
    """"NRS now 7/10, up 3 pts since starting PT": with a difference ``a - b`` and ``a``
    read, ``b`` is ``a`` less the difference (a baseline of 4)."""
    if len(rule.difference) != 2 or name not in by_fact:
        return []
    now, base = rule.difference
    if now not in by_fact or base in by_fact or base not in msg.specs:
        return []
    a, d = _number(msg, by_fact[now]), _number(msg, by_fact[name])
    if a is None or d is None:
        return []
    words = _covering(msg.text, [by_fact[now].words, by_fact[name].words])
    return [FactReading(fact=base, value=f"{a - d:g}", words=words)]


def _derived(msg: _Message, readings: list[FactReading],
             implied_from: list[FactReading]) -> list[FactReading]:
    """Facts that follow from facts read: a difference of two scores ("5/10 before
    treatment, now 8/10" is +3) and facts a reading implies ("FEV1 58%": PFT results)."""
    by_fact = {r.fact: r for r in readings}
    out: list[FactReading] = []
    for name, rule in msg.rules.items():
        out += _base_of_change(msg, name, rule, by_fact)
        if name in by_fact or name not in msg.specs:
            continue
        if len(rule.difference) == 2 and all(f in by_fact for f in rule.difference):
            a, b = (_number(msg, by_fact[f]) for f in rule.difference)
            if a is not None and b is not None:
                words = _covering(msg.text, [by_fact[f].words for f in rule.difference])
                out.append(FactReading(fact=name, value=f"{a - b:g}", words=words))
    for reading in implied_from:  # an answer to one question implies nothing more
        rule = msg.rules.get(reading.fact, ReadingRule())
        for implication in rule.implies:
            if not implication.holds(reading.value) or not _recent(msg, by_fact, implication):
                continue
            for fact, value in implication.then.items():
                if fact in msg.specs and fact not in by_fact:
                    out.append(FactReading(fact=fact, value=value, words=reading.words))
                    by_fact[fact] = out[-1]
    return [r for r in out if _check(r.fact, msg.specs[r.fact], r.value, msg.as_of) is None]


def _stored(msg: _Message, fact: str, value: object) -> float | None:
    if value is None or value is _UNSEEN or fact not in msg.specs:
        return None
    return _number(msg, FactReading(fact=fact, value=value, words=""))  # type: ignore[arg-type]


def _rederived(msg: _Message, facts: list[FactReading],
               known: dict[str, Any]) -> list[FactReading]:
    """A stored difference whose part is given again with another value ("correction:
    baseline was 5/10, not 6" after "6/10 at baseline, now 7/10"): moved by as much, so
    the old change is not kept."""
    out: list[FactReading] = []
    stated = {r.fact for r in facts}
    fixed = {r.fact: r for r in facts}
    for name, rule in msg.rules.items():
        if len(rule.difference) != 2 or name in stated or name not in known or \
                name not in msg.specs or not fixed.keys() & set(rule.difference):
            continue
        # The stored change moves by what the corrected part moved (the other part may
        # not be a fact of this policy, so it is not stored): a - b, b from 6 to 5, +1.
        shift = 0.0
        for sign, f in zip((1, -1), rule.difference, strict=True):
            if f in fixed:
                new, old = _number(msg, fixed[f]), _stored(msg, f, known.get(f))
                if new is None or old is None:
                    break
                shift += sign * (new - old)
        else:
            before = _stored(msg, name, known.get(name))
            if before is not None and shift:
                words = next(r.words for f, r in fixed.items() if f in rule.difference)
                out.append(FactReading(fact=name, value=f"{before + shift:g}", words=words))
    return [r for r in out if _check(r.fact, msg.specs[r.fact], r.value, msg.as_of) is None]


# ---------------------------------------------------------------- answers


def _questions(msg: _Message, pending: list[str]) -> list[Question]:
    specs = fact_specs(None)
    rules = reading_rules(None)
    return [Question(p, msg.specs.get(p) or specs[p], msg.rules.get(p) or rules.get(p))
            for p in pending if p in msg.specs or p in specs]


def _answer_like(msg: _Message, part: str, pending: list[str]) -> bool:
    """A part of a reply that names no fact but the ones asked about: an answer to a
    question, not a line of a note ("45 yo F with LBP x 6 months" is a note), nor more
    of something said before it ("... and another 8 weeks this fall")."""
    if re.search(MORE_OF_IT + r"\b", part.lower()):
        return False
    if _ELLIPTIC.match(part) and any(m.category == "other" for m in msg.context.modifiers):
        return False  # "her husband has diabetes, she doesn't": the diabetes, not a question
    others = tuple(p for name, rule in msg.rules.items() if name not in pending
                   for p in rule.all_phrases())
    # Words of a question just asked name it, whatever other fact also has them:
    # "modalities are in the chart" to "does the record document the modalities used?".
    asked = " ".join(f"{s.label} {s.question or ''}".lower()
                     for s in (msg.specs.get(p) for p in pending) if s is not None)
    lower = part.lower()
    return not [(a, b) for a, b in hits(lower, others)
                if not re.search(rf"(?<!\w){re.escape(lower[a:b])}(?!\w)", asked)]


_ELLIPTIC = re.compile(r"^\s*(?:but\s+)?(?:she|he|the patient|pt|patient)\s+(?:does|did|is|was|has|"
                       r"had)(?:n'?t| not)\b[\s.!]*$", re.I)
"""A verb standing for words said just before it ("... she doesn't")."""
_ASKS = re.compile(r"^\s*(?:is|are|was|were|would|will|does|do|did|can|could|should|what|"
                   r"how|why)\b.*\?\s*$")
"""A question back ("is 3 weeks of education enough?") answers no question."""
_COURTESY = re.compile(r"(?:sorry|thanks|thank you|ok|okay|oops|my bad|i meant|actually|"
                       r"correction|hi|hello)[.!,]*")
"""Words around an answer that answer nothing and need no "could not read"."""


def _taken(msg: _Message, part: str, used: list[tuple[int, int]]) -> bool:
    at = msg.text.find(part)
    return at >= 0 and any(a < at + len(part) and at < b for a, b in used)


def _disowned_part(msg: _Message, part: str) -> bool:
    """Words the user took back ("... but it belongs to a different patient") are no
    answer: ``msg.lower`` has them blanked where ``msg.text`` still has them. Nor are
    words about someone else ("her husband had PT for 8 weeks")."""
    at = msg.text.find(part)
    if at < 0:
        return False
    said = sum(ch.isalnum() for ch in part)
    kept = sum(ch.isalnum() for ch in msg.lower[at:at + len(part)])
    if kept < said * 0.7:
        return True
    figure = re.search(r"\d", part) or re.search(r"\w(?=\W*$)", part)
    where = at + (figure.start() if figure else 0)
    return msg.context is not None and "other" in msg.context.at(where, where + 1)


def _answers(msg: _Message, pending: list[str], read: set[str],
             used: list[tuple[int, int]] = (),  # type: ignore[assignment]
             asked_back: list[str] = (),  # type: ignore[assignment]
             corrects: bool = True) -> tuple[list[FactReading], list[Unread]]:
    # "88% on RA -- sorry, I meant 91%", "24 weeks not 12" with no stored 12: the value
    # taken back answers nothing; the other one answers.
    said_again = _said_again(msg.text.lower()) + (
        [] if corrects else [m.span("not") for m in _taken_back_in(msg.text.lower())])
    original = msg.text
    if said_again:
        msg = replace(msg, text=blank(msg.text, said_again))
    asked = _questions(msg, pending)
    questions = [q for q in asked if q.fact not in read]
    if not questions or _taken_back_in(msg.text.lower()):
        return [], []  # "8 weeks not 14" corrects a stored fact; it answers nothing
    if not corrects and _REFERS_BACK.search(original.lower()) and \
            _taken_back_in(original.lower()):
        # "sorry, that was 6 weeks not 8" with no answer 8 stored: it corrects something
        # said before (an answer not taken), not the question now pending; which fact
        # it corrects is asked (outside tester, session 6, F6: filed as another fact).
        # "sorry, 24 weeks not 12" to the PT question is that question's answer.
        return [], []
    if _NO_THEN_VALUE.match(msg.text) and questions[0].spec.type == "number":
        # "no, 8" to "I read 12 weeks as PT completed: is that right?" (the question
        # before the ones pending here): a reading said wrong and its value, not "no" to
        # one question and 8 to the next (outside tester, session 7, F29: exercise 0
        # weeks, manual therapy 8 weeks).
        return [], [Unread(original.strip(), "which answer does it correct? Please name it "
                           "with the value")]
    found = all_answer(msg.text, questions)
    changed, unread = change_answer(msg.text, questions)
    found = found or changed
    if unread:
        return [], unread  # "better, 5 to 7": up or down is asked
    if not found and len(questions) == 1 and len(asked) == 1 and \
            not _disowned_part(msg, msg.text) and (
            len(msg.text.split()) <= 4 or (questions[0].spec.type != "number" and
                                           len(msg.text.split()) <= 12)):
        # The whole reply answers the one question ("it's her left knee actually"); a
        # longer reply is an answer only for words, not numbers, which a note is full of.
        fits, value = answer_for(questions[0], msg.text, msg.as_of)
        found = [(questions[0].fact, value, msg.text.strip())] if fits else []
    inferred: set[str] = set()
    if not found:
        found, unread, inferred = _parts_answered(msg, asked, questions, read, used, pending,
                                                  asked_back)
    # "about 3 months I think": a guess the user gave, shown "(please confirm)" and not
    # used until confirmed; it may fall either side of a line (outside tester, session 8,
    # F34: 13 weeks met 62311's 12 on it).
    inferred |= {fact for fact, value, words in found if value is not None and
                 _HEDGED.search(words.lower()) and fact_specs(None)[fact].type == "number"}
    readings = []
    for fact, value, blanked_words in found:
        words = _unblanked(original, msg.text, blanked_words)
        problem = _check(fact, fact_specs(None)[fact], value, msg.as_of)
        if problem is not None:
            unread.append(Unread(words, problem))
        else:
            readings.append(FactReading(fact=fact, value=value, words=words,  # type: ignore[arg-type]
                                        origin="inferred" if fact in inferred else "stated"))
    return readings, unread


def _parts_answered(msg: _Message, asked: list[Question], questions: list[Question],
                    read: set[str], used: list[tuple[int, int]], pending: list[str],
                    asked_back: list[str]
                    ) -> tuple[list[tuple[str, object, str]], list[Unread], set[str]]:
    """The answers in a reply's parts: numbered like the questions, one per question in
    order, by kind, a "not sure" to the first, fewer in order; a bare value several
    questions could take goes to the first of them as an inference to confirm."""
    numbered = numbered_parts(msg.text, len(asked))
    if numbered is not None:  # "1. 3 2. 5 months 3. 9/15/26"
        pairs = [(w, asked[i]) for i, w in sorted(numbered.items()) if asked[i].fact not in read]
        matched = match_answers([p for p, _ in pairs], [q for _, q in pairs], msg.as_of)
        return matched.read, matched.unread, set()
    raw = _with_its_but(msg, answer_parts(msg.text), asked)
    wordy = len(msg.text.split()) > _WORDY
    # A bare "no" that opens words the note reading took ("no, not pregnant") is theirs,
    # not an answer to another question.
    # (with a comma or dash: "2; no; not pregnant" are three answers)
    echoed = {i for i, p in enumerate(raw[:-1]) if _BARE_NO.fullmatch(p) and
              _NO_AGAIN.match(raw[i + 1]) and _taken(msg, raw[i + 1], used) and
              re.match(r"\s*(?:no|nope|negative|neg)\s*(?:,|-+|–|—)", msg.text[msg.text.find(p):],
                       re.I)}
    # ("58F" alone is an age and a sex: no answer, nothing to say another way)
    parts = [p for i, p in enumerate(raw) if not _disowned_part(msg, p) and i not in echoed
             and not _COURTESY.fullmatch(p.strip().lower()) and not _ASKS.match(p.lower())
             and mask_ages(p.lower()).strip(" .,;:-")]
    if len(parts) == len(asked) > 1:
        # One answer per question in the order asked ("Low back; 6 weeks; 4 weeks"); an
        # answer the note reading already took stays with it.
        pairs = [(p, q) for p, q in zip(parts, asked, strict=True)
                 if q.fact not in read and _answer_like(msg, p, pending)
                 and not _taken(msg, p, used)]
        # With facts read, a part may be a note's line, not meant as an answer: "she's
        # 71, neck pain 5 months".
        matched = match_answers([p for p, _ in pairs], [q for _, q in pairs], msg.as_of,
                                as_answers=not read, wordy=wordy)
        return matched.read, matched.unread, set()
    # Words the note reading already took ("ibuprofen and naproxen both failed") are
    # not answers left over, nor a bare "no" that opens them ("no, not pregnant": the no
    # is the pregnancy's, not an answer to the next question).
    parts = [p for p in parts if _answer_like(msg, p, pending) and not _taken(msg, p, used)]
    if len(parts) == 1 and (first := unsure_of_first(parts[0], questions)):
        return first, [], set()
    matched = match_answers(parts, questions, msg.as_of, prefer=list(asked_back), wordy=wordy)
    if not matched.unread:
        return matched.read, matched.unread, set()
    if (ordered := in_order(parts, questions, msg.as_of, wordy)) is not None:
        return ordered, [], set()
    # Not for a correction ("actually it was 8 weeks"): which stored fact it corrects
    # is asked instead.
    guess = first_fitting(parts[0], questions, msg.as_of) if len(parts) == 1 and \
        not matched.read and matched.unread[0].why.startswith("which question") and \
        not _CORRECTION.search(msg.text.lower()) else None
    if guess is not None:
        return [guess], [], {guess[0]}
    return matched.read, matched.unread, set()


_HEDGED = re.compile(r"\b(?:about|around|approx(?:imately)?|roughly|maybe|probably|i think|"
                     r"i believe|i guess|or so|give or take|something like)\b|~|-ish\b")
"""Words that make a figure a guess ("about 3 months I think")."""
_WORDY = 25
"""Words beyond which a reply is a note or an account, whose sentences' figures are not
answers unless they name the question's subject."""
_NO_THEN_VALUE = re.compile(r"^\s*(?:no|nope|nah)\b[\s,.:;–—-]*(?:(?:it|that) (?:was|is)\s+|"
                            r"(?:it|that)'?s\s+|was\s+|only\s+|just\s+|actually\s+|"
                            r"more like\s+|closer to\s+)?(?:about\s+|around\s+|~\s*)?"
                            r"(?P<value>\d+(?:\.\d+)?\s*(?:[a-z]+|%|/10)?)[\s.!]*$", re.I)
"""A "no" and one value, nothing else ("no, 8", "nope it was 10 weeks")."""


def _with_its_but(msg: _Message, parts: list[str], asked: list[Question]) -> list[str]:
    """A bare "no" or "yes" and the clause after it that says more about a question are
    one answer: "no, but she had a UTI last month, treated" and "no, she had a UTI last
    month" answer the infection question the clause is about (or, saying more than "no",
    none), never the question before it in order (outside tester, session 7, F24: it
    filed 0 failed PT courses)."""
    out: list[str] = []
    for part in parts:
        if out and (_BARE_NO.fullmatch(out[-1]) or _BARE_YES.fullmatch(out[-1])) and (
                _BUT.match(part) or _says_more(msg, part, asked)):
            a = msg.text.find(out[-1])
            b = msg.text.find(part, a + len(out[-1]))
            # (with a comma or a dash: "yes; no -- the consult is next week" are two)
            if a >= 0 and b >= 0 and re.fullmatch(r"\s*(?:,|-+|–|—|\.\.\.)?\s*",
                                                  msg.text[a + len(out[-1]):b]):
                out[-1] = msg.text[a:b + len(part)]
                continue
        out.append(part)
    return out


def _says_more(msg: _Message, part: str, asked: list[Question]) -> bool:
    """The part names what a pending question is about and is no answer to it ("she had
    a UTI last month" to the infection question)."""
    t = part.strip().lower()
    if opens_with_yes_or_no(t):
        return False  # "yes, no - the consult is next week": an answer of its own
    return any(q.rule is not None and hits(t, q.rule.all_phrases()) and
               not answer_for(q, t, msg.as_of)[0] for q in asked)


_BUT = re.compile(r"\s*(?:but|however|though|although|except|other than|apart from)\b", re.I)
_BARE_YES = re.compile(r"\s*(?:yes|yep|yeah|yup)[\s.!]*", re.I)
_BARE_NO = re.compile(r"\s*(?:no|nope|negative|neg)[\s.!]*", re.I)
_NO_AGAIN = re.compile(r"\s*(?:not|no|neg|negative|denies|denied|never)\b", re.I)
_BARE_SCORE = re.compile(r"^\s*(?P<n>\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*10\s*[.!]?\s*$")


def _bare_score(msg: _Message, pending: list[str], known: dict[str, Any]
                ) -> FactReading | None:
    """"7/10" alone with no question pending that takes it: a pain score, where the
    policy has one current score it can be (not beside a baseline score) and none is
    stored yet (a new figure for a stored score is no correction unless it says so)."""
    match = _BARE_SCORE.match(msg.text.lower())
    if match is None or float(match["n"]) > 10:
        return None
    scores = [n for n, spec in msg.specs.items() if spec.unit == "points"]
    if len(scores) != 1 or scores[0] not in msg.rules or not msg.rules[scores[0]].current or \
            known.get(scores[0]) not in (None, _UNSEEN):
        return None
    if any(answer_for(q, msg.text, msg.as_of)[0] for q in _questions(msg, pending)):
        return None
    return FactReading(fact=scores[0], value=f"{float(match['n']):g}", words=msg.text.strip())


def _unblanked(original: str, blanked: str, words: str) -> str:
    """The user's own words for words found in the text with a taken-back value blanked
    (the blanking keeps every offset)."""
    at = blanked.find(words)
    return original[at:at + len(words)] if at >= 0 and original != blanked else words


# ------------------------------------------------------------ corrections

_UNSEEN = object()
"""A stored fact whose value the caller did not give."""
_REFERS_BACK = re.compile(r"\b(?:that|it) (?:was|is)\b|\bi meant\b")
"""Words that point at something said before ("that was 6 weeks not 8")."""
_CORRECTION = re.compile(r"\b(correction|correct that|actually|sorry|i meant|typo|update|"
                         r"should be|should have said|make that|change that|not\s+\d+|"
                         # "no wait, that was last week; today 37.2" (outside tester,
                         # session 8, F9: the fever stayed, 37.2 was not read)
                         r"(?:no|oh|hold on|hang on|ok|okay)[,\s]+wait)\b|^\s*wait\b")


def _choice_corrections(msg: _Message, known: dict[str, Any], read: set[str]
                        ) -> list[FactReading]:
    """"sorry, I meant low back, not neck": a stored choice named after "not", and
    another choice of the same fact named in the message, is corrected to that one."""
    out: list[FactReading] = []
    for name, value in known.items():
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or spec.type != "choice" or name in read or \
                value not in rule.choices:
            continue
        # The choice's own name counts too: "actually it was severe, not moderate".
        def words_of(key: str) -> tuple[str, ...]:
            return (*rule.choices.get(key, ()), key.replace("_", " "),  # noqa: B023
                    (spec.choices or {}).get(key, key).lower())  # noqa: B023

        old = hits(msg.lower, words_of(value))
        if not any(re.search(r"\bnot\s+(?:the\s+)?$", msg.lower[max(0, a - 10):a])
                   for a, _b in old):
            continue
        others = [(a, b, key) for key in rule.choices if key != value
                  for a, b in hits(msg.lower, words_of(key))
                  if not re.search(r"\bnot\s+(?:the\s+)?$", msg.lower[max(0, a - 10):a])]
        if len({key for _a, _b, key in others}) == 1:
            a, b, key = others[0]
            out.append(FactReading(fact=name, value=key, words=msg.text[a:b]))
    return out


def _corrections(msg: _Message, known: dict[str, Any], read: set[str],
                 used: list[tuple[int, int]]) -> tuple[list[FactReading], list[Unread]]:
    """"Sorry, 8 weeks not 14" corrects the fact whose value was 14; "actually it was 8
    weeks" corrects the one stored fact it can be, or asks which; two values for one
    fact ("8 weeks or maybe 9") are asked about, not both applied."""
    if not known or not _CORRECTION.search(msg.text.lower()):
        return [], []
    # The taken-back value is blanked in ``msg.lower``: find it in the user's words.
    taken_back = _taken_back_in(msg.text.lower())
    found: dict[str, list[tuple[str, str]]] = {}
    unread: list[Unread] = []
    for q in quantities(msg.lower):
        if any(a < q.end and q.start < b for a, b in used) or \
                any(m.start("not") <= q.start < m.end("not") for m in taken_back):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", q.text.strip()):
            continue  # "actually he was hospitalized for pneumonia in 2023": a year
        targets = _targets(msg, known, read, q, taken_back)
        words = msg.text[q.start:q.end].strip()
        if len(targets) == 1:
            found.setdefault(targets[0][0], []).append((targets[0][1], words))
        elif taken_back and not targets:
            a, b = min(q.start, taken_back[0].start()), max(q.end, taken_back[0].end())
            unread.append(Unread(msg.text[a:b].strip(), "none of the "
                                 "answers so far had that value: which fact does it correct?"))
        elif targets:
            labels = " or ".join(msg.specs[f].label for f, _ in targets)
            unread.append(Unread(words, f"which does it correct: {labels}?"))
    out: list[FactReading] = []
    for fact, values in found.items():
        if len({v for v, _ in values}) == 1:
            out.append(FactReading(fact=fact, value=values[0][0], words=values[0][1]))  # type: ignore[arg-type]
        else:
            unread.append(Unread(" or ".join(w for _, w in values),
                                 f"which is the {msg.specs[fact].label.lower()}?"))
    return out, unread


def _targets(msg: _Message, known: dict[str, Any], read: set[str], q,  # noqa: ANN001
             taken_back: list[re.Match[str]]) -> list[tuple[str, str]]:
    """The stored facts a corrected value can replace: the one holding the value taken
    back ("not 14") if there is one, else every stored fact of that kind."""
    named = _named_before(msg, known, read, q)
    if named and not taken_back:
        # "PT was actually 10": the fact named just before the figure (several named:
        # which one is asked, never another fact of the figure's kind)
        return named
    out = []
    olds = [float(re.search(r"\d+(?:\.\d+)?", m["not"]).group(0)) for m in taken_back]  # type: ignore[union-attr]
    for name, value in known.items():
        spec = msg.specs.get(name)
        if spec is None or name in read or spec.type != "number":
            continue
        raw = compatible(spec, q, msg.rules[name].fraction if name in msg.rules else False)
        if raw is None and q.unit == "" and _same(value, olds):
            raw = f"{q.value:g} {spec.unit or ''}".strip()  # "12 not 14": the 14's unit
        if raw is None or _check(name, spec, raw, msg.as_of) is not None:
            continue
        out.append((name, raw, value))
    if taken_back:
        # "6 not 8" where no answer was 8: which fact it corrects is asked, not guessed.
        return [(n, raw) for n, raw, value in out if _same(value, olds)]
    return [(n, raw) for n, raw, _v in out]


def _misdirected(msg: _Message, readings: list[FactReading], known: dict[str, Any]
                 ) -> list[FactReading]:
    """"Sorry, PT was 6 weeks not 8" where the PT total was 14 and the supervised
    exercise 8: the value taken back names the fact corrected, so a reading of the
    new value as a stored fact that never held the old one is not the correction
    (the corrections then find the fact that held it, or ask which)."""
    out = []
    for m in _NOT_VALUE.finditer(msg.text.lower()):
        olds = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", m["not"])[:1]]
        if not any(_same(v, olds) for v in known.values()):
            continue  # "pain went from 5 to 6, not 8": no answer was 8; the words say which
        for r in readings:
            at = msg.text.find(r.words)
            spec = msg.specs.get(r.fact)
            value = known.get(r.fact, _UNSEEN)
            if at < 0 or not at < m.start() <= at + len(r.words) + 1 or spec is None or \
                    spec.type != "number" or value is _UNSEEN or value is None or \
                    _same(value, olds):
                continue
            out.append(r)
    return out


_MONTH = re.compile(r"\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b|\b(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")


def _month_said(words: str, as_of: date) -> tuple[int, int] | None:
    """(year, month) of "in March" (the last March up to ``as_of``), "March 2026", "3/2026"."""
    match = _MONTH.search(words.lower())
    if match is None:
        return None
    month = int(match["m"]) if match["m"] else MONTHS.index(match["mon"]) + 1
    if not 1 <= month <= 12:
        return None
    year = match["year"] or match["y"]
    if year:
        return int(year), month
    return (as_of.year if month <= as_of.month else as_of.year - 1), month


def _withdrawn(msg: _Message, sel: _Selection, known: dict[str, Any]) -> list[str]:
    """"Actually the MRI was in March" with an October MRI stored: the stored date no
    longer holds, and the day in March is asked (a month does not say which side of a
    window's edge the day falls on, so it is never stored). A month the stored date
    falls in ("scratch that, MRI was October" after 10/2) changes nothing. Only a
    correction or a short reply takes a stored date back: a note's "MRI in March" may
    be an earlier study than the one stored."""
    lower = msg.text.lower()
    if not (_CORRECTION.search(lower) or _RETRACTS.search(lower) or len(lower.split()) <= 8):
        return []
    out = []
    for fact in sel.asked_back:
        old, rule = known.get(fact), msg.rules.get(fact)
        if not isinstance(old, str) or rule is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", old):
            continue
        said = [_month_said(u.words, msg.as_of) for u in sel.unread
                if hits(u.words.lower(), rule.phrases)]
        stored = date.fromisoformat(old)
        if said and said[0] is not None and said[0] != (stored.year, stored.month):
            out.append(fact)
    return out + [f for f in _other_year(msg, known) if f not in out]


_IN_YEAR = re.compile(r"[^.;\n\d]{0,30}?\b(?:in|during|from|back in)\s+(?P<y>(?:19|20)\d\d)\b"
                      r"(?![/-]\d)")


def _other_year(msg: _Message, known: dict[str, Any]) -> list[str]:
    """"The xray was actually in 2024" with 2026-08-01 stored: a year alone that is not
    the stored date's takes it back (asked again); the same year changes nothing."""
    lower = msg.text.lower()
    out = []
    for name, old in known.items():
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or spec.type != "date" or not isinstance(old, str) or \
                not re.fullmatch(r"\d{4}-\d\d-\d\d", old):
            continue
        for _a, b in hits(lower, rule.phrases):
            year = _IN_YEAR.match(lower, b)
            if year and int(year["y"]) != int(old[:4]) and not dates_in(
                    lower[b:year.end() + 12], msg.as_of):
                out.append(name)
                break
    return out


_TAKE_AWAY = re.compile(r"\b(?:scratch|remove|delete|drop|undo|forget|disregard|strike|"
                        r"take out|cancel|withdraw)\s+(?:the\s+|that\s+|my\s+)?"
                        r"(?P<what>[^,.;:!?\n]{2,40})")
_SAID_WRONG = re.compile(r"(?:^|[,.;!?]\s*|\b(?:but|and|also|sorry|oops|wait)\s+)"
                         r"(?:the\s+|that\s+|my\s+|your\s+)?(?P<what>[a-z][^,.;:!?\n]{1,40}?)\s+"
                         r"(?:is|was|are|were)\s+(?:wrong|incorrect|not right|a mistake|an error|"
                         r"a typo|off)\b")
"""A stored answer called wrong with no new value ("the MRI date is wrong"): set aside
and asked again, never kept."""
_UNSURE_SAID = re.compile(r"\b(?:not sure|unsure|don'?t know|do not know|not certain|"
                          r"uncertain|unknown|no idea)\b")


def _stored_named(msg: _Message, words: str, known: dict[str, Any]) -> list[str]:
    """Stored facts ``words`` start by naming: a phrase of the fact, or its label."""
    out = []
    for name, value in known.items():
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or value is _UNSEEN or value is None:
            continue
        if any(a == 0 for a, _b in hits(words, rule.phrases + (spec.label.lower(),))):
            out.append(name)
    return out


def _not_known_now(msg: _Message, sel: _Selection, known: dict[str, Any]
                   ) -> tuple[list[str], list[FactReading]]:
    """Stored answers the message takes back: "remove the nerve block, it was a
    different patient" (withdrawn: asked again), "scratch the symptom duration, I am not
    sure of it" and "actually I am not sure about the infection, labs pending" (not
    sure now: the old answer no longer counts, and is not asked again)."""
    lower = msg.text.lower()
    named: dict[str, str] = {}
    for m in [*_TAKE_AWAY.finditer(lower), *_SAID_WRONG.finditer(lower)]:
        for name in _stored_named(msg, m["what"].strip(), known):
            named.setdefault(name, msg.text[m.start():m.end()].strip(" ,.;!?"))
    unsure = bool(_UNSURE_SAID.search(lower))
    if unsure and (_CORRECTION.search(lower) or _RETRACTS.search(lower) or
                   len(lower.split()) <= 8):
        for fact in sel.asked_back:
            rule = msg.rules.get(fact)
            said = [u.words for u in sel.unread if rule and hits(u.words.lower(), rule.phrases)]
            if said and known.get(fact, _UNSEEN) not in (_UNSEEN, None):
                named.setdefault(fact, said[0])
    if not unsure:
        return list(named), []
    return [], [FactReading(fact=n, value=None, words=w) for n, w in named.items()]


_NAMED_THEN = re.compile(r"(?:\s+(?:was|is|were|actually|really|should be|more like|about|"
                         r"around|closer to|in fact|total|wrong,?|it|it'?s|[-–—]))*\s*[:=]?\s*$")
"""Words between a fact named and its corrected figure: "PT was actually 10", "the
manual therapy was wrong, it was 2"."""


def _named_before(msg: _Message, known: dict[str, Any], read: set[str], q  # noqa: ANN001
                  ) -> list[tuple[str, str]]:
    """The one stored number fact named just before a figure ("PT was actually 10"),
    with the figure in that fact's unit when it has none."""
    before = msg.text.lower()[max(0, q.start - 40):q.start]
    out = []
    for name, value in known.items():
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or spec.type != "number" or name in read or \
                value is _UNSEEN:
            continue
        spans = [(a, b) for a, b in hits(before, rule.phrases) if _NAMED_THEN.fullmatch(before[b:])]
        if not spans:
            continue
        raw = compatible(spec, q, rule.fraction)
        if raw is None and q.unit == "":
            raw = f"{q.value:g} {spec.unit or ''}".strip()
        if raw is not None and _check(name, spec, raw, msg.as_of) is None:
            out.append((name, raw, min(a for a, _b in spans)))
    # "the manual therapy was wrong, it was 2": the fact of the longest words named
    # ("manual therapy"), not one of a word inside them ("therapy" is also PT's).
    first = min((a for _n, _r, a in out), default=0)
    return [(n, raw) for n, raw, a in out if a == first]


def _takes_back_known(msg: _Message, known: dict[str, Any]) -> bool:
    """"8 weeks not 14" where a stored fact may be 14 (or its value is not given): a
    correction of that fact, not an answer."""
    olds = [float(n) for m in _taken_back_in(msg.text.lower())
            for n in re.findall(r"\d+(?:\.\d+)?", m["not"])[:1]]
    def number(value: Any) -> list[float]:
        return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", str(value))[:1]]

    return bool(olds) and any(v is _UNSEEN or any(n in olds for n in number(v))
                              for v in known.values())


def _same(value: Any, olds: list[float]) -> bool:
    try:
        return any(abs(float(value) - old) < 0.01 for old in olds)
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------- leftovers


def _panel_name(msg: _Message, reading: FactReading) -> bool:
    rule = msg.rules.get(reading.fact)
    return rule is not None and any(reading.words.lower() in group for group in rule.panel)


def _leftovers(msg: _Message, found: list, result: Understanding,  # noqa: ANN001
               mentions: list[Mention], context: Context) -> list[Unread]:
    """Clauses with a number or a date that no reading came from: case details that
    could not be read (ages and procedure codes aside). In a pasted note, only clauses
    that name something the policy asks about or give a duration, score or measure: its
    headers ("Date of service: 11/18/2026", "PAGES: 3", "BP 148/92") would drown them."""
    named = {id(m.clause) for m in mentions}
    note = len(msg.text) > _NOTE_CHARS or msg.text.strip().count("\n") >= 2
    # A test's name read as "results on file" ("FEV1 1.2 L") leaves its figure unread.
    read = [" ".join(r.words.lower().split()) for r in result.facts
            if not _panel_name(msg, r)]
    used = [(i, i + len(r.words)) for r in result.facts
            if r.words and (i := msg.text.find(r.words)) >= 0 and not _panel_name(msg, r)]
    out: list[Unread] = []
    unread = [u.words.lower() for u in result.unread]
    for clause in found:
        if _figures_used(msg, clause, used):
            continue  # "Baseline NRS 5/10 at intake" beside the reading "NRS 5/10 ..., now 8/10"
        chunk = " ".join(msg.lower[clause.start:clause.end].split())
        if not chunk or (ASKS_VERDICT.search(chunk) and not re.search(r"\d", mask_dates(chunk))):
            continue
        if not re.search(r"\d", chunk) or not (re.search(r"\d", _SPINAL_LEVEL.sub(
                " ", mask_ages(mask_dates(chunk)))) or dates_in(chunk, msg.as_of)):
            # ("Dx: L5 radiculopathy": a level names no figure; "58F" is an age and a sex,
            # nothing to say another way: outside tester, session 8, C1)
            continue
        said = " ".join(msg.text[clause.start:clause.end].lower().split())  # "X-ray | 9/1"
        if any(w and (w in chunk or chunk in w or w in said or said in w) for w in read):
            continue
        if any(u.startswith(chunk[:20]) or chunk in u for u in unread) or \
                _explained(chunk, unread) or (note and not _about_case(chunk, id(clause) in named)):
            continue
        words = msg.text[clause.start:clause.end].strip()
        # "Lives with wife who is 20 weeks pregnant": seen, and left out on purpose.
        digit = re.search(r"\d", msg.lower[clause.start:clause.end])
        at = clause.start + (digit.start() if digit else 0)
        seen = context.at(at, at + 1)
        why = _SOMEONE_ELSE if "other" in seen else _IN_THE_PAST if "historical" in seen \
            else ""
        if words and Unread(words, why) not in out:
            out.append(Unread(words, why))
    return out


def _rival_left_over(msg: _Message, result: Understanding, sel: _Selection) -> None:
    """A current figure read while another figure of the same fact was left unread
    ("Labs 11/02: WBC 17.0. Labs 12/01: WBC 8.8." read 17,000 and left "Labs 12/01: WBC
    8.8" unread: outside tester session 9 F3): which is current is not settled, so the
    reading is dropped and asked. Only readings of the note itself (not answers or
    corrections), of number facts whose rule says ``current``."""
    for reading in [r for r in sel.readings if r in result.facts]:
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if rule is None or spec is None or not rule.current or spec.type != "number" or \
                rule.latest or rule.now_if_highest or _read_as_now(msg, reading):
            # (the one said to be today's is current: "repeat WBC today 9.2"; a rule that
            # chooses among several figures has chosen: the highest recent temperature)
            continue
        mine = set(_FIGURE_NUMBER.findall(reading.words))
        rivals = [u for u in result.unread if not u.why and _figures_of(
            u.words.lower(), rule.phrases) - mine and _said_later(msg, reading, u.words)]
        if not rivals:
            continue
        result.facts.remove(reading)
        result.unread = [u for u in result.unread if u not in rivals] + [Unread(
            f"{reading.words} … {rivals[0].words}",
            f"several values; which {spec.label.lower()} is current?")]
        sel.asked_back.append(reading.fact)


_FIGURE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _older_than_known(msg: _Message, result: Understanding, known: dict[str, Any]) -> None:
    """A date said of an earlier record ("the first xray was 2025-07-01 not 2026-07-01"
    with the most recent X-rays of 2026-11-20 stored): every date fact is the most
    recent one, so an earlier date named as the first, an older or a previous one is
    no new value for it (outside tester session 9 F18: it replaced the latest date, a
    final denial). The stored date stays; the words are reported."""
    words = tuple(context_rules().older_record)
    for reading in list(result.facts):
        spec, stored = msg.specs.get(reading.fact), known.get(reading.fact)
        if spec is None or spec.type != "date" or not isinstance(stored, str) or \
                not isinstance(reading.value, str) or reading.value >= stored or \
                not hits(msg.lower, words):
            continue
        result.facts.remove(reading)
        result.unread.append(Unread(reading.words, f"an earlier one than the "
                                    f"{spec.noun or spec.label} recorded ({stored}), which stay"))


def _said_later(msg: _Message, reading: FactReading, words: str) -> bool:
    """Words said to be of today, or dated after the date just before the reading's words
    ("Labs 11/02: WBC 17.0. Labs 12/01: WBC 8.8."): a later figure. Undated words beside
    an undated reading are not ("Bed 7 (Mr. Hale): temp 38.8" is another patient's)."""
    if _NOW_WORD.search(words.lower()):
        return True
    theirs = _days(words.lower(), msg.as_of)
    if not theirs:
        return False
    at = max(0, msg.text.find(reading.words))
    line = msg.lower.rfind("\n", 0, at) + 1
    own = _days(msg.lower[max(line, at - 30):at + len(reading.words)], msg.as_of)
    return not own or max(theirs) > max(own)


def _days(lower: str, as_of: date) -> list[date]:
    """The days named in ``lower``, a month and day with no year ("12/01") taken as the
    latest such day on or before ``as_of`` (a lab table's dates)."""
    days = [d for d, _span in dates_in(lower, as_of) if d is not None]
    for m in _MONTH_DAY.finditer(mask_dates(lower)):
        day = safe_date(as_of.year, int(m["m"]), int(m["d"]))
        if day is not None:
            days.append(day if day <= as_of else safe_date(as_of.year - 1, day.month, day.day)
                        or day)
    return days


def _read_as_now(msg: _Message, reading: FactReading) -> bool:
    """The reading's words, or the few around them, say it is today's or measured again
    ("101.4 F today", "Redrawn: WBC 12.9")."""
    at = msg.text.find(reading.words)
    if at < 0:
        return False
    near = msg.lower[max(0, at - 20):at + len(reading.words) + 12]
    return bool(_NOW_WORD.search(near) or _REPEATED.search(near))


def _figures_of(lower: str, phrases: tuple[str, ...]) -> set[str]:
    """The figures right after a phrase of the fact ("wbc 8.8", "pain: 3/10"); not a
    number further on ("Spine & Pain Associates, 1420 Harbor Blvd")."""
    out = set()
    for _a, b in hits(lower, phrases):
        figure = re.match(r"[ \t:=(]{0,4}(?:(?:today|now|is|was|of|at)[ \t]+){0,2}"
                          r"(\d+(?:\.\d+)?)(?![\d/.-]\d)", lower[b:])
        if figure:
            out.add(figure.group(1))
    return out


_SOMEONE_ELSE = "it is about someone other than the patient"
_IN_THE_PAST = "it is about the past, not now"
_SPINAL_LEVEL = re.compile(r"\b[ctls]\d{1,2}(?:\s*-\s*[ctls]?\d{1,2})?\b")


def _figures_used(msg: _Message, clause: Clause, used: list[tuple[int, int]]) -> bool:
    """Every number of the clause sits in the words some reading came from: the clause
    was read, though its words and the reading's are cut differently."""
    digits = [clause.start + m.start() for m in
              re.finditer(r"\d+", msg.lower[clause.start:clause.end])]
    return bool(digits) and all(any(a <= d < b for a, b in used) for d in digits)


_NOTE_CHARS = 300
_CASE_UNITS = {"weeks", "months", "days", "years", "/10", "%", "F", "C", "k"}


def _about_case(chunk: str, named: bool) -> bool:
    """A clause of a note worth asking about: it names a fact, or gives a duration, a
    score out of ten, a percentage, a temperature or a count in thousands."""
    return named or any(q.unit in _CASE_UNITS for q in quantities(chunk))


def _explained(chunk: str, unread: list[str]) -> bool:
    """The clause's figures are all in words already asked about ("failed 25 courses of
    PT" beside "25 courses of PT": out of range): listing it again says nothing more."""
    inside = [words for words in unread if words and words in chunk]
    for words in inside:
        chunk = chunk.replace(words, " ")
    return bool(inside) and not re.search(r"\d", chunk)


def _policy_question(msg: _Message, result: Understanding, pending: list[str]) -> None:
    lower = msg.text.lower()
    is_question = msg.text.strip().endswith("?") or bool(re.match(
        r"^\s*(what|which|how|when|where|is|are|does|do|can|list|tell me|explain|show|why)\b",
        lower))
    about_case = result.asks_verdict and re.search(r"\b(this|the|my|a|our) (case|patient)\b",
                                                   lower)
    # "What does the policy say about pregnancy?" mentions a fact but states none: a
    # question with no value in it asks about the policy, so its mentions are not facts.
    values_stated = bool(re.search(r"\d", re.sub(r"(?<![\d.])\d{5}(?![\d])", "", lower)))
    if is_question and POLICY_WORDS.search(lower) and not about_case and (
            not result.facts or (not values_stated and not pending)):
        result.policy_question = msg.text.strip()
        result.asks_verdict = False
        result.facts = []
        result.unread = []


# ------------------------------------------------------------------- entry


def _prepare(text: str, cpt: str | None, result: Understanding, as_of: date) -> _Message:
    lower = text.lower() if len(text.lower()) == len(text) else text
    result.start_over = asks_to_start_over(lower)
    result.override = bool(OVERRIDE.search(lower))
    current_phrases = tuple(p for r in reading_rules(cpt).values() for p in r.phrases) \
        if cpt else ()
    # ("pt is a 66 yo male": the patient, not a request for physical therapy)
    result.cpt, result.unknown_code = procedure(blank(lower, patient_mentions(text), PATIENT_MARK),
                                                cpt, current_phrases)
    active = result.cpt or cpt
    rules = reading_rules(active)
    masked = _masked(text, lower, result.cpt, rules)
    return _Message(text, masked, active, fact_specs(active), rules, as_of,
                    Occurrences(masked, lower))


def understand(text: str, *, cpt: str | None, pending: list[str], as_of: date,
               last_facts: list[str] | None = None,
               known: dict[str, Any] | None = None,
               asked_back: list[str] | None = None) -> Understanding:
    """Read one message. ``pending``: facts just asked about, in the order asked;
    ``known``: the values stored so far (for corrections); ``asked_back``: pending facts
    whose value was just asked back ("which date exactly?"), which a bare answer of
    their kind goes to first.

    Every value returned passes :func:`policies.facts.parse_value`; a figure out of
    range or a date after ``as_of`` is reported in ``unread`` with the reason instead.
    """
    result = Understanding()
    if not text.strip():
        return result
    if len(text) > MAX_MESSAGE_CHARS:
        result.notices.append(f"That message is {len(text):,} characters; I read at most "
                              f"{MAX_MESSAGE_CHARS:,} at a time. Nothing was read from it: "
                              "please send it in parts (for example one section at a time).")
        return result
    msg = _prepare(text, cpt, result, as_of)
    if several_patients(text):
        # "Patient 1: 50M ... Patient 2: 40F ...": whichever the request is for, the other's
        # facts would be false for it; nothing is read until the user says which.
        result.unread = [Unread(" ".join(text.split())[:80] + ("…" if len(text) > 80 else ""),
                                "it is about several patients: which one is this request "
                                "for? Send that patient's details alone")]
        return result
    msg.pending = tuple(pending)
    found = msg.found = clauses(msg.lower)
    mentions = _mentions(msg, found)
    context = msg.context = Context(msg.lower, found,
                                    protected=[(m.start, m.end) for m in mentions],
                                    occ=msg.occ, year=as_of.year)
    reader = Reader(text, msg.lower, context, as_of)
    sel = _select(msg, _candidates(reader, msg, found, mentions))
    if known:
        for r in _misdirected(msg, sel.readings, known):
            sel.readings.remove(r)
            at = msg.text.find(r.words)
            sel.used = [(a, b) for a, b in sel.used if not (a < at + len(r.words) and at < b)]
    read = {r.fact for r in sel.readings}
    taken = sel.used + [(i, i + len(r.words)) for r in sel.readings
                        if (i := msg.text.find(r.words)) >= 0]
    if known is None:
        known = {name: _UNSEEN for name in last_facts or []}
    answers, answer_unread = _answers(msg, pending, read, taken, asked_back or [],
                                      corrects=_takes_back_known(msg, known))
    # A fact the note reading asks about ("diabetes: is it severe?") is not also given
    # a value as the answer to its pending question: the same words cannot say both.
    answers = [r for r in answers if r.fact not in sel.unsettled or r.value is None]
    if not answers and not read and (score := _bare_score(msg, pending, known)) is not None:
        answers, answer_unread = [score], []
    read |= {r.fact for r in answers}
    # A figure a reading used ("pain went from 5 to 6, not 8") corrects nothing else.
    fixes, fix_unread = _corrections(msg, known, read, taken)
    fixes += _choice_corrections(msg, known, read | {r.fact for r in fixes})
    result.facts = sel.readings + answers + fixes
    result.facts += _derived(msg, result.facts, implied_from=sel.readings)
    result.facts += _rederived(msg, result.facts, known)
    result.facts += _date_counts(msg, result.facts, sel)
    result.facts = [r for r in result.facts if r.fact in stated_facts(msg.cpt)]
    # A correction that was applied is the message's point: its words are no answer left.
    # Words the note reading already asked about ("MRI was March 2026": which date?)
    # are not also a wrong answer to the question pending.
    seen = [u.words.lower() for u in sel.unread]
    answer_unread = [u for u in answer_unread
                     if not any(w in u.words.lower() or u.words.lower() in w for w in seen)]
    result.unread = sel.unread + (answer_unread if not fixes else []) + fix_unread
    result.notices += sel.notices
    if not fixes and not fix_unread:
        if not answers:
            result.unread += _leftovers(msg, found, result, mentions, context)
    result.unread = [_which_date(msg, u, known) for u in _without_repeats(result.unread)]
    _rival_left_over(msg, result, sel)
    _older_than_known(msg, result, known)
    if (result.start_over or result.cpt) and not result.facts and len(text.split()) <= 8:
        # "start over", "what about 62311 instead?": a request, done; nothing left unread.
        result.unread = []
    gone, unsure_now = _not_known_now(msg, sel, known)
    result.facts += [r for r in unsure_now if r.fact not in {f.fact for f in result.facts}]
    # What was taken back to "not sure" is not also asked back.
    result.unread = [u for u in result.unread
                     if not any(u.words == r.words for r in unsure_now)]
    stated = {r.fact for r in result.facts}
    result.withdrawn = [f for f in _withdrawn(msg, sel, known) + gone if f not in stated]
    # The words that took a date back are asked about, not "could not read".
    result.unread = [Unread(u.words, "which date exactly?") if not u.why and any(
        hits(u.words.lower(), msg.rules[f].phrases) for f in result.withdrawn
        if f in msg.rules) else u for u in result.unread]
    result.asked_back = list(dict.fromkeys(
        f for f in sel.asked_back if f in stated_facts(msg.cpt) and f not in stated))
    if (whole := _unread_whole(msg, result, pending, mentions, context)) is not None:
        result.unread.append(whole)
    result.asks_verdict = bool(ASKS_VERDICT.search(msg.lower))
    # "oh wait, that was her husband. she did no PT": the last message was someone else's;
    # what was read from it is removed, whatever it was (outside tester, session 8, F19:
    # his 2 sessions a week stayed), and the rest of this one is the patient's.
    head = LAST_NOT_HERS.match(msg.text.lower())
    if head is not None and known and any(v is not _UNSEEN for v in known.values()):
        result.forget_last = True
        said = msg.text.lower()[:head.end()]  # done: no words left to read there
        result.unread = [u for u in result.unread if u.words.lower().strip(" ,.!-") not in said]
    _policy_question(msg, result, pending)
    return result


def _unread_whole(msg: _Message, result: Understanding, pending: list[str],
                  mentions: list[Mention], context: Context) -> Unread | None:
    """A short reply nothing was read from is reported whole, and why where the words
    say it: "her daughter is pregnant" is about someone else (outside tester, session 6,
    C7: it got "please say it another way", even with no question pending)."""
    text = msg.text.strip()
    if result.facts or result.unread or result.withdrawn or result.start_over or \
            result.override or result.cpt or result.unknown_code or text.endswith("?") or \
            _COURTESY.fullmatch(text.lower()):
        return None
    # (Choice facts such as pregnancy have no mentions: any trigger of the text counts.)
    seen = frozenset().union(*(context.at(m.start, m.end) for m in mentions)) | \
        {m.category for m in context.modifiers if m.category in ("other", "historical")}
    why = _SOMEONE_ELSE if "other" in seen else _IN_THE_PAST if "historical" in seen else ""
    if (pending and len(text.split()) <= 6) or (why and len(text.split()) <= 12):
        return Unread(text, why)
    return None


def _which_date(msg: _Message, u: Unread, known: dict[str, Any]) -> Unread:
    """A bare date no question takes ("8/1/26" while PT weeks are asked): say which
    dates the case still needs, so the user can name it."""
    found = dates_in(u.words.lower(), msg.as_of)
    if u.why or len(found) != 1 or u.words.strip(" .") != u.words.strip(" .")[
            slice(*found[0][1])].strip(" ."):
        return u
    open_dates = [spec.label for name, spec in msg.specs.items()
                  if spec.type == "date" and name not in known and name in msg.rules]
    if not open_dates:
        return u
    return Unread(u.words, "which date is it: " + ", ".join(open_dates) +
                  f"? (for example \"{open_dates[0]} {u.words.strip()}\")")


def _without_repeats(unread: list[Unread]) -> list[Unread]:
    """Each piece the user must say again, once: "naproxen" is not listed beside "she
    did 6 weeks of home exercises and naproxen" (the same words, read two ways)."""
    bare = [u.words for u in unread]
    return [u for i, u in enumerate(unread)
            if u.why  # it says why it was not read: keep it
            or not any(j != i and bare[i] in bare[j] and (bare[i] != bare[j] or j < i)
                       for j in range(len(bare)))]


# ------------------------------------------------------- context of a quote

QUOTE_CATEGORIES = (*CATEGORIES, "disowned", "patient")
"""ConText's categories, plus text the user takes back and "Pt" meaning the patient."""


@lru_cache(maxsize=2)  # the quotes of one reply share one message
def _quoted_message(text: str, cpt: str | None, year: int
                    ) -> tuple[str, str, list, Context]:  # type: ignore[type-arg]
    lower = text.lower() if len(text.lower()) == len(text) else text
    masked = _masked(text, lower, None, reading_rules(cpt))
    occ = Occurrences(masked)
    found = clauses(masked)
    own = tuple(p for rule in reading_rules(cpt).values() for p in rule.all_phrases())
    return lower, masked, found, Context(masked, found, protected=occ.hits(own), occ=occ,
                                         year=year)


def quote_context(text: str, words: str, fact: str, *, cpt: str | None,
                  as_of: date) -> frozenset[str]:
    """The context of ``words`` (a span of ``text``) as a mention of ``fact``, read as
    :func:`understand` reads its own mentions: the categories at the fact's phrases in
    the quote (at each of its words when it names the fact otherwise), "negated" by the
    fact's own denial rule, "disowned" when the words are text the user takes back, and
    "patient" when the fact's only word there is "Pt" meaning the patient."""
    start = text.find(words)
    start = start if start >= 0 else text.lower().find(words.lower())
    if not words.strip() or start < 0:
        return frozenset()
    end = start + len(words)
    rule = reading_rules(cpt).get(fact) or reading_rules(None).get(fact) or ReadingRule()
    spec = fact_specs(cpt).get(fact) or fact_specs(None).get(fact)
    lower, masked, found, context = _quoted_message(text, cpt, as_of.year)
    named = [(a + start, b + start) for a, b in hits(lower[start:end], rule.all_phrases())]
    own = context.occ.hits(rule.all_phrases(), start, end)
    out: set[str] = set()
    if named and not own and any(masked[a] == PATIENT_MARK for a, _b in named):
        out.add("patient")
    core = own or named or [(start, end)]
    if any(lower[a:b].strip() and not masked[a:b].strip() for a, b in core):
        out.add("disowned")
    if own:
        probes = own
    else:  # the fact in other words ("expecting"): every word of the quote
        probes = [(start + m.start(), start + m.start() + 1)
                  for m in re.finditer(r"\S+", masked[start:end])]
    by_scope = not own or spec is None or rule.negation_kind(spec, fact) == "scope"
    for a, b in probes:
        here = context.at(a, b)
        out |= here - {"negated"}
        i = _clause_index(found, a)
        if (by_scope and "negated" in here) or (
                i is not None and adjacent_negation(masked, a, b, found[i].end) is not None):
            out.add("negated")
    return frozenset(out)

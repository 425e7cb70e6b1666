"""Candidate values for each mentioned fact: dates bound to their record, counts, course
totals, pain scores and their change, choices, each with its words and context.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date
from functools import lru_cache

from agent.reading.context import rules as context_rules
from agent.reading.courses import (
    CourseTotal,
    counted_courses,
    each_failed,
    listed_courses,
    numbered_courses,
    numbered_failed,
    numbered_lengths,
    parts_disagree,
)
from agent.reading.facts import (
    THIS_VISIT,
    Candidate,
    Mention,
    Reader,
    aside_of_figure,
)
from agent.reading.mentions import _clause_index, _exclusion, _readable
from agent.reading.message import _NOT_EVENT, _Message, _sentences
from agent.reading.model import Unread
from agent.reading.rules import ReadingRule, fact_specs, reading_rules
from agent.reading.selection import _words
from agent.reading.text import (
    CONTRAST,
    VISIT_WORD,
    hits,
    sentence_spans,
    writes_day_first,
)
from agent.reading.together import care_failed_together
from agent.reading.values import (
    FOREIGN_TOTAL,
    FOREIGN_WEEKS_MONTHS,
    MONTH_NAMES,
    MONTHS,
    Quantity,
    dates_in,
    last_on_or_before,
    number_of,
    quantities,
    safe_date,
    unit_name,
)
from policies.cachedir import fixed_patterns


def _choice_candidates(reader: Reader, msg: _Message, found: list) -> list[Candidate]:  # noqa: ANN001
    readable = _readable(msg, found)
    out: list[Candidate] = []
    for name, spec in msg.specs.items():
        rule = msg.rules.get(name)
        if rule is None or spec.type not in ("choice", "set"):
            continue
        whole = Mention(name, spec, rule, found[0], 0, 0) if found else None
        keys = reader.choice_keys(name, rule, None, single=spec.type == "choice") \
            if whole else []
        excluded = _excluded_clauses(msg, found, rule)
        qualified = _qualified_clauses(msg, found, rule.qualifier, rule.qualifier_not) \
            if rule.qualifier else set()
        if rule.qualifier and spec.type == "choice":
            qualified |= _qualified_before(msg, found, rule.qualifier)
        nones = msg.occ.hits(rule.none) if spec.type == "set" else []
        vagues = msg.occ.hits(rule.vague) if rule.vague else []
        by_clause: dict[int, list[tuple[int, int, str]]] = {}
        for a, b, key in keys:
            i = _clause_index(found, a)
            if i is None or i not in readable or i in excluded or \
                    any(x <= a < y for x, y in nones) or _straddles(a, b, vagues):
                continue
            if spec.type == "choice" and rule.qualifier and i not in qualified:
                continue
            by_clause.setdefault(i, []).append((a, b, key))
        for i, here in sorted(by_clause.items()):
            m = Mention(name, spec, rule, found[i], here[0][0], here[-1][1])
            out += reader.choice(m, here) if spec.type == "choice" else \
                reader.set_members(m, here)
    return out


_CONTRAST_BETWEEN = re.compile(r"\b(?:but|however|although|though|whereas|yet)\b")


def _qualified_clauses(msg: _Message, found: list, qualifier: tuple[str, ...],  # noqa: ANN001
                       not_one: tuple[str, ...] = ()) -> set[int]:
    """The clauses a qualifier's words reach: anywhere in its sentence ("ODI 48% -> 36%,
    significant"), but not across a contrast ("No improvement in pain, but ODI improved
    significantly": the "no improvement" is the pain's, not the ODI's; outside tester 28
    F9 read the ODI as not improved)."""
    part: list[int] = []  # each clause's part of its sentence, counted across contrasts
    for i, c in enumerate(found):
        same = i > 0 and found[i - 1].sentence == c.sentence
        turn = same and _CONTRAST_BETWEEN.search(msg.lower, found[i - 1].end, c.start + 1)
        part.append(part[-1] + 1 if turn else part[-1] if same else 0)
    names = msg.occ.hits(not_one) if not_one else []
    reached = {(found[i].sentence, part[i]) for a, b in msg.occ.hits(qualifier)
               if (i := _clause_index(found, a)) is not None
               and not any(x <= a and b <= y for x, y in names)}
    return {i for i, c in enumerate(found) if (c.sentence, part[i]) in reached}


_POINTS_BACK = re.compile(r"[ \t]*(?:[a-z]+[ \t]+){0,3}?(?:this|that|which|it|these)\b")


def _qualified_before(msg: _Message, found: list, qualifier: tuple[str, ...]  # noqa: ANN001
                      ) -> set[int]:
    """Clauses that open with a word pointing back to the sentence just before them on
    their line, which holds the qualifier ("ODI 44% -> 30% (6 wks); the therapist calls
    this a significant improvement": the verdict is of the ODI named before the
    semicolon; fresh9's resident consult asked it)."""
    out = set()
    for i, c in enumerate(found):
        line = msg.lower.rfind("\n", 0, c.start) + 1
        if i == 0 or line >= c.start or found[i - 1].end < line or \
                msg.lower[found[i - 1].end:c.start].strip() not in (";", ",", "") or \
                _POINTS_BACK.match(msg.lower, c.start) is None:
            continue
        opened = min(x.start for x in found if x.sentence == found[i - 1].sentence)
        if hits(msg.lower[max(line, opened):found[i - 1].end], qualifier):
            out.add(i)
    return out


def _straddles(a: int, b: int, vagues: list[tuple[int, int]]) -> bool:
    """A choice's phrase that starts or ends inside a vague one of its fact is part of it:
    "QuickDASH 59 = moderate-severe disability" is between two grades (the vague
    "moderate-severe"), not "severe disability" (read severe, session 20)."""
    return any(x < b and a < y and not (a <= x and y <= b) and not (x <= a and b <= y)
               for x, y in vagues)


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


_CLOCK_AFTER = re.compile(r"[ \t,]+(?:at[ \t]+)?\d{1,2}:?\d{2}(?:[ \t]*[ap]\.?m\.?)?\b")


def _entry_stamp(lower: str, x: int, y: int, dates: list[tuple[date | None, tuple[int, int]]]
                 ) -> bool:
    """A date with a clock time that opens its line is a log entry's stamp ("10/14/2026
    10:02 DK  Ibuprofen stopped 10/09/2026 - no relief"): where the line gives another
    date, that one dates what the entry tells (outside tester 22 F4 read the adjuster's
    diary day as the last failed treatment's)."""
    line_start = lower.rfind("\n", 0, x) + 1
    if lower[line_start:x].strip() or not _CLOCK_AFTER.match(lower, y):
        return False
    line_end = lower.find("\n", y)
    line_end = len(lower) if line_end < 0 else line_end
    return any(y < a < line_end for _, (a, _b) in dates)


_VISIT_DATES = tuple(context_rules().visit_dates)


def _administrative(msg: _Message, here: list[Mention], lo: int, x: int) -> bool:
    """The date at ``x`` follows a word that makes it administrative ("report signed
    10/2/2026"), unless the word heads a list of dated things ("Records reviewed: H&P
    11/30/2026" lists the H&P and its date; outside tester session 11 C5: "which date
    exactly?" about an exact date). A comparison always names an earlier study ("compared
    with MRI 2026-06-01", "Comparison: CT 03/01/2026")."""
    window = msg.lower[lo:x]
    return any(not any(lo + b <= m.start and m.end <= x and ":" in msg.lower[lo + b:m.start]
                       for m in here) and not _named_anew(msg.lower, here, lo + b, x)
               or "compar" in window[a:b]
               for a, b in hits(window, _NOT_EVENT)) or _done_by_someone(msg.lower, lo, x)


_ANEW = re.compile(r"(?:[,;][ \t]*|\b(?:and|then|new|newer|another|second|2nd|repeat|latest|"
                   r"most recent|more recent|updated)[ \t]+)(?:[a-z-]+[ \t]+)?$")
"""What opens a study named anew after a word of review ("MRI 04/14/2026 read as mild DDD,
MRI 11/19/2026 ...", "reviewed, new MRI 11/19/2026"): a list's mark or a word of another."""


def _named_anew(lower: str, here: list[Mention], start: int, x: int) -> bool:
    """A study named anew between a review's word and the day: the day is that study's
    (the review's word was the study before's: a four-month-old MRI was read for the new
    one's)."""
    return any(start <= m.start and m.end <= x and _ANEW.search(lower, max(start, m.start - 20),
                                                                m.start)
               for m in here)


_BY_SOMEONE = re.compile(r"\s*(?:(?:again\s+)?(?:by|with)\s+(?:the\s+)?(?:dr\.?\s+|doctor\s+)?"
                         r"[a-z.'’ -]{1,30}?\s*)?(?:on\s+|at\s+(?:the|her|his)\s+)?$")
"""What is between a re-read's or a review's words and its day: by or with whom ("reread by
Dr. Mora 11/19/2026", "reviewed again by Dr. Benitez 11/18/2026", "(images reviewed with the
patient 11/19/2026)": tester 34 F2, old studies passed as new)."""


def _done_by_someone(lower: str, lo: int, x: int) -> bool:
    """An administrative word farther back than the usual window, with only by or with
    whom between it and the day."""
    start = max(lo - 30, lower.rfind("\n", 0, x) + 1, lower.rfind(";", 0, x) + 1)
    return any(_BY_SOMEONE.fullmatch(lower, start + b, x) is not None
               for a, b in hits(lower[start:x], _NOT_EVENT))


_ROW_OPENS = re.compile(r"(?:[ \t][/|][ \t]*|;[ \t]*)$")
"""A row's mark before a day: the day opens a row of a list flattened onto one line."""


def _row_heads(lower: str, mine: list[Mention], start: int, x: int, y: int) -> list[Mention]:
    """The study named right after a day that opens a row ("2026-12-01 XR L-spine (neg) /
    2027-04-19 XR L-spine flex-ext / 2027-05-02 CT L-spine": p27a gave the CT's day to the
    X-ray before it), where a study is named before the day too; else none."""
    if not _ROW_OPENS.search(lower, max(start, x - 4), x) or \
            not any(m.end <= x for m in mine):
        return []
    return [m for m in mine if y <= m.start <= y + 2 and not lower[y:m.start].strip()]


def _a_papers_day(lower: str, x: int, y: int) -> bool:
    """The day at ``x``-``y`` is a request's, a referral's or an order's, named right after
    it with "the" before it ("more than 6 months before the 4/25/28 request")."""
    return _DAY_OF_A_PAPER.match(lower, y) is not None and \
        _DETERMINER_BEFORE.search(lower, max(0, x - 8), x) is not None
_DAY_OF_A_PAPER = re.compile(r"[ \t]+(?:prior[ \t]+auth(?:orization)?[ \t]+)?(?:request|"
                             r"referral|submission|appeal|denial|deadline|claim|order|"
                             r"auth(?:orization)?|pre-?auth|fax)s?\b")
"""A request's, a claim's or an order's own name right after a day ("more than 6 months before
the 4/25/28 request", "the 11/02 referral"): that paper's day, no study's (phrase32a read
the request's day as the X-ray's)."""
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|our|your|their|its|his|her)[ \t]+$")
_BIRTH_BEFORE = re.compile(
    r"(?<![a-z])(?:dob|d\.[ \t]?o\.[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|"
    r"born(?:[ \t]+on)?|"
    r"fecha[ \t]+de[ \t]+nacimiento|f\.?[ \t]?nac\.?|geb\.|geboren(?:[ \t]+am)?|n[ée]e?[ \t]+le|"
    r"data[ \t]+di[ \t]+nascita|data[ \t]+de[ \t]+nascimento|date[ \t]+de[ \t]+naissance|"
    r"geboortedatum)[ \t]*[:#.=-]?[ \t]*$")
"""A date-of-birth label right before a day ("D.O.B.: 11/02/1958  Lumbar X-ray done", "pt
(DOB 04/02/1961)", "Fecha de nacimiento: 02/04/1961"): the day is a birth, never a study's,
whatever study its line names next (phrase35a read a birth date as the X-ray's; the blind
sets' value-of-the-wrong-fact mechanism, 25 of 275 lines)."""
_ADDENDUM_HEAD = re.compile(r"[ \t]*(?:[-=*#~]{3,}[ \t]*)?(?:addendum|late entry|amendment|"
                            r"attestation)\b[^:\n]*$")
"""The words before a date on its line open an addendum's header ("ADDENDUM to the
06/25 report, 06/27/2026: comparison made with the outside CT"): the date is the
addendum's, not a study's it names (fresh10: the CT was given the addendum's day)."""


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
        in_sentence += _year_less_after(msg, here, in_sentence, sentence.end)
        for value, (x, y) in in_sentence:
            if _administrative(msg, here, max(sentence.start, x - 30), x) or \
                    _ADDENDUM_HEAD.match(msg.lower, msg.lower.rfind("\n", 0, x) + 1, x):
                continue  # "report signed 10/2/2026" is not when the X-ray was taken
            if _dates_a_figure(msg.lower, here, figures, x, y, sentence.start) or \
                    _heading_date(msg, here, x, y) or _doubted_day(msg.lower, x):
                continue
            if _entry_stamp(msg.lower, x, y, in_sentence) or _a_papers_day(msg.lower, x, y):
                continue  # "10/14/2026 10:02 DK  Ibuprofen stopped 10/09/2026": the entry's
            if _ONSET_RIGHT_BEFORE.search(msg.lower, max(0, x - 40), x) or \
                    _BIRTH_BEFORE.search(msg.lower, max(0, x - 30), x):
                # "Onset 11/15/2025 (fall) per Dr. Senn's H&P": when it began; "D.O.B.:
                # 11/02/1958  Lumbar X-ray done": a birth, no study's day
                continue

            # "MRI reviewed at this visit": the visit dates what it made (the H&P, rule
            # key note_sections), not a study it looked at.
            # (so does a later visit's: "MRI 11/03/2026, follow-up visit 11/23/2026")
            at_visit = THIS_VISIT.fullmatch(msg.lower, x, y) is not None or \
                bool(hits(msg.lower[max(sentence.start, x - 30):x], _VISIT_DATES))
            mine = [m for m in here if m.rule.note_sections] if at_visit else here
            # A date belongs to the thing named before it ("X-rays ... on October 2, and
            # an MRI on September 21"); only a date that opens the sentence looks ahead.
            before = _row_heads(msg.lower, mine, sentence.start, x, y) or \
                [m for m in mine if m.end <= x]
            pool = before or [m for m in mine if (m.clause.start <= x < m.clause.end
                                                  or _opens(msg.lower, sentence.start, x) or
                                                  _WHEN_AFTER.fullmatch(msg.lower, y,
                                                                        max(y, m.start)) or
                                                  _outcome_after(msg.lower, m, x, y))]
            if not pool:
                continue  # "pain since 8/15/2026 after a fall, X-ray 8/20/26": an onset
            best = min(pool, key=lambda m, x=x, y=y: (x - m.end) if x >= m.end else m.start - y)
            if not before and (_OWN_DATE.match(msg.lower, best.end) or
                               _dated_later(best, in_sentence, y)):
                continue  # the first thing named after the date has a date of its own
            if ((x - best.end) if x >= best.end else best.start - y) > 120 or \
                    _objects_apart(msg.lower, best.start, x) or \
                    _opens_a_later_clause(msg.lower, best, x, y) or \
                    _dates_the_score_after(msg.lower, best, x, y) or \
                    _outcome_seen_at_visit(msg.lower, best, x, y) or \
                    (_dates_a_record(records, best, x, msg.lower) and
                     not _in_month_named(msg.lower, best, value)) or \
                    _not_its_day(msg.lower, best, x, y, value) or \
                    _reviewed_later(msg.lower, [o for o in here if o.fact == best.fact],
                                    bound, x):
                continue
            # The same words may name facts of several policies ("MRI"): each gets it.
            for m in here:
                if (m.start, m.end) == (best.start, best.end):
                    bound.setdefault(id(m), []).append((value, (x, y)))
    for m in dated:
        if id(m) in bound:
            bound[id(m)] += _dates_listed_after(reader, msg, bound[id(m)])
            bound[id(m)] += _repeat_after(reader, msg, m, bound[id(m)], dated)
    return bound


_NEXT_SENTENCE = re.compile(r"[^.;\n]*?(?:\.(?:[ \t]+|(?=\n))|;|\n)[ \t\n]*")
_REPEAT_OPENS = re.compile(r"(?:repeat(?:ed)?|redone|re-done|retested|re-tested|re-?checked|"
                           r"repeat[ \t]+(?:study|test|testing|exam|scan|set|films?|one))"
                           r"(?:[ \t]+(?:on|done|performed|obtained|taken|was|dated|of))*"
                           r"[ \t]*[:(-]?[ \t]*(?=\d)")
"""A sentence that opens with a repeat and its day, naming nothing ("Spirometry 11/14/2027:
FEV1 88%. Repeat 06/09/2028: FEV1 71%"): the study named before it was done again that day
(fresh38 read the older spirometry's day). "Repeat ordered ..." names no day of its own."""


def _repeat_after(reader: Reader, msg: _Message, m: Mention,
                  own: list[tuple[date | None, tuple[int, int]]], dated: list[Mention]
                  ) -> list[tuple[date | None, tuple[int, int]]]:
    """The day of a repeat said in the next sentence, where the study is the last thing
    with a date named before it and the repeat's sentence names none."""
    at = max(y for _d, (_x, y) in own)
    rest = _NEXT_SENTENCE.match(msg.lower, at)
    opens = _REPEAT_OPENS.match(msg.lower, rest.end()) if rest else None
    if opens is None or "\n\n" in msg.lower[at:opens.start()]:
        return []
    found = reader.dates((opens.end(), min(len(msg.lower), opens.end() + 12)))
    if not found or found[0][1][0] != opens.end():
        return []
    day = found[0]
    stop = _NEXT_SENTENCE.match(msg.lower, day[1][1])
    end = stop.start() + len(stop.group().rstrip()) if stop else len(msg.lower)
    if any(o is not m and m.end < o.start < end and (o.start, o.end) != (m.start, m.end)
           for o in dated):
        return []  # another study named before the repeat, or in its sentence
    status = context_rules().record_status
    if hits(msg.lower[opens.start():end], tuple(
            status.get("not_done", []) + status.get("unsure", []) +
            context_rules().not_completed + context_rules().not_happened)) or \
            _PLANNED.search(msg.lower, opens.start(), end):
        return []  # "Repeat 07/01/2028 scheduled": booked, not done
    return [day]


_PLANNED = re.compile(r"\b(?:will|to be|due|planned|plan|awaiting|expected|booked|if)\b")


@lru_cache(maxsize=1)
def _review_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = context_rules().reviewed_later
    acts = "|".join(re.escape(w) for w in sorted(words.get("acts", []), key=len, reverse=True))
    done = "|".join(re.escape(w) for w in sorted(words.get("done", []), key=len, reverse=True))
    return re.compile(rf"\b(?:{acts})\b"), re.compile(rf"\b(?:{done})\b")


def _reviewed_later(lower: str, same: list[Mention], bound: dict, x: int) -> bool:  # noqa: ANN001
    """A later day in the study's sentence, after its own day, that only a review of it has
    ("Spirometry 10/20/2025, discussed at follow-up 11/27/2026", "XR 10/14/2025 - went over
    the films with him 11/18/2026", "MRI 04/14/2026, shown to the patient at the 11/30/2026
    visit"): looking at a study again is no new study (outside tester 34 F2: old studies
    passed as new). Words of doing it again ("repeated 11/19/2026") keep the day, and so
    does the study named again between without a word pointing back to it ("MRI 04/14/2026
    reviewed, new MRI 11/19/2026"; "went over the films" points back). ``same``: the
    sentence's mentions of the study's fact, whose days bound so far are its own."""
    ends = [y for o in same for _d, (_x, y) in bound.get(id(o), ()) if y <= x]
    if not ends:
        return False
    start = max(ends)
    acts, done = _review_pattern()
    if acts.search(lower, start, x) is None or done.search(lower, start, x) is not None:
        return False
    return not any(start <= o.start < x and not _BACK_TO_STUDY.search(lower, max(0, o.start - 20),
                                                                     o.start)
                   for o in same)


_BACK_TO_STUDY = re.compile(r"\b(?:the|these|those|her|his|its|their|same|them|that|this)"
                          r"[ \t]+(?:[a-z-]+[ \t]+)?$")
"""A word before a study named again that points back to the one already named."""


_LIST_SEP = re.compile(r"[ \t]*(?:[;|,][ \t]*(?:and[ \t]+)?|and[ \t]+)")
_LIST_NOTE = re.compile(r"[ \t]*\([^()\n]{0,25}\)")
_LIST_END = re.compile(r"[ \t]*(?:[;|,]|and\b|\.(?:\s|$)|\n|$)")


def _dates_listed_after(reader: Reader, msg: _Message,
                        own: list[tuple[date | None, tuple[int, int]]]
                        ) -> list[tuple[date | None, tuple[int, int]]]:
    """The dates listed right after a study's date, each alone between separators ("Knee
    XR: 2025-07-01; 2026-11-09; 2027-06-01", a form's row "X-ray hip | 2026-08-01 (1st set)
    | 2027-04-02 (2nd set)"): the same study's, though a semicolon or a bar ends its
    sentence. A date with words of its own after it ("; 2026-11-09 CT chest") is not."""
    at = max(y for _d, (_x, y) in own)
    note = _LIST_NOTE.match(msg.lower, at)
    at = note.end() if note else at
    line_end = msg.lower.find("\n", at)
    line_end = len(msg.lower) if line_end < 0 else line_end
    days = {x: (d, (x, y)) for d, (x, y) in reader.dates((at, line_end))}
    out: list[tuple[date | None, tuple[int, int]]] = []
    while (sep := _LIST_SEP.match(msg.lower, at)) and sep.end() in days:
        day = days[sep.end()]
        end = day[1][1]
        note = _LIST_NOTE.match(msg.lower, end)
        end = note.end() if note else end
        if not _LIST_END.match(msg.lower, end):
            break
        out.append(day)
        at = end
    return out


_MD = r"(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/])"
_YEAR_LESS_AFTER = re.compile(
    r"[ \t]*(?:(?:l-?spine|c-?spine|t-?spine|lumbar|cervical|thoracic|spine|chest|knee|hip|"
    r"shoulder|ankle|foot|wrist|elbow|neck|back|pelvis|l|r|lt|rt|left|right|bilat|bilateral|"
    r"arthrogram|w/o|w/|with|without|contrast|done|on|dated|taken|performed|obtained|was|"
    r"were)[ \t]+){0,4}(?:[:(][ \t]*)?"
    r"(?P<days>" + _MD + r"(?:[ \t]*(?:\+|&|and|,)[ \t]*" + _MD + r")*)"
    r"(?![ \t]*(?:views?|sets?|pain|nrs|vas|%|mm|cm|[-–]\s*\d|\.\.|…))")
"""Days with no year right after a study or a record ("MRI 11/28", "xrays 09/12 + 12/12 (2
sets)", "MRI L hip done 12/02"): the latest such days up to today, where the message
writes its dates month first (fresh27: a sports doctor's chat dated every study so, and
each was asked)."""


@lru_cache(maxsize=4)  # asked for every sentence's dates: each scan reads the whole message
def _year_less_read(lower: str) -> bool:
    """Whether the message's year-less days may be read: it writes month first and gives
    no year anywhere. (A writer who gives years elsewhere and leaves one off points back or
    aside: "the 06/10 XR was 06/12", "(Chest X-ray 11/02 for the pneumonia - not a knee
    study)".) Cached: called once per sentence, it made a 30 KB note read 50 % slower."""
    return not (writes_day_first(lower) or _WITH_YEAR.search(lower))


def _year_less_after(msg: _Message, here: list[Mention],
                     found: list[tuple[date | None, tuple[int, int]]], end: int
                     ) -> list[tuple[date | None, tuple[int, int]]]:
    """The year-less days right after the date facts named in a sentence (none where the
    message writes day first, or where a date read already covers them)."""
    if not _year_less_read(msg.lower):
        return []
    out: list[tuple[date | None, tuple[int, int]]] = []
    for m in here:
        match = _YEAR_LESS_AFTER.match(msg.lower, m.end, end)
        if match is None or VISIT_WORD.search(msg.lower, m.start, m.end) or \
                getattr(m.rule, "later_rivals", ()):
            # (a visit's day is no record's; a treatment's day is its outcome's to settle)
            continue
        for day in re.finditer(_MD, match["days"]):
            x, y = match.start("days") + day.start(), match.start("days") + day.end()
            if any(a < y and x < b for _d, (a, b) in found + out):
                continue
            if re.fullmatch(r"\d/10", day.group()):
                continue  # "last exam 4/10": a score as likely as a day
            month, dom = (int(n) for n in day.group().split("/"))
            this_year = safe_date(msg.as_of.year, month, dom)
            if this_year is None or this_year > msg.as_of:
                continue  # a day still to come this year is a booking more than last year's
            out.append((this_year, (x, y)))
    return out


_WITH_YEAR = re.compile(r"(?<![\d/])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/])|"
                        r"\b(?:19|20)\d\d-\d\d-\d\d\b|"
                        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+"
                        r"\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d\b")
"""A date written with its year anywhere in the message."""


def _open_objects(lower: str, at: int) -> list[int]:
    """Where each brace still open at ``at`` opened (an export's nested objects)."""
    stack: list[int] = []
    for i in range(lower.find("{", 0, at), at) if "{" in lower[:at] else ():
        if lower[i] == "{":
            stack.append(i)
        elif lower[i] == "}" and stack:
            stack.pop()
    return stack


def _objects_apart(lower: str, a: int, x: int) -> bool:
    """The date at ``x`` sits in an object of an export that does not hold the mention at
    ``a``: another record's field ('"outcome": "no benefit"}], "pain_nrs": {"current": 6,
    "recorded": "2026-11-30"}' is when the pain score was recorded, not when the treatment
    failed: outside tester 20 F7). A date in an object around the mention's is its own
    (FHIR's '"code": {"text": "MRI lumbar"}, "performedDateTime": "2026-07-30"')."""
    if "{" not in lower:
        return False
    mine, theirs = _open_objects(lower, a), _open_objects(lower, x)
    return bool(theirs) and theirs[-1] not in mine


_ONSET_RIGHT_BEFORE = re.compile(r"\b(?:onset|since|symptoms? start(?:ed)?)"
                                 r"(?:[ \t]+(?:date|was|is|on|of))*[ \t]*[:=]?[ \t]*$")
"""A date right after an onset word ("- Onset 11/15/2025 (fall on ice) per Dr. Senn's H&P",
"since 10/02/2026, X-ray ...") is when something began, never the date of a study or a
visit named after it (session 17: read as the H&P's date). A bare "started" is left out:
"MRI lumbar spine | started 2026-08-14" is the study's own day."""


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


_MONTH_BEFORE = re.compile(r"(?:\b(?:the|her|his|their|that|this|last|our)[ \t]+)"
                           r"(?P<name>[a-z]{3,9})(?:['’]s)?(?:[ \t]+(?P<y>(?:19|20)\d\d))?[ \t]+\Z")
"""A study named by its own month ("the March MRI", "her June 2027 X-ray", "last
October's CT")."""
_EVENT_AFTER = re.compile(r"[ \t]*[:,-]?[ \t]*(?:an?[ \t]+|the[ \t]+)?(?:addendum|addenda|"
                          r"amendment|erratum|late entry|correction|comment|signature|"
                          r"re-?signature|upload|re-?upload)\b")
"""Words right after a date that make it another entry's ("09/05/2027 addendum added to
the X-ray report": the day the addendum was written, fresh34's audit log)."""


def _not_its_day(lower: str, study: Mention, x: int, y: int, day: date | None) -> bool:
    """The date is not the study's: the study is named by another month ("Note from the
    PA office 10/20/2027: the March MRI is more than 6 months old", fresh34), or a date
    before it dates an addendum or another entry about it."""
    named = _MONTH_BEFORE.search(lower, max(0, study.start - 30), study.start)
    month = next((i + 1 for i, n in enumerate(MONTHS) if named and named["name"].startswith(n)
                  and MONTH_NAMES[i].startswith(named["name"])), 0)
    if month and day is not None and (day.month != month or
                                      named["y"] and int(named["y"]) != day.year):
        return True
    return y <= study.start and _EVENT_AFTER.match(lower, y) is not None


def _dates_a_record(records: list[Mention], best: Mention, x: int, lower: str = "") -> bool:
    """"the PFT report, and the consultation note from Dr. Lin, dated 10/20/26": a record
    named between the study and the date is what the date belongs to. A bare word that
    only cues a record ("PCP") names a doctor: "H&P by her PCP, Dr. Osei, on 06/10/2026"
    is the H&P's date, unless the thing named has a date of its own before it ("H&P
    10/1/26 by ortho, seen by her PCP on 11/2/26"). Nor does a specialty (a ``vague`` word
    of a record) in the bracket that opens right after the thing and holds its date: the
    author ("H&P (Dr. Haddad, ortho spine, 11/18/2026, pp 2-4)"; fresh11)."""
    if _SHARED_DAY.match(lower, best.end) and _DAY.search(lower, best.end, x) is None and \
            not re.search(r"[,;\t]|   |\bdated\b", lower[best.end:x]):
        return False  # (the first day after both, in the same run of words)
    return best.end <= x and any(
        best.end <= r.start and r.end <= x and x - r.end <= 60 and
        (r.kind != "cued" or _DAY.search(lower, best.end, r.start) is not None) and
        not (_PART_OF.search(lower, best.end, r.start) and
             not _DOCUMENT.search(lower, r.start, r.end)) and
        not (r.kind == "vague" and _AUTHOR_ASIDE.fullmatch(lower, best.end, r.start) and
             ")" not in lower[r.end:x])
        for r in records)


_PART_OF = re.compile(r"\b(?:incl|including|includes|included|inclusive of|comprising|"
                      r"covering|consisting of|with|w/)(?![\w/])[^;\n]*\Z")
"""A record named after the dated one as a part of it ("history and exam incl. neuro and
pain evaluation 12/15/26", "H&P with a neurological exam, 11/02/2026"): the part was done
at the visit the day dates, so it takes no day from the whole."""
_DOCUMENT = re.compile(r"\b(?:note|notes|report|reports|letter|letters|consult\w*|log|logs|"
                       r"list|summary|records?|c/s)\b")
"""A document of its own is no part of a visit ("H&P with the PCP consult note dated ...")."""


_SHARED_DAY = re.compile(r"[ \t]*(?:and|\+|&)[ \t]+")
"""Two records joined bare before one day ("H&P and consult letter 09/14/2026", "H&P +
PCP consult (Dr Ames) 09/30/2026"): one visit made both, the day is both's (not "the PFT
report, and the consultation note from Dr. Lin, dated 10/20/26": set apart, the last's)."""


_AUTHOR_ASIDE = re.compile(r"[ \t]*\([^()\n]{0,40}")


_DAY = re.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")


_DAY_WORD = re.compile(r"today|yesterday|this morning|tonight")


def _opens_a_later_clause(lower: str, m: Mention, x: int, y: int) -> bool:
    """"Pain: 7/10 (last visit), today pt denies pain": a day word that opens a clause
    after the mention's dates what that clause says, not the visit named before it
    (outside tester session 10 F19). So does any date after a contrast that names a new
    subject: "No infection was found on the MRI, but the UA today shows a UTI" dates the
    UA (outside tester 18 F7: read an MRI of today)."""
    if _CONTRAST_NEW_SUBJECT.search(lower, m.end, x):
        return True
    return _DAY_WORD.fullmatch(lower, x, y) is not None and \
        re.fullmatch(r"[^,;:]*[,;)][\s,;)]*", lower[m.end:x]) is not None


_CONTRAST_NEW_SUBJECT = re.compile(rf"\b{CONTRAST}\s+"
                                   r"(?:the|a|an|his|her|their|he|she|they|we|i)\s"
                                   # ("..., but the study was finally done 10/28": the same one)
                                   r"(?!(?:study|scan|test|exam|imaging|images|films|report|"
                                   r"procedure|same|one|injection|block|visit|appointment)\b)")


_ENDED = r"(?:stopped|finished|ended|completed|discontinued|ceased|d/c'?d|dc'?d|until|till|through)"
_OUTCOME_NEXT = re.compile(r"[ \t]*[-\u2013\u2014,][ \t]*(?:" + _ENDED +
                           r"[ \t]*[-\u2013\u2014,:][ \t]*)?(?:with[ \t]+)?")
_ENDED_ON = re.compile(r"\b" + _ENDED + r"[ \t]+(?:on[ \t]+)?$")


def _outcome_after(lower: str, m: Mention, x: int, y: int) -> bool:
    """"Gabapentin stopped 11/24/2026 - no benefit", "taper finished 11/10/2026, no
    improvement", "naproxen until 12/10/2026, stopped - no help": a treatment's outcome said
    right after the day the treatment ended is that day's (f24-f26 notes: the outcome's own
    clause held no date, and the last failed treatment's day was asked). Only a day said to
    end something ("ODI 44% on 10/05/2026 - no improvement" is a test's day, "started
    10/02/2026 - no benefit" the start's), and only for an outcome (``later_rivals``)."""
    return bool(getattr(m.rule, "later_rivals", ())) and m.start >= y and \
        _OUTCOME_NEXT.fullmatch(lower, y, m.start) is not None and \
        _ENDED_ON.search(lower, max(0, x - 20), x) is not None


def _opens(lower: str, start: int, x: int) -> bool:
    """A date that opens its sentence ("10/2/26 - XR knee", "On 10/2/26, MRI")."""
    return re.fullmatch(r"[\W\d_]*(?:on|dated?|as of)?[\W_]*", lower[start:x]) is not None


_CLOSES_A_HEADING = re.compile(r"[ \t]*\)[ \t]*:")


def _heading_date(msg: _Message, here: list[Mention], x: int, y: int) -> bool:
    """A date closing the bracket of a heading that names no study ("SPECIALIST REPLY (Dr
    N. Ito, Pain, 12/04/2026): I reviewed the MRI images"): the day the section was
    written, not the day of a study its text goes on to name (fresh23's e-consult gave
    the MRI the reply's day). "MRI L-spine (11/05/2026): ..." names its study first."""
    if not _CLOSES_A_HEADING.match(msg.lower, y):
        return False
    line = msg.lower.rfind("\n", 0, x) + 1
    return msg.lower.rfind("(", line, x) >= 0 and \
        not any(line <= m.start < x for m in here)


_DOUBT_BRACKET = re.compile(r"[\[(]\?[^\])\n]*\Z")


def _doubted_day(lower: str, x: int) -> bool:
    """A date inside a bracket a doubt mark opens ("from [?November 5 / November 15 -
    audio unclear] 2026", a transcriptionist's): which day is not said, so it is asked; a
    later confirmation ("confirmed from report header: 11/18/2026") is read."""
    return _DOUBT_BRACKET.search(lower, max(0, x - 80), x) is not None


def _dates_a_figure(lower: str, dated: list[Mention], figures: list[Mention], x: int,
                    y: int, start: int) -> bool:
    """"HPI: ... Pain 7/10 today": "today" right after another fact's stated figure says
    when that figure was taken, not when the H&P named earlier was done, nor what is named
    after it ("NRS 3/10 today (was 7/10 ... since the MBB)": fresh20 read the block as of
    today). (A calendar date there, "PFTs 2/10/26 (FEV1 81%) and repeat 9/28/26", still
    names the study.)"""
    if not re.fullmatch(r"today|yesterday|this week|last week", lower[x:y]):
        return False
    last = max((m.end for m in dated if m.end <= x), default=start)
    if _SCORE_BEFORE.search(lower, last, x):
        return True  # "after MBB (6 h), back to 7/10 today": the score's day (tester 31 F10)
    between = [f for f in figures if last <= f.start and f.end <= x]
    return any(re.search(r"\d", lower[f.end:x]) for f in between)


_SCORE_BEFORE = re.compile(r"\d(?:\.\d)?[ \t]*(?:/[ \t]*10\b|out of (?:10|ten)\b)"
                           r"(?:[ \t]+(?:again|still|now))?[ \t,:-]*$")
"""A pain score right before a day word ("back to 7/10 today"), its figure unnamed."""


def _outcome_seen_at_visit(lower: str, best: Mention, x: int, y: int) -> bool:
    """"injection 09-Oct-2026 - no relief at the 4-week check on 11/06/2026", "10/26/2026
    Rheum f/u: injection did not help": a treatment's outcome (its rule's ``later_rivals``
    words) told at a visit has the visit's day, not the treatment's (fresh19, f8: the
    follow-up's day read as the last failed treatment's)."""
    outcomes = getattr(best.rule, "later_rivals", ())
    if not outcomes or not hits(lower[best.start:best.end], tuple(outcomes)):
        return False
    if x >= best.end:
        between = lower[best.end:x]
    elif _HEADS_ITS_DAY.search(lower, max(0, x - 30), x):
        # (a visit heading its day: "Phone call 2026-09-01: no improvement")
        return re.search(r"[.;\n]", lower[y:best.start]) is None
    else:  # ("Medication review: meloxicam stopped 10/02/2026": the stopping's day)
        between = lower[y:best.start]
    return re.search(r"[.;\n]", between) is None and VISIT_WORD.search(between) is not None


_HEADS_ITS_DAY = re.compile(VISIT_WORD.pattern + r"[ \t:,-]*(?:on|of|dated)?[ \t:,-]*$")


_SCORE_AFTER = re.compile(r"[ \t:,=-]*(?:\d{1,3}(?:\.\d+)?[ \t]*(?:/[ \t]*10\b|%|°))")


def _dates_the_score_after(lower: str, best: Mention, x: int, y: int) -> bool:
    """"NRS today 7/10 (last visit 5/10)": a day word right before a score or a measure
    says when that figure was taken, not when the visit or record named after the figure
    was (fresh20: the H&P, cued by "last visit", read as of today)."""
    return best.start >= y and _DAY_WORD.fullmatch(lower, x, y) is not None and \
        _SCORE_AFTER.match(lower, y) is not None and \
        re.search(r"[.;\n]", lower[y:best.start]) is None


_BY_KIND = {"filed": "filed", "writers": "by_writer", "onset": "onset", "vague": "vague",
            "count": "counted", "none": "set_none"}
"""Mention kinds read by one method of the reader, whatever the fact's type."""


def _mention_candidates(reader: Reader, m: Mention, bound: dict, msg: _Message  # noqa: ANN001
                        ) -> list[Candidate]:
    if m.kind == "cued" and m.spec.type == "number":
        return reader.cued_numbers(m)
    if m.kind == "cued":
        c = reader.cued(m, reader.context.sentence_span(m.clause))
        return [c] if c else []
    if m.kind in _BY_KIND:  # (a kind read by one method of the reader)
        c = getattr(reader, _BY_KIND[m.kind])(m)
        return [c] if c else []
    if m.kind.startswith("named:"):
        c = reader.named_value(m, m.kind.split(":", 1)[1])
        return [c] if c else []
    if m.spec.type == "set" and m.kind == "plain":
        c = reader.set_named(m)
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


_CONTRAST = re.compile(rf"[\s,;]*{CONTRAST}\b")


def _start(m: Mention) -> int:
    return m.start


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
    nxt = msg.found[_past_asides(msg, i, mentions)]
    if aside_of_figure(msg.lower, m):
        return []  # "5/10 (before any treatment), 8/10 now": the aside is the 5's
    if _CONTRAST.match(msg.lower[m.clause.end:nxt.end]):
        return []  # "helped her wheezing in the past, but for the last 2 months ...": new
    # A number fact named in the next clause before its figure takes the figure itself.
    # (``mentions`` are sorted by start: only those in the next clause, or after the
    # mention, are looked at, not every mention of the note for each of them)
    in_next = mentions[bisect_left(mentions, nxt.start, key=_start):
                       bisect_left(mentions, nxt.end, key=_start)]
    # (not a frequency of sessions: "Chest physio at Ridge, twice weekly for 26 weeks" says
    # how the course ran, and its length is the course's; fresh27's Ghana letter)
    first = next((o.start for o in in_next if o.clause is nxt and o.spec.type == "number"
                  and o.spec.unit != "sessions/week"), nxt.end)
    shifted = Mention(m.fact, m.spec, m.rule, nxt, nxt.start, nxt.start, m.kind)
    # (to the next number fact named: "manual therapy with ice and TENS 4 weeks, and
    # pain-education sessions 4 weeks" is one figure for the manual therapy)
    later = mentions[bisect_right(mentions, m.end, key=_start):]
    end = min([next((o.start for o in later if o.spec.type == "number" and o.fact != m.fact),
                    len(msg.lower))] +
              [max(c.end for c in msg.found[i + 1:i + 12] if c.sentence == m.clause.sentence)])
    if m.spec.unit == "weeks" and _several_spans(msg.lower, m.end, end):
        return []  # "Conservative care: PT for 8 weeks, meloxicam for 6 weeks": no one whole
    out = []
    for c in reader.numbers(shifted):
        if c.quantity is not None and (c.quantity[0] > first or
                                       re.match(r"\s+of\s", msg.lower[c.quantity[1]:])):
            continue  # "..., as did 8 weeks of naproxen": the weeks are the naproxen's
        if c.quantity is not None and hits(msg.lower[nxt.start:c.quantity[0]], m.rule.onset_not):
            # "radiculopathy since feb, PT meds and weight loss 16 wks": a treatment named
            # before the figure is what lasted it (outside tester session 11 F17: the
            # symptoms' length)
            continue
        if c.unread is None and c.quantity is not None and c.value != "0":
            c.distance += 25
            c.span = (m.start, c.span[1])
            out.append(c)
    return out


_FIGURE_FIRST = re.compile(r"[ \t]*(?:for|x|over)[ \t]+(?:about[ \t]+|approx\.?[ \t]+|~[ \t]*)?\d")


def _past_asides(msg: _Message, i: int, mentions: list[Mention]) -> int:
    """The clause after clause ``i`` that gives its length: "axial low back pain, worse with
    extension and standing, for 11 months" (fresh6): up to two clauses that only describe
    what was named (no figure, no number fact named in them) come between; the next clause
    otherwise."""
    j = i + 1
    while j + 1 < len(msg.found) and j - i <= 2 and \
            msg.found[j + 1].sentence == msg.found[i].sentence:
        aside = msg.found[j]
        if re.search(r"\d", msg.lower[aside.start:aside.end]) or any(
                aside.start <= o.start < aside.end and o.spec.type == "number" for o in mentions):
            break
        if _FIGURE_FIRST.match(msg.lower, msg.found[j + 1].start):
            return j + 1
        j += 1
    return i + 1


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


_NOT_RANGE_END = r"(?<![\d.])" + "".join(
    rf"(?<!(?<![\d/.]){lo}{join})" for lo in (r"\d", r"\d\d")
    for join in (r"[-–~]", r"\s[-–~]\s", r"\sto\s", r"\sor\s"))
"""A figure that is no range's upper end ("10-12 weeks total", "10 to 12 weeks in all"):
a range's total is asked ("which figure exactly?"), never its top read (phrase34a). A
date's end before a dash opens no range ("07/27-11/16/2026 - 16 weeks in all")."""
_STATED_TOTAL = re.compile(_NOT_RANGE_END +
                           r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>wks?|weeks?|mos?|months?)\s+(?:(?:in\s+)?"
                           r"total|in all|all told|altogether|combined|overall)\b|\b(?:total|"
                           + FOREIGN_TOTAL + r")(?:\s+of)?"
                           r"\s*:?\s*" + _ABOUT + r"(?P<n2>\d+(?:\.\d+)?)(?![-–]\d)\s*"
                           r"(?P<u2>wks?|weeks?|mos?|months?|" + FOREIGN_WEEKS_MONTHS + r")\b")


_HEADS_LINE = re.compile(r"[^:.;\n]{0,20}:")
"""A fact's name that labels the rest of its line ("Conservative care since 04/2026:")."""


_BARE_TOTAL = re.compile(r"(?:(?<=[.;]\s)|(?<=[.;]\s\s)|^)[ \t]*(?:(?:total|" + FOREIGN_TOTAL +
                         r")(?:\s+of)?\s*:?\s*"
                         + _ABOUT + r"(?P<n2>\d+(?:\.\d+)?)(?![-–]\d)\s*"
                         r"(?P<u2>wks?|weeks?|mos?|months?)|" + _NOT_RANGE_END +
                         r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>wks?|weeks?|mos?|months?)\s+(?:in\s+total|"
                         r"total|in\s+all|all\s+told|altogether|combined|overall))"
                         r"[ \t]*(?=[.;,]|$)",
                         re.M)
"""A total that is its own sentence ("16 weeks in all.", "Total 23 weeks.", "Insgesamt 12
Wochen."), or its own clause before how the care went ("Total 16 weeks, no relief.")."""
_ENTRY_START = re.compile(r"[ \t]*(?:[-*•][ \t]*|\d+[.)][ \t]*)?")
_NEW_ENTRY = re.compile(r"\n[ \t]*(?:\n|[-*•]|\d+[.)][ \t]|[a-z][a-z /&]{0,29}:)")


def _unit_name(raw: str) -> str:
    # ("totalt 14 veckor": the foreign word's own unit)
    return "weeks" if unit_name(raw) == "weeks" else "months"


def _opens_entry(lower: str, m: Mention) -> bool:
    """The fact's name opens its line or a list item ("- Conservative care since ...")."""
    return _ENTRY_START.fullmatch(lower, lower.rfind("\n", 0, m.start) + 1, m.start) is not None


def _entry_end(lower: str, start: int) -> int:
    """The end of the entry at ``start``: a blank line, the next list item or "Label:".
    A line that ends in a colon opens a list: its items are the entry's own ("Conservative
    care: two courses, each 7 weeks:\n1) PT ...; 2) gabapentin ... Total 14 weeks": fresh34
    read no total past the first item)."""
    found = _NEW_ENTRY.search(lower, start)
    if found is not None and _ITEM.match(lower, found.start()) and \
            lower[:found.start()].rstrip().endswith(":"):
        found = next((f for f in _NEW_ENTRY.finditer(lower, found.end())
                      if not _ITEM.match(lower, f.start())), None)
    return len(lower) if found is None else found.start()


_ITEM = re.compile(r"\n[ \t]*(?:[-*•]|\d+[.)][ \t])")


def _line_end(lower: str, start: int) -> int:
    end = lower.find("\n", start)
    return len(lower) if end < 0 else end


def _sentence_total(reader: Reader, msg: _Message, m: Mention, mentions: list[Mention]
                    ) -> list[Candidate]:
    """"Conservative tx: 6 wks NSAIDs, then 4 wks home exercise, then 5 wks activity
    modification - 15 wks total": a total later in the sentence beats the first part,
    unless another fact counted in the same unit is named before it."""
    if m.spec.unit != "weeks":
        return []  # "two courses of PT, 14 weeks in all": the weeks are no count of courses
    end = reader.context.sentence_span(m.clause)[1]
    if _HEADS_LINE.match(msg.lower, m.end):
        # "Conservative care since 04/2026: naproxen (12 wks) - no benefit; home exercise
        # - no improvement; injection - no relief. 26 weeks in all": a label heads its line
        end = max(end, _line_end(msg.lower, m.end))
    total = _STATED_TOTAL.search(msg.lower, m.end, end)
    if total is None and _opens_entry(msg.lower, m):
        # "- Conservative care since 06/20/2026, all without lasting benefit: naproxen,
        # ... injection on 10/06/2026. Total 23 weeks.": a total said on its own closes
        # the entry the care's name opens
        total = _BARE_TOTAL.search(msg.lower, end, _entry_end(msg.lower, m.end))
        if total is not None and parts_disagree(
                msg.lower, m.end, total.start(),
                f"{total['n'] or total['n2']} {_unit_name(total['u'] or total['u2'])}"):
            return []  # "PT (8 wks) ... NSAIDs (8 wks) ... 12 weeks total": which is asked
    # (an onset word names no other fact: "Conservative care since 04/2026: ...")
    if total is None or any(o.fact != m.fact and o.spec.type == "number" and o.kind != "onset"
                            and o.spec.unit == m.spec.unit and m.end <= o.start < total.start()
                            for o in mentions):
        return []
    n, u = total["n"] or total["n2"], (total["u"] or total["u2"])
    return [Candidate(m.fact, f"{n} {_unit_name(u)}", (m.start, total.end()), 30, total=True,
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
        if short := _short_numbered(reader, msg, m):
            # (a count the listed courses leave in doubt is asked, not read as said)
            found_here = short + [c for c in found_here if short[0].unread is None]
        if m.spec.type == "number" and not reader.settles(m) and (
                m.kind == "plain" or m.kind == "cued" and reader.number_cued(m)):
            # "PT 8 wks, naproxen, ..., 12 wks total": a total in the next clause.
            more = _next_clause(reader, msg, m, mentions)
            found_here += more if not found_here else [c for c in more if c.total]
            if not any(c.total for c in found_here):
                found_here += _sentence_total(reader, msg, m, mentions)
        out += found_here
    # Figures of facts this policy does not read still claim their numbers; not where
    # the other fact's words are the policy's own fact's, read in its own unit ("2
    # failed courses of PT": "failed courses" names another policy's count, the words
    # are this one's count of failed PT courses).
    out += [c for a in _anchors(msg, found, "number")
            if not _own_words(a, mentions) and not _named_as_when(msg.lower, a, mentions)
            for c in reader.numbers(a) if c.unread is None and c.quantity is not None]
    out += _numbered_courses_failed(msg) + care_failed_together(msg)
    out = _now_no_baseline(msg, _helped_courses(msg, _partial_denials(out, mentions)))
    out += _pain_now_after_baseline(msg, reader, out)
    choices = _lasting_over_denial(msg, _sex_conflicts(msg, _choice_candidates(reader, msg, found)))
    return _not_reached(msg, _excepted(
        msg, out + choices + _panels(reader, msg) + _note_itself(reader, msg, out) +
        _pain_change(msg, reader) + _not_lower(reader, msg) + _score_series(reader, msg) +
        _self_named(reader, msg, found)))


def _own_words(anchor: Mention, mentions: list[Mention]) -> bool:
    """Words of another policy's fact that overlap a mention of this policy's fact of the
    same unit: the same words, read by this policy."""
    return any(m.spec.type == "number" and m.spec.unit == anchor.spec.unit and
               m.start < anchor.end and anchor.start < m.end for m in mentions)


def _numbered_courses_failed(msg: _Message) -> list[Candidate]:
    """A count of failed courses told as courses numbered 1 to N of the fact's therapy,
    each said to fail ("... no relief (course 1)\n ... no relief (course 2)"): N
    (courses.numbered_failed), in each paragraph that holds such a list."""
    out = []
    for name, rule in msg.rules.items():
        spec = msg.specs.get(name)
        if spec is None or spec.unit != "courses" or not rule.courses_named or \
                not rule.cue_with:
            continue
        for lo, hi in _paragraphs(msg.lower):
            found = numbered_failed(msg.lower, lo, hi, rule.cues, rule.cue_with, rule.cue_not)
            if found is not None and (msg.context is None or not msg.context.at(
                    found[1], found[2]) & {"hypothetical", "negated", "other"}):
                out.append(Candidate(name, str(found[0]), (found[1], found[2]), 10))
    return out


def _paragraphs(lower: str) -> list[tuple[int, int]]:
    """The message's paragraphs, split at blank lines."""
    cuts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", lower)] + [len(lower)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


_BEFORE_THING = re.compile(r"(?:before|prior to|ahead of)\s+$")


def _named_as_when(lower: str, anchor: Mention, mentions: list[Mention]) -> bool:
    """Another fact's thing named after "before" right behind a mention of this policy's
    number fact ("Conservative care before PT: 18 weeks"): it says when the care was, the
    figure after it is the care's."""
    return any(m.spec.type == "number" and m.end <= anchor.start and
               re.fullmatch(r"\s*(?:(?:before|prior to|ahead of)\s+)?",
                            lower[m.end:anchor.start]) is not None and
               _BEFORE_THING.search(lower, m.start, anchor.start) is not None
               for m in mentions)


@lru_cache(maxsize=1)
@fixed_patterns
def _not_reached_pattern() -> re.Pattern[str]:
    words = context_rules().not_reached
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                   for w in sorted(words.get("verbs", []), key=len, reverse=True))
    fill = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words.get("between", []), key=len, reverse=True))
    denial = r"(?:\bnot|\bnever|\bno\s+longer|\b(?:is|are|was|were|has|have|had|do|does|did|" \
             r"could|would|should|ca|wo)n['’]?t)"
    # (a figure denied by its copula is no figure either: "PT was not 12 weeks - only 9",
    # "Symptom duration is not 6 weeks but 5 months" read 12 weeks and 6 weeks)
    copula = r"\b(?:is|are|was|were)(?:\s+not|n['’]t)(?:\s+(?:even|quite|yet|really))?\s*$"
    return re.compile(rf"{denial}\s+(?:yet\s+|fully\s+|even\s+|quite\s+)?(?:{alt})\b"
                      rf"(?:\s+(?:{fill})\b)*\s*$|{copula}")


def _not_reached(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """A figure right after a denied verb of doing or lasting ("has not completed at
    least 12 weeks of PT", "Symptoms have not persisted for at least 6 weeks") is the
    mark the text says was not reached, not what was done: asked (outside tester,
    session 11, F15: the criterion the sentence says is failed was read met)."""
    out, marks = [], []
    for c in cands:
        spec = msg.specs.get(c.fact)
        if c.quantity is not None and c.unread is None and spec is not None and \
                spec.type == "number":
            a = c.quantity[0]
            start = max(msg.lower.rfind(ch, 0, a) for ch in ".;\n,(") + 1
            if _not_reached_pattern().search(msg.lower[start:a]):
                marks.append(c.quantity)
                words = _words(msg.text, [c.span])
                c = replace(c, value=None, notice=None, unread=Unread(
                    words, f"it says {msg.lower[a:c.quantity[1]]} was not reached: "
                    "how much was there?"))
        out.append(c)
    # ("hasn't done a full 6 weeks of PT" is no denial of any PT: its "0" goes too)
    return [c for c in out if not (c.denial and any(
        c.span[0] <= a and b <= c.span[1] for a, b in marks))]


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
    return out + _panels_named(reader, msg)


def _panels_named(reader: Reader, msg: _Message) -> list[Candidate]:
    """"FBC, U&E and creatinine from 20/11 are on file", "the blood count, the electrolytes
    and the creatinine - all normal": a test of each of a rule's ``panel_named`` groups named
    in one sentence, none denied, planned, doubted or someone else's, states the results are
    on file, whatever the voice calls them."""
    out = []
    for name, rule in msg.rules.items():
        if not rule.panel_named or name not in msg.specs:
            continue
        for sentence in _sentences(msg.lower, msg.found):
            spans = [next(((a, b) for a, b in msg.occ.hits(group, sentence.start, sentence.end)
                           if not {"other", "hypothetical", "negated", "uncertain"} &
                           reader.context.at(a, b)), None) for group in rule.panel_named]
            if None not in spans:
                a = min(s[0] for s in spans)  # type: ignore[index]
                b = max(s[1] for s in spans)  # type: ignore[index]
                out.append(Candidate(name, rule.polarity, (a, b), 20))
                break
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
        if not (rule.note_sections or rule.note_is) or name not in msg.specs or any(
                c.fact == name and (c.unread is not None or c.value is not None) and
                c.span[0] >= title for c in others):
            continue
        service = reader.service_date()
        if rule.note_is and (titled := _titled_as(reader, msg.lower, rule.note_is)):
            service = titled
        elif rule.note_is and _says_it_is(reader, msg.lower, rule.note_is):
            service = service or _head_date(msg.lower, reader.as_of)
        elif not rule.note_sections or \
                not all(_section_done(msg.lower, g) for g in rule.note_sections):
            continue
        if service is not None:
            out.append(Candidate(name, service[0].isoformat(), service[1], 40,
                                 dates=[service[0]]))
    return out


_IS = (r"(?:also[ \t]+)?(?:is|serves as|constitutes|doubles as)[ \t]+(?:also[ \t]+)?"
       r"(?:(?:my|his|her|their|the|a)[ \t]+)?(?:(?:full|complete|comprehensive)[ \t]+)?")
_SELF = (r"\b(?:this|the present)[ \t]+(?:letter|note|visit|consultation|consult|report|"
         r"document)[ \t]+" + _IS + r"(?:consultation[ \t]+and[ \t]+)?(?:{names})\b|"
         r"(?:^|[.;][ \t]*)(?:{names})[ \t]*[:=-][ \t]*(?:this|today's)[ \t]+"
         r"(?:visit|note|letter)\b")
"""A note that says it is the record ("This letter is my full consultation and H&P of
today's date", "This letter is also his history and physical", "H&P: this visit."; "also"
before the verb too, "This consultation also serves as his comprehensive history and
physical", fresh19)."""
_TITLE_IS = (r"(?m)^[^\n]*\b(?:note|consultation|consult|letter|report|visit)\b[^\n]{{0,80}}?"
             r",?[ \t]+which[ \t]+" + _IS + r"(?:{names})\b")
"""A note's heading that says the note is the record ("PAIN SERVICE PRE-PROCEDURE NOTE
12/03/2026 (Dr. P. Marsh), which is also her H&P:", appended to a nursing assessment of
another date, fresh19): dated the one date on its own line."""


def _says_it_is(reader: Reader, lower: str, names: tuple[str, ...]) -> bool:
    """The note says it is the record ``names`` name, in a sentence or in its title line
    ("PAIN MEDICINE CONSULTATION / COMPREHENSIVE H&P"), not denied or to come."""
    alternatives = "|".join(re.escape(n) for n in names)
    title = lower.lstrip().split("\n", 1)[0]
    # (a title: a first line in capitals over the note, not a form's label, "Date of last
    # H&P: [ ]", nor a chat's first line)
    shown = reader.text.lstrip().split("\n", 1)
    if len(shown) == 2 and not re.search(r"[a-z]", shown[0]) and \
            re.search(rf"\b(?:{alternatives})\b", title) and not hits(title, _NOT_THE_RECORD):
        return True
    return any(not {"negated", "hypothetical", "other"} & reader.context.at(*m.span())
               for m in re.finditer(_SELF.format(names=alternatives), lower, re.M))


def _titled_as(reader: Reader, lower: str, names: tuple[str, ...]
               ) -> tuple[date, tuple[int, int]] | None:
    """The one date on a heading that says its note is the record (``_TITLE_IS``)."""
    alternatives = "|".join(re.escape(n) for n in names)
    for m in re.finditer(_TITLE_IS.format(names=alternatives), lower):
        if {"negated", "hypothetical", "other"} & reader.context.at(m.end() - 1, m.end()):
            continue
        end = lower.find("\n", m.end())
        line = lower[m.start():len(lower) if end < 0 else end]
        found = [(d, (m.start() + a, m.start() + b))
                 for d, (a, b) in dates_in(line, reader.as_of) if d is not None]
        if len(found) == 1:
            return found[0]
    return None


_NOT_THE_RECORD = ("request", "requested", "needed", "missing", "pending", "to follow", "due")
"""A title that asks for the record names no record ("H&P REQUEST", "H&P needed")."""
_HEAD_LINES = 3
_BIRTH = re.compile(r"\b(?:dob|d\.o\.b\.|born|birth)\b[^\n]{0,12}$")


def _head_date(lower: str, as_of: date) -> tuple[date, tuple[int, int]] | None:
    """The one date in the note's first lines (its letterhead's "November 30, 2026", its
    title's "Seen: 11/20/2026"), not a date of birth: the note's own date, where the note
    says it is the record."""
    at, found = len(lower) - len(lower.lstrip()), []
    for _ in range(_HEAD_LINES):
        end = lower.find("\n", at)
        end = len(lower) if end < 0 else end
        found += [(d, (at + a, at + b)) for d, (a, b) in dates_in(lower[at:end], as_of)
                  if d is not None and not _BIRTH.search(lower[at:at + a])]
        if end >= len(lower):
            break
        at = end + 1
    return found[0] if len(found) == 1 else None


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
        numbered_courses(msg.lower, m.start) or _titled_courses(msg, m) or \
        _section_total(msg, m) or _numbered_then_total(msg, m)
    if found is None:
        return []
    span = (min(m.start, found.span[0]), max(m.end, found.span[1]))
    out = [Candidate(f, found.value, span, 0, quantity=found.span, total=True,
                     pieces=found.parts) for f in facts]
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
            if each_failed(msg.lower, found, rule.cues, counted=True)]
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


_COUNT_BEFORE = re.compile(r"\b(?P<n>[1-6]|one|two|three|four|five|six)\s+(?:[a-z]+\s+){0,2}$")


def _short_numbered(reader: Reader, msg: _Message, m: Mention) -> list[Candidate]:
    """"course 1 meloxicam (4 wks); course 2 PT (4 wks); ... 2 courses failed": where only
    courses of some length count (``course_weeks``), a count said of the courses numbered
    in its paragraph yields to how many of them were long enough (outside tester 33 F14:
    two 4-week courses read as two failed 6-week courses, a 62311 passed). A count that is
    not the number listed, with some too short, is asked."""
    if m.rule.course_weeks is None or m.spec.unit != "courses" or m.kind != "plain" or \
            reader.settles(m):
        return []
    lo, hi = next(((a, b) for a, b in _paragraphs(msg.lower) if a <= m.start < b),
                  (0, len(msg.lower)))
    found = numbered_lengths(msg.lower, lo, hi)
    if found is None or found.at_least(m.rule.course_weeks) == len(found.weeks):
        return []  # every course long enough: the count stands as said
    said = _COUNT_BEFORE.search(msg.lower, max(lo, m.start - 30), m.start)
    if said is None or number_of(said["n"]) != len(found.weeks):
        return [Candidate(m.fact, None, (m.start, m.end), -2, unread=Unread(
            msg.text[m.start:m.end], "some courses listed are shorter: how many counted?"))]
    span = (min(m.start, found.span[0]), max(m.end, found.span[1]))
    return [Candidate(m.fact, str(found.at_least(m.rule.course_weeks)), span, -2, total=True)]


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
    """"[ ] Pregnant ... pt is a 66 yo male": a choice's word denied ("not pregnant"), or
    its denial named ("not pregnant - 58F, post-menopausal"), yields to a lasting value
    inferred elsewhere (a man, an age) or named ("Pregnant: no - s/p hysterectomy"): both
    say no pregnancy, the lasting one says why."""
    # (not one in doubt: "not pregnant, UPT neg. 52F postmenopausal?")
    lasting = {c.fact for c in cands if c.unread is None and c.distance in (0, 5) and
               c.fact in msg.rules and c.value in msg.rules[c.fact].lasting and
               not msg.text[c.span[1]:c.span[1] + 3].lstrip().startswith("?")}
    return [c for c in cands if not (
        c.fact in lasting and msg.specs[c.fact].type == "choice" and c.unread is None and
        (c.word_denied or c.value == msg.rules[c.fact].negated))]


def _helped_courses(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """A count of failed courses whose statement says one of them helped ("Two courses: PT
    6 wks (helped a little), meds 6 wks (no help)"; outside tester 30 F5 counted 2 failed):
    a course that helped did not fail, so how many did is asked (the rule's ``helped``)."""
    out = []
    for c in cands:
        rule = msg.rules.get(c.fact)
        if rule is None or not rule.helped or c.unread is not None or c.value in ("0", None):
            out.append(c)
            continue
        lo = max(msg.lower.rfind(x, 0, c.span[0]) for x in (". ", "\n", "? ", "! ")) + 1
        ends = [e for e in (msg.lower.find(x, c.span[1]) for x in (". ", "\n")) if e >= 0]
        hi = min(ends) if ends else len(msg.lower)
        if not hits(msg.lower[lo:hi], rule.helped):
            out.append(c)
            continue
        out.append(Candidate(c.fact, None, c.span, c.distance, unread=Unread(
            msg.text[c.span[0]:c.span[1]].strip(), "one of them helped: how many failed?")))
    return out


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


_COURSE_COUNT = re.compile(r"\b\d\s+(?:courses?|blocks?|rounds?)\b")


def _section_total(msg: _Message, m: Mention) -> CourseTotal | None:
    """"Conservative treatment:\n- PT x 8 wks\n- NSAIDs x 12 wks\nTotal: 12 wks": the total
    line of a list headed by the fact's phrase (the list ends at a blank line)."""
    start = msg.lower.rfind("\n", 0, m.start) + 1
    end = msg.lower.find("\n", m.end)
    # (the heading's line may go on to count the courses or say how they went, with no
    # length of its own: "Physical therapy: 2 courses, both failed" over its course rows
    # and "Total 14 weeks"; outside tester 27 F1 read the rows' sum short of the total)
    head = re.fullmatch(r"[a-z /&()-]{0,30}:(?P<rest>[^\n]*)", msg.lower[m.end:end]) \
        if end >= 0 else None
    if head is None or not re.fullmatch(r"[\s*•-]*", msg.lower[start:m.start]) or \
            re.search(r"\d", _COURSE_COUNT.sub("", head["rest"])):
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


_LABEL_NEXT = re.compile(r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?[:–—-]?[ \t]*course\s*#?\s*1\b")


def _numbered_then_total(msg: _Message, m: Mention) -> CourseTotal | None:
    """"Conservative: course 1 PT + ibuprofen 600 TID, 6 weeks, no change; course 2 PT +
    work-positioning seat + lost 5 kg, 7 weeks, no change — 13 weeks": courses numbered
    right after the fact's name, each with its length however far after its label (a
    line wrapped too), and then their sum said as the next length: that total (fresh37
    read the first course's 6 weeks as all). Not where the next length is another
    thing's ("... course 2 PT (4 wks); then home program 5 wks; 13 wks in all")."""
    if m.spec.unit != "weeks" or not _LABEL_NEXT.match(msg.lower, m.end):
        return None
    lo, hi = next(((a, b) for a, b in _paragraphs(msg.lower) if a <= m.start < b),
                  (0, len(msg.lower)))
    found = numbered_lengths(msg.lower, m.end, hi)
    if found is None:
        return None
    after = [q for q in quantities(msg.lower[found.span[1]:hi])
             if q.unit in ("weeks", "months", "days") and q.hi is None]
    if not after:
        return None
    q = after[0]
    if f"{q.value:g} {q.unit}" != found.value:
        return None
    at = found.span[1]
    return CourseTotal(found.value, (at + q.start, at + q.end))


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
             not q.negative and chunk.strip(" \t\n,;.()'\"") == q.text.strip() + _usual_after(
                 chunk, q)]
    start, end = sentence_spans(msg.found)[m.clause.sentence]
    if not alone or not _ABOUT_PAIN.search(msg.lower[start:end]):
        return []
    at = (m.clause.start + alone[0].start, m.clause.start + alone[0].end)
    return [Candidate(m.fact, f"{alone[0].value:g}", at, 45, quantity=at)]


_USUAL = re.compile(r"[ \t]+(?:(?:on[ \t]+)?(?:most|nearly[ \t]+all|almost[ \t]+all)[ \t]+"
                    r"(?:days|nights|of[ \t]+the[ \t]+time)|on[ \t]+average|on[ \t]+a[ \t]+"
                    r"typical[ \t]+day|usually|typically|generally|daily|constantly|"
                    r"(?:right[ \t]+)?now|today|currently|at[ \t]+present)(?=[ \t,;.()'\"]*$)")
"""How often or when a lone score holds, said after it ("LBP since the move, 5/10 most
days", "x 3 months, 6/10 on average"): the patient's usual score, not a thing it counts
("8/10 visits") nor one activity's ("7/10 with stairs", the rule's ``ask_after``)."""


def _usual_after(chunk: str, q: Quantity) -> str:
    """The words of how often or when after a lone score, as they stand in the clause."""
    usual = _USUAL.match(chunk, q.end)
    return chunk[q.end:usual.end()].rstrip(" \t\n,;.()'\"") if usual else ""


_ABOUT_PAIN = re.compile(r"\b(?:pain|painful|lbp|ache|aches|aching|achy|hurt|hurts|hurting|sore|"
                         r"soreness|nrs|vas|sciatica|(?:low|lower|upper|mid)[ -]back)\b")
"""Words of pain, or the back named as where it is ("'lower back since I moved, 5/10'")."""


_SCORE = (r"(?P<{}>\d{{1,2}})(?:\s*/\s*10)?(?![\d/])"
          # a length of time is no score ("pain L leg x 5 months, NRS 4/10 before PT")
          r"(?!\s*(?:months?|mos?|weeks?|wks?|days?|years?|yrs?|hours?|hrs?)\b)")


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


_PAIN_NOW_FROM = re.compile(
    r"\b(?:pain|nrs|vas)\b[^.;\d]{0,15}?" + _SCORE.format("b") +
    r"(?:\s*(?:now|today|currently))?\s*(?:[,(]\s*)?(?:down|decreased|improved|better|"
    r"dropped|lower|eased|reduced|up|increased|worse|worsened|higher|risen)\s+from\s+"
    r"(?:the\s+|a\s+|an\s+)?" + _SCORE.format("a"))
"""'Pain 6/10 today (down from the 8/10 above)', 'NRS 4, improved from 7': the first score
is now, the one it moved from an earlier one (no baseline: that is before treatment)."""


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


# A disability index's scores said apart, each with its day or its occasion ("ODI 42% on
# 4/30 and 44% on 6/11", "ODI today 46% (6/14); prior ODI 34% on 5/3", "ODI 48% at eval,
# 52% at discharge", rows "ODI 2027-01-28: 46%" / "ODI 2026-12-20: 44%"): ordered by
# their days, else by the words of when, else as written (the writing order of a series).
_SERIES_SCORE = re.compile(r"(?<![\d.,/])(\d{1,3})\s*%")
_SERIES_BREAK = re.compile(r",|;|\band\b|\bvs\b\.?|\bversus\b|->|→|=>|\bthen\b|\bto\b|\||\(|\n")
_SERIES_END = re.compile(r"\.(?:\s|$)|\n")
_SERIES_LATER = re.compile(r"\b(?:today|now|current(?:ly)?|latest|most recent|at discharge|"
                           r"discharge|later|this visit|re-?eval\w*|follow-?up)\b")
_SERIES_EARLIER = re.compile(r"\b(?:prior|previous(?:ly)?|was|ago|at eval\w*|intake|initial(?:ly)?|"
                             r"baseline|before|last time|first|start)\b")


def _series_window(msg: _Message, b: int, name: str, others: tuple[str, ...]) -> int:
    """Where a score series after a tool's name ends: its sentence, and the sentences or
    lines right after it that name the tool again (a list or a table of dated rows, "ODI
    today 50%. Prior ODI 41% on 10/30."); another tool's name ends it sooner ("ODI not
    done; NDI 48% -> 30%")."""
    end = _SERIES_END.search(msg.lower, b)
    stop = end.start() if end else len(msg.lower)
    while stop < len(msg.lower):
        end = _SERIES_END.search(msg.lower, stop + 1)
        next_stop = end.start() if end else len(msg.lower)
        if not hits(msg.lower[stop + 1:next_stop], (name,)):
            break
        stop = next_stop
    for x, _y in hits(msg.lower[b:stop], others):
        return b + x
    return stop


_SERIES_NO_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_SERIES_COMPARED = re.compile(r"\b(?:vs\b\.?|versus|compared)")
_SERIES_SPAN = 84
"""Days a series may span and its last score be old: the policy's six weeks, twice (a
score of a year ago, "ODI 40% back in Nov 2025 and 46% last week", is no such series)."""


def _series_day(msg: _Message, own: str) -> date | None:
    """The one day a score's own words give it, a day with no year the latest such day
    up to the case's date (in a message that writes month first)."""
    found = [d for d, _span in dates_in(own, msg.as_of) if d is not None]
    if found:
        return found[0] if len(found) == 1 else None
    bare = _SERIES_NO_YEAR.findall(own)
    if len(bare) != 1 or writes_day_first(msg.lower):
        return None
    month, day = (int(x) for x in bare[0])
    return last_on_or_before(month, day, msg.as_of)


# Two scores whose words say which came first: "from 58% to 30%", "30% today, down from
# 58%". A word of now elsewhere in the sentence ("ODI repeated today, 02/08/2028, fell from
# 58% to 30%") dates the repeat, not the first score of the pair.
_SERIES_WRITTEN = re.compile(
    r"\bfrom\s+(?:an?\s+)?(?P<a>\d{1,3})\s*%?\s*(?:to|->|→|=>)\s*(?P<b>\d{1,3})\s*%"
    r"|(?P<b2>\d{1,3})\s*%[^.;\d%]{0,25}?\b(?:down|up|fell|dropped|rose|decreased|increased|"
    r"improved|reduced|declined)\s+from\s+(?:an?\s+)?(?P<a2>\d{1,3})\s*%")


def _written_order(window: str, scores: list[tuple[int, str]]) -> list[int] | None:
    """The two scores first to last as a "from ... to" says them, or None."""
    m = _SERIES_WRITTEN.search(window)
    if m is None or len(scores) != 2:
        return None
    first, last = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
    return [first, last] if sorted((first, last)) == sorted(v for v, _o in scores) else None


def _series_order(msg: _Message, scores: list[tuple[int, str]], compared: bool,
                  written: list[int] | None = None) -> list[int] | None:
    """The scores from first to last in time, or None where their days or words of when
    leave the order open (one dated and not the other, "30% compared with 48%") or the
    series is no recent one; a ``written`` order ("from 58% to 30%") beats words of when."""
    if len(scores) < 2:
        return None
    days = [_series_day(msg, own) for _value, own in scores]
    if all(days) and len(set(days)) == len(days):
        ordered = sorted(zip(scores, days, strict=True), key=lambda p: p[1])
        first, last = ordered[0][1], ordered[-1][1]
        if (last - first).days > _SERIES_SPAN or (msg.as_of - last).days > _SERIES_SPAN:
            return None
        return [v for (v, _o), _d in ordered]
    if len(scores) != 2:
        return None
    (a, own_a), (b, own_b) = scores
    later = [bool(_SERIES_LATER.search(own)) for own in (own_a, own_b)]
    earlier = [bool(_SERIES_EARLIER.search(own)) for own in (own_a, own_b)]
    if not (any(later) or any(days) or _SERIES_SPAN_SAID.search(own_a + own_b)):
        return None  # no day and no word of now: how long ago ("40% and then 42%")
    if written:
        return written
    if (later[0] or earlier[1]) and not (later[1] or earlier[0]):
        return [b, a]
    if (later[1] or earlier[0]) and not (later[0] or earlier[1]):
        return [a, b]
    return None if any(days) or compared else [a, b]


_SERIES_SPAN_SAID = re.compile(r"\b(?:over|in|across|during)\s+(?:the\s+)?(?:last|past)?\s*"
                               r"(?:\d+|six|six|eight|four|two|three|five|seven)\s*"
                               r"(?:-\s*)?(?:weeks?|wks?|w)\b")


def _series_scores(text: str) -> list[tuple[int, str]]:
    """The percentages of a series, each with its own words: those between it and the
    break before it, and those after it up to the next break."""
    found = list(_SERIES_SCORE.finditer(text))
    out = []
    for k, m in enumerate(found):
        before = text[found[k - 1].end() if k else 0:m.start()]
        breaks = list(_SERIES_BREAK.finditer(before))
        own_before = before[breaks[-1].end():] if k and breaks else before
        after_to = found[k + 1].start() if k + 1 < len(found) else len(text)
        after = text[m.end():after_to]
        cut = list(_SERIES_BREAK.finditer(after))
        own_after = after[:cut[-1].start()] if k + 1 < len(found) and cut else after
        out.append((int(m[1]), own_before + " " + own_after))
    return out


def _score_series(reader: Reader, msg: _Message) -> list[Candidate]:
    """A disability index that did not go down over its series of dated or timed scores
    reads the ``not_lower`` value; one that fell by at least ``lower_by`` points, with a
    word of getting better in its sentence and none of the other values' words, reads
    the ``lower_by`` value ("ODI 10/12 52% -> 11/20 40%, improved")."""
    out: list[Candidate] = []
    for name, rule in msg.rules.items():
        for value, names in rule.not_lower.items():
            for a, b in msg.occ.hits(names):
                stop = _series_window(msg, b, msg.lower[a:b], rule.alone_not)
                window = msg.lower[b:stop]
                scores = _series_scores(window)
                order = _series_order(msg, scores, _SERIES_COMPARED.search(window) is not None,
                                      _written_order(window, scores))
                i = _clause_index(msg.found, a)
                if not order or i is None or not 0 <= min(order) <= max(order) <= 100:
                    continue
                if reader.settles(Mention(name, msg.specs[name], rule, msg.found[i], a, b)):
                    continue
                said = (a, list(_SERIES_SCORE.finditer(msg.lower, b, stop))[-1].end())
                if order[-1] >= order[0]:
                    out.append(Candidate(name, value, said, 0))
                elif (better := _fell_enough(msg, rule, a, stop, order[0] - order[-1])):
                    out.append(Candidate(name, better, said, 0))
    return out


def _fell_enough(msg: _Message, rule: ReadingRule, a: int, stop: int, fell: int) -> str | None:
    """The value of a fall of at least ``lower_by`` points said to be a getting better on
    its line, where no other value's words are and no word of better is denied ("but the
    assessment says 'no functional improvement'" leaves it asked)."""
    start = msg.lower.rfind("\n", 0, a) + 1
    end = msg.lower.find("\n", stop)
    line = msg.lower[start:end if end >= 0 else len(msg.lower)]
    for value, (points, words) in rule.lower_by.items():
        others = tuple(p for v, ps in rule.choices.items() if v != value for p in ps)
        said = hits(line, words)
        if fell >= points and said and not hits(line, others) and \
                not any(_WORD_DENIED.search(line[max(0, x - 30):x]) for x, _y in said):
            return value
    return None


_WORD_DENIED = re.compile(r"\b(?:no|not|without|never|nil|any)\b[^.;,]{0,25}$")


def _pain_change(msg: _Message, reader: Reader) -> list[Candidate]:
    """"pain went from 5 to 8": the first and last scores and the change between them,
    for whichever of those facts the policy has (rules name them ``pain_nrs*``)."""
    out: list[Candidate] = []
    roles = {"baseline": "pain_nrs_baseline", "now": "pain_nrs", "change": "pain_nrs_increase"}
    pairs = _PAIN_PAIRS + ((_PAIN_BARE,) if any(p.startswith("pain_nrs") for p in msg.pending)
                           else ())
    out += _pain_now_from(msg, reader)
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


def _pain_now_from(msg: _Message, reader: Reader) -> list[Candidate]:
    """"Pain 6/10 (down from 8/10)": the score before the words of change is now; what it
    moved from says nothing of a baseline, so only the current score is read (the pairs
    that name a baseline are ``_PAIN_PAIRS``)."""
    if "pain_nrs" not in msg.specs:
        return []
    out: list[Candidate] = []
    rule = msg.rules["pain_nrs"]
    # (the words that keep a pain score from being now, "after the block", "on tramadol",
    # "baseline", bar the "from" this form is made of)
    apart = tuple(w for w in (*rule.exclude, *rule.conditions, *rule.ask_after)
                  if w != "from" and not w.startswith("from "))
    for match in _PAIN_NOW_FROM.finditer(msg.lower):
        end = _sentence_end(msg.lower, match.end())
        if {"other", "hypothetical", "uncertain", "unknown", "historical"} & \
                reader.context.at(match.start(), match.start("b") + 1) or \
                _PAIN_UP_FROM.match(msg.lower, match.start()) or \
                hits(msg.lower[_line_start(msg.lower, match.start()):end], apart):
            continue  # (an "up from" pair is read by ``_PAIN_PAIRS``, with its baseline)
        b = int(match["b"])
        later = _LATER_SCORE.search(msg.lower[match.end():_sentence_end(msg.lower, match.end())])
        if 0 <= b <= 10 and not later:
            out.append(Candidate("pain_nrs", f"{b:g}", match.span(), -1))
    return out


_SAID_SCORE = (r"(?:an?\s+)?(?P<b>10|\d|zero|one|two|three|four|five|six|seven|eight|nine|ten)"
               r"(?:\s*/\s*10|\s+(?:out\s+of|from|over)\s+(?:10|ten))?(?![\w/%]|\.\d|\s*[-–]\s*\d)"
               # what follows ends the figure: no unit, no thing it counts ("now walks 2
               # blocks", "now on day 3 of")
               r"(?=[ \t]*(?:[.,;:!?)\"”'\n]|$|[-–—]|(?:now|today|most|some|sometimes|on|and|"
               r"but|so|with|since|after|despite|in|per|at\s+rest)\b))")
_NOW_SCORE = re.compile(r"\b(?:now|today|current|currently|at present|presently|still|"
                        # the score after the treatment a baseline was before ("NRS 5 before
                        # PT; after PT 8", "after twelve weeks of therapy it is a 5")
                        r"post-?(?:pt|tx|treatment|therapy)|after\s+(?:[a-z-]+\s+){0,5}?"
                        r"(?:pt|tx|treatment|therapy|physio(?:therapy)?|medications?|meds))\b"
                        r"(?P<gap>[^.;\d\n]{0,40}?)(?<![\w-])" + _SAID_SCORE +
                        r"|(?<![\w/.])" + _SAID_SCORE.replace("?P<b>", "?P<b2>") +
                        r"[ \t]+(?:now|today|currently)\b"
                        # (not a word that labels the next figure: "before treatment 3/10
                        # today 7/10" is 7 today; outside tester 28 F3 read 3 as today's)
                        # (nor one a subject and verb take up, in a line typed with no
                        # stops: "PAIN WAS 5 NOW IT IS 8" on a TTY relay is 8 now, phrase35a
                        # read 8 as the baseline)
                        r"(?![ \t]*[:=-]?[ \t]*(?:(?:it|she|he|that|pain|(?:her|his|the|my)[ \t]+"
                        r"pain)[ \t]+)?(?:(?:is|was|it'?s|its|'s|rates[ \t]+it|rated|says|"
                        r"reports|up[ \t]+to|at)[ \t]+)?(?:an?[ \t]+)?\d)")
"""A score said to be now: "now 7", "Now after all the treatment it is 8 from 10", "now
it's a six", "a 7 today"."""
_NOT_PAIN = re.compile(r"\b(?:odi|oswestry|ndi|phq|gad|score of|disability|function|"
                       r"temp|temperature|bp|hr|spo2|sat|weight|bmi|wife|husband|mother|"
                       r"father|daughter|son|sister|brother|his own|her own)\b")


def _one_baseline(cands: list[Candidate]) -> bool:
    """The change is worked out only where the message gives one baseline and no change of
    its own (a corrected baseline, "baseline was 6 - sorry, 4", or a form's row for the
    change leave it to those readings)."""
    baselines = {str(c.value) for c in cands if c.fact == "pain_nrs_baseline" and c.unread is None}
    return len(baselines) == 1 and not any(c.fact == "pain_nrs_increase" for c in cands)


_NOT_A_SCORE = re.compile(r"^\s*(?:/\s*|out\s+of\s+|of\s+|from\s+)10\b|\bp(?:age|g)?\.?\s*\d+|"
                          r"\bnot\s+(?:a\s+)?\d+")
"""What follows a baseline's figure that is no further score: its scale ("7 of 10"), a
page it cites ("as typed on p. 2") and a figure it takes back ("5 (not 3)")."""


def _pain_now_after_baseline(msg: _Message, reader: Reader, cands: list[Candidate]
                             ) -> list[Candidate]:
    """"Baseline pain before she started any tx was 4/10. Now 7.", "Before the therapy his
    pain was 5 from 10. Now after all the treatment it is 8 from 10": the score said to be
    now, right after a baseline score read (in its sentence or the next), is the current
    pain score, though the words for it name no pain. Nothing but the baseline's own
    figure may come between, and nothing naming another measure or person."""
    if "pain_nrs" not in msg.specs and "pain_nrs_increase" not in msg.specs:
        return []
    out: list[Candidate] = []
    spans = sentence_spans(msg.found)
    for base in (c for c in cands if c.fact == "pain_nrs_baseline" and c.unread is None
                 and c.value is not None):
        i = _clause_index(msg.found, base.span[0])
        if i is None:
            continue
        sentence = msg.found[i].sentence
        end = spans.get(sentence + 1, spans[sentence])[1]
        now = _NOW_SCORE.search(msg.lower, base.span[1], end)
        if now is None:
            continue
        between = _NOT_A_SCORE.sub(" ", msg.lower[base.span[1]:now.start()])
        if any(number_of(x.group(0).split("/")[0]) != number_of(str(base.value))
               for x in _LATER_SCORE.finditer(between)) or \
                _NOT_PAIN.search(msg.lower, max(base.span[1], _line_start(msg.lower, now.start())),
                                 now.end()) or \
                {"other", "hypothetical", "uncertain", "unknown"} & \
                reader.context.at(now.start(), now.end()):
            continue
        figure = number_of(now["b"] or now["b2"])
        if "pain_nrs" in msg.specs:
            out.append(Candidate("pain_nrs", f"{figure:g}", now.span(), 0))
        baseline = number_of(str(base.value))
        if "pain_nrs_increase" in msg.specs and figure is not None and _one_baseline(cands):
            # (a policy that asks the change, not the score: the change since the baseline)
            out.append(Candidate("pain_nrs_increase", f"{figure - baseline:g}",
                                 (base.span[0], now.end()), 0))
    return out


def _now_no_baseline(msg: _Message, cands: list[Candidate]) -> list[Candidate]:
    """"five out of ten when she first came to us before any treatment and it is now
    eight out of ten": the figure said to be now is never the baseline, though it is the
    one after the baseline's words."""
    nows = [m.span() for m in _NOW_SCORE.finditer(msg.lower)]
    return [c for c in cands if c.fact != "pain_nrs_baseline" or c.quantity is None or
            not any(a <= c.quantity[0] < b for a, b in nows)]


def _line_start(lower: str, at: int) -> int:
    return lower.rfind("\n", 0, at) + 1


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

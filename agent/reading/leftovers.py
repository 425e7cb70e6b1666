"""What a message said that the reader could not use, so the reply can say it was not read
(and why: someone else, the past) instead of silently dropping it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from agent.reading.context import Context, alternation
from agent.reading.context import rules as context_rules
from agent.reading.facts import (
    Mention,
    said_earlier,
    summed_up,
)
from agent.reading.message import _Message
from agent.reading.model import FactReading, Understanding, Unread
from agent.reading.requests import (
    ASKS_VERDICT,
    POLICY_WORDS,
)
from agent.reading.rules import ReadingRule
from agent.reading.selection import (
    _MONTH_DAY,
    _NOW_WORD,
    _REPEATED,
    _SINCE_A_TIME,
    _Selection,
)
from agent.reading.supersede import replaced
from agent.reading.text import (
    CLAUSE_STOP,
    VISIT_WORD,
    Clause,
    hits,
    sentence_spans,
)
from agent.reading.values import (
    compatible,
    dates_in,
    has_spelled_score,
    mask_ages,
    mask_dates,
    quantities,
    safe_date,
)
from policies.cachedir import fixed_patterns
from policies.model import FactSpec


def _kept(sel: _Selection, result: Understanding) -> list[FactReading]:
    """The readings of ``sel`` still in ``result.facts`` (``r in result.facts``, with a
    model compared only to those of its own fact: comparing pydantic models field by
    field was some 500 comparisons in a 2 KB note)."""
    return [r for r in sel.readings
            if any(x is r or (x.fact == r.fact and x == r) for x in result.facts)]


def _panel_name(msg: _Message, reading: FactReading) -> bool:
    rule = msg.rules.get(reading.fact)
    return rule is not None and any(reading.words.lower() in group for group in rule.panel)


def _in_passing(reading: FactReading) -> bool:
    """A reading of a single word said in passing: a pronoun or a relation word that gives
    the patient's sex ("he", "his wife")."""
    word = reading.words.strip().lower()
    return word in _SEX_WORDS or any(word in words for words in context_rules().pronouns.values())


_SEX_WORDS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_SEX_ONLY = re.compile(r"(?:(?:yes|no|sorry|ok|okay|fyi|note|correct)[,:\s-]+)*(?:the\s+)?"
                       r"(?:he|she|patient|pt|member|client)(?:'s|\s+is|\s+was)\s+(?:a\s+)?"
                       r"(?:male|man|guy|gentleman|boy|female|woman|lady|girl)[\s.!]*")
"""A clause that says only the patient's sex ("he is male", "pt is a woman"): the pronoun
read as the sex used it all; nothing is left to say another way (outside tester 29 C4:
"Noted: Pregnancy: Cannot be pregnant" beside "Could not read 'he is male'")."""


def _leftovers(msg: _Message, found: list, result: Understanding,  # noqa: ANN001
               mentions: list[Mention], context: Context) -> list[Unread]:
    """Clauses with a number or a date that no reading came from: case details that
    could not be read (ages and procedure codes aside). In a pasted note, only clauses
    that name something the policy asks about or give a duration, score or measure: its
    headers ("Date of service: 11/18/2026", "PAGES: 3", "BP 148/92") would drown them."""
    named = {id(m.clause) for m in mentions}
    # (a clause named only by a word of time, "how's the weather today", says no case
    # detail; nor one that names again only facts read from the message: "the cosmetic
    # answer is no, its not cosmetic", outside tester 18 C8)
    facts_read = {r.fact for r in result.facts}
    worded = {id(m.clause) for m in mentions
              if msg.lower[m.start:m.end].strip() not in _TIME_WORDS and
              m.fact not in facts_read}
    note = msg.pasted
    # A test's name read as "results on file" ("FEV1 1.2 L") leaves its figure unread; a
    # pronoun read as the patient's sex leaves the rest of its clause unread ("he is not
    # diabetic" was answered "nothing changed: Pregnancy: cannot be pregnant", outside
    # tester 18 C6).
    mine = [r for r in result.facts if not _panel_name(msg, r) and not _in_passing(r)]
    read = [" ".join(r.words.lower().split()) for r in mine]
    used = [(i, i + len(r.words)) for r in mine
            if r.words and (i := msg.text.find(r.words)) >= 0]
    out: list[Unread] = []
    unread = [u.words.lower() for u in result.unread]
    for clause in found:
        if _figures_used(msg, clause, used):
            continue  # "Baseline NRS 5/10 at intake" beside the reading "NRS 5/10 ..., now 8/10"
        chunk = " ".join(msg.lower[clause.start:clause.end].split())
        if not chunk or (ASKS_VERDICT.search(chunk) and not re.search(r"\d", mask_dates(chunk))) \
                or _ITEM_NUMBER.fullmatch(chunk):
            continue
        if not _has_figure(chunk, msg.as_of) and (
                note or msg.cpt is None or id(clause) not in worded or
                any(a < clause.end and clause.start < b for a, b in used)):
            # ("Dx: L5 radiculopathy": a level names no figure; "58F" is an age and a sex,
            # nothing to say another way: outside tester, session 8, C1). A chat message's
            # clause that names a fact and gave no reading is said back even without a
            # figure ("symptoms since february" beside a pain score was dropped: outside
            # tester 16, C5).
            continue
        said = " ".join(msg.text[clause.start:clause.end].lower().split())  # "X-ray | 9/1"
        if _record_dated(msg, clause, mentions):
            chunk, said = _without_heading_day(chunk), _without_heading_day(said)
        if _covered(chunk, said, read, msg.as_of) or (
                _SEX_ONLY.fullmatch(chunk) and any(_in_passing(r) for r in result.facts)):
            continue
        if any(u.startswith(chunk[:20]) or chunk in u for u in unread) or \
                _explained(chunk, unread) or (note and not _about_case(chunk, id(clause) in named)):
            continue
        words = msg.text[clause.start:clause.end].strip()
        # "Lives with wife who is 20 weeks pregnant": seen, and left out on purpose.
        # (from the clause's first word, not the space before it, which a relative's scope
        # cut at the next subject pronoun still covers: "his wife has the cold, he has the
        # fever" gave the patient's fever to the wife, outside tester 32 C4)
        digit = re.search(r"\d", msg.lower[clause.start:clause.end])
        first = re.search(r"\S", msg.lower[clause.start:clause.end])
        at = clause.start + (digit.start() if digit else first.start() if first else 0)
        seen = context.at(at, at + 1)
        why = _SOMEONE_ELSE if "other" in seen else _IN_THE_PAST if "historical" in seen \
            else _invalid_date(msg, clause.start, clause.end)
        if words and Unread(words, why) not in out:
            out.append(Unread(words, why))
    return out


_DAY_SHAPE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")


def _record_dated(msg: _Message, clause: Clause, mentions: list[Mention]) -> bool:
    """The clause opens with a heading that names no fact and ends in a colon after a day
    ("pre-procedure checklist 12/05: Active infection: ... No __X__", "nursing screen
    11/28/2026: Pregnant: no (hCG neg)"): the day dates the record the line was copied
    from. A reading from the rest of the line used the line; saying "could not read" it
    beside the update tells the nurse nothing changed (outside tester 31 C10)."""
    raw = msg.lower[clause.start:clause.end]
    colon = raw.find(":")
    if colon < 0 or not re.search(r"\d\)?\s*$", raw[:colon]) or \
            not _DAY_SHAPE.search(raw[:colon]):
        return False
    end = clause.start + colon
    return not any(clause.start <= m.start < end for m in mentions)


def _without_heading_day(text: str) -> str:
    """``text`` with the days of its heading (before its first colon) blanked."""
    colon = text.find(":")
    return _DAY_SHAPE.sub(" ", text[:colon]) + text[colon:] if colon >= 0 else text


_TIME_WORDS = frozenset({"today", "now", "currently", "current", "recent", "recently",
                         "tonight", "yesterday"})
_ITEM_NUMBER = re.compile(r"(?:question|q|item|no\.?|#)\s*\d{1,3}[a-z]?[.):\s-]*")
"""A form's item number alone ("Question 2 - Is ...?"): nothing to read, nothing to say
again (outside tester 17, F1 showed 'could not read "Question 2"')."""


def _has_figure(chunk: str, as_of: date) -> bool:
    """A number that is not an age or a spinal level, or a date; or a score in words."""
    if has_spelled_score(chunk):
        return True
    return bool(re.search(r"\d", chunk)) and bool(
        re.search(r"\d", _SPINAL_LEVEL.sub(" ", mask_ages(mask_dates(chunk))))
        or dates_in(chunk, as_of))


def _covered(chunk: str, said: str, read: list[str], as_of: date) -> bool:
    """Some reading's words are the clause, or hold it, or are in it and took a figure of
    it, or take every figure it has: a reading of one word ("he" read as the patient's sex)
    inside "he has had symptoms since 02/2026" leaves the date unread, and saying so loses
    nothing (outside tester 16, C20)."""
    for w in read:
        if not w:
            continue
        if chunk in w or said in w:
            return True
        # (a reading that took a figure of the clause read it: "Pain 5/10" of "Pain 5/10
        # at the 11/10 eval"; one with none, "he" or "knee pain", leaves its figures
        # unread, but for its own day right after it: "pt delivered 11/20/2026", C8)
        figure = bool(re.search(r"\d", w))
        for text in (chunk, said):
            if w in text and (figure or not _has_figure(_without_own_day(text, w, as_of),
                                                        as_of)):
                return True
    return False


def _without_own_day(text: str, words: str, as_of: date) -> str:
    """``text`` without ``words`` and a date right after them (its day: "delivered
    11/20/2026", "delivered on 11/20")."""
    at = text.find(words) + len(words)
    rest = text[at:]
    day = next(((a, b) for d, (a, b) in dates_in(rest, as_of)
                if d is not None and re.fullmatch(r"[\s,:(-]*(?:on|dated|of)?\s*", rest[:a])),
               None)
    if day is not None:
        rest = rest[:day[0]] + " " + rest[day[1]:]
    else:  # its year: "hospitalized for pneumonia in 2023" (outside tester 18 CH21)
        rest = _OWN_YEAR.sub(" ", rest, count=1)
    return text[:at - len(words)] + " " + rest


_OWN_YEAR = re.compile(r"^[\s,:(-]*(?:in|during|back in)?\s*(?:19|20)\d\d\b")


def _invalid_date(msg: _Message, start: int, end: int) -> str:
    """Why a clause was not read when it holds a date that does not exist ("stopped
    2026-13-45": outside tester session 10 C4), said so the user can give it again."""
    bad = [msg.text[start + a:start + b] for day, (a, b) in
           dates_in(msg.lower[start:end], msg.as_of) if day is None]
    return f"{bad[0]} is not a date on the calendar; give it as YYYY-MM-DD" if bad else ""


def _rival_left_over(msg: _Message, result: Understanding, sel: _Selection) -> None:
    """A current figure read while another figure of the same fact was left unread
    ("Labs 11/02: WBC 17.0. Labs 12/01: WBC 8.8." read 17,000 and left "Labs 12/01: WBC
    8.8" unread: outside tester session 9 F3): which is current is not settled, so the
    reading is dropped and asked. Only readings of the note itself (not answers or
    corrections), of number facts whose rule says ``current``."""
    for reading in _kept(sel, result):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if rule is None or spec is None or not rule.current or spec.type != "number" or \
                rule.latest or rule.now_if_highest or _read_as_now(msg, reading):
            # (the one said to be today's is current: "repeat WBC today 9.2"; a rule that
            # chooses among several figures has chosen: the highest recent temperature)
            continue
        mine = set(_FIGURE_NUMBER.findall(reading.words))
        # (a figure an attestation or an addendum replaced is no rival: supersede.py)
        at = msg.text.find(reading.words)
        # (a part taken for an answer to another question and refused is left unread all
        # the same: "pain 2/10 at rest, 6/10 with overhead reaching" with the cosmetic
        # question open, outside tester 34 F8, stored the 2 and refused the 6)
        rivals = [u for u in result.unread if _left_over(u) and
                  not replaced(msg.lower, msg.text.find(u.words), at) and
                  not _summed_up_only(spec, rule, u.words.lower()) and
                  not _earlier_only(spec, rule, u.words.lower()) and (_figures_of(
            u.words.lower(), rule.phrases) - mine and _said_later(msg, reading, u.words)
            or _bare_rival(msg, sel, reading, u.words))]
        later = _now_later(msg, sel, reading)
        if later:
            rivals.append(Unread(later, ""))
        if not rivals:
            continue
        result.facts.remove(reading)
        result.unread = [u for u in result.unread if u not in rivals] + [Unread(
            f"{reading.words} … {rivals[0].words}",
            f"several values; which {spec.label.lower()} is current?")]
        sel.asked_back.append(reading.fact)


def _left_over(u: Unread) -> bool:
    """Words left unread with no reason, or refused as an answer to another question."""
    return not u.why or u.why.startswith("not an answer to the question about")


def _summed_up_only(spec: FactSpec, rule: ReadingRule, words: str) -> bool:
    """Every figure of ``words`` is a trend's statistic ("nadir 84% overnight", "min 89"):
    no rival of a reading of now (`facts.summed_up`)."""
    figures = list(re.finditer(r"(?<![\d.])\d+(?:\.\d+)?", words))
    return bool(figures) and all(summed_up(spec, rule, words[max(0, f.start() - 20):f.start()])
                                 for f in figures)


def _earlier_only(spec: FactSpec, rule: ReadingRule, words: str) -> bool:
    """Every figure of the fact's form in ``words`` is said to be an earlier value ("down
    from 14.0 at admission", "it was 8.8 on the 3rd" after "white count 9.4"): no rival
    of the reading, which is not."""
    figures = [q for q in quantities(words) if compatible(spec, q, rule.fraction) is not None]
    return bool(figures) and all(said_earlier(words[max(0, q.start - 20):q.start])
                                 for q in figures)


_COMMA_FIGURE = re.compile(r"(?<![\d,.])(\d{1,3}),(\d)(?![\d,])")
"""A figure written with a comma and one digit after it, no space ("37,8", "WBC 9,1"): a
decimal comma, or two figures typed without a space; which is asked."""


def decimal_comma_parts(msg: _Message, result: Understanding) -> None:
    """A figure read from one side of a comma with one digit after it, no space between
    ("temp 37,8" read 37 C; "WBC 9,1 today" read 1,000 from the "1"), or words left unread
    or asked as "several values" about one: the reading is dropped and the user asked
    whether it is one figure with a decimal comma. The outside tester's "WBC 9,1"
    (session 18 M14) was "several values"; with "today" after it, a white count of 1,000."""
    if msg.pasted:
        return
    # (found in the text as prepared: "13,4OO" is "13,400" there; one read as a decimal,
    # a unit after it or decimals known, has its point there already)
    for tok in _COMMA_FIGURE.finditer(msg.lower):
        a, b = tok.span()
        parts = [r for r in result.facts if r.words and msg.specs.get(r.fact) is not None
                 and msg.specs[r.fact].type == "number" and _touches(msg.text, r.words, a, b)]
        left = [u for u in result.unread if (not u.why or u.why.startswith("several values"))
                and _touches(msg.text, u.words, a, b)]
        if not (parts or left):
            continue
        start = min([a] + [_touches(msg.text, x.words, a, b) - 1 for x in parts + left])
        for r in parts:
            result.facts.remove(r)
        result.unread = [u for u in result.unread if u not in left]
        result.unread.append(Unread(msg.text[start:b].strip(), f'is "{tok[0]}" one figure, '
                                    f"{tok[1]}.{tok[2]}? Say it with a point."))


def _touches(text: str, words: str, a: int, b: int) -> int:
    """1 + where an occurrence of ``words`` in ``text`` overlaps or adjoins the span
    a..b, or 0 (so a truth test says whether one does)."""
    at = text.find(words)
    while at >= 0:
        if at <= b and at + len(words) >= a:
            return at + 1
        at = text.find(words, at + 1)
    return 0


_SENTENCE_END = re.compile(r"\n|[.!?;](?=\s)")


def _later_rival(msg: _Message, result: Understanding, sel: _Selection) -> None:
    """The day of the last of several events read while a later day, on a line that says
    such an event (``later_rivals``), was left unread: the day read may not be the last,
    so it is dropped and asked, the two sets of words shown."""
    for reading in _kept(sel, result):
        rule = msg.rules.get(reading.fact)
        if rule is None or not rule.later_rivals or not isinstance(reading.value, str):
            continue
        try:
            read_day = date.fromisoformat(reading.value)
        except ValueError:
            continue
        for u in result.unread:
            at = msg.text.find(u.words)
            if u.why or at < 0:
                continue
            # (its line, or its sentence where the line holds several; of the text as
            # written: a row's cells are masked apart in ``msg.lower``)
            text = msg.text.lower()
            line = _SENTENCE_END.split(text[:at])[-1] + _SENTENCE_END.split(text[at:])[0]
            said = u.words.lower()
            if hits(line, rule.later_rivals) and any(
                    day is not None and read_day < day <= msg.as_of and
                    not _visit_day(said, span)
                    for day, span in dates_in(said, msg.as_of)):
                result.facts.remove(reading)
                result.unread.remove(u)
                result.unread.append(Unread(
                    f"{reading.words} … {u.words}",
                    f"several days; which is the {msg.specs[reading.fact].label.lower()}?"))
                break
        else:
            # (only a day bound to the outcome said after it, "stopped 08/15/2026,
            # ineffective": the day named with its treatment before it keeps its ranking)
            said = dates_in(reading.words.lower(), msg.as_of)
            rival = _rival_outcome(msg, rule.later_rivals, read_day, reading.words) \
                if said and said[0][1][0] == 0 else ""
            if rival:
                result.facts.remove(reading)
                result.unread.append(Unread(
                    f"{reading.words} … {rival}",
                    f"several days; which is the {msg.specs[reading.fact].label.lower()}?"))


def _rival_outcome(msg: _Message, outcomes: tuple[str, ...], read_day: date, words: str
                   ) -> str:
    """A sentence other than the reading's that says such an event with a later day
    ('meloxicam discontinued 08/15/2026, ineffective. Chiropractic 08/20-10/30/2026, "no
    lasting relief"': the chiropractic's outcome was no candidate, so the earlier day was the
    last read): its words, or "" where there is none."""
    for said in _SENTENCE_END.split(msg.text):
        lower = said.lower()
        if words in said or not hits(lower, outcomes):
            continue
        if any(day is not None and read_day < day <= msg.as_of and not _visit_day(lower, span)
               for day, span in dates_in(lower, msg.as_of) + _range_ends(lower)):
            return said.strip()
    return ""


_RANGE_END = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}[ \t]*[-\u2013][ \t]*"
                        r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])")


def _range_ends(lower: str) -> list[tuple[date | None, tuple[int, int]]]:
    """The last day of each span written with one year ("08/20-10/30/2026"), which
    ``dates_in`` leaves to the durations."""
    return [(safe_date(int(m["y"]), int(m["m"]), int(m["d"])), m.span("m"))
            for m in _RANGE_END.finditer(lower)]


def _visit_day(said: str, span: tuple[int, int]) -> bool:
    """The day is a visit's, where an outcome was told ("no relief at the 4-week check on
    11/06/2026", "10/26/2026 Rheum f/u: ... did not help"): no later treatment's day."""
    before = re.split(r"[.;,\n]", said[max(0, span[0] - 30):span[0]])[-1]
    after = re.split(r"[.;,\n]", said[span[1]:span[1] + 20])[0]
    return VISIT_WORD.search(before) is not None or VISIT_WORD.search(after) is not None


_FIGURE_NUMBER = re.compile(r"\d+(?:\.\d+)?")




def _now_later(msg: _Message, sel: _Selection, reading: FactReading) -> str:
    """The rest of the reading's sentence after its figure when it gives another figure of
    the same form said to be now ("WBC was 12.8 on admission and is 16.4 today (11/30)":
    fresh16, read 12,800, which made a case with a WBC of 16,400 qualify); empty when it
    does not (no figure, one of another measure's or of a circumstance the rule sets
    apart)."""
    chosen = sel.chosen.get(reading.fact)
    if chosen is None or chosen.quantity is None:
        return ""
    start, end = chosen.quantity
    own = [q for q in quantities(msg.lower[start:end + 8]) if q.start == 0]
    stop = CLAUSE_STOP.search(msg.lower, end)
    # (an aside in brackets is another matter: "5/10 with deep breaths (her daughter rates
    # her own migraine 8/10 today)"; the words up to the first comma or "and" are the
    # figure read's own: "pain 9 today per pt, was 6 last visit" is the one said to be now)
    rest = re.split(r"\(", msg.lower[end:stop.start() if stop else len(msg.lower)])[0]
    mine = re.split(r",|\band\b|\bbut\b", rest)[0]
    others = tuple(context_rules().measure_labels) + msg.rules[reading.fact].exclude
    if not own or own[0].unit == "other" or _NOW_WORD.search(mine) or \
            not _NOW_WORD.search(rest) or hits(rest, others):
        return ""
    if not any(q.unit == own[0].unit and q.hi is None and q.value != own[0].value
               for q in quantities(rest)):
        return ""
    return msg.text[end:end + len(rest)].strip()


@cache
@fixed_patterns
def _says() -> re.Pattern[str]:
    """A source's verb of saying ("chart says", "the log shows"; ``claims`` words)."""
    words = context_rules().claims
    verbs = words.says + words.disputed_says + words.records_says + words.own_count
    return re.compile(rf"\b(?:{alternation(verbs)})\b")


@cache
@fixed_patterns
def _own_count() -> re.Pattern[str]:
    """The writer's own count, then its bare figure ("I count 11", "by my count only 11")."""
    return re.compile(rf"\b(?:{alternation(context_rules().claims.own_count)})\b"
                      r"[ \t:]*(?:only[ \t]+|just[ \t]+)?\d")


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def _other_source(msg: _Message, result: Understanding, sel: _Selection) -> None:
    """A figure read while a source later in its sentence reports another one of the
    same kind ("Pain for 3 weeks (per pt; chart says since July)": outside tester
    session 10 F10; "The chart says PT 12 weeks; the PT clinic's attendance log shows 7
    weeks attended": session 11 F8): the sources disagree, so which is right is asked."""
    says = _says()
    for reading in _kept(sel, result):
        spec, chosen = msg.specs.get(reading.fact), sel.chosen.get(reading.fact)
        if spec is None or spec.type != "number" or chosen is None:
            continue
        at, end = chosen.shown or chosen.span
        stop = _SENTENCE_STOP.search(msg.lower, end)
        rest = msg.lower[end:stop.start() if stop else len(msg.lower)]
        # (a bare figure counted by the writer rivals the figure read: its unit is the
        # reading's own)
        counted = _own_count().search(rest)
        verb = says.search(rest, counted.start()) if counted else says.search(rest)
        said = re.split(r"[,;]", rest[verb.end():], maxsplit=1)[0] if verb else ""
        if not said or _of_another_fact(msg, reading.fact, said) or not (
                counted or _rival_figure(said, spec.unit or "", msg.lower[at:end])):
            continue
        said = msg.text[at:end + len(rest)].strip()
        result.facts.remove(reading)
        result.unread = [u for u in result.unread if u.why or u.words not in said] + [
            Unread(said, f"the sources disagree: which {spec.label.lower()} is right?")]
        sel.asked_back.append(reading.fact)


@cache
@fixed_patterns
def _voice() -> re.Pattern[str]:
    """A sentence that opens with a clinician's turn: a title, up to two words of name or
    a number, then a colon or a verb of saying ("Dr. Boyd:", "Reviewer 2:", "Attending
    (Dr. Lee) says")."""
    words = context_rules().claims
    verbs = words.says + words.records_says + ["counts", "counted", "count", "thinks", "writes",
                                               "wrote", "disagrees", "notes", "noted"]
    return re.compile(
        rf"[ \t>*•-]*(?P<who>(?:{alternation(words.voices)})\b\.?"
        r"(?:[ \t]+[a-z0-9][\w.'-]*){0,2}?)"
        rf"[ \t]*(?:\([^()\n]{{0,30}}\))?[ \t]*(?::|\b(?:{alternation(verbs)})\b)")


def _turns(msg: _Message) -> list[tuple[str | None, int, int]]:
    """Each sentence in order (the reader's sentences: "Dr." ends none) with the
    clinician whose turn it opens, if any."""
    out: list[tuple[str | None, int, int]] = []
    for lo, hi in sorted(sentence_spans(msg.found).values()):
        # (a turn opening after an abbreviation's period: "PT lasted 12 wks. Resident
        # counts 8 wks", one sentence to the reader)
        cuts = [lo] + [lo + m.end() for m in re.finditer(r"\.[ \t]+", msg.lower[lo:hi])
                       if _voice().match(msg.lower, lo + m.end())] + [hi]
        for a, b in zip(cuts, cuts[1:], strict=False):
            m = _voice().match(msg.lower, a)
            out.append((re.sub(r"\W+", " ", m["who"]).strip() if m else None, a, b))
    return out


def _other_voice(msg: _Message, result: Understanding, sel: _Selection) -> None:
    """A figure read in one clinician's turn while the next sentence, another
    clinician's turn, gives another figure of its kind ("Dr. Ames: PT was 14 weeks. Dr.
    Boyd: I count only 10 weeks in the records": outside tester session 16 F14, read 14):
    two sources disagree, so which is right is asked, never the first taken."""
    turns = _turns(msg)
    for reading in _kept(sel, result):
        spec, chosen = msg.specs.get(reading.fact), sel.chosen.get(reading.fact)
        if spec is None or spec.type != "number" or chosen is None:
            continue
        at, end = chosen.shown or chosen.span
        i = next((i for i, (_w, lo, hi) in enumerate(turns) if lo <= at < hi), None)
        if i is None or i + 1 >= len(turns) or turns[i][0] is None:
            continue
        (mine, lo, hi), (theirs, nlo, nhi) = turns[i], turns[i + 1]
        # (the next sentence of the same paragraph, another clinician's: a blank line
        # ends the exchange, and one clinician's second sentence is no second source)
        if theirs is None or theirs == mine or re.search(r"\n[ \t]*\n", msg.lower[hi:nlo]):
            continue
        said = msg.lower[nlo:nhi]
        if _of_another_fact(msg, reading.fact, said) or \
                not _rival_figure(said, spec.unit or "", msg.lower[at:end]):
            continue
        words = msg.text[lo:nhi].strip()
        result.facts.remove(reading)
        result.unread = [u for u in result.unread if u.why or u.words not in words] + [
            Unread(words, f"the sources disagree: which {spec.label.lower()} is right?")]
        sel.asked_back.append(reading.fact)


def _of_another_fact(msg: _Message, fact: str, words: str) -> bool:
    """``words`` name another number fact of the policy ("he reports 6 weeks of PT" beside
    the symptoms): their figure is that fact's."""
    mine = set(msg.rules[fact].phrases) if fact in msg.rules else set()
    # (a phrase the fact shares is no other fact's name: "PCP note says LBP since 2024")
    return any(hits(words, tuple(set(rule.phrases) - mine)) for name, rule in msg.rules.items()
               if name != fact and (spec := msg.specs.get(name)) is not None and
               spec.type == "number")


_SINCE_WHEN = re.compile(r"\b(?:since|from|started|began)\s+(?:(?:early|late|mid)[- ])?"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{1,2}/\d|"
                         r"(?:19|20)\d\d\b)")


def _rival_figure(said: str, unit: str, mine: str) -> bool:
    """``said`` gives a figure of the kind of ``unit`` not in ``mine``: a length or an
    onset for weeks, the same scale otherwise."""
    lengths = ("weeks", "days", "months", "years")
    if unit == "weeks" and _SINCE_WHEN.search(said):
        return True
    found = [q for q in quantities(said) if (q.unit in lengths if unit == "weeks" else
                                               q.unit == unit and q.unit not in lengths)]
    return any(q.text not in mine for q in found)


_NO_RESULT = re.compile(r"\b(?:ref|reference|range|normal|nl|goal|target|wnl|requires?|required|"
                        r"policy|criteria|criterion|threshold|minimum|at least|at most)\b|[<>≥≤]")
"""Words that make a figure no result: a reference range, a goal, the policy's threshold
("WBC | 11.2 | 4.0-10.5", "NRS 3/10 documented; policy requires >= 4/10")."""


_EARLIER = re.compile(r"\b(?:last|prior|previous|earlier|initial|first)\s+(?:visit|appointment|"
                      r"appt|encounter|time|eval|evaluation)\b|\b(?:ago|baseline)\b")
"""Words that place a figure before the one read: no rival for now."""


def _bare_rival(msg: _Message, sel: _Selection, reading: FactReading, words: str) -> bool:
    """Words of the reading's sentence left unread that give a figure of the reading's
    own form and name no other measure: the same fact from another source, time or
    correction ("Member states pain 9/10; provider documents 3/10", "WBC 16.2 on
    10/02/2026; 8.1 today", "Pain 7/10 - correction: 4/10 per nursing": outside tester
    session 11 F9, F14, F20), so which one counts is asked."""
    chosen = sel.chosen.get(reading.fact)
    there = msg.text.find(words)
    if chosen is None or chosen.quantity is None or there < 0:
        return False
    # (where the reading was taken: its words may also stand earlier, "9" in a date)
    at = min(chosen.span[0], chosen.quantity[0])
    before = re.split(r"[;.\n]", msg.lower[max(0, at - 20):at])[-1]
    after = re.split(r"[;,.(\n]", msg.lower[chosen.quantity[1]:chosen.quantity[1] + 12])[0]
    if _NOW_WORD.search(f"{before} {after}"):
        return False  # "pain 9 today per pt, was 6 last visit": the one said to be now
    # (the figure with its scale: "Pain 7/10 - ..." may be read from "Pain 7")
    own = [q for q in quantities(msg.text.lower()[chosen.quantity[0]:chosen.quantity[1] + 8])
           if q.start == 0]
    # One sentence of one line; a semicolon does not end it here.
    between = msg.text[min(chosen.quantity[1], there + len(words)):max(at, there)]
    if not own or "\n" in between or re.search(r"[.!?](?:\s|$)", between):
        return False
    lower = words.lower()
    rule = msg.rules[reading.fact]
    # (a figure named as another measure's, or in a circumstance the fact's rule sets
    # apart: "SpO2 | 89% RA | 93% HFNC")
    others = tuple(context_rules().measure_labels) + rule.exclude
    if there < at or hits(lower, others) or _NO_RESULT.search(lower) or _EARLIER.search(lower):
        return False  # (an earlier one: "pain is 5 not 6 - the 6 was last visit")
    return any(
        q.unit == own[0].unit and q.unit not in ("other", "weeks", "days") and q.hi is None and
        q.value != own[0].value  # ("5/10 with gripping, 5/10 at rest today": one score)
        for q in quantities(lower))


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
    if _NOW_WORD.search(words.lower()) or _logged_later(msg.text, reading.words, words):
        return True
    theirs = _days(words.lower(), msg.as_of)
    if not theirs:
        return False
    at = max(0, msg.text.find(reading.words))
    line = msg.lower.rfind("\n", 0, at) + 1
    own = _days(msg.lower[max(line, at - 30):at + len(reading.words)], msg.as_of)
    return not own or max(theirs) > max(own)


_ENTRY_TIME = re.compile(r"^[ \t]*\[?(?P<h>[01]\d|2[0-3]):?(?P<m>[0-5]\d)\b", re.M)
"""A 24-hour time opening a log's entry ("0615 WBC 9.9", "09:00 WBC 16.2")."""


def _logged_later(text: str, own: str, words: str) -> bool:
    """``words`` stand in a log's entry timed after the entry of the reading's words
    ("0615 WBC 9.9\n0900 WBC 16.2": the later entry's figure is a later one)."""
    def entry_time(at: int) -> int | None:
        line = _ENTRY_TIME.match(text, text.rfind("\n", 0, at) + 1) if at >= 0 else None
        return None if line is None else int(line["h"]) * 60 + int(line["m"])

    mine, theirs = entry_time(text.find(own)), entry_time(text.find(words))
    return mine is not None and theirs is not None and theirs > mine


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
    # ("FiO2 70% since 0100 - was 50% at midnight": what holds since an hour of today)
    return bool(_NOW_WORD.search(near) or _REPEATED.search(near) or
                _SINCE_A_TIME.match(msg.lower[at + len(reading.words):][:40]))


def _figures_of(lower: str, phrases: tuple[str, ...]) -> set[str]:
    """The figures right after a phrase of the fact ("wbc 8.8", "pain: 3/10"); not a
    number further on ("Spine & Pain Associates, 1420 Harbor Blvd")."""
    out = set()
    for _a, b in hits(lower, phrases):
        # (a score's own scale is no date: "pain 6/10 today"; "6/10/2026" is one)
        figure = re.match(r"[ \t:=(]{0,4}(?:(?:today|now|is|was|of|at)[ \t]+){0,2}"
                          r"(\d+(?:\.\d+)?)(?:[ \t]*/[ \t]*10\b(?![/\d]))?(?![\d/.-]\d)",
                          lower[b:])
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


_ABOUT_A_PERSON = re.compile(
    r"\b(?:(?:this|the|my|a|our) (?:case|patient|pt|member|client)|he|she|him|her|they|them|"
    r"my (?:father|mother|dad|mom|husband|wife|son|daughter|brother|sister|grandmother|"
    r"grandfather|grandma|grandpa|partner|aunt|uncle))\b")
"""Whom a question whether something qualifies is about, when it is about someone: then it
asks for a verdict on a case, not what the policy says."""


def _policy_question(msg: _Message, result: Understanding, pending: list[str]) -> None:
    lower = msg.text.lower()
    is_question = msg.text.strip().endswith("?") or bool(re.match(
        r"^\s*(what|which|how|when|where|is|are|does|do|can|list|tell me|explain|show|why)\b",
        lower))
    # (a person is a case too: "my father needs a facet injection (64493), can you tell me
    # if he qualifies?" was searched in the policy and no case started; outside tester 16 F12)
    # (on the words as written: "can you tell me if he qualifies" is a request, masked)
    about_case = (result.asks_verdict or ASKS_VERDICT.search(lower)) and \
        _ABOUT_A_PERSON.search(lower)
    if about_case:
        result.asks_verdict = True
    # "What does the policy say about pregnancy?" mentions a fact but states none: a
    # question with no value in it asks about the policy, so its mentions are not facts.
    values_stated = bool(re.search(r"\d", re.sub(r"(?<![\d.])\d{5}(?![\d])", "", lower)))
    if is_question and POLICY_WORDS.search(lower) and not about_case and (
            not result.facts or (not values_stated and not pending)):
        result.policy_question = msg.text.strip()
        result.asks_verdict = False
        result.facts = []
        result.unread = []


_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_ONSET = re.compile(
    r"\b(?:since|onset|began|begun|started|starting|start|from|beginning)\b[\s:,-]*"
    r"(?:(?:was|in|of|on|about|around|early|mid|late|the end of|end of)\s+)*"
    rf"(?:{_MONTH_NAME}\b(?!\.?\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?![/.-]?\d))"
    r"|(?<![\d/])(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b(?![/\d]))", re.I)
"""An onset given as a month with no day: "since Feb", "onset was may 2026", "since
03/2026". A month is no day to count from (the corpus asks it, as a note's), so what
answers the question is said: how long, or from which day."""

MONTH_ONSET_WHY = "that gives a month, not a day: how many weeks in all, or since which day?"


def month_onsets_left(msg: _Message, found: list[Clause], result: Understanding) -> list[Unread]:
    """A chat clause whose month-only onset went unread beside a reading of another of its
    words ("coughing since early September" noted the cough and dropped the month without
    a word): the onset is said back, from its onset word on, with what would answer it."""
    if msg.pasted or msg.cpt is None or any(
            msg.rules[r.fact].onset for r in result.facts if r.fact in msg.rules):
        return []
    unread = " ".join(u.words.lower() for u in result.unread)
    out = []
    for clause in found:
        hit = _MONTH_ONSET.search(msg.text, clause.start, clause.end)
        if hit is None:
            continue
        words = msg.text[hit.start():clause.end].strip(" ,.;")
        if words.lower() not in unread:
            out.append(Unread(words, MONTH_ONSET_WHY))
    return out


def no_figure(msg: _Message, u: Unread) -> Unread:
    """Words said back with no reason, that name one figure the policy reads and give
    none: "no fever now" names the temperature (outside tester 18 M16: "please say it
    another way" left the nurse to guess what else to say). Said: the figure is needed."""
    if u.why or msg.pasted or _has_figure(u.words.lower(), msg.as_of):
        return u
    words = _PT_THE_PATIENT.sub("patient", u.words.lower())
    numbers = [f for f, rule in msg.rules.items() if f in msg.specs and
               msg.specs[f].type == "number" and _names_plainly(words, rule)]
    if len(numbers) != 1:
        return u
    label = msg.specs[numbers[0]].label
    return Unread(u.words, f"that gives no figure: what is the {label[:1].lower()}{label[1:]}?")


_PT_THE_PATIENT = re.compile(r"\bpt\b(?=\s+(?:is|accompanied|states|reports|denies|says|"
                             r"lives|arrived|presents|presented|came|brought|here)\b)")
""""Pt" as the clause's subject doing what a person does ("Pt accompanied by her
daughter"): the patient, no physical therapy to ask a figure of (outside tester 31 C8:
"that gives no figure: what is the physical therapy completed?")."""


def _names_plainly(words: str, rule: ReadingRule) -> bool:
    """One of the fact's phrases in the words, not inside one of its vague phrases that ask
    nothing: "pain meds reviewed" names a medicine, no pain score to ask for (session 31)."""
    vagues = hits(words, rule.vague) if rule.vague and not rule.vague_asks else []
    return any(not any(x <= a and b <= y for x, y in vagues) for a, b in hits(words, rule.phrases))


_AGE_ALONE = re.compile(r"(?:(?:she|he|pt|patient|the patient|mom|dad)(?:'s|\s+is)|age|aged)"
                        r"\s*:?\s*\d{1,3}(?:\s*(?:yo|y/o|y\.o\.|years?|yrs?)(?:\s+old)?)?[.!]?",
                        re.I)
AGE_WHY = "an age: none of this policy's questions asks for it"


def age_alone(u: Unread) -> Unread:
    """An age said alone ("she's 58") was "please say it another way", as if something
    were wrong with it (outside tester 18 CH7): the reply says no question needs it."""
    return Unread(u.words, AGE_WHY) if not u.why and _AGE_ALONE.fullmatch(u.words.strip()) \
        else u


_YEAR_SAID = re.compile(r"\b(?:in|since|from|during|back in|of)\s+(?:19|20)\d\d\b(?![/.-]\d)", re.I)


def year_only(u: Unread) -> Unread:
    """A year read as a count and refused as out of range ("xrays in 2025": "2025 sets is
    out of range"): the words give a year, and the reply says what they lack."""
    if "is out of range" not in u.why or not _YEAR_SAID.search(u.words):
        return u
    return Unread(u.words, "that gives a year, not a day: which date exactly?")


def month_onset(msg: _Message, u: Unread) -> Unread:
    """Words left unread for a month-only onset ("conservative care since Feb") say what
    would answer them, instead of "please say it another way" (outside tester 18 M2, M10,
    M11, M14: "onset was may 2026", "since 02/2026" left the duration asked with no word
    of why; a nurse who wrote the month cannot tell what else to write)."""
    # ("not an answer to the question about symptom duration": it is that answer, by a month)
    if (u.why and not u.why.startswith("not an answer to the question about")) or \
            not any(rule.onset for rule in msg.rules.values()) or \
            not _MONTH_ONSET.search(u.words):
        return u
    return Unread(u.words, MONTH_ONSET_WHY)


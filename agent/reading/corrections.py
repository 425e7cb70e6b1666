"""Corrections of what was recorded: "X not Y", "no, 8", a value taken back, a fact
withdrawn or no longer known.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from agent.reading.answers import about_parts
from agent.reading.context import rules as context_rules
from agent.reading.message import _NOT_VALUE, _Message, _taken_back_in, figure_in
from agent.reading.model import FactReading, Unread
from agent.reading.rules import ReadingRule, fact_specs, reading_rules
from agent.reading.selection import _RETRACTS, _check, _Selection
from agent.reading.text import (
    hits,
)
from agent.reading.values import (
    MONTHS,
    compatible,
    dates_in,
    quantities,
)
from policies.model import FactSpec

_UNSEEN = object()
"""A stored fact whose value the caller did not give."""


SHORT_OF = re.compile(r"\b(?:almost|nearly|not quite|just under|just short of|short of|"
                       r"close to|approaching|a bit under|a little under|a bit less than|"
                       r"a little less than|slightly under|just over|a bit over|"
                       r"a little over|slightly over|a bit more than|a little more than)"
                       r"\s+(?:an?\s+)?$")
"""Words that put a corrected figure on one side of it ("conservative care was nearly 12
weeks", "pain is almost 4/10"): the figure itself is not the value (outside tester 35 F13
stored 12 and 4 and passed a 9-week request), how much exactly is asked."""
_ROUGHLY = re.compile(r"(?:\b(?:about|around|approx(?:imately)?|roughly|maybe|probably|"
                      r"i think|i believe|i guess|something like|give or take)|~)\s*(?:an?\s+)?$")
"""Words that make a corrected figure a guess ("FEV1 is about 80%"): applied as a value to
confirm, the way a guessed answer is ("(please confirm)", not used until confirmed)."""


NOT_FIGURE = re.compile(r"\bnot\s+(?:the\s+)?(\d+(?:\.\d+)?)(?![\d/.,])")
"""A figure taken back after other words ("almost 12 weeks in total, not 15"): never a
value (an answer read "not 15" as 15 weeks of exercise)."""


def hedged_figures(msg: _Message, readings: list[FactReading]
                   ) -> tuple[list[FactReading], list[Unread]]:
    """A typed chat line's figure said as a guess ("FEV1 is about 80% now") is held to
    confirm, as a guessed answer is; one said to fall short of or just past a number
    ("conservative care was nearly 12 weeks") is asked (outside tester 35 F13). A pasted
    note's "about 8 months" stays read: notes say lengths that way, a nurse typing to
    correct a case says the figure she means."""
    out: list[FactReading] = []
    unread: list[Unread] = []
    for r in readings:
        lower = r.words.lower()
        if msg.specs.get(r.fact) is None or msg.specs[r.fact].type != "number":
            out.append(r)
            continue
        before = [lower[max(0, q.start - 25):q.start] for q in quantities(lower)]
        if any(SHORT_OF.search(b) for b in before):
            unread.append(Unread(r.words, "how much exactly?"))
        elif any(_ROUGHLY.search(b) for b in before):
            out.append(r.model_copy(update={"origin": "inferred"}))
        else:
            out.append(r)
    return out, unread


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


_DAY_NOT_DAY = re.compile(r"(?<![\d/])(?P<new>\d{1,2}/\d{1,2})(?![\d/])[ \t]*,?[ \t]+not[ \t]+"
                          r"(?:the[ \t]+|on[ \t]+)?(?P<old>\d{1,2}/\d{1,2})(?:/(?:19|20)?\d\d)?"
                          r"(?![\d/])|(?<![\w/])not[ \t]+(?:the[ \t]+|on[ \t]+)?"
                          r"(?P<old2>\d{1,2}/\d{1,2})(?:/(?:19|20)?\d\d)?(?![\d/])"
                          # ("not 11/14 - the MRI was 8/14")
                          r"[^\d\n.;]{1,30}?(?P<new2>\d{1,2}/\d{1,2})(?![\d/])")


def _day_corrections(msg: _Message, known: dict[str, Any], read: set[str]
                     ) -> list[FactReading]:
    """"the MRI was actually 8/14 not 11/14" with the MRI recorded as 2026-11-14: the day
    taken back is the recorded date's month and day, so the new one replaces it, in the
    latest year that puts it on or before today (a correction in the nurse's own words was
    "none of the answers so far had that value": outside tester 20 C2). Only the one
    recorded date that matches; a day no recorded date has is left to be asked."""
    out: list[FactReading] = []
    all_specs = fact_specs(None)
    for m in _DAY_NOT_DAY.finditer(msg.text.lower()):
        new, old = (m["new"], m["old"]) if m["new"] else (m["new2"], m["old2"])
        month, day = (int(x) for x in old.split("/"))
        stored = [name for name, value in known.items() if name not in read and
                  msg.specs.get(name) is not None and msg.specs[name].type == "date" and
                  isinstance(value, (str, date)) and _month_day(value) == (month, day)]
        # (the words may name what the day is of: "the xrays were 8/14 not 11/14" does not
        # correct the MRI recorded on 11/14)
        named = {f for f, rule in reading_rules(None).items()
                 if f in all_specs and all_specs[f].type == "date" and
                 hits(msg.text.lower(), rule.phrases)}
        month, day = (int(x) for x in new.split("/"))
        # "8/14 not 11/14" where 8/14 is what is recorded (held to confirm): it says the
        # recorded day is right
        held = [name for name, value in known.items() if name not in read and
                msg.specs.get(name) is not None and msg.specs[name].type == "date" and
                isinstance(value, (str, date)) and _month_day(value) == (month, day)]
        if not stored and len(held) == 1 and (not named or held[0] in named):
            at = msg.text.lower().find(new, m.start())
            out.append(FactReading(fact=held[0], value=str(known[held[0]]),
                                   words=msg.text[at:at + len(new)], origin="confirmed"))
            continue
        if len(stored) != 1 or (named and stored[0] not in named):
            continue
        for year in (msg.as_of.year, msg.as_of.year - 1):
            try:
                found = date(year, month, day)
            except ValueError:
                break
            if found <= msg.as_of:
                at = msg.text.lower().find(new, m.start())
                out.append(FactReading(fact=stored[0], value=found.isoformat(),
                                       words=msg.text[at:at + len(new)], origin="confirmed"))
                break
    return out


_WITH_YEAR = re.compile(r"(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d\d\b")


def _year_corrections(msg: _Message, known: dict[str, Any], read: set[str]
                      ) -> list[FactReading]:
    """"Actually scratch that, it was 10/01/2026 after all" with the MRI recorded as
    2024-10-01: a correction giving one whole date whose month and day are those of one
    recorded date, in another year, puts the year right (outside tester 25 F11: "nothing
    changed" and a denial on the retracted 2024). Several recorded dates on that day, or
    a date fact the words name that is not the one recorded so, are left alone."""
    lower = msg.text.lower()
    if not (_CORRECTION.search(lower) or _TAKE_AWAY.search(lower)):
        return []
    found = [(d, span) for d, span in dates_in(msg.text, msg.as_of)
             if d is not None and _WITH_YEAR.search(msg.text[span[0]:span[1]])]
    if len(found) != 1:
        return []
    new, (a, b) = found[0]
    stored = [name for name, value in known.items() if name not in read and
              msg.specs.get(name) is not None and msg.specs[name].type == "date" and
              isinstance(value, (str, date)) and _month_day(value) == (new.month, new.day) and
              str(value)[:4] != str(new.year)]
    named = {f for f, rule in msg.rules.items() if msg.specs.get(f) is not None and
             msg.specs[f].type == "date" and hits(lower, rule.phrases)}
    if len(stored) != 1 or (named and stored[0] not in named):
        return []
    return [FactReading(fact=stored[0], value=new.isoformat(), words=msg.text[a:b],
                        origin="confirmed")]


def _month_day(value: object) -> tuple[int, int] | None:
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return None
    return day.month, day.day


_GESTATION_AFTER = re.compile(r"\s*(?:pregnant|preg\b|gestation|gestational|along\b|ga\b|"
                              r"into (?:the|her|this) pregnancy)")
_GESTATION_BEFORE = re.compile(r"\b(?:pregnant|pregnancy|gestation|ga)\b[\s,:;-]*(?:at |about |"
                               r"around |approx\.? |~)?$")


_DENIED_FIGURE = re.compile(r"\b(?:not|never|rather than|instead of)\s+(?:the\s+|a\s+)?$")
"""Words right before a figure that take it back ("..., not 2"): what the sentence denies
is no value to store (outside tester 26 F2: "only 1 set of X-rays, not 2" set the pain
score to 2)."""


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
    guessed: set[str] = set()
    unsure = _short_of_taken_back(msg, known, taken_back)
    for q in quantities(msg.lower):
        if any(a < q.end and q.start < b for a, b in used) or \
                any(m.start("not") <= q.start < m.end("not") for m in taken_back):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", q.text.strip()):
            continue  # "actually he was hospitalized for pneumonia in 2023": a year
        if msg.context is not None and "other" in msg.context.at(q.start, q.end):
            continue  # "sorry - the WBC 16.4 was from his wife's chart": hers, no new value
        if _DENIED_FIGURE.search(msg.lower[max(0, q.start - 20):q.start]):
            continue  # "only 1 set of X-rays, not 2": the figure taken back, no new value
        if _GESTATION_AFTER.match(msg.lower, q.end) or \
                _GESTATION_BEFORE.search(msg.lower[:q.start]):
            continue  # "she's actually 12 weeks pregnant": how far along, no treatment's length
        targets = _targets(msg, known, read, q, taken_back)
        words = msg.text[q.start:q.end].strip()
        before = msg.lower[max(0, q.start - 25):q.start]
        hedge = SHORT_OF.search(before) or _ROUGHLY.search(before)
        if targets and hedge:
            words = msg.text[q.start - len(before) + hedge.start():q.end].strip()
            if hedge.re is SHORT_OF:
                unread.append(Unread(words, "how much exactly?"))
                continue
            guessed |= {fact for fact, _ in targets}
        if len(targets) == 1:
            found.setdefault(targets[0][0], []).append((targets[0][1], words))
        elif taken_back and not targets:
            a, b = min(q.start, taken_back[0].start()), max(q.end, taken_back[0].end())
            unread.append(Unread(msg.text[a:b].strip(), "none of the "
                                 "answers so far had that value: which fact does it correct?"))
        elif targets:
            labels = " or ".join(msg.specs[f].label for f, _ in targets)
            unread.append(Unread(words, f"which does it correct: {labels}?"))
    out: list[FactReading] = [r for r in unsure if r.fact not in found]
    for fact, values in found.items():
        if len({v for v, _ in values}) == 1:
            out.append(FactReading(fact=fact, value=values[0][0], words=values[0][1],  # type: ignore[arg-type]
                                   origin="inferred" if fact in guessed else "stated"))
        else:
            unread.append(Unread(" or ".join(w for _, w in values),
                                 f"which is the {msg.specs[fact].label.lower()}?"))
    return out, unread


def _short_of_taken_back(msg: _Message, known: dict[str, Any],
                         taken_back: list[re.Match[str]]) -> list[FactReading]:
    """"PT was almost 12 weeks, not 15": the 15 taken back is not kept while the new
    figure is asked ("how much exactly?"); the one stored fact holding it becomes unknown."""
    hedged = [q for q in quantities(msg.lower)
              if SHORT_OF.search(msg.lower[max(0, q.start - 25):q.start])]
    olds = [n for m in taken_back if (n := figure_in(m["not"])) is not None] + \
        [float(m.group(1)) for m in NOT_FIGURE.finditer(msg.lower)]
    if not hedged or not olds:
        return []
    holding = [name for name, value in known.items() if name in msg.specs and
               msg.specs[name].type == "number" and _same(value, olds)]
    if len(holding) != 1:
        return []
    q = hedged[0]
    return [FactReading(fact=holding[0], value=None, words=msg.text[q.start:q.end].strip())]


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
    olds = [n for m in taken_back if (n := figure_in(m["not"])) is not None]
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
        olds = [n for n in [figure_in(m["not"])] if n is not None]
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


_OF_A_SITE = re.compile(r"\b(?:of|in|at)\s+(?:the\s+)?(?:spine|skin|joint|wound|incision|"
                        r"injection site|site|bone|disc|blood|knee|hip|shoulder|back)\b")


def partial_denials(msg: _Message, readings: list[FactReading], known: dict[str, Any]
                    ) -> tuple[list[FactReading], list[Unread]]:
    """A denial naming only some kinds of a condition recorded as present ("no sepsis or
    osteomyelitis", "no skin or systemic infection", "no infection of the spine" with a
    UTI recorded): it says nothing of the one recorded, which it does not name (outside
    tester 36 F9 lifted a UTI that way and passed the case). Kept as recorded, asked."""
    out: list[FactReading] = []
    unread: list[Unread] = []
    for r in readings:
        rule = msg.rules.get(r.fact)
        lower = r.words.lower()
        at = msg.text.lower().find(lower)
        after = msg.text.lower()[at + len(lower):at + len(lower) + 40] if at >= 0 else ""
        if r.value is False and known.get(r.fact) is True and rule is not None and \
                rule.positive_only and (hits(lower, rule.positive_only) or
                                        _OF_A_SITE.match(after.lstrip())):
            unread.append(Unread(r.words, f"it names other kinds than the one recorded: is "
                                          f"that one over ({msg.specs[r.fact].label.lower()})?"))
            continue
        out.append(r)
    return out, unread


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


_THEN_FRAME = re.compile(r"\b(?:was|were|yesterday|before|earlier|previously|initially|at first|"
                         r"on admission|at admission|error|wrong|erroneous|faulty|mistaken|"
                         r"mistyped|typo|old)\b")
"""Words that say a figure was so then, or never right."""
_NOW_FRAME = re.compile(r"\b(?:now|today|currently|this morning|this evening|tonight|repeat|"
                        r"repeated|recheck|rechecked|re-check|actual|real|corrected|latest)\b")
"""Words that say a figure is the one now."""


def superseded(msg: _Message, known: dict[str, Any], used: list[tuple[int, int]]
               ) -> list[FactReading]:
    """A stored measurement the reply says was so then, or wrong, and the figure it gives
    as the one now: "the 16,800 was before antibiotics; it is 9,200 now", "the WBC of
    16,400 was a lab error; the repeat is 9,800" (session 26 F6 kept deciding on the
    figure taken back). The stored figure must be said, in a clause that says it was so
    then, and one figure the fact can take said after it in a clause that says now."""
    if all(known.get(name) is None or known[name] is _UNSEEN
           for name in context_rules().remeasured):
        return []  # (a note with no stored measurement: no scan of its figures)
    lower = msg.text.lower()  # (the figure said wrong may be blanked in ``msg.lower``)
    found = quantities(lower)
    olds = [(q, name) for q in found for name in context_rules().remeasured
            if name in known and msg.specs.get(name) is not None and
            _same(known[name], [q.value]) and _THEN_FRAME.search(_clause_of(lower, q.start))]
    if len(olds) != 1:
        return []
    old, name = olds[0]
    spec, rule = msg.specs[name], msg.rules.get(name)
    news = [(q, raw) for q in found if q.start > old.end and q.value != old.value and
            not any(a < q.end and q.start < b for a, b in used) and
            _NOW_FRAME.search(_clause_of(lower, q.start)) and
            (raw := compatible(spec, q, rule.fraction if rule else False)) is not None and
            _check(name, spec, raw, msg.as_of) is None]
    if len(news) != 1:
        return []
    q, raw = news[0]
    return [FactReading(fact=name, value=raw, words=msg.text[q.start:q.end].strip())]


def _clause_of(lower: str, at: int) -> str:
    """The words around ``at`` up to a comma, semicolon, full stop or line's end."""
    start = max(lower.rfind(x, 0, at) for x in (",", ";", ". ", "\n")) + 1
    ends = [e for x in (", ", ";", ". ", "\n") if (e := lower.find(x, at)) >= 0]
    return lower[start:min(ends, default=len(lower))]


def someone_elses(msg: _Message, words: list[str], known: dict[str, Any]) -> list[str]:
    """Stored figures the message says were someone else's: "the 7/10 chest pain was his
    wife's" with a pain of 7 stored names the fact and its figure in words about another
    person, so the stored answer is set aside and asked again (outside tester 27 F8 kept
    deciding on it). Only a figure: a relative's diabetes named beside a stored "no
    comorbidities" is no word on the patient's. A stored day of a test or visit is set
    aside too when words with no figure of their own name it as someone else's ("that
    MRI was his brother's": outside tester 31 C6 kept deciding on the brother's MRI)."""
    out = []
    for name, value in known.items():
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or value is _UNSEEN:
            continue
        if spec.type == "date":
            if any(hits(w.lower(), rule.phrases) and not re.search(r"\d", w) for w in words):
                out.append(name)
            continue
        if spec.type != "number":
            continue
        old = figure_in(str(value))
        if old is not None and any((hits(w.lower(), rule.phrases) or _a_score(spec, rule, w))
                                   and _same_figure(w, old) for w in words):
            out.append(name)
    return out


def _a_score(spec: FactSpec, rule: ReadingRule, words: str) -> bool:
    """A figure out of 10 names the current score ("that 8/10 was her husband's score")."""
    return spec.unit == "points" and rule.current and \
        re.search(r"\d\s*(?:/|out of)\s*10\b", words) is not None


def _same_figure(words: str, value: float) -> bool:
    """``words`` hold ``value`` as a figure of its own ("7/10" holds 7, "15,200" 15200;
    "17" holds no 7)."""
    return any(abs(float(n.replace(",", "")) - value) < 0.01 for n in re.findall(
        r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,])", words))


FEMALE_SAID = re.compile(
    r"\b(?:female|a woman|a lady|a girl|(?:she|patient|pt)\s+is\s+a\s+she|"
    # an age and a sex ("38F", "41 yo f"), never a temperature's figure ("100.6 F",
    # "temp 99 F": outside tester 29 C7 set a post-menopausal woman's pregnancy aside)
    r"(?<![\d.,])(?<!temp )(?<!t )(?<!tmax )(?<!fever )(?<!fever of )\d{1,2}\s*-?\s*"
    r"(?:y/?o|yo|years?[- ]old)?\s*f)\b(?!\s*°)"
    # a pronoun only where it puts right a "he" ("she, not he"): "she is fine" after "her
    # son has a fever" says nothing of the patient's sex (C7)
    r"|\bshe\b[^.;!?\n]{0,12}\bnot\s+(?:a\s+)?(?:he|him|male|man)\b"
    r"|\bnot\s+(?:a\s+)?(?:he|him)\b[^.;!?\n]{0,12}\bshe\b")
"""Words that say the patient is a woman ("the patient is actually female, 38F", "wait
she's female", "it's she, not he"): in a correction they take back a stored "cannot be
pregnant"."""


def sex_corrected(msg: _Message, known: dict[str, Any]) -> list[str]:
    """"The patient is actually female, 38F" with "cannot be pregnant" stored (read from
    "Mr." or "Male"): the ground of the stored answer is withdrawn, so pregnancy (and the
    postpartum state, inferred from the same ground) are asked again, never kept (outside
    tester 22 F6 and 23 F4: a meets_criteria stood on a sex the nurse had corrected). Only
    a correction or a short reply: a note's "female" may be someone else."""
    lower = msg.text.lower()
    if known.get("pregnancy") != "not_applicable" or not FEMALE_SAID.search(lower):
        return []
    if not (_CORRECTION.search(lower) or len(lower.split()) <= 12):
        return []
    return [f for f in ("pregnancy", "postpartum") if f in known and f in msg.specs]


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
                   ) -> tuple[dict[str, str], list[FactReading]]:
    """Stored answers the message takes back: "remove the nerve block, it was a
    different patient" (withdrawn: asked again), "scratch the symptom duration, I am not
    sure of it" and "actually I am not sure about the infection, labs pending" (not
    sure now: the old answer no longer counts, and is not asked again). The facts taken
    back come with the words that took them back."""
    lower = msg.text.lower()
    named: dict[str, str] = {}
    for m in [*_TAKE_AWAY.finditer(lower), *_SAID_WRONG.finditer(lower)]:
        for name in _stored_named(msg, m["what"].strip(), known):
            named.setdefault(name, msg.text[m.start():m.end()].strip(" ,.;!?"))
    # ("not sure how the PT splits up": its parts are not known, not the PT's total)
    unsure = bool(_UNSURE_SAID.search(lower)) and not about_parts(lower)
    if unsure and (_CORRECTION.search(lower) or _RETRACTS.search(lower) or
                   len(lower.split()) <= 8):
        for fact in sel.asked_back:
            rule = msg.rules.get(fact)
            said = [u.words for u in sel.unread if rule and hits(u.words.lower(), rule.phrases)]
            if said and known.get(fact, _UNSEEN) not in (_UNSEEN, None):
                named.setdefault(fact, said[0])
    if not unsure:
        return named, []
    return {}, [FactReading(fact=n, value=None, words=w) for n, w in named.items()]


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
    olds = [n for m in _taken_back_in(msg.text.lower()) if (n := figure_in(m["not"])) is not None]
    def number(value: Any) -> list[float]:
        return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", str(value))[:1]]

    return bool(olds) and any(v is _UNSEEN or any(n in olds for n in number(v))
                              for v in known.values())


def _same(value: Any, olds: list[float]) -> bool:
    try:
        return any(abs(float(value) - old) < 0.01 for old in olds)
    except (TypeError, ValueError):
        return False


_OWN_FIGURE = re.compile(
    r"(?:^|[;,.]\s*|\s[-–—]+\s*|\b(?:but|and|while|whereas)\s+)"
    r"(?P<own>(?:hers|his|theirs|her own|his own|their own|(?:the )?(?:patient|pt)'?s(?: own)?)"
    r"(?P<what>(?:\s+(?!is\b|was\b|at\b|of\b)[a-z][a-z-]*){0,3}?)\s*(?:is|was|=|:|-|at|of)?\s*"
    r"(?:a\s+|only\s+|about\s+|around\s+|just\s+)?(?P<n>\d{1,3}(?:\.\d)?)"
    r"(?P<ten>\s*(?:/|out of)\s*10)?)\b[\s.!]*(?=$|[;,])")
"""The patient's own figure set against another person's said just before it ("that 8/10
was her husband's score; hers is 6/10", "... her mother's back pain is 9/10; her own is 8",
"... his wife reported; his own chest pain is 4/10")."""


def own_figures(msg: _Message, unread: list[Unread]) -> tuple[list[FactReading], list[Unread]]:
    """The patient's own figure said right after another person's of the same measure (see
    ``_OWN_FIGURE``): it is the patient's value of that measure, and its words are no
    "could not read" (session 30's chat kept a pain of 8 that the nurse said was the
    husband's, while "hers is 6/10" went unread). The measure is the one the words name,
    or the other person's figure's ("8/10" is the pain score); where neither names one,
    or another person was not named before it, nothing is read. What was left unread of
    the other person's words says whose they are."""
    lower = msg.text.lower()
    others = [m.trigger[0] for m in (msg.context.modifiers if msg.context else [])
              if m.category == "other"]
    readings: list[FactReading] = []
    for found in _OWN_FIGURE.finditer(lower) if others else ():
        reading = _own_reading(msg, lower[:found.start("own")], found, others)
        if reading is None:
            continue
        own = msg.text[found.start("own"):found.end("own")]
        readings.append(replace_words(reading, own))
        figure = lower[found.start("n"):found.end("own")]
        start = max(lower.rfind(x, 0, found.start("own")) for x in (". ", "\n")) + 1
        rest = msg.text[start:found.start("own")].strip(" ;,.-–—\n")
        unread = [u for u in unread if figure not in u.words.lower() and
                  not _overlap(u.words, own)]
        unread = [Unread(u.words, _SOMEONE_ELSES) if rest and _overlap(rest, u.words) and (
            not u.why or u.why.startswith(("which", "several"))) else u for u in unread]
        if rest and not any(_overlap(rest, u.words) for u in unread):
            unread.append(Unread(rest, _SOMEONE_ELSES))
    return readings, unread


_SOMEONE_ELSES = "it is about someone other than the patient"


def _overlap(a: str, b: str) -> bool:
    """One of the two words holds the other."""
    return a.lower() in b.lower() or b.lower() in a.lower()


def replace_words(r: FactReading, words: str) -> FactReading:
    """``r`` with the user's own words (as typed) for it."""
    return FactReading(fact=r.fact, value=r.value, words=words.strip())


def _own_reading(msg: _Message, before: str, found: re.Match[str], others: list[int]
                 ) -> FactReading | None:
    """The reading of the own figure ``found`` whose message, up to it, is ``before``."""
    if not any(o < len(before) for o in others):
        return None
    other = before[max(0, max(o for o in others if o < len(before)) - 80):]
    name = _measure_named(msg, found["what"]) or _measure_named(msg, other)
    if name is None and (found["ten"] or re.search(r"\d\s*(?:/|out of)\s*10\b", other)):
        scores = [n for n, s in msg.specs.items() if s.unit == "points"
                  and n in msg.rules and msg.rules[n].current]
        name = scores[0] if len(scores) == 1 else None
    if name is None or not re.search(r"\d", other):
        return None
    if msg.specs[name].unit != "points":
        # a measure with a scale the bare figure does not carry ("WBC 16.2 (his sister's),
        # his own 6.2" is 6,200 cells/uL, stored as 6.2): asked, as before session 31
        return None
    raw = f"{float(found['n']):g}"
    if _check(name, msg.specs[name], raw, msg.as_of) is not None:
        return None
    return FactReading(fact=name, value=raw, words=found["own"])


def _measure_named(msg: _Message, words: str) -> str | None:
    """The one number fact whose phrases ``words`` hold."""
    named = {n for n, s in msg.specs.items() if s.type == "number" and n in msg.rules and
             hits(words, msg.rules[n].phrases)}
    return named.pop() if len(named) == 1 else None

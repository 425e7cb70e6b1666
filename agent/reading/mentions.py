"""Where a message mentions each fact: its reading rules' phrases found in the clauses,
and the mentions a denial, an exclusion or an unreadable part blocks.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from agent.reading.context import alternation, form_part, study_indications
from agent.reading.context import rules as context_rules
from agent.reading.facts import (
    Mention,
)
from agent.reading.message import _DENIED_BEFORE, _GROUPS, _Message
from agent.reading.rules import ReadingRule
from agent.reading.text import (
    ABBREVIATED,
    Occurrences,
    hits,
    prefixed,
)
from policies.model import FactSpec


def _clause_index(found: list, pos: int) -> int | None:  # noqa: ANN001
    i = bisect_right(found, pos, key=lambda c: c.start) - 1
    return i if i >= 0 and pos < found[i].end else None


def _kinds(spec: FactSpec, rule: ReadingRule) -> list[tuple[tuple[str, ...], str]]:
    # An onset word that is also a plain phrase ("onset ~1 year ago") reads as an onset.
    kinds = [(rule.onset, "onset")] if spec.type == "number" and rule.onset else []
    kinds += [(rule.phrases, "plain"), (rule.vague, "vague")]
    if spec.type == "boolean":
        kinds += [(rule.opposite, "opposite"), (rule.affirm_only, "positive_only")]
    if spec.type == "number" and rule.decrease:
        kinds.append((rule.decrease, "decrease"))
    if spec.type == "number" and rule.counts:
        kinds.append((rule.counts, "count"))
    if spec.type == "set":
        kinds.append((rule.none, "none"))
    if spec.type in ("boolean", "number") and rule.cued:
        kinds.append((rule.cued, "cued"))
    if spec.type == "boolean" and (rule.filed or rule.filed_by):
        kinds.append((rule.filed + rule.filed_by, "filed"))
    if spec.type == "boolean" and rule.by_writer:
        kinds.append((rule.by_writer, "writers"))
    for value, phrases in rule.named.items():
        kinds.append((phrases, f"named:{value}"))
    return kinds


def _joined_hits(occ: Occurrences, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where ``phrases`` occur, two phrases of the fact that overlap being one mention:
    "6 wks ther ex/stretching" is "ther ex" and "ex/stretching" at once (taken apart,
    "ther" stood between the 6 weeks and the exercise, and the figures shifted)."""
    out = []
    every = [span for p in occ.present(phrases) for span in occ.spans(p)]
    for a, b in occ.hits(phrases):
        for x, y in every:
            if x < b and a < y:
                a, b = min(a, x), max(b, y)
        out.append((a, b))
    return out


_OUT_OF_TEN = re.compile(r"[^\d\n;]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?\b[^\d\n;]*)*"
                         r"(?:10|[0-9](?:\.5)?)\s*(?:/\s*10\b|out of (?:10|ten)\b)")
"""The first figure after a phrase, past any dates, on a 0-10 scale ("11/30/26 records 6/10",
": 7 out of 10"); not one after another figure ("Scale 31, NRS 7/10")."""
_OUT_OF_TEN_BEFORE = re.compile(r"(?<![\d/])(?:10|[0-9](?:\.5)?)\s*(?:/\s*10|out of (?:10|ten))\b"
                                r"[^\d\n;]{0,20}\Z")
"""A 0-10 figure right before a phrase ("7/10 at pain clinic 11/18/26")."""


_DAY_ANSWERS = re.compile(r"[ \t]*\?[ \t]*(?:(?:a|answer)[ \t]*:[ \t]*)?"
                          r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b")
"""A question's answer on its line that is a day ("Onset of symptoms? 02/03/2026")."""


def _fact_mentions(msg: _Message, found: list, readable: set[int], name: str  # noqa: ANN001
                   ) -> list[Mention]:
    spec, rule = msg.specs[name], msg.rules[name]
    excluded = _exclusion(msg, found, rule)
    if name in context_rules().remeasured:
        excluded |= _in_indications(msg, found)
    by_clause: dict[int, list[tuple[int, int, str]]] = {}
    for phrases, kind in _kinds(spec, rule):
        for a, b in _joined_hits(msg.occ, phrases):
            i = _clause_index(found, a)
            # (a record said on file stands where a referral is named beside it)
            # (an onset asked as a form's question is read where its answer, a day, follows
            # on its line: "Onset of sciatica? 06/01/2026", "Q: Onset of symptoms? A: 02/03/2026")
            if i is not None and (i in readable or kind == "onset" and
                                  _DAY_ANSWERS.match(msg.lower, found[i].end)) \
                    and (i not in excluded or kind == "filed") and b <= found[i].end:
                if prefixed(msg.lower, a, rule.prefixed_not):
                    continue  # "pre-dialysis", "post-pneumonia cough": another word
                if kind == "plain" and form_part(msg.lower, a, b):
                    kind = "vague"
                elif kind == "vague" and "/10" in rule.cues and \
                        (_OUT_OF_TEN.match(msg.lower, b, found[i].end) or
                         _OUT_OF_TEN_BEFORE.search(msg.lower, max(found[i].start, a - 40), a)):
                    # "pain clinic 11/30/26 records 6/10", "7/10 at pain clinic": a score on
                    # its scale is one, whatever "pain" names ("Pain clinic 3" is 3 visits)
                    kind = "plain"
                if rule.authors_not and not hits(msg.lower[a:b], rule.cues) and \
                        _by_another(msg.lower, a, b, rule.authors_not):
                    continue  # (a phrase naming its specialty is theirs: "primary care
                    # sports medicine consultation" is a sports physician's)
                by_clause.setdefault(i, []).append((a, b, kind))
    if spec.type == "boolean":
        for i, a, b in _pattern_hits(msg, found, rule.opposite_patterns):
            if i in readable and i not in excluded:
                by_clause.setdefault(i, []).append((a, b, "opposite"))
    out = []
    for i, spans in by_clause.items():
        # Longest first across kinds: "normal gait" (opposite) wins over "gait" inside it.
        kept: list[tuple[int, int, str]] = []
        for a, b, kind in sorted(spans, key=lambda h: h[0] - h[1]):
            if not any(x < b and a < y for x, y, _ in kept):
                kept.append((a, b, kind))
        out += [Mention(name, spec, rule, found[i], a, b, kind) for a, b, kind in kept]
    return out


def _pattern_hits(msg: _Message, found: list, patterns: tuple[str, ...]  # noqa: ANN001
                  ) -> list[tuple[int, int, int]]:
    """Where ``patterns`` match, each inside one clause: (clause index, start, end)."""
    out = []
    for pattern in patterns:
        for x in re.finditer(pattern, msg.lower):
            i = _clause_index(found, x.start())
            if i is not None and x.end() <= found[i].end:
                out.append((i, x.start(), x.end()))
    return out


def _in_indications(msg: _Message, found: list) -> set[int | None]:  # noqa: ANN001
    """The clauses an imaging report header's indication field overlaps: a figure there
    is the one of the study's order, not of now (``study_indications``)."""
    spans = study_indications(msg.lower)
    return {j for j, c in enumerate(found) for a, b in spans if c.start < b and a < c.end}


def _by_another(lower: str, a: int, b: int, makers: tuple[str, ...]) -> bool:
    """The phrase's own words name its maker as one the fact's record is never by
    (``authors_not``): right before it, possessive, bracketed or with a few words of its
    own noun phrase between ("GP consultation note", "her family doctor's recent consult
    report", "Dr Obi (GP) consult letter"), or after it by "from", "of" or "by" ("the
    consultation note from her family physician"). A comma, a stop or "and" ends the noun
    phrase: "GP and ortho consult notes" keeps the ortho consult."""
    who = alternation(makers)
    before = re.search(rf"(?<![\w'])(?:{who})(?:'s|s'|\))?[ \t]+"
                       rf"(?:{_OWN_WORDS}[ \t]+){{0,2}}\Z", lower[max(0, a - 80):a])
    # (or in the next cell of a table's row, its bar a comma by now with the cell's padding
    # before it: "04/11/28 | Consult Report | PCP (Dr. Liang) - chronic LBP", fresh38's
    # media tab read a specialist's consult on file)
    after = re.match(rf"(?:[ \t]+(?:from|of|by|written[ \t]+by)[ \t]+|[ \t]+,[ \t]*|[ \t]*\|[ \t]*)"
                     rf"(?:(?:the|her|his|their|its|a|an|our|my|pt's|patient's)[ \t]+)?"
                     rf"(?:{who})(?![\w'])", lower[b:b + 80])
    # (or in the cell after it, or its bracket: a table's or a list's maker column,
    # "04/11/28 | Consult Report | PCP (Dr. Liang)", "consult report (GP)"; f38 mediatab
    # read the PCP's report as a specialist's)
    # (a bar is a comma or a semicolon after a space by now: "Consult Report  ; PCP")
    cell = re.match(rf"(?:[ \t]*[|(]|[ \t]+[,;]|\t|[ \t]{{2,}}|[ \t]+[-–—][ \t]|:)[ \t]*"
                    rf"(?:(?:the|her|his|their|a|an)[ \t]+)?(?:{who})(?![\w'])", lower[b:b + 80])
    return before is not None or after is not None or cell is not None


_OWN_WORDS = ("(?:the|her|his|their|its|a|an|our|initial|first|recent|latest|last|new|most|"
              "formal|follow-up|dated|signed|typed|written|own|full|original|outpatient|"
              "office|clinic)")
"""Words that may stand between a record's maker and its name inside one noun phrase."""


_CHANGED_TO = re.compile(r"(?:->|→|=>|>>|\bthen\b|\b(?:placed|started|put)\s+on\b)")


def _changed_after(msg: _Message, found: list, rule: ReadingRule, at: int) -> bool:  # noqa: ANN001
    """The excluding word names what came after a change the clause records, past an arrow,
    "then" or "placed on", with the fact's own cue before it ("SpO2 87% on room air ->
    now 4 L NC"): the reading before the change is the one the cue names, still read."""
    i = _clause_index(found, at)
    if i is None or not rule.cues:
        return False
    head = msg.lower[found[i].start:at]
    change = list(_CHANGED_TO.finditer(head))
    return bool(change) and bool(hits(head[:change[-1].start()], rule.cues)) and \
        re.search(r"\d", head[:change[-1].start()]) is not None


def _exclusion(msg: _Message, found: list, rule: ReadingRule) -> set[int | None]:  # noqa: ANN001
    """The clauses an ``exclude`` word stops the fact in (see ``exclude_scope``)."""
    if rule.exclude_message and msg.occ.hits(rule.exclude_message):
        return set(range(len(found)))  # "no consensus": a finding the text disputes
    # Where the rule says so, an excluding word that is itself denied ("no supplemental
    # O2") excludes nothing.
    excluded = {_clause_index(found, a) for a, _b in msg.occ.hits(rule.exclude)
                if (rule.exclude_denied or not _DENIED_BEFORE.search(msg.lower[max(0, a - 14):a]))
                and not _changed_after(msg, found, rule, a)}
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
        lo, hi = _sentence_around(msg.lower, a)
        excluded |= {j for j, c in enumerate(found) if lo < c.start < hi}
    for a, _b in msg.occ.hits(rule.exclude_undated) if rule.exclude_undated else []:
        excluded |= _undated_together(msg, found, a)
    return excluded


def _undated_together(msg: _Message, found: list, at: int) -> set[int]:  # noqa: ANN001
    """The clauses of the sentence a word saying several things failed together is in
    (and of the sentence before, where the word opens its own: "Treatments tried:
    ibuprofen, cortisone shot on 9/1/26. None of them worked."), where the sentence
    holds one date and no word putting the things in order; else none."""
    i = _clause_index(found, at)
    if i is None:
        return set()
    here = {j for j, c in enumerate(found) if c.sentence == found[i].sentence}
    first = min(here)
    if first > 0 and not msg.lower[found[first].start:at].strip(" \t\n-–—:;,"):
        here |= {j for j, c in enumerate(found) if c.sentence == found[first - 1].sentence}
    lo, hi = found[min(here)].start, found[max(here)].end
    if len(_DATED.findall(msg.lower, lo, hi)) > 1 or _IN_ORDER.search(msg.lower, lo, hi):
        return set()
    return here


_IN_ORDER = re.compile(r"\b(?:then|followed by|after that|afterwards|subsequently|later|"
                       r"last|latest|most recent|final)\b")
"""Words that put failed treatments in order: the dated one may be the last."""

_DATED = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}/(?:19|20)\d{2}\b|"
                    r"\b(?:19|20)\d{2}(?:-\d{2}){0,2}\b")
"""A day, a month or a year: the treatment it stands beside is dated."""


def _sentence_around(lower: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``at``: the stop before it, the one after. An
    abbreviation's full stop ends no sentence ("Ortho consult 10/20/2026 (Dr. Lee) -
    cancelled": the cancelling is the consult's)."""
    lo = at
    while (lo := max(lower.rfind(x, 0, lo) for x in ".!?\n")) >= 0 and _abbreviation(lower, lo):
        pass
    hi = at
    while True:
        hi = min([e for e in (lower.find(x, hi) for x in ".!?\n") if e >= 0] + [len(lower)])
        if hi == len(lower) or not _abbreviation(lower, hi):
            return lo, hi
        hi += 1


_ABBREVIATION_END = re.compile(rf"(?:{ABBREVIATED.pattern})\Z")


def _abbreviation(lower: str, stop: int) -> bool:
    """The full stop at ``stop`` ends an abbreviation ("Dr.", "approx.")."""
    return lower[stop] == "." and _ABBREVIATION_END.search(lower, max(0, stop - 7), stop + 1) \
        is not None


_NOW_ONLY = re.compile(r"[ \t]+(?:now|today|currently|at present|presently)")
"""A now-word after a phrase two facts share: it says the thing is so now, for both."""


def _blocked(mentions: list[Mention], lower: str) -> list[Mention]:
    """A longer phrase of another fact of the same kind wins ("baseline pain" is not
    "pain"; "pain for 5 months" is not a pain score). ``mentions`` are sorted by start.
    Not where the longer one is the shorter one's very words and a now-word ("10 months
    of low back pain now": "low back pain now" is a pain score's phrase, and the low back
    pain is still the symptom 10 months long)."""
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
                    (o.end - o.start) > (m.end - m.start) and \
                    not (o.start == m.start and _NOW_ONLY.fullmatch(lower, m.end, o.end)) and \
                    not _same_noun_other_unit(m, o):
                covered = True
                break
        if not covered:
            out.append(m)
    return out


def _same_noun_other_unit(m: Mention, o: Mention) -> bool:
    """The longer phrase only says more of where the same noun is ("lower back pain" a
    pain score's, "back pain" the symptoms'): both end on the same word and count in other
    units, so the figure's unit says whose it is ("lower back pain of 14 months' duration"
    is no score, and the symptoms' length was never read; fresh28)."""
    # (not a count's: "two courses of physical therapy" names the courses, and a length
    # after it is each one's or the first's, no total of the therapy)
    return m.end == o.end and m.spec.unit != o.spec.unit and "courses" not in (
        m.spec.unit, o.spec.unit)


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
    out += _repeat_mentions(msg, found, readable, out)
    return _blocked(sorted(out, key=lambda m: (m.start, m.fact)), msg.lower)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BOUND_SAID = re.compile(r"^[^\d]{0,12}(?:[<>≤≥]|\b(?:greater|more|less|fewer|higher|lower) than\b|"
                         r"\b(?:above|below|over|under)\b)")


def _labels_named(lower: str, a: int, b: int, labels: tuple[str, ...]) -> bool:
    """A measure's label between ``a`` and ``b``, not a figure's unit right after it ("9.2
    K" is a white count's thousands, no potassium)."""
    return any(not re.search(r"\d[ \t]*\Z", lower[max(0, a + x - 3):a + x])
               for x, _y in hits(lower[a:b], labels))


def _repeat_mentions(msg: _Message, found: list, readable: set[int],  # noqa: ANN001
                     mentions: list[Mention]) -> list[Mention]:
    """A word saying a measure was taken again, with a figure after it in a clause that
    names no measure ("WBC 16.9 K on 07/10; repeat 07/14: 9.2 K", "Recheck 12/02: 8.7"):
    a mention of the measure named last before it in its paragraph, where that is one
    measured again and again (``remeasured``). Left unmentioned, the repeat's figure was
    unread and the first one read as now (a white count over 15,000 a repeat had
    replaced: fresh38, fresh34)."""
    words = tuple(context_rules().repeat_words)
    again = set(context_rules().remeasured)
    if not words or not again:
        return []
    numbers = sorted((m for m in mentions if m.spec.type == "number"), key=lambda m: m.start)
    labels = tuple(context_rules().measure_labels)
    out = []
    for a, b in msg.occ.hits(words):
        i = _clause_index(found, a)
        if i is None or i not in readable or not re.search(r"\d", msg.lower[b:found[i].end]):
            continue
        clause = found[i]
        # (a clause naming its measure reads it as ever: "Repeat CBC 12/04: WBC 9.2 K";
        # one naming another measure is that one's: "repeat 12/04 PFT: FEV1 62%")
        if any(m.clause is clause for m in numbers) or \
                _labels_named(msg.lower, b, clause.end, labels):
            continue
        before = [m for m in numbers if m.end <= a]
        if not before or before[-1].fact not in again or before[-1].kind != "plain":
            continue
        last = before[-1]
        gap = msg.lower[last.end:a]
        if _BLANK_LINE.search(gap) or _labels_named(msg.lower, last.end, a, labels) or \
                _BOUND_SAID.search(gap):
            continue  # (another paragraph, or another measure named since; a figure said
            # as a bound, "WBC >15 per the outside lab, repeat here 9.1", is no value the
            # repeat replaces: asked, as before)
        out.append(Mention(last.fact, last.spec, last.rule, clause, a, b, "plain"))
    return out

"""One reading per fact from its candidates: the latest date, the stated total, the
current value, or nothing (asked) when candidates conflict or the context doubts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from agent.reading import areas
from agent.reading.context import adjacent_negation
from agent.reading.context import rules as context_rules
from agent.reading.courses import (
    SPOKEN_BREAK,
    all_lengths,
    breakdown,
    counts_said,
    course_places,
    each_course_length,
    in_weeks,
    later_places,
    split_into_parts,
    whole_before_part,
)
from agent.reading.durations import bare, in_sequence, listed, more_after
from agent.reading.durations import outcome as durations_outcome
from agent.reading.facts import (
    TOTAL,
    Candidate,
    another_measures,
    care_denied_before,
    heading_class,
    said_earlier,
    still_going,
    summed_up,
)
from agent.reading.mentions import _clause_index
from agent.reading.message import _Message, _Span
from agent.reading.model import FactReading, Unread
from agent.reading.retractions import said_correct
from agent.reading.rules import ReadingRule, fact_specs, reading_rules
from agent.reading.sequences import sequential_run, total_of
from agent.reading.supersede import superseded
from agent.reading.text import (
    CONTRAST,
    dated_times,
    hits,
    sentence_spans,
)
from agent.reading.values import (
    Quantity,
    compatible,
    dates_in,
    mask_dates,
    quantities,
    safe_date,
)
from policies.cachedir import fixed_patterns
from policies.errors import FactError
from policies.facts import parse_value
from policies.model import FactSpec


def _all_denied(rule: ReadingRule, absent: set[str], doubted: bool = False,
                screened: bool = False) -> bool:
    """Every choice of a set but "other" denied, one by one: the set is empty; so is a
    denial of any other ("no diabetes, kidney, heart or other severe disease", "no
    other medical conditions"), unless a member named is left asked ("Hypertension. No
    other medical conditions": is the hypertension severe?); and so is a ``screened``
    list (``_screened``)."""
    denied = absent | {c for a in absent for c in rule.includes.get(a, ())}
    return bool(absent) and (set(rule.choices) - {"other"} <= denied or
                             screened and not doubted or
                             "other" in denied and not doubted)


_UNTICKED_BEFORE = re.compile(r"(?:\[[ \t]*\]|\([ \t]*\)|☐)[ \t]*\Z")
"""An empty box right before a member: a form nobody ticked says nothing of it."""
_AN_EPISODE_OF_IT = re.compile(r"[ \t]*(?:exac|exacerbations?|flares?|flare-ups?|admissions?|"
                               r"hospitali[sz]ations?)\b")
"""A member's word naming an episode of it ("COPD exac requiring admission: no"): denied,
the episode is, not the condition."""


_MILD_NAMED = re.compile(r"\b(?:mild(?:ly)?|(?<!poorly )(?<!not )(?<!un)(?<!in)controlled|"
                         r"well[- ]controlled|diet[- ]controlled|under (?:good )?control|"
                         r"stable|well[- ]managed|non-?severe|not severe)\b")
"""A condition said to be there but not severe ("HTN - controlled on amlodipine", "DM
stable", "mild CKD")."""
_REMARK_END = re.compile(r"[.;](?!\d)|\n(?![ \t])|\n[ \t]*\n")
"""Where a remark after a condition ends: a stop, or a line not indented under it (a
wrapped remark, "HTN, DM -\n    both noted 'controlled'", goes on)."""


def _named_mild(msg: _Message, members: tuple[str, ...]) -> bool:
    """A member named anywhere with a mildness said right at it, before it on its clause
    or after it to the end of its remark ("HTN - controlled" in a copied PMH, "HTN, DM -
    both noted 'controlled'" after a coded row's legend): the condition is there, only
    not called severe, so a screen of denials beside it is no "none" (conditions32's two
    false facts)."""
    for a, b in msg.occ.hits(members):
        end = _REMARK_END.search(msg.lower, b, b + 70)
        after = msg.lower[b:end.start() if end else b + 70]
        before = re.split(r"[.;,\n(]", msg.lower[max(0, a - 25):a])[-1]
        if _MILD_NAMED.search(after) or _MILD_NAMED.search(before):
            return True
    return False


def _screened(msg: _Message, rule: ReadingRule, group: list[Candidate]) -> bool:
    """Members of a set denied outright, the rule's ``screen`` number of different ones,
    are the list gone through ("no DM, no heart dz, no kidney or liver dz"): not where a
    member is only said not severe ("HTN - controlled"; the writer lists the conditions
    there, and whether the rest is all is asked), nor denied by an empty box or as an
    episode of it."""
    if not rule.screen or any(c.mild for c in group):
        return False
    denied = {v for c in group if c.absent and
              not _UNTICKED_BEFORE.search(msg.lower, max(0, c.span[0] - 6), c.span[0]) and
              not _AN_EPISODE_OF_IT.match(msg.lower, c.span[1]) for v in c.absent}
    # (a member named elsewhere and not denied there, "HTN - controlled" in a copied PMH,
    # "HTN, DM" after a code's legend: whether it is severe is open, so is the list)
    members = tuple(w for ws in rule.choices.values() for w in ws)
    spans = [c.span for c in group]
    # (not a member named only as the thing some care was denied for: "No CVD, no ESRD, no
    # COPD, never admitted for COPD" is the list gone through; tester35 M4 asked it)
    named = any(not any(x <= a < y for x, y in spans) and not care_denied_before(msg.lower, a)
                for a, _b in msg.occ.hits(members))
    return not named and len(denied - {"other"}) >= rule.screen and \
        not _named_mild(msg, members)


def _narrowest(rule: ReadingRule, positives: list[str]) -> list[str]:
    """The members read without one that includes another read (``includes``): "ESRD;
    nephrologist: severe renal disease" is one condition named twice, the end-stage kidney
    disease, not it and a kidney disease besides (phrase36b read both, a list of two)."""
    broader = {k for k, narrower in rule.includes.items()
               if k in positives and set(narrower) & set(positives)}
    return [p for p in positives if p not in broader]


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
    listed: dict[str, tuple[frozenset[str], Unread]] = field(default_factory=dict)
    """Set facts asked "is that the whole list?": the members the message named, and the
    question (a list named again that the stored one already holds asks nothing)."""
    denied: dict[str, tuple[frozenset[str], str]] = field(default_factory=dict)
    """Set facts the message only denies members of ("she has no hypertension"): the
    members denied, and the words (a stored list holding them loses them)."""
    unsettled: set[str] = field(default_factory=set)
    """Of those, facts read from words that a mention left open ("diabetes": is it
    severe?), not a list that may be whole: the same words cannot also answer their
    question. (A figure or a date is an answer of its own: "PFTs were done 9/3/26, I
    don't know the FEV1".)"""


def _left_unread(sel: _Selection, c: Candidate) -> None:
    """A mention left unread is asked about, and its fact asked back, unless it was only
    listed as a thing to check (``Candidate.topic``): that doubts no answer given before."""
    sel.unread.append(c.unread)  # type: ignore[arg-type]
    if not c.topic:
        sel.asked_back.append(c.fact)


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
                 doubted: set[str], figured: frozenset[str] = frozenset()) -> None:
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.fact, []).append(c)
    for name, group in groups.items():
        positives = _narrowest(msg.rules[name], sorted(
            {v for c in group if isinstance(c.value, list) for v in c.value}))
        absent = {v for c in group for v in c.absent}
        stated = [c for c in group if not c.absent]
        if not stated and not _all_denied(msg.rules[name], absent, name in doubted,
                                          _screened(msg, msg.rules[name], group)):
            # only denials: "no diabetes or heart disease" is not "none"; a member said
            # mild ("she does have diabetes, well controlled") is no answer to the list
            mild = [c for c in group if c.mild]
            # the words that denied members ("No diabetes, HTN, bleeding disorder") name
            # no member as present either: no bare "HTN" in them answers the question
            # (outside tester 32 F1: the chat stored Hypertension; check --text nothing)
            sel.unsettled.add(name)
            sel.denied[name] = (frozenset(absent), _words(msg.text, [c.span for c in group]))
            if mild:
                sel.unread.append(Unread(
                    _words(msg.text, [c.span for c in mild]),
                    f"not severe, as said; any other {msg.specs[name].label.lower()}?"))
            elif not msg.pasted:
                # "he is not diabetic" typed alone: taken in, and what is still open said
                # (outside tester 18 C6: the reply said nothing had changed)
                said = dict.fromkeys(msg.text[_clause_start(msg, c.span[0]):][
                    :len(_clause_text(msg, c.span[0]))].strip(" ,;.") for c in group)
                sel.unread.append(Unread(
                    "; ".join(said), f"ruled out, as said; {_any_other(msg.specs[name])}"))
            continue
        unsure = any(c.value is None for c in stated)
        value: object = None if unsure and not positives else positives
        if value == [] and name in figured:
            # "Comorbidities: none significant. DM2 (A1c 9.8), CKD 3b.": a member named
            # beside the "none" with a figure of its own (a lab value, a stage) is asked
            # whether it is severe, so the "none" settles nothing (outside tester session
            # 10 F23: read none); "HTN, well controlled" beside it is the writer's "none"
            continue
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
            sel.listed[name] = (frozenset(positives), sel.unread[-1])
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
    return choices <= set(positives) or bool(_ONLY_THESE.search(words.lower()))


_ONLY_THESE = re.compile(
    r"\b(?:only|alone|just|solely)\b(?![ \t]+(?:~[ \t]*|about[ \t]+|for[ \t]+|lasted[ \t]+)?"
    r"(?:\d|a few\b|a couple\b|once\b|twice\b|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|half)\b|partly\b|partially\b|part\b|started\b|begun\b|began\b))")
"""A word that makes the members named the whole list ("PT and meloxicam only"), not one
that makes a figure or a course small ("PT was only 4 wks", "went just twice", "only
partly done": the list may go on; a chat's correction read the kinds it named as all)."""


_LATER_NO_YEAR = re.compile(r"\b(?:repeated|repeat|again|redone|re-done)\s+(?:on\s+)?"
                            r"\d{1,2}/\d{1,2}(?![/\d])")


def _select_dates(msg: _Message, cands: list[Candidate], sel: _Selection,
                  opened: dict[str, date]) -> None:
    """Several dates for one fact: the most recent is the one the policy asks about; where
    a note of a later day is still open (``opened``: '"H&P update", "2026-12-09", "status":
    "draft - unsigned"'), which is the latest done is asked."""
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
        if problem is None and name in opened and dated and \
                opened[name] > max(best.dates):
            problem = "a later one is not signed yet: is it done?"
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
        value = str(max(len(_courses_named(msg, side, group)) for side in (inside, outside)))
        if (other := _uncounted(msg, name, group)) is not None:
            # "- Meloxicam x 10 wks -- fail\ned / - Medrol dosepak -- no benefit": another
            # item of the same list with no verdict read may be a failed course too.
            sel.unread.append(Unread(_words(msg.text, [c.span for c in group] + [other]),
                                     f"{msg.specs[name].label.lower()}: is that all of them?"))
            sel.asked_back.append(name)
            taken.add(name)
            continue
        if (said := _count_said(msg, group)) is not None and int(said[0]) > int(value):
            # "NSAIDs x3 trials failed", "That's 2 lots of tablets that did nothing": the
            # writer's own count is more than the items named (phrase31a read 1): asked
            sel.unread.append(Unread(_words(msg.text, [c.span for c in group] + [said[1]]),
                                     f"{msg.specs[name].label.lower()}: how many in all?"))
            sel.asked_back.append(name)
            taken.add(name)
            continue
        if _check(name, msg.specs[name], value, msg.as_of) is None:
            sel.readings.append(FactReading(fact=name, value=value,  # type: ignore[arg-type]
                                            words=_words(msg.text, [c.span for c in group])))
            sel.used.extend(c.span for c in group)  # the items are taken: no answers
            taken.add(name)


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4,
          "5": 5, "6": 6}
_COUNT_OF_MEDS = re.compile(
    r"(?<![\d/.,])\b(?P<n>[2-6]|two|three|four|five|six)\s+(?:(?:lots|courses|kinds|types|"
    r"rounds|trials|sorts)\s+of\s+|different\s+|separate\s+)?(?:tablets|pills|meds|"
    r"medications|medicines|drugs|nsaids?|anti-?inflammatories|painkillers|pain killers)\b|"
    # (a class's own count after it: "NSAIDs x3 trials", "NSAIDs x 2 - failed"; not a dose's
    # or a length's "x3 daily", "x 3 wks")
    r"\b(?:nsaids?|meds|medications|anti-?inflammatories|muscle relaxants|oral steroids)"
    r"\s*[x×]\s*(?P<x>[2-6])\b(?!\s*(?:/|wks?\b|weeks?|mos?\b|months?|days?|d\b|yrs?|"
    r"years?|daily|a day|per day|times|tid|bid|qd))")
"""The writer's own count of medications tried ("3 meds", "2 lots of tablets", "NSAIDs x3
trials")."""
_COUNT_OUTCOME = re.compile(r"\b(?:fail\w*|did nothing|didn'?t (?:help|work|do anything)|"
                            r"did not (?:help|work)|no (?:relief|benefit|help|improvement)|"
                            r"ineffective|not effective|without (?:relief|benefit|effect)|"
                            r"neither|none of)")


def _count_said(msg: _Message, group: list[Candidate]) -> tuple[str, tuple[int, int]] | None:
    """A count of medications tried that failed, said in the paragraph of the counted
    items (to a blank line), its sentence saying how they went: the figure and its span."""
    lo = max(msg.text.rfind("\n\n", 0, min(c.span[0] for c in group)), 0)
    hi = msg.text.find("\n\n", max(c.span[1] for c in group))
    for m in _COUNT_OF_MEDS.finditer(msg.lower, lo, len(msg.lower) if hi < 0 else hi):
        i = _sentence_of(msg, m.start())
        a, b = sentence_spans(msg.found)[i] if i is not None else m.span()
        if _COUNT_OUTCOME.search(msg.lower, a, b) and \
                adjacent_negation(msg.lower, m.start(), m.end(), b) is None:
            return str(_SMALL[m["n"] or m["x"]]), m.span()
    return None


def _courses_named(msg: _Message, side: list[Candidate], group: list[Candidate]) -> set[str]:
    """The distinct courses the counted items of ``side`` name: one drug named twice is
    one course, and so is a drug class counted where one of its own drugs is counted too
    (a worksheet's "naproxen 500 bid x 8 wk FAILED" and, lines later, "failed conservative
    tx: yes (NSAID x1)": the class is the drug again, seen from further off)."""
    names = {msg.lower[a:b] for a, b in (c.span for c in side)}
    drugs = {msg.lower[a:b] for a, b in (c.span for c in group)}
    for classes, members in context_rules().drug_classes.items():
        if drugs & set(members):
            names -= set(classes.split("|"))
    return names


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
        head = heading_class(msg.lower, (a, b), lo, msg.rules[name].counts)
        if head is not None and any(c.span == head for c in group):
            continue  # "NSAID course: YES - ibuprofen": the class counted is this drug's
        end = msg.text.find("\n", b)
        said = msg.lower[b:len(msg.lower) if end < 0 else end]
        later = msg.occ.hits(msg.rules[name].counts, b, b + len(said))
        said = said[:later[0][0] - b] if later else said  # to the next item on the line
        # "Cyclobenzaprine stopped for drowsiness. Nothing has helped; conservative care
        # has failed.": a sentence about all of the care says nothing of this item.
        said = said[:summary.start()] if (summary := _SUMMARY.search(said)) else said
        # "Gabapentin 300 TID current, helps some. PT x2 courses no relief.": an item its
        # own sentence calls helping or still taken is no failed course, whatever the next
        # sentence says of another thing (fresh23's portal box)
        own = said[:stop.start()] if (stop := _NEXT_SENTENCE.search(said)) else said
        if still_going(own):
            continue
        if later and stop is not None and _HEADS_NEXT.fullmatch(said, stop.end()):
            # "acetaminophen 1 g TID. Failed: ibuprofen 800 x 6 wk": the verdict that
            # opens the next sentence heads the next item, no word on this one's ("wait,
            # she also failed celecoxib" says the one before failed too)
            said = own
        if (_OUTCOME_SAID.search(said) or _listed_after(msg, group, a)) and \
                adjacent_negation(msg.lower, a, b, min(len(msg.lower), b + 40)) is None:
            return a, b
    return None


def _listed_after(msg: _Message, group: list[Candidate], a: int) -> bool:
    """The item at ``a`` is named later in the sentence of a counted one whose failure is
    said before it ("failed ibuprofen 800 mg three times daily and, later, a
    methylprednisolone dose pack": f7): the verb that counted the first may take it too.
    Not where the verdict follows the counted one ("naproxen (failed) | duloxetine 30 mg
    daily": a drug still taken), nor past a line's end or a table's bar."""
    where = _sentence_of(msg, a)
    if where is None:
        return False
    lo = sentence_spans(msg.found)[where][0]
    return any(c.span[1] <= a and _sentence_of(msg, c.span[0]) == where and
               _FAILED.search(msg.lower, lo, c.span[0]) is not None and
               not re.search(r"[|\n]", msg.lower[c.span[1]:a]) for c in group)


_FAILED = re.compile(r"\bfail(?:ed|ure of|s)?\b")


_SUMMARY = re.compile(r"[.;]\s+(?=(?:nothing|none of|overall|all of (?:it|them)|"
                      r"conservative (?:care|treatment|tx|management|therapy))\b)")
"""The start of a sentence about all the care tried, not one item of it."""
_NEXT_SENTENCE = re.compile(r"(?<!\bdr)(?<!\bno)(?<!\bvs)\.\s+(?=[a-z(])")
"""A full stop and the next sentence on the line ("... helps some. PT x2 courses ...")."""
_HEADS_NEXT = re.compile(r"(?:(?!\b(?:also|too|as well|either)\b)[^:])*?\b(?:failed|tried|"
                         r"ineffective)\s*:?\s*")
"""A sentence that opens with a verdict heading the item after it ("Failed: ibuprofen"),
without a word that carries it back to the item before ("also failed")."""
_OUTCOME_SAID = re.compile(r"\b(?:fail\w*|ineffective|not effective|no (?:lasting |sustained )?"
                           r"(?:relief|benefit|improvement|help)|without|did not help|"
                           r"didn'?t help|unchanged|no change|"
                           # a relief of some days, no more said ("dose pack -- relief for
                           # 3 days"): it may have been a failure, so the count is asked
                           r"(?:relief|helped|better) for (?:\d+|a|an|one|two|three|a few) "
                           r"(?:hours?|days?|weeks?))"
                           r"(?!\w)")
"""Words after an item on its line that say how it went, where no failure was read
("-- fail\ned", "d/c 06/2026, ineffective" in the next clause): asked. A drug stopped
(for nausea, say) is not a failed course: "stopped" alone is not such a word."""


_NOW = re.compile(r"^\s*(?:\(?\s*)?(?:today|now|currently|this morning|this am|on recheck today|"
                  r"at present|current|at today'?s (?:visit|appointment|encounter)|at this visit)"
                  r"\b(?!\s*[:=]?\s*\d)")
"""A figure said to be now ("T 38.6 (today)"); "NRS >= 4 (today 6/10)": the today is 6's."""


_SINCE_A_TIME = re.compile(r"^\s*(?:\(\s*)?since\s+(?:about\s+|around\s+|~\s*)?"
                          r"(?:\d{1,2}:?\d{2}\s*(?:h|hrs?|hours?|am|pm)?|\d{1,2}\s*(?:am|pm)|"
                          r"midnight|noon|this morning|last night|overnight|yesterday|"
                          r"the last (?:hour|shift|check)|(?:the )?last (?:hour|shift|check))\b"
                          r"(?!\s*(?:[-–/]|to|until|till)\s*\d)")
"""A figure said to hold since an hour of today ("FiO2 70% since 0100 - was 50% at
midnight", "on 6 L since 2 pm"): it still holds, so it is the one now; a span to a later
hour ("since 0100 to 0300") is not."""


_THRESHOLD = re.compile(r"(?<![-=])(?:>=?|<=?|≥|≤)\s*$")
"""A criterion's threshold ("NRS >= 4 (today 6/10)"), not a reading; "->" is a trend."""


_NOW_RIGHT_BEFORE = re.compile(r"(?:^|[,;/(]|\b(?:and|but|is|are))[ \t]*"
                               r"\b(?:now|today|currently|at present|presently|this (?:morning|am))"
                               r"[ \t]*(?:(?:is|at|of)[ \t]+|[:=-][ \t]*)?$")
"""A now-word right before a figure, opening its part of the sentence ("WBC 12.8 on
admission, now 16.4", "admit 12.8 / today 16.4", "and is now 17.3"): nothing but "is",
"at" or a colon between them; not after another measure's name ("PHQ-9 today 6")."""


_RECHECKED_RIGHT_BEFORE = re.compile(
    r"\b(?:re-?check(?:ed)?|repeat(?:ed)?|re-?taken|retook(?:[ \t]+it)?|re-?measured)"
    r"(?:[ \t]+(?:temp|temperature|t|it|at|was|is|oral|orally|rectal|rectally|axillary|"
    # (a lab or a saturation named again: "first sample clotted, repeat WBC 13.4")
    r"tympanic|temporal|core|wbc|wcc|white count|cbc|sat|sats|spo2|sp02))*[ \t]*[:=]?[ \t]*$")
"""A figure measured again ("T 37.9 oral, rechecked 38.6", "I retook it rectally: 100.6 F"):
the later reading is the one now (a fact asked as the highest keeps its own rule)."""


def _highest_of_rechecks(msg: _Message, chunk: str, spec: FactSpec, rule: ReadingRule,
                         own: set[int]) -> tuple[str, int, int] | None:
    """A figure asked as the highest recent reading, measured again in the sentence ("Temp
    38.0 C at 2200, rechecked 37.6 C at 2215", "38.3 axillary, rectal recheck 38.9"): both
    are recent readings, and the highest is the one the question asks for."""
    found = [(compatible(spec, q, rule.fraction), q.start, q.end) for q in quantities(chunk)
             if q.start in own]
    found = [f for f in found if f[0] is not None and _distinct(msg, spec, {f[0]})]
    if len(found) < 2 or not any(_RECHECKED_RIGHT_BEFORE.search(chunk[max(0, a - 40):a])
                                 for _v, a, _b in found[1:]):
        return None
    values = {v for v, _a, _b in found}
    return next((f for f in found if _highest(msg, spec, f[0], values)), None)


def _marked_current(chunk: str, spec: FactSpec, rule: ReadingRule, own: set[int]
                    ) -> tuple[str, int, int] | None:
    """The one figure in ``chunk`` followed by "today" / "now", or right after one, if
    exactly one is. A now-word before a figure marks it only among ``own`` (where the
    fact's values start): "PHQ-9 today 6" beside a pain score is another measure's."""
    marked = [(compatible(spec, q, rule.fraction), q.start, q.end) for q in quantities(chunk)
              if _NOW.match(chunk[q.end:q.end + 20]) or _SINCE_A_TIME.match(chunk[q.end:q.end + 40])
              or
              q.start in own and (
                  _NOW_RIGHT_BEFORE.search(chunk[max(0, q.start - 24):q.start]) or
                  not rule.now_if_highest and
                  _RECHECKED_RIGHT_BEFORE.search(chunk[max(0, q.start - 40):q.start]))]
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
    if label and label.group(1) in _BEING:
        # "and is 16.4 today" is no label; "saturation is 90%" is the saturation's
        before = chunk[max(0, start - 10 - len(label.group(0))):start - len(label.group(0))]
        label = re.search(r"([a-z][a-z0-9]*)\s*[:=]?\s*$", before)
    return bool(label) and label.group(1) not in _NOT_LABELS and label.group(1) not in own


_BEING = ("is", "are", "were", "remains", "stays")
"""Verbs between a figure and its name ("saturation is 90%"): the word before them says
whose figure it is."""


def _historical(msg: _Message, a: int, b: int) -> bool:
    """"NRS today (0-10): 06 (NRS 9 in April at the ED - historical)": a figure said to be
    of the past competes with no current one."""
    return msg.context is not None and "historical" in msg.context.at(a, b)


def _label_words(rule: ReadingRule) -> tuple[str, ...]:
    """For a figure of several sites (``several: message``), the last words of the fact's
    own phrases: "Pain 8/10 (abdominal), chest pain 3/10" gives two pain scores, not a
    pain score and another measure's figure. So for any reading of now: "WBC 9.9 ... WBC
    16.2" (a log's two entries run together) is two white counts, which is asked (a fact
    asked as the highest recent reading weighs every one of them itself)."""
    return tuple({p.split()[-1] for p in rule.phrases if p}) \
        if rule.several == "message" or rule.current and not rule.now_if_highest else ()


def _site_score(chunk: str, q: Quantity, rule: ReadingRule) -> bool:
    """A figure on the score's own scale after a word of a fact of several sites ("Pain:
    neck 2/10, low back 7/10"): the pain at another site, not another measure's figure
    (outside tester session 10 F20: the neck's 2/10 was taken alone)."""
    if rule.several != "message" or _ON_SCALE.match(chunk, q.start) is None:
        return False
    label = re.search(r"([a-z][a-z0-9-]*)\s*[:=]?\s*$", chunk[max(0, q.start - 12):q.start])
    return label is not None and label.group(1) in _site_words()


_ON_SCALE = re.compile(r"\d+(?:\.\d+)?\s*(?:/\s*10\b|out of 10)")


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    """The last words of the body areas' names (``body_areas`` in ``context.yaml``): "low
    back 7/10" is a site's score; "at worst 9/10", "migraine 8/10" are not."""
    return frozenset(w.split()[-1] for words in context_rules().body_areas.values()
                     for w in words) | {"back"}


_NOT_LABELS = ("and", "or", "then", "to", "now", "was", "today", "currently", "morning", "am",
               "pm", "tonight", "overnight", "recheck", "at",
               # where on the body a temperature was taken names no other measure ("38.3 C
               # axillary -> rectal 38.9 C", "repeat oral 101.2"): the same one again
               "rectal", "rectally", "oral", "orally", "axillary", "axilla", "tympanic",
               "temporal", "core", "bladder", "recheck", "rechecked", "repeat", "retake",
               "retaken", "repeated",
               # a figure's estimate or its article says how it was said, not which other
               # measure ("6/10 at the end of a double and about 3/10 on her days off": two
               # scores, fresh38 read the first; an article stays a label: "a 5-a-side")
               "about", "around", "approx", "approximately", "roughly", "nearly", "almost",
               "like", "circa", "ca",
               "only", "just", "still", "back", "up", "down", "hits", "reaches", "gets")
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
        rivals = _rival_figures(msg, chunk, sentence, reading, mine, sel)
        values = {compatible(spec, q, rule.fraction) for q in rivals}
        values |= {r.value for r in [reading]}
        values = _distinct(msg, spec, values)
        # (a figure whose circumstance the rule sets apart, past a wrapped line's end, is
        # not made now by a now-word: "SpO2 89% on room air, now 94%\non a 28% Venturi")
        own = {q.start for q in rivals if not hits(msg.lower[
            sentence.start + q.end:sentence.start + q.end + 30], rule.exclude)}
        own |= {c.quantity[0] - sentence.start for c in mine if c.value == reading.value}
        now = _marked_current(chunk, spec, rule, own)
        if now is None and not rule.now_if_highest:
            now = _one_not_before(msg, chunk, spec, rule, rivals, [
                c for c in mine if c.value == reading.value and c.quantity is not None and
                sentence.start <= c.quantity[0] < sentence.end], sentence.start)
        if now is not None and (rule.now_if_highest and not _highest(msg, spec, now[0], values)
                                or hits(chunk, rule.conditions)):
            # "T 38.6 on 10/20, 37.0 today": the highest recent one is asked for; "Pain
            # 3/10 now (7/10 pre-procedure)": now is the procedure's effect
            now = None
        top = _marked_highest(chunk, spec, rule)
        if now is None and top is not None and _highest(msg, spec, top[0], values) and \
                not _dated_before(msg, chunk, top[2]):
            now = top  # "Tmax 101.2F overnight, now 99.1F": the highest, said to be so
        if now is None and rule.now_if_highest:
            now = _highest_of_rechecks(msg, chunk, spec, rule, own)
        if now is None and (last := _trend_last(chunk, spec, rule)) is not None and (
                not rule.now_if_highest or _highest(msg, spec, last[0], values)):
            # "WBC 16.9k -> 14.1k -> 11.0k": the last; a figure asked as the highest, only
            # where the last is the highest too ("38.3 C axillary -> rectal 38.9 C")
            now = last
        if now is not None and _unnamed_share(msg, chunk, reading.fact, now):
            now = None
        _settle_several(msg, sel, reading, sentence, values, now)


def _one_not_before(msg: _Message, chunk: str, spec: FactSpec, rule: ReadingRule,
                    rivals: list[Quantity], own: list[Candidate], base: int
                    ) -> tuple[str, int, int] | None:
    """The reading's own figure, where every other value in its sentence is said to be an
    earlier one and it is not: it is now. (Not for a fact asked as the highest recent
    reading: an earlier fever is still asked.)"""
    def earlier(start: int) -> bool:
        return said_earlier(chunk[max(0, start - 20):start])

    others = [q for q in rivals if (v := compatible(spec, q, rule.fraction)) is not None and
              _distinct(msg, spec, {v, own[0].value}) != _distinct(msg, spec, {own[0].value})] \
        if own else []
    if not others or not all(earlier(q.start) for q in others):
        return None
    mine = own[-1].quantity
    if mine is None or earlier(mine[0] - base):
        return None
    return str(own[-1].value), mine[0] - base, mine[1] - base


_SETTING_CHANGED = re.compile(r"\b(?:weaned|titrated|increased|decreased|reduced|turned|"
                              r"dropped|raised|lowered|changed|bumped|went|gone|set)\b")
"""Words of a setting changed ("weaned to 40%", "titrated up to 50%"): the figure after
them is the setting's, not another measure's."""


def _unnamed_share(msg: _Message, chunk: str, fact: str, now: tuple[str, int, int]) -> bool:
    """The figure said to be now is a percentage its own words do not name, in a message
    that names another measure in percent: "oxygen with the mask of Venturi 35%, now is
    94%" after "the saturation in the air of the room is 89%" (fresh23) is the
    saturation on the mask, not its FiO2; which is current is asked."""
    spec, rule = msg.specs[fact], msg.rules[fact]
    if spec.unit != "%":
        return False
    # (its own words: those after the figure before it, "..., now FiO2 40%")
    own = re.split(r"\d%?", chunk[max(0, now[1] - 30):now[1]])[-1]
    if hits(own, rule.phrases + rule.cued) or _SETTING_CHANGED.search(own):
        return False  # "FiO2 50% overnight, now FiO2 40%", "weaned to 40%": named
    specs = {**fact_specs(None), **fact_specs(msg.cpt)}
    rules = {**reading_rules(None), **reading_rules(msg.cpt)}
    others = tuple(p for name, other in rules.items()
                   if name != fact and specs.get(name) is not None and specs[name].unit == "%"
                   for p in other.phrases + other.cued)
    return bool(msg.occ.hits(others))


_GUESSED_BEFORE = re.compile(r"\b(?:maybe|probably|possibly|perhaps|i think|i guess)"
                             r"[ \t]+(?:an?[ \t]+)?$")
"""Words that guess the figure right after them."""


def _tied_to_one_activity(chunk: str, q: Quantity, rule: ReadingRule) -> bool:
    """A figure the words right after it tie to one activity or one dose ("5/10 at rest,
    8 with overhead reach", "spikes to 8 when lifting"): no rival of the patient's score."""
    tied = hits(chunk[q.end:q.end + 30], rule.ask_after) if rule.ask_after else []
    return bool(tied) and not re.search(r"\d", chunk[q.end:q.end + tied[0][0]])


def _rival_figures(msg: _Message, chunk: str, sentence: _Span, reading: FactReading,
                   mine: list[Candidate], sel: _Selection) -> list[Quantity]:
    """The figures of ``chunk`` (the reading's sentence) that may be other values of the
    reading's fact: not another measure's, a threshold, a reference range, someone
    else's or the past's, nor a figure another reading took."""
    rule, spec = msg.rules[reading.fact], msg.specs[reading.fact]
    # a figure under a word naming the highest reading ("T 37.6 C (Tmax 37.8)") is no
    # other measure
    others = tuple(set(_other_number_phrases(msg.cpt, reading.fact)) - set(rule.phrases))
    first = min(c.span[0] for c in mine) - sentence.start
    # where the reading's own figure ends (a candidate's span ends with its figure)
    own = max((c.span[1] for c in mine if c.value == reading.value),
              default=first + sentence.start) - sentence.start
    # (a time a day dates is when, never a value: "12/05 0815: WBC 10.4 K")
    times = {a for a, _b in dated_times(chunk)}
    return [q for q in quantities(chunk)
            if compatible(spec, q, rule.fraction) is not None and q.start not in times and
            not _clause_before(chunk, q.end, first) and
            not (_labelled(chunk, q.start, rule.highest + _label_words(rule)) and
                 not _site_score(chunk, q, rule)) and
            q.hi is None and
            not _named_after(chunk, q, others) and
            not another_measures(chunk, q.start, rule.phrases) and
            not _taken_on(chunk, q.end, sentence.start,
                           [c for c in mine if c.value == reading.value]) and
            chunk[q.start - 1:q.start] != "^" and  # "x10^3/uL": a unit's exponent
            not _THRESHOLD.search(chunk[max(0, q.start - 4):q.start]) and
            # ("SpO2 92% RA, nadir 84% overnight": a trend's low is no reading of now)
            not summed_up(spec, rule, chunk[max(0, q.start - 20):q.start]) and
            not _REFERENCE.search(chunk[max(0, q.start - 30):q.start]) and
            not hits(chunk[max(0, q.start - 30):q.end + 30], rule.exclude) and
            # (only after the reading's own figure: one tied before it leaves the reading
            # one of two activities' scores, "NRS 7 on stairs 5 at rest", "6 when walking
            # and 3 sitting": asked)
            not (q.start >= own and _tied_to_one_activity(chunk, q, rule)) and
            # (a figure guessed beside it is no rival: "Pain today: 6 (on a good day maybe
            # a 3)"; one said with an estimate is: "6/10 at work and about 3/10 at home")
            not _GUESSED_BEFORE.search(chunk, max(0, q.start - 24), q.start) and
            not _said_of_another(msg, sentence.start + q.start, sentence.start + q.end)
            and not _historical(msg, sentence.start + q.start, sentence.start + q.end)
            and not any(a <= sentence.start + q.start < b for a, b in sel.used
                        if (a, b) not in [c.quantity for c in mine])]


def _any_other(spec: FactSpec) -> str:
    """"is there any other active infection, or none?"; a set's label is a plural: "are
    there any other severe comorbidities, or none?" (outside tester 18 M13's reply read
    "is there any other severe comorbidities")."""
    verb = "are there" if spec.type == "set" else "is there"
    return f"{verb} any other {spec.label.lower()}, or none?"


def _settle_several(msg: _Message, sel: _Selection, reading: FactReading, sentence: _Span,
                    values: set[object], now: tuple[str, int, int] | None) -> None:
    """With several values in the sentence, the one said to be now is read; with none
    said so, the fact is asked."""
    spec = msg.specs[reading.fact]
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
        # A typed reply's figures are asked first next: "use 5" answers it (outside tester
        # 18 C4: it was asked after three other questions, so the reply naming one of the
        # values was read as none). A pasted note's are asked in their turn: a note decided
        # without them stays decided.
        if not msg.pasted:
            sel.asked_back.append(reading.fact)


def _clause_before(chunk: str, end: int, first: int) -> bool:
    """A figure in a clause of its own before the fact is first named ("38.6 this am,
    wbc 12.4"): another thing's (here the temperature asked about), not the fact's."""
    return end <= first and "," in chunk[end:first]


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


def _other_site(msg: _Message, sel: _Selection) -> None:
    """A reading of the procedure's own site (rule key ``site_bound``) whose words another
    body area qualifies ("Pain 3/10 (tooth)" for physical therapy, "4 bitewing X-rays",
    "ankle pain 6/10" for a chest CT) is not the procedure's: asked. (Checked once one
    reading is chosen, so that such a figure still makes a rival of another site's: "Knee
    pain 8/10; LBP 3/10" is asked, `several`.)"""
    for reading in list(sel.readings):
        rule, chosen = msg.rules.get(reading.fact), sel.chosen.get(reading.fact)
        at = msg.text.find(reading.words) if reading.words else -1
        if rule is None or not rule.sites or (chosen is None and at < 0):
            continue
        # (a date's reading keeps no chosen candidate: its words say where it is)
        span = (chosen.shown or chosen.span) if chosen is not None else \
            (at, at + len(reading.words))
        area = (chosen is not None and areas.elsewhere(msg.lower, *span, rule.sites)) or \
            areas.other_side(msg.lower, *span) or \
            (msg.specs[reading.fact].type == "date" and areas.apart_from_request(msg.lower, *span))
        if area:
            sel.readings.remove(reading)
            sel.dates.pop(reading.fact, None)  # (nor are its days counted as sets)
            sel.unread.append(Unread(reading.words, f"is that of the {area}, not the area "
                                     "this request is for?"))
        elif (limb := _sides_apart(msg, reading, span)) is not None:
            sel.readings.remove(reading)
            sel.dates.pop(reading.fact, None)
            sel.unread.append(Unread(reading.words, f"studies of the right and the left "
                                     f"{limb}: which side is this request for, and what "
                                     "are its own?"))


def _sides_apart(msg: _Message, reading: FactReading, span: tuple[int, int]) -> str | None:
    """The limb a study's date or its count of sets (``dates_of``) is read beside, named
    with each side in its sentence: which side's studies they are is asked."""
    rule = msg.rules[reading.fact]
    if msg.specs[reading.fact].type != "date" and not rule.dates_of:
        return None
    return areas.both_sides(msg.lower, *span)


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
        # Figures on the scale itself ("2/10", a saturation's "93%"): a bare number near
        # "pain" may be another's.
        mine = [c for c in ready if c.fact == reading.fact and (
            spec.type == "choice" or c.quantity is not None and not c.total and
            _SCALE.search(msg.lower[c.quantity[0]:c.quantity[1]]) or
            spec.unit == "%" and c.quantity is not None and
            "%" in msg.lower[c.quantity[0]:c.quantity[1]])]
        values = _distinct(msg, spec, {c.value for c in mine})
        nows = [c for c in mine if _now_of_figure(msg.lower, c)]
        if len(values) > 1 and len(nows) == 1:
            sel.readings[sel.readings.index(reading)] = FactReading(
                fact=reading.fact, value=nows[0].value,  # type: ignore[arg-type]
                words=_words(msg.text, [nows[0].span]))
        elif len(values) > 1 and (len({_sentence_of(msg, c.span[0]) for c in mine}) > 1 or
                                  _scored_apart(msg, spec, mine)):
            sel.readings.remove(reading)
            words = _words(msg.text, [c.span for c in mine])
            sel.unread.append(Unread(words[:120], f"several values; which "
                                     f"{spec.label.lower()} is the one this request is for?"))


_PAST_BETWEEN = re.compile(r"\b(?:was|were|had been|from|previously|initially|earlier|before)\b"
                           r"|\(|\d")
"""Words between a now-word and a figure that give the figure another time ("7/10 today
(was 8/10 at initial exam)": the today is the 7's)."""


def _now_of_figure(lower: str, c: Candidate) -> bool:
    """A now-word in the candidate's words is its own figure's: after the figure, or before
    it with no past word, bracket or other figure between ("Pain today 6/10"; not the 8
    of "LBP, 7/10 today (was 8/10": fresh16)."""
    for m in _NOW_WORD.finditer(lower, c.span[0], c.span[1]):
        if c.quantity is None or m.start() >= c.quantity[1] or \
                not _PAST_BETWEEN.search(mask_dates(lower[m.end():c.quantity[0]])):
            return True
    return False


def _highest_across(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A figure asked as the highest recent reading (rule key ``now_if_highest``) with
    other values in other sentences or rows ("Temp 37.2 this morning. Tmax 38.6
    overnight."; a flowsheet's "T 37.0" at 0600 and "T 38.4" at 1400): the first one
    said is no answer, the highest is (a figure a week old or more is no candidate,
    ``lasts_days``). Where a lower one is said to be now ("38.5 on Monday. Temp today
    36.9"), which one is meant is asked, as in one sentence."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or not rule.now_if_highest or spec is None or spec.type != "number":
            continue
        mine = [c for c in ready if c.fact == reading.fact and c.quantity is not None
                and not c.total and not c.denial and _distinct(msg, spec, {c.value})]
        values = _distinct(msg, spec, {c.value for c in mine})
        if len(values) < 2 or len({(_sentence_of(msg, c.quantity[0]),  # type: ignore[index]
                                    msg.text.count("\n", 0, c.quantity[0])) for c in mine}) < 2:
            continue
        top = [c for c in mine if _highest(msg, spec, c.value, values)]  # type: ignore[arg-type]
        now = [c for c in mine if _NOW.match(msg.lower[c.quantity[1]:c.quantity[1] + 20]) or  # type: ignore[index]
               _NOW_BEFORE.search(msg.lower[max(0, c.quantity[0] - 24):c.quantity[0]])]  # type: ignore[index]
        # ("Tmax 38.6 overnight. Temp now 37.2.": the one named the highest is the answer)
        named = [c for c in top if hits(msg.lower[c.span[0]:c.quantity[0]], rule.highest)]  # type: ignore[index]
        if not named:
            now += _last_day_figures(msg, mine, top)
        index = sel.readings.index(reading)
        if named or all(c in top for c in now):
            top = named or top
            best = min(top, key=lambda c: (c.distance, c.span[1] - c.span[0]))
            sel.readings[index] = FactReading(fact=reading.fact, value=best.value,  # type: ignore[arg-type]
                                              words=_words(msg.text, [best.span]))
            continue
        sel.readings.pop(index)
        sel.unread.append(Unread(_words(msg.text, [c.span for c in mine])[:120],
                                 f"several values; which is the {spec.label.lower()} "
                                 f"(the highest recent reading)?"))


_ROW_DAY = 12
"""How far into its line a row's own day may start ("12/01  T 38.4", "Tue 12/1 - temp")."""


def _row_day(msg: _Message, c: Candidate) -> date | None:
    """The day a figure's row starts with, if any (a date some other words of the line give,
    "since 04/06/2026 ... Temp 37.8 C this am", is not the figure's)."""
    start = msg.text.rfind("\n", 0, c.quantity[0]) + 1  # type: ignore[index]
    line = msg.text[start:c.quantity[0]]  # type: ignore[index]
    days = [(d, a) for d, (a, _) in dates_in(line, msg.as_of) if d is not None]
    days += [(d, m.start()) for m in _MONTH_DAY.finditer(line)
             if (d := safe_date(msg.as_of.year, int(m["m"]), int(m["d"]))) is not None]
    first = min(days, key=lambda x: x[1], default=None)
    return first[0] if first and first[1] <= _ROW_DAY else None


def _last_day_figures(msg: _Message, mine: list[Candidate], top: list[Candidate]
                      ) -> list[Candidate]:
    """The figures of a trend's last day, where the highest figures are rows dated more
    than two days before it ("12/01  T 38.4" ... "12/05  T 36.9"): the fever is no longer
    the recent highest, the last day's reading is now, as "today" would make it (outside
    tester 33 F6: the first row's fever had been read as now). A higher figure a day or two
    before the last (a 24-hour series, a diary's night before) stays the recent highest."""
    days = {id(c): d for c in mine if (d := _row_day(msg, c)) is not None}
    if len(set(days.values())) < 2 or not all(id(c) in days for c in top):
        return []
    latest = max(days.values())
    if any((latest - days[id(c)]).days <= 2 for c in top):
        return []
    return [c for c in mine if days.get(id(c)) == latest]


def _scored_apart(msg: _Message, spec: FactSpec, mine: list[Candidate]) -> bool:
    """Choices named in clauses of one sentence that each give a score ("Pain: neck 2/10,
    low back 7/10", "Pain 7/10 in the knee, 2/10 in the back"): two sites, each with its
    own pain, not one site and where it goes (outside tester session 10 F20)."""
    clauses = {_clause_index(msg.found, c.span[0]) for c in mine}
    return spec.type == "choice" and len(clauses) > 1 and None not in clauses and all(
        _SCALE.search(msg.lower, msg.found[i].start, msg.found[i].end) for i in clauses)


_REPEATED = re.compile(r"\b(?:repeat|repeated|recheck|rechecked|redrawn|redraw|re-drawn|"
                       r"rerun|re-run)\b")


def _repeated_value(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A current figure measured again ("WBC 17.1 - correction, lab called back: first
    sample clotted, repeat WBC 13.4"): the repeat is the current one, where only one
    value is called a repeat (a figure asked as the highest keeps its own rule)."""
    for reading in list(sel.readings):
        rule, spec = msg.rules.get(reading.fact), msg.specs.get(reading.fact)
        if not rule or not rule.current or spec is None or spec.type != "number":
            continue
        mine = [c for c in ready if c.fact == reading.fact and c.quantity is not None]
        # (before its figure: "repeat 07/14: 9.2 K" is the repeat's own mention,
        # ``mentions._repeat_mentions``, and its span opens on the repeat word)
        later = [c for c in mine if _REPEATED.search(_clause_text(msg, c.quantity[0])[
            :c.quantity[0] - _clause_start(msg, c.quantity[0])])]
        values = _distinct(msg, spec, {c.value for c in mine})
        if (rule.now_if_highest or rule.highest) and not (
                len(later) == 1 and _highest(msg, spec, later[0].value, values)):
            continue  # a figure asked as the highest: the repeat only where it is the highest
        if len(values) > 1 and \
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
        # (a whole number with no unit is no temperature: "40 pack-yr smoking", "EF 50")
        others = [(q, compatible(spec, q, rule.fraction)) for q in quantities(msg.lower)
                  if not (mine and mine.quantity and q.start == mine.quantity[0]) and
                  (q.unit or q.explicit_degree or "." in q.text or "," in q.text)]
        values = {v for q, v in others if v is not None and (
            not _labelled(msg.lower, q.start) or _named_own(msg.lower, q.start, rule.highest))}
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


def _named_own(lower: str, start: int, own: list[str]) -> bool:
    """A figure named the fact's highest a few words back, no other figure or label between
    ("Tmax during stay 38.9 C on 11/28", a discharge summary beside the discharge vitals'
    "T 37.1 C", fresh23): a reading of the fact, though a word sits before it."""
    before = re.split(r"[\d;:\n,(]", lower[max(0, start - 40):start])[-1]
    return bool(hits(before, tuple(own)))


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
    # (the same reading in the other unit is no higher one: "T 38.6 °C (101.5 °F)" is
    # 38.61 C, a rounding's hundredths)
    return mine is not None and all(mine + _SAME_READING >= n for n in others)


_SAME_READING = 0.06
"""How far apart two figures of one reading may be once converted (a temperature given in
C and in F, each rounded to a tenth)."""


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


def _figure_taken_back(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"FEV1 82% predicted - correction: the tech recalculated ..., FEV1 is 76%", "pain 4,
    mri 10/2/26 - sorry, pain is 6": a figure of the same fact said after words that take
    the one read back (``_RETRACTS``), in the sentence of those words, holds; the first
    one of them after the retraction, never a later one (an older test further on)."""
    for index, reading in enumerate(sel.readings):
        if msg.specs[reading.fact].type != "number":
            continue
        mine = next((c for c in ready if c.fact == reading.fact and c.quantity is not None
                     and c.value == reading.value
                     and msg.text[slice(*(c.shown or c.span))].strip() == reading.words), None)
        if mine is None:
            continue
        after = sorted((c for c in ready if c.fact == reading.fact and c.quantity is not None
                        and c.span[0] >= mine.span[1] and not c.denial), key=lambda c: c.span[0])
        if not after or after[0].value == mine.value:
            continue
        back = _RETRACTS.search(msg.lower, mine.span[1], after[0].span[0])
        if back is None or _sentence_of(msg, back.start()) != _sentence_of(msg, after[0].span[0]):
            continue
        new = after[0]
        sel.chosen[reading.fact] = new
        sel.readings[index] = FactReading(fact=reading.fact, value=new.value,  # type: ignore[arg-type]
                                          words=msg.text[slice(*(new.shown or new.span))].strip())


def _said_correct(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """A value of a date or a number the text gives as the correct one ("Our request
    listed the lumbar MRI as 11/07/2026 ... The correct date of the MRI L-spine is
    10/07/2026", "Corrected: MRI date 08/28/2026", fresh16, fresh15) is read over the
    other value of the fact it corrects (the latest date would be the wrong one), where
    it is the only value so given."""
    for index, reading in enumerate(sel.readings):
        if msg.specs[reading.fact].type not in ("date", "number"):
            continue
        mine = [c for c in ready if c.fact == reading.fact and c.unread is None and
                not c.denial]
        if len({str(c.value) for c in mine}) < 2:
            continue
        sentences = sentence_spans(msg.found)
        given = [c for c in mine if (i := _sentence_of(msg, c.span[0])) is not None and
                 said_correct(msg.lower, sentences[i][0], c.span)]
        if len({str(c.value) for c in given}) != 1 or str(given[0].value) == str(reading.value):
            continue
        new = given[0]
        sel.chosen[reading.fact] = new
        sel.readings[index] = FactReading(fact=reading.fact, value=new.value,  # type: ignore[arg-type]
                                          words=msg.text[slice(*(new.shown or new.span))].strip())


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


_CURRENT_EPISODE = re.compile(r"\b(?:(?:current|this|present) (?:episode|flare)|recurred|"
                              r"recurrence|returned|came back|relapsed|flared again)\b")
"""Words that make another length the present episode's ("current episode 9 weeks";
"started 3 years ago, resolved, recurred 5 weeks ago": outside tester session 9 F12)."""


_ONGOING = re.compile(r"\b(?:chronic|long-?standing|lifelong|for years)\b")
"""A background that still goes on (not "similar ... that resolved": the episode's own
length then holds)."""


def _episode_of_chronic(msg: _Message, ready: list[Candidate], sel: _Selection) -> None:
    """"Chronic LBP since 2019; current flare x 4 weeks" (outside tester session 9 F11):
    the present episode's length read where the message names the symptoms as chronic
    or earlier with no length of their own; and "Symptoms started 3 years ago, resolved,
    recurred 5 weeks ago" (F12): the earlier onset read beside the present episode's;
    which the policy means is asked."""
    for reading in list(sel.readings):
        c = sel.chosen.get(reading.fact)
        rule = msg.rules.get(reading.fact)
        if c is None or rule is None or not rule.longest:
            continue
        if not _CURRENT_EPISODE.search(_clause_to(msg, c.span)):
            present = [o for o in ready if o.fact == reading.fact and o.value != c.value and
                       _CURRENT_EPISODE.search(msg.lower[o.span[0]:o.span[1]])]
            if present and _background(msg, c):
                sel.readings.remove(reading)
                sel.unread.append(Unread(_words(msg.text, [c.span, present[0].span]),
                                         f"several durations; which is the "
                                         f"{msg.specs[reading.fact].label.lower()}?"))
            continue
        for a, b in msg.occ.hits(rule.phrases):
            if c.span[0] <= a < c.span[1] or (i := _clause_index(msg.found, a)) is None:
                continue
            clause = msg.found[i]
            if _ONGOING.search(msg.lower, clause.start, clause.end):
                sel.readings.remove(reading)
                sel.unread.append(Unread(_words(msg.text, [(a, b), c.span]),
                                         f"a chronic condition and its present episode; which "
                                         f"is the {msg.specs[reading.fact].label.lower()}?"))
                break


def _clause_to(msg: _Message, span: tuple[int, int]) -> str:
    """The words of ``span`` with those before it in its clause ("this flare since
    09/01/2026" for the reading "since 09/01/2026": fresh16)."""
    index = _clause_index(msg.found, span[0])
    start = msg.found[index].start if index is not None else span[0]
    return msg.lower[min(start, span[0]):span[1]]


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


_RATE_THEN_LENGTH = re.compile(
    r"[\s:,-]*(?:(?:\d+\s*(?:x|times)|once|twice|thrice)\s*(?:/|per|a|each|every)?\s*"
    r"(?:weeks?|wks?|wk|weekly)\b)?[\s,]*(?:x|×|for|@)?\s*")


def _carried_on_after(msg: _Message, c: Candidate, mine: ReadingRule, gap: str) -> bool:
    """The care's own name right before its figure, at most how often between, and the next
    course one the patient carries on alone once the care ends (``continued_by``: "PT 2x/wk
    x 6 wks, then HEP x 6 wks"): the figure is the care's own. A next course the therapist
    may have given alongside ("ther-ex for 7 weeks, then traction and massage for 2 weeks")
    and a heading's figure taken from the first course of its list ("Conservative care:
    naproxen x 6 wks, then home exercises x 6 wks") stay asked."""
    if not mine.continued_by or c.quantity is None or c.span[0] >= c.quantity[0] or \
            not hits(gap, mine.continued_by):
        return False
    words = msg.lower[c.span[0]:c.quantity[0]]
    return any(a == 0 and _RATE_THEN_LENGTH.fullmatch(words, b) for a, b in
               hits(words, mine.phrases))


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
                          lambda gap, others=others + mine.parts_apart + mine.continued_by:
                          bool(hits(gap, others)),
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
        carried = _carried_on_after(msg, c, mine, chunk[c.quantity[1] - lo:nxt])
        what = "ask" if cut and in_sequence(chunk[run[0][0]:nxt] if run else chunk) and \
            not carried else \
            (durations_outcome(chunk) or ("ask" if bare(chunk, run) else None)) \
            if len(run) > 1 else None
        # (what goes on after a home program is the patient's own: "PT x 9 wks then HEP x 3
        # wks, still hurting" leaves the PT whole)
        if not (carried and what is None):
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


def _care_in_sequence(msg: _Message, sel: _Selection) -> None:
    """Courses of different kinds of care one after another with no word for the whole
    ("PT for 6 weeks, then naproxen plus gabapentin for 6 weeks"): the care lasted their
    sum (the fact whose rule says ``sums_care_in_sequence``), where nothing else gave its
    length (``sequences.py``)."""
    whole = next((f for f, r in msg.rules.items() if r.sums_care_in_sequence), None)
    spec = msg.specs.get(whole) if whole else None
    if whole is None or spec is None or any(r.fact == whole for r in sel.readings) or \
            msg.context is None:
        return
    spans = sentence_spans(msg.found)
    for n, (lo, hi) in spans.items():
        chunk = msg.lower[lo:hi]
        after = msg.lower[slice(*spans[n + 1])] if n + 1 in spans else ""
        run = sequential_run(chunk, spec, after)
        if not run or any(msg.context.at(lo + a, lo + b) & {"hypothetical", "other", "uncertain",
                                                             "historical", "negated"}
                          for a, b, _raw in run):
            continue
        start = max(msg.lower.rfind(ch, lo, lo + run[0][0]) for ch in ",(:") + 1
        if _asked_within(msg, sel, lo + run[0][0], lo + run[-1][1]):
            continue  # (the lengths already asked about: "Conservative care: naproxen x 6
            # wks, then home exercises x 6 wks" leaves the heading's whole unsaid)
        words = msg.text[max(lo, start):lo + run[-1][1]].strip()
        value = total_of(run, lambda raw: float(parse_value(whole, spec, raw, msg.as_of)))
        sel.readings.append(FactReading(fact=whole, value=value, words=words))
        return


_OF_A_LENGTH = re.compile(r"\b(?:duration|durations|how long|how much|figure|in all)\b")


def _asked_within(msg: _Message, sel: _Selection, a: int, b: int) -> bool:
    """A question of how long, which the selection already asks on words in ``[a, b)``
    (not another fact's question on them: "is that the whole list of kinds ...?")."""
    for u in sel.unread:
        at = msg.text.find(u.words) if _OF_A_LENGTH.search(u.why) and u.words else -1
        if at >= 0 and at < b and a < at + len(u.words):
            return True
    return False


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


@cache
@fixed_patterns
def _another_course_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A second course of the treatment ``phrases`` name (its reading rules' words)."""
    words = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"\b{_NEXT_COURSE}\s+{_COURSE}\s+of\s+(?:{words})\b|"
                      rf"\b{_NEXT_COURSE}\s+(?:{words})\s+{_COURSE}\b|"
                      rf"\b(?:{words})\s+{_COURSE}\s*#?\s*(?:2|two|ii)\b")


def _another_course(msg: _Message, fact: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where, outside ``span``, another course of the fact's treatment is named ("Second
    PT course 09/2026-11/2026 also failed", "a second course of PT")."""
    phrases = _course_phrases(msg, fact)
    if not phrases:
        return None
    for x in _another_course_re(phrases).finditer(msg.lower):
        if (x.end() <= span[0] or x.start() >= span[1]) and \
                not _NO_COURSE_BEFORE.search(msg.lower, max(0, x.start() - 20), x.start()) and \
                not _NO_COURSE_AFTER.match(msg.lower, x.end()):
            return x.span()
    return None


_BARE_NEXT_COURSE = re.compile(rf"\b{_NEXT_COURSE}\s+(?:course|block)\b(?!\s+of\b)"
                               r"(?![^.;\n]{0,30}\b(?:planned|will|would|if|recommended|"
                               r"requested|to start|pending approval)\b)")
"""A next course named bare ("PT: first course (6 wks exercise) finished 10/20/27; second
course started 11/3/27", fresh35 read the first course's exercise as all of it): the
course of the treatment its line names, not one only planned."""


def _bare_course_on_line(msg: _Message, fact: str, span: tuple[int, int]) -> bool:
    """Whether the line of ``span`` names the fact's treatment before it and a next
    course bare after it."""
    line_a = msg.lower.rfind("\n", 0, span[0]) + 1
    line_b = msg.lower.find("\n", span[1])
    line_b = len(msg.lower) if line_b < 0 else line_b
    # (a care's length only, not a symptom's: "Pain started 04/20/2025 ... a second course
    # of ..." is no course)
    cared = {rule.courses_of for rule in msg.rules.values() if rule.courses_of}
    whole = {name for name, rule in msg.rules.items() for i in rule.implies
             if i.holds("0") and fact in i.then}
    if not cared & ({fact} | whole):
        return False
    x = _BARE_NEXT_COURSE.search(msg.lower, span[1], line_b)
    # (denied farther back in its sentence: "He did not go back for a second course")
    # ("insurance denied a second course": a course refused is none)
    if x is None or re.search(r"\b(?:no|not|never|without|nor|didn'?t|won'?t|denied|declined|"
                              r"refused|rejected)\b[^.;,]*$",
                              msg.lower[max(span[1], x.start() - 40):x.start()]):
        return False
    return bool(hits(msg.lower[line_a:span[1]], _course_phrases(msg, fact))) \
        and not _NO_COURSE_BEFORE.search(msg.lower, max(0, x.start() - 20), x.start()) \
        and not _NO_COURSE_AFTER.match(msg.lower, x.end())


_NO_COURSE_BEFORE = re.compile(r"\b(?:(?:no|never|not|without|nor)\s+(?:(?:ever|yet|did|do|had|"
                               r"have|get|got|go|went|take|took|start|started|attend|"
                               r"attended)\s+)*"
                               r"(?:a\s+|any\s+)?|"
                               r"(?:this|that|it|which)\s+(?:was|is)\s+(?:her|his|the|their)?\s*)\Z")
"""(and "This was her second course of PT": the course described, not another one; "he
never did a second PT course": denied with its verb between, outside tester 27 F3)"""


_NO_COURSE_AFTER = re.compile(r"\s*(?:was|has|had|is)?\s*(?:never|not)\b")
"""Another course denied: "No second PT course was ever started", "a second PT course was
never done"."""


_OVER_ALL_COURSES = re.compile(r"\b(?:both|all|the two|all \w+)\s+(?:\w+\s+){0,2}?"
                               r"(?:courses|rounds|blocks|trials)\b|\btogether\b")
"""A figure said of every course at once ("Over both courses together: exercise 10 wks")."""


def _parts_of_totals(msg: _Message, sel: _Selection) -> set[int]:
    """Where the lengths start that make up a total read ("PT ... = 17 weeks total: 9 wk
    exercise, 4 wk manual therapy, 4 wk back school"): that total's parts."""
    lengths = all_lengths(msg.lower)
    out: set[int] = set()
    for reading in sel.readings:
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or not c.total or c.quantity is None or spec.unit != "weeks":
            continue
        q = next((x for x in lengths if x.start == c.quantity[0]), None)
        if q is not None:
            out |= breakdown(msg.lower, q, in_weeks(q), lengths)
    return out


def _one_course_of_more(msg: _Message, sel: _Selection) -> None:
    """"Completed 12 wks PT ... Second PT course 09/2026-11/2026 also failed": the length
    of one course, where another course of the same treatment is named without being
    added in, is not how long the treatment lasted in all: asked."""
    parts = _parts_of_totals(msg, sel)
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.total or spec.unit != "weeks" or str(c.value) == "0":
            continue
        if c.quantity is not None and c.quantity[0] in parts:
            continue  # ("= 17 weeks total: 9 wk exercise, 4 wk manual, ...": the parts of a
            # total that is read hold as it does)
        at = msg.text.find(reading.words)
        span = (at, at + len(reading.words)) if at >= 0 else c.span
        if TOTAL.search(msg.lower, span[0], span[1] + 20):
            continue
        i = _sentence_of(msg, span[0])
        lo, hi = sentence_spans(msg.found).get(i, span) if i is not None else span
        if _OVER_ALL_COURSES.search(msg.lower, lo, max(hi, span[1])):
            continue
        other = _more_done(msg.lower, span[1], max(hi, span[1])) or \
            AND_THE_NEXT.search(msg.lower, span[1], max(hi, span[1])) or \
            _another_course(msg, reading.fact, span) or \
            (span if _bare_course_on_line(msg, reading.fact, span) else None)
        if other is None:
            continue
        sel.readings.remove(reading)
        sel.unread.append(Unread(reading.words, "one course of several: how long in all?"))


_MORE_LENGTH = re.compile(
    r"\b(?:then|plus|followed by|and)\b[^.;\n]{0,40}?\b(?:\d{1,3}|[a-z]+)[ \t]+"
    r"(?:more|additional|further|extra)[ \t]+(?:weeks?|wks?|months?|mos?)\b")
"""A second length of the same care later in its sentence ("physio for 8 weeks over the
summer and then 6 more weeks in the fall"): the first is one stretch of it, not the whole."""


AND_THE_NEXT = re.compile(r"\b(?:and|then|plus)\s+(?:another\s+)?\d{1,3}\s+"
                          r"(?:(?:weeks?|wks?|months?)\s+)?(?:(?:at|in|with|from|for)\s+)?(?:the\s+)?"
                          r"(?:second|2nd|next|other|last|new)\b")
"""A second stretch counted by its place ("8 weeks the first time and 6 the second")."""


def _more_done(lower: str, start: int, end: int) -> bool:
    """Whether ``_MORE_LENGTH`` finds a second stretch already done between ``start`` and
    ``end``; one planned ("will do 4 more weeks if approved") adds nothing yet."""
    more = _MORE_LENGTH.search(lower, start, end)
    return more is not None and not re.search(
        r"\b(?:will|would|if|plan|planned|may|might|to do|recommend\w*)\b", more.group(0))


def _course_left_out(msg: _Message, sel: _Selection) -> None:
    """"PT 12 wks ... That was his second course - first was 6 wks in 2025", "VA PT 2025:
    6 wks (course 1) / VA PT 2026: 12 wks total -- ... (course 2)": a length read for a
    treatment counted in courses (some count fact's ``courses_of``) while the length of
    another course of it is left unread (an earlier course, "about the past", counts all
    the same: the policy's weeks are cumulative) is one course's, never the whole (fresh22
    read 12 weeks where 18 were done). Where the message counts its courses and that count
    is the number of lengths found, they add up; otherwise how long in all is asked."""
    lengths = all_lengths(msg.lower)
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.quantity is None or spec.unit != "weeks" or str(c.value) == "0" or \
                not any(r.courses_of == reading.fact and r.courses_named
                        for r in msg.rules.values()):
            continue  # (conservative care's courses are of several kinds, side by side)
        weeks = float(parse_value(reading.fact, spec, c.value, msg.as_of))
        a, b = c.quantity
        i = _sentence_of(msg, a)
        if i is not None and _OVER_ALL_COURSES.search(msg.lower, *sentence_spans(msg.found)[i]):
            continue  # "Across both courses PT totals 13 weeks": the whole, said so
        covered = breakdown(msg.lower, Quantity(a, b, weeks, None, "weeks", ""), weeks, lengths)
        # (the figures other readings stand on; not those of readings since set aside, "7 wks
        # supervised ex/stretch / 6 wk supervised ex/stretch" asked as the exercise's)
        taken = [x.quantity for r in sel.readings if r.fact != reading.fact and
                 (x := sel.chosen.get(r.fact)) is not None and x.quantity is not None]
        # (an earlier e-mail quoted under the reply tells of the same courses again: "6 wks
        # in spring and 8 wks at Core Rehab, so 14 wks total ... > PT: 8 weeks at Core Rehab")
        quoted = _QUOTED_LINE.match(msg.lower, msg.lower.rfind("\n", 0, a) + 1) is not None
        others = [q for q in lengths if not a <= q.start < b and q.start not in covered and
                  (quoted or not _QUOTED_LINE.match(msg.lower,
                                                    msg.lower.rfind("\n", 0, q.start) + 1)) and
                  not any(x < q.end and q.start < y for x, y in taken) and
                  _other_course_length(msg, reading.fact, q, weeks)]
        if c.total or TOTAL.match(msg.lower[b:b + 20].lstrip(" ,(")) or _split_into_parts(msg, c):
            # "PT 12 weeks in all; the second course was 6 weeks": a total holds the
            # courses, unless its own line sets it apart as one of them ("12 wks total --
            # ... (course 2)" under "6 wks ... (course 1)"); so does a length its parts
            # add up to ("12 wks PT = 6 wks ex, 3 wks manual, 3 wks ed")
            line_a, line_b = msg.lower.rfind("\n", 0, a) + 1, msg.lower.find("\n", b)
            line_b = len(msg.lower) if line_b < 0 else line_b
            if not course_places(msg.lower[line_a:line_b]) or \
                    len(set(course_places(msg.lower[line_a:a])) - {0}) >= 2:
                # ("course 1 6/2026-8/2026 and course 2 10/2026-12/2026, 14 wk in all":
                # the total comes after the courses it holds, on their line)
                continue
            others = [q for q in others if not line_a <= q.start < line_b]
        summed = sum(1 for q in lengths if a <= q.start < b) > 1  # (a sum of courses read)
        # (a total's parts listed, then a later course named after them: "13 weeks total
        # (exercise 7 wks, manual 3 wks, education 3 wks), then a second course 08/2026-
        # 10/2026" is the first course's total; FAMILIES29 read 13 weeks of PT in all)
        if not others and not summed and \
                _said_a_later_course(msg, a, b, after=max(covered) + 1 if covered else 0):
            sel.readings.remove(reading)
            sel.unread.append(Unread(reading.words, "one course of several: how long in all?"))
            continue
        if not others or len(others) >= 2 and \
                abs(sum(in_weeks(q) for q in others) - weeks) < 0.05:
            continue  # (the courses the length read is the total of, in any order)
        found = 1 + len(others)
        counts = _courses_counted(msg, sel, reading.fact, [(a, b)] + [(q.start, q.end)
                                                                       for q in others])
        spans = [c.span] + [(q.start, q.end) for q in others]
        words = msg.text[min(x for x, _ in spans):max(y for _, y in spans)].strip()
        sel.readings.remove(reading)
        if counts != {found}:
            sel.unread.append(Unread(words, "one course of several: how long in all?"))
            continue
        total = weeks + sum(in_weeks(q) for q in others)
        sel.readings.append(FactReading(fact=reading.fact, value=f"{round(total, 1):g} weeks",
                                        words=words))
        sel.used += [(q.start, q.end) for q in others]


_QUOTED_LINE = re.compile(r"[ \t]*>")


_COURSE_BOUNDARY = re.compile(
    r"(?<![\w/.])(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}/\d{4}|(?:19|20)\d\d)(?![\w/])")
"""What sets one course of a treatment apart from the next in a list of them: a date or a
year ("01/10-02/21/2028 (...) and 05/01-07/24/2028 (...)", "- 2-курс 11.03-09.05.2028"),
or the course named by its place (``course_places``)."""


_EVERY_COURSE = re.compile(r"\b(?:either|neither|both|each|all|every)\s+(?:\w+\s+)?"
                           r"(?:courses?|blocks?|rounds?|turnus\w*)\b")
"""Words about all the courses of a treatment ("no relief after either course", "both
courses"): there were several."""


def _several_courses(lower: str) -> bool:
    """Whether the message says its treatment ran in two or more courses: counted ("two
    courses", "PT x2"), each named by its place ("course 1 ... course 2"), or all of them
    named at once ("neither course helped")."""
    return any(n >= 2 for n in counts_said(lower)) or \
        len(set(course_places(lower)) - {0}) >= 2 or _EVERY_COURSE.search(lower) is not None


def _part_of_one_course(msg: _Message, sel: _Selection) -> None:
    """"Two courses: 01/10-02/21/2028 (6 weeks of supervised exercise) and 05/01-07/24/2028
    (6 weeks of supervised exercise, 3 weeks of manual therapy, ...)": a part of the
    treatment's length read in one course, where the message names that part again in
    another course of it (past a date or the course's place), is that course's part, never
    the whole (fresh39 denied a case on one course's 1 week of exercise where 7 were done).
    A total said of the part ("Totals: exercise 7 weeks", "over both courses") holds; else
    how long in all is asked."""
    whole = _wholes(msg)
    if not any(r.fact in whole for r in sel.readings) or not _several_courses(msg.lower):
        return
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if reading.fact not in whole or c is None or c.quantity is None or c.total or \
                c.pieces or spec.unit != "weeks" or str(c.value) == "0":
            continue
        i = _sentence_of(msg, c.span[0])
        if i is not None and _OVER_ALL_COURSES.search(msg.lower, *sentence_spans(msg.found)[i]):
            continue  # "Over both courses together: exercise 10 wks"
        if str(reading.value) != str(c.value):
            continue  # (already the sum of the part in every course: _part_was_a_course)
        if TOTAL.search(msg.lower, msg.lower.rfind("\n", 0, c.span[0]) + 1, c.span[0]):
            continue  # a totals line ("Total 16 wks PT; exercise 11 wk, manual 3 wk")
        lo, hi = min(c.span[0], c.quantity[0]), max(c.span[1], c.quantity[1])
        for a, b in hits(msg.lower, msg.rules[reading.fact].phrases):
            if a < hi and lo < b or msg.context is not None and msg.context.at(a, b) & {
                    "hypothetical", "negated", "other"} or not _item_length(msg.lower, a, b):
                continue  # (a record named, "Modalities flowsheet", is no course's part)
            between = msg.lower[min(hi, b):max(lo, a)]
            if _COURSE_BOUNDARY.search(between) or course_places(between):
                sel.readings.remove(reading)
                sel.unread.append(Unread(reading.words,
                                         "one course of several: how long in all?"))
                break


_ITEM_EDGE = re.compile(r"[;\n|]|\.(?=\s)")


def _item_length(lower: str, a: int, b: int) -> bool:
    """Whether the list item around ``a``-``b`` (between semicolons, bars, line or sentence
    ends) holds a length of time: the part said as care done, "6 weeks of supervised
    exercise", "(6 wks): ther ex"."""
    edges = [m.end() for m in _ITEM_EDGE.finditer(lower, max(0, a - 80), a)]
    end = _ITEM_EDGE.search(lower, b)
    return bool(all_lengths(lower[edges[-1] if edges else max(0, a - 80):
                                  end.start() if end else min(len(lower), b + 80)]))


def _said_a_later_course(msg: _Message, a: int, b: int, after: int = 0) -> bool:
    """The sentence of the length at ``a``-``b`` says it is a second or later course
    ("finished 12 wks of PT in October - this was her 2nd PT course; the 1st was in 2024,
    length she can't recall"): the earlier ones, whose lengths are not given, count too
    (not a course planned or denied: "a second course is planned")."""
    i = _sentence_of(msg, a)
    if i is None:
        return False
    lo, hi = sentence_spans(msg.found)[i]
    # (after ``after`` only, where the length's parts come first, and not a part said to be
    # within that course: "education 3 wks in the second block")
    return any((msg.context is None or not msg.context.at(x, x + 1) & {
        "hypothetical", "negated", "other", "uncertain"}) and
        (not after or _IN_PLACE.search(msg.lower, max(lo, x - 12), x) is None)
        for x in later_places(msg.lower, max(lo, after), hi))


_IN_PLACE = re.compile(r"\b(?:of|in|during)\s+(?:the\s+)?$")


@cache
@fixed_patterns
def _source_says() -> re.Pattern[str]:
    """A source's verb of saying ("the log shows", "chart says"; ``claims`` words)."""
    words = context_rules().claims
    verbs = words.says + words.disputed_says + words.records_says
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b")


_WITHIN_COURSE = re.compile(r"\b(?:of|in|during)\s+(?:the\s+)?(?:(?:first|second|third|1st|2nd|"
                            r"3rd|last|later|earlier)\s+)?(?:course|block|round)\b")
"""A part's length said to be within a course ("the last 3 wks of course 1", "in the
first block"): a part of that course, not another course."""


def _carried_on(msg: _Message, fact: str, index: int, q: Quantity) -> bool:
    """The length ``q`` is of what the patient carried on alone after the care, named since
    the clause's last figure ("PT 2x/wk x 9 wks then HEP x 3 wks": the home program's)."""
    words = msg.lower[msg.found[index].start:q.start]
    return bool(msg.rules[fact].continued_by) and \
        bool(hits(re.split(r"\d", words)[-1], msg.rules[fact].continued_by))


def _other_course_length(msg: _Message, fact: str, q: Quantity, weeks: float) -> bool:
    """The length ``q`` is another course of the fact's treatment: its clause or its line
    names the treatment, or its clause names a course by its place ("first was 6 wks",
    "(course 1)" on its line), and no other thing's length (a symptom's, a drug's, a part
    of the therapy's unless its course is named: "7 wks supervised ex/stretch only - 1st
    failed course")."""
    index = _clause_index(msg.found, q.start)
    if index is None or not _course_like(msg, q):
        return False
    clause = msg.lower[msg.found[index].start:msg.found[index].end]
    line_a = msg.lower.rfind("\n", 0, q.start) + 1
    line_b = msg.lower.find("\n", q.end)
    line = msg.lower[line_a:len(msg.lower) if line_b < 0 else line_b]
    mine = _course_phrases(msg, fact)
    parts = tuple(p for name in _parts_of(msg, fact) for p in msg.rules[name].phrases)
    if hits(clause, _other_things(msg.cpt, fact, mine + parts)) or \
            hits(clause, msg.rules[fact].exclude) or _carried_on(msg, fact, index, q):
        return False
    first_on_line = not any(x.unit in ("weeks", "days", "months", "years")
                            for x in quantities(msg.lower[line_a:q.start]))
    lo, hi = sentence_spans(msg.found)[msg.found[index].sentence]
    sentence = msg.lower[lo:hi]
    if _source_says().search(msg.lower, lo, q.start):
        return False  # another source's account ("the attendance log shows 7 weeks")
    alone = len([x for x in quantities(sentence) if x.unit in ("weeks", "months")]) == 1
    placed = bool(course_places(clause)) or alone and bool(course_places(sentence)) or \
        first_on_line and bool(course_places(line))
    if abs(in_weeks(q) - weeks) < 0.05:
        return False  # the same length said again, or a course as long: not told apart
    if hits(clause, parts) and _WITHIN_COURSE.search(clause):
        return False  # "manual the first 4 wks and education the last 3 wks of course 1"
    if placed:
        return bool(hits(line, mine) or hits(sentence, mine) or
                    re.search(r"\bcourses?\b", sentence))
    if hits(clause, parts):
        return False  # "exercises 6 wks": a part's length, unless its course is named
    # its own clause names the treatment, or the label of its line's field does where the
    # field counts the courses ("Physical therapy:  yes, 2 times. 2025 6 weeks didnt
    # help."); not a prose line that names it somewhere else ("... neither course helped.
    # Meloxicam for 8 weeks failed", "PT: did 12 wks ... 2 wks of heat + TENS")
    label = re.match(r"[^:?\n]{1,40}[:?]", line)
    return bool(hits(clause, mine) or label is not None and hits(label.group(), mine) and
                counts_said(line))


_NO_COURSE_FIGURE = re.compile(r"[-/]\w|\s*(?:total|in total|in all|overall|altogether|"
                               r"required|requirement|minimum|needed|each|apiece)\b|"
                               r"[\s,;:-]*(?:amended|corrected|correction|changed to|"
                               r"should read|->|→)")
"""After a figure: a code ("bed 6W-12"), a total, a threshold ("8 wks is short of the 12
wks required"), one said of each course, or one taken back ("20 wks -- amended: 26 wks
total"): no course's own length."""


_BOUND_BEFORE = re.compile(r"(?:>=?|≥|<|=|⇒|at least|min\.?)\s*$")
"""Before a figure: a threshold ("PT >= 12 wk") or a sum's result ("... = 16 wks")."""


def _course_like(msg: _Message, q: Quantity) -> bool:
    """``q`` may be a course's length: weeks or months said of the patient's care done (not
    a day count or years, a date range, a threshold, a total, someone else's or a plan)."""
    if q.unit not in ("weeks", "months") or re.search(r"\d[/-]\d|\d{4}", q.text) or \
            _NO_COURSE_FIGURE.match(msg.lower, q.end) or \
            _BOUND_BEFORE.search(msg.lower[max(0, q.start - 12):q.start]):
        return False
    if each_course_length(msg.lower, q.start, q.end):
        return False
    return msg.context is None or not msg.context.at(q.start, q.end) & {
        "other", "hypothetical", "negated", "uncertain"}


@lru_cache(maxsize=64)
def _other_things(cpt: str | None, fact: str, own: tuple[str, ...]) -> tuple[str, ...]:
    """The words of every other fact of the policy (its phrases, and the drugs a count of
    medications counts), but ``own``: a length beside them is theirs."""
    rules = {**reading_rules(None), **reading_rules(cpt)}
    words = {p for name, rule in rules.items() if name != fact
             for p in rule.phrases + rule.counts}
    return tuple(sorted(words - set(own)))


def _parts_of(msg: _Message, fact: str) -> list[str]:
    """The facts a denial of ``fact`` zeroes: its parts ("no PT": no exercise within it)."""
    return [name for i in msg.rules[fact].implies if i.holds("0") for name in i.then
            if name in msg.rules]


def _courses_counted(msg: _Message, sel: _Selection, fact: str,
                     spans: list[tuple[int, int]]) -> set[int]:
    """How many courses of the fact's treatment the message says there were: a count said
    on a line naming it ("two courses of physio", "yes, 2 times", "PT x2"), a count of its
    courses read ("2 failed PT courses"), or the places of the courses found ("course 1",
    "course 2": two)."""
    mine = _course_phrases(msg, fact)
    counts: set[int] = set()
    for line in re.finditer(r"[^\n]+", msg.lower):
        if hits(line.group(), mine) or re.search(r"\bcourses\b", line.group()):
            counts |= counts_said(line.group())
    for reading in sel.readings:
        rule = msg.rules.get(reading.fact)
        if rule is not None and rule.courses_of == fact and str(reading.value).isdigit():
            counts.add(int(str(reading.value)))
    places = []
    for a, b in spans:
        line_a = msg.lower.rfind("\n", 0, a) + 1
        line_b = msg.lower.find("\n", b)
        places += course_places(msg.lower[line_a:len(msg.lower) if line_b < 0 else line_b])
    if places and sorted(set(places)) == list(range(1, len(spans) + 1)):
        counts.add(len(spans))
    return counts


def _length_of_each_course(msg: _Message, sel: _Selection) -> None:
    """"Conservative treatment: 2 courses of 6 weeks": the length said of each of a count
    of courses is one course's, not how long the treatment lasted in all (outside tester
    session 16 F16 read 6 weeks, a denial): asked. A total said with them is read."""
    for reading in list(sel.readings):
        c, spec = sel.chosen.get(reading.fact), msg.specs[reading.fact]
        if c is None or c.total or spec.unit != "weeks" or c.quantity is None:
            continue
        if not each_course_length(msg.lower, *c.quantity):
            continue
        sel.readings.remove(reading)
        sel.unread.append(Unread(reading.words, "a length of each course: how long in all?"))


_ONE = re.compile(r"(?<![\w-])(?<!the )(?<!that )(?<!this )(?<!which )(?<!each )(?<!every )"
                  r"(?<!same )(?<!no )(?<!any )(?<![/.:])(?:one|1(?![./:,]\d))\b"
                  r"(?!\s+(?:of|or|another|more|time)\b)")
"""A "one" that counts ("one set", "one 6-wk course", "1 set": phrase33a read the first of
"1 set in the camp ..., 1 set here" alone), not a pronoun or "one of them"."""


_ONE_MORE = re.compile(r"\b(?:another|a second|a 2nd|one more)\b(?!\s+(?:one|of)\b)")
"""Another of the things a "one" counted ("one course ... and a second course", "one set
in Mexico and another here")."""


_ONE_NOUN = re.compile(r"[ \t]+(?:(?:\d+(?:\.\d+)?|[a-z]+)[- ]?(?:wks?|weeks?|mos?|months?|days?)"
                       r"[- \t]+)?(?:(?:failed|separate|prior|full|complete|short|more|formal|"
                       r"outpatient|home)[ \t]+)?(?P<noun>[a-z][a-z-]*)")
"""The thing a "one" counts: its first word past a length and an adjective ("one 6-wk
course", "one failed course")."""


_NO_NOUN = frozenset(("in", "at", "on", "from", "here", "there", "done", "taken", "by", "with",
                      "last", "later", "earlier", "before", "after", "prior", "also", "too",
                      "and", "then", "dated", "was", "were", "is", "locally", "outside"))
"""Words after a "one" that name no thing ("one here", "one in March"): which thing it
counts is not said."""


def _noun_after(lower: str, end: int) -> str | None:
    """The thing the "one" ending at ``end`` counts, singular; None where none is named."""
    found = _ONE_NOUN.match(lower, end)
    if found is None or found["noun"] in _NO_NOUN:
        return None
    return found["noun"].removesuffix("s") if found["noun"] != "series" else "series"


def _ones_listed(msg: _Message, sel: _Selection) -> None:
    """A count of one read from "one X" where its sentence lists another "one X" ("Knee
    X-rays: one set in Mexico (marzo 2026) and one set here on 10/20/2026", "(one 6-wk
    course winter, one 6-wk course summer)": fresh16 read 1): each counts, so the count
    is how many are listed; a "one" that names no thing ("one set in Mexico and one
    here") leaves the count asked. A "one" of another fact's thing ("one course of PT and
    one course of naproxen") is that fact's."""
    for reading in list(sel.readings):
        spec = msg.specs.get(reading.fact)
        at = msg.text.find(reading.words)
        own = _ONE.search(msg.lower, at, at + len(reading.words)) if at >= 0 else None
        if spec is None or spec.unit not in ("sets", "courses") or str(reading.value) != "1" \
                or own is None or (noun := _noun_after(msg.lower, own.end())) is None:
            continue
        same, bare = _other_ones(msg, reading.fact, own, noun)
        if not same and not bare:
            continue
        sel.readings.remove(reading)
        words = _words(msg.text, [own.span(), *same, *bare])
        if bare:
            sel.unread.append(Unread(words, f"how many {spec.label.lower()} in all?"))
            sel.asked_back.append(reading.fact)
            continue
        sel.readings.append(FactReading(fact=reading.fact, value=str(1 + len(same)),  # type: ignore[arg-type]
                                        words=words))


def _other_ones(msg: _Message, fact: str, own: re.Match[str], noun: str
                ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The other "one"s of ``own``'s sentence (with the next after a semicolon): those of
    the same thing (not said of another fact's), and those that name no thing."""
    lo, chunk = _sentence_with_next(msg, own.start())
    others = _other_number_phrases(msg.cpt, fact) + tuple(
        w for name, rule in msg.rules.items() if name != fact for w in rule.counts)
    same, bare = [], []
    for other in [*_ONE.finditer(chunk), *_ONE_MORE.finditer(chunk)]:
        a, b = lo + other.start(), lo + other.end()
        if a == own.start():
            continue
        part = re.split(r"[,;()]|\band\b", chunk[other.end():])[0]
        theirs = _noun_after(msg.lower, b)
        if theirs is None:
            bare.append((a, b))
        elif theirs == noun and not hits(part, others):
            same.append((a, b + len(part.rstrip())))
    return same, bare


_TOTALS_OPEN = re.compile(r"(?:^|\n|[.!?]\s)[ \t>*-]*(?:totals?|in total|in all|overall|"
                          r"altogether|cumulative|summary)\b[^.\n]*\Z")
"""A statement of totals open before a figure ("Total 20 wks PT; exercise 14 wk, ..."):
the figures it gives are the totals, which beat each course's own."""


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
        if _TOTALS_OPEN.search(msg.lower, 0, c.quantity[0]):
            continue  # "Total 20 wks PT; exercise 14 wk, manual 3 wk": the part's total
        if _split_into_parts(msg, c):
            # "12 wks PT 09/01-11/24 = 6 wks ther-ex, 3 wks manual, 3 wks ed": a length
            # its parts add up to is a total as "12 weeks total" is; a course named
            # elsewhere ("Prior PT course 2025 (6 wks)") is no rival to it
            continue
        other = [x for x in ready if x.fact == reading.fact and x.quantity and
                 x.distance <= c.distance + 20 and x.value != "0" and
                 (x.value != c.value or _in_a_row(msg, c.quantity, x.quantity)) and
                 not any(a < x.quantity[1] and x.quantity[0] < b for a, b in sel.used)]
        if other:
            sel.readings.remove(reading)
            words = msg.text[other[0].span[0]:other[0].span[1]].strip()
            sel.unread.append(Unread(f"{reading.words} / {words}", f"several lengths; what is "
                                     f"the total {spec.label.lower()}?"))


def _split_into_parts(msg: _Message, c: Candidate) -> bool:
    """The candidate's length is followed, after "=" or ":", by parts that add up to it."""
    value, _, unit = str(c.value).partition(" ")
    try:
        return split_into_parts(msg.lower, c.span[1], float(value), unit)
    except ValueError:
        return False


_THEN = re.compile(r"\b(?:then|followed by|after that|afterwards|and later|subsequently)\b")


def _in_a_row(msg: _Message, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two lengths of the same figure, one after the other in a sentence ("Home health PT
    2x/wk x 6 wks, then outpatient PT x 6 wks"; outside tester session 9 F10): two
    courses, not the same one said twice."""
    lo, hi = sorted((a, b))
    return lo[1] <= hi[0] and _sentence_of(msg, lo[0]) == _sentence_of(msg, hi[0]) and \
        _THEN.search(msg.lower, lo[1], hi[0]) is not None


_OWN_FIGURE = re.compile(r"[ \t]*[(:,-]?[ \t]*(?:a1c|hba1c|egfr|gfr|ef|lvef|fev1|stage)?"
                         r"[ \t]*[:=]?[ \t]*\d")
"""A figure right after a condition's name, in its own words ("DM2 (A1c 9.8)", "CKD 4")."""


def _select(msg: _Message, candidates: list[Candidate]) -> _Selection:
    sel = _Selection([], [], [], [], {})
    candidates = superseded(msg, candidates)  # an attestation's or addendum's value holds
    unread = [c for c in candidates if c.unread is not None]
    ready = [c for c in candidates if c.unread is None]
    anchors = [c for c in ready if c.fact not in msg.specs]
    ready = [c for c in ready if c.fact in msg.specs]
    by_type = {t: [c for c in ready if msg.specs[c.fact].type == t] for t in ("set", "date")}
    _select_sets(msg, by_type["set"], sel, {c.fact for c in unread},
                 frozenset(c.fact for c in unread if _OWN_FIGURE.match(msg.lower, c.span[1])))
    opened: dict[str, date] = {}
    for c in unread:
        if c.dates:
            opened[c.fact] = max([*c.dates, opened.get(c.fact, c.dates[0])])
    _select_dates(msg, by_type["date"], sel, opened)
    taken = {r.fact for r in sel.readings}
    # (a named item's count has no figure of its own: a length taken from the next clause,
    # "Did PT, 3 sessions per week for 12 weeks", may rank 50 too and was counted as 1)
    counts = [c for c in ready if c.distance == 50 and c.quantity is None and
              msg.specs[c.fact].type == "number"]
    whole = _wholes(msg)
    shared_parts = [c for c in ready if _length_of_two_parts(msg, c, whole)]
    unread += [Candidate(c.fact, None, c.span, c.distance, unread=Unread(
        msg.text[slice(*c.span)].strip(), "said of two parts together: how long was each?"))
        for c in shared_parts]
    # (nor is that length another fact's but as a total's course: "PT: 8 wks of manual +
    # education, 6 wks exercise" is no 8 weeks of PT)
    held = {c.quantity for c in shared_parts}
    rest = [c for c in ready if msg.specs[c.fact].type not in ("set", "date") and c not in counts
            and c not in shared_parts and (c.total or c.quantity not in held) and
            not _part_given_its_whole(msg, c, whole)]
    shared: dict[str, tuple[tuple[int, int], ...]] = {}
    for c in sorted(rest + anchors, key=lambda c: (not c.total, c.distance, c.span[0])):
        if c.fact in taken:
            continue
        if c.fact not in msg.specs:  # an anchor: the number is someone else's
            if c.quantity is not None and not _used(c, sel.used):
                sel.used.append(c.quantity)
            taken.add(c.fact)
            continue
        if c.quantity is not None and any(a < y and x < b for x, y in c.pieces or [c.quantity]
                                          for a, b in sel.used if (a, b) not in shared.get(
                                              whole.get(c.fact, ""), ())):
            continue  # one number, one fact (a part's may be its whole's course, below)
        a, b = c.shown or c.span
        words = msg.text[a:b].strip()
        problem = _check(c.fact, msg.specs[c.fact], c.value, msg.as_of)
        taken.add(c.fact)
        if problem is not None:
            sel.unread.append(Unread(words, problem))
            continue
        if c.pieces:
            # (a sum of courses takes its courses' figures; a course's length is also
            # what a part of the treatment measures where the course was all that part:
            # "Course #2 (13 wk) ther ex")
            sel.used += c.pieces
            shared[c.fact] = c.pieces
        elif c.quantity is not None:
            sel.used.append(c.quantity)
        if c.notice:
            sel.notices.append(c.notice)
        sel.chosen[c.fact] = c
        sel.readings.append(FactReading(fact=c.fact, value=c.value, words=words))  # type: ignore[arg-type]
    _select_counts(msg, counts, taken, sel)
    _part_was_a_course(msg, sel, shared, whole)
    _several_values(msg, ready, sel)
    _several_in_message(msg, ready, sel)
    _highest_across(msg, ready, sel)
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
    _figure_taken_back(msg, ready, sel)
    _said_correct(msg, ready, sel)
    _longest(msg, ready, sel)
    _episode_of_chronic(msg, ready, sel)
    _one_course_of_more(msg, sel)
    _course_left_out(msg, sel)
    _part_of_one_course(msg, sel)
    _length_of_each_course(msg, sel)
    _ones_listed(msg, sel)
    _care_in_sequence(msg, sel)
    _other_site(msg, sel)
    taken |= {r.fact for r in sel.readings}
    for c in unread:
        if c.unread is not None and c.fact not in taken and c.unread not in sel.unread and \
                not _used(c, sel.used):
            _left_unread(sel, c)
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
                 (record or _apart(msg, c.span, mine.span)) and
                 not (rule.parts and reading.value == rule.polarity and
                      not _parts_named(msg, rule, c) & _parts_named(msg, rule, mine))]
        # (several words of one sentence are one rival: "UTI, on nitrofurantoin day 2")
        one = len({_sentence_of(msg, c.span[0]) for c in other}) == 1
        newer = (_newer(msg, mine, other[0]) or _later_entry(msg, mine, other[0])) \
            if one else None
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
            # asked back: a stored answer of it no longer stands while it is asked
            # (outside tester 29 C5: "meets" beside its own doubt of the infection)
            sel.asked_back.append(reading.fact)


_ENTRY = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:[a-z][a-z .]{0,20}?[ \t]+)?"
                    r"(?P<day>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]*(?::|-|–|—)", re.M)
"""A dated entry of a log or a chart's running notes ("11/01/2026: pain management consult
pending; ...", "Note 12/02/2026: NEW - ...")."""


def _entry_day(msg: _Message, pos: int) -> date | None:
    """The day of the dated entry the position is in: the last entry opened before it,
    with no blank line between."""
    starts = [m for m in _ENTRY.finditer(msg.lower, 0, pos) if "\n\n" not in msg.lower[m.end():pos]]
    if not starts:
        return None
    days = [d for d, _span in dates_in(starts[-1]["day"], msg.as_of) if d is not None]
    return days[0] if days else None


def _later_entry(msg: _Message, a: Candidate, b: Candidate) -> Candidate | None:
    """Of two readings that disagree in dated entries of one log ("11/01/2026: ... no PCP
    consultation on file. 12/01/2026: pain management consultation ... report received":
    fresh15, read no consultation), the later entry's holds; none where either entry
    is undated or both are of one day."""
    days = (_entry_day(msg, a.span[0]), _entry_day(msg, b.span[0]))
    if None in days or days[0] == days[1]:
        return None
    return a if days[0] > days[1] else b  # type: ignore[operator]


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
        # (a finding against a denial counts farther off: "Denies pregnancy. Urine hCG
        # 12/03/2026: positive." has its date between test and result; outside tester 17 F10)
        other = [c for c in ready if mine is not None and c.fact == reading.fact and
                 c.unread is None and (c.distance <= 3 or c.value not in no and mine.value in no)
                 and (c.value in no) != (mine.value in no)
                 # (in one sentence only across a retraction: "Pt is pregnant - typo,
                 # meant NOT pregnant")
                 and (_sentence_of(msg, c.span[0]) != _sentence_of(msg, mine.span[0])
                      or _retracted(msg, c.span, mine.span) or _contrasted(msg, c.span, mine.span))]
        if mine is None or not other:
            continue
        newer = _newer(msg, mine, other[0])
        days = (_sentence_day(msg, mine.span[0]), _sentence_day(msg, other[0].span[0]))
        if newer is None and None not in days and days[0] != days[1]:
            newer = mine if days[0] > days[1] else other[0]  # type: ignore[operator]
        if newer is None:
            newer = _test_over_word(msg, mine, other[0], no)
        sel.readings.remove(reading)
        if newer is not None:
            sel.readings.append(FactReading(
                fact=reading.fact, value=newer.value,
                words=msg.text[slice(*(newer.shown or newer.span))].strip()))
            continue
        words = msg.text[other[0].span[0]:other[0].span[1]].strip()
        sel.unread.append(Unread(f"{reading.words} / {words}",
                                 f"which holds now: {spec.label.lower()}?"))
        sel.asked_back.append(reading.fact)  # (as above: no stored answer stands meanwhile)


_RETRACTS = re.compile(r"\b(?:wait|sorry|i misread|i was wrong|my mistake|my bad|"
                       r"scratch that|correction|i meant|actually|oops|strike that|"
                       r"typo|meant|mistyped|misspoke|amended|recalculated)\b")


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


_CONTRAST = re.compile(r"(?:\bbut|\bhowever|\balthough|\bthough|\byet|\bwhereas)\b")


def _contrasted(msg: _Message, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two statements of one sentence set against each other ("denies it, but the test
    says otherwise"): they disagree as two sentences would (outside tester 23 F6 read the
    denial before "but" alone)."""
    lo, hi = sorted((a, b))
    return bool(_CONTRAST.search(msg.text.lower()[lo[1]:hi[0]]))


_TEST_DAYS = 14
_OLDER = re.compile(r"\b(?:\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d|ago|last|prior|previous|"
                    r"previously|earlier|history|h/o|hx|in (?:jan|feb|mar|apr|may|jun|jul|aug|"
                    r"sep|oct|nov|dec)[a-z]*)\b")
"""Words that date a test back (a month and year, "ago", "last", "prior"): no longer now."""
"""How old a test may be and still speak of now against a denial."""


def _test_over_word(msg: _Message, a: Candidate, b: Candidate,
                    no: set[object]) -> Candidate | None:
    """A positive test against someone's word that it is not so ("Says she isn't
    pregnant; urine hCG this morning is positive"): the test holds, being a finding, not a
    say-so, when it is said after the word and its sentence dates it no further back than
    two weeks (nor "06/2026", "ago", "prior"). Only the positive test
    wins: a negative test against a report that it is so is still asked (a test can be
    taken before the fact)."""
    rule = msg.rules.get(a.fact)
    if rule is None or not rule.confirmed_by:
        return None
    test = [c for c in (a, b) if c.value not in no and
            hits(msg.text.lower()[c.span[0]:c.span[1]], rule.confirmed_by)]
    word = [c for c in (a, b) if c.value in no and
            not hits(msg.text.lower()[c.span[0]:c.span[1]], rule.confirmed_by)]
    if len(test) != 1 or len(word) != 1 or test[0].span[0] < word[0].span[0]:
        return None
    day = _sentence_day(msg, test[0].span[0])
    if day is not None and (msg.as_of - day).days > _TEST_DAYS:
        return None
    i = _sentence_of(msg, test[0].span[0])
    lo, hi = sentence_spans(msg.found)[i] if i is not None else test[0].span
    return None if _OLDER.search(msg.lower, lo, hi) else test[0]


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
        # (a rule's ``vague_doubts`` doubts it anywhere in the message: "Infection screen
        # neg; COVID positive 12/04/2026")
        if where is not None and any(c.fact == reading.fact and c.doubt and
                                     (_sentence_of(msg, c.span[0]) == where or
                                      msg.lower[c.span[0]:c.span[1]] in
                                      msg.rules[reading.fact].vague_doubts) for c in unread):
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


_CONTRAST = re.compile(rf"\b{CONTRAST}\b")


def _apart(msg: _Message, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two readings said as two statements: in two sentences, or in one across a contrast
    ("No infection was found on the MRI, but the UA today shows a UTI": outside tester 18
    F7, read no infection)."""
    if _sentence_of(msg, a[0]) != _sentence_of(msg, b[0]):
        return True
    lo, hi = sorted((a, b))
    return _CONTRAST.search(msg.lower, lo[1], hi[0]) is not None


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


def _part_was_a_course(msg: _Message, sel: _Selection,
                       shared: dict[str, tuple[tuple[int, int], ...]],
                       whole: dict[str, str]) -> None:
    """"Course #1 (12 wk): 6 wk ther ex, 3 wk manual, 3 wk education. Course #2 (13 wk)
    ther ex": a course that was all one part of the treatment, named right after its
    length, adds its length to that part's weeks in the other course (19 weeks of
    exercise, not 6)."""
    for reading in list(sel.readings):
        pieces = shared.get(whole.get(reading.fact, ""), ())
        c = sel.chosen.get(reading.fact)
        # (a total of the part holds every course: "Totals: exercise 12 wks" under two
        # courses of "6 weeks of supervised exercise" read 24 weeks)
        if not pieces or c is None or c.quantity is None or c.quantity in pieces or c.total:
            continue
        pattern = _part_right_after(msg.rules[reading.fact].phrases)
        courses = [(p, m.end()) for p in pieces if (m := pattern.match(msg.lower, p[1]))]
        if not courses:
            continue
        spec = msg.specs[reading.fact]
        weeks = float(parse_value(reading.fact, spec, c.value, msg.as_of))
        for (a, b), _end in courses:
            weeks += float(parse_value(reading.fact, spec, msg.lower[a:b], msg.as_of))
        sel.readings.remove(reading)
        words = msg.text[min(c.span[0], courses[0][0][0]):max(e for _, e in courses)]
        sel.readings.append(FactReading(fact=reading.fact, value=f"{round(weeks, 1):g} weeks",
                                        words=words.strip()))


@cache
def _part_right_after(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A part's name right after a course's length: "(13 wk) ther ex", "(5 wks): exercise",
    "12 weeks of exercise"; not the first of a course's parts with their own lengths,
    "(8 wks): exercise 4 wks, manual 2 wks"."""
    words = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"[ \t)]*[:,-]?[ \t]*(?:of[ \t]+|all[ \t]+|only[ \t]+)?(?:{words})\b"
                      r"(?![ \t:/=-]*(?:x[ \t]*)?\d)")


def _part_given_its_whole(msg: _Message, c: Candidate, whole: dict[str, str]) -> bool:
    """A part's candidate on the length said before its name, where that is the whole
    course's length and the part's own follows it ("8 wks manual therapy + heat/TENS 4
    wks, back school 4 wks"): not the part's."""
    return c.fact in whole and c.quantity is not None and c.quantity[0] == c.span[0] and \
        msg.specs[c.fact].unit == "weeks" and whole_before_part(msg.lower, c.quantity, c.span[1])


_JOINED_PART = re.compile(r"[ \t]*(?:and|&|\+|/|plus|with|w/)[ \t]*")


def _length_of_two_parts(msg: _Message, c: Candidate, whole: dict[str, str]) -> bool:
    """A part's length said of it joined to another part of the same whole, with no
    length of the other's own ("8 weeks of manual therapy and pain education", "manual
    therapy + education x 8 wks"): the time the two shared, not this part's alone
    (outside tester 27 F1 read 8 weeks of manual therapy): how long each was is asked."""
    if c.fact not in whole or c.quantity is None or msg.specs[c.fact].unit != "weeks":
        return False
    siblings = tuple(p for f, w in whole.items() if w == whole[c.fact] and f != c.fact and
                     f in msg.rules and msg.specs[f].unit == "weeks"
                     for p in msg.rules[f].phrases)
    lo, hi = min(c.span[0], c.quantity[0]), max(c.span[1], c.quantity[1])
    breaks = [m.end() for m in _ITEM_BREAK.finditer(msg.lower, max(0, lo - 60), lo)]
    lo = breaks[-1] if breaks else max(0, lo - 60)
    stop = _ITEM_BREAK.search(msg.lower, hi, hi + 60)
    item = msg.lower[lo:stop.start() if stop else min(len(msg.lower), hi + 60)]
    if sum(q.unit in ("weeks", "months", "days") for q in quantities(item)) != 1:
        return False  # (each part its own length: "manual 4 wks and education 4 wks")
    own = hits(item, msg.rules[c.fact].phrases)
    return any(_JOINED_PART.fullmatch(item[min(b1, b2):max(a1, a2)])
               for a1, b1 in own for a2, b2 in hits(item, siblings))


_ITEM_BREAK = re.compile(r"[,;:\n(]|" + SPOKEN_BREAK)
"""The end of one item of a list (a colon or a bracket too: "PT: 8 wks (manual + ed)")."""


def _wholes(msg: _Message) -> dict[str, str]:
    """Each part of a treatment and the fact of the whole it is part of (the fact whose
    zero implies the part's: PT for its exercise weeks)."""
    return {part: name for name, rule in msg.rules.items() for i in rule.implies
            if i.holds("0") for part in i.then}


def _used(c: Candidate, used: list[tuple[int, int]]) -> bool:
    return c.quantity is not None and any(a < c.quantity[1] and c.quantity[0] < b
                                          for a, b in used)

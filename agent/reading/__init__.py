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
from datetime import date
from functools import lru_cache
from typing import Any

from agent.reading.answering import (
    _COURTESY,
    SAID_BEFORE,
    _answers,
    _bare_score,
    one_of_several_asked,
    state_measured,
)
from agent.reading.answers import (
    NO,
    UNSURE_ANSWER,
    YES,
    restated,
    unsure_of_named,
)
from agent.reading.blocks import blocks_unclear
from agent.reading.candidates import _candidates
from agent.reading.context import CATEGORIES, Context, adjacent_negation
from agent.reading.corrections import (
    _UNSEEN,
    FEMALE_SAID,
    NOT_FIGURE,
    _choice_corrections,
    _corrections,
    _day_corrections,
    _misdirected,
    _not_known_now,
    _takes_back_known,
    _withdrawn,
    _year_corrections,
    hedged_figures,
    own_figures,
    partial_denials,
    sex_corrected,
    someone_elses,
    superseded,
)
from agent.reading.derived import (
    _asked_if_low,
    _contradicted,
    _date_counts,
    _derived,
    _rederived,
    _without_figure,
)
from agent.reading.facts import (
    Mention,
    Reader,
)
from agent.reading.gates import gated
from agent.reading.layout import lines_restored
from agent.reading.leftovers import (
    _IN_THE_PAST,
    _SEX_ONLY,
    _SOMEONE_ELSE,
    _in_passing,
    _later_rival,
    _leftovers,
    _older_than_known,
    _other_source,
    _other_voice,
    _policy_question,
    _rival_left_over,
    age_alone,
    decimal_comma_parts,
    month_onset,
    month_onsets_left,
    no_figure,
    year_only,
)
from agent.reading.members import members_taken_out, without_spent
from agent.reading.mentions import _clause_index, _mentions
from agent.reading.message import _masked, _Message, struck_out
from agent.reading.model import FactReading, Origin, Understanding, Unread
from agent.reading.requests import (
    ASKS_VERDICT,
    OVERRIDE,
    asks_to_start_over,
    procedure_named,
)
from agent.reading.rules import (
    ReadingRule,
    fact_specs,
    reading_rules,
    rules_phrases,
    stated_facts,
)
from agent.reading.selection import _select, _Selection
from agent.reading.statuses import settled_spans
from agent.reading.text import (
    CLAUSE_STOP,
    LAST_NOT_HERS,
    LAST_ONES_OWNER,
    PATIENT_MARK,
    Occurrences,
    blank,
    clauses,
    hits,
    lowered,
    patient_mentions,
    several_patients,
)
from agent.reading.values import (
    dates_in,
)
from policies import facts as factlib

__all__ = ["NO", "UNSURE_ANSWER", "YES", "FactReading", "Origin", "Understanding",
           "MAX_MESSAGE_CHARS", "QUOTE_CATEGORIES", "quote_context", "understand"]


MAX_MESSAGE_CHARS = 30_000
"""Longer messages are refused with a one-line message (about 8 pages of notes): reading
time grows with length, and a larger paste is better sent a section at a time."""


def _one_decimal(value: Any) -> bool:
    """A figure written with one decimal place (38.4, not 38 nor a converted 13.0446)."""
    return isinstance(value, float) and value != int(value) and round(value, 1) == value


def _prepare(text: str, cpt: str | None, result: Understanding, as_of: date,
             known: dict[str, Any] | None = None) -> _Message:
    # (struck-out words are no text at all: not even a procedure's name or a request)
    lower = struck_out(text, lowered(text))
    result.start_over = asks_to_start_over(lower)
    result.override = bool(OVERRIDE.search(lower))
    current_phrases = tuple(p for r in reading_rules(cpt).values() for p in r.phrases) \
        if cpt else ()
    # ("pt is a 66 yo male": the patient, not a request for physical therapy)
    named = procedure_named(blank(lower, patient_mentions(text), PATIENT_MARK), cpt,
                            current_phrases)
    result.cpt, result.unknown_code = named.cpt, named.unknown
    if named.how == "named" and text.rstrip().endswith("?"):
        # "whats the difference between the PT weeks and the exercise weeks?": a question
        # that names a procedure's words without asking to check it opens no case
        # (outside tester 20 C1: it opened a physical-therapy case)
        result.cpt = None
    elif result.cpt:
        result.cpt_words, result.cpt_how = named.words, named.how
        result.cpt_others = [list(o) for o in named.others]
    active = result.cpt or cpt
    rules = reading_rules(active)
    # (a chat's "no wait, that was 37,4" after "T 38,4 °C" was read 37 and a pain of 4:
    # outside tester 16 F9; the stored 38.4 says this writer's figures carry decimals)
    decimals = any(_one_decimal(v) for v in (known or {}).values())
    masked = _masked(text, lower, result.cpt, active, decimals)
    return _Message(text, masked, active, fact_specs(active), rules, as_of,
                    Occurrences(masked, lower))


def _superseding(msg: _Message, known: dict[str, Any], taken: list[tuple[int, int]],
                 facts: list[FactReading]) -> list[FactReading]:
    """``facts`` with a stored measurement the message says was then replaced by the one
    said now (``superseded``): its reading of the figure that was then ("temperature was
    38.4 yesterday") goes."""
    for r in superseded(msg, known, taken):
        facts = [x for x in facts if x.fact != r.fact] + [r]
    return facts


def _withdrawals(msg: _Message, sel: _Selection, known: dict[str, Any], gone: list[str],
                 stated: set[str], unread: list[Unread]) -> tuple[list[str], list[Unread]]:
    """The stored answers the message takes back (asked again), and what is left unread:
    the words that corrected the patient's sex did their work, they are no "could not
    read"."""
    resexed = sex_corrected(msg, known)
    others = someone_elses(msg, [u.words for u in unread if u.why == _SOMEONE_ELSE], known)
    withdrawn = [f for f in dict.fromkeys(_withdrawn(msg, sel, known) + gone + resexed +
                                          others) if f not in stated]
    if resexed:
        unread = [u for u in unread if not FEMALE_SAID.search(u.words.lower())]
    return withdrawn, unread


def _members_out(msg: _Message, sel: _Selection, known: dict[str, Any],
                 result: Understanding) -> None:
    """Stored list members the message takes out ("she has no hypertension"): what is
    left is read, an emptied list is asked again; either way its words are used."""
    left, emptied, spent = members_taken_out(msg, sel, known)
    read = {r.fact for r in result.facts}
    result.facts += [r for r in left if r.fact not in read]
    result.withdrawn += [f for f in emptied if f not in read and f not in result.withdrawn]
    result.unread = without_spent(result.unread, spent)


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
    text = lines_restored(text)
    msg = _prepare(text, cpt, result, as_of, known)
    unclear = blocks_unclear(text)
    if unclear or (several_patients(text) and unclear is None):
        # "Patient 1: 50M ... Patient 2: 40F ...": whichever the request is for, the other's
        # facts would be false for it; nothing is read until the user says which. A board's
        # or a handover's blocks ("Case 2 ... Case 3 ...", "Bed 4 ... Bed 5 ...") too, unless
        # the text says which is the patient's: then only that one is read (``blocks.py``).
        result.unread = [Unread(" ".join(text.split())[:80] + ("…" if len(text) > 80 else ""),
                                "it is about several patients: which one is this request "
                                "for? Send that patient's details alone")]
        return result
    msg.pending = tuple(pending)
    found = msg.found = clauses(msg.lower)
    mentions = _mentions(msg, found)
    context = msg.context = Context(msg.lower, found,
                                    protected=[(m.start, m.end) for m in mentions] +
                                    settled_spans(msg.lower),
                                    occ=msg.occ, year=as_of.year, raw=msg.text)
    reader = Reader(text, msg.lower, context, as_of)
    sel = _select(msg, _candidates(reader, msg, found, mentions))
    # A reading from inside a quoted claim is asked, whatever its fact (``gates.py``:
    # session 15's gate, chosen on blind readings and judged on sets it never saw).
    sel.readings, gated_unread = gated(msg.text, sel.readings)
    sel.unread += gated_unread
    if known:
        for r in _misdirected(msg, sel.readings, known):
            sel.readings.remove(r)
            at = msg.text.find(r.words)
            sel.used = [(a, b) for a, b in sel.used if not (a < at + len(r.words) and at < b)]
        if len(msg.text.split()) <= _TYPED_WORDS:
            sel.readings, hedged_unread = hedged_figures(msg, sel.readings)
            sel.unread += hedged_unread
        sel.readings, partial_unread = partial_denials(msg, sel.readings, known)
        sel.unread += partial_unread
    read = {r.fact for r in sel.readings}
    taken = sel.used + [(i, i + len(r.words)) for r in sel.readings
                        if (i := msg.text.find(r.words)) >= 0]
    # Words the note reading asks about with a reason ("PT x 3 courses (6, 4, 4 weeks)":
    # which figure exactly?) hold no bare answer either: their "4 weeks" answered the PT
    # and exercise questions on screen (outside tester 20 F6, in chat).
    taken += [(i, i + len(u.words)) for u in sel.unread
              if u.why.startswith(_WHICH_FIGURE) and (i := msg.text.find(u.words)) >= 0]
    if known is None:
        known = {name: _UNSEEN for name in last_facts or []}
    answers, answer_unread = _answers(msg, pending, read, taken, asked_back or [],
                                      corrects=_takes_back_known(msg, known))
    sel.asked_back += one_of_several_asked(msg, answer_unread, pending)
    # A fact the note reading asks about ("diabetes: is it severe?") is not also given
    # a value as the answer to its pending question: the same words cannot say both.
    answers = [r for r in answers if r.fact not in sel.unsettled or r.value is None]
    # ("..., not 15": the figure taken back answers nothing)
    answers = [r for r in answers if not NOT_FIGURE.fullmatch(r.words.strip().lower())]
    repeated = _not_said_before(msg, answers, known, result)
    answers = [r for r in answers if r not in repeated]
    if not answers and not read and (score := _bare_score(msg, pending, known)) is not None:
        answers, answer_unread = [score], []
    if not answers and not read:
        answers = _unsure_of_named(msg)
    read |= {r.fact for r in answers}
    # A figure a reading used ("pain went from 5 to 6, not 8") corrects nothing else.
    fixes, fix_unread = _corrections(msg, known, read, taken)
    fixes += _choice_corrections(msg, known, read | {r.fact for r in fixes})
    fixes += _day_corrections(msg, known, read | {r.fact for r in fixes})
    fixes += _year_corrections(msg, known, read | {r.fact for r in fixes})
    result.facts = _superseding(msg, known, taken, sel.readings + answers + fixes)
    figure_implied: list[tuple[str, FactReading]] = []
    result.facts += _derived(msg, result.facts, implied_from=sel.readings,
                             figure_implied=figure_implied)
    result.facts += _rederived(msg, result.facts, known)
    result.facts += _date_counts(msg, result.facts, sel)
    _contradicted(msg, result)
    result.facts = [r for r in result.facts if r.fact in stated_facts(msg.cpt)]
    # A correction that was applied is the message's point: its words are no answer left.
    # Words the note reading already asked about ("MRI was March 2026": which date?)
    # are not also a wrong answer to the question pending.
    seen = [u.words.lower() for u in sel.unread]
    answer_unread = [u for u in answer_unread
                     if not any(w in u.words.lower() or u.words.lower() in w for w in seen)]
    # A part whose figure a reading took is no answer left unread ("the repeat is 9,800"
    # beside "Updated: 16400 -> 9800": outside tester 28 C1).
    answer_unread = [u for u in answer_unread if not any(
        r.words and re.search(r"\d", r.words) and r.words.lower() in u.words.lower()
        for r in result.facts)]
    _not_asked_back(msg, sel, answers)
    # (a hedged correction the note reading asked about already, "nearly 12 weeks: how
    # much exactly?", is asked once)
    fix_unread = [u for u in fix_unread if not any(u.words.lower() in w for w in seen)]
    result.unread = sel.unread + (answer_unread if not fixes else []) + fix_unread
    result.notices += sel.notices
    if not fixes and not fix_unread:
        if not answers:
            result.unread += _leftovers(msg, found, result, mentions, context)
    _asked_if_low(msg, result)
    result.unread = [_which_date(msg, u, known) for u in _without_repeats(result.unread)]
    _rival_left_over(msg, result, sel)
    _later_rival(msg, result, sel)
    decimal_comma_parts(msg, result)
    _other_source(msg, result, sel)
    _other_voice(msg, result, sel)
    _older_than_known(msg, result, known)
    _without_figure(result, figure_implied)
    if (result.start_over or result.cpt) and not result.facts and len(text.split()) <= 8:
        # "start over", "what about 62311 instead?": a request, done; nothing left unread.
        result.unread = []
    gone, unsure_now = _not_known_now(msg, sel, known)
    # "the pregnancy is wrong": the fact's name in the words that call it wrong is no
    # answer (it read as "Pregnant", the opposite of the stored "not pregnant"); a doubt
    # asks again, it never flips a yes/no or a choice (outside tester, session 15, F9).
    result.facts = [r for r in result.facts if not (
        r.fact in gone and r.words and r.words.lower() in gone[r.fact].lower())]
    result.facts += [r for r in unsure_now if r.fact not in {f.fact for f in result.facts}]
    # What was taken back to "not sure" is not also asked back.
    result.unread = [u for u in result.unread
                     if not any(u.words == r.words for r in unsure_now)]
    owned, result.unread = own_figures(msg, result.unread)
    result.facts += [r for r in owned if r.fact not in {f.fact for f in result.facts}]
    stated = {r.fact for r in result.facts}
    result.withdrawn, result.unread = _withdrawals(msg, sel, known, list(gone), stated,
                                                   result.unread)
    _members_out(msg, sel, known, result)
    # The words that took a date back are asked about, not "could not read".
    result.unread = [Unread(u.words, "which date exactly?") if not u.why and any(
        hits(u.words.lower(), msg.rules[f].phrases) for f in result.withdrawn
        if f in msg.rules) else u for u in result.unread]
    _listed_again(sel, result, known)
    _records_named_again(msg, sel, result, known)
    result.asked_back = list(dict.fromkeys(
        f for f in sel.asked_back if f in stated_facts(msg.cpt) and f not in stated))
    if (whole := _unread_whole(msg, result, pending, mentions, context)) is not None:
        result.unread.append(whole)
    if repeated:  # the words said again, and the words saying so, are answered by the notice
        result.unread = [u for u in result.unread if not (
            any(r.words.strip(" .,;:") in u.words for r in repeated) or
            SAID_BEFORE.fullmatch(u.words.lower().strip(" ,.:;-")))]
    result.unread = [no_figure(msg, month_onset(msg, year_only(age_alone(u))))
                     for u in result.unread] + \
        month_onsets_left(msg, found, result)
    _said_again_unsure(msg, result, known)
    result.unread = state_measured(msg.text, result.unread)
    result.asks_verdict = bool(ASKS_VERDICT.search(msg.lower))
    # "oh wait, that was her husband. she did no PT": the last message was someone else's;
    # what was read from it is removed, whatever it was (outside tester, session 8, F19:
    # his 2 sessions a week stayed), and the rest of this one is the patient's.
    _last_not_hers(msg, result, known)
    _policy_question(msg, result, pending)
    return result


def _last_not_hers(msg: _Message, result: Understanding, known: dict[str, Any] | None) -> None:
    """A message opening by saying the last one, or a thing in it, was someone else's
    (``LAST_NOT_HERS``): the thing named is set aside, or the whole last message is."""
    head = LAST_NOT_HERS.match(msg.text.lower())
    if head is None and known:
        head = LAST_ONES_OWNER.match(msg.text.lower())
    if head is not None and (named := _named_after(msg, head.end())):
        # "that was his wife's infection, not hers": the thing named was someone else's,
        # not the whole last message (outside tester 29 C6: the nurse's own "none" to the
        # comorbidities was removed); a stored answer of it is set aside and asked again.
        result.withdrawn += [f for f in named if f in (known or {}) and
                             f not in result.withdrawn]
        # (its "his" is whose wife, said of another person: no word on the patient's sex)
        said = msg.text[:head.end()]
        result.facts = [r for r in result.facts if not (_in_passing(r) and r.words in said)]
    elif head is not None and known and any(v is not _UNSEEN for v in known.values()):
        thing = _THING_THEIRS.match(msg.text, head.end())
        if thing is not None:
            # "that was his wife - the prednisone taper was hers, he only had the
            # ibuprofen": one thing of the last message was hers, not all of it (outside
            # tester 31 C1: all 24 facts of a pasted note were removed)
            result.others_said.append(thing["thing"])
        else:
            result.forget_last = True
        said = msg.text.lower()[:thing.end() if thing else head.end()]  # done: nothing left
        result.unread = [u for u in result.unread if u.words.lower().strip(" ,.!-") not in said]


_THING_THEIRS = re.compile(
    r"[ \t]*(?:[-–—:,]+[ \t]*)(?:only[ \t]+)?(?:the[ \t]+|that[ \t]+)?"
    r"(?P<thing>[^\W\d][^.,;:!?\n]{1,40}?)[ \t]+(?:was|were|is|are)[ \t]+"
    r"(?:all[ \t]+|only[ \t]+)?(?:hers|his|theirs)\b", re.I)
"""Right after "that was his wife": the one thing of the last message that was theirs
("- the prednisone taper was hers")."""


def _named_after(msg: _Message, at: int) -> list[str]:
    """The facts named in the clause right after ``at`` (the words "that was his wife's"
    end at): "... infection, not hers" names the infection."""
    lower = msg.text.lower()  # (msg.lower blanks another person's words: these are)
    stop = CLAUSE_STOP.search(lower, at)
    rest = re.split(r"[,:(]", lower[at:stop.start() if stop else len(lower)])[0]
    return [f for f, rule in msg.rules.items() if rest.strip() and hits(rest, rule.phrases)]


def _unsure_of_named(msg: _Message) -> list[FactReading]:
    """A short "not sure about the nerve block" with nothing else read: the one record's
    date or count it names is not known (a finding named with "not sure" stays asked)."""
    fact = unsure_of_named(msg.text, msg.rules)
    if fact and fact in msg.specs and msg.specs[fact].type in ("date", "number"):
        return [FactReading(fact=fact, value=None, words=msg.text.strip())]
    return []


def _listed_again(sel: Any, result: Understanding, known: dict[str, Any] | None) -> None:
    """Kinds named again that the stored list already holds ("pain was 5 before PT and is
    6 now" with physical therapy on the list): no news of the list, so its "is that the
    whole list?" is not asked (outside tester 28 C4: the pain line got that question)."""
    for name, (members, question) in sel.listed.items():
        stored = (known or {}).get(name)
        if isinstance(stored, (list, set, frozenset, tuple)) and members <= set(stored):
            result.unread = [u for u in result.unread if u is not question]
            sel.asked_back = [f for f in sel.asked_back if f != name]


def _records_named_again(msg: _Message, sel: Any, result: Understanding,
                         known: dict[str, Any] | None) -> None:
    """A record stored as on file, named again by what it holds ("CRP 14 mg/L on 11/05"
    with the inflammatory labs on file): that confirms it, it puts nothing in doubt, so
    it is not asked again (outside tester 30 C2b set the labs aside and asked)."""
    for name in [f for f in sel.asked_back if (known or {}).get(f) is True]:
        rule, spec = msg.rules.get(name), msg.specs.get(name)
        if rule is None or spec is None or not rule.is_record(spec, name) or \
                any(r.fact == name for r in result.facts):
            continue
        asked = [u for u in result.unread if u.why == f"{spec.label.lower()}?"]
        if not asked:
            continue
        sel.asked_back = [f for f in sel.asked_back if f != name]
        # (the words around it, "14 mg/L on 11/05", are what the record holds)
        result.unread = [u for u in result.unread if u not in asked and not (
            not u.why and asked[0].words in u.words)]
        result.facts.append(FactReading(fact=name, value=True, words=asked[0].words))


def _not_asked_back(msg: _Message, sel: Any, answers: list[FactReading]) -> None:
    """Words an "I don't know" answered ("idk the breakdown of the PT") are not also asked
    back (in place) as a mention of the thing they name ("PT": physical therapy
    completed?)."""
    unsure_words = [r.words.lower() for r in answers if r.value is None and r.words]
    if unsure_words:
        sel.unread = [u for u in sel.unread
                      if not any(u.words.lower() in w for w in unsure_words)]
        sel.asked_back = [f for f in sel.asked_back if f not in msg.rules or not any(
            hits(w, msg.rules[f].phrases) for w in unsure_words)]


def _unread_whole(msg: _Message, result: Understanding, pending: list[str],
                  mentions: list[Mention], context: Context) -> Unread | None:
    """A short reply nothing was read from is reported whole, and why where the words
    say it: "her daughter is pregnant" is about someone else (outside tester, session 6,
    C7: it got "please say it another way", even with no question pending)."""
    text = msg.text.strip()
    # A pronoun read as the patient's sex is no reading of what the message is about: "he
    # has von willebrand" noted "Cannot be pregnant" and dropped the bleeding disorder
    # without a word (outside tester 18 M6, C6), so the rest is reported as unread.
    passing = bool(result.facts) and all(_in_passing(r) for r in result.facts)
    if passing and _SEX_ONLY.fullmatch(text.lower()):
        return None  # "he is male": the sex is all it says, and it was read
    if (result.facts and not passing) or result.unread or result.withdrawn or \
            result.start_over or result.override or result.cpt or result.unknown_code or \
            text.endswith("?") or _COURTESY.fullmatch(text.lower()):
        return None
    # (Choice facts such as pregnancy have no mentions: any trigger of the text counts.)
    seen = frozenset().union(*(context.at(m.start, m.end) for m in mentions)) | \
        {m.category for m in context.modifiers if m.category in ("other", "historical")}
    why = _SOMEONE_ELSE if "other" in seen else _IN_THE_PAST if "historical" in seen else ""
    if (pending and len(text.split()) <= 6) or ((why or passing) and len(text.split()) <= 12):
        return Unread(text, why)
    return None




def _not_said_before(msg: _Message, answers: list[FactReading], known: dict[str, Any] | None,
                     result: Understanding) -> list[FactReading]:
    """A figure said to be said before that is the value recorded for another fact ("like
    I said, 13 weeks" with physical therapy at 13 weeks, while its parts are asked): the
    user repeats that fact, it answers no open question (replies19 found it stored as
    the manual therapy's weeks). Returns the answers that are such repeats."""
    if not known or not SAID_BEFORE.search(msg.lower):
        return []
    repeats = []
    for r in answers:
        fact = restated(r.words, msg.specs, known, msg.as_of) if r.words else None
        if fact is None or fact == r.fact:
            continue
        repeats.append(r)
        spec = msg.specs[fact]
        result.notices.append(
            f"{spec.label} is already recorded as {factlib.describe(spec, known[fact])}, so "
            f"\"{r.words}\" changes nothing. If it was meant for another question, say "
            "which with the figure.")
    return repeats


def _said_again_unsure(msg: _Message, result: Understanding, known: dict[str, Any]) -> None:
    """A figure that could answer several open questions, and is the value already recorded
    for one fact ("no I mean total 13 weeks" with physical therapy at 13 weeks): the reply
    says it is recorded there, instead of asking which open question it answers and
    leaving out the one it restates (outside tester 18 C2)."""
    for u in list(result.unread):
        if not u.why.startswith("which question does it answer"):
            continue
        fact = restated(u.words, msg.specs, known, msg.as_of)
        if fact is None:
            continue
        spec = msg.specs[fact]
        result.unread.remove(u)
        result.notices.append(
            f"{spec.label} is already recorded as {factlib.describe(spec, known[fact])}, so "
            f"\"{u.words}\" changes nothing. If it was meant for another question, say "
            "which with the figure.")


def _which_date(msg: _Message, u: Unread, known: dict[str, Any]) -> Unread:
    """A bare date no question takes ("8/1/26" while PT weeks are asked): say which
    dates the case still needs, so the user can name it."""
    found = dates_in(lowered(u.words), msg.as_of)
    if u.why or len(found) != 1 or u.words.strip(" .") != u.words.strip(" .")[
            slice(*found[0][1])].strip(" ."):
        return u
    open_dates = [spec.label for name, spec in msg.specs.items()
                  if spec.type == "date" and name not in known and name in msg.rules]
    if not open_dates:
        return u
    return Unread(u.words, "which date is it: " + ", ".join(open_dates) +
                  f"? (for example \"{open_dates[0]} {u.words.strip()}\")")


_WHICH_FIGURE = "which figure exactly"
_TYPED_WORDS = 25
"""Words up to which a message with a case on record is a typed chat line, not a note."""
"""The reason that says the words hold several figures of one fact sharing a unit: none is
free to answer another question (the wider "several values" holds a pending answer's figure
too: four right answers lost in the corpus)."""


def _without_repeats(unread: list[Unread]) -> list[Unread]:
    """Each piece the user must say again, once: "naproxen" is not listed beside "she
    did 6 weeks of home exercises and naproxen" (the same words, read two ways)."""
    bare = [u.words for u in unread]
    return [u for i, u in enumerate(unread)
            if u.why  # it says why it was not read: keep it
            or not any(j != i and bare[i] in bare[j] and (bare[i] != bare[j] or j < i)
                       for j in range(len(bare)))]


QUOTE_CATEGORIES = (*CATEGORIES, "disowned", "patient")
"""ConText's categories, plus text the user takes back and "Pt" meaning the patient."""


@lru_cache(maxsize=2)  # the quotes of one reply share one message
def _quoted_message(text: str, cpt: str | None, year: int
                    ) -> tuple[str, str, list, Context]:  # type: ignore[type-arg]
    lower = struck_out(text, lowered(text))
    masked = _masked(text, lower, None, cpt)
    occ = Occurrences(masked)
    found = clauses(masked)
    own = rules_phrases(cpt)
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

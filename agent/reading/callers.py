"""Who calls for the patient: a caller who names themself the patient's relative.

An answering service's or a phone note's caller ("caller: patient's wife", "Caller is the
patient's daughter", "Daughter on phone: ...") speaks of themself in the same message as
of the patient: "she is 30 weeks pregnant", "she has a UTI herself", and in a quotation of
the caller's words "I have a fever of 101". Those words are the caller's, not the
patient's (outside tester session 16 F1, F2; fresh20). Which words declare a caller and
which stand for the caller are data (``callers`` in ``context.yaml``); this module finds
the clauses that are the caller's, which ``context.Context`` marks "other".

A pronoun is the caller's only where the patient's is another: a woman caller's "she"
where the text speaks of the patient as "he" ("husband", "him", "Mr."), and the other way
round. With a daughter calling about her mother, "she" may be either, and stays read as
the patient's, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from agent.reading.text import CLINICIAN_ROLE, Clause, transcript_speakers
from policies.cachedir import fixed_patterns

Words = Callable[[], dict[str, list[str]]]

_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{1,1500})[\"”]")
_OPENS = re.compile(r"[\s\"“'(-]*(?:(?:and|but|so|also|plus)\s+)?(?P<p>she|he)\b(?!\s*/)")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i've|i'd|i'll|me|myself|mine)(?![\w'])")
_MY = re.compile(r"(?<![\w'])my\s+(?P<w>[a-z]+)")
_PATIENT = re.compile(r"\b(?:patient|pt|member)\b|§§")
_SUBJECT = re.compile(r"[\s\"“'(-]*(?:(?:and|but|so|also|plus|while|whereas)\s+)?"
                      r"(?:she|he|i|they|we|you|her|his|my|the|patient|pt|member|§§|mom|dad|"
                      r"mother|father|husband|wife|son|daughter)\b")
"""A clause that opens with a subject of its own (a pronoun, a person): not the caller's
clause running on."""
_QUOTE_NEAR = 200
"""How far after the caller is named their quoted words may start ('Caller: wife of pt
Arturo Leal. "My husband's injection is Friday - I have a fever ..."')."""


@cache
@fixed_patterns
def _declared(relatives: tuple[str, ...]) -> re.Pattern[str]:
    rel = "|".join(re.escape(w) for w in sorted(relatives, key=lambda w: (-len(w), w)))
    return re.compile(
        # "caller: patient's wife", "Caller is the patient's daughter", "Caller: wife of pt"
        rf"\bcaller\s*(?:[:=-]|\bis\b|\bwas\b)\s*(?:(?:the|a|an)\s+)?"
        rf"(?:(?:patient|pt|member|§§)'?s\s+)?(?P<rel>{rel})\b"
        # "Daughter on phone:", "wife calling", "son called"
        rf"|\b(?P<rel2>{rel})\s+(?:is\s+)?(?:calling|called|phoned|on\s+(?:the\s+)?(?:phone|"
        rf"line)|on\s+speaker)\b"
        # "Phone call from daughter (Kim): ...", "Voicemail from the patient's wife"
        rf"|\b(?:call|message|msg|voicemail|vm|text|e-?mail)\s+from\s+(?:(?:the|a|an)\s+)?"
        rf"(?:(?:patient|pt|member|§§)'?s\s+)?(?P<rel3>{rel})\b"
        # "From: Lucia Ferreira (daughter) re her father", a message slip's sender
        rf"|\bfrom\s*:[ \t]*[a-z][a-z .'-]{{0,40}}\((?:the\s+)?(?:(?:patient|pt|member|§§)'?s\s+)?"
        rf"(?P<rel4>{rel})\)"
        # "Mother reports her son's knee pain started 09/2026": a relative's report
        rf"|(?:^|(?<=[.;!?\n]))[ \t]*(?P<rel5>{rel})\s+(?:reports|reported|says|said|states|"
        rf"stated|tells us|told us)\b", re.M)


def _relation(found: re.Match[str]) -> str:
    """The relation of the declared caller or sender to the patient."""
    return next(found[g] for g in ("rel", "rel2", "rel3", "rel4", "rel5") if found[g])


def caller_spans(lower: str, clauses: list[Clause], words: Words,
                 pronouns: dict[str, list[str]], raw: str | None = None
                 ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(trigger, scope) of each clause that is the declared caller's own: the caller's
    pronoun opening it, or first person inside the caller's quoted words. ``raw`` is the
    text before the patient's words were masked (what says the patient's sex)."""
    relatives = tuple(w for ws in pronouns.values() for w in ws)
    found = _declared(relatives).search(lower)
    if found is None:
        return []
    rel = _relation(found)
    own = next((p for p, ws in pronouns.items() if rel in ws), None)
    out = []
    if own is not None and _patient_is_other(raw or lower, found.end(), own, words()):
        out += [(found.span(), _cut(lower, c.start, _run_on(lower, clauses, i)))
                for i, c in enumerate(clauses)
                if c.start >= found.end() and (m := _OPENS.match(lower, c.start, c.end))
                and m["p"] == own]
    quote = _QUOTE.search(lower, found.end())
    if quote and quote.start() - found.end() <= _QUOTE_NEAR:
        out += [(found.span(), _cut(lower, c.start, min(_run_on(lower, clauses, i),
                                                        quote.end("q"))))
                for i, c in enumerate(clauses)
                if quote.start("q") <= c.start < quote.end("q")
                and _first_person(lower[c.start:c.end], relatives)]
    return [(t, s) for t, s in out if s[1] > s[0]]


def _run_on(lower: str, clauses: list[Clause], i: int) -> int:
    """The end of the caller's clause with the clauses after it, in its sentence, that
    name no one of their own ("She has a kidney infection, on Keflex since Monday", "I
    have a UTI, on Macrobid": the Keflex and the Macrobid are the caller's too)."""
    end = clauses[i].end
    for c in clauses[i + 1:]:
        # (only a comma between: a full stop, a semicolon or a line ends the sentence)
        if not re.fullmatch(r"[ \t,]*", lower[end:c.start]) or \
                _SUBJECT.match(lower, c.start, c.end):
            break
        end = c.end
    return end


def _patient_is_other(lower: str, after: int, own: str, words: dict[str, list[str]]) -> bool:
    """The text speaks of the patient with the other sex's words ("husband", "him")."""
    other = "he" if own == "she" else "she"
    said = words.get(other, [])
    return bool(said) and re.search(
        r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in said) + r")(?![\w'])",
        lower[after:]) is not None


def _first_person(clause: str, relatives: tuple[str, ...]) -> bool:
    """The caller speaks of themself ("I have a fever", "the 19th was my MRI"), not of
    the patient through their relation ("my husband's injection", "my dad")."""
    if _FIRST_PERSON.search(clause):
        return True
    return any(m["w"] not in relatives for m in _MY.finditer(clause))


def _cut(lower: str, start: int, end: int) -> tuple[int, int]:
    """The clause up to a word that names the patient ("..., the patient himself ...")."""
    stop = _PATIENT.search(lower, start, end)
    return start, stop.start() if stop else end


def patient_named(lower: str, inverse: dict[str, list[str]],
                  pronouns: dict[str, list[str]]) -> list[tuple[int, int]]:
    """After a declared caller, the words that name what the patient is to them ("caller:
    patient's wife. States husband has low back pain 8/10": the husband is the patient,
    whose pain was set aside as someone else's; "daughter calling about her mom ... Mom has
    had low back pain for 5 months"): read as the patient (``inverse`` in context.yaml)."""
    relatives = tuple(w for ws in pronouns.values() for w in ws)
    found = _declared(relatives).search(lower)
    if found is None:
        return []
    theirs = inverse.get(_relation(found), [])
    if not theirs:
        return []
    said = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w) for w in theirs) + r")(?![\w-])")
    spans = [m.span() for m in said.finditer(lower, found.end())]
    # The first of them names the patient's sex: "(daughter) re her father ... her mom is
    # diabetic but dad is not" (outside tester 28 M5): the mother is no patient.
    first = lower[spans[0][0]:spans[0][1]] if spans else ""
    sex = next((ws for ws in pronouns.values() if first in ws), None)
    return [(a, b) for a, b in spans if sex is None or lower[a:b] in sex or
            not any(lower[a:b] in ws for ws in pronouns.values())]


@cache
@fixed_patterns
def _escorted(escorts: tuple[str, ...]) -> re.Pattern[str]:
    verbs = "|".join(re.escape(w) for w in sorted(escorts, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w'])(?:{verbs})\s+(?:him|her)(?![\w'])")


_WRITER_OPENS = re.compile(r"[\s\"“'(-]*(?:(?:and|but|so|also|plus|well|yes|no|oh|fyi|btw|"
                           r"honestly|actually|unfortunately|sorry|just so you know)[\s,]+)?"
                           r"(?:i'm|im|i am|myself|i was|i've got|ive got|i have got|i got|"
                           r"i have (?:an?|had|been|my)|i've (?:had|been)|ive (?:had|been)|"
                           r"i (?:had|have) (?:a|an))(?![\w'])")
"""The writer's own state, opening a clause: "I'm pregnant", "I have a UTI myself". Not
what the writer did ("I called Harbor PT: she did two courses", "I expect a favorable
response"): the rest of such a clause is about the patient."""
_THIRD = re.compile(r":|\b(?:she|he|the patient|pt|patient|§§)\b")
"""Where the writer's clause turns to the patient."""


def writer_spans(lower: str, clauses: list[Clause], escorts: tuple[str, ...]
                 ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(trigger, scope) of each clause the writer opens in the first person, in a message
    that speaks of the patient as someone taken to care ("so my brother will bring him",
    "I'll drive her"): the writer is then another than the patient, and "I'm pregnant"
    is the writer's (outside tester 16 F1: a daughter's words read the father pregnant).
    A patient writing of themself ("my husband will drive me") names no one so."""
    found = _escorted(escorts).search(lower) if escorts else None
    if found is None:
        return []
    out = []
    for c in clauses:
        opens = _WRITER_OPENS.match(lower, c.start, c.end)
        if opens is not None:
            turn = _THIRD.search(lower, opens.end(), c.end)
            out.append((found.span(), (c.start, turn.start() if turn else c.end)))
    return out


_TURN = re.compile(r"(?:^|(?<=[.?!\n\"”])|(?<=[.?!][ ]))[ \t]*(?P<who>[A-Z][A-Za-z.'-]{0,20}"
                   r"(?:[ ][A-Z][A-Za-z.'-]{0,20})?)[ \t]*:[ \t]", re.M)
"""A speaker's turn in a transcript ("RN: ...", "Pt: ...", "Ivan: ...")."""
_NOT_ANOTHER = re.compile(
    r"(?:pt|patient|me|ma|caller|interpreter|q|a|note|re|dx|hpi|plan|"
    r"assessment|subject|from|to|date|time|cc|today|tonight|now|consults?|resolved|history|"
    r"hx|exam|meds|medications|labs|imaging|pmh|psh|allergies|diagnosis|impression|vitals|"
    r"ros|subjective|objective|summary|comments?|reason|indications?|findings|results|"
    r"status|problems?|follow-up|f/u|addendum|update|social|family|pain|function|goals?)",
    re.I)
"""Speakers who are the patient, or no speaker: a note's or a form's label (a clinician's
label is ``text.CLINICIAN_ROLE``)."""


def _speaks_in_turn(who: str) -> bool:
    """The patient or a clinician: the one a named speaker's turn answers or follows."""
    return who in ("Pt", "pt", "Patient", "MA") or CLINICIAN_ROLE.fullmatch(who) is not None


def speaker_spans(raw: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(trigger, scope) of each turn, in first person, of a speaker named by a name in a
    transcript where the patient speaks as "Pt:" and a clinician speaks too ('RN: Fevers,
    infections, antibiotics?  Pt: "No."  Ivan: "I'm the one on antibiotics, for my
    sinus."'): the speaker is another person than the patient, and what they say of
    themself is theirs (outside tester 25 F2: the husband's antibiotics read as the
    patient's infection, a false denial). A relation word as the speaker ("Husband:") is
    another person already (``context.yaml``)."""
    if not transcript_speakers(raw):
        return []
    turns = list(_TURN.finditer(raw))
    out = []
    lower = raw.lower()
    for before, m, after in zip([None, *turns[:-1]], turns, [*turns[1:], None], strict=True):
        end = after.start() if after is not None else len(raw)
        line_end = raw.find("\n", m.end())
        end = min(end, line_end) if line_end >= 0 else end
        # (a turn of the exchange: right after the patient's or a clinician's)
        in_turn = before is not None and _speaks_in_turn(before["who"]) \
            and m.start() - before.end() <= 200
        if in_turn and not _speaks_in_turn(m["who"]) and \
                _NOT_ANOTHER.fullmatch(m["who"].rstrip(".")) is None and \
                _FIRST_PERSON.search(lower, m.end(), end):
            out.append((m.span("who"), (m.end(), end)))
    return out

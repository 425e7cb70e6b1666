"""Answers to the questions just asked: "yes", "8/1/26", "7/10", "none", "not sure",
"yes, 14 weeks and no". A bare value answers the pending question of its kind when
only one fits; several answers are matched by order, then by kind; a part that fits
no question is reported, and the parts that fit still count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from agent.reading.context import rules as context_rules
from agent.reading.model import Unread
from agent.reading.rules import ReadingRule
from agent.reading.text import hits
from agent.reading.values import (
    DURATION_UNITS,
    Quantity,
    compatible,
    dates_in,
    last_on_or_before,
    mask_ages,
    quantities,
    relative_date,
)
from policies.errors import FactError
from policies.facts import parse_value
from policies.model import FactSpec

YES = re.compile(r"^\s*(yes|yep|yeah|yup|ya|y|yes it is|yes she is|yes he is|correct|"
                 r"affirmative|positive|true|she does|he does|they do|it does|she is|he is|"
                 r"there is|there are|confirmed|on file|documented|it is|we do|we have it|"
                 r"present|done|ok|okay|sure|absolutely|definitely)\b[\s.!]*$", re.I)
NO = re.compile(r"^\s*(no|nope|nah|n|negative|neg|false|none|denies|she doesn'?t|he doesn'?t|"
                r"she does not|he does not|she isn'?t|he isn'?t|she is not|he is not|"
                r"there isn'?t|there is not|not on file|not documented|never|not done|"
                r"not really|no it is not|no it isn'?t|absent|missing|not that i know of|"
                r"not present|not available)\b[\s.!]*$", re.I)
_YES_PREFIX = re.compile(r"^\s*(yes|yep|yeah|yup|correct|affirmative)\b[\s,.!:;-]*", re.I)
_NO_PREFIX = re.compile(r"^\s*(no|nope|nah|negative)\b(?!\s*(?:idea|sure))[\s,.!:;-]*", re.I)
UNSURE_ANSWER = re.compile(r"^\s*(?:i |we )?(not sure|unsure|unknown|don'?t know|dont know|"
                           r"do not know|idk|no idea|unclear|can'?t say|cannot say|not known|"
                           r"i'?m not sure|i am not sure|not certain|uncertain|no clue|"
                           r"need to check|will check|have to check|\?+)\b[\s.!?]*$", re.I)

_ALL = re.compile(r"^\s*(?P<word>no|none|negative|nope|yes|yep|yeah|not sure|unsure|don'?t know|"
                  r"unknown|idk)\b[\s,]*(?:to |for |about )?(?:all|both|everything|each|"
                  r"all (?:three|four|five|of them|of those|of these)|any of (?:it|them|these)"
                  r")\b[\s.!]*$", re.I)
_SEX_THEN = r"(?:(?<=\bfemale.)|(?<=\bmale.)|(?<=\bwoman.)|(?<=\bman.)|(?<=\b[mf].))"
_PARTS = re.compile(rf"(?:;|,(?!(?<=\d,)\d))(?!{_SEX_THEN}[ \t]*\d{{1,3}}\b(?![ \t]*(?:weeks?|wks?|"
                    r"months?|mos?|days?)))|\s/\s|\band\b|\n", re.I)
"""Where a reply's answers part (a comma after the patient's sex joins her age to it:
"Patient is female, 44." is no 44 weeks; outside tester session 15 F12; a comma between
digits is a figure's own, "9,800": its "9" was a pain score, outside tester 28 C1)."""


@dataclass(frozen=True)
class Question:
    fact: str
    spec: FactSpec
    rule: ReadingRule | None


_UNSURE_WORDS = (r"not sure|unsure|don'?t know|dont know|do not know|idk|dunno|no idea|"
                 r"no clue|unclear|not certain|can'?t say|cannot say|unknown")
"""The spellings of "I don't know" a reply opens with ("idk the breakdown of the PT" was
"that gives no figure": outside tester 20 C4)."""
_UNSURE_START = re.compile(rf"^\s*(?:i'?m |i am |we'?re |i |we |i (?:really |honestly )?)?"
                           rf"(?:have )?(?:{_UNSURE_WORDS})\b(?!-)")
"""("unknown-command --help" is no answer: outside tester session 11 C1 filed it as "not
sure" for the MRI)"""


def _unsure(t: str) -> bool:
    return bool(UNSURE_ANSWER.match(t) or _UNSURE_START.match(t))


def _named_unsure(q: Question, t: str) -> bool:
    """"FEV1 I don't know offhand", "PCP referral -- don't know": the question's own
    words, then not knowing."""
    if q.rule is None:
        return False
    return any(not t[:a].strip(" -–—:,;") and _UNSURE_START.match(t[b:].lstrip(" -–—:,;"))
               for a, b in hits(t, q.rule.phrases))


_NOT_YET = re.compile(r"\b(not yet|not on file|not received|not available|not in (?:the )?chart|"
                      r"missing|outstanding|not done|not documented)\b")
_ON_FILE = re.compile(r"^(?:\w+\s+){0,3}(yes|on file|received|attached|in (?:the )?chart|"
                      r"documented|available)\b")


_RECORD_WORDS = re.compile(r"\b(?:on file|attached|in (?:the )?(?:chart|record)|"
                           r"documented|available|missing|outstanding)\b")
"""Words that say whether a paper is in the record ("HEP log on file", "consult missing")."""
_ABOUT_A_RECORD = re.compile(r"\b(?:on file|record|chart|document\w*)\b")
"""A question about whether a paper is in the record (its label or wording says so)."""


_FILED_AT_END = re.compile(r"\b(?:(?:is|are|was|were)\s+)?(?:on file|in (?:the )?(?:chart|record)|"
                           r"attached|scanned in)[\s.!]*$")
"""A sentence ending with its thing in the record ("... is on file", "... scanned in")."""


def says_about_a_record(q: Question) -> bool:
    """``q`` asks whether a paper is in the record (its label or wording says so)."""
    return bool(_ABOUT_A_RECORD.search(f"{q.spec.label} {q.spec.question or ''}".lower()))


def _says_only_a_record(q: Question, t: str) -> bool:
    """``t`` says a paper is (or is not) in the record, and ``q`` asks about no paper: it
    answers nothing of ``q`` ("HEP log on file" to "Is the patient postpartum?" stored
    postpartum: yes, and a needs_review for a man; outside tester 28 F4)."""
    return bool(_RECORD_WORDS.search(t)) and not says_about_a_record(q)


def _boolean(q: Question, t: str) -> tuple[bool, object]:
    if (YES.match(t) or NO.match(t) or _ON_FILE.match(t) or _NOT_YET.search(t)) and \
            _says_only_a_record(q, t):
        return False, None
    if YES.match(t):
        return True, True
    if NO.match(t):
        return True, False
    if _NOT_YET.search(t) and len(t.split()) <= 5:
        return True, False  # "consult not yet", "logs missing"
    if _ON_FILE.match(t) and not re.search(r"\b(no|not|never)\b", t):
        return True, True  # "logs yes", "PT notes on file"
    if _denies_asked(q, t):
        return True, False  # "not unstable" to "is the patient clinically unstable?"
    if _FILED_AT_END.search(t) and named_in(q, t) and \
            not re.search(r"\b(?:no|not|never|n't)\b", t):
        return True, True  # "the HEP log with dates and outcomes is on file" to the logs
    prefix = _YES_PREFIX.match(t) or _NO_PREFIX.match(t)
    if prefix is None or q.rule is None:
        return False, None
    rest = t[prefix.end():]
    word = re.match(r"\s*\w+", t)
    if word and rest and not re.match(r"\s*[,.:;!–—-]", t[word.end():]):
        return False, None  # "no bleeding d/o" denies the bleeding disorder, not this
    # "no, but she has a UTI" says more than "no": the words are read instead.
    if hits(rest, q.rule.phrases + q.rule.opposite + q.rule.affirm_only) or \
            re.match(r"^(but|however|although|though)\b", rest) or _unsure(rest):
        return False, None
    return True, bool(_YES_PREFIX.match(t))


_DENIED_WORDS = re.compile(r"(?:not|no|never|non)[\s-]+"
                           r"(?P<rest>[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,2})")


def _denies_asked(q: Question, t: str) -> bool:
    """"not unstable", "not pregnant": a denial of the question's own words."""
    match = _DENIED_WORDS.fullmatch(t)
    if match is None:
        return False
    asked = set(re.findall(r"[a-z][a-z'-]*", f"{q.spec.label} {q.spec.question or ''}".lower()))
    words = match["rest"].split()
    return all(w in asked and w not in _PLAIN_WORDS for w in words)


_PLAIN_WORDS = frozenset(("the", "a", "an", "any", "patient", "pt", "she", "he", "they", "is",
                          "was", "has", "had", "of", "in", "for", "to", "and", "or", "that",
                          "this", "it", "yet", "sure", "on", "file", "done"))
"""Words of a question that name nothing it asks about ("not the patient")."""


def opens_with_yes_or_no(t: str) -> bool:
    """"no -- the consult is next week", "yes, 2019": an answer of its own."""
    return bool(_YES_PREFIX.match(t) or _NO_PREFIX.match(t))


_ONE_OF = re.compile(r"\s+of\s+(?:those|these|them|the|which|his|her|their)\b")


def _no_figure(clean: str, quantity: Quantity) -> bool:
    """"she is 35" is her age, not 35 weeks of anything; "one of those was her hip"
    picks one out of a group, no count of 1 (session 14, f10-97110)."""
    return (quantity.unit in ("", "word") and _AGE_SAID.search(clean[:quantity.end])
            is not None) or (quantity.unit == "word" and
                             _ONE_OF.match(clean, quantity.end) is not None)


def _number(q: Question, t: str) -> tuple[bool, object]:
    for value, replies in (q.rule.answer_named if q.rule else {}).items():
        if t in replies:
            return True, value
    if (change := signed_change(q, t)) is not None:
        return (change != "?"), (change if change != "?" else None)
    if (moved := _moved(q, t)) is not None:
        return moved
    if q.rule is not None and hits(t, q.rule.exclude) or _beside_named(q, t):
        # "93% on 2L, don't have a RA reading" to the room-air saturation question: the
        # words the fact's rule excludes make the figure another one's.
        return False, None
    clean = _NO_PREFIX.sub("", t) if re.search(r"\d", t) else t
    for quantity in quantities(clean):
        # ("she has 2 dogs": no change of a pain score, outside tester 21 F10)
        if _no_figure(clean, quantity) or _tally(quantity) or \
                _counts_other_things(q, clean, quantity):
            continue
        raw = compatible(q.spec, quantity, bool(q.rule and q.rule.fraction))
        if raw is not None and _labelled_another(q, clean, quantity):
            continue
        if raw is None and quantity.unit in ("", "word", "x") and not quantity.negative:
            if _names_something(q, clean, quantity.start, quantity.end):
                continue  # "A1c 8" is a lab value, not 8 weeks of anything
            if q.spec.unit in ("weeks", "days", "months") and (
                    quantity.unit == "x" or _TIMES.fullmatch(quantity.text.lower()) or
                    q.spec.unit not in (q.spec.question or "").lower()):
                continue  # "yes x2", "PT twice" are counts; a bare "2" to "how long?" names no unit
            raw = f"{quantity.value:g}"
            if q.spec.unit and q.spec.unit.startswith("cells") and quantity.value < 200:
                raw = f"{quantity.value * 1000:g}"
        if raw is not None:
            return True, _signed(q, t, raw)
    # ("no" to "how long has the patient had these symptoms?" is no length: outside
    # tester session 11 F11 read 0 weeks, a final denial; only what can be denied as not
    # done, "no PT", reads 0)
    if not _no_length(q) and (NO.match(t) or re.fullmatch(
            r"(none|zero|not any|no \w+)( at all| yet| so far)?", t) and _denies_own(q, t)):
        return True, "0"
    return False, None


def _signed(q: Question, t: str, raw: str) -> str:
    """A change the reply says went down ("dropped 2") is negative."""
    if q.rule is not None and q.rule.decrease and hits(t, q.rule.decrease) and \
            not raw.startswith("-"):
        return f"-{raw}"
    return raw


_MOVED = re.compile(r"(?:\bfrom\s+(?:an?\s+)?(?P<a>\d+(?:\.\d+)?)\s*(?:/\s*10|%|c\b|f\b)?\s*"
                    r"(?:to|up to|down to|->|→|=>)|(?<![\w.])(?P<a2>\d+(?:\.\d+)?)\s*"
                    r"(?:/\s*10|%)?\s*(?:-+>|→|=>|>>))\s*(?:an?\s+)?(?P<b>\d+(?:\.\d+)?)")
"""A move from one figure to another ("from 4 to 7", "4 -> 7", "38.4 → 37.2"): two
readings of one measure at two times, no range of one value."""


def _moved(q: Question, t: str) -> tuple[bool, object] | None:
    """The answer a reply that says how a figure moved gives a question that is no signed
    change: "down 1" is how a score moved, no count of courses; "dropped to a 4 by the
    end" is where the score got to, not by how much; "from 4 to 7" is two readings."""
    if _a_change(t) if not (q.rule and q.rule.decrease) else _LEVEL_REACHED.search(t):
        return False, None
    moved = _MOVED.search(t)
    return _moved_figure(q, moved) if moved is not None else None


def _moved_figure(q: Question, moved: re.Match[str]) -> tuple[bool, object]:
    """The figure of a move a question takes: the first for a score before treatment,
    the last for a current one, none for any other ("pain went up 3 points, from 4 to 7"
    filed 4 failed courses of care: outside tester 28 F6)."""
    rule = q.rule
    figure = (moved["a"] or moved["a2"]) if rule is not None and rule.before_treatment else \
        moved["b"] if rule is not None and rule.current else None
    return (False, None) if figure is None else _number(q, figure)


_COUNTED = re.compile(r"[ \t]+(?P<noun>[a-z]{2,}s)\b")
# (a length's units are the reader's own, values.DURATION_UNITS; the rest are counts a
# question may ask for)
_NOT_THINGS = re.compile(rf"(?:{DURATION_UNITS})|(?:hour|hr|min|point|session|course|set|"
                         r"time|visit|round|block|pt|x-ray|xray|view|film|med|drug|"
                         r"medication|pill|tab|injection|shot|trial|attempt|tr)s|"
                         # (words that only end in "s": "38.6 this am")
                         r"this|thus|plus|less|was|has|his|hers|yes|does|goes|is|as|us|its|"
                         r"unless|across|always|perhaps|towards|afterwards|besides")


def _counts_other_things(q: Question, t: str, quantity: Quantity) -> bool:
    """A bare figure right before a plural noun that is no unit and none of the question's
    own words counts those things ("she has 2 dogs", "works 3 jobs", "3 kids"): no answer."""
    counted = _COUNTED.match(t, quantity.end) if quantity.unit in ("", "word") else None
    if counted is None or _NOT_THINGS.fullmatch(counted["noun"]):
        return False
    return not (q.rule and hits(counted["noun"], q.rule.all_phrases()))


def _tally(quantity: Quantity) -> bool:
    """Two figures joined as a span that runs down, "2-1", "4 to 1": a vote, a score or a
    ratio, no span of one measure (a board's "proceed with the request, 2-1" answered
    the supervised-exercise question with 2 weeks: outside tester session 16 F18)."""
    return quantity.hi is not None and quantity.hi < quantity.value


def _no_length(q: Question) -> bool:
    """A length no denial can give: one of time whose rule reads no denial as zero."""
    return q.spec.unit in ("weeks", "days", "months") and not (q.rule and q.rule.zero_when_denied)


def _beside_named(q: Question, t: str) -> bool:
    """"91 on RA" to the FiO2 question: room air names the FiO2 (21, ``answer_named``); a
    figure other than the one named is another measure's (the saturation on room air)."""
    named = [value for value, replies in (q.rule.answer_named if q.rule else {}).items()
             if hits(t, tuple(replies))]
    return bool(named) and any(f"{x.value:g}" not in named for x in quantities(t))


# ("6 then 8": the two scores in the order they came, outside tester session 10 F15)
_FROM_TO = re.compile(r"(?<![\d./])(?P<a>\d{1,2}(?:\.\d)?)(?:\s*/\s*10)?\s*"
                      r"(?:to|->|-->|→|=>|>|,?\s*(?:and\s+)?then|,?\s*now)\s*"
                      r"(?P<b>\d{1,2}(?:\.\d)?)(?:\s*/\s*10)?(?![\d.])")
_FIGURE = re.compile(r"(?<![\d./])\d{1,2}(?:\.\d)?(?![\d.])")
_CHANGE_WORDS = re.compile(r"\b(?:it|its|it'?s|pain|the|score|nrs|vas|went|has|have|had|was|is|"
                           r"got|gotten|from|to|by|about|around|approx|roughly|points?|pts?|"
                           r"out of|since|now|so|and|then|she|he|her|his|patient|pt|a|"
                           r"bit|little|only|just)\b|/\s*10|-->|->|→|=>|[>~.,;:!()+-]")


_LEVEL_REACHED = re.compile(r"\b(?:to|at)\s+(?:a\s+)?\d{1,2}(?:\.\d)?(?![\d.])"
                            r"(?!\s*(?:points?|pts?)\b)")
""""went up to 9", "dropped to a 4": where the score got to, not by how much."""


def signed_change(q: Question, t: str) -> str | None:
    """A reply to the question about a signed change ("+ if worse, - if better") that
    says which way it went and nothing else: "down 2" is -2, "worse, 6 to 8" +2, "it
    dropped from 7 to 5" -2, "6 to 8" +2 (outside tester, session 7, F22, F23, C5:
    "down 2" was +2). "?" for figures with words for both ways, or a way they
    contradict ("better, 5 to 7"): no answer, and its figures answer nothing else."""
    if q.rule is None or not q.rule.decrease or q.spec.type != "number":
        return None
    words = context_rules()
    down = hits(t, tuple(words.went_down) + q.rule.decrease)
    up = hits(t, tuple(words.went_up))
    rest = _blanked(t, down + up + hits(t, q.rule.all_phrases()))
    figures = _FIGURE.findall(t)
    if not figures or re.search(r"[a-z]{2,}", _CHANGE_WORDS.sub(" ", _FIGURE.sub(" ", rest))):
        return None  # "ODI down 8": another measure's change; "2 courses": no change
    pair = _FROM_TO.search(t)
    if pair is not None and len(figures) == 2:
        a, b = float(pair["a"]), float(pair["b"])
        if q.spec.unit == "points" and max(a, b) > 10:
            return None  # "38 to 30" is no pain score
        value = b - a
    elif len(figures) == 1 and (down or up):
        if _LEVEL_REACHED.search(t):
            return "?"  # "went up to 9": the level it reached; by how much is not said
        value = float(figures[0]) * (-1 if down else 1)
    else:
        return "?" if down or up else None
    if (down and up) or (down and value > 0) or (up and value < 0):
        return "?"  # "better, 5 to 7": which is it? (nor is "5 to 7" read alone)
    return f"{value:g}"


def _a_change(t: str) -> bool:
    """A figure and the way it went, nothing else ("down 1", "2 points worse")."""
    words = context_rules()
    ways = hits(t, tuple(words.went_down) + tuple(words.went_up))
    rest = _CHANGE_WORDS.sub(" ", _FIGURE.sub(" ", _blanked(t, ways)))
    return bool(ways) and len(_FIGURE.findall(t)) == 1 and not re.search(r"[a-z]{2,}", rest)


def _blanked(t: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        t = t[:a] + " " * (b - a) + t[b:]
    return t


def change_answer(text: str, questions: list[Question]
                  ) -> tuple[list[tuple[str, object, str]], list[Unread]]:
    """The whole reply is a signed change, its way and figures split by a comma ("worse,
    6 to 8"): the one pending question about a signed change takes it; one that says
    both ways ("better, 5 to 7") is asked about as a whole."""
    t = text.strip().lower().rstrip(".!")
    found = [(q, change) for q in questions if (change := signed_change(q, t)) is not None]
    if len(found) != 1:
        return [], []
    q, change = found[0]
    if change == "?" and _LEVEL_REACHED.search(t):
        return [], [Unread(text.strip(),
                           f"by how much from where it was? ({q.spec.label.lower()})")]
    if change == "?":
        return [], [Unread(text.strip(), f"did it go up or down? ({q.spec.label.lower()})")]
    return [(q.fact, change, text.strip())], []


def _bare_way(t: str, questions: list[Question]) -> Question | None:
    """"worse", "it got better": the way a change went, no figure, with a question about
    a signed change pending: that question's words ("Give a positive number if the pain
    got worse"), no functional assessment's "worse" (outside tester, session 7, F23)."""
    signed = [q for q in questions if q.rule is not None and q.rule.decrease]
    if len(signed) != 1 or _FIGURE.search(t):
        return None
    words = context_rules()
    ways = hits(t, tuple(words.went_down) + tuple(words.went_up))
    rest = _blanked(t, ways)
    if not ways or re.search(r"[a-z]{2,}", _CHANGE_WORDS.sub(" ", re.sub(
            r"\b(?:much|lot|little|bit|slightly|somewhat|way|getting|gotten)\b", " ", rest))):
        return None
    return signed[0]


_TIMES = re.compile(r"once|twice|thrice|\w+ times")
"""How often, not how long ("she has had PT twice")."""
_AGE_SAID = re.compile(r"(?:\b(?:she|he|they|patient|pt|who)\s*(?:is|'s|was|are)|\bages?d?:?)"
                       r"\s+(?:about |around |now |only )?\S+$")
"""A bare figure said of the patient ("she is 35", "age 72"): an age."""

_FILLER = re.compile(r"\b(?:about|around|approx|approximately|roughly|maybe|i think|think|"
                     r"it|was|is|were|are|so far|total|in total|overall|the|a|an|of|for|"
                     r"she|he|they|did|had|has|have|just|only|exactly|like|ok|yes|yeah|"
                     r"and|or|not|sure|probably|i|we|guess|ish|or so|on|done|dated|"
                     r"performed|taken|last|last one|one|most recent|latest)\b|[~≈.,;:!?()-]")


def _names_something(q: Question, t: str, a: int, b: int) -> bool:
    """A bare figure beside words that name something other than the question's fact
    ("A1c 8", "BMI 31"): not an answer to it."""
    rest = t[:a] + " " + t[b:]
    for phrase in sorted(q.rule.all_phrases() if q.rule else (), key=len, reverse=True):
        rest = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", " ", rest)
    return bool(re.search(r"[a-z]{2,}|[a-z]\d|\d[a-z]", _FILLER.sub(" ", rest)))


_LABEL = re.compile(r"(?P<label>(?:[a-z][\w/&'-]*(?:\(\w+\))?[ \t]+)?[a-z][\w/&'-]*(?:\(\w+\))?)"
                    r"(?:[ \t]+(?:x|for|was|"
                    r"were|is|are|of|at|about|around|~))*[ \t:=~]*$")
"""The one or two words right before a figure, past a linking word ("platelet count was
240", "gabapentin x 6 wks"); a lab's name may end in a parenthesis ("Lp(a) 3.2")."""
_LABEL_WORD = re.compile(r"[a-z]{2,}|(?!x\d|q\d)[a-z]\d\w*")
"""A label's words: letters, or a letter then digits ("A1c", "B12", "T4"): a lab's name
is a label whether the reader knows it or not (outside tester 31 F12: "A1c 5.6" stored as
the change in pain). "x2" and "q4h" say how often, no measure."""
_LETTER_LABEL = re.compile(r"(?<![\w/.-])[kt](?![\w/.-])")
"""A lab's or a vital's one-letter name right before a figure ("K 4.1" potassium, "T 37.9"
temperature): a label too, though one letter (outside tester 33 F11 / 34 F13: a typed
"K 4.1, Na 138" stored as the baseline pain score, 4.1 meeting the policy's 4)."""
_TAKEN_BACK = re.compile(r"\bnot[ \t]+(?:even[ \t]+)?$")
_OTHER_AFTER = re.compile(r"\s*(?:post\b|on\s+\d+(?:\.\d+)?\s*(?:l|lpm|l/min)\b)")
_DOSE = re.compile(r"\d\s*(?:mg|mcg|g|ml|units?)\b")


def _labelled_another(q: Question, t: str, quantity: Quantity) -> bool:
    """A figure labelled as another measure, whatever its unit: the word right before it
    is no word of the question's ("platelets 288" to the WBC question, "FEV1/FVC 77" or
    "FVC 88%" to the FEV1 one), a post-bronchodilator figure or a saturation on oxygen
    after it ("63% post", "96% on 2 L" to the FiO2 one), or a drug's dose beside it
    ("meloxicam 15 mg daily for 10 weeks" to the PT-education one): it answers no open
    question (outside tester 30 F1: false meets from each). A bare figure, or one named
    by the question's own words ("FEV1 74%", "white count 9.1"), still answers."""
    if _TAKEN_BACK.search(t, 0, quantity.start):
        return True  # "two views of one set, not two sets": the figure after "not"
    label = _LABEL.search(t, 0, quantity.start)
    if label is not None:
        rest = label["label"]
        for phrase in sorted(q.rule.all_phrases() if q.rule else (), key=len, reverse=True):
            rest = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", " ", rest)
        asked = _asked_words(f"{q.spec.label} {q.spec.question or ''}")
        words = [w for w in _LABEL_WORD.findall(_FILLER.sub(" ", rest))
                 if w not in asked and w not in _PLAIN_LABELS] + \
            _LETTER_LABEL.findall(rest)
        if words:
            return True
    return bool(_OTHER_AFTER.match(t, quantity.end) or _of_a_dose(t, quantity))


_CLAUSE_END = re.compile(r"[;,()]|\.(?!\d)|\s[-–—]+\s|\band\b|\bthen\b|\bplus\b|\bbut\b|\n")
_BARE_CLAUSE = re.compile(r"[\s:~-]*(?:(?:for|x|over|about|around|~|total|in all|each|daily|"
                          r"a day|per day|bid|tid|qd|prn)\s*)*$")


def _of_a_dose(t: str, quantity: Quantity) -> bool:
    """The figure is a drug's dose, or in the dose's own clause ("meloxicam 15 mg daily for
    10 weeks"), or a bare length right after it ("ibuprofen 600 mg, 8 weeks"): the drug's.
    A figure of another clause of the reply ("8 weeks of PT, ibuprofen 600 mg") is its
    own: one dose in a reply refused all its figures (session 30's chat)."""
    ends = [m.end() for m in _CLAUSE_END.finditer(t, 0, quantity.start)]
    start = ends[-1] if ends else 0
    stop = _CLAUSE_END.search(t, quantity.end)
    if _DOSE.search(t[start:stop.start() if stop else len(t)]):
        return True
    if len(ends) < 1 or not _BARE_CLAUSE.fullmatch(t[start:quantity.start]):
        return False
    tail = t[quantity.end:stop.start() if stop else len(t)]
    before = t[ends[-2] if len(ends) > 1 else 0:start]
    return not re.search(r"[a-z]{2,}", re.sub(r"\b(?:weeks?|wks?|months?|mos?|days?)\b", "",
                                               tail)) and bool(_DOSE.search(before))


_PLAIN_LABELS = frozenset({"then", "so", "been", "be", "now", "today", "at", "by", "to",
                           "from", "with", "in", "up", "down", "down to", "up to",
                           "well", "than", "meant", "mean", "pre", "it's", "its",
                           # (the writer choosing a figure asked back: "use 5", "go with 4")
                           "use", "go", "take", "make", "it", "put", "record", "enter", "pick",
                           "choose", "say", "actually", "really", "only",
                           # (a hedge is no label: "almost 12 weeks" is confirmed, not refused)
                           "almost", "nearly", "approximately", "approx", "roughly", "around",
                           "about", "over", "under", "just", "close", "maybe", "probably",
                           "likely", "least", "most", "more", "less"})
"""Words right before a figure that label no measure ("then +2", "so 2", "been 37.2")."""


@cache
def _asked_words(question: str) -> frozenset[str]:
    """The words of three letters or more in a question's label and text."""
    return frozenset(re.findall(r"[a-z]{3,}", question.lower()))


def _denies_own(q: Question, t: str) -> bool:
    """"no PT" answers how many weeks of PT; "no pneumonia" and "never hospitalized" are
    about something else, so they answer no other question."""
    word = re.sub(r"^(no|none|zero|not any)\s*", "", t).strip()
    return not word or bool(re.fullmatch(r"(?:done|ever|at all|yet|so far|weeks?|courses?|"
                                         r"sessions?)(?: (?:at all|yet|so far|done))?", word)) \
        or bool(q.rule and hits(word, q.rule.all_phrases()))


def _date(q: Question, t: str, as_of: date) -> tuple[bool, object]:
    found = dates_in(t, as_of)
    if found and any(_names_something(q, t, a, b) for _d, (a, b) in found[:1]):
        return False, None  # "s/p ACL reconstruction 9/15/26" dates a surgery, not this
    if found and _times_a_figure(t, found):
        return False, None  # "36.9 this morning": when a reading was taken, not this date
    if found and found[0][0] is not None:
        return True, max(d for d, _ in found if d is not None).isoformat()
    if NO.match(t) or re.fullmatch(r"(never|not done|none|not performed|never done|no \w+)"
                                   r"( at all| yet| so far| done| ever)?", t) \
            and _denies_own(q, re.sub(r"^(never|not done|not performed)\b", "no", t)):
        return True, "never"
    return False, None


def _times_a_figure(t: str, found: list[tuple[date | None, tuple[int, int]]]) -> bool:
    """A day counted from today beside a figure of its own ("36.9 this morning", "FEV1 62%
    yesterday") is when that figure was taken: an answer about the figure, not a date to put
    to the pending date question (outside tester 25 F8: a temperature's morning read as the
    pulmonary function tests' date)."""
    spans = [span for _d, span in found]
    return any(relative_date(t[a:b]) for a, b in spans) and \
        bool(re.search(r"\d", mask_ages(_blanked(t, spans))))


def _choice(q: Question, t: str) -> tuple[bool, object]:
    for key, label in (q.spec.choices or {}).items():
        if t in (key.lower().replace("_", " "), label.lower()):
            return True, key
    rule = q.rule
    if rule is None:
        return False, None
    # The longest words named win: "no she can't be pregnant" names "can't be pregnant"
    # (not applicable), which holds "pregnant" (whose denial would be "not pregnant").
    named = sorted(((b - a, a, key) for key, phrases in rule.choices.items()
                    for a, b in hits(t, phrases)), key=lambda n: (-n[0], n[1]))
    if named:
        size, a, key = named[0]
        if _OWN_DENIAL.search(t[a:a + size]):
            return True, key  # the words carry their own denial; a "no" before agrees
        if not re.search(r"\b(no|not|never)\b", t[:a]) and not _denied_in_clause(t, a):
            return True, key
        if rule.negated:
            return True, rule.negated
    if rule.negated and (NO.match(t) or _NO_PREFIX.match(t)):
        return True, rule.negated
    yes_key = next(iter(rule.choices), None)
    if yes_key and YES.match(t) and rule.negated and not _says_only_a_record(q, t):
        return True, yes_key
    return False, None


_OWN_DENIAL = re.compile(r"\b(?:can'?t|cannot|can not|not|no|never|non)\b")
_NOT_SEVERE = re.compile(r"\b(?:nothing|none|not|neither)(?: of (?:it|them|these))?\s+"
                         r"(?:is\s+|are\s+)?(?:severe|serious)\b")
_MILD = re.compile(r"\b(?:mild|stable|(?<!poorly )controlled|well[- ]controlled)\b")


def _severe(q: Question, t: str) -> bool:
    """An answer naming conditions says they are severe unless it says they are mild,
    stable or not severe (a qualifier such as "severe" that is not denied)."""
    affirmed = [a for a, _b in hits(t, q.rule.qualifier if q.rule else ())
                if not re.search(r"\b(?:nothing|none|not|neither)\s+$", t[:a])]
    return bool(affirmed) or not (_MILD.search(t) or _NOT_SEVERE.search(t))


_DENIAL_WORD = re.compile(r"\b(?:no|not|never|nor|neither|none|denies|denied|deny|without|"
                          r"negative|ruled out|free of|take (?:it|that) back|scratch that|"
                          r"forget|ignore|never ?mind|nvm|wrong|mistake|isn'?t|wasn'?t|"
                          r"doesn'?t|don'?t|didn'?t|hasn'?t|haven'?t)\b|n't\b")
_ANSWER_CLAUSE = re.compile(r"[,;.]|\b(?:and|but|plus|also)\b")


def _denied_in_clause(t: str, a: int) -> bool:
    """The choice word at ``a`` stands in a clause with a denial or a retraction
    ("she doesn't have diabetes", "diabetes - no", "never mind the diabetes"): it is not
    named as present. "not severe" only says how bad it is."""
    starts = [m.end() for m in _ANSWER_CLAUSE.finditer(t, 0, a)]
    end = _ANSWER_CLAUSE.search(t, a)
    clause = t[starts[-1] if starts else 0:end.start() if end else len(t)]
    return bool(_DENIAL_WORD.search(_NOT_SEVERE.sub(" ", clause)))


_NONE_ANSWER = re.compile(
    r"^(?:none|nothing|neither|no comorbidities)\b"
    # ... but not the subject of a verb: "nothing conservative has worked", "none of them
    # helped" say how care went, and had answered the comorbidity question "none"
    # (outside tester 34 F3: a case whose comorbidities were never stated then met)
    r"(?!\s+(?:[\w']+\s+){0,5}?(?:has|have|had|was|were|is|are|did|does|do|worked|works|"
    r"helped|helps|changed|made|makes|gave|gives|came|happened|improved|touched|relieved)\b)")
"""A reply that opens by saying there is none ("none", "nothing significant", "neither")."""


def _set(q: Question, t: str) -> tuple[bool, object]:
    if NO.match(t) or _NONE_ANSWER.match(t):
        return True, []
    if q.rule is not None:
        named = [(key, a) for key, phrases in q.rule.choices.items() for a, _b in hits(t, phrases)]
        keys = sorted({key for key, a in named if not _denied_in_clause(t, a)})
        if not keys and named:
            return False, None  # a choice only denied or taken back: read from the words
        if keys and q.rule.qualifier and not _severe(q, t):
            # "CKD stage 3a, stable, and mild asthma. nothing severe": none is severe.
            return (True, []) if _NOT_SEVERE.search(t) else (False, None)
        if keys:
            return True, keys
        if hits(t, q.rule.none):
            return True, []
    for key, label in (q.spec.choices or {}).items():
        if t in (key.lower().replace("_", " "), label.lower()):
            return True, [key]
    return False, None


_UNSURE_ABOUT = re.compile(rf"^\s*(?:i'?m |i am |we'?re |i |we )?(?:have )?(?:{_UNSURE_WORDS})\s+"
                           r"(?:(?:about|of|on|regarding|re|with|for|what|when|if|whether|how)"
                           r"\s+)?(?P<what>\S.*)")


def unsure_of_named(t: str, rules: dict[str, ReadingRule]) -> str | None:
    """The one fact a short "not sure about the nerve block" names when it is not on
    screen: not knowing it is that fact's answer (it was asked back as "possible most
    recent nerve block?": outside tester 17 C2, 20 C4)."""
    about = _UNSURE_ABOUT.match(t.strip().lower().rstrip(".!"))
    if about is None or len(t.split()) > 8 or about_parts(t.lower()):
        return None
    named = {f for f, rule in rules.items() if hits(about["what"], rule.phrases)}
    return named.pop() if len(named) == 1 else None


def _unsure_of_another(q: Question, t: str) -> bool:
    """"not sure about PFTs" while the symptom duration is asked: not knowing is about the
    thing named, not the question on screen (outside tester 17, C2: recorded "Symptom
    duration: not sure")."""
    about = _UNSURE_ABOUT.match(t)
    if about is None or q.rule is None:
        return False
    what = about["what"]
    if not re.sub(r"\b(?:the|of|for|in|up)\b|\W", "", _BREAKDOWN.sub("", what)):
        return False  # "don't know the breakdown": of what is on screen
    return not names(q, what) and not re.fullmatch(
        r"(?:it|that|this|the (?:last|first) one|any of (?:it|them|these|those)|all of (?:it|"
        r"them)|them|those|these|the answer|the question)\W*", what)


def named_in(q: Question, t: str) -> bool:
    """One of the phrases that name what ``q`` asks about is in ``t``."""
    return bool(hits(t, subject_of(q)))


def names(q: Question, t: str) -> bool:
    """``t`` names what ``q`` asks about: one of its phrases, or a word of one ("not sure
    about a block" is the nerve block's)."""
    words = {w for p in subject_of(q) for w in re.findall(r"[a-z]{4,}", p)} - PLAIN_WORDS
    return named_in(q, t) or bool(words & set(re.findall(r"[a-z]{4,}", t)))


PLAIN_WORDS = {"sure", "about", "that", "this", "what", "when", "with", "know", "have", "been",
          "there", "them", "those", "these", "which", "whether", "from", "than", "then"}


def answer_for(q: Question, text: str, as_of: date) -> tuple[bool, object]:
    """Read ``text`` as a direct answer to the question about ``q``: (fits, raw value)."""
    t = text.strip().lower().rstrip(".!")
    if _unsure(t) or _named_unsure(q, t):
        return (False, None) if _unsure_of_another(q, t) else (True, None)
    if q.spec.type == "boolean":
        return _boolean(q, t)
    if q.fact == "symptom_weeks" and _care_length(t):
        return False, None
    if q.spec.type == "number" and (onset := _onset_answer(q, t, as_of)) is not None:
        return True, onset
    if q.spec.type == "number":
        # "about 12, maybe 13 wks": which one is asked
        return (False, None) if _ANOTHER_FIGURE.search(t) else _number(q, t)
    if q.spec.type == "date":
        return _date(q, t, as_of)
    if q.spec.type == "choice":
        return _choice(q, t)
    return _set(q, t)


@cache
def _care_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = context_rules()
    drugs = words.drug_classes
    care = tuple(words.care_named) + tuple(d for ds in drugs.values() for d in ds) + \
        tuple(n for names in drugs for n in names.split("|"))
    return care, tuple(words.complaint_named)


def _care_length(t: str) -> bool:
    """A reply naming a care, and no complaint, with its length ("band program 09/08-11/09
    (9 wks)", "9 wks of naproxen"): the care's length, not the symptoms'."""
    care, complaint = _care_words()
    return bool(hits(t, care)) and not hits(t, complaint)


# ("onset 05/04/2026", "her knee has hurt since 03/02/2026", "started May 4th": to "how long
# has the patient had these symptoms?" an onset is the usual answer; outside tester 17 C6
# and M13, where each was "not an answer to the question about symptom duration")
_ONSET_ANSWER = re.compile(r"^(?P<who>[a-z' ]*?)\b(?:since|onset(?:\s+(?:was|in|on|of))?|"
                           r"(?:it\s+|they\s+|symptoms\s+|pain\s+)?(?:began|started|start(?:ing)?)"
                           r"(?:\s+(?:in|on))?|from)\b[\s:]*(?P<when>.+)$")
_ONSET_WHO = re.compile(r"(?:(?:she|he|they|the patient|patient|it|her|his|their|the|"
                        r"symptoms?|sx|pain|has|have|had|been|was|is|it's|she's|he's|"
                        r"hurt|hurting|hurts|aching|achy|sore|painful|bothering|bothered|"
                        r"knee|back|neck|hip|shoulder|ankle|wrist|elbow|low|lower|upper|"
                        r"left|right|bilateral|cough|coughing|dyspnea|sob|short of breath)"
                        r"\s*)*")
"""The words an onset answer may open with: whose symptom, and which (nothing that names
a treatment or a test: "PT since March" is when PT began)."""


def _onset_answer(q: Question, t: str, as_of: date) -> str | None:
    """The days since an onset day given to a symptom-length question ("onset 05/04/2026",
    "her knee has hurt since 03/02/2026" -> the days from that day to ``as_of``)."""
    if q.rule is None or not q.rule.onset or q.spec.unit not in ("weeks", "days", "months"):
        return None
    found = _ONSET_ANSWER.match(t)
    if found is None or not _ONSET_WHO.fullmatch(found["who"]) or \
            re.search(r"\b(?:worse|better|improved|worsened|flared)\b", found["who"]):
        return None
    # (a month with no day, "since march", is asked, as in a note: the corpus's convention)
    when = found["when"].strip()
    dated = dates_in(when, as_of)
    if len(dated) != 1 or dated[0][0] is None or dated[0][1][0] != 0 or \
            when[dated[0][1][1]:].strip(" .!"):
        return None
    days = (as_of - dated[0][0]).days
    return f"{days} days" if days > 0 else None


# -------------------------------------------------------------- matching

_TIERS = {
    # The kinds of question a short answer most naturally answers, best first.
    "date": ("date",),
    "number": ("number",),
    "yes_no": ("boolean", "choice", "set", "date"),
    "none": ("set", "boolean", "choice", "date", "number"),
}


def _shape(t: str, as_of: date) -> str | None:
    t = t.strip().lower()
    if dates_in(t, as_of):
        return "date"
    if re.search(r"\d", mask_ages(t)):  # "41 yo woman" is no figure of any question
        return "number"
    if _NONE_ANSWER.match(t):
        return "none"
    if YES.match(t) or NO.match(t):
        return "yes_no"
    return None


@dataclass
class Answers:
    read: list[tuple[str, object, str]]
    """(fact, raw value, the words) for each answer that fits its question."""
    unread: list[Unread]


def match_answers(parts: list[str], questions: list[Question], as_of: date,
                  prefer: list[str] | None = None, as_answers: bool = True,
                  wordy: bool = False) -> Answers:
    """Match answer parts to the pending questions: one per question in the order asked
    when the counts agree, otherwise by kind where exactly one question fits.
    ``as_answers=False``: the parts may be a note's lines, not meant as answers, so a
    part that does not fit is not said to be a wrong answer to its question. ``wordy``:
    the parts are a long message's (see :func:`open_questions`)."""
    out = Answers([], [])
    if not parts or not questions:
        return out
    if len(parts) == len(questions):
        for part, q in zip(parts, questions, strict=True):
            fits, value = answer_for(q, part, as_of) \
                if q in open_questions(part, questions, wordy) else (False, None)
            if fits:
                out.read.append((q.fact, value, part.strip()))
            elif _shape(part, as_of) is None:
                out.unread.append(Unread(part.strip()))  # no answer of any kind: "still hurts"
            else:
                out.unread.append(_misfit(part, q) if as_answers else Unread(part.strip()))
        _one_current(parts, questions, out, as_of)
        return out
    remaining = list(questions)
    rest = []
    for part in parts:  # "PCP referral -- don't know" answers its own question first
        named = [q for q in remaining if _named_unsure(q, part.strip().lower())]
        if len(named) == 1:
            out.read.append((named[0].fact, None, part.strip()))
            remaining.remove(named[0])
        else:
            rest.append(part)
    for part in rest:
        open_to = open_questions(part, remaining, wordy)
        q = _pick(part, open_to, as_of, prefer or [])
        if q is None:
            # Ask which question only when several could take it; "naproxen" fits none.
            fitting = [r for r in open_to if answer_for(r, part, as_of)[0]]
            way = _bare_way(part.strip().lower().rstrip(".!"), remaining)
            out.unread.append(_which(part, fitting) if len(fitting) > 1 else Unread(
                part.strip(), f"by how much? ({way.spec.label.lower()})" if way else ""))
            continue
        fits, value = answer_for(q, part, as_of)
        if fits:
            out.read.append((q.fact, value, part.strip()))
            remaining.remove(q)
        else:
            out.unread.append(_misfit(part, q))
    _one_current(parts, questions, out, as_of)
    return out


_NOW_SAID = re.compile(r"\b(?:today|now|this (?:morning|afternoon|evening)|tonight|currently|"
                       r"at present|presently|latest|most recent|on recheck|recheck(?:ed)?)\b")
"""Words that make a reply's figure today's ("36.8 today", "now 5/10")."""
_EARLIER_SAID = re.compile(r"\b(?:yesterday|ago|last (?:week|night|month)|was|were|before|"
                           r"previously|earlier|initially|at (?:intake|baseline))\b")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_RETRACTED = re.compile(r"\b(?:i meant|i mean|sorry|correction|actually|scratch that|no wait|"
                        r"strike that|i misread|my mistake)\b")
"""Words of a reply that takes a figure back: which one holds is the retraction's to say."""


_DAY_OF_YEAR = re.compile(r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])")
"""A month and day with no year ("on 11/25"): this year's, or last year's if still to come."""


def _days_given(part: str, as_of: date) -> list[date]:
    found = [d for d, _span in dates_in(part, as_of) if d is not None]
    for m in _DAY_OF_YEAR.finditer(part):
        day = last_on_or_before(int(m["m"]), int(m["d"]), as_of)
        found += [day] if day is not None else []
    return found


def _dated_back(part: str, as_of: date, days: int) -> bool:
    """Every date ``part`` gives is at least ``days`` before ``as_of`` (and it gives one)."""
    found = _days_given(part, as_of)
    return bool(found) and all((as_of - d).days >= days for d in found)


def _said_before(part: str, as_of: date) -> bool:
    return bool(_EARLIER_SAID.search(part)) or _dated_back(part, as_of, 1)


def _highest_of(value: object, values: list[object]) -> bool:
    """``value`` is the highest of ``values``, all in one unit ("36.8 C" beside "36.9 C");
    False where they cannot be compared."""
    def split(v: object) -> tuple[float, str] | None:
        m = _FIGURE.search(str(v))
        return (float(m.group()), str(v)[m.end():].strip()) if m else None
    mine, all_ = split(value), [split(v) for v in values]
    if mine is None or any(a is None or a[1] != mine[1] for a in all_):
        return False
    return all(mine[0] >= a[0] for a in all_)  # type: ignore[index]


def _current_of(q: Question, group: list[tuple[str, object]], as_of: date
                ) -> tuple[str, object] | None:
    """Of a reply's several figures of one current fact, the one said to be now, where the
    others are said or dated earlier; a fact asked as the highest recent reading takes it
    only where it is the highest, or the others are older than recent (``lasts_days``)."""
    now = [(p, v) for p, v in group if _NOW_SAID.search(p.lower())]
    if len(now) != 1:
        return None
    others = [(p, v) for p, v in group if (p, v) != now[0]]
    if not all(_said_before(p.lower(), as_of) and not _NOW_SAID.search(p.lower())
               for p, _v in others):
        return None
    rule = q.rule
    if rule is not None and rule.now_if_highest and not _highest_of(
            now[0][1], [v for _p, v in group]) and not all(
            _dated_back(p, as_of, rule.lasts_days or 1) for p, _v in others):
        return None
    return now[0]


def _one_current(parts: list[str], questions: list[Question], out: Answers,
                 as_of: date) -> None:
    """A reply giving two figures of a fact that is asked as it is now ("36.9 C on 11/25,
    and 36.8 today": outside tester 28 F10 stored the first): the one said to be now is
    the answer; with none clearly so, which one is current is asked."""
    if _RETRACTED.search(" ".join(parts).lower()):
        return  # "38.3 - no wait, that was yesterday's": the writer's own correction decides
    taken = {words for _f, _v, words in out.read}
    for i, (fact, value, words) in enumerate(list(out.read)):
        q = next((q for q in questions if q.fact == fact), None)
        if q is None or q.spec.type != "number" or q.rule is None or not q.rule.current:
            continue
        group = [(words, value)]
        for part in parts:
            if part.strip() in taken:
                continue
            fits, other = answer_for(q, part, as_of)
            if fits and other is not None and other != value:
                group.append((part.strip(), other))
        if len(group) < 2:
            continue
        chosen = _current_of(q, group, as_of)
        said = {p for p, _v in group}
        out.unread[:] = [u for u in out.unread if u.words.strip() not in said]
        if chosen is not None:
            out.read[i] = (fact, chosen[1], chosen[0])
            continue
        out.read.remove((fact, value, words))
        out.unread.append(Unread(" … ".join(p for p, _v in group),
                                 f"several values; which {q.spec.label.lower()} is current?"))


def subject_of(q: Question) -> tuple[str, ...]:
    """The words that name what a question is about (its fact's phrases, and the tools
    whose figures it reads: "ODI" for the functional assessment)."""
    if q.rule is None:
        return ()
    return q.rule.all_phrases() + tuple(p for ps in q.rule.not_lower.values() for p in ps)


def open_questions(part: str, questions: list[Question], wordy: bool = False
                   ) -> list[Question]:
    """The questions ``part`` may answer: a part that names what another of them is
    about, and nothing of a question's own, is about that other one. "ODI went from 38
    to 30 in the last 6 weeks" is the functional assessment's: its 6 weeks are no
    conservative treatment (outside tester, session 7, F13). In a ``wordy`` message (a
    note, a patient's own account) a sentence's figure answers a number question only
    where it names the question's subject: "I took ibuprofen for 2 months" is one
    medicine's course, not all the conservative treatment (session 8, F22)."""
    t = part.strip().lower().rstrip(".!")
    if (signed := _bare_way(t, questions)) is not None:
        return [signed]
    named = {id(q): bool(hits(t, subject_of(q))) for q in questions}
    if wordy and len(t.split()) > 2:
        questions = [q for q in questions if q.spec.type != "number" or named[id(q)]]
    if not any(named.values()):
        return list(questions)
    return [q for q in questions if named[id(q)]]


def _misfit(part: str, q: Question) -> Unread:
    """An answer of the wrong kind for the question it stands for ("3" for a yes/no)."""
    return Unread(part.strip(), f"not an answer to the question about {q.spec.label.lower()}")


def restated(words: str, specs: dict[str, FactSpec], known: dict[str, object],
             as_of: date) -> str | None:
    """The one recorded number fact whose value the single figure of ``words`` is ("no I
    mean total 13 weeks" with physical therapy at 13 weeks): the user saying it again, no
    answer to an open question. None when no fact, or more than one, holds that figure."""
    found = [q for q in quantities(words.lower()) if q.hi is None]
    if len(found) != 1:
        return None
    same = []
    for name, value in known.items():
        spec = specs.get(name)
        raw = compatible(spec, found[0]) if spec is not None and spec.type == "number" \
            else None
        try:
            if raw is not None and value is not None and \
                    parse_value(name, spec, raw, as_of) == value:  # type: ignore[arg-type]
                same.append(name)
        except FactError:
            continue
    return same[0] if len(same) == 1 else None


def _which(part: str, remaining: list[Question]) -> Unread:
    labels = ", ".join(q.spec.label for q in remaining)
    return Unread(part.strip(), f"which question does it answer: {labels}?" if remaining else "")


def _pick(part: str, remaining: list[Question], as_of: date,
          prefer: list[str] = ()) -> Question | None:  # type: ignore[assignment]
    """The one pending question ``part`` answers, or None if none or several fit."""
    t = part.strip().lower()
    if _unsure(t):
        return remaining[0] if len(remaining) == 1 and not _unsure_of_another(
            remaining[0], t) else None
    shape = _shape(t, as_of)
    tiers = _TIERS.get(shape or "", ())
    if shape in ("none", "yes_no") and len(remaining) > 1:
        # "none" to "assessment done? / how many failed courses? / logs on file?" fits
        # each of them: which one it answers is asked, never guessed.
        kinds = [k for k in tiers if not (shape == "yes_no" and k == "date")]
        fitting = [q for q in remaining if q.spec.type in kinds and answer_for(q, t, as_of)[0]]
        lists = [q for q in fitting if q.spec.type == "set"]
        if shape == "none" and len(lists) == 1:
            # ("none" to "any severe comorbidities? (any that apply, or none)" beside a
            # yes/no question: the answer the list question offers, given plainly; it was
            # held "(please confirm)" in some chats and noted at once in others, outside
            # tester 28 M1/C3)
            return lists[0]
        if len(fitting) > 1 and not _prefer_settles(shape, fitting, prefer):
            return None
    for kind in tiers:
        if shape == "yes_no" and kind == "date" and len(remaining) > 1:
            break  # a bare "no" beside other questions is not "never done"
        fitting = [q for q in remaining if q.spec.type == kind and answer_for(q, t, as_of)[0]]
        if len(fitting) == 1:
            return fitting[0]
        chosen = [q for q in fitting if q.fact in prefer or signed_change(q, t) is not None]
        if len(fitting) > 1 and len(chosen) == 1:
            return chosen[0]  # the value just asked back: "X-rays in March" -> "3/15/2026"
        if len(fitting) > 1:
            return None  # "2026-08-01" with two date questions: ask which
    if shape is None:
        fitting = [q for q in remaining if answer_for(q, t, as_of)[0]]
        return fitting[0] if len(fitting) == 1 else None
    return None


def _prefer_settles(shape: str, fitting: list[Question], prefer: list[str]) -> bool:
    """A question asked back settles which of several a short answer is for; but a bare
    "none" also answers each "how many?" shown (courses, weeks): given to a yes/no question
    asked back it stored "MRI shows compression: no" when the nurse meant no courses
    (outside tester 31 C3), so with a count open beside it, which one is asked."""
    chosen = [q for q in fitting if q.fact in prefer]
    if not chosen:
        return False
    return not (shape == "none" and any(q.spec.type == "number" for q in fitting) and
                all(q.spec.type != "number" for q in chosen))


_ALL_FIRST = re.compile(r"^\s*(?:all|each|all (?:three|four|five|of them|of those|of these))"
                        r"\s*[,:-]?\s*(?:are\s+|is\s+)?(?P<word>no|none|negative|nope|yes|yep|"
                        r"yeah|not sure|unsure|don'?t know|unknown|idk)\b[\s.!]*$")


def all_answer(text: str, questions: list[Question]) -> list[tuple[str, object, str]]:
    """"no to all", "yes to both", "all yes", "both no", "not sure about any of them"."""
    match = _ALL.match(text.strip().lower()) or _ALL_FIRST.match(text.strip().lower())
    if match is None:
        return []
    word = match["word"].lower()
    words = text.strip()
    if word in ("yes", "yep", "yeah"):
        return [(q.fact, True, words) for q in questions if q.spec.type == "boolean"]
    if word in ("no", "none", "negative", "nope"):
        # (no date: "all no" to "when was the MRI?" is no "never done", as a bare "no"
        # beside other questions is not; outside tester session 11 C10)
        empty = {"boolean": False, "set": []}
        return [(q.fact, empty[q.spec.type], words) for q in questions if q.spec.type in empty]
    return [(q.fact, None, words) for q in questions]


_FOR_ALL = re.compile(r"^\s*(?:none of the above|all of the above|ditto|same|same as "
                      r"(?:before|above|last time|the last one)|same again)[\s.!]*$", re.I)
"""A reply for every question shown at once that names no value ("ditto", "none of the
above")."""


def all_unfitting(text: str, questions: list[Question]) -> Unread | None:
    """"all no", "none of the above", "ditto" where no question shown takes such an
    answer (a region, a number of weeks): say which answers they need, not "say it
    another way" (outside tester session 11 C10)."""
    t = text.strip().lower()
    if not questions or not (_ALL.match(t) or _ALL_FIRST.match(t) or _FOR_ALL.match(t)) \
            or all_answer(text, questions):
        return None
    return Unread(text.strip(), "that answers no question shown by itself; please answer "
                  "each with its value: " + ", ".join(q.spec.label.lower() for q in questions))


_OTHERWISE = re.compile(r"\s*(?:maybe|possibly|perhaps|probably|or|some weeks|sometimes|"
                        r"occasionally|other weeks|mostly|usually)\b")
"""A part that offers another figure for the answer before it ("about 12, maybe 13 wks",
"2x a week mostly, some weeks only once"): it qualifies that answer, it answers nothing
else."""
_ANOTHER_FIGURE = re.compile(r"\d[^\d]*\b(?:maybe|possibly|perhaps|probably|or|some weeks|"
                             r"sometimes|occasionally|other weeks)\b[^\d]{0,20}"
                             r"(?:\d|once|twice|one|two|three|four)")


def answer_parts(text: str) -> list[str]:
    spans: list[list[int]] = []
    start = 0
    for cut in [*_PARTS.finditer(text), None]:
        end = cut.start() if cut else len(text)
        if text[start:end].strip():
            if spans and _OTHERWISE.match(text, start):
                spans[-1][1] = end  # "about 12, maybe 13 wks": one answer, in doubt
            else:
                spans.append([start, end])
        start = cut.end() if cut else end
    return [text[a:b] for a, b in spans]


# ------------------------------------------------- answers the questions' own way

_NUMBERED = re.compile(r"(?:^|(?<=\s))(?P<n>[1-9])\s?[.):]\s+")


def numbered_parts(text: str, count: int) -> dict[int, str] | None:
    """"1. 3 2. 5 months 3. 9/15/26", "1) yes\\n2) no": answers numbered like the
    questions, by the question's place (0-based), in any order ("3) gait is fine 1) 5/10
    2) yes"). None unless the text opens with a number and no number is given twice or
    goes beyond the questions asked."""
    marks = list(_NUMBERED.finditer(text))
    numbers = [int(m["n"]) for m in marks]
    if len(marks) < 2 or text[:marks[0].start()].strip() or \
            len(set(numbers)) != len(numbers) or max(numbers) > count:
        return None
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        words = text[m.end():end].strip(" \t\n,;")
        if words:
            out[numbers[i] - 1] = words
    return out


_REFERRED = re.compile(r"(?:^|(?<=[,.;:])|(?<=[,.;:]\s)|(?<=\sand\s))\s*(?:and\s+)?(?:the\s+)?"
                       r"(?P<which>first|1st|second|2nd|third|3rd|other|last)\s+"
                       r"(?:one|question)\b(?:\s+(?:is|was|=))?[\s,:;–—-]*", re.I)
_PLACES = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}


def referred_parts(text: str, count: int) -> dict[int, str] | None:
    """"the first one, 2 a week. the other one not sure": answers that name the question
    they answer by its place, by the question's place (0-based). None unless two or more
    such parts open the text and name different questions asked."""
    marks = list(_REFERRED.finditer(text))
    if len(marks) < 2 or text[:marks[0].start()].strip():
        return None
    places: list[int] = []
    for m in marks:
        which = m["which"].lower()
        if which == "last":
            places.append(count - 1)
        elif which == "other":
            rest = [i for i in range(count) if i not in places]
            if count != 2 or len(rest) != 1:
                return None  # "the other one" of three is not said
            places.append(rest[0])
        else:
            places.append(_PLACES[which])
    if len(set(places)) != len(places) or max(places) >= count:
        return None
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        words = re.sub(r"\s+and\s*$", "", text[m.end():end]).strip(" \t\n,;.")
        if words:
            out[places[i]] = words
    return out


def in_order(parts: list[str], questions: list[Question], as_of: date, wordy: bool = False
             ) -> list[tuple[str, object, str]] | None:
    """"yes, yes" to three yes/no questions: fewer answers than questions, each an
    answer to the question in its place; the rest stay open. None if one does not fit."""
    if not 2 <= len(parts) < len(questions):
        return None
    out = []
    for part, q in zip(parts, questions, strict=False):
        fits, value = answer_for(q, part, as_of) \
            if q in open_questions(part, questions, wordy) else (False, None)
        if not fits:
            return None
        out.append((q.fact, value, part.strip()))
    return out


def unsure_of_first(text: str, questions: list[Question]) -> list[tuple[str, object, str]]:
    """"I don't know", "not sure" naming no question, with several asked: it answers the
    first question shown (the most decisive), and the others stay asked. Taking it for
    every question dropped questions the user could answer (outside tester, session 6,
    C10); "not sure about any of them" still answers them all (``all_answer``). One that
    names a question is left to that question."""
    t = text.strip().lower().rstrip(".!")
    if len(questions) >= 2 and _unsure(t) and len(t.split()) <= 8 and \
            (parts := _parts_unsure(t, questions)):
        return [(q.fact, None, text.strip()) for q in parts]
    if len(questions) < 2 or not _unsure(t) or len(t.split()) > 6 or all(
            _unsure_of_another(q, t) for q in questions):
        return []
    named = [q for q in questions if names(q, t)]
    if named:  # "not sure about a block": the one it names, if one
        return [(named[0].fact, None, text.strip())] if len(named) == 1 else []
    return [(questions[0].fact, None, text.strip())]


_BREAKDOWN = re.compile(r"\b(?:breakdown|break down|broken down|split|splits|split up|"
                        r"parts|components|pieces|each part|each piece|how it (?:divides|"
                        r"breaks down|splits))\b(?:\s+(?:of|for|in|up))?(?P<whole>.*)$")


def about_parts(t: str) -> bool:
    """The words are about the parts of a whole ("the breakdown of the PT", "how the PT
    splits up"), not the whole itself."""
    return bool(_BREAKDOWN.search(t) or _SPLITS.search(t))


_SPLITS = re.compile(r"\bhow (?:the |her |his )?(?P<whole>.+?) (?:splits|divides|breaks down|"
                     r"is split|was split|is divided|was divided)\b")


def _parts_unsure(t: str, questions: list[Question]) -> list[Question]:
    """"idk the breakdown of the PT", "not sure how the PT splits up" with the parts of
    the PT on screen: not knowing the parts of a whole is not knowing each open question
    about a part of it, the questions whose own words name that whole ("Supervised
    exercise and stretching (within PT)"); none is asked for a figure (outside tester
    20 C4: "that gives no figure: what is the physical therapy completed?")."""
    found = [m["whole"] for m in (_BREAKDOWN.search(t), _SPLITS.search(t))
             if m and m["whole"].strip()]
    words = [w for w in re.findall(r"[a-z]{2,}", found[0] if found else "")
             if w not in ("the", "her", "his", "their", "up", "of")]
    if not words:
        return []
    return [q for q in questions if q.spec.type == "number" and all(
        re.search(rf"\b{re.escape(w)}\b", f"{q.spec.label} {q.spec.question or ''}".lower())
        for w in words)]


def first_fitting(part: str, questions: list[Question], as_of: date
                  ) -> tuple[str, object, str] | None:
    """A bare answer several questions could take ("14" to three week-counts): the
    first of them, asked in the order shown, for the user to confirm."""
    t = part.strip().lower()
    shape = _shape(t, as_of)
    if _unsure(t) or shape in (None, "yes_no") or t.endswith("?") or len(t.split()) > 3:
        # ("would 10 weeks of PT be sufficient?" is no answer; a bare "yes" to "pregnant?"
        # and "postpartum?" says yes to one of them, and which one is the nurse's to say:
        # it went to the second, outside tester 29 C6)
        return None
    if shape == "none" and _none_to_count_or_other(part, questions, as_of):
        return None
    # By kind first ("none" is a list's answer before a yes/no's), then in the order
    # asked; a bare "no" beside other questions is never "never done".
    for kind in (k for k in _TIERS[shape] if not (k == "date" and shape in ("none", "yes_no"))):
        for q in open_questions(part, questions):
            fits, value = answer_for(q, part, as_of) if q.spec.type == kind else (False, None)
            if fits:
                return q.fact, value, part.strip()
    return None


def _none_to_count_or_other(part: str, questions: list[Question], as_of: date) -> bool:
    """A bare "none" that a "how many?" (courses, weeks) and a yes/no question shown both
    take, with no list question for it: which one is the nurse's to say. Held as the
    yes/no's first, it read "MRI shows compression: no" or "not responded: no" for a
    nurse who meant no courses (outside tester 31 C3)."""
    kinds = {q.spec.type for q in open_questions(part, questions)
             if answer_for(q, part, as_of)[0]}
    return "set" not in kinds and "number" in kinds and len(kinds) > 1

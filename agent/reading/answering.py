"""Answers to the questions just asked: bare values matched to pending questions by
type and order, partial answers, and what is left over.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from agent.reading.answers import (
    PLAIN_WORDS,
    Question,
    all_answer,
    all_unfitting,
    answer_for,
    answer_parts,
    change_answer,
    first_fitting,
    in_order,
    match_answers,
    named_in,
    names,
    numbered_parts,
    opens_with_yes_or_no,
    referred_parts,
    says_about_a_record,
    subject_of,
    unsure_of_first,
)
from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from agent.reading.corrections import _CORRECTION, _REFERS_BACK, _UNSEEN, SHORT_OF
from agent.reading.courses import all_lengths
from agent.reading.facts import (
    MORE_OF_IT,
    TOTAL,
)
from agent.reading.message import _Message, _said_again, _taken_back_in
from agent.reading.model import FactReading, Unread
from agent.reading.rules import ReadingRule, fact_specs, reading_rules
from agent.reading.selection import _RETRACTS, AND_THE_NEXT, _check
from agent.reading.text import (
    blank,
    hits,
)
from agent.reading.values import (
    DURATION_UNITS,
    mask_ages,
    quantities,
)


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
    lower = part.lower()
    others = tuple(p for name, rule in msg.rules.items() if name not in pending
                   for p in rule.all_phrases()
                   if p not in rule.cued or not _cue_missing(msg, name, rule, lower))
    # Words of a question just asked name it, whatever other fact also has them:
    # "modalities are in the chart" to "does the record document the modalities used?".
    asked = " ".join(f"{s.label} {s.question or ''}".lower()
                     for s in (msg.specs.get(p) for p in pending) if s is not None)
    lower = part.lower()
    return not [(a, b) for a, b in hits(lower, others)
                if not re.search(rf"(?<!\w){re.escape(lower[a:b])}(?!\w)", asked)]


_FIGURES = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?")
"""A reply's figures, a thousands comma kept in its figure ("8,900")."""


def _cue_missing(msg: _Message, name: str, rule: ReadingRule, lower: str) -> bool:
    """A yes/no fact's cued word with none of its cues in the reply names nothing: "2 sets
    of the knee" answers the X-ray question, it is no complaint of the knee. (A number
    fact's cued word, "now 9", still marks a figure of its own; not one no figure of the
    reply could be: "36.8 today" is no pain score, outside tester 28 F10.)"""
    spec = msg.specs.get(name)
    if not rule.cues or spec is None or hits(lower, rule.cues):
        return False
    if spec.type == "number" and spec.min is not None and spec.max is not None:
        figures = [float(f.replace(",", "")) for f in _FIGURES.findall(lower)]
        return bool(figures) and all(not spec.min <= f <= spec.max for f in figures)
    return spec.type == "boolean"


_ELLIPTIC = re.compile(r"^\s*(?:but\s+)?(?:she|he|the patient|pt|patient)\s+(?:does|did|is|was|has|"
                       r"had)(?:n'?t| not)\b[\s.!]*$", re.I)
"""A verb standing for words said just before it ("... she doesn't")."""

_PATIENT_TURN = re.compile(
    r"^(?P<other>.+?)\s*(?:[,;]|\s[-–—]+)\s*(?:but\s+|and\s+)?(?P<turn>"
    r"(?:she|he|the patient|pt|patient)\s+(?P<verb>does|did|is|was|has|had)(?P<neg>n'?t| not)?|"
    r"(?P<not>not)\s+(?:the patient|the pt|pt|patient|her|him|she|he)(?:self|herself|himself)?)"
    r"\b[\s.!]*$|^(?P<other2>.+?)\s+but\s+(?P<turn2>(?:she|he|the patient|pt|patient)\s+"
    r"(?:does|did|is|was|has|had)(?P<neg2>n'?t| not)?)\b[\s.!]*$", re.I)
"""The patient set against someone just named, in a verb standing for what was said of
them ("her grandson does, she doesn't", "grandma has a UTI, not the patient", "her
husband has a UTI but she doesn't")."""

_BARE_OTHER = re.compile(r"^\s*(?:(?:her|his|their|my|the|pt'?s|patient'?s)\s+)?[a-z-]+"
                         r"(?:\s+[a-z-]+)?\s+(?:does|did|is|was|has|had|do)(?:n'?t| not)?\s*$")
"""A person and a bare verb ("her grandson does"): what they have is what was asked."""


_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "their"})


def _patients_turn(msg: _Message, questions: list[Question]) -> tuple[str, object, str] | None:
    """The answer to the one yes/no question on screen that a reply gives by setting the
    patient against someone else ("her grandson does, she doesn't"; "grandma has a UTI,
    not the patient"): the other person has what was asked (a bare verb, or words of the
    question's subject and no other fact's), the patient the opposite, or not (outside
    tester 32 C16: the whole reply was refused as someone else's, the question left open).
    Not where the other person's words name something else ("her husband has diabetes,
    she doesn't": the diabetes), nor with several questions on screen."""
    if len(questions) != 1 or questions[0].spec.type != "boolean" or \
            questions[0].rule is None or msg.context is None:
        return None
    q = questions[0]
    turn = _PATIENT_TURN.match(msg.text.strip())
    if turn is None:
        return None
    said = (turn["other"] or turn["other2"]).strip()
    if not _disowned_part(msg, said):
        return None
    other = said.lower()
    others = tuple(p for name, rule in msg.rules.items() if name != q.fact
                   for p in rule.all_phrases())
    # (a pronoun of another fact's, "his" of the patient's sex, names nothing here)
    named = hits(other, q.rule.all_phrases() + q.rule.positive_only) and not [
        (a, b) for a, b in hits(other, others) if other[a:b] not in _PRONOUNS]
    if not (named or _BARE_OTHER.match(other)):
        return None
    # (the other person's own denial turns it round: "her husband doesn't, she does")
    theirs = not re.search(r"\b(?:no|not|never|denies)\b|n't\b", other)
    if turn["not"]:
        # ("grandma has no UTI, not the patient": nothing said of the patient)
        return (q.fact, False, turn["turn"]) if theirs else None
    mine = not (turn["neg"] or turn["neg2"])
    return q.fact, mine, (turn["turn"] or turn["turn2"])



_ASKS = re.compile(r"^\s*(?:is|are|was|were|would|will|does|do|did|can|could|should|what|"
                   r"how|why)\b.*\?\s*$")
"""A question back ("is 3 weeks of education enough?") answers no question."""


SAID_BEFORE_WORDS = (r"(?:like|as)\s+i\s+(?:already\s+)?(?:said|told you|wrote|mentioned)|"
                     r"i\s+(?:already\s+)?(?:said|told you)|as\s+(?:already\s+)?"
                     r"(?:mentioned|stated)")
"""Words that point back at something said before ("like I said, 13 weeks")."""
SAID_BEFORE = re.compile(rf"\b(?:{SAID_BEFORE_WORDS})\b")

_COURTESY = re.compile(r"(?:sorry|thanks|thank you|ok|okay|oops|my bad|i meant|actually|wait|"
                       r"correction|hi|hello|well|u+m+|u+h+m*|h+m+|e+r+m*|a+h+|"
                       r"one sec|hold on|let me (?:check|see)|"
                       # ("like I said, 3 weeks": a pointer back, no answer to a question)
                       + SAID_BEFORE_WORDS + r")[.!,]*")
"""Words around an answer that answer nothing and need no "could not read" (a filler
such as "um" got one: outside tester 16, C7)."""


def _only_a_retraction(part: str) -> bool:
    """The part is nothing but words that take back what came before ("scratch that",
    "no wait", "sorry"): selection's retraction words, so one list says what retracts."""
    rest = _RETRACTS.sub(" ", part.lower())
    return rest != part.lower() and not re.sub(r"[\s.,!;:-]|\b(?:no|i mean|make that)\b", "",
                                               rest)


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


_BARE_PART = r"(?:^|(?<=[;,\n]))[ \t]*(?P<n>{})[ \t]*(?=[;,\n]|$)"


def _taken_back_spans(lower: str) -> list[tuple[int, int]]:
    """The values a reply takes back ("courses is 3 not 2"), and a bare answer earlier in
    it of the figure taken back ("2; yes logs are in the chart; ... sorry - courses is 3
    not 2": f9-62311, read 2): the answer the reply corrects answers nothing."""
    out = []
    for m in _taken_back_in(lower):
        out.append(m.span("not"))
        figure = re.search(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", m["not"])
        if figure is not None:
            bare = re.compile(_BARE_PART.format(re.escape(figure.group(0))))
            out += [b.span("n") for b in bare.finditer(lower, 0, m.start())]
    return out


_LENGTH = rf"\d+(?:\.\d+)?\s*(?:{DURATION_UNITS})\b\.?"


@cache
def _state_length() -> re.Pattern[str]:
    states = alternation(context_rules().state_lengths)
    return re.compile(rf"(?<![\w.]){_LENGTH}\s*(?:of\s+)?(?:{states})(?!\w)|"
                      rf"(?<![\w'])(?:{states})\s*(?:[,:]\s*|\s+at\s+|\s+)?(?:about\s+|~\s*)?"
                      rf"{_LENGTH}")


def _state_lengths(lower: str) -> list[tuple[int, int]]:
    """The lengths a state beside them measures ("20 weeks pregnant", "pregnant, 20 wks"):
    blanked before a reply is matched to open questions, as a figure said again is."""
    return [m.span() for m in _state_length().finditer(lower)]


_TIME_TO_COME = re.compile(
    r"\b(?:due|recheck|re-check|re-?evaluat\w*|reassess\w*|return\w*|follow[- ]?up|f/u|will|"
    r"expected|planned|scheduled|deliver\w*|baby)\b[^.;\n]{0,30}?\bin\s+(?:about\s+|around\s+|"
    r"another\s+|~\s*)?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|a few|a couple of)\s*"
    r"(?:weeks?|wks?|months?|mos?|days?)\b|"
    r"\b\d+(?:\.\d+)?\s*(?:weeks?|wks?|months?|mos?|days?)\s+from now\b")
"""A length of time to come ("she's due in 1 month", "recheck in 6 weeks", "3 months from
now"): no length of anything done, so it answers no question about one (outside tester 24
F3: "she's due in 1 month - can we recheck after delivery?" was 4.3 weeks of conservative
treatment, and the case was denied on it)."""


def _times_to_come(lower: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TIME_TO_COME.finditer(lower)]


def state_measured(text: str, unread: list[Unread]) -> list[Unread]:
    """Unread words that are a length a state beside it measures ("20 wks" of "she's
    pregnant, 20 wks") say so: offered back as a figure to answer the open question with
    ("you wrote "20 wks": if that figure is it, reply with it alone"), they invited the
    wrong answer (outside tester 20 F14)."""
    lower = text.lower()
    spans = list(_state_length().finditer(lower))
    out = []
    for u in unread:
        at = lower.find(u.words.lower())
        inside = [m for m in spans if not u.why and at >= 0 and
                  m.start() <= at + len(u.words) and at < m.end()]
        state = re.search(rf"(?<![\w'])(?:{alternation(context_rules().state_lengths)})(?!\w)",
                          inside[0].group(0)) if inside else None
        out.append(replace(u, why=f"that is how long \"{state.group(0)}\" has lasted, no "
                                  "length asked here") if state else u)
    return out


def _answers(msg: _Message, pending: list[str], read: set[str],
             used: list[tuple[int, int]] = (),  # type: ignore[assignment]
             asked_back: list[str] = (),  # type: ignore[assignment]
             corrects: bool = True) -> tuple[list[FactReading], list[Unread]]:
    # "88% on RA -- sorry, I meant 91%", "24 weeks not 12" with no stored 12: the value
    # taken back answers nothing; the other one answers.
    said_again = _said_again(msg.text.lower()) + _no_retracting(msg.text) + \
        _state_lengths(msg.text.lower()) + _times_to_come(msg.text.lower()) + (
        [] if corrects else _taken_back_spans(msg.text.lower()))
    original = msg.text
    if said_again:
        msg = replace(msg, text=blank(msg.text, said_again))
    asked = _questions(msg, pending)
    questions = [q for q in asked if q.fact not in read]
    if (disagrees := _no_disagreeing(msg, used, questions, read) +
            _yes_of_its_own(msg, used, asked, read)):
        msg = replace(msg, text=blank(msg.text, disagrees))
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
    if not found and (unfit := all_unfitting(msg.text, questions)) is not None:
        return [], [unfit]  # "all no" to a region and two week-counts
    changed, unread = change_answer(msg.text, questions)
    found = found or changed
    if unread:
        return [], unread  # "better, 5 to 7": up or down is asked
    # ("18 weeks conservative" read the conservative weeks: its figure is that fact's,
    # no answer to the symptom question on screen too; outside tester 21 F6)
    if not found and len(questions) == 1 and len(asked) == 1 and \
            not _disowned_part(msg, msg.text) and not (
                questions[0].spec.type == "number" and _taken(msg, msg.text, used)) and (
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
    # (the user's own words for what went unread, not the blanked ones: "she's        -
    # can we recheck")
    unread = [replace(u, words=_unblanked(original, msg.text, u.words)) for u in unread]
    readings = []
    for fact, value, blanked_words in found:
        words = _unblanked(original, msg.text, blanked_words)
        problem = _check(fact, fact_specs(None)[fact], value, msg.as_of) or \
            _short_of(fact, words) or _one_length_of_several(msg, fact, words, found)
        if problem is not None:
            unread.append(Unread(words, problem))
        else:
            readings.append(FactReading(fact=fact, value=value, words=words,  # type: ignore[arg-type]
                                        origin="inferred" if fact in inferred else "stated"))
    return readings, unread


def _short_of(fact: str, words: str) -> str | None:
    """A figure said to fall short of or just past a number ("almost 12 weeks", "just
    under 12"): not that number, whose side of a line it may change (outside tester 35
    F13); confirming it would store the number, so how much exactly is asked."""
    if fact_specs(None)[fact].type != "number":
        return None
    lower = words.lower()
    for q in quantities(lower):
        if SHORT_OF.search(lower[max(0, q.start - 25):q.start]):
            return "how much exactly?"
    return None


_SHARED_UNIT = re.compile(r"\b\d{1,3}(?:\s*(?:&|\+|\band\b)\s*\d{1,3})+\s*"
                          r"(?:weeks?|wks?|months?|mos?)\b")
_OR_LENGTHS = re.compile(r"\b\d{1,3}\s*(?:weeks?|wks?|months?|mos?)?\s+or\s+\d{1,3}\s*"
                         r"(?:weeks?|wks?|months?|mos?)\b")
"""Figures sharing one unit ("8 and 6 weeks"): two lengths, of courses where courses are
counted ("2 PT courses of 8 and 6 weeks"), else maybe the answers to two questions in
order ("14 and 8 weeks" to PT and exercise weeks); "8 or 9 weeks" is never either."""
_COURSES_COUNTED = re.compile(r"\bx\s?[2-6]\b|\btwice\b|\b(?:two|three|[2-6])\s+(?:\w+\s+)?"
                              r"(?:courses?|rounds?|blocks?|trials?|episodes?)\b")
"""The reply counts courses of the care ("PT x2", "twice", "two rounds of physio")."""
ONE_OF_SEVERAL = "one course of several: how long in all?"
_IN_ALL = re.compile(r"\bin all\b|\ball told\b|\bsum\b")


def _one_length_of_several(msg: _Message, fact: str, words: str,
                           found: list[tuple[str, object, str]]) -> str | None:
    """A reply's length of a treatment where its sentence gives another length of it that
    no answer took ("PT twice: 01/2026-03/2026 (8 wks) and 05/2026-06/2026 (6 wks)", "2 PT
    courses of 8 and 6 weeks"): one course of several, not how long in all. Outside
    testers 33 F3 and 34 F9 saw 8 or 6 weeks stored where 14 were done, a denial; how long
    in all is asked instead (a total said, "14 weeks in all", is the answer)."""
    spec = fact_specs(None)[fact]
    if spec.type != "number" or spec.unit != "weeks" or fact == "symptom_weeks":
        return None  # (the symptoms' length is no course: "about 10 weeks, sorry, 10 months")
    lower = msg.text.lower()
    at = lower.find(words.lower())
    if at < 0 or TOTAL.search(lower) or _IN_ALL.search(lower):
        return None
    lo = max(lower.rfind(".", 0, at), lower.rfind(";", 0, at), lower.rfind("\n", 0, at)) + 1
    hi = min((i for i in (lower.find(c, at + len(words)) for c in ".;\n") if i >= 0),
             default=len(lower))
    asked = f"{ONE_OF_SEVERAL} ({spec.label.lower()})"
    if _OR_LENGTHS.search(lower, lo, hi) or AND_THE_NEXT.search(lower, lo, hi):
        return asked
    lengths = all_lengths(lower[lo:hi])
    if (len(lengths) >= 2 or _SHARED_UNIT.search(lower, lo, hi)) and \
            _COURSES_COUNTED.search(lower, lo, hi):
        return asked  # "PT x2: ... (9 wks) and ... (5 wks)": both courses, whatever each answered
    taken = [w.lower() for _f, _v, w in found]
    others = [q for q in lengths if not any(lower[lo + q.start:lo + q.end] in w for w in taken)]
    return asked if others else None


def one_of_several_asked(msg: _Message, unread: list[Unread], pending: list[str]) -> list[str]:
    """The pending facts a reply gave one course's length of: a bare length next answers
    them first ("14 weeks in all" after "2 PT courses of 8 and 6 weeks")."""
    return [p for p in pending if p in msg.specs and any(
        u.why == f"{ONE_OF_SEVERAL} ({msg.specs[p].label.lower()})" for u in unread)]


def _outcomes_of_care(msg: _Message, raw: list[str], asked: list[Question],
                      used: list[tuple[int, int]]) -> list[str]:
    """Parts that judge what the parts before them described: an outcome ("no
    improvement", "unchanged") after words the note reading took ("conservative treatment
    14 weeks, 2 courses of PT and NSAIDs, no improvement") is that care's outcome, no
    answer to a question whose fact needs its own qualifier to be named (the functional
    assessment's "ODI", "function": outside tester session 17 F13 recorded "no
    significant improvement" on the ODI from it)."""
    out = []
    for i, part in enumerate(raw):
        if not any(_taken(msg, before, used) for before in raw[:i]):
            continue
        t = part.strip().lower()
        if any(q.spec.type == "choice" and q.rule is not None and q.rule.qualifier and
               not hits(t, q.rule.qualifier) and answer_for(q, part, msg.as_of)[0]
               for q in asked):
            out.append(part)
    return out


def _parts_answered(msg: _Message, asked: list[Question], questions: list[Question],
                    read: set[str], used: list[tuple[int, int]], pending: list[str],
                    asked_back: list[str]
                    ) -> tuple[list[tuple[str, object, str]], list[Unread], set[str]]:
    """The answers in a reply's parts: numbered like the questions, one per question in
    order, by kind, a "not sure" to the first, fewer in order; a bare value several
    questions could take goes to the first of them as an inference to confirm."""
    # "1. 3 2. 5 months 3. 9/15/26"; "the first one, 2 a week. the other one not sure"
    numbered = numbered_parts(msg.text, len(asked)) or referred_parts(msg.text, len(asked))
    if numbered is not None:
        pairs = [(w, asked[i]) for i, w in sorted(numbered.items()) if asked[i].fact not in read]
        matched = match_answers([p for p, _ in pairs], [q for _, q in pairs], msg.as_of)
        return matched.read, matched.unread, set()
    raw = _more_of_an_answer(msg, _with_its_but(msg, answer_parts(msg.text), asked), asked,
                             read)
    if (turned := _patients_turn(msg, questions) or _no_then_others(msg, questions)) is not None:
        return [turned], [], set()
    wordy = len(msg.text.split()) > _WORDY
    # A bare "no" that opens words the note reading took ("no, not pregnant") is theirs,
    # not an answer to another question.
    # (with a comma or dash: "2; no; not pregnant" are three answers)
    # So is one that opens a denial the note reading took further on ("no, the patient
    # herself has no infection, only the daughter": outside tester, session 15, F10).
    echoed = {i for i, p in enumerate(raw[:-1]) if _BARE_NO.fullmatch(p) and
              _DENIES_IN.search(raw[i + 1]) and _taken(msg, raw[i + 1], used) and
              re.match(r"\s*(?:no|nope|negative|neg)\s*(?:,|-+|–|—)", msg.text[msg.text.find(p):],
                       re.I)}
    # A part right after "scratch that", "no wait", "sorry" corrects the part before it,
    # which named its own fact: no answer to the question on screen ("pain is like seven,
    # scratch that, six" read 6 weeks of conservative care: outside tester 16, F10).
    echoed |= {i for i, p in enumerate(raw) if i >= 2 and
               _only_a_retraction(raw[i - 1]) and
               not _answer_like(msg, raw[i - 2], pending) and
               not any(named_in(q, raw[i - 2].lower()) for q in asked)}
    # ("58F" alone is an age and a sex: no answer, nothing to say another way)
    parts = [p for i, p in enumerate(raw) if not _disowned_part(msg, p) and i not in echoed
             and not _COURTESY.fullmatch(p.strip().lower()) and not _ASKS.match(p.lower())
             and mask_ages(p.lower()).strip(" .,;:-")]
    judged = _outcomes_of_care(msg, raw, asked, used)
    parts = [p for p in parts if p not in judged]
    if len(parts) == len(asked) > 1 and _in_step(msg, parts, asked, read, used):
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
    parts = [p for p in parts if _answer_like(msg, p, pending) and not _taken(msg, p, used)
             and not _of_an_answered_question(p, asked, read)]
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


def _of_an_answered_question(part: str, asked: list[Question], read: set[str]) -> bool:
    """``part`` names what a question the note reading answered asks about, and nothing of
    an open one's ("yes, the history with meds, allergies and surgeries is on file" to the
    history and consult questions: "surgeries is on file" goes on with the history): it
    answers no other question (outside tester 36 F7 filed the consult on file from it)."""
    t = part.lower()
    return any(q.fact in read and names(q, t) for q in asked) and \
        not any(q.fact not in read and names(q, t) for q in asked)


def _in_step(msg: _Message, parts: list[str], asked: list[Question], read: set[str],
             used: list[tuple[int, int]]) -> bool:
    """The parts stand where the questions they answer stand, taken one by one in the order
    asked: no part the note reading left stands at the place of a question it answered,
    unable to answer it and able to answer one still open. Not when they are out of step
    ("22 weeks total, 2 courses failed, and failed conservative treatment is ticked yes" to
    the courses, weeks and failed questions: "22 weeks total" stood at the courses' place,
    read already, and went unread; outside tester 32 C3)."""
    open_ = [q for q in asked if q.fact not in read]
    return not any(q.fact in read and not _taken(msg, p, used) and
                   not answer_for(q, p, msg.as_of)[0] and
                   any(answer_for(other, p, msg.as_of)[0] for other in open_) and
                   # (a figure with its unit: "he did 2 extra" may be anything)
                   any(x.unit for x in quantities(p.lower()))
                   for p, q in zip(parts, asked, strict=True))


_HEDGED = re.compile(r"\b(?:about|around|approx(?:imately)?|roughly|maybe|probably|i think|"
                     r"i believe|i guess|or so|give or take|something like|almost|nearly|close to|"
                     r"not quite|approaching|going on)\b|~|-ish\b")
"""Words that make a figure a guess ("about 3 months I think")."""


_WORDY = 25
"""Words beyond which a reply is a note or an account, whose sentences' figures are not
answers unless they name the question's subject."""


_NO_RETRACTING = re.compile(
    r"^\s*(?P<no>no+|nope|nah)\b[\s,.!;:–—-]*(?:(?P<cut>wait|hold on|scratch that|strike that|"
    r"i mean|i meant|correction|actually|i misread|i was wrong|"
    # "no, the 12 weeks was his conservative treatment overall, not PT": a figure said
    # before is put right (outside tester 26 F2 stored 0 weeks of exercise from the "no")
    r"the\s+\d+(?:\.\d+)?(?:/10)?\s*[a-z%]*\s+(?:was|were|is|are|means|meant))|"
    r"(?P<soft>sorry|oops|my mistake|my bad))\b[\s,.!;:–—-]*(?P<rest>\S)?", re.I)
"""A reply opening with "no" and words that take back what was said ("no wait, that was
37.4 - I misread", "no, sorry, the temp was 37.4"): the writer correcting themself, not
"no" to the question on screen (outside tester 16 F9's chat recorded "not pregnant" from
"no wait"). "sorry" and the like are a retraction only with a correction after them:
"no, sorry" alone may be a polite "no"."""


def _no_retracting(text: str) -> list[tuple[int, int]]:
    """The opening "no" of a reply that corrects itself (``_NO_RETRACTING``): no answer."""
    m = _NO_RETRACTING.match(text)
    if m is None or (m["soft"] and not m["rest"]):
        return []
    return [m.span("no")]


_HEAD = r"^\s*(?P<word>{})\s*(?:,|:|-+|–|—)\s*(?P<rest>\S)"
_NO_HEAD = re.compile(_HEAD.format("no+|nope|nah"), re.I)
"""A reply whose first word is a "no" set apart by a comma, colon or dash (not a
semicolon or a full stop: "no; not pregnant" are two answers, one per question)."""
_YES_HEAD = re.compile(_HEAD.format("yes|yep|yeah|yup"), re.I)
"""A reply whose first word is a "yes" set apart by a comma, colon or dash."""


def _head_and_rest(head: re.Pattern[str], msg: _Message, used: list[tuple[int, int]]
                   ) -> tuple[tuple[int, int], str] | None:
    """The opening yes or no word of a reply (``head``) and the rest of the reply after
    it, lowered, where the note reading took words of that rest (``used``)."""
    m = head.match(msg.text)
    if m is None:
        return None
    a = m.start("rest")
    if not any(x < len(msg.text) and a < y for x, y in used):
        return None
    return m.span("word"), msg.text[a:].lower()


def _no_disagreeing(msg: _Message, used: list[tuple[int, int]], asked: list[Question],
                    read: set[str]) -> list[tuple[int, int]]:
    """The opening "no" of a reply that goes on to give another fact's value ("no, the
    conservative care was 30 weeks"): the writer disagreeing with what was read, not "no"
    to a yes/no question on screen that the rest does not name (outside tester 27 F2
    stored "musculoskeletal: no" and "H&P on file: no" from it). Where the rest names a
    question asked ("no, not pregnant", "no -- the consult is next week") the "no" may be
    its answer, as before ("No - it's for her knee pain, not looks" names cosmetic's
    "looks"), but not by a word of a fact the rest was read as ("manual therapy" is no
    word on whether therapy failed); a question the rest answered itself is not one ("no,
    PT was 14 weeks" to the PT question)."""
    found = _head_and_rest(_NO_HEAD, msg, used)
    if found is None:
        return []
    no, rest = found
    if _others_only(msg, msg.text[no[1]:].lstrip(" ,:;-–—"), asked):
        return []  # ("no - his daughter has shingles though": the "his" read is hers)
    theirs = {w for f in read if (rule := msg.rules.get(f)) is not None
              for p in rule.all_phrases() for w in re.findall(r"[a-z]{4,}", p)}
    said = set(re.findall(r"[a-z]{4,}", rest)) - theirs
    for q in asked:
        if not answer_for(q, "no", msg.as_of)[0]:
            continue
        if named_in(q, rest) or said & _subject_words(q):
            return []
    return [no]


def _yes_of_its_own(msg: _Message, used: list[tuple[int, int]], asked: list[Question],
                    read: set[str]) -> list[tuple[int, int]]:
    """The opening "yes" of a reply whose rest the note reading took as the answer to a
    yes/no question on screen ("yes, logs with outcomes on file" to the logs question):
    that question's yes, no answer to another one left open (outside tester 28 F4 stored
    "postpartum: yes" for a man from it; the twin of a "no" that disagrees)."""
    found = _head_and_rest(_YES_HEAD, msg, used)
    if found is not None:
        yes, rest = found
        if any(q.fact in read and named_in(q, rest) and answer_for(q, "yes", msg.as_of)[0]
               for q in asked):
            return [yes]
    return _yes_of_another_thing(msg, asked)


def _yes_of_another_thing(msg: _Message, asked: list[Question]) -> list[tuple[int, int]]:
    """The opening "yes" of a reply whose rest names another thing than every question on
    screen (another fact's words, or a paper said to be on file where no question asks
    about a paper) and none of theirs: it says yes to that thing, whether or not the note
    reading took it, never to an open yes/no question about something else (outside
    tester 29 F4: "yes, the home exercise log is on file" with pregnancy and postpartum
    open stored "Pregnancy: Pregnant" for a man; "yes, the consult came back" is no
    infection). A rest naming an open question keeps its yes ("yes, hCG positive")."""
    m = _YES_HEAD.match(msg.text)
    if m is None:
        return []
    rest = msg.text[m.start("rest"):].lower()
    if any(named_in(q, rest) for q in asked):
        return []
    if _states_another(rest, asked):
        return [m.span("word")]
    pending = [q.fact for q in asked]
    if not _answer_like(msg, rest, pending) or (
            _RECORD_SAID.search(rest) and not any(says_about_a_record(q) for q in asked)):
        return [m.span("word")]
    return []


_STATE_SAID = re.compile(r"(?:she|he|they|pt|the patient|patient)\s*(?:'s|is|are|was)\s+"
                         r"(?:still\s+|currently\s+|now\s+|also\s+|just\s+)*"
                         r"(?P<state>[a-z][a-z' -]*?)[\s.!]*")
"""A rest that says how the patient is, in words and no figure ("she is breastfeeding")."""


def _states_another(rest: str, asked: list[Question]) -> bool:
    """A yes whose rest says the patient is in a state no question on screen asks about
    ("yes, she is breastfeeding" to "is the patient pregnant?"): the yes is that state's,
    never the question's (session 30's chat stored "Pregnancy: Pregnant" from it). A rest
    with a word of a question, or its own figure ("yes, she is 10 weeks"), keeps its yes."""
    said = _STATE_SAID.fullmatch(rest)
    if said is None:
        return False
    words = set(re.findall(r"[a-z]{4,}", said["state"])) - PLAIN_WORDS
    asked_words = {w for q in asked for w in
                   re.findall(r"[a-z]{4,}", f"{q.spec.label} {q.spec.question or ''}".lower())}
    return bool(words) and not words & (asked_words | {w for q in asked
                                                       for w in _subject_words(q)})


_RECORD_SAID = re.compile(r"\b(?:on file|attached|enclosed|scanned(?: in)?|faxed|uploaded|"
                          r"in (?:the )?(?:chart|record|portal|emr|ehr)|documented|"
                          r"signed|missing|outstanding)\b")
"""Words that say where a paper is (on file, attached, in the chart, missing)."""


def _more_of_an_answer(msg: _Message, raw: list[str], asked: list[Question],
                       read: set[str]) -> list[str]:
    """Parts that go on with an answer the part before them began are one part with it
    ("the HEP log with dates and outcomes is on file": "outcomes is on file" says the log
    is on file; "pain went up 3 points, from 4 to 7": the same change again): a part
    naming no question, that would answer the very question the part before it names (a
    yes/no one, or one the note reading took there), answers no other (outside tester 28
    F4 stored "postpartum: yes" from the first, and "progress is in the chart" "clinically
    unstable: yes"; F6 filed 4 failed courses from the second)."""
    out: list[str] = []
    for part in raw:
        t = part.strip().lower()
        if out and t and not opens_with_yes_or_no(t) and \
                not any(named_in(q, t) for q in asked) and \
                any((q.spec.type == "boolean" and not re.search(r"\d", t) or q.fact in read)
                    and named_in(q, out[-1].lower()) and _goes_on(msg, q, out[-1], part)
                    for q in asked):
            a = msg.text.find(out[-1])
            b = msg.text.find(part, a + len(out[-1]))
            if a >= 0 and b >= 0:
                out[-1] = msg.text[a:b + len(part)]
                continue
        out.append(part)
    return out


def _goes_on(msg: _Message, q: Question, before: str, part: str) -> bool:
    """``part`` answers ``q`` as the part before it does, or as that part (which names
    ``q`` without answering it) begins to: "logs yes; consult not yet" are two answers."""
    fits, value = answer_for(q, part, msg.as_of)
    was, said = answer_for(q, before, msg.as_of)
    return fits and (not was or said == value)


def _subject_words(q: Question) -> set[str]:
    """The words of four letters or more that name what ``q`` asks about."""
    return {w for p in subject_of(q) for w in re.findall(r"[a-z]{4,}", p)} - PLAIN_WORDS


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
        # (not a clause about someone else: "no, but her husband has a UTI" is the
        # patient's "no", and the husband's UTI nobody's answer; outside tester 32 C16)
        if out and (_BARE_NO.fullmatch(out[-1]) or _BARE_YES.fullmatch(out[-1])) and (
                _BUT.match(part) or _says_more(msg, part, asked) or
                _agrees(msg, out[-1], part, asked)) and not (
                    _BARE_NO.fullmatch(out[-1]) and _others_only(msg, part, asked)):
            a = msg.text.find(out[-1])
            b = msg.text.find(part, a + len(out[-1]))
            # (with a comma or a dash: "yes; no -- the consult is next week" are two)
            if a >= 0 and b >= 0 and re.fullmatch(r"\s*(?:,|-+|–|—|\.\.\.)?\s*",
                                                  msg.text[a + len(out[-1]):b]):
                out[-1] = msg.text[a:b + len(part)]
                continue
        out.append(part)
    return out


def _others_only(msg: _Message, part: str, asked: list[Question]) -> bool:
    """``part`` is one clause about someone else ("but her husband has a UTI"): a word of
    another person opens what it says, every word naming what a question asks about is
    theirs, and no word after it speaks of the patient ("... and she has a UTI" may)."""
    at = msg.text.find(part)
    if at < 0 or msg.context is None or len(answer_parts(part)) > 1:
        return False
    lower = part.lower()
    theirs = [m.trigger[1] - at for m in msg.context.modifiers
              if m.category == "other" and at <= m.trigger[0] < at + len(part)]
    if not theirs or re.search(r"\b(?:she|he|him|patient|pt|herself|himself|both)\b",
                               lower[min(theirs):]):
        return False
    return all("other" in msg.context.at(at + a, at + b)
               for q in asked if q.rule is not None
               for a, b in hits(lower, q.rule.all_phrases()))


_NO_THEN_OTHERS = re.compile(r"^\s*(?P<no>no|nope|negative)\s*(?:,|:|-+|–|—)\s*(?:but\s+)?"
                             r"(?P<rest>\S.*?)[\s.!]*$", re.I | re.S)
"""A "no" and a clause after a dash or a colon ("no - her grandma has cellulitis though")."""


def _no_then_others(msg: _Message, questions: list[Question]
                    ) -> tuple[str, object, str] | None:
    """The "no" to the one yes/no question on screen of a reply that goes on to say the
    thing asked is someone else's ("no - her grandma has cellulitis though"): the patient's
    "no" (outside tester 32 C16 left the question open). A "yes" so followed is asked: it
    may say yes of the other person's ("yes, her husband has a UTI")."""
    if len(questions) != 1 or questions[0].spec.type != "boolean":
        return None
    m = _NO_THEN_OTHERS.match(msg.text)
    if m is None or not _others_only(msg, m["rest"], questions):
        return None
    return questions[0].fact, False, m["no"]


def _says_more(msg: _Message, part: str, asked: list[Question]) -> bool:
    """The part names what a pending question is about and is no answer to it ("she had
    a UTI last month" to the infection question)."""
    t = part.strip().lower()
    if opens_with_yes_or_no(t):
        return False  # "yes, no - the consult is next week": an answer of its own
    return any(q.rule is not None and hits(t, q.rule.all_phrases()) and
               not answer_for(q, t, msg.as_of)[0] for q in asked)


def _agrees(msg: _Message, head: str, part: str, asked: list[Question]) -> bool:
    """The part answers a question it names as the bare "yes" or "no" before it does
    ("yes, the HEP log is on file"): one answer, the yes no answer to another question."""
    said = _BARE_YES.fullmatch(head) is not None
    t = part.strip().lower()
    return not opens_with_yes_or_no(t) and any(
        named_in(q, t) and answer_for(q, t, msg.as_of) == (True, said) for q in asked)


_BUT = re.compile(r"\s*(?:but|however|though|although|except|other than|apart from)\b", re.I)


_BARE_YES = re.compile(r"\s*(?:yes|yep|yeah|yup)[\s.!]*", re.I)


_BARE_NO = re.compile(r"\s*(?:no|nope|negative|neg)[\s.!]*", re.I)


_DENIES_IN = re.compile(r"(?:^|\b)\s*(?:not|no|neg|negative|denies|denied|never|none)\b", re.I)


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

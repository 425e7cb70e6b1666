"""What a message asks of the assistant, apart from the facts it states: a procedure
(by code or name), starting over, an attempt to override the rules, a verdict, or a
question about what a policy requires."""

from __future__ import annotations

import re
from typing import NamedTuple

from agent.reading.text import hits
from agent.reading.values import code_spans
from policies.library import load_policy, supported_cpts

OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|bypass|skip)\b.{0,30}\b(policy|policies|rules?|instructions?|"
    r"criteria|guidelines?)\b|\b(just |please )?approve (it|this|the case|anyway|the request)\b"
    r"|\bapprove anyway\b|\boverride\b|\bmark (it|this|the case) as (approved|met|meets)\b|"
    r"\byou (must|have to|should) (approve|say)\b|\bsay (it|this) (qualifies|meets)\b|"
    r"\bpretend\b|\bact as\b|\bsystem prompt\b|\bjailbreak\b", re.I)
# ("NEW PATIENT CONSULTATION", "new patient visit": the heading of a pasted note, no request)
# ("next case please" after a verdict was read as nothing and the old case stayed open)
START_OVER = re.compile(r"\b(start over|start again|new case|next case|"
                        r"next patient(?![ \t]+(?:visit|appointment|appt|follow))|"
                        r"new patient(?![ \t]+(?:consult\w*|"
                        r"visit|evaluation|eval|intake|appointment|appt|exam|h&p|note|"
                        r"paperwork|packet|referral|"
                        # a form's title ("NEW PATIENT PAIN QUESTIONNAIRE" opened a pasted
                        # intake, which was taken for a request to start over: fresh22)
                        r"(?:[a-z&/-]+[ \t]+){0,2}(?:questionnaire|form|forms|survey|"
                        r"registration|information|info|history|packet|sheet)\b))|reset|restart|"
                        r"clear (?:the |this )?case|begin again|from scratch)\b", re.I)


def asks_to_start_over(lower: str) -> bool:
    """The message asks for a new case. In a pasted note "restart gabapentin" or "reset
    expectations" is no request: in a long message the words must open it ("new case:
    54F ...")."""
    again = START_OVER.search(lower)
    return again is not None and (len(lower.split()) <= 25 or
                                  len(lower[:again.start()].split()) <= 2)


ASKS_VERDICT = re.compile(r"\b(qualif(?:y|ies)|eligible|meet(?:s)? (?:the )?criteria|"
                           r"approved?|authori[sz]ed?|covered|decision|verdict|does it pass)\b",
                           re.I)
POLICY_WORDS = re.compile(
    r"\b(require[sd]?|requirements?|need(?:s|ed)?|criteria|policy|policies|covered|coverage|"
    r"documentation|documents?|imaging|exclusions?|excluded|valid|validity|window|how long|"
    r"how many|what counts|denied|denial|peer[- ]to[- ]peer|appeal)\b", re.I)



_FORM_CHECK = (r"(?<![-\w])check(?!\s+(?:all|one|any|each|only|if applicable|(?:the\s+)?box(?:es)?|"
               r"below|here)\b)")
"""A form's instruction ("check all that apply", "check one") asks for no procedure; nor
does a visit to come ("re-check Friday")."""
_CUE = re.compile(r"\b(qualify|qualifies|eligible|authori[sz]ation|approv\w*|request|"
                  rf"{_FORM_CHECK}|"
                  r"switch|what about|how about|instead|policy|for (?:an?|the)|need|needs|"
                  r"require|requires|covered|coverage)\b")
_SWITCH = re.compile(rf"\b(switch|what about|how about|instead|qualify for|{_FORM_CHECK})\b")


_IDENTIFIER = re.compile(r"\b(?:mrn|med(?:ical)?\s+rec(?:ord)?|acct|account|acc|enc(?:ounter)?|"
                         r"csn|fin|claim|member|subscriber|group|ref|chart|id)\b\s*(?:#|no\.?|num(?:ber)?|id)?\s*[:#=]?\s*$")
"""An identifier's label before five digits ("MRN: 64493", "Acct# 71250"): a record
number, not a procedure code (outside tester, session 15, F1)."""
_SPOKEN_CODE = re.compile(r"\bcpt[ \t]*(?:#|no\.?|code)?[ \t:]*"
                          r"(?P<code>(?:\d[ \t]){4}\d)(?![\d/]|\.\d)")
"""A code dictated digit by digit after its label ("facet joint injections CPT 6 4 4 9 3",
speech recognition in outside tester 28's P2, which was taken for physical therapy from the
history's words)."""


def _code_spans(lower: str) -> list[tuple[int, int, str]]:
    """Each code the message writes, where, and its digits."""
    found = [(a, b, lower[a:b]) for a, b in code_spans(lower)]
    found += [(*m.span("code"), re.sub(r"\s", "", m["code"])) for m in _SPOKEN_CODE.finditer(lower)]
    return sorted(found)

_ASKS_CODE = re.compile(rf"\b(?:switch(?:ing)?|what about|how about|instead|qualif(?:y|ies)|"
                        rf"eligible|request(?:ing|ed)?|authori[sz]\w*|approv\w*|order(?:ing|ed)?|"
                        rf"{_FORM_CHECK}|cover\w*|policy|criteria|about|for|try|and|"
                        # a correction of the procedure ("sorry, it's actually an epidural,
                        # 62311": outside tester 17, C1)
                        r"actually|meant|should (?:have )?be(?:en)?|correct(?:ion|ed)?|wrong|"
                        r"is for)\b"
                        r"[^.;:\n()\d]{0,25}[(\s]*(?:cpt\s*)?[(:#]?\s*$")
"""Words just before a code that ask about it ("what about 62311", "qualify for CPT
62311?", "switch to 62311"): a history's "Prior ESI (62311)" has none."""


_DENIED = re.compile(r"\bnot\s+(?:for\s+)?(?:an?\s+|the\s+)?$")
"""A name right after "not" is the one taken back ("it's a facet injection, not an
epidural")."""
_CORRECTS = re.compile(r"\b(?:(?:actually|sorry|no|oops),? (?:it'?s|its|it is|this is|that'?s|"
                       r"the request is|for)|i meant|meant|should (?:have )?be(?:en)?|"
                       r"correction|wrong (?:code|procedure)|(?:request|order|it|this) is for|"
                       r"it'?s for|its for|it'?s an? |its an? )")
"""Words that correct the procedure ("actually it's a facet injection not an epidural":
outside tester 18 C3, still open in session 20)."""


def _named(lower: str) -> tuple[int, int, str] | None:
    """The first procedure named in ``lower`` by one of its aliases."""
    best: tuple[int, int, str] | None = None
    for cpt in supported_cpts():
        for alias in load_policy(cpt).criteria.policy.aliases:
            for a, b in hits(lower, (alias.lower(),)):
                if (best is None or a < best[0]) and not _DENIED.search(lower, 0, a):
                    best = (a, b, cpt)
    asked = _asked_by_name(lower)
    return asked if asked and (best is None or asked[0] < best[0]) else best


def _asked_by_name(lower: str) -> tuple[int, int, str] | None:
    """A procedure named by a shorter word in a request ("need to check an epidural", "is
    the facet approved?"): a cue to check it right before the word, or a question about
    it right after (outside tester 18 C3: the chat greeted the nurse again)."""
    for cpt in supported_cpts():
        for word in load_policy(cpt).criteria.policy.asked_as:
            for a, b in hits(lower, (word.lower(),)):
                if _DENIED.search(lower, 0, a):
                    continue
                corrects = len(lower.split()) <= 15 and _CORRECTS.search(lower, 0, a)
                if _CUE.search(lower, max(0, a - 30), a) or corrects or \
                        ASKS_VERDICT.search(lower[b:b + 30]):
                    return a, b, cpt
    return None


class Named(NamedTuple):
    """The procedure a message names and how: ``code`` ("97110"), ``asked`` (by name with
    a request: "does this qualify for physical therapy?", or a short message that is
    little more than the name) or ``named`` (a name in a longer text that asks nothing of
    it: a pasted note's "physical therapy" may be its history, so the choice is said)."""

    cpt: str | None
    unknown: str | None
    words: str = ""
    how: str = ""
    others: tuple[tuple[str, str], ...] = ()
    """Other supported procedures the text names by name (cpt, words): said beside an
    inferred choice, so the user can switch in one word."""


def procedure(lower: str, current: str | None, current_phrases: tuple[str, ...] = ()
              ) -> tuple[str | None, str | None]:
    """(supported cpt, unsupported code) named in the message. ``current_phrases``: the
    fact phrases of the procedure being checked, so "after 12 weeks of physical therapy"
    is a fact of this case, not a request to check physical therapy."""
    named = procedure_named(lower, current, current_phrases)
    return named.cpt, named.unknown


_SHORT = 8
"""Words up to which a message naming a procedure is taken as asking for it ("ct chest for
my pt pls", "physical therapy")."""


def procedure_named(lower: str, current: str | None, current_phrases: tuple[str, ...] = ()
                    ) -> Named:
    """:func:`procedure`, with the words that named it and how (:class:`Named`)."""
    spans = [s for s in _code_spans(lower) if not _IDENTIFIER.search(lower[:s[0]])]
    if current is not None:
        # A case under way keeps its procedure unless the user asks about another code:
        # a note's history ("Prior ESI (62311) 03/2025") names no request (outside
        # tester, session 15, F1: it moved the verdict to the epidural policy).
        spans = [(a, b, c) for a, b, c in spans if c == current or
                 len(lower.split()) <= 3 or _ASKS_CODE.search(lower[max(0, a - 40):a])]
    codes = [c for _a, _b, c in spans]
    if codes:
        # "(64493, 64494)": an add-on code beside the one asked about is no other request.
        known = [c for c in codes if c in supported_cpts()]
        if known:
            cpt = current if current in known else known[0]
            return Named(cpt, None, cpt, "code")
        return Named(None, codes[0])
    best = _named(lower)
    if best is None:
        return Named(None, None)
    a, b, cpt = best
    if current is None:
        asked = len(lower.split()) <= _SHORT or bool(
            _CUE.search(lower, max(0, a - 40), a) or ASKS_VERDICT.search(lower[b:b + 40]))
        return Named(cpt, None, lower[a:b].strip(), "asked" if asked else "named",
                     _others(lower, cpt))
    # (a correction of the procedure is a short chat message: a note's "she actually had
    # an epidural steroid injection in 2024" switches nothing)
    corrects = len(lower.split()) <= 15 and bool(_CORRECTS.search(lower))
    if cpt == current:  # the case's own procedure named first: a note about this case
        return Named(None, None)
    if not corrects:
        # the first name with a request beside it ("Pt did PT 8 weeks. Can you check PT
        # instead?": the second "PT" is the one asked for)
        near = _named_near_cue(lower, current)
        if near is None:
            return Named(None, None)
        a, b, cpt = near
    if cpt == current:
        return Named(None, None)
    is_fact = any(x <= a and b <= y for x, y in hits(lower, current_phrases))
    if is_fact and not _SWITCH.search(lower):
        return Named(None, None)
    return Named(cpt, None, lower[a:b].strip(), "asked")


def _cue_near(lower: str, a: int, b: int) -> bool:
    """A request's cue in the sentence that names the procedure, close before the name
    ("what about PT?"), or a verdict's question or a switch right after it ("PT
    instead?"). A cue anywhere else asks for nothing: fresh26's placement note "Pt (71 F)
    lives with ... Family asked whether the CT can "check the scar"" switched a chest CT
    case to physical therapy on its first word and a "check" two sentences on."""
    start = max(0, a - 40, *(m.end() for m in _SENTENCE_END.finditer(lower, 0, a)))
    end_match = _SENTENCE_END.search(lower, b, b + 40)
    after = lower[b:end_match.start() if end_match else b + 40]
    asks = end_match is not None and end_match.group() == "?"
    # After the name only a verdict's question, a switch's word ("PT instead?") or, in a
    # question, the policy's words ("what imaging does the CT chest policy need?"): a
    # purpose after it is the history's ("the CT chest ... that was for a nodule").
    return bool(_CUE.search(lower, start, a) or ASKS_VERDICT.search(after)
                or _SWITCH.search(after) or (asks and POLICY_WORDS.search(after)))


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _named_near_cue(lower: str, current: str) -> tuple[int, int, str] | None:
    """The first name of a procedure other than ``current`` with a request's cue beside
    it (:func:`_cue_near`), or None."""
    found = [(a, b, cpt) for cpt in supported_cpts() if cpt != current
             for a, b in _name_hits(lower, cpt, short_names=True)
             if not _DENIED.search(lower, 0, a)]
    return next((hit for hit in sorted(found) if _cue_near(lower, hit[0], hit[1])), None)


def _name_hits(lower: str, cpt: str, short_names: bool = False) -> list[tuple[int, int]]:
    """Where ``lower`` names procedure ``cpt`` by one of its aliases (and, with
    ``short_names``, by the shorter words a request uses: "the facet")."""
    policy = load_policy(cpt).criteria.policy
    names = (*policy.aliases, *policy.asked_as) if short_names else policy.aliases
    return hits(lower, tuple(n.lower() for n in names))


def _others(lower: str, chosen: str) -> tuple[tuple[str, str], ...]:
    """The other procedures ``lower`` names by one of their names, with the words."""
    out = []
    for cpt in supported_cpts():
        if cpt == chosen:
            continue
        found = _name_hits(lower, cpt)
        if found:
            a, b = min(found)
            out.append((cpt, lower[a:b].strip()))
    return tuple(out)

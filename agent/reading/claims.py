"""A payer's earlier claim, quoted to be answered: not the writer's fact.

An appeal letter quotes the denial it disputes ("Your letter says PT was only 8 weeks;
in fact she completed 14 weeks", "Denied 11/05 because treatment logs were missing;
logs now attached"). Read as the writer's own words, the denial's reason decides the
case again (outside tester session 8 F4). The claim runs from the words that report it
to the end of its sentence, or to a word that answers it ("in fact", "but"); it is
blanked like disowned text, and what the writer says in answer is read as usual.
The words are data: ``claims`` in ``context.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation, rules
from agent.reading.text import CLAUSE_STOP
from policies.cachedir import fixed_patterns


@cache
@fixed_patterns
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = rules().claims
    # "The denial of 11/20 says ...", "Your letter dated 11/05/2026 states ...",
    # "The reviewer (Dr. Hall) wrote that ..."
    reported = re.compile(rf"(?<![\w'’])(?:{alternation(words.by)})\b[^.;!?\n]{{0,40}}?"
                          rf"\b(?:{alternation(words.says)})\b")
    # "Denied 11/05 because ...", "Request denied: ...", "Reason for denial: ..."
    reasons = re.compile(rf"(?<![\w'’])(?:(?:{alternation(words.denied)})"
                         r"(?:\s+(?:on\s+)?\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?\s*"
                         rf"(?:{alternation(words.because)})|(?:{alternation(words.reasons)})"
                         # its source in brackets before the colon: 'Denial reason (plan
                         # letter 11/25): "no documentation of ..."' (outside tester 16 F19)
                         r"(?:\s*\([^()\n]{0,60}\))?"
                         # a numbered reason with its words quoted: 'Denial reason 2,
                         # "no functional assessment": ...' (fresh11)
                         r"(?:\s*:|\s*#?\d{1,2}\s*[:,)-]|\s*#?\d{1,2}(?=\s*[\"“])))(?!\w)")
    return reported, reasons


_FULL_STOP = re.compile(r"[.!?](?=\s|$)|\n")


@cache
@fixed_patterns
def _denied_request() -> re.Pattern[str]:
    """A request denied, then its reason in brackets ("Prior 71250 request 9/2027 denied
    (PT 8 wks documented)", "auth #4471 not approved on 10/02/2027 (only 6 wks of PT)"):
    the reason's figures are the record as it stood when it was denied."""
    words = rules().claims
    return re.compile(rf"(?<![\w'’])(?:{alternation(words.requested)})\b[^.;!?\n()]{{0,40}}?"
                      rf"\b(?:{alternation(words.denied)})"
                      r"(?:\s+(?:on\s+|in\s+)?\d{1,4}[/.-]\d{1,4}(?:[/.-]\d{2,4})?)?\s*"
                      r"(?P<reason>\([^()\n]{1,160}\))")


@cache
@fixed_patterns
def _answer() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{alternation(rules().claims.answers)})\b")


@cache
@fixed_patterns
def _disputed() -> re.Pattern[str]:
    """"Referral says ...", "The chart lists ...": a source the writer may go on to correct."""
    words = rules().claims
    return re.compile(rf"(?<![\w'’])(?:{alternation(words.disputed_by)})\b[^.;!?\n]{{0,30}}?"
                      rf"\b(?:{alternation(words.says + words.disputed_says)})\b")


_QUOTE = re.compile(r"[\"“][^\"”]{1,400}[\"”]")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")
_QUOTED_FIGURE = re.compile(r"[\"“][\d/.,:%\s-]{1,20}[\"”]")
"""A quoted day or figure ('"09/21/2026"'): no word for the quotation to settle."""
_AND = re.compile(r"[\s,]*(?:and|or|,)?[\s,]*")


@cache
@fixed_patterns
def _policy_quoting() -> re.Pattern[str]:
    """"The policy also lists", "Coverage Criteria, item 1, ... states:", "Criterion not
    met:": the policy's name, then a verb that quotes it."""
    words = rules().claims
    return re.compile(rf"(?<![\w'’])(?:{alternation(words.policy)})\b[^.!?;:]{{0,80}}?"
                      rf"\b(?:{alternation(words.policy_says)})\b")


@cache
@fixed_patterns
def _policy_requiring() -> re.Pattern[str]:
    """"This policy requires", "Coverage criteria call for": the policy's name (not as
    another's possessive, "the policy's"), then, in its clause, a verb of requiring."""
    words = rules().claims
    return re.compile(rf"(?<![\w'’])(?:{alternation(words.policy)})(?![\w'’])[^.!?;:,\n]{{0,30}}?"
                      rf"\b(?:{alternation(words.policy_requires)})\b")


@cache
@fixed_patterns
def _policy_labelling() -> re.Pattern[str]:
    """'plan criteria "pain >= 4, 12 wks cons tx"', 'the LCD: "..."': the policy's name
    right before a quotation, nothing but a colon or a dash between, names what it quotes."""
    return re.compile(rf"(?<![\w'’])(?:{alternation(rules().claims.policy)})[ \t]*[:–—-]?[ \t]*$")


def policy_quotes(lower: str) -> list[tuple[int, int]]:
    """The quotations of the policy's own text in a letter about it ('The policy also
    lists "Active infections (e.g., sepsis, osteomyelitis)" and "Pregnancy (if
    applicable)" under Exclusion Criteria': fresh15, read as an infection): a quotation
    whose sentence names the policy and a verb that quotes it before it, and the
    quotations listed right after one ("... and ..."). They are the policy's words, no
    finding about the patient."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTE.finditer(lower):
        if spans and spans[-1][1] <= match.start() and \
                _AND.fullmatch(lower, spans[-1][1], match.start()):
            spans.append(match.span())
            continue
        before = lower[max(0, match.start() - 160):match.start()]
        ends = list(_SENTENCE_END.finditer(before))
        own = before[ends[-1].end():] if ends else before
        if _policy_quoting().search(own) or _policy_labelling().search(own):
            spans.append(match.span())
    return spans


@cache
@fixed_patterns
def _denied_in() -> re.Pattern[str]:
    """"No active infection documented in the H&P": a denial a record holds."""
    return re.compile(r"(?<![\w'’])(?:no|not|denies|negative for)\b[^.;!?\n]{0,40}?"
                      rf"\b(?:{alternation(rules().claims.denied_in)})\b")


@cache
@fixed_patterns
def _rejecting() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Another's judgment reported ("The requesting physician describes ...") and the
    writer's rejection of it ("I do not consider ...", "We strongly dispute this")."""
    words = rules().claims
    return (re.compile(rf"(?<![\w'’])(?:{alternation(words.rejected_says)})\b"),
            re.compile(rf"(?<![\w'’])(?:{alternation(words.rejected)})\b"))


_WRITER = re.compile(r"\b(?:i|we)\b|\b(?:i|we)['’]")
"""The writer as the subject: their own judgment, never a claim to blank."""
_REJECTED_WITHIN = 300
"""How far after a judgment's sentence its rejection may come (the next sentence or
two: 'On review, BP 128/78 and 134/82 ...; I do not consider the hypertension severe.')."""


def rejected_claims(lower: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Another's judgment the writer rejects in the sentences right after it, from its
    verb to the end of its sentence (fresh18: 'The requesting physician describes "severe
    uncontrolled hypertension". ... I do not consider the hypertension severe.'); not
    past a blank line, and not a judgment the writer makes ("I", "we" before its verb)."""
    says, rejected = _rejecting()
    spans = []
    for a, b in sentences:
        verb = says.search(lower, a, b)
        if verb is None or _WRITER.search(lower, a, verb.start()):
            continue
        after = lower[b:b + _REJECTED_WITHIN].split("\n\n", 1)[0]
        if rejected.search(after):
            spans.append((verb.start(), b))
    return spans


_WANTED_QUOTE = re.compile(
    r"(?:[\"“][^\"”\n]{1,300}[\"”]|(?<![\w’])['‘][^'‘’\n]{1,300}['’](?![\w’]))"
    r"(?=\s+(?:(?:listed|named|flagged|marked|noted|cited|identified)\s+)?(?:as|among(?:\s+the)?)\s+(?:still\s+)?(?:missing|outstanding|lacking|absent|"
    r"not met|unmet|required|needed|not documented|items? needed|missing items?)\b)")
"""A quotation named as what is missing or required ("The letter lists 'failed conservative
treatment (2 PT courses)' as missing", phrase33b read the care failed, twice): the payer's
words for what it wants, no finding about the patient. (Not "as insufficient": the care
was had, and judged too little.)"""


def wanted_quotes(lower: str) -> list[tuple[int, int]]:
    """The quotations a message names as missing, unmet or required (``_WANTED_QUOTE``)."""
    return [m.span() for m in _WANTED_QUOTE.finditer(lower)]


def claims(lower: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``lower`` that report what a denial, its reviewer or the payer
    claimed, each to the end of its sentence or to the writer's answer; and what another
    source says where the writer answers it in the same sentence ("Referral says 12
    weeks of conservative treatment, but the PT records show only 6": outside tester
    session 10 F2), to that answer; so is a denial a record holds, answered so ("No active
    infection documented in the H&P; however, the labs show ...": session 11 F8)."""
    spans = []
    for pattern in (*_patterns(), _disputed(), _denied_in(), _policy_requiring()):
        for match in pattern.finditer(lower):
            end = next((b for a, b in sentences if a <= match.start() < b), len(lower))
            if pattern is _disputed() or pattern is _denied_in():
                # answered past a semicolon too ("The referral states 16 weeks; however
                # the logs cover only 9"); unanswered, the source's word stands
                stop = _FULL_STOP.search(lower, match.end())
                answer = _answer().search(lower, match.end(), stop.start() if stop else
                                          len(lower))
                # (a quoted word is the quotation's to settle: 'The referral says
                # "cosmetic" but this is for function' is asked, with the quotation; a
                # quoted day or figure is the record's, which the answer settles:
                # 'radiology report says "09/21/2026" on the cover sheet, but the study
                # date in PACS is 09/12/2026', session 14)
                if answer is not None and not re.search(r"[\"“”]", _QUOTED_FIGURE.sub(
                        "", lower[match.end():answer.start()])):
                    spans.append((match.start(), answer.start()))
                continue
            # ("Denial reason: insufficient PT. Treating MD states ...": a full stop after
            # an abbreviation's letters still ends the claim)
            stop = CLAUSE_STOP.search(lower, match.end(), end)
            # a reason quoted after its label is the payer's words; what follows the
            # quotation is the writer's answer ('Denial reason 3, "baseline pain": her
            # pain was 4/10 at her PT intake')
            quoted = _QUOTE.match(lower, match.end() + len(lower[match.end():]) -
                                  len(lower[match.end():].lstrip()))
            # (the policy's words quoted after its verb: 'the policy requires "consultation
            # reports from: Primary care physician", and no primary care consultation
            # report has been received' - the writer's words after the quotation are read)
            if pattern in (_patterns()[1], _policy_requiring()) and quoted is not None:
                spans.append((match.start(), quoted.end()))
                continue
            end = stop.start() if stop else end
            answer = _answer().search(lower, match.end(), end)
            spans.append((match.start(), answer.start() if answer else end))
    spans += [m.span("reason") for m in _denied_request().finditer(lower)]
    return spans + policy_quotes(lower) + wanted_quotes(lower) + \
        rejected_claims(lower, sentences)

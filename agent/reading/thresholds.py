"""A figure that qualifies a rule: the writer quotes a threshold, not the patient's value.

"the 12 wk conservative rule is going to be a problem", "a six-week PT requirement", "over
the 4/10 pain cutoff", "at the 6-week mark": the figure and its unit name the rule (or a
point in time), so no fact is read from them (fresh27 read a nurse's "the 12 wk
conservative rule" as the patient's 12 weeks of care). The figure is blanked, for every
fact, as the message is prepared (``message.py``); the words around it are read as usual.
"""

from __future__ import annotations

import re

_NUMBER = (r"(?:\d+(?:\.\d+)?(?:/\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|twenty-four|"
           r"twenty four|thirty|fifty-two)")
_UNIT = (r"(?:[ \t-]*(?:weeks?|wks?|wk|w|months?|mos?|mo|days?|d|years?|yrs?|sessions?|"
         r"visits?|sets?|views?|points?|%|percent))?")
# Words between the figure and the rule's noun: the thing measured ("conservative", "PT",
# "symptom"), never a word that makes the figure the subject of a statement of its own
# ("PT 12 weeks to rule out ...", "8 wks is short of the 12 wk requirement").
_BETWEEN = (r"(?:(?!(?:per|for|to|of|and|or|then|with|is|was|are|were|meets?|met|by|as|in|"
            r"on|at|which|that|so|but|not|than|vs|under|over|below|above|short)\b)"
            r"[a-z][a-z/&+']*[ \t-]+){0,3}")
# (a "minimum" or a "mark" after a figure is the patient's too: "PT 12 wks minimum", so
# only after an article or a possessive: "the 12-week minimum", "at the 6-week mark")
_RULE = re.compile(
    r"(?<![\w./-])(?P<fig>" + _NUMBER + _UNIT + r")[ \t-]+" + _BETWEEN +
    r"(?:rules?|requirements?|thresholds?|cut-?offs?|criterion)\b"
    r"(?![ \t-]*(?:out|d[ \t]+out)\b)"
    r"|(?:\b(?:the|a|an)|'s)[ \t]+(?P<fig2>" + _NUMBER + _UNIT + r")[ \t-]+" + _BETWEEN +
    r"(?:minimum|mark)\b")


# A statement about patients in general: payers', guidelines' or studies' figures, or what
# "usually" comes first ("Payers commonly require 12 weeks of conservative care [1]; our
# patient had 10 weeks.", "facet injections usually follow 12 weeks of physical therapy"):
# every figure from its verb to the clause's end is theirs, not this patient's (outside
# tester 24 F4: 12 weeks read for a patient with 10). The clause ends at ";" or ".", so the
# patient's own figure after it is read.
_GENERAL = re.compile(
    r"\b(?:(?:most|many|some|all|the)[ \t]+)?(?:payers?|insurers?|health plans?|guidelines?|"
    r"studies|trials|the literature|literature|evidence|research|policies|policy|criteria)"
    r"[ \t]+(?:\w+[ \t]+){0,2}?(?:require|requires|suggest|suggests|recommend|recommends|"
    r"show|shows|call for|calls for|expect|expects|say|says|state|states|want|wants|need|"
    r"needs|ask for|asks for|specify|specifies|mandate|mandates)\b"
    r"|\b(?:usually|typically|generally|commonly|often|normally)[ \t]+(?:follow|follows|"
    r"come after|comes after|require|requires|need|needs|take|takes)\b"
    # what a payer's form asks ("your form asks for "at least two 6-week courses"":
    # phrase27a read 2 courses), not what a form of the patient's shows
    r"|\b(?:your|the|their|this|that)[ \t]+(?:[a-z]+[ \t]+)?forms?[ \t]+(?:asks?|asking|"
    r"requires?|requiring|wants?|demands?)(?:[ \t]+for)?\b")
_FIGURE = re.compile(r"(?<![\w./-])" + _NUMBER + _UNIT + r"(?![\w/])"
                     # a grade is a rule's level as a figure is ("Aetna requires FABQ
                     # showing at least moderate impairment; ours shows mild": outside
                     # tester 28 F5 read moderate)
                     r"|\b(?:mild|moderate|severe|marked|minimal|significant)(?:ly)?\b")
# A payer's, a guideline's or a policy's rule quoted by name, with a rule's own words
# ("Per Aetna CPB, facet injections require a pain score of at least 4/10 and 12 weeks
# of PT.", "UHC guideline: X-rays: two or more sets within 6 months.", "Per payer policy,
# pain must be 4/10 or higher."): its figures are the rule's (outside tester 25 F6). A
# source named without a rule's words ("Per policy, PT 12 weeks done: met") is left to
# be read as the patient's. A threshold's own figures need no rule word ("met the common
# thresholds of 12 weeks of conservative care and 6 weeks of symptoms").
_SOURCE = re.compile(
    r"\b(?:aetna|cigna|uhc|unitedhealthcare|united healthcare|humana|anthem|bcbs|"
    r"blue cross|medicare|medicaid|cms|lcd|ncd|cpb|the payer|payer|the insurer|insurer|"
    r"guidelines?|payer policy|plan policy|medical policy|coverage policy|"
    r"policy criteria|coverage criteria|the policy|(?P<of>(?:thresholds?|requirements?|"
    r"cut-?offs?)[ \t]+of|"
    # the policy's words set out as such ("Policy excerpt reproduced for reference: 'a
    # minimum of 2 sessions per week for 24 weeks'": phrase28a read 2 sessions a week)
    r"(?:policy|policy's|criteria|guideline|lcd)[ \t]+(?:excerpt|extract|text|wording|"
    r"language|quote|quoted)|"
    # a rule said to be a figure ("The plan's rule is two failed courses; our patient has
    # only one": phrase26a read 2), not a criterion said to be met
    r"(?:rules?|requirements?|threshold|cut-?off)[ \t]+(?:is|was|says|reads)(?=[ \t]+"
    r"(?:[\"'\u201c]|at[ \t]+least|a[ \t]+minimum|minimum|a[ \t]|an[ \t]|\d|"
    + _NUMBER + r"\b))))\b")
_RULE_WORDS = re.compile(
    r"\b(?:require|requires|must be|must have|needs to be|need to be|at least|or more|"
    r"or higher|or greater|or longer|minimum of|no less than|minimums?|min|required)\b|>=|\u2265")


def rule_figures(lower: str) -> list[tuple[int, int]]:
    """The spans of the figures (with their units) that qualify a rule's noun, or that a
    statement about patients in general gives."""
    out = []
    for m in _RULE.finditer(lower):
        group = "fig" if m["fig"] is not None else "fig2"
        out.append((m.start(group), m.end(group)))
    for m in _GENERAL.finditer(lower):
        out += _figures_to_clause_end(lower, m.end())
    for m in _SOURCE.finditer(lower):
        end = _clause_end(lower, m.end())
        if m["of"] or _RULE_WORDS.search(lower, m.end(), end):
            out += _figures_to_clause_end(lower, m.end())
            continue
        # a rule's word before its source names the figures after it the rule's too:
        # "Minimum per Aetna is 12 weeks PT; she completed 8." (outside tester 29 F3
        # read 12 weeks of PT for a patient with 8)
        before = _RULE_WORDS.search(lower, _clause_start(lower, m.start()), m.start())
        if before:
            out += _figures_to_clause_end(lower, before.end())
    return out


def _clause_start(lower: str, end: int) -> int:
    """Where the clause holding ``end`` begins (after the last clause stop before it)."""
    start = 0
    for m in _CLAUSE_STOP.finditer(lower, max(0, end - 200), end):
        start = m.end()
    return start


def _figures_to_clause_end(lower: str, start: int) -> list[tuple[int, int]]:
    """The figures from ``start`` to the end of its clause: a rule's, not the patient's."""
    return [f.span() for f in _FIGURE.finditer(lower, start, _clause_end(lower, start))
            if f.group(0).strip()]


_CLAUSE_STOP = re.compile(r"\.(?!\d)|;|\n|[ \t][-–—]+[ \t]")
"""A clause's end; a spaced dash too ("Policy says moderate impairment needed - FABQ mild":
the writer's own answer follows it)."""


def _clause_end(lower: str, start: int) -> int:
    """Where the sentence from ``start`` ends: a full stop not inside a number, a
    semicolon or a line's end."""
    m = _CLAUSE_STOP.search(lower, start)
    return m.start() if m else len(lower)

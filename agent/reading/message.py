"""A message prepared for reading: the text blanked where it must not be read (disowned
text, "Pt", procedure names, figures that are no values), and its sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from agent.reading.apart import (
    answers_before_labels,
    answers_below,
    answers_inline,
    answers_under_labels,
    coded_answers,
    denied_lists,
    past_window_yes,
)
from agent.reading.audits import audited_away, words_replaced
from agent.reading.blocks import patient_blocks
from agent.reading.callers import patient_named
from agent.reading.claims import claims
from agent.reading.context import (
    Context,
    affirmed_apart,
    alternation,
    clinician_aside_spans,
    lookalike_spans,
    question_spans,
    request_spans,
)
from agent.reading.context import rules as context_rules
from agent.reading.emphasis import emphatic_nots
from agent.reading.formfields import form_fields
from agent.reading.glosses import foreign_answers, glossed_labels, glossed_runs
from agent.reading.hearsay import corrected_reports
from agent.reading.marks import boxes_after_labels, label_asides
from agent.reading.others import companions, labelled_others, named_others, named_owners
from agent.reading.retractions import named_entries, other_case_lines, retracted, sample_lines
from agent.reading.rules import ReadingRule, reading_rules, rules_phrases
from agent.reading.statuses import none_options, status_labels
from agent.reading.testimony import testimony
from agent.reading.text import (
    PATIENT_MARK,
    Occurrences,
    answer_is_fields,
    answer_labels,
    answer_rows,
    answered_questions,
    as_written,
    asked_fields,
    blank,
    cells_as_fields,
    clauses,
    column_units,
    criterion_cells,
    cut_words,
    dated_rows_apart,
    denied_thresholds,
    disowned,
    fax_lines,
    fields_apart,
    footnoted,
    hits,
    json_pairs,
    key_answers,
    latest_columns,
    latest_row_scores,
    leaders_as_fields,
    literal_answers,
    log_times,
    notices,
    option_codes,
    patient_mentions,
    pipes_as_fields,
    place_names,
    question_examples,
    radio_boxes,
    sentence_spans,
    smartlist_answered,
    spoken_punctuation,
    tty_marks,
    underscore_boxes,
    unfilled,
    unit_columns,
    unticked_figures,
    unticked_words,
    unwrap,
)
from agent.reading.thresholds import rule_figures
from policies.cachedir import fixed_patterns
from policies.library import load_policy
from policies.model import FactSpec

_GROUPS = {"number": "number", "date": "date"}


_DENIED_BEFORE = re.compile(r"\b(?:no|not|not on|never|without|off|w/o|nothing|none of "
                            r"(?:that|these|those|them|it|this)|hasnt|havent|didnt|doesnt|"
                            r"isnt|wasnt|dont)\s+$|n't\s+$")
"""A denial right before an ``exclude`` word ("no supplemental O2", "has not helped")."""


_NOT_EVENT = tuple(context_rules().not_event_dates)


@dataclass
class _Message:
    """One message prepared for reading."""

    text: str
    lower: str
    """Lower-cased, with disowned text, "Pt" and procedure names blanked."""
    cpt: str | None
    specs: dict[str, FactSpec]
    rules: dict[str, ReadingRule]
    as_of: date
    occ: Occurrences
    found: list = field(default_factory=list)
    """The clauses of ``lower``."""
    pending: tuple[str, ...] = ()
    """The questions just asked: a bare "4 then, 7 now" answers a pending pain score."""
    context: Context | None = None
    """Who and when each part of ``lower`` is about (set once the clauses are known)."""

    @property
    def pasted(self) -> bool:
        """A pasted note, not a message typed in a chat: what a chat message says back
        about its parts would drown a note's reply ("he is not diabetic" typed alone is
        said back with what is still open; a note's PMH denials are not)."""
        return len(self.text) > NOTE_CHARS or self.text.strip().count("\n") >= 2


NOTE_CHARS = 300


_OCR_NUMBER = re.compile(r"(?<![a-z0-9])\d[\d,.]*o[\do,.]*(?![a-z])")
"""A scanned figure with the letter O for a zero ("1O1.3 F", "13,4OO")."""


_MISREAD_FIGURE = re.compile(
    r"(?<![\w/.-])(?=[\dli]*\d)(?=[\dli]*[li])[\dli]{2,4}"
    r"(?=[ \t]*(?:wks?|weeks?|months?|mos?|mths?|days?|yrs?|years?|sessions?|visits?|courses?)\b)")
"""A scanned figure with a letter l or I for a digit before its unit ("PT x l2 wks",
"I0 weeks", "1l visits"): which digit it was is not known (l2 may be 12), so the figure is
not read and the length is asked, never cut to the digits that are left (fresh20 read "l2
wks" as 2 weeks). A spine level ("L2", "L4-5") has no unit after it."""


_DIGIT_SPOKEN_OF = re.compile(
    r"\b(?:dropped|drops|missed|misses|left off|leaves off|left out|lost|cut off|omitted|"
    r"skipped|forgot|added|swapped|missing|extra|leading|stray)[ \t]+(?:(?:the|a|an|its|one|"
    r"that|first|leading|extra|digit)[ \t]+){0,3}(?P<d>\d)\b(?![ \t]*(?:[/.,%]\d|%|/10|[a-z]))")
"""A digit the writer speaks of as a digit ("the dictation dropped the 1", "the
transcription missed the leading 1", "a stray 0"): no figure of any fact. Read, it was
offered as a rival value ("which is it: 18 weeks or 1?", outside tester 29 C1)."""


def _misread_figures(lower: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MISREAD_FIGURE.finditer(lower)] + \
        [m.span("d") for m in _DIGIT_SPOKEN_OF.finditer(lower)]


@cache
@fixed_patterns
def _labels_first() -> re.Pattern[str]:
    label = "(?:" + alternation([*context_rules().measure_labels, "t", "temp", "tmax"]) + \
        r")(?![a-z0-9])"
    figure = r"\d+(?:\.\d+)?%?"
    gap = r"(?:[ \t]*[/,][ \t]*|[ \t]+)"
    # (a grid whose rows open with their dates, "WBC Hgb ... 11/20/2026 16.2 12.9 ...",
    # is read by its rows)
    return re.compile(rf"(?<![\w/.]){label}(?:{gap}{label})+[ \t]*[:=]?[ \t]*"
                      rf"(?!\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?<![\w.]){figure}(?:{gap}{figure})+")


def _labels_apart(lower: str) -> list[tuple[int, int]]:
    """A vitals or labs grid pasted as one line, its measures' labels first and their
    figures after ("Vitals: T HR RR SpO2 FiO2 37.2 110 24 89% 21%"): which figure is
    whose cannot be read back (outside tester session 11 F21: the heart rate 110 was
    read as a temperature of 110 F), so none is read, and each is asked."""
    return [m.span() for m in _labels_first().finditer(lower)]


@cache
@fixed_patterns
def _struck() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in context_rules().struck)


def struck_out(text: str, lower: str) -> str:
    """``lower`` with the text a document shows as deleted blanked (``struck`` in
    context.yaml: "~~8/10~~ 5/10", "[deleted: 08/18/2026]", "<del>8/10</del>"): a tracked
    change or a strike-through keeps the old words visible, and they are not the text's
    (fresh18). A pattern's ``keep`` group is read ("[inserted: 10 weeks]": its marks are
    blanked, its words kept). Found in ``text``, whose markup ``lower`` has dropped."""
    spans = []
    for pattern in _struck():
        for m in pattern.finditer(text):
            kept = m.span("keep") if "keep" in pattern.groupindex and m["keep"] else None
            spans += [(m.start(), kept[0]), (kept[1], m.end())] if kept else [m.span()]
    return blank(lower, spans)


_DECIMAL_COMMA = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3})(?:,(?=\d{1,2}(?!\d)[ \t]*(?:°|%|[cf]\b|x[ \t]*10|k\b|/[ \t]*10\b))"
    r"|·(?=\d))")
"""A decimal comma before a unit ("T 38,4 °C", "FEV1 64,5 %", "WBC 16,4 x10^9/L") or a
raised dot ("38·4"): a European writer's decimal point (outside tester session 15 F18
read 38.0 C at the comma). A comma before three digits groups thousands ("16,400"); one
with no unit after it is a list ("pain 7,8")."""


_BARE_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(?P<n>\d{2}),(?=\d(?!\d|[ \t]*,[ \t]*\d))")
"""'that was 37,4' with no unit after it: a decimal comma in a text whose writer already
wrote one before a unit ("T 38,4 °C ... No wait, that was 37,4", session 16 F9 and
outside tester 17 F6: read 37). Two digits before it, so a list of scores ("pain 7,8")
stays a list."""


def _decimal_points(lower: str, decimals_known: bool = False) -> str:
    if decimals_known or any("," in m.group(0) for m in _DECIMAL_COMMA.finditer(lower)):
        lower = _BARE_DECIMAL_COMMA.sub(lambda m: m["n"] + ".", lower)
    return _DECIMAL_COMMA.sub(lambda m: m["n"] + ".", lower)


def _masked(text: str, lower: str, named_cpt: str | None, rules_cpt: str | None,
            decimals_known: bool = False) -> str:
    """The text prepared for reading (module docstring), with the reading rules of
    ``rules_cpt``. ``decimals_known``: the conversation already holds a figure with one
    decimal place, so a bare "37,4" in a reply is a decimal comma as it is after one
    written before a unit."""
    rules = reading_rules(rules_cpt)
    # (a template's sample is found in the text as typed: "<<TEMPLATE EXAMPLE>>" reads as a
    # markup tag, blanked below)
    typed = text.lower()
    samples = sample_lines(typed if len(typed) == len(lower) else lower) + other_case_lines(lower)
    lower = _OCR_NUMBER.sub(lambda m: m.group(0).replace("o", "0"),
                            spoken_punctuation(tty_marks(text, lower)))
    lower = glossed_runs(foreign_answers(glossed_labels(text, lower, rules_phrases(rules_cpt))))
    lower = answer_labels(affirmed_apart(_decimal_points(testimony(lower), decimals_known)))
    raw = lower
    lower = fields_apart(text, unwrap(text, literal_answers(json_pairs(smartlist_answered(
        status_labels(form_fields(text, lower)))))))
    # a form's answers set apart from their labels, put back beside them (apart.py)
    lower = denied_lists(answers_before_labels(coded_answers(answers_under_labels(
        text, answers_inline(text, answers_below(text, lower))))))
    lower = cut_words(raw, lower)
    lower = key_answers(lower)
    lower = boxes_after_labels(radio_boxes(underscore_boxes(leaders_as_fields(dated_rows_apart(
        answer_is_fields(lower))))))
    lower = label_asides(lower)
    lower = latest_columns(column_units(blank(lower, footnoted(lower))))
    lower = answer_rows(text, cells_as_fields(pipes_as_fields(latest_row_scores(lower))))
    lower = answered_questions(asked_fields(denied_thresholds(
        blank(lower, question_examples(lower)))))
    sentences = [(c.start, c.end) for c in _sentences(lower)]
    words = context_rules()
    lower = blank(lower, patient_mentions(text) + patient_named(lower, words.inverse,
                                                               words.pronouns), PATIENT_MARK)
    spans = disowned(lower, sentences) + retracted(lower, sentences) + audited_away(lower) + \
        words_replaced(lower) + _corrected_away(lower) + notices(lower) + \
        _misread_figures(lower) + \
        claims(lower, sentences) + unfilled(lower, as_written(text, lower)) + \
        none_options(lower) + _labels_apart(lower) + fax_lines(lower) + \
        unit_columns(lower) + request_spans(lower) + question_spans(lower) + option_codes(lower) + \
        unticked_figures(lower) + unticked_words(lower) + rule_figures(lower) + \
        log_times(lower, text) + \
        place_names(text) + criterion_cells(text) + lookalike_spans(lower) + \
        past_window_yes(lower) + \
        named_entries(text, lower) + samples + clinician_aside_spans(lower) + \
        corrected_reports(lower) + \
        named_others(text) + labelled_others(lower) + companions(text) + named_owners(text) + \
        emphatic_nots(lower) + \
        patient_blocks(text)
    if named_cpt:
        spans += _procedure_names(lower, named_cpt, rules, sentences)
    return blank(lower, spans)


def _procedure_names(lower: str, cpt: str, rules: dict[str, ReadingRule],
                     sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words that name the procedure asked about, set apart from the facts: "what
    about a chest CT?" names the procedure, not a CT the patient had; but "medial branch
    block 2026-10-01" is a fact of the policy itself. Where the message names it by its
    code, only the code's sentence names it: "does this case qualify for 97110? ... 8
    weeks of PT and naproxen failed" is the case's PT (its PT was blanked, the failure
    and the length unread)."""
    own = tuple(p for rule in rules.values() for p in rule.phrases)
    coded = [(a, b) for a, b in sentences if cpt in lower[a:b]]
    spans = []
    for alias in load_policy(cpt).criteria.policy.aliases:
        for a, b in hits(lower, (alias.lower(),)):
            if coded and not any(x <= a < y for x, y in coded):
                continue
            lo = max(0, a - 60)
            near = [(x + lo, y + lo) for x, y in hits(lower[lo:b + 60], own)]
            if not any(x <= a and b <= y and (y - x) > (b - a) for x, y in near):
                spans.append((a, b))
    return spans


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _sentences(lower: str, found: list | None = None) -> list[_Span]:  # noqa: ANN001
    spans = sentence_spans(found if found is not None else clauses(lower))
    return [_Span(a, b) for a, b in spans.values()]


_NOT_VALUE = re.compile(r"(?<=\d)(?:\s*[a-z/%°]*)?"
                        # (inside a bracket or after a dash too: "9 weeks (not 9 months as
                        # drafted)", phrase31a read the 9 months the co-signer took back)
                        r"(?:\s*,?\s+|\s*[(\[]\s*|\s+[\u2013\u2014-]+\s*)(?P<not>not\s+(?:the\s+)?"
                        # (a count in thousands whole: "WBC was 11,200 not 16,800" took back 16)
                        r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                        # (whole: "not 11/14" took back "not 1", outside tester 20 C2)
                        r"(?![\d.])(?!/(?!10\b|100\b)\d)(?:\s*[a-z/%°]+)?)")
"""'8 weeks not 14': the value taken back. A date taken back ("the MRI was 10/01/2026 not
10/30") is no figure: its month is not a stored 10 weeks, nor its day a new value."""


_SHOULD_BE = re.compile(r"(?<![\d./])(?P<not>\d+(?:\.\d+)?)(?=(?:\s*[a-z]+)?['\"\u2019\u201d]?"
                        r"(?:\s+(?:of|for|in)"
                        r"(?:\s+the)?\s+[a-z]+)?\s+(?:should (?:be|have been|read|say)|(?:is|was) "
                        r"wrong,? (?:it'?s|it is|it was|should be|should have been))\s+\d)")
"""'the 13 should be 16': the value taken back comes first."""


_NOT_FIRST = re.compile(r"^\s*(?P<not>not\s+\d+(?:\.\d+)?)(?=\s*[,;:]?\s+(?:(?:but|it'?s|it is|"
                        r"it was|rather)\s+)?\d)")
"""'not 3, 4': the value taken back, then the right one."""


_NOT_QUOTED = re.compile(r"(?:^|(?<=[:;,.(\u2013\u2014-]))\s*not\s+(?P<not>['\"\u2018\u201c]\s*"
                         r"\d+(?:\.\d+)?\s*[a-z/%\u00b0]*\s*['\"\u2019\u201d])", re.M)
"""'Correction of symptom duration: not "8 weeks".': the quoted value taken back (phrase28a
read the 8 weeks the correction names)."""


def figure_in(words: str) -> float | None:
    """The first figure of ``words``, a count in thousands whole ("16,800" is 16800)."""
    m = re.search(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?", words)
    return None if m is None else float(m.group(0).replace(",", ""))


def _taken_back_in(lower: str) -> list[re.Match[str]]:
    """Every value the user takes back, as a match whose "not" group holds it: "8 weeks
    not 14", "the 13 should be 16", "not 3, 4"."""
    return sorted([*_NOT_VALUE.finditer(lower), *_SHOULD_BE.finditer(lower),
                   *_NOT_FIRST.finditer(lower), *_NOT_QUOTED.finditer(lower)],
                  key=lambda m: m.start())


_SAID_AGAIN = re.compile(
    # (not a date's year: "MRI lumbar 07/30/2026. [Office correction 12/02: ...]" took
    # back the MRI's year; a day taken back alone, "10/2 - actually 10/12", is asked)
    r"(?<![\d.])(?<!/\d/)(?<!/\d\d/)(?P<old>\d+(?:\.\d+)?)\s*(?P<unit>%|[a-z]+)?(?=[^\d\n]{0,30}?[\s,;.:–—-]"
    r"(?P<cue>sorry|oops|correction|i mean|i meant|make that|my mistake|my bad|actually|rather|"
    # "Failed courses: 3 (PT, meds, chiro) -> corrected to 2" (fresh5)
    r"(?:corrected|changed|amended|revised|updated) to|"
    r"wait|no,? that'?s wrong|err|erm|(?<=[–—-] )no(?=,)|no(?=,? sorry\b)|"
    # a hesitation after an ellipsis, then the figure meant ("12 weeks of PT... well, 10
    # weeks"; outside tester 29 F5 read the 12)
    r"(?<=\.\.\.[ \t])well(?=,)|(?<=…[ \t])well(?=,)|(?<=\.\.\.)well(?=,)|"
    # an erratum, dated or not, in the same line: "FEV1 85% predicted - ERRATUM 12/02:
    # should read 58%." (outside tester 23 F7 read the 85 the erratum takes back)
    r"errat(?:um|a)(?:[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?)?)\b"
    r"[\s,:;.–—-]*(?:sorry\b[\s,:;.–—-]*)?"
    # ("no wait, that was 37.4 - I misread", outside tester 17 F6)
    r"(?:i meant|i mean|it'?s|it was|it is|that'?s|that was|that is|should be|should read|"
    r"should say|was|is|in)?"
    r"\s*(?P<new>\d+(?:\.\d+)?)"
    r"\s*(?P<unit2>%|[a-z]+)?)")
"""A value said and then corrected in the same breath ("88% on RA -- sorry, I meant 91%",
"20 wks total - wait, 18 wks", "3 (PT, meds, chiro) -> corrected to 2", "3x a week - no,
2x", "in 8, no sorry, in 7"): a bare "no"
counts only after a dash or before "sorry", right before the new figure."""


# A day in figures: with its year, or month and day alone ("11/21"), but never a score's
# "7/10" or "70/100" (a score corrected from another source is two values, asked).
_FIG_DAY = (r"(?:\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}/\d{1,2}\b(?![/.]\d)"
            r"(?<!/10)(?<!/100))")
_DATE_CORRECTED = re.compile(
    rf"(?P<old>{_FIG_DAY})(?=[ \t]*[(\[,;*–—-]{{0,2}}[ \t]*(?:correction|"
    r"corrected|typo|error|sorry|erratum|should read|should be|amended to|changed to|"
    r"i mean|i meant|make that|no,? wait|wait|oops|my bad|my mistake|no(?=[ \t]*,)|"
    # an addendum or amendment on its own day that gives the right one in words of a
    # correction ("MRI 11/20/2026 - addendum 12/01: correct date is 09/20/2026";
    # outside tester 29 F5); its own day is never the new one
    r"(?:addendum|amended|amendment)(?>(?:[ \t]+(?:on[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"(?![\d/]))?)[^\d\n]{0,30}?\b(?:correct|corrected|should|date is|reads?|changed to|"
    r"revised to)\b)\b"
    rf"[^\d\n]{{0,30}}?(?P<new>{_FIG_DAY}))")
"""A date corrected right after it ("H&P 11/15/2026 (correction: should read
10/15/2026)", "MBB 11/20/2026 (should read 11/02/2026)", "XR 11/21 - sorry, 11/12", "MRI
was 10/2 -- sorry, 10/12"): the
first one is taken back, and the words up to the new one with it, so the new day stands at
the study's name (left in a clause of its own after the dash, it was no study's day)."""


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WORD_DATE_CORRECTED = re.compile(
    rf"(?P<old>\b{_MONTH_WORD}[ \t]+(?:the[ \t]+)?(?:\d{{1,2}}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?))"
    r"(?=[ \t]*[,;–—-]?[ \t]*(?:i'?m sorry|sorry|no,? wait|wait|i mean|i meant|correction|"
    r"rather|scratch that|make that|no(?=[ \t]*,))\b[\s,:;.–—-]*"
    r"(?:i mean|i meant|it was|make that)?[\s,]*"
    rf"(?:the[ \t]+)?(?:{_MONTH_WORD}|\d|[a-z]+(?:st|nd|rd|th)\b))", re.I)
"""A date with its month in words said and corrected in the same breath ("on October the
thirteenth, I'm sorry, October thirtieth", "May 3rd - wait, May 13th", "July 1st, no, June
21st"): the first one is taken back (a dictation's spoken dates are read since session 17,
time17)."""


_SUM_OF = re.compile(r"(?m)(?:^|[:;,(–—-])[ \t]*(?P<sum>\d+(?:\.\d+)?[ \t]*(?:wks?|weeks?|mos?|"
                     r"months?|days?))(?=[ \t]*=[ \t]*[a-z][^\n=]{0,60}?\d)")
"""'-- 12 wks = exercise/stretching 6, manual therapy 3, education 3': a figure standing
alone before an equals sign is the sum of the parts after it, none of theirs (fresh18:
read 12 weeks of exercise); the parts are read by their own names. After a name ("PT 12
wks = ...") it is that name's, and read."""


_ANSWER_CORRECTED = re.compile(
    r"(?<![\w])(?P<old>y|n|yes|no)(?=[ \t]*[(\[,;–—-]*[ \t]*(?:error|entered in error|typo|"
    r"incorrect|wrong|mis-?keyed|mis-?entered)\b[^\n]{0,20}?\bshould (?:read|be|say)[ \t]+"
    r"(?:y|n|yes|no)\b)")
"""A form's answer its line calls an error ("Active infection: Y  (error - should read N;
see addendum)", outside tester session 15 F21): the first answer is taken back."""


_CALLED_WRONG = re.compile(
    r"(?:^|(?<=[.;!?,][ \t]))[ \t]*"
    r"(?P<what>(?:the|her|his|that|this)[ \t]+[a-z][a-z /-]{0,30}?)"
    r"(?=[ \t]+(?:answer[ \t]+|part[ \t]+|one[ \t]+|item[ \t]+)?(?:is|was)[ \t]+"
    r"(?:wrong|incorrect|not right|an error|a mistake)\b)", re.M)
"""'the pregnancy is wrong': a fact's name in the words that call it wrong states nothing
of it (session 16 F13 read Pregnant with nothing recorded; a recorded answer is set
aside by `corrections.py`)."""


_DAY = (r"(?:\b\d{1,2}/\d{1,2}(?:/(?:19|20)?\d\d)?\b(?!/)"
        # a day with its month in words, either way round ("nov 21", "21st of November")
        rf"|\b{_MONTH_WORD}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \t]+(?:19|20)\d\d\b)?"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH_WORD}(?![a-z])"
        r"(?:[ \t]+(?:19|20)\d\d\b)?)")
_RELATIVE_DAY = (r"(?:\b(?:today|yesterday|tonight|tomorrow|this (?:morning|afternoon|"
                 r"evening)|last night)\b)")
"""A day named by its distance from the writer's ("today", "yesterday")."""
_ANY_DAY = rf"(?:{_DAY}|{_RELATIVE_DAY})"
_DATE_NOT = re.compile(rf"(?<!\d/){_ANY_DAY}[ \t]*(?:,[ \t]*|[ \t]+[(\[–—-]?[ \t]*|[(\[])"
                       r"(?P<old>not[ \t]+(?:the[ \t]+|on[ \t]+)?"
                       rf"{_ANY_DAY})|(?P<first>\bnot[ \t]+(?:the[ \t]+|on[ \t]+)?{_ANY_DAY})"
                       rf"(?=[ \t]*[,;:]?[ \t]+(?:(?:but|it'?s|it is|it was|rather)[ \t]+)?"
                       rf"{_ANY_DAY})")
"""A day said with the one it replaces ("the MRI was actually 8/14 not 11/14", "not
11/14, 8/14", "Oct 3rd (not Oct 30th)", its month in words too): the day taken back is no
date of the thing (its "not 1" was taken for a figure, and "1/14" left: outside tester 20
C2; "nov 12 not nov 21" read the later day, fresh25). A day named by its distance is
taken back the same way: "the H&P was 12/03, not today" stored today, the day the nurse
denied, and undid a denial on a stale H&P (outside tester 29 F7)."""


_SCORE_CORRECTED = re.compile(
    r"(?<![\d.])(?P<old>\d{1,2}[ \t]*/[ \t]*10)(?!\d)(?=[ \t]*[(\[,;:–—-]?[ \t]*(?:"
    r"errat(?:um|a)|should read|should be|should have read|should say|corrected to|"
    r"amended to|changed to|revised to|entered in error|in error|typo|"
    # the patient's own correction ("Pain 7/10 (patient later clarified: 3/10 most
    # days)"; outside tester 29 F5)
    r"(?:(?:the[ \t]+)?(?:patient|pt)[ \t]+)?(?:later[ \t]+)?(?:clarified|clarifies|"
    r"corrected (?:herself|himself|themselves|it)))\b"
    # (an erratum's own day may follow its word: "[erratum 12/01 - should read 7/10]")
    r"(?:[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/]))?"
    r"[^\d\n]{0,30}?(?P<new>\d{1,2}[ \t]*/[ \t]*10)(?!\d))")
"""A score its own line calls wrong and gives again ("Pain 3/10 (erratum: should read
8/10)", "NRS 4/10 - entered in error, 7/10"): the first is taken back with the words up to
the new one, which stands at the label. ("Pain 7/10 - correction: 4/10 per nursing" names
another source, no error: two values, asked.)"""


def _corrected_away(lower: str) -> list[tuple[int, int]]:
    """"8 weeks not 14", "88% -- sorry, I meant 91%": the value the user takes back is
    not read (a correction with another unit corrects something else)."""
    return [m.span("not") for m in _taken_back_in(lower)] + _bridged(lower) + \
        [(m.start("old"), m.start("new")) for m in _DATE_CORRECTED.finditer(lower)] + \
        [(m.start("old"), m.start("new")) for m in _SCORE_CORRECTED.finditer(lower)] + \
        [m.span("old") for m in _ANSWER_CORRECTED.finditer(lower)] + \
        [m.span("what") for m in _CALLED_WRONG.finditer(lower)] + \
        [m.span("old") for m in _WORD_DATE_CORRECTED.finditer(lower)] + \
        [m.span("sum") for m in _SUM_OF.finditer(lower)] + \
        [m.span("old") if m["old"] else m.span("first") for m in _DATE_NOT.finditer(lower)]


def _bridged(lower: str) -> list[tuple[int, int]]:
    """What a same-breath correction blanks in a text: the figure taken back and the words
    up to the new figure, so the new one stands at the old one's label ("PT 16 weeks -
    sorry, 10 weeks" is PT 10 weeks; "T 38.4 C this morning. No wait, that was 37.4" a
    temperature of 37.4, outside tester 17 F6 and M15). Blanking the old figure alone left
    the new one with no label: nothing was read, or the unit-less "37.4" nothing at all
    while "38.4 C" stood."""
    out: list[tuple[int, int]] = []
    for m in _SAID_AGAIN.finditer(lower):
        if m["unit"] and m["unit2"] and m["unit"] != m["unit2"]:
            continue
        # Words between the old figure and the cue may be its subject or a qualifier ("2
        # sets of XR -- actually 3", "88% on RA -- sorry, I meant 91%"): they stay, and
        # only the old figure goes. The bridge is for a cue right after the figure, or
        # one opening the next sentence, whose new figure has no label of its own.
        middle = lower[m.end("unit") if m["unit"] else m.end("old"):m.start("cue")]
        # (a score's "/10" or a date's day is no figure of its own: "Pain 7/10 -
        # correction: 4/10 per nursing" stays two values, asked)
        bridge = not re.search(r"\d[/-]$", lower[max(0, m.start("old") - 2):m.start("old")]) and (
            not re.search(r"[a-z]", middle) or re.search(
            r"[.!?;][\s\"')]*(?:(?:no|oh|um|uh|hmm|ah)\b[\s,]*)*$", middle))
        out.append((m.start("old"), m.start("new") if bridge else
                    (m.end("unit") if m["unit"] else m.end("old"))))
    return out + _corrected_later(lower)


def _said_again(lower: str) -> list[tuple[int, int]]:
    return [(m.start("old"), m.end("unit") if m["unit"] else m.end("old"))
            for m in _SAID_AGAIN.finditer(lower)
            if not (m["unit"] and m["unit2"] and m["unit"] != m["unit2"])] + \
        _corrected_later(lower)


_LATER_CUE = re.compile(
    r"\b(?:actually|sorry(?![ \t]+(?:for|to|about|that|if)\b)|correction|correct that|i meant|"
    r"i mean|my mistake|my bad|oops|no,? wait|wait(?=[ \t]*[,!–—-])|let me correct)\b"
    r"[\s,:;!–—-]*(?:no\b[\s,:;!–—-]*)?"
    r"(?:[^.!?\n\d]{0,50}?\b(?:was|is|were|be|so|meant|make that|more like)[ \t]+)?"
    r"(?:only[ \t]+|about[ \t]+|actually[ \t]+|really[ \t]+)?"
    r"(?P<new>\d+(?:\.\d+)?)[ \t]*(?P<unit>wks?|weeks?|mos?|months?|sets?|days?|%)(?![a-z])")
"""A correction cue, then (in its sentence, said as what it was) a figure with a unit:
"actually it was 14 wks", "sorry, PT was 12 weeks", "actually no - one of those was her
hip, so 2 sets". An apology for something else ("sorry for the delay") is no cue."""

_UNIT_FIGURE = re.compile(r"(?<![\w./])(?P<n>\d+(?:\.\d+)?)[ \t]*"
                          r"(?P<unit>wks?|weeks?|mos?|months?|sets?|days?|%)(?![a-z])")


def _unit_family(unit: str) -> str:
    return unit if unit == "%" else unit[0] + ("o" if unit.startswith("mo") else "")


_LABEL_FIX = re.compile(
    r"(?P<label>\b(?:fev1|fvc|dlco|spo2|sats?|o2 sats?|fio2)\b)"
    r"[ \t]*(?:%[ \t]*(?:pred|predicted)?)?"
    r"[ \t]+(?:was[ \t]+|is[ \t]+|has been[ \t]+)?(?:corrected|amended|revised|changed)"
    r"(?:[ \t]+(?:on[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?)?[ \t]+to[ \t]+"
    r"(?P<new>\d+(?:\.\d+)?)[ \t]*(?P<unit>%)")
"""A measure named again with what it was corrected to ("FEV1 85% predicted. Addendum:
FEV1 corrected to 65% predicted"): the correction's verb is blanked, so the new figure
stands at its label, and the one earlier figure of its unit is taken back below (outside
tester 25 F5: the first value was read and the correction not at all)."""


def _corrected_later(lower: str) -> list[tuple[int, int]]:
    """"12 wks, 3x a week ... actually it was 14 wks": a figure corrected later in the
    message by one of its unit is taken back (f9-71250, f10-97110 session 14), where it
    is the only figure of that unit before the correction; with several, which one the
    correction is about is not said, and nothing is taken back."""
    out: list[tuple[int, int]] = []
    for fix in _LABEL_FIX.finditer(lower):
        out.append((fix.end("label"), fix.start("new")))
        # (only the label's own earlier figure: "SpO2 95% RA. FEV1 corrected to 65%"
        # takes nothing back from the saturation)
        said = [m.span("n") for m in re.finditer(
            re.escape(fix["label"]) + r"[ \t:=]*(?P<n>\d+(?:\.\d+)?[ \t]*%)", lower[:fix.start()])]
        if len(said) == 1:
            out.append(said[0])
    for cue in _LATER_CUE.finditer(lower):
        family = _unit_family(cue["unit"])
        before = [m for m in _UNIT_FIGURE.finditer(lower, 0, cue.start())
                  if _unit_family(m["unit"]) == family]
        if len(before) == 1 and before[0]["n"] != cue["new"]:
            out.append(before[0].span())
    return out

"""Candidate readings: a fact's phrases found in the text, a value bound to each, and
the mention's context applied. One function per kind of fact.

A candidate is not yet a reading: :mod:`agent.reading` picks among them (nearest
value first, one number for one fact, the latest of several dates) and validates the
value against the fact's range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from agent.reading.context import (
    COMES_LATER,
    NOT_HERE_YET,
    Context,
    adjacent_negation,
    alternation,
    form_part,
    outcome_denied,
)
from agent.reading.context import rules as context_rules
from agent.reading.courses import EACH_WORDS, past_aside, some_of_them
from agent.reading.model import Unread
from agent.reading.onsets import INJURY_NOUNS, month_onset_length
from agent.reading.rates import rate_changed
from agent.reading.reports import study_history_day
from agent.reading.rules import ReadingRule, fact_specs, reading_rules
from agent.reading.severity import DENIED_SEVERITY, severity_owned
from agent.reading.statuses import by_status, past_statuses, still_open, without
from agent.reading.subjects import someone_elses
from agent.reading.text import ABBREVIATED, QUESTION_LEAD, Clause, hits, prefixed, sentence_stop
from agent.reading.values import (
    BIRTH_DATE,
    FOREIGN_TOTAL,
    MONTHS,
    WORD_NUMBERS,
    compatible,
    date_ranges,
    dates_in,
    first_date,
    last_on_or_before,
    mask_dates,
    number_of,
    quantities,
    relative_date,
    vague_date,
)
from policies.cachedir import fixed_patterns
from policies.model import FactSpec

_POST_NORMAL = re.compile(r"^\s*(?::|-|=|is|was|are|were)?\s*(?:[\d.,]+\s*[a-z/%]*\s*)?\(?"
                          r"(normal|wnl|within normal limits|unremarkable|nl|nml|nrml|negative|neg|"
                          r"not elevated|not raised)\b")
_PRE_NORMAL = re.compile(r"\b(normal|unremarkable|non-elevated)\s*$")
_MILD = re.compile(r"\b(not severe|no severe|nothing severe|mild|(?<!poorly )(?<!un)controlled|"
                   r"well[- ]controlled|under (?:good )?control|well[- ]managed|non-?severe|"
                   r"not (?:considered |called |deemed )?severe|not serious|"
                   # (the same in the languages staff paste from: "diabetes tipo 2 'bien
                   # controlada' - no severa", "Hypertonie, gut eingestellt"; "mal
                   # controlada" is not among them)
                   r"no sever[ao]|pas sévère|nicht schwer|non grave|(?<!mal )controlad[ao]|"
                   r"(?<!mal )contrôlée?|gut eingestellt|iyi kontrollü|goed gereguleerd)\b")
"""Words that make a comorbidity not severe ("poorly controlled" is not among them)."""
_PARENT_WEEKS = re.compile(r"\d+(?:\.\d+)?\s*(?:wks?|weeks?)\b[\s,:-]*(?:total)?[\s,:-]*$")
"""A breakdown in parentheses right after a figure in weeks is in weeks too."""
_OWN_ASIDE = re.compile(r"[ \t]*\([^()\n]{0,80}\)")
_OPENS_ASIDE = re.compile(r"\([ \t]*$")
_ASIDE_REST = re.compile(r"[^()\n]{0,80}\)")
"""Brackets right after a condition, or the rest of brackets it opens: its own remark."""
_PARTLY = re.compile(r"\b(?:a little|a bit|a little bit|somewhat|partial|partially|partly|"
                     r"slight|slightly|mild relief|some relief|minimal|minimally|maybe)\b")
"""A treatment that helps only in part: neither helped nor failed, asked."""
_OTHER_CLAUSE = re.compile(r"[,;:/()\n]|\bof\s*$")


def _said_of_it(lower: str, end: int, a: int) -> bool:
    """The word at ``a`` follows the phrase ending at ``end`` in its own clause: no
    punctuation between, nor a share's "of" ("gait is normal", not "gait antalgic, neuro
    intact")."""
    return a >= end and not _OTHER_CLAUSE.search(lower, end, a)


_MEASURE_BEFORE = re.compile(r"\b(?:fev1|fvc|pef|peak flow|spo2|sats?|saturation|o2 sat)\b"
                             r"[^.;,\n]*$")
_TURN = re.compile(r"\b(?:but|however|though|although|now|anymore|lately|recently|since)\b")
"""Words that turn from how a treatment went before to how it goes now."""
_EVENT_SEVERITY = re.compile(
    r"\b(?:severe|acute|serious)(?:\s+(?!with\b|and\b|on\b|or\b)[a-z0-9-]+){0,2}?\s+"
    r"(?:exacerbations?|flares?|flare-ups?|attacks?|episodes?|crisis|crises)\b")
"""A severity said of one episode ("readmitted with a severe COPD exacerbation", "severe
asthma attack") is the episode's, not the chronic disease's (fresh19, fresh20)."""
_NOT_SEVERE = re.compile(r"\b(not severe|no severe|nothing severe|none severe|no sever[ao]|"
                         r"pas sévère|nicht schwer)\b")


_CLAUSE_YEAR = re.compile(r"(?<![\d.])(?<!since )(?<!since [a-z]{3} )(?:\d{1,2}[/-]){0,2}"
                          r"(?P<y>(?:19|20)\d\d)(?![\d])")
"""A year, alone or closing a date ("2024", "03/2024"), not one a thing goes on since."""


@cache
def _denied_after(words: tuple[str, ...]) -> re.Pattern[str]:
    """A rule's ``denied_after`` words right after its phrase, past a form of "be" or a
    dash ("contouring - not requested", "contouring was discussed and declined")."""
    return re.compile(r"[ \t]*(?:[-:][ \t]*)?(?:(?:is|was|are|were|has been|have been|"
                      r"had been|being)[ \t]+)?(?:" + "|".join(map(re.escape, words)) +
                      r")(?![\w-])")


@cache
def _factor_pattern(factor: tuple[str, ...], cued: tuple[str, ...]) -> re.Pattern[str]:
    """A ``cue_factor`` word and a cued phrase after a sign (``Reader._factor_sign``)."""
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, factor))})\s+(?:[^\W\d_]+\s+)?"
                      rf"(?:{'|'.join(map(re.escape, cued))})(?![^\W\d_])")


_WORD_BEFORE = re.compile(r"(?<!\S)(\S+)[ \t]+\Z")
"""The word right before a phrase, on its line (``Reader._site_denied``)."""
_NOT_CALLED_SEVERE = DENIED_SEVERITY
_PART_END = re.compile(r"[.;](?!\d)|\n")
_ALL_MILD = re.compile(r"\b(?:both|all|each|all of them|all three|all are|both are|none|"
                       r"none of them|none of which are|none are|neither|neither is|neither one)"
                       r"[ \t]+(?:(?:is|are|was|were)[ \t]+)?(?:mild|controlled|well[- ]controlled|"
                       r"stable|non-?severe|severe|serious|under control)\b")
"""A mildness said of all the conditions named before it ("both mild", "all well
controlled", "none severe", "neither serious")."""
_CONDITION_MEASURE = re.compile(r"\b(?:hba1c|hgba1c|a1c|egfr|gfr|lvef|ef|inr|bnp|nyha|insulin|"
                                r"metformin|dialysis|home o2|home oxygen)\b")
"""A measure or a treatment that stands for a chronic condition not named ("HbA1c 11.8 on
insulin")."""
_DEGREE_ONLY = re.compile(r"[ \t-]*(?:moderate|stable|mild|fair|ok|okay)[ \t]*")
"""A severity denied: no word that says a condition is severe."""
_UNKNOWN_AFTER = re.compile(r"\s*(?:status\s*)?(?::|--?|=|is|was)?\s*(?:unknown|not known|unsure|"
                            r"not sure|unclear|uncertain|\?\?|n/k|(?:i )?(?:don'?t|do not) know)\b")
_NO_ANSWER = re.compile(
    r"(?:\s*status|(?:[ \t]+[a-z]+){1,2}?(?=\s*[:=]))?"
    r"(?:\s*\??\s*[:=]\s*(?:$|\?+\s*$|(?:not (?:asked|assessed|checked|tested|obtained|"
    r"addressed|documented|recorded)|unable to (?:assess|determine|obtain)|"
    r"to be determined|tbd|deferred|see (?:notes?|below|above|attached))\b"
    # a yes or no a scan garbled, letters and digits mixed ("Cosmetic: N0", "Infection:
    # Y3S"; outside tester session 9 F26): which it was is asked
    r"|(?=[a-z]*\d)(?=\d*[a-z])[nyeosl\d]{2,4}(?![\w/]))"
    r"|\s+(?:is |was )?not (?:documented|recorded|assessed|asked|addressed)\b"
    r"|\s+test(?:ing)?\s*[:=-]?\s*(?:not (?:done|performed|drawn|obtained|sent)|pending|"
    r"declined|ordered|refused)\b)")
"""A form field left without an answer: "Pregnancy:", "Pregnancy: not asked", "Active
infection: unable to assess", "pregnancy status not documented", "Pregnancy test: not
done" (a test not done says nothing either way), a scan's garbled "N0". The label's own word
("Pregnancy") is no answer, and "not documented" denies the record, not the fact."""
_UNDOCUMENTED = re.compile(r"\b(?:not|never)\s+(?:been\s+)?(?:documented|recorded|charted)\b|"
                           r"\bno\s+documented\b|\bundocumented\b|\bno\s+documentation\b")
"""A denial of the record, not of the care ("Conservative care not documented", "PT: not
documented", "no documented physical therapy"; a payer's remark, phrase33a): nothing says
no care was done, so a care fact is asked, never read as none or not failed."""
_UNDOCUMENTED_AFTER = re.compile(r"\s*[-–—:,(]?\s*(?:(?:is|are|was|were|has|have)\s+)?(?:been\s+)?"
                                 r"(?:not|never)\s+(?:been\s+)?(?:documented|recorded|charted)\b")
_NOT_APPLICABLE = re.compile(r"(?:\s*status)?\s*(?:[:=|]|[-–—])?\s*(?:n/a|na|n\.a\.|not applicable)"
                             r"(?![\w/])")
"""A field answered "n/a" ("Active infection: n/a"): for a finding it says nothing either
way (the form's filler may not have asked); for a record it is read as not available."""
# (a legend of the answers the form takes, "(Y/N)", "(Y/N/NA)", "(Y/N/U)", is no answer;
# boxes right after the label are its answer too: "Pregnant [ ] Y [x] N")
_FIELD = re.compile(r"(?:(?:[ \t]+|/)[a-z/&]+){0,2}?(?:\s*\((?:[a-z]{1,3}(?:/[a-z]{1,3})+|yes/no|"
                    r"y or n)\))?"
                    r"\s*(?:[:=|]|\s[-–—]\s|\?[ \t]*:|\?|(?=(?:\[[\sx✓✔]?\]|☐|☑|☒)))[ \t]*"
                    r"(?P<value>[^\n]*)")
_TICK = r"(?:\[\s?\]|\[[x✓✔]\]|☐|☑|☒)"
_BOX_OPTION = r"(?:yes|no|y|n|n/a|na|unknown|unk|u)(?![\w/])"
# (the label may hold the form's own note in brackets, before or among its words: "Active
# infection (incl. UTI): [ ] Yes [X] No", "Active infection (e.g. cellulitis) requiring
# immediate care: ..."; outside tester 31 F2 read the label alone, a ticked No as yes);
# a mention inside that note is the label's too ("Infection (e.g. UTI, cellulitis): ...")
_BOX_ROW = re.compile(rf"(?:[^()\[\]\n:;]{{0,60}}\))?"
                      rf"(?:,?[ \t]+[^\s\[\]:;.,()]+|[ \t]*\([^()\[\]\n]{{1,60}}\)){{0,5}}?"
                      rf"[ \t]*(?:[:=?]|\s[-–—]\s)?[ \t]*"
                      rf"(?P<row>{_TICK}[ \t]*{_BOX_OPTION}"
                      rf"(?:[ \t]*[,/]?[ \t]*{_TICK}[ \t]*{_BOX_OPTION})+"
                      rf"|{_TICK}[ \t]*{_BOX_OPTION}(?=[ \t]*(?:$|[-–—(.,;]|[ \t]{{2}}))"
                      rf"|(?P<after>{_BOX_OPTION}[ \t]*{_TICK}"
                      rf"(?:[ \t]*[,/]?[ \t]*{_BOX_OPTION}[ \t]*{_TICK})+))", re.M)
"""A form's label answered by a row of boxes ("Active infection [ ] Y [x] N", "Fever >38 C:
[ ] Yes [x] No"): the ticked box is the answer, whatever the label's own words say. A
question may print one box ("Pregnant or could be? [x] No - menopause 2012"): that box is
the row (unticked, no answer), where nothing but a remark follows it ("[x] No improvement"
is no answer). Each box may follow its option instead ("Yes [ ] No [x]", a fax's "Yes ___
No _X_"), as long as the row is all so: a label of more than a word or two before such a
row ("Infection, current or recent, any site:  Yes ___ No _X_", "Urinary tract infection
(current, on antibiotics): ...") was no field, and its word alone read as a yes (outside
tester 33 F4)."""
_SELF_DENYING_LABEL = re.compile(r"[ \t>*•-]*(?:[a-z]?\d{1,2}[.)][ \t]*)?(?:not|no|never|non-?|"
                                 r"(?:has|have|did|does|is|was)[ \t]*(?:not|n't))[ \t]+")
"""A form row's label that opens with its denial, a number before it ("5. Not ")."""
_TICKED_OPTION = re.compile(rf"(?P<box>{_TICK})[ \t]*(?P<option>{_BOX_OPTION})")
_OPTION_TICKED = re.compile(rf"(?P<option>{_BOX_OPTION})[ \t]*(?P<box>{_TICK})")
_LONE_BOX = re.compile(rf"(?:\[\s?\]|☐)(?![ \t]*{_BOX_OPTION})")
"""A field answered by one unticked box ("Pregnant/postpartum: [ ] - pt is 71")."""
_SMART_FIELD = re.compile(r"\[(?!\s?\]|[x✓✔]\])([^\[\]\n]{1,60})\]")
"""A templated field's answer in brackets ("Cosmetic: [N]", "COPD: [no]"): the words inside."""
_OR_ASKED = re.compile(r"\bor\b(?![ \t]+(?:not|no)\b)")
"""A question's "or" between two things ("pregnant, or have you given birth"), not "or
not"."""
_OR_ANSWER = re.compile(rf"[ \t:]*(?:(?P<row>(?:{_TICK}[ \t]*{_BOX_OPTION}[ \t,/]*){{1,4}})|"
                        r"(?P<word>yes|no|y|n)\b|"
                        rf"(?P<lone>\[\s?\]|☐)(?![ \t]*{_BOX_OPTION}))")
"""The answer right after a question's mark or a label's colon: a row of boxes, a bare
yes/no, or one box left unticked ("pregnant or postpartum: ☐": neither)."""
_BRACKETED_WORDS = re.compile(r"\([^()\n]*\)")
_AFFIRMED = re.compile(r"(?:yes|y|positive|pos|\+|\[x\]|x|confirmed|present|true|current|"
                       r"currently|iup|\d+(?:\.\d+)?\s*(?:weeks?|wks?|w)\b)(?![\w/])")
"""A field's answer that affirms its label ("Pregnant: Y", "Pregnancy: IUP 8 wks")."""
_REMARK = re.compile(r"\(|\s[-–—]+\s|[,;]|\.\s")
_ANSWER_YEAR = re.compile(r"[ \t]*(?:[-–—,:(]+[ \t]*)?(?:(?:in|since|back in)[ \t]+)?"
                          r"(?:(?:0?[1-9]|1[0-2])[/.-])?(?P<y>(?:19|20)\d{2})(?![\d/.-]\d)")
"""A year right after a field's yes ("Pregnant? Yes - 2019", "Infection: yes (03/2021)"):
when the yes was so."""
_NOW_DENIED = re.compile(r"\b(?:now|currently|current|today|at present|presently)\b[ \t]*"
                         r"[:=-]?[ \t]*(?:no|not|n|none|negative|neg)\b|"
                         r"\bnot[ \t]+(?:now|currently|at present|any more|anymore)\b")
"""A remark that denies the answer for now ("Yes - 2019. Now: no.", "yes, not now")."""


def _answered_for_then(rest: str, as_of: date) -> bool:
    """A field's yes dated to an earlier year, or taken back for now, in the remark after
    it ("Pregnant? Yes - 2019. Now: no.", outside tester 30 F8 read a pregnancy): the yes
    is of then, and a fact of now is asked."""
    dated = _ANSWER_YEAR.match(rest)
    return bool(dated and int(dated["y"]) < as_of.year or _NOW_DENIED.search(rest))

"""Where a form's answer ends and a remark on it begins: "N (wife's pneumonia)", "N -
procalcitonin 0.08, CXR clear"."""
_LEGEND = re.compile(r"^(?:y\s*/\s*n|yes\s*/\s*no|y or n)\s*(?:\((?:circle|check|tick|select|mark)"
                     r"[^()\n]{0,20}\))?\s*[:=-]?\s*(?=\S)")
"""The answers a form offers, written before the one given ("Cosmetic: Y / N (circle one):
N"): no answer themselves."""
_OPTION = re.compile(r"(?P<box>\[[\sx✓✔]?\]|☐|☑|☒|✓|✔|_+x_+|_{2,})|\b(?P<word>yes|no|y|n)\b")
"""A box or an option's word; a mark or a line to write on after the word is its box too
("Yes ____  No __X__", "Yes   No ✔": outside tester 31 F2 read the label as yes)."""
_ONE_WORD_ANSWER = re.compile(r"[ \t]*(?P<word>yes|no|y|n|none|negative|neg|positive|pos|n/a|"
                              r"na|nil)(?![\w/])")
_NEXT_LABEL = re.compile(r"[ \t]+(?:\[[ xX✓✔]?\][ \t]*)?[A-Z][A-Za-z/&'-]*"
                         r"(?:[ \t]+[A-Za-z/&'-]+){0,3}[ \t]*:(?!\d)")
"""A form's next label in the user's words: a capital, at most four words, its colon (not a
clock's "10:30")."""


_ON_MONTH_DAY = re.compile(r"\b(?:(?:on|dated|from|since|at)[ \t]+(?:(?:the[ \t]+)?"
                           r"(?:admission|admit|arrival|presentation|triage|intake|transfer|"
                           r"discharge|day)[ \t]+"
                           # ("T 38.4 C at the 11/05 PFT visit", "Last fever 11/05 (38.4 C)":
                           # a month-old fever read over today's 36.8; outside tester 34 F3)
                           r"(?:on[ \t]+)?|the[ \t]+)?|"
                           r"\b(?:fever|febrile|temp|temperature|spike)[ \t]+(?:on[ \t]+)?|"
                           # (a log's first row: "Temps: 11/05 38.4 C; 11/20 37.9 C; 12/02 36.8
                           # C", outside tester 35 F9)
                           r"\b(?:temps?|temperatures?|t)[ \t]*(?:log|chart|record|trend)?[ \t]*"
                           r":[ \t]*)"
                           r"(?P<m>1[0-2]|0?[1-9])/"
                           r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])")
"""A month and day with no year after "on" ("102.3 F on 11/21"): a day of the last year."""


def _month_end(year: int, month: int) -> date:
    """The last day of a month (what is known of "06/2025" at the latest)."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


_OPTION_CELL = re.compile(r"(?:yes|no|y|n)?[ \t]*(?:\[[\sx✓✔]?\]|☐|☑|☒|✓|✔)?[ \t]*"
                          r"(?:yes|no|y|n)?")


def _first_cell(value: str) -> str:
    """A field's answer up to a wide gap (the next field), but a row of yes/no options set
    wide apart is one answer ("Pregnant:  Yes   No ✔": cut at its gap, the bare "yes" was
    read as the answer; outside tester 31 F2)."""
    cells = re.split(r" {3,}|\t", value)
    row = cells[0]
    for cell in cells[1:4]:
        if not cell or not _OPTION_CELL.fullmatch(cell):
            break
        row = f"{row} {cell}"
        if box_answer(row) in (True, False):
            return row
    return cells[0]


_DAY_NOW = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening|week|visit|"
                      r"encounter|appointment))\b")
"""A day word of the writer's now, or the visit's ("today", "at this visit")."""


@cache
def _negated_day_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = context_rules().negated_days
    negations = "|".join(re.escape(w) for w in sorted(words.get("negations", []), key=len,
                                                       reverse=True))
    turns = "|".join(re.escape(w) for w in sorted(words.get("turns", []), key=len,
                                                  reverse=True))
    # (the denial within its bracket or clause, a few words before the day)
    return (re.compile(rf"(?:\b(?:{negations})\b|n['’]t\b)[^,;:.()\[\]\n|\d]{{0,30}}$"),
            re.compile(rf"\b(?:{turns})\b"))


def _negated_day(lower: str, after: int, span: tuple[int, int]) -> bool:
    """The day word at ``span``, after a record's name ending at ``after``, is denied right
    before it ("XR 05/04/2025 (not repeated today)", "H&P: none today"): the record was not
    done that day (outside tester 34 F16: old studies took the note's day). A denial before
    the record's name is the record's own ("No acute fracture on XR today"), and a turn word
    between gives the day back ("not done until today", "not at the last visit but done
    today"); so does another day between (the denial is that day's)."""
    x, y = span
    if x < after or not _DAY_NOW.search(lower, x, y):  # ("at this visit" too)
        return False
    denied, turned = _negated_day_patterns()
    found = denied.search(lower, max(after, x - 40), x)
    return found is not None and not turned.search(lower, found.start(), x)


def _not_redone(between: str, words: tuple[str, ...]) -> bool:
    """Words between a record's name and its day say it was not done again that day ("H&P
    not repeated today"), not that it was not since ("not updated since 10/12/2026")."""
    return bool(hits(between, words)) and not re.search(r"\bsince\b", between)


def _row_answers(match: re.Match[str] | None) -> bool:
    """The field's value is a row of yes/no options with one of them ticked: the row answers
    the label whatever heads the line before it ("pre-procedure checklist 12/05: Active
    infection:  Yes ____  No __X__"; outside tester 32 F3 read the words before as a
    sentence, the label alone as yes)."""
    return match is not None and box_answer(_first_cell(match["value"].strip())) in (True, False)


def box_answer(value: str) -> bool | str | None:
    """A field answered by ticking one of its boxes ("[ ] Yes [X] No", "Yes [ ] No [X]"):
    True or False for the one ticked, "ask" when none or both are, None when the answer
    has no boxes. Which side a box stands on is the side the first one does."""
    tokens = list(_OPTION.finditer(re.split(r"[.;](?:\s|$)", value)[0]))
    if not any(t["box"] for t in tokens) or not any(t["word"] for t in tokens):
        return None
    before = tokens[0]["box"] is not None
    ticked = set()
    for i, t in enumerate(tokens):
        near = tokens[i - 1] if before else (tokens[i + 1] if i + 1 < len(tokens) else None)
        if t["word"] and near is not None and near["box"] and \
                (near["box"] in ("☑", "☒", "✓", "✔") or near["box"].strip("[] _☐")) and \
                (not before or i > 0):
            ticked.add(t["word"].startswith("y"))
    return ticked.pop() if len(ticked) == 1 else "ask"


_ANSWER_DENIES = re.compile(r"\s*(?:not|no|nope|nah|none|negative|neg|denies|denied|absent|nil)\b")
"""A field's answer that opens with a denial ("Active infection: not at this time")."""
_DENIAL_ONLY = re.compile(r"(?:\s|[.,;]|\b(?:at this time|at present|currently|now|known|"
                          r"present|reported|noted|found|seen|identified|today|apparent|"
                          r"evident|suspected|that we know of|per pt|per patient)\b|per §§)*")
"""What may follow a field's denial and leave it a plain "no" ("not at this time")."""
_TEST_RESULT = re.compile(r"[ \t]*(?:test[ \t]+)?(?:was[ \t]+|is[ \t]+|:[ \t]*)?"
                          r"(?:negative|neg\b|positive|pos\b|\(-\)|\(\+\)|-ve\b|\+ve\b)")
"""A test's result right after its name ("hCG negative", "UPT: neg"): the test was done."""


_TODAY = re.compile(r"\b(?:today|this morning|hoy|heute|aujourd'hui|oggi|hoje|vandaag|dzisiaj|"
                    r"idag|i dag|ngayong araw|bugün|сегодня)\b")
"""A day word that makes a test's date today's ("Prueba de embarazo ... negativa hoy 12/02")."""
_DOUBLE_NO = re.compile(r"\b(?:not|isn'?t)[ \t]+$")
"""A negation right before a choice that is itself a denial ("not NOT pregnant"); not an
answer's "no" before it ("no - not pregnant" answers and denies once)."""
_DECLINED = re.compile(r"\b(?:declined|refused|deferred)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?$")
"""A test the patient declined ("Declined the urine test") confirms nothing."""
_MAIN = re.compile(r"\b(?:mostly|mainly|mostly in the|mainly in the|primarily|predominantly|"
                   r"chiefly|worst in the|worse in the|mainly the|mostly the)\s+(?:the\s+)?$")
"""Words that make one of two values named together the main one ("mostly low back")."""
_RADIATING = re.compile(r"\b(?:radiat\w*|spread\w*|shoot\w*|going)\s+(?:up\s+|down\s+)?"
                        r"(?:to|toward|towards|into|down|up)?\s*(?:the\s+|both\s+|her\s+|his\s+)?"
                        r"(?:\w+\s+)?$")
_ONSET_NAMED = re.compile(r"\s+(?:of\s+)?(?P<what>[a-z0-9' /-]{3,60}?)\s+(?:on\s+|in\s+)?")
"""Between an onset word and its day: the symptom it names ("of low back pain with right
leg radiation ", "right L5 radicular pain on ")."""
_ONSET_ASKED = re.compile(r"\s+of\s+(?P<what>[a-z0-9' /-]{3,40}?)\s*(?:\([^()\n]{0,60}\)\s*)?"
                          r"[:?][ \t]*(?:(?:a|answer)[ \t]*:[ \t]*)?(?=\d)")
"""An onset asked as a form's question or a label, its answer right after ("Onset of
symptoms (policy: at least 6 weeks)? 02/03/2026")."""
_ROW_DATE = re.compile(r"[ \t]*(?P<d>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))[ \t]+")
"""A chronology's row: its date, then what happened ("11/20/2025  Onset of ...")."""
_ANSWER_ARROW = re.compile(r"\?[ \t]*(?:->|→)")
"""A call log's question mark and the arrow to its answer ("Karen: PT? -> 20 wks")."""
_DEPARTMENT_AFTER = re.compile(
    r"[ \t]+(?:(?!patients?\b|pt\b|wom[ae]n\b)[a-z]{3,}[ \t]+)?"
    r"(?:unit|clinic|center|centre|department|dept|service|services|ward|intake|"
    r"med rec|team|program|programme|office|suite|floor|staff|employee|employees|"
    r"employee health|nurse|nurses|rn|tech|techs|technician|social work|desk|lab|"
    r"practice|surgery center|surgery centre|spa)\b[^:\n]{0,50}:")
"""A place's or a service's noun after a condition's word, in a heading its colon ends
(``Reader._names_a_department``)."""
_OPTIONS_PRINTED = re.compile(
    r"[ \t]*[(\[]?[ \t]*(?:y|yes)[ \t]*/[ \t]*(?:n|no)(?![\w/])[ \t]*+[)\]]?+"
    r"(?![ \t]*[:=][ \t]*[a-z0-9])(?![ \t]*[-\u2013]?[ \t]*(?:y|yes|n|no)\b)")
"""A yes/no label's options printed after it with no answer after a colon ("Pregnant Y/N",
"Infection (yes/no) - left blank", a CSV's or a screen's column): the label only, asked
(phrase32b's CSV screen, fresh40's form label read as an answer)."""
_QUERIED = re.compile(r"[ \t]*\?(?![ \t]*(?:[:=]|->|→))")
"""A question mark right after a yes/no or a choice ("pregnant?"), not a form label's
("Pregnant?:") nor a call log's question answered after an arrow ("logs? -> faxed")."""
_ALL_OF_THEM = re.compile(r"\b(?:both|all|all three|each|the two|both of them|all of them)"
                          r"(?:[ \t]+(?:markers|labs|values|results|were|are))?[ \t]*$")
"""Words that say a raising word after several labs raises each of them ("both raised")."""
_LABEL_END = re.compile(r"(?:[ \t]*/[ \t]*[a-z][a-z-]{2,15}(?:[ \t]+[a-z][a-z-]{1,15})?)?"
                        r"[ \t]*(?:\([^()\n]{0,12}\))?[ \t]*[:=|]")
"""What ends a form field's label ("Pregnancy:", "Pregnant (Y/N):"), one of two things a
slash joins too ("pregnancy/lactation: N/A (male)": fresh26 asked which pregnancy)."""
_TOPIC_LABEL = re.compile(r"(?:(?:[ \t]+|,[ \t]*)[a-z/&]+){0,4}?[ \t]*\)?[ \t]*"
                          r"(?P<legend>\((?:[a-z]{1,3}(?:/[a-z]{1,3})+|yes/no|y or n)\))?"
                          r"[ \t]*\??[ \t]*[:=|]")
"""The rest of a field's label on its line ("Infection:", "Cosmetic purpose:",
"Bronchodilator failure (Y/N/U):"), a question's ("Infection?:"), the rest of a list of
topics ("Infections, bleeding, anything?", "safety (infection, anticoagulation):"); a dash
after a finding is a problem list's ("Postpartum - vaginal delivery 11/02/2026"), not a
field's."""
_LIST_OPENS = re.compile(r"(?:[^\n]*:|[^\n:(]*\(|[^\n:(]*[ \t][-–—][ \t])?[ \t>*•-]*"
                         r"(?:(?:any|current|recent|active)[ \t]+)?")
"""What may stand before a list of labels on its line: a heading's or a speaker's colon
("[0:08:40] Priya Nair: Infections, bleeding, anything:"), a heading's bracket or dash
("Pre-procedure safety (infection, anticoagulation): ...", "Screening - infections, ...:"),
a form's question word."""
_LABEL_LIST = re.compile(r"(?:[ \t]*(?:,|/|&|\band\b|\bor\b)[ \t]*(?:or[ \t]+|and[ \t]+)?"
                         r"[a-z][a-z'-]*(?:[ \t]+[a-z][a-z'-]*){0,2}){1,5}[ \t]*\)?[ \t]*\??:[ \t]*"
                         r"(?P<value>[^\n]*)")
"""The rest of a list of labels after its first, closed by a colon, and the answer after
it ("..., bleeding risk: none of these")."""
_ASKED_LABEL = re.compile(r"[ \t>*•-]*(?:(?:\[[^\]\n]{1,40}\][ \t]*)?[a-z][\w .'/&-]{0,30}?"
                          r"(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*:[ \t]*)?"
                          r"(?:is|are|was|were|does|do|did|has|have|had|any)\b")
"""A yes/no question's opening word, at its line's start or after a transcript's speaker
("Bot: Is the request for any cosmetic purpose? ... no, pain only"); "Any ...?" asks too."""
_VALUE_IN_ERROR = re.compile(r"[(\[,;–—-][^)\]\n]{0,20}?\b(?:error|in error|erroneous|"
                             r"should (?:read|be|say|have been)|incorrect|wrong|typo)\b")
"""A field's answer that a remark after it calls an error (outside tester session 15 F21:
"Active infection: Y  (error - should read N; see addendum)" read an infection): which
answer holds is asked."""
_FIELD_NO = re.compile(r"(?:n|no|neg|negative|none|denies|denied|nil|[✗✘❌✖✕⨯ø⊘∅])\.?")
"""A field's whole answer that denies its label ("Active infection: N"; a cross, "Cosmetic:
✗", is the form's "no": outside tester 21 F1)."""
_NOT_MET = re.compile(r"(?:(?:not|un)[ \t]*met|not satisfied|unmet|not fulfilled|insufficient|"
                      r"not present|absent|missing|not found)(?=[ \t]*(?:$|[:(,;.|]|[-–—]))")
"""An auditor's verdict on a record's row: it is not on file (phrase29b: "Req 3 | Treatment
logs | NOT MET - HEP handout only" read the logs on file). "Treatment logs: MET" is read."""
_DOUBTFUL = re.compile(r"(?:unsure|unclear|uncertain|unknown|possible|possibly|maybe|probably|"
                       r"likely|questionable|suspected|\?|r/o|rule out|not that (?:i|we) know|"
                       r"not sure|don'?t know|do not know|n/k|tbd|pending)(?![\w/])")
# ("No PFT results in the record": the record lacks them; outside tester session 11 F19)
_NOT_ON_FILE = re.compile(r"\s*(?:(?:results?|reports?)\s+)?(?:are|is|were|was)?\s*(?:not\s+)?"
                          r"(?:on file|in (?:the )?chart|"
                          r"available|attached|received|documented|in (?:the )?record|enclosed|"
                          r"in (?:the )?packet|included|provided|submitted|sent)")
_CUE_MISSING = re.compile(rf"{NOT_HERE_YET.pattern}|\s*[,:(–—-]?\s*(?:(?:is|are|was|were)\s+)?"
                          r"(?:still\s+)?(?:missing|absent|outstanding)\b")
"""Words right after a record's cue that say it is not here ("report is missing", "letter
not yet received")."""
_COPY_OF = re.compile(r"\b(?:cop(?:y|ies)|reports?|results?|films?|images?|paperwork)\s+"
                      r"(?:of|for|from)\s+(?:(?:the|any|an?|her|his|their|that|outside)\s+)*$")
"""A denial of a study's copy or report ("we have no copy of any PFTs"): the document is
not here; whether the study was done, and when, is asked."""
_BOX_BEFORE = re.compile(r"(?:\[\s?\]|☐)\s*$")
"""An unticked box right before a study's name, anywhere on its line ("Objective evidence
attached: [x] X-rays [ ] MRI"): not sent, or never done? A box is no date."""
_OWN_DENIAL = re.compile(r"\b(?:can'?t|cannot|can not)\b")
_OWN_LENGTH = re.compile(r"[ \t]*(?:x|for|at|~|approx\.?)?[ \t]*\d{1,2}(?:\+\d)?[ \t]*"
                         r"(?:wks?|weeks?|/40|mos?|months?)\b")
"""How long a state has lasted, right after its word ("pregnant 14 wks", "postpartum x 6
weeks", "pregnant 30+2/40")."""
_DENIAL_RIGHT_BEFORE = re.compile(r"\b(?:no|not|non|never|denies|denied|negative for|neg for)"
                                  r"[ \t]+(?:currently[ \t]+|recently[ \t]+)?$")
# between a denial and the bracket that gives its reason: at most the denied word itself
_REASON_AFTER_DENIAL = re.compile(r"[^()\[\],.;:\n]{0,25}[(\[]\s*")
_DIFFICULTY_DENIED = re.compile(r"without (?:any )?(?:difficulty|limitations?|restrictions?|"
                                r"problems?|issues?)|unrestricted")
# An inability or a state not reached yet before a normal state's phrase denies it ("Still
# unable to do full duty", "not yet back to full duty", "can't return to full duty"); the
# words "unable", "can't" and "yet" are no denials of a finding's own (context.yaml).
_NOT_REACHED = re.compile(r"\b(?:unable to|not able to|can'?t|cannot|can not|could ?n[o']t|"
                          r"yet to|not yet|not back|never got back)\b[^.;,()\n]{0,30}$")
_ONSET_FILLER = re.compile(r"\b(?:she|he|they|it|this|that|which|who|all|patient|pt's|"
                           r"patient's|her|his|their|the|a|an|and|reports?|states?|says?|"
                           r"notes?|having|to have|have|has|had|was|were|is|are|been|first|"
                           r"initially|originally|about|approximately|approx|around|roughly|"
                           r"some|symptoms?|sx|problems?|issues?|trouble|episode|current|"
                           r"this episode|then|only|just|pain|painful|ache|aches|aching|"
                           r"hurting|discomfort)\b|[~,;:()\-–—.]")
"""Words around an onset word that name no other thing: "she reports it started ..."."""
_STATISTIC = re.compile(r"\b(?P<word>min|minimum|max|maximum|avg|average|mean|median|lowest|"
                        r"highest|nadir|peak)\b\.?[ \t]*[:=]?[ \t]*$")
"""A figure a trend or a dashboard sums up over a stretch of time ("SpO2 min 89 | avg 92 |
last 90", "nadir 84% overnight"): no reading of now, unless the fact asks for the highest
and the word says so (`highest`: "Temp max 38.4")."""


_EACH_COURSE = re.compile(r"\b(?:each|every|per)[ \t]+(?:course|round|block|cycle|series|"
                          r"episode|program|programme)\b")
"""A sentence about each course ("Each course: exercise all 6 wks"): its lengths are one
course's, never the whole of the care."""
_PER_COURSE = re.compile(r"\b(?:\d+|two|three|four|five|six)[ \t]*(?:courses?|rounds?|blocks?|"
                         r"trials?|cycles?|series)[ \t]*(?:x|×|@|of)[ \t]*$")
"""A length right after a count of courses and a times sign ("2 courses x 5 weeks", "3
rounds x 4 wks") is each course's, not the whole (outside tester 22 F7 read 4 weeks, and
15 from '2 courses x 5 weeks ... = 10 weeks'): the total said after it, or asked."""
_PER_COUNTED = re.compile(
    r"(?<![\w/.,:-])(?:[2-9]|two|three|four|dos|dous|tres|três|deux|trois|due|tre|zwei|drei|"
    r"twee|drie|två|dwa|trzy|dva|dvije|dvi|tri|iki|üç|ikki|uch|dy|kaksi|kolme)[ \t]+"
    r"(?!(?:weeks?|wks?|months?|mos?|days?|years?|yrs?|times|x|and|or|to|of|in|for|with)\b)"
    r"[^\W\d_]{3,}[ \t]+(?:[^\W\d_]{1,4}[ \t]+|[x×@][ \t]*)$")
"""A length after a count and a word of any language and a short joining word ("2 cikle
nga 6 javë", "2 cures de 6 semaines", "dous ciclos de 6 semanas": two cycles of six
weeks, fresh40 and phrase33a read 6) is one of the counted things', never the whole:
the word is taken for a course's name whatever the language; the total is asked."""


def summed_up(spec: FactSpec, rule: ReadingRule, before: str) -> bool:
    """``before`` ends in a statistic's word (`_STATISTIC`) where ``spec`` is a current
    measurement (a saturation, a temperature, a count of cells; not a pain score, whose
    "average pain" is what patients report): it takes no min, mean or max, but a fact asked
    as the highest takes its own words for it ("max", "peak")."""
    unit = spec.unit or ""
    if not rule.current or not (unit in ("%", "C") or unit.startswith("cells")):
        return False
    found = _STATISTIC.search(before)
    # ("Highest temp in the last 24 h: 100.4 F": the fact's own "highest temp")
    return found is not None and not any(
        w == found["word"] or w.startswith(found["word"] + " ") for w in rule.highest)


_EARLIER_VALUE = re.compile(r"\b(?:was|were|previously|prev|prior|earlier|initially|from)"
                            r"[ \t]*[:=]?[ \t]*$")
"""Words right before a figure that make it an earlier value ("WBC 17,400 on 12/10 (was
12,900 on 12/07)", "11.2, down from 17.4", "previously 16.1")."""


def said_earlier(before: str) -> bool:
    """``before`` (the words right before a figure) makes the figure an earlier value."""
    return _EARLIER_VALUE.search(before) is not None


# ("the" may be dropped in a form's question: "Back pain in last 5 yrs? YES - ... for the
# past 2 years", fresh35 read the question's window as the length)
_WINDOW = re.compile(r"\b(?:within|w/in|(?:in|over|during)\s+(?:the\s+)?(?:last|past)|"
                     r"in the preceding)\s*(?:the\s+)?$")
_ANOTHER = re.compile(r"[^.;\n]{0,40}?(?:\b(?:and|plus|then|followed by)|,)\s+(?:another|a second|"
                      r"one more|an additional|an extra|a further)\s+(?P<n>\d+(?:\.\d+)?)\s*"
                      r"(?P<u>weeks?|wks?|months?|mos?)\b(?P<tail>[^,;.\n]*)")
"""A second course of the same thing right after the first's length ("12 wks pulm rehab
2x/wk in 2025, another 12 wks this year")."""
_TAIL_ELSE = re.compile(r"\b(?:of|on|with|for|at home|home|gym|self|planned|scheduled|pending|"
                        r"ordered|authorized|approved|to go|remaining|left|will|to be|next)\b")
"""Words after the second length that make it another thing's or not yet done ("another
4 wks of home exercise", "another 4 wks planned"): no total then."""
_DURATION_WORDS = ("weeks", "months")
_ORDINAL_LABEL = re.compile(r"\s*(?:#|no\.?|number)?\s*")
_COURSE_NOUN = re.compile(r"(?:course|round|trial|cycle|block)$")
"""A count right after the noun it counts ("course 1", "course #2") numbers that one."""
_COURSE_LABEL = re.compile(r"\b(?:course|round|trial|cycle|block)\s*(?:#|no\.?|number)?\s*$")
"""A figure that labels a course ("course 1 6/2026-8/2026 and course 2 ..."): whichever
mention reads it, the "1" names the first course, it does not count them."""
_TIMES_COURSES = re.compile(r"\s*(?:x|×|times)\s*(?P<k>[2-6])\s*(?:courses|rounds|cycles)\b")
MORE_OF_IT = r"\b(?:another|a second|one more|an additional|an extra)"
"""Words that add a second course to one named before ("... and another 8 weeks")."""
_SECOND = re.compile(MORE_OF_IT + r"\s+$")
_DOING_AFTER = re.compile(r"[ \t]*(?:w/|with|when|while|during)[ \t]+"
                          r"(?:[a-z]+[ \t]+)?(?:bend|sitt|stand|walk|lift|twist|runn|climb|"
                          r"squatt|kneel|reach|driv|turn|stoop|carry|push|pull|gett|ris|ly|"
                          r"sleep|work|exercis|jogg|typ|cough|deep breath|dress|shower|bath|"
                          r"cook|play|throw|jump|golf|cycl|bik|swimm|hik|garden|clean)ing\b")
"""A bare score followed by what the patient was doing ("LBP 7 w/ bending", "6 with prolonged
sitting"): the score of one activity, asked as the named ones (``ask_after``) are. A score
out of ten keeps its reading ("chest pain 6/10 with coughing", "5/10 with jumping": the
complaint itself, read in the corpus)."""
_BARE = re.compile(r"\d+(?:\.\d+)?")
_SETS_APART = re.compile(r"\b(?:is|was|are|were|counts? as|counted as|considered|"
                         r"classified as|billed as|coded as|(?:run|done|led|given|provided|"
                         r"supervised) by)\b[^,]*,\s*$")
"""A sentence saying what a care was, before its ", not X": "rehab is exercise physiology,
not PT" sets the care apart from X (``Reader.contrasted``)."""
# What happened to the symptoms later ("symptoms returned after 3 wks", "flare x 2 weeks")
# is not how long they have lasted.
_EXACT = re.compile(r"\s*,?\s*(?:to be (?:exact|precise)|exactly|precisely)\b")
"""'well over three months of conservative care, sixteen weeks to be exact': the exact one."""
_DELAY = re.compile(r"\b(?:started|starting|start|began|begun|begin|commenced|initiated|"
                    r"onset|developed|came on|set in|first noticed)\b[^.;\n]{0,20}$")
_DELAY_AFTER = re.compile(r"\s*(?:later\s+)?(?:after|following|post|before|prior to)\b")
"""A length between a start word and "after" ("PT started 4 weeks after surgery", "Back
pain began 2 days after lifting a couch") is how long until it started, not how long it
has lasted (outside tester session 10 F3, F4)."""
_AFTER_DATE = re.compile(r"\d{1,4}[/-]\d{1,2}(?:[/-]\d{2,4})?\s*[(,-]\s*\Z")
"""A date right before a figure ("since 05/04/2026 (210 days)"): the figure counts the days
since it, not a span the writer gave on its own."""
_COUNTED_IN = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|"
                         r"multiple|many)\s+(?:[a-z/&-]+\s+){0,2}?[a-z]+s\s+in\s*$")
"""Things counted in a span before the thing named after it ("4 ED visits in 6 mo for
dyspnea", "3 flares in 2 years of back pain"): the span they were counted over, not how
long the thing named has lasted (fresh28's ED list read 6 months of symptoms)."""
_DESPITE = re.compile(r"\b(?:despite|in spite of|even after|notwithstanding)\b")
"""A length said after "despite" is what was tried against the thing named before it ("cough
persists despite 8 wks of inhaled steroids"), not how long the thing has lasted."""
_NO_EFFECT_ON = re.compile(r"\b(?:with(?:out)?|and|but|yet|,)?\s*(?:no|little|minimal|without)\s+"
                           r"(?:\w+\s+)?(?:improvement|relief|benefit|change|effect|response)\s+"
                           r"(?:in|of|on|for|to)\s+(?:(?:her|his|their|the)\s+)?\Z")
"""A length before the words of a treatment's effect on a symptom ("Albuterol + ICS x 10
wks with no improvement in dyspnea"): the treatment's length, not the symptom's."""
_AT_POINT = re.compile(r"\b(?:after|by)\s+(?:about\s+|~\s*)?$")
"""A length right after "after" is a point in time, no span of symptoms ("no relief for the
low back pain after 8 wks" of naproxen; "still coughing after 3 weeks of antibiotics")."""
_CARE_VERDICT = re.compile(r"\b(?:failed|did not help|didn'?t help|did nothing|helped|no help|"
                           r"no relief|no benefit|no improvement|not helpful|without (?:relief|"
                           r"benefit|improvement)|ineffective|did not work|didn'?t work|"
                           r"made (?:no|little) difference)\b")
"""How a care went, said after its name: its statement is whole."""
_CARE_HEADS = re.compile(r"[ \t]*(?:x|×|for|:|-|–|,)?[ \t]*")
"""Between a care's name and its own length ("ibuprofen 1 month", "naproxen for 6 weeks")."""


@cache
def _care_words() -> tuple[str, ...]:
    return tuple(context_rules().sequential_care.get("care", []))


def other_care_heads(lower: str, end: int, qa: int, own: tuple[str, ...]) -> bool:
    """"PT did not help and ibuprofen 1 month did not help": a care's statement ends with
    how it went, and another care named right before the length after it heads that
    length: it is the other care's, not the first's (phrase35a read a month of PT from the
    ibuprofen's month). A list of cares sharing one length ("PT and naproxen x 8 wks") has
    no verdict between them and is left as it was."""
    gap = lower[end:qa]
    verdict = _CARE_VERDICT.search(gap)
    if verdict is None:
        return False
    return any(a >= verdict.end() and gap[a:b] not in own and _CARE_HEADS.fullmatch(gap, b)
               for a, b in hits(gap, _care_words()))


_OTHER_EVENT = re.compile(r"\b(?:returned|recurred|came back|wore off|relief lasted|helped for|"
                          r"flare|flares|flared|flare-up|flare up|exacerbation|worse|worsening|"
                          r"worsened|this episode|current episode|acute)\b")


def _unit_word(raw: str) -> str:
    return "weeks" if raw.startswith("w") else "months"


_BETWEEN = re.compile(r"\bbetween\s+\d+(?:\.\d+)?\s+and\s+\d")
_DAY_FOR = re.compile(r"\d\s*,?\s+for\s+(?:(?:a|an|the|repeat|new|follow-up|f/u|lumbar|"
                      r"cervical|thoracic|l-spine|c-spine|chest|knee|shoulder|spine)\s+)*$")
""""Referral date 11/25/2026 for MRI", "booked 12/15 for a repeat CT": a day "for" a study
named after it is the day of a request or a booking, not of the study (outside tester 20
F2)."""
_SHARED_UNIT = re.compile(r"(?:[(:,&]|\band)\s*\d{1,2}(?:\.\d+)?\s*(?:,|and|&)\s*$")
""""PT x 3 courses (6, 4, 4 weeks)": bare figures listed before one unit share it, so the
last figure is one of several lengths, never the whole (it read 4 weeks, a false denial:
outside tester 20 F6). The list opens after a bracket, a colon or another figure: a year or
a label is no member ("a second course in summer 2026, 12 weeks in total", "PT course 1, 8
wks")."""
# A threshold that labels a blank to fill in ("PT >= 12 weeks: ______") or is listed
# as the payer's criteria ("Criteria: NRS >= 4/10"): the policy's figure, not the
# patient's.
# (a box after it, ticked or not, is the form's threshold ticked: "Symptoms > 6 months: ☑")
_BLANK_AFTER = re.compile(r"[^:\n]{0,15}:\s*(?:_{2,}|\.{3,}|\[[\sx✓✔]?\]|☐|☑|☒)?\s*$")
_VERDICT_AFTER = re.compile(r"[^:?\n]{0,15}(?::|\?|\s[-–—=]+)\s*(?:\[[\sx✓✔]?\]|☐|☑|☒)?"
                            r"\s*\(?\s*(?:not\s+|un)?(?:met|meets|"
                            r"satisfied|pass(?:ed)?|fail(?:ed)?|yes|no|y|n)\b")
"""A threshold with a reviewer's verdict after it ("PT >= 12 wk: MET (16 wk documented)"),
or a form's yes/no boxes ("Fever >38 C: [ ] Y [x] N"): the policy's figure, not the
patient's."""
_CRITERIA = re.compile(r"\b(?:criteria|criterion|requirements?|required|thresholds?|"
                       r"policy|checklist)\b")
_SHORT_OF_WORDS = ("almost", "nearly", "close to", "not quite", "just shy of", "approaching",
                   "going on", "getting on for")
_SHORT_OF = "|".join(r"(?<!been )going on" if w == "going on" else w for w in _SHORT_OF_WORDS)
"""A figure not yet reached ("a cough for going on a year", "almost 6 months of PT"): a
ceiling, never the figure itself (fresh29's quitline item read a year)."""
_SHORT_OF_BEFORE = re.compile(r"\b(?:" + _SHORT_OF + r")\s*$")
_BOUND = re.compile(r"(?:>|≥|>=|<|≤|<=|more than|over|at least|greater than|less than|"
                    r"under|up to|above|below|exceeding|higher than|lower than|" + _SHORT_OF +
                    r")\s*$")
_TWIN_OF_BOUND = re.compile(r"(?<![-=])(?P<b>>=?|≥|<=?|≤)\s*\d[\d.,]*\s*(?:°\s*[cf]?|[cf]\b|%)?"
                            r"\s*\(\s*$")


def _bound_of_twin(lower: str, start: int, qa: int) -> re.Match[str] | None:
    """The bound of a figure in brackets right after a bounded one: the same bound in other
    units ("fever >38°C (100.4°F)" is a threshold, never a temperature of 100.4; outside
    tester 21 F9 read it from a pasted exclusion)."""
    twin = _TWIN_OF_BOUND.search(lower, start, qa)
    return None if twin is None else \
        _BOUND.search(lower[max(0, twin.start("b") - 14):twin.end("b")])


_RESULT_AFTER = re.compile(r"[ \t]*(?:%|°?[cf]\b)?[ \t]+\d")
"""A figure right after a bounded one on its line: the bound is a reference column, the
figure after it the result ("SpO2 RA (%)   >=94   88 L": outside tester 23 F5 read 94)."""
_UPPER = ("<", "≤", "<=", "less than", "under", "up to", "below", "lower than", *_SHORT_OF_WORDS)
_STRICT = (">", "more than", "greater than", "over", "above", "exceeding", "higher than")
"""A bound that excludes its figure: "Pain >3/10" is 4 or more, never 3."""
_TAG_OPEN = re.compile(r"<[a-z/!][^<>]*$")
"""An HTML tag still open before a ">": the ">" closes it ("<b>6</b>")."""
_MEASURED = ("points", "%", "C", "F", "cells/μL")
"""Units of a measure read against a threshold the figure itself may be ("FiO2 >60%",
"Temp > 38.0 C" are a policy's own limits): its bound is never dropped. A duration or a
count above its figure stays read as "at least" it, with a notice."""
_NOT_WHO = re.compile(r"(?:\b(?:am|is|are|was|were|im)|'m|'re)\s+not\s+"
                      r"(?:(?:his|her|their|the|your|a|an|our|its)\s+)?\Z"
                      r"|\b(?:isn'?t|wasn'?t|aren'?t|weren'?t)\s+(?:(?:his|her|their|the|your|a|an|our)\s+)?\Z")
"""A denial of who someone is, right before a doctor's name that alone names no record ("I
am not his primary care physician", "Dr. Ruiz isn't her PCP"; p27b read no PCP consult):
it says nothing of the record, which stays asked."""


_HISTORY_NONE = re.compile(r"[^:\n.;]{0,40}:[ \t]*(?:none|nil|negative|neg|noncontributory|"
                           r"non-contributory|unremarkable)"
                           r"(?:[ \t]+(?:relevant|significant|known|reported|other))?"
                           r"[ \t]*(?:[.;,)]|$)", re.M)
"""A history's label answered that the patient has none, with a qualifier between the
label and its colon ("PMH per H&P: none; no diabetes", "PMH (per patient): nil",
"Medical history (reviewed 05/30): none relevant"): the history taken, no record
missing (f38 remittance read the history not on file); "PMH: not on file" still denies."""

_WITHIN = re.compile(r"\s*(?:in the (?:last|past)|within|since|recently|this (?:year|month))\b")
# The note's own day under any name of its occasion ("Exam date: 01/21/2027", "Date of
# examination: 01/27/2027" heading a DOT exam or an IME: its "H&P today" is that day); not
# another occasion's ("Next exam date", "date of last exam").
_DICTATED = re.compile(r"\b(?:dictat(?:ed|ing|ion)|transcribed)(?:[ \t]+(?:date|on))?[ \t]*:?"
                       r"[ \t]*\d")
"""A dictation dated by figures ("dictating on 10 20 2026", "Dictated: 1020 2026"): its
"today" is that day, not the day it is read. (A dictation that gives no day, "This is
doctor Sato dictating a facet injection request ... History and physical done today", is
read as it is checked: f13's note.)"""
_DOS = re.compile(r"\b(?:dos|date of service|(?<!next )(?<!last )(?<!prior )(?<!previous )"
                  r"(?:visit|encounter|exam|examination|evaluation|assessment|consultation)"
                  r" date|date of (?:visit|examination|exam|evaluation|assessment|consultation)"
                  # (a report's or a letter's own day is its writer's today: "Date of this
                  # report: December 20, 2027 ... On my re-examination today (full history
                  # and physical)", f35's QME report read the reader's today)
                  r"|date of (?:this |the )?(?:report|letter)"
                  r")\b\s*[:#-]?\s*")
_BOX = re.compile(r"\s*(?:[-*•]\s*)?(?:\[[\sx✓✔]?\]|☐|☑|☒)")
# "Total weeks of conservative treatment: 18", "Conservative treatment tried (weeks): 16",
# "PT weeks: 12": a form's label gives its bare figure's unit.
_UNIT_LABEL = re.compile(r"(?:\b(?:total\s+)?(?P<u>weeks|months|days)\s+of\s+[a-z /()-]{2,40}"
                         r"|\((?:#\s*|number of\s+|no\.? of\s+)?(?P<p>weeks|wks|months|mos|days)\)"
                         r"|\b(?P<e>weeks|wks|months|mos|days))\s*:\s*$")
_UNIT_LIST = re.compile(r"\b(?P<e>weeks|wks|months|mos|days)\s*:\s*(?:\d+(?:\.\d+)?\s+[a-z]"
                        r"[a-z /&+-]{0,30}?\s*[,;]\s*){1,5}$")
"""A list of figures each with its label after a unit and colon: "PT 14 weeks: 8
exercise, 3 manual, 3 education" gives each the unit (the first item is _UNIT_LABEL's)."""
_LABEL_UNITS = {"wks": "weeks", "mos": "months"}
_UNIT_AFTER_LIST = re.compile(r"(?:[ \t]*(?:,|&|\band\b)[ \t]*"
                              # (an item is a part's label, no time word: not "leg pain 5;
                              # after 12 weeks of both, 8", p33a)
                              r"(?!(?:after|before|for|of|in|at|over|within|x)\b)"
                              r"[^\W\d][^\d\n,;()]{0,30}?[ \t]+"
                              r"\d{1,2}(?:\.\d+)?(?![\d./:-]))+[ \t]*"
                              r"(?P<e>weeks|wks|months|mos)\b")
"""A list of parts, each a label and a bare figure, whose last figure alone carries the
unit ("totals: exercise 7, manual/modalities 3, education 3 weeks"): the unit is every
figure's (fresh39 left the 7 weeks of exercise unread and read one course's 1 week)."""
_FIGURE_BEFORE = re.compile(r"\d\s*(?:weeks?|wks?|w|months?|mos?|days?)?\.?\s*(?:of\s+)?"
                            r"(?:[a-z]+\s*[+/&]\s*)?$")
_SEEN_ON = re.compile(r"\b(?:seen|evaluated|eval|visit|visited|on|dated|since|from|until|"
                      r"through|thru)\s*$")
_DURATION_ONLY = re.compile(r"\d+(?:\.\d+)?\s*-?\s*(?:weeks?|wks?|w|months?|mos?|days?)")
_LIST_JOIN = re.compile(r"[,;+&]|\band\b")
_SPLIT_INTO = re.compile(r"[=:]")
"""What opens the parts of a whole just named ("12 wks PT = 6 wks ther ex, ...")."""
_LENGTH_BEFORE = re.compile(r"\d\s*(?:weeks?|wks?|w|months?|mos?)\.?\s*(?:of\s+)?$")
"""A length right before the thing it measures ("12 wks PT", "3 months of")."""
_BLANK_BOX = "box not ticked: is it so?"
"""Why an unticked box is asked about. Asked as a topic (``Candidate.topic``): a blank box
states nothing, so it puts no answer given elsewhere in doubt (outside tester 30 C2:
"Denies: [ ] infection [ ] pregnancy" set aside the letter's "no active infection")."""

_BOX_QUALIFIER = re.compile(r"\b(?:within|in the (?:last|past)|at least|more than|less than|"
                            r"over|under|with|incl|including|signed|dated|updated|current)\b|"
                            r"(?<![a-z])w/(?![a-z]?o\b)|[<>≥≤]|\d")
"""Words after an unticked box's record that ask more of it than that it is on file ("[ ]
H&P within 30 days", "[ ] med list w/ doses", "[ ] PT notes with dates"): the box may be
empty for what they ask, not because the record is missing; asked."""
# A phrase that carries its own zero is one too: "G0", "nulligravida" ("no deliveries (G0)"
# restates the denial, it does not deny it again: fresh20 read postpartum there).
# The writer's own document named: "This note is my ...", "this consultation", "our ..."
_RECORD_DENIED = re.compile(r"\b(?:not|no|none|never|missing|absent)\b")
_OWN_RECORD = re.compile(r"\b(?:my|this|our)\s+(?:[a-z&/-]+\s+){0,2}$")
_SELF_DENIED = re.compile(r"(?:no|not|never|non|without|denies|g0(?:p0+)?|nulli\w*)\b")
# A denial word right after a record's name, as its status ("CRP - never checked",
# "consult note was not ordered yet"); "not only" and "no." answers are not it.
_DENIAL_AFTER = re.compile(r"\s*(?:[:=(]|[-–—]+)?\s*(?:(?:is|was|were|are|has|have|had)\s+"
                           r"(?:been\s+)?)?(?:never|not(?!\s+only)|none)\b")
# The record's own sentence going on to say it is not there: "The pain management
# consultation from Dr. E has not been dictated yet", "... (Dr. A, 10/30) will follow by
# fax". Not past another statement ("The PCP note is attached, but the MRI report has
# not been sent").
_NOT_YET_LATER = re.compile(
    r"(?:(?!\b(?:but|and|or|while|although|whereas|which|that|is|was|were|are|has|have|"
    r"had|will)\b)(?:\bdrs?\.|\([^()\n]{0,40}\)|[^.;,()\n])){0,50}?\b(?:(?:is|was|were|are|has|have|had)\s+(?:been\s+)?"
    r"(?:not|never)\b|will\s+(?:follow|be\s+(?:sent|faxed|forwarded|mailed|dictated))\b|"
    r"(?:is|are)\s+(?:still\s+)?(?:pending|outstanding|to follow)\b)")
_SENT_LATER = re.compile(r"\b(?:will|'ll|going to|to)\s+(?:fax|send|forward|mail|upload|e-?mail)"
                         r"\s+(?:it|them)\b|\bnot\s+(?:yet\s+)?signed\b|\bunsigned\b|"
                         r"\b(?:awaiting|pending)\s+(?:a\s+)?signature\b|"
                         r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:received|arrived|came)\b|"
                         r"\bnot\s+(?:yet\s+)?(?:in\s+(?:the\s+)?chart|on\s+file)\b|"
                         r"\b(?:does|did)\s*(?:not|n'?t)\s+(?:mention|address|document|describe|"
                         r"discuss|include|cover)\b")
"""Further on in the record's sentence, the record itself is still to come ("The PCP
consult letter - they said they'll send it after billing closes"; "the consult note -
dictated 11/14 but not yet signed; they will fax it once signed"), or says nothing of
the matter ("PCP note on file does not mention the back")."""
_LIST_ITEM = r"[a-z&/'+ -]{1,40}?"
_LIST_SEP = r"(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\+\s*)"
"""Between two items of a list of records: ", ", ", and ", " and ", " & ", " + "."""
_PROMISED_LIST = re.compile(r"\b(?:will|'ll|to be|are to|going to)\s+(?:be\s+)?(?:fax|send|forward|"
                            r"mail|upload|e-?mail)(?:ed|t)?\s+(?:(?:the|her|his|their)\s+)?"
                            rf"(?:{_LIST_ITEM}{_LIST_SEP})*"
                            r"(?:(?:the|her|his|their)\s+)?\Z")
"""A promise before a list of records ("They will fax PT notes, med list and PCP
consult"): each record in it is still to come, not only the first."""
_SENDING_LIST = re.compile(r"(?:^|[^\w'])(?P<who>\w+(?:\s+(?:are|is|am)|'re|'s|'m)\s+)?"
                           r"(?:sending|faxing|forwarding|mailing|uploading|e-?mailing|"
                           r"dropping off)"
                           r"\s+(?:(?:over|in|along)\s+)?(?:(?:the|her|his|their)\s+)?"
                           rf"(?:{_LIST_ITEM}{_LIST_SEP})*"
                           r"(?:(?:the|her|his|their)\s+)?\Z")
"""A record someone else is in the middle of sending ("Sending PT notes + plan of care
today" on a phone slip from the therapy clinic, "they're faxing the consult note and med
list"): on its way, not on file yet (session 20, fresh23). The writer's own sending ("we
are faxing the PT notes") and a sentence that says the record is attached are not."""
_HOLDER_DENIES = re.compile(r"(?:^|[^\w'])(?P<subj>[\w'&.-]+)[ \t]+"
                            r"(?:(?:do|does|did|has|have|had)[ \t]*(?:not|n'?t)[ \t]+(?:yet[ \t]+)?"
                            r"(?:have|had|got|gotten|keep|hold|receive|received)|"
                            r"(?:has|have|had)[ \t]+no)"
                            r"(?:[ \t]+(?:copies|copy|record|records)[ \t]+of)?"
                            r"(?:[ \t]+(?:a|an|any|the|her|his|their|its|our)){0,2}[ \t]+\Z")
"""A denial of having the record, with its holder named before it ("they do NOT have her
med list", "Dr. Orr's office has no PT notes for him"): whose file it speaks of is the
holder's (``records.our_files``)."""
_SENDING_UNDONE = re.compile(r"(?:\b(?:not|never|no|to be|being|will|going to|gonna|to|be)"
                             r"|n'?t)\s+(?:(?:been|be|have|yet|ever|it|them)\s+)?\Z")
"""Words right before a verb of sending that say it did not happen or is still to come
("was never faxed", "has not been sent", "to be emailed", "will send")."""
_THEIR_RECORD = re.compile(r"[.;]\s*(?:and\s+)?(?:his|her|their)\s+(?:own\s+)?"
                           r"(?:(?:consult(?:ation)?|clinic|typed|written)\s+)?"
                           r"(?:letter|report|consult note|consultation note|consult|consultation"
                           r"|opinion|note)s?\b")
"""A sentence that opens with a person's record by its pronoun ("; his letter is
enclosed", ". Her consultation report is attached")."""
_ASKING_SENT = re.compile(r"\b(?:requests?|reminders?|quer(?:y|ies)|releases?|authori[sz]ations?"
                          r"|orders?|forms?)\s+(?:(?:was|were|has been|have been|is|are)\s+)?\Z")
"""What was sent is our asking for the record, not the record ("second request sent 11/30")."""
_FULL_STOP = re.compile(r"[.!?\n]")
_SENT_IT = re.compile(r"\s+(?:it|them|this|that|the note|the consult|the letter|the report)\b")
_LAB_RESULT = re.compile(
    r"[ \t:=|]*(?P<v>\d+(?:\.\d+)?)[ \t]*(?:mg/l|mg/dl|mm/hr?|mm/h|mm|mg)?(?:[ \t|,]|&nbsp;)*"
    r"(?:\(?[ \t]*(?:(?:ref(?:erence)?(?:[ \t]+range)?|rr|normal|nl|n)\.?[ \t]*[:=]?[ \t]*)?"
    r"(?:(?:<|≤|<=|&lt;|under|below)[ \t]*(?P<hi>\d+(?:\.\d+)?)"
    r"|(?P<lo>\d+(?:\.\d+)?)[ \t]*[-–][ \t]*(?P<hi2>\d+(?:\.\d+)?))"
    r"[ \t]*(?:mg/l|mg/dl|mm/hr?|mm/h)?[ \t]*\)?)?(?:[ \t|,]|&nbsp;)*"
    r"(?P<flag>\(?(?:h|hi|high|↑)\)?(?=[ \t]*(?:[|,;)\n]|\.(?!\d)|\Z)))?")
"""A lab's figure, then its reference range or its flag ("CRP 14 mg/L (ref < 5)", "CRP\t14.2
mg/L\t<5.0\tH", "ESR 9 mm/hr (ref 0-20)", "hs-CRP 11.8 H")."""


_LAB_OPEN = re.compile(r"[ \t:=-]*(?:(?:is|are|was|were|still|result|results)[ \t]+)*(?:pending|"
                       r"ordered|awaited|awaiting|not back|not yet back|not resulted|to follow|"
                       r"to be drawn|not drawn|not done|outstanding|in process|sent)\b")
"""A lab said still to come right after its name ("ESR pending at discharge")."""


def _against_range(lower: str, at: int) -> tuple[bool, int] | None:
    """Whether the lab figure right after ``at`` is above its own range or flagged high
    (and where its words end); None where neither a range nor a flag follows it. A figure
    flagged low, or given with a range but no figure, says nothing here."""
    found = _LAB_RESULT.match(lower, at)
    if found is None:
        return None
    if found["flag"]:
        return True, found.end()
    top = found["hi"] or found["hi2"]
    if top is None:
        return None
    return float(found["v"]) > float(top), found.end()


_HOLDER_KEEPS = re.compile(r"(?:^|[^\w'])(?P<subj>[\w'&.-]+)[ \t]+"
                           r"(?:keeps|kept|keep|has|have|had|holds|held|carries|took|takes)"
                           r"(?:[ \t]+(?:a|an|the|her|his|their|its|own|paper)){0,3}[ \t]+\Z")
"""The record as what someone keeps or has, its holder named right before it ("PT keeps her
log book in the folder", "the therapist has the session log with her"): the holder's copy."""
_NO_HOLDER = frozenset(("also", "which", "that", "who", "still", "now", "already", "and",
                        "what", "this", "these", "those", "note", "report", "letter"))
"""Words before "has" that name no holder: the record itself ("H&P, which also has the neuro
exam"), a relative pronoun or an adverb."""
_HELD_AT = re.compile(r"\b(?:at|in|on|to)[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|"
                      r"your[ \t]+|my[ \t]+)?(?:home|house|flat|apartment|kitchen|car|bedroom|"
                      r"handbag|purse|wallet)\b(?![ \t]+(?:chart|record|records|file|health|care|"
                      r"visit|visits|program|programme))|"
                      r"\bwith (?:him|her|them)(?=[ \t]*(?:[.;,)!?\n]|\Z))")
"""A place outside the office a record is said to be in ("in a binder at home", "in the
folder on the kitchen table", "takes it home"): not in this file."""
_LIST_THEN_LATER = re.compile(r"(?:\s+(?:w/|with|incl\.?|including)\s+[a-z/&' -]{1,30}?)?"
                              rf"(?:{_LIST_SEP}{_LIST_ITEM})+"
                              r"\s*(?:[-–—:,]\s*)?(?:(?:are|is)\s+)?(?:to be (?:faxed|sent|mailed|"
                              r"forwarded|uploaded)|will (?:be )?(?:follow|faxed|sent)|to follow|"
                              r"not (?:yet )?(?:received|on file|in (?:the )?chart|attached|"
                              r"sent))\b")
"""A list of records with one status after its last item ("PT notes, med list and PCP
consult to be faxed"), the first one's own words between ("Tx logs w/ dates/duration and
PCP consult note to be faxed"; outside tester session 9 F7): the status is every item's."""
_ANOTHER_RECORD = re.compile(r"\b(?:log|logs|note|notes|report|reports|list|consult|letter|"
                             r"records?|results?|films?|images?|mri|ct|x-?rays?)\b")
"""A record named between: "it" may be that one ("PCP note attached; the MRI report -
they will send it")."""
_FIGURE_JUST_BEFORE = re.compile(r"\d(?:\s*/\s*10{1,2}|%)?[ \t(]*\Z")
"""A figure right before a cued word of time ("7/10 today"): the word says when it was."""
_SENTENCE_STOP = re.compile(r"(?<!\bdr)(?<!\bmr)(?<!\bms)(?<!\bmrs)[.!?\n](?:\s|$)")
_RELATIVE_LABEL = re.compile(r"\s*(?:[-*•]\s*)?(?:(?:his|her|their|pt'?s|patient'?s)\s+)?"
                             r"(?:brother|sister|mother|father|mom|dad|son|daughter|wife|husband|"
                             r"spouse|partner|sibling|siblings|aunt|uncle|grandmother|grandfather|"
                             r"cousin|niece|nephew)\s*(?:[-–—:=]|\()")
"""A sentence labelled with a relative ("Brother - ESRD on HD", "Sister: lupus, on
dialysis"): what it lists is the relative's, not the patient's."""
_NOT_TAKEN_UP = re.compile(r"\s*(?:[:=]|[-–—]+)?\s*(?:(?:was|were|is|are|has been|have been)\s+)?"
                           r"(?:not attempted|never attempted|not tried|never tried|not yet tried|"
                           r"declined|refused|not started|never started)\b")
"""A care named and then said not taken up ("Weight loss: not attempted", "Lifestyle
changes declined"): not received."""
_NO_MORE_OF = re.compile(r"\b(?:no|not any|without|nor)\s+(?:newer|new|more recent|later|repeat|"
                         r"further|additional|subsequent|interval|updated)\s+(?:[a-z-]+\s+)?\Z")
"""A denial of more of a study ("no newer imaging", "no repeat MRI"), not of the one named."""
_NEWER_ONE = re.compile(r"\b(?:a|an|the)\s+(?:newer|more recent|later|updated|repeat)\s+one\b")
_UNCHECKED = re.compile(r"^\s*(?:[-*•]\s*)?(?:\[\s?\]|☐)\s*(?:[^\s\[\]]+\s+){0,3}$|"
                        r"^\s*(?:[-*•]\s*)?(?:\[\s?\]|☐)\s*"
                        r"(?:(?![-–—]\s)[^\s\[\]☐☑☒:;]+[ \t]+){4,7}$")
"""An unticked box before the mention, at the start of its line: a few words before it, or
more in the one item the box stands for, with no break between ("[ ] Pain medication list
w/ dosages": its "dosages" is the unticked item's too, fresh24)."""
_UNTICKED_BEFORE = re.compile(r"(?:\[\s?\]|☐)[ \t]*(?:[^\s\[\]☐☑☒]+[ \t]+){0,4}$")
"""An unticked box a few words before the mention, anywhere on its line, with no other box
between ("TIME-OUT ☑ Consent ☐ Pregnancy test negative")."""
_SEEN_AGAIN = re.compile(r"(?:[ \t]+(?:him|her|them|pt|the patient|patient))?[ \t]+"
                         r"(?:back|again|for (?:a )?(?:follow|f/u|recheck|re-?eval))")
"""After "will see": a follow-up visit of a consult already done ("will see her back in 6
wks"), no promise that the consult is still to come."""
_AUTHOR_OF_ANOTHER = re.compile(
    r"(?<![\w&])(?:h&p|history and physical|op note|operative (?:note|report)|mri|ct|x-?rays?|xr|"
    r"imaging|pt notes|therapy notes|discharge summary|labs?|emg|ncs)\b[^.;\n]{0,30}?"
    r"\b(?:by|from|signed by|done by|performed by|read by|written by)[ \t]+"
    r"(?:dr\.?[ \t]+[a-z][\w'.-]*(?:[ \t]+[a-z][\w'.-]*)?[ \t]*[,(]?[ \t]*|the[ \t]+|an?[ \t]+)?\Z")
"""Another record, then its author before the specialist's name ("H&P of 09/15/2026 by Dr.
Amadi (orthopedic spine) is attached", "MRI read by the neuroradiologist"): the specialist
is who wrote that record, and what is on file is it, not a consultation."""
_ADDRESSED_TO = re.compile(
    r"\b(?:note|notes|letter|report|consult|consultation|referral|summary|request|records?)"
    r"\b[^.;\n]{0,20}?\b(?:for|to|addressed to|intended for|meant for)[ \t]+"
    r"(?:the[ \t]+|our[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|a[ \t]+)?\Z")
"""A record, then the specialist it is written for ("wrote a consult note for the spine
team", "a letter to the pain specialist"; phrase31b read the spine team's consult on
file): the specialist is its reader, not its maker."""
_NOT_THE_WRITER = re.compile(r"\b(?:order\w*|referr\w*|request\w*|requesting|consulting|"
                             r"covering|previous|prior|former|pcp|other)[ \t]*\Z")
"""A clinician label's word before it that names someone other than the note's own
clinician ("Ordering physician:", "Referring provider:")."""
_A_DOCTOR = re.compile(r"\b(?:dr|doç|prof)\b\.?|,?[ \t]+(?:md|mbbs|mbchb|frcp|frcs|facp)\b")
"""A doctor named after the label (a title or a degree), not a remark."""
_PROMISE = re.compile(r"\b(?:will|'ll|going to|bring)\b")
_WILL_SEND = re.compile(r"(?:\bwill|'ll|\bgoing to)\s+(?:fax|send|forward|mail|upload|e-?mail|"
                        r"bring|drop off|courier)\b")
"""A promise to deliver, after a record's sending denied (``_NOT_SENT``): coming, not absent."""
_NOT_SENT = re.compile(r"(?:\bnot|n'?t)\s+(?:yet\s+)?(?:been\s+)?"
                       r"(?:sent|faxed|forwarded|mailed|e-?mailed)\b")
"""A promise among ``records.not_yet``: something someone will do."""
_ITEM_BOX = re.compile(r"(?P<gap>(?:[ \t]+[^\s\[\]☐☑☒:;,]+){0,3}?)[ \t]*"
                       r"(?P<box>\[[ \t]?\]|\[[x✓✔]\]|☐|☑|☒)(?=[ \t]*$|[ \t]{2,}|\t)", re.I)
"""A box right after an item's name, where a line lists its items each with its box after
it ("Records rec'd: PT notes [x]   Med list [ ]   PCP consult [x]", "Infection [X]   None
[ ]"): the box after is the item's own answer, and the box before is the last item's."""
_BOX_CHARS = re.compile(r"\[[ \t]?\]|\[[x✓✔]\]|☐|☑|☒", re.I)
_MARKS_YES, _MARKS_NO = "✓✔", "✗✘❌✖✕⨯"
_MARK = rf"[{_MARKS_YES}{_MARKS_NO}]"
_MARK_WORD = rf"[^\s|;,(){_MARKS_YES}{_MARKS_NO}]+"
_MARK_AFTER = re.compile(rf"(?:[ \t]+{_MARK_WORD}){{0,3}}?[ \t]*(?P<mark>{_MARK})")
_MARK_BEFORE = re.compile(rf"(?P<mark>{_MARK})[ \t]*(?:{_MARK_WORD}[ \t]+){{0,3}}\Z")
_MARKS_LEAD = re.compile(rf"^[ \t>*•-]*(?:[^:\n{_MARKS_YES}{_MARKS_NO}]{{0,40}}:)?[ \t]*{_MARK}")
"""A tick or a cross as each item's answer on a line of records ("PCP ref ✓ | pulm consult ✓
| PT log ✗", "Docs: ✓ PCP consult  ✓ ortho consult  ✗ med list"; phrase28b read the crossed
logs as on file): the mark is the item's own, after it, or before it where the line's
items open with their marks."""
_ITEM_DENIAL = re.compile(r"\b(?:no|not|non|negative|neg|denies|denied|without|none|absent|"
                          r"ruled out|r/o)\b|\bfree (?:of|from)\b")
"""A denial inside a box's own statement ("☐ Not pregnant", "[ ] No active infection")."""
_DENIAL_HEAD = re.compile(r"\b(?:denies|denied|deny|negative for|neg for|reviewed|screening|"
                          r"screened|checklist|contraindications?|ros)\b[^\n]*$")
"""A line's heading of a denial or a screen before its boxes ("Denies: [ ] infection
[x] pregnancy", "Contraindications reviewed: [ ] active infection"): a box left unticked
under it was not checked off, so it states nothing (outside tester 29 F6 read four
denials from a blank form)."""
def heading_class(lower: str, drug: tuple[int, int], sentence_start: int,
                  counts: Iterable[str]) -> tuple[int, int] | None:
    """The span of a drug class (one of ``counts``) that heads the drug at ``drug``,
    before it in its sentence with no other item between ("Failed NSAID course: YES -
    ibuprofen", "NSAID trial (naproxen"): the two name one course (outside tester 21 F7
    read two), or None."""
    name, at = lower[drug[0]:drug[1]], drug[0]
    classes = [c for c, drugs in context_rules().drug_classes.items() if name in drugs]
    if not classes:
        return None
    start = max(sentence_start, at - 60)
    before = re.split(r"[;\n]|,\s*(?:and\s+|then\s+)?(?=[a-z]+\s)", lower[start:at])[-1]
    names = {n for c in context_rules().drug_classes for n in c.split("|")}
    found = hits(before, tuple(n for c in classes for n in c.split("|") if n in counts))
    if not found:
        return None
    offset = at - len(before)
    # ("NSAIDs x 3 courses (ibuprofen, naproxen, meloxicam)": a class over several drugs
    # heads none of them alone; each is its own course)
    stretch = re.split(r"[;\n]|\.\s", lower[found[-1][1] + offset:drug[1] + 80])[0]
    drugs = [h for h in hits(stretch, tuple(c for c in counts if c not in names))]
    if len({stretch[a:b] for a, b in drugs}) > 1:
        return None
    return found[-1][0] + offset, found[-1][1] + offset


_EXAMPLES_YES = re.compile(r"[^()\n:]{0,80}\)[ \t]*:[ \t]*(?:yes|y)\b")
"""The rest of a row's bracket of examples, then its "yes" (see ``_example_answered_yes``)."""
_DEGREES = re.compile(
    r"[ \t]*[:=]?[ \t]*(?:(?:to|of|is|was|only|about|approx\.?|~|measured|measures|measuring|"
    r"reached|reaches|reaching)[ \t]+)*"
    r"(?:0[ \t]*(?:to|-|–)[ \t]*)?(?P<n>\d{1,3})"
    r"(?P<unit>[ \t]*(?:°|º|deg\b\.?|degrees?\b))?"
    r"(?:[ \t]*(?:\((?:normal|nl|norm)\.?[ \t:=]*(?P<normal>\d{2,3})[^)\n]*\)"
    r"|(?:of|/)[ \t]*(?P<of>\d{2,3})(?![\d/])))?")
"""A motion's measure right after its name: "flexion to 40 deg", "Forward flexion: 0 to 55
degrees (normal 90)" (the arc's end), "flexion 55 of 90". A figure with neither its unit
nor a normal is no measure: "flexion 4/5" is a strength grade, "ext 12" a phone's."""
_MONTH_DAY_AFTER = re.compile(r"[ \t]*(?:on[ \t]+|dated[ \t]+|\()?(?:1[0-2]|0?[1-9])/"
                              r"(?:3[01]|[12]\d|0?[1-9])(?![\d/])")
"""A month and day right after a study's name ("CXR 11/20 no infiltrate")."""
_RANGE_END = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*[-–]\s*"
                        r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])")
"""A span of days written as one ("03/04-03/11/2026", "03/04/2026-03/11/2026"): its end."""


def _range_end(match: re.Match[str]) -> date | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


_MONTH_YEAR = re.compile(r"(?<![\d/])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/])")
_IN_MONTH = re.compile(r"\bin[ \t]+(?:(?:early|mid|late)[ \t-]+|the[ \t]+(?:beginning|middle|end)"
                       r"[ \t]+of[ \t]+)?(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                       r"[a-z]*\.?(?![ \t]*(?:\d|')|[a-z])")
"""A month named with no year ("febrile to 38.4 C in early November")."""
_MONTH_ALONE = re.compile(r"\b(?P<m>jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*)\b"
                          r"(?![ \t]*(?:\d|'))")
"""A month by name alone ("January admission", "the March stay"; not "may", a verb as
often)."""
_NOW_SAID = re.compile(r"\b(?:today|now|currently|presently|at present|tonight|this morning|"
                       r"this afternoon|this evening)\b")


def _in_month(found: re.Match[str], as_of: date) -> date:
    """The first day a month named with no year may mean (this year's or, if it is still
    to come, last year's; its 11th or 21st when said mid or late): a reading that old may be
    stale, and a stale reading is asked, never stated."""
    month = MONTHS.index(found["m"]) + 1
    year = as_of.year - (month > as_of.month)
    said = found.group()
    return date(year, month, 11 if "mid" in said or "middle" in said else
                21 if "late" in said or "end" in said else 1)
_MONTH_NAME_YEAR = re.compile(r"\b(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                              r",?\s+'?(?P<y>(?:19|20)\d\d)(?![\d/])")
"""A month by name with its year ("Sept 2026", "October, 2025")."""
_YEAR_ALONE = re.compile(r"(?<![\d/.:,-])(?P<y>(?:19|20)\d\d)"
                         r"(?![\d/.:,-]|\s*(?:mg|ml|mcg|units?)\b)")
"""A year alone ("Postpartum depression history (2019)"): it ended on its 31 December."""
_YEAR_MONTH = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[-/](?P<m>0[1-9]|1[0-2])(?![\d/.-])")
"""A year and month with no day ("Aspiration pneumonia 2026-10")."""
_YEAR = re.compile(r"(?<![\d/.:-])(?P<y>(?:19|20)\d\d)(?![\d/.:-])")
"""A year alone ("completed in 2024"): not a part of a date, a time or a number."""
_ENDED_NOT = re.compile(r"(?:being|to be|currently|still|now|not|not yet|un)\s*$")
"""Before an ``ended`` word, words that say the episode goes on ("being treated")."""
_NA_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[\s*(?:n/a|na|n\.a\.)\s*\]\s*(?:[^\s\[\]]+\s+){0,3}$")
"""A box marked N/A a few words before the mention ("[N/A] Pulmonology consult"): the
form's filler did not say whether it is so."""
_DATE_LABEL = re.compile(r"(?:^|(?<=[.;])[ \t]+)[ \t]*(?:date|entry)[ \t]*:?[ \t]*(?=\d)", re.M)
"""A line's or a sentence's opening "Date:" label (or a log's "Entry") before a figure."""
_HEAD_LINES_CHARS = 400
"""How far into a message its own date label may stand (a letter's head)."""
_NOTE_TITLE = re.compile(r"\b(?:consult(?:ation)? note|progress note|clinic note|office note|"
                         r"(?:follow[- ]?up|f/u|return visit|daily|treatment|telephone|phone|"
                         r"triage) note|"
                         r"office visit|visit note|h&p|history and physical|encounter)\b")
_TITLE_TAIL = re.compile(r"[ \t]*(?:\d{1,2}:\d{2}(?:[ \t]*[ap]m)?)?[ \t]*(?:[-–—|][^\n]*)?")
"""What may follow a title's date in its sentence: a time, or a remark after a dash."""
_MONTH_DAY = re.compile(r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])")
"""A month and day with no year ("pa note 12/01")."""


@cache
@fixed_patterns
def _care_for() -> re.Pattern[str]:
    """Care or a stay, then "for", "with" or "from" up to the end of the text searched
    (``denied_care``): "never hospitalized for asthma or ", "been admitted or on IV abx
    for "."""
    care = alternation(context_rules().denied_care)
    return re.compile(rf"(?<![\w'])(?:{care})(?![\w'])[^.;:\n]{{0,40}}?"
                      rf"\b(?:for|with|from)\b[^.;:\n]{{0,40}}$")


_NOT_A_THINGS_WORD = ("with|on|at|in|during|for|after|before|since|most|all|some|of|per|from|to|"
                      "and|or|but|when|while|by|the|a|an|than|over|under|now|today|then|was|"
                      "is|are|were|has|had|despite|between|out|/")
"""Words that take a figure's count away from what follows: "pain 6 with activities" is a
pain of 6 (a preposition, a verb or a joining word is no word describing the things)."""


@cache
@fixed_patterns
def _birth_label() -> re.Pattern[str]:
    """A date-of-birth label (``birth_labels``) right before a date: "DOB 04/02/1961",
    "(D.O.B.: 1972-08-19", "born 05/06/1970", "fecha de nacimiento 12/03/1959"."""
    words = alternation(context_rules().birth_labels)
    return re.compile(rf"(?<![\w.])(?:{words})[ \t]*[:#=(-]?[ \t]*\Z")


def birth_dated(lower: str, found: tuple[date | None, tuple[int, int]], as_of: date) -> bool:
    """A date right after a birth label, two years back or more: a person's date of birth,
    no study's, visit's or treatment's day (a baby's birth, a few months back, is the
    delivery's day: kept)."""
    day, (x, _y) = found
    if day is None or (as_of - day).days < 730:
        return False
    return _birth_label().search(lower, max(0, x - 40), x) is not None


@cache
@fixed_patterns
def _counted_thing() -> re.Pattern[str]:
    """After a bare figure, at most two words describing them, then things it counts
    (``counted_things``): "2 PT courses", "3 ED visits", "2 prior admissions"."""
    things = alternation(context_rules().counted_things)
    word = rf"(?!(?:{_NOT_A_THINGS_WORD})\b)(?![a-z]+ly\b)[a-z][a-z/&'-]*"
    return re.compile(rf"(?:[ \t]+{word}){{0,2}}[ \t]+(?:{things})(?![\w'])")


@cache
@fixed_patterns
def _denied_care_before() -> re.Pattern[str]:
    """A denial of care or a stay, then "for" and the list the mention ends: "never
    admitted for pneumonia or ", "no hospitalizations for asthma, ". (Where the denial is a
    fact's own phrase, "never admitted for pneumonia", it is no trigger of the context.)"""
    care = alternation(context_rules().denied_care)
    return re.compile(rf"\b(?:never|no|not|nor|denies|denied|without)\b[^.;:\n]{{0,30}}?"
                      rf"(?<![\w'])(?:{care})(?![\w'])[^.;:\n]{{0,30}}?\b(?:for|with|from)\b"
                      rf"(?![^.;:\n]*\b(?:but|though|although|however|yet|has|had|have|with)\b)"
                      rf"[a-z0-9 ,/'-]{{0,40}}$")


def care_denied_before(lower: str, at: int) -> bool:
    """The words before ``at`` deny care or a stay for what is named there ("never admitted
    for COPD"): a denial of the care, which says nothing of whether the condition is."""
    return _denied_care_before().search(lower, max(0, at - 120), at) is not None


@cache
@fixed_patterns
def _record_words(kind: str) -> re.Pattern[str]:
    """The words of one list of ``records`` in context.yaml, as whole words. ``not_yet``
    also takes any verb of delivering a record (``records.delivered``) put as still to come
    or under way ("to be faxed over", "being couriered", "still to be forwarded"): whoever
    does it, the record is on its way, not on file."""
    words = alternation(context_rules().records.get(kind, []))
    if kind == "not_yet":
        moved = alternation(context_rules().records.get("delivered", []))
        words += rf"|(?:to be|being)\s+(?:re-?)?(?:{moved})|to follow(?!\s*-?\s*up)"
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])")


@cache
@fixed_patterns
def _cited() -> re.Pattern[str]:
    """A record named as another figure's source: "12 per PT log", "Per med list: ..."
    (``records.cited``; an article or a doctor's name between)."""
    return re.compile(rf"(?<![\w'])(?:{alternation(context_rules().records.get('cited', []))})"
                      r"\s+(?:(?:the|her|his|their|our|this)\s+)?(?:dr\.?\s+[a-z'-]+(?:'s|’s)\s+)?\Z")


@cache
@fixed_patterns
def _asked_for() -> re.Pattern[str]:
    """Words that ask for the records listed after them, ending right before one
    (``records.asked_for``: "Requested: PFT results and CBC", "still need the ortho
    consult note", "asked the clinic for her treatment logs"): who it is asked from, a
    colon, an article and the records listed before it may stand between."""
    words = alternation(context_rules().records.get("asked_for", []))
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])"
                      r"(?:\s+(?:from|of)\s+[^:\n]{1,40}?)?\s*:?\s+"
                      r"(?:(?:the|her|his|their|a|an|any|all|most recent|latest|recent|current|"
                      r"copies of|copy of|a copy of)\s+)*"
                      rf"(?:{_LIST_ITEM}{_LIST_SEP})*"
                      r"(?:(?:the|her|his|their|most recent|latest)\s+)?\Z")


_SUBJECTLESS = re.compile(r"(?:(?:it|this|which|and|but|also)\s+)?(?:does\s+not|doesn't|"
                         r"do\s+not|lacks?|lacking|has\s+no|omits?|documents|records|covers|"
                         r"includes|notes|states|shows|gives|says|mentions|contains|lists|"
                         r"is\s+missing|missing|silent\s+on)\b")
"""A sentence that opens with its verb, its subject the record named in the sentence
before ("Documents exam, PMH and meds; does not record when the symptoms began")."""
_OTHER_KIND_BEFORE = re.compile(
    r"\b(?:mri|ct|x-?rays?|xr|films?|imaging|radiology|pt|physio|physiotherapy|therapy|"
    r"therapist|lab|labs|h&p|pfts?|spirometry|discharge|operative|op|pathology|nursing|"
    r"pcp|gp|med|meds|medication|ed|er|ekg|ecg|echo)"
    r"(?:\s+(?:note|notes|report|reports|letter|records?|results?|log|logs|summary|"
    r"list|eval|evaluation))?\s*(?:(?:is|are|was|were)\s+)?\Z")
"""A record word right after another kind of record's name ("PT notes attached", "x-ray
report on file"): that record's word, no specialist's consultation."""
_CONSULT_WORD = re.compile(r"\bc(?:onsult|/s\b)")
_CONSULT_CONTENT = re.compile(r"\b(?:plan|plans|diagnosis|dx|assessment|impression|"
                              r"recommend\w*|treatment options)\b")
_CITES_AFTER = re.compile(
    # the record's noun after a doctor named as its cue ("Her PCP's letter states ...")
    # (before or after a bracket: "PCP (Dr. Ames) letter states ...")
    r"(?:(?:'s|s')?[ \t]+(?:note|notes|letter|letters|report|reports|records|chart))?"
    r"(?:[ \t]*\([^()\n]{0,40}\)"
    r"(?:[ \t]+(?:note|notes|letter|letters|report|reports|records|chart))?)?"
    r"(?:[ \t]+(?:from|of|dated|on|in))?"
    # its day in any form: "11/20", "10/2026", "2026-10-04", "Sept 2026", "4 Oct"
    r"(?:[ \t]+(?:\d{1,4}[/.-]\d{1,4}(?:[/.-]\d{2,4})?|"
    r"(?:\d{1,2}[ \t]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)?(?:[ \t]+\d{4})?))?[ \t,]+"
    # what the record does or does not say, however the verb is helped or hedged ("PCP
    # note doesn't say how bad", "only mentions", "never states", "did not comment"); a
    # verb's bare form only after a helping verb ("PCP (Dr. Ames) note enclosed": a noun)
    r"(?P<verb>(?:(?:does|do|did)(?:n't|[ \t]+not)|has[ \t]+not|hasn't|have[ \t]+not|"
    r"haven't)[ \t]+(?:(?:also|really|even|clearly|specifically|explicitly)[ \t]+)?"
    r"(?:say|state|read|note|record|report|mention|describe|list|show|document|indicate|"
    r"call|quote|give|confirm|specify|comment|address|refer|grade|rate|label)|"
    r"(?:(?:also|only|just|clearly|never|again|even|merely|simply|specifically|explicitly)"
    r"[ \t]+){0,2}"
    r"(?:says|said|states|stated|reads|notes|noted|records|recorded|reports|reported|"
    r"mentions|mentioned|describes|described|lists|listed|shows|showed|documents|documented|"
    r"indicates|indicated|calls|called|quotes|quoted|gives|gave|confirms|confirmed|"
    r"specifies|specified|comments|commented|addresses|addressed|refers|referred|grades|"
    r"graded|rates|rated|labels|labelled|labeled))\b")
"""A verb right after a record (its day or a bracket between) that quotes what the record
says: "PCP note says ...", "PCP note 11/20 documents no active infection"."""
_BACK_REFERENCE = re.compile(r"\b(?:(?:the|its|their|her|his)\s+)?"
                             r"(?:note|notes|report|letter|consult)\b")
"""A record's own document named again by its kind ("pulm consult - they saw him 11/20
but the note isn't signed yet")."""
_STATUS_SEP = re.compile(r"\s[-–—]+\s|[:;,(]|\bbut\b|\bhowever\b")
_ROW_CELL = re.compile(r"[ \t]*(?:\|+|\t+)[ \t]*")
"""Where a row's cells part: a bar (a table, an index queue) or a tab (a spreadsheet)."""
_STATUS_LABEL = re.compile(r"(?:(?:doc(?:ument)?\s+)?status|state|estado|statut)\s*[:=-]?\s*")
"""A status cell's own label ("Status: REJECTED"), before its word."""
_DATE_AFTER = re.compile(r"[ \t]*[(,]?[ \t]*(?:of|dated|from|on)?[ \t]*\d{1,2}/\d{1,2}")


@cache
@fixed_patterns
def _title_line() -> re.Pattern[str]:
    """A word naming the note in a short first line ("PULMONARY CONSULTATION 11/05/2026",
    "URGENT CARE 11/26/2026."): its date is the note's, and the note's today
    (``note_titles`` in context.yaml)."""
    words = sorted(context_rules().note_titles, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


_OPENING = re.compile(
    r"(?:^|(?<=[.;!?])[ \t]+)[ \t]*(?:[-*•][ \t]*)?"
    r"(?P<head>(?:[a-z&/-]+[ \t]+){0,2}?(?:note|visit|encounter|appointment|appt|clinic|"
    r"follow[- ]?up|f/u|consult(?:ation)?|intake|evaluation|eval|seen|addendum|late entry|"
    # (a dictation's own day: "H&P dictated 10/20/2026: exam today ..." is that day's
    # today, outside tester 25 F7)
    r"dictated|dictation|transcribed)"
    r"(?:[ \t]+#?\d{1,2}(?![\d/]))?"
    r"[ \t]*(?:dated|on|of|from|signed|re-signed)?"
    r"[ \t]*[-–:(]?[ \t]*)?"
    # (a diary's day after its weekday: "Thu 20 Jan 2028 - MRI of my lower back today",
    # "Saturday, 13 Nov: ..." is that day's today; p31a)
    r"(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?"
    r"\.?,?[ \t]+)?"
    r"(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    # (a diary's or a call log's day with no year: "Dec 9 - ...", "12/17 1105 ...")
    r"|(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?<!/10)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?[ \t]+"
    r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,?[ \t]+\d{4})?"
    r"|(?:3[01]|[12]\d|0?[1-9])[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]{0,6}\.?(?:,?[ \t]+\d{4})?)(?![\d/-])"
    # (a time of four figures only after a numeric day: "Sept 24 2026" is a year)
    r"(?P<time>(?:(?:(?<=/\d)|(?<=/\d\d))[ \t,]+(?:[01]\d[0-5]\d|2[0-3][0-5]\d)"
    r"|[ \t,]+\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m?\.?)?)(?!\d))?"
    r"[ \t]*\)?[ \t]*(?P<tail>[:\-–—]|[.(,](?(head)|(?!))|(?(head)(?=dr\b)|(?!))"
    r"|(?(time)(?=[^\s\d])|(?!)))", re.M)
"""A date that opens a sentence as the day of the visit or note it heads ("Visit
10/01/2026: ...", "Note dated 09/10/2026.", "Visit 3 - 08/20/2025 (pulmonology): ...",
"06/01/2026 - new radicular pain ..."): a bare date heads only with a colon or a dash, or
with a time of day after it ("12/17 1105 spoke with pt"); a day with no year ("Dec 9 - More
X-rays today", a diary's) is the latest such day (fresh24: a caregiver's diary read "X-rays
... today" as the day of the check)."""
_BANNER = re.compile(r"[ \t]*\[[^\]\n]{3,120}\][ \t]*\n[ \t\n]*")
"""A bracketed line over a note's title that says how the text came to be ("[Dictated,
voice recognition - not proofread]", "[Scanned document - OCR text]")."""
_DAY_MONTH_NAMED = re.compile(r"(?P<d>\d{1,2})[ \t]+(?P<mon>[a-z]{3})")


def _year_less(said: str, as_of: date) -> list[tuple[date | None, tuple[int, int]]]:
    """The latest day up to ``as_of`` that an entry's year-less day names ("12/17", "3
    December"; ``dates_in`` leaves them to the figures' other readings)."""
    numeric = _MONTH_DAY.fullmatch(said)
    if numeric is not None:
        return [(last_on_or_before(int(numeric["m"]), int(numeric["d"]), as_of), (0, len(said)))]
    named = _DAY_MONTH_NAMED.match(said)
    if named is None or named["mon"] not in MONTHS:
        return []
    return [(last_on_or_before(MONTHS.index(named["mon"]) + 1, int(named["d"]), as_of),
             (0, len(said)))]


_NOT_THIS_ONE = re.compile(r"\b(?:last|prior|previous|next|upcoming|scheduled|planned|"
                           r"future|pending)\b")
"""Words that make a dated visit another one than the entry's own ("Last visit
10/01/2026: ...")."""
_ENTRY = re.compile(r"^(?:(?P<blank>[ \t]*$)|[ \t]*(?P<page>\[(?:pp?\.?|page)\s*\d+\][ \t]*)?"
                    r"(?:[-*•][ \t]*)?)", re.M)
"""A line that may open a dated entry (a date first, after a page mark "[p.3]" or a
bullet), an undated page mark, or a blank line (which ends an entry)."""
_SECTION_HEAD = re.compile(
    r"^[ \t]*(?:[-=*#~]{3,}[ \t]*(?P<framed>[^\n]{1,80}?)[ \t]*[-=*#~]{3,}"
    r"|\[(?P<bracket>[^\]\n]{1,80})\]"
    r"|(?P<named>(?:addendum|late entry|amendment|attestation)\b[^\n:]{0,60}?)[ \t]*:?"
    r"|(?P<titled>[a-z][^\n\d:]{0,50}?\b(?:note|visit|encounter|consult|consultation|"
    r"follow-?up|evaluation)\b[ \t,:-]*\d{1,2}/\d{1,2}/\d{2,4}(?:[ \t]+\d{1,2}:?\d{2})?"
    # (the patient and the author after a dash: "PAIN CLINIC FOLLOW-UP 11/30/2026 - Marisol
    # Vega, 45 y/o woman - Dr. S. Iyer": fresh19, "H&P performed today" lines below)
    r"(?:[ \t]+[-–—][ \t]+[a-z][^\n]{0,100}?)?))"
    r"[ \t]*$", re.M)
"""A section's header on its own line: a title framed by rules ("---- MD ADDENDUM (Dr.
L. Farouk, PCP) 11/24/2026 ----", "=== Late entry 11/18/2026 ===") or by brackets
("[Pasted note 2 - same patient, 12/01/2026, one month later]"), or an addendum's
("Addendum 11/24/2026:"), or a note's title with its day and time ("ED PROVIDER NOTE
12/02/2026 22:14", "Progress Note - 11/28/2026": session 14, f12-64493); a header of no
one date dates nothing."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
THIS_VISIT = re.compile(r"\b(?:at |during )?(?:this|today'?s) (?:visit|encounter|appointment)\b"
                        r"|\bvisit type\b")
"""Words that date a record to the note's own visit ("H&P performed at this visit",
"Visit type: f/u, comprehensive H&P")."""
_AGO = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{WORD_NUMBERS})[ \t-]*(?P<unit>days?|weeks?|wks?|months?|mos?|"
    r"mths?|years?|yrs?)[ \t]+ago\b")


def _days_of(found: re.Match[str]) -> float:
    """The days of a length matched with its figure ``n`` and its ``unit``."""
    return number_of(found["n"]) * {"d": 1, "w": 7, "m": 30.4, "y": 365}[found["unit"][0]]


_CUE_DENIED = re.compile(r"(?:\b(?:(?:never|not|no|no\s+longer|wasn'?t|weren'?t|without)\s+"
                         r"(?:been\s+|an?\s+|any\s+)?|non[- ]?)|(?:☐|\[\s?\])[ \t]*)$")
"""A cue word denied is no cue: "not antalgic", "non antalgic", "without a cane", "gait no
longer antalgic"; so is one an unticked box is printed before ("Gait/balance: ☐ impaired
☑ normal": the answer not chosen)."""
# ("Totals: exercise 7 weeks, manual 3 weeks, ...": a summary line of every course's parts)
TOTAL = re.compile(r"\b(total|totals|in total|overall|altogether|combined|cumulative|all together|"
                   + FOREIGN_TOTAL + r")\b")
_FOREIGN_OR = r"ili|oder|ou|o|eller|lub|albo|nebo|alebo|vagy|veya|sau|või|tai|arba|или"
""""Or" in the languages of referrals from abroad ('"oko 5 ili 6"', "5 oder 6", "5 o 6",
"5 eller 6"): an alternative figure as in English (fresh38 read the 6 of "oko 5 ili 6" as a
baseline). Dutch "of" is left out: English "5 of 6" counts one of several."""
_ALTERNATIVE = re.compile(r"^[^.;\d]{0,25}?\b(?:(?:or|" + _FOREIGN_OR + r")\s+(?:an?\s+)?|"
                          r"(?:possibly|maybe|perhaps|probably)\s+)"
                          r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b")
"""A second figure offered as an alternative ("one set of x-rays, possibly two"; spoken
with its article, "a 5 or a 6, depending on the breath": phrase29a read 5)."""
_JOINED_AFTER = re.compile(r"(?:-to-|[-–/]|[ \t]+(?:to|or)[ \t]+)(?P<w>[a-z]+)")
_JOINED_BEFORE = re.compile(r"\b(?P<w>[a-z]+)(?:-to-|[-–/]|[ \t]+(?:to|or)[ \t]+)$")
"""Another word joined to a choice by "to", "or", or a slash or a hyphen with no space
around it, after it or before it ("moderate-to-severe", "mild/moderate"; a label's
spaced dash, "Pregnancy - she is 61", joins nothing)."""
_SHARE_OF_PERIOD = re.compile(r"[ \t]+(?:out[ \t]+)?(?:of|in|a|per|each|every)[ \t]+"
                              r"(?:(?:the|each|every|a)[ \t]+)?(?:year|month)\b")
"""A length that is a share of each longer period ("3 months of the year", "2 weeks a
month", "a few weeks every year"): how often, not how long."""
_LENGTH_BEFORE = re.compile(r"\d+(?:\.\d+)?[ \t]*(?:days?|weeks?|wks?|months?|mos?)[ \t]+$")
"""A length right before "a month" ("2 weeks a month"): the month is the period it is a
share of, no length of its own."""
_ALTERNATIVE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))[^.;:\d\n]{0,14}?"
    r"(?:,\s*|\s+)(?:or|or\s+(?:maybe|possibly|perhaps|so|else)|" + _FOREIGN_OR +
    r")\s+(?:an?\s+)?$")
_OR_BEYOND = re.compile(r"(?:[ \t]*(?:/[ \t]*10|%|points?|pts?|weeks?|wks?|months?|mos?))?[ \t]+"
                        r"(?:or|and)[ \t]+(?:more|higher|greater|above|beyond|longer|"
                        r"less|lower|fewer|below|shorter|worse)"
                        r"(?=[ \t]*(?:[.,;:!?)\]'\"]|$|\b(?:on|in|at|with|when|per|during|than|"
                        r"for|each|every|most|daily)\b))", re.M)
"""A bound said after its figure ("pain score 6 or higher", "FEV1 70% or less", "12 weeks
or more"): a threshold or a floor, how much is not said (phrase28a read a policy excerpt's
"pain score 6 or higher" as the patient's 6). Not where the word goes on to name another
thing ("pain 7/10 and worse breathlessness", "for five months, and over the past week")."""
_AT_LEAST_PLUS = re.compile(r"\d+(?:\.\d+)?\+(?![ \t]*\d)")
"""A figure with a plus after it ("12+ wks of conservative tx", '"3+ months"'): at least
that much, how much is not said (a sum, "6+4 weeks", is no bound)."""
"""The second of two figures joined by "or" ("a 4 or 5", "5 or 6 weeks", "8 weeks or
10 weeks"): a choice between them, no value of its own; the first is asked by
``_ALTERNATIVE``, this one by what comes before it."""
_EARLIER_ONES = re.compile(r"\b(?:prior|previous|earlier|older|outside)\b")
"""A denial of earlier ones only: "no prior films", "no previous X-rays"."""
_DONE_FOR_A_WHILE = re.compile(
    r"\b(?:stopped|quit|quitted|dropped out|gave up|gave it up|stopped going|discontinued)"
    r"\s+(?:it\s+|them\s+|going\s+)?(?:after|at)\s+(?:about\s+|only\s+|just\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple)\b")
"""A length done, said after a denial in the same statement ("no, I stopped after 4 weeks")."""


def _statement_end(lower: str, at: int) -> int:
    """Where the statement holding ``at`` ends: its line's end or a full stop, whichever
    comes first (past a semicolon, which staff use as a comma)."""
    ends = [i for i in (lower.find("\n", at), lower.find(". ", at)) if i >= 0]
    return min(ends, default=len(lower))


@cache
def _state_length_after() -> re.Pattern[str]:
    """The words of a state right after a length (``state_lengths`` in context.yaml, but
    those that open with "after" or "since": "PT 6 wks after surgery" may be the therapy's)."""
    states = [w for w in context_rules().state_lengths
              if not w.startswith(("after ", "since "))]
    return re.compile(r"\s*(?:of\s+)?(?:" + "|".join(
        re.escape(w) for w in sorted(states, key=len, reverse=True)) + r")(?![\w-])")


_DENIAL_LINKS = frozenset({"being", "be", "is", "was", "she", "he", "her", "currently", "now",
                           "that", "any", "chance", "possibility", "of", "to", "ever", "the",
                           "patient", "pt", "yet", "even", "really", "actually", "it", "s"})
"""Words that carry a denial on to the length after them ("denies any chance of being 16
weeks pregnant"); any other word is a finding the denial is about."""
_LENGTH_OPENS = re.compile(r"(?<![\w./])\d+(?:\.\d+)?[ \t]*(?:weeks?|wks?|w|months?|mos?|days?)"
                           r"[ \t]+(?:of[ \t]+)?$")
"""A length right before a state's word: how long the state has lasted."""


_FOR_BEFORE = re.compile(r"\b(?:for|x|×|over)\s*(?:about\s+|~\s*)?$")
"""A length after "for" or "x": a span of something done, whatever state follows it."""


@cache
def _medicines() -> tuple[str, ...]:
    """The medicines by name (the drugs a count of medication courses counts, in the shared
    reading rules): a count or a length beside one is that medicine's."""
    return tuple(sorted({p for rule in reading_rules(None).values() for p in rule.counts}))


_CLAIM_DENIED = re.compile(r"\b(?:agree|agrees|think|thinks|believe|believes|convinced|sure|"
                           r"say|says|said|claim|claims)\s+(?:that\s+)?")
"""A denial of what someone claims about the care, not of the care ("I do not agree that
conservative care has failed"): no "none" of it."""
_HEDGED = re.compile(r"\b(?:maybe|possibly|perhaps|probably|i think|i guess|i believe|"
                     r"might have been|might be|could have been|could be)\s+(?:about\s+|around\s+)?"
                     r"(?:an?\s+)?$")
"""A figure the writer guesses ("my pain ... was maybe a 5", "probably 8 weeks")."""
_PER_PART = re.compile(rf"^\s*(?:{EACH_WORDS}|a piece|per trial)\b")
_EACH_LASTING = re.compile(r"\s*each\s+(?:over|of|lasting|at least|>=?|≥|longer than|more than|"
                           r"about|~)?\s*\d+(?:\.\d+)?\s*(?:weeks?|wks?|w|months?|mos?)\b")
# (a heading of drugs "tried" says they were taken, not how they went: "Meds tried:
# ibuprofen, naproxen, tramadol (current)" names no failed course, fresh20 and fresh25)
_FAILED_HEAD = re.compile(r"\bfailed\s*:")
_FAILED_ALL = re.compile(r"^[^.;]{0,60}?\b(?:both|all|each)\s+(?:\w+\s+)?(?:failed|ineffective|"
                         r"without (?:relief|benefit))\b")
_AS_DID = re.compile(r"\b(?:failed|no relief|without relief|did not help|didn'?t help)\b[^.;]*,\s*"
                     r"(?:as|and so|so)\s+did\b[^.;,]*$")
_FROM_FIGURE = re.compile(r"\bfrom\s+[\"“]?(?:(?:about|around|roughly|approximately|~)\s*)?"
                          r"(?:an?\s+)?\d+(?:\.\d+)?(?:\s*/\s*10\b)?[\"”]?\s*(?:at|on|in)?\s*\Z")
_TO_NEXT = re.compile(r"\s*,?\s*(?:up |down )?to\s+(?:an?\s+)?")
"""A change told as a span ("risen from 6/10 before any treatment to 8/10", "from 4/10 at
baseline to 7/10"): the words between its figures name the first one, not the second."""
_EFFECT = re.compile(r"\b(?:because of|due to|secondary to|caused by)\b")
_REPEAT = re.compile(r"\b(?:repeat|repeated|follow[- ]?up|f/u|interval|updated|another|"
                     r"second|2nd|new|annual|yearly|"
                     r"(?:this|last|that) (?:year|month|week|quarter|visit)(?:'s|’s|s')?)\s+$")
"""A study denied as a repeat of one ("repeat PFTs not done") or as one period's ("This
year's spirometry was not done" under last year's FEV1, fresh21): not that none was ever
done."""
_REPEAT_NAMED = re.compile(r"(?:repeat|second|2nd|another|third|3rd)\s+(?:set|one|study)\b")
"""A study named as a later one of several ("the second set was not done, it was
cancelled": outside tester 26 F2 recorded X-rays as never done)."""
_SINCE_WINDOW = re.compile(r"^[^.;]{0,30}?\b(?:since|in the (?:last|past)|within|over the "
                           r"(?:last|past)|this (?:year|month)|recently|lately|"
                           # ("No PT in 2026, but 14 weeks in 2025": none that year;
                           # outside tester 28 F9 read 0 weeks and five false zeros)
                           r"(?:in|during)[ \t]+(?:the[ \t]+year[ \t]+)?(?:19|20)\d\d(?!\d))\b")
_EVERY_COURSE = re.compile(r"\b(?:neither|both|either|none|all)\b")
"""Words after a semicolon that say how every course went ("two courses (8 wks, 8 wks);
neither gave lasting relief"): the clause goes on counting the courses before it."""
_CLASS_NAMED_BACK = re.compile(r"\b(?:both|all|the two|the three|these|those|either|neither|"
                               r"each)\s+(?:of\s+(?:the|these|those)\s+)?(?:\w+\s+)?\Z")
"""Words before a drug class that point back at drugs named before ("no meaningful change
after both NSAID trials", "all the NSAIDs"): the class is those drugs again, no new course."""
_DRUG_CLASS = re.compile(r"nsaids?|muscle relaxants?|oral (?:cortico)?steroids?|analgesics?")

_HEADING_LABEL = re.compile(r"\s*[-*•]?\s*[a-z][a-z /&]{0,30}:(?!\S)")
"""A section's label heading a sentence ("Conservative care: ...")."""
_FAILED_AFTER = re.compile(r"\s*(?:,|-|–|—)\s*(?:(?:stopped|discontinued|d/c'?d)\s*[,;–—-]?\s*)?"
                           r"(?:failed|ineffective|not effective|"
                           r"no (?:lasting )?(?:relief|benefit|improvement)|did not help|"
                           r"didn'?t help|no (?:help|change|difference)|no δ|made no difference|"
                           r"did nothing)(?:\s+(?:at all|whatsoever))?\s*(?:[;.,\n]|$)")
"""The item's own verdict right after it: "meloxicam x 8 wk - failed; ...", "naproxen x 8
weeks - stopped, no relief"."""
_RELIEF_GONE = re.compile(
    r"[^;.\n]{0,60}?\b(?:relief|helped|better|improved)\b[^;.\n]{0,30}?,?\s*(?:then|but)\s+"
    r"(?:(?:pain|it|that|the pain|the relief)\s+)?(?:right\s+)?(?:back to (?:baseline|the same|"
    r"square one)|wore off|returned|came back)\b")
"""A relief the item gave that did not last, later in its clause past a comma ("dose pack
08/2026 -- relief for 3 days, then back to baseline"): the course failed."""
_STILL_HELPS = re.compile(r"\b(?:helps|helping|helpful|works|working|current|currently|ongoing|"
                          r"continues|continuing|continued|still taking|still on|tolerating)\b")
_NOT_SO = re.compile(r"\b(?:not|no|never|without|barely|hardly|fail\w*|stopped|d/c)\b|n't\b")


def still_going(said: str) -> bool:
    """Words said of one item of care that call it helping or still taken ("Gabapentin 300
    TID current, helps some"), none denying it: the item is no failed course."""
    return bool(_STILL_HELPS.search(said)) and not _NOT_SO.search(said)


_NOT_FAILED = re.compile(r"\bnot\s+(?:a\s+|one\s+of\s+the\s+)?(?:failed|failure)\b|"
                         r"\b(?:did\s+not|didn'?t|never)\s+fail\b|"
                         r"\bnot\s+(?:counted|to\s+be\s+counted|included)\s+as\s+(?:a\s+)?fail")
"""An item's own words denying it is a failed course ("(not a failed course)", "did not
fail", "not counted as a failure")."""
_FAILED = re.compile(r"\b(failed|fails|failure|(?:no|without) (?:lasting |sustained )?relief|"
                     r"did not help|didn'?t help|ineffective|not effective|"
                     r"no (?:lasting |sustained )?(?:improvement|benefit)|did not work|"
                     r"didn'?t work|unsuccessful|none helped|neither helped|"
                     # no change, or a relief that did not last ("naproxen x 6 wk -> no Δ",
                     # "dose pack - relief for 3 days, then back to baseline")
                     r"no (?:help|change|difference)|no δ|made no difference|did nothing|"
                     r"back to baseline|wore off)(?!\w)")


@cache
@fixed_patterns
def _relatives_report() -> re.Pattern[str]:
    """Another person given as the source, before the value: "per her husband", "according
    to the family", "Mother reports (that) ...", "boyfriend says ..."."""
    people = alternation([*(w for ws in context_rules().pronouns.values() for w in ws),
                          *context_rules().people_of_either_sex, "family", "relatives",
                          "relative", "parents", "parent", "guardian", "caller"])
    whose = r"(?:(?:the|her|his|their|pt'?s|patient'?s|§+'?s)\s+)?"
    return re.compile(
        rf"(?:\b(?:per|according to|as told by|reported by|via)\s+{whose}(?:{people})\b"
        rf"|\b(?:{people})\s+(?:says|said|states|stated|reports|reported|thinks|believes|"
        rf"tells us|told us|mentions|mentioned|informs|informed|claims|claimed)\b)")


@cache
@fixed_patterns
def _relatives_report_after() -> re.Pattern[str]:
    """The source after the value: "pregnant per family", "(per husband)"."""
    people = alternation([*(w for ws in context_rules().pronouns.values() for w in ws),
                          *context_rules().people_of_either_sex, "family", "relatives",
                          "relative", "parents", "parent", "guardian", "caller"])
    whose = r"(?:(?:the|her|his|their|pt'?s|patient'?s|§+'?s)\s+)?"
    return re.compile(rf"[^.;!?\n]{{0,40}}?\b(?:per|according to|as told by|reported by)\s+"
                      rf"{whose}(?:{people})\b")


_AS_A_TIME = re.compile(r"\b(?:during|at the time of|in the course of|at the height of)\s+"
                        r"(?:his|her|their|the patient's|pt's|the)\s+(?:[a-z-]+\s+)?$")
"""An episode named as the time of another reading ("the 11/20 value during his pneumonia",
"sats of 86% at the time of her pneumonia"): a period the reading dates, not a statement
that the episode is still on (fresh20): asked."""
_LATEST = re.compile(r"(?:last|most recent|latest|most-recent)\b")
"""A mention that names the latest of its kind ("last delivery"): see ``_yes_doubted``."""
_VISIT_SERIES = re.compile(r"\b(?:first|initial|1st|previous|prior|second|2nd|middle|each|every)"
                           r"[ \t]+(?:office[ \t]+|clinic[ \t]+)?visit\b")
"""Another visit of a series named in a sentence ("first visit 8, last visit (05/30) 5"):
the last visit there is one of the series, not a record it made."""


@dataclass
class Candidate:
    fact: str
    value: object
    """A raw value for :func:`policies.facts.parse_value`; None = "not sure"."""
    span: tuple[int, int]
    """Where the user's words for it are (absolute offsets)."""
    distance: float = 0.0
    quantity: tuple[int, int] | None = None
    """The number it came from: one number fills one fact."""
    notice: str | None = None
    unread: Unread | None = None
    """Set instead of a value: why the mention settles nothing (it is asked about)."""
    total: bool = False
    dates: list[date] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    """Set facts: members the text denies ("no lifestyle changes")."""
    denial: bool = False
    """A zero read from a denial of the thing ("no PT"), not from a figure."""
    shown: tuple[int, int] | None = None
    """The words shown as its evidence when they are more than ``span``: a denial with
    what it denies ("no active infection", "Cosmetic (Y/N): N"), so the quote carries
    the word the value comes from."""
    word_denied: bool = False
    """A choice read from its word denied ("[ ] Pregnant", "not pregnant"): a lasting
    value inferred elsewhere ("66 yo male") says more."""
    mild: bool = False
    """Set facts: a member named and said not severe ("diabetes, well controlled"): absent
    from the list, but its words name it, so they answer no question of the whole list."""
    doubt: bool = False
    """Unread because the words doubt it ("r/o pneumonia"): a plain yes or no for the
    same fact in the same sentence does not settle it either."""
    topic: bool = False
    """Unread because the words only list it as a thing to check ("checklist reviewed:
    infection, pregnancy"): they say nothing of its value, so an answer given before
    stands (outside tester 28 C3: a reviewed checklist set two settled answers aside)."""
    pieces: tuple[tuple[int, int], ...] = ()
    """A sum of courses: the figures it takes ("course #1 (12 wk): 6 wk exercise, 3 wk
    manual ... Course #2 (13 wk)": the 12 and the 13), where ``quantity`` spans from the
    first to the last and would take the figures between too."""


@dataclass
class Mention:
    """One phrase of a fact found in a clause."""

    fact: str
    spec: FactSpec
    rule: ReadingRule
    clause: Clause
    start: int
    end: int
    kind: str = "plain"


_NOT_A_LABEL = frozenset((
    "total", "about", "approx", "approx.", "approximately", "around", "roughly", "nearly",
    "almost", "only", "just", "all", "in", "for", "over", "x", "est", "est.", "estimated",
    "ie", "i.e.", "eg", "e.g.", "was", "were", "is", "now", "currently", "today", "then",
    "per", "so", "at", "least", "maybe", "probably", "likely", "some", "had", "did", "of",
    "a", "an", "the", "~", "=", "sum", "combined", "overall", "altogether", "each"))


def labelled_in_list(lower: str, start: int, at: int) -> bool:
    """The figure at ``at`` sits in a bracketed list opened after ``start``, right after a
    label of its own ("two failed courses (exercise 8, manual 4, education 4)", "pain
    (back 3, leg 7)"): the figure is that label's, not the thing named before the bracket.
    A bracket of one item ("(oral 38.2)") or a word of amount ("(total 12 wks)") is no
    such list."""
    opened = lower.rfind("(", start, at)
    if opened < 0 or ")" in lower[opened:at]:
        return False
    close = lower.find(")", at)
    if close < 0 or close - at > 200 or not re.search(r"[,;]|\band\b", lower[opened:close]):
        return False
    item = max(lower.rfind(",", opened, at), lower.rfind(";", opened, at), opened) + 1
    label = lower[item:at].strip()
    return bool(re.fullmatch(r"[a-z][a-z/&+.\- ]{1,40}", label)) and \
        label.split()[0] not in _NOT_A_LABEL and label.split()[-1] not in _NOT_A_LABEL


class Reader:
    """Reads candidates for the facts of one message."""

    def __init__(self, text: str, lower: str, context: Context, as_of: date) -> None:
        self.text = text
        self.lower = lower
        self.context = context
        self.as_of = as_of
        self.inferred: set[tuple[int, int]] = set()
        """Spans read by a pattern ("61 yo"): weaker than words that name a value."""
        self._entry_marks: list[tuple[int, date | None | bool]] | None = None
        self._fields: dict[tuple[int, int], str | None] = {}
        """``field_value`` by the mention's span: a mention's field is asked for by
        every test of its reading (about 200 times in a 2 KB note, for 75 spans)."""
        self._openings: list[tuple[int, date]] | None = None
        self._sections: list[tuple[int, date | None]] | None = None
        self._service: list[tuple[date, tuple[int, int]] | None] = []
        """``service_date``, once worked out (it is asked for by several steps)."""
        self._label: list[tuple[int, date] | None] | None = None
        self._hit_memo: dict[tuple[int, int, tuple[str, ...]], list[tuple[int, int]]] = {}
        self._filled_end: list[int | None] = []
        """Where the first "completed by her son" ends, once found: each pain figure asks
        (a search from the text's start per figure made a 10 KB note 15 % slower)."""
        self._cue_memo: dict[tuple[int, int, tuple[str, ...]], list[tuple[int, int]]] = {}
        self._sign_off: str | None = None
        self._dictated: bool | None = None
        """Whether the message is a dictation dated in figures (``_DICTATED``), found once:
        ``dates`` asks for each sentence."""

    def words(self, a: int, b: int) -> str:
        return self.text[a:b].strip()

    def _hits(self, lo: int, hi: int, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        """``hits(self.lower[lo:hi], phrases)``, worked out once per span and list: a rule
        whose cues may be anywhere in the message (``cue_scope: message``,
        ``counts_need_cue``) looked for them again for each of its mentions, so a long
        paste's reading grew with the square of its length."""
        key = (lo, hi, phrases)
        found = self._hit_memo.get(key)
        if found is None:
            found = self._hit_memo[key] = hits(self.lower[lo:hi], phrases)
        return list(found)

    def _free_cues(self, sentence: tuple[int, int], cues: tuple[str, ...]
                   ) -> list[tuple[int, int]]:
        """The ``cues`` in ``sentence`` (offsets in it) that are not denied ("no relief")
        and not in a plan or about someone else: the same for every mention in it."""
        key = (*sentence, cues)
        found = self._cue_memo.get(key)
        if found is None:
            words, base = self.lower[sentence[0]:sentence[1]], sentence[0]
            found = self._cue_memo[key] = [
                (a, b) for a, b in self._hits(sentence[0], sentence[1], cues)
                if not _CUE_DENIED.search(words[max(0, a - 12):a]) and not
                {"hypothetical", "other"} & self.context.at(base + a, base + b)]
        return found

    def _unread(self, m: Mention, why: str, a: int | None = None,
                b: int | None = None) -> Candidate:
        a = m.start if a is None else a
        b = m.end if b is None else b
        return Candidate(m.fact, None, (a, b), 99, unread=Unread(self.words(a, b), why))

    def _listed(self, m: Mention, why: str) -> Candidate:
        """Unread as an item of a list of things to check (``Candidate.topic``)."""
        return replace(self._unread(m, why), topic=True)

    def settles(self, m: Mention) -> str | None:
        """Why the mention states nothing about this patient now: "skip" (someone
        else, planned, not current) or "ask" (uncertain), else None."""
        ctx = self.context.at(m.start, m.end)
        if "hypothetical" in ctx and (self._filed_past_a_plan(m) or m.kind == "opposite" and
                                      _NOT_REACHED.search(self.lower, m.clause.start, m.start)):
            # ("He can't return to full duty": the normal state not reached, which denies
            # it, not a goal: ``_boolean_negated``)
            ctx = ctx - {"hypothetical"}
        if "other" in ctx or ("hypothetical" in ctx and m.rule.planned == "skip"):
            return "skip"
        if m.kind == "plain" and m.rule.care_kinds and self._judges_anothers_care(m):
            return "skip"
        if "historical" in ctx and m.rule.current and not self._latest_of_a_passing_state(m):
            return "skip"
        if m.rule.current and "negated" in ctx and self._care_denied(m) is not None:
            return "skip"  # "never hospitalized for pneumonia": care denied, history
        if m.rule.past_year_clause and self._past_year_in_clause(m):
            return "skip"  # "Fillers in 2024 for looks": that procedure's purpose
        if m.spec.type == "set" and _denied_care_before().search(
                self.lower, max(0, m.start - 120), m.start):
            # "never admitted for pneumonia or COPD" says nothing of whether there is COPD
            # (outside tester 24 was asked whether the COPD was severe)
            return "skip"
        if "uncertain" in ctx and not m.rule.uncertain_counts and not self._accepted_doubt(m):
            return "ask"
        if m.rule.is_record(m.spec, m.fact) and self.context.copied_from_older_at(m.start):
            # A record named in text copied forward from an older note ("** copied from
            # 08/12/2026 visit ** Current meds: naproxen ...", an exam "(copied forward from
            # visit of 11/02/2026)", fresh4) is the old note's: whether it is on file now
            # is asked.
            return "ask"
        if "unknown" in ctx:
            return "ask"  # "not sure about infection": neither yes nor no
        if m.spec.type in ("choice", "boolean") and _QUERIED.match(self.lower, m.end):
            return "ask"  # "She is 10 weeks pregnant? - pt unsure": the writer asks
        if m.spec.type in ("choice", "boolean") and _OPTIONS_PRINTED.match(self.lower, m.end):
            return "ask"  # "Pregnant Y/N column left blank": a label, its answer not given
        if (m.spec.type in ("choice", "boolean") or m.rule.qualifier) and \
                self._names_a_department(m):
            return "skip"  # "Dialysis unit employee health: ...": whose the heading is
        return None

    def _names_a_department(self, m: Mention) -> bool:
        """The condition's word names a place or a service in a heading that opens its line
        ("Dialysis unit employee health: pt is one of our HD techs", "Aesthetic clinic
        intake (shared EHR): ...", "Dialysis med rec: ..."): the heading says who writes,
        not what the patient has (phrase36b read ESRD and a cosmetic purpose from them)."""
        line_start = self.lower.rfind("\n", 0, m.start) + 1
        before = self.lower[line_start:m.start]
        if ":" in before or len(before.split()) > 3:
            return False
        return bool(_DEPARTMENT_AFTER.match(self.lower, m.end))

    def _past_year_in_clause(self, m: Mention) -> bool:
        """A year before this one in the mention's clause, not after "since" (going on),
        where the mention is not denied (``ReadingRule.past_year_clause``)."""
        years = [int(y["y"]) for y in _CLAUSE_YEAR.finditer(self.lower, m.clause.start,
                                                             m.clause.end)]
        return any(y < self.as_of.year for y in years) and not self.negated(m)

    def _judges_anothers_care(self, m: Mention) -> bool:
        """A verdict of the care listed before it on its line ("nothing has worked") where
        every care named there is someone else's ("Her sister tried PT and meds; nothing has
        worked"): the verdict is of their care, not the patient's."""
        lo = max(self.lower.rfind("\n", 0, m.start) + 1, m.start - 200)
        words = tuple(w for kind in m.rule.care_kinds.values() for w in kind)
        named = self._hits(lo, m.start, words)
        return bool(named) and all("other" in self.context.at(lo + a, lo + b) for a, b in named)

    def _latest_of_a_passing_state(self, m: Mention) -> bool:
        """The mention names the latest of a state that ends on its own (``lasts_days``):
        "last delivery", "most recent birth". Its date says whether the state is over, so
        a past date is no history to leave unread (``_yes_doubted``)."""
        return bool(m.rule.lasts_days) and m.spec.type == "boolean" and \
            _LATEST.match(self.lower, m.start) is not None

    def _care_denied(self, m: Mention) -> int | None:
        """Where the denial starts that covers care or a stay for the thing named ("never
        hospitalized for asthma or pneumonia", "has never been admitted or on IV abx for
        pneumonia"): the care is denied, which is history; of the thing now it says
        nothing (``denied_care`` in context.yaml). None where the denial is the thing's."""
        cue = self.context.cue("negated", m.start)
        if cue is None or cue[1] > m.start:
            return None
        # (from the first denial of the sentence: "never treated in hospital for his
        # chest, not for asthma nor pneumonia" goes on denying the same care)
        for a, b in self.context.triggers_before("negated", m.start) or [cue]:
            if _care_for().search(self.lower, b, m.start):
                return a
        return None

    def _filed_past_a_plan(self, m: Mention) -> bool:
        """A record said on file in its own words or right after them (the rule's
        ``filed_where``: "wrote a consult recommending CT chest (consult attached)", "my
        consultation, requested by the PCP ... (on file)"), under a plan word before it
        in its sentence: the plan is the procedure's or was the record's, which is on
        file now (fresh notes: the consult a complete note named was asked)."""
        if not m.rule.filed_where or not m.rule.is_record(m.spec, m.fact):
            return False
        cue = self.context.cue("hypothetical", m.start)
        if cue is None:
            return False
        if cue[0] >= m.end:
            # the writer's own record, then who asked for it: "This note is my pulmonology
            # consultation, requested by the PCP" (the record is the note itself)
            return _OWN_RECORD.search(self.lower, max(0, m.start - 30), m.start) is not None \
                and re.match(r"[\s,]*requested\s+by\b", self.lower[m.end:cue[1] + 4]) is not None
        if cue[1] > m.start:
            return False
        where = alternation(m.rule.filed_where)
        own = re.search(rf"(?<![\w'])(?:{where})(?![\w'])", self.lower[m.start:m.end])
        return own is not None or re.match(
            rf"[ \t(\[),:–—-]*(?:(?:is|are|was|were)[ \t]+)?(?:{where})(?![\w'])",
            self.lower[m.end:m.end + 40]) is not None

    def _accepted_doubt(self, m: Mention) -> bool:
        cue = self.context.cue("uncertain", m.start)
        return cue is not None and self.lower[cue[0]:cue[1]] in m.rule.uncertain_ok

    def _line_end(self, m: Mention) -> int:
        """Where a denial after the mention may still be ("PCP consult - not received")."""
        end = self.lower.find("\n", m.end)
        end = len(self.lower) if end < 0 else end  # the last line (or a one-line message)
        return m.clause.end if end < m.clause.end else min(end, m.clause.end + 40)

    def label_denied(self, m: Mention) -> bool:
        """The mention labels a field whose answer opens with a denial ("Meds: none.
        Active infection: not at this time."), in a line of fields where the answer is
        more than one word."""
        label = _LABEL_END.match(self.lower, m.end)
        if label is None or m.rule.negation_kind(m.spec, m.fact) != "scope":
            return False  # "Chest history: no prior chest complaints": a record's content
        denial = _ANSWER_DENIES.match(self.lower, label.end(), m.clause.end)
        if denial is None:
            return False
        rest = self.lower[denial.end():m.clause.end]
        for a, b in reversed(hits(rest, m.rule.phrases)):
            rest = rest[:a] + " " + rest[b:]  # "Cosmetic: not cosmetic"
        # only the denial and words that qualify it: "no lifting >10 lb" and "no response"
        # say something else
        return bool(_DENIAL_ONLY.fullmatch(rest))

    def negated(self, m: Mention) -> bool:
        value = self.field_value(m)
        if self._label_denies_itself(m) and self._ticked(m, value) is True:
            # a label that opens with its own denial is answered as a whole: "Not
            # responded to conservative treatment: [X] Yes" affirms the "not" (outside
            # tester 33 F7 read a response); its "No" is asked (``field_doubtful``)
            return True
        if value is not None and box_answer(value) in (True, False):
            return box_answer(value) is False  # "Active infection: [ ] Yes [X] No"
        if value in ("y", "yes") and self.box_row(m) == value:
            # "Pregnant [ ] Y [x] N   Infection [x] Y [ ] N": the row after the label answers
            # it; the "N" ticked before it is the field before's (read no infection)
            return False
        if self.label_denied(m):
            return True  # "Infection: no active infection", "Cosmetic: not cosmetic"
        # "Active infection (Y/N): N  (member's wife is being treated for pneumonia)": the
        # answer, then a remark in brackets about it
        if value is not None and _FIELD_NO.fullmatch(
                _REMARK.split(value, maxsplit=1)[0].strip(" |")):
            return True  # "Active infection: N", "| Cosmetic | N |": the form's "no"
        if value is not None and m.rule.is_record(m.spec, m.fact) and _NOT_MET.match(
                value.strip(" |")):
            return True  # an auditor's row "Treatment logs | NOT MET - HEP handout only"
        if self.box_after(m):
            return True  # "Pregnant/postpartum: [ ]": the box not ticked
        if m.rule.denied_after and _denied_after(m.rule.denied_after).match(self.lower, m.end):
            return True  # "Buttock contouring not requested": the phrase's own denial
        if (own_box := self.item_box(m)) is not None:
            return not own_box  # "PT notes [x]   Med list [ ]": its own box, not the one before
        adjacent = (cue := adjacent_negation(self.lower, m.start, m.end, self._line_end(m),
                                             self.text)) is not None and \
            not self._undocumented_care(m, cue)
        ctx = self.context.at(m.start, m.end)
        if "missing" in ctx:
            return True  # listed under "Missing:"
        if m.rule.negation_kind(m.spec, m.fact) == "adjacent":
            return adjacent
        # "Neither PT nor medications helped": the care's outcome is denied, not the care
        # (outside tester 20 F11 read no conservative treatment at all)
        return adjacent or "negated" in ctx and \
            not outcome_denied(self.lower, m.end, self._line_end(m))

    def _state_said_with_length(self, m: Mention) -> bool:
        """A state said with how long it has lasted ("16 weeks pregnant", "6 wks
        postpartum") after a denial of something else in a run-on line ("No chills 16 weeks
        pregnant": outside tester 30 read not pregnant): the length opens a statement of
        its own. A denial right before the length ("not 16 weeks pregnant") still denies."""
        if not _state_length_after().match(self.lower, m.start):
            return False
        lead = _LENGTH_OPENS.search(self.lower, max(0, m.start - 24), m.start)
        cue = self.context.cue("negated", m.start)
        return lead is not None and cue is not None and cue[1] <= lead.start() and \
            bool(set(re.findall(r"[a-z]+", self.lower[cue[1]:lead.start()])) - _DENIAL_LINKS)

    def unticked(self, m: Mention) -> bool:
        """The mention's line opens with an unticked box ("[ ] Failed conservative tx"),
        or its field's answer is one ("Pregnant/postpartum: [ ] - 71 y/o woman"), or its
        own box after it in a row of items ("PT notes [x]   Med list [ ]")."""
        return bool(_UNCHECKED.search(self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start])
                    or self.box_after(m)) or self.item_box(m) is False

    def item_mark(self, m: Mention) -> bool | None:
        """Whether the item's own mark is a tick (True) or a cross (False), where its line
        gives its items marks (`_MARKS_LEAD`); None where it has none."""
        start = self.lower.rfind("\n", 0, m.start) + 1
        end = self._line_end(m)
        if re.match(r"[ \t]*[:?]", self.lower[m.end:m.end + 3]):
            return None  # "Cosmetic? ✗": a field's answer, read as one
        if _MARKS_LEAD.match(self.lower, start, m.start):
            own = _MARK_BEFORE.search(self.lower, start, m.start)
        else:
            own = _MARK_AFTER.match(self.lower, m.end, end)
        return None if own is None else own["mark"] in _MARKS_YES

    def item_box(self, m: Mention) -> bool | None:
        """Whether the box after the mention's item is ticked, where its line lists items
        each with its box after it and none before ("Records rec'd: PT notes [x]   Med
        list [ ]   PCP consult [x]"); None on any other line. The box a line opens with,
        and a row of a field's options ("Yes [ ] No [x]"), are no such boxes. A tick or a
        cross is such a box too (`item_mark`)."""
        if (mark := self.item_mark(m)) is not None:
            return mark
        start = self.lower.rfind("\n", 0, m.start) + 1
        end = self._line_end(m)
        line = self.lower[start:end]
        boxes = list(_BOX_CHARS.finditer(line))
        if len(boxes) < 2 or line[boxes[-1].end():].strip() or \
                not re.search(r"[a-z]", line[:boxes[0].start()]) or \
                re.search(rf"(?<![\w/]){_BOX_OPTION}[ \t]*$", line[:boxes[0].start()]):
            return None
        own = _ITEM_BOX.match(self.lower, m.end, end)
        if own is None or re.search(rf"(?<![\w/]){_BOX_OPTION}(?![\w/])", own["gap"]):
            return None
        return own["box"].strip("[] \t☐") != ""

    def unticked_denial(self, m: Mention) -> bool:
        """The mention sits in an unticked box whose statement is itself a denial
        ("☐ Pregnancy test negative", "[ ] No active infection"). Unticked, the box states
        nothing: not the denial, and not its opposite either (outside tester session 16 F5:
        read as not pregnant). A positive label ("[ ] Pregnant") keeps its reading."""
        if m.spec.type == "boolean" and m.rule.is_record(m.spec, m.fact):
            return False  # "[ ] PCP consult - not received": both say it is not on file
        line = self.lower.rfind("\n", 0, m.start) + 1
        box = _UNTICKED_BEFORE.search(self.lower, line, m.start)
        if box is None:
            return False
        end = self._line_end(m)
        nxt = re.search(r"\[[\sx✓✔]?\]|☐|☑|☒", self.lower[m.end:end])
        item = self.lower[box.start() + 1:m.end + nxt.start() if nxt else end]
        return bool(_ITEM_DENIAL.search(item.lstrip("] "))) or \
            bool(_DENIAL_HEAD.search(self.lower, line, box.start()))

    def _box_unsaid(self, m: Mention) -> Candidate | None:
        """A box marked N/A, or an unticked box of a denial: the fact is asked."""
        if self.boxed_na(m):
            return self._unread(m, "box marked N/A: is it so?")
        if self.unticked_denial(m):
            return self._listed(m, _BLANK_BOX)
        return None

    def _unanswered_choice(self, m: Mention) -> Candidate | None:
        """A choice's words in an unticked box of a denial, or a field with no answer."""
        if self.unticked_denial(m):
            return self._listed(m, _BLANK_BOX)
        if self.unanswered(m):
            return self._unread(m, "no answer given", m.start, self._line_end(m))
        return None

    def _ticked(self, m: Mention, value: str | None) -> bool | None:
        """The yes (True) or the no (False) a box ticked after the mention's label gives,
        or None."""
        if value is not None and box_answer(value) in (True, False):
            return bool(box_answer(value))
        if value in ("y", "yes", "n", "no") and self.box_row(m) == value:
            return value.startswith("y")
        return None

    def _label_denies_itself(self, m: Mention) -> bool:
        """The field's label is the mention after a denial word only, from its line's start
        or its cell's ("5. Not responded to conservative treatment:", "   No improvement
        with PT:"): the label's own denial, which a box ticked "Yes" affirms."""
        before = self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]
        cell = re.split(r" {3,}|\t", before)[-1]
        return _SELF_DENYING_LABEL.fullmatch(cell) is not None

    def box_after(self, m: Mention) -> bool:
        """The field's answer is a lone unticked box: as a box before the label, it does
        not tick the line ("[ ] Pregnant")."""
        value = self.field_value(m)
        line_end = self.lower.find("\n", m.end)
        return value is not None and bool(_LONE_BOX.match(value)) and \
            (line_end < 0 or self.lower.find(value, m.end) < line_end)  # not the next line's

    def unanswered(self, m: Mention) -> bool:
        """The mention labels a field with no answer (see ``_NO_ANSWER``). Records keep
        their own reading: "PT notes: not documented" says they are not on file."""
        if m.rule.negation_kind(m.spec, m.fact) == "adjacent":
            return False
        if self.box_row(m) == "":
            return True  # "Active infection: [ ] Y [ ] N": no box ticked
        end = self.lower.find("\n", m.end)
        rest = self.lower[m.end:end if end >= 0 else len(self.lower)]
        return bool(_NO_ANSWER.match(rest) or _NOT_APPLICABLE.match(rest))

    def not_applicable(self, m: Mention) -> bool:
        """The mention labels a field of a ``na_denies`` fact answered "n/a" or "not
        applicable", a remark after it or not ("Cosmetic indication - not applicable",
        "Cosmetic: N/A - pain/function request"): the exclusion does not apply."""
        if not m.rule.na_denies or m.kind == "opposite":
            return False
        value = self.field_value(m)
        return value is not None and re.match(
            r"(?:n/a|na|n\.a\.?|not applicable)(?![\w/])[ \t.]*(?:$|[-–—(,;]|\.\s)",
            value.strip()) is not None

    def _record_not_applicable(self, m: Mention) -> bool:
        """A record's field answered "n/a" ("Specialist consult: n/a" on an intake form):
        the filler found the field not applicable to the request, or skipped it; it does
        not say the record is missing (fresh9 read no consult on file). Asked."""
        if not m.rule.is_record(m.spec, m.fact):
            return False
        value = self.field_value(m)
        return value is not None and \
            re.fullmatch(r"(?:n/a|na|n\.a\.?|not applicable)[ \t.]*", value.strip()) is not None

    def box_row(self, m: Mention) -> str | None:
        """The ticked answer of a row of boxes after the mention's label ("Suspected
        bacterial PNA: [ ] Y [x] N" gives "n"); "" when no box or several are ticked, or
        the one ticked does not say yes or no; None when no such row follows."""
        row = _BOX_ROW.match(self.lower, m.end)
        if row is None:
            return None
        # The label runs from the line's start, a wide gap or the row of the field
        # before it ("Active infection [ ] Y [x] N   Severe comorbidities [ ] Y [x] N").
        before = self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]
        # A quoted answer ends the field before it ('What brings you to PT? "Hip pain."
        # Cosmetic reasons? [ ] Yes [x] No').
        label = re.split(rf" {{3,}}|\t|{_TICK}[ \t]*{_BOX_OPTION}|(?<=\S)[\"”][ \t]+", before)[-1]
        # A sentence ended just before the label opens a new field ("Pregnancy test
        # negative. Infection at injection site: [ ] yes [x] no": the row answers the
        # infection; outside tester session 16 F5 read it as an infection).
        parts = re.split(r"[.;!?](?:\s|$)", label[QUESTION_LEAD.match(label).end():])
        if len(parts) > 1 and len(parts[-1].split()) > 3:
            return None  # the mention is in a sentence before the row, not its label
        options = _OPTION_TICKED if row["after"] else _TICKED_OPTION
        ticked = [x["option"] for x in options.finditer(row["row"])
                  if x["box"] not in ("[ ]", "[]", "☐")]
        if len(ticked) != 1 or ticked[0] not in ("y", "yes", "n", "no"):
            return ""
        return ticked[0]

    def field_value(self, m: Mention) -> str | None:
        """The answer of the form field the mention labels ("Pregnancy: G2P2" gives
        "g2p2"), or None when the mention is not a field's label."""
        span = (m.start, m.end)
        if span not in self._fields:
            self._fields[span] = self._field_value(m)
        return self._fields[span]

    def _field_value(self, m: Mention) -> str | None:
        either = self._or_answer(m)
        if either is not None:
            return either
        boxed = self.box_row(m)
        if boxed is not None:
            return boxed
        before = self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]
        # ("Comorbidity: none   Cosmetic: no", "[X] Pregnancy: N/A [X] Cosmetic: no": a
        # form's fields set apart on one line by a wide gap or by the box each item opens
        # with; each opens there)
        cell = re.split(r" {3,}|\t|[ \t](?=\[[ x]?\]|☐|☑|☒)", before)[-1]
        if re.fullmatch(r"[ \t]*(?:\[[ x]?\]|☐|☑|☒)?[ \t]*", cell) and \
                re.match(r"[ \t]*[:?]", self.lower[m.end:m.end + 3]):
            # (the mention opens its cell and its colon follows; "Sex: M     DOB: ..." is no
            # label "M DOB")
            before = cell
        # "LBP. Infection: N", "pain 7/10, infection: N, cosmetic: N": a field may run on
        # in a line of sentences or a list, after its last break, when its answer is
        # one word ("N", "no", "Y").
        # ("Pregnant/postpartum:": a label of two names is one label; so is a label given
        # in two languages, "Embarazo / pregnancy: UPT NEGATIVA", fresh24)
        before = re.sub(r"(?:^|(?<=\s))[a-z]+[ \t]*/[ \t]*$", "", before)
        # ("ROS: Infection: N", "Screening: Infection - afebrile": the line's heading
        # before its first field is no sentence)
        before = re.sub(r"^[ \t]*[a-z][a-z/&]*(?:[ \t][a-z/&]+)?[ \t]*:[ \t]*$", "", before)
        # ("Any infection: nah", "Current infection: nope": a form's question word opening
        # the label keeps it a label, not a sentence affirming its word)
        before = re.sub(r"^([ \t]*(?:\d{1,2}[.)][ \t]*)?)(?:any|current|currently|recent|new)"
                        r"[ \t]+$", r"\1", before)
        run_on = re.search(r"[a-z]{2}", before.replace("[x]", "")) is not None
        match = _FIELD.match(self.lower, m.end)
        if run_on and re.search(r"[a-z]{2}", re.split(r"[.,]\s|;", before)[-1]) and \
                not self._asked_label(before, m.end, match) and not _row_answers(match):
            return None  # a word before it: a sentence, not a field's label
        if match is None:
            return None
        if before.strip().startswith(("[x]", "☑", "☒", "✔", "✓")):
            # "[x] Pregnant": the box is the answer; but "[X] Cosmetic: no Scheduler
            # comment: ..." (a checklist's lines joined into one) gives its field's answer
            return self._answer_before_label(match.start("value"), None)
        value = _LEGEND.sub("", _first_cell(_SMART_FIELD.sub(r"\1", match["value"]).strip()))
        value = self._answer_before_label(match.start("value"), value)
        # ("Nothing urgent. Pregnancy - she's 58, post-menopausal": a label opening a
        # sentence of a reply heads its answer, however long, as at a line's start)
        if run_on and len(_REMARK.split(value, maxsplit=1)[0].split()) != 1 and \
                box_answer(value) is None and not re.search(r"[.;!?]\s+$", before):
            return None
        return value

    def _or_answer(self, m: Mention) -> str | None:
        """The answer to a question that asks of two things at once, the mention one of them
        ("Are you currently pregnant, or have you given birth in the past 6 months?  ☐ Yes
        ☒ No"; phrase26b read a pregnancy): a no denies each ("no"), a yes does not say
        which ("either", asked); None where the mention is in no such answered question."""
        end = self.lower.find("\n", m.end)
        end = len(self.lower) if end < 0 else end
        # (a label's colon too: "E7 pregnant or postpartum: ☐ (58-year-old man)", phrase32a
        # read the unticked label a postpartum)
        mark = min((i for i in (self.text.find("?", m.end, end), self.text.find(":", m.end, end))
                    if i >= 0), default=-1)
        if mark < 0 or re.search(r"[.;!](?:\s|$)", self.lower[m.end:mark]):
            return None
        opened = max(self.lower.rfind(c, 0, m.start) for c in ".;!?:\n") + 1
        asked = _BRACKETED_WORDS.sub(" ", self.lower[opened:mark])
        answer = _OR_ANSWER.match(self.lower, mark + 1)
        if answer is None or not _OR_ASKED.search(asked):
            return None
        if self.text[mark] == ":" and not answer["lone"]:
            # (a label's colon takes only its lone empty box: "Pain mgmt or PCP
            # consultation attached: Yes" is one record's field, f2's portal form)
            return None
        if answer["row"]:
            ticked = [x["option"] for x in _TICKED_OPTION.finditer(answer["row"])
                      if x["box"] not in ("[ ]", "[]", "☐")]
            if len(ticked) != 1 or ticked[0] not in ("y", "yes", "n", "no"):
                return None
            said = ticked[0]
        else:
            said = answer["word"] or "no"  # (a lone box left unticked)
        return "either" if said.startswith("y") else "no"

    def _answer_before_label(self, at: int, value: str | None) -> str | None:
        """A one-word answer with the next field's label right after it on its line ("Cosmetic:
        no Scheduler comment: ...", a form's lines joined into one when pasted in a chat box):
        the answer is the word, not the next field (outside tester 24 F5 read the field
        unanswered, and the "none" of the field before it as the list's)."""
        word = _ONE_WORD_ANSWER.match(self.lower, at)
        if word and (value is None or value.startswith(word["word"])) and \
                _NEXT_LABEL.match(self.text, word.end()):
            return word["word"]
        return value

    def _asked_label(self, before: str, end: int, match: re.Match[str] | None) -> bool:
        """The mention is in a yes/no question that opens its line, answered on it: the
        question is the field's label ("Is the chest CT for body-contouring planning? No
        -- it was ordered by pulmonology ...", fresh18), as "Cosmetic? No" is."""
        before = before[QUESTION_LEAD.match(before).end():]  # "Q15. Is ...": its number
        if match is None or not _ASKED_LABEL.match(before) or \
                re.search(r"[.;!?](?:\s|$)", before):
            return False
        mark = self.text.find("?", end, match.start("value"))
        return mark >= 0 and re.match(r"[ \t]*(?:no|n|yes|y)\b", self.lower[mark + 1:]) is not None

    def field_unaffirmed(self, m: Mention) -> bool:
        """The mention labels a field whose answer does not affirm it: "Pregnancy: G2P2",
        "Pregnant - unsure", "Pregnancy: LMP 2 wks ago". The label's word is no answer."""
        value = self.field_value(m)
        if value is not None and box_answer(value) is not None:
            return box_answer(value) is not True
        if value is None:
            return False
        yes = _AFFIRMED.match(value)
        return yes is None or m.rule.current and _answered_for_then(value[yes.end():],
                                                                    self.as_of)

    def label_unaffirmed(self, m: Mention) -> bool:
        """A finding's plain word labels a form field ("Infection: afebrile (36.7), no
        current infection") whose answer does not affirm it: the label names what the field
        is about (a template's heading, an ROS line), not that the patient has it. Only
        for facts a form asks as a field's topic (rule ``field_topic``), or under a legend
        of yes/no answers ("Bronchodilator failure (Y/N/U): U"): elsewhere a label may
        head its own evidence ("Daily life: stopped her shifts")."""
        if m.kind != "plain" or m.spec.type != "boolean" or \
                m.rule.negation_kind(m.spec, m.fact) != "scope":
            return False
        line = self.lower.rfind("\n", 0, m.start) + 1, self._line_end(m)
        if self._criterion_named(m, *line):
            return True
        label = _TOPIC_LABEL.match(self.lower, m.end, line[1])
        if label is None or re.search(_TICK, self.lower[line[0]:m.start]) or \
                not (m.rule.field_topic or label["legend"]):
            return False  # "- [x] Decreased ROM": the box answers
        value = self.field_value(m)
        if not value or not value.strip() or box_answer(value) is not None:
            return False
        return not _AFFIRMED.match(value) and \
            not value.startswith(tuple(m.rule.uncertain_ok or ("\0",)))

    def _listed_label(self, m: Mention) -> bool:
        """The mention opens a list of labels that a colon closes, its answer after the
        colon not affirming it ("Infection, bleeding risk: none of these", a huddle's
        "Infections, bleeding, anything?" answered "No infection, no blood thinners"): the
        label names what is asked; the answer's own words say how it is."""
        if m.kind != "plain" or m.spec.type != "boolean" or m.rule.is_record(m.spec, m.fact):
            return False  # ("PT notes, modality flowsheet, med list: all in chart": on file)
        line_start = self.lower.rfind("\n", 0, m.start) + 1
        if not _LIST_OPENS.fullmatch(self.lower, line_start, m.start):
            return False
        listed = _LABEL_LIST.match(self.lower, m.end, self._line_end(m))
        return listed is not None and not _AFFIRMED.match(listed["value"])

    def _criterion_named(self, m: Mention, start: int, end: int) -> bool:
        """The mention opens its line and a dash follows it, and the line names the fact
        again after the dash: an audit's or a checklist's criterion, then its finding
        ('Infection - "denies fevers, no active infection" (p. 2) OK', fresh24): the
        finding after the label says what was found, not the label."""
        if not re.fullmatch(r"[ \t>*•-]*(?:\d{1,2}[.)][ \t]*)?", self.lower[start:m.start]):
            return False
        dash = re.match(r"[ \t]*(?:\([^()\n]{0,30}\))?[ \t]+[-–—]+[ \t]+", self.lower[m.end:end])
        return dash is not None and bool(hits(self.lower[m.end + dash.end():end],
                                              m.rule.phrases + m.rule.affirm_only +
                                              m.rule.opposite))

    def _label_only(self, m: Mention) -> Candidate | None:
        """The label of a field whose answer does not affirm it: none of its own where the
        answer names the fact again ("Infection: afebrile, no current infection": the
        answer's mention is read), else asked ("Infection: afebrile")."""
        end = self._line_end(m)
        if hits(self.lower[m.end:end], m.rule.phrases + m.rule.affirm_only + m.rule.opposite):
            return None
        return self._unread(m, "what is the answer?", m.start, end)

    def field_doubtful(self, m: Mention) -> bool:
        """"Active infection - unsure", "Cosmetic purpose: possible": a doubtful answer."""
        value = self.field_value(m)
        if value is not None and box_answer(value) == "ask":
            return True  # "Infection: [ ] Yes [ ] No": no box ticked, or both
        if value == "either":
            return True  # "Pregnant, or given birth recently? Yes": which one?
        if self._label_denies_itself(m) and self._ticked(m, value) is False:
            return True  # "Not responded to conservative treatment: [X] No": a double denial
        doubt = _DOUBTFUL.match(value or "")
        if value and _VALUE_IN_ERROR.search(value):
            return True  # "Active infection: Y  (error - should read N; see addendum)"
        return doubt is not None and doubt.group(0) not in m.rule.uncertain_ok

    def unknown(self, m: Mention) -> bool:
        """The user says the value is not known ("pregnancy status unknown", "FEV1: not
        sure"). A doubt elsewhere in the sentence ("unclear whether she is unstable") is
        not a value: the fact is asked about instead. A pronoun that names the patient's sex
        (rule key ``alone``) is no value the doubt after it is about: "he is not sure of the
        date" doubts a date, not that he is a man (phrase33a read the pregnancy "not sure")."""
        if any(self.lower[m.start:m.end] in words for words in m.rule.alone.values()):
            return False
        return bool(_UNKNOWN_AFTER.match(self.lower[m.end:m.clause.end]))

    # ------------------------------------------------------------ booleans

    def boxed_na(self, m: Mention) -> bool:
        return bool(_NA_BOX.search(self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]))

    def unchecked(self, m: Mention) -> bool:
        """The mention is the label of an unticked box ("[ ] Medication list"). A finding
        ("[ ] Active infection" in a screen) is denied by the box as by "no" (context)."""
        if m.spec.type == "boolean" and m.rule.negation_kind(m.spec, m.fact) == "scope" and \
                m.rule.unchecked != "ask":
            return False  # unless the rule says a reviewer judges it ("[ ] Impaired gait")
        return self.unticked(m)

    def _unchecked(self, m: Mention) -> Candidate:
        """An unticked box: a record is not on file; a criterion or a figure is not
        confirmed, so it is asked ("[ ] Failed conservative tx" does not say it did not
        fail)."""
        line_end = self._line_end(m)
        rest = self.lower[m.end:line_end]
        # ("Med list w/ doses:  ☐ not on chart": the line says it is missing, whatever it asks)
        qualified = _BOX_QUALIFIER.search(rest) and not _RECORD_DENIED.search(rest)
        if m.spec.type == "boolean" and m.rule.is_record(m.spec, m.fact) and not qualified:
            return Candidate(m.fact, not m.rule.polarity, (m.start, m.end))
        # "[ ] H&P within 30 days - last H&P 9/15/2026": the box may be unticked for its
        # limit, not because there is no H&P.
        return self._listed(m, _BLANK_BOX)

    def boolean(self, m: Mention) -> Candidate | None:
        seen = self.settles(m)
        if seen == "skip":
            return None
        if seen == "ask":
            return replace(self._unread(m, f"possible {m.spec.label.lower()}?"), doubt=True)
        if (unsaid := self._box_unsaid(m)) is not None:
            return unsaid
        if self.unchecked(m):
            return self._unchecked(m)
        if self.not_applicable(m):
            return Candidate(m.fact, not m.rule.polarity, (m.start, self._line_end(m)))
        if self.unanswered(m) or self._record_not_applicable(m):
            return self._unread(m, "no answer given", m.start, self._line_end(m))
        if self.field_doubtful(m):
            return self._unread(m, "is that a yes or a no?", m.start, self._line_end(m))
        if m.rule.is_record(m.spec, m.fact) and (booked := self._dated_after_today(m)):
            return self._unread(m, "it is dated after today: booked, or done?", m.start, booked)
        after, before = self.lower[m.end:m.clause.end], self.lower[m.clause.start:m.start]
        if m.rule.normal is not None and (_POST_NORMAL.match(after) or _PRE_NORMAL.search(before)):
            return Candidate(m.fact, m.rule.normal, (m.start, m.end))
        if (unsaid := self._unknown_or_undocumented(m)) is not None:
            return unsaid
        negated = self._boolean_negated(m)
        if negated and (elsewhere := self._record_elsewhere(m)) is not None:
            return elsewhere
        if not negated and (self.label_unaffirmed(m) or self._listed_label(m)):
            return self._label_only(m)
        if negated and (m.kind == "positive_only" or self._site_denied(m)) and \
                not self._denied_together(m):
            # "he doesn't have a UTI" rules out one kind, not all: what is still open is
            # said (outside tester 18 C1: "UTI: active infection?" read as not heard)
            return self._unread(m, f"ruled out, as said; is there any other "
                                   f"{m.spec.label.lower()}, or none?")
        polarity = (not m.rule.polarity) if m.kind == "opposite" else m.rule.polarity
        doubt = self._yes_doubted(m) if polarity != negated else self._gain_lost(m, negated)
        if doubt is not None:
            return doubt
        return Candidate(m.fact, polarity != negated, (m.start, m.end),
                         shown=self._denial(m) if negated else None)

    def _gain_lost(self, m: Mention, negated: bool) -> Candidate | None:
        """An improvement taken back later in its sentence ("improved with PT at first,
        then plateaued and regressed"; outside tester 30 F5 read a response, a false
        denial): a gain that did not last is no response, so it is asked; else None."""
        if m.kind != "opposite" or negated or not m.rule.opposite_undone:
            return None
        end = self._sentence_end(m.end)
        found = self._hits(m.end, end, m.rule.opposite_undone)
        return self._unread(m, "it helped, then the gain was lost: did it fail?", m.start,
                            m.end + found[-1][1]) if found else None

    def _site_denied(self, m: Mention) -> bool:
        """A plain phrase denied by a denial before it, with a word of a site or a kind
        between, none of the rule's ``denied_whole_after`` ("No OHSS, no pelvic infection
        after retrieval": the pelvis ruled out, not any infection; fresh32)."""
        if not m.rule.denied_whole_after or m.kind != "plain":
            return False
        before = _WORD_BEFORE.search(self.lower, max(m.clause.start, m.start - 40), m.start)
        cue = self.context.cue("negated", m.start)
        if before is None or cue is None or cue[1] > before.start(1) or cue[0] > m.start:
            return False  # the denial's own word ("no infection"), or a denial after it
        word = before[1].strip(".,:;()")
        if re.fullmatch(r"\[[^\]]{0,2}\]?|[x✓✔☑]", word):
            return False  # "denies: [x] fever [x] infection": a box's tick, no site
        return re.search(r"[^\W\d_]", word) is not None and "/" not in word and \
            word not in m.rule.denied_whole_after

    def _record_elsewhere(self, m: Mention) -> Candidate | None:
        """A record said missing that another holder lacks, or said to have been sent: the
        denial is not of our file, so it is asked, not read as "not on file"."""
        if not m.rule.is_record(m.spec, m.fact):
            return None
        if self._others_file(m):
            return self._unread(m, "another holder lacks it: is it on our file?")
        if self._said_sent(m):
            return self._unread(m, "said to have been sent: is it on file now?")
        end = self._sentence_end(m.end)
        if (sent := _NOT_SENT.search(self.lower, m.end, end)) and \
                _WILL_SEND.search(self.lower, sent.end(), end):
            # "the PCP's note has not been sent yet, office will fax it": on its way
            return self._unread(m, "on its way: is it on file now?")
        return None

    def _day_after(self, m: Mention) -> tuple[date, int] | None:
        """The day right after a record's name, in its sentence ("consult 10/20/2026",
        "consult (12/18)", "consultation of 11/10/2026"), and where the day ends."""
        writer = _WRITER_BRACKET.match(self.lower, m.end)
        start = writer.end() if writer else m.end
        found = dates_in(self.lower[start:self._sentence_end(start)], self.as_of)
        if not found or found[0][0] is None:
            return None
        day, (a, b) = found[0]
        if not _DAY_RIGHT_AFTER.fullmatch(self.lower, start, start + a):
            return None
        return day, start + b  # type: ignore[return-value]

    def _month_day_after(self, m: Mention) -> tuple[date, int] | None:
        """A month and day with no year right after the record ("saw him 11/22 and
        expects ...", "consult (12/18)"): that day of this year. One after today is not
        moved back a year: "consult 12/20" written on 12/06 is a booking."""
        writer = _WRITER_BRACKET.match(self.lower, m.end)
        md = _MONTH_DAY_AFTER.match(self.lower, writer.end() if writer else m.end)
        if md is None:
            return None
        month, day = (int(x) for x in re.findall(r"\d+", md.group())[:2])
        try:
            when = date(self.as_of.year, month, day)
        except ValueError:
            return None
        return when, md.end()

    def _dated_after_today(self, m: Mention) -> int:
        """Where the day ends, when a record has a day after today right after its name
        ("Ortho consult 12/20/2026", "pulm consult (12/18)"): a booking, not a record on
        file; else 0."""
        after = self._day_after(m)
        return after[1] if after is not None and after[0] > self.as_of else 0

    def _yes_doubted(self, m: Mention) -> Candidate | None:
        """Why a yes read from the mention is asked instead, or None."""
        if self.context.topic_item(m.start, m.end):
            return self._listed(m, f"listed as a thing to check: {m.spec.label.lower()}?")
        if not self.qualified(m) or self.denial_follows(m):
            return self._unread(m, f"{m.spec.label.lower()}?")
        if _NO_ANSWERS_ITS_LABEL.match(self.lower, m.end, self._line_end(m)):
            # "Anything cosmetic about this shot: No, it's for the pain." (the "No," read as
            # an interjection left "cosmetic" stated: a denial of 64493)
            return self._unread(m, "is that a yes or a no?", m.start, self._line_end(m))
        if m.rule.past and not self.in_past(m):
            return self._unread(m, "a previous episode, or this one?")
        if m.rule.episode and (self.episode_over(m) or _AS_A_TIME.search(
                self.lower, max(0, m.start - 40), m.start)):
            return self._unread(m, "is it still so, or over?")
        if self._latest_of_a_passing_state(m):
            # "Last delivery 2019": the latest of a state that ends on its own, dated
            # longer back than it lasts, says it is over; undated, it says nothing of now
            if self.dated_since(m, m.rule.lasts_days or 0):
                return Candidate(m.fact, False, (m.start, m.end))
            if not self.dated_since(m, 0):
                return self._unread(m, "when was that?")
        if m.rule.lasts_days and self.dated_since(m, m.rule.lasts_days):
            return self._unread(m, "it is dated a while back: is it still so?")
        return None

    def denial_follows(self, m: Mention) -> bool:
        """A record named and then a denial the reading lists do not hold ("Inflammatory
        markers never checked this episode", "PCP note - not ordered yet"): not on file
        as said, and not plainly absent either, so asked."""
        if not m.rule.is_record(m.spec, m.fact):
            return False
        rest = self.lower[m.end:m.end + 120]
        if _DENIAL_AFTER.match(rest[:40].split("\n")[0]) or _NOT_YET_LATER.match(rest):
            return True
        start, end = self.context.sentence_span(m.clause)
        if _PROMISED_LIST.search(self.lower, max(start, m.start - 100), m.start) or \
                self._being_sent(m, start, end) or self._held_elsewhere(m, start, end) or \
                self._of_another_thing(m) or \
                _LIST_THEN_LATER.match(self.lower, m.end, min(end, m.end + 120)) or \
                self._not_yet_on_file(m, end) or self._only_cited(m, start, end) or \
                self._asked_for(m, start, end) or self._cited_for_a_finding(m, start, end) or \
                self._row_unfiled(m):
            return True
        later = _SENT_LATER.search(self.lower, m.end, min(end, m.end + 160))
        if later is None:
            return False
        # (the record's own name may run on: "PCP consult letter - they'll send it")
        own = re.search(r"\s[-–—]+\s|[:;,(]", self.lower[m.end:later.start()])
        return not _ANOTHER_RECORD.search(self.lower, m.end + (own.end() if own else 0),
                                          later.start())

    def _being_sent(self, m: Mention, start: int, end: int) -> bool:
        """Someone other than the writer is sending the record now ("Sending PT notes +
        plan of care today" from the clinic's front desk): not on file yet, unless its
        sentence says it is ("sending the PT notes, attached")."""
        sending = _SENDING_LIST.search(self.lower, max(start, m.start - 100), m.start)
        if sending is None:
            return False
        who = re.split(r"[\s']", sending["who"] or "")
        if who[0] in ("we", "i"):
            return False
        return not _record_words("on_file").search(self.lower, start, end)

    def _held_elsewhere(self, m: Mention, start: int, end: int) -> bool:
        """The record kept by someone who is not this office, or at a place outside it
        ("PT keeps her log book in the folder on the kitchen table", "pt keeps his PT notes
        at home", "the therapist has the session log with her"): that copy is not on file
        here, so asked, unless its sentence says it is on file too."""
        if _record_words("on_file").search(self.lower, start, end):
            return False
        line = max(start, self.lower.rfind("\n", 0, m.start) + 1)
        held = _HOLDER_KEEPS.search(self.lower, max(line, m.start - 60), m.start)
        if held is not None:
            ours = set(context_rules().records.get("our_files", []))
            before = self.lower[max(line, held.start("subj") - 30):held.start("subj")]
            ours_before = re.search(r"\bour\s+(?:[\w'-]+\s+){0,2}\Z", before)
            if held["subj"] not in ours | _NO_HOLDER and not ours_before:
                return True
        return _HELD_AT.search(self.lower, m.end, min(end, m.end + 80)) is not None

    def _others_file(self, m: Mention) -> bool:
        """A denial of having the record whose holder is someone else's office, the patient
        or "they" ("They do NOT have her med list - said to get from PCP"): says nothing of
        whether this file has it. "We don't have that note", "chart has no med list" and a
        denial with no holder named are this file's."""
        line = self.lower.rfind("\n", 0, m.start) + 1
        held = _HOLDER_DENIES.search(self.lower, max(line, m.start - 80), m.start)
        if held is None:
            return False
        ours = set(context_rules().records.get("our_files", []))
        before = self.lower[max(line, held.start("subj") - 30):held.start("subj")]
        return held["subj"] not in ours and not re.search(r"\bour\s+(?:[\w'-]+\s+){0,2}\Z",
                                                          before)

    def _said_sent(self, m: Mention) -> bool:
        """Later in the sentence of a record denied on file, someone says it was sent
        (``records.said_sent``: "..., which the clinic says it faxed on 01/12/2027", "no PT
        notes here - therapist says she emailed them Monday"): lost or not filed yet, not
        absent. Not a sending denied or still to come ("never faxed", "to be sent")."""
        end = self._sentence_end(m.end)
        full = _FULL_STOP.search(self.lower, end)
        stop = full.start() if full else len(self.lower)
        for found in _record_words("said_sent").finditer(self.lower, m.end, max(end, stop)):
            before = self.lower[max(m.end, found.start() - 30):found.start()]
            if _SENDING_UNDONE.search(before) or _ASKING_SENT.search(before):
                continue
            # (past a semicolon only the record itself: "...; ortho says they sent it", not
            # "No consult; PT notes faxed")
            if found.start() < end or _SENT_IT.match(self.lower, found.end()):
                return True
        return False

    def _row_unfiled(self, m: Mention) -> bool:
        """A table's or a queue's row whose later cell (set apart by a bar or a tab) gives
        the record named in it a status of not on this file ("PT treatment log | DOS
        09/05-11/28 | NOT RECEIVED - request #3 sent", "Vitals flowsheet | 12/19 | Status:
        pending - page blank"): the status is cells away from the name, past its day, so
        the words right after the name never saw it. Asked, unless a cell after the status
        says it came ("on hold (wrong MRN), moved 12/16, now on this chart")."""
        # (as written: a table's bars are read as colons and semicolons by now)
        end = self.text.find("\n", m.end)
        row = self.text[m.end:len(self.text) if end < 0 else end].lower()
        cells = _ROW_CELL.split(row)
        if len(cells) < 2:
            return False
        for i, cell in enumerate(cells[1:], 1):
            if _record_words("row_filed_after").search(cell) and \
                    not _record_words("row_not_filed").search(cell):
                return False  # an earlier cell's record said filed: "indexed", "received"
            status = _STATUS_LABEL.sub("", cell.strip(), count=1)
            found = _record_words("row_not_filed").match(status)
            if found is None:
                continue
            rest = status[found.end():] + " ".join(cells[i + 1:])
            return not _record_words("row_filed_after").search(rest)
        return False

    def _not_yet_on_file(self, m: Mention, end: int) -> bool:
        """Later in the record's sentence, words that say it is not on file yet
        (``records.not_yet``: "pulm consult - they saw him 11/20 but the note isn't signed
        yet", "the referral letter for the CT is to be written"); not past words that say
        it is on file, nor past another record named after a break ("PCP note attached,
        MRI report not received")."""
        found = _record_words("not_yet").search(self.lower, m.end, min(end, m.end + 160))
        while found is not None and _SEEN_AGAIN.match(self.lower, found.end()):
            # "consult 10/02 - will see her back in 6 wks": a follow-up of a consult done
            found = _record_words("not_yet").search(self.lower, found.end(), min(end, m.end + 160))
        if found is None:
            return self._promised_next(m, end)
        between = _BACK_REFERENCE.sub(lambda x: " " * len(x.group()),
                                      self.lower[m.end:found.start()])
        filed = [f.end() for f in _record_words("on_file").finditer(between)]
        if filed and not re.search(r"\b(?:but|however|yet)\b", between[filed[-1]:]):
            return False  # "consult attached and signed" ... said on file, not contradicted
        breaks = [b.end() for b in _STATUS_SEP.finditer(between)]
        return not (breaks and _ANOTHER_RECORD.search(between, breaks[0]))

    def _promised_next(self, m: Mention, end: int) -> bool:
        """The sentence right after the record's, short and naming no other record, says it
        comes later ("THERAPIST GIVE ME PAPER LOG. I BRING NEXT VISIT.", "Ortho consult
        done last week. They will fax it."): the promise is the record's. Not where the
        record's own sentence says it is on file."""
        start = self.context.sentence_span(m.clause)[0]
        if _record_words("on_file").search(self.lower, start, end) or \
                not re.search(r"[.!?\n][\"')]*[ \t]*\Z", self.lower[max(start, end - 4):end + 1]):
            return False  # on file, or the record's clause ends at a semicolon ("; labs ...")
        nxt = self.lower[end:end + 200]
        stop = _SENTENCE_STOP.search(nxt.lstrip(" \t.!?\n\"')")) if nxt.strip() else None
        lead = len(nxt) - len(nxt.lstrip(" \t.!?\n\"')"))
        sentence = nxt[:lead + (stop.start() if stop else len(nxt) - lead)]
        if "\n\n" in sentence or len(sentence.split()) > 10 or \
                _ANOTHER_RECORD.search(sentence) or _record_words("on_file").search(sentence):
            return False
        found = _record_words("not_yet").search(sentence)
        # only a promise to deliver or to see ("I bring next visit", "They will fax it"):
        # a status there ("Labs not obtained.") may be another thing's
        return found is not None and _PROMISE.search(found.group()) is not None and \
            not _SEEN_AGAIN.match(sentence, found.end())

    def _only_cited(self, m: Mention, start: int, end: int) -> bool:
        """The record named as another figure's source ("actually 12 per PT log", "Per
        med list: naproxen 500 BID"), and its sentence saying neither that it is on file
        nor its date: where a figure came from, not a record on file."""
        line = max(start, self.lower.rfind("\n", 0, m.start) + 1, m.start - 40)
        if not _cited().search(self.lower[line:m.start]):
            return False
        return not (_record_words("on_file").search(self.lower, start, end) or
                    _DATE_AFTER.match(self.lower, m.end))

    def _cited_for_a_finding(self, m: Mention, start: int, end: int) -> bool:
        """A fact asking for a consultation, and the text naming only a note, a letter or a
        report as the subject of a verb quoting what it says ("PCP note says
        'moderate-severe'", "PCP note 11/20 documents no active infection"): where a
        finding came from, not a consultation said on file; asked, unless its sentence
        says it is on file in other words ("PCP note attached; it documents ...")."""
        if "consult" not in m.spec.label.lower() or \
                _CONSULT_WORD.search(self.lower, m.start, m.end):
            return False
        verb = _CITES_AFTER.match(self.lower, m.end)
        if verb is None or _CONSULT_CONTENT.search(self.lower, verb.end(), end):
            return False  # ("... documents symptoms, dx and plan": what a consultation holds)
        return not any(not verb.start("verb") <= f.start() < verb.end("verb")
                       for f in _record_words("on_file").finditer(self.lower, start, end))

    def _asked_for(self, m: Mention, start: int, end: int) -> bool:
        """The record listed after words asking for it, on its line ("Requested: most
        recent PFT results", "still need the ortho consult note"): wanted, not had; asked,
        unless its sentence says it came ("requested from the hospital, received today")."""
        line = max(self.lower.rfind("\n", 0, m.start) + 1, m.start - 100)
        if not _asked_for().search(self.lower, line, m.start):
            return False
        return not _record_words("on_file").search(self.lower, start, end)

    def _unknown_or_undocumented(self, m: Mention) -> Candidate | None:
        """Said to be unknown (read as such), or care said "not documented" right beside it
        ("Failed conservative treatment not documented": asked)."""
        if self.unknown(m):
            return Candidate(m.fact, None, (m.start, m.end))
        return self._undocumented_beside(m)

    def _boolean_negated(self, m: Mention) -> bool:
        """The yes/no mention is denied. A phrase that carries its own denial ("never had
        pneumonia") is not denied again by one before it ("does not have pneumonia now and
        never had pneumonia"); a normal finding is not denied by the denial of a difficulty
        ("Ambulates independently without difficulty") or of the list's item before it
        ("without a cane, gait steady")."""
        negated = self.negated(m) and not _SELF_DENIED.match(self.lower[m.start:m.end])
        if not negated and m.kind == "opposite" and \
                _NOT_REACHED.search(self.lower, m.clause.start, m.start):
            return True
        if negated and m.kind == "opposite" and (self._denies_a_difficulty(m) or
                                                 self._denial_listed_before(m)):
            return False
        return negated

    def _denial_listed_before(self, m: Mention) -> bool:
        """The denial covering the mention is before it, past a comma ("no cane,
        gait steady")."""
        cue = self.context.cue("negated", m.start)
        return cue is not None and cue[1] <= m.start and \
            re.search(r"[,;]", self.lower[cue[1]:m.start]) is not None

    def _denies_a_difficulty(self, m: Mention) -> bool:
        """The only denial is of a difficulty or a limit ("without difficulty", "without
        restriction"): said of a normal finding, it confirms it."""
        cue = self.context.cue("negated", m.start)
        return cue is not None and bool(_DIFFICULTY_DENIED.fullmatch(self.lower[cue[0]:cue[1]]))

    def _denied_together(self, m: Mention) -> bool:
        """Two or more different things of an affirm-only list denied in one sentence
        ("No UTI, no skin infection, no systemic infection"), where the rule says they
        are a screen of the fact's kinds (``positive_only_together``); one alone ("No
        evidence of osteomyelitis on MRI") is asked."""
        if not m.rule.positive_only_together:
            return False
        lo, hi = self.context.sentence_span(m.clause)
        found = [(lo + a, lo + b) for a, b in hits(self.lower[lo:hi], m.rule.affirm_only)]
        # (a kind named by its site is one of the screen too: "no skin infx, no uti")
        found += [(m.start, m.end)] if m.kind != "positive_only" else []
        if not all("negated" in self.context.at(a, b) for a, b in found):
            return False
        # (signs denied beside it, or said normal, are the screen's other items, in a list
        # its semicolons join too: "denies fever, dysuria, wounds; no antibiotics";
        # fresh21-33 notes asked the infection)
        # (not a sign's word inside a kind's name: "wound infection: none" is one kind)
        kinds = found + [(m.start, m.end)]
        lo, hi = self._semicolon_list(m.clause.sentence)
        signs = {self.lower[lo + a:lo + b]
                 for a, b in hits(self.lower[lo:hi], m.rule.screen_signs + m.rule.screen_normal)
                 if not any(x < lo + b and lo + a < y for x, y in kinds) and
                 (self.lower[lo + a:lo + b] in m.rule.screen_normal or
                  "negated" in self.context.at(lo + a, lo + b))}
        return len({self.lower[a:b] for a, b in found} | signs) >= 2

    def _semicolon_list(self, sentence: int) -> tuple[int, int]:
        """The sentence with those its line joins to it by semicolons: one list of things
        denied ("Pt denies fever, dysuria, wounds; no antibiotics")."""
        spans = self.context.sentences
        lo, hi = spans[sentence]
        first, last = sentence, sentence
        while first - 1 in spans and \
                self.lower[spans[first - 1][1]:lo].strip(" \t") == ";":
            first -= 1
            lo = spans[first][0]
        while last + 1 in spans and \
                self.lower[hi:spans[last + 1][0]].strip(" \t") == ";":
            last += 1
            hi = spans[last][1]
        return lo, hi

    def _denial(self, m: Mention) -> tuple[int, int] | None:
        """The mention with the words that deny it, when they are near (for the quote)."""
        value = self.field_value(m)
        if value is not None and _FIELD_NO.fullmatch(value.strip(" |")):
            row = _BOX_ROW.match(self.lower, m.end) if self.box_row(m) else None
            return m.start, row.end() if row else self._line_end(m)
        if m.rule.denied_after and (own := _denied_after(m.rule.denied_after).match(
                self.lower, m.end)):
            return m.start, own.end()  # "contouring not requested"
        span = adjacent_negation(self.lower, m.start, m.end, self._line_end(m)) or \
            self.context.cue("negated", m.start)
        reached = _NOT_REACHED.search(self.lower, m.clause.start, m.start) \
            if m.kind == "opposite" else None
        span = (reached.start(), reached.end()) if span is None and reached else span
        lo, hi = self.context.sentence_span(m.clause)
        if span is None or not (lo <= span[0] and span[1] <= hi):
            return None
        a, b = min(span[0], m.start), max(span[1], m.end)
        return (a, b) if b - a <= 80 else None

    def in_past(self, m: Mention) -> bool:
        """The mention's sentence places it in the past: a historical trigger ("h/o",
        "prior", "in March", an earlier year), a month before this one ("03/2026") or a
        date 30 days or more before today."""
        a, b = self.context.sentence_span(m.clause)
        # (not a word of a plan: "reschedule once he finishes and it's cleared")
        if any(mod.category == "historical" and a <= mod.trigger[0] < b and
               "hypothetical" not in self.context.at(*mod.trigger)
               for mod in self.context.modifiers):
            return True
        for month in _MONTH_YEAR.finditer(self.lower, a, b):
            if (int(month["y"]), int(month["m"])) < (self.as_of.year, self.as_of.month):
                return True
        for month in _YEAR_MONTH.finditer(self.lower, a, b):
            if (int(month["y"]), int(month["m"])) < (self.as_of.year, self.as_of.month):
                return True
        for month in _MONTH_NAME_YEAR.finditer(self.lower, a, b):
            if (int(month["y"]), MONTHS.index(month["m"]) + 1) < (self.as_of.year,
                                                                   self.as_of.month):
                return True
        if any(int(y["y"]) < self.as_of.year for y in _YEAR.finditer(self.lower, a, b)):
            return True
        ends = [_range_end(x) for x in _RANGE_END.finditer(self.lower, a, b)]
        if any(end is not None and (self.as_of - end).days >= 30 for end in ends):
            return True  # "inpatient stay 03/04-03/11/2026, dx bacterial pneumonia"
        return any(d is not None and (self.as_of - d).days >= 30
                   for d, _span in dates_in(self.lower[a:b], self.as_of))

    def dated_since(self, m: Mention, days: int, own: bool = False) -> bool:
        """The mention's sentence gives a date, a month or a year that ended ``days`` or
        more before today ("Delivered 2025-06-01", "delivery 06/2025", "(2019)"); ``own``: a
        date after the mention in its clause, the reading's own ("102.3 F on 11/21"), not
        one heading the line ("Vitals from consult 11/18/2026: T 36.6 C") or another
        thing's ("PFT 9/30/26, ..., afebrile 36.8")."""
        a, b = (m.start, m.clause.end) if own else self.context.sentence_span(m.clause)
        ends = [d for d, _span in dates_in(self.lower[a:b], self.as_of) if d is not None]
        for pattern in (_MONTH_YEAR, _YEAR_MONTH):
            ends += [_month_end(int(x["y"]), int(x["m"]))
                     for x in pattern.finditer(self.lower, a, b) if 1 <= int(x["m"]) <= 12]
        ends += [_month_end(int(x["y"]), MONTHS.index(x["m"]) + 1)
                 for x in _MONTH_NAME_YEAR.finditer(self.lower, a, b)]
        # (a year alone counts from its end: "2025" in December 2026 is not a year back)
        ends += [date(int(x["y"]), 12, 31) for x in _YEAR_ALONE.finditer(self.lower, a, b)
                 if int(x["y"]) <= self.as_of.year]
        ends += [d for x in _ON_MONTH_DAY.finditer(self.lower, a, b)
                 if (d := last_on_or_before(int(x["m"]), int(x["d"]), self.as_of)) is not None]
        # (a month named alone, "in early November": its last day, this year or the last)
        if days < 31:
            # (only where a month is long against the time a reading lasts: a temperature's
            # week, not a birth's half year, "6 months postpartum (baby born in May)")
            ends += [_in_month(x, self.as_of) for x in _IN_MONTH.finditer(self.lower, a, b)]
        # (a hedged "about 8 months ago" is no date, but as far back)
        ago = [_days_of(x) for x in _AGO.finditer(self.lower, a, b)]
        # (the writer's own "6 months postpartum" names the state: read, fresh2)
        return any((self.as_of - d).days >= days for d in ends) or \
            (not own and any(d >= days for d in ago))

    def _of_a_past_episode(self, m: Mention) -> bool:
        """A current measure ("T 39.1", "WBC 18.5") in a sentence naming an episode of care
        before it (``past_episodes``: an admission, an urgent-care visit) that the sentence
        dates a week or more back: the episode's value, not now."""
        if not m.rule.current:
            return False
        # (from the sentence's start, across a semicolon: "Hospitalized 01/2026 for
        # pneumonia; WBC then 18.5, T 39.1.")
        lo = max(self.lower.rfind("\n", 0, m.start), self.lower.rfind(". ", 0, m.start)) + 1
        episodes = hits(self.lower[lo:m.start], tuple(context_rules().past_episodes))
        # ("Admitted 01/2026 for pneumonia; today T 37.0": the figure said of now)
        # (within the figure's own sentence: "WBC 17.1. Today: T 36.8" is not its now)
        now_end = min(m.end + 12, self.context.sentence_span(m.clause)[1])
        if not episodes or _NOW_SAID.search(self.lower, lo + max(e for _s, e in episodes),
                                            now_end):
            return False
        if self._ended_note() or self.lower.lstrip().startswith("hospital course"):
            return False  # (a discharge summary's whole text is the stay: its own rules)
        # the episode's own date, beside its word ("Hospitalized 01/2026", "January
        # admission", "Admitted in February 2025"), not another thing's in the sentence
        # ("admitted 11/29 with dyspnea since 08/26/2026 and chest pain 8/10")
        a, b = episodes[-1]
        near = self.lower[max(lo, lo + a - 20):lo + b + 30]
        # (a figure with its own date after the episode's: "WBC 17.5 during the 2023
        # admission; WBC 10.2 on 10/29/26" reads the second by its own)
        if dates_in(self.lower[lo + b:m.clause.end], self.as_of) and \
                not dates_in(self.lower[lo + b:m.start], self.as_of):
            return False
        return self._stale_episode(near, max(m.rule.lasts_days or 0, 7))

    def _stale_episode(self, near: str, days: int) -> bool:
        """A date, a month and year, a year or a month alone in ``near`` that ended
        ``days`` or more before today (this month's counts as today)."""
        ends = [d for d, _span in dates_in(near, self.as_of) if d is not None]
        ends += [_month_end(int(x["y"]), int(x["m"])) for pattern in (_MONTH_YEAR, _YEAR_MONTH)
                 for x in pattern.finditer(near) if 1 <= int(x["m"]) <= 12]
        ends += [_month_end(int(x["y"]), MONTHS.index(x["m"]) + 1)
                 for x in _MONTH_NAME_YEAR.finditer(near)]
        ends += [date(int(x["y"]), 12, 31) for x in _YEAR_ALONE.finditer(near)
                 if int(x["y"]) <= self.as_of.year]
        ends += [self.as_of if d.month == self.as_of.month else _month_end(d.year, d.month)
                 for x in _MONTH_ALONE.finditer(near) if (d := _in_month(x, self.as_of))]
        return any((self.as_of - d).days >= days for d in ends)

    def _ended_note(self) -> bool:
        """The message is a note written at an episode's end: its first line names it
        (``ended_notes`` in context.yaml: "DISCHARGE SUMMARY 11/22/2026. 70M admitted 11/17
        with RLL community-acquired pneumonia ...", fresh10)."""
        first = self.lower.lstrip()[:120].split("\n", 1)[0]
        return bool(hits(first, tuple(context_rules().ended_notes)))

    def _course_ended(self, m: Mention) -> bool:
        """A treatment read as the thing it treats, where the message says, anywhere, that
        a course of one of the rule's treatments ended or the thing healed ("Macrobid x5d
        started 11/21 ... she finished the abx 11/25", "finished the Keflex for my toe, the
        doctor said it's healed"; ``course_ended`` in context.yaml): it may be over. (Not
        the thing's own name: "UTI resolved in October; now cellulitis" keeps the
        cellulitis, and widening it lost more readings than it mended.)"""
        if self.lower[m.start:m.end] not in m.rule.treatments:
            return False
        words = context_rules().course_ended
        if hits(self.lower, tuple(words.get("anywhere", ()))):
            return True
        drugs = alternation(m.rule.treatments)
        before = alternation(words.get("before", ()))
        after = alternation(words.get("after", ()))
        return bool(re.search(
            rf"\b(?:{before})\s+(?:(?:the|her|his|my|their|all|of)\s+)*(?:{drugs})\b|"
            rf"\b(?:{drugs})\b[^.;\n]{{0,30}}?\b(?:{after})\b", self.lower))

    def episode_over(self, m: Mention) -> bool:
        """The mention's sentence places the episode in the past or says it was treated to
        its end or the patient went home ("CAP, treated with IV ceftriaxone x 10 days,
        discharged"): it may be over, so it is asked."""
        if self.in_past(m) or self._ended_note() or self._course_ended(m):
            return True
        a, b = self.context.sentence_span(m.clause)
        if self.lower[b:b + 1] == ";":
            b = self._sentence_end(b + 1)  # "CAP; completed antibiotics": the same episode
        return any(not _ENDED_NOT.search(self.lower[max(a, x - 12):x])
                   for x, _y in ((a + i, a + j) for i, j in
                                 hits(self.lower[a:b], tuple(context_rules().ended))))

    def qualified(self, m: Mention) -> bool:
        """A yes/no fact with a ``qualifier`` is affirmed only with one of its words in
        the sentence ("root compression" is not "compression and inflammation"); a
        denial needs none ("no compression")."""
        if not m.rule.qualifier or m.spec.type not in ("boolean", "date"):
            return True
        a, b = self.context.sentence_span(m.clause)
        words = m.rule.qualifier
        if m.spec.type == "date" and _VISIT_SERIES.search(self.lower, a, b):
            # "scores: first visit 8, last visit (05/30/2028) 5": the last of a series of
            # visits, each with its figure, is no record the visit made (phrase33a read
            # the H&P's day); an exam named in the sentence still is one
            words = tuple(w for w in words if "visit" not in w)
        if m.spec.type == "date" and hits(self.lower[m.start:m.end], words):
            return True  # a date's own phrase names it ("H&P 11/24/2026: PMH none")
        # (a qualifier denied is none: "L5 nerve root compression, no inflammation seen")
        return any("negated" not in self.context.at(a + x, a + y)
                   for x, y in hits(self.lower[a:b], words))

    def vague(self, m: Mention) -> Candidate | None:
        """A phrase that touches the fact without settling it ("CRP" alone), unless the
        words after it do ("CRP 2.1 (nl)", "CRP 18 (H)")."""
        if self.settles(m) == "skip" or not m.rule.vague_asks:
            return None
        after = self.lower[m.end:min(m.clause.end, m.end + 40)]
        if m.spec.type == "boolean" and m.rule.normal is not None and (
                _POST_NORMAL.match(after) or self.negated(m)):
            return Candidate(m.fact, m.rule.normal, (m.start, m.end))
        if m.spec.type == "boolean" and m.rule.normal is not None and m.rule.raised and \
                not self.settles(m) and (ranged := _against_range(self.lower, m.end)) is not None:
            # "CRP 14 mg/L (ref < 5)", "hs-CRP 11.8 H": the lab's own range or flag says
            # whether it is raised
            if ranged[0]:
                return Candidate(m.fact, m.rule.polarity, (m.start, ranged[1]))
            if not self._another_lab_raised(m):
                # (not where another marker is high: "CRP 3 (ref <5), ESR 45 (ref 0-20)")
                return Candidate(m.fact, m.rule.normal, (m.start, ranged[1]))
        if m.spec.type == "boolean" and not self.settles(m) and self.negated(m) and \
                m.rule.vague_denied == "denies":
            # Denying the wider thing denies the fact: "no COPD exacerbations" means none
            # needed hospital care.
            return Candidate(m.fact, not m.rule.polarity, (m.start, m.end))
        if m.rule.is_record(m.spec, m.fact) and self._row_unfiled(m):
            return self._unread(m, f"{m.spec.label.lower()}?")
        sentence_start, sentence_end = self.context.sentence_span(m.clause)
        if m.rule.is_record(m.spec, m.fact) and \
                _AUTHOR_OF_ANOTHER.search(self.lower, sentence_start, m.start):
            # "H&P of 09/15/2026 by Dr. Amadi (orthopedic spine) is attached": the
            # specialist wrote another record; what is attached is that record
            return self._unread(m, f"{m.spec.label.lower()}?")
        if m.rule.is_record(m.spec, m.fact) and (
                self._source_in_brackets(m) or
                _ADDRESSED_TO.search(self.lower, max(sentence_start, m.start - 60), m.start)):
            return self._unread(m, f"{m.spec.label.lower()}?")
        raised = self._own_raised(m, m.end, min(sentence_end,
                                                past_statuses(self.lower, m.end) + 25))
        if m.spec.type == "boolean" and raised and not self.settles(m):
            end = raised[0][1]
            return Candidate(m.fact, m.rule.polarity, (m.start, end))
        if m.spec.type == "boolean" and m.rule.normal is not None and m.rule.raised and \
                not self.settles(m) and (together := self._raised_together(m, sentence_end)):
            return Candidate(m.fact, m.rule.polarity, (m.start, together))
        line_end = self.lower.find("\n", m.end)
        line = (max(sentence_start, self.lower.rfind("\n", 0, m.start) + 1),
                min(sentence_end, len(self.lower) if line_end < 0 else line_end))
        if m.spec.type == "boolean" and m.rule.raised_line and not self.settles(m) and \
                self._own_raised(m, line[0], line[1]) and \
                not self._open_on_line(line, m.rule.raised):
            return Candidate(m.fact, m.rule.polarity, (m.start, m.end))
        if m.spec.type == "boolean" and m.rule.raised_line and not self.settles(m) and \
                self._theirs_filed_next(sentence_end):
            return Candidate(m.fact, m.rule.polarity, (m.start, m.end))
        asked = self._unread(m, f"{m.spec.label.lower()}?")
        if self.lower[m.start:m.end] in m.rule.vague_doubts and not self.negated(m):
            return replace(asked, doubt=True)  # "Infection screen neg; COVID positive"
        return asked

    def _raised_together(self, m: Mention, end: int) -> int | None:
        """Where a word raising several of the fact's labs at once ends ("ESR 48 and CRP 22
        on 01/12/2026, both raised", "CRP 18, ESR 41, both up"), after the mention and
        another of its labs in its sentence; None where no such word is."""
        if len(hits(self.lower[m.end:end], m.rule.vague)) == 0 and \
                len(hits(self.lower[self.context.sentence_span(m.clause)[0]:m.start],
                         m.rule.vague)) == 0:
            return None  # one lab alone: its own words must say it is raised
        for a, b in self._raised(m.end, end, m.rule.raised):
            if _ALL_OF_THEM.search(self.lower, max(m.end, a - 12), a):
                return b
        return None

    def _theirs_filed_next(self, end: int) -> bool:
        """The next sentence opens with the person's own record, said on file ("The
        consultant rheumatologist saw her on 05/02/2027; his letter is enclosed", fresh29):
        the specialist's record is here, named by its pronoun past the stop."""
        opening = _THEIR_RECORD.match(self.lower, end)
        if opening is None:
            return False
        stop = self._sentence_end(opening.end())
        return any(adjacent_negation(self.lower, a, b, stop) is None and
                   not still_open(self.lower, b)
                   for a, b in ((f.start(), f.end()) for f in
                                _record_words("on_file").finditer(self.lower, opening.end(), stop)))

    def _another_lab_raised(self, m: Mention) -> bool:
        """Another of the fact's labs in the message is above its range, flagged high, said
        raised or still to come: a normal one beside it settles nothing."""
        if self.context.occ.hits(m.rule.phrases):
            return True  # "ESR elevated"
        for a, b in self.context.occ.hits(m.rule.vague):
            ranged = _against_range(self.lower, b)
            if ranged is not None and ranged[0] or \
                    hits(self.lower[b:self._sentence_end(b)], m.rule.raised):
                return True
            if a != m.start and _LAB_OPEN.match(self.lower, b):
                return True  # "CRP 0.4 (ref <0.5); ESR pending": one still to come
        return False

    def _source_in_brackets(self, m: Mention) -> bool:
        """The record named in brackets after a finding, as where it came from, and the
        brackets saying nothing of its being on file ("COPD - severe, on home oxygen
        (respiratory consultant's letter 09/2026)"): a source cited, asked. "(consult
        12/5 on file)", "(report attached)" say it is here."""
        line = self.lower.rfind("\n", 0, m.start) + 1
        opening = self.lower.rfind("(", line, m.start)
        if opening < 0 or ")" in self.lower[opening:m.start] or \
                not self.lower[line:opening].strip(" \t-:"):
            return False
        closing = self.lower.find(")", m.end)
        if closing < 0 or "(" in self.lower[m.end:closing] or \
                not _BACK_REFERENCE.search(self.lower, m.end, closing):
            return False  # "Dr. Ng's (orthopaedic spine) consult": who the doctor is
        return not _record_words("on_file").search(self.lower, opening, closing)

    def _own_raised(self, m: Mention, lo: int, hi: int) -> list[tuple[int, int]]:
        """``_raised`` for the mention's fact; for a record, not a record word that names
        another kind of record ("Seen by the spine surgeon in 2025, PT notes attached",
        "Orthopedic surgeon recommends MBB, x-ray report on file": the notes and the
        report are the therapy's and the films', no consultation of the specialist's)."""
        raised = self._raised(lo, hi, m.rule.raised)
        if not m.rule.is_record(m.spec, m.fact):
            return raised
        return [(a, b) for a, b in raised
                if not _OTHER_KIND_BEFORE.search(self.lower, max(lo, a - 40), a)]

    def _open_on_line(self, line: tuple[int, int], words: tuple[str, ...]) -> bool:
        """A record word on the line is said to be not yet signed ("SPINE CONSULT  Vance
        (ortho spine)  Arrived  note not signed yet"): the visit's record is not on file,
        whatever else on the line names it."""
        return any(still_open(self.lower, line[0] + b)
                   for _a, b in hits(self.lower[line[0]:line[1]], words))

    def _raised(self, lo: int, hi: int, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """The words of ``words`` between ``lo`` and ``hi`` that are not denied or still to
        come themselves: "Ortho spine: pt saw Dr. Keane in 2025, report never received"
        and "Physiatry - report pending" name a report that is not on file, so they raise
        nothing."""
        found = [(lo + a, lo + b) for a, b in hits(self.lower[lo:hi], words)]
        return [(a, b) for a, b in found
                if adjacent_negation(self.lower, a, b, self._sentence_end(b)) is None and
                not {"negated", "hypothetical"} & self.context.at(a, b) and
                not still_open(self.lower, b)]

    def cued(self, m: Mention, sentence: tuple[int, int]) -> Candidate | None:
        """A phrase that states the fact with a cue in its sentence ("conservative care
        ... without improvement"); a denial of the phrase reads the opposite."""
        if self.settles(m):
            return None
        if self.boxed_na(m):
            return self._unread(m, "box marked N/A: is it so?")
        if self.unchecked(m):
            return self._unchecked(m)
        if m.rule.cue_scope == "message":
            sentence = (0, len(self.lower))
        elif m.rule.cue_scope == "line":
            end = self.lower.find("\n", m.end)
            sentence = (self.lower.rfind("\n", 0, m.start) + 1, len(self.lower) if end < 0 else end)
        else:
            sentence = self._past_semicolon(sentence)
        words = self.lower[sentence[0]:sentence[1]]
        if self._hits(*sentence, m.rule.cue_not) or \
                self._without_its_own(m, sentence) or \
                self._record_goes_on_without(m, sentence[1]):
            return None
        done, said = self._beside(m, sentence)
        if done:
            return said
        base = sentence[0]
        # A cue in a plan or about someone else is no cue ("plan: PT if ESI fails").
        # (``cue_apart``: a cue that is only a part of the phrase is no cue of it, "chest
        # stretches" holding "stretches"; fresh26)
        cues = [(a, b) for a, b in self._free_cues(sentence, m.rule.cues)
                if not _in_listed_aside(words, a, m.end - base)
                and not (m.rule.cue_apart and m.start <= base + a and base + b <= m.end
                         and b - a < m.end - m.start)
                and not (m.rule.cue_scope == "line" and m.rule.cue_before == "sentence"
                         and self._sentence_before(base + b, m))
                and not self._factor_sign(m, base + a, base + b)]
        if not cues and self._its_own_cue(m, words):
            cues = [(m.start - base, m.end - base)]
        cues = cues or self._onset_cues(m, words, base)
        if (gone := self._record_cues_missing(m, words, cues, base)) is not None:
            return gone
        # (near the treatment, with no other clause's subject between: "Albuterol PRN;
        # knee pain improved with PT" says nothing of the albuterol)
        against = [(a, b) for a, b in (self._free_cues(sentence, m.rule.cues_opposite)
                                       if m.rule.cues_opposite else [])
                   if not re.search(r"[;\n]|\b(?:pain|pt|therapy|physical)\b",
                                    self.lower[min(m.end, base + a):max(m.start, base + a)])
                   and -40 <= base + a - m.end <= 60
                   # (a measure's change is a figure for a reviewer to judge: "FEV1 improved
                   # 15% post-albuterol")
                   and not _MEASURE_BEFORE.search(self.lower, max(0, base + a - 20), base + a)
                   and not (m.rule.cues_opposite_own and not _said_of_it(self.lower, m.end,
                                                                         base + a))]
        if against and not self.negated(m):
            return self._helped(m, words, cues, against)
        if self.negated(m) or not cues:
            return self._care_or_cues_denied(m, sentence, words)
        if not all(self._hits(*sentence, group) for group in m.rule.cue_all):
            return None  # one part named ("H&P ... meds") leaves the others open
        if m.rule.polarity and (doubt := self._cued_doubt(m)) is not None:
            return doubt
        # Weaker than a phrase that names the fact itself ("pneumonia requiring
        # hospitalization: no" beats "pneumonia ... hospitalization").
        return Candidate(m.fact, m.rule.polarity, (m.start, m.end), 3)

    def _factor_sign(self, m: Mention, a: int, b: int) -> bool:
        """The cue at [a, b) is a sign (no letter in it) followed by one of the rule's
        ``cue_factor`` words and a cued phrase ("↓ c̄ flexion", "↓ w/ lumbar flexion"): a
        change with that motion, not of it, and no cue of any motion in the sentence."""
        if not m.rule.cue_factor or re.search(r"[^\W\d_]", self.lower[a:b]):
            return False
        pattern = _factor_pattern(m.rule.cue_factor, m.rule.cued)
        return pattern.match(self.lower, b) is not None

    def _cued_doubt(self, m: Mention) -> Candidate | None:
        """Why a cued yes is asked: not qualified or denied after, another episode, over,
        or dated longer back than the state lasts."""
        if not self.qualified(m) or self.denial_follows(m):
            return self._unread(m, f"{m.spec.label.lower()}?")
        if m.rule.past and not self.in_past(m):
            return self._unread(m, "a previous episode, or this one?")
        if m.rule.episode and self.episode_over(m):
            return self._unread(m, "is it still so, or over?")
        if m.rule.lasts_days and self.dated_since(m, m.rule.lasts_days):
            # as a phrase's (``_yes_doubted``): "Hospitalized for a COPD exacerbation
            # 03/2025" read in November 2026 is no admission now (fresh8)
            return self._unread(m, "it is dated a while back: is it still so?")
        return None

    def _onset_cues(self, m: Mention, words: str, base: int) -> list[tuple[int, int]]:
        """The starts dated in the sentence ``words`` (``cue_onset``), in its offsets."""
        if not m.rule.cue_onset:
            return []
        # (a length of the complaint said in the record's sentence dates the symptoms as
        # a start does: "H&P 07/15/2028: low back pain for 34 weeks", "History and exam:
        # R knee pain x 8 months"; the record is dated, so is the range)
        found = _onsets_dated(words, self.as_of) + \
            [hit.span("n") for hit in _COMPLAINT_LENGTH.finditer(words, m.end - base)]
        return [(a, b) for a, b in found
                # (the record's own day is no start: "H&P from 11/10/2026")
                if not _OWN_DAY_LEAD.fullmatch(self.lower, m.end, base + a)
                # (nor another's, a planned or a denied start: "her husband ... since")
                and not {"hypothetical", "other", "negated"} & self.context.at(base + a, base + b)]

    def _without_its_own(self, m: Mention, sentence: tuple[int, int]) -> bool:
        """The rule's ``cue_with`` words are neither in the sentence nor, for the writer's
        own sentence, in their sign-off."""
        return bool(m.rule.cue_with) and not self._hits(*sentence, m.rule.cue_with) and \
            not self._signed_with(m, sentence)

    def _signed_with(self, m: Mention, sentence: tuple[int, int]) -> bool:
        """A sentence in the writer's own voice, whose sign-off names them by one of the
        rule's ``cue_with`` words (``cue_with_writer``: "This letter is my referral ...
        Thanking you, Dr A. Rao, GP")."""
        if not m.rule.cue_with_writer or \
                not _WRITERS_VOICE.search(self.lower, sentence[0], m.end):
            return False
        if self._sign_off is None:
            self._sign_off = sign_off(self.lower)
        return bool(hits(self._sign_off, m.rule.cue_with))

    def _its_own_cue(self, m: Mention, words: str) -> bool:
        """The cued phrase carries its cue without a cue word: a date ("CXR 10/2/26: RLL
        opacity": a dated study, ``cue_date``) or a measure short of its range ("lumbar
        flexion 40 deg", ``cue_degrees``)."""
        if m.rule.cue_date and (_MONTH_DAY_AFTER.match(self.lower, m.end) or any(
                d is not None for d, _span in dates_in(words, self.as_of))):
            return True
        return bool(m.rule.cue_degrees) and self._short_of_range(m)

    def _short_of_range(self, m: Mention) -> bool:
        """The motion named by ``m`` is measured right after it short of its range: at
        most the rule's degrees for it (``cue_degrees``), or under nine tenths of the
        normal said beside the figure ("0 to 55 degrees (normal 90)", "55 of 90")."""
        limit = m.rule.cue_degrees.get(self.lower[m.start:m.end])
        found = _DEGREES.match(self.lower, m.end)
        if limit is None or found is None:
            return False
        figure, normal = int(found["n"]), found["normal"] or found["of"]
        if normal:
            return figure < 0.9 * int(normal)
        return found["unit"] is not None and figure <= limit

    def _sentence_before(self, cue_end: int, m: Mention) -> bool:
        """A cue that ends a sentence of its own before the one that names the fact, on one
        line: "PT twice, both no better. Total conservative treatment is 15 weeks." says
        the therapy did not help, not that the whole care failed (a verdict follows what it
        judges, or shares its sentence). A line's label is no sentence ("Conservative care:
        PT - no relief")."""
        # (its stop must see the next word's first letter: to one past the fact's start; a
        # semicolon joins what it parts: "has failed; documented here")
        at = cue_end
        while at <= m.start and (stop := sentence_stop(self.lower, at, m.start + 1)) is not None:
            if self.lower[stop] != ";":
                return True
            at = stop + 1
        return False

    def _of_another_thing(self, m: Mention) -> bool:
        """A one-word cued phrase right after a word that names what it is of, where that
        word is none of the rule's ``cued_after`` or ``cues`` ("TELE-ICU CONSULT LOG",
        "ventilator log reviewed"): the thing's own record, not the fact's. An owner
        ("the therapist's log") is no such word."""
        if not m.rule.cued_after or m.kind != "cued" or " " in self.lower[m.start:m.end].strip():
            return False
        line = self.lower.rfind("\n", 0, m.start) + 1
        before = re.search(r"([a-z][\w&'-]*)[ \t]*[-/]?[ \t]*\Z", self.lower[line:m.start])
        if before is None:
            return False
        word = before.group(1)
        allowed = set(m.rule.cued_after) | set(m.rule.cues)
        return not (word in allowed or word.endswith(("'s", "s'")) or
                    word.split("-")[-1] in allowed)

    def _record_goes_on_without(self, m: Mention, end: int) -> bool:
        """The sentence after a record's, with no subject of its own, goes on about the
        record and says it lacks what the fact needs ("H&P 11/10/2026 - attached.
        Documents exam and meds; does not record when the symptoms began.", "H&P: in
        chart. Lacks symptom dates."): a ``cue_not`` there holds as in the record's own."""
        if not m.rule.cue_not or not m.rule.is_record(m.spec, m.fact):
            return False
        start = end + len(self.lower[end:]) - len(self.lower[end:].lstrip(" \t.;!?\n"))
        if not _SUBJECTLESS.match(self.lower, start):
            return False
        # (to its full stop: past a semicolon and a line wrapped at its margin)
        stop = re.compile(r"[.!?](?:\s|\Z)|\n[ \t]*\n").search(self.lower, start, start + 240)
        return bool(self._hits(start, stop.start() if stop else min(len(self.lower), start + 240),
                               m.rule.cue_not))

    def _helped(self, m: Mention, words: str, cues: list[tuple[int, int]],
                against: list[tuple[int, int]]) -> Candidate | None:
        """The cued treatment said to help ("salbutamol x2 with good relief"): the
        opposite; helping a little ("helps a little", "a bit better") is asked; said to
        help and to fail, the later wins past a turn ("helped her in the past, but has not
        responded to it lately"), else asked."""
        if _PARTLY.search(words):
            return self._unread(m, f"{m.spec.label.lower()}?")
        if not cues:
            return Candidate(m.fact, not m.rule.polarity, (m.start, m.end))
        first, last = sorted([max(cues), max(against)])
        if _TURN.search(words, first[1], last[0]):
            helped = last in against
            return Candidate(m.fact, m.rule.polarity != helped, (m.start, m.end))
        return self._unread(m, f"{m.spec.label.lower()}?")

    def _record_cues_missing(self, m: Mention, words: str, cues: list[tuple[int, int]],
                             base: int) -> Candidate | None:
        """A record's every cue said missing or not here right after it ("The GP's
        consultation report is missing", "GP letter not yet received"): the record is not
        on file (phrase30b's gloss "[the GP's consultation report is missing]" read it on
        file from "GP" and its cue)."""
        if not m.rule.is_record(m.spec, m.fact) or \
                not any(0 <= base + a - m.end <= 40 for a, _b in cues) or \
                not all(_CUE_MISSING.match(words, b) for _a, b in cues):
            return None  # (the record's own words, right after it: "GP ... letter")
        if (elsewhere := self._record_elsewhere(m)) is not None:
            return elsewhere  # "the PCP's note has not been sent yet, office will fax it"
        return Candidate(m.fact, not m.rule.polarity, (m.start, base + cues[-1][1]), 3)

    def _care_or_cues_denied(self, m: Mention, sentence: tuple[int, int], words: str
                             ) -> Candidate | None:
        """A cued mention denied, or with no cue: the care itself denied with the cue
        inside the denial ("never been admitted or on IV abx for pneumonia"; a lifetime's
        "never" needs no past date), else what ``_cues_denied`` says ("was never admitted
        for it" is no cue)."""
        if self.negated(m) and (denied := self._care_denied(m)) is not None and \
                self._hits(denied, m.start, m.rule.cues):
            return Candidate(m.fact, not m.rule.polarity, (denied, m.end), 3) \
                if self._every_care_denied(m, sentence, words) else None
        return self._cues_denied(m, words)

    def _every_care_denied(self, m: Mention, sentence: tuple[int, int], words: str) -> bool:
        """Each kind of care the fact may be (rule key ``cues_denied_all``) is denied in
        the sentence ("never admitted, never on IV abx"), or one of ``cues_denied`` says
        how it was treated instead ("treated at home")."""
        if hits(words, m.rule.cues_denied):
            return True
        return all(any("negated" in self.context.at(sentence[0] + a, sentence[0] + b)
                       for a, b in self._hits(*sentence, group))
                   for group in m.rule.cues_denied_all)

    def _cues_denied(self, m: Mention, words: str) -> Candidate | None:
        """Every cue of the mention's sentence denied, the mention itself not, in the past,
        and one of the rule's ``cues_denied`` words in the sentence ("CAP 2019 treated at
        home, never admitted"): the fact denied; else nothing."""
        if not hits(words, m.rule.cues_denied) or self.negated(m) or not self.in_past(m):
            return None
        found = hits(words, m.rule.cues)
        if found and all(_CUE_DENIED.search(words[max(0, a - 12):a]) for a, _b in found):
            return Candidate(m.fact, not m.rule.polarity, (m.start, m.end), 3)
        return None

    def _beside(self, m: Mention, sentence: tuple[int, int]) -> tuple[bool, Candidate | None]:
        """What a denial right beside the phrase settles: (settled, the reading)."""
        if self._denied_beside(m):
            if _NOT_WHO.search(self.lower, max(0, m.start - 40), m.start):
                return True, None  # "I am not his primary care physician": who the writer is
            return True, self._cue_denied_beside(m, sentence)
        # "Failed conservative treatment not documented": not said either way
        gap = self._undocumented_beside(m)
        return gap is not None, gap

    def _cue_denied_beside(self, m: Mention, sentence: tuple[int, int]) -> Candidate | None:
        """"Labs not on file" denies them; a wider word denied says nothing of the fact ("no
        cardiac hx": rule key cue_denied), nor does a narrower kind ("no bleeding history")."""
        if (elsewhere := self._record_elsewhere(m)) is not None:
            return elsewhere  # as a plain phrase's ("... not sent yet, will fax it")
        narrower = self._narrower(m) if m.rule.cue_denied == "unqualified" else None
        part = narrower is not None and any(narrower in group for group in m.rule.cue_all)
        if part and not self._record_named(m, sentence):
            # "No surgical history.": none had, or none in the record? ("H&P lists meds but
            # no surgical history": a part missing from the record named)
            denial = adjacent_negation(self.lower, m.start, m.end, m.clause.end)
            return self._unread(m, f"none had, or not on file: {m.spec.label.lower()}?",
                                min(m.start, denial[0]) if denial else None,
                                max(m.end, denial[1]) if denial else None)
        if m.rule.cue_denied == "nothing" or (narrower and not part) or \
                (m.rule.cue_denied == "unqualified" and
                 _HISTORY_NONE.match(self.lower, m.end, m.clause.end)):
            return None
        if self._occasion(m):
            # "No H&P today. Last H&P 10/01/2026.": none that day, not none on file (outside
            # tester 32 F2 read the history missing)
            return None
        return Candidate(m.fact, not m.rule.polarity, (m.start, m.end))

    def _record_named(self, m: Mention, sentence: tuple[int, int]) -> bool:
        """Another of the fact's words in the sentence names the record itself ("H&P on file
        lists meds but no allergies and no surgical history")."""
        # (not another narrower kind: "no bleeding history, no surgical history" names
        # no record; outside tester 18 F4 in chat)
        return any(not (a <= m.start < b) and self._narrower_at(a) is None for a, b in
                   self._hits(*sentence, m.rule.phrases + m.rule.cued)
                   if not (m.start <= a < m.end))

    def _narrower(self, m: Mention) -> str | None:
        """The word right before the cued words when it names a narrower kind ("no bleeding
        history", "No surgical history", "cardiac hx: negative"): the denial is of that
        kind, not of the record (outside tester 18 F4: read no medical history on file, a
        denial)."""
        return self._narrower_at(m.start)

    def _narrower_at(self, start: int) -> str | None:
        before = re.search(r"([a-z]+)[ \t]*$", self.lower[max(0, start - 30):start])
        if before is None or before[1] in context_rules().adjacent.filler or \
                hits(before[1], tuple(context_rules().adjacent.before)):
            return None
        return before[1]

    def _denied_beside(self, m: Mention) -> bool:
        """A denial right beside a record's name ("Labs not on file"); not "no H&P in the
        last 30 days", which denies none older."""
        return m.rule.negation_kind(m.spec, m.fact) == "adjacent" and \
            (cue := adjacent_negation(self.lower, m.start, m.end, m.clause.end)) is not None \
            and not _WITHIN.match(self.lower[m.end:m.clause.end]) and \
            not self._undocumented_care(m, cue)

    def filed(self, m: Mention) -> Candidate | None:
        """A record's name said to be on file right after it, a cue before it on its line
        ("Referring: Dr. Haddad, Orthopaedics (consult 10/26/2026 attached)")."""
        if self.settles(m) or self.negated(m) or self._dated_after_today(m) or \
                self._row_unfiled(m):
            return None  # (a day after today: booked, not on file; a row's status not filed)
        if self.lower[m.start:m.end] in m.rule.filed_by:
            return self._filed_by(m)
        # (a day with no year too: "Pulmonology (Dr Brandt) consult 11/25 on file")
        after = _MONTH_DAY.sub(lambda d: " " * len(d.group()),
                               mask_dates(self.lower[m.end:m.clause.end]))
        gap = _FILED_GAP.match(after)
        if (gap is None or not any(after.startswith(w, gap.end()) and
                                   not after[gap.end() + len(w):][:1].isalpha()
                                   for w in m.rule.filed_where)) and \
                not self._filed_at_line_end(m) and not self._filed_later(m) and \
                not self._dated_record(m):
            return None
        line = self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]
        cues = hits(line, m.rule.cues)
        if not cues and (self._doctor_of(line, m.rule, m.start - len(line)) or
                         self._cue_in_bracket_after(m)):
            return Candidate(m.fact, m.rule.polarity, (m.start, m.end), 3)
        if not cues or hits(line[cues[-1][1]:], m.rule.filed_not):
            return None  # "Ortho referral; PCP consult attached": the PCP's
        return Candidate(m.fact, m.rule.polarity, (m.start, m.end), 3)

    def by_writer(self, m: Mention) -> Candidate | None:
        """The writer's own record ("This letter serves as my consultation (symptoms,
        diagnosis, plan)") where the writer is named by a ``writer_roles`` word: in the
        sign-off, in their own words or in their section's header (``by_writer``)."""
        if self.settles(m) or self.negated(m) or self._denied_beside(m) or \
                _WITH_ANOTHER.match(self.lower, m.end):
            return None  # ("my consultation with Dr. Ames": the writer saw another)
        end = self._sentence_end(m.end)
        if still_open(self.lower, m.end) or \
                _record_words("not_yet").search(self.lower, m.start, end):
            return None  # ("my consultation will follow")
        roles = m.rule.writer_roles
        if self._sign_off is None:
            self._sign_off = sign_off(self.lower)
        if hits(self._sign_off, roles) or self._writer_says_role(m, roles) or \
                self._header_role(m, roles) or _letterhead_role(self.lower, roles):
            return Candidate(m.fact, m.rule.polarity, (m.start, m.end), 3)
        return None

    def _writer_says_role(self, m: Mention, roles: tuple[str, ...]) -> bool:
        """The writer says who they are before the record: "I am the pain management
        physician for Mr. Ortiz", "As her primary care physician I ..."."""
        role = alternation(roles)
        owner = r"(?:(?:the|his|her|their|a|an|this patient's|the patient's|treating)\s+)*"
        said = re.compile(rf"\b(?:i am|i'm|i write as|writing as|i have been|i've been)\s+"
                          rf"{owner}(?:{role})\b|(?:^|[.!?]\s+|\n)as\s+{owner}(?:{role})\b"
                          rf"[^.\n]{{0,40}}\bi\b")
        return said.search(self.lower, 0, m.start) is not None

    def _header_role(self, m: Mention, roles: tuple[str, ...]) -> bool:
        """The header of the writer's section, the last line before the record opening in
        capitals with its doctor in brackets, names the role ("---- MD ADDENDUM (Dr. L.
        Farouk, PCP) 11/24/2026 ----", "SPECIALIST REPLY (Dr N. Ito, Pain, 12/04/2026):")."""
        heads = list(_WRITERS_HEAD.finditer(self.text, 0, m.start))
        if not heads:
            return False
        bracket = heads[-1]["who"].lower()
        return bool(hits(bracket, roles)) or re.search(r",\s*pain\b", bracket) is not None

    def _filed_by(self, m: Mention) -> Candidate | None:
        """A note's label for its own clinician, then a specialty on its line ("Physician:
        Dr. T. Abara, orthopaedic sports medicine", "Consultant: Dr F. Mbeki,
        rheumatologist"; fresh32-35 notes by a specialist asked the consult): the note is
        the specialist's own record. Not one who orders or refers ("Ordering physician:"),
        nor a primary care doctor."""
        start = self.lower.rfind("\n", 0, m.start) + 1
        if _NOT_THE_WRITER.search(self.lower, max(start, m.start - 30), m.start):
            return None
        end = self.lower.find("\n", m.end)
        rest = self.lower[m.end:min(m.end + 90, len(self.lower) if end < 0 else end)]
        if not _A_DOCTOR.search(rest) or not hits(rest, m.rule.cues + m.rule.vague) or \
                hits(rest, m.rule.filed_not + m.rule.authors_not):
            return None  # (a person named: "Teaching physician: per the therapist's ...")
        return Candidate(m.fact, m.rule.polarity, (m.start, m.end), 3)

    def _cue_in_bracket_after(self, m: Mention) -> bool:
        """The specialty in brackets right after the record's name ("Dr Haines' consult
        letter (pain medicine) and GP letter ... both in pack", "consult note (ortho)
        attached"; fresh35): whose record it is, as a cue before it says; none of
        ``filed_not`` in it ("consult note (PCP)")."""
        bracket = re.match(r"[ \t]*\(([^()\n]{1,60})\)", self.lower[m.end:m.end + 64])
        return bracket is not None and bool(hits(bracket[1], m.rule.cues)) and \
            not hits(bracket[1], m.rule.filed_not)

    def _dated_record(self, m: Mention) -> bool:
        """The record with its past day right after it, then the statement's end or a word
        of what it says (``filed_done``): "VA PM&R consult 10/20/2026.", "Dr. Kim's consult
        (10/20/2026) supports continued PT" (fresh19-22 complete notes). Not a day to come
        ("ortho consult 12/20/2026" after today: a booking), nor one said pending."""
        if not m.rule.filed_done or \
                (after := self._day_after(m) or self._month_day_after(m)) is None or \
                after[0] > self.as_of:
            return False
        end = self._sentence_end(m.end)
        while end < len(self.lower) and self.lower[end] == "." and \
                re.search(rf"(?:{ABBREVIATED.pattern})\Z", self.lower[max(0, end - 7):end + 1]):
            end = self._sentence_end(end + 1)  # "(Dr. Lee) - cancelled": no stop at "Dr."
        rest = self.lower[after[1]:end]
        # (the clause after a semicolon says the record is not here yet: "Pulmonology (Dr.
        # Osei) saw him 11/10; note still not in chart")
        stop = re.compile(r"[.!?](?:\s|\Z)|\n").search(self.lower, end)
        full = stop.start() if stop else len(self.lower)
        if _record_words("not_yet").search(self.lower, end, full):
            return False
        done = "|".join(re.escape(w) for w in m.rule.filed_done)
        # (the consultant in brackets after the day: "IPM initial consult 10/20/2026 (Dr.
        # Castellanos).", a fresh complete note)
        # (or its own words quoted after it: 'Ortho Dr. Mensah consult 2026-11-24 - "PT
        # should help a lot"', a patient's spreadsheet: what it says is in hand)
        return re.fullmatch(r"[\s)\]]*(?:\(\s*dr\b[^()\n]{0,40}\)?[\s.]*)?", rest) is not None or \
            re.match(r"[\s)\],:-]*[\"“]", rest) is not None or \
            re.match(rf"[\s)\],:-]*(?:(?:and|who|-+)\s+)?(?:{done})\b", rest) is not None

    def _filed_later(self, m: Mention) -> bool:
        """The record described, then said on file later in its sentence ("her consult
        note for R knee OA, supporting a supervised PT program, is attached"; fresh21):
        "is"/"are" and a word of being on file, with no other record, no denial and no
        semicolon between."""
        end = self._sentence_end(m.end)
        tail = self.lower[m.end:min(end, m.end + 160)]
        where = alternation(m.rule.filed_where)
        later = re.search(rf"\b(?:is|are|was|were|has been|have been)\s+(?:{where})\b", tail)
        # ("Dr Haines' consult letter (pain medicine) and GP letter (Dr Lim, 03/11/2027)
        # both in pack": the records listed, then said on file together; fresh35)
        both = re.search(rf"\b(?:both|all|each)\s+(?:(?:are|were)\s+)?(?:{where})\b", tail)
        if both is not None and not re.search(
                r"[;\n]|\b(?:not|no|never|pending|requested|awaiting)\b", tail[:both.start()]):
            return True
        return later is not None and \
            not _ANOTHER_RECORD.search(tail, 0, later.start()) and \
            not re.search(r"[;\n]|\b(?:not|no|never|pending|requested|awaiting)\b",
                          tail[:later.start()])

    def _filed_at_line_end(self, m: Mention) -> bool:
        """The record's line ending in its status after a dash ("Orthopedics (Dr. Vance)
        consult 10/28/2026 recommends outpatient PT - on file."): a status line's last
        words are the record's, with no other record named between."""
        end = self.lower.find("\n", m.end)
        tail = self.lower[m.end:len(self.lower) if end < 0 else end]
        where = alternation(m.rule.filed_where)
        last = re.search(rf"\s[-–—]+\s*(?:{where})\s*[.;]?\s*$", tail)
        return last is not None and len(tail) <= 120 and \
            not _ANOTHER_RECORD.search(tail, 0, last.start()) and \
            not re.search(r"[;]|\b(?:not|no|never|pending)\b", tail[:last.start()])

    def _doctor_of(self, line: str, rule: ReadingRule, at: int) -> bool:
        """"Dr. Reyes' consult note (11/24/2026) documents ...", where another line names
        "Dr. Reyes (pulmonology)": the doctor right before the record is named with a cue
        (and none of ``filed_not``) on a line of their own elsewhere in the message."""
        doctor = _DOCTOR_BEFORE.search(line)
        if doctor is None:
            return False
        # (named with an initial elsewhere: "Dr P. Kim, ortho" ... "Dr Kim's consult")
        for other in re.finditer(rf"\bdr\.?\s+(?:[a-z]\.?\s+)?{re.escape(doctor['name'])}\b",
                                 self.lower):
            if self.lower.rfind("\n", 0, other.start()) + 1 == at:
                continue  # the record's own line: its cues come before the record
            lo = max(self.lower.rfind("\n", 0, other.start()) + 1, other.start() - 30)
            hi = self.lower.find("\n", other.end())
            near = self.lower[lo:min(other.end() + 30, len(self.lower) if hi < 0 else hi)]
            if hits(near, rule.cues) and not hits(near, rule.filed_not):
                return True
        return False

    def _past_semicolon(self, sentence: tuple[int, int]) -> tuple[int, int]:
        """The sentence and the clause after its semicolon: "Labs on 10/30/26: WBC 10,400;
        sodium, potassium and creatinine normal", "PT: two courses (8 wks, 8 wks); neither
        gave lasting relief": a semicolon goes on with the same statement."""
        if self.lower[sentence[1]:sentence[1] + 1] == ";":
            return sentence[0], self._sentence_end(sentence[1] + 1)
        return sentence

    def _sentence_end(self, pos: int) -> int:
        found = re.compile(r"[.;!?\n]").search(self.lower, pos)
        return found.start() if found else len(self.lower)

    def cued_numbers(self, m: Mention) -> list[Candidate]:
        """A count named by a cued phrase ("2 courses ... both failed" with PT named)."""
        if self.settles(m) or not self.number_cued(m):
            return []
        found = [c for c in self.numbers(m) if c.value != "0"]
        just = _FIGURE_JUST_BEFORE.search(self.lower, max(0, m.start - 12), m.start)
        if just and not another_measures(self.lower, _figure_start(self.lower, just.start()),
                                         m.rule.phrases):
            # "7/10 today (on tramadol) / 9/10 w/o meds": the "today" is the 7's ("RR 18
            # SpO2 95%": the 18 is the rate's)
            found = [c for c in found if c.span[0] < m.start]
        return found

    def number_cued(self, m: Mention) -> bool:
        """The cued number phrase has its cue in its sentence (and none of ``cue_not``)."""
        # (a sentence cut at a semicolon inside brackets runs on past them: "PT: 2 courses
        # (12 wk; 12 wk), no lasting relief")
        sentence = past_aside(self.lower, *self.context.sentence_span(m.clause))
        past = self._past_semicolon(sentence)
        if _EVERY_COURSE.search(self.lower, sentence[1], past[1]):
            # ("PT 3 courses, 4 wks each; only the last one failed" counts one, asked)
            sentence = past
        # (a cue wrapped at the line's margin, "no lasting\n   relief", is the same words)
        words = re.sub(r"\s+", " ", self.lower[sentence[0]:sentence[1]])
        # "PT x3 courses, total 15 wks (...). All 3 courses failed.": PT is the subject.
        # ("Conservative care: PT 12 wks over 2 courses, both w/o relief": the label that
        # heads the line names the section the courses are listed under, not their kind)
        head = _HEADING_LABEL.match(self.lower, sentence[0], m.start)
        told = re.sub(r"\s+", " ", self.lower[head.end():sentence[1]]) if head else words
        return bool(hits(words, m.rule.cues)) and not hits(told, m.rule.cue_not) and not (
            m.rule.cue_with and not hits(self.lower[self._paragraph(m)], m.rule.cue_with)) \
            and not self._another_things_count(m, sentence[0])

    def _another_things_count(self, m: Mention, lo: int) -> bool:
        """A bare count of courses belongs to the thing its sentence names nearest before
        it: "Failed: ibuprofen 800 TID x 6 wk - failed (1 course)" is one course of the
        drug, however near the therapy is named (fresh24's case-management log read it as
        one failed course of PT, and the qualifying note was denied). Only where the rule
        says which things are its own (``cue_with``) and which not (``cue_not``, and any
        medicine a count of medication courses counts)."""
        if not m.rule.cue_with:
            return False
        # (back to the sentence's start, or past a semicolon to the one before: "Gabapentin
        # 600 TID; 1 course, no benefit" is the drug's course too)
        lo = min(lo, 1 + max(self.lower.rfind(x, 0, m.start) for x in (". ", "\n", "? ", "! ")))
        before = self.lower[lo:m.start]
        own = hits(before, m.rule.cue_with)
        other = hits(before, m.rule.cue_not + _medicines())
        return bool(other) and (not own or max(own)[0] < max(other)[0])

    def named_value(self, m: Mention, value: str) -> Candidate | None:
        """A phrase that states a value ("room air": an FiO2 of 21 %; "both courses"
        failed: 2), with the rule's cue in the sentence where the rule has cues."""
        if self.settles(m) or self.negated(m):
            return None
        sentence = self.context.sentence_span(m.clause)
        words = self.lower[sentence[0]:sentence[1]]
        if m.rule.cues and not hits(words, m.rule.cues) or hits(words, m.rule.cue_not):
            return None
        if m.rule.cue_with and not hits(self.lower[self._paragraph(m)], m.rule.cue_with):
            return None  # "neither course helped" states failed PT courses where PT is named
        if self._another_things_count(m, sentence[0]):
            return None  # "naproxen then meloxicam, neither course helped": the drugs'
        return Candidate(m.fact, value, (m.start, m.end), 8)

    def _paragraph(self, m: Mention) -> slice:
        """The mention's paragraph (to the blank lines around it)."""
        start = max(self.lower.rfind("\n\n", 0, m.start), 0)
        end = self.lower.find("\n\n", m.end)
        return slice(start, len(self.lower) if end < 0 else end)

    def onset(self, m: Mention) -> Candidate | None:
        """"pain started 4 months ago": a relative date after an onset word is a duration."""
        if self.settles(m) == "skip":
            return None
        window = self.lower[m.start:m.clause.end]
        # ("Radicular leg pain from a fall down the stairs on 09/15/2026": "from" is an onset
        # word only before a day and a now, "from 07/20/2026 to today"; else the injury's)
        if not [w for a, b in hits(window, m.rule.onset) if (w := window[a:b]) != "from"]:
            return self._onset_date(m) if m.kind == "onset" else self._after_injury(m)
        start = self.context.sentence_span(m.clause)[0]
        row = self.text.rfind("\n", 0, m.start) + 1
        if _ROW_DATE.fullmatch(self.lower, row, m.start):
            start = row  # a chronology's row is its own, though joined to the header above
        # (an aside in brackets is no thing that started: a chat's "Dr. Grant (sports med):
        # ... sx since 05/11/2026" names the writer's field, not a medicine)
        if m.kind == "onset" and hits(re.sub(r"\([^()\n]*\)", " ", self.lower[start:m.start]),
                                      m.rule.onset_not):
            return None  # "gabapentin 300 mg TID, began 2 months ago": the drug's start
        found = re.search(r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve|a|an)\s*-?\s*(?P<u>days?|weeks?|wks?|"
                          r"months?|mos?|years?|yrs?)\s+ago\b", window)
        if found is None:
            return self._onset_date(m)
        if m.kind == "onset" and self._onset_of_other(m, m.start + found.start()):
            # "PT started 12 weeks ago": when the therapy began, not the symptoms
            return self._unread(m, f"is that when the symptoms began ({m.spec.label.lower()})?",
                                m.start, m.start + found.end())
        at, end = m.start + found.start(), m.start + found.end()
        if _ALTERNATIVE_BEFORE.search(self.lower, max(m.start, at - 30), at) or \
                _SHORT_OF_BEFORE.search(self.lower, max(m.start, at - 20), at) or \
                _ALTERNATIVE.search(self.lower[end:min(m.clause.end, end + 40)]):
            # "the cough started 5 or 6 weeks ago": a choice of two days, neither said
            return self._unread(m, "how long exactly?", m.start, end)
        unit = {"d": "days", "w": "weeks", "m": "months", "y": "years"}[found["u"][0]]
        number = found["n"] if found["n"][0].isdigit() else str(int(number_of(found["n"])))
        return Candidate(m.fact, f"{number} {unit}", (m.start, end), 10)

    def _onset_of_other(self, m: Mention, figure: int) -> bool:
        """A bare onset word ("started", "began") whose clause names something other than
        the fact before it or before its figure ("PT started 12 weeks ago", "started
        meloxicam 2 months ago"): the start of that thing, not of the symptoms."""
        words = self.lower[m.clause.start:m.start] + " " + self.lower[m.end:figure]
        if hits(words, m.rule.phrases):
            return False  # "back pain started 3 months ago", "started having neck pain ..."
        return bool(re.search(r"[a-z]{2,}", _ONSET_FILLER.sub(" ", words)))

    def _onset_date(self, m: Mention) -> Candidate | None:
        """"radicular pain since 05/11/2026", "back pain that began on 03/02/2026": the
        days from the onset date to today, when the fact is named just before."""
        sentence = self.context.sentence_span(m.clause)[0]
        # (an aside in brackets with a figure is no distance: "a cough, breathlessness and
        # chest pain (she scores it 6/10) since 20 April 2026"; a word glossed in brackets
        # stays: "presents tosse (cough) and shortness of the breath since ...")
        before = re.sub(r"\([^()\n]{0,80}?\d[^()\n]{0,80}\)", "", self.lower[sentence:m.start])
        # (a pain or a stiffness of any body part names the complaint too: "R ankle pain and
        # instability since an inversion sprain on 04/27/2026", "the knee has been painful and
        # stiff since 07/01/2026"; a treatment's start stays out by ``onset_not`` below)
        named = hits(before[-60:], m.rule.own_phrases) or _complaint_before(before[-60:]) or \
            self._named_before_state(m, sentence)
        # "Onset: 7/15/26" as a field of an intake form is the symptoms' onset.
        # So is a call log's "Karen: onset? -> 02/23/2026" (a speaker, the question, its answer).
        # (a form's column, after a gap on its line, is a field too: "Dx: M54.17
        # lumbosacral radiculopathy     Onset: 06/15/2026")
        # (a sentence before it on its line is no part of the label: "Part III, Q1.
        # Approximate date condition commenced: 10/06/2026")
        field = re.split(r"\t|   +|[.?]\s+",
                         self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start])[-1]
        label = (_ONSET_LABEL.fullmatch(field)
                 and re.match(r"\s*(?::|\?[ \t]*(?:->|→))", self.lower[m.end:])) \
            or self._onset_after_heading(m) or self._onset_opening(m, sentence) \
            or self._injury_day_label(m)
        # "pain since 07/05/2026": a phrase that ends in its own onset word
        own = m.kind != "onset" and any(
            b == m.end - m.start for _a, b in hits(self.lower[m.start:m.end], m.rule.onset))
        if (row := self._chronology_onset(m)) is not None:
            return row
        if (named_after := self._onset_of_named(m)) is not None:
            return named_after
        if not own and (m.kind != "onset" or not (named or label)) or \
                _CHANGED_SINCE.search(self.lower, max(0, m.start - 24), m.start):
            return None  # "worse since 11/01": when it got worse, not when it began
        end = self.context.sentence_span(m.clause)[1]
        if (month := month_onset_length(self.lower[m.end:min(end, m.end + 70)], self.as_of)):
            # "since 07/2026 (5 months)": the month, and the writer's count from it
            return Candidate(m.fact, month[0], (m.start, m.end + month[1]), 10)
        after = self.lower[m.end:min(m.clause.end, m.end + 60)]
        if self.lower[m.start:m.end] == "from":
            return self._from_day_to_now(m)
        for day, (a, _b) in dates_in(after, self.as_of):
            # (a form's dotted leader, "Symptom onset ....... 05/18/2026", is read as a
            # colon and the spaces it leaves: text.leaders_as_fields)
            near = a <= 8 or _PADDED_COLON.fullmatch(after[:a]) is not None
            if day is None or not (near and re.fullmatch(
                    r"\s*(?::|\?\s*(?:->|→))?\s*\[?\s*(?:on|of|date\s*:)?\s*(?:the\s+)?",
                    after[:a]) or
                    _ONSET_EVENT.fullmatch(after[:a]) or self._any_event(m, after[:a])):
                continue
            # ("H&P with symptom date range 11/19/2026 on file": a range with one day is
            # no start, the day is the record's; outside tester 31 F4 read 17 days)
            if self.lower[m.start:m.end].endswith("range") and \
                    not _RANGE_ON.match(self.lower, m.end + _b):
                continue
            days = (self.as_of - day).days
            if days > 0:
                return Candidate(m.fact, f"{days} days", (m.start, m.end + _b), 10)
        return self._event_after_comma(m) or self._event_dated_next(m) or self._since_then(m)

    def _from_day_to_now(self, m: Mention) -> Candidate | None:
        """"R shoulder pain and weakness from 07/20/2026 to today", "documents her symptoms
        from 07/14/2026 to the present": a complaint from a day to now dates from that day
        (not a span that ended: "pain from 10/01 to 10/15")."""
        found = _FROM_DAY_TO_NOW.match(self.lower, m.end)
        if found is None:
            return None
        day, span = first_date(found["day"], self.as_of)
        if day is None or span is None or (self.as_of - day).days <= 0:
            return None
        # ("The history and physical of 09/15/2026 documents her symptoms from 06/02/2026 to
        # date": up to that record's day, not today's; asked, unless it says today)
        lo, hi = self.context.sentence_span(m.clause)
        words = self.lower[lo:m.start] + " " + self.lower[found.end():hi]
        if not re.search(r"\b(?:today|this visit|now)\b", words) and any(
                other is not None and other < self.as_of
                for other, _s in dates_in(words, self.as_of)):
            return None
        return Candidate(m.fact, f"{(self.as_of - day).days} days", (m.start, found.end()), 10)

    def _named_before_state(self, m: Mention, sentence: int) -> bool:
        """"S: Dyspnea at rest, dry cough. Progressive since 02/02/2026.": a sentence that
        says only how the complaint goes ("Progressive", "Present", "Constant") before its
        onset word speaks of the complaint the sentence before it names (its paragraph)."""
        if not _STATE_ONLY.fullmatch(self.lower, sentence, m.start):
            return False
        prev = self.lower[max(self.lower.rfind("\n\n", 0, sentence), sentence - 160, 0):sentence]
        return bool(hits(prev, m.rule.phrases)) or _COMPLAINT_WORD.search(prev) is not None

    def _since_then(self, m: Mention) -> Candidate | None:
        """"Right shoulder pain after a fall from a ladder at work on 05/04/2026; pain
        continuous since then": "since then" dates from the injury the words before it give
        with its day (the last day before it in its paragraph, an injury right before that
        day, no treatment between)."""
        if not self.lower[m.start:m.end].endswith("since") or \
                not _THEN_AFTER.match(self.lower, m.end):
            return None
        start = max(self.lower.rfind("\n\n", 0, m.start), m.start - 200, 0)
        found = [(day, span) for day, span in dates_in(self.lower[start:m.start], self.as_of)
                 if day is not None]
        if not found:
            return None
        day, (a, _b) = found[-1]
        lead = self.lower[max(start, start + a - 70):start + a]
        injury = _INJURY_BEFORE.search(lead)
        if injury is None or hits(lead[injury.start():], m.rule.onset_not) or \
                _NO_EVENT.search(lead[injury.start():]) or (self.as_of - day).days <= 0:
            return None
        return Candidate(m.fact, f"{(self.as_of - day).days} days",
                         (m.start, _THEN_AFTER.match(self.lower, m.end).end()), 10)

    def _event_after_comma(self, m: Mention) -> Candidate | None:
        """"Back pain started the day she moved house, 15 June.": what the patient did,
        its day after a comma that ends the clause, is the onset (``_any_event``)."""
        end = self.context.sentence_span(m.clause)[1]
        if m.clause.end >= end or not self.lower.startswith(",", m.clause.end):
            return None
        after = self.lower[m.end:min(end, m.end + 70)]
        for day, (a, b) in dates_in(after, self.as_of)[:1]:
            if day is None or m.end + a <= m.clause.end or not (
                    self._any_event(m, after[:a]) or _ONSET_EVENT.fullmatch(after[:a])) \
                    or (self.as_of - day).days <= 0:
                return None
            return Candidate(m.fact, f"{(self.as_of - day).days} days", (m.start, m.end + b), 10)
        return None

    def _injury_day_label(self, m: Mention) -> bool:
        """"Pt: 39 y/o M. DOI 07/14/2026 (MVA, rear-ended)", "Neck pain since the
        accident. Date of loss: 06/05/2026": an injury's day named by its label (a
        claim's or a chiropractor's "DOI", an adjuster's "DOL") opening its sentence, its
        day right after it, colon or not: the day the symptoms date from."""
        if m.kind != "onset" or self.lower[m.start:m.end] not in _INJURY_DAY_LABELS:
            return False
        start = self.context.sentence_span(m.clause)[0]
        opening = self.lower[max(start, self.lower.rfind("\n", 0, m.start) + 1):m.start]
        day_next = re.match(r"[ \t]*(?::[ \t]*|-[ \t]+|#[ \t]*)?\d{1,2}/\d", self.lower[m.end:])
        return re.fullmatch(r"[ \t]*(?:[-*•][ \t]*)?", opening) is not None and day_next is not None

    def _after_injury(self, m: Mention) -> Candidate | None:
        """"Right shoulder pain after a fall from a ladder at work on 05/04/2026": the
        symptom named, then right after it an injury ("after", "following", "from"; only
        the injuries of ``_ONSET_EVENT``) and its day: the day the symptoms began. Not
        "worse after ..." (a word between) nor "after PT on ..." (no injury)."""
        if m.kind != "plain":
            return None
        after = self.lower[m.end:min(m.clause.end, m.end + 90)]
        lead = re.match(r"\s+(?:after|following|from)\b", after)
        if lead is None:
            return None
        for day, (a, b) in dates_in(after, self.as_of)[:1]:
            if day is None or not _ONSET_EVENT.fullmatch(after[lead.end():a]) or \
                    (self.as_of - day).days <= 0:
                return None
            return Candidate(m.fact, f"{(self.as_of - day).days} days", (m.start, m.end + b), 10)
        return None

    def _event_dated_next(self, m: Mention) -> Candidate | None:
        """"Since the pallet fell on me. That was March 2nd of this year.": an event after
        "since" with no day in its sentence, dated by the next sentence that opens by
        naming it ("That was ...", "It happened on ..."): the day the symptoms date from."""
        if not self.lower[m.start:m.end].endswith("since"):
            return None
        end = self.context.sentence_span(m.clause)[1]
        event = self.lower[m.end:end]
        if re.search(r"\d", event) or hits(event, m.rule.onset_not) or _NO_EVENT.search(event) \
                or not re.match(r"\s*(?:an?|the|her|his|their|my|our|i|she|he|we)\b", event):
            return None
        nxt = _DATED_NEXT.match(self.lower, end)
        if nxt is None:
            return None
        day, span = first_date(self.lower[nxt.end():nxt.end() + 40], self.as_of)
        if day is None or span is None or span[0] > 3 or (self.as_of - day).days <= 0:
            return None
        return Candidate(m.fact, f"{(self.as_of - day).days} days",
                         (m.start, nxt.end() + span[1]), 10)

    def _any_event(self, m: Mention, words: str) -> bool:
        """"pain since the office move on 07/14/2026", "since our trip on 05/02/2026":
        after "since", an event of any name with its day is the day the symptoms date
        from, unless it is a treatment, a visit or a study (the fact's ``onset_not``,
        ``_NO_EVENT``: "since the injection on 10/01" says when it changed, not began)."""
        event = _ANY_EVENT.fullmatch(words)
        word = self.lower[m.start:m.end]
        # ("back pain started the day she moved house, 15 June": the day of what she did)
        return event is not None and (word.endswith("since") or (
            event["day"] is not None and word in ("started", "began", "start", "onset"))) and \
            not hits(words, m.rule.onset_not) and not _NO_EVENT.search(words) and \
            not re.search(r"\b(?:" + _NOT_EVENT_VERBS + r")\b", words)

    def _onset_after_heading(self, m: Mention) -> bool:
        """"#1 L S1 radiculopathy. Onset 01/05/2026.": a bare onset word opening its
        sentence, its day right after it, under a short heading on the same line that names
        the symptom (a problem list's entry) is that symptom's onset."""
        if m.kind != "onset" or self.lower[m.start:m.end] != "onset":
            return False
        start = self.context.sentence_span(m.clause)[0]
        if self.lower[start:m.start].strip(" \t") or not _DATE_NEXT.match(self.lower, m.end):
            return False
        line = self.lower.rfind("\n", 0, start) + 1
        heading = self.lower[line:start]
        # (a problem's entry may name it with its diagnosis: "#1 Chronic low back pain,
        # lumbar facet arthropathy. Onset 08/25/2025.")
        return len(heading.split()) <= 12 and bool(hits(heading, m.rule.phrases)) and \
            not hits(heading, m.rule.onset_not)

    def _onset_opening(self, m: Mention, sentence: int) -> bool:
        """"Dx: lumbar strain. Onset 07/20/2026 (lifting at work).": the bare word "onset"
        opening its sentence, a day in figures right after it, is the onset of what the note
        is about, as "Onset: 07/20/2026" is (not "Onset of PT 08/01", nor a list's "HTN,
        onset 2019", nor a history section's entry)."""
        if m.kind != "onset" or self.lower[m.start:m.end] != "onset" or \
                self.lower[sentence:m.start].strip(" \t-*•") or \
                not _DATE_NEXT.match(self.lower, m.end):
            return False
        # (what the sentence before is about is what began: not someone else's, not a
        # history's: "Wife: migraines. Onset 05/01/2026." is hers)
        # and something is named there: "Onset 05/18/2026." alone, or after a drug
        # ("Meloxicam 15 mg. Onset 05/18/2026."), is asked
        before = self.lower.rfind("\n", 0, max(0, sentence - 1)) + 1
        named = self.lower[max(before, self.lower.rfind(". ", 0, max(0, sentence - 2)) + 2):
                           sentence]
        if not re.search(r"[a-z]{3}", named) or hits(named, m.rule.onset_not):
            return False
        return not any(mod.category in ("other", "historical", "hypothetical") and
                       before <= mod.trigger[0] < m.end for mod in self.context.modifiers)

    def _onset_of_named(self, m: Mention) -> Candidate | None:
        """"Onset of low back pain with right leg radiation 10/27/2025", "He developed
        right L5 radicular pain on 02/16/2026": the symptom named right after the onset
        word, then its day (no other figure between)."""
        if m.kind != "onset" or self.lower[m.start:m.end] not in ("onset", "developed"):
            return None
        # (a form's question and its answer: "Q2. Onset of symptoms (policy: at least 6
        # weeks)? 02/03/2026", "Onset of symptoms: 02/03/2026"; its aside is the asker's)
        end = self.lower.find("\n", m.end)
        end = len(self.lower) if end < 0 else end
        asked = _ONSET_ASKED.match(self.lower, m.end, min(end, m.end + 80))
        after = self.lower[m.end:min(m.clause.end, m.end + 80)] if asked is None else \
            self.lower[m.end:asked.end()] + self.lower[asked.end():min(end, m.end + 80)]
        for day, (a, _b) in dates_in(after, self.as_of)[:1]:
            between = after[:a]
            words = _ONSET_NAMED.fullmatch(between) if asked is None or a != asked.end() - m.end \
                else _ONSET_NAMED.fullmatch(" " + asked["what"] + " ")
            if day is None or words is None or not hits(words["what"], m.rule.phrases) or \
                    re.search(r"(?<![a-z])\d|\b(?:after|before|when|until|following|once)\b",
                              words["what"]) or hits(words["what"], m.rule.onset):
                return None  # "developed worsening pain after PT started on ...": PT's start
            days = (self.as_of - day).days
            return Candidate(m.fact, f"{days} days", (m.start, m.end + _b), 10) if days > 0 \
                else None
        return None

    def _chronology_onset(self, m: Mention) -> Candidate | None:
        """"11/20/2025  Onset of R-sided low back pain lifting a patient": a chronology's
        row gives its date first; "onset of" a symptom the fact names is when it began. (The
        line as typed: a header over the rows is joined to the first of them.)"""
        line = self.text.rfind("\n", 0, m.start) + 1
        row = _ROW_DATE.fullmatch(self.lower, line, m.start)
        if row is None or m.kind != "onset" or self.lower[m.start:m.end] != "onset" or \
                not re.match(r"[ \t]+of\b", self.lower[m.end:]) or \
                not hits(self.lower[m.end:m.clause.end], m.rule.phrases):
            return None
        found = dates_in(self.lower[line:m.start], self.as_of)
        day = found[0][0] if len(found) == 1 else None
        if day is None or (self.as_of - day).days <= 0:
            return None
        return Candidate(m.fact, f"{(self.as_of - day).days} days", (row.start("d"), m.end), 10)

    # --------------------------------------------------------------- numbers

    def _said_then(self, m: Mention) -> Candidate | None:
        """A length said of an earlier time: in text copied forward from an older note
        ("***COPIED FROM 08/27/26*** LBP x 4 mo", fresh23), or in a timeline's earlier
        entry ("Visit 03/01/2026: LBP x 2 weeks. Visit 11/20/2026: LBP ongoing.": 2 weeks
        then, outside tester session 11 F6, read as the duration now): asked."""
        out = [c for q in quantities(self.lower[m.clause.start:m.clause.end])
               if (c := self._number(m, q)) is not None and c.value not in (None, "0")]
        if not out:
            return None
        label = m.spec.label.lower()
        if self.context.copied_at(m.start):
            return self._unread(m, f"copied forward from an older note: what is the {label} now?")
        if (ended := self._ended_span(m, out)) is not None:
            return self._unread(m, f"that span ended on {ended.isoformat()}: what is the "
                                   f"{label} now?", m.start, max(c.span[1] for c in out))
        if (study := study_history_day(self.lower, m.start, self.as_of)) is not None and \
                (self.as_of - study).days > _STILL_DAYS:
            return self._unread(m, f"that was the history given for the study of "
                                   f"{study.isoformat()}: what is the {label} now?", m.start,
                                max(c.span[1] for c in out))
        if (then := self.then_in_entry(m)) is not None and not self._still_so(out, then):
            return self._unread(m, f"that was so at the visit of {then.isoformat()}: "
                                   f"what is the {label} now?", m.start,
                                max(c.span[1] for c in out))
        return None

    def _ended_span(self, m: Mention, out: list[Candidate]) -> date | None:
        """The last day of a span of two dated days read as the length, where that day is
        over two weeks before today ("Knee pain from 09/01/2026 to 10/15/2026, gone
        since"): how long the symptoms lasted then, not how long they have lasted now."""
        at = m.clause.start
        read = {c.quantity for c in out}
        for q in date_ranges(self.lower[at:m.clause.end]):
            days = [d for d, _span in dates_in(q.text, self.as_of) if d is not None]
            if (at + q.start, at + q.end) in read and days and \
                    (self.as_of - days[-1]).days > _STILL_DAYS:
                return days[-1]
        return None

    def _still_so(self, out: list[Candidate], then: date) -> bool:
        """A length in months or years said in an entry under two weeks before the last
        entry of the message ("12/08 10:02a ... LBP since 05/2025 (19 mo)" in a call log
        whose last entry is of 12/10) is still the length now, within its own precision."""
        last = max(day for _, day in self.openings())
        return (last - then).days < 14 and all(
            re.search(r"\b(?:months?|years?)\b", str(c.value)) for c in out)

    def numbers(self, m: Mention) -> list[Candidate]:
        seen = self.settles(m)
        if seen == "skip":
            return []
        if seen == "ask":
            return [self._unread(m, f"possible {m.spec.label.lower()}?")]
        if self.unchecked(m):
            return [self._unchecked(m)]
        if m.rule.lasts_days and self.dated_since(m, m.rule.lasts_days, own=True) or \
                self._of_a_past_episode(m):
            return [self._unread(m, "it is dated a while back: is it still so?")]
        if m.rule.then_in_entry and (then := self._said_then(m)) is not None:
            return [then]
        out = [c for q in quantities(self.lower[m.clause.start:m.clause.end])
               if (c := self._number(m, q)) is not None]
        if m.rule.counts_need_cue and (
                not self._cue_anywhere(m.rule.cues) or some_of_them(
                self.lower, m.end, self.context.sentence_span(m.clause)[1])):
            # how they went is not said, or said of some of them: asked
            out = [c for c in out if c.value in ("0", None)]
        if m.kind == "plain" and m.rule.zero_when_denied and (cue := adjacent_negation(
                self.lower, m.start, m.end, m.clause.end)) is not None:
            span = (min(cue[0], m.start), max(cue[1], m.end))
            if (why := self._zero_doubted(m, cue)) is not None:
                return out + [self._unread(m, why, *span)]
            if COMES_LATER.search(self.lower[cue[0]:cue[1]]):
                return out  # "PT notes - will fax": a record to come, no count of therapy
            if self.names_a_document(m):
                return out  # "No PT notes": the notes are denied, not the therapy
            if _CLAIM_DENIED.search(self.lower, cue[0], m.start):
                return out  # "I do not agree that conservative care has failed": a claim
            if _DONE_FOR_A_WHILE.search(self.lower, m.end, _statement_end(self.lower, m.end)):
                # "PT: no, I stopped after 4 weeks", "No physio; gave up after a couple of
                # weeks": the statement says some was done; how much is asked, never none
                return out + [self._unread(m, "none, or some before it stopped?", *span)]
            if self.contrasted(m, cue):
                # "12 weeks of home exercise not PT", "home exercise, not formal PT": the
                # figure is the other care's, and the words say what it was, not that PT
                # was never done (outside tester, session 7, F30): asked.
                return [c for c in out if c.quantity is None or c.quantity[0] > cue[0]]
            if _SINCE_WINDOW.search(self.lower[m.end:m.clause.end]):
                # "No PT since 2024", "no conservative tx since 01/2026": none lately, some
                # before (outside tester 26 F4: 0 weeks, a false denial)
                return out + [self._unread(m, "none since then; how much before?", *span)]
            out.append(Candidate(m.fact, "0", span, 30, denial=True))
        return out

    def _zero_doubted(self, m: Mention, cue: tuple[int, int]) -> str | None:
        """Why a denial beside a count is no "none": "PT weeks: N/A" (not applicable or not
        available), "PT: not documented" (the record is missing, not the therapy), "no prior
        films" beside the one named (none before it)."""
        if _NOT_APPLICABLE.search(self.lower[cue[0]:cue[1]]):
            return "n/a: how many, or none?"
        if self._undocumented_care(m, cue):
            return "not documented: how much was done?"
        if self._earlier_ones_denied(m, cue):
            # "R elbow X-ray 11/02/2026 (single set; no prior films)": none before the one
            # named, not none (outside tester 33 F9 read 0 sets)
            return "none before the one named: how many in all?"
        return None

    def _undocumented_beside(self, m: Mention) -> Candidate | None:
        """Care (not a record) said to be "not documented" right beside its name: asked."""
        # (whatever follows: "not documented by the referring office"; a denial before it
        # only where the fact's denial must touch it: "no documented infection" denies one)
        # (past the clause: "Failed conservative therapy - not documented")
        after = _UNDOCUMENTED_AFTER.match(self.lower, m.end,
                                          self.context.sentence_span(m.clause)[1])
        cue = (m.end, after.end()) if after else \
            adjacent_negation(self.lower, m.start, m.end, m.clause.end) \
            if m.rule.negation_kind(m.spec, m.fact) == "adjacent" else None
        if cue is None or not self._undocumented_care(m, cue):
            return None
        return self._unread(m, "not documented: was it done, and how did it go?",
                            min(m.start, cue[0]), max(m.end, cue[1]))

    def _undocumented_care(self, m: Mention, cue: tuple[int, int]) -> bool:
        """The denial of care (not of a record) is "not documented": a gap in the file."""
        return not m.rule.is_record(m.spec, m.fact) and \
            _UNDOCUMENTED.search(self.lower, cue[0], max(cue[1], m.end)) is not None

    def _earlier_ones_denied(self, m: Mention, cue: tuple[int, int]) -> bool:
        """A denial of earlier ones only ("no prior films", "no previous X-rays") in a message
        that names the thing itself elsewhere, not denied ("Knee X-rays 10/02/2026"): the
        one named is all there is, not none."""
        gap = self.lower[cue[0]:m.start] if cue[0] < m.start else ""
        if not _EARLIER_ONES.search(gap):
            return False
        return any(not (cue[0] <= a < max(cue[1], m.end)) and adjacent_negation(
            self.lower, a, b, min(len(self.lower), b + 40)) is None
            for a, b in self._hits(0, len(self.lower), m.rule.phrases))

    def _cue_anywhere(self, cues: tuple[str, ...]) -> bool:
        """One of ``cues`` somewhere in the message, a cue wrapped at a line's margin too
        ("no lasting\n    relief from either")."""
        return bool(self._hits(0, len(self.lower), cues)) or \
            bool(hits(re.sub(r"\s+", " ", self.lower), cues))

    def contrasted(self, m: Mention, cue: tuple[int, int]) -> bool:
        """A bare "not" before the mention, after a figure of its sentence and ending its
        clause: "X, not Y" sets the mention apart from what was counted ("12 weeks of
        home exercise not PT"); it denies nothing on its own ("not PT yet" does)."""
        if not re.match(r"\(?not\b", self.lower[cue[0]:cue[1]]) or \
                not re.fullmatch(r"[\s).!]*", self.lower[m.end:m.clause.end]):
            return False
        start = max(self.lower.rfind(ch, 0, cue[0]) for ch in ".;\n") + 1
        # (or the sentence says what something else was: "cardiac rehab is exercise
        # physiology, not PT", "her sessions were chiropractic, not physical therapy":
        # it classifies that care, and says nothing of whether PT was ever done; fresh27)
        return bool(re.search(r"\d", self.lower[start:cue[0]]) or
                    _SETS_APART.search(self.lower, start, cue[0]))

    def names_a_document(self, m: Mention) -> bool:
        """The mention is the first word of a document's name ("PT notes", "therapy
        logs", "PT flowsheet"): a denial touching it is about the document."""
        match = re.match(r"[\s'’s]*([a-z/]+)", self.lower[m.end:m.end + 20])
        return bool(match) and match.group(1) in context_rules().documents

    def _numbers_one(self, m: Mention, q, qa: int) -> bool:  # noqa: ANN001 - values.Quantity
        """The figure counts something else: "two PT courses" is not two sessions a
        week, nor "since the 2 PT courses" a pain of 2 (``_counted_thing``); "PT course 1:
        8 wks; PT course 2: 12 wks" says which course, not how many."""
        if m.spec.unit == "sessions/week":
            return q.unit != "rate"
        if m.spec.unit == "points":
            return q.unit == "" and bool(_counted_thing().match(self.lower, m.clause.start + q.end))
        if m.spec.unit != "courses":
            return False
        return bool(_COURSE_LABEL.search(self.lower, max(0, qa - 14), qa)) or qa >= m.end and \
            bool(_ORDINAL_LABEL.fullmatch(self.lower, m.end, qa)) and \
            bool(_COURSE_NOUN.search(self.lower, m.start, m.end))

    def _per_course(self, m: Mention, qa: int) -> bool:
        """The length at ``qa`` is each course's, not the whole: after a count of courses
        and a times sign ("2 courses x 5 weeks"), or in a sentence about each one ("Each
        course: supervised exercise all 6 wks", "In every block he did 4 weeks of ...")."""
        start = self.context.sentence_span(m.clause)[0]
        # (a count of things of a length: "2 cikle nga 6 javë"; not of any count, "two
        # views of one set" is one set of X-rays)
        counted = m.spec.unit == "weeks" and \
            _PER_COUNTED.search(self.lower, max(m.clause.start, qa - 30), qa)
        return bool(_PER_COURSE.search(self.lower, max(m.clause.start, qa - 30), qa) or
                    counted or _EACH_COURSE.search(self.lower, start, qa))

    def _number(self, m: Mention, q) -> Candidate | None:  # noqa: ANN001 - values.Quantity
        base = m.clause.start
        qa, qb = base + q.start, base + q.end
        raw = compatible(m.spec, q, m.rule.fraction)
        if raw is None and q.unit == "" and m.spec.unit == "weeks":
            raw = self._implied_weeks(m, q, qa)
        if raw is not None and (self._numbers_one(m, q, qa) or self._summed_up(
                m, self.lower[max(m.clause.start, qa - 20):qa]) or
                self._per_course(m, qa) or
                # ("two failed courses (exercise 8, manual 4)": the 8 is the exercise's)
                qa >= m.end and labelled_in_list(self.lower, m.end, qa) or
                m.rule.difference and qa >= m.end and
                _LEVEL_REACHED.fullmatch(self.lower, m.end, qa) or
                m.rule.difference and qb <= m.start and q.unit in ("/10", "/100")):
            # ("went up to 9", "increased to 8": the level reached, not the change; "seven
            # out of ten now so up one point": the score before the change's words is the
            # one reached, the change is the points after them; tester31 F3 read +7)
            raw = None
        if raw is None:
            if q.negative and compatible(m.spec, _unsigned(q), m.rule.fraction) is not None:
                return Candidate(m.fact, None, (qa, qb), 1, unread=Unread(
                    self.words(min(m.start, qa), max(m.end, qb)),
                    f"a negative number: {m.spec.label.lower()} cannot be below zero"),
                    quantity=(qa, qb))
            return None
        if m.spec.unit == "points" and _SEEN_ON.search(self.lower[max(0, qa - 14):qa]) or \
                a_change_not_a_level(self.lower, m, qa):
            # "Seen 2/10 for LBP": a visit on February 10, not a score; "FEV1 fell 22%": a
            # change, not the level
            return None
        if _PER_PART.match(self.lower[qb:m.clause.end]) and m.spec.unit in ("weeks", "courses") \
                and not (m.spec.unit == "courses" and _EACH_LASTING.match(self.lower, qb)):
            # "2 courses (6 wks each)": a part, not the whole; "PT and NSAIDs, 2 courses
            # each": four. ("2 courses each over 6 wks" says how long each of the 2 was.)
            return None
        distance = _distance(self.lower, m, qa, qb)
        before = self.lower[max(m.clause.start, qa - 20):qa]
        if distance is None or _SECOND.search(before) or _WINDOW.search(before) or \
                (qb <= m.start and _COUNTED_IN.search(self.lower, max(0, qa - 40), qa)) or \
                (m.rule.onset and qa >= m.end and _AT_POINT.search(before)) or \
                (qa >= m.end and _OTHER_EVENT.search(self.lower[m.end:qa])) or \
                (qa >= m.end and m.spec.unit == "weeks" and
                 (_DESPITE.search(self.lower[m.end:qa]) or
                  other_care_heads(self.lower, m.end, qa, m.rule.phrases))):
            # "... and another 8 weeks": a second course, read with the first; "failed
            # conservative tx within 12 mo": a window, not a duration; "symptoms returned
            # after 3 wks": how long a treatment helped, not how long the symptoms lasted.
            return None
        bound = _BOUND.search(self.lower[max(m.clause.start, qa - 14):qa]) or \
            _bound_of_twin(self.lower, max(m.clause.start, qa - 30), qa)
        unsettled = self._unsettled(m, qa, qb, bound) or self._quoted(m, qa, qb, distance) or \
            self._rate_changed(m, qa, qb)
        if unsettled is not None:
            return unsettled
        if m.kind == "decrease":
            if q.value < 0:
                return None
            raw = raw if raw.startswith("-") else f"-{raw}"
        notice = None
        if bound:  # "Symptoms > 6 wks (x 3 mo)": an exact figure beside it wins
            distance += 20
            notice = (f'Read "{self.words(qa - len(bound.group(0)), qb)}" as {raw} (at least); '
                      "correct me if it was more.")
        clause = self.lower[m.clause.start:m.clause.end]
        asked = self._asked_figure(m, q, qa, qb) or self._earlier_episodes(m, qa, qb) or \
            self._relatives_form(m, qa, qb)
        if asked is not None:
            return asked
        # A range ("5-6 weeks", "FEV1 75-85%") may straddle the policy's threshold: its
        # lower bound would be a value the text does not state, so the figure is asked.
        if q.hi is not None or (m.spec.unit == "points" and _BETWEEN.search(clause)) or \
                (m.spec.unit == "weeks" and _SHARED_UNIT.search(self.lower, max(0, qa - 16), qa)):
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), max(m.end, qb)), "which figure exactly?"))
        window = self.lower[max(m.clause.start, qa - 25):min(m.clause.end, qb + 25)]
        more = self._another(m, q, qa, qb, distance) or self._other_ranges(m, q, qa, qb)
        if more is not None:
            return more
        return Candidate(m.fact, raw, (min(m.start, qa), max(m.end, qb)), distance,
                         quantity=(qa, qb), notice=notice,
                         total=self._own_total(window, qa - max(m.clause.start, qa - 25),
                                               qb - qa) or bool(_EXACT.match(self.lower, qb)))

    def _summed_up(self, m: Mention, before: str) -> bool:
        """A measure's figure under a statistic's word (`_STATISTIC`), right before the
        figure or before the measure's name ("mean SpO2 93%"): no reading of now."""
        return summed_up(m.spec, m.rule, before) or \
            summed_up(m.spec, m.rule, self.lower[max(0, m.start - 20):m.start])

    def _quoted(self, m: Mention, qa: int, qb: int, distance: float) -> Candidate | None:
        """A figure a person is quoted as estimating: asked, as near as the figure is ('from
        "about a 5" before PT to an 8 now' leaves the 8 no baseline)."""
        if not quoted_estimate(self.lower, self.context.sentence_span(m.clause), qa, qb):
            return None
        return Candidate(m.fact, None, (qa, qb), distance, quantity=(qa, qb), unread=Unread(
            self.words(min(m.start, qa), max(m.end, qb)),
            "an estimate someone is quoted as giving: how much exactly?"))

    def _relatives_form(self, m: Mention, qa: int, qb: int) -> Candidate | None:
        """A pain score on a form a relative filled in ("Patient questionnaire - completed
        by patient's son ... Pain today (0-10): (8)"): the relative's report of it, and a
        pain score is the patient's own word (fresh14): asked."""
        if m.spec.unit != "points":
            return None
        if not self._filled_end:
            found = _filled_by(_relatives()).search(self.lower)
            self._filled_end.append(found.end() if found else None)
        if self._filled_end[0] is None or self._filled_end[0] > qa:
            return None
        return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
            self.words(min(m.start, qa), max(m.end, qb)),
            "a relative filled in the form: what does the patient rate it?"))

    def _earlier_episodes(self, m: Mention, qa: int, qb: int) -> Candidate | None:
        """A figure its clause gives to an earlier episode ("conservative treatment for 12
        weeks for a prior episode in 2025", "PT 8 wks during the previous flare"): that
        episode's, not this one's (outside tester 20 F15): asked. The clause runs to a
        semicolon or a full stop either side of the figure."""
        words = tuple(context_rules().earlier_episodes)
        if not words:
            return None
        lo = max(self.lower.rfind(x, 0, qa) for x in (".", ";", "\n")) + 1
        ends = [e for e in (self.lower.find(x, qb) for x in (". ", ";", "\n")) if e >= 0]
        if not hits(self.lower[lo:min(ends + [len(self.lower)])], words):
            return None
        return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
            self.words(min(m.start, qa), max(m.end, qb)),
            f"of an earlier episode: what is the {m.spec.label.lower()} for this one?"))

    def _asked_figure(self, m: Mention, q, qa: int, qb: int  # noqa: ANN001 - values.Quantity
                      ) -> Candidate | None:
        """A figure tied to one circumstance by the words after it (``ask_after``) or given
        in a unit the rule asks about (``ask_units``): asked, not read."""
        tied = hits(self.lower[qb:min(m.clause.end, qb + 30)], m.rule.ask_after)
        if not tied and m.spec.unit == "points" and _BARE.fullmatch(self.lower, qa, qb) and \
                (doing := _DOING_AFTER.match(self.lower, qb, m.clause.end)) is not None:
            tied = [(0, doing.end() - qb)]  # ("7 w/ bending", "6 w/ prolonged sitting")
        if tied and not re.search(r"\d", self.lower[qb:qb + tied[0][0]]):
            # "Pain 7/10 w/ motion": the score of one activity, not the patient's score
            # ("Current episode: 4 weeks of naproxen": the length of the medicine's course)
            why = f"the length of what follows it: what is the {m.spec.label.lower()}?" \
                if m.spec.unit == "weeks" else \
                "a score of one activity or one dose: what is the pain score?"
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), qb + tied[0][1]), why))
        if m.spec.unit == "weeks" and _state_length_after().match(self.lower, qb) and \
                not _FOR_BEFORE.search(self.lower, max(0, qa - 8), qa):
            # "Pt 34 F states she is 10 wks pregnant", "PT 6 wks post-op": the age of a
            # pregnancy or the time since an operation, no therapy's, care's or symptom's
            # length ("PT for 6 wks post-op" is the therapy's, done since the operation)
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), max(m.end, qb)),
                f"the age of a pregnancy or the time since an operation: what is the "
                f"{m.spec.label.lower()}?"))
        if m.spec.unit == "weeks" and (_SHARE_OF_PERIOD.match(self.lower, qb) or (
                re.match(r"an?\s", self.lower[qa:qb]) and
                _LENGTH_BEFORE.search(self.lower, max(0, qa - 20), qa))):
            # "cough on most days for 3 months of the year": how much of every year, a
            # recurring share, not how long it has lasted (fresh21's ATS questionnaire)
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), max(m.end, qb)),
                f"a share of each year or month, not its length: what is the "
                f"{m.spec.label.lower()}?"))
        if q.unit in m.rule.ask_units and not _AFTER_DATE.search(self.lower, max(0, qa - 16), qa):
            # "productive cough x 5 days": the presenting complaint's span, whatever came
            # before it; how long the symptoms have lasted is asked
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), max(m.end, qb)),
                f"is that how long in all ({m.spec.label.lower()})?"))
        return None

    @staticmethod
    def _own_total(window: str, at: int, size: int) -> bool:
        """A total word beside the figure with no other figure between them: in "PT #2 (6
        wks): 14 wks total" the total is the 14's, not the 6's."""
        for t in TOTAL.finditer(window):
            between = window[t.end():at] if t.end() <= at else window[at + size:t.start()]
            if not re.search(r"\d", between):
                return True
        return False

    def _implied_weeks(self, m: Mention, q, qa: int) -> str | None:  # noqa: ANN001
        """A bare figure whose unit was said before it: "Total weeks of conservative
        treatment: 18", "PT: 12 wk (ther ex 6, manual/modalities 3, educ 3)"."""
        label = _UNIT_LABEL.search(self.lower[max(m.clause.start, qa - 60):qa]) or \
            _UNIT_LIST.search(self.lower[max(self.lower.rfind("\n", 0, qa) + 1, qa - 120):qa])
        if label is None and qa >= m.end and not self.lower[m.end:qa].strip(" \t:"):
            label = _UNIT_AFTER_LIST.match(self.lower, qa + q.end - q.start)
        if label:
            unit = label.groupdict().get("u") or label.groupdict().get("p") or label["e"]
            return f"{q.value:g} {_LABEL_UNITS.get(unit, unit)}"
        line_start = self.lower.rfind("\n", 0, qa) + 1
        opening = self.lower.rfind("(", line_start, qa)
        # In a breakdown each item is one label and its figure, in the breakdown's own
        # order: "(ex 6, manual 2)" or "(6 ex, 2 manual)"; never across a comma, nor a
        # slash ("(8 ex/2 manual/2 ed)": the 8 is the exercise's; outside tester session 9
        # F24).
        between = self.lower[min(qa, m.end):max(qa, m.start)]
        figure_first = re.match(r"\(\s*\d", self.lower[opening:]) is not None \
            if opening >= 0 else False
        if opening >= 0 and ")" not in self.lower[opening:qa] and not re.search(r"[,;/]", between) \
                and (qa < m.start) == figure_first:
            parent = _PARENT_WEEKS.search(self.lower[line_start:opening])
            # ("14 weeks total (8 at Valley PT + 6 at home health)": a course at one place
            # is a part of the total, not the therapy's whole; outside tester session 9 F16)
            if parent and not (TOTAL.search(parent.group(0)) and re.search(r"\bat\b", between)):
                return f"{q.value:g} weeks"
        return None

    def _other_ranges(self, m: Mention, q, qa: int, qb: int) -> Candidate | None:  # noqa: ANN001
        """"NSAIDs 6/15-8/15/26; chiropractic 8/20-10/30/26": one dated course of several
        on the line is not the whole; how long in all is asked."""
        if "/" not in q.text:
            return None
        start = self.lower.rfind("\n", 0, qa) + 1
        end = self.lower.find("\n", qb)
        line = self.lower[start:len(self.lower) if end < 0 else end]
        if len(date_ranges(line)) < 2:
            return None
        return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
            self.words(min(m.start, qa), qb), "one of several courses: how long in all?"))

    def _above(self, m: Mention, qa: int, bound: re.Match[str] | None) -> bool:
        """A measure said to be above a figure ("Pain >3/10", "FiO2 >60%", "WBC >15"):
        how much is asked (outside tester session 10 F16). An arrow ("89% RA -> 94%") or
        the end of an HTML tag ("<b>6</b>") is no bound: the figure after it is read."""
        if bound is None or m.spec.unit not in _MEASURED or \
                bound.group(0).strip() not in _STRICT:
            return False
        at = qa - len(bound.group(0))
        before = self.lower[max(0, at - 200):at]
        return not before.rstrip().endswith(("-", "=", "—", "–")) and \
            not (bound.group(0).strip() == ">" and _TAG_OPEN.search(before))

    def _unsettled(self, m: Mention, qa: int, qb: int,
                   bound: re.Match[str] | None) -> Candidate | None:
        """A figure that does not say how much there was: a ceiling ("< 6 wks"), a delay
        before a start ("PT started 4 weeks after surgery"), an alternative ("one set of
        x-rays, possibly two"), or a ticked threshold ("[x] Sx >= 6 wks")."""
        if m.spec.unit == "weeks" and _DELAY_AFTER.match(self.lower, qb) and \
                _DELAY.search(self.lower, m.clause.start, qa):
            return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), qb),
                f"the time until it started, not its length: what is the "
                f"{m.spec.label.lower()}?"))
        sentence_end = self.context.sentence_span(m.clause)[1]
        # (a question mark right after the figure doubts it: "PT 12 weeks? she thinks so,
        # will verify", outside tester session 11 F10)
        line = self.lower[self.lower.rfind("\n", 0, qa) + 1:qa]
        end = self.lower.find("\n", qb)
        rest = self.lower[qb:len(self.lower) if end < 0 else end]
        if (bound and bound.group(0).strip() in _UPPER) or \
                self._above(m, qa, bound) or \
                _ALTERNATIVE.search(self.lower[qb:min(sentence_end, qb + 40)]) or \
                _ALTERNATIVE_BEFORE.search(self.lower, max(m.clause.start, qa - 30), qa) or \
                _AT_LEAST_PLUS.match(self.lower, qa, qb) or _OR_BEYOND.match(self.lower, qb) or \
                _HEDGED.search(self.lower, max(m.clause.start, qa - 30), qa) or \
                _QUERIED.match(self.lower, qb) or \
                (bound and (_BOX.match(line) or _BLANK_AFTER.match(rest) or
                            _RESULT_AFTER.match(rest) or
                            _VERDICT_AFTER.match(rest) or
                            _CRITERIA.search(line))):
            return Candidate(m.fact, None, (qa, qb), 45, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), max(m.end, qb)), "how much exactly?"))
        return None

    def _rate_changed(self, m: Mention, qa: int, qb: int) -> Candidate | None:
        """A frequency of sessions that changed during the care ("2x/wk x 12 wks, then
        1x/wk x 12 wks"): no one figure of the whole course (``rates.py``), asked."""
        if m.spec.unit != "sessions/week" or not rate_changed(
                self.lower, (qa, qb), m.rule.cues):
            return None
        return Candidate(m.fact, None, (qa, qb), 1, quantity=(qa, qb), unread=Unread(
            self.words(min(m.start, qa), max(m.end, qb)),
            "the sessions a week changed during the care: how many a week, in which weeks?"))

    def _another(self, m: Mention, q, qa: int, qb: int,  # noqa: ANN001 - values.Quantity
                 distance: float) -> Candidate | None:
        """"PT 12 weeks in 2025 and another 8 weeks this fall": 20 weeks in all (asked
        when the two are in different units)."""
        times = _TIMES_COURSES.match(self.lower, qb)
        if times and q.unit in _DURATION_WORDS and m.spec.unit == "weeks":
            # "PT 6 wks x 2 courses": 12 weeks in all.
            raw = f"{q.value * int(times['k']):g} {q.unit}"
            return Candidate(m.fact, raw, (min(m.start, qa), times.end()), distance,
                             quantity=(qa, times.end()))
        more = _ANOTHER.match(self.lower, qb, self.context.sentence_span(m.clause)[1])
        if more is None:
            return None
        if q.unit not in _DURATION_WORDS or _unit_word(more["u"]) != q.unit or \
                _TAIL_ELSE.search(more["tail"]):
            return Candidate(m.fact, None, (qa, more.end()), 1, quantity=(qa, qb), unread=Unread(
                self.words(min(m.start, qa), more.end()), "how long in all?"))
        raw = f"{q.value + float(more['n']):g} {q.unit}"
        return Candidate(m.fact, raw, (min(m.start, qa), more.end()), distance,
                         quantity=(qa, more.end()), notice=(
                             f'Read "{self.words(qa, more.end())}" as {raw} in all; '
                             "correct me if the second course is counted in the first."))

    def temperatures(self, m: Mention) -> list[Candidate]:
        """"38.9 °C", "101.8 degrees F": a temperature names itself."""
        out = []
        for q in quantities(self.lower[m.clause.start:m.clause.end]):
            a, b = m.clause.start + q.start, m.clause.start + q.end
            # ("a temperature above 38 °C": a threshold, how high is asked)
            if q.explicit_degree and q.unit in ("F", "C") and \
                    not _BOUND.search(self.lower[max(m.clause.start, a - 14):a]) and \
                    not _bound_of_twin(self.lower, max(m.clause.start, a - 30), a):
                out.append(Candidate(m.fact, f"{q.value:g} {q.unit}", (a, b), 20, quantity=(a, b)))
        return out

    def _heading_class(self, m: Mention) -> Mention | None:
        """The drug class heading the drug the mention names (``heading_class``)."""
        found = heading_class(self.lower, (m.start, m.end),
                              self.context.sentence_span(m.clause)[0], m.rule.counts)
        if found is None:
            return None
        index = self.context.clause_index(found[0])
        clause = self.context.clauses[index] if index is not None else m.clause
        return Mention(m.fact, m.spec, m.rule, clause, found[0], found[1], m.kind)

    def counted(self, m: Mention) -> Candidate | None:
        """"failed naproxen x 3 mo": one named item in a failure statement is one course."""
        if self.settles(m) or self.negated(m):
            return None
        if _DRUG_CLASS.fullmatch(self.lower[m.start:m.end]) and \
                _CLASS_NAMED_BACK.search(self.lower, max(0, m.start - 30), m.start):
            return None
        head = self._heading_class(m)
        if head is not None and self._said_failed(head):
            return None  # the class heading it is the course, counted once
        if _NOT_TRIED_AFTER.match(self.lower, m.end) and \
                not _BOX_RIGHT_BEFORE.search(self.lower, max(0, m.start - 6), m.start):
            # "NSAID ☑ failed    oral steroid ☐ not tried": its own box or words say the
            # item was not tried; the failure on its line is another item's (fresh14)
            return None
        if _NOT_TRIED_BEFORE.search(self.lower, max(0, m.start - 40), m.start):
            return None
        if not self._said_failed(m):
            return None
        return Candidate(m.fact, "1", (m.start, m.end), 50)

    def _said_failed(self, m: Mention) -> bool:
        """The counted item is said to have failed, in its own clause or table cell, by
        a failure heading its line or one said of all the items after it."""
        # "naproxen (failed) | duloxetine 30 mg": a table's cell is the item's own clause
        # (the bars are the message's own: ``lower`` reads a row's first one as a colon)
        raw = self.text[m.clause.start:m.clause.end]
        a, b = m.start - m.clause.start, m.end - m.clause.start
        cell = (max(raw.rfind("|", 0, a), raw.rfind("\t", 0, a)) + 1,
                min([i for i in (raw.find("|", b), raw.find("\t", b)) if i >= 0], default=len(raw)))
        clause = self.lower[m.clause.start + cell[0]:m.clause.start + cell[1]]
        # "Meds failed: diclofenac x 2 mo; prednisone taper": a failure said before the
        # items in the same line heads them all.
        line_start = self.lower.rfind("\n", 0, m.start) + 1
        a, b = self.context.sentence_span(m.clause)
        # "... and a Medrol dosepak - both failed"; "PT failed, as did 8 weeks of naproxen".
        # "Failed: naproxen x8wk, meloxicam x6wk. Gabapentin 300 TID current, helps some.":
        # a heading's list does not take an item its own words call still going (fresh23)
        own = re.split(r"[;,]", self.lower[m.end:b])[0]
        if not _FAILED.search(clause) and still_going(own) or _NOT_FAILED.search(own):
            # ("Pt on prednisone 5 mg daily for polymyalgia (not a failed course)": the
            # item's own words deny it is one; outside tester 33 F9 counted it)
            return False
        return bool(_FAILED.search(clause) or _FAILED_HEAD.search(self.lower[line_start:m.start])
                    or _RELIEF_GONE.match(self.lower, m.end, b)
                    or _FAILED_ALL.search(self.lower[m.end:b]) or
                    _AS_DID.search(self.lower[a:m.start]) or
                    _FAILED_AFTER.match(self.lower, m.clause.end, b))

    # ------------------------------------------------------------------ dates

    def _booked(self, m: Mention) -> bool:
        """The rest of the denied study's statement (to its sentence's end, a semicolon
        or a line's end) says one is on its way: ordered, booked, on a waiting list."""
        end = self.context.sentence_span(m.clause)[1]
        # ("No MRI yet; booked for January": a "yet" carries the statement past its
        # semicolon, which ends the sentence: "Employee has not had an MRI yet; ordered by
        # PCP, pending insurance" read the MRI as never done, fresh20)
        if re.match(r"\s*(?:done\s+)?yet\b", self.lower[m.end:end]):
            stop = _STATEMENT_END.search(self.lower, end)
            end = stop.start() if stop else len(self.lower)
            return bool(_TO_COME.search(self.lower, m.end, end))
        stop = re.search(r"[;\n]", self.lower[m.end:end])
        return bool(_TO_COME.search(self.lower, m.end, m.end + stop.start() if stop else end))

    def date_mention(self, m: Mention, bound: list[tuple[date | None, tuple[int, int]]]
                     ) -> Candidate | None:
        """A date fact's mention with the dates bound to it (the latest counts)."""
        seen = self.settles(m)
        if seen == "skip":
            return None
        if seen == "ask":
            return self._unread(m, f"possible {m.spec.label.lower()}?")
        line = self.lower[self.lower.rfind("\n", 0, m.start) + 1:m.start]
        if (self.unticked(m) or _BOX_BEFORE.search(line)) and \
                (m.rule.unchecked == "ask" or not bound):
            # "[ ] MRI report": not sent, or never done? A box is no date.
            return self._unread(m, "box not ticked: never done, or not sent?")
        if _NO_MORE_OF.search(self.lower, max(0, m.start - 40), m.start):
            # "Today 11/19/2026: no newer imaging": denies another study, and the date
            # is the entry's; the one described keeps its own.
            return None
        if bound:
            return self._bound_date(m, bound)
        if adjacent_negation(self.lower, m.start, m.end, m.clause.end) is not None:
            if self._named_otherwise(m):
                return None  # "MRI L-spn 8/14 ..., no CT": the MRI was done
            if _NOT_ON_FILE.match(self.lower[m.end:m.clause.end]) or \
                    NOT_HERE_YET.match(self.lower[m.end:m.clause.end]) or \
                    _COPY_OF.search(self.lower, max(m.clause.start, m.start - 40), m.start):
                # "No X-rays on file" says the file lacks them, not that none were done.
                return self._unread(m, "not on file: were they ever done, and when?")
            if _SINCE_WINDOW.search(self.lower[m.end:m.clause.end]) or self._occasion(m) or \
                    _REPEAT.search(self.lower, max(0, m.start - 20), m.start) or \
                    _REPEAT_NAMED.match(self.lower, m.start):
                # ("repeat PFTs not done": one was done before; outside tester session 11 F19)
                # "No x-rays since 2023", "no nerve blocks in the past 3 months",
                # "Telehealth visit 11/1/2026, no physical exam": there was one before,
                # or may have been.
                return self._unread(m, "when was the last one?", m.clause.start, m.clause.end)
            if self._booked(m):
                # "MRI not done - pt on waitlist", "No CT yet; booked for January": not done
                # so far, with one on its way: the date the policy asks for is still to come
                return self._unread(m, "not done yet, but booked: when is it?")
            # the quote carries the denial: "no nerve block", not "nerve block"
            return Candidate(m.fact, "never", (m.start, m.end), shown=self._denial(m))
        if self.unknown(m):
            return Candidate(m.fact, None, (m.start, m.end))
        vague = vague_date(self.lower[m.end:m.end + 40])
        if vague is not None and not re.search(r"[.;\n]", self.lower[m.end:m.end + vague.start()]):
            return self._unread(m, "which date exactly?", m.start, m.end + vague.end())
        return None

    def _bound_date(self, m: Mention, bound: list[tuple[date | None, tuple[int, int]]]
                    ) -> Candidate | None:
        """A date fact's mention with the dates of its sentence bound to it."""
        a = min([m.start] + [s[0] for _, s in bound])
        b = max([m.end] + [s[1] for _, s in bound])
        why = "not a valid date" if any(d is None for d, _ in bound) else \
            None if self.qualified(m) else f"{m.spec.label.lower()}?"
        # ("XR L-spine 05/04/2025 (not repeated today)": today is no day of the X-rays)
        kept = [d for d in bound if not _negated_day(self.lower, m.end, d[1])]
        if not why and not kept:
            return self._unread(m, "not done that day: when was the last one?", a, b)
        bound = kept or bound
        if why:
            # ("11/16/2026  Office visit - NRS 6/10": a visit's date, no exam said)
            return self._unread(m, why, a, b)
        # A record's status beside each date: an order's or a booking's day is no
        # study ("Ordered 10/20/2026  Completed 10/28/2026"), an open note's is asked.
        status = by_status(self.lower, bound, m.start)
        if status.unsure:
            # (its day kept: a signed one of an earlier day is then no settled latest)
            return replace(self._unread(m, "not signed yet: is it done?", a, b),
                           dates=status.opened)
        if not status.kept:
            return self._unread(m, "was it done?", a, b)
        found = [d for d, _ in status.kept if d is not None]
        first = min(s[0] for _, s in status.kept)
        b = max([m.end] + [s[1] for _, s in status.kept])
        # The words after the date up to its clause's end ("9/1/2026. MRI ...
        # cancelled": the cancellation is the next sentence's).
        after = re.split(r"[,;\n]|\.(?:\s|$)", without(self.lower, b, b + 45, status.dropped),
                         maxsplit=1)[0]
        between = without(self.lower, m.end, min(first, b), status.dropped)
        rules = context_rules()
        # ("MRI knee 2026-11-01 (ordered, pt did not go)": ordered that day, never
        # done; outside tester session 9 F4)
        rest = re.split(r"[;\n]|\.(?:\s|$)", without(self.lower, b, b + 60, status.dropped),
                        maxsplit=1)[0]
        # ("H&P 11/20/2026 copied forward from 05/12/2026", "PHYSICAL EXAM (copied forward
        # from visit of 11/02/2026)": the record says it is a copy of an older one; no new
        # record that day)
        if hits(after + between, tuple(rules.not_completed + rules.not_happened)) or \
                _not_redone(between, tuple(rules.not_redone)) or \
                hits(rest, tuple(rules.not_attended)) or \
                hits(f"{between} {self.lower[first:b]} {after}", tuple(rules.copied_forward)) or \
                (first < m.start and _DAY_FOR.search(self.lower, max(0, m.start - 30), m.start)):
            return self._unread(m, "was it done?", a, b + len(after.rstrip()))
        if adjacent_negation(self.lower, m.start, m.end, m.clause.end) is not None or \
                self._newer_one(m, b):
            # "No physical exam at today's visit": not done that day; the last one?
            return self._unread(m, "when was the last one?", a, b)
        return Candidate(m.fact, max(found).isoformat(), (a, b), 0, dates=found)

    def _occasion(self, m: Mention) -> bool:
        """The sentence dates one occasion of care ("Telehealth visit 11/1/2026")."""
        a, b = self.context.sentence_span(m.clause)
        return bool(self.dates((a, b))) and \
            bool(hits(self.lower[a:b], tuple(context_rules().occasions)))

    def _named_otherwise(self, m: Mention) -> bool:
        """Another phrase of the fact, not denied, elsewhere in the message."""
        return any(adjacent_negation(self.lower, a, b, min(len(self.lower), b + 40)) is None
                   for a, b in self.context.occ.hits(m.rule.phrases)
                   if not (a <= m.start < b or m.start <= a < m.end))

    def _newer_one(self, m: Mention, b: int) -> bool:
        """The sentence goes on to a newer one than the date read ("her last H&P was on
        11/02/2025, but there's a newer one from her PCP dated 06/18/2026"): the date
        read is not the latest."""
        stop = _SENTENCE_STOP.search(self.lower, b)  # (past a semicolon)
        return _NEWER_ONE.search(self.lower, b, stop.start() if stop else len(self.lower)) \
            is not None

    def dates(self, sentence: tuple[int, int]) -> list[tuple[date | None, tuple[int, int]]]:
        a, b = sentence
        service = self.service_date()
        visit = service[0] if service else None
        # "Date of service: 11/18/2026 ... Lumbar XR today": the note's today, not ours
        # (when the note's own date is a day, not "3 weeks ago").
        today = visit if service and not relative_date(
            self.lower[service[1][0]:service[1][1]]) else self.label_date(a)
        entry = self.entry_date(a)
        # "Visit 10/01/2026: H&P today ...": the visit's today (outside tester session 11
        # F13: read as the day of the check).
        heading = self.heading_date(a, b)
        section = self.section_date(a)
        found = [(d, (x + a, y + a))
                 for d, (x, y) in dates_in(self.lower[a:b], self.as_of,
                                           relative_to=entry or heading or section or today)]
        if entry is False or not (entry or heading or section or today) and \
                self._dated_dictation():
            # An undated page among dated entries: whose "today" it is is not said. Nor
            # is a dictation's, whose day is said where no date could be read ("dictating
            # on 10 20 2026 ... history and physical today" read the day of the check:
            # a 47-day-old H&P met 30 days; outside tester 34 F2).
            found = [(None if relative_date(self.lower[x:y]) else d, (x, y))
                     for d, (x, y) in found]
        if visit is not None:
            # "H&P performed at this visit": the note's date of service.
            found += [(visit, (a + m.start(), a + m.end()))
                      for m in THIS_VISIT.finditer(self.lower[a:b])]
        # (a date of birth is no day of what the sentence names: "Films pulled for pt
        # (DOB 04/02/1961)" dated the X-rays 1961; phrase35a)
        return [f for f in found if not birth_dated(self.lower, f, self.as_of)]

    def _dated_dictation(self) -> bool:
        if self._dictated is None:
            self._dictated = _DICTATED.search(self.lower) is not None
        return self._dictated

    def openings(self) -> list[tuple[int, date]]:
        """Where each sentence opened by the date of its visit or note starts, with that
        date (``_OPENING``); not a later or another visit's ("Last visit 10/01/2026:")."""
        if self._openings is None:
            self._openings = []
            for m in _OPENING.finditer(self.lower):
                found = dates_in(m["date"], self.as_of) or _year_less(m["date"], self.as_of)
                if m["head"] and _NOT_THIS_ONE.search(m["head"]) or not found or \
                        found[0][0] is None or found[0][0] > self.as_of:
                    continue
                self._openings.append((m.start("date"), found[0][0]))
        return self._openings

    def heading_date(self, a: int, b: int) -> date | None:
        """The date heading the line the sentence ``a``-``b`` is on, said in it or before
        it ("Note dated 09/10/2026. Seen today for H&P."): that entry's "today"."""
        line = self.lower.rfind("\n", 0, a) + 1
        days = [day for start, day in self.openings() if line <= start < b]
        return days[-1] if days else None

    def section_date(self, at: int) -> date | None:
        """The date of the section header above ``at`` (``_SECTION_HEAD``: "---- MD
        ADDENDUM (Dr. L. Farouk, PCP) 11/24/2026 ----"), with no blank line or other
        header between: that section's "today" (fresh16: "Full H&P today" under an
        addendum of 11/24 was read as the day of the check)."""
        if self._sections is None:
            self._sections = []
            for m in _SECTION_HEAD.finditer(self.lower):
                title = m["framed"] or m["bracket"] or m["named"] or m["titled"]
                found = dates_in(title, self.as_of)
                day = found[0][0] if len(found) == 1 and not relative_date(title) else None
                self._sections.append((m.end(), day if day and day <= self.as_of else None))
        above = [(end, day) for end, day in self._sections if end <= at]
        if not above:
            return None
        end, day = above[-1]
        # (a blank line as written: a line of another patient's, blanked, ends nothing)
        return None if _BLANK_LINE.search(self.text, end, at) else day

    def then_in_entry(self, m: Mention) -> date | None:
        """The date of the entry the mention is in, where a later dated entry follows it
        in the message: what it says was so then."""
        before = [(start, day) for start, day in self.openings() if start <= m.start]
        if not before:
            return None
        start, day = before[-1]
        return day if any(s > m.start and later > day for s, later in self.openings()) \
            else None

    def entry_date(self, at: int) -> date | None | bool:
        """The date opening the dated entry ``at`` is in, in a packet of dated entries
        ("[p.3] 08/03/2026 PCP: ... stopped today"): that entry's "today". False where
        ``at`` is on an undated page after dated ones; None outside any entry."""
        opened: date | None | bool = None
        for start, value in self._entries():
            if start > at:
                break
            opened = value
        return opened

    def _entries(self) -> list[tuple[int, date | None | bool]]:
        """Where each dated entry, undated page and blank line starts, with its date
        (False: an undated page after a dated entry; None: a blank line)."""
        if self._entry_marks is None:
            self._entry_marks = []
            dated = False
            for m in _ENTRY.finditer(self.lower):
                if m["blank"] is not None:
                    self._entry_marks.append((m.start(), None))
                    continue
                head = self.lower[m.end():m.end() + 12]
                found = dates_in(head, self.as_of)
                if found and found[0][1][0] == 0 and found[0][0] is not None and \
                        not relative_date(head[:found[0][1][1]]):
                    self._entry_marks.append((m.start(), found[0][0]))
                    dated = True
                elif m["page"]:
                    self._entry_marks.append((m.start(), False if dated else None))
            if sum(isinstance(v, date) for _, v in self._entry_marks) < 2:
                self._entry_marks = []  # one dated line is no packet of entries
        return self._entry_marks

    def label_date(self, at: int) -> date | None:
        """The day of the message's one "Date:" label (or a log's "Entry 12/12/2027")
        opening a line or a sentence in its first lines, where ``at`` comes after it: a
        letter's or a club doctor's summary's own day, its writer's today ("Date:
        07/03/2028 (full history and exam today)", "Rider: K. Dunn. Date: 06/30/2027. ...
        Comprehensive history and physical today": f32, f35, f36 read the reader's day)."""
        if self._label is None:
            found = list(_DATE_LABEL.finditer(self.lower))
            day = None
            if len(found) == 1 and found[0].start() < _HEAD_LINES_CHARS:
                dated = dates_in(self.lower[found[0].end():found[0].end() + 12], self.as_of)
                if dated and dated[0][1][0] == 0 and dated[0][0] is not None and \
                        dated[0][0] <= self.as_of:
                    day = (found[0].start(), dated[0][0])
            self._label = [day]
        label = self._label[0]
        return label[1] if label is not None and label[0] <= at else None

    def date_of_service(self) -> date | None:
        found = self.service_date()
        return found[0] if found else None

    def service_date(self) -> tuple[date, tuple[int, int]] | None:
        """The note's date of service and the words that give it ("Date of visit:
        11/10/2026", "ENCOUNTER 11/30/2026"), worked out once per message."""
        if not self._service:
            self._service.append(self._service_date())
        return self._service[0]

    def _service_date(self) -> tuple[date, tuple[int, int]] | None:
        titled = self._titled_date()
        if titled is not None:
            return titled
        match = _DOS.search(self.lower)
        if match is None:
            return self._title_line_date()
        found = dates_in(self.lower[match.end():match.end() + 20], self.as_of)
        if not found or found[0][1][0] > 2 or found[0][0] is None:
            return None
        return found[0][0], (match.start(), match.end() + found[0][1][1])

    def _titled_date(self) -> tuple[date, tuple[int, int]] | None:
        """"PRE-PROCEDURE HISTORY AND PHYSICAL\nDate: 11/30/2026": a title naming the note
        and a "Date:" line right under it (a fax cover's "DATE:" names no note)."""
        lines = self.lower.lstrip().split("\n", 2)
        at = len(self.lower) - len(self.lower.lstrip())
        if len(lines) < 2 or not _NOTE_TITLE.search(lines[0]) or dates_in(lines[0], self.as_of):
            return None
        label = re.match(r"[ \t]*date[ \t]*:[ \t]*", lines[1])
        found = dates_in(lines[1][label.end():label.end() + 12], self.as_of) if label else []
        if not found or found[0][1][0] != 0 or found[0][0] is None:
            return None
        start = at + len(lines[0]) + 1
        return found[0][0], (start, start + label.end() + found[0][1][1])

    def _title_line_date(self) -> tuple[date, tuple[int, int]] | None:
        """The date of the note's title line ("SPINE CENTER - Consult Note   10/27/2026"), or
        of a line right under an undated title that opens by naming the visit
        ("ORTHOPAEDIC FOLLOW-UP - Valley Bone & Joint\nVisit 11/24/2026. Patient: ...")."""
        at = len(self.lower) - len(self.lower.lstrip())
        # (a banner in brackets over the title, a transcription's or a scan's, "[Dictated,
        # voice recognition - not proofread]", is no title: fresh6's dictated follow-up of
        # "November sixteenth ..." read its "history and physical today" as the reader's day)
        banner = _BANNER.match(self.lower, at)
        if banner is not None and not dates_in(banner.group(0), self.as_of):
            at = banner.end()
        for words_before in (12, 3):
            line = self.lower[at:].split("\n", 1)[0]
            found = dates_in(line, self.as_of) if _NOTE_TITLE.search(line) and \
                words_before == 12 else self._title_date(at, words_before)
            if found or dates_in(line, self.as_of) or "\n" not in self.lower[at:]:
                break
            at = self.lower.index("\n", at) + 1
        if len(found) != 1 or found[0][0] is None:
            return None
        return found[0][0], (at, at + found[0][1][1])

    def _title_date(self, at: int, words_before: int = 12
                    ) -> list[tuple[date | None, tuple[int, int]]]:
        """The date of a short title naming the note at the message's start ("PULMONARY
        CONSULTATION 11/05/2026", "Orthopedic consultation 11/19/2026 - Mr. T. Reyes",
        "URGENT CARE 11/26/2026. R ankle injury ..."; a wrapped line may run on after it)."""
        line = self.text[at:].split("\n", 1)[0].lower()  # the line as typed, not unwrapped
        found = dates_in(line, self.as_of) or [
            (last_on_or_before(int(m["m"]), int(m["d"]), self.as_of), m.span())
            for m in _MONTH_DAY.finditer(line)]  # "pa note 12/01 - aisha k, pa-c"
        if not found or found[0][0] is None:
            return []
        start, end = found[0][1]
        before = line[:start]
        # (words only: the dashes between a dictation's parts are none, "DICTATED - NOT
        # REVIEWED - speech recognition - Dr. M. K., PM&R - 12/03/2026")
        if not _title_line().search(before) or \
                len(re.findall(r"[a-z0-9]\S*", before)) > words_before:
            return []
        if re.match(r"[ \t]*(?::|[-–—][ \t])", line[end:]):
            # "Chiro intake 11/12/2026: 2-view lumbar films taken in office today": a
            # note's title and date heading its text on the same line.
            return found[:1]
        # The title is the line's first sentence ("URGENT CARE 11/26/2026. R ankle ..."),
        # ending at its one date or a remark after a dash ("11/24/2026 - pre-auth ESI");
        # "Ortho consult 10/2/26 on file. XR knee today." is a sentence about a record.
        plain = ABBREVIATED.sub(lambda m: m.group(0)[:-1] + " ", line)
        stop = re.search(r"[.;](?:\s|$)", plain)
        title_end = stop.start() if stop else len(line)
        if title_end < end or len([f for f in found if f[1][0] < title_end]) != 1 or \
                (stop is None and len(line.split()) > 16) or \
                not _TITLE_TAIL.fullmatch(line, end, title_end):
            return []
        return found[:1]

    # ------------------------------------------------------ choices and sets

    def choice_keys(self, fact: str, rule: ReadingRule, clause: Clause | None,
                    single: bool = False) -> list[tuple[int, int, str]]:
        """Where the words of each choice are (in ``clause``, or the whole message);
        ``single``: the fact takes one choice, so two joined are asked (not a set's
        members, "COPD/HTN")."""
        lo, hi = (clause.start, clause.end) if clause else (0, len(self.lower))
        s = self.lower[lo:hi]
        # (a choice word naming a form's part, "pregnancy question skipped", is no value)
        found = [(a, b, "" if form_part(self.lower, a, b) else key)
                 for key, phrases in rule.choices.items()
                 for a, b in self.context.occ.hits(phrases, lo, hi)
                 if not prefixed(self.lower, a, rule.prefixed_not)]
        if rule.alone and not self._patients_own(rule.alone_not):
            found += [(a, b, key) for key, phrases in rule.alone.items()
                      for a, b in self.context.occ.hits(phrases, lo, hi)
                      if not self._someone_else_before(a, rule.alone_others)
                      and not self._pronoun_taken(a, rule.alone)
                      and not self._acronym(a, b)]
        if rule.alone:
            found += self._named_a_man(rule, lo, hi)
        # A `vague` phrase ("pregnancy test") names no value: the choice word inside it
        # ("pregnancy") is not one, and what it found is asked (key "").
        found += [(a, b, "") for a, b in self.context.occ.hits(rule.vague, lo, hi)]
        for key, patterns in rule.patterns.items():
            for pattern in patterns:
                for x in re.finditer(pattern, s):
                    if self._acronym(lo + x.start(), lo + x.end()) or \
                            a_distance(self.lower, lo + x.start(), lo + x.end()):
                        continue
                    found.append((lo + x.start(), lo + x.end(), key))
                    # an age ("62M"), not a word ("Mr."); a sex cell in brackets after a
                    # name ("Employee: D. Fontaine (M)") is a form's, its label no field
                    if re.search(r"\d|\((?:m|male)\)$", x.group(0)):
                        self.inferred.add((lo + x.start(), lo + x.end()))
        found += self._born(rule, s, lo)
        # The longest words win across choices: "pregnancy test negative" is not "pregnancy".
        return [(a, b, "" if single and key and self._between_choices(rule, key, a, b)
                 else key) for a, b, key in _uncovered(found)]

    def _between_choices(self, rule: ReadingRule, key: str, a: int, b: int) -> bool:
        """A choice joined to another of its fact's by "to", "or", a slash or a hyphen
        ("impairment moderate-to-severe", "mild to moderate", "moderate or severe"): a
        grade between two, or a choice of two, not the one named first; asked."""
        mine = {w for p in rule.choices.get(key, ()) for w in p.split()}
        other = {w for k, ps in rule.choices.items() if k != key for p in ps
                 for w in p.split()} - mine
        after = _JOINED_AFTER.match(self.lower, b)
        before = _JOINED_BEFORE.search(self.lower, max(0, a - 30), a)
        return bool(after and after["w"] in other or before and before["w"] in other)

    def _named_a_man(self, rule: ReadingRule, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The patient named by a caller as their husband, father or son ("caller:
        patient's wife. States husband has ...", "Patient (her father) denies ..."; the
        word is masked as the patient, ``callers.patient_named``): a man, as "he" says
        (rule key ``alone``), where every relation word so masked is a man's (a daughter
        naming both her mom and her dad leaves it open)."""
        pronouns = context_rules().pronouns
        named = [(m.start(), m.end(), self.text[m.start():m.end()].lower())
                 for m in _MASKED_WORD.finditer(self.lower)]
        named = [(a, b, w) for a, b, w in named if any(w in ws for ws in pronouns.values())]
        if not named or any(w not in pronouns.get("he", ()) for _a, _b, w in named):
            return []
        return [(a, b, key) for key in rule.alone for a, b, _w in named if lo <= a and b <= hi]

    def _patients_own(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """Where ``words`` (a woman's: "she", "her") may be the patient's: not where they
        stand for a woman relative the text is about ("His wife ... ; she is 24 weeks
        pregnant", fresh20), so the patient's "his" still says a man."""
        women = tuple(context_rules().pronouns.get("she", ()))
        out = []
        for a, b in self.context.occ.hits(words):
            # (the relative's "she" of "Pt's wife states she uses an inhaler" is inside its
            # own trigger, "wife states she", which `at` leaves out: the cue is asked
            # whatever `at` says, so the patient's "his" later still says a man; fresh21)
            cue = self.context.cue("other", a)
            if cue is None or not hits(self.lower[cue[0]:cue[1]], women):
                out.append((a, b))
        return out

    def _born(self, rule: ReadingRule, s: str, lo: int) -> list[tuple[int, int, str]]:
        """Choices named by a date of birth (rule key ``born_years_ago``)."""
        out = []
        for x in BIRTH_DATE.finditer(s) if rule.born_years_ago else ():
            found = dates_in(x["d"], self.as_of)
            if not found or found[0][0] is None:
                continue
            born = found[0][0]
            age = self.as_of.year - born.year - (
                (self.as_of.month, self.as_of.day) < (born.month, born.day))
            for key, years in rule.born_years_ago.items():
                if age >= years:
                    out.append((lo + x.start(), lo + x.end(), key))
                    self.inferred.add((lo + x.start(), lo + x.end()))
        return out

    def _acronym(self, a: int, b: int) -> bool:
        """A short word typed in capitals on a line of lower-case words is an acronym, not
        the word it spells ("date corrected by HIM" is Health Information Management,
        "modality MR" magnetic resonance: no "him", no "Mr."); a line all in capitals
        ("58 YO MALE. HE REPORTS ...") keeps its words."""
        word = self.text[a:b]
        if not (2 <= len(word) <= 3 and word.isalpha() and word.isupper()):
            return False
        start, end = self.text.rfind("\n", 0, a) + 1, self.text.find("\n", b)
        return bool(re.search(r"\b[a-z]{2,}\b", self.text[start:end if end >= 0 else None]))

    def _someone_else_before(self, pos: int, others: tuple[str, ...]) -> bool:
        """Another person named shortly before ``pos`` ("Pt's husband called.\nHe says..."),
        not across a blank line."""
        # (a paragraph's start, or the text's: a name opening the message counts)
        blank = self.lower.rfind("\n\n", 0, pos)
        start = max(blank + 2 if blank >= 0 else 0, pos - 80)
        if re.search(r"(?:§|\bpatient|\bpt)\s*$", self.lower[max(0, pos - 10):pos]):
            return False  # "Pt himself": the patient, whoever came before
        if self.lower.startswith("his", pos) and \
                re.search(r"\(\s*$", self.lower[max(0, pos - 3):pos]):
            return False  # "Dr. Ames (his PCP)": whose doctor he is, the patient's
        return bool(others) and any(not self._written_to(a)
                                    for a, _b in self.context.occ.hits(others, start, pos))

    def _pronoun_taken(self, pos: int, alone: dict[str, list[str]]) -> bool:
        """The last subject or object pronoun of the same words before ``pos`` in its
        paragraph was found to be another person's ("Spouse (87) also on our service - he
        has severe COPD ... Pt is his primary caregiver", fresh27; ``Context._taken_up``):
        a pronoun stands for the last one named of its sex, so this one is theirs too. (A
        possessive before it, "Wife (his caregiver)", names whose the relative is.)"""
        if re.search(r"(?:§|\bpatient|\bpt)\s*$", self.lower[max(0, pos - 10):pos]):
            return False  # "Pt himself": the patient
        words = tuple(w for ws in alone.values() for w in ws if w != "his")
        start = max(self.lower.rfind("\n\n", 0, pos), 0)
        before = self.context.occ.hits(words, start, pos)
        return bool(before) and before[-1] in self.context.taken_pronouns

    def _written_to(self, a: int) -> bool:
        """The person named at ``a`` is the one the message is written to ("SBAR - RT to Dr
        Kessler, 0145", "To: Dr. Amin", "Dear Dr Moss,"): the reader's "you", never the
        "he" of the lines under it (fresh25's SBAR: "S: He's on HFNC" was no man)."""
        line = self.lower.rfind("\n", 0, a) + 1
        before = self.lower[line:a]
        if re.match(r"[ \t]*(?:to|dear|attn|cc|hi|hello)\b[ \t]*:?[ \t]*$", before):
            return True
        return line == 0 and re.search(r"\b(?:to|attn\.?)[ \t]*:?[ \t]*$", before) is not None \
            and not re.search(r"\b(?:referred|sent|send|went|go|goes|talked|spoke|"
                              r"spoken|reported|transferred|refer|referral)\b", before)

    def choice(self, m: Mention, keys: list[tuple[int, int, str]]) -> list[Candidate]:
        out: list[Candidate] = []
        positives, negatives = [], []
        # "Pregnancy: not pregnant": the field's label is no answer; what follows it is
        for a, b, key in [(a, b, k) for a, b, k in keys if not (
                _LABEL_END.match(self.lower, b) and any(x >= b for x, _y, _k in keys))]:
            mention = Mention(m.fact, m.spec, m.rule, m.clause, a, b)
            seen = self._choice_seen(mention, key)
            if seen == "skip":
                continue
            if not key:  # a vague phrase: "pregnancy test done", with no result
                out.append(Candidate(m.fact, None, (a, b)) if self.unknown(mention) else
                           self._unread(mention, "what was the result?"))
                continue
            if seen == "ask":
                out.append(self._unread(mention, f"possible {m.spec.label.lower()}?"))
            elif (unsaid := self._unanswered_choice(mention)) is not None:
                out.append(unsaid)
            elif self.unknown(mention):
                out.append(Candidate(m.fact, None, (a, b)))
            elif key in m.rule.lasting and self._denial_explained(m.rule, a):
                positives.append((a, b, key))  # "not pregnant (pt is male)": why there is none
            elif self._choice_denied(mention, key) and \
                    not _OWN_DENIAL.search(self.lower[a:b]) and \
                    key in m.rule.lasting and not self._listed_before_denial(a, b):
                # "no infection, post-menopausal": a denial's scope running on over a
                # lasting state; and "not post-menopausal" says nothing of a pregnancy.
                # ("no, she can't be pregnant": words that carry their own denial are
                # not denied again by a "no" before them)
                out.append(self._unread(mention, f"{m.spec.label.lower()}?"))
            elif self._choice_denied(mention, key) and \
                    not _OWN_DENIAL.search(self.lower[a:b]) and \
                    not (key == m.rule.negated and self._denial_within(a, b)):
                # ("hCG negative" is the denial's own value: its "negative" denies no more)
                if key != m.rule.negated and hits(self.lower[a:b], m.rule.confirmed_by):
                    # a test's own positive result under a denial before it ("Pt is not
                    # NOT pregnant: beta hCG positive"; outside tester 28 F12): asked
                    out.append(self._unread(mention, "is that a yes or a no?"))
                else:
                    negatives.append((a, b, key))
            elif key != m.rule.negated and (doubt := self._choice_doubted(mention, key)):
                out.append(doubt)
            else:
                positives.append((a, b, key))
        positives = self._main_one(m, positives)
        if positives is None:
            return out + [self._unread(m, f"which {m.spec.label.lower()}?")]
        if positives:
            a, b, key = self._first_positive(m, positives)
            out.append(self._chosen(m, key, a, b, 5 if (a, b) in self.inferred else 0))
        elif negatives and m.rule.negated:
            # A denial of the word ("[ ] Pregnant", "not pregnant") yields to a lasting
            # value inferred elsewhere ("66 yo male"): both say no pregnancy, the lasting
            # one says why.
            a, b, _key = negatives[0]
            out.append(replace(self._chosen(m, m.rule.negated, a, b, 0), word_denied=True))
        return out

    def _choice_denied(self, m: Mention, key: str) -> bool:
        """The choice's words at ``m`` are denied. A pronoun that names the patient's sex
        (rule key ``alone``: "him", "his") is never denied: "the PT did not help him" and
        "it is not his back" still speak of a man (outside tester 26 C1: a nurse's "him"
        in a reply set a stored "cannot be pregnant" aside)."""
        if self.lower[m.start:m.end] in m.rule.alone.get(key, ()):
            return False
        if key != m.rule.negated and _OWN_LENGTH.match(self.lower, m.end) and \
                not _DENIAL_RIGHT_BEFORE.search(self.lower, max(0, m.start - 24), m.start):
            # "Exclusions reviewed no active infection pregnant 14 wks per OB": a state
            # with its own length is affirmed; the "no" of the finding before it (a list
            # whose breaks were lost) does not reach over it
            return False
        if key != m.rule.negated and self._state_said_with_length(m):
            return False  # ("No chills 16 weeks pregnant": the same, its length before it)
        return self._denied(m, key in m.rule.lasting)

    def _choice_doubted(self, m: Mention, key: str) -> Candidate | None:
        """Why a value other than the denial, named at ``m``, is asked instead: a field's
        label with no answer that affirms it, or an item of a list of things to check
        ("Reviewed contraindications (pregnancy, infection)"); else None."""
        if (m.start, m.end) not in self.inferred and self.field_unaffirmed(m):
            return self._unread(m, "what is the answer?", m.start, self._line_end(m))
        if key not in m.rule.lasting and self.context.topic_item(m.start, m.end):
            return self._listed(m, f"listed as a thing to check: {m.spec.label.lower()}?")
        return None

    def _main_one(self, m: Mention, positives: list[tuple[int, int, str]]
                  ) -> list[tuple[int, int, str]] | None:
        """"Neck and low back pain", where the rule says ``several: message``: of two
        values named together, the one said to be the main one ("..., mostly low back");
        None where neither is (asked). Where the pain goes is not where it is ("neck pain
        radiating toward the shoulder blade")."""
        if len({k for _a, _b, k in positives}) < 2:
            return positives
        if (said := self._said_both_ways(m, positives)) is not False:
            return said
        first = min(positives)
        if any(a > first[1] and k != first[2] and re.search(r"\b(?:not|no|non)\b", self.lower[a:b])
               for a, b, k in positives):
            return None  # "ODI improved ... (not clinically significant)": taken back
        if m.rule.several != "message":
            return positives
        positives = [p for p in positives if not _RADIATING.search(
            self.lower, max(m.clause.start, p[0] - 30), p[0])] or positives
        if len({k for _a, _b, k in positives}) == 1:
            return positives
        main = [p for p in positives
                if _MAIN.search(self.lower, max(m.clause.start, p[0] - 25), p[0])]
        return main if len({k for _a, _b, k in main}) == 1 else None

    def _said_both_ways(self, m: Mention, positives: list[tuple[int, int, str]]
                        ) -> list[tuple[int, int, str]] | None | bool:
        """A value and its denial named in one clause, neither inferred ("Pregnant
        (negative hCG)"): a bracket right after the value that names the denial answers
        it, as a field's answer does ("Pregnant: negative hCG"); else which holds is
        asked (None). False where they do not disagree."""
        if not m.rule.negated:
            return False
        no = {m.rule.negated, *m.rule.lasting}
        named = [p for p in positives if (p[0], p[1]) not in self.inferred]
        yes = [p for p in named if p[2] not in no]
        nos = [p for p in named if p[2] in no]
        if not yes or not nos:
            return False
        for a, _b, _k in nos:
            if any(re.fullmatch(r"[ \t]*\([^()]*", self.lower[y_end:a])
                   for _ya, y_end, _yk in yes if y_end <= a):
                return nos
        return None

    def _chosen(self, m: Mention, key: str, a: int, b: int, distance: int) -> Candidate:
        """The choice read, unless it is the patient's word alone (rule key
        ``patient_word``): "States she is not pregnant" with no test is asked."""
        lo, hi = self.context.sentence_span(m.clause)
        said = m.rule.patient_word.get(key, ())
        if hits(self.lower[a:b], m.rule.confirmed_by):
            said = ()  # the words read are the test's result ("urine hCG negative")
        tested = any(self._a_test_done(x, y)
                     for x, y in self.context.occ.hits(m.rule.confirmed_by))
        if said and (self.context.occ.hits(said, lo, hi) or self._said_just_before(said, a)
                     or self._said_just_after(said, b)) and not tested:
            return self._unread(Mention(m.fact, m.spec, m.rule, m.clause, a, b),
                                "on the patient's word alone: was it tested?")
        if self._on_anothers_word(m, key, a, b, hi) and not tested:
            return self._unread(Mention(m.fact, m.spec, m.rule, m.clause, a, b),
                                "on someone else's word: was it confirmed?")
        if key == m.rule.negated and _DOUBLE_NO.search(self.lower, max(0, a - 12), a) and \
                re.match(r"not\b", self.lower[a:b]):
            # "She is not NOT pregnant - hCG positive" (outside tester 28 F12's Q12): a
            # denial denied is no "not pregnant"
            return self._unread(Mention(m.fact, m.spec, m.rule, m.clause, a, b),
                                "is that a yes or a no?")
        if self._stale_result(m, key, a, b):
            return self._unread(Mention(m.fact, m.spec, m.rule, m.clause, a, b),
                                "it is dated a while back: is it still so?")
        return Candidate(m.fact, key, (a, b), distance)

    def _stale_result(self, m: Mention, key: str, a: int, b: int) -> bool:
        """The words read at ``a:b`` are a test's result dated ``result_days`` or more back
        by a date or an "... ago" after them in their clause ("Urine hCG negative 3 months
        ago": outside tester 28 F10 read her not pregnant now)."""
        days = m.rule.result_days
        if not days or key in m.rule.lasting or not hits(self.lower[a:b], m.rule.confirmed_by):
            return False
        if _TODAY.search(self.lower, b, max(b, m.clause.end)):
            return False  # "negativa hoy 12/02/2026": today's, whatever the date's order
        near = Mention(m.fact, m.spec, m.rule, m.clause, a, b)
        return self.dated_since(near, days, own=True) or any(
            _days_of(x) >= days for x in _AGO.finditer(self.lower, b, max(b, m.clause.end)))

    def _on_anothers_word(self, m: Mention, key: str, a: int, b: int, hi: int) -> bool:
        """"Patient is pregnant per family", "Mother reports the patient is pregnant": where
        the patient's own word is not enough (rule key ``patient_word``), another's is
        less. Not a value the patient's sex or age says (the rule's ``alone`` keys: "Wife
        reports he ...", "Meds per wife (pt is Mr. K)"), nor a test's result."""
        if not m.rule.patient_word or key in m.rule.alone or \
                hits(self.lower[a:b], m.rule.confirmed_by):
            return False
        lo, _hi = self.context.sentence_span(m.clause)
        return _relatives_report().search(self.lower, lo, a) is not None or \
            _relatives_report_after().match(self.lower, b, hi) is not None

    def _a_test_done(self, x: int, y: int) -> bool:
        """Whether the test named at ``x:y`` was done for the patient: not planned, doubted,
        someone else's or denied ("no hCG done"), nor declined. A result right after it
        ("hCG negative 12/01", "UPT neg") is no denial of the test: it is its result
        (outside tester 23 F8: "says she is not pregnant (hCG negative 12/01)" was asked as
        the patient's word alone, and a sister's "32 weeks pregnant" was read instead)."""
        tags = self.context.at(x, y)
        if {"hypothetical", "uncertain", "other"} & tags:
            return False
        if "negated" in tags and not _TEST_RESULT.match(self.lower, y):
            return False
        return not _DECLINED.search(self.lower, max(0, x - 30), x)

    def _said_just_after(self, said: tuple[str, ...], b: int) -> bool:
        """A reporting word after a quotation the words read close, to the next stop
        ('"I'm definitely not pregnant," she laughed; no test done': the quotation's own
        sentence ends at its comma and quote; outside tester 28 F10)."""
        quote = re.compile(r"[^\n\"”']{0,40}[\"”']").match(self.lower, b)
        if quote is None:
            return False
        stop = re.compile(r"[.!?\n]").search(self.lower, quote.end())
        return bool(self.context.occ.hits(said, b, stop.start() if stop else len(self.lower)))

    def _said_just_before(self, said: tuple[str, ...], a: int) -> bool:
        """A reporting word just before the words read, across a line break but no stop
        ('pt states\n"no way I'm pregnant", no test done': fresh13, the quotation on a
        line of its own begins a sentence)."""
        return any(not re.search(r"[.;!?]", self.lower[y:a])
                   for _x, y in self.context.occ.hits(said, max(0, a - 40), a))

    def _denial_within(self, a: int, b: int) -> bool:
        """The denial covering [a, b) is a word of it ("hCG negative")."""
        cue = self.context.cue("negated", a)
        return cue is not None and a <= cue[0] and cue[1] <= b

    def _first_positive(self, m: Mention, positives: list[tuple[int, int, str]]
                        ) -> tuple[int, int, str]:
        """Of a choice's values named in one mention, the one read: words that name the
        value ("she is pregnant") win over an inference ("61 yo"), a lasting value over
        the denial it explains ("Not pregnant (post-menopausal)"), then the first."""
        lasting = any(k in m.rule.lasting for _a, _b, k in positives)
        return min(positives, key=lambda p: ((p[0], p[1]) in self.inferred,
                                             lasting and p[2] == m.rule.negated, p[0]))

    def _choice_seen(self, m: Mention, key: str) -> str | None:
        """What the context makes of a choice's words (``settles``), but a lasting value
        holds where only its time is past or in doubt: "s/p hysterectomy" is past and
        still true, "he ..., unclear how long" doubts the PT, not the man. A value that
        needs the patient as its subject is another's in a sentence that opens with
        someone else ("A retreat guest, 30 weeks pregnant, ...": ``subjects.py``)."""
        if key in m.rule.subject_needed and not hits(self.lower[m.start:m.end],
                                                     m.rule.confirmed_by) and \
                someone_elses(self.lower, self.context.sentence_span(m.clause)[0], m.start):
            return "skip"
        seen = self.settles(m)
        if key not in m.rule.lasting:
            return seen
        ctx = self.context.at(m.start, m.end)
        if seen == "skip" and not {"other", "hypothetical"} & ctx:
            return None
        if seen == "skip" and "other" not in ctx and \
                self.lower[m.start:m.end] in m.rule.alone.get(key, ()):
            # ("He attended 3 of 12 scheduled visits", "expects he will do well": a plan
            # about him is still about a man)
            return None
        if seen == "ask" and "uncertain" not in ctx:
            return None
        cue = self.context.cue("uncertain", m.start) if seen == "ask" else None
        if cue is not None and cue[0] >= m.end and \
                self.lower[m.start:m.end] in m.rule.alone.get(key, ()):
            return None  # "he is unsure when the films were taken": his doubt, still a man
        return seen

    def _denial_explained(self, rule: ReadingRule, a: int) -> bool:
        """The denial over the lasting value at ``a`` is the fact's own denied value ("not
        pregnant (pt is male)", "Not pregnant - she is postmenopausal"): the lasting value
        says why there is none, it is not denied (fresh25's acupuncture note)."""
        cue = self.context.cue("negated", a)
        own = rule.choices.get(rule.negated or "", ())
        return cue is not None and any(x <= cue[0] and cue[1] <= y
                                       for x, y in self.context.occ.hits(own))

    def _listed_before_denial(self, a: int, b: int) -> bool:
        """The denial covering [a, b) comes after it, past a comma ("male, none, no":
        answers in a row, the "none" answering the next question)."""
        cue = self.context.cue("negated", a)
        return cue is not None and cue[0] >= b and "," in self.lower[b:cue[0]]

    def _denied(self, m: Mention, lasting: bool) -> bool:
        """The mention is denied; a lasting state in brackets after a denial is its reason
        ("Pregnancy: no (male)": why the answer is no), not denied."""
        return self.negated(m) and not (lasting and self._reason_of_denial(m.start, m.end))

    def _reason_of_denial(self, a: int, b: int) -> bool:
        """[a, b) sits in brackets right after the denial covering it, giving its reason
        ("Pregnancy: no (male)", "Not pregnant (post-menopausal)", "Pregnant N [s/p
        hysterectomy]"): the words say why, they are not denied."""
        cue = self.context.cue("negated", a)
        return cue is not None and cue[1] <= a and \
            _REASON_AFTER_DENIAL.fullmatch(self.lower, cue[1], a) is not None

    def set_members(self, m: Mention, keys: list[tuple[int, int, str]]) -> list[Candidate]:
        out: list[Candidate] = []
        # Severity may be said later in the sentence ("T2DM, A1c 11.2, poorly controlled").
        lo, hi = self.context.sentence_span(m.clause)
        clause = self.lower[lo:hi]
        relative = _RELATIVE_LABEL.match(self.lower, self.context.sentence_span(m.clause)[0])
        for a, b, key in keys:
            mention = Mention(m.fact, m.spec, m.rule, m.clause, a, b)
            seen = self.settles(mention)
            if seen == "skip" or not key or relative:
                continue
            if key == "other" and self._other_of_unnamed(a, m.rule):
                out.append(self._unread(mention, "other than which? is that condition severe?"))
                continue
            if self.negated(mention) or _NOT_TAKEN_UP.match(self.lower, b) or \
                    (m.rule.qualifier and self._mild_here(a, b, m.rule)):
                # "denies diabetes" says nothing about the other conditions; it does
                # show the list was gone through. So does "HTN (well controlled)" where
                # members must be severe; "NSAIDs - mild relief" denies no treatment.
                out.append(Candidate(m.fact, [], (a, b), absent=[key],
                                     mild=not self.negated(mention)))
                continue
            if self._example_answered_yes(a, b):
                out.append(self._unread(mention, "the row says yes: which of them?"))
                continue
            # (the severity said of this condition, not of another in its sentence)
            qualified = not m.rule.qualifier or severity_owned(
                clause, a - lo, b - lo, self._members(m.rule), tuple(m.rule.qualifier),
                _EVENT_SEVERITY, m.rule.prefixed_not)
            # "... and has no severe comorbidity": the "severe" there qualifies nothing.
            not_severe = _NOT_SEVERE.search(clause) is not None
            if seen != "ask" and self.context.topic_item(a, b):
                # "Exclusion criteria: Severe Comorbidities (e.g., diabetes, CVD)"
                out.append(self._listed(mention, "listed as a thing to check: is it so?"))
            elif seen == "ask" or not qualified or not_severe:
                # (a condition in doubt is asked whether it is there, not how severe it
                # is: "asthma-COPD overlap?": outside tester session 10 C1)
                why = f"possible {m.spec.label.lower()}?" if seen == "ask" else \
                    "is it severe?"
                out.append(self._unread(mention, why))
            elif self.unknown(mention):
                out.append(Candidate(m.fact, None, (a, b)))
            else:
                out.append(Candidate(m.fact, [key], (a, b)))
        return out

    def _other_of_unnamed(self, a: int, rule: ReadingRule) -> bool:
        """"HbA1c 11.8 on insulin; no other severe conditions": the "other" stands beside a
        condition its sentence gives only by a measure or a treatment of it, never by its
        name; whether that one is severe is not said (outside tester 25 read none)."""
        start = max(self.lower.rfind("\n", 0, a), self.lower.rfind(". ", 0, a), a - 200, -1) + 1
        before = self.lower[start:a]
        return _CONDITION_MEASURE.search(before) is not None and \
            not hits(before, self._members(rule))

    def _example_answered_yes(self, a: int, b: int) -> bool:
        """[a, b) is one of the examples a bracket after a form row's label lists, and
        the row is answered yes ("Severe comorbidity (DM, CVD, bleeding disorder): YES"):
        some of them, not which; one named after the answer is read from there."""
        line_start = self.lower.rfind("\n", 0, a) + 1
        opened = self.lower.rfind("(", line_start, a)
        if opened < 0 or ")" in self.lower[opened:a]:
            return False
        return _EXAMPLES_YES.match(self.lower, b) is not None

    @staticmethod
    def _members(rule: ReadingRule) -> tuple[str, ...]:
        return tuple(w for ws in rule.choices.values() for w in ws)

    def _mild_here(self, a: int, b: int, rule: ReadingRule) -> bool:
        """"HTN (well controlled)", "mild HTN": not severe, said right at the condition
        (not elsewhere in the sentence: "uncontrolled DM, well-controlled HTN"); or said of
        all the conditions named before it (``_mild_for_all``)."""
        return self._mild_at(a, b, rule) or self._mild_for_all(a, b, rule)

    def _mild_for_all(self, a: int, b: int, rule: ReadingRule) -> bool:
        """A severity denied of the whole list after its last member ("T2DM A1c 7.2, HTN
        stable, none severe", "DM2 (A1c 6.8) and HTN, both mild"), or a mildness said after
        conditions joined by a slash, one name of them ("DM2/HTN moderate, not severe"): every
        condition before it is not severe, where nothing in the sentence says one is
        (fresh26, fresh27 asked each whether it was severe)."""
        end = _PART_END.search(self.lower, b)
        stop = end.start() if end else len(self.lower)
        ends = [m.end() for m in _PART_END.finditer(self.lower, max(0, a - 300), a)]
        start = ends[-1] if ends else max(0, a - 300)
        said = _NOT_CALLED_SEVERE.sub(" ", self.lower[start:stop])
        if re.search(r"\b(?:un|poorly |not )controlled\b|\bsevere\b|\bend[- ]stage\b|"
                     r"\bdecompensated\b|\badvanced\b", said):
            return False
        if _ALL_MILD.search(self.lower, b, stop):
            return True
        joined = re.compile(r"[ \t]*/[ \t]*")
        nxt = joined.match(self.lower, b)
        if nxt is None:
            return False
        after = [(x, y) for x, y in hits(self.lower[nxt.end():stop], self._members(rule)) if x == 0]
        return bool(after) and self._mild_at(nxt.end(), nxt.end() + after[0][1], rule)

    def _mild_at(self, a: int, b: int, rule: ReadingRule) -> bool:
        pieces = re.split(r"[,;.\n]", self.lower[b:b + 60], maxsplit=2)
        after = remark = pieces[0]
        if not after.strip(" \t-") and len(pieces) > 1 and \
                not hits(pieces[1], self._members(rule)):
            # "HTN, controlled on lisinopril", "DM2, diet controlled": the remark after
            # the comma is the condition's own where it names no other condition
            remark = pieces[1]
        elif _DEGREE_ONLY.fullmatch(after) and len(pieces) > 1 and \
                not hits(pieces[1], self._members(rule)):
            # ("HTN moderate, not severe per PCP": a degree, then the remark on it)
            remark = after + " " + pieces[1]
        # The condition's own brackets are all about it, past their commas: "T2DM (A1c
        # 6.4, well controlled)", "(DM2 - A1c 6.8, diet controlled; not severe)".
        aside = _OWN_ASIDE.match(self.lower, b) or \
            (_OPENS_ASIDE.search(self.lower, max(0, a - 3), a) and _ASIDE_REST.match(self.lower, b))
        if aside:
            after = remark = aside.group(0)
        before = self.lower[max(0, a - 20):a].split(",")[-1]
        # "CKD 2", "CKD stage 3a": an early stage is not a severe disease
        early = re.match(r"\s*(?:stage\s*)?(?:[1-3][ab]?|i{1,3}[ab]?)\b(?!\s*(?:/|x|%))", after)
        said = _NOT_CALLED_SEVERE.sub(" ", remark + " " + before)
        return bool(_MILD.search(remark) or _MILD.search(before) or early or
                    DENIED_SEVERITY.search(remark)) and \
            not re.search(r"\b(?:un|poorly |not )controlled\b|(?<!not )(?<!no )\bsevere\b", said)

    def set_none(self, m: Mention) -> Candidate | None:
        # ("[ ] No severe comorbidities": an unticked box states nothing)
        if self.settles(m) == "skip" or self.unticked_denial(m):
            return None
        return Candidate(m.fact, [], (m.start, m.end))

    def set_named(self, m: Mention) -> Candidate | None:
        """The set named as a whole: denied ("no other severe comorbidities",
        "Comorbidities: none") it is empty; named alone it settles nothing."""
        if self.settles(m) or not self.negated(m) or self.unticked_denial(m):
            return None
        if any(self.lower.endswith(w, 0, m.end) and len(w) > m.end - m.start
               for w in m.rule.choices.get("other", ())):
            return None  # "No other medical conditions": the rest of a list (choice other)
        if self.lower.startswith("other", m.start) and self._other_of_unnamed(m.start, m.rule):
            return None  # "... on insulin, no other severe comorbidities" (set_members asks)
        cue = self.context.cue("negated", m.start)
        if cue is not None and cue[0] >= m.end and (
                not re.fullmatch(r"none|neg|negative|nil|nothing", self.lower[cue[0]:cue[1]]) or
                re.match(r"[ \t]+(?:for|of|except|but)\b", self.lower[cue[1]:])):
            # The list's answer after its label is an empty one ("PMH: none", "PMH neg");
            # "past medical history negative for diabetes" denies the members named after
            # it, "Medical history not on file" a record: no empty list
            return None
        return Candidate(m.fact, [], (m.start, m.end))


def _unsigned(q):  # noqa: ANN001, ANN202 - values.Quantity
    from dataclasses import replace

    return replace(q, value=abs(q.value), negative=False)


_FIELD_ANSWER = re.compile(r"[^:\n]{0,80}:[ \t]*")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")


_DESCRIBED_FOR = re.compile(r"\s+(?:radiating|radiates|going|shooting|traveling|travelling|"
                            r"extending)\b(?:(?!\b(?:and|then|with|plus|after|before|also|"
                            r"but|or)\b)[^,;:.\d()+&/])*?\bfor\s+")
"""A symptom described where it goes, then how long it has lasted."""


_PARTS_LISTED_FOR = re.compile(r"\s+(?:including|incl\.?|consisting of|comprising|such as)\s+"
                               r"[^,;:.\d()]*?(?:,[^,;:.\d()]*?)*\b(?:and|&|plus)\b[^,;:.\d()]*?"
                               r"\b(?:for|over|x)\s+(?:the\s+)?(?:(?:past|last)\s+)?")
"""A care named with its parts, two or more, then how long it lasted ("Conservative
management including NSAIDs and activity modification for the past 112 days"; phrase26a):
the length after the whole list is the care's, however long the list."""


_ASIDE_CLOSED = re.compile(r"[^()]*\)")

"""From a mention to a figure after it, the mention's own brackets close first."""


_PADDED_COLON = re.compile(r"[ \t]*:[ \t]+")
"""A field's colon and the padding after it, up to its answer."""
_DAY_RIGHT_AFTER = re.compile(r"(?:[\s(\[,:–—-]|\^[\w.-]{0,12})*(?:(?:of|on|for|dated|from)\s+)?")
"""What may stand between a record's name and its day ("consult (12/18)", "consult of
11/10/2026", "consult dated 10/20"; an HL7 field's coding component and empty fields,
"CONSULT^Pain management consultation^L|||20280214")."""
_WRITER_BRACKET = re.compile(r"[ \t]*\((?:dr|mr|mrs|ms|miss|prof|professor)\b\.?[^()\n]{1,60}\)")
"""The record's maker named in a bracket between the record and its day ("Ortho consult
(Dr. Pham) 12/03 supports PT", "consult (Mr Hale, treating surgeon) 11/02/2026"): the day is
still the record's."""
_DATE_NEXT = re.compile(r"[ \t]*:?[ \t]*(?:on[ \t]+)?\d{1,4}[/.-]\d")
"""A date written in figures right after a word ("Onset 01/05/2026", "onset on 1/5/26",
"Onset: 03/2025 (21 months)")."""


def _uncovered(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``found`` in order, without the spans a longer one of them covers. One pass over
    the spans by start, longest first (a span is covered when one before it reaches as
    far): testing each against all grew with the square of a long paste's length."""
    covered, reach = set(), -1
    for a, b in sorted({(a, b) for a, b, _k in found}, key=lambda span: (span[0], -span[1])):
        if reach >= b:
            covered.add((a, b))
        reach = max(reach, b)
    return sorted(x for x in found if (x[0], x[1]) not in covered)


_SIGN_OFF_LINES = 3
"""A sign-off is short: a closing's line and what follows it among the message's last
lines (a name, then a role: "Yours aye,\nDr Fiona Baird, GP")."""
_WRITERS_VOICE = re.compile(r"\b(?:i|i'm|i'd|i've|my|we|we're|our|this letter)\b")
"""Words that make a sentence the writer's own ("I am referring", "this letter as her
referral", "my referral")."""


_OWN_DAY_LEAD = re.compile(r"[ \t:(,-]*(?:(?:from|since|of|on|dated)\b[ \t:]*)?")
"""What may stand between a record's name and its own day ("H&P from 11/10/2026")."""


_COMPLAINT_LENGTH = re.compile(
    r"\b(?:pain|pains|ache|aches|aching|stiffness|soreness|swelling|numbness|tingling|symptoms?|sx|"
    r"radiculopathy|sciatica|lbp|complaints?)\b"
    # (no figure, stop or care between: "pain, ibuprofen 600 mg 6 weeks" is the drug's)
    r"(?:(?![.;]\s)(?!\b(?:pt|therapy|physio\w*|meds?|medications?|ibuprofen|naproxen|nsaids?|"
    r"injections?|exercises?|program|brace|bracing|tx|treat\w*|rest|after|ago)\b)[^\d.;(])"
    r"{0,80}?[(]?(?:for|x|×|over|of)?[ \t]*"
    r"(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"[ \t-]*(?:weeks?|wks?|months?|mos?|years?|yrs?)\b(?![ \t]+ago)")
"""A length of the complaint in a record's sentence, for ``cue_onset`` ("low back pain and
stiffness for 34 weeks", "shoulder pain ..., 5 months"): the symptoms' date range told
by their length; none of a care's or a study's."""

_ONSET_LEAD_GAP = r"(?:the[ \t]+(?:week|weekend|end|start|beginning|middle)[ \t]+of[ \t]+)?"
"""What may stand between "since" and its day ("since the week of 11/27/2027")."""

_MONTH_STARTED = re.compile(r"\b(?:(?:0?[1-9]|1[0-2])/(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|"
                         r"aug|sep|sept|oct|nov|dec)[a-z]*\.?,?[ \t]+(?:19|20)\d\d)\b")
"""A month of a year ("06/2026", "June 2026"): a start the policy's date range may give."""


@cache
def _onset_lead() -> re.Pattern[str]:
    """Words that make the date after them a start: "since", "from" (a range's first day),
    an onset word ("onset", "injured", "DOI": ``onset_words`` in ``context.yaml``)."""
    return re.compile(rf"\b(?:since|from|{alternation(context_rules().onset_words)})"
                      r"[ \t]*[:-]?[ \t]*(?:(?:about|around|approx\.?|early|mid|late)[ \t]+)?"
                      rf"{_ONSET_LEAD_GAP}$")


def _onsets_dated(words: str, as_of: date) -> list[tuple[int, int]]:
    """The dates in ``words`` that start something ("since 06/2026", "from 07/20/2026 to
    today", "injured 09/12"): a record's sentence dating the symptoms."""
    spans = [span for day, span in dates_in(words, as_of) if day is not None]
    spans += [found.span() for found in _MONTH_STARTED.finditer(words)]
    return [span for span in spans if _onset_lead().search(words, max(0, span[0] - 30), span[0])]


_COPIED_TO = re.compile(r"(?m)^[ \t]*(?:b?cc|c\.c\.|copy to|copies to|encl?|enclosures?)\b.*$")


@cache
def _closing() -> re.Pattern[str]:
    words = alternation(context_rules().letter_closings)
    # (opening a short line: "Thank you for seeing her; she was sent by her GP" is a
    # sentence of the letter, not its closing)
    return re.compile(rf"(?m)^[ \t]*(?:{words})\b[ \t]*[,.!]?[^\n]{{0,60}}$")


def sign_off(lower: str) -> str:
    """The writer's sign-off: from a letter's closing among its last lines to its end
    (empty where the message closes with none)."""
    starts = [line.start() for line in re.finditer(r"(?m)^[^\n]*\S", lower)]
    if not starts:
        return ""
    foot = starts[-min(_SIGN_OFF_LINES, len(starts))]
    found = _closing().search(lower, foot)
    # (a copy's or an enclosure's line names another: "cc: her GP")
    return _COPIED_TO.sub("", lower[found.start():]) if found else ""


def _in_listed_aside(words: str, at: int, after: int) -> bool:
    """The cue at ``at`` is in brackets opened after the phrase and tied by a dash or colon
    to the last of several items ("cons tx 14 wks (NSAIDs first, then CSI 9/2/26 -
    failed)"): it is said of that item, not of the whole the phrase names ("(PT and
    bracing, no improvement)" is said of all)."""
    if at < after:
        return False
    opening = words.rfind("(", after, at)
    return opening >= 0 and ")" not in words[opening:at] and \
        re.search(r"\w\S*\s*[-–—:]+\s*$", words[opening:at]) is not None and \
        re.search(r"[,;]|\bthen\b|\band\b", words[opening:at]) is not None


_NOT_FROM_HERE = re.compile(r"\b(?:to|for|re|attn|dear|refer\w*|request\w*|patient|pt|"
                            r"member|employee|cc)\b")
"""Words before a role on a message's first line that say the clinic named is not the
writer's ("Referral to Valley Rheumatology", "Re: ortho consult request")."""


_SENT_ON = re.compile(r"\b(?:refer\w*|request\w*|order\w*|query|denial|appeal|billing|claims?|"
                      r"coding|admin\w*|scheduling|front desk|work note)\b")
"""Words anywhere on a first line that make it a letter about sending the patient on, a
payer's or an office's, not a specialist's letterhead ("ORTHOPAEDIC REFERRAL",
"Pulmonology request", "Lakeside Orthopaedics - billing office")."""


def _letterhead_role(lower: str, roles: tuple[str, ...]) -> bool:
    """The message's first line is the writer's letterhead naming their role, before any
    word that sends the letter to another ("Valley Rheumatology – letter to the plan",
    "Riverbend Orthopaedics - Shoulder & Elbow"): the writer's own acts in it ("I
    examined her", "my assessment") are that specialist's (f38 potterystudio, a
    rheumatologist's letter, asked the consult)."""
    first = re.match(r"\s*([^\n]*)", lower)
    line = first.group(1) if first else ""
    found = hits(line, roles)
    # (a sentence is no letterhead: "I saw him as his PCP asked." names another's role)
    return bool(found) and not _NOT_FROM_HERE.search(line, 0, found[0][0]) and \
        not _SENT_ON.search(line) and not _PERSON_WORDS.search(line)


_PERSON_WORDS = re.compile(r"\b(?:i|i'm|my|we|our|his|her|their)\b")


# Between a record's name and the words that say it is on file: a date (masked), "of"
# or "dated", brackets, "note"/"report", "is"/"are (both)".
_WITH_ANOTHER = re.compile(r"\s+(?:with|by|from|at)\s+(?:dr\b|doctor\b|mr\b|mrs\b|ms\b|prof|"
                           r"the\b|a\b|an\b)")
"""After the writer's record: another the writer had it with ("my consultation with Dr.
Ames", "my consult at the pain clinic"); not what it holds ("with his diagnosis")."""
_WRITERS_HEAD = re.compile(r"(?m)^[\s=*#-]*[A-Z][A-Z&/.-]+(?:[ \t]+[A-Z&/.-]+)*[ \t:-]*"
                           r"\((?P<who>[ \t]*Dr\.?[ \t]+[^()\n]{1,60})\)")
"""A section's header in capitals with its doctor in brackets ("---- MD ADDENDUM (Dr. L.
Farouk, PCP) ...", "SPECIALIST REPLY (Dr N. Ito, Pain, 12/04/2026):")."""
_DOCTOR_BEFORE = re.compile(r"\bdr\.?\s+(?P<name>[a-z][a-z-]+)(?:'s|'|’s|’)?\s*$")
"""A doctor named right before a record ("Dr. Reyes' consult note")."""
_FILED_GAP = re.compile(r"[\s(\[\]),:–—-]*(?:(?:of|on(?!\s+file\b)|dated|from)\s+)?[\s(\[\]),:–—-]*"
                        # the doctor in brackets: "pulmonology consult (Dr. Ng, 12/03) on
                        # file" (session 13, complete notes); a British surgeon is "Mr"
                        # ("orthopaedic opinion (Mr Hale, 12/11/2026) enclosed", fresh22)
                        r"(?:(?:dr|mr|mrs|ms|miss|prof|professor)\.?\s+[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*)?[^()\n]{0,30}\)\s*)?"
                        r"(?:(?:note|report|letter)\s+)?(?:(?:is|are|was|were)\s+)?"
                        r"(?:(?:both|also|all|now)\s+)?")


def aside_of_figure(lower: str, m: Mention) -> bool:
    """The mention is in brackets right after a figure of its fact in its clause ("5/10 at
    the PT intake (before any treatment)"): the aside says what that figure was, so a
    figure after the brackets is not the mention's."""
    opening = lower.rfind("(", m.clause.start, m.start)
    if opening < 0 or ")" in lower[opening:m.start]:
        return False
    return any(compatible(m.spec, q, m.rule.fraction) is not None
               for q in quantities(lower[m.clause.start:opening]))


def _other_labels(own: tuple[str, ...]) -> str:
    """Other measures' labels (``measure_labels`` but the fact's own), longest first, as
    one alternation."""
    labels = alternation(w for w in context_rules().measure_labels if w not in own)
    # (a now-word between a label and its figure keeps it the label's: "PHQ-9 today 6"; so
    # does a bracket, "electrolytes and creatinine (0.8) normal" is no white count of 800)
    return r"(?<![\w/])(?:" + labels + r")\s*[:=(]?\s*(?:(?:today|now|currently)\s*[:=]?\s*)?"


@cache
@fixed_patterns
def _measure_label(own: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_other_labels(own) + r"$")


@cache
@fixed_patterns
def _measured_between(own: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_other_labels(own) + r"\d")


@cache
@fixed_patterns
def _measured_aside(own: tuple[str, ...]) -> re.Pattern[str]:
    """Another measure's label, its figure and unit, and the bracket a figure right after
    them opens ("FVC 2.71 L (" before "74 %pred")."""
    return re.compile(_other_labels(own) + r"\d+(?:\.\d+)?[ \t]*[a-z/%]{0,6}[ \t]*[(/][ \t]*$")


@cache
@fixed_patterns
def _measure_trend(own: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_other_labels(own) + r"\d+(?:\.\d+)?\s*%?[^\d\n;.]{0,16}?(?:->|→|=>)\s*$")


_CHANGED_SINCE = re.compile(r"\b(?:worse|worsened|worsening|better|improved|improving|"
                            r"increased|flared|exacerbated|aggravated|more|less)\s*$")
# "low back pain since a fall at work on 03/09/2026", "since an inversion sprain on
# 04/27/2026": the day of the injury the symptoms began with.
_ONSET_EVENT = re.compile(r"\s*(?:an?|the|her|his|their)\s+(?:[a-z'-]+\s+){0,3}?(?:fall|injury|"
                          r"accident|sprain|strain|lifting injury|twisting injury|collision|mva|"
                          r"mvc|trauma|slip|tear|pivot injury|work injury|crash|fracture)"
                          r"(?:\s+[a-z'-]+){0,4}?(?:\s+(?:on|of)\s+|,?\s+)")
"""The event a symptom dates from, between "since" and its day ("since a lifting injury
08/30/2026", "since the fracture on 03/14/2026", "since a collision in preseason, 08/24")."""


_COMPLAINT_WORD = re.compile(r"\b(?:pain|painful|aching|achy|sore|soreness|stiff|instability|"
                             r"unstable|weakness|hurting|hurts|complaint)\b")
"""A complaint of any body part named before a bare onset word ("knee pain", "painful and
stiff"): what began, where the reading rule's phrases name the complaint of one area only."""
_COMPLAINT_GAP = re.compile(
    r"(?:\s*(?:[,/&]|and|or|has|have|had|been|is|was|present|ongoing|persistent|persisting|"
    r"constant|continuous|continuously|daily|every day|intermittent|on and off|stiff|stiffness|"
    r"swelling|swollen|instability|numbness|tingling|weakness|locking|clicking|giving way|"
    r"low back|lower back|axial|bilateral|"
    r"(?:in|of|down|at|around|over|into|along|behind)\s+(?:the\s+|her\s+|his\s+|both\s+|my\s+)?"
    r"(?:(?:left|right|l|r|lower|upper|front|back|outer|inner)\s+)?[a-z]+|"
    # the injury it followed ("pain with quad weakness after a fall while hiking, onset")
    r"(?:after|following)\s+(?:an?\s+|the\s+|her\s+|his\s+)?(?:[a-z'-]+\s+){0,2}?"
    + INJURY_NOUNS +
    r"(?:\s+(?:while|at|on|from|off|in)\s+[a-z'-]+(?:\s+[a-z'-]+)?)?))*\s*")
"""What may stand between such a complaint and its onset word: more of the complaint, where
it is, that it goes on ("pain down the L leg since", "pain, present since"); not another
state ("pain-free since", "off work since", "stable since")."""


_STILL_DAYS = 14
"""A span that ended within two weeks of today ends at the note's own visit: its length is
the symptoms' length still."""


def _complaint_before(before: str) -> bool:
    """A complaint word (``_COMPLAINT_WORD``) whose words up to the onset word are only more
    of the complaint (``_COMPLAINT_GAP``; asides in brackets left out)."""
    return any(_COMPLAINT_GAP.fullmatch(re.sub(r"\([^()]*\)", " ", before[found.end():]))
               for found in _COMPLAINT_WORD.finditer(before))


_FROM_DAY_TO_NOW = re.compile(r"[ \t]+(?P<day>\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]*"
                              r"(?:(?:to|through|thru|until|till|[-–—])[ \t]*(?:the[ \t]+)?"
                              r"(?:present|today|date|now|this day)\b|onwards?\b)")
"""After "from": a day, then up to now ("from 07/20/2026 to today", "from 08/03/2026 to
date", "from 07/14/2026 to the present", "from 05/04/2026 onward")."""
_RANGE_ON = re.compile(r"[ \t]*(?:(?:to|through|thru|until|till|onwards?)\b|[-–—])")
"""After a range's first day, the words that go on to its end ("to present", "- now")."""
_STATE_ONLY = re.compile(r"[ \t]*(?:(?:progressive|progressing|progressively worse|present|"
                         r"ongoing|constant|persistent|persisting|continuous|daily|all|both|"
                         r"and|symptomatic)[ \t,]*)+")
"""A sentence's words before its onset word that say only how the complaint goes."""
_THEN_AFTER = re.compile(r"[ \t]+(?:then|that day|that date|that time)\b")
_INJURY_BEFORE = re.compile(r"\b(?:after|following|from|since|with)\s+(?:an?\s+|the\s+|her\s+|"
                            r"his\s+)?(?:[a-z'-]+\s+){0,2}?(?:" + INJURY_NOUNS +
                            r"|lifting|twisting)\b")
"""An injury named before a day ("after a fall from a ladder at work on 05/04/2026")."""


_NOT_EVENT_VERBS = (r"saw|seen|see|visited|attended|started|began|begun|stopped|finished|"
                    r"completed|tried|took|taken|received|underwent|had|has|got|was|were|is|"
                    r"came in|went to|called|discharged|admitted|last|first")
"""Verbs after a pronoun that say no event the symptoms date from ("since she saw ...",
"since he had his MRI on ...", "since she was discharged on ...")."""
_NOT_EVENT_ING = (r"(?:seeing|visiting|attending|starting|beginning|stopping|finishing|"
                  r"completing|trying|taking|receiving|undergoing|having|getting|going|"
                  r"coming|calling|being|using|doing|switching|changing|restarting)\b")
"""Doings that are no event the symptoms date from ("since starting meloxicam on ...")."""
_ANY_EVENT = re.compile(r"\s*(?:(?:an?|the|her|his|their|my|our)\s+(?:[a-z'-]+\s+){0,3}?"
                        # (its day right after it too: "since a tackle 09/01/2026", "since
                        # lifting a pallet 08/03/2026 (DOI)": fresh24's onsets left unread)
                        r"[a-z'-]+(?:\s+(?:on|of))?|(?P<day>the\s+day\s+|when\s+)?"
                        r"(?:he|she|i|we|they)\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+(?:\s*(?:on|,))?|"
                        # what the patient was doing ("since lifting a crate at work on
                        # 05/11/2026"), not a visit, a test or a treatment (_NOT_EVENT_ING)
                        r"(?!" + _NOT_EVENT_ING + r")[a-z]{3,}ing(?:\s+[a-z'-]+){0,6}?"
                        r"(?:\s+on|\s*,)?)\s+")
"""After "since", an event and its day: a thing named ("since the office move on
07/14/2026") or what the patient did, said with a pronoun ("since he came off a ladder on
14/06/2026", "since the day she moved house, 15 June"), not a visit, a test or a
treatment she had (``_NOT_EVENT_VERBS``: "since she saw Dr Ruiz on ...")."""
_INJURY_DAY_LABELS = frozenset({"doi", "date of injury", "injury date", "dol", "date of loss",
                                "date of accident", "accident date"})
"""The labels of an injury's day on a claim or a treatment summary (``_injury_day_label``)."""
_DATED_NEXT = re.compile(r"[.;]\s+(?:that|it|this)\s+(?:was|happened|occurred)\s+(?:on\s+)?")

_NO_EVENT = re.compile(r"\b(?:visit|appointment|appt|call|note|exam|evaluation|eval|consult|"
                       r"consultation|referral|mri|ct|x-?rays?|xr|scan|study|imaging|block|mbb|"
                       r"procedure|surgery|operation|start|beginning|end|week|month|year|"
                       r"summer|spring|winter|fall of|autumn)\b")


def _figure_start(lower: str, at: int) -> int:
    """Where the number whose last digit is at ``at`` begins."""
    while at > 0 and (lower[at - 1].isdigit() or lower[at - 1] == "."):
        at -= 1
    return at


def another_measures(lower: str, at: int, own: tuple[str, ...]) -> bool:
    """The figure at ``at`` is another measure's: right after its label ("SpO2 94% on a
    Venturi mask") or after an arrow from a figure of that label ("SpO2 89% RA -> 94% on
    2 L": the saturation again)."""
    start = max(0, at - 40)
    return _measure_label(own).search(lower, max(0, at - 20), at) is not None or \
        _measure_trend(own).search(lower, start, at) is not None


def _others_before(lower: str, m: Mention, qa: int, qb: int) -> bool:
    """A figure before the mention that is another measure's (``another_measures``), or
    a percentage measured on what the mention names ("94% on Venturi mask": the
    saturation on the mask, not its oxygen)."""
    return another_measures(lower, qa, m.rule.phrases) or m.spec.unit == "%" and \
        re.fullmatch(r"\s*%?\s*on\s+(?:an?\s+)?", lower[qb:m.start]) is not None


@cache
def _things() -> tuple[str, ...]:
    """Every fact's words, of every policy (and the medicines by name): what a length
    right after one of them ("naproxen x 6 wks", "ICS/LABA for 4 months") measures."""
    return tuple(sorted({p for rule in reading_rules(None).values()
                         for p in rule.all_phrases() + rule.counts}))


_DOSE_TAIL = re.compile(r"(?:[\s,]*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|g|ml|units?|puffs?)?|bid|tid|qid|"
                        r"qhs|qd|prn|daily|po|q\d+h|nightly|once|twice|at night|a day|/day|"
                        r"per day))*\s*$")
"""A dose and how often after a medicine's name ("Ibuprofen 600 TID x 10 wks"): the length
after it is still the medicine's."""


def _length_of_another(lower: str, m: Mention, qa: int) -> bool:
    """The length at ``qa`` follows another thing's name and "for" or "x" ("ICS/LABA for 4
    months with persistent symptoms", "naproxen x 6 wks, then PT"): it measures that thing,
    not the mention named after it (fresh24's peer review read the inhalers' 4 months as
    the symptoms' length). Not where the name is also the mention's own ("back pain for 6
    months with radicular symptoms")."""
    lead = _FOR_BEFORE.search(lower, max(0, qa - 10), qa)
    if lead is None:
        return False
    line = lower.rfind("\n", 0, lead.start()) + 1
    window = _DOSE_TAIL.sub("", lower[max(line, lead.start() - 50):lead.start()])
    theirs = [(x, y) for x, y in hits(window, _things()) if y == len(window)]
    own = hits(window, m.rule.all_phrases())
    return bool(theirs) and not any(x < y2 and x2 < y for x, y in theirs for x2, y2 in own)


_NOT_TRIED_AFTER = re.compile(r"[ \t]*(?:\[[ \t]?\]|☐|\([ \t]\)|(?:[-–—:(][ \t]*)?"
                              r"(?:(?:not|never)[ \t]+(?:yet[ \t]+)?(?:tried|taken|given|used|"
                              r"started|prescribed|trialed|trialled)\b|n/a\b|"
                              r"(?:pt[ \t]+|patient[ \t]+)?(?:declined|refused)\b)|"
                              r"[ \t]*[-–—:(][ \t]*(?:allerg(?:y|ic)|contraindicated|"
                              r"c/i)\b)")
"""A counted item's own unticked box or its own words right after it that say it was not
tried ("oral steroid ☐ not tried", "prednisone - never tried", "gabapentin (not tried)",
"prednisone (declined)", "ibuprofen - allergy")."""
_NOT_TRIED_BEFORE = re.compile(
    r"\b(?:allergic[ \t]+to|(?:an[ \t]+)?allergy[ \t]+to|declined|declines|refused|refuses|"
    r"never[ \t]+(?:took|taken|tried|started|had|given)|(?:could|can)[ \t]*(?:not|n'?t)[ \t]+"
    r"(?:take|tolerate[ \t]+starting)|unable[ \t]+to[ \t]+take|(?:did|does)[ \t]*(?:not|n'?t)"
    r"[ \t]+(?:take|try|start)|not[ \t]+a[ \t]+candidate[ \t]+for|contraindicat\w*[ \t]+"
    r"(?:to|for)|avoids?|avoided)[ \t]+(?:(?:any|all|the|a|an|oral|po|iv|systemic|other)[ \t]+)*$")
"""Words right before a counted item that say it was never taken ("allergic to NSAIDs",
"he declined oral steroids", "never took gabapentin"): no course of it failed (outside
tester 29 F2 counted two failed medication courses from a dictation saying none was
tried)."""
_BOX_RIGHT_BEFORE = re.compile(r"(?:\[[ \t]?[x✓✔]?\]|☐|☑|☒)[ \t]*$", re.I)
"""An item's box before it ("☑ NSAID ☐ oral steroid"): the box after it is the next item's."""
_STATEMENT_END = re.compile(r"\n|[.!?](?:\s|$)")
"""Where a statement carried past its semicolon ends: its full stop or its line's end."""
_TO_COME = re.compile(r"\b(?:wait[ -]?list(?:ed)?|waiting list|booked|scheduled|ordered|"
                      r"pending|requested|awaiting|on order|referred for|appt|appointment)\b")
"""Words that say a study is on its way, not done yet ("on the waitlist", "booked")."""
_LEVEL_REACHED = re.compile(r"[ \t]*(?:all[ \t]+the[ \t]+way[ \t]+)?(?:to|at)[ \t]+(?:a[ \t]+)?")
"""A figure after "to" beside a change's words is where the score got to, not by how much."""
_ITEM_BETWEEN = re.compile(r"(?<![\w./-])\d{1,2}\)[ \t]")
"""A list item's number ("2) ") opens another item: what stood before it is not this one's."""


def _distance(lower: str, m: Mention, qa: int, qb: int) -> float | None:
    """How tightly a number at [qa, qb) binds to the mention (lower is tighter)."""
    a, b = m.start, m.end
    if qa <= a < qb:
        return 0  # the phrase is the quantity's own unit: "3 sessions per week"
    glossed, gap = _by_gloss(lower, m, qa, qb)
    if glossed:
        return gap
    if qa >= b and _measure_label(m.rule.phrases).search(lower, b, qa) or \
            qb <= a and _others_before(lower, m, qa, qb):
        # "T 37.2 HR 88", "afebrile HR 99": the figure is the heart rate's; "RR 18 SpO2",
        # "SpO2 94% on a Venturi mask": the one before is another measure's
        return None
    if qb <= a and _measured_between(m.rule.phrases).search(lower, qb, a) or \
            qa >= b and _measured_aside(m.rule.phrases).search(lower, b, qa):
        # "T 37.0  HR 92  RR 20  BP 130/82  SpO2 95%": a figure before the mention with
        # another measure's label and figure between is no figure of the mention's; nor
        # is one after it in that figure's own bracket ("FEV1 1.62 L (58 %pred)  FVC 2.71 L
        # (74 %pred)": the FVC's)
        return None
    if qb <= a and re.fullmatch(r"\s*(?:of|in)\s*", lower[qb:a]):
        return 0  # "14 weeks of physical therapy" binds tightest
    if qb <= a and re.fullmatch(r"\s*of\s+(?:[a-z-]+\s+){1,2}", lower[qb:a]):
        return 1  # "six weeks of supervised exercise" is the exercise's, not the therapy's
    if qb <= a and (_EFFECT.search(lower[qb:a]) or m.spec.unit == "weeks" and (
            _NO_EFFECT_ON.search(lower[qb:a]) or _length_of_another(lower, m, qa))):
        # "off work for 2 months because of the leg pain": the effect's time; "Albuterol +
        # ICS x 10 wks with no improvement in dyspnea", "ICS/LABA for 4 months with
        # persistent symptoms": the inhalers'
        return None
    if qb <= a and re.search(r":|[.;]\s", lower[qb:a]):
        # "PT 12wk: therex 6wk": a figure before a colon heads the list; "postmenopausal x
        # 8 yrs. productive cough": the last statement's
        return None
    if qb <= a and ("(" in lower[qb:a] or _ITEM_BETWEEN.search(lower, qb, a)):
        # "14 wks total (supervised exercise 8 wks": the part has its own; "1) 6  2) went
        # up to 9": the figure before a list's number is the last item's answer
        return None
    if qb <= a and re.fullmatch(r"\s*(?:her|his|their|the patient's|patient's)\s+", lower[qb:a]):
        # "for the last 2 months her wheezing has not responded": the time of what the
        # sentence goes on to say, not how long the wheezing has lasted.
        return None
    if qa >= b and _later_ones(lower, m, qa):
        return None
    if qa >= b and (_LIST_JOIN.search(lower[b:qa]) or (
            "(" in lower[b:qa] and _DURATION_ONLY.fullmatch(lower[qa:qb].strip()))) and \
            _FIGURE_BEFORE.search(lower[max(0, a - 16):a]):
        # "(6 wk ther ex, 3 wk manual)", "2 PT courses and 1 NSAID course", "12 wks PT (6
        # wk ther ex, ...)": each item's figure comes first
        return None
    if qa >= b and _FIELD_ANSWER.fullmatch(lower[b:qa]) and _LINE_END.match(lower, qb):
        return 2.0  # "Courses of ... with no improvement: 2": a form line's whole answer
    distance = _after(lower, b, qa) if qa >= b else float(a - qb) + 5
    if distance > 40 or distance < -5:
        return None
    return distance


_GLOSSED_ITEM = re.compile(r"[^\n,;:.()\[\]]{1,80}$")
"""The words a bracketed gloss translates: back to the item's start, one line at most."""
_OUTSIDE_GLOSS = 60.0
"""Farther than any figure read beside a mention: one before the glossed item is read only
when nothing else is (the caller's limit of 40 refuses it)."""


_CHANGE_WORDS = re.compile(
    r"\b(?:fell|falls?|fallen|dropped|drops?|declined?|declines|decreased?|decreases|"
    r"down|up|rose|rises?|risen|increased?|increases|improved|improves?|improvement|"
    r"worsened|worse|better|changed?|changes|reduced|reduction|gained|gains?|lost|loss|"
    r"delta|variability|variation|reversibility|by)\b|[δΔ±]")
_LEVEL_AFTER_CHANGE = re.compile(r"\b(?:to|at|now|of|is|was)[ \t:]*(?:about[ \t]+|~[ \t]*)?$")
"""A change word then "to" ("FEV1 has fallen to 54%", "pain went up to 8/10"), or a level
said after it ("now", "is"): the figure is the level reached, read."""


def a_change_not_a_level(lower: str, m: Mention, qa: int) -> bool:
    """A figure after a measure's label with a word of change between ("FEV1 fell 22%",
    "FEV1 down 15% from baseline", "Pain dropped 3 points", "SpO2 decreased 6% on
    exertion"): how much it changed, no level (phrase36a read FEV1 22 % predicted). Not
    for a fact that is itself a change (the pain's increase), nor a level reached "to"."""
    if m.spec.unit not in ("%", "points", "C") or m.kind != "plain" or m.rule.difference or \
            qa < m.end or qa - m.end > 40:
        return False
    gap = lower[m.end:qa]
    change = _CHANGE_WORDS.search(gap)
    if change is None:
        return False
    # ("decline of 24 %" is a change; "FEV1 down to 61%" a level: what follows the change)
    return not _LEVEL_AFTER_CHANGE.search(gap, change.end()) or \
        re.search(r"\b(?:of|by)[ \t:]*$", gap) is not None and \
        not re.search(r"\b(?:to|at|now|is|was)\b", gap[change.end():])

def _by_gloss(lower: str, m: Mention, qa: int, qb: int) -> tuple[bool, float | None]:
    """Whether the mention is a bracket's gloss, and then how the figure binds to it: "8
    weken oefentherapie onder begeleiding [supervised exercise and stretching], 3 weken
    manuele therapie [...]": the bracket translates the words its figure opens; the figure
    after it opens the next item (fresh33's huisarts letter)."""
    lead = _glossed_length(lower, m)
    if lead is None:
        return False, None
    return True, 1.0 if (qa, qb) == lead else None if qa >= m.end else _OUTSIDE_GLOSS


def _glossed_length(lower: str, m: Mention) -> tuple[int, int] | None:
    """The length opening the item a bracket after it translates: the mention is the
    bracket's first words, the bracket holds no figure, and the words it translates begin
    with a duration in any language ("8 weken oefentherapie [supervised exercise]", "6
    semanas de fisioterapia (physical therapy)"). None when the mention is no such gloss."""
    j = len(lower[:m.start].rstrip())
    if j == 0 or lower[j - 1] not in "[(":
        return None
    close = lower.find(")" if lower[j - 1] == "(" else "]", m.end)
    if close < 0 or re.search(r"[\d,;+/]", lower[m.start:close]):
        # (a figure is the bracket's own; a list says what the care held: "16 wks
        # conservative tx (PT, naproxen, weight loss)" glosses nothing)
        return None
    item = _GLOSSED_ITEM.search(lower, max(0, j - 81), j - 1)
    if item is None:
        return None
    start = item.start() + len(item.group(0)) - len(item.group(0).lstrip(" \t-*•"))
    if _names_another(lower[start:j - 1], m):
        return None  # "16 wks conservative tx (PT)": English words the reader knows
    found = quantities(lower[start:j - 1])
    if not found or found[0].start > 0 or found[0].unit not in ("weeks", "days", "months", "years"):
        return None
    return start + found[0].start, start + found[0].end


def _names_another(words: str, m: Mention) -> bool:
    """``words`` name a length other than the mention's: they are no foreign words a bracket
    translates but what the figure measures ("14 weeks physical therapy (supervised ...)";
    "manuele therapie met warmte en TENS [manual therapy]" names a modality, no length)."""
    own = hits(words, m.rule.all_phrases())
    return any(not any(a <= x and y <= b for a, b in own) for x, y in hits(words, _lengths()))


@cache
def _lengths() -> tuple[str, ...]:
    """The words of every fact that is a length in weeks, of every policy."""
    specs = fact_specs(None)
    return tuple(sorted({p for name, rule in reading_rules(None).items()
                         if name in specs and specs[name].unit == "weeks"
                         for p in rule.all_phrases()}))


def _later_ones(lower: str, m: Mention, qa: int) -> bool:
    """A figure after the mention that the words between give to something else."""
    a, b = m.start, m.end
    if _SPLIT_INTO.search(lower[b:qa]) and _LENGTH_BEFORE.search(lower[max(0, a - 16):a]):
        # "12 wks PT 09/01-11/24 = 6 wks ther-ex, 3 wks manual": a length written before
        # its thing, then "=" or ":", opens the thing's parts; the first part's figure is
        # the part's, not a second length of the whole
        return True
    if _FROM_FIGURE.search(lower, max(0, a - 24), a) and _TO_NEXT.fullmatch(lower, b, qa):
        return True  # "from 6/10 before any treatment to 8/10": the 8 is where it went
    if _relative_before(lower, b, qa):
        return True  # "Pain score: wife said 8; pt himself said 6": the wife's figure
    if m.spec.unit == "points" and _relative_says_before(lower, a):
        return True  # "Wife says his pain is 9/10; he says 6/10": the wife's word of a score
    if _ASIDE_CLOSED.match(lower, b, qa) and aside_of_figure(lower, m):
        return True  # "5/10 at intake (before any treatment), 8/10 now": the aside is the 5's
    # "5 pre-tx -> 7 now": the number after the arrow is the later one (a call log's
    # "PT? -> 20 wks" is a question and its answer)
    return re.search(r"->|→|=>|\bthen\b", _ANSWER_ARROW.sub(" ", lower[b:qa])) is not None


_MASKED_WORD = re.compile(r"§{3,}")


_METRES = re.compile(r"\d[ \t]?m$")
_CLAUSE_EDGE = re.compile(r"[.;,\n]")
_DISTANCE_CLAUSE = re.compile(
    r"\b(?:walk\w*|gait|ambulat\w*|distance|metres?|meters?|\d?mwt|shuttle|tug|stairs?|"
    r"steps?|laps?|run\w*|jog\w*|treadmill|claudicat\w*|corridor|hallway|test)\b|"
    r"\bm/s\b|[a-zäöü]*strecke\b")
_TIMED_AFTER = re.compile(r"[^.;,\n]{0,20}?\d(?:[ \t]*(?:s|secs?|seconds?|mins?|minutes?)\b|:\d\d)")
"""A time after the distance in its clause ("50 m in 2:10 min", "10 m in 14 s"); a clock
time before it is a note's header ("ED NOTE 11/30/2026 23:02\n58M with ...")."""
_DISTANCE_AFTER = re.compile(
    r"[ \t]*(?:before|then|without|unaided|unassisted|indoors|outdoors|at a time|x[ \t]*\d|×|"
    r"(?:with|w/)[ \t]*(?:a[ \t]+)?(?:cane|stick|walker|frame|rollator|crutch|rests?|stops?))")


def a_distance(lower: str, a: int, b: int) -> bool:
    """A figure with "m" is metres, no age and sex, where its clause measures a walk or a
    distance ("10 m walk in 14 s", "Walked 40 m with a stick", "Gait: 20 m unaided", a
    timed walk "50 m in 2:10 min"; phrase36a read "pregnancy not applicable" from
    them): the clause runs between commas, stops and line ends, so "John Doe, 45 M,
    walks with a limp" keeps its sex."""
    if not _METRES.search(lower, a, b):
        return False
    lo = max(0, a - 80)
    start = max((x.end() for x in _CLAUSE_EDGE.finditer(lower, lo, a)), default=lo)
    end = _CLAUSE_EDGE.search(lower, b)
    clause_end = end.start() if end else len(lower)
    return bool(_DISTANCE_CLAUSE.search(lower, start, a) or
                _DISTANCE_CLAUSE.search(lower, b, min(clause_end, b + 80)) or
                _DISTANCE_AFTER.match(lower, b) or
                _TIMED_AFTER.match(lower, b, min(clause_end, b + 40)))
"""A word masked as the patient (longer than "pt"): a relation word a caller named them by."""


@cache
def _relatives() -> tuple[str, ...]:
    words = context_rules()
    return tuple(words.said_by_relative.get("relatives", [])) + \
        tuple(w for ws in words.pronouns.values() for w in ws)


def _relative_before(lower: str, b: int, qa: int) -> bool:
    """A relative named between a mention and the figure after it gives the figure as
    theirs ("Pain score: wife said 8", "Pain per his daughter 9/10"): the relative's word,
    not the patient's (fresh9, fresh12: the patient's own score wins; a relative's hearsay
    settles nothing)."""
    return bool(hits(lower[b:qa], _relatives()))


_SAYS = re.compile(r"[\s,]*(?:[a-z]+\s+){0,2}?(?:says|said|reports|reported|states|stated|"
                   r"thinks|believes|feels|tells us|told us)\b")


@cache
def _filled_by(relatives: tuple[str, ...]) -> re.Pattern[str]:
    """A form said to be filled in by a relative: "completed by patient's son", "filled out
    by her daughter", "Wife filled in the questionnaire"."""
    rel = "|".join(re.escape(w) for w in sorted(set(relatives), key=lambda w: (-len(w), w)))
    return re.compile(
        rf"\b(?:completed|filled(?:[ \t]+(?:out|in))?|answered|written|done)[ \t]+by[ \t]+"
        rf"(?:(?:the|a|an|her|his|their|patient'?s|pt'?s|§§'?s)[ \t]+)*(?:{rel})\b|"
        rf"\b(?:{rel})[ \t]+(?:completed|filled(?:[ \t]+(?:out|in))?|answered)[ \t]+"
        rf"(?:(?:the|this|her|his|a)[ \t]+)?(?:form|questionnaire|intake|survey|paperwork)")


def _relative_says_before(lower: str, a: int) -> bool:
    """A relative's report opens the sentence of a score's mention ("Wife says his pain is
    9/10"): a score is the patient's own word; a relative's hearsay settles nothing."""
    start = max(lower.rfind(stop, 0, a) for stop in (".", ";", "\n", "?", "!")) + 1
    return any(_SAYS.match(lower, start + y, a) for _x, y in hits(lower[start:a], _relatives()))


_QUOTE_MARKS = frozenset('"“”')


def quoted_estimate(lower: str, sentence: tuple[int, int], qa: int, qb: int) -> bool:
    """A figure inside a quotation that estimates it ("about", "around", "3+"), which a
    person outside it says ('Says she did "about 3 months" of PT', '"roughly 10 weeks" per
    pt'): the speaker's recall, not a record (`quoted_estimates` in context.yaml)."""
    # (the marks are counted from the paragraph's start: a sentence may end inside a
    # quotation, 'without it." She says ... "about two months"')
    start = lower.rfind("\n\n", 0, qa) + 1
    end = lower.find("\n\n", qb)
    end = len(lower) if end < 0 else end
    before = [i for i in range(start, qa) if lower[i] in _QUOTE_MARKS]
    closing = next((i for i in range(qb, end) if lower[i] in _QUOTE_MARKS), None)
    if len(before) % 2 == 0 or closing is None:
        return False
    words = context_rules().quoted_estimates
    opening = before[-1]
    if not hits(lower[opening + 1:closing], tuple(words.get("estimates", []))):
        return False
    a, b = min(sentence[0], opening), max(sentence[1], closing + 1)
    outside = lower[a:opening] + " " * (closing + 1 - opening) + lower[closing + 1:b]
    not_by = re.compile(rf"\b(?:{alternation(words.get('not_by', []))})\W*(?:\w+\W+)?$")
    return any(not not_by.search(outside[max(0, x - 25):x])
               for x, _y in hits(outside, tuple(words.get("by", []))))


def _after(lower: str, b: int, qa: int) -> float:
    """How far a number after the mention is from it."""
    # "manual therapy + modalities (moist heat, ice, TENS) 3 wks", "XR knee 2/20/26
    # and 9/22/26 (2 sets)": asides and dates do not push a number away.
    gap = re.sub(r"\([^()]*\)", "", lower[b:qa])
    distance = float(len(re.sub(r"\s+", " ", mask_dates(gap))))
    if ":" in lower[b:qa]:
        distance += 20  # "therapy: 6 weeks exercise" is a part, not the whole
    if distance > 40 and (_DESCRIBED_FOR.fullmatch(lower, b, qa) or
                          _PARTS_LISTED_FOR.fullmatch(lower, b, qa)):
        distance = 40.0  # "low back pain radiating down the left leg to the foot for 8 months"
    return distance


_ONSET_LABEL = re.compile(r"[ \t]*(?:[-*•][ \t]*|[a-z]+:[ \t]*|\d{1,2}[.)][ \t]*|"
                          r"(?:q|question|item)[ \t]*\d{1,2}[.:)]?[ \t]*)?"
                          r"(?:(?:approximate|approx\.?|estimated)[ \t]+)?"
                          r"(?:date[ \t]+(?:of[ \t]+)?)?(?:(?:the[ \t]+)?"
                          r"(?:symptoms?|sx|pain|condition|illness|problem|complaint)[ \t]+)?")
"""A form's label before its onset word and colon: "Onset:", "Date of symptom onset:",
"Approximate date condition commenced:" (an FMLA form's Part III; fresh29)."""


_NO_ANSWERS_ITS_LABEL = re.compile(r"[a-z' \t]{0,60}:[ \t]*(?:no|none|negative|neg|n)"
                                   r"(?=[ \t]*(?:[,.;!)]|$))", re.M)
"""The mention stands in a question's label on its line and the answer after the colon
is no: never a yes (who18's open input: "Anything cosmetic about this shot: No, it's for
the pain." read cosmetic)."""


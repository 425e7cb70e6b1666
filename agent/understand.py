"""Offline understanding: what a staff message says, read deterministically.

No model and no network: a lexicon (``lexicon.yaml``: the words staff use for each
fact) and a handful of readers for quantities, dates, negation and short answers.
What it cannot read it reports in ``unread``; it never fills a gap with a guess.
The LLM path (:mod:`agent.llm`) returns the same :class:`Understanding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from policies.checker import months_before
from policies.errors import FactError
from policies.facts import parse_value
from policies.library import load_policy, supported_cpts
from policies.model import FactSpec

LEXICON_PATH = Path(__file__).parent / "lexicon.yaml"

Origin = Literal["stated", "inferred", "confirmed"]


class FactReading(BaseModel):
    """One fact read from the user's words."""

    fact: str
    value: bool | float | int | str | list[str] | None
    """Raw value, as :func:`policies.facts.parse_value` accepts it; None = "not sure"."""
    words: str
    """The user's words it was read from."""
    origin: Origin = "stated"


class Understanding(BaseModel):
    """Everything one user message says that the agent acts on."""

    cpt: str | None = None
    """A supported procedure the message asks about (by code or by name)."""
    unknown_code: str | None = None
    """A five-digit code the library has no policy for."""
    facts: list[FactReading] = Field(default_factory=list)
    unread: list[str] = Field(default_factory=list)
    """Parts that looked like case details but could not be read."""
    start_over: bool = False
    override: bool = False
    """The user asked to ignore the policy or approve anyway (has no effect)."""
    policy_question: str | None = None
    """A question about what a policy requires, to answer from its clauses."""
    asks_verdict: bool = False
    """The user asked whether the case qualifies."""
    notices: list[str] = Field(default_factory=list)

    @property
    def off_topic(self) -> bool:
        return not (self.cpt or self.unknown_code or self.facts or self.unread or
                    self.start_over or self.override or self.policy_question or
                    self.asks_verdict)


# ------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexeme:
    fact: str
    phrases: tuple[str, ...]
    choices: dict[str, tuple[str, ...]]
    negated: str | None
    none: tuple[str, ...]
    polarity: bool
    """For booleans: the value a plain mention means (False for "no X" style facts)."""
    qualifier: tuple[str, ...]
    """Set and choice facts: words that must accompany a positive mention (e.g. "severe")."""
    opposite: tuple[str, ...] = ()
    """Booleans: phrases whose plain mention means ``not polarity`` ("stable")."""
    positive_only: tuple[str, ...] = ()
    """Booleans: phrases that settle the fact only when affirmed ("cough")."""
    vague: tuple[str, ...] = ()
    """Phrases that touch the fact without settling it: reported as unread."""
    exclude: tuple[str, ...] = ()
    """Words that stop the fact being read in the same clause."""
    normal: bool | None = None
    """Booleans: the value when the phrase is followed by "normal" / "WNL"."""
    decrease: tuple[str, ...] = ()
    """Signed number facts: phrases meaning the number is a decrease."""
    fraction: bool = False
    """Percent facts: a bare fraction 0-1 is a percentage ("FiO2 0.4" = 40 %)."""


def _words(entry: dict, key: str) -> tuple[str, ...]:
    return tuple(str(p).strip().lower() for p in entry.get(key) or [])


@cache
def lexicon() -> dict[str, Lexeme]:
    raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))["facts"]
    out = {}
    for name, entry in raw.items():
        entry = entry or {}
        out[name] = Lexeme(
            fact=name,
            phrases=_words(entry, "phrases"),
            choices={k: tuple(str(p).lower() for p in v)
                     for k, v in (entry.get("choices") or {}).items()},
            negated=entry.get("negated"),
            none=_words(entry, "none"),
            polarity=bool(entry.get("polarity", True)),
            qualifier=_words(entry, "qualifier"),
            opposite=_words(entry, "opposite"),
            positive_only=_words(entry, "positive_only"),
            vague=_words(entry, "vague"),
            exclude=_words(entry, "exclude"),
            normal=entry.get("normal"),
            decrease=_words(entry, "decrease"),
            fraction=bool(entry.get("fraction", False)),
        )
    return out


@cache
def all_fact_specs() -> dict[str, FactSpec]:
    specs: dict[str, FactSpec] = {}
    for cpt in supported_cpts():
        specs.update(load_policy(cpt).facts)
    return specs


# ------------------------------------------------------------------- readers

_WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "once": 1, "twice": 2, "a": 1, "an": 1, "single": 1, "several": -1}
_WORD_NUM_RE = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_DUR_UNIT = r"weeks?|wks?|w|months?|mos?|mths?|days?|d|years?|yrs?|y"
_LEFT = r"(?<![\w.])(?<!\w[-/])"
"""A number starts a token: not "L4-5", "C5/6", "120/80", "v2"."""
_DURATION_RE = re.compile(
    _LEFT + r"(?:(?P<num>\d+(?:\.\d+)?)(?:\s*(?:-|to|–)\s*(?P<hi>\d+(?:\.\d+)?))?"
    rf"\s*-?\s*(?P<unit>{_DUR_UNIT})"
    # "twice a week", "3 times a week" are rates, not "a week" of anything.
    rf"|(?<!twice )(?<!once )(?<!times )(?<!x )(?<!per )(?<!every )"
    rf"(?P<word>{_WORD_NUM_RE}|a|an)(?:\s*(?:-|to|–|or)\s*(?P<whi>{_WORD_NUM_RE}))?"
    r"[\s-]+(?P<wunit>weeks?|months?|days?|years?))\b", re.I)
_QUANTITY = re.compile(
    _LEFT + r"(?P<sign>[-+−](?=\d))?(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?:\s*(?:-|–|to)\s*(?P<hi>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>/\s*100\b|/\s*10\b|out of 10\b|%|°\s*[fc]\b|degrees?\s*[fc]?\b|[fc]\b|k\b"
    r"|x\s*/\s*w(?:ee)?k\b|x\s*(?:per|a|/)\s*week\b|x\s*weekly\b"
    r"|times\s*(?:per|a|/)\s*(?:week|wk)\b|(?:sessions?|visits?)\s*(?:per|a|/)\s*(?:week|wk)\b"
    r"|(?:/|per)\s*(?:week|wk)\b|weekly\b"
    r"|courses?\b|sets?\b|cells\b|points?\b|pts?\b"
    r"|(?:mg|mcg|ml|l|lpm|mm|cm|kg|lbs?|bpm|mmhg|hrs?|hours?|minutes?|mins?|sessions?|visits?"
    r"|times|levels?|injections?|shots?|patients?|units?)\b)?", re.I)
_X_COUNT = re.compile(r"(?<![\w/])x\s*(?P<num>\d+)\b(?!\s*(?:[-/.,]\d|" + _DUR_UNIT + r")\b)",
                      re.I)
_WORD_COUNT = re.compile(rf"\b(?P<word>{_WORD_NUM_RE}|once|twice|a single)\b"
                         r"(?:\s+(?:failed\s+|separate\s+|prior\s+)?(?P<unit>courses?|sets?|"
                         r"sessions?|times|rounds?))?(?P<rate>\s+(?:a|per)\s+week|\s+weekly)?",
                         re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DATE_ISO = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])")
_DATE_US = re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_DATE_NAMED = re.compile(
    r"\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?"
    r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept"
    r"|oct|nov|dec)[a-z]*\.?,?\s+(?P<year2>\d{4})\b", re.I)
_RELATIVE = re.compile(rf"(?<![\w.])(?P<num>\d{{1,4}}|{_WORD_NUM_RE}|a|an)\s*-?\s*"
                       r"(?P<unit>days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)\s+ago\b",
                       re.I)
_DATE_WORDS = re.compile(r"\b(?P<w>today|yesterday|this week|last week)\b", re.I)
_DATE_VAGUE = re.compile(r"\b(?:(?:in|last|this|early|late|mid)[- ](?:jan|feb|mar|apr|may|jun"
                         r"|jul|aug|sep|oct|nov|dec)[a-z]*|last (?:month|year|spring|summer|fall"
                         r"|winter)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                         r"\.? \d{4}|\b\d{1,2}/\d{4}|recently|a while ago|some time ago)\b",
                         re.I)
_AGE = re.compile(r"(?<![.\d])\b\d{1,3}\s*-?\s*(?:y/?o\b|yo\b|y\.o\.|years?[- ]old\b|"
                  r"yrs?[- ]old\b|year[- ]old\b|yom\b|yof\b)|\baged? \d{1,3}\b"
                  r"|(?<![.\d])(?<!temp )(?<!temperature )(?<!tmax )(?<!t )(?<!fever )"
                  r"(?<!fever of )(?<!febrile to )\b\d{2}\s?[mf]\b", re.I)
_CPT_CODE = re.compile(r"(?<![\d.,/-])\d{5}(?![\d,]|\.\d)")
_COURSE_LENGTH = re.compile(r"(?<![\w.])(?:\d+|six|eight|twelve)[- ]?(?:weeks?|wks?)"
                            r"(?=\s+(?:courses?|trials?|rounds?|blocks?)\b)", re.I)

NEGATIONS = re.compile(
    r"\b(no|not|denies|denied|deny|denying|without|negative(?: for)?|neg for|free (?:of|from)|"
    r"ruled out|absent|never|none|non|doesn't|does not|did not|didn't|hasn't|has not|haven't|"
    r"have not|isn't|is not|wasn't|was not|n't|missing|lacks|lacking|nor|neither|"
    r"no evidence of|no sign of|no signs of|no hx of)\b|\bw/o\b|\bneg\b", re.I)
_POSITIVE_VERB = re.compile(r"\b(reports?|reported|has|have|had|with|positive for|but|endorses|"
                            r"endorsed|complains? of|c/o|shows?|showed|however|yet|although|"
                            r"still|and has|and is|is)\b", re.I)
_POST_NEGATION = re.compile(
    r"^\s*(?::|-|=)?\s*(no\b|none\b|negative\b|neg\b|absent\b|ruled out\b|not present\b|"
    r"denied\b|nil\b|missing\b|not on file\b|not documented\b|not available\b|"
    r"not in (?:the )?(?:chart|record|file)\b|not included\b|not attached\b|not provided\b|"
    r"not submitted\b|not done\b|not performed\b|not obtained\b|n/a\b|not found\b|"
    r"(?:is |are |was |were )?(?:not|never) (?:on file|documented|done|performed|available|"
    r"present|obtained|included|in the chart|in chart)\b)", re.I)
_POST_POSITIVE = re.compile(r"^\s*(?::|-|=)?\s*(yes|present|positive|pos|confirmed|y|"
                            r"on file|documented|in chart|in the chart|attached|available)\b",
                            re.I)
_POST_NORMAL = re.compile(r"^\s*(?::|-|=|is|was|are|were)?\s*(normal|wnl|within normal limits|"
                          r"unremarkable|nl|negative|neg|not elevated|not raised)\b", re.I)
_PRE_NORMAL = re.compile(r"\b(normal|unremarkable|non-elevated)\s*$", re.I)
_UNSURE = re.compile(r"(?:\b(not sure|unsure|unknown|don'?t know|do not know|unclear|uncertain|"
                     r"no idea|idk|can'?t tell|not documented whether|possible|possibly|maybe|"
                     r"probable|probably|questionable|query|r/o|rule out|concern for)\b|\?\?)",
                     re.I)

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

_SEGMENT_SPLIT = re.compile(r"(?<!\d)[.;!?\n]+|[.;!?\n]+(?!\d)|(?<!\d),|,(?!\d{3}(?!\d))|"
                            r"\bbut\b|\bhowever\b|\bwhile\b|\balthough\b|\bwhereas\b", re.I)


def _num(text: str) -> float:
    text = text.lower()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    return float(text.replace(",", "").replace("−", "-"))


@dataclass
class _Segment:
    start: int
    text: str  # lower-case
    carried: bool | None = False
    """A short list item after a negated one ("denies cough, SOB, or fever"): True if the
    negation carries ("or ..." closes the list), None if it may or may not."""
    question: bool = False
    """Ends with "?": the user is asking ("is she pregnant?"), not stating."""


def _segments(lower: str) -> list[_Segment]:
    out: list[_Segment] = []
    pos = 0
    seps: list[str] = []
    protected = [m.span() for m in _DATE_NAMED.finditer(lower)]
    for match in _SEGMENT_SPLIT.finditer(lower):
        if any(a < match.start() < b for a, b in protected):
            continue
        if match.start() > pos:
            out.append(_Segment(pos, lower[pos:match.start()]))
            seps.append(match.group(0))
        pos = max(pos, match.end())
    if pos < len(lower):
        out.append(_Segment(pos, lower[pos:]))
        seps.append("")
    segs = [(s, sep) for s, sep in zip(out, seps, strict=True) if s.text.strip()]
    # Negated lists split by commas: "denies cough, SOB, or hemoptysis".
    for i, (seg, _sep) in enumerate(segs):
        if i == 0 or segs[i - 1][1].strip() != ",":
            continue
        prev = segs[i - 1][0]
        prev_negated = prev.carried or (
            (cue := _last_cue(prev.text)) is not None
            and not _POSITIVE_VERB.search(prev.text[cue.end():]))
        words = seg.text.split()
        if not prev_negated or len(words) > 4 or NEGATIONS.search(seg.text) or \
                _POSITIVE_VERB.search(seg.text) or re.search(r"\d", seg.text):
            continue
        if words[0] in ("or", "nor"):
            seg.carried = True
            continue
        # A middle item: carried if a later item closes the list with "or".
        closes = False
        for later, later_sep in segs[i + 1:]:
            later_words = later.text.split()
            if later_words and later_words[0] in ("or", "nor") and len(later_words) <= 4:
                closes = True
                break
            if len(later_words) > 4 or later_sep.strip() != ",":
                break
        seg.carried = True if closes else None
    for seg, sep in segs:
        seg.question = "?" in sep
    return [s for s, _ in segs]


def _last_cue(text: str) -> re.Match[str] | None:
    matches = list(NEGATIONS.finditer(text))
    return matches[-1] if matches else None


@cache
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile((r"(?<![\w'’])" if phrase[0].isalnum() else "") + re.escape(phrase) +
                      (r"(?![\w])" if phrase[-1].isalnum() else ""))


@cache
def _by_length(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in sorted(phrases, key=len, reverse=True) if p)


def _hits(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    for phrase in _by_length(phrases):
        if phrase not in text:
            continue
        for match in _phrase_re(phrase).finditer(text):
            if not any(a < match.end() and match.start() < b for a, b in hits):
                hits.append((match.start(), match.end()))
    return sorted(hits)


_phrase_hits = _hits


def _negated(segment: _Segment | str, start: int, end: int) -> bool | None | str:
    """True if the phrase at [start, end) is negated in its segment; None if the user is
    unsure; "ambiguous" if a list item may or may not be negated."""
    s = segment.text if isinstance(segment, _Segment) else segment
    before = s[:start]
    after = s[end:end + 40]
    if _UNSURE.search(before[-30:]) or re.match(
            r"^\s*(\?|:\s*\?|not sure|unknown|unclear|uncertain|possible|questionable)", after):
        return None
    if _POST_NEGATION.match(after):
        return True
    if _POST_POSITIVE.match(after):
        return False
    cue = _last_cue(before)
    if cue is None:
        if isinstance(segment, _Segment) and segment.carried is not False:
            return True if segment.carried else "ambiguous"
        return False
    # "denies fever, reports infection": a negation cue governs only up to a
    # positive reporting verb; "no ... nor" keeps it.
    between = before[cue.end():]
    return not _POSITIVE_VERB.search(between)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates_in(text: str, as_of: date) -> list[tuple[date | None, tuple[int, int]]]:
    """Every date in ``text`` with its span; None for one that is not a valid date."""
    found: list[tuple[date | None, tuple[int, int]]] = []

    def add(value: date | None, span: tuple[int, int]) -> None:
        if not any(a < span[1] and span[0] < b for _, (a, b) in found):
            found.append((value, span))

    for match in _DATE_ISO.finditer(text):
        add(_safe_date(int(match["y"]), int(match["m"]), int(match["d"])), match.span())
    for match in _DATE_US.finditer(text):
        year = int(match["y"])
        if year < 100:
            year += 2000 if 2000 + year <= as_of.year + 1 else 1900
        add(_safe_date(year, int(match["m"]), int(match["d"])), match.span())
    for match in _DATE_NAMED.finditer(text):
        mon = (match["mon"] or match["mon2"]).lower()[:3]
        add(_safe_date(int(match["year"] or match["year2"]), _MONTHS[mon],
                       int(match["day"] or match["day2"])), match.span())
    for match in _RELATIVE.finditer(text):
        n = _num(match["num"])
        unit = match["unit"].lower()
        value: date | None
        try:
            if unit.startswith("m") and n <= 12000:
                value = months_before(as_of, int(n))
            elif unit.startswith("y") and n <= 1000:
                value = months_before(as_of, 12 * int(n))
            else:
                value = as_of - timedelta(days=n * (7 if unit.startswith("w") else 1))
        except (ValueError, OverflowError):
            value = None
        add(value, match.span())
    for match in _DATE_WORDS.finditer(text):
        delta = {"today": 0, "yesterday": 1, "this week": 0, "last week": 7}[match["w"].lower()]
        add(as_of - timedelta(days=delta), match.span())
    return sorted(found, key=lambda f: f[1])


def _date_in(text: str, as_of: date) -> tuple[date | None, tuple[int, int] | None]:
    found = _dates_in(text, as_of)
    return found[0] if found else (None, None)


def _mask(text: str, *regexes: re.Pattern[str]) -> str:
    for regex in regexes:
        text = regex.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _code_spans(lower: str) -> list[tuple[int, int]]:
    """Five-digit numbers that name a procedure code (not "WBC 16000")."""
    out = []
    for match in _CPT_CODE.finditer(lower):
        if re.search(r"\b(wbc|white|count|plt|platelets?|cells)\b[^\d]{0,12}$",
                     lower[:match.start()]) or re.match(r"\s*(cells|/|per|k\b)",
                                                        lower[match.end():]):
            continue
        out.append(match.span())
    return out


def _mask_dates(text: str) -> str:
    text = _mask(text, _DATE_ISO, _DATE_US, _DATE_NAMED, _RELATIVE, _AGE)
    for a, b in _code_spans(text.lower()):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


@dataclass
class _Quantity:
    start: int
    end: int
    value: float
    hi: float | None
    unit: str  # normalised: duration unit word, "/10", "%", "F", "C", "k", "rate", "" ...
    text: str
    explicit_degree: bool = False


def _quantities(segment: str) -> list[_Quantity]:
    masked = _mask(_mask_dates(segment), _COURSE_LENGTH)
    out: list[_Quantity] = []

    def free(a: int) -> bool:
        return not any(q.start <= a < q.end for q in out)

    for match in _DURATION_RE.finditer(masked):
        # "2x/week" is a rate, not "2 weeks"; "3 x weekly" too.
        tail = masked[match.start():match.end() + 3].lower()
        if re.match(r"\d+(?:\.\d+)?\s*(?:x|times)", tail):
            continue
        unit = (match["unit"] or match["wunit"]).lower()
        unit = ("weeks" if unit.startswith("w") else "months" if unit.startswith("m") else
                "days" if unit.startswith("d") else "years")
        if match["word"] and _WORD_NUMBERS[match["word"].lower()] < 0:
            continue
        hi = match["hi"] or match["whi"]
        out.append(_Quantity(match.start(), match.end(),
                             _num(match["num"] or match["word"]),
                             _num(hi) if hi else None, unit, segment[match.start():match.end()]))
    for match in _QUANTITY.finditer(masked):
        if not free(match.start("num")):
            continue
        raw_unit = (match["unit"] or "").lower().replace(" ", "")
        unit = ("/100" if raw_unit == "/100" else
                "/10" if raw_unit in ("/10", "outof10") else "%" if raw_unit == "%" else
                "F" if raw_unit.endswith("f") and (raw_unit[0] in "°df") else
                "C" if raw_unit.endswith("c") and (raw_unit[0] in "°dc") else
                "deg" if raw_unit.startswith("deg") else
                "k" if raw_unit == "k" else
                "rate" if ("week" in raw_unit or "wk" in raw_unit) else
                "point" if raw_unit in ("point", "points", "pt", "pts") else
                raw_unit.rstrip("s") if raw_unit in ("courses", "course", "sets", "set",
                                                     "cells") else
                "other" if raw_unit else "")
        value = _num(match["num"])
        if match["sign"]:
            value = -value
        hi = match["hi"]
        end = match.end() if match["unit"] else match.end("hi") if hi else match.end("num")
        out.append(_Quantity(match.start(), end, value, _num(hi) if hi else None, unit,
                             segment[match.start():end].strip(),
                             explicit_degree="°" in raw_unit or raw_unit.startswith("deg")))
    for match in _X_COUNT.finditer(masked):
        if free(match.start()) and free(match.start("num")):
            out.append(_Quantity(match.start(), match.end(), float(match["num"]), None,
                                 "x", segment[match.start():match.end()]))
    for match in _WORD_COUNT.finditer(masked):
        if free(match.start()):
            word = match["word"].lower().replace("a single", "single")
            unit = "rate" if match["rate"] else (match["unit"] or "").lower().rstrip("s")
            out.append(_Quantity(match.start(), match.end(), float(_WORD_NUMBERS[word]), None,
                                 unit or "word", segment[match.start():match.end()]))
    return sorted(out, key=lambda q: q.start)


def _compatible(spec: FactSpec, q: _Quantity, lex: Lexeme | None = None) -> str | None:
    """The raw value to give :func:`parse_value` for ``q``, or None if it cannot be this fact."""
    value = q.value
    unit = spec.unit or ""
    if value < 0 and (spec.min is None or spec.min >= 0):
        return None
    if unit in ("weeks", "days", "months", "years"):
        return f"{value:g} {q.unit}" if q.unit in ("weeks", "days", "months", "years") else None
    if unit == "points":
        if q.unit == "/100" and 0 <= value <= 100:
            return f"{value / 10:g}"
        if q.unit in ("/10", "", "point") and -10 <= value <= 10:
            return f"{value:g}"
        return None
    if unit == "%":
        if lex is not None and lex.fraction and q.unit == "" and 0 < value <= 1 and \
                "." in q.text:
            return f"{value * 100:g}"
        return f"{value:g}" if q.unit in ("%", "") else None
    if unit == "C":
        if q.unit in ("F", "C"):
            return f"{value:g} {q.unit}"
        if q.unit in ("", "deg"):
            return f"{value:g} {'F' if value > 45 else 'C'}"
        return None
    if unit == "sessions/week":
        return f"{value:g}" if q.unit in ("rate", "x", "word", "") else None
    if unit in ("courses", "sets"):
        return f"{value:g}" if q.unit in ("", "x", "word", unit.rstrip("s")) else None
    if unit.startswith("cells"):
        if q.unit == "k" or (q.unit == "" and value < 200):
            return f"{value * 1000:g}"
        return f"{value:g}" if q.unit in ("", "cell") else None
    return f"{value:g}" if q.unit == "" else None


# --------------------------------------------------------------- extraction


@dataclass
class _Candidate:
    distance: float
    pos: int
    reading: FactReading
    quantity: tuple[int, int] | None = None
    """Absolute span of the number read (one number, one fact)."""
    notice: str | None = None
    unread: str | None = None
    """Set instead of a reading: what to report as unread."""


def _excluded(lex: Lexeme, text: str) -> bool:
    return bool(lex.exclude) and bool(_hits(text, lex.exclude))


_MILD = re.compile(r"\b(not severe|mild|(?<!poorly )controlled|well[- ]controlled)\b")
"""Words that make a comorbidity not severe ("poorly controlled" is not among them)."""


def _read_fact(name: str, spec: FactSpec, lex: Lexeme, seg: _Segment, text: str,
               as_of: date, blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """Candidate readings of one fact in one segment (lower distance = better).
    ``blocked``: spans of longer phrases of other facts (segment offsets)."""
    out: list[_Candidate] = []
    s = seg.text
    if seg.question and not re.search(r"\d", s):
        return out  # "is she pregnant?" states nothing; "PT 14 wks?" still does

    def words_of(a: int, b: int) -> str:
        return text[seg.start + a: seg.start + b].strip()

    def cand(distance: float, value: object, a: int, b: int, **kw: object) -> None:
        out.append(_Candidate(distance, seg.start + a,
                              FactReading(fact=name, value=value, words=words_of(a, b)),  # type: ignore[arg-type]
                              **kw))  # type: ignore[arg-type]

    if _excluded(lex, s):
        return out
    # Vague phrases count only where no longer phrase of the fact covers them
    # ("CRP elevated" is read, a bare "CRP" is asked about).
    settled = lex.phrases + lex.opposite + lex.positive_only + lex.none + tuple(
        p for phrases in lex.choices.values() for p in phrases)
    vague_spans = [(a, b) for a, b in _hits(s, lex.vague + settled)
                   if s[a:b] in lex.vague]
    for a, b in vague_spans:
        if spec.type == "boolean" and lex.normal is not None and _POST_NORMAL.match(s[b:]):
            cand(0, lex.normal, a, b)
        elif _negated(seg, a, b) is True and spec.type == "boolean" and lex.normal is not None:
            cand(0, lex.normal, a, b)
        else:
            out.append(_Candidate(99, seg.start + a, FactReading(fact=name, value=None,
                                                                 words=words_of(a, b)),
                                  unread=f"{words_of(a, b)} ({spec.label.lower()}?)"))

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in vague_spans + blocked)

    if spec.type in ("choice", "set"):
        if lex.qualifier and spec.type == "choice" and not _hits(s, lex.qualifier):
            return out
        if spec.type == "set":
            for a, b in _hits(s, lex.none):
                cand(0, [], a, b)
        positives: list[str] = []
        negatives: list[str] = []
        spans: list[tuple[int, int]] = []
        none_spans = _hits(s, lex.none)
        # The longest words win across choices: "pregnancy test negative" is not
        # "pregnancy".
        found = [(a, b, key) for key, phrases in lex.choices.items()
                 for a, b in _hits(s, phrases)]
        found = [(a, b, key) for a, b, key in found if not any(
            x <= a and b <= y and (y - x) > (b - a) for x, y, _ in found)]
        for a, b, key in found:
            if not free(a, b) or any(x <= a and b <= y for x, y in none_spans):
                continue
            neg = _negated(seg, a, b)
            spans.append((a, b))
            if neg is None:
                cand(0, None, a, b)
            elif neg == "ambiguous":
                out.append(_Candidate(99, seg.start + a, FactReading(
                    fact=name, value=None, words=words_of(a, b)),
                    unread=f"{words_of(a, b)} (is it negated?)"))
            elif neg:
                negatives.append(key)
            else:
                positives.append(key)
        if not spans:
            return out
        a, b = min(x[0] for x in spans), max(x[1] for x in spans)
        if spec.type == "choice":
            if positives:
                cand(0, positives[0], a, b)
            elif negatives and lex.negated:
                cand(0, lex.negated, a, b)
        else:
            qualified = not lex.qualifier or bool(_hits(s, lex.qualifier))
            if positives and qualified and not _MILD.search(s):
                cand(0, sorted(set(positives)), a, b)
            elif positives:
                out.append(_Candidate(99, seg.start + a, FactReading(
                    fact=name, value=None, words=words_of(a, b)),
                    unread=f"{words_of(a, b)} (is it severe?)"))
            elif negatives:
                cand(0, [], a, b)
        return out

    phrase_sets: list[tuple[tuple[str, ...], str]] = [(lex.phrases, "plain")]
    if spec.type == "boolean":
        phrase_sets += [(lex.opposite, "opposite"), (lex.positive_only, "positive_only")]
    if spec.type == "number" and lex.decrease:
        phrase_sets.append((lex.decrease, "decrease"))
    all_hits: list[tuple[int, int, str]] = []
    for phrases, kind in phrase_sets:
        for a, b in _hits(s, phrases):
            if free(a, b):
                all_hits.append((a, b, kind))
    # Longest first across kinds: an "opposite" phrase wins over a plain one inside it.
    all_hits.sort(key=lambda h: h[0])
    cleaned: list[tuple[int, int, str]] = []
    for phrases_hit in sorted(all_hits, key=lambda h: h[0] - h[1]):
        a, b, _ = phrases_hit
        if not any(x < b and a < y for x, y, _ in cleaned):
            cleaned.append(phrases_hit)
    for a, b, kind in sorted(cleaned):
        if spec.type == "boolean":
            neg = _negated(seg, a, b)
            if lex.normal is not None and (_POST_NORMAL.match(s[b:]) or
                                           _PRE_NORMAL.search(s[:a])):
                cand(0, lex.normal, a, b)
                continue
            if neg == "ambiguous" or (kind == "positive_only" and neg is True):
                out.append(_Candidate(99, seg.start + a, FactReading(
                    fact=name, value=None, words=words_of(a, b)),
                    unread=f"{words_of(a, b)} ({spec.label.lower()}?)"))
                continue
            polarity = (not lex.polarity) if kind == "opposite" else lex.polarity
            value = None if neg is None else (polarity != neg)
            cand(0, value, a, b)
        elif spec.type == "date":
            lo_w = max(0, a - 40)
            window = s[lo_w: b + 50]
            best: tuple[float, date | None, int, int] | None = None
            for found, (x, y) in _dates_in(window, as_of):
                x, y = x + lo_w, y + lo_w
                dist = (x - b) if x >= b else (a - y) + 10
                if best is None or dist < best[0]:
                    best = (dist, found, x, y)
            neg = _negated(seg, a, b)
            if best is not None:
                dist, found, x, y = best
                if found is None:
                    out.append(_Candidate(99, seg.start + a, FactReading(
                        fact=name, value=None, words=words_of(min(a, x), max(b, y))),
                        unread=f"{words_of(min(a, x), max(b, y))} (not a valid date)"))
                else:
                    cand(max(dist, 0), found.isoformat(), min(a, x), max(b, y))
            elif neg is True:
                cand(0, "never", a, b)
            elif neg is None:
                cand(0, None, a, b)
            elif (vague := _DATE_VAGUE.search(s[b:b + 40])) is not None:
                out.append(_Candidate(99, seg.start + a, FactReading(
                    fact=name, value=None, words=words_of(a, b + vague.end())),
                    unread=f"{words_of(a, b + vague.end())} (which date exactly?)"))
        elif spec.type == "number":
            for q in _quantities(s):
                raw = _compatible(spec, q, lex)
                if raw is None:
                    continue
                distance = q.start - b if q.start >= b else (a - q.end) + 5
                if q.start <= a < q.end:
                    distance = 0  # the phrase is the quantity's own unit: "3 sessions per week"
                elif q.end <= a and re.fullmatch(r"\s*(?:of|in)\s*", s[q.end:a]):
                    distance = 0  # "14 weeks of physical therapy" binds tightest
                elif q.start >= b and ":" in s[b:q.start]:
                    distance += 20  # "therapy: 6 weeks exercise" is a part, not the whole
                if distance > 40 or distance < -5:
                    continue
                if kind == "decrease":
                    if q.value < 0:
                        continue
                    raw = f"-{raw}" if not raw.startswith("-") else raw
                notice = None
                if q.hi is not None:
                    notice = (f'Read "{q.text.strip()}" as {raw} (the lower bound of the '
                              "range); correct me if the figure was higher.")
                cand(distance, raw, min(a, q.start), max(b, q.end),
                     quantity=(seg.start + q.start, seg.start + q.end), notice=notice)
            if _negated(seg, a, b) is True and re.search(
                    r"\b(no|never|without|not had|hasn't had|has not had|none)\b",
                    s[max(0, a - 20):a]) and kind == "plain":
                cand(30, "0", max(0, a - 20) + re.search(
                    r"\b(no|never|without|not had|hasn't had|has not had|none)\b",
                    s[max(0, a - 20):a]).start(), b)  # type: ignore[union-attr]
    if spec.type == "number" and spec.unit == "C":
        # "38.9 °C", "101.8 degrees F": a temperature names itself.
        for q in _quantities(s):
            if q.explicit_degree and q.unit in ("F", "C"):
                cand(20, f"{q.value:g} {q.unit}", q.start, q.end,
                     quantity=(seg.start + q.start, seg.start + q.end))
    return out


_PAIN_FROM_TO = re.compile(
    r"\b(?:pain|nrs|vas|pain score)\b[^.;,\d]{0,30}?\bfrom\s+(?P<a>\d{1,2})(?:\s*/\s*10)?\s*"
    r"(?:to|->|→)\s*(?P<b>\d{1,2})(?:\s*/\s*10)?(?![\d/])"
    r"|\b(?:pain|nrs|vas)\s+(?P<a2>\d{1,2})(?:\s*/\s*10)?\s*(?:->|→)\s*(?P<b2>\d{1,2})"
    r"(?:\s*/\s*10)?(?![\d/])", re.I)


def _pain_change(text: str, lower: str, specs: dict[str, FactSpec]) -> list[_Candidate]:
    """"pain went from 5 to 8" → baseline 5, current 8, change +3 (facts of the policy)."""
    out: list[_Candidate] = []
    for match in _PAIN_FROM_TO.finditer(lower):
        a, b = int(match["a"] or match["a2"]), int(match["b"] or match["b2"])
        if not (0 <= a <= 10 and 0 <= b <= 10):
            continue
        words = text[match.start():match.end()]
        for fact, value in (("pain_nrs_baseline", a), ("pain_nrs", b),
                            ("pain_nrs_increase", b - a)):
            if fact in specs:
                out.append(_Candidate(-1, match.start(), FactReading(
                    fact=fact, value=f"{value:g}", words=words)))
    return out


def _procedure(lower: str, current: str | None) -> tuple[str | None, str | None]:
    """(supported cpt, unsupported code) named in the message."""
    for a, b in _code_spans(lower):
        code = lower[a:b]
        return (code, None) if code in supported_cpts() else (None, code)
    cue = re.search(r"\b(qualify|qualifies|eligible|authori[sz]ation|approv\w*|request|"
                    r"check|switch|what about|how about|instead|policy|for (?:an?|the)|"
                    r"need|needs|require|requires|covered|coverage)\b", lower)
    best: tuple[int, str] | None = None
    for cpt in supported_cpts():
        for alias in load_policy(cpt).criteria.policy.aliases:
            for a, _b in _phrase_hits(lower, (alias.lower(),)):
                if best is None or a < best[0]:
                    best = (a, cpt)
    if best is None:
        return None, None
    if current is None or (cue and best[1] != current):
        # A procedure named as history ("after 12 weeks of PT") is not a request.
        if best[1] == "97110" and current and current != "97110" and not re.search(
                r"\b(switch|what about|how about|instead|qualify for|check)\b", lower):
            return None, None
        return best[1], None
    return None, None


_OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|bypass|skip)\b.{0,30}\b(policy|policies|rules?|instructions?|"
    r"criteria|guidelines?)\b|\b(just |please )?approve (it|this|the case|anyway|the request)\b"
    r"|\bapprove anyway\b|\boverride\b|\bmark (it|this|the case) as (approved|met|meets)\b|"
    r"\byou (must|have to|should) (approve|say)\b|\bsay (it|this) (qualifies|meets)\b|"
    r"\bpretend\b|\bact as\b|\bsystem prompt\b|\bjailbreak\b", re.I)
_START_OVER = re.compile(r"\b(start over|start again|new case|new patient|reset|restart|"
                         r"clear (?:the |this )?case|begin again|from scratch)\b", re.I)
_ASKS_VERDICT = re.compile(r"\b(qualif(?:y|ies)|eligible|meet(?:s)? (?:the )?criteria|"
                           r"approved?|authori[sz]ed?|covered|decision|verdict|does it pass)\b",
                           re.I)
_POLICY_WORDS = re.compile(
    r"\b(require[sd]?|requirements?|need(?:s|ed)?|criteria|policy|policies|covered|coverage|"
    r"documentation|documents?|imaging|exclusions?|excluded|valid|validity|window|how long|"
    r"how many|what counts|denied|denial|peer[- ]to[- ]peer|appeal)\b", re.I)



def _answer_for(spec: FactSpec, lex: Lexeme | None, text: str, as_of: date
                ) -> tuple[bool, object]:
    """Read ``text`` as a direct answer to the question about ``spec``."""
    t = text.strip().lower().rstrip(".!")
    if UNSURE_ANSWER.match(t):
        return True, None
    if spec.type == "boolean":
        if YES.match(t):
            return True, True
        if NO.match(t):
            return True, False
        rest_yes, rest_no = _YES_PREFIX.match(t), _NO_PREFIX.match(t)
        prefix = rest_yes or rest_no
        if prefix and lex is not None:
            rest = t[prefix.end():]
            # "no, but she has a UTI" says more than "no": read the words instead.
            if _hits(rest, lex.phrases + lex.opposite + lex.positive_only) or \
                    re.match(r"^(but|however|although|though)\b", rest) or \
                    UNSURE_ANSWER.match(rest):
                return False, None
            return True, bool(rest_yes)
        return False, None
    if spec.type == "number":
        t_clean = _NO_PREFIX.sub("", t) if re.search(r"\d", t) else t
        lex_for = lex
        for q in _quantities(t_clean):
            raw = _compatible(spec, q, lex_for)
            if raw is None and q.unit in ("", "word", "x"):
                raw = f"{q.value:g}"
                if spec.unit and spec.unit.startswith("cells") and q.value < 200:
                    raw = f"{q.value * 1000:g}"
            if raw is not None:
                if lex is not None and lex.decrease and _hits(t, lex.decrease) and \
                        not raw.startswith("-"):
                    raw = f"-{raw}"
                return True, raw
        if NO.match(t) or re.match(r"^(none|zero|never|not any|no \w+)\b", t):
            return True, "0"
        return False, None
    if spec.type == "date":
        found = _dates_in(t, as_of)
        if found and found[0][0] is not None:
            return True, found[0][0].isoformat()
        if NO.match(t) or re.search(r"\b(never|not done|none|not performed|no \w+)\b", t):
            return True, "never"
        return False, None
    if spec.type == "choice":
        for key, label in (spec.choices or {}).items():
            if t in (key.lower().replace("_", " "), label.lower()):
                return True, key
        if lex is not None:
            for key, phrases in lex.choices.items():
                hits = _hits(t, phrases)
                if hits:
                    neg = _negated(t, *hits[0])
                    if neg is True and lex.negated:
                        return True, lex.negated
                    if neg is False:
                        return True, key
            if lex.negated and (NO.match(t) or _NO_PREFIX.match(t)):
                return True, lex.negated
            yes_key = next(iter(lex.choices), None)
            if yes_key and YES.match(t) and lex.negated:
                return True, yes_key
        return False, None
    # set
    if NO.match(t) or re.match(r"^(none|no comorbidities|nothing|neither)\b", t):
        return True, []
    if lex is not None:
        keys: list[str] = []
        for key, phrases in lex.choices.items():
            for a, b in _hits(t, phrases):
                if _negated(t, a, b) is False:
                    keys.append(key)
        if keys:
            return True, sorted(set(keys))
        if _hits(t, lex.none):
            return True, []
    for key, label in (spec.choices or {}).items():
        if t in (key.lower().replace("_", " "), label.lower()):
            return True, [key]
    return False, None


def _spec(specs: dict[str, FactSpec], name: str) -> FactSpec:
    return specs.get(name) or all_fact_specs()[name]


def _check(reading: FactReading, spec: FactSpec, as_of: date) -> str | None:
    """Why ``reading`` is not an acceptable value, or None."""
    try:
        parse_value(reading.fact, spec, reading.value, as_of)
    except FactError as exc:
        return str(exc)
    return None


_GROUP = {"number": "number", "date": "date"}


def _blocked(lex: dict[str, Lexeme], specs: dict[str, FactSpec], seg: str
             ) -> dict[str, list[tuple[int, int]]]:
    """Per fact, the longer phrases of other facts of its kind its hits sit inside
    ("baseline pain" is not "pain"; "pain for 5 months" is not a pain score)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for name, spec in specs.items():
        if name in lex and spec.type in _GROUP:
            entry = lex[name]
            hits[name] = _hits(seg, entry.phrases + entry.decrease)
    out: dict[str, list[tuple[int, int]]] = {}
    for name, own in hits.items():
        group = _GROUP[specs[name].type]
        blocked = []
        for other, theirs in hits.items():
            if other == name or _GROUP[specs[other].type] != group:
                continue
            for x, y in theirs:
                if any(x <= a and b <= y and (y - x) > (b - a) for a, b in own):
                    blocked.append((x, y))
        out[name] = blocked
    return out


def understand(text: str, *, cpt: str | None, pending: list[str], as_of: date,
               last_facts: list[str] | None = None) -> Understanding:
    """Read one message. ``pending``: facts just asked about, in the order asked.

    Every value returned passes :func:`policies.facts.parse_value`: a figure out of the
    fact's range or a date after ``as_of`` is not returned but reported in ``unread``
    with the reason, so the agent asks again instead of storing it.
    """
    result = Understanding()
    lower = text.lower() if len(text.lower()) == len(text) else text
    if not text.strip():
        return result
    result.start_over = bool(_START_OVER.search(lower))
    result.override = bool(_OVERRIDE.search(lower))
    result.cpt, result.unknown_code = _procedure(lower, cpt)
    active = result.cpt or cpt
    specs = dict(load_policy(active).facts) if active else all_fact_specs()
    lex = lexicon()
    if result.cpt:
        # "what about a chest CT?" names the procedure, not a CT the patient had; but
        # "medial branch block 2026-10-01" is a fact of the policy itself.
        own = tuple(p for name in specs if name in lex for p in lex[name].phrases)
        fact_spans = _hits(lower, own)
        for alias in load_policy(result.cpt).criteria.policy.aliases:
            for a, b in _hits(lower, (alias.lower(),)):
                if any(x <= a and b <= y and (y - x) > (b - a) for x, y in fact_spans):
                    continue
                lower = lower[:a] + " " * (b - a) + lower[b:]
    pending = [p for p in pending if p in specs or p in all_fact_specs()]

    # Direct answers to the questions just asked: "yes", "no, no, 14 weeks".
    answered: set[str] = set()
    readings: list[FactReading] = []
    if pending:
        parts = [p for p in re.split(r"[,;/]|\band\b|\n", text) if p.strip()]
        if len(pending) == 1:
            ok, value = _answer_for(_spec(specs, pending[0]), lex.get(pending[0]), text, as_of)
            if ok:
                readings.append(FactReading(fact=pending[0], value=value,  # type: ignore
                                            words=text.strip()))
                answered.add(pending[0])
        elif len(parts) == len(pending):
            # One answer per question, in the order asked; an answer that does not fit
            # its question is reported, the others still count.
            batch = []
            misfits = []
            for name, part in zip(pending, parts, strict=True):
                ok, value = _answer_for(_spec(specs, name), lex.get(name), part, as_of)
                if ok:
                    batch.append(FactReading(fact=name, value=value,  # type: ignore[arg-type]
                                             words=part.strip()))
                else:
                    misfits.append(f"{part.strip()} (as the answer to: "
                                   f"{_spec(specs, name).label})")
            if batch:
                readings += batch
                answered |= {r.fact for r in batch}
                result.unread += misfits
        all_match = re.match(r"^\s*(no|none|negative|nope)\b[\s,]*(to all|to both|to everything|"
                             r"for all|for both|all|both)?[\s.!]*$", lower)
        if not answered and all_match and (all_match.group(2) or len(parts) == 1):
            if all_match.group(2):
                for name in pending:
                    if _spec(specs, name).type in ("boolean", "date", "set"):
                        value = {"boolean": False, "date": "never", "set": []}[
                            _spec(specs, name).type]
                        readings.append(FactReading(fact=name, value=value,  # type: ignore
                                                    words=text.strip()))
                        answered.add(name)
        if not answered and re.match(r"^\s*(yes|yep|yeah)\b[\s,]*(to all|to both|"
                                     r"to everything|for all|for both|all|both)\b", lower):
            for name in pending:
                if _spec(specs, name).type == "boolean":
                    readings.append(FactReading(fact=name, value=True, words=text.strip()))
                    answered.add(name)
        if not answered and re.match(r"^\s*(not sure|unsure|don'?t know|unknown|idk)\b[\s,]*"
                                     r"(to all|to both|about all|about both|all|both|"
                                     r"about any of (?:it|them|these))\b", lower):
            for name in pending:
                readings.append(FactReading(fact=name, value=None, words=text.strip()))
                answered.add(name)

    for reading in list(readings):
        problem = _check(reading, _spec(specs, reading.fact), as_of)
        if problem is not None:
            readings.remove(reading)
            result.unread.append(f"{reading.words} ({problem})")

    # Facts stated in free text, nearest quantity first.
    candidates: list[_Candidate] = []
    segments = _segments(lower)
    for seg in segments:
        blocked = _blocked(lex, specs, seg.text)
        for name, spec in specs.items():
            if name in answered or name not in lex:
                continue
            candidates += _read_fact(name, spec, lex[name], seg, text, as_of,
                                     blocked.get(name, []))
    candidates += [c for c in _pain_change(text, lower, specs) if c.reading.fact not in answered]
    taken: set[str] = set(answered)
    used: list[tuple[int, int]] = []
    sets: dict[str, list[_Candidate]] = {}
    unread_cands: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.distance, c.pos)):
        reading = c.reading
        if c.unread is not None:
            unread_cands.append(c)
            continue
        if reading.fact in taken:
            continue
        spec = specs[reading.fact]
        if spec.type == "set":
            sets.setdefault(reading.fact, []).append(c)
            continue
        if c.quantity is not None and any(a < c.quantity[1] and c.quantity[0] < b
                                          for a, b in used):
            continue  # one number, one fact
        problem = _check(reading, spec, as_of)
        if problem is not None:
            result.unread.append(f"{reading.words} ({problem})")
            taken.add(reading.fact)
            continue
        taken.add(reading.fact)
        if c.quantity is not None:
            used.append(c.quantity)
        if c.notice:
            result.notices.append(c.notice)
        readings.append(reading)
    for name, group in sets.items():
        values = [c.reading.value for c in group]
        positives = sorted({v for value in values if isinstance(value, list) for v in value})
        unsure = any(v is None for v in values)
        starts = [c.pos for c in group]
        ends = [text.lower().find(c.reading.words.lower(), c.pos) + len(c.reading.words)
                for c in group]
        words = text[min(starts):max(ends)].strip()
        if unsure and not positives:
            value: object = None
        else:
            value = positives
        reading = FactReading(fact=name, value=value, words=words)  # type: ignore[arg-type]
        if _check(reading, specs[name], as_of) is None:
            readings.append(reading)
            taken.add(name)
    seen_unread: set[str] = set()
    for c in unread_cands:
        if c.reading.fact in taken or c.unread in seen_unread:
            continue
        seen_unread.add(c.unread or "")
        result.unread.append(c.unread or c.reading.words)

    # A bare correction ("Correction: 14 weeks") updates the last fact of that kind.
    if re.search(r"\b(correction|correct that|actually|sorry|i meant|typo|update|"
                 r"should be|should have said|make that|change that)\b", lower) and last_facts:
        stated = {r.fact for r in readings}
        for q in _quantities(lower):
            if any(a < q.end and q.start < b for a, b in used):
                continue
            for name in reversed(last_facts):
                spec = specs.get(name)
                if spec is None or name in stated or spec.type != "number":
                    continue
                raw = _compatible(spec, q, lex.get(name))
                if raw is None:
                    continue
                reading = FactReading(fact=name, value=raw, words=text[q.start:q.end].strip())
                if _check(reading, spec, as_of) is None:
                    readings.append(reading)
                    stated.add(name)
                    used.append((q.start, q.end))
                break
        if not any(r.fact in stated for r in readings) and not readings:
            for found, (a, b) in _dates_in(lower, as_of):
                for name in reversed(last_facts):
                    spec = specs.get(name)
                    if spec is not None and spec.type == "date" and found is not None:
                        reading = FactReading(fact=name, value=found.isoformat(),
                                              words=text[a:b].strip())
                        if _check(reading, spec, as_of) is None:
                            readings.append(reading)
                        break
                break
    result.facts = readings

    # What looked like case details but was not read: a segment with a number that
    # no reading came from (ages and CPT codes aside).
    read = [r.words.lower() for r in result.facts]
    for seg in segments:
        chunk = seg.text.strip()
        if not re.search(r"\d", chunk) or (_ASKS_VERDICT.search(chunk) and not
                                           re.search(r"\d", _mask_dates(chunk))):
            continue
        if any(w and (w in chunk or chunk in w) for w in read):
            continue
        if any(u.lower().startswith(chunk[:20]) or chunk in u.lower() for u in result.unread):
            continue
        detail = _mask_dates(chunk)
        if re.search(r"\d", detail) or _dates_in(chunk, as_of):
            words = text[seg.start: seg.start + len(seg.text)].strip()
            if words not in result.unread:
                result.unread.append(words)
    if pending and not result.facts and not result.unread and not (
            result.start_over or result.override or result.cpt or result.unknown_code):
        if len(text.split()) <= 6 and not text.strip().endswith("?"):
            result.unread.append(text.strip())

    result.asks_verdict = bool(_ASKS_VERDICT.search(lower))
    is_question = text.strip().endswith("?") or bool(re.match(
        r"^\s*(what|which|how|when|where|is|are|does|do|can|list|tell me|explain|show|why)\b",
        lower))
    about_case = result.asks_verdict and re.search(
        r"\b(this|the|my|a|our) (case|patient)\b", lower)
    # "What does the policy say about pregnancy?" mentions a fact but states none: a
    # question with no value in it (no number but the code, no yes/no answer) asks
    # about the policy, so its mentions are not read as facts.
    values_stated = bool(re.search(r"\d", re.sub(r"(?<![\d.])\d{5}(?![\d])", "", lower)))
    if is_question and _POLICY_WORDS.search(lower) and not about_case and (
            not result.facts or (not values_stated and not pending)):
        result.policy_question = text.strip()
        result.asks_verdict = False
        result.facts = []
        result.unread = []
    return result

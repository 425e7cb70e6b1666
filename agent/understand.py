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
from policies.facts import parse_date
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
    """Set facts: words that must accompany a positive mention (e.g. "severe")."""


@cache
def lexicon() -> dict[str, Lexeme]:
    raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))["facts"]
    out = {}
    for name, entry in raw.items():
        entry = entry or {}
        out[name] = Lexeme(
            fact=name,
            phrases=tuple(p.lower() for p in entry.get("phrases", [])),
            choices={k: tuple(p.lower() for p in v)
                     for k, v in (entry.get("choices") or {}).items()},
            negated=entry.get("negated"),
            none=tuple(p.lower() for p in entry.get("none", [])),
            polarity=bool(entry.get("polarity", True)),
            qualifier=tuple(p.lower() for p in entry.get("qualifier", [])),
        )
    return out


@cache
def all_fact_specs() -> dict[str, FactSpec]:
    specs: dict[str, FactSpec] = {}
    for cpt in supported_cpts():
        specs.update(load_policy(cpt).facts)
    return specs


# ------------------------------------------------------------------- readers

_NUM = r"\d+(?:[.,]\d+)?"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "once": 1,
                 "twice": 2, "a": 1, "an": 1, "single": 1}
_DURATION = (r"(?<![\w.])(?:(?P<num>\d+(?:\.\d+)?)(?:\s*(?:-|to|–)\s*(?P<hi>\d+(?:\.\d+)?))?"
             r"\s*-?\s*(?P<unit>weeks?|wks?|w|months?|mos?|days?|d|years?|yrs?|y)"
             r"|(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
             r"\s+(?P<wunit>weeks?|months?|days?|years?))\b")
_QUANTITY = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?P<hi>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>/\s*10|%|°\s*[fc]|degrees?\s*[fc]?|[fc]\b|k\b|weeks?\b|wks?\b|w\b|months?\b"
    r"|mos?\b|days?\b|d\b|years?\b|yrs?\b|y\b|x\s*/\s*w(?:ee)?k\b|x\s*(?:per|a)\s*week\b"
    r"|times\s*(?:per|a)\s*week\b|sessions?\s*(?:per|a|/)\s*week\b|x?\s*weekly\b"
    r"|courses?\b|sets?\b|cells\b|points?\b)?", re.I)
_X_COUNT = re.compile(r"\bx\s*(?P<num>\d+)\b", re.I)
_WORD_COUNT = re.compile(r"\b(?P<word>one|two|three|four|five|six|once|twice|a single)\b"
                         r"(?:\s+(?:failed\s+)?(?P<unit>courses?|sets?|sessions?|times))?",
                         re.I)
_DURATION_RE = re.compile(_DURATION, re.I)
_RELATIVE = re.compile(r"(?P<num>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                       r"|twelve|a|an)\s*(?P<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)"
                       r"\s+ago\b", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DATE_ISO = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
_DATE_US = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_DATE_NAMED = re.compile(r"\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_DATE_WORDS = re.compile(r"\b(?P<w>today|yesterday|last week|last month|this week)\b", re.I)

NEGATIONS = re.compile(
    r"\b(no|not|denies|denied|deny|without|negative(?: for)?|free (?:of|from)|ruled out|"
    r"r/o|absent|never|none|non|doesn't|does not|did not|didn't|hasn't|has not|haven't|"
    r"isn't|is not|wasn't|n't)\b|\bw/o\b", re.I)
_POST_NEGATION = re.compile(r"^\s*(?::|-|=)?\s*(no|none|negative|neg|absent|ruled out|"
                            r"not present|denied|nil)\b", re.I)
_POST_POSITIVE = re.compile(r"^\s*(?::|-|=)?\s*(yes|present|positive|pos|confirmed|y)\b",
                            re.I)
_UNSURE = re.compile(r"\b(not sure|unsure|unknown|don'?t know|do not know|unclear|uncertain|"
                     r"no idea|idk|can'?t tell|not documented whether|possible|possibly|maybe|"
                     r"\?\?)\b", re.I)

YES = re.compile(r"^\s*(yes|yep|yeah|yup|y|correct|affirmative|positive|true|she does|he does|"
                 r"they do|it does|she is|he is|there is|there are|confirmed|on file|"
                 r"documented)\b[\s.!]*$", re.I)
NO = re.compile(r"^\s*(no|nope|nah|n|negative|false|none|denies|she doesn'?t|he doesn'?t|"
                r"she does not|he does not|there isn'?t|not on file|not documented|never)\b"
                r"[\s.!]*$", re.I)
UNSURE_ANSWER = re.compile(r"^\s*(not sure|unsure|unknown|don'?t know|do not know|idk|"
                           r"no idea|unclear|can'?t say|not known|\?+)\b[\s.!?]*$", re.I)

_SEGMENT_SPLIT = re.compile(r"(?<!\d)[.;!?\n]+(?!\d)|\?|,|\bbut\b|\bhowever\b|\bwhile\b",
                            re.I)


def _num(text: str) -> float:
    text = text.lower()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    return float(text.replace(",", ""))


@dataclass
class _Segment:
    start: int
    text: str  # lower-case


def _segments(lower: str) -> list[_Segment]:
    out, pos = [], 0
    for match in _SEGMENT_SPLIT.finditer(lower):
        if match.start() > pos:
            out.append(_Segment(pos, lower[pos:match.start()]))
        pos = match.end()
    if pos < len(lower):
        out.append(_Segment(pos, lower[pos:]))
    return [s for s in out if s.text.strip()]


def _phrase_hits(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = r"(?<![\w])" + re.escape(phrase) + r"(?![\w])"
        for match in re.finditer(pattern, text):
            if not any(a <= match.start() < b for a, b in hits):
                hits.append((match.start(), match.end()))
    return sorted(hits)


def _negated(segment: str, start: int, end: int) -> bool | None:
    """True if the phrase at [start, end) is negated in its segment; None if unsure."""
    before = segment[:start]
    after = segment[end:end + 30]
    if _UNSURE.search(before[-30:]) or re.match(r"^\s*(\?\?|:\s*\?|not sure|unknown|unclear)",
                                                 after):
        return None
    if _POST_NEGATION.match(after):
        return True
    if _POST_POSITIVE.match(after):
        return False
    cue = None
    for cue in NEGATIONS.finditer(before):
        pass
    if cue is None:
        return False
    # "denies fever, reports infection": a negation cue governs only up to a
    # positive reporting verb.
    between = before[cue.end():]
    return not re.search(r"\b(reports?|has|with|positive for|but|endorses)\b", between)


def _date_in(text: str, as_of: date) -> tuple[date | None, tuple[int, int] | None]:
    for regex in (_DATE_ISO, _DATE_US):
        match = regex.search(text)
        if match:
            return parse_date(match.group(0)), match.span()
    match = _DATE_NAMED.search(text)
    if match:
        try:
            value = date(int(match.group("year")), _MONTHS[match.group("mon").lower()[:3]],
                         int(match.group("day")))
            return value, match.span()
        except ValueError:
            return None, match.span()
    match = _RELATIVE.search(text)
    if match:
        n, unit = int(_num(match.group("num"))), match.group("unit").lower()
        if unit.startswith(("mo",)):
            return months_before(as_of, n), match.span()
        if unit.startswith(("y",)):
            return months_before(as_of, 12 * n), match.span()
        days = n * (7 if unit.startswith("w") else 1)
        return as_of - timedelta(days=days), match.span()
    match = _DATE_WORDS.search(text)
    if match:
        word = match.group("w").lower()
        delta = {"today": 0, "yesterday": 1, "this week": 0, "last week": 7,
                 "last month": 30}[word]
        return as_of - timedelta(days=delta), match.span()
    return None, None


@dataclass
class _Quantity:
    start: int
    end: int
    value: float
    hi: float | None
    unit: str  # normalised: duration unit word, "/10", "%", "F", "C", "k", "rate", "" ...
    text: str


def _quantities(segment: str) -> list[_Quantity]:
    out: list[_Quantity] = []
    for match in _DURATION_RE.finditer(segment):
        unit = (match.group("unit") or match.group("wunit")).lower()
        unit = ("weeks" if unit.startswith("w") else "months" if unit.startswith("mo") else
                "days" if unit.startswith("d") else "years")
        hi = match.group("hi")
        out.append(_Quantity(match.start(), match.end(),
                             _num(match.group("num") or match.group("word")),
                             float(hi) if hi else None, unit, match.group(0)))
    for match in _QUANTITY.finditer(segment):
        if any(q.start <= match.start() < q.end for q in out):
            continue
        raw_unit = (match.group("unit") or "").lower().replace(" ", "")
        if raw_unit and raw_unit[0] in "wmdy" and "week" not in raw_unit[1:] and \
                not raw_unit.startswith("weekly"):
            continue  # a duration the first pass already read
        unit = ("/10" if raw_unit.startswith("/10") else "%" if raw_unit == "%" else
                "F" if raw_unit.endswith("f") and ("°" in raw_unit or "deg" in raw_unit or
                                                   raw_unit == "f") else
                "C" if raw_unit.endswith("c") and ("°" in raw_unit or "deg" in raw_unit or
                                                   raw_unit == "c") else
                "k" if raw_unit == "k" else
                "rate" if "week" in raw_unit else
                raw_unit.rstrip("s") if raw_unit else "")
        hi = match.group("hi")
        out.append(_Quantity(match.start(), match.end(), _num(match.group("num")),
                             float(hi) if hi else None, unit, match.group(0).strip()))
    for match in _X_COUNT.finditer(segment):
        if not any(q.start <= match.start() < q.end for q in out):
            out.append(_Quantity(match.start(), match.end(), float(match.group("num")), None,
                                 "x", match.group(0)))
    for match in _WORD_COUNT.finditer(segment):
        if not any(q.start <= match.start() < q.end for q in out):
            word = match.group("word").lower().replace("a single", "single")
            unit = (match.group("unit") or "").lower().rstrip("s")
            out.append(_Quantity(match.start(), match.end(), float(_WORD_NUMBERS[word]), None,
                                 unit or "word", match.group(0)))
    return sorted(out, key=lambda q: q.start)


def _compatible(spec: FactSpec, q: _Quantity) -> str | None:
    """The raw value to give :func:`parse_value` for ``q``, or None if it cannot be this fact."""
    value = q.value
    unit = spec.unit or ""
    if unit in ("weeks", "days", "months", "years"):
        return f"{value:g} {q.unit}" if q.unit in ("weeks", "days", "months", "years") else None
    if unit == "points":
        if q.unit in ("/10", "", "point") and 0 <= value <= 10:
            return f"{value:g}"
        return None
    if unit == "%":
        return f"{value:g}" if q.unit in ("%", "") else None
    if unit == "C":
        if q.unit in ("F", "C"):
            return f"{value:g} {q.unit}"
        if q.unit == "":
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


def _read_fact(name: str, spec: FactSpec, lex: Lexeme, seg: _Segment, text: str,
               as_of: date, used: list[tuple[int, int]]) -> list[tuple[float, FactReading]]:
    """Candidate readings of one fact in one segment, each with a distance (lower = better)."""
    out: list[tuple[float, FactReading]] = []
    s = seg.text
    words_of = lambda a, b: text[seg.start + a: seg.start + b].strip()  # noqa: E731
    if spec.type in ("choice", "set"):
        if spec.type == "set":
            for a, b in _phrase_hits(s, lex.none):
                out.append((0, FactReading(fact=name, value=[], words=words_of(a, b))))
        positives: list[str] = []
        negatives: list[str] = []
        spans: list[tuple[int, int]] = []
        for key, phrases in lex.choices.items():
            for a, b in _phrase_hits(s, phrases):
                neg = _negated(s, a, b)
                spans.append((a, b))
                if neg is None:
                    out.append((0, FactReading(fact=name, value=None, words=words_of(a, b))))
                elif neg:
                    negatives.append(key)
                else:
                    positives.append(key)
        if not spans:
            return out
        a, b = min(x[0] for x in spans), max(x[1] for x in spans)
        if spec.type == "choice":
            if positives:
                out.append((0, FactReading(fact=name, value=positives[0], words=words_of(a, b))))
            elif negatives and lex.negated:
                out.append((0, FactReading(fact=name, value=lex.negated, words=words_of(a, b))))
        else:
            qualified = not lex.qualifier or any(q in s for q in lex.qualifier)
            if positives and qualified and not re.search(r"\b(not severe|mild|controlled)\b", s):
                out.append((0, FactReading(fact=name, value=sorted(set(positives)),
                                           words=words_of(a, b))))
            elif positives:
                out.append((99, FactReading(fact="__unread__", value=None, words=words_of(a, b))))
            elif negatives:
                out.append((0, FactReading(fact=name, value=[], words=words_of(a, b))))
        return out
    for a, b in _phrase_hits(s, lex.phrases):
        if spec.type == "boolean":
            neg = _negated(s, a, b)
            value = None if neg is None else (lex.polarity != neg)
            out.append((0, FactReading(fact=name, value=value, words=words_of(a, b))))
        elif spec.type == "date":
            window = s[max(0, a - 40): b + 50]
            found, span = _date_in(window, as_of)
            if found is not None and span is not None:
                lo = max(0, a - 40) + span[0]
                hi = max(0, a - 40) + span[1]
                out.append((abs(lo - b) if lo >= b else abs(a - hi),
                            FactReading(fact=name, value=found.isoformat(),
                                        words=words_of(min(a, lo), max(b, hi)))))
            elif _negated(s, a, b) is True:
                out.append((0, FactReading(fact=name, value="never", words=words_of(a, b))))
            elif _negated(s, a, b) is None:
                out.append((0, FactReading(fact=name, value=None, words=words_of(a, b))))
        elif spec.type == "number":
            for q in _quantities(s):
                if any(u[0] <= seg.start + q.start < u[1] for u in used):
                    continue
                raw = _compatible(spec, q)
                if raw is None:
                    continue
                distance = q.start - b if q.start >= b else (a - q.end) + 5
                if distance > 40:
                    continue
                reading = FactReading(fact=name, value=raw,
                                      words=words_of(min(a, q.start), max(b, q.end)))
                if q.hi is not None:
                    reading = reading.model_copy(update={"value": raw})
                out.append((distance, reading))
            if _negated(s, a, b) is True and re.search(
                    r"\b(no|never|without|not had|hasn't had|none)\b", s[max(0, a - 20):a]):
                out.append((30, FactReading(fact=name, value="0", words=words_of(a, b))))
    return out


def _procedure(lower: str, current: str | None) -> tuple[str | None, str | None]:
    """(supported cpt, unsupported code) named in the message."""
    for match in re.finditer(r"(?<![\d.])(\d{5})(?![\d])", lower):
        code = match.group(1)
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
        return False, None
    if spec.type == "number":
        qs = [q for q in _quantities(t)]
        for q in qs:
            raw = _compatible(spec, q)
            if raw is None and q.unit in ("", "word", "x"):
                raw = f"{q.value:g}"
            if raw is not None:
                return True, raw
        if NO.match(t) or re.match(r"^(none|zero)\b", t):
            return True, "0"
        return False, None
    if spec.type == "date":
        found, _ = _date_in(t, as_of)
        if found is not None:
            return True, found.isoformat()
        if NO.match(t) or re.search(r"\b(never|not done|none)\b", t):
            return True, "never"
        return False, None
    if spec.type == "choice":
        for key, label in (spec.choices or {}).items():
            if t in (key.lower().replace("_", " "), label.lower()):
                return True, key
        if lex is not None:
            for key, phrases in lex.choices.items():
                if _phrase_hits(t, phrases):
                    neg = _negated(t, *_phrase_hits(t, phrases)[0])
                    if neg and lex.negated:
                        return True, lex.negated
                    if neg is False:
                        return True, key
            if lex.negated and NO.match(t):
                return True, lex.negated
            yes_key = next(iter(lex.choices), None)
            if yes_key and YES.match(t) and lex.negated:
                return True, yes_key
        return False, None
    if NO.match(t) or re.match(r"^(none|no comorbidities|nothing)\b", t):
        return True, []
    # A list answer: every choice named by its label, key or lexicon words.
    found = []
    for key, label in (spec.choices or {}).items():
        words = (label.lower(), key.lower().replace("_", " "),
                 *(lex.choices.get(key, ()) if lex else ()))
        if _phrase_hits(t, tuple(words)):
            found.append(key)
    if found:
        return True, found
    return False, None


def understand(text: str, *, cpt: str | None, pending: list[str], as_of: date,
               last_facts: list[str] | None = None) -> Understanding:
    """Read one message. ``pending``: facts just asked about, in the order asked."""
    result = Understanding()
    lower = text.lower() if len(text.lower()) == len(text) else text
    if not text.strip():
        return result
    result.start_over = bool(_START_OVER.search(lower))
    result.override = bool(_OVERRIDE.search(lower))
    result.cpt, result.unknown_code = _procedure(lower, cpt)
    active = result.cpt or cpt
    specs = load_policy(active).facts if active else all_fact_specs()
    if result.cpt:
        # "what about a chest CT?" names the procedure, not a CT the patient had.
        for alias in load_policy(result.cpt).criteria.policy.aliases:
            for a, b in _phrase_hits(lower, (alias.lower(),)):
                lower = lower[:a] + " " * (b - a) + lower[b:]
    lex = lexicon()

    # Direct answers to the questions just asked: "yes", "no, no, 14 weeks".
    answered: set[str] = set()
    if pending:
        # Answers to several questions: "no; none; 14 weeks" or "no, no, 14 weeks".
        # Semicolons or lines win, so a list answer can keep its commas.
        splitter = r"[;\n]" if re.search(r"[;\n]", text.strip()) else r",|\band\b"
        parts = [p for p in re.split(splitter, text) if p.strip()]
        whole_ok = len(pending) == 1
        if whole_ok:
            ok, value = _answer_for(specs.get(pending[0]) or all_fact_specs()[pending[0]],
                                    lex.get(pending[0]), text, as_of)
            if ok:
                result.facts.append(FactReading(fact=pending[0], value=value,  # type: ignore
                                                words=text.strip()))
                answered.add(pending[0])
        elif len(parts) == len(pending):
            readings = []
            for name, part in zip(pending, parts, strict=True):
                spec = specs.get(name) or all_fact_specs()[name]
                ok, value = _answer_for(spec, lex.get(name), part, as_of)
                if not ok:
                    readings = []
                    break
                readings.append(FactReading(fact=name, value=value,  # type: ignore[arg-type]
                                            words=part.strip()))
            result.facts += readings
            answered |= {r.fact for r in readings}
        elif re.match(r"^\s*(no|none|negative)( to all| to both| to everything| for all)?"
                      r"[\s.!]*$", lower) and all(
                (specs.get(p) or all_fact_specs()[p]).type == "boolean" for p in pending):
            if re.search(r"\b(all|both|everything)\b", lower):
                for name in pending:
                    result.facts.append(FactReading(fact=name, value=False, words=text.strip()))
                    answered.add(name)
        if re.match(r"^\s*(yes|yep)\s+(to all|to both|to everything|for all)\b", lower):
            for name in pending:
                if (specs.get(name) or all_fact_specs()[name]).type == "boolean":
                    result.facts.append(FactReading(fact=name, value=True, words=text.strip()))
                    answered.add(name)

    # Facts stated in free text, nearest quantity first.
    candidates: list[tuple[float, int, FactReading]] = []
    segments = _segments(lower)
    for seg in segments:
        for name, spec in specs.items():
            if name in answered or name not in lex:
                continue
            for distance, reading in _read_fact(name, spec, lex[name], seg, text, as_of, []):
                candidates.append((distance, seg.start, reading))
    taken: set[str] = set(answered)
    used_words: list[str] = []
    for _distance, _pos, reading in sorted(candidates, key=lambda c: (c[0], c[1])):
        if reading.fact == "__unread__":
            result.unread.append(f"{reading.words} (is it a severe comorbidity?)")
            continue
        if reading.fact in taken:
            continue
        spec = specs[reading.fact]
        if spec.type == "number" and reading.words in used_words:
            continue  # one quantity, one fact
        taken.add(reading.fact)
        used_words.append(reading.words)
        result.facts.append(reading)

    # A bare correction ("Correction: 14 weeks") updates the last fact of that kind.
    if re.search(r"\b(correction|actually|sorry|i meant|typo|update)\b", lower) and last_facts:
        stated = {r.fact for r in result.facts}
        for q in _quantities(lower):
            for name in reversed(last_facts):
                spec = specs.get(name)
                if spec is None or name in stated or spec.type != "number":
                    continue
                raw = _compatible(spec, q)
                if raw is not None and q.text not in " ".join(used_words):
                    result.facts.append(FactReading(fact=name, value=raw, words=q.text))
                    stated.add(name)
                    break

    # What looked like case details but was not read: a segment with a number that
    # no reading came from (ages and CPT codes aside).
    read = [r.words.lower() for r in result.facts]
    for seg in segments:
        chunk = seg.text.strip()
        if not re.search(r"\d", chunk) or _ASKS_VERDICT.search(chunk):
            continue
        if any(w and (w in chunk or chunk in w) for w in read):
            continue
        detail = re.sub(r"(?<![\d.])\d{5}(?![\d])|\b\d{1,3}\s*-?\s*(?:y/?o|yo|year[- ]?old|"
                        r"years? old|[mf])\b", "", chunk)
        if re.search(r"\d", detail):
            result.unread.append(text[seg.start: seg.start + len(seg.text)].strip())
    if pending and not result.facts and not result.unread and not (
            result.start_over or result.override or result.cpt or result.unknown_code):
        if len(text.split()) <= 6 and not text.strip().endswith("?"):
            result.unread.append(text.strip())

    result.asks_verdict = bool(_ASKS_VERDICT.search(lower))
    is_question = text.strip().endswith("?") or bool(re.match(
        r"^\s*(what|which|how|when|where|is|are|does|do|can|list|tell me|explain|show)\b", lower))
    if is_question and _POLICY_WORDS.search(lower) and not result.facts and not (
            result.asks_verdict and re.search(r"\b(this|the|my|a) (case|patient)\b", lower)):
        result.policy_question = text.strip()
        result.asks_verdict = False
    return result

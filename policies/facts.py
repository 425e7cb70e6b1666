"""Turn what a user or a facts file says into typed fact values, or a clear error.

Values after normalisation: ``bool``, ``float`` (in the fact's canonical unit),
``datetime.date``, ``str`` (a choice key), ``frozenset[str]`` (set of choice keys),
or ``None`` — the user was asked and does not know. A fact nobody has stated is
simply absent from the mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime

from policies.errors import FactError
from policies.model import FactSpec

Value = bool | float | date | str | frozenset[str] | None

DAYS_PER = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25}
_UNIT_WORDS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "mos": "months", "month": "months", "months": "months",
    "y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
    "c": "C", "°c": "C", "celsius": "C", "f": "F", "°f": "F", "fahrenheit": "F",
}
NEVER = "never"
"""A date fact's value when the test or visit never happened: fails every recency test."""
NEVER_WORDS = frozenset({"never", "none", "not done", "no", "never done"})
UNKNOWN_WORDS = frozenset({"unknown", "not sure", "unsure", "don't know", "dont know", "?"})
_NUMBER_WITH_UNIT = re.compile(
    r"^\s*(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?:(?P<unit>[°a-zA-Z/%][\w°/%]*)|/\s*10)?\s*$")


EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
"""Accepted range of an as-of date: wide enough for any real case, narrow enough that
date arithmetic (6 months before, 90 days after) never leaves the calendar."""
AS_OF_ACCEPTED = f"a date YYYY-MM-DD (or MM/DD/YYYY) from {EARLIEST} to {LATEST}"


def parse_as_of(text: str) -> date:
    """An as-of date in :data:`EARLIEST`..:data:`LATEST`; :class:`FactError` otherwise
    (the message starts with the quoted text, the caller prefixes where it came from)."""
    if not text.strip():
        raise FactError(f"empty; accepted: {AS_OF_ACCEPTED}")
    parsed = parse_date(text)
    if parsed is None:
        raise FactError(f"{shown(text)} is not a date; accepted: {AS_OF_ACCEPTED}")
    if not EARLIEST <= parsed <= LATEST:
        raise FactError(f"{shown(text)} is out of range; accepted: {AS_OF_ACCEPTED}")
    return parsed


def shown(raw: object, limit: int = 60) -> str:
    """``repr`` cut to ``limit`` characters: a message quotes input, it never floods."""
    text = repr(raw)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def unit_word(unit: str | None, value: float) -> str:
    """``courses`` → ``course`` for exactly one; other units unchanged."""
    if unit and value == 1 and unit in ("courses", "sets", "weeks", "days", "months", "years",
                                        "points", "sessions"):
        return unit[:-1]
    return unit or ""


def convert(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to``; None if the units do not convert."""
    if unit == to:
        return value
    if unit in DAYS_PER and to in DAYS_PER:
        return value * DAYS_PER[unit] / DAYS_PER[to]
    if (unit, to) == ("F", "C"):
        return (value - 32) * 5 / 9
    if (unit, to) == ("C", "F"):
        return value * 9 / 5 + 32
    return None


def _accepted_number(spec: FactSpec) -> str:
    extra = ""
    if spec.unit in DAYS_PER:
        extra = " (days, weeks, months or years convert)"
    elif spec.unit in ("C", "F"):
        extra = " (°C or °F)"
    return f"a number from {_fmt(spec.min)} to {_fmt(spec.max)} {spec.unit}{extra}"


def _number(name: str, spec: FactSpec, raw: object) -> float:
    unit: str | None = None
    if isinstance(raw, Mapping) and "value" in raw:
        unit = str(raw.get("unit")) if raw.get("unit") is not None else None
        raw = raw["value"]
    if isinstance(raw, bool):
        raise FactError(f"{name}: {shown(raw)} is not a number; accepted: {_accepted_number(spec)}")
    if isinstance(raw, int | float):
        try:
            number = float(raw)
        except OverflowError:  # a 400-digit integer
            raise FactError(f"{name}: {shown(raw, 24)} is out of range; accepted: "
                            f"{_accepted_number(spec)}") from None
    elif isinstance(raw, str) and (match := _NUMBER_WITH_UNIT.match(raw)):
        number = float(match.group("num"))
        unit = unit or match.group("unit")
    else:
        raise FactError(f"{name}: {shown(raw)} is not a number; accepted: {_accepted_number(spec)}")
    if unit is not None:
        canonical = _UNIT_WORDS.get(unit.strip().lower(), unit.strip())
        if canonical.lower() in (spec.unit.lower(), "/10") or (
            spec.unit == "points" and canonical == "/10"
        ):
            canonical = spec.unit
        converted = convert(number, canonical, spec.unit)
        if converted is None:
            raise FactError(f"{name}: unit {unit!r} is not accepted; give {_accepted_number(spec)}")
        number = converted
    number = round(number, 4)
    if not spec.min <= number <= spec.max:
        size = _fmt(number) if abs(number) < 1e12 else shown(raw, 24)
        raise FactError(f"{name}: {size} {spec.unit} is out of range; "
                        f"accepted: {_accepted_number(spec)}")
    return number


def parse_date(text: str) -> date | None:
    """ISO ``YYYY-MM-DD`` or US ``MM/DD/YYYY``; None if neither."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _date(name: str, raw: object, as_of: date) -> date | str:
    if isinstance(raw, str) and raw.strip().lower() in NEVER_WORDS:
        return NEVER
    if isinstance(raw, datetime):
        value = raw.date()
    elif isinstance(raw, date):
        value = raw
    elif isinstance(raw, str) and (parsed := parse_date(raw)) is not None:
        value = parsed
    else:
        raise FactError(f"{name}: {shown(raw)} is not a date; accepted: YYYY-MM-DD, MM/DD/YYYY "
                        "or never")
    if value > as_of:
        raise FactError(f"{name}: {value.isoformat()} is after the as-of date "
                        f"{as_of.isoformat()}; accepted: a date on or before it")
    return value


def _choice_key(name: str, spec: FactSpec, raw: object) -> str:
    choices = spec.choices or {}
    text = str(raw).strip().lower().replace(" ", "_")
    for key, label in choices.items():
        if text in (key.lower(), label.lower().replace(" ", "_")):
            return key
    raise FactError(f"{name}: {shown(raw)} is not one of the accepted values: {', '.join(choices)}")


def _boolean(name: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("yes", "y", "true"):
        return True
    if isinstance(raw, str) and raw.strip().lower() in ("no", "n", "false"):
        return False
    raise FactError(f"{name}: {shown(raw)} is not accepted; accepted: true/false (or yes/no)")


def parse_value(name: str, spec: FactSpec, raw: object, as_of: date) -> Value:
    """One fact's value, normalised; :class:`FactError` says what is accepted."""
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in UNKNOWN_WORDS):
        return None
    if spec.type == "boolean":
        return _boolean(name, raw)
    if spec.type == "number":
        return _number(name, spec, raw)
    if spec.type == "date":
        return _date(name, raw, as_of)
    if spec.type == "choice":
        return _choice_key(name, spec, raw)
    items: list[object]
    if isinstance(raw, str):
        items = [] if raw.strip().lower() in ("none", "") else raw.split(",")
    elif isinstance(raw, list | tuple | set | frozenset):
        items = list(raw)
    else:
        raise FactError(f"{name}: {shown(raw)} is not accepted; accepted: a list of "
                        f"{', '.join(spec.choices or {})}, or none")
    keys = [str(i) for i in items if str(i).strip().lower() != "none"]
    return frozenset(_choice_key(name, spec, k) for k in keys)


def normalize(facts: Mapping[str, object], specs: Mapping[str, FactSpec], as_of: date,
              *, ignore_unknown: bool = False, context: str = "") -> dict[str, Value]:
    """Validate every fact; unknown names fail unless ``ignore_unknown``."""
    out: dict[str, Value] = {}
    for name, raw in facts.items():
        spec = specs.get(name)
        if spec is None:
            if ignore_unknown:
                continue
            import difflib

            near = difflib.get_close_matches(name, list(specs), n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            raise FactError(f"unknown fact {shown(name)}{context}{hint} "
                            f"(accepted: {', '.join(sorted(specs))})")
        out[name] = parse_value(name, spec, raw, as_of)
    return out


def to_json(value: Value) -> object:
    """A JSON-plain form of a normalised value (sets sorted, dates ISO)."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(spec: FactSpec, value: object) -> Value:
    """Inverse of :func:`to_json` for already-validated values (no range checks)."""
    if value is None:
        return None
    if spec.type == "date" and isinstance(value, str):
        return NEVER if value == NEVER else date.fromisoformat(value)
    if spec.type == "set":
        return frozenset(value)  # type: ignore[arg-type]
    if spec.type == "number":
        return float(value)  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def describe(spec: FactSpec, value: Value, *, stated: bool = True) -> str:
    """How a value reads in a table: "4 weeks", "yes", "2026-08-20", "not stated"."""
    if not stated:
        return "not stated"
    if value is None:
        return "not sure"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        shown = round(value, 1)  # 3 months is 13.0446 weeks; a table shows 13 weeks
        if shown > value and shown.is_integer():
            shown = round(value, 2)  # but 11.99 weeks is not "12 weeks" next to "at least 12"
        return f"{_fmt(shown)} {unit_word(spec.unit, shown)}" if spec.unit else _fmt(shown)
    if isinstance(value, date):
        return value.isoformat()
    if spec.type == "date" and value == NEVER:
        return "never done"
    if isinstance(value, frozenset):
        labels = [(spec.choices or {}).get(v, v) for v in sorted(value)]
        return ", ".join(labels) if labels else "none"
    return (spec.choices or {}).get(value, value)

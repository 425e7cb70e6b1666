"""An onset given by its month with the writer's own count of how long since beside it.

"since 07/2026 (5 months)", "Symptom onset: 04/2025 (approx 19 months)", "(pain R leg since
02/2026, 40 weeks)", "since the March of this year (9 months)": a month is no day to count
from, but the length the writer counted from it is the symptoms' length. It is read only
where the month and the length agree (a length the month cannot give is asked).
"""

from __future__ import annotations

import re
from datetime import date

from agent.reading.values import MONTHS

_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

INJURY_NOUNS = (r"(?:injury|fall|accident|sprain|strain|collision|crash|fracture|trauma|mva|mvc|"
                r"slip|tear)")
"""An injury's names: the event a complaint's onset may be dated by (here, and before an
onset word or a day in ``facts``)."""

_MONTH_THEN_LENGTH = re.compile(
    r"\s*:?\s*(?:(?:in|of|on|about|around|early|mid|late|the)\s+)*"
    # an injury named before its month ("since a PT test injury 01/2026 (11 months)")
    r"(?:(?:an?\s+|her\s+|his\s+|their\s+)?(?:[a-z'-]+\s+){0,3}?" + INJURY_NOUNS +
    r"\s+(?:(?:in|on|of)\s+)?)?"
    r"(?:(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![/\d])"
    rf"|(?P<name>{_MONTH_NAME})\.?(?:,?\s+(?:of\s+)?(?P<y2>(?:19|20)\d\d)|"
    r"\s+(?:of\s+)?(?P<rel>this year|last year))?)\b"
    # the length right after it, in brackets or after a comma or a dash, the writer's own
    # estimate word allowed ("~5 months", "approx 19 months"), never a bound ("over", "3+")
    r"\s*(?:\(|,|[-–—]|=)\s*(?:(?:~|about|approx\.?|approximately|around|roughly|so)\s*)?"
    r"(?P<n>\d{1,3}(?:\.\d)?)\s*(?P<u>weeks?|wks?|months?|mos?|years?|yrs?)\b"
    r"(?![ \t]*(?:\+|or\b|to\b|-\s*\d|ago\b))\s*\)?")
"""After an onset word: a month (and its year), then its length ("07/2026 (5 months)")."""

_MONTHS_PER = {"w": 12 / 52.18, "m": 1.0, "y": 12.0}
_UNITS = {"w": "weeks", "m": "months", "y": "years"}


def _onset_month(found: re.Match[str], as_of: date) -> tuple[int, int] | None:
    """The (year, month) the onset names, a month with no year being the latest not after
    today's."""
    if found["m"]:
        return int(found["y"]), int(found["m"])
    month = MONTHS.index(found["name"][:3]) + 1
    if found["y2"]:
        return int(found["y2"]), month
    year = as_of.year - (1 if found["rel"] == "last year" else 0)
    if found["rel"] is None and month > as_of.month:
        year -= 1
    return year, month


def month_onset_length(after: str, as_of: date) -> tuple[str, int] | None:
    """The length the writer gives beside a month-only onset (``after`` is the lower-case
    text right after the onset word) and where it ends, if the month can give it: the
    months from the onset's month to today's, one either way (the day in it is not said)."""
    found = _MONTH_THEN_LENGTH.match(after)
    if found is None:
        return None
    onset = _onset_month(found, as_of)
    if onset is None:
        return None
    months = (as_of.year - onset[0]) * 12 + as_of.month - onset[1]
    unit = found["u"][0]
    stated = float(found["n"]) * _MONTHS_PER[unit]
    if months < 1 or abs(stated - months) > 1.5:
        return None  # "since 03/2026 (8 weeks of it at home)": not the length since then
    figure = found["n"][:-2] if found["n"].endswith(".0") else found["n"]
    return f"{figure} {_UNITS[unit]}", found.end()

"""Fact values as users and files write them: units, ranges, dates, choices."""

from __future__ import annotations

from datetime import date

import pytest

from policies.errors import FactError
from policies.facts import NEVER, parse_value
from policies.library import load_policy

AS_OF = date(2026, 11, 23)
FACTS = load_policy("64493").facts


@pytest.mark.parametrize(("fact", "raw", "expected"), [
    ("pt_weeks", 14, 14.0),
    ("pt_weeks", "14 weeks", 14.0),
    ("pt_weeks", "14 wks", 14.0),
    ("pt_weeks", "3 months", 13.0446),
    ("pt_weeks", {"value": 1, "unit": "years"}, 52.1786),
    ("pt_weeks", "21 days", 3.0),
    ("pain_nrs", "7/10", 7.0),
    ("pain_nrs", 4, 4.0),
    ("active_infection", "no", False),
    ("active_infection", True, True),
    ("pregnancy", "Not pregnant", "not_pregnant"),
    ("pregnancy", "not_applicable", "not_applicable"),
    ("severe_comorbidities", "none", frozenset()),
    ("severe_comorbidities", ["diabetes", "COPD"], frozenset({"diabetes", "copd"})),
    ("xray_date", "2026-08-20", date(2026, 8, 20)),
    ("xray_date", "08/20/2026", date(2026, 8, 20)),
    ("xray_date", date(2026, 8, 20), date(2026, 8, 20)),
    ("xray_date", "never", NEVER),
    ("pt_weeks", None, None),
    ("pt_weeks", "not sure", None),
])
def test_accepted_values_normalise(fact: str, raw: object, expected: object) -> None:
    assert parse_value(fact, FACTS[fact], raw, AS_OF) == expected


@pytest.mark.parametrize(("fact", "raw", "message"), [
    ("pain_nrs", 14, "pain_nrs: 14 points is out of range; accepted: a number from 0 to 10"),
    ("pt_weeks", "-3 weeks", "out of range"),
    ("pt_weeks", "lots", "is not a number; accepted: a number from 0 to 520 weeks"),
    ("pt_weeks", "3 kg", "unit 'kg' is not accepted"),
    ("pt_weeks", True, "is not a number"),
    ("xray_date", "2027-01-01", "is after the as-of date 2026-11-23"),
    ("xray_date", "2026-02-30", "is not a date; accepted: YYYY-MM-DD"),
    ("pregnancy", "maybe", "not one of the accepted values: pregnant, not_pregnant"),
    ("active_infection", "perhaps", "accepted: true/false"),
    ("severe_comorbidities", ["gout"], "not one of the accepted values"),
])
def test_bad_values_are_one_line_errors(fact: str, raw: object, message: str) -> None:
    with pytest.raises(FactError) as err:
        parse_value(fact, FACTS[fact], raw, AS_OF)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_temperature_converts_from_fahrenheit() -> None:
    from policies.model import FactSpec

    spec = FactSpec(type="number", unit="C", min=30, max=45, label="Temperature",
                    question="What is the patient's temperature?")
    assert parse_value("temperature", spec, "101.8 F", AS_OF) == pytest.approx(38.7778)
    assert parse_value("temperature", spec, "38.5 C", AS_OF) == 38.5

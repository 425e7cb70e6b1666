""""Improved" alone is not the policy's significant improvement (outside tester 18 F15:
"ODI improved by 2 points in 6 weeks." read significant improvement, 62311.coverage.5.2
met where the documented reading sends the case to review): asked unless the text says
significant or meaningful. Wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize("text", [
    "Oswestry improved by 3 points since October.",
    "ODI improved, 46 to 43.",
    "Functional status: improvement on ODI over the last 6 weeks.",
])
def test_an_improvement_not_called_significant_is_asked(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") != "improved"


@pytest.mark.parametrize("text", [
    "ODI improved significantly over 6 weeks.",
    "Clinically significant improvement on the Oswestry in the past 6 weeks.",
])
def test_a_significant_improvement_is_read(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "improved"

"""A figure said to be required is a rule, not the patient's value (outside tester 18 F2:
"(2) two sets of X-rays are often required - 1 set here" on a grand-rounds slide read 2
sets of X-rays, one answer away from a false meets_criteria). Wordings are the
coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "fact", "rule"), [
    ("Teaching point: two x-ray series are usually required before PT is approved.",
     "xray_sets", "2"),
    ("Remember 12 weeks of physical therapy is required for a facet injection.", "pt_weeks",
     "12 weeks"),
    ("6 weeks of symptoms are generally required; ours has had them 3 weeks.",
     "symptom_weeks", "6 weeks"),
])
def test_a_figure_said_to_be_required_is_no_value(text: str, fact: str, rule: str) -> None:
    cpt = "64493" if fact == "pt_weeks" else "97110"
    assert str(read(text, cpt).get(fact)) != rule


def test_a_figure_on_file_is_still_read() -> None:
    assert str(read("2 sets of x-rays on file (06/10 and 09/29).", "97110").get("xray_sets")) \
        in ("2", "2.0")

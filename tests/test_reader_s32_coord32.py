"""Session 32, coordinator: a British chart's "D Mon YY" dates (outside tester 31 F9: "X-rays
R knee were 18 Mar 26 and 3 Jun 26" read June 26 and 18 sets of X-rays, a false meets for
97110; "MRI 5 Oct 26" read October 26 and met 62311's 60 days). Wordings are this file's
own (a radiology list, a physio's letter, a ward handover)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Radiology: knee films 14 Feb 26 and 2 Jul 26, nothing since.", "97110", "xray_date",
     date(2026, 7, 2)),
    ("Lumbar MRI done 9 Oct 26 at the Royal.", "62311", "ct_mri_date", date(2026, 10, 9)),
    ("Handover: lumbar X-ray 21-Nov-26, facet arthropathy L4-5.", "64493", "xray_date",
     date(2026, 11, 21)),
    ("MBB L4/5 performed 4 Sept 26, 80% relief for 5 hours.", "64493", "nerve_block_date",
     date(2026, 9, 4)),
])
def test_a_day_month_and_two_figure_year_is_that_day(text: str, cpt: str, fact: str,
                                                      day: date) -> None:
    assert read(text, cpt).get(fact) == day.isoformat()


@pytest.mark.parametrize("text", [
    "Radiology: knee films 14 Feb 26 and 2 Jul 26, nothing since.",
    "X-ray R knee 2 Jul 26.",
])
def test_the_day_of_such_a_date_is_no_count_of_x_rays(text: str) -> None:
    # (two films listed are two sets; one is one, or asked: never the day's figure)
    assert str(read(text, "97110").get("xray_sets", "asked")) in ("2", "1", "asked")


@pytest.mark.parametrize("text", [
    # guards: a month and day followed by a length or a score keep those readings
    "Physio started Mar 26, 12 weeks so far, pain 6/10.",
    "Back pain since 5 Oct 2026, 7/10.",
])
def test_a_month_and_day_before_other_figures_still_reads_them(text: str) -> None:
    facts = read(text, "64493")
    assert str(facts.get("pain_nrs")) in ("6", "7")

"""Dates written day first: a British or Australian letter's "02/10/2026" is 2 October
where the same message writes a date that can only be day first ("19/11/2026"), and
month first otherwise (the US form the policies' payers use)."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand


def _read(text: str, cpt: str, as_of: date) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=[], as_of=as_of)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize(("text", "fact", "day"), [
    # f14-64493-note-british-letter-gait-normal (read on 12/02)
    ("Dictated 19/11/2026, typed 23/11/2026\nLumbar X-rays 02/10/2026 showed facet "
     "arthropathy.", "xray_date", date(2026, 10, 2)),
    # f14-62311-note-australian-sports-med-low-baseline (read on 11/30)
    ("Date: 24/11/2026\nMRI L-spine 02/11/2026: foraminal stenosis L5-S1.", "ct_mri_date",
     date(2026, 11, 2)),
    # my own wordings
    ("Seen in clinic 25/11/2026. MRI lumbar spine 03/10/2026 reviewed.", "ct_mri_date",
     date(2026, 10, 3)),
    ("Letter typed 20-11-2026. Lumbar MRI 05-10-2026 shows stenosis.", "ct_mri_date",
     date(2026, 10, 5)),
])
def test_a_message_that_writes_its_dates_day_first_is_read_day_first(
        text: str, fact: str, day: date) -> None:
    cpt = "64493" if fact == "xray_date" else "62311"
    assert _read(text, cpt, date(2026, 12, 2)).get(fact) == day.isoformat()


@pytest.mark.parametrize("text", [
    # no date that only one order can read: the US order
    "MRI L-spine 02/11/2026: foraminal stenosis L5-S1.",
    # both orders proven ("11/19/2026" and "24/11/2026"): each unproven one stays as
    # the US reads it (no swap)
    "Seen 11/19/2026 and 24/11/2026. MRI L-spine 02/11/2026: stenosis.",
])
def test_without_a_day_first_date_the_month_comes_first(text: str) -> None:
    assert _read(text, "62311", date(2026, 12, 2)).get("ct_mri_date") == "2026-02-11"


def test_the_words_quoted_for_a_day_first_date_are_the_users() -> None:
    got = understand("Date: 24/11/2026\nMRI L-spine 02/11/2026: stenosis L5-S1.", cpt="62311",
                     pending=[], as_of=date(2026, 12, 2))
    words = {r.fact: r.words for r in got.facts}
    assert "02/11/2026" in words["ct_mri_date"]


def test_a_pain_score_is_no_date_in_a_day_first_message() -> None:
    text = "Reviewed 24/11/2026. Pain 6/10 today, 8/10 at worst."
    assert str(_read(text, "64493", date(2026, 12, 2)).get("pain_nrs")) == "6"

"""Dates, scores and records (session 31, dates31). Wordings are this file's own, in several
voices (a fax cover, a scheduler's e-mail, a case manager's summary, a phone message, a
referral form row, an audit log, a lab printout)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

AS_OF = date(2027, 5, 4)
read = reader_at(AS_OF)


def asked(text: str, cpt: str) -> list[str]:
    """The questions the reader leaves for the text (its unread parts' reasons)."""
    return [u.why for u in understand(text, cpt=cpt, pending=[], as_of=AS_OF).unread]


# --- a service named with "pain" asks no pain score ----------------------------------------
# (a nurse reading "seen by the pain specialist on 03/02" is not asked for a score nobody
# wrote; the words still keep a figure after them from being one)

@pytest.mark.parametrize("text", [
    # a fax cover
    "Enclosed: pain specialist consultation (Dr. Ferro, 03/02/2027) and the PCP's letter.",
    # a scheduler's e-mail
    "She saw the pain doctor last Tuesday and the pain clinic will call her back.",
    # a case manager's summary
    "Pain management team follow-up booked; pain meds reviewed by pharmacy.",
])
def test_a_pain_service_named_alone_asks_no_pain_score(text: str) -> None:
    assert not [w for w in asked(text, "64493") if "pain score" in w]
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Pain clinic 3 so far (all with Dr. Obi)",
    "pain psychology,4",
])
def test_a_figure_after_a_pain_service_is_still_no_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text, score", [
    ("Seen by the pain specialist 03/02/2027; pain 7/10 today.", "7"),
    ("Pain clinic note: NRS 6/10.", "6"),
])
def test_a_score_beside_a_pain_service_is_read(text: str, score: str) -> None:
    assert read(text, "64493").get("pain_nrs") == score


"""Facts a complete note states that the reader left asked (session 10, fresh12's complete
notes): each a kind of wording, with the note's words and wordings of our own."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 1)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# f12-71250-note-case-manager-meets: a date span joined by a dash pushed the weeks after it
# away from the therapy's name.
@pytest.mark.parametrize(("cpt", "text", "weeks"), [
    ("71250", "- Pulmonary rehab: 08/01/2025-01/30/2026 (26 wks), 2 sessions/wk, every session "
     "chest mobility and strength exercises.", "26 weeks"),
    ("64493", "PT: 01/05/2026-03/30/2026 (12 wks), no improvement.", "12 weeks"),
    ("64493", "Physical therapy: 3/2/26 - 5/25/26 (12 weeks).", "12 weeks"),
])
def test_a_span_of_two_dates_keeps_the_weeks_beside_the_therapy(cpt: str, text: str,
                                                                 weeks: str) -> None:
    assert read(text, cpt).get("pt_weeks") == weeks


# f12-97110-note-home-health-meets, f12-97110-note-intake-one-xray-set: the total said at
# the end of a line that the care's name heads ("Conservative care since 04/2026: ...").
@pytest.mark.parametrize(("cpt", "text", "weeks"), [
    ("97110", "Conservative care since 04/2026: naproxen 500 mg BID 04/06-06/29 (12 wks) - no "
     "benefit, stopped; home exercise program 06/29-09/28 - no improvement; L knee "
     "corticosteroid injection 10/05/2026 - no lasting relief (last treatment tried). 26 weeks "
     "in all; he has not responded to conservative treatment.", "26 weeks"),
    ("97110", "- Conservative: celecoxib 06/15-09/07/2026 (12 wks), then R hip intra-articular "
     "steroid injection 10/20/2026, no relief - last treatment; 19 weeks in all, no response "
     "to conservative care.", "19 weeks"),
    # my own wordings
    ("62311", "Conservative tx: ibuprofen (6 wks) - no relief; home program - no change; "
     "then gabapentin. 14 weeks in all.", "14 weeks"),
    ("97110", "Conservative care: meloxicam x 8 wks, then a home exercise program; 16 wks "
     "total.", "16 weeks"),
])
def test_a_total_ending_the_line_its_care_heads_is_the_care_s_total(cpt: str, text: str,
                                                                    weeks: str) -> None:
    assert read(text, cpt).get("conservative_weeks") == weeks


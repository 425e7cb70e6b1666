"""A note's own day: "today" in a note is the day the note was written, where its title
line says which day that is, not the day the note is pasted."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand


def _dates(text: str, cpt: str, as_of: date) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=[], as_of=as_of)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize(("text", "day"), [
    # f14-97110-uc-ankle-sprain-three-days, read on 11/28
    ("URGENT CARE 11/26/2026. R ankle inversion injury yesterday (11/25) stepping off a "
     "curb.\nX-ray R ankle today: no fracture. Pain 8/10.", date(2026, 11, 26)),
    # my own wordings
    ("Walk-in clinic 11/26/2026. Twisted knee at soccer.\nKnee XR today, no fracture.",
     date(2026, 11, 26)),
    ("ED visit 11/26/2026: fell off a ladder. Shoulder x-rays today negative.",
     date(2026, 11, 26)),
    ("Sports med hand-off (Dr. Lee), clinic, 11/26/2026 - knee sprain\nXR knee today: "
     "no fracture.", date(2026, 11, 26)),
])
def test_today_in_a_note_whose_first_line_dates_it_is_that_day(text: str, day: date) -> None:
    assert _dates(text, "97110", date(2026, 11, 28)).get("xray_date") == day.isoformat()


@pytest.mark.parametrize("text", [
    # a first line dating a study, not the note: its "today" is not the study's day
    "MRI knee 11/20/2026: small effusion.\nKnee XR today, no fracture.",
    "X-ray report 11/20/2026 - no fracture. Knee XR today, no fracture.",
])
def test_a_first_line_dating_a_study_does_not_date_the_note(text: str) -> None:
    assert _dates(text, "97110", date(2026, 11, 28)).get("xray_date") != "2026-11-20"


@pytest.mark.parametrize(("text", "day"), [
    # f14-97110-long-ortho-followup-knee, read on 11/28
    ("ORTHOPAEDIC FOLLOW-UP - Valley Bone & Joint, Dr. S. Nakamura\nVisit 11/24/2026. "
     "Patient: Gordon Fitch, 67.\nX-rays today: no fracture.", date(2026, 11, 24)),
    # f12-64493-note-pa-lowercase-no-pcp, a title's day with no year
    ("pa note 11/24 - aisha k, pa-c (spine)\nknee xr today, no fracture.", date(2026, 11, 24)),
    # my own wordings
    ("SPORTS MEDICINE\nEncounter 11/24/2026 - knee sprain\nXR knee today, negative.",
     date(2026, 11, 24)),
])
def test_today_in_a_note_dated_by_its_title_or_the_line_under_it(text: str, day: date) -> None:
    assert _dates(text, "97110", date(2026, 11, 28)).get("xray_date") == day.isoformat()


def test_a_second_line_dating_something_else_does_not_date_the_note() -> None:
    text = "PHYSICAL THERAPY REFERRAL\nReferred for PT eval after MRI 10/01/2026.\n" \
           "Knee XR today, no fracture."
    assert _dates(text, "97110", date(2026, 11, 28)).get("xray_date") != "2026-10-01"

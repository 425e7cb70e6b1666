"""A symptom's onset written the way notes write it (session 13: the onset was the
commonest fact complete notes were asked about, 39 of 310). A bare "Onset <day>" after a
problem's entry, a form's column "Onset:", and "since <an event> <day>" date the
complaint; a past year after an onset word dates what is going on, not history. The
other half: what is not the complaint's onset stays unread."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 1)


read = reader_at(AS_OF)


@pytest.mark.parametrize(("text", "cpt", "days"), [
    # fresh13's problem list: the entry names the pain with its diagnosis, the onset is
    # last year's
    ("#1 Chronic low back pain, lumbar facet arthropathy. Onset 08/25/2025. NRS 6/10 today.",
     "64493", 463),
    ("1. Lumbar radiculopathy, L5 on the left, MRI-confirmed. Onset 11/03/2025.", "62311", 393),
    ("Neck pain with occipital headaches, facet-mediated. Onset 02/14/2026.", "64493", 290),
    ("Problem: R shoulder stiffness, adhesive capsulitis. Onset 06/01/2026.", "97110", 183),
])
def test_a_bare_onset_after_the_problem_s_entry_is_its_onset(text: str, cpt: str,
                                                             days: int) -> None:
    assert read(text, cpt)["symptom_weeks"] == f"{days} days"


@pytest.mark.parametrize(("text", "cpt", "days"), [
    # fresh16's PT recertification header: the onset is a column of the form's line
    ("Patient: Renee Albright, 45 F     Dx: M54.17 lumbosacral radiculopathy     "
     "Onset: 06/15/2026\nCert period: 08/10/2026 - 11/30/2026", "62311", 169),
    ("Name: K. Osei    MRN 44120    Onset: 03/02/2026    Referring: Dr. Ng", "64493", 274),
    ("Dx: L shoulder adhesive capsulitis     Onset: 05/11/2026", "97110", 204),
])
def test_a_form_column_labelled_onset_is_the_onset(text: str, cpt: str, days: int) -> None:
    assert read(text, cpt)["symptom_weeks"] == f"{days} days"


@pytest.mark.parametrize(("text", "cpt", "days"), [
    # fresh14's urgent-care follow-up and wound-care notes
    ("Low back pain with R buttock pain since a lifting injury 08/30/2026.", "97110", 93),
    ("Ankle: stiffness and pain since the fracture on 03/14/2026. Pain 6/10.", "97110", 262),
    ("Knee pain since a fall 10/02/2026, worse on stairs.", "97110", 60),
    ("Neck pain since his accident on 07/19/2026 (rear-ended).", "64493", 135),
])
def test_pain_since_an_event_and_its_day_dates_from_that_day(text: str, cpt: str,
                                                             days: int) -> None:
    assert read(text, cpt)["symptom_weeks"] == f"{days} days"


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # the day is another thing's: the physical therapy's start, a treated pneumonia's
    ("Knee pain since her fall; PT started 10/02/2026.", "97110", "symptom_weeks"),
    ("Pneumonia treated 10/2025. Onset 08/25/2025.", "71250", "symptom_weeks"),
    ("Naproxen 500 BID. Onset 09/01/2025.", "64493", "symptom_weeks"),
    # a past year after an onset word keeps a finding before it in the past
    ("UTI, onset 10/2025.", "62311", "active_infection"),
    ("Cellulitis L leg, onset 09/2025, treated.", "97110", "active_infection"),
])
def test_what_the_onset_is_not_the_complaint_s_stays_unread(text: str, cpt: str,
                                                            fact: str) -> None:
    assert fact not in read(text, cpt)

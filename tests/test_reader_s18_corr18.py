"""Corrections and disagreement in notes (session 18, corr18). Wordings are the fixer's own.

Two clinicians who give a fact two figures, one turn after the other, are two sources:
which is right is asked, never the first figure taken (outside tester session 16 F14:
"Dr. Ames: PT was 14 weeks. Dr. Boyd: I count only 10 weeks in the records" read 14)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Dr. Okafor: physical therapy was 13 weeks. Dr. Lindgren: the PT notes I have add up "
     "to 9 weeks.", "64493", "pt_weeks"),
    ("Reviewer 1: conservative care 16 weeks per the chart. Reviewer 2: I see 9 weeks "
     "documented.", "62311", "conservative_weeks"),
    ("Attending says PT lasted 12 wks. Resident counts 8 wks in the attendance log.",
     "64493", "pt_weeks"),
    ("RN Patel: conservative treatment 14 weeks.\nDr Moss: more like 10 weeks, she stopped "
     "the NSAID early.", "62311", "conservative_weeks"),
])
def test_two_clinicians_two_figures_is_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the second clinician agrees
    ("Dr. Okafor: PT was 13 weeks. Dr. Lindgren: agreed, 13 weeks.", "64493", "pt_weeks",
     "13 weeks"),
    # the second turn's figure is another fact's
    ("Dr. Okafor: PT was 13 weeks. Dr. Lindgren: pain 7/10 on my exam.", "64493",
     "pt_weeks", "13 weeks"),
    # one clinician's two sentences are one source
    ("Dr. Okafor: PT was 13 weeks. Dr. Okafor: symptoms began 9 months ago.", "64493",
     "pt_weeks", "13 weeks"),
    # a new paragraph is no reply
    ("Dr. Okafor: PT was 13 weeks.\n\nDr. Lindgren: follow up in 2 weeks.", "64493",
     "pt_weeks", "13 weeks"),
])
def test_a_second_turn_that_does_not_dispute_leaves_the_figure(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value

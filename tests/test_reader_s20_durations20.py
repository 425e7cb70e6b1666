"""How long the symptoms have lasted (symptom_weeks) in long notes: a plain length or onset
left unread by a word beside it, and a length that is not the whole. Wordings are this
fixer's own (session 20, durations20)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A month-only onset with the writer's own count from it beside: the count is the length.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("62311", "Referral: right L5 radicular pain since 06/2026 (6 months), worse sitting.",
     "6 months"),
    ("64493", "Problem: axial low back pain. Onset: 03/2025 (approx 21 months).", "21 months"),
    ("71250", "Dear colleague, he has shortness of breath on the stairs and at night since "
              "the July of this year (5 months), and he is tired.", "5 months"),
    ("97110", "Dx M25.561 R knee stiffness, worse on stairs and on kneeling at work, since "
              "01/2026 (48 weeks) | M17.11 OA", "48 weeks"),
    ("64493", "hi - the neck pain has kept her up at night, she says, since August 2026 - "
              "~4 months. thx", "4 months"),
])
def test_a_month_onset_with_its_count_reads_the_count(cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


# A now-word after a symptom two facts name ("low back pain now") leaves it the symptom's.
@pytest.mark.parametrize(("text", "value"), [
    ("Chart review: so that's 7 months of low back pain now.", "7 months"),
    ("Went to urgent care after 9 weeks of neck pain today, sent on to us.", "9 weeks"),
    ("Patient: honestly about 5 months of back pain currently, every day.", "5 months"),
    ("RN note - 14 weeks of low back pain today, unchanged.", "14 weeks"),
])
def test_a_now_word_after_the_symptom_keeps_its_length(text: str, value: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) == value


def test_a_pain_score_said_now_is_still_read() -> None:
    got = read("Low back pain now 6/10, there for 4 months.", "64493")
    assert str(got.get("pain_nrs")) == "6"
    assert str(got.get("symptom_weeks")) == "4 months"

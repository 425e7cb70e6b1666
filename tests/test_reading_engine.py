"""Unit tests of the reader's engine parts (agent/reading/*.py) changed for the
62311/64493 readings; the behaviour a user sees is in test_reader_regressions.py."""

from __future__ import annotations

from agent.reading.context import Context, adjacent_negation
from agent.reading.courses import counted_courses, numbered_courses
from agent.reading.facts import Mention, _distance
from agent.reading.rules import ReadingRule
from agent.reading.text import clauses
from policies.model import FactSpec

_SPEC = FactSpec(type="number", unit="weeks", min=0, max=520, label="x", question="x?")


def _mention(lower: str, phrase: str) -> Mention:
    a = lower.index(phrase)
    found = clauses(lower)
    return Mention("f", _SPEC, ReadingRule(), found[0], a, a + len(phrase))


def test_a_duration_before_because_of_is_the_effects_not_the_causes() -> None:
    lower = "off work for 2 months because of the leg pain"
    m = _mention(lower, "leg pain")
    q = lower.index("2 months")
    assert _distance(lower, m, q, q + len("2 months")) is None
    lower = "2 months of leg pain"
    m = _mention(lower, "leg pain")
    assert _distance(lower, m, 0, len("2 months")) == 0


def test_weeks_of_a_few_words_then_a_phrase_bind_to_the_phrase() -> None:
    lower = "six weeks of supervised exercise"
    m = _mention(lower, "exercise")
    assert _distance(lower, m, 0, len("six weeks")) == 1


def test_a_terminator_inside_an_aside_does_not_end_the_scope() -> None:
    lower = "son (also our patient) reports his own back pain is 9/10"
    ctx = Context(lower, clauses(lower))
    a = lower.index("back pain")
    assert "other" in ctx.at(a, a + len("back pain"))
    lower = "son has pain; the patient reports back pain"
    ctx = Context(lower, clauses(lower))
    a = lower.index("back pain")
    assert "other" not in ctx.at(a, a + len("back pain"))


def test_not_better_with_a_treatment_does_not_deny_the_treatment() -> None:
    lower = "not better w/ cons tx"
    a = lower.index("cons tx")
    assert adjacent_negation(lower, a, a + 7, len(lower)) is None
    lower = "no cons tx"
    assert adjacent_negation(lower, 3, 10, len(lower)) is not None


def test_the_lengths_of_counted_courses_add_up_only_when_they_are_all_the_parts() -> None:
    text = "two pt courses: 8 weeks in spring and 10 weeks this summer, with a gap."
    found = counted_courses(text, (0, len(text)), text.index("pt"))
    assert found is not None and found.value == "18 weeks"
    # A total stated after the courses' lengths is the total, not a sum of them.
    text = "2 courses of pt: 8 wks and 6 wks, 14 wks total"
    found = counted_courses(text, (0, len(text)), text.index("pt"))
    assert found is not None and found.value == "14 weeks" and found.weeks == ()
    for text in ("2 courses of pt: 6 wks each",
                 "two courses of pt: 8 wks and 6 wks concurrently",
                 "3 courses of pt: 8 wks and 6 wks",
                 "14 wks total across 2 courses of pt - 8 wks, 6 wks"):
        assert counted_courses(text, (0, len(text)), text.index("pt")) is None, text


def test_numbered_courses_add_up_and_count_by_length() -> None:
    text = "pt course 1: 6 wks; course 2: 7 wks (total 13 wks)."
    found = numbered_courses(text, 0)
    assert found is not None and found.value == "13 weeks"
    assert found.at_least(7) == 1
    assert numbered_courses("pt course 2: 6 wks; course 3: 7 wks", 0) is None


def test_a_capitalised_wrapped_line_goes_on_the_sentence_after_a_word_that_cannot_end_it() -> None:
    from agent.reading.text import unwrap
    text = "HNP compressing the traversing R\nL5 root. Pain 7/10\nMRI 10/2/26"
    out = unwrap(text, text.lower())
    assert "traversing r l5 root" in out
    assert "7/10\nmri" in out  # a new line after a figure is a new line
    text = "No infection\nPregnancy: N/A"
    assert "\n" in unwrap(text, text.lower())


def test_a_total_right_after_the_courses_is_the_total() -> None:
    text = "completed 2 courses of pt, 14 wks total (exercise 8 wks, manual 3 wks)"
    at = text.index("pt,")
    found = counted_courses(text, (0, len(text)), at, at + 2)
    assert found is not None and found.value == "14 weeks" and found.weeks == ()

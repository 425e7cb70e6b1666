"""Complete notes that stopped one or two questions short (session 14, "gnote"): facts
the note states that the reader left unread. Each mechanism has the corpus note's exact
words, wordings of the same fact written by the fixer (prose, shorthand, a form line, a
letter), and the same words where they must still not be read."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 2)


def read(text: str, cpt: str, as_of: date = AS_OF) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=as_of).facts}


# A length right after the lengths of the courses that is their sum is their total, said
# without a total word: "two courses, ... (8 wks) and ... (5 wks), 13 weeks" (fresh14's
# payer review: left unread; "8 wks and 5 wks, 13 weeks" was even read as 26 weeks).
@pytest.mark.parametrize("text", [
    "- Per PT records (in file - plans of care, progress notes, modality flowsheets with heat,\n"
    "  cold and IFC): two courses, 03/2026-05/2026 (8 wks) and 07/2026-08/2026 (5 wks), 13 weeks,\n"
    '  "plateaued without meaningful improvement" after each.',
    # my own wordings
    "PT: two courses, 8 wks and 5 wks, 13 weeks, no improvement after either.",
    "She did two courses of physical therapy, 8 weeks (spring) and 5 weeks (summer), 13 weeks, "
    "and neither helped.",
    "PT x2 courses (8 wk + 5 wk) 13 wk, both without benefit",
    "Physical therapy: course 1 8 weeks, course 2 5 weeks, 13 weeks; no improvement after either.",
])
def test_a_length_that_adds_up_the_courses_before_it_is_their_total(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pt_weeks") == "13 weeks"
    assert got.get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    # a third length that is not their sum: a third course, or something else; never 13
    "PT: two courses, 8 wks and 5 wks, 12 weeks, no improvement after either.",
    "PT 8 wks and 5 wks, then 13 weeks of home exercise.",
])
def test_a_length_that_does_not_add_up_the_courses_is_no_total(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") != "13 weeks"


@pytest.mark.parametrize("text", [
    "Her husband did two courses of PT, 8 wks and 5 wks, 13 weeks.",
    "PT: two courses planned, 8 wks and 5 wks, 13 weeks.",
])
def test_courses_that_add_up_but_are_another_s_or_planned_are_not_read(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


def test_a_wrapped_line_that_opens_with_a_quotation_goes_on_the_sentence() -> None:
    # the courses' failure is said on the wrapped line, inside quotation marks
    text = ("Per PT records: two courses, 8 wks and 6 wks, 14 weeks,\n"
            '  "no lasting improvement" after each.')
    assert read(text, "64493").get("pt_courses_failed") == "2"
    # a quotation about the courses helping is still not a failure
    text = ("Per PT records: two courses, 8 wks and 6 wks, 14 weeks,\n"
            '  "good improvement" after each.')
    assert "pt_courses_failed" not in read(text, "64493")

"""Unit tests of agent/reading/durations.py (durations listed for one fact) and of the
rule keys added for 71250/97110; what a user sees is in test_reader_regressions.py."""

from __future__ import annotations

from agent.reading.durations import listed, outcome
from policies.model import FactSpec

_WEEKS = FactSpec(type="number", unit="weeks", min=0, max=520, label="x", question="x?")


def _run(chunk: str, first: str, taken: tuple[str, ...] = (),
         named: tuple[str, ...] = ()) -> list[str] | None:
    start = chunk.index(first)
    spans = [(chunk.index(t), chunk.index(t) + len(t)) for t in taken]
    found, _cut = listed(chunk, _WEEKS, False, (0, start),
                         lambda a, b: any(x < b and a < y for x, y in spans),
                         lambda gap: any(n in gap for n in named))
    return [chunk[a:b] for a, b, _raw in found] if len(found) > 1 else None


def test_courses_joined_by_list_words_make_one_run() -> None:
    assert _run("pt courses: 8 weeks in spring and 10 weeks this summer", "8 weeks") == \
        ["8 weeks", "10 weeks"]
    assert _run("ibuprofen x 4 wks, then meloxicam x 5 wks, then hep x 4 wks", "4 wks") == \
        ["4 wks", "5 wks", "4 wks"]


def test_a_qualified_figure_or_another_facts_figure_is_not_in_the_run() -> None:
    assert _run("pt 2x/week for 26 weeks, though 3 weeks in august had 1 session",
                "26 weeks") is None
    assert _run("pt 8 wks, cons care 12 wks", "8 wks", taken=("12 wks",)) is None
    assert _run("pt 8 wks, cons care 12 wks", "8 wks", named=("cons care",)) is None


def test_a_next_course_named_by_another_fact_is_cut_off_and_said_so() -> None:
    chunk = "cons care: naproxen x 6 wks, then home exercises x 6 wks"
    found, cut = listed(chunk, _WEEKS, False, (0, chunk.index("6 wks")), lambda a, b: False,
                        lambda gap: "home exercises" in gap)
    assert [chunk[a:b] for a, b, _raw in found] == ["6 wks"] and cut


def test_figures_each_labelled_by_the_fact_are_not_one_list() -> None:
    chunk = "6 weeks of supervised exercise, 5 weeks of manual therapy"
    found, cut = listed(chunk, _WEEKS, False, (0, 0), lambda a, b: a > 0,
                        lambda gap: "manual therapy" in gap,
                        lambda gap: "supervised exercise" in gap)
    assert len(found) == 1 and not cut


def test_how_a_run_relates_is_said_by_the_sentence() -> None:
    assert outcome("two pt courses: 8 weeks and 10 weeks") == "sum"
    assert outcome("naproxen 4 wks, then pt 6 wks") == "sum"
    assert outcome("back pain for 3 years; current episode 9 weeks") == "ask"
    assert outcome("nsaids 10 weeks and hep 8 weeks, partly overlapping") == "ask"
    assert outcome("pt 8 weeks, 10 weeks") is None


def test_an_alternative_figure_and_a_possessive_gap_and_a_contrast() -> None:
    from agent.reading.candidates import _CONTRAST
    from agent.reading.facts import _ALTERNATIVE

    assert _ALTERNATIVE.search(" set of x-rays, possibly two - records")
    assert _ALTERNATIVE.search(" or 8 weeks")
    assert not _ALTERNATIVE.search(" total pt, 2 courses")
    assert _CONTRAST.match(", but for the last 2 months")
    assert not _CONTRAST.match(", 14 wks total")


def test_a_clock_time_is_no_quantity() -> None:
    from agent.reading.values import quantities

    assert [q.text for q in quantities("vitals 06:00: t 37.6 c")] == ["37.6 c"]
    assert [q.value for q in quantities("2 sessions every week")] == [2]


def test_a_phrase_wrapped_with_an_indent_is_still_the_phrase() -> None:
    from agent.reading.text import Occurrences

    occ = Occurrences("rating: moderate    impairment. moderate impairment")
    assert occ.spans("moderate impairment") == [(32, 51)]  # the plain one is found first
    wide = Occurrences("rating: moderate    impairment")
    assert wide.spans("moderate impairment") == [(8, 30)]
    assert Occurrences("moderate pain").spans("moderate impairment") == []

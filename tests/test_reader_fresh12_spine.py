"""False and wrong facts of the fresh12 items and notes for 62311 and 64493 (session 10,
studied after fresh12 moved into the corpus), one named test each: the failing input and
other wordings of the same thing, so each fix is a rule, not a string.
"""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def _read(text: str, cpt: str, pending: list[str] | None = None) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize("text", [
    "She asked about pregnancy: pt is 34F, hCG neg 11/18 per the ortho note.",
    # my own wordings
    "The rep asked about pregnancy: she is 34, hCG negative 11/18.",
    "Reviewer asked about pregnancy - 29F, negative urine hCG today.",
])
def test_a_topic_someone_asked_about_is_no_answer_to_it(text: str) -> None:
    assert _read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    'Rep asked pain score: wife said "an 8 most days"; pt himself said 6.',
    # my own wordings
    "Pain score per wife 8/10.",
    "Pain: his daughter reports 9/10.",
    "NRS - husband says about a 7.",
])
def test_a_score_a_relative_gives_is_not_the_patients_pain_score(text: str) -> None:
    assert "pain_nrs" not in _read(text, "64493")


def test_a_score_with_no_relative_between_is_still_read() -> None:
    assert _read("Pain 7/10, wife at bedside.", "64493")["pain_nrs"] == "7"


@pytest.mark.parametrize("text", [
    "Her pain has risen from 6/10 before any treatment to 8/10 despite physical therapy "
    "and NSAIDs.",
    # my own wordings
    "Pain went from 4/10 at baseline to 7/10 now.",
    "NRS rose from 5 before PT to 8 today.",
    "Pain has climbed from a 3 at the initial visit up to a 7.",
])
def test_the_far_end_of_a_change_from_one_score_to_another_is_no_baseline(text: str) -> None:
    baseline = _read(text, "62311").get("pain_nrs_baseline")
    assert baseline not in ("8", "7"), baseline


def test_a_baseline_and_a_later_score_still_read_apart() -> None:
    got = _read("Pain before PT 5/10, now 8/10.", "62311")
    assert (got["pain_nrs_baseline"], got["pain_nrs_increase"]) == ("5", "3")


@pytest.mark.parametrize("text", [
    "pt 29f, ? uti - dysuria x2d, ua sent, cx pending. hcg neg. hold esi until ua back. "
    "lbp otherwise unchanged.",
    # my own wordings
    "Hold ESI until culture back; back pain unchanged.",
    "Defer ESI until UA back. LBP unchanged.",
])
def test_an_injection_held_back_is_no_injection_that_failed(text: str) -> None:
    assert "failed_conservative" not in _read(text, "62311")


def test_a_slot_held_for_the_patient_holds_back_nothing() -> None:
    assert _read("Please hold the 12/3 slot for Mr. Petrov.", "64493")["pregnancy"] == \
        "not_applicable"

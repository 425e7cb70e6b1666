"""Session 34, chat34: in a conversation, a study of another body part typed after the
case's note (outside tester 34 F7) and a lab value typed while a pain score is asked
(tester 33 F11 / 34 F13). Wordings are this file's own; guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]


def _read(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


# --- F7: a study of another body part typed into a chat -------------------------------------

# a shoulder case for physical therapy whose shoulder MRI is too old (does not meet)
_SHOULDER = (
    "Sports Medicine Note - 11/28/2026\n"
    "Pt: Marcus Obi, 54 y/o M\n"
    "CC: left shoulder pain and stiffness since 02/2026 (about 10 months). Pain 7/10.\n"
    "Tried: ibuprofen 03-05/2026, home band exercises 06-09/2026, 20 weeks in all, no "
    "help. Last failed treatment 09/15/2026.\n"
    "Imaging: L shoulder X-rays 04/02/2026 and 09/20/2026. MRI L shoulder 07/10/2025 "
    "(partial rotator cuff tear).\n"
    "No diabetes, no heart disease, no other severe illness. No infection. Not cosmetic.\n"
    "Ortho consult 10/2026: expects good response to PT.\n"
    "Plan: PT 97110 2x/wk x 6 wk. This note is the H&P.\n")


def _shoulder_chat(assistant_at: Bot) -> Assistant:
    bot = assistant_at(AS_OF)
    turn = bot.send("c", _SHOULDER, cpt="97110")
    assert turn.facts["mri_date"]["value"] == "2025-07-10"
    assert turn.decision == "does_not_meet"
    return bot


@pytest.mark.parametrize(("typed", "fact", "stored"), [
    ("MRI of his right hip 11/22/2026, mild bursitis", "mri_date", "2025-07-10"),
    ("he had an MRI of the knee on 11/22/2026 for a meniscus question", "mri_date",
     "2025-07-10"),
    ("ankle X-rays 12/01/2026 after a sprain", "xray_date", "2026-09-20"),
])
def test_a_typed_study_of_another_body_part_does_not_replace_the_cases(
        assistant_at: Bot, typed: str, fact: str, stored: str) -> None:
    bot = _shoulder_chat(assistant_at)
    turn = bot.send("c", typed)
    assert turn.facts[fact]["value"] == stored
    assert turn.facts["xray_sets"]["value"] == 2  # not set aside by another part's films
    assert turn.decision == "does_not_meet"
    assert "affected area" in turn.reply


@pytest.mark.parametrize("typed", [
    "MRI of the left shoulder 11/22/2026, tear unchanged",  # the case's own area
    "repeat MRI 11/22/2026",  # no area said: the case's, as before
])
def test_a_typed_study_of_the_cases_area_or_of_no_area_still_replaces(
        assistant_at: Bot, typed: str) -> None:
    bot = _shoulder_chat(assistant_at)
    turn = bot.send("c", typed)
    assert turn.facts["mri_date"]["value"] == "2026-11-22"


# --- F13: a lab value typed while a pain score is asked ----------------------------------

@pytest.mark.parametrize("text", ["K 4.1, Na 138", "k 4.4", "T 37.9"])
def test_a_one_letter_labs_figure_is_no_pain_score(text: str) -> None:
    assert "pain_nrs_baseline" not in _read(text, "62311", ["pain_nrs_baseline"])
    assert "pain_nrs_increase" not in _read(text, "62311", ["pain_nrs_increase"])


@pytest.mark.parametrize(("text", "value"), [("4", "4"), ("about 6", "6"), ("7/10", "7")])
def test_a_bare_pain_answer_is_still_read(text: str, value: str) -> None:
    assert _read(text, "62311", ["pain_nrs_baseline"]).get("pain_nrs_baseline") == value

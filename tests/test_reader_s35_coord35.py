"""Session 35, coordinator: outside tester 34's F8 and F9 (tester 33's F3), both of which
denied a qualifying case in a chat. F9: a reply giving the lengths of two courses of
therapy ("2 PT courses of 8 and 6 weeks") stored one of them as how long the therapy
lasted in all. F8: two pain scores in one reply ("2/10 at rest, 6/10 with overhead
reaching") with another question open replaced the stored score with the lower one.
Wordings are this file's own; guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]
_PT_ASKED = ["pain_region", "pt_weeks", "pt_exercise_weeks"]


def _read(text: str, cpt: str, pending: list[str], known: dict[str, object] | None = None
          ) -> tuple[dict[str, object], list[str]]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF, known=known)
    return {r.fact: r.value for r in got.facts}, [u.why for u in got.unread]


# --- F9: the lengths of several courses are not the length in all ------------------------

@pytest.mark.parametrize("text", [
    "two rounds of physio, 10 and 4 weeks, neither helped",
    "PT x2: 03/2026-05/2026 (9 wks) and 08/2026-09/2026 (5 wks)",
    "she did 6 wks the first time and 7 the second",
    "physical therapy 7 weeks, then another 5 the second time round",
    "PT: 8 or 9 weeks, I'd have to check",
])
def test_one_course_of_several_is_not_the_therapy_in_all(text: str) -> None:
    facts, _whys = _read(text, "64493", _PT_ASKED)
    assert "pt_weeks" not in facts and "pt_exercise_weeks" not in facts


@pytest.mark.parametrize(("text", "weeks"), [
    ("PT 12 weeks; exercise 6 weeks", "12 weeks"),   # each length answers its own question
    ("14 weeks total: 8 and 6", None),               # a total said: never one course of it
    ("PT 13 weeks", "13 weeks"),
])
def test_a_single_length_or_a_total_still_answers(text: str, weeks: str | None) -> None:
    facts, whys = _read(text, "64493", _PT_ASKED)
    assert facts.get("pt_weeks") == weeks
    assert not any("how long in all" in w for w in whys)


def test_the_chat_asks_how_long_in_all_and_takes_the_next_length(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?", cpt="64493")
    turn = bot.send("c", "two PT courses of 9 and 5 weeks, neither worked")
    assert "pt_weeks" not in turn.facts
    assert "how long in all" in turn.reply
    turn = bot.send("c", "14 weeks in all")
    assert turn.facts["pt_weeks"]["value"] == 14


# --- F8: two pain scores in one reply while another question is open ------------------------

@pytest.mark.parametrize(("text", "pending"), [
    ("pain 2/10 at rest, 6/10 lifting overhead", ["cosmetic_purpose"]),
    ("3/10 sitting, 7/10 after a shift", ["pt_expected_benefit"]),
])
def test_two_scores_in_a_reply_keep_the_stored_one(
        text: str, pending: list[str]) -> None:
    facts, _whys = _read(text, "97110", pending, known={"pain_nrs": 6})
    assert "pain_nrs" not in facts  # (asked which, or left for the user to say again)


def test_one_score_with_another_question_open_is_still_read() -> None:
    facts, _whys = _read("pain is 7/10 now", "97110", ["cosmetic_purpose"], known={"pain_nrs": 6})
    assert facts.get("pain_nrs") == "7"


# --- tester 35 F3 (its chat half): a second stretch at another site ---------------------

@pytest.mark.parametrize("text", [
    "Pulmonary rehab 4 weeks at St Luke's, then 20 weeks at the new site.",
    "rehab 02/01-03/01 (4 wks) at the first gym, then 22 weeks at the second",
])
def test_a_second_stretch_at_another_site_is_not_the_rehab_in_all(text: str) -> None:
    facts, _whys = _read(text, "71250", ["pt_weeks"])
    assert "pt_weeks" not in facts


# --- tester 35 F8 and F10: words that all the care failed ------------------------------------

@pytest.mark.parametrize("text", [
    "none of the treatments helped",
    "none of the conservative measures has made any difference",
])
def test_none_of_the_care_helping_is_no_answer_to_the_comorbidity_question(text: str) -> None:
    facts, _whys = _read(text, "97110", ["severe_comorbidities"])
    assert "severe_comorbidities" not in facts


def test_a_bare_none_still_answers_the_comorbidity_question() -> None:
    facts, _whys = _read("none", "97110", ["severe_comorbidities"])
    assert facts.get("severe_comorbidities") == []


_KINDS = ["lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    "yes - nothing worked, not the physio and not the pills",
    "none of it helped, not PT and not the NSAIDs",
])
def test_the_care_that_failed_stays_among_the_kinds_tried(text: str) -> None:
    facts, _whys = _read(text, "62311", [], known={"conservative_treatments": _KINDS})
    assert "conservative_treatments" not in facts  # (no member taken out)


def test_care_denied_outright_is_still_taken_out() -> None:
    facts, _whys = _read("she never had PT, it was only pills and diet", "62311", [],
                         known={"conservative_treatments": _KINDS})
    assert "physical_therapy" not in (facts.get("conservative_treatments") or [])


# --- tester 35 F9: a temperature log's old first row is not the current temperature -------

@pytest.mark.parametrize("text", [
    "Temps: 11/03 38.5 C; 11/19 37.8 C; 12/03 36.9 C",
    "Temp chart: 11/01 38.7, 11/22 37.6, 12/04 36.7",
])
def test_a_logs_month_old_fever_is_not_read_as_now(text: str) -> None:
    facts, _whys = _read(text, "71250", [])
    assert "body_temperature" not in facts


def test_a_log_of_this_week_is_still_read() -> None:
    facts, _whys = _read("Temps: 12/04 38.4 C; 12/05 38.1 C", "71250", [])
    assert facts.get("body_temperature") == "38.4 C"

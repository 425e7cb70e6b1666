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


# --- a man named before "he"/"him" who is not the patient ------------------------------------

@pytest.mark.parametrize("text", [
    # the man named first is in words blanked as a quoted threshold
    'The peer reviewer quoted "X-rays within 12 months"; I told him the films are from May.',
    'Medical director cited "at least 12 weeks of PT"; he wants the logs.',
    # a second "he" stands for the same doctor as the first
    "Addendum request: Dr. Marsh's 11/02 note has 'for weeks of PT'; he says it means four. "
    "IT will reopen the chart so he can fix it.",
])
def test_a_pronoun_standing_for_another_man_says_nothing_of_the_patients_sex(text: str) -> None:
    facts, _whys = _read(text, "64493", [])
    assert "pregnancy" not in facts


@pytest.mark.parametrize("text", [
    "He has had low back pain for 8 months.",
    "Pt seen with his wife. He reports 7/10 back pain.",
])
def test_a_pronoun_for_the_patient_still_says_he_is_a_man(text: str) -> None:
    facts, _whys = _read(text, "64493", [])
    assert facts.get("pregnancy") == "not_applicable"


# --- tester 35 F3: one treatment's length in a list of several is not the care in all -------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Conservative tx: home exercises 03/01-04/26 (8 wks), ibuprofen 04/27-06/07 (6 wks), "
     "then a knee strap 06/08-07/05 (4 wks).", "97110", "conservative_weeks"),
    ("Pulmonary rehab 4 weeks at St Luke's, then 20 weeks at the new site.", "71250",
     "pt_weeks"),
])
def test_one_length_of_a_list_of_care_is_not_the_care_in_all(text: str, cpt: str,
                                                             fact: str) -> None:
    facts, _whys = _read(text, cpt, [])
    assert fact not in facts


@pytest.mark.parametrize(("text", "weeks"), [
    ("Conservative treatment 14 weeks (PT 8 wks, NSAIDs 6 wks), failed.", "14 weeks"),
    ("Symptoms 8 months. Conservative care 14 weeks (HEP and naproxen).", "14 weeks"),
    # (one after the other, each done: added up)
    ("Conservative care - physio 10 wks, then meloxicam 5 wks, then bracing 3 wks.", "18 weeks"),
])
def test_a_length_with_its_parts_listed_still_reads(text: str, weeks: str) -> None:
    facts, _whys = _read(text, "97110", [])
    assert facts.get("conservative_weeks") == weeks


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

"""What a nurse reads next to the decision: "what would make it qualify" and the next steps.

Each defect the outside audit found (issue 10) is checked twice: through
``priorauth check --json``, as a script or another program sees it, and through a
conversation, as a nurse sees it in the reply.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant, Turn
from evals.scripted import answer, worked_case

ROOT = Path(__file__).parent.parent
AS_OF = date(2026, 11, 23)
DROP = object()


def _facts(cpt: str, **changes: Any) -> dict[str, Any]:
    """The policy's complete qualifying case with ``changes`` (DROP: not stated)."""
    facts = dict(worked_case(cpt, "meets_criteria", AS_OF.isoformat()))
    for name, value in changes.items():
        if value is DROP:
            facts.pop(name, None)
        else:
            facts[name] = value
    return facts


def check_json(tmp_path: Path, cpt: str, facts: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump({"as_of": AS_OF.isoformat(), "facts": facts}))
    result = subprocess.run([sys.executable, "-m", "priorauth.cli", "check", "--cpt", cpt,
                             "--facts", str(path), "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def converse(cpt: str, facts: dict[str, Any], first: str | None = None) -> Turn:
    """A conversation answering every question from ``facts`` until none are asked."""
    bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                    as_of=AS_OF)
    turn = bot.send("t", first or f"Does this case qualify for {cpt}?")
    for _ in range(40):
        if not turn.pending:
            return turn
        turn = bot.send("t", answer(cpt, turn.pending, facts))
    raise AssertionError(f"still asking: {turn.pending}")


def _changes(verdict: dict[str, Any]) -> list[str]:
    return [c["change"] for c in verdict["to_qualify"]["changes"]]


# ---------------------------------------------- a review item hides a fixable shortfall

REVIEW_AND_SHORTFALL = [
    ("71250", {"clinically_unstable": False, "pt_weeks": 8}, "16 more weeks of physical therapy",
     "71250.coverage.4.1"),
    ("64493", {"pain_region": "neck", "pt_weeks": 8}, "4 more weeks of physical therapy",
     "64493.coverage.2.1"),
    ("97110", {"pregnancy": "pregnant", "conservative_weeks": 8},
     "4 more weeks of conservative treatment", "97110.exclusion.2"),
]


@pytest.mark.parametrize(("cpt", "changes", "fix", "review"), REVIEW_AND_SHORTFALL)
def test_check_json_shows_the_fix_and_the_review_together(
        tmp_path: Path, cpt: str, changes: dict[str, Any], fix: str, review: str) -> None:
    verdict = check_json(tmp_path, cpt, _facts(cpt, **changes))
    assert verdict["decision"] == "does_not_meet"
    tq = verdict["to_qualify"]
    assert any(c.startswith(fix) for c in _changes(verdict)), tq
    assert review in tq["review"] and not tq["possible"]
    steps = " ".join(verdict["next_steps"])
    assert f"To qualify: {fix}" in steps and review in steps


def test_check_json_keeps_the_answer_needed_when_a_review_item_is_present(
        tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "97110",
                         _facts("97110", pregnancy="pregnant", conservative_weeks=DROP))
    assert verdict["decision"] == "needs_info"
    assert "Conservative treatment: at least 12 weeks" in _changes(verdict)
    assert verdict["to_qualify"]["review"] == ["97110.exclusion.2"]


@pytest.mark.parametrize(("cpt", "changes", "fix", "review"), REVIEW_AND_SHORTFALL)
def test_conversation_shows_the_fix_and_the_review_together(
        cpt: str, changes: dict[str, Any], fix: str, review: str) -> None:
    turn = converse(cpt, _facts(cpt, **changes))
    assert turn.decision == "does_not_meet", turn.reply
    assert fix in turn.reply and review in turn.reply
    assert "reviewer" in turn.reply


# ------------------------------------------------- a shortfall filed as an open question


@pytest.mark.parametrize(("weeks", "fix"), [(8, "16 more weeks of physical therapy"),
                                            (11.99, "12.01 more weeks of physical therapy")])
def test_check_json_files_a_therapy_shortfall_as_a_fix(tmp_path: Path, weeks: float,
                                                       fix: str) -> None:
    verdict = check_json(tmp_path, "71250", _facts("71250", pt_weeks=weeks))
    change = verdict["to_qualify"]["changes"][0]
    assert change["change"].startswith(fix) and change["kind"] == "fix"
    assert change["clause"] == "71250.coverage.1"  # the failing item, not the review item
    steps = " ".join(verdict["next_steps"])
    assert f"To qualify: {fix}" in steps
    assert "open question" not in steps


def test_conversation_files_a_therapy_shortfall_as_a_fix() -> None:
    turn = converse("71250", _facts("71250", pt_weeks=8))
    assert turn.decision == "does_not_meet"
    assert "16 more weeks of physical therapy" in turn.reply
    assert "open question" not in turn.reply


def test_a_shortfall_just_under_the_threshold_is_not_shown_as_the_threshold(
        tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "71250", _facts("71250", pt_weeks=11.99))
    row = next(c for c in verdict["criteria"] if c["rule"] == "pt-12-weeks")
    assert "11.99 weeks reported" in row["reason"]


# ------------------------------------------------------------------ invented targets

UNKNOWN_LIMITS = {"body_temperature": "Body temperature: at most 38 C",
                  "wbc_count": "White blood cell count: at most 15000 cells/μL",
                  "fio2_percent": "Oxygen requirement (FiO2): at most 60 %"}
SAMPLES = ("Body temperature: 25 C", "White blood cell count: 0 cells",
           "Oxygen requirement (FiO2): 21 % (")


def test_check_json_shows_limits_not_sample_readings(tmp_path: Path) -> None:
    facts = _facts("71250", **dict.fromkeys(UNKNOWN_LIMITS, DROP))
    verdict = check_json(tmp_path, "71250", facts)
    assert verdict["decision"] == "needs_info"
    assert sorted(_changes(verdict)) == sorted(UNKNOWN_LIMITS.values())
    assert all(c["kind"] == "answer" for c in verdict["to_qualify"]["changes"])


def test_conversation_shows_limits_not_sample_readings() -> None:
    # An early denial (8 weeks of therapy) with the temperature unknown: the reply says
    # what temperature would still qualify, not a made-up reading.
    turn = converse("71250", _facts("71250", pt_weeks=8, body_temperature=None))
    assert turn.decision == "does_not_meet"
    assert "Body temperature: at most 38 C" in turn.reply
    assert not any(sample in turn.reply for sample in SAMPLES)


# ------------------------------------------------- temporary exclusions are temporary

TEMPORARY = [("64493", {"active_infection": True}, "64493.exclusion.1"),
             ("71250", {"body_temperature": 39.2}, "71250.exclusion.1.2"),
             ("62311", {"pregnancy": "pregnant"}, "62311.exclusion.2")]


@pytest.mark.parametrize(("cpt", "changes", "clause"), TEMPORARY)
def test_check_json_says_a_temporary_exclusion_lasts_only_while_the_condition_does(
        tmp_path: Path, cpt: str, changes: dict[str, Any], clause: str) -> None:
    verdict = check_json(tmp_path, cpt, _facts(cpt, **changes))
    tq = verdict["to_qualify"]
    assert verdict["decision"] == "does_not_meet"
    assert tq["temporary"] == [clause] and tq["blocking"] == []
    assert "while the condition lasts" in tq["explanation"]
    text = json.dumps(verdict)
    assert "No change to the case can make it qualify" not in text
    assert any(c["kind"] == "resolve" for c in tq["changes"])


@pytest.mark.parametrize(("cpt", "changes", "clause"), TEMPORARY[:2])
def test_conversation_says_a_temporary_exclusion_lasts_only_while_the_condition_does(
        cpt: str, changes: dict[str, Any], clause: str) -> None:
    turn = converse(cpt, _facts(cpt, **changes))
    assert turn.decision == "does_not_meet"
    assert "while the condition lasts" in turn.reply
    assert "No change to the case can make it qualify" not in turn.reply


def test_a_permanent_exclusion_still_says_nothing_can_change_it(tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "64493", _facts("64493", cosmetic_purpose=True))
    assert verdict["to_qualify"]["blocking"] == ["64493.exclusion.5"]
    assert verdict["to_qualify"]["explanation"].startswith("No change to the case")


# ----------------------------- no review-only values, no unchangeable facts as fixes


def test_check_json_offers_only_answers_that_qualify(tmp_path: Path) -> None:
    # Pain region unknown: neck pain would only reach review, so only low back qualifies.
    verdict = check_json(tmp_path, "64493", _facts("64493", pain_region=DROP, pt_weeks=8))
    assert "Pain region: Low back" in _changes(verdict)
    assert not any("Neck" in c for c in _changes(verdict))
    # The ODI result unknown (baseline pain short, so the case is already denied):
    # "no significant improvement" reaches review only.
    verdict = check_json(tmp_path, "62311", _facts(
        "62311", functional_assessment_6_weeks=DROP, conservative_weeks=8))
    assert "Functional assessment over the past 6 weeks (ODI or similar): " \
           "Significant improvement" in _changes(verdict)
    assert not any("No significant improvement" in c for c in _changes(verdict))


def test_check_json_never_offers_an_unchangeable_fact_as_the_fix(tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "64493", _facts("64493", pain_region="other"))
    tq = verdict["to_qualify"]
    assert tq["changes"] == [] and tq["blocking"] == ["64493.coverage.2.1"]
    assert "Pain region: Low back" not in json.dumps(verdict)


def test_conversation_never_offers_an_unchangeable_fact_as_the_fix() -> None:
    turn = converse("64493", _facts("64493", pain_region="other"))
    assert turn.decision == "does_not_meet"
    assert "Pain region: Low back" not in turn.reply
    assert "No change to the case can make it qualify" in turn.reply


# ------------------------------------------------------------- readings revisited


def test_check_json_pain_that_improved_does_not_meet_with_its_reading(tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "62311", _facts("62311", pain_nrs_increase=-3))
    assert verdict["decision"] == "does_not_meet"
    assert "62311.coverage.2" in verdict["cited"]
    assert any("persisted or worsened" in n for n in verdict["notes"])


def test_conversation_pain_that_improved_does_not_meet() -> None:
    turn = converse("62311", _facts("62311", pain_nrs_increase=-3))
    assert turn.decision == "does_not_meet"
    assert "has not persisted or worsened" in turn.reply


def test_readings_kept_on_purpose_say_why(tmp_path: Path) -> None:
    comorbid = check_json(tmp_path, "64493", _facts("64493", severe_comorbidities=["diabetes"]))
    assert any("no judgement to route to a reviewer" in n for n in comorbid["notes"])
    bullets = check_json(tmp_path, "71250", _facts("71250", pneumonia_hospitalization=False,
                                                   bronchodilator_failed=False,
                                                   spo2_room_air=95))
    assert any("failed prior treatments are the exception, on purpose" in n
               for n in bullets["notes"])


# ------------------------------------------------------------------ no dead ends


def _says_what_next(text: str, questions: list[str]) -> bool:
    return any(q in text for q in questions)


INTERNAL_OR_BROKEN = re.compile(
    r"needs_info|does_not_meet|meets_criteria|needs_review|not_met\b|not_applicable|"
    r"\w\(s\)|a new X-rays|set of sets|0\.01 more sessions/week|applies when not")


def test_every_needs_info_reply_in_the_dialogue_suite_lists_a_question_or_says_why_none(
) -> None:
    """Over the whole dialogue suite, in all three media: a reply that still needs
    information says what to do next, and no reply uses internal names or "(s)"."""
    from agent.markdown import reply_markdown
    from evals.runner import SUITE_DIR, find_dialogues, load_dialogue
    from priorauth import web
    from priorauth import web_view as view
    from priorauth.terminal import reply_text

    seen = 0
    for path in find_dialogues([str(SUITE_DIR)]):
        dialogue = load_dialogue(path)
        bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                        as_of=dialogue.as_of)
        for step in dialogue.turns:
            turn = bot.send(dialogue.id, step.user)
            reply = turn.structured
            for text in (turn.reply, reply_text(reply)):
                bad = INTERNAL_OR_BROKEN.search(text.replace("`", ""))
                assert bad is None, f"{dialogue.id}: {bad.group(0)!r} in a reply"
            if reply.summary is None or reply.summary.decision != "needs_info":
                continue
            seen += 1
            questions = [q.question for q in reply.questions or reply.open_questions]
            assert questions, f"{dialogue.id}: a needs-information reply with no question"
            if not reply.questions:
                assert reply.no_questions_why, f"{dialogue.id}: nothing asked and no reason"
            questions_form = json.dumps(view.form_props(web._questions(turn), turn.facts, {}),
                                        ensure_ascii=False) \
                if turn.waiting else ""
            on_web = (view.reply_words(reply, card=True, form=turn.waiting)
                      + json.dumps(view.card_props(reply), ensure_ascii=False) + questions_form)
            for medium, text in (("markdown", reply_markdown(reply)),
                                 ("terminal", reply_text(reply)), ("web", on_web)):
                assert _says_what_next(text, questions), f"{dialogue.id} ({medium})"
    assert seen >= 20  # the suite has needs-information turns in every policy


def test_a_final_needs_info_reply_lists_the_questions_answered_not_sure() -> None:
    from priorauth import web_view as view
    from priorauth.terminal import reply_text

    facts = _facts("64493", active_infection=None)
    turn = converse("64493", facts)
    assert turn.decision == "needs_info" and turn.pending == []
    question = "Does the patient have an active infection (for example sepsis"
    assert question in turn.reply and "not sure" in turn.reply
    assert question in reply_text(turn.structured)
    card = view.card_props(turn.structured)
    assert any(b["question"].startswith(question) for b in card["blocking"])
    assert card["explanation"].startswith("I have nothing new to ask")


# ------------------------------------------------------------------ what I read


def test_a_pasted_note_gets_a_table_of_what_was_read_with_the_users_words() -> None:
    from priorauth.terminal import reply_text

    bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                    as_of=AS_OF)
    turn = bot.send("t", "Does this case qualify for 64493? PT x 14 wks, pain 7/10, "
                         "no active infection, flurb 12 zorgs")
    read = {r.fact: r for r in turn.structured.read}
    assert read["pt_weeks"].words == "PT x 14 wks" and read["pt_weeks"].value == "14 weeks"
    assert len(read) >= 3
    assert "| fact | read as | from your words |" in turn.reply
    assert '| Physical therapy completed | 14 weeks | "PT x 14 wks" |' in turn.reply
    assert "What I read" in reply_text(turn.structured)
    assert "flurb 12 zorgs" in turn.reply  # what could not be read is said too
    one = bot.send("t", "PT x 16 wks")
    assert "What I read" not in one.reply  # one fact: one line, not a table
    assert "Physical therapy completed: 14 weeks → 16 weeks" in one.reply
    assert "Noted: Physical therapy completed" not in one.reply  # said once, as a change


def test_more_open_questions_than_before_come_with_a_reason() -> None:
    # FiO2 above 60% sets the therapy requirements aside (a contraindication); a
    # correction to room air brings them back, and with them more questions.
    bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                    as_of=AS_OF)
    first = bot.send("t", "Does this case qualify for 71250? FiO2 70%")
    later = bot.send("t", "correction: FiO2 21%")
    before, now = len(first.verdict["missing"]), len(later.verdict["missing"])
    assert now > before
    assert f"{now} questions open now, up from {before}" in later.reply
    assert first.structured.open_change is None


# ---------------------------------------------------------------- the criteria table


def test_not_applicable_rows_say_why_in_one_plain_sentence(tmp_path: Path) -> None:
    verdict = check_json(tmp_path, "71250", _facts("71250", severe_comorbidities=["copd"]))
    rows = [c for c in verdict["criteria"] if c["status"] == "not_applicable"]
    assert len(rows) >= 6
    for row in rows:
        assert "applies when" not in row["reason"] and "not (" not in row["reason"]
        assert row["reason"].startswith("Not applied: conservative care is contraindicated")
    verdict = check_json(tmp_path, "62311", _facts("62311", pregnancy="not_applicable"))
    row = next(c for c in verdict["criteria"] if c["status"] == "not_applicable")
    assert row["reason"] == "Does not apply to this patient (Pregnancy: Cannot be pregnant)."


def test_rows_read_at_a_glance_failed_and_review_first_met_last() -> None:
    from priorauth.terminal import reply_text

    turn = converse("64493", _facts("64493", pain_region="neck", pt_weeks=8))
    order = [r.status for r in turn.structured.rows]
    assert order[:2] == ["not_met", "review"] and order[-1] in ("met", "not_applicable")
    assert order == sorted(order, key=["not_met", "review", "unknown", "met",
                                       "not_applicable"].index)
    text = reply_text(turn.structured)
    assert text.index("✗ not met") < text.index("! review") < text.index("✓ met")
    assert turn.reply.index("✗ not met") < turn.reply.index("! for review") < \
        turn.reply.index("✓ met")

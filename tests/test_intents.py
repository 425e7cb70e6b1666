"""Requests the agent answers itself: "what else do you need?" lists the open questions,
"what does 97110 require?" lists the policy's criteria from its criteria file. Neither
is a policy search, and neither changes a fact or the decision."""

from __future__ import annotations

from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.intents import detect
from agent.session import Assistant
from policies.library import load_policy

AS_OF = date(2026, 11, 23)


def assistant() -> Assistant:
    return Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                     as_of=AS_OF)


@pytest.mark.parametrize("text", ["What else do you need?", "what's missing?",
                                  "Anything else?", "ok, what else do you need from me?",
                                  "whats missing", "What do you still need?"])
def test_open_question_requests_are_recognised(text: str) -> None:
    assert detect(text) is not None and detect(text).kind == "open_questions"


@pytest.mark.parametrize(("text", "cpt"), [
    ("What does 97110 require?", "97110"),
    ("What does the CT chest policy require?", "71250"),
    ("what are the criteria for an epidural steroid injection", "62311"),
    ("What does it require?", None),
])
def test_requirement_requests_name_their_procedure(text: str, cpt: str | None) -> None:
    intent = detect(text)
    assert intent is not None and intent.kind == "requirements" and intent.cpt == cpt


@pytest.mark.parametrize("text", ["What imaging does 64493 require?",
                                  "What pain score does the chest CT policy require?",
                                  "How long is an approval valid for 62311?",
                                  "no active infection", "PT x 14 wks"])
def test_specific_questions_and_case_details_are_not_requests(text: str) -> None:
    assert detect(text) is None


def test_what_else_lists_every_open_question_without_searching() -> None:
    bot = assistant()
    before = bot.send("t", "Does this case qualify for 64493? PT x 14 wks, pain 7/10")
    turn = bot.send("t", "What else do you need?")
    assert turn.retrieved == [] and "From the policy text" not in turn.reply
    assert turn.facts == before.facts and turn.decision == before.decision == "needs_info"
    for question in turn.verdict["missing"]:
        assert question["question"] in turn.reply
    assert f"Still open ({len(turn.verdict['missing'])} questions" in turn.reply
    assert turn.pending == before.pending  # and the next ones are asked again


def test_what_else_after_a_decision_says_nothing_else_is_needed_and_why() -> None:
    bot = assistant()
    bot.send("t", "Does this case qualify for 64493? PT x 4 wks")
    turn = bot.send("t", "anything else?")
    assert turn.decision == "does_not_meet"
    assert "Nothing else is needed to decide: the case does not meet the criteria" in turn.reply
    assert "cannot change that, so I do not ask about them now" in turn.reply


def test_what_does_a_policy_require_lists_its_criteria_by_section_with_clause_ids() -> None:
    bot = assistant()
    turn = bot.send("t", "What does 97110 require?")
    assert turn.retrieved == [] and turn.verdict is None
    req = turn.structured.requirements
    assert req is not None and req.cpt == "97110"
    sections = [s.section for s in req.sections]
    assert sections[:2] == ["Coverage criteria", "Medical necessity"]
    assert "Exclusions" in sections and "Documentation" in sections
    policy = load_policy("97110")
    ids = [i.clause for s in req.sections for i in s.items]
    assert all(c in policy.clauses for c in ids)
    assert {r.clauses[0] for r in policy.criteria.rules} <= set(ids)  # every rule
    assert "Conservative treatment: at least 12 weeks (`97110.coverage.1`)" in turn.reply


def test_what_does_it_require_mid_case_keeps_the_case_and_its_questions() -> None:
    bot = assistant()
    before = bot.send("t", "Does this case qualify for 71250? PT x 26 wks")
    turn = bot.send("t", "What does it require?")
    assert turn.structured.requirements.cpt == "71250"
    assert turn.facts == before.facts and turn.pending == before.pending

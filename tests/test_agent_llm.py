"""The agent in LLM mode, against a scripted OpenAI-compatible server on 127.0.0.1.

What the model proposes is `inferred`: the checker never sees it until the user
confirms, so a model can never make a case meet criteria on its own.
"""

from __future__ import annotations

from datetime import date

from langgraph.checkpoint.memory import InMemorySaver
from test_llm import server, settings_for  # noqa: F401 — the scripted model server

from agent.session import Assistant

AS_OF = date(2026, 11, 23)


def test_an_inferred_fact_is_confirmed_before_the_checker_uses_it(server) -> None:  # noqa: F811
    a = Assistant(settings_for(server), checkpointer=InMemorySaver(), as_of=AS_OF)
    server.enqueue({"pt_weeks": {"value": 15, "quote": "physio for three and a bit months"}})
    turn = a.send("t", "Facet injection request. She did physio for three and a bit months.")
    assert turn.cpt == "64493"
    assert turn.facts["pt_weeks"]["origin"] == "inferred"
    assert "pt_weeks" not in turn.verdict["facts"]  # not given to the checker
    assert turn.pending[0] == "pt_weeks"
    assert "is that right? (yes / no)" in turn.reply
    assert "physio for three and a bit months" in turn.reply

    confirmed = a.send("t", "yes")
    assert confirmed.facts["pt_weeks"]["origin"] == "confirmed"
    assert confirmed.verdict["facts"]["pt_weeks"] == 15.0
    assert len(server.requests) == 1  # "yes" needs no model call


def test_a_rejected_inference_is_discarded(server) -> None:  # noqa: F811
    a = Assistant(settings_for(server), checkpointer=InMemorySaver(), as_of=AS_OF)
    server.enqueue({"pt_weeks": {"value": 15, "quote": "physio for three and a bit months"}})
    a.send("t", "Facet injection request. She did physio for three and a bit months.")
    turn = a.send("t", "no")
    assert "pt_weeks" not in turn.facts
    assert "pt_weeks" not in turn.verdict["facts"]


def test_a_model_failure_keeps_the_conversation_going(server) -> None:  # noqa: F811
    a = Assistant(settings_for(server, timeout=0.5), checkpointer=InMemorySaver(),
                  as_of=AS_OF)
    server.enqueue(status=500, body={"error": {"message": "boom"}})
    turn = a.send("t", "Facet injection request. PT x 4 wks. She did physio somewhere odd.")
    assert turn.decision == "does_not_meet"  # the offline reading still decides
    assert "language model" in turn.reply.lower()

"""The model's readings go through the offline reader's context rules (issue 9).

A value the model proposes is checked against the context of its quote in the message,
as :mod:`agent.reading` reads its own mentions: a value that words about someone else,
a plan, the past, a doubt, an unknown, a denial or text the user takes back do not
support is held back with a notice, and the fact stays open for the agent to ask.
Every test talks to the scripted local server (``evals.mock_llm``) over HTTP.
"""

from __future__ import annotations

import logging
from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from test_llm import inferred, server, settings_for, turn  # noqa: F401 - the scripted server

from agent.reading import quote_context
from agent.session import Assistant
from agent.understand import Understanding, understand

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize(("category", "text", "fact", "proposal", "why"), [
    ("negated", "No active infection on exam today, back pain keeps her awake",
     "active_infection", {"value": True, "quote": "No active infection"}, "deny it"),
    ("uncertain", "Possible UTI on exam today, urine culture sent, back pain persists",
     "active_infection", {"value": True, "quote": "Possible UTI"}, "possible or suspected"),
    ("unknown", "Infection status unknown at this point, back pain persists",
     "active_infection", {"value": False, "quote": "Infection status unknown"},
     "not known"),
    ("historical", "UTI last year, now resolved; back pain persists daily",
     "active_infection", {"value": True, "quote": "UTI last year, now resolved"},
     "about the past"),
    ("hypothetical", "Will start 12 weeks of PT next month, back pain persists",
     "pt_weeks", {"value": 12, "quote": "Will start 12 weeks of PT"}, "planned, not done"),
    ("other", "His wife is pregnant and anxious about his back pain",
     "pregnancy", {"value": "pregnant", "quote": "His wife is pregnant"},
     "someone other than the patient"),
    ("disowned", 'Do not use this: "14 weeks of PT" - copied from the wrong template',
     "pt_weeks", {"value": 14, "quote": "14 weeks of PT"}, "not to use those words"),
    ("patient", "Pt with lumbar radiculopathy x 5 months, worse with sitting",
     "pt_weeks", {"value": 21.7, "quote": "Pt with lumbar radiculopathy x 5 months"},
     '"Pt" there means the patient'),
])
def test_a_reading_its_context_contradicts_is_held_back_with_a_notice(
        server, caplog, category, text, fact, proposal, why):  # noqa: F811
    server.enqueue({fact: proposal})
    with caplog.at_level(logging.DEBUG, logger="agent.llm"):
        result = turn(text, Understanding(), settings_for(server))

    assert result.calls == 1 and len(server.requests) == 1  # no extra call to ask
    assert fact not in {r.fact for r in result.understanding.facts}  # never applied
    assert result.held_back == {fact: category}
    [notice] = result.understanding.notices
    assert why in notice and proposal["quote"] in notice and "did not use it" in notice
    assert result.notice is None  # the model worked; it was its reading that failed
    assert proposal["quote"] not in caplog.text  # fact names only in the log
    assert f"{fact} ({category})" in caplog.text


@pytest.mark.parametrize(("text", "fact", "proposal", "value"), [
    # a denial read as a denial
    ("No active infection on exam today, back pain keeps her awake",
     "active_infection", {"value": False, "quote": "No active infection"}, False),
    ("Definitely not expecting, back pain keeps her awake",
     "pregnancy", {"value": "not_pregnant", "quote": "not expecting"}, "not_pregnant"),
    # "resolved" says the infection is not current
    ("UTI last year, now resolved; back pain persists daily",
     "active_infection", {"value": False, "quote": "UTI last year, now resolved"}, False),
    # no context at all
    ("She did physio for fourteen weeks without much relief",
     "pt_weeks", {"value": 14, "quote": "physio for fourteen weeks"}, 14.0),
])
def test_a_reading_that_agrees_with_its_context_is_applied_as_before(
        server, text, fact, proposal, value):  # noqa: F811
    server.enqueue({fact: proposal})
    result = turn(text, Understanding(), settings_for(server))
    got = inferred(result)
    assert got[fact].value == value and got[fact].words == proposal["quote"]
    assert result.held_back == {} and result.understanding.notices == []


def test_only_the_contradicted_reading_is_held_back(server) -> None:  # noqa: F811
    # ("He", not "She": after "His wife ...", her "she" is the wife's, and the model's
    # reading of it would rightly be held back too)
    text = "His wife is pregnant. He has done physio for three and a bit months, no relief."
    offline = understand(text, cpt="64493", pending=[], as_of=AS_OF)
    # the reader states no pregnancy of the wife ("His" makes the patient a man)
    assert ("pregnancy", "pregnant") not in {(r.fact, r.value) for r in offline.facts}
    server.enqueue({"pregnancy": {"value": "pregnant", "quote": "wife is pregnant"},
                    "pt_weeks": {"value": 14, "quote": "physio for three and a bit months"}})
    result = turn(text, Understanding(), settings_for(server))
    assert set(inferred(result)) == {"pt_weeks"}
    assert result.held_back == {"pregnancy": "other"}


def test_the_reader_reports_the_context_of_a_quote() -> None:
    def ctx(text: str, words: str, fact: str) -> frozenset[str]:
        return quote_context(text, words, fact, cpt="64493", as_of=AS_OF)

    assert ctx("Mother had PT for 12 weeks; pt has not had any", "Mother had PT for 12 weeks",
               "pt_weeks") == {"other"}
    assert ctx("PT 8 weeks not 14", "not 14", "pt_weeks") == {"disowned"}
    assert ctx("PT 8 weeks not 14", "PT 8 weeks", "pt_weeks") == frozenset()
    # "no fracture on lumbar XR" denies the fracture, not the X-ray (a record's denial
    # touches it). 64493's X-ray is of the spine, so no chest film here since session 4.
    assert "negated" not in ctx("No fracture on lumbar XR 2026-08-01", "lumbar XR 2026-08-01",
                                "xray_date")
    assert ctx("completed 14 weeks PT; no injections", "completed 14 weeks PT",
               "pt_weeks") == frozenset()
    assert ctx("PT 14 weeks", "not in the message", "pt_weeks") == frozenset()


def test_in_a_conversation_the_held_back_fact_is_not_stored_and_the_user_is_told(
        server) -> None:  # noqa: F811
    a = Assistant(settings_for(server), checkpointer=InMemorySaver(), as_of=AS_OF)
    # (Not "His wife": "his" says the patient is a man, which the offline reader reads.)
    server.enqueue({"pregnancy": {"value": "pregnant", "quote": "The wife is pregnant"}})
    reply = a.send("t", "Facet injection request for lumbar pain. The wife is pregnant "
                        "and due soon.")
    assert reply.cpt == "64493"
    assert "pregnancy" not in reply.facts  # neither stated nor waiting for a yes
    assert "pregnancy" not in reply.verdict["facts"]
    assert reply.decision != "does_not_meet"  # a wife's pregnancy excludes nobody
    assert "someone other than the patient" in reply.reply
    assert "is that right?" not in reply.reply
    assert len(server.requests) == 1

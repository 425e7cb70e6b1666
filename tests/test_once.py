"""`priorauth check --text` reads a text with the chat's own nodes, run once without
LangGraph (`agent.once`): it must read and decide every text exactly as the chat does on
a fresh thread, and start without importing LangGraph."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from langgraph.checkpoint.memory import InMemorySaver
from test_cli import imported_by
from test_llm import server, settings_for  # noqa: F401 — the scripted model server

from agent.config import Settings
from agent.once import apply, run_once
from agent.session import Assistant
from agent.state import State

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "evals" / "reader"
OFFLINE = Settings(understanding="offline")
_THREADS = itertools.count()  # a fresh chat thread for every text


def _notes() -> list[Any]:
    """Every complete note of the corpus (the held-out sets are not read here)."""
    out = []
    for path in sorted((CORPUS / "notes").glob("*/*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(pytest.param(raw["text"], str(raw["cpt"]), raw["as_of"], id=raw["id"]))
    return out


def _items(every: int = 6) -> list[Any]:
    """A spread of the corpus's single-message items (every sixth that opens a case,
    i.e. answers no earlier question)."""
    found = []
    for path in sorted((CORPUS / "items").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["items"]:
            if not raw.get("pending"):
                found.append(pytest.param(raw["text"], str(data["cpt"]),
                                          raw.get("as_of", data["as_of"]), id=raw["id"]))
    return found[::every]


@pytest.fixture(scope="module")
def chat() -> Assistant:
    return Assistant(OFFLINE, checkpointer=InMemorySaver())


def _same_as_chat(chat: Assistant, text: str, cpt: str, as_of: Any,
                  settings: Settings = OFFLINE) -> State:
    day = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of))
    once = run_once(text, cpt=cpt, as_of=day, settings=settings)
    turn = chat.send(f"t{next(_THREADS)}", text, cpt=cpt, as_of=day)
    assert once.verdict == turn.verdict
    assert once.facts == turn.facts
    assert once.pending == turn.pending
    if turn.retrieved:
        # A message read as a question about the policy: the chat answers it from the
        # policy text; one message never searches (a request or policy question gives no
        # reply and no verdict on that path, as test_a_request_or_policy_question_... says).
        assert once.understanding.get("policy_question") and not once.retrieved
        assert once.verdict is None and not once.reply
        return once
    assert once.reply == turn.reply  # notices, what could not be read, the questions
    assert once.reply_data == turn.structured.model_dump(mode="json")
    return once


@pytest.mark.parametrize(("text", "cpt", "as_of"), _notes())
def test_a_complete_note_is_read_and_decided_as_the_chat_does(chat, text, cpt, as_of) -> None:
    once = _same_as_chat(chat, text, cpt, as_of)
    assert once.verdict is not None and once.facts


@pytest.mark.parametrize(("text", "cpt", "as_of"), _items())
def test_a_single_message_is_read_as_the_chat_reads_it(chat, text, cpt, as_of) -> None:
    _same_as_chat(chat, text, cpt, as_of)


@pytest.mark.parametrize("text", [
    "start over: new case, PT x 14 wks, pain 7/10",  # the reset node, then the case
    "PT x 14 wks for 97110 instead",  # another procedure named in the text
    "pain 14/10, PT x 3 weeks",  # a value out of range: a notice, not a fact
])
def test_other_paths_through_the_nodes_agree_with_the_chat(chat, text) -> None:
    _same_as_chat(chat, text, "64493", "2026-11-23")


def test_an_inference_in_llm_mode_waits_for_a_yes_on_both_paths(chat, server) -> None:  # noqa: F811
    text = "Facet injection request. She did physio for three and a bit months."
    proposal = {"pt_weeks": {"value": 15, "quote": "physio for three and a bit months"}}
    server.enqueue(proposal)
    once = run_once(text, cpt="64493", as_of=date(2026, 11, 23), settings=settings_for(server))
    server.enqueue(proposal)
    turn = Assistant(settings_for(server), checkpointer=InMemorySaver()).send(
        "llm", text, cpt="64493", as_of=date(2026, 11, 23))
    assert len(server.requests) == 2  # the settings reached the reading node both times
    assert once.facts["pt_weeks"]["origin"] == "inferred"
    assert (once.verdict, once.facts, once.reply) == (turn.verdict, turn.facts, turn.reply)


@pytest.mark.parametrize("text", ["what else do you need?",
                                  "what imaging does 64493 require?"])
def test_a_request_or_policy_question_gives_no_verdict_on_either_path(chat, text) -> None:
    once = run_once(text, cpt="64493", as_of=date(2026, 11, 23), settings=OFFLINE)
    assert once.verdict is None and not once.retrieved  # no search for one message
    if "else" in text:  # a policy question would search the index on the chat's path
        assert chat.send(f"t{next(_THREADS)}", text, cpt="64493").verdict is None


def test_a_node_update_is_applied_as_langgraph_applies_it() -> None:
    state = apply(State(messages=[{"role": "user", "content": "a"}], turn=1),
                  {"messages": [{"role": "assistant", "content": "b"}], "turn": 2})
    assert [m["content"] for m in state.messages] == ["a", "b"]  # appended (operator.add)
    assert state.turn == 2  # replaced
    with pytest.raises(ValueError, match="not a field"):
        apply(state, {"inboxx": "typo"})


def test_check_text_starts_without_langgraph(tmp_path: Path) -> None:
    done, heavy = imported_by(
        ["check", "--cpt", "64493", "--as-of", "2026-11-23", "--json",
         "--text", "low back pain for 5 months, PT x 4 wks, pain 7/10"],
        ("langgraph", "langchain_core", "langsmith", "chromadb", "onnxruntime"), tmp_path)
    assert heavy == []
    assert json.loads(done.stdout)["facts"]["pt_weeks"] == 4.0

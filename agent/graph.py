"""The intake conversation as a LangGraph graph: the wiring of :mod:`agent.nodes`.

One user message flows: understand → (start over | policy question | update facts →
check) → respond → ask. ``ask`` pauses the thread with ``interrupt()`` until the user
answers; the answer resumes it at ``understand``. The criteria checker is the only
thing that decides; inferred (LLM) facts are not given to it until the user confirms.
The settings are the run's context: ``graph.invoke(..., context=settings)``.
"""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from agent.config import Settings
from agent.nodes import (
    after_respond,
    after_understand,
    ask_node,
    check_node,
    reset_node,
    respond_node,
    retrieve_node,
    understand_node,
    update_facts,
)
from agent.state import State


def build_graph(checkpointer: Any = None) -> Any:
    """The compiled graph; ``checkpointer`` keeps threads (see :mod:`agent.session`)."""
    builder = StateGraph(State, context_schema=Settings)
    builder.add_node("understand", understand_node)
    builder.add_node("reset", reset_node)
    builder.add_node("update_facts", update_facts)
    builder.add_node("check", check_node)
    builder.add_node("retrieve", retrieve_node)
    builder.add_node("respond", respond_node)
    builder.add_node("ask", ask_node)
    builder.add_edge(START, "understand")
    builder.add_conditional_edges("understand", after_understand,
                                  ["reset", "retrieve", "update_facts", "respond"])
    builder.add_edge("reset", "update_facts")  # "start over: new case for 62311, ..."
    builder.add_edge("retrieve", "respond")
    builder.add_edge("update_facts", "check")
    builder.add_edge("check", "respond")
    builder.add_conditional_edges("respond", after_respond, ["ask", END])
    builder.add_edge("ask", "understand")
    return builder.compile(checkpointer=checkpointer)

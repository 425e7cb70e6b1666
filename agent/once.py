"""One message, read and decided by the chat's own nodes, without LangGraph.

``priorauth check --text`` asks one question of a fresh case: read this text, decide
it. The chat's graph (:mod:`agent.graph`) answers that too, but importing LangGraph,
langchain-core and LangSmith costs most of a second, and a single message needs none
of what they give (no thread to keep, no pause for answers). :func:`run_once` runs the
same node functions over the same :class:`~agent.state.State`, on the path a first
message takes through the graph: understand → (start over) → update_facts → check →
respond. Each node's update is applied as LangGraph applies it: a field is replaced,
or combined by the reducer its annotation names (``messages``: ``operator.add``).
A message the graph would route elsewhere (a policy question, a request to the agent
itself) yields no verdict here, as it yields none on a fresh chat thread.
``tests/test_once.py`` checks the two paths agree on the corpus's notes.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from agent.config import Settings
from agent.nodes import (
    after_understand,
    check_node,
    reset_node,
    respond_node,
    understand_node,
    update_facts,
)
from agent.state import State

if TYPE_CHECKING:
    from langgraph.runtime import Runtime


@dataclass(frozen=True)
class _Context:
    """What the nodes read of LangGraph's ``Runtime``: the run's settings."""

    context: Settings


@cache
def _reducers() -> dict[str, Callable[[Any, Any], Any]]:
    """State fields whose updates are combined, not replaced, with their reducer."""
    hints = typing.get_type_hints(State, include_extras=True)
    return {f.name: hints[f.name].__metadata__[0] for f in fields(State)
            if hasattr(hints[f.name], "__metadata__")}


def apply(state: State, update: dict[str, Any]) -> State:
    """``state`` with a node's ``update`` applied, as LangGraph applies it."""
    names = {f.name for f in fields(State)}
    unknown = set(update) - names
    if unknown:  # LangGraph refuses these too (InvalidUpdateError)
        raise ValueError(f"not a field of State: {sorted(unknown)}")
    reducers = _reducers()
    values = {name: getattr(state, name) for name in names}
    for name, value in update.items():
        values[name] = reducers[name](values[name], value) if name in reducers else value
    return State(**values)


def run_once(text: str, *, cpt: str | None = None, as_of: date | None = None,
             settings: Settings | None = None) -> State:
    """The state after the chat's first turn on ``text`` (a fresh thread), stopping
    where the chat would wait for answers. ``cpt`` sets the procedure before the text
    is read, as ``Assistant.send(..., cpt=...)`` does."""
    start: dict[str, Any] = {"inbox": text, "edits": {}}
    if as_of is not None:
        start["as_of"] = as_of.isoformat()
    if cpt is not None:
        start["cpt"] = cpt
    state = apply(State(), start)
    runtime = cast("Runtime[Settings]", _Context(settings or Settings()))
    state = apply(state, understand_node(state, runtime))
    route = after_understand(state)
    if route not in ("reset", "update_facts"):  # a policy question or a request
        return state
    if route == "reset":
        state = apply(state, reset_node(state))
    for node in (update_facts, check_node, respond_node):
        state = apply(state, node(state))
    return state

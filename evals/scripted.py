"""A scripted user: answers the assistant's questions from a worked case's facts.

Used by the agent tests and benchmarks to drive whole intakes without depending on
how a particular note is phrased.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from policies.library import load_policy

CASES_DIR = Path(__file__).resolve().parent.parent / "tests" / "cases"


def say(cpt: str, fact: str, value: Any) -> str:
    """How a nurse would answer the question about ``fact`` when the answer is ``value``."""
    spec = load_policy(cpt).facts[fact]
    if value is None:
        return "not sure"
    if spec.type == "boolean":
        return "yes" if value else "no"
    if spec.type == "number":
        unit = spec.unit if spec.unit in ("weeks", "days", "months", "years") else ""
        return f"{value} {unit}".strip()
    if spec.type == "date":
        return str(value)
    if spec.type == "choice":
        return (spec.choices or {})[value]
    return ", ".join((spec.choices or {})[v] for v in value) if value else "none"


def worked_case(cpt: str, decision: str, as_of: str | None = None) -> dict[str, Any]:
    """The facts of the first worked case of ``cpt`` with ``decision`` (and ``as_of``)."""
    for case in yaml.safe_load((CASES_DIR / f"{cpt}.yaml").read_text(encoding="utf-8")):
        if case["decision"] == decision and (as_of is None or str(case["as_of"]) == as_of):
            return case["facts"]
    raise LookupError(f"no {decision} worked case for {cpt}")


def answer(cpt: str, pending: list[str], facts: dict[str, Any]) -> str:
    """One message answering every pending question, separated by semicolons."""
    return "; ".join(say(cpt, f, facts.get(f)) for f in pending)

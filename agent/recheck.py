"""Policy-change impact: re-run saved cases against the current policies.

A saved case is a conversation's latest recorded verdict (``agent.audit``). Its facts
are the ones the checker was given, and its ``as_of`` date is kept, so only a change
of policy (text, criteria or facts file, i.e. a new version hash) or of the checker
can change the outcome: time passing does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from agent.audit import SavedCase
from policies.checker import decide_case
from policies.errors import PriorAuthError
from policies.library import load_policy


@dataclass(frozen=True)
class Moved:
    """A criterion whose status differs between the saved verdict and the re-check."""

    clause: str
    rule: str
    before: str
    after: str


@dataclass(frozen=True)
class Recheck:
    thread: str | None
    cpt: str
    as_of: str
    decided_at: str
    old_version: str
    new_version: str
    old_decision: str
    new_decision: str
    moved: list[Moved] = field(default_factory=list)
    error: str | None = None
    """Why the saved facts could not be re-checked (e.g. a fact the policy no longer reads
    in the same way); the decision is then reported as unknown."""

    @property
    def changed(self) -> bool:
        return self.new_decision != self.old_decision

    @property
    def policy_changed(self) -> bool:
        return self.new_version != self.old_version

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "changed": self.changed, "policy_changed": self.policy_changed}


def recheck_case(case: SavedCase) -> Recheck:
    """The saved case re-decided under the current policy, on its own as-of date."""
    base = {"thread": case.thread, "cpt": case.cpt, "as_of": case.as_of,
            "decided_at": case.at, "old_version": case.policy_version,
            "old_decision": case.decision}
    try:
        policy = load_policy(case.cpt)
        decision, statuses = decide_case(policy, case.checked, date.fromisoformat(case.as_of),
                                         ignore_unknown=True)
    except PriorAuthError as err:
        return Recheck(**base, new_version="", new_decision="unknown", error=str(err))
    before = {rule: (clause, status) for rule, clause, status in case.statuses}
    moved = []
    for rule in policy.criteria.rules:
        old = before.pop(rule.id, (rule.clauses[0], "absent"))
        if old[1] != statuses[rule.id]:
            moved.append(Moved(clause=rule.clauses[0], rule=rule.id, before=old[1],
                               after=statuses[rule.id]))
    moved += [Moved(clause=clause, rule=rule_id, before=status, after="absent")
              for rule_id, (clause, status) in before.items()]
    return Recheck(**base, new_version=policy.version, new_decision=decision, moved=moved)


def recheck_verdict(verdict: dict[str, Any], *, thread: str | None = None,
                    decided_at: str = "") -> Recheck:
    """A saved verdict (docs/contract.md §3 JSON) re-decided under the current policy."""
    return recheck_case(SavedCase.from_verdict(verdict, thread=thread, at=decided_at))


def recheck_rows(cases: Iterable[SavedCase]) -> list[Recheck]:
    return [recheck_case(case) for case in cases]


def stale_notice(verdict: dict[str, Any] | None) -> str | None:
    """A sentence for a reopened case whose verdict was made under an older policy version."""
    if not verdict:
        return None
    result = recheck_verdict(verdict)
    if not result.policy_changed:
        return None
    if result.error:
        return (f"This case was decided under an older version of the CPT {result.cpt} policy "
                f"({result.old_version[:12]}); it cannot be re-checked as it stands: "
                f"{result.error}")
    outcome = (f"the decision would now be {result.new_decision}" if result.changed
               else "the decision is unchanged")
    moved = f" (moved: {', '.join(m.clause for m in result.moved)})" if result.moved else ""
    return (f"This case was decided on {result.as_of} under an older version of the CPT "
            f"{result.cpt} policy ({result.old_version[:12]}, now {result.new_version[:12]}): "
            f"{result.old_decision} then; re-checked under the current policy, {outcome}"
            f"{moved}. Send any message to update the verdict.")

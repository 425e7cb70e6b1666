"""Properties of the checker that must hold for every policy and every case."""

from __future__ import annotations

import itertools
import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.checker import _rule_facts, candidates, check, decide, rule_status
from policies.facts import to_json
from policies.library import Policy, load_policy, supported_cpts

AS_OF = date(2026, 11, 23)
RANK = {"does_not_meet": 0, "needs_info": 1, "needs_review": 2, "meets_criteria": 3}


class _Case(tuple):
    """(policy, facts) whose repr names the CPT only, so failures print readably."""

    def __repr__(self) -> str:
        return f"case(cpt={self[0].cpt}, facts={self[1]!r})"


@st.composite
def cases(draw: st.DrawFn) -> tuple[Policy, dict[str, object]]:
    """A policy and a partial case: each fact absent, unknown, or a boundary value."""
    policy = load_policy(draw(st.sampled_from(supported_cpts())))
    facts: dict[str, object] = {}
    for name in sorted(policy.facts):
        kind = draw(st.sampled_from(["absent", "absent", "value", "value", "value", "unsure"]))
        if kind == "unsure":
            facts[name] = None
        elif kind == "value":
            facts[name] = to_json(draw(st.sampled_from(candidates(policy, name, AS_OF))))
    return _Case((policy, facts))


def _decision(policy: Policy, facts: dict[str, object]) -> str:
    return check(policy, facts, AS_OF).decision


def _fast_decision(policy: Policy, values: dict[str, object]) -> str:
    """The decision on already-normalised values (the oracle below calls it thousands of times)."""
    return decide(rule_status(r, values, AS_OF) for r in policy.criteria.rules)


def _closeness(policy: Policy, values: dict[str, object]) -> tuple[int, int, int, int]:
    """How close a case is to qualifying: decision first, then fewest open rules."""
    statuses = [rule_status(r, values, AS_OF) for r in policy.criteria.rules]
    return (RANK[decide(statuses)], -statuses.count("not_met"), -statuses.count("unknown"),
            -statuses.count("review"))


def _favourable(policy: Policy, values: dict[str, object], names: list[str]) -> dict[str, object]:
    """Fill ``names`` greedily (two passes) with values closest to qualifying."""
    filled = dict(values)
    for name in names + names:
        filled[name] = max(candidates(policy, name, AS_OF),
                           key=lambda v: _closeness(policy, {**filled, name: v}))
    return filled


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.randoms(use_true_random=False))
def test_definite_decision_never_changes_when_facts_are_added(
        case: tuple[Policy, dict[str, object]], rnd: random.Random) -> None:
    policy, facts = case
    first = _decision(policy, facts)
    if first == "needs_info":
        return
    unstated = [n for n in policy.facts if facts.get(n) is None]
    for name in rnd.sample(unstated, min(len(unstated), 6)):
        facts = {**facts, name: to_json(rnd.choice(candidates(policy, name, AS_OF)))}
        assert _decision(policy, facts) == first, f"adding {name} changed {first}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_missing_fact_has_an_answer_that_changes_the_decision(
        case: tuple[Policy, dict[str, object]]) -> None:
    policy, facts = case
    verdict = check(policy, facts, AS_OF)
    values = {k: v for k, v in verdict_values(policy, facts).items() if v is not None}
    unknown = [n for n in policy.facts if n not in values]
    for missing in verdict.missing:
        name = missing.fact
        pool = candidates(policy, name, AS_OF)
        # Facts sharing a rule with `name` are searched exhaustively (they can mask
        # it, as in "CT or MRI"); the rest are filled favourably around each value.
        partners = sorted({f for r in policy.criteria.rules if name in _rule_facts(r)
                           for f in _rule_facts(r) if f != name and f in unknown})
        others = [n for n in unknown if n != name and n not in partners]
        combos = itertools.islice(itertools.product(
            *[candidates(policy, p, AS_OF) for p in partners]), 500)
        seed = _meeting_case(policy)
        found = any(
            len({_fast_decision(policy, {**base, name: v}) for v in pool}) > 1
            for combo in combos
            for base in [
                # the policy's own meeting worked case fills the rest ...
                {**seed, **values, **dict(zip(partners, combo, strict=True))},
                # ... or, failing that, greedy favourable values around each start
                *(_favourable(policy, {**values, **dict(zip(partners, combo, strict=True)),
                                       name: start}, others) for start in pool)])
        assert found, f"{policy.cpt}: missing fact {name} cannot change the decision"


def _meeting_case(policy: Policy) -> dict[str, object]:
    """The first worked case of the policy that meets the criteria, normalised."""
    from pathlib import Path

    import yaml

    from policies.facts import normalize

    path = Path(__file__).parent / "cases" / f"{policy.cpt}.yaml"
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        if case["decision"] == "meets_criteria" and str(case["as_of"]) == AS_OF.isoformat():
            return normalize(case["facts"], policy.facts, AS_OF)
    return {}


def verdict_values(policy: Policy, facts: dict[str, object]) -> dict[str, object]:
    from policies.facts import normalize

    return normalize(facts, policy.facts, AS_OF)


@settings(max_examples=60, deadline=None)
@given(cases())
def test_missing_facts_that_settle_the_case_alone_come_first(
        case: tuple[Policy, dict[str, object]]) -> None:
    policy, facts = case
    verdict = check(policy, facts, AS_OF)
    flags = [m.settles_alone for m in verdict.missing]
    assert flags == sorted(flags, reverse=True)
    for m in verdict.missing:
        if m.settles_alone and len(verdict.missing) > 1:
            assert any(_decision(policy, {**facts, m.fact: to_json(v)}) != "needs_info"
                       for v in candidates(policy, m.fact, AS_OF))


@settings(max_examples=60, deadline=None)
@given(cases())
def test_every_quote_is_its_source_span(case: tuple[Policy, dict[str, object]]) -> None:
    policy, facts = case
    verdict = check(policy, facts, AS_OF)
    for criterion in verdict.criteria:
        start, end = criterion.quote_span
        assert policy.source[start:end] == criterion.quote
        assert criterion.clause in policy.clauses
    assert set(verdict.cited) <= set(policy.clauses)


@settings(max_examples=40, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_same_inputs_give_byte_identical_json(case: tuple[Policy, dict[str, object]],
                                             rnd: random.Random) -> None:
    policy, facts = case
    shuffled = list(facts.items())
    rnd.shuffle(shuffled)
    first = check(policy, facts, AS_OF).model_dump_json()
    assert check(policy, dict(shuffled), AS_OF).model_dump_json() == first


@settings(max_examples=40, deadline=None)
@given(cases())
def test_decision_follows_the_statuses(case: tuple[Policy, dict[str, object]]) -> None:
    policy, facts = case
    verdict = check(policy, facts, AS_OF)
    statuses = {c.status for c in verdict.criteria}
    if verdict.decision == "meets_criteria":
        assert statuses <= {"met", "not_applicable"} and verdict.valid_until is not None
    if verdict.decision == "does_not_meet":
        assert "not_met" in statuses and verdict.missing == []
        assert verdict.to_qualify is not None
    if verdict.decision == "needs_review":
        assert "review" in statuses and "unknown" not in statuses
    if verdict.decision == "needs_info":
        assert verdict.missing, "needs_info must say what is missing"

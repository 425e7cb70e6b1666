"""The criteria checker: policy + facts + as_of → verdict. Pure and deterministic.

Three-valued logic throughout: a condition is True, False or None (unknown). A rule
turns its condition into a status; the decision follows from the statuses alone:

* any ``not_met`` → ``does_not_meet`` (the stated facts already force it);
* else any ``unknown`` → ``needs_info``;
* else any ``review`` → ``needs_review``;
* else ``meets_criteria``.

"Missing" facts are the unknown ones whose answer can still change the decision;
they are found by trying each fact's boundary values (taken from the thresholds the
rules compare it with), so a fact no answer can matter for is never asked.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from policies import facts as factlib
from policies.facts import Value
from policies.library import Policy
from policies.model import (
    Change,
    ChangeKind,
    Condition,
    Criterion,
    Decision,
    FactSpec,
    MissingFact,
    Rule,
    Status,
    ToQualify,
    Verdict,
)

_ABSENT = object()
Facts = Mapping[str, Value]


def months_before(day: date, months: int) -> date:
    """The same calendar day ``months`` earlier (clamped to the month's end)."""
    year, month0 = divmod(day.month - 1 - months, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def _cutoff(cond: Condition, as_of: date) -> date:
    if cond.within_months is not None:
        return months_before(as_of, cond.within_months)
    return as_of - timedelta(days=cond.within_days or 0)


# ------------------------------------------------------------------ evaluation


def evaluate(cond: Condition, facts: Facts, as_of: date) -> bool | None:
    """Kleene three-valued truth of ``cond``; None when unknown facts decide it."""
    if cond.all_ is not None:
        results = [evaluate(c, facts, as_of) for c in cond.all_]
        return False if False in results else (None if None in results else True)
    if cond.any_ is not None:
        results = [evaluate(c, facts, as_of) for c in cond.any_]
        return True if True in results else (None if None in results else False)
    if cond.not_ is not None:
        inner = evaluate(cond.not_, facts, as_of)
        return None if inner is None else not inner
    value = facts.get(cond.fact or "", None)
    if value is None:
        return None
    op, operand = cond.operator, cond.operand
    if op == "gte":
        return value >= operand  # type: ignore[operator]
    if op == "gt":
        return value > operand  # type: ignore[operator]
    if op == "lte":
        return value <= operand  # type: ignore[operator]
    if op == "lt":
        return value < operand  # type: ignore[operator]
    if op == "is":
        return value is operand
    if op == "in":
        return value in operand  # type: ignore[operator]
    if op == "contains_any":
        return bool(set(value) & set(operand))  # type: ignore[arg-type]
    if op == "contains_all":
        return set(operand) <= set(value)  # type: ignore[arg-type]
    if op in ("within_months", "within_days"):
        return value != factlib.NEVER and value >= _cutoff(cond, as_of)  # type: ignore[operator]
    raise AssertionError(f"unhandled operator {op}")


def rule_status(rule: Rule, facts: Facts, as_of: date) -> Status:
    truth = evaluate(rule.condition, facts, as_of)
    if rule.require is not None:
        outcome: Status = "met" if truth else (rule.effect if truth is False else "unknown")
    else:
        outcome = rule.effect if truth else ("met" if truth is False else "unknown")
    if rule.applies_if is None:
        return outcome
    applies = evaluate(rule.applies_if, facts, as_of)
    if applies is False:
        return "not_applicable"
    if applies is None and outcome != "met":
        return "unknown"
    return outcome


def decide(statuses: Iterable[Status]) -> Decision:
    seen = set(statuses)
    if "not_met" in seen:
        return "does_not_meet"
    if "unknown" in seen:
        return "needs_info"
    if "review" in seen:
        return "needs_review"
    return "meets_criteria"


def _rule_facts(rule: Rule) -> list[str]:
    names = rule.condition.facts()
    if rule.applies_if is not None:
        names += [f for f in rule.applies_if.facts() if f not in names]
    return names


# ------------------------------------------------------------ boundary values


def _leaves(cond: Condition) -> Iterable[Condition]:
    if cond.fact is not None:
        yield cond
    for child in cond.children():
        yield from _leaves(child)


def candidates(policy: Policy, name: str, as_of: date) -> list[Value]:
    """Values of ``name`` on each side of every threshold the rules compare it with."""
    spec = policy.facts[name]
    if spec.type == "boolean":
        return [True, False]
    if spec.type == "choice":
        return list(spec.choices or {})
    leaves = [leaf for rule in policy.criteria.rules
              for cond in filter(None, (rule.condition, rule.applies_if))
              for leaf in _leaves(cond) if leaf.fact == name]
    if spec.type == "set":
        keys = list(spec.choices or {})
        operands = [frozenset(leaf.operand) for leaf in leaves  # type: ignore[arg-type]
                    if leaf.operator == "contains_all"]
        return list(dict.fromkeys([frozenset(), *(frozenset([k]) for k in keys), *operands,
                                   frozenset(keys)]))
    if spec.type == "date":
        days = {as_of}
        for leaf in leaves:
            cut = _cutoff(leaf, as_of)
            days |= {cut, cut - timedelta(days=1)}
        return [*sorted(days, reverse=True), factlib.NEVER]
    assert spec.min is not None and spec.max is not None
    values = {spec.min, spec.max}
    for leaf in leaves:
        t = float(leaf.operand)  # type: ignore[arg-type]
        values |= {t, t - 0.01, t + 0.01}
    return sorted(v for v in values if spec.min <= v <= spec.max)


# -------------------------------------------------------------------- reasons


def need_words(cond: Condition, spec: FactSpec, as_of: date) -> str:
    """What a leaf condition asks for, in words: "at least 12 weeks", "yes"."""
    return _need(cond, spec, as_of)


def _need(cond: Condition, spec: FactSpec, as_of: date) -> str:
    op, operand = cond.operator, cond.operand
    if op in ("gte", "gt", "lte", "lt"):
        unit = f" {factlib.unit_word(spec.unit, float(operand))}" if spec.unit else ""  # type: ignore[arg-type]
        words = {"gte": "at least", "gt": "more than", "lte": "at most", "lt": "less than"}[op]
        return f"{words} {factlib._fmt(float(operand))}{unit}"  # type: ignore[arg-type]
    if op == "is":
        return "yes" if operand else "no"
    if op in ("in", "contains_any", "contains_all"):
        labels = [(spec.choices or {}).get(v, v) for v in operand]  # type: ignore[union-attr]
        joiner = {"in": "one of", "contains_any": "any of", "contains_all": "all of"}[op]
        return labels[0] if len(labels) == 1 else f"{joiner} {', '.join(labels)}"
    span = (f"{cond.within_months} months" if cond.within_months is not None
            else f"{cond.within_days} days")
    return f"within the past {span} (on or after {_cutoff(cond, as_of).isoformat()})"


def _leaf_reason(cond: Condition, policy: Policy, facts: Facts, as_of: date,
                 excluding: bool) -> str:
    spec = policy.facts[cond.fact or ""]
    have = factlib.describe(spec, facts.get(cond.fact or ""), stated=cond.fact in facts)
    need = _need(cond, spec, as_of)
    test = f"excluded when {need}" if excluding else f"{need} required"
    return f"{spec.label}: {have}{' reported' if cond.fact in facts else ''}; {test}"


def _describe(cond: Condition, policy: Policy, facts: Facts, as_of: date,
              excluding: bool) -> str:
    if cond.fact is not None:
        return _leaf_reason(cond, policy, facts, as_of, excluding)
    parts = [_describe(c, policy, facts, as_of, excluding) for c in cond.children()]
    if cond.not_ is not None:
        return f"not ({parts[0]})"
    joined = " — or — ".join(parts) if cond.any_ is not None else "; ".join(parts)
    return f"({joined})" if len(parts) > 1 and cond.any_ is not None else joined


def _reason(rule: Rule, status: Status, policy: Policy, facts: Facts, as_of: date) -> str:
    if status == "not_applicable" and rule.applies_if is not None:
        if rule.not_applicable:
            return rule.not_applicable
        # One plain sentence naming the stated facts that rule it out, not the logic.
        stated = [f for f in rule.applies_if.facts() if facts.get(f) is not None]
        words = "; ".join(f"{policy.facts[f].label}: "
                          f"{factlib.describe(policy.facts[f], facts.get(f))}" for f in stated)
        return f"Does not apply to this patient ({words})." if words else \
            "Does not apply to this patient."
    joined = _describe(rule.condition, policy, facts, as_of, rule.exclude is not None)
    if rule.explain and status in ("review", "not_met"):
        return f"{rule.explain} ({joined})"
    return joined


# -------------------------------------------------------------------- missing


@dataclass
class _RuleState:
    rule: Rule
    status: Status


def _feasible(rule: Rule, policy: Policy, facts: Facts, as_of: date,
              unknown: list[str]) -> dict[tuple[Value, ...], Status]:
    """Status of ``rule`` for every combination of boundary values of ``unknown``."""
    pools = [candidates(policy, f, as_of) for f in unknown]
    out: dict[tuple[Value, ...], Status] = {}
    for combo in itertools.product(*pools):
        trial = {**facts, **dict(zip(unknown, combo, strict=True))}
        out[combo] = rule_status(rule, trial, as_of)
    return out


class _Solver:
    """Whether some answers to the unknown facts put every given rule in an allowed status.

    Rules are split into groups that share unknown facts; each group is searched
    depth-first over the facts' boundary values, abandoning a branch as soon as one
    of its rules is definitely outside the allowed statuses. Results are memoised on
    the group and the values it sees.
    """

    def __init__(self, policy: Policy, as_of: date, budget: int = 50_000) -> None:
        self.policy, self.as_of, self.budget = policy, as_of, budget
        self.memo: dict[tuple[object, ...], bool] = {}

    def satisfiable(self, rules: list[Rule], facts: Facts, allowed: frozenset[str]) -> bool:
        groups: list[tuple[list[Rule], list[str]]] = []
        for rule in rules:
            open_facts = [f for f in _rule_facts(rule) if facts.get(f) is None]
            if not open_facts:
                if rule_status(rule, facts, self.as_of) not in allowed:
                    return False
                continue
            joined = [g for g in groups if set(g[1]) & set(open_facts)]
            merged_rules = [r for g in joined for r in g[0]] + [rule]
            merged_facts = list(dict.fromkeys([f for g in joined for f in g[1]] + open_facts))
            groups = [g for g in groups if g not in joined] + [(merged_rules, merged_facts)]
        return all(self._group(g_rules, g_facts, facts, allowed) for g_rules, g_facts in groups)

    def _group(self, rules: list[Rule], names: list[str], facts: Facts,
               allowed: frozenset[str]) -> bool:
        seen = sorted({f for r in rules for f in _rule_facts(r)})
        key = (tuple(r.id for r in rules), allowed, tuple(repr(facts.get(f)) for f in seen))
        if key in self.memo:
            return self.memo[key]
        by_fact = {f: [r for r in rules if f in _rule_facts(r)] for f in names}
        trial = dict(facts)
        pools = [candidates(self.policy, f, self.as_of) for f in names]

        def search(i: int) -> bool:
            if i == len(names) or self.budget <= 0:
                return True  # out of budget: assume it can (never hides a question)
            for value in pools[i]:
                self.budget -= 1
                trial[names[i]] = value
                if all(rule_status(r, trial, self.as_of) in allowed or
                       rule_status(r, trial, self.as_of) == "unknown" for r in by_fact[names[i]]) \
                        and search(i + 1):
                    return True
            trial.pop(names[i], None)
            return False

        self.memo[key] = search(0)
        return self.memo[key]


_MET = frozenset({"met", "not_applicable"})
_MET_OR_REVIEW = frozenset({"met", "not_applicable", "review"})


def _settled(policy: Policy, states: list[_RuleState], facts: Facts, as_of: date) -> Decision:
    """The decision every answer to the remaining unknown facts leads to."""
    fixed = [s.status for s in states if s.status != "unknown"]
    unknown = [s.rule for s in states if s.status == "unknown"]
    solver = _Solver(policy, as_of)
    rest: Status = ("met" if solver.satisfiable(unknown, facts, _MET) else
                    "review" if solver.satisfiable(unknown, facts, _MET_OR_REVIEW) else
                    "not_met")
    return decide([*fixed, rest])


def _missing(policy: Policy, states: list[_RuleState], facts: Facts,
             as_of: date, *, first_only: bool = False) -> list[MissingFact]:
    """Unknown facts some answer to which changes the decision, most decisive first.

    For each unknown fact, the other facts of the rules reading it are tried at
    every combination of boundary values; the fact is relevant when, for some such
    combination, two of its values give different decisions while every remaining
    rule can still end up passing (or, failing that, at worst in review) — checked
    jointly, since facts are shared between rules.
    """
    unknown_rules = [s.rule for s in states if s.status == "unknown"]
    if not unknown_rules or any(s.status == "not_met" for s in states):
        return []
    fixed = [s.status for s in states if s.status != "unknown"]
    solver = _Solver(policy, as_of)
    open_facts = list(dict.fromkeys(
        f for r in unknown_rules for f in _rule_facts(r) if facts.get(f) is None))
    relevant: dict[str, list[str]] = {}
    for name in open_facts:
        own = [r for r in unknown_rules if name in _rule_facts(r)]
        others = [r for r in unknown_rules if r not in own]
        partners = list(dict.fromkeys(
            f for r in own for f in _rule_facts(r) if f != name and facts.get(f) is None))
        values = candidates(policy, name, as_of)
        combos = itertools.islice(itertools.product(
            *[candidates(policy, p, as_of) for p in partners]), 2000)
        for combo in combos:
            base = {**facts, **dict(zip(partners, combo, strict=True))}
            outcomes = [[rule_status(r, {**base, name: v}, as_of) for r in own] for v in values]
            if all(o == outcomes[0] for o in outcomes):
                continue
            if solver.satisfiable(others, base, _MET):
                rest: list[Status] = ["met"]
            elif solver.satisfiable(others, base, _MET_OR_REVIEW):
                rest = ["review"]
            else:
                continue
            if len({decide([*fixed, *o, *rest]) for o in outcomes}) > 1:
                relevant[name] = [r.id for r in own]
                break
        if first_only and relevant:
            break  # whether any fact is missing is all that is asked (decide_case)
    by_id = {s.rule.id: s.rule for s in states}
    order = {s.rule.id: i for i, s in enumerate(states)}
    result: list[tuple[tuple[int, int, int], MissingFact]] = []
    for name, rule_ids in relevant.items():
        spec = policy.facts[name]
        settles = len(relevant) == 1 or any(
            decide(rule_status(s.rule, {**facts, name: value}, as_of) for s in states)
            != "needs_info"
            for value in candidates(policy, name, as_of)
        )
        clauses: list[str] = []
        for rule_id in rule_ids:
            clauses += [c for c in by_id[rule_id].clauses[:1] if c not in clauses]
        key = (0 if settles else 1, -len(rule_ids), min(order[r] for r in rule_ids))
        result.append((key, MissingFact(
            fact=name, question=spec.question, clauses=clauses, type=spec.type,
            choices=dict(spec.choices) if spec.choices else None, unit=spec.unit,
            answered_unsure=name in facts, settles_alone=settles)))
    return [m for _, m in sorted(result, key=lambda item: (item[0], item[1].fact))]


# ----------------------------------------------------------------- to qualify


def count(n: int, noun: str, plural: str | None = None) -> str:
    """"1 question", "3 questions": no "question(s)" in anything a person reads."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _stated_words(spec: FactSpec, value: object) -> str:
    return factlib.describe(spec, value)  # type: ignore[arg-type]


def _change_text(policy: Policy, name: str, old: object, new: Value, as_of: date,
                 working: Facts | None = None) -> str:
    """A stated fact that falls short, and what it would have to become."""
    spec = policy.facts[name]
    noun = spec.noun or spec.label.lower()
    if spec.type == "number" and isinstance(new, float) and isinstance(old, float):
        rate = spec.unit is not None and ("/" in spec.unit or spec.unit in ("%", "C", "points"))
        if new > old and not rate:
            delta = round(new - old, 2)
            unit = factlib.unit_word(spec.unit, delta)
            return (f"{factlib._fmt(delta)} more {unit} of {noun} "
                    f"({_stated_words(spec, old)} reported, {_stated_words(spec, new)} needed)")
        return f"{spec.label}: {_limit_words(policy, name, {name: new}, as_of)} " \
               f"({_stated_words(spec, old)} reported)"
    if spec.type == "date" and isinstance(new, date):
        had = "none done so far" if old == factlib.NEVER else \
            f"the one on file is from {_stated_words(spec, old)}"
        # The earliest day a rule reading it is met, as the criteria rows say it ("on or
        # after 2025-12-06"), not the search's trial day just before the cut-off, which a
        # rule passes only by not applying to it (outside tester 30 C8: "on or after
        # 2025-12-05" beside the row's "on or after 2025-12-06").
        limit = _limit_words(policy, name, {**(working or {}), name: new}, as_of)
        if not limit.startswith("on or after "):
            limit = f"on or after {new.isoformat()}"
        return f"{noun[:1].upper()}{noun[1:]} dated {limit} ({had})"
    return f"{spec.label}: {factlib.describe(spec, new)} ({_stated_words(spec, old)} reported)"


def _passing(policy: Policy, name: str, working: Facts, rules: list[Rule],
             as_of: date) -> list[Value]:
    """Boundary values of ``name`` with which every rule reading it passes."""
    reading = [r for r in rules if name in _rule_facts(r)]
    return [v for v in candidates(policy, name, as_of)
            if all(rule_status(r, {**working, name: v}, as_of) in ("met", "not_applicable")
                   for r in reading)]


def _number_limit(spec: FactSpec, passing: list[float], thresholds: set[float]) -> str:
    lo, hi = min(passing), max(passing)
    parts, last = [], lo
    if spec.min is not None and lo > spec.min:
        last = lo if lo in thresholds else round(lo - 0.01, 2)
        parts.append(f"{'at least' if lo in thresholds else 'more than'} {factlib._fmt(last)}")
    if spec.max is not None and hi < spec.max:
        last = hi if hi in thresholds else round(hi + 0.01, 2)
        parts.append(f"{'at most' if hi in thresholds else 'below'} {factlib._fmt(last)}")
    unit = f" {factlib.unit_word(spec.unit, last)}" if spec.unit else ""
    return (" and ".join(parts) or "any value") + unit


def _limit_words(policy: Policy, name: str, working: Facts, as_of: date,
                 rules: list[Rule] | None = None) -> str:
    """The answers to ``name`` that qualify, as a limit ("at most 38 C", "Low back"),
    never one sample reading."""
    spec = policy.facts[name]
    rules = policy.criteria.rules if rules is None else rules
    passing = _passing(policy, name, working, rules, as_of)
    if not passing:
        return factlib.describe(spec, working.get(name))  # type: ignore[arg-type]
    if spec.type == "boolean":
        return "yes" if passing == [True] else "no" if passing == [False] else "yes or no"
    if spec.type == "choice":
        labels = [(spec.choices or {}).get(str(v), str(v)) for v in passing]
        return labels[0] if len(labels) == 1 else "one of " + ", ".join(labels)
    if spec.type == "date":
        days = [v for v in passing if isinstance(v, date)]
        # A date so old that a rule reading it no longer applies passes too (71250's PFT
        # window applies to tests within 1,200 months): the limit is the earliest date
        # that meets a rule, never "on or after 1926-12-02" (outside tester session 11 C2).
        reading = [r for r in rules if name in _rule_facts(r)]
        met = [d for d in days if any(rule_status(r, {**working, name: d}, as_of) == "met"
                                      for r in reading)]
        days = met or days
        return f"on or after {min(days).isoformat()}" if days else "any date, or never done"
    if spec.type == "set":
        sets = [v for v in passing if isinstance(v, frozenset)]
        if frozenset() in sets:
            bad = [(spec.choices or {})[k] for k in (spec.choices or {})
                   if frozenset([k]) not in sets]
            return "none of " + ", ".join(bad) if bad else "any"
        smallest = min(sets, key=len)
        return "all of " + ", ".join((spec.choices or {}).get(k, k) for k in sorted(smallest))
    thresholds = {float(leaf.operand) for r in rules  # type: ignore[arg-type]
                  for cond in filter(None, (r.condition, r.applies_if))
                  for leaf in _leaves(cond) if leaf.fact == name}
    return _number_limit(spec, [float(v) for v in passing], thresholds)  # type: ignore[arg-type]


def _closest(policy: Policy, name: str, facts: Facts, as_of: date) -> list[Value]:
    """Boundary values ordered so the smallest change from the stated value comes first."""
    pool = candidates(policy, name, as_of)
    current = facts.get(name)
    if isinstance(current, float):
        return sorted(pool, key=lambda v: abs(v - current))  # type: ignore[operator]
    if policy.facts[name].type == "date":
        return sorted(v for v in pool if isinstance(v, date))  # the oldest that qualifies
    return pool


def _fix_rule(policy: Policy, rule: Rule, facts: Facts, as_of: date,
              changeable: list[str]) -> dict[str, Value] | None:
    """The fewest values of ``changeable`` facts that make ``rule`` pass, or None."""
    for size in range(1, len(changeable) + 1):
        for subset in itertools.combinations(changeable, size):
            pools = [_closest(policy, f, facts, as_of) for f in subset]
            for combo in itertools.product(*pools):
                trial = {**facts, **dict(zip(subset, combo, strict=True))}
                if rule_status(rule, trial, as_of) in ("met", "not_applicable"):
                    return dict(zip(subset, combo, strict=True))
    return None


_OPEN = ("not_met", "unknown", "review")


@dataclass
class _Plan:
    """What the to-qualify search found: facts changed (with the rules they serve) and
    the clauses no change settles."""

    working: dict[str, Value]
    served: dict[str, list[Rule]]
    blocking: list[Rule]
    review: list[Rule]
    temporary: list[Rule]


def _plan(policy: Policy, states: list[_RuleState], facts: Facts, as_of: date) -> _Plan:
    """Fixes applied cumulatively and re-checked, so when two rules need the same fact at
    different levels (12 weeks to meet, 24 to avoid review) the most demanding one wins.

    A rule no fact can fix (an unchangeable fact, a judgement) is set aside as blocking
    or for review; the search still finds the fixes for every other rule, so a review
    item never hides a shortfall that can be fixed. A stated fact is changed only for a
    rule that more treatment or documentation can satisfy, or a passing condition.
    """
    plan = _Plan(dict(facts), {}, [], [], [])
    for s in states:
        if s.status == "not_met" and s.rule.temporary:
            plan.temporary.append(s.rule)
        elif s.status == "not_met" and not s.rule.can_fix:
            plan.blocking.append(s.rule)
        elif s.status == "review" and not s.rule.can_fix:
            plan.review.append(s.rule)
    set_aside = {r.id for r in plan.blocking + plan.review}
    for _round in range(4):
        open_rules = [r for r in policy.criteria.rules if r.id not in set_aside
                      and rule_status(r, plan.working, as_of) in _OPEN]
        if not open_rules or plan.blocking:
            break
        for rule in open_rules:
            if rule_status(rule, plan.working, as_of) not in _OPEN:
                continue
            names = _rule_facts(rule)
            changeable = names if rule.can_fix or rule.temporary else \
                [f for f in names if facts.get(f) is None]
            fix = _fix_rule(policy, rule, plan.working, as_of, changeable)
            if fix is None:
                (plan.review if rule.effect == "review" and
                 rule_status(rule, plan.working, as_of) == "review" else
                 plan.blocking).append(rule)
                set_aside.add(rule.id)
                continue
            plan.working.update(fix)
            for f in fix:
                plan.served.setdefault(f, []).append(rule)
    return plan


def _to_qualify(policy: Policy, states: list[_RuleState], facts: Facts,
                as_of: date) -> ToQualify:
    """What would make the case meet the criteria: fixes to shortfalls, the answers that
    qualify, conditions that must resolve, and what a reviewer must still decide."""
    plan = _plan(policy, states, facts, as_of)
    review = list(dict.fromkeys(r.clauses[0] for r in plan.review))
    temporary = list(dict.fromkeys(r.clauses[0] for r in plan.temporary))
    if plan.blocking:
        blocking = list(dict.fromkeys(r.clauses[0] for r in plan.blocking))
        return ToQualify(possible=False, changes=[], blocking=blocking, review=review,
                         temporary=temporary,
                         explanation=_blocked_explanation(policy, plan.blocking, facts,
                                                          as_of, blocking))
    kept = [r for r in policy.criteria.rules if r not in plan.review]
    changes = []
    for f, rules in plan.served.items():
        if plan.working[f] == facts.get(f, _ABSENT):
            continue
        clauses = list(dict.fromkeys(r.clauses[0] for r in rules))
        spec = policy.facts[f]
        if any(r.temporary for r in rules) and facts.get(f) is not None:
            kind: ChangeKind = "resolve"
            text = f"{spec.label}: {_limit_words(policy, f, plan.working, as_of, kept)} " \
                   f"({_stated_words(spec, facts.get(f))} now)"
        elif facts.get(f) is None:
            kind = "answer"
            text = f"{spec.label}: {_limit_words(policy, f, plan.working, as_of, kept)}"
        else:
            kind = "fix"
            text = _change_text(policy, f, facts.get(f), plan.working[f], as_of, plan.working)
        changes.append(Change(fact=f, clause=clauses[0], change=text, kind=kind,
                              clauses=clauses))
    return ToQualify(possible=not review, changes=changes, review=review,
                     temporary=temporary,
                     explanation=_qualify_explanation(changes, review, temporary))


def _remeasured(policy: Policy, rule: Rule, facts: Facts, as_of: date) -> list[str]:
    """What a new assessment would have to show for ``rule`` to pass, where every stated
    fact it reads was measured (a pain score, an FEV1: ``measured`` in the catalogue);
    empty where the rule rests on anything else (a region, a permanent exclusion)."""
    stated = [f for f in _rule_facts(rule) if facts.get(f) is not None]
    if not stated or not all(policy.facts[f].measured for f in stated):
        return []
    fix = _fix_rule(policy, rule, dict(facts), as_of, stated)
    if fix is None:
        return []
    return [f"{policy.facts[f].label}: {_limit_words(policy, f, {**facts, **fix}, as_of, [rule])}"
            f" ({_stated_words(policy.facts[f], facts.get(f))} now)" for f in fix]


def _blocked_explanation(policy: Policy, rules: list[Rule], facts: Facts, as_of: date,
                         clauses: list[str]) -> str:
    """Why nothing the nurse can add makes the case qualify. A rule failed only by a
    measured value is not closed for good: a new assessment may meet it, and saying "no
    change can make it qualify" would be false (outside tester 28 C5: a new PFT, a new
    pain score); it is never a value to put in, only one a new assessment documents."""
    new = [_remeasured(policy, r, facts, as_of) for r in rules]
    if not all(new):
        return (f"No change to the case can make it qualify: {', '.join(clauses)} cannot be "
                "satisfied by more treatment, documentation or answers.")
    shown = list(dict.fromkeys(w for words in new for w in words))
    return (f"On the values recorded it cannot qualify: {', '.join(clauses)} "
            f"{'rests' if len(clauses) == 1 else 'rest'} on a measured value, which more "
            "treatment, documentation or answers do not change. Only a new assessment, "
            f"documented in the record, could meet it: {'; '.join(shown)}.")


def _qualify_explanation(changes: list[Change], review: list[str],
                         temporary: list[str]) -> str:
    parts = []
    if temporary:
        parts.append(f"The case does not qualify while the condition lasts "
                     f"({', '.join(temporary)}); re-check when it resolves.")
    fixes = sum(c.kind == "fix" for c in changes)
    answers = sum(c.kind == "answer" for c in changes)
    if fixes:
        parts.append(f"{count(fixes, 'shortfall')} to make up.")
    if answers:
        parts.append(f"{count(answers, 'fact')} not yet stated must have the answers shown.")
    if review:
        parts.append(f"A clinician reviewer must still decide {', '.join(review)}: no "
                     "change of facts settles it.")
    elif changes:
        parts.append("With these the case would meet the criteria.")
    return " ".join(parts)


# -------------------------------------------------------------------- verdict


def _notes(policy: Policy, rules: Iterable[Rule]) -> list[str]:
    wanted: list[str] = []
    for rule in rules:
        wanted += [i for i in rule.interpretations if i not in wanted]
    by_id = {i.id: i for i in policy.criteria.interpretations}
    notes = list(policy.criteria.policy.notes)
    for interp_id in wanted:
        item = by_id[interp_id]
        notes.append(f"[{', '.join(item.clauses)}] {item.issue} Reading: {item.reading} "
                     f"Why: {item.why}")
    return notes


def _titled(policy: Policy, clauses: list[str]) -> str:
    return ", ".join(f"{policy.clauses[c].title} ({c})" if c in policy.clauses else c
                     for c in clauses)


def _denial_steps(policy: Policy, tq: ToQualify) -> list[str]:
    """What to do about an early or definite denial: the fixes, the conditions that must
    resolve, the answers still to come (and why they are not asked now), the reviews."""
    if tq.blocking:
        return [tq.explanation]
    steps = []
    resolve = [c for c in tq.changes if c.kind == "resolve"]
    if tq.temporary:
        steps.append(f"The case does not qualify while the condition lasts "
                     f"({_titled(policy, tq.temporary)}); re-check when it resolves"
                     + (": " + "; ".join(c.change for c in resolve) if resolve else "") + ".")
    steps += [f"To qualify: {c.change} ({c.clause})." for c in tq.changes if c.kind == "fix"]
    answers = [c for c in tq.changes if c.kind == "answer"]
    if answers:
        one = len(answers) == 1
        steps.append(f"Then {count(len(answers), 'fact')} not yet stated "
                     f"{'decides' if one else 'decide'} the case (listed under what would "
                     f"make it qualify); {'it is' if one else 'they are'} not asked now "
                     f"because no answer changes today's decision.")
    if tq.review:
        steps.append(f"A clinician reviewer must still decide {_titled(policy, tq.review)}: "
                     "no change of facts settles it.")
    return steps


def _next_steps(policy: Policy, decision: Decision, states: list[_RuleState],
                missing: list[MissingFact], to_qualify: ToQualify | None,
                valid_until: date | None) -> list[str]:
    auth = policy.criteria.authorization
    steps: list[str] = []
    if decision == "meets_criteria":
        steps.append(f"Submit the authorization request with the documentation the policy "
                     f"lists ({policy.cpt}.documentation).")
        steps.append(f"Authorization is valid for {auth.valid_days} days "
                     f"({auth.valid_clause}); if granted today it runs until {valid_until}.")
    elif decision == "needs_info":
        steps.append(("Answer the open question: " if len(missing) == 1 else
                      f"Answer the {len(missing)} open questions, most decisive first: ")
                     + missing[0].question if missing else "Gather the missing facts.")
    elif decision == "needs_review":
        clauses = [s.rule.clauses[0] for s in states if s.status == "review"]
        steps.append("Route to a clinician reviewer: the outcome rests on judgement in "
                     f"{_titled(policy, list(dict.fromkeys(clauses)))}.")
    else:
        if to_qualify is not None:
            steps += _denial_steps(policy, to_qualify)
        steps.append(f"If the payer denies the request: {auth.on_denial} ({auth.on_denial_clause})")
    return steps


def check(policy: Policy, facts: Mapping[str, object], as_of: date, *,
          ignore_unknown: bool = False) -> Verdict:
    """The verdict for ``facts`` under ``policy`` on ``as_of``.

    ``facts`` may hold raw values ("14 weeks", "2026-08-20"); they are validated and
    normalised first, raising :class:`policies.errors.FactError` for bad input.
    Facts no rule of this policy reads are an error unless ``ignore_unknown``
    (the chat carries facts over between policies).
    """
    values = factlib.normalize(facts, policy.facts, as_of, ignore_unknown=ignore_unknown,
                               context=f" for CPT {policy.cpt}")
    states = [_RuleState(r, rule_status(r, values, as_of)) for r in policy.criteria.rules]
    decision = decide(s.status for s in states)
    missing = _missing(policy, states, values, as_of)
    if decision == "needs_info" and not missing:
        # Unknown facts remain, but no answer to them can change the outcome (neck pain
        # already sends a case to review; a nerve block can only add another review).
        decision = _settled(policy, states, values, as_of)
    relied_on = {
        "does_not_meet": ("not_met",),
        "needs_info": ("unknown",),
        "needs_review": ("review",),
        "meets_criteria": ("met",),
    }[decision]
    cited_states = [s for s in states if s.status in relied_on]
    # Every clause a relied-on rule stands for: a failing PT rule is both the coverage
    # item and the "lack of conservative treatment" exclusion it encodes.
    cited = list(dict.fromkeys(c for s in cited_states for c in s.rule.clauses))
    to_qualify = (_to_qualify(policy, states, values, as_of)
                  if decision in ("does_not_meet", "needs_info") else None)
    auth = policy.criteria.authorization
    valid_until = (as_of + timedelta(days=auth.valid_days)
                   if decision == "meets_criteria" else None)
    notes_from = [s.rule for s in cited_states] + [s.rule for s in states
                                                   if s.status == "review"]
    criteria = []
    for state in states:
        rule = state.rule
        quote = policy.quotes[rule.id]
        clause = policy.clauses[rule.clauses[0]]
        criteria.append(Criterion(
            clause=clause.id, title=clause.title, status=state.status,
            reason=_reason(rule, state.status, policy, values, as_of),
            facts=_rule_facts(rule), quote=quote.text, quote_span=(quote.start, quote.end),
            rule=rule.id, clauses=list(rule.clauses)))
    return Verdict(
        cpt=policy.cpt, procedure=policy.procedure, policy_version=policy.version,
        as_of=as_of, decision=decision, criteria=criteria, missing=missing, cited=cited,
        notes=_notes(policy, notes_from),
        next_steps=_next_steps(policy, decision, states, missing, to_qualify, valid_until),
        valid_until=valid_until, to_qualify=to_qualify,
        facts={k: factlib.to_json(v) for k, v in sorted(values.items())},
    )


def decide_case(policy: Policy, facts: Mapping[str, object], as_of: date, *,
                ignore_unknown: bool = False) -> tuple[Decision, dict[str, Status]]:
    """The decision and each rule's status, without the reasons and advice of a verdict.

    The same decision :func:`check` reaches, for re-checking many saved cases quickly.
    """
    values = factlib.normalize(facts, policy.facts, as_of, ignore_unknown=ignore_unknown,
                               context=f" for CPT {policy.cpt}")
    states = [_RuleState(r, rule_status(r, values, as_of)) for r in policy.criteria.rules]
    decision = decide(s.status for s in states)
    if decision == "needs_info" and not _missing(policy, states, values, as_of,
                                                 first_only=True):
        decision = _settled(policy, states, values, as_of)
    return decision, {s.rule.id: s.status for s in states}

"""Checks that a criteria file encodes its policy completely and consistently.

Each problem is one line naming the policy, the rule or clause, and what is wrong.
"""

from __future__ import annotations

from datetime import date

from policies.checker import candidates, evaluate
from policies.errors import PriorAuthError
from policies.library import LIBRARY_DIR, Policy, load_policy, shared_facts, supported_cpts
from policies.model import Condition, Rule

ENCODED_SECTIONS = ("coverage", "necessity", "exclusion", "documentation")
_OPS_FOR_TYPE = {
    "number": {"gte", "gt", "lte", "lt"},
    "boolean": {"is"},
    "date": {"within_months", "within_days"},
    "choice": {"in"},
    "set": {"contains_any", "contains_all"},
}
# A fixed day for the contradiction search: only the relative order of dates matters.
_PROBE_DAY = date(2026, 1, 1)


def _leaves(cond: Condition, negated: bool = False):
    if cond.fact is not None:
        yield cond, negated
    for child in cond.children():
        yield from _leaves(child, negated ^ (cond.not_ is not None))


def _check_condition(policy: Policy, rule: Rule, cond: Condition) -> list[str]:
    problems = []
    for leaf, _ in _leaves(cond):
        spec = policy.facts.get(leaf.fact or "")
        where = f"{policy.cpt}: rule {rule.id}"
        if spec is None:
            problems.append(f"{where}: reads unknown fact {leaf.fact!r}")
            continue
        if leaf.operator not in _OPS_FOR_TYPE[spec.type]:
            problems.append(f"{where}: operator {leaf.operator} does not apply to "
                            f"{spec.type} fact {leaf.fact}")
        if spec.type in ("choice", "set"):
            bad = [v for v in leaf.operand if v not in (spec.choices or {})]  # type: ignore
            if bad:
                problems.append(f"{where}: {leaf.fact} has no choice {', '.join(bad)}")
        if spec.type == "number" and leaf.operator in _OPS_FOR_TYPE["number"]:
            t = float(leaf.operand)  # type: ignore[arg-type]
            if not spec.min <= t <= spec.max:  # type: ignore[operator]
                problems.append(f"{where}: threshold {t:g} is outside {leaf.fact}'s range")
    return problems


def _truth_set(policy: Policy, leaf: Condition) -> set[object]:
    name = leaf.fact or ""
    return {repr(v) for v in candidates(policy, name, _PROBE_DAY)
            if evaluate(leaf, {name: v}, _PROBE_DAY)}


def _contradictions(policy: Policy) -> list[str]:
    """The same fact both required and excluding, or required two incompatible ways."""
    problems = []
    rules = policy.criteria.rules
    for i, a in enumerate(rules):
        for b in rules[i + 1:]:
            if set(a.interpretations) & set(b.interpretations):
                continue  # a recorded interpretation covers this pair
            for la, neg_a in _leaves(a.condition):
                for lb, neg_b in _leaves(b.condition):
                    if la.fact != lb.fact or neg_a or neg_b:
                        continue
                    sa, sb = _truth_set(policy, la), _truth_set(policy, lb)
                    kinds = (a.require is not None, b.require is not None)
                    if kinds == (True, True) and not sa & sb and a.condition.any_ is None \
                            and b.condition.any_ is None:
                        problems.append(
                            f"{policy.cpt}: rules {a.id} and {b.id} require {la.fact} in ways "
                            "no value satisfies both, and no interpretation covers them")
                    elif kinds in ((True, False), (False, True)) and sa & sb:
                        problems.append(
                            f"{policy.cpt}: {la.fact} is required by "
                            f"{a.id if kinds[0] else b.id} and excludes by "
                            f"{b.id if kinds[0] else a.id}, and no interpretation covers them")
    return problems


def lint_policy(policy: Policy) -> list[str]:
    problems: list[str] = []
    crit = policy.criteria
    clause_ids = set(policy.clauses)
    interp_ids = {i.id for i in crit.interpretations}
    covered: set[str] = set()
    seen_rules: set[str] = set()
    for rule in crit.rules:
        if rule.id in seen_rules:
            problems.append(f"{policy.cpt}: rule id {rule.id} is used twice")
        seen_rules.add(rule.id)
        for cid in rule.clauses:
            if cid not in clause_ids:
                problems.append(f"{policy.cpt}: rule {rule.id} cites unknown clause {cid}")
            covered.add(cid)
        for interp in rule.interpretations:
            if interp not in interp_ids:
                problems.append(f"{policy.cpt}: rule {rule.id} names unknown "
                                f"interpretation {interp}")
        for cond in filter(None, (rule.condition, rule.applies_if)):
            problems += _check_condition(policy, rule, cond)
        quote = policy.locate(rule.clauses[0], rule.quote)
        if quote is None or policy.source[quote.start:quote.end] != rule.quote:
            problems.append(f"{policy.cpt}: rule {rule.id}: quote is not verbatim text of "
                            f"{rule.clauses[0]}")
    for clause in policy.clauses.values():
        if clause.section in ENCODED_SECTIONS and clause.m is None and clause.id not in covered:
            problems.append(f"{policy.cpt}: numbered item {clause.id} ({clause.title}) "
                            "has no rule")
    for interp in crit.interpretations:
        for cid in interp.clauses:
            if cid not in clause_ids:
                problems.append(f"{policy.cpt}: interpretation {interp.id} cites unknown "
                                f"clause {cid}")
    auth = crit.authorization
    for cid in (auth.valid_clause, auth.on_denial_clause):
        if cid not in clause_ids:
            problems.append(f"{policy.cpt}: authorization cites unknown clause {cid}")
    rule_ids = {r.id for r in crit.rules}
    for doc in crit.documentation:
        if doc.clause not in clause_ids or policy.clauses[doc.clause].section != "documentation":
            problems.append(f"{policy.cpt}: documentation item {doc.id} cites {doc.clause}, "
                            "not a clause of the Documentation Requirements")
        for rid in doc.rules:
            if rid not in rule_ids:
                problems.append(f"{policy.cpt}: documentation item {doc.id} names unknown "
                                f"rule {rid}")
    listed = [d.clause for d in crit.documentation]
    for clause in policy.clauses.values():
        if crit.documentation and clause.section == "documentation" and clause.m is None \
                and not any(c == clause.id or c.startswith(clause.id + ".") for c in listed):
            problems.append(f"{policy.cpt}: documentation item {clause.id} ({clause.title}) "
                            "is not on the documentation checklist")
    read = {f for r in crit.rules for c in filter(None, (r.condition, r.applies_if))
            for f in c.facts()}
    for name, spec in crit.facts.items():
        if name in shared_facts():
            problems.append(f"{policy.cpt}: fact {name} shadows the shared fact of that name")
        if name not in read:
            problems.append(f"{policy.cpt}: fact {name} is declared but no rule reads it")
        if not spec.question.strip():
            problems.append(f"{policy.cpt}: fact {name} has no question")
    problems += _contradictions(policy)
    return problems


def lint_library() -> tuple[list[str], list[str]]:
    """(problems, summaries): one summary line per policy that loaded."""
    problems: list[str] = []
    summaries: list[str] = []
    own: dict[str, tuple[str, object]] = {}
    for cpt in supported_cpts():
        try:
            policy = load_policy(cpt)
        except PriorAuthError as err:
            problems.append(str(err))
            continue
        found = lint_policy(policy)
        problems += found
        for name, spec in policy.criteria.facts.items():
            if name in own and own[name][1] != spec:
                problems.append(f"{cpt}: fact {name} is also declared by {own[name][0]} "
                                f"differently; move one definition to {LIBRARY_DIR}/facts.yaml")
            own.setdefault(name, (cpt, spec))
        items = sum(1 for c in policy.clauses.values()
                    if c.section in ENCODED_SECTIONS and c.m is None)
        summaries.append(
            f"{cpt} {policy.procedure}: {'ok' if not found else f'{len(found)} problem(s)'} — "
            f"{len(policy.criteria.rules)} rules, {items} numbered items, "
            f"{len(policy.criteria.interpretations)} interpretations")
    return problems, summaries

"""Lint catches what would make a criteria file unfaithful to its policy."""

from __future__ import annotations

import dataclasses

from policies.library import Policy, load_policy
from policies.lint import lint_policy
from policies.model import Rule


def _with_rules(policy: Policy, rules: list[Rule]) -> Policy:
    criteria = policy.criteria.model_copy(update={"rules": rules})
    return dataclasses.replace(policy, criteria=criteria)


def test_seed_policy_is_clean() -> None:
    assert lint_policy(load_policy("64493")) == []


def test_an_unencoded_numbered_item_is_reported() -> None:
    policy = load_policy("64493")
    rules = [r for r in policy.criteria.rules if r.id != "cosmetic"]
    problems = lint_policy(_with_rules(policy, rules))
    assert any("numbered item 64493.exclusion.5 (Cosmetic Indications) has no rule" in p
               for p in problems)


def test_an_uncovered_contradiction_is_reported() -> None:
    policy = load_policy("64493")
    bad = Rule.model_validate({
        "id": "pt-excludes", "clauses": ["64493.exclusion.4"], "quote": "Lack of Conservative",
        "exclude": {"fact": "pt_weeks", "gte": 12}})
    problems = lint_policy(_with_rules(policy, [*policy.criteria.rules, bad]))
    assert any("pt_weeks is required by pt-12-weeks and excludes by pt-excludes" in p
               for p in problems)


def test_wrong_operator_and_unknown_clause_are_reported() -> None:
    policy = load_policy("64493")
    bad = Rule.model_validate({
        "id": "odd", "clauses": ["64493.coverage.1", "64493.coverage.9"],
        "quote": "The patient", "require": {"fact": "active_infection", "gte": 1}})
    problems = lint_policy(_with_rules(policy, [*policy.criteria.rules, bad]))
    assert any("cites unknown clause 64493.coverage.9" in p for p in problems)
    assert any("operator gte does not apply to boolean fact active_infection" in p
               for p in problems)


def test_the_fast_yaml_parser_reads_every_library_file_as_the_pure_one_does() -> None:
    # The library is parsed with libyaml when PyYAML has it (start-up time); a file it
    # read differently would change a policy without any edit to it.
    from pathlib import Path

    import yaml

    from policies.datacache import YAML_LOADER
    from policies.library import LIBRARY_DIR

    files = [*sorted(LIBRARY_DIR.rglob("*.yaml")),
             Path(__file__).parent.parent / "agent" / "intents.yaml"]
    assert len(files) > 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=YAML_LOADER) == yaml.safe_load(text), path

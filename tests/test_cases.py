"""Worked cases: tests/cases/<cpt>.yaml, each a sentence-named case with its expected verdict.

A case lists the facts of one patient, the as-of date, the expected decision and,
optionally, clauses that must be cited and facts that must be asked for. An expected
clause ``X`` is satisfied by a cited ``X`` or ``X.*`` (docs/contract.md §1).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from policies.checker import check
from policies.library import load_policy

CASES_DIR = Path(__file__).parent / "cases"


def _cases() -> list[pytest.param]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


def _covers(expected: str, cited: list[str]) -> bool:
    return any(c == expected or c.startswith(expected + ".") for c in cited)


@pytest.mark.parametrize(("cpt", "case"), _cases())
def test_case(cpt: str, case: dict) -> None:
    policy = load_policy(cpt)
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(
        str(case["as_of"]))
    verdict = check(policy, case.get("facts") or {}, as_of)
    assert verdict.decision == case["decision"], verdict.model_dump_json(indent=1)
    for clause in case.get("cited", []):
        assert _covers(clause, verdict.cited), f"{clause} not cited: {verdict.cited}"
    missing = [m.fact for m in verdict.missing]
    for fact in case.get("missing", []):
        assert fact in missing, f"{fact} not among missing facts {missing}"
    for fact in case.get("not_missing", []):
        assert fact not in missing, f"{fact} should not be asked: {missing}"
    if verdict.decision == "meets_criteria":
        assert verdict.valid_until is not None and verdict.missing == []
    else:
        assert verdict.valid_until is None
    for criterion in verdict.criteria:
        start, end = criterion.quote_span
        assert policy.source[start:end] == criterion.quote


def test_every_policy_has_cases_for_every_decision() -> None:
    decisions = {"meets_criteria", "does_not_meet", "needs_info", "needs_review"}
    by_cpt: dict[str, set[str]] = {}
    for param in _cases():
        cpt, case = param.values
        by_cpt.setdefault(cpt, set()).add(case["decision"])
    from policies.library import supported_cpts

    for cpt in supported_cpts():
        assert by_cpt.get(cpt, set()) == decisions, f"{cpt}: {by_cpt.get(cpt)}"


@pytest.mark.parametrize(("cpt", "fact", "rule", "words"), [
    ("97110", "mri_date", "mri-6-vs-12-months", "6 to 12 months old"),
    ("71250", "pft_date", "pft-12-months", "older than 12 months"),
])
def test_a_review_line_never_explains_a_test_that_was_never_done(
        cpt: str, fact: str, rule: str, words: str) -> None:
    """Outside tester (session 6), C3: with "no MRI" (97110) or "PFTs never done" (71250)
    the verdict showed a review line saying the MRI was 6 to 12 months old / the PFTs
    older than 12 months: false on its face. A test never done goes to no reviewer; one
    in the window still does."""
    as_of = date(2026, 11, 20)
    policy = load_policy(cpt)
    never = {c.rule: c for c in check(policy, {fact: "never"}, as_of).criteria}[rule]
    assert never.status == "not_applicable" and words not in never.reason
    old = {c.rule: c for c in check(policy, {fact: "2026-03-01" if cpt == "97110" else
                                             "2025-06-01"}, as_of).criteria}[rule]
    assert old.status == "review" and words in old.reason

"""Clause ids and spans, as docs/contract.md §1 defines them."""

from __future__ import annotations

import re

import pytest

from policies.library import load_policy, supported_cpts
from policies.segment import SECTIONS


@pytest.mark.parametrize("cpt", supported_cpts())
def test_every_clause_is_its_exact_source_span(cpt: str) -> None:
    policy = load_policy(cpt)
    assert policy.clauses
    for clause in policy.clauses.values():
        assert policy.source[clause.start:clause.end] == clause.text
        assert re.fullmatch(rf"{cpt}\.({'|'.join(SECTIONS)})\.\d+(\.\d+)?", clause.id)
        assert clause.text.strip() == clause.text and clause.text


@pytest.mark.parametrize("cpt", supported_cpts())
def test_every_policy_has_five_numbered_items_in_each_criteria_section(cpt: str) -> None:
    policy = load_policy(cpt)
    items = {s: [c.n for c in policy.clauses.values() if c.section == s and c.m is None]
             for s in ("coverage", "exclusion")}
    assert items == {"coverage": [1, 2, 3, 4, 5], "exclusion": [1, 2, 3, 4, 5]}


def test_contract_example_ids() -> None:
    clauses = load_policy("64493").clauses
    assert clauses["64493.coverage.1"].title == "Conservative Treatment Requirements"
    assert clauses["64493.coverage.1.1"].text.startswith(
        "The patient must have completed at least 12 weeks of physical therapy")
    # Bullets are counted in reading order at any depth: the second is the first "+".
    assert clauses["64493.coverage.1.2"].text == "6 weeks of supervised exercise and stretching"
    assert clauses["64493.coverage.1.2"].parent == "64493.coverage.1.1"


def test_unnumbered_items_are_numbered_in_reading_order() -> None:
    clauses = load_policy("71250").clauses
    assert clauses["71250.authorization.1"].text == "Valid for: 90 days from the date of " \
                                                    "authorization"
    assert clauses["71250.authorization.3"].text.startswith("If the insurance company denies")


def test_trailer_boilerplate_gets_no_clause() -> None:
    for cpt in supported_cpts():
        for clause in load_policy(cpt).clauses.values():
            assert not clause.text.startswith(("Note:", "By signing below"))
            assert "Authorized Provider Signature" not in clause.text


def test_reference_article_is_never_a_policy() -> None:
    assert "71250-article" not in supported_cpts()
    for cpt in supported_cpts():
        assert "magnetic resonance imaging (MRI) or computed tomography" not in \
            load_policy(cpt).source

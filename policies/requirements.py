"""A policy's criteria in plain words, grouped by section, each with its clause id.

Built from the criteria file (the same rules the checker applies), so "what does 97110
require?" is answered from the rules themselves rather than from search snippets.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from policies.checker import need_words
from policies.library import Policy
from policies.model import Condition, Rule

SECTIONS = {
    "coverage": "Coverage criteria",
    "necessity": "Medical necessity",
    "exclusion": "Exclusions",
    "documentation": "Documentation",
    "authorization": "Authorization",
}


class Item(BaseModel):
    clause: str
    title: str
    text: str


class Section(BaseModel):
    section: str
    items: list[Item]


class PolicyRequirements(BaseModel):
    cpt: str
    procedure: str
    sections: list[Section]


def _words(cond: Condition, policy: Policy, as_of: date) -> str:
    if cond.fact is not None:
        spec = policy.facts[cond.fact]
        return f"{spec.label}: {need_words(cond, spec, as_of)}"
    parts = [_words(c, policy, as_of) for c in cond.children()]
    if cond.not_ is not None:
        return f"not ({parts[0]})"
    return (" or " if cond.any_ is not None else "; ").join(parts)


def rule_words(rule: Rule, policy: Policy, as_of: date) -> str:
    """One rule as a plain requirement: its own sentence when the file gives one."""
    if rule.explain and rule.effect != "review":
        return rule.explain
    text = _words(rule.condition, policy, as_of)
    if rule.exclude is not None:
        text = (f"A clinician reviewer decides when {text}" if rule.effect == "review"
                else f"Excluded when {text}")
    elif rule.effect == "review":
        text += "; otherwise a clinician reviewer decides"
    if rule.applies_if is not None:
        text += " (where it applies)"
    return text


def requirements(policy: Policy, as_of: date) -> PolicyRequirements:
    by_section: dict[str, list[Item]] = {key: [] for key in SECTIONS}
    for rule in policy.criteria.rules:
        clause = policy.clauses[rule.clauses[0]]
        by_section[clause.section].append(Item(
            clause=clause.id, title=clause.title, text=rule_words(rule, policy, as_of)))
    auth = policy.criteria.authorization
    by_section["authorization"] += [
        Item(clause=auth.valid_clause, title="Validity",
             text=f"An approval is valid for {auth.valid_days} days from the date of "
                  "authorization."),
        Item(clause=auth.on_denial_clause, title="If denied", text=auth.on_denial)]
    return PolicyRequirements(cpt=policy.cpt, procedure=policy.procedure, sections=[
        Section(section=SECTIONS[key], items=items) for key, items in by_section.items()
        if items])

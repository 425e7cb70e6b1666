"""A question about a policy's rule for something the case has ("what's the minimum pain
score?", "whats the difference between the PT weeks and the exercise weeks?"), answered
from the rules themselves: each criterion whose facts the question names, in plain words,
with its clause id and the policy's own words (outside tester 20 C6: "Nothing in that
message changed the case"; C1: a physical-therapy case was opened instead).

The facts a question names are found by their reading phrases (the same words the reader
knows them by), so a new fact or policy needs no change here. A question naming none is
left to the clause search (:mod:`retrieval`).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from agent.reading.rules import reading_rules
from agent.reading.text import hits
from policies.library import load_policy, supported_cpts
from policies.requirements import rule_words

MAX_ANSWERS = 6
"""More criteria than this named by one question is a question about the whole policy
("what does it require?" answers that): left to the clause search."""


class RuleAnswer(BaseModel):
    cpt: str
    clause: str
    title: str
    text: str
    """The requirement in plain words ("Pain score (NRS 0-10): at least 4 points")."""
    quote: str
    """The policy's own words for it (a span of the policy text)."""


def _named_facts(question: str, cpt: str) -> set[str]:
    """The facts of ``cpt`` the question names by one of their reading phrases, the
    longest reading of each stretch of words winning ("exercise weeks" is the exercise's,
    though "weeks" might be any length)."""
    lower = question.lower()
    spans: list[tuple[int, int, str]] = []
    for fact, rule in reading_rules(cpt).items():
        spans += [(a, b, fact) for a, b in hits(lower, tuple(rule.phrases))]
    named = set()
    for a, b, fact in spans:
        longer = any(x <= a and b <= y and (y - x) > (b - a) for x, y, _ in spans)
        if not longer:
            named.add(fact)
    return named


def rule_answers(question: str, cpt: str | None, as_of: date) -> list[RuleAnswer]:
    """The criteria of ``cpt`` (of every policy when None) whose facts ``question``
    names, in the policy's order; empty when it names none or too many to be about one."""
    out: list[RuleAnswer] = []
    for code in [cpt] if cpt else supported_cpts():
        policy = load_policy(code)
        named = _named_facts(question, code)
        for rule in policy.criteria.rules:
            condition = rule.require or rule.exclude
            if condition is None or not set(condition.facts()) & named:
                continue
            clause = policy.clauses[rule.clauses[0]]
            out.append(RuleAnswer(cpt=code, clause=clause.id, title=clause.title,
                                  text=rule_words(rule, policy, as_of), quote=rule.quote))
    return out if len(out) <= MAX_ANSWERS else []

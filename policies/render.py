"""Plain-text rendering of a verdict, shared by the CLI and the chat."""

from __future__ import annotations

from policies.model import Verdict

DECISION_WORDS = {
    "meets_criteria": "MEETS CRITERIA",
    "does_not_meet": "DOES NOT MEET CRITERIA",
    "needs_info": "NEEDS INFORMATION",
    "needs_review": "NEEDS CLINICAL REVIEW",
}
STATUS_MARKS = {
    "met": "✓ met",
    "not_met": "✗ not met",
    "unknown": "? unknown",
    "review": "! review",
    "not_applicable": "– n/a",
}


def render_verdict(verdict: Verdict, *, all_criteria: bool = True) -> str:
    """The verdict as text: decision, criteria table, cited quotes, questions, steps."""
    lines = [
        f"CPT {verdict.cpt} — {verdict.procedure} "
        f"(policy {verdict.policy_version[:12]}, as of {verdict.as_of.isoformat()})",
        f"Decision: {DECISION_WORDS[verdict.decision]}",
    ]
    if verdict.valid_until:
        lines.append(f"Authorization window: until {verdict.valid_until.isoformat()}")
    rows = verdict.criteria if all_criteria else [
        c for c in verdict.criteria if c.status != "met"]
    if rows:
        width = max(len(c.clause) for c in rows)
        lines += ["", "Criteria"]
        for c in rows:
            lines.append(f"  {STATUS_MARKS[c.status]:<11} {c.clause:<{width}}  {c.reason}")
    cited = [c for c in verdict.criteria if c.clause in verdict.cited and c.status != "met"] \
        or [c for c in verdict.criteria if c.clause in verdict.cited]
    if cited:
        lines += ["", "Policy text relied on"]
        seen: set[str] = set()
        for c in cited:
            if c.rule in seen:
                continue
            seen.add(c.rule)
            start, end = c.quote_span
            lines.append(f"  {c.clause} [{start}:{end}] \"{c.quote}\"")
    if verdict.missing:
        lines += ["", f"Still needed ({len(verdict.missing)} question(s) at most, "
                      "most decisive first)"]
        for i, m in enumerate(verdict.missing, 1):
            unsure = " (answered: not sure)" if m.answered_unsure else ""
            lines.append(f"  {i}. {m.question}{unsure} [{', '.join(m.clauses)}]")
    if verdict.to_qualify is not None:
        lines += ["", "What would make it qualify"]
        if verdict.to_qualify.possible:
            lines += [f"  - {c.change} ({c.clause})" for c in verdict.to_qualify.changes]
        else:
            lines.append(f"  {verdict.to_qualify.explanation}")
    if verdict.notes:
        lines += ["", "Interpretations relied on"]
        lines += [f"  - {n}" for n in verdict.notes]
    if verdict.next_steps:
        lines += ["", "Next steps"]
        lines += [f"  - {s}" for s in verdict.next_steps]
    return "\n".join(lines)

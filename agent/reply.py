"""The assistant's words: Markdown built from the verdict and this turn's reading.

Nothing here decides anything; it only presents what the checker returned.
"""

from __future__ import annotations

from typing import Any

from policies import facts as factlib
from policies.render import DECISION_WORDS, STATUS_MARKS

MAX_QUESTIONS_PER_TURN = 3


def fact_words(name: str, value: Any) -> tuple[str, str]:
    """(label, value in words) of a stored fact: ("Physical therapy completed", "14 weeks");
    a None value reads "not sure"."""
    from agent.understand import all_fact_specs

    spec = all_fact_specs()[name]
    return spec.label, factlib.describe(spec, factlib.from_json(spec, value))


def _table(criteria: list[dict[str, Any]], *, full: bool) -> list[str]:
    # While facts are still missing, the open questions say what is unknown; the
    # table shows only what is already decided against the case.
    # A definite answer with facts still unknown (an early denial) lists what decided
    # it and the criteria met; the unknown ones cannot change it and are only counted.
    rows = [c for c in criteria if c["status"] != "unknown"] if full else \
        [c for c in criteria if c["status"] in ("not_met", "review")]
    if not rows:
        met = sum(c["status"] in ("met", "not_applicable") for c in criteria)
        return [f"{met} of {len(criteria)} criteria met so far; none failed."] if not full \
            else []
    lines = ["| status | clause | criterion |", "| --- | --- | --- |"]
    for c in rows:
        reason = c["reason"].replace("|", "/")
        lines.append(f"| {STATUS_MARKS[c['status']]} | `{c['clause']}` | {reason} |")
    unknown = sum(c["status"] == "unknown" for c in criteria)
    hidden = len(criteria) - len(rows) - unknown
    notes = []
    if hidden:
        notes.append(f"{hidden} other criteria are met or do not apply")
    if unknown and full:
        notes.append(f"{unknown} not yet known, which cannot change this decision")
    elif unknown:
        notes.append(f"{unknown} still unknown")
    if notes:
        lines.append("\n" + "; ".join(notes).capitalize() + ".")
    return lines


def _decisive(verdict: dict[str, Any]) -> list[str]:
    """Quotes of the rules the decision rests on (not every met rule of a full approval)."""
    decision = verdict["decision"]
    wanted = {"does_not_meet": ("not_met",), "needs_review": ("review",),
              "needs_info": (), "meets_criteria": ()}[decision]
    out, seen = [], set()
    for c in verdict["criteria"]:
        if c["status"] in wanted and c["rule"] not in seen:
            seen.add(c["rule"])
            start, end = c["quote_span"]
            out.append(f"> \"{c['quote']}\" — `{c['clause']}` [{start}:{end}]")
    return out


def verdict_markdown(verdict: dict[str, Any], *, full_table: bool) -> list[str]:
    lines = [f"**{verdict['procedure']} (CPT {verdict['cpt']}) — "
             f"{DECISION_WORDS[verdict['decision']]}** (policy as of {verdict['as_of']})"]
    if verdict.get("valid_until"):
        lines.append(f"Authorization window if approved today: until {verdict['valid_until']}.")
    table = _table(verdict["criteria"], full=full_table)
    if table:
        lines += ["", *table]
    quotes = _decisive(verdict)
    if quotes:
        lines += ["", "Policy text the decision rests on:", *quotes]
    tq = verdict.get("to_qualify")
    if tq and verdict["decision"] == "does_not_meet":
        fixes = [f"- {c['change']} (`{c['clause']}`)" for c in tq["changes"]]
        lines += ["", "What would make it qualify:", *fixes, tq["explanation"]]
    if verdict["notes"] and verdict["decision"] != "needs_info":
        lines += ["", "Interpretations relied on:"]
        lines += [f"- {n}" for n in verdict["notes"]]
    if verdict["next_steps"] and verdict["decision"] != "needs_info":
        lines += ["", "Next steps:"]
        lines += [f"- {s}" for s in verdict["next_steps"]]
    return lines


def questions_markdown(verdict: dict[str, Any], pending: list[str],
                       confirm: list[tuple[str, str]]) -> list[str]:
    if not pending:
        return []
    remaining = len(verdict["missing"]) if verdict else len(pending)
    by_fact = {m["fact"]: m for m in (verdict or {}).get("missing", [])}
    lines = ["", f"To go on I need {len(pending)} answer(s) "
                 f"(at most {max(remaining, len(pending))} question(s) remain):"]
    confirms = dict(confirm)
    for i, fact in enumerate(pending, 1):
        if fact in confirms:
            lines.append(f"{i}. {confirms[fact]} — is that right? (yes / no)")
            continue
        m = by_fact.get(fact)
        if m is None:
            continue
        hint = ""
        if m["type"] == "boolean":
            hint = " (yes / no / not sure)"
        elif m["type"] == "choice" and m.get("choices"):
            hint = f" ({' / '.join(m['choices'].values())} / not sure)"
        elif m["type"] == "date":
            hint = " (a date, e.g. 2026-08-20, or 'never')"
        elif m["type"] == "number" and m.get("unit"):
            hint = f" (in {m['unit']})"
        clauses = ", ".join(f"`{c}`" for c in m["clauses"])
        lines.append(f"{i}. {m['question']}{hint} — {clauses}")
    return lines

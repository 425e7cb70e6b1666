"""The submission packet: what a coordinator hands the payer after a verdict.

Built from the policy, the checker's verdict and the facts with where each came from;
nothing in it is written by a model. One :class:`Packet` is rendered three ways
(JSON, Markdown, a self-contained printable HTML page), none parsing another.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel

from policies import facts as factlib
from policies.library import Policy
from policies.model import Decision, Status, Verdict

Origin = Literal["stated", "inferred", "confirmed", "entered"]
DocStatus = Literal["on_file", "missing", "not_stated", "review", "not_checked"]

DECISION_PLAIN = {
    "meets_criteria": "The case meets the policy's criteria.",
    "does_not_meet": "The case does not meet the policy's criteria.",
    "needs_info": "The case cannot be decided yet: facts the decision depends on are missing.",
    "needs_review": "The rules are exhausted; a clinician reviewer must decide a judgement "
                    "call the policy leaves open.",
}
ORIGIN_WORDS = {
    "stated": "stated by the user",
    "confirmed": "proposed from the user's words and confirmed by the user",
    "inferred": "proposed from the user's words, not confirmed (not used)",
    "entered": "entered in a facts file",
}
DOC_WORDS = {
    "on_file": "on file",
    "missing": "missing or out of date",
    "not_stated": "not stated",
    "review": "needs a reviewer",
    "not_checked": "not checked by the rules",
}
STATUS_WORDS = {"met": "met", "not_met": "not met", "unknown": "unknown",
                "review": "review", "not_applicable": "n/a"}


class Source(BaseModel):
    """A verbatim piece of the policy and where it sits in the policy file."""

    clause: str
    quote: str
    span: tuple[int, int]


class Evidence(BaseModel):
    fact: str
    label: str
    value: str
    """The value in words ("14 weeks", "2026-08-20", "not sure")."""
    origin: Origin
    origin_words: str
    words: str
    """The user's own words the value was read from (or the value as entered)."""
    used: bool
    """Given to the checker (an unconfirmed inference is not)."""


class CriterionLine(BaseModel):
    clause: str
    title: str
    status: Status
    reason: str
    source: Source
    evidence: list[str]
    """Fact names this criterion read (see ``Packet.evidence``)."""


class DocumentLine(BaseModel):
    id: str
    item: str
    status: DocStatus
    detail: str
    source: Source


class Window(BaseModel):
    days: int
    start: date
    end: date
    source: Source


class Appeal(BaseModel):
    route: str
    deadline_days: int | None
    source: Source


class OpenItem(BaseModel):
    kind: Literal["question", "review"]
    text: str
    clauses: list[str]


class Packet(BaseModel):
    title: str
    reference: str | None
    prepared_on: date
    cpt: str
    procedure: str
    policy_id: str
    policy_version: str
    as_of: date
    decision: Decision
    decision_words: str
    ready_to_submit: bool
    readiness: str
    criteria: list[CriterionLine]
    evidence: list[Evidence]
    documentation: list[DocumentLine]
    authorization: Window | None
    """The window requested (``meets_criteria`` only)."""
    reasons: list[CriterionLine]
    """For ``does_not_meet``: the criteria that failed."""
    appeal: Appeal
    open_items: list[OpenItem]
    next_steps: list[str]
    notes: list[str]
    disclaimer: str


def _source(policy: Policy, key: str, clause: str) -> Source:
    quote = policy.quotes[key]
    return Source(clause=clause, quote=quote.text, span=(quote.start, quote.end))


def _evidence(policy: Policy, verdict: Verdict,
              entries: Mapping[str, Mapping[str, Any]]) -> list[Evidence]:
    out = []
    for name, entry in entries.items():
        spec = policy.facts.get(name)
        if spec is None:
            continue  # a fact of another policy, carried in the conversation
        origin = entry.get("origin", "entered")
        used = origin != "inferred" and name in verdict.facts
        value = verdict.facts[name] if used else entry.get("value")
        try:
            words = factlib.describe(spec, factlib.from_json(spec, value))
        except (TypeError, ValueError):
            words = str(value)
        out.append(Evidence(fact=name, label=spec.label, value=words, origin=origin,
                            origin_words=ORIGIN_WORDS.get(origin, origin),
                            words=str(entry.get("words") or ""), used=used))
    return out


def _documentation(policy: Policy, verdict: Verdict) -> list[DocumentLine]:
    by_rule = {c.rule: c for c in verdict.criteria}
    lines = []
    for doc in policy.criteria.documentation:
        rows = [by_rule[r] for r in doc.rules if r in by_rule]
        statuses = {c.status for c in rows}
        status: DocStatus
        if not rows:
            status, detail = "not_checked", "Confirm it is in the record."
        elif "not_met" in statuses:
            status = "missing"
            detail = "; ".join(c.reason for c in rows if c.status == "not_met")
        elif "unknown" in statuses:
            status = "not_stated"
            detail = "; ".join(c.reason for c in rows if c.status == "unknown")
        elif "review" in statuses:
            status = "review"
            detail = "; ".join(c.reason for c in rows if c.status == "review")
        else:
            status = "on_file"
            detail = "; ".join(c.reason for c in rows if c.status == "met")
        lines.append(DocumentLine(id=doc.id, item=doc.item, status=status, detail=detail,
                                  source=_source(policy, f"documentation.{doc.id}", doc.clause)))
    return lines


def _open_items(verdict: Verdict) -> list[OpenItem]:
    items = [OpenItem(kind="question", text=m.question + (" (answered: not sure)"
                                                          if m.answered_unsure else ""),
                      clauses=m.clauses) for m in verdict.missing]
    items += [OpenItem(kind="review", text=f"{c.title}: {c.reason}", clauses=[c.clause])
              for c in verdict.criteria if c.status == "review"]
    return items


def _readiness(decision: Decision, open_count: int) -> tuple[bool, str]:
    if decision == "meets_criteria":
        return True, "Every required criterion is met on the facts given."
    if decision == "does_not_meet":
        return False, ("The case does not meet the criteria (reasons "
                       "below). If it is submitted and denied, the appeal route applies.")
    if decision == "needs_review":
        return False, (f"{open_count} item(s) need a clinician "
                       "reviewer's decision first (listed under Open items).")
    return False, (f"{open_count} open item(s) must be answered first "
                   "(listed under Open items).")


def build_packet(policy: Policy, verdict: Verdict,
                 facts: Mapping[str, Mapping[str, Any]] | None = None, *,
                 reference: str | None = None, prepared_on: date | None = None) -> Packet:
    """The packet for ``verdict`` (made under ``policy``).

    ``facts`` maps fact name to ``{"value", "origin", "words"}`` as the conversation keeps
    them; without it every fact of the verdict counts as entered, in its own words.
    """
    if facts is None:
        facts = {name: {"value": value, "origin": "entered", "words": ""}
                 for name, value in verdict.facts.items()}
    criteria = [CriterionLine(clause=c.clause, title=c.title, status=c.status,
                              reason=c.reason, source=Source(clause=c.clause, quote=c.quote,
                                                             span=c.quote_span),
                              evidence=c.facts)
                for c in verdict.criteria]
    auth = policy.criteria.authorization
    window = None
    if verdict.decision == "meets_criteria":
        window = Window(days=auth.valid_days, start=verdict.as_of,
                        end=verdict.valid_until or verdict.as_of + timedelta(days=auth.valid_days),
                        source=_source(policy, "authorization.valid", auth.valid_clause))
    open_items = _open_items(verdict) if verdict.decision in ("needs_info", "needs_review") \
        else []
    ready, readiness = _readiness(verdict.decision, len(open_items))
    return Packet(
        title=f"Prior-authorization request: {policy.procedure} (CPT {policy.cpt})",
        reference=reference, prepared_on=prepared_on or date.today(), cpt=policy.cpt,
        procedure=policy.procedure, policy_id=f"{policy.cpt}/policy.txt",
        policy_version=verdict.policy_version, as_of=verdict.as_of,
        decision=verdict.decision, decision_words=DECISION_PLAIN[verdict.decision],
        ready_to_submit=ready, readiness=readiness, criteria=criteria,
        evidence=_evidence(policy, verdict, facts),
        documentation=_documentation(policy, verdict), authorization=window,
        reasons=[c for c in criteria if c.status == "not_met"],
        appeal=Appeal(route=auth.on_denial, deadline_days=auth.on_denial_deadline_days,
                      source=_source(policy, "authorization.on_denial",
                                     auth.on_denial_clause)),
        open_items=open_items, next_steps=list(verdict.next_steps), notes=list(verdict.notes),
        disclaimer=("This packet reports a check of the policy's criteria by deterministic "
                    "rules; it is not an approval or a denial. The payer decides."))


# ------------------------------------------------------------------ rendering


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def _quote_md(source: Source) -> str:
    start, end = source.span
    return f"\"{_cell(source.quote)}\" ({source.clause}, characters {start}–{end})"


def _deadline(appeal: Appeal) -> str:
    return (f"within {appeal.deadline_days} days of the denial" if appeal.deadline_days
            else "the policy sets no deadline")


def render_markdown(packet: Packet) -> str:
    """The packet as Markdown, section by section in the same order as the HTML page."""
    head = "READY TO SUBMIT" if packet.ready_to_submit else "NOT READY TO SUBMIT"
    lines = [f"# {packet.title}", "", f"**{head}** — {packet.readiness}", ""]
    lines += [f"- **Case reference:** {packet.reference or 'none given'}",
              f"- **Procedure:** {packet.procedure}, CPT {packet.cpt}",
              f"- **Policy:** {packet.policy_id}, version {packet.policy_version}",
              f"- **Policy applied as of:** {packet.as_of.isoformat()}",
              f"- **Prepared on:** {packet.prepared_on.isoformat()}",
              f"- **Decision:** {packet.decision} — {packet.decision_words}", ""]
    if packet.authorization:
        w = packet.authorization
        lines += ["## Authorization window requested", "",
                  f"{w.days} days: {w.start.isoformat()} to {w.end.isoformat()} "
                  f"(if authorized on {w.start.isoformat()}). Policy: {_quote_md(w.source)}", ""]
    if packet.reasons:
        lines += ["## Why the case does not meet the criteria", ""]
        lines += [f"- {c.clause} {c.title}: {c.reason}. Policy: {_quote_md(c.source)}"
                  for c in packet.reasons]
        lines.append("")
    if packet.open_items:
        lines += ["## Open items (to settle before submitting)", ""]
        lines += [f"- [{'question' if o.kind == 'question' else 'reviewer'}] {o.text} "
                  f"({', '.join(o.clauses)})" for o in packet.open_items]
        lines.append("")
    lines += ["## Criteria", "", "| status | clause | criterion | reason | policy text |",
              "| --- | --- | --- | --- | --- |"]
    for c in packet.criteria:
        lines.append(f"| {STATUS_WORDS[c.status]} | {c.clause} | {_cell(c.title)} | "
                     f"{_cell(c.reason)} | \"{_cell(c.source.quote)}\" "
                     f"[{c.source.span[0]}:{c.source.span[1]}] |")
    lines += ["", "## Evidence", "", "| fact | value | the user's words | origin |",
              "| --- | --- | --- | --- |"]
    for e in packet.evidence:
        lines.append(f"| {_cell(e.label)} | {_cell(e.value)} | "
                     f"{_cell(e.words) and chr(34) + _cell(e.words) + chr(34)} | "
                     f"{e.origin_words} |")
    if not packet.evidence:
        lines.append("| (no facts stated) | | | |")
    lines += ["", "## Documentation checklist", "", "| document | status | detail | policy text |",
              "| --- | --- | --- | --- |"]
    for d in packet.documentation:
        lines.append(f"| {_cell(d.item)} | {DOC_WORDS[d.status]} | {_cell(d.detail)} | "
                     f"{_quote_md(d.source)} |")
    lines += ["", "## If the payer denies the request", "",
              f"{packet.appeal.route} Deadline: {_deadline(packet.appeal)}. "
              f"Policy: {_quote_md(packet.appeal.source)}", ""]
    if packet.next_steps:
        lines += ["## Next steps", "", *[f"- {s}" for s in packet.next_steps], ""]
    if packet.notes:
        lines += ["## Interpretations relied on", "", *[f"- {n}" for n in packet.notes], ""]
    lines += ["---", "", packet.disclaimer]
    return "\n".join(lines) + "\n"


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;max-width:60rem;
margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem;
border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}.banner{padding:.5rem .8rem;border:2px solid;font-weight:600}
.ready{border-color:#1a7f37;background:#e6f4ea}.notready{border-color:#b35900;background:#fff4e5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}dt{font-weight:600}
q{font-style:italic}.src{color:#555;font-size:.85em}.st-not_met,.st-missing{color:#b00020;
font-weight:600}.st-review{color:#8a5300;font-weight:600}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _src_html(source: Source) -> str:
    return (f"<q>{_e(source.quote)}</q> <span class=\"src\">{_e(source.clause)}, characters "
            f"{source.span[0]}–{source.span[1]}</span>")


def _table(head: list[str], rows: list[list[str]]) -> str:
    out = ["<table><thead><tr>", *[f"<th>{_e(h)}</th>" for h in head], "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _html_sections(packet: Packet) -> list[str]:
    parts: list[str] = []
    if packet.authorization:
        w = packet.authorization
        parts += ["<h2>Authorization window requested</h2>",
                  f"<p>{w.days} days: <b>{w.start.isoformat()}</b> to <b>{w.end.isoformat()}</b> "
                  f"(if authorized on {w.start.isoformat()}). Policy: {_src_html(w.source)}</p>"]
    if packet.reasons:
        parts += ["<h2>Why the case does not meet the criteria</h2><ul>"]
        parts += [f"<li><b>{_e(c.clause)} {_e(c.title)}</b>: {_e(c.reason)}. Policy: "
                  f"{_src_html(c.source)}</li>" for c in packet.reasons]
        parts.append("</ul>")
    if packet.open_items:
        parts += ["<h2>Open items (to settle before submitting)</h2><ul>"]
        parts += [f"<li>[{'question' if o.kind == 'question' else 'reviewer'}] {_e(o.text)} "
                  f"<span class=\"src\">{_e(', '.join(o.clauses))}</span></li>"
                  for o in packet.open_items]
        parts.append("</ul>")
    parts += ["<h2>Criteria</h2>", _table(
        ["status", "clause", "criterion", "reason", "policy text"],
        [[f"<span class=\"st-{c.status}\">{_e(STATUS_WORDS[c.status])}</span>", _e(c.clause),
          _e(c.title), _e(c.reason), _src_html(c.source)] for c in packet.criteria])]
    parts += ["<h2>Evidence</h2>", _table(
        ["fact", "value", "the user's words", "origin"],
        [[_e(e.label), _e(e.value), f"<q>{_e(e.words)}</q>" if e.words else "",
          _e(e.origin_words)] for e in packet.evidence] or [["(no facts stated)", "", "", ""]])]
    parts += ["<h2>Documentation checklist</h2>", _table(
        ["document", "status", "detail", "policy text"],
        [[_e(d.item), f"<span class=\"st-{d.status}\">{_e(DOC_WORDS[d.status])}</span>",
          _e(d.detail), _src_html(d.source)] for d in packet.documentation])]
    parts += ["<h2>If the payer denies the request</h2>",
              f"<p>{_e(packet.appeal.route)} Deadline: <b>{_e(_deadline(packet.appeal))}</b>. "
              f"Policy: {_src_html(packet.appeal.source)}</p>"]
    if packet.next_steps:
        parts += ["<h2>Next steps</h2><ul>", *[f"<li>{_e(s)}</li>" for s in packet.next_steps],
                  "</ul>"]
    if packet.notes:
        parts += ["<h2>Interpretations relied on</h2><ul>",
                  *[f"<li>{_e(n)}</li>" for n in packet.notes], "</ul>"]
    return parts


def render_html(packet: Packet) -> str:
    """A self-contained, printable HTML page (no scripts, no outside resources)."""
    ready = "ready" if packet.ready_to_submit else "notready"
    head = "READY TO SUBMIT" if packet.ready_to_submit else "NOT READY TO SUBMIT"
    rows = [("Case reference", packet.reference or "none given"),
            ("Procedure", f"{packet.procedure}, CPT {packet.cpt}"),
            ("Policy", f"{packet.policy_id}, version {packet.policy_version}"),
            ("Policy applied as of", packet.as_of.isoformat()),
            ("Prepared on", packet.prepared_on.isoformat()),
            ("Decision", f"{packet.decision} — {packet.decision_words}")]
    body = [f"<h1>{_e(packet.title)}</h1>",
            f"<p class=\"banner {ready}\" id=\"readiness\">{head} — {_e(packet.readiness)}</p>",
            "<dl>", *[f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows], "</dl>",
            *_html_sections(packet), f"<hr><p class=\"src\">{_e(packet.disclaimer)}</p>"]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(packet.title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def packet_files(packet: Packet) -> dict[str, str]:
    """File name → content for the three renderings."""
    stem = f"packet-{packet.cpt}-{packet.as_of.isoformat()}"
    return {f"{stem}.html": render_html(packet), f"{stem}.md": render_markdown(packet),
            f"{stem}.json": packet.model_dump_json(indent=2) + "\n"}

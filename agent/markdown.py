"""The Markdown medium: a :class:`agent.reply.Reply` as the chat transcript's text, and as
the case-file download. The eval report shows the same transcript text.

The only place a reply becomes Markdown; it reads the structured reply, never another
renderer's output.
"""

from __future__ import annotations

import re

from agent.reply import AS_BEFORE, STATUS_ORDER, STATUS_WORDS, Question, Reply, Row, plural
from agent.unread import Unread, grouped

MARKS = {"met": "✓ met", "not_met": "✗ not met", "unknown": "? not yet known",
         "review": "! for review", "not_applicable": "– does not apply"}
READ_TABLE_FROM = 3
"""A pasted note (three facts or more) gets a table of what was read; fewer, one line."""


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def escape(text: str) -> str:
    """A user's words as literal Markdown: links, images and HTML show as typed."""
    return re.sub(r"([\\`*_{}\[\]()<>#!|~])", r"\\\1", str(text))


def counts_line(reply: Reply) -> str:
    """"Criteria: 1 not met, 2 not yet known, 20 met." in the table's order."""
    counts = reply.summary.counts if reply.summary else {}
    parts = [f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_ORDER if counts.get(s)]
    return f"Criteria: {', '.join(parts)}." if parts else ""


def _read(reply: Reply) -> list[str]:
    lines: list[str] = []
    if len(reply.read) >= READ_TABLE_FROM:
        lines += ["What I read (correct anything that is wrong, e.g. \"correction: 14 "
                  "weeks of physical therapy\"):", "",
                  "| fact | read as | from your words |", "| --- | --- | --- |"]
        lines += [f"| {_cell(r.label)} | {_cell(r.value)}"
                  f"{' (please confirm)' if r.origin == 'inferred' else ''} | "
                  f"\"{_cell(r.words)}\" |" for r in reply.read]
    elif [r for r in reply.read if not r.replaced]:
        lines.append("Noted: " + "; ".join(
            f"{r.label}: {r.value}{' (please confirm)' if r.origin == 'inferred' else ''} "
            f"(\"{r.words}\")" for r in reply.read if not r.replaced) + ".")
    return lines + _unread_lines(reply.unread)


def _unread_lines(unread: list[Unread]) -> list[str]:
    own, together = grouped(unread)
    return [_unread(u) for u in own] + ([
        "I could not read these parts; say one another way if it matters: "
        + "; ".join(f"\"{u.words}\"" for u in together) + "."] if together else [])


def recorded_lines(reply: Reply) -> list[str]:
    """The case record the user asked for ("what have you recorded so far?") as a table."""
    if reply.recorded is None:
        return []
    if not reply.recorded:
        return ["Nothing is recorded for this case yet."]
    return [f"Recorded so far ({plural(len(reply.recorded), 'fact')}; correct anything that "
            "is wrong):", "", "| fact | value | from your words |", "| --- | --- | --- |"] + [
        f"| {_cell(r.label)} | {_cell(r.value)}"
        f"{' (please confirm)' if r.origin == 'inferred' else ''} | \"{_cell(r.words)}\" |"
        for r in reply.recorded]


def _unread(u: Unread) -> str:
    """The user's words in quotes, exactly as written; the reason after them."""
    if not u.why:
        return f"I could not read \"{u.words}\" — please say it another way."
    return f"I could not use \"{u.words}\": {u.why_said}"


def _rows_table(rows: list[Row]) -> list[str]:
    lines = ["| status | clause | criterion |", "| --- | --- | --- |"]
    lines += [f"| {MARKS[r.status]} | `{r.clause}` | {_cell(r.reason)} |" for r in rows]
    return lines


def _qualify(reply: Reply) -> list[str]:
    q = reply.qualify
    if q is None or reply.summary is None or reply.summary.decision != "does_not_meet":
        return []
    if q.blocking:
        return ["", q.explanation]
    lines = ["", "What would make it qualify:"]
    lines += [f"- {f.change} (`{f.clause}`)" for f in q.fixes]
    if q.answers:
        lines += ["", f"Also needed, not asked now because no answer changes today's "
                      f"decision ({plural(len(q.answers), 'fact')} not yet stated):"]
        lines += [f"- {f.change} (`{f.clause}`)" for f in q.answers]
    if q.review:
        lines += ["", "A clinician reviewer must still decide "
                      + ", ".join(f"`{c}`" for c in q.review)
                      + ": no change of facts settles it."]
    return lines


def verdict_lines(reply: Reply, *, full: bool) -> list[str]:
    """The decision, the criteria (failed first), quotes, fixes, notes and next steps."""
    s = reply.summary
    if s is None:
        return []
    lines = [f"**{s.procedure} (CPT {s.cpt}) — {s.words}** (policy as of {s.as_of})"]
    if s.valid_until:
        lines.append(f"Authorization window if approved today: until {s.valid_until}.")
    shown = [r for r in reply.rows if r.status != "unknown"] if full and reply.final else \
        [r for r in reply.rows if r.status in ("not_met", "review")]
    lines += ["", counts_line(reply)]
    if shown:
        lines += ["", *_rows_table(shown)]
    if reply.summary.counts.get("unknown") and reply.final:
        lines.append(f"\n{plural(s.counts['unknown'], 'criterion', 'criteria')} not yet "
                     "known cannot change this decision.")
    if reply.decisive:
        lines += ["", "Policy text the decision rests on:"]
        for r in reply.decisive:
            lines.append(f"> \"{r.quote}\" — `{r.clause}` [{r.quote_span[0]}:{r.quote_span[1]}]")
            if r.said:  # the user's words, outside the policy's quote
                lines += ["", "Read from your words: " + "; ".join(
                    f"\"{_cell(w)}\"" for w in r.said), ""]
    lines += _qualify(reply)
    if reply.notes_again and (reply.notes or reply.next_steps):
        return lines + ["", AS_BEFORE]
    if reply.final and reply.notes:
        lines += ["", "Interpretations relied on:", *[f"- {n}" for n in reply.notes]]
    if reply.final and reply.next_steps:
        lines += ["", "Next steps:", *[f"- {n}" for n in reply.next_steps]]
    return lines


def _question_line(q: Question) -> str:
    hint = f" ({q.hint})" if q.hint else ""
    clauses = ", ".join(f"`{c}`" for c in q.clauses)
    return f"{q.question}{hint}" + (f" — {clauses}" if clauses else "")


def questions_lines(reply: Reply) -> list[str]:
    """The questions asked now; with none, every open one and why nothing is asked."""
    lines: list[str] = []
    total = len(reply.open_questions)
    if reply.list_open and reply.open_questions:
        lines += ["", f"Still open ({plural(total, 'question')}, most decisive first):"]
        lines += [f"- {_question_line(q)}"
                  + (" (answered: not sure)" if q.answered_unsure else "")
                  for q in reply.open_questions]
    if reply.questions:
        asked = [q for q in reply.questions if q.type != "confirm"]
        of = f" ({len(asked)} of {total} open questions, most decisive first)" \
            if total > len(asked) else ""
        lines += ["", f"To go on, please answer{of}:"]
        lines += [f"{i}. {_question_line(q)}" for i, q in enumerate(reply.questions, 1)]
    elif reply.no_questions_why:
        lines += ["", reply.no_questions_why]
        lines += [] if reply.list_open else [
            f"- {_question_line(q)}" + (" (answered: not sure)" if q.answered_unsure else "")
            for q in reply.open_questions]
    if reply.open_change:
        lines.append(f"\n_{reply.open_change}_")
    return lines


def _requirements(reply: Reply) -> list[str]:
    r = reply.requirements
    if r is None:
        return []
    lines = [f"**What the {r.procedure} policy (CPT {r.cpt}) requires**, from its criteria "
             "file:"]
    for section in r.sections:
        lines += ["", f"*{section.section}*"]
        lines += [f"- {item.text} (`{item.clause}`)" for item in section.items]
    return lines


def reply_markdown(reply: Reply) -> str:
    """The reply as the chat shows it and the transcript keeps it."""
    lines = [f"_{n}_" for n in reply.notices]
    if reply.changes:
        lines.append("Updated: " + "; ".join(reply.changes) + ".")
    lines += _read(reply)
    lines += reply.lines
    lines += recorded_lines(reply)
    if reply.retrieved:
        lines.append(f"From the policy text (best match first) for: \"{reply.retrieved_for}\"")
        lines += [f"- `{c.clause}` {c.title}: \"{c.quote}\"" for c in reply.retrieved]
    if reply.requirements:
        lines += ["", *_requirements(reply)]
    if reply.summary is not None:
        if reply.summary.change:
            lines.append(f"{reply.summary.change}.")
        lines += ["", *verdict_lines(reply, full=True)]
    if reply.help:
        lines.append(reply.help)
    lines += questions_lines(reply)
    return "\n".join(lines).strip()


def case_markdown(reply: Reply, facts: list[tuple[str, str, str, str]],
                  reference: str = "") -> str:
    """The case-file download: decision, every criterion with its verbatim policy text,
    what would make it qualify, open questions, facts, interpretations, next steps.

    ``facts``: (label, value in words, the user's words, origin) for every stored fact.
    """
    s = reply.summary
    if s is None:
        return ""
    lines = [f"# Prior-authorization criteria check: {s.procedure} (CPT {s.cpt})", ""]
    if reference:
        lines.append(f"- **Case:** {_cell(reference)}")
    lines += [f"- **Decision:** {s.words}", f"- **Policy as of:** {s.as_of}",
             f"- **Policy version:** {s.policy_version[:12]}"]
    if s.valid_until:
        lines.append(f"- **Authorization window:** until {s.valid_until}")
    lines += ["", "This is a check of the policy's criteria, not an approval or a denial; "
                  "the payer decides.", "", "## Criteria", "", counts_line(reply), "",
              "| status | clause | criterion | reason | policy text |",
              "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r.status_words} | {r.clause} | {_cell(r.title)} | {_cell(r.reason)} | "
              f"\"{_cell(r.quote)}\" [{r.quote_span[0]}:{r.quote_span[1]}] |"
              for r in reply.rows]
    q = reply.qualify
    if q is not None and (q.fixes or q.answers or q.review or q.blocking):
        lines += ["", "## What would make it qualify", "", q.explanation, ""]
        lines += [f"- {f.change} ({f.clause})" for f in q.fixes + q.answers]
    if reply.open_questions:
        lines += ["", "## Open questions", ""]
        lines += [f"- {x.question} ({', '.join(x.clauses)})"
                  + (" — answered: not sure" if x.answered_unsure else "")
                  for x in reply.open_questions]
    elif s.decision == "needs_info" and reply.no_questions_why:
        lines += ["", "## Open questions", "", reply.no_questions_why]
    lines += ["", "## Facts", ""]
    lines += [f"- {label}: {value} (\"{escape(words)}\", {origin})"
              for label, value, words, origin in facts]
    if reply.notes:
        lines += ["", "## Interpretations relied on", ""] + [f"- {n}" for n in reply.notes]
    if reply.next_steps:
        lines += ["", "## Next steps", ""] + [f"- {n}" for n in reply.next_steps]
    return "\n".join(lines) + "\n"

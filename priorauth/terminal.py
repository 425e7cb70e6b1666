"""The terminal medium: a :class:`agent.reply.Reply` as plain text for ``priorauth chat``
and ``priorauth check``. The only place a reply becomes terminal text."""

from __future__ import annotations

from agent.reply import (
    AS_BEFORE,
    STATUS_ORDER,
    STATUS_WORDS,
    Question,
    ReadFact,
    Reply,
    plural,
)
from agent.unread import Unread, grouped

MARKS = {"met": "✓ met", "not_met": "✗ not met", "unknown": "? not known",
         "review": "! review", "not_applicable": "– n/a"}
READ_TABLE_FROM = 3


def _read(reply: Reply) -> list[str]:
    lines: list[str] = []
    if len(reply.read) >= READ_TABLE_FROM:
        width = max(len(r.label) for r in reply.read)
        lines.append("What I read (type a correction if anything is wrong):")
        lines += [f"  {r.label:<{width}}  {r.value}{_unconfirmed(r)}  ← \"{r.words}\""
                  for r in reply.read]
    else:
        lines += [f"Noted: {r.label}: {r.value}{_unconfirmed(r)} (\"{r.words}\")"
                  for r in reply.read if not r.replaced]
    return lines + _unread_lines(reply.unread)


def _unread_lines(unread: list[Unread]) -> list[str]:
    own, together = grouped(unread)
    return [_unread(u) for u in own] + ([
        "Could not read these parts; say one another way if it matters: "
        + "; ".join(f"\"{u.words}\"" for u in together) + "."] if together else [])


def _recorded(reply: Reply) -> list[str]:
    """The case record the user asked for: every stored fact and its words."""
    if reply.recorded is None:
        return []
    if not reply.recorded:
        return ["Nothing is recorded for this case yet."]
    width = max(len(r.label) for r in reply.recorded)
    return [f"Recorded so far ({plural(len(reply.recorded), 'fact')}; type a correction "
            "if anything is wrong):"] + [
        f"  {r.label:<{width}}  {r.value}{_unconfirmed(r)}  ← \"{r.words}\""
        for r in reply.recorded]


def _unconfirmed(r: ReadFact) -> str:
    """An inference is not used until the user confirms it: said where it is shown."""
    return " (please confirm)" if r.origin == "inferred" else ""


def _unread(u: Unread) -> str:
    """The user's words in quotes, exactly as written; the reason after them."""
    if not u.why:
        return f"Could not read \"{u.words}\"; please say it another way."
    return f"Could not use \"{u.words}\": {u.why_said}"


def _question(q: Question) -> str:
    hint = f" ({q.hint})" if q.hint else ""
    return f"{q.question}{hint} [{', '.join(q.clauses)}]" if q.clauses else f"{q.question}{hint}"


def _verdict(reply: Reply, *, all_rows: bool) -> list[str]:
    s = reply.summary
    if s is None:
        return []
    lines = [f"CPT {s.cpt} — {s.procedure} (policy {s.policy_version[:12]}, as of {s.as_of})",
             f"Decision: {s.words}"]
    if s.valid_until:
        lines.append(f"Authorization window: until {s.valid_until}")
    # The chat hides what is not yet known once decided (it cannot change the decision)
    # and, before that, shows only what already fails; `check` shows every row.
    rows = reply.rows if all_rows else [r for r in reply.rows if r.status != "unknown"] \
        if reply.final else [r for r in reply.rows if r.status in ("not_met", "review")]
    counts = ", ".join(f"{s.counts[k]} {STATUS_WORDS[k]}" for k in STATUS_ORDER
                       if s.counts.get(k))
    lines += ["", f"Criteria ({counts})"]
    if rows:
        width = max(len(r.clause) for r in rows)
        lines += [f"  {MARKS[r.status]:<11} {r.clause:<{width}}  {r.reason}" for r in rows]
    if reply.decisive:
        lines += ["", "Policy text relied on"]
        for r in reply.decisive:
            lines.append(f"  {r.clause} [{r.quote_span[0]}:{r.quote_span[1]}] \"{r.quote}\"")
            lines += [f"    read from your words: \"{w}\"" for w in r.said]
    q = reply.qualify
    if q is not None and s.decision == "does_not_meet":
        lines += ["", "What would make it qualify"]
        lines += [f"  - {f.change} ({f.clause})" for f in q.fixes]
        if q.answers:
            lines.append(f"  Also needed, not asked now ({plural(len(q.answers), 'fact')} "
                         "not yet stated; no answer changes today's decision):")
            lines += [f"  - {f.change} ({f.clause})" for f in q.answers]
        lines.append(f"  {q.explanation}")
    if reply.notes_again and (reply.notes or reply.next_steps):
        return lines + ["", AS_BEFORE]
    if reply.notes and reply.final:
        lines += ["", "Interpretations relied on", *[f"  - {n}" for n in reply.notes]]
    if reply.next_steps and reply.final:
        lines += ["", "Next steps", *[f"  - {n}" for n in reply.next_steps]]
    return lines


def _questions(reply: Reply) -> list[str]:
    lines: list[str] = []
    total = len(reply.open_questions)
    if reply.list_open and reply.open_questions:
        lines += ["", f"Still open ({plural(total, 'question')}, most decisive first):"]
        lines += [f"  - {_question(q)}" + (" (answered: not sure)" if q.answered_unsure else "")
                  for q in reply.open_questions]
    asked = [q for q in reply.questions if q.type != "confirm"]
    if asked:
        of = f" ({len(asked)} of {total} open questions, most decisive first)" \
            if total > len(asked) else ""
        lines += ["", f"To go on, please answer{of}:"]
        lines += [f"  {i}. {_question(q)}" for i, q in enumerate(reply.questions, 1)]
    elif reply.questions:  # only readings to confirm (check --text asks nothing else)
        lines += ["", "Please confirm what I read:"]
        lines += [f"  - {_question(q)}" for q in reply.questions]
    if not asked and reply.open_questions and not reply.list_open:
        if reply.no_questions_why:
            lines += ["", reply.no_questions_why]
        else:
            lines += ["", f"Still open ({plural(total, 'question')}, most decisive first):"]
        lines += [f"  - {_question(q)}" + (" (answered: not sure)" if q.answered_unsure else "")
                  for q in reply.open_questions]
    if reply.open_change:
        lines.append(reply.open_change)
    return lines


def reply_text(reply: Reply, *, all_rows: bool = False) -> str:
    """The reply for a terminal. ``all_rows``: every criterion, unknown ones included."""
    lines = list(reply.notices)
    if reply.changes:
        lines.append("Updated: " + "; ".join(reply.changes) + ".")
    lines += _read(reply)
    lines += reply.lines
    lines += _recorded(reply)
    if reply.retrieved:
        lines.append(f"From the policy text (best match first) for: \"{reply.retrieved_for}\"")
        lines += [f"  {c.clause} {c.title}: \"{c.quote}\"" for c in reply.retrieved]
    if reply.requirements:
        r = reply.requirements
        lines.append(f"What the {r.procedure} policy (CPT {r.cpt}) requires:")
        for section in r.sections:
            lines += ["", f"{section.section}"]
            lines += [f"  - {i.text} ({i.clause})" for i in section.items]
    if reply.summary is not None:
        if reply.summary.change:
            lines.append(f"{reply.summary.change}.")
        lines += ["", *_verdict(reply, all_rows=bool(all_rows))]
    if reply.help:
        lines.append(reply.help)
    lines += _questions(reply)
    return "\n".join(lines).strip()

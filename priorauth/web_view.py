"""What the web app shows, as plain data: props for the custom elements in
``public/elements/*.jsx``, Markdown for the side panel and the downloads.

Pure functions of the agent's structured results (the verdict, the pending
questions, the facts); nothing here imports Chainlit, so it is tested without a
server. Each medium renders the same structures once: the browser from these props,
the download from :func:`summary_markdown`.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.markdown import case_markdown
from agent.reply import Reply, fact_words
from agent.unread import Unread, grouped

BANNER = {
    # decision: (plain-language banner, tone used by the card's colours)
    "meets_criteria": ("Meets the criteria", "met"),
    "does_not_meet": ("Does not meet the criteria", "not_met"),
    "needs_review": ("Needs clinical review", "review"),
    "needs_info": ("Needs information", "info"),
}
STATUS_WORDS = {
    "met": "Met",
    "not_met": "Not met",
    "unknown": "Unknown",
    "review": "Needs review",
    "not_applicable": "Does not apply",
}
BLOCKING_ORDER = ("not_met", "review", "unknown")
CLAUSE_ID = re.compile(r"\b\d{5}\.[a-z_]+(?:\.\d+)*\b")


# ------------------------------------------------------------- case identity

CASE_REFERENCE = re.compile(r"^\s*(?:case|ref(?:erence)?)\s*(?:#|no\.?|number)?\s*"
                            r"([A-Za-z0-9][A-Za-z0-9_-]{0,23})\s*[:;,.\-–—]\s*", re.I)
NEW_CASE = re.compile(r"\b(start over|start again|new case|new patient|next patient|"
                      r"another patient|begin again|from scratch)\b[\s,.:;!-]*", re.I)


def split_case_reference(text: str) -> tuple[str, str]:
    """("4471", "does this qualify for 64493?") from "case 4471: does this qualify …";
    ("", text) without one."""
    found = CASE_REFERENCE.match(text)
    if not found or not re.search(r"\d", found.group(1)):
        return "", text
    return found.group(1), text[found.end():]


def new_case_request(text: str) -> tuple[bool, str]:
    """(True, what else was said) for "start over" / "new patient: …"."""
    if not NEW_CASE.search(text):
        return False, text
    rest = NEW_CASE.sub(" ", text)
    rest = " ".join(rest.split()).strip(" ,.:;-")
    return True, rest if re.search(r"[A-Za-z0-9]{2}", rest) else ""


def other_procedure(text: str, current: str | None) -> str | None:
    """The supported procedure ``text`` asks about ("62311", "does this qualify for a CT
    chest?") when it is not ``current``, read as the agent reads it: a fact of the
    current case that names another procedure ("after 12 weeks of physical therapy")
    is not a request."""
    if not current:
        return None
    from agent.reading.requests import procedure
    from agent.reading.rules import reading_rules

    phrases = tuple(p for rule in reading_rules(current).values() for p in rule.phrases)
    cpt, _ = procedure(text.lower(), current, phrases)
    return cpt if cpt and cpt != current else None


def another_case(text: str, reference: str, cpt: str | None,
                 facts: dict[str, Any], current_reference: str = "") -> str:
    """Why ``text`` is a new case for a new conversation ("" if it belongs to this one):
    another case reference, or another procedure once this case has facts (before any
    fact, asking for another procedure just corrects which one this case is)."""
    if reference and current_reference and reference != current_reference:
        return (f"This conversation is case {escape_markdown(current_reference)}; case "
                f"{escape_markdown(reference)} is another case.")
    other = other_procedure(text, cpt) if facts else None
    if other is None or cpt is None:
        return ""
    from policies.library import load_policy

    return (f"This conversation is the case for CPT {cpt} "
            f"({load_policy(cpt).procedure}), with {len(facts)} "
            f"fact{'' if len(facts) == 1 else 's'} given. CPT {other} "
            f"({load_policy(other).procedure}) is checked as a new case, so two patients' "
            "facts never mix (for the same patient, give its facts again there: nothing "
            "carries over between cases).")


def case_title(verdict: dict[str, Any] | None, cpt: str | None,
               facts: dict[str, dict[str, Any]], reference: str = "") -> str:
    """The conversation's name in the history: "Case 4471 · 64493 Facet Joint Injection",
    or the procedure and the first facts ("64493 · Low back, 14 weeks")."""
    code = (verdict or {}).get("cpt") or cpt or ""
    if reference:
        return f"Case {reference} · {code}".strip(" ·")
    first = sorted(facts.items(), key=lambda item: item[1].get("turn", 0))[:3]
    words = [describe_fact(name, entry.get("value"))[1] for name, entry in first
             if entry.get("value") is not None]
    title = code or "New case"
    words = [w for w in words if len(w) <= 30]
    if words:
        title += " · " + ", ".join(words)[:60]
    elif verdict and verdict.get("procedure"):
        title += " · " + verdict["procedure"]
    return title


def file_stem(cpt: str, reference: str, thread_id: str, stamp: str) -> str:
    """A download name unique to the case: the reference (or thread) and the time."""
    who = re.sub(r"[^A-Za-z0-9_-]", "", reference) or thread_id[:8]
    return f"verdict-{cpt}-{who}-{stamp}"


# ----------------------------------------------------------------- user text


BARE_LINK = re.compile(r"(?i)\b(https?:|ftp:|mailto:)(?!\u2060)(//)?|\b(www)(\.)")
JOINER = "\u2060"
"""An invisible word joiner: "http:⁠//" reads the same but is no longer a live link."""


def _no_bare_links(text: str) -> str:
    # "http://…" and "www.…" become live links even when escaped (GFM autolinks are
    # found in the text after escapes): a word joiner inside stops that.
    return BARE_LINK.sub(lambda m: f"{m.group(1)}{JOINER}{m.group(2) or ''}" if m.group(1)
                         else f"{m.group(3)}{JOINER}{m.group(4)}", text)


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown: links, images, autolinks and HTML in a user's
    words show as typed instead of rendering (and loading) live."""
    return _no_bare_links(re.sub(r"([\\`*_{}\[\]()<>#!|~])", r"\\\1", str(text)))


def neutralize(markdown: str) -> str:
    """Markdown from the agent with any link or image syntax disarmed.

    The agent never writes links or images itself, so any such syntax came from the
    user's words it echoes ("I could not read …"); it is shown as text. Already
    escaped characters are left as they are.
    """
    markdown = re.sub(r"(?<!\\)\]\s*\(", r"]\\(", markdown)          # [x](url), ![x](url)
    markdown = re.sub(r"(?<!\\)\]\s*\[", r"]\\[", markdown)          # [x][ref]
    markdown = re.sub(r"(?m)^(\s*)\[([^\]]*)\]:", r"\1\\[\2\\]:", markdown)  # [ref]: url
    markdown = re.sub(r"(?<!\\)<(?=[a-zA-Z/!?])", r"\\<", markdown)   # <http://…>, <img …>
    return _no_bare_links(markdown)


def cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def describe_fact(name: str, value: Any) -> tuple[str, str]:
    """(label, value in words) for a fact, falling back to the raw name and value."""
    try:
        return fact_words(name, value)
    except Exception:  # presentation only: never fail a turn over a label
        return name, "not sure" if value is None else str(value)


# ------------------------------------------------------------ the verdict card


def card_props(reply: Reply) -> dict[str, Any]:
    """Props of ``VerdictCard.jsx`` from the structured reply: a banner, the blocking
    items first (not met, then review, then unknown, each with its reason or its
    question), met rows behind a count, each row with its clause.

    A reply that still needs information with nothing asked in the form shows every
    open question on the card, and says why nothing is asked (no dead end)."""
    s = reply.summary
    if s is None:
        return {}
    banner, tone = BANNER.get(s.decision, (s.words, "info"))
    final = s.decision != "needs_info"
    asking = bool(reply.questions)
    questions = {q.fact: q.question for q in reply.open_questions}
    said = {r.rule: r.said for r in reply.decisive}
    blocking = []
    for status in BLOCKING_ORDER:
        for row in (r for r in reply.rows if r.status == status):
            question = next((questions[f] for f in row.facts if f in questions), "")
            if status == "unknown" and (not question or (asking and not final)):
                # Still open: the question form asks for it (or, with a definite
                # decision, it cannot change it); counted below.
                continue
            blocking.append({"status": status, "status_words": STATUS_WORDS[status],
                             "clause": row.clause, "title": row.title,
                             "reason": row.reason, "question": question,
                             # the user's words a deciding row was read from (as typed:
                             # the card shows them as text, not Markdown)
                             "said": said.get(row.rule, []) if status != "unknown" else []})
    settled = [{"status": r.status, "status_words": STATUS_WORDS.get(r.status, ""),
                "clause": r.clause, "title": r.title, "reason": r.reason}
               for r in reply.rows if r.status in ("met", "not_applicable")]
    shown_unknown = sum(1 for b in blocking if b["status"] == "unknown")
    quiet_unknown = s.counts.get("unknown", 0) - shown_unknown
    q = reply.qualify
    fixes: list[dict[str, str]] = []
    answers: list[dict[str, str]] = []
    explanation = ""
    if q is not None and s.decision == "does_not_meet":
        fixes = [{"change": f.change, "clause": f.clause} for f in q.fixes]
        answers = [{"change": f.change, "clause": f.clause} for f in q.answers]
        explanation = q.explanation
    elif s.decision == "needs_info" and not asking:
        explanation = reply.no_questions_why or ""
    return {
        "banner": banner, "tone": tone, "decision": s.decision,
        "procedure": s.procedure, "cpt": s.cpt,
        "as_of": s.as_of, "total": len(reply.rows),
        "blocking": blocking, "settled": settled, "quiet_unknown": quiet_unknown,
        "valid_until": s.valid_until if final else None,
        "fixes": fixes, "answers": answers, "review": list(q.review) if q else [],
        "explanation": explanation, "change": s.change or "",
        "notes": [re.sub(r"^\[([^\]]*)\]\s*", r"(\1) ", n) for n in reply.notes]
        if final else [],
        "next_steps": list(reply.next_steps) if final else [],
    }


def check_summary(reply: Reply) -> str:
    """One line for the "Criteria check" step: the decision, counts, open questions."""
    s = reply.summary
    if s is None:
        return ""
    banner, _ = BANNER.get(s.decision, (s.words, ""))
    counts = ", ".join(f"{n} {STATUS_WORDS[k].lower()}" for k, n in s.counts.items())
    n = len(reply.open_questions)
    return f"{banner}. {counts}. {n} open question{'' if n == 1 else 's'}."


def _read_lines(reply: Reply) -> list[str]:
    if len(reply.read) >= READ_TABLE_MIN:
        lines = ["**What I read** — correct anything that is wrong (e.g. *correction: 14 "
                 "weeks of physical therapy*):", "", "| fact | read as | from your words |",
                 "| --- | --- | --- |"]
        return lines + [f"| {cell(r.label)} | {cell(r.value)} | "
                        f"\"{cell(escape_markdown(r.words))}\" |" for r in reply.read]
    shown = [r for r in reply.read if not r.replaced]
    return ["Noted: " + "; ".join(f"{r.label}: {r.value} (\"{escape_markdown(r.words)}\")"
                                  for r in shown) + "."] if shown else []


def _recorded_lines(reply: Reply) -> list[str]:
    """The case record the user asked for ("what have you recorded so far?")."""
    if reply.recorded is None:
        return []
    if not reply.recorded:
        return ["Nothing is recorded for this case yet."]
    n = len(reply.recorded)
    return [f"**Recorded so far** ({n} fact{'' if n == 1 else 's'}) — correct anything "
            "that is wrong:", "", "| fact | value | from your words |", "| --- | --- | --- |"] + [
        f"| {cell(r.label)} | {cell(r.value)}"
        f"{' (please confirm)' if r.origin == 'inferred' else ''} | "
        f"\"{cell(escape_markdown(r.words))}\" |" for r in reply.recorded]


READ_TABLE_MIN = 3
"""From this many facts read in one message, "What I read" is a table (an element)."""


def _unread(u: Unread) -> str:
    """The user's words in quotes, exactly as written; the reason (the reader's own
    words) after them."""
    if not u.why:
        return f"I could not read \"{escape_markdown(u.words)}\" — please say it another way."
    return f"I could not use \"{escape_markdown(u.words)}\": {escape_markdown(u.why_said)}"


def reply_words(reply: Reply, *, card: bool, form: bool, read_table: bool = False) -> str:
    """The agent's words around what the card and the form show, from the structured
    reply (never by cutting its Markdown): notices, corrections, what was read, the
    policy text found, and — when there is no card or form — the verdict and questions.
    ``read_table``: "What I read" is shown by the Facts element, not in words."""
    lines = [f"_{n}_" for n in reply.notices]
    if reply.changes:
        lines.append("Updated: " + "; ".join(reply.changes) + ".")
    if not read_table:
        lines += _read_lines(reply)
    own, together = grouped(reply.unread)
    lines += [_unread(u) for u in own]
    if together:  # a pasted note's unreadable lines, listed together so the questions show
        lines.append("I could not read these parts; say one another way if it matters: "
                     + "; ".join(f"\"{escape_markdown(u.words)}\"" for u in together) + ".")
    lines += reply.lines
    lines += _recorded_lines(reply)
    if reply.list_open and reply.open_questions:
        lines.append(f"**Still open** ({len(reply.open_questions)}, most decisive first):")
        lines += [f"- {q.question}" + (" (answered: not sure)" if q.answered_unsure else "")
                  for q in reply.open_questions]
    if reply.retrieved:
        lines.append(f"From the policy text (best match first) for: "
                     f"\"{escape_markdown(reply.retrieved_for or '')}\"")
        lines += [f"- {c.clause} {c.title}: \"{c.quote}\"" for c in reply.retrieved]
    if reply.requirements:
        r = reply.requirements
        lines.append(f"**What the {r.procedure} policy (CPT {r.cpt}) requires**")
        for section in r.sections:
            lines += ["", f"*{section.section}*", *[f"- {i.text} ({i.clause})"
                                                   for i in section.items]]
    if reply.summary is not None and not card:
        lines.append(f"**{reply.summary.words}** — {reply.summary.procedure} "
                     f"(CPT {reply.summary.cpt})")
    if reply.help:
        lines.append(reply.help)
    if reply.questions and not form:
        lines.append("To go on, please answer:")
        lines += [f"{i}. {q.question}" for i, q in enumerate(reply.questions, 1)]
    if reply.open_change:
        lines.append(f"_{reply.open_change}_")
    return neutralize("\n".join(lines).strip())


# ------------------------------------------------------------ fact editors

ORIGIN_WORDS = {"stated": "stated", "confirmed": "confirmed",
                "inferred": "read by the model, not yet confirmed"}


def fact_row(name: str, value_words: str, words: str, origin: str) -> dict[str, Any]:
    """One row of ``Facts.jsx``: the fact in words and what its editor offers."""
    from agent.understand import all_fact_specs

    spec = all_fact_specs().get(name)
    return {"fact": name, "label": spec.label if spec else name, "value": value_words,
            "words": words, "origin": ORIGIN_WORDS.get(origin, origin),
            "type": spec.type if spec else "text", "unit": (spec.unit or "") if spec else "",
            "choices": [[k, v] for k, v in ((spec.choices or {}) if spec else {}).items()]}


def facts_props(facts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The "Facts so far" panel: every fact, editable."""
    rows = [fact_row(name, describe_fact(name, entry.get("value"))[1],
                     entry.get("words", ""), entry.get("origin", "stated"))
            for name, entry in facts.items()]
    return {"mode": "all", "title": "" if rows else "No facts yet.", "rows": rows,
            "footer": "Correct a value here, or type it in the chat (e.g. correction: 14 "
                      "weeks of physical therapy). The verdict is recomputed from the new "
                      "value."}


def read_props(reply: Reply, note: str) -> dict[str, Any]:
    """ "What I read" under a pasted note: the note with each fact's words highlighted."""
    return {"mode": "read", "note": note,
            "title": "What I read — click a highlighted phrase or Correct to fix one",
            "rows": [fact_row(r.fact, r.value, r.words, r.origin) for r in reply.read]}


def edit_words(label: str, value: Any, choices: dict[str, str] | None = None) -> str:
    """The user's message for an edit: "Correction: Pain score → 3"."""
    if value is None:
        shown = "not sure"
    elif isinstance(value, bool):
        shown = "yes" if value else "no"
    elif isinstance(value, list):
        shown = ", ".join((choices or {}).get(v, str(v)) for v in value) or "none"
    else:
        shown = (choices or {}).get(str(value), str(value))
    return f"Correction: {label} → {shown}"


# ------------------------------------------------------------- the questions


def _choices(question: dict[str, Any]) -> list[list[str]]:
    return [[str(v), str(label)] for v, label in (question.get("choices") or {}).items()]


def form_props(questions: list[dict[str, Any]], facts: dict[str, dict[str, Any]],
               picked: dict[str, str] | None = None) -> dict[str, Any]:
    """Props of ``Questions.jsx``: one control per pending question, in the order asked."""
    rows = []
    for number, q in enumerate(questions, 1):
        kind = q.get("type", "confirm")
        text = q.get("question", "")
        if kind == "confirm":
            label, value = describe_fact(q["fact"], facts.get(q["fact"], {}).get("value"))
            text = f"I read {label}: {value}. Is that right?"
        rows.append({"fact": q["fact"], "number": number, "question": text, "type": kind,
                     "unit": q.get("unit") or "", "choices": _choices(q),
                     "clauses": list(q.get("clauses", []))})
    return {"questions": rows, "picked": dict(picked or {}), "state": "open",
            "form_id": uuid.uuid4().hex}


def form_answer(kind: str, value: str) -> str:
    """One form answer as the agent reads it among others ("; " between answers): a
    typed date in ISO form, a score without its scale ("7/10" → "7")."""
    value = " ".join(value.split())
    if value.lower() in ("not sure", "never", "none", "yes", "no"):
        return value.lower()
    if kind == "date":
        from policies.facts import parse_date

        parsed = parse_date(value)
        return parsed.isoformat() if parsed else value
    if kind == "number":
        score = re.fullmatch(r"(\d+(?:\.\d+)?)\s*/\s*10", value)  # "7/10"
        return score.group(1) if score else value.replace(";", " ")
    return value.replace(";", " ")


ONE_FOR_ALL = re.compile(r"(none|no|not sure|unsure|unknown|don'?t know|n/?a)[.!]?")


def compose_answer(pending: list[str], selected: dict[str, str], typed: str) -> str:
    """Merge picked answers with typed text into one answer, in the order asked.

    With answers picked for some questions, typed text fills the rest in order
    ("7" after Yes/Yes for questions 2-3 → "7; yes; yes"); otherwise (or when the
    typed text does not split into the open slots) it goes as typed, and the picks
    are kept for the questions still open after the turn.
    """
    if not selected or not pending:
        return typed
    rest = [f for f in pending if f not in selected]
    parts = [p.strip() for p in re.split(r"[;\n]", typed) if p.strip()]
    if len(parts) != len(rest):
        parts = [p.strip() for p in re.split(r"[,;]|\band\b|\n", typed) if p.strip()]
    if rest and len(parts) == 1 and ONE_FOR_ALL.fullmatch(parts[0].lower()):
        parts = parts * len(rest)  # "none" / "not sure" for every question left
    if not rest or len(parts) != len(rest):
        return typed
    fill = iter(parts)
    return "; ".join(selected[f] if f in selected else next(fill) for f in pending)


def picks_still_open(selected: dict[str, str], facts: dict[str, Any]) -> dict[str, str]:
    """Picks the agent has not stored yet (a typed reply went instead of them): kept,
    and filled in when their question is asked again."""
    return {f: v for f, v in selected.items() if f not in facts}


def parse_picker_date(raw: Any, zone: str | None = None) -> date | None:
    """A date from the settings picker (``2026-11-23``, a local ``2026-11-23T00:00:00``
    or an ISO instant).

    Chainlit's picker sends the local midnight of the picked day as a UTC instant, so
    the day is that instant in the browser's time zone ``zone`` (an IANA name, e.g.
    "Pacific/Kiritimati"). Without a known zone, adding 12 hours before taking the UTC
    date gives the picked day from UTC-11 to UTC+12.
    """
    text = str(raw or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from policies.facts import parse_date

        return parse_date(text)
    if moment.tzinfo is None:
        return moment.date()
    where = time_zone(zone)
    if where is not None:
        return moment.astimezone(where).date()
    return (moment.astimezone(UTC).replace(tzinfo=None)
            + timedelta(hours=12)).date()


def time_zone(name: str | None) -> tzinfo | None:
    """The IANA time zone ``name`` (as the browser reports it), or None if unknown."""
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return None


def picker_value(day: date) -> str:
    """A day for the picker to show as that day in every time zone: a local date-time
    (JavaScript reads ``2026-11-23`` as UTC midnight, the day before west of UTC)."""
    return f"{day.isoformat()}T00:00:00"


# --------------------------------------------------------- side panel, files


def facts_markdown(facts: dict[str, dict[str, Any]]) -> str:
    if not facts:
        return "No facts yet. Describe the case in your own words or answer the questions."
    lines = ["| fact | value | from your words | status |", "| --- | --- | --- | --- |"]
    origin = {"stated": "stated", "confirmed": "confirmed",
              "inferred": "read by the model, not yet confirmed"}
    for name, entry in facts.items():
        label, value = describe_fact(name, entry.get("value"))
        words = escape_markdown(cell(entry.get("words", "")))
        lines.append(f"| {cell(label)} | {cell(value)} | \"{words}\" "
                     f"| {origin.get(entry.get('origin', ''), entry.get('origin', ''))} |")
    lines += ["", "To correct a fact, type it again, e.g. *correction: 14 weeks of physical "
                  "therapy* or *pain is 6/10*. The verdict is recomputed from the new value."]
    return "\n".join(lines)


def clause_markdown(cpt: str, clause_id: str) -> str | None:
    """The side panel for a clause: procedure, section, title and the verbatim text."""
    try:
        from policies.library import load_policy

        policy = load_policy(cpt)
        clause = policy.clauses[clause_id]
    except Exception:
        return None
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in
                       clause.text.splitlines())
    return (f"**{policy.procedure} (CPT {policy.cpt})** · section **{clause.section}** · "
            f"{clause.title}\n\n{quoted}\n\n"
            f"_Verbatim policy text, characters {clause.start}–{clause.end}._")


def summary_markdown(reply: Reply, facts: dict[str, dict[str, Any]],
                     reference: str = "") -> str:
    """The case-file download: the shared Markdown rendering (``agent.markdown``)."""
    rows = [(*describe_fact(name, entry.get("value")), str(entry.get("words", "")),
             str(entry.get("origin", ""))) for name, entry in facts.items()]
    return case_markdown(reply, rows, reference)

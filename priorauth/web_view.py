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
from datetime import UTC, date, datetime, timedelta
from typing import Any

from agent.reply import fact_words

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


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown: links, images, autolinks and HTML in a user's
    words show as typed instead of rendering (and loading) live."""
    return re.sub(r"([\\`*_{}\[\]()<>#!|~])", r"\\\1", str(text))


def neutralize(markdown: str) -> str:
    """Markdown from the agent with any link or image syntax disarmed.

    The agent never writes links or images itself, so any such syntax came from the
    user's words it echoes ("I could not read …"); it is shown as text.
    """
    markdown = re.sub(r"\]\s*\(", r"]\\(", markdown)          # [x](url), ![x](url)
    markdown = re.sub(r"\]\s*\[", r"]\\[", markdown)          # [x][ref]
    markdown = re.sub(r"(?m)^(\s*)\[([^\]]*)\]:", r"\1\\[\2\\]:", markdown)  # [ref]: url
    return re.sub(r"<(?=[a-zA-Z/!?])", r"\\<", markdown)      # <http://…>, <img …>


def cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def describe_fact(name: str, value: Any) -> tuple[str, str]:
    """(label, value in words) for a fact, falling back to the raw name and value."""
    try:
        return fact_words(name, value)
    except Exception:  # presentation only: never fail a turn over a label
        return name, "not sure" if value is None else str(value)


# ------------------------------------------------------------ the verdict card


def _question_for(criterion: dict[str, Any], missing: dict[str, dict[str, Any]]) -> str:
    for fact in criterion.get("facts", []):
        if fact in missing:
            return missing[fact]["question"]
    return ""


def card_props(verdict: dict[str, Any]) -> dict[str, Any]:
    """Props of ``VerdictCard.jsx``: a banner, the blocking items first (not met, then
    review, then unknown, each with its reason or its question), met rows behind a
    count, each row with its clause."""
    banner, tone = BANNER.get(verdict["decision"], ("Needs information", "info"))
    criteria = verdict.get("criteria", [])
    missing = {m["fact"]: m for m in verdict.get("missing", [])}
    final = verdict["decision"] != "needs_info"
    blocking = []
    for status in BLOCKING_ORDER:
        for c in criteria:
            if c["status"] != status:
                continue
            question = _question_for(c, missing) if status == "unknown" else ""
            if status == "unknown" and (not final or not question):
                # Still open: the question form asks for it (or, with a definite
                # decision, it cannot change it); counted below.
                continue
            blocking.append({"status": status, "status_words": STATUS_WORDS[status],
                             "clause": c["clause"], "title": c.get("title", ""),
                             "reason": c.get("reason", ""), "question": question})
    settled = [{"status": c["status"], "status_words": STATUS_WORDS.get(c["status"], ""),
                "clause": c["clause"], "title": c.get("title", ""),
                "reason": c.get("reason", "")}
               for c in criteria if c["status"] in ("met", "not_applicable")]
    shown_unknown = sum(1 for b in blocking if b["status"] == "unknown")
    quiet_unknown = sum(c["status"] == "unknown" for c in criteria) - shown_unknown
    fixes: list[dict[str, str]] = []
    explanation = ""
    tq = verdict.get("to_qualify") or {}
    if verdict["decision"] == "does_not_meet" and tq:
        failing = {c["clause"] for c in criteria if c["status"] == "not_met"}
        if tq.get("possible"):
            fixes = [{"change": f["change"], "clause": f["clause"]}
                     for f in tq.get("changes", []) if f.get("clause") in failing]
        else:
            explanation = tq.get("explanation", "")
    return {
        "banner": banner, "tone": tone, "decision": verdict["decision"],
        "procedure": verdict["procedure"], "cpt": verdict["cpt"],
        "as_of": verdict["as_of"], "total": len(criteria),
        "blocking": blocking, "settled": settled, "quiet_unknown": quiet_unknown,
        "valid_until": verdict.get("valid_until") if final else None,
        "fixes": fixes, "explanation": explanation,
        "notes": [re.sub(r"^\[([^\]]*)\]\s*", r"(\1) ", n) for n in verdict.get("notes", [])]
        if final else [],
        "next_steps": list(verdict.get("next_steps", [])) if final else [],
    }


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


def parse_picker_date(raw: Any) -> date | None:
    """A date from the settings picker (``2026-11-23`` or an ISO datetime).

    Chainlit's picker sends the local midnight of the picked day in UTC; adding 12 hours
    before taking the date gives the picked day for offsets from UTC-11 to UTC+12.
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
    return (moment.astimezone(UTC).replace(tzinfo=None)
            + timedelta(hours=12)).date()


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


def summary_markdown(verdict: dict[str, Any], facts: dict[str, dict[str, Any]],
                     reference: str = "") -> str:
    """A Markdown summary of the verdict for the case file (the download)."""
    banner, _ = BANNER.get(verdict["decision"], (verdict["decision"], ""))
    title = f"# Prior-authorization criteria check: {verdict['procedure']} " \
            f"(CPT {verdict['cpt']})"
    lines = [title, ""]
    if reference:
        lines.append(f"- **Case:** {cell(reference)}")
    lines += [f"- **Decision:** {banner}",
              f"- **Policy as of:** {verdict['as_of']}",
              f"- **Policy version:** {verdict.get('policy_version', '')[:12]}"]
    if verdict.get("valid_until"):
        lines.append(f"- **Authorization window:** until {verdict['valid_until']}")
    lines += ["", "This is a check of the policy's criteria, not an approval or a denial; "
                  "the payer decides.", "", "## Criteria", "",
              "| status | clause | criterion | reason | policy text |",
              "| --- | --- | --- | --- | --- |"]
    for c in verdict.get("criteria", []):
        start, end = c.get("quote_span", [None, None])
        lines.append(f"| {c['status']} | {c['clause']} | {cell(c.get('title', ''))} | "
                     f"{cell(c.get('reason', ''))} | \"{cell(c.get('quote', ''))}\" "
                     f"[{start}:{end}] |")
    if verdict.get("missing"):
        lines += ["", "## Still unknown", ""]
        lines += [f"- {m['question']} ({', '.join(m.get('clauses', []))})"
                  for m in verdict["missing"]]
    lines += ["", "## Facts", ""]
    for name, entry in facts.items():
        label, value = describe_fact(name, entry.get("value"))
        lines.append(f"- {label}: {value} (\"{escape_markdown(entry.get('words', ''))}\", "
                     f"{entry.get('origin')})")
    if verdict.get("notes"):
        lines += ["", "## Interpretations relied on", ""] + [f"- {n}" for n in verdict["notes"]]
    if verdict.get("next_steps"):
        lines += ["", "## Next steps", ""] + [f"- {s}" for s in verdict["next_steps"]]
    return "\n".join(lines) + "\n"


def stream_chunks(text: str, size: int = 400) -> list[str]:
    """The reply in pieces of whole lines, about ``size`` characters each (each piece
    re-renders the whole message in the browser, so few and large beats many)."""
    chunks, current = [], ""
    for line in text.splitlines(keepends=True):
        current += line
        if len(current) >= size:
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks

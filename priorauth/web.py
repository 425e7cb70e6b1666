"""The Chainlit web app: a thin adapter over :class:`agent.session.Assistant`.

Run it with ``priorauth ui`` (or ``chainlit run priorauth/web.py``). Nothing here
decides anything: the agent reads the messages and the checker decides; this module
only presents the turn (steps, a verdict card, question buttons, downloads) and keeps
the Chainlit side of a conversation (its data layer, login, settings).

The LangGraph thread id is Chainlit's thread id, so a conversation reopened from the
history continues the same graph thread.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import re
import secrets
import threading
from datetime import date
from typing import Any

import chainlit as cl
from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.data.storage_clients.base import BaseStorageClient
from chainlit.input_widget import Select, TextInput

from agent.config import Settings
from agent.reply import fact_words
from agent.session import Assistant, Turn
from priorauth.cli_ui import parse_users, verify_password

log = logging.getLogger("priorauth.web")

# ------------------------------------------------------------------ the agent

_assistants: dict[str, Assistant] = {}
_assistants_lock = threading.Lock()


def assistant(mode: str | None = None) -> Assistant:
    """One Assistant per understanding mode, all sharing one checkpointer."""
    mode = mode if mode in ("offline", "llm") else Settings().mode
    with _assistants_lock:
        if mode not in _assistants:
            shared = next(iter(_assistants.values()), None)
            _assistants[mode] = Assistant(
                Settings(understanding=mode),
                checkpointer=shared.checkpointer if shared else None)
        return _assistants[mode]


def llm_available() -> bool:
    return bool(Settings().openai_api_key)


# ------------------------------------------------------------- presentation

DECISIONS = {
    # decision: (words, alert colour used by Chainlit's Markdown ``::: type`` blocks)
    "meets_criteria": ("Meets criteria", "success"),
    "does_not_meet": ("Does not meet criteria", "caution"),
    "needs_review": ("Needs clinical review", "warning"),
    "needs_info": ("Needs information", "info"),
}
STATUS = {
    "met": "✓ met",
    "not_met": "**✗ not met**",
    "unknown": "? unknown",
    "review": "**! review**",
    "not_applicable": "– n/a",
}
CLAUSE_ID = re.compile(r"\b\d{5}\.[a-z_]+(?:\.\d+)*\b")
FACTS_ELEMENT = "Facts so far"


def _cell(text: Any) -> str:
    return " ".join(str(text).split()).replace("|", "/")


def describe_fact(name: str, value: Any) -> tuple[str, str]:
    """(label, value in words) for a fact, falling back to the raw name and value."""
    try:
        return fact_words(name, value)
    except Exception:  # presentation only: never fail a turn over a label
        return name, "not sure" if value is None else str(value)


def facts_markdown(facts: dict[str, dict[str, Any]]) -> str:
    if not facts:
        return "No facts yet. Describe the case in your own words or answer the questions."
    lines = ["| fact | value | from your words | status |", "| --- | --- | --- | --- |"]
    origin = {"stated": "stated", "confirmed": "confirmed",
              "inferred": "read by the model, not yet confirmed"}
    for name, entry in facts.items():
        label, value = describe_fact(name, entry.get("value"))
        lines.append(f"| {_cell(label)} | {_cell(value)} | \"{_cell(entry.get('words', ''))}\" "
                     f"| {origin.get(entry.get('origin', ''), entry.get('origin', ''))} |")
    lines += ["", "To correct a fact, type it again, e.g. *correction: 14 weeks of physical "
                  "therapy* or *pain is 6/10*. The verdict is recomputed from the new value."]
    return "\n".join(lines)


def verdict_card(verdict: dict[str, Any]) -> str:
    """The verdict as Markdown: decision in words and colour, checklist, notes, next steps.

    Clause ids are plain text so Chainlit turns them into links to their side elements.
    """
    words, colour = DECISIONS.get(verdict["decision"], (verdict["decision"], "info"))
    final = verdict["decision"] != "needs_info"
    lines = [f"::: {colour}",
             f"{words} — {verdict['procedure']} (CPT {verdict['cpt']}), policy as of "
             f"{verdict['as_of']}",
             ":::", ""]
    criteria = verdict.get("criteria", [])
    counts = {s: sum(c["status"] == s for c in criteria) for s in STATUS}
    rows = criteria if final else [c for c in criteria if c["status"] in ("not_met", "review")]
    summary = ", ".join(f"{n} {s.replace('_', ' ').replace('not applicable', 'n/a')}"
                        for s, n in counts.items() if n)
    lines.append(f"**Checklist** ({len(criteria)} criteria: {summary})")
    if rows:
        lines += ["", "| status | clause | criterion | why |", "| --- | --- | --- | --- |"]
        for c in rows:
            lines.append(f"| {STATUS.get(c['status'], c['status'])} | {c['clause']} | "
                         f"{_cell(c.get('title', ''))} | {_cell(c.get('reason', ''))} |")
    elif not final:
        lines.append("None failed so far; the open questions below decide the rest.")
    if final and verdict.get("valid_until"):
        lines += ["", f"**Authorization window:** if approved on {verdict['as_of']}, valid "
                      f"until {verdict['valid_until']}."]
    tq = verdict.get("to_qualify")
    if tq and verdict["decision"] == "does_not_meet":
        if tq.get("possible"):
            failing = {c["clause"] for c in criteria if c["status"] == "not_met"}
            fixes = [f"- {c['change']} ({c['clause']})" for c in tq.get("changes", [])
                     if c.get("clause") in failing]
            if fixes:
                lines += ["", "**What would make it qualify**", *fixes]
        elif tq.get("explanation"):
            lines += ["", f"**What would make it qualify:** {tq['explanation']}"]
    if final and verdict.get("notes"):
        notes = [re.sub(r"^\[([^\]]*)\]\s*", r"(\1) ", n) for n in verdict["notes"]]
        lines += ["", "**Interpretations relied on**", *[f"- {n}" for n in notes]]
    if final and verdict.get("next_steps"):
        lines += ["", "**Next steps**", *[f"- {s}" for s in verdict["next_steps"]]]
    return "\n".join(lines)


def reply_markdown(turn: Turn) -> str:
    """The agent's reply with its verdict block replaced by the card."""
    reply = turn.reply or ""
    reply = re.sub(r"`(\d{5}\.[a-z_]+(?:\.\d+)*)`", r"\1", reply)  # linkable clause ids
    verdict = turn.verdict
    if not verdict:
        return reply
    head_marker = f"**{verdict['procedure']} (CPT {verdict['cpt']}) — "
    start = reply.find(head_marker)
    if start < 0:  # e.g. a policy question answered on a thread that has a verdict
        return reply
    questions = reply.find("\nTo go on I need", start)
    head = reply[:start].rstrip()
    tail = reply[questions:].strip() if questions >= 0 else ""
    parts = [p for p in (head, verdict_card(verdict), tail) if p]
    return "\n\n".join(parts)


def summary_markdown(verdict: dict[str, Any], facts: dict[str, dict[str, Any]]) -> str:
    """A Markdown summary of the verdict for the case file (the download)."""
    words, _ = DECISIONS.get(verdict["decision"], (verdict["decision"], ""))
    lines = [f"# Prior-authorization criteria check: {verdict['procedure']} "
             f"(CPT {verdict['cpt']})", "",
             f"- **Decision:** {words}",
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
        lines.append(f"| {c['status']} | {c['clause']} | {_cell(c.get('title', ''))} | "
                     f"{_cell(c.get('reason', ''))} | \"{_cell(c.get('quote', ''))}\" "
                     f"[{start}:{end}] |")
    if verdict.get("missing"):
        lines += ["", "## Still unknown", ""]
        lines += [f"- {m['question']} ({', '.join(m.get('clauses', []))})"
                  for m in verdict["missing"]]
    lines += ["", "## Facts", ""]
    for name, entry in facts.items():
        label, value = describe_fact(name, entry.get("value"))
        lines.append(f"- {label}: {value} (\"{entry.get('words', '')}\", {entry.get('origin')})")
    if verdict.get("notes"):
        lines += ["", "## Interpretations relied on", ""] + [f"- {n}" for n in verdict["notes"]]
    if verdict.get("next_steps"):
        lines += ["", "## Next steps", ""] + [f"- {s}" for s in verdict["next_steps"]]
    return "\n".join(lines) + "\n"


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


def answer_choices(question: dict[str, Any]) -> list[tuple[str, str]]:
    """(button label, text sent) for a pending question; free text is always accepted."""
    kind = question.get("type")
    if kind == "boolean":
        return [("Yes", "yes"), ("No", "no"), ("Not sure", "not sure")]
    if kind == "choice" and question.get("choices"):
        return [(label, label) for label in question["choices"].values()] + \
            [("Not sure", "not sure")]
    if kind == "set":
        return [("None", "none"), ("Not sure", "not sure")]
    if kind == "confirm":
        return [("Yes", "yes"), ("No", "no")]
    return [("Not sure", "not sure")]


def compose_answer(pending: list[str], selected: dict[str, str], typed: str) -> str:
    """Merge button picks with typed text into one answer, in the order asked.

    With answers picked for some questions, typed text fills the rest in order
    ("7" after Yes/Yes for questions 2-3 → "7, yes, yes"); otherwise it goes as typed.
    """
    if not selected or not pending:
        return typed
    rest = [f for f in pending if f not in selected]
    parts = [p.strip() for p in re.split(r"[,;]|\band\b|\n", typed) if p.strip()]
    if not rest or len(parts) != len(rest):
        return typed
    fill = iter(parts)
    return ", ".join(selected[f] if f in selected else next(fill) for f in pending)


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


def _data_url(data: bytes | str, mime: str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return f"data:{mime};base64,{base64.b64encode(raw).decode()}"


# ------------------------------------------------------------- persistence


class InlineStorage(BaseStorageClient):
    """Keeps element content inside the element row, as a ``data:`` URL.

    The elements here are small (clause text, a verdict JSON, a summary), so a blob
    store is not needed for them to survive a reload or a reopen from the history.
    """

    async def upload_file(self, object_key: str, data: bytes | str,
                          mime: str = "application/octet-stream", overwrite: bool = True,
                          content_disposition: str | None = None) -> dict[str, Any]:
        return {"url": _data_url(data, mime), "object_key": ""}

    async def delete_file(self, object_key: str) -> bool:
        return True

    async def get_read_url(self, object_key: str) -> str:
        return ""

    async def close(self) -> None:
        return None


def _schema(sqlite: bool) -> list[str]:
    uuid, json_t, array = ("TEXT", "TEXT", "TEXT") if sqlite else ("UUID", "JSONB", "TEXT[]")
    return [
        f"""CREATE TABLE IF NOT EXISTS users ("id" {uuid} PRIMARY KEY,
            "identifier" TEXT NOT NULL UNIQUE, "metadata" {json_t} NOT NULL,
            "createdAt" TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS threads ("id" {uuid} PRIMARY KEY, "createdAt" TEXT,
            "name" TEXT, "userId" {uuid}, "userIdentifier" TEXT, "tags" {array},
            "metadata" {json_t},
            FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS steps ("id" {uuid} PRIMARY KEY, "name" TEXT NOT NULL,
            "type" TEXT NOT NULL, "threadId" {uuid} NOT NULL, "parentId" {uuid},
            "streaming" BOOLEAN NOT NULL, "waitForAnswer" BOOLEAN, "isError" BOOLEAN,
            "metadata" {json_t}, "tags" {array}, "input" TEXT, "output" TEXT,
            "createdAt" TEXT, "command" TEXT, "modes" TEXT, "start" TEXT, "end" TEXT,
            "generation" {json_t}, "showInput" TEXT, "language" TEXT, "indent" INT,
            "defaultOpen" BOOLEAN, "autoCollapse" BOOLEAN, "icon" TEXT,
            FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS elements ("id" {uuid} PRIMARY KEY, "threadId" {uuid},
            "type" TEXT, "url" TEXT, "chainlitKey" TEXT, "name" TEXT NOT NULL,
            "display" TEXT, "objectKey" TEXT, "size" TEXT, "page" INT, "language" TEXT,
            "forId" {uuid}, "mime" TEXT, "props" {json_t}, "autoPlay" BOOLEAN,
            "playerConfig" {json_t}, "path" TEXT,
            FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS feedbacks ("id" {uuid} PRIMARY KEY,
            "forId" {uuid} NOT NULL, "threadId" {uuid} NOT NULL, "value" INT NOT NULL,
            "comment" TEXT,
            FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    ]


class DataLayer(SQLAlchemyDataLayer):
    """Chainlit's SQLAlchemy data layer, with its schema created on first use and
    list/dict parameters stored as JSON text on SQLite (which has no array type)."""

    def __init__(self, conninfo: str) -> None:
        super().__init__(conninfo=conninfo, storage_provider=InlineStorage())
        self.sqlite = conninfo.startswith("sqlite")
        self._ready = False

    async def _ensure_schema(self) -> None:
        if self._ready:
            return
        from sqlalchemy import text

        async with self.engine.begin() as conn:
            for statement in _schema(self.sqlite):
                await conn.execute(text(statement))
        self._ready = True

    async def execute_sql(self, query: str, parameters: dict) -> Any:
        await self._ensure_schema()
        fixed = {}
        for key, value in parameters.items():
            keep_list = key == "tags" and not self.sqlite
            fixed[key] = json.dumps(value) if isinstance(value, (list, dict)) and \
                not keep_list else value
        result = await super().execute_sql(query, fixed)
        if self.sqlite and isinstance(result, list):
            for row in result:
                for key, value in row.items():
                    if key.endswith("tags") and isinstance(value, str) and value[:1] == "[":
                        row[key] = json.loads(value)
        return result


def database_url() -> str:
    """SQLite in the data dir by default; Postgres when PRIORAUTH_DATABASE_URL is set."""
    settings = Settings()
    url = settings.database_url
    if url:
        return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+asyncpg://", url)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite+aiosqlite:///{settings.data_dir / 'web.sqlite'}"


@cl.data_layer
def _data_layer() -> DataLayer:
    return DataLayer(database_url())


# ------------------------------------------------------------------- login

USERS = parse_users(os.environ.get("PRIORAUTH_USERS", ""))
LOCAL_USER = "local"

if USERS:
    if not os.environ.get("CHAINLIT_AUTH_SECRET", "").strip():
        raise SystemExit("priorauth: PRIORAUTH_USERS is set but CHAINLIT_AUTH_SECRET is not")

    @cl.password_auth_callback
    async def _password_login(username: str, password: str) -> cl.User | None:
        stored = USERS.get(username)
        if stored and await asyncio.to_thread(verify_password, password, stored):
            return cl.User(identifier=username, metadata={"provider": "credentials"})
        return None
else:
    # No login configured: everyone is the one local user, so the history (which
    # Chainlit shows only to an authenticated user) still works. The JWT secret
    # is then per process; set CHAINLIT_AUTH_SECRET to keep sessions across restarts.
    os.environ.setdefault("CHAINLIT_AUTH_SECRET", secrets.token_urlsafe(48))

    @cl.header_auth_callback
    async def _local_login(headers: Any) -> cl.User | None:
        return cl.User(identifier=LOCAL_USER, metadata={"provider": "local"})


# ---------------------------------------------------------------- the chat

STARTERS = [
    ("Does this case qualify for 64493?", "Does this case qualify for 64493?"),
    ("What does the CT chest policy require?", "What does the CT chest policy require?"),
    ("Check an epidural steroid injection case", "Check an epidural steroid injection case"),
]
_last_reply: dict[str, cl.Message] = {}  # session id → the message holding the buttons


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list:
    return [cl.Starter(label=label, message=message) for label, message in STARTERS]


def _settings_widgets(as_of: str, mode: str) -> list:
    widgets: list = [TextInput(
        id="as_of", label="Policy date (as of)", initial=as_of, placeholder="YYYY-MM-DD",
        description="The date the policy is applied on; 'within the past 6 months' counts "
                    "back from it. Applies from the next case (or 'start over').")]
    if llm_available():
        widgets.append(Select(
            id="understanding", label="Understanding", values=["offline", "llm"],
            initial_value=mode, description="offline: rules only, no network. llm: a model "
                                            "reads free text; you confirm what it inferred."))
    return widgets


async def _send_settings() -> None:
    as_of = cl.user_session.get("as_of") or date.today().isoformat()
    mode = cl.user_session.get("understanding") or Settings().mode
    await cl.ChatSettings(_settings_widgets(as_of, mode)).send()


@cl.on_chat_start
async def _start() -> None:
    cl.user_session.set("as_of", date.today().isoformat())
    cl.user_session.set("understanding", Settings().mode)
    cl.user_session.set("pending", [])
    cl.user_session.set("selected", {})
    await _send_settings()


@cl.on_chat_resume
async def _resume(thread: dict) -> None:
    # Chainlit restores the user session from the thread's metadata; the graph thread
    # is the same id, so the conversation simply continues.
    await _send_settings()
    thread_id = cl.context.session.thread_id
    try:
        bot = assistant(cl.user_session.get("understanding"))
        waiting = await asyncio.to_thread(bot.waiting, thread_id)
    except Exception:
        log.exception("resume %s", thread_id)
        return
    cl.user_session.set("selected", {})
    _later(_close_side_panel(1.5))  # after Chainlit replays the thread
    if not waiting:
        cl.user_session.set("pending", [])


@cl.on_settings_update
async def _settings_update(values: dict[str, Any]) -> None:
    from policies.facts import parse_date

    raw = str(values.get("as_of") or "").strip()
    parsed = parse_date(raw) if raw else date.today()
    if parsed is None:
        await cl.Message(content=f"\"{raw}\" is not a date; the policy date stays "
                                 f"{cl.user_session.get('as_of')}. Use YYYY-MM-DD.").send()
    else:
        cl.user_session.set("as_of", parsed.isoformat())
    mode = values.get("understanding")
    if mode in ("offline", "llm") and llm_available():
        cl.user_session.set("understanding", mode)


@cl.on_message
async def _on_message(message: cl.Message) -> None:
    pending = cl.user_session.get("pending") or []
    selected = cl.user_session.get("selected") or {}
    await _run_turn(compose_answer(pending, selected, message.content or ""))


@cl.action_callback("answer")
async def _on_answer(action: cl.Action) -> None:
    fact, answer = action.payload.get("fact"), action.payload.get("answer", "")
    pending = cl.user_session.get("pending") or []
    if fact not in pending:
        return  # a button of an earlier question
    selected = dict(cl.user_session.get("selected") or {})
    selected[fact] = answer
    cl.user_session.set("selected", selected)
    if all(f in selected for f in pending):
        text = ", ".join(selected[f] for f in pending)
        user = cl.context.session.user
        await cl.Message(content=text, type="user_message",
                         author=user.identifier if user else "User").send()
        await _run_turn(text)
        return
    message = _last_reply.get(cl.context.session.id)
    if message is not None:
        for old in [a for a in message.actions if a.payload.get("fact") == fact]:
            await old.remove()
        message.actions = [a for a in message.actions if a.payload.get("fact") != fact]
        picked = "; ".join(f"{pending.index(f) + 1}. {selected[f]}" for f in pending
                           if f in selected)
        base = message.metadata.get("base", message.content) if message.metadata else \
            message.content
        message.content = (f"{base}\n\n_Picked so far: {picked}. Answer the rest with the "
                           "buttons or by typing._")
        await message.update()


async def _run_turn(text: str) -> None:
    if not text.strip():
        return
    thread_id = cl.context.session.thread_id
    as_of_text = cl.user_session.get("as_of")
    as_of = date.fromisoformat(as_of_text) if as_of_text else None
    before = dict(cl.user_session.get("facts") or {})
    cl.user_session.set("selected", {})
    try:
        bot = assistant(cl.user_session.get("understanding"))
        turn = await asyncio.to_thread(bot.send, thread_id, text, as_of=as_of)
    except Exception as exc:
        log.exception("turn failed on thread %s", thread_id)
        await cl.Message(content=f"Sorry, that message could not be processed "
                                 f"({exc.__class__.__name__}). Nothing was lost: try again, "
                                 "or say it another way.").send()
        return
    cl.user_session.set("pending", list(turn.pending) if turn.waiting else [])
    cl.user_session.set("facts", turn.facts)
    await _show_steps(turn, text, before, turn.retrieved)
    await _send_reply(turn)


async def _show_steps(turn: Turn, text: str, before: dict[str, Any],
                      retrieved: list[dict[str, Any]]) -> None:
    if retrieved:
        async with cl.Step(name="Policy lookup", type="retrieval") as step:
            step.input = text
            step.output = "\n".join(
                f"- {r.get('clause')} {r.get('title', '')} (CPT {r.get('cpt', '')}, score "
                f"{float(r.get('score', 0)):.3f}): \"{_cell(r.get('quote', ''))}\""
                for r in retrieved)
    if turn.verdict is None:
        return
    changed = {k: v for k, v in turn.facts.items() if before.get(k) != v}
    used = {k: v for k, v in turn.facts.items() if v.get("origin") != "inferred"}
    async with cl.Step(name="Criteria check", type="tool") as step:
        lines = [f"CPT {turn.verdict['cpt']}, policy as of {turn.verdict['as_of']}. "
                 f"Facts given to the checker ({len(used)}):"]
        for name, entry in used.items():
            label, value = describe_fact(name, entry.get("value"))
            lines.append(f"- {label}: {value}" + (" (new this message)" if name in changed
                                                   else ""))
        waiting = [k for k, v in turn.facts.items() if v.get("origin") == "inferred"]
        if waiting:
            lines.append("Not given to the checker until you confirm: "
                         + ", ".join(describe_fact(k, None)[0] for k in waiting))
        step.input = "\n".join(lines)
        counts: dict[str, int] = {}
        for c in turn.verdict.get("criteria", []):
            counts[c["status"]] = counts.get(c["status"], 0) + 1
        words = DECISIONS.get(turn.verdict["decision"], (turn.verdict["decision"], ""))[0]
        step.output = (f"{words}. " + ", ".join(f"{n} {s.replace('_', ' ')}"
                                                for s, n in counts.items())
                       + f". {len(turn.verdict.get('missing', []))} fact(s) still missing.")


_background: set[asyncio.Task] = set()


def _later(coro: Any) -> None:
    task = asyncio.create_task(coro)
    _background.add(task)  # keep a reference until it is done
    task.add_done_callback(_background.discard)


async def _close_side_panel(delay: float = 0.3) -> None:
    """Chainlit 2.12 opens the side panel with every side element whenever new ones
    arrive; close it again so a clause opens only when its id is clicked."""
    await asyncio.sleep(delay)
    try:
        await cl.ElementSidebar.set_elements([])
    except Exception:
        log.debug("could not close the side panel", exc_info=True)


def _questions(turn: Turn) -> list[dict[str, Any]]:
    rows = {q["fact"]: q for q in turn.questions}
    return [rows.get(f, {"fact": f, "type": "confirm"}) for f in turn.pending]


async def _send_reply(turn: Turn) -> None:
    content = reply_markdown(turn)
    elements: list = []
    seen: set[str] = set()
    for clause_id in CLAUSE_ID.findall(content):
        if clause_id in seen:
            continue
        seen.add(clause_id)
        text = clause_markdown(clause_id.split(".", 1)[0], clause_id)
        if text:
            elements.append(cl.Text(name=clause_id, content=text, display="side"))
    if turn.facts:
        content += f"\n\nReview or correct: {FACTS_ELEMENT}"
        elements.append(cl.Text(name=FACTS_ELEMENT, content=facts_markdown(turn.facts),
                                display="side"))
    verdict = turn.verdict
    if verdict and not turn.waiting:
        stem = f"verdict-{verdict['cpt']}-{verdict['as_of']}"
        elements.append(cl.File(name=f"{stem}.json", mime="application/json",
                                content=json.dumps(verdict, indent=2).encode(),
                                display="inline"))
        elements.append(cl.File(name=f"{stem}.md", mime="text/markdown",
                                content=summary_markdown(verdict, turn.facts).encode(),
                                display="inline"))
    actions = []
    questions = _questions(turn) if turn.waiting else []
    for number, question in enumerate(questions, 1):
        for label, answer in answer_choices(question):
            shown = f"{number}. {label}" if len(questions) > 1 else label
            actions.append(cl.Action(name="answer", label=shown, tooltip=question.get(
                "question", "Is that right?"), payload={"fact": question["fact"],
                                                        "answer": answer}))
    message = cl.Message(content="", elements=elements, actions=actions,
                         metadata={"base": content})
    for chunk in stream_chunks(content):  # stream the reply a few lines at a time
        await message.stream_token(chunk)
        await asyncio.sleep(0.02)
    await message.send()
    _later(_close_side_panel())  # not awaited: the composer frees up at once
    if actions:
        _last_reply[cl.context.session.id] = message
    else:
        _last_reply.pop(cl.context.session.id, None)


@cl.on_chat_end
async def _end() -> None:
    _last_reply.pop(cl.context.session.id, None)

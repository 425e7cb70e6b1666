"""The Chainlit web app: a thin adapter over :class:`agent.session.Assistant`.

Run it with ``priorauth ui`` (or ``chainlit run priorauth/web.py``). Nothing here
decides anything: the agent reads the messages and the checker decides; this module
only presents the turn (a verdict card, a question form, the side panel, downloads)
and keeps the Chainlit side of a conversation (its data layer, login, settings, the
per-instance files folder). What is shown is computed in :mod:`priorauth.web_view`.

The LangGraph thread id is Chainlit's thread id, so a conversation reopened from the
history continues the same graph thread.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import fcntl
import json
import logging
import os
import re
import secrets
import shutil
import sys
import threading
import time
import uuid
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import chainlit as cl
import chainlit.config as cl_config
import chainlit.data as cl_data
from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.data.storage_clients.base import BaseStorageClient
from chainlit.input_widget import DatePicker, Select

from agent.config import Settings
from agent.recheck import stale_notice
from agent.reply import plural
from agent.session import Assistant, Turn
from policies.errors import PriorAuthError
from priorauth import web_view as view
from priorauth import web_worker
from priorauth.cli_ui import users_from_env, verify_password
from priorauth.web_case import history_lines, packet_html, packet_name
from priorauth.web_view import (
    CLAUSE_ID,
    READ_TABLE_MIN,
    another_case,
    card_props,
    case_title,
    clause_markdown,
    compose_answer,
    describe_fact,
    edit_words,
    escape_markdown,
    facts_props,
    file_stem,
    form_answer,
    form_props,
    neutralize,
    new_case_request,
    parse_picker_date,
    picker_value,
    picks_still_open,
    read_props,
    reply_words,
    split_case_reference,
    summary_markdown,
    time_zone,
)

log = logging.getLogger("priorauth.web")


def say(message: str) -> None:
    """A line in the server's log (stderr), e.g. the index being prepared."""
    print(f"priorauth: {message}", file=sys.stderr, flush=True)


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
                checkpointer=shared.checkpointer if shared else None,
                audit=shared.audit if shared else None, source="web")
        return _assistants[mode]


def llm_available() -> bool:
    return bool(Settings().openai_api_key)


def graph_values(thread_id: str) -> dict[str, Any]:
    """The conversation's checkpointed state (facts, pending questions, verdict)."""
    bot = assistant()
    values = bot.graph.get_state({"configurable": {"thread_id": thread_id}}).values
    return values if isinstance(values, dict) else vars(values)


def user_name() -> str:
    user = cl.context.session.user
    return user.identifier if user else LOCAL_USER


# ------------------------------------------------- the policy index at start

WARMUP: dict[str, Any] = {"state": "idle", "message": "", "seconds": 0.0}


def warm_up_index() -> None:
    """Build or check the clause index and load the embedding model, so the first
    policy question does not wait for it. Runs on a thread when the server starts."""
    WARMUP.update(state="running", message="checking the policy index")
    started = time.perf_counter()
    say("checking the policy index (built once per data dir; the first build takes a while)")

    def progress(message: str) -> None:
        WARMUP["message"] = message
        say(message)

    try:
        from retrieval.searcher import default_searcher, search

        default_searcher().progress = progress
        search("how many weeks of physical therapy", k=1)
    except Exception as exc:  # a turn that needs the index reports it in one line
        WARMUP.update(state="failed", message=f"{exc.__class__.__name__}: {exc}")
        say(f"the policy index is not available ({exc.__class__.__name__}); policy "
            "questions will say so")
        return
    WARMUP.update(state="ready", seconds=time.perf_counter() - started)
    say(f"policy index ready ({WARMUP['seconds']:.1f} s)")


# ------------------------------------------------- the agent's worker processes

_POOL: dict[str, Any] = {"executor": None}
_thread_locks: dict[str, asyncio.Lock] = {}


def start_workers() -> None:
    """Start the processes that run the agent's turns (:mod:`priorauth.web_worker`),
    once the index is ready so they open it instead of building it again. Until they
    are up, and with ``PRIORAUTH_WEB_WORKERS=0``, turns run on a thread of this process."""
    count = web_worker.worker_count()
    if count == 0:
        say("agent turns run in the server process (PRIORAUTH_WEB_WORKERS=0)")
        return
    started = time.perf_counter()
    try:
        _POOL["executor"] = web_worker.start_pool(count, Settings().mode,
                                                  search=WARMUP["state"] == "ready")
    except Exception as exc:  # turns go on in this process
        say(f"agent worker processes did not start ({exc.__class__.__name__}); turns run "
            "in the server process")
        return
    say(f"agent turns run in {count} worker process(es), ready in "
        f"{time.perf_counter() - started:.1f} s")


async def agent_turn(mode: str | None, thread_id: str, text: str, *, as_of: date | None,
                     edits: dict[str, Any] | None) -> Turn:
    """One turn of the agent, in a worker process when they are up. A conversation's
    turns run one at a time, in the order they came (a form pick and a typed answer
    may arrive together)."""
    mode = mode if mode in ("offline", "llm") else Settings().mode
    lock = _thread_locks.setdefault(thread_id, asyncio.Lock())
    async with lock:
        pool = _POOL["executor"]
        if pool is not None:
            try:
                return await asyncio.wrap_future(pool.submit(
                    web_worker.send, mode, thread_id, text, as_of, user_name(), edits))
            except BrokenProcessPool:
                _POOL["executor"] = None
                log.error("the agent's worker processes stopped; turns now run in the "
                          "server process")
        bot = assistant(mode)
        return await asyncio.to_thread(bot.send, thread_id, text, as_of=as_of,
                                       user=user_name(), edits=edits)


# ------------------------------------------------- this instance's files

_FILES: dict[str, Any] = {"dir": None, "lock": None}


def sweep_stale_files(root: Path) -> list[Path]:
    """Remove the files folders of instances that are no longer running.

    Each running instance holds an exclusive lock on ``<its folder>/.lock``; a folder
    whose lock can be taken belongs to a server that stopped without cleaning up
    (a crash, a kill), and may hold a session's patient data.
    """
    removed = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        lock_path = folder / ".lock"
        if not folder.is_dir() or not lock_path.exists():
            continue
        try:
            with lock_path.open("a") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except BlockingIOError:
            continue  # a running instance
        except OSError:
            continue
    return removed


def claim_files_dir(root: Path) -> Path:
    """A folder for this instance under ``root``, locked while the process lives."""
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    removed = sweep_stale_files(root)
    if removed:
        say(f"removed {len(removed)} files folder(s) left by a server that did not stop "
            "cleanly")
    folder = root / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    folder.mkdir(mode=0o700)
    handle = (folder / ".lock").open("w")
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _FILES.update(dir=folder, lock=handle)
    return folder


def use_files_dir(folder: Path) -> None:
    """Point Chainlit's per-session files at ``folder`` instead of ``<app root>/.files``
    (which every instance sharing the app root deletes when it stops)."""
    import chainlit.server as cl_server

    shared = cl_config.FILES_DIRECTORY
    cl_config.FILES_DIRECTORY = folder
    cl_server.FILES_DIRECTORY = folder
    try:
        shared.rmdir()  # the empty folder Chainlit made in the app root at import
    except OSError:
        pass


@cl.on_app_startup
async def _startup() -> None:
    folder = claim_files_dir(Settings().data_dir / "web-files")
    use_files_dir(folder)
    say(f"session files in {folder}")
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()


def _warm_up() -> None:
    warm_up_index()
    # The reading rules another procedure is recognised by (web_view.another_case) are
    # read in this process: load them now, not in a user's turn on the event loop.
    from policies.library import supported_cpts

    for cpt in supported_cpts():
        view.other_procedure("", cpt)
    start_workers()


@cl.on_app_shutdown
async def _shutdown() -> None:
    pool = _POOL["executor"]
    _POOL["executor"] = None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


# ------------------------------------------------------------- persistence


def _data_url(data: bytes | str, mime: str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return f"data:{mime};base64,{base64.b64encode(raw).decode()}"


def inline(element: Any) -> Any:
    """Carry an element's content in its URL (a ``data:`` URL), so Chainlit writes no
    file for it: verdicts and facts are patient data and stay out of the file system."""
    content = element.content if element.content is not None else json.dumps(
        getattr(element, "props", {}))
    element.url = _data_url(content, element.mime or "text/plain")
    return element


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
    uuid_t, json_t, array = ("TEXT", "TEXT", "TEXT") if sqlite else ("UUID", "JSONB", "TEXT[]")
    return [
        f"""CREATE TABLE IF NOT EXISTS users ("id" {uuid_t} PRIMARY KEY,
            "identifier" TEXT NOT NULL UNIQUE, "metadata" {json_t} NOT NULL,
            "createdAt" TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS threads ("id" {uuid_t} PRIMARY KEY, "createdAt" TEXT,
            "name" TEXT, "userId" {uuid_t}, "userIdentifier" TEXT, "tags" {array},
            "metadata" {json_t},
            FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS steps ("id" {uuid_t} PRIMARY KEY, "name" TEXT NOT NULL,
            "type" TEXT NOT NULL, "threadId" {uuid_t} NOT NULL, "parentId" {uuid_t},
            "streaming" BOOLEAN NOT NULL, "waitForAnswer" BOOLEAN, "isError" BOOLEAN,
            "metadata" {json_t}, "tags" {array}, "input" TEXT, "output" TEXT,
            "createdAt" TEXT, "command" TEXT, "modes" TEXT, "start" TEXT, "end" TEXT,
            "generation" {json_t}, "showInput" TEXT, "language" TEXT, "indent" INT,
            "defaultOpen" BOOLEAN, "autoCollapse" BOOLEAN, "icon" TEXT,
            FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS elements ("id" {uuid_t} PRIMARY KEY, "threadId" {uuid_t},
            "type" TEXT, "url" TEXT, "chainlitKey" TEXT, "name" TEXT NOT NULL,
            "display" TEXT, "objectKey" TEXT, "size" TEXT, "page" INT, "language" TEXT,
            "forId" {uuid_t}, "mime" TEXT, "props" {json_t}, "autoPlay" BOOLEAN,
            "playerConfig" {json_t}, "path" TEXT,
            FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
        f"""CREATE TABLE IF NOT EXISTS feedbacks ("id" {uuid_t} PRIMARY KEY,
            "forId" {uuid_t} NOT NULL, "threadId" {uuid_t} NOT NULL, "value" INT NOT NULL,
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
        # Chainlit asks the database before every step whether the thread exists and,
        # before every element, whose thread it is: answers that do not change within a
        # conversation, remembered here (a turn writes a dozen steps and elements).
        self._threads: set[str] = set()
        self._owners: dict[str, str] = {}
        self.names: dict[str, str] = {}
        """thread id → the name this app gave it (see :meth:`update_thread`)."""
        self.first_words: dict[str, str] = {}
        """thread id → its first message, which Chainlit makes its name."""
        self._name_locks: dict[str, asyncio.Lock] = {}

    async def update_thread(self, thread_id: str, name: str | None = None,
                            user_id: str | None = None, metadata: dict | None = None,
                            tags: list[str] | None = None) -> None:
        if thread_id in self._threads and all(
                v is None for v in (name, user_id, metadata, tags)):
            return  # a step's "make sure the thread exists": it does
        if name is None:
            await super().update_thread(thread_id, user_id=user_id, metadata=metadata,
                                        tags=tags)
        else:
            # Chainlit names a thread after its first message when the message is
            # processed, which may land after the case's name: the case's name stays.
            # Checked and written under the thread's lock, as :meth:`name_thread` is.
            async with self._name_lock(thread_id):
                if thread_id in self.names and name == self.first_words.get(thread_id):
                    name = self.names[thread_id]
                await super().update_thread(thread_id, name=name, user_id=user_id,
                                            metadata=metadata, tags=tags)
        self._threads.add(thread_id)

    def _name_lock(self, thread_id: str) -> asyncio.Lock:
        return self._name_locks.setdefault(thread_id, asyncio.Lock())

    async def _get_user_id_by_thread(self, thread_id: str) -> str | None:
        if thread_id not in self._owners:
            owner = await super()._get_user_id_by_thread(thread_id)
            if owner is None:
                return None
            self._owners[thread_id] = owner
        return self._owners[thread_id]

    async def delete_thread(self, thread_id: str) -> None:
        await super().delete_thread(thread_id)
        self._threads.discard(thread_id)
        self._owners.pop(thread_id, None)
        self.names.pop(thread_id, None)
        self.first_words.pop(thread_id, None)
        self._name_locks.pop(thread_id, None)

    async def _ensure_schema(self) -> None:
        if self._ready:
            return
        from sqlalchemy import text

        async with self.engine.begin() as conn:
            for statement in _schema(self.sqlite):
                await conn.execute(text(statement))
        self._ready = True

    async def create_element(self, element: Any) -> None:
        # An inline element's content is its data: URL; the base class would try to
        # download that URL, so store it from the content instead.
        if element.url and element.url.startswith("data:"):
            element = copy.copy(element)
            element.url = None
        await super().create_element(element)

    async def execute_sql(self, query: str, parameters: dict) -> Any:
        await self._ensure_schema()
        fixed = {}
        for key, value in parameters.items():
            keep_list = key == "tags" and not self.sqlite
            fixed[key] = json.dumps(value) if isinstance(value, (list, dict)) and \
                not keep_list else value
        result = await self._run_sql(query, fixed)
        if self.sqlite and isinstance(result, list):
            for row in result:
                for key, value in row.items():
                    if key.endswith("tags") and isinstance(value, str) and value[:1] == "[":
                        row[key] = json.loads(value)
                    elif key.endswith("props") and isinstance(value, str) and \
                            value[:1] == "{":
                        row[key] = json.loads(value)  # a custom element's props
        return result


    async def unique_name(self, user: str, thread_id: str, name: str) -> str:
        """``name``, or ``name (2)``, ``(3)``…: never the name of another of the user's
        conversations."""
        rows = await self.execute_sql(
            'SELECT "name" FROM threads WHERE "userIdentifier" = :user AND "id" != :id '
            'AND "name" LIKE :prefix', {"user": user, "id": thread_id, "prefix": f"{name}%"})
        taken = {row["name"] for row in rows} if isinstance(rows, list) else set()
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name} ({n})"
        return candidate


    async def _run_sql(self, query: str, parameters: dict) -> Any:
        """The base class's ``execute_sql`` on a plain connection: it opened an ORM
        session per statement, a fifth of the data layer's time for a dozen statements
        a turn. Same results: rows as dicts, else the row count; None on an error."""
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            async with self.engine.begin() as conn:
                result = await conn.execute(text(query), parameters)
                if not result.returns_rows:
                    return result.rowcount
                return self.clean_result([dict(row._mapping) for row in result.fetchall()])
        except (SQLAlchemyError, OSError, ValueError) as exc:
            log.warning("data layer: %s", exc.__class__.__name__, exc_info=exc)
            return None

    async def name_thread(self, thread_id: str, name: str) -> None:
        """Give the conversation its case's name; it stays when Chainlit later names the
        thread after its first message (see :meth:`update_thread`)."""
        async with self._name_lock(thread_id):
            self.names[thread_id] = name
            await super().update_thread(thread_id, name=name)
        self._threads.add(thread_id)


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


# ------------------------------------------------------- the web server


def allowed_origins(host: str, port: int, configured: list[str]) -> list[str]:
    """Origins that may call the API with the user's cookie: ``PRIORAUTH_ALLOW_ORIGINS``
    (comma-separated) if set, else explicit ones from config.toml, else the served one."""
    env = [o.strip().rstrip("/") for o in os.environ.get("PRIORAUTH_ALLOW_ORIGINS", "")
           .split(",") if o.strip()]
    if env:
        return env
    explicit = [o for o in configured if o and o != "*"]
    if explicit:
        return explicit
    names = {host}
    if host in ("127.0.0.1", "localhost", "0.0.0.0", "::"):
        names = {"127.0.0.1", "localhost"}
    return sorted(f"http://{name}:{port}" for name in names)


def _secure_server() -> None:
    """CORS limited to the served origin; no images from other hosts; a thread that is
    not the user's reads "not found or not yours" instead of a connection error."""
    import chainlit.server as cl_server
    from chainlit.emitter import ChainlitEmitter

    origins = cl_config.config.project.allow_origins
    # The CORS middleware holds this list object; it is built at the first request.
    origins[:] = allowed_origins(cl_config.config.run.host, cl_config.config.run.port,
                                 list(origins))

    cl_server.app.add_middleware(NoRemoteImages)

    async def resume_error(self: Any, error: str) -> Any:
        return self.emit("resume_thread_error", NOT_YOURS)

    ChainlitEmitter.send_resume_thread_error = resume_error  # type: ignore[method-assign]

    handlers = cl_server.sio.handlers.get("/", {})
    connect = handlers.get("connect")
    if connect is None:
        return

    async def guarded_connect(sid: str, environ: dict, auth: dict) -> Any:
        try:
            return await connect(sid, environ, auth)
        except ConnectionRefusedError as exc:
            if "authorization" not in str(exc) or not auth.get("threadId"):
                raise
        # Someone else's thread: open a fresh session (never on that thread) and say so.
        result = await connect(sid, environ, {**auth, "threadId": ""})
        _later(_emit_later(cl_server.sio, sid))
        return result

    handlers["connect"] = guarded_connect


class NoRemoteImages:
    """ASGI middleware: pages may load images only from this server (or data:/blob:),
    so an image link in a conversation never calls another host."""

    POLICY = "img-src 'self' data: blob:"

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: dict) -> None:
            if message["type"] == "http.response.start":
                from starlette.datastructures import MutableHeaders

                MutableHeaders(scope=message).setdefault("Content-Security-Policy",
                                                         self.POLICY)
            await send(message)

        await self.app(scope, receive, send_with_policy)


NOT_YOURS = "this conversation was not found or is not yours."


async def _emit_later(sio: Any, sid: str) -> None:
    await asyncio.sleep(0.5)  # after the client's connect handlers are in place
    await sio.emit("resume_thread_error", NOT_YOURS, to=sid)


# ------------------------------------------------------------------- login

try:
    USERS = users_from_env()
except PriorAuthError as exc:
    raise SystemExit(f"priorauth: {exc}") from None
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


if cl_config.config.run.module_name:  # served by `chainlit run` (not imported by a test)
    _secure_server()


# ------------------------------------------------- steps without a pause


class _NoPause:
    """Stands in for the ``time`` module in Chainlit's step and message modules, whose
    constructors sleep 1 ms so that two made back to back get distinct timestamps. That
    sleep blocks the event loop, every session's, five times a turn (longer on a busy
    machine); timestamps that always increase (:func:`increasing_utc_now`) keep the
    order without it."""

    @staticmethod
    def sleep(seconds: float) -> None:
        return None


_last_stamp = [""]


def increasing_utc_now() -> str:
    """Chainlit's ``utc_now`` (ISO, "Z"), always later than the one before."""
    now = datetime.now(UTC).replace(tzinfo=None)
    if _last_stamp[0]:
        now = max(now, datetime.fromisoformat(_last_stamp[0][:-1]) + timedelta(
            microseconds=1))
    _last_stamp[0] = now.isoformat(timespec="microseconds") + "Z"
    return _last_stamp[0]


def _steps_without_a_pause() -> None:
    import chainlit.message
    import chainlit.step  # noqa: F401 (the modules, by name below)

    # By name: ``chainlit.step`` as an attribute is the package's ``step`` decorator.
    for name in ("chainlit.step", "chainlit.message"):
        module = sys.modules[name]
        module.time = _NoPause  # type: ignore[attr-defined]
        module.utc_now = increasing_utc_now  # type: ignore[attr-defined]


_steps_without_a_pause()


# ---------------------------------------------------------------- the chat

STARTERS = [
    ("Facet joint injection (64493)", "Does this case qualify for 64493?"),
    ("Epidural steroid injection (62311)", "Does this case qualify for 62311?"),
    ("CT chest (71250)", "Does this case qualify for a CT chest, 71250?"),
    ("Physical therapy (97110)", "Does this case qualify for physical therapy, 97110?"),
    ("What does the CT chest policy require?", "What does the CT chest policy require?"),
]
_forms: dict[str, Any] = {}  # session id → the question form still open


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list:
    return [cl.Starter(label=label, message=message) for label, message in STARTERS]


class LocalDatePicker(DatePicker):
    """Chainlit's date picker, showing its day as that day in every time zone (it sends
    ``2026-11-23``, which the browser reads as UTC midnight: the 22nd west of UTC)."""

    def to_dict(self) -> dict[str, Any]:
        shown = super().to_dict()
        if isinstance(shown.get("initial"), str):
            shown["initial"] = picker_value(date.fromisoformat(shown["initial"]))
        return shown


def _settings_widgets(as_of: str, mode: str) -> list:
    widgets: list = [LocalDatePicker(
        id="as_of", label="Policy date (as of)", initial=as_of,
        description="The date the policy is applied on; 'within the past 6 months' counts "
                    "back from it. Applies from the next case (or 'start over').")]
    if llm_available():
        widgets.append(Select(
            id="understanding", label="Understanding", values=["offline", "llm"],
            initial_value=mode, description="offline: rules only, no network. llm: a model "
                                            "reads free text; you confirm what it inferred."))
    return widgets


async def _send_settings() -> None:
    as_of = cl.user_session.get("as_of") or user_today().isoformat()
    mode = cl.user_session.get("understanding") or Settings().mode
    await cl.ChatSettings(_settings_widgets(as_of, mode)).send()


@cl.on_chat_start
async def _start() -> None:
    cl.user_session.set("as_of", user_today().isoformat())
    cl.user_session.set("understanding", Settings().mode)
    cl.user_session.set("pending", [])
    cl.user_session.set("selected", {})
    carry = _carry.pop(user_name(), None)
    fresh = carry and time.monotonic() - carry["at"] < CARRY_SECONDS
    if fresh:
        cl.user_session.set("as_of", carry["as_of"] or user_today().isoformat())
        cl.user_session.set("understanding", carry["understanding"] or Settings().mode)
    await _send_settings()
    if fresh and carry["text"]:
        session = cl.context.session
        if not session.has_first_interaction:  # as if typed: the thread starts now
            session.has_first_interaction = True
            await cl.context.emitter.init_thread(carry["text"])
        user = session.user
        await cl.Message(content=carry["text"], type="user_message",
                         author=user.identifier if user else "User").send()
        await _on_message(cl.Message(content=carry["text"]))


@cl.on_chat_resume
async def _resume(thread: dict) -> None:
    # Chainlit restores the user session from the thread's metadata; the graph thread
    # is the same id, so the conversation simply continues.
    await _send_settings()
    thread_id = cl.context.session.thread_id
    try:
        bot = assistant(cl.user_session.get("understanding"))
        waiting = await asyncio.to_thread(bot.waiting, thread_id)
        state = await asyncio.to_thread(graph_values, thread_id)
    except Exception:
        log.exception("resume %s", thread_id)
        return
    cl.user_session.set("selected", {})
    cl.user_session.set("facts", dict(state.get("facts") or {}))
    cl.user_session.set("cpt", state.get("cpt"))
    cl.user_session.set("pending", list(state.get("pending") or []) if waiting else [])
    notice = stale_notice(state.get("verdict"))
    if notice:  # decided under an older policy version: say so once the thread is shown
        _later(_tell_later(notice))


async def _tell_later(text: str, delay: float = 1.0) -> None:
    # Chainlit may drop a message sent while it replays a resumed thread (#2611).
    await asyncio.sleep(delay)
    await cl.Message(content=text).send()


ZONE_COOKIE = "priorauth_tz"
"""Set by ``public/timezone.js``: the browser's time zone, to read the picker's day in."""


def browser_zone() -> str | None:
    from http.cookies import CookieError, SimpleCookie

    environ = getattr(cl.context.session, "environ", None) or {}
    try:
        jar = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    except CookieError:
        return None
    morsel = jar.get(ZONE_COOKIE)
    return unquote(morsel.value) if morsel else None


def user_today() -> date:
    """Today where the user is (the policy date's default), else the server's today."""
    zone = time_zone(browser_zone())
    return datetime.now(zone).date() if zone else date.today()


@cl.on_settings_update
async def _settings_update(values: dict[str, Any]) -> None:
    """Apply the settings and confirm what changed (a notice, so the welcome screen and
    its starters stay)."""
    before = cl.user_session.get("as_of")
    raw = values.get("as_of")
    parsed = parse_picker_date(raw, browser_zone()) if raw else user_today()
    emitter = cl.context.emitter
    changes = []
    if parsed is None:
        await emitter.send_toast(f"That is not a date; the policy date stays {before}.",
                                 "error")
    elif parsed.isoformat() != before:
        cl.user_session.set("as_of", parsed.isoformat())
        changes.append(f"policy date {before} → {parsed.isoformat()} (applies from the "
                       "next case, or type \"start over\")")
    mode = values.get("understanding")
    if mode in ("offline", "llm") and llm_available() and \
            mode != cl.user_session.get("understanding"):
        changes.append(f"understanding {cl.user_session.get('understanding')} → {mode}")
        cl.user_session.set("understanding", mode)
    if changes:
        await emitter.send_toast("Settings changed: " + "; ".join(changes) + ".", "success")
    elif parsed is not None:
        await emitter.send_toast("Settings unchanged.", "info")


@cl.on_message
async def _on_message(message: cl.Message) -> None:
    text = message.content or ""
    layer = cl_data.get_data_layer()
    if isinstance(layer, DataLayer):  # the name Chainlit gives the thread (kept from it)
        layer.first_words.setdefault(cl.context.session.thread_id, text)
    wants_new, rest = new_case_request(text)
    if wants_new and (cl.user_session.get("facts") or cl.user_session.get("cpt")):
        await _open_new_case(rest)
        return
    reference, body = split_case_reference(text)
    why = another_case(body, reference, cl.user_session.get("cpt"),
                       cl.user_session.get("facts") or {},
                       cl.user_session.get("case_ref") or "")
    if why:  # a new patient's case: never mixed into this one
        await _open_new_case(text, why)
        return
    if reference:
        cl.user_session.set("case_ref", reference)
        text = body or text
    await _run_turn(text)


_carry: dict[str, dict[str, Any]] = {}  # user → what opens their next conversation
CARRY_SECONDS = 60


async def _open_new_case(rest: str, why: str = "") -> None:
    """A new patient, another procedure or "start over" opens a new conversation (one
    case per conversation); what else was said becomes its first message."""
    _carry[user_name()] = {"text": rest, "as_of": cl.user_session.get("as_of"),
                           "understanding": cl.user_session.get("understanding"),
                           "at": time.monotonic()}
    words = "This case stays in the history as it is. The new case opens in a new " \
            "conversation."
    await cl.Message(content=f"{why} {words}".strip(), elements=[inline(cl.CustomElement(
        name="NewCase", props={"expires": int(time.time() * 1000) + CARRY_SECONDS * 500,
                               "carry": rest}))]).send()


async def _name_thread(turn: Turn) -> None:
    """Name the conversation in the history after its case (reference or procedure and
    first facts), once those are known; never the name of another conversation.

    The name is chosen once per kind (bare procedure → with facts → with a reference);
    the history list in the browser is then told to read the names again, so the new
    name shows without a reload."""
    reference = cl.user_session.get("case_ref") or ""
    if not (turn.cpt or reference):
        return
    layer = cl_data.get_data_layer()
    if not isinstance(layer, DataLayer):
        return
    thread_id = cl.context.session.thread_id
    kind = "ref" if reference else ("facts" if turn.facts else "bare")
    done = cl.user_session.get("title_kind")
    if done == kind or done == "ref" or (done == "facts" and kind == "bare"):
        return
    try:
        title = case_title(turn.verdict, turn.cpt, turn.facts, reference)
        name = await layer.unique_name(user_name(), thread_id, title)
        await layer.name_thread(thread_id, name)
        cl.user_session.set("title_kind", kind)
        cl.user_session.set("title", name)
        # Chainlit has no "thread renamed" event; the history list reads the threads
        # again whenever this value changes (it is how a new thread appears there).
        await cl.context.emitter.emit("first_interaction", {"interaction": name,
                                                             "thread_id": thread_id})
    except Exception:  # a name is a convenience: never fail a turn over it
        log.warning("could not name thread %s", thread_id, exc_info=True)


@cl.action_callback("form")
async def _on_form(action: cl.Action) -> dict[str, Any]:
    """Answers from the question form; a partial submission keeps what was filled."""
    pending = cl.user_session.get("pending") or []
    kinds = cl.user_session.get("question_types") or {}
    answers = {str(f): form_answer(kinds.get(f, ""), str(v)) for f, v in
               (action.payload.get("answers") or {}).items()
               if f in pending and str(v).strip()}
    if not pending or not answers:
        return {"ok": False, "message": "These questions were already answered."
                if not pending else "Nothing filled in yet."}
    selected = {**(cl.user_session.get("selected") or {}), **answers}
    cl.user_session.set("selected", selected)
    if all(f in selected for f in pending):
        text = "; ".join(selected[f] for f in pending)
        user = cl.context.session.user
        await cl.Message(content=text, type="user_message",
                         author=user.identifier if user else "User").send()
        await _run_turn(text, composed=True)
        return {"ok": True, "message": "sent"}
    form = _forms.get(cl.context.session.id)
    if form is not None:
        form.props = {**form.props, "picked": selected}
        await inline(form).update()
    left = sum(f not in selected for f in pending)
    return {"ok": True, "message": f"Kept. {plural(left, 'question')} left: answer "
                                   f"{'it' if left == 1 else 'them'} here or type "
                                   f"{'it' if left == 1 else 'them'} in the chat."}


@cl.action_callback("side_panel")
async def _on_side_panel(action: cl.Action) -> None:
    """Open the side panel with exactly what was clicked: one clause, or the facts."""
    kind = action.payload.get("kind")
    if kind == "clause":
        clause = str(action.payload.get("clause", ""))
        text = clause_markdown(clause.split(".", 1)[0], clause)
        if not text:
            return
        await _open_side_panel(clause, inline(cl.Text(name=clause, content=text,
                                                      display="inline")))
    else:
        await _open_facts_panel()


async def _open_side_panel(title: str, element: Any) -> None:
    # A fresh key each time: the panel shows this, not what it showed before.
    await cl.ElementSidebar.set_elements([element], key=uuid.uuid4().hex)
    await cl.ElementSidebar.set_title(title)


async def _open_facts_panel() -> None:
    facts = cl.user_session.get("facts")
    if facts is None:
        facts = (await asyncio.to_thread(graph_values, cl.context.session.thread_id)
                 ).get("facts") or {}
    await _open_side_panel("Facts so far", inline(cl.CustomElement(
        name="Facts", props=facts_props(facts), display="inline")))


@cl.action_callback("edit_fact")
async def _on_edit_fact(action: cl.Action) -> None:
    """A fact corrected in an editor (What I read, Facts so far): set as given."""
    from agent.understand import all_fact_specs

    fact = str(action.payload.get("fact", ""))
    spec = all_fact_specs().get(fact)
    value = action.payload.get("value")
    if spec is None or not isinstance(value, (str, bool, int, float, list, type(None))):
        await cl.context.emitter.send_toast("That fact cannot be edited here.", "error")
        return
    text = edit_words(spec.label, value, spec.choices)
    user = cl.context.session.user
    await cl.Message(content=text, type="user_message",
                     author=user.identifier if user else "User").send()
    await _run_turn(text, composed=True, edits={fact: value})
    if action.payload.get("from") == "all":  # edited in the side panel: show it updated
        await _open_facts_panel()


async def _run_turn(text: str, *, composed: bool = False,
                    edits: dict[str, Any] | None = None) -> None:
    if not text.strip():
        return
    thread_id = cl.context.session.thread_id
    pending = cl.user_session.get("pending") or []
    selected = cl.user_session.get("selected") or {}
    answer = text if composed else compose_answer(pending, selected, text)
    used_picks = composed or answer != text
    as_of_text = cl.user_session.get("as_of")
    as_of = date.fromisoformat(as_of_text) if as_of_text else None
    before = dict(cl.user_session.get("facts") or {})
    try:
        turn = await _with_index_progress(agent_turn(
            cl.user_session.get("understanding"), thread_id, answer, as_of=as_of,
            edits=edits))
    except Exception as exc:
        await cl.Message(content=turn_failed_words(exc, thread_id)).send()
        return
    new_pending = list(turn.pending) if turn.waiting else []
    kept = {} if used_picks else picks_still_open(selected, turn.facts)
    cl.user_session.set("pending", new_pending)
    cl.user_session.set("selected", kept)
    cl.user_session.set("facts", turn.facts)
    cl.user_session.set("cpt", turn.cpt)
    cl.user_session.set("question_types", {q["fact"]: q.get("type", "") for q in
                                           _questions(turn)} if turn.waiting else {})
    await _show_steps(turn, answer, before)
    await _send_reply(turn, kept, note=answer)
    _later(_name_thread(turn))  # a database write the reply need not wait for


def turn_failed_words(exc: Exception, thread_id: str) -> str:
    """What the user reads when a turn fails: a known failure (the conversations
    database damaged, full or read-only, a data dir that cannot be used) in the same
    one line the command line prints (docs/input.md); anything else by its kind only,
    its details in the server's log."""
    if isinstance(exc, PriorAuthError):
        log.warning("turn failed on thread %s: %s", thread_id, exc)
        return (f"That message could not be processed: {escape_markdown(str(exc))}. "
                "Nothing of it was saved: send it again once that is fixed.")
    log.error("turn failed on thread %s", thread_id, exc_info=exc)
    return (f"Sorry, that message could not be processed ({exc.__class__.__name__}). "
            "Nothing was lost: try again, or say it another way.")


async def _with_index_progress(work: Any) -> Turn:
    """Run a turn; if it waits for the policy index, say so and show its progress."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=0.5)
    if done or WARMUP["state"] != "running":
        return await task
    note = cl.Message(content="Preparing the policy search (once after the server starts): "
                              f"{WARMUP['message']}…")
    await note.send()
    shown = WARMUP["message"]
    while not task.done():
        done, _ = await asyncio.wait({task}, timeout=1.0)
        if not done and WARMUP["message"] != shown:
            shown = WARMUP["message"]
            note.content = f"Preparing the policy search (once after the server starts): " \
                           f"{shown}…"
            await note.update()
    await note.remove()
    return await task


async def _send_step(name: str, kind: str, output: str, shown_input: str = "") -> None:
    """A finished step, sent once: one data-layer write and one message to the browser
    (``async with cl.Step`` sends it twice, started and then finished, for work that is
    already done here)."""
    from chainlit.context import local_steps

    step = cl.Step(name=name, type=kind, show_input=bool(shown_input))
    running = local_steps.get() or []
    if running:  # nested under the message's run, as the context manager does
        step.parent_id = running[-1].id
    step.start = increasing_utc_now()
    step.input, step.output = shown_input, output
    step.end = increasing_utc_now()
    await step.send()


async def _show_steps(turn: Turn, text: str, before: dict[str, Any]) -> None:
    if turn.retrieved:
        await _send_step("Policy lookup", "retrieval", "\n".join(
            f"- {r.get('clause')} {r.get('title', '')} (CPT {r.get('cpt', '')}, score "
            f"{float(r.get('score', 0)):.3f})" for r in turn.retrieved),
            shown_input=neutralize(text))
    if turn.verdict is None:
        return
    changed = {k for k, v in turn.facts.items() if before.get(k) != v}
    used = {k: v for k, v in turn.facts.items() if v.get("origin") != "inferred"}
    lines = [f"CPT {turn.verdict['cpt']}, policy as of {turn.verdict['as_of']}. "
             f"Facts given to the checker ({len(used)}):", ""]
    for name, entry in used.items():
        label, value = describe_fact(name, entry.get("value"))
        lines.append(f"- {label}: {value}" + (" (new this message)" if name in changed
                                               else ""))
    waiting = [k for k, v in turn.facts.items() if v.get("origin") == "inferred"]
    if waiting:
        lines += ["", "Not given to the checker until you confirm: "
                  + ", ".join(describe_fact(k, None)[0] for k in waiting)]
    await _send_step("Criteria check", "tool", view.check_summary(turn.structured),
                     shown_input="\n".join(lines))
    await _show_history(cl.context.session.thread_id)


async def _show_history(thread_id: str) -> None:
    """The case's decisions as the audit trail recorded them (who, when, which policy)."""
    audit = assistant(cl.user_session.get("understanding")).audit
    if audit is None:
        return
    try:
        rows = await asyncio.to_thread(audit.decisions, thread_id)
    except Exception:
        log.exception("could not read the audit trail of thread %s", thread_id)
        return
    if rows:
        await _send_step("Decision history", "tool", "\n".join(history_lines(rows)))


_background: set[asyncio.Task] = set()


def _later(coro: Any) -> None:
    task = asyncio.ensure_future(coro)
    _background.add(task)  # keep a reference until it is done
    task.add_done_callback(_background.discard)


def _questions(turn: Turn) -> list[dict[str, Any]]:
    rows = {q["fact"]: q for q in turn.questions}
    return [rows.get(f, {"fact": f, "type": "confirm"}) for f in turn.pending]


def reply_text(turn: Turn, *, card: bool, form: bool) -> str:
    """The words of the reply around the card, the form and the "What I read" element
    (from the structured reply: :func:`priorauth.web_view.reply_words`)."""
    return reply_words(turn.structured, card=card, form=form,
                       read_table=len(turn.structured.read) >= READ_TABLE_MIN)


def downloads(turn: Turn, stem: str, reference: str = "") -> list[Any]:
    verdict = turn.verdict or {}
    return [
        inline(cl.File(name=f"{stem}.json", mime="application/json",
                       content=json.dumps(verdict, indent=2).encode(), display="inline")),
        inline(cl.File(name=f"{stem}.md", mime="text/markdown",
                       content=summary_markdown(turn.structured, turn.facts,
                                                reference).encode(),
                       display="inline")),
        # The submission packet (docs/after-verdict.md): one printable page.
        inline(cl.File(name=packet_name(stem), mime="text/html",
                       content=packet_html(verdict, turn.facts, reference).encode(),
                       display="inline")),
    ]


def download_stem(turn: Turn, thread_id: str, reference: str = "") -> str:
    verdict = turn.verdict or {}
    return file_stem(verdict.get("cpt", "case"), reference, thread_id,
                     time.strftime("%Y%m%d-%H%M%S"))


async def _send_reply(turn: Turn, kept: dict[str, str], note: str = "") -> None:
    final = bool(turn.verdict) and not turn.waiting
    show_card = bool(turn.verdict)
    questions = _questions(turn) if turn.waiting else []
    read_table = len(turn.structured.read) >= READ_TABLE_MIN
    content = reply_text(turn, card=show_card, form=bool(questions))
    elements: list = []
    if read_table:
        elements.append(inline(cl.CustomElement(name="Facts",
                                                props=read_props(turn.structured, note))))
    if show_card and turn.verdict:
        elements.append(inline(cl.CustomElement(name="VerdictCard",
                                                props=card_props(turn.structured))))
    form = None
    if questions:
        form = inline(cl.CustomElement(name="Questions", props=form_props(
            questions, turn.facts, {f: v for f, v in kept.items() if f in turn.pending})))
        elements.append(form)
    cited = list(dict.fromkeys(r.get("clause") for r in turn.retrieved if r.get("clause")))
    cited += [c for c in dict.fromkeys(CLAUSE_ID.findall(content)) if c not in cited]
    if cited or turn.facts:
        elements.append(inline(cl.CustomElement(name="Links", props={
            "clauses": cited, "facts": len(turn.facts)})))
    if final:
        reference = cl.user_session.get("case_ref") or ""
        elements += downloads(turn, download_stem(turn, cl.context.session.thread_id,
                                                  reference), reference)
    if not content:
        content = {"meets_criteria": "Here is the check.", "does_not_meet": "Here is the check.",
                   "needs_review": "Here is the check."}.get(turn.decision or "", "")
    # Sent whole: the agent returns its reply at once, and streaming it in pieces only
    # cost a message update per piece (measured in evals/bench_web.py).
    await cl.Message(content=content, elements=elements).send()
    await _close_old_form(form)


async def _close_old_form(new_form: Any) -> None:
    """The previous question form is answered or superseded: disable its controls."""
    session = cl.context.session.id
    old = _forms.pop(session, None)
    if new_form is not None:
        _forms[session] = new_form
    if old is not None:
        old.props = {**old.props, "state": "closed"}
        try:
            await inline(old).update()
        except Exception:
            log.debug("could not close an old form", exc_info=True)


@cl.on_chat_end
async def _end() -> None:
    _forms.pop(cl.context.session.id, None)
    # Nothing of this session stays on disk once it ends (the elements live in the
    # database; anything Chainlit wrote for the session is patient data).
    folder = cl.context.session.files_dir
    if folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)

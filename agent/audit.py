"""The audit trail: every verdict the product produced, append-only.

One table, ``verdict_audit``, in the conversation database (the SQLite file beside the
conversations, or Postgres when ``PRIORAUTH_DATABASE_URL`` is set). Rows are written
by the chat and the web app (``agent.session.Assistant`` after a turn whose verdict
changed) and by ``priorauth check``. The product has no update or delete path, and
the database refuses both: a trigger aborts any UPDATE or DELETE (and, on Postgres,
TRUNCATE) on the table.

Imports nothing heavy: ``priorauth check`` writes here and must stay fast.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from agent.config import Settings

TABLE = "verdict_audit"
APPEND_ONLY = "the audit trail is append-only"
_COLUMNS = ("id", "at", "user_id", "source", "thread", "cpt", "policy_version", "as_of",
            "decision", "cited", "facts", "verdict", "checked", "statuses")
_CASE_COLUMNS = ("thread", "at", "cpt", "policy_version", "as_of", "decision", "checked",
                 "statuses")
# Compact copies of what `recheck` needs, so it need not parse whole verdicts: the facts
# given to the checker, and each rule's [rule, clause, status].
_ADDED = ("checked", "statuses")

_SQLITE_SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL, user_id TEXT NOT NULL, source TEXT NOT NULL, thread TEXT,
        cpt TEXT NOT NULL, policy_version TEXT NOT NULL, as_of TEXT NOT NULL,
        decision TEXT NOT NULL, cited TEXT NOT NULL, facts TEXT NOT NULL,
        verdict TEXT NOT NULL, checked TEXT, statuses TEXT)""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_thread ON {TABLE} (thread, id)",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""",
]
_POSTGRES_SCHEMA = [
    "SELECT pg_advisory_xact_lock(7231950)",  # one process creates the schema at a time
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        id BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL, user_id TEXT NOT NULL, source TEXT NOT NULL, thread TEXT,
        cpt TEXT NOT NULL, policy_version TEXT NOT NULL, as_of TEXT NOT NULL,
        decision TEXT NOT NULL, cited TEXT NOT NULL, facts TEXT NOT NULL,
        verdict TEXT NOT NULL, checked TEXT, statuses TEXT)""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_thread ON {TABLE} (thread, id)",
    *[f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {c} TEXT" for c in _ADDED],
    f"""CREATE OR REPLACE FUNCTION {TABLE}_refuse() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$""",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_change ON {TABLE}",
    f"""CREATE TRIGGER {TABLE}_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()""",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}",
    f"""CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_refuse()""",
]


@dataclass(frozen=True)
class AuditRow:
    """One recorded verdict."""

    id: int
    at: str
    """UTC time it was produced, ISO 8601 (``2026-11-23T14:02:11Z``)."""
    user: str
    source: str
    """``chat``, ``web`` or ``check``."""
    thread: str | None
    cpt: str
    policy_version: str
    as_of: str
    decision: str
    cited: list[str]
    facts: dict[str, dict[str, Any]]
    """fact → ``{"value", "origin", "words"}``."""
    verdict: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "user": self.user, "source": self.source,
                "thread": self.thread, "cpt": self.cpt, "policy_version": self.policy_version,
                "as_of": self.as_of, "decision": self.decision, "cited": self.cited,
                "facts": self.facts, "verdict": self.verdict}


def _case(values: tuple[Any, ...]) -> SavedCase:
    *head, verdict = values
    data = dict(zip(_CASE_COLUMNS, head, strict=True))
    if data["checked"] is None or data["statuses"] is None:  # a row from before the columns
        return SavedCase.from_verdict(json.loads(verdict), thread=data["thread"],
                                      at=data["at"])
    return SavedCase(thread=data["thread"], at=data["at"], cpt=data["cpt"],
                     policy_version=data["policy_version"], as_of=data["as_of"],
                     decision=data["decision"], checked=json.loads(data["checked"]),
                     statuses=[tuple(s) for s in json.loads(data["statuses"])])


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class SavedCase:
    """What re-checking a saved case needs (a conversation's latest verdict, compact)."""

    thread: str | None
    at: str
    cpt: str
    policy_version: str
    as_of: str
    decision: str
    checked: dict[str, Any]
    """The facts the checker was given (normalised JSON values)."""
    statuses: list[tuple[str, str, str]]
    """(rule id, clause, status) of every criterion."""

    @classmethod
    def from_verdict(cls, verdict: Mapping[str, Any], *, thread: str | None = None,
                     at: str = "") -> SavedCase:
        return cls(thread=thread, at=at, cpt=verdict["cpt"],
                   policy_version=verdict["policy_version"], as_of=str(verdict["as_of"]),
                   decision=verdict["decision"], checked=dict(verdict.get("facts", {})),
                   statuses=[(c["rule"], c["clause"], c["status"])
                             for c in verdict.get("criteria", [])])


def _row(values: tuple[Any, ...]) -> AuditRow:
    data = dict(zip(_COLUMNS, values, strict=True))
    return AuditRow(id=int(data["id"]), at=data["at"], user=data["user_id"],
                    source=data["source"], thread=data["thread"], cpt=data["cpt"],
                    policy_version=data["policy_version"], as_of=data["as_of"],
                    decision=data["decision"], cited=json.loads(data["cited"]),
                    facts=json.loads(data["facts"]), verdict=json.loads(data["verdict"]))


class AuditLog:
    """Appends verdicts and reads them back; one connection, safe across threads."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.postgres = bool(settings.database_url)
        self._lock = threading.Lock()
        if self.postgres:
            import psycopg

            self._conn: Any = psycopg.connect(settings.database_url, autocommit=True)
            self._mark = "%s"
            with self._conn.transaction():
                for statement in _POSTGRES_SCHEMA:
                    self._conn.execute(statement)
        else:
            from agent import storage

            # Autocommit; a busy database (the checkpointer writes the same file) waits.
            # storage: a damaged file or unusable data dir is one line naming it.
            self._conn = storage.connect(settings.sqlite_path, timeout=30,
                                         isolation_level=None)
            self._mark = "?"
            with storage.explained(settings.sqlite_path):
                for statement in _SQLITE_SCHEMA:
                    self._conn.execute(statement)
                have = {r[1] for r in self._conn.execute(f"PRAGMA table_info({TABLE})")}
                for column in _ADDED:  # a table made before these columns existed
                    if column not in have:
                        self._conn.execute(f"ALTER TABLE {TABLE} ADD COLUMN {column} TEXT")

    def record(self, verdict: Mapping[str, Any], facts: Mapping[str, Mapping[str, Any]] | None
               = None, *, user: str = "local", source: str = "check",
               thread: str | None = None) -> None:
        """Append one verdict; ``facts`` maps fact → ``{"value", "origin", "words"}``."""
        if facts is None:
            facts = {k: {"value": v, "origin": "entered", "words": ""}
                     for k, v in verdict.get("facts", {}).items()}
        values = (_now(), user or "local", source, thread, verdict["cpt"],
                  verdict["policy_version"], str(verdict["as_of"]), verdict["decision"],
                  json.dumps(list(verdict.get("cited", []))),
                  json.dumps(facts, ensure_ascii=False, default=str),
                  json.dumps(verdict, ensure_ascii=False, default=str),
                  json.dumps(verdict.get("facts", {}), ensure_ascii=False, default=str),
                  json.dumps([[c["rule"], c["clause"], c["status"]]
                              for c in verdict.get("criteria", [])]))
        marks = ", ".join([self._mark] * len(values))
        with self._lock:
            self._conn.execute(f"INSERT INTO {TABLE} ({', '.join(_COLUMNS[1:])}) "
                               f"VALUES ({marks})", values)

    def rows(self, *, thread: str | None = None, since: date | None = None,
             cpt: str | None = None) -> list[AuditRow]:
        """Recorded verdicts, oldest first; ``since`` is a UTC day."""
        where, params = [], []
        if thread is not None:
            where.append(f"thread = {self._mark}")
            params.append(thread)
        if since is not None:
            where.append(f"at >= {self._mark}")
            params.append(since.isoformat())
        if cpt is not None:
            where.append(f"cpt = {self._mark}")
            params.append(cpt)
        sql = f"SELECT {', '.join(_COLUMNS)} FROM {TABLE}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock:
            found = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [_row(tuple(r)) for r in found]

    def decisions(self, thread: str) -> list[AuditRow]:
        """A conversation's recorded verdicts, oldest first, without their content
        (``cited``, ``facts`` and ``verdict`` left empty): what a decision history shows,
        without decoding every verdict again after each turn."""
        head = _COLUMNS[:9]
        with self._lock:
            found = self._conn.execute(
                f"SELECT {', '.join(head)} FROM {TABLE} WHERE thread = {self._mark} "
                "ORDER BY id", [thread]).fetchall()
        return [_row((*tuple(r), "[]", "{}", "{}", None, None)) for r in found]

    def latest_cases(self, *, cpt: str | None = None) -> list[SavedCase]:
        """The latest verdict of every saved conversation (rows with a thread)."""
        sql = (f"SELECT {', '.join('a.' + c for c in _CASE_COLUMNS)}, a.verdict FROM {TABLE} a "
               "JOIN "
               f"(SELECT thread, MAX(id) AS id FROM {TABLE} WHERE thread IS NOT NULL "
               f"GROUP BY thread) b ON a.id = b.id")
        params: list[str] = []
        if cpt is not None:
            sql += f" WHERE a.cpt = {self._mark}"
            params.append(cpt)
        with self._lock:
            found = self._conn.execute(sql + " ORDER BY a.id", params).fetchall()
        return [_case(tuple(r)) for r in found]

    def close(self) -> None:
        with self._lock:
            self._conn.close()

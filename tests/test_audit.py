"""The audit trail: written by chat, check and the web app; append-only; listed by `audit`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from agent.audit import APPEND_ONLY, TABLE, AuditLog
from agent.config import Settings
from agent.session import Assistant

ROOT = Path(__file__).parent.parent
AS_OF = date(2026, 11, 23)


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "priorauth.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PRIORAUTH_DATA_DIR": str(data),
                               "PRIORAUTH_DATABASE_URL": ""})


def _settings(tmp_path: Path, url: str = "") -> Settings:
    return Settings(data_dir=tmp_path, database_url=url, understanding="offline")


def test_a_chat_records_each_new_verdict_with_its_facts_origin_and_words(tmp_path: Path) -> None:
    bot = Assistant(_settings(tmp_path), as_of=AS_OF)
    try:
        bot.send("case-1", "Does this case qualify for 64493? PT x 4 wks, pain 7/10")
        bot.send("case-1", "PT x 4 wks")  # the same facts again: no new verdict
        bot.send("case-1", "correction: PT x 14 wks")
    finally:
        bot.close()
    log = AuditLog(_settings(tmp_path))
    rows = log.rows(thread="case-1")
    decisions = log.decisions("case-1")  # the web's decision history: no content
    log.close()
    assert [(d.id, d.at, d.user, d.decision, d.policy_version, d.as_of) for d in decisions] \
        == [(r.id, r.at, r.user, r.decision, r.policy_version, r.as_of) for r in rows]
    assert [d.verdict for d in decisions] == [{}, {}]
    assert [r.source for r in rows] == ["chat", "chat"]
    assert rows[0].user == "local" and rows[0].cpt == "64493"
    assert rows[0].decision == "does_not_meet" and "64493.coverage.1" in rows[0].cited
    assert rows[0].facts["pt_weeks"]["words"] and rows[0].facts["pt_weeks"]["origin"] == "stated"
    assert rows[0].facts["pt_weeks"]["value"] == 4.0
    assert rows[1].facts["pt_weeks"]["value"] == 14.0
    assert rows[1].verdict["policy_version"] == rows[1].policy_version
    assert rows[0].at <= rows[1].at


def test_the_web_app_records_the_login_as_the_user(tmp_path: Path) -> None:
    bot = Assistant(_settings(tmp_path), as_of=AS_OF, source="web")
    try:
        bot.send("web-1", "Does this case qualify for 97110? pain 2/10", user="alice")
    finally:
        bot.close()
    log = AuditLog(_settings(tmp_path))
    (row,) = log.rows(thread="web-1")
    log.close()
    assert (row.user, row.source, row.cpt) == ("alice", "web", "97110")


def test_check_records_its_verdict_and_audit_lists_it(tmp_path: Path) -> None:
    result = _run("check", "--cpt", "64493", "--facts", "examples/64493-short-therapy.yaml",
                  data=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = _run("audit", "--json", data=tmp_path)
    rows = json.loads(listed.stdout)
    assert len(rows) == 1
    assert (rows[0]["source"], rows[0]["user"], rows[0]["decision"]) == \
        ("check", "local", "does_not_meet")
    assert rows[0]["facts"]["pt_weeks"] == {"value": 8.0, "origin": "entered",
                                            "words": "8 weeks"}
    table = _run("audit", "--since", "2000-01-01", data=tmp_path).stdout
    assert "does_not_meet" in table and "check" in table
    assert "no verdicts recorded" in _run("audit", "--thread", "other", data=tmp_path).stdout
    assert json.loads(_run("audit", "--json", "--since", "2100-12-31", data=tmp_path).stdout) \
        == []
    bad = _run("audit", "--since", "last march", data=tmp_path)
    assert bad.returncode == 2 and "--since: 'last march' is not a date" in bad.stderr


def _refused(conn, statement: str) -> str:
    with pytest.raises(Exception) as err:
        conn.execute(statement)
    return str(err.value)


def test_sqlite_refuses_to_change_or_delete_a_row(tmp_path: Path) -> None:
    log = AuditLog(_settings(tmp_path))
    log.record({"cpt": "64493", "policy_version": "v1", "as_of": "2026-11-23",
                "decision": "meets_criteria", "cited": [], "facts": {}}, thread="t")
    log.close()
    # Not through the product (it has no such path), and not behind its back either.
    assert not [m for m in dir(AuditLog) if m.startswith(("update", "delete", "remove"))]
    conn = sqlite3.connect(tmp_path / "conversations.sqlite", isolation_level=None)
    assert APPEND_ONLY in _refused(conn, f"UPDATE {TABLE} SET decision = 'does_not_meet'")
    assert APPEND_ONLY in _refused(conn, f"DELETE FROM {TABLE}")
    assert conn.execute(f"SELECT decision FROM {TABLE}").fetchall() == [("meets_criteria",)]
    conn.close()


def test_postgres_keeps_the_trail_append_only(postgres_url: str, tmp_path: Path) -> None:
    import psycopg

    settings = _settings(tmp_path, postgres_url)
    bot = Assistant(settings, as_of=AS_OF)
    try:
        bot.send("pg-1", "Does this case qualify for 64493? PT x 4 wks")
    finally:
        bot.close()
    second = AuditLog(settings)  # a second process opening the same database
    rows = second.rows(thread="pg-1")
    (case,) = second.latest_cases()  # what recheck reads
    second.close()
    assert [(r.source, r.decision) for r in rows] == [("chat", "does_not_meet")]
    assert (case.thread, case.decision, case.checked["pt_weeks"]) == \
        ("pg-1", "does_not_meet", 4.0)
    assert not (tmp_path / "conversations.sqlite").exists()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for statement in (f"UPDATE {TABLE} SET decision = 'x'", f"DELETE FROM {TABLE}",
                          f"TRUNCATE {TABLE}"):
            assert APPEND_ONLY in _refused(conn, statement)
        assert conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone() == (1,)


def test_a_trail_made_before_the_compact_columns_still_rechecks(tmp_path: Path) -> None:
    from agent.recheck import recheck_rows
    from policies.checker import check
    from policies.library import load_policy

    verdict = check(load_policy("64493"), {"pt_weeks": 4}, AS_OF).model_dump(mode="json")
    conn = sqlite3.connect(tmp_path / "conversations.sqlite", isolation_level=None)
    conn.execute(f"""CREATE TABLE {TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL, user_id TEXT NOT NULL, source TEXT NOT NULL, thread TEXT,
        cpt TEXT NOT NULL, policy_version TEXT NOT NULL, as_of TEXT NOT NULL,
        decision TEXT NOT NULL, cited TEXT NOT NULL, facts TEXT NOT NULL,
        verdict TEXT NOT NULL)""")
    conn.execute(f"INSERT INTO {TABLE} (at, user_id, source, thread, cpt, policy_version, "
                 "as_of, decision, cited, facts, verdict) VALUES (?, 'local', 'chat', 'old', "
                 "'64493', ?, '2026-11-23', 'does_not_meet', '[]', '{}', ?)",
                 ("2026-11-23T10:00:00Z", verdict["policy_version"], json.dumps(verdict)))
    conn.close()
    log = AuditLog(_settings(tmp_path))
    log.record(verdict, thread="new")
    (old, new) = recheck_rows(log.latest_cases())
    log.close()
    assert (old.thread, old.old_decision, old.new_decision) == \
        ("old", "does_not_meet", "does_not_meet")
    assert not old.moved and not new.moved

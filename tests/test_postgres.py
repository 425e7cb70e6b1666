"""Conversations in Postgres when PRIORAUTH_DATABASE_URL points at one.

The ``postgres_url`` fixture (tests/conftest.py) starts a throwaway PostgreSQL server.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from agent.config import Settings
from agent.session import Assistant


def test_a_conversation_resumes_from_postgres_after_restart(postgres_url: str,
                                                          tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", database_url=postgres_url,
                        understanding="offline")
    first = Assistant(settings, as_of=date(2026, 11, 23))
    turn = first.send("pg-case", "Does this case qualify for 64493? PT x 14 wks")
    assert turn.waiting and turn.facts["pt_weeks"]["value"] == 14.0
    first.close()
    assert not (tmp_path / "data" / "conversations.sqlite").exists()  # not in SQLite

    second = Assistant(settings, as_of=date(2026, 11, 23))
    try:
        assert second.waiting("pg-case")
        resumed = second.send("pg-case", "Correction: PT x 4 wks")
        assert resumed.decision == "does_not_meet"
        assert "14 weeks → 4 weeks" in resumed.reply
        assert len(second.history("pg-case")) == 4
    finally:
        second.close()

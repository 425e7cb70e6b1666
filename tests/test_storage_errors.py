"""`priorauth chat` when its storage fails: one line naming the file or folder and what to
do, exit 2 at start-up, and nothing the user typed is lost (issue 11, docs/input.md)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agent import storage
from priorauth import cli

WRITABLE = "set PRIORAUTH_DATA_DIR to a writable directory"
MESSAGE = "does this case qualify for 64493? PT for 4 weeks, pain 7/10"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(folder))
    monkeypatch.delenv("PRIORAUTH_DATABASE_URL", raising=False)
    monkeypatch.delenv("PRIORAUTH_DEBUG", raising=False)
    monkeypatch.setenv("PRIORAUTH_UNDERSTANDING", "offline")
    return folder


def typing(monkeypatch: pytest.MonkeyPatch, *lines: str | Callable[[], str]) -> None:
    """The user types ``lines`` (a callable runs between prompts, then types its result),
    then Ctrl-D."""
    feed: Iterator[str | Callable[[], str]] = iter(lines)

    def fake_input(prompt: str = "") -> str:
        print(prompt, end="")
        try:
            line = next(feed)
        except StopIteration:
            raise EOFError from None
        return line() if callable(line) else line

    monkeypatch.setattr("builtins.input", fake_input)


def chat(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = cli.main(["chat", "--as-of", "2026-11-23", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, out: str, err: str) -> str:
    assert code == 2, (out, err)
    assert out == "" and len(err.strip().splitlines()) == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return err.strip().removeprefix("priorauth: error: ")


def test_a_damaged_database_is_named_with_what_to_do(data_dir: Path, capsys,
                                                     monkeypatch) -> None:
    data_dir.mkdir()
    db = data_dir / "conversations.sqlite"
    db.write_bytes(b"this is not a database, just garbage bytes\x00\xff" * 200)
    typing(monkeypatch, MESSAGE)
    message = one_line_error(*chat(capsys))
    assert message == (f"the conversations database {db} is damaged (file is not a database); "
                       "move it aside (e.g. rename it to conversations.sqlite.damaged) to start "
                       "afresh, or restore it from a backup")
    assert db.read_bytes().startswith(b"this is not a database")  # nothing overwritten


def test_an_emptied_database_does_not_pretend_to_resume_a_thread(data_dir: Path, capsys,
                                                                 monkeypatch) -> None:
    typing(monkeypatch, MESSAGE)
    code, out, _ = chat(capsys, "--thread", "case-17")
    assert code == 0 and "thread case-17 — new" in out
    db = data_dir / "conversations.sqlite"
    db.write_bytes(b"")  # truncated: every conversation in it is gone
    typing(monkeypatch)
    message = one_line_error(*chat(capsys, "--thread", "case-17"))
    assert message == (f"the conversations database {db} is empty (0 bytes) but thread case-17 "
                       "was requested; restore the file from a backup, or leave out --thread "
                       "to start a new conversation")
    typing(monkeypatch)  # without --thread a new conversation may start in the empty file
    code, out, err = chat(capsys)
    assert code == 0 and "(resumed)" not in out and "— new" not in out, err


def test_resuming_and_unknown_threads_are_told_apart(data_dir: Path, capsys,
                                                     monkeypatch) -> None:
    typing(monkeypatch, MESSAGE)
    code, out, _ = chat(capsys, "--thread", "t1")
    assert code == 0
    assert "thread t1 — new: no saved conversation with this id" in out.splitlines()[0]
    typing(monkeypatch)
    code, out, _ = chat(capsys, "--thread", "t1")
    assert "thread t1 (resumed)" in out.splitlines()[0]


def test_a_file_where_the_data_dir_should_be(data_dir: Path, capsys, monkeypatch) -> None:
    data_dir.write_text("not a folder")
    typing(monkeypatch, MESSAGE)
    assert one_line_error(*chat(capsys)) == (f"cannot use the data directory {data_dir}: it is "
                                             f"a file, not a folder; {WRITABLE}")
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(data_dir / "below"))
    assert one_line_error(*chat(capsys)) == (f"cannot use the data directory {data_dir / 'below'}"
                                             f": Not a directory; {WRITABLE}")


def test_a_data_dir_without_permission(data_dir: Path, capsys, monkeypatch) -> None:
    # Tests may run as root, for whom chmod denies nothing: make mkdir fail as it would.
    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", denied)
    typing(monkeypatch, MESSAGE)
    assert one_line_error(*chat(capsys)) == (f"cannot use the data directory {data_dir}: "
                                             f"Permission denied; {WRITABLE}")


def test_a_full_disk_keeps_the_message_for_the_next_try(data_dir: Path, capsys,
                                                        monkeypatch) -> None:
    """SQLite's max_page_count makes the real "database or disk is full" error."""
    opened: list[sqlite3.Connection] = []
    real_connect = storage.connect

    def small_disk(path: Path, **options: object) -> sqlite3.Connection:
        conn = real_connect(path, **options)  # opened[0]: the conversation checkpointer
        opened.append(conn)
        return conn

    def fill_disk() -> str:
        (pages,) = opened[0].execute("PRAGMA page_count").fetchone()
        opened[0].execute(f"PRAGMA max_page_count = {pages}")
        return MESSAGE

    def free_space() -> str:
        opened[0].execute("PRAGMA max_page_count = 1073741823")
        return ""  # Enter on an empty line: send the kept message again

    monkeypatch.setattr(storage, "connect", small_disk)
    typing(monkeypatch, fill_disk, free_space)
    code, out, err = chat(capsys, "--thread", "full")
    assert code == 0 and err == "", (out, err)
    db = data_dir / "conversations.sqlite"
    failed = (f"cannot save to the conversations database {db}: the disk is full (database or "
              "disk is full); free some space, then send the message again")
    assert failed in out.splitlines()
    assert cli.KEPT in out
    assert "Internal" not in out and "OperationalError" not in out.replace("(database", "")
    assert out.index(failed) < out.index("Decision: Does not meet the criteria")  # retried
    assert "not sent; here it is" not in out

    from agent.config import Settings
    from agent.session import Assistant

    saved = Assistant(Settings()).history("full")
    assert [m["content"] for m in saved if m["role"] == "user"] == [MESSAGE]


def test_leaving_with_an_unsent_message_prints_it(data_dir: Path, capsys,
                                                  monkeypatch) -> None:
    from agent.session import Assistant

    def broken(self: Assistant, thread: str, text: str, **kwargs: object) -> None:
        raise storage.StorageError("cannot save to the conversations database X: the disk "
                                   "is full")

    monkeypatch.setattr(Assistant, "send", broken)
    typing(monkeypatch, MESSAGE)
    code, out, _ = chat(capsys)
    assert code == 0
    assert f"Your last message was not sent; here it is to copy:\n{MESSAGE}\n" in out


def test_a_read_only_database_is_explained() -> None:
    """A real read-only SQLite error (root ignores chmod, so open it read-only instead)."""
    conn = sqlite3.connect("file::memory:?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("CREATE TABLE t (x)")
    message = str(storage.explain(caught.value, Path("/data/conversations.sqlite")))
    assert message == ("cannot write the conversations database /data/conversations.sqlite "
                       "(attempt to write a readonly database); make the file and its folder "
                       f"writable, or {WRITABLE}")


def test_audit_and_check_name_a_damaged_database_too(data_dir: Path, capsys) -> None:
    data_dir.mkdir()
    db = data_dir / "conversations.sqlite"
    db.write_bytes(b"garbage, not SQLite\x00" * 100)
    damaged = f"the conversations database {db} is damaged (file is not a database)"
    for command in (["audit"], ["recheck"]):
        assert cli.main(command) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"priorauth: error: {damaged}") and "\n" not in err
    facts = data_dir.parent / "case.yaml"
    facts.write_text("pt_weeks: 4\n")
    assert cli.main(["check", "--cpt", "64493", "--facts", str(facts), "--json"]) == 0
    out, err = capsys.readouterr()
    assert '"decision": "does_not_meet"' in out or '"decision": "needs_info"' in out
    assert err.strip().startswith("priorauth: warning: the verdict was not recorded in the "
                                  f"audit trail: {damaged}")

"""The conversations database: open it with clear errors, explain failures in one line.

A damaged file, a full disk or a data dir that is a file must tell the user which file or
folder and what to do (docs/input.md), never "internal error (DatabaseError)".
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policies.errors import PriorAuthError

WRITABLE = "set PRIORAUTH_DATA_DIR to a writable directory"


class StorageError(PriorAuthError):
    """The conversation store cannot be used; the message names the file and the fix."""


def _detail(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:160]
    return text or exc.__class__.__name__


def explain(exc: sqlite3.Error, path: Path) -> StorageError:
    """One line for an SQLite failure on ``path``."""
    detail = _detail(exc)
    lowered = detail.lower()
    if "full" in lowered:
        return StorageError(f"cannot save to the conversations database {path}: the disk is "
                            f"full ({detail}); free some space, then send the message again")
    if "not a database" in lowered or "malformed" in lowered or isinstance(
            exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return StorageError(f"the conversations database {path} is damaged ({detail}); move it "
                            f"aside (e.g. rename it to {path.name}.damaged) to start afresh, or "
                            "restore it from a backup")
    if "locked" in lowered or "busy" in lowered:
        return StorageError(f"the conversations database {path} is in use by another program "
                            f"({detail}); try again in a moment")
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return StorageError(f"cannot write the conversations database {path} ({detail}); make "
                            f"the file and its folder writable, or {WRITABLE}")
    return StorageError(f"the conversations database {path} failed ({detail}); if this "
                        f"persists, move the file aside or {WRITABLE}")


@contextlib.contextmanager
def explained(path: Path | None) -> Iterator[None]:
    """Turn SQLite errors raised inside into :class:`StorageError` for ``path``."""
    if path is None:
        yield
        return
    try:
        yield
    except sqlite3.Error as exc:
        raise explain(exc, path) from None


def connect(path: Path, **options: Any) -> sqlite3.Connection:
    """An SQLite connection to ``path``, its folder created; damage is found here, not on
    the first message. ``options`` go to :func:`sqlite3.connect`."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"cannot use the data directory {folder}: it is a file, not a "
                           f"folder; {WRITABLE}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot use the data directory {folder}: "
                           f"{exc.strerror or _detail(exc)}; {WRITABLE}") from None
    try:
        conn = sqlite3.connect(path, check_same_thread=False, **options)
    except sqlite3.Error as exc:
        raise explain(exc, path) from None
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # reads the header: finds damage
    except sqlite3.Error as exc:
        conn.close()
        raise explain(exc, path) from None
    return conn


def is_empty_file(path: Path) -> bool:
    """A database file that exists with 0 bytes: whatever it held is gone."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False

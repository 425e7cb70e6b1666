"""The parsed YAML of the program's own data files, kept between runs in the user's cache
directory (never the repository).

Every ``priorauth`` start reads the policies' criteria, the reading rules, the reader's
context rules and the intents: twelve files, about 300 KB of YAML, whose parsing was
about a tenth of a cold ``priorauth check --text``. A file's parse is stored under the
sha256 of its bytes, so an edited file is parsed afresh (its old entry is replaced), and
a missing, damaged or unwritable cache costs only the parse. Files a user gives
(``--facts``) are read by :mod:`policies.datafile` and never cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

import yaml

from policies.cachedir import cache_dir

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (the PyPI wheels do): the same safe constructor,
about 8x less time than the pure-Python parser, which was a fifth of a cold
``priorauth check --text``. tests/test_lint.py checks both read the library alike."""

_FORMAT = f"priorauth-yaml 1 {YAML_LOADER.__name__} marshal {marshal.version}\n".encode()
"""Part of every key: a new entry format, loader or marshal version makes new entries."""


def _entry(path: Path, raw: bytes) -> Path:
    """``<cache>/yaml/<file>-<content>.marshal``: one entry per file, named by its
    content."""
    where = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    content = hashlib.sha256(_FORMAT + raw).hexdigest()[:32]
    return cache_dir() / "yaml" / f"{where}-{content}.marshal"


def _cached(entry: Path) -> tuple[bool, Any]:
    try:
        blob = entry.read_bytes()
    except OSError:
        return False, None
    check, payload = blob[:32], blob[32:]
    if hashlib.sha256(payload).digest() != check:  # damaged: parsed again, rewritten
        return False, None
    try:
        return True, marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return False, None


def _store(entry: Path, data: Any) -> None:
    try:
        payload = marshal.dumps(data)
    except ValueError:  # a value marshal cannot keep (a date): parsed every time
        return
    import tempfile  # (only when writing: its import costs a start that reads)

    tmp = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for old in entry.parent.glob(entry.name.split("-")[0] + "-*.marshal"):
            old.unlink(missing_ok=True)  # the file's earlier contents
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, entry)  # whole or not at all, whoever else is writing it
        tmp = None
    except OSError:  # a read-only or full disk: the next start parses again
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def load_yaml(path: Path) -> Any:
    """``yaml.load`` of the UTF-8 file ``path`` with the safe loader; from the cache when
    the file is unchanged. Raises ``OSError`` and ``yaml.YAMLError`` as the parse does."""
    raw = path.read_bytes()
    entry = _entry(path, raw)
    found, data = _cached(entry)
    if found:
        return data
    data = yaml.load(raw.decode("utf-8"), Loader=YAML_LOADER)
    _store(entry, data)
    return data

"""The program's module-level regular expressions kept compiled in the user's cache
directory, so a start does not compile them again.

The reader and the intents define some 600 regular expressions when their modules are
imported. Python compiles a pattern in two steps: it parses it and generates the
matcher's code in pure Python (the slow step: about a fifth of the CPU time of a cold
``priorauth check --text``), then hands that code to the C engine (``_sre.compile``,
fast). :func:`install` keeps the first step's result for each pattern a module defines
at import in ``<cache dir>/regex``, one file per Python build and engine version, so a
later start only does the second. The engine gets the very code a fresh compile gives
(``re.Pattern`` equality compares it: ``tests/test_regexcache.py``).

Only fixed patterns are kept: those compiled by a module's own top-level code (or a
comprehension in it, or the body of a class it defines), and those built by a function
marked :func:`policies.cachedir.fixed_patterns` (from the program's word lists: the
reader's first message compiled a few dozen, about a tenth of a cold ``check --text``).
Any other pattern built inside a function may hold a user's words (``re.escape`` of a
phrase the user disowned) and is compiled as always, never written. Any failure reading
or writing the file compiles as Python always does.

The file is written only when a start compiled a pattern it did not hold (the program or
its rules changed). Each write keeps the patterns that start used, and those another
start used less than ``KEEP_DAYS`` before (the chat's, which a check does not import):
the day each pattern was last used at a write is kept beside the file
(``used-<version>.marshal``, read only when writing). Before, every pattern any checkout
ever compiled stayed, and every start read them all (1,042 patterns, 1.7 MB, on a
machine shared by several checkouts, where one start uses about 650).
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from policies.cachedir import building_fixed_patterns, cache_dir

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: compile as always
    _compiler = None  # type: ignore[assignment]

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[str | bytes, int], _Entry] = {}
_added: list[tuple[str | bytes, int]] = []
_used: set[tuple[str | bytes, int]] = set()
_file: Path | None = None
KEEP_DAYS = 14
"""A pattern no start has used for this many days is dropped at the next write."""
_COMPREHENSIONS = frozenset({"<listcomp>", "<genexpr>", "<setcomp>", "<dictcomp>"})
_CO_NEWLOCALS = 0x0002
"""``inspect.CO_NEWLOCALS`` (inspect itself is not imported for it: a start counts)."""


def _at_import() -> bool:
    """The pattern being compiled comes from a module's top-level code, or from the body
    of a class defined there (frames: this function, ``_cached``, ``re._compile``,
    ``re.compile`` or another ``re`` function, then its caller)."""
    with contextlib.suppress(ValueError):
        caller = sys._getframe(4)
        if caller.f_code.co_name in _COMPREHENSIONS and caller.f_back is not None:
            caller = caller.f_back
        if caller.f_code.co_name == "<module>":
            return True
        # (a class body runs in a frame of its own, with no fresh locals as a function
        # has: yaml's and textwrap's classes define patterns so)
        return not caller.f_code.co_flags & _CO_NEWLOCALS and \
            caller.f_back is not None and caller.f_back.f_code.co_name == "<module>"
    return False


def _entry(pattern: str | bytes, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after ``pattern``."""
    parsed = _parser.parse(pattern, flags)
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # (plain ints: the opcodes are an int subclass, which marshal does not write)
    return (int(flags | parsed.state.flags), [int(c) for c in _compiler._code(parsed, flags)],
            parsed.state.groups - 1, groupindex, tuple(indexgroup))


_original = _compiler.compile if _compiler is not None else None


def _cached(p: Any, flags: int = 0) -> Any:  # noqa: ANN401 (re's own signature)
    """``re._compiler.compile``, from the cache for a pattern it holds."""
    if not isinstance(p, str | bytes) or flags & re.DEBUG:
        return _original(p, flags)  # type: ignore[misc]
    key = (p, int(flags))
    entry = _known.get(key)
    if entry is None:
        if not building_fixed_patterns() and not _at_import():
            return _original(p, flags)  # type: ignore[misc]
        entry = _known[key] = _entry(p, key[1])
        _added.append(key)
    _used.add(key)
    try:
        return _sre.compile(p, *entry)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        # an entry this engine cannot take (a file written by another build under the
        # same version tag, or damaged): Python's own compiling, never a failed start
        _known.pop(key, None)
        return _original(p, flags)  # type: ignore[misc]


def _today() -> int:
    return int(time.time() // 86400)


def _used_file(patterns: Path) -> Path:
    return patterns.with_name(patterns.name.replace("patterns-", "used-", 1))


def _write(path: Path, data: object) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only or full disk: compiled again next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def _save() -> None:
    """Writes the patterns used now or within ``KEEP_DAYS``, and the day each was last
    used (a pattern of a file written before these days were kept counts as unused)."""
    if not _added or _file is None:
        return
    days: dict[tuple[str | bytes, int], int] = {}
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        loaded = marshal.loads(_used_file(_file).read_bytes())
        if isinstance(loaded, dict):
            days = loaded
    today = _today()
    days = {key: today if key in _used else days[key] for key in _known
            if key in _used or today - days.get(key, today - KEEP_DAYS) < KEEP_DAYS}
    _write(_file, {key: _known[key] for key in days})
    _write(_used_file(_file), days)


def install(folder: Path | None = None) -> None:
    """Compile the patterns modules define at import from ``folder`` (default: the
    cache directory's ``regex``) from now on, and write the new ones there at exit."""
    global _file
    if _compiler is None or _compiler.compile is _cached:
        return
    version = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    _file = (folder or cache_dir() / "regex") / f"patterns-{version}.marshal"
    with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
        loaded = marshal.loads(_file.read_bytes())
        if isinstance(loaded, dict):
            _known.update(loaded)
    _compiler.compile = _cached
    atexit.register(_save)


def uninstall() -> None:
    """Compile as Python does again (for tests), writing what was added."""
    global _file
    if _compiler is not None and _compiler.compile is _cached:
        _compiler.compile = _original
        _save()
        atexit.unregister(_save)
    _known.clear()
    _added.clear()
    _used.clear()
    _file = None

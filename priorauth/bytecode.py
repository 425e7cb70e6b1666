"""Bytecode of the program's own modules kept in the user's cache directory, where
Python may not write it beside the sources.

With ``PYTHONDONTWRITEBYTECODE`` set (some machines and containers set it for every
program) Python compiles, at every start, each module it finds no bytecode for. The
dependencies' bytecode is written when they are installed (``compile-bytecode`` in
pyproject.toml), but a checkout's own modules have none: compiling them was about half
the CPU time of a cold ``priorauth check --text``. :func:`install` makes the command
line keep the bytecode of ``agent``, ``policies``, ``retrieval``, ``priorauth`` and
``evals`` in ``<cache dir>/bytecode``, never beside the sources, each entry checked
against its source file's modification time and size (an edited module is compiled
afresh) and written whole or not at all. Where Python may write bytecode itself,
nothing changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType, ModuleType

from policies.cachedir import cache_dir

OWN = frozenset({"agent", "policies", "retrieval", "priorauth", "evals"})


class _Loader(SourceFileLoader):
    """Python's source loader, with its bytecode kept under ``folder``."""

    folder = Path()

    def get_code(self, fullname: str) -> CodeType | None:
        source_path = self.get_filename(fullname)
        stat = os.stat(source_path)
        # (the optimization level too: "python -O" code has no asserts)
        header = MAGIC_NUMBER + bytes([sys.flags.optimize]) + \
            stat.st_mtime_ns.to_bytes(8, "little") + stat.st_size.to_bytes(8, "little")
        entry = self.folder / (hashlib.sha256(source_path.encode()).hexdigest()[:32] + ".pyc")
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            data = entry.read_bytes()
            if data[:len(header)] == header:
                return marshal.loads(data[len(header):])
        code = self.source_to_code(self.get_data(source_path), source_path)
        _write(entry, header + marshal.dumps(code))
        return code


def _write(entry: Path, data: bytes) -> None:
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, entry)
    except OSError:  # a read-only or full disk: compiled again next time
        with contextlib.suppress(OSError):
            tmp.unlink()


class _Finder:
    """A ``sys.meta_path`` finder (the protocol is this one method). Not a subclass of
    ``importlib.abc.MetaPathFinder``: importing that module imports ``importlib.resources``
    and through it ``tempfile``, ``random`` and ``shutil``, which no command uses at
    start-up (about 5 % of a cold ``priorauth check``'s imports)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname.partition(".")[0] not in OWN:
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is not None and type(spec.loader) is SourceFileLoader:
            spec.loader = _Loader(spec.loader.name, spec.loader.path)
        return spec


def install() -> None:
    """Keep the bytecode of the program's modules imported from now on in the cache
    directory, when Python may not write it beside them; otherwise do nothing."""
    if not sys.dont_write_bytecode or sys.pycache_prefix is not None:
        return  # Python keeps bytecode itself (beside the sources, or where asked)
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        _Loader.folder = cache_dir() / "bytecode"
        sys.meta_path.insert(0, _Finder())

"""The command line's bytecode cache (priorauth/bytecode.py): where Python may not write
bytecode beside the sources, the program's own modules are compiled once into the user's
cache directory, an edited module is compiled afresh, and a damaged entry is ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from priorauth import bytecode

ROOT = Path(__file__).resolve().parent.parent


def _loader(source: Path, folder: Path) -> bytecode._Loader:
    loader = bytecode._Loader("cached_example", str(source))
    loader.folder = folder
    return loader


def _value(loader: bytecode._Loader) -> object:
    scope: dict[str, object] = {}
    exec(loader.get_code("cached_example"), scope)
    return scope["VALUE"]


def test_a_module_is_compiled_once_then_read_and_compiled_afresh_when_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "cached_example.py"
    source.write_text("VALUE = 1\n", encoding="utf-8")
    folder = tmp_path / "bytecode"
    assert _value(_loader(source, folder)) == 1
    (entry,) = folder.glob("*.pyc")

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled although the module is unchanged")

    with monkeypatch.context() as patch:
        patch.setattr(bytecode._Loader, "source_to_code", no_compiling)
        assert _value(_loader(source, folder)) == 1
    source.write_text("VALUE = 22\n", encoding="utf-8")
    assert _value(_loader(source, folder)) == 22
    entry.write_bytes(entry.read_bytes()[:-5] + b"\x00garb")  # damaged
    assert _value(_loader(source, folder)) == 22
    assert [p.name for p in folder.iterdir()] == [entry.name]


def test_an_unwritable_cache_only_costs_the_compiling(tmp_path: Path) -> None:
    source = tmp_path / "cached_example.py"
    source.write_text("VALUE = 3\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert _value(_loader(source, blocker / "bytecode")) == 3


def test_nothing_changes_where_python_writes_bytecode_itself(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    # (an earlier test's command line may have installed it in this process already)
    monkeypatch.setattr(sys, "meta_path",
                        [f for f in sys.meta_path if not isinstance(f, bytecode._Finder)])
    bytecode.install()
    assert not any(isinstance(f, bytecode._Finder) for f in sys.meta_path)


def test_the_command_line_keeps_its_bytecode_in_the_cache_directory(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PRIORAUTH_CACHE_DIR": str(tmp_path),
           "PRIORAUTH_DATA_DIR": str(tmp_path / "data")}
    env.pop("PYTHONPYCACHEPREFIX", None)
    command = [sys.executable, "-m", "priorauth.cli", "check", "--cpt", "64493", "--facts",
               "examples/64493-complete.yaml", "--as-of", "2026-11-23", "--json"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=120)
    entries = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "bytecode").glob("*.pyc")}
    assert len(entries) >= 10, first.stderr  # the policies and the command line's modules
    again = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=120)
    assert again.returncode == first.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    assert {p.name: p.stat().st_mtime_ns
            for p in (tmp_path / "bytecode").glob("*.pyc")} == entries  # read, not rewritten

"""The parse cache of the program's own YAML files (policies/datacache.py): what is read
from it is what parsing the file gives, an edited file is read afresh, and a damaged or
unwritable cache changes nothing but the time taken."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policies import datacache
from policies.datacache import cache_dir, load_yaml
from policies.library import LIBRARY_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("PRIORAUTH_CACHE_DIR", str(where))
    return where


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("parsed although the file is unchanged")

    monkeypatch.setattr(datacache.yaml, "load", refuse)


def test_every_data_file_reads_the_same_from_the_cache(cache: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(LIBRARY_DIR.rglob("*.yaml")) + sorted((ROOT / "agent").rglob("*.yaml"))
    parsed = {f: yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) for f in files}
    assert [load_yaml(f) for f in files] == list(parsed.values())  # parsed, then stored
    _no_parsing(monkeypatch)
    assert [load_yaml(f) for f in files] == list(parsed.values())  # from the cache


def test_an_edited_file_is_read_afresh_and_replaces_its_entry(cache: Path, tmp_path: Path) -> None:
    rules = tmp_path / "reading.yaml"
    rules.write_text("facts:\n  pain_score:\n    phrases: [pain]\n", encoding="utf-8")
    assert load_yaml(rules) == {"facts": {"pain_score": {"phrases": ["pain"]}}}
    rules.write_text("facts:\n  pain_score:\n    phrases: [pain, nrs]\n", encoding="utf-8")
    assert load_yaml(rules) == {"facts": {"pain_score": {"phrases": ["pain", "nrs"]}}}
    assert len(list((cache / "yaml").glob("*.marshal"))) == 1


def test_a_damaged_entry_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    data = tmp_path / "criteria.yaml"
    data.write_text("rules: [a, b, c]\n", encoding="utf-8")
    load_yaml(data)
    (entry,) = (cache / "yaml").glob("*.marshal")
    blob = entry.read_bytes()
    entry.write_bytes(blob[:-3] + b"\xff\xff\xff")
    assert load_yaml(data) == {"rules": ["a", "b", "c"]}
    entry.write_bytes(blob[:40])
    assert load_yaml(data) == {"rules": ["a", "b", "c"]}


def test_an_unusable_cache_directory_costs_only_the_parse(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PRIORAUTH_CACHE_DIR", str(blocker / "cache"))
    data = tmp_path / "facts.yaml"
    data.write_text("facts: {age: {type: number}}\n", encoding="utf-8")
    assert load_yaml(data) == {"facts": {"age": {"type": "number"}}}
    assert load_yaml(data) == {"facts": {"age": {"type": "number"}}}


def test_a_value_the_cache_cannot_keep_is_parsed_every_time(cache: Path, tmp_path: Path) -> None:
    data = tmp_path / "dated.yaml"
    data.write_text("as_of: 2026-11-23\n", encoding="utf-8")
    assert str(load_yaml(data)["as_of"]) == "2026-11-23"
    assert str(load_yaml(data)["as_of"]) == "2026-11-23"
    assert not list((cache / "yaml").glob("*.marshal"))


def test_the_cache_lives_in_the_users_cache_directory(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.delenv("PRIORAUTH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "priorauth"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "priorauth"
    assert ROOT not in cache_dir().parents

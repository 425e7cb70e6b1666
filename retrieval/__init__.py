"""Retrieval over the policy library: a Chroma index of clauses and hybrid search.

Importing this package is cheap: Chroma, bm25s, onnxruntime and the embedding model are
imported only when an index is built or a query runs (see docs/retrieval.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["SearchResult", "index_library", "reset", "search"]


def search(query: Any, cpt: str | None = None, sections: Any = None, k: int = 5) -> list:
    """The policy clauses most relevant to ``query``, best first (``SearchResult`` list).

    See :func:`retrieval.searcher.search`.
    """
    from retrieval.searcher import search as _search

    return _search(query, cpt=cpt, sections=sections, k=k)


def index_library(library_dir: Path | None = None, *, rebuild: bool = False,
                  progress: Any = None) -> Any:
    """Build or refresh the index for the policy library; returns an ``IndexReport``."""
    from retrieval.corpus import load_corpus
    from retrieval.searcher import forget_searchers
    from retrieval.store import build_index

    kwargs = {"progress": progress} if progress else {}
    report = build_index(load_corpus(library_dir), rebuild=rebuild, **kwargs)
    if report.changed:
        forget_searchers()
    return report


def reset() -> None:
    """Forget loaded indexes and Chroma clients (after changing the environment)."""
    from retrieval.searcher import reset as _reset

    _reset()


def __getattr__(name: str) -> Any:
    if name == "SearchResult":
        from retrieval.searcher import SearchResult

        return SearchResult
    raise AttributeError(name)

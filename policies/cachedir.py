"""The user's cache directory: what the program keeps only to start faster.

Everything in it is rebuilt from the sources when missing or out of date, so it is
safe to delete; it is never the repository.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$PRIORAUTH_CACHE_DIR``, else ``$XDG_CACHE_HOME/priorauth``, else
    ``~/.cache/priorauth``."""
    explicit = os.environ.get("PRIORAUTH_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "priorauth"

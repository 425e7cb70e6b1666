"""The user's own directories for this program: data (the index, conversations) and the
cache (what the program keeps only to start faster). Never the repository.

Everything in the cache is rebuilt from the sources when missing or out of date, so it
is safe to delete.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_dir(explicit: str, xdg: str, fallback: tuple[str, ...]) -> Path:
    """``$<explicit>``, else ``$<xdg>/priorauth``, else ``~/<fallback...>/priorauth``."""
    named = os.environ.get(explicit, "").strip()
    if named:
        return Path(named).expanduser()
    base = os.environ.get(xdg, "").strip()
    return (Path(base).expanduser() if base else Path.home().joinpath(*fallback)) / "priorauth"


def cache_dir() -> Path:
    """``$PRIORAUTH_CACHE_DIR``, else ``$XDG_CACHE_HOME/priorauth``, else
    ``~/.cache/priorauth``."""
    return user_dir("PRIORAUTH_CACHE_DIR", "XDG_CACHE_HOME", (".cache",))

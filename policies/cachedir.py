"""The user's own directories for this program: data (the index, conversations) and the
cache (what the program keeps only to start faster). Never the repository.

Everything in the cache is rebuilt from the sources when missing or out of date, so it
is safe to delete.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


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


_building = threading.local()


def fixed_patterns(func: Callable[P, R]) -> Callable[P, R]:
    """Marks a function that builds regular expressions from the program's own data only
    (its code and its YAML: reading rules, context words), never from a user's words. The
    command line keeps such patterns compiled in the cache directory as it keeps those a
    module defines at import (``priorauth/regexcache.py``): the reader builds a few dozen
    from its word lists on its first message, about a tenth of a cold ``check --text``.
    Put it under ``@cache``, so only the first call pays for the marking."""

    @wraps(func)
    def building(*args: P.args, **kwargs: P.kwargs) -> R:
        _building.depth = getattr(_building, "depth", 0) + 1
        try:
            return func(*args, **kwargs)
        finally:
            _building.depth -= 1

    return building


def building_fixed_patterns() -> bool:
    """A :func:`fixed_patterns` function is running in this thread."""
    return getattr(_building, "depth", 0) > 0

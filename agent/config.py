"""Settings for the agent, from the environment unless given explicitly.

Offline is the default: no key, no network. Setting ``OPENAI_API_KEY`` makes LLM
understanding available (``PRIORAUTH_UNDERSTANDING=offline`` turns it off again);
``PRIORAUTH_DATABASE_URL`` moves conversation state from SQLite to Postgres.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from policies.errors import PriorAuthError
from retrieval.config import data_dir as default_data_dir


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _seconds(name: str, default: float) -> float:
    raw = _env(name)
    try:
        value = float(raw) if raw else default
    except ValueError:
        value = -1.0
    if value <= 0:
        raise PriorAuthError(f"{name}={raw!r} is not accepted; give a number of seconds > 0")
    return value


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    """Where conversation state (SQLite) and the retrieval index live."""

    database_url: str = field(default_factory=lambda: _env("PRIORAUTH_DATABASE_URL"))
    """A ``postgresql://`` URL to keep conversations in Postgres; empty means SQLite."""

    openai_api_key: str = field(default_factory=lambda: _env("OPENAI_API_KEY"), repr=False)
    """Enables LLM understanding. Never read from a file in the repository."""

    openai_base_url: str = field(default_factory=lambda: _env("OPENAI_BASE_URL"))
    """Any OpenAI-compatible server; empty means the client's default."""

    model: str = field(default_factory=lambda: _env("PRIORAUTH_MODEL", "gpt-4o-mini"))
    """Model used for fact extraction in LLM mode."""

    understanding: str = field(default_factory=lambda: _env("PRIORAUTH_UNDERSTANDING"))
    """``offline`` or ``llm``; empty picks ``llm`` when a key is set, else ``offline``."""

    llm_timeout: float = field(default_factory=lambda: _seconds("PRIORAUTH_LLM_TIMEOUT", 20.0))
    """Seconds before an LLM call is abandoned and the offline path answers alone."""

    @property
    def mode(self) -> str:
        """``llm`` only with a key (asked for, or by default); otherwise ``offline``."""
        if not self.openai_api_key:
            return "offline"
        return "offline" if self.understanding == "offline" else "llm"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "conversations.sqlite"

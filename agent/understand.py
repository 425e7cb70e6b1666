"""The offline reader's entry point, kept for the modules that import it from here.

The reader lives in :mod:`agent.reading`; its rules are data in
``policies/library/**/reading.yaml`` and ``agent/reading/context.yaml``.
"""

from __future__ import annotations

from agent.reading import (
    MAX_MESSAGE_CHARS,
    NO,
    UNSURE_ANSWER,
    YES,
    FactReading,
    Origin,
    Understanding,
    understand,
)
from agent.reading.rules import fact_specs


def all_fact_specs():  # noqa: ANN201 - kept for callers that want every policy's facts
    return fact_specs(None)


__all__ = ["MAX_MESSAGE_CHARS", "NO", "UNSURE_ANSWER", "YES", "FactReading", "Origin",
           "Understanding", "all_fact_specs", "understand"]

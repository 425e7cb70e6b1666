"""The intake agent: a LangGraph conversation over the policy checker.

Tracing to LangSmith is switched off before LangGraph is imported: conversations
carry patient details, which must never leave the machine through a tracer that a
stray environment variable turned on.
"""

import os

for _name in ("LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING"):
    os.environ[_name] = "false"

"""What the web app shows after a verdict: the packet download and the case's history.

Pure functions over the verdict, the facts and audit rows (no Chainlit), so they are
tested without a browser; ``priorauth/web.py`` attaches them to messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from agent.audit import AuditRow
from priorauth.web_view import BANNER


def packet_html(verdict: dict[str, Any], facts: dict[str, dict[str, Any]],
                reference: str = "") -> str:
    """The submission packet of the case as one printable HTML page."""
    from policies.library import load_policy
    from policies.model import Verdict
    from policies.packet import build_packet, render_html

    model = Verdict.model_validate(verdict)
    packet = build_packet(load_policy(model.cpt), model, facts, reference=reference or None)
    return render_html(packet)


def packet_name(stem: str) -> str:
    """``verdict-64493-…`` → ``packet-64493-….html``: the same case, the same stamp."""
    return ("packet-" + stem.removeprefix("verdict-")) + ".html"


def history_lines(rows: Iterable[AuditRow]) -> list[str]:
    """One line per recorded verdict of the case, oldest first."""
    lines = []
    for row in rows:
        words = BANNER.get(row.decision, (row.decision, ""))[0]
        lines.append(f"- {row.at[:16].replace('T', ' ')} UTC · {row.user} · {words} · "
                     f"policy {row.policy_version[:12]} as of {row.as_of}")
    return lines

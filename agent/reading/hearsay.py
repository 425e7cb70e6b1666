"""A relative's report the patient corrects: "Husband adds she "did the diet too" - pt
corrects him: "that was YOUR diet, not mine."" (fresh21 teach-back notes read a diet the
patient never did). The patient's word wins: the relative's report is not read, from the
relative to the correction, nor the correction where it gives the thing back to the
relative ("that was you", "not mine"). A relative's report no one corrects is read as
before. Words are data: ``corrected_relative`` in ``context.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from policies.cachedir import fixed_patterns

_PATIENT = r"(?:pt|patient|§+|she|he)"
_REACH = 200
"""How far after a relative's report its correction may come (its line or sentence)."""


@cache
@fixed_patterns
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = context_rules().corrected_relative
    report = re.compile(rf"\b(?:{alternation(w.get('relatives', ['-']))})\b[ \t,]*"
                        rf"(?:\([^)\n]{{0,30}}\)[ \t,]*)?(?:{alternation(w.get('verbs', ['-']))})"
                        r"(?![\w])")
    corrects = re.compile(
        rf"(?<![\w]){_PATIENT}[ \t]+(?:{alternation(w.get('corrects', ['-']))})\b|"
        rf"(?<![\w])(?P<speaker>(?:pt|patient|§+)[ \t]*:)[ \t]*[\"“']?[ \t]*(?:no|not|that|nope)\b|"
        rf"\bcorrected by (?:the )?{_PATIENT}\b")
    disowns = re.compile(rf"(?<![\w])(?:{alternation(w.get('disowns', ['-']))})(?![\w])")
    return report, corrects, disowns


_END = re.compile(r"[.!?][\"”']?(?=\s|$)|\n")


def corrected_reports(lower: str) -> list[tuple[int, int]]:
    """The relatives' reports the patient corrects, and corrections that give the thing
    back to the relative, as spans to blank."""
    if not context_rules().corrected_relative:
        return []
    report, corrects, disowns = _patterns()
    spans: list[tuple[int, int]] = []
    for m in report.finditer(lower):
        fix = corrects.search(lower, m.end(), min(len(lower), m.end() + _REACH))
        if fix is None or "\n\n" in lower[m.end():fix.start()]:
            continue
        # (the report ends where the patient's correction starts; a sentence of the
        # writer's own in between ends it first: "Wife says PT helped. Pt corrects her")
        spans.append((m.start(), fix.start()))
        if fix["speaker"]:
            # ("Pt: no, I stopped after 4 weeks": the patient speaking, no "PT: no" field)
            spans.append(fix.span("speaker"))
        end = _END.search(lower, fix.end())
        said = (fix.start(), end.end() if end else len(lower))
        if disowns.search(lower, *said):
            spans.append(said)
    return spans

"""A study report's header: the history given for the study dates to the study.

"MRI LUMBAR SPINE - DATE OF EXAM: 01/18/2028 - HISTORY: L5 radiculopathy, symptoms 14 wks",
"EXAM: XR L-SPINE  DATE OF SERVICE: 12-OCT-2027  CLINICAL HISTORY: low back pain x 5
months" (phrase31a read both lengths as now): the length in the history line is how long
the complaint had lasted when the study was done, not now. An order's indication ("ORDER
DATE 02/10/2028 - INDICATION: cough x 3 months") names no study done, and stays read."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from agent.reading.values import dates_in
from policies.cachedir import fixed_patterns


@cache
@fixed_patterns
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = context_rules().study_history
    performed = re.compile(rf"(?<![\w'])(?:{alternation(words.get('performed', []))})"
                           r"[ \t]*[:#-]?[ \t]*")
    history = re.compile(rf"(?<![\w'])(?:{alternation(words.get('history', []))})"
                         r"[ \t]*:")
    return performed, history


_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def study_history_day(lower: str, pos: int, as_of: date) -> date | None:
    """The day of the study whose header's history label ``pos`` follows on its line,
    the study's date of exam or service given before that label in the paragraph."""
    performed, history = _labels()
    line = lower.rfind("\n", 0, pos) + 1
    label = max(history.finditer(lower, line, pos), key=lambda x: x.start(), default=None)
    if label is None or ":" in lower[label.end():pos]:
        return None  # no history label on the line, or another field's label after it
    top = max((m.end() for m in _PARAGRAPH.finditer(lower, 0, label.start())), default=0)
    days = [d for m in performed.finditer(lower, top, label.start())
            for d, (a, _b) in dates_in(lower[m.end():m.end() + 24], as_of)[:1]
            if d is not None and a == 0]
    return days[-1] if days and days[-1] < as_of else None

"""Topic lists: things named as what was to be checked, not as what was found.

"Reviewed contraindications (pregnancy, active infection, bleeding disorder) with the
patient.", a payer's "Exclusion criteria: Active Infections; Pregnancy (if applicable);
Cosmetic Indications." pasted into a case, "DDx included cauda equina, epidural abscess,
pyelonephritis", "Red flags: fever, saddle anaesthesia, urinary retention": each item is a
heading of a check (outside tester 21 F8/F9; fresh25's ED note read an epidural abscess as
an active infection, a false exclusion). The item says nothing of the patient until the
text answers it, so a *yes* read from an item of such a list is asked; a denial of it
("... - none apply", "Infection: no") is still read, since the answer is the writer's.

Session 21 tried the same with the list made "uncertain", and lost right denials: the
context layer asks an uncertain mention before it looks at its denial. Here the list only
doubts a yes (``facts.Reader``), never a no.

An item that carries its own answer is no topic: "Red flags: fever 38.9" or
"Contraindications: she is 20 wks pregnant" (a statement of its own: a subject or a verb
before the mention in its item), "Contraindications - Active infection: yes (UTI)" (a
label's answer after it) and "Active infection present" are read as before.
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.text import Occurrences

_ITEM_SEP = re.compile(r"[,;(\n]|\bor\b|\band\b|\band/or\b|\be\.g\.|\bi\.e\.|\bsuch as\b"
                       r"|\bincluding\b|\bincluded\b|\bincludes\b|:|\s[-–—]\s|/")
"""What parts one item of a list from the next, or from the list's heading."""
_STATEMENT = re.compile(r"\b(?:pt|patient|§|she|he|they|is|was|has|had|are|were|"
                        r"currently|now|today|on|being|treated|taking)\b|\d+(?![.)][ \t])")
"""Words before the mention in its own item that make the item a statement
about the patient, not a name on a list: "she is 20 wks pregnant", "on Keflex for a UTI",
"19 weeks pregnant" (a list's own number, "1. ", "2) ", is none; "patients with ..." is
the policy's class of patients, no statement)."""
_ANSWER_AFTER = re.compile(
    r"[ \t]*(?:(?:[:=|]|\s[-–—]+|-(?=\s))[ \t]*(?:[a-z0-9+✓✔]|\[)|[ \t]*(?:\+|present|positive|"
    r"pos\b|confirmed|yes\b|y\b|active\b|\(\+\)|found|noted|identified|diagnosed|\d))")
"""An answer right after the mention: a label's separator and a value ("Active infection:
yes", "Infection - UTI on Keflex", "| Y"), a plus, "present", a figure."""
_TICKED_BEFORE = re.compile(r"(?:\[[ \t]*[x✓✔√*][ \t]*\]|\([ \t]*[x✓✔•*][ \t]*\)|[☒☑✓✔■●])"
                            r"[ \t]*$")
"""A ticked box right before the item: the form's answer."""
_FIELD_SEP = re.compile(r":|\s[-–—]+\s|\||=")
"""A label's separator on the mention's line before it: the mention is the label's answer
("- Severe comorbidities: severe COPD", "Comorbidities - HFrEF, EF 25%")."""
_HEAD_VERB = re.compile(r"[ \t]+(?:were[ \t]+|was[ \t]+)?(?:included|includes|include|including"
                        r"|reviewed|checked|screened|discussed|considered|explained|covered"
                        r"|gone over|went over|asked|assessed)\b")
"""A participle after the heading that still heads the list ("Red flags screened: ...")."""
_LINE_HEAD = re.compile(r"[ \t]*(?:[:\-–—/]|\((?:[^()\n]{0,40})\))?[ \t]*$")
"""Nothing but a colon, a dash or a bracket after a heading on its line: the list is on the
lines under it."""
_HEAD_END = re.compile(r"[ \t]*(?:(?:were[ \t]+|was[ \t]+)?(?:[a-z]+ed|done|gone over|went over"
                       r"|gone through|went through|run through)\b)?[ \t]*"
                       r"(?:(?:with|per|by|under|for|from)[ \t]+(?:the[ \t]+|this[ \t]+)?"
                       r"(?:patient|pt|plan|payer|policy|insurer|protocol|staff|nurse|rn|"
                       r"him|her|them|guidelines?)\b[ \t]*)?"
                       r"(?:/[ \t]*[a-z]+[ \t]*)?[:\-–—(]?")
"""A heading's own participle, whose or whom it is ("Pre-injection checklist reviewed
with patient: ...", "Exclusions per plan: ...": outside tester 27 F11 read both lists'
items as found) and its separator, right after it ("Exclusion criteria reviewed: ...",
"Contraindications / exclusions:")."""


@cache
def _words() -> tuple[str, ...]:
    from agent.reading.context import rules  # (context imports this module)
    return tuple(rules().topic_lists)


def topic_spans(lower: str, occ: Occurrences | None = None) -> list[tuple[int, int]]:
    """The spans a topic heading governs: the rest of its sentence, or of its line where
    a colon follows it ("Exclusion criteria: A; B; C"), or the lines under it down to a
    blank line where nothing but a colon follows it on its line."""
    occ = occ or Occurrences(lower)
    spans: list[tuple[int, int]] = []
    for _a, b in occ.hits(_words()):
        line_end = lower.find("\n", b)
        line_end = len(lower) if line_end < 0 else line_end
        rest = lower[b:line_end]
        verb = _HEAD_VERB.match(rest)  # "Red flags screened:", "Contraindications reviewed -"
        if _LINE_HEAD.match(rest, verb.end() if verb else 0):
            # (down to a blank line or the next heading of its own: "Plan:")
            under = re.search(r"\n[ \t]*\n|\n[ \t]*[a-z][^\n:]{0,40}:[ \t]*(?=\n)",
                              lower[line_end:])
            spans.append((b, line_end + under.start() if under else len(lower)))
            continue
        # (a wrapped line may be joined to the next in the reader's text: a full stop
        # ends the list too, "(p. 2)" early, which only leaves an item read as before)
        stop = re.search(r"[.!?](?=\s|$)", rest)
        end = b + stop.start() if stop else line_end
        opened = _HEAD_END.match(rest).group().rstrip()  # ("Exclusions per plan: A; B")
        if not opened.endswith((":", "(")) and not verb:
            end = min(end, b + (re.search(r"[;]|$", rest).start()))  # one sentence
        spans.append((b, end))
    return spans


def topic_item(lower: str, spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """The mention at [a, b) is an item of a topic list with no answer of its own."""
    for start, end in spans:
        if not start <= a < end:
            continue
        head = lower[start:a]
        seps = list(_ITEM_SEP.finditer(head))
        item = head[seps[-1].end():] if seps else head
        if _STATEMENT.search(item):
            return False
        line = max(start, lower.rfind("\n", 0, a) + 1)
        field = lower[line:a]
        if line == start:
            field = field[_HEAD_END.match(field).end():]  # the heading's own colon
        if _FIELD_SEP.search(field):
            return False  # "- Severe comorbidities: severe COPD": a field's answer
        if _TICKED_BEFORE.search(lower, max(0, a - 12), a):
            return False  # "Exclusions: [X] Active infection  [ ] None": ticked
        line_end = lower.find("\n", b)
        after = lower[b:line_end if line_end >= 0 else len(lower)]
        return not _ANSWER_AFTER.match(after)
    return False

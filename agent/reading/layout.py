"""A pasted text's lost layout restored before reading: a document pasted into a one-line
box keeps its rows' indentation as runs of spaces, and its rows are rows again. Every
rewrite keeps the text's length, so a reading's words are still the user's own."""

from __future__ import annotations

import re

_LABELLED = re.compile(r"[A-Za-z][A-Za-z /&-]{1,30}:\s")
_INDENT_RUN = re.compile(r"(?<=\S) (?=  +\S)")


def lines_restored(text: str) -> str:
    """A document pasted into a one-line box keeps its lines' indentation as runs of
    spaces ("PROBLEMS   Active | Chronic low back pain ...   Resolved | Pregnancy ... |
    delivered 2021-06-30 MEDICATIONS ..."): where a text has no line break and two such
    runs or more, each run's first space is a line break again, so a row of a record
    is read as one row (outside tester session 17 F9 read the resolved 2021 pregnancy
    as now, and the MRI row's date from the next row). Same length: offsets hold."""
    if "\n" in text or len(_INDENT_RUN.findall(text)) < 2:
        return text
    # (only before a row of cells, "Resolved | Pregnancy | ...": a table's spaced cells,
    # "Active infection   No   PCP note", are one row's and stay on it)
    runs = [m.start() for m in _INDENT_RUN.finditer(text)] + [len(text)]
    rows = sum("|" in text[a:b] and not text[a:b].lstrip().startswith("|")
               for a, b in zip(runs, runs[1:], strict=False)) >= 2
    chars = list(text)
    for at, nxt in zip(runs, runs[1:], strict=False):
        row = text[at:nxt].lstrip()
        # (a padded cell, "| no   |", is no row; a row after a header, "SOCIAL / OTHER
        # Pregnancy status: not pregnant", is one when the text's other runs are rows)
        if "|" in row and not row.startswith("|") or _LABELLED.match(row) and rows:
            chars[at] = "\n"
    return "".join(chars)

"""Cut a policy's source text into clauses with docs/contract.md §1 ids and exact spans.

The seed policies are loosely formatted Markdown-ish text: section headings in
``**bold**``, numbered items at column 0, bullets (``*``, ``-``, ``+``, ``•``)
indented under them. Segmentation is purely syntactic so that any policy written in
the same style segments the same way; nothing here knows about a particular policy.

Rules (documented in docs/clauses.md):

* A section starts at a bold heading line naming one of the six contract sections
  and ends at the next such heading or at the document's trailer (a paragraph that
  starts with ``Note:`` or ``By signing below``: boilerplate, not policy terms).
* In a section that has numbered items, each ``n.`` line starts item ``n``; text
  before the first one is preamble and gets no id.
* In a section with no numbered items, each top-level bullet or paragraph is an
  item, numbered 1, 2, ... in reading order.
* Every bullet inside item ``n``, at any depth, is ``n.m`` with ``m`` counted in
  reading order (so ``64493.coverage.1.2`` is the second bullet of item 1, as in
  the contract's example). ``parent`` keeps the nesting for display.
* Spans are Python string offsets into the file decoded as UTF-8 with no newline
  translation, so ``source[start:end] == text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTIONS: tuple[str, ...] = (
    "overview",
    "coverage",
    "necessity",
    "exclusion",
    "documentation",
    "authorization",
)

# Heading words → contract section. Checked in order against the upper-cased heading.
_HEADING_KEYS: tuple[tuple[str, str], ...] = (
    ("OVERVIEW", "overview"),
    ("COVERAGE CRITERIA", "coverage"),
    ("MEDICAL NECESSITY", "necessity"),
    ("EXCLUSION", "exclusion"),
    ("DOCUMENTATION REQUIREMENTS", "documentation"),
    ("AUTHORIZATION DETAILS", "authorization"),
)

_HEADING = re.compile(r"^\*\*(?P<title>[^*]+)\*\*\s*$")
_NUMBERED = re.compile(r"^(?P<num>\d+)\.\s+")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[*\-+•][ \t]+")
_TRAILER = re.compile(r"^(Note:|By signing below)")
_BOLD_TITLE = re.compile(r"^\*\*(?P<title>[^*]+?):?\*\*:?")


@dataclass(frozen=True)
class Clause:
    """One addressable piece of policy text."""

    id: str
    """Contract §1 id, e.g. ``64493.coverage.1.2``."""
    cpt: str
    section: str
    """One of :data:`SECTIONS`."""
    n: int
    m: int | None
    """Bullet position under item ``n`` (1-based, reading order), or None for the item."""
    title: str
    """The item's heading (bullets inherit their item's)."""
    start: int
    end: int
    text: str
    """Exactly ``source[start:end]``."""
    parent: str | None = None
    """Id of the enclosing item or bullet, for nested bullets."""


@dataclass
class _Line:
    start: int
    end: int  # excludes the newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(source: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in source.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _section_of(line: _Line) -> str | None:
    match = _HEADING.match(line.text.strip())
    if not match:
        return None
    title = match.group("title").upper()
    for key, section in _HEADING_KEYS:
        if key in title:
            return section
    return None


def _indent_width(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def _title_of(text: str) -> str:
    """The heading of an item: its bold lead-in, else the words before a colon."""
    bold = _BOLD_TITLE.match(text)
    if bold:
        return bold.group("title").strip().rstrip(":")
    head = text.split("\n", 1)[0]
    if ":" in head:
        return head.split(":", 1)[0].strip()
    return head.strip().rstrip(".")


def _trimmed_span(lines: list[_Line], first_offset: int) -> tuple[int, int]:
    """Span from ``first_offset`` to the end of the last non-blank line."""
    last = max((ln for ln in lines if not ln.blank), key=lambda ln: ln.end)
    end = last.start + len(last.text.rstrip())
    return first_offset, end


def _bullets(cpt: str, section: str, n: int, title: str, item_id: str,
             lines: list[_Line]) -> list[Clause]:
    clauses: list[Clause] = []
    stack: list[tuple[int, str]] = []  # (indent, clause id) of open bullets
    for line in lines:
        match = _BULLET.match(line.text)
        if not match:
            continue
        indent = _indent_width(match.group("indent"))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        m = len(clauses) + 1
        cid = f"{item_id}.{m}"
        start = line.start + match.end()
        end = line.start + len(line.text.rstrip())
        clauses.append(
            Clause(cid, cpt, section, n, m, title, start, end, line.text[match.end():].rstrip(),
                   parent=stack[-1][1] if stack else item_id)
        )
        stack.append((indent, cid))
    return clauses


def _numbered_items(cpt: str, section: str, source: str, lines: list[_Line]) -> list[Clause]:
    starts = [i for i, ln in enumerate(lines) if _NUMBERED.match(ln.text)]
    clauses: list[Clause] = []
    for k, i in enumerate(starts):
        block = lines[i: starts[k + 1] if k + 1 < len(starts) else len(lines)]
        head = block[0]
        n = int(_NUMBERED.match(head.text).group("num"))
        start, end = _trimmed_span(block, head.start + _NUMBERED.match(head.text).end())
        text = source[start:end]
        title = _title_of(text)
        item_id = f"{cpt}.{section}.{n}"
        clauses.append(Clause(item_id, cpt, section, n, None, title, start, end, text))
        clauses.extend(_bullets(cpt, section, n, title, item_id, block[1:]))
    return clauses


def _unnumbered_items(cpt: str, section: str, source: str, lines: list[_Line]) -> list[Clause]:
    """Top-level bullets and paragraphs, numbered in reading order."""
    groups: list[list[_Line]] = []
    base_indent: int | None = None
    for line in lines:
        if line.blank:
            if groups and not _BULLET.match(groups[-1][0].text):
                groups.append([])  # a blank line ends a paragraph
            continue
        bullet = _BULLET.match(line.text)
        indent = _indent_width(bullet.group("indent")) if bullet else 0
        if bullet and base_indent is None:
            base_indent = indent
        top_bullet = bullet is not None and indent <= (base_indent or 0)
        if top_bullet or not groups or not groups[-1] or (
            not bullet and _BULLET.match(groups[-1][0].text)
        ):
            groups.append([line])
        else:
            groups[-1].append(line)
    clauses: list[Clause] = []
    for group in (g for g in groups if g):
        n = len([c for c in clauses if c.m is None]) + 1
        head = group[0]
        bullet = _BULLET.match(head.text)
        lead = bullet.end() if bullet else len(head.text) - len(head.text.lstrip())
        offset = head.start + lead
        start, end = _trimmed_span(group, offset)
        text = source[start:end]
        title = _title_of(text)
        item_id = f"{cpt}.{section}.{n}"
        clauses.append(Clause(item_id, cpt, section, n, None, title, start, end, text))
        clauses.extend(_bullets(cpt, section, n, title, item_id, group[1:]))
    return clauses


def segment(cpt: str, source: str) -> list[Clause]:
    """All clauses of one policy, in reading order."""
    sections: list[tuple[str, list[_Line]]] = []
    for line in _lines(source):
        section = _section_of(line)
        if section is not None:
            sections.append((section, []))
        elif _TRAILER.match(line.text.strip()):
            break
        elif sections:
            sections[-1][1].append(line)
    clauses: list[Clause] = []
    for section, lines in sections:
        if not any(not ln.blank for ln in lines):
            continue
        if any(_NUMBERED.match(ln.text) for ln in lines):
            clauses.extend(_numbered_items(cpt, section, source, lines))
        else:
            clauses.extend(_unnumbered_items(cpt, section, source, lines))
    return clauses

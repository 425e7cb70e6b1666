"""A second reviewer's comments interleaved with the original text (an audit, a QA
review): "Conservative care: 10 wks.\\n[AUDIT RN2 12/05: logs show ... = 17 wks; corrected
to 17.]". The original item's figure the comment replaces is not read, and neither is an
item the comment opens by disputing ("Ortho consult: on file.\\n[AUDIT: NOT on file --
only the referral is in the chart]"); the comment's own words are read as any text is, so
its figure is read where it names its fact, and the fact is asked otherwise. The words are
data: ``audits`` in ``context.yaml`` (fresh18, session 15).
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from policies.cachedir import fixed_patterns


@cache
@fixed_patterns
def _head() -> re.Pattern[str]:
    """A line or a bracket opened by the reviewer's name, to the colon after it."""
    by = alternation(context_rules().audits.get("by", []))
    # (or a sentence, after the original's on its line: 'The chart summary states
    # "conservative care 16 weeks". Audit finding: ...', f15)
    return re.compile(rf"(?m)(?:^[ \t]*(?:>+[ \t]*)?|\[[ \t]*|(?<=[.;]) [ \t]*)(?:{by})\b"
                      rf"[^:\n\]]{{0,40}}:")


@cache
@fixed_patterns
def _said(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation(context_rules().audits.get(key, []))})(?!\w)")


_FIGURE = re.compile(r"(?<![\w./])(?P<n>\d+(?:\.\d+)?)[ \t]*(?P<form>wks?|weeks?|mos?|months?|"
                     r"sets?|days?|/[ \t]*10\b|k\b(?:/u?l)?)(?![a-z])")
"""A figure of a form a comment's other figure replaces: a length, a count of sets, a
score out of 10, a count in thousands ("WBC 18.2 K [PRECEPTOR: ... repeat 11/30 is 9.4
K]", fresh20) (a date is not: a comment names other days, "the appointment is 12/18")."""

_TEMPERATURE = re.compile(r"(?<![\w./])(?P<n>\d{2,3}(?:\.\d{1,2})?)[ \t]*(?:°|deg)?[ \t]*"
                          r"(?P<unit>c|f)(?![a-z])")
"""A temperature with its scale: a preceptor's "hers is 37.5 C, 99.5 F" replaces the
student's "T 100.8 F" (fresh20). Compared in Celsius, so one figure restated in the
other scale ("38.2 C = 100.8 F") replaces nothing."""


_BARE = re.compile(r"(?<![\w./:])(?P<n>(?:3[4-9]|4[0-2]|9[3-9]|10[0-9])\.\d)(?![\w/%.]|[ \t]*"
                   r"(?:%|k\b|mg|mm|kg|lb|cm|/))")
"""A figure with one decimal in a body temperature's range and no unit after it ("[PRECEPTOR:
37.1 on my recheck]"): read as a temperature in the scale its range says, and only where
the original it comments on gives a temperature with its scale."""


def _bare_temperatures(comment: str) -> set[float]:
    return {round((float(m["n"]) - 32) * 5 / 9, 1) if float(m["n"]) > 50 else float(m["n"])
            for m in _BARE.finditer(comment)}


def _celsius(m: re.Match[str]) -> float:
    n = float(m["n"])
    return round((n - 32) * 5 / 9 if m["unit"] == "f" else n, 1)


def _form(unit: str) -> str:
    unit = unit.replace(" ", "")
    return unit if unit.startswith("/") else unit[0] + ("o" if unit.startswith("mo") else "")


def _comment_end(lower: str, start: int, bracketed: bool, inline: bool) -> int:
    """A bracket's comment ends at its closing bracket; one opening a sentence after the
    original's on its line, at the paragraph's end; a line's, before the next line not
    indented under it."""
    if bracketed:
        close = lower.find("]", start)
        return close + 1 if close >= 0 else len(lower)
    if inline:
        gap = re.compile(r"\n[ \t]*\n").search(lower, start)
        return gap.start() if gap else len(lower)
    end = lower.find("\n", start)
    while end >= 0 and re.match(r"\n[ \t]+\S", lower[end:end + 80]) and \
            not _head().match(lower, end + 1):
        end = lower.find("\n", end + 1)
    return len(lower) if end < 0 else end


def _original(lower: str, head: int) -> tuple[int, int]:
    """The item the comment at ``head`` is about: its line's words before it, or the
    line before it (with the lines above that it continues, up to the item's first)."""
    line = lower.rfind("\n", 0, head) + 1
    if lower[line:head].strip(" \t>["):
        return line, head
    end = line - 1
    start = lower.rfind("\n", 0, max(0, end)) + 1
    while start > 0 and re.match(r"[ \t]+\S", lower[start:end]) and \
            not _head().match(lower, start):
        start = lower.rfind("\n", 0, start - 1) + 1
    return (start, max(start, end))


def _replaced(lower: str, original: tuple[int, int], comment: str) -> list[tuple[int, int]]:
    """The original's figures the comment gives another figure of their form."""
    said = {}
    for m in _FIGURE.finditer(comment):
        said.setdefault(_form(m["form"]), set()).add(float(m["n"]))
    out = []
    for m in _FIGURE.finditer(lower, *original):
        others = said.get(_form(m["form"]), set()) - {float(m["n"])}
        if others:
            out.append(m.span())
    temps = {_celsius(m) for m in _TEMPERATURE.finditer(comment)} | _bare_temperatures(comment)
    out += [m.span() for m in _TEMPERATURE.finditer(lower, *original)
            if any(abs(t - _celsius(m)) > 0.15 for t in temps)]
    return out


_DAY_WAS = re.compile(r"(?<![\w/])(?:the\s+)?(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/\d{2,4})?\s+"
                      r"(?:date\s+|study\s+|one\s+)?(?:was|is|were)\s+(?!(?:correct|right|"
                      r"accurate|fine|ok|okay|confirmed|verified)\b|the\s+(?:[a-z]+\s+){0,2}"
                      r"date\b|the\s+(?:correct|right|actual|true|real)\b)")
"""A day the comment names to say what it was ("[Preceptor: no - 10/14 was a CT of the
abdomen; the only lumbar MRI is 02/11/2026]", outside tester session 16 F7, read the
student's MRI 10/14): the original's date of that day is what the comment takes back; not
a day it gives as the right one ("10/02/2026 is the study date; 09/02 was the order")."""


_Q = r"['\"‘’“”]?"
_DAY_CHANGED = re.compile(
    rf"(?:\bfrom[ \t]+)?{_Q}(?<![\w/])(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?:/\d{{2,4}})?(?![\w/]){_Q}"
    r"[ \t]*(?:->|-->|=>|→|⇒|>|\bto\b|\bchanged[ \t]+to\b|\bnow\b)[ \t]*"
    rf"{_Q}(?P<nm>\d{{1,2}})/(?P<nd>\d{{1,2}})(?:/\d{{2,4}})?(?![\w/])")
"""A day an audit line rewrites, old to new ("amended: '07/14/2027' -> '08/14/2027'",
"date changed from 3/2 to 3/12"): the old day is no date of the thing (fresh34's audit log
read the first). In a comment only, where an arrow between two days is no span of days."""
_REWRITES = re.compile(r"\b(?:amended|amend|amendment|changed|change|corrected|correction|"
                       r"edited|edit|revised|updated|rekeyed|re-keyed)\b")


def _days_taken_back(lower: str, original: tuple[int, int], comment: str
                     ) -> list[tuple[int, int]]:
    """The original's dates whose day the comment says was something else, or rewrites
    to another."""
    out: list[tuple[int, int]] = []
    changed = [m for m in _DAY_CHANGED.finditer(comment)
               if _REWRITES.search(comment, 0, m.start()) and
               (int(m["m"]), int(m["d"])) != (int(m["nm"]), int(m["nd"]))]
    for m in [*_DAY_WAS.finditer(comment), *changed]:
        day = re.compile(rf"(?<![\d/])0?{m['m'].lstrip('0')}/0?{m['d'].lstrip('0')}"
                         r"(?:/\d{2,4})?(?!\d)")
        out += [d.span() for d in day.finditer(lower, *original)]
    return out


def _last_sentence(lower: str, original: tuple[int, int]) -> tuple[int, int]:
    """The sentence a comment on its line disputes: the one right before it ("34 y/o F,
    low back pain. Pregnancy: POSITIVE. AUDIT: line struck ..." strikes the pregnancy,
    not the back pain the line opened with; fresh34)."""
    ends = [m.end() for m in re.finditer(r"[.;!?][ \t]+(?=\S)", lower[original[0]:original[1]])
            if m.end() < original[1] - original[0]]
    return (original[0] + ends[-1], original[1]) if ends else original


def audited_away(lower: str) -> list[tuple[int, int]]:
    """The spans of ``lower`` a reviewer's comment takes back: the original's figures it
    replaces, or the whole original item it opens by disputing."""
    out: list[tuple[int, int]] = []
    for head in _head().finditer(lower):
        bracketed = "[" in head.group(0)
        original = _original(lower, head.start())
        inline = not bracketed and original[1] == head.start()
        comment = lower[head.end():_comment_end(lower, head.end(), bracketed, inline)]
        if original[1] <= original[0] or _head().match(lower, original[0]):
            continue  # (a comment on a comment is no original's)
        opening = comment.lstrip(" \t-–—")[:40]
        if _said("disputes").match(opening):
            out.append(_last_sentence(lower, original) if original[1] == head.start()
                       else original)
        elif not _said("agree").search(comment):
            out += _replaced(lower, original, comment) + \
                _days_taken_back(lower, original, comment)
    return out


@cache
@fixed_patterns
def _quote_replaced() -> re.Pattern[str]:
    """A quotation of a few words, then a word of its replacing or striking, "was" or a
    dash between ("'severe' removed"), or an arrow to another quotation ("'neck pain' ->
    'low back pain'", "'ESRD on HD' -> corrected to 'CKD stage 2'")."""
    how = alternation(context_rules().audits.get("replaced", []))
    arrow = alternation(context_rules().audits.get("arrows", []))
    return re.compile(r"(?P<q>['‘\"“])(?P<old>[a-z][^'‘’\"“”\n]{0,38}[a-z0-9)])['’\"”][ \t]*"
                      r"(?:[,:–—-][ \t]*)?(?:(?:was|were|has been|have been)[ \t]+)?"
                      rf"(?:(?:{how})(?![\w])|(?:{arrow})[ \t]*(?:(?:{how})[ \t]*)?['‘\"“])")


def words_replaced(lower: str) -> list[tuple[int, int]]:
    """Quoted words a log or a reviewer replaces or strikes, and the same words said before
    them in their paragraph (the original line the comment is about): no finding of
    theirs is read. Only whole words, and only before the comment: the words after it
    are the record as it stands."""
    out: list[tuple[int, int]] = []
    for m in _quote_replaced().finditer(lower):
        out.append(m.span("old"))
        gap = lower.rfind("\n\n", 0, m.start())
        said = re.compile(rf"(?<![\w]){re.escape(m['old'])}(?![\w])")
        out += [w.span() for w in said.finditer(lower, gap + 1, m.start())]
    return out

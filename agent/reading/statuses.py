"""A record's status beside a date: an order list, a calendar, an appointment history.

Records laid out as rows say whether a thing happened by a status word, not by a sentence:
"MRI L-SPINE  Ordered 10/20/2026  Completed 10/28/2026" (the order's day, then the
study's), "Status: Scheduled for 12/02/2026" (no study yet), a calendar's
"10/20/2026  MBB L4-5  Pham, T  Cancelled - pt ill" (no block that day). The words are data
(``record_status`` in ``context.yaml``): ``done`` dates the thing itself, ``not_done``
dates an order, a booking or a cancellation, ``unsure`` a note not yet signed.

Two places say a date's status: the status word right before it ("Completed
10/28/2026", "Status: In progress (unsigned) 11/25/2026"), or, in a row that opens with
the date, the first status word standing in a column of its own later on the row (after a
wide gap, a tab or a bar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from policies.cachedir import fixed_patterns

Bound = list[tuple[date | None, tuple[int, int]]]


@cache
def _kinds() -> dict[str, str]:
    return {w: kind for kind, words in context_rules().record_status.items() for w in words}


@cache
@fixed_patterns
def _before() -> re.Pattern[str]:
    """A status word ending right before a date: "Completed 10/28/2026", "Status:
    Scheduled for 12/02/2026", "In progress (unsigned) 11/25/2026", "cancelled on 11/2"."""
    words = alternation(_kinds())
    return re.compile(r"(?<![a-z])(?P<w>" + words + r")(?![a-z])"
                      r"(?:[ \t]*\((?P<aside>[^()\n]{0,30})\))?[ \t]*(?:[:=-][ \t]*)?"
                      # (a preposition of the other languages too: "solicitada o 02/05/2028",
                      # "programado para o 19/06/2028", "prévue le 12/03/2028")
                      r"(?:(?:on|for|dt|date|d/t|o|a|el|em|en|para|le|pour|il|per|am|für|de)"
                      r"[ \t]*[:=]?[ \t]*){0,2}\Z")


@cache
@fixed_patterns
def _cell() -> re.Pattern[str]:
    """A status word standing in a column of its own ("...  Pham, T     Cancelled - pt
    ill", "| No-show |"): after a wide gap, a tab or a bar, and before the row's end, a
    gap, a bar, a dash or a bracket."""
    words = alternation(_kinds())
    # (a bar of a row that opens with its date is a comma by the time a date is read,
    # ``text.pipes_as_fields``, with the cell's padding or a space before it: "06/20/28 |
    # Order | MRI L-spine repeat | Pending" dated the MRI by its order's row, fresh38)
    return re.compile(r"(?:[ \t]{2,}|\t|\|[ \t]*|[ \t]+,[ \t]*)(?P<w>" + words + r")"
                      r"(?=[ \t]*(?:$|\n|[ \t]{2}|\t|\||[-–—(,;:.]))")


_ROW_DATE = re.compile(r"[ \t]*(?:[-*•|][ \t]*)?\Z")


def status_of(lower: str, x: int, y: int, lo: int = 0) -> tuple[str, tuple[int, int]] | None:
    """The status of the date at ``x``-``y`` and the span its words and the date cover:
    the word right before it (not before ``lo``, the end of the thing named or of the
    date before), else, where the date opens its line, the row's status column."""
    line = lower.rfind("\n", 0, x) + 1
    start = max(line, lo, x - 45)
    found = _before().search(lower, start, x)
    if found is not None:
        word = found["w"]
        aside = found["aside"] or ""
        kind = _kinds()[word]
        # "In progress (unsigned)": the bracket says more of the same status; a bracket
        # naming another one ("Completed (unsigned)") leaves the study done but the note
        # open, which is the ``unsure`` of the two.
        if aside.strip() in _kinds() and _kinds()[aside.strip()] == "unsure":
            kind = "unsure"
        return kind, (found.start("w"), y)
    in_object = _object_status(lower, x, y)
    if in_object is not None:
        return in_object
    if _ROW_DATE.match(lower, line, x) is None:
        return None
    end = lower.find("\n", y)
    cell = _cell().search(lower, y, len(lower) if end < 0 else end)
    if cell is None:
        return None
    return _kinds()[cell["w"]], (cell.start("w"), cell.end("w"))


@cache
@fixed_patterns
def _status_key() -> re.Pattern[str]:
    """An export's status field and the status word its value opens ('"status":"draft -
    unsigned"', "status: signed")."""
    return re.compile(r'"?(?:status|note_status|doc_status|state)"?[ \t]*[:=][ \t]*"?[ \t]*'
                      r"(?P<w>" + alternation(_kinds()) + r")(?![a-z])")


def _object_status(lower: str, x: int, y: int) -> tuple[str, tuple[int, int]] | None:
    """The status field of the one export object (a JSON "{...}") the date at ``x``-``y``
    is a field of: '{"type":"H&P update","date":"2026-12-09","status":"draft - unsigned"}'
    dates a note not signed yet, wherever in the object its status stands (fresh22: an
    app's draft H&P update was read as the H&P on file)."""
    span = _enclosing_object(lower, x, y)
    if span is None:
        return None
    # (the object's own fields only: a nested object's status is its part's)
    own = _NESTED.sub(lambda m: " " * len(m.group()), lower[span[0] + 1:span[1]])
    found = _status_key().search(own)
    if found is None:
        return None
    at = span[0] + 1
    return _kinds()[found["w"]], (at + found.start("w"), at + found.end("w"))


_NESTED = re.compile(r"\{[^{}]*\}")
"""An object nested one level in another (a FHIR resource's '"code":{"text":"XR lumbar
spine"}')."""


def _enclosing_object(lower: str, x: int, y: int) -> tuple[int, int] | None:
    """The braces of the innermost export object around ``x``-``y``, past the objects
    nested in it before and after the date (a FHIR Procedure's '"code":{...}', then
    '"status":"not-done"', then its '"performedDateTime"': p29a read an X-ray of a
    patient who left before it)."""
    if lower.rfind("{", max(0, x - 600), x) < 0:
        return None  # (most dates are in no export: no walk over their text)
    depth, lo = 0, -1
    for i in range(x - 1, max(-1, x - 600), -1):
        depth += {"}": 1, "{": -1}.get(lower[i], 0)
        if depth < 0:
            lo = i
            break
    if lo < 0:
        return None
    depth = 0
    for i in range(y, min(len(lower), y + 600)):
        depth += {"{": 1, "}": -1}.get(lower[i], 0)
        if depth < 0:
            return lo, i
    return None


@dataclass
class Sorted:
    """The dates bound to a record, sorted by their status."""

    kept: Bound
    """The dates of the thing itself (done, or with no status)."""
    dropped: list[tuple[int, int]]
    """The spans of the statuses and dates that are an order's or a booking's."""
    unsure: bool
    """The latest date is a note's still open ("In progress (unsigned) 11/25/2026")."""
    opened: list[date]
    """The dates of notes still open: a later one makes an earlier signed one of another
    mention no settled latest (``selection._select_dates``)."""


def by_status(lower: str, bound: Bound, start: int) -> Sorted:
    """The dates of a record mentioned at ``start``, an order's, a booking's and an open
    note's set apart from the thing's own."""
    kept: Bound = []
    dropped: list[tuple[int, int]] = []
    open_dates: list[date] = []
    lo = start
    for value, (x, y) in sorted(bound, key=lambda b: b[1][0]):
        status = status_of(lower, x, y, lo if x >= lo else 0)
        lo = max(lo, y)
        if status is None or status[0] == "done":
            kept.append((value, (x, y)))
            continue
        dropped.append(status[1] if status[1][0] < x else (x, y))
        if status[0] == "unsure" and value is not None:
            open_dates.append(value)
    latest = max((d for d, _ in kept if d is not None), default=None)
    unsure = bool(open_dates) and (latest is None or max(open_dates) >= latest)
    return Sorted(kept, dropped, unsure, open_dates)


def without(lower: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """``lower[a:b]`` with ``spans`` blanked (same length)."""
    chars = list(lower[a:b])
    for x, y in spans:
        for i in range(max(x, a), min(y, b)):
            chars[i - a] = " "
    return "".join(chars)


_DATE = r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2})(?![\d/])"


@cache
@fixed_patterns
def _status_dates() -> re.Pattern[str]:
    """A status word and the date right after it ("Ordered 10/20/2026")."""
    words = alternation(_kinds())
    return re.compile(r"(?<![a-z])(?P<w>" + words + r")(?![a-z])(?:[ \t]*\([^()\n]{0,30}\))?"
                      r"[ \t]*(?:[:=-][ \t]*)?(?:(?:on|for|dt|date)[ \t]*[:=]?[ \t]*)?" + _DATE)


def settled_spans(lower: str) -> list[tuple[int, int]]:
    """The words of an order's or a booking's status and its date on a line that goes
    on to the done date of the same record ("Ordered 10/20/2026  Completed 10/28/2026"):
    "ordered" there dates the order, it does not make the record a plan (the date's own
    status sets it apart, ``by_status``)."""
    out: list[tuple[int, int]] = []
    at = 0
    for line in lower.split("\n"):
        found = list(_status_dates().finditer(line))
        done = [f.start() for f in found if _kinds()[f["w"]] == "done"]
        out += [(at + f.start(), at + f.end()) for f in found
                if _kinds()[f["w"]] != "done" and done and max(done) > f.start()]
        at += len(line) + 1
    return out


@cache
@fixed_patterns
def _status_label() -> re.Pattern[str]:
    """A "Status:" label inside a row, before a status word ("MRI L-SPINE  Ordered
    09/10/2026   Status: Completed 09/22/2026")."""
    return re.compile(r"(?<=[^\s])(?P<gap>[ \t]+)(?P<label>(?:order[ \t]+|appt[ \t]+)?status"
                      r"[ \t]*[:=])(?=[ \t]*(?:" + alternation(_kinds()) + r")(?![a-z]))")


def status_labels(lower: str) -> str:
    """``lower`` with a row's "Status:" label blanked (same length): the label opens no new
    field, so the row's record keeps the status and the date after it (fresh21: the study
    before "Status: Completed 09/22/2026" was given no date)."""
    return _status_label().sub(lambda m: m["gap"] + " " * len(m["label"]), lower)


@cache
@fixed_patterns
def _open_after() -> re.Pattern[str]:
    words = alternation(context_rules().record_status.get("unsure", []))
    return re.compile(r"[ \t]*(?:[-–—:(,][ \t]*)?(?:is[ \t]+|still[ \t]+|yet[ \t]+)?(?:" + words +
                      r")(?![a-z])")


def still_open(lower: str, at: int) -> bool:
    """The words right after a record's name say it is not yet signed ("note not signed
    yet", "consult note (unsigned)", "H&P - draft"): it is not on file yet (fresh21: a
    calendar's "Arrived  note not signed yet" read a specialist's consult on file)."""
    return _open_after().match(lower, at) is not None


@cache
@fixed_patterns
def _status_columns() -> re.Pattern[str]:
    """A row's status columns: gaps, "Status:", a status word and its date."""
    words = alternation(_kinds())
    status = (r"(?:status[ \t]*[:=][ \t]*)?(?:" + words + r")(?![a-z])(?:[ \t]*\([^()\n]{0,30}\))?"
              r"[ \t]*(?:[:=-][ \t]*)?(?:(?:on|for|dt|date)[ \t]*[:=]?[ \t]*)?" + _DATE)
    # (the name's own bracket may come first: "CRP (C-reactive protein)   Ordered ...")
    return re.compile(r"(?:[ \t]+|\([^()\n]{0,40}\)|\)|" + status + r")*")


def past_statuses(lower: str, at: int) -> int:
    """Where a row's result starts after its name and its status columns ("C-REACTIVE
    PROTEIN   Ordered 11/18   Status: Resulted 11/19   22.4 mg/L (H)"): the words that
    settle a test's name are looked for from there, not within the columns' first
    characters (fresh21: the raised CRP was left asked)."""
    end = _status_columns().match(lower, at).end()  # type: ignore[union-attr]
    said = [f["w"] for f in _status_dates().finditer(lower, at, end)]
    # (a test only ordered, cancelled or not yet signed has no result of its own to read)
    return end if said and _kinds()[said[-1]] == "done" else at


_NONE_OPTION = re.compile(r"(?:\[[ \t_]?\]|☐|\([ \t]\))[ \t]*(?:none of the above|none of these|"
                          r"none apply|none|n/?a|not applicable)(?![a-z])")
"""An unticked box whose label is "None" ("[X] Active infection  [ ] None of the above")."""


def none_options(lower: str) -> list[tuple[int, int]]:
    """The spans of unticked "None" options: a box group's option not chosen says nothing,
    never that the items beside it are absent (outside tester session 18 F5: "[X] Active
    infection  [ ] None of the above" read no infection)."""
    # (an option among others: a box before it on its line; "Severe comorbidity  [ ]  none"
    # is the item's own box and its answer)
    return [m.span() for m in _NONE_OPTION.finditer(lower)
            if _A_BOX.search(lower, lower.rfind("\n", 0, m.start()) + 1, m.start())]


_A_BOX = re.compile(r"\[[ \t_xX✓✔]?\]|[☐☑☒]|\([ \t xX]\)")

"""A PDF form's fields exported as "name: value" lines ("chkConsPT: On", "radCosmetic: No",
"dtMRI: 10/30/2026", "txtPainBaseline: 5"): the field's name is its label, written in
camel case after a prefix that says what kind of field it is. Read as written, no phrase
of the reader matches "chkconspt" (fresh21: a complete form read nothing from its boxes).

The name is spelt out in words in the room its prefix leaves (the text keeps its length, so
every reading still quotes the message's own characters): "txtPainBaseline: 5" is read
"pain baseline: 5", a checkbox on "[x] cons pt", off "[ ] cons lifestyle", a radio
button's "/Yes" its "yes". A box or a radio group with no value chosen ("radPregnant:
/Off") stays a label with no answer: what it is is asked.
"""

from __future__ import annotations

import re

_FIELD = re.compile(r"(?m)^(?P<lead>[ \t]*)(?P<prefix>chk|cbx|cb|rad|rdo|rb|opt|txt|tb|dt|num|fld|"
                    r"dd|ddl|sel|lst|cmb)(?P<name>[A-Z][A-Za-z0-9]*)(?P<sep>[ \t]*[:=][ \t]*)"
                    r"(?P<value>[^\n]*)")
"""One field of a form's export, its name after its kind's prefix."""

_BOX = ("chk", "cbx", "cb")
_RADIO = ("rad", "rdo", "rb", "opt")
_ON = re.compile(r"/?(?:on|yes|y|true|1|x|checked|selected)\b", re.I)
_OFF = re.compile(r"/?(?:off|no|n|false|0|unchecked)\b", re.I)
_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+")


def _words(name: str) -> str:
    return " ".join(p.lower() for p in _PART.findall(name))


def _box(m: re.Match[str]) -> str | None:
    """A checkbox's line as a ticked or an empty box before its label (the label ending
    where the name did, so a reading quotes the name's own letters, where there is room)."""
    value = m["value"]
    on, off = _ON.match(value), _OFF.match(value)
    if on is None and off is None:
        return None
    box = "[x] " if on is not None else "[ ] "
    words = _words(m["name"])
    end = len(m["lead"]) + len(m["prefix"]) + len(m["name"])
    head = m["lead"] + box
    if len(head) + len(words) <= end:
        return head + words.rjust(end - len(head)) + m.group(0)[end:].lower()
    width = len(m.group(0)) - len(value) + (on or off).end()  # type: ignore[union-attr]
    out = head + words
    if len(out) > width:
        return None
    return out + " " * (width - len(out)) + m.group(0)[width:].lower()


def _labelled(m: re.Match[str]) -> str | None:
    """A field's line as "label: value", the label ending where the name did; a radio
    button's "/Yes" as "yes"."""
    words = _words(m["name"])
    end = len(m["prefix"]) + len(m["name"])
    if len(words) > end:
        return None
    value = m["value"].lower()
    if m["prefix"] in _RADIO and value.startswith("/"):
        value = " " + value[1:]
    return m["lead"] + words.rjust(end) + m["sep"] + value


def form_fields(text: str, lower: str) -> str:
    """``lower`` with a PDF form export's fields spelt out (same length), where the text
    holds at least two of them (one "txtX: y" line is no export)."""
    found = list(_FIELD.finditer(text))
    if len(found) < 2 or len(text) != len(lower):
        return lower
    chars = list(lower)
    for m in found:
        out = (_box(m) if m["prefix"] in _BOX else None) or _labelled(m)
        if out is None or len(out) != len(m.group(0)):
            continue
        if lower[m.start():m.end()] != m.group(0).lower():
            continue  # blanked or rewritten since
        chars[m.start():m.end()] = out
    return "".join(chars)

"""A finding marked absent by a minus sign, as review-of-systems and urgent-care lists write
it: "Fever -  Infection -  DM +", "-infection, -DM", "+ LBP, - infection". Read word by
word, the minus said nothing and each finding was read present (outside tester 17, M17;
fresh20's +/- checklist: "skin infection -" read an active infection, a denial).

:func:`minus_spans` gives (trigger, scope) pairs that ``context.Context`` marks "negated":
the minus and the item it marks, up to the list's separator. A minus that joins (a range,
a hyphenated word, a date), a bullet at a line's start ("- pain 7/10") and a dash between
two parts of a sentence ("LBP - worse with standing") mark nothing.
"""

from __future__ import annotations

import re

# an item's separator: a comma, semicolon, pipe, tab, two spaces, a line's end, or the
# next item's own mark
_SEP = r"(?:[,;|\t\n]|[ ]{2,}|$|(?<=[ ])[+-](?=[ ]?[a-z]))"
_ITEM = r"[a-z][a-z0-9/&']*(?:[ ][a-z0-9/&']+){0,2}"
"""An item of such a list: up to three words (a finding's name, not a sentence)."""
_AFTER = re.compile(rf"(?:(?<=^)|(?<=[,;|\t(:])|(?<=[ ]{{2}})|(?<=[ ][+-][ ])|(?<=[+-][ ]))[ ]*"
                    rf"(?P<item>{_ITEM})[ ]?(?P<mark>-)(?=[ ]?{_SEP})")
"""The mark after its item: "fever -", "infection-," (a letter right before the minus,
the separator right after it)."""
_BEFORE = re.compile(rf"(?:(?<=[,;|\t(])|(?<=[ ]{{2}})|(?<=^)|(?<=\n)|(?<=[ ]))"
                     rf"(?P<mark>-)(?P<item>{_ITEM})(?={_SEP}|[.])")
"""The mark glued before its item: "-infection", "-dm" (no space: a bullet has one)."""
_SPACED = re.compile(rf"(?<=[,;|])[ ]*(?P<mark>-)[ ](?P<item>{_ITEM})(?={_SEP}|[.])")
"""The mark spaced before its item after a separator: "+ lbp, - infection"."""


_LEGEND = re.compile(r"[(\[]?[ \t]*\+[ \t]*(?:=[ \t]*)?(?:present|positive|yes)[ \t]*[,/;|]?[ \t]*"
                     r"(?:-|−|–)[ \t]*(?:=[ \t]*)?(?:absent|negative|no|not present)\b")
"""A list's legend that says what its marks mean: "(+ present / - absent)", "+ = yes, - = no"."""
_LEGEND_ITEM = re.compile(r"(?:(?<=\n)|(?<=^)|(?<=[ ]{2})|(?<=\t))[ \t]*(?P<mark>[-−–])[ ]"
                          r"(?P<item>[a-z][a-z0-9&']*(?:[ ]?/[ ]?[a-z0-9&']+|[ ][a-z0-9&']+){0,5})"
                          r"(?=[ ]{2}|\t|[ ]*\n|[ ]*$|[ ]+[-−–+][ ])")
"""Under such a legend, a minus at a line's start or after a column gap marks its item, a
bullet's place too ("  - wound / skin infection      - weight loss")."""


def _legend_items(lower: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(mark, item) of each item a minus marks absent under a legend that says so (fresh20's
    urgent-care checklist "(+ present / - absent)": "- wound / skin infection" read an active
    infection, a bullet being no mark elsewhere): from the legend to a blank line."""
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for legend in _LEGEND.finditer(lower):
        blank = re.search(r"\n[ \t]*\n", lower[legend.end():])
        end = legend.end() + blank.start() if blank else len(lower)
        for m in _LEGEND_ITEM.finditer(lower, legend.end(), end):
            found.append((m.span("mark"), m.span("item")))
    return found


def minus_spans(lower: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(mark, item) of each finding a minus marks absent, in a text that marks items so:
    two such marks or more, or one glued to its item ("-infection", "fever-"); and under a
    legend that says a minus is absent (``_legend_items``)."""
    found: list[tuple[tuple[int, int], tuple[int, int]]] = _legend_items(lower)
    if found:
        return found + [f for f in _minus_marks(lower) if not any(
            f[1][0] < b and a < f[1][1] for _m, (a, b) in found)]
    return _minus_marks(lower)


def _minus_marks(lower: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    glued = False
    for line in re.finditer(r"[^\n]+", lower):
        text, at = line.group(0), line.start()
        for pattern in (_AFTER, _BEFORE, _SPACED):
            for m in pattern.finditer(text):
                a, b = m.span("mark")
                glued = glued or (text[a - 1:a].isalpha() if a else False) or \
                    text[b:b + 1].isalpha()
                found.append(((at + a, at + b), (at + m.start("item"), at + m.end("item"))))
    # (a plus marks an item when glued to it or right before a separator: "dm +", "+lbp";
    # "restrictive + obstructive pattern" joins two words)
    plus = len(re.findall(r"(?<=[a-z])[ ]?\+(?=[ ]?(?:[,;|\t\n]|[ ]{2}|$))|(?<![\w+])\+(?=[a-z])"
                          r"|(?:^|(?<=[,;|\t\n]))[ ]*\+[ ](?=[a-z])", lower, re.M))
    return found if len(found) + plus >= 2 or glued else []


# ---------------------------------------------------------------- a mark after an item
# A checklist or a symbol-written note answers an item with a mark right after it:
# "Infection ✗. DM ✗, CAD ✗ - no severe comorbidity. Cosmetic ✗.", "Infection 0. Pregnant
# 0." (a flowsheet's 0/1). Word by word the mark said nothing and the bare label was read
# as the condition present: a false denial on two exclusions (outside tester 21 F1). The
# mark is the item's answer: a cross says absent; a lone "x" is a cross where the text
# ticks other items with a check mark (a tick/cross convention), else its meaning is not
# clear (a form's "X" may mark the item chosen): asked; a flowsheet's "0" is absent where
# two items or more are scored so, else asked. A check mark changes nothing (present).
_CROSSES = "✗✘❌✖✕⨯ø⊘∅"
# (the null sign is a symbol-writer's "none" too, typed as a slashed O: "Cosmetic ⊘.",
# "Infxn Ø."; phrase28b read the cosmetic purpose from the bare label)
_TICKS = "✓✔✅"
_MARK_SEP = r"(?=[ \t]*(?:[,;|\t\n)]|[.](?:\s|$)|[ ]{2}|$|[-–—][ ]))"
_MARKED = re.compile(rf"(?:(?<=^)|(?<=[,;|\t(:.\n])|(?<=[ ]{{2}})|(?<=[-–—][ ]))[ \t]*"
                     rf"(?P<item>{_ITEM})[ \t]*(?P<mark>(?::[ \t]*)?[{_CROSSES}]|(?<=[ \t])x"
                     rf"|(?<=[ \t])[01])(?![\w.,/-]\d)"
                     rf"{_MARK_SEP}", re.M)
"""An item and the mark right after it, then the list's separator: "infection ✗,",
"cosmetic ✗.", "pregnant x  ", "infection 0." ("LBP x 10 mo": a length, no mark)."""


def mark_spans(lower: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(category, mark, item) for each item a mark after it answers: "negated" for a
    cross (and an "x" or a "0" where the text uses them so), "uncertain" for a mark whose
    meaning the text leaves open."""
    # (a cross after a field's colon too, "Purpose cosmetic: ✗"; a lone "x" there is a
    # form's tick, read by the field)
    found = [(m["mark"][-1], m.span("mark"), m.span("item")) for m in _MARKED.finditer(lower)]
    ticked = any(t in lower for t in _TICKS)
    scored = sum(1 for mark, _, _ in found if mark in "01") >= 2
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    for mark, at, item in found:
        if mark in _CROSSES or (mark == "x" and ticked) or (mark == "0" and scored):
            spans.append(("negated", at, item))
        elif mark in "x0" or (mark == "1" and scored):
            spans.append(("uncertain", at, item))
    return spans


# ---------------------------------------------------------------- boxes after their labels
# A row of options each followed by its own box ("Infection [X]   None [ ]", "Screen:
# infection [ ]  pregnancy [ ]  cosmetic [x]"): read word by word, an unticked "None" denied
# the ticked infection and a box was taken for the label after it (outside tester 18 F5,
# session 21's carried item). Each box answers the label right before it.
_BOX = r"(?:\[[ \tx✓✔]?\]|[☐☑☒])"
_OPTION_AFTER = re.compile(rf"(?P<label>[a-z][\w/&'-]*(?:[ ][a-z][\w/&'-]*){{0,3}})"
                           rf"(?P<box>[ ]?{_BOX})")
_YES_NO = re.compile(r"(?:^|[ ])(?:yes|no|y|n|n/a|na|unknown|unk|u)$")
_NONE_LABEL = re.compile(r"(?:^|[ ])(?:none|none of the above|none of these|n/a|na|nil)$")


def boxes_after_labels(lower: str) -> str:
    """Each line of two or more options whose boxes follow their labels, and nothing
    after the last box but a remark in brackets, rewritten (same length) as the fields its
    boxes say: a ticked box is made the field's end, so its label reads as itself
    ("infection;"); an unticked one becomes the label's "no" ("pregnancy: n;"); an
    unticked "None" is blanked whole, a denial nobody made. Rows of yes/no options ("[ ] Y
    [x] N", "Yes [ ] No [X]") are left to the field rules."""
    out = list(lower)
    for line in re.finditer(r"[^\n]+", lower):
        text, at = line.group(0), line.start()
        boxes = list(re.finditer(_BOX, text))
        if len(boxes) < 2 or not text[:boxes[0].start()].strip() or \
                re.sub(r"\([^()]*\)", "", text[boxes[-1].end():]).strip(" \t.;,") or \
                not text[:boxes[0].start()].rstrip()[-1:].isalpha():
            continue
        options = [m for m in _OPTION_AFTER.finditer(text)]
        if len(options) != len(boxes) or any(_YES_NO.search(m["label"]) for m in options):
            continue
        for m in options:
            a, b = m.span("box")
            ticked = m["box"].strip() not in ("[ ]", "[]", "☐")
            # (each answer ends its field with a semicolon: the next label is no part of it)
            if ticked:
                out[at + a:at + b] = ";".ljust(b - a)
            elif _NONE_LABEL.search(m["label"]):
                out[at + m.start():at + b] = " " * (b - m.start())
            elif b - a >= 3:
                out[at + a:at + b] = (": n;" if b - a >= 4 else ":n;").ljust(b - a)
    return "".join(out)


_LABEL_ASIDE = re.compile(
    r"(?m)^(?P<label>[ \t]*[^\n():;\[\]]{2,60}?)[ \t]*(?P<aside>\([^()\n]{1,80}\))[ \t]*:"
    rf"(?=[ \t]*(?:(?:yes|no|y|n)[ \t]*{_BOX}|{_BOX}[ \t]*(?:yes|no|y|n)\b))")
"""A form row's label with a remark in brackets before its colon and yes/no boxes after
it ("Infection (e.g. sepsis, osteomyelitis):  Yes [ ] No [x]")."""


def label_asides(lower: str) -> str:
    """The remark in brackets between a yes/no row's label and its colon blanked (same
    length), so the ticked box answers the label: the policy's examples, a time window or
    "if applicable" ("Pregnant (or possibly pregnant): Yes ___ No _X_", "Postpartum
    (delivered within 12 mo): ...") hid the label from its boxes and the label alone read
    as a yes (outside tester 33 F4)."""
    if "(" not in lower:
        return lower

    def aside(m: re.Match[str]) -> str:
        words = m["aside"]
        # (a remark that narrows the label is part of it, only its brackets go: "Active
        # infection (requiring immediate care): No" denies the infection needing care,
        # not every infection)
        kept = " " + words[1:-1] + " " if _NARROWS.match(words[1:]) else " " * len(words)
        a, b = m.start("aside") - m.start(), m.end("aside") - m.start()
        return m.group(0)[:a] + kept + m.group(0)[b:]
    return _LABEL_ASIDE.sub(aside, lower)


_NARROWS = re.compile(r"[ \t]*(?:requir|need|that\b|which\b|who\b|with\b|without\b|"
                      r"current|under\b|treated|on\b|severe|active)")

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


def minus_spans(lower: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(mark, item) of each finding a minus marks absent, in a text that marks items so:
    two such marks or more, or one glued to its item ("-infection", "fever-")."""
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

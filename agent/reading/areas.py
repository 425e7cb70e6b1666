"""Studies of several body areas: "MRI C-spine 2026-10-01 (for neck), MRI L-spine
2025-12-01. Pain: low back." The policy asks for the most recent study of the affected
area, so the most recent study of any area would be a false fact where another area's is
newer. Where the dated studies of one fact name different areas, the one of the area the
complaint is in counts; where the message does not say which area that is, it is asked.
The areas are data (``body_areas`` in ``context.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from agent.reading.context import rules as context_rules
from agent.reading.text import hits

_COMPLAINT = re.compile(r"\b(?:pain|painful|ache|aches|aching|lbp|sciatica|radicul\w*|symptoms?|"
                        r"sx|tender\w*|hurts?|hurting|stiff\w*|injury|injured|strain|sprain|"
                        r"arthritis|oa|tear|complaint|c/o|dx|diagnosis|condition)\b")
"""Words that make an area named beside them the complaint's, not a study's."""


@cache
def _areas() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(words)) for name, words in context_rules().body_areas.items())


_SIDE = re.compile(r"\b(?P<side>right|rt|r|left|lt|l)\.?[ \t]+(?:[a-z]+[ \t]+)?$")


_LIMBS = {"knee", "shoulder", "hip", "ankle", "wrist", "elbow", "hand", "foot"}
LIMBS = frozenset(_LIMBS)
"""The areas of a limb (each with a side, and each a site of physical therapy)."""


def _named(words: str) -> set[str]:
    """The body areas ``words`` name, each with its side where one is said ("right knee",
    "L knee": the other knee is another area)."""
    out = set()
    for name, phrases in _areas():
        for a, _b in hits(words, phrases):
            side = _SIDE.search(words[max(0, a - 14):a]) if name in _LIMBS else None
            out.add(f"{'right' if side['side'].startswith('r') else 'left'} {name}"
                    if side else name)
    return out


def area_named(words: str) -> str | None:
    """The one body area ``words`` (lower case) name, or None (none, or several)."""
    named = _named(words)
    return named.pop() if len(named) == 1 else None


def complaint_areas(lower: str, spans: Sequence[tuple[int, int]],
                    studies: Sequence[tuple[int, int]]) -> set[str]:
    """The areas the complaint is said to be in: named in a clause (``spans``) with a
    word of pain or of a condition, outside the studies' own words (``studies``)."""
    found: set[str] = set()
    for a, b in spans:
        text = "".join(" " if any(x <= i < y for x, y in studies) else ch
                       for i, ch in enumerate(lower[a:b], a))
        if not _COMPLAINT.search(text):
            continue
        found |= _named(text)
    return found


def study_windows(lower: str, clauses: Sequence[tuple[int, int]],
                  spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each study's own words: its clause (``clauses``, one per span), cut at the
    studies before and after it in that clause ("MRI lumbar 2026-01-05 and MRI brain
    2026-11-01")."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    out = list(clauses)
    for before, after in zip(order, order[1:], strict=False):
        if clauses[before] == clauses[after]:
            cut = spans[before][1] + (spans[after][0] - spans[before][1]) // 2
            cut = max(spans[before][1], min(spans[after][0], _break(lower, spans[before][1],
                                                                    spans[after][0], cut)))
            out[before] = (out[before][0], cut)
            out[after] = (cut, out[after][1])
    return out


_THAT_WAS = re.compile(r"[ \t]*[-–—,;:(]*[ \t]*(?:that|this|it|which)[ \t]+(?:one[ \t]+)?"
                       r"(?:was|is)[ \t]+(?:of[ \t]+)?(?:the|her|his|their|a|an)?[ \t]*"
                       r"(?P<area>[a-z/-]+(?:[ \t]+[a-z/-]+)?)")


def _said_after(lower: str, end: int) -> str | None:
    """"MRI 2026-11-15 reviewed - that was the shoulder": the area said of a study right
    after its own words (outside tester session 10 F5)."""
    found = _THAT_WAS.match(lower, end)
    return area_named(found["area"]) if found else None


def _break(lower: str, a: int, b: int, default: int) -> int:
    """Where the words between two studies part ("... 2026-01-05 and MRI brain"): at a
    joining word or mark, else halfway."""
    found = re.search(r"\s(?:and|&|\+|then|plus)\s|[,;/]", lower[a:b])
    return a + found.start() if found else default


def of_area(lower: str, clauses: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]],
            ) -> list[int] | None:
    """Which of several dated studies (``spans``, each with its clause) are of the
    affected area: their indexes; [] when the message does not say which area that is;
    None when the studies do not name different areas (nothing to choose)."""
    windows = study_windows(lower, clauses, spans)
    areas = [area_named(lower[a:b]) or _said_after(lower, b) for a, b in windows]
    if len({a for a in areas if a}) < 2:
        return None
    sentences = _sentences(lower)
    named = {a for a in areas if a}
    complaint = {c for c in complaint_areas(lower, sentences, windows)
                 if any(_same(a, c) for a in named)}
    if len(complaint) != 1:
        return []
    (area,) = complaint
    keep = [i for i, a in enumerate(areas) if a == area] or \
        [i for i, a in enumerate(areas) if a and _same(a, area)]
    # "Knee pain" with films of the right and of the left knee: which is asked
    return keep if len({areas[i] for i in keep}) == 1 else []


def _same(a: str, b: str) -> bool:
    """Two areas that may be one: equal, or one of them without a side ("knee", "right
    knee")."""
    return a == b or (a.split()[-1] == b.split()[-1] and (" " not in a or " " not in b))


def _sentences(lower: str) -> list[tuple[int, int]]:
    """The message cut into sentences (at ". ", ";" and line ends)."""
    out, start = [], 0
    for m in re.finditer(r"\.(?:\s|$)|[;\n]", lower):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(lower)))
    return [(a, b) for a, b in out if b > a]


_WORDS_BEFORE = re.compile(r"(?:[\w#/&'-]+[ \t]+){1,3}\Z")
"""The words right before a mention on its line, with no mark between ("R ankle pain",
"4 bitewing X-rays"): what qualifies it."""
_SAID_AFTER = re.compile(r"[^()\n;,]{0,14}?(?:\((?P<bracket>[^()\n]{1,30})\)|"
                         r"\b(?:in|of)[ \t]+(?P<place>(?:[\w/-]+[ \t]*){1,4}))")
"""A bracket, or "in/of the ...", right after a mention and its figure ("Pain 3/10
(tooth)", "Pain 7/10 in the left knee", "X-rays of the right knee")."""


def elsewhere(lower: str, a: int, b: int, sites: Sequence[str]) -> str | None:
    """The body area a mention at [a, b) is qualified by, where every area so named is
    none of ``sites`` (the procedure's): "Pain 3/10 (tooth)" for physical therapy, "ankle
    pain 6/10" for a chest CT. None where no area is named or one of them is the
    procedure's ("Low back pain 7/10, radiating to the knee": "to" qualifies nothing)."""
    before = _WORDS_BEFORE.search(lower, max(0, a - 40), a)
    end = lower.find("\n", b)
    after = _SAID_AFTER.match(lower, b, len(lower) if end < 0 else end)
    words = " ".join([before.group(0) if before else "", lower[a:b],
                      (after["bracket"] or after["place"]) if after else ""])
    named = {n.split()[-1] for n in _named(words)}
    if not named or named & set(sites):
        return None
    return sorted(named)[0]


_OTHER_SIDE = re.compile(r"\b(?:the[ \t]+|her[ \t]+|his[ \t]+)?(?P<area>(?:other|opposite|"
                         r"contralateral)[ \t]+(?:\([ \t]*(?:left|right|l|r|lt|rt)\.?[ \t]*\)"
                         r"[ \t]+|(?:left|right)[ \t]+)?(?:side|knee|shoulder|hip|ankle|wrist|"
                         r"elbow|hand|foot|leg|arm|limb)s?)\b")
"""A limb or a side named as the other one ("both of the other (left) knee", "films of the
contralateral shoulder"): not the one the request is for."""


def other_side(lower: str, a: int, b: int) -> str | None:
    """The other limb or side a site-bound reading at [a, b) is said to be of, in its
    sentence (to a semicolon): "X-rays: 2 sets, both of the other (left) knee; none of the
    right knee" are no films of the knee the request is for (outside tester 20 F15)."""
    start = max(lower.rfind(x, 0, a) for x in (".", ";", "\n")) + 1
    ends = [e for e in (lower.find(x, b) for x in (". ", ";", "\n")) if e >= 0]
    found = _OTHER_SIDE.search(lower, start, min(ends + [len(lower)]))
    if found is None or _SOME_OF.search(lower, max(start, found.start() - 24), found.start()):
        return None  # ("x3 sets (amended: 2 sets - one was the other knee)": one of them)
    return " ".join(found["area"].split())


def both_sides(lower: str, a: int, b: int) -> str | None:
    """A limb named with each side in the sentence (to a semicolon) of a study's reading at
    [a, b): "Two sets of X-rays: 06/10/2026 (R knee) and 11/15/2026 (L knee)" are one film
    of each knee, no two sets of one, and the latest is of whichever knee it is (outside
    tester 31 F11 read 2 sets, a false meets). The limb, else None."""
    start = max(lower.rfind(x, 0, a) for x in (".", ";", "\n")) + 1
    ends = [e for e in (lower.find(x, b) for x in (". ", ";", "\n")) if e >= 0]
    named = _named(lower[start:min(ends + [len(lower)])])
    both = sorted(n.split()[1] for n in named if n.startswith("right ") and
                  "left " + n.split()[1] in named)
    return both[0] if both else None


_SOME_OF = re.compile(r"\b(?:one|1|some|a few|part|another|first|second|third|last)\b")
"""Words that give the other limb to some of the studies only ("one was the other knee")."""


_REQUESTED = re.compile(r"\b(?:(?:request|referral|order|prescription|rx)[ \t]+(?:is[ \t]+)?for|"
                        r"(?:requested|requesting|referred|ordered|prescribed)[ \t]+"
                        r"(?:(?:pt|physical therapy|therapy|physio|an?[ \t]+\w+)[ \t]+)?for|"
                        r"asks?[ \t]+about[ \t]+(?:pt|physical therapy|therapy|physio|an?"
                        r"[ \t]+\w+)[ \t]+for)\b")
"""Words that say what the request is for ("the request is for the right knee", "asks about
PT for her right knee", "Referred for PT for the left knee"): the area named after them is
the one to be treated."""


def _one_area(words: str) -> str | None:
    """The one area ``words`` name, a limb named with and without its side being one
    ("Knee X-rays ... both of the left knee": the left knee)."""
    named = _named(words)
    sided = {n for n in named if " " in n}
    named -= {n for n in named if " " not in n and any(s.endswith(" " + n) for s in sided)}
    return named.pop() if len(named) == 1 else None


def apart_from_request(lower: str, a: int, b: int) -> str | None:
    """The area a site-bound study's own sentence names (to a semicolon), where the other
    sentences name one other area as the one the request is for: "Knee X-rays
    08/01/2026 and 11/01/2026 - both of the left knee; the request is for the right knee",
    "Hand X-rays 06/2026 and 11/10/2026 ... asks about PT for her right knee" are no films
    of the area to be treated (outside tester 20 F15, fresh15)."""
    start = max(lower.rfind(x, 0, a) for x in (".", ";", "\n")) + 1
    ends = [e for e in (lower.find(x, b) for x in (". ", ";", "\n")) if e >= 0]
    end = min(ends + [len(lower)])
    mine = _one_area(_NOT_OF.sub(lambda m: " " * len(m.group(0)), lower[start:end]))
    if mine is None:
        return None
    others = [(s, e) for s, e in _sentences(lower) if not (s <= a < e)]
    theirs = {n for s, e in others
              for asked in [_REQUESTED.search(lower, s, e)] if asked is not None
              for n in [_one_area(lower[asked.end():e])] if n is not None}
    # (with no request's words, the area the other sentences give the complaint, or say
    # the study is "not" of: "Shoulder pain (right) since 05/2026. X-ray left knee
    # 11/30/2026: mild OA - a different complaint, not the shoulder" is no film of the
    # shoulder; outside tester 22 F5 read it, and a chat reached a false meets_criteria)
    theirs = theirs or _complaint_elsewhere(lower, others) | {
        n for s, e in [(start, end), *others] for m in _NOT_OF.finditer(lower, s, e)
        for n in [_one_area(m.group(1))] if n is not None}
    if len(theirs) != 1 or _same(mine, next(iter(theirs))):
        return None
    return mine


_NOT_OF = re.compile(r"\bnot[ \t]+(?:of[ \t]+)?(?:the|her|his|their)[ \t]+"
                     r"([a-z]+(?:[ \t]+[a-z]+)?)")
"""An area a text says a study is not of ("knee, not the shoulder")."""


def _complaint_elsewhere(lower: str, others: Sequence[tuple[int, int]]) -> set[str]:
    """The areas the other sentences name with a word of pain or of a condition."""
    found: set[str] = set()
    for s, e in others:
        if _COMPLAINT.search(lower, s, e):
            area = _one_area(lower[s:e])
            if area is not None:
                found.add(area)
    return found

"""Which condition a severity word is said of.

A severity word in a sentence of several conditions is said of one of them, not of the
list: "HFrEF EF 25%, cardiology calls it severe; CKD 3a" (the heart failure is severe),
"A1c 10.8 - considers DM severe ... HTN still fine" (the diabetes). Read over the whole
sentence, every condition in it became severe: a false severe comorbidity (fresh23,
fresh25). A severity word belongs to the condition it stands before as an adjective, else
to the one before it in its sentence; it covers them all only where it says so: said of the
list's own heading ("Severe comorbidities: COPD, CHF", "severe: ...") or with "both"/"all"
("COPD and CHF, both severe").

A severity denied in any words ("nothing I'd call severe", "I wouldn't call it severe",
"not addressed as severe", "never considered severe") says no condition is severe: it is
taken out before its condition is looked for.
"""

from __future__ import annotations

import re

from agent.reading.text import hits, prefixed

_SEVERITY_WORD = (r"(?:severe|sévère|severa|severo|grave|schwer(?:e|er|en)?|ernstig|ciężk[aie]|"
                  r"ciddi|ağır)")
"""A severity word in the languages staff paste from (the qualifiers of severe_comorbidities)."""
DENIED_SEVERITY = re.compile(
    # ("nobody has ever called it severe": phrase27b read a severe COPD)
    r"(?<![^\W\d_])(?:not|no|nothing|never|none|neither|nor|nobody|no one|no-one|"
    r"(?:is|was|are|were|do|does|did|would|"
    r"could|should|has|have|had|ca|wo)n'?t|"
    # (a denial in the writer's language: "sabi ng doktor niya hindi severe", "n'est pas
    # sévère", "nicht schwer", "não é grave", "tidak berat"; phrase29b read a severe diabetes)
    r"hindi|pas|nicht|kein|keine|niet|geen|nie|non|não|nao|tidak|bukan|değil|degil|ikke|inte|ej)"
    rf"(?![^\W\d_])[^,;.\n()]{{0,40}}?(?<![^\W\d_]){_SEVERITY_WORD}(?![^\W\d_])"
    r"|\bnon-?severe\b")
"""A severity word with a denial before it in its clause: no severity said."""
_WHOLE_LIST = re.compile(
    r"[ \t]*(?::|(?:medical[ \t]+|chronic[ \t]+|co-?morbid[ \t]+)?(?:co-?morbidit|"
    r"conditions?\b|illness|diseases\b|medical[ \t]+(?:problems|conditions|history)|"
    r"problems\b|pmh\b|systemic))")
"""Right after a severity word: it heads the list ("Severe comorbidities: ...")."""
_ATTRIBUTIVE = re.compile(r"[ \t-]+(?:[a-z0-9-]+[ \t]+){0,2}")
"""Between a severity word and the condition after it: at most two more words of the name,
no stop ("severe chronic kidney disease")."""
_ALL_BEFORE = re.compile(r"\b(?:both|all|each|all of them|all three|all are|both are)[ \t]+$")


def severity_owned(sentence: str, a: int, b: int, members: tuple[str, ...],
                   qualifiers: tuple[str, ...], ignore: re.Pattern[str] | None = None,
                   prefixes: tuple[str, ...] = ()) -> bool:
    """Whether a severity word of ``qualifiers`` in ``sentence`` (lower case) is said of
    the condition at [a, b) (offsets in ``sentence``): the condition it is said of
    (``_owner``), or every condition where it heads or closes the whole list. ``ignore``
    blanks more words that say no severity of a condition (a severe *episode*)."""
    said = DENIED_SEVERITY.sub(lambda m: " " * len(m.group(0)), sentence)
    if ignore is not None:
        said = ignore.sub(lambda m: " " * len(m.group(0)), said)
    # ("pre-dialysis" is no dialysis: ``prefixed_not``)
    found = [(x, y) for x, y in hits(said, qualifiers) if not prefixed(said, x, prefixes)]
    if not found:
        return False
    # (the mention itself, and no other reading of its own words: "t2dm" and "dm")
    named = [(x, y) for x, y in hits(sentence, members) if y <= a or x >= b] + [(a, b)]
    for x, y in found:
        if any(p <= x and y <= q for p, q in named):
            if a <= x and y <= b:
                return True  # "ESRD": the condition's own word
            continue
        if _WHOLE_LIST.match(said, y) or _ALL_BEFORE.search(said[max(0, x - 14):x]):
            return True
        if _owner(said, named, x, y) == (a, b):
            return True
    return False


def _owner(said: str, named: list[tuple[int, int]], x: int, y: int) -> tuple[int, int]:
    """The condition a severity word at [x, y) is said of: the one right after it where it
    stands before it as its adjective ("severe COPD", "poorly controlled type 2 diabetes"),
    else the one before it ("DM severe", "cardiomyopathy, which cardiology calls severe,
    and CKD"), else the first after it."""
    after = [s for s in named if s[0] >= y]
    before = [s for s in named if s[1] <= x]
    nxt = min(after) if after else None
    if nxt is not None and _ATTRIBUTIVE.fullmatch(said, y, nxt[0]):
        return nxt
    if before:
        return max(before)
    return nxt if nxt is not None else (-1, -1)

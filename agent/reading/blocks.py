"""A text about several patients, each in a block of its own: a board's or a conference's
case list ("Case 2 – M, 71: WBC 18.2, T 38.9 ... Case 3 (R.S.): WBC 10.1 K"), a handover of
several beds ("Bed 4: ... Bed 5: ..."), "Patient A / Patient B". fresh38 read another
case's white count, fever and pneumonia as the patient's.

Where the text says which block is its patient's (the block's own head calls it ours or
this request's, the text names it outside the blocks, "minutes, case 3 of 6", "the request
is for bed 5", or gives every other block away, "Case 2 (not ours)"), only that block is
read; the others are blanked. Where it does not, no block is read: every block is blanked,
and what the checker needs is asked (a miss costs one question; another patient's value
is a false fact). The words are data: ``patient_blocks`` in context.yaml.
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from policies.cachedir import fixed_patterns

_ID = r"(?P<id>\d{1,3}[a-z]?|[a-d])"


@cache
@fixed_patterns
def _head() -> re.Pattern[str]:
    heads = alternation(context_rules().patient_blocks["heads"])
    # a block's head opens its line (after a bullet or a mark) or a sentence, and its id is
    # followed by the head's own punctuation or "of" ("Case 3 of 5:"), not by a unit or a
    # slash ("bed 2x/day")
    return re.compile(
        rf"(?:^[ \t>*•#-]*(?:\*\*)?|(?<=[.;][ \t]))(?P<word>{heads})[ \t]*(?:#|no\.?|nr\.?)?"
        rf"[ \t]*{_ID}(?![\w/.%])(?=[ \t]*(?:[:)(,|\u2013\u2014-]|of\b|$))", re.M | re.I)


@cache
@fixed_patterns
def _marker(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation(context_rules().patient_blocks[key])})(?![\w])",
                      re.I)


@cache
@fixed_patterns
def _named(ids: str) -> re.Pattern[str]:
    heads = alternation(context_rules().patient_blocks["heads"])
    return re.compile(rf"(?<![\w])(?:{heads})[ \t]*(?:#|no\.?|nr\.?)?[ \t]*(?P<id>{ids})(?![\w/])",
                      re.I)


def _block_id(m: re.Match[str]) -> str:
    return m["id"].lower()


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _blocks(text: str) -> tuple[list[tuple[int, int, str]], str | None] | None:
    """The patient blocks of ``text`` (start, end, id), and the id of the patient's; None
    where the text has fewer than two blocks."""
    if len(text) < 20:
        return None
    heads = list(_head().finditer(text))
    ids = {_block_id(m) for m in heads}
    if len(ids) < 2:
        return None
    blocks = [(m.start(), heads[i + 1].start() if i + 1 < len(heads) else len(text), _block_id(m))
              for i, m in enumerate(heads)]
    return blocks, _ours(text, heads, blocks, ids)


def patient_blocks(text: str) -> list[tuple[int, int]]:
    """The blocks of ``text`` that are not its patient's (module docstring), to blank: all of
    them where the text does not say which is its patient's (``understand`` then reads
    nothing and asks which patient the request is for)."""
    found = _blocks(text)
    if found is None:
        return []
    blocks, keep = found
    return [(a, b) for a, b, block in blocks if block != keep]


def blocks_unclear(text: str) -> bool | None:
    """Whether ``text`` holds several patients' blocks with none said to be its patient's
    (True), with one so said (False), or holds no such blocks (None)."""
    found = _blocks(text)
    return None if found is None else found[1] is None


def _ours(text: str, heads: list[re.Match[str]], blocks: list[tuple[int, int, str]],
          ids: set[str]) -> str | None:
    """The id of the patient's block, if the text says which one it is."""
    ours, theirs = set(), set()
    for m, (_a, b, _i) in zip(heads, blocks, strict=True):
        # (the head's line, up to the next block: "Room 4 (Ms. Diaz): ... Room 5 - this
        # request - Mr. Olsen: ..." on one line)
        line = text[m.end():min(_line_end(text, m.end()), b)]
        if _marker("not_ours").search(line):
            theirs.add(_block_id(m))
        elif _marker("ours").search(line):
            ours.add(_block_id(m))
    # the text names one block outside all blocks ("minutes, case 3 of 6") or says the
    # request is for it anywhere ("the CT request is for case 3")
    named = _named("|".join(re.escape(i) for i in sorted(ids)))
    outside = text[:blocks[0][0]]
    ours |= {m["id"].lower() for m in named.finditer(outside)}
    for m in _marker("request_for").finditer(text):
        gap = re.compile(r"[ \t:]*").match(text, m.end())
        if (said := named.match(text, gap.end())) is not None:
            ours.add(said["id"].lower())
    if len(ours) == 1:
        return next(iter(ours))
    left = ids - theirs
    return next(iter(left)) if not ours and len(left) == 1 else None

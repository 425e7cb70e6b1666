"""Testimony: a deposition transcript or a digest of one, or any dialogue of questions
("Q.") and answers ("A."), where counsel asks and the witness (the patient) answers.

Only the witness states facts. Counsel's figure is no statement: a question with a figure
of its own is blanked to its question mark ("Q. So you did 14 weeks of physical therapy?
A. I don't remember." states no 14 weeks; "So three courses of therapy?" no count), nor is
an objection ("MR. HALE:  Objection, form."). Counsel reading an exhibit into the record
("MS. DUARTE: For the record, she had a urine test ..., it's Exhibit 4, negative") quotes
a document and is read. A question with no figure answered with a plain yes or no on the
next line is joined to it ("Q. Are you currently pregnant?\nA. No." reads "are you
currently pregnant?   no."), as a form's question and its answer on one line are. A
transcript's line numbers ("20   Q."), a digest's page:line citations ("15:1-24
Physical therapy ...") and exhibit numbers ("(Ex. 7 PT plan of care)", "Exhibit 4") are
references, no figures: blanked. (fresh21's deposition items read counsel's figures and
left the witness's "No." unjoined.)

Every rewrite keeps the text's length, so offsets still point into the user's words.
"""

from __future__ import annotations

import re

_TURN = re.compile(
    r"(?:(?<=\n)|^|(?<=[.!?\"'”)][ \t])|(?<=[.!?\"'”)][ \t]{2}))[ \t]*"
    r"(?P<who>q|a)(?:\.|:|\.:)(?=[ \t])", re.M)
"""A turn's marker: "Q." or "A." (or "Q:") opening a line (after its line number) or a
sentence ("... It did not help. Q. Any other therapy course? A. No, just the one.")."""

_REFERENCE = re.compile(
    r"^(?P<ref>[ \t]*(?:\d{1,3}:\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,3}(?::\d{1,2})?)?|\d{1,3}))"
    r"(?=[ \t]{2,}|\t|$)", re.M)
"""A transcript's line number or a digest's page:line citation at the start of a line, set
apart from the words by two spaces or more ("20   Q.  Ms. Avila ...", "5        think",
"12:4-19   Low back pain since ...")."""

_COLLOQUY = re.compile(
    r"^[ \t]*(?P<who>(?:by[ \t]+)?(?:mr|ms|mrs|miss|dr)\.?[ \t]+"
    r"[a-z'-]+|the[ \t]+(?:court|reporter|videographer)|court[ \t]+reporter)[ \t]*:[ \t]*"
    r"(?P<objects>(?:objection|object|move to strike|same objection|asked and answered|"
    r"calls for|instruct)\b)?", re.M)
"""A line of colloquy: counsel or the court speaking ("MR. HALE:  Objection, form.", "MS.
DUARTE:  For the record, ..."). The speaker's label is no field's; an objection says
nothing of the patient and is blanked whole; counsel reading an exhibit into the record
("For the record, she had a urine test ..., it's Exhibit 4, negative") quotes a document
and is read. The witness ("THE WITNESS:") speaks facts and is not one."""

_EXHIBIT = re.compile(r"(?<![\w-])(?:exhibit|exh\.?|ex\.)[ \t]*(?:no\.?[ \t]*)?#?"
                      r"(?P<n>\d{1,3}[a-z]?|[a-z](?![a-z]))")
"""An exhibit's number ("Exhibit 4", "Ex. 7", "Exh. 12B"): a reference, no figure."""

_TESTIMONY_WORDS = re.compile(r"\b(?:deposition|deponent|depo|transcript|testimony|testified|"
                              r"sworn|under oath|examination by|cross-examination)\b")

_PLAIN_ANSWER = re.compile(r"[ \t]*(?:yes|no|yeah|yep|nope|correct|incorrect|right|nah)\b")
"""An answer that opens with a plain yes or no: it answers the question right before it."""


def _turns(lower: str) -> list[re.Match[str]]:
    """The turn markers of a text that is a dialogue of questions and answers: at least
    one question followed by an answer; else none (a list's "a." item is no answer)."""
    turns = list(_TURN.finditer(lower))
    asked = [i for i, m in enumerate(turns) if m["who"] == "q"]
    if not asked or not any(m["who"] == "a" for m in turns[asked[0]:]):
        return []
    return turns


def _question_end(lower: str, start: int, stops: list[int]) -> int:
    """Where a question turn opening at ``start`` ends: at the next turn or colloquy, a
    blank line, or a line a citation opens (a digest's next entry)."""
    ends = [s for s in stops if s > start]
    blank_line = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*\d{1,3}:\d)").search(lower, start)
    if blank_line:
        ends.append(blank_line.start())
    return min(ends, default=len(lower))


_ASKERS_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"once|twice|single|first|second|third|couple|several|few|dozen)\b")
"""A figure in a question, in digits or words ("So three courses of therapy?"): the asker's
(a scale in brackets, "Rate your pain (0-10):", is the form's, not a figure)."""

_BRACKETED = re.compile(r"\([^()\n]*\)")


def _question(lower: str, m: re.Match[str], end: int, by_start: dict[int, re.Match[str]],
              chars: list[str]) -> None:
    """One question turn, from its marker ``m`` to ``end``: a question with a figure of its
    own is blanked to its question mark (the answer typed after it on a form's line,
    "Rate your pain today (0-10): 7", is kept); one with none answered by a plain yes or no
    on the next line is joined to it. A prompt with no question mark is left as written
    ("Q: Rate your pain today (0-10): 7")."""
    mark = lower.find("?", m.end(), end)
    if mark < 0:
        return
    if _ASKERS_FIGURE.search(_BRACKETED.sub("", lower[m.end():mark])):
        chars[m.end():mark + 1] = [c if c == "\n" else " " for c in lower[m.end():mark + 1]]
        return
    answer = by_start.get(end)
    if answer is None or answer["who"] != "a" or ":" in answer.group(0) or \
            lower[mark + 1:end].strip() or not _PLAIN_ANSWER.match(lower, answer.end()):
        return
    # (the answer joined to its question's line, "are you pregnant?   no.", as
    # "Q: Any infection? A: No" on one line is read; a colon for its question mark made
    # the question's words a label whose topic the answer no longer touched: "anything
    # cosmetic about this shot: no, it's for the pain" read cosmetic)
    chars[mark + 1:answer.end()] = [" "] * (answer.end() - mark - 1)


def _referenced(lower: str, bare: bool = True) -> str:
    """``lower`` with its page:line citations blanked, and its line numbers if ``bare``."""
    return _REFERENCE.sub(lambda m: " " * len(m["ref"]) if bare or ":" in m["ref"]
                          else m["ref"], lower)


def testimony(lower: str) -> str:
    """``lower`` with a transcript's questions, colloquy and references blanked, and each
    question answered plainly joined to its answer (same length)."""
    if not (re.search(r"\b[qa][.:]", lower) or _TESTIMONY_WORDS.search(lower)):
        return lower
    turns = _turns(_referenced(lower))
    if not (turns or _TESTIMONY_WORDS.search(lower)):
        return lower
    # (a bare line number is one only in a transcript; a digest's citation has its colon)
    lower = _referenced(lower, bare=bool(turns))
    chars = list(lower)

    def wipe(a: int, b: int) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _EXHIBIT.finditer(lower):
        wipe(*m.span())
    colloquy = list(_COLLOQUY.finditer(lower)) if turns else []
    stops = sorted([m.start() for m in turns] + [m.start("who") for m in colloquy])
    for m in colloquy:
        wipe(m.start("who"), _question_end(lower, m.end(), stops) if m["objects"] else m.end())
    by_start = {m.start(): m for m in turns}
    for m in turns:
        # (a turn's marker stays: "Q:" and "A:" are the speakers `text.answered_questions`
        # joins; only a plain answer under a "Q." is joined here)
        if m["who"] == "q":
            _question(lower, m, _question_end(lower, m.end(), stops), by_start, chars)
    return "".join(chars)

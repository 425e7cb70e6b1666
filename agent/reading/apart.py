"""A form's answers that stand apart from their labels, put back beside them before reading.

A label is a question, not a finding: "Cosmetic purpose" on a form says what the form asks,
and its answer may stand on the next line (a web page copied line by line: "Suspected
bacterial pneumonia\\nNo"), in a code its legend decodes ("Infection (1 = yes, 2 = no): 2")
or before it ("No - active infection."). Read where it is, the label alone was taken as the
condition present (outside tester session 22 F1, F2: a qualifying case denied). Each rewrite
keeps the text's length, so every reading still quotes the user's own words.
"""

from __future__ import annotations

import re

_ANSWER_WORD = (r"(?:yes|no|y|n|none|negative|neg|positive|pos|n/a|na|unknown|unk|"
                r"not applicable|absent|present|denied|denies)")
_ANSWER_LINE = re.compile(rf"[ \t]*{_ANSWER_WORD}(?=[ \t]*(?:$|[-–—(,;.:]))", re.I)
"""A line that opens with a form's answer, alone or with a remark after it ("No",
"No - postmenopausal", "Yes - 11/2024, IV antibiotics 7 days")."""
_LABEL_LINE = re.compile(r"[ \t>*•-]*(?P<label>[A-Za-z][^\n.;!:=|]{0,70}?)(?P<end>[ \t]*[?:]?)"
                         r"[ \t]*")
"""A line that is a label alone: a few words, no sentence's stop, at most a question mark or
a colon closing it ("Pregnant", "Suspected bacterial pneumonia", "Infection present?")."""
_NOT_A_LABEL = re.compile(rf"^{_ANSWER_WORD}$|(?<![A-Za-z])\d|\b(?:is|was|are|were|has|had|"
                          r"have|denies|reports|states|said|says|will|did)\b", re.I)
"""A label line's words that make it no label: an answer itself, a figure (a date, or the
asker's own figure: "did he do 12 wk PT\nYes - 14 wks" answers with another), or a verb
(a sentence: "Patient denies fever" is no question)."""


_ASKING = re.compile(r"(?:is|are|was|were|has|have|had|does|do|did)\s+", re.I)
"""A question's verb opening a label ("Is the patient pregnant")."""


_BLANK_LINE = re.compile(
    r"[ \t]*(?:[(\[<][ \t]*)?(?:no answer(?: given)?|not answered|unanswered|no response|"
    r"left blank|blank|skipped|not selected|none selected|nothing selected|no selection|"
    r"declined(?: to answer)?|prefer not to (?:say|answer)|not provided|not filled(?: in)?|"
    r"empty)(?:[ \t]*[)\]>])?[ \t.]*|[ \t]*(?:[-–—][ \t]?){1,3}|[ \t]*_{2,}[ \t]*|"
    r"[ \t]*\[[ \t]*\][ \t]*|[ \t]*\?{1,3}[ \t]*", re.I)
"""A line that says the field above it was left unanswered: words that say so, bracketed or
not ("(no answer)", "not answered", "[blank]", "skipped"), or a form's blank printed as it is
(a dash or two, an underscore rule, empty brackets, a question mark). Joined to its label,
the field reads as one with no answer and is asked (outside tester session 22: "Pregnant\n(no
answer)" read pregnant from the label alone)."""


_FIGURE_LINE = re.compile(r"[ \t]*\d{1,3}(?:\.\d)?[ \t]*")
"""A line that is a bare figure, the value of the label above it ("Symptom duration
(weeks)\n28"): read as "Symptom duration (weeks): 28", where the label gives its unit."""


_ANSWER_FIRST_LINE = re.compile(r"[ \t]*(?:no|yes)[ \t]+[-–—][ \t]+[a-z]", re.I)
"""A line that opens with an answer and then its label ("No - cosmetic.")."""


def _label_above(lines: list[str], i: int) -> re.Match[str] | None:
    """The label line right above line ``i`` (an answer line), or None."""
    if i == 0:
        return None
    above = lines[i - 1]
    m = _LABEL_LINE.fullmatch(above)
    if m is None or len(m["label"].split()) > 8 or _cells(above) is not None:
        # (a row of labels, "Pregnant\tInfection" over "\tNo", is a table's header: the
        # answer is one column's, never every label's; ``answers_under_labels``)
        return None
    label = m["label"].strip()
    # ("Is the patient pregnant\nNo": a question's verb opens it, and it asks, not states)
    asked = _ASKING.match(label)
    if _NOT_A_LABEL.search(label[asked.end() if asked else 0:]):
        return None
    return m


def answers_below(text: str, lower: str) -> str:
    """``lower`` with each label alone on its line joined to the answer on the next line
    ("Cosmetic purpose\\nNo" read "cosmetic purpose:no"): the break is the field's colon, or a
    space after the label's own colon or question mark. Found in ``text``; the break in
    ``lower`` may have been made a space (a lower-case answer read as a wrapped line)."""
    if "\n" not in text or len(text) != len(lower):
        return lower
    chars = list(lower)
    lines = text.split("\n")
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    for i, line in enumerate(lines):
        if _ANSWER_LINE.match(line) is None and _FIGURE_LINE.fullmatch(line) is None and \
                _BLANK_LINE.fullmatch(line) is None:
            continue
        label = _label_above(lines, i)
        if label is None or _ANSWER_FIRST_LINE.match(line) and i + 1 < len(lines) and \
                _ANSWER_FIRST_LINE.match(lines[i + 1]):
            continue  # "No - cosmetic.\nYes - symptomatic.": each answer before its label
        brk = starts[i] - 1
        # (a lower-case answer may have been joined to its label as a wrapped line's)
        if lower[brk] not in "\n " or not label["label"].strip():
            continue
        chars[brk] = " " if label["end"].strip() else ":"
        if i + 1 < len(lines) and lower[starts[i + 1] - 1] == " ":
            chars[starts[i + 1] - 1] = "\n"  # the answer ends its field, not a wrapped line
    return "".join(chars)


_RULE_ROW = re.compile(r"[ \t|:+-]*")


_SPLITS = (re.compile(r"\|"), re.compile(r"\t"), re.compile(r" {2,}"), re.compile(r",(?=\S)"))
"""How a row's cells are set apart: bars, tabs, wide gaps, or a CSV's commas (a comma that
touches its next cell; a list's comma is followed by a space)."""


def _cells(line: str, keep_empty: bool = False) -> list[tuple[int, int]] | None:
    """A table row's cells, each as its span in ``line`` (its words, no padding). With
    ``keep_empty``, a cell with no words is kept, as an empty span where it stands (a
    pipe row's outer bars open and close no cell), so a row's cells keep their columns:
    "\tNo" under "Pregnant\tInfection" is no answer, then "No"."""
    if "|" in line:
        split = _SPLITS[0]
    elif "\t" in line:
        split = _SPLITS[1]
    elif re.search(r"\S {2,}\S", line) or keep_empty and re.match(r" {2,}\S", line):
        split = _SPLITS[2]
    elif re.search(r",\S", line) and ", " not in line:
        split = _SPLITS[3]
    else:
        return None
    cuts = [0, *[x for m in split.finditer(line) for x in m.span()], len(line)]
    cells = []
    for n, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        words = line[a:b].strip()
        if words:
            at = line.index(words, a)
            cells.append((at, at + len(words)))
        elif keep_empty and not (split is _SPLITS[0] and n in (0, len(cuts) // 2 - 1)):
            cells.append((a, a))
    return cells if len(cells) >= 2 else None


def _answer_cell(cell: str) -> bool:
    return re.fullmatch(rf"{_ANSWER_WORD}\.?", cell, re.I) is not None


def _under(lines: list[str], i: int) -> int:
    """The row under row ``i``, past a rule row ("|---|---|")."""
    j = i + 1
    if j < len(lines) - 1 and "-" in lines[j] and _RULE_ROW.fullmatch(lines[j]):
        j += 1
    return j


def answers_under_labels(text: str, lower: str) -> str:
    """``lower`` with a table's labels blanked, and the answers under them, where the row
    right under a row of labels (a rule row between them aside) holds a yes/no answer under
    two of them or more ("| Active infection | Pregnant | Cosmetic |\n| No | No | No |", a
    CSV's header and its first row, "Date,Pregnant,Cosmetic\n11/30/2026,No,No"): each
    label alone reads as the condition present, and the answer under it is no part of its
    line, so neither is read and each is asked (outside tester session 22 F1: pregnant and
    cosmetic read from a header). The other cells are kept."""
    if "\n" not in text or len(text) != len(lower):
        return lower
    chars = list(lower)
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines[:-1]):
        labels = _cells(line)
        if labels is None or any(_answer_cell(line[a:b]) for a, b in labels):
            continue
        j = _under(lines, i)
        answers = _cells(lines[j]) if j < len(lines) else None
        if answers is None or len(answers) != len(labels):
            # (a row with cells left empty: each answer stays under its own label)
            # (every cell of it an answer or empty, a row's key aside: "N\t\tN",
            # "11/30/2026,,No"; a row of other words, "Cosmetic\tno\t\t" under a spreadsheet's
            # row, is a field and its answer, and a log's row of figures, "1-13\t2\tY\t", is
            # a row of a log)
            answers = _cells(lines[j], keep_empty=True) if j < len(lines) else None
            if answers is None or len(answers) != len(labels) or not all(
                    a == b or _answer_cell(lines[j][a:b]) or
                    n == 0 and not re.search(r"[A-Za-z]", lines[j][a:b])
                    for n, (a, b) in enumerate(answers)):
                continue
        columns = [(lab, ans) for lab, ans in zip(labels, answers, strict=True)
                   if (ans[0] == ans[1] or _answer_cell(lines[j][ans[0]:ans[1]])) and
                   re.search(r"[A-Za-z]{2}", line[lab[0]:lab[1]])]
        if len(columns) < 2 or all(a == b for _lab, (a, b) in columns):
            continue
        for (la, lb), (aa, ab) in columns:
            for at in [*range(starts[i] + la, starts[i] + lb), *range(starts[j] + aa,
                                                                       starts[j] + ab)]:
                chars[at] = " "
    return "".join(chars)


_ANSWER_FIRST = re.compile(
    r"(?:^|(?<=[.;!][ \t])|(?<=[.;!][ \t]{2}))[ \t]*(?P<answer>no|yes)"
    r"(?P<dash>[ \t]+[-–—][ \t]+)(?P<label>[a-z][a-z /&'-]{1,50}?)(?=[ \t]*(?:[.;!]|$))",
    re.M)
"""A form's answer written before its label, a dash between ("No - active infection."),
opening a line or a sentence (after a question it is the question's answer: "Cosmetic?
No - for hip pain")."""


def answers_before_labels(lower: str) -> str:
    """``lower`` with the dash between an answer and the label after it made a space ("no -
    active infection" read "no   active infection"): the answer opens its sentence and the
    label is a few words with no verb, so the "no" denies the label as "no active infection"
    does (outside tester session 22 F1: each label read as the condition present)."""
    def joined(m: re.Match[str]) -> str:
        if len(m["label"].split()) > 5 or _NOT_A_LABEL.search(m["label"]):
            return m.group(0)
        return m.group(0)[:m.start("dash") - m.start()] + " " * len(m["dash"]) + m["label"]
    return _ANSWER_FIRST.sub(joined, lower)


_CODED = re.compile(
    r"(?P<legend>\((?P<codes>[ \t]*\d[ \t]*[=:-][ \t]*[a-z]+(?:[ \t]*[,;/][ \t]*\d[ \t]*[=:-]"
    r"[ \t]*[a-z]+)+[ \t]*)\))(?P<sep>[ \t]*[:=]?[ \t]*)(?P<code>\d)(?![\d.,/]\d)(?!\w)")
"""A label's legend of coded answers and the code given ("Infection (1 = yes, 2 = no): 2",
"Cosmetic purpose (1=yes, 0=no): 0")."""
_YES_WORDS = {"yes": "yes", "y": "yes", "present": "yes", "positive": "yes", "true": "yes"}
_NO_WORDS = {"no": "no", "n": "no", "absent": "no", "negative": "no", "none": "no",
             "false": "no"}


def coded_answers(lower: str) -> str:
    """``lower`` with a coded answer decoded by its legend ("infection (1 = yes, 2 = no): 2"
    read "infection : no"): the answer, its word's "yes" or "no", is written where the
    legend began, and the rest blanked; a code the legend does not give as a yes or a no
    is blanked, so the label has no answer and is asked (outside tester session 22 F2: the
    label was read as the condition present, whatever the code)."""
    def decoded(m: re.Match[str]) -> str:
        codes = dict(re.findall(r"(\d)[ \t]*[=:-][ \t]*([a-z]+)", m["codes"]))
        word = codes.get(m["code"], "")
        answer = _YES_WORDS.get(word) or _NO_WORDS.get(word) or ""
        # (the answer beside its label, in the legend's room: "pregnant? (1=yes, 2=no): 2"
        # is "pregnant? no", a question answered)
        asked = lower[:m.start()].rstrip().endswith("?")
        return ((" " if asked else ": ") + answer).ljust(m.end() - m.start())
    return _CODED.sub(decoded, lower)


_PAST_WINDOW_YES = re.compile(
    r"(?P<q>[^.?!:\n]*\b(?:in|within|during|over)[ \t]+the[ \t]+(?:past|last|previous|prior)"
    r"[ \t]+(?:(?:\d{1,2}|one|two|three|six|twelve|few|several)[ \t]+)?"
    r"(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)\b[^.?!:\n]*?)[ \t]*[?:][ \t]*"
    r"(?:[-–—][ \t]*)?(?:yes|y)(?![\w/])")
"""A question of whether something was so at any time in a span up to now, answered yes
("Have you been pregnant in the past 12 months? Yes - delivered 08/2026")."""


def past_window_yes(lower: str) -> list[tuple[int, int]]:
    """The questions of ``_PAST_WINDOW_YES``, to be blanked: a yes says it was so at some
    time in the span, not that it is so now, so what the question names is asked (outside
    tester session 22 F9: read pregnant four months after a delivery). A no to such a
    question denies the span, now included, and is read."""
    return [m.span("q") for m in _PAST_WINDOW_YES.finditer(lower)]


_DENIED_LIST = re.compile(
    r"\b(?:none present|none found|none of (?:the following|these|them)|negative for|denies|"
    r"denied|absent|not present|none|no)[ \t]*:[ \t]*"
    r"(?P<items>[^.;:\n]{1,60}(?:;[ \t]*[^.;:\n]{1,60}){1,9})(?=[ \t]*(?:\.(?!\d)|\n|$))")
"""A denial heading a list whose items a semicolon sets apart ("none present: Active
Infections; Pregnancy (if applicable); Cosmetic Indications.")."""


def denied_lists(lower: str) -> str:
    """``lower`` with the semicolons of a list after a denial's colon read as its commas
    (same length): the denial covers every item, as it does in a list of commas, where a
    semicolon would end its scope after the first (outside tester session 21 F8: "none
    present: Active Infections; Pregnancy ...; Cosmetic Indications" read pregnant and
    cosmetic). Only items of a few words: a clause with a verb of its own is no item."""
    def listed(m: re.Match[str]) -> str:
        items = m["items"].split(";")
        if any(len(item.split()) > 5 or _NOT_A_LABEL.search(item.strip()) for item in items):
            return m.group(0)
        return m.group(0)[:m.start("items") - m.start()] + m["items"].replace(";", ",")
    return _DENIED_LIST.sub(listed, lower)


_INLINE_ANSWER = re.compile(r"(?<=[A-Za-z)])(?<!\bNo)(?<!\bYes)(?<!\bNO)(?<!\bYES)(?P<s1> )"
                            r"(?P<answer>No|Yes|NO|YES|None|NONE)(?P<s2> )(?=[A-Z][A-Za-z])"
                            r"(?!(?i:no|yes|none|n/a|y|n)\b)")
_INLINE_LABEL = re.compile(r"(?:^|(?<=[ \t]))[A-Z][A-Za-z/&()-]*(?:[ \t][A-Za-z/&()%-]+){0,5}$")
"""A form's fields run together on one line, as a chat box receives a pasted page ("Cosmetic
purpose No Attachments Chest history"): a label of a few words opening with a capital, its
capital answer, and the next field's label opening with a capital (not a run of answers,
"Cosmetic No No No", whose labels all stand before it)."""


def answers_inline(text: str, lower: str) -> str:
    """``lower`` with a capital yes/no between a label and the next field's capital label
    written as the field it ends ("cosmetic purpose:no;attachments chest history", same
    length): the answer is the label's before it, never a denial of the words after it
    (outside tester session 22 F1, in chat: "Cosmetic purpose No Attachments Chest
    history" read cosmetic and no chest history on file)."""
    if len(text) != len(lower):
        return lower
    chars = list(lower)
    for m in _INLINE_ANSWER.finditer(text):
        start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 60)
        label = _INLINE_LABEL.search(text, start, m.start())
        if label is None or _NOT_A_LABEL.search(label.group(0)) or \
                lower[m.start():m.end()] != text[m.start():m.end()].lower():
            continue
        chars[m.start("s1")] = ":"
        chars[m.start("s2")] = ";"
    return "".join(chars)

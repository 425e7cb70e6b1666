"""Text that says some of its own words are wrong or another patient's: a document's
correction or addendum, not a chat "sorry, 8 not 14" (``corrections.py`` has those).

A retraction cue ("in error", "typing error", "was wrong", "different patient") points at
a span, and that span is blanked like disowned text (``text.disowned``):

- a sentence that says its own words were recorded by mistake ("The claim was coded
  with Z41.1 (encounter for cosmetic surgery) in error by our coder");
- the sentence before one that opens by pointing back at it ("... listed the lumbar MRI
  as 11/07/2026; that was a typing error by our office");
- the earlier sentences naming what a sentence points back at ("The hCG line above
  referred to the patient in room 3 (different patient)");
- the passage after a line that gives it to another patient or to a mistake ("The
  hospital course below is from the discharge summary of the patient's twin brother ...;
  it was scanned into this chart in error." and the quotation after it), up to a blank
  line or a line about this patient.

A value the text gives as the correct one is read over the one it corrects
(``selection._said_correct``), and "Please use 05/12/2026 as the date of exam" takes back
the other date an earlier "Date of exam:" gave (:func:`relabelled`). The words are data:
``retractions`` in ``context.yaml`` (fresh16's false facts of this class, session 13).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules
from agent.reading.text import disowning
from policies.cachedir import fixed_patterns

_RELATIVE = (r"husband|wife|spouse|partner|mother|father|mom|dad|sister|brother|son|daughter|"
             r"grandmother|grandfather|aunt|uncle|cousin|friend|roommate|boyfriend|girlfriend")
_OTHER_PERSON = re.compile(
    r"\b(?:different|another|other|wrong|second|unrelated)\s+(?:patient|pt|member|person|"
    r"claimant|chart|mrn|record)s?\b|\bnot (?:this|our|my) (?:patient|member|claimant)\b"
    r"|\b(?:patient'?s|pt'?s|member'?s|his|her|their)\s+(?:twin\s+)?"
    rf"(?:{_RELATIVE})\b")
"""Words that give what they are said of to someone else ("(different patient)", "the
discharge summary of the patient's twin brother")."""

_OTHER_PATIENT = re.compile(
    r"\b(?:different|another|other|wrong)\s+(?:patient|pt|member|person|claimant|chart|mrn)s?"
    r"\b|\bnot (?:this|our|my) (?:patient|member|claimant)\b|\bmis-?filed\b")
"""Words that give what a sentence's subject names to another patient (not a relative:
"PT was done for his wife's knee" says nothing of the PT before it)."""

_SUBJECT = re.compile(
    r"^[\s\-–—*•\[(]*(?:[a-z][a-z .]{0,20}:\s*)?(?:the\s+)?"
    r"(?P<what>[a-z][a-z0-9&/-]*(?:\s+[a-z][a-z0-9&/-]*){0,2}?)\s+"
    r"(?:was|were|is|are|belongs?|belonged)\b")
_NOT_SUBJECT = re.compile(r"\b(?:patient|pt|member|she|he|they|we|i|it|this|that|these|"
                          r"those|there|which|who|her|his|our|my|§+)\b")


def _named_subject(said: str) -> re.Pattern[str] | None:
    """What the sentence's subject names ("Note from MA: intake form was filled out for
    the wrong patient" names "intake form"), as a pattern of its words."""
    match = _SUBJECT.match(said)
    if match is None:
        return None
    what = _patterns().things.sub("", match["what"].strip())
    if not what or _NOT_SUBJECT.search(what):
        return None
    return re.compile(rf"(?<![\w]){re.escape(what)}(?!\w)")


_DATED = re.compile(r"\b(?:dated|of|from|on)\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d])")


def _dated_thing(said: str) -> re.Pattern[str] | None:
    """The day a sentence names what it gives away by ("Labs dated 11/20 in this note
    belong to a different patient"), as a pattern of that month and day."""
    match = _DATED.search(said)
    return None if match is None else _month_day(match["m"], match["d"])


def _month_day(m: str, d: str) -> re.Pattern[str]:
    """A date of that month and day, with or without its year ("11/20", "11/20/2026")."""
    return re.compile(rf"(?<![\d/])0?{m.lstrip('0')}/0?{d.lstrip('0')}(?:/\d{{2,4}})?(?![\d])")


_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"


class _Patterns(NamedTuple):
    made_in_error: re.Pattern[str]
    wrong: re.Pattern[str]
    back: re.Pattern[str]
    pointed: re.Pattern[str]
    forward: re.Pattern[str]
    ours: re.Pattern[str]
    things: re.Pattern[str]
    correct: re.Pattern[str]


@cache
@fixed_patterns
def _patterns() -> _Patterns:
    w = context_rules().retractions
    made, in_error = alternation(w.made), alternation(w.in_error)
    above = alternation(w.above)
    word = r"[a-z0-9&/+-]+"
    return _Patterns(
        # "coded with Z41.1 (...) in error", "erroneously listed as cosmetic"
        made_in_error=re.compile(
            rf"(?<![\w'])(?:{made})\b(?:[^.;!?\n]|\.(?=\w)){{0,80}}?(?<![\w'])(?:{in_error})(?!\w)|"
            rf"(?<![\w'])(?:{in_error})\s+(?:{made})\b|(?<![\w'])(?:{alternation(w.misdone)})\b"),
        # ("not an error", "no error" call nothing wrong)
        wrong=re.compile(rf"(?<!\bnot )(?<!\bnot an )(?<!\bnot a )(?<!\bno )"
                         rf"(?<![\w'])(?:{alternation(w.wrong)})(?!\w)"),
        # "...; that was a typing error", "Addendum: this is incorrect"
        back=re.compile(
            r"^[\s\-–—*•\[(]*(?:(?:addendum|correction|corrected|note|nb|update|erratum|"
            r"amendment)\b[^:\n]{0,25}?[:\-–—]\s*)?"
            rf"(?:{alternation(w.back)})(?!\w)(?!\s+(?:patient|pt|member|claimant|person|§)\b)"),
        # "the hCG line above", "the above temp", "the WBC result above"
        pointed=re.compile(
            rf"\bthe\s+(?P<what>(?:{word}\s+){{0,2}}?{word})\s+(?:{above})\b|"
            rf"\bthe\s+(?:{above})\s+(?P<after>(?:{word}\s+){{0,2}}?{word})"
            r"(?=\s+(?:was|is|were|are|referred|refers|belongs?|for|from|of|in|on)\b)"),
        # ("below" as a pointer, "The hospital course below is ...", "labs below:", not
        # "no radiation below the knees")
        forward=re.compile(rf"(?<![\w'])(?:{alternation(w.forward)})(?!\w)"
                           r"(?<!below)|\bbelow(?=\s*(?:[:.,;)\]]|$|(?:is|are|was|were|"
                           r"belongs?|came|comes|from|for|by|scanned|filed|pasted)\b))"),
        ours=re.compile(rf"(?<![\w'])(?:{alternation(w.ours)})(?!\w)"),
        things=re.compile(rf"(?:\s+(?:{alternation(w.things)}))+$|^(?:{alternation(w.things)})$"),
        # the cue, then a few words and no figure up to the value ("the correct date of
        # the MRI L-spine is 10/07/2026", "Corrected: MRI date 08/28/2026")
        correct=re.compile(rf"(?<![\w'])(?:{alternation(w.correct)})(?!\w)[^\d\n]{{0,50}}$"),
    )


def _calls_wrong(text: str) -> bool:
    """The words call what they point at wrong, or someone else's."""
    p = _patterns()
    return bool(p.wrong.search(text) or _OTHER_PERSON.search(text) or disowning(text))


def retracted(lower: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans the text retracts (see the module's doc)."""
    p = _patterns()
    spans: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(sentences):
        said = lower[start:end]
        if p.made_in_error.search(said):
            spans.append((start, end))
        if not _calls_wrong(said):
            continue
        # (the pointing sentence itself may give the right value: "Correction: that one
        # was her lumbar MRI, wrong body part -- the shoulder MRI ... was 9/9/26")
        spans += _pointed_at(lower, sentences, i)
    for start, end in sentences:
        spans += _the_date_was(lower, start, end)
    return spans + _passages_below(lower, sentences) + relabelled(lower) + \
        _day_not_day(lower) + \
        _the_figure_was(lower) + _the_figure_is_anothers(lower) + tagged_lines(lower) + \
        files_given_away(lower)


_FILE = re.compile(r"(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:pdf|docx?|jpe?g|png|tiff?|txt|rtf|"
                   r"xlsx?|csv|heic|msg|eml|html?)(?![\w.])")
"""A file's name ("PT_dc_summary.pdf", "mri-report.2026.tif")."""


def files_given_away(lower: str) -> list[tuple[int, int]]:
    """A file its words call wrong or another patient's ("kmarsh removed attachment
    PT_dc_summary.pdf (wrong pt!! that's Okafor, RUTH - ours is Okafor, RITA)", a Trello
    card's activity, fresh21): what the text gives elsewhere as that file's words is the
    file's, not this patient's: from the name to the next file's name or its line's end,
    or to the end of a quotation that opens there ('attached PT_dc_summary.pdf - "14 wks
    PT: ..."' read 14 weeks of PT). A file's words are what follows its name up to the
    next file's name or the line's end, and what precedes it on its line back to the last
    one (the sentences cut a name at its dot, and short lines are joined)."""
    names = list(_FILE.finditer(lower))
    if not names:
        return []
    parts = [_file_words(lower, names, i) for i in range(len(names))]
    wrong = {m.group(0) for m, (before, after) in zip(names, parts, strict=True)
             if _calls_wrong(lower[before[0]:before[1]] + " " + lower[after[0]:after[1]])}
    spans: list[tuple[int, int]] = []
    for m, (before, after) in zip(names, parts, strict=True):
        if m.group(0) not in wrong or _calls_wrong(lower[before[0]:after[1]]):
            continue
        opened = re.compile(r"[^\"“\n]*[\"“]").match(lower, m.end())
        close = _QUOTE_CLOSE.search(lower, opened.end()) if opened else None
        spans.append((m.start(), max(after[1], close.end() if close else 0)))
    return spans


def _file_words(lower: str, names: list[re.Match[str]], i: int
                ) -> tuple[tuple[int, int], tuple[int, int]]:
    """The words before the i-th file's name on its line (back to the last name) and after
    it (to the next name or the line's end)."""
    m = names[i]
    line_start = lower.rfind("\n", 0, m.start()) + 1
    line_end = lower.find("\n", m.end())
    line_end = len(lower) if line_end < 0 else line_end
    start = max(line_start, names[i - 1].end() if i else 0)
    end = min(line_end, names[i + 1].start() if i + 1 < len(names) else line_end)
    return (start, m.start()), (m.end(), end)


def _pointed_at(lower: str, sentences: list[tuple[int, int]], i: int
                ) -> list[tuple[int, int]]:
    """The sentences the i-th one points back at: the earlier ones naming what it names
    ("the hCG line above"), or the one right before it in its paragraph ("...; that was a
    typing error")."""
    p = _patterns()
    start, end = sentences[i]
    said = lower[start:end]
    for match in p.pointed.finditer(said):
        what = p.things.sub("", (match["what"] or match["after"]).strip())
        if not what or what in ("one", "same"):
            continue
        named = _named_thing(what)
        return [(a, b) for a, b in sentences[:i] if named.search(lower, a, b)]
    if _OTHER_PATIENT.search(said):
        named = _named_subject(said) or _dated_thing(said)
        if named is not None:
            return [(a, b) for a, b in sentences[:i] if named.search(lower, a, b)]
    if i and p.back.match(said):
        before = sentences[i - 1]
        if "\n\n" not in lower[before[1]:start] and lower[before[0]:before[1]].strip():
            return [before]
    return []


def _named_thing(what: str) -> re.Pattern[str]:
    """The words that name what a pointer names: itself, or any name of its measure
    (``same_things``: "the temperature above" names "T 38.4 C"); a one-letter name only
    before its figure."""
    names = next((group for group in context_rules().retractions.same_things
                  if what in group), [what])
    alts = "|".join(rf"{re.escape(n)}(?=\s*:?\s*\d)" if len(n) == 1 else re.escape(n)
                    for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


_QUOTE_OPEN = re.compile(r"\s*[\"“]")
_QUOTE_CLOSE = re.compile(r"[\"”]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n|^[ \t]*(?:-{3,}|={3,}|\*{3,}|page\s+\d+)", re.M)


def _passages_below(lower: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that gives what follows it to another patient or to a mistake ("The
    hospital course below is from the discharge summary of the patient's twin brother,
    ...; it was scanned into this chart in error.", the next sentence on its line
    counting with it): the quotation right after its line, or the lines after it up to a
    blank line, a page mark or a line about this patient."""
    p = _patterns()
    spans = []
    for i, (start, end) in enumerate(sentences):
        if not p.forward.search(lower, start, end):
            continue
        line_end = lower.find("\n", start)
        line_end = len(lower) if line_end < 0 else line_end
        said = lower[start:max(end, sentences[i + 1][1] if i + 1 < len(sentences) and
                               sentences[i + 1][0] < line_end else end)]
        if not (p.made_in_error.search(said) or _OTHER_PERSON.search(said)):
            continue
        spans.append(_passage_after(lower, line_end))
    return spans


def _passage_after(lower: str, start: int) -> tuple[int, int]:
    """The quotation that opens right at ``start``, or the lines from there up to a blank
    line, a page mark or a line about this patient."""
    p = _patterns()
    opened = _QUOTE_OPEN.match(lower, start)
    if opened and (close := _QUOTE_CLOSE.search(lower, opened.end())):
        return (start, close.end())
    stop = _BLANK_LINE.search(lower, start + 1)
    end = stop.start() if stop else len(lower)
    ours = p.ours.search(lower, start, end)
    return (start, ours.start() if ours else end)


_LAST_FIGURE = re.compile(r"\d[\d/.,-]*(?!.*\d)", re.S)


def said_correct(lower: str, sentence_start: int, span: tuple[int, int]) -> bool:
    """The words before the value in ``span`` (its last figure), in its sentence, give it
    as the correct one: "The correct date of the MRI L-spine is 10/07/2026", "Packet
    corrected to 12 weeks", "should read 11/02/2026" (not "correct" beside another figure:
    "correct side, MRI 10/01" names no value)."""
    figure = _LAST_FIGURE.search(lower, span[0], span[1])
    if figure is None:
        return False
    at = figure.start()
    return bool(_patterns().correct.search(lower[max(sentence_start, at - 60):at]) or
                # "Auditor: use 5/10 as the baseline"
                (_USE.search(lower, max(sentence_start, at - 12), at) and
                 _AS_AFTER.match(lower, figure.end())))


_USE = re.compile(r"\buse\s+$")
_AS_AFTER = re.compile(r"\S*\s+as\b")


_USE_AS = re.compile(rf"\b(?:please\s+)?use\s+(?P<v>{_DATE})\s+as\s+(?:the\s+)?"
                     r"(?P<label>[a-z][a-z &/-]{2,30}?)\s*(?=[.;,)\n]|$)")
"""'Please use 05/12/2026 as the date of exam': the date a label should give."""


def relabelled(lower: str) -> list[tuple[int, int]]:
    """A date the text says to use for a label ("Date of exam: 06/02/2026 ... ADDENDUM:
    This report was dictated on 06/02/2026; the examination itself was performed on
    05/12/2026 ... Please use 05/12/2026 as the date of exam", fresh16): the other date
    that label gave before is taken back, wherever it is written."""
    spans: list[tuple[int, int]] = []
    for match in _USE_AS.finditer(lower):
        label = re.escape(match["label"].strip())
        given = re.compile(rf"\b{label}\s*[:=-]?\s*(?P<w>{_DATE})")
        for old in given.finditer(lower, 0, match.start()):
            if _same_date(old["w"], match["v"]):
                continue
            spans += [m.span() for m in re.finditer(rf"(?<![\d/.-]){re.escape(old['w'])}"
                                                    r"(?![\d/.-]\d)", lower)]
    return spans


def _same_date(a: str, b: str) -> bool:
    """The two dates as written are one ("5/12/2026", "05/12/2026")."""
    def parts(d: str) -> list[str]:
        return [p.lstrip("0") for p in re.split(r"[/.-]", d)]
    return parts(a) == parts(b)


_THE_FIGURE_WAS = re.compile(
    r"\b(?:correction|corrected|erratum|addendum|update)\s*[:\-–—]\s*the\s+"
    r"(?P<w>\d+(?:\.\d+)?)(?:\s*/\s*10)?\s+(?:was|is|were|came|comes|referred)\b")
"""'Baseline NRS 3/10 - correction: the 3 was after her first injection in 2024': a
figure a correction names as "the 3" is the one it takes back."""


def _the_figure_was(lower: str) -> list[tuple[int, int]]:
    """The earlier copies of a figure a correction names to take it back ("Baseline NRS
    3/10 - correction: the 3 was after her first injection in 2024; the true
    pre-treatment baseline this episode was 6/10", fresh5), in its paragraph."""
    spans: list[tuple[int, int]] = []
    for match in _THE_FIGURE_WAS.finditer(lower):
        top = lower.rfind("\n\n", 0, match.start()) + 1
        # (with its scale: a bare "/10" left would read as a score of 10)
        figure = re.compile(rf"(?<![\d.]){re.escape(match['w'])}(?:\s*/\s*10\b)?(?![\d]|\.\d)")
        spans += [m.span() for m in figure.finditer(lower, top, match.start())]
        spans.append(match.span("w"))  # ("the 3 was ...": no score of 3 either)
    return spans


_THE_FIGURE_IS_ANOTHERS = re.compile(
    r"\bthe\s+(?P<w>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?:\s*(?:%|/\s*10|k|c|f|°\s*[cf]))?\s+"
    r"(?:one\s+|figure\s+|value\s+|result\s+|reading\s+)?(?:was|is|were|are|belongs?\s+to|"
    r"came\s+from|is\s+from|was\s+from)\s+(?P<rest>[^.;\n]{0,60})")
"""'the WBC was 9,800 - the 16,800 was the lab's previous patient' (outside tester 17's
chat U: asked which WBC was current): a figure named "the N" and given to someone
else is taken back wherever the paragraph gave it before."""
_SOMEONE_ELSE = re.compile(r"\b(?:previous|prior|last|next|other|another|different|wrong)\s+"
                           r"(?:patient|pt|member|person|chart)|\bsomeone else|\bsomebody else|"
                           r"\bthe patient (?:before|after)\b|"
                           r"\bnot (?:hers|his|theirs|this patient)")


@cache
@fixed_patterns
def _anothers_own() -> re.Pattern[str]:
    """Another person named as the owner ("your roommate patient's", "the husband's",
    "the patient in bed 12", "Bed B's"): a relative, a person of either sex, or a bed."""
    people = [w for ws in context_rules().pronouns.values() for w in ws] + \
        list(context_rules().people_of_either_sex)
    return re.compile(rf"^(?:(?:the|your|his|her|their|my)\s+)?(?:{alternation(people)})"
                      r"(?:\s+(?:patient|pt))?['’]s\b|\b(?:patient|pt)\s+in\s+(?:bed|room)\s+\w|"
                      r"^(?:the\s+)?(?:bed|room)\s+\w{1,3}['’]s\b")


def _the_figure_is_anothers(lower: str) -> list[tuple[int, int]]:
    """The copies of a figure a sentence gives to someone else (``_THE_FIGURE_IS_ANOTHERS``)
    in its paragraph, up to and with that naming: another patient, or another person by
    name ("The 100.9 was your roommate patient's, Bed B", fresh32: read as the patient's)."""
    spans: list[tuple[int, int]] = []
    for match in _THE_FIGURE_IS_ANOTHERS.finditer(lower):
        if not (_SOMEONE_ELSE.search(match["rest"]) or _anothers_own().search(match["rest"])):
            continue
        top = lower.rfind("\n\n", 0, match.start()) + 1
        figure = re.compile(rf"(?<![\d.,]){re.escape(match['w'])}(?![\d]|[.,]\d)")
        spans += [m.span() for m in figure.finditer(lower, top, match.start())]
        spans.append(match.span("w"))
    return spans


_CORRECTION = re.compile(r"\b(?:correct|corrected|correction|amended|amendment|erratum|"
                         r"addendum)\b")
_THE_DATE_WAS = re.compile(r"\bthe\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/\d{2,4})?\s+"
                           r"(?:date\s+)?(?:was|is)\b")


def _the_date_was(lower: str, start: int, end: int) -> list[tuple[int, int]]:
    """A date a correction's sentence names to say what it was ("MRI L-spine 11/02/2026.
    Amended report: exam date corrected to 10/02/2026 (the 11/02 date was the read
    date)"): its copies up to there are taken back."""
    if not _CORRECTION.search(lower, start, end):
        return []
    spans: list[tuple[int, int]] = []
    for match in _THE_DATE_WAS.finditer(lower, start, end):
        day = _month_day(match["m"], match["d"])
        spans += [m.span() for m in day.finditer(lower, 0, match.end())]
    return spans


_DAY_NOT_DAY = re.compile(r"(?<![\d/])(?P<xm>\d{1,2})/(?P<xd>\d{1,2})(?:/\d{2,4})?[ \t]*,?[ \t]*"
                          r"(?:and[ \t]+)?not[ \t]+(?:on[ \t]+)?(?:the[ \t]+)?"
                          r"(?P<ym>\d{1,2})/(?P<yd>\d{1,2})(?:/\d{2,4})?(?![\d/])")
"""'it was 12/03 not 12/02': a day given with the day it replaces."""


def _day_not_day(lower: str) -> list[tuple[int, int]]:
    """The earlier copies of a day a later sentence takes back by giving another in its
    place ("MRI 2026-12-02 ... (typo in MRI row - it was 12/03 not 12/02)"), written with or
    without its year, or year first: no study happened on the day taken back."""
    spans: list[tuple[int, int]] = []
    for match in _DAY_NOT_DAY.finditer(lower):
        if (match["xm"], match["xd"]) == (match["ym"], match["yd"]):
            continue
        m, d = match["ym"].lstrip("0"), match["yd"].lstrip("0")
        iso = re.compile(rf"(?<![\d/.-])\d{{4}}-0?{m}-0?{d}(?![\d])")
        for day in (_month_day(match["ym"], match["yd"]), iso):
            spans += [x.span() for x in day.finditer(lower, 0, match.start())]
    return spans


_TAG = (r"(?P<tag>\[[^\]\n]{1,40}\]|\([^)\n]{1,20}\)|<[^>\n]{1,30}>|\{[^}\n]{1,30}\}|"
        r"\"[^\"\n]{1,30}\"|'[^'\n]{1,30}'|“[^”\n]{1,30}”|[^\s\w]{2,4}|[a-z0-9#*@+-]{1,8}:)")
"""The tag a text defines: bracketed, quoted, a run of marks ("**") or a short label
with its colon ("b:")."""


@cache
@fixed_patterns
def _tag_defined() -> re.Pattern[str]:
    w = context_rules().retractions
    return re.compile(
        rf"(?<![\w'])(?:{alternation(w.tag_heads)})\s+(?:{alternation(w.tag_verbs)})\s+"
        rf"(?:with\s+|by\s+|as\s+)?{_TAG}\s*(?:\([^)\n]{{0,40}}\)\s*)?"
        rf"(?P<rest>(?:{alternation(w.tag_belong)})(?!\w)[^.;!?\n]{{0,120}})")


_OWNER = re.compile(r"\bmrn\b|\bmember\s+(?:id|#)|\b(?:moved|relinked|re-linked|"
                    r"transferred|removed)\b")
"""Words after a tag's definition that give its lines to a person other than this one
("belong to MRN 0049921 (Harold Reese) and will be moved")."""


def tagged_lines(lower: str) -> list[tuple[int, int]]:
    """A text that defines a tag for another patient's lines ("Lines marked [PT B] belong
    to MRN 0049921 (Harold Reese) and will be moved", a merged chart's HIM notice,
    fresh19): every place the tag marks is that patient's, never read. A tag that opens
    its line marks the line; one inside a line marks the rest of its sentence ("PMH:
    none. [OTHER PT - MRN 0049921] ESRD on HD, severe. Purpose: pain relief")."""
    spans: list[tuple[int, int]] = []
    for match in _tag_defined().finditer(lower):
        rest = match["rest"]
        if _patterns().ours.search(rest) or not (
                _OTHER_PERSON.search(rest) or _OWNER.search(rest)):
            continue
        # (a quoted tag is written bare where it marks: 'lines with "B:"', "B: pain 2/10")
        tag = match["tag"].strip().strip("\"'“”")
        for other in re.finditer(re.escape(tag), lower):
            if match.start("tag") <= other.start() < match.end("tag"):
                continue
            spans.append((other.start(), _marked_end(lower, other.start(), other.end())))
    return spans


@cache
@fixed_patterns
def _sample_line() -> re.Pattern[str]:
    """A line a template's sample opens or a note to its user marks (``samples``)."""
    w = context_rules().retractions
    samples, kinds = alternation(w.samples), alternation(w.sample_kinds)
    bracketed = (rf"(?:\[|\(|<<?|\{{|\*\*)[ \t]*(?:template[ \t]+)?(?:{samples})(?![\w-])"
                 r"[^\n\]>)}]{0,60}(?:\]|\)|>>?|\}|\*\*)")
    labelled = rf"(?:(?:{samples})(?:[ \t]+(?:{kinds}))+|example|e\.g\.)[ \t]*[:—–-]"
    return re.compile(rf"(?m)^[ \t>*•-]*(?:{bracketed}|{labelled})[^\n]*"
                      rf"|^[^\n]*(?<![\w-])(?:{alternation(w.sample_notes)})(?![\w-])[^\n]*")


def sample_lines(lower: str) -> list[tuple[int, int]]:
    """Lines of a template's sample left in a pasted text ("[SAMPLE - delete before
    sending] John Doe, 45M, NRS 8/10, neck pain x 1 yr.", "Example: Jane Doe, 52F, PT x 12
    weeks"; phrase35b read the sample patient's score and age): no one's, blanked. The
    line after it ("Actual patient: ...") is read."""
    w = context_rules().retractions
    if not _any_of(lower, (*w.samples, *w.sample_notes, "e.g.")):
        return []
    return [m.span() for m in _sample_line().finditer(lower)]


@cache
@fixed_patterns
def _other_case_line() -> re.Pattern[str]:
    """A line headed by another case of the desk (``other_case_leads``, ``other_case_heads``,
    ``other_case_requests``): ``label`` holds the words up to the label's colon or dash."""
    w = context_rules().retractions
    return re.compile(
        rf"(?m)^[ \t>*•-]*(?P<label>(?:the[ \t]+)?(?:{alternation(w.other_case_leads)})[ \t]+"
        rf"(?:[\w&/.()-]+[ \t]+){{0,5}}?(?:(?P<head>{alternation(w.other_case_heads)})|"
        rf"{alternation(w.other_case_requests)})(?![\w-])[^\n:]{{0,40}}?)(?::|[ \t][-–—][ \t])"
        r"[^\n]*")


@cache
@fixed_patterns
def _title() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{alternation(context_rules().retractions.other_case_titles)})"
                      r"(?!\w)")


@cache
@fixed_patterns
def _other_case_mark() -> re.Pattern[str]:
    """Another case's mark inside a line (a lead right before a head: "wrong chat", "my
    other case", "(other player)", "next patient's"), then a label's colon or dash, to the
    end of its sentence, table cell or line."""
    w = context_rules().retractions
    return re.compile(
        rf"(?<![\w-])(?P<label>(?:{alternation(w.other_case_leads)})[ \t]+"
        rf"(?:{alternation(w.other_case_heads)})(?:['’]?s)?(?![\w-])[^\n:|]{{0,40}}?)"
        r"(?P<sep>:|[ \t][-–—][ \t])(?:[^\n|.!?]|(?:(?<=\bmr)|(?<=\bmrs)|(?<=\bms)|(?<=\bdr)|"
        r"(?<=\bst))\.|[.!?](?![ \t]|$))*", re.M)


@cache
@fixed_patterns
def _ours() -> re.Pattern[str]:
    """Words that say a line is the patient's ("for this patient", "our pt")."""
    ours = alternation(context_rules().patient_blocks["ours"])
    return re.compile(rf"(?<![\w])(?:{ours})(?![\w])")


_PATIENT_OPENS = re.compile(r"[ \t]*(?:she|he|they|pt|patient|our|this pt|this patient)\b")
"""What follows a mark that names no one by title and turns to the patient ("sorry, wrong
patient - she is not pregnant", a correction of a chat's last message): the patient's."""

_LABEL_BREAK = re.compile(r"(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)(?<!\bst)[.!?][ \t]")
"""A sentence's end inside a label ("wrong chart. Conservative care for this patient:"):
the mark was in an earlier sentence; a title's stop ("about Mrs. Quan:") is none."""


def other_case_lines(lower: str) -> list[tuple[int, int]]:
    """Lines headed by another case of the desk ("Other CT request (Mr. Hale): FEV1 55%
    predicted.", "Next case - Mrs. Tran: NRS 7/10"; outside tester 35 F2), or holding its
    mark inside ("[12/04 08:46] Bree: sorry wrong chat - that last msg was about Mrs. Quan:
    T 38.7, WBC 17"; outside tester 37 F3): that case's, blanked from the mark. A request's
    line only with a person named by a title in its label ("Another PFT request: FEV1 79%"
    may be the patient's own); a label that turns to the patient ("wrong chart -
    conservative care for this patient: 7 weeks") is the patient's."""
    heads = [m.span() for m in _other_case_line().finditer(lower)
             if m["head"] or _title().search(m["label"])]
    ours = _ours()
    marks = [m.span() for m in _other_case_mark().finditer(lower)
             if not _LABEL_BREAK.search(m["label"]) and not ours.search(m["label"]) and
             not (_PATIENT_OPENS.match(lower, m.end("sep")) and not _title().search(m["label"]))]
    return heads + marks


def _any_of(lower: str, words: tuple[str, ...]) -> bool:
    """Any of ``words`` in ``lower`` (a quick test before a slower pattern)."""
    return any(word in lower for word in words)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _marked_end(lower: str, start: int, end: int) -> int:
    """Where what a tag at ``start`` marks ends: its line's end, or its sentence's when
    other words come before it on the line."""
    line_start = lower.rfind("\n", 0, start) + 1
    stop = re.compile(r"\n") if not lower[line_start:start].strip(" \t-*•>") else _SENTENCE_END
    found = stop.search(lower, end)
    return found.start() if found else len(lower)


_MERGED = re.compile(r"\b(?:merged|two patients|both patients|combined charts?|other patient|"
                     r"another patient|wrong patient|different patient)\b")
"""Words that say a text holds more than one patient's entries (a merged chart)."""
_NAME_LABEL = re.compile(r"(?m)(?:^[ \t>*•-]*|(?<=[.;:][ \t])|(?<=\())"
                         r"(?P<name>[A-Z][a-z]{2,}(?:[ \t][A-Z][a-z]{2,})?)[ \t]*[-–—][ \t]+")
"""An entry headed by a person's name ("Vega - none.", "(Reese - wrong patient ...")."""
_NOT_NAMES = frozenset(("right", "left", "bilateral", "both", "pain", "gait", "none", "note",
                        "plan", "imaging", "exam", "history", "meds", "labs", "today",
                        "yesterday", "result", "results", "status", "current", "prior"))


def named_entries(text: str, lower: str) -> list[tuple[int, int]]:
    """In a text that says it holds several patients' entries ("PMH (merged):\\n Vega -
    none.\\n Reese - ESRD on HD", fresh19), entries headed by two or more persons' names
    are another patient's, or nobody's the text says: each is blanked to its sentence's
    end, but for those of the one name left when the others are given to another patient
    ("Lines marked [PT B] belong to MRN 0049921 (Harold Reese)", "Reese - wrong
    patient")."""
    if not _MERGED.search(lower):
        return []
    labels = [m for m in _NAME_LABEL.finditer(text) if m["name"].lower() not in _NOT_NAMES]
    names = {m["name"] for m in labels}
    if len(names) < 2:
        return []
    theirs = {n for n in names if _given_away(lower, n.lower())}
    keep = names - theirs if len(names - theirs) == 1 else set()
    spans = []
    for m in labels:
        if m["name"] not in keep:
            end = _SENTENCE_END.search(lower, m.end())
            spans.append((m.start("name"), end.start() if end else len(lower)))
    return spans


def _given_away(lower: str, name: str) -> bool:
    """A sentence naming ``name`` gives it to another person ("belong to MRN 0049921
    (Harold Reese)", "Reese - wrong patient")."""
    for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", lower):
        start = max(lower.rfind(".", 0, match.start()), lower.rfind("\n", 0, match.start())) + 1
        end = _SENTENCE_END.search(lower, match.end())
        said = lower[start:end.start() if end else len(lower)]
        if _OTHER_PERSON.search(said) or _OWNER.search(said):
            return True
    return False

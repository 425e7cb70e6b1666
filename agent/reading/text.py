"""Staff text cut into sentences and clauses, and the parts of it that state nothing
about the patient: text the user disowns, "Pt" meaning the patient, a procedure's
name. Masked parts keep their length (blanked), so every offset still points into the
user's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from agent.reading.values import FOREIGN_TOTAL, hesitation_commas
from policies.datacache import load_yaml
from policies.library import LIBRARY_DIR

# What a word processor or a phone pastes for a plain character ("2026‑09‑01" with
# non-breaking hyphens, a full-width "７/10", "×10 wks", "pt’s"), each to the one it stands
# for: one character for one, so every position still points at the user's own words.
# (En and em dashes stay: ranges and asides are read from them as they are.)
_PLAIN = str.maketrans({
    **{chr(c): "-" for c in (0x2010, 0x2011, 0x2012, 0x2212, 0xFE63, 0xFF0D)},
    **{chr(c): " " for c in (0x00A0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000,
                              *range(0x2002, 0x2007))},
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if c != 0xFF0D},
    "\u00d7": "x", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2044": "/", "\u2215": "/",
    # (a Chinese or Japanese note's full stop and list comma, "MRI：L5-S1 退变。儿子也有腰痛":
    # its sentences were one, the son's back pain the patient's MRI level's; fresh32)
    "\u3002": ".", "\uff61": ".", "\u3001": ",", "\uff64": ",", "\u3010": "[", "\u3011": "]",
})


@cache
def _foreign_date() -> tuple[re.Pattern[str], dict[str, str]]:
    """A day and a month named in another language, with its year if said (the names are
    ``foreign_months`` in ``context.yaml``), and each name's English stem."""
    months = load_yaml(Path(__file__).with_name("context.yaml")).get("foreign_months", {})
    stems = {name: stem for stem, names in months.items() for name in names}
    names = "|".join(re.escape(n) for n in sorted(stems, key=len, reverse=True))
    # ("1er mars", "12. März", "ika-8 ng Enero", "4 de marzo de 2027", "3 mai, 2027")
    return re.compile(rf"(?<![\w/.-])(?:ika-)?(?P<d>[0-3]?\d)(?:\.|er|º|°)?[ \t]+"
                      rf"(?:(?:de|del|ng|of)[ \t]+)?(?P<mon>{names})(?![\w])"
                      rf"(?:[ \t]*,?[ \t]*(?:(?:de|del|of)[ \t]+)?(?P<y>(?:19|20)\d\d)(?!\d))?"
                      ), stems


def foreign_dates(lower: str) -> str:
    """``lower`` with each date whose month is named in another language written as the
    reader reads an English one ("2 mars 2027" as "mar 2 2027", the day's padding between
    them), of the same length: "IRM lombaire réalisée le 2 mars 2027" dates the MRI
    (phrase26a left every such date unread)."""
    pattern, stems = _foreign_date()
    if not any(name in lower for name in stems):
        return lower

    def english(m: re.Match[str]) -> str:
        tail = f" {int(m['d'])}" + (f" {m['y']}" if m["y"] else "")
        stem = stems[m["mon"]]
        return stem + " " * (len(m.group(0)) - len(stem) - len(tail)) + tail

    return pattern.sub(english, lower)


def lowered(text: str) -> str:
    """``text`` in lower case with pasted look-alike characters made plain (``_PLAIN``)
    and HTML markup made layout (``markup_as_layout``) and its numeric dates month first
    (``month_first``), of the same length as ``text`` so its offsets are the text's."""
    lower = text.lower()
    return relay_questions(hl7_dates(glossed_totals(boxes_plain(weekdays_as_rate(
        durations_over_units(month_first(foreign_dates(_ocr_digits(markup_as_layout(
            (lower if len(lower) == len(text) else text).translate(_PLAIN)))))))))))


_RELAY_Q = re.compile(
    r"(?m)^[ \t]*(?:[a-z]{2,12}[ \t]*:[ \t]*)?(?:are|is|do|does|did|have|has|had|can|could|will|"
    r"would|any|how|what|when|where|why|who|which)\b[^\n?]{0,120}?[ \t](?P<q>q)"
    r"(?=[ \t]+(?:ga|sk|gasq?)\b|[ \t]*$)")


def relay_questions(lower: str) -> str:
    """A relay or TTY call's question mark typed as "Q" before "GA" (go ahead) or its line's
    end ("OPR: ARE YOU PREGNANT Q GA"): written "?" so the line is read as the question it is,
    of the same length (phrase35a read a pregnancy from the operator's question). Only a line
    that opens with a question's word, so a dose's "q" ("q 6 h") is left."""
    if "q" not in lower:
        return lower
    return _RELAY_Q.sub(lambda m: m.group()[:m.start("q") - m.start()] + "?", lower)


_TOTAL_GLOSS = (r"(?:in[ \t]+total|altogether|all[ \t]+together|total|in[ \t]+all|all[ \t]+told|"
                r"overall|combined|summed[ \t]+up|taken[ \t]+together)")
_GLOSSED_TOTAL = re.compile(
    r"(?<!\d[ \t])(?<![\w\d])(?P<word>" + FOREIGN_TOTAL + r"|[^\W\d_]{2,})[ \t]*\n?[ \t]*"
    r"(?:\[[ \t]*" + _TOTAL_GLOSS + r"[ \t]*\]|\([ \t]*" + _TOTAL_GLOSS + r"[ \t]*\))")
"""A word a translator glossed in brackets as a total ("Yhteensä [altogether] 14 weeks",
"Kokku [in total] 16 nädalat", "łącznie (in total) 14 tygodni"; fresh34 read a course's 7
weeks beside it): the gloss says what the word is, so the pair reads as "total". Square
brackets after a word of no figure ("14 weeks [total]" and "PT sessions [total]" stay),
round ones only after a total of the referral's own language (``values.FOREIGN_TOTAL``)."""
_FOREIGN_TOTAL_WORD = re.compile(FOREIGN_TOTAL)
_OWN_WORD = re.compile(r"weeks?|wks?|months?|mos?|days?|years?|sessions?|visits?|courses?|"
                       r"treatment|care|therapy|tx|pt|physio|rehab|meds?|medications?|sum")
"""English words a gloss of a total may follow that keep their meaning ("sessions [total]")."""


def glossed_totals(lower: str) -> str:
    """Each total word with its bracketed gloss as "total", padded to its length."""
    if "[" not in lower and "(" not in lower:
        return lower

    def total(m: re.Match[str]) -> str:
        word = m["word"]
        if _OWN_WORD.fullmatch(word) or (
                "[" not in m.group(0) and not _FOREIGN_TOTAL_WORD.fullmatch(word)):
            return m.group(0)
        return "total" + " " * (len(m.group(0)) - 5)

    return _GLOSSED_TOTAL.sub(total, lower)


_WEEKDAY = (r"(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|"
            r"friday|sat|saturday|sun|sunday|m|t|w|th|r|f)")
_WEEKDAYS = re.compile(rf"(?<![\w/.-])(?P<days>{_WEEKDAY}(?:[ \t]*/[ \t]*{_WEEKDAY}){{1,6}})"
                       r"(?![\w/-])(?!\.\w)(?![ \t]*\d)")
"""Days of the week a thing recurs on, joined by slashes ("Tues/Thurs/Sat", "M/W/F"): so
many times a week, as "3x/wk" says it (phrase26a: "A: Tues/Thurs/Sat" was no frequency)."""


def weekdays_as_rate(lower: str) -> str:
    """``lower`` with each ``_WEEKDAYS`` list written as its rate ("3x/wk", padded to the
    same length); a list of one-letter days only where a full name or "x/wk" is no other
    reading (at least two letters of the list, none repeated: "m/w/f", not "t/t")."""
    if "/" not in lower:
        return lower

    def rate(m: re.Match[str]) -> str:
        days = [d.strip() for d in m["days"].split("/")]
        if len(set(days)) != len(days) or all(len(d) == 1 for d in days) and len(days) < 3:
            return m.group()
        out = f"{len(days)}x/wk"
        # (the rate at the list's end, so the words read run over the whole list)
        return " " * (len(m.group()) - len(out)) + out if len(out) <= len(m.group()) else m.group()

    return _WEEKDAYS.sub(rate, lower)


_WIDE_BOX = re.compile(r"\[(?P<a>[ \t]*)(?P<mark>[x✓✔]?)(?P<b>[ \t]*)\](?P<next>[ \t]?[a-z])?")


def boxes_plain(lower: str) -> str:
    """Tick boxes typed wide ("[  ] Yes  [X] No", "No [ X ]") written as the reader's box
    patterns know them ("[ ]", "[x]"), of the same length so offsets stay the text's: the
    room the box gives up goes on the side away from its option (before a box its option
    follows, after one that follows its option), the spacing the patterns expect. A
    two-space empty box was no box at all: "Infection  [  ] Yes  [X] No" read as an
    infection (outside testers 25 and 27, BOX)."""
    if "[" not in lower:
        return lower

    def plain(m: re.Match[str]) -> str:
        box = f"[{m['mark']}]" if m["mark"] else "[ ]"
        pad = " " * (len(m.group()) - len(m["next"] or "") - len(box))
        return (pad + box if m["next"] else box + pad) + (m["next"] or "")
    return _WIDE_BOX.sub(lambda m: plain(m) if len(m["a"]) + len(m["b"]) >
                         (0 if m["mark"] else 1) else m.group(), lower)


_DOSE_BEFORE = re.compile(r"\d[ \t]*(?:mg|mcg|g|ml)\b[^,;\n\d]{0,14}$")
"""A dose right before a length ("Arcoxia 90mg OM x 6/52"): the drug's own course, which a
list of treatments may hold among others; left as written (fresh27 read it as the whole
of the care beside a stated 21 weeks)."""
_OVER_52 = re.compile(r"(?<![\d/.])(?P<n>[1-9]\d?)/52(?![\d/])")
_OVER_12_7 = re.compile(r"(?:(?:\b(?:x|for|over|past|last)|≈)[ \t]*(?:≈[ \t]*)?)"
                        r"(?P<n>[1-9]\d?)/(?P<u>12|7)(?![\d/])"
                        r"|(?<![\d/.])(?P<n2>[1-9]\d?)/(?P<u2>12|7)(?=[ \t]+(?:ago|hx|history)\b)")


def durations_over_units(lower: str) -> str:
    """Lengths written as a count over the units of a year or a week, the British and
    Commonwealth clinical way ("x 6/52" six weeks, "x 5/12" five months, "3/7 ago" three
    days), written with the unit ("6 wk", "5 mo", "3 d"; the same length): a Singapore
    memo's "frozen shoulder x 5/12" is 5 months of symptoms (fresh27). "/52" is never a
    date; "/12" and "/7" are read so only after "x", "for", "over", "past" or "last" or
    before "ago", in a message whose dates are day first (an American "x 5/12" is May 12)."""
    out = _OVER_52.sub(lambda m: m.group() if _DOSE_BEFORE.search(
        lower, max(0, m.start() - 30), m.start()) else m["n"] + " wk", lower)
    day_first = writes_day_first(lower)
    # ("LBP x 10/12", "cons tx x 3/12" in a message with no date: a times sign is no
    # date's word, nor an "about" sign, "LBP ≈ 10/12" (phrase29a: no date is "about" to
    # its day), so a count over 12 or 7 right after it is a length, unless one of the
    # message's dates can only be month first; phrase26a)
    if not day_first and (_month_first_only(lower) or _month_first_only_short(lower)):
        return out

    def unit(m: re.Match[str]) -> str:
        n, u = (m["n"], m["u"]) if m["n"] else (m["n2"], m["u2"])
        if not day_first and not (m["n"] and m.group().startswith(("x", "≈"))):
            return m.group()
        at = (m.start("n") if m["n"] else m.start("n2")) - m.start()
        return m.group()[:at] + n + (" mo" if u == "12" else " d")

    return _OVER_12_7.sub(unit, out)


VISIT_WORD = re.compile(r"\b(?:check|check-?up|re-?check|visit|follow[- ]?up|f/u|review|"
                        r"appointment|appt|call|phone call|televisit|telehealth)\b")
"""Words naming a visit at which something was seen or told ("at the 4-week check on
11/06/2026", "10/26/2026 Rheum f/u: injection did not help")."""


_OCR_FIGURE = re.compile(r"(?<![a-z\d/.])(?=[\dlo]*\d)[\dlo]{1,2}/(?=[\dlo]*\d)[\dlo]{1,2}"
                         r"(?:/(?=[\dlo]*\d)[\dlo]{2,4})?(?![a-z\d/])")
"""A date or a score a scanner's text recognition spelled with letters for figures
("Date: l2/0l/2026", "was 7/l0", "MRI 09/l5/2026"): every part holds a figure too."""


def _ocr_digits(lower: str) -> str:
    """``lower`` with the letters "l" and "o" inside a date's or a score's figures made the
    figures they stand for (same length; fresh20's scanned note left its dates unread)."""
    if not re.search(r"\d[lo]|[lo]\d", lower):
        return lower
    return _OCR_FIGURE.sub(lambda m: m.group(0).replace("l", "1").replace("o", "0"), lower)


# HTML pasted from a portal or an e-mail ("<li>Infection: none &bull; Cosmetic: no</li>"):
# a tag is no word ("no</li>" is the answer "no"), a block tag breaks the line as the page
# shows it, and an entity is the character it stands for, padded with blanks to its length.
_TAG = re.compile(r"</?([a-z][a-z0-9]*)\b[^<>\n]{0,300}?/?>")
_BLOCK_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3",
                         "h4", "h5", "h6", "hr", "dt", "dd"})
_ENTITIES = {"nbsp": " ", "amp": "&", "ndash": "–", "mdash": "—", "bull": "•", "rarr": "→",
             "larr": "←", "gt": ">", "lt": "<", "rsquo": "'", "lsquo": "'", "apos": "'",
             "#39": "'", "ldquo": '"', "rdquo": '"', "quot": '"', "middot": "·", "deg": "°",
             "times": "x", "hellip": "…", "ge": ">=", "le": "<="}
_ENTITY = re.compile(r"&(" + "|".join(re.escape(e) for e in _ENTITIES) + r");(\w*)")


def markup_as_layout(lower: str) -> str:
    """HTML tags blanked (a block tag that opens or breaks a line made a line break) and
    entities made their characters, each of the same length as the markup it replaces;
    text with no tag is returned as it is."""
    if not _TAG.search(lower):
        return lower

    def tag(m: re.Match[str]) -> str:
        line = lower[lower.rfind("\n", 0, m.start()) + 1:m.start()]
        opens = m.group(1) in _BLOCK_TAGS and not m.group(0).startswith("</")
        if opens and line.strip() and not _TAG.fullmatch(line.strip()):
            return "\n" + " " * (len(m.group(0)) - 1)  # "...<br>next line"
        return " " * len(m.group(0))

    def entity(m: re.Match[str]) -> str:
        # the rest of a word it is inside moves up to it ("h&amp;p" is "h&p", "can&rsquo;t"
        # "can't"), the blanks after the word
        if m.start() > 0 and lower[m.start() - 1].isalnum():
            return (_ENTITIES[m.group(1)] + m.group(2)).ljust(len(m.group(0)))
        return _ENTITIES[m.group(1)].ljust(len(m.group(0)) - len(m.group(2))) + m.group(2)

    return _ENTITY.sub(entity, _TAG.sub(tag, lower))


def as_written(text: str | None, lower: str) -> str:
    """The message lower-cased as written, before its fields were rewritten (a table's bars
    read as colons), where it is as long as the text read (``lower``); else ``lower``."""
    written = text.lower() if text else ""
    return written if len(written) == len(lower) else lower


_SLASH_DATE = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
                         r"(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)")
"""A date written with numbers and its year ("19/11/2026", "11/19/2026", "19-11-26")."""


_DAY_MONTH = re.compile(r"(?<![\d/.:-])(?P<a>1[3-9]|2\d|3[01])/(?P<b>0?[1-9]|1[0-2])"
                        r"(?![\d/:]|\.\d)(?![ \t]*(?:mm\b|mmhg|h\b|hrs?\b|hours?\b|days?\b))")
"""A day and a month with no year that can only be read day first, the way a British or an
Australian letter writes one ("FBC ... from 20/11", "MRI 28/10"); never a fraction's
form ("24/7", "20/20", a blood pressure, "14/7" of days, "3/52" of weeks)."""


def _day_first(lower: str) -> bool:
    """The message writes its dates day first: one of them can only be read so
    ("19/11/2026", or a year-less "from 20/11") and none only month first ("11/19/2026")."""
    firsts = {(int(m["a"]) > 12, int(m["b"]) > 12) for m in _SLASH_DATE.finditer(lower)
              if 1 <= int(m["a"]) <= 31 and 1 <= int(m["b"]) <= 31}
    if (False, True) in firsts or _month_first_only_short(lower):
        return False
    # (a date spelled day first, "11 Feb 2025", is no sign: American notes write it too;
    # a score over ten is a writer's emphasis, no date: "pain 15/10")
    return (True, False) in firsts or any(
        int(m["b"]) != 7 and not (m["b"] == "10" and re.search(
            r"\b(?:pain|nrs|vas|score|rates?|rated|scale)\b",
            lower[max(0, m.start() - 25):m.start()]))
        for m in _DAY_MONTH.finditer(lower))


def _month_first_only_short(lower: str) -> bool:
    """A year-less date of the message can only be month first ("seen 11/19")."""
    return re.search(r"(?<![\d/.:-])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\d/:%]|\.\d)",
                     lower) is not None


_FORMAT_MARK = re.compile(r"[ \t]*[(\[][^()\[\]\n]{0,24}?(?<![a-z])"
                          r"(?:(?P<d>(?:dd?|jj|tt)[/.-]mm?)|mm?[/.-]dd?)"
                          r"(?:[/.-](?:y{2,4}|a{2,4}|j{2,4}))?(?![a-z])[^()\[\]\n]{0,24}?[)\]]")
"""The format a writer marks right after one date: "04/11/2026 (dd/mm/yyyy)" is
4 November, "(mm/dd)" keeps it month first; in the same brackets as other words too,
"02/08/2028 (done, dd/mm)" (phrase35a's Yoruba notes: read 8 February), and in the
French "jj/mm" or the German "TT.MM"."""
_FORMAT_WORD = re.compile(r"(?<![a-z/.-])(?:(?P<d>(?:dd|jj|tt)[/.-]mm)|mm[/.-]dd)"
                          r"(?:[/.-](?:y{2,4}|a{2,4}|j{2,4}))?(?![a-z/.-])")
"""A date format written anywhere in a message ("Dates in dd/mm.", a table's column
"| dd/mm/yyyy", "DOB (MM/DD/YYYY)"); both letters doubled, never a doctor's "M.D,"."""
_ORDER_SAID = re.compile(r"(?<![\w-])(?P<neg>(?:not|never|isn'?t|wasn'?t|aren'?t|no)[ \t]+"
                         r"(?:in[ \t]+)?)?(?P<o>day|month)[- ](?:first|before[ \t]+month)\b")
"""A message that says an order in words: "the fellow entered it day-first", "written
day first", "US style, month-first" (phrase32a's helpdesk note read 2 January for 1
February); "not day-first" says month first."""


def _order_said(lower: str) -> bool | None:
    """Whether the message says its numeric dates are day first (True) or month first
    (False) by a format written in it or in words; None where it says neither or both."""
    orders = {m["d"] is not None for m in _FORMAT_WORD.finditer(lower)}
    orders |= {(m["o"] == "day") != bool(m["neg"]) for m in _ORDER_SAID.finditer(lower)}
    return orders.pop() if len(orders) == 1 else None
_DAY_FIRST_SAID = re.compile(
    r"\b(?:dates?\b[^\n]{0,20}?\b(?:dd[/.-]mm|day[- ]first|day[ /.-]month)|"
    r"day[ /.-]month[ /.-]year|"
    r"(?:uk|british|european|eu)[ \t]+dates?|dd[/.-]mm[/.-]y{2,4}[ \t]+(?:format|dates?))\b")
"""A message that says its dates are day first ("(UK dates)", "Dates are DD/MM/YYYY", "all
dates day.month.year", "(day-month-year, Lisbon)"; outside tester 22 F3)."""
_SPELLED_AFTER = re.compile(r"[ \t]*[(\[][ \t]*(?P<d>\d{1,2})(?:st|nd|rd|th)?[ \t]+"
                            r"(?P<mon>[a-z]{3})[a-z]*\.?(?:[ \t,]+\d{2,4})?[ \t]*[)\]]")
"""A date spelled out in brackets right after a numeric one ("03/02/2026 (3 Feb 2026)"):
it says which number is the day."""


_MONTH_SAID = re.compile(r"[ \t]*[(\[][ \t]*(?:that'?s|that is|i\.?e\.?,?|=|in)?[ \t]*"
                         r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"(?=[ \t]*(?:[),;\]]|\d))")
"""A month named in brackets right after a numeric date ("XR 3/9/26 (that's March, old)"):
it says which number is the month (not "(may need a repeat)")."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _said_day_first(lower: str, m: re.Match[str], whole: bool) -> bool:
    """The date ``m`` is day first: its own mark, spelled-out twin or named month says
    so, or (with none) the message's dates are day first (``whole``)."""
    own = _own_order(lower, m)
    return whole if own is None else own


def _own_order(lower: str, m: re.Match[str]) -> bool | None:
    """Whether the date ``m`` is day first by its own mark, spelled-out twin or named
    month; None where none of them says."""
    mark = _FORMAT_MARK.match(lower, m.end())
    if mark is not None:
        return mark["d"] is not None
    named = _MONTH_SAID.match(lower, m.end())
    if named is not None and int(m["a"]) != int(m["b"]):
        month = _MONTHS.index(named["mon"]) + 1
        if month in (int(m["a"]), int(m["b"])):
            return month == int(m["b"])
    spelled = _SPELLED_AFTER.match(lower, m.end())
    if spelled is not None and spelled["mon"] in _MONTHS:
        day, month = int(spelled["d"]), _MONTHS.index(spelled["mon"]) + 1
        if (int(m["a"]), int(m["b"])) == (day, month):
            return True
        if (int(m["b"]), int(m["a"])) == (day, month):
            return False
    return None


def writes_day_first(lower: str, month_first_only: bool | None = None) -> bool:
    """The message writes its numeric dates day first: one can only be read so, or it says
    so, or its writer shows a day-first country's conventions (and none is only month
    first)."""
    if month_first_only is None:
        month_first_only = _month_first_only(lower) or _month_first_only_short(lower)
    said = _order_said(lower)
    if said is not None:
        # (a format the writer states outweighs a convention; a date that can only be
        # read one way still settles it)
        return _day_first(lower) or (said and not month_first_only)
    return _day_first(lower) or (
        (_DAY_FIRST_SAID.search(lower) is not None or _day_first_writer(lower)) and
        not month_first_only)


def month_first(lower: str) -> str:
    """``lower`` with its numeric dates written month first, as the reader reads them,
    where the message writes them day first (a British letter's "Dictated 19/11/2026 ...
    X-rays 02/10/2026": 2 October; "Dates are DD/MM/YYYY"; one date's own mark, "MRI
    04/11/2026 (dd/mm/yyyy)", or its spelled-out twin, "03/02/2026 (3 Feb 2026)": outside
    tester session 15 F17). The same length, so its offsets stay the text's."""
    month_first_only = _month_first_only(lower) or _month_first_only_short(lower)
    whole = writes_day_first(lower, month_first_only)
    # (a place whose clinics may write either way round, "MRI 03-11-2026 (Sydney
    # radiology)", with nothing else settling the order: such a date is asked, written with
    # the dots no date is read from)
    asked = not whole and not month_first_only and (
        _places().search(lower) is not None or _MARKED_LATIN.search(lower) is not None)

    def written(m: re.Match[str]) -> str:
        if m["sep"] == ".":
            return _dotted(lower, m, whole, month_first_only)
        if asked and int(m["a"]) != int(m["b"]) and max(int(m["a"]), int(m["b"])) <= 12 \
                and _own_order(lower, m) is None:
            return m["a"] + "." + m["b"] + "." + m["y"]
        if not _said_day_first(lower, m, whole) or int(m["b"]) > 12:
            return m.group(0)
        return m["b"] + m["sep"] + m["a"] + m["sep"] + m["y"]

    return _SLASH_DATE.sub(written, lower)


def _dotted(lower: str, m: re.Match[str], whole: bool, month_first_only: bool) -> str:
    """A date written with dots, written with slashes and month first where the message
    settles which figure is the month; left with its dots, which no date is read from,
    where nothing does ("MRI 03.09.2026": dots are the day-first writers' way, and an
    American note writes them too; outside tester 22 F3 read 9 March for 3 September, a
    false failed criterion). Settled: a figure over 12, both the same, the date's own mark
    or twin, the message's dates said or shown day first, or one only month first."""
    a, b = int(m["a"]), int(m["b"])
    day_first = _said_day_first(lower, m, whole)
    if a > 12 or (day_first and b <= 12):
        return m["b"] + "/" + m["a"] + "/" + m["y"]
    if b > 12 or a == b or month_first_only or _said_day_first(lower, m, True) is False:
        return m["a"] + "/" + m["b"] + "/" + m["y"]
    return m.group(0)


_DOSE_DAY_FIRST = re.compile(r"\d[ \t]*(?:mg|mcg|g|ml|units?|tabs?|puffs?)?[ \t]*"
                             r"(?:bd|tds|qds|nocte|mane)\b"
                             r"|\d[ \t]*(?:mg|mcg|g|ml)[ \t]*om\b"
                             r"|(?<![\d/.])\d{1,2}/52(?![\d/])")
"""A dose given in the British way ("500 mg bd", "2 tds", "10 mg nocte", "90mg OM" as a
Singapore or Malaysian clinic writes "every morning"; an American note writes "bid",
"tid", "qhs", "qam"), or weeks written over 52 ("x 2/52", "review in 6/52"): a day-first
writer's (fresh27 read a Singapore memo's "02/09/2026" as 9 February)."""


@cache
def _conventions() -> re.Pattern[str]:
    """The words of ``day_first_conventions`` and ``day_first_languages`` in
    ``context.yaml`` (this module comes before ``context.py``, so it reads the file itself)."""
    data = load_yaml(Path(__file__).with_name("context.yaml"))
    raw = [*data.get("day_first_conventions", []), *data.get("day_first_languages", [])]
    return _words_pattern(raw)


def _words_pattern(raw: list[str]) -> re.Pattern[str]:
    """Whole words of a list; one that opens with a mark (", mbbs") is bound by it. (One
    lookbehind before the words' alternation, not one per word: per word, every search of a
    note ran about 40 times slower, and the whole reader 20% slower.)"""
    words = [re.escape(w) for w in raw if w[:1].isalnum()]
    alts = [r"(?<![\w&])(?:" + "|".join(words) + ")"] if words else []
    alts += [re.escape(w) for w in raw if not w[:1].isalnum()]
    return re.compile("(?:" + "|".join(alts) + r")(?![\w&])")


@cache
def _places() -> re.Pattern[str]:
    """The words of ``day_first_places`` in ``context.yaml``, not in a clinical rule's name
    ("Ottawa ankle rules", "Canadian C-spine rule")."""
    data = load_yaml(Path(__file__).with_name("context.yaml"))
    words = _words_pattern(data.get("day_first_places", [])).pattern
    return re.compile(words + r"(?![^\n.;]{0,24}\brules?\b)")


_DAY_FIRST_SCRIPT = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0400-\u04ff\u0370-\u03ff"
                               r"\u0e00-\u0e7f\u0900-\u097f]{2}")
"""A word in a script whose countries write dates day first (Hebrew, Arabic, Cyrillic,
Greek, Thai, Devanagari): an Israeli or an Egyptian report's "MRI 02/08/2027" beside its
own words is 2 August (fresh33 read 8 February). Chinese, Japanese and Korean write the
year first, and are no sign."""
_MARKED_LATIN = re.compile(r"[\u1e00-\u1eff]")
"""A Latin letter marked below or stacked (U+1E00-1EFF: Vietnamese "chụp", Yoruba "ṣe ní",
Igbo "ọ"): its writers write dates day first, but an American note may carry a
Vietnamese name ("Nguyễn"), so a date either way round beside one is asked, never read
month first (phrase35a's Yoruba notes read 8 February for 2 August)."""


def _day_first_writer(lower: str) -> bool:
    """The text shows its writer's day-first conventions (a South African letter's "medical
    aid", a British "paracetamol", a dose "500 mg bd", a Hebrew report's own words): its
    numeric dates are day first."""
    return _conventions().search(lower) is not None or \
        _DOSE_DAY_FIRST.search(lower) is not None or _DAY_FIRST_SCRIPT.search(lower) is not None


def _month_first_only(lower: str) -> bool:
    """One of the message's dates can only be month first ("11/19/2026")."""
    return any(int(m["b"]) > 12 and int(m["a"]) <= 12 for m in _SLASH_DATE.finditer(lower))


# "?" ends a question ("is she pregnant?"), but "? foraminal stenosis" marks a doubt (so
# does one opening a bracket, a transcriptionist's "[?18th]", "(?L5 / S1)": fresh23) (so
# does one after an opening quote: 'Intake: "? UTI - pt c/o burning"'), and
# a form's "Favorable response expected?: Yes" is a label and its answer, and so is a
# call log's "PT? -> two courses, 20 wks total" (the arrow is the answer's colon).
_SENTENCE_END = (r"(?<!\d)[.;!\n]+|[.;!\n]+(?!\d)|(?<=[^\s?])(?<!\s[\"'“‘])(?<!^[\"'“‘])"
                 r"(?<!\[)(?:(?<!\()|(?=\?*\)))\?+"
                 r"(?![ \t]*(?::|->|→))"
                 r"|[ \t]{3,}(?=(?!(?:most recent|latest|last one|date|dated|when)[ \t]*:)"
                 r"[a-z][\w /&()-]{0,30}:)"
                 # (a ticked or empty box opening a checklist's next item on the line, as a
                 # form's lines joined into one reach a chat box: "[X] Infection screen: no
                 # active infection [X] Pregnancy: N/A"; not the boxes of one item's
                 # answers, "Pregnant [ ] Yes [x] No", "[x] none [ ] DM [ ] CVD": an item
                 # with a label of its own)
                 r"|[ \t]+(?=\[[ \tx✓✔]?\][ \t]*(?!(?:yes|no|y|n|n/a|na|unknown|unk|u|date|"
                 r"dated|on|when)(?![\w/]))[a-z][a-z][^\[\]☐☑☒\n:]{0,60}:)")
# (a wide gap before another "Label:" separates two fields of a form: "Pregnant: No
# Postpartum: Yes"; a tab between a label and its value in a table does not; nor does a
# label that names no subject of its own: "X-rays, number of sets: 2    Most recent:
# 10/29/2026" is the X-rays' date)
_SPLIT = re.compile(_SENTENCE_END + r"|(?<!\d),|,(?!\d{3}(?!\d))|\bbut\b|\bhowever\b|\bwhile\b"
                    r"|\band (?:is |are )?(?=now\b)"
                    r"|\balthough\b|\bwhereas\b|\s[-–—]\s", re.I)
_ENDS_SENTENCE = re.compile(r"[.;!?\n]|[ \t]{3}")
# A month name with a day ("Aug. 20, 2026") is one token, not a sentence end.
_NAMED_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                         r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
                         r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul"
                         r"|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b"
                         # (said: "March twenty-first, twenty twenty-five", "the third of
                         # May, two thousand twenty-six": one date, its comma no cut)
                         r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
                         r"\s+(?:the\s+)?(?:[a-z]+-)?[a-z]+(?:st|nd|rd|th),?\s+"
                         r"(?:twenty|two thousand)\b"
                         r"|\b(?:[a-z]+-)?[a-z]+(?:st|nd|rd|th)\s+of\s+(?:jan|feb|mar|apr|may|jun|jul"
                         r"|aug|sep|sept|oct|nov|dec)[a-z]*,?\s+(?:twenty|two thousand)\b"
                         # ("Nov 30th, last year": the year in words is the date's)
                         r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                         r"\s+\d{1,2}(?:st|nd|rd|th)?,\s*(?:of\s+)?(?:last|this)\s+year\b", re.I)
# Abbreviations whose period is not a sentence end.
# ("no." only before a number, "no. 2": a form's answer "Cosmetic: no. Active infection:
# yes" ends its sentence there; its "no" denied the next field, outside tester 16 F8)
_ABBREVIATIONS = re.compile(r"\b(?:pt|dr|mr|mrs|ms|approx|vs|e\.g|i\.e|hx|h/o|wks|mos|yrs|"
                            r"no(?=\.[ \t]*[#\d])|st|sx|dx|tx|rx|fx|w|p\.t|y\.o|b\.i\.d|t\.i\.d|"
                            r"incl|esp|"
                            r"appt|dept|"
                            # a month's short name before its day, with no year ("seen on
                            # Dec. 5 (abstract attached)": fresh25, the record cut from its
                            # sentence); "may" is a word of its own
                            r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
                            r"(?=\.[ \t]+\d{1,2}(?:st|nd|rd|th)?(?![\d.:/]))"
                            r")\.", re.I)


# A name's initial after a title is no sentence end: "Pain management (Dr. V. Ilic)
# 11/02/2026 - symptoms, dx, plan - on file" (fresh10: the consult was cut from its date
# and its contents), "Dr. J. R. Hunt".
# So is one after a word naming who the person is: "Witness: co-worker T. Brooks (who also
# hurt his back)" (fresh23: cut there, his bracket was no longer the co-worker's), "RN K. Lee";
# and one that closes a bracket: "Chair neighbor (Mr. D.) admitted with pneumonia" (fresh26).
_INITIAL = re.compile(r"\b(?:dr|mr|mrs|ms|prof|co-?worker|witness|supervisor|manager|adjuster|"
                      r"employer|foreman|coach|trainer|team-?mate|room-?mate|cell-?mate|"
                      r"neighbou?r|friend|wife|husband|spouse|partner|mother|father|mom|dad|son|"
                      r"daughter|sister|brother|rn|np|pa-c|lpn|cna|therapist|nurse|caller)\.?"
                      r"[ \t]+((?:[a-z]\.[ \t]*)?[a-z]\.)(?=[ \t]*\)?[ \t]*[a-z])", re.I)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    sentence: int
    """Index of the sentence the clause belongs to."""
    question: bool = False
    """The sentence ends with "?": the user asks, not states ("is she pregnant?")."""
    comma_after: bool = False
    """The clause is followed by a comma (a list may continue)."""


_DATED_DASH = re.compile(r"\d[/-]\d{1,2}[/-]\d{2,4}(\s[-–—]\s)\d{1,4}[/-]\d")
"""The dash of a date range ("PT 6/1/2026 - 8/24/2026") joins, it does not cut."""


_ANSWER_DASH = re.compile(r"(?<=\S)([ \t])[-–—][ \t]+(?=(?:none|nil|neg|negative|absent|denied|"
                          r"ruled out)(?:[ \t]+(?:known|suspected|found|seen|noted|reported|"
                          r"identified|detected))?[ \t]*(?:[.;\n]|\Z))")
"""A dash between a row's label and its denial ("Infection - none known.", "Pneumonia -
none suspected."): a colon's work, no cut (outside tester 32 F9: the denial, cut from its
label, left "Infection" standing alone, read as present)."""


def _protected(lower: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _NAMED_DATE.finditer(lower)]
    spans += [m.span(1) for m in _ANSWER_DASH.finditer(lower)]
    spans += [m.span(1) for m in _DATED_DASH.finditer(lower)]
    spans += hesitation_commas(lower)
    spans += [(m.end() - 1, m.end()) for m in _ABBREVIATIONS.finditer(lower)]
    spans += [(i, i + 1) for m in _INITIAL.finditer(lower)
              for i in range(m.start(1), m.end()) if lower[i] == "."]
    return spans


@lru_cache(maxsize=4)  # one message is cut a few times; keep no old messages around
def _clauses(lower: str) -> tuple[Clause, ...]:
    return tuple(_cut(lower))


def clauses(lower: str) -> list[Clause]:
    """The clauses of ``lower`` in order, each with its sentence number."""
    return list(_clauses(lower))


_SOFT_WRAP = re.compile(r"(?<=[A-Za-z0-9,/&'+)-])[ \t]*\n(?:[ \t]*>)*[ \t]*"
                        r"(?![-*•\[]|\d+[.)]\s|\d{1,2}:\d{2}(?::\d{2})?[ \t]+[A-Za-z\"“]|"
                        r"[A-Za-z][A-Za-z /&]{0,29}:|[^\n]*\t)"
                        r"(?=[\"“]?[a-z(]|\d)")
"""A line break inside a sentence (a letter wrapped at its margin: "not\ncosmetic",
"MRI\n9/18/26"; in a quoted e-mail, "10/14/2026\n>   attached"; a quotation wrapped whole,
"13 weeks,\n  \"plateaued without meaningful improvement\" after each"); a line that starts
with a capital, a bullet or "Label:" is new, and so is a row of a tab-separated table or
of a log whose rows open with the time ("09:14:40 PROMPT ...")."""


_PIPE_ROW = re.compile(r"^[ \t]*\|?[^|\n]+(?:\|[^|\n]*)+\|?[ \t]*$", re.M)
_ROW_KEY = re.compile(r"[ \t]*(?:(?:req(?:uirement)?|criterion|criteria|crit|item|row|line|"
                      r"element|elem|step|rule|q|question|no\.?|nr\.?|#)[ \t]*#?[ \t]*\d{0,3}[a-z]?"
                      r"|#?\d{1,3}[a-z]?)[.)]?[ \t]*")
"""A pipe row's first cell that only numbers or keys the row ("Req 6", "Criterion",
"Item 10", "#3", "4."): the label is the next cell."""


_ASKED_FIELD = re.compile(r"\?(?=[ \t]+(?:yes|no|none|n/a|na|negative|positive|nope|nil|y|n"
                          r"|[✗✘❌✖✕⨯ø⊘∅])"
                          r"(?:[ \t.]*"
                          r"(?:\([^\n()]*\)|--[^\n]*|[ \t][-–—][ \t][^\n]*)?[ \t.\"'”’]*$"
                          # (or its sentence ends and the line goes on: "Pregnant? No. Pain
                          # 7/10 now.", a one-line paste of a call log, outside tester 22 M2)
                          r"|[ \t]*[.;](?=[ \t]+\S)"
                          # (or the next field of a checklist row follows: "DM? N   Cardiac?
                          # N   Active infection? N"; fresh28's ASC checklist read none)
                          r"|[ \t]*(?:\([^\n()]*\))?(?:[ \t]{2,}|[ \t]*[\t,/|][ \t]*)"
                          r"(?=[a-z][a-z /&'-]{0,40}[?:]))"
                          r"|[ \t]*(?:\[[ \tx✓✔]?\]|☐|☑|☒)[ \t]*(?:yes|no|y|n)\b)", re.M)
"""A form line that asks and answers ("Postpartum? No", "Severe comorbidities? None",
"Active infection? [ ] Yes [x] No"; "Pregnant? No. Cosmetic? No." on one line), or a note
that asks itself and answers with a remark
("Patient is 12 weeks postpartum? No - that was her sister"). A checklist's bare "Y"/"N"
answers as "Yes"/"No" do ("Cosmetic? N"), and so does each answer of a row of such
questions ("Anticoag? N   DM? N   Other severe comorbidity? N")."""


_THRESHOLD_DENIED = re.compile(r"(?P<q>[^.?!\n:,;]*\d[^.?!\n,;]*?)\?[ \t]*(?:n|no|none|negative)\b"
                               r"(?![ \t]*[-–—:,]?[ \t]*\w)", re.M)
"""A checklist question with a figure answered "No" ("Symptoms > 6 weeks? N", "Has the
patient completed at least 12 weeks of PT? No"): the figure is the payer's threshold,
and the "No" says only that it is not met."""
_BOUND_DENIED = re.compile(r"(?P<q>[^.?!\n:,;]*(?:[<>≥≤]=?|\bat least|\bmore than|\bless than|"
                           r"\bover|\bunder|\bminimum(?: of)?|\bmin\.?)[ \t]*\d[^.?!\n,:;]*?)"
                           r"[ \t]*[:=][ \t]*(?:n|no)(?![\w/])(?![ \t]*[-–—:,]?[ \t]*\w)", re.M)
"""So is a checklist's label with a bound answered "N" ("PT >= 12 weeks: N"): not 0
weeks of PT, only fewer than 12 (outside tester session 11 F18: 0 weeks of PT and of
each of its parts, 0 failed courses)."""


_NOTICE = re.compile(r"[^.\n]*\b(?:may|might|could|can)\s+contain\b[^.\n]*"
                     r"\b(?:information|records?|data|details)\b[^.\n]*(?:\.|$)", re.M)
"""A fax cover's or an e-mail's confidentiality notice ("This fax may contain information
about pregnancy, HIV ... or infectious diseases protected by law"): the sender's
boilerplate, about no patient."""


_NOTICE_CUE = re.compile(r"\b(?:may|might|could|can)\s+contain\b")
"""The words every ``_NOTICE`` holds: looked for first, because ``_NOTICE`` opens with
``[^.\n]*`` and is tried at every position of a note that has none (about a tenth of
the time a 2 KB note took to read)."""


def notices(lower: str) -> list[tuple[int, int]]:
    """The spans of confidentiality notices (``_NOTICE``) in ``lower``."""
    if not _NOTICE_CUE.search(lower):
        return []
    return [m.span() for m in _NOTICE.finditer(lower)]


_FAX_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d{1,2}/\d{1,2}/\d{2,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]m)?[ \t]+)?"
    r"(?:fax[ \t]+)?from[ \t]*:?[ \t]*[\d()+.-][\d \t()+.-]{6,}[ \t]+to[ \t]*:?[ \t]*"
    r"[\d()+.-][\d \t()+.-]{6,}(?:[ \t]+(?:p|pg|page)\.?[ \t]*\d{1,3}[ \t]*(?:/|of)[ \t]*\d{1,3})?"
    r"[ \t]*$")
"""A fax machine's transmission line at the head of each page ("11/23/2026 16:02  FROM:
4135550142  TO: 4135559901   P.001/004"): the day it was sent, no day of anything in the
pages, and no line of the document (its title is the line after it)."""


def fax_lines(lower: str) -> list[tuple[int, int]]:
    """The spans of fax transmission lines (``_FAX_LINE``): blanked before reading."""
    return [m.span() for m in _FAX_LINE.finditer(lower)] if "from" in lower else []


_QUESTION_REFUTED = re.compile(
    r"(?P<q>[^.?!\n:,;()]*(?:\d|\b(?:two|three|four|six|eight|twelve)\b)[^.?!\n,;()]*?)\?"
    r"(?=[ \t]*(?:no|nope|n|negative|incorrect|wrong|not (?:quite|really|so)|actually|only|never)"
    r"\b[ \t]*[-–—:,]?[ \t]*\w)", re.M)
"""A question with a figure its answer refutes or corrects ("Conservative treatment 10
weeks? No - 14 weeks.", "ODI improved from 50% to 30% over 6 weeks? No, that was her
other episode", "Failed 2 courses of PT? Only 1 course documented."): the question's
figure and words are what is doubted, not a fact (outside tester session 10 F1, F12,
F22); the answer after it is read as usual."""


def denied_thresholds(lower: str) -> str:
    """The questions of ``_THRESHOLD_DENIED``, ``_BOUND_DENIED`` and ``_QUESTION_REFUTED``
    blanked (same length): neither the figure nor a denial of the whole thing ("no PT")
    is read from them; what it asks stays asked."""
    # The two question patterns open with a run of any characters but a few and are tried at every
    # position; a match and what it looks at around it never leave its line and always
    # hold a "?". So only the lines with a "?" are searched: the same result, in a
    # fraction of the time (a 2 KB note spent about a sixth of its reading time here).
    # (a bound answered "N" needs no "?": only the lines with such an answer are searched)
    lower = "\n".join(_bound_blanked(line) if _BOUND_CUE.search(line) else line
                      for line in lower.split("\n"))
    if "?" not in lower:
        return lower
    return "\n".join(_question_blanked(line) if "?" in line else line
                     for line in lower.split("\n"))


def _bound_blanked(line: str) -> str:
    return _BOUND_DENIED.sub(lambda m: " " * len(m["q"]) + m.group(0)[len(m["q"]):], line)


_BOUND_CUE = re.compile(r"[:=][ \t]*no?(?![\w/])")
"""What every ``_BOUND_DENIED`` holds: looked for first, line by line."""


QUESTION_LEAD = re.compile(
    r"[ \t>*•-]*(?:(?:q(?:uestion)?[ \t#]*\d{1,3}[a-z]?[.):]?|\d{1,3}[a-z]?[.)]|\(?[a-h]\)|"
    r"\d{1,2}:\d{2}(?::\d{2})?|prompt|bot|ivr|payer|agent|caller|q)[ \t]*[:.]?[ \t]+)*[\"“']?")
"""What may come before a question's first word on its line: its number on a payer's
questionnaire ("Q15. Is the request ...", "3) Does ...", "(c) Has ..."), a call log's
time and speaker ('09:14:40 PROMPT "Does the member ...'), an opening quotation mark.
No figure of the question's (fresh19: "15) Is this for cosmetic reasons? No" was blanked
as a threshold answered No), and no word before it that makes it a sentence's end
("Q15. Is the request for a cosmetic purpose? No." read a cosmetic purpose)."""


_CLOCK = re.compile(r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t,]+)?\d{1,2}:\d\d(?::\d\d)?")
"""A log's time stamp, its day before it or not ("11/30 09:12", "14:05:33")."""


_WINDOW = re.compile(r"\b(?:in|within|over|during)?[ \t]*(?:the[ \t]+)?(?:past|last)[ \t]+"
                     r"\d{1,3}[ \t]*(?:hours?|hrs?|days?|d|weeks?|wks?|months?|mos?)\b")
"""A question's time window ("Any fever, chills, infection, or antibiotics in the past 2
weeks? No"): when the thing asked about would have been, no threshold of it; the "No"
denies the thing in that window (fresh27's call script: blanked as a threshold answered
No, the question's list before its last comma was left as a statement, an infection)."""


def _threshold_blanked(m: re.Match[str]) -> str:
    """A ``_THRESHOLD_DENIED`` question blanked, unless its only figures are a log's time
    stamp ("11/30 09:12 Any fever now? ... no": a call log's line, when it was asked, no
    figure the question asks about) or its time window (``_WINDOW``)."""
    # (the window only where no label stands before the question on its line: "Screening:
    # infection within the past 14 days? no." reads its "no" as the label's, and the
    # infection as stated; blanked, as before the window was known, it is asked)
    q = _CLOCK.sub("", m["q"])
    if ":" not in m.string[:m.start()]:
        q = _WINDOW.sub("", q)
    if not re.search(r"\d", q):
        return m.group(0)
    return " " * len(m["q"]) + m.group(0)[len(m["q"]):]


def _question_blanked(line: str) -> str:
    if (number := QUESTION_LEAD.match(line)) is not None and number.end():
        return line[:number.end()] + _question_blanked(line[number.end():])
    line = _THRESHOLD_DENIED.sub(_threshold_blanked, line)
    return _QUESTION_REFUTED.sub(lambda m: " " * len(m["q"]) + m.group(0)[len(m["q"]):],
                                 line)


_UNDERSCORE_BOX = re.compile(
    r"(?:(?<=\byes)|(?<=\bno)|(?<=\b[yn]))[ \t]*(?P<a>_+[x✓✔]_*|_*[x✓✔]_+|_{2,})(?![a-z])"
    r"|(?<![a-z])(?P<b>_+[x✓✔]_*|_*[x✓✔]_+|_{2,})(?=[ \t]*(?:yes|no|y|n)\b)")
"""A box drawn with underscores beside a form's answer ("Infection: ___ Yes _X_ No",
"Pregnant: Y ___ N _x_")."""


def underscore_boxes(lower: str) -> str:
    """Boxes drawn with underscores written as the bracket boxes the reader knows ("_X_"
    as "[x]", "___" as "[ ]"), right-aligned in the same length, so the ticked one
    answers the field (outside tester session 9: "Active infection: ___ Yes _X_ No" read
    the label as a yes)."""
    def box(m: re.Match[str]) -> str:
        drawn = m["a"] or m["b"]
        mark = "[x]" if drawn.strip("_") else ("[ ]" if len(drawn) >= 3 else "[]")
        pad = " " * (len(drawn) - len(mark))
        # (a box after its answer's word stays near the word, "yes [ ]": right-aligned,
        # "yes ____  no __x__" left a wide gap before "[x]", which splits a form's cells,
        # and the ticked "no" was lost: outside tester 31 F2)
        return m.group(0).replace(drawn, pad[:1] + mark + pad[1:] if m["a"] else pad + mark)
    # (every box drawn has an underscore; the pattern, opening with lookbehinds, is
    # otherwise tried at each character of the message)
    return _UNDERSCORE_BOX.sub(box, lower) if "_" in lower else lower


_RADIO = re.compile(r"\((?P<mark>[ •●◉xX*✓✔])\)(?=[ \t]*[a-z0-9<>≤≥])")
"""A radio button printed before its option ("( ) Yes  (•) No"), a portal's or a web
form's box: the filled one ("(•)", "(x)") is ticked, the empty one not."""


def radio_boxes(lower: str) -> str:
    """Radio buttons written as the bracket boxes the reader knows, same length, where a
    line holds an empty one and a filled one (fresh20's portal form: "Are you taking
    antibiotics for an infection right now?  ( ) Yes  (•) No" read the infection as so).
    A lone "(x)" in prose is no button."""
    if "( )" not in lower:
        return lower
    out = lower.split("\n")
    for i, line in enumerate(out):
        marks = [m["mark"] for m in _RADIO.finditer(line)]
        if " " in marks and any(k != " " for k in marks):
            out[i] = _RADIO.sub(lambda m: "[ ]" if m["mark"] == " " else "[x]", line)
    return "\n".join(out)


_UNFILLED = re.compile(
    r"(?P<label>[^\n:;|.,*_]{1,40}):[ \t]*(?:\*{2,}|_{2,}|-{2,}|—|\[\s*blank\s*\]|\(\s*blank\s*\)|"
    r"<\s*blank\s*>|\{[a-z][^{}\n]{0,40}:(?:\d{1,9}|\*{1,3})(?::[^{}\n]{0,40})?\})"
    r"(?:[ \t]*/[ \t]*10\b)?"
    r"(?=[ \t]*(?:$|[;|.,(]|[ \t]{2,}|[-–][ \t]|[a-z][^:\n]{0,40}:))", re.M)
"""A form field left blank: an unfilled SmartPhrase wildcard ("Active infection: ***"),
a blank line ("Cosmetic: __"), "[blank]" or a template's pick-list token left unchosen
("Failed conservative care: {Blank single:19197::"***"}", "Infection: {YES/NO:123}").
Followed only by the end of the field, the next field's label ("Pregnant: ***
Infection: ***") or a remark beside the blank ("Neuro exam: ________ (to be done at
visit)", "Infection: ___ - UA pending": the remark is no answer; fresh16 read the label
as the exam documented); a blank before the answers a form offers ("Infection: ___ Yes
_X_ No") is a box, not an empty field."""


_UNFILLED_CUE = re.compile(r":[ \t]*(?:\*\*|__|--|—|[\[(<]\s*blank|\{[a-z])")
_UNFINISHED_LINE = re.compile(r"^(?![ \t]*(?:\*{3}|_{3}))[^\n]*?[^\s*_][^\n]*?(?<![^\s(\[{:-])"
                              r"(?:\*{3,}|_{3,}|\{[a-z][^{}\n]{0,40}:\*{1,3}(?::[^{}\n]{0,40})?\})"
                              r"[ \t.]*$", re.M)
"""A line whose last word is a template's placeholder left as it was ("[x] Spine surgery
consult ***", "Failed medications: naproxen 500 mg BID x 8 wks - failed; oral steroid taper
- ***", "Records: PT notes, med list, ___"): the writer did not finish the entry, so what
the line names is no record or list stated whole (fresh24 read the consult as on file and
the failed drugs as one). The whole line is left unread: its facts are asked. A line
framed by the marks at both ends ("*** SPIROMETRY REPORT ***") is a title, no blank."""
"""What every ``_UNFILLED`` holds: looked for first, because ``_UNFILLED`` opens with a
label of up to 40 characters and is tried at every position of a note."""
_ANSWER = r"(?:yes|no|n/a|na|unknown|unk|y|n)(?!\w)"
"""A form's answer: yes, no, unknown or not applicable."""
_ANSWERS_APART = re.compile(
    rf"^(?P<labels>[^\n]*?(?<![\w/])(?!{_ANSWER})[a-z][\w/&'-]*)(?P<q>[ \t]*\?)?[ \t]*"
    r"(?:\([a-z]{1,3}(?:/[a-z]{1,3})+\))?[ \t]*[:=]?[ \t]*(?<!\w)"
    rf"(?P<run>{_ANSWER}(?:[ \t]*[/,|]?[ \t]*{_ANSWER})+)[ \t.]*$", re.M)
"""A line whose answers stand apart from their labels: a table flattened with its labels
first and its answers after ("Active infection Pregnancy Cosmetic: No No No"; outside
tester session 11 F4), or a form's field with every answer printed and none marked
("Pregnant  Y  N", "Pregnant: Y / N"; F2). Which answer is whose cannot be read back.
(A question answered with the same word again, "pregnant? no no", is an answer.)"""


_EMPTY_CELLS = re.compile(r"^[ \t]*(?P<label>[^\t\n:]*[a-z][^\t\n:]{0,40}?)[ \t]*\t[ \t]*\t[ \t]*$",
                          re.M)
"""A spreadsheet's row whose label is followed by empty cells only ("Pulm consult<TAB>
<TAB>" under "Item<TAB>On file<TAB>Date"): its answer is blank, not the label affirmed
(fresh13 read the consult as on file). A field already answered ("Cosmetic<TAB>no<TAB>
<TAB>", read as "cosmetic:no") is not one."""


_PLACEHOLDER_MARK = re.compile(r"\*\*\*|___|:\*")
"""A placeholder's marks: only the lines holding one can match ``_UNFINISHED_LINE``, whose
two lazy runs cost the square of a line's length, so those lines are found first (by the
mark, then its line: a pattern of the whole line tried from every character costs the
square of every line's length too; a 10 KB note read 20 % slower with it)."""


def _unfinished_lines(lower: str) -> Iterator[re.Match[str]]:
    line_end = -1
    for mark in _PLACEHOLDER_MARK.finditer(lower):
        if mark.start() < line_end:
            continue  # another mark of a line already tried
        line_start = lower.rfind("\n", 0, mark.start()) + 1
        line_end = lower.find("\n", mark.end())
        line_end = len(lower) if line_end < 0 else line_end
        found = _UNFINISHED_LINE.match(lower, line_start, line_end)
        if found:
            yield found


_UNCHOSEN_BOX = re.compile(r"^[ \t>*•-]*[\[{<][ \t]*(?:select|select one|choose|choose one|pick|"
                           r"pick one|\*{1,3}|\?)[ \t]*[\]}>][^\n]*", re.M)
"""A checklist line whose box is a pick-list left unchosen ("[select] Pain management /
ortho consult", fresh18; "{choose} MRI report", "[***] PT notes"): neither ticked nor
unticked, asked."""


_FIELD_APART = re.compile(r"\||\t| {3,}|\[[ \t]?\]|\[[x✓✔]\]|☐|☑|☒")
"""What sets a line's fields or options apart ("Baseline NRS: 7 | Current NRS: ***", "☑ None
☐ DM ☐ Other ____"): an unfinished last one leaves the ones before it whole."""


def _unfinished_field(m: re.Match[str], written: str) -> tuple[int, int]:
    """The unfinished entry of an ``_UNFINISHED_LINE``: from the last field's start, as the
    message was written (a table's bars are read as colons by then)."""
    apart = [x.end() for x in _FIELD_APART.finditer(written, m.start(), m.end())]
    return (apart[-1] if apart else m.start()), m.end()


_OPTION = r"[a-z§](?:[a-z§'-]|[ \t](?=[a-z§]))*"
"""An option's words ("§§" is "Pt" marked as the patient by then)."""
_UNCHOSEN_OPTIONS = re.compile(
    rf"[\[{{][ \t]*(?P<options>{_OPTION}(?:[ \t]*/[ \t]*{_OPTION})+)[ \t]*[\]}}]")
"""A template's choice left unmade: the options it offers, none picked ("Pt {has/has not}
had an active infection.", "[Patient is / is not] pregnant.", "Bacterial pneumonia:
[suspected/not suspected]", "Gait: [normal/abnormal]"). Each option names another state,
so the sentence states none (outside tester 28 F1 read the first option, or the words
around the pair: an infection, no response to care, not pregnant)."""
_NOT_OPTIONS = re.compile(r"and/or|[dmyja]+(?:/[dmyja]+)+")
"""A slash that joins, not offers: "[and/or]"; a date's format ("[DD/MM/YYYY]", "[MM/DD/YY]",
"[JJ/MM/AAAA]" is no choice but says how the date beside it is written)."""
_MID_PLACEHOLDER = re.compile(r"(?<=[a-z] )\*{3}(?= (?P<next>[a-z]+))")
"""A placeholder left in a sentence's middle where a word belongs ("Pt *** clinically
unstable."): the sentence's statement hangs on the missing word ("is", "is not"), so it
states nothing. Not one before a unit ("pain x *** months": only the figure is missing)
nor a title's frame ("*** FAX ***  Northgate ...")."""
_PLACEHOLDER_UNITS = frozenset({"weeks", "wks", "wk", "months", "mos", "mo", "days", "years",
                                "yrs", "times", "sessions", "visits", "courses", "sets", "x"})
_STATEMENT_END = re.compile(r"[.;!?\n|\t]|[ \t]{3}")


def _statement_around(lower: str, a: int, b: int) -> tuple[int, int]:
    """The statement holding ``lower[a:b]``: from the end mark before it to the one after
    it (a sentence, a clause after a semicolon, a form's field)."""
    before = [m.end() for m in _STATEMENT_END.finditer(lower, max(0, a - 200), a)]
    after = _STATEMENT_END.search(lower, b)
    return (before[-1] if before else max(0, a - 200)), (after.start() if after else len(lower))


def _unchosen(lower: str) -> list[tuple[int, int]]:
    """The statements whose template choice is left unmade (``_UNCHOSEN_OPTIONS``,
    ``_MID_PLACEHOLDER``): nothing is read from them, so the fact is asked."""
    spans = []
    if "/" in lower and ("[" in lower or "{" in lower):
        for m in _UNCHOSEN_OPTIONS.finditer(lower):
            options = [o.strip() for o in m["options"].split("/")]
            if _NOT_OPTIONS.fullmatch(re.sub(r"[ \t]*/[ \t]*", "/", m["options"])) or \
                    (min(len(o) for o in options) < 2 and set(options) != {"y", "n"}):
                continue  # "[w/ contrast]", "[s/p]": an abbreviation's slash
            spans.append(_statement_around(lower, *m.span()))
    for m in _MID_PLACEHOLDER.finditer(lower) if " *** " in lower else ():
        line_start = lower.rfind("\n", 0, m.start()) + 1
        if m["next"] not in _PLACEHOLDER_UNITS and "***" not in lower[line_start:m.start()]:
            spans.append(_statement_around(lower, *m.span()))
    return spans


def unfilled(lower: str, written: str | None = None) -> list[tuple[int, int]]:
    """The spans of fields left blank, label and all (outside tester session 9 F1: the
    label of "Active infection: ***" was read as a yes), of statements whose template
    choice is left unmade (``_unchosen``) and of lines whose answers stand apart from
    their labels (``_ANSWERS_APART``). Nothing is read from them, so the fact is asked."""
    blank = [m.span() for m in _UNFILLED.finditer(lower)] if _UNFILLED_CUE.search(lower) else []
    blank += _unchosen(lower)
    blank += [m.span() for m in _EMPTY_CELLS.finditer(lower)] if "\t\t" in lower else []
    blank += [m.span() for m in _UNCHOSEN_BOX.finditer(lower)]
    blank += [_unfinished_field(m, written or lower) for m in _unfinished_lines(lower)]
    return blank + [m.span() for m in _ANSWERS_APART.finditer(lower)
                    if not (m["q"] and len(set(re.findall(r"[a-z/]+", m["run"]))) == 1)]


_OPTION_CODE = re.compile(
    r"[:?][ \t]*(?P<code>\d{1,2}\.)[ \t]+(?:yes|no|unable to (?:answer|respond|assess)|"
    r"not assessed|almost constantly|constantly|frequently|occasionally|rarely|never|always|"
    r"sometimes|mild|moderate|severe|very severe(?:, horrible)?|none)"
    r"(?=[ \t]*(?:$|\(|[ \t]{2}))", re.M)
"""A coded answer a form prints after its item ("J0300. Pain Presence: 1. Yes", "J0400.
Pain Frequency: 2. Frequently", "Should the Staff Assessment be Conducted? 0. No"): the
option's code is no figure of any fact (fresh16: the MDS item's "1. Yes" was read as a
pain score of 1), and its full stop ends no sentence. Only after a label's colon or a
question mark, and only an answer that ends its line or field: "Pain: 7. No radiation."
keeps its 7, and numbered replies ("1. yes 2. no") are answers."""


_CRITERIA_HEAD = re.compile(r"^[ \t]*\|?[ \t]*(?:criterion|criteria|requirements?|"
                            r"policy requirements?|policy criteria|exclusions?)[ \t]*\|"
                            r"[ \t]*(?:met|meets|present|y/n|yes/no|status)\b[^\n]*$", re.I | re.M)
_ROW_FIGURE = re.compile(r"(?:(?:[<>≤≥]=?|\bat least|\bmin\.?)[ \t]*)?(?<![\w./-])\d+(?:\.\d+)?"
                         r"[ \t]*(?:wks?|weeks?|mos?|months?|days?|"
                         r"yrs?|years?|sets?|courses?|%|/10)?(?![\w/])", re.I)
"""The figures of a criteria worksheet's first column, under a header "CRITERION | MET? |
EVIDENCE": each is the payer's threshold ("- exercise/stretching 6 wks | Y | 8 wks per
d/c summary"), never the patient's figure, which is in the evidence (fresh13 read the 6
weeks of the criterion as the patient's)."""


def criterion_cells(text: str) -> list[tuple[int, int]]:
    """The figures in the first cell of each row under ``_CRITERIA_HEAD``, down to the
    first line that is no row of the table."""
    out: list[tuple[int, int]] = []
    for head in _CRITERIA_HEAD.finditer(text):
        at = head.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            bar = text.find("|", at, end)
            if bar < 0:
                break
            out += [m.span() for m in _ROW_FIGURE.finditer(text, at, bar)]
            at = end + 1
    return out


_UNIT_WORDS = (r"(?:ml|mls|cc|l|dl|mg|mcg|ug|g|kg|lb|lbs|kcal|cal|calories|units?|iu|cells|k|"
               r"steps|m|km|ft|feet|meters?|metres?|mm|cm|mmhg|mmol|umol|x|times|pts?|points?)")
"""Units a figure opening a line may carry ("1200 mL urine", "2000 kcal"): no clock time."""
_LOG_TIME = re.compile(r"^[ \t]*(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]{2,}|\t|[ \t]+(?!" + _UNIT_WORDS +
                       r"\b)[a-z§\[(])", re.M)
"""A 24-hour clock time opening an entry of a timed log ("2310  Labs: WBC 12.6 K", "0005
PT records: ... 24 weeks", "2200 labs: CBC WBC 11.4 K/uL"): fresh19's ED note read "2310"
as a rival white cell count. Not a figure with its unit ("1200 mL urine")."""
_DATED_TIME = re.compile(r"(?<![\d/.-])(?:\d{4}-\d{3}|\d{4}-\d{1,2}-\d{1,2}|"
                         r"\d{1,2}([/.-])\d{1,2}\1\d{2,4}|"
                         # (a day with no year before what may be its year, "12/05 2026", is
                         # left as it is)
                         r"\d{1,2}/\d{1,2}(?![ \t]+(?:@[ \t]*)?(?:19|20)\d\d))"
                         r"[ \t]+(?:@[ \t]*)?(?P<time>(?:[01]\d|2[0-3])[0-5]\d)(?![\d.,/%])"
                         r"(?![ \t]*" + _UNIT_WORDS + r"\b)")
"""A 24-hour time right after a day ("12/05 0815: WBC 10.4 K", a Julian "2026-338 0430:",
"2026-337 1800  T 37.4"): when it was taken, never a white count of 815 nor a figure of
anything else."""


def log_times(lower: str, text: str = "") -> list[tuple[int, int]]:
    """The times of ``_LOG_TIME``, to be blanked, where two lines or more open with one
    (a log, not a line that opens with a figure: "1200  mL urine"). Lines are those of
    ``text`` as written (a line after one that ends in a word is joined to it in ``lower``:
    "WBC 10.9 K\n2230 MD aware")."""
    lines = text.lower() if len(text) == len(lower) else lower
    found = [m.span() for m in _LOG_TIME.finditer(lines) if lower[m.start():m.end()] == m[0]]
    return found if len(found) >= 2 else []


def dated_times(lower: str) -> list[tuple[int, int]]:
    """The spans of the times a day dates (``_DATED_TIME``). Not blanked: an entry's day
    and time together order a log's entries ("12/05 1900 ... 12/06 0400")."""
    return [m.span("time") for m in _DATED_TIME.finditer(lower)]


_PLACE_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z'&.-]+[ \t]+){1,4}(?:Imaging|Radiology|IMAGING|RADIOLOGY)"
    r"(?:[ \t]+(?:Center|Centre|Centers|Associates|Group|Partners|Services|Institute|Clinic|"
    r"LLC|Inc|PC|of[ \t]+[A-Z][A-Za-z]+))?(?![ \t]*[:=]|[ \t]+(?:report|study|studies|"
    r"done|dated|on|of|from|shows?|showed|\d))")
"""A place named after what it does, a facility ("Valley Imaging", "Summit Radiology
Associates", "Advanced Imaging of Tulsa"): its name is no study. Capitalised words before
it; not a label ("Prior Imaging: MRI 2025") nor a study said to be done or to show
("Outside Imaging dated 10/01", "Recent Imaging shows ...")."""
_NOT_PLACE = re.compile(r"(?:prior|previous|recent|outside|old|new|repeat|advanced|spine|"
                        r"lumbar|cervical|thoracic|chest|neuro|cross-sectional|diagnostic|"
                        r"follow-up|further|additional|no|any|all|the)[ \t]+"
                        r"(?:imaging|radiology)$", re.I)
"""A place's name of one word before its trade that is rather a kind of study ("Prior
Imaging", "Lumbar Imaging")."""


def place_names(text: str) -> list[tuple[int, int]]:
    """The spans of facilities' names (``_PLACE_NAME``) in ``text``, to be blanked: a claims
    history's provider column, "Valley Imaging", read as a CT or MRI on the row's date
    (outside tester session 22 M1's rows)."""
    return [m.span() for m in _PLACE_NAME.finditer(text)
            if not _NOT_PLACE.fullmatch(m.group(0).strip())]


def option_codes(lower: str) -> list[tuple[int, int]]:
    """The codes of ``_OPTION_CODE`` answers, to be blanked: the option's word stays the
    field's answer ("Active infection: 0. No" is "Active infection: No")."""
    return [m.span("code") for m in _OPTION_CODE.finditer(lower)]


_TICKED_BOX = re.compile(r"\[[x✓✔]\]|☑|☒")
_UNTICKED_FIGURE = re.compile(
    r"(?:\[[ \t]?\]|☐)[ \t]*(?P<option>(?:[<>≤≥=~]|&[lg]t;){0,2}[ \t]*\d[\d.,]*"
    r"(?:[ \t]*(?:[-–]+|to)[ \t]*\d[\d.,]*)?[ \t]*\+?"
    r"(?:[ \t]*(?:x[ \t]*)?(?:/|per[ \t]+)?(?:[a-z]{1,8}\.?|%))?(?:[ \t]*/[ \t]*[a-z]{1,5}\.?)?"
    r"(?:[ \t]*(?:or more|or less|\+))?)"
    r"(?=[ \t]*(?:$|\[|☐|☑|☒|[ \t]{2}|\t|[,;|]))", re.M)
"""A figure offered as one option of a row of boxes ("Courses failed: [ ] 1  [x] 2  [ ] 3+",
"Duration: [ ] < 6 wks  [x] 6-12 wks  [ ] > 12 wks"): only the ticked option is the
answer, so an unticked option's figure (and its unit) is no value (p26a read the 1 the
form printed, not the 2 ticked). Only a figure with at most its unit fills the option, so
a record's box ("[ ] 2 views x-ray") still denies its record."""


_TICKED_BOUND = re.compile(r"(?:\[[x✓✔]\]|☑|☒)[ \t]*(?:[<>≤≥]|&[lg]t;|at least|more than|less than|"
                           r"over|under)")
"""A ticked option that is a bound ("[x] >= 12 wks"): a band, no figure, like a range; its row
is left whole, so the bound is asked as it was (p26a's "[ ] < 12 wks  [x] >= 12 wks")."""


def unticked_figures(lower: str) -> list[tuple[int, int]]:
    """The unticked figure options of ``_UNTICKED_FIGURE`` on lines where a box is ticked,
    to be blanked with their boxes (a box left empty would answer its label "no")."""
    if "[" not in lower and "☐" not in lower:
        return []
    spans = []
    for m in _UNTICKED_FIGURE.finditer(lower):
        start = lower.rfind("\n", 0, m.start()) + 1
        end = lower.find("\n", m.end())
        end = end if end >= 0 else len(lower)
        if _TICKED_BOX.search(lower, start, end) and not _TICKED_BOUND.search(lower, start, end):
            spans.append(m.span())
    return spans


_WORD_OPTION = re.compile(r"(?P<box>\[[ \tx✓✔]?\]|☐|☑|☒)[ \t]*"
                          r"(?P<word>[a-z][a-z/'-]*(?:[ \t][a-z][a-z/'-]*){0,3})"
                          r"[ \t]*(?=\[|☐|☑|☒|$|[,;|])", re.M)
_WORD_ROW = re.compile(r"(?<=:)[ \t]*(?P<row>(?:(?:\[[ \tx✓✔]?\]|☐|☑|☒)[ \t]*[a-z][a-z/'-]*"
                       r"(?:[ \t][a-z][a-z/'-]*){0,3}[ \t]*[,;|]?[ \t]*){2,})$", re.M)
"""A field answered by ticking one of a row of worded options after its colon ("Pneumonia:
[ ] suspected  [x] ruled out", "Infection: [x] present [ ] absent")."""


@cache
def _status_options() -> frozenset[str]:
    return frozenset(load_yaml(Path(__file__).with_name("context.yaml")).get("status_options", []))


def unticked_words(lower: str) -> list[tuple[int, int]]:
    """The unticked options of a worded row of boxes (``_WORD_ROW``), each blanked with its
    box: only the ticked option answers the label, and none ticked leaves it unanswered
    (outside tester 30 F7: "Pneumonia: [ ] suspected  [ ] ruled out" read no pneumonia from
    the printed "ruled out"; "[x] suspected  [ ] ruled out" too). Only a row of statuses
    (``status_options`` in ``context.yaml``); a yes/no row is ``facts.box_answer``'s."""
    if "[" not in lower and "☐" not in lower:
        return []
    spans = []
    for row in _WORD_ROW.finditer(lower):
        options = list(_WORD_OPTION.finditer(lower, row.start("row"), row.end("row")))
        if len(options) < 2 or not all(o["word"] in _status_options() for o in options):
            continue  # (a list of things each boxed, "[x] diabetes [ ] COPD", denies the unticked)
        spans += [o.span() for o in options if not _TICKED_BOX.fullmatch(o["box"])]
    return spans


_KEY_OPTION = re.compile(r"(?<![\w/])(?:press(?:ed)?[ \t]+|say[ \t]+)?(?P<key>\d)[ \t]*"
                         r"(?:for|=|:|-|–|\)|\.)?[ \t]*(?P<word>yes|no|not applicable|n/a|"
                         r"unsure|unknown|not sure|don'?t know)\b")
_KEY_PICKED = re.compile(r"\b(?:key(?:press(?:ed)?)?|dtmf|digit|pressed|selected|selection|"
                         r"input|entered|response|chose)[ \t]*[:=#]?[ \t]*(?P<key>\d)(?![\w/])"
                         r"|(?P<none>no input|no key|time-?out|timed out|no response|"
                         r"no selection|hung up|disconnected)")
_KEY_WORDS = {"not applicable": "n/a"}
"""A spoken menu's answer, written short enough to take the place of the menu."""


def key_answers(lower: str) -> str:
    """A phone menu's question answered by a key ('PROMPT "Does the member have an active
    infection? Press 1 for yes, 2 for no." -> KEY 2'): the menu and the key after the
    question mark are written as the option's word ("...infection? no"), same length, so
    the question reads as "Postpartum? No" does; a menu left unanswered ("-> (no input)
    -> TIMEOUT") or answered with a key it does not offer is blanked, question and all:
    a question's words are no statement, and nothing answered it (fresh19: the
    cosmetic question timed out and read as a cosmetic purpose)."""
    if "?" not in lower:
        return lower
    return "\n".join(_key_answered(line) if "?" in line else line
                     for line in lower.split("\n"))


def _key_answered(line: str) -> str:
    """``line`` with each menu's question answered by its key: the menu and the key are
    written as the option's word, from the question mark to the key, and what follows the
    key is kept (a line may hold the call's next question, or the writer's own sentences
    after it: "Pregnant? Press 1 for yes, 2 for no. INPUT 2. Pain 7/10 now.", outside
    tester session 22 M2, where the rest of the line was written over and lost)."""
    marks = [m.end() for m in re.finditer(r"\?", line)]
    out = line
    for k, at in enumerate(marks):
        stop = marks[k + 1] - 1 if k + 1 < len(marks) else len(line)
        found = list(_KEY_OPTION.finditer(line, at, stop))
        options = {m["key"]: m["word"] for m in found}
        if len(options) < 2:
            continue
        picked = _KEY_PICKED.search(line, found[-1].end(), stop)
        if picked is None:
            continue  # no key said: the menu as it is
        if picked["none"] or picked["key"] not in options:
            # nothing answered the question: its words, from its sentence's start, go too
            opened = max(line.rfind(c, 0, at - 1) for c in ".!?;") + 1
            out = out[:opened] + " " * (picked.end() - opened) + out[picked.end():]
            continue
        # (the bracket the key's note closes is the menu's too: "[member selected 2]")
        end = picked.end() + len(re.match(r"[ \t]*[\])]?", line[picked.end():stop])[0])
        word = _KEY_WORDS.get(options[picked["key"]], options[picked["key"]])
        out = out[:at] + (" " + word).rjust(end - at) + out[end:]
    return out


_ASKED_EXAMPLES = re.compile(
    r"\((?P<list>(?:e\.?g\.?|i\.?e\.?|eg|such as|for example|for instance|including|incl\.?|like)"
    r"[ \t,:]+[^()\n]+|[^()\n]*?(?:,|\bor\b|/)[^()\n]*)\)(?=[ \t]*\?)")
"""The examples a question gives in brackets right before its question mark ("Does the
patient have severe comorbidities (diabetes, cardiovascular disease)? No.", "Signs of
bacterial pneumonia (fever >38 C, WBC >15,000)? No."): the asker's list, no finding of the
patient's; the answer after the mark decides (outside tester session 15 F16: read
diabetes from a form answered "No")."""
_EXAMPLE_FIGURE = re.compile(r"(?<![<>≥≤=]\s)(?<![<>≥≤=])\b\d")
"""A figure in the brackets that no bound precedes ("PT (12 wks, 2x/wk)?"): the asker's
reading of the patient to confirm, not examples."""


_BOXED_EXAMPLES = re.compile(
    r"\((?!(?:[ \t]*(?:y|n|yes|no|u|unk|na|n/a|nk)[ \t]*(?:/|,|\bor\b)?)+\))"
    r"(?P<list>[^()\n]*?(?:,|\bor\b|/)[^()\n]*)\)(?=[ \t]*:[ \t]*(?:"
    r"(?:\[[ \t]*\][ \t]*(?:yes|y)\b[ \t]*)?\[[ \t]*[x\u2713\u2714][ \t]*\][ \t]*(?:no|n)\b))")
"""The same list before a form's label answered No by a ticked box ("Severe comorbidity
(CVD / COPD / ESRD): [ ] Yes [X] No"): the form's examples, all denied (outside tester 25
F3: all three read as the patient's, from a ticked No; a bare "No" after the list is
read by the list's own denial, session 21's F3). A Yes
keeps its list ("Labs (CBC, BMP, creat): Y" names the labs on file). A legend of the
answers ("(Y/N): N") is no list of examples: it stays for the answer's reading."""


def question_examples(lower: str) -> list[tuple[int, int]]:
    """The spans of ``_ASKED_EXAMPLES`` and ``_BOXED_EXAMPLES`` (the brackets and what
    they hold), to be blanked."""
    found = list(_BOXED_EXAMPLES.finditer(lower)) if "(" in lower else []
    if "?" in lower:
        found += _ASKED_EXAMPLES.finditer(lower)
    return [m.span() for m in found
            if not _EXAMPLE_FIGURE.search(re.sub(r"(?<=\d)[,.](?=\d)", "", m["list"]))]


_DEGREE_ASKED = re.compile(r"[ \t>*•-]*(?:\d{1,2}[.)][ \t]*)?(?:severe|significant|marked|extreme|"
                           r"serious)\b(?![^\n?]*\b(?:comorbid\w*|conditions?|diseases?|illness(?:es)?|"
                           r"disorders?|problems?|issues?)\b)[^\n?]*$")
"""A triage question of a symptom's degree ("1. Severe difficulty breathing? N"): its answer
is the degree's, not the symptom's (fresh17's protocol read no breathing symptoms); a class
of conditions said severe ("Other severe comorbidity? N") is the class asked."""


_ARROW_ANSWER = re.compile(r"\?[ \t]*(?:-->|->|→|=>)(?=[ \t]*(?:yes|no|none|n/a|na|negative|"
                           r"positive|nope|nil|y|n)(?![\w/]))")
"""A question answered yes or no after an arrow ("Cosmetic indication? -> No.", a payer's
fax-back form typed by an office; f30's note read a cosmetic purpose, "Active infection? ->
No" an infection): the arrow is the answer's colon, as in a call log's "PT? -> two
courses"."""


def asked_fields(lower: str) -> str:
    """"Postpartum? No" read as the field "Postpartum: No" (same length); so is
    "Postpartum? -> No"."""
    lower = _ARROW_ANSWER.sub(lambda m: "?" + " " * (len(m.group(0)) - 1), lower)

    def field(m: re.Match[str]) -> str:
        line = lower[lower.rfind("\n", 0, m.start()) + 1:m.start()]
        if _DEGREE_ASKED.match(line):
            return "?"
        # A bare letter is a checklist's answer only to a label of its own, opening its
        # line or its cell: after a heading's colon ("Pre-op screen (RN): Fever/infection?
        # N") the field is not one the reader takes apart, and an "N" it cannot take as
        # the field's answer is no denial: left a question
        cell = re.split(r" {2,}|\t|[.;!?](?=\s)", line)[-1]
        letter = re.match(r"\?[ \t]+[yn](?![\w/])", lower[m.start():m.start() + 40])
        return "?" if letter and ":" in cell else ":"
    return _ASKED_FIELD.sub(field, lower)


_SPEAKER = re.compile(r"[ \t]*(?:\[[^\]\n]{1,40}\][ \t]*)?(?P<who>[a-z][\w .'/&-]{0,30}?)"
                      r"[ \t]*(?:\([^()\n]{0,30}\))?[ \t]*:[ \t]*")
"""A transcript line's speaker ("Bot:", "Provider (clinic RN):", "[10:02] Jenna R:")."""
_NUMBERED_QUESTION = re.compile(r"[ \t>*•-]*(?:q|question)[ \t]*(?:#?(?P<n>\d{1,2})[.):]?|:)[ \t]")
"""A question of a payer's numbered list ("Q5. ...", "Question 3: "), or of a Q&A line
with no number ("Q: Weeks of PT? A: twelve."; phrase26a)."""
_FIGURE_ANSWER = re.compile(r"\?[ \t]*(?:(?:answer|ans|a|response|reply|resp)[ \t]*[:.=-])?[ \t]*"
                            r"(?:(?:about|around|approx\.?|roughly|~)[ \t]*)?"
                            r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                            r"twelve|a|an)\b)")
"""The answer of a Q&A line with no number, where it is a figure ("? A: 11 weeks", "? A:
two"): only such an answer is read as the question's field; a word answer ("A: im a guy
lol" to "Are you pregnant?", "A: Not yet" to "MRI?") is left to the rules of answers."""
_ANSWER_WORD = r"(?:answer|ans|a|response|reply|resp)"
CONTRAST = r"(?:but|however|although|though|whereas|while|yet)"
"""Words that open a second statement against the first ("No infection on the MRI, but the
UA shows a UTI")."""
"""The words that label a writer's answer, under its question or after it on its line."""
_ANSWER_LABEL = re.compile(rf"[ \t>*•-]*{_ANSWER_WORD}[ \t]*#?\d{{0,2}}[.):][ \t]*")
"""The label of the answer under a numbered question ("A5.", "Answer:")."""
_ANSWERED = re.compile(r"\?(?=[ \t]+(?!(?:q|question)[ \t]*#?\d|\d{1,2}[.)][ \t])[^\s?])")
"""A question mark with the writer's answer after it on its line (not the next question)."""
_BRACKETED = re.compile(r"\([^()\n]*\)")


def _opened(line: str, start: int, mark: int) -> int:
    """Where the question ending at ``mark`` opens: after the sentence or label before it
    (a bracket's colon, "(policy: at least 6 weeks)", opens nothing)."""
    bare = _BRACKETED.sub(lambda m: " " * len(m.group(0)), line)
    return max(start, *(bare.rfind(c, start, mark) + 1 for c in ".!?:"))


def _figure_asked(question: str) -> bool:
    """The question holds a figure of its own ("Has she done 12 weeks of PT?"): the
    asker's, which the rules about questions judge (``question_spans``); a payer's
    threshold in brackets ("(policy: at least 6 weeks)") is not the question's figure."""
    return bool(re.search(r"\d", _BRACKETED.sub("", question)))


def _as_field(line: str, start: int, figures_only: bool = False) -> str:
    """``line`` with each answered question mark after ``start`` made a field's colon (only
    those answered with a figure, ``figures_only``)."""
    chars = list(line)
    for m in _ANSWERED.finditer(line, start):
        if figures_only and not _FIGURE_ANSWER.match(line, m.start()):
            continue
        if not _figure_asked(line[_opened(line, start, m.start()):m.start()]):
            chars[m.start()] = ":"
    return "".join(chars)


def _speakers(lines: list[str]) -> set[str]:
    """The labels that open two lines or more: a transcript's speakers recur, a form's
    label does not."""
    seen: dict[str, int] = {}
    for line in lines:
        if m := _SPEAKER.match(line):
            seen[m["who"].strip()] = seen.get(m["who"].strip(), 0) + 1
    return {who for who, n in seen.items() if n >= 2}


@lru_cache(maxsize=4)
def speaker_heads(lower: str) -> frozenset[int]:
    """Where each line a transcript's speaker opens ends its label ("dr. natarajan: ",
    the speakers of ``_speakers``): the label is the line's heading, not a field's."""
    lines, out, at = lower.split("\n"), set(), 0
    speakers = _speakers(lines)
    for line in lines:
        m = _SPEAKER.match(line)
        if m and m["who"].strip() in speakers:
            out.add(at + m.end())
        at += len(line) + 1
    return frozenset(out)


def _answer_below(lines: list[str], i: int, speakers: set[str]) -> re.Match[str] | None:
    """The label opening line ``i + 1`` where it answers the one question line ``i`` ends
    with: an answer's label under a numbered question, another speaker under a speaker.
    (A line of two questions, "Any active infection? Pregnancy?", leaves its answer
    unassigned; so does an answer its speaker goes on with on the next line, "8/10" then
    "wait thats his wifes ... his is 5/10": which line answers is not one line's to say.)"""
    line, below = lines[i], lines[i + 1]
    if not line.rstrip().endswith("?") or line.count("?") > 1:
        return None
    if _NUMBERED_QUESTION.match(line):
        return _ANSWER_LABEL.match(below)
    asker, answer = _SPEAKER.match(line), _SPEAKER.match(below)
    if not (asker and answer and {asker["who"].strip(), answer["who"].strip()} <= speakers and
            asker["who"].strip() != answer["who"].strip()):
        return None
    more = _SPEAKER.match(lines[i + 2]) if i + 2 < len(lines) else None
    return None if more and more["who"].strip() == answer["who"].strip() else answer


_LABEL_AFTER_QUESTION = re.compile(rf"(?<=\?)(?P<gap>[ \t]*{_ANSWER_WORD}[ \t]*[:.=-])"
                                   r"(?=[ \t]*\S)")
"""The label of an answer after its question ("...cosmetic purpose? Answer: No.", "Q: Any
infection? A: No", on one line; one on the next line is answered_questions'): blanked (same
length), so the answer stands right after its question,
as in "...cosmetic purpose? No." Read with the label between, the question's own words
were the finding (outside tester 17, F1: cosmetic, infection, pregnant, each a denial)."""


_DROPDOWN = re.compile(r"(?<=:)(?P<gap>[ \t]*)\[(?P<value>(?:yes|no|none|n/?a|unknown|"
                       r"not applicable|negative|positive|denied|absent|present)\b"
                       r"[^\]\[\n]{0,60})\]")
"""An EHR dropdown's value in brackets after its label ("Pregnant: [No]", "Active
infection: [Yes - UTI]"): the brackets read as spaces (same length), so each label keeps its
own answer. With the brackets, a row of them ("Active infection: [No]   Pregnant: [No]
Cosmetic: [No]") read pregnant and cosmetic (outside tester 17, F2). Boxes ("[x]", "[ ]")
are not values and stay."""


_QUOTED_ANSWER = re.compile(r"(?:(?<=[?=])|(?<=[^\"”]:))(?P<gap>[ \t]*)[\"'“‘]"
                            r"(?=[ \t]*(?:\d+|yes|no|none|nope|negative|positive|denies|denied|"
                            r"n/a|not applicable)\b"
                            r"[ \t]*[.,!;:\"'”’-])")
"""The opening quote of an answer written as the patient's own words after its question or
label ('Could you be pregnant?  "No, hysterectomy in 2019."', 'Infection: "no"'): read as a
space (same length), so the answer stands beside its question as an unquoted one does. With
the quote, the answer went unseen and the question's own words were the finding (fresh27's
pre-procedure call script read a 61-year-old's "No" as pregnant, and 'any fever or
infection?  "No."' as an active infection: each a denial). A quoted figure is an answer
too ('pain now 0-10?  "8."'). Only an answer that ends or pauses right after its word: a
quoted sentence ('Chart: "no active infection" -- NOTE: belongs to a different patient')
keeps its quotation marks, and what they say about whose words these are; so does a JSON
export's value ('"symptom_onset":"2026-08-20"', its key quoted before the colon)."""


_CLOSING_QUOTE = re.compile(r"[\"'”’]")


def _unquoted_answers(lower: str) -> str:
    """``lower`` with each ``_QUOTED_ANSWER``'s quotation marks read as spaces: the opening
    one, and the one closing it on its line after a bare answer ('"No."' after a question
    with a time window was still a quotation, its "No" someone's words, and the question's
    "infection" stood as stated)."""
    chars = list(lower)
    for m in _QUOTED_ANSWER.finditer(lower):
        opening = m.end() - 1
        chars[opening] = " "
        line_end = lower.find("\n", opening)
        # (only a bare answer's: a longer quotation, "yes, physio 2x a week, 9 or 10 wks.",
        # keeps its end, where its sentence ends)
        close = _CLOSING_QUOTE.search(
            lower, opening + 1, min(opening + 14, len(lower) if line_end < 0 else line_end))
        if close is not None:
            chars[close.start()] = " "
    return "".join(chars)


_NO_AND_DENIAL = re.compile(r"(?<=[:?=])(?P<no>[ \t]*no),(?=[ \t]*(?:none|nothing|never|"
                            r"negative|denies|denied|no)\b)")
"""An answer "No, none" after its question or label: one denial said twice. "No," alone
is no denial (it opens what the writer says instead: "no, she had PT in May"), so the
comma is read as a full stop and the "no" answers its label as "No." does ('Fever, chills,
infection, or antibiotics: No, none.' read the infection in the label as stated)."""


_DOUBLE_NEGATIVE = re.compile(r"\bnot[ \t]+(?:negative|positive)\b")
"""A result said by denying a result ("Pregnancy test: NOT negative - hCG positive", "hCG
not positive"): it says which result it is not, not which it is (equivocal, pending,
repeated?), so neither is read from it (blanked, same length). Read word by word, the
"negative" answered the test and the "not" was lost (outside tester 24 F6: not pregnant
beside a positive hCG, a pregnancy exclusion passed)."""


def answer_labels(lower: str) -> str:
    """Dropdown values, answer labels and quoted answers as plain answers beside their
    labels."""
    if "not" in lower:
        lower = _DOUBLE_NEGATIVE.sub(lambda m: " " * len(m.group(0)), lower)
    if '"' in lower or "'" in lower or "“" in lower or "‘" in lower:
        lower = _unquoted_answers(lower)
    if "no," in lower:
        lower = _NO_AND_DENIAL.sub(lambda m: m["no"] + ".", lower)
    if "[" in lower:
        # (the closing bracket ends the field as a full stop does: "[None of: CVD, COPD,
        # ESRD]   Severe COPD ...: [No]" read ESRD as severe, outside tester 17 F3)
        lower = _DROPDOWN.sub(lambda m: m["gap"] + " " + m["value"] + ".", lower)
    return _LABEL_AFTER_QUESTION.sub(lambda m: " " * len(m["gap"]), lower) \
        if "?" in lower else lower


def answered_questions(lower: str) -> str:
    """A payer's questions answered by the writer read as fields (same length): a
    numbered question and its answer on its line ("Q1. Pain location? Low back") and a
    transcript's question answered on the next line by another speaker ("Bot: Is the
    request for any cosmetic purpose?\nProvider: no, pain only"), whose answer is joined
    to it (the answerer's label blanked). fresh19's payer Q/A and chatbot notes lost the
    answers' subjects: "Low back" alone names no pain's place. A question with a figure
    of its own stays a question."""
    if "?" not in lower:
        return lower
    lines = lower.split("\n")
    speakers = _speakers(lines)
    joined = set()
    for i, line in enumerate(lines):
        numbered = _NUMBERED_QUESTION.match(line)
        if numbered:
            lines[i] = _as_field(line, numbered.end(), figures_only=not numbered["n"])
        answer = _answer_below(lines, i, speakers) if i + 1 < len(lines) else None
        if answer is None:
            continue
        mark = len(line.rstrip()) - 1
        opener = numbered or _SPEAKER.match(line)
        if not _figure_asked(line[_opened(line, opener.end() if opener else 0, mark):mark]):
            lines[i] = line[:mark] + ":" + line[mark + 1:]
            lines[i + 1] = " " * answer.end() + lines[i + 1][answer.end():]
            joined.add(i)
    return "".join(line + (" " if i in joined else "\n") for i, line in enumerate(lines))[:-1]


_ROW_NUMBER = re.compile(r"[ \t]*(?:req(?:uirement)?|item|finding|criterion|element|row|line|"
                         r"no\.|#)[ \t]*(?:#[ \t]*)?\d{0,3}[a-z]?\.?[ \t]*")
"""A table's first cell that numbers its row ("Req 3", "Finding 1", "Item 6",
"Criterion"): no field's label."""


_HL7_SEGMENT = re.compile(r"[ \t]*(?:msh|evn|pid|pd1|pv1|pv2|nk1|orc|obr|obx|nte|txa|al1|pr1|dg1|"
                          r"rxe|rxo|rxa|rxr|ref|rf1|prd|ctd|in1|gt1|sch|ais|tq1)\|")
"""A row that opens with an HL7 v2 segment's name: its fields are one record's."""
_HL7_ROW = re.compile(_HL7_SEGMENT.pattern + r"[^\n]*", re.M)


_HL7_DATE = re.compile(r"(?<=[|^])(?P<y>20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
                       r"(?:\d{4}(?:\d{2})?)?(?=[|^]|$)", re.M)
"""An HL7 field's time stamp, "20280214" or "202802141030": a day, written the way the
reader reads days ("02/14/28", its length kept); left as a bare figure, an order's day to
come was none ("OBR|...|CONSULT^Pain management consultation^L|||20280214": a consult
ordered for next week read on file). Dates of birth (19xx) stay figures."""


def hl7_dates(lower: str) -> str:
    """``lower`` with each HL7 segment's time stamps written as days (same length)."""
    if "|" not in lower:
        return lower
    chars = list(lower)
    for row in _HL7_ROW.finditer(lower):
        for m in _HL7_DATE.finditer(lower, row.start(), row.end()):
            day = f"{m['m']}/{m['d']}/{m['y'][2:]}"
            chars[m.start():m.end()] = list(day.ljust(m.end() - m.start()))
    return "".join(chars)


def _pipe_rows(lower: str) -> list[tuple[int, int]]:
    """Each row of ``_PIPE_ROW``, a line cut where a sentence ends before a row that opens
    with its day ("DOS 12/04/2027 | 73562 X-ray knee | Paid. DOS 05/15/2028 | 73562 X-ray
    knee | Paid.", an EOB's claims pasted onto one line): the later rows are records of
    their own, never cells of the first (phrase33a gave the second X-ray no day, and the
    first one's day was read as the latest)."""
    out = []
    for row in _PIPE_ROW.finditer(lower):
        start = row.start()
        cuts = sorted([*_NEXT_DATED_ROW.finditer(lower, row.start(), row.end()),
                       *_next_pairs(lower, row.start(), row.end())], key=lambda m: m.start())
        for cut in cuts:
            if cut.start() < start:
                continue
            out.append((start, cut.start() + 1))
            start = cut.end()
        out.append((start, row.end()))
    return [(a, b) for a, b in out if "|" in lower[a:b]]


_NEXT_PAIR = re.compile(r"(?:[.;](?=[ \t])|[ \t](?=[ \t]))[ \t]+"
                        r"(?=[a-z][a-z /&'’-]{1,39}?[ \t]*\|)")
"""A sentence's end, or a gap of two spaces, on a row of "label | answer" pairs run
together before the next pair's label ("Pregnancy | N/A (male). Infection | no",
"Cosmetic | N. Infection | N. Pregnancy | N/A"): the next label's bar is its own colon.
Read as one row, its bar was a later cell's, and the label stood alone, affirmed (the
coordinator of session 35 read an active infection, a pregnancy from "Pregnancy | N/A")."""


def _next_pairs(lower: str, start: int, end: int) -> list[re.Match[str]]:
    """Where ``_NEXT_PAIR`` cuts the row ``lower[start:end]``: only in a row whose first cell
    is a label (not a date: a record's row is ``_NEXT_DATED_ROW``'s) and, for a gap, in a row
    whose cells are not padded to their bars (a padded table's cell may hold a gap)."""
    first = lower[start:lower.find("|", start, end)]
    if not re.search(r"[a-z]", first) or _DATE_FIRST.match(first):
        return []
    padded = re.search(r"[ \t]{2}\|", lower[start:end]) is not None
    return [m for m in _NEXT_PAIR.finditer(lower, start, end)
            if "|" in lower[start:m.start()] and not (padded and lower[m.start()] in " \t")]


_NEXT_DATED_ROW = re.compile(r"\.[ \t]+(?=(?:dos|date of service|date)?[ \t]*:?[ \t]*"
                             r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})[ \t]*\|)")
"""A sentence's end on a table's line before a row opening with its day (and its label)."""


def pipes_as_fields(lower: str) -> str:
    """Rows of a pasted table ("Pregnancy | N/A (male)", "| PT | 12 wks | exercise 6 |")
    read as form fields: the first bar is the label's colon, later bars separate values.
    Same length, so every offset still points into the user's words."""
    chars = list(lower)
    for start, end in _pipe_rows(lower):
        bars = [i for i in range(start, end) if lower[i] == "|"]
        first = start
        if lower[start:bars[0]].strip() == "":
            chars[bars[0]] = " "  # "| Pregnancy | N/A |": the row's opening bar
            first, bars = bars[0] + 1, bars[1:]
        if bars and lower[bars[-1] + 1:end].strip() == "":
            chars[bars[-1]] = " "  # and its closing one
            bars = bars[:-1]
        if len(bars) > 1 and _ROW_NUMBER.fullmatch(lower, start, bars[0]):
            # "Req 3 | Treatment logs | NOT MET": the row's number is no label, the
            # field is the next cell (phrase29b's auditor rows read the logs on file)
            chars[start:bars[0] + 1] = " " * (bars[0] + 1 - start)
            bars = bars[1:]
        # (a row that opens with its date, a claims history's or a log's, "09/16/2026 |
        # Valley Imaging | 72148 | MRI lumbar spine | Paid": one record, its cells one
        # clause, so the study in a later cell has the row's date; outside tester 22 M1)
        dated = bool(bars) and re.fullmatch(r"[ \t]*\|?" + _DATE_FIRST.pattern + r"[ \t]*",
                                            lower[start:bars[0]]) is not None
        # (an HL7 v2 segment, "TXA|1|CN^Pulmonary consult note|TX|20280212||...|PA|||
        # preliminary, not signed": one record whose fields say its state; cut into
        # sentences at each bar, its document was read on file past its "not signed")
        dated = dated or _HL7_SEGMENT.match(lower, start) is not None
        if len(bars) >= 2 and not dated and _ROW_KEY.fullmatch(lower, first, bars[0]):
            # "Req 6 | Pregnancy/postpartum | pregnant, 24 wks", "Criterion | Cosmetic
            # purpose | No": the first cell numbers the row, the second is its label
            # (phrase29b's audit rows read the label's topic words as the answer)
            chars[bars[0]] = ";"
            bars = bars[1:]
        for n, i in enumerate(bars):
            if dated and n > 0:
                chars[i] = ","
            elif n == 0 and lower[i - 1] in " \t":
                # "pregnancy: n/a", as a form writes it, however wide the cell's padding
                label_end = len(lower[:i].rstrip(" \t"))
                chars[label_end], chars[i] = ":", " "
            else:
                chars[i] = ":" if n == 0 else ";"
    return "".join(chars)


_CELL_ROW = re.compile(
    r"^(?P<label>[ \t>*•-]*(?!(?:yes|no|y|n|none|male|female|unknown|ok|negative|positive)"
    r"(?:\W|$))[a-z][^\t\n,.:;|]{0,50}?)(?P<s1>\t+| {3,}|,(?! ))"
    r"(?P<answer>yes|no|y|n|none|negative|neg|positive|pos|n/a)"
    # (or a remark after a dash: "pregnant,no - post hysterectomy 2019")
    r"(?P<s2>\t+| {3,}|,(?! )|[ \t]*$|[ \t]+[-–—](?=[ \t]+\S))", re.M)
"""A spreadsheet's or a CSV's row whose second cell is a yes or no ("Active
infection<TAB>No<TAB>PCP", "Cosmetic,No,ortho", "Active infection   No   PCP note"): the
label, its answer, and the cells after it (the answer's source), which are no part of it.
A comma followed by a space is a list's (a chat's answers "male, none, no"), and so is a
first cell that is itself an answer ("yes,yes,no")."""


def cells_as_fields(lower: str) -> str:
    """Rows of ``_CELL_ROW`` read as form fields ("active infection:no;pcp"), same length:
    the separator after the label is its colon, the one after the answer ends the field,
    so the "no" answers the label and never denies the next cell (outside tester session
    10 F13: "Active infection<TAB>No<TAB>PCP" read an active infection)."""
    def field(m: re.Match[str]) -> str:
        if len(m["label"].split()) > 5:
            return m.group(0)  # a sentence, not a row's label
        end = m["s2"]
        if end.startswith(",") or (end and lower[m.end():m.end() + 1] not in ("", "\n")):
            end = ";" + end[1:]  # a cell follows: the field ends here
        return m["label"] + ":" + m["s1"][1:] + m["answer"] + end
    return _CELL_ROW.sub(field, lower)


_ROW_WORD = rf"(?!{_ANSWER})[a-z0-9][a-z0-9/&'-]*"
_ROW_ITEM = (rf"(?P<label>{_ROW_WORD}(?:[ \t]+{_ROW_WORD}){{0,5}}"
             r"(?:[ \t]*\([a-z]{1,3}(?:/[a-z]{1,3})+\))?)"
             rf"(?P<colon>[ \t]*[:=][ \t]*|[ \t]+[-–—][ \t]+|[ \t]+)(?P<answer>{_ANSWER})")
_ROW_ANY = re.sub(r"\?P<\w+>", "", _ROW_ITEM)
_ANSWER_ROW = re.compile(rf"^[ \t]*(?:[-*•][ \t]*)?{_ROW_ANY}"
                         rf"(?:(?:[ \t]*[,;/|]+[ \t]*|[ \t]+){_ROW_ANY})*[ \t.]*$", re.M)
_ROW_ITEM_RE = re.compile(_ROW_ITEM)
"""A line of form fields each answered yes, no or unknown, run together with no colons
or no breaks between them ("Infection N, Pregnant N, Cosmetic N", "Infection: N /
Pregnant: N / Cosmetic: N", "Exclusion Present Active infection No Pregnancy No Cosmetic
No"): a label of words that are no answers, then its answer, field after field."""


def answer_rows(text: str, lower: str) -> str:
    """Lines of ``_ANSWER_ROW`` written as the fields they are ("infection:n;pregnant:n;
    cosmetic:n"), same length: each label's answer is its own, never a denial of the label
    after it nor missing from the label before (outside tester session 11 F3: every label
    of "Infection N, Pregnant N, Cosmetic N" was read as a yes). A line of one field is
    taken only with a form's capital answer ("Infection N"): "pain no" may be a sentence."""
    chars = list(lower)
    for row in _ANSWER_ROW.finditer(lower):
        items = list(_ROW_ITEM_RE.finditer(lower, row.start(), row.end()))
        if any(not re.search(r"[a-z]{2}", item["label"]) for item in items):
            continue  # "1-13  2  Y": a table's figures, not a field's label
        if len(items) == 1 and text[items[0].start("answer"):items[0].end("answer")] not in (
                "Y", "N", "UNK", "Yes", "No"):
            continue
        for n, item in enumerate(items):
            if not re.search(r"[:=]", item["colon"]):
                chars[item.end("colon") - 1 if item["colon"].strip() == "" else
                      item.start("colon") + item["colon"].index(item["colon"].strip())] = ":"
            if n + 1 < len(items):
                gap = range(item.end(), items[n + 1].start())
                for i in gap:
                    chars[i] = " "
                chars[item.end()] = ";"
    return "".join(chars)



_DATES_FIRST = re.compile(r"^[ \t]*(?:[a-z]+:?[ \t]+)?dates?[ \t]+(?:of[ \t]+)?(?:test|study|"
                          r"studies|imaging|exam|procedure|modality|type)\b(?![ \t]*:)[^\n]*$",
                          re.M)
_ROW_DATE = re.compile(r"(?<=[ \t])(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{4})"
                       r"(?![\d/-])")
"""A table of studies flattened into one line under a header that puts the date first
("Date Test Result 11/01/2026 MRI L-spine facet arthropathy 03/01/2025 X-ray L-spine
normal"): each date opens its row."""


def dated_rows_apart(lower: str) -> str:
    """``lower`` with each row of a ``_DATES_FIRST`` table ended before the next row's
    date (same length), so a study's date is the one before it, never the next row's
    (outside tester session 11 F5: the MRI was given the X-ray's date of a year before)."""
    chars = list(lower)
    for table in _DATES_FIRST.finditer(lower):
        for day in _ROW_DATE.finditer(lower, table.start(), table.end()):
            chars[day.start() - 1] = ";"
    return "".join(chars)


_COLUMN = r"(?:treatment|therapy|modality|type|item|name|medication|meds|drug|result|results|" \
    r"outcome|response|status|date|dates|start|end)"
_UNIT_COLUMN = r"(?:weeks|wks|months|mos|days|duration|length|sessions|visits|courses|count)"
_HEAD_WORD = rf"(?:{_COLUMN}|{_UNIT_COLUMN})"
_UNIT_TABLE = re.compile(rf"^[ \t]*(?:[a-z]+:[ \t]+)?(?P<head>(?:{_HEAD_WORD}[ \t]+){{1,5}}"
                         rf"{_HEAD_WORD})(?=[ \t]+[a-z0-9])(?P<rows>[^\n:]*)$", re.M)
_BARE_FIGURE = re.compile(r"(?<![\w./-])\d+(?:\.\d+)?(?![\w./%-])(?![ \t]*(?:x\b|wks?\b|weeks?\b|"
                          r"mos?\b|months?\b|days?\b|sessions?\b|visits?\b|courses?\b|%))")
"""A table flattened into one line under a header whose column gives its figures' unit
("Treatment Weeks Result PT 8 failed Meds 12 failed"): its rows' bare figures."""


def unit_columns(lower: str) -> list[tuple[int, int]]:
    """The bare figures of ``_UNIT_TABLE`` rows: which row and column each is cannot be
    read back from one line (outside tester session 11 F12: the medications' 12 weeks were
    read as 12 failed courses of medication), so none is read, and each is asked."""
    return [f.span() for table in _UNIT_TABLE.finditer(lower)
            if re.search(rf"\b{_UNIT_COLUMN}\b", table["head"])
            for f in _BARE_FIGURE.finditer(lower, table.start("rows"), table.end("rows"))]

_FOOT_MARK = r"(?:\*{1,3}|†{1,2}|‡|§|\(\d{1,2}\)|\^\d{1,2}|\[\d{1,2}\]|[¹²³⁴⁵]|\+)"
_FOOTNOTE = re.compile(rf"^[ \t]*(?P<mark>{_FOOT_MARK})[ \t]*(?P<note>[^\s*+][^\n]*)$"
                       rf"|\((?P<mark2>{_FOOT_MARK})[ \t]*(?P<note2>[^()\n]+)\)", re.M)
"""A footnote: a line that opens with its marker ("* includes 2 wks of home program only",
"(2) ordered for 12/01 - patient no-showed", "† score from 2024 visit"), or a bracket
that does ("12 wks* (*per pt report; PT records not received)")."""
_FOOT_FIGURE = (r"(?P<figure>(?<![\w/.])\d{1,4}(?:[/.-]\d{1,4}){0,2}(?:[ \t]*(?:wks?|weeks?|mos?|"
                r"months?|days?|d|%|mg))?)[ \t]?")
"""The figure a footnote's marker is put on ("12*", "12 wks*", "7/10†", "12/01/2026 (2)")."""
_FOOT_DOUBT = re.compile(
    r"\b(?:unverified|not (?:yet )?(?:verified|confirmed|received|re-?assessed|done|performed|"
    r"completed|obtained)|records? not received|no-?show(?:ed)?|cancell?ed|did not (?:go|attend|"
    r"show)|never (?:done|went)|estimated?|approx(?:\.|imately|imate)?|pending|"
    r"per (?:pt|patient|member)(?:'s)?(?: report| recall| word)?(?=[ \t]*(?:[;,.)]|$))|"
    r"(?:pt|patient|self)[- ]report(?:ed)?|"
    r"should read|corrected|total is|in error|from (?:19|20)\d\d)\b")
"""What a footnote says that takes its figure from the reader: not checked (by the
patient's word, a record not received), not done (a study no-showed), corrected (another
total), or old."""
_FOOT_SOURCE = re.compile(r"(?:as )?(?:per|source:?|according to)\b[^;.\n]*")
"""A footnote that names its figure's source ("per pt and PCP note 10/01/2026"): the
source, not a record on file."""


def footnoted(lower: str) -> list[tuple[int, int]]:
    """What a table's or a list's footnotes take away, to be blanked: every marker put on a
    figure (a marker is no part of it: "6+" is 6 where a "+" footnote says why), the
    figure too where its footnote doubts it, calls it not done or corrects it ("12*" over
    "* ... supervised total is 10"; F7 of the outside tester, session 15: "PT completed: 12
    wks* (*per pt report; PT records not received)"), and a note that names a source
    (fresh19: "* per pt and PCP note 10/01/2026" read a PCP consultation on file). A
    marker only counts where a footnote of it is in the message; a bullet ("* PT 12
    weeks") has no figure before it."""
    notes = {}
    spans: list[tuple[int, int]] = []
    for m in _FOOTNOTE.finditer(lower):
        mark, note = (m["mark"], m["note"]) if m["mark"] else (m["mark2"], m["note2"])
        notes.setdefault(mark, _FOOT_DOUBT.search(note) is not None)
        source = _FOOT_SOURCE.match(note)
        if source is not None:
            at = m.start("note") if m["mark"] else m.start("note2")
            spans.append((at, at + source.end()))
    if not notes:
        return []
    marks = "|".join(re.escape(k) for k in sorted(notes, key=len, reverse=True))
    for ref in re.finditer(rf"{_FOOT_FIGURE}(?P<mark>{marks})(?![*†‡\w])", lower):
        if ref["mark"] == "+" and ref["figure"][-1:].isalpha():
            continue  # "12 wks+": a bound, not a marker
        spans.append(ref.span("mark"))
        if notes[ref["mark"]]:
            spans.append(ref.span("figure"))
    return spans


_UNIT_HEADS = {"weeks": "wk", "wks": "wk", "wk": "wk", "months": "mo", "mos": "mo",
               "days": "d"}
"""A table's column headers that give the unit of its bare figures, and the unit written."""


def column_units(lower: str) -> str:
    """A pasted table's bare figures given the unit their column's header names ("|
    Component | Weeks |" over "| Pain mgmt education | 3 |" is 3 weeks, never a pain score
    of 3: fresh19), written into the cell's padding (same length); where the cell has no
    room, or the header names a count of no unit ("Duration"), the figure is blanked:
    asked, never read as another measure."""
    chars = list(lower)
    rows = list(_PIPE_ROW.finditer(lower))
    for i, head in enumerate(rows):
        if re.search(r"\d", head.group(0)) or (i and rows[i - 1].end() + 1 == head.start()):
            continue  # a table's header: its first row, with no figure
        cells = [c.strip() for c in head.group(0).strip().strip("|").split("|")]
        units = {n: _UNIT_HEADS.get(c, "") for n, c in enumerate(cells)
                 if c in _UNIT_HEADS or c in ("duration", "length")}
        if not units:
            continue
        end = head.end()
        for row in rows[i + 1:]:
            if row.start() != end + 1:
                break
            end = row.end()
            _unit_cells(lower, row, units, chars)
    return "".join(chars)


def _unit_cells(lower: str, row: re.Match[str], units: dict[int, str], chars: list[str]) -> None:
    bars = [j for j in range(*row.span()) if lower[j] == "|"]
    if lower[row.start():bars[0]].strip() == "":
        bars = bars[1:]  # "| Component | ...": the row's opening bar
    starts = [row.start(), *[b + 1 for b in bars]]
    for n, unit in units.items():
        if n >= len(starts):
            continue
        cell_end = bars[n] if n < len(bars) else row.end()
        figure = re.match(r"[ \t]*(\d+(?:\.\d+)?)(?=[ \t]*$)", lower[starts[n]:cell_end])
        if figure is None:
            continue
        a, b = starts[n] + figure.start(1), starts[n] + figure.end(1)
        if unit and lower[b:b + len(unit) + 2].strip() == "" and b + len(unit) + 1 < cell_end:
            chars[b + 1:b + 1 + len(unit)] = unit
        else:
            chars[a:b] = " " * (b - a)


_SCORE_HEADS = ("pain nrs", "nrs", "pain", "pain score", "vas", "nprs", "pain (0-10)",
                "pain 0-10", "nrs (0-10)", "pain level", "pain rating", "nrs pain")
"""A table's column headers over a 0-10 pain score of each row."""
_ROW_DATE = re.compile(r"(?<![\d/])(?:(?P<y>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)|"
                       r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y2>\d{2,4}))?)(?![\d/])")
_RULE_ROW = re.compile(r"[\s|:=+-]*")


def _cells(lower: str, row: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of a pipe row's cells (its opening and closing bars left out)."""
    bars = [j for j in range(*row.span()) if lower[j] == "|"]
    bounds = [row.start() - 1, *bars, row.end()]
    cells = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if cells and lower[cells[0][0]:cells[0][1]].strip() == "":
        cells = cells[1:]
    if cells and lower[cells[-1][0]:cells[-1][1]].strip() == "":
        cells = cells[:-1]
    return cells


def _row_key(lower: str, row: re.Match[str], cells: list[tuple[int, int]],
             visit: int | None) -> tuple[int, int, int] | None:
    """Where a row stands in time: its visit number (under a "Visit" column), else its
    first date (month and day; the year where given)."""
    if visit is not None and visit < len(cells):
        number = re.fullmatch(r"[ \t#]*(\d{1,3})[ \t]*", lower[slice(*cells[visit])])
        return None if number is None else (0, 0, int(number[1]))
    found = _ROW_DATE.search(lower, row.start(), row.end())
    if found is None:
        return None
    if found["y"]:
        return int(found["y"]), int(found["m1"]), int(found["d1"])
    year = int(found["y2"]) if found["y2"] else 0
    return (year + 2000 if 0 < year < 100 else year), int(found["m"]), int(found["d"])


def _tables(lower: str) -> list[list[re.Match[str]]]:
    """A text's pipe tables: runs of pipe rows on consecutive lines."""
    tables: list[list[re.Match[str]]] = []
    for row in _PIPE_ROW.finditer(lower):
        # (a row of another width after it opens another table: "| Measure | 09/15 |")
        if tables and tables[-1][-1].end() + 1 == row.start() and \
                len(_cells(lower, row)) == len(_cells(lower, tables[-1][0])):
            tables[-1].append(row)
        else:
            tables.append([row])
    return tables


def latest_row_scores(lower: str) -> str:
    """A table of visits with a pain score column ("| Visit | Date | Pain NRS | ... |"
    over one row a visit): the score of its last row, where the rows go forward in time
    (their visit numbers or dates rising), is the current one, written as "nrs N" in its
    cell (fresh22: a progress report's last visit's pain was never read). Same length."""
    chars = list(lower)
    for table in _tables(lower):
        head = table[0]
        heads = [lower[a:b].strip() for a, b in _cells(lower, head)]
        if re.search(r"\d", head.group(0).replace("0-10", "")) or \
                not set(heads) & set(_SCORE_HEADS):
            continue
        col = next(n for n, h in enumerate(heads) if h in _SCORE_HEADS)
        visit = next((n for n, h in enumerate(heads)
                      if h in ("visit", "visit #", "#", "session", "tx #", "visit no")), None)
        rows = [r for r in table[1:] if not _RULE_ROW.fullmatch(r.group(0))]
        figures, keys = [], []
        for row in rows:
            cells = _cells(lower, row)
            figure = re.fullmatch(r"[ \t]*(\d{1,2})[ \t]*", lower[slice(*cells[col])]) \
                if col < len(cells) else None
            key = _row_key(lower, row, cells, visit)
            if figure is None or key is None or int(figure[1]) > 10:
                break
            figures.append((cells[col][0], cells[col][1], figure[1]))
            keys.append(key)
        if len(figures) < 2 or len(figures) != len(rows) or keys != sorted(keys) or \
                len(set(keys)) != len(keys):
            continue
        # (an earlier row's bare score stays as written: read only where its own row says
        # what it is, "before any treatment (2026-05-01) | 5" a baseline)
        a, b, figure = figures[-1]
        text = "nrs " + figure
        if b - a >= len(text):
            cell = (" " + text if b - a > len(text) else text).ljust(b - a)
            chars[a:b] = cell
    return "".join(chars)


def latest_columns(lower: str) -> str:
    """A flowsheet whose columns are dates ("Row | 02/01/2027 | 02/22/2027" over "Pain NRS |
    7 | 5"): each row's figure under the latest date is the current one, so the cells of
    the other dates are blanked, bars and all, leaving the row's label and that figure
    (fresh30 read the first column's pain 7 for the latest 5; a vitals grid's first day's
    fever likewise). Only where every column after the first is a distinct date. Same
    length."""
    chars = list(lower)
    for table in _tables(lower):
        heads = _cells(lower, table[0])
        keys = [_column_date(lower[a:b]) for a, b in heads[1:]]
        if len(table) < 2 or len(keys) < 2 or None in keys or len(set(keys)) != len(keys):
            continue
        latest = 1 + keys.index(max(keys))  # type: ignore[type-var]
        for row in table[1:]:
            cells = _cells(lower, row)
            if len(cells) != len(heads):
                continue
            # (the bars between go too: "pain nrs | 5" is a label and its answer; a row
            # empty under the latest date keeps no older figure: it is asked)
            spans = [(cells[0][1], cells[latest][0] - 1), (cells[latest][1], cells[-1][1])] \
                if lower[slice(*cells[latest])].strip() else [(cells[0][1], cells[-1][1])]
            for a, b in spans:
                chars[a:b] = " " * max(0, b - a)
    return "".join(chars)


def _column_date(cell: str) -> tuple[int, int, int] | None:
    """The date a header cell is, alone (a cell with more words is no date column)."""
    found = _ROW_DATE.fullmatch(cell.strip())
    if found is None:
        return None
    if found["y"]:
        return int(found["y"]), int(found["m1"]), int(found["d1"])
    year = int(found["y2"]) if found["y2"] else 0
    return (year + 2000 if 0 < year < 100 else year), int(found["m"]), int(found["d"])


_LABEL_TAIL = r"(?:[A-Za-z)?]|(?:[<>]=?|=>|[≥≤])[ \t]*\d+(?:\.\d+)?)"
"""How a form's label ends before its leader: a word, a bracket, a question, or a
criterion's bound ("NRS >= 4")."""
_LEADER = re.compile(r"^(?P<label>[ \t]*[^\n]*?" + _LABEL_TAIL + r")"
                     r"(?P<gap>[ \t]*(?:\.{4,}|_{4,}|-{4,}|…{2,})[ \t]*)"
                     r"(?=[^\s.:_…-]|_{2,}[ \t]*$)", re.M)
"""A form's label and its answer joined by a leader of dots, dashes or underscores
("Active infection ........ no", "Total PT weeks ---- 14"; a criterion's bound may end the
label, "NRS >= 4 ...... 7/10"): the leader is the label's colon. A leader with no label
before it ("---------- Forwarded message") is no field.
A blank drawn after the leader ("Specialist consult ...... ____") is the field's blank
answer (``unfilled``), not the label affirmed."""
_SHORT_LEADER = re.compile(r"^(?P<label>[ \t]*[^\n]*?" + _LABEL_TAIL + r")"
                           r"(?P<gap>[ \t]+\.{1,3}[ \t]+)(?=[^\s.:_…-]|_{2,}[ \t]*$)", re.M)
"""A row whose leader is cut short by a long label ("Pain med list w/ doses .. N"
under "Modalities documented ..... Y", "ther ex/stretch >= 6 wk . 7 wk"): a leader too in a
form that has long ones."""
_LABEL_BOUND = re.compile(r"(?:>=|=>|≥|>|<=|≤|<|\bat least|\bw/in|\bwithin|\bmin\.?)[ \t]*"
                          r"\d+(?:\.\d+)?(?:[ \t]*(?:wks?|weeks?|mos?|months?|days?|d|yrs?|"
                          r"years?|%|/10)\b)?")
"""A criterion's threshold in a worksheet row's label ("NRS >= 4 ...... 7/10 at 11/05
visit", "CT/MRI w/in 6 mo ... MRI 04/02/2026"): the form's figure, not the patient's."""


ABBREVIATED = re.compile(r"\b(?:dr|mr|mrs|ms|st|vs|approx|appt|dept|e\.g|i\.e|"
                         r"no(?=\.[ \t]*[#\d]))\.")
"""Abbreviations whose full stop ends no sentence ("hand-off to attending (Dr. Farah)").
("pt." is not one: "Consult reviewed with pt. Infection: no" ends a sentence there; nor
is "no." before a word: see ``_ABBREVIATIONS``.)"""
_STOP = re.compile(r"(?<!\d)[.;!?](?:[\"'”’)]?[ \t]+(?=[a-z(\"'“‘])|[\"'”’](?=[;\n]))")
# (a sentence may end inside its closing quote or bracket: '... 12 weeks now." RN: PT
# records requested, not received' is two sentences, the status the second's alone)


def sentence_stop(lower: str, start: int, end: int) -> int | None:
    """Where the first sentence inside ``lower[start:end]`` ends: a full stop, semicolon,
    "!" or "?" before the next word (not the dot of "Dr. Chen", "e.g. PT", "no. 2" or a
    decimal); None when it runs on to ``end``."""
    for match in _STOP.finditer(lower, start, end):
        dot = match.start()
        abbreviation = ABBREVIATED.search(lower, max(0, dot - 5), dot + 4)
        if lower[dot] != "." or abbreviation is None or abbreviation.end() != dot + 1:
            return dot
    return None


_ANSWER_IS = re.compile(
    r"\b(?P<pre>(?:the|your|my) )(?P<label>[a-z][a-z/&-]*(?: [a-z/&-]+){0,3}?)"
    r"(?P<mid> (?:answer|question|one|box|field|item) (?:is|was|should be|=) )"
    r"(?P<ans>no|yes|none|negative|positive)\b"
    r"|\b(?P<pre2>(?:the )?answer (?:to|for) (?:the )?)"
    r"(?P<label2>[a-z][a-z/&-]*(?: [a-z/&-]+){0,3}?)"
    r"(?P<mid2> (?:question|one|item) (?:is|was|should be|=) )"
    r"(?P<ans2>no|yes|none|negative|positive)\b")
"""'The cosmetic answer is no', 'the answer to the infection question is yes': a field
and its answer in the nurse's words, read as 'cosmetic: no' (same length). Read word by
word they named the finding and dropped the no (outside tester 17, F8: cosmetic yes, a
denial nothing could change)."""


def answer_is_fields(lower: str) -> str:
    def field(m: re.Match[str]) -> str:
        pre, label, mid, ans = (m["pre"], m["label"], m["mid"], m["ans"]) if m["pre"] else \
            (m["pre2"], m["label2"], m["mid2"], m["ans2"])
        return " " * len(pre) + label + ":" + " " * (len(mid) - 1) + ans
    return _ANSWER_IS.sub(field, lower)


_OPTION_WORD_END = re.compile(r"(?:^|[\s:])(?:yes|no|y|n)$")
"""A form's option word, where a drawn line after it is its box, not a leader."""


def leaders_as_fields(lower: str) -> str:
    """Rows of ``_LEADER`` read as form fields ("active infection: no"), same length; in
    a form with such rows, rows of ``_SHORT_LEADER`` too (fresh15: "Pain med list w/
    doses .. N" read as the list on file)."""
    def field(m: re.Match[str]) -> str:
        label = m["label"]
        if "_" in m["gap"] and _OPTION_WORD_END.search(label):
            return m.group(0)  # "Yes ____  No __X__": a box drawn after its option
        # (the threshold blanked where the answer gives a figure of its own: "NRS >= 4
        # ...... 7/10" read the 4; fresh22)
        if re.search(r"\d", lower[m.end():lower.find("\n", m.end()) % (len(lower) + 1)]):
            label = _LABEL_BOUND.sub(lambda b: " " * len(b.group(0)), label)
        return label + ":" + " " * (len(m["gap"]) - 1)
    fields = _LEADER.subn(field, lower)
    return _SHORT_LEADER.sub(field, fields[0]) if fields[1] >= 2 else fields[0]


_CAPITAL_WRAP = re.compile(r"\b(?:the|a|an|of|with|and|or|to|in|at|for|by|from|R|L|right|left)"
                           r"(?P<gap>[ \t]*\n[ \t]*)(?=[A-Z](?![A-Za-z /&]{0,29}:))"
                           r"|(?<=[a-z,])(?P<gap2>[ \t]*\n[ \t]*)(?=[LSCT]\d{1,2}\b"
                           r"(?![ \t]+[A-Za-z][A-Za-z /&-]{0,40}(?:\([^)\n]*\))?[ \t]*:)"
                           r"(?![a-z]?(?:\t|[ \t]{2})))"
                           r"|\b(?:MRI|CT|XR|X-rays?|x-rays?|films|radiographs?)"
                           r"(?P<gap3>[ \t]*\n[ \t]*)(?=(?:[LCT]-?[Ss]pine|LS[ -]?[Ss]pine|"
                           r"Lumbar|Cervical|Thoracic|Lumbosacral)\b(?![A-Za-z /&-]{0,29}:))")
"""A wrapped line that starts with a capital but goes on the sentence: after a word that
cannot end one ("the traversing R\nL5 root", "of\nPhysical therapy"), or a spinal
level after a lower-case word ("compressing the\nL5 root"), unless the line is a form's
item ("C3 Active infection (Y/N): N", or an item code set apart by a column's gap, "C2  PT
plan of care ...": its number only looks like a level, and the row above is its own); or
a study's spine area after its name ("repeat MRI\nL-spine 10/21/2026 shows ...": f20 read
the older study, the new one's day was left in a line of its own)."""


_OPEN_WORDS = ("suggests", "suggest", "suggesting", "of", "for", "with", "and", "or", "the",
               "to", "is", "are", "was", "were", "that", "than", "shows", "showed", "reveals",
               "revealed", "no", "not", "any", "without", "denies", "excludes")
# (the look-ahead first: the 26 look-behinds were tried at every character of a note)
_OPEN_WRAP = re.compile(r"(?=[ \t]*\n)(?:" + "|".join(rf"(?<=\b{w})" for w in _OPEN_WORDS) + ")"
                        r"[ \t]*\n[ \t]*(?=[a-z][a-z /&]{0,29}:)")
"""A line break after a word that cannot end a sentence, before a lower-case "label:"
("Nothing now suggests\nbacterial pneumonia: no fever, ..."): the wrap of one sentence,
not a new field."""


_DATE_FIRST = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}/\d{4}|"
                         r"\d{4}-\d{2}(?:-\d{2})?)(?![\d/])")


def _dated_rows(text: str, wrap: re.Match[str]) -> bool:
    """The line break is between two lines that each open with a date ("10/20/26  H&P by
    PCP" / "11/09/26  interval H&P"): rows of a dated list, not one sentence wrapped
    ("... MRI\n9/18/26, MBB 10/9/26" is: the line above opens with no date). Each row
    is its own sentence, so a denial or a date does not run into the next row."""
    if not _DATE_FIRST.match(text, wrap.end()):
        return False
    first = text.rfind("\n", 0, wrap.start()) + 1
    if not _DATE_FIRST.match(text, first):
        return False
    while first > 0:
        above = text.rfind("\n", 0, first - 1) + 1
        if not _DATE_FIRST.match(text, above):
            break
        first = above
    # A header over the rows ("PFTs" / "2025-04-03  FEV1 71%" / "2026-08-21  FEV1 84%")
    # names what every row is: they stay one sentence with it. A table's header of
    # columns ("Date        Appt type        Provider    Status") names none: each row is
    # its own (fresh21: a calendar's next row gave its day to the block above it).
    header = _SOFT_WRAP.search(text, max(0, first - 2), first + 40) if first > 0 else None
    above = text[text.rfind("\n", 0, max(0, first - 1)) + 1:max(0, first - 1)]
    return header is None or header.end() != first or _COLUMNS.search(above) is not None


_COLUMNS = re.compile(r"^[ \t]*(?:[A-Za-z#][^\s]*(?: [^\s]+)*)(?:(?:\t|[ \t]{2,})[A-Za-z#][^\s]*"
                      r"(?: [^\s]+)*){2,}[ \t]*$")
"""A header of three columns or more set apart by wide gaps or tabs."""


_NEXT_FIELD = re.compile(r"(?<=[^\s:.;!?,])[ \t]{1,2}(?=[A-Z][A-Za-z/&-]+(?:[ \t][A-Za-z/&-]+){0,3}"
                         r"[ \t]*:(?![\d/]))")
"""The space before the next "Label:" of a form pasted on one line ("Cosmetic: no
Attached: treatment logs")."""


def fields_apart(text: str, lower: str) -> str:
    """``lower`` with a form's fields on one line ended one from the next (same offsets):
    "Active infection: no Pregnant: no" is two fields, whose "no"s are their own answers,
    never a denial of the label after them (outside tester session 8 F33). Only on a line
    that already holds a field ("Label: ..." before the space)."""
    chars = list(lower)
    for match in _NEXT_FIELD.finditer(text):
        line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        # (the answer since the last colon must still be open: in "XR :  05/02/2026
        # MRI L-spine :" the wide gap ended it, and "MRI L-spine" is one label)
        # ("Active infection: No | Pregnancy: N/A (male)": a bar may end the answer)
        answer = line[line.rfind(":") + 1:].strip().removesuffix("|").strip()
        if re.match(r"[ \t]*[A-Za-z][A-Za-z /&()-]{0,30}:", line) and answer and \
                not re.search(r"[ \t]{3}|[;|]", answer):
            chars[match.start()] = ";"
    return "".join(chars)


_CSV_ROW = re.compile(r"^[^\n]*?(?:,(?=[^ \n]|$)[^\n]*?){3,}$", re.M)
"""A row of a CSV export ("20917,FEV1_pct_pred,66,%,2026-10-20,PFT lab"): three commas
or more each touching its next cell (a list's comma is followed by a space)."""


def _csv_break(text: str, wrap: re.Match[str]) -> bool:
    """The line break ends a CSV row (``_CSV_ROW``), or opens one: each row is a record,
    its own sentence, so a cell's value never runs into the next row's label (fresh16:
    the PFT lab's date was read from the SpO2 row below it)."""
    start = text.rfind("\n", 0, wrap.start()) + 1
    end = text.find("\n", wrap.end())
    end = len(text) if end < 0 else end
    return bool(_CSV_ROW.fullmatch(text, start, wrap.start()) or
                _CSV_ROW.fullmatch(text, wrap.end(), end) or
                _CSV_PAIR.fullmatch(text, start, wrap.start()) and
                _CSV_PAIR.fullmatch(text, wrap.end(), end))


_CSV_PAIR = re.compile(r"[ \t]*[a-z][\w /&'-]{0,40}?,(?=\S)[^,\n]{1,80}", re.I)
"""A row of a two-column CSV ("field,value" then "sex,F", "pregnant now,no"): a label, a
comma touching its value. Two such lines in a row are two records, never one sentence
wrapped (phrase32b's exports read "age,29 pregnant now,no" as one line: pregnant)."""


def _pipe_break(text: str, wrap: re.Match[str]) -> bool:
    """The line break is between two rows of a table drawn with bars, the lower one
    opening with its date ("DOS | Provider | Code\n09/16/2026 | Valley Imaging | 72148"):
    each dated row is a record of its own, never a line of the header's sentence wrapped.
    (Rows keyed by a time or a name still join their header: what a column holds is read
    from it there.)"""
    start = text.rfind("\n", 0, wrap.start()) + 1
    end = text.find("\n", wrap.end())
    return bool(re.match(r"[ \t]*\|?" + _DATE_FIRST.pattern + r"[ \t]*\|", text[wrap.end():]) and
                _PIPE_ROW.fullmatch(text, start, wrap.start()) and
                _PIPE_ROW.fullmatch(text, wrap.end(), len(text) if end < 0 else end))


_BULLET_LINE = re.compile(r"[ \t]*[-*•][ \t]+\S")


def _bullet_ended(text: str, wrap: re.Match[str]) -> bool:
    """The line break ends a bullet's item where its writer ended it: the next line opens
    at the margin with no bullet, and its first word would have fit on the item's line
    (the message has a longer line), so no margin cut it. "- CT head tonight: negative, no
    bleed" over "pt hit his head in the fall" are two remarks: the item's "no" denies
    nothing on the line under it (fresh25's transfer log)."""
    start = text.rfind("\n", 0, wrap.start()) + 1
    if not _BULLET_LINE.match(text, start) or text[wrap.end() - 1] in " \t":
        return False
    word = re.match(r"\S*", text[wrap.end():]).group(0)  # type: ignore[union-attr]
    widest = max(len(line) for line in text.split("\n"))
    return len(text[start:wrap.start()].rstrip()) + 1 + len(word) < widest


def unwrap(text: str, lower: str) -> str:
    """``lower`` with the soft line breaks of ``text`` (same offsets) made spaces."""
    chars = list(lower)
    spans = [m.span() for m in _SOFT_WRAP.finditer(text)
             if not _dated_rows(text, m) and not _csv_break(text, m)
             and not _bullet_ended(text, m) and not _pipe_break(text, m)]
    spans += [m.span() for m in _OPEN_WRAP.finditer(text)]
    spans += [m.span("gap") if m["gap"] is not None else
              m.span("gap2") if m["gap2"] is not None else m.span("gap3")
              for m in _CAPITAL_WRAP.finditer(text)]
    for a, b in spans:
        for i in range(a, b):
            chars[i] = " "
    return "".join(chars)


_CUT_TOKEN = re.compile(r"(?<![a-z0-9./-])(?P<left>[a-z]+|\d+(?:[./]\d+)*[./])(?P<gap>\n)"
                        r"(?P<right>[a-z]+|\d+)(?![a-z0-9./-]|:\d)")
"""A word or a figure cut by a line break with no space beside it (a mobile EHR paste
cut at a fixed width: "Pt is n\not pregnant", "T 38.\n6 C"). A clock time opening the next
line ("Chest pain 8/10.\n14:12 labs: WBC 11.4", a timed log) is an entry of its own: joined,
its hour made "8/10.14" and its minutes a rival white count."""
_CORE_WORDS = frozenset({"not", "no", "nor", "none", "never", "denies", "negative", "without",
                         "pregnant", "infection", "patient", "weeks", "months"})


@cache
def _vocabulary() -> frozenset[str]:
    """The words the reader knows: every word of the reading rules and of the context
    triggers, and a few it must never miss whole."""
    words = set(_CORE_WORDS)
    for path in [Path(__file__).with_name("context.yaml"),
                 *sorted(LIBRARY_DIR.rglob("reading.yaml"))]:
        # (an example's escaped break, "No\nActive infection", is no word "nactive": it
        # joined a form's answer "N" to the label on the next line)
        written = re.sub(r"\\[nt]", " ", path.read_text().lower())
        words.update(re.findall(r"(?<![a-z])[a-z]{2,}(?![a-z])", written))
    return frozenset(words)


def cut_words(raw: str, lower: str) -> str:
    """A word or a figure cut by a line break joined before reading (same length: the
    break is a space before the word's first piece, "n\not" is " not"), only where the joined
    word is one the reader knows and its pieces are not both words ("in\nfection", not
    "in\ntake"), or a figure's first piece ends with its point or slash ("38.\n6", "7/\n10");
    a line ending in a figure before one opening with a figure ("x 1\n2 sets") may be two,
    and stays as it is (outside tester session 15 F2: "Pt is n\not pregnant" read pregnant)."""
    if "\n" not in raw or len(raw) != len(lower):
        return lower
    chars = list(lower)
    for m in _CUT_TOKEN.finditer(raw):  # (found in the text before a wrap was made a space)
        left, right = m["left"], m["right"]
        if lower[m.start():m.end()].replace(" ", "\n") != m.group(0):
            continue  # blanked or rewritten since
        if left[0].isdigit() != right[0].isdigit():
            continue
        if left.endswith(".") and len(right) > 3:
            continue  # a decimal's cut tail is a digit or two: "118.\n2141 vitals" is two entries
        if left.isalpha():
            known = _vocabulary()
            if left + right not in known or (left in known and right in known):
                continue
        chars[m.start("left") + 1:m.end("left") + 1] = left
        chars[m.start("left")] = " "  # one line: it was cut, not ended
    return "".join(chars)


def _cut(lower: str) -> list[Clause]:
    """The clauses of ``lower`` in order, each with its sentence number."""
    protected = bytearray(len(lower) + 1)
    for a, b in _protected(lower):
        protected[a:b] = b"\x01" * (b - a)
    out: list[Clause] = []
    pos, sentence = 0, 0
    pieces: list[tuple[int, int, str]] = []
    aside = bytearray(len(lower) + 1)  # inside short parentheses: "(heat, ice, TENS)"
    for m in re.finditer(r"\([^()\n]{0,80}\)", lower):
        aside[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for match in _SPLIT.finditer(lower):
        if protected[match.start()] and "\n" not in match.group(0):
            continue
        if aside[match.start()] and not _ENDS_SENTENCE.search(match.group(0)):
            continue  # a comma inside an aside does not end the clause around it
        pieces.append((pos, match.start(), match.group(0)))
        pos = max(pos, match.end())
    pieces.append((pos, len(lower), "\n"))
    for start, end, sep in pieces:
        if lower[start:end].strip():
            out.append(Clause(start, end, sentence, question="?" in sep,
                              comma_after="," in sep))
        if _ENDS_SENTENCE.search(sep):
            sentence += 1
    return _mark_questions(out)


def sentence_spans(found: list[Clause]) -> dict[int, tuple[int, int]]:
    """Each sentence's span, by sentence number, from its clauses."""
    spans: dict[int, tuple[int, int]] = {}
    for c in found:
        spans[c.sentence] = (spans.get(c.sentence, (c.start, c.end))[0], c.end)
    return spans


def _mark_questions(found: list[Clause]) -> list[Clause]:
    """A question mark ends a sentence: every clause of it is part of the question."""
    asked = {c.sentence for c in found if c.question}
    return [Clause(c.start, c.end, c.sentence, c.sentence in asked, c.comma_after)
            for c in found]


PATIENT_MARK = "§"
"""What "Pt" (the patient) becomes in the masked text: no fact phrase matches it, and
the context rules can still see a new subject start ("Mother had PT; § has not")."""


def blank(text: str, spans: list[tuple[int, int]], fill: str = " ") -> str:
    """``text`` with ``spans`` replaced by ``fill`` (offsets unchanged)."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)


@cache
def phrase_re(phrase: str) -> re.Pattern[str]:
    """A phrase matched as whole words ("pt" is not inside "apt")."""
    # (an apostrophe inside a word is no start, "don't"; an opening quote is: "'might be")
    return re.compile((r"(?<!\w)(?<!\w['’])" if phrase[0].isalnum() else "") + re.escape(phrase) +
                      (r"(?![\w])" if phrase[-1].isalnum() else ""))


_WORD = re.compile(r"\w+")


@cache
def _first_word(phrase: str) -> str | None:
    """The word a whole-word match of ``phrase`` must find whole in the text: its leading
    run of word characters, when the phrase starts with one and that run cannot go on in
    the text (more of the phrase follows it, or the phrase ends in a letter or digit)."""
    if not phrase or not phrase[0].isalnum():
        return None
    word = _WORD.match(phrase)
    assert word is not None  # (a letter or digit is a word character)
    return word.group() if word.end() < len(phrase) or phrase[-1].isalnum() else None


@lru_cache(maxsize=8)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text))


_LONG = 200
"""Texts longer than this are looked up in their set of words first (a shorter one is
scanned as fast)."""
_MANY = 32
"""More phrases than this are looked up in a short text's words first too."""


def absent(text: str, phrase: str) -> bool:
    """``phrase`` cannot occur in ``text`` as whole words: its first word is no word of
    the text. A set look-up instead of a scan: a 2 KB note is searched for some 6,000
    phrases, four in five of them in no message (about a tenth of its reading time)."""
    first = _first_word(phrase)
    return first is not None and first not in _words(text)


@lru_cache(maxsize=4096)
def _by_first_word(phrases: tuple[str, ...]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The places in ``phrases`` of the phrases with each ``_first_word``, and of those
    with none (which may occur in any text)."""
    by_word: dict[str, list[int]] = {}
    anywhere = []
    for i, phrase in enumerate(phrases):
        first = _first_word(phrase)
        if first is None:
            anywhere.append(i)
        else:
            by_word.setdefault(first, []).append(i)
    return {w: tuple(at) for w, at in by_word.items()}, tuple(anywhere)


def _may_occur(words: frozenset[str], phrases: tuple[str, ...],
               also: tuple[str, ...] = ()) -> list[str]:
    """The phrases of ``phrases``, in their order, that are not ``absent`` from a text
    of ``words``, and those in ``also``. A lookup of the text's words instead of one of
    every phrase: a policy has hundreds of phrases and a message holds few of them, and
    asking each one in turn was a quarter of the reading time of a 2 KB note."""
    by_word, anywhere = _by_first_word(phrases)
    at = set(anywhere)
    # (the smaller side iterated: ``dict.keys() & frozenset`` walks every word of the text)
    for word in ([w for w in by_word if w in words] if len(by_word) < len(words) else
                 [w for w in words if w in by_word]):
        at.update(by_word[word])
    for word in also:
        at.update(i for i in by_word.get(word, ()) if phrases[i] == word)
    return [phrases[i] for i in sorted(at)]


def phrase_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` occurs in ``text`` as whole words: ``phrase_re(phrase).finditer``,
    found with ``str.find`` and checked with the pattern at each place. A pattern that
    starts with a lookbehind gets no literal-prefix search from ``re``: it is tried at
    every position, which made scans of a long paste grow with length times phrases."""
    at = -1 if not phrase or len(text) > _LONG and absent(text, phrase) else text.find(phrase)
    if at < 0:
        return []  # (before compiling: most phrases are in no message, and start-up counts)
    pattern, size, out = phrase_re(phrase), len(phrase), []
    while at >= 0:
        if pattern.match(text, at):
            out.append((at, at + size))
            at = text.find(phrase, at + size)
        else:
            at = text.find(phrase, at + 1)
    return out


_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


@cache
def _wide_re(phrase: str) -> re.Pattern[str]:
    """:func:`phrase_re` with any run of spaces between its words."""
    return re.compile(phrase_re(phrase).pattern.replace(r"\ ", r"[ \t]+"))


@cache
def _by_length(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in sorted(set(phrases), key=len, reverse=True) if p)


def _longest_first(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    taken = bytearray(size)
    for a, b in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(taken[a:b]):
            found.append((a, b))
            taken[a:b] = b"\x01" * (b - a)
    return sorted(found)


@lru_cache(maxsize=64)
def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(p) for p in sorted(prefixes, key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![\w'])(?:{alt})(?:[-‐‑–][ \t]?|[ \t])\Z")


def prefixed(lower: str, at: int, prefixes: tuple[str, ...]) -> bool:
    """A word prefix of ``prefixes`` is joined to the word at ``at`` by a hyphen or a space
    ("pre-dialysis", "pre dialysis", "post-pneumonia"): the compound is another word, before
    or after the thing or against it, which it does not name now (``prefixed_not``)."""
    return bool(prefixes) and _prefix_pattern(prefixes).search(lower, max(0, at - 12), at) \
        is not None


def hits(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``phrases`` in ``text``, the longest phrase winning."""
    phrases = _by_length(phrases)
    if len(text) > _LONG:  # (a short text is scanned as fast as its words are listed)
        phrases = tuple(_may_occur(_words(text), phrases))
    elif len(phrases) > _MANY:
        # (a short window searched for every phrase of a policy, ~500: "facet" named near
        # the procedure's own words, about a tenth of a 2 KB note's reading; its words
        # are not kept in ``_words``, which would drop a long text's)
        phrases = tuple(_may_occur(frozenset(_WORD.findall(text)), phrases))
    spans = [span for phrase in phrases for span in phrase_spans(text, phrase)]
    return _longest_first(spans, len(text))


_BROKEN = re.compile(r"(?<![a-z])([a-z]{3,})-?\n([a-z]{3,})(?![a-z])")
_SPLIT_AFTER = re.compile(r"-\n[ \t]*[a-z]")
"""A word hyphenated at its line's end goes on on the next line ("conservative man-\nagement",
"wo-\nman", a PDF paste): the piece before the break is no word of its own."""
_SPLIT_BEFORE = re.compile(r"[a-z]-\n[ \t]*$")


_PIECES = re.compile(r"(?P<left>[a-z]+)-\n[ \t]*(?P<right>[a-z]+)")


def _split_word(raw: str, hyphen: int) -> bool:
    """The hyphen at ``hyphen``, at a line's end, cuts one word: the reader knows it whole,
    or one piece is no word ("man-\nagement", "hu-\nman"); two words the reader knows,
    joined into none it knows, are a compound broken at its hyphen ("pain-\nfree")."""
    start = hyphen
    while start > 0 and raw[start - 1].isalpha():
        start -= 1
    m = _PIECES.match(raw, start)
    if m is None or m.end("left") != hyphen:
        return False
    known = _vocabulary()
    left, right = m["left"], m["right"]
    return left + right in known or left not in known or right not in known


class Occurrences:
    """Where each phrase occurs in one message, found once however often it is asked
    for (the facts and the context triggers share many words)."""

    def __init__(self, text: str, raw: str | None = None) -> None:
        self.text = text
        self.raw = raw if raw is not None and len(raw) == len(text) else text
        """The text before soft line breaks were made spaces (same offsets)."""
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._squeezed_text: str | None = None
        self._runs: list[tuple[int, int]] = []
        self._broken: dict[str, list[tuple[int, int]]] | None = None
        # (each list of phrases is asked for again and again, window by window: what
        # can occur of it, and where, is worked out once)
        self._starts: dict[str, list[int]] = {}
        for m in _WORD.finditer(text):
            self._starts.setdefault(m.group(), []).append(m.start())
        self._words = frozenset(self._starts)
        self._lines = "\n" in self.raw
        # (a word hyphenated across a line, "man-\nagement": known once per message, not
        # looked for in the whole text at each phrase)
        self._hyphen_split = "-\n" in self.raw
        self._long_broken: tuple[str, ...] | None = None
        self._present: dict[tuple[str, ...], list[str]] = {}
        self._every: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def _broken_words(self) -> dict[str, list[tuple[int, int]]]:
        """Long words broken across a line with no hyphen (a fax or OCR line break:
        "stiff\nness"), by the whole word."""
        if self._broken is None:
            self._broken = {}
            for m in _BROKEN.finditer(self.raw):
                if all(self.text[m.start(i):m.end(i)] == m[i] for i in (1, 2)):  # not masked
                    self._broken.setdefault(m[1] + m[2], []).append(m.span())
        return self._broken

    def _squeezed(self) -> str:
        """The text with runs of spaces inside a line as one (only to know a wide search
        can find anything)."""
        if self._squeezed_text is None:
            self._runs = [m.span() for m in _RUN.finditer(self.text)]
            self._squeezed_text = _RUN.sub(" ", self.text) if self._runs else ""
        return self._squeezed_text

    def _phrase_spans(self, phrase: str) -> list[tuple[int, int]]:
        """:func:`phrase_spans`, tried only where the text has a word that starts the
        phrase (a whole-word match starts there: no scan of the text per phrase)."""
        first = _first_word(phrase)
        if first is None:
            return phrase_spans(self.text, phrase) if phrase else []
        text, pattern, size, out, end = self.text, None, len(phrase), [], -1
        split = self._hyphen_split
        for at in self._starts.get(first, ()):
            if at >= end and text.startswith(phrase, at):
                pattern = pattern or phrase_re(phrase)
                if pattern.match(text, at) and not (split and self._fragment(at, at + size)):
                    out.append((at, at + size))
                    end = at + size
        return out

    def _fragment(self, a: int, b: int) -> bool:
        """``raw[a:b]`` is a piece of a word hyphenated across a line ("man-\nagement" is no
        "man": p28a read a man from a pasted PDF's "conservative man-\nagement"). The word
        whole, if long, is found as ``_broken_words`` finds one cut with no hyphen."""
        raw = self.raw
        if raw[b - 1:b].isalpha() and _SPLIT_AFTER.match(raw, b):
            return _split_word(raw, b)
        before = _SPLIT_BEFORE.search(raw, max(0, a - 12), a) if raw[a:a + 1].isalpha() else None
        return before is not None and _split_word(raw, before.start() + 1)

    def spans(self, phrase: str) -> list[tuple[int, int]]:
        found = self._spans.get(phrase)
        if found is None:
            found = self._phrase_spans(phrase)
            if not found and " " in phrase and self._squeezed() and \
                    ((first := _first_word(phrase)) is None or first in self._starts) and \
                    phrase in self._squeezed():
                # "moderate\n   impairment", a line wrapped with an indent (unwrapped to
                # spaces, offsets kept), is still the phrase: looked for only around such
                # runs of spaces.
                wide, size = _wide_re(phrase), len(phrase)
                found = sorted({m.span() for a, b in self._runs
                                for m in wide.finditer(self.text, max(0, a - size), b + size)})
            if self._lines and len(phrase) >= 8 and phrase.isalpha():
                found = sorted(found + self._broken_words().get(phrase, []))
            self._spans[phrase] = found
        return found

    def present(self, phrases: tuple[str, ...]) -> list[str]:
        """The phrases of ``phrases`` that may occur in the text, in their order: only
        these can have ``spans`` (``_may_occur``; a long word broken across a line is
        found whole)."""
        found = self._present.get(phrases)
        if found is None:
            if self._long_broken is None:
                self._long_broken = tuple(w for w in self._broken_words() if len(w) >= 8) \
                    if "\n" in self.raw else ()
            found = self._present[phrases] = _may_occur(self._words, phrases,
                                                        self._long_broken)
        return found

    def _all_spans(self, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        """Every span of every phrase of ``phrases``, by start."""
        found = self._every.get(phrases)
        if found is None:
            found = self._every[phrases] = sorted(
                span for p in self.present(phrases) for span in self.spans(p))
        return found

    def hits(self, phrases: tuple[str, ...], lo: int = 0, hi: int | None = None
             ) -> list[tuple[int, int]]:
        """Like :func:`hits` over ``text[lo:hi]``, in whole-text offsets."""
        hi = len(self.text) if hi is None else hi
        every = self._all_spans(phrases)
        spans = [(a, b) for a, b in every[bisect_left(every, (lo,)):bisect_left(every, (hi,))]
                 if b <= hi]
        if not spans:
            return []
        return [(a + lo, b + lo) for a, b in
                _longest_first([(a - lo, b - lo) for a, b in spans], hi - lo)]


# ------------------------------------------------------------ disowned text

CLAUSE_STOP = re.compile(r"[.;!?](?=\s|$)|\n")
"""Where a clause ends after a point: a stop before a space or the end, or a line break."""


_DISOWN = re.compile(
    # ("should be ignored: PT 12 weeks, no infection": the words after it are disowned too)
    r"\b(?:do not use|don'?t use|ignored?|disregard(?:ed)?|not this patient|"
    r"not (?:about )?(?:this|my|"
    r"our) (?:patient|member)|wrong (?:patient|member|pt)|wrong chart|"
    # (a nurse's shorthand too: "(rm 12 pt also c/o CP 9/10 - diff pt, charge aware)")
    r"diff(?:erent|\.)? (?:patient|member|pt)|another (?:patient|member|pt)|other patient"
    r"|scratch that|strike that|belongs to (?:a )?(?:another|different) patient"
    # "PS - unrelated, Mr. Ortiz's PT was 14 weeks." (outside tester session 8 F11): the
    # writer says the sentence is about something else ("pain unrelated to activity" is not)
    r"|unrelated(?!\s+to\b)|(?:unrelated|not related) to (?:this|the|our|my) "
    r"(?:patient|pt|case|request|referral|auth|authorization)"
    # "The WBC of 19 you saw is my 2pm patient": said of another of the writer's patients
    r"|(?:is|was|are|were|belongs? to) (?:from |for )?my (?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|"
    r"other|next|previous|last|earlier|later|morning|afternoon|bed \d+|room \d+) patient(?:'?s)?"
    r"|(?:was|is|were) (?:an? )?(?:typo|mistake|error)|entered in error|copied from another|"
    r"(?:flag|entry|line|value) (?:is|was) (?:wrong|incorrect|an error)|template (?:error|text)|"
    r"not patient[- ]specific|(?:that'?s|that is|it'?s|it is|was) (?:an? )?(?:\w+ )?"
    r"(?:error|mistake|typo)|(?:strike|ignore|disregard|delete|remove) the "
    r"(?:line|part|bit|entry|sentence))\b",
    re.I)
_DISOWN_REFERENCE = re.compile(
    r"\b(?:ignore|disregard|scratch|strike|delete|remove|drop)\s+(?:the\s+|that\s+|my\s+)?"
    r"[\"“']?(?P<what>[^\"”'.;\n]{2,40}?)[\"”']?\s+(?:above|earlier|before|i wrote|i said|"
    r"i mentioned|mentioned|from before|line|part|bit)\b", re.I)
_TAKE_BACK_THEN = re.compile(r"\s*(?:(?:no|oh|ok|okay|sorry|wait)[\s,.!-]*)*(?:scratch|strike) "
                             r"that\b[\s,.!:;–—-]*(?=[a-z0-9]|$)(?!.*\b(?:ignore|disregard|patient)\b)")
"""A sentence that opens by taking back what came before it and goes on."""
_QUOTED = re.compile(r"[\"“](?P<q>[^\"”]{1,400})[\"”]")
_RELATIVE = (r"husband|wife|spouse|partner|mother|father|mom|dad|sister|brother|son|daughter|"
             r"grandmother|grandfather|aunt|uncle|cousin|friend|roommate|boyfriend|girlfriend")
_NOT_HERS = re.compile(
    # "the WBC 18.2 on this encounter belongs to the patient's son": a relative's result
    # filed under the patient's name; "... filed under his MRN in error". (Another bed's
    # figures beside an apology, "Temp 39.1 C - sorry, that was the patient in bed 3", are
    # read and held for a yes: tests/test_doubtful_denials.py.)
    rf"\b(?:belongs? to (?:the |her |his |their |the patient'?s |patient'?s |the pt'?s |pt'?s )?"
    rf"(?:{_RELATIVE})"
    r"|(?:filed|scanned|charted|uploaded) (?:here |under [^.;\n]{1,30}? )?in error)\b")
"""Words that give their sentence's figures to another person. Said of the sentence only,
never of the document above it ("Wife's hip X-rays were filed under his name in error"
in a line of a note leaves the rest of the note the patient's)."""
LAST_NOT_HERS = re.compile(
    r"\s*(?:(?:sorry|oops|whoops|my bad|no|oh|wait|ok|okay|actually|hold on|ugh|shoot|"
    r"hmm+|um+|uh+)[\s,.!-]*)*"
    # (a contraction too: "sorry no, that's the other patient. this one is not pregnant"
    # kept the other patient's 20 weeks: outside tester 20 F14)
    r"(?:wrong (?:patient|chart|person)|(?:that|this|it|those|these)(?: one| last one| message)?"
    r"(?:'s|’s| (?:was|is|were|are)) (?:for |about |from )?"
    r"(?:(?:a |the |my )?(?:wrong|different|another|other|next|previous) "
    r"(?:patient|person|chart|pt)(?:'?s|’s)?|someone else'?s|somebody else'?s|"
    rf"(?:her|his|their|the patient'?s|my other patient'?s) (?:{_RELATIVE})(?:'s)?))"
    r"(?=[\s,.!:;–—-]|$)")
"""A message that opens by saying the last one was someone else's ("sorry, wrong patient -
she is not pregnant", "oh wait, that was her husband. she did no PT")."""
_THINGS = (r"(?: one| last one| (?:last )?(?:message|line|lines|entry|paste|note|lab|labs|result|"
           r"results|vitals|value|values|number|numbers|figures|readings))")
_IS = r"(?:'s|’s| (?:was|is|were|are))(?: all)? (?:for |about |from |of )?"
_OTHER_BED = (r"(?:the |a |an )?(?:patient|pt|person|lady|man|woman|gentleman|guy|one) "
              r"(?:in|from|of) (?:bed|room|rm|bay|cubicle|stretcher|chair) ?[\w-]+(?:'s|’s)?")
LAST_ONES_OWNER = re.compile(
    r"\s*(?:(?:sorry|oops|whoops|my bad|no|oh|wait|ok|okay|actually|hold on|ugh|shoot|"
    r"hmm+|um+|uh+)[\s,.!-]*)*"
    rf"(?:(?:that|those){_THINGS}?{_IS}{_OTHER_BED}|"
    rf"(?:that|this|it|those|these){_THINGS}?{_IS}(?:a |the |my )?"
    r"(?:wrong|different|another|other|next|previous) (?:patient|person|chart|pt)(?:'?s|’s)?)"
    r"(?=[\s,.!:;–—-]|$)")
"""A chat message that opens by giving what the user sent just before to another patient
by any pointer ("those are from the pt in bed 12", "that line was another patient's"):
the last message is someone else's. (Only a chat's opening: inside a note, "Temp 39.1 C.
Sorry, that was the patient in bed 3." is read and held for a yes.)"""
_WRONG_THEN = re.compile(LAST_NOT_HERS.pattern + r"[\s,.!]*(?:-+|–|—|,|\.)\s*"
                         r"(?=(?:she|he|they|the patient|patient|pt|this patient|our patient|"
                         r"my patient)\b)")
"""... and goes on about the patient at hand: those words are hers."""


_DISOWN_THAT = re.compile(r"\b(?:ignore|disregard|scratch|strike)\s+(?:that|the|this)\s+"
                          r"(?P<what>[a-z][a-z /&-]{1,30}?)\s+(?:date|value|number|figure|"
                          r"result|entry|reading|score)\b")


def _earlier_values(lower: str, what: str, before: int) -> list[tuple[int, int]]:
    """"Ignore that MRI date": the earlier mentions of "MRI" with the value after them."""
    value = r"[\s:=-]*(?:on\s+|dated\s+|of\s+)?[\d][\d/.,-]*(?:\s*/\s*10)?"
    return [m.span() for m in re.finditer(rf"\b{re.escape(what)}\b{value}", lower[:before])]


_PAGE_MARK = re.compile(r"^[ \t]*(?:-{3,}|={3,}|\*{3,}|#{2,}|page\s+\d+)", re.M)
"""A line that starts a new part of a pasted packet ("--- Page 4 of fax ---")."""


_PATIENT_HEADER = re.compile(r"^[^\n]*\b(?:patient|pt name|name)\s*:[^\n]*$", re.M)
"""A document's header line naming its patient ("CT CHEST ... Patient: GARCIA, MARIA")."""


def _disowned_parts(lower: str) -> list[tuple[int, int]]:
    """A page marker or a heading that gives its part to another patient ("--- Page 4
    of fax (misfiled, belongs to a different patient: John R., 58M) ---", "Wrong
    patient, do not use:"): the lines under it, up to the next page marker. A line
    marking the document above it ("[handwritten across scan: WRONG PATIENT - not
    ours]" under "CT CHEST ... Patient: GARCIA, MARIA ... Impression: RLL mass"): the
    lines from that document's patient header down to it."""
    spans = []
    for line in re.finditer(r"^[^\n]*$", lower, re.M):
        text = line.group(0).strip()
        if not _DISOWN.search(text):
            continue
        if _PAGE_MARK.match(text) or text.endswith(":"):
            following = _PAGE_MARK.search(lower, line.end())
            spans.append((line.start(), following.start() if following else len(lower)))
        elif (header := _header_above(lower, line.start())) is not None:
            spans.append((header, line.end()))
    return spans


def _header_above(lower: str, at: int) -> int | None:
    """The start of the patient header line the line at ``at`` follows, within a few
    lines and no page marker or blank line between; None if there is none."""
    above = lower[max(0, at - 400):at]
    headers = list(_PATIENT_HEADER.finditer(above))
    if not headers:
        return None
    start = headers[-1].start()
    between = above[start:]
    if between.count("\n") > 4 or _PAGE_MARK.search(between, 1) or "\n\n" in between:
        return None
    return at - len(above) + start


_ROOM = re.compile(r"(?:^|(?<=[\s.;]))(?:room|rm|bed)\s*#?\s*(?P<n>\d{1,4}[a-z]?)\b")
_THIS_ONE = re.compile(r"\bthis (?:request|patient|pt|referral|auth|one)\b|\bour patient\b")


def _other_rooms(lower: str) -> list[tuple[int, int]]:
    """A note about several rooms or beds, one of them marked as this request ("Room 4
    (Ms. Diaz): T 39.1 C. Room 5 - this request - Mr. Olsen: T 37.0 C"): what is said
    under the other rooms is about other patients."""
    rooms = list(_ROOM.finditer(lower))
    if len({m["n"] for m in rooms}) < 2:
        return []
    ends = [m.start() for m in rooms[1:]] + [len(lower)]
    parts = [(m.start(), end) for m, end in zip(rooms, ends, strict=True)]
    ours = [(a, b) for a, b in parts if _THIS_ONE.search(lower, a, min(b, a + 60))]
    if len(ours) == 1:
        return [part for part in parts if part != ours[0]]
    # "Bed 12: T 38.9. Bed 14: T 37.1.": two patients' headed lines, neither said to be
    # this one: whose the figures are is asked.
    headed = [part for part, m in zip(parts, rooms, strict=True)
              if re.match(r"[^\n.;]{0,30}?:", lower[m.end():])]
    return parts if not ours and len(headed) >= 2 else []


def disowned(lower: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans the user says are not about this patient or not to be used: the sentence
    that disowns, a quoted passage it points at, and earlier mentions of the words it
    names ("ignore the 14 weeks above")."""
    spans: list[tuple[int, int]] = _disowned_parts(lower) + _other_rooms(lower)
    for i, (start, end) in enumerate(sentences):
        head = _TAKE_BACK_THEN.match(lower, start, end) or _WRONG_THEN.match(lower, start, end)
        if head:
            # "He has an infection. Scratch that, he has no infection.": what it takes
            # back came before it; the words after it are the new statement.
            spans += sentences[i - 1:i] + [(start, head.end())]
        elif (back := _said_again(lower, start, end)) is not None:
            spans += back
        elif (figure := _figure_called_wrong(lower, start, end)) is not None:
            spans += figure
        elif _DISOWN.search(lower[start:end]) or _NOT_HERS.search(lower[start:end]):
            spans.append((start, _turns_to_ours(lower, start, end)))
    for match in _DISOWN_THAT.finditer(lower):
        spans += _earlier_values(lower, match["what"].strip(), match.start())
    for match in _DISOWN_REFERENCE.finditer(lower):
        what = match["what"].strip()
        for other in re.finditer(re.escape(what), lower):
            spans.append(other.span())
    for match in _QUOTED.finditer(lower):
        before = lower[max(0, match.start() - 60):match.start()]
        if _DISOWN.search(before) and not re.search(r"[.;!?\n]", before[-40:]):
            spans.append(match.span())
        elif _disowned_after(lower[match.end():match.end() + 60]):
            spans.append(match.span())
    return spans


@cache
def _ours_clause() -> re.Pattern[str]:
    """A clause break, then a clause that turns to the patient at hand ("; this patient's
    temperature at the visit was 37.1 C", " - for THIS pt gait is normal"): the words of
    ``retractions.ours`` in ``context.yaml`` (this module comes before ``context.py``)."""
    ours = load_yaml(Path(__file__).with_name("context.yaml"))["retractions"]["ours"]
    words = "|".join(re.escape(w) for w in sorted(ours, key=len, reverse=True))
    return re.compile(r"(?:;|\s[-–—]+\s|,\s*but\b)\s*(?:(?:and|but|whereas|while)\s+)?"
                      rf"(?:{words})(?!\w)")


def _turns_to_ours(lower: str, start: int, end: int) -> int:
    """Where a disowning sentence stops being another patient's: at a clause that turns
    back to this patient after the words that disown (the whole sentence was blanked, and
    the patient's own figure with it: fresh30 "...entered for the wrong patient; this
    patient's temperature ... was 37.1 C" asked the temperature); else its end. A turn
    before the disowning words is no turn ("this patient's chart had the wrong patient's
    labs" stays blanked)."""
    said = lower[start:end]
    last = max((m.end() for pat in (_DISOWN, _NOT_HERS) for m in pat.finditer(said)),
               default=0)
    turn = _ours_clause().search(said, last)
    return start + turn.start() if turn else end


_FIGURE_WORD = (r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty)")
_SAID_AGAIN = re.compile(
    rf"(?<![\w.])(?P<old>{_FIGURE_WORD}(?:[ \t]+[a-z]+){{0,2}})[\s,;:-]*(?:scratch|strike) that"
    rf"[\s,;:.-]*(?={_FIGURE_WORD}\b)")
"""A figure said again at once ("three weeks scratch that two weeks", a dictation's
voice command): only the figure before the command is taken back."""


def _said_again(lower: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans a sentence's "scratch that" between two figures takes back, when that
    is its only disowning (a dictation runs on as one sentence: disowning it all lost a
    whole note, fresh17); None when the sentence says more."""
    again = list(_SAID_AGAIN.finditer(lower, start, end))
    if not again:
        return None
    rest = lower[start:end]
    for m in reversed(again):
        rest = rest[:m.start() - start] + " " * (m.end() - m.start()) + rest[m.end() - start:]
    if _DISOWN.search(rest) or _NOT_HERS.search(rest):
        return None
    return [(m.start("old"), m.end()) for m in again]


_FIGURE_WRONG = re.compile(
    r"(?:\bthe\s+)?(?<![\d/.,])(?P<fig>\d+(?:[.,/]\d+)*)\s*(?:%|[a-z]{1,5}\b)?\s+(?:one\s+)?"
    r"(?:was|is|were)\s+(?:just\s+)?(?:an?\s+)?(?:(?!(?:not|no|never|an?)\b)[a-z]+[ \t]+){0,2}?"
    r"(?:typo|mistake|error|misprint|wrong|incorrect|"
    r"mistyped|transcription error|typing error)\b")
"""A figure its own words call wrong ("the 78 was a typo", "11/14 was wrong"), the error
named by its kind ("the 38.4 was a thermometer error, her temperature is 36.9 C": the
whole sentence was disowned and the nurse's 36.9 lost with it, outside tester 29 F5)."""


def _figure_called_wrong(lower: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """"wait the FEV1 was amended to 87%, the 78 was a typo": a sentence that calls one
    figure wrong takes back that figure, wherever the sentence gives it, not the sentence
    (disowning it lost the corrected 87 too: outside tester 20 C2); None when the rest
    of the sentence disowns more."""
    called = list(_FIGURE_WRONG.finditer(lower, start, end))
    if not called:
        return None
    rest = lower[start:end]
    for m in reversed(called):
        rest = rest[:m.start() - start] + " " * (m.end() - m.start()) + rest[m.end() - start:]
    if _DISOWN.search(rest) or _NOT_HERS.search(rest):
        return None
    spans = [m.span() for m in called]
    for m in called:
        copy = re.compile(rf"(?<![\d/.,]){re.escape(m['fig'])}(?![\d]|[/.,]\d)")
        spans += [c.span() for c in copy.finditer(lower, start, end)]
    return spans


_DISOWN_AFTER = re.compile(r"[\s\-–—;:,(]*(?:note\s*:\s*|nb\s*:\s*)?(?P<rest>[^.!?\n]*)")


def disowning(text: str) -> bool:
    """The words say what they are about is not to be used or is another person's."""
    return bool(_DISOWN.search(text) or _NOT_HERS.search(text))


def _disowned_after(after: str) -> bool:
    """A quoted passage the next words, on its line and before a full stop, say is
    another patient's or not to be used ('Per OB/GYN letter: "patient is 14 weeks
    pregnant" - NOTE: letter is for a different member; disregard', outside fresh15):
    the quotation is theirs, as it is after 'do not use: "..."'."""
    rest = _DISOWN_AFTER.match(after)
    return rest is not None and _DISOWN.search(rest["rest"][:45]) is not None


# (case-sensitive: "PT 1: 6 weeks, PT 2: 8 weeks" are courses of therapy)
_NUMBERED_PATIENT = re.compile(r"(?:^|[\s.;(])(?:[Pp]atient|PATIENT|Pt\.?|Pat\.)\s*#?\s*"
                               r"(?P<n>[1-9]|[A-Da-d])\s*[:)\-–—]", re.M)


_LISTED_PATIENT = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)]|[-*•#])[ \t]*(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+)?"
    r"(?P<name>(?:[A-Z]\.[ \t]*)?[A-Z][a-z'-]+(?:[ \t]+[A-Z][a-z'-]+)?)[ \t]*[,(-][ \t]*"
    r"\d{1,3}[ \t]?(?:[MF]|yo|y/o|yr|years?)\b", re.M)
"""A list line that opens with a person and an age ("1) J. Smith, 61M - PT 14 wks")."""


def several_patients(text: str) -> bool:
    """The message is about two or more numbered patients ("Patient 1: ... Patient 2:"),
    or lists two or more people by name and age, one a line ("1) J. Smith, 61M - ...
    2) M. Jones, 44F - ...": a UR nurse's list of the day's requests; outside tester
    session 8 F27)."""
    return len({m["n"].lower() for m in _NUMBERED_PATIENT.finditer(text)}) >= 2 or \
        len({m["name"] for m in _LISTED_PATIENT.finditer(text)}) >= 2


# ------------------------------------------------------------ "Pt" the patient

_PATIENT_VERBS = (r"is|was|has|had|with|w/|denies|denied|reports|reported|states|stated|"
                  # Spanish, as staff write it: "pt refiere dolor", "pt niega fiebre"
                  r"refiere|presenta|tiene|niega|reporta|dice|est[aá]|tuvo|hizo|"
                  r"presents|presented|c/o|complains|complained|endorses|endorsed|underwent|"
                  r"completed|tried|failed|did|does|notes|rates|rated|describes|agrees|here|"
                  r"seen|returns|continues|remains|feels|says|admits|"
                  r"tolerated|declined|refuses|lives|works|weighs|takes|uses|reports|"
                  r"also|still|now|currently|unable|able|needs|wants|requests|got|went|unsure|not|"
                  r"doesn'?t|can'?t|cannot|can no longer|can not|no longer|"
                  r"will|would|should|may|might|could|didn'?t|hasn'?t|"
                  r"herself|himself|brings|brought|arrives|called|calls|"
                  r"asked|asks|told|tells|said|agreed|prefers|understands|verbalized|"
                  r"verbalizes|expressed|mentioned|thinks|believes|knows|chose|elected|opted|"
                  r"'s|’s|\d{1,3}\s*(?:y/?o|yo|years?)")
_PATIENT_ACTS = (r"(?:fell|slipped|tripped|fainted|collapsed|passed out|woke|slept|"
                 r"hurt|injured|twisted|sprained|strained|struck|bumped|banged|hit|broke|"
                 r"cut|burned|lost)(?=\s+(?:his|her|their)\b)|"
                 r"[a-z]+(?=\s+(?:himself|herself|themself|themselves)\b)"
                 r"|(?:fell|slipped|tripped|fainted|collapsed|passed out|woke up|slept)")
"""What only a person does: an injury to a part of their own ("pt hit his head", "pt hurt
her back lifting": therapy has no head or back; not "pt helped her", which therapy does),
a verb with a reflexive after it ("pt pushed himself"), or a fall, a faint, a
night's sleep ("pt fell at home", "pt slipped on ice"; fresh25's transfer log "no bleed\npt
hit his head" read no physical therapy at all)."""
_PATIENT = re.compile(rf"\bpt\.?(?=\s*(?:{_PATIENT_VERBS}|{_PATIENT_ACTS})(?!\w))", re.I)
_PATIENT_CAPS = re.compile(r"\bPT(?=\s+(?:is an?|was an?|denies|reports|states|presents|"
                           r"complains|endorses)\b)")


_PATIENT_STATE = re.compile(
    r"\b([Pp]t)\.?(?=[ \t]+(?:pregnant|postpartum|post-partum|diabetic|febrile|afebrile|"
    r"tired|fatigued|anxious|depressed|obese|nauseated|nauseous|hypertensive|"
    r"hypoxic|hypoxemic|tachycardic|ambulatory|alert|oriented|lethargic|confused|sick|ill|"
    r"unwell|dyspneic|pleasant|cooperative|agitated|frail|elderly|male|female|breastfeeding|"
    r"lactating|immunocompromised|septic|nonambulatory|non-ambulatory|bedbound|bed-bound)\b)")
""""Pt pregnant, 12 weeks.", "pt tired, 6 weeks": a state only a person is in names the
patient; the weeks after it are that state's, never physical therapy's (outside tester 25
F4: a copied-forward pregnancy read as 12 weeks of PT)."""


_PATIENT_ON = re.compile(
    r"\b([Pp]t)\.?(?=[ \t]+(?:has[ \t]+been[ \t]+|is[ \t]+|was[ \t]+)?on[ \t]+"
    r"(?!hold\b|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|weekends?\b|"
    r"(?:the[ \t]+)?schedule\b|\d+[ \t]*(?:x|/)|\d{1,2}/\d)[a-z0-9~])")
""""Pt on 2 L NC at home for 3 years", "pt on meloxicam for 10 weeks": the patient on a
drug or a device, never physical therapy for that long (outside tester 30 F9 read 156
weeks of PT from home oxygen). Upper-case "PT" stays therapy ("PT on hold", "pt on
Tuesdays" a schedule)."""


_PATIENT_NAMED = re.compile(r"\b([Pp]t)\.?(?=\s+(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+\b"
                            r"(?!\s+(?:x|for|\d)))")
""""62311 for pt Garcia": "pt" before a capitalised name is the patient (not "PT
Tuesday"? a weekday is no name, but no fact reads PT on a day either)."""


_PATIENT_OUT = re.compile(r"\b([Pp]t\.?)(?=\s+(?:about\s+|~\s*)?\d+(?:\.\d+)?\s*(?:-\s*)?"
                          r"(?:days?|d|weeks?|wks?|w|months?|mos?|mo|years?|yrs?|y)\.?\s+"
                          r"(?:out|post|s/p|status post|after|since|pregnant|gestation|"
                          r"postpartum|pp)\b)")
""""Pt 16 weeks out from MVC", "pt 3 mo post-op", "Pt 13 weeks pregnant": the patient,
counted from an event, not 16 weeks of physical therapy."""


_PATIENT_AGED = re.compile(
    r"\b(?:([Pp]t)\.?(?=[ \t]+\(?\d{1,3}[ \t]*(?:-?[ \t]*(?:y/?o|yo|y\.o\.|yrs?|years?)"
    r"(?:[- ]old)?[ \t]*)?(?:F|M|female|male|woman|man|[Ff]emale|[Mm]ale)\b|"
    r"[ \t]*\((?:F|M|female|male|[Ff]emale|[Mm]ale)\b)|"
    r"(PT)(?=[ \t]+\d{1,3}[ \t]*-?[ \t]*(?:y/?o|yo|y\.o\.|yrs?[ \t]+old|years?[- ]old)[ \t]*"
    r"(?:F|M|female|male|woman|man)?\b))")
""""Pt 34 F states she is 10 wks pregnant", "pt 71 yo M", "Pt (71 F, post-menopausal)",
"Pt (M, 45)": the patient's age and sex after "Pt", never 34 weeks of therapy (fresh24's
telepharmacy note read its "10 wks" as PT).
Upper-case "PT" only before an age word: "PT 6 M" may be six months of it."""


_PATIENT_THIS = re.compile(r"\b(?:this|that|the|our|my|your|another|other|next|same|a|new)\s+"
                           r"(pt\.?)(?![\w.])")
""""not this pt - this pt has none", "the pt": a determiner before lower-case "pt" makes it
a person (therapy is "PT", "the PT" stays therapy: upper case is not matched here)."""


_CLINICIAN_ROLES = (r"RN|LPN|MD|DO|NP|PA|PA-C|CRNA|Dr\.?(?:[ ][A-Z][a-z]+)?|Nurse|Provider|Tech|"
                    r"Attending|Scribe|Surgeon|Anesthesia")
CLINICIAN_ROLE = re.compile(_CLINICIAN_ROLES)
"""A transcript's speaker label that is a clinician ("RN", "Dr Patel")."""
_CLINICIAN_SPEAKS = re.compile(r"(?:^|(?<=[.?!\n])[ \t]*|(?<=[.?!][ ]))"
                               rf"(?:{_CLINICIAN_ROLES})[ \t]*:", re.M)
_PATIENT_SPEAKS = re.compile(r"(?:^|(?<=[.?!\n])[ \t]*|(?<=[.?!][ ]))([Pp]t)[ \t]*:", re.M)
"""In a transcript whose clinicians speak ("RN: Any bleeding problems? Pt: No."), "Pt:" is
the patient speaking, never physical therapy answered no (fresh20's time-out read PT 0
weeks and 0 courses from "Pt: No"). Upper-case "PT:" stays a field."""


_PATIENT_QUOTED = re.compile(r"\b([Pp]t)[ \t]*:[ \t]*[\"“]")
"""'Pt: "No, it's been 3 months."': a turn quoted after "Pt:" is the patient's words, with
or without a clinician speaking (outside tester 26 F9 read PT 0 weeks from it). Upper-case
"PT:" before a quote stays a field."""


_PATIENT_HEARD = re.compile(
    r"\b(?:per|according to|as told by|told|tells|asked|asks|informed|advised|educated|"
    r"instructed|counsell?ed|reassured|interviewed|called|phoned|(?:discussed|reviewed|"
    r"spoke|spoken|talked|met|consented|went over \w+|(?:phone |tele)?(?:call|conversation|"
    r"discussion|interview|visit|encounter|chat)) (?:with|w/|to)|explained to|"
    r"(?:call|conversation|discussion|interview|visit|encounter|chat) w/)[ \t]+"
    r"(?:the[ \t]+)?([Pp]t)\.?(?![\w/-])(?![ \t]+(?:notes?|records?|evals?|evaluation|"
    r"flowsheets?|logs?|therapists?|discharge|summary|progress|clinic|provider|office|"
    r"dept|department)\b)")
"""Lower-case "pt" as the one a writer talks with or hears from: "per pt: acupuncture and
herbs", "Phone call w/ pt 11/20", "discussed with pt", "told pt to rest" (fresh27: "per pt:
acupuncture" read physical therapy). Therapy is no one to call, tell or quote; "per pt
notes" and "per PT" (the therapist's word) stay therapy's."""


_OTHER_PEOPLE = (r"father|mother|dad|mom|mum|brother|sister|siblings?|spouse|wife|husband|partner|"
                 r"sons?|daughters?|parents?|grandfather|grandmother|grandparents?|uncle|aunt|"
                 r"cousin|roommate|family|fhx|fh")
_CARE_LABELS = (r"tx|treatment|treatments|therapy|therapies|care|conservative|management|mgmt|"
                r"rehab|modalities|physio|physical|exercise|exercises|hep|program|programme")
_CARE_AFTER = (r"pt|physical therapy|physio\w*|therapy|rehab\w*|exercises?|hep|sessions?|visits?|"
               r"courses?|rounds?|blocks?|weeks?|wks?|months?|mos?|x\s*\d")
_PATIENT_ANSWERS = re.compile(
    rf"(?:(?i:\b(?:{_OTHER_PEOPLE})\b)[^\n]{{0,120}}?(?:[.;][ \t]*\n?|\n)"
    rf"[ \t]*(?:[-*•][ \t]*)?"
    rf"|(?:^|(?<=[.;\n]))[ \t]*(?:[-*•][ \t]*)?"
    rf"(?!(?i:(?:prior |previous |past )?(?:{_CARE_LABELS})\b))"
    rf"[A-Za-z][A-Za-z/&() ]{{1,30}}?[ \t]*(?:-|–|:)[ \t]*)"
    rf"([Pp]t)\.?[ \t]*:(?![^.;\n]*?(?i:\b(?:{_CARE_AFTER})\b))", re.M)
""""Mother: DM2, HTN. Pt: none.", "FHx: father COPD. Pt: none.", "Comorbidities - pt: none.",
"Smoking: pt: never": "Pt:" after another person's sentence, or as a field under a label of
the patient's history, answers for the patient, never "PT: none" (outside tester 29 F1 read
0 weeks of physical therapy and five failed clauses). Upper-case "PT:" stays therapy, so
does a label of care ("Prior tx - pt: none") or care words after it ("Pt: 14 wks PT")."""


def transcript_speakers(text: str) -> bool:
    """A clinician and the patient ("Pt:") both speak in ``text``: it is a transcript."""
    return bool(_CLINICIAN_SPEAKS.search(text) and _PATIENT_SPEAKS.search(text))


def patient_mentions(text: str) -> list[tuple[int, int]]:
    """Spans where "Pt" / "pt." means the patient, not physical therapy ("PT").

    Staff write "Pt" for the patient and "PT" for physical therapy; lower-case "pt" is
    the patient when a verb follows ("pt has had LBP"), therapy otherwise ("pt x 6 wks").
    """
    spans = []
    for match in _PATIENT.finditer(text):
        if not match.group(0).startswith("PT"):  # upper-case PT is therapy (but see below)
            spans.append(match.span())
    spans += [m.span() for m in _PATIENT_CAPS.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_NAMED.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_STATE.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_ON.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_OUT.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_THIS.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_HEARD.finditer(text)]
    spans += [m.span(1) if m.group(1) else m.span(2) for m in _PATIENT_AGED.finditer(text)]
    if _CLINICIAN_SPEAKS.search(text):
        spans += [m.span(1) for m in _PATIENT_SPEAKS.finditer(text)]
    spans += [m.span(1) for m in _PATIENT_QUOTED.finditer(text)]
    if ":" in text:
        spans += [m.span(1) for m in _PATIENT_ANSWERS.finditer(text)]
    return spans

_LITERAL_FIELD = re.compile(
    r"(?P<label>(?<![\w-])[a-z][a-z0-9]*(?:[-_ ][a-z0-9]+){0,5})[\"']?[ \t]*(?P<sep>[:=])[ \t]*"
    r"(?P<answer>true|false)\b")
"""A field answered with a literal of an export or a program ("cosmetic-purpose = false",
"active_infection: true"; fresh17's FHIR bundle read both labels as a yes)."""


_JSON_PAIR = re.compile(r'"(?P<key>[a-z][a-z0-9]*(?:[_ -][a-z0-9]+){0,5})"(?P<gap1>[ \t]*):'
                        r'(?P<gap2>[ \t]*)"(?P<value>[^"\s]{1,30})"')
"""An export's field of one word or a date ('"symptom_onset":"2026-08-20"', '"sex":"M"').
(Not a value of several words, '"pregnancy_status_note":"user skipped question"': set
apart as a label, its words ran into the fields before it and named the patient pregnant.)"""


def json_pairs(lower: str) -> str:
    """An export's fields of words written as staff write a form's (same length): the key's
    underscores as spaces, its closing quote and the value's as spaces, the colon after the
    key ('"symptom_onset":"2026-08-20"' is '"symptom onset: 2026-08-20 '; fresh22: an app's
    onset and the user's sex were read from none of its fields)."""
    def field(m: re.Match[str]) -> str:
        key = re.sub(r"(?<=[a-z0-9])[_-](?=[a-z0-9])", " ", m["key"])
        # (its opening quote kept: a line it opens is no new "Label:" line, so a pair
        # wrapped under the one it belongs to stays in its sentence, FHIR's
        # '"performedDateTime": "2026-07-30"' under its procedure's name)
        return '"' + key + ":" + m["gap1"] + " " + m["gap2"] + " " + m["value"] + " "
    return _JSON_PAIR.sub(field, lower) if '":' in lower else lower


def literal_answers(lower: str) -> str:
    """Such a field written as staff write it, in the same length: its label's joining
    hyphens or underscores as spaces, "=" as ":", ``true``/``false`` as yes/no."""
    def field(m: re.Match[str]) -> str:
        label = re.sub(r"(?<=[a-z0-9])[-_](?=[a-z0-9])", " ", m["label"])
        answer = "yes " if m["answer"] == "true" else "no   "
        middle = m.group(0)[m.end("label") - m.start():m.start("answer") - m.start()]
        return label + middle.replace("=", ":") + answer
    # (every such field ends in "true" or "false": a pattern tried at each character of
    # every message, when most hold neither word)
    return _LITERAL_FIELD.sub(field, lower) if "true" in lower or "false" in lower else lower


_SMARTLIST_ANSWERED = re.compile(
    r"\{[a-z][^{}\n]{0,40}:\d{1,9}(?::[^{}\n]{0,40})?\}(?=[ \t]*(?:yes|no|y|n|none|negative|"
    r"positive|n/a|na)\b)")
"""An EHR template's pick-list token ("{YES/NO:123}", an Epic SmartList: its choices and its
number) with the writer's answer typed after it on its line."""


def smartlist_answered(lower: str) -> str:
    """Such a token blanked, so the answer after it answers the field ("Has conservative
    care failed? {YES/NO:123} Yes": fresh18's template read neither, the printed "no" of
    the choices standing against the "yes"). A token with no answer after it stays: every
    answer printed and none chosen, the field is asked."""
    if "{" not in lower:
        return lower
    return _SMARTLIST_ANSWERED.sub(lambda m: " " * len(m.group(0)), lower)


_SPOKEN = re.compile(r"(?<=\w)(?P<ws>\s+)(?P<mark>period|full stop|comma|colon|semicolon)\b|"
                     r"\bnew (?:paragraph|line)\b")
_SPOKEN_MARKS = {"period": ".", "full stop": ".", "comma": ",", "colon": ":", "semicolon": ";"}
_SPOKEN_WORDS = ("period", "full stop", "comma", "colon", "new paragraph", "new line")
"""Words every ``_SPOKEN`` command holds ("semicolon" holds "colon")."""


_TTY_TURN_END = re.compile(r"(?<!\S)(?:ga(?:[ \t]+(?:or[ \t]+|to[ \t]+)?sk)?|sk)(?=[ \t]*(?:\n|$))")
"""A relay or TTY user's end of turn: "GA" (go ahead), "SK" (stop keying), "GA OR SK"."""
_TTY_QUESTION = re.compile(r"(?<=\w)[ \t]+q(?=[ \t]+(?:ga|sk)[ \t]*(?:\n|$)|[ \t]*(?:\n|$))")
"""A TTY question mark, typed as the letter Q at the end of the turn ("ARE YOU PREGNANT Q GA")."""
_TTY_ERASED = re.compile(r"(?<!\S)[^\s]+[ \t]+x{2,}(?=[ \t]|\n|$)")
"""A word a TTY typist took back: the word, then "XX" ("HAD IT 5 XX 15 WEEKS")."""


def tty_marks(text: str, lower: str) -> str:
    """A TTY or relay conversation typed in capitals with no stops ("BACK PAIN I HAVE HAD
    IT 5 XX 15 WEEKS GA") written with the marks its conventions stand for, in the same
    length: "GA"/"SK" ending a turn are its full stop, a "Q" ending it a question mark,
    and a word before "XX" is taken back, blanked with it (phrase35a read a pain of 5 from
    the erased 5 of "IT 5 XX 15 WEEKS", and the 8 of "PAIN WAS 5 NOW IT IS 8 GA" as the
    baseline). Only in a text typed in capitals with such a turn end: elsewhere "GA" is
    Georgia and "XX" a redacted name."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 6 or sum(ch.isupper() for ch in letters) < 0.9 * len(letters) or \
            not _TTY_TURN_END.search(lower):
        return lower
    lower = _TTY_ERASED.sub(lambda m: " " * len(m.group(0)), lower)
    lower = _TTY_QUESTION.sub(lambda m: m.group(0)[:-1] + "?", lower)
    return _TTY_TURN_END.sub(lambda m: "." + " " * (len(m.group(0)) - 1), lower)


def spoken_punctuation(lower: str) -> str:
    """A dictation that kept its voice commands ("he rates it seven out of ten today
    period new paragraph") written with the marks they stand for, in the same length, so
    sentences and the scopes of negations end where the speaker ended them (fresh17: a
    "not three period PT plans and progress notes" denied the notes). Only in a message
    that uses at least two kinds of command five times or more: elsewhere "period" is a
    word ("cert period", "a period of 16 weeks")."""
    if not any(word in lower for word in _SPOKEN_WORDS):
        return lower  # (no command: the pattern is not tried at each character)
    found = list(_SPOKEN.finditer(lower))
    if len(found) < 5 or len({m["mark"] or "new" for m in found}) < 2:
        return lower
    def mark(m: re.Match[str]) -> str:
        said = m.group(0)
        if m["mark"] is None:
            return "\n" + " " * (len(said) - 1)
        # (the mark takes the word's first letter's place after the space, so a line
        # break before it stays where it was)
        return _SPOKEN_MARKS[m["mark"]] + m["ws"] + " " * (len(m["mark"]) - 1)
    return _SPOKEN.sub(mark, lower)


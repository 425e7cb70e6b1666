"""Values in staff text, by kind: durations, counts, rates, scores, temperatures, cell
counts and dates (ISO, M/D/YY, "Aug 20, 2026", "30 Sep 2026", "3 weeks ago").

Everything here is about the shape of a value, nothing about which fact it fills: that
is :mod:`agent.reading.facts`. A value is found with its span so the reader can quote
the user's words and use each number once.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from policies.checker import months_before
from policies.model import FactSpec

_WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                 "once": 1, "twice": 2, "a": 1, "an": 1, "single": 1, "several": -1}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twenty four weeks", "thirty-six months": read whole, not as "four weeks"
_WORD_NUMBERS.update({f"{t}{sep}{u}": n + i + 1 for t, n in _TENS.items()
                      for i, u in enumerate(_UNITS) for sep in (" ", "-")})
_WORD_NUMBERS.update(_TENS)
_BELOW_100 = ("(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](?:one|two|three|four|"
              "five|six|seven|eight|nine)|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
              "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
              "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
# ("for approximately one hundred days", "the past one hundred and twelve days": a
# dictated length is said in words, hundreds too; phrase26a)
_WORD_NUM_RE = (rf"(?:one|a|two|three)[ -]hundred(?:(?:[ -]and)?[ -](?:{_BELOW_100}))?|"
                "(?:twenty|thirty|forty|fifty)[ -](?:one|two|three|four|five|six|seven|eight|"
                "nine)|thirty|forty|fifty|"
                "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
                "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
WORD_NUMBERS = _WORD_NUM_RE
"""The numbers written in words, as one alternation ("twenty-four", "five")."""
# (a lone letter after a tab is a table's next cell, a yes column's "Y", not a unit:
# "14<TAB>Y<TAB>pt ill" is no 14 years; fresh13); nor is "w/" ("with"): "pain 7 w/ bending" is
# no 7 weeks (session 27)
_FOREIGN_UNITS = {
    # Spanish and Portuguese, Italian, French, German, Dutch, Polish, Tagalog, Turkish: the
    # words staff and referring doctors abroad write a length in ("da 4 mesi", "seit 8
    # Monaten", "depuis 3 mois", "9 maanden", "mga 4 na buwan", "6 aydır"; phrase26a/b).
    # Longest first, so that "months" never stops at "mes" of "meses".
    # (and Norwegian, Danish, Swedish, Finnish, Hungarian, Catalan, Romanian, Czech: "i 10
    # uker", "14 uger", "sedan 5 månader", "4 kuukautta", "16 hétig", "fa 6 setmanes",
    # "14 săptămâni", "3 měsíce"; phrase27a/b, fresh31)
    "weeks": ("semanas", "semana", "settimane", "settimana", "semaines", "semaine", "wochen",
              "woche", "weken", "tygodni", "tygodnie", "tygodnia", "tydzień", "tydzien",
              "linggo", "haftadır", "haftadir", "hafta",
              "uker", "uke", "uger", "uge", "veckor", "vecka", "viikkoa", "viikon", "viikko",
              "hétig", "hete", "hét", "setmanes", "setmana", "săptămâni", "săptămână",
              "saptamani", "saptamana", "týdnů", "týdny", "týden", "tydnu", "tydny",
              # (Indonesian and Malay, Vietnamese: "fisioterapi 6 minggu", "6 tuần mỗi đợt";
              # phrase28b, fresh28)
              "minggu", "tuần", "tuan",
              # (the words a machine translation leaves in place: Albanian, Icelandic,
              # Hebrew, Korean, Thai, Hindi and Urdu written in Latin letters, Croatian,
              # Serbian, Slovak, Slovenian, Greek, Arabic, Persian, Japanese: "16 javë
              # (weeks)", "10 vikur", "14 שבועות", "10주", "ไอ 3 สัปดาห์", "6 hafte";
              # phrase29a. Not the Chinese "周": a letter's "共 14 周 [14 weeks]" gives
              # its translation beside it, read as a second length)
              "javë", "javët", "jave", "vikur", "vikna", "viku", "שבועות", "שבוע", "주",
              "สัปดาห์", "hafte", "tjedana", "tjedna", "nedelja", "nedelje", "týždňov",
              "týždne", "tednov", "tedne", "εβδομάδες", "εβδομάδων", "أسابيع", "هفته",
              "週間"),
    "months": ("meses", "mes", "mesi", "mese", "mois", "monaten", "monate", "monat",
               "maanden", "maand", "miesięcy", "miesiecy", "miesiące", "miesiace", "miesiąc",
               "miesiac", "buwan", "aydır", "aydir", "ay",
               "måneder", "måned", "maaneder", "maaned", "månader", "månad", "kuukautta",
               "kuukauden", "kuukausi", "hónapja", "hónapig", "hónap", "mesos", "luni",
               "lună", "luna", "měsíců", "měsíce", "měsíc", "mesicu", "mesice",
               "bulan", "tháng",
               # (as the weeks above: "5 เดือน", "3 개월", "8 muaj", "6 mánuði", "7 חודשים")
               "muaj", "mánuði", "mánuðir", "mánuða", "חודשים", "חודש", "개월", "เดือน",
               "mahine", "mahina", "mjeseci", "mjeseca", "meseci", "meseca", "mesiacov",
               "mesiace", "mesecev", "mesece", "μήνες", "μηνών", "أشهر", "شهور", "ماه",
               "个月", "個月", "ヶ月", "か月", "カ月"),
    "days": ("días", "dias", "día", "dia", "giorni", "jours", "jour", "tagen", "tage", "dagen",
             "dni", "araw", "gündür", "gundur", "gün", "gun",
             "dager", "dage", "dagar", "päivää", "napja", "napig", "dies", "zile"),
    "years": ("años", "año", "anos", "ano", "anni", "ans", "jahren", "jahre", "jaar", "jaren",
              "lat", "taon", "yıldır", "yildir", "yıl", "yil",
              "år", "vuotta", "éve", "anys", "ani", "roky", "let"),
}
_FOREIGN_UNIT = {word: unit for unit, words in _FOREIGN_UNITS.items() for word in words}
# Swahili puts the unit before its figure ("maumivu ... kwa miezi 5", "physio wiki 6"):
# read unit first, or the bare 5 is left for a pain score (fresh37's rufaa read "pain 5",
# a baseline of 2 and a denial). Not "miaka" (years): "miaka 39" is an age.
_UNIT_FIRST = {"miezi": "months", "mwezi": "months", "wiki": "weeks", "siku": "days"}
_UNIT_FIRST_RE = re.compile(r"(?<![\w.])(?P<unit>" + "|".join(_UNIT_FIRST) +
                            r")\s+(?P<num>\d+(?:\.\d+)?)(?![\w.,/:-]*\d)(?![\w/])", re.I)
# (Tagalog links a figure to its unit with "na": "4 na buwan", "12 na linggo")
_DUR_UNIT = (r"weeks?|wks?|(?<!\t)w(?!/(?!o\b))|months?|mos?|mths?|days?|(?<!\t)d|years?|yrs?|"
             r"(?<!\t)y|"
             r"(?:na\s+(?=(?:buwan|linggo|araw|taon)\b))?(?:"
             + "|".join(sorted(_FOREIGN_UNIT, key=len, reverse=True)) + ")")
DURATION_UNITS = _DUR_UNIT
FOREIGN_WEEKS_MONTHS = "|".join(sorted(_FOREIGN_UNITS["weeks"] + _FOREIGN_UNITS["months"],
                                      key=len, reverse=True))
"""The foreign words of weeks and months, as one alternation (a stated total's units)."""
FOREIGN_TOTAL = (r"totalt|i alt|yhteensä|összesen|insgesamt|en total|au total|in totale|em total|"
                 r"celkem|łącznie|toplamda|toplam")
""""In total" in the languages of referrals from abroad ("totalt 14 veckor", "i alt 14 uger",
"összesen 16 hétig"; phrase27a, fresh31), for every pattern of a stated total."""
"""The words of a length's unit, as one alternation (for patterns elsewhere that need one)."""
_LEFT = r"(?<![\w.])(?<!\w[-/])"
"""A number starts a token: not "L4-5", "C5/6", "120/80", "v2"."""
# ("knee pain x10 wks": an "x" glued to a length is "for", as in "x 10 wks"; outside tester
# session 10's pasted "×10 wks" was dropped silently)
_DURATION_RE = re.compile(
    r"(?:(?<![\w.])|(?<=(?<!\w)x))(?<!\w[-/])(?:(?P<num>\d+(?:\.\d+)?)\+?(?:\s*(?:-|to|–)\s*(?P<hi>\d+(?:\.\d+)?))?"
    rf"\s*-?\s*(?P<unit>{_DUR_UNIT})"
    # "twice a week", "3 times a week" are rates, not "a week" of anything.
    # (but a dictated "times sixteen weeks" is "x 16 weeks": phrase26a)
    rf"|(?:(?<!twice )(?<!once )(?<!times )(?<!x )(?<!per )(?<!every )"
    rf"|(?<=\btimes )(?!an?\b)|(?<=\bx )(?!an?\b))"
    rf"(?P<word>{_WORD_NUM_RE}|a|an)(?:\s*(?:-|to|–|or)\s*(?P<whi>{_WORD_NUM_RE}))?"
    r"[\s-]+(?P<wunit>weeks?|months?|days?|years?))\b", re.I)
_OUT_OF_TEN = ("de", "sobre", "sur", "von", "su", "em", "op", "sa", "na",
               # (Greek, Russian, Ukrainian, Czech, Swedish, Danish, Romanian: "8 στα 10",
               # "7 из 10", "6 з 10", "5 z 10", "7 av 10", "7 af 10", "8 din 10"; p31a)
               "στα", "στο", "из", "з", "z", "av", "af", "din")
"""The words of "7 out of 10" in the languages staff paste from ("un 7 de 10", "7 sobre 10",
"7 sur 10", "7 von 10", "7 su 10", "7 em 10", "7 op 10", "7 sa 10", "7 na 10")."""
_SUPERSCRIPT = "[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]"
"""A superscript digit ("⁹" of "10⁹/L")."""
_SUPERSCRIPT_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
                                    "0123456789")
_QUANTITY = re.compile(
    # ("Pain score ate out of 10": the 10 is the scale, never the score; outside tester
    # session 8 F26)
    _LEFT + r"(?<!out of )(?<!out of)"
    # ("Pain in the thorax of 6 in 10 today", "7 on 10": a translated or a French "sur 10";
    # the 10 after a score is the scale's top, never a score of its own: fresh20)
    r"(?!(?:(?<=(?<![\w.])\d [io][nf] )|(?<=(?<![\w.])\d (?:sur|von) )"
    r"|(?<=(?<![\w.])\d (?:sa|su|na|op|em|di|de|из|av|af) )|(?<=(?<![\w.])\d (?:z|з) )"
    r"|(?<=(?<![\w.])\d (?:στα|στο|din) ))10(?![\d.]))"
    # ("Pain [illegible]/10", "Pain ***/10", "Pain __ /10": a figure after the slash of an
    # unreadable or blank value is the scale's; outside tester session 16 F4)
    r"(?<![\]*?_ \t]/)"
    r"(?P<sign>[-+−](?=\d))?(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    # ("1st failed course": the first of a series says which one, never a count of one; a
    # later ordinal, "her 2nd failed course", does say there were two, and with a third
    # named too the figures disagree and are asked)
    # (never the "12" of "12.1": a figure is read whole or not at all)
    r"(?!\d|\.\d|(?<=(?<![\d.])1)st\b)"
    # ("HEP 3x10 reps", "2 x 10": sets times repetitions, no value; "16.4 x10^9/L" is)
    r"(?![ \t]*x[ \t]*\d+(?![\d^*(eE\u2070\u00b9\u00b2\u00b3\u2074-\u2079]|[ \t]*\^))"
    # ("maybe 5 or 6 out of 10": two figures offered before one unit are a range, asked;
    # the unit's figure alone was read, outside tester 18 F9)
    r"(?:\s*(?:-|–|to)\s*(?P<hi>\d+(?:\.\d+)?)|[ \t]+(?:or|or[ \t]+maybe|maybe)[ \t]+"
    r"(?P<hi2>\d+(?:\.\d+)?)(?=[ \t]*(?:/|out[ \t]+of|%|courses?\b|sets?\b|sessions?\b|"
    r"visits?\b|times\b|points?\b|pts?\b)))?"
    # ("VAS 70 mm (of 100)": a visual analogue scale's millimetres of its 100)
    # ("WBC 1.62 x 10^4/uL", "16.2 x10^9/L", "12.1 × 10E3/µL": a power of ten is part of
    # the unit; without it 1.62 read as 1,620 cells: outside tester 20 F2)
    # ("× 10⁹/L": the power in superscript digits, as lab systems and copied PDFs print it;
    # the bare "10" was read as 10,000 cells and a false meets_criteria given: tester 21 F2)
    r"\s*(?P<unit>[x×*][ \t]*10[ \t]*(?:(?:\^|\*\*?|e)[ \t]*\d{1,2}|" + _SUPERSCRIPT + r"{1,2})"
    r"(?:[ \t]*/[ \t]*(?:[uµμ]l|mcl|mm3|mm\^3|mm³|l)\b)?"
    r"|/\s*100\b|mm\s*\(?\s*(?:of|out of|/)\s*(?:a\s+)?100(?:\s*mm)?\b\s*\)?"
    r"|/\s*10\b|out of 10\b|%|°\s*[fc]\b|degrees?\s*[fc]?\b"
    # ("3 out of 5": a score on another scale, no 0-10 score; outside tester 15 F26)
    r"|out of\s*\d+\b"
    # ("un 7 de 10", "7 sobre 10": a score out of 10 in Spanish; fresh19; and in French,
    # German, Italian, Portuguese, Dutch, Tagalog, Polish: "7 sur 10", "7 von 10", "7 su 10",
    # "7 em 10", "7 op 10", "7 sa 10", "7 na 10"; session 27)
    r"|(?:" + "|".join(_OUT_OF_TEN) + r")\s+10\b(?!\s*(?:sesiones|visitas|citas|semanas|"
    r"d[ií]as|veces|s[ée]ances|sitzungen|wochen|semaines|sessioni|settimane|sess[õo]es|"
    r"weken|araw|linggo|wizyt|tygodni|dni)\b)"
    r"|deg\b\.?(?:\s*[fc]\b)?|°|[fc]\b|k\b"
    r"|x\s*/\s*w(?:ee)?k\b|x\s*(?:per|a|/)\s*week\b|x\s*weekly\b"
    # (a second-language writer's "2 times in the week", "3 times by week": fresh23)
    r"|times?\s*(?:per|a|/|each|every|(?:in|for|by)\s+(?:the|a)?)\s*(?:week|wk)\b"
    r"|(?:sessions?|visits?)\s*(?:per|a|/|each|every)\s*(?:week|wk)\b"
    r"|(?:/|per)\s*(?:week|wk)\b|weekly\b"
    # (a referral from abroad: "3 fois par semaine", "2x/Woche", "2 veces por semana",
    # "3 volte alla settimana", "2 keer per week", "2 mal pro Woche")
    r"|(?:x|fois|veces|vezes|volte|mal|keer|razy)\s*(?:/|par|por|a|alla|pro|per|in der|w|"
    r"na)?\s*(?:semaine|semana|settimana|woche|tygodniu)\b"
    r"|courses?\b|sets?\b|cells\b|points?\b"
    r"|pts?\b(?!\s+(?:courses?|sessions?|visits?|notes?|logs?|x\b))"
    r"|(?:mg|mcg|ml|l|lpm|mm|cm|kg|lbs?|bpm|mmhg|hrs?(?!\s*[:=]?\s*\d{2,3}\b(?!\s*min))|hours?|minutes?|mins?|sessions?|visits?"
    # (a span's hours, "Temp (highest 72 h): 38.6 C": no temperature of 72 F)
    # (but not before a bare whole figure, a heart rate's "h 88")
    r"|h(?![ \t]*[:=]?[ \t]*\d{1,3}(?![\d.]))"
    r"|times|levels?|injections?|shots?|patients?|units?|g|gm|grams?|tabs?|tablets?|views?|v"
    r"|falls?|pk-yr|pack-years?|pack years?|mg/l|mm/hr?|/\s*\d+)\b)?", re.I)
# "x3 views" are films of one set, not three of anything the policies count.
_X_COUNT = re.compile(r"(?<![\w/])[x\u00d7]\s*(?P<num>\d+)\b"
                      r"(?!\s*(?:[-/.,]\d|views?\b|" + _DUR_UNIT + r")\b)", re.I)
# "the first one", "the last one", "that one": a pronoun for a thing named before, no count.
_ONE_PRONOUN = (r"(?!(?:(?<=first )|(?<=second )|(?<=third )|(?<=last )|(?<=that )|(?<=this )|"
                r"(?<=which )|(?<=same )|(?<=next )|(?<=latest )|(?<=recent )|(?<=newer )|"
                r"(?<=older )|(?<=earlier )|(?<=later )|(?<=each )|(?<=every )|"
                # ("no better after either one", "neither one helped": no count of one)
                r"(?<=either )|(?<=neither )|(?<=any ))one\b)")
_WORD_COUNT = re.compile(rf"(?<!another )(?<!other )(?<!no )\b{_ONE_PRONOUN}"
                         rf"(?P<word>{_WORD_NUM_RE}|once|twice|a single)\b"
                         # ("on the twenty-second", "the thirty first": a day's ordinal said
                         # in words, no count; phrase28a read 20 sets of X-rays)
                         r"(?![ \t-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                         r"ninth)\b)"
                         # ("two views of one set": the films of one study, as "x3 views")
                         r"(?!\s+(?:(?:x-?ray|xr|radiographic|plain[ -]film)\s+)?views?\b)"
                         # ("up one point": a change's points said in words, as "1 point")
                         r"(?:\s+(?:failed\s+|separate\s+|prior\s+)?(?P<unit>courses?|sets?|"
                         r"sessions?|times?|rounds?|points?))?(?P<rate>\s+(?:a|per|each|every)\s+week|"
                         r"\s+(?:in|for|by)\s+(?:the\s+|a\s+)?week\b|\s+weekly)?",
                         re.I)
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
MONTHS = tuple(name[:3] for name in MONTH_NAMES)
"""The months' three-letter stems, January first: the one list every date reader uses."""
_MONTHS = {m: i for i, m in enumerate(MONTHS, 1)}
# "2026-06-01", and its "2026.06.01" / "2026/06/01" spellings (one separator throughout)
_DATE_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)"
                       r"(?P<d>\d{1,2})(?![\d/-]|\.\d)")
_DATE_US = re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})(?P<sep>[/-])(?P<d>\d{1,2})(?P=sep)"
                      r"(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)")
"""A numeric date with its year, by slashes or hyphens ("11/3/26", "11-03-2026"). A dotted
one ("11.3.26") is read once ``text.month_first`` has settled which figure is the month and
written it with slashes; one nothing settles keeps its dots and is asked."""
BIRTH_DATE = re.compile(r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\s*[:#-]?\s*"
                        r"(?P<d>[^\n,;()]{6,20})")
"""A date of birth and its label ("DOB 07/22/1957", "date of birth: 3 Mar 1961"), on
lower-cased text: ``d`` holds the date's words, for ``dates_in``."""
_DATE_NAMED = re.compile(
    r"\b(?P<mon>jan|feb|mar|apr|may(?!be\b)|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?"
    r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+|\s+|-)(?P<mon2>jan|feb|mar|apr|may(?!be\b)|jun|jul"
    r"|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:,?\s+(?:of\s+)?|-)(?P<year2>\d{4})\b", re.I)
"""A date with its month in words: "Oct 28, 2026", "28 Oct 2026", and a day-first
"28-Oct-2026" (a UK letter's dates: its day was read as a count, outside tester,
session 15, F3)."""
_DATE_NAMED_SHORT_YEAR = re.compile(
    r"(?<![\d/.:-])\b(?P<day>\d{1,2})(?P<sep>[ \t]+|-)(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep"
    r"|sept|oct|nov|dec)[a-z]*\.?(?P=sep)'?(?P<year>\d{2})\b(?![\d/:.]\d|[ \t]*(?:weeks?|wks?"
    r"|days?|months?|mos?|years?|yrs?|%|/10)\b)", re.I)
"""A day, a month's short name and a two-digit year ("18 Mar 26", "3-Jun-26", a British
chart's dates): the year, not the day ("18 Mar 26 and 3 Jun 26" read June 26 and 18 sets
of X-rays: outside tester 31 F9). Only a day that is past by then: a later one is left to
the figures' other readings."""
_DATE_NO_YEAR = re.compile(
    r"\b(?P<mon>jan|feb|mar|apr|may(?!be\b)|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[,/-]?\s*\d)(?!\s*(?:weeks?|wks?|days?|months?))",
    re.I)
"""A month and day with no year ("October 14"): the latest such day up to as_of."""
_DATE_NO_YEAR_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:(?:st|nd|rd|th)\s+(?:of\s+)?|\s+of\s+)(?P<mon>jan|feb|mar|apr|may(?!be\b)|jun"
    r"|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b(?!\.?\s*,?\s*(?:of\s+)?-?\d)", re.I)
"""The day first with no year, as a speaker or a translation puts it ("the 15th of November",
"the 6 of April", "20th January"): a bare "6 April" is left to the figures' other readings."""
_YEAR_SAID = re.compile(r"[ \t]*,?[ \t]*(?:of[ \t]+)?(?P<w>last|this|the[ \t]+previous|"
                        r"the[ \t]+prior)[ \t]+year\b"
                        r"|[ \t]*,?[ \t]*(?P<before>(?:of[ \t]+)?the[ \t]+year[ \t]+before)\b",
                        re.I)
"""A month and day followed by the year in words ("November 15th of last year", "January 20th
this year"): that year's day, not the latest such day (fresh20: a daughter's "hurt since
November 15th of last year" was read as 19 days)."""
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "thirtieth": 30}
_ORDINALS.update({f"{t}{sep}{o}": n + _ORDINALS[o] for t, n in (("twenty", 20), ("thirty", 30))
                  for o in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                            "eighth", "ninth") for sep in (" ", "-") if n + _ORDINALS[o] <= 31})
_ORDINAL_RE = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_MONTH_RE = r"jan|feb|mar|apr|may(?!be\b)|jun|jul|aug|sep|sept|oct|nov|dec"
_SPOKEN_YEAR = (r"(?:twenty|two[ \t]+thousand(?:[ \t]+and)?)[ \t]+(?P<y>(?:twenty|thirty)[ -]"
                r"(?:one|two|three|four|five|six|seven|eight|nine)|twenty|thirty|ten|eleven|twelve"
                r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_SPOKEN_DATE = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})[a-z]*\.?[ \t]+(?P<the>the[ \t]+)?(?P<o>{_ORDINAL_RE})\b"
    rf"|\b(?P<o2>{_ORDINAL_RE})[ \t]+of[ \t]+(?P<mon2>{_MONTH_RE})[a-z]*\b", re.I)
_SPOKEN_YEAR_AFTER = re.compile(rf"(?P<sep>[ \t]*,?[ \t]*(?:of[ \t]+)?){_SPOKEN_YEAR}\b", re.I)


def _spoken_dates(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A date spoken in words ("March third twenty twenty-six", "May fourth", "the twentieth
    of January") written in figures in the same length ("March 3rd   2026          "), so the
    figures' readings find it and its span stays the words' (a dictation's dates were unread,
    fresh20 voice memo). Only an ordinal beside a month's name: "second" alone is no day."""
    if not _SPOKEN_DATE.search(text):
        return text, []
    out = list(text)
    said: list[tuple[int, int]] = []

    def put(start: int, end: int, figure: str) -> None:
        out[start:end] = list(figure.ljust(end - start))
        said.append((start, end))

    for match in _SPOKEN_DATE.finditer(text):
        key = "o" if match["o"] else "o2"
        word = re.sub(r"[ -]+", " ", match[key].lower())
        day = _ORDINALS.get(word, _ORDINALS.get(word.replace(" ", "-"), 0))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day // 10 != 1 else 0, "th")
        # ("September the fifth": the figure takes the article's place too)
        put(match.start("the") if match["the"] else match.start(key), match.end(key),
            f"{day}{suffix}")
        year = _SPOKEN_YEAR_AFTER.match(text, match.end())
        if year is not None:
            word = year["y"].lower().replace("-", " ")
            put(year.start(), year.end(), f" {2000 + int(number_of(word))}")
    return "".join(out), said
_RELATIVE = re.compile(rf"(?<![\w.])(?P<num>\d{{1,4}}|{_WORD_NUM_RE}|a|an)\s*-?\s*"
                       r"(?P<unit>days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)\s+ago\b",
                       re.I)
_BOUND_BEFORE = re.compile(r"(?:more than|over|greater than|longer than|less than|under|"
                           r"at least|at most|no more than|>|<|≥|≤|>=|<="
                           # ("5 or 6 weeks ago": a choice of two days, neither said)
                           r"|(?<![\w.])(?:\d{1,4}|" + _WORD_NUM_RE + r")\s*,?\s+or(?:\s+maybe)?"
                           r")\s*$", re.I)
"""A bound before "12 months ago": the date is before or after that day, not on it; so
is a figure offered with another ("5 or 6 weeks ago")."""
_BOUNDED_AGO = re.compile(rf"(?:more than|over|greater than|longer than|less than|under|"
                          rf"at least|at most|no more than|>|<|≥|≤|>=|<=)\s*"
                          rf"(?:\d{{1,4}}|{_WORD_NUM_RE}|a|an)\s*-?\s*(?:days?|weeks?|wks?|"
                          r"months?|mos?|mths?|years?|yrs?)\s+ago\b", re.I)
_HEDGED_AGO = re.compile(rf"(?:(?:about|around|roughly|approximately|approx\.?|~|circa|maybe|"
                         rf"perhaps)\s*(?:\d{{1,4}}|{_WORD_NUM_RE}|a|an)|\d{{1,4}}\s*(?:-|–|to|or)\s*"
                         rf"\d{{1,4}})\s*-?\s*(?:days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)"
                         r"\s+ago\b", re.I)
"""A hedged or ranged relative date ("MRI about 6 months ago", "roughly 5-7 months ago"):
no day, which may fall on either side of a cut-off: asked."""
_HEDGED_AFTER = re.compile(r"(?:[ \t]*,?[ \t]*(?:or[ \t]+so|or[ \t]+thereabouts?|or[ \t]+more|"
                           r"or[ \t]+less|or[ \t]+longer|give[ \t]+or[ \t]+take|roughly|"
                           r"approx(?:imately|\.)?|more[ \t]+or[ \t]+less|at[ \t]+a[ \t]+guess|"
                           r"i[ \t]+think|i[ \t]+guess|i[ \t]+believe|maybe|perhaps)\b|-?ish\b)",
                           re.I)
"""A hedge right after a relative date ("the x ray was a year ago or so", "6 weeks ago-ish",
"a year ago, give or take"; p30a read the day a year back): no day, asked."""
_DATE_WORDS = re.compile(r"\b(?P<w>today|yesterday|this week|last week|this morning|"
                         r"this afternoon)\b(?![ \t]+of[ \t]+[a-z])", re.I)
"""Words that name a day counted from the writer's today ("X-rays taken this morning" in a
call log's entry is that entry's day); not a week of a named month ("onset in the last week
of July": phrase30b read 7 days)."""
_DATE_VAGUE = re.compile(r"\b(?:(?:in|last|this|early|late|mid)[- ](?:jan|feb|mar|apr|"
                         r"may(?!be\b)|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                         r"|last (?:month|year|spring|summer|fall|winter)"
                         r"|(?:jan|feb|mar|apr|may(?!be\b)|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                         r"\.? \d{4}|\b\d{1,2}/\d{4}|recently|a while ago|some time ago"
                         # ("did one years ago", "many months ago": no count, no day)
                         r"|(?:(?<![\w.])(?:one|an?|1|many|several|some|few|a few|ages|"
                         r"couple of|a couple of)[ \t]+)?(?:years|months|weeks|ages)[ \t]+ago)\b"
                         rf"|{_BOUNDED_AGO.pattern}|{_HEDGED_AGO.pattern}", re.I)
_AGE = re.compile(r"(?<![.\d])\b\d{1,3}\s*-?\s*(?:y/?o\b|yo\b|y\.o\.|years?[- ]old\b|"
                  r"yrs?[- ]old\b|year[- ]old\b|yom\b|yof\b)|\baged? \d{1,3}\b"
                  r"|(?<![.\d])(?<!temp )(?<!temperature )(?<!tmax )(?<!t )(?<!fever )"
                  r"(?<!fever of )(?<!febrile to )\b\d{2}\s?[mf]\b"
                  # the figure right after the patient's sex is an age ("Patient is female,
                  # 44." answered a weeks question with 44; outside tester session 15 F12)
                  r"|\b(?:female|male|woman|man|f|m)[ \t]*,[ \t]*(?:age[ \t]*)?\d{1,3}\b"
                  r"(?![ \t]*(?:weeks?|wks?|months?|mos?|days?|years? of|yrs? of|%|/))"
                  # an age in words, as dictation writes it ("a fifty eight year old man with
                  # low back pain since ..." read symptoms of 58 years; fresh13)
                  r"|\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                  r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|eighteen|nineteen)"
                  r"[ -]years?[ -]old\b", re.I)
# (a comma then a digit continues a number, "16,200"; a comma then a space is a list)
_CPT_CODE = re.compile(r"(?<![\d.,/-])\d{5}(?!\d|,\d|\.\d)")
_COURSE_LENGTH = re.compile(r"(?<![\w.])(?:\d+|six|eight|twelve)[- ]?(?:weeks?|wks?)"
                            r"(?=\s+(?:courses?|trials?|rounds?|blocks?)\b)", re.I)


_HUNDREDS = re.compile(r"(?P<h>one|a|two|three)[ -]hundred(?:(?:[ -]and)?[ -](?P<rest>.+))?")


def number_of(text: str) -> float:
    text = text.lower()
    if text in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text])
    if hundreds := _HUNDREDS.fullmatch(text):
        rest = hundreds["rest"] or ""
        below = _WORD_NUMBERS.get(re.sub(r"\s+", " ", rest), 0)
        return float(100 * _WORD_NUMBERS[hundreds["h"]] + below)
    return float(text.replace(",", "").replace("−", "-"))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_Found = list[tuple[date | None, tuple[int, int]]]


def _absolute(text: str, as_of: date) -> _Found:
    found: _Found = []
    for match in _DATE_ISO.finditer(text):
        found.append((safe_date(int(match["y"]), int(match["m"]), int(match["d"])),
                      match.span()))
    for match in _DATE_US.finditer(text):
        if match["sep"] == "-" and len(match["y"]) == 2 and \
                not (len(match["m"]) == len(match["d"]) == 2):
            continue  # "3-4-12" is more likely a range than a date; "11-02-26" is a date
        year = int(match["y"])
        if year < 100:
            year += 2000 if 2000 + year <= as_of.year + 1 else 1900
        found.append((safe_date(year, int(match["m"]), int(match["d"])), match.span()))
    for match in _DATE_NAMED.finditer(text):
        mon = (match["mon"] or match["mon2"]).lower()[:3]
        found.append((safe_date(int(match["year"] or match["year2"]), _MONTHS[mon],
                                int(match["day"] or match["day2"])), match.span()))
    for match in _DATE_NAMED_SHORT_YEAR.finditer(text):
        day = safe_date(2000 + int(match["year"]), _MONTHS[match["mon"].lower()[:3]],
                        int(match["day"]))
        if day is not None and day <= as_of:  # (overlaps: dates_in keeps the first)
            found.append((day, match.span()))
    return found


def _without_year(text: str, as_of: date) -> _Found:
    found: _Found = []
    for match in [*_DATE_NO_YEAR.finditer(text), *_DATE_NO_YEAR_DAY_FIRST.finditer(text)]:
        if match["mon"].lower() == "may" and not re.match(r"\s*\d", text[match.end("mon"):]) \
                and match.re is _DATE_NO_YEAR:
            continue
        day = safe_date(as_of.year, _MONTHS[match["mon"].lower()[:3]], int(match["day"]))
        end = match.end()
        said = _YEAR_SAID.match(text, end)
        if said is not None:  # "November 15th of last year": that year's, whatever today is
            end = said.end()
            if said["before"] or said["w"].lower() != "this":
                day = safe_date(as_of.year - 1, day.month, day.day) if day else None
            elif day is not None and day > as_of:
                day = None  # "December 20th this year" said before it came: no past day
        elif day is not None and day > as_of:
            day = safe_date(as_of.year - 1, day.month, day.day)
        found.append((day, (match.start(), end)))
    return found


_PRONOUN_ONE = re.compile(r"one|a|an|1", re.I)
_PLURAL_UNITS = frozenset({"days", "weeks", "wks", "months", "mos", "mths", "years", "yrs"})
"""A count of one before a plural unit ("did one years ago", "got one months ago"): the "one"
stands for the thing done, not a count of the unit; no day is said."""


def _relative(text: str, as_of: date) -> _Found:
    found: _Found = []
    hedged = [h.span() for h in _HEDGED_AGO.finditer(text)]  # (once, not per date)
    for match in _RELATIVE.finditer(text):
        if _BOUND_BEFORE.search(text[max(0, match.start() - 20):match.start()]) or \
                any(a <= match.start() < b for a, b in hedged) or \
                _HEDGED_AFTER.match(text, match.end()):
            continue  # "more than 12 months ago", "about 6 months ago" are no day: asked
        if _PRONOUN_ONE.fullmatch(match["num"]) and match["unit"].lower() in _PLURAL_UNITS:
            # ("he thinks the VA did one years ago": "one" is the study, and "years ago"
            # gives no day; fresh38 read an MRI a year old)
            continue
        n = number_of(match["num"])
        unit = match["unit"].lower()
        value: date | None
        try:
            if unit.startswith("m") and n <= 12000:
                value = months_before(as_of, int(n))
            elif unit.startswith("y") and n <= 1000:
                value = months_before(as_of, 12 * int(n))
            else:
                value = as_of - timedelta(days=n * (7 if unit.startswith("w") else 1))
        except (ValueError, OverflowError):
            value = None
        found.append((value, match.span()))
    for match in _DATE_WORDS.finditer(text):
        delta = {"yesterday": 1, "last week": 7}.get(match["w"].lower(), 0)
        day = _SAID_DAY.match(text, match.end())
        if day is not None and match["w"].lower() not in ("this week", "last week"):
            # "X-rays here today, 11/27", "H&P today (11/24)": the writer's today is the
            # day written beside it, not ours (a note pasted days later).
            found.append((last_on_or_before(int(day["m"]), int(day["d"]), as_of),
                          (match.start(), day.end())))
            continue
        found.append((as_of - timedelta(days=delta), match.span()))
    return found


_SAID_DAY = re.compile(r"(?:['’]s)?[ \t]*(?:[,(][ \t]*)?(?P<m>1[0-2]|0?[1-9])/"
                       r"(?P<d>3[01]|1[1-9]|2\d|0?[1-9])(?=[ \t]*(?:[.;,)\n]|$))")
"""A month and day with no year right after "today", ending its phrase ("today, 11/27.",
"today (11/24)", "done today 11/24, report is in"); not a day "/10", more likely a score
("7/10 today, 8/10 yesterday")."""


def last_on_or_before(month: int, day: int, today: date) -> date | None:
    """The last ``month``/``day`` on or before ``today`` (None: no such day)."""
    for year in (today.year, today.year - 1):
        found = safe_date(year, month, day)
        if found is not None and found <= today:
            return found
    return None


def relative_date(text: str) -> bool:
    """``text`` gives a date counted from some day ("today", "3 weeks ago")."""
    return bool(_RELATIVE.search(text) or _DATE_WORDS.search(text))


def dates_in(text: str, as_of: date, relative_to: date | None = None
             ) -> list[tuple[date | None, tuple[int, int]]]:
    """Every date in ``text`` with its span; None for one that is not a valid date.
    ``relative_to``: the day "today", "yesterday", "3 weeks ago" count from (a note's
    date of service), when it is not ``as_of``."""
    found: _Found = []
    text, said = _spoken_dates(text)
    named = _absolute(text, as_of) + _without_year(text, as_of)
    for value, span in named + _relative(text, relative_to or as_of):
        if not any(a < span[1] and span[0] < b for _, (a, b) in found) and \
                not _beside_named(text, span, named):
            # (a date written from words ends where its words end: "May fourth", not "May fo")
            end = max([b for a, b in said if a < span[1] < b], default=span[1])
            found.append((value, (span[0], end)))
    return sorted(found, key=lambda f: f[1])


_BESIDE = re.compile(r"(?:['’]s)?[\s,:(=-]{0,4}")
"""What may stand between a day word and the day written beside it: a possessive ("the
H&P is today's, 11/30/2026": outside tester 33 F8 dated it the day of the check), a
comma, a colon, a bracket."""


def _beside_named(text: str, span: tuple[int, int], named: _Found) -> bool:
    """A word date with the day written out beside it ("today 11/19/2026", "11/19/2026
    (today)"): the day written out is the date, not the reader's today."""
    if not _DATE_WORDS.fullmatch(text, *span):
        return False
    return any(_BESIDE.fullmatch(text, span[1], a) or _BESIDE.fullmatch(text, b, span[0])
               for _, (a, b) in named)


def vague_date(text: str) -> re.Match[str] | None:
    """A date too vague to store ("in August", "last year", "recently"): asked back."""
    return _DATE_VAGUE.search(text)


def first_date(text: str, as_of: date) -> tuple[date | None, tuple[int, int] | None]:
    found = dates_in(text, as_of)
    return found[0] if found else (None, None)


def mask(text: str, *regexes: re.Pattern[str]) -> str:
    for regex in regexes:
        text = regex.sub(lambda m: " " * len(m.group(0)), text)
    return text


_COUNT_UNIT = re.compile(r"\s*(cells|/|per|k\b)")
"""A unit right after a five-digit number: a cell count ("16000 cells", "12000/uL")."""


def code_spans(lower: str) -> list[tuple[int, int]]:
    """Five-digit numbers that name a procedure code (not "WBC 16000")."""
    out = []
    for match in _CPT_CODE.finditer(lower):
        # (the words end at most 22 characters before the code: a window, not the whole
        # text before it, is searched, which grew with the number of codes times length)
        if re.search(r"\b(wbc|white|count|plt|platelets?|cells)\b[^\d]{0,12}$",
                     lower[max(0, match.start() - 40):match.start()]) or \
                _COUNT_UNIT.match(lower, match.end()) or (
                    _SMARTLIST_OPEN.search(lower[max(0, match.start() - 40):match.start()])
                    and _SMARTLIST_CLOSE.match(lower, match.end())):
            continue
        out.append(match.span())
    return out


_SMARTLIST_OPEN = re.compile(r"\{[^{}\n]{0,36}:\s*$")
_SMARTLIST_CLOSE = re.compile(r"\s*(?::[^{}\n]*)?\}")
"""An EHR SmartList left unanswered ("Active infection: {Yes/No:12345}"): the digits are
the list's id, no procedure code (outside tester 32 C6: "no policy for CPT 12345")."""


def mask_ages(text: str) -> str:
    """``text`` with ages ("41 yo", "62-year-old") blanked: they are no figure of a fact."""
    return mask(text, _AGE)


_SCALE = re.compile(r"\(\s*0?0\s*(?:-|–|to)\s*10\s*\)|\b0?0\s*(?:-|–|to)\s*10\s+(?:scale|nrs)\b"
                    # "(5-point scale)", "a five point scale": the scale's size, no score
                    r"|\b(?:\d+|five|four|three|seven|ten|eleven)[- ]point\s+(?:scale|likert)\b",
                    re.I)
"""The scale a score is given on ("Pain (0-10): 5", "on a 0-10 scale", an MDS item's
"(00-10)"), not a score."""



_DATE_SPAN = re.compile(r"(?<![\d/.-])\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?\s*[-–]\s*"
                        r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/-])")
"""A span of two dates joined by a dash ("08/01/2025-01/30/2026"), whose ends the date
patterns leave alone (a dash may not touch a date): masked whole, so "Pulmonary rehab:
08/01/2025-01/30/2026 (26 wks)" keeps its weeks beside its name."""


_FOREIGN_MONTHS = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
                   "octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|"
                   "setembro|outubro|novembro|dezembro|janvier|février|fevrier|mars|avril|mai|"
                   "juin|juillet|août|aout|septembre|octobre|novembre|décembre")
_DATE_FOREIGN = re.compile(
    rf"\b\d{{1,2}}(?:\s+de|\s+)?\s+(?:{_FOREIGN_MONTHS})\b(?:\s+(?:de\s+|del\s+)?\d{{4}})?"
    rf"|\b(?:{_FOREIGN_MONTHS})\s+\d{{1,2}}\b", re.I)
"""A day with its month in Spanish, Portuguese or French ("el 3 de agosto", "3 août"):
a date, so its day is no score or count ("My shoulder pain empezó el 3 de agosto ... el
dolor es un 7 de 10" read pain 3; fresh19)."""


def mask_dates(text: str) -> str:
    text = mask(text, _DATE_SPAN, _DATE_ISO, _DATE_US, _DATE_NAMED, _DATE_NAMED_SHORT_YEAR,
                _DATE_NO_YEAR, _DATE_NO_YEAR_DAY_FIRST, _RELATIVE, _AGE, _SCALE, _DATE_FOREIGN)
    for a, b in code_spans(text.lower()):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    hi: float | None
    unit: str  # normalised: duration unit word, "/10", "%", "F", "C", "k", "rate", "" ...
    text: str
    explicit_degree: bool = False
    negative: bool = False
    """Written with a minus sign: never a duration or a count."""
    days: int | None = None
    """The exact count of days of a span between two dated days (its ``value`` is in weeks,
    rounded): what a length fact reads, "120 days", not "17.1 weeks" (phrase26a)."""


_POWER = re.compile(r"[x×*]10(?:(?:\^|\*\*?|e)(?P<exp>\d+)|(?P<sup>" + _SUPERSCRIPT +
                    r"+))(?:/(?P<per>.+))?$")


def _unit_of(raw_unit: str) -> str:
    """The normalised unit of a quantity's unit words."""
    if power := _POWER.match(raw_unit):
        per = (power["per"] or "").replace("µ", "u").replace("μ", "u")
        per = "/l" if per == "l" else "/ul" if per else ""
        exp = power["exp"] or power["sup"].translate(_SUPERSCRIPT_DIGITS)
        return f"1e{exp}{per}"  # "x10^4/uL" -> "1e4/ul"; "×10⁹/L" -> "1e9/l"
    named = {"/100": "/100", "/10": "/10", "outof10": "/10",
             **{f"{word}10": "/10" for word in _OUT_OF_TEN},
             "%": "%", "k": "k",
             "courses": "course", "course": "course", "sets": "set", "set": "set",
             "cells": "cell", "point": "point", "points": "point", "pt": "point",
             "pts": "point"}
    if raw_unit in named:
        return named[raw_unit]
    if raw_unit.startswith("mm") and "100" in raw_unit:
        return "/100"  # "70 mm (of 100)" on a visual analogue scale
    if raw_unit.endswith("f") and raw_unit[:1] in ("°", "d", "f"):
        return "F"
    if raw_unit.endswith("c") and raw_unit[:1] in ("°", "d", "c"):
        return "C"
    if raw_unit.startswith("deg") or raw_unit == "°":
        return "deg"  # an angle ("extension 10 deg", "flexion 40°") or a bare temperature
    if re.search(r"week|wk|semaine|semana|settimana|woche|tygodniu", raw_unit):
        return "rate"
    return "other" if raw_unit else ""


# ("a quarter of a year", "half a year", "three quarters of a year": the "a year" alone was
# read as 52 weeks, a rehabilitation requirement shown met on 13 weeks; outside tester 17 F5)
_FRACTION_BEFORE = re.compile(r"(?:\b(?P<n>a|one|two|three)[\s-]+)?\b(?P<f>half|quarters?|"
                              r"thirds?)(?:\s+of)?\s+$", re.I)
_FRACTIONS = {"hal": 0.5, "qua": 0.25, "thi": 1 / 3}
# ("a year and a half", "3 months and a half": the whole part alone understated the span)
_AND_A_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b(?!\s*(?:-|to|–)?\s*\w*\s*"
                               r"(?:weeks?|months?|days?|years?))", re.I)
# ("one and a half years", "6 and a half weeks": unread, the "a half years" is no span)
_AND_A_HALF_RE = re.compile(rf"(?<![\w.])(?P<num>\d+|{_WORD_NUM_RE})\s+and\s+a\s+half[\s-]+"
                            r"(?P<unit>weeks?|months?|days?|years?)\b", re.I)


def _unit_name(raw: str) -> str:
    """ "weeks", "months", "days" or "years" of a length's unit words ("wks", "Monaten",
    "na buwan")."""
    word = raw.split()[-1]
    if word in _FOREIGN_UNIT:
        return _FOREIGN_UNIT[word]
    return {"w": "weeks", "m": "months", "d": "days", "y": "years"}[word[0]]


unit_name = _unit_name


def _fractioned(match: re.Match[str], masked: str) -> tuple[int, int, float] | None:
    """The span and number of a duration said with a fraction ("a quarter of a year",
    "a year and a half"), or None when it has none."""
    start, end = match.start(), match.end()
    value = number_of(match["num"] or match["word"])
    before = _FRACTION_BEFORE.search(masked, 0, start)
    if match["word"] and match["word"].lower() in ("a", "an") and before is not None:
        count = number_of(before["n"]) if before["n"] else 1.0
        return before.start(), end, count * _FRACTIONS[before["f"].lower()[:3]]
    after = _AND_A_HALF_AFTER.match(masked, end)
    if after is not None and match["hi"] is None and match["whi"] is None:
        return start, after.end(), value + 0.5
    return None


_HESITATION = re.compile(
    rf"(?<![\w.,])(?<!\w[-/])(?P<lo>\d{{1,2}}|{_WORD_NUM_RE}),\s+(?:(?:or|maybe|possibly)\s+)?"
    rf"(?P<hi>\d{{1,2}}|{_WORD_NUM_RE})\s*-?\s*(?P<unit>weeks?|wks?|months?|mos?|days?|years?|yrs?)\b",
    re.I)
"""A length said with a spoken hesitation, two neighbouring figures and one unit ("about
four, five months", "2, 3 weeks"): a range, asked like "4-5 months", never the second
figure alone. Only neighbours (n, n+1): "7, 3 weeks" is two things."""


def _hesitations(masked: str, segment: str) -> list[Quantity]:
    out = []
    for match in _HESITATION.finditer(masked):
        lo, hi = number_of(match["lo"].lower()), number_of(match["hi"].lower())
        if hi != lo + 1 or lo < 1:
            continue
        unit = {"w": "weeks", "m": "months", "d": "days", "y": "years"}[match["unit"][0].lower()]
        out.append(Quantity(match.start(), match.end(), lo, hi, unit,
                            segment[match.start():match.end()]))
    return out


_LENGTH_UNIT = r"(?P<unit>weeks?|wks?|months?|mos?|days?|years?|yrs?)\b"
_SUMMED = re.compile(r"(?<![\w.,/+-])(?P<parts>\d{1,2}(?:\.\d)?(?:[ \t]*\+[ \t]*\d{1,2}(?:\.\d)?)+)"
                     r"\s*-?\s*" + _LENGTH_UNIT, re.I)
"""Lengths added up before one unit ("PT: 6 + 4 + 3 weeks", "6 + 7 wks"): their sum, as
the writer means it; the last figure alone understated it (outside tester 18 F8)."""
_LISTED = re.compile(r"(?<![\w.,/-])(?P<parts>\d{1,2}(?:[ \t]*,[ \t]*\d{1,2})*[ \t]*,?[ \t]*"
                     r"(?:and|&)[ \t]+\d{1,2})\s*-?\s*" + _LENGTH_UNIT, re.I)
"""Several figures sharing one unit ("in 3 blocks: 4, 4 and 5 weeks", "8 and 6 weeks"):
several lengths, not the last one's; asked like a range (outside tester 18 F8)."""


_REPEATED = re.compile(r"(?<![\w.,/+-])(?P<parts>\d{1,2}(?:\.\d)?)[ \t]*-?[ \t]*"
                       r"(?P<unit>weeks?|wks?|months?|mos?)\b[ \t]*[x×][ \t]*(?P<n>[2-9])\b"
                       r"(?![ \t]*(?:/|per\b|a\s+w|times|x\b|sessions?|visits?|daily|weekly))",
                       re.I)
"""A length said so many times ("Conservative treatment 6 wks x 2"): one course's length,
or all of them if they did not overlap; asked like a range (outside tester 18 F8)."""


def _shared_units(masked: str, segment: str) -> list[Quantity]:
    out = []
    for match in _REPEATED.finditer(masked):
        one = float(match["parts"])
        unit = {"w": "weeks", "m": "months"}[match["unit"][0].lower()]
        out.append(Quantity(match.start(), match.end(), one, one * int(match["n"]), unit,
                            segment[match.start():match.end()]))
    for pattern in (_SUMMED, _LISTED):
        for match in pattern.finditer(masked):
            if any(q.start < match.end() and match.start() < q.end for q in out):
                continue
            figures = [float(x) for x in re.findall(r"\d+(?:\.\d)?", match["parts"])]
            unit = {"w": "weeks", "m": "months", "d": "days", "y": "years"}[
                match["unit"][0].lower()]
            value, hi = (sum(figures), None) if pattern is _SUMMED else \
                (min(figures), max(figures))
            out.append(Quantity(match.start(), match.end(), value,
                                hi if hi != value else None, unit,
                                segment[match.start():match.end()]))
    return out


def hesitation_commas(lower: str) -> list[tuple[int, int]]:
    """The commas inside spoken hesitations ("four, five months") and lists of figures
    sharing one unit ("4, 4 and 5 weeks"): they join one quantity, so the clause cutter
    keeps it in one clause (``text._protected``)."""
    return [(i, i + 1) for q in _hesitations(lower, lower) + _shared_units(lower, lower)
            for i in range(q.start, q.end) if lower[i] == ","]


def _durations(masked: str, segment: str) -> list[Quantity]:
    out = _shared_units(masked, segment)
    out += [q for q in _hesitations(masked, segment)
            if not any(p.start < q.end and q.start < p.end for p in out)]
    for match in _AND_A_HALF_RE.finditer(masked):
        unit = {"w": "weeks", "m": "months", "d": "days", "y": "years"}[match["unit"][0].lower()]
        out.append(Quantity(match.start(), match.end(), number_of(match["num"]) + 0.5, None,
                            unit, segment[match.start():match.end()],
                            negative=_minus_before(masked, match.start())))
    for match in _UNIT_FIRST_RE.finditer(masked):
        out.append(Quantity(match.start(), match.end(), number_of(match["num"]), None,
                            _UNIT_FIRST[match["unit"].lower()], segment[match.start():match.end()]))
    for match in _DURATION_RE.finditer(masked):
        if any(q.start <= match.start() < q.end for q in out):
            continue
        # "2x/week" is a rate, not "2 weeks"; "3 x weekly" too.
        tail = masked[match.start():match.end() + 3].lower()
        if re.match(r"\d+(?:\.\d+)?\s*(?:x|times)", tail):
            continue
        if match["word"] and number_of(match["word"]) < 0:
            continue
        unit = _unit_name((match["unit"] or match["wunit"]).lower())
        hi = match["hi"] or match["whi"]
        start, end = match.start(), match.end()
        value = number_of(match["num"] or match["word"])
        fractioned = _fractioned(match, masked)
        if fractioned is not None:
            start, end, value = fractioned
        out.append(Quantity(start, end, value, number_of(hi) if hi else None, unit,
                            segment[start:end], negative=_minus_before(masked, start)))
    out.sort(key=lambda q: q.start)
    return _equated(_compound(out, masked), masked, segment)


_COMPOUND_GAP = re.compile(r"\s*(?:and|&|\+)?\s*$", re.I)
_IN_WEEKS = {"years": 52.0, "months": 52 / 12, "weeks": 1.0, "days": 1 / 7}
# The smaller part must be less than one of the larger unit ("6 mo 8 wks PT" is two
# spans: symptoms and therapy).
_PART_BELOW = {("years", "months"): 12, ("months", "weeks"): 5, ("weeks", "days"): 7,
               ("months", "days"): 31, ("years", "weeks"): 52}


def _compound(found: list[Quantity], masked: str) -> list[Quantity]:
    """ "1 year 2 months", "3 months and 2 weeks": one span, in the smaller unit (the
    first part alone would understate it: 1 year for 14 months)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.hi is None and q.hi is None and not q.negative
                and q.value < _PART_BELOW.get((prev.unit, q.unit), 0)
                and _COMPOUND_GAP.match(masked[prev.end:q.start])):
            total = prev.value * _IN_WEEKS[prev.unit] / _IN_WEEKS[q.unit] + q.value
            out[-1] = Quantity(prev.start, q.end, round(total, 2), None, q.unit,
                               prev.text + masked[prev.end:q.start] + q.text,
                               negative=prev.negative)
            continue
        out.append(q)
    return out


_PLUS_GAP = re.compile(r"[^\d=;.()\n]{0,30}")
_EQUALS_GAP = re.compile(r"[^\d=;.()\n]{0,30}(?:=|->|→)[ \t]*(?:a[ \t]+)?"
                         r"(?:total[ \t]+(?:of[ \t]+)?)?")


def _equated(found: list[Quantity], masked: str, segment: str) -> list[Quantity]:
    """Lengths added up to the length after an equals sign ("6 wks NSAIDs + 8 wks home
    program = 14 wks", "Total: 6 wks + 8 wks = 14 wks"): one length, the total, spanning the
    sum (each part alone was read the whole, 6 weeks of 14; phrase26a). Only where the parts,
    of the total's unit, add up to it."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        j = i
        # (the gaps read unmasked: a date or a course's number between is no part's words)
        while j + 1 < len(found) and "+" in segment[found[j].end:found[j + 1].start] and \
                _PLUS_GAP.fullmatch(segment, found[j].end, found[j + 1].start):
            j += 1
        total = found[j + 1] if j + 1 < len(found) else None
        parts = found[i:j + 1]
        if j > i and total is not None and \
                _EQUALS_GAP.fullmatch(segment, found[j].end, total.start) and \
                all(q.unit == total.unit and q.hi is None for q in parts) and \
                abs(sum(q.value for q in parts) - total.value) < 0.01:
            out.append(Quantity(parts[0].start, total.end, total.value, None, total.unit,
                                segment[parts[0].start:total.end]))
            i = j + 2
            continue
        out.append(found[i])
        i += 1
    return out


def _minus_before(text: str, start: int) -> bool:
    """"-3 months", "PT for −3 months": a minus sign that is not a range ("2-3"), nor a
    list's bullet opening its line ("- 10 weeks of progressive dyspnea": fresh18's notes
    read it as a negative duration)."""
    found = re.search(r"(?:^|[\s(:=])[-−](\s?)$", text[max(0, start - 3):start])
    if found is None:
        return False
    line = text.rfind("\n", 0, start) + 1
    return not (found.group(1) and not text[line:start].strip(" \t-−"))


_SEEN_ON = re.compile(r"\b(?:seen|evaluated|examined|visit(?:ed)?|on|dated|since|until|appt|"
                      r"appointment|admitted|discharged)\s*$", re.I)


_ORDINAL_BEFORE = re.compile(r"\b(?:day|days|week|wk|month|session|visit|hour|cycle|round|phase|"
                             # a calendar week, in the languages of referrals from abroad
                             # too ("Kontrolle KW 43", "follow-up CW 12", "contrôle semaine
                             # 44"): which week, never a figure (phrase35a read a
                             # temperature of 43 from a German follow-up's week)
                             r"kw|cw|kalenderwoche|calendar[ \t]+week|woche|semaine|semana|"
                             r"settimana|uke|uge|vecka|viikko|vko|tydzie\u0144|t\u00fdden|"
                             r"stage|step|bed|room|pod|post-?op day|"
                             # a grade or class of a scale ("KL grade 3", "NYHA class 2",
                             # "type 2 diabetes") ranks a finding: no count of anything
                             r"(?<!pain )(?:grade|gr\.?)|class|type|tier|category|gold|"
                             # a criterion's, a form's or a letter's own numbering ("Incl 5",
                             # "exclusion criterion 3", "item 4", "question 7", "section 2")
                             r"criterion|criteria|incl|excl|inclusion|exclusion|item|question|"
                             r"section|box|field|page|exhibit|enclosure|appendix|reason|"
                             # the count of pages after one's number ("Page 1 of 1": the
                             # pain score 1 in a pain center's fax header, session 28)
                             r"page\s*\d{1,3}\s*(?:of|/))"
                             r"\s*#?\s*$", re.I)
"""A bare number after the word it numbers ("Pain worse on day 3 of PT, better by week 2";
outside tester session 9 F21) says which one, not how much: no score, count or length.
("X-rays 07/08/2026 and 12/01/2026 (KL grade 3" read three sets of films, fresh25.)"""
_AT_BEFORE = re.compile(r"\bat\s*$", re.I)
"""("Pain only at 1 point in the day": "at one point" is a time, not a score's points.)"""
_FOREIGN_UNIT_AFTER = re.compile(
    r"[ \t]*(?:" + "|".join(sorted(map(re.escape, _FOREIGN_UNIT), key=len, reverse=True)) +
    r")\b", re.I)
"""A length's unit in another language right after a bare figure ("Rückenschmerzen seit 8
Monaten"): the figure is that length, never a score or a count beside a pain word (session
27 read pain 8 from it)."""


_ONE_OF_SEVERAL = re.compile(
    r"\b(?:day|week|wk|month|session|visit|cycle|round|phase|stage|step|score|scores|set|sets|"
    r"course|entry|note|series|block|injection|dose|draw|reading|measurement|page|part|item)"
    r"[ \t]*#?[ \t]*\d{1,2}(?:[ \t]*(?:and|&|,)[ \t]*\d{1,2})*[ \t]+of[ \t]+"
    r"(?!10\b|100\b)\d{1,2}(?![\d./])", re.I)
"""One thing of a numbered series and the series' size after it ("visit 1 of 6", "Pain
score 1 of 3 (today)", "scores 2 and 3 of 3", "XR set 1 of 2"): both figures say which one
and of how many, no score, count or length (phrase34a read the 3 of "score 1 of 3" as the
pain score, the 6 of "visit 1 of 6" as a baseline). A scale's top ("score 6 of 10") is a
score's."""
_ORDINAL_COMPOUND = re.compile(r"(?:st|nd|rd|th)-[a-z]")
"""An ordinal joined by a hyphen to the word after it ("a 3rd-floor walk-up", "a 2nd-degree
burn", "4th-year resident"): one modifier, which says which one, never how much (fresh38
read "carrying a piano up a 3rd-floor walk-up" as pain up 3 points)."""


def _plain_numbers(masked: str, segment: str, taken: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    series = [m.span() for m in _ONE_OF_SEVERAL.finditer(masked)]
    for match in _QUANTITY.finditer(masked):
        if any(q.start <= match.start("num") < q.end for q in taken + out):
            continue
        raw_unit = (match["unit"] or "").lower().replace(" ", "")
        if raw_unit == "/10" and _SEEN_ON.search(masked[max(0, match.start() - 16):match.start()]):
            continue  # "Seen 2/10 for LBP": a visit on February 10, not a pain score
        before = masked[max(0, match.start() - 16):match.start()]
        if (not raw_unit and _ORDINAL_BEFORE.search(before)) or \
                (raw_unit.startswith("point") and _AT_BEFORE.search(before)):
            continue  # "day 3 of PT", "by week 2", "at 1 point": which one, not how much
        if not raw_unit and _FOREIGN_UNIT_AFTER.match(masked, match.end()):
            continue  # "seit 8 Monaten": a length in another language, no bare figure
        if not raw_unit and any(a <= match.start("num") < b for a, b in series):
            continue  # "visit 1 of 6", "Pain score 1 of 3 (today)": which one, of how many
        if not raw_unit and _ORDINAL_COMPOUND.match(masked, match.end("num")):
            continue  # "up a 3rd-floor walk-up", "2nd-line agent": a modifier, no figure
        value = number_of(match["num"])
        if match["sign"] and match["sign"] != "+":
            value = -value
        hi = match["hi"] or match["hi2"]
        end = match.end() if match["unit"] else match.end("hi") if match["hi"] else \
            match.end("hi2") if hi else match.end("num")
        out.append(Quantity(match.start(), end, value, number_of(hi) if hi else None,
                            _unit_of(raw_unit), segment[match.start():end].strip(),
                            explicit_degree="°" in raw_unit or raw_unit.startswith("deg"),
                            negative=value < 0))
    return out


def _counts(masked: str, segment: str, taken: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []

    def free(a: int) -> bool:
        return not any(q.start <= a < q.end for q in taken + out)

    for match in _X_COUNT.finditer(masked):
        if free(match.start()) and free(match.start("num")):
            out.append(Quantity(match.start(), match.end(), float(match["num"]), None,
                                "x", segment[match.start():match.end()]))
    for match in _WORD_COUNT.finditer(masked):
        if free(match.start()):
            word = match["word"].lower().replace("a single", "single")
            unit = "rate" if match["rate"] else (match["unit"] or "").lower().rstrip("s")
            before = masked[max(0, match.start() - 16):match.start()]
            if unit == "point" and _AT_BEFORE.search(before):
                unit = "word"  # "at one point": a time, not a score's points
            out.append(Quantity(match.start(), match.end(), number_of(word), None,
                                unit or "word", segment[match.start():match.end()]))
    return out


_HIGH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
              "seventy": 70, "eighty": 80, "ninety": 90}
_SPELLED_PERCENT = re.compile(
    r"(?<![\w-])(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
    r"(?:[ \t]+(?P<pct>percent|per[ \t]cent)\b|(?P<bare>(?![ \t-]*(?:years?|yrs?|y/?o|"
    r"weeks?|wks?|days?|months?|mos?|hours?|hrs?|minutes?|mins?|pounds?|lbs?|kgs?|kilos?|mg|"
    r"beats?|bpm|breaths?|times|sessions?|visits?|degrees?|point|and|hundred|thousand)\b)))",
    re.I)
"""A percentage said in words, as dictation and voicemail write it ("oxygen saturation is
ninety one percent", "sats were eighty nine"): a figure of 20 to 99; one said bare is read
only from sixty up (a saturation's or an FEV1's range), never before a unit of something
else ("a fifty eight year old", "eighty pounds")."""


_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SPELLED_DECIMAL = re.compile(
    rf"(?<![\w-])(?P<whole>(?:one|a|two|three)[ -]hundred(?:(?:[ -]and)?[ -](?:{_BELOW_100}))?"
    rf"|{_BELOW_100})[ \t]+point[ \t]+"
    rf"(?P<frac>oh|{'|'.join(_DIGIT_WORDS)})(?![\w-])", re.I)
"""A figure with a decimal said in words, as a scribe's dictation writes a temperature
("temp ninety nine point one", "thirty eight point five"): p31b read "ninety" alone, 90 F."""


def _spelled_decimals(segment: str, taken: list[Quantity]) -> list[Quantity]:
    out = []
    for m in _SPELLED_DECIMAL.finditer(segment):
        if any(q.start < m.end() and m.start() < q.end for q in taken):
            continue
        frac = m["frac"].lower()
        tenth = 0 if frac == "oh" else _DIGIT_WORDS.index(frac)
        out.append(Quantity(m.start(), m.end(), number_of(m["whole"]) + tenth / 10, None, "",
                            segment[m.start():m.end()]))
    return out


def _spelled_percents(segment: str, taken: list[Quantity]) -> list[Quantity]:
    out = []
    for m in _SPELLED_PERCENT.finditer(segment):
        value = _HIGH_TENS[m["tens"].lower()] + (
            _UNITS.index(m["unit"].lower()) + 1 if m["unit"] else 0)
        if any(q.start < m.end() and m.start() < q.end for q in taken) or \
                (not m["pct"] and value < 60):
            continue
        out.append(Quantity(m.start(), m.end(), float(value), None, "%" if m["pct"] else "",
                            segment[m.start():m.end()]))
    return out


def quantities(segment: str) -> list[Quantity]:
    """Every number in ``segment`` with its unit (dates, ages and codes masked)."""
    return list(_quantities(segment))


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until)\s*", re.I)
_RANGE_AS_OF = date(2099, 12, 31)
"""Both ends of a range carry their year; this only puts "6/1/26" in the 2000s."""


def date_ranges(segment: str) -> list[Quantity]:
    """The spans of dated days in ``segment`` ("6/1/26 to 8/24/26", "6/15-8/15/26")."""
    return _date_ranges(segment)


def _date_ranges(segment: str) -> list[Quantity]:
    """"PT 2x/wk from 6/1/26 to 8/15/26" lasted 75 days: a range of two dated days is a
    duration in weeks. Ends without a year ("6/1 - 8/15") or months alone are too vague."""
    ends = sorted(_absolute(segment, _RANGE_AS_OF), key=lambda f: f[1])
    out = []
    for (first, (a, b)), (last, (c, d)) in itertools.pairwise(ends):
        if first is None or last is None or not _RANGE_JOIN.fullmatch(segment[b:c]):
            continue
        days = (last - first).days
        if 0 < days <= 5 * 366:
            out.append(Quantity(a, d, round(days / 7, 1), None, "weeks", segment[a:d], days=days))
    return out



_ITEM_NUMBER = re.compile(r"#\s?\d+(?![\d/.,])|(?<=\bcourse )\d(?=\s*[:(])|"
                          r"(?<=\bround )\d(?=\s*[:(])|(?:^|(?<=[\n.;]\s)|(?<=\n))\s*\d{1,2}\)")
"""A list or problem number ("#1 Chronic LBP", "PT #2", "PT course 1 (Oct-Dec, 8 wks):",
"3) gait is fine. 1) 5/10"): no figure of any fact."""

_ENUMERATOR = re.compile(r"(?<![\w./-])(?P<open>\()?(?P<n>\d{1,2})\)(?=[ \t]+[^\W\d_])")
_LIST_OPENS = re.compile(r"(?:^|[:;,.\n\-–—]|\band|\bor)[ \t]*$", re.I)


def _mask_enumerators(masked: str, text: str) -> str:
    """An item's number in a list written along a line ("We enclose (1) the GP notes; (2) the
    MRI; (3) the pain clinic letter", "docs: 1) PT notes 2) xrays 3) pain diary") says which
    item, not how much of anything: "(3) the pain" is no pain of 3. A number closing a bracket
    it did not open ("(NRS 6) limits walking") is a figure, so a bare "N)" counts only with no
    bracket left open before it on its line, and either form only where a list opens before it
    (a line's start, a colon, a comma) or its list's previous number came before it."""
    out = masked  # the list's numbers are looked for in ``text``, before other masks
    for m in _ENUMERATOR.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if not m["open"] and line.count("(") > line.count(")"):
            continue
        n = int(m["n"])
        form = r"\((\d{1,2})\)" if m["open"] else r"(?<![\w(./-])(\d{1,2})\)"
        # (a list may skip a number: "1) the referral 2) the ortho note 5) questionnaire")
        follows = any(int(x) < n for x in re.findall(form, text[:m.start()])) if n > 1 else \
            any(int(x) == 2 for x in re.findall(form, text[m.end():]))
        if follows or _LIST_OPENS.search(line):
            # the bracket stays: what stood before the item's number is no figure of it
            out = out[:m.start()] + " " * (m.end() - 1 - m.start()) + out[m.end() - 1:]
    return out


_YEAR_NAMED = re.compile(r"(?<![\d/.,-])(?:19[5-9]\d|20\d\d)(?=[ \t]+(?:pt[ \t]+|therapy[ \t]+)?"
                         r"(?:course|courses|round|rounds|trial|trials|episode|series)\b)")
"""A year naming a course ("2 (2025 course and 2026 course)"): which course, not how
many (outside tester session 11 C4: "2025 courses is out of range")."""


_DAY_OF_MONTH = re.compile(r"(?<=\bthe )(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                           r"(?![ \t]+(?:[a-z]+[ \t]+)?(?:course|round|trial|set|session|week|"
                           r"month|visit|injection|attempt|time|line|level|dose|cycle|block|x-?ray|mri|ct|film)s?\b)")
"""A day of the month named by its ordinal ("the MRI was December 1st not the 11th, the 11th
was the x-ray"): no count (phrase30a read 11 sets of X-rays). "The 2nd course" counts."""


_CLOCK = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d|:\d)")
"""A time of day ("Vitals 11/25 06:00"): no figure of any fact."""


_SCORE_WORD = "zero|one|two|three|four|five|six|seven|eight|nine|ten"
_SPELLED_SCORE = re.compile(
    # "seven out of ten", "5 from 10" (a learner's "of"), "four over 10", "six/10"
    rf"(?<![\w.])(?<![-–/]\s)(?<![-–/])(?:(?P<word>{_SCORE_WORD})(?:\s*/\s*10\b|\s+(?:out\s+of|from|over)"
    r"\s+(?:10|ten)\b)|(?P<num>10|\d)\s+(?:(?:from|over)\s+(?:10|ten)|out\s+of\s+ten)\b)"
    # "a four", "an eight": a score said in words, where nothing it counts follows
    rf"|(?<![\w.])(?:a|an)\s+(?P<said>{_SCORE_WORD})(?=[ \t]*(?:[.,;:!?)\"”'\n]|$|-+\s|—|"
    r"(?:now|today|then|before|at|when|most|and|but|on|during|sometimes|maybe|or)\b))", re.I)
"""A 0-10 score in words, or on a scale said in words: a "/10" figure like "7/10" ("pain
was a five before therapy; now it is seven out of ten"). Digits already read as "7/10"
or "out of 10" are left to ``_plain_numbers``."""


def has_spelled_score(text: str) -> bool:
    """A score said in words ("a seven out of ten"): a figure for what is left unread."""
    return any(m["word"] or m["said"] for m in _SPELLED_SCORE.finditer(text))


def _spelled_scores(masked: str, segment: str, taken: list[Quantity]) -> list[Quantity]:
    out = []
    for match in _SPELLED_SCORE.finditer(masked):
        if any(q.start <= match.start() < q.end or match.start() <= q.start < match.end()
               for q in taken):
            continue
        figure = match["word"] or match["num"] or match["said"]
        unit = "" if match["said"] else "/10"
        out.append(Quantity(match.start(), match.end(), number_of(figure), None, unit,
                            segment[match.start():match.end()]))
    return out


@lru_cache(maxsize=256)  # a clause is scanned once per fact phrase in it
def _quantities(segment: str) -> tuple[Quantity, ...]:
    masked = _mask_enumerators(mask(mask_dates(segment), _COURSE_LENGTH, _CLOCK, _ITEM_NUMBER,
                                    _YEAR_NAMED, _DAY_OF_MONTH), segment)
    found = _durations(masked, segment) + _date_ranges(segment)
    found += _spelled_scores(masked, segment, found)
    found += _spelled_decimals(masked, found)
    found += _spelled_percents(masked, found)
    found += _plain_numbers(masked, segment, found)
    found += _counts(masked, segment, found)
    return tuple(_counted_ranges(sorted(found, key=lambda q: q.start), masked, segment))


_RANGE_TO = re.compile(r"[ \t]*(?:to|-|–)[ \t]*", re.I)
_COUNTED_UNITS = ("rate", "course", "round", "set", "session", "time")


def _counted_ranges(found: list[Quantity], masked: str, segment: str) -> list[Quantity]:
    """A bare figure joined by "to" or a dash to a count after it is that count's range
    ("two to three sessions per week", "2 to three courses"): one range, whose lower
    figure a reader may not take for the whole (phrase29a read 3 sessions a week)."""
    out: list[Quantity] = []
    for q in found:
        first = out[-1] if out else None
        if first is not None and first.unit in ("word", "") and first.hi is None and \
                q.hi is None and q.unit in _COUNTED_UNITS and first.value < q.value and \
                _RANGE_TO.fullmatch(masked, first.end, q.start):
            out[-1] = Quantity(first.start, q.end, first.value, q.value, q.unit,
                               segment[first.start:q.end])
        else:
            out.append(q)
    return out


_DURATION_UNITS = ("weeks", "days", "months", "years")


def _points(q: Quantity) -> str | None:
    if q.unit == "/100" and 0 <= q.value <= 100:
        return f"{q.value / 10:g}"
    if q.unit in ("/10", "", "point") and -10 <= q.value <= 10:
        return f"{q.value:g}"
    return None


def _temperature(q: Quantity) -> str | None:
    if q.unit in ("F", "C"):
        return f"{q.value:g} {q.unit}"
    if q.unit in ("", "deg"):
        return f"{q.value:g} {'F' if q.value > 45 else 'C'}"
    return None


def _cells(q: Quantity) -> str | None:
    if q.unit.startswith("1e"):
        return _cells_powered(q)
    if q.unit == "k" or (q.unit == "" and q.value < 100):
        return f"{q.value * 1000:g}"
    if q.unit == "" and q.value < 1000:
        # A bare 100-999 is neither thousands (150,000 is beyond any count a form would
        # pass without a word) nor cells (150 per microlitre): a slip, asked ("WBC 150.":
        # tester31 F15 read 150,000, an exclusion)
        return None
    return f"{q.value:g}" if q.unit in ("", "cell") else None


def _cells_powered(q: Quantity) -> str | None:
    """Cells per microlitre from a count with its power of ten: "x 10^4/uL" multiplies,
    "x 10^9/L" is thousands per microlitre. Without a volume only the two usual powers
    (10^3 per microlitre, 10^9 per litre) say what is meant; any other is asked."""
    exp, _, per = q.unit[2:].partition("/")
    power = int(exp)
    if per == "ul":
        cells = q.value * 10 ** power
    elif per == "l":
        cells = q.value * 10 ** power / 10 ** 6
    elif power in (3, 9):
        cells = q.value * 1000
    else:
        return None
    return f"{cells:g}" if 100 <= cells <= 500_000 else None


def _percent(q: Quantity, fraction: bool) -> str | None:
    if q.unit == "" and 0 < q.value <= 1 and "." in q.text:
        # A bare decimal under 1 is a fraction ("SpO2 0.95") where the fact is written so,
        # else no percent at all ("FEV1 0.92 of predicted" is 92 %, "FEV1 0.92" may be
        # litres): asked, never 0.92 % (outside tester 20 F3).
        return f"{q.value * 100:g}" if fraction else None
    return f"{q.value:g}" if q.unit in ("%", "") else None


def compatible(spec: FactSpec, q: Quantity, fraction: bool = False) -> str | None:
    """The raw value to give :func:`policies.facts.parse_value` for ``q``, or None if
    the quantity cannot be this fact (wrong unit, or a sign the fact cannot take)."""
    unit = spec.unit or ""
    if (q.value < 0 or q.negative or q.text[:1] in "+-−") and (spec.min is None or spec.min >= 0):
        return None  # a signed figure ("+3", "-2") is a change, never a score or a count
    if unit in _DURATION_UNITS:
        if q.days is not None:  # (whole weeks as weeks: "(24 wks)" after it says the same)
            return f"{q.days // 7} weeks" if q.days % 7 == 0 else f"{q.days} days"
        return f"{q.value:g} {q.unit}" if q.unit in _DURATION_UNITS else None
    if unit == "points":
        return _points(q)
    if unit == "%":
        return _percent(q, fraction)
    if unit == "C":
        return _temperature(q)
    if unit.startswith("cells"):
        return _cells(q)
    if unit == "sessions/week":
        return f"{q.value:g}" if q.unit in ("rate", "x", "word", "") else None
    if unit in ("courses", "sets"):
        # ("two rounds of PT" are two courses)
        kinds = ("", "x", "word", unit.rstrip("s")) + (("round",) if unit == "courses" else ())
        return f"{q.value:g}" if q.unit in kinds else None
    return f"{q.value:g}" if q.unit == "" else None

"""A form's label written in another language with its English in brackets after it
("Sarcina [pregnancy]: test negativ 09.11.2027", "Graviditet [pregnancy]: ikke gravid [not
pregnant]", a referral from abroad annotated by a relative for a US payer): the bracket says
what the label is, so the label is read as its gloss. Left as written, the gloss's word
stood alone in brackets with a foreign word before it: no field's label, and "pregnancy"
was read as a pregnancy (fresh34 denied two qualifying notes so).
"""

from __future__ import annotations

import re

from agent.reading.text import blank, hits

_GLOSSED_LABEL = re.compile(
    # the label opens its line (after a bullet or an item's number) or its sentence
    r"(?:^|(?<=[.;!?][ \t])|(?<=[.;!?][ \t]{2}))[ \t>*•-]*(?:\d{1,2}[.)][ \t]*)?"
    r"(?P<words>[^\W\d_][^\W\d_'’-]*(?:[ \t'’-][^\W\d_]+){0,3}[ \t]*)"
    r"(?P<open>[\[(])(?P<gloss>[a-z][a-z '’-]{0,40}[a-z])(?P<close>[\])])(?=[ \t]*:)", re.M)
"""Up to four words, then their gloss in brackets, then the field's colon. The gloss holds
words only: a figure, a slash or a legend ("Infection (Y/N):") is no translation."""


def _names_a_fact(gloss: str, phrases: tuple[str, ...]) -> bool:
    """The gloss is a fact's name, most of it ("pregnancy", "date of visit"), not a remark
    that holds one ("pt via interpreter", "lombalgie chronique" after a patient's name)."""
    covered = sum(b - a for a, b in hits(gloss, phrases))
    return covered * 5 >= len(gloss) * 3


_ACRONYM = re.compile(r"(?<![\w])[A-Z]{2,6}(?![\w])")
"""A label in capitals ("ODI", "NRS"): a measure's name, whose bracket names its source."""


def glossed_labels(text: str, lower: str, phrases: tuple[str, ...]) -> str:
    """``lower`` with each glossed label's own words and brackets blanked (same length), so
    its gloss is the label before the colon. Only where the gloss names a fact (one of
    ``phrases``) and the words before it name none: "Pain (NRS): 7/10" and "Treatment
    (PT): ..." are English labels with a remark, kept as written."""
    if ":" not in lower or ("[" not in lower and "(" not in lower) or len(text) != len(lower):
        return lower
    spans: list[tuple[int, int]] = []
    for m in _GLOSSED_LABEL.finditer(lower):
        if not _names_a_fact(m["gloss"], phrases) or hits(m["words"], phrases) or \
                _ACRONYM.search(text, m.start("words"), m.end("words")):
            continue  # ("ODI (PT): 58% -> 40%": a measure and its source)
        if m["open"] == "(" and m["words"].isascii():
            # ("Fenn (pain): LBP since ...", "Q (PCP): ...": a thread's speaker and role; a
            # translator writes square brackets, and round ones only after another script
            # or letters English has none of: "保存療法 (conservative treatment):")
            continue
        spans += [(m.start("words"), m.end("open")), m.span("close")]
    return blank(lower, spans)


_FOREIGN_NO = re.compile(
    r"(?<=[a-z\])][ \t]:|[a-z\])]:[ \t])(?P<lead>[ \t]*(?:test[ \t]+)?)"
    r"(?:(?P<no>nein|nej|nei|nee|non|nu|não|nao|nie|ei|hayır|hayir|hindi|tidak|нет)"
    r"|(?P<neg>negativ|negatief|négatif|négative|negativo|negativa|negatif|negatiivinen|ujemny|ujemna))"
    r"(?=[ \t]*(?:$|[.,;(\[]|[ \t]\d))", re.M)
"""A field answered in the writer's language: "Schwangerschaft [pregnancy]: nein", "Sarcina
[pregnancy]: test negativ 09.11.2027", "Infecție [infection]: nu." The whole answer (or a
test's result), never a word inside a sentence."""


def foreign_answers(lower: str) -> str:
    """``lower`` with a field's answer in another language written as the English one the
    field rules know (same length: "nein" is "no  ", "negativ" is "neg    ")."""
    if ":" not in lower:
        return lower
    return _FOREIGN_NO.sub(lambda m: m["lead"] + ("no" if m["no"] else "neg").ljust(
        len(m["no"] or m["neg"])), lower)


_SCRIPT = (r"\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
           r"\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af")
_GLOSSED_RUN = re.compile(
    rf"(?<![\d{_SCRIPT}])(?<!\d[ \t])"
    rf"(?P<run>[{_SCRIPT}](?:[{_SCRIPT}'’.-]|[ \t](?=[{_SCRIPT}]))*)[ \t]*"
    r"(?P<open>[\[(])(?P<gloss>[a-z][a-z0-9 ,'’/&.+-]{0,60})(?P<close>[\])])")
"""Words of another script (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, CJK) right
before their English in brackets: "Журнал лікування [treatment log] не надано [not
provided]". The gloss says what the words say; English letters only. Not a unit after a
figure ("7週間 (PT 7 weeks)", "2 ماه (two months)", "2027年5月6日 (May 6, 2027)"): the figure's
unit or its date is read as written."""


def glossed_runs(lower: str) -> str:
    """``lower`` with each run of another script's words that a bracketed English gloss
    follows blanked, and the gloss's brackets too (same length), so a translated line's
    glosses read as one English sentence. Left as written, the status a second gloss gave
    ("[not provided]", "[planned for February]") was cut from the record the first one
    named by words the reader does not know, and the record was read on file (fresh35)."""
    if "[" not in lower and "(" not in lower:
        return lower
    spans: list[tuple[int, int]] = []
    for m in _GLOSSED_RUN.finditer(lower):
        spans += [m.span("run"), m.span("open"), m.span("close")]
    return blank(lower, spans)

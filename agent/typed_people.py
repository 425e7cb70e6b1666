"""Another person named in a line typed into a case already held (outside tester 35 F2).

A nurse typing beside a case speaks of her queue, the patient's roommate or who does *not*
have a condition: "Dana has the UTI, not Karen", "the other CT request today, Mr. Cho, has
an FEV1 of 90%", "Mrs. Patel from the same group is pregnant". Read as the patient's,
each replaced a true fact and denied (or passed) a case of every policy. A pasted note
names its own patient (``patient_id``, ``reading.others``); a typed line names none, so
the case's earlier messages say who the patient is, and a line that makes another person
the subject of what it says gives no fact: its readings are asked, not stored (a miss
costs one question; another person's infection stored as the patient's denies care).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from agent.reading.context import rules as context_rules
from agent.reading.model import FactReading, Unread
from agent.reading.rules import rules_phrases
from agent.reading.values import dates_in

_CAP = r"[A-Z][a-zà-öø-ÿ'’-]+"
_HONORIFIC = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Mme|Mlle|Madame|Frau|Herr)\.?[ \t]+"
                        rf"(?P<name>{_CAP})")
"""A title before a surname names a person ("Mr. Diaz", "Mrs. Patel")."""

_OTHER_CASE = re.compile(
    r"\b(?:the|an?|one|my|our)?[ \t]*(?:other|another|next)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,2}?(?:case|request|referral|patient|member|claim|client|"
    r"one in (?:the )?queue)s?\b", re.I)
"""Another case of the queue ("the other case", "the other CT request today", "Other ESI
case", "the next patient"): what the line says of it is not this patient's. Not "the
previous request" nor "the last PT visit": the patient's own, as often as not."""

_DISOWNED = re.compile(r"\b(?:that'?s|that’s|that is|that was|those (?:were|are)|these (?:were|"
                       r"are)|it'?s|it was|(?:was|were|is|are) for|belongs? to|meant for)"
                       r"(?:[ \t]+(?:my|the|an?|for|of))?[ \t]*$", re.I)
"""'that's the other patient', 'those were another patient's': the line takes back what
an earlier message said (``retractions``), and says what it says next of this patient."""

_SUBJECT = re.compile(
    rf"(?:^|(?<=[.;,!?:(])|(?<=[.;,!?:(][ \t])|\b(?:and|but|it'?s|it is)[ \t]+)[ \t]*"
    rf"(?P<name>{_CAP})(?:[ \t]+{_CAP})?(?:'s|’s)?[ \t]+"
    r"(?:has|had|is|was|did|does|got|gets|'s|’s|[A-Za-z]+'?s[ \t]+(?:is|was))\b")
"""A first name (and surname) opening a clause, before its verb ("Dana has the UTI",
"Joan Pike is pregnant", "Carol's UTI is hers"), or a name's possession ("it's Dana's
UTI")."""



_SUFFIX = r"(?:Jr|Sr|II|III|IV)\b\.?"
"""A generational suffix after a name ("Greg Jr.", "Tallis Sr.")."""
_ADVERB = r"also|just|recently|still|only|already|too|now|never|once|[a-z]+ly"
"""Words between a subject and its verb ("her sister just delivered")."""
_REPORTS = (r"says|said|reports|reported|states|stated|thinks|thought|tells|told|mentions|"
            r"mentioned|notes|noted|calls|called|asks|asked|wants|wanted|confirms|confirmed|"
            r"believes|believed|feels|worries|worried|heard|explains|explained|adds|added|"
            r"writes|noticed|insists|claims|claimed|agrees|agreed|remembers|recalls|recalled|"
            r"answers|answered|denies|denied|brings|brought|drives|helps|helped|is[ \t]+here|"
            r"was[ \t]+here|translates|translated|signed|signs|consents|consented")
"""Verbs by which a companion reports on the patient ("her husband says she has a UTI",
"his wife noticed he was febrile"): the role is no subject of the facts that follow."""

_JUNIOR = re.compile(rf"\b(?P<name>{_CAP})[ \t]+(?P<suffix>Jr|Sr|II|III|IV)\b\.?")
"""A name with a generational suffix ("Tallis Jr. had only 6 weeks of PT"): the patient's
son or father unless the case's messages give the patient that suffix (outside tester 36
F2: "Tallis Jr." read as Gregory Tallis, his PT 16 weeks replaced by his son's 6)."""


@lru_cache(maxsize=1)
def _role_subject() -> re.Pattern[str]:
    """A clause whose subject is a person the patient knows ("her roommate has C. diff
    and is on vancomycin", "his coworker had 4 weeks of PT"): the roles are the context
    rules' people; a report verb after the role ("her husband says she ...") is no
    subject of this kind (the companion reports on the patient)."""
    words = context_rules()
    roles = sorted({*words.people_of_either_sex, *(w for ws in words.pronouns.values()
                                                      for w in ws)}, key=len, reverse=True)
    alt = "|".join(re.escape(r) for r in roles)
    return re.compile(
        r"(?:^|(?<=[.;!?])|(?<=[.;!?][ \t]))[ \t]*(?i:her|his|their|my|our|"
        rf"(?:(?:the|my|our)[ \t]+)?(?:pt|patient)['’]?s|the|{_CAP}['’]s)[ \t]+"
        rf"(?:[a-z-]+[ \t]+)?(?P<name>(?i:{alt}))"
        rf"(?:,?[ \t]+\(?{_CAP}(?:[ \t]+(?:{_CAP}\.?|[A-Z]\.|{_SUFFIX}))*\)?,?)?[ \t]+"
        rf"(?:(?:{_ADVERB})[ \t]+)*(?!(?i:{_REPORTS})\b)(?:[a-z]+(?:ed|s)|has|had|is|was|got|"
        r"did|does|took|gave|went|came|underwent|'s|’s)\b", re.M)


_NOT_THE_PATIENT = re.compile(rf"[,;(–—-][ \t]*not[ \t]+(?P<name>{_CAP})(?:'s|’s)?\b")
"""'..., not Karen', 'Lan has 7/10 pain - not Mai'."""
_POSSESSIVE = re.compile(rf"\b(?P<name>{_CAP})(?:'s|’s)[ \t]+[A-Za-z]")
_CLINICIAN = re.compile(r"\b(?i:dr|doctor|prof|professor|np|pa|pa-c|rn|nurse)\.?[ \t]+"
                        r"(?:[A-Z]\.[ \t]*)?$")
"""A clinician's title right before a name: "Dr. Vidal's pain management consult is on
file" names the consult's author, not a person the line is about (outside tester 36 C1:
the consult answer was refused, "it names Vidal, not the patient")."""

_PATIENT_LABEL = re.compile(
    rf"\b(?i:pt|patient|member|client|name|re|resident|athlete)(?:[ \t]+(?i:name))?[ \t]*"
    rf"[:#][ \t]*(?:(?i:mr|mrs|ms|miss|mx)\.?[ \t]+)?(?P<first>{_CAP})"
    rf"(?:[ \t]+[A-Z]\.?(?=[ \t]))?(?:[ \t]+(?P<last>{_CAP}))?"
    rf"|\b(?i:for|about|regarding|re)[ \t]+(?:(?i:mr|mrs|ms|miss|mx)\.?[ \t]+)?"
    rf"(?P<first2>{_CAP})[ \t]+(?P<last2>{_CAP})\b"
    rf"|(?P<first3>{_CAP})(?:[ \t]+[A-Z]\.?(?=[ \t]))?[ \t]+(?P<last3>{_CAP}),?[ \t]+"
    r"\(?(?i:dob|d\.o\.b|born|age[ \t]*\d|\d{1,3}[ \t]*(?:y/?o|yo|years?[ \t]+old|[mf])\b)")
"""Where the case's messages name its patient ("Pt: Karen Mitchell", "Patient name:
Gloria Ruiz", "request for Elena Diaz", "Ruth Abernathy, DOB 07/07/1956")."""

_NOT_PEOPLE = frozenset(
    "the a an she he they it this that there her his their our my your we i you pt patient "
    "member client pain no yes not none nothing also and but so then now today yesterday "
    "mri ct pt xr pft esi uti hep nrs vas odi fev1 dr doctor nurse rn md np pa "
    "what which who when how why is was has had did does".split())


@lru_cache(maxsize=8)
def _vocabulary(cpt: str | None = None) -> frozenset[str]:
    """Every word of the reading rules' phrases and of the context rules' drugs: a
    capital word that is one of them ("Naproxen failed", "Hypertension is controlled")
    is a fact's word, not a name."""
    words: set[str] = set()
    for phrase in [*rules_phrases(cpt), *(d for ds in context_rules().drug_classes.values()
                                           for d in ds)]:
        words.update(re.findall(r"[a-zà-öø-ÿ'’-]+", phrase.lower()))
    return frozenset(words)


def common_words() -> frozenset[str]:
    """Capital words that name no one nor any place: the rules' words, the pronouns and
    the words of care ("PT", "His", "Naproxen")."""
    return _vocabulary(None) | _NOT_PEOPLE


def patient_names(said: list[str], labelled: str = "") -> set[str]:
    """The first names and surnames the case's earlier messages give its patient."""
    names = {w.lower() for w in labelled.split() if w[:1].isupper()}
    for text in said:
        for m in _PATIENT_LABEL.finditer(text):
            said = [w.lower() for w in (m["first"], m["last"], m["first2"], m["last2"],
                                        m["first3"], m["last3"]) if w]
            names.update(said)
            # "Member: Gregory Tallis Jr.": the suffix is the patient's too
            if said and (suffix := re.match(r"[ \t]+(Jr|Sr|II|III|IV)\b", text[m.end():])):
                names.add(f"{said[-1]} {suffix[1].lower()}")
    return names


_SEX_SAID = re.compile(
    r"\b(?:sex|gender)[ \t]*[:=-]?[ \t]*(?P<a>male|female|m|f)\b"
    r"|\b\d{1,3}[ \t]*(?:y/?o|yo|yrs?|years?[ \t]+old|-year-old)[ \t,]*(?P<b>m|f|male|female)\b"
    r"|(?<![\d.])\d{1,3}[ \t]?(?P<e>(?-i:[MF]))\b(?![/.-]?\d)"
    r"|\b(?:dob|d\.o\.b\.?|born)[ \t:]*[\d/.-]+[ \t,]+(?P<c>m|f|male|female)\b"
    r"|\b(?:patient|pt|member)[ \t]*(?:name)?[ \t]*:[ \t]*(?P<d>mr|mrs|ms|miss)\b\.?", re.I)
"""Where a case says its patient's sex; an age and a bare capital ("75 F") only on a line
that names the patient (not "T 101 F", "walked 50 M")."""
_NAMES_PATIENT = re.compile(r"\b(?:dob|d\.o\.b|patient|pt|member|name|age|born)\b", re.I)
_TITLE_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mme": "f", "mlle": "f",
              "madame": "f", "frau": "f", "herr": "m"}


def patient_sex(said: list[str]) -> str | None:
    """"m" or "f" where the case's earlier messages say the patient's sex ("64 F", "DOB
    05/09/1961 M", "Sex: male", "Patient: Mr. ..."), or use only one sex's pronouns of
    anyone (three or more); else None."""
    for text in said:
        for m in _SEX_SAID.finditer(text):
            line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
            if m["e"] and not _NAMES_PATIENT.search(line):
                continue
            word = (m["a"] or m["b"] or m["c"] or m["d"] or m["e"]).lower()
            return _TITLE_SEX.get(word, word[0])
    text = " ".join(said).lower()
    men = len(re.findall(r"\b(?:he|his|him|himself)\b", text))
    women = len(re.findall(r"\b(?:she|her|hers|herself)\b", text))
    return "m" if men >= 3 and not women else "f" if women >= 3 and not men else None


def other_person(text: str, patient: set[str], sex: str | None = None) -> str | None:
    """The words by which ``text`` makes someone other than the patient its subject, or
    None. A name is another person's when the case's messages give the patient other
    names (a name the case gives its patient, a title before it, a rule's word, stays
    hers), and so is the patient's surname after a title of the other sex than the
    patient's ``sex`` ("Mrs. Tallis has a UTI" of Mr. Gregory Tallis: his wife, outside
    tester 36 F2)."""
    for m in _OTHER_CASE.finditer(text):
        if not _DISOWNED.search(text[:m.start()]):
            return m.group(0).strip()
    vocabulary = _vocabulary(None)

    def stranger(name: str) -> bool:
        low = name.lower().strip("'’")
        return low not in patient and low not in _NOT_PEOPLE and low not in vocabulary

    if (m := _role_subject().search(text)) is not None:
        return text[m.start():m.end("name")].strip()
    for m in _HONORIFIC.finditer(text):
        title = _TITLE_SEX.get(m.group(0).split(".")[0].split()[0].lower())
        if stranger(m["name"]) or sex is not None and title is not None and title != sex:
            return m.group(0)
    if not patient:
        return None
    for m in _JUNIOR.finditer(text):
        if f"{m['name'].lower()} {m['suffix'].lower()}" not in patient:
            return m.group(0)
    for pattern in (_SUBJECT, _POSSESSIVE):
        for m in pattern.finditer(text):
            if stranger(m["name"]) and not (pattern is _POSSESSIVE and
                                            _CLINICIAN.search(text, 0, m.start())):
                return m["name"]
    # "<someone>, not Karen": the line sets another person against the patient, whatever
    # its words for what the other has
    for m in _NOT_THE_PATIENT.finditer(text):
        if m["name"].lower() in patient:
            others = [w for w in re.findall(_CAP, text[:m.start()]) if stranger(w)]
            return others[0] if others else m.group(0)
    return None


_PART = re.compile(r"[ \t][-–—]+[ \t]|;|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bMx)(?<!\bDr)(?<!\bJr)"
                   r"(?<!\bSr)[.!?](?:[ \t]|$)|\n"
                   r"|,(?=[ \t]*(?:but[ \t]+)?(?i:she|he|they|the patient|pt)\b)")
"""Where a typed line's parts end: a dash set apart, a semicolon, a sentence's end, a
comma before the patient's pronoun ("her nephew does, she doesn't"); not a title's point
("Mrs. Tallis has a UTI" is one part: the title is its person's)."""


def parts_of(text: str) -> list[str]:
    """The parts of a typed line (``_PART``), each with its own words."""
    bounds = [0, *(m.end() for m in _PART.finditer(text)), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def part_with(text: str, words: str) -> str:
    """The part of ``text`` that holds ``words`` (the whole line where none does)."""
    return next((p for p in parts_of(text) if words and words in p), text)


_NOT_YET = re.compile(
    r"\b(?:expects?|expected|expecting|anticipat(?:es?|ed|ing)|goals?|targets?|"
    r"aim(?:s|ed|ing)?|hop(?:es?|ed|ing)[ \t]+(?:for|to|that)|will|going[ \t]+to|gonna|"
    r"should|would(?![ \t]+(?:say|guess|estimate))|if|unless|by[ \t]+(?:discharge|the[ \t]+"
    r"end))\b|['’]ll\b", re.I)
"""Words that make a figure one expected, hoped for, set as a goal or met only on a
condition ("Dr. Kowalski expects her FEV1 to be about 85% after treatment", "the goal is
pain 2/10 after PT", "he says the pain will be 7 if he walks upstairs": outside tester 36
F11 stored each over the measured value). Not "I would say 7": the writer's estimate of now."""


_TAKEN_BACK = re.compile(r"\b(?:no[ \t,]+wait|wait[ \t,]+no|never[ \t]?mind|nvm|scratch[ \t]+that|"
                         r"ignore[ \t]+(?:that|this|my[ \t]+last)|disregard[ \t]+(?:that|this)|"
                         r"forget[ \t]+(?:that|it)|strike[ \t]+that)\b", re.I)
"""Words by which a writer takes back what the same message said before them ("sorry, the
education was 3 weeks, not 2 - no wait, 2 is right": outside tester 37 F5 applied the 3)."""


def taken_back(text: str) -> int | None:
    """Where ``text`` takes back what it said before (the end of the last such words), or
    None."""
    ends = [m.end() for m in _TAKEN_BACK.finditer(text)]
    return ends[-1] if ends else None


_ASKING = re.compile(r"^[ \t]*(?:and[ \t]+|but[ \t]+|so[ \t]+)?(?:does|do|did|is|are|was|were|"
                     r"would|will|can|could|should|must|might|may)\b[^?]*\?[ \t]*$", re.I)
"""A typed question ("does a temp of 38.5 exclude him?", "is an FEV1 of 85% too high?"):
what it names is asked about, not said of the patient (outside tester 37 F15 stored the
38.5 and denied a case)."""


def asks(text: str) -> bool:
    """``text`` is one question opening with its verb and ending with its mark."""
    return _ASKING.match(text.strip()) is not None


def not_yet(part: str) -> str | None:
    """The words of ``part`` that make its figures not (yet) measured, or None."""
    m = _NOT_YET.search(part)
    return m.group(0) if m else None


_ALSO = re.compile(r"\b(?:also|too|as[ \t]+well|in[ \t]+addition|additionally|besides|"
                   r"another|plus|other)\b", re.I)
"""Words that add to what the case holds rather than replace it ("she also has some neck
pain from her desk job": outside tester 35 F11, 36 F4 changed the low back to the neck)."""


def adds_to(part: str) -> str | None:
    """The words of ``part`` that add to what the case holds, or None."""
    m = _ALSO.search(part)
    return m.group(0) if m else None


def _patients_own(part: str, patient: set[str]) -> bool:
    """The part opens with the patient as its subject ("Karen has no infection", "he has
    no infection", "the patient's MRI was 11/02")."""
    first = re.match(r"[ \t]*(?i:but[ \t]+|and[ \t]+)?(?i:the[ \t]+)?(?P<w>[A-Za-z]+)", part)
    return first is not None and first["w"].lower() in {*patient, "she", "he", "they", "pt",
                                                        "patient"}


def set_aside(text: str, facts: list[FactReading], unread: list[Unread], who: str,
              patient: set[str]) -> tuple[list[FactReading], list[Unread]]:
    """The readings of a line about ``who`` moved to the unread, with the question; only
    one read from a part of its own that opens with the patient as its subject and does
    not name ``who`` stays ("Dana's UTI is hers - Karen has no infection": the "no")."""
    why = f"it names {who}, not the patient: is it about the patient?"
    parts = parts_of(text)
    kept: list[FactReading] = []
    out = list(unread)
    for r in facts:
        own = [p for p in parts if r.words and r.words in p]
        if len(own) == 1 and who not in own[0] and _patients_own(own[0], patient) or \
                who.lower().startswith(f"{r.words.lower()} "):
            # ("his son has osteomyelitis": the "his" that says the patient is a man is
            # the patient's, not the son's)
            kept.append(r)
        elif all(u.words != r.words for u in out):
            out.append(Unread(r.words, why))
    return kept, out


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_EARLIER = re.compile(
    r"\bwhen[ \t]+(?:he|she|they|the[ \t]+(?:patient|pt)|pt|[A-Z][a-z]+)[ \t]+"
    r"(?:first[ \t]+)?(?:started|began|entered|joined|came[ \t]+in|was[ \t]+admitted|"
    r"enrolled|was[ \t]+first[ \t]+seen)\b"
    r"|\bat[ \t]+(?:the[ \t]+)?(?:start|beginning|entry|outset)[ \t]+of\b"
    r"|\bat[ \t]+(?:[a-z-]+[ \t]+)?(?:entry|enrollment|enrolment|admission|start)\b"
    r"|\b(?:in|back[ \t]+in|during|since|from)[ \t]+(?P<month>" + "|".join(_MONTHS) + r")\b"
    r"|\blast[ \t]+(?:year|spring|summer|fall|autumn|winter)\b|\bmonths[ \t]+ago\b"
    # a month naming an occasion ("January admission: T 39.1", tester 36 F10)
    r"|\b(?P<month2>" + "|".join(_MONTHS) + r")[ \t]+(?:[a-z-]+[ \t]+)?(?:admission|intake|"
    r"visit|stay|hospitali[sz]ation|call|appointment|eval(?:uation)?|ed[ \t]+visit)\b", re.I)
"""A typed line's words that place what it says at an earlier time ("when he started rehab
in May", "at rehab entry", "in May his FEV1 was 72%")."""
_NOW = re.compile(r"\b(?:now|today|currently|current|latest|most recent|newest|repeat|"
                  r"this week|updated?)\b", re.I)

_PAST_TIME = re.compile(
    r"\byesterday\b|\blast[ \t]+(?:week|month|night|time)\b|\bthe[ \t]+(?:week|month|day)"
    r"[ \t]+before\b|\b(?:\d+|an?|one|two|three|four|five|six|a[ \t]+few|a[ \t]+couple[ \t]+of|"
    r"several)[ \t]+(?:days?|weeks?|wks?)[ \t]+(?:ago|back|earlier)\b", re.I)
"""Days and weeks back ("his pain was 7/10 yesterday", "last week it was an 8", "two weeks
ago"): what was so then, not the value now (outside tester 36 F1)."""
BEFORE_CARE = re.compile(
    r"\b(?:before|prior[ \t]+to)[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?:rehab\w*|pt|physio\w*|therapy|"
    r"treatment|care|program(?:me)?|injections?|blocks?|surgery|admission|exercises?)\b"
    r"|\bpre-?(?:rehab|pt|therapy|treatment|program|injection|op|admission)\b", re.I)
"""A value said of the time before the care ("her FEV1 was 85% before rehab", "pre-rehab
FEV1 85%": outside tester 36 F1 stored each over the current PFT's): the baseline a
fact of its own asks for, not the value now."""
_OCCASION = re.compile(
    r"\b(?:at|during|on|from|after|in|for)[ \t]+(?:the|his|her|their|its|that|an?)[ \t]+"
    r"(?P<mods>(?:[\w/.'’-]+[ \t]+){0,3}?)"
    r"(?P<what>intake|visits?|calls?|admission|appointment|eval(?:uation)?|assessment|"
    r"consult(?:ation)?|pre-?season|season|injections?|blocks?|spirometry|pfts?|exam|"
    r"sessions?|check-?up|physical|screening|work-?up|stay|hospitali[sz]ation|episode|"
    r"encounter|triage|presentation|follow-?up|review|tests?)\b", re.I)
"""A named occasion ("at the May intake", "at his first PT visit", "during the January
admission", "at the 11/18 spirometry", "at the 2024 preseason"): a value measured then.
One the words before it make the latest or a coming one ("at his last visit", "at today's
visit", "at the next visit") is left to the rest of the line."""
_NOT_PAST_OCCASION = re.compile(r"\b(?:last|latest|recent|most|current|today'?s?|this|next|"
                                r"upcoming|coming|planned|scheduled|same)\b", re.I)
_YEAR = re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?![\d/.-])|"
                   r"\b(?:\d{1,2}[/.-]){1,2}(?P<year2>(?:19|20)\d\d)\b")
_BIRTH = re.compile(r"\b(?:dob|d\.o\.b|born|birth(?:[ \t]*date|day)?|date[ \t]+of[ \t]+birth)"
                    r"\.?[ \t:#=-]*$", re.I)
"""A birth date's label: the year after it dates no value ("Patient: Donna Lopez, DOB
08/30/1971. NRS 7/10." is today's score)."""
_SINCE = re.compile(r"\b(?:since|from|onset|began|started|starting)[ \t]+(?:\w+[ \t]+)?$", re.I)
_ANOTHER_EPISODE = re.compile(
    r"\blast[ \t]+year\b|\byears?[ \t]+ago\b|\b(?:his|her|their|the)[ \t]+other[ \t]+"
    r"(?:shoulder|knee|hip|ankle|wrist|elbow|arm|leg|foot|hand|side)\b|\b(?:previous|prior|"
    r"earlier|last|first)[ \t]+(?:episode|injury|flare(?:-up)?|claim)\b", re.I)
"""Words that put a length of care in another episode ("for her other shoulder", "last
year", "at the 2024 preseason"): not the care of this one, whatever its figure."""


def _earlier_year(text: str, as_of: date) -> str | None:
    """A year before the case's ("back in 2024 his pain was 3/10", "at the 2024 preseason",
    "in 11/2023"), not the year a span starts ("pain since 2024": up to now)."""
    for m in _YEAR.finditer(text):
        year = int(m["year"] or m["year2"])
        before = text[max(0, m.start() - 30):m.start()]
        if m["year2"] and (b := re.search(r"(?:\d{1,2}[/.-]){1,2}$", before)):
            before = before[:b.start()]  # (the label before the whole date)
        if year < as_of.year and not _SINCE.search(before) and not _BIRTH.search(before):
            return m.group(0)
    return None


def _past_occasion(text: str) -> str | None:
    """The first occasion of ``text`` not made the latest, today's or a coming one."""
    for m in _OCCASION.finditer(text):
        if not _NOT_PAST_OCCASION.search(m["mods"]):
            return m.group(0)
    return None


def said_of_earlier(text: str, as_of: date, held: frozenset[date] = frozenset()
                    ) -> str | None:
    """The words of ``text`` that place its figures at an earlier time, or None. The
    month of the case's day and the one before it may be the current measure's own
    ("the PFT in November showed 64%"), and a line that also says "now" speaks of now.
    Also a day or week back ("yesterday", "last week"), a year before the case's ("back in
    2024"), and a named occasion ("at the May intake", "at his first PT visit", outside
    tester 36 F1)."""
    if _NOW.search(text):
        return None
    for m in _EARLIER.finditer(text):
        if m["month"]:  # (an occasion named by its month is past: "November admission")
            month = _MONTHS.index(m["month"].lower()) + 1
            if month in (as_of.month, (as_of.month - 2) % 12 + 1):
                continue
        return m.group(0)
    if (m := _PAST_TIME.search(text)) is not None:
        return m.group(0)
    if (m := BEFORE_CARE.search(text)) is not None:
        return m.group(0)
    return _earlier_year(text, as_of) or _past_occasion(text) or _old_date(text, as_of, held)


_MONTH_YEAR = re.compile(
    r"(?<![\d/.-])(?P<month>\d{1,2})[/.-](?P<year>(?:19|20)\d\d)(?![\d/.-])"
    r"|\b(?P<name>" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?,?[ \t]+"
    r"(?P<year2>(?:19|20)\d\d)\b", re.I)
_OLD = timedelta(days=14)
"""How far back a dated study or score is said of an earlier time: two weeks ("his WBC was
16,000 on 11/02/2026" against the case's newer 9,800: outside tester 37 F4). Where the
case holds another value it is asked, not stored: a dated value may be the newer one, and
a question costs less than an old value kept."""


_STUDY_FROM = re.compile(r"\b(?:mri|ct|scan|x-?rays?|xr|films?|pft|spirometry|study|report|"
                         r"imaging|note|visit|labs?)[ \t]+(?:[\w-]+[ \t]+)?from[ \t]+$", re.I)
"""A study dated by "from" ("her MRI from 04/2026"): its day, not the start of a span."""


def _old_date(text: str, as_of: date, held: frozenset[date] = frozenset()) -> str | None:
    """A date two weeks or more before the case's day ("her MRI from 04/2026 showed no
    nerve root compression", "his pain was 3/10 on 02/02/2026": outside tester 36 F12,
    F1), not a birth date nor the day a span starts ("pain since 03/2026": up to now), nor
    a day the case holds (``held``: "MRI 11/10/2026: no compression after all" corrects the
    reading of the case's own study)."""
    found: list[tuple[date, int, int]] = []
    for m in _MONTH_YEAR.finditer(text):
        year = int(m["year"] or m["year2"])
        month = int(m["month"]) if m["month"] else \
            [x[:3] for x in _MONTHS].index(m["name"][:3].lower()) + 1
        if 1 <= month <= 12:
            found.append((date(year, month, calendar.monthrange(year, month)[1]),
                          m.start(), m.end()))
    found += [(d, a, b) for d, (a, b) in dates_in(text, as_of) if d is not None and
              re.search(r"\d{4}", text[a:b])]  # (a day with its year: "on 02/02/2026")
    for day, start, end in sorted(found, key=lambda f: f[1]):
        before = text[max(0, start - 30):start]
        if day <= as_of - _OLD and day not in held and not _BIRTH.search(before) and \
                (not _SINCE.search(before) or _STUDY_FROM.search(before)):
            return text[start:end]
    return None


def of_another_episode(text: str, as_of: date) -> str | None:
    """The words of ``text`` that put what it says in another episode of care (another
    side, a year before the case's, "last year"), or None: a length of care said so is
    not this episode's total (outside tester 36 F1: "at the 2024 preseason she did 14
    weeks of conservative care" replaced the 9 weeks of this injury's care)."""
    if _NOW.search(text):
        return None
    if (m := _ANOTHER_EPISODE.search(text)) is not None:
        return m.group(0)
    return _earlier_year(text, as_of)

"""Another person named in a message that names its patient: "Our flyer Anaïs is 14 weeks
pregnant and off the trapeze; the request below is for Lucas, her catcher" (fresh34 read
the flyer's pregnancy as the patient's). Where the text says whom the request is for, a
clause whose subject is another first name (with a role before it or not: "teammate Jo",
"our flyer Anaïs", "Maria") is that person's, never the patient's: it is blanked.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][a-zà-öø-ÿ'’-]+"
_FOR = re.compile(
    r"\b(?:request|referral|authori[sz]ation|auth|prior auth|case|claim|form|appointment|"
    r"booking|order|this)(?:[ \t]+(?:below|above|here|attached|enclosed))?[ \t]+(?:is|are|was)"
    r"[ \t]+(?:for|about|on behalf of|regarding)[ \t]+(?:(?:mr|mrs|ms|miss|mx)\.?[ \t]+)?"
    rf"(?P<name>{_NAME})"
    rf"|\b(?:patient|pt|member|client)(?:[ \t]+name)?[ \t]*(?::|is)[ \t]+(?P<name2>{_NAME})",
    re.I)
"""Whom the message names as its patient ("the request below is for Lucas", "Patient:
Maria ...", "this referral is about Mr. Okafor")."""

_SUBJECT = re.compile(
    rf"(?:^|(?<=[.;!?\n])|(?<=[.;!?][ \t]))[ \t]*(?:[Oo]ur|[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)"
    rf"[ \t]+(?:[a-z-]+[ \t]+){{1,2}}(?P<name>{_NAME})(?:[ \t]+{_NAME})?"
    r"[ \t]+(?:is|was|has|had|'s|’s|says|reports|did|does|got)\b[^;.!?\n]*", re.M)
"""A clause whose subject is a person named after a role ("Our flyer Anaïs is ...", "My
colleague Maria has ..."), to its end: a role word makes the capital word a name (a bare
capital opening a sentence may be a drug, a site or a heading)."""

_NOT_NAMES = frozenset({"she", "he", "patient", "pt", "this", "that", "it", "there", "her",
                        "his", "the", "our", "my", "pain", "mri", "ct", "pt's", "nobody"})


def named_others(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` whose subject is a person named other than the patient the
    text names (none where it names no patient by name)."""
    if not re.search(r"\b(?:for|about|regarding|is|:)[ \t]+[A-Z]", text):
        return []
    patients = {(m["name"] or m["name2"]).lower() for m in _FOR.finditer(text)
                if (m["name"] or m["name2"])[0].isupper()}
    if not patients:
        return []
    out = []
    for m in _SUBJECT.finditer(text):
        name = m["name"].lower()
        if name in patients or name in _NOT_NAMES or re.match(
                r"(?:dr|doctor|mr|mrs|ms|miss|nurse|rn)\.?$", name):
            continue
        out.append((m.start("name"), m.end()))
    return out


_REPORTS = frozenset({"says", "said", "reports", "reported", "states", "stated", "notes",
                      "noted", "adds", "added", "mentions", "mentioned", "tells", "told",
                      "explains", "explained", "confirms", "confirmed", "thinks", "feels",
                      "asks", "asked", "called", "calls", "wants", "wanted"})
"""Verbs by which a companion reports on the patient: their clause is the patient's unless
the companion speaks of themself ("Karen reports she herself has a UTI")."""

_REPORTED = re.compile(r"(?:^|[.;!?\n:][ \t]*)(?:[A-Z][a-z]*|he|she|they)[ \t]+"
                       rf"(?:{'|'.join(sorted(_REPORTS))})(?:[ \t]+that)?$")
"""A clause that reports what follows, its subject opening its sentence ("He says Raj has a
UTI"): the companion named after it is the subject of what is said (outside tester 33 F1
read the caller's own UTI as the patient's)."""
_SELF = re.compile(r"\b(?:herself|himself|themselves|themself|I|I'm|I’m|my)\b")
_NOT_COMPANION = frozenset({"he", "she", "they", "the", "pt", "patient", "dr", "mr", "mrs", "ms",
                            "is", "was", "has", "had", "and", "no", "yes", "not", "called",
                            "reports", "says", "states", "on", "at", "in", "for", "re"})
_FIRST = r"[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?"
_CLAUSE_END = re.compile(r";|[.!?](?=\s|$)|\n|$")


def _intro(roles: tuple[str, ...]) -> re.Pattern[str]:
    """A role word, then a first name: "daughter Sofia", "Caregiver: niece Ana", "Mother
    (Rosa)"; not where the role is said of the patient ("calling about her daughter Lily")."""
    alt = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z])(?P<pre>(?i:(?:about|regarding|re|concerning|for|patient|pt)"
        rf"[ \t]+(?:(?:his|her|their|my|our)[ \t]+)?)?)(?i:{alt})s?"
        rf"(?:[ \t]*[:,]?[ \t]+|[ \t]*\([ \t]*)(?P<name>{_FIRST})(?![A-Za-z(])"
        rf"(?![ \t]*[(,][ \t]*(?i:the[ \t]+)?(?i:patient|pt|member|client)\b)")


def _companion_names(text: str) -> list[tuple[str, int, str | None]]:
    """The first names a role introduces, each with where it is introduced and the
    pronoun its role stands for."""
    from agent.reading.context import rules  # late: context imports the reading modules

    words = rules()
    roles = (*words.companion_roles, *words.people_of_either_sex,
             *(w for ws in words.pronouns.values() for w in ws))
    out = []
    for m in _intro(tuple(dict.fromkeys(roles))).finditer(text):
        if m["pre"] or m["name"].lower() in _NOT_COMPANION:
            continue
        out.append((m["name"], m.end("name"), _sex(m.group().lower(), words.pronouns)))
    return out


def _sex(intro: str, pronouns: dict[str, list[str]]) -> str | None:
    """The pronoun the role of an introduction stands for ("daughter Sofia": she)."""
    for pronoun, kin in pronouns.items():
        if any(re.search(rf"\b{re.escape(k)}s?\b", intro) for k in kin):
            return pronoun
    return None


_ABOUT_PATIENT = re.compile(r"\b(?:pt|patient|him|his|her|dad|mom|mum|father|mother|husband|"
                            r"wife|member|client)\b", re.I)


def _pronoun_after(text: str, after: int, sex: str | None) -> tuple[int, int] | None:
    """The clause right after a sentence that only introduces a companion, opening with the
    companion's pronoun ("Caller: daughter Sofia. She is home sick with a fever"): either
    may be meant, so it is not read (asked)."""
    if sex is None:
        return None
    m = re.match(rf"(?P<gap>[^.;!?\n]{{0,40}}?)(?:[.;!?]|\n)[ \t\n]*(?P<p>{sex.capitalize()})"
                 r"[ \t]+(?:(?:herself|himself|too|also|now)[ \t]+)?(?P<w>[a-z]+)", text[after:])
    if not m or _ABOUT_PATIENT.search(m["gap"]) or m["w"] in _REPORTS:
        return None
    start = after + m.start("p")
    return start, start + _CLAUSE_END.search(text[start:]).start()


def _owned_clause(text: str, at: int, name: str, relatives: frozenset[str]) -> int | None:
    """Where the clause opening with ``name`` at ``at`` ends, if it is that person's own: the
    name is its subject ("Sofia herself is ...", "Sofia's temp 38.9"), not a report on the
    patient ("Sofia says dad ...") nor the patient as theirs ("Sofia's dad has ...")."""
    before = text[:at].rstrip(" \t")
    if before and before[-1] not in ".;!?\n:" and not re.search(r"(?:\band|\bbut|,)$", before) \
            and not _REPORTED.search(before):
        return None
    rest = text[at + len(name):]
    own = re.match(r"(?:'s|’s)[ \t]+(?P<w>[A-Za-z-]+)", rest)
    # (an aside in brackets after the name keeps it the subject: "Sofia (not the patient)
    # has a fever of 38.9", outside tester 33 F1)
    verb = re.match(r"(?:[ \t]+[A-Z][a-z]+)?(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+"
                    r"(?:(?:herself|himself|too|also|now)[ \t]+)?(?P<w>[a-z]+)", rest)
    if own:
        if own["w"].lower() in relatives:
            return None
    elif not verb:
        return None
    end = at + len(name) + _CLAUSE_END.search(rest).start()
    if not own and verb["w"] in _REPORTS and not _SELF.search(text[at:end]):
        return None
    return end


def companions(text: str) -> list[tuple[int, int]]:
    """The clauses whose subject is a companion named earlier by role and first name: "Caller:
    daughter Sofia ... Sofia herself is home sick with a fever of 38.9", "His son Mark drove
    him in. Mark has a temp of 38.6 today." (outside tester 33 F1: read as the patient's
    fever). The role's own sentence is the context rules' business."""
    named = _companion_names(text)
    if not named:
        return []
    from agent.reading.context import rules  # late: context imports the reading modules

    words = rules()
    relatives = frozenset(w.lower() for ws in (*words.inverse.values(), *words.pronouns.values())
                          for w in ws) | {"patient", "pt"}
    patients = {(m["name"] or m["name2"]).lower() for m in _FOR.finditer(text)}
    out = []
    for name, after, sex in named:
        if name.lower() in patients:
            continue
        if (span := _pronoun_after(text, after, sex)) is not None:
            out.append(span)
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text[after:]):
            end = _owned_clause(text, after + m.start(), name, relatives)
            if end is not None:
                out.append((after + m.start(), end))
    return out


_OWNED_BY_NAME = re.compile(
    rf"(?:^|(?<=[;!?\n])|(?<=[.;!?][ \t])|(?<=\band[ \t])|(?<=\bbut[ \t]))"
    rf"(?:[^.;!?\n,]|\.(?=\d)){{0,60}}?"
    rf"\b(?:is|was|are|were)[ \t]+(?:all[ \t]+|really[ \t]+|actually[ \t]+)?"
    rf"(?P<name>{_FIRST})['’]s(?=[ \t]*(?:$|[,.;:!?)\n]|[-–—][ \t]|(?:not|and|but)\b))", re.M)
"""A thing said to be a person's, by first name, as the predicate of its clause ("the UTI is
Jen's, the daughter's - the patient has no infection", outside tester 34 F4 read the UTI):
what the clause names before it is that person's."""


def named_owners(text: str) -> list[tuple[int, int]]:
    """The clauses that give what they name to a person by first name ("The UTI is Jen's"),
    where the text does not name that person its patient: not the patient's, blanked."""
    if "'s" not in text and "’s" not in text:
        return []
    patients = {(m["name"] or m["name2"]).lower() for m in _FOR.finditer(text)}
    return [m.span() for m in _OWNED_BY_NAME.finditer(text)
            if m["name"].lower() not in patients | _NOT_COMPANION | _NOT_NAMES]


# ---------------------------------------------------------------------------------------
# A row or a label that names another person, with that person's values after it: "son -
# WBC 17.4", "Spouse – 20 wks pregnant", "Escort (daughter) - 30 wks pregnant", "Bed 4 (not
# our pt): T 39.1", "Household contacts: son - admitted for pneumonia 11/2026", a table's "|
# caregiver | had cosmetic surgery |". The blind sets' second commonest mechanism of a false
# fact (another person's value, 32 of 275 lines at their first measurement): a sentence about
# a relative was covered by ``other``'s clause scope, but a dash or a comma after a bare
# label cuts the clause there, so the value after it was read as the patient's.

_LABEL_SEP = re.compile(r"[ \t]*(?::|\||;)[ \t]*|[ \t]+[-–—]+[ \t]+|[ \t]*[–—]+[ \t]*"
                        r"|[ \t]*,[ \t]+")
"""What ends a label: a colon, a table's bar (or the semicolon ``pipes_as_fields`` puts for a
later one), a dash between spaces or a long dash, a comma."""

_LABEL_START = re.compile(r"(?:^|(?<=[.;!?])[ \t]+)[ \t>*•#|-]*", re.M)
"""Where a label may open: a line's start (after a bullet or a bar) or a sentence's."""

_VALUE_END = re.compile(r"[.;!?](?=[ \t]|$)|\n|\||$", re.M)
"""Where the labelled person's value ends: its sentence, its line or its table cell."""

_VALUE_CUT = re.compile(r"§|\b(?:but|however|whereas|while|although|patient|pt|he|she|his|her|"
                        r"him|they|their|our|also)\b")
"""Words that hand the line back to the patient (or to someone the label does not name):
"Caregiver: daughter - pt is bedbound, T 38.9" keeps the temperature the patient's."""

_NOT_OTHERS = re.compile(r"\b(?:my|patient|pt|member|client|self|relationship|relation|rel|"
                         r"subscriber|insured|policyholder|policy holder|guarantor|informant|"
                         r"historian|source|emergency|contact person|next of kin|nok|from|per|"
                         r"by|via|according|with|to|for|at|of|and|or|lives|living|visits|"
                         r"visiting|sees|saw|calls|called)\b|§|(?<!not )\bour\b")
"""A label that is about the patient or names how the patient is related to someone ("My
husband - T 38.9" from a wife writing of the patient; "Relationship to subscriber: spouse -
pregnant"; "Patient: wife - ..."; "Historian: daughter"), or names the person as the source
of what follows ("History from his sister (trekking partner): ..."), or is a clause with the
person as its object ("Lives with mother, has severe COPD": the patient has it): not another
person's row."""

_OWN_ROW = re.compile(r"[ \t]*(?:who|whom|whose|which|that|che|chi|que|qui|der|die|welche|"
                      r"says|said|reports|reported|states|stated|notes|noted|tells|told|"
                      r"thinks|feels|called|calls|asks|asked|confirms|confirmed|adds|added|"
                      r"mentions|mentioned|per|for|about|re|regarding)\b")
"""A label whose person reports on the patient ("Daughter - reports fever 38.9 at home"), or
a relative clause after a comma ("La figlia, che lo accompagna, è incinta"): the sentence is
the context rules' to decide (its relative is their subject)."""


def _trigger_at_end() -> re.Pattern[str]:
    from agent.reading.context import alternation, rules  # late: context imports this module

    spec = rules().categories["other"]
    # (and the words that give a patient block away: "Bed 4 (not our pt)", "wrong patient")
    words = alternation(w for w in (*spec.forward, *rules().patient_blocks["not_ours"])
                        if w[-1:].isalnum())
    # the person last in the label ("Household contacts: son"), or in a bracket that ends it
    # ("Escort (daughter)", "Bed 4 (not our pt)"); a possessive of the patient's before it
    # is theirs ("Pt's wife")
    return re.compile(rf"(?:^|(?<=[\s(]))(?:{words})s?(?:[ \t]*\([^()\n]{{0,30}}\))?[ \t]*$"
                      rf"|\([^()\n]{{0,20}}?(?<![\w])(?:{words})(?![\w])[^()\n]{{0,12}}\)[ \t]*$")


_TRIGGER_AT_END: list[re.Pattern[str]] = []

_PATIENT_IN_LABEL = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|pt|patient|"
                               r"member|client|says|said|reports|reported|states|stated|notes|"
                               r"noted|tells|told|asks|asked|per|about|re|regarding|for)\b|§")
"""Words in a label opened by another person that give the line back to the patient ("Son
drove him in: T 38.9 at home", "Wife reports: coughing all night"): not that person's row."""


_OTHER_OPENING = re.compile(r"[a-z-]+(?:[ \t]*\([^()\n]{0,30}\)|[ \t]*#[ \t]*\w+)?"
                            r"(?:[ \t]+(?:also|too|as well|seen|referred|admitted|sent|"
                            r"here|today|same day|same visit|same session|this morning|"
                            r"yesterday))*[ \t]*")
"""A label opened by a person: the person, a bracket or a number naming which ("Teammate
(#7)", "Athlete #22"), then at most words of their being here too ("also referred today"),
nothing else ("Son adet tarihi 20.01.2028", Turkish "last period date", is no son's row)."""


def _opens_with_other(label: str) -> bool:
    """A label opened by another person and holding nothing of the patient ("Teammate (#7)
    also referred today: pain 2/10, X-rays 1 set", an athletic trainer's sheet; outside tester
    37 F3 read the teammate's one set of films as the patient's): that person's row."""
    from agent.reading.context import _other_people_pattern  # late: context imports us

    head = label.lstrip(" \t>*•#|-")
    if _PATIENT_IN_LABEL.search(head) or not _OTHER_OPENING.fullmatch(head):
        return False
    shape = _other_people_pattern()
    word = re.match(r"[a-z-]+", head)
    return bool(word and (_TRIGGER_AT_END[0].search(word.group()) or
                          shape is not None and shape.match(head)))


def _is_patient_too(lower: str, label: str) -> bool:
    """Whether the text says the labelled person is the patient ("Dad (the patient) ...",
    "the patient is my dad", "calling about her father")."""
    word = re.sub(r"\([^()]*\)|[^a-z -]", " ", label).split()
    if not word:
        return False
    who = re.escape(word[-1])
    return re.search(rf"\b{who}s?[ \t]*(?:\([ \t]*(?:the[ \t]+)?(?:patient|§+)|,?[ \t]*(?:is|=)"
                     rf"[ \t]+(?:the|our)[ \t]+patient)|(?:patient|§+)[ \t]*(?:is|:|=)[ \t]*"
                     rf"(?:my|her|his|their|our)?[ \t]*{who}\b|(?:about|for|re)[ \t]+(?:my|her|"
                     rf"his|their|our)[ \t]+{who}\b", lower) is not None


def labelled_others(lower: str) -> list[tuple[int, int]]:
    """The values after a label or a table cell that names another person (the section's
    comment above): blanked, up to the end of their sentence, line or cell, or a word that
    turns back to the patient."""
    if not _TRIGGER_AT_END:
        _TRIGGER_AT_END.append(_trigger_at_end())
    ends_with_other = _TRIGGER_AT_END[0]
    out = []
    for start in _LABEL_START.finditer(lower):
        a = start.end()
        window = lower[a:a + 90].split("\n", 1)[0]
        for sep in _LABEL_SEP.finditer(window):
            label = window[:sep.start()]
            if not label.strip() or len(label.split()) > 7:
                break
            # (the patient's mark read back as "pt": "Bed 4 (not our pt)"; the patient's
            # possessive before the person is the person's, "Pt's wife")
            label = re.sub(r"(?:§+|\bpt|\bpatient|\bmember)['’]s\b", " ", label).replace("§§", "pt")
            head = re.split(r"[:|]", label)[-1]  # "Household contacts: son", "| caregiver"
            names_other = ends_with_other.search(head) or _opens_with_other(label)
            if names_other and not _NOT_OTHERS.search(
                    re.sub(r"\bnot[ \t]+(?:our|this|the)[ \t]+(?:pt|patient)\b", " ", label)) and \
                    not _is_patient_too(lower, head):
                b = a + sep.end()
                if not _OWN_ROW.match(lower, b):
                    end = _VALUE_END.search(lower, b).start()
                    cut = _VALUE_CUT.search(lower, b, end)
                    out.append((b, cut.start() if cut else end))
                break
            if sep.group().strip() not in (":", "|", ";"):
                break  # a label ends at its first dash or comma
    return out

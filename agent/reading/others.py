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

"""Whom a pasted document is about: the name and date of birth it labels, so that a note of
another patient pasted into a case is not merged into it (outside tester 22 F10: a second
pain-clinic note for "Maria Lopez, DOB 04/04/1990" turned Donna Hughes's right
meets_criteria into a does_not_meet, "Cannot be pregnant -> Pregnant", without a word)."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel

from agent.reading.values import BIRTH_DATE, dates_in

_NAME = re.compile(r"\b(?i:patient(?: name)?|pt name|member(?: name)?|name|re)\s*:\s*"
                   r"(?P<name>[A-Z][a-z'-]+(?:[ \t]+[A-Z]\.?)?(?:[ \t]+[A-Z][a-z'-]+)+)")
_SAME_PATIENT = re.compile(r"\bsame (?:patient|person|pt)\b", re.I)


class PatientId(BaseModel):
    """The identity a message labels: its date of birth and the name after a label."""

    name: str = ""
    dob: str = ""

    def describe(self) -> str:
        parts = [self.name, f"DOB {self.dob}" if self.dob else ""]
        return ", ".join(p for p in parts if p)


def labelled_identity(text: str, as_of: date) -> PatientId | None:
    """The first labelled name and date of birth of ``text``, or None with neither (the
    date found by the reader's own words for one: ``values.BIRTH_DATE``)."""
    name = _NAME.search(text)
    dob = next((found[0][0] for m in BIRTH_DATE.finditer(text.lower())
                for found in [dates_in(m["d"], as_of)] if found and found[0][0]), None)
    if dob is None and name is None:
        return None
    return PatientId(name=name["name"] if name else "",
                     dob=dob.strftime("%m/%d/%Y") if dob else "")


def other_patient(case: PatientId | None, said: PatientId | None, text: str) -> bool:
    """The message labels a patient who is not the case's: a different date of birth, or
    a different name where neither gives one. The writer's "same patient" overrides it."""
    if case is None or said is None or _SAME_PATIENT.search(text):
        return False
    if case.dob and said.dob:
        return case.dob != said.dob
    return bool(case.name and said.name) and _surname(case.name) != _surname(said.name)


def _surname(name: str) -> str:
    return name.split()[-1].lower()

"""Another case's line in a pasted note (session 37, outside tester 37 F3).

A desk working several cases in one thread or on one sheet writes another case's values on a
line of their own: "[12/04 08:46] Bree: sorry wrong chat - that last msg was about Mrs. Quan:
T 38.7, WBC 17", "for my other case, Mrs. Quan: T 38.7", an athletic trainer's "Teammate (#7)
also referred today: pain 2/10, X-rays 1 set." The reader knew a line *headed* by another case
("Other CT request (Mr. Hale): ...") and a label *ending* in another person ("Household
contacts: son - ..."); the mark inside a line, after a chat's stamp or a lead-in, and a label
*opened* by another person were read as the patient's: a qualifying chest CT denied on the
other case's temperature, a qualifying PT request denied on the teammate's one set of films.
The tester's lines are here with this file's own wordings and near-misses that keep their
reading.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))

_CT_BASE = "Patient Frank D., 64M. 12/03: T 37.2, WBC 9.8.\n"
_PT_BASE = "R knee X-rays 06/18/2026 and 11/20/2026 (2 sets). Pain 6/10.\n"


@pytest.mark.parametrize("line", [
    # the tester's exact lines (F3, m12 and m15)
    "[12/04 08:46] Bree: sorry wrong chat - that last msg was about Mrs. Quan: T 38.7, WBC 17",
    "[12/04 08:49] Lena: for my other case, Mrs. Quan: T 38.7, WBC 17",
    # this file's own: a handoff, shorthand, a bullet, a relayed text
    "Handoff note - different patient (bed 9): T 38.9, WBC 18.2",
    "> fwd from Sam: re another pt - T 39.1 / WBC 16",
    "• wrong chart, pls ignore: T 38.8, WBC 15.5",
    "10:02 Kim: oops, next patient's vitals: T 38.6, WBC 17.1",
])
def test_another_cases_line_is_not_the_patients(line: str) -> None:
    got = read(_CT_BASE + line, "71250")
    assert got.get("body_temperature") in (None, "37.2 C"), got
    assert got.get("wbc_count") in (None, "9800"), got


@pytest.mark.parametrize("line", [
    # the tester's exact lines (F3, a01 and a13)
    "Teammate (#7) also referred today: pain 2/10, X-rays 1 set.",
    "Athlete #22 (other player): X-rays 1 set, cellulitis - hold PT.",
    # this file's own
    "Roommate (also hurt in the fall): X-rays 1 set, pain 3/10",
    "Coworker seen same day: 1 set of knee films, NRS 2",
])
def test_a_line_opened_by_another_person_is_theirs(line: str) -> None:
    got = read(_PT_BASE + line, "97110")
    assert got.get("xray_sets") in (None, "2"), got
    assert got.get("pain_nrs") in (None, "6"), got


# --- near-misses: the patient's own line stays read --------------------------------------------

@pytest.mark.parametrize(("text", "fact", "value"), [
    # a relative who reports on the patient, or whose sentence turns to the patient
    ("Cough 5 wks.\nWife reports: he had T 38.9 last night", "body_temperature", "38.9 C"),
    ("Cough 5 wks.\nDaughter says T 38.9 this morning", "body_temperature", "38.9 C"),
    ("Cough 5 wks.\nWe also saw her at the other clinic: T 38.2 today", "body_temperature",
     "38.2 C"),
    # "other" that names no other case
    ("Cough 5 wks.\nOther findings: T 38.1", "body_temperature", "38.1 C"),
    ("Cough 5 wks.\nOther vitals - T 38.4, RR 22", "body_temperature", "38.4 C"),
])
def test_the_patients_own_line_stays(text: str, fact: str, value: str) -> None:
    assert read(text, "71250").get(fact) == value, read(text, "71250")

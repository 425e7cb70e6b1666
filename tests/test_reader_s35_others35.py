"""Session 35, others35: another person named in a line typed into a case already held
(outside tester 35 F2) gives no fact of the patient. Wordings are this fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant
from agent.typed_people import other_person, patient_names

_AS_OF = date(2026, 12, 6)

_ESI = """Interventional Spine - consult 11/30/2026
Patient: Ingrid Solberg   DOB 02/14/1968   F
Right L5 radiculopathy since 05/2026. Pain 6/10 before treatment, 8/10 now.
MRI L-spine 11/10/2026: L4-5 foraminal stenosis with L5 root compression and edema.
Conservative care: PT 06/01-08/24/2026 (12 wks) and gabapentin, no improvement.
No active infection. Not pregnant (postmenopausal). No anticoagulants.
"""

_PATIENT = {"ingrid", "solberg"}


@pytest.mark.parametrize("line", [
    "Marta has the UTI, not Ingrid",
    "fyi - Bob's the one with the cellulitis, not Ingrid",
    "it's Lena's infection, Ingrid has none",
    "the other case, Mr. Haugen, had only 6 weeks of PT",
    "Other ESI request (Mrs. Ito): MRI 11/20/2026",
    "next patient in the queue has an FEV1 of 55%",
    "Mrs. Patel from the same employer group is pregnant",
    "Mr Okoro has C. diff",
    "her roommate has C. diff and is on vancomycin",
    "His neighbor had a fever of 39 and is on antibiotics",
    "the patient's sister is pregnant and due in May",
    "Tomasz ma infekcję (UTI), not Ingrid",
])
def test_another_person_named(line: str) -> None:
    assert other_person(line, _PATIENT) is not None


@pytest.mark.parametrize("line", [
    "Ingrid has no UTI",
    "Mrs. Solberg is not pregnant",
    "Dr. Berg says pain is 7/10",
    "Naproxen failed after 7 weeks",
    "Pain is 7/10 today",
    "she had 12 weeks of PT, not 8",
    "her husband says she has a UTI",
    "Gabapentin was stopped after 8 wks",
    "Ingrid's pain is 8/10",
    "the last PT session was 08/24",
    "Temp was 37.1",
])
def test_the_patient_or_no_one_named(line: str) -> None:
    assert other_person(line, _PATIENT) is None


def test_patient_names_from_labels() -> None:
    assert patient_names([_ESI]) == _PATIENT
    assert {"ruth", "abernathy"} <= patient_names(
        ["Urgent CT chest - Ruth Abernathy, DOB 07/07/1956, 70F."])


def _chat(*lines: str) -> Assistant:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                  as_of=_AS_OF)
    a.send("t", "does this case qualify for 62311?")
    a.send("t", _ESI)
    for line in lines:
        a.send("t", line)
    return a


@pytest.mark.parametrize("line", [
    "Marta has the UTI, not Ingrid",
    "her roommate has C. diff and is on vancomycin",
    "Mrs. Patel from the same group is pregnant",
    "the other ESI case today, Mr. Lund, had his MRI on 08/01/2026",
])
def test_chat_keeps_the_patients_facts(line: str) -> None:
    a = _chat()
    before = {k: v["value"] for k, v in a.case("t")["facts"].items()}
    a.send("t", line)
    after = {k: v["value"] for k, v in a.case("t")["facts"].items()}
    for fact in ("active_infection", "pregnancy", "ct_mri_date"):
        assert after.get(fact) == before.get(fact), (line, fact)


def test_chat_patients_own_line_still_read() -> None:
    # a near-miss: the patient named by her own name keeps what the line says of her
    a = _chat("Ingrid has a UTI, on nitrofurantoin since Friday")
    assert a.case("t")["facts"]["active_infection"]["value"] is True


# -- a measure said of an earlier time, typed into a case that holds another value of it
# (outside tester 35 F1, F5)

_CT = """Pulmonology follow-up 12/01/2026
Patient: Oskar Lindgren   DOB 09/09/1955   M
Dyspnea and dry cough since 03/2026, crackles at both bases.
PFT 11/24/2026: FEV1 88% predicted.
"""


@pytest.mark.parametrize("line", [
    "his FEV1 was 66% when he started pulmonary rehab in June",
    "FEV1 at rehab entry was 66%",
    "in June his FEV1 was 66%",
    "back in July FEV1 66% pred",
    "FEV1 66% at the start of the program",
    "when Oskar first came in his FEV1 was 66 %",
])
def test_earlier_fev1_does_not_replace_the_current_one(line: str) -> None:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                  as_of=_AS_OF)
    a.send("t", "does this case qualify for 71250?")
    a.send("t", _CT)
    assert a.case("t")["facts"]["fev1_percent_predicted"]["value"] == 88
    a.send("t", line)
    assert a.case("t")["facts"]["fev1_percent_predicted"]["value"] == 88, line


@pytest.mark.parametrize("line", [
    "his FEV1 is 66% now",
    "repeat PFT: FEV1 66%",
    "FEV1 was 66% on the 11/24 PFT",
])
def test_a_current_fev1_still_replaces(line: str) -> None:
    # near-misses: the line speaks of now or of the current PFT
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                  as_of=_AS_OF)
    a.send("t", "does this case qualify for 71250?")
    a.send("t", _CT)
    a.send("t", line)
    assert a.case("t")["facts"]["fev1_percent_predicted"]["value"] == 66, line


def test_pain_at_a_later_course_start_is_not_the_baseline() -> None:
    a = _chat("her pain was 3/10 when she started the second PT block in September")
    facts = a.case("t")["facts"]
    assert facts["pain_nrs_baseline"]["value"] == 6

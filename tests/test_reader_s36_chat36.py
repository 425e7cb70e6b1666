"""Session 36, chat36: outside tester 36's decision-changing chat findings, as whole chats
(a note pasted, then one typed line). F1: a value said of an earlier time ("at the May
intake", "yesterday", "back in 2024") or a length of care of another episode replaced the
current one. F2: another person named by a role and an adverb ("her sister just
delivered") or by a name with a suffix ("Tallis Jr.") was taken as the patient. F3: one
course's length, named by its clinic, replaced the total the case holds. C1: a consult
answer naming its author ("Dr. Ruiz's pain management consult is on file") was refused as
another person's. Wordings and notes are this file's own; near-misses keep what was
right."""

from __future__ import annotations

from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant
from agent.typed_people import other_person, patient_names

AS_OF = date(2026, 12, 6)

_FACET = """Spine & Joint Center - procedure request 11/30/2026
Patient: Walter Brandt   DOB 04/12/1966   M
Axial low back pain since 01/2025 (about 23 months). Pain 7/10 on today's exam (11/30/2026).
Lumbar extension and rotation reduced; antalgic gait with poor balance.
Physical therapy: course 1 at Lakeview Therapy 03/02-05/08/2026 (10 weeks) and course 2 at \
Summit Rehab 07/06-08/14/2026 (6 weeks), 16 weeks in all: 8 weeks of exercise and \
stretching, 4 weeks of manual therapy with heat and TENS, 4 weeks of pain education. Both \
courses failed.
Medication: naproxen for 8 weeks and a methylprednisolone dose pack, both failed. Not \
responded to conservative care.
X-rays lumbar 03/01/2026; MRI lumbar 09/20/2026; medial branch blocks 10/25/2026 with 80% relief.
No infection, no diabetes, no heart disease, no other severe comorbidity. Not cosmetic.
On file: H&P 11/30/2026, PT plans and progress notes, medication list with doses, modality \
log, PCP consultation (Dr. Ames 08/01/2026), pain management consultation 11/30/2026.
"""

_CHEST = """Pulmonology clinic note 12/01/2026
Patient: Irene Caldwell   DOB 02/02/1950   76 F
Clinically unstable with rapid decline over the past week; rapid imaging needed to guide \
treatment, CT chest (71250) requested.
Dyspnea and cough since 04/2026 (about 8 months); chest pain 7/10 today. Crackles at both \
bases, clubbing.
Pulmonary rehab 05/04-11/23/2026: 29 weeks, 2 sessions a week, chest mobility and strength \
exercises every session, standardized log; no improvement. Albuterol and tiotropium: no response.
Hospitalized 02/2026 for pneumonia, IV antibiotics 7 days.
Vitals today: T 37.2 C, HR 104, SpO2 88% on room air, no oxygen (FiO2 21%). WBC 9.6.
PFT 10/14/2026: FEV1 61% predicted.
CXR today: no consolidation; bacterial pneumonia not suspected.
Radiology (Dr. Hunt) documented failed conservative management 11/25/2026.
No heart disease, no ESRD, no COPD, no COPD admissions. Postmenopausal. Not cosmetic.
On file: history with prior chest complaints, ROS and exam, vitals, labs (CBC, BMP with \
creatinine), PFT report, CXR images, PCP referral for CT chest (Dr. Lowry 11/20/2026), \
pulmonology consult notes.
"""

_NOTES = {"64493": _FACET, "71250": _CHEST}


def _after(cpt: str, line: str) -> tuple[dict[str, object], dict[str, object], str]:
    """The case's facts after the note, after the line, and the reply to the line."""
    bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                    as_of=AS_OF)
    bot.send("t", f"does this case qualify for {cpt}?", cpt=cpt)
    first = bot.send("t", _NOTES[cpt])
    assert first.decision == "meets_criteria"
    before = {k: v["value"] for k, v in bot.case("t")["facts"].items()}
    turn = bot.send("t", line)
    after = {k: v["value"] for k, v in bot.case("t")["facts"].items()}
    return before, after, turn.reply


# --- F1: a value said of an earlier time, a length of care of another episode ------------

@pytest.mark.parametrize(("cpt", "line", "fact"), [
    ("64493", "his pain was 3 out of 10 yesterday", "pain_nrs"),
    ("64493", "at the 06/01 PT visit he rated it 2/10", "pain_nrs"),
    ("64493", "two weeks ago his pain was 3/10", "pain_nrs"),
    ("64493", "during his 2024 hospital stay pain was 9/10", "pain_nrs"),
    ("71250", "FEV1 85% at her intake visit", "fev1_percent_predicted"),
    ("71250", "temp 38.9 last night", "body_temperature"),
    ("71250", "WBC 14.2 three days ago", "wbc_count"),
    ("71250", "February admission: T 39.2", "body_temperature"),
    ("64493", "last year he did 6 weeks of PT for his neck", "pt_weeks"),
])
def test_an_earlier_value_does_not_replace_the_current_one(cpt: str, line: str,
                                                           fact: str) -> None:
    before, after, reply = _after(cpt, line)
    assert after.get(fact) == before.get(fact), (line, after.get(fact))
    # (asked by the chat's check, or by the reader's own: "dated a while back")
    assert "earlier time" in reply or "another episode" in reply or "dated a while back" in reply


@pytest.mark.parametrize(("cpt", "line", "fact", "value"), [
    ("64493", "his pain is 8/10 today", "pain_nrs", 8),
    ("64493", "at his last visit pain was 8/10", "pain_nrs", 8),
    ("64493", "pain 6/10", "pain_nrs", 6),
    ("71250", "FEV1 was 55% on the 10/14 PFT", "fev1_percent_predicted", 55),
    ("71250", "temp now 38.4", "body_temperature", 38.4),
    ("64493", "Walter Brandt, DOB 04/12/1966: pain 8/10", "pain_nrs", 8),  # a birth year
])
def test_a_current_value_still_replaces(cpt: str, line: str, fact: str,
                                        value: float) -> None:
    # near-misses: the line speaks of now, of the latest visit, or of the test itself
    _before, after, _reply = _after(cpt, line)
    assert after.get(fact) == value, line


# --- F2: another person, by a role and an adverb, or by a name with a suffix --------------

_PATIENT = patient_names([_FACET])


@pytest.mark.parametrize("line", [
    "his daughter Kim just tested positive for strep",
    "Brandt Jr. only did 5 weeks of PT",
    "his wife, Ana, recently delivered a baby",
    "his son Walter Jr. has osteomyelitis",
    "my patient's father completed 4 wks of PT",
    "Brandt Sr. is diabetic",
])
def test_another_person_by_role_or_suffix(line: str) -> None:
    assert other_person(line, _PATIENT) is not None


@pytest.mark.parametrize("line", [
    "his wife says he has a fever of 38.6",
    "his son drove him in; he has pain 8/10",
    "Walter has no infection",
    "Mr. Brandt did 16 weeks of PT",
])
def test_the_patient_or_a_companion_reporting(line: str) -> None:
    assert other_person(line, _PATIENT) is None


def test_the_patients_own_suffix_is_his() -> None:
    names = patient_names(["Member: Walter Brandt Jr.   DOB 04/12/1966"])
    assert other_person("Brandt Jr. did 16 weeks of PT", names) is None
    assert other_person("Brandt Sr. did 6 weeks of PT", names) is not None


@pytest.mark.parametrize(("line", "fact"), [
    ("his son Walter Jr. has osteomyelitis", "active_infection"),
    ("Brandt Jr. only did 5 weeks of PT", "pt_weeks"),
])
def test_chat_keeps_the_patients_facts(line: str, fact: str) -> None:
    before, after, _reply = _after("64493", line)
    assert after.get(fact) == before.get(fact)
    assert after.get("pregnancy") == before.get("pregnancy")  # "his" is still the patient's


# --- F3: one course of the case's own list, named by its place ----------------------------

@pytest.mark.parametrize("line", [
    "Lakeview PT was 10 weeks",
    "Summit Rehab: 6 weeks, no help",
    "his PT at Summit was only 6 wks",
])
def test_one_listed_course_is_not_the_total(line: str) -> None:
    _before, after, reply = _after("64493", line)
    assert after["pt_weeks"] == 16, line
    assert "how long in all" in reply


@pytest.mark.parametrize(("line", "weeks"), [
    ("PT was 14 weeks in total", 14),
    ("sorry, PT was 12 weeks not 16", 12),
])
def test_a_total_said_still_replaces(line: str, weeks: int) -> None:
    _before, after, _reply = _after("64493", line)
    assert after["pt_weeks"] == weeks


# --- C1: a consult answer naming its author is the consult's, no other person's -----------

@pytest.mark.parametrize("line", [
    "yes, Dr. Ruiz's pain management consult is on file",
    "Dr Okafor's note says pain 8/10",
    "Nurse Kelly's triage temp was 38.2",
])
def test_a_clinicians_name_is_no_other_person(line: str) -> None:
    assert other_person(line, _PATIENT) is None


def test_another_persons_possession_is_still_theirs() -> None:
    # a near-miss: a surname the case does not give its patient, with no title before it
    assert other_person("Ruiz's wife has a UTI", _PATIENT) is not None


_ESI = """Family medicine progress note 11/28/2026
Patient: Marisol Ortega   DOB 05/09/1972   F
Right L5 radiculopathy since 05/2026 (about 6 months). Pain 5/10 before treatment, 8/10 today.
Conservative care: PT 06/01-07/24/2026 (8 weeks) then gabapentin and a walking program \
07/27-09/18/2026 (8 weeks), 16 weeks in all, both courses failed; logs with dates on file.
ODI 52% (10/15) -> 36% (11/28), significant improvement in the past 6 weeks. Cannot work or \
sleep through the night.
MRI L-spine 11/02/2026: L5 nerve root compression with inflammation, L4-5 foraminal \
stenosis; readable.
CRP 15 (H), ESR 30 (H) 11/02/2026.
Exam: SLR positive right, EHL 4/5; pain evaluation done. Meds, allergies (none) and surgical \
history (appendectomy 1995) recorded. This note is the H&P (11/28/2026).
No active infection, no diabetes, no liver disease, no bleeding disorder. Not pregnant \
(tubal ligation). Not cosmetic.
"""


def test_chat_takes_a_consult_answer_naming_its_author() -> None:
    bot = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                    as_of=AS_OF)
    bot.send("t", "does this case qualify for 62311?", cpt="62311")
    assert list(bot.send("t", _ESI).pending) == ["pain_or_pcp_consult_documented"]
    turn = bot.send("t", "yes, Dr. Ruiz's pain management consult is on file")
    assert turn.facts["pain_or_pcp_consult_documented"]["value"] is True
    assert turn.decision == "meets_criteria"

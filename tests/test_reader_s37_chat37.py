"""Session 37, chat37: outside tester 36's decision-changing chat findings, as whole chats
(a note pasted, then one typed line) and as readings of the typed line. F7: an answer
that a record is on file ("yes, the history with meds, allergies and surgeries is on
file") also filed the consult asked beside it, from its last words ("surgeries is on
file"), and passed the case. F11: a figure typed as expected, a goal or met on a
condition ("the goal is pain 2/10 after PT") replaced the measured one. F12 and F5: a
finding or state of an older study or time ("his MRI last year showed no nerve root
compression", "in 2024 she was clinically stable") replaced the current one; F1: a value
dated months back or said of the time before the care ("her FEV1 was 85% before rehab").
F4: a second complaint typed as an addition ("she also has some neck pain") replaced the
request's region. F2: the patient's surname after a title of the other sex ("Mrs. Tallis
has a UTI" of Mr. Tallis) was taken for the patient. Wordings and notes are this file's
own; near-misses keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]

_ESI = """Ortho spine clinic - ESI request 12/01/2026
Patient: Oskar Lindqvist   DOB 03/14/1968   male
Right L5 radicular pain for 28 weeks, worse. Pain today 8/10; 5/10 before conservative care \
began, up 3 points.
Conservative care: medication management (naproxen, 8 weeks), lifestyle modification and \
physical therapy (12 weeks), 20 weeks in all, both courses failed; dated logs on file.
ODI 52% -> 30% over the last 6 weeks: significant improvement.
MRI lumbar 11/10/2026: right L5 nerve root compression with inflammation, L4-5 foraminal \
stenosis; readable.
CRP 18 and ESR 31, both raised; labs on file.
H&P exam 11/30/2026: positive SLR on the right, neuro exam and pain assessment complete. \
Cannot work or lift.
No active infection. No diabetes, no liver disease, no bleeding disorder. Not cosmetic.
"""


_FACET = """Pain & Spine Associates - facet injection request 11/28/2026
Patient: Dmitri Volkov   DOB 05/09/1961   M
Chronic axial low back pain since 02/2025 (22 months). Pain 7/10 at today's visit (11/28/2026).
Lumbar extension painful and reduced; gait antalgic, balance impaired.
Physical therapy 03/2026-07/2026, 16 weeks in all: 8 weeks of exercise and stretching, 4 \
weeks of manual therapy with heat and TENS, 4 weeks of pain education. Two PT courses, both \
failed.
Medication: meloxicam for 10 weeks and a prednisone taper, both failed. Not responded to \
conservative care.
X-rays lumbar 02/20/2026; MRI lumbar 09/12/2026; medial branch blocks 10/20/2026 with 80% relief.
No infection, no diabetes, no heart disease, no other severe comorbidity. Not cosmetic.
On file: H&P 11/28/2026, PT plans and progress notes, medication list with doses, modality \
log, PCP consultation (Dr. Lund 08/03/2026), pain management consultation 11/28/2026.
"""

_CHEST = """Pulmonary clinic - CT chest request 12/03/2026
Patient: Beatrix Hollande   DOB 08/21/1951   75 F
Clinically unstable, worsening over 10 days; rapid imaging needed to guide treatment. CT \
chest (71250) requested.
Cough and dyspnea since 05/2026 (about 7 months); chest pain 6/10 today. Crackles at the \
right base, clubbing.
Pulmonary rehab 05/11-11/30/2026: 29 weeks, 3 sessions a week, chest mobility and strength \
exercises each session, standardized log; no improvement. Albuterol and tiotropium: no response.
Hospitalized 03/2026 for pneumonia, IV antibiotics 6 days.
Vitals today: T 37.1 C, HR 102, SpO2 89% on room air, no oxygen (FiO2 21%). WBC 9.1.
PFT 10/20/2026: FEV1 60% predicted.
CXR today: no consolidation; bacterial pneumonia not suspected.
Radiology (Dr. Pike) documented failed conservative management 11/30/2026.
No heart disease, no ESRD, no COPD, no COPD admissions. Postmenopausal. Not cosmetic.
On file: history with prior chest complaints, ROS and exam, vitals, labs (CBC, BMP with \
creatinine), PFT report, CXR images, PCP referral for CT chest (Dr. Ng 11/20/2026), \
pulmonology consult notes.
"""

_NOTES = {"62311": _ESI + "Pain management consult (Dr. Haas 11/30/2026) on file; history \
with medications, allergies and past surgeries on file.\n", "64493": _FACET, "71250": _CHEST}


def _typed(bot: Assistant, cpt: str, line: str) -> tuple[object, object]:
    """The case pasted (it meets), then ``line`` typed: the turn before and after."""
    bot.send("c", f"does this case qualify for {cpt}?", cpt=cpt)
    before = bot.send("c", _NOTES[cpt])
    assert before.decision == "meets_criteria"
    return before, bot.send("c", line)


def _read(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


# --- F7: an "on file" answer files only the record it names --------------------------------

_DOCS = ["hp_history_documented", "pain_or_pcp_consult_documented"]


@pytest.mark.parametrize("text", [
    "yes, the history with meds, allergies and surgeries is on file",
    "yes - H&P with medication list, allergies, prior surgeries in chart",
    "yep: history w/ current meds + allergy list + past surgeries is in the chart",
])
def test_the_history_answer_files_no_consult(text: str) -> None:
    facts = _read(text, "62311", _DOCS)
    assert facts.get("hp_history_documented") is True
    assert "pain_or_pcp_consult_documented" not in facts


@pytest.mark.parametrize("text", [
    "the pain management consult is on file",
    "yes, history with surgeries on file, and the pain management consult is on file too",
    "yes both: history and PCP consult on file",
])
def test_a_consult_said_on_file_is_still_read(text: str) -> None:
    assert _read(text, "62311", _DOCS).get("pain_or_pcp_consult_documented") is True


def test_the_chat_still_asks_the_consult_after_the_history_answer(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?", cpt="62311")
    turn = bot.send("c", _ESI)
    assert set(turn.pending) == set(_DOCS)
    turn = bot.send("c", "yes, the history with meds, allergies and surgeries is on file")
    assert turn.facts["hp_history_documented"]["value"] is True
    assert "pain_or_pcp_consult_documented" not in turn.facts
    assert turn.decision == "needs_info"
    assert list(turn.pending) == ["pain_or_pcp_consult_documented"]


# --- F11: a figure expected, hoped for, a goal, or met on a condition ----------------------

@pytest.mark.parametrize(("cpt", "line", "fact"), [
    ("71250", "Dr. Kowalski expects her FEV1 to be about 85% after treatment",
     "fev1_percent_predicted"),
    ("71250", "pulm hopes for FEV1 ~80% by discharge", "fev1_percent_predicted"),
    ("71250", "the goal is pain 2/10 after rehab", "pain_nrs"),
    ("71250", "she says the pain will be 9 if she climbs stairs", "pain_nrs"),
    ("64493", "target after the injection: pain 2/10", "pain_nrs"),
    ("64493", "Dr. Lund thinks he'll be at 2/10 once the blocks work", "pain_nrs"),
    ("64493", "his pain would be 9 if he stood all day", "pain_nrs"),
])
def test_a_figure_to_come_keeps_the_measured_one(assistant_at: Bot, cpt: str, line: str,
                                                  fact: str) -> None:
    before, turn = _typed(assistant_at(AS_OF), cpt, line)
    assert turn.facts[fact]["value"] == before.facts[fact]["value"]
    assert turn.decision == "meets_criteria"


def test_a_measured_figure_typed_still_replaces(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "71250", "FEV1 today 58% predicted")
    assert turn.facts["fev1_percent_predicted"]["value"] == 58


# --- F12, F5, F1: a finding, state or value of an older study or an earlier time -----------

@pytest.mark.parametrize(("cpt", "line", "fact"), [
    ("62311", "his MRI last year showed no nerve root compression",
     "imaging_nerve_root_compression"),
    ("62311", "the outside MRI from 03/2026 showed no nerve root compression",
     "imaging_nerve_root_compression"),
    ("62311", "MRI in April: no compression of the root", "imaging_nerve_root_compression"),
    ("71250", "in 2024 she was clinically stable", "clinically_unstable"),
    ("71250", "her FEV1 was 85% before rehab", "fev1_percent_predicted"),
    ("71250", "pre-rehab FEV1 85%", "fev1_percent_predicted"),
    ("64493", "his pain was 3/10 on 02/02/2026", "pain_nrs"),
])
def test_an_older_finding_keeps_the_current_one(assistant_at: Bot, cpt: str, line: str,
                                                 fact: str) -> None:
    before, turn = _typed(assistant_at(AS_OF), cpt, line)
    assert turn.facts[fact]["value"] == before.facts[fact]["value"]
    # (a study dated by its month alone may set the case's study date aside: asked)
    assert turn.decision in ("meets_criteria", "needs_info")


def test_the_current_studys_finding_typed_with_its_day_still_corrects(assistant_at: Bot
                                                                      ) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "62311",
                           "MRI 11/10/2026: no nerve root compression after all, I misread it")
    assert turn.facts["imaging_nerve_root_compression"]["value"] is False


# --- F4: a second complaint said as an addition -------------------------------------------

@pytest.mark.parametrize("line", [
    "he also has some neck pain from his desk job",
    "his neck hurts as well, from sleeping wrong",
    "he has neck pain too, but the request is for the low back",
    "in addition he gets neck stiffness in the mornings",
])
def test_an_added_region_keeps_the_requests(assistant_at: Bot, line: str) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "64493", line)
    assert turn.facts["pain_region"]["value"] == "low_back"
    assert turn.decision == "meets_criteria"


def test_a_region_said_instead_still_changes(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "64493",
                           "actually the pain is in his neck, not the low back")
    assert turn.facts["pain_region"]["value"] == "neck"


# --- F2: the patient's surname after a title of the other sex ------------------------------

@pytest.mark.parametrize(("cpt", "line", "fact"), [
    ("64493", "Mrs. Volkov has a UTI", "active_infection"),
    ("64493", "Ms. Volkov is on antibiotics for a kidney infection", "active_infection"),
    ("71250", "Mr. Hollande has bacterial pneumonia", "bacterial_pneumonia"),
    ("71250", "Mr. Hollande rates his own chest pain 3/10", "pain_nrs"),
])
def test_a_title_of_the_other_sex_is_another_person(assistant_at: Bot, cpt: str, line: str,
                                                     fact: str) -> None:
    before, turn = _typed(assistant_at(AS_OF), cpt, line)
    assert turn.facts.get(fact, {}).get("value") == before.facts.get(fact, {}).get("value")
    assert turn.decision == "meets_criteria"


def test_the_patients_own_title_is_still_the_patient(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "64493", "Mr. Volkov has a UTI")
    assert turn.facts["active_infection"]["value"] is True


# --- F3: one course of several, the case not listing it -------------------------------------

@pytest.mark.parametrize("line", [
    "her rehab at the first site was 10 weeks",
    "the second round of rehab was only 12 weeks",
    "she did one of the rehab blocks for 8 weeks",
])
def test_one_course_of_several_keeps_the_total(assistant_at: Bot, line: str) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "71250", line)
    assert turn.facts["pt_weeks"]["value"] == 29
    assert turn.decision == "meets_criteria"


def test_a_shorter_total_said_in_all_still_replaces(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "71250", "sorry, rehab was only 20 weeks in all")
    assert turn.facts["pt_weeks"]["value"] == 20


# --- tester 37 F5: a correction the same message takes back ---------------------------------

@pytest.mark.parametrize("line", [
    "sorry, the education was 3 weeks, not 4 - no wait, 4 is right",
    "education 2 weeks... never mind, ignore me",
    "PT education was only 1 week - scratch that",
])
def test_a_correction_taken_back_changes_nothing(assistant_at: Bot, line: str) -> None:
    before, turn = _typed(assistant_at(AS_OF), "64493", line)
    assert turn.facts["pt_education_weeks"]["value"] == before.facts["pt_education_weeks"]["value"]
    assert turn.decision == "meets_criteria"


def test_a_plain_correction_still_changes(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "64493", "sorry, the education was 2 weeks, not 4")
    assert turn.facts["pt_education_weeks"]["value"] == 2


# --- tester 37 F4: a lab value dated weeks back ---------------------------------------------

def test_a_value_dated_weeks_back_keeps_the_current(assistant_at: Bot) -> None:
    before, turn = _typed(assistant_at(AS_OF), "71250", "her WBC was 16,000 on 11/02/2026")
    assert turn.facts["wbc_count"]["value"] == before.facts["wbc_count"]["value"]
    assert turn.decision == "meets_criteria"


def test_a_value_of_this_week_still_replaces(assistant_at: Bot) -> None:
    _before, turn = _typed(assistant_at(AS_OF), "71250", "WBC 8.8 on 12/04/2026")
    assert turn.facts["wbc_count"]["value"] == 8800


# --- tester 37 F15: a figure named in a question about the policy ---------------------------

@pytest.mark.parametrize(("line", "fact"), [
    ("does a temp of 38.5 exclude her?", "body_temperature"),
    ("would a WBC of 16,000 be a problem for her?", "wbc_count"),
    ("is an FEV1 of 85% too high for the CT?", "fev1_percent_predicted"),
])
def test_a_figure_in_a_question_is_not_the_patients(assistant_at: Bot, line: str,
                                                     fact: str) -> None:
    before, turn = _typed(assistant_at(AS_OF), "71250", line)
    assert turn.facts[fact]["value"] == before.facts[fact]["value"]
    assert turn.decision == "meets_criteria"


# --- tester 37 F2: a title in another language ----------------------------------------------

def test_a_french_title_of_the_other_sex_is_another_person(assistant_at: Bot) -> None:
    before, turn = _typed(assistant_at(AS_OF), "64493", "Mme Volkov a une infection urinaire, UTI")
    assert turn.facts["active_infection"]["value"] == before.facts["active_infection"]["value"]

"""Outside tester, session 17 (evals/reader/outside/session17-findings.md): findings that
changed a decision, each in the tester's words and in others of the same kind."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("the cosmetic answer is no", "cosmetic_purpose", "False"),
    ("the cosmetic answer is no, it's not cosmetic", "cosmetic_purpose", "False"),
    ("the infection answer is no", "active_infection", "False"),
    ("the answer to the infection question is no", "active_infection", "False"),
    ("the infection answer is yes", "active_infection", "True"),
])
def test_the_x_answer_is_no_answers_x(text: str, fact: str, value: str) -> None:
    """F8: "the cosmetic answer is no" read cosmetic YES, a denial nothing could change."""
    assert str(read(text, "64493", [fact]).get(fact)) == value


@pytest.mark.parametrize("text", [
    "Not cosmetic, infection present (UTI).",
    "No bleeding disorder, infection present - cellulitis.",
    "No fever, infection present.",
])
def test_a_finding_said_present_after_a_comma_is_not_denied(text: str) -> None:
    """F4: the denial before the comma reached "infection present": no active infection."""
    assert str(read(text, "64493").get("active_infection")) == "True"


def test_a_list_of_denials_still_ends_with_its_last_item() -> None:
    assert str(read("No fever, chills, or infection present.", "64493").get(
        "active_infection")) != "True"


@pytest.mark.parametrize("text", [
    "Denies pregnancy. Urine hCG 12/03/2026: positive.",
    "Patient states she is not pregnant; beta-hCG 1,240 (positive).",
    "Not pregnant per patient. Serum hCG 11/30/2026 - positive.",
])
def test_a_positive_pregnancy_test_after_a_denial_is_never_read_not_pregnant(text: str) -> None:
    """F10: the positive hCG was dropped and "not pregnant" kept: the exclusion passed."""
    for cpt in ("64493", "62311", "71250"):
        assert str(read(text, cpt).get("pregnancy")) != "not_pregnant", (cpt, text)


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("disowned", [
    "that pasted text was for a different patient",
    "that was the wrong patient's note",
    "that note was for another patient",
    "Sorry, wrong patient",
    "I pasted the wrong patient, sorry",
])
def test_saying_the_paste_was_another_patients_removes_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, disowned: str) -> None:
    """F12: "that pasted text was for a different patient" got "Nothing in that message
    changed the case"; the next paste merged into the other patient's facts."""
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 64493?",
        "Pt with LBP x 8 months, NRS 7/10, PT 14 weeks. Specialist consult on file.",
        disowned, "what have you recorded?"])
    assert "Removed what I read from that message" in replies[2], replies[2]
    assert "14 weeks" not in replies[3] and "8 months" not in replies[3]


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("switch", [
    "sorry, it's actually an epidural, 62311",
    "wrong code - it should be 62311",
    "I meant 62311, the epidural",
])
def test_correcting_the_procedure_switches_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, switch: str) -> None:
    """C1: "sorry, it's actually an epidural, 62311" got "Could not read "62311"" and the
    case stayed a facet injection."""
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 64493?", "PT 14 weeks", switch])
    assert "Switched from CPT 64493 to CPT 62311" in replies[2], replies[2]


def test_a_history_of_another_procedure_still_switches_nothing() -> None:
    from agent.reading.requests import procedure
    for note in ("Prior ESI (62311) 03/2025 gave no relief.",
                 "it is documented that a 62311 was done in 2024"):
        assert procedure(note.lower(), "64493") == (None, None), note


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Question 2 - Is the request for a cosmetic purpose? Answer: No.",
     "cosmetic_purpose", "False"),
    ("64493", "Question 3 - Is there an active infection? Answer: No.", "active_infection",
     "False"),
    ("64493", "Question 1 - Is the patient pregnant? Answer: No.", "pregnancy", "not_pregnant"),
    ("71250", "Question 4 - Suspected acute bacterial pneumonia? Answer: No.",
     "bacterial_pneumonia", "False"),
    ("64493", "Q: Any active infection? A: No.", "active_infection", "False"),
    ("64493", "Is there an active infection? Response: yes - cellulitis on cephalexin.",
     "active_infection", "True"),
])
def test_a_question_answered_after_an_answer_label_is_read_by_its_answer(
        cpt: str, text: str, fact: str, value: str) -> None:
    """F1: the question's own words were the finding ("cosmetic", "active infection",
    "pregnant"): a final denial in every policy from a question answered "No"."""
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("cpt", "text", "facts"), [
    ("97110", "Active infection: [No]   Pregnant: [No]   Cosmetic: [No]",
     {"active_infection": "False", "pregnancy": "not_pregnant", "cosmetic_purpose": "False"}),
    ("71250", "Suspected acute bacterial pneumonia: [No]", {"bacterial_pneumonia": "False"}),
    ("97110", "Pregnant: [No]   Postpartum: [No]", {"postpartum": "False"}),
    ("64493", "Cosmetic: [No]   Active infection: [Yes - UTI]",
     {"cosmetic_purpose": "False", "active_infection": "True"}),
])
def test_each_dropdown_label_keeps_its_own_bracketed_answer(
        cpt: str, text: str, facts: dict[str, str]) -> None:
    """F2: "Pregnant: [No]   Cosmetic: [No]" read pregnant and cosmetic."""
    got = read(text, cpt)
    assert {f: str(got.get(f)) for f in facts} == facts


@pytest.mark.parametrize("text", [
    "Comorbidities: [None of: CVD, COPD, ESRD]",
    "Comorbidities: none of CVD, COPD, ESRD",
    "Comorbidities: [None of: CVD, COPD, ESRD]   Severe COPD exacerbation requiring "
    "hospitalization: [No]",
])
def test_none_of_a_list_is_none_of_them(text: str) -> None:
    """F3: the comorbidities "None of:" rules out were read as present."""
    got = read(text, "71250").get("severe_comorbidities")
    assert got is None or got == [], got


def test_what_the_patient_is_to_the_caller_is_the_patient() -> None:
    """Outside tester 16, F1's text: "caller: patient's wife. States husband has low back
    pain 8/10": the husband is the patient; his pain was set aside as someone else's."""
    got = read("Caller: patient's wife. States husband has low back pain 8/10 worse tonight.",
               "64493")
    assert str(got.get("pain_nrs")) == "8"


def test_a_daughter_calling_about_her_mother_reads_the_mothers_facts() -> None:
    got = read("Daughter calling about her mom (78). Mom has had low back pain for 5 months, "
               "NRS 7/10.", "64493")
    assert str(got.get("symptom_weeks")) == "5 months" and str(got.get("pain_nrs")) == "7"


def test_a_caller_about_the_patient_still_keeps_others_apart() -> None:
    """Only what the patient is to the caller is the patient: the caller's sister is not."""
    got = read("Caller: patient's daughter. Her sister has had back pain for 3 months; "
               "dad has had low back pain for 8 months.", "64493")
    assert str(got.get("symptom_weeks")) == "8 months", got


@pytest.mark.parametrize(("text", "fio2"), [
    ("Home pulse ox 90%, not on oxygen.", None),
    ("SpO2 88% on room air; she does not use oxygen at home.", None),
    ("SpO2 95% on room air, not on oxygen.", "21"),
    ("SpO2 89% RA. FiO2 21%.", "21"),
])
def test_not_using_oxygen_is_no_fio2_when_the_room_air_saturation_is_low(
        text: str, fio2: str | None) -> None:
    """A low room-air saturation with "not on oxygen" leaves open whether oxygen is needed
    (the labelling convention of fresh7 and the first blind set); a figure for the FiO2
    itself stands."""
    got = read(text, "71250").get("fio2_percent")
    assert (None if got is None else str(got)) == fio2


@pytest.mark.usefixtures("data_dir")
def test_a_what_if_that_would_still_need_information_says_what(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """C12: "the decision would be: needs information" with nothing named read as if the
    change were not enough."""
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 64493?", "58F, LBP x 8 months, NRS 7/10, PT 8 weeks",
        "what if PT was 14 weeks?"])
    answer = next(line for line in replies[2].splitlines() if line.startswith("If "))
    assert "needs information" in answer and "still needing: " in answer
    assert "Supervised exercise and stretching" in answer


@pytest.mark.parametrize("text", [
    "RN: Blood thinners? Pt: My husband's on Eliquis, not me. RN: Any bleeding problems? "
    "Pt: No.",
    "Dr. Shah: Any bad reactions before? Pt: No.\nDr. Shah: OK, we'll proceed.",
])
def test_the_patient_speaking_in_a_transcript_is_no_physical_therapy(text: str) -> None:
    """fresh20's time-out read "Pt: No." as no physical therapy: PT 0 weeks, 0 courses."""
    got = read(text, "64493")
    assert not {f for f in got if f.startswith("pt_")}, got


def test_a_form_field_pt_is_still_physical_therapy() -> None:
    assert str(read("PT: 14 weeks, no relief", "64493").get("pt_weeks")) == "14 weeks"


@pytest.mark.parametrize("text", [
    "um, pain is like seven, scratch that, six",
    "pain is like seven, sorry, six",
])
def test_a_corrected_figure_of_another_fact_answers_no_question_on_screen(text: str) -> None:
    """Outside tester 16, F10: "seven, scratch that, six" (a pain score) was read as 6 weeks
    of conservative treatment, the question on screen."""
    got = read(text, "97110", ["conservative_weeks", "symptom_weeks"])
    assert "conservative_weeks" not in got and "symptom_weeks" not in got, got


def test_a_corrected_answer_still_answers() -> None:
    got = read("12, scratch that, 14", "97110", ["conservative_weeks"])
    assert str(got.get("conservative_weeks")) == "14"

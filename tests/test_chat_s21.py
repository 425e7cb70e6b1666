"""The chat's replies and turns, as a utilization-review nurse lives them (session 21,
chat21; the outside tester's session 20 findings C1-C6 and F14). Whole chats through the
CLI; the phrasings are the fixer's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name


def _replies(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
             lines: list[str], as_of: str = "2026-12-04") -> list[str]:
    return _chat(monkeypatch, capsys, lines, "--as-of", as_of)[1]


# ------------------------------------------------- C1: which procedure, and from what

@pytest.mark.parametrize("ask", [
    "what procedure did you pick?",
    "which code are you using?",
    "what cpt is this for?",
    "which policy are we checking against?",
    "is this the right procedure?",
])
def test_what_procedure_is_answered_with_the_code_and_where_it_came_from(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, ask: str) -> None:
    replies = _replies(monkeypatch, capsys, ["need an epidural checked, 62311", ask])
    assert "CPT 62311" in replies[1] and "Nothing in that message" not in replies[1], replies[1]
    assert '"62311"' in replies[1], replies[1]


def test_what_procedure_before_any_case_says_none_yet(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    replies = _replies(monkeypatch, capsys, ["which procedure are you checking?"])
    assert "No procedure yet" in replies[0], replies[0]


PASTES_NAMING_A_PROCEDURE = [
    # (a consult letter whose only procedure word is the therapy already tried)
    ("Spine consult 11/30/2026. 52M with right leg radicular pain since 05/2026. He did "
     "physical therapy for 8 weeks over the summer and naproxen for 6 weeks, no relief. "
     "MRI 11/02/2026 shows L5 root compression. Pain 7/10. No infection, no bleeding "
     "disorder, not cosmetic. H&P 11/30/2026 on file.", "97110", "physical therapy"),
    # (a terse intake line naming the chest CT among other history)
    ("INTAKE 12/01: 61F, cough and dyspnea x 5 months, prior chest CT in 2022 was normal, "
     "FEV1 70% predicted on PFTs 10/15/2026, pulmonary rehab 2x/wk x 24 wks without "
     "benefit, T 36.9, WBC 7,200, not pregnant, no COPD admissions, PCP referral on file.",
     "71250", "chest ct"),
]


@pytest.mark.parametrize(("paste", "cpt", "words"), PASTES_NAMING_A_PROCEDURE)
def test_a_procedure_taken_from_a_paste_s_words_is_said_and_how_to_change_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, paste: str, cpt: str, words: str) -> None:
    replies = _replies(monkeypatch, capsys, [paste, "what procedure is this checking?"])
    assert f"I took this to be a request for CPT {cpt}" in replies[0], replies[0]
    assert f'"{words}"' in replies[0].lower() and "say its code" in replies[0], replies[0]
    assert f"CPT {cpt}" in replies[1] and "took from the words" in replies[1], replies[1]


@pytest.mark.parametrize("first", [
    "Does this case qualify for physical therapy? knee OA, pain 6/10",
    "97110: knee OA, pain 6/10, symptoms 5 months",
    "ct chest pls",
])
def test_a_procedure_asked_for_is_not_called_a_guess(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, first: str) -> None:
    replies = _replies(monkeypatch, capsys, [first])
    assert "I took this to be" not in replies[0], replies[0]
    assert "CPT " in replies[0], replies[0]


@pytest.mark.parametrize("question", [
    "whats the difference between the PT weeks and the exercise weeks?",
    "how long does physical therapy have to be?",
    "does the epidural policy care about the pain score?",
])
def test_a_question_naming_a_procedure_s_words_opens_no_case(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, question: str) -> None:
    replies = _replies(monkeypatch, capsys, [question, "what procedure did you pick?"])
    assert "Decision:" not in replies[0], replies[0]
    assert "No procedure yet" in replies[1] or "CPT 62311" in replies[1], replies[1]


# ------------------------------------------------- C6: a question about the policy's rule

@pytest.mark.parametrize(("cpt", "question", "clause", "quoted"), [
    ("97110", "what's the minimum pain score?", "97110.coverage.5.1", "4 or higher"),
    ("97110", "how many sets of xrays does she need?", "97110.coverage.4.1", "Two or more"),
    ("62311", "how recent does the MRI have to be?", "62311.coverage.4.1", "MRI or CT"),
    ("71250", "what's the highest temperature that is ok?", "71250.exclusion.1.2", "38"),
    ("64493", "how many weeks of exercise does the PT need to include?", "64493.coverage.1.2",
     "supervised exercise"),
])
def test_a_question_about_a_criterion_is_answered_from_its_clause(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, cpt: str, question: str, clause: str,
        quoted: str) -> None:
    replies = _replies(monkeypatch, capsys, [cpt, question])
    said = replies[1]
    assert "Nothing in that message changed the case" not in said, said
    assert clause in said and quoted in said, said
    assert "Decision:" not in said  # a question changes nothing: no new card


def test_a_criterion_of_another_policy_is_said_to_be_another_s(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    replies = _replies(monkeypatch, capsys, ["97110", "why do you need the nerve block?"])
    assert "has no criterion on that" in replies[1] and "64493." in replies[1], replies[1]


def test_a_question_with_a_figure_is_no_question_about_the_rule(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    # ("is 3 weeks of PT enough?" asks about this case's figure: a what-if or an answer)
    replies = _replies(monkeypatch, capsys, ["97110", "what if pain was 3?"])
    assert "What the policy requires there" not in replies[1], replies[1]


# ------------------------------------------------- F14: "that's the other patient"

@pytest.mark.parametrize("disown", [
    "sorry no, that's the other patient. this one is not pregnant",
    "oops that's my other patient's, she's not pregnant",
    "ugh that was someone else's - she is not pregnant",
    "those were another patient's. not pregnant",
])
def test_the_other_patient_takes_back_the_whole_last_message_and_says_so(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, disown: str) -> None:
    replies = _replies(monkeypatch, capsys, [
        "71250 for my pt", "pain 6/10, she's pregnant, FEV1 62%", disown,
        "what have you recorded?"])
    assert "Removed what I read from that message" in replies[2], replies[2]
    recorded = replies[3]
    assert "62 %" not in recorded and "6 points" not in recorded, recorded
    assert "Not pregnant" in recorded, recorded


# ------------------------------------------------- a figure quoted back for the question

@pytest.mark.parametrize(("cpt", "message"), [
    ("71250", "she's pregnant, 20 wks"),
    ("97110", "knee replaced, 3 wks post-op"),
    ("62311", "ODI went from 50 to 34 over last 6 wks"),
    ("64493", "MRI showed facet arthropathy, read 5 wks ago"),
])
def test_a_figure_that_measures_something_else_is_not_offered_for_the_question(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, cpt: str, message: str) -> None:
    replies = _replies(monkeypatch, capsys, [cpt, message])
    asking = [line for line in replies[1].splitlines() if "these symptoms" in line]
    assert not any("reply with it alone" in line for line in asking), replies[1]


# ------------------------------------------------- C4: "I don't know" for the question on screen

@pytest.mark.parametrize("unsure", [
    "idk the breakdown of the PT",
    "no idea how the PT splits up",
    "dunno the split of the PT",
    "not sure of the breakdown for the PT",
])
def test_not_knowing_the_parts_of_a_total_answers_the_parts_on_screen(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, unsure: str) -> None:
    replies = _replies(monkeypatch, capsys, [
        "64493 lbp 8 mos, pain 7/10", "pt 14 wks total, 2 courses, neither helped",
        unsure, "what have you recorded?"])
    said = replies[2]
    assert "that gives no figure" not in said and "Could not" not in said, said
    recorded = replies[3]
    assert "14 weeks" in recorded, recorded  # the total stays
    for part in ("Supervised exercise", "Manual therapy", "Pain management education"):
        assert any(part in line and "not sure" in line.lower()
                   for line in recorded.splitlines()), recorded


@pytest.mark.parametrize("unsure", [
    "not sure about the nerve block",
    "idk about the nerve block",
    "dunno re the nerve block",
])
def test_not_knowing_a_named_thing_records_it_as_not_known(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, unsure: str) -> None:
    replies = _replies(monkeypatch, capsys, ["64493 lbp 8 mos, pain 7/10", unsure])
    assert "possible most recent" not in replies[1], replies[1]
    assert "nerve block" in replies[1].lower() and "not sure" in replies[1].lower(), replies[1]


# ------------------------------------------------- C2: the nurse's correction in her words

@pytest.mark.parametrize(("cpt", "lines", "recorded"), [
    # a figure called a typo beside its corrected value
    ("71250", ["FEV1 78% predicted on PFTs 10/06/2026",
               "wait the FEV1 was amended to 87%, the 78 was a typo"], "87 %"),
    ("71250", ["FEV1 78% predicted on PFTs 10/06/2026",
               "fev1 is 87, the 78 one was a typo"], "87 %"),
    ("64493", ["pain 4/10, PT 14 weeks", "pain is 7/10, the 4 was a mistake"], "7 points"),
    ("97110", ["conservative care 10 weeks, pain 6/10",
               "conservative care was 14 weeks, 10 was wrong"], "14 weeks"),
])
def test_a_figure_called_wrong_beside_its_new_value_is_replaced(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, cpt: str, lines: list[str], recorded: str) -> None:
    replies = _replies(monkeypatch, capsys, [cpt, *lines])
    said = replies[2]
    assert "Nothing in that message changed the case" not in said, said
    assert f"→ {recorded}" in said, said


@pytest.mark.parametrize("correction", [
    "hmm the MRI was actually 8/14 not 11/14, they corrected it",
    "MRI 8/14, not 11/14",
    "not 11/14 - the MRI was 8/14",
    "the mri date should be 8/14 not 11/14",
])
def test_a_day_corrected_in_own_words_replaces_the_recorded_one(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, correction: str) -> None:
    replies = _replies(monkeypatch, capsys, [
        "62311, lumbar radiculopathy", "MRI 11/14/2026 with L5 root compression", correction])
    said = replies[2]
    assert "2026-11-14 → 2026-08-14" in said, said
    assert "none of the answers so far had that value" not in said, said


def test_a_day_taken_back_that_nothing_has_is_not_guessed(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    # (the words name the X-rays; the MRI recorded on 11/14 is no X-ray)
    replies = _replies(monkeypatch, capsys, [
        "64493 low back pain", "MRI 11/14/2026", "the xrays were 8/14 not 11/14",
        "what have you recorded?"])
    assert "2026-11-14" in replies[3], replies[3]
    assert "CT or MRI  2026-08-14" not in replies[3], replies[3]


def test_a_correction_that_says_the_held_day_is_right_confirms_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    # the note's own correction is held to confirm; the nurse's words confirm it
    replies = _replies(monkeypatch, capsys, [
        "62311", "MRI lumbar spine 11/14/2026 [date corrected 12/01: the MRI was 08/14/2026] "
        "with L5 root compression.", "hmm the MRI was actually 8/14 not 11/14, they corrected "
        "it"])
    assert "Confirmed Most recent CT or MRI: 2026-08-14" in replies[2], replies[2]


# ------------------------------------------------- the procedure corrected in words

@pytest.mark.parametrize(("first", "correction", "cpt"), [
    ("need to check an epidural", "actually it's a facet injection not an epidural", "64493"),
    ("need to check an epidural", "it's not an epidural, it's a facet injection", "64493"),
    ("64493 for my pt", "sorry i meant the epidural", "62311"),
    ("97110 please", "no, its for the chest ct", "71250"),
])
def test_the_procedure_corrected_in_words_switches(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, first: str, correction: str, cpt: str) -> None:
    replies = _replies(monkeypatch, capsys, [first, correction])
    assert f"to CPT {cpt}" in replies[1], replies[1]


@pytest.mark.parametrize("said", [
    "she actually had an epidural in 2024",
    "pt is not a candidate for epidural",
])
def test_a_procedure_named_in_passing_switches_nothing(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, said: str) -> None:
    replies = _replies(monkeypatch, capsys, ["64493 for my pt", said])
    assert "Switched" not in replies[1] and "CPT 64493" in replies[1], replies[1]

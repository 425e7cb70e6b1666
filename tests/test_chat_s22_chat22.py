"""The chat's turns and replies, as a utilization-review nurse lives them (session 22,
chat22; the outside tester's session 21 findings C2, C4 and the turns after a verdict).
Whole chats through the CLI; the phrasings are the fixer's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name


def _replies(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
             lines: list[str], as_of: str = "2026-12-04") -> list[str]:
    return _chat(monkeypatch, capsys, lines, "--as-of", as_of)[1]


# ------------------- C2: the held value said again in the nurse's words is her "yes"

# (a held reading, "I read X as V — is that right?", and replies that say V again)
HELD = {
    # a pre-visit checklist's ticked item: held as "from a form's boxes"
    "fev1": ("71250", "huddle list: [x] FEV1 85% predicted on PFTs 11/10/2026 [x] pain 7/10",
             "FEV1 (% of predicted): 85 %"),
    # a dictation that corrects its own date: held as "the text corrects itself"
    "mri": ("64493", "Imaging: MRI L-spine 11/14/2026 [date corrected 12/01: the MRI was "
            "03/14/2026]", "Most recent CT or MRI: 2026-03-14"),
}


@pytest.mark.parametrize(("held", "reply"), [
    ("fev1", "yep - FEV1 85% on the 11/10 PFTs"),
    ("fev1", "correct, FEV1 was 85% predicted"),
    ("fev1", "that's right, 85%"),
    ("fev1", "Yes. FEV1 = 85% predicted."),
    ("mri", "correct - the MRI was done on march 14 2026"),
    ("mri", "yes, MRI 3/14/2026 is right"),
])
def test_the_held_value_said_again_confirms_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, held: str, reply: str) -> None:
    cpt, text, said = HELD[held]
    replies = _replies(monkeypatch, capsys, [cpt, text, reply, "why not?"])
    assert "is that right?" in replies[1], replies[1]
    assert f"Confirmed {said}" in replies[2], replies[2]
    assert "Could not read" not in replies[2], replies[2]
    assert "Does not meet the criteria" in replies[3], replies[3]


@pytest.mark.parametrize("reply", ["is the FEV1 85%?", "why would the FEV1 85% matter?"])
def test_a_question_naming_the_held_value_does_not_confirm_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, reply: str) -> None:
    cpt, text, said = HELD["fev1"]
    replies = _replies(monkeypatch, capsys, [cpt, text, reply])
    assert f"Confirmed {said}" not in replies[2], replies[2]
    assert "Does not meet the criteria" not in replies[2], replies[2]


# --------- C4: taking back a message restores the nurse's own answer it had replaced

@pytest.mark.parametrize(("cpt", "typed", "paste", "take_back", "label", "value"), [
    ("62311", "baseline pain was 6 before therapy, 9 now",
     "Outside consult 11/20/2026: NRS 3/10 at baseline before PT, 5/10 now. MRI 11/02/2026.",
     "that note was the wrong patient, please ignore it",
     "Baseline pain score (NRS 0-10, before conservative treatment)", "6 points"),
    ("97110", "shoulder pain for 10 weeks",
     "PT eval: R shoulder pain x 3 weeks, no injury. Pain 5/10.",
     "oops, that was another patient's note",
     "Symptom duration", "10 weeks"),
    ("64493", "she finished 14 weeks of PT",
     "Pain clinic letter: low back pain, PT 6 weeks total, NRS 7/10, MRI 10/01/2026.",
     "I pasted the wrong patient, sorry",
     "Physical therapy completed", "14 weeks"),
])
def test_taking_back_a_paste_gives_back_the_answer_it_replaced(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, cpt: str, typed: str, paste: str, take_back: str,
        label: str, value: str) -> None:
    replies = _replies(monkeypatch, capsys, [cpt, typed, paste, take_back,
                                             "what have you recorded?"])
    assert f"Updated: {label}" in replies[2], replies[2]
    assert f"{label}: {value}" in replies[3], replies[3]
    recorded = [line for line in replies[4].splitlines() if line.strip().startswith(label)]
    assert recorded and value in recorded[0], replies[4]


def test_undo_gives_back_the_value_the_last_answer_replaced(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    replies = _replies(monkeypatch, capsys, ["97110", "pain 7/10", "pain is 4 out of 10",
                                             "undo that", "what have you recorded?"])
    assert "Pain score (NRS 0-10): 7 points" in replies[3], replies[3]
    recorded = [line for line in replies[4].splitlines() if "Pain score" in line]
    assert recorded and "7 points" in recorded[0], replies[4]


# ------------------------------------------- after a verdict: the nurse's next words

DENIED_EPIDURAL = (
    "62311 for a 61F, postmenopausal. low back pain with radiculopathy for 20 weeks. 10 weeks "
    "of conservative treatment (PT, NSAIDs, lifestyle modifications), 2 courses failed, no "
    "response to conservative care, symptoms limit ADLs. H&P 2026-11-10 with PMH, meds and "
    "allergies, neuro exam and pain evaluation. MRI 2026-10-15: nerve root compression with "
    "inflammation, foraminal stenosis. Elevated CRP. Treatment logs on file. Baseline pain "
    "5/10, pain increased by 3 points. ODI significant improvement. Pain management consult "
    "on file. No infection, no comorbidities, not cosmetic.")


@pytest.mark.parametrize("ask", [
    "which clause is that?",
    "which criterion failed?",
    "what rule is it failing",
    "what section of the policy is that",
    "where does it say that?",
    "so what do I need to do?",
    "what now?",
])
def test_which_clause_after_a_denial_names_the_failing_clause(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, ask: str) -> None:
    replies = _replies(monkeypatch, capsys, [DENIED_EPIDURAL, ask], as_of="2026-11-23")
    assert "Does not meet the criteria" in replies[0], replies[0]
    assert "because" in replies[1] and "62311.coverage.1" in replies[1], replies[1]
    assert "Nothing in that message" not in replies[1], replies[1]


@pytest.mark.parametrize("thanks", ["ok thanks", "great, thank you", "got it", "thx!"])
def test_a_thanks_after_a_verdict_is_not_taken_for_case_words(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, thanks: str) -> None:
    replies = _replies(monkeypatch, capsys, [DENIED_EPIDURAL, thanks], as_of="2026-11-23")
    assert "Nothing in that message" not in replies[1], replies[1]
    assert "stands as checked: does not meet the criteria" in replies[1], replies[1]


@pytest.mark.parametrize("new", ["next case please", "ok, next patient", "on to the next case"])
def test_next_case_starts_a_new_case(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, new: str) -> None:
    replies = _replies(monkeypatch, capsys, [DENIED_EPIDURAL, new, "what have you recorded?"],
                       as_of="2026-11-23")
    assert "Starting over" in replies[1], replies[1]
    assert "Conservative treatment" not in replies[2], replies[2]


def test_ok_still_answers_a_yes_no_question(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    # (a thanks is no answer; an "ok" to a yes/no question still is one)
    replies = _replies(monkeypatch, capsys, ["71250 chest CT", "ok"])
    assert "Take your time" not in replies[1], replies[1]


@pytest.mark.parametrize("news", [
    "she's actually 12 weeks pregnant",
    "update - pt is pregnant, 12 weeks",
    "turns out shes pregnant, about 9 wks",
])
def test_how_far_along_a_pregnancy_is_no_correction_of_a_treatment_length(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, news: str) -> None:
    replies = _replies(monkeypatch, capsys, [DENIED_EPIDURAL, news], as_of="2026-11-23")
    assert "which does it correct" not in replies[1], replies[1]
    assert "Pregnancy: Cannot be pregnant → Pregnant" in replies[1], replies[1]


# ------------- "which does it correct: A or B?" answered by naming one: the figure lands

@pytest.mark.parametrize(("case", "fix", "which", "updated"), [
    (DENIED_EPIDURAL, "actually it was 12 weeks", "the conservative treatment",
     "Conservative treatment: 10 weeks → 12 weeks"),
    (DENIED_EPIDURAL, "sorry, that should be 12 weeks", "symptoms",
     "Symptom duration: 20 weeks → 12 weeks"),
    ("64493 low back pain for 20 weeks, 10 weeks of physical therapy",
     "no wait, it was 16 weeks", "physical therapy",
     "Physical therapy completed: 10 weeks → 16 weeks"),
])
def test_naming_which_fact_a_correction_is_for_applies_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, case: str, fix: str, which: str,
        updated: str) -> None:
    replies = _replies(monkeypatch, capsys, [case, fix, which], as_of="2026-11-23")
    assert "which does it correct" in replies[1], replies[1]
    assert f"Updated: {updated}" in replies[2], replies[2]

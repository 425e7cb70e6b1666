""""Not sure about X" is not knowing X, never the answer to the question on screen
(outside tester session 17, C2: "not sure about PFTs" while the symptom duration was asked
was recorded "Symptom duration: not sure", the opposite of what the nurse said)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "pending"), [
    ("not sure about PFTs", ["symptom_weeks", "pft_date"]),
    ("not sure about PFTs", ["symptom_weeks"]),
    ("I'm not sure about the x-rays", ["pain_nrs", "symptom_weeks"]),
    ("don't know about the labs", ["symptom_weeks"]),
])
def test_not_knowing_another_thing_answers_no_question_about_this_one(
        text: str, pending: list[str]) -> None:
    got = read(text, "71250", pending)
    assert "symptom_weeks" not in got and "pain_nrs" not in got, got


@pytest.mark.parametrize(("text", "pending", "fact"), [
    ("not sure", ["symptom_weeks"], "symptom_weeks"),
    ("not sure about that", ["symptom_weeks"], "symptom_weeks"),
    ("not sure about a block", ["nerve_block_date", "medication_courses_failed"],
     "nerve_block_date"),
    ("not sure about the symptom duration", ["pain_nrs", "symptom_weeks"], "symptom_weeks"),
])
def test_not_knowing_what_is_asked_still_answers_it(
        text: str, pending: list[str], fact: str) -> None:
    cpt = "64493" if fact == "nerve_block_date" else "71250"
    got = read(text, cpt, pending)
    assert fact in got and got[fact] is None, got


@pytest.mark.usefixtures("data_dir")
def test_the_chat_records_nothing_false_for_not_sure_about_another_thing(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 71250?", "she has been coughing for 2 months",
        "not sure about PFTs", "what have you recorded?"])
    assert "Symptom duration" in replies[1] and "2 months" in replies[1]
    assert "Symptom duration: not sure" not in replies[2]
    assert "not sure about PFTs" not in replies[3].split("Symptom duration")[-1][:80]

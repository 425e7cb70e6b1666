"""A chat keeps every word the nurse typed accounted for (outside tester session 16: C5,
C7, C12, C13, C19, C20): a case detail the reader could not use is said back, never
dropped; a filler ("um", "one sec") is no error; "help" says what one can ask, an unknown
"/command" says it is none; "what changed?" after "start over" names the start over; a
what-if in everyday words is answered as one."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

from agent.reading import understand

AS_OF = date(2026, 12, 4)
read = reader_at(AS_OF)


def _unread(text: str, cpt: str = "64493") -> list[str]:
    return [u.words for u in understand(text, cpt=cpt, pending=[], as_of=AS_OF).unread]


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("pain 7/10, symptoms since february, MRI 10/02/2026", "pain_nrs",
     "symptoms since february"),
    ("he has had symptoms since 02/2026", "pregnancy", "he has had symptoms since 02/2026"),
    ("she's had the sciatica since last spring, NRS 6/10", "pain_nrs",
     "she's had the sciatica since last spring"),
])
def test_a_case_detail_beside_a_reading_is_said_back_not_dropped(
        text: str, kept: str, dropped: str) -> None:
    assert kept in read(text, "64493")
    assert any(dropped in words for words in _unread(text)), _unread(text)


@pytest.mark.parametrize("text", [
    "Pain 5/10 at the 11/10 visit",  # the date goes with the score read
    "LBP x 8 months, NRS 7/10",
])
def test_a_clause_whose_figure_was_read_is_not_said_back(text: str) -> None:
    assert _unread(text) == []


@pytest.mark.parametrize("text", ["LBP, HEP 3x10 reps", "low back pain, PT 2 x10 daily"])
def test_sets_times_repetitions_are_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.usefixtures("data_dir")
def test_fillers_are_no_error_and_help_says_what_to_ask(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [
        "help", "does this case qualify for 64493?", "um", "hmm, let me check",
        "um, pain is 7/10", "/help", "/foo"])
    assert "what else do you need?" in replies[0] and "64493" in replies[0]
    for reply in replies[2:5]:
        assert "Could not read" not in reply, reply
        assert "please answer" in reply
    assert "7 points" in replies[4]
    assert "what else do you need?" in replies[5] and "Could not read" not in replies[5]
    assert 'no command "/foo"' in replies[6] and "help" in replies[6]


@pytest.mark.usefixtures("data_dir")
def test_what_changed_after_start_over_names_the_start_over(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 64493?", "MRI 10/02/2026", "start over", "what changed?"])
    assert "started over" in replies[3] and "2026-10-02" not in replies[3]


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize(("question", "answer"), [
    ("would it matter if she were pregnant?", "If Pregnancy: Pregnant"),
    ("what about if PT was 10 weeks", "If Physical therapy completed: 10 weeks"),
    ("would she still qualify if the MRI was 2026-11-01?", "If Most recent CT or MRI"),
    ("if PT was 10 weeks, does that change anything?", "If Physical therapy completed"),
])
def test_a_what_if_in_everyday_words_changes_nothing_and_answers(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        question: str, answer: str) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [
        "does this case qualify for 64493?", "58F, LBP x 8 months, NRS 7/10, PT 14 weeks",
        question, "what have you recorded?"])
    assert answer in replies[2] and "Nothing was changed" in replies[2]
    assert "Pregnant" not in replies[3] and "14 weeks" in replies[3]

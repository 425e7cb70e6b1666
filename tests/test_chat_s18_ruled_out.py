"""A chat message whose only case detail rules out one member of a list the policy asks
about ("he is not diabetic") is said back with what is still open, never answered as if
nothing were in it (outside tester 18 C6: "Nothing in that message changed the case:
Pregnancy: Cannot be pregnant as already recorded")."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name


@pytest.mark.parametrize("said", [
    "he is not diabetic",
    "no heart disease or copd in him",
    "she doesn't have kidney disease",
])
def test_one_member_ruled_out_is_said_back_with_what_is_open(
        said: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    _, replies = _chat(monkeypatch, capsys, [
        "does this qualify for 64493? 58 yo, low back pain 8 months", said])
    reply = replies[1]
    assert "Nothing in that message changed the case" not in reply, reply
    assert "ruled out" in reply and "severe comorbidities" in reply.lower(), reply


def test_a_message_said_again_still_says_nothing_changed(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    _, replies = _chat(monkeypatch, capsys, [
        "does this qualify for 64493? low back pain, NRS 7/10", "pain is 7/10"])
    assert "Nothing in that message changed the case" in replies[1], replies[1]

"""A procedure named by its everyday short word in a request (outside tester 18 C3: "need
to check an epidural" got the greeting again, as if nothing were asked). The short word
("epidural", "facet") names the procedure only where the message asks about it: "she had
an epidural in labour" or "facet arthropathy" on an MRI ask for no check."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

from agent.reading.requests import procedure


@pytest.mark.parametrize(("text", "cpt"), [
    ("need to check an epidural", "62311"),
    ("can you check an epidural for my pt", "62311"),
    ("would an epidural be approved for him?", "62311"),
    ("is the facet covered?", "64493"),
    ("need a facet checked", "64493"),
])
def test_a_request_by_the_short_word_names_the_procedure(text: str, cpt: str) -> None:
    assert procedure(text, None)[0] == cpt


@pytest.mark.parametrize("text", [
    "she had an epidural in labour in 2019",
    "MRI: facet arthropathy at L4-5",
    "Epidural abscess ruled out.",
])
def test_the_short_word_in_a_note_names_no_procedure(text: str) -> None:
    assert procedure(text.lower(), None)[0] is None


def test_the_chat_checks_the_epidural_asked_for(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    _, replies = _chat(monkeypatch, capsys, ["need to check an epidural"])
    assert "CPT 62311" in replies[0], replies[0]

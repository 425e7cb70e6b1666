"""A first message that asks whether someone qualifies starts that person's case under the
procedure it names; a question about what the policy says is still searched in the policy
(outside tester session 16 F12 and C8: "my father needs a facet injection ... (64493), can
you tell me if he qualifies?" printed policy clauses and started no case, and the next
message's "PT 14 weeks" then started a physical-therapy case)."""

from __future__ import annotations

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize(("first", "procedure"), [
    ("my father needs a facet injection for his low back (64493), can you tell me if he "
     "qualifies?", "CPT 64493 — Facet Joint Injection"),
    ("I'm calling for my dad, he needs an epidural steroid shot for his back, does he qualify?",
     "CPT 62311"),
    ("Can you tell me whether my mother qualifies for physical therapy (97110)?", "CPT 97110"),
    ("She needs the CT chest (71250) - is she eligible?", "CPT 71250"),
])
def test_asking_whether_someone_qualifies_starts_their_case(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        first: str, procedure: str) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [first, "PT 14 weeks"])
    assert procedure in replies[0] and "From the policy text" not in replies[0]
    assert procedure in replies[1] and "14 weeks" in replies[1]


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("question", [
    "what does the 64493 policy say about physical therapy?",
    "does a facet injection need an MRI?",
    "is a facet injection covered?",
])
def test_a_question_about_the_policy_is_still_searched_in_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, question: str) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [question])
    assert "From the policy text" in replies[0] and "Decision:" not in replies[0]

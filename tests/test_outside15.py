"""Outside tester, session 15: findings fixed by "ofix" (each test is the finding's exact
input plus wordings of the same kind)."""

from __future__ import annotations

from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant, Turn

AS_OF = date(2026, 12, 4)


def _chat(*messages: str) -> list[Turn]:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    return [a.send("t", m) for m in messages]


@pytest.mark.parametrize(("said", "fact"), [
    ("the pregnancy is wrong", "pregnancy"),            # F9's exact input
    ("the infection answer is wrong", "active_infection"),
    ("the cosmetic purpose is wrong", "cosmetic_purpose"),
    ("the infection is wrong, she has none", "active_infection"),
    ("pregnancy is incorrect", "pregnancy"),
])
def test_calling_a_yes_no_answer_wrong_asks_it_again_and_never_records_the_opposite(
        said: str, fact: str) -> None:
    """F9: "the pregnancy is wrong" after "not pregnant" recorded Pregnant (a final
    does_not_meet quoting the nurse's word "pregnancy"). The fact's name in the words that
    call it wrong is no answer: the stored answer is set aside and asked again."""
    *_, before, turn = _chat("does this case qualify for 64493?",
                             "she is not pregnant, no infection, not cosmetic", said)
    assert fact in before.facts
    assert fact not in turn.facts
    assert "set aside; asked again" in turn.reply
    assert turn.verdict["decision"] != "does_not_meet"


def test_calling_the_pneumonia_answer_wrong_asks_it_again() -> None:
    """F9 (71250): "the pneumonia is wrong" turned "no bacterial pneumonia" into yes."""
    *_, turn = _chat("does this case qualify for a chest CT?",
                     "no bacterial pneumonia, not clinically unstable, not cosmetic",
                     "the pneumonia is wrong")
    assert "bacterial_pneumonia" not in turn.facts
    assert turn.verdict["decision"] != "does_not_meet"

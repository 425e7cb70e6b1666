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


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Prior ESI (62311) on 03/2025 gave 2 months relief. "
              "Now facet-mediated LBP x 8 months."),                     # F1's exact input
    ("97110", "Patient: J. Ortiz  MRN 62311  DOB 05/05/1970. Shoulder pain 6/10 since 05/2026."),
    ("62311", "CT chest (71250) 11/2026 for cough was normal. Radicular leg pain since 03/2026."),
    ("71250", "Previously had PT (97110) for shoulder, 12 weeks. Cough and dyspnea x 5 months."),
    ("64493", "Acct# 71250. LBP x 8 months, facet-mediated."),
    ("97110", "Had an epidural steroid injection (62311) for sciatica in 2019."),
])
def test_a_code_in_a_note_s_history_or_an_identifier_does_not_switch_the_procedure(
        cpt: str, text: str) -> None:
    """F1: a CPT code anywhere in the text overrode --cpt (a verdict under the epidural
    policy for a facet request). Only a code the user asks about switches."""
    from agent.once import run_once
    state = run_once(text, cpt=cpt, as_of=AS_OF)
    assert state.cpt == cpt


def test_a_chat_keeps_its_procedure_when_a_message_names_an_earlier_one() -> None:
    """F1 in chat: "prior ESI (62311) 03/2025 gave no relief" moved a 64493 case."""
    *_, turn = _chat("does this case qualify for 64493?",
                     "low back, PT 14 weeks, 8 weeks exercise, 3 weeks manual, 3 weeks education",
                     "symptoms 10 months, pain 7/10", "prior ESI (62311) 03/2025 gave no relief")
    assert "Switched" not in turn.reply


@pytest.mark.parametrize("ask", ["what about 62311 instead?", "does it qualify for 62311?",
                                 "switch to CPT 62311", "62311"])
def test_a_code_the_user_asks_about_still_switches_the_chat(ask: str) -> None:
    *_, turn = _chat("does this case qualify for 64493?", ask)
    assert "Switched from CPT 64493 to CPT 62311" in turn.reply


@pytest.mark.parametrize(("text", "sets", "day"), [
    ("X-ray R knee 28-Oct-2026.", None, "2026-10-28"),                  # F3's exact input
    ("X-rays R shoulder 10-Jun-2026 and 02-Nov-2026.", 2, "2026-11-02"),
    ("X-rays R shoulder 20-May-2026 and 03-Nov-2026 (2 sets).", 2, "2026-11-03"),
    ("XR L knee 3-November-2026.", None, "2026-11-03"),
])
def test_a_day_first_date_with_a_month_word_is_a_date_not_a_count(
        text: str, sets: int | None, day: str) -> None:
    """F3: "X-ray R knee 28-Oct-2026." read 28 X-ray sets (two or more shown met on one
    X-ray). A day, a month word and a year joined by dashes are one date."""
    from agent.reading import understand
    facts = {r.fact: r.value for r in understand(text, cpt="97110", pending=[],
                                                   as_of=AS_OF).facts}
    assert facts.get("xray_date") == day
    assert (None if facts.get("xray_sets") is None else float(facts["xray_sets"])) == sets


CT_TO_FEV1 = ("does this case qualify for a chest CT?", "5 months", "yes, yes, yes", "not sure")


@pytest.mark.parametrize("said", [
    "he's unstable, hypoxic at rest 89% on room air",                    # F11's exact input
    "sats 88% on RA",
    "she is 90% on room air",
    "SpO2 87%",
])
def test_a_saturation_never_answers_the_fev1_question(said: str) -> None:
    """F11: with the FEV1 question pending, "hypoxic at rest 89% on room air" was read as
    FEV1 89 % (a final does_not_meet, "no change can make it qualify")."""
    *_, turn = _chat(*CT_TO_FEV1, said)
    assert turn.facts.get("fev1_percent_predicted", {}).get("value") is None
    assert turn.verdict["decision"] != "does_not_meet"


def test_a_plain_percent_still_answers_the_fev1_question() -> None:
    *_, turn = _chat(*CT_TO_FEV1, "64%")
    assert turn.facts["fev1_percent_predicted"]["value"] == 64


@pytest.mark.parametrize("said", [
    "no, the patient herself has no infection, only the daughter",       # F10's exact reply
    "no - she denies any infection, her daughter has the UTI",
    "no, she is not pregnant",
])
def test_a_leading_no_that_opens_a_denial_answers_no_pending_question(said: str) -> None:
    """F10: "no, the patient herself has no infection, only the daughter" also answered
    the pending pain-change question with 0 points (now: the kinds of treatment with
    none). The "no" belongs to the denial that follows it."""
    first, turn = _chat("does this case qualify for 62311?", said)
    new = {k for k in turn.facts if k not in first.facts}
    assert new <= {"active_infection", "pregnancy"}
    assert not any(v.get("value") in (0, "none", []) for k, v in turn.facts.items()
                   if k not in {"active_infection", "pregnancy"})

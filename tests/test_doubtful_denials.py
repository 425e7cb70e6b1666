"""A denial never rests on a doubtful reading the user has not confirmed.

Where the reader is measurably less sure (a form's boxes, an entry copied forward from
an older note, a text that corrects itself), a reading that would deny the case is held
back and asked ("I read X as Y — is that right?"); "yes" gives the denial, "no" drops
the reading, "no, 8" corrects it. A plain statement ("she is being treated for
osteomyelitis") denies at once, as the contract's dialogues expect.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.reading.doubt import cue
from agent.session import Assistant, Turn

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 12, 1)
FORM = "64493: 61F, low back pain for 20 weeks. Exclusion screen:\nActive infection: [x] Y  [ ] N"
COPIED = "64493: 58M, LBP x 6 months. PT 6 weeks - carried forward from prior note"


def _chat(*messages: str) -> list[Turn]:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    return [a.send("t", m) for m in messages]


def _first(cpt: str, text: str) -> Turn:
    """The reply to ``text`` opening a new case of ``cpt``."""
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    return a.send("t", text, cpt=cpt)


def _confirm_questions(turn: Turn) -> list[str]:
    return [q.question for q in turn.structured.questions if q.type == "confirm"]


def test_a_denial_read_from_a_forms_boxes_waits_for_the_users_yes() -> None:
    first, after_yes = _chat(FORM, "yes")
    assert first.decision == "needs_info"
    assert first.pending[0] == "active_infection"
    assert _confirm_questions(first) == [
        'I read "Active infection" as Active infection: yes — is that right?']
    assert "it comes from a form's boxes" in first.reply
    assert "64493.exclusion.1" in first.reply  # what the reading would decide, said
    assert after_yes.decision == "does_not_meet"
    assert "64493.exclusion.1" in after_yes.verdict["cited"]
    assert after_yes.facts["active_infection"]["origin"] == "confirmed"


def test_no_to_a_held_reading_drops_it_and_the_case_is_not_denied() -> None:
    *_, after_no = _chat(FORM, "no")
    assert after_no.decision == "needs_info"
    assert "active_infection" not in after_no.facts
    assert "Discarded my reading of Active infection" in after_no.reply


def test_a_copied_forward_figure_is_confirmed_and_no_with_a_value_corrects_it() -> None:
    first, corrected = _chat(COPIED, "no, 14")
    assert first.decision == "needs_info"
    assert "Physical therapy completed: it comes from an entry copied forward" in first.reply
    assert corrected.facts["pt_weeks"]["value"] == 14
    assert corrected.decision == "needs_info"  # 14 weeks fails nothing
    assert not _confirm_questions(corrected)


def test_a_denial_read_beside_a_correction_is_confirmed() -> None:
    first, after_yes = _chat("64493: 58M LBP 6 months. Pain 6/10 per PT. Correction: pain "
                             "3/10 today per MD.", "yes")
    assert first.decision == "needs_info"
    assert "the text corrects itself there" in first.reply
    assert after_yes.decision == "does_not_meet"


def test_a_plain_statement_denies_at_once() -> None:
    # the contract's own dialogue: an answer in words, no form, no correction
    turn, = _chat("64493: 61F, low back pain for 20 weeks. She is being treated for "
                  "osteomyelitis.")
    assert turn.decision == "does_not_meet"
    assert not _confirm_questions(turn)


def test_the_users_own_correction_of_a_stored_value_is_not_held() -> None:
    *_, corrected = _chat("64493: 61F, low back pain for 20 weeks, 14 weeks of PT",
                          "Correction: PT was only 10 weeks, not 14.")
    assert corrected.decision == "does_not_meet"
    assert corrected.facts["pt_weeks"]["value"] == 10


def test_a_held_reading_confirmed_by_giving_the_same_value_again() -> None:
    *_, again = _chat(COPIED, "6 weeks")
    assert again.decision == "does_not_meet"
    assert again.facts["pt_weeks"]["origin"] == "confirmed"


def test_no_with_a_value_to_an_inference_corrects_that_fact_only() -> None:
    # outside tester, session 7, F29: "no, 8" filed exercise 0 weeks and manual 8 weeks
    *_, asked, answer = _chat("does this qualify for 64493?", "LBP 9 months, pain 7/10",
                              "12 weeks", "no, 8")
    assert asked.pending[0] == "pt_weeks" and _confirm_questions(asked)
    assert answer.facts["pt_weeks"]["value"] == 8
    assert "pt_exercise_weeks" not in answer.facts
    assert "pt_manual_weeks" not in answer.facts


def test_check_text_shows_the_held_reading_and_its_json_lists_it() -> None:
    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "priorauth.cli", "check", "--cpt", "64493",
                               "--as-of", AS_OF.isoformat(), "--text", FORM, *extra],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
    shown = run()
    assert shown.returncode == 0, shown.stderr
    assert "Decision: Needs information" in shown.stdout
    assert 'Please confirm what I read:\n  - I read "Active infection" as Active infection: ' \
        "yes — is that right? (yes / no)" in shown.stdout
    data = json.loads(run("--json").stdout)
    assert data["decision"] == "needs_info"
    assert data["unconfirmed"] == [{"fact": "active_infection", "value": True,
                                    "words": "Active infection",
                                    "why": "it comes from a form's boxes"}]


def test_the_doubt_cues_are_read_in_the_readings_own_sentence() -> None:
    assert cue("Cosmetic purpose: [ ] Y [x] N", "Cosmetic") == "form"
    assert cue("FEV1 82% - correction: FEV1 is 76%", "FEV1 82%") == "corrected"
    assert cue("[Copied forward from 9/14:] failed 6 wks PT", "6 wks PT") == "copied"
    # another sentence's cue casts no doubt, nor do words not in the text
    assert cue("Pain 3/10 today. Correction: the MRI was 10/2.", "Pain 3/10") is None
    assert cue("Pain 3/10 today.", "pain 3") is None


def test_form_answers_never_deny_unconfirmed() -> None:
    # outside tester, session 8, F2 and F3: the ticked or circled answer was "No", and the
    # product denied on "yes". Whatever the box is read as, the denial waits for a yes.
    for cpt, text in [("64493", "Active infection: [ ] Yes [X] No"),
                      ("64493", "Active infection: Yes [ ] No [X]"),
                      ("62311", "Cosmetic: Y / N (circle one): N")]:
        turn = _first(cpt, text)
        assert turn.decision != "does_not_meet", text


def test_a_condition_a_senders_notice_or_a_differential_never_denies_unconfirmed() -> None:
    # outside tester, session 8, F20, F23 and F21: each was a final denial
    for cpt, text in [
            ("64493", "In case of active infection, cancel."),
            ("64493", "CONFIDENTIAL: This fax may contain information about pregnancy, HIV, "
                      "substance use, mental health or infectious diseases protected by law."),
            ("62311", "This message may contain protected information regarding sexually "
                      "transmitted infections, pregnancy or genetic testing."),
            ("71250", "Differential: malignancy, organizing pneumonia, sarcoidosis.")]:
        turn = _first(cpt, text)
        assert turn.decision != "does_not_meet", text


def test_every_kind_of_doubt_has_its_words_and_its_sentence() -> None:
    from agent.reading.context import rules
    from agent.reading.doubt import WHY

    # every kind but "quoted" (found by its quotation marks) is found by its words
    assert set(rules().doubtful) == set(WHY) - {"quoted"}
    assert all(rules().doubtful[kind] for kind in rules().doubtful)


def test_a_denial_on_other_facts_cites_nothing_on_account_of_a_held_reading() -> None:
    # the case fails on its pain score anyway; the tick-box exclusion is still held, so
    # the denial does not cite it, and the reply says what it would add
    turn, = _chat("64493: 55F, low back pain for 20 weeks, pain 2/10.\n"
                  "Active infection: [x] Y  [ ] N")
    assert turn.decision == "does_not_meet"
    assert "64493.coverage.5.1" in turn.verdict["cited"]
    assert "64493.exclusion.1" not in turn.verdict["cited"]
    assert "If it is right, it also fails 64493.exclusion.1" in turn.reply
    assert turn.pending[0] == "active_infection"


def test_a_denial_quoted_from_a_payers_letter_or_beside_an_apology_waits_for_a_yes() -> None:
    # fresh11 (f11-97110-note-appeal-letter-meets) was denied on the payer's reasons its
    # appeal letter quoted; corpus texts apologise for another patient's figures. The
    # second case rests on two readings of one word, neither of which denies alone.
    for cpt, text, why in [
            ("64493", "We ask for reconsideration: the denial reason given was that active "
                      "infection is present, which is not so.", "a denial or an appeal"),
            ("97110", 'The referral says "cosmetic" but this is for function.',
             "quotation marks"),
            ("71250", "Temp 39.1 C - sorry, that was the patient in bed 3.", "corrects itself")]:
        turn = _first(cpt, text)
        assert turn.decision != "does_not_meet", text
        assert _confirm_questions(turn), text  # the reading is asked, not dropped
        assert why in turn.reply, text


def test_a_denial_answering_the_next_question_is_no_reply_to_the_confirmation() -> None:
    # outside tester, session 9, F13: with "I read X — is that right?" pending, "no
    # infection" was taken as "no" to it plus "infection", recorded as an infection (a
    # final denial)
    *_, turn = _chat(COPIED, "no infection")
    assert turn.facts["active_infection"]["value"] is False
    assert turn.facts["pt_weeks"]["value"] == 6  # the held reading is still asked
    assert turn.pending[0] == "pt_weeks"
    *_, same = _chat(FORM, "no infection")  # a denial of the held fact itself
    assert same.facts["active_infection"]["value"] is False
    assert same.decision != "does_not_meet"
    *_, comma = _chat(COPIED, "no, no diabetes or heart disease, PT was 14 weeks")
    assert comma.facts["pt_weeks"]["value"] == 14


def test_a_correction_of_an_older_record_leaves_the_most_recent_date() -> None:
    # outside tester, session 9, F18: "the first xray was 2025-07-01 not 2026-07-01"
    # replaced the most recent X-rays (2026-11-20) and denied the case
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                  as_of=date(2026, 12, 3))
    a.send("t", "does this qualify for 97110?")
    before = a.send("t", "xrays 2026-07-01 and 2026-11-20")
    for said in ("the first xray was 2025-07-01 not 2026-07-01",
                 "sorry, the earlier x-ray set was 2025-06-10"):
        turn = a.send("t", said)
        assert turn.facts["xray_date"]["value"] == before.facts["xray_date"]["value"] == \
            "2026-11-20", said
        assert "an earlier one than the X-rays recorded (2026-11-20)" in turn.reply, said
    later = a.send("t", "correction: the latest x-rays were 2026-11-25")
    assert later.facts["xray_date"]["value"] == "2026-11-25"

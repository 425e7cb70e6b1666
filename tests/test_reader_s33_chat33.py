"""Session 33, chat33: answers in a conversation that set the patient against someone else,
a thing said to be another's in a message before the last, a mixed reply out of step with
the questions, and the patient's own clause after a relative's (outside tester 32 C3, C4,
C10, C16). Wordings are this file's own; guards keep what was right or asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from test_chat_s32_chat32 import _SCIATICA

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]


def _read(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}


# --- C16: the patient set against a relative answers the yes/no question ------------------

@pytest.mark.parametrize("text", [
    "her nephew does, she doesn't",  # a bare verb for what was asked
    "her roommate has a bladder infection - not the patient",
    "his mother has cellulitis but he doesn't",
    "no, but her son is on antibiotics for strep throat",  # a "no" and another's clause
    "nope: his wife is the one on Keflex",
    "no - his daughter has cellulitis though",  # the "his" read as his sex keeps the "no"
])
def test_the_patient_set_against_a_relative_answers_no(text: str) -> None:
    assert _read(text, "62311", ["active_infection"]).get("active_infection") is False


def test_a_relatives_denial_turned_round_answers_yes() -> None:
    assert _read("her husband doesn't, she does", "62311",
                 ["active_infection"]).get("active_infection") is True


@pytest.mark.parametrize("text", [
    "his wife has diabetes, he doesn't",  # the relative's words name another thing
    "yes, her husband has a UTI",  # a yes may be said of the husband's
    "no - her grandma has cellulitis, and she has a UTI",  # "she" may be the patient
    "grandpa has no UTI, not the patient",  # nothing said of the patient
])
def test_a_relatives_clause_that_does_not_settle_the_patients_stays_asked(text: str) -> None:
    assert "active_infection" not in _read(text, "62311", ["active_infection"])


def test_a_turn_to_the_patient_needs_one_yes_no_question_on_screen() -> None:
    read = _read("her nephew does, she doesn't", "62311",
                 ["severe_comorbidities", "active_infection"])
    assert "active_infection" not in read and "severe_comorbidities" not in read


# --- C4: the patient's clause after a relative's is not the relative's ---------------------

def test_the_patients_own_clause_after_a_relatives_is_not_called_someone_elses() -> None:
    got = understand("his girlfriend has the flu, he has the fever", cpt="71250", pending=[],
                     as_of=AS_OF)
    whys = {u.words: u.why for u in got.unread}
    assert whys.get("he has the fever", "").startswith("that gives no figure")


def test_a_relatives_own_fever_is_still_someone_elses() -> None:
    got = understand("he is fine, his girlfriend has a fever of 38.9", cpt="71250", pending=[],
                     as_of=AS_OF)
    assert "body_temperature" not in {r.fact for r in got.facts}
    assert any("someone other" in u.why for u in got.unread)


# --- C3: a mixed reply whose parts are out of step with the questions ----------------------

_THREE = ["conservative_courses_failed", "conservative_weeks", "failed_conservative"]


def test_a_mixed_reply_out_of_step_with_the_questions_reads_each_part() -> None:
    read = _read("yep - 19 weeks in all, 3 courses failed, and the form ticks failed "
                 "conservative treatment", "62311", _THREE)
    assert read.get("conservative_weeks") == "19 weeks"
    assert read.get("conservative_courses_failed") == "3"
    assert read.get("failed_conservative") is True


def test_bare_answers_in_the_order_asked_still_go_by_order() -> None:
    read = _read("2; 16 weeks; yes", "62311", _THREE)
    assert read.get("conservative_courses_failed") == "2"
    assert read.get("conservative_weeks") == "16 weeks"


# --- whole chats ------------------------------------------------------------------------

_FACET = (
    "Pain clinic letter 11/30/2026 - Dr. P. Anand\n"
    "Mr. Lindgren, 67, has axial low back pain since 03/2025, today 7/10, worse on "
    "extension. He did physical therapy 04/06/2026-06/29/2026 (12 weeks): 6 weeks of "
    "exercise and stretching, 3 weeks of manual therapy with heat, 3 weeks of pain "
    "education; no improvement. He also failed meloxicam 15 mg for 8 weeks and a "
    "prednisone taper in 09/2026. He has not responded to conservative treatment.\n"
    "Exam 11/30/2026: decreased lumbar ROM, antalgic gait with impaired balance. Lumbar "
    "X-rays 07/02/2026; lumbar MRI 10/20/2026: facet arthropathy L4-S1. Medial branch "
    "blocks 11/05/2026: 80% relief for 6 hours.\n"
    "No infection; no diabetes, heart disease or other severe comorbidity.\n"
    "On file: this H&P, PT plans and progress notes, medication list with doses, modality "
    "log, PCP consultation (Dr. Hale 10/2026)."
)


def test_a_thing_said_to_be_anothers_is_found_in_a_message_before_the_last(
        assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    turn = bot.send("c", _FACET)
    assert turn.facts.get("medication_courses_failed", {}).get("value") == 2
    assert "hp_date" in turn.pending
    # an answer after the note is a message with case details of its own
    assert "hp_date" in bot.send("c", "H&P 11/30/2026").facts
    turn = bot.send("c", "that was his brother - the prednisone taper was his, he only "
                         "had the meloxicam")
    assert "medication_courses_failed" not in turn.facts
    assert "medication_courses_failed" in turn.pending


# session 32's sciatica letter (test_chat_s32_chat32), its screen lines said another way
_RADICULAR = _SCIATICA.rsplit("\n", 2)[0] + (
    "\nAfebrile. Post-menopausal. Not for cosmetic reasons. No severe comorbidities.")


@pytest.mark.parametrize("answer", [
    "her nephew does, she doesn't",
    "no, but her son is on antibiotics for strep throat",
])
def test_the_infection_question_answered_against_a_relative_decides(
        assistant_at: Bot, answer: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    turn = bot.send("c", _RADICULAR)
    assert "active_infection" in turn.pending
    turn = bot.send("c", answer)
    assert turn.facts["active_infection"]["value"] is False
    assert "active_infection" not in turn.pending


# --- tester 33 C3: a held yes/no whose label is a denial is asked without a double negative

def test_a_held_no_under_a_denied_label_is_asked_as_its_question() -> None:
    from agent.nodes import _held_as

    said = _held_as("failed_conservative", False)
    assert "Not responded" not in said
    assert '"no"' in said and "failed to respond to conservative treatment?" in said


def test_a_held_yes_no_under_a_plain_label_is_said_as_before() -> None:
    from agent.nodes import _held_as

    assert _held_as("active_infection", True) == "Active infection: yes"


def test_a_chat_holding_a_boxed_row_asks_it_without_a_double_negative(
        assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    turn = bot.send("c", "Intake form item 7 - Not responded to conservative treatment:  "
                         "[X] Yes  [ ] No")
    held = [line for line in turn.reply.splitlines() if "is that right?" in line]
    assert all("Not responded to conservative treatment:" not in line for line in held)


# --- tester 33 C1: a value said to come from a relative's record is theirs -----------------

@pytest.mark.parametrize("text", [
    "oops - WBC 15.8 was from her brother's labs; her own WBC yesterday was 7.1",
    "fyi the WBC 15.2 is from his wife's lab sheet, not his",
])
def test_a_value_from_a_relatives_record_is_not_the_patients(text: str) -> None:
    assert _read(text, "71250", []).get("wbc_count") not in ("15800", "15200")


def test_a_value_from_a_record_of_no_one_else_is_still_read() -> None:
    assert _read("the WBC 15.8 was from the second draw", "71250", []).get(
        "wbc_count") == "15800"


def test_a_correction_giving_the_relatives_lab_away_updates_the_patients(
        assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 71250?")
    assert bot.send("c", "WBC 16.1 on 12/02/2026").facts["wbc_count"]["value"] == 16100
    turn = bot.send("c", "sorry - the WBC 16.1 was from his wife's chart; his own WBC on "
                         "12/02 was 7.3")
    assert turn.facts["wbc_count"]["value"] == 7300
    assert "which does it correct" not in turn.reply

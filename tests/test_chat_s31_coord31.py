"""Session 31, coordinator: outside tester 31's C1 and C2 in chat. "That was his wife - the
X was hers" sets aside the answers read from X, not the whole pasted note; "undo that last
answer" after a message that only set an answer aside puts that answer back. The notes and
wordings are this file's own (a dictated pain-clinic note, a typed chat relay)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

_NOTE = """Pain clinic dictation 11/30/2026. Mrs. Okonkwo, 58, post-menopausal, lumbar facet pain
for 10 months. NRS 6/10 today. PT at Riverside: 14 weeks in two courses, both failed: 7 weeks
of supervised exercise and stretching, 4 weeks manual therapy with heat and TENS, 3 weeks
of pain education. Meds: meloxicam 15 mg daily for 10 weeks - no benefit; gabapentin trial
300 mg TID in 08/2026 - stopped, no benefit. Not responding to conservative care.
PMH: no diabetes, no heart disease, no other severe comorbidity. No infection. Not cosmetic.
Exam: lumbar extension limited (decreased ROM), wide-based unsteady gait.
XR lumbar 09/02/2026. MRI lumbar 10/14/2026. L4-5 medial branch block 11/12/2026: 80% relief.
H&P today. On file: PT progress notes, medication list with doses, modality log,
PCP consult (Dr. Haas 10/2026), pain management consult (this note)."""

_AS_OF = date(2026, 12, 6)


def _at_meets(assistant_at: Callable[[date], Assistant]) -> Assistant:
    bot = assistant_at(_AS_OF)
    bot.send("c", "does this qualify for 64493?")
    assert "Meets the criteria" in bot.send("c", _NOTE).reply
    return bot


@pytest.mark.parametrize("said", [
    "that was her husband - the gabapentin trial was his, she only took the meloxicam",
    "oh wait that was her sister: the gabapentin was hers",
    "sorry, that was her son, the gabapentin trial was all his",
])
def test_a_thing_said_to_be_a_relatives_sets_aside_only_its_answer(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    bot = _at_meets(assistant_at)
    reply = bot.send("c", said).reply
    head = reply.split("**")[0]
    assert "Failed courses of medication: 2 courses → set aside" in head
    assert "Removed what I read from that message" not in head
    recorded = bot.send("c", "what have you recorded?").reply
    # the rest of the note stands: the PT weeks, the MRI, the pain score
    assert "| Physical therapy completed | 14 weeks |" in recorded
    assert "| Most recent CT or MRI | 2026-10-14 |" in recorded
    assert "| Failed courses of medication |" not in recorded
    assert "1 course" in bot.send("c", "1").reply


def test_a_relatives_thing_no_answer_came_from_removes_nothing_and_says_so(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = _at_meets(assistant_at)
    reply = bot.send("c", "that was her husband - the walking frame was his").reply
    assert "I could not tell which recorded answer" in reply
    assert "Meets the criteria" in reply
    assert "| Physical therapy completed | 14 weeks |" in bot.send(
        "c", "what have you recorded?").reply


def test_the_whole_last_message_disowned_is_still_all_removed(
        assistant_at: Callable[[date], Assistant]) -> None:
    # guard: no thing named after the relative, the last message was all theirs
    bot = _at_meets(assistant_at)
    reply = bot.send("c", "oops - that was her sister. wrong chart").reply
    assert "Removed what I read from that message" in reply
    assert "Needs information" in reply


@pytest.mark.parametrize("correction", [
    "the MRI is from 2024 not 2026",
    "no, that MRI was done in 2025, not 2026",
])
def test_undo_after_a_set_aside_puts_that_answer_back(
        assistant_at: Callable[[date], Assistant], correction: str) -> None:
    bot = _at_meets(assistant_at)
    assert "set aside" in bot.send("c", correction).reply
    bot.send("c", "why?")
    reply = bot.send("c", "undo that last answer").reply
    assert "back to the earlier answer: Most recent CT or MRI: 2026-10-14" in reply
    assert "Meets the criteria" in reply
    recorded = bot.send("c", "what have you recorded?").reply
    assert "| Physical therapy completed | 14 weeks |" in recorded


def test_undo_after_an_answer_still_undoes_that_answer(
        assistant_at: Callable[[date], Assistant]) -> None:
    # guard: the last change was a value given, not a set-aside: that value is undone
    bot = _at_meets(assistant_at)
    assert "set aside" in bot.send("c", "the MRI is from 2024 not 2026").reply
    bot.send("c", "2024-10-14")
    reply = bot.send("c", "undo that last answer").reply
    assert "Undid your last answer" in reply
    assert "2026-10-14" not in reply.split("**")[0]


# --- C6: a relative's test, then the patient's own by first name ----------------------
# ("that MRI was his brother's - Walter's own lumbar MRI was 03/02/2026" refused both and
# kept deciding on the brother's MRI: a false meets)

@pytest.mark.parametrize("said", [
    "that MRI was her sister's - Adaeze's own MRI was 03/09/2026",
    "the lumbar MRI on file is her daughter's, Adaeze's own MRI was 03/09/2026",
])
def test_the_patients_own_test_by_first_name_replaces_a_relatives(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    bot = _at_meets(assistant_at)
    reply = bot.send("c", said).reply
    assert "Most recent CT or MRI: 2026-10-14 → 2026-03-09" in reply
    assert "Does not meet the criteria" in reply


@pytest.mark.parametrize("said", [
    "that MRI was her sister's",
    "wait, the MRI report in there is her daughter's",
    "the X-ray was her husband's",
])
def test_a_stored_test_said_to_be_a_relatives_is_set_aside(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    bot = _at_meets(assistant_at)
    reply = bot.send("c", said).reply
    assert "→ set aside; asked again" in reply
    assert "Needs information" in reply


def test_a_relatives_own_test_in_passing_keeps_the_patients(
        assistant_at: Callable[[date], Assistant]) -> None:
    # guard: a relative's test with its own day is no word on the patient's
    bot = _at_meets(assistant_at)
    reply = bot.send("c", "her sister had an MRI on 11/20/2026 at the same clinic").reply
    assert "set aside" not in reply
    assert "Meets the criteria" in reply


# --- a measure with a scale: "his own 6.2" after another's WBC is no 6.2 cells/uL -------
# (chat31's own-figure rule, meant for pain scores, stored "her own is 7.9" as a WBC of
# 7.9 cells/uL, the figure without its thousands: a 17.9 would pass the WBC exclusion)

@pytest.mark.parametrize("text", [
    "WBC 14.8 was her brother's; her own is 7.9",
    "the 16.2 white count is his sister's, his own 17.9",
])
def test_an_own_figure_of_a_scaled_measure_is_not_stored_bare(text: str) -> None:
    from agent.reading import understand

    got = understand(text, cpt="71250", pending=[], as_of=_AS_OF)
    assert {r.fact: r.value for r in got.facts}.get("wbc_count") not in ("7.9", "17.9", 7.9, 17.9)


def test_an_own_pain_score_after_anothers_is_still_read() -> None:
    # guard: the pain score of chat31's C3 fix keeps its reading
    from agent.reading import understand

    got = understand("the 9/10 was his wife's score; his own is 5/10", cpt="64493",
                     pending=[], as_of=_AS_OF, known={"pain_nrs": 9})
    assert {r.fact: r.value for r in got.facts}.get("pain_nrs") == "5"

"""Session 31, chat31: replies in chat a nurse can act on (outside tester 30's C3, a "yes"
that goes on to name another state, a dose in a reply). Wordings are this file's own, in
several voices (a typed chat correction, a phone relay, a clipped answer); guards keep what
was right or asked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
read = reader_at(AS_OF)
Bot = Callable[[date], Assistant]


def understood(text: str, cpt: str, known: dict[str, object]) -> tuple[dict[str, object],
                                                                      list[str]]:
    got = understand(text, cpt=cpt, pending=[], as_of=AS_OF, known=known)
    return {r.fact: r.value for r in got.facts}, got.withdrawn


# --- C3: the patient's own figure said right after another person's ---------------------
# ("that 8/10 was her husband's score; hers is 6/10" kept the 8 and left "hers is 6/10"
# unread; "his own chest pain is 4/10" after the wife's 6/10 was "which one?", meets kept)

@pytest.mark.parametrize(("cpt", "text", "value"), [
    # a daughter's phone call relayed by the front desk
    ("64493", "daughter called: the 9/10 on the form was her dad's, the patient's own is 5/10",
     "5"),
    # a typed correction, the figure spelled "out of 10"
    ("62311", "correction - 7/10 is what her sister rates hers; her own is 4 out of 10", "4"),
    # a PT aide's note: the son's knee, the patient's own knee after "while"
    ("97110", "his son's knee pain is 8/10 while his own knee pain is 3/10", "3"),
    # a chest CT: the wife's figure, then "his" alone
    ("71250", "the 7/10 chest pain in the letter is his wife's; his is 2/10", "2"),
])
def test_the_patients_own_figure_after_another_persons_is_read(
        cpt: str, text: str, value: str) -> None:
    facts, _ = understood(text, cpt, {"pain_nrs": 8})
    assert facts.get("pain_nrs") == value


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "hers is 6/10"),  # no one else named before: whose, of what?
    ("64493", "her husband's pain is 9/10; hers was 5/10 last year"),  # the patient's past
    ("62311", "her mother's pain is 9/10, hers is not recorded"),  # no figure of hers
    ("97110", "his wife is 8 weeks pregnant; his own is 12"),  # no measure named
])
def test_an_own_word_without_another_persons_figure_or_now_reads_no_score(
        cpt: str, text: str) -> None:
    facts, _ = understood(text, cpt, {"pain_nrs": 8})
    assert "pain_nrs" not in facts


@pytest.mark.parametrize("text", [
    "fyi the 8/10 score is her husband's",
    "the 8 out of 10 was her son's rating",
])
def test_a_stored_score_said_to_be_another_persons_is_set_aside(text: str) -> None:
    facts, withdrawn = understood(text, "64493", {"pain_nrs": 8})
    assert "pain_nrs" not in facts
    assert "pain_nrs" in withdrawn


_FACET = ("Referral summary (typed by MA). 64-year-old woman, post-hysterectomy, low back "
          "pain since 03/01/2026. Pain 8/10 today.\nPT 13 weeks (exercise and stretching 6 "
          "wks, manual therapy with heat 4 wks, pain education 3 wks) over two courses, both "
          "failed; naproxen failed. Not responded to conservative treatment.\nLumbar flexion "
          "decreased; antalgic gait. X-rays 08/03/2026, MRI 10/05/2026, medial branch block "
          "11/09/2026.\nH&P 11/30/2026. On file: PT notes, medication list with doses, "
          "modality log, PCP consult, pain specialist consult.\nNo active infection. No "
          "diabetes, heart disease or other severe comorbidity. Not cosmetic.")


def test_a_chat_correction_to_the_patients_own_score_updates_the_decision(
        assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    assert bot.send("c", _FACET).decision == "meets_criteria"
    turn = bot.send("c", "sorry - the 8/10 was what her husband rated; hers is 3/10")
    assert "8 points → 3 points" in turn.reply
    assert turn.decision == "does_not_meet"


# --- a "yes" that goes on to say the patient is in another state -------------------------
# ("yes, she is breastfeeding" to "is the patient pregnant?" stored Pregnant)

@pytest.mark.parametrize(("cpt", "text", "pending"), [
    ("97110", "yes, she's still nursing", ["pregnancy"]),  # clipped chat reply
    ("62311", "yes, the patient is lactating", ["pregnancy", "postpartum"]),
    ("64493", "yeah, she is breastfeeding her twins", ["pregnancy"]),
    ("64493", "yes, she is on maternity leave", ["pregnancy"]),
    # a state that says the opposite of the question's: no yes to it
    ("62311", "yes, she is improving", ["failed_conservative"]),
])
def test_a_yes_that_names_another_state_answers_no_open_question(
        cpt: str, text: str, pending: list[str]) -> None:
    got = read(text, cpt, pending)
    assert not set(pending) & set(got)


@pytest.mark.parametrize(("text", "value"), [
    ("yes, she is pregnant", "pregnant"),  # the question's own word
    ("yes, she is expecting", "pregnant"),  # one of its phrases
    ("yes, she is 10 weeks", "pregnant"),  # a figure: how far along
    ("yes", "pregnant"),
])
def test_a_yes_about_the_question_still_answers(text: str, value: str) -> None:
    assert read(text, "97110", ["pregnancy"]).get("pregnancy") == value


# --- a dose in a reply: only its own figure is the drug's --------------------------------
# (one "ibuprofen 600 mg" anywhere in a reply refused every figure of it)

@pytest.mark.parametrize(("cpt", "text", "pending", "value"), [
    ("64493", "7 - she's on gabapentin 300 mg", ["pain_nrs"], "7"),
    ("71250", "9.4 (was on prednisone 20 mg until last month)", ["wbc_count"], "9400"),
    ("97110", "5 out of 10 - takes tramadol 50 mg at night", ["pain_nrs"], "5"),
])
def test_a_figure_beside_a_dose_in_another_clause_still_answers(
        cpt: str, text: str, pending: list[str], value: str) -> None:
    assert str(read(text, cpt, pending).get(pending[0])) == value


@pytest.mark.parametrize(("cpt", "text", "pending"), [
    ("64493", "meloxicam 7.5 mg daily x 8 wks", ["pt_exercise_weeks"]),  # the dose's clause
    ("64493", "duloxetine 60 mg (6 weeks)", ["pt_education_weeks"]),  # its bracket
    ("71250", "on prednisone 40 mg - 14.2", ["wbc_count"]),  # a bare figure after the dose
    ("64493", "300", ["pain_nrs"]),  # out of range, as before
])
def test_a_drugs_own_figures_answer_no_open_question(
        cpt: str, text: str, pending: list[str]) -> None:
    assert pending[0] not in read(text, cpt, pending)


# --- a disowning that points back at the last message by another bed or patient ----------
# ("those are from the pt in bed 12" after a pasted line was "could not read", and the
# other patient's infection kept the denial)

@pytest.mark.parametrize("disown", [
    "those are from the pt in bed 12",  # a ward nurse's shorthand
    "sorry, that line was another patient's",  # a typed apology
    "oops - those numbers are the lady in room 4's, not hers",  # a possessive bed
])
def test_the_last_message_given_to_another_bed_is_removed(assistant_at: Bot,
                                                          disown: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    assert bot.send("c", _FACET).decision == "meets_criteria"
    assert bot.send("c", "UTI, on cipro since Monday").decision == "does_not_meet"
    turn = bot.send("c", disown)
    assert "Removed what I read from that message" in turn.reply
    assert turn.decision == "meets_criteria"


@pytest.mark.parametrize("text", [
    "this is the patient in bed 12, she has a UTI on cipro",  # the patient at hand, placed
    "that was the patient's own report: UTI, on cipro",  # the patient's, not another's
])
def test_a_bed_or_the_patient_named_as_ours_removes_nothing(assistant_at: Bot,
                                                             text: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?")
    bot.send("c", _FACET)
    bot.send("c", "pain 9/10 today")
    turn = bot.send("c", text)
    assert "Removed what I read from that message" not in turn.reply


# --- C8: the day "to qualify" names is one that qualifies ---------------------------------
# ("MRI dated on or after 2025-12-05" beside the row's "on or after 2025-12-06"; an MRI 6 to
# 12 months old goes to review, so only one within 6 months meets)

_SHOULDER = ("PT request 97110. 49M, left shoulder impingement (musculoskeletal). Symptoms "
             "since 04/01/2026. Pain 6/10. QuickDASH 52, moderate functional impairment. Home "
             "exercise and NSAIDs, then injection 09/18/2026, 20 weeks of conservative "
             "treatment, all failed; last failed treatment 09/18/2026. X-rays 2 sets "
             "04/22/2026 and 11/03/2026. MRI {mri}. H&P with symptom dates on file. Treatment "
             "log on file. Specialist consult on file, good response expected. No infection. "
             "No comorbidities. Not cosmetic.")


@pytest.mark.parametrize("mri", ["11/14/2025", "01/10/2025", "10/01/2025"])
def test_to_qualify_names_a_day_that_qualifies(assistant_at: Bot, mri: str) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 97110?")
    bot.send("c", _SHOULDER.format(mri=mri))
    reply = bot.send("c", "what would make it qualify?").reply
    assert "MRI dated on or after 2026-06-06" in reply
    assert "2025-12-05" not in reply

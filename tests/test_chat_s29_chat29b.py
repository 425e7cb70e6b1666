"""Session 29, chat29b: the nurse's answers in chat (outside tester 29's F4, F7, F5's chat
part, C1, C3, C4, C6, C7). Wordings are this file's own, in several voices (a typed chat
reply, a clipped answer, a relayed phone call); guards keep the readings that were right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.session import Assistant

read = reader_at(date(2026, 12, 5))


# --- F4: a "yes" whose words name another thing answers that thing ----------------------
# (tester 29: "yes, the home exercise log is on file" with pregnancy and postpartum open
# stored "Pregnancy: Pregnant" for a man, and a needs_review)

@pytest.mark.parametrize(("cpt", "text", "pending", "unsaid"), [
    # a typed reply about a paper, two yes/no questions about the patient open
    ("97110", "yes, the bracing diary is in the chart", ["pregnancy", "postpartum"],
     "pregnancy"),
    ("97110", "yes, we have the PT plan of care", ["pregnancy", "postpartum"], "pregnancy"),
    # a reply about when a study was done, pregnancy open
    ("64493", "yes, the MRI was last month", ["pregnancy", "active_infection"], "pregnancy"),
    ("64493", "yes, PT progress notes are in the chart", ["pregnancy", "active_infection"],
     "pregnancy"),
    # a clipped reply naming an imaging study, the infection question open
    ("62311", "yes - MRI report was faxed over this morning", ["active_infection"],
     "active_infection"),
    # a front desk's reply about the referral, the cosmetic question open
])
def test_a_yes_about_another_thing_answers_no_open_question(
        cpt: str, text: str, pending: list[str], unsaid: str) -> None:
    assert unsaid not in read(text, cpt, pending)


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # guards: a yes that goes on about the question's own thing still answers it
    ("97110", "yes, hCG positive yesterday", ["pregnancy", "postpartum"], "pregnancy",
     "pregnant"),
    ("62311", "yes, cellulitis of the shin on Keflex", ["active_infection"],
     "active_infection", True),
    ("97110", "yes", ["postpartum"], "postpartum", True),
    ("64493", "yes, the specialist consult is on file", ["specialist_consult_documented",
                                                         "pregnancy"],
     "specialist_consult_documented", True),
])
def test_a_yes_about_its_own_question_still_answers(
        cpt: str, text: str, pending: list[str], fact: str, value: object) -> None:
    assert read(text, cpt, pending).get(fact) == value


def test_a_yes_about_a_paper_leaves_pregnancy_asked_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "97110")
    bot.send("c", "PT referral: Lena Marsh, 41, right shoulder pain 6/10 since 04/01/2026, "
                  "moderate impairment (QuickDASH). 20 weeks of conservative treatment, failed; "
                  "the last, a steroid injection 11/10/2026, failed. X-rays 05/02/2026 and "
                  "11/12/2026, MRI 09/01/2026. H&P with symptom dates on file. Treatment log "
                  "with dates on file. Ortho consult on file, expects good response. No "
                  "infection, no comorbidities, not cosmetic.")
    reply = bot.send("c", "yep, her stretching diary is on file").reply
    assert "Pregnancy: Pregnant" not in reply
    assert "Needs clinical review" not in reply
    assert "Is the patient pregnant?" in reply


# --- F7: the day before "not" is the value; the day after it is the one denied ---------
# ("the H&P was 12/03, not today" stored today, and undid a denial on a stale H&P)

def understood(text: str, cpt: str, known: dict[str, object]) -> dict[str, object]:
    from agent.reading import understand
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5), known=known)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize(("cpt", "text", "known", "fact", "value"), [
    # a typed correction, the denied day named by its distance
    ("64493", "no - his history and physical was done 10/28, not today",
     {"hp_date": "2026-12-05"}, "hp_date", "2026-10-28"),
    # a phone relay about imaging
    ("62311", "she says the MRI was on 11/14 not yesterday", {"ct_mri_date": "2026-12-04"},
     "ct_mri_date", "2026-11-14"),
    # a clipped chat line, the X-rays
    ("97110", "xrays 10/30, not this morning", {"xray_date": "2026-12-05"}, "xray_date",
     "2026-10-30"),
])
def test_a_day_denied_by_its_distance_is_not_the_value(
        cpt: str, text: str, known: dict[str, object], fact: str, value: str) -> None:
    assert understood(text, cpt, known).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # guards: a relative day said as the value still dates the thing
    ("64493", "the H&P was today, not 11/20", "hp_date", "2026-12-05"),
    ("62311", "MRI yesterday", "ct_mri_date", "2026-12-04"),
    ("64493", "the H&P was 12/02 not 11/02", "hp_date", "2026-12-02"),
])
def test_the_day_said_still_dates_it(cpt: str, text: str, fact: str, value: str) -> None:
    assert understood(text, cpt, {}).get(fact) == value


def test_a_stale_hp_restated_keeps_the_denial(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "64493")
    bot.send("c", "the H&P was 10/01/2026")
    reply = bot.send("c", "sorry, the H&P was 10/01, not today").reply
    assert "2026-12-05" not in reply.split("**")[0]


# --- C1: a digit spoken of as a digit is no value -------------------------------------
# ("sorry, it was 18 weeks not 8 - the dictation dropped the 1" -> "which is it: 18 weeks
# or 1?", the 8-week denial kept)

@pytest.mark.parametrize(("cpt", "text", "known", "fact", "value"), [
    ("97110", "sorry, it was 16 weeks not 6 - voice recognition missed the 1",
     {"conservative_weeks": 6}, "conservative_weeks", "16 weeks"),
    ("64493", "it was 14 weeks, not 4 - the transcription left off the 1",
     {"pt_weeks": 4}, "pt_weeks", "14 weeks"),
    ("62311", "sorry it was 13 weeks not 3, the fax dropped the leading 1",
     {"conservative_weeks": 3}, "conservative_weeks", "13 weeks"),
])
def test_a_dropped_digit_is_no_rival_value(cpt: str, text: str, known: dict[str, object],
                                           fact: str, value: str) -> None:
    assert understood(text, cpt, known).get(fact) == value


# --- F5 (chat): a figure called an error of some kind, then the right one --------------
# ("the 38.4 was a thermometer error, her temperature is 36.9 C" changed nothing)

@pytest.mark.parametrize(("text", "value"), [
    ("the 101.3 was a charting error - her temp is 98.4 F", "98.4 F"),
    ("the 38.7 was a probe error, her temperature is 37.2 C", "37.2 C"),
    ("the 39.0 was a device error, temp is 36.6 C", "36.6 C"),
    ("the 101.4 was a machine error, temp 98.2 F", "98.2 F"),
])
def test_a_figure_called_an_error_of_some_kind_gives_way(text: str, value: str) -> None:
    assert understood(text, "71250", {"body_temperature": "38.4 C"}).get(
        "body_temperature") == value

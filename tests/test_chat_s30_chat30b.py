"""Session 30, chat30b: the nurse's answers in chat (outside tester 30's F1, F2, C1, C2,
C2b). Wordings are this file's own, in several voices (a lab callback, a typed chat reply,
a relayed phone call, a faxed form's line); guards keep the readings that were right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand
from agent.session import Assistant

read = reader_at(date(2026, 12, 6))
Bot = Callable[[date], Assistant]


# --- F1: an open number question takes only a bare figure or one named as its measure ---
# (tester 30: "platelets 288" answered the WBC question, "FEV1/FVC 77" the FEV1 one, "63%
# post" and "96% on 2 L" the FiO2 one: false meets and false reviews)

@pytest.mark.parametrize(("cpt", "text", "pending"), [
    # a lab callback relayed in chat, the WBC question open
    ("71250", "Hgb 12.2, plt 301", ["wbc_count"]),
    ("71250", "the platelet count was 240", ["wbc_count"]),
    # a respiratory therapist's line, FEV1 open: the ratio and the FVC are other measures
    ("71250", "FEV1/FVC ratio 71", ["fev1_percent_predicted"]),
    ("71250", "FVC was 79% predicted", ["fev1_percent_predicted"]),
    # FiO2 open: a post-bronchodilator figure, a saturation on oxygen, a lab value
    ("71250", "post-BD 70%", ["fio2_percent"]),
    ("71250", "sats 94% on 3 L", ["fio2_percent"]),
    ("71250", "hematocrit 41", ["fio2_percent"]),
    ("71250", "the referral says 30", ["fio2_percent"]),
    # a drug course's length is no weeks of PT education
    ("64493", "naproxen 500 twice a day for 8 weeks", ["pt_education_weeks"]),
    ("64493", "gabapentin x 6 wks", ["pt_exercise_weeks"]),
])
def test_a_figure_named_as_another_thing_answers_no_open_question(
        cpt: str, text: str, pending: list[str]) -> None:
    assert pending[0] not in read(text, cpt, pending)


@pytest.mark.parametrize(("cpt", "text", "pending", "value"), [
    # guards: a bare figure, or one named as the asked measure, still answers
    ("71250", "12,400", ["wbc_count"], "12400"),
    ("71250", "white count 9.1 today", ["wbc_count"], "9100"),
    ("71250", "FEV1 68%", ["fev1_percent_predicted"], "68"),
    ("71250", "68% predicted", ["fev1_percent_predicted"], "68"),
    ("71250", "about 35%", ["fio2_percent"], "35"),
    ("71250", "room air", ["fio2_percent"], 21),
    ("64493", "4 weeks", ["pt_education_weeks"], "4 weeks"),
])
def test_a_bare_figure_or_one_named_as_asked_still_answers(
        cpt: str, text: str, pending: list[str], value: object) -> None:
    got = read(text, cpt, pending).get(pending[0])
    assert str(got) == str(value)


# --- F2: a bare "no" when the last reply asked nothing answers nothing ------------------

_MILD = ("97110 request, faxed form. Pt: 38F, right ankle instability (musculoskeletal), "
         "symptoms since 01/10/2026, pain 5/10. Functional level: mild impairment (FAAM). "
         "X-rays 2 sets 01/15/2026 and 09/01/2026, MRI 08/02/2026. Last failed treatment "
         "06/15/2026. Not pregnant. No infection. No comorbidities. Not cosmetic. Specialist "
         "consult on file, good response expected. H&P with symptom dates on file. "
         "Treatment log on file.")


@pytest.mark.parametrize("answer", ["no", "nope", "none", "yes"])
def test_a_bare_yes_or_no_after_a_decision_with_nothing_asked_answers_nothing(
        assistant_at: Bot, answer: str) -> None:
    bot = assistant_at(date(2026, 12, 6))
    bot.send("c", "does this case qualify for 97110?")
    decided = bot.send("c", _MILD)
    assert decided.decision == "does_not_meet"
    assert not decided.questions
    turn = bot.send("c", answer)
    assert "Conservative treatment: 0 weeks" not in turn.reply
    assert "conservative_weeks" not in turn.facts
    assert "no question is open now" in turn.reply


def test_a_value_after_a_decision_still_answers_the_question_listed_before(
        assistant_at: Bot) -> None:
    # guard: a figure with its unit says which question it answers
    bot = assistant_at(date(2026, 12, 6))
    bot.send("c", "does this case qualify for 97110?")
    bot.send("c", _MILD)
    turn = bot.send("c", "22 weeks")
    assert "Conservative treatment: 22 weeks" in turn.reply


# --- C1: the patient named by her first name is the patient -----------------------------

@pytest.mark.parametrize("text", [
    # a typed correction after the chart summary
    "the cellulitis was his son's, not Marcus's - Marcus has no infection",
    # a relayed phone call
    "the UTI is her mother's, not Priya's - Priya has no infection",
    # a clipped chat reply
    "shingles = her sister's, not Ana's -- Ana has no infection",
])
def test_a_denial_by_the_patients_first_name_after_a_relatives_thing_is_read(
        text: str) -> None:
    assert read(text, "64493").get("active_infection") is False


@pytest.mark.parametrize("text", [
    # guards: a relative named in the name's place is still the relative
    "the UTI was her daughter's, not Priya's - her husband has no infection",
    "the cellulitis was his son's - his son has no fever now",
])
def test_a_relative_after_a_relatives_thing_is_still_someone_else(text: str) -> None:
    assert "active_infection" not in read(text, "64493")


# --- C2: a blank box sets aside no answer given elsewhere -------------------------------

@pytest.mark.parametrize(("cpt", "text", "known"), [
    # a faxed screening line with nothing ticked
    ("62311", "Screening: [ ] infection  [ ] pregnancy", {"active_infection": False,
                                                        "pregnancy": "not_applicable"}),
    ("64493", "Contraindications - none checked: [ ] active infection",
     {"active_infection": False}),
])
def test_a_blank_box_puts_no_stored_answer_in_doubt(
        cpt: str, text: str, known: dict[str, object]) -> None:
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 6), known=known)
    assert not set(got.asked_back) & set(known)
    assert not set(got.withdrawn) & set(known)


def test_a_blank_box_still_asks_an_unanswered_fact() -> None:
    # guard: with nothing stored, the box is still asked about, not read as "no"
    got = understand("Screening: [ ] infection", cpt="62311", pending=[],
                     as_of=date(2026, 12, 6))
    assert "active_infection" not in {r.fact for r in got.facts}


# --- C2b: a message that names what a stored record holds confirms it -------------------

@pytest.mark.parametrize("text", [
    "ESR 41 on 11/20",
    "CRP was 22 mg/L, drawn 11/18",
])
def test_a_lab_value_keeps_the_labs_on_file(text: str) -> None:
    got = understand(text, cpt="62311", pending=[], as_of=date(2026, 12, 6),
                     known={"inflammatory_labs_documented": True})
    assert "inflammatory_labs_documented" not in got.asked_back
    assert {r.fact: r.value for r in got.facts}.get("inflammatory_labs_documented") is True


def test_a_lab_value_still_asks_when_the_labs_were_not_on_file() -> None:
    # guard: stored as missing, a lab value may mean they are on file now: asked
    got = understand("ESR 41 on 11/20", cpt="62311", pending=[], as_of=date(2026, 12, 6),
                     known={"inflammatory_labs_documented": False})
    assert "inflammatory_labs_documented" not in {r.fact for r in got.facts}

"""Session 30, chat30: replies in chat a nurse can act on (outside tester 29's C6, C7 and
the bare "yes" with two yes/no questions open). Wordings are this file's own, in several
voices (a typed chat update, a phone relay, a clipped answer); guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand
from agent.session import Assistant

read = reader_at(date(2026, 12, 5))


def understood(text: str, cpt: str, known: dict[str, object]) -> tuple[dict[str, object],
                                                                      list[str]]:
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5), known=known)
    return {r.fact: r.value for r in got.facts}, got.withdrawn


_WOMAN = {"pregnancy": "not_applicable", "body_temperature": 36.9}
"""A post-menopausal woman's case at meets: "cannot be pregnant", a normal temperature."""


# --- C7: a temperature in Fahrenheit, or "she" in passing, is no sex correction ---------
# ("update: temp now 100.6 F" and "her son has pneumonia ..., she is fine" set a settled
# pregnancy aside and asked it again)

@pytest.mark.parametrize("text", [
    "fyi temp rechecked 101.2 F",  # a typed update, a decimal Fahrenheit figure
    "called back: fever 99 F overnight",  # a phone relay, a whole-number figure
    "Tmax 100.9F",  # a clipped vitals line, the F against the figure
    "her husband has the flu, she is ok",  # another person's illness, "she" in passing
    "spoke to the daughter - she's doing fine now",  # "she's" about the patient, no sex said
])
def test_a_temperature_or_a_pronoun_keeps_a_settled_pregnancy(text: str) -> None:
    _facts, withdrawn = understood(text, "71250", _WOMAN)
    assert "pregnancy" not in withdrawn


@pytest.mark.parametrize("text", [
    # guards: a correction that says the patient is a woman still takes it back
    "correction: pt is a 44 yo F",
    "sorry, she's female - the Mr. was a typo",
    "wrong pronoun - it is she, not he",
])
def test_a_sex_correction_still_sets_pregnancy_aside(text: str) -> None:
    _facts, withdrawn = understood(text, "71250", {"pregnancy": "not_applicable"})
    assert "pregnancy" in withdrawn


def test_a_fahrenheit_update_changes_only_the_temperature_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "71250")
    bot.send("c", "Ms. Ruiz, 71, post-menopausal. Cough and dyspnea 6 months. T 36.8 C.")
    reply = bot.send("c", "quick update - temp is 101.1 F now").reply
    assert "Body temperature: 36.8 C → 38.4 C" in reply
    assert "Pregnancy" not in reply.split("**")[0]


# --- a bare "yes" with two yes/no questions open answers neither: which one is asked -----
# (tester 29 C6: "yes" with pregnancy and postpartum open was held as "Postpartum: yes")

@pytest.mark.parametrize(("text", "pending"), [
    ("yes", ["pregnancy", "postpartum"]),
    ("Yep.", ["pregnancy", "postpartum"]),
    ("yeah", ["active_infection", "cosmetic_purpose"]),
    ("no", ["postpartum", "active_infection"]),
])
def test_a_bare_yes_or_no_to_two_questions_is_asked(text: str, pending: list[str]) -> None:
    got = read(text, "97110", pending)
    assert not set(pending) & set(got), got


@pytest.mark.parametrize(("text", "pending", "fact", "value"), [
    # guards: one question open, or the yes names its question
    ("yes", ["postpartum"], "postpartum", True),
    ("yes, she is pregnant", ["pregnancy", "postpartum"], "pregnancy", "pregnant"),
    ("no infection", ["active_infection", "cosmetic_purpose"], "active_infection", False),
])
def test_a_yes_to_one_question_still_answers(text: str, pending: list[str], fact: str,
                                             value: object) -> None:
    assert read(text, "97110", pending).get(fact) == value


def test_a_bare_yes_is_asked_back_in_chat(assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "97110")
    bot.send("c", "PT referral: Sam Ortiz, 38. Right knee pain 6/10 since 03/01/2026, moderate "
                  "impairment (KOOS). 16 weeks of conservative treatment, failed; the last, a "
                  "steroid injection 11/10/2026, failed. X-rays 05/02/2026 and 11/12/2026, MRI "
                  "09/01/2026. H&P with symptom dates on file. Treatment log with dates on "
                  "file. Ortho consult on file, expects good response. No infection, no "
                  "comorbidities, not cosmetic.")
    reply = bot.send("c", "yes").reply
    assert "Postpartum: yes" not in reply and "Pregnancy: Pregnant" not in reply
    assert "which question" in reply.lower()


# --- C4: a sex said plainly is read, and not also "could not read" ----------------------
# ("he is male" -> "Noted: Pregnancy: Cannot be pregnant" and "I could not read 'he is
# male'" in one reply)

@pytest.mark.parametrize("text", [
    "he's a guy",  # a clipped chat reply
    "ok, he is a boy",  # a relayed note about a teenager
    "sorry - he is a gentleman",  # an apologetic answer
])
def test_a_plain_sex_is_read_without_a_could_not_read(text: str) -> None:
    got = understand(text, cpt="97110", pending=["pregnancy", "postpartum"],
                     as_of=date(2026, 12, 5))
    assert {r.fact: r.value for r in got.facts}.get("pregnancy") == "not_applicable"
    assert not got.unread, got.unread


@pytest.mark.parametrize(("text", "unread"), [
    # guards: a pronoun read as the sex leaves the rest of its clause to say back
    ("he is male and has hemophilia", "hemophilia"),
    ("he has von willebrand", "von willebrand"),
])
def test_the_rest_beside_a_sex_is_still_said_back(text: str, unread: str) -> None:
    got = understand(text, cpt="97110", pending=["pregnancy", "postpartum"],
                     as_of=date(2026, 12, 5))
    assert any(unread in u.words for u in got.unread), got.unread


def test_he_is_male_is_noted_once_in_chat(assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "97110")
    bot.send("c", "PT referral: Pat Lee, 52. Right shoulder pain 6/10 since 03/01/2026.")
    reply = bot.send("c", "he's a man").reply
    assert "Cannot be pregnant" in reply
    assert "could not read" not in reply.lower()


# --- C6: "that was his wife's infection" is about the infection, not the last message ---
# (the nurse's own "none" to the comorbidities, the last message with facts, was removed)

@pytest.mark.parametrize(("text", "known", "gone"), [
    # a typed correction naming an imaging study
    ("oh wait, that was her husband's MRI", {"ct_mri_date": "2026-11-02",
                                             "severe_comorbidities": []}, "ct_mri_date"),
    # a phone relay naming an infection
    ("sorry - that was his daughter's infection, not his",
     {"active_infection": True, "severe_comorbidities": []}, "active_infection"),
    # a clipped line naming the X-rays
    ("that was the other patient's x-rays", {"xray_date": "2026-10-01",
                                             "severe_comorbidities": []}, "xray_date"),
])
def test_a_thing_said_to_be_someone_elses_sets_only_it_aside(
        text: str, known: dict[str, object], gone: str) -> None:
    got = understand(text, cpt="62311" if gone != "xray_date" else "97110", pending=[],
                     as_of=date(2026, 12, 5), known=known)
    assert not got.forget_last
    assert gone in got.withdrawn
    assert "severe_comorbidities" not in got.withdrawn
    assert "pregnancy" not in {r.fact for r in got.facts}


@pytest.mark.parametrize("text", [
    # guards: the whole last message said to be another's is still taken back
    "sorry, that was her husband. she did no PT",
    "oops that was the wrong patient",
    "that was her husband's note, ignore it",
])
def test_a_whole_message_someone_elses_is_still_forgotten(text: str) -> None:
    got = understand(text, cpt="62311", pending=[], as_of=date(2026, 12, 5),
                     known={"severe_comorbidities": []})
    assert got.forget_last


def test_another_persons_infection_keeps_the_comorbidity_answer_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "62311")
    bot.send("c", "Mr. Diaz, 60. L5 radicular pain 8 months. Active infection: yes (UTI).")
    bot.send("c", "none")
    reply = bot.send("c", "sorry, that was his wife's infection, not his").reply
    assert "Removed what I read" not in reply
    assert "Active infection: yes → set aside" in reply
    recorded = bot.send("c", "what have you recorded?").reply
    assert "| Severe comorbidities |" in recorded


# --- C5: a stored answer the new message doubts does not stand while it is asked --------
# ("Infection: no (but see wound check below: cellulitis ...)" asked "which holds now?"
# and the reply still said "Meets the criteria" on the stored "no")

@pytest.mark.parametrize("text", [
    # a pasted screen with an ED note in brackets
    "Infection: denies (see ED note: abscess R arm, on Bactrim since 12/02).",
    # a two-sentence relay from the chart
    "No infection per the H&P. Later today's wound clinic: cellulitis, started cephalexin.",
    # a form row with a dash and a contrary line after it
    "Active infection: No - though urgent care dx'd a UTI on 12/01, on Macrobid",
])
def test_a_doubted_infection_answer_is_asked_back(text: str) -> None:
    got = understand(text, cpt="62311", pending=[], as_of=date(2026, 12, 5),
                     known={"active_infection": False})
    assert "active_infection" in got.asked_back
    assert "active_infection" not in {r.fact for r in got.facts}


def test_a_doubted_answer_does_not_leave_meets_standing_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "62311")
    bot.send("c", _B1)
    assert "Meets the criteria" in bot.send("c", "none").reply
    reply = bot.send("c", "Infection: denies (see ED note: abscess R arm, on Bactrim since "
                          "12/02).").reply
    assert "Active infection: no → set aside" in reply
    assert "Meets the criteria" not in reply


_B1 = ("Pain clinic letter 12/01/2026. Ms. Hale, 55, post-hysterectomy, left L5 radicular leg "
       "pain since April 2026 (8 months), significant impact on her daily life. 16 weeks of "
       "conservative treatment in two failed 6-week courses: physical therapy 8 weeks, then "
       "gabapentin with a weight-loss program 8 weeks. Treatment logs on file. Baseline NRS "
       "5/10, now 8/10. ODI improved significantly over the last 6 weeks. H&P 11/24/2026 "
       "with medications, allergies, surgical history, neuro exam and pain evaluation. MRI "
       "11/02/2026 readable: L5-S1 foraminal stenosis, L5 nerve root compression and "
       "inflammation. Labs with raised CRP on file. No active infection. Not cosmetic. Pain "
       "management consultation on file.")

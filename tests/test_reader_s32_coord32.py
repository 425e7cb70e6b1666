"""Session 32, coordinator: a British chart's "D Mon YY" dates (outside tester 31 F9: "X-rays
R knee were 18 Mar 26 and 3 Jun 26" read June 26 and 18 sets of X-rays, a false meets for
97110; "MRI 5 Oct 26" read October 26 and met 62311's 60 days). Wordings are this file's
own (a radiology list, a physio's letter, a ward handover)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Radiology: knee films 14 Feb 26 and 2 Jul 26, nothing since.", "97110", "xray_date",
     date(2026, 7, 2)),
    ("Lumbar MRI done 9 Oct 26 at the Royal.", "62311", "ct_mri_date", date(2026, 10, 9)),
    ("Handover: lumbar X-ray 21-Nov-26, facet arthropathy L4-5.", "64493", "xray_date",
     date(2026, 11, 21)),
    ("MBB L4/5 performed 4 Sept 26, 80% relief for 5 hours.", "64493", "nerve_block_date",
     date(2026, 9, 4)),
])
def test_a_day_month_and_two_figure_year_is_that_day(text: str, cpt: str, fact: str,
                                                      day: date) -> None:
    assert read(text, cpt).get(fact) == day.isoformat()


@pytest.mark.parametrize("text", [
    "Radiology: knee films 14 Feb 26 and 2 Jul 26, nothing since.",
    "X-ray R knee 2 Jul 26.",
])
def test_the_day_of_such_a_date_is_no_count_of_x_rays(text: str) -> None:
    # (two films listed are two sets; one is one, or asked: never the day's figure)
    assert str(read(text, "97110").get("xray_sets", "asked")) in ("2", "1", "asked")


@pytest.mark.parametrize("text", [
    # guards: a month and day followed by a length or a score keep those readings
    "Physio started Mar 26, 12 weeks so far, pain 6/10.",
    "Back pain since 5 Oct 2026, 7/10.",
])
def test_a_month_and_day_before_other_figures_still_reads_them(text: str) -> None:
    facts = read(text, "64493")
    assert str(facts.get("pain_nrs")) in ("6", "7")


# --- a work-up found unnecessary, a row's dash before its denial ---------------------------
# (outside tester 32 F9: "Infection work-up not indicated." and "Pneumonia work-up not
# needed." stored the infection and the pneumonia: two qualifying cases denied in chat)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("ED course: infection workup not needed, labs unremarkable.", "64493", "active_infection"),
    ("Pre-injection screen - Infection - none suspected.", "62311", "active_infection"),
    ("Bacterial pneumonia workup not indicated per hospitalist.", "71250", "bacterial_pneumonia"),
    ("Checklist: Pneumonia - none known; Infection - none known.", "71250",
     "bacterial_pneumonia"),
])
def test_a_work_up_not_needed_or_a_dashed_none_states_no_condition(text: str, cpt: str,
                                                                   fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # guards: a work-up that found the condition, a dashed row that names it
    ("Infection work-up positive: UTI on culture, started Keflex.", "62311", "active_infection"),
    ("Infection - cellulitis of the left shin, on antibiotics.", "64493", "active_infection"),
    ("Pneumonia - suspected, RLL consolidation, fever 38.9.", "71250", "bacterial_pneumonia"),
])
def test_a_condition_found_is_still_read(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# --- a pregnancy that has ended -------------------------------------------------------------
# (outside tester 32 F12: "Ectopic pregnancy removed 10/2026.", "Termination of pregnancy
# 11/15/2026." stored pregnant: 62311 and 64493 denied a woman no longer pregnant)

@pytest.mark.parametrize("text", [
    "OB history: ectopic pregnancy removed laparoscopically in September.",
    "G2P1, pregnancy loss at 10 weeks last month, no complications.",
    "Medical termination of pregnancy 10/30/2026, follow-up hCG pending.",
    "Molar pregnancy evacuated 08/2026; hCG falling.",
    "Ectopic pregnancy removed 11/03/2026 (salpingostomy).",
    "Pregnancy loss at 9 weeks, 11/02/2026.",
])
def test_an_ended_pregnancy_is_not_read_as_pregnant(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text", [
    # guards: a pregnancy going on now
    "She is 12 weeks pregnant, no vaginal bleeding or fluid loss.",
    "Pregnant (16 weeks); an earlier pregnancy ended in 2019.",
])
def test_a_current_pregnancy_is_still_read(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "pregnant"


# --- allergy lists, acne antibiotics, after-visit teaching ----------------------------------
# (outside tester 32 F11 and F13: "Allergies: penicillin, cephalexin (Keflex) - rash.",
# "Signs of infection (redness, fever, drainage) reviewed; call if they occur." and "Watch
# for signs of infection at the injection site." each turned a qualifying case into a denial)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Allergies: amoxicillin, doxycycline (hives).", "64493", "active_infection"),
    ("Drug allergies - Bactrim, Cipro.", "62311", "active_infection"),
    ("Minocycline replaced by doxycycline for acne in 2025, still taking it.", "97110",
     "active_infection"),
    ("AVS: monitor for redness or infection at the needle site and call us.", "62311",
     "active_infection"),
    ("Discharge teaching: watch for wound infection or fever over 38 C.", "64493",
     "active_infection"),
    ("Return if pneumonia symptoms develop.", "71250", "bacterial_pneumonia"),
    ("Pregnancy precautions for the exercise program were given.", "97110", "pregnancy"),
])
def test_allergies_acne_and_teaching_state_no_condition(text: str, cpt: str,
                                                        fact: str) -> None:
    assert read(text, cpt).get(fact) not in (True, "pregnant")


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # guards: a course of antibiotics for an infection, an infection seen today
    ("Allergies: none known. On cephalexin since Monday for a toe infection.", "62311",
     "active_infection"),
    ("Injection site red and draining pus today; started on Keflex.", "64493",
     "active_infection"),
])
def test_an_infection_being_treated_is_still_read(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# --- a disease's type is no pain score ------------------------------------------------------
# (the final review of session 32: phrase32b's Croatian "šećerna bolest tip 1", diabetes type
# 1, read a pain score of 1 through the Czech word for pain, "bolest", added this session)

@pytest.mark.parametrize("text", [
    "Dg: šećerna bolest tip 2, hipertenzija.",
    "Anamneza: bolest tip 1 od djetinjstva.",
    "Celiakie, bolest typ 2 dle endokrinologa.",
])
def test_a_disease_type_is_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_a_czech_pain_score_is_still_read() -> None:
    assert read("Bolest zad 6/10, trvá od léta.", "64493").get("pain_nrs") == "6"

"""How long and how often (session 27, lengths27): lengths said in other languages, in words,
in a dictated "times", over twelfths in a note with no date, after a list of the care's
parts, answered on a Q&A line, and sessions given as the days of the week. Wordings are
this file's own, in several voices (a letter from a clinic abroad, a dictation, a phone
message, a form row, a portal message)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 4, 12))


# --- a length's unit in the languages of referrals from abroad --------------------------
# (a nurse reading "da 6 mesi" or "seit 10 Wochen" reads months and weeks as in English)

@pytest.mark.parametrize("text, value", [
    # an Italian referral
    ("Lombalgia cronica da 6 mesi, non risponde ai FANS.", "6 months"),
    # a German GP's letter
    ("Rückenschmerzen seit 10 Wochen, zunehmend.", "10 weeks"),
    # a Dutch GP's note
    ("Pijn in de onderrug, klachten bestaan sinds 7 maanden.", "7 months"),
    # a Filipino relative's message
    ("Mga 5 na buwan na po siyang may sakit sa likod.", "5 months"),
    # a Turkish clinic's note
    ("4 aydır bel ağrısı var.", "4 months"),
])
def test_a_symptom_length_in_another_language_is_read(text: str, value: str) -> None:
    assert read(text, "64493").get("symptom_weeks") == value


@pytest.mark.parametrize("text, value", [
    ("Fisioterapia per 9 settimane, senza beneficio.", "9 weeks"),
    ("Kinésithérapie pendant 11 semaines, sans amélioration.", "11 weeks"),
    ("Physiotherapie über 13 Wochen ohne Besserung.", "13 weeks"),
    ("Nag-therapy siya ng 8 na linggo.", "8 weeks"),
])
def test_physiotherapy_in_another_language_has_its_length_read(text: str, value: str) -> None:
    assert read(text, "64493").get("pt_weeks") == value


@pytest.mark.parametrize("text, value", [
    ("Trattamento conservativo per 10 settimane (FANS, riposo).", "10 weeks"),
    ("Nach 9 Wochen konservativer Behandlung keine Besserung.", "9 weeks"),
    ("Traitement conservateur depuis 5 mois.", "5 months"),
])
def test_conservative_care_in_another_language_has_its_length_read(text: str, value: str) -> None:
    assert read(text, "62311").get("conservative_weeks") == value


@pytest.mark.parametrize("text, value", [
    ("Kinésithérapie respiratoire 2 fois par semaine.", "2"),
    ("Krankengymnastik 3x/Woche seit Januar.", "3"),
    ("Fisioterapia respiratoria 2 veces por semana.", "2"),
])
def test_sessions_a_week_said_abroad_are_read(text: str, value: str) -> None:
    assert read(text, "71250").get("pt_sessions_per_week") == value


def test_a_foreign_length_of_each_course_is_not_the_whole() -> None:
    # "6 semanas cada uno": each course's, never the care's length in all
    got = read("Completó 2 ciclos de tratamiento conservador de 6 semanas cada uno.", "62311")
    assert got.get("conservative_weeks") in (None, "12 weeks")


def test_a_foreign_length_of_a_relatives_pain_stays_unread() -> None:
    got = read("Sua madre ha lombalgia da 6 mesi; lui solo da ieri.", "64493")
    assert got.get("symptom_weeks") != "6 months"


# --- "x 3/12" in a note with no date -------------------------------------------------------

@pytest.mark.parametrize("text, fact, value", [
    ("R shoulder pain x 7/12, worse at night.", "symptom_weeks", "7 months"),
    ("Neck pain x 2/12; physio booked.", "symptom_weeks", "2 months"),
    ("Cons mgmt x 4/12 - no better.", "conservative_weeks", "4 months"),
])
def test_a_count_of_twelfths_after_a_times_sign_is_a_length(text: str, fact: str,
                                                           value: str) -> None:
    cpt = "97110" if fact == "symptom_weeks" else "62311"
    assert read(text, cpt).get(fact) == value


def test_twelfths_stay_a_date_where_the_dates_are_month_first() -> None:
    got = read("Neck pain x 2/12. Seen 11/19/2026 in clinic.", "97110")
    assert got.get("symptom_weeks") != "2 months"


def test_twelfths_after_for_stay_a_date_in_an_american_note() -> None:
    got = read("Knee pain, PT visit booked for 5/12.", "97110")
    assert got.get("symptom_weeks") != "5 months"


# --- lengths in words and a dictated "times" -----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Conservative care for about one hundred and five days now.", "105 days"),
    ("She has had conservative treatment for a hundred days, comma, no better.", "100 days"),
    ("Conservative management for some one hundred twenty days period.", "120 days"),
])
def test_a_length_in_hundreds_of_days_is_read(text: str, value: str) -> None:
    assert read(text, "97110").get("conservative_weeks") == value


@pytest.mark.parametrize("text, fact, value", [
    ("Neck pain times eight months period.", "symptom_weeks", "8 months"),
    ("She has failed conservative care times ten weeks period.", "conservative_weeks", "10 weeks"),
    ("Back pain times five weeks period.", "symptom_weeks", "5 weeks"),
])
def test_a_dictated_times_before_a_length_is_for(text: str, fact: str, value: str) -> None:
    assert read(text, "62311" if fact == "conservative_weeks" else "97110").get(fact) == value


@pytest.mark.parametrize("text", [
    "PT three times a week.",
    "He goes to rehab two times a week.",
])
def test_times_a_week_is_still_no_length(text: str) -> None:
    got = read(text, "71250")
    assert got.get("pt_weeks") is None


@pytest.mark.parametrize("text", [
    "Productive cough x 5 days.",
    "Cough for ten days, seen in urgent care.",
])
def test_a_few_days_of_complaint_is_still_asked(text: str) -> None:
    assert read(text, "71250").get("symptom_weeks") is None


# --- a care named with its parts, then how long -------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Conservative care including naproxen and a knee brace for the past 9 weeks.", "9 weeks"),
    ("Conservative treatment consisting of rest and a knee sleeve for 10 weeks.", "10 weeks"),
    ("Conservative management such as NSAIDs and activity changes for 11 weeks.", "11 weeks"),
])
def test_a_care_listed_by_its_parts_then_its_length(text: str, value: str) -> None:
    assert read(text, "97110").get("conservative_weeks") == value


# --- an unnumbered Q&A line ----------------------------------------------------------------

@pytest.mark.parametrize("text, fact, value", [
    ("Q: How long has the back pain been going on? A: 9 weeks.", "symptom_weeks", "9 weeks"),
    ("Q: How long has she had the cough? A: About 10 weeks.", "symptom_weeks", "10 weeks"),
    ("Q: How many PT courses failed? A: two.", "pt_courses_failed", "2"),
])
def test_an_answer_on_a_q_and_a_line(text: str, fact: str, value: str) -> None:
    cpt = "71250" if "cough" in text else "64493"
    assert read(text, cpt).get(fact) == value


def test_a_q_and_a_answer_no_leaves_the_length_unread() -> None:
    got = read("Q: Has she done 12 weeks of PT? A: No.", "64493")
    assert got.get("pt_weeks") != "12 weeks"


# --- the days of the week a therapy recurs on ------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Pulmonary rehab Mon/Wed/Fri since February.", "3"),
    ("Goes to rehab Tue/Thu.", "2"),
    ("Pulm rehab schedule: M/W/F.", "3"),
])
def test_weekdays_of_therapy_are_its_sessions_a_week(text: str, value: str) -> None:
    assert read(text, "71250").get("pt_sessions_per_week") == value


@pytest.mark.parametrize("text", [
    "Sex: M/F  Pulm rehab referral.",
    "Pulm rehab seen Mon 3/1 and Wed 3/3.",
])
def test_a_sex_field_or_dated_days_are_no_sessions(text: str) -> None:
    assert read(text, "71250").get("pt_sessions_per_week") is None


# --- a span of dated days is so many days, not weeks rounded ------------------------------

@pytest.mark.parametrize("text, fact, cpt, value", [
    ("PT ran from 01/04/2027 to 03/19/2027, no change.", "pt_weeks", "64493", "74 days"),
    ("Conservative care 11/16/2026 through 02/28/2027 - failed.", "conservative_weeks", "62311",
     "104 days"),
    ("Pulm rehab attended 12/01/2026 - 03/03/2027.", "pt_weeks", "71250", "92 days"),
])
def test_a_span_of_dated_days_is_read_in_days(text: str, fact: str, cpt: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# --- boxes offering figures: the ticked one -------------------------------------------------

@pytest.mark.parametrize("text, fact, cpt, value", [
    ("No. of PT courses failed:  [ ] 1   [x] 2   [ ] 3 or more", "pt_courses_failed", "64493", "2"),
    ("Failed conservative courses [ ] 0 [ ] 1 [x] 3", "conservative_courses_failed", "62311", "3"),
    ("Medication courses failed: [ ] 1  [x] 2  [ ] 3+", "medication_courses_failed", "64493", "2"),
])
def test_the_ticked_figure_is_the_answer(text: str, fact: str, cpt: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text", [
    "Duration of cough:  [ ] under 4 wks  [x] 4-8 wks  [ ] > 8 wks",
    "How long coughing? [x] 8-12 wks [ ] > 12 wks",
])
def test_a_ticked_band_of_weeks_is_asked(text: str) -> None:
    assert read(text, "71250").get("symptom_weeks") is None


# --- lengths added up to a total after an equals sign ----------------------------------------

@pytest.mark.parametrize("text, fact, cpt, value", [
    ("Conservative care: 4 wks meloxicam + 6 wks HEP = 10 wks.", "conservative_weeks", "97110",
     "10 weeks"),
    ("PT 5 weeks + 7 weeks = 12 weeks, no better.", "pt_weeks", "64493", "12 weeks"),
    ("Conservative tx 8 wk + 5 wk -> 13 wk in all, failed.", "conservative_weeks", "62311",
     "13 weeks"),
])
def test_lengths_added_up_to_their_total(text: str, fact: str, cpt: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


def test_lengths_that_do_not_add_up_are_asked() -> None:
    got = read("Conservative care: 4 wks meloxicam + 6 wks HEP = 12 wks.", "97110")
    assert got.get("conservative_weeks") not in ("4 weeks", "6 weeks", "10 weeks")


def test_a_length_of_each_shorthand_course_is_not_the_whole() -> None:
    got = read("Failed conservative tx x3 (4/52 ea).", "62311")
    assert got.get("conservative_weeks") in (None, "12 weeks")


@pytest.mark.parametrize("text", [
    "Conservative treatment: 3 wks ibuprofen + 5 wks stretching = 8 wks.",
    "Conservative care so far 2 wk rest + 7 wk physio = 9 wk",
])
def test_the_first_part_of_a_sum_is_never_the_whole(text: str) -> None:
    got = read(text, "97110")
    assert got.get("conservative_weeks") in (None, "8 weeks", "9 weeks")

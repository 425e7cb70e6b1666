"""When, scores and records in other voices (session 27, dates27): a date whose month is
named in another language, a note written in a day-first language, the study named in
that language. Wordings are this file's own (a Lyon referral letter, a Madrid discharge
summary, a Manila clinic SMS, a Rotterdam GP letter, a Munich radiology fax, a Krakow
physiotherapy card, an Istanbul report)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 4, 9))


# --- a date with its month in another language is that date ----------------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    # a Lyon referral letter
    ("Madame D. a bénéficié d'une IRM du rachis lombaire le 1er février 2027.", "62311",
     "ct_mri_date", date(2027, 2, 1)),
    # a Madrid discharge summary
    ("Se realizó resonancia magnética lumbar el 9 de enero de 2027.", "64493",
     "ct_mri_date", date(2027, 1, 9)),
    # a Munich radiology fax
    ("MRT LWS vom 3. Februar 2027: Bandscheibenvorfall L4/5.", "64493",
     "ct_mri_date", date(2027, 2, 3)),
    # a Krakow card: the month in the genitive a Polish date uses
    ("Rezonans magnetyczny kolana wykonany 21 stycznia 2027.", "97110",
     "mri_date", date(2027, 1, 21)),
    # a Rotterdam GP letter
    ("Spirometrie op 5 maart 2027 toonde een obstructief patroon.", "71250",
     "pft_date", date(2027, 3, 5)),
])
def test_a_date_with_a_foreign_month_dates_the_study(text: str, cpt: str, fact: str,
                                                      day: date) -> None:
    assert read(text, cpt).get(fact) == day.isoformat()


def test_a_foreign_month_with_no_year_is_the_latest_such_day() -> None:
    # an Istanbul clinic's message, no year said: the last 12 March up to today
    assert read("Röntgen 12 mart tarihli, sağ diz.", "97110").get("xray_date") == "2027-03-12"


@pytest.mark.parametrize("text", [
    # a month word with no day is no date: asked, never the first of the month
    "IRM lombaire faite en mars 2027.",
    "Resonancia magnética en enero, informe pendiente.",
])
def test_a_foreign_month_without_its_day_is_no_date(text: str) -> None:
    assert "ct_mri_date" not in read(text, "64493")


# --- a note in a day-first language writes its numeric dates day first ------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    # a Lyon letter: "du 03/02/2027" is 3 February
    ("Lombalgie depuis six mois. IRM lombaire du 03/02/2027 jointe.", "64493",
     "ct_mri_date", date(2027, 2, 3)),
    # a Bogota form
    ("Espirometría realizada 08/03/2027, informe adjunto.", "71250",
     "pft_date", date(2027, 3, 8)),
    # a Hamburg letter
    ("Röntgen der LWS am 02/03/2027, Schmerzen seit 4 Monaten.", "64493",
     "xray_date", date(2027, 3, 2)),
])
def test_a_day_first_languages_numeric_date_is_day_first(text: str, cpt: str, fact: str,
                                                         day: date) -> None:
    assert read(text, cpt).get(fact) == day.isoformat()


def test_an_american_note_keeps_its_dates_month_first() -> None:
    # no word of a day-first language: 03/02 is 2 March
    got = read("Lumbar MRI 03/02/2027, report attached.", "64493")
    assert got.get("ct_mri_date") == "2027-03-02"


def test_a_foreign_word_does_not_turn_a_month_first_message() -> None:
    # "desde" beside a date only month first ("03/25/2027"): the message is month first
    got = read("Dolor desde 03/25/2027. MRI 03/02/2027.", "64493")
    assert got.get("ct_mri_date") == "2027-03-02"


# --- a pain score said in another language ------------------------------------------------

@pytest.mark.parametrize(("text", "score"), [
    # a Lyon referral letter
    ("Douleur lombaire cotée 6 sur 10 malgré le traitement.", 6),
    # a Munich fax: "now" in German, the scale in words
    ("Kreuzschmerzen seit Monaten, derzeit 7 von 10.", 7),
    # a Manila clinic SMS
    ("Masakit pa rin ang likod niya, 8 sa 10 ngayon.", 8),
    # a Krakow physiotherapy card
    ("Ból 5 na 10 przy przyjęciu do gabinetu.", 5),
    # a Lisbon note
    ("Dor lombar 6/10 na escala numérica.", 6),
])
def test_a_pain_score_in_another_language_is_read(text: str, score: int) -> None:
    assert read(text, "64493").get("pain_nrs") == str(score)


@pytest.mark.parametrize("text", [
    # a score before treatment is the baseline, never today's (a guard in each language)
    "Schmerz vor Therapiebeginn 5 von 10.",
    "Dolor lumbar antes del tratamiento 4/10.",
    "Douleur avant le traitement 3 sur 10.",
])
def test_a_foreign_score_before_treatment_is_no_current_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_a_foreign_baseline_and_now_give_the_change() -> None:
    # a Bogota appeal letter
    got = read("Dolor lumbar antes del tratamiento 4/10; ahora 7/10.", "62311")
    assert got.get("pain_nrs_baseline") == "4"
    assert got.get("pain_nrs_increase") == "3"


@pytest.mark.parametrize("text", [
    # "sa 10 araw" is ten days, "de 10 sesiones" ten sessions: no score out of ten
    "Masakit ang likod, therapy 2 sa 10 araw.",
    "Dolor lumbar; fisioterapia: 3 de 10 sesiones.",
])
def test_a_figure_before_a_foreign_unit_is_no_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # a figure before a length's unit in another language is the length, never a score
    "Überweisung wegen Kreuzschmerzen seit 8 Monaten.",
    "Douleur cervicale depuis 3 mois, kiné en cours.",
    "Ból kręgosłupa od 5 miesięcy.",
])
def test_a_figure_before_a_foreign_length_is_no_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")

"""Numbers (session 35, lengths35): a measure taken again, a second score said with an
estimate, an alternative in another language, a range's total. Wordings are this file's
own (a lab line, a nurse's shorthand, a referral from abroad, a near-miss that keeps its
reading)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a measure taken again, its name not said again --------------------------------------
# ("WBC 16.9 K on 07/10; repeat 07/14: 9.2 K" read 16,900: over the policy's 15,000, a
# denial the repeat had taken back; the repeat's figure was left unread)

@pytest.mark.parametrize(("text", "value"), [
    ("WBC 16.9 K on 11/30; repeat 12/04: 9.2 K.", "9200"),
    ("WBC 14.8 (11/30). Recheck 12/02: 8.7.", "8700"),
    ("WBC 16.9 K on 11/30; repeat (12/04) 9.2 K.\nK 4.1", "9200"),
    ("WBC 12.4 on 12/01; repeat on day 3 was 15.8.", "15800"),
    ("WBC 16.9 K on 11/30; repeat 12/04: 9.2 K; Hgb 12.1.", "9200"),
])
def test_repeat_figure_is_the_measure_named_before(text: str, value: str) -> None:
    assert read(text, "71250").get("wbc_count") == value


@pytest.mark.parametrize("text", [
    # a repeat of another study, or one still to come: the white count stays
    "WBC 9.2 K on 11/30; repeat CXR 12/04: clear.",
    "WBC 16.9 K; repeat in 2 days.",
    "WBC 16.9 K; repeat 12/04.",
    # another measure named in the repeat's clause is that one's
    "WBC 16.9 K on 11/30; repeat 12/04 PFT: FEV1 62% predicted.",
])
def test_repeat_of_something_else_keeps_the_reading(text: str) -> None:
    got = read(text, "71250")
    assert got.get("wbc_count") in ("9200", "16900"), got
    assert got.get("wbc_count") == ("9200" if "9.2" in text else "16900")


def test_repeat_in_another_paragraph_is_not_taken() -> None:
    got = read("WBC 16.9 K on 11/30.\n\nRepeat 12/04: 9.2 K.", "71250")
    assert got.get("wbc_count") != "9200"


def test_repeat_temperature_lower_keeps_the_highest() -> None:
    # a temperature is asked as the highest recent reading: a lower recheck is no answer
    assert read("T 38.6 C at 0800; recheck 37.4 C at 1200.", "71250").get(
        "body_temperature") == "38.6 C"


# --- a second score said with an estimate or an article ---------------------------------
# ("She rates it 6/10 at the end of a double and about 3/10 on her days off" read 6: the
# "about" before the second score was taken for another measure's label)

@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "She rates it 6/10 at work and about 3/10 on her days off."),
    ("64493", "Pain 6/10 most days, around 8/10 after a long shift."),
    ("97110", "Knee pain 6 out of 10 walking, roughly 3 out of 10 sitting."),
    ("64493", "NRS 6/10 (approx 4/10 on weekends)"),
    ("64493", "Pain 2/10 in the morning, gets to 7/10 by evening"),
])
def test_second_score_with_an_estimate_is_asked(cpt: str, text: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    # the earlier estimate is the past's: today's stays
    ("Pain 7/10 today, was about 5/10 last month.", "7"),
    ("Pain 7/10 today; about 5/10 before the injection.", "7"),
    # another measure's label still names it
    ("Pain 7/10. HR about 88.", "7"),
])
def test_estimate_of_another_time_or_measure_keeps_the_score(text: str, value: str) -> None:
    assert read(text, "64493").get("pain_nrs") == value


# --- "or" in another language ------------------------------------------------------------
# ('prije fizikalne terapije "oko 5 ili 6"', "about 5 or 6": the 6 was read as the baseline)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", 'VAS sada 8/10; prije fizikalne terapije "oko 5\nili 6" [before physio].',
     "pain_nrs_baseline"),
    ("64493", "Ból 6 lub 7/10.", "pain_nrs"),
    ("64493", "Schmerz 6 oder 7/10.", "pain_nrs"),
    ("64493", "Dolor 6 o 7/10 hoy.", "pain_nrs"),
    ("64493", "Smerte 6 eller 7/10.", "pain_nrs"),
    ("64493", "Douleur 6 ou 7/10.", "pain_nrs"),
])
def test_foreign_or_makes_an_alternative(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_english_score_without_alternative_is_read() -> None:
    assert read("NRS now 8/10; before PT 5.", "62311").get("pain_nrs_baseline") == "5"


# --- a range's total ---------------------------------------------------------------------
# ("Conservative care 10-12 weeks total" read 12 weeks: the range's top as a stated total)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Conservative care 10-12 weeks total: PT, meds, and a diet.", "conservative_weeks"),
    ("62311", "Conservative care 10 to 12 weeks in all: PT, meds, and a diet.",
     "conservative_weeks"),
    ("62311", "Conservative care roughly 10–12 wks overall.", "conservative_weeks"),
    ("64493", "PT 8-10 weeks total, then HEP.", "pt_weeks"),
])
def test_range_total_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Conservative care: PT 6 wks, naproxen 6 wks. Total 12 weeks.", "12 weeks"),
    ("Conservative tx: 6 wks NSAIDs, then 4 wks HEP - 10 wks total.", "10 weeks"),
    ("Conservative care 14 weeks total: PT, meds, and a diet.", "14 weeks"),
])
def test_stated_total_still_read(text: str, value: str) -> None:
    assert read(text, "62311").get("conservative_weeks") == value


# --- an ordinal joined to a word ---------------------------------------------------------
# ("carrying a piano up a 3rd-floor walk-up" read a pain increase of 3 points)

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Sciatica since carrying a Steinway upright up a 3rd-floor walk-up 14 weeks ago.",
     "pain_nrs_increase"),
    ("62311", "Back pain went up after the 2nd-floor move; symptoms 16 weeks.",
     "pain_nrs_increase"),
    ("64493", "Tried a 2nd-line agent (gabapentin) without relief.",
     "medication_courses_failed"),
])
def test_ordinal_compound_is_no_figure(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) not in ("2", "3", 2, 3)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Pain went up a 3 after lifting.", "pain_nrs_increase", "3"),
    ("64493", "Failed 2nd course of PT.", "pt_courses_failed", "2"),
    ("62311", "Pain worse since the move to a 2nd-floor flat, NRS up 2 points from baseline.",
     "pain_nrs_increase", "2"),
])
def test_figure_beside_an_ordinal_compound_is_read(cpt: str, text: str, fact: str,
                                                   value: str) -> None:
    assert read(text, cpt).get(fact) == value


# --- an estimate quoted "per" a relative named with a possessive -------------------------
# ('Temp "about 101" at home last night per his wife' read 101 F: over 38 C, an exclusion;
# "per wife" was a speaker, "per his wife" was not)

@pytest.mark.parametrize(("text", "fact"), [
    ('Temp "about 101" at home last night per his wife; 37.2 C here.', "body_temperature"),
    ('Temp "around 38.5" overnight per her husband.', "body_temperature"),
    ('Fever "like 102" per their daughter, 37.0 in clinic.', "body_temperature"),
])
def test_estimate_quoted_per_a_relative_is_asked(text: str, fact: str) -> None:
    assert fact not in read(text, "71250")


def test_exact_figure_per_a_relatives_thermometer_is_read() -> None:
    got = read("Temp 38.4 C per his wife's thermometer last night.", "71250")
    assert got.get("body_temperature") == "38.4 C"


# --- one of a numbered series ("visit 1 of 6") -------------------------------------------
# ("Pain score 1 of 3 (today): chest pain 6/10" read a pain of 3; "Baseline NRS: visit 1 of
# 6" a baseline of 6; "XR set 1 of 2" one set of films)

@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Pain score 1 of 3 (today): chest pain 6/10. Scores 2 and 3 of 3 at the next "
     "two visits.", "pain_nrs", "6"),
    ("62311", "Baseline NRS: visit 1 of 6 (note missing). Current NRS 8/10.",
     "pain_nrs_baseline", None),
    ("97110", "XR knee set 1 of 2: 07/02/2026.", "xray_sets", None),
    ("64493", "Dose 2 of 3 of the steroid taper; pain 5/10.", "pain_nrs", "5"),
])
def test_one_of_a_series_is_no_figure(cpt: str, text: str, fact: str,
                                      value: str | None) -> None:
    assert read(text, cpt).get(fact) == value


def test_score_out_of_ten_said_with_of_is_read() -> None:
    assert read("Pain 7 of 10 today.", "64493").get("pain_nrs") == "7"


def test_total_after_a_dated_span_is_read() -> None:
    # a date's last figure before a dash opens no range
    text = "Conservative care log, 07/27-11/16/2026 - 16 weeks in all: naproxen, home exercise."
    assert read(text, "97110").get("conservative_weeks") == "16 weeks"

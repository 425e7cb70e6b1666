"""A bracketed gloss (session 30, fresh33's huisarts letter): a letter from abroad whose
English is given in brackets after the words it translates ("8 weken oefentherapie onder
begeleiding [supervised exercise and stretching], 3 weken manuele therapie [...]") gives
each figure to the item it opens. The figure after a bracket opens the next item: reading
it as the bracket's own put the manual therapy's 3 weeks on the exercise (64493 denied a
qualifying case for "3 weeks of supervised exercise"). Wordings are this file's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 9, 7))


@pytest.mark.parametrize("text", [
    # a Spanish physiotherapist's summary with the daughter's English
    "Fisioterapia: 6 semanas de ejercicio supervisado y estiramientos (supervised exercise "
    "and stretching), 4 semanas de terapia manual con calor (manual therapy), 3 semanas de "
    "educación sobre el dolor (pain education).",
    # a German Krankengymnastik report with the practice's English
    "KG-Verlauf: 7 Wochen Übungen unter Anleitung am Gerät [supervised exercise], 4 Wochen "
    "Manuelle Therapie mit Wärme [manual therapy], 3 Wochen Schmerzschulung [pain "
    "education].",
    # a Polish rehabilitation discharge, semicolons between the parts
    "Rehabilitacja: 8 tygodni ćwiczeń pod nadzorem (supervised exercise and stretching); "
    "4 tygodnie terapii manualnej (manual therapy and modalities).",
])
def test_each_glossed_part_takes_the_figure_that_opens_it(text: str) -> None:
    got = read(text, "64493")
    first = {"Fisi": 6, "KG-V": 7, "Reha": 8}[text[:4]]
    assert got["pt_exercise_weeks"] == f"{first} weeks", got
    assert got["pt_manual_weeks"] == "4 weeks", got
    # the first part's figure is no length of the whole therapy
    assert got.get("pt_weeks") != f"{first} weeks", got


def test_a_bracket_holding_its_own_figures_still_reads_them() -> None:
    got = read("Physio 12 weken [supervised exercise 6 weeks, manual therapy 3 weeks, "
               "education 3 weeks].", "64493")
    assert (got["pt_weeks"], got["pt_exercise_weeks"], got["pt_manual_weeks"]) == \
        ("12 weeks", "6 weeks", "3 weeks")


def test_a_bracket_after_words_that_open_with_no_figure_is_no_gloss_of_one() -> None:
    # the 12 weeks are the whole therapy's; the bracket says what it was, and the manual
    # therapy's 3 weeks are its own
    got = read("PT x 12 weeks at Fysio Leusderweg (supervised exercise and stretching), "
               "3 weeks of it manual therapy.", "64493")
    assert got["pt_weeks"] == "12 weeks" and got["pt_manual_weeks"] == "3 weeks"
    assert got.get("pt_exercise_weeks") != "3 weeks", got


@pytest.mark.parametrize("text, fact, weeks", [
    # English words the reader knows before the bracket: the figure measures them, and the
    # bracket only says what they held
    ("Treatment: 14 weeks physical therapy (supervised exercise and stretching) at Ridge PT.",
     "pt_weeks", "14 weeks"),
    ("Ortho f/u: 16 wks conservative tx (PT and naproxen), no better.", "pt_weeks", None),
])
def test_a_bracket_after_known_words_describes_them(text: str, fact: str,
                                                    weeks: str | None) -> None:
    got = read(text, "64493")
    assert got.get(fact) == weeks, got
    assert "pt_exercise_weeks" not in got, got

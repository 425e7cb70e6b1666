"""Session 17, corr17b: corrections and supersession (later words replace earlier ones)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A note that corrects a figure in the same breath: the new figure stands at the old one's
# label (outside tester 17 F6, M15).
@pytest.mark.parametrize(("text", "want"), [
    ("Temp 38.9 C at triage. Wait, that was 36.9 - wrong line of the flowsheet.", "36.9 C"),
    ("Temperature 38.2 C overnight. No wait, that's 37.2, I read the wrong column.", "37.2 C"),
    ("T 39,1 °C on arrival. No wait, that was 36,9 - I mixed up the rooms.", "36.9 C"),
])
def test_temperature_corrected_in_next_sentence(text: str, want: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == want


@pytest.mark.parametrize(("text", "cpt", "fact", "want"), [
    ("Physical therapy 18 weeks - sorry, 9 weeks; I misread the flowsheet.", "64493",
     "pt_weeks", "9 weeks"),
    ("Supervised PT 15 wks -- my mistake, 8 wks per the flowsheet.", "64493", "pt_weeks",
     "8 weeks"),
])
def test_figure_corrected_in_same_breath(text: str, cpt: str, fact: str, want: str) -> None:
    assert str(read(text, cpt).get(fact)) == want


def test_a_correction_after_a_qualifier_keeps_the_qualifier() -> None:
    # "on RA" between the figure and the cue stays; the corrected figure is read with it.
    got = read("SpO2 85% on RA -- sorry, I meant 90%, the 85 was walking.", "71250",
               pending=["spo2_room_air"])
    assert str(got.get("spo2_room_air")) != "85"


# "the pregnancy is wrong" with nothing recorded read Pregnant (session 16 F13): the words
# that call a fact wrong state nothing of it.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("the pregnancy is wrong", "64493", "pregnancy"),
    ("Her infection answer was wrong.", "62311", "active_infection"),
    ("PT 14 weeks. The cosmetic part is incorrect.", "64493", "cosmetic_purpose"),
    ("the infection part was incorrect, see the labs", "97110", "active_infection"),
])
def test_calling_a_fact_wrong_states_nothing_of_it(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)

"""Session 33, coordinator: 71250's body temperature (outside tester 33 F6 and F13). A dated
trend whose last day is lower than an earlier fever is asked, not read by its first row; a
temperature of water, a room or a faulty probe is no body temperature. Wordings are this
file's own (a ward chart, a home visit, a pool session)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize("text", [
    "Obs chart:\n12/01  Temp 38.5  P 102\n12/04  Temp 37.0  P 84",
    "Ward temps\n2026-12-01: T 38.3 C\n2026-12-05: T 36.8 C",
])
def test_a_dated_trend_that_settles_is_asked_not_read_by_its_fever(text: str) -> None:
    # (the first row's fever had been stored as the current temperature: a false denial)
    assert "body_temperature" not in read(text, "71250")


@pytest.mark.parametrize(("text", "value"), [
    ("Obs chart:\n12/03  Temp 37.1\n12/05  Temp 38.7", "38.7 C"),   # the last day is the highest
    ("Temp 37.2 this morning.\nTmax 38.6 overnight.", "38.6 C"),    # named the highest
    # a fever a day before the last row is still the recent highest (a 24-hour series)
    ("Obs chart:\n12/04  Temp 38.3\n12/05  Temp 37.2", "38.3 C"),
])
def test_a_trend_whose_last_day_is_highest_is_still_read(text: str, value: str) -> None:
    assert read(text, "71250").get("body_temperature") == value


@pytest.mark.parametrize("text", [
    "Hydrotherapy pool water temp 38.5 C, patient tolerated 20 min.",
    "Home visit: room temperature 39 C, no fan; daughter present.",
    "Thermometer malfunction - showed 40.2; to recheck.",
])
def test_a_temperature_that_is_not_the_patients_is_not_read(text: str) -> None:
    assert "body_temperature" not in read(text, "71250")


def test_the_patients_temperature_beside_room_air_is_still_read() -> None:
    assert read("T 38.6 C in clinic; room air SpO2 93%.", "71250").get(
        "body_temperature") == "38.6 C"


# Outside tester 33 F12: a line quoting the payer's exclusion list named the patient's
# conditions (an infection and a pregnancy of a man, a final denial).
@pytest.mark.parametrize(("text", "cpt", "facts"), [
    ("Plan exclusions (active infection e.g. septic arthritis, discitis; pregnancy; severe "
     "comorbidities) gone over with him.", "64493", ("active_infection", "pregnancy")),
    ("Exclusion criteria (active infection, pregnancy, ESRD) gone over with the patient.",
     "62311", ("active_infection", "pregnancy")),
    ("Coverage note: therapy excluded for pregnant members; postpartum status reviewed.",
     "97110", ("pregnancy", "postpartum")),
])
def test_a_quoted_exclusion_list_states_no_condition(text: str, cpt: str,
                                                     facts: tuple[str, ...]) -> None:
    got = read(text, cpt)
    assert not any(got.get(f) in (True, "pregnant") for f in facts), got


def test_a_condition_after_the_quoted_list_is_still_read() -> None:
    got = read("Exclusion criteria (infection; pregnancy) reviewed. She has cellulitis of the "
               "left shin on cephalexin.", "64493")
    assert got.get("active_infection") is True


# Outside tester 33 F14: two views taken at one visit counted as two sets of X-rays, a false
# meets for 97110 (two or more sets are required).
@pytest.mark.parametrize("text", [
    "L shoulder X-rays 10/21/2026 x2 (AP/lateral), same visit.",
    "XR L wrist 11/09/2026 x 2 (PA and lateral).",
])
def test_views_of_one_visit_are_not_two_sets(text: str) -> None:
    assert read(text, "97110").get("xray_sets") in (None, "1")


def test_two_dated_films_counted_twice_are_still_two_sets() -> None:
    assert read("Knee X-rays x2: 09/02/2026 and 11/18/2026.", "97110").get("xray_sets") == "2"

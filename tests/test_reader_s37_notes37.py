"""Complete notes that asked what they state (session 37, notes37).

A low saturation on room air (below 92 %) left the FiO2 asked even where the writer said in
so many words what the patient breathes now ("SpO2 88% on room air, not on oxygen", "on RA
since admit"): the corpus labels those FiO2 21 (29 complete notes asked it). The reading now
stands when its own words say the patient's state now, the message says the saturation was
taken on room air, and no oxygen is named anywhere (the same guard a high saturation
passes). Every wording here is this file's own; the near-misses stay asked: no room air
named (a home oximeter), oxygen given elsewhere in the message, only home oxygen denied,
"does not use oxygen".
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize("text", [
    "Her saturation was 89% on room air and she is not on supplemental oxygen.",
    "SpO2 89% aire ambiente (room air), sin oxígeno - not on oxygen.",
    "Obs: T 37.0, HR 110, SpO2 87% RA, on no oxygen.",
    "Desat to 86% on RA at rest (kept on RA, no O2 given).",
    "Sat 90% r/a; still on room air, refuses the cannula.",
    "SpO2 88% on room air; he breathes room air at home and in clinic.",
])
def test_low_room_air_saturation_with_no_oxygen_now_reads_fio2_21(text: str) -> None:
    got = read(text, "71250")
    assert got.get("fio2_percent") == "21", got


@pytest.mark.parametrize("text", [
    # no room air named: whether oxygen is needed is asked (fresh7's convention)
    "Home oximeter 89%, he is not on oxygen.",
    # oxygen given elsewhere in the message
    "SpO2 88% on room air, not on oxygen at the moment but started on 2 L NC in the ambulance.",
    "SpO2 90% RA, no supplemental oxygen. Placed on 3 L nasal cannula -> 95%.",
    # only home oxygen denied / not using oxygen
    "SpO2 90% RA. Not on home oxygen.",
    "SpO2 91% RA; does not use oxygen.",
    # a past room-air stretch, oxygen now
    "Was on room air since admit until yesterday, now on 3 L NC; SpO2 89% RA this morning.",
])
def test_low_saturation_without_a_stated_room_air_now_stays_asked(text: str) -> None:
    got = read(text, "71250")
    assert "fio2_percent" not in got, got


def test_high_saturation_keeps_its_reading() -> None:
    got = read("SpO2 94% on room air, not on oxygen.", "71250")
    assert got.get("fio2_percent") == "21" and got.get("spo2_room_air") == "94", got

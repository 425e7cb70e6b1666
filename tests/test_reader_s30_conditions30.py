"""Conditions, infections and findings (session 30, conditions30): a finding doubted, given to
a relative, said not to be severe, limited to one site, or a sign that is another thing's
change. Wordings are this file's own, in several voices (a radiology read, a ward phone
message, a letter from abroad, a physio's shorthand, an intake form, a family's text)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a figure given to another person by name is taken back ---------------------------------

@pytest.mark.parametrize("text", [
    # a student's care plan marked by a preceptor
    "Vitals 0800: T 101.2 F, HR 98. Preceptor note: the 101.2 was the roommate's.",
    # a night nurse's correction
    "Temp 38.9 C at 0200. The 38.9 was her husband's, he has the flu.",
    # a lab call-back in a chat
    "WBC 17.5 this am. lab called back, the 17.5 was the patient in room 12; ours pending",
])
def test_a_figure_given_to_another_person_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert got.get("body_temperature") not in ("101.2 F", "38.9 C")
    assert "wbc_count" not in got


# --- a Chinese or Japanese full stop ends a sentence ----------------------------------------

@pytest.mark.parametrize("text", [
    # a Chinese referral with glosses
    "腰椎 MRI 2027-03-01：L4-5、L5-S1 退变。女儿有腰痛 [daughter has back pain]。",
    # a Japanese letter, typed with an English gloss
    "MRI 2027-03-01: L5-S1 facet arthropathy。The son also has back pain。",
    # an English note pasted through a Chinese keyboard
    "Imaging: L4-5 and L5-S1 facet changes。Neighbour with back pain drove her in。",
])
def test_a_spinal_level_on_imaging_is_no_pain_region_across_a_cjk_full_stop(text: str) -> None:
    assert "pain_region" not in read(text, "64493")


def test_a_pain_region_before_a_cjk_full_stop_is_still_read() -> None:
    got = read("患者腰痛 [low back pain] 7/10。儿子也有颈痛。", "64493")
    assert got.get("pain_region") == "low_back"

"""False facts of the older corpus sets (session 29, false29): a figure its text gives to
another patient, or takes back, is not this patient's; the patient's own figure in the
same sentence is. Wordings are this file's own, in several voices (a ward addendum, a
clinic fax, a chat reply, a telephone note, a school nurse's e-mail)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 3, 15))


# --- a disowning sentence that turns back to this patient keeps the patient's figure ------
# (a nurse reads "...was the wrong patient's; this patient's temp was 36.9" as 36.9)

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a chat reply
    ("Please disregard the fever I sent earlier - wrong patient - our patient's temp today is "
     "36.9 C.", "71250", "body_temperature", "36.9 C"),
    # a clinic fax
    ("Correction to our fax of 03/02: the WBC above was from another patient - our patient's "
     "WBC on 03/01 was 7.9.", "71250", "wbc_count", 7900),
    # a telephone note, a study's date this time
    ("The MRI from 2/2/27 is a different patient's - our patient's MRI lumbar spine was "
     "01/20/2027.", "64493", "ct_mri_date", "2027-01-20"),
])
def test_the_patients_own_figure_after_a_wrong_patient_note_is_read(
        text: str, cpt: str, fact: str, value: object) -> None:
    got = read(text, cpt)
    assert fact in got, text
    assert str(got[fact]).split()[0] == str(value).split()[0], (text, got[fact])
    assert "39" not in str(got[fact]) and "2027-02-02" not in str(got[fact])


@pytest.mark.parametrize(("text", "cpt", "fact", "wrong"), [
    # the measure above named by its long name, the figure by its short one
    ("Vitals: T 38.9 C, HR 104. Addendum: the temperature above was another patient's.",
     "71250", "body_temperature", "38.9"),
    ("SpO2 84% on room air. ADDENDUM: the saturation above was entered for the wrong patient.",
     "71250", "spo2_room_air", "84"),
    ("NRS 8/10. Addendum next day: the pain score above was recorded on the wrong patient.",
     "97110", "pain_nrs", "8"),
])
def test_a_figure_an_addendum_calls_another_patients_by_its_measures_name_is_not_read(
        text: str, cpt: str, fact: str, wrong: str) -> None:
    got = read(text, cpt)
    assert wrong not in str(got.get(fact, "")), (text, got.get(fact))


@pytest.mark.parametrize(("text", "cpt", "fact", "wrong"), [
    # guards: a turn to "this patient" before the disowning words is no turn
    ("This patient's chart had the wrong patient's temperature, 39.4 C, pasted in.",
     "71250", "body_temperature", "39.4"),
    # a clause that goes on about another person is still theirs
    ("T 38.7 C was entered for the wrong patient; his roommate has the fever.",
     "71250", "body_temperature", "38.7"),
    # a pointer to another measure leaves the temperature alone
    ("T 37.0 C. WBC 15.1. Addendum: the WBC above was another patient's.",
     "71250", "wbc_count", "15"),
])
def test_another_patients_figure_stays_unread(text: str, cpt: str, fact: str,
                                              wrong: str) -> None:
    got = read(text, cpt)
    assert wrong not in str(got.get(fact, "")), (text, got.get(fact))


def test_a_pointer_to_another_measure_leaves_the_temperature_read() -> None:
    got = read("T 37.0 C. WBC 15.1. Addendum: the WBC above was another patient's.", "71250")
    assert str(got.get("body_temperature", "")).startswith("37")


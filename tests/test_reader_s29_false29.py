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


# --- a flowsheet whose columns are dates: the latest column is today's -------------------
# (a nurse reading "Pain | 7 | 5" under "02/01 | 02/22" reports 5, not 7)

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a PT flowsheet pasted from the EHR
    ("Measure   | 01/12/2027 | 02/09/2027 | 03/09/2027\nNRS (0-10) | 8 | 6 | 4\n",
     "97110", "pain_nrs", "4"),
    # a ward's vitals grid, newest column first
    ("| Obs | 03/12/2027 | 03/05/2027 |\n| Temp | 36.9 C | 38.8 C |\n", "71250",
     "body_temperature", "36.9 C"),
    # a spirometry trend exported from the lab system
    ("Test | 2026-09-14 | 2027-02-20\nFEV1 % pred | 74 | 58\n", "71250",
     "fev1_percent_predicted", "58"),
])
def test_a_dated_columns_latest_figure_is_read(text: str, cpt: str, fact: str,
                                               value: str) -> None:
    got = read(text, cpt)
    assert str(got.get(fact, "")).split(" ")[0].rstrip("%") == value.split(" ")[0], \
        (text, got.get(fact))


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # guards: columns that are no dates keep the table as it was read
    ("Item | Result\nPain NRS | 7\n", "64493", "pain_nrs", "7"),
    # a row of pipes under a header that is one date and words is no flowsheet
    ("Date of service | 02/01/2027\nPain NRS | 6\n", "64493", "pain_nrs", "6"),
])
def test_a_table_without_date_columns_reads_as_before(text: str, cpt: str, fact: str,
                                                      value: str) -> None:
    assert str(read(text, cpt).get(fact, "")) == value

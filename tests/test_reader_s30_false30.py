"""False facts of the older corpus sets (session 30, false30): words that look like a fact
and are not one. Wordings are this file's own, in several voices (a phone call, a fax cover,
a CSV export, a covering doctor's letter, a portal message, a front-desk note)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 5, 4))


# --- a service or a treatment named with "pain" is no pain score ----------------------------
# (a nurse reads "Pain psychology 4" as four sessions of it, not a pain of 4/10)

@pytest.mark.parametrize("text", [
    # a CSV export of therapy parts
    "Component,Weeks\nExercise,6\nPain neuroscience education,4",
    # a fax cover's list of visits
    "Pain clinic 3 (all with Dr. Obi)",
    # a front-desk note
    "Pain psychology 2 so far",
    # a referral form's row pasted flat
    "Pain management,4",
])
def test_a_figure_after_a_pain_service_is_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize("text, score", [
    ("Seen at the pain clinic today; pain 6/10 at rest.", "6"),
    ("Pain management consult 4/20: NRS 7/10.", "7"),
    ("Pain 5", "5"),
])
def test_the_score_beside_a_pain_service_is_still_read(text: str, score: str) -> None:
    assert read(text, "64493").get("pain_nrs") == score


# --- a record the writer has not got to hand says nothing of it -----------------------------
# (a nurse hears "I don't have the MRI in front of me" as "call back", not "never had one")

@pytest.mark.parametrize("text, cpt, fact", [
    # a phone call to the payer
    ("Sorry, I don't have her MRI report in front of me - can I call you back?", "64493",
     "ct_mri_date"),
    # a portal message from a covering nurse
    ("I don't have the PT notes handy right now, I'll send them tonight.", "64493",
     "pt_notes_documented"),
    # a scheduler's note
    ("Don't have the spirometry report pulled up, will check with the lab.", "71250", "pft_date"),
    # a dictation
    ("I don't have her H&P in front of me at the moment.", "62311", "hp_date"),
])
def test_a_record_not_at_hand_is_not_read_as_missing(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize("text, cpt, fact, value", [
    ("She has never had an MRI.", "64493", "ct_mri_date", "never"),
    ("No PT notes on file.", "64493", "pt_notes_documented", False),
    ("We have no medication list for her.", "64493", "medication_list_documented", False),
])
def test_a_record_denied_is_still_read(text: str, cpt: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# --- who the writer is, denied, is no denial of a record ------------------------------------
# (a nurse reads "I am not her GP" as who wrote the letter, not "no GP consult on file")

@pytest.mark.parametrize("text", [
    # a covering doctor's letter
    "I am not her primary care physician, I only saw her once for her back.",
    # a chiropractor's reply
    "Just so you know, I'm not his PCP - I only see him for adjustments.",
    # a front-desk note
    "Dr. Mensah isn't her family doctor; she sees him for her knee.",
])
def test_who_the_writer_is_not_denies_no_consult(text: str) -> None:
    assert "pcp_consult_documented" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "No PCP consult note in the packet.",
    "There is no primary care consultation on file.",
])
def test_a_pcp_consult_denied_is_still_read(text: str) -> None:
    assert read(text, "64493").get("pcp_consult_documented") is False


# --- a denial runs over a hyphenated word to its record ----------------------------------------
# (a nurse reads "never sent its day-to-day notes" as no notes: the "to" inside a compound
# is no preposition that ends the denial)

@pytest.mark.parametrize("text", [
    # an advocate's letter
    "Riverside never sent its day-to-day progress notes, despite two requests.",
    # a case manager's note
    "We never got the week-to-week PT notes from the outside clinic.",
    # a portal message
    "They haven't sent the visit-by-visit therapy notes yet.",
])
def test_a_denial_over_a_hyphenated_word_reaches_the_record(text: str) -> None:
    assert read(text, "64493").get("pt_notes_documented") is False


@pytest.mark.parametrize("text", [
    "No mass on CXR; CXR report on file.",
    "No PT since March - the notes from the first course are attached.",
])
def test_a_preposition_still_ends_a_denial(text: str) -> None:
    got = read(text, "71250" if "CXR" in text else "64493")
    assert got.get("chest_images_documented", True) is True
    assert got.get("pt_notes_documented", True) is True


# --- a state said with how long it has lasted is so, whatever denial came before ----------
# (a nurse reads "no fever pregnant 20 wks" from a pasted list that lost its bullets as a
# pregnant patient: nobody is "not pregnant" for 20 weeks)

@pytest.mark.parametrize("text", [
    # a pre-procedure checklist pasted flat
    "Screening: no fever no rash pregnant 20 wks per midwife no bleeding disorder",
    # a text message
    "text from pt: no UTI pregnant at 11 wks",
])
def test_a_pregnancy_with_its_length_is_not_denied_by_another_denial(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "pregnant"


@pytest.mark.parametrize("text", [
    "Not pregnant.",
    "not pregnant, LMP 3 weeks ago",
    "She isn't pregnant - her last period was 2 weeks ago.",
])
def test_a_pregnancy_denied_is_still_denied(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"

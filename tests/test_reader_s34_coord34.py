"""Session 34, coordinator: Swahili puts a length's unit before its figure ("kwa miezi 5",
"physio wiki 6"). Unread as a length, the bare figure was taken as a pain score, and a
pain score "now" less the change said gave a false baseline (fresh37's dispensary referral,
a qualifying case, was denied so). Wordings are this file's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize(("text", "value"), [
    ("Historia: maumivu ya shingo (neck pain) kwa miezi 4.", "4 months"),
    ("Back pain radiating to the right leg kwa miezi 8.", "8 months"),
    ("Back pain kwa wiki 10, worse on stairs.", "10 weeks"),
])
def test_a_length_written_unit_first_is_a_length(text: str, value: str) -> None:
    assert read(text, "62311").get("symptom_weeks") == value


@pytest.mark.parametrize("text", [
    "Lumbar pain down the right leg (sciatica)\nkwa miezi 6. Worse by 2 points since PT.",
    "Neck pain for a while, miezi 7; NRS up 3.",
])
def test_a_unit_first_length_is_no_pain_score(text: str) -> None:
    got = read(text, "62311")
    assert "pain_nrs_baseline" not in got  # (had been the length less the change: 4)


def test_the_swahili_before_and_now_scores_are_read() -> None:
    got = read("Maumivu (NRS): kabla ya matibabu 4/10; sasa 7/10.", "62311")
    assert got.get("pain_nrs_baseline") == "4" and got.get("pain_nrs_increase") == "3"


@pytest.mark.parametrize("text", [
    "Mgonjwa miaka 41, back pain 6/10.",     # "miaka" (years) is an age, never read as a length
    "See the wiki 5 page for the PT protocol.",  # (no length: a page's number after a word)
])
def test_near_misses_read_no_length(text: str) -> None:
    assert "symptom_weeks" not in read(text, "62311")


# --- outside tester 34 F1, F3, F4: what a nurse types about a case already read -----------

_KNOWN = {"pt_weeks": "14 weeks", "active_infection": False}


def _said(text: str, pending: list[str] | None = None) -> dict[str, object]:
    got = understand(text, cpt="64493", pending=pending or [], as_of=date(2026, 12, 6),
                     known=_KNOWN)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize("text", [
    "just so you know, nothing worked - not the physio, not the pills",
    "None of it helped: not PT and not the naproxen.",
    "He failed everything: not PT, not NSAIDs, not the injections.",
    "Not PT, not meds - nothing helps.",
])
def test_not_x_not_y_after_all_care_failed_denies_no_care(text: str) -> None:
    # (each "not" had been a denial of the care: PT 14 weeks -> 0, a false denial)
    got = _said(text)
    assert not any(fact.startswith("pt_") for fact in got)


@pytest.mark.parametrize(("text", "fact"), [
    ("nothing new since then - no MRI, no X-rays", "ct_mri_date"),
    ("No repeat imaging since the summer: not X-ray, not MRI.", "xray_date"),
    ("no physio since September - not PT, not the home program", "pt_weeks"),
])
def test_a_list_of_what_was_not_done_since_keeps_what_was_done_before(text: str,
                                                                       fact: str) -> None:
    # (the studies and the therapy already read had become "never done" and 0 weeks)
    got = understand(text, cpt="64493", pending=[], as_of=date(2026, 12, 6),
                     known={**_KNOWN, "xray_date": "2026-05-04", "ct_mri_date": "2026-10-19"})
    assert fact not in {r.fact for r in got.facts}


def test_a_no_after_a_comma_still_denies_its_own_thing() -> None:
    # near miss: "no cough" in a "no fever since" sentence is the patient's denied cough
    got = read("No fever since Monday, no cough, no shortness of breath.", "71250")
    assert got.get("respiratory_symptoms") is not True


def test_care_denied_by_its_verb_is_still_a_denial() -> None:
    # near miss: "did not do PT" says no PT was done, whatever else failed
    assert _said("Nothing has worked, and she did not do PT.").get("pt_weeks") == "0"


@pytest.mark.parametrize("text", ["nothing conservative has worked",
                                  "none of them helped", "neither one has helped"])
def test_a_sentence_about_care_answers_no_comorbidity_question(text: str) -> None:
    assert "severe_comorbidities" not in _said(text, ["severe_comorbidities"])


@pytest.mark.parametrize("text", ["nothing", "none", "nothing significant", "neither"])
def test_a_plain_none_still_answers_the_comorbidity_question(text: str) -> None:
    assert _said(text, ["severe_comorbidities"]).get("severe_comorbidities") == []


@pytest.mark.parametrize("text", [
    "the UTI is Kim's, his sister's - the patient has no infection",
    "That infection was Omar's; the patient has none.",
])
def test_a_thing_given_to_a_named_person_is_not_the_patients(text: str) -> None:
    assert _said(text).get("active_infection") is not True


def test_a_thing_given_to_the_named_patient_is_the_patients() -> None:
    # near miss: the name is the patient's own
    got = understand("Patient: Maria Lopez. The UTI is Maria's, on Macrobid since Monday.",
                     cpt="64493", pending=[], as_of=date(2026, 12, 6))
    assert {r.fact: r.value for r in got.facts}.get("active_infection") is True


_FACET = (
    "Pain clinic note 11/30/2026. Mr. Aaltonen, 64, axial low back pain since 02/2025, 7/10 "
    "today. Physical therapy 05/04/2026-07/27/2026 (12 weeks): 6 weeks exercise and "
    "stretching, 3 weeks manual therapy with heat, 3 weeks pain education; no benefit. "
    "No infection."
)


def test_a_chat_keeps_its_therapy_and_its_no_infection(assistant_at) -> None:  # noqa: ANN001
    bot = assistant_at(date(2026, 12, 6))
    bot.send("c", "does this case qualify for 64493?")
    bot.send("c", _FACET)
    turn = bot.send("c", "to be clear, nothing conservative worked - not PT, not the meds")
    assert turn.facts["pt_weeks"]["value"] == 12
    turn = bot.send("c", "the UTI is Jen's, the daughter's - the patient has no infection")
    assert turn.facts["active_infection"]["value"] is False


# --- outside tester 34 F2: a dictation's "today" is the day it was dictated ---------------

@pytest.mark.parametrize("text", [
    "Dr. Osei dictating on 09 14 2026 for Mr. Hall. Full history and physical today; "
    "L4 radiculopathy on the left.",
    "Transcribed on 9 14 26 by voice recognition. H&P today: reflexes reduced at the "
    "left ankle.",
])
def test_a_dictations_today_is_not_the_day_of_the_check(text: str) -> None:
    # (read as 2026-12-06, an H&P within 30 days that was not)
    assert "hp_date" not in read(text, "62311")


@pytest.mark.parametrize(("text", "day"), [
    ("Dictated 09/14/2026. H&P today: reflexes reduced at the left ankle.", "2026-09-14"),
    ("History and physical today: reflexes reduced at the left ankle.", "2026-12-06"),
    # a dictation that gives no day of its own is read as it is checked
    ("Dr. Osei dictating a request for Mr. Hall. History and physical today; reflexes "
     "reduced at the left ankle.", "2026-12-06"),
])
def test_a_today_whose_day_is_said_is_still_read(text: str, day: str) -> None:
    assert read(text, "62311").get("hp_date") == day


# --- outside tester 34 F2: a day old images were read again or shown is not the study's ---

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Lumbar MRI 03/02/2026, re-read by Dr. Okafor 11/25/2026.", "64493", "ct_mri_date",
     "2026-03-02"),
    ("L-spine films 09/30/2025 reviewed again by Dr. Haddad 11/20/2026.", "64493", "xray_date",
     "2025-09-30"),
    ("MRI 02/11/2026 (images reviewed with the patient 11/21/2026).", "64493", "ct_mri_date",
     "2026-02-11"),
    ("PFTs 09/09/2025, results reviewed with him by pulmonology 11/24/2026.", "71250", "pft_date",
     "2025-09-09"),
])
def test_a_review_day_is_not_the_study_day(text: str, cpt: str, fact: str, day: str) -> None:
    # (the later day had been read: an old study passed as recent)
    assert read(text, cpt).get(fact) in (day, None)


@pytest.mark.parametrize("text", [
    "MRI by Dr. Lee 11/02/2026: facet arthropathy L4-5.",  # a study by someone, on its day
    "Lumbar MRI 11/02/2026 shows facet arthropathy at L4-5.",
])
def test_a_study_day_beside_a_name_is_still_read(text: str) -> None:
    assert read(text, "64493").get("ct_mri_date") == "2026-11-02"


# --- outside tester 34 F3: a month-old fever is not the highest recent reading -----------

@pytest.mark.parametrize("text", [
    "T 38.3 C at the 11/02 clinic visit.",
    "Last fever 11/03 (38.5 C).",
    "Febrile to 38.2 C in early November.",
])
def test_a_fever_dated_weeks_back_is_not_read_as_now(text: str) -> None:
    # (read over today's normal temperature: a qualifying chest CT denied)
    assert "body_temperature" not in read(text, "71250")


def test_todays_temperature_wins_over_a_month_old_one() -> None:
    got = read("Vitals today: T 36.9 C, HR 96. T 38.3 C at the 11/02 clinic visit.", "71250")
    assert got.get("body_temperature") == "36.9 C"


@pytest.mark.parametrize(("text", "value"), [
    ("T 38.7 C at the 12/05 evening check.", "38.7 C"),  # yesterday: recent
    ("Tmax 38.6 C overnight, now 37.4 C.", "38.6 C"),
])
def test_a_recent_fever_is_still_read(text: str, value: str) -> None:
    assert read(text, "71250").get("body_temperature") == value

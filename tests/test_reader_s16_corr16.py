"""Later text replaces earlier (session 16, corr16): a section that says it is later or
authoritative (an attending's attestation, an addendum, a late entry) replaces what the text
before it said of the same fact, and only that; what it does not speak to is still read
from the earlier part (``agent/reading/supersede.py``). fresh19 read the PA's value under
an attestation that corrected it. Corpus inputs, wordings written by the fixer (a fax, a
phone note, an e-mail, a chat answer, a form), and wordings the rule must still read."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str, as_of: date = AS_OF) -> dict[str, object]:
    u = understand(text, cpt=cpt, pending=[], as_of=as_of)
    return {r.fact: r.value if isinstance(r.value, list) else str(r.value) for r in u.facts}


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # f19-62311-attest-rescored-odi: the PA's "no significant change" was read
    ("62311", "PA-C: ODI 52% today vs 50% on 10/20/2026 (six weeks ago) - no significant "
     "change.\nATTENDING ATTESTATION: The ODI was scored incorrectly; today's questionnaire "
     "totals 38%. So 50% -> 38% over the last six weeks: significant improvement in "
     "function, even though her leg pain is worse.", "functional_assessment_6_weeks",
     "improved"),
    # f19-97110-attest-xray-hip-removed: the PA's "3 sets" was read
    ("97110", "PA-C: 3 sets of L-spine X-rays (01/2025, 06/2026, 10/14/2026).\nATTENDING "
     "ATTESTATION: Correction - the 01/2025 films were of the pelvis/hip. Two sets of lumbar "
     "spine films, the latest 10/14/2026.", "xray_sets", "2"),
    # my own wordings: a faxed resident note, an e-mail, a late entry in a phone log, a
    # shared visit written on one line
    ("97110", "Resident note: pain 8/10 at rest.\nAttending addendum 12/01/2026: I "
     "re-examined her; pain is 4/10 today.", "pain_nrs", "4"),
    ("97110", "Scribe wrote: X-rays: none. Attestation (Dr. Moss): two sets of knee X-rays, "
     "05/01/2026 and 10/20/2026.", "xray_sets", "2"),
    ("64493", "NP phone note 11/30: member says PT was 6 weeks. Late entry 12/02: PT records "
     "received, 12 weeks of PT completed.", "pt_weeks", "12 weeks"),
    ("64493", "PA note: pain 3/10 today. Attending attestation: I agree with the PA's "
     "findings except pain is 7/10 when I examined her.", "pain_nrs", "7"),
    ("64493", "Shared visit. PA: symptoms x 4 weeks. Attending attestation: history reviewed; "
     "symptoms actually date to 03/2026 (about 9 months).", "symptom_weeks", "9 months"),
])
def test_an_attestation_or_addendum_replaces_the_earlier_value_of_its_fact(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "want"), [
    # f19-97110-attest-chf-is-husbands: the PA's CHF was read though the attending gave it
    # to the husband and denied every illness
    ("97110", "PA-C: PMH - CHF, severe (EF 25%).\nATTENDING ATTESTATION: Correction - the CHF "
     "is her husband's (he was in the room). She has no heart disease and no other medical "
     "problems.", []),
    ("97110", "Hx: ESRD on dialysis.\nCorrection: the ESRD was her husband's; she has no "
     "kidney disease and no other medical problems.", []),
    # what the section does not speak to is still read: it denies the heart, not the kidney
    ("97110", "PMH: CHF (EF 20%), ESRD on HD.\nAttestation: she has no heart disease; the CHF "
     "was her husband's.", ["esrd"]),
])
def test_a_later_section_replaces_only_the_set_members_it_speaks_to(
        cpt: str, text: str, want: list[str]) -> None:
    assert read(text, cpt).get("severe_comorbidities") == want


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # the attestation speaks of pain only: the PA's PT length still holds
    ("64493", "PA note: pain 7/10, PT 8 weeks. Attending attestation: agree, pain 6/10.",
     "pt_weeks", "8 weeks"),
    ("64493", "PA note: pain 7/10, PT 8 weeks. Attending attestation: agree, pain 6/10.",
     "pain_nrs", "6"),
    # an addendum about another fact leaves the original's value
    ("97110", "Office note 10/02/2026: knee pain 6/10, 2 sets of knee X-rays.\nADDENDUM "
     "10/05/2026: MRI knee 10/04/2026 shows a meniscal tear.", "pain_nrs", "6"),
    # no section: two voices in plain sentences are still asked, not the later one taken
    ("64493", "Pain 7/10 per the PA. Pain 4/10 per Dr. Lee.", "pain_nrs", None),
])
def test_what_a_later_section_does_not_speak_to_is_still_read(
        cpt: str, text: str, fact: str, value: str | None) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "not_value"), [
    # a section's value said to add to the earlier one replaces nothing
    ("64493", "PT 8 weeks at clinic A. Addendum 12/01: she also did 4 weeks of PT at home.",
     "pt_weeks", "4 weeks"),
    # an ED addendum's temperature is one more reading of a fact asked as the highest
    # (f15-71250-note-ems-run-sheet-bacterial-pneumonia)
    ("71250", "EMS 11/28: SpO2 86% on room air, T 37.9 C.\nED PHYSICIAN ADDENDUM (11/28/2026, "
     "09:15): vitals as above plus ED set (T 37.8 C, HR 118).", "body_temperature", "37.8 C"),
])
def test_a_later_section_that_adds_a_value_does_not_replace_the_earlier(
        cpt: str, text: str, fact: str, not_value: str) -> None:
    assert read(text, cpt).get(fact) != not_value


@pytest.mark.parametrize("text", [
    "PT 12 weeks; see addendum below for the MRI.\nPT 10 weeks per the PT note.",
    "PT 12 weeks, see the addendum: it has the MRI.\nPT 10 weeks per the PT note.",
])
def test_a_section_word_inside_a_sentence_opens_no_section(text: str) -> None:
    # ("see addendum" opens no section, nor does "addendum:" mid-sentence: the lengths
    # stay rivals, asked)
    assert read(text, "64493").get("pt_weeks") != "10 weeks"


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # outside tester session 15 F8: "today" in a note its heading dates was read as ours
    ("62311", "Clinic visit 10/15/2026 Dr. Haas. L5 radiculopathy. H&P today with neuro exam.",
     "hp_date", "2026-10-15"),
    ("71250", "Pulm clinic 11/02/2025, Dr. Sato. PFTs today: FEV1 66% predicted.",
     "pft_date", "2025-11-02"),
    # f19-64493-note-merged-chart-meets: a title with the patient after a dash, and another
    # patient's line (blanked) between it and the "today"
    ("64493", "** HIM NOTICE 12/03/2026: lines tagged [OTHER PT] are another patient's. **\n\n"
     "PAIN CLINIC FOLLOW-UP 11/30/2026 - Marisol Vega, 45 y/o woman - Dr. S. Iyer\n"
     "Chronic low back pain since 11/18/2025. NRS 6/10 today.\n"
     "[OTHER PT] Neck pain 9/10; fever 38.4 C on arrival.\n"
     "Full H&P performed today (history, ROS, neuro exam).", "hp_date", "2026-11-30"),
    # my own wordings: a faxed consult, a form's title line
    ("64493", "Spine consult 11/02/2026 Dr. Okafor (PM&R). H&P today, neuro intact.",
     "hp_date", "2026-11-02"),
    ("62311", "ORTHO SPINE FOLLOW-UP 11/20/2026 - J. Ruiz, 61M - Dr. Lam\nL5 radiculopathy.\n"
     "H&P today, full neuro exam.", "hp_date", "2026-11-20"),
    # still read as ours where nothing heads the note
    ("62311", "L5 radiculopathy. H&P today with neuro exam.", "hp_date", "2026-12-03"),
])
def test_today_in_a_note_its_heading_dates_is_the_heading_s_day(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("text", "value"), [
    # outside tester session 15 F6: the signed note's 3 weeks were read under an addendum
    ("Note signed 05/10/2026: LBP x 3 weeks. Addendum 11/30/2026: symptoms persist, now about "
     "7 months.", None),
    # my own: a clinic's late entry, a re-signed e-mailed note
    ("Visit note signed 04/01/2026: low back pain x 2 weeks.\nLate entry 11/28/2026: back pain "
     "continues, worse with sitting.", None),
    # one dated note alone: its length is read
    ("Note signed 11/28/2026: LBP x 14 weeks.", "14 weeks"),
])
def test_a_length_in_a_signed_note_an_addendum_follows_is_asked(
        text: str, value: str | None) -> None:
    assert read(text, "64493").get("symptom_weeks") == value


@pytest.mark.parametrize(("cpt", "text", "as_of", "fact", "value"), [
    # f19-71250-24h-hfnc-wean: the first entry's FiO2 50% was read over the wean to 40%
    ("71250", "12/05 1900  HFNC 40 L/min, FiO2 50%, SpO2 91%.\n12/06 0400  weaned to HFNC 30 "
     "L/min, FiO2 40%, SpO2 93%. RT to continue weaning.", date(2026, 12, 6), "fio2_percent",
     "40"),
    # my own: an RT flowsheet pasted with times, a nurse's log with full dates
    ("71250", "11/30 08:00 on 6 L NC, FiO2 44%.\n12/01 08:00 on 2 L NC, FiO2 28%.",
     AS_OF, "fio2_percent", "28"),
    ("71250", "11/29/2026 22:00 NRB, FiO2 60%\n11/30/2026 06:00 venturi mask FiO2 35%",
     AS_OF, "fio2_percent", "35"),
    # a series of spans of days is no timed series: lengths are not replaced
    ("64493", "04/06-05/29 PT 2x/wk (8 wks)\n06/01-07/20 PT 2x/wk (7 wks)", AS_OF, "pt_weeks",
     None),
])
def test_the_latest_entry_of_a_timed_series_holds_for_a_fact_of_now(
        cpt: str, text: str, as_of: date, fact: str, value: str | None) -> None:
    assert read(text, cpt, as_of).get(fact) == value


def test_a_later_entry_after_a_treatment_does_not_settle_a_figure_it_changes() -> None:
    # f19-71250-24h-pain-around-morphine: the pain after morphine is the drug's effect
    text = ("12/05 1300  pleuritic R-sided chest pain 7/10 with deep breaths.\n12/05 1330  "
            "morphine 2 mg IV.\n12/05 1400  pain 3/10, resting comfortably.")
    assert read(text, "71250", date(2026, 12, 6)).get("pain_nrs") is None

"""Clinical findings and their scope (session 21, findings21): a finding named inside a
denial of any shape is not present ("clear of", "no longer seen", "no longer antalgic"); ...
Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a finding inside a denial of another shape -----------------------------------------------

@pytest.mark.parametrize("text", [
    # a letter
    "Her follow-up chest radiograph of last week is clear of consolidation and effusion.",
    # a terse result line
    "CXR 12/01: lungs clear of any infiltrate.",
    # a report's impression, the finding gone
    "IMPRESSION: The right lower lobe infiltrate is no longer seen.",
    # a progress note, the finding clearing
    "Repeat film shows interval clearing of the left basilar consolidation.",
    # a chat reply
    "the effusion is no longer visible on the new xray",
])
def test_a_lung_finding_said_clear_or_gone_is_no_sign(text: str) -> None:
    assert read(text, "71250").get("pulmonary_disease_signs") is None


@pytest.mark.parametrize("text", [
    "Incision clear of infection; no drainage.",
    "Injection site inspected - cleared of infection per wound clinic.",
    "Skin over L4-5 clear of any infection today.",
])
def test_a_site_said_clear_of_infection_denies_the_infection(text: str) -> None:
    assert str(read(text, "64493").get("active_infection")) == "False"


@pytest.mark.parametrize("text", [
    "Gait no longer antalgic since the last block.",
    "PT re-eval: gait no longer shuffling, walks unaided.",
    "On review today her balance is no longer unsteady.",
    "gait no longer guarded per PT",
])
def test_a_gait_word_no_longer_so_is_no_impaired_gait(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is not True


# --- gait and balance: what an order says, what nobody assessed, a box not ticked ----------

@pytest.mark.parametrize("text", [
    # a radiology report's history from the requisition
    'MRI BRAIN 11/30/2026\nCLINICAL HISTORY: 81M, two falls, "unsteady gait" per requisition.\n'
    "IMPRESSION: Chronic small vessel change.",
    # an indication line
    "XR HIP 2 VIEWS\nIndication: fall, antalgic gait\nFindings: no fracture.",
    # a scheduler's note of the order's reason
    "Order reason: rule out fracture; abnormal gait per referral.",
])
def test_the_reason_an_order_gives_is_no_assessment_of_gait(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is None


@pytest.mark.parametrize("text", [
    # a daughter's account
    "Since her stroke she uses a walker and shuffles a bit, but nobody has tested her balance.",
    # a terse note
    "Since the fall he uses a cane, but nobody has checked his gait.",
    # a nurse's relay, the finding word after the cue
    "Ambulates with a cane and is unsteady at times per wife, but balance has never been tested.",
])
def test_a_gait_or_balance_nobody_assessed_is_asked(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is None


@pytest.mark.parametrize("text", [
    "Pain:  now __6__/10\nROM:  ☑ decreased         Gait/balance:  ☐ impaired   ☑ normal\n"
    "Infection?  ☐ Y  ☒ N",
    "Vitals ok\nROM:  ☑ limited     Gait/balance:  ☐ impaired   ☑ normal\nFever?  ☐ Y  ☒ N",
    "Flexion ☑ reduced    Balance ☐ poor   ☑ good\nGait ☐ abnormal ☑ normal",
])
def test_a_finding_word_beside_an_unticked_box_is_not_the_answer(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is not True


@pytest.mark.parametrize("text", [
    "Gait/balance:  ☑ impaired   ☐ normal",
    "Exam: gait antalgic, uses a cane.",
])
def test_a_ticked_or_examined_impaired_gait_is_still_read(text: str) -> None:
    assert str(read(text, "64493").get("impaired_balance_gait")) == "True"


# --- a denial of what the care did is no denial of the care ------------------------------------

@pytest.mark.parametrize("text", [
    # the tester's shape in other words
    "Neither physio nor the pain medications helped her; she never tried any lifestyle changes.",
    # a terse line
    "Neither PT nor NSAIDs gave relief. Weight loss: never tried.",
    # a letter
    "Unfortunately neither the physiotherapy nor her pain medications have helped, and she "
    "has not tried lifestyle changes.",
    # a chat reply
    "neither pt nor meds worked, lifestyle stuff never tried",
])
def test_neither_treatment_helping_says_both_were_tried(text: str) -> None:
    got = read(text, "62311")
    assert got.get("conservative_treatments") != []
    assert "physical_therapy" in str(got.get("conservative_treatments", "physical_therapy"))


@pytest.mark.parametrize("text", [
    "PT and medication both failed; never tried lifestyle changes or anything else.",
    "Failed PT and medication; no lifestyle changes tried.",
])
def test_medication_in_the_singular_is_medication_management(text: str) -> None:
    got = read(text, "62311")
    assert "medication_management" in str(got.get("conservative_treatments"))


# --- a birth long enough ago may be past the postpartum time ------------------------------------

@pytest.mark.parametrize("text", [
    "Patient delivered twins 6 months ago and has had back pain since.",
    "Gave birth to her daughter 5 months ago; breastfeeding.",
    "31F, delivered 04/2026 (SVD), neck pain since the pregnancy.",
    "She delivered her son about 8 months ago.",
])
def test_a_birth_months_back_is_asked_not_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is None


@pytest.mark.parametrize("text", [
    "She delivered 5 weeks ago; low back pain since.",
    "Pt is 6 wks postpartum (SVD 10/24/2026).",
    "fourteen weeks postnatal, pelvic girdle pain",
    # the writer's own word for the state, with its length
    "She is 6 months postpartum (baby born in May), not pregnant.",
])
def test_a_recent_birth_is_still_postpartum(text: str) -> None:
    assert str(read(text, "97110").get("postpartum")) == "True"


# --- a severity said of one episode is not the disease's ---------------------------------------

@pytest.mark.parametrize("text", [
    "Addendum: back in today with a severe COPD exacerbation, on BiPAP in step-down.",
    "10/30 admitted - severe COPD flare, required NIV.",
    "Readmitted today: severe COPD exacerbation, BiPAP overnight.",
    "Member admitted 11/20 with severe COPD exacerbation requiring ICU.",
])
def test_a_severe_exacerbation_is_no_severe_copd(text: str) -> None:
    assert "copd" not in str(read(text, "71250").get("severe_comorbidities"))


@pytest.mark.parametrize("text", [
    "Severe COPD (GOLD 4) on 2 L home O2.",
    "Comorbidities: severe COPD with frequent exacerbations.",
])
def test_a_severe_copd_is_still_read(text: str) -> None:
    assert "copd" in str(read(text, "71250").get("severe_comorbidities"))


# --- today's score said unrecorded: an older visit's figure is no current one ------------------

@pytest.mark.parametrize("text", [
    "Infusion RN: hip pain 6/10 at the 11/02 session. Today's pain score not recorded, pt "
    "sleeping.",
    "Last PT visit (11/20) NRS 5. Pain today: not recorded.",
    "pain was a 7/10 last time she came in - pain score was not obtained today",
])
def test_an_earlier_score_beside_an_unrecorded_one_is_asked(text: str) -> None:
    assert read(text, "97110").get("pain_nrs") is None


# --- a lung sign of an episode written up at its end ---------------------------------------------

@pytest.mark.parametrize("text", [
    "DISCHARGE SUMMARY 11/30/2026\nAdmitted 11/24 with CAP; CXR 11/24 showed LLL consolidation. "
    "Treated with IV ceftriaxone, discharged on oral cefuroxime.",
    "Transfer summary 12/02/2026: CXR 12/01 bilateral infiltrates; transferred for ECMO "
    "evaluation.",
    "After visit summary - you were treated for pneumonia; your chest x-ray showed an infiltrate "
    "in the right lung.",
])
def test_a_lung_sign_in_a_note_written_at_the_episodes_end_is_asked(text: str) -> None:
    assert read(text, "71250").get("pulmonary_disease_signs") is None

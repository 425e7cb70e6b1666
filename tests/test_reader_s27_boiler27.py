"""Text that names no state of this patient (session 27, boiler27): a rule said of a class
of patients, an instruction the patient is given, a checklist's or a plan's list of what
to check, and a figure the same line calls an error. Wordings are this file's own, in
several voices (a consent form, a discharge leaflet, a phone script, a clinic's intranet
page, a fax cover, a Canadian clinic's form, a flowsheet, a handover)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a rule about a class of patients or an instruction to report is no finding -----------
# (a nurse reading a consent form's "must tell us if pregnant" does not chart a pregnancy)

@pytest.mark.parametrize("text", [
    # a consent form's small print
    "Women who are or may be pregnant must tell the doctor before the procedure.",
    # a discharge leaflet
    "After your injection: report any fever, infection or possible pregnancy to the clinic.",
    # a clinic's intranet page pasted in
    "Epidural steroid injections are contraindicated during pregnancy and with systemic infection.",
    # a phone script
    "Anyone with an infection or a pregnancy: please let us know if your plans change.",
    # an order set's banner
    "Lumbar ESI not recommended in pregnancy; defer until postpartum.",
])
def test_a_rule_or_an_instruction_reads_no_pregnancy_or_infection(text: str) -> None:
    got = read(text, "62311")
    assert "pregnancy" not in got
    assert "active_infection" not in got


@pytest.mark.parametrize("text", [
    # a radiology booking form
    "Scanner policy reminder - CT avoided in pregnancy unless the benefit outweighs the risk.",
    # a pulmonary clinic's letter footer
    "Patients on home oxygen or with a fever of 38 C or more must call before the appointment.",
])
def test_a_ct_rule_reads_no_pregnancy(text: str) -> None:
    got = read(text, "71250")
    assert "pregnancy" not in got
    assert "body_temperature" not in got


@pytest.mark.parametrize("text", [
    # a therapist's handover sheet
    "PT protocol: hold the session and call the doctor for chills or any sign of infection.",
    # a home-exercise leaflet
    "Tell us about any new infection before your next visit.",
])
def test_an_instruction_about_infection_reads_none(text: str) -> None:
    got = read(text, "97110")
    assert "active_infection" not in got


# --- a checklist or a plan's exclusions list what was checked, not what was found ----------

@pytest.mark.parametrize("text", [
    # a fax cover's checklist
    "Pre-op checklist gone over with pt: anticoagulants, infection, pregnancy, latex allergy.",
    # an ASC's intake
    "Safety checklist completed by RN: pregnancy, infection, bleeding risk.",
    # a payer portal's paste
    "Exclusions per policy: active infection; pregnancy; cosmetic indications.",
])
def test_a_checklist_or_a_plans_exclusions_read_no_yes(text: str) -> None:
    got = read(text, "62311")
    assert got.get("pregnancy") != "pregnant"
    assert got.get("active_infection") is not True
    assert got.get("cosmetic_purpose") is not True


def test_a_plans_exclusion_list_reads_no_cosmetic_purpose() -> None:
    got = read("Exclusions under the plan: infection, pregnancy, cosmetic reasons.", "97110")
    assert got.get("cosmetic_purpose") is not True
    assert got.get("cosmetic_only") is not True


# --- guards: the patient's own state, said beside such text, is still read -----------------

@pytest.mark.parametrize("text", [
    "Patients with a pregnancy must tell staff. She is 11 weeks pregnant by LMP.",
    "ESI contraindicated in pregnancy; she is pregnant (positive hCG 12/01), so we defer.",
    "Checklist reviewed with patient: she is 16 weeks pregnant.",
    "Pt states she is pregnant.",
])
def test_the_patients_own_pregnancy_is_still_read(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "pregnant"


@pytest.mark.parametrize("text", [
    "Pt has a UTI, on nitrofurantoin since Tuesday.",
    "Called in today with fever and a draining wound - cellulitis, on Keflex.",
])
def test_the_patients_own_infection_is_still_read(text: str) -> None:
    assert read(text, "62311").get("active_infection") is True


def test_a_contraindication_list_answered_none_is_still_a_denial() -> None:
    got = read("Contraindications: none. Not pregnant.", "62311")
    assert got.get("pregnancy") == "not_pregnant"


# --- a figure the same line calls an error is no reading ---------------------------------
# (a nurse who sees "38.4 - probe error" does not deny on 38.4: the corrected figure, or ask)

@pytest.mark.parametrize("text", [
    # a flowsheet row
    "Temp 38.8 C (ear thermometer malfunctioning); oral recheck 36.7 C.",
    # a handover
    "temp 38.4 - spurious reading, rechecked orally 36.6",
    # a Canadian clinic's form
    "Temperature: 39.1 C - wrong, entered for the previous patient. Retaken 36.9 C.",
])
def test_a_temperature_called_an_error_is_not_read(text: str) -> None:
    got = read(text, "71250")
    assert got.get("body_temperature") not in ("38.8 C", "38.4 C", "39.1 C")


@pytest.mark.parametrize("text", [
    "WBC 18,900 (erroneous - hemolysed sample); repeat 7,900.",
    "FEV1 90% (erroneous - wrong height entered); repeat spirometry FEV1 61% predicted.",
])
def test_a_lab_figure_called_an_error_is_not_read(text: str) -> None:
    got = read(text, "71250")
    assert got.get("wbc_count") not in (18900, "18900")
    assert got.get("fev1_percent_predicted") not in (90, "90")


@pytest.mark.parametrize("text, fact, value", [
    ("T 38.9 C - no error, repeated and confirmed.", "body_temperature", "38.9 C"),
    ("Temp 38.6 C, rechecked, same.", "body_temperature", "38.6 C"),
])
def test_a_figure_whose_error_is_denied_is_still_read(text: str, fact: str, value: str) -> None:
    assert read(text, "71250").get(fact) == value


# --- a grade said at the start of care, beside a later one, is not today's -----------------
# (a nurse reading "moderate at intake; mild now" does not send "moderate" to the payer)

@pytest.mark.parametrize("text, old", [
    # a PT re-evaluation
    ("FABQ moderate on intake (05/2026), mild at re-eval.", "moderate"),
    # a case manager's e-mail
    ("moderate functional limitation at the initial visit 04/02/2026, better since.", "moderate"),
    # a chiropractor's letter
    ("Severe disability at initial eval 05/2026; currently mild.", "severe"),
])
def test_a_grade_at_intake_is_not_todays(text: str, old: str) -> None:
    assert read(text, "97110").get("functional_impairment") != old


@pytest.mark.parametrize("text, grade", [
    ("FABQ moderate today.", "moderate"),
    ("Initial evaluation today - QuickDASH 55, moderate impairment.", "moderate"),
])
def test_todays_grade_is_still_read(text: str, grade: str) -> None:
    assert read(text, "97110").get("functional_impairment") == grade

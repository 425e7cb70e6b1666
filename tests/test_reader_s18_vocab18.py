"""Clinical words and the inferences a nurse makes (session 18, vocab18). An infection named
by its kind ("a boil", "acute cystitis") or by the antibiotic being taken for it ("on
Keflex since Tuesday") is an active infection; a course the message says ended, an
allergy to the drug or a teaching of infection's warning signs is none. Wordings are the
fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# --- infections named by their kind or by the antibiotic being taken ----------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Patient has a furuncle on the back of her neck, lanced at urgent care on Monday.", "62311"),
    ("Skin check: large boil L axilla, tender, draining.", "64493"),
    ("Dx: acute cystitis. Plan: push fluids.", "97110"),
    ("He has impetigo around the mouth per the school nurse.", "97110"),
    ("ED 12/01: pyelonephritis, admitted.", "62311"),
])
def test_infection_named_by_its_kind(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is True


@pytest.mark.parametrize(("text", "cpt"), [
    ("Currently on doxycycline for an ingrown toenail, day 4 of 10.", "97110"),
    ("Started Macrobid yesterday per urgent care.", "62311"),
    ("pt taking amoxicillin since Saturday", "64493"),
    ("MEDS: cephalexin 500 mg PO QID (started 11/30), lisinopril 10 mg daily", "62311"),
    ("She says the walk-in clinic gave her antibiotics two days ago.", "64493"),
])
def test_antibiotic_being_taken_is_an_infection(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is True


@pytest.mark.parametrize(("text", "cpt"), [
    # guards of the new reading: a course said finished, in another sentence of the message
    ("Bactrim DS x3d started 11/20. 11/24: she finished the Bactrim, repeat dip clean.",
     "62311"),
    ("Keflex started 11/02 for the toe. Phone f/u: all done with the antibiotics, "
     "toe has healed.", "64493"),
    ("Cipro x 7 days for prostatitis in October. Antibiotics completed 10/20.", "64493"),
    # an allergy is no course
    ("Allergies: cephalexin (hives), latex.", "62311"),
    ("ALLERGIC TO: Bactrim - rash", "97110"),
    # a prophylaxis is no infection
    ("Cefazolin 2 g IV for surgical prophylaxis before the procedure.", "62311"),
    # a teaching of the warning signs of infection
    ("Pt taught back infection warning signs and when to call.", "62311"),
    ("Educated on signs of infection at the injection site.", "64493"),
])
def test_no_current_infection_read(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is not True


def test_course_still_to_finish_is_current() -> None:
    got = read("Temp 38.2. Nitrofurantoin started today; reschedule the ESI after the abx "
               "course is complete.", "62311")
    assert got.get("active_infection") is True


@pytest.mark.parametrize(("text", "cpt"), [
    ("Screen: no fevers, not on antibiotics, no UTI symptoms.", "62311"),
    ("Not on abx, no UTI.", "64493"),
])
def test_antibiotics_denied_with_another_kind_is_a_screen(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is False


def test_antibiotics_denied_alone_is_asked() -> None:
    assert "active_infection" not in read("Not on antibiotics.", "62311")


# The later of two dated entries holds though it names the infection twice (its kind and
# its antibiotic are one rival to the earlier entry, not two).
@pytest.mark.parametrize("text", [
    "10/30/2026: afebrile, no infection.\n11/28/2026: cystitis, on Macrobid since yesterday.",
    "11/02/2026 - no active infection\n11/30/2026 - cellulitis L shin, started Keflex",
])
def test_later_entry_with_kind_and_antibiotic_holds(text: str) -> None:
    assert read(text, "62311").get("active_infection") is True


# A caller's own clause runs on past a comma into a clause with no subject of its own:
# the antibiotic there is the caller's too.
@pytest.mark.parametrize("text", [
    "Caller: patient's wife. She has strep throat, on amoxicillin since Sunday. He is "
    "fine, back pain the same.",
    "Son on the phone about his mother. He has a boil on his leg, taking Bactrim. Her "
    "injection is Monday.",
])
def test_callers_antibiotic_is_the_callers(text: str) -> None:
    assert read(text, "64493").get("active_infection") is not True


# --- an empty or closed list of comorbidities ---------------------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Medical conditions: none.", "62311"),
    ("PMH neg. NKDA.", "64493"),
    ("Comorbs: none significant", "97110"),
    ("Any major health problems? None.", "62311"),
    # the members named are said not severe, right after a comma; the rest closed
    ("HTN, well managed by her PCP. No other health problems.", "64493"),
    ("DM2, diet controlled; no other sig comorbs.", "62311"),
    ("Hypothyroid, under good control. No other conditions.", "97110"),
    ("Asthma, not considered severe by pulm. No other medical history.", "64493"),
])
def test_empty_or_closed_comorbidity_list(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("severe_comorbidities")) == "[]"


@pytest.mark.parametrize(("text", "cpt"), [
    # a denial of the members named after the label is no empty list
    ("past medical history negative for diabetes, negative for COPD", "64493"),
    # the remark after the comma is another condition's
    ("DM2, HTN (controlled). No other conditions.", "62311"),
    ("T2DM, A1c 10.9, uncontrolled. No other medical problems.", "62311"),
    ("PMH: HTN, DM2 on insulin.", "64493"),
])
def test_comorbidity_list_not_read_empty(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("severe_comorbidities")) != "[]"


# --- postpartum said, and said not --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "No pregnancy or delivery in the past year; urine hCG negative today.",
    "She hasn't given birth recently, youngest is in high school.",
    "Intake: no baby in the last year.",
    "36F, nulliparous, LMP 11/20.",
    "Given birth in the past 6 months: no",
])
def test_not_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is False


@pytest.mark.parametrize("text", [
    "I had my daughter on November 2nd, by C-section, and I'm nursing.",
    "Pt had her baby 10/30/2026, vaginal delivery, no complications.",
])
def test_postpartum_in_the_patients_words(text: str) -> None:
    assert read(text, "97110").get("postpartum") is True


@pytest.mark.parametrize("text", [
    "Her sister had a baby last month.",
    "Hx C-section 2015.",
    "Pharmacy delivery of her meds came today.",
])
def test_no_postpartum_read(text: str) -> None:
    assert read(text, "97110").get("postpartum") is not True


# --- the response to a bronchodilator ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Given albuterol neb x2 in triage with good relief of her wheezing.",
    "Ventolin helps when she gets tight.",
    "Relief with salbutamol, now speaking full sentences.",
])
def test_bronchodilator_that_helped_has_not_failed(text: str) -> None:
    assert read(text, "71250").get("bronchodilator_failed") is False


@pytest.mark.parametrize("text", [
    "DuoNeb x2, no change in work of breathing.",
    "Back-to-back albuterol nebs, wheeze unchanged.",
    "Albuterol used to help, but lately it has not helped at all.",
])
def test_bronchodilator_with_no_change_failed(text: str) -> None:
    assert read(text, "71250").get("bronchodilator_failed") is True


@pytest.mark.parametrize("text", [
    "Her albuterol helps a little bit.",
    "Salbutamol gives some relief, partially.",
    "Albuterol PRN; knee pain improved with PT.",
])
def test_bronchodilator_response_in_part_or_of_another_thing_is_asked(text: str) -> None:
    assert "bronchodilator_failed" not in read(text, "71250")


# --- a musculoskeletal condition named by its diagnosis, its repair or the patient --------

@pytest.mark.parametrize("text", [
    "L wrist ORIF 09/15, stiff, therapy requested for ROM.",
    "Knee flexion contracture after the burn, limits stairs.",
    "Recurrent R shoulder dislocation, apprehension with abduction.",
    "Pt says her elbow hurts lifting the kettle.",
    "Grade 1 spondylolisthesis L5-S1 per ortho.",
])
def test_musculoskeletal_condition_named(text: str) -> None:
    assert read(text, "97110").get("musculoskeletal_condition") is True


# --- a consult described, then said on file later in its sentence ---------------------------

@pytest.mark.parametrize("text", [
    "Referral from Dr. Osei (sports medicine); his consult note on the patellar tendinopathy, "
    "which recommends eccentric loading, is attached.",
    "Orthopaedics (Dr. Lund): consult from 11/04 recommending PT twice weekly is in the chart.",
])
def test_consult_described_then_on_file(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    "Ortho (Dr. Lund): consult note requested, and the PCP letter is attached.",
    "PCP referral; her consult note about the knee is attached.",
])
def test_consult_not_said_on_file(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is not True

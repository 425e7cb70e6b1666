"""False facts the outside tester found in session 11 (and session 10) about what a
sentence means: a threshold the sentence says was not reached, who a finding is about,
what a word refers to (evals/reader/outside/session11-findings.md). One named test
each, with the tester's exact inputs and wordings of the same meaning written by the
fixer (fixr, session 12). Readings go through :func:`agent.reading.understand` under the
policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# F15: "Member has not completed at least 12 weeks of physical therapy." read 12 weeks of
# PT: the criterion the sentence says is failed was shown met.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Member has not completed at least 12 weeks of physical therapy.", "pt_weeks"),
    ("64493", "She did not complete at least 12 weeks of PT.", "pt_weeks"),
    ("64493", "Has not completed 12 weeks of PT.", "pt_weeks"),
    ("62311", "Patient has not had at least 12 weeks of conservative treatment.",
     "conservative_weeks"),
    ("97110", "Symptoms have not persisted for at least 6 weeks.", "symptom_weeks"),
    # my own wordings
    ("64493", "He never finished the 8 weeks of physical therapy.", "pt_weeks"),
    ("64493", "She hasnt done a full 6 weeks of PT.", "pt_weeks"),
    ("62311", "Pt hasn't tried the required 12 weeks of conservative care yet.",
     "conservative_weeks"),
])
def test_a_figure_the_sentence_says_was_not_reached_is_asked(cpt: str, text: str,
                                                              fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize("text", [
    "No relief after 12 weeks of PT.",
    "Has not had relief from 12 weeks of PT.",
    "Did not improve with 12 weeks of PT.",
    "Pain not controlled despite 12 weeks of PT.",
])
def test_a_figure_after_a_denied_outcome_is_still_what_was_done(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "12 weeks"


def test_a_threshold_not_reached_is_no_denial_of_any_care() -> None:
    facts = read("She hasnt done a full 6 weeks of PT.", "64493")
    assert "pt_weeks" not in facts and "pt_courses_failed" not in facts


# F16: a denial letter's "Denied under exclusion 2: Pregnancy." read not pregnant (the
# payer's "Denied" taken for the patient denying it): the reason a payer denied is
# the payer's claim, asked, never read as the exclusion ruled out.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "Denied under exclusion 2: Pregnancy.", "pregnancy"),
    ("62311", "Denied under exclusion criterion 1: Active Infections.", "active_infection"),
    ("64493", "Denied under exclusion 3: Severe Comorbidities.", "severe_comorbidities"),
    ("64493", "Denied under exclusion criterion 5: Cosmetic Indications.", "cosmetic_purpose"),
    ("97110", "Denied under exclusion 5: cosmetic purposes only.", "cosmetic_only"),
    # my own wordings
    ("62311", "Request denied pursuant to exclusion 2 (pregnancy).", "pregnancy"),
    ("64493", "Authorization denied per exclusion 1: active infection.", "active_infection"),
    ("64493", "The injection was denied in accordance with exclusion 5, cosmetic indications.",
     "cosmetic_purpose"),
])
def test_the_reason_a_payer_denied_is_not_the_patient_denying_it(cpt: str, text: str,
                                                                 fact: str) -> None:
    assert fact not in read(text, cpt)


# F7: "Denies history of difficult intubation." read no medical history on file (a final
# denial of 62311.documentation.1.1): a denied history of something denies that thing;
# the history is being taken.
@pytest.mark.parametrize("text", [
    "Denies history of difficult intubation.",
    "Malignant hyperthermia: denies personal or family history.",
    # my own wordings
    "No history of bleeding disorder.",
    "Patient denies any history of MRSA.",
    "No hx of back surgery.",
])
def test_a_denied_history_of_something_is_no_history_missing(text: str) -> None:
    assert "hp_history_documented" not in read(text, "62311")


def test_a_history_said_missing_is_still_missing() -> None:
    assert read("Medical history not on file", "62311")["hp_history_documented"] is False


# F22: a member of staff's pregnancy or infection read as the patient's ("Interpreter
# (pregnant) present for the visit." read pregnant, a final denial): staff described as
# the subject of the sentence are someone else.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Interpreter (pregnant) present for the visit.", "pregnancy"),
    ("64493", "Chaperone: RN Kim (pregnant), present for the exam.", "pregnancy"),
    ("62311", "The MA, who is pregnant, roomed the patient.", "pregnancy"),
    ("71250", "Radiology tech is pregnant and stepped out during the CXR.", "pregnancy"),
    ("62311", "Nurse with a cold (active infection) wore a mask during the visit.",
     "active_infection"),
    # my own wordings
    ("97110", "Our scribe, who is 30 weeks pregnant, typed the note.", "pregnancy"),
    ("64493", "The x-ray tech was pregnant, so a colleague shot the films.", "pregnancy"),
    ("62311", "Medical assistant with an active infection (strep) was sent home.",
     "active_infection"),
])
def test_a_member_of_staff_is_not_the_patient(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize("text", [
    "Via interpreter: she is pregnant.",
    "Nurse reports pt is 12 weeks pregnant.",
    "The nurse is pregnant; the patient is also pregnant.",
])
def test_what_staff_report_of_the_patient_is_still_hers(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "pregnant"


# F24: "Daily life: no limitations reported." read an impact on daily life (the field's
# label taken for its answer): a field whose answer denies a limit is asked.
@pytest.mark.parametrize("text", [
    "Daily life: no limitations reported.",
    "Daily activities: unaffected.",
    # my own wordings
    "ADLs: independent, no limitations.",
    "Quality of life: normal.",
    "Daily life: not affected by the pain.",
])
def test_a_daily_life_field_answered_no_limits_is_no_impact_read(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is not True


def test_a_daily_life_field_that_names_the_limits_is_still_an_impact() -> None:
    text = "Daily life: unable to sit through her 8-hour shifts as a dispatcher."
    assert read(text, "62311")["symptoms_impact_daily_life"] is True


# F25, F27: "ODI improved slightly (42% -> 38%), not clinically significant." read a
# significant improvement; "Oswestry improved by 2 points only, not significant." read a
# pain change of -2 (a final denial).
@pytest.mark.parametrize("text", [
    "ODI improved slightly (42% -> 38%), not clinically significant.",
    "Oswestry improved by 2 points only, not significant.",
    # my own wordings
    "ODI slightly improved over 6 weeks (40% to 37%).",
    "Oswestry 44% -> 41% in 6 weeks, improved a little, not clinically meaningful.",
])
def test_a_slight_or_not_significant_improvement_is_no_significant_one(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "not_improved"


@pytest.mark.parametrize("text", [
    "Oswestry improved by 2 points only, not significant.",
    # my own wordings
    "ODI improved by 6 points over 6 weeks.",
    "Disability index decreased by 10 points.",
])
def test_a_disability_score_change_is_no_pain_change(text: str) -> None:
    assert "pain_nrs_increase" not in read(text, "62311")


def test_a_pain_change_is_still_read() -> None:
    assert read("Pain improved by 2 points", "62311")["pain_nrs_increase"] == "-2"


# F26: another validated tool beside "ODI not done" read no assessment (a final denial):
# the ODI's absence says nothing where another tool's score is given.
@pytest.mark.parametrize("text", [
    "ODI not done; PROMIS physical function 38 (6 wks ago 37).",
    "ODI not done; NDI 48% -> 30% over 6 weeks.",
    "No ODI; RMDQ 16 -> 9 in the past 6 weeks (significant improvement).",
    # my own wordings
    "Oswestry not done. Roland-Morris 14 -> 13 over the last 6 weeks.",
    "No ODI on file, but the PSFS went from 3 to 6.",
])
def test_an_odi_not_done_beside_another_tool_is_no_assessment_missing(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") != "not_done"


def test_an_odi_not_done_alone_is_still_none_done() -> None:
    assert read("No ODI done", "62311")["functional_assessment_6_weeks"] == "not_done"


# F23 (71250): "Rehab sessions were breathing exercises only (no chest wall work)." read
# sessions with chest mobility and strength exercises: breathing exercises alone are not
# those.
@pytest.mark.parametrize("text", [
    "Rehab sessions were breathing exercises only (no chest wall work).",
    "Pulmonary rehab: breathing exercises and walking only; no chest mobility or strength work.",
    # my own wordings
    "Pulm rehab 2x/week: diaphragmatic breathing exercises each session.",
    "PT: breathing exercises and incentive spirometry.",
])
def test_breathing_exercises_alone_are_no_chest_mobility_and_strength_work(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is not True


def test_chest_stretches_beside_breathing_exercises_still_count() -> None:
    text = "Chest stretches and breathing exercises every session."
    assert read(text, "71250")["pt_chest_exercises"] is True


# F11 (chat): "no" answering "How long has the patient had these symptoms?" read 0 weeks
# (a final denial): "no" is no length; only care that can be denied ("no PT") is 0.
def answers(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    return {r.fact: r.value
            for r in understand(text, cpt=cpt, pending=pending, as_of=AS_OF).facts}


@pytest.mark.parametrize(("cpt", "pending", "text"), [
    ("71250", ["symptom_weeks", "hp_history_documented", "pft_results_documented"],
     "no, yes, no"),
    # my own wordings
    ("71250", ["symptom_weeks"], "no"),
    ("97110", ["symptom_weeks", "pregnancy"], "no, no"),
    ("64493", ["symptom_weeks"], "nope"),
])
def test_no_is_no_length_of_symptoms(cpt: str, pending: list[str], text: str) -> None:
    assert "symptom_weeks" not in answers(text, cpt, pending)


def test_no_to_weeks_of_care_is_still_none() -> None:
    assert answers("no", "64493", ["pt_weeks"])["pt_weeks"] == "0"


# C1 (chat): "unknown-command --help" was filed as "not sure" for the MRI.
def test_a_mistyped_command_is_no_answer() -> None:
    assert answers("unknown-command --help", "64493",
                   ["ct_mri_date", "pain_region", "pt_weeks"]) == {}


# C10 (chat): "all no", "ditto", "none of the above" for questions no such word answers
# got "please say it another way"; "all no" to an MRI date read it never done.
@pytest.mark.parametrize("text", ["all no", "ditto", "none of the above", "same as before"])
def test_an_answer_for_all_that_fits_none_says_what_they_need(text: str) -> None:
    u = understand(text, cpt="64493", pending=["pain_region", "pt_weeks", "pt_exercise_weeks"],
                   as_of=AS_OF)
    assert not u.facts and [x.why for x in u.unread] == [
        "that answers no question shown by itself; please answer each with its value: pain "
        "region, physical therapy completed, supervised exercise and stretching (within pt)"]


def test_no_to_all_is_no_study_never_done() -> None:
    got = answers("no to all", "64493", ["ct_mri_date", "active_infection"])
    assert got == {"active_infection": False}


# C2: "Most recent pulmonary function tests: on or after 1926-12-02" in what would make
# a 71250 case qualify (a date so old that the 12-month window no longer applies passed
# too); the criteria table said "within the past 12 months (on or after 2025-12-03)".
def test_what_would_qualify_names_the_date_window_not_a_century() -> None:
    from policies.checker import check
    from policies.library import load_policy

    verdict = check(load_policy("71250"), {"symptom_weeks": 1, "pain_nrs": 7}, AS_OF)
    changes = [c["change"] for c in verdict.model_dump()["to_qualify"]["changes"]]
    assert "Most recent pulmonary function tests: on or after 2025-12-03" in changes


# s10 F23: "Comorbidities: none significant. DM2 (A1c 9.8), CKD 3b." read no severe
# comorbidities, the evidence quoted for "none" holding the diabetes: a member named
# beside the "none" with a figure of its own is asked whether it is severe.
@pytest.mark.parametrize("text", [
    "Comorbidities: none significant. DM2 (A1c 9.8), CKD 3b.",
    # my own wordings
    "No significant comorbidities. DM2, A1c 10.4.",
    "PMH: none significant. CHF (EF 25%).",
])
def test_a_none_beside_a_condition_with_its_own_figure_is_asked(text: str) -> None:
    assert "severe_comorbidities" not in read(text, "62311")


def test_a_none_beside_a_mild_condition_is_still_none() -> None:
    text = "No significant comorbidities. HTN, well controlled."
    assert read(text, "62311")["severe_comorbidities"] == []


# s10 F8: "admitted 10/01 for sepsis from UTI, treated with IV ceftriaxone, infection
# resolved; discharged 10/20. No current infection." read an infection needing immediate
# care beside no active infection: an episode treated to its end may be over.
@pytest.mark.parametrize("text", [
    "SNF discharge summary: admitted 10/01 for sepsis from UTI, treated with IV ceftriaxone, "
    "infection resolved; discharged 10/20. No current infection.",
    # my own wordings
    "Hospitalized in September for urosepsis, treated with IV antibiotics and discharged.",
    "Sepsis in 2025, resolved.",
])
def test_a_sepsis_treated_to_its_end_is_no_infection_needing_care_now(text: str) -> None:
    assert read(text, "97110").get("infection_requires_immediate_care") is not True


def test_a_sepsis_now_still_needs_immediate_care() -> None:
    text = "Sepsis from UTI, admitted today, on IV vancomycin."
    assert read(text, "97110")["infection_requires_immediate_care"] is True


# s10 F9: a pharmacist's review of a presumed pneumonia she recommends stopping treatment
# for read a bacterial pneumonia (a final denial): a presumption the same sentence argues
# against is asked.
@pytest.mark.parametrize("text", [
    "Pharmacist med review: patient on azithromycin for presumed CAP per urgent care 11/28; "
    "pharmacist recommends discontinuing, CXR negative and procalcitonin low.",
    # my own wordings
    "Started on amoxicillin for presumed CAP at urgent care; CXR clear, antibiotics stopped.",
    "Treated for presumed CAP at urgent care 11/26; pulmonology: not consistent with pneumonia.",
])
def test_a_presumed_pneumonia_the_sentence_argues_against_is_asked(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_a_presumed_pneumonia_standing_is_still_read() -> None:
    text = "Urgent care 11/28: presumed CAP, started on azithromycin."
    assert read(text, "71250")["bacterial_pneumonia"] is True

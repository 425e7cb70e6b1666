"""Forms, tables and layout the outside tester found misread in session 11 (and two
findings left from session 10; evals/reader/outside/session11-findings.md,
session10-findings.md): a label and its answer run together or set apart, an answer
left blank or unknown. One named test each, with the tester's exact inputs and wordings
of the same layout written by the fixer. Readings go through
:func:`agent.reading.understand` under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# F3: several "field N" answers on one line, with no colons or no breaks between the
# fields ("Infection N, Pregnant N, Cosmetic N"): every label was read as a yes.
@pytest.mark.parametrize(("cpt", "text", "expected"), [
    ("62311", "Infection N, Pregnant N, Cosmetic N",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": False}),
    ("62311", "Infection N Pregnant N Cosmetic N",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": False}),
    ("64493", "Infection: N / Pregnant: N / Cosmetic: N",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": False}),
    ("64493", "Infection:N Pregnant:N Cosmetic:N",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": False}),
    ("64493", "Q7 Active infection: N  Q8 Pregnant: UNK  Q9 Cosmetic: N",
     {"active_infection": False, "pregnancy": None, "cosmetic_purpose": False}),
    ("71250", "Bacterial pneumonia N, Fever N, Pregnant N",
     {"bacterial_pneumonia": False, "pregnancy": "not_pregnant"}),
    # my own wordings
    ("64493", "Active infection - N, Pregnant - N, Cosmetic - Y",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": True}),
    ("97110", "Pregnant N; Postpartum N",
     {"pregnancy": "not_pregnant", "postpartum": False}),
    ("62311", "Infection Y, Pregnant N",
     {"active_infection": True, "pregnancy": "not_pregnant"}),
    ("62311", "Infection N", {"active_infection": False}),
])
def test_outside11_f3_each_answer_of_a_row_of_fields_is_its_own_labels(
        cpt: str, text: str, expected: dict[str, object]) -> None:
    facts = read(text, cpt)
    assert {fact: facts.get(fact) for fact in expected} == expected


# F4 and the rest of F2: answers set apart from their labels, a table flattened with
# its labels first ("Active infection Pregnancy Cosmetic: No No No"), or a template with
# every answer printed and none marked ("Pregnant  Y  N"): which answer is whose cannot
# be read back, so nothing is read (asked).
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Criterion Status Active infection Pregnancy Cosmetic No No No"),
    ("64493", "Active infection Pregnancy Cosmetic: No No No"),
    ("64493", "Pregnant  Y  N"),
    ("71250", "Pregnant: Y / N"),
    ("97110", "Pregnant  Y  N"),
    # my own wordings
    ("62311", "Infection Pregnant Cosmetic Y N N"),
    ("64493", "Cosmetic: Y/N"),
    ("62311", "Active infection  Yes  No"),
])
def test_outside11_f4_answers_set_apart_from_their_labels_are_asked(cpt: str,
                                                                    text: str) -> None:
    facts = read(text, cpt)
    assert not {"active_infection", "pregnancy", "cosmetic_purpose"} & set(facts)


@pytest.mark.parametrize(("cpt", "text", "expected"), [
    ("62311", "Exclusion Present Active infection No Pregnancy No Cosmetic No",
     {"active_infection": False, "pregnancy": "not_pregnant", "cosmetic_purpose": False}),
    ("97110", "Item Answer Active infection No Pregnant No",
     {"active_infection": False, "pregnancy": "not_pregnant"}),
    # my own wording
    ("64493", "Exclusion  Answer  Active infection  No  Cosmetic  No",
     {"active_infection": False, "cosmetic_purpose": False}),
])
def test_outside11_f4_a_flattened_row_whose_answer_follows_each_label_reads_each(
        cpt: str, text: str, expected: dict[str, object]) -> None:
    facts = read(text, cpt)
    assert {fact: facts.get(fact) for fact in expected} == expected


def test_a_chat_answer_said_twice_or_answers_in_order_stay_answers() -> None:
    u = understand("yes, no, no", cpt="64493", as_of=AS_OF,
                   pending=["active_infection", "pregnancy", "cosmetic_purpose"])
    assert {r.fact: r.value for r in u.facts} == {
        "active_infection": True, "pregnancy": "not_pregnant", "cosmetic_purpose": False}


# F21: a vitals grid pasted as one line, its labels first and its figures after: the
# heart rate was read as a temperature in Fahrenheit (a fever exclusion).
@pytest.mark.parametrize("text", [
    "Vitals: T HR RR SpO2 FiO2 37.2 110 24 89% 21%",
    "Vitals T HR BP 36.9 102 128/76",
    # my own wordings
    "VS: Temp HR RR 37.0 104 20",
    "Vitals - T / HR / SpO2  36.8  112  90%",
])
def test_outside11_f21_figures_set_apart_from_their_labels_are_asked(text: str) -> None:
    facts = read(text, "71250")
    assert "body_temperature" not in facts and "fio2_percent" not in facts


def test_outside11_f21_a_labelled_figure_is_still_its_own() -> None:
    assert read("Vitals: HR 110, T 37.2", "71250").get("body_temperature") == "37.2 C"


# F5: a table of studies flattened under a header that puts the date first: the study
# was given the next row's date.
@pytest.mark.parametrize(("cpt", "text", "expected"), [
    ("64493", "Date Test Result 11/01/2026 MRI L-spine facet arthropathy 03/01/2025 X-ray "
     "L-spine normal", {"ct_mri_date": "2026-11-01", "xray_date": "2025-03-01"}),
    ("62311", "Date Study 11/15/2026 MRI L-spine 08/01/2025 CT L-spine",
     {"ct_mri_date": "2026-11-15"}),
    # my own wordings
    ("64493", "Imaging: Date Modality Finding 2026-10-02 MRI lumbar facet arthropathy "
     "2025-01-10 XR lumbar spondylosis", {"ct_mri_date": "2026-10-02", "xray_date": "2025-01-10"}),
    ("64493", "Dates of imaging 10/20/2026 X-ray L-spine 2/2/2025 MRI L-spine",
     {"xray_date": "2026-10-20", "ct_mri_date": "2025-02-02"}),
    # a study first keeps the date after it
    ("64493", "Study Date X-ray L-spine 04/01/2026 MRI L-spine 10/01/2026",
     {"xray_date": "2026-04-01", "ct_mri_date": "2026-10-01"}),
])
def test_outside11_f5_a_date_first_table_dates_each_study_by_its_own_row(
        cpt: str, text: str, expected: dict[str, object]) -> None:
    facts = read(text, cpt)
    assert {fact: str(facts.get(fact)) for fact in expected} == expected


# F18: a checklist's label with a threshold answered "N": the "N" says the threshold is
# not met, not that there was none (0 weeks of PT and of each part, 0 courses).
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "PT >= 12 weeks: N"),
    ("64493", "Exercise >= 6 wks: N"),
    ("62311", "Conservative tx >= 12 weeks: UNK"),
    # my own wordings
    ("64493", "PT at least 12 weeks: No"),
    ("62311", "Conservative care at least 6 weeks = N"),
])
def test_outside11_f18_a_threshold_answered_no_is_no_zero(cpt: str, text: str) -> None:
    facts = read(text, cpt)
    assert not {"pt_weeks", "pt_exercise_weeks", "pt_manual_weeks", "pt_education_weeks",
                "pt_courses_failed", "conservative_weeks"} & set(facts)


def test_outside11_f18_a_length_with_its_own_remark_is_still_read() -> None:
    assert read("PT x 12 weeks: no improvement", "64493").get("pt_weeks") == "12 weeks"


# F12: a treatment table flattened under a header whose column gives the unit ("Treatment
# Weeks Result PT 8 failed Meds 12 failed"): the medications' 12 weeks were read as 12
# failed courses.
@pytest.mark.parametrize("text", [
    "Treatment Weeks Result PT 8 failed Meds 12 failed",
    # my own wordings
    "Conservative care: Treatment Duration Outcome PT 10 no relief NSAIDs 6 no relief",
    "Modality Weeks Response Physical therapy 6 none Meloxicam 8 none",
])
def test_outside11_f12_a_bare_figure_of_a_flattened_table_is_asked(text: str) -> None:
    facts = read(text, "64493")
    assert all(v not in ("12", "10", "8", "6") for v in map(str, facts.values())), facts


# Session 10 F20: two pain sites, each with its score: the first decided the region and
# the score.
@pytest.mark.parametrize("text", [
    "Pain: neck 2/10, low back 7/10.",
    "Pain 7/10 in the knee, 2/10 in the back.",
    # my own wordings
    "Pain: low back 6/10, knee 8/10",
    "Complains of pain - shoulder 5/10, low back 4/10.",
])
def test_outside10_f20_two_pain_sites_with_their_scores_are_asked(text: str) -> None:
    facts = read(text, "64493")
    assert "pain_region" not in facts and "pain_nrs" not in facts



# C4: a year naming a course, in brackets after the count ("2 (2025 course and 2026
# course)"), was read as 2025 courses and rejected as out of range.
@pytest.mark.parametrize("text", [
    "PT courses failed: 2 (2025 course and 2026 course)",
    # my own wordings
    "Failed 2 PT courses (2024 round and 2026 round)",
    "Two failed courses of PT - the 2025 course and the 2026 course.",
])
def test_outside11_c4_a_year_naming_a_course_is_no_count(text: str) -> None:
    u = understand(text, cpt="64493", pending=[], as_of=AS_OF)
    assert not any("out of range" in x.why for x in u.unread)
    assert {r.fact: r.value for r in u.facts}.get("pt_courses_failed") in (None, "2")


# C5: a list of records under "Records reviewed:" or "records received 11/30:" gave its
# H&P's exact date back as "which date exactly?".
@pytest.mark.parametrize(("text", "day"), [
    ("Records reviewed: H&P 11/30/2026, PT plan of care.", "2026-11-30"),
    ("Provider records received 11/30: H&P 11/18/2026 (decreased lumbar flexion/extension, "
     "antalgic gait)", "2026-11-18"),
    # my own wordings
    ("Documents received: H&P 11/02/2026 and PT notes.", "2026-11-02"),
    ("Reviewed with pt: H&P 10/28/2026.", "2026-10-28"),
])
def test_outside11_c5_a_date_listed_under_a_reviewed_heading_is_the_records(
        text: str, day: str) -> None:
    assert read(text, "64493").get("hp_date") == day


def test_outside11_c5_a_report_signed_later_still_does_not_date_the_study() -> None:
    assert read("XR L-spine 9/30/2026 (report signed 10/2/2026)", "64493").get(
        "xray_date") == "2026-09-30"

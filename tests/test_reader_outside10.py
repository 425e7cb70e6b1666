"""False facts the outside tester found in session 10 (evals/reader/outside/
session10-findings.md, F1-F15), one named test each, with wordings of the same meaning
written by the fixer besides the tester's. Readings go through
:func:`agent.reading.understand` under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# F13: a spreadsheet's row "criterion / answer / source": the "No" in the second cell
# denied the source cell after it, and the label was read as a yes (a final denial on two
# exclusions the worksheet denies).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Field\tValue\tSource\nActive infection\tNo\tPCP\nCosmetic\tNo\tortho",
     "active_infection", False),
    ("62311", "Field\tValue\tSource\nActive infection\tNo\tPCP\nCosmetic\tNo\tortho",
     "cosmetic_purpose", False),
    ("64493", "Criterion,Met,Evidence\nActive infection,No,PCP note\nCosmetic,No,ortho",
     "active_infection", False),
    ("64493", "Criterion,Met,Evidence\nActive infection,No,PCP note\nCosmetic,No,ortho",
     "cosmetic_purpose", False),
    ("64493", "Active infection   No   PCP note", "active_infection", False),
    ("97110", "Active infection\tNo\tper PCP", "active_infection", False),
    # my own wordings: a pregnancy row, another CSV, a yes that stays a yes, an N
    ("64493", "Pregnant\tNo\tOB note 11/20", "pregnancy", "not_pregnant"),
    ("62311", "Criterion,Answer,Source\nCosmetic,No,per ortho", "cosmetic_purpose", False),
    ("62311", "Active infection\tYes\tPCP 11/20", "active_infection", True),
    ("97110", "Infection   N   chart review", "active_infection", False),
])
def test_outside10_f13_a_rows_no_answers_its_label_not_the_source_cell(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("female,no,no", "pregnancy", None),
    ("yes,yes,no", "active_infection", None),
])
def test_outside10_f13_a_chats_list_of_answers_is_no_row(text: str, fact: str,
                                                         value: object) -> None:
    """Answers a chat gives in a list are not a spreadsheet's label and its answer."""
    assert read(text, "64493").get(fact) == value


# F14: a field's "No" with its source in brackets denied the source: "Active infection:
# No (PCP)" read no PCP consultation on file (a final denial on a document nobody said was
# missing).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Active infection: No (PCP)", "pcp_consult_documented"),
    ("64493", "Pregnant: No (PCP confirmed)", "pcp_consult_documented"),
    ("62311", "Severe comorbidities: No (PCP).", "pain_or_pcp_consult_documented"),
    # my own wordings: another field, another source, a "none"
    ("64493", "Cosmetic: no (PCP and ortho agree)", "pcp_consult_documented"),
    ("62311", "Active infection: none (PCP 11/20)", "pain_or_pcp_consult_documented"),
    ("64493", "Infection - No (primary care)", "pcp_consult_documented"),
])
def test_outside10_f14_a_fields_no_does_not_deny_its_bracketed_source(
        cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not False


def test_outside10_f14_a_consult_denied_outright_is_still_denied() -> None:
    assert read("No PCP consult", "64493").get("pcp_consult_documented") is False
    assert read("PCP consult: none", "64493").get("pcp_consult_documented") is False


# F16: a measure said to be above a figure read as the figure: "Pain >3/10" read pain 3
# (a final denial of the >= 4 rule), "FiO2 >60%" 60 % and "Temp > 38.0 C" 38.0 C (the
# policy's own limits, so the contraindication and the exclusion read as not met).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Pain >3/10.", "pain_nrs"),
    ("71250", "FiO2 >60% needed overnight on HFNC.", "fio2_percent"),
    ("71250", "Temp > 38.0 C overnight.", "body_temperature"),
    ("71250", "WBC >15 per the outside lab, repeat here 9.1.", "wbc_count"),
    # my own wordings: words for the sign, another measure, a sign without a space
    ("64493", "Pain greater than 5/10 most days.", "pain_nrs"),
    ("71250", "Needed more than 50% FiO2 on high flow.", "fio2_percent"),
    ("71250", "Fever, T>38.3 C at home.", "body_temperature"),
])
def test_outside10_f16_a_measure_above_a_figure_is_not_the_figure(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # an arrow, an HTML tag's end: the figure after them is the reading
    ("71250", "SpO2 89% RA -> 94% on 2L NC. FiO2 28%.", "fio2_percent", "28"),
    ("64493", "<li>Pain: <b>7/10</b></li>", "pain_nrs", "7"),
    ("64493", "Pain 4/10 -> 7/10 today.", "pain_nrs", "7"),
])
def test_outside10_f16_an_arrow_or_a_tag_is_no_bound(cpt: str, text: str, fact: str,
                                                     value: str) -> None:
    assert read(text, cpt).get(fact) == value


# F3, F4: the time until something started read as its length: "Back pain began 2 days
# after lifting a couch" read symptoms 2 days, "PT started 4 weeks after surgery and has
# continued for 12 weeks" PT 4 weeks (final denials).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "Back pain began 2 days after lifting a couch in June.", "symptom_weeks"),
    ("97110", "Pain started 2 weeks after her fall in August.", "symptom_weeks"),
    ("64493", "PT started 4 weeks after surgery and has continued for 12 weeks.", "pt_weeks"),
    ("97110", "Conservative treatment started 3 weeks after onset and has now run 16 weeks.",
     "conservative_weeks"),
    # my own wordings
    ("97110", "Neck pain came on 3 days following a rear-end collision in May.",
     "symptom_weeks"),
    ("64493", "Physical therapy was initiated 6 weeks post-op.", "pt_weeks"),
    ("62311", "Symptoms developed about 2 weeks before the MRI in March.", "symptom_weeks"),
])
def test_outside10_f3_f4_the_time_until_a_start_is_not_a_length(cpt: str, text: str,
                                                                 fact: str) -> None:
    assert fact not in read(text, cpt)


def test_outside10_f3_a_start_some_time_ago_is_still_a_length() -> None:
    assert read("Back pain started 3 months ago after a fall.",
                "97110").get("symptom_weeks") == "3 months"


# F11: a pain score under a dose of pain medicine read as the patient's score: "NRS
# 0/10 at rest after oxycodone; 7/10 before the dose." read 0 (a final denial).
@pytest.mark.parametrize("text", [
    "NRS 0/10 at rest after oxycodone; 7/10 before the dose.",
    # my own wordings
    "Pain 2/10 after her dose of Norco, 8/10 before it.",
    "Pain 3/10 with meds, 9/10 without.",
    "NRS 1/10 post-dose (hydromorphone), 8/10 at trough.",
])
def test_outside10_f11_a_score_under_a_dose_is_asked(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_outside10_f11_a_score_despite_medicine_is_the_score() -> None:
    assert read("Pain 7/10 despite meds.", "64493").get("pain_nrs") == "7"


# F17: the weeks cancelled read as the PT done: "she stopped PT at week 12, the last 2
# weeks were cancelled" read PT 2 weeks (a final denial of 64493.coverage.1).
@pytest.mark.parametrize("text", [
    "PT 14 weeks planned; she stopped PT at week 12, the last 2 weeks were cancelled.",
    "she stopped PT at week 9 actually, the last 3 weeks were cancelled",
    # my own wordings
    "PT 2x/wk x 12 wks, last 4 wks cancelled (insurance).",
    "Physical therapy 16 weeks ordered, stopped at week 10 when she moved.",
])
def test_outside10_f17_weeks_cancelled_are_not_the_therapy_done(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") not in ("2 weeks", "3 weeks", "4 weeks",
                                                       "12 weeks", "16 weeks")


def test_outside10_f17_a_correction_with_the_weeks_cancelled_corrects_nothing() -> None:
    u = understand("she stopped PT at week 12 actually, the last 2 weeks were cancelled",
                   cpt="64493", pending=[], as_of=AS_OF,
                   known={"pt_weeks": 14, "symptom_weeks": 34.8})
    assert all(r.value != "2 weeks" for r in u.facts)


# F6: a radiologist's "cannot be excluded" read as "excluded": no nerve root compression
# (a final denial of 62311) where the study could not tell.
@pytest.mark.parametrize("text", [
    "MRI 10/20/2026: nerve root compression cannot be excluded due to motion artifact.",
    # my own wordings
    "MRI 10/20/2026. S1 nerve root compression cannot be ruled out.",
    "Impression: foraminal stenosis; nerve root impingement can't be excluded.",
    "MRI 11/01/2026 - nerve root compression could not be excluded on this limited study.",
])
def test_outside10_f6_cannot_be_excluded_is_a_doubt_not_a_denial(text: str) -> None:
    assert "imaging_nerve_root_compression" not in read(text, "62311")


def test_outside10_f6_compression_excluded_outright_is_still_denied() -> None:
    assert read("MRI 10/20/2026: no nerve root compression, mild disc bulge.",
                "62311").get("imaging_nerve_root_compression") is False
    assert read("MRI: nerve root compression excluded.",
                "62311").get("imaging_nerve_root_compression") is False


# F21: an injection whose effect is not known yet read as the last failed conservative
# treatment (97110.necessity.2 shown met).
@pytest.mark.parametrize("text", [
    "Steroid injection 11/15/2026 - too early to tell if it helped.",
    # my own wordings
    "Cortisone shot 11/20/2026; too soon to say whether it worked.",
    "CSI 11/01/26, response not yet known.",
    "Subacromial steroid injection 11/18/2026, effect unknown at this time.",
])
def test_outside10_f21_a_treatment_not_yet_judged_has_not_failed(text: str) -> None:
    assert "last_failed_conservative_date" not in read(text, "97110")


def test_outside10_f21_a_failed_injection_is_still_dated() -> None:
    assert read("Steroid injection 10/01/2026 - no relief.",
                "97110").get("last_failed_conservative_date") == "2026-10-01"


# F24: a radiology report's COMPARISON study read as the most recent MRI (a final denial
# of 62311.coverage.4.1 on the prior study the report compares with).
@pytest.mark.parametrize("text", [
    "EXAM: MRI LUMBAR SPINE WITHOUT CONTRAST   DATE OF SERVICE: 11/20/2026\n"
    "COMPARISON: MRI 08/15/2026.\n"
    "IMPRESSION: L5-S1 extrusion compressing the left S1 nerve root, increased since prior.",
    "MRI report dated 11/20/2026 (comparison: MRI 08/15/2026).",
    # my own wordings
    "Stable disc bulge compared with MRI 2026-06-01.",
    "Comparison: CT 03/01/2026. Findings: new foraminal stenosis.",
])
def test_outside10_f24_a_comparison_study_is_not_the_latest(text: str) -> None:
    assert read(text, "62311").get("ct_mri_date") not in ("2026-08-15", "2026-06-01",
                                                          "2026-03-01")


def test_outside10_f24_the_study_compared_keeps_its_date() -> None:
    assert read("MRI L-spine 11/20/2026, compared with MRI 2025-01-05.",
                "62311").get("ct_mri_date") == "2026-11-20"
    assert read("CT L-spine 11/02/2026. Comparison: CT 03/01/2026.",
                "62311").get("ct_mri_date") == "2026-11-02"


# F1, F12, F22: a question with a figure that its answer refutes read as a fact:
# "Conservative treatment 10 weeks? No - 14 weeks." read 10 weeks and "not failed" (a
# final denial on two criteria); "ODI improved ...? No, that was her other episode" read
# improved; "Failed 2 courses of PT? Only 1 course documented." read 2.
@pytest.mark.parametrize(("cpt", "text", "fact", "wrong"), [
    ("62311", "Conservative treatment 10 weeks? No - 14 weeks.", "conservative_weeks",
     "10 weeks"),
    ("62311", "Conservative treatment 10 weeks? No - 14 weeks.", "failed_conservative", False),
    ("62311", "Conservative treatment 12 weeks? No - 6 weeks overall.", "failed_conservative",
     False),
    ("62311", "Conservative tx: 6 wks PT + 6 wks meds + 4 wks weight loss program, all "
     "concurrent (12 wks total? no - 6 wks overall).", "conservative_weeks", "12 weeks"),
    ("62311", "ODI improved from 50% to 30% over 6 weeks? No, that was her other episode; "
     "this time ODI unchanged.", "functional_assessment_6_weeks", "improved"),
    ("64493", "Failed 2 courses of PT? Only 1 course documented.", "pt_courses_failed", "2"),
    # my own wordings
    ("64493", "PT 16 weeks? Incorrect - the logs show 9.", "pt_weeks", "16 weeks"),
    ("97110", "Pain 8/10? Not quite, she said 3/10 today.", "pain_nrs", "8"),
    ("64493", "Two failed PT courses? Nope, only one.", "pt_courses_failed", "2"),
])
def test_outside10_f1_a_question_its_answer_refutes_is_no_fact(cpt: str, text: str, fact: str,
                                                               wrong: object) -> None:
    assert read(text, cpt).get(fact) != wrong


def test_outside10_f1_a_question_answered_yes_or_a_form_question_still_reads() -> None:
    assert read("PT 12 weeks? Yes.", "64493").get("pt_weeks") == "12 weeks"
    assert read("Active infection? No", "64493").get("active_infection") is False


# F2: the claim the writer corrects: "Referral says 12 weeks of conservative treatment,
# but the PT records show only 6." read 12 weeks (62311.coverage.1 shown met).
@pytest.mark.parametrize(("cpt", "text", "fact", "wrong"), [
    ("62311", "Referral says 12 weeks of conservative treatment, but the PT records show "
     "only 6.", "conservative_weeks", "12 weeks"),
    # my own wordings: another source, an answer past a semicolon, another fact
    ("62311", "The referral states 16 weeks of conservative care; however the therapy logs "
     "cover only 9.", "conservative_weeks", "16 weeks"),
    ("64493", "The intake form lists PT 14 weeks, but her PT discharge summary says 8.",
     "pt_weeks", "14 weeks"),
    ("97110", "Chart lists no infection, but UA 11/28 positive, culture pending, on "
     "nitrofurantoin.", "active_infection", False),
])
def test_outside10_f2_a_source_the_writer_corrects_is_not_read(cpt: str, text: str, fact: str,
                                                               wrong: object) -> None:
    assert read(text, cpt).get(fact) != wrong


def test_outside10_f2_a_source_nobody_corrects_is_read() -> None:
    assert read("Referral says 12 weeks of conservative treatment.",
                "62311").get("conservative_weeks") == "12 weeks"


# F19: a "today" that opens the clause after a visit named before it: "Pain: 7/10 (last
# visit), today pt denies pain." read an H&P today (64493.coverage.3.2 shown met). (The
# pain of the last visit is left as it reads: the corpus counts a last visit's score as
# the current one, f2-64493-email-neck-not-back; asked in the report.)
@pytest.mark.parametrize("text", [
    "Pain: 7/10 (last visit), today pt denies pain.",
    "Pain 6/10 at last visit, today 7/10.",
    # my own wordings
    "Seen at last visit 10/01; today, pain 5/10.",
    "Office visit, today pain 5/10.",
    "Pain 4/10 (office visit), yesterday 6/10 at home.",
])
def test_outside10_f19_a_day_word_opening_the_next_clause_does_not_date_the_visit(
        text: str) -> None:
    assert read(text, "64493").get("hp_date") not in ("2026-12-03", "2026-12-02")


def test_outside10_f19_todays_visit_is_still_today() -> None:
    assert read("H&P today.", "64493").get("hp_date") == "2026-12-03"
    assert read("Physical exam done today, pain 7/10.", "64493").get("hp_date") == "2026-12-03"


# F5: an MRI said afterwards to be of another body part read as the spine's: "MRI
# 2026-11-15 reviewed - that was the shoulder." read the latest spine MRI 2026-11-15.
@pytest.mark.parametrize("text", [
    "Last MRI L-spine 2025-03-01. MRI 2026-11-15 reviewed - that was the shoulder.",
    # my own wordings
    "MRI L-spine 2025-03-01; MRI 2026-10-01, which was of the knee.",
    "MRI lumbar 2025-06-10. MRI 2026-11-02 (that one was the hip).",
])
def test_outside10_f5_a_study_said_to_be_another_areas_is_not_the_spines(text: str) -> None:
    assert read(text, "64493").get("ct_mri_date") not in ("2026-11-15", "2026-10-01",
                                                          "2026-11-02")


def test_outside10_f5_with_the_complaint_named_the_spines_study_counts() -> None:
    assert read("Last MRI L-spine 2025-03-01. MRI 2026-11-15 reviewed - that was the "
                "shoulder. Low back pain 7/10.", "64493").get("ct_mri_date") == "2025-03-01"
    assert read("MRI 2026-11-15 - that was the lumbar spine.",
                "64493").get("ct_mri_date") == "2026-11-15"

"""Questions, forms, menus and quoted policy text (session 16, helper forms16): a
question's own words are no statement, its answer decides (yes, no, a key pressed; a
blank or a timeout is asked); the examples a question lists are the asker's; what a
policy requires is the policy's, not the patient's. Each test holds the corpus input that
read a false fact (fresh19, outside tester session 15) and wordings of the same kind
written by the helper in other voices, with plain statements that must still be read.
Readings go through :func:`agent.reading.understand`."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# f19-64493-qa-exclusions-left-blank: the question's number ("Q15.") before its first
# word made the question a sentence, and "cosmetic" in it a statement.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Q15. Is the request for a cosmetic purpose? No.", "cosmetic_purpose", False),
    # the helper's own wordings
    ("64493", "15) Is this injection for cosmetic reasons? No", "cosmetic_purpose", False),
    ("62311", "Question 4: Is the procedure for cosmetic purposes? No", "cosmetic_purpose", False),
    ("64493", "(c) Is it for appearance only? No.", "cosmetic_purpose", False),
    ("64493", "Q3: Does the member have an active infection? No - UA clean 11/30.",
     "active_infection", False),
    # still read: the answer yes
    ("64493", "Q15. Is the request for a cosmetic purpose? Yes.", "cosmetic_purpose", True),
    ("62311", "7) Does the member have an active infection? Yes - cellulitis L shin.",
     "active_infection", True),
])
def test_a_numbered_question_is_answered_by_its_answer(cpt: str, text: str, fact: str,
                                                       value: object) -> None:
    assert read(text, cpt).get(fact) == value


# outside tester session 15 F16: the examples a payer's question lists in brackets are no
# finding: "(diabetes, cardiovascular disease)? No." read diabetes.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Does the patient have severe comorbidities (diabetes, cardiovascular disease)? "
     "No.", "severe_comorbidities", []),
    ("71250", "Signs of bacterial pneumonia (fever >38 C, WBC >15,000)? No.",
     "bacterial_pneumonia", False),
    # the helper's own wordings
    ("97110", "Does the patient have severe comorbidities (diabetes, kidney disease)? Yes - "
     "hypertension only.", "severe_comorbidities", ["hypertension"]),
    ("62311", "4. Any severe comorbidity (e.g. ESRD, bleeding disorder)? None.",
     "severe_comorbidities", []),
    ("64493", "Severe comorbidities (diabetes or heart failure)? Yes - CHF, EF 20%.",
     "severe_comorbidities", ["cardiovascular_disease"]),
])
def test_a_question_s_examples_are_the_asker_s(cpt: str, text: str, fact: str,
                                              value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_question_s_bracket_with_the_patient_s_figure_is_still_read() -> None:
    # a figure in the brackets with no bound before it is the patient's, kept
    assert read("Bacterial pneumonia (lobar consolidation, fever)? Yes - RLL, T 38.9",
                "71250").get("body_temperature") == "38.9 C"


# f19-62311-chatbot-ivr-keypresses: a phone menu answered by a key; a timeout is asked.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", '09:14:40 PROMPT "Does the member have an active infection? Press 1 for yes, '
     '2 for no." -> KEY 2', "active_infection", False),
    # the helper's own wordings
    ("64493", 'Caller menu: "Is the patient pregnant? Press 1 for yes, press 2 for no." '
     "Caller pressed 2.", "pregnancy", "not_pregnant"),
    ("64493", "IVR: Is this for cosmetic reasons? 1=yes 2=no -> DTMF: 1", "cosmetic_purpose",
     True),
    ("97110", "Bot: Is the therapy for cosmetic reasons? 1 = yes, 2 = no  [member selected 2]",
     "cosmetic_purpose", False),
])
def test_a_menu_question_is_answered_by_the_key_pressed(cpt: str, text: str, fact: str,
                                                        value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", '09:15:10 PROMPT "Is this request for a cosmetic indication? 1 yes, 2 no." -> '
     "(no input) -> TIMEOUT -> transferred to agent queue", "cosmetic_purpose"),
    # the helper's own wordings
    ("64493", "Bot: Does the member have an active infection? Reply 1 yes / 2 no. "
     "[no response, session ended]", "active_infection"),
    ("64493", 'IVR 10:02 "Is the member pregnant? Press 1 for yes, 2 for no." Caller hung up.',
     "pregnancy"),
    ("97110", "Is the request cosmetic? 1 yes 2 no -> KEY 7 (invalid)", "cosmetic_purpose"),
])
def test_a_menu_question_left_unanswered_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


# f19-62311-chatbot-policy-text-vs-answer: what the policy requires, in the bot's words,
# is no treatment the member had.
@pytest.mark.parametrize(("text", "value"), [
    ("Bot: This policy requires at least 12 weeks of conservative treatment, including "
     "physical therapy, medication management and lifestyle modifications, and a baseline "
     "pain score of at least 4/10. What treatment has the member received?\nProvider: She's "
     "had PT, 10 weeks, and that's it - no meds, no lifestyle program.", ["physical_therapy"]),
    # the helper's own wordings
    ("Spoke w/ rep: the coverage policy requires PT and medication management and a weight "
     "loss program. Pt did PT only, 12 wks, no meds, no weight loss program.",
     ["physical_therapy"]),
    ("I know the criteria require physical therapy, medication management and lifestyle "
     "modifications, but she has only done physical therapy (12 weeks); no meds, no "
     "lifestyle changes.", ["physical_therapy"]),
])
def test_what_a_policy_requires_is_not_the_treatment_received(text: str, value: object) -> None:
    assert read(text, "62311").get("conservative_treatments") == value


def test_treatments_beside_a_policy_named_without_a_requirement_are_still_read() -> None:
    text = ("Pt did PT x 12 wks and meloxicam x 8 wks, plus a weight loss program; all failed. "
            "Reviewed against the coverage policy.")
    assert read(text, "62311").get("conservative_treatments") == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


# f19-64493-footnote-pt-components: a bare figure under a "Weeks" column is weeks, never
# a pain score because its row's label holds "pain".
@pytest.mark.parametrize("text", [
    "| Component                        | Weeks | Dates            |\n"
    "| Supervised exercise/stretching   | 8     | 06/01-08/24/2026 |\n"
    "| Pain mgmt education              | 3     | 07/14-08/03/2026 |",
    # the helper's own wordings
    "| Item | Wks |\n| Pain education | 4 |\n| Manual therapy | 6 |",
    "|Treatment|Weeks|Result|\n|Pain management education|2|done|\n|PT exercise|10|no relief|",
])
def test_a_figure_under_a_weeks_column_is_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_a_figure_under_a_weeks_column_is_read_as_weeks() -> None:
    text = ("| Component                        | Weeks | Dates            |\n"
            "| Pain mgmt education              | 3     | 07/14-08/03/2026 |")
    assert read(text, "64493").get("pt_education_weeks") == "3 weeks"


@pytest.mark.parametrize("text", [
    "| Measure | Value |\n| Pain (NRS) | 7/10 |",
    # a score of its own form, in a table with a weeks column, is still read
    "| Component | Weeks |\n| PT total | 12 |\n| Pain NRS today | 7/10 |",
])
def test_a_pain_score_in_a_table_is_still_read(text: str) -> None:
    assert read(text, "64493").get("pain_nrs") == "7"


# A footnote's marker carries its footnote: a study "not done" is no study, a figure "per
# pt report" or "not verified" is asked, a correction takes the figure away; a footnote
# naming its figure's source is no record on file.
@pytest.mark.parametrize(("text", "fact"), [
    # f19-64493-footnote-imaging-no-show
    ("Study          Date          Region\nMRI L-spine    12/01/2026 (2) lumbar\n"
     "(2) ordered for 12/01 - patient no-showed; not done, not rescheduled.", "ct_mri_date"),
    # outside tester session 15 F7
    ("PT completed: 12 wks* (*per pt report; PT records not received)", "pt_weeks"),
    ("PT 14 weeks^1 in two courses.\n^1 Not verified with PT clinic.", "pt_weeks"),
    # the helper's own wordings
    ("Fax p.2 - imaging\nMRI lumbar 11/20/2026†\n† cancelled by patient, not rescheduled",
     "ct_mri_date"),
    ("Pain today 8/10 (1)\n(1) score from 2024 visit, not re-assessed today", "pain_nrs"),
])
def test_a_footnote_that_doubts_its_figure_takes_it_away(text: str, fact: str) -> None:
    assert fact not in read(text, "64493")


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("MRI L-spine 10/14/2026*\n* read by Dr. Osei, facet arthropathy L4-5", "ct_mri_date",
     "2026-10-14"),
    ("PT completed: 14 wks* (*per PT discharge summary 11/20/2026)", "pt_weeks", "14 weeks"),
    ("Pain 7/10†\n† at rest, reassessed today", "pain_nrs", "7"),
])
def test_a_footnote_that_only_explains_keeps_its_figure(text: str, fact: str,
                                                       value: object) -> None:
    got = read(text, "64493").get(fact)
    assert str(got) == value


def test_a_footnote_naming_a_source_is_no_record_on_file() -> None:
    # f19-64493-footnote-med-trials
    text = ("Drug         Dose          Duration   Result\n"
            "ibuprofen    800 mg TID    8 wk       no relief *\n"
            "* per pt and PCP note 10/01/2026")
    assert "pcp_consult_documented" not in read(text, "64493")


# outside tester session 15 F26: a score out of another scale is no NRS 0-10.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Pain: 3 out of 5."),
    ("97110", "Pain 3/5 (5-point scale)."),
    # the helper's own wordings
    ("64493", "Pain 2/5 on a five-point scale"),
    ("62311", "Phone: pt rates her back pain 4 out of 5 today."),
])
def test_a_score_on_another_scale_is_no_pain_score(cpt: str, text: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Pain 7 out of 10 today", "7"),
    ("Pain 6/10 on a 10-point scale", "6"),
    ("Pain: 4 out of 10.", "4"),
])
def test_a_score_out_of_ten_is_still_read(text: str, value: str) -> None:
    assert read(text, "64493").get("pain_nrs") == value


# outside tester session 15 F21: a field's answer its own remark calls an error is asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Active infection: Y  (error - should read N; see addendum)", "active_infection"),
    # the helper's own wordings
    ("64493", "Cosmetic: Yes - wrong box, should be No", "cosmetic_purpose"),
    ("62311", "Active infection: Y (typo - see corrected form)", "active_infection"),
])
def test_a_field_answer_called_an_error_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Active infection: N (UA neg 11/30)", False),
    ("Active infection: Y (cellulitis L leg, on cephalexin)", True),
])
def test_a_field_answer_with_a_remark_is_still_read(text: str, value: bool) -> None:
    assert read(text, "64493").get("active_infection") is value


# outside tester session 15 F2: a mobile paste cut a word or a figure at the line's end.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "No active infe\nction. Pt is n\not pregnant.", "pregnancy", "not_pregnant"),
    # the helper's own wordings
    ("64493", "Fax p1 (cut at 40 cols): 44F, LMP 11/20, she is n\not pregnant.", "pregnancy",
     "not_pregnant"),
    ("71250", "Vitals: T 38.\n6 C, HR 96.", "body_temperature", "38.6 C"),
    ("97110", "Portal msg: she is no\nt pregnant and not postpartum.", "pregnancy",
     "not_pregnant"),
    # still read: a line that ends at a word, and two words that each stand alone
    ("62311", "Pt is not\npregnant.", "pregnancy", "not_pregnant"),
    ("64493", "Pregnancy test neg; she is not\npregnant", "pregnancy", "not_pregnant"),
])
def test_a_word_cut_by_a_line_break_is_read_whole(cpt: str, text: str, fact: str,
                                                  value: object) -> None:
    assert read(text, cpt).get(fact) == value

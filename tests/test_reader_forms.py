"""Forms as staff paste them: fields left blank and boxes drawn with underscores.

Outside tester, session 9, F1: an unfilled SmartPhrase wildcard ("Active infection: ***")
or a blank line ("Cosmetic: __") read the field's label as a yes, a final denial on an
exclusion the note never answered. A blank field says nothing: the fact is asked.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Active infection: ***. Pregnancy status: ***.", "active_infection"),
    ("62311", "| Active infection | *** |", "active_infection"),
    ("64493", "Cosmetic: ***", "cosmetic_purpose"),
    ("62311", "Pregnant: *** Infection: *** Cosmetic: ***", "cosmetic_purpose"),
    ("62311", "Pregnant: *** Infection: *** Cosmetic: ***", "active_infection"),
    ("64493", "Active infection: ___", "active_infection"),
    ("64493", "Active infection: [blank]", "active_infection"),
    ("64493", "Cosmetic: __", "cosmetic_purpose"),
    ("62311", "Failed conservative treatment: ***", "failed_conservative"),
    ("64493", "Pain (NRS): ***/10", "pain_nrs"),
    # my own wordings of the same: a scanned form's blank lines, a wildcard mid-note
    ("97110", "Exclusions - Infection: ____  Pregnant: ____  Cosmetic: ____", "active_infection"),
    ("71250", "Temp: ***  WBC: ***  Pregnant: ***", "body_temperature"),
])
def test_a_field_left_blank_is_asked_not_read_from_its_label(cpt: str, text: str,
                                                              fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_blank_field_leaves_the_filled_ones_beside_it_read() -> None:
    got = read("Active infection: no. Cosmetic: ***. PT 14 weeks.", "64493")
    assert got["active_infection"] is False
    assert "cosmetic_purpose" not in got
    assert got["pt_weeks"] == "14 weeks"


@pytest.mark.parametrize(("text", "value"), [
    ("Active infection: ___ Yes _X_ No", False),
    ("Active infection: _X_ Yes ___ No", True),
    ("Active infection: Yes ___ No _x_", False),
    ("Active infection: Yes _x_ No ___", True),
])
def test_a_box_drawn_with_underscores_answers_its_field(text: str, value: bool) -> None:
    assert read(text, "64493").get("active_infection") is value


def test_underscore_boxes_none_ticked_are_asked() -> None:
    assert "active_infection" not in read("Active infection: ___ Yes ___ No", "64493")
    assert read("Pregnant: ___ Y  _x_ N", "64493").get("pregnancy") == "not_pregnant"


# A precert call log writes each question and its answer after an arrow ("Karen:
# onset? -> 02/23/2026"): the arrow is the answer's colon, the question mark no doubt
# (fresh12 precert-call notes: the onset, the H&P, the PT and conservative weeks were asked).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Karen: conservative care? -> 20 weeks (03/09-07/27/2026): meloxicam, activity "
     "modification.", "conservative_weeks", "20 weeks"),
    ("97110", "Karen: onset? -> 02/23/2026. H&P? -> PCP Dr. Boyd 10/30/2026.", "symptom_weeks",
     "283 days"),
    ("97110", "Karen: logs? -> treatment log with dates and outcomes - faxed.",
     "treatment_logs_documented", True),
    ("64493", "Carlos: PT? -> two courses, both failed: 12 wks and 8 wks, 20 wks total.",
     "pt_weeks", "20 weeks"),
    # my own wordings: another rep, another arrow, no speaker
    ("64493", "Rep: physical therapy? → 14 wks, no improvement.", "pt_weeks", "14 weeks"),
    ("62311", "Onset? -> 06/01/2026", "symptom_weeks", "185 days"),
    ("62311", "Q: conservative tx? -> 16 weeks of PT and meds.", "conservative_weeks", "16 weeks"),
])
def test_a_call_log_s_question_and_its_arrowed_answer_read_as_a_field(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_question_with_no_answer_still_states_nothing() -> None:
    assert "active_infection" not in read("Active infection?", "64493")
    assert "pt_weeks" not in read("PT? Not documented.", "64493")
    # a plain arrow is still a change, not a call log's answer
    assert read("Pain 5 pre-tx -> 7 now", "64493").get("pain_nrs") == "7"

# ------------------------------------------- session 10 (fixj): fresh12 intake forms

@pytest.mark.parametrize(("text", "fact", "value"), [
    # f12-97110-note-intake-one-xray-set: a patient's quoted answer, then the next field
    ('What brings you to PT? "Right hip and buttock pain, can\'t walk far or garden."  '
     'Cosmetic reasons? [ ] Yes [x] No', "cosmetic_purpose", False),
    # my own wordings: another quoted answer before it, curly quotes, the box ticked yes
    ('Reason for visit: "stiff neck" Cosmetic purpose? [ ] Y [x] N', "cosmetic_purpose", False),
    ('Main problem: “knee pain on stairs”  Active infection? [ ] Yes [x] No',
     "active_infection", False),
    ('Goal: "look better in photos"  Cosmetic reasons? [x] Yes [ ] No', "cosmetic_purpose", True),
])
def test_a_quoted_answer_ends_the_field_before_the_next_label(text: str, fact: str,
                                                              value: bool) -> None:
    """A row of boxes after a label answers it; a patient's quoted answer to the question
    before on the same line is no part of the next label (it read the label "Cosmetic
    reasons" as a yes)."""
    assert read(text, "97110").get(fact) is value


@pytest.mark.parametrize(("text", "fact", "value"), [
    # f12-97110-note-intake-one-xray-set (a 63-year-old woman: not applicable)
    ("Age: 63\nPregnant or could be? [x] No - menopause 2012", "pregnancy", "not_applicable"),
    # my own wordings: the one box printed, ticked, with a remark or alone
    ("Age: 71\nPregnant at this time? [x] No", "pregnancy", "not_applicable"),
    ("Infection right now? [x] No", "active_infection", False),
    ("Is this for cosmetic reasons? [x] No - for pain", "cosmetic_purpose", False),
])
def test_a_question_with_one_ticked_box_is_answered_by_it(text: str, fact: str,
                                                          value: object) -> None:
    """A questionnaire may print only the box ticked: "Pregnant or could be? [x] No" read
    pregnant (the label's word); the ticked "No" is the answer."""
    assert read(text, "97110").get(fact) == value


def test_one_box_unticked_is_no_answer() -> None:
    assert "pregnancy" not in read("Pregnant or could be? [ ] No", "97110")
    assert "active_infection" not in read("Infection right now? [ ] No", "97110")


@pytest.mark.parametrize("text", [
    # f12-97110-intake-pregnancy-boxes: the patient's own answer, no test
    "Age: 36\nAre you pregnant or could you be?  [ ] Yes  [x] No",
    # my own wordings of a question put to the patient
    "Could you be pregnant? [x] No",
    "Any chance you are pregnant? No",
    "Is it possible you might be pregnant?  [ ] Yes [x] No",
])
def test_a_patients_own_no_to_are_you_pregnant_is_asked(text: str) -> None:
    """"Not pregnant" on the patient's word alone is asked (an hCG settles it); a
    questionnaire's "Are you pregnant?" ticked No is the patient's word."""
    assert "pregnancy" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    "Are you pregnant? [x] No. Urine hCG negative 11/20.",
    "States she is not pregnant, urine hCG negative today.",
])
def test_a_patients_no_with_a_negative_test_is_read(text: str) -> None:
    """The test's result is no patient's word, in her sentence or not."""
    assert read(text, "97110").get("pregnancy") == "not_pregnant"


# Session 11 (f13-64493-note-resident-template-meets): a template's heading "Infection:"
# whose answer is a finding ("afebrile (36.7)") read the heading as an active infection,
# a final denial of a qualifying note. The label names what the field is about; the
# answer's own words settle it, or it is asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Infection: afebrile (36.7), no current infection, not on antibiotics.",
     "active_infection"),
    # my own wordings: a screen line, an ROS line under its heading, a cosmetic field
    ("64493", "Infection: T 36.8, WBC 6.1, no signs of infection.", "active_infection"),
    ("62311", "ROS: Infection: afebrile, no chills, no antibiotics", "active_infection"),
    ("64493", "Cosmetic purpose: pain relief, not cosmetic", "cosmetic_purpose"),
])
def test_a_field_s_label_is_not_its_answer_for_a_finding(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Infection: afebrile.", "active_infection"),
    ("62311", "Screening: Infection: vitals stable, exam benign", "active_infection"),
    ("71250", "Bronchodilator failure (Y/N/U): U", "bronchodilator_failed"),
    ("64493", "Cosmetic: for pain relief", "cosmetic_purpose"),
])
def test_a_field_answered_with_neither_yes_nor_no_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Infection: UTI on nitrofurantoin", True),
    ("Active infection: yes - cellulitis L foot", True),
    ("ROS: Infection: N", False),
    ("Infection: afebrile, no current infection.", False),
])
def test_a_field_s_answer_still_settles_a_finding(text: str, value: bool) -> None:
    assert read(text, "64493").get("active_infection") is value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a problem list's dash, or a heading over its own evidence, still affirms
    ("97110", "Postpartum - vaginal delivery 11/02/2026", "postpartum"),
    ("71250", "Clinically unstable - sent to the ED by ambulance", "clinically_unstable"),
    ("62311", "Daily life: stopped her evening shifts; needs help carrying groceries.",
     "symptoms_impact_daily_life"),
])
def test_a_finding_heading_its_own_evidence_is_still_read(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # fresh15 f15-62311-note-np-phone-meets: the consult was denied by the history's
    # "none" two sentences later, a qualifying case denied
    ("62311", "Pain mgmt consult (Dr. Chen, 11/12) in chart. No infections, no abx. "
              "PMH: none - no severe\ncomorbidities.", "pain_or_pcp_consult_documented", True),
    # my own wordings: another field's "no" or "none" later on the same line
    ("62311", "Pain mgmt consult done. Past medical history: none.",
     "pain_or_pcp_consult_documented", True),
    ("62311", "Treatment logs in chart. Allergies: none.", "treatment_logs_documented", True),
    ("62311", "PCP note on file; Infection: no", "pain_or_pcp_consult_documented", True),
    ("62311", "Pain mgmt consult reviewed with pt. Infection: no",
     "pain_or_pcp_consult_documented", True),
    # a field of its own is still answered by its "no"
    ("62311", "Pain management consult: no", "pain_or_pcp_consult_documented", False),
])
def test_a_later_sentence_s_field_does_not_answer_an_earlier_mention(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text"), [
    # a false cosmetic purpose (a final denial) noted open at session 11's end
    ("97110", "Is the procedure for cosmetic reasons only or mostly? No"),
    # my own wordings
    ("64493", "Is this request for cosmetic purposes? No"),
    ("62311", "Is the injection being requested for cosmetic reasons? No"),
])
def test_a_form_question_about_the_purpose_answered_no_denies_it(cpt: str, text: str) -> None:
    assert read(text, cpt).get("cosmetic_purpose") is False


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # noted open at session 11's end: a comma inside a ticked question read a cosmetic
    # purpose (a final denial)
    ("97110", "Cosmetic reasons only, or mostly? [x] No", "cosmetic_purpose", False),
    # my own wordings: the label's words separated by commas, the ticked answer after
    ("97110", "Cosmetic reasons only, or mostly? [ ] Yes [x] No", "cosmetic_only", False),
    ("64493", "Cosmetic, pregnant, infection: [x] No", "pregnancy", "not_pregnant"),
    ("64493", "Cosmetic, pregnant, infection: [x] No", "cosmetic_purpose", False),
])
def test_a_ticked_answer_after_a_label_with_commas_answers_it(cpt: str, text: str, fact: str,
                                                              value: object) -> None:
    assert read(text, cpt).get(fact) == value

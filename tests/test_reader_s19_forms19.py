"""Structured text and questionnaires (session 19, forms19): a form's label, a question
named or a protocol line is no answer; a patient's lay words on her own questionnaire
answer it. Wordings are the fixer's own, not the corpus items'.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A question, a box or a field named ("the pregnancy question") is a form's part: it says
# nothing of whether the patient is pregnant (fresh22: "Pregnancy question skipped per
# protocol - pt is 67" read pregnant).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Pregnancy question not asked - caller hung up.", "71250"),
    ("RN skipped the pregnancy question per the chest pain protocol.", "71250"),
    ("Intake: pregnancy box left blank, will ask at visit.", "64493"),
    ("Question re pregnancy deferred to the provider.", "62311"),
    ("Pregnancy screening question was not reached before the call dropped.", "97110"),
])
def test_a_question_named_is_no_pregnancy(text: str, cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") is None


# An age said of the patient with nothing after it ("pt is 67.") is an age of 60 or more,
# as "67 y/o" is: pregnancy is not applicable.
@pytest.mark.parametrize(("text", "cpt"), [
    ("Pregnancy question skipped, pt is 68.", "71250"),
    ("Per protocol no preg screen needed; she is 72, lives alone.", "64493"),
    ("Member is 63; request is for the lumbar facets.", "64493"),
    ("Patient is 70 years old. Cough x 3 wks.", "71250"),
])
def test_an_age_said_bare_is_past_pregnancy(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("pregnancy")) == "not_applicable"


def test_a_figure_after_the_patient_that_is_no_age_says_nothing() -> None:
    assert str(read("Preg question skipped: pt is 66.", "71250").get("pregnancy")) == \
        "not_applicable"
    assert read("Pt is 67 kg, HR 88.", "71250").get("pregnancy") is None
    assert read("She is 64% improved per ODI.", "62311").get("pregnancy") is None


# A patient's lay words for menopause answer the pregnancy question: not applicable, not
# a bare "no" (which a woman's own word leaves a question).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Are you pregnant?  No - went through the change years ago", "64493"),
    ("Could you be pregnant? no, I had the change at 49", "62311"),
    ("Pregnancy: no, went thru menopause in 2019", "97110"),
    ("Womens questions: pregnant? nope, past the change", "64493"),
])
def test_lay_menopause_is_not_applicable(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("pregnancy")) == "not_applicable"


def test_menopause_denied_or_asked_is_no_answer() -> None:
    assert str(read("Pregnant? no - went through menopause", "64493").get("pregnancy")) == \
        "not_applicable"
    assert read("Not in menopause yet. LMP 11/20.", "64493").get("pregnancy") is None
    assert read("Has she been through menopause? unsure", "62311").get("pregnancy") is None


# An export's object says its own status: a note still open ("draft", "pended",
# "unsigned") is no record on file yet, wherever its status field stands in the object;
# and a later open note makes an earlier signed one no settled latest (fresh22: an app's
# "H&P update" draft was read as the H&P of its day).
@pytest.mark.parametrize("text", [
    '{"kind":"History and physical","dos":"2026-12-02","status":"pended"}',
    '{"status":"draft","title":"H&P","signed_by":null,"date":"2026-11-28"}',
    '[{"doc":"H&P","date":"2026-11-10","status":"final"},\n'
    ' {"doc":"H&P (interval)","date":"2026-12-01","status":"in progress"}]',
])
def test_an_open_note_in_an_export_is_asked(text: str) -> None:
    assert read(text, "62311").get("hp_date") is None


def test_a_signed_note_in_an_export_is_read_an_open_one_not() -> None:
    text = '{"doc":"H&P","date":"2026-12-01","status":"draft - not signed"}'
    assert read(text, "62311").get("hp_date") is None
    text = ('[{"doc":"H&P","date":"2026-11-10","status":"final"},\n'
            ' {"doc":"H&P","date":"2026-12-01","status":"signed"}]')
    assert str(read(text, "62311").get("hp_date")) == "2026-12-01"
    text = ('[{"doc":"H&P","date":"2026-12-01","status":"signed"},\n'
            ' {"doc":"H&P addendum","date":"2026-11-20","status":"unsigned"}]')
    assert str(read(text, "62311").get("hp_date")) == "2026-12-01"


# A table of visits with a pain column: its last row, where the rows go forward in time,
# is the current score (fresh22: a rehab progress report's last visit's pain was unread).
@pytest.mark.parametrize(("text", "value"), [
    ("| Session | Date       | NRS  | Notes            |\n"
     "| 1       | 2026-09-02 | 6    | initial eval     |\n"
     "| 9       | 2026-10-14 | 5    | HEP progressed   |\n"
     "| 16      | 2026-11-18 | 4    | goals partly met |", "4"),
    ("Flowsheet (L knee)\n"
     "| Date  | Pain (0-10) | Intervention          |\n"
     "| 10/01 | 7           | eval, ther ex         |\n"
     "| 11/12 | 6           | ther ex, gait train   |", "6"),
    ("| Visit | Pain score | Comment          |\n"
     "|-------|------------|------------------|\n"
     "| 2     | 8          | stiff AM         |\n"
     "| 7     | 8          | no change        |\n"
     "| 11    | 9          | worse after fall |", "9"),
])
def test_a_visit_tables_last_row_is_the_current_pain(text: str, value: str) -> None:
    assert str(read(text, "97110").get("pain_nrs")) == value


def test_a_table_out_of_order_or_undated_gives_no_score() -> None:
    # (rows newest first, or with nothing saying when: which is now is not said)
    newest_first = ("| Date  | NRS | Note |\n| 11/12 | 4   | better |\n| 09/30 | 7   | eval |")
    undated = ("| Where | NRS | Note |\n| clinic | 4 | ok |\n| home | 6 | worse |")
    in_order = ("| Date  | NRS | Note |\n| 09/30 | 7   | eval |\n| 11/12 | 4   | better |")
    assert read(newest_first, "97110").get("pain_nrs") is None
    assert read(undated, "97110").get("pain_nrs") is None
    assert str(read(in_order, "97110").get("pain_nrs")) == "4"


# A worksheet row's label may carry the criterion's threshold ("NRS >= 4 ...... 7/10"):
# the form's figure, not the patient's; the answer after the leader is (fresh22: the 4 was
# read as the pain, or the row left unread).
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("[x] Pain NRS >= 4 ............ 8/10 on 11/02 (PM&R)", "pain_nrs", "8"),
    ("Pain score > 3 ...... 5/10 per PM&R note", "pain_nrs", "5"),
    ("[x] 4. NRS ≥ 4 ........ 6/10 today", "pain_nrs", "6"),
])
def test_a_threshold_in_a_worksheet_label_is_the_forms(text: str, fact: str, value: str) -> None:
    assert str(read(text, "64493").get(fact)) == value


def test_a_short_leader_in_a_worksheet_answers_its_row() -> None:
    text = ("[x] PT >= 12 wk .......... 14 wk per d/c summary\n"
            "[x]   exercise/stretch >= 6 wk . 8 wk\n"
            "[x]   pain educ >= 3 wk ........ 3 wk")
    got = read(text, "64493")
    assert str(got.get("pt_exercise_weeks")) == "8 weeks"
    assert str(got.get("pt_weeks")) == "14 weeks"


# A lab report's row of lung volumes: the percent after the FVC's own figure is the FVC's,
# not the FEV1's (fresh22: an e-faxed PFT page left the FEV1 asked between 58 and 74).
@pytest.mark.parametrize(("text", "value"), [
    ("Spirometry 10/02/2026: FEV1 1.48 L (61 %pred)   FVC 2.60 L (79 %pred)", "61"),
    ("PFT 10/20/2026: FEV1 1.30 L (52 %pred)  FVC 2.35 L (70 %pred)  FEV1/FVC 0.55", "52"),
    ("PFT 11/02/2026  FEV1 2.10 L (72% predicted), FVC 3.30 L (88% predicted), DLCO 65%",
     "72"),
    ("PFTs 09/14/2026: FEV1 1.9 L / 64% pred; TLC 5.1 L / 97% pred", "64"),
])
def test_the_fvcs_percent_is_no_fev1(text: str, value: str) -> None:
    assert str(read(text, "71250").get("fev1_percent_predicted")) == value


# A worksheet row of the PCP's consult, unticked, is no statement about a specialist's.
def test_an_unticked_pcp_consult_row_is_no_specialist_denial() -> None:
    for text in ("[ ] 9. PCP consult on file .... no - only an urgent care note",
                 "PCP consult on file: NO (requested 11/20)"):
        got = read(text, "64493")
        assert got.get("specialist_consult_documented") is None
        assert got.get("pcp_consult_documented") is False


# A form's question word opening a label ("Any infection:") keeps it a label: an answer
# that is no plain yes ("nah", "nope") leaves it asked, never the label's word affirmed.
@pytest.mark.parametrize(("text", "cpt"), [
    ("Any infection: nah", "64493"),
    ("Current infection: nope, all good", "62311"),
    ("8. Any infection: nah not really", "97110"),
])
def test_a_question_word_label_is_no_affirmation(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is not True


# An e-faxed report: the fax machine's transmission line heading each page is no line of
# the document (its day is the sending's); the report's own title names the test, dated
# the one date of its head (fresh22: a PFT page's "Date of test" was never its date).
@pytest.mark.parametrize(("text", "value"), [
    ("11/30/2026 09:41  FROM: (555) 201-3344  TO: 555 201 9000   P.002/005\n"
     "PULMONARY FUNCTION REPORT\n"
     "Test date: 11/12/2026\n"
     "FEV1 2.05 L (69% pred)", "2026-11-12"),
    ("12/01/2026 14:10 FROM: 8005551212 TO: 8005553434 PAGE 1 OF 3\n"
     "*** SPIROMETRY REPORT ***\n"
     "Performed 10/28/2026 at Mercy Pulmonary Lab\n"
     "FEV1 1.71 L, 63 % predicted", "2026-10-28"),
])
def test_a_faxed_test_report_is_dated_by_its_own_head(text: str, value: str) -> None:
    assert str(read(text, "71250").get("pft_date")) == value


# An app's export: a field of one word or a date is a form's field ("symptom_onset":
# "2026-08-20" dates the onset, "sex":"M" says a man), and a pair wrapped under the one it
# belongs to stays in its sentence (fresh22: the app's onset and sex were never read).
def test_an_exports_one_word_fields_are_read() -> None:
    text = '{"patient":{"gender":"male","age":51},\n "sx_onset":"2026-09-01","level":"L4-5"}'
    got = read(text, "62311")
    assert str(got.get("pregnancy")) == "not_applicable"
    assert str(got.get("symptom_weeks")) == "94 days"


def test_an_exports_field_of_several_words_names_no_value() -> None:
    text = '{"sex":"F","preg_flag":null,"pregnancy_comment":"declined to answer"}'
    assert read(text, "62311").get("pregnancy") is None
    text = '{"sex":"F","symptom_onset":"2026-10-02"}'
    assert str(read(text, "62311").get("symptom_weeks")) == "63 days"


# A study's body area between its name and its answer ("MRI R shoulder: none to date") keeps
# the answer the study's: never done (fresh22: the answer was left unread).
@pytest.mark.parametrize(("text", "fact"), [
    ("MRI L knee: none to date.", "mri_date"),
    ("MRI right shoulder: none yet - pt claustrophobic", "mri_date"),
    ("X-ray R hip: none so far.", "xray_date"),
])
def test_a_study_with_its_body_area_answered_none(text: str, fact: str) -> None:
    assert str(read(text, "97110").get(fact)) == "never"

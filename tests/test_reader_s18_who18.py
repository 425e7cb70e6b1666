"""Whose fact it is, and whether the text is this patient's (session 18, fixer who18):
counsel's questions in a deposition, relatives speaking at a visit, relatives' own
conditions, text the writer disowns. Each test is written in the fixer's own words, after
the corpus failures of fresh21 (deposition, teach-back, grievance, wrong attachment), and
asserts what a user would notice: the value read, or that nothing is stated."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 4)


read = reader_at(AS_OF)


# f21-64493-deposition-*: a deposition's questions are counsel's. "Q. So three courses of
# therapy?" states no count; the witness's answer is what is read. A question with a figure
# of its own is the asker's figure, whatever is answered.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Q: And you went to physical therapy for 12 weeks, right?\nA: I think so, maybe.",
     "pt_weeks"),
    ("62311", "11   Q.  You had an MRI on September 3rd?\n12   A.  I don't remember the date.",
     "ct_mri_date"),
    ("64493", "Q. The clinic note says fourteen weeks of PT, 14 weeks. Is that accurate?\n"
     "A. Six. It was six weeks.", "pt_weeks"),
    ("62311", "Q. And the MRI was done on 09/14/2026?\nA. I guess.", "ct_mri_date"),
    ("64493", "Q. You've had back pain for 2 years, haven't you?\nA. Not that long.",
     "symptom_weeks"),
    ("64493", "Q. And your pain is 9 out of 10 today?\nA. Maybe 6.", "pain_nrs"),
])
def test_counsels_question_states_nothing(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_witness_answer_is_read_after_an_objection() -> None:
    # (counsel's "8 weeks" is no figure of the patient's; the witness's twelve are)
    got = read("7    Q.  So you had 8 weeks of physical therapy at Coastal?\n"
               "8        MR. GREER:  Objection, form.\n"
               "9    A.  No. Twelve weeks of physical therapy and nothing changed.", "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"


# f21-64493-trello-card-wrong-attachment: a file the text calls another patient's or wrong
# ("removed attachment PT_dc_summary.pdf (wrong pt!! ...)") gives nothing of this patient
# where another line quotes or lists what the file says.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Scanned PT_eval.jpg: PT 12 weeks, no relief.\nPT_eval.jpg - wrong chart, "
     "re-scanning tomorrow.", "pt_weeks"),
    ("71250", "Attachments: labs_1120.pdf (WBC 16.2, CRP 40)\nlabs_1120.pdf was the wrong "
     "attachment - belongs to bed 4.", "wbc_count"),
    ("64493", "Attachments: ptlog.pdf - PT 12 weeks\nptlog.pdf was the wrong attachment.",
     "pt_weeks"),
])
def test_a_file_given_to_another_patient_states_nothing(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_the_other_file_beside_a_wrong_one_is_read() -> None:
    got = read("jlee attached dc_summary_A.pdf - PT 14 wks, no relief.\n"
               "jlee attached dc_summary_B.pdf - PT 10 wks, no relief.\n"
               "jlee removed dc_summary_A.pdf (wrong pt)", "64493")
    assert str(got.get("pt_weeks")) == "10 weeks"


# f21-97110-hep-log-daughter-back-page ("Back page is the daughter's own PT log for her
# shoulder, pain 3"): a thing said to be a relative's is what the rest of its sentence
# describes, its figures after a comma too.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "The last sheet is her son's exercise diary for his knee, pain 6/10.", "pain_nrs"),
    ("97110", "Her sister's PT log, pain 6/10, 12 weeks.", "pain_nrs"),
    ("97110", "Clipped to the referral: the husband's own home-exercise sheet, NRS 5/10.",
     "pain_nrs"),
])
def test_what_a_relatives_thing_says_is_the_relatives(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)



# f21-62311-grievance-insulted-pregnancy ("your form asking am I pregnant is insulting"): a
# question reported in its own word order after a verb of asking is the asker's words.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "The intake sheet asks am I pregnant. I am 71.", "pregnancy"),
    ("62311", "Every visit the front desk asks me is she pregnant, about my mother who is 80.",
     "pregnancy"),
    ("64493", "Reviewer wants to know did he do 12 weeks of physical therapy.", "pt_weeks"),
    ("71250", "The triage nurse kept asking was I running a fever of 101.", "body_temperature"),
])
def test_a_reported_question_states_nothing(cpt: str, text: str, fact: str) -> None:
    got = read(text, cpt)
    assert str(got.get(fact)) not in ("pregnant", "12 weeks", "101.0 F", "101 F")


# f21-62311-teach-back-husbands-diet, f21-62311-note-teach-back-chart-check: a relative's
# report the patient corrects ("Husband adds she did the diet too - pt corrects him: that
# was YOUR diet") is not read; the patient's word wins.
def test_a_relatives_figure_the_patient_corrects_gives_way() -> None:
    got = read("Wife states he did 14 weeks of PT; pt corrects her, it was 8 weeks.", "64493")
    assert str(got.get("pt_weeks")) == "8 weeks"


@pytest.mark.parametrize(("cpt", "text", "fact", "wrong"), [
    ("62311", 'PT 2x/wk x 8 wks and meloxicam x 6 wks, neither helped. Daughter says "she did '
     'the weight loss program too" - pt: "no, that was you, sweetheart."',
     "conservative_treatments", "lifestyle_modifications"),
    ("97110", "Husband says pain 9/10 at night; pt corrects him: that is his own pain, not "
     "mine.", "pregnancy", "not_applicable"),
])
def test_what_the_patient_gives_back_to_a_relative_is_not_read(
        cpt: str, text: str, fact: str, wrong: str) -> None:
    assert wrong not in str(read(text, cpt).get(fact))


# outside tester session 18 F12: a staff member's pregnancy is the staff member's ("Assisted
# by RN J. Cole (28 weeks pregnant, ...)", "Attending physician is on leave for her
# pregnancy"), never the patient's.
@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "Time-out done. Circulating RN T. Boyd (30 wks pregnant, no fluoro room) stepped "
     "out."),
    ("71250", "Attending physician is out on leave for her pregnancy until March."),
    ("71250", "Dr. Patel is on leave for her pregnancy; Dr. Kim covering."),
])
def test_a_clinicians_pregnancy_is_the_clinicians(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt)



# f21-62311-grievance-pinched-nerve-sister ("the man there told me the nerve is pinched"): a
# man the writer meets is no word of the patient's sex.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "I called twice and the man at the front desk said the referral was lost."),
    ("97110", "The gentleman from the insurance company asked about my knee pain."),
    ("62311", "My injection was cancelled because the man who does the scheduling was out."),
])
def test_a_man_the_writer_meets_is_not_the_patient(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt)


# f21-71250-rt-treatment-record-wife-inhaler: the "she" of a relative's report ("Pt's wife
# states she uses her own inhaler") is the relative's, so it does not hide the patient's
# "his" after it.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Pt's wife states she uses an inhaler. Pt states his albuterol inhaler does "
     "nothing anymore."),
    ("64493", "Patient's daughter says she had the same injection last year. Pt reports his "
     "pain is 7/10."),
])
def test_the_patients_his_after_a_relatives_she_says_a_man(cpt: str, text: str) -> None:
    assert str(read(text, cpt).get("pregnancy")) == "not_applicable"


# outside tester session 18 CH8 ("pt's wife says he's had back pain 6 mo, she has
# diabetes"): after a relative and the patient's pronoun of the other sex, a clause that
# opens with the relative's pronoun is the relative's.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Wife reports his pain is 7/10, she is 20 weeks pregnant.", "pregnancy"),
    ("64493", "Pt's wife says he has had back pain 6 months, she is on dialysis.",
     "severe_comorbidities"),
    ("62311", "Her husband says she did PT 8 weeks, he is on insulin for diabetes and has "
     "ESRD.", "severe_comorbidities"),
])
def test_the_relatives_pronoun_after_the_patients_is_the_relatives(
        cpt: str, text: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) not in ("pregnant", "['esrd']", "['diabetes']",
                                                   "['diabetes', 'esrd']")

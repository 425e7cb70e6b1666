"""Session 22, forms22: a form's answers that stand apart from their labels. A label is the
form's question, not a finding: its answer may stand on the next line, in the row under it,
before it, or as a code its legend decodes. Every text here is the fixer's own wording, in
voices unlike the outside tester's inputs; each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))

_NO = ("False", "not_pregnant")


# The answer on the line under its label: a web page or a PDF form copied line by line.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("UHC Provider Portal - Case Detail\nRequesting NPI\n1457390021\nActive infection\nNo\n"
     "Notes\nSee attached", "62311", "active_infection"),
    ("Prior Auth Intake (exported)\nIs the patient pregnant\nNo\nDiagnosis\nM54.16",
     "62311", "pregnancy"),
    ("Eligibility screen\nCosmetic purpose\nNO\nPlace of service\nOutpatient hospital",
     "64493", "cosmetic_purpose"),
    ("Review questions\nSuspected bacterial pneumonia\nNo - afebrile, clear CXR\nOrdering MD\n"
     "Dr. Iyer", "71250", "bacterial_pneumonia"),
    ("cosmetic only\nno\nreason for visit\nknee pain after fall", "97110", "cosmetic_only"),
    ("Section C - Exclusions\nPostpartum\nN\nActive infection\nN", "97110", "postpartum"),
    ("Section C - Exclusions\nPostpartum\nN\nActive infection\nN", "97110", "active_infection"),
])
def test_the_answer_on_the_next_line_is_the_labels(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) in _NO


# A yes under its label is a yes all the same.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Patient screening\nActive infection\nYes - cellulitis L leg, on cephalexin",
     "64493", "active_infection", "True"),
    ("Screening\nBacterial pneumonia suspected\nYes\nTemp\n38.9", "71250",
     "bacterial_pneumonia", "True"),
])
def test_a_yes_on_the_next_line_is_read(text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# A row of labels with a row of answers under it (a table, a spreadsheet's columns, a CSV's
# header): no label alone is the condition present; where each answer is whose is not
# read from the row, the facts are asked.
@pytest.mark.parametrize(("text", "cpt", "facts"), [
    ("Screening grid:\n| Pregnancy | Active infection | Cosmetic purpose |\n"
     "|---|---|---|\n| No | No | No |", "64493",
     ("pregnancy", "active_infection", "cosmetic_purpose")),
    ("pregnant,active_infection,cosmetic\nN,N,N", "64493",
     ("pregnancy", "active_infection", "cosmetic_purpose")),
    ("Pregnant      Cosmetic      Active infection\nNo            No            No", "64493",
     ("pregnancy", "active_infection", "cosmetic_purpose")),
    ("Visit date,Pregnant,Cosmetic\n11/30/2026,No,No", "62311", ("pregnancy",)),
    ("Pregnant\tPostpartum\tActive infection\nNo\tNo\tNo", "97110",
     ("pregnancy", "postpartum", "active_infection")),
])
def test_a_row_of_labels_over_answers_is_no_finding(text: str, cpt: str,
                                                    facts: tuple[str, ...]) -> None:
    got = read(text, cpt)
    for fact in facts:
        assert str(got.get(fact)) not in ("True", "pregnant")


# The answer written before its label: "No - infection." is "infection: no".
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Checked with the patient by phone. No - pregnancy. No - fever.", "62311", "pregnancy"),
    ("Nursing screen done.  no - active infection; yes - anticoagulated.", "64493",
     "active_infection"),
    ("Ordering clinic's answers:\nNo - cosmetic.\nYes - symptomatic.", "71250",
     "cosmetic_purpose"),
    ("No - postpartum.\nNo - infection.", "97110", "postpartum"),
])
def test_an_answer_before_its_label_is_the_labels(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) in _NO


# A code with the form's legend: the code says what the answer is.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Q7. Currently pregnant? (1=yes, 2=no): 2", "62311", "pregnancy",
     "not_pregnant"),
    ("Survey item 4. Active infection (0 = no, 1 = yes): 0", "64493", "active_infection",
     "False"),
    ("Cosmetic reason (1 = yes; 2 = no): 2", "64493", "cosmetic_purpose", "False"),
    ("Bacterial pneumonia (0=absent, 1=present) = 0", "71250", "bacterial_pneumonia", "False"),
    ("Active infection (1 = yes, 2 = no): 1", "62311", "active_infection", "True"),
])
def test_a_coded_answer_is_read_by_its_legend(text: str, cpt: str, fact: str,
                                             value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


def test_a_code_the_legend_does_not_give_is_no_finding() -> None:
    got = read("Pregnant (1 = yes, 2 = no): 9", "62311")
    assert str(got.get("pregnancy")) != "pregnant"


# A finding ruled out on a day, or by a test, is ruled out: the day says when.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Dx list: Bacterial pneumonia - ruled out 11/29.", "71250", "bacterial_pneumonia"),
    ("Active infection - excluded on 11/30/2026.", "62311", "active_infection"),
    ("Active infection - ruled out 2026-11-20 by aspiration.", "64493", "active_infection"),
    ("Bacterial pneumonia - ruled out by CT.", "71250", "bacterial_pneumonia"),
])
def test_ruled_out_on_a_day_is_ruled_out(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) in _NO


# A yes to whether something was so at any time in a span up to now says it was so then,
# not that it is now: the condition is asked, never read as now.
@pytest.mark.parametrize(("text", "cpt", "fact", "now"), [
    ("Intake questionnaire: Have you been pregnant in the last 12 months? Yes (baby born "
     "in July)", "97110", "pregnancy", "pregnant"),
    ("Pregnant during the past year: Y", "62311", "pregnancy", "pregnant"),
    ("Q: any pregnancy within the past 6 months? A - yes, miscarried in September.",
     "64493", "pregnancy", "pregnant"),
    ("Bacterial pneumonia within the past 12 months: yes", "71250", "bacterial_pneumonia",
     "True"),
])
def test_a_yes_about_a_past_span_is_not_now(text: str, cpt: str, fact: str, now: str) -> None:
    assert str(read(text, cpt).get(fact)) != now


# A denial heading a list covers every item, whether commas or semicolons set them apart.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Screening done; none present: Pregnancy; Active infection; Cosmetic reason.", "64493",
     "cosmetic_purpose"),
    ("Red flags - negative for: fever; infection at the site; pregnancy.", "62311",
     "pregnancy"),
    ("Denies: cosmetic motivation; pregnancy; recent infection.", "64493", "pregnancy"),
    ("Negative for: cosmetic purpose; active infection; pregnancy.", "64493",
     "active_infection"),
])
def test_a_denied_list_of_semicolons_is_denied_whole(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) in _NO


# A page's fields run together on one line (a chat box's paste): a capital yes or no between
# a label and the next label is the first label's answer, never a denial of the next.
@pytest.mark.parametrize(("text", "cpt", "fact", "values"), [
    ("Eligibility Cosmetic reason No Documents received PT notes", "64493",
     "cosmetic_purpose", ("False", "None")),
    ("Pregnancy status No Enclosed PCP referral letter", "71250", "pcp_referral_documented",
     ("True", "None")),
    ("Pregnancy status No Enclosed PCP referral letter", "97110", "pregnancy",
     ("not_pregnant", "None")),
    ("Screening Active infection No Pregnant No Reviewer J. Ortiz", "62311",
     "active_infection", ("False",)),
    ("Cosmetic only No Uploaded Treatment logs", "97110", "treatment_logs_documented",
     ("True", "None")),
])
def test_a_run_together_answer_is_the_label_befores(text: str, cpt: str, fact: str,
                                                     values: tuple[str, ...]) -> None:
    assert str(read(text, cpt).get(fact)) in values


# A bare figure on the line under a label that gives its unit is the label's value.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Request summary\nDuration of symptoms (weeks)\n30\nOrdering provider\nDr. Hale", "71250",
     "symptom_weeks", "30 weeks"),
    ("Prior auth form\nSymptom duration (weeks)\n16", "62311", "symptom_weeks", "16 weeks"),
])
def test_a_figure_under_its_label_is_its_value(text: str, cpt: str, fact: str,
                                              value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value

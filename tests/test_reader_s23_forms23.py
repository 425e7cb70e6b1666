"""Session 23, forms23: forms, tables, logs and one-line pastes. A form's shape says which
answer is whose: a phone menu's key answers its question and nothing after it, a field left
blank is no answer, a column's answer is its own label's. Every text here is the fixer's own
wording, in voices unlike the outside tester's inputs; each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

read = reader_at(date(2026, 12, 5))

_NO = ("False", "not_pregnant")


def _asked(text: str, cpt: str) -> str:
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5))
    return " | ".join(f"{u.words} ({u.why})" for u in got.unread)


# A phone menu's key answers its question; what the line says after the key is read too (a
# call log pasted into one line: the menu was written over the rest of the line).
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("IVR 11/30 09:12 Any fever or infection right now? Press 1 for yes, 2 for no. "
     "Selected 2. Caller says back pain 8/10 today.", "64493", "pain_nrs", "8"),
    # (the log's time stamp is no figure the question asks about)
    ("11/30 09:12 Any infection? Press 1 for yes, 2 for no. Selected 2. Caller says back "
     "pain 8/10 today.", "64493", "active_infection", "False"),
    ("Outreach bot: Is this visit for looks only? Say 1 for yes or 2 for no. Response 2. "
     "Nurse: MRI of the lumbar spine done 10/14/2026.", "64493", "ct_mri_date", "2026-10-14"),
    ("Menu: pregnant or might be? press 1 yes, press 2 no -> keypress 2 ; member then "
     "reports no active infection", "62311", "active_infection", "False"),
    ("Q7 Any infection now? 1 = yes, 2 = no. DTMF 2. Q8 Is this for cosmetic reasons? "
     "1 = yes, 2 = no. DTMF 1.", "62311", "active_infection", "False"),
    ("Q7 Any infection now? 1 = yes, 2 = no. DTMF 2. Q8 Is this for cosmetic reasons? "
     "1 = yes, 2 = no. DTMF 1.", "62311", "cosmetic_purpose", "True"),
])
def test_what_follows_a_menus_key_is_read(text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


def test_a_menu_no_one_answered_takes_only_its_own_question() -> None:
    got = read("Pregnant? Press 1 for yes, 2 for no. TIMEOUT. Imaging: MRI L-spine "
               "09/30/2026.", "64493")
    assert "pregnancy" not in got
    assert str(got.get("ct_mri_date")) == "2026-09-30"


# A question answered on its line with more sentences after it ("Pregnant? No. Pain ..."):
# the answer is the question's, as it is at the end of a line.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Screening by phone - Pregnant? No. Fever? No. She rates the pain 6/10.", "64493",
     "pregnancy", "not_pregnant"),
    ("pt asked: any infection? no. on naproxen since Sept.", "62311", "active_infection",
     "False"),
    ("Cosmetic? No; wants to get back to lifting at work.", "97110", "cosmetic_only", "False"),
    ("Does the member have an active infection? No. Wants the block before travel.", "64493",
     "active_infection", "False"),
])
def test_a_question_answered_mid_line_is_read(text: str, cpt: str, fact: str,
                                              value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# A field left blank under its label (a page copied line by line): no answer, so nothing is
# stated, and the label alone is never the condition present.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Intake form (printed from portal)\nPregnant\n(no answer)\nReferring MD\nDr. Abe",
     "64493", "pregnancy"),
    ("Active infection\nnot answered\nCosmetic purpose\nNo", "62311", "active_infection"),
    ("Postpartum\n[blank]\nSymptoms began\n08/2026", "97110", "postpartum"),
    ("Patient questionnaire p.2\nCurrently pregnant\nprefer not to answer\nSmoker\nNo",
     "62311", "pregnancy"),
    ("Suspected bacterial pneumonia\n___\nCough for 10 weeks", "71250", "bacterial_pneumonia"),
    ("Active infection\n—\nPain\n7/10", "64493", "active_infection"),
])
def test_a_field_left_blank_states_nothing(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_field_left_blank_in_words_is_asked() -> None:
    assert "Pregnant" in _asked("Pregnant\n(no answer)\nPain\n6/10", "64493")


def test_a_field_answered_under_its_label_is_still_read() -> None:
    assert str(read("Pregnant\nYes - 20 weeks", "64493").get("pregnancy")) == "pregnant"
    assert str(read("Active infection\nNo", "64493").get("active_infection")) == "False"


# A row of labels over a row whose cells are not all filled: an answer is its own column's,
# never every label's, and an empty cell answers nothing.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Pregnant\tInfection\n\tNo", "64493", "pregnancy"),
    ("Pregnant\tInfection\n\tNo", "64493", "active_infection"),
    ("Pregnant      Active infection\n              No", "62311", "pregnancy"),
    ("| Active infection | Pregnant | Cosmetic |\n| No | | No |", "64493", "pregnancy"),
    ("Date,Pregnant,Cosmetic\n11/30/2026,,No", "64493", "pregnancy"),
    ("Postpartum\tCosmetic only\tActive infection\nN\t\tN", "97110", "cosmetic_only"),
])
def test_an_empty_cell_answers_no_label(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


# A row that opens with its date (a claims history, a billing export, a log drawn with bars)
# is one record: the study named in a later cell has the row's date, and the header over
# the rows is no sentence the first row wraps into.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("10/03/2026 | 2 | Lakeside Orthopedics | 72100 | Lumbar spine films, 2 views | Allowed",
     "64493", "xray_date", "2026-10-03"),
    ("Service date | Payee | CPT | Item\n08/21/2026 | Pinewood Hospital | 72131 | CT lumbar "
     "spine without dye\n05/02/2026 | Pinewood Hospital | 99213 | office visit", "62311",
     "ct_mri_date", "2026-08-21"),
    ("| DOS | Billing NPI | Description | Paid |\n|---|---|---|---|\n| 2026-07-30 | "
     "1457390021 | MRI cervical spine wo contrast | $412.00 |", "97110", "mri_date",
     "2026-07-30"),
])
def test_a_dated_rows_study_has_the_rows_date(text: str, cpt: str, fact: str,
                                              value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# A facility named after its trade is no study: "Harbor Imaging" on a row with an X-ray is
# no CT or MRI of that day.
@pytest.mark.parametrize(("text", "cpt"), [
    ("02/11/2026 | Harbor Imaging | 72110 | X-ray lumbar spine, 4 views | Paid", "64493"),
    ("02/11/2026\tMesa Imaging\tX-ray L-spine 3 views", "62311"),
    ("2026-10-19,Crestview Imaging,Lumbar X-ray AP/lat", "64493"),
])
def test_a_facilitys_name_is_no_ct_or_mri(text: str, cpt: str) -> None:
    assert "ct_mri_date" not in read(text, cpt)


# "Not applicable" to whether the request is cosmetic says the cosmetic exclusion does not
# apply: no cosmetic purpose (never the label read as present). A finding answered n/a
# stays asked: the filler may have skipped it.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Cosmetic indication - not applicable", "64493", "cosmetic_purpose"),
    ("Aesthetic reasons: N/A (work injury)", "62311", "cosmetic_purpose"),
    ("COSMETIC ONLY? NA", "97110", "cosmetic_only"),
    ("Section 4. Cosmetic | n/a | reviewer initials JT", "64493", "cosmetic_purpose"),
])
def test_cosmetic_not_applicable_is_no_cosmetic_purpose(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) == "False"


def test_a_finding_answered_not_applicable_is_still_asked() -> None:
    got = read("Cosmetic: not applicable.\nActive infection: n/a", "97110")
    assert str(got.get("cosmetic_only")) == "False"
    assert "active_infection" not in got

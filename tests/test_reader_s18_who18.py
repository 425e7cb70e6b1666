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

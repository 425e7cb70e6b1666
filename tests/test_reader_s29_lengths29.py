"""How long and how many (session 29, lengths29). Wordings are this file's own, in several
voices (a phone message, a fax-back, a portal copy, a chat reply, a referral from abroad, a
form row)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a rule's figure is never the patient's ---------------------------------------------------
# (a payer's form asking "two courses", a policy's words pasted in, "the plan's rule is two
# failed courses": the figure is what the rule asks, and a nurse would never take it for
# what the patient did; phrase26a, phrase27a, phrase28a read it as the patient's)

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a phone message about the payer's form
    ("Left msg w/ Aetna rep - the PA form asks for 2 failed PT courses minimum. Pt did one "
     "PT course (8 wks), no relief.", "64493", "pt_courses_failed", "1"),
    # a fax-back quoting the policy
    ("Their policy excerpt (faxed back to us): \"pulmonary rehab 3 sessions per week for at "
     "least 12 weeks\". Mrs. Okoro attends rehab once weekly, 9 weeks so far.", "71250",
     "pt_sessions_per_week", "1"),
    # criteria copied from a portal
    ("Criteria text, copied from the portal: 'PT at a minimum of 2 sessions per week'. Ours: "
     "pulmonary PT once a week.", "71250", "pt_sessions_per_week", "1"),
    # a chat reply about the plan's rule
    ("the plan's rule is 2 failed courses of conservative care; she has failed one "
     "(naproxen x 8 wks, no relief)", "62311", "conservative_courses_failed", None),
])
def test_a_rules_figure_is_not_the_patients(text: str, cpt: str, fact: str,
                                            value: str | None) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text, cpt, fact, value", [
    # guards: a rule said to be met, and a form of the patient's, still give their figures
    ("Rule met: PT 14 wks, no relief.", "64493", "pt_weeks", "14 weeks"),
    ("Intake form shows PT 12 weeks, failed.", "64493", "pt_weeks", "12 weeks"),
    ("Threshold is met - PT 3 sessions per week for 13 weeks.", "71250",
     "pt_sessions_per_week", "3"),
    ("The requirement was met: pulmonary rehab 2 sessions per week x 24 weeks.", "71250",
     "pt_weeks", "24 weeks"),
])
def test_a_rule_said_met_keeps_the_patients_figure(text: str, cpt: str, fact: str,
                                                   value: str) -> None:
    assert read(text, cpt).get(fact) == value

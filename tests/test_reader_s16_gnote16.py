"""Complete notes whose facts are all in their own words (session 16, gnote16): a note
read as little as a question because of its structure. fresh19's SOAP note written plan
first had every line after "PLAN" read as planned (a bare header scoped the whole rest of
the note). Each mechanism: the corpus input, wordings written by the fixer in other
voices, and statements the fix must still read as before (a plan is still a plan)."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str, pending: list[str] | None = None) -> dict[str, object]:
    u = understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF)
    return {r.fact: str(r.value) for r in u.facts}


# f19-62311-note-plan-first-soap-old-mri: "PLAN" on its own line, then "ASSESSMENT",
# "OBJECTIVE", "SUBJECTIVE": the plan's scope ran to the end of the note, so the MRI's
# date, the courses, the labs and the exam were all "planned". A bare header that names a
# section of a note (`plain_sections` in context.yaml) ends the section above it.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "PROGRESS NOTE 11/25/2026\n\nPLAN\n- Request R L5-S1 TF ESI.\n- Continue "
     "duloxetine 30 mg. No further PT.\nASSESSMENT\n- R S1 radiculopathy.\nOBJECTIVE\n- MRI "
     "L-spine 09/15/2026, good-quality study: R L5-S1 extrusion compressing the R S1 root.\n"
     "SUBJECTIVE\n- R buttock/calf pain since 12/01/2025.", "ct_mri_date", "2026-09-15"),
    # my own wordings: a faxed consult, an e-mailed visit note, a telehealth note
    ("64493", "FAX - consult 11/30/2026\nRECOMMENDATIONS\nMedial branch blocks L4-5 bilaterally."
     "\nFollow-up in 4 weeks.\nHISTORY\nLow back pain, bilateral, no radiation. Completed 14 "
     "weeks of physical therapy without relief.", "pt_weeks", "14 weeks"),
    ("64493", "Visit note (e-mailed by the clinic)\nPlan\nSchedule MBB at L4-5\nRepeat ODI in "
     "6 weeks\nExam\nLumbar flexion limited to 40 degrees, facet loading positive.\nHPI\n"
     "Physical therapy x 10 weeks this summer, no better.", "pt_weeks", "10 weeks"),
    ("62311", "TELEHEALTH NOTE 12/01/2026\nPLAN OF CARE\nTF ESI L5-S1 requested.\nLABS\n"
     "CRP 18 mg/L (H) on 11/28/2026.", "inflammatory_labs_documented", "True"),
])
def test_a_bare_section_header_ends_the_plan_above_it(cpt: str, text: str, fact: str,
                                                      value: str) -> None:
    assert read(text, cpt).get(fact) == value


# ... and what the plan itself names is still planned: a line of a list under "PLAN"
# that is no header keeps the plan's scope, and so does a bare line that is no section's.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "PLAN\nMRI lumbar spine 12/15/2026\nPT 12 weeks\n", "ct_mri_date"),
    ("64493", "PLAN\nMRI lumbar spine 12/15/2026\nPT 12 weeks\n", "pt_weeks"),
    ("64493", "Plan\nLow back\nPhysical therapy 8 weeks, then reassess.", "pt_weeks"),
    ("62311", "RECOMMENDATIONS\nMRI L-spine on 12/10/2026\nASSESSMENT\nL5 radiculopathy.",
     "ct_mri_date"),
])
def test_a_plan_s_own_lines_are_still_planned(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)

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


# f19-64493-note-payer-qa-meets: a payer's numbered questions answered on their lines
# ("Q1. Pain location? Low back, ...", "Q9. Date of comprehensive H&P? 11/24/2026"): the
# question ended a sentence, so the answer named no subject. A numbered question answered
# on its line is the label of the answer (`text.answered_questions`).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Q1. Pain location? Low back, bilateral, no radiation below the knee.",
     "pain_region", "low_back"),
    ("64493", "Q9. Date of comprehensive H&P? 11/24/2026 (Dr. Haddad), attached.", "hp_date",
     "2026-11-24"),
    ("64493", "Q17. Active infection? No. Pregnancy? No - urine hCG negative 11/24/2026.",
     "active_infection", "False"),
    # my own wordings: an e-mailed answer sheet, a fax, a two-line Q/A
    ("64493", "Re: your questions on the facet request\nQ2) Date of the last lumbar X-ray? "
     "10/01/2026, 3 views\nQ3) Anything else? no", "xray_date", "2026-10-01"),
    ("64493", "Q7. Any active infection? None - afebrile, no antibiotics since May.",
     "active_infection", "False"),
    ("64493", "Question 4: Weeks of PT completed?\nAnswer: 12 weeks, no relief.\nQuestion 5: "
     "Date of last x-ray?\nAnswer: 10/01/2026", "pt_weeks", "12 weeks"),
])
def test_a_numbered_question_is_the_label_of_its_answer(cpt: str, text: str, fact: str,
                                                        value: str) -> None:
    assert read(text, cpt).get(fact) == value


# f19-62311-note-payer-chatbot-hemophilia: a payer's chatbot asks on one line, the
# provider answers on the next ("Bot: What conservative treatment has he had, for how long,
# and did it help?\nProvider: 2 courses ... 16 wks total"): the answer is the question's
# field, where the two speakers recur (a transcript, not a form's lines).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Bot: What conservative treatment has he had, for how long, and did it help?\n"
     "Provider: 2 courses, both with zero improvement: PT 03/02-04/26 (8 wks), then celecoxib "
     "+ weight loss + modified duties at work 04/27-06/21 (8 wks). 16 wks total.\nBot: Is the "
     "request for any cosmetic purpose?\nProvider: no, pain only", "conservative_weeks",
     "16 weeks"),
    ("62311", "Bot: Pain score before treatment and now (0-10)?\nProvider (clinic RN): 6 before "
     "any treatment, 9 now\nBot: Is the request for any cosmetic purpose?\nProvider (clinic "
     "RN): no, pain only", "cosmetic_purpose", "False"),
    # my own wordings: a phone log, a portal chat, a reviewer's call
    ("64493", "Call with Dr. Lee's office 12/02\nQ: How long has she had the back pain?\n"
     "A: Since 03/02/2026.\nQ: Any active infection?\nA: none, afebrile", "active_infection",
     "False"),
    ("64493", "Reviewer: Where is the pain?\nMA: low back, both sides, no leg pain\n"
     "Reviewer: Pain score?\nMA: 7/10 this morning", "pain_nrs", "7"),
    ("97110", "[09:14] Agent: Which body part is the therapy for?\n[09:15] Kim (front desk): "
     "right knee\n[09:15] Agent: Current pain score?\n[09:16] Kim (front desk): 6/10 "
     "at rest", "pain_nrs", "6"),
])
def test_a_transcript_s_answer_on_the_next_line_is_its_question_s_field(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# ... and what it does not settle stays asked: an answer under two questions is neither's,
# a question with a figure of its own stays the asker's figure, a form's unanswered
# question is not answered by the next field, a "not sure" is no "no".
@pytest.mark.parametrize(("cpt", "text", "fact", "wrong"), [
    ("62311", "Bot: Any active infection? Pregnancy?\nProvider: no\nBot: Cosmetic?\n"
     "Provider: no", "pregnancy", "not_pregnant"),
    ("64493", "Q4. Has she completed 12 weeks of PT? 8 weeks so far.", "pt_weeks", "12 weeks"),
    ("64493", "Pregnant?\nActive infection: no\nCosmetic?\nPT: 8 weeks", "pregnancy",
     "not_pregnant"),
    ("64493", "Reviewer: Is she pregnant?\nRN: not sure\nReviewer: Cosmetic?\nRN: no",
     "pregnancy", "not_pregnant"),
    ("64493", "Payer: Did she do at least 6 weeks of PT?\nOffice: she did 4\nPayer: Pain "
     "score?\nOffice: 5/10", "pt_weeks", "6 weeks"),
])
def test_an_answer_that_names_no_one_question_settles_none(cpt: str, text: str, fact: str,
                                                           wrong: str) -> None:
    assert read(text, cpt).get(fact) != wrong


# f13-64493-im-wifes-knee-score: an answer its speaker takes back on the next line
# ("Sam (MA): 8/10" then "Sam (MA): wait thats his wifes ... his is 5/10") is not joined
# to the question: the 8 taken back is never read (the 5 stays asked, as before).
@pytest.mark.parametrize(("cpt", "text", "wrong"), [
    ("64493", "[13:02] Dee (UR): pain score for Okafor?\n[13:03] Sam (MA): 8/10\n[13:03] Sam "
     "(MA): wait thats his wifes, she was in the room w her knee. his is 5/10, LBP\n[13:05] Dee "
     "(UR): ty", "8"),
    ("64493", "Reviewer: Pain score?\nRN: 9/10\nRN: sorry, that was yesterday's; today she "
     "rates it 6/10\nReviewer: thanks", "9"),
    ("97110", "Agent: Current pain score?\nFront desk: 8\nFront desk: no wait, 8 was her "
     "husband, she says 4\nAgent: ok", "8"),
])
def test_an_answer_its_speaker_goes_on_with_is_not_joined(cpt: str, text: str,
                                                         wrong: str) -> None:
    assert read(text, cpt).get("pain_nrs") != wrong


# f19-64493-note-mobile-app-pain-consult-meets: "This consultation also serves as his
# comprehensive history and physical" ("also" before the verb) named no H&P; and
# f19-64493-note-shift-assessment-pain-three: a note appended to a nursing assessment
# under its own heading, "PAIN SERVICE PRE-PROCEDURE NOTE 12/03/2026 (...), which is also
# her H&P:", is the H&P of its heading's date (not the assessment's).
@pytest.mark.parametrize(("text", "value"), [
    ("[Consult Note] Pain Medicine - 11/20/2026 - T. Okafor, MD   [signed]\nv HPI (expanded)\n"
     "  Mr. Kowalski is a 58 y/o man with axial low back pain since a lifting injury at work on "
     "01/10/2025. Pain is 7/10 today. This consultation also serves as his comprehensive "
     "history and physical.", "2026-11-20"),
    ("4 WEST - NURSING SHIFT ASSESSMENT 12/03/2026 1900-0700 (A. Delacroix, RN)\nSKIN: intact."
     "\n\nPAIN SERVICE PRE-PROCEDURE NOTE 12/03/2026 (Dr. P. Marsh, pain management), which is "
     "also her H&P:\n- Low back pain since 04/21/2026.", "2026-12-03"),
    # my own wordings: an appended consult of another day than the packet, a fax cover, a letter
    ("FAX COVER 12/01/2026 - Westside Spine\nPages: 4\n\nSPINE CONSULT NOTE 11/24/2026 (Dr. "
     "Ames), which also serves as his history and physical\nLow back pain for a year.",
     "2026-11-24"),
    ("Consult note (Dr. Ames, spine), which doubles as her H&P, 11/28/2026\nAxial low back "
     "pain, worse with extension.", "2026-11-28"),
    ("November 30, 2026\nRe: Mr. Hill, facet injections\nDear reviewer,\nthis letter also "
     "serves as his complete history and physical.", "2026-11-30"),
])
def test_a_note_that_says_it_is_also_the_h_and_p_is_dated_its_own_date(text: str,
                                                                        value: str) -> None:
    assert read(text, "64493").get("hp_date") == value


# ... and an H&P still to come, or a heading of two dates, dates none.
@pytest.mark.parametrize("text", [
    "Visit 11/02/2026. Next visit note, which will be his H&P, 12/10/2026.",
    "NURSING NOTE 12/01/2026\nPain 6/10.\nPAIN CONSULT NOTE 11/20/2026, addendum 12/02/2026, "
    "which is also her H&P:\nLow back pain.",
])
def test_a_note_that_is_not_the_h_and_p_dates_none(text: str) -> None:
    assert read(text, "64493").get("hp_date") is None


# f19-71250-note-24h-times-ed-meets: an ED note logged by 24-hour times ("2214  Triage",
# "2310  Labs: WBC 12.6 K, ...") read "2310" as a second white cell count, so "which is
# current?" was asked. A time opening two or more lines of a log is a time, no figure.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "2214  Triage: SOB, R pleuritic chest pain 8/10.\n2310  Labs: WBC 12.6 K, Hgb "
     "12.9, Na 140, K 3.9.", "wbc_count", "12600"),
    # my own wordings: a nursing flowsheet, an ICU event log, a tab-separated export
    ("71250", "0630  Vitals stable.\n0745  Labs back: WBC 15.1, CRP 88.\n0800  Seen by "
     "pulmonology.", "wbc_count", "15100"),
    ("64493", "1340  Pt roomed, c/o low back pain.\n1352  Pain 7/10 per pt, worse with "
     "extension.\n1410  Seen by Dr. Park.", "pain_nrs", "7"),
    ("71250", "0915\tCBC drawn\n1120\tWBC 9.8 (normal)\n1300\tCXR read", "wbc_count", "9800"),
])
def test_a_log_s_clock_times_are_no_figures(cpt: str, text: str, fact: str,
                                           value: str) -> None:
    assert read(text, cpt).get(fact) == value


# ... and a figure that opens a line is still read where no log of times is kept.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Pain score:\n7  out of 10 today, worse with extension.", "pain_nrs", "7"),
    ("97110", "Pain score:\n6  out of 10 today, right shoulder.", "pain_nrs", "6"),
])
def test_a_lone_figure_opening_a_line_is_still_read(cpt: str, text: str, fact: str,
                                                   value: str) -> None:
    assert read(text, cpt).get(fact) == value

"""A text that corrects itself (session 15, class "corrections"): tracked changes left in
an export, a strike-through, a second nurse's audit comments between the original lines.
fresh18 lost 8 of its 26 false facts to this class: the reader took the struck or
audited-away value. The safeguard: struck-out text is not text (``struck`` in
context.yaml), and a correction replaces the value it names or leaves the fact asked.
Corpus inputs, wordings written by the fixer (a tracked-changes export, an e-mail thread,
an audit form, a phone note), and plain statements the safeguard must still read."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str, pending: list[str] | None = None) -> dict[str, object]:
    u = understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF)
    return {r.fact: str(r.value) for r in u.facts}


# f18-64493-tracked-diabetes-severity-removed: "type 2 diabetes~~, severe, insulin-dependent~~
# diet-controlled" read a severe diabetes from the struck words; "NRS ~~8/10~~ 5/10" asked
# which of two scores. Struck-out words are blanked before reading (offsets kept).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", 'PMH: type 2 diabetes~~, severe, insulin-dependent~~ diet-controlled, A1c 6.1 '
     '(Oct)\n[comment Dr. Lowe 11/20: "severe" removed, not accurate; she has never been on '
     'insulin]\nNo other medical problems.\nNRS today ~~8/10~~ 5/10 (pt corrected herself).',
     "pain_nrs", "5"),
    # my own wordings: a tracked-changes export, an e-mail thread, a phone note, a web form
    ("64493", "Track changes (Word export): PT completed [deleted: 14 weeks] [inserted: 10 "
     "weeks], home exercise continues.", "pt_weeks", "10 weeks"),
    ("97110", "From: RN Ortiz\nRe: auth 4471\nPain score on the PT eval: <del>8/10</del> 6/10 "
     "(I had copied the ED value).", "pain_nrs", "6"),
    ("97110", "Phone note 12/02: pt reports pain ~~9/10~~ 4/10 today, said the 9 was last "
     "month.", "pain_nrs", "4"),
    ("64493", "MRI L-spine <s>05/02/2026</s> 06/20/2026, facet arthropathy.", "ct_mri_date",
     "2026-06-20"),
])
def test_struck_out_text_is_not_read(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "PMH: type 2 diabetes~~, severe, insulin-dependent~~ diet-controlled.",
     "severe_comorbidities"),
    ("64493", "Problem list: [deleted: severe COPD on home O2] hypertension, controlled.",
     "severe_comorbidities"),
    ("97110", "Exclusions: ~~pregnant~~ not pregnant (hCG neg 12/01).", "pregnancy"),
])
def test_a_struck_condition_is_not_the_patient_s(cpt: str, text: str, fact: str) -> None:
    got = read(text, cpt).get(fact)
    assert got in (None, "[]", "not_pregnant", "False")


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # a single tilde means "about", no strike-through
    ("64493", "PT ~12 weeks, completed 10/30/2026.", "pt_weeks", "12 weeks"),
    ("97110", "Pain 7/10 at rest (PT eval 12/01).", "pain_nrs", "7"),
    # an insertion is read
    ("64493", "Diagnostic medial branch block performed [inserted: 09/18/2026], 80% relief.",
     "nerve_block_date", "2026-09-18"),
    # a deleted word elsewhere leaves the plain statement read
    ("97110", "X-rays: 2 sets (08/10/2026 and 10/30/2026). [deleted: duplicate page]",
     "xray_sets", "2"),
])
def test_plain_statements_beside_tracked_changes_are_still_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# f18-97110-audit-*: a second nurse's comment under the original line replaces its figure
# ("Conservative care: 10 wks.\n[AUDIT RN2 12/05: ... = 17 wks; corrected to 17.]" read
# 10; "Pain 8/10.\n[AUDIT: that 8/10 is from the husband's visit note ... 6/10.]" read 8)
# or disputes it ("Ortho consult: on file.\n[AUDIT RN2: NOT on file -- ...]" read true).
# The original's figure the comment gives another of its form is not read; an original
# the comment opens by disputing is not read at all (``audits`` in context.yaml). The
# comment's own figure is read where it names its fact, else the fact is asked.
@pytest.mark.parametrize(("cpt", "text", "fact", "old"), [
    ("97110", "Conservative care: 10 wks.\n[AUDIT RN2 12/05: treatment logs in chart show "
     "06/01-09/28/2026 = 17 wks; corrected to 17.]", "conservative_weeks", "10 weeks"),
    ("97110", "X-rays: 1 set (11/02/2026).\n[AUDIT: a second set dated 04/18/2026 is in the "
     "outside records -> 2 sets.]", "xray_sets", "1"),
    ("97110", "Ortho consult: on file.\n[AUDIT RN2: NOT on file -- the ortho appointment is "
     "12/18/2026; only the referral is in the chart.]", "specialist_consult_documented", "True"),
    ("97110", "Pain 8/10.\n[AUDIT: that 8/10 is from the husband's visit note the same day. "
     "Pt's own NRS on the PT evaluation of 12/02: 6/10.]", "pain_nrs", "8"),
    ("97110", "1. Conservative treatment: 14 wks (bracing, NSAIDs, home exercise).\n   [AUDIT: "
     "the treatment logs start 09/28/2026 -- that is 10 weeks to today, not 14. Corrected to "
     "10 wks.\n    The logs have dates and outcomes.]", "conservative_weeks", "14 weeks"),
    # my own wordings: an audit form, a QA review in an e-mail, a phone note's second review
    ("64493", "UR worksheet\nPT: 8 wks, failed.\n  >> QA review: PT discharge summary shows 14 "
     "wks (05/01-08/07/2026).", "pt_weeks", "8 weeks"),
    ("97110", "> Pain 9/10 at rest\n[Auditor: 9/10 was the pre-injury ED visit; PT eval 12/01 "
     "has 4/10]", "pain_nrs", "9"),
    ("97110", "Phone note 12/02: ortho consult done, note on file.\n[Second review: cannot "
     "verify - no consult note in the packet]", "specialist_consult_documented", "True"),
    ("64493", "Symptoms: low back pain x 3 months.\nAudit comment: PCP H&P documents 18 months "
     "of low back pain.", "symptom_weeks", "3 months"),
])
def test_an_auditor_s_finding_replaces_the_original_figure(
        cpt: str, text: str, fact: str, old: str) -> None:
    assert read(text, cpt).get(fact) != old


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Conservative care: 12 wks.\n[AUDIT: confirmed 12 wks on the treatment logs.]",
     "conservative_weeks", "12 weeks"),
    ("97110", "X-rays: 2 sets (08/10/2026, 10/30/2026).\n[AUDIT: agree, both sets seen.]",
     "xray_sets", "2"),
    # a comment on another measure leaves the original's figure
    ("64493", "PT: 12 wks total, failed.\n  >> AUDIT RN2: pain clinic NRS 5/10 on 11/30.",
     "pt_weeks", "12 weeks"),
    ("97110", "Ortho consult: on file.\n[AUDIT RN2: seen, Dr. Reyes 11/12/2026.]",
     "specialist_consult_documented", "True"),
    # no auditor: a plain second line is no comment
    ("97110", "Conservative care: 12 wks.\nPain 6/10, X-rays 2 sets.", "conservative_weeks",
     "12 weeks"),
])
def test_an_audit_that_agrees_or_is_about_another_thing_leaves_the_figure_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# f15-62311-quality-audit-weeks-double-counted: 'The chart summary states "conservative
# care 16 weeks". Audit finding: ... 12 weeks in total' read 16: an audit's finding opening
# a sentence after the original's on its line is a comment on it, to the paragraph's end.
@pytest.mark.parametrize(("cpt", "text", "fact", "old"), [
    ("62311", 'QUALITY AUDIT - ESI pre-authorization packet, reviewer K. Baptiste, 12/02/2026.\n'
     'The chart summary states "conservative care 16 weeks". Audit finding: the source '
     'documents\nshow PT for 6 weeks (08/03-09/14/2026) followed by meloxicam for 6 weeks '
     '(09/15-10/26/2026),\n12 weeks in total; the summary counted the PT weeks twice. Packet '
     'corrected to 12 weeks.', "conservative_weeks", "16 weeks"),
    # my own wordings
    ("97110", "Intake sheet: conservative care 20 weeks. QA review: PT log covers\n08/01-10/10/"
     "2026, 10 weeks only.", "conservative_weeks", "20 weeks"),
    ("64493", "Summary lists pain 9/10. Reviewer note: pain clinic 11/30 recorded\n5/10.",
     "pain_nrs", "9"),
])
def test_an_audit_finding_after_the_original_sentence_replaces_its_figure(
        cpt: str, text: str, fact: str, old: str) -> None:
    assert read(text, cpt).get(fact) != old


# f18-64493-note-second-nurse-audit-meets: ">> AUDIT RN2: confirmed on the PT discharge
# summary -- 12 wks = exercise/stretching 6, manual therapy + modalities 3, pain education
# 3" read 12 weeks of exercise: a figure standing alone before "=" is the parts' sum.
@pytest.mark.parametrize(("text", "fact", "wrong"), [
    ("1. PT: 12 wks total.\n   >> AUDIT RN2: confirmed on the PT discharge summary -- 12 wks = "
     "exercise/stretching 6, manual therapy +\n      modalities (heat/ice/e-stim) 3, pain "
     "education 3. OK.", "pt_exercise_weeks", "12 weeks"),
    ("PT breakdown: 13 weeks = exercise 7, manual therapy 3, education 3.", "pt_exercise_weeks",
     "13 weeks"),
    ("Per the PT log (faxed 12/01): 10 wks = supervised exercise 6, modalities 4.",
     "pt_exercise_weeks", "10 weeks"),
])
def test_a_sum_before_an_equals_sign_is_none_of_its_parts(text: str, fact: str,
                                                          wrong: str) -> None:
    assert read(text, "64493").get(fact) != wrong


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("PT 12 wks = exercise 6 wks + manual therapy 3 wks + education 3 wks. Failed.",
     "pt_weeks", "12 weeks"),
    ("PT 12 wks = exercise 6 wks + manual therapy 3 wks + education 3 wks. Failed.",
     "pt_exercise_weeks", "6 weeks"),
    ("1. PT: 12 wks total.\n   >> AUDIT RN2: confirmed, 12 wks = exercise 6, manual 3, "
     "education 3. OK.", "pt_weeks", "12 weeks"),
])
def test_a_named_total_and_its_parts_are_still_read(text: str, fact: str, value: str) -> None:
    assert read(text, "64493").get(fact) == value


def _answer(text: str, cpt: str, pending: list[str]) -> dict[str, object]:
    return read(text, cpt, pending)


# f9-62311-chat-pending-correction: "2; yes logs are in the chart; CRP high. sorry - courses
# is 3 not 2, I forgot the chiro" read 2: the bare answer of the figure the reply takes
# back answers nothing (the right one is read where it names its question, else asked).
@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "old"), [
    ("62311", "2; yes logs are in the chart; CRP high. sorry - courses is 3 not 2, I forgot "
     "the chiro", ["conservative_courses_failed", "treatment_logs_documented",
                   "inflammatory_labs_documented"], "conservative_courses_failed", "2"),
    # my own wordings: a text reply, an e-mail answer, a phone note typed in
    ("64493", "8, yes notes on file. oops, PT was 10 not 8", ["pt_weeks", "pt_notes_documented"],
     "pt_weeks", "8 weeks"),
    ("97110", "1, 11/02/2026\nCorrection from the front desk: sets is 2 not 1, one came from "
     "outside", ["xray_sets", "xray_date"], "xray_sets", "1"),
    ("64493", "6; 2\n(phone) she says pain is 7 not 6 today", ["pain_nrs", "pt_courses_failed"],
     "pain_nrs", "6"),
])
def test_a_bare_answer_the_reply_takes_back_answers_nothing(
        cpt: str, text: str, pending: list[str], fact: str, old: str) -> None:
    assert _answer(text, cpt, pending).get(fact) != old


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # another figure taken back leaves the bare answer read
    ("64493", "8; yes notes on file. sorry the MRI was 10/02/2026 not 10/20",
     ["pt_weeks", "pt_notes_documented"], "pt_weeks", "8"),
    ("62311", "2; yes logs are in the chart", ["conservative_courses_failed",
                                               "treatment_logs_documented"],
     "conservative_courses_failed", "2"),
])
def test_a_bare_answer_not_taken_back_is_still_read(
        cpt: str, text: str, pending: list[str], fact: str, value: str) -> None:
    assert _answer(text, cpt, pending).get(fact) == value

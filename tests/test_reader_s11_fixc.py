"""False facts of policies 62311 and 97110 on the corpus at session 11's start (fixer
fixc), one named test each: the failing input and wordings of the same kind written by
the fixer. Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 11, 30)


read = reader_at(AS_OF)


# f5-62311-correction-pregnant-typo: "pregnant - typo, meant NOT pregnant" read pregnant
# (a denial): the statement after a retraction holds in one sentence as across two.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("62311", "Pt is pregnant - typo, meant NOT pregnant, serum hCG neg 11/13.", "not_pregnant"),
    ("64493", "She is pregnant -- sorry, not pregnant; urine hCG negative today.", "not_pregnant"),
    ("97110", "Pregnant, mistyped: she is not pregnant (hCG neg 11/20).", "not_pregnant"),
    ("62311", "She is not pregnant - typo, meant pregnant, 10 weeks by LMP.", "pregnant"),
])
def test_a_pregnancy_taken_back_in_its_own_sentence_is_the_later_one(
        cpt: str, text: str, value: str) -> None:
    assert read(text, cpt).get("pregnancy") == value


# f5-97110-chat-uti-not-urgent-postmenopausal: a reply's "pregnancy - she's 58,
# post-menopausal" after another sentence read the label's word as pregnant (a denial):
# a label opening a sentence heads its answer, however long, as at a line's start.
@pytest.mark.parametrize(("cpt", "text", "pending", "value"), [
    ("97110", "she has a UTI, on Macrobid, PCP handling it, nothing urgent. pregnancy - she's 58, "
     "post-menopausal", ["active_infection", "infection_requires_immediate_care", "pregnancy"],
     "not_applicable"),
    ("62311", "Afebrile. Pregnancy: had a hysterectomy in 2015.", [], "not_applicable"),
    # (session 19: an age said bare of the patient, "she is 61.", is an age of 60 or more,
    # as "61 y/o" is: not applicable, and still no "pregnant" from the label)
    ("64493", "LBP x 5 mo. Pregnancy - she is 61.", [], "not_applicable"),
    ("97110", "No fever. Pregnancy - unsure, LMP late.", [], None),
])
def test_a_label_opening_a_sentence_is_no_statement_of_its_own_word(
        cpt: str, text: str, pending: list[str], value: str | None) -> None:
    assert read(text, cpt, pending).get("pregnancy") == value


# f14-62311-note-html-export-old-hp: "<li>... Cosmetic: no</li>" read cosmetic (a final
# denial): an HTML tag is no word, so the field's "no" answers it, and an entity is the
# character it stands for.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "<li>Infection: none &bull; Comorbidities: none &bull; Cosmetic: no</li>",
     "cosmetic_purpose", False),
    ("64493", "<p><b>Cosmetic:</b> no</p><p><b>Active infection:</b> no</p>",
     "cosmetic_purpose", False),
    ("64493", "<p><b>Cosmetic:</b> no</p><p><b>Active infection:</b> no</p>",
     "active_infection", False),
    ("97110", "<tr><td>Pregnant</td><td>No</td></tr>", "pregnancy", "not_pregnant"),
    ("62311", "<div>Pregnancy: no</div><div>Infection: yes &ndash; UTI on cephalexin</div>",
     "pregnancy", "not_pregnant"),
])
def test_html_markup_is_layout_not_words(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# f9-62311-occ-rtw-pain: "Still unable to do full duty" read no impact on daily life (a
# denial): a normal state the patient cannot reach, or has not reached yet, is denied.
@pytest.mark.parametrize(("text", "value"), [
    ("RTW eval 11/20/2026: NRS today 6/10. Still unable to do full duty or drive more than "
     "20 min.", True),
    ("Not yet back to full duty.", True),
    ("He can't return to full duty because of the leg pain.", True),
    ("Back at work, full duty.", False),
    ("Unable to come on Tuesday; working full duty.", False),
])
def test_a_normal_state_not_reached_is_no_denial_of_its_impact(text: str, value: bool) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is value


# f9-62311-res-conservative-course, f13-97110-wc-physician-report-fields: "Conservative
# tx: PT - no improvement; ...; weight loss program, ongoing, 'a little better'" read the
# whole care failed: one treatment of the line said to help or still going leaves it asked.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("62311", "Conservative tx (per pt and the PT records in chart): PT 2x/wk 06/01-07/27/2026 "
     "(8 wks) - no improvement; naproxen + gabapentin 08/01-09/26/2026 (8 wks) - no change; "
     "weight loss/core program with dietitian since 09/28, ongoing, 'a little better'.", None),
    ("97110", "Prior conservative tx: NSAIDs 08/15-10/10/2026 (failed); home exercise program "
     "(ongoing)", None),
    ("64493", "Conservative care: PT 8 wks, no relief; meloxicam 6 wks, helping some.", None),
    ("62311", "Conservative tx: PT x 8 wks - no improvement; naproxen x 6 wks - no improvement.",
     True),
])
def test_a_treatment_that_helps_or_goes_on_leaves_the_care_not_failed(
        cpt: str, text: str, value: bool | None) -> None:
    assert read(text, cpt).get("failed_conservative") is value


# f14-97110-uc-back-spasm-er-films, f14-62311-note-med-student-handoff-meets: "X-rays here
# today, 11/27" pasted on 11/28 read 11/28: the writer's today is the day written beside it.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Low back spasm, recurrent. Lumbar X-rays here today, 11/27. Never had an MRI.",
     "xray_date", "2026-11-27"),
    ("62311", "- H&P today (11/24) by me/attending: PMH (GERD), meds w/ doses, allergies NKDA",
     "hp_date", "2026-11-24"),
    ("64493", "Lumbar MRI today (11/20): L4-5 facet arthropathy.", "ct_mri_date", "2026-11-20"),
    ("97110", "Knee X-rays today. Pain 7/10 today, 8/10 yesterday.", "xray_date", "2026-11-28"),
])
def test_today_with_its_day_beside_it_is_that_day(cpt: str, text: str, fact: str,
                                                  value: str) -> None:
    found = read(text, cpt, as_of=date(2026, 11, 28)).get(fact)
    assert str(found) == value


# f14-62311-psych-baseline-per-pt: "Her husband, present, rates his own back pain 9/10" made
# the patient's pain now 9 (an increase of 5, not 3): a relative who is the subject keeps
# the scope over a short aside and the verb after it. (Session 18: the patient's own "now
# it is a 7" after her baseline is read, an increase of 3, as the corpus labels it.)
@pytest.mark.parametrize(("text", "fact", "allowed"), [
    ("Her pain was 4/10 in March before PT; now it is a 7 most days. Her husband, present, "
     "rates his own back pain 9/10.", "pain_nrs_increase", (None, "3")),
    ("Pain 3/10 at baseline before PT. Her mother, at the bedside, rated her own knee pain 8/10.",
     "pain_nrs_increase", (None,)),
    ("His wife, also our patient, scores her back pain 9/10.", "pain_nrs_increase", (None,)),
])
def test_a_relatives_own_score_after_an_aside_is_not_the_patients(
        text: str, fact: str, allowed: tuple[str | None, ...]) -> None:
    found = read(text, "62311").get(fact)
    assert (None if found is None else str(found)) in allowed


# f14-62311-nav-labs-pending-then-resulted, f6-62311-num-out-of-order-logs-no-dates,
# f11-62311-note-problem-medrec-no-logs: a care coordination log, a log said to have no
# dates or durations, "everything is here except the treatment logs" read logs on file.
@pytest.mark.parametrize(("cpt", "text", "pending", "value"), [
    ("62311", "NURSE NAVIGATOR - CARE COORDINATION LOG (spine)\n11/18 1030  CRP/ESR ordered by "
     "Dr. Farah; pt sent to lab.", [], None),
    ("97110", "PT 8 wks so far. Call log: 11/20 spoke with the PT office about visits.", [], None),
    ("62311", "2) yes PCP note attached. 1) logs - only a PT summary, no dates or duration. 3) yes",
     ["treatment_logs_documented", "pain_or_pcp_consult_documented", "hp_history_documented"],
     None),
    ("97110", "PT 10 wks; therapy logs attached but undated.", [], None),
    ("62311", "PT x 12 wks. Everything is here except the treatment logs.", [], False),
    ("97110", "PT 8 weeks. All attached except the PT logs.", [], False),
    ("62311", "PT 12 wks, logs with dates and durations on file.", [], True),
])
def test_a_log_of_other_work_or_without_dates_is_no_treatment_log(
        cpt: str, text: str, pending: list[str], value: bool | None) -> None:
    assert read(text, cpt, pending).get("treatment_logs_documented") is value


# f6-62311-cm-uti-day-six-of-seven: "UTI, given cephalexin x 7 days; she is on day 6 and
# says the symptoms are gone" read an active infection (a denial): an infection whose
# symptoms are said gone may be over, so it is asked.
@pytest.mark.parametrize(("text", "value"), [
    ("CM follow-up call: pt reports she was seen at urgent care 11/18 for a UTI, given\n"
     "cephalexin x 7 days; she is on day 6 and says the symptoms are gone.", None),
    ("Cellulitis of the L shin, on doxycycline; symptoms have resolved per pt.", None),
    ("UTI dx 11/25, on nitrofurantoin; symptom-free since yesterday.", None),
    ("Cellulitis L shin on doxycycline, day 3 of 10, still red and warm.", True),
])
def test_an_infection_whose_symptoms_are_gone_is_asked(text: str, value: bool | None) -> None:
    assert read(text, "62311").get("active_infection") is value


# f12-62311-lmn-labs-pending, f10-62311-note-nurse-intake-normal-labs-not-met: "Inflammatory
# markers (CRP, ESR) were drawn 11/30; results are pending" read raised markers on file: the
# labs' name says nothing of a raised result until its words do.
@pytest.mark.parametrize(("text", "value"), [
    ("Inflammatory markers (CRP, ESR) were drawn 11/30/2026; results are pending and will be "
     "forwarded on receipt.", None),
    ("Inflammatory labs ordered at today's visit.", None),
    ("Inflammatory markers: CRP 24 (H), ESR 41 (H).", True),
    ("Inflammatory markers normal.", False),
])
def test_the_name_of_the_inflammatory_labs_is_no_raised_result(text: str,
                                                               value: bool | None) -> None:
    assert read(text, "62311").get("inflammatory_labs_documented") is value


# f9-97110-tele-wife-score: "Wife says his pain is 9/10; he says 6/10" read 9: a score is the
# patient's own word, and a relative's report of it settles nothing.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("97110", "Tele f/u, low back: nothing has helped. Wife says his pain is 9/10; he says 6/10.",
     None),
    ("97110", "Wife says his pain is 9/10.", None),
    ("64493", "Daughter reports her pain is 8/10 at night.", None),
    ("97110", "Pain 6/10; his wife says he sleeps poorly.", 6),
])
def test_a_relatives_report_of_the_score_is_not_the_patients(cpt: str, text: str,
                                                             value: int | None) -> None:
    found = read(text, cpt).get("pain_nrs")
    assert (None if found is None else int(float(str(found)))) == value


# f14-97110-uc-ankle-sprain-three-days, f13-62311-note-problem-list-meets: "URGENT CARE
# 11/26/2026. ... X-ray R ankle today" pasted on 11/28 read 11/28: a short title line naming
# the note with its date ("urgent care", "clinic") dates the note's "today".
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "URGENT CARE 11/26/2026. R ankle inversion injury yesterday (11/25) stepping off a "
     "curb.\nX-ray R ankle today: no fracture. Pain 8/10. Referred to PT.", "xray_date",
     "2026-11-26"),
    ("97110", "Ortho clinic 11/16/2026 - 47 y/o F\nKnee X-rays today: medial OA.", "xray_date",
     "2026-11-16"),
    ("62311", "PM&R clinic 11/16/2026 - 47 y/o F - Assessment & Plan\nH&P today - meds, "
     "allergies and surgical history reviewed.", "hp_date", "2026-11-16"),
    ("97110", "Knee pain x 3 wks. X-rays today.", "xray_date", "2026-11-28"),
])
def test_a_dated_title_line_dates_the_notes_today(cpt: str, text: str, fact: str,
                                                  value: str) -> None:
    assert str(read(text, cpt, as_of=date(2026, 11, 28)).get(fact)) == value

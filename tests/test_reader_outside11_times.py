"""False facts the outside testers found (sessions 10 and 11, evals/reader/outside/) about
time and which of several values counts: an old entry against the current one, a value
against its correction, two sources that disagree, a length nobody has checked. One
named test each, with the tester's exact inputs and wordings of the same meaning written
by the fixer. Readings go through :func:`agent.reading.understand` under the policy whose
rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand
from agent.reading.model import Understanding

AS_OF = date(2026, 12, 3)


def understood(text: str, cpt: str) -> Understanding:
    return understand(text, cpt=cpt, pending=[], as_of=AS_OF)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understood(text, cpt).facts}


# s11 F9, F14, F20 and s10 F19: a second figure of the same form in the same sentence,
# from another source, another time or a correction, was left unread and the first one
# kept ("Member states pain 9/10; provider documents 3/10" read 9; "WBC 16.2 on
# 10/02/2026; 8.1 today" read 16,200, a final exclusion).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Member states pain 9/10; provider documents 3/10.", "pain_nrs"),
    ("64493", "Patient rates pain 9/10 but appears comfortable; clinician estimates 3/10.",
     "pain_nrs"),
    ("97110", "Pt reports pain 8/10; PT eval same day documents 2/10.", "pain_nrs"),
    ("64493", "Pain 7/10 documented in template; nursing flowsheet same day records 2/10.",
     "pain_nrs"),
    ("71250", "WBC 16.2 on 10/02/2026; 8.1 today.", "wbc_count"),
    ("71250", "Chest pain 7/10 - correction: 4/10 per nursing.", "pain_nrs"),
    ("64493", "Pain 7/10 - correction: 4/10 per nursing.", "pain_nrs"),
    ("97110", "Pain 6/10 (10/01); today 0/10 at rest.", "pain_nrs"),
    # my own wordings
    ("64493", "Self-reported pain 8/10, triage nurse recorded 3/10.", "pain_nrs"),
    ("64493", "Pain 9/10 per patient; 4/10 per PT eval.", "pain_nrs"),
    ("71250", "WBC 14.8 on 11/01; repeat 7.6 today", "wbc_count"),
])
def test_a_second_figure_of_the_same_kind_in_the_sentence_is_asked_not_dropped(
        cpt: str, text: str, fact: str) -> None:
    u = understood(text, cpt)
    assert fact not in {r.fact for r in u.facts}
    assert any("several values" in x.why for x in u.unread)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "WBC 16.2, Hgb 13.1", "wbc_count", "16200"),
    ("64493", "Pain 7/10; HR 88", "pain_nrs", "7"),
])
def test_another_measure_s_figure_beside_it_is_no_rival(cpt: str, text: str, fact: str,
                                                         value: object) -> None:
    assert read(text, cpt).get(fact) == value


# s11 F13: "today" in an entry headed by its own date was read as the day of the check
# ("Visit 10/01/2026: H&P today" gave an H&P within 30 days; "Clinic note 03/15/2026: MRI
# L-spine today" a recent MRI).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Visit 10/01/2026: H&P today with neuro exam and pain evaluation.", "hp_date",
     "2026-10-01"),
    ("62311", "Note dated 09/10/2026. Seen today for H&P.", "hp_date", "2026-09-10"),
    ("64493", "Clinic note 03/15/2026: MRI L-spine today shows facet arthropathy.",
     "ct_mri_date", "2026-03-15"),
    ("71250", "Visit 3 - 08/20/2025 (pulmonology): PFTs today: FEV1 66% predicted.",
     "pft_date", "2025-08-20"),
    # my own wordings
    ("62311", "Follow-up visit 10/20/2026: full H&P today, neuro exam normal.", "hp_date",
     "2026-10-20"),
    ("64493", "Encounter 09/30/2026 - MRI lumbar spine today showed facet arthropathy.",
     "ct_mri_date", "2026-09-30"),
    ("71250", "Pulmonology note 10/15/2025: PFTs today, FEV1 70%.", "pft_date", "2025-10-15"),
])
def test_today_in_an_entry_headed_by_its_date_is_that_date(cpt: str, text: str, fact: str,
                                                           value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_last_visit_s_date_does_not_date_today() -> None:
    text = "Last visit 10/01/2026: pain 6/10. Seen today for H&P."
    assert read(text, "62311").get("hp_date") == "2026-12-03"


# s11 F6: a timeline's first visit gave the symptom duration ("Visit 03/01/2026: LBP x 2
# weeks. Visit 11/20/2026: LBP ongoing." read 2 weeks, a final denial).
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Visit 03/01/2026: LBP x 2 weeks. Visit 11/20/2026: LBP ongoing."),
    ("64493", "Visit 1 (02/10/2026): neck pain, 3 wks. Visit 4 (11/24/2026): neck pain 7/10, "
              "worse."),
    ("62311", "06/01/2026 - new radicular pain x 1 week. 11/25/2026 - radicular pain "
              "continues, worse."),
    ("97110", "Initial visit 05/2026: knee pain for 10 days. Follow-up 11/2026: still painful."),
    ("97110", "Page 1 of 3. Visit 06/01/2026: knee pain x 3 weeks. Page 2 of 3. Visit "
              "11/20/2026: knee pain persists."),
    # my own wordings
    ("64493", "02/01/2026: neck pain x 2 weeks. 11/15/2026: neck pain continues."),
    ("97110", "Visit 04/01/2026 - knee pain for 3 weeks. Visit 11/30/2026 - knee pain "
              "unchanged."),
])
def test_a_length_said_at_an_earlier_visit_of_a_timeline_is_not_the_length_now(
        cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Visit 11/20/2026: LBP x 8 months."),
    ("64493", "Visit 11/20/2026: LBP x 8 months. MRI 03/01/2026 showed facet arthropathy."),
])
def test_a_length_said_at_the_latest_visit_is_read(cpt: str, text: str) -> None:
    assert read(text, cpt).get("symptom_weeks") == "8 months"


# s11 F19: "FEV1 72% predicted (2024); repeat PFTs not done." read that no PFTs were ever
# done, beside PFT results on file; "No PFT results in the record" the same.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "FEV1 72% predicted (2024); repeat PFTs not done.", "pft_date"),
    ("71250", "No PFT results in the record. Chest pain 7/10, cough for 3 months.", "pft_date"),
    # my own wordings
    ("71250", "PFTs 03/2024 abnormal; follow-up PFTs not done.", "pft_date"),
    ("64493", "MRI L-spine 2025; repeat MRI not done.", "ct_mri_date"),
    ("71250", "No PFT report on file.", "pft_date"),
])
def test_a_repeat_not_done_or_a_record_not_on_file_is_not_never_done(
        cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) != "never"


def test_a_study_never_done_still_reads_never() -> None:
    assert read("No PFTs done.", "71250").get("pft_date") == "never"


# s11 F10: a length the writer flags as not checked ("PT 12 weeks (per pt, unverified)",
# "PT 12 weeks? she thinks so, will verify w PT clinic") was read as stated, exactly the
# policy's threshold.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "PT 12 weeks (per pt, unverified)", "pt_weeks"),
    ("64493", "PT 12 weeks? she thinks so, will verify w PT clinic", "pt_weeks"),
    # my own wordings
    ("64493", "Completed PT 14 weeks (per patient, not verified).", "pt_weeks"),
    ("62311", "Conservative care 12 weeks? will verify with the PT office",
     "conservative_weeks"),
    ("64493", "PT 12 weeks, unverified", "pt_weeks"),
])
def test_a_length_the_writer_has_not_verified_is_asked(cpt: str, text: str,
                                                       fact: str) -> None:
    assert fact not in read(text, cpt)


# s10 F10 and s11 F8 (the chart against the log): a figure and, later in its sentence,
# another source giving another one ("Pain for 3 weeks (per pt; chart says since July)"
# read 3 weeks, a final denial; "The chart says PT 12 weeks; the PT clinic's attendance log
# shows 7 weeks attended" read 12).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "Pain for 3 weeks (per pt; chart says since July).", "symptom_weeks"),
    ("64493", "The chart says PT 12 weeks; the PT clinic's attendance log shows 7 weeks "
              "attended.", "pt_weeks"),
    # my own wordings
    ("64493", "PT 8 weeks per chart; PT discharge summary shows 14 weeks.", "pt_weeks"),
    ("97110", "Knee pain x 2 weeks per triage; ortho referral says since 04/2026.",
     "symptom_weeks"),
    ("64493", "LBP x 3 weeks per patient, though referral says 6 months.", "symptom_weeks"),
])
def test_two_sources_giving_different_figures_in_one_sentence_are_asked(
        cpt: str, text: str, fact: str) -> None:
    u = understood(text, cpt)
    assert fact not in {r.fact for r in u.facts}
    assert any("sources disagree" in x.why for x in u.unread)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "LBP x 6 months, MRI shows L4-5 facet arthropathy.", "symptom_weeks",
     "6 months"),
    ("64493", "PT 12 weeks, the PT note shows improvement.", "pt_weeks", "12 weeks"),
])
def test_a_source_that_gives_no_other_figure_leaves_the_reading(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# s11 F17: a treatment's length right after "since <month>" became the symptom duration
# ("radiculopathy since feb, PT meds and weight loss 16 wks in 2 courses of 8 wks" read 1
# week, a final denial).
@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "58M, R leg radiculopathy since feb, PT meds and weight loss 16 wks in 2 "
              "courses of 8 wks, no better"),
    ("97110", "knee pain since june, NSAIDs and HEP 14 wks"),
    # my own wordings
    ("62311", "R leg sciatica since march, naproxen and home exercises 10 wks, no better"),
    ("64493", "LBP since 03/2026, PT 12 wks"),
])
def test_a_treatment_s_length_after_an_onset_is_not_the_symptoms(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


# s10 F15: to "By how many points did the pain score change?", "6 then 8" was read as a
# change of 6 points, "5 then 6" of 5.
_CHANGE = ["pain_nrs_increase", "functional_assessment_6_weeks", "conservative_courses_failed"]


@pytest.mark.parametrize(("reply", "change"), [
    ("6 then 8", "2"), ("5 then 6", "1"),
    # my own wordings
    ("5, then 7", "2"), ("7 and then 5", "-2"), ("was 5, now 7", "2"),
])
def test_two_scores_in_the_order_they_came_give_the_change(reply: str, change: str) -> None:
    u = understand(reply, cpt="62311", pending=_CHANGE, as_of=AS_OF)
    assert {r.fact: r.value for r in u.facts} == {"pain_nrs_increase": change}


def test_two_scores_answering_the_change_question_in_chat_give_the_change() -> None:
    """The tester's chat, turn for turn (62311): "5 then 6" was noted as a change of 5."""
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.config import Settings
    from agent.session import Assistant

    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    a.send("t", "does this case qualify for 62311?")
    asked = a.send("t", "she's 50, radiculopathy L leg since March, PT + meds + weight loss "
                        "for 16 weeks, 2 courses no improvement")
    assert "pain_nrs_increase" in asked.pending
    turn = a.send("t", "5 then 6")
    assert turn.facts["pain_nrs_increase"]["value"] == 1


# s11 F8 (the H&P against the labs): "No active infection documented in the H&P; however,
# the 11/28 labs show a positive urine culture ..." read no infection, the exclusion shown
# not met: a denial a record holds, answered in its sentence, is the record's claim.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "No active infection documented in the H&P; however, the 11/28 labs show a "
              "positive urine culture (E. coli) being treated with nitrofurantoin."),
    # my own wordings
    ("62311", "No infection noted in the referral, but wound culture 11/20 grew MRSA."),
    ("64493", "No infection per PCP note; however, on cephalexin for cellulitis since 11/25."),
])
def test_a_record_s_denial_the_writer_answers_is_not_read(cpt: str, text: str) -> None:
    assert read(text, cpt).get("active_infection") is not False


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "No active infection documented in the H&P.", "active_infection", False),
    ("64493", "No PT documented in the chart, but she did 8 weeks at Valley PT.", "pt_weeks",
     "8 weeks"),
])
def test_a_record_s_denial_unanswered_stands_and_the_answer_is_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value

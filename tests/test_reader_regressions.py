"""Every wrong reading and every miss measured in issue 9, one named test each.

Readings go through :func:`agent.reading.understand` under the policy whose rules use
the fact (a fact is only read where some rule of the policy reads it); the conversation
ones go through :class:`agent.session.Assistant` as a user would meet them. Values are
compared after :func:`policies.facts.parse_value` ("6 months" and 26.09 weeks are equal).
A test marked ``xfail(strict=True)`` is a reading the reader still gets wrong: it turns
red the day the reader is fixed, so the mark must then come off.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.reading import Understanding, understand
from agent.reading.rules import fact_specs, stated_facts
from agent.session import Assistant, Turn
from policies.facts import parse_value

AS_OF = date(2026, 11, 23)


def _reading(text: str, cpt: str, pending: list[str] | None = None,
             known: dict[str, Any] | None = None) -> Understanding:
    return understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF, known=known)


def _norm(fact: str, value: object) -> object:
    return parse_value(fact, fact_specs(None)[fact], value, AS_OF)


def read(text: str, cpt: str, pending: list[str] | None = None,
         known: dict[str, Any] | None = None) -> dict[str, object]:
    """The facts read, by name, as the checker would see them."""
    return {r.fact: _norm(r.fact, r.value) for r in _reading(text, cpt, pending, known).facts}


def expect(fact: str, value: object) -> object:
    return _norm(fact, value)


def assistant() -> Assistant:
    return Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                     as_of=AS_OF)


def chat(*messages: str) -> Turn:
    a = assistant()
    turn = None
    for message in messages:
        turn = a.send("t", message)
    assert turn is not None
    return turn


def test_every_fact_used_here_is_read_under_the_policy_chosen_for_it() -> None:
    # Guards the tests below: a fact outside a policy's rules is never read there, so a
    # test under the wrong policy would pass for the wrong reason.
    used = {
        "64493": {"pregnancy", "active_infection", "xray_date", "pt_weeks", "symptom_weeks",
                  "pt_courses_failed", "medication_courses_failed", "pain_nrs",
                  "specialist_consult_documented", "nerve_block_date", "severe_comorbidities",
                  "pt_exercise_weeks"},
        "62311": {"hp_history_documented", "severe_comorbidities", "failed_conservative",
                  "conservative_weeks", "symptom_weeks", "pain_nrs_increase",
                  "pain_nrs_baseline", "conservative_treatments", "pregnancy"},
        "71250": {"chest_images_documented", "body_temperature", "pt_sessions_per_week"},
        "97110": {"xray_date", "xray_sets", "pregnancy", "active_infection"},
    }
    for cpt, facts in used.items():
        assert facts <= stated_facts(cpt), (cpt, facts - stated_facts(cpt))


# ------------------------------------------------------------ wrong readings


@pytest.mark.parametrize("cpt", ["64493", "62311", "97110"])
def test_a_wife_being_pregnant_says_nothing_about_the_patients_pregnancy(cpt: str) -> None:
    # Her pregnancy is not his; "his" says the patient is a man (evals/reader/README.md:
    # "a male patient: pregnancy: not_applicable").
    assert read("His wife is pregnant", cpt).get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("cpt", ["64493", "97110"])
def test_a_uti_last_year_now_resolved_is_not_an_active_infection(cpt: str) -> None:
    assert read("UTI last year now resolved", cpt).get("active_infection") is not True


def test_no_mass_on_a_chest_xray_does_not_say_there_are_no_chest_images() -> None:
    assert read("no mass on CXR", "71250").get("chest_images_documented") is not False


@pytest.mark.parametrize("cpt", ["64493", "97110"])
def test_no_mass_on_a_chest_xray_does_not_say_there_was_never_an_xray(cpt: str) -> None:
    assert read("no mass on CXR", cpt).get("xray_date") != "never"


def test_no_history_of_bleeding_disorder_in_the_pmh_is_a_history_on_file_not_missing() -> None:
    facts = read("PMH: no h/o bleeding disorder", "62311")
    assert facts.get("hp_history_documented") is not False
    assert "bleeding_disorder" not in (facts.get("severe_comorbidities") or [])


def test_no_relief_from_conservative_care_is_a_failure_not_zero_weeks_of_care() -> None:
    facts = read("No relief from conservative care", "62311")
    assert facts.get("failed_conservative") is True
    assert "conservative_weeks" not in facts


def test_the_most_recent_xray_is_the_later_of_two_dates_given() -> None:
    facts = read("XR R shoulder x 2 sets (4/2/26 and 9/10/26)", "97110")
    assert facts["xray_date"] == expect("xray_date", "2026-09-10")
    assert facts["xray_sets"] == 2


@pytest.mark.parametrize("cpt", ["64493", "62311"])
def test_pt_at_the_start_of_a_sentence_is_the_patient_not_physical_therapy(cpt: str) -> None:
    facts = read("Pt with lumbar radiculopathy x 5 months", cpt)
    assert "pt_weeks" not in facts
    assert facts["symptom_weeks"] == expect("symptom_weeks", "5 months")


def test_the_patient_and_physical_therapy_in_one_note_are_told_apart() -> None:
    facts = read("pt is a 45 yo F. pt completed 8 weeks of PT", "64493")
    assert facts["pt_weeks"] == 8


def test_a_stated_total_of_weeks_beats_the_weeks_of_each_course() -> None:
    facts = read("12 weeks total of PT, 2 courses (6 wks each)", "64493")
    assert facts["pt_weeks"] == 12


def test_a_negative_duration_is_refused_not_read_without_its_minus_sign() -> None:
    u = _reading("PT for -3 months", "64493")
    assert "pt_weeks" not in {r.fact for r in u.facts}
    assert any("-3" in part.words for part in u.unread)


def test_a_note_pasted_while_pt_questions_are_pending_does_not_answer_them() -> None:
    a = assistant()
    a.send("t", "Does this case qualify for 64493?")
    asked = a.send("t", "low back")
    assert {"pt_weeks", "pt_exercise_weeks"} <= set(asked.pending)
    turn = a.send("t", "45 yo F with LBP x 6 months, NRS 7/10")
    assert "pt_weeks" not in turn.facts and "pt_exercise_weeks" not in turn.facts
    assert turn.facts["pain_nrs"]["value"] == 7
    assert turn.facts["symptom_weeks"]["value"] == pytest.approx(expect("symptom_weeks",
                                                                        "6 months"))
    assert "pt_weeks" in turn.pending  # still asked


def test_a_duration_already_read_from_a_note_is_not_also_the_answer_to_a_pending_question(
        ) -> None:
    facts = read("45 yo F with LBP x 6 months, NRS 7/10", "64493",
                 pending=["pt_weeks", "pt_exercise_weeks"])
    assert "pt_weeks" not in facts and "pt_exercise_weeks" not in facts


def test_a_score_already_read_from_a_note_is_not_offered_as_an_answer_to_pending_weeks(
        ) -> None:
    u = _reading("45 yo F with LBP x 6 months, NRS 7/10", "64493",
                 pending=["pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"])
    assert not any("7/10" in part.words for part in u.unread), u.unread


def test_a_correction_x_not_y_in_chat_changes_only_the_fact_that_was_y() -> None:
    a = assistant()
    a.send("t", "Does this case qualify for 64493?")
    a.send("t", "low back, PT 14 weeks, exercise 10 weeks, manual 4 weeks")
    before = a.send("t", "education 4 weeks, LBP for 6 months, pain 7/10")
    turn = a.send("t", "sorry, PT was 8 weeks not 14")
    assert turn.facts["pt_weeks"]["value"] == 8
    unchanged = {k: v["value"] for k, v in before.facts.items() if k != "pt_weeks"}
    assert {k: v["value"] for k, v in turn.facts.items() if k in unchanged} == unchanged
    assert "pt_courses_failed" not in turn.facts and "medication_courses_failed" not in turn.facts


def test_a_correction_x_not_y_is_never_the_answer_to_a_pending_count() -> None:
    facts = read("sorry, PT was 8 weeks not 14", "64493",
                 pending=["pt_courses_failed", "medication_courses_failed"],
                 known={"pt_weeks": 14.0})
    assert facts.get("pt_weeks") == 8
    assert "pt_courses_failed" not in facts and "medication_courses_failed" not in facts


def test_a_bare_x_not_y_corrects_the_stored_fact_whose_value_was_y() -> None:
    facts = read("8 weeks not 14", "64493", pending=["pt_courses_failed"],
                 known={"pt_weeks": 14.0, "pt_exercise_weeks": 10.0})
    assert facts == {"pt_weeks": 8}


def test_sorry_x_not_y_without_naming_the_fact_corrects_the_one_that_was_y() -> None:
    facts = read("sorry, 8 weeks not 14", "64493",
                 known={"pt_weeks": 14.0, "pt_exercise_weeks": 10.0})
    assert facts == {"pt_weeks": 8}


def test_a_correction_giving_two_values_for_one_fact_asks_instead_of_reading_both() -> None:
    u = _reading("sorry, it was 8 weeks or maybe 9 weeks", "64493", known={"pt_weeks": 14.0})
    assert [r.fact for r in u.facts].count("pt_weeks") <= 1


def test_an_ambiguous_correction_asks_which_fact_it_corrects() -> None:
    u = _reading("actually it was 8 weeks", "64493",
                 known={"pt_weeks": 14.0, "symptom_weeks": 20.0})
    assert u.facts == []
    assert any("which does it correct" in part.why for part in u.unread)


def test_an_ambiguous_correction_in_chat_asks_and_changes_nothing() -> None:
    a = assistant()
    a.send("t", "Does this case qualify for 64493?")
    before = a.send("t", "low back, PT 14 weeks, exercise 10 weeks")
    turn = a.send("t", "actually it was 8 weeks")
    assert {k: v["value"] for k, v in turn.facts.items()} == \
        {k: v["value"] for k, v in before.facts.items()}
    assert "which does it correct" in turn.reply


@pytest.mark.parametrize("text", [
    'Do not use this: "14 weeks of PT"',
    "The referral quotes 14 weeks of PT but that is a different patient",
])
def test_text_the_user_disowns_is_not_read(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


def test_disowned_pt_weeks_do_not_turn_a_failing_case_into_a_qualifying_one() -> None:
    turn = chat("Does this case qualify for 64493? 61-year-old, low back pain for 5 months, "
                "PT x 4 wks, pain 7/10, no active infection, not pregnant. The referral "
                "quotes 14 weeks of PT but that is a different patient")
    assert turn.facts["pt_weeks"]["value"] == 4
    assert turn.decision == "does_not_meet"


# ------------------------------------------------------------------- misses


def test_a_58_year_old_man_written_58_yo_m_settles_pregnancy_as_not_applicable() -> None:
    assert read("58 yo M", "64493").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("text", ["62M", "62M with LBP", "58 yo male"])
def test_a_man_written_in_shorthand_settles_pregnancy_as_not_applicable(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("cpt", ["64493", "62311"])
def test_radiculopathy_x_5_mo_is_five_months_of_symptoms(cpt: str) -> None:
    assert read("radiculopathy x 5 mo", cpt)["symptom_weeks"] == expect("symptom_weeks",
                                                                       "5 months")


def test_pain_up_3_points_is_an_increase_of_3() -> None:
    assert read("pain up 3 points", "62311")["pain_nrs_increase"] == 3


def test_a_signed_change_in_brackets_after_a_score_is_the_increase() -> None:
    assert read("NRS 7/10 (+3)", "62311").get("pain_nrs_increase") == 3


def test_now_7_of_10_is_the_current_pain_score() -> None:
    assert read("now 7/10", "64493")["pain_nrs"] == 7


def test_baseline_then_now_gives_the_increase_between_them() -> None:
    facts = read("baseline 4/10, now 7/10", "62311")
    assert facts["pain_nrs_baseline"] == 4
    assert facts["pain_nrs_increase"] == 3


def test_failed_2_pt_courses_is_two_failed_pt_courses() -> None:
    assert read("Failed 2 PT courses", "64493").get("pt_courses_failed") == 2


def test_nsaids_naproxen_for_3_months_failed_is_one_failed_medication_course() -> None:
    facts = read("NSAIDs (naproxen) for 3 months failed", "64493")
    assert facts["medication_courses_failed"] == 1
    assert "pt_weeks" not in facts


def test_afebrile_37_0_c_is_a_body_temperature_of_37_c() -> None:
    assert read("Afebrile 37.0 C", "71250").get("body_temperature") == \
        expect("body_temperature", "37.0 C")


@pytest.mark.parametrize("cpt", ["64493", "71250", "97110"])
def test_an_ortho_spine_consult_is_a_specialist_consult(cpt: str) -> None:
    assert read("ortho spine consult", cpt)["specialist_consult_documented"] is True


def test_pt_2x_per_week_is_two_sessions_a_week() -> None:
    facts = read("PT 2x/week for 6 weeks", "71250")
    assert facts["pt_sessions_per_week"] == 2
    assert facts["pt_weeks"] == 6


# ---------------------------------------------------------- bare answers


@pytest.mark.parametrize(("pending", "text", "fact", "value"), [
    (["xray_date"], "2026-08-01", "xray_date", "2026-08-01"),
    (["xray_date"], "8/1/26", "xray_date", "2026-08-01"),
    (["nerve_block_date"], "Oct 15 2026", "nerve_block_date", "2026-10-15"),
    (["pain_nrs"], "7/10", "pain_nrs", 7),
    (["severe_comorbidities"], "none", "severe_comorbidities", []),
    (["pt_weeks", "xray_date"], "8/1/26", "xray_date", "2026-08-01"),
])
def test_a_bare_value_answers_the_one_pending_question_of_its_kind(
        pending: list[str], text: str, fact: str, value: object) -> None:
    assert read(text, "64493", pending=pending) == {fact: expect(fact, value)}


def test_none_answers_a_pending_set_question_as_the_empty_set() -> None:
    assert read("none", "62311", pending=["conservative_treatments"]) == \
        {"conservative_treatments": expect("conservative_treatments", [])}


def _until_asked(a: Assistant, fact: str) -> Turn:
    """Open a 64493 case and answer "not sure" until ``fact`` is asked."""
    turn = a.send("t", "Does this case qualify for 64493?")
    for _ in range(12):
        if fact in turn.pending:
            return turn
        turn = a.send("t", ", ".join("not sure" for _ in turn.pending))
    raise AssertionError(f"{fact} never asked")


def test_dates_in_three_formats_answer_three_date_questions_in_order_in_chat() -> None:
    a = assistant()
    asked = _until_asked(a, "xray_date")
    assert asked.pending == ["hp_date", "xray_date", "ct_mri_date"]
    turn = a.send("t", "2026-08-01, 8/1/26, Oct 15 2026")
    assert {f: turn.facts[f]["value"] for f in asked.pending} == {
        "hp_date": "2026-08-01", "xray_date": "2026-08-01", "ct_mri_date": "2026-10-15"}


def test_a_lone_date_when_three_date_questions_are_pending_is_confirmed_not_used() -> None:
    # Was refused ("which question does it answer?"); since the outside tester (session
    # 5, C1) it is taken for the first question it fits, as an inference the checker
    # does not use until the user confirms it.
    a = assistant()
    asked = _until_asked(a, "xray_date")
    turn = a.send("t", "8/1/26")
    first = asked.pending[0]
    assert [f for f in asked.pending if f in turn.facts] == [first]
    assert turn.facts[first]["origin"] == "inferred"
    assert turn.pending[0] == first and "is that right?" in turn.reply
    assert first not in turn.verdict["facts"]  # the checker waits for the user's yes
    turn = a.send("t", "yes")
    assert turn.facts[first]["origin"] == "confirmed"


def test_a_bare_score_answer_in_chat_is_the_pain_score_asked_for() -> None:
    a = assistant()
    turn = _until_asked(a, "pain_nrs")
    turn = a.send("t", ", ".join("7/10" if p == "pain_nrs" else "not sure"
                                 for p in turn.pending))
    assert turn.facts["pain_nrs"]["value"] == 7


# -------------------------------------------------------- partial replies


def test_a_partial_reply_keeps_its_readable_parts_and_reports_the_rest() -> None:
    u = _reading("12 weeks, blah blah zork", "64493", pending=["pt_weeks", "pain_nrs"])
    assert {r.fact: _norm(r.fact, r.value) for r in u.facts} == {"pt_weeks": 12}
    assert any("zork" in part.words for part in u.unread)


def test_a_partial_reply_in_chat_keeps_what_it_read_and_asks_again_for_the_rest() -> None:
    a = assistant()
    a.send("t", "Does this case qualify for 64493?")
    asked = a.send("t", "low back")
    assert asked.pending == ["pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"]
    turn = a.send("t", "12 weeks, 6 weeks, zork")
    assert turn.facts["pt_weeks"]["value"] == 12
    assert turn.facts["pt_exercise_weeks"]["value"] == 6
    assert "pt_manual_weeks" not in turn.facts and "pt_manual_weeks" in turn.pending
    assert "zork" in turn.reply


def test_a_part_of_a_course_is_not_read_as_the_whole_of_conservative_care() -> None:
    """'Conservative tx: PT 8 wks, naproxen, ..., 12 wks total': the 8 weeks are PT's
    (a fact 62311 does not read), never 8 weeks of conservative treatment."""
    u = _reading("62311 intake: 44F, L5 radiculopathy 5 months. Conservative tx: PT 8 wks, "
                 "naproxen, weight loss program, 12 wks total, no improvement.", "62311")
    weeks = [r.value for r in u.facts if r.fact == "conservative_weeks"]
    assert weeks in ([], ["12 weeks"]), weeks


def test_today_after_a_pain_score_is_not_the_date_of_the_history_and_physical() -> None:
    """Found on a fresh note (session 3): 'HPI: ... Pain 7/10 today' read the H&P as
    done today, a date the note never gives."""
    facts = read("HPI: axial low back pain since spring, worse with extension, no radicular "
                 "sx. Pain 7/10 today.", "64493")
    assert "hp_date" not in facts
    assert facts["pain_nrs"] == 7
    assert read("H&P today, pain 7/10", "64493")["hp_date"] == AS_OF


@pytest.mark.parametrize("text", ["PT 2x/wk from 6/1/26 to 8/24/26 - no improvement.",
                                  "PT 6/1/2026 - 8/24/2026, no better",
                                  "PT 2026-06-01 through 2026-08-24"])
def test_a_course_given_as_two_dated_days_lasted_the_weeks_between_them(text: str) -> None:
    """Found on a fresh note (session 3): a PT course written as a date range was not
    read at all, and the user was asked how long PT lasted."""
    assert read(text, "64493")["pt_weeks"] == 12


def test_a_range_without_years_is_not_a_duration() -> None:
    assert "pt_weeks" not in read("PT from 6/1 to 8/24", "64493")


def test_an_onset_date_in_an_earlier_clause_is_not_a_second_set_of_xrays() -> None:
    """Found in a fresh chat (session 3): 'shoulder pain since 8/15/2026 after a fall, no
    fracture on xray 8/20/26' read two sets of X-rays, one of them the day of the fall."""
    facts = read("41 yo woman, L shoulder pain since 8/15/2026 after a fall, no fracture on "
                 "xray 8/20/26", "97110")
    assert facts["xray_date"] == date(2026, 8, 20)
    assert facts.get("xray_sets") in (None, 1)
    assert read("10/2/26 - XR knee, 2 views", "97110")["xray_date"] == date(2026, 10, 2)


def test_a_saturation_measured_on_room_air_is_not_the_patients_oxygen_need() -> None:
    """'O2 sat 88% on room air' says how the saturation was taken; the patient may be on
    oxygen otherwise ('SpO2 on RA 89%; currently on 4 L NC'): FiO2 is asked, not 21 %."""
    facts = read("VS: Temp 100.8 °F, P 110, BP 102/64, RR 26, O2 sat 88% on room air", "71250")
    assert "fio2_percent" not in facts
    assert facts["spo2_room_air"] == expect("spo2_room_air", 88)
    assert read("He is on room air with SpO2 97%", "71250")["fio2_percent"] == 21
    assert read("room air", "71250", pending=["fio2_percent"])["fio2_percent"] == 21


def test_todays_temperature_below_an_earlier_fever_is_not_the_highest_recent_reading() -> None:
    """The policy asks for the highest recent temperature: '38.6 on 10/20 ... 37.0 today'
    is asked, never 37.0 (a fever exclusion hidden)."""
    assert "body_temperature" not in read("T 38.6 on 10/20, 37.8 on 10/25, 37.0 today.", "71250")
    assert read("Temp 99.1 F yesterday, 101.4 F today", "71250")["body_temperature"] == \
        expect("body_temperature", "101.4 F")


def test_a_wheeze_the_patient_reports_is_not_an_examined_sign_of_lung_disease() -> None:
    for text in ("Albuterol helped her wheezing in the past, but for the last 2 months her "
                 "wheezing has not responded to it.",
                 "Wheeze resolves with albuterol; responds well to bronchodilators."):
        assert "pulmonary_disease_signs" not in read(text, "71250"), text
    assert read("Exam: wheezes bilaterally", "71250")["pulmonary_disease_signs"] is True


def test_pt_aimed_at_chest_mobility_does_not_say_each_session_had_the_exercises() -> None:
    assert "pt_chest_exercises" not in read("PT 3x/week for chest mobility.", "71250")
    assert read("PT 2x/wk, chest wall mobility + strengthening each visit",
                "71250")["pt_chest_exercises"] is True


def test_an_hp_without_symptom_dates_is_not_the_hp_the_policy_asks_for() -> None:
    facts = read("H&P on file but does not document when symptoms started or their date "
                 "range.", "97110")
    assert facts.get("hp_documented") is not True
    assert read("H&P on file incl. symptom date range.", "97110")["hp_documented"] is True


def test_nerve_root_compression_without_inflammation_is_asked_not_read() -> None:
    """62311 asks for compression AND inflammation: a checklist that says compression yes
    and inflammation 'not commented on' settles nothing (it was read as met)."""
    facts = read("CT L-spine 10/1/26:\n- Readable: yes\n- Foraminal stenosis: yes\n"
                 "- Nerve root compression: yes\n- Inflammation: not commented on\n", "62311")
    assert "imaging_nerve_root_compression" not in facts
    facts = read("MRI 10/8/26: L4-5 HNP w/ L5 root compression + root edema/inflammation.",
                 "62311")
    assert facts["imaging_nerve_root_compression"] is True


def test_a_disc_herniation_alone_is_not_a_readable_study_showing_stenosis() -> None:
    """'disc extrusion compressing the S1 nerve root' says nothing of stenosis or of the
    study being readable (it was read as imaging_stenosis_readable = true)."""
    facts = read("The MRI on October 20, 2026 shows a right L5-S1 disc extrusion compressing "
                 "the S1 nerve root with surrounding inflammatory change.", "62311")
    assert "imaging_stenosis_readable" not in facts
    assert facts["imaging_nerve_root_compression"] is True


def test_back_to_work_alone_does_not_say_daily_life_is_unaffected() -> None:
    facts = read("Her symptoms have improved steadily with physical therapy and she is back "
                 "to work full time.", "62311")
    assert "symptoms_impact_daily_life" not in facts


def test_a_relatives_pain_described_in_an_aside_is_not_the_patients() -> None:
    """'Son (also our patient) reports his own back pain': 'patient' in the aside ended
    the son's scope, so his back pain was read as the patient's pain region."""
    facts = read("Son (also our patient) reports his own back pain is 9/10; pt's pain today "
                 "5/10.", "64493")
    assert "pain_region" not in facts
    assert facts["pain_nrs"] == expect("pain_nrs", 5)


def test_weeks_of_a_named_component_are_not_the_whole_therapy() -> None:
    """'Her therapy included six weeks of supervised exercise': the six weeks are the
    exercise's (they were read as 6 weeks of PT in all)."""
    facts = read("Her therapy included six weeks of supervised exercise and stretching, four "
                 "weeks of manual therapy, and three weeks of pain education.", "64493")
    assert "pt_weeks" not in facts
    assert facts["pt_exercise_weeks"] == expect("pt_exercise_weeks", "6 weeks")


def test_how_long_an_effect_lasted_is_not_how_long_the_symptoms_lasted() -> None:
    facts = read("Daughter reports pt hasn't been able to drive or cook for 2 months because "
                 "of the leg pain.", "62311")
    assert "symptom_weeks" not in facts
    assert facts["symptoms_impact_daily_life"] is True


def test_a_rom_exam_of_the_lumbar_spine_is_not_the_pain_region() -> None:
    facts = read("ROM: lumbar flex/ext limited ~50%, painful. Gait WNL.", "64493")
    assert "pain_region" not in facts
    assert facts["decreased_rom"] is True


def test_not_better_with_conservative_care_is_a_failure_not_a_denial() -> None:
    """'Not better w/ cons tx' was read as failed_conservative = false."""
    assert read("Not better w/ cons tx", "64493")["failed_conservative"] is True


def test_every_drug_under_a_meds_failed_heading_is_a_failed_course() -> None:
    facts = read("Meds failed: diclofenac 75 mg BID x 2 mo; prednisone taper.", "64493")
    assert facts["medication_courses_failed"] == expect("medication_courses_failed", 2)


def test_a_summer_off_work_now_over_does_not_say_daily_life_is_impacted() -> None:
    facts = read("Was off work in the summer, but now back to full duties and daily "
                 "activities without limitation.", "62311")
    assert facts["symptoms_impact_daily_life"] is False


def test_note_words_in_a_reply_are_not_offered_as_answers_to_the_questions_asked() -> None:
    """Found in a fresh chat (session 3): with three questions pending, '41 yo woman, ...'
    came back as 'could not read "41 yo woman (as the answer to: Most recent MRI)"', and
    'naproxen' as 'which question does it answer: ...?', as if they were meant as answers."""
    turn = chat("does this case qualify for 97110?",
                "41 yo woman, L shoulder pain since 8/15/2026 after a fall, no fracture on "
                "xray 8/20/26",
                "no MRI. she did 6 weeks of home exercises and naproxen, still hurts")
    assert "not an answer to the question" not in turn.reply
    assert "which question does it answer" not in turn.reply
    assert turn.reply.count("naproxen") == 1  # listed once, in the words it came in
    assert turn.facts["mri_date"]["value"] == "never"


@pytest.mark.parametrize("text", [
    "Daughter herself is 7 months pregnant and can't drive her.",
    "Pt's daughter called. Daughter herself is 7 months pregnant.",
    "His wife herself is pregnant, due in March."])
def test_a_relative_herself_being_pregnant_says_nothing_about_the_patient(text: str) -> None:
    """Found on a fresh intake note (session 3): 'herself' after 'Daughter' ended the
    daughter's scope, and the 68-year-old patient was read as pregnant (a denial)."""
    assert "pregnancy" not in read(text, "64493")


def test_the_patient_herself_is_still_the_patient() -> None:
    assert read("Her daughter has strep; the patient herself has no infection.",
                "64493")["active_infection"] is False


def test_per_course_figures_are_not_read_as_the_whole_of_the_treatment() -> None:
    """'PT course 1: 6 wks; course 2: 7 wks' was 6 weeks of PT; '3 courses ...: 6 wks, 8
    wks and 4 wks' was 8 weeks of conservative care and 3 six-week courses."""
    assert read("PT course 1: 6 wks; course 2: 7 wks (total 13 wks).", "64493")["pt_weeks"] \
        == expect("pt_weeks", "13 weeks")
    facts = read("3 courses of conservative tx without improvement: 6 wks, 8 wks and 4 wks.",
                 "62311")
    assert facts["conservative_weeks"] == expect("conservative_weeks", "18 weeks")
    assert facts["conservative_courses_failed"] == 2


def test_a_figure_and_a_denial_of_the_same_treatment_are_asked_about_not_chosen() -> None:
    """'Had PT x 6 wks in 2021 for a shoulder injury; no PT for the back so far' was 6
    weeks of PT for a back procedure. (Since session 6, F12, the shoulder's therapy is
    not the spine's at all, so the back's 'no PT' stands: 0 weeks, as the corpus item
    64493-resolved-shoulder-pt-not-back labels it; never 6.)"""
    u = _reading("Had PT x 6 wks in 2021 for a shoulder injury; no PT for the back so far.",
                 "64493")
    assert {r.fact: _norm(r.fact, r.value) for r in u.facts}.get("pt_weeks") in (None, 0)
    u = _reading("Had PT x 6 wks in 2021 for sciatica; no PT for the back so far.", "64493")
    assert "pt_weeks" not in {r.fact for r in u.facts}
    assert any("PT x 6 wks" in w.words for w in u.unread)
    assert read("No PT to date.", "64493")["pt_weeks"] == 0


@pytest.mark.parametrize("text", [
    "Pregnancy:", "Pregnancy: not asked", "Pregnancy: unable to assess",
    "pregnancy status not documented", "Pregnancy: G2P2", "Pregnancy: LMP 2 wks ago",
    "Pregnancy: declined test", "Pregnant - unsure", "Pregnancy: possible",
    "Pregnancy:\nInfection: no"])
def test_a_pregnancy_field_without_a_yes_is_not_a_pregnancy(text: str) -> None:
    """Found on fresh portal forms (session 3): the label's own word ('Pregnancy:')
    was read as the answer, so a blank or doubtful field made the patient pregnant."""
    assert read(text, "97110").get("pregnancy") in (None, "not_pregnant")
    assert read(text, "97110").get("pregnancy") != "pregnant"


@pytest.mark.parametrize(("text", "value"), [
    ("Pregnant: Y", "pregnant"), ("Pregnancy: IUP 8 wks", "pregnant"),
    ("[x] Pregnant", "pregnant"), ("Pregnancy: no", "not_pregnant"),
    ("Pregnancy | N/A (male)", "not_applicable"),
    ("Sex: M\n| Pregnancy | N/A |", "not_applicable")])
def test_a_pregnancy_field_is_read_from_its_answer(text: str, value: str) -> None:
    assert read(text, "97110")["pregnancy"] == value


@pytest.mark.parametrize("text", [
    "Active infection - unsure", "Active infection: possible",
    "Active infection: not that I know of", "Active infection:",
    "Active infection: unable to assess"])
def test_a_doubtful_or_blank_infection_field_is_asked_not_read_as_yes(text: str) -> None:
    """Found on fresh forms (session 3): 'Active infection - unsure' read as an active
    infection, an exclusion."""
    assert "active_infection" not in read(text, "64493")


def test_a_pasted_table_row_reads_as_a_field() -> None:
    """'Active infection | no' read as an active infection (the bar was no separator);
    'Pregnancy | N/A (male)' as pregnant."""
    facts = read("Infection | no\nPregnancy | N/A (male)\nX-ray | 2026-09-01\nNRS | 7", "64493")
    assert facts["active_infection"] is False
    assert facts["pregnancy"] == "not_applicable"
    assert facts["xray_date"] == date(2026, 9, 1)
    assert facts["pain_nrs"] == 7


def test_courses_listed_without_a_total_add_up_instead_of_the_first_one_counting() -> None:
    """'Two PT courses: 8 weeks ... and 10 weeks ...' read 8 weeks of PT (a denial under
    a 12-week rule); 'ibuprofen x 4 wks, then meloxicam x 5 wks, then HEP x 4 wks' read
    4 weeks of conservative care."""
    assert read("Two PT courses: 8 weeks in spring and 10 weeks this summer, with a gap "
                "between.", "71250")["pt_weeks"] == 18
    assert read("Conservative care: ibuprofen x 4 wks, then meloxicam x 5 wks, then HEP x 4 "
                "wks (sequential), none helped.", "97110")["conservative_weeks"] == 13


def test_a_symptom_span_beside_a_current_episode_is_asked_not_taken() -> None:
    facts = read("Intermittent back pain for 3 years; current episode 9 weeks.", "97110")
    assert "symptom_weeks" not in facts
    assert read("LBP for 9 months in total, current flare x 3 wks.",
                "64493")["symptom_weeks"] == expect("symptom_weeks", "9 months")


@pytest.mark.parametrize("text", [
    "MRI L-spine 9/1/26 - pt unable to complete due to claustrophobia",
    "MRI 9/1/26 not done", "X-rays 10/1/26 - no-show", "MRI 9/1/26: study aborted"])
def test_a_study_that_did_not_happen_on_its_date_is_asked_about(text: str) -> None:
    """Found with fresh form lines (session 3): 'MRI 9/1/26 not done' stored 9/1/26 as
    the most recent MRI."""
    facts = read(text, "64493")
    assert "ct_mri_date" not in facts and "xray_date" not in facts


def test_a_later_line_saying_another_study_was_not_done_leaves_the_date() -> None:
    assert read("MRI 9/1/26, X-ray not done", "64493")["ct_mri_date"] == date(2026, 9, 1)


def test_a_family_history_label_ends_where_the_next_label_starts_on_its_line() -> None:
    """'FHx: mother with severe COPD. Member: no severe comorbidities.' read nothing: the
    family history section ran to the end of the line, over the patient's own words."""
    facts = read("FHx: mother with severe COPD. Member: no severe comorbidities.", "64493")
    assert facts["severe_comorbidities"] == frozenset()


def test_failed_medications_said_after_the_list_are_counted() -> None:
    assert read("Ibuprofen 600 mg TID x 8 wks and a Medrol dosepak - both failed.",
                "64493")["medication_courses_failed"] == 2
    assert read("NSAIDs x 3 courses (ibuprofen, naproxen, meloxicam), all failed.",
                "64493")["medication_courses_failed"] == 3
    assert read("Ibuprofen helped; naproxen failed.", "64493")["medication_courses_failed"] == 1


def test_weeks_of_a_drug_after_a_failed_therapy_are_not_the_therapys() -> None:
    """'Therapy failed to give lasting relief, as did 8 weeks of naproxen' was 8 weeks of
    PT (a duration taken from the next clause)."""
    facts = read("Therapy failed to give lasting relief, as did 8 weeks of naproxen.", "64493")
    assert "pt_weeks" not in facts
    assert facts["medication_courses_failed"] == 1


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Pregnancy test: not done", "71250", "pregnancy"),
    ("Urine pregnancy test declined", "71250", "pregnancy"),
    ("Infection requiring immediate care: no", "97110", "active_infection"),
    ("Septic arthritis ruled out", "97110", "musculoskeletal_condition"),
    ("H&P: on file, no symptom onset documented", "97110", "hp_documented")])
def test_a_form_line_about_something_nearby_does_not_settle_the_fact(
        text: str, cpt: str, fact: str) -> None:
    """Found with fresh form lines (session 3): a test not done read 'not pregnant'; no
    infection needing immediate care read 'no active infection'; septic arthritis ruled
    out read 'no musculoskeletal condition'; an H&P without onset dates read as the
    H&P with symptom dates the policy asks for."""
    assert fact not in read(text, cpt)


def test_records_asked_for_old_or_incomplete_are_not_read_as_on_file() -> None:
    """71250 documentation: a history requested and not received, vital signs from
    months ago and a CBC without the electrolytes and creatinine the policy names were
    read as on file."""
    assert read("Requested the full history with prior chest complaints from the PCP "
                "office; not received yet.", "71250").get("chest_history_documented") is not True
    assert "current_vitals_documented" not in read(
        "Most recent vital signs in the chart are from March 2026.", "71250")
    assert read("CBC in chart; no electrolytes or creatinine have been drawn.",
                "71250")["labs_documented"] is False
    assert read("Vitals today: T 37.1, HR 88, BP 124/78", "71250")["current_vitals_documented"]


def test_the_reason_a_scan_is_requested_is_not_a_finding() -> None:
    """"the request only says 'eval nodule'" read a nodule as a sign of lung disease."""
    assert "pulmonary_disease_signs" not in read(
        "The imaging provider has not documented any failure of conservative management; "
        "the request only says 'eval nodule'.", "71250")
    assert read("CT chest to evaluate for infiltrate", "71250").get(
        "pulmonary_disease_signs") is None


def test_a_date_after_a_record_named_later_is_the_records_not_the_studys() -> None:
    """'Pulmonary function tests on 9/22/26 ... Enclosed: ... the PFT report, and the
    consultation note from Dr. Lin, pulmonology, dated 10/20/26' read the PFTs as done
    on 10/20/26."""
    facts = read("Pulmonary function tests on 9/22/26 showed an FEV1 of 61% of predicted. "
                 "Enclosed: the PT log, the PFT report, and the consultation note from Dr. "
                 "Lin, pulmonology, dated 10/20/26.", "71250")
    assert facts["pft_date"] == date(2026, 9, 22)


def test_a_line_ending_in_a_plus_goes_on_to_the_next_date() -> None:
    """'XR R shoulder 6/10/26 +\\n9/29/26' read the older X-ray as the most recent."""
    facts = read("XR R shoulder 6/10/26 +\n9/29/26. MRI R shoulder 10/12/26.", "97110")
    assert facts["xray_date"] == date(2026, 9, 29)
    assert facts["xray_sets"] == 2


def test_independent_in_adls_does_not_say_symptoms_impact_daily_life() -> None:
    """Found with fresh form lines (session 3): 'ADLs: independent' read as symptoms
    that impact daily life."""
    assert "symptoms_impact_daily_life" not in read("ADLs: independent", "62311")
    assert read("Symptoms limit ADLs", "62311")["symptoms_impact_daily_life"] is True


def test_dosages_is_not_a_date_of_service_label() -> None:
    """'dosages' began with 'dos' and hid the note title's date, so 'H&P performed at this
    visit' had no date and a complete note asked for it."""
    facts = read("SPINE CENTER - Consult Note   10/27/2026\nMed list with dosages in chart.\n"
                 "Comprehensive H&P performed at this visit.", "64493")
    assert facts["hp_date"] == date(2026, 10, 27)


def test_neither_course_counts_as_failed_pt_only_where_pt_is_the_subject() -> None:
    facts = read("She completed 16 weeks of physical therapy across two courses; neither course "
                 "gave meaningful relief.", "64493")
    assert facts["pt_courses_failed"] == 2
    assert "pt_courses_failed" not in read("Two courses of NSAIDs; neither course helped.",
                                           "64493")


def test_the_fev1_of_the_latest_pfts_counts_not_the_first_one_written() -> None:
    facts = read("PFTs 2/10/26 (FEV1 81% pred) and repeat 9/28/26 (FEV1 69% pred).", "71250")
    assert facts["fev1_percent_predicted"] == 69
    assert facts["pft_date"] == date(2026, 9, 28)


def test_a_count_offered_with_an_alternative_is_asked() -> None:
    """'At least one set of x-rays, possibly two' read 1 set (a denial where 2 are needed)."""
    assert "xray_sets" not in read("At least one set of x-rays, possibly two - records "
                                   "requested.", "97110")
    assert read("2 sets of x-rays", "97110")["xray_sets"] == 2


def test_a_span_before_her_symptom_is_the_time_of_what_follows() -> None:
    """'Albuterol helped her wheezing in the past, but for the last 2 months her wheezing
    has not responded to it' read 2 months of symptoms."""
    assert "symptom_weeks" not in read("Albuterol helped her wheezing in the past, but for the "
                                       "last 2 months her wheezing has not responded to it.",
                                       "71250")
    assert read("2 months of her cough", "71250")["symptom_weeks"] == \
        expect("symptom_weeks", "2 months")


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("[ ] Medication list w/ dosages", "64493", "medication_list_documented", False),
    ("[ ] Specialist consult (ortho/pain)", "64493", "specialist_consult_documented", False),
    ("[ ] Treatment logs", "97110", "treatment_logs_documented", False),
    ("[x] Treatment logs", "97110", "treatment_logs_documented", True)])
def test_a_box_on_a_submission_checklist_says_whether_the_record_is_sent(
        text: str, cpt: str, fact: str, value: bool) -> None:
    """Found in the fresh blind set (session 3): an unticked document box read as sent."""
    assert read(text, cpt)[fact] is value


@pytest.mark.parametrize(("text", "cpt", "facts"), [
    ("[ ] Failed conservative tx within 12 mo", "97110",
     ("failed_conservative", "conservative_weeks", "last_failed_conservative_date")),
    ("[ ] MRI report", "97110", ("mri_date",)),
    ("[ ] Cosmetic purposes only", "97110", ("cosmetic_purpose",)),
    ("[ ] Impaired balance/gait", "64493", ("impaired_balance_gait",))])
def test_an_unticked_criterion_box_is_asked_not_read(
        text: str, cpt: str, facts: tuple[str, ...]) -> None:
    """Found in the fresh blind set (session 3): '[ ] Failed conservative tx within
    12 mo' read as failed conservative care lasting 12 months (the box unticked, the
    12 months a window); '[ ] MRI report' as no MRI ever; '[ ] Cosmetic purposes only'
    as not cosmetic at all."""
    got = read(text, cpt)
    assert not set(facts) & set(got), got


def test_a_relative_described_before_the_noun_is_still_the_relative() -> None:
    """Fresh blind set (session 3): 'Pt (42 F) came with her pregnant sister' read the
    patient, who had a hysterectomy, as pregnant."""
    facts = read("Pt (42 F) came with her pregnant sister. Pt had a hysterectomy in 2019.",
                 "97110")
    assert facts["pregnancy"] == "not_applicable"
    assert "pregnancy" not in read("Her diabetic mother is pregnant again.", "64493")


def test_an_answer_the_user_says_belongs_to_another_patient_is_not_read() -> None:
    """Fresh blind set (session 3): a PFT date the user said belonged to a different
    patient was stored as this patient's, in reply to the PFT question."""
    u = _reading("there's a PFT dated 3/4/25 in the fax but it belongs to a different "
                 "patient -- don't know for this one", "71250", pending=["pft_date"])
    assert all(r.value != "2025-03-04" for r in u.facts if r.fact == "pft_date")


def test_an_unticked_box_is_a_missing_record_and_an_unconfirmed_criterion() -> None:
    """A submission checklist's '[ ] Medication list w/ dosages' was read as on file;
    a criteria list's '[ ] Failed conservative tx within 12 mo' as failed, 12 months."""
    facts = read("SUBMISSION CHECKLIST\n[x] H&P (dated 07/22/2026)\n[ ] Medication list w/ "
                 "dosages\n[x] Modality log (heat/TENS)\n[ ] Specialist consult (ortho/pain)\n",
                 "64493")
    assert facts["medication_list_documented"] is False
    assert facts["specialist_consult_documented"] is False
    assert facts["modalities_documented"] is True
    facts = read("[x] Pain >= 4 -- NRS 5\n[ ] Failed conservative tx within 12 mo\n", "97110")
    assert "failed_conservative" not in facts and "conservative_weeks" not in facts
    assert read("[ ] Active infection\n[x] None of the above", "64493")["active_infection"] \
        is False


def test_a_doctor_labelled_pcp_is_not_a_pcp_consult() -> None:
    facts = read("Annual physical | R. Banda, DO (PCP) | H&P | 10/20/2026", "64493")
    assert "pcp_consult_documented" not in facts
    assert read("PCP + ortho spine consults on file", "64493")["pcp_consult_documented"] is True


def test_a_ticked_threshold_is_not_the_figure() -> None:
    """'[x] Sx > 6 wks (since 02/03/2026)' ticks the policy's threshold: it was read as 6
    weeks of symptoms."""
    facts = read("Criteria review:\n[x] Sx > 6 wks (since 02/03/2026)\n[x] Decreased ROM\n",
                 "64493")
    assert facts.get("symptom_weeks") != expect("symptom_weeks", "6 weeks")
    assert facts["decreased_rom"] is True


def test_a_head_ct_is_not_the_spine_imaging() -> None:
    facts = read("Repeat MRI L-spine 10/06/2026: facet hypertrophy.\nCT head 11/01/2026 after an "
                 "unrelated fall -- negative.", "64493")
    assert facts["ct_mri_date"] == date(2026, 10, 6)


def test_no_ct_does_not_say_no_imaging_when_an_mri_is_named() -> None:
    """'MRI L-spn 8/14 -> facet arthropathy, no CT' was ct_mri_date = never."""
    facts = read("XR L-spn 2/2026 nml; MRI L-spn 8/14 -> facet arthropathy L3-S1, no CT.",
                 "64493")
    assert facts.get("ct_mri_date") != "never"


def test_a_figure_before_a_colon_heads_its_list() -> None:
    """'PT compelted 12wk: therex/strech 6wk' was 12 weeks of exercise."""
    facts = read("PT compelted 12wk: therex/strech 6wk, manuel tx + modalites 3wk, pain ed/self "
                 "mgmt 3wk.", "64493")
    assert facts["pt_exercise_weeks"] == expect("pt_exercise_weeks", "6 weeks")


def test_gait_nml_is_normal_gait() -> None:
    assert read("gait nml, no balance deficits.", "64493")["impaired_balance_gait"] is False


def test_no_ct_beside_an_mri_is_not_never_a_ct_or_mri() -> None:
    """Fresh blind set (session 3): 'MRI L-spn 8/14 -> facet arthropathy, no CT' read
    the most recent CT or MRI as never done."""
    facts = read("MRI L-spn 8/14 -> facet arthropathy L3-S1, no CT.", "64493")
    assert facts.get("ct_mri_date") != "never"
    assert read("No MRI, no CT.", "64493")["ct_mri_date"] == "never"


def test_lines_under_a_not_enclosed_header_are_missing() -> None:
    """Fresh blind set (session 3): 'NOT ENCLOSED: ...; prior chest imaging' read the
    chest images as on file."""
    facts = read("ENCLOSED: H&P with review of systems.\nNOT ENCLOSED: labs (to follow); "
                 "prior chest imaging -- none in our chart.", "71250")
    assert facts.get("chest_images_documented") is False


def test_a_checklists_threshold_is_not_the_figure() -> None:
    """'[x] Conservative tx >= 12 wks: 16 wks' read 12 weeks; '[x] Sx >= 6 wks' read 6
    weeks of symptoms; 'Failed conservative tx within 12 mo' read 12 months of care."""
    facts = read("[x] Conservative tx >= 12 wks: 16 wks (NSAIDs, home exercise, bracing)",
                 "97110")
    assert facts["conservative_weeks"] == 16
    assert "symptom_weeks" not in read("[x] Sx >= 6 wks", "97110")
    assert "conservative_weeks" not in read("[ ] Failed conservative tx within 12 mo", "97110")
    assert read("Attended 36 PT sessions over 18 weeks.", "71250")["pt_weeks"] == 18


def test_a_relatives_pregnancy_named_before_her_is_not_the_patients() -> None:
    facts = read("Pt (42 F) came with her pregnant sister. Pt had a hysterectomy in 2019.",
                 "97110")
    assert facts["pregnancy"] == "not_applicable"


def test_an_empty_box_in_a_list_of_documents_is_a_document_not_sent() -> None:
    facts = read("Documentation sent with request:\n[x] H&P incl. symptom date range\n"
                 "[ ] Treatment logs\n[x] Rheumatology consult supporting PT", "97110")
    assert facts["treatment_logs_documented"] is False
    assert facts["specialist_consult_documented"] is True
    assert "mri_date" not in read("Docs received:\n[x] treatment logs\n[ ] MRI report", "97110")


def test_sets_said_in_total_beat_the_dates_counted() -> None:
    facts = read("Lumbar XR: 11/2024, 04/02/2026, 10/20/2026 (3 sets total).", "97110")
    assert facts["xray_sets"] == 3


def test_a_bare_no_beside_several_questions_is_not_a_date_never_done() -> None:
    """Found in a fresh chat (session 3): with PT-education weeks, the H&P date and the
    X-ray date pending, a bare 'no' stored the H&P as never done, a denial."""
    u = _reading("no", "64493", pending=["pt_education_weeks", "hp_date", "xray_date"])
    assert all(r.value != "never" for r in u.facts)
    assert _reading("no", "64493", pending=["nerve_block_date"]).facts[0].value == "never"


def test_words_the_note_reading_took_are_not_reported_as_unread_answers() -> None:
    """Found in a fresh chat (session 3): 'ibuprofen and naproxen both failed' was read
    as 2 failed courses and also listed as 'could not read "ibuprofen"'."""
    u = _reading("ibuprofen and naproxen both failed, PT twice no help", "64493",
                 pending=["pt_education_weeks", "hp_date", "xray_date"])
    assert [r.value for r in u.facts if r.fact == "medication_courses_failed"] == ["2"]
    assert not any(w.words.startswith(("ibuprofen", "naproxen")) for w in u.unread), u.unread


def test_a_study_read_both_ways_on_two_rows_is_asked() -> None:
    """An imaging table with 'mild foraminal narrowing' (April) and 'nondiagnostic study'
    (October, the latest) read as a readable study showing stenosis."""
    facts = read("IMAGING HISTORY\nDate\tModality\tRegion\tImpression\n04/18/2026\tMRI\tL-spine\t"
                 "L5-S1 disc bulge, mild foraminal narrowing\n10/15/2026\tMRI\tL-spine\tLimited, "
                 "nondiagnostic study due to motion\n", "62311")
    assert facts.get("imaging_stenosis_readable") is not True
    assert facts["ct_mri_date"] == date(2026, 10, 15)


def test_a_denial_on_the_line_above_does_not_deny_a_section_title() -> None:
    """'... no balance deficit' at the end of one line denied 'CONSERVATIVE TX' on the
    next ('$' matched before the line break): failed conservative care read as false."""
    facts = read("EXAM | Gait normal, no balance deficit\nCONSERVATIVE TX\n  Ibuprofen | 6 wks | "
                 "no relief\n  Assessment: has not responded to conservative treatment.", "64493")
    assert facts["failed_conservative"] is True


def test_mild_and_stable_conditions_answered_as_nothing_severe_are_none() -> None:
    facts = read("she has CKD stage 3a, stable, and mild asthma. nothing severe", "64493",
                 pending=["severe_comorbidities"])
    assert facts["severe_comorbidities"] == frozenset()


def test_a_denied_severe_comorbidity_does_not_make_the_named_ones_severe() -> None:
    """'does not have COPD, cardiovascular disease or kidney disease, and has no severe
    comorbidity' read cardiovascular and kidney disease as severe comorbidities."""
    facts = read("He does not have COPD, cardiovascular disease or kidney disease, and has no "
                 "severe comorbidity; this is not a COPD exacerbation.", "71250")
    assert facts["severe_comorbidities"] == expect("severe_comorbidities", [])


def test_a_consult_requested_on_the_next_line_is_not_on_file() -> None:
    facts = read("Attached: H&P, treatment logs (dates/outcomes). Orthopedic consult (Dr. Reyes)\n"
                 "is requested but not yet done -- no specialist note available.", "97110")
    assert facts.get("specialist_consult_documented") is not True


@pytest.mark.parametrize(("text", "cpt"), [
    # f14-64493-pmr-records-reviewed (session 11)
    ("Ortho spine: pt saw Dr. Keane in 2025, report never received; re-requested 11/25.",
     "64493"),
    # my own wordings: a note not received, a report still pending, a pulmonologist's
    ("Ortho spine: saw Dr. K 2025, note not in chart yet.", "64493"),
    ("Physiatry - report pending", "64493"),
    ("Pulmonology (Dr. Osei) saw him 11/10; note still not in chart.", "71250"),
])
def test_a_specialist_whose_report_is_denied_is_no_consult_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


@pytest.mark.parametrize(("text", "cpt"), [
    # f8-64493-lmn-enclosures-spine-surgeon-pending (session 11)
    ("Enclosed: the consultation note of her primary care physician, Dr. Lamb (08/12/2026).",
     "64493"),
    # my own wordings
    ("Attached is the consultation note from his PCP (Dr. Wu, 9/1/2026).", "64493"),
    ("Consult report by the primary care physician is in the chart.", "97110"),
])
def test_a_consultation_note_the_pcp_wrote_is_no_specialist_s(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


@pytest.mark.parametrize(("text", "cpt"), [
    # f5-64493-problem-auth-documents (session 11)
    ("Documents for auth: ortho spine consult - pt cancelled twice, not seen; PT notes - yes.",
     "64493"),
    # my own wordings
    ("Physiatry consult 11/2026 - cancelled, never seen.", "64493"),
    ("Pulm consult - pt did not go to the appointment.", "71250"),
])
def test_a_consult_visit_that_did_not_happen_is_not_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


def test_a_specialist_s_consult_said_on_file_is_still_read() -> None:
    assert read("Pain management (Dr. Ro): consult note attached.",
                "64493")["specialist_consult_documented"] is True
    assert read("Ortho spine consult (Dr. Patel 11/18/2026) in chart; PCP note from Dr. Lin"
                " attached.", "64493")["specialist_consult_documented"] is True


@pytest.mark.parametrize("text", [
    # f12-64493-sbar-pacu-dm-severe (session 11): 3/10 after the injection read as the
    # patient's pain, under the policy's 4, a denial
    "S: Stable post-procedure. Pain 3/10 now (7/10 pre-procedure).",
    # my own wordings
    "NRS 2/10 now, was 8/10 before the injection this morning.",
    "Pain 1/10 currently (8/10 pre-block).",
])
def test_a_score_now_beside_one_before_the_procedure_is_asked(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


def test_a_score_now_beside_last_week_s_is_still_now() -> None:
    assert read("Pain 6/10 today (8/10 last week).", "64493")["pain_nrs"] == expect("pain_nrs", 6)


def test_the_longest_of_several_symptom_spans_is_the_symptom_duration() -> None:
    """'cough, fever, R-sided chest pain x 10 days; dyspnea on exertion x 7 wks' read 10
    days of symptoms."""
    facts = read("CC: cough, fever, R-sided chest pain x 10 days; dyspnea on exertion x 7 wks",
                 "71250")
    assert facts["symptom_weeks"] == 7


def test_a_denial_of_something_else_answers_no_pending_number_or_date() -> None:
    """Found in a fresh chat (session 3): with the symptom duration pending, 'no
    pneumonia, never hospitalized' stored 0 weeks of symptoms, a denial."""
    u = _reading("no pneumonia, never hospitalized", "71250",
                 pending=["symptom_weeks", "chest_history_documented", "pcp_referral_documented"])
    assert "symptom_weeks" not in {r.fact for r in u.facts}
    assert "xray_date" not in read("no pneumonia", "97110", pending=["xray_date"])
    assert read("no PT", "64493", pending=["pt_weeks"])["pt_weeks"] == 0
    assert read("never done", "97110", pending=["xray_date"])["xray_date"] == "never"


def test_a_year_in_a_correction_is_not_a_new_value() -> None:
    """Found in a fresh chat (session 3): 'actually he was hospitalized for pneumonia in
    2023' corrected the white cell count to 2023."""
    a = assistant()
    a.send("t", "can you check 71250 for mr jones")
    a.send("t", "temp 99.1, wbc 9.4, sat 93% RA")
    turn = a.send("t", "actually he was hospitalized for pneumonia in 2023")
    assert turn.facts["wbc_count"]["value"] == 9400
    assert turn.facts["pneumonia_hospitalization"]["value"] is True


def test_a_saturation_after_the_oxygen_given_is_not_on_room_air() -> None:
    """'HFNC 50 L/min, FiO2 70%, SpO2 91%' read a room-air saturation of 91 %."""
    facts = read("HFNC 50 L/min, FiO2 70%, SpO2 91%. ABG 7.31/52/64.", "71250")
    assert "spo2_room_air" not in facts
    assert read("Today his SpO2 is 90% on room air, and he needs 28% FiO2 by Venturi mask.",
                "71250")["spo2_room_air"] == 90


@pytest.mark.parametrize("text", ["not sure about infection, no fever though",
                                  "Not sure about infection."])
def test_not_sure_about_a_finding_is_not_the_finding(text: str) -> None:
    """Found in a fresh chat (session 3): 'not sure about infection' read as an active
    infection (an exclusion): 'not sure about' was a pseudo-trigger that hid the doubt."""
    assert "active_infection" not in read(text, "97110")


def test_pt_before_a_name_is_the_patient() -> None:
    """Found in a fresh chat (session 3): '62311 for pt Garcia, 58M' was asked 'is that
    the whole list of kinds of conservative treatment?' (pt read as physical therapy)."""
    u = _reading("62311 for pt Garcia, 58M", "62311")
    assert [r.fact for r in u.facts] == ["pregnancy"] and not u.unread


def test_a_phrase_carrying_its_own_denial_is_not_denied_twice() -> None:
    """'does not have pneumonia now and never had pneumonia' must never read a past
    pneumonia that needed hospital care."""
    facts = read("She does not have pneumonia now and never had pneumonia.", "71250")
    assert facts["pneumonia_hospitalization"] is False


def test_an_fev1_below_80_percent_on_recent_pfts_is_a_sign_of_lung_disease() -> None:
    assert read("PFTs 9/2/26: FEV1 70% of predicted", "71250")["pulmonary_disease_signs"] is True
    assert "pulmonary_disease_signs" not in read("Last PFTs were on 30 Sep 2024; FEV1 70% of "
                                                 "predicted.", "71250")
    assert "pulmonary_disease_signs" not in read("FEV1 88% predicted", "71250")


def test_a_complete_fresh_referral_letter_is_decided_with_no_question() -> None:
    """A complete 64493 letter written fresh (session 3) asked about severe comorbidities
    after denying each one the policy lists ('no diabetes, heart disease, COPD, kidney
    or liver disease, no bleeding disorder and no hypertension')."""
    facts = read("He has no diabetes, heart disease, COPD, kidney or liver disease, no "
                 "bleeding disorder and no hypertension.", "64493")
    assert not facts["severe_comorbidities"] and "severe_comorbidities" in facts
    assert "severe_comorbidities" not in read("No diabetes or heart disease.", "64493")


def test_a_time_of_day_is_not_a_second_temperature() -> None:
    """'Vitals 11/25 06:00: T 37.6 C, ...' asked which temperature was current (06, 00)."""
    facts = read("Vitals 11/25 06:00: T 37.6 C, HR 122, RR 26, BP 88/52, SpO2 89% on room air.",
                 "71250")
    assert facts["body_temperature"] == expect("body_temperature", "37.6 C")
    assert facts["spo2_room_air"] == 89


def test_his_says_a_man_only_where_no_woman_is_named() -> None:
    """'The orthopedic surgeon expects her to respond ... and has sent his consultation
    note': 'his' is the surgeon's, the patient is a woman."""
    facts = read("The orthopedic surgeon expects her to respond favorably to a course of "
                 "physical therapy and has sent his consultation note.", "97110")
    assert "pregnancy" not in facts
    assert read("His CRP was elevated at 14 mg/L.", "62311")["pregnancy"] == "not_applicable"


def test_a_form_line_that_asks_and_answers_is_a_field() -> None:
    """'16. Postpartum? No', '18. Severe comorbidities? None' were not read at all."""
    facts = read("16. Postpartum? No\n17. Active infection? No\n18. Severe comorbidities? None",
                 "97110")
    assert facts["postpartum"] is False and facts["active_infection"] is False
    assert facts["severe_comorbidities"] == expect("severe_comorbidities", [])
    assert "pregnancy" not in read("Is she pregnant? not sure", "97110")


def test_a_labs_line_goes_on_after_its_semicolon() -> None:
    facts = read("Labs on 10/30/26: WBC 10,400; sodium, potassium and creatinine normal.",
                 "71250")
    assert facts["labs_documented"] is True


def test_a_date_beside_a_treatments_failure_is_the_last_failed_treatment() -> None:
    facts = read("The most recent of these, celecoxib, was stopped on 10/01/2026 because it "
                 "did not help.", "97110")
    assert facts["last_failed_conservative_date"] == date(2026, 10, 1)
    assert "last_failed_conservative_date" not in read("Naproxen started 5/1/26, helped a lot.",
                                                       "97110")


def test_a_date_asked_back_takes_the_next_bare_date_even_when_the_case_is_decided() -> None:
    """Found in a fresh chat (session 3): 'xrays in march 2026' was asked back ('which
    date exactly?'), but the reply '3/15/2026' was refused: no question was pending for
    it (the case was already decided), or two date questions were."""
    a = assistant()
    a.send("t", "does 64493 apply here? 52F, LBP 7 months, facet mediated")
    asked = a.send("t", "she had an MBB on 10/20/26 and xrays in march 2026")
    assert "which date exactly" in asked.reply
    assert asked.pending[0] == "xray_date"
    turn = a.send("t", "3/15/2026")
    assert turn.facts["xray_date"]["value"] == "2026-03-15"


def test_an_xray_and_another_one_are_two_sets_though_one_date_is_vague() -> None:
    facts = read("she had an x-ray of the hip back in April and another one 3 weeks ago, plus "
                 "an MRI of the hip on 10/2/26.", "97110")
    assert facts["xray_sets"] == 2


def test_a_lab_value_is_no_answer_to_a_pending_number_question() -> None:
    """Found in a fresh chat (session 3): with conservative-care weeks pending, 'no
    infection, no diabetes - wait, she does have diabetes, A1c 8' stored 8 weeks of
    conservative care, and the case was denied for it."""
    u = _reading("no infection, no diabetes - wait, she does have diabetes, A1c 8", "97110",
                 pending=["conservative_weeks", "hp_documented", "last_failed_conservative_date"])
    assert "conservative_weeks" not in {r.fact for r in u.facts}
    assert read("about 8", "64493", pending=["pt_weeks"])["pt_weeks"] == 8
    assert read("14 total", "64493", pending=["pt_weeks"])["pt_weeks"] == 14


def test_another_course_adds_to_the_first_and_answers_nothing_else() -> None:
    """Found in a fresh chat (session 3): with the PT questions pending, 'she had PT 12
    weeks in 2025 and another 8 weeks this fall' stored PT as 12 weeks and the 8 weeks
    as supervised exercise."""
    u = _reading("she had PT 12 weeks in 2025 and another 8 weeks this fall; none helped",
                 "64493", pending=["pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"])
    got = {r.fact: r.value for r in u.facts}
    assert "pt_exercise_weeks" not in got
    assert got.get("pt_weeks") in (None, "20 weeks")
    assert "pt_weeks" not in read("PT 6 wks and another 2 months", "64493")


def test_no_significant_medical_history_is_a_healthy_patient_not_a_missing_record() -> None:
    """Found in a fresh referral letter (session 3): 'no significant medical history
    apart from mild asthma' read as 'history not on file', a denial under 62311."""
    assert "hp_history_documented" not in read(
        "Ms. Patel herself has no significant medical history apart from mild asthma.", "62311")
    assert read("Medical history not on file", "62311")["hp_history_documented"] is False


def test_a_cue_in_a_plan_does_not_make_a_treatment_failed() -> None:
    """Found in a fresh chat (session 3): "we'd like to try an ESI before surgery consult.
    plan: PT if ESI fails" read conservative treatment as failed ('fails' is the plan's)."""
    assert "failed_conservative" not in read(
        "we'd like to try an ESI before surgery consult. plan: PT if ESI fails", "62311")


def test_a_white_count_repeated_today_is_not_a_pain_score() -> None:
    """Found in a fresh 71250 note (session 3): 'WBC 13.2 last week, repeat today 9.8'
    read a pain score of 9.8 ('today' named the pain)."""
    assert "pain_nrs" not in read("WBC 13.2 last week, repeat today 9.8", "64493")
    assert read("Pain was 8/10 at intake, now 5/10", "64493")["pain_nrs"] == 5


def test_a_fresh_terse_ur_note_reads_its_breakdown_and_comorbidity_list() -> None:
    """A fresh terse UR note (session 3) asked for the three PT parts given in weeks in
    parentheses, and for comorbidities it listed as well controlled or absent."""
    facts = read("PT: 12 wk (ther ex 6, manual/modalities 3, educ 3) - 2 courses, both "
                 "failed.", "64493")
    assert (facts["pt_exercise_weeks"], facts["pt_manual_weeks"],
            facts["pt_education_weeks"]) == (6, 3, 3)
    facts = read("Hx: HTN (well controlled), no DM, no CAD, no COPD, no CKD, no liver dz, "
                 "no bleeding d/o.", "64493")
    assert not facts["severe_comorbidities"] and "severe_comorbidities" in facts
    assert read("uncontrolled DM, well-controlled HTN", "64493")["severe_comorbidities"] == \
        frozenset({"diabetes"})


def test_each_drug_followed_by_its_own_failed_is_a_failed_course() -> None:
    """A fresh terse UR note (session 3) asked how many medication courses failed after
    'Meds: meloxicam 15 x 8 wk, failed; cyclobenzaprine x 4 wk, failed.'"""
    assert read("Meds: meloxicam 15 x 8 wk, failed; cyclobenzaprine x 4 wk, failed.",
                "64493")["medication_courses_failed"] == 2
    assert read("meloxicam x 8 wk - failed", "64493")["medication_courses_failed"] == 1


@pytest.mark.parametrize(("text", "fact"), [
    ("No x-rays since 2023.", "xray_date"),
    ("No nerve blocks in the past 3 months.", "nerve_block_date")])
def test_none_since_or_within_a_window_is_not_never(text: str, fact: str) -> None:
    """Fresh negation battery (session 3): 'No x-rays since 2023' stored X-rays as never
    done (there were some in 2023); 'no nerve blocks in the past 3 months' likewise."""
    assert fact not in read(text, "64493")
    assert read("Never had a nerve block.", "64493")["nerve_block_date"] == "never"


def test_gait_named_without_a_finding_is_not_impaired() -> None:
    """Fresh negation battery (session 3): 'No significant change in gait' read as an
    impaired gait ('gait' alone was a phrase that affirmed it)."""
    assert "impaired_balance_gait" not in read("No significant change in gait.", "64493")
    assert read("Gait: antalgic", "64493")["impaired_balance_gait"] is True
    assert read("gait nml, no balance deficits", "64493")["impaired_balance_gait"] is False


def test_a_fresh_portal_form_reads_its_scale_label_grade_and_icd_code_right() -> None:
    """A fresh 97110 portal form (session 3): 'Pain (0-10): 5' was 'several values';
    'FABQ-PA 18 (moderate)' was not read; the ICD-10 code 'M54.50' read as a male
    patient aged 54 (pregnancy not applicable)."""
    facts = read("Patient age: 52        Sex: F\nPrimary diagnosis: Lumbar strain (M54.50)\n"
                 "Pain (0-10): 5\nFunctional assessment: FABQ-PA 18 (moderate)", "97110")
    assert facts["pain_nrs"] == 5
    assert facts["functional_impairment"] == "moderate"
    assert "pregnancy" not in facts
    assert read("M, 54", "97110")["pregnancy"] == "not_applicable"


def test_one_dated_course_of_several_on_a_line_is_not_the_whole() -> None:
    """Two dated PT courses on one line: the first course's weeks alone would be a false
    (short) total; how long in all is asked."""
    assert "pt_weeks" not in read("PT 6/1/26 - 7/15/26 and 8/1/26 - 9/30/26", "64493")
    assert "conservative_weeks" not in read(
        "Conservative treatment (list, dates): NSAIDs 6/15/26-8/15/26; chiropractic "
        "8/20/26-10/30/26", "97110")


def test_a_bare_pair_of_pain_scores_answers_a_pending_pain_question() -> None:
    """Found in a fresh chat (session 3): asked for the change in pain, '4 then, 7 now'
    was refused."""
    facts = read("4 then, 7 now", "62311", pending=["pain_nrs_increase", "conservative_weeks"])
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == (4, 3)
    assert "pain_nrs_baseline" not in read("4 then, 7 now", "62311",
                                           pending=["conservative_weeks"])


def test_a_figure_first_breakdown_gives_each_part_its_own_figure() -> None:
    """Found in a fresh chat (session 3): in 'PT 12 weeks (6 ex, 3 manual, 3 ed)' the
    manual therapy took the figure after it (education's)."""
    facts = read("PT 12 weeks (6 ex, 2 manual, 4 ed)", "64493")
    assert facts["pt_manual_weeks"] == 2


# Found by an outside tester's chats (session 3), each a false fact before the fix.

def test_no_followed_by_another_condition_answers_no_yes_no_question() -> None:
    """'no infection, not pregnant (s/p hysterectomy), no bleeding d/o, no liver dz' with
    'Is the MRI or CT clearly readable?' pending stored the MRI as not readable."""
    assert "imaging_stenosis_readable" not in read(
        "no bleeding d/o", "62311", pending=["imaging_stenosis_readable"])
    assert read("no, not readable", "62311",
                pending=["imaging_stenosis_readable"])["imaging_stenosis_readable"] is False


def test_a_dated_surgery_is_no_answer_to_the_mri_question() -> None:
    """'s/p ACL reconstruction 9/15/26, ...' with the MRI date pending stored an MRI on
    9/15/26."""
    assert "mri_date" not in read("s/p ACL reconstruction 9/15/26, knee pain and swelling "
                                  "since. pain 5/10", "97110", pending=["mri_date"])
    assert read("on 8/1/26", "97110", pending=["mri_date"])["mri_date"] == date(2026, 8, 1)


def test_pneumonia_last_year_is_not_a_current_pneumonia() -> None:
    """'Pneumonia last yr req hospitalization' read a current acute bacterial pneumonia
    (an exclusion)."""
    assert "bacterial_pneumonia" not in read("Pneumonia last yr req hospitalization", "71250")


def test_gait_ok_is_not_an_impaired_gait() -> None:
    """'decreased ROM yes, gait ok' read an impaired gait ('decreased' was a cue)."""
    facts = read("decreased ROM yes, gait ok", "64493")
    assert facts["decreased_rom"] is True and facts.get("impaired_balance_gait") is not True


def test_each_six_plus_weeks_is_a_length_not_a_count_of_courses() -> None:
    """'2 courses each 6+ wks failed' read 6 failed courses."""
    got = read("conservative tx: PT, meds, lifestyle. 14 weeks total, 2 courses each 6+ wks "
               "failed", "62311")
    assert got.get("conservative_courses_failed") in (None, 2)


def test_now_up_from_then_gives_the_change_not_the_score() -> None:
    """'NRS 8/10 up from 6/10 before PT' stored a change of 8 points."""
    facts = read("NRS 8/10 up from 6/10 before PT", "62311")
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == (6, 2)


def test_one_course_length_times_courses_is_not_one_course() -> None:
    """'PT 6 wks x 2 courses' read 6 weeks of PT (a denial)."""
    assert read("PT 6 wks x 2 courses", "64493").get("pt_weeks") in (None, 12)


# False facts of the session-2 held-out set, studied after it moved into the corpus.

def test_unicode_boxes_are_boxes() -> None:
    assert read("☐ Cosmetic", "64493").get("cosmetic_purpose") is not True
    assert read("☑ Specialist consult on file", "64493")["specialist_consult_documented"] is True


def test_records_none_submitted_are_not_on_file() -> None:
    assert read("Tx logs: none submitted.", "97110")["treatment_logs_documented"] is False


def test_not_failed_any_pt_denies_the_failure_not_the_pt() -> None:
    facts = read("PT helped; he has not failed any PT course.", "64493")
    assert "pt_weeks" not in facts and "pt_exercise_weeks" not in facts


def test_a_pregnancy_the_patients_sex_rules_out_is_asked() -> None:
    """'58M ... pregnant' (a male patient and a pregnant wife in another clause) read
    the patient as pregnant: the named value beat the inference from his sex."""
    # (session 24: the "she" after "wife -" is now the wife's, so only his sex is left:
    # not applicable, never pregnant)
    u = _reading("58M, LBP. Contact: wife - she is 20 wks pregnant", "64493")
    assert {r.fact: str(r.value) for r in u.facts}.get("pregnancy") in (None, "not_applicable")
    assert read("58 yo M. His wife is 20 wks pregnant", "64493")["pregnancy"] == \
        "not_applicable"
    assert read("61 yo F. She is pregnant.", "64493")["pregnancy"] == "pregnant"


def test_a_total_at_the_end_of_the_sentence_beats_the_first_course() -> None:
    """Held-out set, studied (session 3): 'Conservative tx: 6 wks NSAIDs, then 4 wks home
    exercise, then 5 wks activity modification - 15 wks total.' read 6 weeks (a denial)."""
    assert read("Conservative tx: 6 wks NSAIDs, then 4 wks home exercise, then 5 wks "
                "activity modification - 15 wks total.", "97110")["conservative_weeks"] == 15
    assert read("PT 8 wks and conservative care 12 wks total", "64493")["pt_weeks"] == 8


def test_a_choice_is_corrected_with_not_and_the_correction_is_not_reported_unread() -> None:
    """An outside tester's chats (session 3): 'sorry, I meant low back, not neck' left
    the pain region as neck and answered 'Could not read "sorry"'; 'sorry, I meant 10
    weeks' corrected the fact but also said it could not read 'I meant 10 weeks'."""
    u = _reading("sorry, I meant low back, not neck", "64493", pending=["pt_weeks"],
                 known={"pain_region": "neck"})
    assert [(r.fact, r.value) for r in u.facts] == [("pain_region", "low_back")]
    assert not u.unread
    u = _reading("sorry, I meant 10 weeks", "64493", pending=["pt_weeks", "symptom_weeks"],
                 known={"symptom_weeks": "8 weeks"})
    assert [(r.fact, r.value) for r in u.facts] == [("symptom_weeks", "10 weeks")]
    assert not u.unread


def test_stable_said_of_a_disease_is_not_a_stable_patient() -> None:
    """Held-out set, studied (session 3): 'CKD 3a, stable' read the patient as clinically
    stable (and 'unstable angina' would have read an unstable patient)."""
    assert "clinically_unstable" not in read("Comorbidities: severe ischemic cardiomyopathy "
                                             "(EF 20%); CKD 3a, stable.", "71250")
    assert "clinically_unstable" not in read("History of unstable angina in 2019.", "71250")
    assert read("Patient is clinically stable.", "71250")["clinically_unstable"] is False


def test_a_padded_table_row_reads_as_a_field() -> None:
    """Held-out set, studied (session 3): '| Cosmetic indication          | no      |'
    read the request as cosmetic (the cell's padding hid the answer)."""
    assert read("| Cosmetic indication          | no                   |",
                "64493")["cosmetic_purpose"] is False
    assert read("| Pregnancy              | N/A (male)            |",
                "64493")["pregnancy"] == "not_applicable"


def test_how_long_a_treatment_helped_is_not_how_long_the_symptoms_lasted() -> None:
    """A fresh 97110 note checked at the end of session 3: 'steroid injection 10/15/26 -
    symptoms returned after 3 wks' read 3 weeks of symptoms (a denial; they began in
    August)."""
    facts = read("Thumb spica splint + naproxen 6 wks, steroid injection 10/15/26 - symptoms "
                 "returned after 3 wks.", "97110")
    assert "symptom_weeks" not in facts
    assert read("No improvement after 12 weeks of PT", "64493")["pt_weeks"] == 12


def test_what_the_policy_requires_is_not_what_the_patient_had() -> None:
    """fresh2, studied (session 4): 'I know the policy wants 12 weeks of conservative
    treatment first' read 12 weeks of conservative care for a patient who had 6 (a
    denial turned into an approval)."""
    assert "conservative_weeks" not in read(
        "I know the policy wants 12 weeks of conservative treatment first, so this may "
        "not fly yet.", "97110")
    assert "pt_weeks" not in read("Payer requires at least 6 weeks of PT before the "
                                  "block.", "64493")
    assert "conservative_weeks" not in read("The criteria require 6 weeks of conservative "
                                            "care.", "62311")
    assert read("Conservative care so far is 6 weeks.", "97110")["conservative_weeks"] == 6


def test_an_infected_bursa_is_not_the_condition_therapy_is_for() -> None:
    """Corpus (session 4): 'septic olecranon bursitis, sent to the ED for IV antibiotics'
    read a musculoskeletal condition for therapy."""
    facts = read("Aspirate grew S. aureus: septic olecranon bursitis. Sent to ED today "
                 "for IV antibiotics.", "97110")
    assert "musculoskeletal_condition" not in facts
    assert facts["infection_requires_immediate_care"] is True
    assert "musculoskeletal_condition" not in read("Infected knee joint, on IV vancomycin.",
                                                   "97110")
    assert read("Olecranon bursitis, aseptic, 3 months.", "97110")[
        "musculoskeletal_condition"] is True


def test_the_latest_of_several_failed_treatments_in_a_table_counts() -> None:
    """fresh2, studied (session 4): a table of treatments with stop dates and outcomes
    read the naproxen stop date (07/15) as the last failure; the cortisone injection of
    08/22 ('Cortisone inj', abbreviated) failed later."""
    facts = read("Treatment\tStart\tStop\tOutcome\nNaproxen\t05/01/26\t07/15/26\tno relief\n"
                 "Cortisone inj R shoulder\t08/22/26\t-\tfailed, pain back in 2 wks\n",
                 "97110")
    assert facts.get("last_failed_conservative_date") in (None, date(2026, 8, 22))
    assert read("Steroid inj 9/3/26 - no relief.", "97110")[
        "last_failed_conservative_date"] == date(2026, 9, 3)


@pytest.mark.parametrize("text", [
    "Active infection: n/a", "Active infection: n/a\nPregnant: n/a",  # the corpus form
    "Infection - N/A", "Signs of infection: not applicable.", "infection n/a, afebrile"])
def test_an_infection_field_answered_n_a_is_asked_not_read_as_none(text: str) -> None:
    """f2-64493-portal-see-attached-and-na: 'Active infection: n/a' read as no active
    infection (an exclusion cleared on a non-answer), and 'Active infection - n/a' as an
    active infection. A form's 'n/a' on a finding says nothing either way."""
    assert "active_infection" not in read(text, "64493")
    assert read("Active infection: none", "64493")["active_infection"] is False


@pytest.mark.parametrize("text", [
    "Sex: F\nAge: 47\nPregnancy status: n/a",  # the corpus form
    "Pt is a 39 y/o woman. Pregnancy: N/A", "| Pregnancy | N/A |", "pregnancy n/a, NKDA"])
def test_pregnancy_answered_n_a_for_a_woman_or_nobody_named_is_asked(text: str) -> None:
    """f2-64493-portal-female-pregnancy-na-controlled-dm: 'Pregnancy status: n/a' for a
    47-year-old woman read as not applicable; 'n/a' may mean the question was skipped.
    Only a man, an age or 'N/A (male)' says it cannot apply."""
    assert "pregnancy" not in read(text, "64493")
    assert read("66 yo M. Pregnancy N/A. Not cosmetic.", "64493")["pregnancy"] == "not_applicable"
    assert read("Pregnancy | N/A (male)", "64493")["pregnancy"] == "not_applicable"


def test_a_partial_document_is_asked_about() -> None:
    """fresh2, studied (session 4): 'Tx logs  partial (wks 1-3 only)' read the treatment
    logs as documented; a partial or incomplete record is asked about. A partial-thickness
    tear or partial relief is a finding or an outcome, not a record's status."""
    assert "treatment_logs_documented" not in read("Tx logs\tpartial (wks 1-3 only)",
                                                   "97110")
    assert "treatment_logs_documented" not in read("Therapy log incomplete - missing "
                                                   "October.", "62311")
    assert read("MRI L shoulder 9/25/26: partial-thickness supraspinatus tear.", "97110")[
        "mri_date"] == date(2026, 9, 25)
    assert read("Treatment logs attached.", "97110")["treatment_logs_documented"] is True


@pytest.mark.parametrize("text", [
    "NOT attached: PCP consult report (none in our chart)",  # the corpus fax cover
    "Still missing: primary care consultation note", "[ ] PCP consult report"])
def test_a_pcp_consult_report_is_not_a_specialist_consult(text: str) -> None:
    """64493-fax-cover-attached-and-not-attached: 'PCP consult report' was read as the
    specialist's 'consult report' too, so a missing PCP report said the specialist
    consult was missing (and a ticked pain management consult below it was lost)."""
    assert "specialist_consult_documented" not in read(text, "64493")
    facts = read("[ ] PCP consult report\n[x] Pain mgmt consult", "64493")
    assert facts["specialist_consult_documented"] is True
    assert facts["pcp_consult_documented"] is False


@pytest.mark.parametrize("text", [
    "• 1 course PT (8 wks) - no improvement\n• NSAIDs x 4 wks - mild relief",  # corpus
    "Physical therapy did nothing; naproxen gave mild relief."])
def test_a_treatment_that_gave_mild_relief_is_still_a_treatment_received(text: str) -> None:
    """62311-bulleted-summary-one-failed-course: 'NSAIDs - mild relief' was taken as a
    denied member (the 'mild' that makes a comorbidity not severe), so PT alone was read
    as the whole list of treatments received. PT and medication, with lifestyle
    changes unmentioned, is a partial list: asked."""
    assert "conservative_treatments" not in read(text, "62311")
    facts = read("HTN (well controlled), ESRD on dialysis", "62311")
    assert facts["severe_comorbidities"] == expect("severe_comorbidities", ["esrd"])


def test_a_span_in_two_units_is_read_whole() -> None:
    """fresh2, studied (session 4): 'knee pain ... for 1 year 2 months' read 1 year (the
    months dropped: an understated duration)."""
    assert read("Symptoms: L knee pain and stiffness for 1 year 2 months",
                "97110")["symptom_weeks"] == _norm("symptom_weeks", "14 months")
    assert read("Conservative care 3 months and 2 weeks, failed.", "97110")[
        "conservative_weeks"] == _norm("conservative_weeks", "15 weeks")
    # Two spans side by side in shorthand stay two facts.
    facts = read("LBP x 6 mo 8 wks PT", "64493")
    assert facts.get("symptom_weeks") in (None, _norm("symptom_weeks", "6 months"))


def test_the_sex_or_age_on_a_header_line_settles_pregnancy() -> None:
    """fresh2, studied (session 4): a fax header 'BELL, ROGER  DOB 07/22/1957 (M)' and a
    form's 'Age: 68' left pregnancy asked of a man and of a woman of 68. A woman's
    header, or an age under 60, still leaves it asked; '(M)' elsewhere is nothing."""
    assert read("RE: PT request for BELL, ROGER  DOB 07/22/1957 (M)", "97110")[
        "pregnancy"] == "not_applicable"
    assert read("Member: Jo Ames   Age: 68", "64493")["pregnancy"] == "not_applicable"
    assert "pregnancy" not in read("Jane Roe (F), DOB 03/02/1990", "97110")
    assert "pregnancy" not in read("Member: Jo Ames   Age: 38", "64493")
    assert "pregnancy" not in read("Pain (M) 6/10", "64493")


def test_a_symptom_named_beside_pain_dates_it() -> None:
    """fresh2, studied (session 4): 'knee pain and swelling for 1 year' left the
    symptoms' duration asked. A score beside a named pain stays the pain score."""
    assert read("Knee pain and swelling for 1 year.", "97110")[
        "symptom_weeks"] == _norm("symptom_weeks", "1 year")
    assert read("Knee pain 7/10.", "97110")["pain_nrs"] == 7


def test_a_no_then_a_dash_answers_the_question_and_does_not_deny_what_follows() -> None:
    """fresh2 (studied, session 4): 'not unstable, no -- stable outpatient' read the
    patient as clinically unstable (the answer's "no" denied "stable outpatient")."""
    pending = ["clinically_unstable"]
    assert read("not unstable, no -- stable outpatient, the doc just wants it done before "
                "her surgery consult", "71250", pending)["clinically_unstable"] is False
    assert read("No, stable outpatient.", "71250", pending)["clinically_unstable"] is False
    assert read("No - hemodynamically stable, here for an outpatient scan", "71250",
                pending)["clinically_unstable"] is False
    # A denial after a dash still denies what it touches.
    assert read("Ortho consult requested -- no specialist note yet",
                "97110")["specialist_consult_documented"] is False


def test_a_value_corrected_in_the_same_message_is_the_corrected_one() -> None:
    """fresh2 (studied, session 4): '88% on RA -- sorry, I meant 91% at rest' kept the
    88 % saturation the user took back."""
    pending = ["spo2_room_air"]
    assert read("88% on RA -- sorry, I meant 91% at rest, the 88 was when she walked",
                "71250", pending)["spo2_room_air"] == 91
    assert read("SpO2 89% RA, sorry, I meant 93%", "71250", pending)["spo2_room_air"] == 93
    assert read("Sats 89% on room air. Sorry, 93%.", "71250").get("spo2_room_air") != 89
    # A correction in another unit is about something else: both stand.
    facts = read("PT 6 weeks, sorry, 3 sessions a week", "71250")
    assert facts["pt_weeks"] == expect("pt_weeks", "6 weeks") and facts["pt_sessions_per_week"] == 3


def test_an_illness_said_afterwards_to_be_a_relatives_is_not_the_patients() -> None:
    """fresh2 (studied, session 4): 'Pneumonia w/ 6-day admission -- that was her
    husband' read a past pneumonia admission and a current pneumonia for the patient."""
    for text in ("Pneumonia w/ 6-day admission -- that was her husband, March 2026.",
                 "Admitted for pneumonia in May -- that was his wife, not him."):
        facts = read(text, "71250")
        assert "pneumonia_hospitalization" not in facts and "bacterial_pneumonia" not in facts


def test_todays_normal_temperature_beside_a_higher_earlier_one_is_asked() -> None:
    """fresh2 (studied, session 4): 'Afebrile at 98.2 F today; was 100.9 F on 11/20,
    resolved since' read 98.2 F as the highest recent temperature."""
    for text in ("Afebrile at 98.2 F today; was 100.9 F on 11/20, resolved since.",
                 "Temp 37.1 C this morning; 38.9 C two days ago, resolved."):
        u = _reading(text, "71250")
        assert "body_temperature" not in {r.fact for r in u.facts} and u.unread
    assert read("T 38.9 C today; 37.4 C yesterday", "71250")["body_temperature"] == \
        expect("body_temperature", "38.9 C")


def test_a_document_about_failed_care_that_was_not_received_is_not_on_file() -> None:
    """fresh2 (studied, session 4): 'Imaging provider note re: failed conservative mgmt:
    requested from Dr. Shah, not received' read failed conservative care, documented."""
    facts = read("Imaging provider note re: failed conservative mgmt: requested from Dr. Shah, "
                 "not received", "71250")
    assert facts.get("failed_conservative_documented") is False
    assert "failed_conservative" not in facts
    facts = read("Radiology note regarding failed conservative treatment: requested 11/2, "
                 "not received", "71250")
    assert facts.get("failed_conservative_documented") is not True
    assert "failed_conservative" not in facts


def test_a_duration_ending_the_last_statement_is_not_the_next_ones() -> None:
    """71250 hospitalist note: 'postmenopausal x 8 yrs. productive cough + SOB x 7 wks'
    read 8 years of symptoms."""
    assert read("58 yo woman, postmenopausal x 8 yrs. productive cough + SOB x 7 wks",
                "71250")["symptom_weeks"] == expect("symptom_weeks", "7 weeks")
    assert read("Ex-smoker, quit x 10 yrs. dry cough x 9 wks",
                "71250")["symptom_weeks"] == expect("symptom_weeks", "9 weeks")


def test_not_knowing_is_about_what_it_is_said_of() -> None:
    """fresh2 (studied, session 4): 'PCP referral -- don't know, will check' read the
    referral as on file; 'don't know' before the MRI date must not doubt the H&P's."""
    facts = read("pulm note is in the chart; PCP referral -- don't know, will check", "71250",
                 ["specialist_consult_documented", "pcp_referral_documented"])
    assert facts.get("pcp_referral_documented") is not True
    facts = read("H&P was 10/3/26, don't know the MRI date", "62311", ["hp_date", "ct_mri_date"])
    assert facts["hp_date"] == date(2026, 10, 3) and facts["ct_mri_date"] is None


def test_a_therapy_referral_placed_today_is_not_therapy_done() -> None:
    """fresh2 (studied, session 4): 'PT referral placed today for a 12-wk program' read
    12 weeks of PT done."""
    assert "pt_weeks" not in read("1. Lumbar spondylosis w/o myelopathy -- PT referral placed "
                                  "today for a 12-wk program", "64493")
    assert "pt_weeks" not in read("Chest PT referral placed today, 3x/wk for 8 wks.", "71250")


def test_a_form_label_gives_its_figure_a_unit() -> None:
    """fresh2, studied (session 4): 'Conservative treatment tried (weeks): 16' and
    'PT weeks: 12' left the weeks asked: the unit is in the label."""
    assert read("Conservative treatment tried (weeks): 16 (ibuprofen, activity "
                "modification)", "97110")["conservative_weeks"] == 16
    assert read("PT (# weeks): 8", "64493")["pt_weeks"] == 8
    assert read("PT weeks: 12", "64493")["pt_weeks"] == 12


def test_a_question_label_with_its_answer_is_a_field() -> None:
    """fresh2, studied (session 4): 'Favorable response to PT expected?: Yes (per
    ortho)' was taken for a question (nothing read); its blank twin must stay asked."""
    assert read("Favorable response to PT expected?: Yes (per ortho)", "97110")[
        "pt_expected_benefit"] is True
    assert read("Active infection?: No", "64493")["active_infection"] is False
    assert "pt_expected_benefit" not in read("Favorable response to PT expected?:", "97110")
    assert "active_infection" not in read("Active infection?:", "64493")
    assert "pregnancy" not in read("Is she pregnant?", "64493")


@pytest.mark.parametrize("text", [
    "pregnancy test done today", "She had a pregnancy test in the ED",
    "Pregnancy test result not back", "pregnancy test not positive"])
def test_a_pregnancy_test_without_its_result_is_not_a_pregnancy(text: str) -> None:
    """f2-62311-chat-no-infection-hcg-unknown: 'pregnancy test -- I don't know, I'll ask'
    read the patient as pregnant (the word 'pregnancy' in the test's name). The test
    names no value; its result does."""
    assert read(text, "62311").get("pregnancy") is None
    assert read("pregnancy test positive", "62311")["pregnancy"] == "pregnant"
    assert read("Urine pregnancy test negative", "62311")["pregnancy"] == "not_pregnant"
    reply = _reading("no infection. pregnancy test -- I don't know, I'll ask", "62311",
                     pending=["active_infection", "pregnancy"])
    assert [(r.fact, r.value) for r in reply.facts if r.fact == "pregnancy"] == \
        [("pregnancy", None)]  # the user does not know: not a pregnancy


def test_a_blood_count_electrolytes_and_creatinine_with_figures_are_labs_on_file() -> None:
    """71250 fax packet note: 'Labs 11/01: WBC 9,200/uL, Na 137, K 4.3, creatinine 1.0'
    (wrapped over two lines) and pasted lab tables left the labs asked."""
    assert read("Vitals 11/01: T 37.6 C, HR 104. Labs 11/01: WBC 9,200/uL,\n    Na 137, K 4.3, "
                "creatinine 1.0.", "71250")["labs_documented"] is True
    assert read("Test\tResult\tUnits\nHb\t12.1\tg/dL\nK\t4.4\tmmol/L\nCr\t0.8\tmg/dL",
                "71250")["labs_documented"] is True
    # A panel missing its creatinine, or a relative's, says nothing.
    assert "labs_documented" not in read("WBC 9.2, Na 137, K 4.3", "71250")
    assert "labs_documented" not in read("Her husband's labs: WBC 9, Na 140, Cr 1.1", "71250")


def test_the_writer_documenting_failed_care_in_their_own_note_is_the_ordering_providers() -> None:
    """71250 notes: 'Conservative management has failed ... - documented in my note' and
    'cons mgmt failed (PT, inhalers), documented by me' left the imaging provider's
    documentation asked."""
    assert read("Conservative management has failed (PT, inhalers) - documented in my note.",
                "71250")["failed_conservative_documented"] is True
    assert read("cons mgmt failed (PT, inhalers), documented by me.",
                "71250")["failed_conservative_documented"] is True
    assert "failed_conservative_documented" not in read(
        "Her PCP documented that conservative care failed.", "71250")


def test_a_form_answered_n_is_a_no() -> None:
    """Outside tester (session 4): 'Active infection: N', 'Cosmetic: N', '| Active
    infection | N |' read YES (an exclusion: a denial), and 'Treatment logs on file: N'
    read the logs as on file."""
    assert read("Active infection: N", "64493")["active_infection"] is False
    assert read("Cosmetic (Y/N): N", "64493")["cosmetic_purpose"] is False
    assert read("| Active infection | N |", "62311")["active_infection"] is False
    assert read("Treatment logs on file: N", "97110")["treatment_logs_documented"] is False
    assert read("Active infection: Y", "64493")["active_infection"] is True


def test_a_relatives_disease_said_with_in_is_the_relatives() -> None:
    """Outside tester (session 4): 'History of ESRD in her brother.' read the patient's
    severe comorbidity (a denial)."""
    assert "severe_comorbidities" not in read("History of ESRD in her brother.", "64493")
    assert read("Diabetes in her mother; pt has ESRD on dialysis.", "64493")[
        "severe_comorbidities"] == {"esrd"}


def test_he_after_another_man_says_nothing_of_the_patient() -> None:
    """Outside tester (session 4): 'referred by Dr. Smith; his office faxed the MRI' and
    "Pt's husband drove; he says ..." read the patient as a man (pregnancy not
    applicable: an exclusion skipped without asking)."""
    assert "pregnancy" not in read("38 y/o patient referred by Dr. Smith; his office "
                                   "faxed the MRI.", "64493")
    assert "pregnancy" not in read("Pt's husband drove; he says the pain is constant.",
                                   "64493")
    assert read("History of ESRD in his father.", "64493")["pregnancy"] == "not_applicable"
    assert read("45 yo with LBP x 6 months. He has done PT.", "64493")[
        "pregnancy"] == "not_applicable"


def test_a_figure_first_breakdown_keeps_each_figure_with_its_part() -> None:
    """Outside tester (session 4): 'PT: 12 wks total (6 wk ther ex, 3 wk
    manual/modalities, 3 wk education)' read exercise 3 and manual 6 (a denial)."""
    facts = read("PT: 12 wks total (6 wk ther ex, 3 wk manual/modalities, 3 wk education).",
                 "64493")
    assert (facts["pt_exercise_weeks"], facts["pt_manual_weeks"],
            facts["pt_education_weeks"]) == (6, 3, 3)
    facts = read("PT (exercise 6 wks, manual 3 wks, education 3 wks)", "64493")
    assert (facts["pt_exercise_weeks"], facts["pt_manual_weeks"]) == (6, 3)


def test_a_count_or_a_unitless_figure_is_no_duration_answer() -> None:
    """Outside tester (session 4): 'yes x2' answering 'How long has the patient had these
    symptoms?' read 2 weeks of symptoms (a denial). A figure to a question that names its
    unit ('How many weeks of physical therapy ...?') is still an answer."""
    pending = ["symptom_weeks", "hp_date", "xray_date"]
    assert "symptom_weeks" not in read("yes x2", "64493", pending)
    assert "symptom_weeks" not in read("2", "64493", pending)
    assert read("6 months", "64493", pending)["symptom_weeks"] == _norm("symptom_weeks",
                                                                       "6 months")
    assert read("12", "64493", ["pt_weeks"])["pt_weeks"] == 12


@pytest.mark.parametrize("text", [
    "• Meds and allergies listed; past surgical history not recorded",  # the corpus
    "H&P: meds and allergies reviewed. Allergies fine. PSH not documented."])
def test_a_history_missing_its_surgeries_is_not_a_history_on_file(text: str) -> None:
    """62311-bulleted-summary-documentation-gaps: 'Meds and allergies listed; past
    surgical history not recorded' read the medical history as on file. The policy asks
    for medications, allergies and past surgeries together."""
    assert read(text, "62311")["hp_history_documented"] is False
    assert read("PMH, meds and allergies documented", "62311")["hp_history_documented"] is True


@pytest.mark.parametrize("text", [
    "Neuro: ?diminished L ankle jerk, strength 5/5 throughout, SLR neg. "
    "Pain eval deferred to pain clinic visit next wk.",  # the corpus
    "Reflexes 2+ and symmetric. No pain evaluation documented."])
def test_a_neuro_exam_without_its_pain_evaluation_is_not_the_exam_on_file(text: str) -> None:
    """f2-62311-ur-neuro-done-pain-eval-deferred: an SLR read the exam with neurological
    assessment and pain evaluation as on file while the pain evaluation was deferred."""
    assert read(text, "62311")["hp_exam_neuro_pain_documented"] is False
    facts = read("Neuro exam and pain evaluation documented", "62311")
    assert facts["hp_exam_neuro_pain_documented"] is True


def test_a_past_year_or_a_year_ago_is_history_but_since_is_ongoing() -> None:
    """Outside tester (session 4): 'Not pregnant; delivered a baby 14 months ago, not
    postpartum now' read postpartum (a review item), and 'Pneumonia in 2024.' read a
    current bacterial pneumonia (the full stop hid the year). 'LBP since spring 2025' is
    still back pain now."""
    assert "postpartum" not in read("Not pregnant. Delivered a baby 14 months ago.", "97110")
    assert read("Not pregnant; delivered a baby 14 months ago, not postpartum now.",
                "97110")["postpartum"] is False
    assert read("Delivered a baby 3 months ago.", "97110")["postpartum"] is True
    assert "bacterial_pneumonia" not in read("Pneumonia in 2024.", "71250")
    assert read("Pt: 44 y/o F, chronic LBP since spring 2025.", "64493")[
        "pain_region"] == "low_back"


def test_upper_or_mid_back_pain_is_not_low_back_pain() -> None:
    """Outside tester (session 4): 'Upper back pain between shoulder blades' and 'Mid back
    pain' read low back pain (the region criterion met for thoracic pain)."""
    assert read("Upper back pain between shoulder blades x 6 months.", "64493")[
        "pain_region"] == "other"
    assert read("Mid back pain x 6 months.", "64493")["pain_region"] == "other"
    assert read("Low back pain x 6 months.", "64493")["pain_region"] == "low_back"


def test_none_to_several_questions_is_asked_which() -> None:
    """Outside tester (session 4): a bare 'none' to 'functional assessment? / failed
    courses? / treatment logs on file?' was pinned on the logs (not on file: a denial)."""
    pending = ["functional_assessment_6_weeks", "conservative_courses_failed",
               "treatment_logs_documented"]
    # Since session 5 (C1) a bare answer goes to the first question it fits, as an
    # inference to confirm; never as a stated fact.
    assert all(r.origin == "inferred" for r in _reading("none", "62311", pending).facts)
    assert read("none", "62311", ["treatment_logs_documented"]) == {
        "treatment_logs_documented": False}


def test_a_correction_of_a_value_never_given_is_asked() -> None:
    """Outside tester (session 4): 'no, 6 not 8' when no answer was 8 changed the pain
    score 7 → 6. A bare '12 not 14' corrects the fact that was 14 weeks."""
    known = {"pain_nrs": 7, "pt_weeks": 14}
    assert read("no, 6 not 8", "64493", ["symptom_weeks"], known) == {}
    assert read("12 not 14", "64493", [], known) == {"pt_weeks": 12}
    assert read("6 not 7", "64493", [], known) == {"pain_nrs": 6}


def test_a_vitals_line_with_a_time_or_both_scales_still_gives_its_temperature() -> None:
    """71250 items: 'Vitals (10/31/26 0915): T 37.2 C | HR 96 ...' asked which temperature
    (the time 0915 counted as one), and 'Temp: 100.4 °F (38.0 °C)' counted two."""
    assert read("Vitals (10/31/26 0915): T 37.2 C | HR 96 | BP 128/76 | RR 20",
                "71250")["body_temperature"] == expect("body_temperature", "37.2 C")
    assert read("Vitals 1440: Temp 98.9 F, HR 80", "71250")["body_temperature"] == \
        expect("body_temperature", "98.9 F")
    assert read("Temp: 100.4 °F (38.0 °C), oral", "71250")["body_temperature"] == \
        expect("body_temperature", "38.0 C")
    # Two readings neither of which is named the highest or now are still asked.
    assert "body_temperature" not in read("T 38.6 on 10/20, 37.8 on 10/25, 37.0 today", "71250")


def test_a_temperature_named_the_maximum_is_the_highest_recent_one() -> None:
    """71250 items: 'Tmax 101.2F overnight, now 99.1F after APAP' and 'Temp max overnight
    1O1.3 F' (a scanned fax, letter O for zero) left the temperature asked."""
    assert read("Tmax 101.2F overnight, now 99.1F after APAP.",
                "71250")["body_temperature"] == expect("body_temperature", "101.2 F")
    assert read("Peak temp 38.9 C at 0200; 37.5 C on recheck.",
                "71250")["body_temperature"] == expect("body_temperature", "38.9 C")
    facts = read("Temp max overnight 1O1.3 F, this am 99.0 F. WBC 13,4OO.", "71250")
    assert facts["body_temperature"] == expect("body_temperature", "101.3 F")
    assert facts["wbc_count"] == 13400
    # A maximum lower than today's reading is not the highest: today's is.
    assert read("Tmax 38.1 yesterday, 39.0 today", "71250")["body_temperature"] == \
        expect("body_temperature", "39.0 C")


def test_a_chest_xray_named_as_the_reason_for_the_ct_is_not_images_on_file() -> None:
    """71250 fax cover: 'Enclosed: PCP referral stating the indication for CT chest
    (persistent cough, abnormal CXR)' read the chest X-ray images as on file."""
    assert "chest_images_documented" not in read(
        "Enclosed: PCP referral stating the indication for CT chest (persistent cough, "
        "abnormal CXR); ROS + exam; vitals; CBC and CMP.", "71250")
    assert "chest_images_documented" not in read(
        "Indication for the CT: an abnormal chest x-ray at urgent care.", "71250")
    assert read("CXR 10/14/26: RUL nodule. Images attached.",
                "71250")["chest_images_documented"] is True


@pytest.mark.parametrize("text", [
    "Courses of conservative treatment (>= 6 weeks each) with no improvement: 2",  # corpus
    "Courses of conservative care that did not improve symptoms (per PT notes): 2"])
def test_a_long_form_label_keeps_its_whole_answer(text: str) -> None:
    """f2-62311-note-portal-form-meets: a long label pushed its answer past the reading
    distance, so the count of failed courses was asked on a complete form."""
    assert read(text, "62311")["conservative_courses_failed"] == 2
    assert "conservative_courses_failed" not in read(
        "Courses of conservative treatment: see notes\nPain now: 2", "62311")


def test_imaging_of_another_body_part_is_not_the_spine_imaging() -> None:
    """Outside tester (session 4): a chest X-ray, a knee X-ray and a CT of the abdomen were
    read as the spine imaging, so stale spine films passed the 12- and 6-month windows."""
    facts = read("Lumbar spine X-rays 2/1/2025 (none since). Chest X-ray 9/1/2026 for "
                 "cough. CT abdomen/pelvis 10/5/2026 for kidney stones.", "64493")
    assert facts["xray_date"] == date(2025, 2, 1)
    assert "ct_mri_date" not in facts
    assert "xray_date" not in read("X-ray of the left knee 9/9/2026.", "64493")
    assert "ct_mri_date" not in read("CT abdomen/pelvis 10/1/2026.", "62311")
    assert read("MRI L-spine 10/2/26", "62311")["ct_mri_date"] == date(2026, 10, 2)


def test_a_flare_is_not_how_long_the_symptoms_lasted() -> None:
    """Outside tester (session 4): 'Chronic LBP since 2019, flare x 2 weeks' read 2 weeks
    of symptoms, and 'Acute on chronic SOB x 3 days' 3 days (denials)."""
    assert "symptom_weeks" not in read("Chronic LBP since 2019, flare x 2 weeks.", "64493")
    assert "symptom_weeks" not in read("Acute on chronic SOB x 3 days.", "71250")
    assert read("LBP x 6 months, worse x 2 weeks", "64493")["symptom_weeks"] == _norm(
        "symptom_weeks", "6 months")


def test_a_no_in_the_sentence_that_doubts_it_is_asked() -> None:
    """Outside tester (session 4): 'r/o pneumonia vs malignancy - no pneumonia on CXR'
    read no bacterial pneumonia; the policy excludes a suspected one."""
    assert "bacterial_pneumonia" not in read(
        "r/o pneumonia vs malignancy - no pneumonia on CXR.", "71250")
    assert read("No pneumonia on CXR.", "71250")["bacterial_pneumonia"] is False


def test_an_unticked_box_with_a_limit_does_not_deny_the_record() -> None:
    """Outside tester (session 4): '[ ] H&P within 30 days - last H&P 9/15/2026' read the
    medical history as not on file (a second false reason for a denial)."""
    facts = read("[ ] H&P within 30 days - last H&P 9/15/2026, new one scheduled 11/24",
                 "62311")
    assert "hp_history_documented" not in facts
    assert facts["hp_date"] == date(2026, 9, 15)
    assert read("[ ] Treatment logs", "62311")["treatment_logs_documented"] is False


def test_a_lab_trend_reference_range_or_unit_exponent_is_not_another_result() -> None:
    """71250 items: 'WBC trend: 16.9k -> 14.1k -> 11.0k', 'WBC 9,800 cells/uL (ref
    4,500-11,000)' and 'WBC | 11.2 x10^3/uL | 4.0-10.5' asked which count is current."""
    assert read("WBC trend: 16.9k (10/18) -> 14.1k (10/24) -> 11.0k (10/30).",
                "71250")["wbc_count"] == 11000
    assert read("WBC 12.3 -> 10.1 -> 8.7", "71250")["wbc_count"] == 8700
    assert read("WBC 9,800 cells/uL (ref 4,500-11,000)", "71250")["wbc_count"] == 9800
    assert read("WBC | 11.2 x10^3/uL | 4.0-10.5", "71250")["wbc_count"] == 11200
    # A temperature trend is not the highest recent reading: asked.
    assert "body_temperature" not in read("Temp 39.1 -> 37.2 after tylenol", "71250")
    # Two counts with no order between them are still asked.
    assert "wbc_count" not in read("WBC 14.2 on 10/2, 9.1 on 10/30, 12.0 on 10/15", "71250")


def test_an_fev1_with_its_figure_is_a_pft_result_and_no_pfts_are_no_results() -> None:
    """71250 items: 'Spirometry 9/9/26: FEV1 2.1 L, FVC 3.0 L' left the PFT results asked;
    '?COPD - never had PFTs' left them asked though there were none."""
    assert read("Spirometry 9/9/26: FEV1 2.1 L, FVC 3.0 L.",
                "71250")["pft_results_documented"] is True
    assert read("?COPD - never had PFTs.", "71250")["pft_results_documented"] is False
    assert "pft_results_documented" not in read("PFTs ordered; FEV1 to follow.", "71250")


def test_room_air_said_of_the_patient_answers_the_fio2_question() -> None:
    """71250 chat replies: "she's on room air" to the FiO2 question was not read."""
    assert read("she's on room air", "71250", ["fio2_percent"])["fio2_percent"] == 21
    assert read("FiO2: n/a (room air)", "71250")["fio2_percent"] == 21


def test_plain_phrasings_an_outside_tester_wrote_are_read() -> None:
    """Outside tester (session 4), misses: each of these was asked although the words
    settle it."""
    assert read("Wants PT to tone abs before wedding; also has chronic LBP 6/10.",
                "64493")["pain_nrs"] == 6
    assert read("Pain interferes with work and sleep.", "62311")[
        "symptoms_impact_daily_life"] is True
    assert read("hemoptysis x 8 wks", "71250")["symptom_weeks"] == 8
    assert read("Ortho expects good response to PT.", "97110")["pt_expected_benefit"] is True
    assert read("FABQ 12 - mild.", "97110")["functional_impairment"] == "mild"
    # and a duration beside a named pain is still no pain score
    assert "pain_nrs" not in read("LBP x 6 months", "64493")


def test_a_consultation_note_of_the_primary_care_physician_is_on_file() -> None:
    """62311-note-pain-clinic-letter-meets: '... attached, as is the consultation note of
    his primary care physician' was not read (only 'PCP consult' and the like were), so a
    complete letter asked for the consult."""
    text = ("Treatment logs with the dates and duration of all therapy are attached, as is "
            "the consultation note of his primary care physician documenting symptoms.")
    assert read(text, "62311")["pain_or_pcp_consult_documented"] is True
    assert read("Consultation report from her primary care doctor enclosed.",
                "62311")["pain_or_pcp_consult_documented"] is True


@pytest.mark.parametrize("cpt", ["62311", "64493"])
@pytest.mark.parametrize("text", [
    "Referred by his PCP for consultation.", "Her PCP asked for a consult."])
def test_a_referral_from_the_pcp_is_not_a_consult_note_on_file(cpt: str, text: str) -> None:
    """Found while fixing the letter above: under 64493 'Referred by his PCP for
    consultation' read a PCP consultation as documented (any 'consult' word near 'PCP'
    did). A consult is on file when a note, report or letter is named."""
    facts = read(text, cpt)
    assert "pcp_consult_documented" not in facts
    assert "pain_or_pcp_consult_documented" not in facts
    assert read("Consults on file: PCP (Dr. Novak) and ortho spine (Dr. Iyer).",
                "64493")["pcp_consult_documented"] is True


def test_bronchodilators_named_among_failed_conservative_care_failed() -> None:
    """71250 notes: 'Conservative management has failed: no response to PT, inhaled
    steroids or bronchodilators (albuterol/tiotropium without improvement)' and
    'bronchodilators maxed (LAMA/LABA/ICS + nebs), still SOB' left the bronchodilator
    question asked; 'inhalers' among failed conservative care may be steroid inhalers."""
    assert read("Conservative management has failed: no response to PT, inhaled steroids or "
                "bronchodilators (albuterol/tiotropium without improvement).",
                "71250")["bronchodilator_failed"] is True
    assert read("bronchodilators maxed (LAMA/LABA/ICS + nebs), still SOB at rest.",
                "71250")["bronchodilator_failed"] is True
    assert read("Wheezing despite albuterol four times a day.",
                "71250")["bronchodilator_failed"] is True
    assert "bronchodilator_failed" not in read(
        "Imaging provider note 10/27: failed conservative tx (PT + inhalers) - documented.",
        "71250")
    assert read("Her inhalers did not help.", "71250")["bronchodilator_failed"] is True


def test_an_abbreviated_past_pneumonia_admission_is_read() -> None:
    """71250 items: "hx CAP 2024 req'd admit + 10d IV abx" and 'two prior admissions for
    pneumonia (2023, 2025)' left the past pneumonia hospitalization asked."""
    assert read("hx CAP 2024 req'd admit + 10d IV abx.",
                "71250")["pneumonia_hospitalization"] is True
    assert read("h/o PNA 2023, admitted x3 days.", "71250")["pneumonia_hospitalization"] is True
    assert read("Two prior admissions for pneumonia (2023, 2025).",
                "71250")["pneumonia_hospitalization"] is True
    assert "pneumonia_hospitalization" not in read(
        "Her husband was admitted for CAP in March.", "71250")


def test_pain_since_a_date_dates_the_symptoms() -> None:
    """Corpus (session 4): 'Knee pain since 07/05/2026' and 'Leg pain since 07/05/2026'
    left the symptoms' duration asked ('pain since' held its own onset word)."""
    assert read("Knee pain since 07/05/2026.", "97110")["symptom_weeks"] == _norm(
        "symptom_weeks", f"{(AS_OF - date(2026, 7, 5)).days} days")
    assert read("Leg pain since 07/05/2026.", "62311")["symptom_weeks"] == _norm(
        "symptom_weeks", f"{(AS_OF - date(2026, 7, 5)).days} days")


def test_a_question_label_about_the_response_does_not_deny_the_treatment() -> None:
    """fresh2, studied (session 4): 'Has the condition responded to conservative
    treatment?: No' read no conservative treatment (0 weeks) beside 'Conservative treatment
    tried (weeks): 16'."""
    facts = read("Conservative treatment tried (weeks): 16\nHas the condition responded to "
                 "conservative treatment?: No", "97110")
    assert facts["conservative_weeks"] == 16
    assert facts["failed_conservative"] is True
    assert read("Prior pneumonia requiring hospitalization: no", "71250")[
        "pneumonia_hospitalization"] is False


@pytest.mark.parametrize("text", [
    "He completed two courses of physical therapy (Feb-Apr 2026, 8 weeks; Jun-Sep 2026, "
    "8 weeks), 16 weeks in all.",  # the corpus letter
    "Two courses of PT (spring: 6 wks; fall: 8 wks), 14 weeks altogether, no benefit."])
def test_courses_listed_in_an_aside_then_a_total_read_the_total(text: str) -> None:
    """f2-64493-note-referral-letter-meets: the courses' lengths in parentheses, split by
    a semicolon, then '16 weeks in all': the weeks of PT were asked on a complete letter."""
    weeks = 16 if "16" in text else 14
    assert read(text, "64493")["pt_weeks"] == expect("pt_weeks", f"{weeks} weeks")


def test_a_value_taken_back_in_an_answer_leaves_the_other_as_the_answer() -> None:
    """71250 chat reply: 'sorry, 24 weeks not 12' to the PT weeks question (nothing
    stored as 12) read nothing."""
    assert read("sorry, 24 weeks not 12", "71250", ["pt_weeks"])["pt_weeks"] == \
        expect("pt_weeks", "24 weeks")
    assert read("16 wks, not 10", "71250", ["pt_weeks"])["pt_weeks"] == \
        expect("pt_weeks", "16 weeks")
    # With a stored 12 it corrects that fact; it does not answer another question.
    u = _reading("sorry, 24 weeks not 12", "71250", pending=["pt_weeks"],
                 known={"symptom_weeks": "12 weeks"})
    assert "pt_weeks" not in {r.fact for r in u.facts}


def test_therapy_authorized_or_prescribed_is_not_therapy_done() -> None:
    """Outside tester (session 4): 'PT authorized for 12 weeks; completed 6 so far',
    'Enrolled in a 12-week PT program, attended 5 weeks' and 'PT prescribed for 12 weeks'
    read 12 weeks of PT done (the 12-week criterion met on 5-6 weeks)."""
    for text in ("PT authorized for 12 weeks; completed 6 so far.",
                 "Enrolled in a 12-week PT program, attended 5 weeks then stopped.",
                 "PT prescribed for 12 weeks."):
        assert read(text, "64493").get("pt_weeks") != 12, text
    assert read("Completed 12 weeks of PT.", "64493")["pt_weeks"] == 12


def test_views_of_one_xray_are_not_sets() -> None:
    """Outside tester (session 4): 'shoulder X-ray series x3 views on 10/20/2026 (first and
    only X-rays)' read 3 sets (the two-set criterion met on one)."""
    facts = read("Knee X-ray series x3 views on 10/1/2026.", "97110")
    assert facts.get("xray_sets") in (None, 1)
    assert read("XR knee x2 (6/1/26, 9/1/26)", "97110")["xray_sets"] == 2


def test_a_plan_header_holds_its_own_words() -> None:
    """Outside tester (session 4): 'Conservative treatment plan: 12 weeks of PT, meds,
    weight loss.' read the treatments (and then the weeks) as received."""
    facts = read("Conservative treatment plan: 12 weeks of PT, meds, weight loss.", "62311")
    assert "conservative_treatments" not in facts and "conservative_weeks" not in facts


def test_each_count_comes_first_in_a_list_of_failed_courses() -> None:
    """Outside tester (session 4): 'Failed 2 PT courses and 1 NSAID course' read one failed
    PT course (a denial); 'PT 12 wk (6wk ex/stretch, 4wk manual+modalities, 2wk educ)'
    read manual 2 and education 4."""
    assert read("Failed 2 PT courses and 1 NSAID course.", "64493")["pt_courses_failed"] == 2
    facts = read("PT 12 wk (6wk ex/stretch, 4wk manual+modalities, 2wk educ)", "64493")
    assert (facts["pt_manual_weeks"], facts["pt_education_weeks"]) == (4, 2)


def test_a_wish_or_a_doubt_is_not_a_pregnancy() -> None:
    """Outside tester (session 4): "Pt doesn't think she is pregnant", 'Wants to become
    pregnant next year', 'She hopes to be pregnant soon' read pregnant (a denial)."""
    for text in ("Pt doesn't think she is pregnant.", "Wants to become pregnant next year.",
                 "She hopes to be pregnant soon.", "32F, planning pregnancy next year."):
        assert read(text, "62311").get("pregnancy") != "pregnant", text
    assert read("She is 10 weeks pregnant.", "62311")["pregnancy"] == "pregnant"


def test_an_infection_risk_or_its_prevention_is_no_infection() -> None:
    """Outside tester (session 4): 'Discussed infection risk of ESI; consent signed',
    'Worried about infection risk after injection', 'Given cefazolin to prevent infection'
    read an active infection (a denial)."""
    for text in ("Discussed infection risk of ESI; consent signed.",
                 "Worried about infection risk after injection.",
                 "Given cefazolin to prevent infection."):
        assert "active_infection" not in read(text, "64493"), text
    assert read("Cellulitis of the left leg, on keflex.", "64493")["active_infection"] is True


@pytest.mark.parametrize("text", [
    "| Response to conservative tx  | none - pain unchanged |",  # the corpus table row
    "Response to conservative treatment: none, pain unchanged"])
def test_no_response_to_conservative_care_is_a_failure_not_no_care(text: str) -> None:
    """64493-note-ehr-paste-short-pt: 'Response to conservative tx | none' read as no
    conservative treatment, so failed conservative treatment was read as no (a denial
    reason on a patient whose care had failed). 'none' there denies the response."""
    assert read(text, "64493")["failed_conservative"] is True
    assert read("No conservative tx", "64493")["failed_conservative"] is False
    assert "failed_conservative" not in read("Response to conservative tx: good", "64493")


def test_a_normal_gait_does_not_deny_impaired_balance() -> None:
    """Outside tester (session 4): 'normal gait, impaired balance on single-leg stance'
    read no impaired balance or gait, so 64493 did not meet; the policy asks for
    impaired balance OR gait, and one impaired is enough."""
    assert read("Exam: decreased range of motion; normal gait, impaired balance on "
                "single-leg stance.", "64493")["impaired_balance_gait"] is True
    assert read("Walks with a normal gait but balance is poor.",
                "64493")["impaired_balance_gait"] is True
    assert read("Gait: normal. Balance: impaired.", "64493")["impaired_balance_gait"] is True
    assert read("Gait is steady and balance intact.",
                "64493")["impaired_balance_gait"] is False


def test_an_exam_not_done_today_is_no_exam_dated_today() -> None:
    """Outside tester (session 4): 'Physical exam deferred today (telehealth); the last
    in-person H&P ... was on 9/1/2025' read an H&P dated today, so 62311 met its 30-day
    H&P; 'Telehealth visit 11/1/2026, no physical exam' read that none was ever done."""
    assert "hp_date" not in read("Exam deferred today because the visit was by video.",
                                 "62311")
    assert "hp_date" not in read("No physical exam at today's telehealth visit.", "64493")
    assert "hp_date" not in read("Telehealth visit 11/1/2026, no physical exam.", "64493")
    assert read("Physical exam deferred today (telehealth); the last in-person H&P was on "
                "9/1/2025.", "62311")["hp_date"] == date(2025, 9, 1)
    assert read("No physical exam on file.", "64493").get("hp_date") != "never"


def test_a_cancelled_or_denied_study_has_no_date() -> None:
    """Outside tester (session 4): 'MRI cancelled today (claustrophobia)', 'MRI was
    denied by insurance on 10/1/2026', 'X-rays cancelled 10/10/2026' and 'Nerve block
    discussed today' were read as the dates of studies and blocks that never happened."""
    assert "ct_mri_date" not in read("The MRI was called off 11/2/2026 after she "
                                     "cancelled; no-show.", "62311")
    assert "ct_mri_date" not in read("MRI cancelled today (claustrophobia).", "64493")
    assert "ct_mri_date" not in read("MRI was denied by insurance on 10/1/2026.", "62311")
    assert "mri_date" not in read("Insurance denied the MRI request; MRI not approved "
                                  "on 10/1/2026.", "97110")
    assert "xray_date" not in read("X-rays cancelled 10/10/2026.", "64493")
    assert "nerve_block_date" not in read("Nerve block discussed today.", "64493")
    # The X-rays done the day before a cancelled MRI keep their date.
    assert read("Lumbar X-rays 9/1/2026. Lumbar MRI was scheduled but cancelled.",
                "64493")["xray_date"] == date(2026, 9, 1)


def test_an_admission_for_a_copd_exacerbation_is_read_in_shorthand() -> None:
    """71250 items: 'Admitted 10/20 for AECOPD, severe, still inpatient on BiPAP' and 'no
    recent exacerbation' left the COPD exacerbation question asked."""
    assert read("Admitted 10/20 for AECOPD, severe, still inpatient on BiPAP.",
                "71250")["copd_exacerbation_hospitalized"] is True
    assert read("Inpatient since Tuesday with a COPD exacerbation.",
                "71250")["copd_exacerbation_hospitalized"] is True
    assert read("COPD, moderate, stable on inhalers, no recent exacerbation.",
                "71250")["copd_exacerbation_hospitalized"] is False
    assert read("No COPD exacerbations.", "71250")["copd_exacerbation_hospitalized"] is False
    # Sent home from that admission: whether it still counts is asked.
    assert "copd_exacerbation_hospitalized" not in read(
        "admitted 10/2026 x5d for AECOPD, d/c home on 2L O2.", "71250")


def test_a_score_out_of_ten_alone_in_a_sentence_about_pain_is_the_pain_score() -> None:
    """Outside tester (session 4): '61M, low back pain since March, 7/10, finished 12 wks
    PT' answered 'Could not read "7/10"'. A date written 7/10 or a count '8/10 visits' is
    no pain score, and neither is a relative's."""
    assert read("61M, low back pain since March, 7/10, finished 12 wks PT", "64493")[
        "pain_nrs"] == 7
    for text in ("XR L-spine 7/10", "H&P done 9/10", "MBB on 3/10, 80% relief",
                 "PT 8/10 visits attended", "Mother's pain 9/10", "back pain; XR 7/10"):
        assert "pain_nrs" not in read(text, "64493"), text
    # 62311 has two scores (baseline and now): a bare one is asked
    assert "pain_nrs" not in read("LBP, 7/10", "62311")


def test_a_request_leaves_nothing_unread() -> None:
    """Outside tester (session 4): 'start over' and 'what about 62311 instead?' were done
    and then answered 'Could not read ...'."""
    for text in ("start over", "what about 62311 instead?"):
        assert not _reading(text, "64493", ["pt_weeks"]).unread, text


@pytest.mark.parametrize("text", [
    "- [x] NRS >= 4 (today 6/10)",  # the corpus checklist
    "[x] Pain score at least 4: yes (VAS 6/10 today)", "Pain >= 4/10 -- 6/10 now"])
def test_a_criterion_threshold_beside_the_score_is_not_the_score(text: str) -> None:
    """64493-checklist-functional-gait-normal: 'NRS >= 4 (today 6/10)' read the pain
    score as 4 (the threshold, taken as 'today' because a parenthesis opened before the
    word). The figure the 'today' labels is the score."""
    assert read(text, "64493")["pain_nrs"] == 6
    assert read("WBC trend: 16.9k (10/18) -> 14.1k (10/24) -> 11.0k (10/30).",
                "71250")["wbc_count"] == expect("wbc_count", 11000)


def test_a_date_of_birth_sixty_years_back_settles_pregnancy() -> None:
    """fresh2, studied (session 4): a fax header 'DOB 07/22/1957' left pregnancy asked of
    a patient of 69. A birth date under 60 years back still leaves it asked."""
    assert read("RE: BELL, ROGER  DOB 07/22/1957", "97110")["pregnancy"] == "not_applicable"
    assert read("DOB: 1/5/1961", "64493")["pregnancy"] == "not_applicable"
    assert "pregnancy" not in read("Jane Roe, DOB 03/02/1990", "64493")
    assert "pregnancy" not in read(f"DOB {AS_OF.month}/{AS_OF.day + 1}/{AS_OF.year - 60}",
                                   "64493")


def test_a_bare_log_beside_therapy_sessions_is_the_treatment_log() -> None:
    """71250 items: 'PT 2x/wk x 14 wks, chest wall mobility + strengthening, log attached'
    and a form's 'Log on file: Yes' left the treatment logs asked."""
    assert read("PT 2x/wk x 14 wks, chest wall mobility + strengthening, log attached.",
                "71250")["treatment_logs_documented"] is True
    assert read("PT completed (weeks): 12\nLog on file: Yes",
                "71250")["treatment_logs_documented"] is True
    assert read("Physio twice weekly for 10 weeks; session log not on file.",
                "71250")["treatment_logs_documented"] is False
    # Another kind of log is not the therapy's.
    assert "treatment_logs_documented" not in read(
        "PT 12 weeks; pain log attached.", "71250")


def test_dates_in_other_spellings_are_read() -> None:
    """Outside tester (session 4): 'MRI 2026.06.01.' and 'H&P on 11-02-26.' were asked.
    '3-4-12' (no zero padding) stays a range, not a date."""
    assert read("MRI 2026.06.01.", "64493")["ct_mri_date"] == date(2026, 6, 1)
    assert read("MRI 2026/06/01", "64493")["ct_mri_date"] == date(2026, 6, 1)
    assert read("H&P on 11-02-26.", "64493")["hp_date"] == date(2026, 11, 2)
    assert "pt_weeks" not in read("PT 3-4-12 weeks", "64493")


def test_a_past_copd_admission_is_no_current_exacerbation() -> None:
    """Outside tester (session 4): 'Hospitalized for COPD exacerbation in 2022; none
    since.' read a severe COPD exacerbation requiring hospitalization, which sent 71250
    to review on its exclusion; the exclusion is about an exacerbation now."""
    assert "copd_exacerbation_hospitalized" not in read(
        "Hospitalized for COPD exacerbation in 2022; none since.", "71250")
    assert "copd_exacerbation_hospitalized" not in read(
        "She was admitted for a COPD exacerbation last year and has been stable since.",
        "71250")
    assert read("Admitted for COPD exacerbation 11/15/2026, still inpatient.",
                "71250")["copd_exacerbation_hospitalized"] is True


def test_not_knowing_one_of_two_answers_is_that_questions_answer() -> None:
    """71250 chat replies: 'PFT was 6/12/26, FEV1 I don't know offhand' and 'pulm note is in
    the chart; PCP referral -- don't know, will check' left the unknown one asked (and the
    known one too, when two questions were open)."""
    facts = read("PFT was 6/12/26, FEV1 I don't know offhand", "71250",
                 ["pft_date", "fev1_percent_predicted"])
    assert facts["pft_date"] == date(2026, 6, 12) and facts["fev1_percent_predicted"] is None
    facts = read("Spirometry 5/2/26; I don't know the FEV1.", "71250",
                 ["pft_date", "fev1_percent_predicted"])
    assert facts["fev1_percent_predicted"] is None
    facts = read("pulm note is in the chart; PCP referral -- don't know, will check", "71250",
                 ["specialist_consult_documented", "pcp_referral_documented"])
    assert facts == {"specialist_consult_documented": True, "pcp_referral_documented": None}


def test_a_ur_summary_with_one_unchanged_pt_course_and_no_other_pt() -> None:
    """f2-64493-note-ur-nurse-short-pt: 'No other PT' after the course was read as a
    denial of PT (so the 8 weeks were asked), '5 wk ex/stretch' was not exercise, and
    '-- no change in pain' did not make the one course a failed one."""
    text = ("Consv: one PT course 9/1-10/27 = 8 wks total (5 wk ex/stretch, 2 wk manual + "
            "heat/TENS,\n  1 wk pain ed) -- no change in pain. Ibuprofen 800 TID x 6 wk -- "
            "failed. No other PT.")
    facts = read(text, "64493")
    assert facts["pt_weeks"] == expect("pt_weeks", "8 weeks")
    assert facts["pt_exercise_weeks"] == expect("pt_exercise_weeks", "5 weeks")
    assert facts["pt_courses_failed"] == 1
    mine = read("Physio 10 weeks, twice weekly. No other physio since.", "64493")
    assert mine["pt_weeks"] == expect("pt_weeks", "10 weeks")
    assert read("Not yet seen by pulmonology or any other specialist.",
                "71250")["specialist_consult_documented"] is False


def test_a_blank_criteria_checklist_states_no_patient_figures() -> None:
    """Outside tester (session 4): a blank checklist ('- PT >= 12 weeks: ______',
    '- NRS >= 4/10: ______') and 'Criteria: NRS >= 4/10, symptoms >= 6 weeks, PT >= 12
    weeks.' were read as 12 weeks of PT, 6 weeks of symptoms and pain 4: the payer's
    thresholds shown as met."""
    form = ("Prior auth checklist for the clinic to fill in:\n"
            "- Physical therapy >= 12 weeks: ____\n"
            "- Pain NRS >= 4/10: ____\n"
            "Patient: 50 y/o male, low back pain.")
    facts = read(form, "64493")
    assert "pt_weeks" not in facts and "pain_nrs" not in facts
    facts = read("Criteria: NRS >= 4/10, symptoms >= 6 weeks, PT >= 12 weeks.", "64493")
    assert not {"pain_nrs", "symptom_weeks", "pt_weeks"} & set(facts)
    # A filled-in answer is still read.
    assert read("PT >= 12 weeks: 14 weeks", "64493")["pt_weeks"] == 14


def test_pt_counted_from_an_accident_is_the_patient() -> None:
    """Outside tester (session 4): 'Pt 16 weeks out from MVC, LBP since' read 16 weeks
    of physical therapy (64493's 12 weeks shown met); 'Pt' there is the patient."""
    assert "pt_weeks" not in read("Pt 16 weeks out from MVC, LBP since, NRS 7/10.", "64493")
    assert "pt_weeks" not in read("pt about 3 months post-op from a fall.", "64493")
    assert read("PT 16 weeks, no relief.", "64493")["pt_weeks"] == 16


def test_a_sets_evidence_is_its_list_not_the_rest_of_the_letter() -> None:
    """Outside tester (session 4): the 'What I read' words for the conservative treatments
    ran 900 characters, from the list to a later mention of a member. The list's own words
    are shown when they hold every member."""
    text = ("Conservative care: PT, meloxicam and weight loss, 14 weeks in all, no "
            "improvement. " + "He works nights at a warehouse and lives with his sister. " * 4
            + "PT notes attached.")
    found = {r.fact: r for r in _reading(text, "62311").facts}
    assert len(found["conservative_treatments"].words) < 60
    assert found["conservative_treatments"].words in text


@pytest.mark.parametrize("text", [
    "No diabetes, heart disease or any other serious condition.",  # the corpus e-mail
    "Denies COPD, kidney disease, or other serious medical conditions."])
def test_a_denied_list_closed_by_any_other_serious_condition_is_no_comorbidity(
        text: str) -> None:
    """f2-64493-note-intake-email-cellulitis: the denial did not reach past 'diabetes'
    (the last item, 'heart disease or any other serious condition', was too long for a
    list item), so heart disease was asked as possibly severe."""
    assert read(text, "64493")["severe_comorbidities"] == expect("severe_comorbidities", [])
    assert "severe_comorbidities" not in read("Serious conditions: CHF (EF 20%)", "64493")


def test_a_rapid_ct_needed_for_a_patient_showing_instability_is_clinical_instability() -> None:
    """71250 items: 'Pt became hypotensive (84/50) and tachycardic ... Needs rapid CT chest
    to guide management' and '... tachypneic - unstable, needs stat CT chest' left the
    instability asked."""
    assert read("URGENT. Pt became hypotensive (84/50) and tachycardic (128) in clinic; "
                "transferred to ED. Needs rapid CT chest to guide management.",
                "71250")["clinically_unstable"] is True
    assert read("Now hypoxic on 6L, needs stat CT chest.", "71250")["clinically_unstable"] is True
    # Signs denied, or no sign at all: the urgency alone is not instability.
    assert "clinically_unstable" not in read("Not hypotensive or hypoxic. Needs stat CT chest "
                                             "per ED.", "71250")
    assert "clinically_unstable" not in read("Needs rapid CT chest per pulm.", "71250")


def test_actually_corrects_a_figure_said_just_before() -> None:
    """fresh2, studied (session 4): 'Had 2 sets of XR -- actually 3, I missed the urgent
    care one from August (8/11/26). Latest set 10/2/26.' read 2 sets, dated 8/11 (both
    wrong)."""
    facts = read("Had 2 sets of XR -- actually 3, I missed the urgent care one from August "
                 "(8/11/26). Latest set\n10/2/26.", "97110")
    assert facts["xray_sets"] == 3
    assert facts["xray_date"] == date(2026, 10, 2)
    assert "pt_weeks" not in read("PT 8 weeks, actually helped a lot", "97110")


def test_a_goal_figure_is_not_a_reading() -> None:
    """Outside tester (session 4): a PT plan's goals ('STG (4 wks): pain 3/10 ... LTG (8
    wks): pain 0-1/10') were read as the pain now (97110 did not meet its 4/10), and
    'Titrate O2 to keep SpO2 88-92%', 'Goal FEV1 above 80% predicted' as results."""
    assert "pain_nrs" not in read("Short-term goal (3 wks): pain 2/10 with stairs. "
                                  "LTG: pain 0/10.", "97110")
    assert "pain_nrs" not in read("STG (4 wks): pain 3/10, sit 30 min.", "97110")
    assert "pain_nrs" not in read("Goal pain 2/10.", "64493")
    assert "spo2_room_air" not in read("Titrate O2 to keep SpO2 88-92%.", "71250")
    assert "fev1_percent_predicted" not in read("Goal FEV1 above 80% predicted.", "71250")
    # The pain now beside its goal is still read; the aim of care hides nothing.
    assert read("Current pain 7/10. Goal pain 2/10.", "64493")["pain_nrs"] == 7
    assert read("The main goal is to relieve her shoulder pain.",
                "97110")["musculoskeletal_condition"] is True


def test_a_denial_with_an_exception_is_not_a_denial() -> None:
    """Outside tester (session 4): 'No infections other than a current UTI on cipro. No
    comorbidities except severe hemophilia A.' read no infection and no comorbidities,
    so 62311 met; 'ROM WNL except lumbar extension 50%' read no decreased ROM."""
    facts = read("No comorbidities besides hemophilia A, which is severe.", "62311")
    assert facts.get("severe_comorbidities") != frozenset()
    assert read("No infections other than a current UTI on cipro.",
                "62311").get("active_infection") is not False
    assert read("ROM WNL except lumbar extension 50% of normal.",
                "64493").get("decreased_rom") is not False
    assert "pt_weeks" not in read("Pt 13 weeks pregnant.", "64493")
    assert "pt_weeks" not in read("Pt 14 weeks s/p lobectomy, persistent cough.", "71250")
    assert not read("No comorbidities.", "62311")["severe_comorbidities"]


def test_diminished_breath_sounds_or_dullness_on_exam_are_signs_of_lung_disease() -> None:
    """71250 item: 'Lungs: diminished BS R base, dullness to percussion' left the signs of
    pulmonary disease asked."""
    assert read("Exam: Lungs: diminished BS R base, dullness to percussion.",
                "71250")["pulmonary_disease_signs"] is True
    assert read("Bronchial breath sounds over the RLL.", "71250")["pulmonary_disease_signs"] is True
    assert "pulmonary_disease_signs" not in read("No dullness to percussion.", "71250")


@pytest.mark.parametrize("text", [
    "my patient has been through well over three months of conservative care, sixteen "
    "weeks to be exact, which included formal physical therapy",  # the corpus letter
    "More than 3 months of conservative treatment -- 15 weeks, to be precise."])
def test_an_exact_figure_after_a_rough_one_is_the_figure(text: str) -> None:
    """62311-dictated-letter-sixteen-weeks-all-three-kinds: 'well over three months of
    conservative care, sixteen weeks to be exact' read 3 months (the bound), and
    'sixteen' was no number."""
    weeks = 16 if "sixteen" in text else 15
    facts = read(text, "62311")
    assert facts["conservative_weeks"] == expect("conservative_weeks", f"{weeks} weeks")


def test_a_temperature_in_fahrenheit_is_not_a_womans_age() -> None:
    """Outside tester (session 4): 'temp 98 F' and 'Tmax 99 F' read a woman of 98 or 99
    (pregnancy not applicable: a 34-year-old woman's pregnancy never asked), and 'Return
    precautions: fever over 101 F' read a fever (a denial)."""
    assert "pregnancy" not in read("Patient: 34 y/o female. Vitals: temp 98 F, BP 118/76.",
                                   "64493")
    assert "pregnancy" not in read("45F, Tmax 99 F.", "64493")
    assert read("72F with LBP", "64493")["pregnancy"] == "not_applicable"
    assert "body_temperature" not in read("Return precautions: fever over 101 F.", "71250")


def test_a_visit_date_written_m_slash_10_is_no_pain_score() -> None:
    """Outside tester (session 4): 'Seen 2/10 for LBP' and 'Evaluated 2/10 for knee pain'
    read a pain score of 2 (a denial)."""
    assert "pain_nrs" not in read("Seen 2/10 for LBP, x 6 months.", "64493")
    assert "pain_nrs" not in read("Evaluated 2/10 for knee pain.", "97110")
    assert read("LBP eval on 9/10: pain 7/10.", "64493")["pain_nrs"] == 7


def test_a_clear_lung_exam_does_not_deny_signs_on_the_films() -> None:
    """Outside tester (session 4): 'Exam: lungs clear, no wheeze, no crackles. CXR
    11/1/2026: new 2 cm RUL nodule.' read no signs of pulmonary disease (71250 did not
    meet); the signs may be on examination, chest X-ray or lung function tests."""
    assert read("Chest clear to auscultation bilaterally; the CT from 10/2026 shows a new "
                "spiculated nodule.", "71250").get("pulmonary_disease_signs") is not False
    # (A nodule alone is asked since session 5: the corpus labels nodules both ways.)
    assert read("Exam: lungs clear, no wheeze, no crackles. CXR 11/1/2026: new 2 cm RUL "
                "nodule.", "71250").get("pulmonary_disease_signs") is not False
    assert read("Exam: lungs clear, no wheeze, no crackles. CXR 11/1/2026: new RUL "
                "infiltrate.", "71250")["pulmonary_disease_signs"] is True
    assert "pulmonary_disease_signs" not in read("Lungs clear, no wheeze, no crackles.",
                                                 "71250")


def test_a_visit_date_written_like_a_score_is_no_pain_score() -> None:
    """Outside tester (session 4): 'Seen 2/10 for LBP, x 6 months.' read pain 2/10 (a
    visit on February 10), so 64493 did not meet its 4/10; 'Evaluated 2/10 for knee pain'
    the same under 97110."""
    assert "pain_nrs" not in read("Seen 2/10 for LBP, x 6 months.", "64493")
    assert "pain_nrs" not in read("Patient was evaluated 3/10 for knee pain.", "97110")
    assert read("Seen 3/10; pain 7/10 on NRS.", "64493")["pain_nrs"] == 7


def test_a_symptom_the_ct_is_to_evaluate_is_a_symptom_the_patient_has() -> None:
    """71250 fax: 'CT chest w/o contrast to evaluate persistent cough x 10 wks' left the
    cough and its 10 weeks asked ('w/o contrast' denied it, 'to evaluate' doubted it)."""
    facts = read("Reason: CT chest w/o contrast to evaluate persistent cough x 10 wks.", "71250")
    assert facts["respiratory_symptoms"] is True
    assert facts["symptom_weeks"] == expect("symptom_weeks", "10 weeks")
    assert read("Partial response to albuterol; still wheezy after nebs.",
                "71250")["respiratory_symptoms"] is True
    # A diagnosis to be evaluated is still not stated.
    assert "bacterial_pneumonia" not in read("CT chest without contrast to evaluate for "
                                             "pneumonia.", "71250")


@pytest.mark.parametrize("text", [
    "Diagnostic L4-5 medial branch block 6/3/26,\nrepeated 9/22 with about 80% relief "
    "for 6 hrs.",  # the corpus e-mail
    "MBB 2026-05-14; repeat on 8/30, 70% relief."])
def test_a_block_repeated_on_a_date_without_its_year_is_asked(text: str) -> None:
    """f2-64493-email-blocks-three-dates: 'block 6/3/26, repeated 9/22' read the first
    block's date as the latest (a month/day alone is not read as a date)."""
    assert "nerve_block_date" not in read(text, "64493")
    assert read("MBB 6/3/26, repeated 9/22/26", "64493")["nerve_block_date"] == \
        date(2026, 9, 22)


def test_one_limited_direction_is_decreased_range_of_motion() -> None:
    """Outside tester (session 4): 'ROM full in flexion, decreased in extension and
    rotation.' read no decreased range of motion (64493 did not meet); a limit in one
    direction is a decreased range of motion."""
    facts = read("Range of motion: flexion full, extension reduced.", "64493")
    assert facts["decreased_rom"] is True
    assert read("ROM full in flexion, decreased in extension and rotation.",
                "64493")["decreased_rom"] is True
    assert read("ROM full in flexion and extension.", "64493")["decreased_rom"] is False


def test_a_fax_page_given_to_another_patient_is_not_read() -> None:
    """Outside tester (session 4): a fax page headed '--- Page 4 of fax (misfiled,
    belongs to a different patient: John R., 58M) ---' was read as this patient (PT 4
    weeks over her 12, ESRD and diabetes): 64493 did not meet."""
    note = ("PT 14 weeks, no relief. No severe comorbidities.\n"
            "=== Page 3 (wrong patient - do not use) ===\n"
            "PT 4 weeks only. ESRD on dialysis.\n")
    facts = read(note, "64493")
    assert facts["pt_weeks"] == 14
    assert not facts["severe_comorbidities"]
    after = read(note + "--- Page 4 ---\nPain NRS 7/10.", "64493")
    assert after["pain_nrs"] == 7


def test_an_answer_beside_a_taken_back_value_quotes_the_users_own_words() -> None:
    """Found by the fuzz property test on main (session 4): with a value taken back in
    the same breath ('... 2026-08-20 correction 0'), the answer's words were quoted with
    the taken-back figure blanked ('yes 2026-08-   correction 0'), words the user never
    wrote, in the 'What I read' table."""
    text = "yes 2026-08-20 correction 0"
    reading = _reading(text, "64493", pending=["active_infection"])
    assert reading.facts and all(r.words.lower() in text.lower() for r in reading.facts)


def test_therapy_not_started_is_none_done() -> None:
    """71250 item: 'Her sister did 12 weeks of PT ...; the patient herself has not started
    PT' left the patient's PT weeks asked."""
    assert read("Her sister did 12 weeks of PT for the same chest wall problem; the patient "
                "herself has not started PT.", "71250")["pt_weeks"] == 0
    assert read("Has not started physical therapy yet.", "71250")["pt_weeks"] == 0
    # Started late is not never started.
    assert read("PT not started until 10/1, then 8 weeks", "71250").get("pt_weeks") != 0


def test_a_range_is_asked_not_stored_as_its_lower_bound() -> None:
    """Outside tester (session 4): 'Low back pain for 5-6 weeks', 'PT 10-12 weeks' and
    'FEV1 75-85% predicted' stored their lower bounds (5, 10, 75): values the text does not
    state, on the wrong side of the 6-week, 12-week and 80% thresholds."""
    assert "symptom_weeks" not in read("Low back pain for 5-6 weeks.", "64493")
    assert "pt_weeks" not in read("PT 10-12 weeks.", "64493")
    assert "fev1_percent_predicted" not in read("FEV1 75-85% predicted.", "71250")


def test_n_a_in_a_figures_field_is_not_zero() -> None:
    """Outside tester (session 4): 'PT weeks: N/A' read 0 weeks of PT (five clauses failed);
    'PT: none' is still none."""
    assert "pt_weeks" not in read("PT weeks: N/A", "64493")
    assert read("PT: none", "64493")["pt_weeks"] == 0


def test_an_expected_length_is_not_treatment_done() -> None:
    """Outside tester (session 4): 'PT expected to last 12 weeks' read 12 weeks of PT done."""
    assert "pt_weeks" not in read("PT expected to last 12 weeks.", "64493")
    assert read("Completed 12 weeks of PT; expected to benefit from the block.", "64493")[
        "pt_weeks"] == 12


def test_an_answers_evidence_keeps_a_corrected_figure_as_written() -> None:
    """The property test (session 4): in 'yes /10 correction 0' answering the infection
    question, the evidence showed 'yes /   correction 0' (the corrected figure blanked)."""
    u = _reading("yes /10 correction 0", "64493", ["active_infection"])
    assert all(r.words in "yes /10 correction 0" for r in u.facts)


def test_he_on_the_line_after_another_man_says_nothing_of_the_patient() -> None:
    """Outside tester (session 4, F2 rest): "Pt's husband called the office." then "He says
    the pain is worse." on the next line read the patient as a man. A blank line ends it."""
    assert "pregnancy" not in read("Pt's husband called the office.\nHe says the pain is "
                                   "worse.", "64493")
    assert read("Referred by Dr. Smith.\n\nHPI: 58 yo with LBP. He reports PT x 12 wks.",
                "64493")["pregnancy"] == "not_applicable"


def test_a_forecast_or_na_is_no_length_of_treatment() -> None:
    """Outside tester (session 4): 'PT expected to last 12 weeks.' and 'Conservative
    care anticipated to take 12 weeks.' read as treatment done (coverage met); 'PT weeks:
    N/A' read 0 weeks of PT (five clauses failed). 'No exclusions other than active
    sepsis.' read no infection."""
    assert "pt_weeks" not in read("The PT program is expected to last 12 weeks.", "64493")
    assert "conservative_weeks" not in read(
        "Conservative care anticipated to take 12 weeks.", "62311")
    assert "pt_weeks" not in read("PT weeks: N/A", "64493")
    assert read("PT: none", "64493")["pt_weeks"] == 0
    assert read("No exclusions other than active sepsis.",
                "97110").get("active_infection") is not False


def test_an_infection_treated_in_the_past_is_not_active() -> None:
    """Outside tester (session 4, F18 rest): 'Treated for UTI 3 months ago.' read an active
    infection (a denial); one still being treated is."""
    assert "active_infection" not in read("Treated for UTI 3 months ago.", "64493")
    assert read("Being treated for cellulitis of the leg.", "64493")["active_infection"] is True
    assert read("Currently being treated for a UTI with cipro.", "62311")[
        "active_infection"] is True


@pytest.mark.parametrize("text", [
    "PRIOR TX:\n- PT #1 Jan-Mar 2026 (8 wks) -- no improvement\n"
    "- PT #2 Jun-Aug 2026 (6 wks) -- pain unchanged",  # the corpus fax, without its OCR breaks
    "Physio in spring: 5 weeks.\nPhysio again in the fall: 7 weeks."])
def test_two_lengths_of_pt_in_separate_lines_are_not_the_first_one(text: str) -> None:
    """f2-64493-fax-prior-tx-list: 'PT #1 ... (8 wks)' and 'PT #2 ... (6 wks)' on two
    lines read 8 weeks of PT, the first figure. With no total, the total is asked."""
    assert "pt_weeks" not in read(text, "64493")
    assert read("Physio x 8 wks.\nPhysio x 8 wks again.", "64493").get("pt_weeks") in (
        None, expect("pt_weeks", "8 weeks"), expect("pt_weeks", "16 weeks"))


def test_correcting_the_baseline_pain_moves_the_change_in_pain() -> None:
    """Outside tester (session 4): after 'Pain NRS 6/10 at baseline, now 7/10', the chat
    answer 'correction: baseline was 5/10, not 6' updated the baseline but kept the change
    at +1 (a rise the text no longer states), so 62311 stayed in review instead of
    meeting its 2-point rise."""
    a = assistant()
    a.send("t", "Does this case qualify for 62311? 52F, lumbar radicular pain for 4 months. "
           "Her pain was 4/10 at baseline and is 5/10 now after treatment.")
    turn = a.send("t", "sorry, the baseline was 3/10, not 4")
    assert turn.facts["pain_nrs_baseline"]["value"] == 3
    assert turn.facts["pain_nrs_increase"]["value"] == 2
    facts = read("correction: baseline was 5/10, not 6", "62311",
                 known={"pain_nrs_baseline": 6, "pain_nrs_increase": 1})
    assert facts["pain_nrs_increase"] == 2


def test_a_total_said_first_keeps_its_breakdown_in_brackets_apart() -> None:
    """A chat tried at the end of session 4: 'finished 12 wks PT (6 wk ther ex, 3 wk
    manual, 3 wk education)' read 6 weeks of PT (the first part, not the total: a
    denial)."""
    facts = read("finished 12 wks PT (6 wk ther ex, 3 wk manual, 3 wk education)", "64493")
    assert (facts["pt_weeks"], facts["pt_exercise_weeks"], facts["pt_manual_weeks"],
            facts["pt_education_weeks"]) == (12, 6, 3, 3)
    assert read("PT (12 wks)", "64493")["pt_weeks"] == 12


def test_an_impairment_between_two_grades_is_asked() -> None:
    """A note tried at the end of session 4: 'moderate-severe limitation per therapist'
    read a severe impairment (the worse grade, which the text does not state)."""
    assert "functional_impairment" not in read(
        "Function: QuickDASH 58, moderate-severe limitation per therapist.", "97110")
    assert "functional_impairment" not in read("moderate to severe impairment", "97110")
    assert read("severe limitation", "97110")["functional_impairment"] == "severe"


def test_two_pain_scores_for_two_places_are_asked() -> None:
    """Outside tester (session 4): 'Back pain 1/10 (resolved); right shoulder pain 7/10 x
    5 months - PT for shoulder.' read pain 1/10 (97110 did not meet its 4/10); 'Knee pain
    8/10; LBP 3/10.' read the knee's 8 for a back injection. Which pain the request is
    for is asked; a score said to be now still wins."""
    assert "pain_nrs" not in read("Hip pain 2/10. Right shoulder pain 7/10 for 5 months, "
                                  "PT for the shoulder.", "97110")
    assert "pain_nrs" not in read("Knee pain 8/10; LBP 3/10.", "64493")
    assert read("Pain 8/10 at worst. Pain today 6/10.", "64493")["pain_nrs"] == 6
    assert read("NRS 7/10. Pain interferes with sleep.", "64493")["pain_nrs"] == 7


@pytest.mark.parametrize(("text", "cpt"), [
    ("For Mr. Dube: two 8-week PT courses, neither helped", "62311"),  # a corpus chat
    ("Sx x 10 wks, worse despite PT/meds", "62311"),
    ("Tried a home program and then naproxen; none of them helped.", "64493")])
def test_the_whole_regimen_described_failing_is_failed_conservative_care(text: str,
                                                                       cpt: str) -> None:
    """62311/64493 misses (session 4): 'neither helped', 'none of them helped', 'worse
    despite PT/meds' say the regimen the text describes failed (fresh2-set.md's rule),
    but only 'failed conservative ...' phrases were read."""
    assert read(text, cpt)["failed_conservative"] is True
    assert "failed_conservative" not in read("PT x 6 wks, helped a lot.", cpt)


def test_neck_and_low_back_pain_leave_the_request_s_pain_asked() -> None:
    """Outside tester (session 4): 'Mild neck pain 2/10 since a fender-bender in 2025;
    chronic low back pain 7/10 for 10 months' read pain 2/10 in the neck for an L4-5
    injection (64493 did not meet); 'Low back pain 7/10.' alone read no pain score."""
    facts = read("Neck pain 2/10 since a minor car accident. Low back pain 8/10 for "
                 "6 months.", "64493")
    assert "pain_nrs" not in facts and "pain_region" not in facts
    # A neck pain of last year is not now: the low back's score stands.
    facts = read("Neck ache 2/10 after a car accident last year. Low back pain 8/10 for "
                 "6 months.", "64493")
    assert facts["pain_nrs"] == 8 and facts["pain_region"] == "low_back"
    facts = read("Low back pain 7/10.", "64493")
    assert facts["pain_nrs"] == 7 and facts["pain_region"] == "low_back"


def test_hpi_dates_the_illness_not_the_history_and_physical() -> None:
    """fresh3, studied (session 4): 'HPI: 41F, RLE radicular pain since 05/12/2026' read the
    H&P as dated 05/12, more than 30 days back: a complete 62311 note was denied."""
    facts = read("HPI: 41F, RLE radicular pain since 05/12/2026", "62311")
    assert "hp_date" not in facts
    assert read("H&P 11/16/2026", "62311")["hp_date"] == date(2026, 11, 16)


def test_doesnt_have_denies_what_follows() -> None:
    """Session 4: "She doesn't have pneumonia." read a bacterial pneumonia (the 'have' ended
    the denial's reach)."""
    assert read("She doesn't have pneumonia.", "71250")["bacterial_pneumonia"] is False
    assert read("She doesn't have any infection.", "64493")["active_infection"] is False
    assert read("She does not have a fever, has cough.", "71250")["respiratory_symptoms"] is True


def test_a_record_that_comes_later_is_not_on_file() -> None:
    """fresh3, studied (session 4): 'Treatment logs from prior PT: will fax Monday' and 'Pain
    mgmt consult - not yet' read the records as on file; 'H&P will be done at the 12/02
    visit' read an H&P on file. A record to come says nothing of the therapy itself."""
    assert read("Treatment logs from prior PT: will fax Monday.", "97110")[
        "treatment_logs_documented"] is False
    assert read("Pain mgmt consult - not yet, pt sees Dr. Shah 12/3.", "64493")[
        "specialist_consult_documented"] is False
    assert "hp_documented" not in read("H&P will be done at the 12/02 visit.", "97110")
    facts = read("PT notes - will fax", "64493")
    assert facts["pt_notes_documented"] is False and "pt_weeks" not in facts


def test_a_doubt_in_quotes_is_still_a_doubt() -> None:
    """fresh3, studied (session 4): "states she 'might be pregnant'" read pregnant (a quote
    mark hid 'might be')."""
    assert "pregnancy" not in read("26 yo F, states she 'might be pregnant'.", "71250")
    assert "pregnancy" not in read("She doesn't think she's pregnant.", "64493")


def test_fresh3_phrasings_studied_late_in_session_4() -> None:
    """fresh3, studied (session 4): 'did NOT help) -> so failed conservative tx' read no
    failure (the NOT reached across the arrow); "Was tx'd for UTI in Sept ..., sx resolved"
    read an active infection; 'about two months ago, give or take' dated the MRI;
    '(LBP) desde hace 4 meses' read a pain score of 4 (the Spanish unit was not one);
    'XR R shoulder 3v' read 3 sets (3 views)."""
    assert read("steroid inj on 10/26/2026 which did NOT help) -> so failed conservative tx",
                "97110")["failed_conservative"] is True
    assert "active_infection" not in read(
        "S: 47F, chronic low back pain. Was tx'd for UTI in Sept w/ nitrofurantoin, sx "
        "resolved.", "64493")
    assert "ct_mri_date" not in read("The MRI was about two months ago, give or take a "
                                     "couple weeks - I'd have to find the report.", "62311")
    facts = read("dolor de espalda baja (LBP) desde hace 4 meses. Hizo PT por 12 semanas.",
                 "64493")
    assert facts.get("pain_nrs") != 4
    assert facts["symptom_weeks"] == _norm("symptom_weeks", "4 months")
    assert facts["pt_weeks"] == 12
    assert read("XR R shoulder 3v 01/09/2026", "97110").get("xray_sets") != 3


def test_pt_before_a_spanish_verb_is_the_patient() -> None:
    """fresh3, studied (session 4): 'pt refiere dolor de cuello x 1 año' read a year of
    physical therapy ('refiere': the patient reports)."""
    assert "pt_weeks" not in read("pt refiere dolor de cuello x 1 año", "64493")
    assert read("PT x 12 semanas", "64493")["pt_weeks"] == 12


def test_a_compound_number_word_is_read_whole() -> None:
    """fresh3, studied (session 4): dictated 'physical therapy to times a week for twenty
    four weeks' read 4 weeks of therapy (a denial)."""
    assert read("physical therapy to times a week for twenty four weeks", "71250")[
        "pt_weeks"] == 24
    assert read("PT for twenty-four weeks", "64493")["pt_weeks"] == 24
    assert read("PT for four weeks", "64493")["pt_weeks"] == 4


def test_a_baseline_named_before_the_arrow_is_the_baseline() -> None:
    """fresh3, studied (session 4): 'Pain NRS: 4/10 at initial PCP eval 05/20 (before any
    tx) -> 7/10 today' left the baseline and the change asked in a complete note."""
    facts = read("Pain NRS: 4/10 at initial PCP eval 05/20 (before any tx) -> 7/10 today.",
                 "62311")
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == (4, 3)


def test_an_early_stage_of_kidney_disease_is_not_severe() -> None:
    """fresh3, studied (session 4): 'PMH: COPD (severe, on home O2 2L), CKD 2' read a
    severe kidney disease (the 'severe' was the COPD's)."""
    assert read("PMH: COPD (severe, on home O2 2L), CKD 2", "64493")[
        "severe_comorbidities"] == {"copd"}
    assert read("CKD stage 4, severe", "64493")["severe_comorbidities"] == {"kidney_disease"}


def test_a_specialists_consult_with_the_doctor_named_between_is_on_file() -> None:
    """fresh3, studied (session 4): 'Pulmonology (Dr. Osei-Bonsu) saw her 10/30/2026 -
    consult attached' and 'Dr. Flores (sports med/ortho) consult note supporting PT
    attached' left the specialist consult asked in complete notes. A PCP's consult note is
    still not a specialist's."""
    assert read("Pulmonology (Dr. Osei-Bonsu) saw her 10/30/2026 - consult attached.",
                "71250")["specialist_consult_documented"] is True
    assert read("Dr. Flores (sports med/ortho) consult note supporting PT attached.",
                "97110")["specialist_consult_documented"] is True
    assert "specialist_consult_documented" not in read(
        "PCP consult note attached. Ortho referral pending.", "71250")


def test_modality_records_or_logs_are_the_modalities_on_file() -> None:
    """fresh3 and the outside tester (session 4): 'progress notes, including the modality
    records, are enclosed' and 'modality logs attached' left the modalities asked."""
    assert read("PT plan of care and progress notes, including the modality records, are "
                "enclosed.", "64493")["modalities_documented"] is True
    assert read("PT notes, med list with doses and modality logs attached.", "64493")[
        "modalities_documented"] is True
    assert read("modality records not received", "64493")["modalities_documented"] is False


def test_a_baseline_before_treatment_then_today_after_a_semicolon() -> None:
    """fresh3, studied (session 4): 'he rated his pain 3/10 at the June visit, before any
    treatment; it is 6/10 now' and 'NRS 5/10 at his first PCP visit in March, before any
    treatment; 8/10 today' left the baseline and the change asked in complete notes."""
    facts = read("Pain: he rated his pain 3/10 at the June visit, before any treatment; it "
                 "is 6/10 now.", "62311")
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == (3, 3)
    facts = read("Pain: NRS 5/10 at his first PCP visit in March, before any treatment; "
                 "8/10 today.", "62311")
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == (5, 3)


def test_courses_of_pt_with_no_word_of_how_they_went_are_not_failed_ones() -> None:
    """A helper's new text (session 4): 'He completed two courses of PT.' read 2 failed PT
    courses (the 64493 criterion is failed courses). A failure said anywhere in the message
    still counts them, and 'No PT' is still none."""
    assert "pt_courses_failed" not in read("He completed two courses of PT.", "64493")
    assert read("2 courses of PT. No improvement.", "64493")["pt_courses_failed"] == 2
    assert read("Failed 2 PT courses and 1 NSAID course.", "64493")["pt_courses_failed"] == 2
    assert read("No PT", "64493")["pt_courses_failed"] == 0
    assert read("PT courses: 2 (no relief)", "64493")["pt_courses_failed"] == 2


def test_a_treatment_both_denied_and_named_does_not_make_its_list_whole() -> None:
    """fresh4, studied (session 5): '[carried forward - not re-verified] Pain 6/10,
    improving with PT. ... PT completed 10/31' read the kinds of treatment as PT alone: the
    'not' before the first PT counted as a member gone through and denied, which is what
    makes a list whole. Only a denial of another kind shows the list was gone through."""
    text = ("Copied from last visit, not updated: improving with physical therapy.\n"
            "Today: physical therapy finished last month, no lasting benefit.")
    assert "conservative_treatments" not in read(text, "62311")
    assert "conservative_treatments" not in read(
        "[Interval history carried forward from 09/15/2026 - not re-verified] Pain 6/10,\n"
        "improving with PT.\nToday: pain 9/10. PT completed 10/31 without lasting benefit.",
        "62311")
    assert read("PT and meds, no lifestyle changes", "62311")["conservative_treatments"] == expect(
        "conservative_treatments", ["physical_therapy", "medication_management"])


def test_the_reason_a_reply_was_not_used_is_said_after_the_quote_of_the_users_words() -> None:
    """Session 4's closing note: with three week-counts asked, a bare "6" came back as
    'Could not read "6 (which question does it answer: ...?)"', the reader's question
    printed inside the quote of what the user typed. The quote is the user's words alone."""
    # (two bare figures: a single one is now taken for question 1, to confirm)
    turn = chat("does this qualify for 64493?", "6, 8")
    assert '"6": which question does it answer: Physical therapy completed' in turn.reply
    assert '"6 (' not in turn.reply
    assert "pt_weeks" not in turn.facts


def test_an_answer_of_the_wrong_kind_says_which_question_it_does_not_answer() -> None:
    """'26 weeks; 3; yes' for three questions: the "3" is not a yes or no; the reply
    quotes "3" alone and names the question, and the other two answers count."""
    turn = chat("does this qualify for 71250?", "26 weeks; 3; yes")
    assert '"3": not an answer to the question about detailed medical history' in turn.reply
    assert '"3 (' not in turn.reply
    assert turn.facts["symptom_weeks"]["value"] == 26
    assert "chest_history_documented" not in turn.facts


def test_a_study_looked_at_during_the_visit_is_not_dated_by_the_visit() -> None:
    """Found while fixing H&P dates (session 5): in a note dated 11/20/2026, 'MRI reviewed
    at this visit' read the MRI as done on 11/20/2026. The visit dates what it made (the
    H&P), not the study it looked at: the MRI's date is asked."""
    note = "Consult note 11/20/2026\n{}"
    assert "ct_mri_date" not in read(note.format("MRI reviewed at this visit."), "64493")
    assert "ct_mri_date" not in read(note.format("Lumbar CT discussed during today's "
                                                 "encounter."), "62311")
    assert read(note.format("Comprehensive H&P done at this visit."), "64493")[
        "hp_date"] == date(2026, 11, 20)


def test_a_visit_note_with_its_own_history_and_exam_is_that_days_h_and_p() -> None:
    """fresh3/fresh4 notes, studied (session 5): 'Date of visit: 11/10/2026 ... HISTORY:
    ... EXAM: ...' and 'ENCOUNTER 11/30/2026 ... HPI: ... PE: ...' left the H&P date asked
    in complete notes. An exam deferred or not done makes no H&P."""
    note = "Spine clinic note 11/10/2026\nHPI: back pain, worse standing.\nPE: {}"
    assert read(note.format("SLR negative, reflexes 2+."), "62311")["hp_date"] == \
        date(2026, 11, 10)
    assert "hp_date" not in read(note.format("deferred (video visit)."), "62311")
    assert "hp_date" not in read("HPI: back pain.\nPE: SLR negative.", "62311")
    assert read("I saw her on 10/02/2026, when a full history and physical was done.",
                "64493")["hp_date"] == date(2026, 10, 2)


def test_a_failure_said_in_passing_denies_nothing_after_it() -> None:
    """fresh3, studied (session 5): 'inhaled fluticasone-salmeterol for 8 wks also without
    response (bronchodilator failure per pulm)' read no bronchodilator failure (the
    'without' of 'without response' was taken as a denial of what follows)."""
    assert read("Eight weeks of tiotropium, without response (a bronchodilator failure per "
                "pulmonology).", "71250")["bronchodilator_failed"] is True
    assert read("inhaled fluticasone-salmeterol for 8 wks also without response "
                "(bronchodilator failure per pulm).", "71250")["bronchodilator_failed"] is True
    assert read("No relief (PT twice a week for 12 weeks).", "71250")["pt_weeks"] == 12
    assert read("No PT.", "71250")["pt_weeks"] == 0


def test_a_box_marked_na_is_asked() -> None:
    """fresh4, studied (session 5): '[N/A] Pulmonology consult' read the consult on file."""
    assert "specialist_consult_documented" not in read("[N/A] Cardiology consult note", "71250")
    assert "specialist_consult_documented" not in read(
        "[x] Current vitals (11/04)\n[N/A] Pulmonology consult", "71250")
    assert read("[x] Pulmonology consult", "71250")["specialist_consult_documented"] is True


def test_clear_lungs_after_a_denial_deny_no_sign() -> None:
    """fresh4, studied (session 5): 'A: no fever, lungs clear to auscultation.' read no
    signs of pulmonary disease (the denial carried into the clear lungs); a clear exam
    says nothing of the X-ray or the PFTs, and 'not clear' is no denial either."""
    for text in ("Afebrile, no cough, lungs clear bilaterally.",
                 "A: no fever, lungs clear to auscultation.",
                 "Lungs not clear to auscultation."):
        assert "pulmonary_disease_signs" not in read(text, "71250"), text
    assert read("No fever; crackles at both bases.", "71250")["pulmonary_disease_signs"] is True


def test_a_referral_to_a_consultant_is_no_consult_on_file() -> None:
    """Open since session 4, and fresh4 (session 5): 'PCP referred her for a pain consult'
    read a pain or PCP consult on file (62311); 'Specialist notes: none received' read a
    specialist's consult on file (64493). A referral, a wish or a wait is no consult note;
    notes said not received are none."""
    assert "pain_or_pcp_consult_documented" not in read(
        "PCP referred her for a pain consult.", "62311")
    assert "pain_or_pcp_consult_documented" not in read(
        "Her family doctor has referred her to pain management for a consult.", "62311")
    assert "specialist_consult_documented" not in read(
        "Dr. Ruiz referred him to a spine specialist last week.", "64493")
    assert "specialist_consult_documented" not in read("He wants to see a specialist.", "64493")
    assert "specialist_consult_documented" not in read("Still waiting on the specialist.", "64493")
    assert read("Outside records: PCP note scanned to chart. Specialist notes: none received.",
                "64493")["specialist_consult_documented"] is False
    assert read("The specialist's notes are not in the packet.", "64493")[
        "specialist_consult_documented"] is False
    assert read("Referred by PCP. Pain management consult note attached.", "62311")[
        "pain_or_pcp_consult_documented"] is True
    # an imaging study not enclosed may still have been done: asked, not "never"
    assert "ct_mri_date" not in read("MRI not enclosed.", "64493")


def test_a_nodule_or_an_opacity_alone_is_asked() -> None:
    """fresh2, fresh3, fresh4, studied (session 5): 'Reason for exam: 3 mm RUL nodule on
    CXR', 'f/u of 8 mm RUL nodule', 'persistent RML opacity on three chest X-rays' read
    signs of pulmonary disease, which the corpus asks (and elsewhere states: a reviewer
    judges it). A denied nodule denies no other sign."""
    for text in ("Outpatient CT chest for surveillance of a 5 mm LUL nodule.",
                 "Reason for exam: 3 mm RUL nodule on CXR 10/29/2026; follow-up per Fleischner.",
                 "Persistent RML opacity on three chest X-rays over 10 weeks.",
                 "No nodules on today's chest film."):
        assert "pulmonary_disease_signs" not in read(text, "71250"), text
    assert read("CXR: no nodule. Exam: rhonchi bilaterally.", "71250")[
        "pulmonary_disease_signs"] is True


_ED_NOTE = """ED NOTE
Date of service: 11/18/2026
PAGES: 3
PT NAME: [REDACTED]  DOB: 04/02/1961
CC: low back pain x 8 months, worse with extension.
Exam: T 98.9 HR 88 BP 148/92. Lumbar facet loading positive.
Conservative care total about 16 weeks, details unclear.
Follow-up: PCP Dr. Lin in 1 week"""


def test_a_pasted_notes_headers_and_vitals_are_not_listed_as_unreadable() -> None:
    """Outside tester (session 5), C3: every header of a pasted note with a number in it
    came back as 'could not read' ("Date of service: 11/18/2026", "PAGES: 3", "Exam: T
    98.9 HR 88 BP 148/92"), 7-12 lines per note drowning the few that matter. A note's
    clause is listed only when it names a fact or gives a duration, score or measure."""
    u = _reading(_ED_NOTE, "64493")
    listed = " | ".join(x.words for x in u.unread)
    for header in ("Date of service", "PAGES", "DOB", "BP 148/92"):
        assert header not in listed, listed
    read = " | ".join(r.words for r in u.facts)
    assert "16 weeks" in listed or "16 weeks" in read


def test_a_short_message_still_lists_every_figure_it_could_not_read() -> None:
    """The filter is for pasted notes: a message typed to the assistant means every
    figure in it ("room 12, seen 3 times")."""
    u = _reading("seen 3 times at the clinic", "64493")
    assert [x.words for x in u.unread] == ["seen 3 times at the clinic"]


def test_a_value_out_of_range_names_the_fact_by_its_label_once() -> None:
    """Outside tester (session 5), C8: 'could not read "course 12 weeks in 2026
    (pt_courses_failed: 2026 courses is out of range; ...)"': the fact's internal key was
    shown to the user, and the clause was listed a second time with no reason."""
    u = _reading("failed 25 courses of PT", "64493")
    assert len(u.unread) == 1, u.unread
    assert u.unread[0].why.startswith("Failed courses of physical therapy: 25 courses")
    assert "pt_courses_failed" not in u.unread[0].why


def test_an_add_on_code_beside_the_code_asked_about_is_no_error() -> None:
    """Outside tester (session 5), C7: `check --cpt 64493` on a fax headed "(64493, 64494)"
    printed "no policy for CPT 64494 ...": the add-on level code on the same request was
    read as a request for another procedure (the "64493," before it was not even seen as
    a code, because a comma after five digits was taken for a thousands separator)."""
    u = _reading("REQUEST FOR AUTH - LUMBAR FACET INJ L4-5 BILAT (64493, 64494).", "64493")
    assert u.unknown_code is None and u.cpt in (None, "64493")
    assert _reading("what about 64494?", "64493").unknown_code == "64494"
    wbc = _reading("WBC 16,200, T 38.9 C", "71250")
    assert wbc.unknown_code is None and ("wbc_count", "16200") in [(r.fact, str(r.value))
                                                                     for r in wbc.facts]


# ------------------------------------------- outside tester (session 5): corrections

_MEETS_64493 = ("does this qualify for 64493?", "low back", "14, 8, 3", "3, 5 months, 9/15/26",
                "MRI was 10/2/26 and xrays 8/1/26. PT notes yes", "yes, yes, 7/10",
                "yes, yes, yes", "1, 2, no", "male, none, no",
                "nerve block 9/30/26, PCP and specialist consults on file")


def _value(turn: Turn, fact: str) -> object:
    return turn.facts[fact]["value"] if fact in turn.facts else None


def test_pt_was_x_not_y_corrects_the_fact_whose_value_was_y() -> None:
    """Outside tester (session 5), F2: 'sorry, PT was 6 weeks not 8' turned the total PT
    14 -> 6 (meets -> does not meet) although the only answer that was 8 was the
    supervised exercise. The value taken back names the fact corrected."""
    turn = chat(*_MEETS_64493, "sorry, PT was 6 weeks not 8")
    assert _value(turn, "pt_weeks") == 14
    assert _value(turn, "pt_exercise_weeks") == 6
    assert "Supervised exercise and stretching (within PT): 8 weeks → 6 weeks" in turn.reply
    assert turn.decision == "meets_criteria"
    # the total named with its own old value still corrects the total
    turn = chat(*_MEETS_64493, "sorry, PT was 12 weeks not 14")
    assert (_value(turn, "pt_weeks"), _value(turn, "pt_exercise_weeks")) == (12, 8)
    # no answer was 9: which fact it corrects is asked, nothing changes
    turn = chat(*_MEETS_64493, "sorry, 6 weeks not 9")
    assert (_value(turn, "pt_weeks"), _value(turn, "pt_exercise_weeks")) == (14, 8)
    assert "none of the answers so far had that value" in turn.reply


def test_a_retracted_infection_that_was_the_wifes_is_no_longer_the_patients() -> None:
    """Outside tester (session 5), F4: 'no wait, I misread, the infection was his wife.
    he has no infection' kept 'Active infection: yes' and asked which holds now. The
    latest plain statement about the patient wins; the wife's infection is not his."""
    turn = chat(*_MEETS_64493, "yes he has an active infection",
                "no wait, I misread, the infection was his wife. he has no infection")
    assert _value(turn, "active_infection") is False
    assert "Active infection: yes → no" in turn.reply
    assert turn.decision == "meets_criteria"
    # other words for the same retraction
    assert "active_infection" not in read("sorry, the UTI was her husband's", "64493",
                                          known={"active_infection": True})
    assert read("He has an infection. Scratch that, he has no infection.", "64493")[
        "active_infection"] is False
    assert read("No infection. Sorry, he does have an infection.", "64493")[
        "active_infection"] is True
    # without a retraction between them the two statements are still asked about
    assert "active_infection" not in read("He has an infection. He has no infection.", "64493")


def test_a_consult_only_recommended_is_no_consult_on_file() -> None:
    """Found while adding consult phrases (session 5): 'Ortho consult recommended.' read a
    specialist consult on file. A recommendation, advice or suggestion is not done yet."""
    assert "specialist_consult_documented" not in read("Ortho consult recommended.", "97110")
    assert "specialist_consult_documented" not in read("Spine consult advised.", "64493")
    assert "pain_or_pcp_consult_documented" not in read(
        "A pain management consult was suggested.", "62311")
    assert read("PCP consult (Dr. Haines) and pain consult (Dr. Farouk) both attached.",
                "64493")["specialist_consult_documented"] is True


def test_this_admission_for_pneumonia_is_not_a_previous_one() -> None:
    """fresh4, studied (session 5): 'B: pt admitted 11/12 with CAP, on
    ceftriaxone/azithromycin' and 'pt on IV abx for suspected pneumonia' read a previous
    pneumonia needing hospitalization; they may be this episode, so it is asked. A dated
    or named past one is still read."""
    for text in ("Admitted two days ago with pneumonia, on IV antibiotics.",
                 "B: pt admitted 11/12 with CAP, on ceftriaxone/azithromycin.",
                 "pt on IV abx for suspected pneumonia"):
        assert "pneumonia_hospitalization" not in read(text, "71250"), text
    for text in ("Hx: hospitalized for CAP in 2023, 5 days of IV abx.",
                 "Admitted for pneumonia 03/2026, IV antibiotics x 7 days.",
                 "Prior admission for pneumonia with IV antibiotics."):
        assert read(text, "71250")["pneumonia_hospitalization"] is True, text
    assert read("Never hospitalized for pneumonia.", "71250")["pneumonia_hospitalization"] is False


def test_quoted_email_lines_called_old_are_history() -> None:
    """fresh4, studied (session 5): 'Updated labs below - the WBC in Kim's note is from
    admission.' above a quoted '> WBC 16.3, T 38.4, pt on IV abx for suspected pneumonia'
    read the temperature and the pneumonia as current. Quoted lines the new message
    leaves alone, or says the rest of which stands, are still read."""
    old = ("New vitals are not back yet; the numbers in the forwarded note are from her "
           "admission.\n\n> Sent: 11/10/2026\n> T 38.9, WBC 17.2, bacterial pneumonia on CXR")
    facts = read(old, "71250")
    assert not {"body_temperature", "wbc_count", "bacterial_pneumonia"} & set(facts)
    facts = read("Updated labs below - the WBC in Kim's note is from admission.\nCBC 11/22: "
                 "WBC 9.8\n\n> From: Kim  Sent: 11/19/2026\n> WBC 16.3, T 38.4", "71250")
    assert facts["wbc_count"] == 9800 and "body_temperature" not in facts
    assert read("FYI, see below.\n> T 38.4 C today", "71250")["body_temperature"] == \
        expect("body_temperature", "38.4 C")
    assert read("The CXR quoted below is out of date; everything else is unchanged.\n"
                "> T 38.4 C today", "71250")["body_temperature"] == \
        expect("body_temperature", "38.4 C")


def test_range_of_motion_said_not_decreased_is_not_a_decreased_range_of_motion() -> None:
    """Outside tester (session 5): 'Range of motion is not decreased.' and 'ROM not
    decreased.' read decreased range of motion, meeting 64493's exam criterion. 'ROM'
    alone names the exam, not its finding: only a word saying it is decreased states it."""
    for text in ("Chronic LBP 6 months. Range of motion is not decreased.",
                 "ROM not decreased. Gait antalgic.",
                 "Her lumbar ROM is not limited on exam today."):
        assert read(text, "64493").get("decreased_rom") is not True, text
    assert "decreased_rom" not in read("Lumbar ROM assessed at this visit.", "64493")
    assert read("Lumbar range of motion: reduced in extension.", "64493")["decreased_rom"] is True
    assert read("Exam: dec'd lumbar ROM in flexion.", "64493")["decreased_rom"] is True


def test_a_failed_medication_count_with_another_items_verdict_unread_is_asked() -> None:
    """Open since session 3 (fresh2, fresh3): a faxed list '- Meloxicam ... x 10 wks --
    fail\\ned / - Medrol dosepak 7/2026 -- no benefit' and a med list 'naproxen 500 mg BID -
    d/c 06/2026, ineffective / methylprednisolone dosepak - completed, no lasting relief'
    read 1 failed medication course where 2 failed: the other item's verdict was not read.
    Another item with words of how it went and no failure read makes the count asked; a drug
    stopped for a side effect or still taken does not."""
    fax = ("PRIOR TX:\n- Meloxicam 15 mg daily x 10 wks -- fail\ned\n"
           "- Medrol dosepak 7/2026 -- no benefit\n")
    assert "medication_courses_failed" not in read(fax, "64493")
    text = ("Prior meds:\n- celecoxib 200 mg for six weeks, pain unchanged\n"
            "- prednisone taper in August, failed\n")
    assert "medication_courses_failed" not in read(text, "64493")
    assert read("Gabapentin 300 TID x 8 wks failed; then tizanidine qhs, stopped for "
                "dizziness.", "64493")["medication_courses_failed"] == 1
    assert read("Meds: naproxen 500 BID (failed) | duloxetine 30 mg daily | acetaminophen "
                "PRN", "64493")["medication_courses_failed"] == 1
    # "no lasting relief" is a failure: both count
    assert read("Failed meloxicam x 6 wks, and a Medrol dosepak in Sept - no lasting "
                "benefit.", "64493")["medication_courses_failed"] == 2


def test_a_month_correcting_a_stored_date_sets_the_old_date_aside_and_asks_the_day() -> None:
    """Outside tester (session 5), F5: 'actually the MRI was in March' with an October MRI
    stored asked 'which date exactly?' yet kept counting the October MRI, so the case
    still met the criteria. The old date is set aside and the day is asked (a month is
    never stored as a day); the day given then decides."""
    turn = chat(*_MEETS_64493, "actually the MRI was in March")
    assert "ct_mri_date" not in turn.facts
    assert "2026-10-02 → set aside; asked again" in turn.reply
    assert turn.decision == "needs_info" and turn.pending[0] == "ct_mri_date"
    turn = chat(*_MEETS_64493, "actually the MRI was in March", "the MRI was March 2026")
    assert turn.reply.count("could not use") + turn.reply.count("could not read") <= 1
    assert turn.decision == "needs_info"
    turn = chat(*_MEETS_64493, "actually the MRI was in March", "3/15/26")
    assert _value(turn, "ct_mri_date") == "2026-03-15"
    assert turn.decision == "does_not_meet"
    # the month the stored date is in takes nothing back
    turn = chat(*_MEETS_64493, "sorry, the MRI was in October")
    assert _value(turn, "ct_mri_date") == "2026-10-02" and turn.decision == "meets_criteria"
    # a note's earlier study is not a correction of the one stored
    assert understand("Long note: she had a lumbar MRI in March at an outside facility, "
                      "report pending, and PT is ongoing with little change.", cpt="64493",
                      pending=[], as_of=AS_OF, known={"ct_mri_date": "2026-10-02"}
                      ).withdrawn == []


def test_a_topic_asked_about_is_no_answer() -> None:
    """fresh4, studied (session 5): a voicemail 'You asked about infections - I had
    cellulitis on my leg back in August but that's all cleared up, nothing now.' read an
    active infection from the question's topic."""
    for text in ('"You were asking about infections: the wound infection I had back in '
                 'June has all cleared up."',
                 "VM from pt: \"You asked about infections - I had cellulitis on my leg back "
                 "in August\nbut that's all cleared up, nothing now.\""):
        assert read(text, "97110").get("active_infection") is not True, text
    assert read("Cellulitis of the left shin, on cephalexin.", "97110")["active_infection"] is True


def test_a_condition_recovered_from_is_not_a_severe_comorbidity() -> None:
    """fresh3, studied (session 5): 'Prior hx of severe heart failure (EF 25%) - recovered
    after treatment, EF 55% now' read a severe cardiovascular disease."""
    for text in ("Severe cardiomyopathy in 2022, fully recovered, EF now normal.",
                 "Prior hx of severe heart failure (EF 25%) - recovered after treatment, EF "
                 "55% now; cardiology clears for PT."):
        assert "severe_comorbidities" not in read(text, "97110"), text
    assert read("Severe CHF, EF 20%.", "97110")["severe_comorbidities"] == {
        "cardiovascular_disease"}


def test_what_an_old_study_showed_is_history() -> None:
    """fresh3, studied (session 5): 'MRI L knee in 2023 showed a meniscal tear; no MRI
    since.' read a current musculoskeletal condition from a three-year-old finding."""
    for text in ("Shoulder ultrasound in 2022 revealed tendinitis.",
                 "MRI L knee in 2023 showed a meniscal tear; no MRI since."):
        assert "musculoskeletal_condition" not in read(text, "97110"), text
    assert read("MRI 10/2026 showed a meniscal tear.", "97110")[
        "musculoskeletal_condition"] is True


def test_a_resolved_section_header_on_its_own_line_makes_its_lines_past() -> None:
    """fresh3, studied (session 5): a problem list with 'RESOLVED' on a line of its own
    over '- Cellulitis L leg (resolved 08/2026)' and '- Pregnancy (delivered 2019)' read an
    active infection and a pregnancy now. A header without a colon counts where its name
    is a section's; a plain short line of a list is no header."""
    past = read("Inactive problems\n- Septic knee 2023, treated\n- Pregnancy, delivered 2021\n",
                "64493")
    assert "active_infection" not in past and "pregnancy" not in past
    facts = read("RESOLVED\n- Cellulitis L leg (resolved 08/2026)\n- Pregnancy (delivered 2019)",
                 "64493")
    assert "active_infection" not in facts and "pregnancy" not in facts
    # an active problem above the resolved ones is still read
    assert read("ACTIVE PROBLEMS\n- Cellulitis R foot, on Keflex\nRESOLVED\n- UTI 2024",
                "64493")["active_infection"] is True


def test_words_about_someone_else_are_said_to_be_so_not_bounced_back() -> None:
    """Outside tester (session 5), C6: 'Lives with wife who is 20 weeks pregnant' came back
    as 'Could not read ...; please say it another way', as if the nurse should rephrase a
    fact about the wife; in a chat with PT questions open, 'her husband had PT for 8 weeks'
    was offered as an answer ('which question does it answer?'). Neither is the patient's:
    the reply says so, and nothing is read."""
    u = _reading("Lives with wife who is 20 weeks pregnant.", "64493")
    assert not u.facts
    assert [x.why for x in u.unread] == ["it is about someone other than the patient"]
    turn = chat("does this qualify for 64493?", "low back", "her husband had PT for 8 weeks")
    assert "pt_weeks" not in turn.facts
    assert '"her husband had PT for 8 weeks": it is about someone other than the patient' \
        in turn.reply
    assert "which question does it answer" not in turn.reply


def test_diabetes_nobody_called_severe_is_not_a_severe_comorbidity_even_as_an_answer() -> None:
    """Outside tester (session 5): with the comorbidity question open, 'wait, she does have
    diabetes, well controlled on metformin, A1c 6.8' read severe diabetes (the case became
    final 'does not meet') while the same reply asked 'diabetes: is it severe?'. A
    condition the reading asks about is not also the question's answer."""
    pending = ["severe_comorbidities"]
    for text in ("wait, she does have diabetes, well controlled on metformin, A1c 6.8",
                 "oh and he's diabetic, diet controlled"):
        u = _reading(text, "64493", pending)
        assert "severe_comorbidities" not in {r.fact for r in u.facts}, text
        assert any("severe" in x.why for x in u.unread), text
    assert read("she has severe COPD, on home oxygen", "64493", pending)[
        "severe_comorbidities"] == expect("severe_comorbidities", ["copd"])
    assert read("none", "64493", pending)["severe_comorbidities"] == expect(
        "severe_comorbidities", [])


def test_a_repeat_measurement_is_the_current_one() -> None:
    """fresh3, studied (session 5): 'WBC 17.1 - correction, lab called back: first sample
    clotted, repeat WBC 13.4.' read the clotted sample's 17.1 (over the 15,000 limit)."""
    assert read("White count 16.8 on the first draw (hemolyzed). Redrawn: WBC 12.9.",
                "71250")["wbc_count"] == 12900
    assert read("WBC 17.1 - correction, lab called back: first sample clotted, repeat WBC "
                "13.4.", "71250")["wbc_count"] == 13400
    assert read("WBC 13.4, repeat CBC in AM.", "71250")["wbc_count"] == 13400


def test_a_problem_number_is_no_pain_score_and_pt_asking_is_the_patient() -> None:
    """fresh5, studied (session 5): problem-oriented notes '#1 Chronic LBP' and '#1 LBP -
    facet' read a pain score of 1; '#2 Request is for pain - NOT cosmetic (pt asked about
    botox ...)' read 'no PT' (0 weeks, 0 courses) from the patient who asked."""
    assert "pain_nrs" not in read("#3 Lumbar facet arthropathy, chronic LBP.", "64493")
    assert "pain_nrs" not in read("#1 LBP - facet.", "64493")
    assert read("#1 Low back pain, NRS 6/10.", "64493")["pain_nrs"] == 6
    facts = read("Not for cosmetic reasons (pt told us she also wants filler for wrinkles).",
                 "64493")
    assert "pt_weeks" not in facts and "pt_courses_failed" not in facts
    assert "pt_weeks" not in read("Request is for pain - NOT cosmetic (pt asked about botox for "
                                  "\"neck lines\" separately, declined).", "64493")


# ---------------------------------------------- outside tester (session 5): answers

_TO_WEEKS = ("does this qualify for 64493?", "low back")  # then: PT total / exercise / manual


def test_numbered_answers_answer_the_questions_with_their_numbers() -> None:
    """Outside tester (session 5), M2: '1. 3 2. 5 months 3. 9/15/26' to three numbered
    questions was refused; the same answers as '3, 5 months, 9/15/26' were read."""
    turn = chat(*_TO_WEEKS, "14, 8, 3", "1. 3 2. 5 months 3. 9/15/26")
    assert (_value(turn, "pt_education_weeks"), _value(turn, "hp_date")) == (3, "2026-09-15")
    assert _value(turn, "symptom_weeks") == pytest.approx(21.74, abs=0.1)
    # one per line with parentheses, and a question skipped by its number
    turn = chat(*_TO_WEEKS, "1) 12 weeks\n3) 4")
    assert (_value(turn, "pt_weeks"), _value(turn, "pt_manual_weeks")) == (12, 4)
    assert "pt_exercise_weeks" not in turn.facts


def test_fewer_answers_than_questions_answer_them_in_order() -> None:
    """Outside tester (session 5), M3: 'yes, yes' to decreased ROM / impaired gait /
    failed conservative came back twice as 'which question does it answer?'. Answers in
    order; the third question stays open."""
    turn = chat(*_MEETS_64493[:6], "yes, yes")
    assert (_value(turn, "decreased_rom"), _value(turn, "impaired_balance_gait")) == (True, True)
    assert "failed_conservative" not in turn.facts and "failed_conservative" in turn.pending
    assert "which question" not in turn.reply


@pytest.mark.parametrize("reply", ["I don't know", "not sure", "unknown", "I dont know",
                                   "don't know the breakdown"])
def test_not_sure_naming_no_question_answers_the_first_question_shown(reply: str) -> None:
    """Outside tester (session 5), M4: 'I don't know', 'not sure', 'unknown', 'don't know
    the breakdown' with three questions open were refused ('which question does it
    answer?'). The README promises "not sure" is an answer. Taken for all three, it
    dropped questions the user could answer (session 6, C10: "she was unsure about the
    first question"): it answers the first question shown; the others stay asked."""
    turn = chat(*_TO_WEEKS, reply)
    assert "pt_weeks" in turn.facts and turn.facts["pt_weeks"]["value"] is None
    assert "pt_weeks" not in turn.pending
    for fact in ("pt_exercise_weeks", "pt_manual_weeks"):
        assert fact not in turn.facts and fact in turn.pending, fact
    assert "which question" not in turn.reply and "could not" not in turn.reply.lower()
    # naming one question, it answers that one only
    turn = chat(*_TO_WEEKS, "not sure about the supervised exercise")
    assert "pt_weeks" not in turn.facts
    # "any of them" answers every question just asked
    turn = chat(*_TO_WEEKS, "not sure about any of them")
    for fact in ("pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"):
        assert fact in turn.facts and turn.facts[fact]["value"] is None, fact


def test_a_bare_answer_several_questions_could_take_is_the_first_to_confirm() -> None:
    """Outside tester (session 5), C1: a bare '14' with three week-questions open was
    refused every time. It is taken for the first question it fits, as an inference:
    the reply says which question, asks 'is that right?', and the checker does not use
    it until the user says yes; 'no' discards it."""
    turn = chat(*_TO_WEEKS, "14")
    assert turn.facts["pt_weeks"]["origin"] == "inferred"
    assert "pt_weeks" not in turn.verdict["facts"]
    assert 'I read "14" as Physical therapy completed: 14 weeks — is that right?' in turn.reply
    assert "Physical therapy completed: 14 weeks (please confirm)" in turn.reply
    assert "could not" not in turn.reply.lower()
    turn = chat(*_TO_WEEKS, "14", "yes")
    assert turn.facts["pt_weeks"]["origin"] == "confirmed" and turn.verdict["facts"]["pt_weeks"]
    turn = chat(*_TO_WEEKS, "14", "no")
    assert "pt_weeks" not in turn.facts
    # never for a correction: which stored fact it corrects is asked
    turn = chat(*_TO_WEEKS, "14, 8, 3", "actually it was 6")
    assert all(v["origin"] != "inferred" for v in turn.facts.values())


def test_courses_of_conservative_care_with_no_word_of_how_they_went_are_not_failed_ones() -> None:
    """Found while reading '2 courses each over 6 wks' (session 5): under 62311 'She
    completed two courses of conservative care.' read 2 failed courses, as PT courses did
    under 64493 before. A failure said anywhere in the message counts them; 'each over 6
    wks' after the count says how long each was, not that there were more."""
    assert "conservative_courses_failed" not in read(
        "She completed two courses of conservative care.", "62311")
    assert read("Conservative care: 2 courses each over 6 wks with no improvement.", "62311")[
        "conservative_courses_failed"] == 2
    assert "conservative_courses_failed" not in read("Failed PT and NSAIDs, 2 courses each.",
                                                     "62311")


def test_one_failed_injection_is_not_the_whole_conservative_failure_under_97110() -> None:
    """97110, fresh2 and fresh5, studied (session 5): 'Subacromial corticosteroid injection
    on 06/18/2026 gave her no relief whatsoever.', 'Failed a cortisone injection sometime
    in 2025, and failed Celebrex' read that the condition failed to respond to
    conservative treatment, which those labels ask (others state it: asked). The
    injection's date is still the last failed treatment's."""
    facts = read("She had a cortisone shot in the right knee on 10/02/2026 that did nothing.",
                 "97110")
    assert "failed_conservative" not in facts
    facts = read("Subacromial corticosteroid injection on 06/18/2026 gave her no relief "
                 "whatsoever.", "97110")
    assert "failed_conservative" not in facts
    assert facts["last_failed_conservative_date"] == expect("last_failed_conservative_date",
                                                            "2026-06-18")
    assert read("Naproxen x 8 wks and a CSI 9/1/26 - none of it helped.", "97110")[
        "failed_conservative"] is True


def test_two_courses_each_named_in_one_sentence_and_a_stated_total() -> None:
    """Open since session 4: 'PT #1 (8 wks), PT #2 (6 wks): 14 wks total' read 6 weeks of
    PT (the 'total' beside the 6 was taken as the 6's); with no total, 'PT #1 (8 wks), PT #2
    (6 wks)' read 8. A stated total wins; two lengths each named in one sentence with no
    total are asked."""
    assert read("Physio block one (8 weeks), physio block two (5 weeks): 13 weeks total.",
                "64493")["pt_weeks"] == expect("pt_weeks", "13 weeks")
    assert read("PT #1 (8 wks), PT #2 (6 wks): 14 wks total", "64493")["pt_weeks"] == \
        expect("pt_weeks", "14 weeks")
    assert "pt_weeks" not in read("PT in the spring for 8 weeks, PT again in the fall for 6 "
                                  "weeks.", "64493")
    assert "pt_weeks" not in read("PT #1 (8 wks), PT #2 (6 wks)", "64493")
    assert read("PT: total of 12 weeks", "64493")["pt_weeks"] == expect("pt_weeks", "12 weeks")


def test_an_approximate_total_of_conservative_care_beats_one_drugs_weeks() -> None:
    """Outside tester (session 5): 'Conservative care to date: home exercise program,
    naproxen 500 mg BID x 8 weeks (minimal relief), activity modification, bracing --
    total about 16 weeks.' read 8 weeks of conservative care (does not meet 97110's 12):
    the 8 weeks are the naproxen's; the total, even 'about', is the care's."""
    assert read("Conservative care to date: home exercise program, naproxen 500 mg BID x 8 "
                "weeks (minimal relief), activity modification, bracing — total about 16 "
                "weeks.", "97110")["conservative_weeks"] == expect("conservative_weeks", 16)
    assert read("Conservative treatment: ibuprofen x 6 weeks, then a home program and a "
                "brace, roughly 14 weeks in all.", "97110")["conservative_weeks"] == expect(
        "conservative_weeks", 14)
    # a total of weeks is no count of courses
    assert read("He completed two courses of physical therapy, 14 weeks in all; neither "
                "helped.", "64493").get("pt_courses_failed") != 14


def test_a_correction_that_is_applied_is_not_also_refused() -> None:
    """Outside tester (session 5), C2: 'sorry pain went from 5 to 6, not 8' (62311)
    replied 'Updated: Change in pain score: 3 points → 1 point' and also 'Could not use
    "5 to 6, not 8": none of the answers so far had that value'. The figures the update
    used correct nothing else; one reply, one reading."""
    turn = chat("does this qualify for 62311?",
                "none, pain went from 5 to 8, no improvement on ODI",
                "sorry pain went from 5 to 6, not 8")
    assert "3 points → 1 point" in turn.reply
    assert "could not" not in turn.reply.lower()
    assert (_value(turn, "pain_nrs_baseline"), _value(turn, "pain_nrs_increase")) == (5, 1)


@pytest.mark.parametrize("score", ["7/10", "7 out of 10"])
def test_a_bare_pain_score_before_pain_is_asked_is_the_pain_score(score: str) -> None:
    """Outside tester (session 5), M6: '7/10' while the PT weeks were asked was refused
    ('please say it another way'). A figure out of ten that no pending question takes is
    the policy's one current pain score; where the policy has two scores (62311's
    baseline and change) it stays unread."""
    turn = chat(*_TO_WEEKS, score)
    assert _value(turn, "pain_nrs") == 7 and "could not" not in turn.reply.lower()
    assert "pt_weeks" not in turn.facts
    assert "pain_nrs_baseline" not in chat("does this qualify for 62311?", score).facts
    # a stored score is not replaced by a bare figure
    assert read("6/10", "64493", ["pt_weeks"], known={"pain_nrs": 7}).get("pain_nrs") is None


def test_the_words_of_the_question_asked_answer_it_though_another_fact_has_them() -> None:
    """Outside tester (session 5), M5: 'all the PT notes, med list and modalities are in
    the chart' to PT notes / med list / modalities recorded were read for the first two
    only ('modalities' is also a word of the manual-therapy weeks), and the modalities
    were asked again."""
    turn = chat(*_MEETS_64493[:4], "MRI was 10/2/26 and xrays 8/1/26",
                "all the PT notes, med list and modalities are in the chart")
    assert [_value(turn, f) for f in ("pt_notes_documented", "medication_list_documented",
                                      "modalities_documented")] == [True, True, True]
    assert "modalities_documented" not in turn.pending
    assert "pt_manual_weeks" in turn.facts and _value(turn, "pt_manual_weeks") == 3


def test_a_value_said_to_be_another_patients_is_not_read() -> None:
    """fresh5, studied (session 5): 'The WBC of 19 you saw is my 2pm patient; this
    patient's hasn't resulted yet' read a WBC of 19,000 (over the limit)."""
    assert "body_temperature" not in read("That temp of 39.2 was my 10am patient.", "71250")
    facts = read("no pneumonia on the CXR. temp 37.4. The WBC of 19 you saw is my 2pm "
                 "patient; this patient's hasn't resulted yet", "71250")
    assert "wbc_count" not in facts
    assert facts["body_temperature"] == expect("body_temperature", "37.4 C")


def test_a_result_said_to_be_a_relative_s_is_not_read() -> None:
    """fresh13/fresh14/f10 (session 11): 'the WBC 18.2 on this encounter belongs to the
    patient's son ... filed here in error' read a WBC over the limit; 'the PFTs in the
    packet (FEV1 92% predicted) belong to the patient's wife' an FEV1."""
    for text in ("UC addendum: the WBC 18.2 on this encounter belongs to the patient's son "
                 "(seen at the same visit, strep pharyngitis) and was filed here in error.",
                 "Note: WBC 17.9 belongs to her daughter, seen the same day.",
                 "Labs faxed 11/20 (WBC 16,400) were filed under his MRN in error."):
        assert "wbc_count" not in read(text, "71250"), text
    for text in ("Tumor board prep note: the PFTs in the packet (FEV1 92% predicted, 08/2026) "
                 "belong to the patient's wife and were filed under his MRN in error.",
                 "The spirometry (FEV1 88% predicted) belongs to his brother."):
        assert "fev1_percent_predicted" not in read(text, "71250"), text
    # the patient's own figure in a sentence about a relative's is still read
    assert read("Her son's WBC was 18; hers is 9.1.", "71250").get("wbc_count") != \
        expect("wbc_count", 18000)


def test_a_question_asked_states_nothing() -> None:
    """fresh5, studied (session 5): 'Reviewer asked if purely cosmetic - surgeon: no, it's
    for his symptoms.' read a cosmetic purpose from the reviewer's question."""
    for text in ("The payer asked whether this is cosmetic; the surgeon says it is for "
                 "his breathing.",
                 "Reviewer asked if purely cosmetic - surgeon: no, it's for his symptoms."):
        assert read(text, "71250").get("cosmetic_purpose") is not True, text


def test_an_infection_said_to_be_over_is_not_active() -> None:
    """fresh5, studied (session 5): 'The infection of the tooth is finish, he take
    antibiotic 7 days' read an active infection."""
    for text in ("Her chest infection is over; antibiotics done last week.",
                 "The infection of the tooth is finish, he take antibiotic 7 days, last day "
                 "was the 10 of november. Now no fever."):
        assert read(text, "97110").get("active_infection") is not True, text


def test_the_new_email_over_the_lines_it_quotes() -> None:
    """fresh4, studied (session 5): a quoted '> ... before a cosmetic repair consult.'
    under 'Update 11/25: ... the surgeon says the repair is for cardiopulmonary
    compromise, NOT cosmetic.' read a cosmetic purpose."""
    assert read("> Request 10/2: CT chest to plan a cosmetic chest wall repair.\nUpdate: "
                "surgeon confirms it is not cosmetic, the repair is for his dyspnea.",
                "71250")["cosmetic_purpose"] is False
    assert read("> Original request (10/30): CT chest for pectus excavatum measurement "
                "(Haller index)\n> before a cosmetic repair consult.\nUpdate 11/25: patient "
                "now also reports exertional dyspnea; the surgeon says the repair\nis for "
                "cardiopulmonary compromise, NOT cosmetic.", "71250")["cosmetic_purpose"] is False


def test_a_line_about_failed_drugs_is_no_medication_list_with_dosages() -> None:
    """Outside tester (session 5): 'Meds: failed celecoxib; prednisone burst in 2025 did
    not help.' read a medication list with dosages on file (64493 asks for the list and
    its dosages); a 'Meds:' line is that list only where it gives doses."""
    for text in ("Meds: failed celecoxib; prednisone burst in 2025 did not help.",
                 "Medications: tried tramadol and gabapentin, neither helped."):
        assert "medication_list_documented" not in read(text, "64493"), text
    assert read("Meds: ibuprofen 800 mg TID, gabapentin 300 mg qhs.", "64493")[
        "medication_list_documented"] is True
    assert "medication_list_documented" not in read("LBP. Med list is missing doses.", "64493")


def test_pt_notes_still_awaited_are_not_on_file() -> None:
    """Outside tester (session 5): 'PT notes not in the chart yet; will request.' and 'Still
    waiting on the PT progress notes.' read the PT notes on file, and with the rest of the
    case the chat said 'Meets the criteria'."""
    assert read("PT notes not in the chart yet; will request.", "64493").get(
        "pt_notes_documented") is not True
    assert read("Therapy notes are not on file yet.", "64493").get(
        "pt_notes_documented") is not True
    assert "pt_notes_documented" not in read("LBP. Still waiting on the PT progress notes.",
                                             "64493")
    assert read("PT progress notes on file.", "64493")["pt_notes_documented"] is True


def test_a_study_the_policy_excludes_keeps_its_own_date() -> None:
    """fresh5, studied (session 5): 'MRI lumbar 06/05/2026, CT abd/pelvis 10/10/2026 for a
    kidney stone' read the spine CT/MRI date as 10/10/2026: the abdominal CT is excluded,
    and its date went to the MRI before it."""
    assert read("Lumbar MRI 5/2/2026; then CT of the abdomen and pelvis on 9/9/2026 for "
                "appendicitis.", "64493")["ct_mri_date"] == expect("ct_mri_date", "2026-05-02")
    assert read("MRI lumbar 06/05/2026, CT abd/pelvis 10/10/2026 for a kidney stone.",
                "64493")["ct_mri_date"] == expect("ct_mri_date", "2026-06-05")
    assert read("MRI L-spine 06/05/2026, CT chest 10/10/2026.", "62311")["ct_mri_date"] == \
        expect("ct_mri_date", "2026-06-05")


def test_values_under_another_rooms_header_are_that_patients() -> None:
    """fresh3, studied (session 5): 'Room 4 (Ms. Diaz): T 39.1 C, WBC 18.2. Room 5 - this
    request - Mr. Olsen: T 37.0 C, WBC 8.9k' read Ms. Diaz's fever and WBC. Two headed
    beds with neither marked as this request are asked."""
    facts = read("Bed 7 (Mr. Hale): temp 38.8, WBC 16.0.\nBed 9, this patient: temp 36.9, "
                 "WBC 7.2.", "71250")
    assert facts["body_temperature"] == expect("body_temperature", "36.9 C")
    assert facts["wbc_count"] == 7200
    facts = read("Room 4 (Ms. Diaz): T 39.1 C, WBC 18.2. Room 5 - this request - Mr. Olsen: "
                 "T 37.0 C, WBC 8.9k.", "71250")
    assert facts["body_temperature"] == expect("body_temperature", "37.0 C")
    assert facts["wbc_count"] == 8900
    assert "body_temperature" not in read("Bed 12: T 38.9. Bed 14: T 37.1.", "71250")
    assert read("Pt moved from room 4 to room 6 today; T 37.2.", "71250")[
        "body_temperature"] == expect("body_temperature", "37.2 C")


def test_today_in_a_note_with_a_date_of_service_is_that_date() -> None:
    """Outside tester (session 5): an ED note with 'Date of service: 11/18/2026' and
    'Imaging: Lumbar XR today' read the X-ray as taken on the day of the check, not the
    note's date: near a window's edge that decides the case."""
    note = ("EMERGENCY DEPARTMENT NOTE\nDate of service: 11/18/2026\nCC: low back pain\n"
            "Imaging: Lumbar XR today: mild L4-5 DJD, no fracture.")
    assert read(note, "64493")["xray_date"] == date(2026, 11, 18)
    note = ("Date of visit: 10/02/2026\nLow back pain. Lumbar MRI 2 weeks ago showed facet "
            "arthropathy.")
    assert read(note, "64493")["ct_mri_date"] == date(2026, 9, 18)
    # with no date of its own, "3 weeks ago" counts from today
    assert read("H&P done 3 weeks ago.", "62311")["hp_date"] == date(2026, 11, 2)


def test_an_age_said_of_the_patient_answers_no_week_question() -> None:
    """Outside tester (session 5), F6: 'she is 35' with education weeks / symptom
    duration / H&P asked was filed as 35 weeks of pain-management education."""
    turn = chat(*_TO_WEEKS, "14, 8, 3 weeks manual", "she is 35")
    assert "pt_education_weeks" not in turn.facts
    turn = chat(*_TO_WEEKS, "14, 8, 3 weeks manual", "he's 72, pregnancy n/a")
    assert "pt_education_weeks" not in turn.facts
    pending = ["pt_education_weeks", "symptom_weeks", "hp_date"]
    assert "pt_education_weeks" not in read("age 35", "64493", pending)
    assert read("it was 3", "64493", pending)["pt_education_weeks"] == expect(
        "pt_education_weeks", "3 weeks")


def test_an_answer_taken_back_to_not_sure_no_longer_counts() -> None:
    """Outside tester (session 5), F13: 'actually I am not sure about the infection, labs
    pending' and 'infection: not sure' after 'no infection' kept the 'no' (the case met
    the criteria); 'scratch the symptom duration, I am not sure of it' kept 21.7 weeks.
    Not sure now: the old answer no longer counts."""
    turn = chat(*_MEETS_64493, "actually I am not sure about the infection, labs pending")
    assert "active_infection" in turn.facts and _value(turn, "active_infection") is None
    assert turn.decision != "meets_criteria"
    turn = chat(*_MEETS_64493, "infection: not sure")
    assert _value(turn, "active_infection") is None and turn.decision != "meets_criteria"
    turn = chat(*_MEETS_64493, "scratch the symptom duration, I am not sure of it")
    assert _value(turn, "symptom_weeks") is None and turn.decision != "meets_criteria"


def test_a_stored_answer_removed_by_name_no_longer_counts() -> None:
    """Outside tester (session 5), F10: 'remove the nerve block, it was a different
    patient' changed nothing: the block kept the case at Meets. It is set aside and
    asked again."""
    turn = chat(*_MEETS_64493, "remove the nerve block, it was a different patient")
    assert "nerve_block_date" not in turn.facts
    assert "2026-09-30 → set aside; asked again" in turn.reply
    assert turn.decision != "meets_criteria" and "nerve_block_date" in turn.pending


def test_a_question_whether_a_figure_is_enough_states_no_fact() -> None:
    """Outside tester (session 5), F17: 'is 3 weeks of education enough?' filed 3 weeks
    of education (coverage.1.4 then met) though nothing said the patient had them."""
    turn = chat("does this qualify for 64493?", "PT 14 weeks, does that meet the requirement?",
                "is 3 weeks of education enough?")
    assert _value(turn, "pt_weeks") == 14 and "pt_education_weeks" not in turn.facts
    for text in ("would 10 weeks of PT be sufficient?", "Is 3 weeks of education enough?"):
        assert read(text, "64493", ["pt_weeks", "pt_exercise_weeks"]) == {}, text
    assert read("3 weeks of education, enough to help her", "64493")[
        "pt_education_weeks"] == expect("pt_education_weeks", "3 weeks")


def test_a_consult_not_received_in_a_status_table_or_cancelled_is_not_on_file() -> None:
    """fresh5, studied (session 5): a document-status table row '| Pain mgmt consult | NOT
    received - fax requested 11/10 |' read a pain consult on file (the denial was followed
    by a dash, not a stop). A consult cancelled or not attended is none either."""
    table = ("| Record | Where |\n|---|---|\n| Pain management consult | not received - "
             "office re-faxing |\n")
    assert read(table, "62311")["pain_or_pcp_consult_documented"] is False
    assert read("| Pain mgmt consult | NOT received - fax requested 11/10 |", "62311")[
        "pain_or_pcp_consult_documented"] is False
    assert "specialist_consult_documented" not in read(
        "Spine surgery consult cancelled by the patient.", "64493")
    assert "specialist_consult_documented" not in read("Ortho consult: no-show 10/2", "64493")


def test_two_lengths_of_one_treatment_are_not_read_as_the_first_alone() -> None:
    """Outside tester (session 5): 'LBP. PT 6 wks (Jan-Feb) and 6 wks (Jul-Aug), both
    without relief.' read 6 weeks of PT in all (64493 needs 12): two lengths with nothing
    saying how they relate are asked, not cut to the first."""
    for text in ("LBP. PT 6 wks (Jan-Feb) and 6 wks (Jul-Aug), both without relief.",
                 "She did physical therapy 6 weeks in 2025 and 7 weeks in 2026."):
        assert "pt_weeks" not in read(text, "64493"), text
    assert read("Two courses of PT: 8 wks and 6 wks, both without benefit.", "64493")[
        "pt_weeks"] == expect("pt_weeks", 14)


def test_each_failed_drug_in_a_list_is_a_course() -> None:
    """Outside tester (session 5): '| Meds failed | NSAIDs (meloxicam), oral steroid |' read
    one failed medication course; the NSAID and the oral steroid are two."""
    assert read("| Meds failed | NSAIDs (meloxicam), oral steroid |", "64493")[
        "medication_courses_failed"] == 2
    assert read("Failed naproxen and a muscle relaxant.", "64493")[
        "medication_courses_failed"] == 2


@pytest.mark.parametrize("reply", ["all yes", "all three yes", "all: yes"])
def test_all_yes_answers_every_question_asked(reply: str) -> None:
    """Outside tester (session 5), M20: 'all yes' was refused ('which question does it
    answer?') while 'yes to all three' was read."""
    turn = chat(*_MEETS_64493[:6], reply)
    assert [_value(turn, f) for f in ("decreased_rom", "impaired_balance_gait",
                                      "failed_conservative")] == [True, True, True]


def test_short_corrections_correct_the_fact_they_name_or_that_held_the_value() -> None:
    """Outside tester (session 5), M25: 'PT was actually 10', 'the 14 should be 16' and
    'not 7, 6' were refused. The fact named just before the figure, or the one stored
    answer that held the value taken back, is corrected; two that held it are asked."""
    known = {"pt_weeks": 14, "pt_exercise_weeks": 8, "pt_manual_weeks": 3,
             "pt_education_weeks": 3, "pain_nrs": 7, "pt_courses_failed": 2}
    assert read("PT was actually 10", "64493", [], known) == {"pt_weeks": expect("pt_weeks", 10)}
    assert read("the 14 should be 16", "64493", [], known) == {
        "pt_weeks": expect("pt_weeks", 16)}
    assert read("not 7, 6", "64493", [], known) == {"pain_nrs": expect("pain_nrs", 6)}
    u = _reading("not 3, 4", "64493", known=known)
    assert u.facts == [] and any("which does it correct" in x.why for x in u.unread)
    u = _reading("the 13 should be 16", "64493", known=known)
    assert u.facts == [] and any("none of the answers" in x.why for x in u.unread)
    turn = chat(*_MEETS_64493, "PT was actually 10")
    assert "Physical therapy completed: 14 weeks → 10 weeks" in turn.reply


def test_a_choice_is_corrected_by_its_own_name() -> None:
    """Outside tester (session 5), M19: 'actually it was severe, not moderate' (97110
    functional impairment) was refused twice and Moderate stayed."""
    opening = ("does this qualify for 97110?", "MRI 8/5/26, xrays 10/20/26, 16 weeks",
               "knee pain 5 months, 2 sets of xrays, pain 6/10", "moderate")
    assert _value(chat(*opening), "functional_impairment") == "moderate"
    turn = chat(*opening, "actually it was severe, not moderate")
    assert _value(turn, "functional_impairment") == "severe"
    assert "could not" not in turn.reply.lower()


def test_a_forms_answer_legend_and_item_numbers_are_not_answers() -> None:
    """fresh6 vendor intake form (a 'meets' note was denied): 'C4 Pregnancy (Y/N/NA): N -
    urine hCG negative' read pregnant (the legend's Y taken for the answer; only '(Y/N)'
    was known as a legend), and 'C3 Active infection (Y/N): N' after another line read an
    active infection (the item number C3 looked like a spinal level continuing the line
    before, so the label was no longer a field's)."""
    form = ("C2 Balance/gait impaired (Y/N): Y - antalgic gait, Romberg sway\n"
            "C3 Active infection (Y/N): N\n"
            "C4 Pregnancy (Y/N/NA): N - urine hCG negative 11/14/2026")
    facts = {r.fact: r.value for r in _reading(form, "64493").facts}
    assert facts["active_infection"] is False
    assert facts["pregnancy"] == "not_pregnant"
    other = {r.fact: r.value for r in _reading("Q7 Pregnant (Y/N/U): Y", "64493").facts}
    assert other["pregnancy"] == "pregnant"
    # a level that goes on the sentence is still joined to it
    text = "MRI 9/1/2026: stenosis compressing the{}L5 root with inflammation, readable"
    wrapped, one_line = (_reading(text.format(gap), "62311") for gap in ("\n", " "))
    assert [(r.fact, r.value) for r in wrapped.facts] == \
        [(r.fact, r.value) for r in one_line.facts]
    assert ("imaging_nerve_root_compression", True) in [(r.fact, r.value)
                                                        for r in one_line.facts]


def test_a_form_no_with_a_remark_and_this_pt_as_the_patient() -> None:
    """fresh6, studied (session 5): 'Q08 Active infection (Y/N): N  (member's wife is
    currently being treated for pneumonia - not the member)' read an active infection (the
    remark after the N hid the answer); 'the CKD 4 ... is Mr. Lowe's in the next chart, not
    this pt' read no PT (0 weeks, 0 courses): lower-case 'pt' after 'this' is the patient."""
    assert read("Current infection (Y/N): N (her son has strep)", "64493")[
        "active_infection"] is False
    assert read("Q08 Active infection (Y/N): N  (member's wife is currently being treated for\n"
                "    pneumonia - not the member)", "64493")["active_infection"] is False
    assert read("Active infection (Y/N): Y", "64493")["active_infection"] is True
    facts = read("The MRI I sent was for another pt, not this pt.", "64493")
    assert "pt_weeks" not in facts and "pt_courses_failed" not in facts
    assert read("No PT for this pt.", "64493")["pt_weeks"] == 0


def test_a_chest_xray_named_in_passing_is_not_images_on_file() -> None:
    """fresh4 and fresh5, studied (session 5): '... hemoptysis x 7 weeks; CXR unrevealing.
    Referral attached.' and 'no pneumonia on the CXR.' read the chest X-ray images as on
    file, which those labels ask. A dated study, a result line ('CXR: ...') or a word of
    its record ('images attached', 'on PACS') still states them."""
    for text in ("Her chest X-ray was unremarkable, per the PCP.",
                 "Please schedule CT chest for persistent hemoptysis x 7 weeks; CXR "
                 "unrevealing. Referral attached.",
                 "no pneumonia on the CXR."):
        assert "chest_images_documented" not in read(text, "71250"), text
    for text in ("CXR 11/3/2026: RML opacity.", "Chest X-ray images on PACS.",
                 "CXR: RLL infiltrate", "CXR 10/30: no infiltrate."):
        assert read(text, "71250")["chest_images_documented"] is True, text
    assert read("No chest imaging on file", "71250")["chest_images_documented"] is False


def test_a_whole_denial_of_comorbidities_is_none_and_a_pmh_line_does_not_make_today_past() -> None:
    """Outside tester (session 5): 'no comorbs' and 'PMH: none significant.' left the
    severe-comorbidity question asked; in 'PMH: none significant. No active infection.
    Male.' the PMH header made 'No active infection' history, so it was asked too."""
    u = read("PMH: none significant. No active infection. Male.", "64493")
    assert u["severe_comorbidities"] == expect("severe_comorbidities", [])
    assert u["active_infection"] is False
    assert read("no comorbs, not cosmetic", "64493")["severe_comorbidities"] == expect(
        "severe_comorbidities", [])
    assert read("PMH: noncontributory. Currently no infection.", "64493")[
        "active_infection"] is False
    # a past infection under PMH is still past
    assert "active_infection" not in read("PMH: cellulitis 2023.", "64493")


def test_courses_of_outpatient_pt_said_unhelpful_are_failed_courses() -> None:
    """Outside tester (session 5): 'two prior courses of outpatient PT (2025 and spring
    2026), neither helpful' and 'completed 2 courses, neither gave lasting relief' left the
    failed PT courses asked."""
    assert read("Prior treatment: two prior courses of outpatient PT (2025 and spring 2026), "
                "neither helpful.", "64493")["pt_courses_failed"] == 2
    assert read("PT x 12 weeks done, completed 2 courses, neither gave lasting relief.",
                "64493")["pt_courses_failed"] == 2
    assert "pt_courses_failed" not in read(
        "She did two courses of outpatient PT; the second one helped.", "64493")


def test_a_form_no_with_a_dash_remark_is_a_no() -> None:
    """fresh6, studied (session 5): 'Q12 Bacterial PNA confirmed/suspected (Y/N): N -
    procalcitonin 0.08, CXR clear' read a bacterial pneumonia (over the exclusion)."""
    assert read("Bacterial PNA suspected (Y/N): N - afebrile, procalcitonin low", "71250")[
        "bacterial_pneumonia"] is False
    assert read("Q12 Bacterial PNA confirmed/suspected (Y/N): N - procalcitonin 0.08, CXR "
                "clear", "71250")["bacterial_pneumonia"] is False
    assert read("Bacterial PNA (Y/N): Y", "71250")["bacterial_pneumonia"] is True


def test_a_history_notable_for_pneumonia_is_no_pneumonia_now() -> None:
    """fresh6, studied (session 5): 'His history is notable for two admissions for
    pneumonia (2019 and 2022)' read a current bacterial pneumonia."""
    for text in ("Her history is significant for a pneumonia admission, 5 days of IV "
                 "antibiotics.",
                 "His history is notable for two admissions for pneumonia (2019 and 2022), "
                 "the second requiring 9 days of IV antibiotics."):
        assert "bacterial_pneumonia" not in read(text, "71250"), text


def test_a_denials_quote_carries_the_word_that_denies() -> None:
    """Outside tester (session 5), C5: "What I read" showed 'Active infection: no <-
    "infection"' (from "no infection"), 'Cosmetic purpose: no <- "cosmetic"' (from "not
    cosmetic"): a nurse checking the value against its quote could not see where the "no"
    came from. The quote of a denial now holds the denial."""
    cases = {"No active infection.": "No active infection",
             "Pt is not cosmetic": "not cosmetic",
             "Active infection (Y/N): N": "Active infection (Y/N): N",
             "pt denies fevers, chills or infection": "denies fevers, chills or infection"}
    for text, quote in cases.items():
        words = {r.fact: r.words for r in _reading(text, "64493").facts}
        assert quote in words.values(), (text, words)


def test_an_answer_to_what_the_card_lists_as_also_needed_is_acknowledged() -> None:
    """Outside tester (session 5), C14: once the case did not meet, 'none' (to 'Severe
    comorbidities: none of ...' listed under 'Also needed, not asked now') got the same
    card and nothing else. Those facts are the questions a reply answers then: a bare
    answer is taken for the first it fits, to confirm; thanks is no answer."""
    opening = ("does this qualify for 64493?", "low back", "14, 8, 3", "3, 5 months, 9/15/26",
               "MRI was 10/2/26 and xrays 8/1/26. PT notes yes", "yes, yes, 7/10",
               "yes, yes, yes", "1, 0, no")
    assert chat(*opening).decision == "does_not_meet"
    turn = chat(*opening, "none")
    assert turn.facts["severe_comorbidities"] == {**turn.facts["severe_comorbidities"],
                                                   "value": [], "origin": "inferred"}
    assert 'I read "none" as Severe comorbidities' in turn.reply
    turn = chat(*opening, "thanks")
    assert "could not" not in turn.reply.lower()


def test_a_home_exercise_program_is_not_supervised_exercise_within_pt() -> None:
    """Outside tester (session 5): 'LBP. Home exercise program x 10 weeks.' read 10 weeks of
    the supervised exercise and stretching 64493 counts within PT; a home program is
    neither PT nor supervised."""
    for text in ("LBP. Home exercise program x 10 weeks.",
                 "LBP. PT x 4 wks, then home exercise x 8 wks.",
                 "She has done exercises at home on her own for 8 weeks."):
        assert "pt_exercise_weeks" not in read(text, "64493"), text
    assert read("PT 12 wks (6 wks supervised exercise, 3 manual, 3 education); continues HEP.",
                "64493")["pt_exercise_weeks"] == expect("pt_exercise_weeks", 6)


def test_an_aside_after_a_score_is_that_scores_and_a_course_number_is_no_count() -> None:
    """fresh5/fresh6, studied (session 5): 'Pain: 5/10 at the PT intake on 05/18 (before any
    treatment), 8/10 at the 11/10 visit' read a baseline of 8 and a change of -3 (the
    bracketed 'before any treatment' took the figure after it), which decided a note that
    meets as not meeting; '- PT course 1 (Oct-Dec 2025, 8 wks): no improvement' read 1
    failed course from the course's number."""
    facts = read("NRS 4/10 at his first visit (before any treatment); 7/10 today.", "62311")
    assert facts.get("pain_nrs_baseline") in (None, 4)
    facts = read("Pain: 5/10 at the PT intake on 05/18 (before any treatment), 8/10 at the "
                 "11/10 visit.", "62311")
    assert facts.get("pain_nrs_baseline") in (None, 5)
    assert facts.get("pain_nrs_increase") in (None, 3)
    assert read("• NRS b/l (baseline, pre-PT): 5/10", "62311")["pain_nrs_baseline"] == 5
    facts = read("- PT course 1 (Oct-Dec 2025, 8 wks): no improvement.\n"
                 "- PT course 2 (Apr-Jul 2026, 13 wks): no meaningful change.", "64493")
    assert facts.get("pt_courses_failed") in (None, 2)


def test_more_than_n_months_ago_is_no_date_on_the_cut_off() -> None:
    """Outside tester (session 5), F2: 'xray more than 12 months ago', 'MRI over 6 months
    ago', 'H&P over a year ago' were each read as the day exactly that long ago, which is
    on the policy's cut-off, so the criterion showed met. A bound is no day: asked."""
    for text, fact in (("xray more than 12 months ago", "xray_date"),
                       ("MRI over 6 months ago", "ct_mri_date"),
                       ("H&P over a year ago", "hp_date"),
                       ("x-rays > 1 year ago", "xray_date")):
        u = _reading(text, "64493")
        assert fact not in {r.fact for r in u.facts}, text
        assert [x.why for x in u.unread] == ["which date exactly?"], (text, u.unread)
    assert {r.fact: r.value for r in _reading("MRI 3 months ago", "64493").facts}[
        "ct_mri_date"] == "2026-08-23"


def test_a_wheeze_heard_on_examination_is_a_sign_not_a_symptom() -> None:
    """fresh6, studied (session 5): 'On examination today he was comfortable at rest ...
    with scattered expiratory wheeze bilaterally.' read respiratory symptoms, which the
    label leaves unstated (the wheeze is a sign). A wheeze the patient has is a symptom."""
    facts = read("Exam: diffuse wheezes heard over both lung fields.", "71250")
    assert "respiratory_symptoms" not in facts and facts["pulmonary_disease_signs"] is True
    facts = read("On examination today he was comfortable at rest, SpO2 95% on room air, "
                 "with\nscattered expiratory wheeze bilaterally.", "71250")
    assert "respiratory_symptoms" not in facts and facts["pulmonary_disease_signs"] is True
    assert read("Still wheezy after nebs.", "71250")["respiratory_symptoms"] is True


def test_a_bare_date_no_question_takes_says_which_dates_are_open() -> None:
    """Outside tester (session 5), C10: '8/1/26' while the PT weeks were asked came back
    'Could not read "8/1/26"; please say it another way', with no hint that the product
    needs to know which date it is."""
    turn = chat(*_TO_WEEKS, "8/1/26")
    assert '"8/1/26": which date is it: ' in turn.reply and "Most recent X-rays" in turn.reply
    assert not any(turn.facts[f]["value"] == "2026-08-01" for f in turn.facts)


def test_chronic_lbp_with_its_length_and_a_normal_gait_and_balance_row_are_read() -> None:
    """Outside tester (session 5): 'Chronic LBP 6 months.' left the symptom duration
    asked with no word said (the pain phrase 'chronic LBP' hid it), and the table row
    '| Gait/balance | normal |' left gait asked, so the next steps offered a new MRI
    when the normal gait already fails 64493.coverage.5.4."""
    assert read("Chronic LBP 6 months.", "64493")["symptom_weeks"] == expect(
        "symptom_weeks", "6 months")
    assert read("| Gait/balance | normal |", "64493")["impaired_balance_gait"] is False
    assert read("Gait and balance intact.", "64493")["impaired_balance_gait"] is False
    assert read("Gait/balance: antalgic gait, uses a cane", "64493")[
        "impaired_balance_gait"] is True


def test_text_the_writer_says_should_be_ignored_is_not_read() -> None:
    """Outside tester (session 5), F16: 'The template below was not updated and should be
    ignored: PT 12 weeks completed, no infection, not pregnant.' cleared the infection and
    pregnancy exclusions ('ignore' was known, 'ignored' was not)."""
    facts = {r.fact for r in _reading(
        "LBP 8 months. The template below was not updated and should be ignored: PT 12 "
        "weeks completed, no infection, not pregnant.", "64493").facts}
    assert facts == {"pain_region", "symptom_weeks"}
    assert "active_infection" not in {r.fact for r in _reading(
        "Disregarded section (old visit): no infection.", "64493").facts}


def test_a_message_about_two_numbered_patients_states_nothing_and_asks_which() -> None:
    """Outside tester (session 5), F21: 'Patient 1: 50M LBP 6 months, PT 14 weeks, pain
    7/10, MRI 10/1/26. Patient 2: 40F neck pain, pregnant, PT 4 weeks, MRI 2/1/26.' stored
    Patient 1's MRI, symptom duration and pain and asked about the rest: whichever patient
    the request is for, some of it is the other's. Nothing is read; the reply asks which."""
    u = _reading("Patient 1: 50M LBP 6 months, PT 14 weeks, pain 7/10, MRI 10/1/26. "
                 "Patient 2: 40F neck pain, pregnant, PT 4 weeks, MRI 2/1/26.", "64493")
    assert u.facts == []
    assert u.unread[0].why.startswith("it is about several patients")
    courses = _reading("PT course 1: 6 weeks, course 2: 8 weeks, no relief", "64493")
    assert courses.facts  # courses of therapy, not patients
    assert not any(x.why.startswith("it is about several patients") for x in courses.unread)


def test_an_infection_screen_names_no_infection() -> None:
    """fresh5, studied (session 5): a problem list's '#4 Infection screen: afebrile, no
    current infection.' read an active infection from 'Infection' (the screen's name),
    deciding a note that meets as not meeting. A screen is what was looked for; what it
    found settles the fact."""
    assert read("Sepsis screen negative; no current infection.", "64493")[
        "active_infection"] is False
    assert read("#4 Infection screen: afebrile, no current infection.", "64493")[
        "active_infection"] is False
    assert "active_infection" not in read("Infection screen done.", "64493")
    assert read("Infection screen: positive for UTI", "64493")["active_infection"] is True


def test_a_saturation_on_oxygen_does_not_answer_the_room_air_question() -> None:
    """fresh6, studied (session 5): '1) 38.0 2) 15.0 3) 93% on 2L, don't have a RA reading'
    answered the room-air SpO2 question with 93 (taken on oxygen)."""
    facts = read("sat 90 on 3 L nasal cannula", "71250", pending=["spo2_room_air"])
    assert "spo2_room_air" not in facts
    facts = read("1) 38.0 2) 15.0 3) 93% on 2L, don't have a RA reading", "71250",
                 pending=["body_temperature", "wbc_count", "spo2_room_air"])
    assert "spo2_room_air" not in facts and facts["wbc_count"] == 15000
    assert read("93% on room air", "71250", pending=["spo2_room_air"])["spo2_room_air"] == 93


def test_two_readings_to_confirm_are_confirmed_by_yes_yes() -> None:
    """Outside tester (session 5), C1 continued: '14' then '8', each taken for its
    question as an inference, are confirmed together by 'yes, yes' (in the order
    asked); 'yes, no' keeps the first and discards the second."""
    turn = chat(*_TO_WEEKS, "14", "8", "yes, yes")
    assert [turn.facts[f]["origin"] for f in ("pt_weeks", "pt_exercise_weeks")] == \
        ["confirmed", "confirmed"]
    assert turn.verdict["facts"]["pt_weeks"] and turn.verdict["facts"]["pt_exercise_weeks"]
    turn = chat(*_TO_WEEKS, "14", "8", "yes, no")
    assert turn.facts["pt_weeks"]["origin"] == "confirmed"
    assert "pt_exercise_weeks" not in turn.facts


def test_a_form_answer_n_after_a_sentence_on_the_same_line_is_no() -> None:
    """Outside tester (session 5): 'LBP. Infection: N' and the chat line 'low back 6
    months, PT 14 wks, pain 7/10, infection: N, cosmetic: N, ROM decreased: Y, gait
    impaired: N' read an active infection and a cosmetic purpose (two exclusions): a
    field after a sentence or in a comma list was not taken as a field, so its label
    alone stated the fact."""
    assert read("LBP. Infection: N", "64493")["active_infection"] is False
    assert read("LBP. Pregnant: N.", "64493").get("pregnancy") != "pregnant"
    line = read("back pain 6 mo, PT 14 wks, infection: N, cosmetic: N, ROM decreased: Y",
                "64493")
    assert line["active_infection"] is False and line["cosmetic_purpose"] is False
    assert line["decreased_rom"] is True
    facts = read("LBP 6 mo. Active infection: N. ROM decreased: Y. Gait impaired: N. "
                 "Cosmetic: N.", "64493")
    assert facts["active_infection"] is False and facts.get("impaired_balance_gait") is not True
    assert read("LBP. Infection: Y", "64493")["active_infection"] is True


def test_a_numbered_answer_list_number_is_no_pain_score() -> None:
    """fresh6, studied (session 5): answers given out of order, '3) gait is fine, no falls.
    1) 5/10 2) yes - flexion only to 30 deg', read a pain score of 3 from the list number."""
    pending = ["pain_nrs", "decreased_rom", "impaired_balance_gait"]
    facts = read("2) ROM is limited in extension. 1) pain 6/10 today", "64493", pending)
    assert facts.get("pain_nrs") == 6
    facts = read("3) gait is fine, no falls. 1) 5/10 2) yes - flexion only to 30 deg", "64493",
                 pending)
    assert facts.get("pain_nrs") in (None, 5)
    assert read("1) 12 weeks\n3) 4", "64493", ["pt_weeks", "pt_exercise_weeks",
                                               "pt_manual_weeks"])["pt_weeks"] == \
        expect("pt_weeks", "12 weeks")


def test_a_line_wrapped_after_an_open_word_is_one_sentence() -> None:
    """fresh6, studied (session 5): 'Nothing now suggests\\nbacterial pneumonia: no fever,
    procalcitonin normal' read a bacterial pneumonia (the wrapped line was taken for a
    form's label), so a note that meets was denied. A label after a complete line is
    still a new field."""
    assert read("Nothing on today's exam points to\nbacterial pneumonia: afebrile, "
                "procalcitonin normal.", "71250").get("bacterial_pneumonia") is not True
    assert read("She was admitted for pneumonia in 2024 (5 days of IV antibiotics). Nothing "
                "now suggests\nbacterial pneumonia: no fever, procalcitonin normal.",
                "71250")["bacterial_pneumonia"] is False
    assert read("Exam:\nlungs: crackles", "71250")["pulmonary_disease_signs"] is True


def test_the_day_a_report_was_reviewed_is_not_the_day_of_the_study() -> None:
    """Outside tester (session 5), F9: 'MRI from outside hospital, date unknown, report
    reviewed 10/2/26' read the MRI as done on 10/2/26 (met the 6-month window); 'MRI
    9/1/26, reviewed with pt 10/2/26' took the later date as the most recent MRI."""
    assert "ct_mri_date" not in {r.fact for r in _reading(
        "LBP. MRI from outside hospital, date unknown, report reviewed 10/2/26.", "64493").facts}
    facts = {r.fact: r.value for r in _reading("MRI 9/1/26, reviewed with pt 10/2/26",
                                               "64493").facts}
    assert facts["ct_mri_date"] == "2026-09-01"


def test_a_year_correcting_a_stored_date_sets_it_aside() -> None:
    """Outside tester (session 5), F11 re-checked: 'the xray was actually in 2024' with
    the X-rays stored as 8/1/26 was refused and the case still met. A year that is not
    the stored date's takes it back (asked again); the same year changes nothing."""
    turn = chat(*_MEETS_64493, "the xray was actually in 2024")
    assert "xray_date" not in turn.facts and turn.decision != "meets_criteria"
    assert "2026-08-01 → set aside; asked again" in turn.reply
    assert "could not read" not in turn.reply.lower()
    turn = chat(*_MEETS_64493, "the xray was actually in 2026")
    assert _value(turn, "xray_date") == "2026-08-01"


def test_a_pasted_notes_heading_or_plan_is_no_request_to_start_over() -> None:
    """A fresh6 note headed 'SPORTS & SPINE MEDICINE - NEW PATIENT CONSULTATION' cleared the
    case instead of being read ('new patient' was taken for "start a new case"); so would
    a long note whose plan says 'restart gabapentin'. Said as a request, it still is one."""
    heading = ("SPORTS & SPINE MEDICINE - NEW PATIENT CONSULTATION   Date: 11/23/2026\n"
               "58 yo man, R shoulder pain x 5 months, PT 2x/week for 8 weeks.")
    assert not _reading(heading, "97110").start_over
    plan = ("Low back pain for 8 months despite 14 weeks of PT and naproxen; MRI 9/2/2026 "
            "shows facet arthropathy; pain 7/10. Plan: restart gabapentin at night and "
            "request facet injections.")
    assert not _reading(plan, "64493").start_over
    for request in ("start over", "new patient", "new case: 54F with low back pain"):
        assert _reading(request, "64493").start_over, request


def test_an_hp_with_medicines_but_no_allergies_or_surgeries_is_no_full_history() -> None:
    """fresh7, studied (session 6): 'PT/meds/wt loss all tried ... H&P 10/15/26' and a note
    with 'PMH:' and 'Meds:' sections read the H&P's history as documented. The policy's
    history is medications, allergies AND past surgeries: a record naming one of them
    (or a medicine tried as treatment) leaves the others open, so it is asked."""
    for text in ("Tried PT and meds without relief. H&P done 11/2/26.",
                 "History and physical 11/02/2026. Current medications: naproxen, lisinopril.",
                 "PMH: HTN, DM2.\nMeds: metformin, lisinopril.\nExam: SLR positive on the right.",
                 "Pt 66F needs ESI L4-5. PT/meds/wt loss all tried. H&P 10/15/26."):
        assert "hp_history_documented" not in read(text, "62311"), text
    full = ("I saw her on 11/18/2026 for a full history and physical: she takes naproxen "
            "500 mg twice daily, is allergic to penicillin, and her past surgical history is an "
            "appendectomy in 2010.")
    assert read(full, "62311").get("hp_history_documented") is True
    assert read("H&P 11/2/26: PMH, meds, allergies (NKDA) and surgical history reviewed.",
                "62311").get("hp_history_documented") is True


def test_a_record_followed_by_never_or_not_is_not_on_file() -> None:
    """fresh7, studied (session 6): 'Inflammatory markers never drawn.' read the labs as on
    file: a denial after a record's name ('never drawn', 'not checked', 'never sent') says
    it is not there; one the reader cannot settle ('never checked this episode', 'not
    ordered yet') is asked, never read as on file."""
    for text in ("Inflammatory markers never drawn.", "Inflammatory labs: not drawn.",
                 "Inflammatory markers were never sent."):
        assert read(text, "62311").get("inflammatory_labs_documented") is False, text
    for text in ("Inflammatory markers never checked during this episode.",
                 "Inflammatory markers - not ordered yet",
                 "Re Mr. K: CT myelogram is from 7/2026. Inflammatory markers never drawn."):
        assert read(text, "62311").get("inflammatory_labs_documented") is not True, text
    assert read("Inflammatory labs: ESR 42, CRP 3.1 (H) - attached",
                "62311").get("inflammatory_labs_documented") is True


def test_a_figure_after_another_measures_label_is_that_measures() -> None:
    """fresh7, studied (session 6): 'Vitals: T 37.2 HR 88 BP 134/82' read a temperature of
    88 F ('HR' was taken for hours, the unit of 37.2, and the heart rate's 88 was bound to
    the temperature instead). A figure right after another measure's label is that
    measure's, and 'HR 88' is no unit of the figure before it."""
    assert read("Vitals: T 37.2 HR 88 BP 134/82 RR 18 SpO2 95% RA", "71250")[
        "body_temperature"] == expect("body_temperature", "37.2 C")
    assert read("T 99.1 HR 80 RR 16", "71250")["body_temperature"] == \
        expect("body_temperature", "99.1 F")
    assert read("Temp 98.4 HR 76", "71250")["body_temperature"] == \
        expect("body_temperature", "98.4 F")
    for text in ("Temp -- HR 92 RR 18", "Vitals: T afebrile HR 99 BP 120/80",
                 "T: not taken, pulse 101"):
        assert "body_temperature" not in read(text, "71250"), text


def test_the_highest_temperature_of_another_day_is_asked_beside_todays() -> None:
    """fresh7, studied (session 6): 'Tmax 100.9 F at urgent care 11/10; 98.8 F today' read
    100.9 F as the highest recent temperature (a fever of days ago at another visit, normal
    now, fails the case on a reading that may no longer be recent); 'T 37.6 C (Tmax 37.8)'
    read 37.6 (the Tmax was taken for another measure's figure). The Tmax of the current
    admission, or with no day of its own, is still read."""
    for text in ("Tmax 100.9 F at urgent care 11/10; 98.8 F today.",
                 "Seen at urgent care 11/19 with Tmax 101.1 F. Today temp 98.6 F.",
                 "Tmax 101.3 F yesterday at the walk-in clinic. In clinic today 98.9 F",
                 "Tmax 39.1 C on 11/18. Afebrile since."):
        assert "body_temperature" not in read(text, "71250"), text
    assert read("O: T 37.6 C (Tmax 37.8), HR 112", "71250")["body_temperature"] == \
        expect("body_temperature", "37.8 C")
    assert read("T 37.1 C, Tmax 38.2 C overnight, HR 96", "71250")["body_temperature"] == \
        expect("body_temperature", "38.2 C")
    assert read("78F admitted 11/20 for RLL CAP.\nTmax 39.1 C on 11/20, today 37.4.",
                "71250")["body_temperature"] == expect("body_temperature", "39.1 C")
    assert read("Temperature: 102.1 F (11/20/26)", "71250")["body_temperature"] == \
        expect("body_temperature", "102.1 F")


def test_today_in_a_dated_note_is_the_notes_day() -> None:
    """fresh7, studied (session 6): 'PULMONARY CONSULTATION 11/05/2026 ... PFTs today: FEV1
    58% pred' read the PFTs as done on the day of reading (a week later), and 'X-rays: 3
    sets (2024, 3/2026, today 11/19/2026)' read the X-rays as taken on the day of reading,
    not on the 11/19 written beside 'today'. A short title line's date is the note's today,
    and a day written out beside 'today' is the date."""
    assert read("PULMONARY CONSULTATION 11/05/2026\n61 yo woman, dyspnea on stairs.\n"
                "PFTs today: FEV1 58% pred.", "71250")["pft_date"] == date(2026, 11, 5)
    assert read("Pulmonology follow-up visit 10/28/2026\nSpirometry done today, FEV1 64% "
                "predicted.", "71250")["pft_date"] == date(2026, 10, 28)
    assert read("Knee films: two sets (3/2026 and today, 11/16/2026).", "97110")[
        "xray_date"] == date(2026, 11, 16)
    assert read("XR L shoulder 11/12/2026 (today) and 6/2026.", "97110")[
        "xray_date"] == date(2026, 11, 12)
    # a first line that is a sentence, not a title, does not date the note
    assert read("Ortho consult 10/2/26 on file. XR knee today.", "97110")[
        "xray_date"] == AS_OF


def test_a_pregnancy_in_doubt_is_asked() -> None:
    """fresh7, studied (session 6): '44F, 18 wks pregnant?? (pt says maybe, hCG pending)'
    read the patient as pregnant: the question marks touching the word ended its clause
    before they could doubt it, and the aside that doubts it was read as about itself."""
    for text in ("44F, 18 wks pregnant?? (pt says maybe, hCG pending). Chest pain 8/10.",
                 "31F, 10 weeks pregnant???", "pregnant (?) - LMP unsure",
                 "She is pregnant (patient thinks so), not confirmed",
                 "12 wk pregnant (pt says maybe)"):
        assert "pregnancy" not in read(text, "97110"), text
    # a doubt in an aside about something else is the aside's, and one about what comes
    # next is not about what came before
    assert read("no infection (UTI in 2024, resolved)", "97110")["active_infection"] is False
    assert read("PT notes will be faxed, maybe next week.", "64493").get(
        "pt_notes_documented") is not True
    assert read("She is 20 weeks pregnant, hCG positive.", "97110")["pregnancy"] == "pregnant"


def test_a_figure_taken_back_with_wait_is_not_read() -> None:
    """fresh7, studied (session 6): '3 courses, 20 wks total - wait, 18 wks' read 20 weeks.
    'wait', 'scratch that', 'strike that' take the figure back like 'sorry' and 'actually':
    the figure after them is the one meant."""
    pending = ["conservative_courses_failed", "conservative_weeks"]
    for text, weeks in (("3 courses, 20 wks total - wait, 18 wks", 18),
                        ("Conservative care 16 wks, no wait, 15 wks.", 15),
                        ("Total conservative treatment 20 weeks... wait, it was 18 weeks.", 18)):
        assert read(text, "62311", pending).get("conservative_weeks") == \
            expect("conservative_weeks", f"{weeks} weeks"), text
    assert read("conservative tx 12 weeks -- scratch that, 10 weeks", "62311", pending).get(
        "conservative_weeks") in (None, expect("conservative_weeks", "10 weeks"))
    assert read("PT 14 weeks total - wait, 12 weeks", "64493", ["pt_weeks"]).get("pt_weeks") == \
        expect("pt_weeks", "12 weeks")


def test_pain_was_is_the_baseline_only_when_the_sentence_says_before() -> None:
    """fresh7, studied (session 6): 'Neurological examination showed ..., and her pain was
    rated 7/10' read 7 as the pain before treatment. A past-tense score at today's exam is
    no baseline: 'pain was' is the baseline only with 'before', 'first', 'initially', ...
    in its sentence."""
    for text in ("Exam today: reflexes symmetric, and her pain was 8/10 during flexion.",
                 "When I examined him this morning his pain was rated 6/10.",
                 "Neurological examination showed a 1+ biceps reflex, and her pain was "
                 "rated 7/10."):
        assert "pain_nrs_baseline" not in read(text, "62311"), text
    facts = read("Pain was 5/10 when she first came in, before PT; now 8/10.", "62311")
    assert facts.get("pain_nrs_baseline") == 5 and facts.get("pain_nrs_increase") == 3
    assert read('Before she began therapy her pain was "cinco" - 5/10.',
                "62311").get("pain_nrs_baseline") == 5


def test_a_diagnosis_of_stenosis_is_no_imaging_finding() -> None:
    """fresh7, studied (session 6): 'Mr. F, 68, has lumbar spinal stenosis with neurogenic
    claudication' (no study named anywhere) read a readable MRI/CT showing stenosis. The
    finding is the imaging's only where the message names a study; of an older study
    denying it and a later one showing it, which holds is asked, never the denial."""
    for text in ("She has known lumbar spinal stenosis and type 2 diabetes.",
                 "Dx: L4-5 spondylolisthesis with neurogenic claudication.",
                 "Mr. F, 68, has lumbar spinal stenosis with neurogenic claudication."):
        assert "imaging_stenosis_readable" not in read(text, "62311"), text
    assert read("MRI 10/1/26 shows moderate L4-5 foraminal stenosis.",
                "62311").get("imaging_stenosis_readable") is True
    assert read("Imaging:\nL4-5 moderate foraminal stenosis, good quality study.",
                "62311").get("imaging_stenosis_readable") is True
    assert read("MRI 6/2/2026: disc bulge, no stenosis.\nCT 10/8/2026: L4-5 foraminal "
                "stenosis.", "62311").get("imaging_stenosis_readable") is not False


def test_today_in_a_dated_entry_or_a_dated_note_is_that_entrys_day() -> None:
    """fresh8, studied (session 6): in a packet of dated entries ('[p.7] 10/26/2026 Rheum
    f/u: ... MRI R shoulder today') 'today' was read as the case's date, not the entry's
    (a study months old dated this week); 'SPINE CLINIC - FOLLOW-UP NOTE 11/23/2026 ...
    Today's H&P' dated the H&P to the case's day instead of the note's. 'Today' in a dated
    entry, or in a note whose title line gives its date, is that day."""
    packet = ("Records received:\n"
              "[p.2] 08/11/2026 Orthopaedics: R knee pain. XR R knee today, mild OA.\n"
              "[p.4] 10/05/2026 Ortho f/u: MRI R knee today: medial meniscal tear.\n")
    got = read(packet, "97110")
    assert got.get("xray_date") == expect("xray_date", "2026-08-11")
    assert got.get("mri_date") == expect("mri_date", "2026-10-05")
    dashes = ("- 09/01/2026 PCP: low back pain, lumbar x-rays today.\n"
              "- 10/20/2026 Spine clinic: lumbar MRI today, L5 root compressed.\n")
    assert read(dashes, "64493").get("xray_date") == expect("xray_date", "2026-09-01")
    titled = "Telephone note 11/02/2026\nPatient reports lumbar MRI done today at Mercy.\n"
    assert read(titled, "64493").get("ct_mri_date") == expect("ct_mri_date", "2026-11-02")
    followup = ("PAIN CLINIC FOLLOW-UP NOTE 11/19/2026\nToday's H&P: meds reviewed, allergies "
                "NKDA, past surgery none. Neuro exam normal. Pain evaluation 6/10.")
    assert read(followup, "62311").get("hp_date") == expect("hp_date", "2026-11-19")
    # A single note with no dated entries: today is the case's day.
    assert read("Lumbar MRI today: L4-5 disc bulge.", "64493").get("ct_mri_date") == \
        expect("ct_mri_date", AS_OF.isoformat())


def test_a_denied_or_withdrawn_condition_is_never_a_severe_comorbidity() -> None:
    """Outside tester (session 6), F8: to 'Does the patient have any severe comorbidities?',
    'she doesn't have diabetes' (also 'never mind the diabetes', 'diabetes - no') was
    recorded as severe diabetes and excluded the case for good. A choice said in a
    clause with a denial or a retraction is not named as present: the words are read
    instead, and a condition only denied states nothing."""
    pending = ["severe_comorbidities"]
    for text in ("she doesn't have diabetes", "never mind the diabetes", "diabetes - no",
                 "he does not have heart failure", "scratch that, no COPD",
                 "forget the CKD, that was her mother"):
        assert "severe_comorbidities" not in read(text, "64493", pending), text
    assert read("severe diabetes", "64493", pending)["severe_comorbidities"] == \
        expect("severe_comorbidities", ["diabetes"])
    turn = chat("does this qualify for 64493?", "pain 8/10, she has diabetes",
                "she doesn't have diabetes")
    assert "severe_comorbidities" not in turn.facts
    assert turn.decision != "does_not_meet"


def test_a_readable_study_is_not_one_said_to_be_hard_to_read() -> None:
    """Outside tester (session 6), F1: 'MRI 2026-10-01 showed foraminal stenosis at L4-5
    but images are motion degraded and hard to read.' read a clearly readable MRI
    showing stenosis (62311.coverage.4.2 met). A study said to be hard to read, degraded
    or limited is neither clearly readable nor plainly unreadable: asked."""
    for text in ("MRI 2026-10-01 showed foraminal stenosis at L4-5 but images are motion "
                 "degraded and hard to read.",
                 "CT L-spine: probable lateral recess stenosis, study limited by motion.",
                 "Outside MRI shows spinal stenosis; images are grainy and difficult "
                 "to interpret."):
        assert "imaging_stenosis_readable" not in read(text, "62311"), text
    assert read("MRI: moderate foraminal stenosis at L4-5.", "62311")[
        "imaging_stenosis_readable"] is True
    assert read("MRI non-diagnostic due to motion artifact.", "62311")[
        "imaging_stenosis_readable"] is False


def test_a_record_not_yet_received_is_not_on_file() -> None:
    """Outside tester (session 6), F2: 'Treatment logs not yet received from outside PT.',
    'PT notes not yet received.' and 'Requested PCP consult note, not received yet.'
    each read the document as on file (a documentation criterion met). Whatever follows
    'not yet received', and after a dash, the record is not on file; the study or care
    it records is not denied."""
    assert read("Treatment logs not yet received from outside PT.", "97110")[
        "treatment_logs_documented"] is False
    assert read("PT notes not yet received.", "64493")["pt_notes_documented"] is False
    assert read("Requested PCP consult note, not received yet.", "64493")[
        "pcp_consult_documented"] is False
    assert read("PCP consult - not on file", "64493")["pcp_consult_documented"] is False
    assert read("Therapy logs have not been sent by the clinic yet.", "97110")[
        "treatment_logs_documented"] is False
    facts = read("PT notes have not been sent", "64493")
    assert facts["pt_notes_documented"] is False and "pt_weeks" not in facts
    assert "ct_mri_date" not in read("MRI report not yet received from outside hospital.",
                                     "64493")


def test_when_therapy_started_is_not_when_the_symptoms_did() -> None:
    """Outside tester (session 6), F5: 'PT started 12 weeks ago, has attended 5 visits so
    far.' read a symptom duration of 12 weeks (64493.coverage.2 met) from when the
    therapy began. An onset word whose clause names another thing is asked; said of
    the symptoms or of nothing else, it is still read."""
    for text in ("PT started 12 weeks ago, has attended 5 visits so far.",
                 "Started meloxicam 2 months ago.", "Physical therapy began 10 weeks ago."):
        assert "symptom_weeks" not in read(text, "64493"), text
    assert read("Back pain started 4 months ago.", "64493")["symptom_weeks"] == \
        expect("symptom_weeks", "4 months")
    assert read("She reports it started 3 months ago.", "64493")["symptom_weeks"] == \
        expect("symptom_weeks", "3 months")
    assert read("Epidural in 2024 helped for a year; pain recurred 4 months ago.", "62311")[
        "symptom_weeks"] == expect("symptom_weeks", "4 months")


def test_a_pain_change_followed_by_a_later_score_is_not_the_change() -> None:
    """Outside tester (session 6), F7: 'Pain improved from 7 to 5 with meds, then back up to
    8 after stopping.' read a change of -2 (does not meet 62311.coverage.2) though the
    pain is now 8. A further score after a 'from A to B' leaves the change open."""
    for text in ("Pain improved from 7 to 5 with meds, then back up to 8 after stopping.",
                 "NRS went from 6 to 3 after the ESI, but it is back to 7 now."):
        assert "pain_nrs_increase" not in read(text, "62311") or \
            read(text, "62311")["pain_nrs_increase"] == expect("pain_nrs_increase", 1), text
        assert read(text, "62311").get("pain_nrs_increase") != expect("pain_nrs_increase", -2)
    assert read("Pain went from 5 to 8 despite PT.", "62311")["pain_nrs_increase"] == \
        expect("pain_nrs_increase", 3)


def test_a_list_of_other_medicines_is_not_the_pain_medication_list() -> None:
    """Outside tester (session 6), F4: 'Current meds: lisinopril 10 mg, atorvastatin 40 mg.'
    read 'pain medication list and dosages on file'. A 'Meds:' line is the pain
    medication list only where it names a pain medicine."""
    for text in ("Current meds: lisinopril 10 mg, atorvastatin 40 mg.",
                 "Meds: metformin 500 BID, lisinopril.",
                 "Medications: levothyroxine 50 mcg daily, omeprazole 20 mg daily"):
        assert "medication_list_documented" not in read(text, "64493"), text
    assert read("Current meds: naproxen 500 mg BID, lisinopril 10 mg daily", "64493")[
        "medication_list_documented"] is True


def test_ruling_out_one_named_infection_is_not_no_infection() -> None:
    """Outside tester (session 6), F9: 'No evidence of osteomyelitis on MRI.' and 'No UTI
    symptoms.' read 'no active infection' (exclusion 1 cleared). One named infection
    denied says nothing of the others: asked; a named one affirmed is still read."""
    for text in ("No evidence of osteomyelitis on MRI.", "No UTI symptoms.",
                 "Cellulitis ruled out.", "Not septic."):
        assert "active_infection" not in read(text, "64493"), text
    assert read("No active infection.", "64493")["active_infection"] is False
    assert read("Being treated for a UTI.", "64493")["active_infection"] is True
    # several kinds denied together are a screen of them: no infection
    assert read("No UTI, no cellulitis, no osteomyelitis.", "64493")["active_infection"] is False
    assert read("Afebrile, no UTI, skin or systemic infection.", "62311")[
        "active_infection"] is False


def test_an_oxygen_need_of_an_earlier_admission_is_not_the_current_one() -> None:
    """Outside tester (session 6), F3: 'Required 70% FiO2 on high-flow during last admission
    in 2024; now on room air.' read a current FiO2 of 70 %, which switched off the PT
    shortfall. An earlier stay's figure is not current, and 'now on room air' is 21 %."""
    text = ("PT 2x/week for 8 weeks. No severe comorbidities. Required 70% FiO2 on high-flow "
            "during last admission in 2024; now on room air.")
    assert read(text, "71250")["fio2_percent"] == expect("fio2_percent", 21)
    assert "fio2_percent" not in read("Needed FiO2 60% during a prior admission.", "71250")
    assert read("On 40% FiO2 via venturi mask.", "71250")["fio2_percent"] == \
        expect("fio2_percent", 40)


def test_a_coordinators_one_line_summary_reads_each_figure_once() -> None:
    """Outside tester (session 6) and the session lead: the chat line '55M, low back pain 6
    months, PT 14 weeks: 8 exercise, 3 manual, 3 education, failed 2 PT courses, pain
    7/10, ..., no nerve block' asked which pain score is current (the '8 exercise' and
    '3 manual' figures were taken for scores), which duration is the symptoms' ('courses'
    far along the line made the PT's 14 weeks a next course), left '3 manual, 3
    education' unread, and quoted 'nerve block' as the evidence of 'never done'."""
    line = ("55M, low back pain 6 months, PT 14 weeks: 8 exercise, 3 manual, 3 education, "
            "failed 2 PT courses, pain 7/10, ROM decreased, gait impaired, no infection, not "
            "cosmetic, H&P 10/1/26, xray 9/1/26, MRI 10/2/26, no nerve block")
    u = _reading(line, "64493")
    facts = {r.fact: _norm(r.fact, r.value) for r in u.facts}
    assert facts["pain_nrs"] == 7 and facts["symptom_weeks"] == expect("symptom_weeks", "6 months")
    assert facts["pt_manual_weeks"] == expect("pt_manual_weeks", "3 weeks")
    assert facts["pt_education_weeks"] == expect("pt_education_weeks", "3 weeks")
    assert facts["pt_exercise_weeks"] == expect("pt_exercise_weeks", "8 weeks")
    assert next(r.words for r in u.facts if r.fact == "nerve_block_date") == "no nerve block"
    other = _reading("Neck pain 30 days, PT 6 weeks: 4 exercise, 2 manual, pain 6/10, "
                     "5 at rest", "64493")
    assert "pain_nrs" not in {r.fact for r in other.facts}  # two scores stay asked


def test_a_specialist_named_is_no_consultation_on_file() -> None:
    """fresh7, studied (session 6): 'He has severe COPD per his pulmonologist' read a
    specialist consultation on file, and 'Specialist consult: NONE yet - ortho spine appt
    12/10' read one too (from the appointment's 'ortho spine'; 'NONE yet' was no denial).
    A specialist named is asked; a consult, note or report of theirs is read."""
    for text in ("He has severe COPD per his pulmonologist and uses home oxygen.",
                 "Followed by a physiatrist for years; she manages his meds.",
                 "Ortho spine appt 12/10.", "His neurosurgeon agrees with the plan."):
        assert "specialist_consult_documented" not in read(text, "97110"), text
    for text in ("Specialist consult: NONE yet - ortho spine appt 12/10.",
                 "Ortho consult: none so far, appointment next month"):
        assert read(text, "97110")["specialist_consult_documented"] is False, text
    assert read("A pulmonologist saw him on 10/3; her consultation note is in the chart.",
                "71250")["specialist_consult_documented"] is True


def test_a_pain_score_tied_to_one_activity_is_asked() -> None:
    """fresh7, studied (session 6): 'Pain 7/10 w/ motion' read a pain score of 7 (the
    corpus asks a score tied to one activity: '4/10 w/ stairs', '5/10 with activity')."""
    for text in ("Pain 7/10 w/ motion.", "Knee pain 8/10 with stairs and squatting.",
                 "Shoulder pain 6/10 with overhead reaching", "NRS 7/10 when she gets up "
                 "from a chair"):
        assert "pain_nrs" not in read(text, "97110"), text
    assert read("NRS 6/10 today, worse with activity", "97110")["pain_nrs"] == 6


def test_a_saturation_on_an_oxygen_fraction_is_not_on_room_air() -> None:
    """fresh7, studied (session 6): 'SpO2 89% on 50%' read a room-air saturation of 89 (the
    50% is the oxygen the patient breathes)."""
    for text in ("Vitals (T 37.5 C, HR 108, RR 30, SpO2 89% on 50%) in chart.",
                 "sats 90% on 40%", "SpO2 93% on 2 L, 88% off"):
        assert "spo2_room_air" not in read(text, "71250"), text
    assert read("SpO2 95% RA", "71250")["spo2_room_air"] == 95


def test_a_normal_finding_followed_by_a_negative_test_stays_normal() -> None:
    """Outside tester (session 6), F14: 'Normal gait, negative Romberg.' read impaired gait and
    'Normal ROM, negative facet loading.' decreased ROM (the 'negative' of the next test
    denied the normal finding before it); 'Ambulates independently without difficulty.'
    read impaired gait. A denial that names its own test after it is that test's; a
    denial of a difficulty confirms a normal finding."""
    for text in ("Normal gait, negative Romberg.", "Gait steady, negative Trendelenburg.",
                 "Ambulates independently without difficulty.", "Gait normal, Romberg negative."):
        assert read(text, "64493")["impaired_balance_gait"] is False, text
    for text in ("Normal ROM, negative facet loading.", "ROM normal, negative Patrick's test."):
        assert read(text, "64493")["decreased_rom"] is False, text
    assert "active_infection" not in read("UTI last year, now resolved.", "64493")


def test_another_kind_of_therapy_is_not_physical_therapy() -> None:
    """Outside tester (session 6), F10: 'Antibiotic therapy for 12 weeks for osteomyelitis',
    'Cognitive behavioral therapy for 12 weeks', 'Massage therapy ...', and under 71250
    'Oxygen therapy for 12 weeks' / 'Inhaler therapy for 26 weeks' read as weeks of
    physical therapy, meeting the PT items. A therapy of another kind says nothing of PT."""
    for text in ("Antibiotic therapy for 12 weeks for osteomyelitis, completed in 2024.",
                 "Cognitive behavioral therapy for 12 weeks.", "Massage therapy for 12 weeks.",
                 "Occupational therapy x 12 weeks.", "Steroid therapy for 12 weeks."):
        assert "pt_weeks" not in read(text, "64493"), text
    for text in ("Oxygen therapy for 12 weeks.", "Inhaler therapy for 26 weeks.",
                 "Speech therapy twice weekly for 16 weeks."):
        assert "pt_weeks" not in read(text, "71250"), text
    assert read("Completed 12 weeks of therapy with the PT clinic.", "64493")["pt_weeks"] == \
        expect("pt_weeks", 12)


def test_an_infection_said_to_be_resolved_is_not_active() -> None:
    """Outside tester (session 6), F18: 'UTI (resolved).' and 'Recent UTI, completed
    antibiotics, resolved.' read an active infection (does not meet 64493.exclusion.1);
    71250 'Recent pneumonia, completed antibiotics, resolved.' a current bacterial
    pneumonia. A resolution in an aside of its own, or after clauses that only say how
    it was treated, is of that infection: not current."""
    for text in ("UTI (resolved).", "Recent UTI, completed antibiotics, resolved.",
                 "Cellulitis of the L shin, finished oral antibiotics, now resolved."):
        assert read(text, "64493").get("active_infection") is not True, text
    assert read("Recent pneumonia, completed antibiotics, resolved.", "71250").get(
        "bacterial_pneumonia") is not True
    assert read("Active UTI, on antibiotics.", "64493")["active_infection"] is True


def test_a_word_pneumonia_is_not_an_acute_bacterial_pneumonia() -> None:
    """Outside tester (session 6), F19: 'Viral pneumonia (COVID) in 2024.', 'Pneumonia risk
    counseling done.' and 'Works as a nurse caring for patients with pneumonia.' each read
    a confirmed or suspected acute bacterial pneumonia (71250.exclusion.1.1, does not
    meet). A viral one, a risk, and other people's are not this patient's."""
    for text in ("Viral pneumonia (COVID) in 2024.", "Pneumonia risk counseling done.",
                 "Works as a nurse caring for patients with pneumonia.",
                 "Discussed risk of pneumonia with smoking."):
        assert "bacterial_pneumonia" not in read(text, "71250"), text
    assert read("Suspected CAP, on ceftriaxone.", "71250")["bacterial_pneumonia"] is True


# Outside tester, session 6: the false facts still open at its end (fixed in session 7).

def test_a_pneumonia_treated_to_its_end_is_not_a_current_one() -> None:
    """Outside tester (session 6), F19: "Admitted Sept 2026 for CAP (bacterial, Strep
    pneumo), treated with IV ceftriaxone x 10 days, discharged." said it could not tell
    whether the pneumonia was current and stored an acute bacterial pneumonia anyway
    (71250.exclusion.1.1, does not meet). An episode dated in an earlier month, or said to
    be treated to its end or the patient discharged, may be over: asked. It is the past
    pneumonia that needed admission and IV antibiotics (71250.necessity 2.1)."""
    f19 = ("Admitted Sept 2026 for CAP (bacterial, Strep pneumo), treated with IV "
           "ceftriaxone x 10 days, discharged. Currently no fever (T 36.9), WBC 8.1.")
    assert read(f19, "71250").get("pneumonia_hospitalization") is True
    for text in (f19, "Lobar pneumonia in August 2026, treated with levofloxacin.",
                 "RLL CAP, tx'd with azithromycin, discharged home 11/2.",
                 "Community-acquired pneumonia; completed antibiotics last week."):
        assert "bacterial_pneumonia" not in read(text, "71250"), text
    for text in ("Suspected CAP, on ceftriaxone day 2.",
                 "RLL pneumonia, being treated with ceftriaxone."):
        assert read(text, "71250")["bacterial_pneumonia"] is True, text


def test_an_infection_or_exacerbation_dated_or_treated_to_its_end_is_not_current() -> None:
    """Outside tester (session 6), F18: "Antibiotic therapy for 12 weeks for
    osteomyelitis, completed in 2024." read an active infection (64493.exclusion.1, does
    not meet) and "COPD exacerbation requiring admission in October, resolved." a severe
    COPD exacerbation requiring hospitalization now (71250). An infection dated in the
    past or treated to its end may be over, and an exacerbation said to be resolved is:
    asked."""
    for text in ("Antibiotic therapy for 12 weeks for osteomyelitis, completed in 2024.",
                 "Cellulitis of the leg in March 2025, treated with cephalexin.",
                 "UTI, finished nitrofurantoin."):
        assert "active_infection" not in read(text, "64493"), text
    for text in ("COPD exacerbation requiring admission in October, resolved.",
                 "Hospitalized for AECOPD last month; recovered, back to baseline.",
                 "Admitted with a COPD exacerbation on 10/2, now resolved."):
        assert "copd_exacerbation_hospitalized" not in read(text, "71250"), text
    assert read("UTI, on nitrofurantoin since yesterday.", "64493")["active_infection"] is True
    assert read("Reschedule once he finishes Keflex and the cellulitis is cleared.",
                "64493").get("active_infection") is not False


def test_a_fever_of_an_earlier_day_when_afebrile_today_is_asked() -> None:
    """Outside tester (session 6), F16: "T 101.2F yesterday, afebrile today at 37.1." read
    38.4 C as the current temperature (71250.exclusion.1.2, does not meet). A reading of
    an earlier day beside one said to be today, or a fever said to be over now, leaves
    which is the highest recent reading asked."""
    for text in ("T 101.2F yesterday, afebrile today at 37.1.",
                 "Temp 38.6 on 11/18, now afebrile.",
                 "Fever to 39.0 two days ago; no fever today, T 36.8."):
        assert "body_temperature" not in read(text, "71250"), text
    assert read("Tmax 38.4 this morning.", "71250")["body_temperature"] == \
        expect("body_temperature", "38.4 C")


def test_a_pneumonia_of_an_earlier_year_and_month_is_a_past_one() -> None:
    """Outside tester (session 7), F5: "Aspiration pneumonia 2026-10, treated with IV
    antibiotics inpatient x 7 days." read a current acute bacterial pneumonia (71250 does
    not meet) and not the past pneumonia that needed hospital care. A year and month
    before this one place the episode in the past."""
    for text in ("Aspiration pneumonia 2026-10, treated with IV antibiotics inpatient x 7 days.",
                 "CAP 2025/03 requiring admission and IV antibiotics."):
        got = read(text, "71250")
        assert "bacterial_pneumonia" not in got, text
        assert got.get("pneumonia_hospitalization") is True, text


def test_a_frequency_of_something_else_is_no_pt_sessions() -> None:
    """Outside tester (session 6), F26: "Meds: albuterol PRN, uses it twice a week with
    relief." and "Goes to the gym twice a week." read 2 physical therapy sessions a week
    (71250.coverage.1.1 met). A bare frequency counts only in a sentence about therapy."""
    for text in ("Meds: albuterol PRN, uses it twice a week with relief.",
                 "Goes to the gym twice a week.", "Walks 3 times a week.",
                 "Nebulizer treatments 4 times per week."):
        assert "pt_sessions_per_week" not in read(text, "71250"), text
    assert read("Pulmonary rehab 3 times a week.", "71250")["pt_sessions_per_week"] == \
        expect("pt_sessions_per_week", 3)
    assert read("twice a week", "71250", pending=["pt_sessions_per_week"])[
        "pt_sessions_per_week"] == expect("pt_sessions_per_week", 2)


def test_a_saturation_not_said_to_be_on_room_air_is_asked() -> None:
    """Outside tester (session 6), F15: "O2 sat 90%." with no word of how it was measured
    read a room-air saturation of 90 (71250.necessity.2 met). The policy asks for the
    saturation on room air: in a note, it counts only with room air or no oxygen said in
    its sentence; a reply to the question itself answers it as asked."""
    for text in ("O2 sat 90%.", "Vitals: HR 96, BP 130/80, SpO2 89%.", "Pulse ox 91% at rest."):
        assert "spo2_room_air" not in read(text, "71250"), text
    assert read("SpO2 91% RA.", "71250")["spo2_room_air"] == expect("spo2_room_air", 91)
    assert read("Home pulse ox 90%, not on oxygen.", "71250")["spo2_room_air"] == \
        expect("spo2_room_air", 90)
    assert read("90%", "71250", pending=["spo2_room_air"])["spo2_room_air"] == \
        expect("spo2_room_air", 90)


def test_a_treatment_that_worked_is_no_failed_treatment() -> None:
    """Outside tester (session 6), F24: "Steroid injection 2026-09-20 gave excellent relief
    for 2 months." recorded 2026-09-20 as the most recent failed conservative treatment
    (97110.necessity.2 met). A treatment said in its clause to have helped has not failed;
    one said not to have helped still has."""
    for text in ("Steroid injection 2026-09-20 gave excellent relief for 2 months.",
                 "CSI 9/10/26 helped a lot.", "Cortisone shot on 10/2/2026 worked well."):
        assert "last_failed_conservative_date" not in read(text, "97110"), text
    assert read("Steroid injection 9/10/26 has not helped.", "97110")[
        "last_failed_conservative_date"] == expect("last_failed_conservative_date", "2026-09-10")


def test_an_oxygen_need_the_patient_was_weaned_from_is_not_the_current_one() -> None:
    """Outside tester (session 7), F12: "Was on 70% FiO2 in ICU; weaned to RA." read a
    current FiO2 of 70 % (71250.necessity.3.2 review, the PT rules set aside). "Was on"
    tells of an earlier need; "weaned to RA" is the need now: room air, 21 %."""
    for text in ("Was on 70% FiO2 in ICU; weaned to RA.",
                 "She was on 50% FiO2 on HFNC last week; back on RA since Monday."):
        assert read(text, "71250").get("fio2_percent") == expect("fio2_percent", 21), text
    assert "fio2_percent" not in read("Was on FiO2 40% overnight.", "71250")


def test_what_the_therapist_recommends_is_no_sessions_attended() -> None:
    """Outside tester (session 7), F9: "PT recommends 2x/week." and "PT wants 2x a week."
    read 2 PT sessions a week attended (71250.coverage.1.1 met). A recommendation or a
    wish is not what the patient attended."""
    for text in ("PT recommends 2x/week.", "PT wants 2x a week.",
                 "Therapist would like 3 sessions per week."):
        assert "pt_sessions_per_week" not in read(text, "71250"), text
    assert read("PT 2x/week for 12 weeks.", "71250")["pt_sessions_per_week"] == \
        expect("pt_sessions_per_week", 2)


def test_a_medicine_or_therapy_started_weeks_ago_is_no_symptom_onset() -> None:
    """fresh7, studied (session 6): 'Meds: duloxetine 60 mg daily, started 3 wks ago.' read
    the symptoms as 3 weeks old. 'started ... ago' after a medicine, a dose or a therapy in
    its sentence is when that began, not the symptoms."""
    for text in ("Meds: duloxetine 60 mg daily, started 3 wks ago.",
                 "Gabapentin 300 mg TID, began about 2 months ago.",
                 "Physical therapy started 5 weeks ago, twice weekly.",
                 "She was prescribed naproxen, started four weeks ago."):
        assert "symptom_weeks" not in read(text, "62311"), text
    assert read("Low back pain started 4 months ago.", "62311").get("symptom_weeks") == \
        expect("symptom_weeks", "4 months")
    assert read("Epidural in 2024 helped for a year; pain recurred 4 months ago.",
                "62311").get("symptom_weeks") == expect("symptom_weeks", "4 months")


def test_not_pregnant_on_the_patients_word_alone_is_asked() -> None:
    """fresh7, studied (session 6): 'Breastfeeding. States she is not pregnant.' read
    not_pregnant. A woman's own word with no test (fresh5's convention) is asked; a
    negative test, or the clinician's own statement, settles it."""
    for text in ("31F with LBP. She says she's not pregnant; no test was done.",
                 "Pt reports she is not pregnant (LMP 11/1). Urine hCG to be done before "
                 "the block.",
                 "Per patient, not pregnant.",
                 "28 yo female. States she is not pregnant."):
        assert "pregnancy" not in read(text, "64493"), text
    for text in ("31F, not pregnant (urine hCG negative 11/20).",
                 "Pt states she is not pregnant; serum hCG neg 11/18.",
                 "She is not pregnant."):
        assert read(text, "64493").get("pregnancy") == "not_pregnant", text


def test_a_record_whose_sentence_says_it_is_not_there_yet_is_not_on_file() -> None:
    """fresh7, studied (session 6): 'The pain management consultation from Dr. Ellery has
    not been dictated yet and will follow separately' read the consultation as on file. A
    record whose own sentence goes on to say it has not been done or sent, or will
    follow, is not read as on file."""
    for text in ("The pain management consultation from Dr. Ellery has not been dictated "
                 "yet and will follow separately.",
                 "Spine surgery consult note of 11/2 has not been received.",
                 "The specialist consultation from Dr. Patel will follow by fax.",
                 "Neurosurgery consult (Dr. Ames, 10/30) was never sent to us."):
        assert read(text, "64493").get("specialist_consult_documented") is not True, text
    assert read("The PCP note is attached, but the MRI report has not been sent.",
                "64493").get("pcp_consult_documented") is True


def test_a_bare_no_that_opens_a_denial_is_that_denials() -> None:
    """fresh7, studied (session 6): 'no, not pregnant (neg hcg today). had her baby in
    march' to the pregnancy and postpartum questions read 'not postpartum' from the 'no'
    (the 'no' opens 'not pregnant'; the baby in March leaves postpartum to ask)."""
    for text in ("no, not pregnant (neg hcg today). had her baby in march",
                 "no - not pregnant. delivered in the spring",
                 "No, negative pregnancy test yesterday; baby is 4 months old"):
        facts = read(text, "97110", ["pregnancy", "postpartum"])
        assert facts.get("pregnancy") == "not_pregnant", text
        assert "postpartum" not in facts, text
    assert read("no, no", "97110", ["pregnancy", "postpartum"])["postpartum"] is False


def test_a_topic_of_counselling_screening_or_worry_is_no_finding() -> None:
    """Outside tester (session 6), F20: 'Counseled on steroid risks in pregnancy.' read
    pregnant, 'Screened for osteomyelitis risk factors.' an active infection, and
    'Patient concerned about cosmetic appearance of the scar from prior surgery.' a
    cosmetic purpose (each does not meet 64493). What was counselled on, screened for or
    worried about is not stated of the patient."""
    for text, fact in (("Counseled on steroid risks in pregnancy.", "pregnancy"),
                       ("Educated about pregnancy and radiation exposure.", "pregnancy"),
                       ("Screened for osteomyelitis risk factors.", "active_infection"),
                       ("Patient concerned about cosmetic appearance of the scar from prior "
                        "surgery.", "cosmetic_purpose"),
                       ("She is worried about an infection after the injection.",
                        "active_infection")):
        assert fact not in read(text, "64493"), text


def test_the_policys_requirement_is_not_the_patients_pt() -> None:
    """Outside tester (session 6), F21: 'Needs 12 weeks of PT per policy; has 8.' and 'Must
    complete 12 weeks of PT before injection.' read 12 weeks of PT done (64493.coverage.1
    met on a requirement). A figure the policy or a 'must/needs to complete' asks for is
    not what the patient did."""
    for text in ("Needs 12 weeks of PT per policy; has 8.",
                 "Must complete 12 weeks of PT before injection.",
                 "She needs to complete 12 weeks of physical therapy first.",
                 "12 weeks of PT is required per the payer."):
        assert "pt_weeks" not in read(text, "64493"), text
    assert read("PT 12 weeks completed.", "64493")["pt_weeks"] == expect("pt_weeks", 12)


def test_imaging_of_another_body_part_is_not_the_spine_study() -> None:
    """Outside tester (session 6), F22: 'X-rays of the hands 2026-10-01.', 'Dental X-rays
    2026-10-01.' and 'MRI of the hands 2026-10-01.' read spine X-rays / a spine MRI
    (64493.coverage.4 met). Plural body parts and dental films are other imaging."""
    for text in ("X-rays of the hands 2026-10-01.", "Dental X-rays 2026-10-01.",
                 "MRI of the hands 2026-10-01.", "XR both wrists 10/1/26.",
                 "Panorex 10/1/26."):
        facts = read(text, "64493")
        assert "xray_date" not in facts and "ct_mri_date" not in facts, text
    assert "ct_mri_date" not in read("MRI of the hands 2026-10-01.", "62311")
    assert "xray_date" not in read("Dental X-rays 2026-10-01.", "97110")
    assert read("X-rays L-spine 2026-10-01.", "64493")["xray_date"] == \
        expect("xray_date", "2026-10-01")


def test_how_often_is_no_number_of_weeks() -> None:
    """Outside tester (session 6), F23: to 'How many weeks of physical therapy has the
    patient completed?', 'she has had PT twice' was stored as 2 weeks (does not meet
    64493.coverage.1). 'twice', 'once', 'three times' say how often, not how long."""
    for text in ("she has had PT twice", "twice", "once", "he went three times"):
        assert "pt_weeks" not in read(text, "64493", ["pt_weeks"]), text
    assert read("12", "64493", ["pt_weeks"])["pt_weeks"] == expect("pt_weeks", 12)
    turn = chat("does this qualify for 64493?", "low back pain, pain 7/10",
                "she has had PT twice")
    assert "pt_weeks" not in turn.facts and turn.decision != "does_not_meet"


    # answers set apart by semicolons are one per question
    assert read("no; not pregnant", "64493", ["active_infection", "pregnancy"])[
        "active_infection"] is False


def test_a_total_after_the_courses_said_in_all_or_after_an_aside_is_read() -> None:
    """f7/f8 complete notes, studied (session 6): 'He has completed two courses of
    physical therapy, 12 weeks in all: 6 weeks of ...' and 'Completed 2 courses of PT
    (2025 and summer 2026), 14 wks total: ...' left the PT total unread and asked. The
    total said right after the courses is read whatever word says it is the whole ('in
    all', 'altogether', 'total'), and an aside of when the courses were may come between."""
    for text, weeks in (
            ("She finished two courses of physical therapy, 10 weeks in all; neither "
             "helped.", 10),
            ("He has completed two courses of physical therapy, 12 weeks in all: 6 weeks "
             "of supervised exercise and stretching, 3 weeks of manual therapy.", 12),
            ("Two courses of PT, 16 weeks altogether, no lasting relief.", 16),
            ("Completed 2 courses of PT (spring 2025 and summer 2026), 14 wks total: "
             "7 wks ther-ex, 4 wks manual, 3 wks pain ed.", 14)):
        assert read(text, "64493").get("pt_weeks") == parse_value(
            "pt_weeks", fact_specs(None)["pt_weeks"], f"{weeks} weeks", AS_OF), text
    # one course's length said 'in all of the first' is no total: asked
    assert "pt_weeks" not in read("Two courses of PT, 6 weeks in all of the first and 4 "
                                  "of the second.", "64493")


def test_courses_each_too_short_are_no_qualifying_courses() -> None:
    """Outside tester (session 6), F17: 'Failed 2 courses of conservative treatment, each 3
    weeks.' read 2 failed 6-week courses (62311.necessity.2 and 3 met). Where only courses
    of at least 6 weeks count, one length said of each course decides how many count."""
    for text in ("Failed 2 courses of conservative treatment, each 3 weeks.",
                 "Failed 2 courses of conservative treatment (4 weeks each)."):
        assert read(text, "62311")["conservative_courses_failed"] == \
            expect("conservative_courses_failed", 0), text
    assert read("Failed 2 courses of conservative treatment, each 8 weeks.", "62311")[
        "conservative_courses_failed"] == expect("conservative_courses_failed", 2)


def test_therapy_of_a_limb_is_not_the_spines_pt() -> None:
    """Outside tester (session 6), F12: 'Failed 2 courses of PT in 2019 for shoulder.' read
    two failed PT courses for a facet injection (64493.necessity.2.3 met); 'Did PT for 12
    weeks for a knee injury' read 12 weeks of PT. Therapy of a limb is asked."""
    for text in ("Failed 2 courses of PT in 2019 for shoulder.",
                 "Did PT for 12 weeks in 2019 for a knee injury.",
                 "Completed 8 weeks of PT after her ACL repair."):
        facts = read(text, "64493")
        assert "pt_courses_failed" not in facts and "pt_weeks" not in facts, text
    assert read("PT 14 weeks with core and hip strengthening.", "64493")["pt_weeks"] == \
        expect("pt_weeks", 14)
    assert read("Failed 2 courses of PT for low back pain.", "64493")["pt_courses_failed"] == \
        expect("pt_courses_failed", 2)


def test_a_record_still_to_come_is_not_on_file() -> None:
    """fresh8, studied (session 6): 'PT clinic says the progress notes will be sent after
    their billing closes, maybe next week' read the PT notes as on file ('will be sent'
    counted only at the end of its clause). A record promised for later, whatever words
    follow the promise, is not on file."""
    for text in ("PT clinic says the progress notes will be sent after their billing closes.",
                 "Progress notes are being sent by the therapy clinic this afternoon.",
                 "PT notes will be uploaded when their portal is back up",
                 "The PT progress notes will be mailed to us by the end of the week."):
        assert read(text, "64493").get("pt_notes_documented") is not True, text
    assert read("PT progress notes on file", "64493").get("pt_notes_documented") is True


def test_a_record_said_on_file_and_denied_in_the_same_entry_is_asked() -> None:
    """fresh8, studied (session 6): 'PT notes - only a one-page discharge summary; no plan
    of care, no progress notes' read the PT notes as on file from the label. A record both
    said to be there and denied is asked, never read as on file."""
    for text in ("PT notes - only a one-page discharge summary; no plan of care, no progress notes",
                 "PT notes received.\nNo progress notes.",
                 "PT documentation: initial eval only, no progress notes"):
        assert read(text, "64493").get("pt_notes_documented") is not True, text
    assert read("No progress notes.", "64493").get("pt_notes_documented") is False


def test_a_saturation_on_the_support_just_named_is_not_on_room_air() -> None:
    """fresh8, studied (session 6): 'HFNC 40 L/min, FiO2 65% per RT; SpO2 91% on that' read
    91% as the room-air saturation ('on that' is the high-flow oxygen). A saturation said
    to be on 'that', 'it', 'those settings' is on the support named before it."""
    for text in ("O2 requirement: HFNC 40 L/min, FiO2 65% per RT; SpO2 91% on that.",
                 "Venturi mask 40%. Sat 90% on this.",
                 "BiPAP 14/8 with FiO2 50% -- sats 89% on those settings",
                 "Placed on a non-rebreather. SpO2 93% on it."):
        assert "spo2_room_air" not in read(text, "71250"), text
    assert read("SpO2 91% on RA", "71250")["spo2_room_air"] == expect("spo2_room_air", 91)


def test_a_denial_running_over_a_lasting_state_says_nothing_of_pregnancy() -> None:
    """fresh8, studied (session 6): '52F, ... no infection, post-menopausal, no major
    comorbidities' read 'not pregnant' (the 'no' of the infection was taken to deny the
    menopause, and a denied choice read as its negation). A lasting state (menopause, a
    hysterectomy) in a denial's scope is asked; 'not pregnant' is still read."""
    for text in ("52F, facet pain lumbar x 6 mo, no infection, post-menopausal, no major "
                 "comorbidities",
                 "She is not post-menopausal; LMP 11/01.",
                 "No hysterectomy."):
        assert read(text, "64493").get("pregnancy") != expect("pregnancy", "not_pregnant"), text
    assert read("Pregnancy test negative today.", "64493")["pregnancy"] == \
        expect("pregnancy", "not_pregnant")
    assert read("s/p total hysterectomy 2015", "64493")["pregnancy"] == \
        expect("pregnancy", "not_applicable")


def test_a_threshold_with_a_reviewers_verdict_is_the_policys_figure() -> None:
    """fresh8, studied (session 6): a UR worksheet's 'PT >= 12 wk: MET (16 wk documented
    ...)' read 12 weeks of PT and 'Sx >= 6 wk: MET (onset 02/2024)' 6 weeks of symptoms:
    the figures are the policy's thresholds, and the verdict after them says so. A
    threshold followed by MET / not met / yes / Y is asked, never read as the patient's."""
    for text, fact in (("PT >= 12 wk: MET", "pt_weeks"),
                       ("Sx > 6 weeks - met", "symptom_weeks"),
                       ("Physical therapy at least 12 weeks: NOT MET", "pt_weeks"),
                       ("Symptoms ≥ 6 wks = Y", "symptom_weeks")):
        assert fact not in read(text, "64493"), text
    assert read("PT 14 weeks, failed.", "64493")["pt_weeks"] == expect("pt_weeks", "14 weeks")


def test_a_failure_tied_to_the_last_treatment_in_brackets_is_that_treatments() -> None:
    """fresh7, studied (session 6): 'cons tx 14 wks (NSAIDs first, then CSI 9/2/26 -
    failed)' read the whole conservative care as failed (the corpus asks: the NSAIDs'
    outcome is not said). A failure said of the whole list is still read."""
    for text in ("cons tx 14 wks (NSAIDs first, then CSI 9/2/26 - failed). XR x2",
                 "Conservative treatment 12 wks (HEP, bracing, then PT - failed)",
                 "Conservative care (ibuprofen and a CSI 10/1/26: no relief) for 16 weeks"):
        assert "failed_conservative" not in read(text, "97110"), text
    assert read("Conservative care 14 wks (PT and bracing, no improvement)", "97110")[
        "failed_conservative"] is True
    assert read("Conservative treatment (PT then NSAIDs) failed.", "97110")[
        "failed_conservative"] is True


def test_an_h_and_p_that_documents_the_onset_date_gives_the_symptoms_duration() -> None:
    """f8 complete note, studied (session 6): 'PCP (Dr. B): comprehensive H&P, documents
    onset 06/20/2026 and the course since.' left how long the symptoms have lasted unread
    and asked. An H&P that documents the onset on a date says when the symptoms began;
    one that documents the onset of something else, or no date, states nothing."""
    for text in ("PCP: comprehensive H&P, documents onset 06/20/2026 and the course since.",
                 "Ortho H&P enclosed; it documented the onset on 6/20/26 after a fall."):
        assert read(text, "97110").get("symptom_weeks") == parse_value(
            "symptom_weeks", fact_specs(None)["symptom_weeks"], "156 days", AS_OF), text
    for text in ("The H&P documents onset of diabetes in 2019.",
                 "H&P documents onset and course."):
        assert "symptom_weeks" not in read(text, "97110"), text


def test_pt_records_said_to_list_the_modalities_document_them() -> None:
    """f7 complete note, studied (session 6): 'Records in chart: PT plans of care +
    progress notes (modalities listed)' left the modalities record unread and asked.
    Records said to list the modalities document them; records said not to list them,
    or still to be sent, do not."""
    for text in ("Records in chart: PT plans of care + progress notes (modalities listed).",
                 "Enclosed: PT flowsheets listing the modalities at each visit."):
        assert read(text, "64493").get("modalities_documented") is True, text
    assert read("PT notes do not list the modalities.",
                "64493").get("modalities_documented") is False
    assert read("Will send PT notes listing the modalities.",
                "64493").get("modalities_documented") is not True


def test_no_therapy_notes_is_no_denial_of_the_therapy() -> None:
    """A helper's report (session 6): "No PT notes." read 0 weeks of PT and 0 failed PT
    courses under 64493, as if there had been no therapy at all. A denial of a document
    named after the therapy ("PT notes", "therapy logs", "PT progress reports") says the
    document is missing, nothing of the therapy; "No PT." still says there was none."""
    for text in ("No PT notes.", "no PT logs in the packet", "PT progress reports: none",
                 "No physical therapy notes, only the referral."):
        read = {f.fact: f.value for f in understand(text, cpt="64493", pending=[],
                                                     as_of=AS_OF).facts}
        assert "pt_weeks" not in read and "pt_courses_failed" not in read, (text, read)
    read = {f.fact: f.value for f in understand("No PT.", cpt="64493", pending=[],
                                                 as_of=AS_OF).facts}
    assert read["pt_weeks"] == "0"


def test_a_no_before_words_that_carry_their_own_denial_agrees_with_them() -> None:
    """Outside tester (session 6), F13: to the pregnancy question, 'no she can't be
    pregnant, she's 67' changed 'Cannot be pregnant' to 'Not pregnant' (the 'no' denied
    'can't be pregnant' again). Words that carry their own denial keep their value; a
    'no' before them agrees."""
    for text in ("no she can't be pregnant, she's 67", "no - cannot be pregnant",
                 "nope, postmenopausal"):
        assert read(text, "97110", ["pregnancy"])["pregnancy"] == "not_applicable", text
    assert read("no", "97110", ["pregnancy"])["pregnancy"] == "not_pregnant"
    assert read("she is not pregnant", "97110", ["pregnancy"])["pregnancy"] == "not_pregnant"


def test_the_ordering_doctor_saying_i_document_the_failure_documents_it() -> None:
    """f7/f8 complete notes, studied (session 6): 'I document that conservative
    management has failed' and 'Conservative management has failed - I document this as
    the ordering physician' were asked. The writer's own 'I document' (present tense) is
    as much the ordering provider's documentation as 'I documented'; a request to
    document it is not."""
    for text in ("His symptoms are worse, and I document that conservative management "
                 "has failed.",
                 "Conservative care has failed; I document this as the ordering "
                 "physician."):
        assert read(text, "71250").get("failed_conservative_documented") is True, text
    for text in ("Please document as the ordering physician whether conservative "
                 "management failed.",
                 "Could you document as the ordering provider that conservative care "
                 "failed?"):
        assert "failed_conservative_documented" not in read(text, "71250"), text




def test_a_label_over_several_durations_takes_none_of_them() -> None:
    """fresh7, studied (session 6): 'Conservative care over the past 20 weeks: physical
    therapy for 8 weeks, meloxicam 15 mg daily for 6 weeks, and a weight-loss program for
    6 weeks' read 6 weeks of conservative care. A label whose figure is in the clauses
    after it takes it only when there is one figure there: of several durations of
    different treatments (one after another or side by side), none is the whole."""
    for text in ("Conservative care: physical therapy for 8 weeks, meloxicam 15 mg daily "
                 "for 6 weeks.",
                 "Conservative treatment - PT 10 weeks, then naproxen 4 weeks",
                 "Conservative care over the past 20 weeks: physical therapy for 8 weeks, "
                 "meloxicam for 6 weeks, and a weight-loss program for 6 weeks."):
        assert read(text, "62311").get("conservative_weeks") not in (
            expect("conservative_weeks", "6 weeks"), expect("conservative_weeks", "4 weeks"),
            expect("conservative_weeks", "8 weeks"), expect("conservative_weeks", "10 weeks")), text
    assert read("He did conservative care from April to July, 14 wks total.",
                "62311").get("conservative_weeks") == expect("conservative_weeks", "14 weeks")


def test_a_follow_up_note_naming_an_earlier_hp_is_not_itself_the_hp() -> None:
    """A helper's report (session 6, fresh8): a dated follow-up visit with an interval
    history and an exam was read as the H&P of that day, though it names "my
    comprehensive H&P from her new-patient visit 05/19/2026". The record named with a
    date of its own is the H&P; a note is taken as the H&P itself only when it names
    none."""
    note = ("PM&R FOLLOW-UP VISIT - 11/20/2026\nInterval history: pain unchanged, 6/10.\n"
            "Exam: decreased lumbar extension.\nRecords on file: my comprehensive H&P from "
            "her new-patient visit 05/19/2026.")
    read = {f.fact: f.value for f in understand(note, cpt="64493", pending=[],
                                                 as_of=AS_OF).facts}
    assert read.get("hp_date") == "2026-05-19", read
    alone = ("Date of visit: 11/20/2026\nHistory: low back pain 6 months.\n"
             "Exam: tender over the facets.")
    read = {f.fact: f.value for f in understand(alone, cpt="64493", pending=[],
                                                 as_of=AS_OF).facts}
    assert read.get("hp_date") == "2026-11-20", read


def test_a_course_numbered_in_a_list_is_not_a_count_of_courses() -> None:
    """Session 6 (fresh9, a blind set): "PT course 1, ... 8 wks: no relief. PT course 2,
    ... 12 wks: no relief" read 1 failed PT course from "course 1", and a qualifying
    64493 case was denied for too few failed courses. A number right after the noun it
    counts names which course it is."""
    for text in ("PT course 1 (spring): 6 wks, no relief.\nPT course 2 (summer): 8 wks, "
                 "no relief.", "Course #1 of PT failed; course #2 of PT failed as well.",
                 "Physical therapy round 1 - no help."):
        read = {f.fact: f.value for f in understand(text, cpt="64493", pending=[],
                                                     as_of=AS_OF).facts}
        assert read.get("pt_courses_failed") != "1", (text, read)
    read = {f.fact: f.value for f in understand("Failed 2 courses of PT.", cpt="64493",
                                                 pending=[], as_of=AS_OF).facts}
    assert read["pt_courses_failed"] == "2"


def test_pmh_none_says_no_conditions_not_that_the_history_is_missing() -> None:
    """Session 6 (fresh9): "PMH none - no severe comorbidities" read the 62311 medical
    history as not on file, and a qualifying case was denied on documentation."""
    for text in ("PMH none - no severe comorbidities.", "PMH - none. NKDA.", "PMH nil."):
        read = {f.fact: f.value for f in understand(text, cpt="62311", pending=[],
                                                     as_of=AS_OF).facts}
        assert read.get("hp_history_documented") is not False, (text, read)


# Session 7 (fixb): false facts of 64493 and 62311 found in the corpus.


def test_a_bracket_after_a_denial_is_an_aside_not_denied() -> None:
    """Session 7, f6-62311-note-case-manager-meets: "no severe comorbidities (PMH: GERD
    only)" read the 62311 medical history as not on file (the denial ran into the
    bracket), and a complete qualifying note was denied with no question. A bracket
    opened after the denied words says something about them; it is not denied."""
    hp = "H&P 11/10/2026: meds, allergies (codeine), PSH (hernia repair 2015). "
    for text in (hp + "Screening: no severe comorbidities (PMH: GERD only).",
                 hp + "No significant comorbidities (medical history reviewed, HTN only).",
                 hp + "Denies bleeding problems (medical history documented)."):
        assert read(text, "62311").get("hp_history_documented") is True, text
    assert read("Medical history not on file (per the PCP).", "62311").get(
        "hp_history_documented") is False
    assert read("No PT (physical therapy).", "64493").get("pt_weeks") == expect("pt_weeks", 0)

# ------------------------------------------- outside tester, session 6: chat findings


def test_a_correction_of_an_answer_never_taken_is_not_filed_under_the_pending_question(
        ) -> None:
    """Outside tester (session 6), F6: "I think about 8" was not taken (two week-counts
    could take it); "sorry, that was 6 weeks not 8" was then filed as the pain-education
    weeks, a question nobody answered (64493.coverage.1.4 became met). A correction whose
    taken-back value no answer holds asks which fact it corrects and stores nothing."""
    turn = chat("does this qualify for 64493?",
                "62 yo woman, low back pain about 6 months, pain 7/10",
                "14 weeks", "I think about 8", "not sure", "sorry, that was 6 weeks not 8")
    for fact in ("pt_exercise_weeks", "pt_manual_weeks", "pt_education_weeks"):
        assert _value(turn, fact) is None, fact
    assert "which fact does it correct" in turn.reply
    # "not sure" answered one question (the first shown), not two
    assert "pt_exercise_weeks" in turn.facts and "pt_manual_weeks" not in turn.facts


def test_a_figure_said_afterwards_to_be_a_relatives_is_not_the_patients() -> None:
    """Outside tester (session 6), C1: "sorry the WBC was 6.2, 16.2 was his sister's"
    kept the sister's 16.2 (several values: which is current?) and the case stayed
    excluded on it. A figure said after it to be someone else's competes with none."""
    turn = chat("CT chest 71250 for my patient, 70M with persistent cough and dyspnea "
                "for 3 months", "WBC 16.2", "sorry the WBC was 6.2, 16.2 was his sister's")
    assert _value(turn, "wbc_count") == 6200
    for text in ("WBC 6.2, 16.2 was his sister's", "WBC 6.2 (16.2 was his sister's)"):
        assert read(text, "71250").get("wbc_count") == 6200, text
    # Said in brackets to be another's, a figure is not the patient's either, even when
    # the patient's own follows in the scope of the relative's word: nothing is stated.
    assert "wbc_count" not in read("WBC 16.2 (his sister's)", "71250")
    assert "wbc_count" not in read("WBC 16.2 (his sister's), his own 6.2", "71250")
    assert "wbc_count" not in read("WBC 6.2, 16.2", "71250")  # still asked which


@pytest.mark.parametrize("reply", ["her daughter is pregnant",
                                   "her husband has diabetes, she doesn't"])
def test_a_reply_about_someone_else_says_so(reply: str) -> None:
    """Outside tester (session 6), C7: 'her daughter is pregnant' got "please say it
    another way", and in "her husband has diabetes, she doesn't" the bare "she doesn't"
    was offered to the MRI and X-ray questions (or taken as "not pregnant"). The reply
    says the words are about someone other than the patient; nothing is stated."""
    for pending in ([], ["pregnancy", "severe_comorbidities"], ["mri_date", "xray_date"]):
        u = _reading(reply, "97110", pending=pending)
        assert not u.facts, (pending, u.facts)
        assert [x.why for x in u.unread] == ["it is about someone other than the patient"]


def test_rows_of_a_dated_list_are_read_one_by_one() -> None:
    """Session 7, f5-62311-timeline-*: lines that each open with a date were read as one
    wrapped sentence, so "no compression" of the first MRI and "negative" of a head CT
    ran into the next rows (compression and the readable study read false), and the
    H&P of the last row took the date of the row above. Each row is its own sentence;
    under a header ("PFTs" over dated rows) the rows still belong to the header."""
    rows = ("03/2026  MRI L-spine: mild bulge, no compression\n"
            "10/01/2026  MRI L-spine: extrusion compressing the L5 nerve root with root "
            "edema; foraminal stenosis\n10/29/2026  CT head after a fall: negative")
    got = read(rows, "62311")
    assert got.get("imaging_nerve_root_compression") is not False, got
    assert got.get("imaging_stenosis_readable") is True, got
    assert got.get("ct_mri_date") == date(2026, 10, 1), got
    visits = ("09/02/26  spine consult - note in chart\n09/30/26  H&P by her PCP\n"
              "11/04/26  repeat H&P with neuro exam")
    assert read(visits, "62311").get("hp_date") == date(2026, 11, 4)
    assert read("Spirometry\n2025-02-10   FEV1 66% predicted\n2026-09-14   FEV1 79% "
                "predicted", "71250").get("pft_date") == date(2026, 9, 14)
    assert read("Pain 6/10 today. H&P 10/16/26, MRI\n9/18/26, X-ray 7/30/26.",
                "62311").get("ct_mri_date") == date(2026, 9, 18)


def test_a_date_before_a_mention_with_its_own_date_is_not_its_date() -> None:
    """Session 7, f5-62311-note-telehealth-cirrhosis: "TELEHEALTH PRE-PROCEDURE REVIEW
    (video, 11/19/2026) + in-person H&P 11/12/2026 attached" read the H&P as of 11/19
    (the later of the two dates in its clause). A date right after the H&P is its own;
    the review's date before it is not the H&P's too."""
    for text, day in (("Phone follow-up (11/19/2026) + in-clinic H&P 11/12/2026 enclosed.",
                       date(2026, 11, 12)),
                      ("Video visit 11/20/2026, physical exam 11/10/2026 in person.",
                       date(2026, 11, 10)),
                      ("(11/19/2026 portal message) H&P dated 11/12/2026 attached",
                       date(2026, 11, 12))):
        assert read(text, "62311").get("hp_date") == day, text
    assert read("On 11/19/2026, H&P done.", "62311").get("hp_date") == date(2026, 11, 19)


def test_a_form_line_answered_n_after_its_legend_denies_it() -> None:
    """Session 7, f6-64493-vi-*: "C4 Medication list w/ doses attached (Y/N): N - see
    free text" read the medication list as on file, and "Q16 Balance/gait impaired (Y/N):
    N" read the gait as impaired: the answer "N" after a legend of answers, with a remark
    after a dash, was not taken as the form's "no"."""
    for text, fact in (("C4  Medication list w/ doses attached (Y/N): N - see free text",
                        "medication_list_documented"),
                       ("7. PT notes w/ modalities enclosed (Y/N): N", "pt_notes_documented")):
        assert read(text, "64493").get(fact) is False, text
    codes = "Codes: Y=yes N=no U=unknown\nQ15 ROM decreased (Y/N): Y\n"
    for text in (codes + "Q16 Balance/gait impaired (Y/N): N",
                 codes + "Q16 Gait abnormal on exam (Y/N): N - steady, normal tandem"):
        assert read(text, "64493").get("impaired_balance_gait") is not True, text
    assert read("C2  PT plan of care + progress notes attached (Y/N): Y (12 pp)",
                "64493").get("pt_notes_documented") is True


def test_a_record_said_to_be_sent_later_in_its_sentence_is_not_on_file() -> None:
    """Session 7, f9-64493-email-outside-records and f6-62311-cm-pcp-unsigned-*: "The PCP
    consult letter - they said they'll send it after their billing closes" and "the
    consult note - dictated 11/14 but is not yet signed; they will fax it once signed"
    read the consultation as on file. Further on in its own sentence the record is still
    to come: asked. A promise about another record named between does not count."""
    for text in ("The PCP consult letter - they said they'll send it after billing closes.",
                 "PCP consult note: dictated last week, awaiting signature.",
                 "Called the PCP office for the consult note - it is not yet signed; they "
                 "will fax it once it is."):
        assert read(text, "64493").get("pcp_consult_documented") is None, text
        assert read(text, "62311").get("pain_or_pcp_consult_documented") is None, text
    assert read("PCP consult note on file; the MRI report - they will send it Monday.",
                "64493").get("pcp_consult_documented") is True


def test_an_angle_is_no_pain_score() -> None:
    """Session 7, f9-64493-soap-objective: "Lumbar flexion limited to 40 deg w/ pain,
    extension 10 deg" read a pain score of 10/10. A figure in degrees ("deg", "°") is an
    angle of motion (or a temperature), never a score."""
    for text in ("Lumbar flexion limited to 40 deg w/ pain, extension 10 deg.",
                 "Pain with extension 10°.", "Rotation painful, 5 deg. each side."):
        assert "pain_nrs" not in read(text, "64493"), text
    assert read("T 38.6 deg", "71250").get("body_temperature") == \
        expect("body_temperature", "38.6 C")
    assert read("Pain 7 today.", "64493").get("pain_nrs") == expect("pain_nrs", 7)


def test_a_time_word_right_after_a_figure_is_that_figures() -> None:
    """Session 7, f6-64493-arrows-rom-gait-pain-with-without-meds: "Pain: 7/10 today (on
    tramadol) / 9/10 w/o meds" read 9/10 as today's pain (the cued "today" took the
    figure after it). A "today" / "now" right after a figure says when that one was."""
    for text in ("Pain: 7/10 today (on tramadol) / 9/10 w/o meds (per pt)",
                 "NRS 5 now / 8 off meds", "Pain 6/10 today, 9/10 at night"):
        assert read(text, "64493").get("pain_nrs") not in (
            expect("pain_nrs", 9), expect("pain_nrs", 8)), text
    assert read("Pain today 6/10", "64493").get("pain_nrs") == expect("pain_nrs", 6)


def test_two_phrases_of_a_fact_that_overlap_are_one_mention() -> None:
    """Outside tester (session 7) F2: "PT 12 wks (6 wks ther ex/stretching, 3 wks
    manual/modalities, 3 wks education)" read exercise 3 weeks and manual 6 weeks (the
    figures shifted): "ther ex" and "ex/stretching" overlap, and taken apart "ther"
    stood between the 6 weeks and the exercise."""
    got = read("PT 12 wks (6 wks ther ex/stretching, 3 wks manual/modalities, 3 wks "
               "education).", "64493")
    assert (got.get("pt_exercise_weeks"), got.get("pt_manual_weeks")) == (
        expect("pt_exercise_weeks", 6), expect("pt_manual_weeks", 3)), got
    got = read("PT: 7 wk ther ex/stretch, 3 wk manual, 2 wk pain ed/self-mgmt", "64493")
    assert (got.get("pt_exercise_weeks"), got.get("pt_manual_weeks"),
            got.get("pt_education_weeks")) == (expect("pt_exercise_weeks", 7),
                                               expect("pt_manual_weeks", 3),
                                               expect("pt_education_weeks", 2)), got


def test_a_date_taken_back_is_no_figure_to_correct() -> None:
    """Outside tester (session 7) F1: after "conservative treatment 10 weeks ... MRI
    2026-10-30", "sorry, the MRI was 10/01/2026 not 10/30" changed the conservative
    treatment to 30 weeks (the month of the date taken back matched the stored 10 weeks,
    its day became the new value), and a failing 62311 case no longer failed."""
    a = assistant()
    a.send("t", "Does this case qualify for 62311? 55M, lumbar radiculopathy, symptoms x 4 "
                "months, conservative treatment 10 weeks (PT, meds, weight loss). MRI 2026-10-30.")
    turn = a.send("t", "sorry, the MRI was 10/01/2026 not 10/30")
    assert turn.facts["conservative_weeks"]["value"] == 10
    assert turn.facts["ct_mri_date"]["value"] == "2026-10-01"
    for text in ("sorry, the MRI was 8/15/2026 not 10/30", "MRI 9/12 not 10/14"):
        assert "conservative_weeks" not in read(
            text, "62311", known={"conservative_weeks": 10.0,
                                  "ct_mri_date": date(2026, 10, 30)}), text
    assert read("sorry, conservative was 12 weeks not 10", "62311",
                known={"conservative_weeks": 10.0}).get("conservative_weeks") == \
        expect("conservative_weeks", 12)


def test_a_promise_over_a_list_of_records_covers_every_record_in_it() -> None:
    """Outside tester (session 6) F2, still open in session 7: "They will fax PT notes,
    med list and PCP consult." read the medication list and the PCP consult as on file
    (the promise covered only the first record of the list); "PT notes, med list and
    PCP consult to be faxed" likewise read the first two. Every record of the list is
    still to come: asked."""
    for text in ("They will fax PT notes, med list and PCP consult.",
                 "PT notes, med list and PCP consult to be faxed.",
                 "Office will send her medication list, PT progress notes & the PCP consult."):
        got = read(text, "64493")
        assert True not in (got.get("pt_notes_documented"), got.get("medication_list_documented"),
                            got.get("pcp_consult_documented")), (text, got)
    got = read("PT notes attached, med list and PCP consult to be faxed.", "64493")
    assert got.get("pt_notes_documented") is True and \
        got.get("medication_list_documented") is not True, got


def test_a_note_said_not_to_mention_the_matter_is_not_the_consultation() -> None:
    """Outside tester (session 6) F25, still open in session 7: "PCP note on file does
    not mention the back." read the 62311 consultation (symptoms, diagnosis and plan) as
    on file."""
    for text in ("PCP note on file does not mention the back.",
                 "Pain management consult from 2024 in chart, didn't address the leg pain."):
        assert read(text, "62311").get("pain_or_pcp_consult_documented") is not True, text
    assert read("PCP consult note on file; it documents the radicular symptoms and plan.",
                "62311").get("pain_or_pcp_consult_documented") is True


def test_a_newer_one_after_a_dated_record_leaves_the_date_asked() -> None:
    """Session 7, f9-64493-email-outside-records: "her last H&P was with Dr. Roe on
    11/02/2025, but there's a newer one from her PCP dated 06/18/2026" read the H&P of
    2025 (64493 wants one within the year). The sentence says the date read is not the
    latest: asked."""
    for text in ("Her last H&P was with Dr. Roe on 11/02/2025, but there's a newer one from "
                 "her PCP dated 06/18/2026.",
                 "Physical exam 01/15/2026 in our clinic; a more recent one was done by ortho."):
        assert read(text, "64493").get("hp_date") not in (
            date(2025, 11, 2), date(2026, 1, 15)), text


def test_the_doctor_who_did_it_does_not_take_its_date() -> None:
    """Session 7 (corpus misses): "H&P by her PCP, Dr. Osei, on 06/10/2026" left the H&P
    date asked: the bare "PCP" was taken for a record the date belonged to. A bare word
    that only cues a record names a doctor; a record named ("PCP consult note dated
    ...") or a date of the thing's own before it still keeps the date away."""
    assert read("H&P by her PCP, Dr. Osei, on 06/10/2026", "64493").get("hp_date") == \
        date(2026, 6, 10)
    assert read("H&P by PCP Dr. Farah 08/30/2026", "64493").get("hp_date") == date(2026, 8, 30)
    assert read("H&P 10/1/26 by ortho, seen by her PCP on 11/2/26 for a cold.", "64493").get(
        "hp_date") == date(2026, 10, 1)


def test_no_newer_one_denies_more_of_it_not_the_one_described() -> None:
    """Session 7, f6-62311-note-denial-reply-old-hp: "Dr. Fenn's full H&P of 10/05/2026
    is enclosed: current medications, allergies, surgical history ... There has been no
    newer H&P" read the 62311 medical history as not on file. "No newer / more recent /
    later X" denies another one, not the one the message describes."""
    hp = ("H&P of 10/05/2026 enclosed: current medications, allergies (NKDA), surgical "
          "history (appendectomy 2001). ")
    for text in (hp + "There has been no newer H&P.",
                 hp + "No more recent H&P; next visit 12/08.",
                 hp + "She has had no later history and physical since."):
        assert read(text, "62311").get("hp_history_documented") is True, text
    assert read("No H&P on file.", "62311").get("hp_history_documented") is False


def test_the_day_a_study_was_read_is_not_its_date() -> None:
    """Outside tester (session 7) F10: "MRI 2026-05-10, read 2026-06-02." read the MRI as
    of 06-02, within 64493's six months, though the study was done on 05-10."""
    for text in ("MRI 2026-05-10, read 2026-06-02.", "MRI L-spine 05/10/2026 (read by Dr. Hu "
                 "06/02/2026)", "CT 5/10/26, interpreted 6/2/26"):
        assert read(text, "64493").get("ct_mri_date") == date(2026, 5, 10), text


def test_therapy_referred_ordered_or_approved_is_not_therapy_done() -> None:
    """Outside tester (session 7) F8: "PT referral is for 12 weeks", "Referred to PT for
    12 weeks", "PT order: 12 weeks, 2x/week" and "Insurance approved 12 weeks of PT"
    read 12 weeks of physical therapy completed (64493 and 71250)."""
    for text in ("PT referral is for 12 weeks.", "Referred to PT for 12 weeks.",
                 "PT order: 12 weeks, 2x/week.", "Insurance approved 12 weeks of PT.",
                 "Physical therapy authorized x 10 weeks by the plan."):
        assert "pt_weeks" not in read(text, "64493"), text
        assert "pt_weeks" not in read(text, "71250"), text
    assert read("Completed PT 12 weeks, no relief.", "64493").get("pt_weeks") == \
        expect("pt_weeks", 12)


def test_a_figure_said_wrong_corrects_the_fact_named_never_another() -> None:
    """Outside tester (session 7) F7: in chat, after "pain 6/10, PT 12 weeks with 6
    weeks exercise, 3 weeks manual, 3 weeks education", "sorry, 3 weeks of education was
    wrong, it was 2" set the pain score to 2/10 (64493 does not meet, not remediable);
    "sorry, 12 weeks of PT was wrong, it was 10" set it to 10. The figure corrects the
    fact named (or asks which), never a fact of another kind."""
    a = assistant()
    a.send("t", "does this qualify for 64493?")
    a.send("t", "low back pain 8 months, pain 6/10, PT 12 weeks with 6 weeks exercise, "
                "3 weeks manual, 3 weeks education")
    for text in ("sorry, 3 weeks of education was wrong, it was 2",
                 "sorry, 12 weeks of PT was wrong, it was 10",
                 "sorry, the manual therapy was wrong, it was 2"):
        turn = a.send("t", text)
        assert turn.facts["pain_nrs"]["value"] == 6, text
    assert turn.facts["pt_weeks"]["value"] == 10
    assert turn.facts["pt_manual_weeks"]["value"] == 2


def test_could_be_pregnant_is_a_doubt_not_a_pregnancy() -> None:
    """Outside tester (session 7) F11: "Could be pregnant; test tomorrow." read pregnant
    (64493 does not meet). "Could be" / "could have" doubt what follows: asked."""
    for text in ("Could be pregnant; test tomorrow.", "She could be pregnant, LMP late.",
                 "Could have active infection - culture pending."):
        got = read(text, "64493")
        assert got.get("pregnancy") != "pregnant" and got.get("active_infection") is not True, \
            (text, got)
    assert read("She is 10 weeks pregnant.", "64493").get("pregnancy") == "pregnant"


def test_a_limbs_range_of_motion_is_not_the_spines() -> None:
    """Outside tester (session 7) F19: "ROM limited by pain in the shoulder; lumbar ROM
    normal." read decreased range of motion (64493) from the shoulder's."""
    for text in ("ROM limited by pain in the shoulder; lumbar ROM normal.",
                 "Decreased ROM of the R knee after TKA.", "Hip ROM reduced, spine not examined."):
        assert read(text, "64493").get("decreased_rom") is not True, text
    assert read("Lumbar ROM decreased; shoulder exam normal.", "64493").get(
        "decreased_rom") is True


def test_a_pain_score_after_a_block_is_its_effect_not_the_patients_pain() -> None:
    """Outside tester (session 7) F20: "NRS 0/10 at rest after the block; 7/10 before."
    read a pain score of 0 (64493 does not meet, not remediable). A score after a
    diagnostic block or an injection is its short effect."""
    for text in ("NRS 0/10 at rest after the block; 7/10 before.",
                 "Pain 1/10 post-injection (lidocaine).", "VAS 10/100 after MBB x 4 hours."):
        assert read(text, "64493").get("pain_nrs") not in (
            expect("pain_nrs", 0), expect("pain_nrs", 1)), text
    assert read("Pain 2/10 post-injection, 8/10 today.", "64493").get("pain_nrs") == \
        expect("pain_nrs", 8)


def test_a_care_not_taken_up_is_not_received() -> None:
    """Outside tester (session 7) F18: "Cons tx: PT 6 wks, naproxen 4 wks. Weight loss:
    not attempted." and "PT, meds. Lifestyle changes declined." read lifestyle
    modifications received (62311 shows all three kinds of care, no review)."""
    for text in ("Cons tx: PT 6 wks, naproxen 4 wks. Weight loss: not attempted.",
                 "PT, meds. Lifestyle changes declined.",
                 "PT and gabapentin; weight loss program - refused."):
        got = read(text, "62311").get("conservative_treatments")
        assert got is None or "lifestyle_modifications" not in got, (text, got)
    assert "physical_therapy" not in read("PT refused; meds and weight loss tried.",
                                          "62311").get("conservative_treatments", ())


def test_a_sentence_labelled_with_a_relative_is_the_relatives() -> None:
    """Outside tester (session 7) F17: "PMH: HTN. Brother - ESRD on HD." read end-stage
    renal disease (64493 does not meet, not remediable); "Sister - lupus, on dialysis."
    likewise under 62311. What a relative's label lists is the relative's."""
    for text in ("PMH: HTN. Brother - ESRD on HD.", "Sister - lupus, on dialysis.",
                 "Mother: COPD on home O2, CHF."):
        for cpt in ("64493", "62311"):
            assert not read(text, cpt).get("severe_comorbidities"), (text, cpt)
    assert read("ESRD on HD. Brother - healthy.", "64493").get("severe_comorbidities") == \
        expect("severe_comorbidities", ["esrd"])


def test_a_document_to_be_obtained_or_not_attached_is_not_on_file() -> None:
    """Outside tester (session 7) F21: "PT notes: see outside records (not attached)."
    and "Treatment logs: will obtain from PT clinic." read the documents as on file."""
    assert read("PT notes: see outside records (not attached).", "64493").get(
        "pt_notes_documented") is not True
    assert read("Med list: from the pharmacy (not received).", "64493").get(
        "medication_list_documented") is not True
    for text in ("Treatment logs: will obtain from PT clinic.",
                 "Treatment logs - to obtain from Bayside PT."):
        assert read(text, "62311").get("treatment_logs_documented") is not True, text
    assert read("PT notes: attached (12 pages).", "64493").get("pt_notes_documented") is True


def test_a_hedged_or_ranged_relative_date_is_asked() -> None:
    """Outside tester (session 7) F25: "MRI about 6 months ago." read a day on 64493's
    six-month cut-off (met); "MRI roughly 5-7 months ago." a day past it. Neither says
    the day: asked."""
    for text in ("MRI about 6 months ago.", "MRI roughly 5-7 months ago.",
                 "X-ray ~3 months ago", "MRI 2 or 3 months ago"):
        got = read(text, "64493")
        assert "ct_mri_date" not in got and "xray_date" not in got, (text, got)
    assert read("MRI 3 weeks ago.", "64493").get("ct_mri_date") == date(2026, 11, 2)



def test_today_in_a_note_titled_as_a_dated_visit_is_the_visits_day() -> None:
    """Session 7, f6-62311-note-interpreter-pregnant: a note titled "PAIN MEDICINE
    PRE-PROCEDURE VISIT - 11/19/2026" with "History & physical today (this note)" read the
    H&P as of the day it was pasted. A short first line naming a visit or an encounter,
    with one date, gives the note's day and its "today"."""
    for title in ("PAIN MEDICINE PRE-PROCEDURE VISIT - 11/19/2026",
                  "Telephone encounter 11/19/2026", "Spine clinic visit 11/19/2026"):
        text = title + "\nH&P today: meds, allergies (NKDA), surgical history (none)."
        assert read(text, "62311").get("hp_date") == date(2026, 11, 19), text


# ------------------------------- outside tester, session 7: chat answers (session 8)
# Each a false fact filed from a reply to the questions on screen; the tester's words
# first, then other wordings of the same meaning.

# (session 21: the note said "(2 failed courses)", which the reader now reads; it is left
# out so the failed PT courses stay asked, the question this reply is tested against)
_F24_NOTE = (
    "REFERRAL - Interventional Pain Re: M. Brennan. Requesting bilateral L4-5, L5-S1 facet "
    "joint injections (64493). The patient has had axial low back pain for 11 months, worse "
    "with extension and standing. NRS 7/10 today. She completed 13 weeks of physical therapy "
    "this year (7 weeks supervised exercise and stretching, 3 weeks manual therapy with heat "
    "and e-stim, 3 weeks pain neuroscience education/self-management) with no lasting "
    "relief. This was her second course of PT. Medications: meloxicam 15 "
    "mg daily x 10 weeks - no benefit. Overall she has not responded to conservative "
    "treatment. Imaging: lumbar X-rays 2026-04-14 (facet arthropathy L4-S1); MRI L-spine "
    "2026-09-02 (facet hypertrophy, no stenosis). Diagnostic medial branch block L4-5 on "
    "2026-10-20 with 80% relief for 6 hours. H&P 2026-11-18. Exam: lumbar extension limited "
    "to 10 degrees, antalgic gait. Female, 58. On file: PT plan of care and progress notes, "
    "medication list with doses, modalities log, PCP consult note (Dr. Hale, 2026-07-01), "
    "and my pain management consult.")
_62311_OPEN = ["severe_comorbidities", "functional_assessment_6_weeks", "conservative_weeks"]
_62311_CHANGE = ["pain_nrs_increase", "functional_assessment_6_weeks",
                 "conservative_courses_failed"]


def test_a_reply_about_another_questions_subject_gives_none_of_its_figures_away() -> None:
    """Outside tester (session 7) F13: with the comorbidities, the functional assessment
    and the weeks of conservative treatment asked, "ODI went from 38 to 30 in the last 6
    weeks" was filed as 6 weeks of conservative treatment (does not meet). The reply is
    about the ODI, a question of its own: its window of 6 weeks is no treatment's."""
    a = assistant()
    a.send("t", "does this qualify for 62311?")
    asked = a.send("t", "49F L5 radiculopathy since July, 16 weeks PT + gabapentin + weight "
                        "loss, 2 courses failed, baseline pain 4, now 7")
    assert asked.pending == _62311_OPEN
    turn = a.send("t", "ODI went from 38 to 30 in the last 6 weeks")
    assert "conservative_weeks" not in turn.facts
    assert turn.decision != "does_not_meet"
    for text in ("ODI 38 -> 30 over the past 6 weeks",
                 "Oswestry improved from 40 to 32 over 6 wks"):
        assert "conservative_weeks" not in read(text, "62311", pending=_62311_OPEN), text
    # the weeks said of the treatment still answer
    assert read("16 weeks", "62311", pending=_62311_OPEN)["conservative_weeks"] == \
        expect("conservative_weeks", 16)


def test_a_no_and_but_after_it_answer_the_question_the_clause_is_about() -> None:
    """Outside tester (session 7) F24: to "failed PT courses? / active infection? /
    pregnant?", "no, but she had a UTI last month, treated" filed 0 failed PT courses (does
    not meet). The "no" is the infection's, said with more; it is no count of courses."""
    a = assistant()
    a.send("t", "does this qualify for 64493?")
    asked = a.send("t", _F24_NOTE)
    assert asked.pending == ["pt_courses_failed", "active_infection", "pregnancy"]
    turn = a.send("t", "no, but she had a UTI last month, treated")
    assert "pt_courses_failed" not in turn.facts
    assert turn.decision != "does_not_meet"
    for text in ("no - although she had a UTI in October, treated with Keflex",
                 "no, she had a UTI last month, treated"):
        assert "pt_courses_failed" not in read(text, "64493", pending=asked.pending), text
    # answers in order still count
    assert read("2, no, no", "64493", pending=asked.pending) == {
        "pt_courses_failed": 2, "active_infection": False,
        "pregnancy": expect("pregnancy", "not_pregnant")}


def _62311_pain_asked() -> Assistant:
    a = assistant()
    a.send("t", "does this qualify for 62311?")
    asked = a.send("t", "58M lumbar radiculopathy x 5 months, baseline pain 7/10, "
                        "comorbidities none")
    assert asked.pending == _62311_CHANGE
    return a


@pytest.mark.parametrize(("reply", "change"), [("down 2", -2), ("it dropped from 7 to 5", -2),
                                               ("worse, 6 to 8", 2)])
def test_the_way_a_pain_change_went_gives_its_sign(reply: str, change: int) -> None:
    """Outside tester (session 7) F22, C5, F23: to "by how many points did the pain score
    change? (+ if worse, - if better)", "down 2" was read +2 (the confirmation repeated
    her words with the opposite sign), "it dropped from 7 to 5" was offered as a count of
    failed courses, and "worse, 6 to 8" filed the functional assessment "no significant
    improvement" (no ODI was named) and asked where 6 to 8 belonged."""
    turn = _62311_pain_asked().send("t", reply)
    assert turn.facts["pain_nrs_increase"]["value"] == change
    assert turn.facts["pain_nrs_increase"]["origin"] == "stated"
    assert "functional_assessment_6_weeks" not in turn.facts
    assert "conservative_courses_failed" not in turn.facts


def test_other_wordings_of_a_pain_change_read_its_way_or_are_asked() -> None:
    def change(text: str) -> object:
        return read(text, "62311", pending=_62311_CHANGE).get("pain_nrs_increase")

    assert change("dropped 3") == -3
    assert change("went up from 5 to 7") == 2
    assert change("2 points lower") == -2
    # two ways at once, or a way the figures contradict: asked, the figures not read
    for text in ("better, 5 to 7", "worse, 8 to 6"):
        assert read(text, "62311", pending=_62311_CHANGE) == {}, text
    # the way alone is the pain's, with the pain question on screen: no assessment
    for text in ("worse", "it got much better"):
        assert read(text, "62311", pending=_62311_CHANGE) == {}, text
    assert read("worse", "62311", pending=["functional_assessment_6_weeks"]) == {
        "functional_assessment_6_weeks": expect("functional_assessment_6_weeks", "not_improved")}


def _64493_pt_confirm() -> Assistant:
    a = assistant()
    a.send("t", "does this qualify for 64493?")
    a.send("t", "LBP 9 months, pain 7/10")
    turn = a.send("t", "12 weeks")
    assert turn.facts["pt_weeks"]["origin"] == "inferred"
    assert turn.pending == ["pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"]
    return a


def test_no_and_a_value_to_a_confirmation_answers_no_other_question() -> None:
    """Outside tester (session 7) F29: to "I read "12 weeks" as Physical therapy
    completed: 12 weeks — is that right?", "no, 8" filed supervised exercise 0 weeks and
    manual therapy 8 weeks (does not meet). It says the reading is wrong and gives its
    value: the value corrects the reading asked about (the tester's "should have": PT
    completed 8 weeks), never the next questions (agent/nodes.py, a "no" followed by a
    value to a confirmation). The reader alone, without the confirmation, files it
    nowhere."""
    turn = _64493_pt_confirm().send("t", "no, 8")
    assert "pt_exercise_weeks" not in turn.facts and "pt_manual_weeks" not in turn.facts
    assert turn.facts["pt_weeks"]["value"] == 8
    assert turn.facts["pt_weeks"]["origin"] == "confirmed"
    known = {"pain_region": "low_back", "pain_nrs": 7.0, "pt_weeks": 12.0}
    for text in ("nope, 10 weeks", "no it was 8"):
        assert read(text, "64493", pending=["pt_exercise_weeks", "pt_manual_weeks"],
                    known=known) == {}, text
    # a "no" to a yes/no question, then a count, are two answers
    assert read("no, 2", "64493", pending=["active_infection", "pt_courses_failed"],
                known=known) == {"active_infection": False, "pt_courses_failed": 2}


def test_weeks_of_something_not_pt_are_no_weeks_of_pt() -> None:
    """Outside tester (session 7) F30: to the same confirmation, "no it was 12 weeks of
    home exercise not PT" confirmed 12 weeks of physical therapy (the "please confirm"
    dropped, met with no PT). The figure is the home exercise's; "X not PT" says what it
    was, not that PT was never done: asked."""
    turn = _64493_pt_confirm().send("t", "no it was 12 weeks of home exercise not PT")
    assert turn.facts.get("pt_weeks", {}).get("origin") in (None, "inferred")
    assert "pt_weeks" not in turn.verdict["facts"]
    for text in ("12 weeks home exercise program (not formal PT)",
                 "it was home exercises for 12 weeks, not physical therapy"):
        assert "pt_weeks" not in read(text, "64493"), text
    assert read("LBP 9 months, no PT", "64493")["pt_weeks"] == 0


# --------------------------------- outside tester, session 8: chat take-backs (fixa)


def test_no_wait_that_was_last_week_corrects_the_value_just_given() -> None:
    """Outside tester (session 8) F9: after "temp 38.4", "no wait, that was last week;
    today 37.2" kept the fever (does not meet) and read nothing of 37.2. "no wait" takes
    the value back like "sorry"; today's figure replaces it."""
    a = assistant()
    a.send("t", "CT chest 71250, 66M, cough and dyspnea 3 months")
    assert a.send("t", "temp 38.4").facts["body_temperature"]["value"] == 38.4
    turn = a.send("t", "no wait, that was last week; today 37.2")
    assert turn.facts["body_temperature"]["value"] == 37.2
    assert "pft_date" not in turn.facts
    assert turn.decision != "does_not_meet"
    known = {"body_temperature": 38.4, "symptom_weeks": 13.0}
    for text in ("oh wait, that reading was from Monday - today it's 37.1",
                 "no wait, that was at admission; now 37.3"):
        assert read(text, "71250", known=known).get("body_temperature") != expect(
            "body_temperature", 38.4), text
        assert "body_temperature" in read(text, "71250", known=known), text


@pytest.mark.parametrize(("messages", "taken_back", "kept"), [
    # the tester's (F18, 97110): the pregnancy stayed, nothing said about the message
    (("does this qualify for 97110?", "44F low back pain 4 months, pain 6/10",
      "she's pregnant", "sorry, wrong patient - she is not pregnant"),
     set(), {"pregnancy": "not_pregnant"}),
    # the tester's (F19, 71250): the weeks were zeroed, the husband's 2x a week stayed
    (("CT chest 71250 for 59F", "cough and SOB for 10 weeks, pain 7/10",
      "she did pulmonary rehab 2x a week, 20 weeks",
      "oh wait, that was her husband. she did no PT"),
     {"pt_sessions_per_week"}, {"pt_weeks": 0}),
    # ours
    (("CT chest 71250 for 59F", "cough and SOB for 10 weeks, pain 7/10",
      "pulmonary rehab 3x/week for 14 weeks", "oops, that was for another patient"),
     {"pt_sessions_per_week", "pt_weeks"}, {}),
    (("does this qualify for 97110?", "44F low back pain 4 months, pain 6/10",
      "she's pregnant", "my bad, that was her daughter - she is not pregnant"),
     set(), {"pregnancy": "not_pregnant"}),
])
def test_a_message_saying_the_last_one_was_someone_elses_takes_all_of_it_back(
        messages: tuple[str, ...], taken_back: set[str], kept: dict[str, object]) -> None:
    """Outside tester (session 8) F18, F19: "sorry, wrong patient - she is not pregnant"
    was ignored (Pregnant stayed, case held for review), and "oh wait, that was her
    husband. she did no PT" kept his 2 sessions a week. What the last message gave is
    removed, and what follows about the patient is read."""
    turn = chat(*messages)
    assert not set(taken_back) & set(turn.facts), turn.facts
    for fact, value in kept.items():
        assert turn.facts[fact]["value"] == value
    assert "Removed what I read from that message" in turn.reply
    assert "Could not read" not in turn.reply


def test_not_sure_about_a_tool_named_answers_that_question() -> None:
    """Outside tester (session 8) C3: "not sure about the ODI, I'd have to check" got
    "which question does it answer: Severe comorbidities, Functional assessment ...,
    Conservative treatment?": the ODI named says which."""
    for text in ("not sure about the ODI, I'd have to check", "don't know the oswestry"):
        u = _reading(text, "62311", pending=_62311_OPEN)
        assert [(r.fact, r.value) for r in u.facts] == [("functional_assessment_6_weeks", None)]
        assert not any("which question" in x.why for x in u.unread), text


def test_one_medicines_weeks_in_a_long_account_are_no_total_of_conservative_care() -> None:
    """Outside tester (session 8) F22, the chat part: with the weeks of conservative
    treatment asked (97110), a patient's portal message "... I took ibuprofen for 2 months
    (July-Aug) and it did nothing, been doing home exercises since then ..." filed 8.7
    weeks of conservative treatment (does not meet). In a long message a sentence's figure
    answers a number question only where it names the question's subject."""
    a = assistant()
    a.send("t", "PT auth 97110")
    turn = a.send("t", 'portal msg from pt: "my knee has hurt since June, I took ibuprofen '
                       'for 2 months (July-Aug) and it did nothing, been doing home exercises '
                       'since then. pain is 6/10. my sister is pregnant so I am helping her a '
                       'lot"')
    assert "conservative_weeks" not in turn.facts
    assert turn.decision != "does_not_meet"
    pending = ["mri_date", "xray_date", "conservative_weeks"]
    for text in ("Message from the patient: my neck has hurt since March, I was on Advil for "
                 "10 weeks and it did not help, then started yoga at home which I still do. "
                 "Pain is 7/10.",
                 "Spoke with her: she used ice and heat for 3 weeks in May, then ibuprofen for "
                 "8 weeks, and is now doing home exercises since August. Pain 6/10."):
        assert "conservative_weeks" not in read(text, "97110", pending=pending), text
    # a short reply, or the total named, still answers
    assert read("14 weeks", "97110", pending=pending)["conservative_weeks"] == \
        expect("conservative_weeks", 14)


def test_an_age_and_sex_is_never_asked_to_be_said_another_way() -> None:
    """Outside tester (session 8) C1: with questions pending, "58F, right L5 radiculopathy
    for 14 weeks, ..." said 'Could not read "58F"; please say it another way.' An age and
    a sex are no question's answer and nothing a nurse can say otherwise."""
    a = assistant()
    a.send("t", "does this case qualify for 62311?")
    turn = a.send("t", "58F, right L5 radiculopathy for 14 weeks, conservative treatment 14 "
                       "weeks with PT, naproxen and weight loss")
    assert "58F" not in turn.reply
    for text, cpt, pending in (("44F, pain 7/10", "64493", ["pain_nrs", "pt_weeks"]),
                               ("61 yo M; none", "62311", ["severe_comorbidities",
                                                          "pain_nrs_increase"])):
        u = _reading(text, cpt, pending=pending)
        assert not [x for x in u.unread if re.search(r"\d", x.words)], (text, u.unread)


def test_a_hedged_figure_in_reply_waits_for_the_users_yes() -> None:
    """Outside tester (session 8) F34: "about 3 months I think" to the weeks of
    conservative treatment was a firm 13 weeks (62311's 12 met on a guess). A hedged
    figure is shown "(please confirm)" and not used until she says yes."""
    pending = ["severe_comorbidities", "conservative_weeks", "hp_date"]
    for text in ("about 3 months I think", "roughly 12 weeks", "14 weeks or so"):
        u = _reading(text, "62311", pending=pending)
        assert [(r.fact, r.origin) for r in u.facts] == [("conservative_weeks", "inferred")], text
    assert [r.origin for r in _reading("14 weeks", "62311", pending=pending).facts] == \
        ["stated"]


# Outside tester, session 7: the false facts from notes still open at its end (fixed in
# session 8, fixb).


def test_a_total_stated_as_phases_is_summed_never_its_first_phase() -> None:
    """Outside tester (session 7) F4: "Pulmonary rehab 3x/week x 8 weeks, then 2x/week x
    16 weeks." read 8 weeks of PT (71250 does not meet, 12 required), and "Completed 12
    wks pulm rehab 2x/wk in 2025, another 12 wks this year." read 12: a total told in
    parts is their sum, or asked; never its first part."""
    for text, weeks in (("Pulmonary rehab 3x/week x 8 weeks, then 2x/week x 16 weeks.", 24),
                        ("Completed 12 wks pulm rehab 2x/wk in 2025, another 12 wks this year.",
                         24),
                        ("Pulmonary PT 2 times a week for 10 weeks, then once a week for 6 "
                         "weeks.", 16),
                        ("Completed 10 weeks of pulmonary rehab last spring and a further 6 "
                         "weeks this fall.", 16)):
        for cpt in ("71250", "64493"):
            assert read(text, cpt).get("pt_weeks") in (None, expect("pt_weeks", weeks)), \
                (text, cpt)
    assert read("Pulmonary rehab 3x/week x 8 weeks, then 2x/week x 16 weeks.", "71250").get(
        "pt_weeks") == expect("pt_weeks", 24)
    # the part still to come, or another thing's, is no part of what was done
    for text in ("PT 8 wks, another 4 wks planned.",
                 "PT 8 wks in 2025, another 4 wks of home exercise this year."):
        assert read(text, "71250").get("pt_weeks") != expect("pt_weeks", 12), text


def test_a_chronic_background_or_past_episode_is_not_the_present_symptoms_length() -> None:
    """Outside tester (session 7) F27: "Symptoms x 3 weeks; chronic LBP for 10 years."
    read a symptom duration of 10 years (62311's 6 weeks met); F6: "Knee pain x 2 weeks;
    had similar pain for 3 months last year." read 3 months (97110); session 6 F11: "Had
    similar symptoms for 10 weeks in 2022 that resolved. Current episode 2 weeks." read
    10 weeks. The present symptoms' own length is stated: the longer one is asked about,
    never read."""
    for text, cpt, wrong in (
            ("Symptoms x 3 weeks; chronic LBP for 10 years.", "62311", "10 years"),
            ("Symptoms x 3 weeks. Chronic LBP for 10 years.", "62311", "10 years"),
            ("Radicular leg pain x 4 weeks; long-standing low back pain for 6 years.", "62311",
             "6 years"),
            ("Knee pain x 2 weeks; had similar pain for 3 months last year.", "97110",
             "3 months"),
            ("Back pain for 5 weeks; a similar episode in 2024 lasted 6 months.", "97110",
             "6 months"),
            ("Had similar symptoms for 10 weeks in 2022 that resolved. Current episode 2 "
             "weeks.", "97110", "10 weeks")):
        assert read(text, cpt).get("symptom_weeks") != expect("symptom_weeks", wrong), text
    assert read("Had similar symptoms for 10 weeks in 2022 that resolved. Current episode 2 "
                "weeks.", "97110").get("symptom_weeks") == expect("symptom_weeks", 2)
    # the complaint itself chronic, nothing else said: its length stands
    assert read("Chronic low back pain for 8 months.", "62311").get("symptom_weeks") == \
        expect("symptom_weeks", "8 months")
    assert read("Chest pain x 10 days; dyspnea x 7 wks", "71250").get("symptom_weeks") == \
        expect("symptom_weeks", 7)


# Outside tester, session 8: false facts from notes (fixb).


def test_a_fields_label_is_no_answer_when_its_answer_follows() -> None:
    """Outside tester (session 8) F1: "Infection: none. Pregnancy: not pregnant." read
    pregnant (64493 does not meet; also 62311's fax form line, 71250 and 97110 review):
    after another field, the label "Pregnancy" was taken for the answer. A field's label
    is no answer; what follows it is."""
    for cpt in ("64493", "62311", "71250", "97110"):
        for text in ("Infection: none. Pregnancy: not pregnant.",
                     "Comorbidities: none. Pregnancy: not pregnant.",
                     "Allergies: NKDA. Pregnancy (Y/N): not pregnant, LMP 11/20."):
            assert read(text, cpt).get("pregnancy") != "pregnant", (text, cpt)
    line = ("Infection: none    Pregnancy: not pregnant (postmenopausal)    Severe "
            "comorbidities: none    Cosmetic: no")
    assert read(line, "62311").get("pregnancy") in ("not_pregnant", "not_applicable")
    # a yes/no field answered with a denial of more than one word, after another field
    for text in ("Meds: none. Active infection: not at this time.",
                 "Allergies: none. Cosmetic: not cosmetic."):
        got = read(text, "64493")
        assert True not in (got.get("active_infection"), got.get("cosmetic_purpose")), text
    assert read("Meds: none. Pregnancy: pregnant, 8 wks.", "64493").get("pregnancy") == \
        "pregnant"


def test_a_ticked_box_is_the_fields_answer() -> None:
    """Outside tester (session 8) F2: "Active infection: [ ] Yes [X] No" read an active
    infection (64493 does not meet), and "Pregnant: [ ] yes [x] no. Active infection: [x]
    yes [ ] no." read no infection (the pregnancy's "no" taken for it). The box ticked
    answers its field, on whichever side of the word it stands."""
    for text in ("Active infection: [ ] Yes [X] No", "Active infection: Yes [ ] No [X]",
                 "Active infection: [ ] Y [x] N"):
        assert read(text, "64493").get("active_infection") is False, text
    got = read("Pregnant: [ ] yes [x] no. Active infection: [x] yes [ ] no.", "64493")
    assert got.get("active_infection") is True and got.get("pregnancy") != "pregnant", got
    assert read("Cosmetic: Yes [x] No [ ]", "62311").get("cosmetic_purpose") is True
    for text in ("Active infection: [ ] Yes [ ] No", "Active infection: [x] Yes [x] No"):
        assert "active_infection" not in read(text, "64493"), text


def test_the_answers_a_form_offers_are_not_the_answer_given() -> None:
    """Outside tester (session 8) F3: "Cosmetic: Y / N (circle one): N" read cosmetic
    (62311 does not meet): the offered "Y / N" was taken for the answer."""
    for text in ("Cosmetic: Y / N (circle one): N", "Cosmetic: Yes/No (circle): No",
                 "Active infection: Y/N - N"):
        got = read(text, "62311")
        assert True not in (got.get("cosmetic_purpose"), got.get("active_infection")), text
    assert read("Cosmetic: Y / N (circle one): Y", "62311").get("cosmetic_purpose") is True


def test_the_study_of_another_body_area_is_not_the_affected_areas() -> None:
    """Outside tester (session 7) F32: "MRI C-spine 2026-10-01 (for neck), MRI L-spine
    2025-12-01. Pain: low back." read the C-spine MRI as 64493's (met; the lumbar one is
    over 6 months old), "MRI lumbar 2026-01-05; MRI brain 2026-11-01." the brain MRI
    (97110), and "Low back pain. XR L-spine x2 (...). XR knee 2026-11-20." the knee film.
    Of studies of several areas, the one of the complaint's area counts; where the
    message does not say which area that is, the date is asked."""
    assert read("MRI C-spine 2026-10-01 (for neck), MRI L-spine 2025-12-01. Pain: low back.",
                "64493").get("ct_mri_date") == date(2025, 12, 1)
    assert read("MRI lumbar 2026-01-05; MRI brain 2026-11-01.", "97110").get("mri_date") == \
        date(2026, 1, 5)
    assert read("Low back pain. XR L-spine x2 (2026-06-01, 2026-10-01). XR knee 2026-11-20.",
                "97110").get("xray_date") == date(2026, 10, 1)
    assert read("Chronic LBP. CT lumbar 2026-03-02 and CT thoracic spine 2026-10-20.",
                "62311").get("ct_mri_date") == date(2026, 3, 2)
    got = read("Right knee pain. XR knee 2026-06-01. XR shoulder 2026-11-20.", "97110")
    assert got.get("xray_date") == date(2026, 6, 1), got
    # no area said for the complaint: asked, never the newest of any area
    assert "ct_mri_date" not in read("MRI L-spine 2025-12-01, MRI C-spine 2026-10-01.",
                                     "64493")
    # the complaint in the other area: its own study
    assert read("Neck pain 6/10. MRI C-spine 2026-10-01, MRI L-spine 2025-12-01.",
                "64493").get("ct_mri_date") == date(2026, 10, 1)


def test_a_delivery_a_year_or_more_ago_is_not_read_as_postpartum() -> None:
    """Outside tester (session 7) F3: "Delivered 2025-06-01." (18 months before) read
    postpartum (97110 goes to review). A delivery dated a year or more back may be long
    over: asked; a recent one is still read."""
    for text in ("Delivered 2025-06-01.", "45F. Not pregnant. Delivered 2025-06-01 (SVD).",
                 "Gave birth 06/2025.", "G1P1, delivered a baby in May 2025."):
        assert read(text, "97110").get("postpartum") is not True, text
    assert read("Delivered 2026-11-10.", "97110").get("postpartum") is True
    assert read("Postpartum (delivered 09/20/2026).", "97110").get("postpartum") is True


def test_a_question_the_note_answers_no_is_no_statement() -> None:
    """Outside tester (session 8) F6: "Patient is 12 weeks postpartum? No - that was her
    sister; patient never pregnant." read postpartum (97110 review). A note that asks
    itself and answers "No" with a remark has said no, not yes."""
    text = ("Her sister had PT for the same thing. Patient is 12 weeks postpartum? No - "
            "that was her sister; patient never pregnant.")
    assert read(text, "97110").get("postpartum") is not True
    assert read("Postpartum? No - delivered in 2019.", "97110").get("postpartum") is False
    got = read("Active infection? No - UTI treated last month, resolved.", "97110")
    assert got.get("active_infection") is False, got
    assert read("Postpartum? Yes - delivered 10/01/2026.", "97110").get("postpartum") is True


def test_a_value_the_writer_marks_with_a_question_is_asked() -> None:
    """Outside tester (session 7) F11, second input: "She is 10 weeks pregnant? - pt
    unsure, hCG ordered." read pregnant (64493 does not meet). A question mark right
    after the value doubts it, figures in the clause or not."""
    for text in ("She is 10 weeks pregnant? - pt unsure, hCG ordered.",
                 "LMP 9/20, ~10 wks pregnant? awaiting hCG.",
                 "R leg cellulitis? redness since 11/28, PCP to confirm."):
        got = read(text, "64493")
        assert got.get("pregnancy") != "pregnant" and got.get("active_infection") is not True, \
            (text, got)
    assert read("Pregnant? No", "64493").get("pregnancy") == "not_pregnant"
    assert read("She is 10 weeks pregnant.", "64493").get("pregnancy") == "pregnant"


def test_a_record_sent_but_not_received_is_not_on_file() -> None:
    """Outside tester (session 8) F5: "PT notes faxed 11/25 - not received as of 11/30."
    read the PT notes as on file (64493 coverage.3.8 met). Sent is not received."""
    for text in ("PT notes faxed 11/25 - not received as of 11/30.",
                 "PT notes sent by the clinic 11/25, never arrived.",
                 "Med list mailed last week but not yet in chart."):
        got = read(text, "64493")
        assert True not in (got.get("pt_notes_documented"),
                            got.get("medication_list_documented")), (text, got)
    assert read("PT notes received 11/25; MRI report not received.", "64493").get(
        "pt_notes_documented") is True


def test_two_regions_named_together_are_the_main_one_or_asked() -> None:
    """Outside tester (session 7) F31: "Neck and low back pain, mostly low back." read
    the pain region as the neck (64493 goes to review). Of two regions named together,
    the one said to be the main one counts; with none said, which is asked."""
    for text in ("Neck and low back pain, mostly low back.",
                 "Pain in the neck and lower back, predominantly the lower back."):
        assert read(text, "64493").get("pain_region") == "low_back", text
    for text in ("Low back and neck pain.", "Neck and lumbar pain for 6 months."):
        assert "pain_region" not in read(text, "64493"), text
    assert read("Right-sided neck pain radiating toward the shoulder blade.", "64493").get(
        "pain_region") == "neck"


def test_pain_scores_of_two_sites_in_one_sentence_are_asked() -> None:
    """Outside tester (session 7) F34: "Pain 8/10 (abdominal), chest pain 3/10." read a
    pain score of 8 for a chest CT (71250 coverage.5.1 met; 3 is a final does not meet).
    Two sites' scores in one sentence: which one is asked (as across sentences)."""
    assert "pain_nrs" not in read("Pain 8/10 (abdominal), chest pain 3/10.", "71250")
    assert "pain_nrs" not in read("Neck pain 3/10, low back pain 7/10.", "64493")
    assert "pain_nrs" not in read("Knee pain 7/10 and shoulder pain 2/10.", "97110")
    # a score said to be of the past is none of them
    assert read("NRS today (0-10): 06 (NRS 9 in April at the ED - historical)", "64493").get(
        "pain_nrs") == expect("pain_nrs", 6)


def test_a_field_answered_with_its_own_word_denied_is_denied() -> None:
    """Outside tester (session 8) F1, later inputs: "Infection: no active infection."
    read an active infection and "Cosmetic: not cosmetic." cosmetic (64493 does not
    meet); "Allergies: none. Postpartum: not postpartum." postpartum (97110)."""
    for text in ("Infection: no active infection.", "58M. Infection: no active infection.",
                 "Cosmetic: not cosmetic.", "Infection: none active."):
        got = read(text, "64493")
        assert got.get("active_infection") is not True and \
            got.get("cosmetic_purpose") is not True, (text, got)
    assert read("Allergies: none. Postpartum: not postpartum.", "97110").get(
        "postpartum") is not True
    assert read("Infection: UTI, on nitrofurantoin.", "64493").get("active_infection") is True


def test_a_mister_written_to_or_by_is_not_the_patient() -> None:
    """Outside tester (session 8) F13: "Referred by Mr. Patel, PA-C. Patient: Sarah Kim,
    31." read "cannot be pregnant" (64493), and "Dear Mr. Alvarez (case manager), re:
    your member Jane Doe, 29." also not postpartum (97110): the Mr. is the referrer or
    the addressee. Only a Mr. who is the patient says so."""
    for text, cpt in (("Referred by Mr. Patel, PA-C. Patient: Sarah Kim, 31.", "64493"),
                      ("Dear Mr. Alvarez (case manager), re: your member Jane Doe, 29.",
                       "97110"),
                      ("To: Mr. Reyes, Prior Auth Desk. Re: Ana Li, 34, low back pain.",
                       "64493"),
                      ("Per Mr. Obi, NP: she has had LBP for 8 months.", "64493")):
        got = read(text, cpt)
        assert "pregnancy" not in got and "postpartum" not in got, (text, got)
    assert read("Mr. Smith is a 55 yo with LBP.", "64493").get("pregnancy") == "not_applicable"
    assert read("Mr Jones, 47, low back pain x 6 months.", "64493").get("pregnancy") == \
        "not_applicable"


def test_a_checklist_threshold_answered_no_states_no_figure() -> None:
    """Outside tester (session 8) F17: "Symptoms > 6 weeks? N" read 6 weeks of symptoms
    (62311 coverage.2 met), "At least 2 failed courses of conservative treatment (6
    weeks each)? No" read failed conservative treatment, "Has the patient completed at
    least 12 weeks of PT? No" read no PT at all and 0 failed courses. The figure is the
    payer's threshold; the "No" says only that it is not met."""
    got = read("Symptoms > 6 weeks? N", "62311")
    assert "symptom_weeks" not in got, got
    got = read("At least 2 failed courses of conservative treatment (6 weeks each)? No", "62311")
    assert got.get("failed_conservative") is not True, got
    got = read("Has the patient completed at least 12 weeks of PT? No", "64493")
    assert not {"pt_weeks", "pt_courses_failed"} & set(got), got
    assert "body_temperature" not in read("Temp > 38 C? No. WBC > 15,000? No.", "71250")
    assert "ct_mri_date" not in read("CT or MRI in the last 6 months? no", "64493")
    assert read("38M, cosmetic? no. LBP 7 mo.", "64493").get("symptom_weeks") == \
        expect("symptom_weeks", "7 months")


def test_a_plan_a_wish_or_an_opinion_is_no_therapy_done() -> None:
    """Outside tester (session 8) F7 and F14: "P: PT 2x/wk x 12 wks, then reassess for
    facet injection." (a SOAP note's plan), "My doctor wants me to try PT for 12 weeks
    first." and "She would benefit from 12 weeks of PT." read 12 weeks of PT done (64493;
    71250 likewise with pulmonary rehab)."""
    for text in ("P: PT 2x/wk x 12 wks, then reassess for facet injection.",
                 "S: LBP x 8 mo.\nO: ROM down.\nA: facet syndrome.\nP: PT 2x/wk x 12 wks.",
                 "My doctor wants me to try PT for 12 weeks first.",
                 "She would benefit from 12 weeks of PT.",
                 "I think he could benefit from another 8 weeks of physical therapy."):
        assert "pt_weeks" not in read(text, "64493"), text
    for text in ("P: pulmonary rehab 2x/week x 24 weeks.",
                 "He would benefit from pulmonary rehab 2x/week for 24 weeks."):
        assert "pt_weeks" not in read(text, "71250"), text
    assert read("Completed 12 weeks of PT. P: facet injection.", "64493").get("pt_weeks") == \
        expect("pt_weeks", 12)


def test_a_condition_or_a_confidentiality_notice_states_nothing() -> None:
    """Outside tester (session 8) F20 and F23: "In case of active infection, cancel."
    read an active infection (64493 does not meet), "Unless she is pregnant, PT can start
    next week." pregnant (97110), and a fax cover's "This fax may contain information
    about pregnancy, HIV ... or infectious diseases protected by law." pregnant and
    infected (64493, 62311)."""
    for text, cpt in (("In case of active infection, cancel.", "64493"),
                      ("In the event of fever or infection, postpone the block.", "64493"),
                      ("Unless she is pregnant, PT can start next week.", "97110"),
                      ("CONFIDENTIAL: This fax may contain information about pregnancy, HIV, "
                       "substance use, mental health or infectious diseases protected by "
                       "law.", "64493"),
                      ("This message may contain protected information regarding sexually "
                       "transmitted infections, pregnancy or genetic testing.", "62311"),
                      ("NOTICE: this transmission can contain health records (pregnancy, "
                       "infections) and is for the addressee only.", "62311")):
        got = read(text, cpt)
        assert got.get("pregnancy") != "pregnant" and got.get("active_infection") is not True, \
            (text, got)
    assert read("CONFIDENTIAL. Active infection: cellulitis R leg.", "64493").get(
        "active_infection") is True


def test_a_pneumonia_that_is_not_bacterial_or_not_the_patients_is_not_read() -> None:
    """Outside tester (session 8) F21: "Differential: malignancy, organizing pneumonia,
    sarcoidosis." and "Works as a nurse on a COVID/pneumonia ward." read an acute
    bacterial pneumonia (71250 does not meet)."""
    for text in ("Differential: malignancy, organizing pneumonia, sarcoidosis.",
                 "Works as a nurse on a COVID/pneumonia ward.",
                 "Hx suggests cryptogenic organizing pneumonia; CT to confirm.",
                 "Pneumonia vaccine (PCV20) given 2025."):
        assert read(text, "71250").get("bacterial_pneumonia") is not True, text
    assert read("Suspected CAP, on ceftriaxone.", "71250").get("bacterial_pneumonia") is True


def test_a_value_taken_back_in_its_own_clause_is_asked() -> None:
    """Outside tester (session 8) F15: "ODI improved from 40 to 38 over 6 weeks (not
    clinically significant)." read a significant improvement (62311 coverage.5.2 met;
    the bracket says it goes to review). A value followed in its clause by another
    value's words that deny it is not the first one."""
    for text in ("ODI improved from 40 to 38 over 6 weeks (not clinically significant).",
                 "Oswestry improved slightly - not a significant change."):
        assert read(text, "62311").get("functional_assessment_6_weeks") != "improved", text
    assert read("ODI significantly improved.", "62311").get(
        "functional_assessment_6_weeks") == "improved"


def test_vitals_dated_a_month_back_are_not_current() -> None:
    """Outside tester (session 7) F33, second input: "Vitals from 2025-06-01 in chart."
    read current vital signs on file (71250 documentation.1.2 met)."""
    for text in ("Vitals from 2025-06-01 in chart.", "Vital signs 08/15/2026 on file.",
                 "Last vitals in the chart are from June 2026."):
        assert read(text, "71250").get("current_vitals_documented") is not True, text
    assert read("Vitals 11/22/2026 on file.", "71250").get("current_vitals_documented") is True


def test_the_other_knees_films_are_not_the_affected_knees() -> None:
    """Outside tester (session 8) F12: "X-rays of the right knee 2026-10-01; X-rays of
    the left knee 2026-06-01. Right knee pain." read 2 sets of X-rays (97110 coverage.4.1
    met with one set of the affected knee). A limb's other side is another area."""
    got = read("X-rays of the right knee 2026-10-01; X-rays of the left knee 2026-06-01. "
               "Right knee pain.", "97110")
    assert got.get("xray_sets") != 2 and got.get("xray_date") == date(2026, 10, 1), got
    got = read("L shoulder pain x 3 mo. XR L shoulder 2026-09-01. XR R shoulder 2026-11-10.",
               "97110")
    assert got.get("xray_sets") != 2 and got.get("xray_date") == date(2026, 9, 1), got
    # no side said for the complaint: which film is of it is asked
    assert "xray_date" not in read("XR right knee 2026-10-01, XR left knee 2026-06-01. "
                                   "Knee pain.", "97110")
    got = read("Right knee pain. XR R knee 2026-06-01 and 2026-10-01. XR L knee 2026-11-01.",
               "97110")
    assert got.get("xray_sets") == 2 and got.get("xray_date") == date(2026, 10, 1), got


def test_boxes_right_after_a_label_with_no_colon_are_its_answer() -> None:
    """Coordinator's untested note (session 8): 'Pregnant [ ] Y [x] N' for a 55F read
    pregnant: with no colon after the label, the ticked box was not taken as the answer
    (the same form with 'Pregnant:' was read right). Also f10-97110-note-templated-ortho-meets,
    a qualifying note denied."""
    assert read("Pregnant [ ] Y [x] N", "64493").get("pregnancy") == "not_pregnant"
    assert read("Active infection [ ] Y [x] N", "64493")["active_infection"] is False
    assert read("Active infection [x] Y [ ] N", "62311")["active_infection"] is True
    assert read("Cosmetic [ ] Yes [X] No", "97110").get("cosmetic_only") is not True


# ------------------------------------------- session 8 (fixc): false facts of fresh10

def test_a_row_of_yes_no_boxes_answers_its_label_by_the_ticked_box() -> None:
    """fresh10 (f10-97110-note-templated-ortho-meets, f10-71250-template-exclusion-boxes,
    f10-97110-template-screen-ckd4): "Active infection [ ] Y [x] N", "Cosmetic purpose:
    [ ] Y [x] N" read an active infection and a cosmetic purpose (a meeting note denied):
    the label's own words are no answer; the ticked box is."""
    assert read("Screen: Active infection [ ] Y [x] N   Severe comorbidities [ ] Y [x] N\n"
                "  Cosmetic purpose [ ] Y [x] N", "97110").get("active_infection") is False
    assert read("Cosmetic purpose [ ] Y [x] N", "97110").get("cosmetic_purpose") is False
    assert read("Suspected bacterial PNA:  [ ] Y  [x] N", "71250").get(
        "bacterial_pneumonia") is False
    # my own wordings: yes/no spelled out, the box ticked for yes, none ticked
    assert read("Active infection present? [ ] Yes  [x] No", "64493").get(
        "active_infection") is False
    assert read("Active infection: [x] Yes [ ] No - cellulitis L leg", "64493").get(
        "active_infection") is True
    assert "active_infection" not in read("Active infection: [ ] Y [ ] N", "64493")
    assert "cosmetic_purpose" not in read("Cosmetic: [x] Y [x] N", "64493")


def test_a_templated_fields_bracketed_answer_is_its_answer() -> None:
    """fresh10 f10-71250-note-templated-meets: "Cosmetic: [N]" read a cosmetic purpose
    (71250 does not meet, a meeting note denied): the answer in a template's brackets is
    the field's answer."""
    assert read("Cosmetic: [N]", "71250").get("cosmetic_purpose") is False
    assert read("Active infection: [no]", "64493").get("active_infection") is False
    assert read("Prior pneumonia admission: [none]", "71250").get(
        "pneumonia_hospitalization") is False
    assert read("Cosmetic: [Y]", "64493").get("cosmetic_purpose") is True


def test_a_threshold_labelling_a_yes_no_box_is_the_policys_figure() -> None:
    """fresh10 f10-71250-template-exclusion-boxes: "Fever >38 C: [ ] Y [x] N", "WBC >15K:
    [ ] Y [ ] N", "O2 need >60% FiO2: [ ] Y [x] N" read a temperature of 38 C, a WBC of
    15,000 and an FiO2 of 60 %: the form's thresholds, not the patient's figures."""
    text = ("Fever >38 C:              [ ] Y  [x] N   Temp: ____\n"
            "WBC >15K:                 [ ] Y  [ ] N   WBC: pending\n"
            "O2 need >60% FiO2:        [ ] Y  [x] N   (on RA)")
    got = read(text, "71250")
    assert not {"body_temperature", "wbc_count"} & got.keys(), got
    assert got.get("fio2_percent") != expect("fio2_percent", 60), got
    # my own wordings
    for line in ("Temp >= 100.4 F? [x] Yes [ ] No", "WBC > 12,000: [ ] Y [x] N"):
        assert not {"body_temperature", "wbc_count"} & read(line, "71250").keys(), line
    assert read("Fever >38 C: [x] Y  Temp 38.9 C", "71250").get("body_temperature") == \
        expect("body_temperature", "38.9 C")


def test_an_unticked_box_as_a_fields_answer_does_not_tick_it() -> None:
    """fresh10 f10-97110-template-screen-ckd4: "Pregnant/postpartum: [ ] - pt is a 71 y/o
    woman" read pregnant and postpartum (97110 does not meet). An unticked box after the
    label, as before it, leaves the line unticked; both names of a label joined by a
    slash are the label."""
    got = read("Pregnant/postpartum: [ ] - pt is a 71 y/o woman", "97110")
    assert got.get("pregnancy") == "not_applicable" and got.get("postpartum") is False, got
    got = read("Pregnant/postpartum: [ ]", "97110")
    assert got.get("pregnancy") != "pregnant" and got.get("postpartum") is not True, got
    assert read("Postpartum: [x]", "97110").get("postpartum") is True


def test_check_all_that_apply_on_a_form_asks_for_no_other_procedure() -> None:
    """fresh10 f10-64493-portal-exclusion-attestation: "Provider attestation (check all
    that apply): ... Comments: pt is a 66 yo male" switched the case to physical therapy
    (97110): "pt" there is the patient, and "check all that apply" is the form's
    instruction, not a request to check a procedure."""
    text = ("Provider attestation (check all that apply):\n"
            "[ ] Active infection   [ ] Pregnant   [x] Severe comorbidity - specify: CHF\n"
            "[ ] Cosmetic indication\nComments: pt is a 66 yo male.")
    u = _reading(text, "64493")
    assert u.cpt is None and {r.fact: r.value for r in u.facts}.get("pregnancy") == \
        "not_applicable"
    for text in ("Prior treatment (check one): [x] PT 12 weeks [ ] none",
                 "Check all that apply: [x] PT notes [ ] med list"):
        assert _reading(text, "64493").cpt is None, text
    assert _reading("Can you check PT instead?", "64493").cpt == "97110"


def test_a_dated_update_lines_own_date_is_not_the_studys() -> None:
    """fresh10 f10-64493-copyfwd-imaging-update: "11/20/2026 update: repeat MRI L-spine
    done 11/06/2026 at Valley Imaging" read the MRI of 11/20 (the update's day): a date
    heading an entry goes to the first thing named after it only when that thing has no
    date of its own."""
    assert read("11/20/2026 update: repeat MRI L-spine done 11/06/2026 at Valley Imaging.",
                "64493").get("ct_mri_date") == date(2026, 11, 6)
    # my own wordings
    assert read("11/18/2026 addendum: lumbar X-rays taken 10/30/2026 at Metro Imaging.",
                "64493").get("xray_date") == date(2026, 10, 30)
    assert read("11/15/2026 RN note: MRI of the L-spine obtained 11/02/2026, report in chart.",
                "64493").get("ct_mri_date") == date(2026, 11, 2)
    assert read("11/02/2026: MRI L-spine - facet arthropathy L4-S1.", "64493").get(
        "ct_mri_date") == date(2026, 11, 2)


def test_no_newer_study_on_a_dated_line_gives_that_line_no_study_date() -> None:
    """fresh10 f10-62311-note-copy-forward-old-mri-not-met: "MRI L-spine 08/20/2026 ...
    Today 11/19/2026: no newer imaging - a repeat MRI was discussed but not ordered." read
    an MRI of 11/19 (62311's 60-day imaging met on a study never done). "No newer / no
    repeat / no new" imaging denies another study: the line's date is not a study's."""
    old = "MRI L-spine 08/20/2026: L5-S1 foraminal stenosis.\n"
    for line in ("Today 11/19/2026: no newer imaging - a repeat MRI was discussed but not "
                 "ordered.", "11/19/2026: no repeat MRI since.",
                 "Visit 11/19/2026 - no new imaging; CT not needed."):
        assert read(old + line, "62311").get("ct_mri_date") == date(2026, 8, 20), line


def test_one_courses_length_beside_another_course_is_not_the_total() -> None:
    """fresh10 f10-64493-portal-clinical-summary-two-courses and
    f10-64493-copyfwd-pain-today-vs-copied: "Completed 12 wks PT (6 wks ther ex, 3 wks
    manual, 3 wks pain ed) 06/02-08/25/2026 ... Second PT course 09/2026-11/2026 also
    failed" read 12 weeks of PT and its parts; "failed 6 wks PT ... completed a second
    PT course 10/01-11/12/2026" read 6 weeks. One course's figures, where another course
    is named and not added in, are not the whole: asked."""
    text = ("Completed 12 wks PT (6 wks ther ex/stretching, 3 wks manual + modalities, 3 wks "
            "pain ed/self-mgmt) 06/02-08/25/2026 without relief. Second PT course "
            "09/2026-11/2026 also failed.")
    got = read(text, "64493")
    assert not {"pt_weeks", "pt_exercise_weeks", "pt_manual_weeks",
                "pt_education_weeks"} & got.keys(), got
    # my own wordings
    for text in ('"Failed 6 wks PT." Interval: completed a second PT course 10/01-11/12/2026.',
                 "PT x 8 weeks in the spring; started another course of physical therapy "
                 "in October, still going.",
                 "Physical therapy 10 weeks (2025). PT course #2 this fall, no better."):
        assert "pt_weeks" not in read(text, "64493"), text
    assert read("Two courses of PT: 8 wks and 6 wks, both without benefit.", "64493").get(
        "pt_weeks") == expect("pt_weeks", "14 weeks")
    assert read("PT 12 weeks in total over two courses; a second PT course did not help.",
                "64493").get("pt_weeks") == expect("pt_weeks", "12 weeks")
    assert read("She completed 13 weeks of PT this year. This was her second course of PT.",
                "64493").get("pt_weeks") == expect("pt_weeks", "13 weeks")
    assert read("PT 13 weeks; a second PT course was never started.", "64493").get(
        "pt_weeks") == expect("pt_weeks", "13 weeks")
    assert read("PT course 1: 8 wks. PT course 2: 12 wks. Over both courses together: "
                "supervised exercise 10 wks.", "64493").get("pt_exercise_weeks") == \
        expect("pt_exercise_weeks", "10 weeks")


def test_a_choice_said_both_ways_holds_by_the_later_date_or_is_asked() -> None:
    """fresh10 f10-64493-copyfwd-pregnancy-now-positive: "OB status - 08/19/2026 (copied):
    LMP 08/01, urine hCG negative. 11/24/2026: pt states she is pregnant, about 9 wks,
    confirmed by her OB with serum hCG" read not pregnant (64493 would go ahead for a
    pregnant woman): of a value and its denial in different sentences, the first one
    read won. The later dated one holds; with nothing saying which is now, asked."""
    text = ("OB status - 08/19/2026 (copied): LMP 08/01, urine hCG negative.\n11/24/2026: pt "
            "states she is pregnant, about 9 wks, confirmed by her OB with serum hCG.")
    assert read(text, "64493").get("pregnancy") == "pregnant"
    # my own wordings
    assert read("Pregnancy test negative 10/01/2026. Seen 11/20/2026: she is pregnant, "
                "confirmed by her OB.", "97110").get("pregnancy") == "pregnant"
    assert read("Pregnant per OB 09/02/2026. 11/18/2026: delivered 11/01, urine hCG "
                "negative today.", "62311").get("pregnancy") == "not_pregnant"
    assert "pregnancy" not in read("hCG negative. She is pregnant.", "64493")
    # a time gone by is no pregnancy now
    assert read("Pregnant: No\nBack pain began in pregnancy, persisting.", "97110").get(
        "pregnancy") == "not_pregnant"


def test_a_date_corrected_right_after_it_is_taken_back() -> None:
    """Outside tester (session 8) F10: "H&P 11/15/2026 (correction: should read
    10/15/2026)." read the H&P of 11/15 (62311's 30 days met; the true date fails it)."""
    assert read("H&P 11/15/2026 (correction: should read 10/15/2026).", "62311").get(
        "hp_date") != date(2026, 11, 15)
    assert read("MRI 2026-11-20 - typo, it was 2026-10-20.", "62311").get("ct_mri_date") == \
        date(2026, 10, 20)
    assert read("MRI 11/02/2026 [corrected to 10/02/2026]", "64493").get("ct_mri_date") != \
        date(2026, 11, 2)


def test_two_functional_grades_or_a_range_are_asked() -> None:
    """Outside tester (session 8) F16: "FABQ: mild impairment. QuickDASH: severe." and
    "PT eval: impairment mild-moderate." read a mild impairment (97110 does not meet).
    Two tools that disagree, or a grade between two: asked, never the lower."""
    for text in ("FABQ: mild impairment. QuickDASH: severe.",
                 "PT eval: impairment mild-moderate.",
                 "LEFS: moderate. FABQ-PA: mild impairment."):
        assert "functional_impairment" not in read(text, "97110"), text
    assert read("QuickDASH: moderate", "97110").get("functional_impairment") == "moderate"


def test_a_denied_inflammation_does_not_qualify_the_compression() -> None:
    """Outside tester (session 8) F8: "MRI 2026-11-01: L5 nerve root compression, no
    inflammation seen." read compression and inflammation (62311 coverage.4.1 met; the
    policy needs both)."""
    for text in ("MRI 2026-11-01: L5 nerve root compression, no inflammation seen.",
                 "Nerve root compression without edema.",
                 "S1 root compressed; no enhancement."):
        assert read(text, "62311").get("imaging_nerve_root_compression") is not True, text
    assert read("MRI: L5 root compression with enhancement.", "62311").get(
        "imaging_nerve_root_compression") is True


# -------------------- outside tester, session 8: false facts still open (session 9, fixf)


def test_a_denials_claim_quoted_in_an_appeal_is_not_the_patients_fact() -> None:
    """Outside tester (session 8) F4: an appeal letter quotes the denial it answers.
    "Your letter says PT was only 8 weeks; in fact she completed 14 weeks" read PT 8
    weeks (64493 does not meet); "The reviewer stated the patient is pregnant; she is
    not." read pregnant; "Denied 11/05 because treatment logs were missing" read the logs
    missing. What the denial, its reviewer or the payer claimed is theirs, not the
    writer's fact; the writer's answer is read."""
    for text, cpt, fact, claimed in [
            ("Your letter says PT was only 8 weeks; in fact she completed 14 weeks (PT "
             "discharge summary attached).", "64493", "pt_weeks", "8 weeks"),
            ("Denied 11/05 because treatment logs were missing; logs now attached.", "62311",
             "treatment_logs_documented", False),
            ("The denial letter states there was no evidence of failed conservative "
             "management.", "71250", "failed_conservative", False),
            ("The reviewer stated the patient is pregnant; she is not.", "64493", "pregnancy",
             "pregnant"),
            ("Your denial says she has an active infection. She does not.", "64493",
             "active_infection", True),
            ("The denial letter says only one set of X-rays was submitted; two sets "
             "(2026-06-01 and 2026-10-01) are enclosed.", "97110", "xray_sets", 1),
            ("The denial cites severe diabetes; her diabetes is mild (A1c 6.4, diet only).",
             "62311", "severe_comorbidities", ["diabetes"]),
            # my own wordings
            ("Per the denial notice dated 11/12/2026, the reviewer concluded that she had only "
             "6 weeks of physical therapy.", "64493", "pt_weeks", "6 weeks"),
            ("The request was not approved due to active infection.", "97110",
             "active_infection", True),
            ("The physician reviewer felt the patient was clinically stable.", "71250",
             "clinically_unstable", False),
            ('The denial of 11/20 says "no imaging and no specialist documentation".',
             "97110", "specialist_consult_documented", False)]:
        got = read(text, cpt)
        assert fact not in got or got[fact] != expect(fact, claimed), (text, got)
    # what the writer says in answer is read
    assert read("Per the denial notice, the reviewer concluded that she had only 6 weeks of "
                "physical therapy. She completed 12 weeks of PT.", "64493")["pt_weeks"] == \
        expect("pt_weeks", "12 weeks")
    got = read("Your determination letter claims the MRI shows no nerve root compression, "
               "but the MRI 2026-10-02 shows L5 nerve root compression with inflammation.",
               "62311")
    assert got.get("imaging_nerve_root_compression") is True, got
    assert read("Denied 11/05 because treatment logs were missing; logs now attached.",
                "62311").get("treatment_logs_documented") is not False
    # the reasons of the denial, answered in the next sentence, as before
    assert read("Denial reason: pain score below 4. Current pain is 7/10.", "64493")[
        "pain_nrs"] == expect("pain_nrs", 7)
    # a patient who denies something, and what she says, are still hers
    assert read("Patient denied fever. She says PT was 12 weeks.", "64493")["pt_weeks"] == \
        expect("pt_weeks", "12 weeks")


# ------------------------------------------- session 9 (fixg): complete notes asked what they say

def test_a_figure_after_another_measures_label_is_not_the_next_measures() -> None:
    """Corpus (f7 EHR cough note, f9 urgent care, ED handoff): "RR 18 SpO2 95% RA" read a
    saturation of 18 %: the figure right before "SpO2" is the respiratory rate's."""
    for text, spo2 in (("Vitals: T 37.2 HR 88 BP 134/82 RR 18 SpO2 95% RA", 95),
                       ("HR 96 RR 22 SpO2 93% on room air", 93),
                       ("BP 120/70, RR 26 SpO2 88% RA", 88)):
        assert read(text, "71250").get("spo2_room_air") == spo2, text


def test_a_saturation_measured_on_oxygen_is_no_oxygen_setting() -> None:
    """A Venturi mask's percentage is the oxygen given (f8 admission H&P, f9 resident
    note: "SpO2 86% on room air -> 92% on 40% Venturi mask" asked the FiO2); the
    saturation taken on it is never that setting."""
    for text in ("SpO2 94% on Venturi mask.", "Sat 92% on a Venturi mask, titrating.",
                 "SpO2 94% on FiO2"):
        assert "fio2_percent" not in read(text, "71250"), text
    for text, fio2 in (("SpO2 86% on room air -> 92% on 40% Venturi mask.", 40),
                       ("Now on a 35% Venturi mask, sats 93%.", 35),
                       ("O2 sat 91% on 28% venti mask", 28)):
        assert read(text, "71250").get("fio2_percent") == fio2, text
    # two settings, the later not said to be now: asked
    assert "fio2_percent" not in read("SpO2 88% on 28% FiO2, then 92% on 40% FiO2", "71250")


def test_worse_since_a_day_is_not_when_the_symptoms_began() -> None:
    """"Low back pain, worse since 11/01/2026." read symptoms of 31 days (64493 needs 3
    months): the day it got worse is not the onset. The day of an injury the pain began
    with is ("since a fall at work on 03/09/2026")."""
    for text in ("Low back pain, worse since 11/01/2026.",
                 "Back pain better since 10/15/2026.",
                 "Low back pain, worse since a fall on 11/01/2026."):
        assert "symptom_weeks" not in read(text, "64493"), text
    assert read("Low back pain since a fall at work on 03/09/2026.", "64493")[
        "symptom_weeks"] == expect("symptom_weeks", "259 days")
    assert read("Axial LBP since a lifting injury on 09/12/2025; no leg symptoms.", "64493")[
        "symptom_weeks"] == expect("symptom_weeks", "437 days")


def test_a_scale_is_never_the_score() -> None:
    """Outside tester (session 8) F26: "Pain score ate out of 10." (speech recognition for
    "eight") read a pain of 10: the scale's maximum was taken for the score. "Pain eight
    out of 10." read 10 the same way."""
    for text in ("Pain score ate out of 10.", "Pain eight out of 10.",
                 "Pain score: too out of 10 per the dictation.", "NRS six out of 10 today."):
        assert read(text, "64493").get("pain_nrs") != 10, text
    assert read("Attended 10 out of 12 PT sessions. Pain 7 out of 10.", "64493")[
        "pain_nrs"] == 7


def test_a_bracketed_ruled_out_is_about_what_it_follows() -> None:
    """Outside tester (session 8) F28: "Pneumonia (ruled out)." and "Dx: J18.9 pneumonia,
    unspecified organism (ruled out); R05 cough." read an acute bacterial pneumonia (71250
    does not meet): the bracket kept the trigger from what it follows."""
    for text in ("Pneumonia (ruled out).",
                 "Dx: J18.9 pneumonia, unspecified organism (ruled out); R05 cough.",
                 "CAP (excluded).", "Pneumonia (negative), CXR clear."):
        assert read(text, "71250").get("bacterial_pneumonia") is not True, text
    assert read("Active infection (ruled out).", "64493").get("active_infection") is not True
    # an aside that holds more keeps to itself: "no infection (UTI in 2024, resolved)"
    assert read("No active infection (UTI in 2024, resolved).", "64493")[
        "active_infection"] is False


def test_an_infection_control_programme_is_no_infection() -> None:
    """Outside tester (session 8) F29: an e-mail subject "FW: infection control policy
    update / facet auth for Ms. Rowe" read an active infection (64493 does not meet)."""
    for text in ("Subject: FW: infection control policy update / facet auth for Ms. Rowe",
                 "Subject: infection control training reminder",
                 "Per the infection prevention and control team, the suite is cleared."):
        assert "active_infection" not in read(text, "64493"), text
    assert read("Our infection-control nurse reviewed the chart. No active infection.",
                "64493")["active_infection"] is False


def test_courses_counted_are_not_courses_failed_when_some_helped() -> None:
    """Outside tester (session 8) F30: "2 PT courses, 1 failed." read 2 failed PT courses
    (64493's two failed courses met); "3 courses of conservative treatment, only the last
    one failed." read 3 and "Two 6-week courses: the first failed, the second helped
    partially." read 2 (62311). A count of courses followed by how some of them went
    counts the courses, not the failed ones."""
    assert read("2 PT courses, 1 failed.", "64493").get("pt_courses_failed") in (None, 1)
    for text in ("3 courses of conservative treatment, only the last one failed.",
                 "Two 6-week courses: the first failed, the second helped partially.",
                 "Two 6-week courses of conservative care (PT, then meloxicam), one of them "
                 "helped for a while."):
        assert read(text, "62311").get("conservative_courses_failed") in (None, 1), text
    assert read("3 courses of PT: two failed, the 2024 one helped for a year.",
                "64493").get("pt_courses_failed") in (None, 2)
    # all of them failed: counted as before
    assert read("Two courses of PT, both failed.", "64493")["pt_courses_failed"] == 2
    assert read("Two courses of conservative therapy failed.", "62311")[
        "conservative_courses_failed"] == 2
    # a count that says its courses failed, and another thing's count after it
    assert read("Failed conservative treatment, 2 failed PT courses, 1 failed medication "
                "course, no active infection.", "64493")["pt_courses_failed"] == 2


def test_a_change_of_the_fev1_is_no_fev1() -> None:
    """Outside tester (session 8) F31: "Bronchodilator trial: FEV1 improved 15%
    post-albuterol." read an FEV1 of 15 % of predicted (71250's below-80 % met, and signs
    of lung disease): the figure is the bronchodilator response."""
    for text in ("Bronchodilator trial: FEV1 improved 15% post-albuterol.",
                 "Spirometry: FEV1 rose 18% after albuterol.",
                 "Significant reversibility: FEV1 increased by 12% after BD."):
        got = read(text, "71250")
        assert "fev1_percent_predicted" not in got and \
            got.get("pulmonary_disease_signs") is not True, (text, got)
    assert read("PFTs 10/02/2026: FEV1 68% predicted; improvement of 14% after BD.",
                "71250")["fev1_percent_predicted"] == 68


def test_stable_in_one_system_is_not_stable_where_another_is_unstable() -> None:
    """Outside tester (session 8) F24: "Hemodynamically stable; respiratory status
    unstable, needs urgent CT." read clinically stable (71250 goes to review): the
    stable blood pressure was taken for the whole patient."""
    for text in ("Hemodynamically stable; respiratory status unstable, needs urgent CT.",
                 "BP and HR stable, but from a respiratory standpoint she is unstable.",
                 "Vitals stable; respiratorily unstable with SpO2 86% on room air."):
        assert read(text, "71250").get("clinically_unstable") is not False, text
    assert read("Hemodynamically stable; respiratory status unstable, needs urgent CT.",
                "71250")["clinically_unstable"] is True
    for text in ("Not clinically unstable; CT can be done routinely.",
                 "Respiratory status stable, hemodynamically stable."):
        assert read(text, "71250")["clinically_unstable"] is False, text


def test_a_relatives_she_and_a_man_assigned_female_are_not_read_as_the_patient() -> None:
    """Outside tester (session 8) F25: "34 yo. His mother says she is pregnant." read the
    (male) patient pregnant (64493 does not meet); "Patient identifies as male
    (transgender man, assigned female at birth), 29." read that he cannot be pregnant
    (the question skipped)."""
    for text in ("34 yo. His mother says she is pregnant.",
                 "His wife reported that she is 12 weeks pregnant.",
                 "Her sister says she is pregnant again."):
        assert read(text, "64493").get("pregnancy") != "pregnant", text
    for text in ("Patient identifies as male (transgender man, assigned female at birth), 29.",
                 "29 yo trans man (FtM), on testosterone."):
        assert "pregnancy" not in read(text, "64493"), text
    # the patient's own facts after the relative's report, and a man's, are read
    assert read("His wife reported that she is 12 weeks pregnant; patient completed 12 "
                "weeks of PT.", "64493")["pt_weeks"] == expect("pt_weeks", "12 weeks")
    assert read("58M with LBP.", "64493")["pregnancy"] == "not_applicable"


def test_a_sentence_the_writer_calls_unrelated_is_not_read() -> None:
    """Outside tester (session 8) F11: "Re: Ms. Lane. PS - unrelated, Mr. Ortiz's PT was
    14 weeks." read PT 14 weeks and that Ms. Lane cannot be pregnant ("Mr."): 64493's
    12 weeks met on another man's therapy, and her pregnancy question skipped."""
    for text in ("Re: Ms. Lane. PS - unrelated, Mr. Ortiz's PT was 14 weeks.",
                 "Re: Ms. Lane. On an unrelated note, Mr. Ortiz finished 14 weeks of PT.",
                 "Re: Ms. Lane, 34. Unrelated: Mr. Ortiz's MRI was 2026-11-01.",
                 "Re: Ms. Lane. Not related to this patient: Mr. Ortiz, 58, PT 14 weeks."):
        got = read(text, "64493")
        assert not {"pt_weeks", "ct_mri_date", "pregnancy"} & got.keys(), (text, got)
    # what is unrelated to something of the patient's is still hers
    got = read("Pain 7/10, unrelated to activity. PT 12 weeks.", "64493")
    assert got["pain_nrs"] == 7 and got["pt_weeks"] == expect("pt_weeks", "12 weeks")


# ------------------------------------------- session 9 (fixe): false facts of fresh11


def test_a_form_field_joined_to_its_answer_by_dot_leaders() -> None:
    """fresh11 f11-64493-fax-cover-exclusion-screen: "Active infection ........ no" and
    "Cosmetic indication ..... no" read an active infection and a cosmetic purpose (64493
    denied twice): the leader between a label and its answer is the label's colon."""
    for text in ("Active infection ........ no", "Active infection ---- none",
                 "Active infection ____ No"):
        assert read(text, "64493").get("active_infection") is False, text
    assert read("Cosmetic indication ..... no", "64493").get("cosmetic_purpose") is False
    assert read("Active infection .... yes", "64493").get("active_infection") is True
    assert read("C1  Total PT weeks ............ 14", "64493").get("pt_weeks") == \
        expect("pt_weeks", "14 weeks")
    # a rule line with no label before it is no field
    assert read("---------- Forwarded message ---------\nFrom: Dr. Lee", "64493") == {}


def test_a_condition_s_own_brackets_say_it_is_not_severe() -> None:
    """f3-64493-soap-pmh-cardiomyopathy, f6-64493-arrows-pmh-severe-cm-only and fresh11
    f11-64493-fax-cover-exclusion-screen: "T2DM (A1c 6.4, well controlled on metformin)",
    "(DM2 - A1c 6.8, diet controlled; not severe)" beside a severe cardiomyopathy read a
    severe diabetes too: the condition's own brackets are its remark, past their commas."""
    for text in ("PMH: T2DM (A1c 6.4, well controlled on metformin), severe ischemic "
                 "cardiomyopathy EF 25%",
                 "Severe comorbidity: YES - CHF, EF 25%, NYHA III (cardiology 10/2026)\n"
                 "   (DM2 - A1c 6.8, diet controlled; not severe)",
                 "Comorbidities: severe COPD on home O2; DM2 (A1c 7.0, diet controlled)",
                 "Severe comorbidities: CHF EF 20%; DM2 (not severe)"):
        assert "diabetes" not in (read(text, "64493").get("severe_comorbidities") or []), text
    assert "diabetes" in read("Comorbidities: severe CHF (EF 20%, NYHA IV), DM2 (A1c 9.8, "
                              "uncontrolled)", "64493")["severe_comorbidities"]


def test_a_pregnancy_field_denied_with_a_lasting_reason() -> None:
    """fresh11 f11-64493-fax-cover-exclusion-screen: "Pregnant ...... no - s/p
    hysterectomy 2015" read "not pregnant" (today) where the reason says she cannot be."""
    for text in ("Pregnant ................ no - s/p hysterectomy 2015",
                 "Pregnant: no - s/p hysterectomy 2015"):
        assert read(text, "64493").get("pregnancy") == "not_applicable", text


def test_a_request_for_a_status_states_none() -> None:
    """fresh11 f11-71250-note-email-thread-meets: the payer's quoted request "> Please state
    current O2 requirement, infection status and pregnancy status." read a pregnancy (the
    note went to review though she is 72): a request states nothing it asks for."""
    for text in ("> Please state current O2 requirement, infection status and pregnancy "
                 "status.",
                 "Please confirm she is not pregnant and has no fever.",
                 "Can you confirm whether the PT was 12 weeks?",
                 "Please provide the PT notes and the date of the last CXR."):
        assert read(text, "71250") == {}, text
    # what is given with "please find" / "please note" is given
    assert read("Enclosed please find the CXR report. Please note she is not on oxygen.",
                "71250") == {"chest_images_documented": True, "fio2_percent": 21.0}


def test_a_denied_finding_word_or_a_denial_listed_before_is_no_impaired_gait() -> None:
    """fresh11 f11-64493-dictated-sr-exam-normal-gait and f9-64493-tele-exam-video: "Gait
    is non antalgic" and "walks without an assistive device, steady, normal gait" read an
    impaired gait (64493 coverage.3.2 met on a normal exam)."""
    for text in ("Gait is non antalgic and she can heel walk.", "Gait non-antalgic.",
                 "Ambulates without a cane, gait steady.",
                 "Video exam: walks without an assistive device, steady, normal gait",
                 "No antalgia, gait normal."):
        assert read(text, "64493").get("impaired_balance_gait") is not True, text
    assert read("Ambulates without a cane, gait steady.", "64493").get(
        "impaired_balance_gait") is False
    assert read("Gait antalgic.", "64493").get("impaired_balance_gait") is True


def test_a_record_we_do_not_have_or_that_did_not_go_through_is_not_on_file() -> None:
    """fresh11 f11-64493-email-thread-forwarded-consults and f11-64493-fax-cover-pages-missing:
    "We don't have a PCP consult for him yet" and "pages 4-5 (PT progress notes) did not go
    through - will re-send Monday" read the consult and the notes on file."""
    assert read("We don't have a PCP consult for him yet.", "64493").get(
        "pcp_consult_documented") is False
    assert read("We have not received the PCP consult.", "64493").get(
        "pcp_consult_documented") is False
    assert read("We do not have the PT notes.", "64493").get("pt_notes_documented") is False
    for text in ("NOTE: pages 4-5 (PT progress notes) did not go through - will re-send "
                 "Monday.", "PT progress notes didn't come through; will resend."):
        assert read(text, "64493").get("pt_notes_documented") is False, text
    assert read("PCP consult attached; we don't have the PT notes.", "64493") == {
        "pcp_consult_documented": True, "pt_notes_documented": False}


def test_a_denial_carries_into_the_list_s_last_items_joined_by_or() -> None:
    """fresh11 f11-71250-soap-inpatient-chf-no-respiratory-complaints: "S: Denies cough,
    dyspnea or chest pain today." read dyspnea (71250 necessity.1.1 met on a denial): the
    list's last items after "or" are denied with the first, however the clause ends."""
    for text in ("S: Denies cough, dyspnea or chest pain today. Slept flat.",
                 "No fever, cough or shortness of breath at rest.",
                 "Denies fever, productive cough or dyspnea on exertion"):
        assert read(text, "71250").get("respiratory_symptoms") is not True, text
    assert read("No fever, cough or wheeze, but dyspnea on exertion for 2 months",
                "71250").get("respiratory_symptoms") is True


def test_a_guessed_figure_or_an_answer_with_another_figure_is_asked() -> None:
    """fresh11 f11-62311-portal-message-nothing-helped, f11-97110-chat-answers-weeks-hedged-
    shot-date and f11-71250-chat-answers-weeks-sessions-hedged: "pain before I started
    anything in May was maybe a 5" read a baseline of 5; the replies "about 12, maybe 13
    wks?" and "2x a week mostly, some weeks only once" read 12 weeks and once a week."""
    for text in ("My pain before I started anything in May was maybe a 5, now it's a 7.",
                 "Pain before PT was probably 6/10; now 8/10."):
        assert "pain_nrs_baseline" not in read(text, "62311"), text
    assert read("Baseline pain 5/10 before PT, now 7/10.", "62311").get(
        "pain_nrs_baseline") == expect("pain_nrs_baseline", 5)
    assert "conservative_weeks" not in read("about 12, maybe 13 wks? the last thing that "
                                            "failed was the cortisone shot on 11/03", "97110",
                                            ["conservative_weeks",
                                             "last_failed_conservative_date"])
    assert "conservative_weeks" not in read("12 weeks, maybe 14", "97110",
                                            ["conservative_weeks"])
    pending = ["pt_weeks", "pt_sessions_per_week"]
    assert "pt_sessions_per_week" not in read("24 weeks. 2x a week mostly, some weeks only "
                                              "once", "71250", pending)
    assert read("24 weeks, twice a week", "71250", pending) == {
        "pt_weeks": expect("pt_weeks", "24 weeks"), "pt_sessions_per_week": 2.0}


def test_a_study_that_must_be_done_again_has_no_date_on_file() -> None:
    """fresh11 f11-62311-portal-message-mri-too-blurry: "The MRI place said my scan from
    Nov 3 was too blurry because I moved, they want me to come back on the 12th." read an
    MRI of 11/03 (62311's imaging within 6 months met on a scan to be redone)."""
    for text in ('Portal msg: "The MRI place said my scan from Nov 3 was too blurry because '
                 'I moved, they want me to come back on the 12th."',
                 "MRI 11/03/2026 was motion degraded and needs to be repeated.",
                 "MRI L-spine 11/03/2026 has to be redone (patient moved)."):
        assert "ct_mri_date" not in read(text, "62311"), text
    # a study only degraded keeps its date
    assert read('CT L-spine w/o 09/28/2026 - "exam degraded by motion; foramina not well '
                'evaluated."', "62311").get("ct_mri_date") == date(2026, 9, 28)


def test_a_re_check_visit_asks_for_no_other_procedure() -> None:
    """fresh11 f11-64493-fax-cover-block-planned-rule-out-cellulitis: "pt scheduled for
    medial branch block ... PCP started doxycycline 11/29, re-check Friday." under 64493 was
    read as a request to check physical therapy (97110), and its low back pain as 97110's
    musculoskeletal condition: "re-check" is a visit, not "check PT"."""
    text = ("RE: MBB / facet - pt scheduled for medial branch block 12/10/26.\n"
            "Low back pain 5/10.\n"
            "Skin: L shin redness, r/o cellulitis - PCP started doxycycline 11/29, re-check "
            "Friday.")
    got = _reading(text, "64493")
    assert got.cpt is None
    assert {r.fact for r in got.facts} == {"pain_region", "pain_nrs"}
    assert _reading("pt scheduled for medial branch block, recheck in 2 weeks",
                    "64493").cpt is None
    assert _reading("Pt did PT 8 weeks. Can you check PT instead?", "64493").cpt == "97110"


def test_a_claim_about_the_care_denied_is_no_none_of_it() -> None:
    """f6-97110-so-improved-eight-to-five: "I do not agree that conservative care has
    failed: her hip pain improved ... over the last 3 months" read 0 weeks of conservative
    care (97110 does not meet): the denial is of the claim, not of the care."""
    text = ("I do not agree that conservative care has failed: her hip pain improved from "
            "8/10 to 5/10 with the NSAID and activity changes over the last 3 months.")
    got = read(text, "97110")
    assert "conservative_weeks" not in got and got.get("failed_conservative") is False
    assert "pt_weeks" not in read("I don't think that PT was ever tried.", "64493")
    assert read("No conservative care.", "97110").get("conservative_weeks") == \
        expect("conservative_weeks", "0")


def test_a_list_of_several_patients_gives_none_of_them_to_the_case() -> None:
    """Outside tester (session 8) F27: a UR nurse's list "1) J. Smith, 61M - PT 14 wks,
    pain 7/10, MRI 2026-09-01 / 2) M. Jones, 44F - ..." read Mr. Smith's MRI date and sex
    for the case (Ms. Jones's old MRI replaced, her pregnancy question skipped)."""
    for text in ("Today's facet requests:\n1) J. Smith, 61M - PT 14 wks, pain 7/10, MRI "
                 "2026-09-01\n2) M. Jones, 44F - PT 6 wks, pain 3/10, MRI 2025-12-01",
                 "Pending auths:\n- Mr. Grant, 58 yo - facet L4-5, PT 12 wks\n- Ms. Patel "
                 "(52F) - facet L5-S1, MRI 2026-10-01",
                 "1. Ana Ruiz, 47F: PT 12 wks\n2. Tom Berg, 66M: PT 4 wks, MRI 2026-10-01"):
        assert read(text, "64493") == {}, text
    # one patient's numbered items, or her name on two lines, are hers
    assert read("1) Pain 7/10\n2) PT 14 wks\n3) MRI 2026-09-01", "64493")["pt_weeks"] == \
        expect("pt_weeks", "14 weeks")
    assert read("1. J. Smith, 61M - PT 14 wks\n2. J. Smith, 61M - MRI 2026-09-01",
                "64493")["pt_weeks"] == expect("pt_weeks", "14 weeks")


def test_weeks_prescribed_are_not_weeks_attended_when_attendance_fell_off() -> None:
    """Outside tester (session 8) F32: "PT 2x/week x 26 weeks; missed most sessions after
    week 8." read 26 weeks at 2 a week (71250's 24 weeks and 2 a week met); session 7 F14:
    "PT 12 weeks, discharged early at week 7 for non-attendance." read 12 weeks (64493 met),
    "... Bayside says their records show 9 weeks attended." read the patient's 3 months."""
    for text, cpt in [("PT 2x/week x 26 weeks; missed most sessions after week 8.", "71250"),
                      ("Pulmonary rehab 2x/week for 24 weeks, stopped attending in August.",
                       "71250"),
                      ("PT 12 weeks, discharged early at week 7 for non-attendance.", "64493"),
                      ('He says PT "about 3 months" at Bayside PT earlier this year; Bayside '
                       "says their records show 9 weeks attended.", "64493"),
                      ("PT 3x/week x 14 weeks, poor attendance after the first month.",
                       "64493")]:
        got = read(text, cpt)
        assert not {"pt_weeks", "pt_sessions_per_week"} & got.keys(), (text, got)
    # (a frequency that changed during the care states no one figure: the 1 a week of the
    # last weeks was a guess, and the 2 of the first weeks may meet a path the rest do not;
    # session 30, outside tester 29 F9)
    got = read("Pulmonary rehab 24 weeks, attended 2x/week for the first month then once "
               "weekly.", "71250")
    assert got["pt_weeks"] == expect("pt_weeks", "24 weeks") and "pt_sessions_per_week" not in got
    assert read("Completed 12 weeks of PT with excellent attendance.", "64493")["pt_weeks"] == \
        expect("pt_weeks", "12 weeks")


def test_a_form_pasted_on_one_line_keeps_each_answer_with_its_field() -> None:
    """Outside tester (session 8) F33: "Cosmetic: no Attached: treatment logs" (a request
    form whose line breaks a chat box or OCR removed) read cosmetic (62311 does not meet):
    the "no" was taken as a denial of the next label. "Active infection: no Pregnant: no"
    read an active infection the same way."""
    for text in ("Cosmetic: no Attached: treatment logs", "Cosmetic: no Labs: CRP 11 (H)",
                 "Infection: none Pregnancy: not pregnant Cosmetic: no Attached: PCP consult"):
        assert read(text, "62311").get("cosmetic_purpose") is not True, text
    got = read("Active infection: no Pregnant: no Cosmetic: no Comorbidities: none", "64493")
    assert got.get("active_infection") is False and got.get("cosmetic_purpose") is False, got
    got = read("Failed courses: 2 courses of 8 weeks each, no improvement with either ODI: "
               "44% -> 28% over the past 6 weeks (significant improvement)", "62311")
    assert got.get("functional_assessment_6_weeks") != "not_improved", got
    assert read("Cosmetic: yes Attached: photos", "62311").get("cosmetic_purpose") is True


# ------------------- outside tester, session 7: false facts still open (session 9, fixf)


def test_a_cosmetic_aim_beside_a_problem_to_treat_is_not_cosmetic_only() -> None:
    """Outside tester (session 7) F15: "Cosmetic: wants to improve posture for appearance,
    also has neck pain 5/10." read cosmetic purposes only (97110 does not meet): the
    sentence names a pain to treat besides the cosmetic aim."""
    for text in ("Cosmetic: wants to improve posture for appearance, also has neck pain 5/10.",
                 "Partly for looks, as well as for her shoulder stiffness.",
                 "Cosmetic reasons in addition to knee pain on stairs."):
        assert read(text, "97110").get("cosmetic_only") is not True, text
    assert read("For cosmetic purposes only.", "97110")["cosmetic_only"] is True
    assert read("Not for cosmetic purposes.", "97110")["cosmetic_only"] is False


def test_no_infection_needing_care_now_is_no_denial_of_any_infection() -> None:
    """Outside tester (session 7) F16: "Infection: none requiring immediate attention; mild
    URI." read no active infection (carried to 64493 or 62311, where any infection
    excludes): only the infections needing care now were denied."""
    for text in ("Infection: none requiring immediate attention; mild URI.",
                 "Active infection: none needing urgent care (resolving UTI on day 3 of "
                 "nitrofurantoin).",
                 "Infections: nothing requiring treatment today."):
        for cpt in ("97110", "64493"):
            assert read(text, cpt).get("active_infection") is not False, (text, cpt)
    assert read("Infection: none requiring immediate attention; mild URI.", "97110")[
        "infection_requires_immediate_care"] is False
    assert read("Infection: none.", "64493")["active_infection"] is False


def test_an_abnormality_said_not_to_explain_the_pain_does_not_count() -> None:
    """Outside tester (session 7) F28: "MRI 2026-10-20: foraminal stenosis L4-5 (mild), not
    felt to explain symptoms." read the abnormality contributing to pain (62311
    coverage.4.2 met)."""
    for text in ("MRI 2026-10-20: foraminal stenosis L4-5 (mild), not felt to explain "
                 "symptoms.",
                 "MRI 10/20/2026: mild L3-4 foraminal narrowing, incidental; does not "
                 "correlate with her L5 symptoms.",
                 "CT 2026-10-02 shows central canal stenosis at L2-3, unlikely to account for "
                 "the pain."):
        assert read(text, "62311").get("imaging_stenosis_readable") is not True, text
    assert read("MRI 2026-10-20: L4-5 foraminal stenosis, concordant with symptoms.",
                "62311")["imaging_stenosis_readable"] is True


# ------------------------------------------- session 10 (fixj): false facts of fresh12

@pytest.mark.parametrize(("text", "pending", "facts"), [
    # f12-71250-chat-bare-temp-wbc: read a WBC of 38,600 from the temperature
    ("38.6 this am, wbc 12.4", ["body_temperature", "wbc_count"],
     {"wbc_count": "12400", "body_temperature": "38.6 C"}),
    # my own wordings: a note's line, the order of the figures, another unit
    ("101.8 F overnight, WBC 15.1", [], {"wbc_count": "15100"}),
    ("39.0 at triage, white count 17.2 K", ["body_temperature", "wbc_count"],
     {"wbc_count": "17200", "body_temperature": "39.0 C"}),
    ("T 38.2, WBC 9.1 today", [], {"wbc_count": "9100", "body_temperature": "38.2 C"}),
])
def test_a_figure_in_a_clause_before_a_measure_is_no_value_of_it(
        text: str, pending: list[str], facts: dict[str, str]) -> None:
    """A current figure with others of its kind in its sentence is asked, and one said to
    be today's wins; a bare figure in a clause of its own before the measure is first
    named is another thing's (here the temperature asked about), not the measure's."""
    got = read(text, "71250", pending)
    for fact, value in facts.items():
        assert got.get(fact) == expect(fact, value), (text, got)
    assert got.get("wbc_count") not in (expect("wbc_count", "38600"),
                                        expect("wbc_count", "101800"),
                                        expect("wbc_count", "39000")), got


def test_several_figures_of_one_measure_after_its_name_are_still_asked() -> None:
    assert "wbc_count" not in read("WBC 16.1 on 11/20, 12.4 on 11/21, 9.0 on 11/22", "71250")
    assert read("WBC 14.2 yesterday, 12.4 this am", "71250").get("wbc_count") == \
        expect("wbc_count", "12400")


@pytest.mark.parametrize("text", [
    # f12-71250-chat-post-bd-correction
    "PFTs 09/09/2026, FEV1 71% - sorry, that's the post-BD number, pre was 68%",
    # my own wordings
    "FEV1 74% post-BD, pre-BD 66%",
    "Spirometry 10/2/2026: FEV1 72% predicted after bronchodilator.",
    "FEV1 70% (that was the post-bronchodilator value)",
])
def test_a_post_bronchodilator_fev1_is_not_the_fev1_read(text: str) -> None:
    """The corpus reads the pre-bronchodilator FEV1 ("FEV1 1.62 L (58% pred) ... Post-BD
    FEV1 1.70 L (61% pred)" = 58): a figure said to be the post-BD one is not it."""
    got = read(text, "71250", ["pft_date", "fev1_percent_predicted"])
    assert got.get("fev1_percent_predicted") not in (
        expect("fev1_percent_predicted", v) for v in (71, 74, 72, 70)), got


def test_the_pre_bronchodilator_fev1_is_still_read() -> None:
    assert read("PFTs 09/09/2026, FEV1 71% - sorry, that's the post-BD number, pre was 68%",
                "71250", ["pft_date", "fev1_percent_predicted"]).get(
        "fev1_percent_predicted") == expect("fev1_percent_predicted", 68)
    assert read("Spirometry 10/2/2026: FEV1 66% predicted (pre-bronchodilator).",
                "71250").get("fev1_percent_predicted") == expect("fev1_percent_predicted", 66)


@pytest.mark.parametrize("text", [
    "Exclusions: not pregnant - 58F, post-menopausal; not cosmetic.",  # corpus f8-71250
    "Pregnancy\tno (male)\t",  # corpus f5-71250, pasted table
    "Pregnancy: no (male)",
    "Not pregnant (post-menopausal).",
    "Pregnant: N (s/p hysterectomy)",
    "Not pregnant; 66 yo.",
])
def test_a_lasting_reason_beside_not_pregnant_says_not_applicable(text: str) -> None:
    """Session 10 (corpus f5-, f8-71250, fresh12 97110): "not pregnant" beside the reason a
    patient cannot be (a man, past menopause, a hysterectomy) read "not pregnant", and
    "Pregnancy: no (male)" was asked as if "male" were denied. Both say no pregnancy; the
    lasting one says why, and the pregnancy criterion does not apply."""
    assert read(text, "71250")["pregnancy"] == "not_applicable", text


def test_a_doubted_or_someone_else_s_reason_leaves_not_pregnant() -> None:
    """The lasting reason wins only where it is the patient's and not in doubt."""
    assert read("not pregnant, UPT neg. 52F postmenopausal?", "71250")["pregnancy"] == \
        "not_pregnant"
    assert read("Not pregnant. Husband is 45 yo male.", "71250")["pregnancy"] == "not_pregnant"


@pytest.mark.parametrize("text", [
    # f12-71250-avs-hospital-discharge-pneumonia (on 12/01)
    "You were in the hospital from 11/20 to 11/26 for pneumonia (a lung infection caused by "
    "bacteria).",
    # my own wordings
    "She was in the hospital last week with CAP, now home on oral antibiotics.",
    "He was in hospital 11/02-11/09 for lobar pneumonia.",
    "Pneumonia - left the hospital on 11/15, finishing amoxicillin.",
])
def test_a_hospital_stay_said_in_the_past_leaves_its_pneumonia_asked(text: str) -> None:
    """An episode treated to its end or the patient sent home may be over: asked, not read
    as a current bacterial pneumonia (an exclusion of 71250)."""
    assert "bacterial_pneumonia" not in read(text, "71250")


def test_a_pneumonia_in_hospital_now_is_still_read() -> None:
    assert read("Admitted 11/20 with CAP, still on IV ceftriaxone.", "71250")[
        "bacterial_pneumonia"] is True


@pytest.mark.parametrize("text", [
    # f12-71250-avs-hospital-discharge-pneumonia: a hospital stay's fever, on 12/01
    "Your highest temperature was 102.3 F on 11/21.",
    # my own wordings
    "Tmax 39.2 C on 11/10, afebrile since.",
    "Temp 38.9 C dated 11/05/2026.",
])
def test_a_temperature_dated_a_week_or_more_back_is_asked(text: str) -> None:
    got = understand(text, cpt="71250", pending=[], as_of=date(2026, 12, 1))
    assert "body_temperature" not in {r.fact for r in got.facts}, got.facts


def test_a_recent_temperature_is_still_read() -> None:
    for text, value in (("Tmax 101.2F overnight, now 99.1F", "101.2 F"),
                        ("T 38.4 C on 11/26", "38.4 C"), ("T 38.1 C today", "38.1 C")):
        got = understand(text, cpt="71250", pending=[], as_of=date(2026, 12, 1))
        assert {r.fact: r.value for r in got.facts}.get("body_temperature") == value, text


@pytest.mark.parametrize(("text", "fact"), [
    # f12-71250-ocr-wrong-patient-ct
    ("CT CHEST W/ C0NTRAST    Patient: GARCIA, MARIA    D0B 02/11/1958\n"
     "lmpression: RLL mass 3.2 cm, suspicious for malignancy.\n"
     "[handwritten across scan: WRONG PATIENT - not ours. Our pt is Maria Garcia D0B "
     "07/30/1990]\n", "pulmonary_disease_signs"),
    # my own wordings: another report, another mark
    ("MRI L-SPINE  Patient: LEE, ANN  DOB 01/02/1950\nImpression: L4-5 disc herniation.\n"
     "** wrong patient - do not use **", "imaging_stenosis_readable"),
    ("CXR 11/02/2026   Patient name: Diaz, Rosa\nFindings: RLL consolidation.\n"
     "Note: this is not our patient.", "pulmonary_disease_signs"),
])
def test_a_document_marked_wrong_patient_is_not_read(text: str, fact: str) -> None:
    """A line marking the document above it as another patient's disowns the lines from
    that document's patient header down to it."""
    cpt = "62311" if fact == "imaging_stenosis_readable" else "71250"
    assert fact not in read(text, cpt)


def test_what_follows_a_wrong_patient_mark_is_ours() -> None:
    text = ("CT CHEST  Patient: GARCIA, MARIA\nImpression: RLL mass.\n"
            "[WRONG PATIENT - not ours]\nOur pt's own CXR 11/18/2026: RLL infiltrate.")
    assert read(text, "71250").get("pulmonary_disease_signs") is True


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # f12-71250-cm-no-pcp-old-pfts, f12-97110-call-ortho-note-unsigned
    ("CM note: UM asking for the PCP referral - he self-referred to pulmonology and has no "
     "PCP.", "71250", "pcp_referral_documented"),
    ("She asked for specialist notes - Dr. Haas (ortho) saw the pt 11/20 but the note isn't "
     "signed yet; will fax when signed.", "97110", "specialist_consult_documented"),
    # my own wordings
    ("Reviewer is asking for the PCP referral letter.", "71250", "pcp_referral_documented"),
    ("Aetna asked for the ortho consult note; will send.", "97110",
     "specialist_consult_documented"),
])
def test_a_record_someone_asks_for_is_not_read_as_on_file(text: str, cpt: str,
                                                          fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


def test_a_referral_that_asks_for_the_ct_is_still_on_file() -> None:
    assert read("PCP referral on file, asks for CT chest for the nodule.", "71250")[
        "pcp_referral_documented"] is True


@pytest.mark.parametrize("text", [
    # f12-97110-hh-postpartum-tummy
    "No signs of incision infection; not on antibiotics.",
    # my own wordings
    "Wound infection: none.",
    "No surgical site infection noted.",
])
def test_one_wounds_infection_denied_leaves_infection_asked(text: str) -> None:
    """One named infection denied rules out that one only (as "No UTI symptoms"); several
    kinds denied together are a screen."""
    assert "active_infection" not in read(text, "97110")


def test_several_kinds_of_infection_denied_are_still_none() -> None:
    assert read("No UTI, no wound infection, no cellulitis.", "97110")["active_infection"] is False


@pytest.mark.parametrize("text", [
    # f12-97110-ot-burn-scar-contracture
    "Elbow flexion contracture limits dressing. Pain 4/10 with stretch.",
    # my own wordings
    "Knee pain 6/10 on stretching.",
    "Shoulder pain 5/10 at end range.",
])
def test_a_pain_score_during_a_stretch_is_asked(text: str) -> None:
    assert "pain_nrs" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    # f12-71250-ocr-vitals-labs: two vitals sets, 08:00 and 14:00
    "VITALS 11/30/2026  0800   T 38.4 C  HR 104  RR 24  SpO2 93% RA\n"
    "--- scan page 2 ---\nVITALS (cont)      1400   T 37.8 C  HR 96  RR 20  SpO2 95% RA",
    # my own wordings
    "SpO2 90% on RA at triage.\nRepeat SpO2 94% on RA after nebs.",
    "Sat 89% RA in clinic. Home pulse ox 93% RA.",
])
def test_two_room_air_saturations_in_different_sentences_are_asked(text: str) -> None:
    assert "spo2_room_air" not in read(text, "71250")


def test_a_saturation_said_to_be_now_wins() -> None:
    assert read("SpO2 88% RA yesterday. SpO2 now 92% RA.", "71250").get("spo2_room_air") == \
        expect("spo2_room_air", 92)


@pytest.mark.parametrize(("text", "day"), [
    # f12-97110-chiro-in-office-films (read on 11/29)
    ("Chiro intake 11/12/2026: 2-view lumbar films taken in office today (our own set).",
     date(2026, 11, 12)),
    # my own wordings
    ("PT eval 11/20/2026 - knee XR today, 1 set.", date(2026, 11, 20)),
    ("Ortho visit 11/05/2026: x-rays of the R knee today.", date(2026, 11, 5)),
])
def test_today_in_a_note_headed_by_its_date_is_that_date(text: str, day: date) -> None:
    got = understand(text, cpt="97110", pending=[], as_of=date(2026, 11, 29))
    assert {r.fact: r.value for r in got.facts}.get("xray_date") == day.isoformat(), got.facts


@pytest.mark.parametrize("text", [
    # f12-97110-ot-infection-screen
    "Not pregnant - hysterectomy 2015.",
    # my own wordings
    "Not pregnant (post-menopausal).",
    "Pregnancy: not pregnant - s/p hysterectomy 2019.",
])
def test_not_pregnant_with_its_lasting_reason_reads_the_reason(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "not_applicable"


def test_a_plain_denial_with_no_reason_is_still_not_pregnant() -> None:
    assert read("Not pregnant. 34F.", "97110").get("pregnancy") == "not_pregnant"
    # a denial of something else running on over a lasting state says nothing of it
    assert "pregnancy" not in read("No infection, post-menopausal", "97110")


@pytest.mark.parametrize(("text", "pending", "facts"), [
    # f12-71250-chat-first-one-other-one
    ("the first one, 2 a week. the other one not sure - the rehab place closed for a month "
     "over the summer", ["pt_sessions_per_week", "pt_weeks"],
     {"pt_sessions_per_week": "2", "pt_weeks": None}),
    # my own wordings
    ("first one 3x/week, second one 12 weeks", ["pt_sessions_per_week", "pt_weeks"],
     {"pt_sessions_per_week": "3", "pt_weeks": "12 weeks"}),
    ("the last one is 12 weeks and the first one is 2 a week",
     ["pt_sessions_per_week", "pt_weeks"], {"pt_sessions_per_week": "2", "pt_weeks": "12 weeks"}),
])
def test_answers_that_name_their_question_by_its_place(
        text: str, pending: list[str], facts: dict[str, object]) -> None:
    """"the first one" is no count of 1: it names the question the words after it answer."""
    got = {r.fact: r.value for r in _reading(text, "71250", pending).facts}
    assert got == facts


@pytest.mark.parametrize("text", [
    "the rehab place closed for a month over the summer",
    "Pulm rehab 2x/week; the program was on hold for 3 weeks in August.",
])
def test_a_break_in_therapy_is_no_length_of_therapy(text: str) -> None:
    assert read(text, "71250").get("pt_weeks") not in (expect("pt_weeks", "1 month"),
                                                       expect("pt_weeks", 3))


@pytest.mark.parametrize("text", [
    # f12-71250-chat-ra-night-oxygen: read an FiO2 of 91
    "91 on RA. she's on 2L at home at night only",
    # my own wordings
    "89 on room air, wears 2 L with exertion",
    "sat 93 RA; uses oxygen at night",
])
def test_a_figure_said_on_room_air_answers_no_fio2_question(text: str) -> None:
    """Room air names the FiO2 (21 %); another figure beside it is the saturation on room
    air, not an oxygen requirement."""
    got = read(text, "71250", ["spo2_room_air", "fio2_percent"])
    assert got.get("fio2_percent") in (None, expect("fio2_percent", 21)), got


def test_room_air_alone_still_answers_the_fio2_question() -> None:
    assert read("room air", "71250", ["fio2_percent"])["fio2_percent"] == \
        expect("fio2_percent", 21)
    assert read("91% on RA", "71250", ["spo2_room_air", "fio2_percent"])["spo2_room_air"] == \
        expect("spo2_room_air", 91)


@pytest.mark.parametrize("text", [
    # f12-97110-ime-symptom-magnification
    "Claimant reports low back pain 9/10 but sat comfortably through a 50-minute interview; "
    "Waddell signs 4/5.",
    # my own wordings
    "Neck pain 8/10 reported; marked symptom magnification on exam.",
    "Reports knee pain 7/10, non-organic signs present.",
])
def test_a_pain_the_examiner_finds_non_organic_is_asked(text: str) -> None:
    got = read(text, "97110")
    assert "pain_nrs" not in got and "musculoskeletal_condition" not in got, got


@pytest.mark.parametrize("text", [
    # f14-64493-reviewer-prior-opinion-and-wrong-member (session 11): the "?" after the
    # opening quote ended a sentence, and the UTI was read as an active infection
    'Per nursing intake: "? UTI - pt c/o burning, UA sent 11/29". Result not in packet.',
    # my own wordings
    'ED note: "?osteomyelitis" on the problem list',
    "Intake: '? cellulitis L foot' per triage",
])
def test_a_doubt_mark_inside_a_quote_still_doubts(text: str) -> None:
    assert "active_infection" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # a payer's "member" is the patient: a record said to be another member's is disowned
    "UHC says she is pregnant - that record is for a different member.",
    "Pregnant per the faxed labs, which belong to another member.",
    "OB letter: pregnant - wrong member, disregard.",
])
def test_a_record_of_another_member_is_not_the_patient_s(text: str) -> None:
    assert "pregnancy" not in read(text, "64493")


def test_a_symptom_span_in_days_is_the_acute_complaint_s_and_is_asked() -> None:
    """fresh12/fresh13 (session 11): 'cough productive of rusty sputum x 4 days', 'CLINICAL
    HISTORY: 58-year-old man, productive cough x 5 days' read 4 and 5 days of symptoms
    (under 6 weeks: a denial); an ED or radiology note's span in days is the presenting
    complaint's, and the corpus labels every one of them asked."""
    for text in ("ED 11/29/2026 - 44F, cough productive of rusty sputum x 4 days, rigors.",
                 "CLINICAL HISTORY: 58-year-old man, productive cough x 5 days.",
                 "Pleuritic chest pain 7/10 for 3 days, mild cough.",
                 "c/o SOB and wheezing x2 days"):
        assert "symptom_weeks" not in read(text, "71250"), text
    # a longer span beside it still gives the duration; an onset date still counts in days
    assert read("CC: cough, fever, R-sided chest pain x 10 days; dyspnea on exertion x 7 wks",
                "71250")["symptom_weeks"] == 7
    assert read("Cough x 10 weeks, now productive x 3 days.", "71250")["symptom_weeks"] == 10
    assert read("Symptom onset date: 04/06/2026", "64493")["symptom_weeks"] == \
        expect("symptom_weeks", "231 days")
    # (the days a date is back, said beside it, are no span of their own)
    assert read("History: R-sided low back and leg pain since 05/04/2026 (203 days).",
                "62311")["symptom_weeks"] == expect("symptom_weeks", "203 days")

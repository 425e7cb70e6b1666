"""Questions a nurse asks once there is a verdict: "why not?", "is it approved?",
"what if PT was 14 weeks?". Each is answered in a sentence; none changes the case.
Found by the session 5 outside tester (C9): each got only the card again, and the
what-if got 'Could not read'."""

from __future__ import annotations

from datetime import date

from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.intents import detect
from agent.session import Assistant, Turn

AS_OF = date(2026, 11, 20)
SHORT_PT = ("does this qualify for 64493?", "low back", "6, 4, 2")


def _chat(*messages: str) -> list[Turn]:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    return [a.send("t", m) for m in messages]


def test_why_says_which_criteria_the_decision_rests_on() -> None:
    *_, before, why = _chat(*SHORT_PT, "why does it not qualify?")
    assert before.verdict["decision"] == why.verdict["decision"] == "does_not_meet"
    assert "It does not meet the criteria because: Physical therapy completed: 6 weeks " \
        "reported; at least 12 weeks required (64493.coverage.1)" in why.reply
    assert why.facts == before.facts


def test_asking_whether_it_is_approved_says_the_payer_decides() -> None:
    *_, turn = _chat(*SHORT_PT, "is the patient approved?")
    assert "I do not approve or deny: the payer does" in turn.reply
    assert "does not meet the criteria" in turn.reply


def test_what_if_gives_the_decision_with_the_change_and_stores_nothing() -> None:
    *_, before, what_if, after = _chat(*SHORT_PT, "what if PT was 14 weeks and exercise "
                                       "6 weeks and manual therapy 3 weeks?", "what else?")
    assert "the decision would be: needs information (now: does not meet the criteria)" \
        in what_if.reply
    assert "Physical therapy completed: 14 weeks" in what_if.reply
    assert "Nothing was changed" in what_if.reply
    assert what_if.facts == before.facts == after.facts
    assert what_if.verdict["decision"] == "does_not_meet"


def test_what_if_a_change_that_is_not_enough_names_what_still_fails() -> None:
    *_, turn = _chat(*SHORT_PT, "what if PT was 14 weeks?")
    assert "the decision would still be: does not meet the criteria, because of: " \
        "Supervised exercise and stretching (within PT): 4 weeks reported" in turn.reply
    assert turn.facts["pt_weeks"]["value"] == 6


def test_the_correction_a_what_if_suggests_is_applied_when_said() -> None:
    *_, turn = _chat(*SHORT_PT, "what if PT was 14 weeks?", "correction: PT was 14 weeks")
    assert turn.facts["pt_weeks"]["value"] == 14


def test_a_what_if_with_nothing_readable_says_so_and_changes_nothing() -> None:
    *_, before, turn = _chat(*SHORT_PT, "what if blah")
    assert 'I could not read a change to the case in "blah"' in turn.reply
    assert turn.facts == before.facts


def test_with_no_case_yet_a_follow_up_gets_the_help() -> None:
    (turn,) = _chat("why not?")
    assert "No case yet" in turn.reply


def test_follow_ups_are_not_mistaken_for_case_facts_or_overrides() -> None:
    assert detect("PT 14 weeks") is None
    assert detect("what is the pain score threshold?") is None
    assert detect("approve it anyway") is None
    assert detect("why is she denied?").kind == "why"  # type: ignore[union-attr]
    assert detect("will insurance cover it?").kind == "approval"  # type: ignore[union-attr]


def test_disowning_the_last_pasted_note_removes_what_was_read_from_it() -> None:
    """Outside tester (session 5), C4: 'the previous pasted text was for a different
    patient, ignore it' got only the card; every fact read from the pasted note stayed
    in the case. What was read from that message is removed and asked again; what was
    said before it stays."""
    *_, pasted, turn = _chat("does this qualify for 64493?", "low back",
                             "71 yo male, PT 14 weeks, exercise 8 weeks, MRI 10/1/2026",
                             "the previous pasted text was for a different patient, ignore it")
    assert pasted.facts["pt_weeks"]["value"] == 14
    assert set(turn.facts) == {"pain_region"}
    assert "Removed what I read from that message (" in turn.reply
    assert "Physical therapy completed" in turn.reply.split("Removed", 1)[1]


def test_disowning_with_nothing_stored_says_so() -> None:
    *_, turn = _chat("does this qualify for 64493?", "ignore the last message")
    assert "nothing was removed" in turn.reply


def test_asking_what_is_recorded_lists_every_stored_fact_with_its_words() -> None:
    """Outside tester (session 5), C15: after a dozen answers a nurse could not see what
    had been recorded ('what have you recorded so far?', 'show me the facts' got "please
    say it another way"). The record is listed, with the words each came from, and
    nothing changes."""
    *_, before, turn = _chat("does this qualify for 64493?", "low back, 14, 8",
                             "what have you recorded so far?")
    assert "Recorded so far (3 facts" in turn.reply
    assert '| Physical therapy completed | 14 weeks | "14" |' in turn.reply
    assert "Could not read" not in turn.reply
    assert turn.facts == before.facts
    for asked in ("show me the facts", "what do you have so far?", "summarize the case",
                  "what was the MRI date again?"):
        assert detect(asked).kind == "recorded", asked  # type: ignore[union-attr]


def test_asking_what_is_recorded_before_any_answer_says_nothing_is() -> None:
    *_, turn = _chat("does this qualify for 64493?", "what have you recorded?")
    assert "Nothing is recorded for this case yet." in turn.reply


def test_undo_that_last_answer_removes_it_and_asks_it_again() -> None:
    """Outside tester (session 5), C15: 'undo that last answer' got only the card, and
    the answer stayed. What the last message with case details gave is removed and its
    questions come back; earlier answers stay; the reply does not say it was another
    patient, and does not blame new facts for the questions that reopened."""
    *_, answered, turn = _chat("does this qualify for 64493?", "low back, 14, 8",
                               "3, 3, 5 months", "undo that last answer")
    assert "pt_manual_weeks" in answered.facts
    assert set(turn.facts) == {"pain_region", "pt_weeks", "pt_exercise_weeks"}
    assert "Undid your last answer (Manual therapy and modalities (within PT)" in turn.reply
    assert "another patient" not in turn.reply
    assert "brought criteria into play" not in turn.reply
    assert turn.pending[0] == "pt_manual_weeks"


def test_saying_a_stored_answer_is_wrong_sets_it_aside_and_asks_it_first() -> None:
    """Outside tester (session 5), C15/F10: 'the MRI date is wrong' was silent and the
    old date kept counting. It is set aside, said so, and asked first; no "could not
    read" for the message that did it."""
    *_, before, turn = _chat("does this qualify for 64493?", "low back, 14, 8",
                             "MRI 10/2/26, xray 9/1/26", "the MRI date is wrong")
    assert before.facts["ct_mri_date"]["value"] == "2026-10-02"
    assert "ct_mri_date" not in turn.facts and "xray_date" in turn.facts
    assert "Most recent CT or MRI: 2026-10-02 → set aside; asked again" in turn.reply
    assert "Could not read" not in turn.reply
    assert turn.pending[0] == "ct_mri_date"


def test_a_decision_unchanged_by_a_turn_does_not_repeat_its_interpretations() -> None:
    """Outside tester (session 5), C16: every turn after a decision, even 'why not?',
    repeated the six long 'Interpretations relied on' paragraphs, burying the one line
    that changed. They are shown with the decision once; later turns say in one line
    that they are unchanged."""
    *_, decided, why = _chat(*SHORT_PT, "why not?")
    assert "Interpretations relied on" in decided.reply
    assert "Interpretations relied on and next steps: unchanged" in why.reply
    assert why.reply.count("Interpretations relied on") == 1
    assert len(why.reply) < len(decided.reply)


def test_can_i_appeal_gives_the_policys_own_route_quoted_verbatim() -> None:
    """Outside tester (session 6), C4: 'can I appeal?' after a denial got a clause
    search listing the cosmetic exclusion and the severity criteria. It gets the
    policy's route after a denial, in its own words with the clause, and changes
    nothing."""
    from policies.library import load_policy

    *_, before, turn = _chat(*SHORT_PT, "can I appeal?")
    quote = load_policy("64493").quotes["authorization.on_denial"].text
    assert f'"{quote}", 64493.authorization.2.1' in turn.reply
    assert "within 30 days" in turn.reply
    assert "From the policy text" not in turn.reply
    assert turn.facts == before.facts
    assert detect("what happens if it's denied?").kind == "appeal"  # type: ignore[union-attr]
    assert detect("what if PT was 14 weeks?").kind == "what_if"  # type: ignore[union-attr]


def test_what_do_i_need_to_send_lists_every_document_with_where_the_case_stands() -> None:
    """Outside tester (session 6), C4: 'what do I need to send?' got three clauses of a
    search, and a packet built from them would miss the imaging and other items. Every
    item of the policy's documentation list is given, each with its status here."""
    from policies.library import load_policy

    *_, turn = _chat("does this qualify for 64493?", "low back, 14, 8",
                     "MRI 10/2/26", "what documents do I need to submit?")
    items = load_policy("64493").criteria.documentation
    assert "policy's documentation list, with where this case stands:" in turn.reply
    for doc in items:
        assert f"- {doc.item}: " in turn.reply, doc.item
    assert "- Spine CT or MRI report (within 6 months): on file (64493.documentation.2.2)" \
        in turn.reply
    assert "From the policy text" not in turn.reply


def test_what_changed_names_what_the_last_answer_gave_and_the_decision_now() -> None:
    """Outside tester (session 6), C5: 'what changed?' got the card again with no
    sentence of its own."""
    *_, before, turn = _chat(*SHORT_PT, "what changed?")
    assert "The last change to the case: Physical therapy completed: 6 weeks" in turn.reply
    assert "The decision went from needs information to does not meet the criteria." \
        in turn.reply
    assert turn.facts == before.facts
    (empty,) = _chat("what changed?")
    assert "Nothing is recorded for this case yet, so nothing has changed." in empty.reply


def test_what_changed_after_an_undo_is_the_undo() -> None:
    # outside tester, session 8, C2: "what changed?" after "undo that last answer" named
    # the message two steps back (and only half of it)
    *_, undo, turn = _chat("does this qualify for 64493?",
                           "LBP 10 months, pain 6/10, PT 12 weeks (6 exercise, 3 manual, 3 "
                           "education), failed naproxen", "MRI 2026-09-01, xrays 2026-03-01",
                           "the MRI date is wrong", "2026-05-01", "undo that last answer",
                           "what changed?")
    assert "Undid your last answer (Most recent CT or MRI)" in undo.reply
    assert "The last change to the case: Undid your last answer (Most recent CT or MRI): " \
        "asked again." in turn.reply
    assert "X-rays" not in turn.reply.split("\n")[0]


def test_a_message_that_changes_nothing_says_so() -> None:
    # outside tester, session 8, C1: "scratch that, it was 14 weeks ... after all" (14
    # already recorded) got the card again with no word about the message
    *_, before, turn = _chat("does this case qualify for 62311?",
                             "58F, right L5 radiculopathy for 14 weeks, conservative treatment "
                             "14 weeks with PT, naproxen and weight loss",
                             "actually it was 14 weeks of conservative treatment")
    assert "Nothing in that message changed the case" in turn.reply
    assert turn.facts == before.facts


def test_how_long_is_it_valid_gives_the_policys_window_and_this_cases_end_date() -> None:
    # outside tester, session 6, C11: this was a clause search
    from agent.session import Assistant as _Assistant
    from evals.scripted import answer, worked_case

    day = date(2026, 11, 23)  # the worked cases' day
    a = _Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=day)
    facts = worked_case("97110", "meets_criteria", day.isoformat())
    turn = a.send("t", "Does this case qualify for 97110?")
    while turn.pending:
        turn = a.send("t", answer("97110", turn.pending, facts))
    assert turn.decision == "meets_criteria"
    valid = a.send("t", "how long is it valid?")
    assert "The policy's authorization window is 90 days" in valid.reply
    assert f"it runs until {turn.verdict['valid_until']}" in valid.reply
    assert "97110.authorization" in valid.reply
    assert valid.facts == turn.facts and not valid.retrieved


def test_validity_before_a_case_meets_the_criteria_says_no_window_runs_yet() -> None:
    *_, denied, valid = _chat(*SHORT_PT, "when does the authorization expire?")
    assert denied.decision == "does_not_meet"
    assert "no window runs yet" in valid.reply and "90 days" in valid.reply


MRI_CASE = ("does this qualify for 62311?",
            "62M, radiculopathy 20 weeks, MRI 10/30/2026, PT 8 weeks failed, NSAIDs failed")


def test_what_if_with_a_month_answers_for_the_whole_month_when_every_day_agrees() -> None:
    # outside tester, session 6, C8: "I could not read a change to the case"
    *_, before, would = _chat(*MRI_CASE, "what if the MRI was in August?")
    assert "If Most recent CT or MRI: any day of August 2026: the decision would be: does " \
        "not meet the criteria" in would.reply
    assert "62311.coverage.4.1" in would.reply
    assert would.facts == before.facts  # nothing stored


def test_what_if_with_a_month_whose_days_decide_differently_says_both() -> None:
    *_, would = _chat(*MRI_CASE, "what if the MRI was in September?")
    assert 'It depends on the day "in September" means: on 2026-09-01 it would be: does ' \
        "not meet the criteria; on 2026-09-30 it would be: needs information" in would.reply


def test_what_if_with_a_year_answers_for_the_whole_year() -> None:
    # outside tester, session 10, C5: "what if the MRI was in 2024?" got "Ask with a value"
    *_, before, would = _chat(*MRI_CASE, "what if the MRI was in 2024?")
    assert "If Most recent CT or MRI: any day of 2024: the decision would be: does not " \
        "meet the criteria" in would.reply
    assert "Ask with a value" not in would.reply
    assert would.facts == before.facts  # nothing stored
    this_year = _chat(*MRI_CASE, "what if the MRI was in 2026?")[-1]
    assert 'It depends on the day "in 2026" means: on 2026-01-01 it would be: does not ' \
        "meet the criteria" in this_year.reply


THERAPY_CASE = ("does this case qualify for 97110?", "45 yo M with low back pain for 4 months")


def test_what_if_with_was_reads_the_supposed_value() -> None:
    # outside tester, session 11, C8: "what if pain was 3?" got "Ask with a value"; a
    # supposition's "was" is no past score
    for change in ("what if pain was 3?", "what if pain was 3/10?", "what if the pain were 3?"):
        *_, before, would = _chat(*THERAPY_CASE, change)
        assert "If Pain score (NRS 0-10): 3 points: the decision would be: does not meet the " \
            "criteria" in would.reply, change
        assert would.facts == before.facts  # nothing stored


def test_an_unread_what_if_offers_an_example_this_policy_reads() -> None:
    # "what if PT was 10 weeks?" was the example under 97110 too, where it reads nothing
    *_, would = _chat(*THERAPY_CASE, "what if PT was 10 weeks?")
    assert "Ask with a value" in would.reply
    example = would.reply.split('for example "what if ', 1)[1].split('?"', 1)[0]
    assert example != "PT was 10 weeks"
    assert "the decision would be" in _chat(*THERAPY_CASE, f"what if {example}?")[-1].reply


SEVERITY = ("does this qualify for 64493?", "pain 8/10, she has diabetes")


def test_yes_to_is_it_severe_records_the_severe_condition_named() -> None:
    # outside tester, session 6, C2: every answer to "is it severe?" but "no" was refused
    asked, answer = _chat(*SEVERITY, "yes")[1:]
    assert 'could not use "diabetes": is it severe?' in asked.reply
    assert answer.facts["severe_comorbidities"]["value"] == ["diabetes"]
    assert answer.decision == "does_not_meet"  # 64493 excludes any severe comorbidity


def test_mild_or_controlled_to_is_it_severe_keeps_the_question_open_and_says_why() -> None:
    for reply in ("not severe", "mild", "it's well controlled on metformin"):
        answer = _chat(*SEVERITY, reply)[-1]
        assert "the diabetes is not severe, so it does not count here" in answer.reply, reply
        assert "severe_comorbidities" not in answer.facts
        assert answer.pending[0] == "severe_comorbidities"
    none = _chat(*SEVERITY, "mild", "none")[-1]
    assert none.facts["severe_comorbidities"]["value"] == []


SHOULDER_CASE = ("does this qualify for 97110?",
                 "50M shoulder pain 5 months, pain 6/10, conservative 16 weeks, steroid "
                 "injection 2026-10-01 failed, xrays 2026-06-01 and 2026-11-01, MRI 2026-09-01, "
                 "ortho expects good response, no infection, no comorbidities, not cosmetic")


def test_a_what_if_is_about_what_it_changes_not_a_pronoun_the_case_already_has() -> None:
    # outside tester, session 8, C4: "what if he had diabetes?" answered "If Pregnancy:
    # Cannot be pregnant; Postpartum: no: ..." (the "he"), and not the diabetes
    *_, before, would = _chat(*SHOULDER_CASE, "what if he had diabetes?")
    assert "Pregnancy" not in would.reply
    assert 'I cannot say yet what "he had diabetes" would change: "diabetes": is it severe?' \
        in would.reply
    assert would.facts == before.facts
    *_, severe = _chat(*SHOULDER_CASE, "what if he had severe diabetes?")
    assert "If Severe comorbidities: Diabetes: the decision would still be: needs " \
        "information; it would change 97110.exclusion.3 met → for review" in severe.reply


def test_a_what_if_that_keeps_the_decision_names_the_criteria_it_would_move() -> None:
    # outside tester, session 8, C4: an MRI 9 months old adds a review (97110.coverage.4)
    # to a case that still needs information; the reply said only "would still be"
    *_, before, would = _chat(*SHOULDER_CASE, "what if the MRI was 2026-03-01?")
    assert before.decision == "needs_info"
    assert "the decision would still be: needs information; it would change " \
        "97110.coverage.4 met → for review" in would.reply
    assert would.facts == before.facts


def test_a_what_if_names_only_the_criteria_it_moves_in_a_clause_of_several() -> None:
    # outside tester, session 11, C7: with 62311.coverage.2 not met (symptoms 1 week), a
    # what-if about the ODI said it would change "62311.coverage.2 not yet known → not
    # met": the clause's other criterion (the pain change) stood for the clause
    case = ("does this case qualify for 62311?", "58M, R leg radiculopathy for 1 week, PT meds "
            "and weight loss 16 wks in 2 courses of 8 wks, no better")
    *_, before, would = _chat(*case, "what if the ODI improved significantly?")
    assert before.decision == "does_not_meet"
    assert "the decision would still be: does not meet the criteria" in would.reply
    assert "62311.coverage.2 not yet known" not in would.reply
    assert "62311.coverage.5.2 [Functional assessment over the past 6 weeks (ODI or " \
        "similar)] not yet known → met" in would.reply
    assert would.reply.split("\n", 1)[0].count("62311.coverage.5.2") == 1

"""Session 28, chat28b: the nurse's answers in chat (outside tester 28's F4, F6, F7, M1/C3,
M5, C1). Wordings are this file's own, in several voices (a typed chat reply, a clipped
answer, a relayed phone call); guards keep the readings that were right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.session import Assistant

read = reader_at(date(2026, 12, 5))


# --- F4: a "yes" answers the one question its words name, never another left open ------
# (a nurse typing "yes, the HEP log with dates and outcomes is on file" answers the logs
# question; tester 28 got "postpartum: yes" for a man, and a needs_review)

@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "unsaid"), [
    # a typed chat reply, the records and the postpartum questions open
    ("97110", "yep - the home program diary with dates and results is in the chart",
     ["treatment_logs_documented", "pregnancy", "postpartum"], "treatment_logs_documented",
     "postpartum"),
    # a clipped reply, the infection question open ("response on file" read an infection)
    ("62311", "yes, logs with dates and response on file",
     ["treatment_logs_documented", "active_infection"], "treatment_logs_documented",
     "active_infection"),
    # a rehab coordinator's reply, the instability question open
    ("71250", "yes, the PT log with dates and progress is in the chart",
     ["treatment_logs_documented", "clinically_unstable"], "treatment_logs_documented",
     "clinically_unstable"),
    # a form-like reply, the cosmetic question open ("results documented" read cosmetic)
    ("62311", "Yes - treatment log attached, with durations and results documented",
     ["treatment_logs_documented", "cosmetic_purpose"], "treatment_logs_documented",
     "cosmetic_purpose"),
])
def test_a_yes_with_its_own_question_answers_no_other(
        cpt: str, text: str, pending: list[str], fact: str, unsaid: str) -> None:
    got = read(text, cpt, pending)
    assert got.get(fact) is True
    assert unsaid not in got


@pytest.mark.parametrize(("cpt", "text", "pending", "unsaid"), [
    # a paper on file says nothing of a state of the patient
    ("97110", "HEP log on file", ["postpartum"], "postpartum"),
    ("71250", "consult documented", ["clinically_unstable"], "clinically_unstable"),
    ("62311", "labs not on file yet", ["active_infection"], "active_infection"),
])
def test_a_paper_on_file_answers_only_a_question_about_a_paper(
        cpt: str, text: str, pending: list[str], unsaid: str) -> None:
    assert unsaid not in read(text, cpt, pending)


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # guards: a bare yes still answers the one yes/no question on screen
    ("97110", "yes", ["postpartum"], "postpartum", True),
    ("62311", "yes, the consult is on file", ["pain_or_pcp_consult_documented"],
     "pain_or_pcp_consult_documented", True),
    ("97110", "no, the log is not on file", ["treatment_logs_documented", "postpartum"],
     "treatment_logs_documented", False),
    ("71250", "referral on file", ["pcp_referral_documented"], "pcp_referral_documented", True),
])
def test_answers_about_papers_still_read(cpt: str, text: str, pending: list[str], fact: str,
                                         value: object) -> None:
    assert read(text, cpt, pending).get(fact) == value


def test_the_log_answer_leaves_postpartum_asked_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "97110")
    bot.send("c", "Referral: 34F, left shoulder pain 6/10 since 04/01/2026, moderate "
                  "impairment (QuickDASH). 20 weeks of conservative treatment, failed; the "
                  "last, a steroid injection 11/10/2026, failed. X-rays 05/02/2026 and "
                  "11/12/2026, MRI 09/01/2026. H&P with symptom dates on file. Ortho consult on "
                  "file, expects good response. No infection, no comorbidities, not cosmetic.")
    reply = bot.send("c", "yes, the HEP log with dates and outcomes is on file").reply
    assert "Treatment logs on file: yes" in reply
    assert "Postpartum: yes" not in reply
    assert "Is the patient postpartum" in bot.send("c", "not pregnant").reply


# --- F6: a move from one figure to another answers no count or length ------------------
# ("pain went up 3 points, from 4 to 7" filed 4 failed courses; the nurse's true "2
# courses" was then refused)

@pytest.mark.parametrize(("cpt", "text", "pending", "unsaid"), [
    ("62311", "worse by 2 points, went from 5 to 7", ["pain_nrs_increase",
                                                      "conservative_courses_failed"],
     "conservative_courses_failed"),
    ("64493", "went from 3 to 6", ["pt_courses_failed"], "pt_courses_failed"),
    ("97110", "it moved from 2 to 5", ["xray_sets"], "xray_sets"),
    ("64493", "from 5 to 8", ["pt_weeks"], "pt_weeks"),
])
def test_a_move_between_figures_is_no_count(cpt: str, text: str, pending: list[str],
                                            unsaid: str) -> None:
    assert unsaid not in read(text, cpt, pending)


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # guards: the score before treatment is a move's first figure, a current one its last
    ("62311", "from 4 to 7", ["pain_nrs_baseline"], "pain_nrs_baseline", "4"),
    ("71250", "38.6 -> 37.1", ["body_temperature"], "body_temperature", "37.1 C"),
    ("62311", "2 courses", ["conservative_courses_failed"], "conservative_courses_failed", "2"),
    ("62311", "up 3, from 4 to 7", ["pain_nrs_increase"], "pain_nrs_increase", "3"),
])
def test_a_moves_figure_still_answers_its_own_question(
        cpt: str, text: str, pending: list[str], fact: str, value: object) -> None:
    assert read(text, cpt, pending).get(fact) == value


def test_a_pain_move_then_the_courses_in_chat(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "62311")
    bot.send("c", "58F lumbar radiculopathy since 01/05/2026, significantly limits daily life, "
                  "worse despite PT 8 weeks then gabapentin 7 weeks (15 weeks); no lifestyle "
                  "changes or other treatment. ODI 50% -> 30% over the past 6 weeks, significant "
                  "improvement. MRI 11/02/2026: foraminal stenosis, L5 root compression with "
                  "inflammation, readable. H&P 11/20/2026 with meds, allergies, surgeries, neuro "
                  "exam and pain evaluation. CRP raised. Treatment logs on file. Pain management "
                  "consult on file. No infection, not pregnant, not cosmetic.")
    first = bot.send("c", "pain went up 2 points, went from 5 to 7").reply
    assert "5 courses" not in first
    assert "Failed 6-week courses of conservative treatment: 2 courses" in \
        bot.send("c", "2 courses").reply


# --- F7: after a thing said to be a relative's, the patient named again is the patient --
# ("sorry, the UTI and the antibiotic are her daughter's - Peggy has no infection": both
# halves were refused as someone else's and the false infection denied the case)

def understood(text: str, cpt: str, known: dict[str, object]) -> dict[str, object]:
    from agent.reading import understand
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5), known=known)
    return {r.fact: r.value for r in got.facts}


@pytest.mark.parametrize(("cpt", "text"), [
    # a phone relay naming the patient by his first name
    ("97110", "sorry, the cellulitis is his son's - Frank has no infection"),
    # a clipped chat correction, the patient's own pronoun after the relative's
    ("62311", "the Keflex was her sister's, she has no infection"),
    # a semicolon, and "herself"
    ("64493", "the wound infection was her daughter's; she has no infection herself"),
])
def test_the_patient_named_after_a_relatives_thing_is_the_patient(cpt: str, text: str) -> None:
    assert understood(text, cpt, {"active_infection": True}).get("active_infection") is False


@pytest.mark.parametrize(("cpt", "text"), [
    # guards: a pronoun of the relative's own sex saying more of the same is the relative's
    ("62311", "The UTI was her daughter's - she is on Macrobid"),
    ("97110", "the cellulitis is his son's - he is on Keflex"),
])
def test_the_relatives_own_pronoun_stays_the_relatives(cpt: str, text: str) -> None:
    assert "active_infection" not in understood(text, cpt, {})


def test_a_nickname_correction_in_chat(assistant_at: Callable[[date], Assistant]) -> None:
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "62311")
    bot.send("c", "Pt: Dorothy \"Dot\" Brennan, 71 F. Lumbar radiculopathy since 02/02/2026. "
                  "On cephalexin since 12/02 for cellulitis of the left leg.")
    reply = bot.send("c", "correction: the cellulitis and the cephalexin are her "
                          "granddaughter's - Dot has no infection").reply
    assert "Active infection: yes → no" in reply
    assert "someone other than the patient" not in reply


# --- M1/C3: "none" answers the question that offers it, plainly ------------------------
# (it was held "(please confirm)" beside a yes/no question in some chats, noted at once in
# others, and once taken as "no" to "I read X as Y - is that right?")

@pytest.mark.parametrize(("cpt", "text", "pending"), [
    ("71250", "none", ["severe_comorbidities", "failed_conservative_documented"]),
    ("62311", "Nothing.", ["severe_comorbidities", "pain_or_pcp_consult_documented"]),
    ("97110", "none", ["treatment_logs_documented", "severe_comorbidities"]),
])
def test_none_answers_the_list_question_plainly(cpt: str, text: str,
                                                pending: list[str]) -> None:
    from agent.reading import understand
    got = understand(text, cpt=cpt, pending=pending, as_of=date(2026, 12, 5))
    said = {r.fact: r for r in got.facts}
    assert said["severe_comorbidities"].value == []
    assert said["severe_comorbidities"].origin == "stated"
    assert len(said) == 1


def test_none_is_no_answer_to_is_that_right() -> None:
    from agent.nodes import _confirmations
    from agent.state import State
    state = State(inbox="none", pending=["pain_nrs_increase", "severe_comorbidities"],
                  confirm=["pain_nrs_increase"])
    assert _confirmations(state) == []
    # guard: a plain "no" still answers it
    state.inbox = "no"
    assert _confirmations(state) == [("pain_nrs_increase", False)]


# --- C1: a figure's own comma is no break between answers -----------------------------
# ("the WBC of 16,400 was a lab error; the repeat is 9,800" updated the WBC and said it
# could not read "the repeat is 9" and "800"; with a pain question open, "9" was the pain)

@pytest.mark.parametrize(("text", "pending", "old"), [
    ("WBC of 12,300 was a lab error; the repeat is 8,100",
     ["pain_nrs", "severe_comorbidities"], 12300),
    ("the 11,900 white count was clotted; the repeat is 7,200",
     ["pain_nrs", "fev1_percent_predicted"], 11900),
    ("wbc 18,100 was a lab error; the repeat is 6,900", ["spo2_room_air", "pain_nrs"], 18100),
])
def test_a_count_in_thousands_answers_no_other_question(text: str, pending: list[str],
                                                       old: int) -> None:
    from agent.reading import understand
    got = understand(text, cpt="71250", pending=pending, as_of=date(2026, 12, 5),
                     known={"wbc_count": old})
    assert {r.fact for r in got.facts} == {"wbc_count"}
    assert not [u for u in got.unread if u.words.strip().isdigit()]


@pytest.mark.parametrize(("text", "pending", "facts"), [
    # guards: answers set apart by a comma and a space are still two
    ("6 weeks, 4 weeks", ["pt_exercise_weeks", "pt_manual_weeks"], {"pt_exercise_weeks",
                                                                  "pt_manual_weeks"}),
    ("Patient is female, 44.", ["pregnancy"], set()),
])
def test_answers_apart_still_part(text: str, pending: list[str], facts: set[str]) -> None:
    assert facts <= set(read(text, "64493", pending))


# --- M5: a relative who sends the message speaks of the patient as her dad, his mother ---
# (a front desk's slip "From: Lucia Ferreira (daughter) re her father ... Her dad's neck has
# been stiff since March" set the patient's own symptoms aside as someone else's)

def reading(text: str, cpt: str) -> tuple[dict[str, object], list[str]]:
    from agent.reading import understand
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5))
    return {r.fact: r.value for r in got.facts}, [u.why for u in got.unread]


def test_a_wifes_report_of_her_husbands_symptoms_is_the_patients() -> None:
    facts, why = reading("Wife says her husband's shoulder has been stiff since 05/01/2026.",
                         "97110")
    assert facts.get("symptom_weeks") == "218 days"
    assert not [w for w in why if "someone other" in w]


def test_a_sons_report_of_his_fathers_pain_is_the_patients() -> None:
    facts, why = reading("Son reports his father's low back pain is 7/10.", "64493")
    assert facts.get("pain_region") == "low_back"
    assert not [w for w in why if "someone other" in w]


def test_a_daughters_message_slip_about_her_father() -> None:
    facts, why = reading("From: Ana Ruiz (daughter) re her father. Her mom has diabetes. Her "
                         "dad's knee pain is 6/10.", "97110")
    assert facts.get("pain_nrs") == "6"
    # guard: the mother the slip also names is no patient: her diabetes is not asked
    assert "severe_comorbidities" not in facts
    assert not [w for w in why if "someone other" in w or "severe" in w]


def test_a_relative_named_without_a_sender_stays_another() -> None:
    _facts, why = reading("Patient's daughter had knee surgery in 2025.", "97110")
    assert [w for w in why if "someone other" in w]


# --- a page count is no pain score (found reproducing tester 28's E1 in chat: the fax
# header "PAIN CENTER ... Page 1 of 1" read pain 1, and a pain change of -6 from it) ----

@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Spine pain clinic referral (page 1 of 2)"),
    ("97110", "Knee pain clinic — intake form (page 3 of 4)"),
    ("71250", "Chest pain work-up, page 2 of 3"),
])
def test_a_page_count_is_no_pain_score(cpt: str, text: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "score"), [
    ("64493", "Pain 6 of 10 today.", "6"),
    ("97110", "Pain: 5 of 10 at rest", "5"),
])
def test_a_score_out_of_ten_still_reads(cpt: str, text: str, score: str) -> None:
    assert read(text, cpt).get("pain_nrs") == score

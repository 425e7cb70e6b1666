"""False facts in reading found by outside tester 28 (session 28, reader28). Wordings are
this file's own, in several voices (an EHR smart phrase left unfilled, a referral form, a
discharge template, a phone note, a UR worksheet, a letter), with near-miss guards."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- F1: a template's choice left unmade states neither option ---------------------------
# (a nurse reads "Pt {is/is not} pregnant" as a form nobody filled in: no answer at all)

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a pre-procedure smart phrase pasted as generated
    ("Pre-procedure screen: patient {does/does not} have an active infection at this time.",
     "62311", "active_infection"),
    # a discharge template's sentence, square brackets
    ("Discharge template: She [is / is not] currently pregnant.", "97110", "pregnancy"),
    # an H&P template with the options in the sentence's middle
    ("HPI: Mr. Olsen [has / has not] improved with conservative therapy to date.",
     "64493", "failed_conservative"),
    # a CT order form whose field offers its answers
    ("Suspected bacterial pneumonia: {present/absent}", "71250", "bacterial_pneumonia"),
    # a physical exam template
    ("Balance and gait: [steady/unsteady]", "97110", "impaired_balance_gait"),
    # a placeholder left where the verb belongs
    ("Assessment: the patient *** clinically unstable and needs rapid imaging.", "71250",
     "clinically_unstable"),
])
def test_an_unmade_template_choice_states_no_answer(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_an_unmade_choice_leaves_the_other_sentences_read() -> None:
    got = read("Smart text: Mr. Olsen [has/has not] failed conservative care. "
               "Pain 7/10 today. No active infection.", "64493")
    assert "failed_conservative" not in got
    assert got["pain_nrs"] == "7"
    assert got["active_infection"] is False


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the choice made: the chosen words stand alone
    ("Pre-procedure screen: patient does not have an active infection at this time.",
     "62311", "active_infection", False),
    # an abbreviation's slash inside brackets is no choice
    ("MRI 11/02/2026 [w/ contrast]. Patient has an active infection (cellulitis).", "62311",
     "active_infection", True),
    # a placeholder before a unit leaves the rest of the statement read
    ("Suspected bacterial pneumonia: no. Symptoms x *** weeks.", "71250",
     "bacterial_pneumonia", False),
])
def test_choices_made_and_slashes_that_offer_nothing_are_read(text: str, cpt: str, fact: str,
                                                               value: object) -> None:
    assert read(text, cpt)[fact] == value


# --- F2: a count of other things beside a pain score is never the score ------------------
# (a nurse reads "since the 2 PT courses" as how many courses, not a pain of 2)

@pytest.mark.parametrize(("text", "cpt"), [
    # a phone message
    ("Caller says his back pain has gone 4 to 8 since the 3 steroid injections.", "64493"),
    # an ED discharge note
    ("Chest pain 3 to 7 over the 2 hospital admissions this fall.", "71250"),
    # a PT re-evaluation
    ("Knee pain 2 to 5 after the 4 missed sessions.", "97110"),
    # a referral letter
    ("Her back pain went 5 to 8 since the 3 medial branch blocks.", "64493"),
])
def test_a_count_of_courses_or_visits_is_no_pain_score(text: str, cpt: str) -> None:
    got = read(text, cpt)
    assert got.get("pain_nrs") not in ("2", "3", "4")


@pytest.mark.parametrize(("text", "cpt", "score"), [
    # the score stated before the count stays read
    ("Pain 7/10 after the 2 PT courses.", "64493", "7"),
    ("He rates his pain 6 since his 3 injections.", "64493", "6"),
    # a preposition after the score: the things are not counted by it
    ("Pain 8 during transfers, per the home health aide.", "97110", "8"),
])
def test_a_score_beside_a_count_of_things_stays_read(text: str, cpt: str, score: str) -> None:
    assert read(text, cpt)["pain_nrs"] == score


# --- F3: the label before each figure says which score it is -----------------------------
# (a nurse reads "before treatment 3/10   today 7/10" as a baseline of 3: the "today" is the
# label of the 7 after it, not a word about the 3 before it)

@pytest.mark.parametrize(("text", "baseline", "increase"), [
    # a referral form's row, cells set apart by spaces
    ("NRS (0-10):   before therapy 2/10        today 6/10", "2", "4"),
    # a faxed intake row with a tab
    ("Pain score\tbefore any treatment 3/10\ttoday 8/10", "3", "5"),
    # a dictated line run together
    ("numeric pain score before treatment four out of ten today 7/10", "4", "3"),
])
def test_a_score_labelled_today_after_the_baseline_is_not_the_baseline(
        text: str, baseline: str, increase: str) -> None:
    got = read(text, "62311")
    assert got.get("pain_nrs_baseline") == baseline
    assert got.get("pain_nrs_increase") == increase


@pytest.mark.parametrize(("text", "baseline"), [
    # "today" right after its own figure, then a comma: the figure is today's
    ("Pain 7/10 today, 4/10 before PT started.", "4"),
    ("She rates it 8 today; it was 5 at her first visit.", "5"),
])
def test_a_score_followed_by_today_is_still_todays(text: str, baseline: str) -> None:
    got = read(text, "62311")
    assert got.get("pain_nrs_baseline") == baseline


# --- F5: a payer's or a guideline's level is the rule's, not the patient's ----------------
# (a nurse reads "Humana wants at least moderate impairment" as what the plan asks for)

@pytest.mark.parametrize("text", [
    # an office manager's e-mail
    "Humana wants at least moderate functional impairment documented; hers is mild per QuickDASH.",
    # a UR worksheet's note
    "Cigna guideline: at least moderate impairment needed. His PSFS shows mild.",
    # a therapist's letter
    "The insurer asks for moderate functional limitation; her QuickDASH is mild.",
])
def test_a_payers_level_is_not_read_as_the_patients(text: str) -> None:
    assert read(text, "97110").get("functional_impairment") in (None, "mild")


@pytest.mark.parametrize("text", [
    # a phone note
    "Per the caller, the guideline says 2 sets of X-rays; she has had one set, 11/20/2026.",
    "Plan policy wants two sets of films; only 1 set on file (10/02/2026).",
])
def test_a_guidelines_count_of_xray_sets_is_not_the_patients(text: str) -> None:
    assert read(text, "97110").get("xray_sets") in (None, "1")


@pytest.mark.parametrize(("text", "level"), [
    # the patient's own grade, with no rule in its clause, stays read
    ("FABQ moderate at today's visit; the payer's form is attached.", "moderate"),
    ("Per Aetna policy the form is attached; FABQ shows severe impairment.", "severe"),
])
def test_the_patients_own_grade_beside_a_rule_stays_read(text: str, level: str) -> None:
    assert read(text, "97110")["functional_impairment"] == level


# --- F9: a denial does not carry across "but" into what the sentence turns to -------------

@pytest.mark.parametrize("text", [
    # a PT discharge summary
    "No change in leg pain, but the Oswestry improved significantly over the past 6 weeks.",
    # a physician's letter
    "No improvement in radicular symptoms, but Oswestry significantly improved (6 wks).",
    # a UR reviewer's shorthand
    "Not improved pain-wise, but ODI improved significantly over 6 weeks.",
])
def test_a_pain_denial_before_but_leaves_the_odi_improvement_read(text: str) -> None:
    assert read(text, "62311").get("functional_assessment_6_weeks") == "improved"


def test_an_odi_unchanged_after_but_stays_not_improved() -> None:
    got = read("Pain a little better, but the ODI is unchanged over 6 weeks.", "62311")
    assert got.get("functional_assessment_6_weeks") == "not_improved"


@pytest.mark.parametrize("text", [
    # a pre-procedure screen with a remark turning the answer
    "Active infection: No (but note: paronychia R thumb, on Bactrim since 12/02).",
    # a nursing checklist
    "Infection - none (however wound clinic reports cellulitis L shin, on Keflex).",
    # a pre-injection call
    "Active infection: none (but started doxycycline 12/01 for Lyme).",
])
def test_a_denial_turned_inside_its_bracket_is_not_no_infection(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not False


@pytest.mark.parametrize(("text", "cpt"), [
    # a referral letter
    ("She has had no physical therapy in 2026; in 2025 she completed 14 weeks.", "64493"),
    # an intake form's note
    ("No PT in 2026, but 12 weeks in 2024.", "64493"),
    # a coordinator's e-mail
    ("No conservative tx in 2026, though she did 14 weeks of PT in 2025.", "62311"),
])
def test_none_in_a_year_is_no_zero_weeks(text: str, cpt: str) -> None:
    got = read(text, cpt)
    assert got.get("pt_weeks") != "0"
    assert got.get("conservative_weeks") != "0"


def test_no_pt_at_all_is_still_zero_weeks() -> None:
    assert read("He has never had physical therapy.", "64493")["pt_weeks"] == "0"


# --- F8: a dictation's "today" is the dictation's day ------------------------------------

@pytest.mark.parametrize("text", [
    # a speech-recognition header with its parts set apart by dashes
    "DICTATED - NOT PROOFREAD - voice recognition - Dr. Ana Ruiz, Physiatry - 12/01/2026\n\n"
    "Low back pain. History and physical today. No active infection.",
    # a transcription service's header
    "Transcribed - MedScribe service - job 5521 - 12/01/2026\n\nH&P completed today.",
    # a short dictation title
    "Dictation - Dr. Ruiz - 12/01/2026\n\nHistory and physical done today.",
])
def test_a_dictations_today_is_its_own_day(text: str) -> None:
    assert read(text, "64493")["hp_date"] == "2026-12-01"


def test_a_note_with_no_dated_header_keeps_todays_day() -> None:
    assert read("History and physical today. No active infection.", "64493")["hp_date"] == \
        "2026-12-05"


@pytest.mark.parametrize("text", [
    "MRI lumbar spine 03/11/2026 [DD/MM/YYYY] - foraminal stenosis.",
    "IRM lombaire 03/11/2026 [JJ/MM/AAAA].",
])
def test_a_date_format_in_brackets_is_no_unmade_choice(text: str) -> None:
    assert read(text, "62311")["ct_mri_date"] == "2026-11-03"

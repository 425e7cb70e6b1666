"""Complete notes that stopped one or two questions short (session 15, "gnote"): facts
fresh18's notes state that the reader left unread. Each mechanism has the corpus note's
exact words, wordings of the same fact written by the fixer (prose, shorthand, a form line,
a letter), and the same words where they must still not be read."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# "chest-mobility", written with a hyphen, is the chest mobility work the policy asks of
# PT (fresh18's three urgent pulmonology notes: each left the PT's exercises unread).
@pytest.mark.parametrize("text", [
    "PT: 24 weeks, 2x/week, chest-mobility and strength exercises at every session; "
    "standardized log attached.",
    "Physical therapy: 26 weeks of outpatient PT, 2 sessions a week; every session included "
    "chest-mobility\n    stretches and strengthening.",
    "Outpatient PT 2x/week for 24 weeks, chest-mobility stretching and strengthening each session",
    # my own wordings
    "PT 2x/wk - chest-mobility exercises + strengthening each visit",
    "He attended pulmonary PT twice weekly; the chest-mobility/strength program was done at "
    "every visit.",
    "Chest-mobility & strength exercises: yes, each session",
])
def test_chest_mobility_written_with_a_hyphen_is_the_chest_exercises(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is True


@pytest.mark.parametrize("text", [
    "PT 3x/week for chest-mobility.",  # the goal, not what each session did
    "PT plan: chest-mobility and strength exercises to start next week.",
    "His wife does chest-mobility exercises at every session of her PT.",
])
def test_chest_mobility_as_a_goal_a_plan_or_another_s_is_not_read(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is not True


def test_chest_mobility_exercises_denied_are_none() -> None:
    assert read("No chest-mobility exercises were done in PT.", "71250")["pt_chest_exercises"] \
        is False


# An L5 "dorsal ramus block" is the medial branch block of the lowest facet joint (its nerve
# is the dorsal ramus): fresh18's case abstract "R L4 medial branch + L5 dorsal ramus block".
@pytest.mark.parametrize("text", [
    "11/05/2026  R L4 medial branch + L5 dorsal ramus block: 75% relief x 4 h.",
    # my own wordings
    "L5 dorsal ramus block 11/05/2026 with 80% relief for 6 hours",
    "Diagnostic L4 MBB and L5 dorsal ramus block done on 11/05/2026.",
    "Blocks: L4 medial branch and dorsal ramus blocks 11/5/2026, 75% relief",
])
def test_a_dorsal_ramus_block_is_a_nerve_block(text: str) -> None:
    assert read(text, "64493").get("nerve_block_date") == "2026-11-05"


@pytest.mark.parametrize("text", [
    "Planned: L5 dorsal ramus block on 12/20/2026.",
    "L5 dorsal ramus block 11/05/2026 cancelled by the patient.",
])
def test_a_dorsal_ramus_block_planned_or_cancelled_is_not_done(text: str) -> None:
    assert "nerve_block_date" not in read(text, "64493")


# "Dr. Kaur's consultation note is in the chart" (fresh18's postpartum clearance note,
# Dr. Kaur named before as pain management) is the consultation on file, as "consult note" is.
@pytest.mark.parametrize("text", [
    "Referred back to us by pain management (Dr. Kaur); Dr. Kaur's consultation note is in the "
    "chart and documents her symptoms, the diagnosis and the plan.",
    # my own wordings
    "PCP consultation note (Dr. Hale, 10/02/2026) on file.",
    "Consultation note from her pain physician: in chart.",
    "Records: H&P; consultation note (pain medicine); MRI report.",
])
def test_a_consultation_note_on_file_is_the_consultation(text: str) -> None:
    assert read(text, "62311").get("pain_or_pcp_consult_documented") is True


@pytest.mark.parametrize("text", [
    # another specialty's consultation is not the policy's pain management or PCP one
    "Neurosurgery consultation note on file.",
    "Ortho consultation note in chart.",
    "Neurosurgery consult note on file.",
    "Pain management consultation note still pending.",
])
def test_another_specialty_s_or_a_pending_consultation_note_is_not_read(text: str) -> None:
    assert read(text, "62311").get("pain_or_pcp_consult_documented") is not True


# A semicolon goes on with the statement of a count of courses: "PT: ... two courses (8 wks
# in spring, 8 wks in summer); neither gave lasting relief" (fresh18's template).
@pytest.mark.parametrize("text", [
    "PT: 16 weeks in total at Bayside PT, two courses (8 wks in spring, 8 wks in summer); "
    "neither gave lasting relief.",
    # my own wordings
    "PT: two courses; neither helped.",
    "PT - 2 courses (Jan, June); no lasting relief from either.",
    "Physical therapy, two courses at Bayside; both without relief.",
])
def test_a_failure_after_a_semicolon_counts_the_courses_before_it(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    "Two courses of chiropractic; PT failed.",  # another care's courses
    "PT: two courses; a third is planned if the block fails.",
    "Her husband did two courses of PT; neither helped.",
])
def test_courses_of_other_care_or_another_s_are_no_failed_pt_courses(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") != "2"


# A woman who was never pregnant is not postpartum: "36 y/o G0 (never pregnant, no
# births)" (fresh18's fertility clinic note asked it).
@pytest.mark.parametrize("text", [
    "36 y/o G0 (never pregnant, no births).",
    # my own wordings
    "G0P0, LMP 11/20/2026.",
    "She has never been pregnant.",
    "OB history: nulligravida.",
])
def test_a_woman_never_pregnant_is_not_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is False


@pytest.mark.parametrize("text", [
    "Her sister has never been pregnant.",
    "Not sure whether she was ever pregnant.",
    "Gave birth 10/01/2026, her first baby.",
])
def test_another_s_never_pregnant_or_a_doubt_is_not_read_as_not_postpartum(text: str) -> None:
    assert read(text, "97110").get("postpartum") is not False


# An EHR template's pick-list token with the writer's answer typed after it: the answer
# answers the field ("Has conservative care failed? {YES/NO:123} Yes", fresh18's SmartList
# template); a token with no answer leaves the field blank (asked, never its label affirmed).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Has conservative care failed? {YES/NO:123} Yes -- no meaningful change after "
     "both PT courses and both NSAID trials.", "failed_conservative", True),
    # my own wordings
    ("64493", "Active infection: {YES/NO:123} No", "active_infection", False),
    ("62311", "Infection present? {NEG/POS:3021} negative", "active_infection", False),
    ("97110", "Cosmetic purpose: {YES/NO:20012} no", "cosmetic_purpose", False),
])
def test_an_answer_typed_after_a_template_s_pick_list_answers_the_field(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Failed conservative care: {Blank single:19197::\"***\"}", "failed_conservative"),
    ("64493", "Failed conservative care: {YES/NO:123}", "failed_conservative"),
    ("64493", "Has conservative care failed? {YES/NO:123}", "failed_conservative"),
    ("62311", "Active infection: {YES/NO:123}  Cosmetic: no", "active_infection"),
])
def test_a_template_s_pick_list_left_unanswered_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


# Only a clause that says how every course went goes on past the semicolon: "only the last
# one failed" counts one course, not all three (asked).
def test_a_failure_of_one_course_after_a_semicolon_does_not_count_them_all() -> None:
    text = "PT 3 courses, 4 wks each = 12 wks total; only the last one failed."
    assert read(text, "64493").get("pt_courses_failed") != "3"


# A drug class after words that point back at the drugs named before is those drugs again
# ("... after both PT courses and both NSAID trials": fresh18's template, read as a third
# medication course once its pick-list token no longer split the sentence).
@pytest.mark.parametrize("text", [
    "Medications tried: ibuprofen 800 mg TID x 6 wks (no relief); meloxicam 15 mg daily x 8 wks "
    "(no relief).\nHas conservative care failed? {YES/NO:123} Yes -- no meaningful change after "
    "both PT courses and both NSAID trials.",
    # my own wordings
    "Naproxen x 6 wks - failed; diclofenac x 4 wks - failed.\nPain persists despite both NSAIDs.",
    "Naproxen x 6 wks - failed; diclofenac x 4 wks - failed. Plan: stop all NSAIDs.",
    "Celecoxib 200 mg x 8 wks: no relief; ibuprofen 600 mg x 6 wks: no relief. Neither of these "
    "NSAIDs helped.",
])
def test_a_drug_class_that_points_back_at_the_drugs_named_is_no_new_course(text: str) -> None:
    assert read(text, "64493").get("medication_courses_failed") == "2"


def test_a_drug_class_said_apart_from_the_drugs_named_is_another_course() -> None:
    text = "Naproxen x 6 wks - failed; diclofenac x 4 wks - failed. Muscle relaxants also failed."
    assert read(text, "64493").get("medication_courses_failed") == "3"


# A word of persistence between the pain and "since" keeps the onset: "R groin/hip pain
# continuous since 04/01/2026" (fresh5's telehealth note left the length unread).
@pytest.mark.parametrize("text", [
    "56 y/o woman with R hip osteoarthritis; R groin/hip pain continuous since 04/01/2026.",
    # my own wordings
    "Knee pain constant since 04/01/2026, worse on stairs.",
    "Shoulder pain: ongoing since 04/01/2026 -> pain ongoing since 04/01/2026 per intake.",
    "c/o L hip pain present since 04/01/2026",
])
def test_pain_continuous_since_a_day_has_lasted_from_that_day(text: str) -> None:
    assert read(text, "97110").get("symptom_weeks") == "246 days"


@pytest.mark.parametrize("text", [
    "Her husband's hip pain continuous since 04/01/2026.",
    "Her mother, who drove her in, has had knee pain constant since 04/01/2026.",
])
def test_another_s_pain_since_a_day_is_not_read(text: str) -> None:
    assert read(text, "97110").get("symptom_weeks") != "246 days"


# The writer who orders the scan documents in the note itself: "Conservative management
# has failed -- documented here." (fresh18's pulmonology addendum).
@pytest.mark.parametrize("text", [
    "Outpatient PT 24 weeks; standardized log on file. Conservative management has failed -- "
    "documented here.",
    # my own wordings
    "Conservative management has failed, as documented in this consultation.",
    "Failure of conservative management (inhalers, rehab) documented herein.",
    "Conservative tx failed - documented in this note by the ordering pulmonologist.",
])
def test_failed_conservative_care_documented_in_the_note_itself_is_documented(text: str) -> None:
    assert read(text, "71250").get("failed_conservative_documented") is True


@pytest.mark.parametrize("text", [
    "Please confirm conservative management has failed -- not documented here.",
    "Conservative management: will be documented here once rehab ends.",
])
def test_a_failure_not_yet_documented_in_the_note_is_not_read(text: str) -> None:
    assert read(text, "71250").get("failed_conservative_documented") is not True


@pytest.mark.parametrize("text", [
    "Orthopedics (Dr. Vance): orthopedics consult on file, recommends outpatient PT.",
    "Orthopaedics consultation 10/28/2026 in chart.",
])
def test_an_orthopedics_consult_on_file_is_a_specialist_s(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


def test_an_orthopedics_consult_still_awaited_is_not_read() -> None:
    assert read("Orthopedics consult: awaiting appointment.", "97110").get(
        "specialist_consult_documented") is not True


# A note that says it is the H&P is the H&P of its own date: its title's or letterhead's
# date ("SECOND OPINION CONSULTATION   Seen: 11/20/2026 ... This letter is also his history
# and physical", "VISITING PHYSICIAN HOUSE CALL - 11/23/2026 ... H&P: this visit.",
# "PAIN MEDICINE CONSULTATION / COMPREHENSIVE H&P" over a dated line).
@pytest.mark.parametrize(("text", "day"), [
    ("UNIVERSITY SPINE CENTER - Department of Physical Medicine & Rehabilitation\n"
     "SECOND OPINION CONSULTATION                                    Seen: 11/20/2026\n"
     "Dear Dr. Farah,\nThank you for asking me to see Mr. Wojcik for a second opinion on a "
     "lumbar epidural steroid injection. This letter is also his history and physical.\n"
     "History. Low back pain radiating down the left leg since a fall at work.",
     "2026-11-20"),
    ("VISITING PHYSICIAN HOUSE CALL - 11/23/2026\nCC: low back pain.\n"
     "H&P: this visit.", "2026-11-23"),
    ("PAIN MEDICINE CONSULTATION / COMPREHENSIVE H&P\n"
     "Written by Dr. R. Singh (PGY-2), seen and staffed with Dr. M. Okafor   11/16/2026\n"
     "This note is the pain management consultation for the requested L4-5 ESI.\n"
     "HPI: L leg radicular pain since 05/11/2026.", "2026-11-16"),
    # my own wordings
    ("Lakeside Spine Associates\nOctober 30, 2026\nRe: Ms. Ana Ruiz, DOB 03/02/1970\n"
     "Dear Dr. Cole, this letter is my complete history and physical for her injection.",
     "2026-10-30"),
    ("ORTHO SPINE CONSULT 11/02/2026\nThis note serves as the H&P for the procedure.\n"
     "Back pain x 6 months.", "2026-11-02"),
])
def test_a_note_that_says_it_is_the_h_and_p_is_dated_its_own_date(text: str, day: str) -> None:
    assert read(text, "62311").get("hp_date") == day


@pytest.mark.parametrize("text", [
    # asked for, or another's, or with two dates in its head (which one is the note's?)
    "PAYER REQUEST - COMPREHENSIVE H&P NEEDED\nReceived 11/20/2026. Please send his H&P.",
    "FAX COVER 11/20/2026\nRe: Mr. Wojcik, DOB 02/11/1974\n"
    "This letter is not his history and physical; the H&P will follow.",
    "Referral 11/01/2026, seen 11/20/2026\nThis letter is also his history and physical.",
])
def test_a_note_that_asks_for_or_denies_the_h_and_p_or_has_two_dates_is_not_dated(
        text: str) -> None:
    assert read(text, "62311").get("hp_date") not in ("2026-11-20", "2026-11-01")


# A visual analogue scale in millimetres of its 100 is a score out of 100: "Pain VAS 70 mm
# (of 100)" is 7/10 (fresh18's mixed-units urgent visit left the pain asked).
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Dyspnea and right-sided chest pain since 09/30/2026. Pain VAS 70 mm (of 100)."),
    # my own wordings
    ("71250", "Chest pain VAS 70 mm/100 mm today."),
    ("64493", "Pain: VAS 70 mm out of 100"),
    ("97110", "Knee pain on the visual analogue scale, 70 mm (of a 100 mm line)."),
])
def test_a_vas_in_millimetres_of_100_is_a_score_out_of_100(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pain_nrs") == "7"


@pytest.mark.parametrize("text", [
    "Effusion depth 70 mm on ultrasound; pain 4/10.",  # a length, not a score
    "His wife's pain VAS 70 mm (of 100).",
])
def test_millimetres_that_are_a_length_or_another_s_score_are_not_the_pain(text: str) -> None:
    assert read(text, "71250").get("pain_nrs") != "7"

"""Complete notes that stopped one or two questions short (session 14, "gnote"): facts
the note states that the reader left unread. Each mechanism has the corpus note's exact
words, wordings of the same fact written by the fixer (prose, shorthand, a form line, a
letter), and the same words where they must still not be read."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 2)


read = reader_at(AS_OF)


# A length right after the lengths of the courses that is their sum is their total, said
# without a total word: "two courses, ... (8 wks) and ... (5 wks), 13 weeks" (fresh14's
# payer review: left unread; "8 wks and 5 wks, 13 weeks" was even read as 26 weeks).
@pytest.mark.parametrize("text", [
    "- Per PT records (in file - plans of care, progress notes, modality flowsheets with heat,\n"
    "  cold and IFC): two courses, 03/2026-05/2026 (8 wks) and 07/2026-08/2026 (5 wks), 13 weeks,\n"
    '  "plateaued without meaningful improvement" after each.',
    # my own wordings
    "PT: two courses, 8 wks and 5 wks, 13 weeks, no improvement after either.",
    "She did two courses of physical therapy, 8 weeks (spring) and 5 weeks (summer), 13 weeks, "
    "and neither helped.",
    "PT x2 courses (8 wk + 5 wk) 13 wk, both without benefit",
    "Physical therapy: course 1 8 weeks, course 2 5 weeks, 13 weeks; no improvement after either.",
])
def test_a_length_that_adds_up_the_courses_before_it_is_their_total(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pt_weeks") == "13 weeks"
    assert got.get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    # a third length that is not their sum: a third course, or something else; never 13
    "PT: two courses, 8 wks and 5 wks, 12 weeks, no improvement after either.",
    "PT 8 wks and 5 wks, then 13 weeks of home exercise.",
])
def test_a_length_that_does_not_add_up_the_courses_is_no_total(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") != "13 weeks"


@pytest.mark.parametrize("text", [
    "Her husband did two courses of PT, 8 wks and 5 wks, 13 weeks.",
    "PT: two courses planned, 8 wks and 5 wks, 13 weeks.",
])
def test_courses_that_add_up_but_are_another_s_or_planned_are_not_read(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


def test_a_wrapped_line_that_opens_with_a_quotation_goes_on_the_sentence() -> None:
    # the courses' failure is said on the wrapped line, inside quotation marks
    text = ("Per PT records: two courses, 8 wks and 6 wks, 14 weeks,\n"
            '  "no lasting improvement" after each.')
    assert read(text, "64493").get("pt_courses_failed") == "2"
    # a quotation about the courses helping is still not a failure
    text = ("Per PT records: two courses, 8 wks and 6 wks, 14 weeks,\n"
            '  "good improvement" after each.')
    assert "pt_courses_failed" not in read(text, "64493")


# A length after a spaced dash is punctuation, not a minus: "... ergonomic changes at work
# - 14 weeks in all" (fresh12's letter of necessity: the total was left unread).
@pytest.mark.parametrize("text", [
    "He has had two full courses of conservative care, each without any improvement: physical "
    "therapy 03/09-04/27/2026 (7 weeks) with naproxen throughout, and a second course "
    "06/01-07/20/2026 (7 weeks) of gabapentin with a dietitian-supervised weight-loss program and "
    "ergonomic changes at work - 14 weeks in all. Conservative treatment has failed.",
    # my own wordings
    "Two courses of conservative care: PT (7 weeks) and gabapentin (7 weeks) - 14 weeks in all.",
    "2 courses of conservative tx: PT 7 wks - gabapentin 7 wks - 14 wks total",
])
def test_a_total_after_a_spaced_dash_is_the_courses_total(text: str) -> None:
    assert read(text, "62311").get("conservative_weeks") == "14 weeks"


# A total said on its own closes the entry the care's name opens (its line, or its list
# item with the lines wrapped under it): "Conservative care 05/18-09/07/2026: PT 8 wks, ...
# still symptomatic. 16 weeks in all." (fresh15), "- Conservative care since 06/20/2026,
# all without lasting benefit: naproxen, ... Total 23 weeks." (fresh6): left unread.
@pytest.mark.parametrize(("cpt", "text", "weeks"), [
    ("62311", "Conservative care 05/18-09/07/2026: PT 8 wks, then gabapentin 8 wks, each with no "
     "improvement;\nlow-fat diet and weight loss of 12 lb over the same period, still "
     "symptomatic. 16 weeks in all.\nFailed 2 courses; conservative treatment has failed.", 16),
    ("97110", "- Conservative care since 06/20/2026, all without lasting benefit: naproxen, "
     "activity\n  modification, knee sleeve, a home exercise sheet, and a corticosteroid "
     "injection on\n  10/06/2026 that \"did nothing after a week\". Total 23 weeks. Dr. Ames: "
     "\"conservative\n  measures have failed.\"\n- Imaging: L knee XR 06/15/2026.", 23),
    # my own wordings
    ("62311", "Conservative care: naproxen, home exercise program and activity modification, "
     "none of which helped.\n16 weeks in all.", 16),
    ("62311", "CONSERVATIVE TX: PT then meloxicam, both failed. Total: 16 wks.", 16),
    ("62311", "Conservative care: PT, then gabapentin, no improvement.\n  Total 16 weeks.", 16),
    ("97110", "1. Conservative treatment since 05/2026: ibuprofen, a home program and a brace;\n"
     "   no lasting relief. 20 weeks in total.\n2. Imaging: XR knee 06/01/2026.", 20),
])
def test_a_total_said_on_its_own_closes_the_entry_the_care_opens(
        cpt: str, text: str, weeks: int) -> None:
    assert read(text, cpt).get("conservative_weeks") == f"{weeks} weeks"


@pytest.mark.parametrize("text", [
    # a sentence that says more than the total is about something else
    "Conservative care: PT, then gabapentin, no improvement.\nOff work 16 weeks in all.",
    # the next list item, or past a blank line, is another entry
    "- Conservative care: PT, then gabapentin, no improvement.\n- Off work: 16 weeks in all.",
    "Conservative care: PT, then gabapentin, no improvement.\n\n16 weeks in all.",
    # a plan's care is not care received
    "Plan: conservative care: PT, then gabapentin. 16 weeks in all.",
])
def test_a_total_outside_the_care_s_entry_is_not_its_length(text: str) -> None:
    assert "conservative_weeks" not in read(text, "62311")


def test_a_total_the_listed_lengths_do_not_make_is_not_read_from_the_entry() -> None:
    # two lengths in the entry that do not add up to the total said after them: asked
    text = ("Conservative care: PT 8 wks, then gabapentin 8 wks, each with no improvement.\n"
            "12 weeks in all.")
    assert "conservative_weeks" not in read(text, "62311")


# A choice the test is to settle is open, not what was said before it: "clinically
# unstable ... and needs rapid CT imaging tonight to decide on pulse steroids versus
# further workup" (fresh3), "calls her clinically unstable and wants a stat CT to decide on
# steroids vs antibiotics" (fresh15): the "versus" made the instability asked.
@pytest.mark.parametrize("text", [
    "He is clinically\nunstable (hypotension, tachypnea, rising oxygen need) and needs rapid CT "
    "imaging\ntonight to decide on pulse steroids versus further workup.",
    "Dr. Lee calls her clinically unstable and wants a stat CT to decide on steroids vs "
    "antibiotics.",
    # my own wordings
    "Pt clinically unstable, needs CT chest now to help decide antibiotics vs steroids.",
    "Assessment: hemodynamically unstable; CT chest to guide therapy, ILD flare vs infection.",
    "Dear colleague, she remains unstable and we need the scan to decide whether it is "
    "pneumonia or a flare.",
])
def test_the_choice_a_test_is_to_settle_leaves_what_was_said_before_it(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is True


@pytest.mark.parametrize(("text", "fact"), [
    # the choice itself stays open
    ("CT to decide on pneumonia versus ILD.", "bacterial_pneumonia"),
    ("Pneumonia vs ILD flare; CT to decide.", "bacterial_pneumonia"),
    # a doubt said of the state itself still doubts it
    ("Unstable vs anxious? CT to decide on admission.", "clinically_unstable"),
])
def test_what_a_choice_names_is_still_open(text: str, fact: str) -> None:
    assert fact not in read(text, "71250")


# The patient as subject, contracted: "Pulm says she's unstable and wants ..." (fresh9).
@pytest.mark.parametrize("text", [
    "Pulm says she's unstable and wants the CT today.",
    # my own wordings
    "he's unstable - needs the scan tonight",
    "Triage RN: patient's unstable on 6L.",
    "I saw him this morning; he's clinically unstable.",
])
def test_the_patient_said_to_be_unstable_in_a_contraction_is_unstable(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is True


@pytest.mark.parametrize("text", [
    "She's not unstable.",
    "Is she unstable?",
    "Her husband's unstable.",
])
def test_a_contracted_instability_denied_asked_or_another_s_is_not_read(text: str) -> None:
    assert read(text, "71250").get("clinically_unstable") is not True


# A specialty in the bracket that opens right after a record and holds its date names its
# author: "H&P (Dr. Haddad, ortho spine, 11/18/2026, pp 2-4)" (fresh11's fax: the date
# was given to no record, the H&P asked).
@pytest.mark.parametrize("text", [
    "H&P (Dr. Haddad, ortho spine, 11/18/2026, pp 2-4): lumbar ROM decreased - flexion 45 deg.",
    # my own wordings
    "H&P (orthopedic surgeon, 11/18/2026).",
    "History and physical (pain mgmt specialist Dr. Cho, 11/18/2026) attached.",
    "Last H&P (physiatry, 11/18/26): facet loading positive.",
])
def test_a_specialty_in_the_records_own_bracket_names_its_author_not_a_record(text: str) -> None:
    assert read(text, "64493").get("hp_date") == "2026-11-18"


@pytest.mark.parametrize("text", [
    # a specialty outside the record's bracket: the date may be that doctor's visit
    "H&P, then orthopedic spine saw her 11/18/2026.",
    "H&P (by PCP), orthopedic spine saw her 11/18/2026.",
    "MRI L-spine, reviewed by the orthopedic surgeon 11/18/2026.",
])
def test_a_specialty_outside_the_records_bracket_still_takes_the_date(text: str) -> None:
    got = read(text, "64493")
    assert got.get("hp_date") != "2026-11-18" and got.get("ct_mri_date") != "2026-11-18"


# The date of the last failed treatment said with the words that it was stopped for
# failing, or was the last one tried: "Ibuprofen stopped 10/20/2026 as ineffective (the
# last treatment tried)" (fresh17), "Both were stopped on 07/08/2026 for lack of benefit"
# (fresh15), "lumbar trigger point injections 09/14/2026 - no improvement; nothing tried
# since" (fresh13): asked.
@pytest.mark.parametrize(("text", "day"), [
    ("- Ibuprofen stopped 10/20/2026 as ineffective (the last treatment tried); he has failed "
     "conservative care.", "2026-10-20"),
    ("Conservative treatment (14 weeks in total, 04/01-07/08/2026): naproxen 500 mg BID\nand a "
     "home exercise program with activity modification. Both were stopped on 07/08/2026 for "
     "lack\nof benefit - conservative treatment has failed.", "2026-07-08"),
    ("Section B - Treatment to date:\n  naproxen + modified duty 06/09-08/31/2026 (12 wks) - no "
     "improvement;\n  lumbar trigger point injections 09/14/2026 - no improvement; nothing tried "
     "since.", "2026-09-14"),
    # my own wordings
    ("Naproxen stopped 10/20/2026 for lack of benefit.", "2026-10-20"),
    ("Meloxicam d/c'd 09/30/2026 as ineffective.", "2026-09-30"),
    ("TPI R trapezius 10/02/26 - no improvement", "2026-10-02"),
    ("Dear Dr. Ruiz, the home program was stopped on 08/15/2026 for lack of relief; nothing has "
     "been tried since.", "2026-08-15"),
])
def test_a_treatment_stopped_for_failing_dates_the_last_failed_treatment(
        text: str, day: str) -> None:
    assert read(text, "97110").get("last_failed_conservative_date") == day


@pytest.mark.parametrize("text", [
    "Her husband's naproxen was stopped 10/20/2026 as ineffective.",
    "Plan: stop meloxicam 12/10/2026 if no improvement.",
    "Trigger point injection 10/01/2026 gave excellent relief.",
    "Trigger point injections planned 12/10/2026.",
    "ODI 44% on 10/05/2026, no improvement.",
])
def test_another_s_a_planned_a_helpful_or_a_test_s_date_is_no_failed_treatment(text: str) -> None:
    assert "last_failed_conservative_date" not in read(text, "97110")


# A doctor's initial is no sentence end: "Consult: pain management (Dr. V. Ilic)
# 11/02/2026 - symptoms, dx, plan for ESI - on file" (fresh10: cut after "V.", the consult
# lost its date and its contents, and was asked).
@pytest.mark.parametrize("text", [
    "Consult: pain management (Dr. V. Ilic) 11/02/2026 - symptoms, dx, plan for ESI - on file.",
    # my own wordings
    "PCP (Dr. J. Hunt) consultation 10/05/2026 with symptoms, diagnosis and plan.",
    "Pain management (Dr. J. R. Ilic) saw her 11/02/2026: symptoms, diagnosis and plan "
    "documented.",
    "Her PCP, Dr. M. Osei, wrote a consult note 10/20/2026 (sx, dx, plan) - in chart.",
])
def test_a_doctor_s_initial_does_not_cut_the_sentence(text: str) -> None:
    assert read(text, "62311").get("pain_or_pcp_consult_documented") is True


@pytest.mark.parametrize("text", [
    # still another's, or not on file, with the initial kept in the sentence
    "Her husband saw pain management (Dr. V. Ilic) 11/02/2026 - symptoms, dx, plan - on file.",
    "PCP (Dr. J. Hunt) consultation requested; not yet seen.",
])
def test_a_sentence_kept_whole_past_an_initial_still_says_what_it_says(text: str) -> None:
    assert read(text, "62311").get("pain_or_pcp_consult_documented") is not True


# A clause that only describes the symptom comes between it and the length its sentence
# gives it: "axial low back pain, worse with extension and standing, for 11 months (since
# the end of last December's snowblowing)" (fresh6's second opinion: asked).
@pytest.mark.parametrize(("text", "value"), [
    ("History: axial low back pain, worse with extension and standing, for 11 months (since\n"
     "the end of last December's snowblowing). No leg symptoms.", "11 months"),
    # my own wordings
    ("Low back pain, radiating to the buttock, for 5 months.", "5 months"),
    ("LBP, worse w/ extension, x 8 months", "8 months"),
    ("Dear Dr. Cho, she has had aching low back pain, worse in the mornings, stiff after sitting, "
     "for about 7 months.", "7 months"),
])
def test_a_describing_clause_between_a_symptom_and_its_length_is_passed_over(
        text: str, value: str) -> None:
    assert read(text, "64493").get("symptom_weeks") == value


@pytest.mark.parametrize("text", [
    "Her husband has low back pain, worse with standing, for 11 months.",
    # a clause that names a treatment between them: the length may be the treatment's
    "Low back pain, treated with naproxen, 6 weeks ago started.",
    "Low back pain, worse with standing, for 11 months? Not sure.",
])
def test_a_length_past_a_clause_is_not_the_symptom_s_when_another_s_or_unsure(text: str) -> None:
    assert read(text, "64493").get("symptom_weeks") is None

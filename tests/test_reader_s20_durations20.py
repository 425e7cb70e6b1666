"""How long the symptoms have lasted (symptom_weeks) in long notes: a plain length or onset
left unread by a word beside it, and a length that is not the whole. Wordings are this
fixer's own (session 20, durations20)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A month-only onset with the writer's own count from it beside: the count is the length.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("62311", "Referral: right L5 radicular pain since 06/2026 (6 months), worse sitting.",
     "6 months"),
    ("64493", "Problem: axial low back pain. Onset: 03/2025 (approx 21 months).", "21 months"),
    ("71250", "Dear colleague, he has shortness of breath on the stairs and at night since "
              "the July of this year (5 months), and he is tired.", "5 months"),
    ("97110", "Dx M25.561 R knee stiffness, worse on stairs and on kneeling at work, since "
              "01/2026 (48 weeks) | M17.11 OA", "48 weeks"),
    ("64493", "hi - the neck pain has kept her up at night, she says, since August 2026 - "
              "~4 months. thx", "4 months"),
])
def test_a_month_onset_with_its_count_reads_the_count(cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


# A now-word after a symptom two facts name ("low back pain now") leaves it the symptom's.
@pytest.mark.parametrize(("text", "value"), [
    ("Chart review: so that's 7 months of low back pain now.", "7 months"),
    ("Went to urgent care after 9 weeks of neck pain today, sent on to us.", "9 weeks"),
    ("Patient: honestly about 5 months of back pain currently, every day.", "5 months"),
    ("RN note - 14 weeks of low back pain today, unchanged.", "14 weeks"),
])
def test_a_now_word_after_the_symptom_keeps_its_length(text: str, value: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) == value


def test_a_pain_score_said_now_is_still_read() -> None:
    got = read("Low back pain now 6/10, there for 4 months.", "64493")
    assert str(got.get("pain_nrs")) == "6"
    assert str(got.get("symptom_weeks")) == "4 months"


# A complaint of any body part ("wrist pain", "sore and stiff") before a bare onset word is
# what began; another state between ("off work", "stable", "pain-free") is not.
@pytest.mark.parametrize(("text", "value"), [
    ("Referral: L wrist pain and weakness since a fall on the ice on 01/15/2026.", "323 days"),
    ("Hip has been sore and stiff since 09/01/2026 per pt.", "94 days"),
    ("pt c/o pain in the left heel, present since 10/20/2026", "45 days"),
])
def test_a_complaint_of_any_part_dates_from_its_onset(text: str, value: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == value


@pytest.mark.parametrize(("text", "other"), [
    ("Knee pain, present since 10/02/2026.", "Knee pain; off work since 10/02/2026."),
    ("Shoulder pain and stiffness since 09/15/2026.",
     "Shoulder pain, stable since 09/15/2026 on the home program."),
    ("Hip pain constant since 10/01/2026.",
     "Hip pain. Pain-free since 10/01/2026 after the injection, back last week."),
    ("Wrist pain since 10/05/2026.", "Wrist pain, in a brace since 10/05/2026."),
])
def test_another_state_after_the_complaint_is_no_onset(text: str, other: str) -> None:
    assert "symptom_weeks" in read(text, "97110")
    assert "symptom_weeks" not in read(other, "97110")


# The injury after "since", its day after a comma or what the patient was doing.
@pytest.mark.parametrize(("text", "value"), [
    ("Low back pain since a skiing accident in Colorado, 02/14/2026.", "293 days"),
    ("neck pain since the crash on the interstate, 03/03/2026 - worse at night", "276 days"),
    ("Lumbar pain since shoveling snow at home on 01/10/2026.", "328 days"),
    ("Pt states back pain since carrying boxes up the stairs on 09/30/2026.", "65 days"),
])
def test_an_injury_or_a_doing_after_since_dates_the_symptoms(text: str, value: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) == value


def test_a_visit_after_since_is_no_onset() -> None:
    assert "symptom_weeks" in read("Back pain since bowling on 10/01/2026.", "64493")
    assert "symptom_weeks" not in read("Back pain since seeing Dr. Lee on 10/01/2026.", "64493")


# "since then" after an injury with its day: the day of the injury.
@pytest.mark.parametrize(("text", "value"), [
    ("R shoulder hurt following a slip on wet tiles on 06/02/2026 - pain constant since then.",
     "185 days"),
    ("Injured his left knee after a fall from a bike on 08/15/2026; pain every day since then.",
     "111 days"),
])
def test_since_then_dates_from_the_injury_before(text: str, value: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == value


def test_since_then_after_a_study_is_no_onset() -> None:
    assert "symptom_weeks" in read("Seen after a fall on 06/02/2026; pain since then.", "97110")
    text = "Seen after a fall on 06/02/2026 and had an MRI on 07/01/2026; pain since then."
    assert "symptom_weeks" not in read(text, "97110")


# A sentence saying only how the complaint goes ("Progressive", "Constant") before its onset
# word speaks of the complaint the sentence before names.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("71250", "Dyspnoea on exertion and a dry cough. Constant since 03/09/2026.", "270 days"),
    ("62311", "Lower back pain with left sciatica. Progressive since 07/20/2026.", "137 days"),
])
def test_a_state_sentence_speaks_of_the_complaint_before(cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


# A bracketed aside before an onset word (a chat speaker's field, a dose) names no thing
# that started.
@pytest.mark.parametrize("text", [
    "[09:12] K. Ibe (pain med): lumbar facet pain, sx since 04/02/2026, worse in the mornings.",
    "Dr. Ruiz (internal med): facet pain, sx since 04/02/2026.",
    "Note (PM&R, meds reviewed): LBP, onset 04/02/2026.",
])
def test_an_aside_before_the_onset_names_no_treatment(text: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) == "246 days"


# A service member's "PT" before a test or a score is physical training, no therapy.
@pytest.mark.parametrize("text", [
    "Chronic low back pain since a PT test injury 03/2026 (8 months).",
    "PT score 240 x 2 years, now can't run.",
    "SM: APFT/PT score x 3 yrs above 250; LBP since.",
])
def test_a_fitness_test_is_no_physical_therapy(text: str) -> None:
    got = read(text, "64493")
    assert "pt_weeks" not in got
    assert "pt_courses_failed" not in got


def test_a_fitness_test_injury_dates_the_symptoms() -> None:
    got = read("Chronic low back pain since a PT test injury 03/2026 (8 months).", "64493")
    assert str(got.get("symptom_weeks")) == "8 months"
    assert "pt_weeks" not in got


# An onset asked as a form's question or label, its answer after the mark.
@pytest.mark.parametrize(("text", "value"), [
    ("3) Onset of symptoms (must be 6+ weeks)? 05/11/2026", "207 days"),
    ("Onset of low back pain: 08/17/2026 per intake.", "109 days"),
    ("Q: Onset of radicular symptoms? A: 02/03/2026", "304 days"),
])
def test_an_onset_asked_then_answered_is_read(text: str, value: str) -> None:
    assert str(read(text, "62311").get("symptom_weeks")) == value


def test_an_onset_of_a_treatment_asked_is_no_symptom_onset() -> None:
    assert str(read("Onset of sciatica? 06/01/2026", "62311").get("symptom_weeks")) == "186 days"
    assert "symptom_weeks" not in read("Onset of PT: 06/01/2026", "62311")


# A length right after "after" is a point in time, not how long the symptoms have lasted.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "| ibuprofen 800 | STOPPED | no help for the back pain after 10 wks |"),
    ("62311", "Leg pain: no help after 8 wks (gabapentin)."),
    ("64493", "| naproxen | D/C | low back pain no better after 12 wks |"),
])
def test_a_length_after_after_is_a_point_in_time(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


# A complaint from a day up to now dates from that day; a span that ended, or one up to an
# older record's day ("to date" in an H&P of September), does not.
@pytest.mark.parametrize(("text", "value"), [
    ("Exam today: L elbow pain and weakness from 07/20/2026 to today, worse gripping.", "137 days"),
    ("History & physical this visit documents the complaint from 08/03/2026 to date.",
     "123 days"),
    ("Letter: her hip symptoms from 05/04/2026 to the present are in my notes.", "214 days"),
    ("wrist pain from 09/01/2026 onward, per pt", "94 days"),
])
def test_a_complaint_from_a_day_to_now_dates_from_it(text: str, value: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == value


def test_a_span_to_an_older_record_is_asked() -> None:
    assert str(read("Her knee pain from 09/01/2026 to today.", "97110").get("symptom_weeks")) \
        == "94 days"
    for text in ("The H&P of 10/01/2026 documents her knee pain from 09/01/2026 to date.",
                 "Knee pain from 09/01/2026 to 10/15/2026, gone since."):
        assert "symptom_weeks" not in read(text, "97110")


# A numbered form's "Onset:" answers like a plain one.
@pytest.mark.parametrize("text", [
    "1. Dx: cervical strain with neck pain.\n2. Onset: 10/01/2025\n3. Prognosis: fair",
    "4) Onset: 10/01/2025; ongoing.",
])
def test_a_numbered_onset_field_is_the_onset(text: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == "429 days"


# The complaint's place, and the injury it followed, between it and its onset word.
@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("97110", "Knee locking and pain after a twisting injury at soccer, onset 06/14/2026.",
     "173 days"),
    ("97110", "wrist pain after a fall off a bike, started 03/02/2026", "277 days"),
    ("64493", "Her pain is low back, axial, started January 20th this year.", "318 days"),
    ("64493", "Pain in the lower back, bilateral, began 02/09/2026.", "298 days"),
])
def test_the_place_and_the_injury_before_the_onset_stay_the_complaint(
        cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value

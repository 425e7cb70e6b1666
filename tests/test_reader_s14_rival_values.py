"""One fact, rival values in the text (session 14, class "rival values"): the reader took
a figure the text itself takes back later, or a date of one treatment among several
failed ones as the date of the last failure. The safeguard reads the value the text
settles (the correction over what it corrects) and otherwise asks. Corpus inputs, and
wordings of the same meaning written by the fixer (prose, shorthand, a form line, a
letter); and plain statements the safeguard must still read."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str, pending: list[str] | None = None) -> dict[str, object]:
    u = understand(text, cpt=cpt, pending=pending or [], as_of=AS_OF)
    return {r.fact: str(r.value) for r in u.facts}


# f9-71250-chat-pending-hedge-correct: "12 wks, 3x a week I think, ... actually it was 14
# wks" read 12; f10-97110-chat-hip-xray-removed: "3 sets, latest 11/02. actually no - one
# of those was her hip, so 2 sets of the knee" read 3. A correction cue ("actually",
# "sorry", "correction") followed in its sentence by a figure of a unit said once before
# it takes that earlier figure back: the correction holds, where it is read; else asked.
@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "old", "value"), [
    ("71250", "12 wks, 3x a week I think, and yes chest exercises every session. actually it "
     "was 14 wks, he did 2 extra", ["pt_weeks", "pt_sessions_per_week", "pt_chest_exercises"],
     "pt_weeks", "12 weeks", "14 weeks"),
    ("97110", "3 sets, latest 11/02. actually no - one of those was her hip, so 2 sets of the "
     "knee; latest knee one is 09/14", ["xray_sets", "xray_date"], "xray_sets", "3", "2"),
    # my own wordings
    ("64493", "PT 10 weeks, failed. Sorry, PT was 12 weeks, I misread the log.", [],
     "pt_weeks", "10 weeks", "12 weeks"),
    ("97110", "2 sets of knee films on file. Correction: it was 3 sets, one more in May.", [],
     "xray_sets", "2", "3"),
    ("64493", "8 wks\nactually it was only 6 wks, she stopped early", ["pt_weeks"],
     "pt_weeks", "8 weeks", "6 weeks"),
    ("62311", "Dear reviewer, conservative care lasted 10 weeks in total. My mistake: it was "
     "14 weeks, the log has the dates.", [], "conservative_weeks", "10 weeks", "14 weeks"),
])
def test_a_figure_corrected_later_in_the_message_is_the_correction_or_asked(
        cpt: str, text: str, pending: list[str], fact: str, old: str, value: str) -> None:
    assert read(text, cpt, pending).get(fact) in (value, None)


def test_the_count_picked_out_of_a_group_is_no_count_of_one() -> None:
    # "one of those was her hip" names none of the sets' count
    got = read("3 sets, latest 11/02. actually no - one of those was her hip, so 2 sets of the "
               "knee; latest knee one is 09/14", "97110", ["xray_sets", "xray_date"])
    assert got.get("xray_sets") == "2"
    got = read("3 sets, latest 11/02. actually no - one of those was her hip, so 2 sets of the "
               "knee", "97110", ["xray_sets", "xray_date"])
    assert got.get("xray_sets") in ("2", None)


@pytest.mark.parametrize(("cpt", "text", "pending", "fact", "value"), [
    # no correction cue: both stand as they did (a total and a part)
    ("64493", "PT 12 weeks in all; the second course was 6 weeks.", [], "pt_weeks", "12 weeks"),
    # an apology about something else takes nothing back
    ("64493", "PT 12 weeks, failed. Sorry for the delay in sending the 6 week log.", [],
     "pt_weeks", "12 weeks"),
    # a cue with no figure of the same unit after it
    ("97110", "3 sets of X-rays. Actually the MRI was also done.", [], "xray_sets", "3"),
    ("64493", "Completed 12 weeks of PT.", [], "pt_weeks", "12 weeks"),
])
def test_a_figure_with_no_correction_of_its_unit_after_it_is_still_read(
        cpt: str, text: str, pending: list[str], fact: str, value: str) -> None:
    assert read(text, cpt, pending).get(fact) == value


# f4-97110-spec-ortho-letter: "He failed a corticosteroid injection on 09/15/2026 as well as
# 8 weeks of NSAIDs and bracing" read the injection's day as the last failed treatment's;
# f8-97110-lmn-hip-conservative-injection: "... ibuprofen ... and a corticosteroid
# injection on 09/25/2026; none of these has given lasting relief" the same. The date of
# one treatment among several said to have failed together, the others undated, is not
# the last failure's: which was last is asked.
@pytest.mark.parametrize("text", [
    "Dear Reviewer, I evaluated Mr. Grant on 11/03/2026 for chronic right lateral\n"
    "epicondylitis and recommend a course of therapeutic exercise. He failed a\n"
    "corticosteroid injection on 09/15/2026 as well as 8 weeks of NSAIDs and bracing.",
    "Over the past 16 weeks she has tried activity modification, a home exercise program, "
    "ibuprofen 600 mg three times daily and a corticosteroid injection on 09/25/2026; none of "
    "these has given lasting relief.",
    # my own wordings
    "Failed tx: CSI 10/02/26 along with naproxen and a wrist splint, no improvement.",
    "Steroid injection 08/14/2026, in addition to 10 weeks of meloxicam - neither helped.",
    "Treatments tried: ibuprofen, home exercises, cortisone shot on 9/1/26. None of them "
    "worked.",
])
def test_the_date_of_one_of_several_failed_treatments_is_not_the_last_failure_s(
        text: str) -> None:
    assert "last_failed_conservative_date" not in read(text, "97110")


@pytest.mark.parametrize(("text", "value"), [
    # the others dated earlier, or put in order before it: the day is the last failure's
    ("Failed treatments: meloxicam (Feb-Mar 2026), prednisone taper 05/20/2026, cortisone inj "
     "08/14/2026 - none of them helped.", "2026-08-14"),
    ("Over about 16 weeks he tried naproxen 500 mg twice daily for three months and a home "
     "exercise sheet, then a corticosteroid injection on 09/15/2026; none of these controlled "
     "his pain.", "2026-09-15"),
    ("Meds, bracing and HEP, and last a steroid injection 10/09/2026 - all failed.",
     "2026-10-09"),
    ("Steroid injection 09/15/2026 did not help.", "2026-09-15"),
])
def test_the_date_of_the_last_of_several_failed_treatments_is_read(text: str, value: str
                                                                    ) -> None:
    assert read(text, "97110").get("last_failed_conservative_date") == value


# f9-97110-chat-summary: "MRI c-spine 9/2/26, failed PT 6 wks + gabapentin, last failed tx =
# gabapentin stopped 10/28/26" gave the MRI the last failed treatment's day: "last failed
# tx" names the fact, so the day is its own.
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("pt is 52F, neck pain since 7/6/26, NRS 6, MRI c-spine 9/2/26, failed PT 6 wks + "
     "gabapentin, last failed tx = gabapentin stopped 10/28/26.", "mri_date", "2026-09-02"),
    ("pt is 52F, neck pain since 7/6/26, NRS 6, MRI c-spine 9/2/26, failed PT 6 wks + "
     "gabapentin, last failed tx = gabapentin stopped 10/28/26.",
     "last_failed_conservative_date", "2026-10-28"),
    ("Last failed treatment: meloxicam, stopped 11/02/2026.", "last_failed_conservative_date",
     "2026-11-02"),
    # one failed treatment with its day is still read
    ("Subacromial steroid injection 09/15/2026 did not help.", "last_failed_conservative_date",
     "2026-09-15"),
    ("Celecoxib was stopped on 10/01/2026 because it did not help.",
     "last_failed_conservative_date", "2026-10-01"),
])
def test_the_last_failed_treatment_named_keeps_its_own_day(
        text: str, fact: str, value: str) -> None:
    assert read(text, "97110").get(fact) == value


# f17-97110-inbasket-second-xray-set: "second set done today 11/24, report is in" (a message
# read on 12/01) read today's date: the writer's today is the day written beside it, with
# a space as with a comma ("X-rays here today, 11/27").
@pytest.mark.parametrize(("text", "value"), [
    ("Re: knee XR -- second set done today 11/24, report is in.\nFirst set was back in May.",
     "2026-11-24"),
    ("knee XR done today 11/24", "2026-11-24"),
    ("Repeat knee X-rays today 11/30. No fracture.", "2026-11-30"),
    ("X-rays here today, 11/27", "2026-11-27"),
    ("Knee X-ray today: no effusion.", "2026-12-03"),
])
def test_today_with_a_day_written_beside_it_is_that_day(text: str, value: str) -> None:
    assert read(text, "97110").get("xray_date") == value


def test_a_score_after_today_is_no_day() -> None:
    # ("7/10 today 8/10 yesterday": a score, never a day)
    assert read("Knee pain 7/10 today 8/10 yesterday.", "97110").get("pain_nrs") != "8"



# f12-64493-ed-flare-after-lifting: "ED PROVIDER NOTE  12/02/2026 22:14" heads the note and
# "XR L-spine (today)" was read as the day of the check (12/03): a note's title line with
# its one date is that note's today, down to a blank line or another header.
@pytest.mark.parametrize(("text", "value"), [
    ("ED PROVIDER NOTE  12/02/2026 22:14\nCC: back pain\nHPI: 39M p/w acute flare.\n"
     "XR L-spine (today): no acute fracture.", "2026-12-02"),
    ("Progress Note - 11/28/2026\nS: LBP worse.\nXR lumbar spine today: facet DJD.",
     "2026-11-28"),
    ("Spine clinic follow-up visit 11/20/2026 10:40\nLumbar X-rays obtained today, facet "
     "arthropathy L4-5.", "2026-11-20"),
    # no title: today is the day the message is read
    ("XR L-spine today: facet DJD.", "2026-12-03"),
])
def test_today_under_a_note_s_dated_title_is_that_note_s_day(text: str, value: str) -> None:
    assert read(text, "64493").get("xray_date") == value



# f14-97110-long-ortho-followup-knee: 'MRI left knee 09/12/2026 - radiology report says
# "09/21/2026" on the cover sheet, but the study date in PACS is 09/12/2026' read the cover
# sheet's day (the later one). What another record says, answered in its sentence by the
# writer ("but ..."), is that record's claim, a quoted day too: the answer holds.
@pytest.mark.parametrize(("text", "fact", "claimed"), [
    ("MRI left knee 09/12/2026 -\nradiology report says \"09/21/2026\" on the cover sheet, but "
     "the study date in PACS is 09/12/2026.", "mri_date", "2026-09-21"),
    ("MRI knee: the fax cover sheet says 10/30/2026, but the study itself is dated 10/03/2026.",
     "mri_date", "2026-10-30"),
    ("X-ray knee 11/02/2026 (the referral says \"11/20/2026\", but the films are dated "
     "11/02/2026).", "xray_date", "2026-11-20"),
    ("Knee MRI 08/14/2026. The face sheet lists 09/14/2026; however the report itself is "
     "dated 08/14/2026.", "mri_date", "2026-09-14"),
])
def test_a_day_another_record_gives_and_the_writer_answers_is_not_read(
        text: str, fact: str, claimed: str) -> None:
    assert read(text, "97110").get(fact) != claimed


def test_a_day_a_record_gives_unanswered_is_read() -> None:
    text = "The radiology report says the MRI of the left knee was done on 09/12/2026."
    assert read(text, "97110").get("mri_date") == "2026-09-12"

"""One fact, several values in the text (session 13, fresh16's class "rival values"): the
reader took one of them where the text makes another current, says they add up, or
leaves which one counts open. The safeguard reads the value the text plainly settles
(the one said to be now; each "one X" of a list counted) and otherwise asks. fresh16's
exact inputs, and wordings of the same meaning written by the fixer: prose, shorthand,
a form line, a pasted letter; and plain statements the safeguard must still read."""

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


# A then-value and a now-value of one current figure in one sentence: the now-word
# belongs to the figure it stands beside, never to one said after "was" ("7/10 today
# (was 8/10 at initial exam)" read 8; "WBC was 12.8 on admission and is 16.4 today"
# read 12,800: "is" was taken for another measure's label).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "Temperature has stayed below 38: Tmax 37.9 C. WBC was 12.8 on admission and "
     "is 16.4 today (11/30), on prednisone 40 mg.", "wbc_count", "16400"),
    ("64493", "CC: LBP, 7/10 today (was 8/10 at initial exam 09/22/2026).", "pain_nrs", "7"),
    # my own wordings
    ("71250", "WBC 12.8 on admission, now 16.4.", "wbc_count", "16400"),
    ("71250", "Labs: WBC on admit 12.8 / today 16.4", "wbc_count", "16400"),
    ("71250", "White count: 9.1 at the clinic, currently 15.2.", "wbc_count", "15200"),
    ("71250", "Dear Dr. Yoon, his WBC was 11.0 on 11/20 and is now 17.3.", "wbc_count",
     "17300"),
])
def test_of_a_then_and_a_now_figure_the_one_said_to_be_now_is_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # nothing says which is now: asked
    ("71250", "WBC was 12.8 and 16.4 on the two draws.", "wbc_count"),
    ("71250", "WBC 12.8 at the outside hospital, 16.4 here.", "wbc_count"),
    ("64493", "Pain 8/10 per the patient and 6/10 per the PT.", "pain_nrs"),
])
def test_two_figures_with_no_word_making_one_current_are_asked(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "then"), [
    ("97110", "Knee pain 5/10 today (was 8/10 before PT).", "pain_nrs", "8"),
    ("64493", "NRS: 6/10 now (was 9/10 in September)", "pain_nrs", "9"),
    ("71250", "WBC 14.0 today (was 9.0 on 11/01)", "wbc_count", "9000"),
])
def test_the_figure_said_after_was_is_never_taken_for_now(
        cpt: str, text: str, fact: str, then: object) -> None:
    assert read(text, cpt).get(fact) != then


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("71250", "WBC 16.4 today.", "wbc_count", "16400"),
    ("71250", "WBC is 16.4.", "wbc_count", "16400"),
    ("64493", "Pain is 7/10 today.", "pain_nrs", "7"),
    ("71250", "WBC 9.8k", "wbc_count", "9800"),
])
def test_a_single_figure_is_still_read(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# A count read from "one X" where the same sentence lists another "one X" of the same
# thing: the list is the count ("Knee X-rays: one set in Mexico (marzo 2026) and one set
# here on 10/20/2026" read 1 set; "(one 6-wk course winter, one 6-wk course summer) ...
# Both courses failed" read 1 failed course: fresh16).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Interpreter sight-translated the outside report. Knee X-rays: one set in "
     "Mexico (marzo 2026) and one set here on 10/20/2026.", "xray_sets", "2"),
    ("64493", "PT: 12 weeks total at CoreMotion PT (one 6-wk course winter, one 6-wk course "
     "summer), exercise/stretching 6 wks. Both courses failed.", "pt_courses_failed", "2"),
    # my own wordings
    ("97110", "X-rays: one set at urgent care, one set at ortho, one set here 10/20/2026.",
     "xray_sets", "3"),
    ("64493", "PT: one course in winter and one course in summer, both failed.",
     "pt_courses_failed", "2"),
    ("64493", "PT x2 courses - one 6 wk course in winter, one 6 wk course in summer - both "
     "failed", "pt_courses_failed", "2"),
    ("97110", "Imaging [x] X-rays: one set 03/2026; one set 10/20/2026", "xray_sets", "2"),
])
def test_each_one_of_a_list_of_the_same_thing_is_counted(cpt: str, text: str, fact: str,
                                                         value: object) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # one of this, one of another thing: the count is the one
    ("64493", "Failed one course of PT and one course of naproxen.", "pt_courses_failed", "1"),
    ("97110", "One set of knee X-rays 10/20/2026 and one MRI 10/25/2026.", "xray_sets", "1"),
    ("64493", "Failed one course of PT.", "pt_courses_failed", "1"),
    ("97110", "One set of knee X-rays on 10/20/2026.", "xray_sets", "1"),
])
def test_a_single_one_is_still_one(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_second_one_with_no_noun_asks_how_many() -> None:
    # "one here" may be another set or the same one: never the first one alone
    assert read("Knee X-rays: one set in Mexico and one here on 10/20/2026.", "97110"
                ).get("xray_sets") != "1"


# Two versions of how long the symptoms have lasted: an episode's onset beside the
# condition called chronic or years old, or another source's onset. Which one the policy
# means is asked, never the episode's taken alone (fresh16: 'pt says her low back pain
# has been "on and off for years", this flare since 09/01/2026. Abrams's note says
# chronic LBP > 6 months' read 88 days).
@pytest.mark.parametrize("text", [
    'Kim: onset date for the form?\nRaul: pt says her low back pain has been "on and off for '
    'years", this flare since 09/01/2026. Abrams\'s note says chronic LBP > 6 months.\nKim: '
    "I'll leave it for the nurse to decide.",
    # my own wordings
    "LBP: this flare since 09/01/2026. Chronic LBP > 6 months per PCP.",
    "Onset: current flare began 09/01/2026 (chronic low back pain for years).",
    "Sx onset 09/01/2026 per pt; PCP note says LBP since 2024.",
    "Symptom onset (this episode): 09/01/2026\nHistory: long-standing low back pain",
])
def test_an_episode_s_onset_beside_another_version_of_the_onset_is_asked(text: str) -> None:
    assert "symptom_weeks" not in read(text, "64493")


@pytest.mark.parametrize(("text", "value"), [
    ("Low back pain since 09/01/2026.", "93 days"),
    ("Flare of LBP since 09/01/2026.", "93 days"),
    ("Chronic low back pain since 09/01/2026.", "93 days"),
    ("Pt reports LBP since 09/01/2026; PCP note says the same.", "93 days"),
])
def test_one_onset_is_still_read(text: str, value: object) -> None:
    assert read(text, "64493").get("symptom_weeks") == value


# A count of failed medication courses read from the items named, where the sentence of
# a counted item goes on to name another item the count takes, with no failure read for
# it ("He also failed ibuprofen 800 mg three times daily and, later, a methylprednisolone
# dose pack" read 1, expected 2: f7): the count may be short, so it is asked.
@pytest.mark.parametrize("text", [
    "He also failed ibuprofen 800 mg three times daily and, later, a methylprednisolone dose "
    "pack. Conservative care has not worked for him.",
    "She failed regular naproxen (eight weeks, no benefit) despite paracetamol alongside it; "
    "paracetamol alone had already been tried, also without benefit.",
    # my own wordings
    "Failed meloxicam x 6 wks and then, after a break, gabapentin.",
    "Meds: naproxen 500 BID x 8 wk → no Δ → pred taper 6/26 → no Δ",
])
def test_a_count_of_items_is_not_read_short_of_an_item_its_sentence_names(text: str) -> None:
    assert read(text, "64493").get("medication_courses_failed") != "1"


@pytest.mark.parametrize(("text", "value"), [
    ("Failed naproxen x 8 weeks.", "1"),
    ("Failed naproxen and meloxicam.", "2"),
    ("Failed naproxen; no other medications tried.", "1"),
])
def test_a_count_of_items_named_alone_is_still_read(text: str, value: object) -> None:
    assert read(text, "64493").get("medication_courses_failed") == value


# A score read from a copied-forward line while today's score of the same fact, on its
# own scale, was left unread ("Pain 8/10" copied forward; "Pain 6/10 today (down from the
# 8/10 above, still limiting)" read 8: f10): the figure out of ten was taken for a date
# and never seen as a rival. Which one is current is asked. (The whole f10 note still
# reads 8: there its today line is not reported unread at all; open.) The same rival
# figure makes "pain 8" of a bed the writer disowns asked (f10-71250-chat-bed-12-disowned).
@pytest.mark.parametrize("text", [
    '[Copied forward from visit 06/15/2026:]\n  "68 y/o woman, low back pain since 01/19/2026. '
    'Pain 8/10. Started PT."\n[Today 11/20/2026:]\nPain 6/10 today (down from the 8/10 above, '
    "still limiting). Low back only.",
    # my own wordings
    '"Pain 8/10. Started PT."\n[Today 11/20/2026:]\nPain 5/10 today (down from the 8/10 above).',
])
def test_a_score_beside_today_s_score_left_unread_is_not_kept(text: str) -> None:
    assert read(text, "64493").get("pain_nrs") != "8"


# ... and "another" or "a second" after the first "one" is one more of them: counted
# where it names the same thing, asked where it names none.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Failed one course of PT and a second course in the fall.", "pt_courses_failed",
     "2"),
    ("64493", "Failed one course of PT in spring, another course in fall.",
     "pt_courses_failed", "2"),
    ("97110", "Knee X-rays: one set in March and another set on 10/20/2026.", "xray_sets",
     "2"),
    ("64493", "Failed one course of PT in the spring and another in the fall.",
     "pt_courses_failed", None),
    ("97110", "Knee X-rays: one set in Mexico and another here on 10/20/2026.", "xray_sets",
     None),
    # another thing: still one
    ("64493", "Failed one course of PT; another provider suggested surgery.",
     "pt_courses_failed", "1"),
])
def test_another_of_the_same_thing_after_one_is_counted(cpt: str, text: str, fact: str,
                                                        value: object) -> None:
    assert read(text, cpt).get(fact) == value

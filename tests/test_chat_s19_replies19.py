"""What the chat says back (session 19, replies19): a reply a user can act on says what it
read, what it needs and why, in the user's terms, once. Wordings are the fixer's own;
the findings are the outside tester's of session 18 (M6, M14, C4, C6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

from agent.reading import understand
from agent.reading.leftovers import MONTH_ONSET_WHY

AS_OF = date(2026, 12, 4)


def _said_back(text: str, cpt: str, pending: list[str]) -> dict[str, str]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF)
    return {u.words: u.why for u in got.unread}


# ---------------------------------------------------------------- a pronoun is no reading

@pytest.mark.parametrize(("text", "cpt", "word"), [
    ("he has von willebrand", "62311", "willebrand"),
    ("he has lupus and sjogren's", "97110", "sjogren"),
    ("he's got myasthenia gravis", "64493", "myasthenia"),
    ("he was on warfarin until june", "62311", "warfarin"),
])
def test_a_message_read_only_for_its_pronoun_says_the_rest_back(
        text: str, cpt: str, word: str) -> None:
    # "he has von willebrand" noted "Cannot be pregnant" and nothing else, without a word
    # about the bleeding disorder (outside tester 18 M6)
    assert any(word in said for said in _said_back(text, cpt, ["pain_nrs"])), text


def test_a_pronoun_beside_a_reading_adds_no_whole_line() -> None:
    said = _said_back("he has had low back pain for 5 months", "64493", ["pain_nrs"])
    assert said == {}, said


# ---------------------------------------------------------------- a month for an onset

@pytest.mark.parametrize(("text", "cpt"), [
    ("onset was may 2026", "97110"),
    ("conservative care since Feb", "97110"),
    ("his neck has been bad since march", "64493"),
    ("leg pain started in 04/2026", "62311"),
    ("coughing since early September", "71250"),
])
def test_a_month_only_onset_says_what_would_answer_it(text: str, cpt: str) -> None:
    said = _said_back(text, cpt, ["symptom_weeks"])
    # (the onset is said back, with what would answer it; a word read beside it, as the
    # cough, is not said again)
    assert any(why == MONTH_ONSET_WHY and words in text for words, why in said.items()), said


@pytest.mark.parametrize("text", [
    "pain since march 3rd",           # a day: read as days
    "symptoms since 01/15/2026",
])
def test_an_onset_with_a_day_is_read(text: str) -> None:
    got = understand(text, cpt="64493", pending=["symptom_weeks"], as_of=AS_OF)
    assert any(r.fact == "symptom_weeks" for r in got.facts), got
    assert all(u.why != MONTH_ONSET_WHY for u in got.unread)


def test_a_month_that_is_no_onset_keeps_its_own_line() -> None:
    said = _said_back("she may start PT next week", "97110", ["symptom_weeks"])
    assert all(why != MONTH_ONSET_WHY for why in said.values()), said


# ---------------------------------------------------------------- "which one do you want?"

def _replies(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
             lines: list[str]) -> list[str]:
    return _chat(monkeypatch, capsys, lines, "--as-of", "2026-12-04")[1]


@pytest.mark.parametrize(("several", "ask", "pick"), [
    ("NRS 7 on stairs 5 at rest", "which one do you want?", "use 5"),
    ("pain 8 at night, 4 in the day", "which one?", "go with 4"),
    ("she rates it 6 when walking and 3 sitting", "sorry, what do you mean", "the 3"),
])
def test_a_question_about_the_question_explains_it_and_the_answer_is_taken(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, several: str, ask: str, pick: str) -> None:
    replies = _replies(monkeypatch, capsys, ["97110 for her knee", several, ask, pick,
                                             "what have you recorded?"])
    assert "several values" in replies[1], replies[1]
    assert "Could not read" not in replies[2] and "holds now" in replies[2], replies[2]
    figure = pick.split()[-1]
    assert f"Pain score (NRS 0-10): {figure} points" in replies[3], replies[3]


def test_the_figure_asked_back_is_the_first_question_next(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    replies = _replies(monkeypatch, capsys, ["97110", "NRS 7 on stairs 5 at rest", "use 5"])
    first = replies[1].split("To go on")[1].split("\n")[1]
    assert "pain score" in first, replies[1]
    assert "Pain score (NRS 0-10): 5 points" in replies[2], replies[2]


def test_which_one_with_no_question_open_is_no_case_detail(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture) -> None:
    replies = _replies(monkeypatch, capsys, ["which one do you want?"])
    assert "Could not read" not in replies[0], replies[0]


# ---------------------------------------------------------------- a figure said again

@pytest.mark.parametrize("text", [
    "no I mean total 13 weeks",
    "total was 13 wks",
    "13 wks total like I said",
])
def test_a_recorded_figure_said_again_is_said_to_be_recorded(text: str) -> None:
    # "no I mean total 13 weeks" was asked "which question does it answer: Supervised
    # exercise ..., Manual therapy ...?", without the one it restates (outside tester 18 C2)
    got = understand(text, cpt="64493", pending=["pt_exercise_weeks", "pt_manual_weeks"],
                     as_of=AS_OF, known={"pt_weeks": 13.0})
    assert not any("which question" in u.why for u in got.unread), got.unread
    assert any("Physical therapy completed is already recorded as 13 weeks" in n
               for n in got.notices), got.notices
    assert got.facts == []


def test_a_new_figure_is_still_asked_which_question_it_answers() -> None:
    got = understand("no I mean total 9 weeks", cpt="64493",
                     pending=["pt_exercise_weeks", "pt_manual_weeks"], as_of=AS_OF,
                     known={"pt_weeks": 13.0})
    assert any("which question" in u.why for u in got.unread), got.unread


# ---------------------------------------------------------------- a day still to come

_OLD_MRI = ("64493. 63M, low back pain for 14 months, pain 7/10. PT 13 weeks in all: exercise "
            "7 weeks, manual therapy 3, education 3. Lumbar MRI 03/09/2026, nothing since.")


@pytest.mark.parametrize("ask", [
    "the MRI is scheduled 12/18/2026, can we go then?",
    "repeat MRI is set for 12/22, can we submit then?",
    "what if the MRI was 12/18/2026?",
    "new MRI booked for 12/21/2026 - would it qualify then?",
])
def test_a_what_if_about_a_day_to_come_is_the_case_on_that_day(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, ask: str) -> None:
    # after a does_not_meet on an old MRI, "the MRI is scheduled 12/18, can we go then?"
    # was "Could not read" and the what-if "after the as-of date ... Ask again" (outside
    # tester 18 C5)
    replies = _replies(monkeypatch, capsys, [_OLD_MRI, ask, "what have you recorded?"])
    assert "Does not meet" in replies[0], replies[0]
    day = ask.split("12/")[1][:2]
    assert f"Checked on 2026-12-{day}" in replies[1], replies[1]
    assert f"Most recent CT or MRI: 2026-12-{day}" in replies[1], replies[1]
    assert "Could not read" not in replies[1] and "after the as-of date" not in replies[1]
    assert "2026-12-" + day not in replies[2], replies[2]  # nothing stored


# ---------------------------------------------------------------- words for the question asked

@pytest.mark.parametrize(("note", "words"), [
    ("97110. Dx: rotator cuff tendinopathy (musculoskeletal), onset 04/2026 - 8 months. "
     "Conservative care 20 weeks, failed. Pain 6/10.", "8 months"),
    ("97110 - her plantar fasciitis, onset 03/2026 - 9 months. Conservative tx 22 wks.",
     "9 months"),
])
def test_unread_words_that_fit_the_question_asked_are_quoted_in_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, note: str, words: str) -> None:
    # "onset 05/2026 - 7 months" left "7 months" unread and then asked the symptom
    # duration as if nothing had been said (outside tester 18 M10)
    replies = _replies(monkeypatch, capsys, [note, words])
    asking = [line for line in replies[0].splitlines() if "these symptoms" in line]
    assert asking and "you wrote" in asking[0] and f'"{words}"' in asking[0], replies[0]
    assert f'Could not read "{words}"' not in replies[0], replies[0]
    assert f'Symptom duration: {words.split()[0]}' not in replies[0]  # nothing read from it
    assert f'("{words}")' in replies[1] and "Symptom duration" in replies[1], replies[1]


# ---------------------------------------------------------------- one kind ruled out

@pytest.mark.parametrize(("text", "cpt"), [
    ("he doesn't have a UTI", "62311"),
    ("she's not got a UTI", "64493"),
    ("no cellulitis", "97110"),
    ("negative for pyelonephritis", "64493"),
])
def test_one_kind_ruled_out_says_what_is_still_open(text: str, cpt: str) -> None:
    # "those were pertinent NEGATIVES, he doesn't have a UTI" was answered 'Could not use
    # "UTI": active infection?', as if the "no" had not been heard (outside tester 18 C1)
    got = understand(text, cpt=cpt, pending=[], as_of=AS_OF)
    assert "active_infection" not in {r.fact for r in got.facts}  # one kind is not none
    whys = [u.why for u in got.unread]
    assert "ruled out, as said; is there any other active infection, or none?" in whys, whys


def test_a_list_of_comorbidities_ruled_out_asks_in_the_plural() -> None:
    # (two denied: three or more are a screen of the list gone through, "none", since
    # session 33: conditions33, tester32 M1; the question's wording is what is tested)
    got = understand("no heart disease, no kidney disease", cpt="71250",
                     pending=[], as_of=AS_OF)
    assert any(u.why.endswith("are there any other severe comorbidities, or none?")
               for u in got.unread), got.unread
    got = understand("no heart disease, no kidney disease, no diabetes, no copd", cpt="71250",
                     pending=[], as_of=AS_OF)
    assert {r.fact: r.value for r in got.facts}.get("severe_comorbidities") == []


# ---------------------------------------------------------------- the last failure

@pytest.mark.parametrize("text", [
    "MEDS\n  Done | Meloxicam 15 mg | 2026-02-01 to 2026-11-02 | discontinued: ineffective\n"
    "PROCEDURES\n  2026-08-15 | Steroid injection, knee | no relief",
    "Celecoxib 200 mg 04/01/2026 to 11/10/2026, stopped as not effective. Cortisone "
    "injection 09/30/2026: no relief.",
])
def test_an_earlier_failure_is_not_the_last_beside_a_later_one_unread(text: str) -> None:
    # a C-CDA's trigger points 2026-09-18 were read as the last failed treatment beside
    # "Naproxen ... 2026-03-15 to 2026-10-28 | stopped: ineffective" (outside tester 17 F11)
    got = understand(text, cpt="97110", pending=[], as_of=AS_OF)
    assert "last_failed_conservative_date" not in {r.fact for r in got.facts}, got.facts
    assert any(u.why == "several days; which is the most recent failed conservative "
               "treatment?" for u in got.unread), got.unread


@pytest.mark.parametrize("text", [
    "Steroid injection 08/15/2026 - no relief. Ibuprofen since 11/01/2026, helping a bit.",
    "Steroid injection 08/15/2026: no relief. PT eval 11/20/2026, stopped early due to travel.",
])
def test_a_later_day_of_no_failure_leaves_the_last_failure_read(text: str) -> None:
    got = understand(text, cpt="97110", pending=[], as_of=AS_OF)
    said = {r.fact: str(r.value) for r in got.facts}
    assert said.get("last_failed_conservative_date") == "2026-08-15", said


# ---------------------------------------------------------------- a figure named, none given

@pytest.mark.parametrize(("text", "cpt", "label"), [
    ("no fever now", "71250", "body temperature"),
    ("she's afebrile", "71250", "body temperature"),
    ("his pain is pretty bad", "64493", "pain score (NRS 0-10)"),
])
def test_words_naming_a_figure_without_one_say_the_figure_is_needed(
        text: str, cpt: str, label: str) -> None:
    # "no fever now" was "please say it another way" (outside tester 18 M16)
    said = _said_back(text, cpt, [])
    assert said.get(text) == f"that gives no figure: what is the {label}?", said


# ---------------------------------------------------------------- a comma and one digit

@pytest.mark.parametrize(("text", "cpt", "fact", "figure"), [
    ("WBC 9,1 today", "71250", "wbc_count", "9,1"),
    ("temp 37,8", "71250", "body_temperature", "37,8"),
    ("her wbc was 11,2 this am", "71250", "wbc_count", "11,2"),
    ("fev1 58,5 predicted", "71250", "fev1_percent_predicted", "58,5"),
])
def test_a_figure_with_a_comma_and_one_digit_is_asked_not_split(
        text: str, cpt: str, fact: str, figure: str) -> None:
    # "WBC 9,1 today" read a white count of 1,000 from the "1"; "temp 37,8" read 37 C;
    # "WBC 9,1" alone was "several values" (outside tester 18 M14)
    got = understand(text, cpt=cpt, pending=[], as_of=AS_OF)
    assert fact not in {r.fact for r in got.facts}, got.facts
    whole, point = figure, figure.replace(",", ".")
    assert any(u.why == f'is "{whole}" one figure, {point}? Say it with a point.'
               for u in got.unread), got.unread


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("wbc 9,100", "wbc_count", "9100"),
    ("T 38,4 °C this morning", "body_temperature", "38.4 C"),
])
def test_thousands_and_a_comma_before_a_unit_are_read_as_before(
        text: str, fact: str, value: str) -> None:
    got = understand(text, cpt="71250", pending=[], as_of=AS_OF)
    assert {r.fact: str(r.value) for r in got.facts}.get(fact) == value, got.facts


_KNEE = ("97110 for her knee OA (musculoskeletal). Conservative care 20 weeks, failed; "
         "diclofenac stopped 11/02/2026, ineffective. Pain 6/10. X-rays 03/01/2026 and "
         "10/20/2026 (2 sets). MRI knee 09/01/2026.")


@pytest.mark.parametrize("said", [
    "onset was may 2026",
    "her knee pain started in 03/2026",
    "symptoms since early August",
])
def test_a_month_onset_is_quoted_in_the_duration_question_once(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
        capsys: pytest.CaptureFixture, said: str) -> None:
    replies = _replies(monkeypatch, capsys, [_KNEE, said])
    asking = [line for line in replies[1].splitlines() if "these symptoms" in line]
    assert asking and "a month, not a day" in asking[0] and said[-8:] in asking[0], replies[1]
    assert "Could not" not in replies[1], replies[1]  # said once, in the question


# ---------------------------------------------------------------- a year

@pytest.mark.parametrize("text", [
    "she was hospitalized for pneumonia in 2023",
    "he was admitted for pneumonia back in 2024",
])
def test_a_reading_s_own_year_is_not_also_said_unread(text: str) -> None:
    # "Noted: Past pneumonia ...: yes" beside 'Could not read "she was hospitalized for
    # pneumonia in 2023"' (outside tester 18 CH21, the C8 kind)
    got = understand(text, cpt="71250", pending=[], as_of=AS_OF)
    assert {r.fact: str(r.value) for r in got.facts}.get("pneumonia_hospitalization") == "True"
    assert got.unread == [], got.unread


@pytest.mark.parametrize("text", ["xrays in 2025", "x-rays from 2026"])
def test_a_year_is_no_count_of_sets(text: str) -> None:
    # "xrays in 2025" was "Sets of X-rays: 2025 sets is out of range"
    said = _said_back(text, "97110", [])
    assert said.get(text) == "that gives a year, not a day: which date exactly?", said


# ---------------------------------------------------------------- an age

@pytest.mark.parametrize(("text", "cpt"), [
    ("she's 58", "97110"),
    ("he is 61", "64493"),
    ("she's 47, postmenopausal", "97110"),
])
def test_an_age_alone_is_said_to_be_unneeded(text: str, cpt: str) -> None:
    # "she's 58" was "Could not read ...; please say it another way" (outside tester 18 CH7)
    got = understand(text, cpt=cpt, pending=[], as_of=AS_OF)
    whys = {u.words: u.why for u in got.unread}
    age = text.split(",")[0]
    assert whys.get(age) == "an age: none of this policy's questions asks for it", whys

"""Session 36, coordinator: outside tester 35's F13. A correction typed in chat with its
figure hedged below or past a number ("conservative care was nearly 12 weeks") stored the
number itself, and a 9-week request passed the 12-week line; "FEV1 is about 80%" replaced
the stored value outright. A figure "almost" / "just under" N is not N: how much exactly is
asked, and a value taken back beside it ("..., not 15") is not kept. A guessed figure
("about 80%") is held to confirm, as a guessed answer is. Wordings are this file's own;
guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant

AS_OF = date(2026, 12, 6)
Bot = Callable[[date], Assistant]


def _read(text: str, cpt: str, pending: list[str], known: dict[str, object]
          ) -> tuple[dict[str, object], dict[str, str], list[str]]:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF, known=known)
    return ({r.fact: r.value for r in got.facts}, {r.fact: r.origin for r in got.facts},
            [u.why for u in got.unread])


@pytest.mark.parametrize(("cpt", "fact", "known", "text"), [
    ("97110", "conservative_weeks", "9 weeks",
     "correction: conservative care was nearly 12 weeks"),
    ("97110", "conservative_weeks", "9 weeks",
     "update - it's been just under 12 wks of conservative tx"),
    ("64493", "pt_weeks", "10 weeks", "sorry, PT was close to 12 weeks altogether"),
    ("64493", "pain_nrs", 7, "actually her pain is a bit under 4/10 today"),
    ("71250", "fev1_percent_predicted", 57, "correction: FEV1 was just short of 80%"),
    ("62311", "conservative_weeks", "8 weeks",
     "oops - she'd done almost 12 weeks of conservative care"),
])
def test_a_figure_said_to_fall_short_of_a_number_is_not_that_number(
        cpt: str, fact: str, known: object, text: str) -> None:
    facts, _origins, whys = _read(text, cpt, [], {fact: known})
    assert fact not in facts
    assert any("how much exactly" in w for w in whys)


def test_a_value_taken_back_beside_a_figure_short_of_a_number_is_not_kept() -> None:
    facts, _origins, whys = _read("sorry, PT was almost 12 weeks in total, not 15", "64493",
                                  ["pt_exercise_weeks"], {"pt_weeks": 15, "pain_nrs": 7})
    assert "pt_weeks" in facts and facts["pt_weeks"] is None  # (asked again, not 15 or 12)
    assert "pt_exercise_weeks" not in facts  # ("not 15" answers nothing)
    assert any("how much exactly" in w for w in whys)


@pytest.mark.parametrize(("cpt", "fact", "known", "text"), [
    ("71250", "fev1_percent_predicted", 57, "correction: FEV1 is about 80%"),
    ("97110", "conservative_weeks", "9 weeks",
     "correction: conservative care was roughly 13 weeks"),
])
def test_a_guessed_correction_is_held_to_confirm(cpt: str, fact: str, known: object,
                                                  text: str) -> None:
    facts, origins, _whys = _read(text, cpt, [], {fact: known})
    assert fact in facts and origins[fact] == "inferred"


@pytest.mark.parametrize(("cpt", "fact", "known", "text", "value"), [
    ("97110", "conservative_weeks", "9 weeks", "correction: conservative care was 13 weeks",
     "13 weeks"),
    ("64493", "pt_weeks", 15, "sorry, PT was 12 weeks not 15", "12 weeks"),
])
def test_a_plain_correction_is_still_applied(cpt: str, fact: str, known: object, text: str,
                                            value: str) -> None:
    facts, origins, _whys = _read(text, cpt, [], {fact: known})
    assert facts.get(fact) == value and origins[fact] == "stated"


def test_a_pasted_notes_about_stays_read() -> None:
    note = ("Facet injection request. Low back pain for about 8 months, NRS 7/10. PT 14 weeks "
            "(exercise 8, manual 3, education 3), failed. MRI 10/01/2026. Seen by PM&R, "
            "consult on file. No infection, not pregnant, no severe comorbidities.")
    facts, origins, _whys = _read(note, "64493", [], {"pain_nrs": 6})
    assert facts.get("symptom_weeks") == "8 months" and origins["symptom_weeks"] == "stated"


def test_an_answer_just_under_a_number_is_asked_again() -> None:
    facts, _origins, whys = _read("just under 12 weeks", "97110", ["conservative_weeks"], {})
    assert "conservative_weeks" not in facts
    assert any("how much exactly" in w for w in whys)


def test_nearly_twelve_weeks_does_not_pass_a_nine_week_request(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 97110?", cpt="97110")
    turn = bot.send("c", "Knee pain, conservative care 9 weeks (PT and naproxen), failed.")
    assert turn.decision == "does_not_meet"
    turn = bot.send("c", "correction: conservative care was nearly 12 weeks")
    assert turn.facts["conservative_weeks"]["value"] == 9
    assert turn.decision == "does_not_meet"
    assert "how much exactly" in turn.reply


# --- tester 35 F14: the care's span is no answer to the symptoms' question ----------------

@pytest.mark.parametrize("text", [
    "band program 09/08-11/09 (9 wks)",
    "9 wks of naproxen",
    "home exercises with a resistance band for 10 weeks",
    "meloxicam x 8 weeks",
    "knee brace 6 wks",
    "physio 2x/week for 7 weeks",
])
def test_a_cares_length_does_not_answer_how_long_the_symptoms_lasted(text: str) -> None:
    facts, _origins, _whys = _read(text, "97110", ["symptom_weeks"], {})
    assert "symptom_weeks" not in facts


@pytest.mark.parametrize(("text", "value"), [
    ("9 weeks", "9 weeks"),
    ("knee has hurt 9 weeks, PT since October", "9 weeks"),
    ("since 09/08/2026", "89 days"),
])
def test_a_symptom_length_still_answers(text: str, value: str) -> None:
    facts, _origins, _whys = _read(text, "97110", ["symptom_weeks"], {})
    assert facts.get("symptom_weeks") == value


def test_two_cares_lengths_answer_neither_question_in_order() -> None:
    facts, _origins, _whys = _read(
        "band program 09/08-11/09 (9 wks), naproxen 10/06-11/02 (4 wks)", "97110",
        ["symptom_weeks", "conservative_weeks"], {})
    assert "symptom_weeks" not in facts and "conservative_weeks" not in facts


# --- tester 36 F10: a past admission's temperature is not today's --------------------------

@pytest.mark.parametrize("text", [
    "Hospitalized 01/2026 for pneumonia; WBC then 18.5, T 39.1.",
    "Pneumonia admission 01/2026: T 39.1, WBC 18.5 at the time.",
    "Urgent care 11/20/2026: T 38.6 C, treated with acetaminophen.",
    "Last admission (01/2026): temp 39.1, WBC 18.5, FEV1 not done.",
    "January admission: T 39.1",
    "Admitted in February 2025 for pneumonia; T 39.4 on admission.",
    "Admitted 03/2026 for pneumonia; T then 39.0, WBC 17.1. Today: T 36.8 C.",
])
def test_a_past_episodes_temperature_is_asked_not_read(text: str) -> None:
    facts, _origins, whys = _read(text, "71250", [], {})
    assert "body_temperature" not in facts and "wbc_count" not in facts
    assert any("dated a while back" in w or "about the past" in w for w in whys)


@pytest.mark.parametrize(("text", "value"), [
    ("ED visit today 12/05/2026: T 38.6 C", "38.6 C"),
    ("Admitted 01/2026 for pneumonia; T now 38.2", "38.2 C"),
    ("Urgent care 11/20/2026 for cough. Temp today 38.6 C.", "38.6 C"),
    ("Admitted 12/03/2026 with pneumonia, T 38.9 on arrival.", "38.9 C"),
])
def test_a_temperature_of_now_or_of_this_week_is_still_read(text: str, value: str) -> None:
    facts, _origins, _whys = _read(text, "71250", [], {})
    assert facts.get("body_temperature") == value


# --- tester 36 F9: a denial of some kinds of infection keeps the one recorded ---------------

@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "no sepsis or osteomyelitis"),
    ("62311", "no skin or systemic infection"),
    ("62311", "No infection of the spine."),
    ("64493", "no osteomyelitis, no discitis"),
])
def test_a_denial_of_other_kinds_does_not_lift_a_recorded_infection(cpt: str, text: str) -> None:
    facts, _origins, whys = _read(text, cpt, [], {"active_infection": True})
    assert "active_infection" not in facts
    assert any("other kinds than the one recorded" in w for w in whys)


@pytest.mark.parametrize("text", ["no infection", "the UTI has cleared, no infection now",
                                  "no active infection"])
def test_a_general_denial_still_corrects_a_recorded_infection(text: str) -> None:
    facts, _origins, _whys = _read(text, "64493", [], {"active_infection": True})
    assert facts.get("active_infection") is False


def test_a_kind_denied_with_nothing_recorded_is_read_as_before() -> None:
    facts, _origins, _whys = _read("no sepsis or osteomyelitis", "64493", [], {})
    assert facts.get("active_infection") is False


def test_a_uti_is_not_lifted_by_denying_sepsis_in_chat(assistant_at: Bot) -> None:
    bot = assistant_at(AS_OF)
    bot.send("c", "does this case qualify for 64493?", cpt="64493")
    turn = bot.send("c", "Low back pain 8 months, NRS 7/10. UTI diagnosed 12/01/2026, on "
                         "ciprofloxacin through 12/08/2026.")
    assert turn.facts["active_infection"]["value"] is True
    turn = bot.send("c", "no sepsis or osteomyelitis")
    assert turn.facts["active_infection"]["value"] is True
    assert turn.decision == "does_not_meet"

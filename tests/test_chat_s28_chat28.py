"""Session 28, chat28: replies in chat a nurse can act on (outside tester 27's C1, C5, C7,
C9 and F6's chat part). Wordings are this file's own, in several voices (a UR reviewer's
problem list, a typed chat reply, a phone relay); guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

Bot = Callable[[date], Assistant]


# --- C5: after a denial, plain answers to the questions listed a turn earlier -------------
# (a nurse answering the list on screen one question at a time does not know that the
# answer before decided the case: outside tester 27 got "Could not read '13 weeks'")

_UR_REVIEW = ("UR review: lumbar radiculopathy. Problem list: cirrhosis, followed by "
              "hepatology. PT then gabapentin, 2 courses, no relief. Pain 5/10 before PT, "
              "7/10 now. ODI no significant improvement over the last 6 weeks. H&P 11/24/2026 "
              "(meds, allergies, surgeries, neuro exam, pain evaluation). MRI 11/02/2026: L4 "
              "root compression with inflammation, foraminal stenosis, readable. CRP 12 (H). "
              "Treatment logs on file; pain consult 11/24/2026. Cannot work. No infection. "
              "Not pregnant. Not cosmetic.")


def _denied(bot: Assistant) -> str:
    bot.send("c", "62311")
    listed = bot.send("c", _UR_REVIEW).reply
    assert "weeks of conservative treatment" in listed
    reply = bot.send("c", "her liver disease is severe").reply
    assert "Does not meet" in reply
    return reply


@pytest.mark.parametrize(("answer", "said"), [
    ("16 weeks", "Conservative treatment: 16 weeks"),
    ("16 wks", "Conservative treatment: 16 weeks"),
    ("sixteen weeks", "Conservative treatment: 16 weeks"),
])
def test_a_bare_answer_after_a_denial_answers_the_question_listed_before(
        assistant_at: Bot, answer: str, said: str) -> None:
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    reply = bot.send("c", answer).reply
    assert said in reply
    assert "ould not read" not in reply


def test_a_question_answered_after_the_denial_is_not_answered_again(assistant_at: Bot) -> None:
    # guard: once the weeks are recorded, a second bare figure is not taken as them
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    bot.send("c", "16 weeks")
    reply = bot.send("c", "12").reply
    assert "16 weeks → 12" not in reply and "Conservative treatment: 12" not in reply


def test_a_new_case_forgets_the_questions_listed_for_the_last(assistant_at: Bot) -> None:
    # guard: "new case" clears what was listed; a bare figure then answers nothing of it
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    bot.send("c", "new case")
    reply = bot.send("c", "16 weeks").reply
    assert "Conservative treatment: 16 weeks" not in reply


# --- C9: "print the packet" names the command; "what would make it qualify?" says what ----
# (outside tester 27: "Could not read 'print the packet'"; the verdict again with no
# sentence answering "what would make it qualify?")

_ELBOW = ("Ortho note, L lateral elbow pain since 09/01/2026. Conservative treatment 8 weeks "
          "(brace, activity modification, naproxen), no relief; naproxen stopped 11/28/2026 "
          "for no benefit. Pain 6/10. QuickDASH 45, moderate functional impairment. X-rays "
          "09/05/2026 and 11/24/2026, two sets. MRI elbow 11/03/2026. H&P with symptom dates "
          "on file. Treatment logs with dates and outcomes on file. Ortho consult is this "
          "note. No infection, not pregnant, not postpartum, no severe comorbidities, not "
          "cosmetic.")


def _elbow_denied(bot: Assistant) -> None:
    bot.send("c", "97110")
    assert "Does not meet" in bot.send("c", _ELBOW).reply


@pytest.mark.parametrize("asked", [
    "print the packet",
    "can you print it out please",
    "how do I get the pdf?",
    "Export the submission packet for this case",
])
def test_a_packet_request_names_the_command(assistant_at: Bot, asked: str) -> None:
    bot = assistant_at(date(2026, 12, 5))
    _elbow_denied(bot)
    reply = bot.send("c", asked).reply
    assert "priorauth packet --thread c" in reply
    assert "ould not read" not in reply


@pytest.mark.parametrize("asked", [
    "what would make it qualify?",
    "what would it take to get this approved",
    "How can we get it to qualify?",
    "what does she need to qualify?",
])
def test_what_would_make_it_qualify_names_the_value_that_passes(assistant_at: Bot,
                                                                asked: str) -> None:
    bot = assistant_at(date(2026, 12, 5))
    _elbow_denied(bot)
    reply = bot.send("c", asked).reply
    first = reply.split("\n", 1)[0]
    assert "4 more weeks of conservative treatment" in first and "97110.coverage.1" in first


def test_what_would_make_it_qualify_says_when_nothing_can(assistant_at: Bot) -> None:
    # guard: a permanent exclusion is said as such, not a list of changes
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", "62311")
    bot.send("c", _UR_REVIEW)
    bot.send("c", "her liver disease is severe")
    first = bot.send("c", "what would it take to qualify?").reply.split("\n", 1)[0]
    assert first.startswith("No change to the case can make it qualify")


@pytest.mark.parametrize("said", [
    # guards: a what-if is still a what-if; a note's "printed" is a case detail
    "what if the brace and naproxen were 12 weeks?",
    "the MRI report was printed and faxed 11/04/2026",
])
def test_near_requests_are_not_taken_for_the_new_ones(said: str) -> None:
    from agent.intents import detect
    found = detect(said)
    assert found is None or found.kind not in ("packet", "qualify")

"""A pasted note keeps the case's procedure unless a request names another one: a request's
cue ("check", "for the", "need") elsewhere in the note, away from a procedure's name, asks
for nothing (fresh26's placement note "Pt (71 F, post-menopausal) lives with daughter ...
Family asked whether the CT can "check the scar"" moved a chest CT case to physical therapy:
"Pt" was read as therapy and the "check" two sentences on as its request)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.reading import understand
from agent.session import Assistant


def _switched_to(text: str, current: str) -> str | None:
    return understand(text, cpt=current, pending=[], as_of=date(2026, 12, 21)).cpt


@pytest.mark.parametrize(("text", "current"), [
    # a placement note: the patient's age and sex after "Pt", a family's question later on
    ("Pt (71 F, post-menopausal) lives with her son. Family asked whether the CT can check "
     "her old scar too - told them no.", "71250"),
    # a fall report: "Pt (F, 66)" and a family's "check" in the next sentence
    ("Pt (F, 66) fell in October. Chest film showed a nodule; family asked us to check on "
     "the CT.", "71250"),
    # a facet case's referral: an earlier epidural as history, "check" two sentences on
    ("Prior lumbar epidural 2024 (no relief). Pain 7/10. Please check eligibility.", "64493"),
    # a guard: therapy named as history beside a request for the case's own scan
    ("Physical therapy 2024. Smoker. Requesting approval of the chest CT.", "71250"),
])
def test_a_cue_away_from_a_procedures_name_switches_nothing(text: str, current: str) -> None:
    assert _switched_to(text, current) is None


@pytest.mark.parametrize(("text", "current", "wanted"), [
    ("what about PT instead?", "71250", "97110"),
    ("can you check physical therapy for her?", "71250", "97110"),
    ("switch to the facet injection", "62311", "64493"),
    ("She is 45. Actually I need the epidural.", "64493", "62311"),
])
def test_a_request_beside_the_name_still_switches(text: str, current: str,
                                                  wanted: str) -> None:
    assert _switched_to(text, current) == wanted


@pytest.fixture
def bot(assistant_at: Callable[[date], Assistant]) -> Assistant:
    return assistant_at(date(2026, 12, 21))


def test_a_pasted_placement_note_stays_on_the_chest_ct(bot: Assistant) -> None:
    bot.send("c", "does this qualify for a chest CT (71250)?")
    reply = bot.send("c", "Pt (71 F, post-menopausal) lives with daughter who is 7 mo pregnant "
                          "and can't lift. Family asked whether the CT can \"check the scar "
                          "from her old surgery\" - explained CT is for the lung nodule f/u "
                          "only.").reply
    assert "97110" not in reply and "therapeutic exercise" not in reply.lower()
    recorded = bot.send("c", "what have you recorded?").reply
    assert "71250" in recorded or "chest" in recorded.lower()


@pytest.mark.parametrize(("cpt", "note", "correction"), [
    # an FCE's "Mr." and "Male", then the nurse's correction with an age and sex
    ("97110", "Mr. Lee, male, 45. Right shoulder pain for 20 weeks, NRS 6/10.",
     "the patient is actually female, 38F"),
    # a chest clinic's "62 y.o. M", then a short apology
    ("71250", "62 y.o. M with cough and dyspnea for 8 weeks.", "wait she's female, sorry"),
    # a facet case's "he", then a typo owned up to
    ("64493", "He has had low back pain for 9 months, NRS 7/10.",
     "typo - she is a woman, 41"),
])
def test_a_corrected_sex_asks_pregnancy_again(bot: Assistant, cpt: str, note: str,
                                              correction: str) -> None:
    bot.send("c", cpt)
    assert "Cannot be pregnant" in bot.send("c", note).reply
    reply = bot.send("c", correction).reply
    assert "Pregnancy: Cannot be pregnant → set aside; asked again" in reply
    assert "Is the patient pregnant?" in reply
    assert "Could not read" not in reply and "could not read" not in reply
    recorded = bot.send("c", "what have you recorded?").reply
    assert "| Pregnancy |" not in recorded.split("To go on")[0]


def test_a_note_naming_a_woman_in_passing_keeps_a_male_patients_answer(bot: Assistant) -> None:
    # a long pasted note: "female" is the therapist, the patient is still a man
    bot.send("c", "97110")
    bot.send("c", "Mr. Lee, male, 45. Right shoulder pain for 20 weeks, NRS 6/10.")
    reply = bot.send("c", "PT progress note 12/01/2026: seen by a female physiotherapist "
                          "for 6 sessions of supervised exercise; shoulder flexion improved "
                          "to 150 degrees, strength 4/5, home program reviewed.").reply
    assert "set aside" not in reply


_HIP = ("OASIS SOC 12/01/2026. L hip OA, pain 6/10 since March. No infection. "
        "Not cosmetic.")


@pytest.mark.parametrize("later", [
    # an ED addendum pasted the next day
    "ED NOTE ADDENDUM 12/04/2026 22:10 - seen in the ED for a red, hot, swollen left lower "
    "leg; T 38.7 C. Dx: cellulitis of the left leg, admitted for IV cefazolin.",
    # the nurse's own short update (an outpatient infection on oral antibiotics would
    # answer the second question itself: no immediate care)
    "update from the wound nurse today: infected wound on the left shin, culture sent",
])
def test_an_answer_replaced_takes_what_its_words_gave_with_it(bot: Assistant,
                                                             later: str) -> None:
    bot.send("c", "97110")
    first = bot.send("c", _HIP).reply
    assert "Infection needs immediate medical attention" in first
    reply = bot.send("c", later).reply
    assert "Active infection: no → yes" in reply
    assert "Infection needs immediate medical attention: no → set aside; asked again" in reply
    assert "Does the patient's active infection require immediate medical attention?" in reply


def test_an_answer_replaced_keeps_what_other_words_gave(bot: Assistant) -> None:
    bot.send("c", "97110")
    bot.send("c", _HIP)
    reply = bot.send("c", "correction: pain is 7/10 now").reply
    assert "6 points → 7 points" in reply
    assert "set aside" not in reply

"""False facts of policies 62311 and 64493 on the corpus at session 12's start (fixer
fixs), one named test each: the failing input and wordings of the same kind written by
the fixer. Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 2)


def read(text: str, cpt: str, pending: list[str] | None = None,
         as_of: date = AS_OF) -> dict[str, object]:
    return {r.fact: r.value
            for r in understand(text, cpt=cpt, pending=pending or [], as_of=as_of).facts}


# f14-64493-reviewer-prior-opinion-and-wrong-member: a quoted letter the next words give
# to another member was read as the patient pregnant (a denial): words after a quotation
# that disown it disown it, as words before it do ('Do not use this: "..."').
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", 'Per OB/GYN letter: "patient is 14 weeks pregnant" - NOTE: letter is for a '
     "different member (Jane R. Ortiz, not our Jana Ortiz); disregard.", "pregnancy"),
    ("64493", 'Records from Mercy: "PT 14 weeks, failed" - NB: these records are another '
     "patient's.", "pt_weeks"),
    ("62311", 'Outside ED note: "active UTI, on nitrofurantoin" -- NOTE: that note is for a '
     "different member; ignore.", "active_infection"),
    ("64493", 'Chart: "no active infection" -- NOTE: belongs to a different patient.',
     "active_infection"),
])
def test_a_quotation_the_next_words_give_to_another_patient_is_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_quotation_followed_by_a_new_sentence_about_another_patient_is_still_read() -> None:
    assert read('PT note: "14 weeks of PT completed, no relief". The other patient in the '
                "room had 8.", "64493").get("pt_weeks") == "14 weeks"


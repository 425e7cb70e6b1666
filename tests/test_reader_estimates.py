"""What a clinician judges unlikely, and a figure with another of the same fact beside it.

Outside tester, session 9: F2, "Low suspicion for bacterial pneumonia" (and "Doubt
pneumonia", "CAP considered but felt unlikely") read a suspected pneumonia, a final
denial of 71250; F3, "Labs 11/02: WBC 17.0. Labs 12/01: WBC 8.8." read 17,000 (a denial)
and left the later count unread. Neither is stated now: both are asked.
"""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def _read(text: str, cpt: str = "71250") -> tuple[dict[str, object], list[str]]:
    got = understand(text, cpt=cpt, pending=[], as_of=AS_OF)
    return {r.fact: r.value for r in got.facts}, [u.why for u in got.unread]


@pytest.mark.parametrize("text", [
    "Low suspicion for bacterial pneumonia.",
    "Low clinical suspicion for pneumonia.",
    "Doubt pneumonia.",
    "CAP considered but felt unlikely.",
    # my own wordings
    "Bacterial pneumonia: low probability.",
    "Pneumonia considered but CXR clear, afebrile.",
    "Bacterial pneumonia is doubtful.",
])
def test_a_pneumonia_the_clinician_judges_unlikely_is_not_suspected(text: str) -> None:
    facts, _ = _read(text)
    assert facts.get("bacterial_pneumonia") is not True


def test_a_suspected_pneumonia_is_still_read() -> None:
    assert _read("Suspected bacterial pneumonia, will start antibiotics.")[0][
        "bacterial_pneumonia"] is True
    assert _read("Pneumonia unlikely given normal WBC and no fever.")[0][
        "bacterial_pneumonia"] is False


@pytest.mark.parametrize("text", [
    "Labs 11/02: WBC 17.0. Labs 12/01: WBC 8.8.",
    "WBC 18.2 on 10/01 (treated UTI), today WBC 8.1.",
    "11/02 WBC 17.0; 12/01 WBC 8.8",
])
def test_a_count_beside_another_count_left_unread_is_asked(text: str) -> None:
    facts, why = _read(text)
    assert "wbc_count" not in facts
    assert "several values; which white blood cell count is current?" in why


def test_the_count_said_to_be_todays_stands_and_a_restated_score_is_no_rival() -> None:
    assert _read("WBC 16.5 two weeks ago during her UTI; repeat WBC today 9.2.")[0][
        "wbc_count"] == "9200"
    facts, _ = _read("NRS 4/10. Severity criteria not met: pain 4/10 (< 6 required).")
    assert facts["pain_nrs"] == "4"


def test_a_length_of_time_beside_a_pain_score_is_no_score() -> None:
    # found on an untested note at session 9's close: "x 5 months" was the baseline score
    got = understand("Radicular pain L leg x 5 months, NRS 4/10 before PT and 7/10 now.",
                     cpt="62311", pending=[], as_of=AS_OF)
    facts = {r.fact: r.value for r in got.facts}
    assert (facts["pain_nrs_baseline"], facts["pain_nrs_increase"]) == ("4", "3")
    got = understand("Pain 5 before PT, 8 now.", cpt="62311", pending=[], as_of=AS_OF)
    assert {r.fact: r.value for r in got.facts}["pain_nrs_baseline"] == "5"

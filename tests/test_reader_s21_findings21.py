"""Clinical findings and their scope (session 21, findings21): a finding named inside a
denial of any shape is not present ("clear of", "no longer seen", "no longer antalgic"); ...
Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a finding inside a denial of another shape -----------------------------------------------

@pytest.mark.parametrize("text", [
    # a letter
    "Her follow-up chest radiograph of last week is clear of consolidation and effusion.",
    # a terse result line
    "CXR 12/01: lungs clear of any infiltrate.",
    # a report's impression, the finding gone
    "IMPRESSION: The right lower lobe infiltrate is no longer seen.",
    # a progress note, the finding clearing
    "Repeat film shows interval clearing of the left basilar consolidation.",
    # a chat reply
    "the effusion is no longer visible on the new xray",
])
def test_a_lung_finding_said_clear_or_gone_is_no_sign(text: str) -> None:
    assert read(text, "71250").get("pulmonary_disease_signs") is None


@pytest.mark.parametrize("text", [
    "Incision clear of infection; no drainage.",
    "Injection site inspected - cleared of infection per wound clinic.",
    "Skin over L4-5 clear of any infection today.",
])
def test_a_site_said_clear_of_infection_denies_the_infection(text: str) -> None:
    assert str(read(text, "64493").get("active_infection")) == "False"


@pytest.mark.parametrize("text", [
    "Gait no longer antalgic since the last block.",
    "PT re-eval: gait no longer shuffling, walks unaided.",
    "On review today her balance is no longer unsteady.",
    "gait no longer guarded per PT",
])
def test_a_gait_word_no_longer_so_is_no_impaired_gait(text: str) -> None:
    assert read(text, "64493").get("impaired_balance_gait") is not True

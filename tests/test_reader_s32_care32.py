"""Care tried, pregnancy, cosmetic (session 32, care32). Wordings are this file's own, in
several voices (a mobile nurse's visit, a GP's letter, a Dutch clinic's form, a Polish
referral, an appeal, a phone log)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 12, 1))


# --- physiotherapy however a language spells it --------------------------------------------
# (a nurse knows "fysiotherapie", "fizjoterapia", "fisiotherapy" as physiotherapy: a list of
# three kinds with one in Dutch is the whole list, not one kind short)

@pytest.mark.parametrize("text", [
    # a Dutch clinic's form
    "Behandeling: fysiotherapie 10 weken, naproxen 8 weken en afvallen (weight loss), "
    "zonder effect.",
    # a Polish referral with an English gloss
    "Leczenie: fizjoterapia 8 weeks, ibuprofen, weight loss program - no improvement.",
    # a patient's own spelling in a portal message
    "i did fisiotherapy for 2 months, took naproxen and went on a diet, nothing helped",
])
def test_physiotherapy_in_another_spelling_is_physical_therapy(text: str) -> None:
    got = read(text, "62311")
    assert got.get("conservative_treatments") == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    # a physiologist is no therapy, so the list lacks a kind: asked
    "Saw an exercise physiologist once, took naproxen, went on a diet; no help.",
    # physiotherapy declined: not received
    "Fysiotherapie declined; naproxen 8 weeks and weight loss, no improvement.",
])
def test_no_physiotherapy_received_is_not_read(text: str) -> None:
    got = read(text, "62311")
    assert "physical_therapy" not in (got.get("conservative_treatments") or [])


# --- a payer's words quoted back are the payer's ----------------------------------------------
# (a nurse reads "the reviewer quoted 'cosmetic only'" as the reviewer's exclusion, not the
# patient's purpose; the clinician's answer after it is the one that counts)

@pytest.mark.parametrize("text", [
    # an appeal letter
    "The health plan quotes 'cosmetic purposes' as the reason for denial, and we disagree: "
    "the therapy is for his weak shoulder.",
    # a phone log of a peer-to-peer
    "P2P 11/30: medical director quotes 'cosmetic only' from the policy; Dr Sato: not "
    "cosmetic, she cannot lift her arm.",
    # a nurse's note
    "Utilization review quoting the exclusion 'for cosmetic purposes' - we answered: no, for "
    "pain.",
])
def test_a_quoted_exclusion_is_no_cosmetic_purpose(text: str) -> None:
    got = read(text, "97110")
    assert got.get("cosmetic_purpose") is not True
    assert got.get("cosmetic_only") is not True


@pytest.mark.parametrize("text", [
    # the patient's own purpose, no one quoted
    "She wants the therapy for cosmetic purposes only, no pain or weakness.",
])
def test_a_cosmetic_purpose_stated_still_reads(text: str) -> None:
    assert read(text, "97110").get("cosmetic_purpose") is True

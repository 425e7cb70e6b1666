"""Session 23, findings23: the outside tester's false facts (evals/reader/outside/
session23-findings.md), fixed by mechanism. Every text here is the fixer's own wording, in
voices unlike the tester's (a phone triage line, a portal message, a table row, a letter);
each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# F1: a review of systems writes a finding's absence as "(-)" after it and its presence
# as "(+)": the "(-)" denies what it follows, on a line of several, in a table cell, after
# a colon.
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("ROS: chills (-), cough (+), pneumonia (-)", "71250", "bacterial_pneumonia", "False"),
    ("Exclusions screen -- infection (-) / pregnant (-)", "62311", "active_infection", "False"),
    ("Exclusions screen -- infection (-) / pregnant (-)", "62311", "pregnancy", "not_pregnant"),
    ("Cosmetic reason: (-)\nPain 6/10", "97110", "cosmetic_purpose", "False"),
    ("postpartum (−), pregnancy (−)", "97110", "postpartum", "False"),
    ("Infection ( - )", "64493", "active_infection", "False"),
])
def test_a_minus_in_brackets_after_a_finding_is_its_absence(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("ROS: chills (-), infection (+)", "64493", "active_infection", "True"),
    ("pregnancy (+) per urine test", "62311", "pregnancy", "pregnant"),
])
def test_a_plus_in_brackets_is_still_presence(text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# F6: a positive test said after someone's word that she is not pregnant is a finding
# against a say-so: the test holds. One sentence set against itself by "but" / "however"
# disagrees as two sentences would; a test dated back, or said before the denial, is asked.
@pytest.mark.parametrize("text", [
    "Triage: pt says no way she's pregnant, however the POC pregnancy test today came back "
    "positive.",
    "She told me she is not pregnant but her urine hCG this morning was positive",
    "Patient denies being pregnant. Serum hCG drawn today: positive.",
    "Not pregnant per the patient yet UPT is positive",
])
def test_a_positive_test_after_a_denial_is_pregnant(text: str) -> None:
    assert str(read(text, "62311").get("pregnancy")) == "pregnant"


@pytest.mark.parametrize("text", [
    # (a test dated back speaks of then)
    "Urine hCG positive 06/2026. She denies pregnancy now.",
    "hCG was positive last year, but she says she is not pregnant",
    # (the test first, the patient's word after: which holds is asked)
    "hCG positive; however the patient insists she is not pregnant.",
])
def test_a_dated_or_earlier_test_against_a_denial_is_not_read_pregnant(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


# F11: a list said to go on past its items ("including but not limited to ...") names
# examples of a kind (a consent's risks, possible complications), no finding either way:
# the "not" in it denies nothing, and the items are asked.
@pytest.mark.parametrize("text", [
    "Procedure consent reviewed. Risks include but are not limited to infection, bleeding, "
    "nerve damage.",
    "I explained the possible complications, not limited to infection or bleeding, and she "
    "agreed to proceed.",
    "Informed consent: risks (including, but not limited to, infection and headache) "
    "discussed",
    "Complications may include but are not restricted to infection.",
])
def test_a_list_not_limited_to_its_items_states_no_infection(text: str) -> None:
    assert "active_infection" not in read(text, "62311")


@pytest.mark.parametrize(("text", "value"), [
    ("Consent: risks incl. but not limited to bleeding. No active infection.", "False"),
    ("Pt has a UTI on Keflex. Consent: risks including but not limited to bleeding.", "True"),
])
def test_the_patients_own_infection_status_beside_a_risk_list_is_read(
        text: str, value: str) -> None:
    assert str(read(text, "62311").get("active_infection")) == value


# F2: a contracted denial ("hasn't", "didn't", "isn't") touches what it denies as "not"
# does: a treatment "hasn't" responded to is a failure, not a response.
@pytest.mark.parametrize("text", [
    "She hasn't responded to conservative treatment.",
    "Unfortunately he hasn't improved with conservative care and wants the injection.",
    "Pt hasnt responded to conservative treatment per ortho",
])
def test_hasnt_responded_is_a_failure(text: str) -> None:
    assert str(read(text, "64493").get("failed_conservative")) == "True"


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("We haven't got the PT notes yet.", "pt_notes_documented", "False"),
    ("Responded to conservative treatment; pain now 2/10.", "failed_conservative", "False"),
])
def test_a_contracted_denial_still_reads_as_before(text: str, fact: str, value: str) -> None:
    assert str(read(text, "64493").get(fact)) == value


# F7: an erratum in the same line takes back the figure before it, dated or not: the
# corrected figure is read, never the one it replaces.
@pytest.mark.parametrize(("text", "value"), [
    ("Spirometry: FEV1 72% predicted; erratum: should read 62%", "62"),
    ("PFT summary -- FEV1 80 % pred. ERRATA: should read 60 %", "60"),
])
def test_an_erratum_replaces_the_figure_before_it(text: str, value: str) -> None:
    assert str(read(text, "71250").get("fev1_percent_predicted")) == value


@pytest.mark.parametrize("text", [
    "FEV1 85% predicted - ERRATUM 12/02: should read 58%.",
    "FEV1 90% of predicted — erratum 11/30/2026: should read 55%",
])
def test_a_dated_erratum_never_leaves_the_old_figure(text: str) -> None:
    assert str(read(text, "71250").get("fev1_percent_predicted")) not in ("85", "90")


# F5: a lab report's reference column beside the result: a bounded figure with another
# figure right after it on its line is the range, never the patient's value.
@pytest.mark.parametrize(("text", "fact"), [
    ("O2 SAT (RA)      >=95      89 L", "spo2_room_air"),
    ("Pulse ox, room air | >= 92 | 87 (low)", "spo2_room_air"),
    ("Temperature (C)    <38.0    38.6 H", "body_temperature"),
])
def test_a_reference_bound_before_the_result_is_not_the_value(text: str, fact: str) -> None:
    got = read(text, "71250").get(fact)
    assert str(got) not in ("95", "92", "38 C", "38.0 C")

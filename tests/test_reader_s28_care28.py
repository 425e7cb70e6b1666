"""Care tried, pregnancy and what a form's answers cover (session 28, care28). Wordings are
this file's own, in several voices (a Swedish, a Danish and a Norwegian referral, a Dutch
GP's letter, a portal questionnaire, a phone message, an appeal letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 6, 14))


# --- "not" in the language of a referral from abroad denies what it stands before ------------
# (a nurse reads "Patienten är inte gravid" as "the patient is not pregnant": "gravid" is
# the Scandinavian word and English's, and "inte", "ikke", "ikkje" are "not")

@pytest.mark.parametrize("text", [
    # a Swedish GP's referral
    "Remiss: kvinna 34 år, ländryggssmärta. Patienten är inte gravid (negativt test 2027-06-01).",
    # a Danish physiotherapist's letter
    "Kvinde, 29 år. Hun er ikke gravid, og der er ingen tegn på infektion.",
    # a Norwegian (nynorsk) discharge note
    "Pasienten er ikkje gravid, graviditetstest negativ.",
])
def test_a_foreign_not_before_gravid_is_not_pregnant(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    # her own pregnancy, said plainly: still pregnant
    "Patienten är gravid i vecka 20.",
    # a sister's pregnancy in the writer's language is the sister's, not the patient's
    "Hennes syster är gravid.",
    "Søsteren hennes er gravid, hun har termin i august.",
])
def test_a_foreign_pregnancy_stays_whose_it_is(text: str) -> None:
    got = read(text, "64493")
    if "syster" in text.lower() or "søster" in text.lower():
        assert "pregnancy" not in got
    else:
        assert got.get("pregnancy") == "pregnant"


# --- a question that asks of two things at once: a no denies both, a yes says neither -------
# (a nurse reads "Pregnant, or delivered in the last 6 months? No" as neither, and a "Yes"
# as one of them, she does not know which)

@pytest.mark.parametrize("text", [
    # a portal questionnaire
    "Is the patient pregnant, or has she delivered a baby within the last 6 months?"
    "  [ ] Yes  [x] No",
    # a phone screen, typed
    "Is she pregnant, or has she given birth since January? No",
    # a pre-procedure checklist
    "Pregnant, or postpartum (delivery in the past year)?  ☐ Yes  ☒ No",
])
def test_a_no_to_pregnant_or_delivered_denies_the_pregnancy(text: str) -> None:
    got = read(text, "97110")
    assert got.get("pregnancy") == "not_pregnant"
    assert got.get("postpartum") is False


@pytest.mark.parametrize("text", [
    "Is the patient pregnant, or has she delivered a baby within the last 6 months?"
    "  [x] Yes  [ ] No",
    "Is she pregnant, or has she given birth since January? Yes",
    "Pregnant or breastfeeding?  [x] Yes  [ ] No",
])
def test_a_yes_to_two_things_at_once_reads_neither(text: str) -> None:
    got = read(text, "97110")
    assert "pregnancy" not in got
    assert "postpartum" not in got


def test_a_yes_to_one_thing_still_reads_it() -> None:
    # guard: a question of one thing, answered yes with its test
    assert read("Is she pregnant? Yes - serum hCG positive 06/02/2027.", "97110").get(
        "pregnancy") == "pregnant"


# --- a reviewer's statement the writer answers is the reviewer's, not a fact -----------------
# (a nurse reads 'I disagree with the reviewer's statement that he "failed conservative
# management"' as the writer saying the care did not fail, or at least not as a failure)

@pytest.mark.parametrize("text", [
    # an appeal letter
    "We dispute the reviewer's conclusion that conservative care failed; she is improving with PT.",
    # a peer-to-peer summary
    "Dr. Osei does not accept the denial's finding that she failed conservative treatment.",
    # a second-opinion letter
    'I disagree with the first reviewer\'s statement that he "failed conservative management".',
])
def test_a_reviewers_statement_that_care_failed_is_not_read(text: str) -> None:
    assert read(text, "71250").get("failed_conservative") is not True


def test_the_writers_own_failure_is_still_read() -> None:
    # guard: the writer's own statement, after a reviewer agrees
    assert read("The reviewer agrees: she failed conservative treatment.", "71250").get(
        "failed_conservative") is True


# --- a British surgeon named by "Mr" as a record's maker is no word on the patient's sex ----
# (a nurse reads "orthopaedic opinion (Mr Hale) enclosed" as the surgeon's letter, not a man)

@pytest.mark.parametrize("text", [
    # a GP's letter
    "Ms R. Lowe, 41. Orthopaedic opinion (Mr Hale, 06/02/2027) enclosed. "
    "Pregnancy test negative 06/10/2027.",
    # a physio's referral
    "Fracture clinic review (Mr Patel, 05/30/2027) attached. Urine hCG negative today.",
    # a discharge letter
    "Consultant letter (Mr A. Osei) attached. Serum hCG negative on 06/01/2027.",
])
def test_a_surgeons_mr_is_not_the_patient(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "not_pregnant"


def test_the_patients_own_mr_still_reads_a_man() -> None:
    # guard: the patient named Mr, the letter about him
    assert read("Referral re Mr Okoro, 44: knee pain for 4 months.", "97110").get(
        "pregnancy") == "not_applicable"


# --- two kinds of care named together and judged together: the care failed ------------------
# (a nurse reads "physio and naproxen, neither made a dent" as the conservative care having
# failed, as she reads "conservative care ... no improvement")

@pytest.mark.parametrize("text", [
    # a phone message from a PT office
    "Calling back re: Mrs Dube - she did 10 weeks of physio with us plus daily naproxen from "
    "her GP, and her back is no better at all.",
    # a case manager's summary
    "Claimant completed light duty, a home exercise program and meloxicam over 12 weeks "
    "without any improvement.",
    # an Indian referral letter
    "Tab. Diclofenac 50 mg BD x 8/52 and physiotherapy x 6/52 given, both with no relief.",
    # a Brazilian letter
    "Fez fisioterapia por 3 meses e tomou naproxeno, sem melhora.",
])
def test_care_of_two_kinds_judged_together_has_failed(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # one kind alone: whether the rest of the care failed is not said
    "She did 10 weeks of physio, no better.",
    # a treatment still going, its effect not known yet
    "PT 8 weeks and naproxen, no better. Duloxetine started last week, too early to say.",
    # helping said of one of them
    "Physio and naproxen for 8 weeks: physio helped a bit, the naproxen did nothing.",
    # someone else's care
    "Her husband did PT and meloxicam, no better.",
    # planned care
    "Plan: PT and naproxen; if no better in 6 weeks, ESI.",
])
def test_care_not_all_failed_or_not_hers_is_not_read(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is not True


def test_a_relatives_care_judged_is_not_the_patients() -> None:
    # (outside tester 27's known risk: the sister's care, then the verdict)
    assert "failed_conservative" not in read("Her sister tried PT and meds; nothing has worked.",
                                             "64493")


# --- a plan or a schedule about him still says the patient is a man -------------------------
# (a nurse reads "he is scheduled for ..." as a man, however the plan turns out)

@pytest.mark.parametrize("text", [
    # a PT discharge note
    "He attended 2 of 10 scheduled sessions and did not return.",
    # a scheduler's message
    "He is booked for the facet injection next Tuesday.",
    # a coordinator's worklist
    "He is to be scheduled for the MRI once the auth is back.",
])
def test_a_plan_about_him_still_says_a_man(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_applicable"


def test_a_planned_hysterectomy_is_not_one_done() -> None:
    # guard: a plan for a lasting state is no state yet
    assert "pregnancy" not in read("She is scheduled for a hysterectomy in August.", "64493")

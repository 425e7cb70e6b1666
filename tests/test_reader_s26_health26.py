"""Session 26, health26: conditions, infection, pregnancy, cosmetic purpose and care that
failed. Wordings are this file's own, in several voices (a pain clinic's fax, a scheduler's
phone message, a letter from abroad, a form, a dictation)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a spinal steroid injection that failed is no failed conservative care ----------------
# (the spine policies name therapy, medication and lifestyle as conservative care; an
# injection is the kind of procedure being requested, so its failure says nothing of them)

@pytest.mark.parametrize(("cpt", "text"), [
    # a pain clinic's fax
    ("62311", "Prior right L5 transforaminal epidural steroid injection 03/2026: unsuccessful."),
    # a scheduler's phone message
    ("64493", "Pt says her last epidural steroid injection in the spring was unsuccessful, "
              "wants to try the facet one."),
    # a referral form
    ("62311", "Previous procedures: caudal epidural steroid injection x1 - failed."),
    # a dictation
    ("64493", "She underwent an interlaminar steroid injection at L4-5 in 2025 which was "
              "ineffective."),
])
def test_a_failed_spinal_injection_is_no_failed_conservative_care(cpt: str, text: str) -> None:
    assert "failed_conservative" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text"), [
    # guards: the care itself said to fail, beside an injection
    ("62311", "Epidural steroid injection 2025 was unsuccessful, and conservative care "
              "(PT, naproxen) has failed as well."),
    ("64493", "Failed conservative treatment. A steroid injection is planned."),
])
def test_conservative_care_said_to_fail_beside_an_injection_still_reads(cpt: str,
                                                                         text: str) -> None:
    assert read(text, cpt).get("failed_conservative") is True


def test_a_joint_injection_under_97110_still_dates_the_last_failed_treatment() -> None:
    # (97110's own rule: a shoulder injection with no relief is its last failed treatment)
    got = read("Subacromial corticosteroid injection 10/14/2026 - no relief.", "97110")
    assert got.get("last_failed_conservative_date") == "2026-10-14"


# --- a cosmetic aim beside a musculoskeletal condition to treat is not cosmetic only -------
# (the fact asks whether the therapy is "for cosmetic purposes only, with no pain or
# functional problem to treat": a nurse reading both in one note answers no)

@pytest.mark.parametrize("text", [
    # a referral form
    "Referral form. Goals: improve his appearance (posture for photos). Dx: right rotator "
    "cuff tendinitis, painful overhead reach.",
    # a chiropractor's letter
    "Chiro letter: she asks whether exercise will improve her appearance; she also has "
    "chronic low back pain with stiffness every morning.",
    # a physician's letter
    "Dear colleague, the patient hopes to improve her appearance before the wedding; she has "
    "lumbar strain with pain on bending.",
])
def test_a_cosmetic_aim_beside_a_condition_to_treat_is_not_cosmetic_only(text: str) -> None:
    got = read(text, "97110")
    assert got.get("cosmetic_purpose") is True
    assert got.get("cosmetic_only") is False


def test_cosmetic_only_read_beside_a_condition_to_treat_is_asked() -> None:
    # a dermatologist's consult: the word "cosmetic" beside the shoulder the referral is for
    got = read("Derm consult: the scar is a cosmetic matter; PT will not change it. Her "
               "frozen shoulder with painful, limited reach is why she was referred.", "97110")
    assert "cosmetic_only" not in got


@pytest.mark.parametrize("text", [
    # guards: another person's condition, and a request with no problem to treat
    "Cosmetic request: wants to look less hunched. Her sister has knee arthritis.",
    "She wants PT to tone her arms for the wedding photos - cosmetic. No pain, no injury.",
])
def test_a_cosmetic_request_with_no_condition_of_the_patients_stays_cosmetic(text: str
                                                                             ) -> None:
    assert read(text, "97110").get("cosmetic_only") is not False


def test_cosmetic_only_said_in_so_many_words_stands_beside_a_condition() -> None:
    # a portal request: the writer's own answer to the question
    got = read("Low back pain x 16 weeks. Therapy requested for cosmetic purposes only.",
               "97110")
    assert got.get("cosmetic_only") is True

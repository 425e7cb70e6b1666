"""Session 29, coordinator: a procedure code dictated digit by digit after its label
("CPT 6 4 4 9 3", speech recognition) names the procedure; outside tester 28's dictated
facet note was taken for physical therapy from the history's words."""

from __future__ import annotations

from datetime import date

from agent.reading import understand


def _cpt(text: str) -> str | None:
    return understand(text, cpt=None, pending=[], as_of=date(2026, 12, 5)).cpt


def test_a_code_dictated_digit_by_digit_names_the_procedure() -> None:
    for text, cpt in (
        ("Low back pain 14 months. Physical therapy 12 weeks, no help. Plan: medial "
         "branch facet injections, CPT 6 4 4 9 3.", "64493"),
        ("She did physical therapy twice. Requesting the lumbar epidural, CPT code 6 2 3 1 1.",
         "62311"),
        ("Cough for 3 months despite physical therapy for his back. Ordering a chest CT, "
         "CPT: 7 1 2 5 0", "71250"),
    ):
        assert _cpt(text) == cpt, text


def test_digits_that_are_no_code_stay_no_code() -> None:
    # a phone number's digits, and a figure after 'code' with a decimal, name nothing
    assert _cpt("Call back on 5 5 5 1 2 about the form.") is None
    assert _cpt("Physical therapy 8 weeks; requesting therapeutic exercise. Zip code 9 0 2 1 0.") \
        == "97110"

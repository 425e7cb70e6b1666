"""Session 28, coordinator: a spirometry report's bronchodilator response is a lab test,
not a course of bronchodilator therapy that failed (71250 necessity.2)."""

from __future__ import annotations

from datetime import date

from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


def test_a_pft_reports_no_bronchodilator_response_is_no_failed_therapy() -> None:
    for text in ("PFT 11/20/2026: FEV1 72% predicted, no bronchodilator response.",
                 "Spirometry (lab, 11/18): moderate obstruction; no bronchodilator response.",
                 "PFTs: FEV1/FVC 0.62, FEV1 64% pred, no bronchodilator response noted."):
        assert "bronchodilator_failed" not in read(text, "71250"), text


def test_bronchodilator_therapy_that_failed_is_still_read() -> None:
    for text in ("No response to bronchodilators; still wheezy on tiotropium and Symbicort.",
                 "Albuterol and Trelegy for 3 months have not helped, no response to "
                 "bronchodilator therapy.",
                 "Inhalers failed."):
        assert read(text, "71250").get("bronchodilator_failed") is True, text


def test_the_case_after_a_question_naming_the_code_keeps_its_therapy() -> None:
    """'does this case qualify for 97110? ...' names physical therapy by its code in the
    question; the PT of the case that follows is the patient's history, not the request."""
    cases = [
        ("does this case qualify for 97110? 44F R shoulder pain x 5 months, 8 weeks of PT "
         "and naproxen failed, pain 6/10", "97110", "failed_conservative", True),
        ("Can you check 97110 for this one? Knee pain since the fall. Physio and "
         "ibuprofen both failed.", "97110", "failed_conservative", True),
        ("64493 - does she qualify?\n62F, axial LBP x 8 months. PT x 14 weeks at "
         "Riverside, no relief.", "64493", "pt_weeks", "14 weeks"),
    ]
    for text, cpt, fact, value in cases:
        got = read(text, cpt)
        assert got.get(fact) == value, (text, got)


def test_the_code_s_own_sentence_still_names_the_request() -> None:
    """Guards: the therapy asked for, in the code's sentence or said to be the request,
    is no therapy the patient had."""
    for text in ("Requesting PT (97110) 2x/wk x 6 wks.",
                 "Does this case qualify for 97110? The request is for PT 2x/week for 6 weeks.",
                 "Is physical therapy 97110 covered for 6 weeks?"):
        got = read(text, "97110")
        assert "conservative_weeks" not in got and "failed_conservative" not in got, (text, got)

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

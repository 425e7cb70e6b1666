"""Session 22, coordinator: dates written with dots (outside tester 22 F3)."""
from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # the message says its dates are day first, in words of its own
    ("H&P 06.11.2026; MRI 09.10.2026 (all dates day.month.year).", "62311", "ct_mri_date",
     "2026-10-09"),
    ("H&P 06.11.2026; MRI 09.10.2026 (all dates day.month.year).", "62311", "hp_date",
     "2026-11-06"),
    ("Imaging: lumbar MRI 11.10.2026 (day-month-year, Lisbon).", "64493", "ct_mri_date",
     "2026-10-11"),
    ("Referral from Porto. Dates are day.month.year throughout. X-ray 02.11.2026.", "97110",
     "xray_date", "2026-11-02"),
    # one of its dates can only be day first, so the others are too
    ("PT finished 28.10.2026. Knee films 05.11.2026.", "97110", "xray_date", "2026-11-05"),
    # one of its dates can only be month first, so the others are too
    ("MRI 11.03.2026. Seen again 11/23/2026 in clinic.", "64493", "ct_mri_date", "2026-11-03"),
    # the date's own twin says which is the month
    ("PFT 04.11.2026 (4 Nov 2026): FEV1 66%.", "71250", "pft_date", "2026-11-04"),
])
def test_a_dotted_date_is_read_where_the_message_settles_its_month(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("MRI 03.09.2026.", "64493", "ct_mri_date"),
    ("Lumbar MRI done 09.10.26 at an outside centre, report attached.", "62311", "ct_mri_date"),
    ("XR knee 11.04.2026 - mild OA.", "97110", "xray_date"),
    ("H&P: 12.1.26 (Dr. Sato).", "62311", "hp_date"),
])
def test_a_dotted_date_either_figure_could_be_the_month_of_is_asked(
        text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None

"""Session 22, figures22: which of several figures is the one the text gives as this
patient's, now. Every text here is the fixer's own wording, in voices unlike the corpus
items that failed (fresh25); each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# A day said with the day it replaces ("X not Y", "not Y, X", "Y (sorry: X)") keeps X: the
# day taken back is no day of the study, whether its month is in figures or in words.
@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Correction to my earlier fax: her lumbar MRI was performed on October 3rd, not "
     "October 30th.", "62311", "ct_mri_date", "2026-10-03"),
    ("mri date is oct 3 not oct 30 pls fix", "62311", "ct_mri_date", "2026-10-03"),
    ("Imaging: MRI L-spine 3 Oct 2026 (not 30 Oct 2026 as previously typed).", "62311",
     "ct_mri_date", "2026-10-03"),
    ("Knee films were taken Sept 9, 2026, not Sept 19.", "97110", "xray_date", "2026-09-09"),
    ("The lumbar MRI was done on the 2nd of November, not the 20th of November.", "62311",
     "ct_mri_date", "2026-11-02"),
])
def test_a_day_taken_back_is_not_the_studys_day(text: str, cpt: str, fact: str,
                                                day: str) -> None:
    assert str(read(text, cpt).get(fact)) == day

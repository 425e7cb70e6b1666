"""Session 26, outside tester 26 F11: a denial of pregnancy beside a test still to come is
the patient's word alone, asked, never "not pregnant". Wordings are this file's own (a
pre-procedure checklist, a nurse's triage line, an MA's intake)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize("text", ["Denies pregnancy, hCG ordered.",
                                  "Pt denies being pregnant, urine hCG pending.",
                                  "States not pregnant - pregnancy test ordered for the AM."])
def test_a_denial_with_a_test_to_come_is_asked(text: str) -> None:
    assert "pregnancy" not in read(text, "62311")


@pytest.mark.parametrize(("text", "value"), [
    ("Denies pregnancy; hCG negative today.", "not_pregnant"),
    ("Urine hCG negative 12/01. Serum hCG pending.", "not_pregnant"),
])
def test_a_test_result_still_settles_it(text: str, value: str) -> None:
    assert read(text, "62311").get("pregnancy") == value

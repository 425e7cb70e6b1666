"""Session 23, coordinator: a test's result right after its name is a test done, so the
patient's own "not pregnant" beside it is read, not asked as her word alone (outside tester
23 F8: "Patient is 32 weeks pregnant per her sister; patient herself says she is not
pregnant (hCG negative 12/01)." read the sister's pregnancy and asked the patient's)."""
from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


@pytest.mark.parametrize(("text", "cpt"), [
    ("Patient says she is not pregnant (hCG negative 12/01).", "97110"),
    ("Pt states she is not pregnant - urine hCG neg this AM.", "64493"),
    ("She tells me she is not pregnant; UPT negative in clinic today.", "62311"),
])
def test_her_word_with_a_test_result_beside_it_is_read(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("pregnancy")) == "not_pregnant"


@pytest.mark.parametrize(("text", "cpt"), [
    # a relative's report against the patient's own tested word: never read pregnant (asked
    # in one sentence, the tested word read across two)
    ("Patient is 32 weeks pregnant per her sister; patient herself says she is not pregnant "
     "(hCG negative 12/01).", "97110"),
    ("Per her husband the patient is 10 weeks pregnant. Pt says she is not pregnant, serum "
     "hCG negative 11/30.", "71250"),
])
def test_a_relatives_pregnancy_against_her_tested_word_is_not_read(text: str,
                                                                   cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text", [
    "Patient says she is not pregnant; no hCG done.",  # the test denied
    "States she is not pregnant. Sister's hCG negative.",  # someone else's test
    "She says she is not pregnant, declined the urine hCG.",  # the test declined
])
def test_her_word_with_no_test_of_hers_is_still_asked(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")

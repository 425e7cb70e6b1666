"""Forms and checklists (session 17, forms17): a box left unticked states nothing. When the
box's own statement is a denial ("☐ Pregnancy test negative", "[ ] Not pregnant",
"[ ] No active infection"), the empty box neither says it nor its opposite, so the fact is
asked (outside tester session 16 F5: read as not pregnant). A ticked denial is still read,
and an unticked positive label keeps its reading. Wordings written by the fixer."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Pre-procedure checklist: ☑ ID band checked ☐ Urine hCG negative "
     "☑ Allergies reviewed", "pregnancy"),
    ("64493", "Nursing pre-op:\n[x] Consent on chart\n[ ] Not pregnant\n[x] NPO since "
     "midnight", "pregnancy"),
    ("62311", "Safety screen - [X] Site marked, [ ] Negative pregnancy test, [X] Labs "
     "reviewed", "pregnancy"),
    ("64493", "Time out: ☐ No active infection   ☑ Correct level confirmed",
     "active_infection"),
    ("62311", "[ ] Pt denies fever or infection\n[x] Consent signed", "active_infection"),
])
def test_unticked_denial_states_nothing(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


# Guards of the fix's edge (they pass without it too): a ticked denial is still read.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # the ticked denial next to the unticked one is still read
    ("64493", "Time out: ☐ Pregnancy test negative   ☑ No active infection",
     "active_infection", "False"),
    ("62311", "Pre-op: [x] Not pregnant  [ ] Site marked", "pregnancy", "not_pregnant"),
    ("64493", "Checklist: [x] hCG negative today, [x] consent", "pregnancy", "not_pregnant"),
])
def test_ticked_denial_still_read(cpt: str, text: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # a row of boxes after a field that opens a new sentence on the line answers that field
    ("64493", "Urine hCG negative. Infection at needle site: [ ] yes [x] no.",
     "active_infection", "False"),
    ("62311", "Consent reviewed. Infection at the site: [ ] yes [x] no. NPO.",
     "active_infection", "False"),
])
def test_box_row_after_a_sentence(cpt: str, text: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value

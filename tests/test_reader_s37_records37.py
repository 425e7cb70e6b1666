"""Records (session 37, records37): a row of a table, an index queue or a spreadsheet whose
later cell, past the record's day, gives the record a status of not on this file ("NOT
RECEIVED", "REJECTED - another patient", "pending - page blank", "on hold", "pendiente"): the
record named in the row is asked, not read on file. A later cell saying it came after all
("now on this chart", "received 12/02") keeps it. Wordings are this file's own (a markdown
table, a tab-separated export, an index queue, a Spanish status, a claims-desk row)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 12, 21))


@pytest.mark.parametrize(
    ("cpt", "fact", "text"),
    [
        ("64493", "specialist_consult_documented",
         "Doc type: Physiatry consult | DOS 10/14/2028 | Status: returned to sender — wrong MRN"),
        ("64493", "medication_list_documented", "Med list w/ doses\t11/02/2028\tmissing"),
        ("64493", "pt_notes_documented",
         "| PT progress notes | 09/01-11/20/2028 | outstanding (2nd request faxed 12/01) |"),
        ("71250", "current_vitals_documented",
         "Vitals flowsheet | 12/19/2028 | blank page, rescan requested"),
        ("71250", "pft_results_documented",
         "PFT report | 06/12/2028 | on hold: other patient's (same name)"),
        ("97110", "treatment_logs_documented",
         "Treatment log | sept–nov 2028 | pendiente (no recibido)"),
        ("62311", "pain_or_pcp_consult_documented",
         "Pain mgmt consult (Dr. Ruiz) | 11/30/2028 | Status: not yet received"),
        ("97110", "treatment_logs_documented",
         "PT log || 09/05/2028 - 11/28/2028 || REJECTED, belongs to another member"),
    ],
)
def test_row_status_not_filed_is_asked(cpt: str, fact: str, text: str) -> None:
    got = read(text, cpt)
    assert got.get(fact) is not True, got


@pytest.mark.parametrize(
    ("cpt", "fact", "text"),
    [
        ("64493", "specialist_consult_documented",
         "Doc type: Rheumatology consult | DOS 11/15/2028 | indexed | supports PT"),
        ("64493", "pt_notes_documented", "PT progress notes | 09/01-11/20/2028 | received 12/02"),
        ("64493", "medication_list_documented",
         "Med list w/ doses | 11/02/2028 | scanned | naproxen 500 mg BID"),
    ],
)
def test_row_without_such_status_keeps_its_record(cpt: str, fact: str, text: str) -> None:
    got = read(text, cpt)
    assert got.get(fact) is True, got


def test_status_in_another_row_leaves_this_one() -> None:
    got = read("Doc type: Pain clinic consult (Dr. Sato, PM&R) | DOS 11/02/2028 | indexed, signed\n"
               "Doc type: Imaging CD | DOS ____ | not received", "64493")
    assert got.get("specialist_consult_documented") is True, got

"""Care tried (session 34, care34): care said to be "not documented" is a gap in the file,
not care never given nor care that did not fail. Wordings are this file's own (a payer's
denial remark, a reviewer's checklist, a nurse's summary)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- care "not documented": asked, never none ------------------------------------------------
# (a payer's remark "Conservative care not documented" was read as no conservative care at
# all, 0 weeks and not failed: a false denial of care the patient may well have had)

@pytest.mark.parametrize(("cpt", "text", "facts"), [
    # a payer's denial remark
    ("62311", "Denial remark: conservative therapy not documented.",
     ("conservative_weeks", "conservative_treatments", "conservative_courses_failed",
      "failed_conservative")),
    ("97110", 'Reviewer\'s note: "Conservative management: not documented."',
     ("conservative_weeks", "failed_conservative")),
    # a checklist row
    ("64493", "Physical therapy not documented.", ("pt_weeks", "pt_courses_failed")),
    # the denial before the care
    ("97110", "There is no documented conservative treatment in the packet.",
     ("conservative_weeks", "failed_conservative")),
    # the failure itself said to be undocumented
    ("71250", "Failed conservative therapy - not documented.",
     ("failed_conservative",)),
    ("62311", "Failed conservative care not documented by the referring office.",
     ("failed_conservative", "conservative_weeks")),
])
def test_undocumented_care_is_asked(cpt: str, text: str, facts: tuple[str, ...]) -> None:
    got = read(text, cpt)
    for fact in facts:
        assert fact not in got, (fact, got)


# near misses: care denied outright stays none; a record "not documented" stays not on file
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "She has had no conservative treatment.", "conservative_weeks", "0"),
    ("64493", "Physical therapy: never done.", "pt_weeks", "0"),
    ("97110", "No conservative care to date.", "failed_conservative", False),
    ("64493", "PT notes not documented.", "pt_notes_documented", False),
    ("97110", "Treatment logs: not documented.", "treatment_logs_documented", False),
    ("64493", "Medication list not documented.", "medication_list_documented", False),
])
def test_denied_care_and_missing_records_stay(cpt: str, text: str, fact: str,
                                              value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_documented_care_beside_a_missing_record_is_read() -> None:
    got = read("PT notes not documented; she did PT for 8 weeks.", "64493")
    assert got.get("pt_weeks") == "8 weeks"
    assert got.get("pt_notes_documented") is False


# --- a quotation named as what is missing: the payer's words, no finding -----------------------
# (a pend letter's list "'failed conservative treatment (2 PT courses)' as missing" was read as
# care failed, two courses: a false approval of what the payer says is not there)

@pytest.mark.parametrize(("cpt", "text", "facts"), [
    ("64493", "Their pend notice lists 'failed conservative therapy (PT x 2 courses)' as missing.",
     ("failed_conservative", "pt_courses_failed")),
    ("62311", 'The reviewer named "two failed courses of conservative care" as still outstanding.',
     ("failed_conservative", "conservative_courses_failed")),
    ("97110", "Portal message: 'conservative care failed, 12 weeks' listed as required.",
     ("failed_conservative", "conservative_weeks")),
])
def test_quotation_named_missing_is_not_read(cpt: str, text: str,
                                             facts: tuple[str, ...]) -> None:
    got = read(text, cpt)
    for fact in facts:
        assert fact not in got, (fact, got)


# near misses: what the writer says after the quotation is read; a quotation of the patient is
# the patient's; care judged "insufficient" was still had
def test_answer_after_a_missing_quotation_is_read() -> None:
    got = read("The letter lists 'failed PT' as missing. He did 8 weeks of PT and took "
               "naproxen; neither helped.", "64493")
    assert got.get("pt_weeks") == "8 weeks"
    assert got.get("failed_conservative") is True


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "He says 'nothing helped' after 8 weeks of PT.", "failed_conservative", True),
    ("64493", "The payer judged 'PT 12 weeks' as insufficient.", "pt_weeks", "12 weeks"),
])
def test_other_quotations_stay(cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value

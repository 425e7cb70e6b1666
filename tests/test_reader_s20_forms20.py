"""Structure that carries meaning (session 20, forms20): whose file a record is said to be
missing from, a record still on its way, a list's heading and where it ends. Wordings are
forms20's own, in several voices (a phone slip, a chat reply, a fax cover, a portal box)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# ---------------------------------------------------------------- whose file lacks it

@pytest.mark.parametrize(("text", "fact", "cpt"), [
    ("Called Lakeside PT: they don't have her med list, she fills meds through the PCP.",
     "medication_list_documented", "64493"),
    ("Spoke with Dr. Orr's office - they do not have any PT notes for him.",
     "pt_notes_documented", "64493"),
    ("Front desk at Summit Spine says they haven't got his PT notes, try the hospital.",
     "pt_notes_documented", "64493"),
    ("Dr. Orr's office has no PT notes for him.", "pt_notes_documented", "64493"),
    ("msg from pharmacy - pharmacy does not have a med list for her, only fills.",
     "medication_list_documented", "64493"),
])
def test_another_holders_gap_says_nothing_of_our_file(text: str, fact: str, cpt: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "fact"), [
    ("We don't have his med list yet.", "medication_list_documented"),
    ("Chart has no med list.", "medication_list_documented"),
    ("Our office does not have the PT notes.", "pt_notes_documented"),
    ("Don't have her PT notes.", "pt_notes_documented"),
])
def test_our_own_files_gap_is_still_a_no(text: str, fact: str) -> None:
    assert str(read(text, "64493").get(fact)) == "False"


# ---------------------------------------------------------------- on its way

@pytest.mark.parametrize(("text", "facts"), [
    ("PHONE MSG 11/30 from Brightwater Ortho: sending PT notes and med list later today.",
     ["pt_notes_documented", "medication_list_documented"]),
    ("Rehab says they're faxing over the PT notes this afternoon.", ["pt_notes_documented"]),
    ("Westside PT is e-mailing the PT notes + med list, should have them by Friday.",
     ["pt_notes_documented", "medication_list_documented"]),
    ("Call from Kim at Peak PT, she's forwarding his PT notes and the med list.",
     ["pt_notes_documented", "medication_list_documented"]),
])
def test_a_record_someone_is_sending_is_not_on_file_yet(text: str, facts: list[str]) -> None:
    got = read(text, "64493")
    for fact in facts:
        assert fact not in got


@pytest.mark.parametrize("text", [
    "Sending PT notes (attached) and med list with doses.",
    "We are faxing the PT notes now.",
    "We're sending the PT notes with this request.",
    "I am uploading his PT notes to the portal today.",
])
def test_the_writers_own_sending_or_an_attachment_is_on_file(text: str) -> None:
    assert str(read(text, "64493").get("pt_notes_documented")) == "True"


# ---------------------------------------------------------------- a heading's list

@pytest.mark.parametrize(("text", "count"), [
    ("Failed: naproxen x 8 wk; medrol dosepak. Tramadol prn - still taking, it helps. "
     "Chiro x6 visits no benefit.", "2"),
    ("Failed: diclofenac 75 BID x 2 mo, prednisone taper. Duloxetine 60 continuing, helping "
     "her mood and sleep. Home exercises - no improvement.", "2"),
    ("meds failed: celecoxib x 6 wk, methocarbamol. Gabapentin is helping a bit. "
     "PT x 8 wk no change.", "2"),
    ("Failed: ibuprofen 800 TID x6wk, meloxicam x4wk, pregabalin (current, helps).", "2"),
])
def test_an_item_still_helping_is_no_failed_course_under_a_heading(text: str,
                                                                   count: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == count


def test_a_heading_still_heads_its_items_past_a_full_stop() -> None:
    text = "Failed: naproxen x8wk. Meloxicam x6wk. Medrol dosepak."
    assert str(read(text, "64493").get("medication_courses_failed")) == "3"


# ---------------------------------------------------------------- a visit done, its note not here

@pytest.mark.parametrize(("text", "cpt"), [
    ("ortho consult 11/20 - no note yet", "97110"),
    ("Ortho consult 11/20/2026, no note yet; pt says he recommended PT.", "97110"),
    ("Rheumatology consult 11/18/2026 - still waiting on the letter.", "97110"),
    ("Ortho consult 11/20/2026 - no letter received yet", "97110"),
    ("pulm consult 11/20/2026 - note not back yet", "71250"),
])
def test_a_consult_whose_note_is_not_here_is_not_on_file(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is not True


# ---------------------------------------------------------------- a row's sex and age

@pytest.mark.parametrize("text", [
    "| K.Orr (F, 71) | BCBS | MRI |",
    "Pt: Lopez, A  F/68  Medicare",
    "female, 74, R knee OA, referred for PT",
    "PENDING: D. Ruiz - F,63 - Humana - needs XR",
])
def test_a_woman_past_sixty_in_a_rows_sex_and_age_is_not_applicable(text: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) == "not_applicable"


@pytest.mark.parametrize("text", [
    "| J.Saenz (F, 32) | Aetna |",
    "T 101 F, 72 bpm, RR 18",
    "Temp 98.6F, 72",
    "F, 66 kg",
])
def test_a_younger_woman_or_a_temperature_is_no_such_age(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")


# ---------------------------------------------------------------- a score table's grade

@pytest.mark.parametrize(("text", "grade"), [
    ("FABQ-W 38 = severe per PT", "severe"),
    ("QuickDASH 52 = moderate", "moderate"),
    ("| LEFS | 61/80 -> mild |", "mild"),
    ("ODI 22% = mild (pt self-report, 11/30)", "mild"),
])
def test_a_scores_grade_after_an_equals_sign_or_arrow_is_read(text: str, grade: str) -> None:
    assert str(read(text, "97110").get("functional_impairment")) == grade


@pytest.mark.parametrize("text", [
    "QuickDASH 59 = moderate-severe disability",
    "ODI 44% - moderate-severe disability",
    "Oswestry: mild-moderate disability per PT",
])
def test_a_grade_straddling_a_range_is_no_grade(text: str) -> None:
    assert "functional_impairment" not in read(text, "97110")


def test_the_examiners_own_grade_beside_a_range_is_read() -> None:
    text = ("QuickDASH 59 = moderate-severe disability; OT rates overall functional "
            "impairment moderate.")
    assert str(read(text, "97110").get("functional_impairment")) == "moderate"


# ---------------------------------------------------------------- a named bleeding disorder

@pytest.mark.parametrize("text", [
    "Heme: von Willebrand type 1 - hematologist calls it severe; DDAVP before any procedure.",
    "PMH: severe vWD (hematology follows), on tranexamic acid for procedures.",
    "Known severe von Willebrand disease, factor levels checked by heme 10/2026.",
])
def test_a_named_bleeding_disorder_called_severe_is_one(text: str) -> None:
    assert read(text, "62311").get("severe_comorbidities") == ["bleeding_disorder"]


# ---------------------------------------------------------------- a form's sex cell

@pytest.mark.parametrize("text", [
    "FROI: Employee Marcus Bell, M, DOB 03/11/1975, warehouse selector.",
    "Claimant: D. Osei; M; DOB 1/2/1980; forklift operator",
    "Employee: Tom Reyes, M, date of birth 02/02/1981, night shift.",
])
def test_a_male_sex_cell_beside_a_birth_date_is_not_applicable(text: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) == "not_applicable"


@pytest.mark.parametrize("text", [
    "Claimant: J. Ortiz, F, DOB 04/02/1990",
    "Smith, Jane (F), DOB 1/1/1990",
])
def test_a_female_sex_cell_says_nothing_of_pregnancy(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")


# ---------------------------------------------------------------- a box's shortenings

@pytest.mark.parametrize(("text", "value"), [
    ("5 wks postpartum (SVD 11/14), not preg", "not_pregnant"),
    ("Preg: N   Infx: N   Cosmetic: N", "not_pregnant"),
    ("pt is preg, 20 wks, LBP/SIJ", "pregnant"),
    ("preg: n/a (♂) / DM: - / HTN: -", "not_applicable"),
    ("Pregnancy: n/a (♂)", "not_applicable"),
])
def test_a_shortened_pregnancy_field_is_read(text: str, value: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) == value


@pytest.mark.parametrize("text", [
    "Pregnancy: n/a (not asked)",
    "Pregnancy: n/a (see note)",
    "preg test pending",
])
def test_an_na_with_a_remark_or_a_test_pending_says_nothing(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")

"""Structured text whose structure the reader misread (session 13, fresh16).

A form's coded option ("1. Yes") is no score; a blank field with a remark of plan beside
it is unanswered; "today" under a dated section header is that header's day; a CSV row
is a record, whose cells belong to that row alone. Each rule also keeps plain statements
read.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# --- a coded option after a form's item is a code, not a figure ---------------------------

@pytest.mark.parametrize("text", [
    "J0300. Pain Presence: 1. Yes\nJ0400. Pain Frequency: 2. Frequently",
    "Pain interview - any pain in the last 5 days? 1. Yes",
    "Pain frequency: 3. Occasionally",
    "Pain: 0. No",
    "Q7 Pain (verbal descriptor): 3. Severe",
])
def test_a_form_s_coded_option_is_no_pain_score(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize(("text", "score"), [
    ("J0600A. Numeric Rating Scale (00-10): 07", "7"),
    ("J0300. Pain Presence: 1. Yes\nJ0600A. Numeric Rating Scale (00-10): 07", "7"),
    ("Pain (0-10): 06", "6"),
    ("Pain score 7. No radiation to the legs.", "7"),
    ("Numeric pain rating: 8/10 today", "8"),
])
def test_a_zero_padded_or_plain_pain_score_is_still_read(text: str, score: str) -> None:
    assert read(text, "64493").get("pain_nrs") == score


# --- a blank field with a remark of plan is unanswered ------------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Neuro exam: ________ (to be done at visit)\nPain evaluation: ________",
     "hp_exam_neuro_pain_documented"),
    ("64493", "Active infection: ____ (pending UA)", "active_infection"),
    ("64493", "Cosmetic: ___ - to be asked at the visit", "cosmetic_purpose"),
    ("64493", "Pain (0-10): ___ (will obtain at visit)", "pain_nrs"),
    ("97110", "Pregnant: ______ (pt to confirm)", "pregnancy"),
])
def test_a_blank_field_with_a_remark_beside_it_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_filled_field_with_a_remark_is_still_read() -> None:
    got = read("Active infection: no (UA negative 11/24)\nCosmetic: ___ (to be asked)", "64493")
    assert got.get("active_infection") is False
    assert "cosmetic_purpose" not in got


# --- "today" under a dated section header is that header's day ----------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("PT recert, see above.\n\n---- MD ADDENDUM (Dr. L. Farouk, PCP) 11/24/2026 ----\n"
     "Full H&P today: PMH: GERD; meds: omeprazole; allergies: sulfa; surgeries: C-section "
     "2015. Neuro: L5 sensory loss, reflexes symmetric. Pain evaluation: 8/10.",
     date(2026, 11, 24)),
    ("=== Late entry 11/18/2026 ===\nH&P today: history reviewed, neuro exam and pain "
     "evaluation done.", date(2026, 11, 18)),
    ("Addendum 11/20/2026 (Dr. Shah):\nH&P today, see exam below.", date(2026, 11, 20)),
])
def test_today_under_a_dated_section_header_is_that_day(text: str, day: date) -> None:
    assert read(text, "62311").get("hp_date") == day.isoformat()


def test_today_after_a_blank_line_below_the_header_is_not_the_header_s() -> None:
    text = ("---- Addendum 11/24/2026 ----\nReviewed imaging.\n\n"
            "H&P today: history reviewed, neuro exam and pain evaluation done.")
    assert read(text, "62311").get("hp_date") != "2026-11-24"


# --- a CSV row is a record: its cells belong to its own row ------------------------------

def test_a_csv_row_s_date_is_its_own_row_s() -> None:
    text = ("patient_id,field,value,unit,date,source\n"
            "20917,FEV1_pct_pred,66,%,2026-10-20,PFT lab\n"
            "20917,SpO2_room_air,90,%,2026-11-29,ED triage\n"
            "20917,temp_max_24h,37.5,C,2026-11-29,ED flowsheet")
    assert read(text, "71250").get("pft_date") in (None, "2026-10-20")


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "patient_id,field,value,unit,date,source\n20917,PFT_report_on_file,Y,,,PFT lab\n"
     "20917,SpO2_room_air,90,%,2026-11-29,ED triage", "pft_date"),
    ("64493", "id,item,value,date,source\n4411,MRI,on file,,radiology\n"
     "4411,PT_weeks,14,wk,2026-11-20", "ct_mri_date"),
    ("64493", "id,item,value,date\n9,X-ray L-spine,on file,\n9,office visit,seen,2026-11-20",
     "xray_date"),
    ("71250", "mrn,item,value,date\n55,chest x-ray,,\n55,pft,done,2026-10-01",
     "chest_images_documented"),
])
def test_a_csv_row_s_label_never_takes_the_next_row_s_cells(cpt: str, text: str,
                                                           fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_csv_row_s_own_value_is_still_read() -> None:
    got = read("id,test,value,unit,date\n7,WBC,14.3,10^3/uL,2026-11-30\n"
               "7,temp,38.4,C,2026-11-30", "71250")
    assert got.get("body_temperature") == "38.4 C"


# --- a table's cells: a yes column is no unit, empty cells are no answer -----------------

@pytest.mark.parametrize("text", [
    "PT LOG\nWeeks\tSessions/wk\tChest ex.\tNotes\n14\t1\tY\tpt ill",
    "Week\tDone\n3\tY",
    "PT wk\tchest ex\tlog\n12\ty\ty",
    "Rehab weeks\tMet?\n8\tY",
])
def test_a_yes_column_after_a_tab_is_no_years(text: str) -> None:
    weeks = read(text, "71250").get("pt_weeks")
    assert weeks is None or "year" not in str(weeks)


def test_a_figure_and_its_unit_cell_are_still_read() -> None:
    assert read("Therapy\tDuration\nPT\t14 wks", "71250").get("pt_weeks") == "14 weeks"


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "Item\tOn file\tDate\nCBC + BMP\tY\t12/03/2026\nPulm consult\t\t",
     "specialist_consult_documented"),
    ("64493", "Exclusion\tAnswer\tSource\nActive infection\t\t\nCosmetic\tN\tPCP",
     "active_infection"),
    ("64493", "Record\tReceived\tDate\nMRI report\t\t\nPT notes\tY\t11/02/2026",
     "ct_mri_date"),
    ("97110", "Field\tValue\tWho\nPregnant\t\t\nAge\t44\tMA", "pregnancy"),
])
def test_a_spreadsheet_row_with_empty_cells_is_unanswered(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_spreadsheet_row_with_its_answer_is_still_read() -> None:
    got = read("Exclusion\tAnswer\tSource\nActive infection\t\t\nCosmetic\tN\tPCP", "64493")
    assert got.get("cosmetic_purpose") is False


# --- an addendum's own date is not the study's it names -----------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("MRI L-SPINE 06/25/2026: facet degeneration.\nADDENDUM to the 06/25 report, 06/27/2026: "
     "comparison made with the outside CT.", "2026-06-25"),
    ("MRI lumbar 10/02/2026 - L4-5 facet arthropathy.\nAddendum (Dr. Roy) 10/05/2026: MRI "
     "findings discussed with the referring office.", "2026-10-02"),
    ("CT L-spine 09/14/2026: no fracture.\n=== Late entry 09/20/2026: CT images re-reviewed ===",
     "2026-09-14"),
    ("Amendment 11/01/2026 re MRI of 10/20/2026: no change to impression.", "2026-10-20"),
])
def test_an_addendum_s_date_is_not_the_study_s(text: str, day: str) -> None:
    assert read(text, "64493").get("ct_mri_date") in (None, day)


def test_a_study_dated_inside_an_addendum_s_text_is_still_read() -> None:
    text = "ADDENDUM 11/24/2026:\nMRI L-spine 11/03/2026: foraminal stenosis at L5-S1."
    assert read(text, "64493").get("ct_mri_date") == "2026-11-03"


def test_a_spreadsheet_row_answered_before_its_empty_cells_is_still_read() -> None:
    text = ("Item\tStatus\tSource\tDate\nSpecialist consult\ton file\tpulm\t11/30/2026\n"
            "Cosmetic\tno\t\t")
    assert read(text, "71250").get("cosmetic_purpose") is False


# --- a criteria worksheet's first column holds the payer's thresholds ---------------------

@pytest.mark.parametrize(("text", "fact", "threshold"), [
    ("CRITERION                       | MET? | EVIDENCE\n"
     "PT >= 12 wks                    | Y    | PT 7/15-10/21/26 = 14 wks\n"
     " - exercise/stretching 6 wks    | Y    | 8 wks per d/c summary", "pt_exercise_weeks",
     "6 weeks"),
    ("Requirement | Met | Evidence\nNRS >= 4 | Y | see pain clinic note", "pain_nrs", "4"),
    ("| Criteria | Met? | Notes |\n| Symptoms >= 6 wks | Y | since spring |", "symptom_weeks",
     "6 weeks"),
    ("CRITERION | MET? | EVIDENCE\nX-rays: >= 2 sets, latest <= 6 mo | Y | R hip, see chart",
     "xray_sets", "2"),
])
def test_a_worksheet_criterion_s_figure_is_no_patient_figure(text: str, fact: str,
                                                            threshold: str) -> None:
    cpt = "97110" if fact == "xray_sets" else "64493"
    assert read(text, cpt).get(fact) != threshold


def test_a_worksheet_s_evidence_is_still_read() -> None:
    text = ("CRITERION | MET? | EVIDENCE\nNRS >= 4 | Y | 7/10 at pain clinic 11/18/26\n"
            "CT/MRI spine <= 6 mo | Y | MRI L-spine 10/02/2026")
    got = read(text, "64493")
    assert got.get("pain_nrs") == "7"
    assert got.get("ct_mri_date") == "2026-10-02"


# --- more dated headers: a pasted note's bracketed header, an ED provider note's title ---

@pytest.mark.parametrize(("text", "day"), [
    ("[Pasted note 1 - pain clinic, 11/05/2026]\nLBP, PT failed.\n"
     "[Pasted note 2 - same patient, 12/01/2026, one month later]\n"
     "H&P today: medications, allergies, surgical history; neuro exam and pain evaluation.",
     "2026-12-01"),
    ("[Copied from PCP chart, 11/20/2026]\nH&P today: meds, allergies, surgeries, neuro exam.",
     "2026-11-20"),
])
def test_today_under_a_bracketed_dated_header_is_that_day(text: str, day: str) -> None:
    assert read(text, "62311").get("hp_date") == day


# --- a form's item code at a row's start is no spinal level wrapping the row above -------

@pytest.mark.parametrize(("text", "fact", "value"), [
    ("C1c Pain ed/self-mgmt ......... 3 wk\nC2  PT plan of care + progress notes attached "
     "(Y/N): Y", "pt_weeks", "3 weeks"),
    ("T1  Manual therapy 4 wk\nT2  PT total (see d/c summary)", "pt_weeks", "4 weeks"),
    ("S3 Education weeks: 3 wk\nS4\tPT notes on file", "pt_weeks", "3 weeks"),
    ("L2  Exercise 6 wk\nL3  PT plan + notes", "pt_weeks", "6 weeks"),
])
def test_a_form_row_s_figure_is_not_the_next_coded_row_s(text: str, fact: str,
                                                         value: str) -> None:
    assert read(text, "64493").get(fact) != value


def test_a_spinal_level_wrapped_onto_the_next_line_still_joins_its_sentence() -> None:
    text = "MRI L-spine 10/02/2026: foraminal stenosis compressing the\nL5 root."
    assert read(text, "64493").get("ct_mri_date") == "2026-10-02"

"""Numbers (session 34, lengths34): counts of courses and sets, and lengths of care, that
the words around them qualify. Wordings are this file's own, in several voices (a UR
nurse's summary, a payer's remark, an orthopaedic note, a referral from abroad, a fax)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


def _str(value: object) -> str | None:
    return None if value is None else str(value)


# --- care missing from the papers is not care never given ------------------------------------
# (a payer's remark "Conservative care not documented" was read as 0 weeks of conservative
# care and a care that had not failed: a false denial of 97110)

@pytest.mark.parametrize("text", [
    # a payer's remark, quoted
    'EOB remark: "Conservative treatment not documented."',
    # a UR nurse's worksheet
    "Conservative care - not on file; requested from the PCP.",
    # a reviewer's note, the denial before the care
    "There is no documentation of conservative management in the packet.",
])
def test_care_not_documented_is_no_zero(text: str) -> None:
    got = read(text, "97110")
    assert _str(got.get("conservative_weeks")) not in ("0", "0 weeks")


def test_care_not_documented_leaves_the_papers_denied() -> None:
    # (the treatment logs are the papers: their denial stays read)
    got = read("Conservative care not documented; no treatment logs submitted.", "97110")
    assert got.get("treatment_logs_documented") is False
    assert "conservative_weeks" not in got


def test_care_never_given_still_reads_none() -> None:
    # near-miss: the care itself denied
    got = read("No conservative care tried so far.", "97110")
    assert _str(got.get("conservative_weeks")) in ("0", "0 weeks")


def test_pt_weeks_not_on_file_is_no_zero() -> None:
    got = read("Physical therapy not documented in the chart.", "64493")
    assert _str(got.get("pt_weeks")) not in ("0", "0 weeks")


# --- a count of failed courses where the numbered courses are too short ------------------------
# (outside tester 33 F14: "course 1 ... (4 wks); course 2 PT (4 wks); ... 2 courses failed"
# read 2 failed courses, and 62311, which counts 6-week courses, passed)

def test_short_numbered_courses_count_none() -> None:
    text = ("Cons tx: course 1 naproxen + home stretching program (3 wks); course 2 physio "
            "(5 wks); 2 courses failed, no change in leg pain.")
    assert _str(read(text, "62311").get("conservative_courses_failed")) == "0"


def test_one_short_numbered_course_counts_the_other() -> None:
    text = ("Conservative treatment: Course 1: PT twice weekly, 8 weeks. Course 2: "
            "gabapentin, 4 weeks. Two courses failed.")
    assert _str(read(text, "62311").get("conservative_courses_failed")) == "1"


def test_long_enough_numbered_courses_keep_the_count() -> None:
    # near-miss: both courses at least six weeks, the count stands as said
    text = ("Cons tx: course 1 naproxen + walking program (7 wks); course 2 physio "
            "(6 wks); 2 courses failed.")
    assert _str(read(text, "62311").get("conservative_courses_failed")) == "2"


def test_count_other_than_the_courses_listed_is_asked() -> None:
    text = "Course 1: meloxicam, 3 weeks. Course 2: PT, 9 weeks. Three courses failed."
    assert "conservative_courses_failed" not in read(text, "62311")


# --- one course's length in a referral from abroad --------------------------------------------
# (fresh37, phrase33a: "to serier à 6 uker", "dous ciclos de 6 semanas" read 6 weeks of
# therapy in all, which denies 64493's 12 weeks)

@pytest.mark.parametrize("text", [
    "Fysioterapi: to serier à 8 uker, uten effekt.",
    "Fysioterapi: tre runder à 5 uker hos kommunal fysioterapeut.",
    "Fisioterapia: dous ciclos de 7 semanas, sen mellora.",
    "Fisioterapia: dois ciclos de 7 semanas sem melhora.",
])
def test_each_course_abroad_is_no_total(text: str) -> None:
    weeks = _str(read(text, "64493", as_of=date(2028, 6, 6)).get("pt_weeks"))
    assert weeks not in ("8 weeks", "5 weeks", "7 weeks")


def test_one_length_abroad_still_reads() -> None:
    # near-miss: a length with no count of courses ("sendt to ganger": sent twice)
    got = read("Fysioterapi i 9 uker, henvist to ganger.", "64493", as_of=date(2028, 6, 6))
    assert _str(got.get("pt_weeks")) == "9 weeks"


# --- none earlier is not none -----------------------------------------------------------------
# (outside tester 33 F9: "R elbow X-ray 11/02/2026 (single set; no prior films)" read 0 sets)

@pytest.mark.parametrize("text", [
    "Imaging: L shoulder radiographs 10/19/2026 - no previous films on PACS.",
    "Knee X-rays (AP/lat/sunrise) 11/05/2026; no earlier x-rays anywhere.",
])
def test_earlier_ones_denied_is_no_zero(text: str) -> None:
    assert _str(read(text, "97110").get("xray_sets")) != "0"


def test_no_xrays_at_all_still_reads_none() -> None:
    # near-miss: nothing named, the denial is of any
    assert _str(read("Hip pain 3 months. No X-rays yet done.", "97110").get("xray_sets")) \
        in ("0", None)
    assert _str(read("No x-rays of the knee.", "97110").get("xray_sets")) == "0"


# --- one set here, one set there -------------------------------------------------------------
# (phrase33a: "X-rays: 1 set in the camp (2026, film lost), 1 set here on 05/20/2028" read
# the first "1 set" alone, one set where the policy needs two)

def test_two_single_sets_in_figures_are_two() -> None:
    text = "Shoulder films: 1 set at the walk-in clinic (2025), 1 set with us 11/12/2026."
    assert _str(read(text, "97110").get("xray_sets")) == "2"


def test_one_set_in_figures_stays_one() -> None:
    # near-miss: one set, and a pain score of 1 in its sentence
    text = "Knee X-rays: 1 set on 10/01/2026 (3 views), pain 1/10 at rest."
    assert _str(read(text, "97110").get("xray_sets")) == "1"


# --- the parts of therapy in Slovak ------------------------------------------------------------
# (phrase33a: "3 týždne edukácie o zvládaní bolesti" read 3 weeks of symptoms, from the
# pain the education was about)

def test_slovak_education_weeks_are_no_symptom_length() -> None:
    text = ("Rehabilitácia 10 týždňov: 6 týždňov cvičenia, 4 týždne edukácie o zvládaní "
            "bolesti.")
    got = read(text, "64493", as_of=date(2028, 6, 6))
    assert "symptom_weeks" not in got
    assert _str(got.get("pt_education_weeks")) == "4 weeks"
    assert _str(got.get("pt_exercise_weeks")) == "6 weeks"


def test_slovak_pain_length_still_reads() -> None:
    # near-miss: the pain's own length
    got = read("Bolesti chrbta 5 mesiacov.", "64493", as_of=date(2028, 6, 6))
    assert _str(got.get("symptom_weeks")) == "5 months"


# --- numbered courses told at length, then their total ----------------------------------------
# (fresh37: "Conservative: course 1 PT + ibuprofen 600 TID, 6 weeks, no change; course 2 PT +
# work-positioning seat + lost 5 kg, 7 weeks, no change — 13 weeks" read the first course's
# 6 weeks as all of the care)

def test_numbered_courses_then_their_total() -> None:
    text = ("Cons tx: course 1 naproxen 500 BID with a daily walking plan, 8 weeks, no relief; "
            "course 2 physio twice a week at the clinic, 6 weeks, no relief - 14 weeks.")
    assert _str(read(text, "62311").get("conservative_weeks")) == "14 weeks"


def test_numbered_courses_then_another_care_are_no_total() -> None:
    # near-miss: the next length is a home program's, the total said after it is all care
    text = ("Conservative care: course 1 meloxicam with a weight-loss diet (5 wks); course 2 PT "
            "(5 wks); then home exercises 4 wks; 14 wks in all.")
    assert _str(read(text, "62311").get("conservative_weeks")) == "14 weeks"


# --- a requirement a letter lists as missing ---------------------------------------------------
# (phrase33b: "The letter lists 'failed conservative treatment (2 PT courses)' as missing" read
# two failed PT courses and a failed conservative treatment)

@pytest.mark.parametrize("text", [
    "Pend notice: the plan marked 'two failed courses of PT' as outstanding.",
    'Checklist from the payer shows "14 weeks of physical therapy" as not documented.',
])
def test_quoted_requirement_listed_as_missing_is_not_read(text: str) -> None:
    got = read(text, "64493")
    assert "pt_courses_failed" not in got and "pt_weeks" not in got


def test_quoted_record_is_still_read() -> None:
    # near-miss: a record's own words quoted, nothing said missing
    got = read("Per the PT discharge note: \"14 weeks of physical therapy, no change\".",
               "64493")
    assert _str(got.get("pt_weeks")) == "14 weeks"


def test_each_course_in_galician_words_is_no_total() -> None:
    # ("cada un": each, in Galician; phrase33a read one course's 6 weeks as all)
    text = "Dous cursos de tratamento conservador de 8 semanas cada un, sen mellora."
    got = read(text, "62311", as_of=date(2028, 6, 13))
    assert _str(got.get("conservative_weeks")) != "8 weeks"


# --- a relative's pain score in a Galician referral -------------------------------------------
# (phrase33a: "A súa muller tamén ten dor de costas, EVA 8" read the wife's 8 as the patient's)

@pytest.mark.parametrize("text", [
    "Dor lumbar dende hai 4 meses. A súa muller ten dor de xeonllo, EVA 9.",
    "Dor lumbar dende hai 4 meses. O seu home tamén ten dor de costas, EVA 9.",
])
def test_relatives_score_abroad_is_not_the_patients(text: str) -> None:
    assert _str(read(text, "64493", as_of=date(2028, 6, 6)).get("pain_nrs")) != "9"


def test_galician_woman_patient_score_still_reads() -> None:
    # near-miss: "muller" alone is the patient herself
    got = read("Muller de 52 anos, dor lumbar, EVA 7/10.", "64493", as_of=date(2028, 6, 6))
    assert _str(got.get("pain_nrs")) == "7"


# --- a medicine its own words say is no failed course -----------------------------------------
# (outside tester 33 F9: "Pt on prednisone 5 mg daily for polymyalgia (not a failed course)."
# was counted as a third failed medication course)

@pytest.mark.parametrize("text", [
    "Also takes methylprednisolone 4 mg for her arthritis (not a failed trial).",
    "Duloxetine 30 mg for mood - did not fail, still on it.",
])
def test_medicine_said_not_failed_is_no_course(text: str) -> None:
    assert "medication_courses_failed" not in read(text, "64493")


def test_medicine_said_failed_still_counts() -> None:
    # near-miss: the failure said of the item itself
    got = read("Naproxen 500 mg BID x 6 wks - failed, no relief.", "64493")
    assert _str(got.get("medication_courses_failed")) == "1"

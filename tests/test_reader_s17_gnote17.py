"""Numbers and totals, and complete notes that reach their decision (session 17, gnote17).

Each test is in the fixer's own wording (not a corpus item's), in several voices, and
asserts what a user would see: the value read, or that the fact is not stated.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A word that carries its own zero ("G0", "nulligravida") restates a denial before it; it is
# not denied again into its opposite (fresh20: "no deliveries (G0)" was read postpartum).
@pytest.mark.parametrize("text", [
    "Screen: no deliveries (G0). Urine hCG neg.",
    "No deliveries to date (nulligravida)",
    "She has no deliveries (G0P0000) and a negative hCG.",
    "Obstetric: no pregnancies, no deliveries (G0P0000)",
])
def test_a_zero_code_after_a_denial_is_not_postpartum(text: str) -> None:
    assert str(read(text, "97110").get("postpartum")) == "False"


def test_a_delivery_is_still_postpartum() -> None:
    assert str(read("G2P2, delivered 3 weeks ago.", "97110").get("postpartum")) == "True"


# The 10 after a score is the scale's top, never a score of its own (fresh20: "Pain in the
# thorax of 6 in 10 today" was read as pain 10).
@pytest.mark.parametrize(("text", "cpt", "want"), [
    ("Pain in the chest of 7 in 10 today.", "71250", "7"),
    ("Axial back pain, 7 in 10 today.", "64493", "7"),
    ("Hip pain - 4 sur 10 today.", "97110", "4"),
    ("Chest pain, 5 in 10 today", "71250", "5"),
])
def test_the_scale_top_is_not_the_score(text: str, cpt: str, want: str) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == want


def test_a_ratio_named_fev1_of_a_percent_is_still_read() -> None:
    got = read("Spirometry showed an FEV1 of 58% of predicted.", "71250")
    assert str(got.get("fev1_percent_predicted")) == "58"


# A scanned figure with a letter for a digit before its unit is not read: which digit it was
# is not known, and the digits left are never the length (fresh20: "PT x l2 wks" = 2 weeks).
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("PT x l2 wks total, no help.", "64493", "pt_weeks"),
    ("Physio I0 wks total", "64493", "pt_weeks"),
    ("PT l4 wks in all, failed", "64493", "pt_weeks"),
    ("PT for l2 weeks total", "64493", "pt_weeks"),
])
def test_a_letter_for_a_digit_is_not_read(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_spine_level_before_a_length_is_still_read() -> None:
    got = read("L2 radiculopathy, PT for 12 weeks without relief.", "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"


# A specialist's consult said on file beside its name, in a sentence whose plan word is the
# procedure's ("recommending CT chest (consult attached)"), or the writer's own consultation
# that someone requested, or a status line ending "- on file": the consult is on file
# (fresh notes asked it although their letters said so).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Rheumatology (Dr. Imhof) reviewed her and wrote a consult recommending supervised PT "
     "(consult attached).", "97110"),
    ("This letter is my spine surgery consultation, requested by Dr. Holt.", "64493"),
    ("Please find our pulmonology consultation, requested by her family doctor.", "71250"),
    ("Sports medicine (Dr. Achebe) consult 11/03/2026 recommends supervised exercise - "
     "on file.", "97110"),
    ("Orthopaedics (Dr. Lee) consult 10/14 advises PT -- in chart.", "97110"),
])
def test_a_consult_said_on_file_is_read(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("specialist_consult_documented")) == "True"


@pytest.mark.parametrize(("text", "cpt"), [
    ("Recommend pulmonology consult.", "71250"),
    ("Ortho consult requested by PCP.", "97110"),
    ("Will request a pain management consult; PCP note attached.", "64493"),
])
def test_a_consult_still_to_come_is_not_read(text: str, cpt: str) -> None:
    assert read(text, cpt).get("specialist_consult_documented") is None


# One length said of each of a count of courses is one course's length, never the time
# the treatment lasted in all (outside tester session 16 F16: "2 courses of 6 weeks" was
# read 6 weeks, a denial): asked. A total said with them is read.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Conservative treatment: 2 courses of 6 weeks.", "97110", "conservative_weeks"),
    ("Conservative care consisted of three courses of 4 weeks.", "62311",
     "conservative_weeks"),
    ("PT: 2 blocks of 12 weeks, no better.", "64493", "pt_weeks"),
])
def test_a_length_of_each_course_is_not_the_total(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_total_said_with_the_courses_is_read() -> None:
    got = read("PT: two courses of 8 weeks each, 16 weeks in all.", "64493")
    assert str(got.get("pt_weeks")) == "16 weeks"


# A named musculoskeletal diagnosis is a musculoskeletal condition (fresh20: "Right shoulder
# adhesive capsulitis" was asked).
@pytest.mark.parametrize("text", [
    "Assessment: L shoulder adhesive capsulitis, 5 months.",
    "Dx - lateral epicondylitis, right elbow (tennis elbow).",
    "Working diagnosis: patellofemoral pain syndrome, both knees.",
    "Referred for de Quervain tenosynovitis of the left wrist.",
])
def test_a_named_msk_diagnosis_is_a_condition(text: str) -> None:
    assert str(read(text, "97110").get("musculoskeletal_condition")) == "True"

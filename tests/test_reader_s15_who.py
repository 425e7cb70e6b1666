"""Words that look like the fact but are not this patient's current fact (session 15,
helper who): an acronym spelled like a pronoun, another's sex word, ... Each test holds
the corpus input that read a false fact (fresh18 and earlier) and wordings of the same
kind written by the helper, with plain statements that must still be read. Readings go
through :func:`agent.reading.understand`."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 5)


read = reader_at(AS_OF)


# f18-64493-tracked-block-and-mri-dates-corrected ("date corrected by HIM": Health
# Information Management), f17-64493-fhir-imaging-studies ("modality MR"): a short word in
# capitals on a line of lower-case words is an acronym, no "him" or "Mr.".
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Diagnostic R L4-5 medial branch block performed [inserted: 09/18/2026] "
     "[deleted: 08/18/2026], 80% relief x 6 h.\nMRI L-spine ~~05/02/2026~~ 06/20/2026 (date "
     "corrected by HIM; 05/02 was the order date)."),
    ("64493", 'ImagingStudy/1: modality MR | description "MRI lumbar spine w/o contrast" | '
     "started 2026-04-30 | status available"),
    # the helper's own wordings
    ("97110", "Knee OA, right. Records request sent to HIM on 11/20; still waiting."),
    ("64493", "Facet pain L4-5. Prior imaging pulled from the HIS archive: MR L-spine 2026."),
    ("71250", "Cough x 8 wks. Outside CT requested, HIM says the disc was mailed 11/28."),
    ("62311", "Referral: lumbar radiculopathy. Order entered in HIS by the MA."),
])
def test_an_acronym_in_capitals_is_no_sex_word(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt)


# The same words as the patient's: still read.
@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "PATIENT IS A 58 YO MAN WITH KNEE OA. HE REPORTS PAIN WITH STAIRS."),
    ("64493", "Mr. Diaz, facet pain L4-5. He reports 7/10 pain."),
    ("64493", "Facet pain. MR. DIAZ reports pain 7/10."),
    ("97110", "Knee OA. Spoke with the pt; he is doing his exercises daily."),
])
def test_the_patient_s_own_sex_words_still_say_not_applicable(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_applicable"


# f18-97110-ob-male-factor-trying ("male-factor infertility (husband's semen analysis)"):
# a sex word that is another person's or a kind of thing is no man.
@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "Fertility consult, male-factor infertility (husband's semen analysis "
     "reviewed). She is actively trying to conceive; LMP 11/20/2026; no test since."),
    # the helper's own wordings
    ("97110", "Knee OA. OB US 11/20: single live male fetus, 22 wks by dates."),
    ("64493", "Facet pain L5-S1. Her male partner drove her to the visit."),
    ("62311", "Lumbar radiculopathy. Male nurse chaperone present for the exam."),
    ("97110", "Hx: male factor infertility workup with her husband, IVF planned 2027."),
])
def test_another_s_sex_word_is_no_answer_to_pregnancy(cpt: str, text: str) -> None:
    got = read(text, cpt)
    assert "pregnancy" not in got and "postpartum" not in got


@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "62 yo male, knee OA; lives with his male partner."),
    ("64493", "Sex: male. Facet pain L4-5."),
])
def test_a_man_with_another_s_sex_word_nearby_is_still_not_applicable(
        cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_applicable"


# f18-62311-mdreview-hypertension-not-severe ('The requesting physician describes "severe
# uncontrolled hypertension". ... I do not consider the hypertension severe.'),
# f18-64493-letter-lawyer-disputes-ime ('The insurer's IME physician opined that ... are
# "cosmetic and exaggerated". We strongly dispute this.'): another's judgment the writer
# rejects right after it is no fact.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", 'The requesting physician describes "severe uncontrolled hypertension". On '
     "review, BP 128/78 and 134/82 on two agents at the last two visits; I do not consider "
     "the hypertension severe. No other comorbid conditions are documented anywhere in the "
     "record.", "severe_comorbidities"),
    ("64493", "The insurer's IME physician opined that Ms. Holt's complaints are \"cosmetic "
     "and exaggerated\". We strongly dispute this. Her treating pain management physician, "
     "Dr. Ruiz, has issued a consultation report (enclosed) recommending lumbar facet "
     "injections to treat her pain.", "cosmetic_purpose"),
    # the helper's own wordings
    ("62311", "Referring note lists severe COPD. I disagree: PFTs 10/2026 are normal and "
     "she has never used an inhaler.", "severe_comorbidities"),
    ("97110", "The adjuster's nurse wrote that the therapy is cosmetic.\nThis is not "
     "accurate; it is for knee function after the fracture.", "cosmetic_purpose"),
    ("71250", "Outside urgent care documented an active pneumonia on 11/02. The record does "
     "not support this: CXR clear, afebrile, no cough.", "bacterial_pneumonia"),
    ("64493", "Peer reviewer felt the pain was 9/10 at rest. We disagree with that reading "
     "of the chart.", "pain_nrs"),
])
def test_a_judgment_the_writer_rejects_right_after_it_is_no_fact(
        cpt: str, text: str, fact: str) -> None:
    got = read(text, cpt)
    assert fact not in got or got[fact] in ([], False)


# The writer's own judgment, or another's left standing: read.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "The requesting physician describes severe uncontrolled hypertension. I agree; "
     "BP 182/110 on three agents.", "severe_comorbidities", ["hypertension"]),
    ("64493", "I do not consider this cosmetic. Ortho consult 11/02 on file.",
     "cosmetic_purpose", False),
    ("62311", "We documented severe uncontrolled diabetes (A1c 11.2). I disagree with the "
     "denial.", "severe_comorbidities", ["diabetes"]),
])
def test_a_judgment_left_standing_or_the_writer_s_own_is_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# f18-71250-bariatric-cosmetic-question-answered ("Is the chest CT for body-contouring
# planning? No -- ..."): a yes/no question opening its line and answered on it is a field,
# its words after the fact's phrase too: "No" denies it, never affirms it.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Is the chest CT for body-contouring planning? No -- it was ordered by "
     "pulmonology to work up the shortness of breath she has had for 4 months; the "
     "bariatric team only noted it."),
    # the helper's own wordings
    ("64493", "Is the injection for cosmetic reasons at all? No, facet pain only."),
    ("97110", "Is this therapy for cosmetic posture goals? No - knee function after ORIF."),
    ("62311", "Is the ESI for cosmetic work? N"),
])
def test_a_question_answered_no_denies_its_words(cpt: str, text: str) -> None:
    assert read(text, cpt).get("cosmetic_purpose") in (None, False)


@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("62311", "Is this request for cosmetic purposes? No", False),
    ("71250", "Is the CT for cosmetic planning? Yes.", True),
])
def test_a_question_answered_on_its_line_is_still_read(cpt: str, text: str, value: bool) -> None:
    assert read(text, cpt).get("cosmetic_purpose") is value


# f18-71250-pretx-past-exacerbations-stable-now ("Hospitalized twice in 2025 for COPD
# exacerbations; none in 2026. Today: stable outpatient, at baseline"): an admission in a
# message that says the patient is well now is over; whether one goes on now is asked.
@pytest.mark.parametrize("text", [
    "Hospitalized twice in 2025 for COPD exacerbations; none in 2026. Today: stable "
    "outpatient, at baseline, no acute issues.",
    # the helper's own wordings
    "Two admissions for AECOPD in 2024.\nSeen today in clinic, at baseline on 2 L.",
    "AECOPD admission 06/2026. Pulm f/u 11/30: no acute issues, lungs clear.",
    "Hospitalized for COPD exacerbation 10/2025. COPD now back to baseline.",
])
def test_a_past_copd_admission_with_the_patient_at_baseline_now_is_asked(text: str) -> None:
    assert "copd_exacerbation_hospitalized" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    "Admitted for COPD exacerbation 11/15/2026, still inpatient.",
    "Admitted 12/02 for AECOPD, on BiPAP. Baseline FEV1 40%.",
])
def test_a_copd_admission_going_on_now_is_still_read(text: str) -> None:
    assert read(text, "71250").get("copd_exacerbation_hospitalized") is True


# f18-64493-pro-odi-promis-no-nrs ("PROMIS Pain Interference 4a: T-score 64.2"): another
# instrument named with "pain" gives no 0-10 pain score.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", 'ODI (11/30/2026): 48% -- severe disability\nPROMIS Pain Interference 4a: '
     'T-score 64.2\nODI section 4 (walking): "Pain prevents me from walking more than 1/4 '
     'mile"\nPain NRS: not recorded on this form'),
    # the helper's own wordings
    ("64493", "LBP. Pain Disability Index 4."),
    ("62311", "Radicular pain. PROMIS pain interference 6."),
    ("97110", "Knee OA. Pain interference: 4 (PROMIS short form)."),
    ("64493", "Pain behaviors 3 observed during exam."),
])
def test_another_pain_instrument_s_figure_is_no_pain_score(cpt: str, text: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("64493", "LBP. PROMIS pain interference 6, NRS 7/10.", "7"),
    ("97110", "Knee pain 6/10 today.", "6"),
])
def test_a_pain_score_beside_another_instrument_is_still_read(
        cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == value


# f18-62311-ob-pain-before-and-after-treatment ("(at 34 wks gestation) her back/leg pain
# was 5/10"): a pregnancy's age is no length of the symptoms.
@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "Before any treatment (at 34 wks gestation) her back/leg pain was 5/10. After 8 "
     "wks of postpartum PT plus gabapentin it is 8/10."),
    # the helper's own wordings
    ("62311", "Low back pain, 28 wks pregnant."),
    ("64493", "Sciatica in a G2P1 at 30 weeks gestational age."),
    ("97110", "LBP since she was 20 wks along."),
])
def test_a_pregnancy_s_weeks_are_no_symptom_length(cpt: str, text: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "Low back pain, 28 wks pregnant, symptoms x 6 wks."),
    ("64493", "Low back pain x 6 weeks."),
])
def test_a_symptom_length_beside_a_pregnancy_is_still_read(cpt: str, text: str) -> None:
    assert read(text, cpt).get("symptom_weeks") is not None


# f18-64493-letter-lawyer-enclosures-and-pending ("Coastal PT plan of care and progress
# notes, 07/01/2026 - 10/20/2026"): the span of the records sent is no length of therapy.
@pytest.mark.parametrize("text", [
    "Enclosed: (1) Coastal PT plan of care and progress notes, 07/01/2026 - 10/20/2026; (2) "
    "lumbar spine x-rays taken in the ER on 06/03/2026.",
    # the helper's own wordings
    "PT records from Bayside, dates of service 5/1/26 to 8/20/26, enclosed.",
    "Physical therapy records dated 08/01/2026 through 11/01/2026 are attached.",
    "Enclosures: Valley physiotherapy notes 06/02/2026-09/15/2026.",
])
def test_a_record_s_date_span_is_no_length_of_therapy(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "PT 2x/week from 07/01/2026 to 10/20/2026.",
    "Completed 12 wks PT; daily notes attached.",
])
def test_a_therapy_s_own_span_is_still_read(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is not None


# f18-64493-smartlist-records-checklist-mixed ("[select] Pain management / ortho
# consult"): a checklist line whose box is a pick-list left unchosen is asked.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "RECORDS SENT WITH REQUEST\n[x] PT plan of care + progress notes (Bayside PT)\n"
     "[ ] Pain medication list w/ doses {ATTACHED/TO FOLLOW:771}\n[x] PCP consult note -- Dr. "
     "Amadi, 10/30/2026\n[select] Pain management / ortho consult",
     "specialist_consult_documented"),
    # the helper's own wordings
    ("64493", "Records:\n{choose} Ortho consult note\n[x] MRI report 10/02/2026",
     "specialist_consult_documented"),
    ("97110", "Checklist\n[***] Specialist consult (ortho)\n[x] H&P",
     "specialist_consult_documented"),
    ("71250", "Attached:\n[select one] Chest X-ray report 11/02/2026", "chest_images_documented"),
])
def test_a_box_left_as_an_unchosen_pick_list_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_ticked_box_beside_an_unchosen_one_is_still_read() -> None:
    got = read("Records:\n[select] Ortho consult\n[x] PCP consult note 10/30/2026", "64493")
    assert got.get("pcp_consult_documented") is True


# f18-64493-letter-lawyer-mva-onset ('low back pain, which she tells us is "an 8 out of 10
# most days"'): a score a third party quotes from the patient is asked (the quotation).
def test_a_quoted_score_of_most_days_is_asked() -> None:
    assert "pain_nrs" not in read(
        "Dear Claims Examiner: Since the collision our client has suffered constant low "
        'back pain, which she tells us is "an 8 out of 10 most days". She has been unable to '
        "return to her job as a dental hygienist.", "64493")


# The writer's own "7/10 most days" is the patient's usual pain, the score a nurse writes
# down (session 26: fresh25-29's notes label it read; this test asked it until then).
@pytest.mark.parametrize(("cpt", "text", "score"), [
    ("64493", "Back pain 7/10 most days.", "7"),
    ("97110", "Knee pain, 6/10 on most days per her diary.", "6"),
    ("64493", "Pt: low back pain about a 9 out of 10 most days since spring.", "9"),
])
def test_a_score_of_most_days_is_read(cpt: str, text: str, score: str) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == score


def test_a_score_of_today_beside_another_day_s_is_still_read() -> None:
    assert str(read("Pain today (0-10): 8   (on good days maybe a 5)", "64493")
               .get("pain_nrs")) == "8"

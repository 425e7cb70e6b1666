"""False facts of policies 62311 and 64493 on the corpus at session 12's start (fixer
fixs), one named test each: the failing input and wordings of the same kind written by
the fixer. Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 2)


read = reader_at(AS_OF)


# f14-64493-reviewer-prior-opinion-and-wrong-member: a quoted letter the next words give
# to another member was read as the patient pregnant (a denial): words after a quotation
# that disown it disown it, as words before it do ('Do not use this: "..."').
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", 'Per OB/GYN letter: "patient is 14 weeks pregnant" - NOTE: letter is for a '
     "different member (Jane R. Ortiz, not our Jana Ortiz); disregard.", "pregnancy"),
    ("64493", 'Records from Mercy: "PT 14 weeks, failed" - NB: these records are another '
     "patient's.", "pt_weeks"),
    ("62311", 'Outside ED note: "active UTI, on nitrofurantoin" -- NOTE: that note is for a '
     "different member; ignore.", "active_infection"),
    ("64493", 'Chart: "no active infection" -- NOTE: belongs to a different patient.',
     "active_infection"),
])
def test_a_quotation_the_next_words_give_to_another_patient_is_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_quotation_followed_by_a_new_sentence_about_another_patient_is_still_read() -> None:
    assert read('PT note: "14 weeks of PT completed, no relief". The other patient in the '
                "room had 8.", "64493").get("pt_weeks") == "14 weeks"


# f15-64493-denial-letter-pt-weeks-quoted-exclusions: a denial letter quoting the
# policy's exclusions ('The policy also lists "Active infections (e.g., sepsis,
# osteomyelitis)"') was read as an active infection (a denial); f15-64493-denial-letter-
# rom-yes-gait-normal: the criteria quoted ('"Impaired balance or gait"') as impaired gait.
# A quotation after the policy's name and a verb that quotes it is the policy's words.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", 'The policy also lists "Active infections (e.g., sepsis, osteomyelitis)" and '
     '"Pregnancy (if applicable)" under Exclusion Criteria; these were not a factor in this '
     "determination.", "active_infection"),
    ("64493", 'The policy also lists "Active infections (e.g., sepsis, osteomyelitis)" and '
     '"Pregnancy (if applicable)" under Exclusion Criteria.', "pregnancy"),
    ("64493", "Severity Criteria (item 5) require that functional assessments demonstrate "
     '"Decreased range of motion in the affected joint" and "Impaired balance or gait".',
     "impaired_balance_gait"),
    ("62311", 'Exclusion criteria include "active infection" and "pregnancy"; neither is '
     "addressed in the referral.", "active_infection"),
    ("62311", 'Criterion not met: "Pregnancy (if applicable)".', "pregnancy"),
])
def test_the_policys_words_quoted_in_a_letter_are_no_finding(cpt: str, text: str,
                                                              fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "fact", "value"), [
    # a patient's words quoted where the criteria are only named stay the patient's
    ('Meets criteria: PT note says "14 weeks of PT completed, no relief".', "pt_weeks",
     "14 weeks"),
    # what the writer says after the policy's quotation is read
    ('Criterion not met: "Pregnancy (if applicable)". She is pregnant, 12 weeks by LMP.',
     "pregnancy", "pregnant"),
])
def test_words_beside_a_quotation_of_the_policy_are_still_read(text: str, fact: str,
                                                                value: str) -> None:
    assert read(text, "64493").get(fact) == value


# f11-62311-appeal-letter-single-odi: 'Denial reason 2, "no functional assessment": an
# Oswestry questionnaire was completed' read no functional assessment (a denial): a
# numbered denial reason is the payer's claim as "Denial reason:" is, and where its words
# are quoted, what follows the quotation is the writer's answer.
@pytest.mark.parametrize(("text", "fact"), [
    ('Denial reason 2, "no functional assessment": an Oswestry questionnaire was completed '
     "on 11/24/2026 (ODI 46%).", "functional_assessment_6_weeks"),
    ('Reason for denial #2 "no inflammatory labs" - see enclosed.', "inflammatory_labs_documented"),
    ("Denial reason 1, no PCP consultation.", "pain_or_pcp_consult_documented"),
    ("Denial reason 2 - no treatment logs; they were faxed 11/20.", "treatment_logs_documented"),
])
def test_a_numbered_denial_reason_is_the_payers_claim(text: str, fact: str) -> None:
    assert fact not in read(text, "62311")


def test_the_answer_after_a_quoted_denial_reason_is_read() -> None:
    facts = read('Denial reason 3, "baseline pain": her pain was 4/10 at her PT intake in '
                 "June 2026, before any treatment, and is 7/10 now after PT.", "62311")
    assert facts.get("pain_nrs_baseline") == "4"
    assert facts.get("pain_nrs_increase") == "3"


ABSTRACTION = """CHART ABSTRACTION - facet injection PA audit   Abstractor: L.M.   Date: 11/30/2026
Legend: Y = present in chart, N = not in chart, UNK = unable to determine
PT >= 12 wk ............ Y (14 wk, 2 courses)
PT plan/progress notes .. Y
Pain med list w/ doses .. N
Modalities documented ... UNK
PCP consult report ...... Y (09/14/2026)
Specialist consult ...... ____"""


# f15-64493-abstraction-documents-y-n-unk-blank: rows whose leader a long label cut to two
# or three dots ("Pain med list w/ doses .. N") and a row left blank after its leader
# ("Specialist consult ...... ____") read the records on file: in a form of leader rows a
# short leader is a leader too, and a drawn blank is the row's blank answer.
def test_short_leaders_and_blank_rows_of_an_abstraction_form_are_its_answers() -> None:
    facts = read(ABSTRACTION, "64493")
    assert facts.get("medication_list_documented") is False
    assert "specialist_consult_documented" not in facts
    assert facts.get("modalities_documented") is not True
    assert facts.get("pcp_consult_documented") is True


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "Active infection ........ N\nTreatment logs w/ dates .. N\nCosmetic ........ N",
     "treatment_logs_documented", False),
    ("64493", "Active infection ........ no\nPT notes ........ yes\nMedication list ... ____",
     "medication_list_documented", None),
    ("64493", "PT weeks ........ 14\nSpecialist consult note ... N\nPCP consult .......... Y",
     "specialist_consult_documented", False),
])
def test_a_short_leader_among_long_ones_is_a_fields_colon(cpt: str, text: str, fact: str,
                                                          value: object) -> None:
    assert read(text, cpt).get(fact) == value


# f15-62311-np-phone-autocorrect-addendum-root-compressed: 'MRI from 11/18 was first read
# as no nerve root compression - radiology addendum 11/20 says the L left L5 root IS
# compressed' read no compression (a denial): a first reading a later one replaced is no
# finding (asked).
@pytest.mark.parametrize(("text", "fact"), [
    ("MRI from 11/18 was first read as no nerve root compression - radiology addendum 11/20 "
     "says the L left L5 root IS compressed w/ perineural edema c/w inflammation. Ducky noted "
     "(duly**).", "imaging_nerve_root_compression"),
    ("MRI 11/02 initially read as no root compression; the final report shows L5 nerve root "
     "compression.", "imaging_nerve_root_compression"),
    ("CT 10/30 originally reported as no stenosis, overread by neuroradiology as moderate "
     "foraminal stenosis.", "imaging_stenosis_readable"),
])
def test_a_first_reading_a_later_one_replaced_is_not_read(text: str, fact: str) -> None:
    assert read(text, "62311").get(fact) is not False


def test_a_study_read_once_as_showing_no_compression_is_still_no_compression() -> None:
    assert read("MRI 11/18: no nerve root compression.", "62311").get(
        "imaging_nerve_root_compression") is False


# f14-64493-fax-pt-blanks-and-ranges: 'Symptoms > 6 months: ☑' read 6 months of symptoms:
# a threshold with a box after its colon is the form's threshold ticked, as one with the
# box before it is ("[x] Sx >= 6 wks"): how long is asked.
@pytest.mark.parametrize(("text", "fact"), [
    ("Symptoms > 6 months: ☑", "symptom_weeks"),
    ("Sx >= 6 wks: [x]", "symptom_weeks"),
    ("PT > 12 weeks: ☒", "pt_weeks"),
])
def test_a_threshold_ticked_after_its_colon_is_the_forms_figure(text: str, fact: str) -> None:
    assert fact not in read(text, "64493")


# f13-64493-triage-dysuria-on-nitrofurantoin ('pt states\n"no way I'm pregnant", no test
# done') and f13-62311-esl-sister-pregnant ("she say she is not pregnant but we don't make
# the test yet") read not pregnant on the patient's word alone: the reporting word counts
# across a line break, and as a writer whose first language is not English puts it.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", 'LMP 11/12; pt states\n"no way I\'m pregnant", no test done.'),
    ("62311", "She is 38 years, she say she is not pregnant but we don't make the test yet."),
    ("64493", "She says\nshe is not pregnant."),
    ("62311", "On the phone she told us she is not pregnant."),
])
def test_a_womans_own_word_that_she_is_not_pregnant_is_asked(cpt: str, text: str) -> None:
    assert "pregnancy" not in read(text, cpt)


def test_a_negative_hcg_after_another_sentence_still_settles_pregnancy() -> None:
    assert read("Pt says her back hurts. Not pregnant - serum hCG neg 11/20.", "64493").get(
        "pregnancy") == "not_pregnant"


# f15-62311-month-later-consult-received-logs-still-summary: '11/01/2026: ... no PCP
# consultation on file. 12/01/2026: pain management consultation ... report received' read
# no consultation (a denial): of a yes and a no in dated entries of one log, the later
# entry's holds (as for a choice: "which holds now" is asked only where nothing says).
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("11/01/2026: pain management consult pending; no PCP consultation on file.\n"
     "12/01/2026: pain management consultation with Dr. Sato on 11/20/2026 - report received "
     "and\nscanned. Treatment log: still only a one-line summary, no dates or durations.",
     "pain_or_pcp_consult_documented", True),
    ("11/01/2026: no PCP consult on file.\n12/01/2026: PCP consult note received and scanned.",
     "pain_or_pcp_consult_documented", True),
    ("11/01/2026: no infection.\n12/01/2026: UTI, on nitrofurantoin day 2.",
     "active_infection", True),
    ("Note 11/02/2026: treatment logs in chart.\nNote 12/01/2026: no treatment logs in the "
     "packet.", "treatment_logs_documented", False),
])
def test_of_two_dated_entries_that_disagree_the_later_holds(text: str, fact: str,
                                                            value: bool) -> None:
    assert read(text, "62311").get(fact) is value


def test_a_yes_and_a_no_in_undated_sentences_are_still_asked() -> None:
    assert "active_infection" not in read("No infection. UTI, on nitrofurantoin day 2.", "62311")


# f15-62311-month-later-no-infection-then-paronychia: a paronychia is a named infection.
@pytest.mark.parametrize(("text", "value"), [
    ("Note 11/02/2026: no infections, not on antibiotics.\nNote 12/02/2026: NEW - right great "
     "toe paronychia, on cephalexin day 3 per podiatry,\nstill draining.", True),
    ("R great toe paronychia, on cephalexin.", True),
    ("No paronychia.", None),
])
def test_a_paronychia_is_an_active_infection(text: str, value: bool | None) -> None:
    assert read(text, "62311").get("active_infection") is value


# f13-64493-rad-flexion-extension-films: 'Flexion views limited by patient effort due to
# pain' read a decreased range of motion: an X-ray's views are films, not the motion.
@pytest.mark.parametrize("text", [
    "Findings: Grade 1 anterolisthesis of L4 on L5 without dynamic change. Flexion views "
    "limited\nby patient effort due to pain.",
    "Flexion and extension views limited by pain.",
    "XR: flexion view limited due to patient discomfort.",
])
def test_an_xrays_flexion_views_limited_are_no_decreased_range_of_motion(text: str) -> None:
    assert "decreased_rom" not in read(text, "64493")


def test_a_flexion_measured_limited_beside_flexion_views_is_still_decreased() -> None:
    assert read("Lumbar flexion limited to 40 degrees; X-ray flexion views obtained.",
                "64493").get("decreased_rom") is True


# f13-64493-im-pt-weeks-makeup-week: "[09:12] Jenna R (auth): does Mr Haddad have 12 wks
# PT?" read 12 weeks of PT: a yes/no question with a figure asks whether the patient
# reached it, it states none.
@pytest.mark.parametrize(("text", "fact", "asked"), [
    ("[09:12] Jenna R (auth): does Mr Haddad have 12 wks PT?\n[09:14] Marco (PT): he did "
     "10 wks with us 6/2-8/11", "pt_weeks", "12 weeks"),
    ("Does she have 12 weeks of PT? Chart shows 8 weeks.", "pt_weeks", "12 weeks"),
    ("Has he done 6 wks of PT? not documented", "pt_weeks", "6 weeks"),
    ("Reviewer: is the pain above 5/10?", "pain_nrs", "5"),
])
def test_a_figure_in_a_yes_no_question_is_not_read(text: str, fact: str, asked: str) -> None:
    assert read(text, "64493").get(fact) != asked


def test_a_figure_stated_before_a_question_is_still_read() -> None:
    assert read("PT 14 weeks. Has she had an MRI?", "64493").get("pt_weeks") == "14 weeks"


# f14-62311-psych-hep-c-svr-no-infection ('"no current infection" per PCP note'),
# f15-64493-anesthesia-preop-wife-pregnant-screen-negative ('"DM2 ... not severe" per PCP
# note 11/02/2026') and f6-64493-vi-coded-q10-q16-unknown-blank ('both noted "controlled"
# in PCP note') read a PCP consultation on file: a note cited as the source of another
# finding says nothing of a consultation.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", 'PCP labs 11/20 reviewed with pt: CBC normal, "no current infection" per PCP note.',
     "pain_or_pcp_consult_documented"),
    ("64493", 'HbA1c 7.1 - "DM2, controlled on metformin, not severe" per PCP note 11/02/2026.',
     "pcp_consult_documented"),
    ("64493", 'Q10 Severe comorbidity: HTN, DM - both noted "controlled" in PCP note; reviewer '
     "to confirm severity", "pcp_consult_documented"),
    ("62311", "Last A1c 6.9 in the PCP note.", "pain_or_pcp_consult_documented"),
])
def test_a_pcp_note_cited_for_another_finding_is_no_consultation_on_file(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "H&P 10/5/26 on file. PCP note + pain mgmt consult on file.",
     "pcp_consult_documented"),
    ("62311", "PCP note attached; A1c 6.9 per the same note.", "pain_or_pcp_consult_documented"),
])
def test_a_pcp_note_said_on_file_is_still_read(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# f6-64493-stt-gate-steady-injection-sight: 'No signs of infection at the injection sight'
# (speech-to-text's "sight") read no active infection: the site's infection denied is that
# one, written either way ("infection at the injection site" is one named infection).
@pytest.mark.parametrize("text", [
    "Straight leg raise negative bilaterally. No signs of infection at the injection sight.",
    "No erythema or signs of infection at the injection sight.",
    "No injection sight infection.",
])
def test_no_infection_at_the_injection_sight_denies_that_one_only(text: str) -> None:
    assert "active_infection" not in read(text, "64493")


def test_no_signs_of_infection_alone_still_denies_infection() -> None:
    assert read("No signs of infection.", "64493").get("active_infection") is False


# f15-62311-month-later-hcg-negative-then-positive-home-tests: "12/02/2026: pt called -
# two positive home pregnancy tests yesterday" was asked for its result, and the month-old
# "urine hCG negative" read not pregnant: a positive test names its result, and of the two
# dated entries the later holds.
@pytest.mark.parametrize(("text", "value"), [
    ("11/03/2026: urine hCG negative at the pre-procedure visit.\n12/02/2026: pt called - two "
     "positive home pregnancy tests yesterday; OB appt 12/08. ESI on\nhold until cleared by OB.",
     "pregnant"),
    ("Two positive home pregnancy tests yesterday.", "pregnant"),
    ("Serum hCG positive 12/01.", "pregnant"),
    ("Her sister had a positive pregnancy test last week.", None),
])
def test_a_positive_pregnancy_test_says_pregnant(text: str, value: str | None) -> None:
    assert read(text, "62311").get("pregnancy") == value

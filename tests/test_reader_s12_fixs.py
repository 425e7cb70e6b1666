"""False facts of policies 62311 and 64493 on the corpus at session 12's start (fixer
fixs), one named test each: the failing input and wordings of the same kind written by
the fixer. Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 2)


def read(text: str, cpt: str, pending: list[str] | None = None,
         as_of: date = AS_OF) -> dict[str, object]:
    return {r.fact: r.value
            for r in understand(text, cpt=cpt, pending=pending or [], as_of=as_of).facts}


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

"""Whose fact is it (session 17, helper who17): a caller who names themself the patient's
relative and speaks of themself in the same message ("caller: patient's wife ... she is 30
weeks pregnant", outside tester session 16 F1, F2), a relative whose own pronoun is not the
patient's ("His wife ...; she is 24 weeks pregnant", fresh20), and a relation word that says
the patient is a man. Each case is in the helper's own words; the facts are asserted as a
user would see them: a value, or nothing stated."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# A caller declared as the patient's relative: the caller's own pronoun, where the patient
# is spoken of with the other sex's words, is the caller's.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", "After-hours line 23:40. Caller = the patient's wife. Says her husband's back "
     "pain kept him up all night; she is 28 weeks pregnant and wants to know if she can sit "
     "in during his procedure.", "pregnancy", "pregnant"),
    ("71250", "Night message: caller is pt's wife. Husband coughing, temp 38.6 at home. She "
     "herself just started antibiotics for pneumonia and asks if he needs a CT.",
     "bacterial_pneumonia", True),
    ("62311", "Phone note - caller: patient's daughter. She has a kidney infection, on "
     "Keflex since Monday. Her dad is the one scheduled for the epidural; he has no "
     "fever.", "active_infection", True),
    ("64493", "Son on the phone re his mother. He is on antibiotics for a UTI and can't "
     "drive her Thursday. Her back is the same.", "active_infection", True),
    ("97110", "Caller is the patient's wife; she is 3 weeks postpartum and can't bring him "
     "to therapy on Tuesdays. He still has the knee pain.", "postpartum", True),
])
def test_a_callers_own_state_is_not_the_patients(cpt: str, text: str, fact: str,
                                                 never: object) -> None:
    got = read(text, cpt)
    assert str(got.get(fact)) != str(never)


# The caller's words in the first person, quoted right after the caller is named.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("62311", "Msg from caller - the patient's husband.\n\"Her shot is on the 9th. I have a "
     "UTI, on Macrobid. Should I still come?\"", "active_infection", True),
    ("64493", "Daughter calling re: her dad. \"He's okay. I'm the one with the UTI, I'm on "
     "antibiotics.\"", "active_infection", True),
    ("64493", "Caller is the patient's son. \"Dad's fine. My own urine infection started "
     "yesterday.\"", "active_infection", True),
])
def test_a_callers_first_person_words_are_the_callers(cpt: str, text: str, fact: str,
                                                      never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


# "caller herself" is the caller.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("97110", "The patient is the caller's father; the caller herself is 4 weeks postpartum.",
     "postpartum", True),
    ("64493", "Pt is the caller's husband. The caller herself is pregnant (due in March).",
     "pregnancy", "pregnant"),
])
def test_the_caller_herself(cpt: str, text: str, fact: str, never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


# A relative named with the patient's possessive of the other sex ("his wife", "her
# husband"): the next "she" / "he" is the relative, and "his" still says a man.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("97110", "His wife came in with him; she is 30 weeks pregnant and has the same knee "
     "complaint.", "pregnancy", "pregnant"),
    ("64493", "His daughter Anna drove today. She has a UTI, on nitrofurantoin.",
     "active_infection", True),
    ("62311", "Her husband waited in the lobby; he has cellulitis of the leg.",
     "active_infection", True),
    ("64493", "Pt's wife is with him today. She is 16 weeks pregnant.", "pregnancy",
     "pregnant"),
])
def test_a_relative_of_the_other_sex_goes_on(cpt: str, text: str, fact: str,
                                             never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


def test_his_wifes_she_leaves_the_patient_a_man() -> None:
    got = read("His wife, seen in the next room, has the same back pain; she is 24 weeks "
               "pregnant. Patient: no comorbidities.", "97110")
    assert str(got.get("pregnancy")) == "not_applicable"
    assert str(got.get("postpartum")) == "False"


# What must still be read: the patient's own state, said by the patient or of her.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Caller: patient's daughter. The patient has a UTI, started Macrobid "
     "yesterday.", "active_infection", True),
    ("64493", "Pt is 20 weeks pregnant; her husband drove her in.", "pregnancy", "pregnant"),
    ("62311", "Her mother called; the patient has a UTI on Keflex.", "active_infection", True),
    ("64493", "Patient (Mr. Ames, 67) has a UTI on Macrobid; caller is his wife.",
     "active_infection", True),
])
def test_the_patients_own_state_is_still_read(cpt: str, text: str, fact: str,
                                              value: object) -> None:
    assert str(read(text, cpt).get(fact)) == str(value)


# The writer's own hedge on a figure ("three months I think", outside tester 16 F6): the
# figure is asked, not read; a hedge in another sentence leaves the figure read.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Her son says she went to physical therapy, twelve weeks I think.", "pt_weeks"),
    ("64493", "PT for 14 wks I believe - the papers are at home.", "pt_weeks"),
    ("62311", "I think the back pain started about 4 months back.", "symptom_weeks"),
    ("71250", "FEV1 was 62% if I remember right.", "fev1_percent_predicted"),
    ("97110", "Pain is a 6/10, I guess, hard for him to say.", "pain_nrs"),
])
def test_a_hedged_figure_is_asked(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_hedge_elsewhere_leaves_the_figure() -> None:
    got = read("PT 12 weeks, completed 10/01/2026. I think he has a cold.", "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"


# "The wife of the patient has ...": the relative named by "of the patient" is still who
# the sentence is about; "No, that's my husband, he has ...": the relative's pronoun right
# after the relative takes the relative up again.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", "The wife of the patient has severe heart failure and is on dialysis.",
     "severe_comorbidities", "['cardiovascular_disease', 'esrd']"),
    ("62311", "The son of our patient has a UTI and cannot drive him this week.",
     "active_infection", True),
    ("62311", "Pt: Not me - that's my husband, he has the kidney infection.",
     "active_infection", True),
    ("64493", "Patient states: my daughter, she is 30 weeks pregnant, will drive me.",
     "pregnancy", "pregnant"),
])
def test_the_relative_stays_the_subject(cpt: str, text: str, fact: str, never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


def test_a_report_through_the_relative_stays_the_patients() -> None:
    got = read("Wife of the patient reports he has a UTI, on Macrobid since Monday.", "64493")
    assert str(got.get("active_infection")) == "True"


# A payer's threshold quoted beside the patient's value: the threshold is nobody's figure.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", "Insurer wants pain at least 4/10 (his is 6). Also requires 6 weeks of back "
     "pain - about 4 months now.", "symptom_weeks", "6 weeks"),
    ("64493", "It also requires 8 weeks of symptoms. Symptoms since 06/2026.",
     "symptom_weeks", "8 weeks"),
    ("62311", "Humana's policy: 6 weeks of conservative care. Ours: 10 weeks of PT and "
     "naproxen.", "conservative_weeks", "6 weeks"),
    ("97110", "Payer requirement: 4 weeks of conservative treatment. He has done 9.",
     "conservative_weeks", "4 weeks"),
    ("64493", "Requirement: pain 5/10 or more. Pt rates 8/10.", "pain_nrs", "5"),
])
def test_a_payers_threshold_is_nobodys_value(cpt: str, text: str, fact: str,
                                             never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


# A payer's denial reason under a label with its source in brackets (outside tester 16
# F19): the quoted reason is the payer's, not the writer's finding.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", 'Reason for denial (UHC letter dated 11/20): "no failed conservative '
     'treatment documented." Attached: PT discharge summary.', "failed_conservative"),
    ("64493", 'Denial reasons (portal, 12/01): "PT only 4 weeks; pain 3/10." Enclosed: '
     "the PT log.", "pain_nrs"),
])
def test_a_denial_reason_with_its_source_is_the_payers(cpt: str, text: str,
                                                       fact: str) -> None:
    assert fact not in read(text, cpt)


# A relation word that names the patient a man: pregnancy does not apply; and the
# caller's own "she" stays the caller's when that word is read as the patient.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Caller: the patient's daughter. Her father has had low back pain since May."),
    ("62311", "Son calling about his dad; Dad's leg pain is worse this week."),
    ("64493", "Message re: her husband - the patient is her husband, 58, back pain 6/10."),
    ("97110", "Patient (her grandfather) has knee pain; she brings him on Tuesdays."),
])
def test_a_man_named_by_his_relation(cpt: str, text: str) -> None:
    assert str(read(text, cpt).get("pregnancy")) == "not_applicable"


@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("62311", "Caller is the patient's wife; she has a UTI on Macrobid. Patient (her "
     "husband) has no urinary symptoms.", "active_infection", True),
    ("64493", "Caller: patient's daughter. She is 22 weeks pregnant. Her father's back "
     "pain is 7/10.", "pregnancy", "pregnant"),
])
def test_the_callers_she_beside_a_masked_relation(cpt: str, text: str, fact: str,
                                                  never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


def test_a_daughter_naming_both_parents_leaves_the_sex_open() -> None:
    got = read("Daughter calling about her mom; dad drives her. Mom has back pain 6/10.",
               "64493")
    assert str(got.get("pregnancy")) != "not_applicable"


# A caller named as "a call / voicemail / message from" the relative: their quoted first
# person is theirs (outside tester 16 F6's call: 'Phone call from daughter (Kim): "...
# I'm pregnant so my brother will drive him."').
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", 'Voicemail from the patient\'s daughter (Rosa): "Papa\'s back is still bad. '
     'I\'m 25 weeks pregnant so my husband will bring him."', "pregnancy", "pregnant"),
    ("62311", 'Message from son (Ted): "Mom is doing ok. I have a UTI, so my sister will '
     'drive her."', "active_infection", True),
])
def test_a_call_from_a_relative_quotes_the_relative(cpt: str, text: str, fact: str,
                                                    never: object) -> None:
    assert str(read(text, cpt).get(fact)) != str(never)


# A relative said to be the patient is the patient (outside tester 16 C14: "My dad (the
# patient) has had the sciatica for about 9 months" was set aside as someone else's); one
# said to be a patient too is another person.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", "My father (the patient) has had leg pain for 7 months.", "symptom_weeks",
     "7 months"),
    ("64493", "My husband (the pt) has had low back pain for 5 months.", "symptom_weeks",
     "5 months"),
])
def test_a_relative_who_is_the_patient(cpt: str, text: str, fact: str, value: object) -> None:
    assert str(read(text, cpt).get(fact)) == str(value)


@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "Her husband (our patient too) has a UTI; she has back pain."),
    ("64493", "Her husband (the patient too) comes in Friday; she is 12 weeks pregnant."),
])
def test_a_relative_who_is_a_patient_too_is_not_the_patient(cpt: str, text: str) -> None:
    got = read(text, cpt)
    assert str(got.get("pregnancy")) != "not_applicable"
    assert str(got.get("active_infection")) != "True"

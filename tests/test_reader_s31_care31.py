"""Care tried, pregnancy, postpartum, cosmetic (session 31, care31). Wordings are this
file's own, in several voices (a translated referral, a relative's annotated letter, a
phone message, a form from abroad)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 12, 1))


# --- a form's label in another language with its English in brackets ----------------------
# (a nurse reads "Schwangerschaft [pregnancy]: nein" as the pregnancy field answered no; the
# bracket's word is the field's name, never a pregnancy stated)

@pytest.mark.parametrize("text", [
    # a German discharge letter annotated by the patient's son
    "Entlassungsbrief. Schwangerschaft [pregnancy]: nein, Urintest negativ am 28.11.2027.",
    # a Polish referral with the translator's brackets
    "Ciąża (pregnancy): nie, test negative 25.11.2027.",
    # a Finnish form, the answer a negative test
    "Raskaus [pregnancy]: test negatiivinen 27.11.2027.",
])
def test_a_glossed_pregnancy_label_answered_no_is_not_pregnant(text: str) -> None:
    assert read(text, "71250").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    # the label glossed, the answer left blank or unclear: asked, never pregnant
    "Gravidanza [pregnancy]: ?",
    "Embarazo [pregnancy]: ver notas",
    "Grossesse [pregnancy]: à vérifier",
])
def test_a_glossed_pregnancy_label_states_no_pregnancy(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text", [
    # a glossed label answered yes is read as the English label would be
    "Schwangerschaft [pregnancy]: yes, 20 weeks",
    "Sarcina [pregnancy]: positive, hCG positive 20.11.2027",
])
def test_a_glossed_label_answered_yes_stays_pregnant(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "pregnant"


@pytest.mark.parametrize("text", [
    # a thread's speaker and role: no label glossed
    "Fenn (pain): she had 12 weeks of PT, no change.",
    "Q (PCP): is she pregnant? A (pain): not asked yet.",
])
def test_a_speaker_and_role_is_no_glossed_label(text: str) -> None:
    assert read(text, "64493").get("pregnancy") != "not_pregnant"


def test_an_english_label_with_a_remark_is_not_a_gloss() -> None:
    # "Pain (NRS):" is an English label: its remark in brackets is no translation
    assert read("Low back pain (NRS): 7/10 today.", "64493").get("pain_nrs") == "7"


@pytest.mark.parametrize("text", [
    # a foreign "no" answers a field, in English labels too
    "Cosmetic purpose: non.",
    "Kosmetisch [cosmetic]: nein.",
    "Estetic [cosmetic]: nu.",
])
def test_a_field_answered_no_in_another_language(text: str) -> None:
    assert read(text, "97110").get("cosmetic_purpose") is False


def test_a_foreign_no_inside_a_sentence_is_no_answer() -> None:
    # "nu" and "non" in running words are no answers of a field
    got = read("Pregnancy: she says non-pregnant but no test yet.", "62311")
    assert got.get("pregnancy") != "pregnant"


# --- a line an audit strikes, an entry a log adds and then removes --------------------------

@pytest.mark.parametrize("text", [
    # a QA comment after the line it strikes, on the same line
    "41 y/o F with neck pain. Pregnant: YES. QA review: entry removed 11/20 - belonged to "
    "another patient.",
    # an auditor withdrawing a result
    "Low back pain, 6/10. hCG POSITIVE. Auditor: withdrawn - wrong patient, sample mislabelled.",
    # a second reviewer's strike in brackets
    "Lumbar pain. Pregnancy: positive [AUDIT RN2 11/28: line struck, that was the "
    "roommate's result]",
])
def test_a_line_the_reviewer_strikes_is_not_read(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pregnancy") != "pregnant"


def test_the_sentence_before_a_struck_line_still_stands() -> None:
    got = read("36 y/o F, low back pain. Pregnant: YES. Audit: entry struck 11/20 - wrong "
               "patient.", "64493")
    assert got.get("pain_region") == "low_back"
    assert got.get("pregnancy") != "pregnant"


def test_an_audit_that_agrees_keeps_the_line() -> None:
    got = read("38 y/o F, low back pain. Pregnant: YES, 20 wks. Audit: confirmed with OB.", "64493")
    assert got.get("pregnancy") == "pregnant"


@pytest.mark.parametrize("text", [
    # an EHR change log in bars
    "11/28/27 09:02 | problem list | ADDED 'pregnancy, 1st trimester' | 11/28/27 09:05 | "
    "REMOVED - charted on wrong patient",
    # the same log with each entry on its line
    "11/28 09:02 history: added \"postpartum, delivered 10/30\"\n11/28 09:06 deleted by RN",
    # an order note edited away
    "Flag: inserted 'pregnant - confirm with OB' | 10:14 | retracted - wrong chart",
])
def test_an_entry_added_then_removed_is_not_the_charts(text: str) -> None:
    got = read(text, "97110")
    assert got.get("pregnancy") != "pregnant"
    assert got.get("postpartum") is not True


def test_an_entry_added_and_kept_is_read() -> None:
    got = read("11/28 09:02 | problem list | ADDED 'pregnancy, 20 weeks' | 11/28 09:05 | "
               "reviewed by Dr. Ode", "97110")
    assert got.get("pregnancy") == "pregnant"


# --- a charting focus names its topic; a quantitative hCG under the cut-off -----------------

@pytest.mark.parametrize("text", [
    "Focus: pregnancy. D: 29 yo F, serum beta-hCG <1 mIU/mL drawn 11/29. A: faxed to CT.",
    "Focus: pregnancy test. D: quant hCG 0.6 IU/L 11/30. R: cleared for imaging.",
    "DAR - Focus: pregnancy status. D: hCG < 5 mIU/mL today. A: result to radiology.",
])
def test_a_dar_focus_is_no_pregnancy_and_a_low_hcg_is_negative(text: str) -> None:
    assert read(text, "71250").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    # the focus with no answer of its own: asked, never pregnant
    "Focus: pregnancy. D: pt to bring OB records next visit.",
    "Focus: pregnancy screen. A: hCG ordered.",
])
def test_a_dar_focus_alone_states_no_pregnancy(text: str) -> None:
    assert read(text, "71250").get("pregnancy") != "pregnant"


def test_an_hcg_in_the_pregnant_range_stays_pregnant() -> None:
    assert read("Quant hCG 11/29: 2,450 mIU/mL.", "71250").get("pregnancy") == "pregnant"


# --- another person named with a role, in a message that names its patient ------------------

@pytest.mark.parametrize("text", [
    # a theatre company's manager
    "Our lead dancer Priya is 22 weeks pregnant and off the rota; the request below is for "
    "Tomasz, her partner on stage, whose low back pain is 7/10.",
    # a team physio's e-mail
    "My colleague Ines is 30 weeks pregnant, so I am writing instead: this referral is for "
    "Marco, lumbar pain 6/10.",
    # a school nurse
    "Her teammate Keiko is pregnant and not training. The request is for Dana, knee pain 5/10.",
])
def test_a_named_others_pregnancy_is_not_the_patients(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


def test_the_named_patients_own_pregnancy_is_read() -> None:
    got = read("Our client Sofia is 20 weeks pregnant; the request is for Sofia, low back "
               "pain 6/10.", "97110")
    assert got.get("pregnancy") == "pregnant"


# --- a state said with its length after a denial of something else --------------------------

@pytest.mark.parametrize("text", [
    # a triage line typed without breaks
    "No chills 16 weeks pregnant",
    # a phone message
    "no fever no cough 22 wks pregnant, back pain since the fall",
    # an ED handoff
    "denies dysuria 30 weeks pregnant G2P1",
])
def test_a_length_and_state_after_another_denial_is_the_state(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "not_pregnant"


@pytest.mark.parametrize("text", [
    # the denial is of the state itself
    "Denies being 16 weeks pregnant",
    "not 20 weeks pregnant",
])
def test_a_denial_of_the_state_with_its_length_is_no_pregnancy(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


@pytest.mark.parametrize(("text", "plain"), [
    # English labels whose brackets name a source or hold a remark: read as without it
    ("History (pt via interpreter): low back pain since 03/20/2027.",
     "History: low back pain since 03/20/2027."),
    ("ODI (PT): 58% on 10/19/2027 -> 40% on 11/30/2027.",
     "ODI: 58% on 10/19/2027 -> 40% on 11/30/2027."),
])
def test_an_english_label_with_a_remark_keeps_its_reading(text: str, plain: str) -> None:
    got, want = read(text, "64493"), read(plain, "64493")
    assert {k: v for k, v in got.items() if k != "conservative_treatments"} == want

"""Care tried and how it went, pregnancy, cosmetic (session 29, care29): a word hyphenated
at a line's end, a symbol-writer's null sign, a test's result as a sign, an attestation not
yet signed, and failure said in the writer's own language. Wordings are this file's own, in
several voices (a typeset letter, a scanned report, a whiteboard, a phone slip, a referral
from abroad, a nurse's chat)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 8, 1))


# --- a word hyphenated at its line's end is one word --------------------------------------
# (a PDF paste of a typeset letter breaks words at the margin: its first piece is no word of
# its own, "man-\nagement" is no man, and the word whole is read)

@pytest.mark.parametrize("text", [
    # a typeset referral letter
    "She has now had conservative man-\nagement for four months, without relief.",
    # a scanned consultant's report
    "This pleasant wo-\nman was seen today for lumbar pain radiating to the left leg.",
    # a discharge summary pasted from a PDF
    "Pain management: hu-\nman factors and pacing discussed with her.",
])
def test_a_piece_of_a_hyphenated_word_is_no_man(text: str) -> None:
    got = read(text, "62311")
    assert got.get("pregnancy") != "not_applicable"


@pytest.mark.parametrize("text", [
    # a PDF paste, the long word broken at the margin
    "Completed twelve weeks of physio-\ntherapy in 2027, no better.",
    "Patient completed 12 weeks of physiother-\napy at Valley Rehab.",
])
def test_a_long_hyphenated_word_is_read_whole(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "12 weeks"


@pytest.mark.parametrize("text", [
    # a compound broken at its own hyphen keeps its words
    "She is 62, a retired wo-\nman of the cloth; post-\nmenopausal since 2010.",
])
def test_a_compound_broken_at_its_hyphen_keeps_its_words(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("text", [
    # a hyphen with a space before the break is a dash, not a broken word
    "Seen today: 58 yo man -\nno infection, pain 7/10.",
    # the man named whole on his line
    "Gentleman, retired joiner, 70 yo man\nwith low back pain.",
])
def test_a_man_named_whole_before_a_line_break_is_still_read(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "not_applicable"


# --- the null sign is the symbol-writer's "none" ------------------------------------------

@pytest.mark.parametrize("text", [
    # a whiteboard row
    "Cosmetic ⊘   Infection ⊘",
    # a shorthand pre-procedure line
    "Purpose cosmetic: ∅. Pain 7/10.",
    # a checklist question answered with a cross and a remark
    "Cosmetic? ✗ (lumbar facet arthropathy)",
])
def test_a_null_sign_after_cosmetic_denies_it(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    "Cosmetic ✓ per pt (wants the scar smoothed).",
    "Cosmetic? ✓",
])
def test_a_tick_after_cosmetic_is_no_denial(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is not False


# --- a pregnancy test's result as a sign after it -----------------------------------------

@pytest.mark.parametrize("text", [
    # a triage whiteboard
    "Bay 4: F 36, UPT (-) at 0700, LMP 7/10.",
    # a pre-procedure checklist
    "Serum hCG (neg) on 07/30/2027; consent signed.",
    # a nurse's shorthand
    "F 41, upreg (−) today.",
])
def test_a_negative_sign_after_the_test_is_not_pregnant(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    "b-hCG (+) this morning, OB aware.",
    "Urine hCG (positive) at triage today.",
])
def test_a_positive_sign_after_the_test_is_pregnant(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "pregnant"


def test_a_sisters_positive_test_is_not_the_patients() -> None:
    assert read("Her sister's UPT (+) last week; pt has low back pain.", "64493").get(
        "pregnancy") != "pregnant"


# --- a "not pregnant" no one has signed, or with the test declined or still to come --------

@pytest.mark.parametrize("text", [
    # a consent packet's cover
    "Pre-procedure attestation, not yet signed: patient is not pregnant.",
    # a phone slip
    "Pt says she is not pregnant; she declined the urine hCG today.",
    # a scheduler's note
    "Not pregnant per her, pregnancy test is scheduled for Monday.",
    # a draft form
    "DRAFT attestation: 'not pregnant' (awaiting signature).",
])
def test_an_unsigned_or_untested_not_pregnant_is_asked(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")


def test_a_signed_attestation_with_a_negative_test_is_read() -> None:
    got = read("Signed attestation 07/30: urine hCG negative, not pregnant.", "97110")
    assert got.get("pregnancy") == "not_pregnant"


# --- failure said in the writer's language, of care of two kinds or more -------------------

@pytest.mark.parametrize("text", [
    # a Polish referral
    "Leczenie zachowawcze (rehabilitacja, NLPZ) przez 3 miesiące, bez poprawy.",
    # a Norwegian GP's letter
    "Fysioterapi og Ibux i 8 uker, uten effekt.",
    # an Indonesian clinic note
    "Pengobatan konservatif dengan fisioterapi dan ibuprofen selama 2 bulan, tidak membaik.",
    # a Russian discharge letter
    "Физиотерапия и диклофенак в течение 6 недель без улучшения.",
    # a Romanian letter
    "Kinetoterapie și AINS timp de 8 săptămâni, fără ameliorare.",
])
def test_care_of_two_kinds_failed_in_the_writers_language(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # one kind alone stays asked, in any language
    "Fysioterapi i 8 uker, uten effekt.",
    # helping said after the failure of one of them
    "Fisioterapi dan ibuprofen selama 2 bulan; ibuprofen ada sedikit membantu, helps a bit.",
    # a relative's care
    "Her husband: physio and naproxen for his knee, bez poprawy. Pt herself untreated.",
])
def test_failure_words_abroad_keep_their_guards(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is not True


# --- the kinds of care named in the writer's language --------------------------------------

def test_the_kinds_of_care_named_abroad_are_the_list() -> None:
    got = read("Tidligere behandling: fysioterapi, Ipren og vægttab, intet andet.", "62311")
    assert sorted(got.get("conservative_treatments") or []) == [  # type: ignore[call-overload]
        "lifestyle_modifications", "medication_management", "physical_therapy"]


def test_a_kind_not_yet_tried_in_indonesian_is_not_read() -> None:
    got = read("Fisioterapi dan meloxicam; belum ada modifikasi gaya hidup.", "62311")
    assert "lifestyle_modifications" not in (got.get("conservative_treatments") or [])  # type: ignore[operator]


# --- the patient a man, in the writer's language ------------------------------------------

@pytest.mark.parametrize("text", [
    # a Norwegian GP's referral
    "Han har hatt smerter i korsryggen i fem måneder.",
    # a Swedish clinic letter
    "Han upplever fortfarande ryggsmärta, NRS 7.",
    # a Romanian letter, the title before the name
    "Dl. Georgescu are dureri lombare de 6 luni.",
    # an Indonesian clinic note
    "Pasien laki-laki, 52 tahun, nyeri punggung bawah.",
    # a Russian discharge letter
    "Боль в пояснице; у него нет лихорадки.",
    # a Chinese outpatient record
    "门诊病历：患者男，61岁，腰痛半年。",
])
def test_the_patient_said_a_man_abroad(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("text", [
    # a surname, not the Scandinavian pronoun
    "Pt: Han Mei, 34, low back pain x 5 months.",
    # a husband's illness, then the woman patient
    "Hendes mand er syg; han har KOL. Hun har lændesmerter.",
    # a decilitre, not the Romanian title
    "Drinks 5 dl. milk daily; glucose 110 mg/dl. Back pain.",
    # a doctor named Han
    "Dr. Han saw her today; pain 7/10.",
])
def test_look_alikes_of_a_man_abroad_say_nothing(text: str) -> None:
    assert read(text, "64493").get("pregnancy") != "not_applicable"


# --- a pregnancy test weeks old, a laughed denial, a denial denied -------------------------

@pytest.mark.parametrize("text", [
    # a pre-procedure phone call
    "Last pregnancy test: urine hCG negative 03/02/2027.",
    # a referral form
    "Serum hCG negative four months ago; LMP not recorded.",
    # an old chart's line
    "UPT negative 04/15/2027 per old chart.",
])
def test_a_test_months_old_says_nothing_of_now(text: str) -> None:
    assert "pregnancy" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "Urine hCG negative today, 0745.",
    "UPT negative 07/30/2027 (pre-procedure).",
])
def test_a_test_of_these_days_is_read(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    # a triage nurse's note
    "'Not pregnant, no way,' she joked; no test done.",
    # an intake clerk's message
    "\"I am not pregnant\" - she says; not tested.",
    # a front-desk chat
    "\"Definitely not pregnant!\" she laughed, no hCG done.",
    # a phone slip
    "'not pregnant lol' she texted back; untested.",
])
def test_a_quoted_denial_on_her_word_alone_is_asked(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    "Pt is not NOT pregnant: beta hCG positive.",
    "She's not not pregnant (quant hCG 2,300 mIU/mL).",
])
def test_a_denial_denied_is_no_not_pregnant(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "not_pregnant"


@pytest.mark.parametrize("text", [
    # a pain clinic's intake
    "She did PT x 8 weeks and took meloxicam but denies any improvement.",
    # a chiropractor's letter
    "Chiropractic adjustments and naproxen since May, and the patient denies any relief.",
    # a telehealth note
    "Home exercise program and gabapentin x 10 wks, pt denies any benefit.",
])
def test_a_denied_improvement_is_failed_care(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


def test_a_denied_symptom_after_care_is_no_failure() -> None:
    got = read("PT x 8 weeks and meloxicam; denies fever or chills.", "62311")
    assert got.get("failed_conservative") is not True

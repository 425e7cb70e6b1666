"""Care tried, pregnancy and what a form's boxes answer (session 27, care27). Wordings are
this file's own, in several voices (a referral form, a portal questionnaire, a German and
a Dutch GP's letter, a whiteboard, a phone message, an Italian specialist's note)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a row of boxes offering figures answers with its ticked figure only ---------------------
# (a nurse reads "[ ] 1  [x] 2  [ ] 3+" as 2: the figure printed beside an empty box is an
# option the filler did not pick)

@pytest.mark.parametrize(("text", "courses"), [
    # a referral form
    ("Number of failed conservative courses: [ ] 1   [x] 2   [ ] 3 or more", "2"),
    # a web form pasted with its radio buttons
    ("Failed conservative courses  ( ) 1  (•) 2  ( ) 3+", "2"),
    # a scanned checklist, the ticked box last
    ("Conservative courses failed [ ] 0 [ ] 1 [X] 2", "2"),
])
def test_a_row_of_figure_boxes_reads_the_ticked_figure(text: str, courses: str) -> None:
    assert read(text, "62311").get("conservative_courses_failed") == courses


@pytest.mark.parametrize("text", [
    # a band ticked is no figure: asked
    "Duration of conservative care: [ ] < 6 wks  [x] 6-12 wks  [ ] > 12 wks",
    "Conservative treatment length: [x] 6 to 11 weeks [ ] 12 weeks or more",
    # a ticked bound is a band too
    "Conservative tx duration: [ ] < 12 wks  [x] >= 12 wks",
])
def test_a_ticked_band_is_asked_and_the_unticked_figure_is_not_read(text: str) -> None:
    assert "conservative_weeks" not in read(text, "62311")


def test_a_record_box_with_a_figure_still_denies_the_record() -> None:
    # the unticked box is the record's own (not a figure offered): no films sent
    got = read("Enclosed: [x] MRI report   [ ] 2 views X-ray lumbar", "62311")
    assert got.get("xray_sets") is None


# --- a woman past 60 by her title, a man in another language ---------------------------------
# (a nurse reads "Mrs. Quinn is 71" as no pregnancy to ask about, as she reads "71F")

@pytest.mark.parametrize("text", [
    # a whiteboard
    "Bay 4 - Mrs. D. Okoro (68) - awaiting PT eval",
    # a phone message
    "Called Ms Whitfield, 73, re: appointment for her knee. No fever.",
    # a letter
    "I reviewed Mrs. Hannah Lutz, who is 66, in clinic today for her low back pain.",
    "Referral for Miss Agnes Moyo, aged 81, with neck pain for 5 months.",
])
def test_a_woman_past_sixty_by_her_title_is_not_applicable(text: str) -> None:
    assert read(text, "97110").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("text", [
    # her mother, not her
    "Mrs. Alder's mother, 84, came with her today. Patient is 31.",
    "Her mother, Mrs. Singh, 70, drove her to the clinic.",
    # under 60
    "Mrs. Farah, 52, has had back pain for 10 weeks.",
    # a weight, not an age
    "Mrs. Lee, 64 kg, BMI 24.",
    # the one written to
    "Dear Mrs. Abbott, 65 Elm Road",
])
def test_a_title_and_a_figure_that_is_no_patients_age_settle_nothing(text: str) -> None:
    assert "pregnancy" not in read(text, "97110")


@pytest.mark.parametrize("text", [
    # a Spanish referral
    "Paciente masculino de 45 años con lumbalgia de 4 meses.",
    # a Turkish note
    "Hasta erkek, 40 yaşında; bel ağrısı 3 aydır.",
    # a Dutch GP's letter
    "Meneer Bakker heeft al 5 maanden rugpijn; hij werkt als stukadoor.",
    # a German GP's letter
    "Herr Schulz, Kreuzschmerzen seit 6 Monaten. Die Ehefrau des Patienten begleitet ihn.",
    # a French letter
    "Le patient présente une lombalgie depuis 4 mois.",
])
def test_a_man_named_in_the_writers_language_is_not_applicable(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "not_applicable"


@pytest.mark.parametrize("text", [
    # a woman named in the writer's language: no "he" stands for her
    "Mevrouw Jansen heeft rugpijn; haar man zegt dat hij ook rugpijn heeft.",
    "La patiente présente une lombalgie depuis 4 mois.",
    "Die Patientin klagt über Kreuzschmerzen seit 6 Monaten.",
])
def test_a_woman_named_in_the_writers_language_is_no_man(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "not_applicable"


@pytest.mark.parametrize(("text", "value"), [
    # an Italian specialist's note
    ("Paziente di 72 anni, lombalgia cronica.", "not_applicable"),
    # a portal message from the patient herself
    ("my back still hurts and im 64 so please hurry", "not_applicable"),
    # a lab result with its figure
    ("Serum beta hCG 12/01/2027: 2,310 mIU/mL", "pregnant"),
    # an obstetrician's shorthand
    ("G2P1 at 22w4d, pelvic girdle pain", "pregnant"),
    # a negative test in Dutch and French
    ("Zwangerschapstest vandaag negatief.", "not_pregnant"),
    ("Test de grossesse sanguin du 02/02/2027 : négatif.", "not_pregnant"),
])
def test_pregnancy_said_in_other_shapes(text: str, value: str) -> None:
    assert read(text, "97110").get("pregnancy") == value


@pytest.mark.parametrize("text", [
    # a daughter's age in Spanish is no word on the patient
    "Su hija de 62 años la acompaña; la paciente tiene 35 años.",
    # a low hCG is no pregnancy
    "Serum hCG 3 mIU/mL (ref < 5)",
    # a course of 28 weeks is no gestation
    "PT 2x/wk x 12 wks, home program 4 wks",
])
def test_near_misses_of_pregnancy_shapes_settle_nothing(text: str) -> None:
    assert read(text, "97110").get("pregnancy") in (None, "not_pregnant")


# --- conservative care named whole in the writer's language, and said not to have worked ----
# (a nurse reads "Konservative Therapie ... ohne Besserung" as the care failed, as she reads
# "conservative care without improvement"; one treatment still helping leaves it asked)

@pytest.mark.parametrize(("text", "cpt"), [
    # a Portuguese referral
    ("Tratamento conservador por 3 meses, sem melhora da dor lombar.", "62311"),
    # a French specialist's letter
    ("Traitement conservateur bien conduit pendant 10 semaines, sans amélioration.", "64493"),
    # a German GP's letter
    ("Konservative Behandlung über 12 Wochen, leider ohne Besserung.", "62311"),
    # an Italian referral
    ("Dolore invariato nonostante trattamento conservativo di 3 mesi.", "64493"),
])
def test_conservative_care_said_to_fail_in_another_language(text: str, cpt: str) -> None:
    assert read(text, cpt).get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # a portal message
    "Physio for 2 months, then tablets, then the gym plan - nothing made any difference.",
    # a phone message
    "Pt did PT x 8 wks then naproxen x 6 wks; none gave relief.",
    # a case manager's e-mail
    "She has had therapy and medication for this, and neither made a difference.",
])
def test_a_verdict_on_every_treatment_listed_says_the_care_failed(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # one treatment still helping, in Spanish
    "Tratamiento conservador 3 meses sin mejoría; refiere que le ayuda un poco el paracetamol.",
    # care going on, no verdict
    "Konservative Therapie seit 6 Wochen, Verlauf abwarten.",
    # care still to come
    "Plan: tratamiento conservador 6 semanas; si no hay mejoría, nueva valoración.",
    # care said to help in part, in Italian
    "Trattamento conservativo da 2 mesi, leggermente meglio.",
])
def test_care_not_said_to_fail_as_a_whole_stays_unread(text: str) -> None:
    assert "failed_conservative" not in read(text, "62311")


# --- a rule or an instruction about pregnancy names no pregnancy of this patient -------------

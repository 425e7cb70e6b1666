"""Whose line is it, and words of another language (session 16, helper who16): lines a
text gives to another patient by a tag it defines, Spanish words that look like English
pronouns, a date's day or an age read as a score or a length, a date-format marker, a
decimal comma. Each test holds the corpus input that read a false fact (fresh19, the
outside tester's session 15 findings) and wordings of the same kind written by the helper,
with plain statements that must still be read. Readings go through
:func:`agent.reading.understand`."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 4)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# f19-64493-merged-two-patients-pain, f19-64493-note-merged-chart-meets: a merged chart's
# HIM notice defines the other patient's tag; the lines it marks are never read.
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", "*** CHART MERGE ALERT - HIM ticket #44812: this note contains text from two "
     "patients. Lines marked [PT B] belong to MRN 0049921 (Harold Reese) and will be moved. "
     "***\nPt A (MRN 0038810, Marisol Vega, 45 F): low back pain x 5 months, NRS 6/10 today."
     "\n[PT B] Neck pain 9/10, s/p cervical MBB 11/01/2026.\nPt A: no prior nerve blocks or "
     "spinal injections of any kind.", "nerve_block_date", date(2026, 11, 1)),
    ("64493", "** HIM NOTICE: Lines tagged [OTHER PT - MRN 0049921] belong to another patient "
     "(Harold Reese) and are being moved. **\nChronic low back pain, NRS 6/10 today.\n"
     "Screens: no active infection. Urine hCG negative today. PMH: none. [OTHER PT - MRN "
     "0049921] ESRD on HD, severe. Purpose: pain relief; not cosmetic.",
     "severe_comorbidities", ["esrd"]),
    # the helper's own wordings: a fax, an e-mail, a form, a chat answer
    ("64493", "FAX from Lakeside Spine. Note: entries flagged [B] are for a different patient "
     "(wrong chart) and will be removed.\nFacet-mediated LBP x 6 months.\n[B] Pregnant, 20 "
     "weeks by dates.\nUrine hCG negative 12/01/2026.", "pregnancy", "pregnant"),
    ("62311", "Hi all - lines starting with ** are from another patient's chart, HIM is "
     "fixing it.\nL5 radiculopathy x 4 months.\n** Active infection: cellulitis on IV "
     "antibiotics.\nNo active infection, afebrile.", "active_infection", True),
    ("71250", "Intake form (merged). Rows marked (X) belong to MRN 551200 and will be "
     "relinked.\nCough x 10 weeks.\n(X) FEV1 45% predicted 11/02/2026.\nFEV1 72% predicted "
     "11/20/2026.", "fev1_percent_predicted", 45.0),
    ("97110", "fyi the lines with 'B:' are another patient's, the MA pasted two charts\n"
     "Shoulder pain x 5 months, pain 6/10.\nB: pain 2/10, postpartum 3 wks.\n",
     "postpartum", True),
])
def test_lines_a_text_tags_as_another_patient_s_are_never_read(
        cpt: str, text: str, fact: str, never: object) -> None:
    got = read(text, cpt).get(fact)
    assert got != never and got != str(never)


# The patient's own lines beside the tagged ones, and a tag the text gives to this
# patient or defines for no one: still read.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Lines marked [PT B] belong to MRN 0049921 and will be moved.\nPt A: low back "
     "pain x 5 months, NRS 6/10 today.\n[PT B] Neck pain 9/10.", "pain_nrs", 6.0),
    ("62311", "Lines marked [A] are for this patient; the rest is the template.\n[A] Active "
     "infection: cellulitis on IV antibiotics.", "active_infection", True),
    ("71250", "[X] FEV1 45% predicted 11/02/2026.", "fev1_percent_predicted", 45.0),
    ("64493", "Lines tagged [OTHER PT] belong to another patient.\nPMH: none. "
     "[OTHER PT] ESRD on HD. Purpose: pain relief; not cosmetic.", "cosmetic_purpose", False),
])
def test_the_patient_s_own_lines_beside_a_tag_are_still_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    got = read(text, cpt).get(fact)
    assert got == value or (isinstance(value, float) and got is not None and float(got) == value)


# f19-97110-codeswitch-sisters-mri: Spanish "he" ("I have") before a past participle is
# no English pronoun, so no man and no pregnancy "not applicable".
@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", 'MA note 11/27/2026: pt called back - "La resonancia (MRI) que les mandé es de '
     'mi hermana, no es mía. Yo nunca me he hecho una MRI." Sister\'s report removed from the '
     "chart."),
    # the helper's own wordings: a phone note, a portal message, an interpreter's form
    ("64493", "Phone note: pt says in Spanish \"no he tenido fiebre ni infección\"; back pain "
     "x 6 months."),
    ("62311", "Portal message (pt's words): Hola, ya he ido a terapia física 8 semanas y no "
     "he visto mejoría."),
    ("97110", "Interpreter form - patient answers: ¿Embarazada? \"No, y nunca he estado "
     "embarazada.\" Shoulder pain since July."),
])
def test_spanish_he_before_a_participle_is_no_pronoun(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") != "not_applicable"


# The English pronoun and a Spanish sentence about a man: still a man.
@pytest.mark.parametrize(("cpt", "text"), [
    ("97110", "Knee OA. Spoke with the pt; he has done his exercises daily."),
    ("64493", "Facet pain L4-5. He hurt his back lifting; he decided to try PT first."),
    ("62311", "Radiculopathy. Paciente masculino de 52 años; he reports 7/10 leg pain."),
])
def test_the_english_he_still_says_a_man(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_applicable"


# f19-97110-codeswitch-onset-and-pain: a date's day ("el 3 de agosto") is no pain score;
# "un 7 de 10" is one.
@pytest.mark.parametrize(("cpt", "text", "pain"), [
    ("97110", 'Patient message transcribed by MA (L. Soto), 11/24/2026:\n"Hola, soy Rosa '
     "Delgado. My shoulder pain empezó el 3 de agosto cuando me caí en el trabajo. Ahora el "
     'dolor es un 7 de 10, todo el día, I can\'t lift my arm arriba."', 7.0),
    # the helper's own wordings
    ("64493", "Voicemail (pt): my back pain started el 2 de marzo, it's bad.", None),
    ("64493", "Text from pt: back pain since 5 de septiembre de 2026, ahora el dolor es 8 "
     "sobre 10.", 8.0),
    ("97110", "E-mail from the patient's daughter: her knee pain began 4 août after a fall.",
     None),
])
def test_a_date_s_day_in_spanish_or_french_is_no_pain_score(
        cpt: str, text: str, pain: float | None) -> None:
    got = read(text, cpt).get("pain_nrs")
    assert (None if got is None else float(got)) == pain


# Outside tester session 15 F18: a decimal comma before a unit ("T 38,4 °C") or a raised
# dot ("38·4") is a decimal point, never the integer part alone.
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("T 38,4 °C. WBC 16,4 x10^9/L. FEV1 64,5 % predicted.", "body_temperature", "38.4 C"),
    ("T 38·4 C; WBC 16·4.", "body_temperature", "38.4 C"),
    # the helper's own wordings: a locum's fax, a nurse's e-mail, a form
    ("Fax from Dr. Weber (Berlin): Fieber 38,6 °C on arrival, cough x 3 weeks.",
     "body_temperature", "38.6 C"),
    ("E-mail: his spirometry came back, FEV1 58,5% of predicted.", "fev1_percent_predicted",
     58.5),
    ("Vitals form | Temp: 37,9 C | SpO2 95 %", "body_temperature", "37.9 C"),
])
def test_a_decimal_comma_is_a_decimal(text: str, fact: str, value: object) -> None:
    got = read(text, "71250").get(fact)
    assert got == value or (isinstance(value, float) and got is not None and float(got) == value)


# A comma before three digits groups thousands; one with no unit after it is a list.
def test_a_thousands_comma_and_a_list_are_still_read_so() -> None:
    assert str(read("WBC 16,400 on 12/01/2026.", "71250").get("wbc_count")) == "16400"
    assert str(read("Pain 7/10 today, courses 2,3 of PT failed.", "64493").get("pain_nrs")) == "7"


# Outside tester session 15 F17: a date the writer marks as day first, or spells out
# beside it, is read day first.
@pytest.mark.parametrize(("cpt", "text", "fact", "day"), [
    ("64493", "MRI L-spine 04/11/2026 (dd/mm/yyyy).", "ct_mri_date", date(2026, 11, 4)),
    ("71250", "PFTs 03/02/2026 (3 Feb 2026): FEV1 65%.", "pft_date", date(2026, 2, 3)),
    ("62311", "(UK dates) H&P 02/12/2026. MRI 10/11/2026 showing L5 nerve root compression.",
     "hp_date", date(2026, 12, 2)),
    # the helper's own wordings
    ("64493", "Letter from the Leeds spine clinic - all dates are dd/mm/yyyy. MRI lumbar "
     "06/10/2026.", "ct_mri_date", date(2026, 10, 6)),
    ("97110", "Portal form: X-rays R shoulder 05/09/2026 [DD/MM/YYYY], 2 sets.", "xray_date",
     date(2026, 9, 5)),
    ("64493", "Fax: MRI 01/10/2026 (1st Oct 2026) shows facet arthropathy.", "ct_mri_date",
     date(2026, 10, 1)),
])
def test_a_date_marked_day_first_is_read_day_first(
        cpt: str, text: str, fact: str, day: date) -> None:
    assert str(read(text, cpt).get(fact)) == day.isoformat()


# A date marked month first, or unmarked, stays month first.
@pytest.mark.parametrize(("text", "day"), [
    ("MRI L-spine 04/11/2026 (mm/dd/yyyy).", date(2026, 4, 11)),
    ("MRI L-spine 11/02/2026.", date(2026, 11, 2)),
    ("MRI 08/09/2026 [Aug 9 2026].", date(2026, 8, 9)),
    ("Dates are DD/MM/YYYY on the cover sheet; MRI 11/19/2026 per our chart.",
     date(2026, 11, 19)),
])
def test_a_date_not_marked_day_first_stays_month_first(text: str, day: date) -> None:
    assert str(read(text, "64493").get("ct_mri_date")) == day.isoformat()


# Outside tester session 15 F4: the letter's writer or a named clinician ("From: Mr.
# Okoye, spine surgeon", "Mr. Akande is the surgeon") is no patient's sex.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "From: Mr. Okoye, spine surgeon. Patient 38F. Pregnancy test pending."),
    ("97110", "Mr. D. Akande, Consultant. Re: Ms. P. Natarajan, 44F. Shoulder pain."),
    # the helper's own wordings: a fax header, a phone note, an e-mail signature
    ("64493", "FAX - Signed: Mr. R. Hale, consultant orthopaedic surgeon. Pt 41 y/o, facet "
     "pain L4-5."),
    ("62311", "Phone note: Mr. Banks is her physiotherapist; he says she did 8 weeks."),
    ("97110", "Referral letter. Mr. Iqbal, our registrar, saw her on 11/20. Knee OA."),
])
def test_a_clinician_called_mr_is_not_the_patient(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") != "not_applicable"


# The patient called "Mr.": still a man.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Mr. Diaz, 58, facet pain L4-5."),
    ("97110", "Re: Mr. P. Natarajan, 44. Shoulder pain x 5 months."),
    ("62311", "Mr. Banks reports leg pain 7/10; seen by Dr. Ortiz."),
])
def test_the_patient_called_mr_is_still_a_man(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pregnancy") == "not_applicable"


# Outside tester session 15 F12: the figure after the patient's sex is her age, never an
# answer to a weeks question.
@pytest.mark.parametrize("reply", [
    "Mr. Akande is the surgeon. Patient is female, 44.",
    "she's female, 44",
    "pt is a woman, 52; no other info",
    "F, 38",
])
def test_an_age_after_the_sex_answers_no_weeks_question(reply: str) -> None:
    got = understand(reply, cpt="97110", pending=["conservative_weeks"], as_of=AS_OF)
    assert "conservative_weeks" not in {r.fact for r in got.facts}


def test_a_length_after_the_sex_still_answers_it() -> None:
    got = understand("female, 14 weeks", cpt="97110", pending=["conservative_weeks"],
                     as_of=AS_OF)
    assert {r.fact: r.value for r in got.facts}.get("conservative_weeks") == "14 weeks"


# f19-64493-merged-pmh-hcg: in a text that says it holds two patients' entries, entries
# headed by persons' names are asked, not read, unless the others are given to another
# patient (then the one left is the patient's).
@pytest.mark.parametrize(("cpt", "text", "fact", "never"), [
    ("64493", "PMH (merged):\n  Vega - none.\n  Reese - ESRD on HD MWF, severe per nephrology; "
     "DM2 on insulin.\nPregnancy test: Vega - urine hCG negative 12/01/2026. Reese - n/a.",
     "severe_comorbidities", ["esrd", "diabetes"]),
    # the helper's own wordings: a nurse's e-mail, a scheduler's phone note
    ("62311", "E-mail from HIM: two patients were merged in this encounter.\nInfection "
     "screen: Alvarez - cellulitis R leg on Keflex. Brooks - none.", "active_infection", True),
    ("71250", "Phone note (charts combined by mistake, other patient is in bed 4):\n"
     "Okafor - FEV1 41% predicted.\nLindqvist - FEV1 72% predicted.",
     "fev1_percent_predicted", 41.0),
])
def test_entries_headed_by_two_patients_names_are_not_read(
        cpt: str, text: str, fact: str, never: object) -> None:
    got = read(text, cpt).get(fact)
    assert got != never and (got is None or not isinstance(never, float) or float(got) != never)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # the other name given to another patient: the one left is the patient's
    ("62311", "Merged chart - HIM note: Brooks is another patient (MRN 55120).\nInfection "
     "screen: Alvarez - cellulitis R leg on Keflex. Brooks - none.", "active_infection", True),
    # no merge said: a name heading a line is read as any line
    ("64493", "Consults: Ames - PCP consult 10/15/2026 on file. Iyer - pain clinic.",
     "pcp_consult_documented", True),
    # one name only
    ("64493", "Merged note. Vega - urine hCG negative 12/01/2026.", "pregnancy", "not_pregnant"),
])
def test_entries_of_the_patient_s_name_are_still_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# f19-71250-transition-mom-vs-patient-inhaler: a symptom named as when a medicine is used
# ("the albuterol does help when he's wheezy") says when it is used, not that it is there.
@pytest.mark.parametrize("text", [
    "Transition visit: Mom says he \"uses his inhaler and it doesn't do much.\" He (19, "
    "answering for himself now) says the albuterol does help when he's wheezy, and he uses "
    "it before basketball.",
    # the helper's own wordings: a phone note, a med list, a chat answer
    "Phone note: she has a rescue inhaler and uses it when short of breath, maybe twice a "
    "month.",
    "Med list: albuterol HFA 2 puffs q4h prn for wheeze; fluticasone daily.",
    "the inhaler helps when she's coughing at night, she says",
])
def test_a_symptom_a_medicine_is_used_for_is_no_current_symptom(text: str) -> None:
    assert read(text, "71250").get("respiratory_symptoms") is None


@pytest.mark.parametrize("text", [
    "Cough x 10 weeks, wheezy at night.",
    "Short of breath when climbing stairs since September.",
    "Persistent cough; albuterol did not help.",
])
def test_a_symptom_said_of_the_patient_is_still_read(text: str) -> None:
    assert read(text, "71250").get("respiratory_symptoms") is True


# Outside tester session 15 F19: an aside right after a clinician's name that says how
# the clinician is ("PA-C K. Dunn (currently pregnant, leaving 12/15)") is the clinician's.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "PA-C K. Dunn (currently pregnant, leaving 12/15) saw the patient; Dr. Varga to "
     "follow."),
    # the helper's own wordings: a scheduler's note, a fax cover, a PT's e-mail
    ("97110", "Scheduler: therapist J. Ruiz (on maternity leave from 12/01) - covering PT "
     "will see her. Shoulder pain 6/10."),
    ("64493", "FAX cover - from Dr. Amal Haddad (pregnant herself, please call the office "
     "not her cell). Re: facet injection L4-5."),
    ("97110", "E-mail: her PT, Dana Cho, DPT (now postpartum, back in January), left the "
     "logs for us. Knee OA."),
])
def test_an_aside_about_the_clinician_is_not_the_patient_s(cpt: str, text: str) -> None:
    got = read(text, cpt)
    assert got.get("pregnancy") != "pregnant" and got.get("postpartum") is not True


# The patient's own pregnancy and a clinician's role in brackets: still read.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Seen by Dr. Varga (attending). Pt is pregnant, 20 weeks.", "pregnancy",
     "pregnant"),
    ("64493", "PA-C K. Dunn saw the patient (currently pregnant, 12 weeks).", "pregnancy",
     "pregnant"),
])
def test_the_patient_s_own_state_beside_a_clinician_is_still_read(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


# Outside tester session 15 F26: a score out of another scale ("3 out of 5", "(5-point
# scale)") is no 0-10 pain score, and the scale's size is no score either.
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "Pain: 3 out of 5."),
    ("97110", "Pain 3/5 (5-point scale)."),
    # the helper's own wordings: a PT's e-mail, a phone note, a form
    ("64493", "E-mail from PT: she rates her back pain 4 out of 5 most days."),
    ("97110", "Phone note: knee pain is \"a 2 out of 4\" per pt, on the clinic's four point "
     "scale."),
    ("64493", "Intake form | Pain: 2/4 (4-point scale) |"),
])
def test_a_score_on_another_scale_is_no_pain_score(cpt: str, text: str) -> None:
    assert read(text, cpt).get("pain_nrs") is None


@pytest.mark.parametrize(("text", "pain"), [
    ("Rates pain 6 out of 10 today.", "6"),
    ("Pain 7/10, strength 4 out of 5 in the L hip flexors.", "7"),
    ("Pain 8 out of 10 (0-10 NRS).", "8"),
])
def test_a_score_out_of_ten_is_still_read(text: str, pain: str) -> None:
    assert read(text, "64493").get("pain_nrs") == pain


# Outside tester session 15 F21: a form's answer its own line calls an error ("Y  (error -
# should read N)") is taken back, never read.
@pytest.mark.parametrize(("text", "fact", "never"), [
    ("Active infection: Y  (error - should read N; see addendum)", "active_infection", True),
    # the helper's own wordings: a fax form, a portal form, a chat paste
    ("Pregnant: Yes (typo, should read No)", "pregnancy", "pregnant"),
    ("Cosmetic purpose: Y -- entered in error, should be N per MD", "cosmetic_purpose", True),
    ("Infection: N (wrong - should be Y, cellulitis on Keflex)", "active_infection", False),
])
def test_a_form_answer_its_line_calls_an_error_is_not_read(
        text: str, fact: str, never: object) -> None:
    assert read(text, "64493").get(fact) != never


def test_a_form_answer_not_called_an_error_is_still_read() -> None:
    assert read("Active infection: Y (cellulitis, on Keflex)", "64493").get(
        "active_infection") is True
    assert read("Active infection: N. No error on the prior form.", "64493").get(
        "active_infection") is False

"""What is on file, and what a form leaves open (session 21, records21): a template's line
left unfinished states nothing; a box stands for its whole item, and in a row of items each
with its box after it, the box after an item is that item's; radio buttons are boxes; a
record someone will send or bring, or a consult still to see the patient, is not on file;
an audit's criterion label is no finding; a record's field answered "n/a" is asked.
Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a line whose last word is a placeholder left unfilled --------------------------------

@pytest.mark.parametrize(("text", "fact", "cpt"), [
    ("Docs in packet:\n[x] Orthopedic spine consult ***\n[x] PT notes",
     "specialist_consult_documented", "64493"),
    ("Attachments\n- Physiatry consultation ___\n- PT progress notes",
     "specialist_consult_documented", "97110"),
    ("Packet contents: med list with doses {YES/NO:***}", "medication_list_documented", "64493"),
    ("Pulm consult note: {YES/NO:***}", "specialist_consult_documented", "71250"),
    ("[x] Pain medication list w/ dosages ***", "medication_list_documented", "64493"),
])
def test_an_entry_left_with_its_placeholder_is_asked(text: str, fact: str, cpt: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize("text", [
    "Meds failed: ibuprofen 800 TID x 6 wks - no help; gabapentin - ***",
    "Failed drugs: meloxicam 15 mg daily x 10 wk, failed; tramadol ***",
    "Meds tried: celecoxib 200 mg daily x 8 wks (no relief); duloxetine - ___",
])
def test_a_list_with_an_unfilled_entry_gives_no_count(text: str) -> None:
    got = read(text, "64493")
    assert "medication_courses_failed" not in got
    assert "medication_list_documented" not in got


# (guards: what the fix must leave read)
def test_a_filled_line_under_an_unfilled_one_is_still_read() -> None:
    got = read("Spine consult: ***\n[x] PT notes attached", "64493")
    assert str(got.get("pt_notes_documented")) == "True"
    assert "specialist_consult_documented" not in got


# (guard: a title framed by the marks is no blank)
def test_a_framed_title_is_no_unfinished_entry() -> None:
    got = read("*** PAIN MANAGEMENT CONSULTATION ***\nDr. Ames, pain management: my "
               "consultation for the requested injection is enclosed.", "64493")
    assert str(got.get("specialist_consult_documented")) == "True"


# (guards: the fields before the unfinished one keep their answers)
@pytest.mark.parametrize(("text", "fact", "value", "cpt"), [
    ("Baseline NRS (pre-tx): 6 | Current NRS: ***", "pain_nrs_baseline", "6", "62311"),
    ("Exam: lumbar ROM decreased in extension | Gait: antalgic | Neuro: ***", "decreased_rom",
     "True", "64493"),
    ("Comorbid:  [x] None   [ ] DM   [ ] CHF   [ ] Other ____", "severe_comorbidities", "[]",
     "64493"),
    ("Imaging\tXR L-spine 08/12/2026\trepeat MRI ***", "xray_date", "2026-08-12", "64493"),
])
def test_the_fields_before_an_unfinished_last_one_are_read(text: str, fact: str, value: str,
                                                           cpt: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- an unticked box stands for its whole item ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Documentation attached:\n[x] H&P (11/30/2026)\n[ ] Pain medication list w/ dosages",
    "Checklist\n☐ Copy of the current pain medication list with doses\n☑ PT notes",
    "Sent to payer:\n☐ Pain medication list incl. all current dosages",
])
def test_an_unticked_items_later_words_are_the_unticked_item(text: str) -> None:
    assert str(read(text, "64493").get("medication_list_documented")) == "False"


# (guard: a limit after the box, the record named again after a dash, as before)
def test_an_unticked_limit_then_the_record_again_is_not_denied() -> None:
    got = read("[ ] H&P within 30 days - last H&P 9/15/2026", "64493")
    assert str(got.get("hp_date")) == "2026-09-15"


# --- a row of items each with its box after it ----------------------------------------------

@pytest.mark.parametrize(("text", "values"), [
    ("Records rec'd: PT notes [x]   Med list [ ]   PCP consult [x]",
     {"pt_notes_documented": "True", "medication_list_documented": "False",
      "pcp_consult_documented": "True"}),
    ("Attachments: H&P [x]   Med list [ ]   Specialist consult [x]",
     {"medication_list_documented": "False", "specialist_consult_documented": "True"}),
    ("In chart -- medication list ☐   progress notes ☑   ortho consult ☐",
     {"medication_list_documented": "False", "pt_notes_documented": "True",
      "specialist_consult_documented": "False"}),
])
def test_the_box_after_an_item_is_its_own(text: str, values: dict[str, str]) -> None:
    got = read(text, "64493")
    assert {k: str(got.get(k)) for k in values} == values


@pytest.mark.parametrize("text", [
    "Infection [X]   None [ ]",
])
def test_a_ticked_item_before_an_unticked_none_is_not_denied(text: str) -> None:
    assert str(read(text, "62311").get("active_infection")) != "False"


# --- radio buttons --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Q6. Do you have an infection right now?  ( ) Yes  (•) No", "False"),
    ("Any active infection?   (x) Yes   ( ) No", "True"),
    ("3) Current infection?  ( ) Y  (●) N", "False"),
])
def test_a_filled_radio_button_answers(text: str, value: str) -> None:
    assert str(read(text, "62311").get("active_infection")) == value


# --- a record promised, brought later, or a consult still to see the patient ---------------

@pytest.mark.parametrize(("text", "fact", "cpt"), [
    ('PT POC + progress notes: "will send" - NOT yet rec\'d as of 1600.', "pt_notes_documented",
     "64493"),
    ("Progress notes from Core PT not rec'd yet.", "pt_notes_documented", "64493"),
    ("Ortho spine consult: pt says he will bring the letter to his next appt.",
     "specialist_consult_documented", "64493"),
    ("Pt: the therapist gave me a paper log. I bring next visit.", "treatment_logs_documented",
     "71250"),
    ("Pulmonology consult - they will see him tomorrow.", "specialist_consult_documented",
     "71250"),
    ("PFT results: hospital lab will fax once read.", "pft_results_documented", "71250"),
    ('Consults: Pain management consulted - "will see in AM."', "pain_or_pcp_consult_documented",
     "62311"),
    ("Pain mgmt consult done 11/20. They will fax it.", "pain_or_pcp_consult_documented",
     "62311"),
])
def test_a_record_still_to_come_is_not_on_file(text: str, fact: str, cpt: str) -> None:
    assert str(read(text, cpt).get(fact)) != "True"


# (guards: a follow-up of a consult done, a short next sentence about something else)
@pytest.mark.parametrize("text", [
    "Pain management consult 10/02 (Dr. Ames) - recommends ESI, will see her back in 6 wks.",
    "Pain management consult on file. Will see back after the ESI.",
    "Pain management consult done 11/20. Pain 7/10 today.",
])
def test_a_consult_done_with_a_follow_up_is_on_file(text: str) -> None:
    assert str(read(text, "62311").get("pain_or_pcp_consult_documented")) == "True"


# --- an audit's criterion label -------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ('Item 9, Contraindications:\n  Infection - "denies fevers, no active infection" (p. 2) OK',
     "False"),
    ("1. Active infection - per PCP 11/30: no active infection. Met.", "False"),
    ("- Infection - denies any infection, afebrile", "False"),
    ("Infection - UTI on Macrobid since 12/1 (PCP note)", "True"),
])
def test_a_criterion_label_yields_to_the_finding_after_it(text: str, value: str) -> None:
    assert str(read(text, "64493").get("active_infection")) == value


# --- a record's field answered "n/a" --------------------------------------------------------

@pytest.mark.parametrize(("text", "fact", "cpt"), [
    ("Specialist consult: n/a", "specialist_consult_documented", "97110"),
    ("Treatment logs: N/A", "treatment_logs_documented", "97110"),
    ("Pulm consult - N/A", "specialist_consult_documented", "71250"),
])
def test_a_records_field_marked_not_applicable_is_asked(text: str, fact: str, cpt: str) -> None:
    assert fact not in read(text, cpt)


# --- a specialist's consult on file, in the specialty's short or foreign names ---------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Resp consult letter on file.", "71250"),
    ("Respirology consult letter on file (Dr. Amin).", "71250"),
    ("IPM initial consult 10/20/2026 (Dr. Castellanos).", "64493"),
    ("Spine clinic consult letter on file.", "64493"),
    ("Pain clinic consult 11/02/2026 (Dr. Ruiz).", "64493"),
])
def test_a_specialists_consult_on_file_by_a_short_name(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("specialist_consult_documented")) == "True"


@pytest.mark.parametrize(("text", "cpt"), [
    ("Ortho consult 10/20/2026 (Dr. Lee) - cancelled.", "64493"),
    ("Ortho consult with Dr. Lee 10/20/2026 - cancelled.", "97110"),
    ("Pain clinic consult 12/20/2026 (Dr. Ruiz).", "64493"),
    ("Respiratory therapy consult on file.", "71250"),
    ("Pulmonary consult requested 11/30.", "71250"),
])
def test_a_consult_cancelled_booked_or_not_a_specialists_is_not_on_file(text: str,
                                                                         cpt: str) -> None:
    assert str(read(text, cpt).get("specialist_consult_documented")) != "True"


# --- a specialist named as the author of another record -------------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("H&P of 09/15/2026 by Dr. Amadi (orthopedic spine) is attached; no change since.", "64493"),
    ("Op note from Dr. Lee (spine surgeon) attached.", "64493"),
    ("MRI 10/02/2026 read by the pulmonologist, report in chart.", "71250"),
])
def test_another_record_by_a_specialist_is_no_consult(text: str, cpt: str) -> None:
    assert "specialist_consult_documented" not in read(text, cpt)


# (guard: the specialist's own consult beside the name)
def test_the_specialists_own_consult_is_still_on_file() -> None:
    got = read("Dr. Amadi (orthopedic spine) - consult note attached.", "64493")
    assert str(got.get("specialist_consult_documented")) == "True"

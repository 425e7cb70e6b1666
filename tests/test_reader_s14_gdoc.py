"""A mention is not a statement (session 14, helper gdoc): a word that names a document
says nothing of its being this patient's and on file. Each test holds the corpus input
that read a false fact and wordings of the same kind written by the helper, with plain
statements that must still be read. Readings go through :func:`agent.reading.understand`
under the policy named."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# f10-71250-chat-consult-unsigned ("pulm consult - they saw him 11/20 but the note isn't
# signed yet"), f6-62311-cm-pcp-unsigned-pain-appt-later ("Pain management consult: pt has
# her first appt 12/3"), f14-71250-hosp-dispo-referral-to-be-written ("the referral letter
# for the CT is to be written by the PCP"), f15-62311-quality-audit-consult-not-in-packet-
# logs-present ("... is ticked 'attached' on the checklist but is not in the packet"): the
# record's own sentence goes on to say it is not on file yet (`record_not_yet` in
# context.yaml): asked, never read as on file.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "yes PCP referral attached. pulm consult - they saw him 11/20 but the note "
     "isn't signed yet. PFTs yes, 10/02, FEV1 was 58%", "specialist_consult_documented"),
    ("71250", "Pulmonology consult: seen 11/18, note still unsigned.",
     "specialist_consult_documented"),
    ("62311", "CM: called PCP office for the consult note - dictated 11/14, not yet signed. "
     "Pain management consult: pt has her first appt 12/3.", "pain_or_pcp_consult_documented"),
    ("64493", "Ortho consult: first appointment is 12/10/2026.", "specialist_consult_documented"),
    ("71250", "PCP Dr. Lee to see in 1 week - the referral letter for the CT is to be written "
     "by the PCP.", "pcp_referral_documented"),
    ("71250", "The PCP referral letter has yet to be written.", "pcp_referral_documented"),
    ("62311", "Audit: the pain management consultation is ticked \"attached\" on the checklist "
     "but is not in the packet; requested from Dr. Iyer's office 12/01, not received yet.",
     "pain_or_pcp_consult_documented"),
    ("64493", "PCP consult note listed on the cover sheet, not included in the fax.",
     "pcp_consult_documented"),
])
def test_a_record_its_sentence_says_is_not_on_file_yet_is_asked(
        cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is not True


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "Pulm consult 11/20 attached; the note is signed.", "specialist_consult_documented"),
    ("62311", "Pain management consult 11/14 on file.", "pain_or_pcp_consult_documented"),
    ("71250", "PCP referral letter attached.", "pcp_referral_documented"),
    ("64493", "PCP consult note (Dr. Lin, 10/02/2026) included in the packet.",
     "pcp_consult_documented"),
])
def test_a_record_said_to_be_on_file_is_still_read(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# f14-62311-ms-bullets-corrected-weeks ("actually 12 per PT log"), f14-64493-reviewer-per-
# records-summary ("Per med list: naproxen 500 BID 2025 - failed"): a record named as the
# source of another figure ("per", "according to") says where the figure came from, not
# that the record is on file: asked, unless its sentence says so or dates it.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "- PT: 10 wks - actually 12 per PT log (corrected by attending)",
     "treatment_logs_documented"),
    ("64493", "Per med list: naproxen 500 BID 2025 - failed; Medrol dosepak 06/2026 - failed.",
     "medication_list_documented"),
    ("97110", "She did 9 weeks according to the therapy log.", "treatment_logs_documented"),
    ("64493", "Gabapentin 300 mg TID per the medication list, stopped for dizziness.",
     "medication_list_documented"),
])
def test_a_record_named_as_a_figure_s_source_is_not_said_on_file(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "PT 12 weeks per the standardized log on file.", "treatment_logs_documented"),
    ("64493", "Per medication list with doses (in file): diclofenac 75 mg BID.",
     "medication_list_documented"),
    ("64493", "Med list attached: naproxen 500 mg BID.", "medication_list_documented"),
    ("97110", "Treatment logs attached (dates and outcomes).", "treatment_logs_documented"),
])
def test_a_record_cited_and_said_on_file_is_still_read(cpt: str, text: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is True


# f15-64493-pdf-timeline-page-headers-imaging-and-pain ("11/16/2026  Office visit - NRS
# 6/10"), f15-64493-denial-letter-only-mri-out-of-window ("at the 11/12/2026 office
# visit"): a visit's date is no history and physical's; the H&P's date needs its sentence
# to name the exam or the H&P (hp_date's `qualifier`).
@pytest.mark.parametrize(("cpt", "text"), [
    ("64493", "11/16/2026  Office visit - NRS 6/10, worse with extension."),
    ("64493", "Pain was documented at 7/10 on the NRS at the 11/12/2026 office visit, and the "
     "member's urine hCG on 11/12/2026 was negative."),
    ("62311", "Office visit 11/20/2026 - pt called to reschedule her ESI."),
    ("64493", "Seen in clinic 10/02/2026 for a work note."),
])
def test_a_visit_s_date_is_not_the_h_and_p_s(cpt: str, text: str) -> None:
    assert "hp_date" not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "value"), [
    ("64493", "Office visit\t2026-06-02\tComprehensive H&P", "2026-06-02"),
    ("62311", "Seen in clinic 10/02/2026, full exam documented.", "2026-10-02"),
    ("64493", "Last office visit 11/20/2026 (physical exam, neuro intact).", "2026-11-20"),
    ("62311", "H&P 11/19/2026 on file.", "2026-11-19"),
])
def test_a_visit_that_names_its_exam_still_dates_the_h_and_p(
        cpt: str, text: str, value: str) -> None:
    assert read(text, cpt).get("hp_date") == value


# f17-71250-palliative-comfort-vitals ("Vitals per comfort protocol: routine vitals not
# taken"): a record named as a heading and its sentence going on to say it was not taken
# is no record on file (`records.not_yet`): asked.
@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Vitals per comfort protocol: routine vitals not taken. RR counted at 24. "
     "SpO2 not checked."),
    ("71250", "Vitals this visit: not obtained, pt declined."),
    ("71250", "Current vitals - were not recorded at triage."),
    ("71250", "Vital signs per nursing: not taken (pt asleep)."),
])
def test_vitals_said_not_taken_are_not_on_file(cpt: str, text: str) -> None:
    assert read(text, cpt).get("current_vitals_documented") is not True


@pytest.mark.parametrize(("cpt", "text"), [
    ("71250", "Vitals today: T 36.9, HR 88, BP 124/76, RR 18, SpO2 93% RA."),
    ("71250", "Vitals: BP 128/80, HR 72, RR 16, SpO2 97% RA; labs not obtained."),
    ("71250", "Current vitals on file (12/01/2026)."),
])
def test_vitals_given_are_still_on_file(cpt: str, text: str) -> None:
    assert read(text, cpt).get("current_vitals_documented") is True

"""The quoted-claim gate (session 15, ``agent/reading/gates.py``, ``evals/reader/gates.md``):
a reading whose words start inside a quotation that its line gives as someone's claim
(a verb of claiming before the quotation: states, describes, opined, submitted, ...; its
subject not a record) is asked, whatever the fact. Chosen on the blind readings of
fresh13-16 (3 false readings removed, no right one lost), judged on fresh17-18 (4 false
removed, none right lost) and the whole corpus (5 false, 1 right). Blind inputs,
wordings of the same meaning written by the gate's author, and quotations the gate must
leave to be read."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand
from agent.reading.gates import quoted_claim

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str) -> dict[str, object]:
    u = understand(text, cpt=cpt, pending=[], as_of=AS_OF)
    return {r.fact: str(r.value) for r in u.facts}


# f15-62311-quality-audit-baseline-from-ed-corrected (blind, choosing set) and
# f18-62311-mdreview-hypertension-not-severe (blind, judging set): the writer quotes a
# summary or a requester to dispute it, and the quoted figure or finding was read.
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", 'Audit finding: the chart summary gives "baseline pain 7/10". The PT initial '
     "evaluation, before any treatment, records 5/10.", "pain_nrs_baseline"),
    ("62311", 'The requesting physician describes "severe uncontrolled hypertension". On review, '
     "BP 128/78 and 134/82 on two agents.", "severe_comorbidities"),
    # my own wordings
    ("64493", 'Submitted: "failed 20 weeks of conservative care." Records show PT '
     "09/01-10/27/2026 only.", "failed_conservative"),
    ("64493", "The member's attorney describes \"severe uncontrolled diabetes\". A1c 6.2 on "
     "metformin alone.", "severe_comorbidities"),
    ("62311", 'The IME physician opined that her pain is "purely cosmetic". We dispute this.',
     "cosmetic_purpose"),
    ("64493", 'The cover sheet claims "MRI L-spine 11/20/2026" - no such study in PACS.',
     "ct_mri_date"),
])
def test_a_finding_inside_a_claim_someone_is_quoted_making_is_asked_not_read(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)
    assert quoted_claim(text, text.index('"') + 1)  # the gate's, whatever else asks it


# What the gate must leave alone: a record quoted without a verb of claiming or as the
# verb's subject, a speaker's own words after a label, a quotation elsewhere in the
# sentence.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", 'Per PCP note 11/02: "pain 7/10".', "pain_nrs", "7"),
    ("64493", 'The PT discharge note states "12 weeks of PT, no improvement".', "pt_weeks",
     "12 weeks"),
    ("64493", 'Referral reads: "chronic low back pain x 8 months, failed PT".',
     "symptom_weeks", "8 months"),
    ("64493", 'Pt: "my pain is a 7 today"', "pain_nrs", "7"),
    ("64493", "Pain 6/10 today. She says the injection \"might help\".", "pain_nrs", "6"),
    ("64493", 'Dx: "lumbar facet arthropathy". Pain 6/10 today, PT 12 weeks failed.',
     "pain_nrs", "6"),
])
def test_a_quoted_document_or_a_quotation_beside_the_finding_is_still_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


# f15-62311-quality-audit-weeks-double-counted: words that start in the quotation and run
# on to the writer's own figure are the writer's reading.
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("62311", 'The chart summary states "conservative care 16 weeks". Audit finding: the source '
     "documents\nshow PT for 6 weeks (08/03-09/14/2026) followed by meloxicam for 6 weeks "
     "(09/15-10/26/2026),\n12 weeks in total; the summary double-counted.",
     "conservative_weeks", "12 weeks"),
    ("64493", 'The referral letter states "PT for 14 weeks"; the PT discharge summary shows 9 '
     "weeks.", "pt_weeks", "9 weeks"),
])
def test_the_figure_the_writer_gives_after_disputing_a_quoted_one_is_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text", [
    'Per PCP note 11/02: "pain 7/10".',
    'The PT discharge note states "12 weeks of PT, no improvement".',
    'Pt: "my pain is a 7 today"',
    'Says she did "12 weeks" of PT at Valley Rehab.',
])
def test_a_record_or_a_person_s_own_words_quoted_pass_the_gate(text: str) -> None:
    assert not quoted_claim(text, text.index('"') + 1)

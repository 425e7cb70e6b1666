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

"""A finding that is not this patient's current finding for this procedure (session 13,
fixer gsubj): another body site, another person, resolved, or one option of a
differential. Each test holds the fresh16 input that read a false fact and wordings of
the same kind written by the fixer, with plain statements that must still be read.
Readings go through :func:`agent.reading.understand` under the policy named."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand

AS_OF = date(2026, 12, 3)


def read(text: str, cpt: str) -> dict[str, object]:
    return {r.fact: r.value for r in understand(text, cpt=cpt, pending=[], as_of=AS_OF).facts}


# f16-97110-dental-crown-prep-tooth-pain read the tooth's pain as the knee's;
# f16-97110-dental-bitewings-not-the-knee read dental films as the joint's X-rays;
# f12-71250-ed-ankle-pectus-ct read an ankle's pain for a chest CT. A fact of the
# procedure's own site, qualified by another body area (the words right before it, its
# bracket, "in the ..."), is not read; the areas are the policy's (`sites`).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("97110", "DENTAL PROGRESS NOTE 11/20/2026 - crown prep #30.\nMedical history update: on "
     "naproxen for knee osteoarthritis. Pain 3/10 (tooth) during prep, local anesthetic "
     "supplemented.", "pain_nrs"),
    ("97110", "DENTAL: 4 bitewing X-rays taken 11/20/2026.", "xray_sets"),
    ("97110", "Tooth pain 6/10 since the filling on Monday.", "pain_nrs"),
    ("97110", "Imaging: 2 sets of dental x-rays, last 11/2026.", "xray_sets"),
    ("97110", "Pain: 4/10 (L eye) after the corneal abrasion.", "pain_nrs"),
    ("71250", "ED note 11/27 - 19M, R ankle inversion injury, ankle pain 6/10, XR ankle neg.",
     "pain_nrs"),
    ("64493", "Knee pain 8/10 (L knee OA), seeing ortho.", "pain_nrs"),
    ("71250", "Pain 7/10 in the left knee since the fall.", "pain_nrs"),
])
def test_a_finding_of_another_body_site_is_not_the_procedure_s(
        cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "Knee pain 6/10 today.", "pain_nrs", "6"),
    ("97110", "Pain 5/10 (R shoulder), worse overhead.", "pain_nrs", "5"),
    ("97110", "X-rays of the right knee x 2 sets", "xray_sets", "2"),
    ("71250", "Pleuritic chest pain 7/10.", "pain_nrs", "7"),
    ("64493", "Low back pain 7/10, radiating to the right knee.", "pain_nrs", "7"),
    ("64493", "Pain 7/10 (lumbar), no leg symptoms.", "pain_nrs", "7"),
])
def test_a_finding_of_the_procedure_s_own_site_is_still_read(
        cpt: str, text: str, fact: str, value: str) -> None:
    assert read(text, cpt).get(fact) == value

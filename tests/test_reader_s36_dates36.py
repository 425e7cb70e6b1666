"""Session 36, dates36: which figure of a slashed date is the day. Wordings are this file's
own (not the corpus's, nor the testers').

1. A format the writer states anywhere in the message, in the date's own brackets beside
   other words ("02/08/2028 (done, dd/mm)"), as a table column ("| dd/mm/yyyy") or in a
   sentence ("Dates in dd/mm."), or an order said in words ("entered it day-first", "not
   day-first"), settles the order (phrase35a's Yoruba notes and phrase32a's helpdesk note
   read the month-first day).
2. A Latin letter marked below or stacked (Yoruba "ṣe", Igbo "ọ", Vietnamese "chụp") or a
   day-first country of Africa or Asia ("Harare", "Kampala", "Cairo"): a date either way
   round beside one is asked, never read month first (fresh28's Harare letter read 11 April
   for 4 November). A date that can only be read one way still settles it.
3. An X-ray, MRI or CT named in Cyrillic ("рентген", "МРТ", "КТ") is that study: under a
   generic "imaging" heading the X-ray's day was read as the MRI's (fresh39's Kazakh note).
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))
read28 = reader_at(date(2028, 8, 1))


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Medial branch block done 03/04/2026 (done, dd/mm).", "nerve_block_date",
     "2026-04-03"),
    ("97110", "Dates in dd/mm. Lumbar X-ray 05/06/2026, 2 views.", "xray_date", "2026-06-05"),
    ("97110", "X-ray knee | 05/06/2026 | dd/mm/yyyy", "xray_date", "2026-06-05"),
    ("62311", "MRI L-spine 02/03/2026 (entered as DD/MM).", "ct_mri_date", "2026-03-02"),
    ("64493", "Note: this clinic writes dates day first. MBB 03/04/2026.",
     "nerve_block_date", "2026-04-03"),
    ("64493", "Tab shows the medial branch block as 03/04/2026; the locum keyed it day-first.",
     "nerve_block_date", "2026-04-03"),
])
def test_a_stated_day_first_format_reads_the_day_first(cpt: str, text: str, fact: str,
                                                       value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: a month-first format or order said keeps the month first
    ("62311", "MRI L-spine 02/03/2026 (mm/dd, per US form).", "ct_mri_date", "2026-02-03"),
    ("97110", "X-ray 05/06/2026 (entered month-first, US style).", "xray_date", "2026-05-06"),
    ("97110", "X-ray 05/06/2026. Dates here are not day-first.", "xray_date", "2026-05-06"),
    ("64493", "Panadol 1 g. X-ray 05/06/2026 (mm/dd/yyyy).", "xray_date", "2026-05-06"),
    ("62311", "Dr. Ana Ruiz, M.D, referring. MRI 02/03/2026 shows stenosis.", "ct_mri_date",
     "2026-02-03"),
    ("62311", "MRI 02/03/2026 shows stenosis.", "ct_mri_date", "2026-02-03"),
])
def test_a_month_first_format_or_none_keeps_the_month_first(cpt: str, text: str, fact: str,
                                                            value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "MRI ṣe ní 05/06/2026, stenosis L4-5.", "ct_mri_date"),
    ("64493", "Ọ mere medial branch block na 04/05/2026.", "nerve_block_date"),
    ("97110", "Bệnh nhân chụp MRI gối 03/04/2026.", "mri_date"),
    ("64493", "Avondale Practice, Harare. Lumbar X-rays 04/11/2026 show facet arthropathy.",
     "xray_date"),
    ("62311", "CT L-spine done in Cairo on 10/11/2026.", "ct_mri_date"),
    ("97110", "Physio clinic, Kampala. X-ray knee 2/3/2026.", "xray_date"),
])
def test_a_day_first_writer_s_date_either_way_round_is_asked(cpt: str, text: str,
                                                             fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # near-misses: a date only one way round, or no sign at all, is still read
    ("64493", "X-ray (Harare) 11/19/2026, MRI 04/11/2026", "xray_date", "2026-11-19"),
    ("64493", "X-ray (Harare) 11/19/2026, MRI 04/11/2026", "ct_mri_date", "2026-04-11"),
    ("97110", "Nguyễn Văn An. X-ray 11/19/2026; MRI 05/06/2026.", "mri_date", "2026-05-06"),
    ("64493", "MRI ṣe ní 25/06/2026.", "ct_mri_date", "2026-06-25"),
    ("64493", "X-rays 04/11/2026 show facet arthropathy.", "xray_date", "2026-04-11"),
])
def test_a_date_settled_one_way_is_still_read(cpt: str, text: str, fact: str,
                                              value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "Бейнелеу [imaging]: рентген 02.07.2028 — L4-S1 фасет; МРТ 16.07.2028 — L4-L5.",
     "ct_mri_date", "2028-07-16"),
    ("64493", "Бейнелеу [imaging]: рентген 02.07.2028 — L4-S1 фасет; МРТ 16.07.2028 — L4-L5.",
     "xray_date", "2028-07-02"),
    ("64493", "Рентген поясничного отдела 03.05.2028: артроз фасеток L4-S1.", "xray_date",
     "2028-05-03"),
    ("62311", "Imaging: рентгенография 12.06.2028; МРТ 20.06.2028 — стеноз L4-L5.",
     "ct_mri_date", "2028-06-20"),
    ("64493", "Визуализация: КТ 14.06.2028 — facet arthropathy L4-5.", "ct_mri_date",
     "2028-06-14"),
    ("97110", "Rentgen kolana 14.05.2028, MRT 20.05.2028.", "xray_date", "2028-05-14"),
    # near-miss: an English MRI under the same heading keeps its reading
    ("64493", "Imaging: MRI 07/02/2028 facet effusion.", "ct_mri_date", "2028-07-02"),
])
def test_a_study_named_in_cyrillic_is_that_study(cpt: str, text: str, fact: str,
                                                 value: str) -> None:
    assert read28(text, cpt).get(fact) == value

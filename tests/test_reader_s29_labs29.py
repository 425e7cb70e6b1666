"""Session 29, coordinator: inflammatory labs said raised together ("both up", "both
raised" after the values and their date) or by an arrow are raised labs on file (62311
coverage; fresh32's huddle and ten other corpus texts asked for them)."""

from __future__ import annotations

from datetime import date

from reading_probe import reader_at

read = reader_at(date(2027, 7, 13))


def test_labs_said_up_together_are_raised_labs_on_file() -> None:
    for text in ("Bloods from 06/30: sed rate 52, CRP 31 - both came back high.",
                 "ESR 39 and CRP 14 (drawn 07/01/2027), both elevated per the lab.",
                 "Inflammatory labs: CRP ↑ 27 mg/L, ESR ↑ 45.",
                 "Dr. Ames: her CRP 18 and ESR 41 were both up last week."):
        assert read(text, "62311").get("inflammatory_labs_documented") is True, text


def test_labs_not_said_raised_stay_unread() -> None:
    for text in ("CRP to follow up next week.",
                 "CRP 18 and ESR 41 on 07/01/2027; the ferritin and WBC were both raised.",
                 "CRP and ESR ordered 07/01; results not back yet, both up to the lab."):
        assert read(text, "62311").get("inflammatory_labs_documented") is not True, text

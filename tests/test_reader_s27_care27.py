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

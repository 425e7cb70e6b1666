"""Session 29, coordinator: a chat or transcript speaker's line that only lists what it
asks about ("[0:12:31] Kim (scheduler): Infections, fevers, anything?"), with no answer,
states none of it (it read an infection, a false denial of 62311)."""

from __future__ import annotations

from datetime import date

from reading_probe import reader_at

read = reader_at(date(2027, 7, 13))


def test_a_speakers_list_question_states_nothing() -> None:
    for text, fact in (
        ("[0:12:31] Kim (scheduler): Infections, fevers, anything?", "active_infection"),
        ("[09:14] Rosa (front desk): Pregnancy, infection, blood thinners?\n"
         "[09:20] Rosa (front desk): I'll call her back after lunch.", "pregnancy"),
        ("[3:15 pm] Lee (coordinator): pregnant, postpartum, or neither?", "pregnancy"),
    ):
        assert fact not in read(text, "62311"), text


def test_a_list_with_its_answer_is_still_read() -> None:
    got = read("[0:08:40] Priya (RN): Infections, bleeding, anything?\n"
               "[0:08:44] Dr. Weiss: Yes - a UTI, on nitrofurantoin since Monday.\n"
               "[0:08:50] Dr. Weiss: Nothing else.", "62311")
    assert got.get("active_infection") is True

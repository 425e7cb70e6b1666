"""Session 29, coordinator: a question that lists what it asks about ("Infections,
bleeding, anything?"), or a form's label ending in "?:", names the topic; the answer says
whether the patient has it. fresh32's spine huddle transcript read an infection from the
navigator's question and denied a qualifying 62311 case."""

from __future__ import annotations

from datetime import date

from reading_probe import reader_at

read = reader_at(date(2027, 7, 13))


def test_a_question_listing_topics_answered_no_is_no_infection() -> None:
    for text in (
        "[10:02] K. Osei (scheduler): Infections, anticoagulants, allergies?\n"
        "[10:03] Dr. Lamb: Weekly call, nothing new.\n"
        "[10:04] Dr. Lamb: No infection, no anticoagulants, allergic to latex only.",
        "Screening - infections, bleeding risk, pregnancy:   no infection; INR 1.0; "
        "post-menopausal.",
        "Infection?: no active infection, no fevers",
        "Pre-procedure safety (infection, anticoagulation): no infection, off apixaban "
        "since Friday.",
    ):
        got = read(text, "62311")
        assert got.get("active_infection") is not True, text


def test_the_answer_after_such_a_question_is_still_read() -> None:
    for text, value in (
        ("Infection?: yes - UTI, on nitrofurantoin day 2 of 5.", True),
        ("Infections, bleeding, anything: no infection, no blood thinners.", False),
        ("Infections, fevers: cellulitis of the left shin, on cephalexin since 07/10.", True),
    ):
        assert read(text, "62311").get("active_infection") is value, text


def test_a_form_label_with_a_question_mark_is_no_cosmetic_aim() -> None:
    got = read("Cosmetic?: no - ordered for low back pain with leg symptoms.", "62311")
    assert got.get("cosmetic_purpose") is not True

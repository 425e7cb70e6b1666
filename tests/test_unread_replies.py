"""What a reply says about the parts of a message it did not use. Found by the session 6
outside tester (C6): a UR summary pasted into the chat got seven "please say it another
way" lines, four of them for lines whose facts had been read, one for a diagnosis with a
spinal level, one for an old infection the reader had set aside on purpose."""

from __future__ import annotations

from datetime import date

from agent.markdown import reply_markdown
from agent.reading import understand
from agent.reading.model import Unread
from agent.reply import Reply
from priorauth import web_view
from priorauth.terminal import reply_text

AS_OF = date(2026, 11, 20)
NOTE = ("UR SUMMARY - Lumbar ESI\nPt: 47F. Dx: L5 radiculopathy, left.\n"
        "HPI: leg pain since 2026-07-01. Baseline NRS 5/10 at intake in July, now 8/10.\n"
        "Conservative tx: PT 2x/wk x 8 weeks (July-Aug), then home exercises.\n"
        "No active infection; treated for cellulitis in 2025, resolved.\n")


def _unread(text: str) -> list[Unread]:
    return understand(text, cpt="62311", pending=[], as_of=AS_OF).unread


def test_a_line_whose_figures_were_read_is_not_called_unreadable() -> None:
    said = [u.words for u in _unread(NOTE)]
    assert not any("Baseline NRS 5/10" in w for w in said), said


def test_a_spinal_level_is_no_figure_left_unread() -> None:
    assert not any("L5 radiculopathy" in u.words for u in _unread(NOTE))


def test_an_old_episode_set_aside_says_why() -> None:
    old = [u for u in _unread(NOTE) if "cellulitis in 2025" in u.words]
    assert old and old[0].why == "it is about the past, not now"


def test_many_unreadable_parts_are_listed_together_in_every_medium() -> None:
    parts = [Unread("ESR 28"), Unread("ODI 46% on 11/01"), Unread("now 8/10 (up 3)"),
             Unread("cellulitis 2025", "it is about the past, not now")]
    reply = Reply(unread=parts)
    together = '"ESR 28"; "ODI 46% on 11/01"; "now 8/10 (up 3)".'
    for text in (reply_text(reply), reply_markdown(reply),
                 web_view.reply_words(reply, card=False, form=False)):
        assert "could not read these parts" in text.lower()
        assert text.count("say one another way") == 1
        assert "about the past, not now" in text
    assert together in reply_text(reply) and together in reply_markdown(reply)


def test_one_or_two_unreadable_parts_keep_a_line_each() -> None:
    reply = Reply(unread=[Unread("ESR 28"), Unread("ODI 46%")])
    assert reply_text(reply).count("please say it another way") == 2


def test_a_date_that_does_not_exist_is_said_to_be_no_date() -> None:
    """Outside tester session 10, C4: "failed naproxen stopped 2026-13-45" got "please say
    it another way", which does not tell the nurse that month 13 is the problem."""
    for text, bad in (("conservative tx 14 wks, failed naproxen stopped 2026-13-45",
                       "2026-13-45"),
                      ("PT ended 02/30/2026 after 8 visits", "02/30/2026")):
        why = [u.why for u in understand(text, cpt="97110", pending=[], as_of=AS_OF).unread
               if bad in u.words]
        assert why and bad in why[0] and "YYYY-MM-DD" in why[0], (text, why)


def test_characters_a_phone_or_word_processor_pastes_read_as_plain_ones() -> None:
    """Outside tester session 10, C4: non-breaking hyphens in dates (U+2011), a full-width
    digit and "×" read no dates and asked "several values" of one pain score; the words
    shown stay the user's own."""
    pasted = "pt is a 40 yo man, knee pain \u00d710 wks \u2014 NRS \uff17/10, " \
        "X\u2011rays 2026\u201109\u201101 & 2026\u201111\u201120, MRI 2026\u201110\u201115"
    plain = "pt is a 40 yo man, knee pain x10 wks \u2014 NRS 7/10, " \
        "X-rays 2026-09-01 & 2026-11-20, MRI 2026-10-15"
    got = understand(pasted, cpt="97110", pending=[], as_of=AS_OF)
    want = understand(plain, cpt="97110", pending=[], as_of=AS_OF)
    assert {(f.fact, str(f.value)) for f in got.facts} == \
        {(f.fact, str(f.value)) for f in want.facts}
    assert {f.fact for f in got.facts} >= {"pain_nrs", "xray_date", "mri_date", "xray_sets"}
    assert all(f.words in pasted for f in got.facts)
    # What is left unread is the same as in the plain text, in the user's own words ("knee
    # pain ×10 wks": a length glued to its "x" is said back, never dropped; C20 of 16)
    assert [u.why for u in got.unread] == [u.why for u in want.unread]
    assert all(u.words in pasted for u in got.unread)


def test_a_condition_in_doubt_or_denied_in_plain_words_is_not_asked_how_severe() -> None:
    """Outside tester session 10, C1: "is it severe?" about a disease the note doubts or
    denies reads as if the patient had it. "Possible COPD" is asked whether it is there;
    "She not have diabetes, ... or other serious disease" (a writer whose first language
    is not English) denies them all."""
    def unread(text: str) -> list[Unread]:
        return understand(text, cpt="62311", pending=[], as_of=AS_OF).unread
    doubted = [u for u in unread("Possible COPD.") if u.words == "COPD"]
    assert doubted and all(u.why != "is it severe?" for u in doubted)
    denied = understand("She not have diabetes, blood problem, liver disease or other "
                        "serious disease.", cpt="62311", pending=[], as_of=AS_OF)
    assert not denied.unread
    assert {f.fact: f.value for f in denied.facts}.get("severe_comorbidities") == []
    # a condition that is there is still asked how severe it is
    assert [u.why for u in unread("has COPD")] == ["is it severe?"]

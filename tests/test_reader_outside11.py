"""False facts the outside tester found in session 11 (evals/reader/outside/
session11-findings.md), one named test each, with wordings of the same meaning written
by the fixer besides the tester's. Readings go through :func:`agent.reading.understand`
under the policy whose rules use the fact."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

AS_OF = date(2026, 12, 3)


read = reader_at(AS_OF)


# F1: a contraction typed without its apostrophe read as the thing it denies: "pt isnt
# pregnant" read pregnant, "Pt doesnt have an infection" an active infection (final
# denials of the very facts the note denies).
@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("64493", "pt isnt pregnant", "pregnancy", "not_pregnant"),
    ("64493", "She isnt pregnant.", "pregnancy", "not_pregnant"),
    ("62311", "pt is'nt pregnant, LMP 11/20", "pregnancy", "not_pregnant"),
    ("64493", "Pt doesnt have an infection.", "active_infection", False),
    ("64493", "Pt hasnt had any infection, isnt diabetic.", "active_infection", False),
    ("97110", "Pt isnt pregnant, isnt postpartum.", "postpartum", False),
    ("62311", "the injection isnt for cosmetic reasons", "cosmetic_purpose", False),
    ("71250", "Pt doesnt have bacterial pneumonia per CXR.", "bacterial_pneumonia", False),
    ("71250", "pt doesnt have a fever and isnt clinically unstable", "clinically_unstable",
     False),
    ("64493", "Pt wasnt pregnant at the visit, hCG neg.", "pregnancy", "not_pregnant"),
    ("64493", "Pt dosent have an infection.", "active_infection", False),
    # my own wordings
    ("62311", "she didnt have any infection at the visit", "active_infection", False),
    ("64493", "This isnt cosmetic, it is for pain.", "cosmetic_purpose", False),
    ("64493", "She havent had any infection.", "active_infection", False),
])
def test_outside11_f1_a_contraction_without_its_apostrophe_still_denies(
        cpt: str, text: str, fact: str, value: object) -> None:
    assert read(text, cpt).get(fact) == value


def test_outside11_f1_records_denied_without_an_apostrophe_are_not_on_file() -> None:
    assert read("We dont have the PT notes yet.", "64493").get("pt_notes_documented") is False


# F2: an abstraction sheet's "UNK" or a blank "--" read as yes: "Bacterial pneumonia: UNK"
# read a pneumonia, "Active infection: --" an infection (final denials).
@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("71250", "Bacterial pneumonia: UNK", "bacterial_pneumonia"),
    ("64493", "Active infection: --", "active_infection"),
    ("64493", "Failed conservative treatment: UNK", "failed_conservative"),
    ("97110", "Failed conservative tx (Y/N): UNK", "failed_conservative"),
    ("97110", "Not responding to conservative tx: UNK", "failed_conservative"),
    ("71250", "Clinically unstable (Y/N/UNK): UNK", "clinically_unstable"),
    ("64493", "Decreased ROM: UNK. Impaired gait: UNK.", "decreased_rom"),
    ("64493", "Decreased ROM: UNK. Impaired gait: UNK.", "impaired_balance_gait"),
    # my own wordings
    ("62311", "Cosmetic purpose: --", "cosmetic_purpose"),
    ("97110", "Postpartum: unk", "postpartum"),
    ("71250", "Pregnant: —", "pregnancy"),
])
def test_outside11_f2_an_unknown_or_blank_answer_is_asked(cpt: str, text: str,
                                                          fact: str) -> None:
    assert fact not in read(text, cpt)


def test_outside11_f2_a_dash_before_an_answer_is_no_blank() -> None:
    assert read("Active infection: -- none", "64493").get("active_infection") is False
    assert read("Pain: 7/10 -- worse", "64493").get("pain_nrs") == "7"

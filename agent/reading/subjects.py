"""Whose state a sentence speaks of: a state that needs the patient as its subject.

A word like "pregnant" says the patient is so only where the patient is the one it is
said of. The blind sets read it of a retreat guest ("A retreat guest, 30 weeks pregnant,
asked for the same exercises"), of a woman in the waiting room, of an emergency contact
("Emergency contact: Maria (niece) - 7 months pregnant"), each in words no relative list
held. The guard is on the shape of the sentence, not its words: a sentence that opens
with someone introduced as another (an indefinite person with no age or sex of a
patient's description, "another", "the other", "one of the staff"), with a relative, with
a name a bracket calls a relative or companion, or a line a form heads with another
person's row ("Next of kin:", "Emergency contact:"), speaks of that person until the
patient is named again. Used for the values a rule lists in ``subject_needed``
(``facts.Reader._choice_seen``); words as data (``someone_else`` in ``context.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from agent.reading.context import alternation
from agent.reading.context import rules as context_rules


def _words(key: str) -> list[str]:
    return list(context_rules().someone_else.get(key, ()))


@cache
def _people() -> str:
    rules = context_rules()
    found = {*_words("people"), *rules.people_of_either_sex, *rules.companion_roles,
             *rules.corrected_relative.get("relatives", ())}
    return alternation(sorted(found, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    people, patient = _people(), alternation(_words("patient"))
    label = re.compile(rf"[ \t>*-]*(?:{alternation(_words('labels'))})[ \t]*(?:[:|=]|-[ \t])")
    # "Another mom at the school pickup, ...", "The other lady ...", "One of the staff is"
    other = re.compile(rf"\W*(?:{alternation(_words('others'))})(?![\w-])(?![ \t]*:)")
    # "A retreat volunteer, 20 weeks pregnant": an indefinite person; not the patient's own
    # description with an age or a sex ("A 31-year-old woman, 20 weeks pregnant")
    indefinite = re.compile(r"\W*(?:a|an)[ \t]+(?P<np>[a-z][a-z' -]*?)[ \t]*"
                            r"(?:,|\bis\b|\bwas\b|\bwho\b)")
    described = re.compile(rf"\d|(?<![\w-])(?:{alternation(_words('described'))})(?![\w-])")
    # "daughter Rosa, ...", "Her sister, 7 months ...", "Maria (niece) - ..."
    relative = re.compile(rf"\W*(?:(?:my|his|her|their|the|pt's|patient's)[ \t]+)?"
                          rf"(?:{people})s?(?![\w-])")
    bracketed = re.compile(rf"\W*(?:[a-z.'-]+[ \t]+){{0,2}}[a-z.'-]+[ \t]*\((?:{people})\)")
    own = re.compile(rf"(?<![\w-])(?:{patient})(?![\w-])")
    return label, other, indefinite, described, relative, bracketed, own


def someone_elses(lower: str, sentence_start: int, at: int) -> bool:
    """The sentence that reaches ``at`` (from ``sentence_start``) is said of another
    person than the patient, by its opening, and the patient is not named before ``at``."""
    label, other, indefinite, described, relative, bracketed, own = _patterns()
    line_start = lower.rfind("\n", 0, at) + 1
    head = label.match(lower, line_start, at)
    if head and not own.search(lower, head.end(), at):
        return True  # "Next of kin: daughter Rosa, currently pregnant"
    start = max(sentence_start, head.end() if head else sentence_start)
    before = lower[start:at]
    if own.search(before) or _labelled_patient(lower[line_start:start], own):
        return False  # ("Patient: wife - 20 wks pregnant": the wife is the patient)
    if other.match(before) or relative.match(before) or bracketed.match(before):
        return True
    found = indefinite.match(before)
    return bool(found and not described.search(found["np"]))


def _labelled_patient(prefix: str, own: re.Pattern[str]) -> bool:
    """The sentence's line opens with a label naming the patient ("Patient: ...")."""
    head = prefix.rstrip()
    return head.endswith((":", "-", "|")) and bool(own.search(head))

"""Context of a mention: negated, uncertain, unknown, historical, hypothetical or about
someone else, after the ConText algorithm (triggers, scope, termination) with its
trigger lists as data in ``context.yaml``.

A mention's context decides whether it states a fact about this patient now. The
reader states nothing from a mention that is hypothetical or about someone else, and
asks rather than guesses when a mention is uncertain.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from agent.reading.callers import caller_spans, speaker_spans, writer_spans
from agent.reading.marks import mark_spans, minus_spans
from agent.reading.text import (
    Clause,
    Occurrences,
    as_written,
    hits,
    sentence_spans,
    sentence_stop,
    speaker_heads,
)
from agent.reading.topics import topic_item, topic_spans
from policies.cachedir import fixed_patterns
from policies.datacache import load_yaml

CONTEXT_PATH = Path(__file__).parent / "context.yaml"
CATEGORIES = ("negated", "uncertain", "unknown", "historical", "hypothetical", "other")

_NEXT_LABEL = re.compile(r"[.;]\s+[a-z][a-z /&-]{1,30}?[ \t]*:")


@cache
def _role_pattern() -> re.Pattern[str] | None:
    roles = rules().roles
    if not roles.get("before") or not roles.get("endings"):
        return None
    before = "|".join(re.escape(w) for w in sorted(roles["before"], key=len, reverse=True))
    endings = "|".join(re.escape(w) for w in sorted(roles["endings"], key=len, reverse=True))
    nots = "|".join(re.escape(w) for w in roles.get("not", [])) or "(?!)"
    # (one word may stand between: "former coal miner", "ex-army medic")
    return re.compile(rf"\b(?:{before})[ \t]*(?:[a-z]+[ \t]+)?(?!(?:{nots})\b)"
                      rf"[a-z]+(?:{endings})\b")


@cache
def _other_people_pattern() -> re.Pattern[str] | None:
    pats = rules().other_people
    return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


def _other_people(lower: str) -> list[tuple[int, int]]:
    """Where ``lower`` names another person by the shape of the words (``other_people`` in
    context.yaml): "A shipmate from the same tank crew was admitted last week with
    Legionella pneumonia" (fresh38 read the shipmate's pneumonia as the patient's stay),
    "a fellow welder", "two guys on his crew"."""
    pattern = _other_people_pattern()
    return [m.span() for m in pattern.finditer(lower)] if pattern else []


def _role_spans(lower: str) -> list[tuple[int, int]]:
    """A past role named by its noun ("former quarryman with low back pain", "ex-smoker,
    COPD"): the role is over, not the findings said of the person (fresh26: a Welsh GP's
    "former quarryman with mechanical low back pain" read no pain region)."""
    pattern = _role_pattern()
    return [m.span() for m in pattern.finditer(lower)] if pattern else []


_LATER_WORDS = (r"\s*(?:(?:ever|yet|did|do|does|done|had|have|has|get|got|go|went|take|took|"
                r"taken|attend|attended|undergo|underwent|undergone|receive|received|start|"
                r"started|complete|completed|a|an|any)\s+)*"
                r"(?:second|2nd|third|3rd|fourth|4th|another|further|additional|repeat)\b")
"""Words that, after a denial, say it denies a later one ("never did a second", "no
further"), with the verbs and articles between."""
_LATER_ONE = re.compile(
    r"\b(?:no|never|not|didn'?t|did\s+not|hasn'?t|has\s+not|hadn'?t|had\s+not|wasn'?t|was\s+not|"
    r"without)" + _LATER_WORDS)
"""A denial of a later one ("he never did a second PT course", "no second set of X-rays",
"no further PT"): one was done before, so the denial is not of the thing (outside tester
27 F3 read no PT at all, 0 sets, and "not responded: no" from them)."""
_LATER_BEFORE = re.compile(r"\b(?:second|2nd|third|3rd|fourth|4th|another|further|additional|"
                           r"repeat)\s+(?:(?:set|course|round|trial|series|block|study|one)s?\s+"
                           r"(?:of\s+)?)?(?:the\s+)?$")
"""A later one named before what a denial after it denies ("a second set of X-rays was
never done")."""


@cache
def _sentence_opener(category: str) -> re.Pattern[str] | None:
    """A sentence end followed by one of the category's ``sentence_ends`` words."""
    words = rules().sentence_ends.get(category)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[.;][ \t]+(?:{alternatives})\b")
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.M)
_HEADER = re.compile(r"^[ \t]*(?P<name>[a-z][a-z /&-]{1,30}?|p)[ \t]*"
                     r"(?:\([^()\n:]{1,40}\)[ \t]*)?:", re.M)
"""(a SOAP note's "P:" is its plan; a bracket between the name and its colon says how the
section came to be, "FHx (copied fwd):", "Family history (per pt):", and is no part of the
name: the section is still the family's)"""
_TWO_PART_HEADER = re.compile(r"^[ \t]*(?P<name>[a-z][a-z /&-]{1,30}?,[ \t]*[a-z][a-z /&-]{1,30}?)"
                              r"[ \t]*:", re.M)
_BARE_HEADER = re.compile(r"^[ \t]*(?P<name>[a-z][a-z /&-]{1,30}?)[ \t]*$", re.M)
"""A header on a line of its own with no colon ("RESOLVED", "Past medical history"): a
header only where its name is a section's (a short line of a list is not)."""


_COPIED_NOT = re.compile(r"\s+(?:to|into|and pasted into|the|a|an|his|her|their|it|this|that"
                         r"|these|those|over|down|in)\b")
"""A copy sent to someone ("copied to Dr. Lund"), or the verb with its object, a writer
telling what was done ("I had copied the ED value"), is no marker."""
_DENIED_BEFORE = re.compile(r"\b(?:not|never|no longer|nothing|i|we|you|he|she|they|had|have|"
                            r"has|who|accidentally|mistakenly|wrongly)\s+(?:\w+\s+)?$")
_BARE_REST = re.compile(r"[\s*:#=~\-_\[\]()]*(?:[a-z]{0,9}\s*)?[\d/.-]*\s*"
                        r"(?:visit|note|encounter|progress note)?[\s*:#=~\-_\[\])]*$")
"""What may follow a marker on its own line ("***COPIED FROM 06/2026 VISIT***")."""
_MARKER_ONLY = re.compile(r"[\W_]*(?:(?:[a-z]{1,12}[ \t]*)?\(?[ \t]*"
                          r"(?:copied|copy|carried|pulled|brought)\b)?[\W_]*")
"""What may come before a marker on its own line ("***copied from prior note***")."""
_COPY_ENDS = re.compile(r"\n[ \t]*(?=\n|[*=#~_-]{2,}|\[|[^\n]{0,30}\btoday\b"
                        r"|[a-z][a-z ()&/-]{0,30}\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*[:*\]-])")
"""Where the lines under a marker line end: a blank line, a framed heading ("** today
11/25/2026 **", "[Visit 12/10]"), a line about today, a label with a date ("S 12/10/26:")."""


def _sentence_start(lower: str, line_start: int, at: int) -> int:
    """Where the sentence holding ``at`` starts, within its line."""
    stops = [lower.rfind(p, line_start, at) for p in (". ", "; ")]
    return max([line_start] + [i + 2 for i in stops if i >= 0])


def _bracket_scope(lower: str, trigger: tuple[int, int], opened: int,
                   line: tuple[int, int]) -> tuple[int, int]:
    """What a copy-forward marker inside a bracket opened at ``opened`` covers."""
    close = lower.find(")" if lower[opened] == "(" else "]", trigger[1], line[1])
    if close < 0:
        return trigger[1], line[1]
    after = lower[close + 1:line[1]].lstrip(" \t")
    if after.startswith(":"):
        # "FHx (copied fwd): mother - ...", and the lines a comma at its end wraps onto
        # ("PHYSICAL EXAM (copied forward from visit of 11/02/2026): Neuro - strength 5/5,\n
        # DTR 2+ symmetric, SLR negative", fresh4)
        return close + 1, _wrapped_end(lower, line[1])
    if not after or after[0] in ".;,":
        # "LBP x 4 mo (copied from 08/27). Pain 6/10 today.": what the bracket follows
        return _sentence_start(lower, line[0], opened), opened
    return trigger[1], close


_LIST_NAMED = re.compile(r"\b(?:exclusions?|criteria|contraindications|list)\s*:?\s*\(?$")
"""A trigger that names a policy's list, whose bracket after it holds the list's items."""

_BRACKET_NEXT = re.compile(r"[ \t]*\(")


_OLDER_NOTE = re.compile(r"\b(?:forward|fwd|visit|note|encounter|prior|previous|last|"
                         r"earlier|old|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d\d-\d\d)\b")
"""Words of a copy marker that name the older note or visit it copies."""


def _wrapped_end(lower: str, end: int) -> int:
    """The end of the lines a line ending at ``end`` runs onto, each ending in a comma."""
    while lower[:end].rstrip(" \t").endswith(",") and end < len(lower):
        following = lower.find("\n", end + 1)
        end = len(lower) if following < 0 else following
    return end


def _copied_scope(lower: str, trigger: tuple[int, int]) -> tuple[int, int]:
    """The text a copy-forward marker covers (see ``copied_forward`` in context.yaml)."""
    line_start = lower.rfind("\n", 0, trigger[0]) + 1
    line_end = lower.find("\n", trigger[1])
    line_end = len(lower) if line_end < 0 else line_end
    opened = max(lower.rfind("(", line_start, trigger[0]), lower.rfind("[", line_start, trigger[0]))
    if opened >= 0 and lower.find(")" if lower[opened] == "(" else "]", opened,
                                  trigger[0]) < 0:
        return _bracket_scope(lower, trigger, opened, (line_start, line_end))
    rest = lower[trigger[1]:line_end]
    if _BARE_REST.fullmatch(rest) and not _MARKER_ONLY.fullmatch(lower[line_start:trigger[0]]):
        # "LBP x 4 mo, 5/10 -- copied": its sentence, before it
        return _sentence_start(lower, line_start, trigger[0]), trigger[0]
    if _BARE_REST.fullmatch(rest):
        # the marker is the line: the lines under it, to a blank line or the next heading
        # ("** today 11/25/2026 **")
        end = _COPY_ENDS.search(lower, line_end)
        return trigger[1], end.start() if end else len(lower)
    quote = re.match(r"[\s*:#]*(?P<q>[\"\u201c])", rest)
    if quote:
        closing = lower.find("\u201d" if quote["q"] == "\u201c" else '"',
                             trigger[1] + quote.end(), line_end)
        if closing > 0:
            return trigger[1], closing + 1
    return trigger[1], line_end


class _Category(BaseModel):
    scope: str = "clause"
    forward: list[str] = Field(default_factory=list)
    backward: list[str] = Field(default_factory=list)


class _Adjacent(BaseModel):
    before: list[str]
    filler: list[str]
    after: list[str]
    outcome: list[str] = Field(default_factory=list)
    """Words right after the thing that make a denial before it deny the thing's outcome,
    not the thing: "No physical therapy helped" (the therapy was had, and failed)."""
    missing: list[str] = Field(default_factory=list)
    """Verbs for "is missing" right after the thing, in the languages referrals come in:
    they deny it whatever follows (where it is missing from, "still")."""


class _Claims(BaseModel):
    by: list[str]
    says: list[str]
    denied: list[str]
    because: list[str]
    reasons: list[str]
    answers: list[str]
    disputed_by: list[str] = []
    disputed_says: list[str] = []
    policy: list[str] = []
    """Words naming the policy's own text ("the policy", "exclusion criteria"): a
    quotation in their sentence after them is the policy's words, not the patient's."""
    policy_says: list[str] = []
    """The verbs by which the policy's text is quoted ("lists", "requires", "not met")."""
    policy_requires: list[str] = []
    """The verbs by which the policy's requirement is said in the writer's words ("This
    policy requires ... physical therapy, medication management and lifestyle
    modifications"): what follows, to the end of its sentence, is the policy's."""
    records_says: list[str] = []
    own_count: list[str] = []
    """The writer's own count ("I count 11"): a figure right after it rivals another's."""
    voices: list[str] = []
    """The titles a clinician's turn opens with ("Dr. Boyd: I count only 10 weeks"): a
    figure in the next sentence, another's turn, is another source's (``leftovers``)."""
    denied_in: list[str] = []
    requested: list[str] = []
    """What a payer denies ("request", "auth"): "Prior request 9/2027 denied (PT 8 wks
    documented)" gives the denial's reason in brackets, the record as it stood then."""
    rejected_says: list[str] = []
    """The verbs by which another's judgment is reported ("describes", "opined that")."""
    rejected: list[str] = []
    """The writer's rejection of it in the sentences after ("We strongly dispute this.")."""


class _Retractions(BaseModel):
    """Text that says some of its own words are wrong or another patient's
    (``agent/reading/retractions.py``)."""
    made: list[str] = []
    in_error: list[str] = []
    misdone: list[str] = []
    wrong: list[str] = []
    back: list[str] = []
    above: list[str] = []
    forward: list[str] = []
    things: list[str] = []
    ours: list[str] = []
    same_things: list[list[str]] = []
    correct: list[str] = []
    tag_heads: list[str] = []
    tag_verbs: list[str] = []
    tag_belong: list[str] = []
    samples: list[str] = []
    sample_kinds: list[str] = []
    sample_notes: list[str] = []
    other_case_leads: list[str] = []
    other_case_heads: list[str] = []
    other_case_requests: list[str] = []
    other_case_titles: list[str] = []


class _Gates(BaseModel):
    """Conditions under which a reading is left unread and asked
    (``agent/reading/gates.py``)."""
    claim_verbs: list[str] = []
    records: list[str] = []
    listed_as: list[str] = []


class ContextRules(BaseModel):
    categories: dict[str, _Category]
    terminators: dict[str, list[str]]
    sentence_ends: dict[str, list[str]] = Field(default_factory=dict)
    """Category -> words that, opening a later sentence on a header's own line, end the
    header's scope there: a denial of a present state after a past-history list ("PMH:
    none. Afebrile, no infection.") is the writer's now (``Context._until_terminator``)."""
    pseudo: list[str]
    patient_genitives: list[str] = Field(default_factory=list)
    """The words after a relative's that make the relative the patient's ("żona pacjenta",
    "esposa del paciente"): the clause is the relative's (``Context._patients_relative``)."""
    negated_modals: list[str] = Field(default_factory=list)
    """Ways of writing "cannot": a phrase of these lists that opens with one is read with
    each of them (``_modal_variants``)."""
    patient_blocks: dict[str, list[str]] = Field(default_factory=dict)
    """A text about several patients in blocks (``blocks.py``): the words heading a block
    (``heads``: "case", "bed"), those in a head's line that make it the patient's (``ours``)
    or another's (``not_ours``), and those before a block's name that say the request is for
    it (``request_for``)."""
    other_people: list[str] = Field(default_factory=list)
    """Patterns naming a person other than the patient by a shape, not a word list (a
    compound in "-mate": "shipmate", "workmate"; "a fellow welder"; "two guys on his crew"):
    forward triggers of ``other`` like its words (``_other_people``)."""
    roles: dict[str, list[str]] = Field(default_factory=dict)
    """Words that make a past of the person's role, not of a finding (``before``: "former",
    "ex-"), the endings of a role's noun (``endings``: "quarryman", "smoker") and nouns
    with such an ending that are no role (``not``: "ulcer"): the two words are a
    pseudo-trigger (``Context._role_spans``)."""
    adjacent: _Adjacent
    not_event_dates: list[str] = Field(default_factory=list)
    visit_dates: list[str] = Field(default_factory=list)
    """Words before a date that make it a later visit's: it dates only what a visit makes
    (rule key ``note_sections``), never a study named before it."""
    topic_lists: list[str] = Field(default_factory=list)
    """Headings of a list of things to check ("contraindications", "exclusion criteria",
    "DDx"): a yes read from an item with no answer of its own is asked (``topics.py``)."""
    affirmed_after: list[str] = Field(default_factory=list)
    """Words right after a finding that say it is there ("infection present"): a denial
    before the comma ahead of it does not reach it ("Not cosmetic, infection present")."""
    reviewed_later: dict[str, list[str]] = Field(default_factory=dict)
    """``acts`` of looking at a study again or telling about it ("discussed", "went over",
    "shown to"), between a study's own day and a later day in its sentence: the later day
    is the review's; ``done`` words there ("repeated") make it a study again
    (``candidates._reviewed_later``)."""
    negated_days: dict[str, list[str]] = Field(default_factory=dict)
    """``negations`` right before a day word after a record's name ("XR 05/04/2025 (not
    repeated today)"): the day is no record's; a ``turns`` word right before the day gives
    it back ("not done until today")."""
    not_completed: list[str] = Field(default_factory=list)
    not_happened: list[str] = Field(default_factory=list)
    not_attended: list[str] = Field(default_factory=list)
    not_redone: list[str] = Field(default_factory=list)
    """Words between a record's name and a day that say it was not done again that day ("H&P
    not repeated today"): the day is no record's; after the day, or with "since", they date
    the last one ("H&P 10/12/2026, not updated since")."""
    """Words later in a study's sentence that say the patient never went ("MRI knee
    11/01/2026, pt never went"); unlike ``not_completed`` they name no other study."""
    sequential_care: dict[str, list[str]] = Field(default_factory=dict)
    """Kinds of conservative care (``care``) one after another (``then``): their lengths
    are the care's whole (``sequences.py``)."""
    rate_changes: dict[str, list[str]] = Field(default_factory=dict)
    """Words of a change of a care's frequency (``changes``: "then", "tapered to") and
    frequencies said in words (``frequencies``: "weekly"): several rates of one care say
    no one figure of sessions a week (``rates.py``)."""
    birth_labels: list[str] = Field(default_factory=list)
    """Labels of a date of birth ("DOB", "born", "fecha de nacimiento"): the date right
    after one is no study's or visit's day (``facts.birth_dated``)."""
    earlier_episodes: list[str] = Field(default_factory=list)
    """Words giving a figure's clause to an earlier episode of the complaint ("for a prior
    episode in 2025"): the figure is that episode's, asked (``facts._earlier_episodes``)."""
    state_lengths: list[str] = Field(default_factory=list)
    """States a length right beside them measures ("20 weeks pregnant", "pregnant, 20 wks",
    "6 weeks post-op"): that length answers no open question about the symptoms."""
    study_indications: dict[str, list[str]] = Field(default_factory=dict)
    """``studies``, ``headers`` and ``labels`` of an imaging report's header line: the
    indication's field holds what was so when the study was ordered (``indications``)."""
    remeasured: list[str] = Field(default_factory=list)
    """Facts measured again and again (a temperature, a white count): a stored figure the
    nurse says was so then gives way to the one said now (``corrections.superseded``)."""
    repeat_words: list[str] = Field(default_factory=list)
    """Words that say a measure was taken again ("repeat", "recheck", "redrawn"): with a
    figure and no measure named in their clause, the measure named last before them is the
    one measured again (``mentions._repeat_mentions``)."""
    record_status: dict[str, list[str]] = Field(default_factory=dict)
    """``done`` / ``not_done`` / ``unsure`` -> a record's status words beside a date
    ("Ordered 10/20/2026  Completed 10/28/2026"): which dates are the thing's own
    (``statuses.py``)."""
    not_reached: dict[str, list[str]] = Field(default_factory=dict)
    """``verbs`` of doing or lasting that, denied right before a figure with only
    ``between`` words in the way, say the figure was not reached ("has not completed at
    least 12 weeks of PT"): the figure is the threshold, not what was done."""
    occasions: list[str] = Field(default_factory=list)
    counted_things: list[str] = Field(default_factory=list)
    """Things a bare figure counts when one follows it ("the 2 PT courses", "3 ED visits"):
    the figure is their count, never a score (``facts._counts_a_thing``)."""
    note_titles: list[str] = Field(default_factory=list)
    """Words that name a note in its short, dated first line: that date is the note's."""
    onset_words: list[str] = Field(default_factory=list)
    """Words that date a beginning ("Onset 08/25/2025"): a past year right after one
    dates what is going on, so it makes no history of the word itself."""
    day_first_conventions: list[str] = Field(default_factory=list)
    """Words only a writer of a day-first country uses ("paracetamol", "medical aid"): the
    text's numeric dates are day first (read by ``text.month_first``, which loads them)."""
    day_first_languages: list[str] = Field(default_factory=list)
    """Words of a language whose numeric dates are day first ("depuis", "desde", "seit"):
    read with ``day_first_conventions`` by ``text.month_first``."""
    day_first_places: list[str] = Field(default_factory=list)
    """Places whose clinics may write their numeric dates day first ("Sydney radiology",
    "Irish clinic", "Toronto"): a date either way round is asked (``text.month_first``)."""
    foreign_months: dict[str, list[str]] = Field(default_factory=dict)
    """English month stem -> its names in other languages (read by ``text.foreign_dates``)."""
    older_record: list[str] = Field(default_factory=list)
    """Words that say a date is an earlier record's ("the first xray was ..."): never the
    most recent one stored."""
    ended: list[str] = Field(default_factory=list)
    ended_notes: list[str] = Field(default_factory=list)
    past_episodes: list[str] = Field(default_factory=list)
    """An episode of care a sentence dates ("Hospitalized 01/2026 for pneumonia; T 39.1"):
    a current measure given in it is that episode's (``Reader._of_a_past_episode``)."""
    course_ended: dict[str, list[str]] = Field(default_factory=dict)
    """A rule's ``treatments`` said ended: words ``before`` one ("finished the abx"),
    ``after`` one in its clause ("antibiotics completed 10/14"), or ``anywhere`` in the
    message ("healed"): a treatment then affirms nothing of now."""
    """Words in a message's first line that make it a note written at an episode's end
    ("DISCHARGE SUMMARY"): an ``episode`` fact anywhere in it is asked."""
    """Words that say an episode was treated to its end or the patient went home
    ("treated with ...", "discharged"): an ``episode`` fact in their sentence is asked."""
    measure_labels: list[str] = Field(default_factory=list)
    """Labels of measures in a vitals or labs line: a figure right after one is its own."""
    """Words naming one occasion of care: a denial in a dated sentence with one of them
    ("Telehealth visit 11/1/2026, no physical exam") is about that occasion."""
    """Words between a study's name and its date that say it did not happen then."""
    later_sections: dict[str, list[str]] = Field(default_factory=dict)
    """``heads``: words that open a section that holds over the text before it (an
    attestation, an addendum, a late entry); ``adds``: words by which such a section's
    value adds to the earlier one rather than replacing it (``supersede.py``)."""
    sections: dict[str, str] = Field(default_factory=dict)
    """Category -> pattern of the section headers that set it ("PMH:", "Not enclosed:")."""
    plain_sections: str = "(?!)"
    study_history: dict[str, list[str]] = Field(default_factory=dict)
    """A study report's labels: ``performed`` (its day of exam), ``history`` (the history
    given for it): a length in that history dates to the study (``reports.py``)."""
    history_labels: str = "(?!)"
    """Pattern of labels naming what came before ("prior chest complaints"): the answer
    after their colon is history (``Context._history_labels``)."""
    """Pattern of bare headers ("ASSESSMENT" on its own line) that set no context but end
    the section above them (a note written plan first)."""
    quoted_outdated: list[str] = Field(default_factory=list)
    """Words in the new part of an e-mail that say the quoted part is old ("the WBC in
    Kim's note is from admission"): the quoted lines are then history."""
    quoted_current: list[str] = Field(default_factory=list)
    copied_forward: list[str] = Field(default_factory=list)
    """Words that mark text as carried forward from an older note: what it says was so
    then, not now (``Context._copied``)."""
    went_down: list[str] = Field(default_factory=list)
    """Words in a reply to a signed change's question ("+ if worse, - if better") that
    say it went down ("down 2", "it dropped from 7 to 5")."""
    went_up: list[str] = Field(default_factory=list)
    """... and that it went up ("up 2", "worse, 6 to 8")."""
    body_areas: dict[str, list[str]] = Field(default_factory=dict)
    """Body area -> words naming it (the area a study or a complaint is of)."""
    doubtful: dict[str, list[str]] = Field(default_factory=dict)
    """Kind of doubt -> words that, in a reading's sentence, make it doubtful (a form's
    boxes, a copied-forward entry, a correction): a denial waits for the user's yes."""
    requests: list[str] = Field(default_factory=list)
    """Words that open a request for what is not given yet ("Please state current O2
    requirement ... and pregnancy status"): the rest of their sentence is no finding."""
    documents: list[str] = Field(default_factory=list)
    form_parts: dict[str, list[str]] = Field(default_factory=dict)
    """Words ``after`` a fact's phrase that make it a form part's name ("pregnancy
    question"), and ``before`` it that name a question about it: no statement."""
    records: dict[str, list[str]] = Field(default_factory=dict)
    """Words about a record's being on file (the ``*_documented`` facts): ``not_yet``
    later in its sentence (not on file yet), ``cited`` right before it (named as another
    figure's source), ``on_file`` in its sentence (said to be on file)."""
    """Words that, right after a treatment's name, make it a document's name ("PT notes"):
    a denial of the document says nothing of the treatment."""
    claims: _Claims
    retractions: _Retractions = Field(default_factory=_Retractions)
    audits: dict[str, list[str]] = Field(default_factory=dict)
    """A second reviewer's comments on the original lines (``agent/reading/audits.py``)."""
    list_denials: list[str] = Field(default_factory=list)
    failed_everything: list[str] = Field(default_factory=list)
    """Words that say all the care failed: a "not X" list with them names what failed
    (``emphasis.py``)."""
    """Denials of a whole list said after it ("pregnancy, infection - none apply"):
    ``_list_denied``."""
    denied_care: list[str] = Field(default_factory=list)
    """Words of care or a stay ("hospitalized", "IV abx"): denied before "for" a condition,
    they deny the care, not the condition now (``facts.Reader._care_denied``)."""
    writer_own: dict[str, list[str]] = Field(default_factory=dict)
    """A first-person sentence that sets the writer beside the patient: an emphatic self
    (``self``) and a likeness (``like``): the writer's own history (``_writers_own``)."""
    letter_closings: list[str] = Field(default_factory=list)
    """Words that close a letter ("Yours sincerely,"): what follows them at the message's
    foot is the writer's sign-off, who wrote it (``facts.sign_off``)."""
    drug_classes: dict[str, list[str]] = Field(default_factory=dict)
    care_named: list[str] = Field(default_factory=list)
    """The care a reply to the symptoms' question may name with its length: the care's
    length, no answer (``answers._care_length``)."""
    complaint_named: list[str] = Field(default_factory=list)
    """The complaint words that keep such a reply an answer."""
    """A drug class's names (``names``) and the drugs of it by class: a class named with
    one of its own drugs right after it is that drug's course, not one more."""
    struck: list[str] = Field(default_factory=list)
    """Patterns of text shown as deleted ("~~8/10~~", "[deleted: 08/18/2026]"): never read."""
    gates: _Gates = Field(default_factory=_Gates)
    said_by_relative: dict[str, list[str]] = Field(default_factory=dict)
    corrected_relative: dict[str, list[str]] = Field(default_factory=dict)
    """A relative's report (``relatives`` then ``verbs``) the patient corrects later in
    its sentence or line (``corrects``; ``disowns``: the correction gives the thing back
    to the relative, "that was YOUR diet"): neither is read (``hearsay.py``)."""
    """Relatives and the verbs by which one reports "she ..." ("His mother says she is
    pregnant"): the "she" may be the relative, so what follows is not read."""
    quoted_estimates: dict[str, list[str]] = Field(default_factory=dict)
    """``estimates`` inside a quotation and a person who says it (``by``, not right after
    one of ``not_by``, a document) outside it: the figure quoted is someone's recall
    ('Says she did "about 3 months" of PT'), asked, not read."""
    lookalikes: list[str] = Field(default_factory=list)
    """Patterns of words of another language spelled like an English pronoun, sex word or
    count ("me he hecho": Spanish "I have"): blanked before reading."""
    clinician_asides: dict[str, list[str]] = Field(default_factory=dict)
    """A clinician (``who``) and an aside right after the name that opens with one of
    ``opens`` ("PA-C K. Dunn (currently pregnant, leaving 12/15)"): the aside is the
    clinician's, blanked before reading."""
    pronouns: dict[str, list[str]] = Field(default_factory=dict)
    companion_roles: list[str] = Field(default_factory=list)
    """Roles beside the relatives that name a companion before a first name ("nurse
    Karen"): ``others.companions``."""
    someone_else: dict[str, list[str]] = Field(default_factory=dict)
    """How a sentence opens when it speaks of another person than the patient (a form's
    row of another person, "another", an indefinite person, a relative): a state that
    needs the patient as its subject is not read there (``agent/reading/subjects.py``)."""
    people_of_either_sex: list[str] = Field(default_factory=list)
    """Other people a word names without a sex ("spouse", "neighbour", "coworker"): a
    clause opening with a pronoun after one such opens its sentence is theirs
    (``Context._taken_up``)."""
    escorts: list[str] = Field(default_factory=list)
    """Verbs of taking someone to care ("bring", "drive", "come with"): "... will bring
    him" speaks of the patient as another than the writer, so the writer's first person is
    not the patient (``callers.writer_spans``)."""
    callers: dict[str, list[str]] = Field(default_factory=dict)
    inverse: dict[str, list[str]] = Field(default_factory=dict)
    """A caller's relation → the words for what the patient is to them ("wife" →
    "husband"): read as the patient (``callers.patient_named``)."""
    """Pronoun -> the words by which a text speaks of a patient of that sex: a caller's
    own pronoun is the caller's where the patient is spoken of with the other's
    (``agent/reading/callers.py``)."""
    """Pronoun -> the relatives it stands for ("he": husband, father, ...): a sentence
    opening with it, after one whose subject is the relative, is about the relative."""
    """Who makes a claim an appeal quotes to answer (the denial, its reviewer), the
    verbs that report it, the words that give a denial's reasons and those that answer
    it: the claim is not read (``agent/reading/claims.py``)."""
    """Words in the new part that say the rest of the quoted part stands ("everything else
    in the packet is unchanged"): what it calls old is then one item, not the whole."""

    def terminators_of(self, category: str) -> tuple[str, ...]:
        return tuple(self.terminators.get(category) or self.terminators["default"])


_CONTRACTION = re.compile(r"n't\b")


def _unapostrophed(raw: object) -> object:
    """Every list of phrases in ``raw`` with each contraction also as typed without its
    apostrophe ("doesn't have" and "doesnt have"): "pt isnt pregnant" is a denial
    (outside tester session 11 F1), not the patient pregnant."""
    if isinstance(raw, dict):
        return {k: _unapostrophed(v) for k, v in raw.items()}
    if isinstance(raw, list) and all(isinstance(p, str) for p in raw):
        return raw + [_CONTRACTION.sub("nt", p) for p in raw if _CONTRACTION.search(p)]
    return raw


def _modal_variants(raw: object, modals: list[str]) -> object:
    """Every list of phrases in ``raw`` with a phrase that opens with a way of writing
    "cannot" also written with each other way ("cannot exclude" and "can't exclude",
    "could not exclude", "unable to exclude"): the doubt is the verb's, not the spelling's
    (phrase29b read a pneumonia from "can't exclude pneumonia yet")."""
    if isinstance(raw, dict):
        return {k: _modal_variants(v, modals) for k, v in raw.items()}
    if not (isinstance(raw, list) and all(isinstance(p, str) for p in raw)):
        return raw
    opener = re.compile(rf"({'|'.join(map(re.escape, modals))}) ")
    out = list(raw)
    for p in raw:
        if (m := opener.match(p)) is not None:
            out += [f"{other} {p[m.end():]}" for other in modals if other != m[1]]
    return list(dict.fromkeys(out))


def _ill_children(raw: dict) -> dict:
    """``ill_children``'s words, each before each of its verbs, added to ``other``'s forward
    triggers: a child said to be ill is someone else, the child alone is not; so is an
    animal (``ill_animals``, with the children's verbs and its own)."""
    kids, pets = raw.get("ill_children") or {}, raw.get("ill_animals") or {}
    pairs = [f"{w}{'' if v.startswith(chr(39)) else ' '}{v}"
             for spec in (kids, {"words": pets.get("words", []),
                                 "verbs": [*kids.get("verbs", []), *pets.get("verbs", [])]})
             for w in spec.get("words", []) for v in spec.get("verbs", [])]
    other = dict(raw["categories"]["other"])
    other["forward"] = list(dict.fromkeys([*other["forward"], *pairs]))
    return {**raw, "categories": {**raw["categories"], "other": other}}


@cache
def rules() -> ContextRules:
    raw = _ill_children(load_yaml(CONTEXT_PATH))
    modals = list(raw.get("negated_modals") or [])
    return ContextRules.model_validate(
        _unapostrophed(_modal_variants(raw, modals) if modals else raw))


_REQUEST_END = re.compile(r"[.?!\n]|$")


@cache
def _affirmed_comma() -> re.Pattern[str]:
    words = alternation(rules().affirmed_after)
    # (not a list's last item: "no fever, chills, or infection present" denies them all)
    # nor one the words between deny: "pregnant (patient thinks so), not confirmed")
    return re.compile(r",(?=[ \t]+(?!(?:or|and|nor)\b)"
                      r"(?:(?!(?:not|no|never)\b)[a-z/-]+[ \t]+){1,3}?"
                      rf"(?:{words})\b)")


def affirmed_apart(lower: str) -> str:
    """A comma before a finding said to be there ("Not cosmetic, infection present (UTI)")
    read as a semicolon (same length), so the denial before it ends there; read as one
    list it gave no active infection (outside tester 17, F4)."""
    return _affirmed_comma().sub(";", lower) if rules().affirmed_after else lower


def request_spans(lower: str) -> list[tuple[int, int]]:
    """The requests in ``lower`` (``requests`` in context.yaml), each to the end of its
    sentence: "please state ... pregnancy status" asks about a pregnancy, it states none."""
    out = []
    for a, _b in hits(lower, tuple(rules().requests)):
        end = _REQUEST_END.search(lower, a)
        out.append((a, end.start() if end else len(lower)))
    return out


@cache
def _lookalikes() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in rules().lookalikes)


def lookalike_spans(lower: str) -> list[tuple[int, int]]:
    """Words of another language that look like English ones (``lookalikes`` in
    context.yaml): "Yo nunca me he hecho una MRI" (fresh19) says "I have never had an
    MRI", no man; its "he" is not read as one."""
    return [m.span() for pattern in _lookalikes() for m in pattern.finditer(lower)]


@cache
@fixed_patterns
def _clinician_aside() -> re.Pattern[str]:
    w = rules().clinician_asides
    who = alternation(w.get("who", ["-"]))
    name = r"(?:[ \t]+(?:[a-z]\.[ \t]*)?[a-z'-]+(?:[ \t]+[a-z'-]+)?)?"
    # (a length may come first: "RN J. Cole (28 weeks pregnant, wearing a lead apron)")
    length = r"(?:(?:about|~)?[ \t]*\d{1,2}[ \t]*(?:weeks?|wks?|months?|mos?)\.?[ \t]+)?"
    return re.compile(
        rf"(?<![\w-])(?:{who})\.?{name}(?:,[ \t]*(?:{who})\.?)?[ \t]*\((?P<aside>[ \t]*"
        rf"{length}(?:{alternation(w.get('opens', ['-']))})\b[^)\n]{{0,80}})\)")


@cache
@fixed_patterns
def _clinician_subject() -> re.Pattern[str]:
    w = rules().clinician_asides
    who = alternation(w.get("who", ["-"]))
    # (a name after the role, or set apart by commas: "The PT, Jenna, has a UTI")
    name = (r"(?:[ \t]+(?:[a-z]\.[ \t]*)?[a-z'-]+"
            r"|,[ \t]*(?:[a-z]\.[ \t]*)?[a-z'-]+(?:[ \t]+[a-z'-]+)?,)?")
    return re.compile(
        rf"(?:^|(?<=[.;!?\n]))[ \t\-*•]*(?:(?:the|our|her|his|their|my)[ \t]+)?"
        rf"(?:[a-z-]+[ \t]+)?(?:{who})\.?{name}[ \t]+"
        # (to the sentence's end, past a decimal point: "a fever of 38.5")
        r"(?P<said>(?:is|was|has|had|will be|went|goes|remains|left|leaves)\b"
        r"(?:[^.;!?\n]|\.(?=\d))*)",
        re.M)


@cache
def _own_illness() -> re.Pattern[str]:
    """A clinician's own illness, right after the verb that has them as its subject: "Dr.
    Patel was out sick with a fever of 38.5", "The PT, Jenna, has a UTI" (outside tester
    33 F1 read each as the patient's); not what they do about one ("Dr. Lee has ruled out
    infection", "is treating the UTI")."""
    w = rules().clinician_asides
    between = alternation(w.get("ill_between", ["-"]))
    return re.compile(rf"(?:is|was|has|had|got|went|left|remains)(?:[ \t]+(?:{between}))*"
                      rf"[ \t]+(?:{alternation(w.get('ill', ['-']))})\b")


def clinician_aside_spans(lower: str) -> list[tuple[int, int]]:
    """What an aside right after a clinician's name says of the clinician ("PA-C K. Dunn
    (currently pregnant, leaving 12/15) saw the patient": outside tester session 15 F19
    read the patient pregnant): not the patient's, blanked (``clinician_asides``). So is
    what a sentence whose subject is a clinician says of a state of theirs (``states``:
    "Attending physician is on leave for her pregnancy; covering: Dr. Kim", outside
    tester session 18 F12): the "her" is the physician's; and what such a sentence says
    after an illness of the clinician's own (``ill``: "Dr. Patel was out sick with a fever
    of 38.5")."""
    states = re.compile(rf"\b(?:{alternation(rules().clinician_asides.get('states', ['-']))})\b")
    # (not where the sentence goes on to the patient: "Dr. Kim is aware she is pregnant")
    said = [m.span("said") for m in _clinician_subject().finditer(lower)
            if (states.search(lower, *m.span("said")) or _own_illness().match(m["said"])) and
            not re.search(r"\b(?:she|he|patient|pt|member)\b|§", m["said"])]
    return [m.span("aside") for m in _clinician_aside().finditer(lower)] + said


_ASKS = re.compile(r"\b(?:does|do|did|has|have|had|is|was|were|are)\b")
_ASKED_FIGURE = re.compile(r"[^.?!\n]{0,80}?\d[^.?!\n]{0,60}?\?")
_ASKED_UNMARKED = re.compile(r"(?![^\n]*(?:\b(?:yes|no|y|n)\b|[\[\]:;]))"
                             r"[ \t]+(?:he|she|they|the (?:patient|pt|member)|pt|patient|"
                             r"(?:mr|ms|mrs|miss)\.?[ \t]+[a-z]+)\b[^.?!\n]{0,80}?\d[^.!?\n]{0,60}?"
                             r"(?=[ \t]*(?:\n|$))")
"""A question in its own word order with no question mark, a whole chat line ("did he do
12 wk PT", "has she had 6 weeks of symptoms"): the verb before the person asks, so the
figure is still the asker's (fresh24 read the doctor's 12 weeks, not the reply's 14). Not a
line that holds its answer or a form's marks ("Does the patient have CKD or eGFR < 30  [X]
Yes - eGFR 24"): those are read."""


_EMBEDDED = re.compile(
    r"\b(?:ask|asks|asked|asking|wonders?|wondered|wondering|wants?\s+to\s+know|"
    r"wanted\s+to\s+know|inquires?|inquired|inquiring|enquires?|enquired)\s+"
    r"(?:(?:me|her|him|us|them|you|the\s+patient|pt|§+)\s+)?"
    r"(?P<q>(?:am|is|are|was|were|do|does|did|have|has|had|could|can|might|will|would)\s+"
    r"(?:i|you|she|he|we|they|the\s+patient|pt|§+)\b[^.,;:!?\n]*\??)")
"""A question reported in its own word order after a verb of asking ("your form asking
am I pregnant is insulting", "the scheduler asked him did he finish 12 weeks of PT",
fresh21 grievance letter): the asker's words, no statement. ("asked if she is pregnant"
is the uncertain category's "if".)"""


_ASKED_WHETHER = re.compile(
    r"\b(?:ask|asks|asked|asking|wonders?|wondered|wondering|wants?\s+to\s+know|"
    r"wanted\s+to\s+know|inquires?|inquired|inquiring|enquires?|enquired|enquiring|"
    r"quer(?:y|ies|ied|ying)|questions?|questioned|questioning|checks?|checked|checking|"
    r"verif(?:y|ies|ied|ying)|confirm(?:s|ed|ing)?|clarif(?:y|ies|ied|ying))"
    r"(?:[ \t]+(?!whether\b|if\b)[a-z§'’-]+){0,5}?[ \t]+"
    r"(?P<q>(?:whether|if)\b[^.;:!?\n]*\??)")
"""A question reported after a verb of asking or checking, with "whether" or "if" and up to
five words between ("Payer rep asked on the call whether the injection was cosmetic",
"Adjuster wants to know whether she is pregnant", "The form asks whether there is any
active infection", "queried if the CT is for cosmetic purposes"; fresh38 read a cosmetic
purpose, a wish to know read a pregnancy): the asker's words to their clause's end, no
statement, to the sentence's end past its commas ("asks whether her daughter, who is 10
weeks pregnant, can drive her": the relative's clause stays hers). The answer after them
is read ("checked whether she was pregnant: hCG negative")."""


_PATIENT_ASKER = re.compile(r"(?:\b(?:she|he|pt|patient|client|athlete)|§)[ \t]+"
                            r"(?:(?:also|then|later|now|again|even)[ \t]+)?\Z")
_WHAT_IT_WILL_DO = re.compile(r"(?:whether|if)[ \t]+(?:[a-z§'’-]+[ \t]+){1,3}?"
                              r"(?:will|would|could|can|might|may)\b")


def _patients_aim(lower: str, m: re.Match[str]) -> bool:
    """The patient asks what the treatment will do ("she asks whether exercise will improve
    her appearance", "Pt asked if PT could also tone up her arms"): her aim, which the
    corpus reads (a cosmetic aim beside a condition), not a question of someone checking."""
    return _PATIENT_ASKER.search(lower, max(0, m.start() - 30), m.start()) is not None and \
        _WHAT_IT_WILL_DO.match(lower, m.start("q")) is not None


_LISTED_QUESTION = re.compile(
    r"(?m)^[ \t]*(?:\[[\d:. ]{3,12}(?:[ap]m)?\][ \t]*)?[a-z][\w .'-]{0,40}"
    r"(?:\([^()\n]{0,30}\))?:[ \t]*(?P<q>(?:[a-z][a-z /-]{1,25},[ \t]*){1,5}"
    r"(?:(?:or|and)[ \t]+)?[a-z][a-z /-]{1,25}\?)[ \t]*$")
"""A speaker's line that is only a list of things asked about ("[0:12:31] Kim (scheduler):
Infections, fevers, anything?") with no answer on it: the asker names topics, states none
(fresh32's huddle; a question answered on the next line is joined to its answer first)."""


def question_spans(lower: str) -> list[tuple[int, int]]:
    """Yes/no questions with a figure, each from its first word to its question mark:
    "does Mr Haddad have 12 wks PT?" (fresh13, read 12 weeks of PT) asks whether the
    patient reached the asker's figure, it states none. Only a question that opens its
    sentence, its line or a chat line's text ("[09:12] Jenna R (auth): does ...")."""
    out = []
    for match in _ASKS.finditer(lower):
        before = lower[lower.rfind("\n", 0, match.start()) + 1:match.start()].rstrip()
        if before and before[-1] not in ".:!?>])-":
            continue
        asked = _ASKED_FIGURE.match(lower, match.end()) or \
            _ASKED_UNMARKED.match(lower, match.end())
        if asked is not None:
            out.append((match.start(), asked.end()))
    return out + [m.span("q") for m in _EMBEDDED.finditer(lower)] + \
        [m.span("q") for m in _ASKED_WHETHER.finditer(lower) if not _patients_aim(lower, m)] + \
        ([m.span("q") for m in _LISTED_QUESTION.finditer(lower)] if "?" in lower else [])


@dataclass(frozen=True)
class Modifier:
    category: str
    trigger: tuple[int, int]
    scope: tuple[int, int]


_TRAILING_DOUBT = ("maybe", "possibly")
_OPENS_BRACKET = re.compile(r"[\[(]\?+[ \t]*[^\s?)\]]")
"""A doubt mark opening a bracket ("[?18th]", "[?12 / 1.2]", "(?L5)"): what the bracket
holds is doubted, not what comes before it (fresh23's transcribed dictation)."""
"""Doubt words that doubt what came before only at the end of their clause ("pregnant -
maybe", "pregnant (pt says possibly)"), not before more words ("maybe next week")."""
_VITALS_LABEL = re.compile(r"[ \t]*(?:@?[ \t]*\d{3,4}h?[ \t]*|\(\d{3,4}\)[ \t]*)?:")
"""After "VS" opening its line, a time and a colon ("VS 0600:", "VS:"): vital signs, not
"versus"."""
_VERSUS_DATE = re.compile(r"\.?\s*(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}/\d{4}|(?:jan|feb|mar|"
                          r"apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|"
                          r"(?:19|20)\d\d)(?![\w/])")
"""A date after "vs" ("opacities increased vs 06/2026"): a comparison with an earlier
study, not a differential."""
_VERSUS_SCORE = re.compile(r"\.?[ \t]*(?:a[ \t]+)?\d{1,3}(?:\.\d+)?(?:[ \t]*(?:%|/[ \t]*100?\b)|"
                           r"(?=[ \t]*(?:\(|on\b|at\b|in\b|before\b|prior\b|previously\b|"
                           r"baseline\b|initially\b|last\b)))")
"""A score after "vs", in its percent or out of 10 or 100, or dated ("ODI 30% vs 48% on
10/27", "Oswestry 32% (01/06) vs 46% (11/23)", "NRS 7 vs 4 before PT"): two measures
compared, not a differential; "8 vs 12 weeks of PT" still doubts the figure."""
_OWNED_BY = re.compile(r"['’]s\b")
_OWNER_AFTER_VERB = re.compile(r"\b[a-z]{2,}[ \t]+(?:his|her|my|their)[ \t]+$")
"""A relative's possessive after the patient's own ("coaching his son's", "drive my
daughter's"), past a word that opens the clause: the relative owns a thing named."""
_AND_PREDICATE = re.compile(r"[ \t]+and[ \t]+(?=(?:cannot|can'?t|can[ \t]+no[ \t]+longer|"
                            r"can[ \t]+not|could[ \t]+not|couldn'?t|is|was|has|had|does|did|"
                            r"doesn'?t|didn'?t|now|still|no[ \t]+longer|also|must|needs|"
                            r"wakes|gets|got|unable)\b)")
_CLAUSE_END = re.compile(r"\s*(?:[),;.!?\n]|$)")
_DOUBT_OPENS = re.compile(r"\?|maybe\b|possibly\b|probably\b|unsure\b|not sure\b|"
                          r"unconfirmed\b|not confirmed\b|unverified\b|not verified\b")
"""Doubt words that, opening an aside, doubt what the aside follows ("pregnant (?)")."""
_SAID_OF_IT = re.compile(r"\s*(?:(?:pt|§§|patient|she|he|mom|mother|family)?\s*(?:says|said|states|"
                         r"stated|reports|reported|thinks|believes)\s*|per\s+(?:pt|§§|patient|"
                         r"family|chart|report)\s*[,;]?\s*)?")
"""An aside that opens with its trigger, or with who says so ("(pt says maybe)", "(per pt,
unverified)")."""
_AGE_ONLY = re.compile(r"\s*\d{1,3}\s*(?:yo|y/o|years? old)?\s*")
"""An age in passing ("her mother, 88, who is on PT") does not end what is said of her."""
_RELATIVE = re.compile(r"\s*(?:who|which|whose|that)\b")
"""A relative clause goes on about the same person ("her mother, 88, who is on PT")."""
_PREDICATE = re.compile(r"\s*(?:also\s+|too\s+)?(?:is|was|are|were|has|had|have|did|does|"
                        r"takes|took|gets|got|needs|completed|finished|underwent|remains|"
                        # "Her husband, present, rates his own back pain 9/10"
                        r"rates|rated|scores|scored|suffers|suffered|developed|tested)\b")
"""A clause that opens with its verb: its subject is the one before it."""
_OPENS_WITH_RELATIVE = re.compile(r"\s*(?:(?:her|his|their|the|[a-z]+'s)\s+)?[a-z]+")
"""A clause whose subject is the relative named first in it ("Mother had ...",
"Patient's husband has ...")."""
_SUBJECT = re.compile(r"\s*(?P<whose>her|his|their|the|(?:[a-z]+|§§)'s)\s+")
_OTHER_SEX = {"she": r"\b(?:he|him|his|himself|mr)\b", "he": r"\b(?:she|her|hers|herself|mrs|ms)\b"}
"""The words of the sex other than a relative's pronoun's (``Context._other_sex_said``)."""
_BARE_SUBJECT = re.compile(r"[ \t\-*•]*(?P<whose>)")
"""A relative's bare word opening its sentence is its subject too, as a note writes it:
"Wife visiting this afternoon, update her. (She is on home O2 for her own COPD ...)" (fresh32:
the wife's COPD read as a man's)."""
_IS_THE_PATIENT = re.compile(r"\s*(?:\(\s*|,\s*|-\s*|\bwho\s+is\s+|\bis\s+)the\s+"
                             r"(?:patient|pt|§§)(?!\w)(?!'s)"
                             r"(?![^).;\n]{0,20}\b(?:too|also|as well)\b)")
"""A relative said to be the patient ("My dad (the patient) has had the sciatica", "her
husband, the patient, ..."; outside tester 16 C14): the patient, not another person. ("our
patient" is not: "her husband (our patient too)" is another of the practice's patients.)"""
_OF_THE = re.compile(r"\s*of\s+(?:the\s+|our\s+|this\s+)?")
_CONTRAST_WORD = re.compile(r"but|however|although|though|except(?: for)?|yet|whereas")
"""A terminator that turns the statement: inside a bracket, it still ends a denial."""
"""Between a relative and the word for the patient that names whose relative it is ("The
husband of the patient has the heart disease severe", fresh20): no end of the relative's
words."""
_PATIENT_PRONOUN = {"she": ("her",), "he": ("his",)}
"""The patient's possessive that may stand for the relative's own pronoun: after "her
mother ..." a "she" may be either, but after "his wife ..." (fresh20: "His wife, seen in the
next room today, ...; she is 24 weeks pregnant") or "her husband ..." the relative's
pronoun is not the patient's."""
"""What stands before a relative who is the subject of the sentence ("Member's husband");
a bare "Mom" or "Dad" is often the patient, named so by the child who writes."""
_REPORTS = "says|said|states|stated|reports|reported|thinks|believes|notes|noted|called|" \
    "feels|asks|asked|told|tells|drove|brought"
"""Verbs by which a relative reports on the patient ("he says the pain is constant")."""
_MONTHS_AGO = re.compile(r"\b(?P<n>\d{1,3})\s*(?:months?|mos?)\s+ago\b")
_ONGOING_SINCE = re.compile(r"\b(?:since|from|starting)\s+(?:[a-z]+\.?\s+)?(?:\d{1,2}/){0,2}"
                            r"(?:19|20)\d\d\b")
_IS_FROM = re.compile(r"\b(?:is|was|are|were|comes|came|dates|dated)[ \t]+from[ \t]+"
                      r"(?:(?:a|an|the|her|his|their|its|an old|an older|the old|the older)"
                      r"[ \t]+)?(?:\d{1,2}/)?$")
"""A copula saying where its subject comes from, right before a past year."""
_YEAR = re.compile(r"(?<![\d.-])(?:in |during (?:the )?|since )?(?:\d{1,2}/)?(?P<y>(?:19|20)\d\d)"
                   r"(?![\d/-]|\.\d)")


def _around_onset(lower: str, start: int, year: re.Match[str]) -> list[tuple[int, int]]:
    """The scope a past year makes history, less an onset word that dates it and its date ("Chronic
    LBP, lumbar facet arthropathy. Onset 08/25/2025": the onset is when what goes on
    began, whatever the year; "UTI, onset 10/2025" stays history for the UTI)."""
    onset = _onset_before().search(lower, start, year.start())
    if onset is None:
        return [(start, year.end())]
    return [(start, onset.start())] if start < onset.start() else []


@cache
@fixed_patterns
def _onset_before() -> re.Pattern[str]:
    """An onset word with only a date's first part, a colon or "of"/"on" before the year."""
    return re.compile(rf"\b(?:{alternation(rules().onset_words)})\b(?=(?:\s*(?:date|of|on|:|-))*\s*"
                      r"(?:[a-z]+\.?\s+)?(?:\d{1,2}[/-]){0,2}$)")


@cache
@fixed_patterns
def _started_then() -> re.Pattern[str]:
    """An onset word right before a past time ("started in October", "began last fall",
    "onset back in March"): the time dates when what goes on began, not a thing now over
    (as a past year after an onset word, ``_around_onset``)."""
    return re.compile(rf"\b(?:{alternation(rules().onset_words)})\s+"
                      r"(?:(?:sometime|some time|around|about|way|back|first|only)\s+){0,2}$")


_FOUND_THEN = re.compile(r"\)?\s*(?:showed|revealed|demonstrated|found|confirmed|noted|"
                         r"was read as|diagnosed)\b")
"""Words after a past year that report what was found then."""


_ATTRIBUTE = re.compile(r"\b(?:her|his|their|pt'?s|patient'?s|the|a|an|my|our)\s+"
                        r"(?P<words>(?:[a-z][a-z-]*\s+){1,2})$")
"""A determiner and up to two words that describe the noun after them ("her pregnant")."""


_LEAD_IN = re.compile(r"[\s,;-]*(?:(?:now|since|then|has|have|had|was|were|is|are|all|"
                      r"fully|completely|and|but|since then|it|that|which|status:?)\s+)*")
"""Words that may stand before a backward trigger that reaches into the previous clause
("UTI last year, now resolved"; a list's or a log's "status:", "'severe COPD' added by SNF -
status: UNVERIFIED", phrase30b read it); any other word there ("Romberg neg") is its
subject."""
_TREATED = re.compile(r"[\s,;(-]*(?:completed|finished|treated|s/p|status post|"
                      r"on (?:iv |oral |po )?(?:antibiotics|abx)|"
                      r"(?:iv |oral |po )?(?:antibiotics|abx) (?:completed|finished|given|x))\b")
"""A clause that only says how something was treated: a resolution after it is of that thing."""
_TAIL = re.compile(r"[\s.,;:)!-]*(?:(?:now|currently|today|at present|so far|to date|yet|"
                   r"per (?:pt|patient)|as well|too|also|since)\b[\s.,;:)!-]*|per §§[\s.,;:)!-]*)*"
                   r"(?:(?:on |as of )?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d\d-\d\d)"
                   r"(?![\w/])[\s.,;:)!-]*)?"
                   r"(?:(?:by|on|per|with) (?:a |an |the )?[a-z][\w/-]*(?: [a-z][\w/-]*)?"
                   r"[\s.,;:)!-]*)?"
                   r"(?:(?<=[a-z]):\s[^\n]*)?")
"""What may follow such a trigger to its clause's end: a word that names a thing instead
("Normal gait, negative Romberg") is what the trigger is about, not the clause before;
the reasons after a colon right after it are not ("1. Bacterial pneumonia - unlikely:
afebrile, procalcitonin 0.04": the differential's item is the one judged), nor the day it
was found and the test or the reader that found it ("Bacterial pneumonia - ruled out 12/01
by CXR": outside tester session 22 F8 read the pneumonia, a final denial)."""


_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'?ve|i'?d|i'?m|my)(?![\w'])")
"""The writer as a sentence's subject or owner ("I had", "I've had", "my own")."""
_OWN_DENIAL = re.compile(r"\s*(?:no|not|never|denies|denied|without|neg(?:ative)? for)\b")
"""A clause that opens with a denial of its own says something new: a doubt or a plan
before it does not carry into it (a denial does, "no fever, no cough"; and so does someone
else's, "his brother, not pregnant obviously, had an infection")."""


_STATEMENT = re.compile(r"\b(?:pt|patient|she|he|they|is|was|has|had|are|were)\b(?!\s+all\b)"
                        r"|§+")
"""A word that makes a clause a statement of its own, not an item of a list (\"were all
ruled out\" closes the list itself); "§" is a "Pt" the message marked as the patient."""


def _words(text: str) -> int:
    return len(re.findall(r"[a-z0-9/']+", text))


class Context:
    """The modifiers of one message; ``at(a, b)`` gives a mention's categories."""

    def __init__(self, lower: str, found: list[Clause],
                 protected: list[tuple[int, int]] | None = None,
                 occ: Occurrences | None = None, year: int | None = None,
                 raw: str | None = None) -> None:
        self.lower = lower
        self.clauses = found
        self._clause_starts = [c.start for c in found]
        self._spans = sentence_spans(found)
        self.occ = occ or Occurrences(lower)
        self._protected = protected or []
        # (words saying all the care failed deny none of it: "nothing worked, not PT and not
        # the meds" had taken PT and medication out of the kinds of care tried: tester 35 F10)
        self._pseudo = self.occ.hits(tuple(rules().pseudo) + tuple(rules().failed_everything)) + \
            _role_spans(lower) + [m.span() for m in _LATER_ONE.finditer(lower)]
        # (by start, with the longest: a trigger is looked for only among the spans that
        # start close enough before it to cover it, not among all of a long note's)
        self._covering = sorted(self._pseudo + self._protected)
        self._protected_set = set(self._protected)
        self._longest = max((y - x for x, y in self._covering), default=0)
        self.modifiers: list[Modifier] = []
        # pronouns found to be another person's (``_taken_up``): the same pronoun after
        # them is that person's too
        self.taken_pronouns: list[tuple[int, int]] = []
        self._other_sex_memo: dict[str, bool] = {}
        for category in CATEGORIES:
            self._find(category)
        self._attributive()
        self._relative_says()
        self._resumed()
        self._taken_up()
        self._possessed()
        self._patients_relative()
        self._relatives_pronoun()
        self._writers_own()
        self._list_denied()
        # (the raw words too: a relation word masked as the patient, "Patient (her
        # father)", still says the patient's sex)
        self.modifiers += [Modifier("other", trigger, scope) for trigger, scope in caller_spans(
            lower, found, lambda: rules().callers, rules().pronouns, (raw or lower).lower())]
        self.modifiers += [Modifier("other", trigger, scope) for trigger, scope in writer_spans(
            lower, found, tuple(rules().escorts))]
        if raw is not None:
            self.modifiers += [Modifier("other", trigger, scope)
                               for trigger, scope in speaker_spans(raw)]
        self.modifiers += [Modifier("negated", trigger, scope)
                           for trigger, scope in minus_spans(lower)]
        self.modifiers += [Modifier(category, trigger, scope)
                           for category, trigger, scope in mark_spans(lower)]
        self._sections()
        self._history_labels()
        self.modifiers += [Modifier("historical", trigger, scope)
                           for trigger, scope in resolved_rows(as_written(raw, lower))]
        self._quoted()
        self.copied: list[tuple[int, int]] = self._copied()
        self.topics = topic_spans(lower, self.occ)
        if year is not None:
            self._years(year)

    def _years(self, current: int) -> None:
        """A past year, or a year or more ago, right after a mention makes it history
        ("pneumonia 2024", "UTI in 2024, resolved", "delivered a baby 14 months ago"); it
        reaches back a few words, not over an opening parenthesis."""
        long_ago = [m for m in _MONTHS_AGO.finditer(self.lower) if int(m["n"]) >= 12]
        past = [m for m in _YEAR.finditer(self.lower) if int(m["y"]) < current
                and (self._record_of(m.start()) or
                     not _ONGOING_SINCE.search(self.lower[max(0, m.start() - 25):m.end()]))]
        # ("LBP since spring 2025" or "since 08/01/2025" is going on since then, not
        # history; "delivered a baby 14 months ago" is.)
        for match in past + long_ago:
            index = self._clause_at(match.start())
            if index is None:
                continue
            start = max(self.clauses[index].start,
                        -1 if self._record_of(match.start()) else match.start() - 35,
                        self.lower.rfind("(", 0, match.start()) + 1)
            for scope in _around_onset(self.lower, start, match):
                self.modifiers.append(Modifier("historical", match.span(), scope))
            if _FOUND_THEN.match(self.lower, match.end()):
                # "MRI L knee in 2023 showed a meniscal tear": what that study found, then
                end = self._cut_forward("historical", match.end(), self.clauses[index].end)
                self.modifiers.append(Modifier("historical", match.span(), (match.end(), end)))

    def _record_of(self, at: int) -> bool:
        """A past year a clause's verb says its subject comes from ("the chest pain '9/10'
        pulled into the note is from a 2025 ED triage"): what the clause names, however far
        before, was so then (phrase31a read a chest pain the patient denies today)."""
        return _IS_FROM.search(self.lower, max(0, at - 40), at) is not None

    # ---------------------------------------------------------- triggers

    def _free(self, a: int, b: int) -> bool:
        """A trigger counts unless it sits inside a pseudo-trigger or a fact's own
        phrase ("no relief from PT", "suspected pneumonia", "no comorbidities")."""
        near = self._covering[bisect_left(self._covering, (a - self._longest,)):
                              bisect_right(self._covering, (a, len(self.lower) + 1))]
        return not any(x <= a and b <= y and (y - x) > (b - a) for x, y in near)

    def clause_index(self, pos: int) -> int | None:
        """The index of the clause holding ``pos``, or None."""
        return self._clause_at(pos)

    def _clause_at(self, pos: int) -> int | None:
        i = bisect_right(self._clause_starts, pos) - 1
        return i if i >= 0 and pos < self.clauses[i].end else None

    def _trigger_clause(self, direction: str, a: int, b: int) -> int | None:
        """The clause a trigger at [a, b) works from: the one it starts in, or, for a
        forward trigger that runs on past its comma, the one it ends in ("Sie weiß nicht,
        ob es eine Lungenentzündung war": not knowing whether, fresh38's Afrikaans)."""
        index = self._clause_at(a)
        if direction == "forward" and index is not None and \
                (later := self._clause_at(b - 1)) is not None and later > index:
            return later
        if index is None and direction == "backward" and a > 0 and \
                self.lower.startswith("??", a):
            # "18 wks pregnant??": doubt marks that end the clause are its own
            # (one "?" may end a question: "62311 for 67M?")
            return self._clause_at(a - 1)
        return index

    def _find(self, category: str) -> None:
        spec = rules().categories[category]
        for direction in ("forward", "backward"):
            for a, b in self._triggers(category, direction, tuple(getattr(spec, direction))):
                if not self._free(a, b):
                    continue
                index = self._trigger_clause(direction, a, b)
                if category == "uncertain" and self.lower[a:b] in ("vs", "vs.", "versus") and \
                        _VERSUS_DATE.match(self.lower, b):
                    continue  # "increased bilateral reticular opacities vs 06/2026"
                if category == "uncertain" and self.lower[a:b] in ("vs", "vs.", "versus") and \
                        _VERSUS_SCORE.match(self.lower, b):
                    continue  # "ODI 30% vs 48% on 10/27": a comparison
                if category == "uncertain" and self.lower[a:b] in ("vs", "vs.") and \
                        _VITALS_LABEL.match(self.lower, b) and \
                        not self.lower[self.lower.rfind("\n", 0, a) + 1:a].strip(" \t-*•"):
                    continue  # a nurse's "VS 0600: T 38.6 C, HR 112": the vital signs' label
                if direction == "backward" and self.lower[a:b] in _TRAILING_DOUBT and \
                        not _CLAUSE_END.match(self.lower, b):
                    continue  # "maybe next week": the doubt is about what follows
                if direction == "backward" and self.lower[a:b] == "?" and \
                        _OPENS_BRACKET.match(self.lower, a - 1):
                    continue  # "[?18th]", "(?L5)": a mark on the bracket's words only
                if index is None:
                    continue
                if category == "historical" and direction == "backward" and \
                        _started_then().search(self.lower, max(0, a - 40), a):
                    continue  # "my lower back pain started in the fall": when it began
                if category == "other" and _IS_THE_PATIENT.match(self.lower, b):
                    continue  # "My dad (the patient) has had the sciatica for 9 months"
                # "H&P 10/3, don't know the MRI date": not knowing, said before a thing,
                # is about that thing; a doubt after a finding is the finding's reading
                # ("RLL opacity, ?consolidation vs atelectasis").
                reach = (category != "unknown" or self.lower[a:b] not in spec.forward) and \
                    (category != "negated" or
                     _TAIL.fullmatch(self.lower, b, self.clauses[index].end) is not None)
                scope = (self._forward(category, index, b, spec.scope) if direction == "forward"
                         else self._backward(category, index, a, spec.scope, reach))
                if category == "other" and direction == "forward":
                    scope = (scope[0], self._other_sex_subject(a, b, scope[1]))
                    scope = (scope[0], self._owner_only(a, b, scope[1]))
                if scope[1] > scope[0]:
                    self.modifiers.append(Modifier(category, (a, b), scope))

    def _triggers(self, category: str, direction: str,
                  phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        """Where the category's triggers stand: its phrases, and for ``other``'s forward
        ones the people named by a shape (``other_people``)."""
        found = self.occ.hits(phrases)
        if category == "other" and direction == "forward":
            found = sorted({*found, *_other_people(self.lower)})
        return found

    def _other_sex_subject(self, a: int, b: int, end: int) -> int:
        """Where a relative's scope ends at a subject pronoun of the other sex ("Client's
        wife had their baby 11/30 - he is on parental leave", "Wife reports snoring and
        that he stops breathing"): he is not the wife, he is the patient (fresh26). Not a
        reporting aside ("his wife, he says, is pregnant"). ``pronouns`` in context.yaml."""
        word = self.lower[a:b]
        sex = next((p for p, ws in rules().pronouns.items() if word in ws), None)
        if sex is None:
            return end
        other = "she" if sex == "he" else "he"
        found = re.compile(rf"\b{other}\b(?!\s*,?\s*(?:{_REPORTS})\b)(?!\s*,)").search(
            self.lower, b, end)
        return found.start() if found else end

    def _owner_only(self, a: int, b: int, end: int) -> int:
        """Where a relative's scope ends when the relative only owns what the patient does
        something with, named after a verb ("He stopped coaching his son's team and cannot
        sit through a workday", "drives her daughter's car and can't turn her neck"): the
        next predicate joined by "and" is the patient's again. Not a relative opening its
        clause ("His son's team lost and he cannot attend" stays the son's scope up to
        the pronoun)."""
        if _OWNED_BY.match(self.lower, b) is None:
            return end
        index = self._clause_at(a)
        before = self.lower[self.clauses[index].start if index is not None else a:a]
        if not _OWNER_AFTER_VERB.search(before):
            return end
        found = _AND_PREDICATE.search(self.lower, b, end)
        return found.start() if found else end

    def _attributive(self) -> None:
        """"came with her pregnant sister": words between a determiner and the relative
        they describe are about the relative, though they come before the trigger."""
        for a, b in self.occ.hits(tuple(rules().categories["other"].forward)):
            match = _ATTRIBUTE.search(self.lower[max(0, a - 40):a])
            if match and match["words"].strip():
                start = max(0, a - 40) + match.start("words")
                self.modifiers.append(Modifier("other", (a, b), (start, a)))

    def _resumed(self) -> None:
        """"No, that's my wife, she has the bladder infection, not me": a relative's own
        pronoun right after the relative and a comma takes the relative up again (fresh17),
        unless it opens a report ("his wife, she says he ...")."""
        for match in _resumed_pronoun().finditer(self.lower):
            rel, pronoun = match["rel"], match["p"]
            index = self._clause_at(match.start("p"))
            if index is None or rel not in rules().pronouns.get(pronoun, ()):
                continue
            end = self._cut_forward("other", match.end("p"), self.clauses[index].end)
            self.modifiers.append(Modifier("other", match.span("rel"), (match.start("p"), end)))

    def _taken_up(self) -> None:
        """A pronoun opening a clause after another person named earlier in its sentence
        is that person's: "Spouse (87) also on our service - he has severe COPD" (fresh27:
        the husband's COPD and "he" were read as a woman patient's), "Neighbour drives her
        to visits; he had PT for his own back". A relative of the pronoun's sex ("lives
        with her husband; he ...") anywhere in the sentence, one of either sex
        (``people_of_either_sex``) only as its subject. Not where the words between speak
        of the patient with the pronoun's own forms ("Son brought him in, he is
        confused"), name the patient or report on them ("Wife reports that he stops
        breathing"), nor a report itself ("her husband, he says, ...")."""
        own = rules().pronouns
        turns = self._patients_turns()
        for match in _taken_up_pronoun().finditer(self.lower):
            rel, pronoun, between = match["rel"], match["p"], match["mid"]
            if match.start("p") in turns:
                continue
            if rel not in own.get(pronoun, ()) and (rel not in rules().people_of_either_sex
                                                   or match["opens"] is None):
                continue
            if self._relative_writes(match.start("rel")):
                continue
            if re.search(rf"\b(?:{_FORMS[pronoun]}|{_REPORTS}|patient|pt|§§)\b", between) or \
                    '"' in between or _named_between().search(between) and \
                    any(w in own.get(pronoun, ()) or w in rules().people_of_either_sex
                        for w in _named_between().findall(between)):
                continue  # (another of the pronoun's sex named later is the one it stands for)
            index = self._clause_at(match.start("p"))
            if index is None:
                continue
            end = self._sentence_end(index)
            end = self._cut_forward("other", match.end("p"), end)
            self.modifiers.append(Modifier("other", match.span("rel"), (match.start("p"), end)))
            self.taken_pronouns.append(match.span("p"))

    def _patients_turns(self) -> set[int]:
        """Where a clause turns back to the patient after a thing said to be a relative's
        ("the UTI is her daughter's - she has no infection": the "her" before the
        daughter is the patient, and so is the "she" after; outside tester 28 F7 set the
        patient's "no infection" aside as the daughter's)."""
        out = set()
        for match in _possessed().finditer(self.lower):
            if match["said"] and match["rel"]:
                # (to the end of the line's sentence, past a semicolon: "her daughter's;
                # she has no infection herself")
                stop = _FULL_STOP.search(self.lower, match.end())
                end = stop.start() if stop else len(self.lower)
                turn = _patients_turn(self.lower, match, end)
                if turn < end:
                    out.add(turn)
        return out

    def _sentence_end(self, index: int) -> int:
        """Where the sentence of clause ``index`` ends (its last clause's end)."""
        sentence, end = self.clauses[index].sentence, self.clauses[index].end
        for nxt in self.clauses[index + 1:]:
            if nxt.sentence != sentence:
                break
            end = nxt.end
        return end

    def _relative_writes(self, at: int) -> bool:
        """The relation word at ``at`` stands alone ("Dad doesn't ...") in a message a
        relative writes of "my father", "my husband": the writer's relative may be the
        patient, so a pronoun after it is not taken from the patient."""
        if re.search(r"\b(?:my|her|his|their|the|pt'?s|patient'?s|§+'?s)\s+$",
                     self.lower[max(0, at - 12):at]):
            return False
        return _my_relative().search(self.lower) is not None

    def _possessed(self) -> None:
        """"Back page is the daughter's own PT log for her shoulder, pain 3" (fresh21): a
        thing said to be a relative's, as its sentence's subject ("Her son's exercise
        diary, pain 6/10") or what the sentence says it is ("... is the daughter's ..."),
        or "own" ("the wife's own inhaler"), is what the rest of the sentence describes:
        its figures after a comma are the relative's too, where a relative's name alone
        keeps to its clause. A patient's word ("patient", "but") ends it as it ends any."""
        for match in _possessed().finditer(self.lower):
            rel = "rel" if match["rel"] else "rel2"
            index = self._clause_at(match.start(rel))
            if index is None:
                continue
            end = self._sentence_end(index)
            end = self._cut_forward("other", match.end(), end)
            if match["said"]:
                end = _patients_turn(self.lower, match, end)
            if end > match.end():
                self.modifiers.append(Modifier("other", match.span(rel), (match.end(), end)))
            if match["said"]:
                # "the antibiotics are her husband's, not hers" (outside tester 26 F1): the
                # thing before is the relative's too
                start, _end = self._backward("other", index, match.start(), "clause")
                self.modifiers.append(Modifier("other", match.span(rel), (start, match.start())))

    def _list_denied(self) -> None:
        """"Contraindications reviewed with the patient: pregnancy, active infection,
        bleeding disorders - none apply." (outside tester 21 F8: read pregnant and an
        infection, a false denial): a denial that speaks of all of a list at once
        (``list_denials`` in ``context.yaml``: "none apply", "were all ruled out") denies
        every item of it, back to the label's colon or the sentence's start, past the
        commas that end a plain denial's clause."""
        for a, b in self.occ.hits(tuple(rules().list_denials)):
            if not self._free(a, b):
                continue
            for start, end in self._spans.values():
                if start <= a < end:
                    colon = self.lower.rfind(":", start, a)
                    # (the list before the colon: "UTI, skin infection: all negative")
                    begin = colon + 1 if colon >= 0 and self.lower[colon + 1:a].strip(
                        " \t-–—") else start
                    begin = self._after_statements(begin, a)
                    if a > begin:
                        self.modifiers.append(Modifier("negated", (a, b), (begin, a)))
                    break

    def _after_statements(self, begin: int, end: int) -> int:
        """Where a list a closing denial speaks of starts: after the last clause between
        ``begin`` and ``end`` that is a statement of its own ("Pt pregnant, infection - none
        apply": the pregnancy is said, not listed)."""
        last = self.lower.rfind(",", begin, end)  # (the denial's own subject is no item)
        said = [m.end() for m in _STATEMENT.finditer(self.lower, begin, max(last, begin))]
        if not said:
            return begin
        comma = self.lower.find(",", said[-1], end)
        return comma + 1 if comma >= 0 else end

    def _writers_own(self) -> None:
        """"Referring doctor: I had the same knee pain for 2 years myself. The patient's
        pain began 3 weeks ago." (outside tester 21 F5: 104 weeks read): a sentence in the
        first person that sets the writer beside the patient, by an emphatic self ("myself",
        "my own", "me too") and a likeness ("the same", "similar", "like her"), is the
        writer's own history, not the patient's (``writer_own`` in ``context.yaml``). A
        patient's own "I" with neither ("I did the exercises myself") stays the patient's."""
        own = rules().writer_own
        selves, likes = own.get("self", []), own.get("like", [])
        if not selves or not likes:
            return
        for start, end in self._spans.values():
            words = self.lower[start:end]
            first = _FIRST_PERSON.search(words)
            if first is None or not hits(words, tuple(selves)) or not hits(words, tuple(likes)):
                continue
            a, b = start + first.start(), start + first.end()
            cut = self._cut_forward("other", b, end)
            if cut > b:
                self.modifiers.append(Modifier("other", (a, b), (b, cut)))

    def _patients_relative(self) -> None:
        """A relative named as the patient's by a genitive after the word ("żona pacjenta",
        "la esposa del paciente", "the wife of the patient") is the subject wherever it
        stands in its clause: "Zapalenie płuc ma żona pacjenta" (the patient's wife has
        pneumonia; phrase29b read the patient's), where the relative's word reaches only
        forward. The whole clause is the relative's, to a turn to the patient after it."""
        for match in _patients_relative().finditer(self.lower):
            index = self._clause_at(match.start())
            if index is None:
                continue
            start = self.clauses[index].start
            end = self._cut_forward("other", match.end(), self.clauses[index].end)
            self.modifiers.append(Modifier("other", match.span(), (start, end)))

    def _relatives_pronoun(self) -> None:
        """"pt's wife says he's had back pain 6 mo, she has diabetes" (outside tester
        session 18 CH8): after a relative and the patient's own pronoun of the other sex
        in one sentence, a clause that opens with the relative's pronoun is the
        relative's ("she" after "his"/"he" is the wife, not the patient)."""
        for match in _relatives_pronoun().finditer(self.lower):
            sex = "she" if match["p_she"] else "he"
            rel, p = match.span(f"rel_{sex}"), match.span(f"p_{sex}")
            index = self._clause_at(p[0])
            if index is not None:
                end = self._cut_forward("other", p[1], self.clauses[index].end)
                self.modifiers.append(Modifier("other", rel, (p[0], end)))

    def _relative_says(self) -> None:
        """"His mother says she is pregnant": "she" after a relative's report may be the
        relative (outside tester session 8 F25; the patient is "his"), so the clause
        after it is someone else's. ("Mother says he ..." stays the patient's.)"""
        for match in _relative_says_she().finditer(self.lower):
            index = self._clause_at(match.start("she"))
            if index is not None:
                self.modifiers.append(Modifier("other", match.span(),
                                               (match.start("she"), self.clauses[index].end)))

    # ------------------------------------------------------------- scope

    def _inside_a_phrase(self, a: int, b: int) -> bool:
        """The word at ``a``-``b`` sits inside a fact's phrase past its first word ("had"
        in "recently had a baby"): no terminator there ("nor has she recently had a
        baby", phrase30b read a baby, postpartum). One opening the phrase still ends a
        scope ("denies fever, had a baby last month")."""
        near = self._covering[bisect_left(self._covering, (a - self._longest,)):
                              bisect_right(self._covering, (a, len(self.lower) + 1))]
        return any(x < a and b <= y for x, y in near if (x, y) in self._protected_set)

    def _cut_forward(self, category: str, start: int, end: int) -> int:
        for x, y in self.occ.hits(rules().terminators_of(category), start, end):
            if category == "negated" and self._inside_a_phrase(x, y):
                continue
            if category == "other" and _OF_THE.fullmatch(self.lower, start, x) and \
                    _PREDICATE.match(self.lower, y):
                continue  # "The husband of the patient has ...": the husband's, still
            opening = self.lower.rfind("(", start, x)
            if opening >= 0 and ")" not in self.lower[opening:x] and not (
                    category == "negated" and _CONTRAST_WORD.fullmatch(self.lower, x, y)):
                continue  # "Son (also our patient) reports ...": an aside about him
            # ("Infection: no (but see wound check: cellulitis L foot, on Keflex)": a
            # contrast in the bracket ends the denial; outside tester 28 F9 read none)
            return x
        return end

    def _list_item(self, clause: Clause) -> bool:
        """A short item of a list ("cough", "or SOB") that a negation carries into; one
        that opens with its own "no" or "no --" (an answer) is a new statement ("not
        unstable, no -- stable outpatient")."""
        text = self.lower[clause.start:clause.end]
        lead = len(text) - len(text.lstrip())
        # "no diabetes, liver or bleeding disorder and no other significant illness": the
        # item ends where a denial of its own begins (fresh28 left the bleeding disorder
        # out of the list's "no", asked whether it was severe)
        own = _OWN_DENIAL_AFTER.search(text)
        if own:
            text = text[:own.start()]
        # "..., heart disease or any other serious condition": a list closed by a catch-all
        # ("..., dyspnea or chest pain today": the list's last two items, closed by "or")
        short = _words(text) <= 4 or (_words(text) <= 8 and _CATCH_ALL.search(text) is not None) \
            or (_words(text) <= 7 and re.search(r"\b(?:or|nor)\b", text) is not None)
        return short and not re.search(r"\d", text) and \
            not self.occ.hits(rules().terminators_of("negated"), clause.start,
                              clause.start + len(text)) and \
            not any(a == clause.start + lead for a, _b in self._pseudo)

    def _forward(self, category: str, index: int, start: int, scope: str) -> tuple[int, int]:
        clause = self.clauses[index]
        end = clause.end
        i = index
        while i + 1 < len(self.clauses):
            nxt = self.clauses[i + 1]
            if nxt.sentence != clause.sentence:
                break
            if scope == "clause" and not (self.clauses[i].comma_after or
                                          re.match(r"\s*(?:or|and|nor)\b",
                                                   self.lower[nxt.start:nxt.end])):
                break
            if scope == "clause" and category in ("uncertain", "hypothetical") and \
                    _OWN_DENIAL.match(self.lower, nxt.start, nxt.end):
                break  # "CT to eval ILD vs emphysema, not for cosmetic reasons": a new statement
            if scope == "clause" and not (self._list_item(nxt) or _RELATIVE.match(
                    self.lower[nxt.start:nxt.end]) or _AGE_ONLY.fullmatch(
                    self.lower[nxt.start:nxt.end]) or self._predicate_after_aside(
                    category, index, i, nxt, start)):
                break
            end, i = nxt.end, i + 1
        if category == "other":
            end = self._same_person_goes_on(start, index, i, end)
        if category == "hypothetical":
            end = max(end, self._listed_in_bracket(start))
        if category in ("uncertain", "unknown") or \
                category == "negated" and self._bracket_opens_with(start):
            # (a denial opening a bracket too: "activity modification (no tennis), NSAIDs"
            # denies the tennis, not the NSAIDs after the bracket; not a legend's last
            # choice, "(DM/CVD/.../NONE): HTN, DM")
            end = self._bracket_end(start, end)
        return start, self._cut_forward(category, start, end)

    def _listed_in_bracket(self, trigger_end: int) -> int:
        """The end of a bracket that lists what a policy's exclusions or criteria name, right
        after them on their line ("Policy exclusions (active infections e.g. sepsis,
        osteomyelitis; pregnancy; severe comorbidities) reviewed": every item is the
        policy's, past the semicolons; outside tester 33 F12); else ``trigger_end``."""
        if not _LIST_NAMED.search(self.lower, max(0, trigger_end - 20), trigger_end):
            return trigger_end
        opened = _BRACKET_NEXT.match(self.lower, trigger_end)
        if not opened and self.lower[trigger_end - 1] != "(":
            return trigger_end
        close = self.lower.find(")", opened.end() if opened else trigger_end)
        line_end = self.lower.find("\n", trigger_end)
        if close < 0 or 0 <= line_end < close:
            return trigger_end
        return close + 1

    def _bracket_opens_with(self, trigger_end: int) -> bool:
        """The trigger ending at ``trigger_end`` opens a bracket on its line ("(no tennis)")."""
        line = self.lower.rfind("\n", 0, trigger_end) + 1
        at = self.lower.rfind("(", line, trigger_end)
        return at >= 0 and re.fullmatch(r"\(\s*[a-z']+(?:\s+[a-z']+)?\s*",
                                        self.lower[at:trigger_end]) is not None

    def _bracket_end(self, start: int, end: int) -> int:
        """A doubt inside a bracket is about the bracket's words only: a transcriptionist's
        "[?November 5 / November 15 - audio unclear]" doubts the day, not the findings after
        the bracket (fresh23). (A relative named in one is still the subject after it:
        "other dependent (daughter) is pregnant".)"""
        line = self.lower.rfind("\n", 0, start) + 1
        for opening, closing in (("[", "]"), ("(", ")")):
            at = self.lower.rfind(opening, line, start)
            if at < 0 or closing in self.lower[at:start]:
                continue
            close = self.lower.find(closing, start, end)
            if close >= 0:
                return close
        return end

    def _predicate_after_aside(self, category: str, index: int, i: int, nxt: Clause,
                               start: int) -> bool:
        """"Her mother, who came with her, is diabetic": after an aside about the relative
        (a relative clause, an age), a clause with no subject of its own is what is said
        of the relative. So it is after a clause the relative opens as its subject
        ("Mother had knee replacement, also has severe COPD"; not "Lives with mother, has
        COPD", where the patient is)."""
        if category != "other" or _PREDICATE.match(self.lower, nxt.start, nxt.end) is None:
            return False
        return i > index or _OPENS_WITH_RELATIVE.fullmatch(
            self.lower, self.clauses[index].start, start) is not None

    def _same_person_goes_on(self, start: int, index: int, i: int, end: int) -> int:
        """"Member's husband (also our member) is pending an injection; he has done PT 14
        weeks": a relative who is the subject of a sentence is who the next sentences
        are about while they open with the relative's pronoun ("he" for a husband), unless
        the patient's own ("her mother ...; she ...") is the same."""
        clause = self.clauses[index]
        relative = re.search(r"[a-z]+$", self.lower[clause.start:start])
        pronoun = next((p for p, words in rules().pronouns.items()
                        if relative and relative[0] in words), None)
        subject = relative and (_SUBJECT.fullmatch(
            self.lower, clause.start, relative.start() + clause.start) or _BARE_SUBJECT.fullmatch(
            self.lower, clause.start, relative.start() + clause.start))
        if pronoun is None or not subject or subject["whose"] in _PATIENT_PRONOUN.get(pronoun, ()):
            return end  # "her mother ...; she ...", "his father ...; he ...": both possible
        first = sentence = self.clauses[i].sentence
        own_end = end
        while i + 1 < len(self.clauses):
            nxt = self.clauses[i + 1]
            if nxt.sentence == sentence + 1 and re.match(
                    rf"[\s(\[]*{pronoun}\b(?!\s+(?:{_REPORTS})\b)", self.lower[nxt.start:nxt.end]):
                sentence = nxt.sentence
            elif nxt.sentence != sentence:
                break
            end, i = nxt.end, i + 1
        # (a bare "Mom called: ortho saw her 12/03, consult letter faxed" keeps to its clause:
        # only a next sentence in the relative's pronoun says the note still speaks of her)
        bare = subject["whose"] == ""
        return own_end if bare and (sentence == first or not self._other_sex_said(pronoun)) else end

    def _other_sex_said(self, pronoun: str) -> bool:
        """The message speaks of someone with the other sex's words ("Mr", "him", "his"
        where the pronoun is "she"): a relative's bare word ("Wife visiting") is then who
        the pronoun's sentences are about, not the patient ("brother has COPD. He has never
        been hospitalized" of a man is either)."""
        if pronoun not in self._other_sex_memo:
            words = _OTHER_SEX.get(pronoun)
            self._other_sex_memo[pronoun] = bool(words and re.search(words, self.lower))
        return self._other_sex_memo[pronoun]

    def _backward(self, category: str, index: int, end: int, scope: str,
                  reach: bool = True) -> tuple[int, int]:
        clause = self.clauses[index]
        start = clause.start
        if scope == "sentence":
            start = min(c.start for c in self.clauses if c.sentence == clause.sentence)
        elif reach and _LEAD_IN.fullmatch(self.lower[clause.start:end]) and index > 0 and \
                self.clauses[index - 1].sentence == clause.sentence:
            start = self.clauses[index - 1].start  # "UTI last year, now resolved"
            if category == "historical":
                start = self._treated_before(index - 1)
        opening = self.lower.rfind("(", start, end)
        cut_end = end
        if opening >= 0 and ")" not in self.lower[opening:end]:
            if (_DOUBT_OPENS.match(self.lower, end) or category == "historical") and \
                    _SAID_OF_IT.fullmatch(self.lower, opening + 1, end):
                # "pregnant (?)", "pregnant (pt says maybe)": an aside that only doubts is
                # about what it follows
                cut_end = opening
            elif self._bracket_is_trigger(category, opening):
                # "Pneumonia (ruled out).", "J18.9 pneumonia, unspecified organism (ruled
                # out)": an aside that holds only the trigger is about what it follows
                # (outside tester session 8 F28), with an ICD name's qualifier after its comma
                cut_end, start = opening, min(start, self._qualified_name(index, opening))
            else:
                start = opening + 1  # "no infection (UTI in 2024, resolved)": the aside only
        cut = [y for _x, y in self.occ.hits(rules().terminators_of(category), start, cut_end)]
        return (cut[-1] if cut else start), end

    def _bracket_is_trigger(self, category: str, opening: int) -> bool:
        """The bracket opened at ``opening`` holds a backward trigger of ``category`` and
        nothing else ("(ruled out)"; not "(partial, non-op)", "(ordered after a fall)")."""
        close = self.lower.find(")", opening)
        inside = self.lower[opening + 1:close].strip() if close > 0 else ""
        return inside in rules().categories[category].backward

    def _qualified_name(self, index: int, opening: int) -> int:
        """Where a bracketed trigger's scope starts: its clause, or the clause before it
        where this one is only a short qualifier of a name ("pneumonia, unspecified
        organism (ruled out)")."""
        clause = self.clauses[index]
        if index > 0 and self.clauses[index - 1].sentence == clause.sentence and \
                self.clauses[index - 1].comma_after and \
                _ICD_QUALIFIER.fullmatch(self.lower, clause.start, opening):
            return self.clauses[index - 1].start
        return clause.start

    def _treated_before(self, index: int) -> int:
        """Where a resolution reaches back to over clauses that only say how it was
        treated ("Recent UTI, completed antibiotics, resolved"): the clause before them."""
        clause = self.clauses[index]
        while index > 0 and self.clauses[index - 1].sentence == clause.sentence and \
                _TREATED.match(self.lower, self.clauses[index].start):
            index -= 1
        return self.clauses[index].start

    def _sections(self) -> None:
        """EHR section headers ("FH:", "PMH:", "Plan:") set the context of their lines."""
        names_of = [*rules().sections.values(), rules().plain_sections]
        bare = [m for m in _BARE_HEADER.finditer(self.lower) if any(
            re.fullmatch(names, m["name"].strip()) for names in names_of)]
        # ("Requested, NOT received: treatment logs": a header of two parts, only where its
        # whole name is a section's)
        bare += [m for m in _TWO_PART_HEADER.finditer(self.lower) if any(
            re.fullmatch(names, m["name"].strip()) for names in rules().sections.values())]
        headers = sorted([*_HEADER.finditer(self.lower), *bare], key=lambda m: m.start())
        for i, match in enumerate(headers):
            name = match["name"].strip()
            category = next((c for c, names in rules().sections.items()
                             if re.fullmatch(names, name)), None)
            if category is None:
                continue
            end = headers[i + 1].start() if i + 1 < len(headers) else len(self.lower)
            line_end = self.lower.find("\n", match.end())
            line_end = len(self.lower) if line_end < 0 else line_end
            if self.lower[match.end():line_end].strip():
                end = min(end, line_end)  # "Plan: MRI." governs its own line
                # "FHx: mother with COPD. Member: no comorbidities.": a new label ends it.
                label = _NEXT_LABEL.search(self.lower, match.end(), end)
                end = self._until_terminator(category, match.end(),
                                             label.start() + 1 if label else end)
            blank_line = re.search(r"\n[ \t]*\n", self.lower[match.end():end])
            if blank_line:
                end = match.end() + blank_line.start()
            # The header's own words are in it ("Conservative treatment plan: 12 weeks of
            # PT"): the trigger is the header's last word, the scope starts at its first.
            last = match.start() + len(match.group(0).rstrip(" \t:"))
            trigger = (self.lower.rfind(" ", match.start(), last) + 1 or match.start(), last)
            self.modifiers.append(Modifier(category, trigger, (match.start(), end)))

    def _history_labels(self) -> None:
        """A label naming what came before, closed by its colon ("prior chest complaints:
        only the pneumonia below"): its answer is history, to its sentence's end or a word
        that ends the past ("now", "but")."""
        for match in _history_label().finditer(self.lower):
            index = self._clause_at(match.start())
            if index is None:
                continue
            end = self._spans[self.clauses[index].sentence][1]
            end = self._cut_forward("historical", match.end(), end)
            self.modifiers.append(Modifier("historical", match.span("label"),
                                           (match.end(), end)))

    def _until_terminator(self, category: str, start: int, end: int) -> int:
        """"PMH: none significant. No active infection.": a header's line ends its scope
        at the sentence holding a word that ends the category ("active", "now")."""
        opener = _sentence_opener(category)
        opened = opener.search(self.lower, start, end) if opener else None
        if opened:
            end = opened.start() + 1
        stop = self.occ.hits(rules().terminators_of(category), start, end)
        if not stop:
            return end
        dot = self.lower.rfind(". ", start, stop[0][0])
        return dot + 1 if dot >= 0 else stop[0][0]

    def _quoted(self) -> None:
        """Quoted e-mail lines ("> ...") are read as still true, unless the new message
        says they are old ("the WBC in Kim's note is from admission"): then they are
        history, and nothing that must be current is read from them."""
        quoted = [m.span() for m in _QUOTED_LINE.finditer(self.lower)]
        if not quoted:
            return
        new = _QUOTED_LINE.sub(lambda m: " " * len(m.group(0)), self.lower)
        occ = Occurrences(new)
        said = occ.hits(tuple(rules().quoted_outdated))
        if said and not occ.hits(tuple(rules().quoted_current)):
            self.modifiers += [Modifier("historical", said[0], span) for span in quoted]

    def _copied(self) -> list[tuple[int, int]]:
        """Text an older note's copy-forward marker covers is history: what it says was so
        when it was first written ("***COPIED FROM 08/27/26*** LBP x 4 mo, 5/10" beside
        today's values). The spans, also made ``historical`` modifiers."""
        spans = []
        self.copied_older: list[tuple[int, int]] = []
        for trigger in self.occ.hits(tuple(rules().copied_forward)):
            if _COPIED_NOT.match(self.lower, trigger[1]) or \
                    _DENIED_BEFORE.search(self.lower, max(0, trigger[0] - 12), trigger[0]):
                continue  # "copied to Dr. Lund", "not copied forward"
            scope = _copied_scope(self.lower, trigger)
            if scope[1] > scope[0]:
                spans.append(scope)
                self.modifiers.append(Modifier("historical", trigger, scope))
                line_end = self.lower.find("\n", trigger[1])
                if _OLDER_NOTE.search(self.lower, trigger[0], trigger[1] + 40 if line_end < 0
                                      else min(line_end, trigger[1] + 40)):
                    self.copied_older.append(scope)
        return spans

    def copied_at(self, a: int) -> bool:
        """Whether position ``a`` is in text copied forward from an older note."""
        return any(x <= a < y for x, y in self.copied)

    def copied_from_older_at(self, a: int) -> bool:
        """Whether position ``a`` is in text whose marker names the older note or visit it
        came from ("** copied from 08/12/2026 visit **", "(copied forward ...)"), not a copy
        of a source document ("PT LOG (copied from spreadsheet)", "per ortho record
        (copied)"), whose records are as much on file."""
        return any(x <= a < y for x, y in self.copied_older)

    # ------------------------------------------------------------ answers

    def sentence_span(self, clause: Clause) -> tuple[int, int]:
        return self._spans[clause.sentence]

    @property
    def sentences(self) -> dict[int, tuple[int, int]]:
        """Each sentence's span, by sentence number."""
        return self._spans

    def _near(self, a: int) -> list[Modifier]:
        """Modifiers whose scope may cover ``a`` (scopes never leave their sentence, but
        sections span lines), found through a per-sentence index."""
        if not hasattr(self, "_index"):
            self._index: dict[int, list[Modifier]] = {}
            self._wide: list[Modifier] = []
            for m in self.modifiers:
                first, last = self._clause_at(m.scope[0]), self._clause_at(m.scope[1] - 1)
                if first is None or last is None or \
                        self.clauses[first].sentence != self.clauses[last].sentence:
                    self._wide.append(m)
                else:
                    self._index.setdefault(self.clauses[first].sentence, []).append(m)
        i = self._clause_at(a)
        here = self._index.get(self.clauses[i].sentence, []) if i is not None else []
        return here + self._wide

    def at(self, a: int, b: int) -> frozenset[str]:
        """The categories whose scope covers the mention at [a, b)."""
        return frozenset(m.category for m in self._near(a)
                         if m.scope[0] <= a < m.scope[1] and not
                         (m.trigger[0] <= a and b <= m.trigger[1]))

    def topic_item(self, a: int, b: int) -> bool:
        """The mention at [a, b) is an unanswered item of a list of things to check
        ("Reviewed contraindications (pregnancy, active infection)"): no yes of its own."""
        return topic_item(self.lower, self.topics, a, b)

    def triggers_before(self, category: str, a: int) -> list[tuple[int, int]]:
        """The triggers of ``category`` in the sentence of position ``a`` that end before
        it, whether or not their scope reaches it, first first."""
        i = self._clause_at(a)
        if i is None:
            return []
        lo = self._spans[self.clauses[i].sentence][0]
        return sorted(m.trigger for m in self._near(a)
                      if m.category == category and lo <= m.trigger[0] and m.trigger[1] <= a)

    def cue(self, category: str, a: int) -> tuple[int, int] | None:
        """The trigger of ``category`` whose scope covers position ``a`` (the nearest)."""
        found = [m.trigger for m in self._near(a)
                 if m.category == category and m.scope[0] <= a < m.scope[1]]
        return min(found, key=lambda t: abs(a - t[0])) if found else None


def alternation(words: Iterable[str]) -> str:
    """Words as one regular-expression alternation, longest first (so "not on file" wins
    over "not"), each escaped: how every word list of the reading data is matched. Words
    of one length are in alphabetical order (which of them matches cannot depend on it):
    a set's order changes from one run to the next, and so would the pattern, which the
    command line's pattern cache then kept anew on every start."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
@fixed_patterns
def _resumed_pronoun() -> re.Pattern[str]:
    relatives = [w for ws in rules().pronouns.values() for w in ws]
    return re.compile(rf"\b(?P<rel>{alternation(relatives)})\s*,\s*(?P<p>she|he)\b"
                      rf"(?!'s\s+(?:{_REPORTS})\b)(?!\s+(?:{_REPORTS})\b)")


_FORMS = {"he": "his|him|himself|he", "she": "her|hers|herself|she"}
"""A pronoun's forms: one between a relative and the pronoun speaks of someone else."""


@cache
@fixed_patterns
def _my_relative() -> re.Pattern[str]:
    people = [w for ws in rules().pronouns.values() for w in ws]
    return re.compile(rf"\bmy\s+(?:{alternation(people)})\b")


@cache
@fixed_patterns
def _named_between() -> re.Pattern[str]:
    people = [*(w for ws in rules().pronouns.values() for w in ws), *rules().people_of_either_sex]
    return re.compile(rf"\b(?:{alternation(people)})\b")


@cache
@fixed_patterns
def _taken_up_pronoun() -> re.Pattern[str]:
    people = [*(w for ws in rules().pronouns.values() for w in ws), *rules().people_of_either_sex]
    whose = r"(?:(?:the|her|his|their|my|pt'?s|patient'?s|§+'?s)\s+)?"
    # (a comma, a semicolon or a spaced dash, then the pronoun as the clause's subject)
    return re.compile(
        rf"(?P<opens>(?:^|(?<=[.;!?\n]))[ \t\-*•]*{whose})?\b(?P<rel>{alternation(people)})\b"
        rf"(?P<mid>[^.;!?\n]{{0,80}}?)(?:[,;]|\s[-–—]+)\s*(?:and\s+|but\s+)?"
        rf"(?P<p>she|he)\b(?!'s\s+(?:{_REPORTS})\b)(?!\s*,?\s*(?:{_REPORTS})\b)", re.M)


_PATIENTS_TURN = re.compile(r"\s*(?:[,;:]|\s[-–—]+|[-–—]{2,})\s*(?:(?:and|but|while|whereas)\s+)?"
                            r"(?P<p>he|she|his|her|hers|him|himself|herself)\b")
"""A clause opening with a pronoun, after a comma, semicolon or dash: "..., he is 4/10"."""

_PRONOUN_FORMS = {"he": ("he", "his", "him", "himself"), "she": ("she", "her", "hers", "herself")}


def _patients_turn(lower: str, match: re.Match[str], end: int) -> int:
    """"the 7/10 chest pain was his wife's, he is 4/10", "the FEV1 of 64% was his brother's
    PFT - his own FEV1 is 85%": after a thing said to be a relative's, a clause that opens
    with the patient's own pronoun (the one before the relative: "his" brother; or the
    other sex than the relative's: a wife's, then "he") is the patient's again (outside
    tester 27 F8 set the patient's 4/10 and 85% aside with the relative's)."""
    rel = match["rel"] or ""
    whose = {"his": "he", "her": "she"}.get(match["whose"] or "")
    sexes = [p for p, words in rules().pronouns.items() if rel in words]
    patient = whose or (next(iter({"he", "she"} - set(sexes))) if len(sexes) == 1 else None)
    if patient is None:
        return end
    for turn in _PATIENTS_TURN.finditer(lower, match.end(), end):
        # (a pronoun of the relative's own sex may stand for the relative: "the UTI was
        # her daughter's - she is on Macrobid"; it is the patient's where it says the
        # opposite of the relative's thing or "own": "- she has no infection")
        if turn["p"] in _PRONOUN_FORMS[patient] and (
                patient not in sexes or _CONTRASTS.match(lower, turn.end("p"), end)):
            return turn.start("p")
    # ("... are her daughter's - Peggy has no infection": a name, then a denial; past the
    # clause that says whose it is not, "her daughter's, not Lorraine's - Lorraine has no
    # infection": outside tester 30 C1 set the patient's denial aside as the daughter's)
    relatives = {w for ws in rules().pronouns.values() for w in ws}
    for pattern in (_NAMED_TURN, _NAMED_OWN):
        for named in pattern.finditer(lower, match.end(), end):
            if named["name"] not in relatives and named["name"] not in _NOT_NAMES:
                return named.start("name")
    return end


_FULL_STOP = re.compile(r"[.!?\n]")

_CONTRASTS = re.compile(r"[^.;!?\n]{0,40}?\b(?:no|not|none|never|denies|n't|own|herself|"
                        r"himself)\b")
"""Words in a clause that set it against the relative's thing before it."""

_NAMED_TURN = re.compile(r"\s*(?:[,;:]|\s[-–—]+|[-–—]{2,})\s*(?:(?:and|but|while|whereas)\s+)?"
                         r"(?P<name>[a-z]{3,})\s+(?:has|is|was|does|did|had)\s*(?:no|not|"
                         r"never|n't)\b")
"""A clause naming someone by a name and denying ("- peggy has no infection")."""

_NAMED_OWN = re.compile(r"\s*(?:[,;:]|\s[-–—]+|[-–—]{2,})\s*(?:(?:and|but|while|whereas)\s+)?"
                        r"(?P<name>[a-z]{3,})['’]s\s+own\b")
"""A clause naming someone's "own" thing by a name, against the relative's thing before
it ("that MRI was his brother's - walter's own lumbar MRI was 03/02/2026": outside tester
31 C6 set the patient's own MRI aside as the brother's and kept the brother's)."""

_NOT_NAMES = frozenset({"she", "he", "they", "who", "which", "that", "this", "there", "it",
                        "one", "neither", "nobody", "none", "mom", "dad", "son", "wife",
                        "husband", "child", "kid", "baby", "friend", "roommate", "spouse",
                        "partner", "cousin"})
"""Words in a name's place that name no one, or someone other than the patient."""


@cache
@fixed_patterns
def _possessed() -> re.Pattern[str]:
    relatives = [*(w for ws in rules().pronouns.values() for w in ws), "spouse", "partner",
                 "cousin", "child", "kid", "friend", "roommate", "grandson", "granddaughter"]
    # (the patient named with an article too: "ESRD is the patient's brother's", phrase29b)
    # (and one word that says which: "is his sparring partner's ankle", "was her older
    # sister's", f35)
    whose = r"(?:(?P<whose>(?:the\s+)?(?:pt|patient|member|client|resident)['’]?s|the|her|his|" \
        r"their|my|§+'?s)\s+(?:[^\W\d_]{3,}[ \t]+(?=[^\W\d_]+['’]s\b))?)?"
    # (the relative's, opening its sentence or after "is/was the"; or anywhere with "own")
    return re.compile(
        rf"(?:(?:^|(?<=[.;!?\n]))[ \t\-*•]*|\b(?P<said>is|are|was|were)\s+"
        # (where it came from said too: "the WBC 16.4 was from his wife's chart", outside
        # tester 33 C1 kept the wife's WBC as the patient's)
        rf"(?:(?:from|off|out of)\s+)?){whose}"
        rf"(?P<rel>{alternation(relatives)})['’]s\b|"
        rf"\b(?P<rel2>{alternation(relatives)})['’]s\s+own\b", re.M)


@cache
def _patients_relative() -> re.Pattern[str]:
    relatives = [w for w in rules().categories["other"].forward if re.fullmatch(r"[^\W\d_]+", w)]
    genitives = alternation(rules().patient_genitives)
    return re.compile(rf"\b(?:{alternation(relatives)})\s+(?:{genitives})(?![^\W\d_])")


@cache
@fixed_patterns
def _relatives_pronoun() -> re.Pattern[str]:
    pronouns = rules().pronouns
    parts = []
    for own, other in (("she", r"he|he's|his|him"), ("he", r"she|she's|her|hers")):
        rel = alternation(pronouns.get(own, ["-"]))
        parts.append(rf"\b(?P<rel_{own}>{rel})\b[^.;!?\n]{{0,80}}?\b(?:{other})\b"
                     rf"[^.;!?\n]{{0,80}}?[,;–—-][ \t]*(?:and[ \t]+|but[ \t]+)?"
                     rf"(?P<p_{own}>{own})\b(?!'s\s+(?:{_REPORTS})\b)")
    return re.compile("|".join(parts))


@cache
@fixed_patterns
def _relative_says_she() -> re.Pattern[str]:
    words = rules().said_by_relative
    # (a few words between, never the patient's: "wife on the phone, says she is coming
    # down with pneumonia herself", fresh16)
    return re.compile(rf"\b(?:{alternation(words.get('relatives', []))})\b"
                      r"(?:(?![^.;\n]*?(?:\b(?:pt|patient|member)\b|§§))[^.;\n]{0,30}?)?\s"
                      rf"(?:{alternation(words.get('verbs', []))})\s+(?:that\s+)?(?P<she>she)\b")


@cache
@fixed_patterns
def _adjacent_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    adj = rules().adjacent
    before = re.compile(rf"(?<![\w'])(?:{alternation(adj.before)})[ \t]+(?P<gap>[^.;:,\n]*)\Z")
    # A record still to come ("progress notes will be sent after billing closes") is
    # not on file, whatever follows the promise.
    coming = [p for p in adj.after if re.match(r"(?:will|to be|are being|is being)\b", p)]
    # (a verb for "is missing" denies whatever follows it: "hiányzik a dokumentációból")
    coming += adj.missing
    # (a record named in brackets: "pages 4-5 (PT progress notes) did not go through")
    # (the study's body area may come between it and its answer: "MRI R shoulder: none to
    # date", fresh22)
    areas = alternation(w for ws in rules().body_areas.values() for w in ws)
    site = rf"(?:[ \t]+(?:(?:r|l|rt|lt|right|left|bilat|bilateral)\.?[ \t]+)?(?:{areas}))?"
    after = re.compile(r"\)?" + site + r"\s*(?::|-|=|is|was|were|are|has been|have been)?\s*"
                       rf"(?:(?:{alternation(adj.after)})\s*(?:[.,;:()\n|]|[-–—]\s|$)"
                       rf"|(?:{alternation(coming)})\b)")
    return before, after


@cache
@fixed_patterns
def _outcome_after(verbs_only: bool = False) -> re.Pattern[str]:
    words = rules().adjacent.outcome
    # (past the rest of a list the denial runs over: "Neither PT nor medications helped",
    # "no PT, chiro or meds helped" deny what each did, not that it was done; outside
    # tester 20 F11 read no conservative treatment at all)
    # (there only a verb's past: "no cough or SOB at work" is no outcome)
    # (each word whole, "(?![...])": a word that could end anywhere let the run split one
    # word many ways, and a 10 KB note read 40 % slower)
    listed = r"(?:\s*(?:,|\b(?:or|nor|and)\b)\s*(?:[a-z][\w/&'-]*(?![\w/&'-])\s*){1,3}?){1,8}?"
    verbs = [w for w in words if w not in ("help", "helps", "work", "works")]
    adverbs = r"\s*(?:(?:has|have|had|ever|really|much|at all|so far|yet)\s+)*"
    return re.compile(rf"{adverbs}(?:{alternation(verbs if verbs_only else words)})\b|"
                      rf"{listed}{adverbs}(?:{alternation(verbs)})\b" if words else r"(?!)")


def outcome_denied(lower: str, b: int, end: int) -> bool:
    """What comes right after the thing ending at ``b`` (past the rest of a list) is its
    outcome ("Neither PT nor medications helped"): a denial before it denies the outcome."""
    # (a verb's past only: "no chest mobility or strength work" denies the work)
    return _outcome_after(verbs_only=True).match(lower, b, end) is not None


_NOT_LATELY = re.compile(
    r"\s*(?:in|for|within|during)\s+(?:the\s+)?(?:last|past|previous|over\s+)?\s*"
    r"(?:(?:\d+|a|an|one|two|three|four|five|six|several|many|few|a\s+few|the)\s*)?"
    r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|decades?)\b")
"""A denial over a span of time ("Has not had an MRI in 2 years", "no PT for the last 5
years") says the last one is older, not that there never was one (outside tester 18 F14:
read "never done")."""

_CATCH_ALL = re.compile(r"\b(?:or|nor)\s+(?:any\s+)?other\b")
_OWN_DENIAL_AFTER = re.compile(r"\s+(?:and|&|\+|plus|or)\s+(?:no|not|nor|never|denies|without)\b")
"""A list's last item joined to a denial of its own ("... or bleeding disorder and no other
illness"): the item is the words before it."""
_MORE_OF_IT = re.compile(r"\s*(?:other|newer|more recent|later|subsequent)\b|" + _LATER_WORDS)
"""'PT 8 wks. No other PT', 'There has been no newer H&P': a denial of more of it, not
of what was said ('any other specialist' after a denial still denies: the gap starts
with 'any')."""
# "no infections other than a UTI": the exception is not denied.
# (a word inside a hyphenated one is none: "never sent its day-to-day progress notes")
_GAP_STOP = re.compile(r"(?<![\w-])(on|in|at|than|except|besides|apart|aside|from|per|by|"
                       r"with|after|for|to|since|during|over|under|"
                       r"shows?|showed|revealed|but|and has|is|was|are|were|sure|about|"
                       r"documents?|documented|mentions?|lists?|includes?|records?|notes?|"
                       r"reports?|describes?|say|says|state|states|started|begun|recent|new|current|further|"
                       r"additional|repeat|more|better|worse|failed|tried|completed|finished|"
                       r"so|therefore|thus|hence|help|helped)(?![\w-])"
                       r"|\bw/|(?:^|\s)[-–—]+(?=\s|$)|->|→")
_CLOSES_BEFORE = re.compile(r"[^(\[]*[)\]]")
"""A bracket the denial stands in, closed before the mention: "(hysterectomy - so no
pregnancy possible) and a full neuro exam" denies no exam."""
# A dash between words ends the denial: "no -- stable outpatient" answers, then states.
_ASIDE = re.compile(r"[(\[][^)\]]*\Z")
"""A bracket opened after the denied words is an aside about them: "no severe
comorbidities (PMH: GERD only)" denies the comorbidities, not the history on file; so is
one opened right after a field's "No": "Active infection: No (PCP)" names the answer's
source, no missing PCP consultation (outside tester session 10 F14)."""


def adjacent_negation(lower: str, a: int, b: int, clause_end: int,
                      raw: str | None = None) -> tuple[int, int] | None:
    """A denial of the mention itself: "no PT", "never had an MRI", "no pain management or
    PCP consult note", "X-rays: none", "CXR not on file". Words between the denial and the
    mention must belong to the same noun phrase: "no mass on CXR" denies the mass, not
    the chest X-ray. Returns the denial's span, or None. ``raw``, the message as written
    (same offsets), tells a table's column gap from a line wrapped with an indent ("has
    not\n  responded to conservative treatment", unwrapped to three spaces in ``lower``)."""
    gaps = lower if raw is None or len(raw) != len(lower) else raw
    before_re, after_re = _adjacent_res()
    start = max(0, a - 60)
    match = before_re.search(lower, start, a)
    if match and (_outcome_after().match(lower, b, clause_end) or
                  _NOT_LATELY.match(lower, b, clause_end)):
        match = None  # "No PT helped; he did 14 weeks": the outcome is denied, not the PT
    if match and _ITS_PART.match(lower, b, clause_end):
        match = None  # "everything except the H&P date": the day denied, not the record
    while match:  # the nearest denial that touches it: "not yet done -- no specialist note"
        if len(match["gap"].split()) <= 5 and not _GAP_STOP.search(match["gap"]) and \
                not _MORE_OF_IT.match(match["gap"]) and not _ASIDE.search(match["gap"]) and \
                not _CLOSES_BEFORE.match(match["gap"]) and \
                not _COLUMN_GAP.search(gaps, match.start(), a) and \
                not _pseudo_denial(lower, match.start(), a):
            return match.start(), a
        match = before_re.search(lower, match.start() + 1, a)
    if _OUTCOME_OF.search(lower, max(0, a - 30), a):
        return None  # "Response to conservative tx: none": the response is what is denied
    match = after_re.match(lower[b:clause_end]) or NOT_HERE_YET.match(lower[b:clause_end])
    if match and _LATER_BEFORE.search(lower, max(0, a - 40), a):
        return None  # "a second set of X-rays was never done": one set was
    if match:
        return b, b + match.end()
    return _answered_no(lower, a, b)


_ITS_PART = re.compile(r"(?:'s)?[ \t]+(?:date|day|age|timing|time frame|timeframe|recency)\b"
                       r"(?![ \t]*[:=])")
"""A record's own day named right after it, which a denial before them both is about
("everything except the H&P date", "no MRI date given"): the record itself is not denied
(f38 remittance read the H&P missing, and never done, from a stale date). Not the dates a
record must hold ("everything attached except the treatment log dates": the logs lack
what they must show, still denied)."""


_COLUMN_GAP = re.compile(r"(?<![\n ]) {3}|(?<![\n\t])\t")
"""A table's gap between a denial and the words after it ("No   PT notes" in columns), not
the indent that opens a wrapped line."""


NOT_HERE_YET = re.compile(r"\s*[,:(–—-]?\s*(?:(?:is|are|was|were|has|have)\s+)?(?:been\s+)?"
                          r"(?:still\s+)?not\s+(?:yet\s+)?(?:been\s+)?(?:received|on file|"
                          r"in (?:the )?chart|available|attached|sent|faxed|uploaded|obtained|"
                          r"submitted|included|enclosed|provided|in)\b")
"""A record said not to be here yet, whatever follows ("Treatment logs not yet received
from outside PT", "PCP consult note, not received yet", "PT notes have not been sent"):
(only right after the record's own words: "PT notes not sent" says nothing of the PT).
not on file. It says nothing of whether the test or care it records was done."""


@cache
def _pseudo_denials() -> tuple[str, ...]:
    return tuple(p for p in rules().pseudo if " " in p.strip())


def _pseudo_denial(lower: str, x: int, a: int) -> bool:
    """The denial opens a pseudo-trigger ("without response (bronchodilator failure per
    pulm)", "no relief (PT 12 wks)"): it says how the care went, and denies nothing after it."""
    return any(lower.startswith(p, x) and x + len(p) <= a for p in _pseudo_denials())


_OUTCOME_OF = re.compile(r"(?<![\w-])(?:response|responded|relief|improvement|benefit|change|"
                         r"results?|outcome|effect|difference|gain|progress|reduction|δ|delta)"
                         r"(?:\s+(?:in|of)\s+(?:the\s+|his\s+|her\s+)?[a-z/]+|\s+[a-z/]+)?"
                         r"\s+(?:to|from|with|w/|after|of|on|since|following|post)\s+(?:the\s+)?$"
                         r"|(?<![\w-])(?:δ|delta)[ \t]*$")
"""The thing denied is the care's outcome, not the care ("Response to conservative tx:
none"), with what changed named between ("Δ pain after PT: none", "change in pain since
physio: nil": outside tester 21 F4 read no PT at all, five criteria failed)."""


_LINE_STATUS = re.compile(r":[^:\n]*(?:,|\()\s*(?:not received|not yet received|not on file|"
                          r"not in chart|not in the chart|not attached|not sent|still missing|"
                          r"missing|outstanding)\s*[.)]{0,2}\s*$")
"""A form line whose answer ends in a status: "PCP letter: requested 11/2, not received",
"PT notes: see outside records (not attached)"."""
_LATER = (r"(?:will fax|will be faxed|to be faxed|will send|will be sent|to be sent|to follow|"
          r"not yet|will obtain|to obtain|to be obtained|will request|to request|will get)")
COMES_LATER = re.compile(rf"\b{_LATER}\b")
"""Words that say a record comes later ("will fax Monday"): it is not on file now, and it
says nothing of the treatment it records."""
_LINE_LATER = re.compile(r"[^:\n|;✔✓]{0,40}?(?::|\s[-–—]+)\s*" + _LATER + r"\b")
"""A form line whose answer says the record comes later: "Treatment logs from prior PT:
will fax Monday", "Pain mgmt consult - not yet"."""
_LINE_NO = re.compile(r"^[^:\n]{0,80}:\s*(?:no|n|none|n/a|na|negative|neg|absent|denied|not done|"
                      r"not on file|not applicable)\s*[.)]?\s*(?:\s[-–—]+\s[^\n]*)?$")
"""A form line answered "no" ("Medication list w/ doses attached (Y/N): N - see free
text": a remark after a dash is no part of the answer)."""


_ASKS_OF_IT = re.compile(r"[ \t*•-]*(?:is|are|was|were)[ \t]+(?:(?:the|this|it|they)[ \t]+)?"
                         r"(?:(?:procedure|request|service|treatment|injection|therapy|study|"
                         r"scan|imaging|referral)[ \t]+)?(?:(?:being[ \t]+)?(?:done|requested|"
                         r"ordered|performed)[ \t]+)?(?:for|of)?[ \t]*")
"""A form's question opening on the mention itself ("Is the procedure for cosmetic reasons
only or mostly? No"): its answer is the mention's, however many words open it (unlike
"Has the condition responded to conservative treatment?: No", about the response)."""


_ROW_CODE = re.compile(r"[ \t*•-]*(?:[a-z]{1,5}\.?[ ]?\d{1,3}[a-z]?|\d{1,3}[a-z]?)[.):]?"
                       r"(?:[ \t]+[-–—])?[ \t]+(?=[a-z])")
"""A row's code opening a form's line ("E3 ", "I4 ", "Q12. ", "3. ", "Excl 2: "): no word of
its label."""


def _label_words(before: str) -> list[str]:
    """The words of a form line's label before a mention: without the row's code, and,
    where the mention is one of the examples a bracket after the label lists ("Severe
    comorbidity (DM, CVD, bleeding disorder): NO"), without the bracket: the answer after
    the list's label governs every example in it, none of them (outside tester 21 F3:
    the row code made the label long and "DM" and "CVD" were read present)."""
    code = _ROW_CODE.match(before)
    before = before[code.end():] if code else before
    if before.count("(") > before.count(")"):
        before = before[:before.rfind("(")]
    return before.split()


_HEADING = re.compile(r"[ \t>*•-]*[a-z][a-z/&() -]{0,30}:[ \t]*")
"""A line's heading before its first field ("Screening: ", "Pre-op check: ")."""


@cache
def _history_label() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?P<label>{rules().history_labels})[ \t]*"
                      r"(?:\([^()\n:]{1,40}\)[ \t]*)?:")


_SENTENCE_BREAK = re.compile(r"(?<=[a-z)\]])[.;!?][ \t]+(?=[a-z(\[])")
"""A sentence's end inside a line, a letter or a bracket before it, a word after it (not
a decimal point, "T 37.5")."""


def _answered_no(lower: str, a: int, b: int) -> tuple[int, int] | None:
    """A form line answered "no": "Prior pneumonia requiring hospitalization: no"."""
    start = max(lower.rfind("\n", 0, a), lower.rfind("   ", 0, a), lower.rfind("\t", 0, a)) + 1
    # "DR. NATARAJAN: Any fevers, infections, diabetes, heart problems: no, none of that"
    # (a transcript's question joined to its answer): the speaker's label is the line's
    # heading, the field opens after it (outside tester 37 F1 read an infection)
    start = max([start, *(h for h in speaker_heads(lower) if start <= h <= a)])
    # "Implants: none. Open wounds, skin infection: none.": a field in a later sentence of
    # the line opens there, not at the line's first label (f21 read a skin infection)
    stops = list(_SENTENCE_BREAK.finditer(lower, start, a + 1))
    start = stops[-1].end() if stops else start
    gap = lower.find("   ", b)
    if gap >= 0 and lower[b:gap].rstrip().endswith(":"):
        # "Cosmetic indication:          no": a padded table's gap after the label
        gap = lower.find("   ", _SPACES.match(lower, gap).end())  # type: ignore[union-attr]
    # "Pain mgmt consult done. Past medical history: none.": a field in a later sentence
    # of the line is another label's, and its answer is not the mention's.
    ends = [i for i in (lower.find("\n", b), gap, lower.find("\t", b)) if i >= 0]
    end = min(ends) if ends else len(lower)
    end = sentence_stop(lower, b, end) or end
    line = lower[start:end]
    colon = line.find(":")
    field = line
    if 0 <= colon < b - start and _HEADING.fullmatch(line, 0, a - start):
        # ("Screening: infection in the last 2 weeks: no": the line's heading, then the
        # field; outside tester 24 read an infection)
        colon = line.find(":", b - start)
        if re.search(r"[.;!?](?:\s|$)", line[b - start:max(colon, b - start)]):
            colon = -1  # ("CV: HR 104, BP 132/80. Cardiac hx: none": another field's answer)
        field = line[a - start:]
    between = line[b - start:colon] if 0 <= colon else ""
    # "Has the condition responded to conservative treatment?: No" answers the question,
    # which is about the response: a label of many words before the mention is not it.
    if 0 <= colon and b - start <= colon and _LINE_NO.match(field.strip(" -*•\t")) and \
            not _OTHER_THING.search(between) and (len(_label_words(lower[start:a])) <= 3 or
                                                  _ASKS_OF_IT.fullmatch(lower, start, a)):
        return start + colon, end
    later = _LINE_LATER.match(line, b - start)
    if later:  # the mention labels a line that says the record comes later
        return b, start + later.end()
    status = _LINE_STATUS.search(line, b - start)
    if status and 0 <= colon and b - start <= colon:  # the mention labels the line
        return start + status.start(), end
    return None


_ICD_QUALIFIER = re.compile(r"\s*(?:unspecified|nos|nec|not otherwise specified|not elsewhere "
                            r"classified)(?:\s+(?:organism|site|type|laterality|side))?\s*")
"""The qualifier an ICD-10 name carries after its comma ("Pneumonia, unspecified
organism"): a bracket after it is about the whole name ("meds, allergies (none)" is not)."""
_SPACES = re.compile(r" +")
_OTHER_THING = re.compile(r"\b(log|logs|note|notes|report|reports|list|consult|flowsheet|"
                          r"results?|documentation|form|letter|referral|plan)\b")
"""Words between a mention and a form line's "no" that make the line about another
thing ("Modalities log: no" does not deny the modalities themselves)."""


@cache
@fixed_patterns
def _form_parts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = rules().form_parts
    after = re.compile(r"[ \t]+(?:" + alternation(words.get("after", [])) + r")(?![\w-])")
    before = re.compile(r"(?<![\w-])(?:" + alternation(words.get("before", [])) + r")[ \t]+\Z")
    return after, before


def form_part(lower: str, a: int, b: int) -> bool:
    """The phrase at ``a``-``b`` names a form's part ("Pregnancy question skipped per
    protocol", "question re pregnancy not asked"): it says nothing of the fact."""
    after, before = _form_parts()
    return after.match(lower, b) is not None or \
        before.search(lower, max(0, a - 30), a) is not None


_ROW_CELL = re.compile(r"[^|\n]+")
_ENDED_COLUMN = re.compile(r"(?:date )?(?:resolved|ended|end|stopped|resolution)(?: date)?")
_ENDED_STATUS = re.compile(r"resolved|inactive|historical|healed|ruled out|remote|past|"
                           r"completed|delivered")


def resolved_rows(lower: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """A table's rows that say their problem has ended: a status cell "Resolved" /
    "Inactive", or a date under a column headed "Resolved" ("Pregnancy, IUP | 02/2026 |
    10/30/2026 (SVD) | Resolved" on a problem list is no pregnancy now: fresh25 read it
    pregnant). Each row's ending cell and the row, to be made ``historical``."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    resolved_column: int | None = None
    start = 0
    for line in lower.split("\n"):
        end = start + len(line)
        if line.count("|") >= 2:
            cells = [(start + m.start(), start + m.end()) for m in _ROW_CELL.finditer(line)]
            words = [lower[a:b].strip() for a, b in cells]
            if any(_ENDED_COLUMN.fullmatch(w) for w in words) and \
                    not any(re.search(r"\d", w) for w in words):
                resolved_column = next(i for i, w in enumerate(words)
                                       if _ENDED_COLUMN.fullmatch(w))
            else:
                ended = [c for c, w in zip(cells, words, strict=True)
                         if _ENDED_STATUS.fullmatch(w)]
                if not ended and resolved_column is not None and \
                        resolved_column < len(cells) and \
                        re.search(r"\d", words[resolved_column]):
                    ended = [cells[resolved_column]]
                out += [(ended[0], (start, end))] if ended else []
        else:
            resolved_column = None
        start = end + 1
    return out



@cache
@fixed_patterns
def _indication_label() -> re.Pattern[str]:
    labels = alternation(rules().study_indications.get("labels", []))
    return re.compile(rf"(?<![\w-])(?:{labels})[ \t]*:")


_FIELD_END = re.compile(r"[ \t]+[|—–][ \t]|[ \t]{3,}|\n")
"""Where a field of a one-line report header ends: a bar or a dash between fields, or a
wide gap, or the line's end."""


@lru_cache(maxsize=8)
def study_indications(lower: str) -> list[tuple[int, int]]:
    """The spans of an imaging report header's indication fields (``study_indications``
    in ``context.yaml``): a label after the study's name and one of its header's fields on
    its line ("MRI L-SPINE | Exam date: 2027/08/29 | Indication: LBP, NRS 7")."""
    data = rules().study_indications
    out = []
    for m in _indication_label().finditer(lower):
        head = lower[lower.rfind("\n", 0, m.start()) + 1:m.start()]
        if not (hits(head, tuple(data.get("studies", []))) and
                hits(head, tuple(data.get("headers", [])))):
            continue
        end = _FIELD_END.search(lower, m.end())
        out.append((m.end(), end.start() if end else len(lower)))
    return out

"""Reading rules: the words staff use for each fact, as data beside the fact.

``policies/library/reading.yaml`` holds the rules of the shared facts (``facts.yaml``);
``policies/library/<cpt>/reading.yaml`` those of the facts a policy declares. The
format is documented in ``docs/reader.md``; each file's ``examples:`` are run by
``tests/test_reading_rules.py``. Adding a policy adds a reading file, no Python.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from policies.cachedir import fixed_patterns
from policies.datacache import load_yaml
from policies.library import LIBRARY_DIR, load_policy, supported_cpts
from policies.model import FactSpec


def _lower(words: list[str]) -> tuple[str, ...]:
    return tuple(str(w).strip().lower() for w in words if str(w).strip())


_ANY = "any"


class Implication(BaseModel):
    """When the fact is read with ``if`` (any value if absent), the ``then`` facts hold."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    when: Any = Field(default=_ANY, alias="if")
    below: float | None = None
    """Number facts: the implication holds only for a value below this ("FEV1 70 %
    predicted" is a sign of lung disease; 88 % is not)."""
    recent: str | None = None
    """A date fact that, when read, must be within ``recent_days`` of today for the
    implication to hold (an FEV1 from PFTs two years old says nothing about now)."""
    recent_days: int = 365
    at_least: float | None = None
    """Number facts: the implication holds only for a value this high or higher (a
    room-air saturation of 95 % says the patient needs no oxygen; 88 % leaves it open)."""
    unless: tuple[str, ...] = ()
    """Words anywhere in the message that keep the implication from holding (a room-air
    saturation in a message that names a cannula or a mask: the oxygen now is another's)."""
    then: dict[str, Any]
    with_: dict[str, Any] = Field(default_factory=dict, alias="with")
    """Other facts the message must read with these values too (a cosmetic purpose with a
    musculoskeletal condition to treat is no cosmetic purpose only); a reading of a
    ``then`` fact that disagrees is asked, not kept beside its contrary."""

    @field_validator("unless", mode="before")
    @classmethod
    def _lower_unless(cls, v: Any) -> tuple[str, ...]:
        return _lower(list(v or []))

    def holds(self, value: Any) -> bool:
        if value is None or (self.when != _ANY and self.when != value):
            return False
        if self.below is None and self.at_least is None:
            return True
        try:
            figure = float(value)
        except (TypeError, ValueError):
            return False
        return (self.below is None or figure < self.below) and \
            (self.at_least is None or figure >= self.at_least)

    def accompanied(self, values: dict[str, Any]) -> bool:
        """Whether every ``with`` fact is among ``values`` (fact -> value read) as named."""
        return all(f in values and values[f] == v for f, v in self.with_.items())

    def blocked(self, lower: str) -> bool:
        """Whether the message (lower-cased) names one of the ``unless`` words, whole."""
        return any(re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", lower)
                   for w in self.unless)


class ReadingRule(BaseModel):
    """How one fact is read. Every list holds lower-case phrases matched as whole words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: tuple[str, ...] = ()
    """Words that name the fact; a value (number, date, yes/no) is read next to them."""
    choices: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice and set facts: value -> words that name it."""
    patterns: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice facts: value -> regular expressions that name it ("62M": a man)."""
    alone: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice facts: value -> words that name it only where none of ``alone_not`` is in
    the message ("he" says a man unless "she"/"her" is there too: then "his
    consultation note" may be the surgeon's)."""
    alone_not: tuple[str, ...] = ()
    alone_others: tuple[str, ...] = ()
    asked_if_below: dict[str, float] = Field(default_factory=dict)
    """Another fact -> a figure: when the message reads that fact below it, this fact's
    reading is asked, not stated ("Home pulse ox 90%, not on oxygen": a low room-air
    saturation leaves open whether oxygen is needed, so no FiO2 of 21 %)."""
    stands_below: tuple[str, ...] = ()
    """With ``asked_if_below``: words of this fact's own reading that keep it despite the
    low figure, when the message also names one of ``stands_below_with`` and none of the
    words that block the low fact's implication of this fact ("SpO2 88% on room air, not
    on oxygen": the patient breathes room air now, FiO2 21 %, as the corpus labels it;
    "Home pulse ox 90%, not on oxygen" names no room air and stays asked)."""
    stands_below_with: tuple[str, ...] = ()
    born_years_ago: dict[str, int] = Field(default_factory=dict)
    """Choice facts: value -> an age in years; a date of birth at least that long before
    the case date names the value ("DOB 07/22/1957": 69, pregnancy not applicable)."""
    """Other people an ``alone`` word may stand for: it counts only where none of these
    comes shortly before it on its line ("referred by Dr. Smith; his office faxed")."""
    not_lower: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice facts: value -> names of a score where a later score not lower than the
    earlier one reads that value ("ODI 42% -> 44%": a disability index that did not
    improve)."""
    lower_by: dict[str, tuple[int, tuple[str, ...]]] = Field(default_factory=dict)
    """Choice facts with ``not_lower``: value -> (points, words): a score of those names
    that fell by at least the points, with one of the words on its line, reads that value
    ("ODI 52% -> 40%, improved": a fall the size of the index's least change that counts)."""
    negated: str | None = None
    """Choice facts: the value when a choice's words are negated ("not pregnant")."""
    none: tuple[str, ...] = ()
    """Set facts: words meaning the empty set."""
    polarity: bool = True
    """Booleans: what a plain mention means."""
    qualifier: tuple[str, ...] = ()
    """A positive mention counts only with one of these words nearby ("severe")."""
    qualifier_not: tuple[str, ...] = ()
    """Choice facts: names that hold a ``qualifier`` word without being one: a service
    named with "pain" ("the needle in my back at the pain clinic") names no pain."""
    opposite: tuple[str, ...] = ()
    """Booleans: phrases whose plain mention means the opposite ("stable")."""
    opposite_patterns: tuple[str, ...] = ()
    """Booleans: regular expressions (over the lower-case text) whose match means the
    opposite where a figure in it says so, which no list of phrases can hold ("youngest
    child is 5": a birth years back, no postpartum now)."""
    opposite_undone: tuple[str, ...] = ()
    """Booleans: words after an ``opposite`` mention in its sentence that take it back
    ("improved with PT at first, then plateaued and regressed"): asked, not read."""
    helped: tuple[str, ...] = ()
    """Counts of failed courses: words in the count's sentence saying a course helped
    ("PT 6 wks (helped a little), meds 6 wks (no help)"): the count is asked."""
    positive_only: tuple[str, ...] = ()
    """Booleans: settle the fact only when affirmed ("denies cough" is asked about)."""
    denied_after: tuple[str, ...] = ()
    """Booleans: words right after the phrase (a form of "be" may stand between) that deny
    it, bound to it and to nothing before ("Buttock contouring not requested; this is for
    radicular pain", "contouring was discussed and declined": outside tester 32 F10 read a
    cosmetic purpose). A global backward trigger would deny far more than the request
    ("declined a pregnancy test", "declined quickly")."""
    treatments: tuple[str, ...] = ()
    """Booleans: treatments of the fact's thing that, being taken, affirm it as
    ``positive_only`` words do ("on keflex since Tues" is an infection treated now); where
    the message says a course of one of them ended (``course_ended`` in context.yaml:
    "finished the abx 11/25", "antibiotics completed") or the thing healed, asked."""
    denied_whole_after: tuple[str, ...] = ()
    """Booleans: the words that may stand right before a denied phrase and leave the denial
    whole ("no active infection", "no evidence of infection"); where set, any other word
    there names a site or a kind ("no pelvic infection", "pelvic infection ruled out"):
    that one ruled out, the fact asked as a ``positive_only`` one is."""
    screen_signs: tuple[str, ...] = ()
    """Booleans with ``positive_only_together``: signs of the fact's kinds that affirm
    nothing, but denied in the sentence of a denied kind are more of the screen ("denies
    fever, dysuria, wounds; no antibiotics", "No fever, no UTI symptoms")."""
    screen_normal: tuple[str, ...] = ()
    """The same signs said normal in one word ("afebrile, no antibiotics, no wounds")."""
    positive_only_together: bool = False
    """Two or more different ``positive_only`` things denied in one sentence deny the
    fact: they are a screen of its kinds ("No UTI, no skin infection, no systemic
    infection"), where one alone ("No UTI symptoms") is asked."""
    na_denies: bool = False
    """Yes/no facts whose question is whether an exclusion applies to the request ("Is it
    cosmetic?"): a field answered "n/a" or "not applicable" says it does not, so it denies
    the fact ("Cosmetic: not applicable."; outside tester session 22 M10). Elsewhere "n/a"
    may be a question the filler skipped, and is asked."""
    field_topic: bool = False
    """Yes/no facts a form or a template names as a field's topic ("Infection: afebrile
    (36.7), no current infection", "Cosmetic purpose: pain relief"): the label is no
    answer; the answer's own words settle the fact, or it is asked."""
    vague: tuple[str, ...] = ()
    """Phrases that touch the fact without settling it: reported, never read."""
    vague_doubts: tuple[str, ...] = ()
    """Yes/no facts: ``vague`` phrases that, not denied, also doubt a plain yes or no said
    in their sentence (a viral infection tested positive beside "Infection screen neg":
    outside tester 31 F6 read no infection); asked."""
    vague_denied: Literal["denies", "ask"] = "denies"
    """What a denied ``vague`` phrase says: ``denies`` the fact when the phrase is the
    wider thing ("no COPD exacerbations"), ``ask`` when it is one finding among others
    or a normal one ("no nodule on CXR", "lungs not clear": other signs may be there)."""
    vague_asks: bool = True
    """Whether a ``vague`` phrase alone asks the fact. ``false`` where the phrases only keep
    a figure after them from being the fact: "pain specialist consultation" or "pain
    clinic 3" names a service, and no pain score was said to ask about (session 31)."""
    exclude: tuple[str, ...] = ()
    """Words that, in the same clause, stop the fact being read there."""
    prefixed_not: tuple[str, ...] = ()
    """Word prefixes (``pre``, ``post``, ``anti``) that, joined to a phrase or a choice's
    word by a hyphen or a space, make it another word naming no such thing now:
    "pre-dialysis CKD" (not on dialysis), "pre-pregnancy weight", "post-pneumonia cough"
    (over), "pre-diabetes". Not read (fresh38 read pre-dialysis planning as ESRD)."""
    exclude_scope: Literal["clause", "sentence", "whole_sentence"] = "clause"
    """Where an ``exclude`` word stops the fact: its clause, the rest of its sentence, or
    its whole sentence (``whole_sentence``: "admitted in 2022; none since")."""
    exclude_sentence: tuple[str, ...] = ()
    """Words that stop the fact in the whole sentence they are in, past a semicolon,
    whatever ``exclude_scope`` says ("PT 2x/week x 26 weeks; missed most sessions after
    week 8": the course prescribed is not the course attended)."""
    exclude_undated: tuple[str, ...] = ()
    """Words that say several things failed together ("as well as", "none of these"):
    in a sentence (or the one before, for a sentence they open) with one date and no
    word putting the things in order ("then", "last"), they stop the fact there: the
    day of one of them is not the last one's ("He failed a corticosteroid injection on
    09/15/2026 as well as 8 weeks of NSAIDs and bracing")."""
    exclude_message: tuple[str, ...] = ()
    """Words that, anywhere in the message, stop the fact in all of it: a finding the
    clinicians of one text dispute ("Dr. Burke: I see foraminal stenosis ... Dr. Abara:
    maybe, but I would not put that in a report. Outcome: no consensus") is asked."""
    exclude_denied: bool = True
    """``false``: an ``exclude`` word that is denied ("no supplemental O2") does not
    exclude (the oxygen saturation is then on room air)."""
    normal: bool | None = None
    """Booleans: the value when the phrase is called normal / WNL / unremarkable."""
    decrease: tuple[str, ...] = ()
    """Signed number facts: phrases meaning the number is a decrease."""
    fraction: bool = False
    """Percent facts: a bare fraction 0-1 is a percentage ("FiO2 0.4" = 40 %)."""
    negation: Literal["scope", "adjacent"] | None = None
    """How a denial reads: ``scope`` (a finding: "denies fever, chills or UTI") or
    ``adjacent`` (a record, treatment or test: only "no PT", "MRI: none" count). The
    default is ``scope`` for yes/no findings and ``adjacent`` for everything else."""
    current: bool = False
    """The policy asks about now: a historical or resolved mention is not read."""
    before_treatment: bool = False
    """Number facts of a score before treatment (a baseline): in a reply that gives a move
    from one figure to another ("from 4 to 7", "4 -> 7") the first figure is its value;
    a ``current`` fact's is the last; any other question's neither."""
    longest: bool = False
    """Duration facts of several things at once (symptoms): where each has its own span
    in a sentence, the longest counts ("chest pain x 10 days; dyspnea x 7 wks" = 7 wks)."""
    lasts_days: int | None = None
    """Yes/no facts of a state that ends on its own (postpartum): an affirmation whose
    sentence dates it this many days or more before today is asked ("Delivered
    2025-06-01"), not read as still so. Number facts of a passing state (a temperature):
    a figure dated that far back by a date after it in its clause is asked ("Your highest
    temperature was 102.3 F on 11/21" on 12/01)."""
    then_in_entry: bool = False
    """Duration facts: a length said in a dated entry that a later dated entry of the
    message follows ("Visit 03/01/2026: LBP x 2 weeks. Visit 11/20/2026: LBP ongoing")
    was the length then, not now: asked."""
    site_bound: bool = False
    """Facts of the procedure's own body site (a pain score, a joint's films): a mention
    qualified by another body area, in the words right before it, in a bracket after it
    or in "in the ..." after its figure ("Pain 3/10 (tooth)", "4 bitewing X-rays",
    "ankle pain 6/10" for a chest CT), is not read. The sites are the policy's own
    (``sites`` of its reading file); ``sites`` below holds them once loaded."""
    sites: tuple[str, ...] = ()
    site_complaints: tuple[str, ...] = ()
    """Words of a complaint that, after one of the policy's sites, name the fact ("knee
    pain (3 months)", "R shoulder pain ≈ 6/12" for therapeutic exercise; "lumbar pain"
    for a spinal injection): the complaint of the procedure's own site, whatever the
    site, never another site's ("knee pain" says nothing of a facet injection's back)."""
    site_phrases: tuple[str, ...] = ()
    """The phrases ``site_complaints`` added (at the end of ``phrases``), set once loaded."""
    area: bool = False
    """Date facts of a study of the affected area: where the dated studies name
    different body areas ("MRI C-spine 2026-10-01, MRI L-spine 2025-12-01"), the latest
    of the area the complaint is in counts; where no one area is, it is asked."""
    latest: bool = False
    """Number facts about the most recent test ("FEV1 of the most recent PFTs"): of
    several figures in a sentence, the one after its latest date counts; an undated one
    leaves it asked."""
    later_rivals: tuple[str, ...] = ()
    """Date facts of the last of several events (the most recent failed treatment): words
    of a line that make a later day there, left unread, a rival of the day read. Which day
    was the last is asked, not the earlier one read ("Completed | Naproxen | 2026-03-15 to
    2026-10-28 | stopped: ineffective" unread beside "2026-09-18 | Trigger point
    injections | no relief" read: outside tester 17 F11)."""
    now_if_highest: bool = False
    """Current number facts whose question asks for the highest recent reading: of
    several figures, the one said to be "today" counts only when it is the highest
    ("T 38.6 on 10/20, 37.0 today" is asked)."""
    conditions: tuple[str, ...] = ()
    """Current number facts: words naming the circumstance of one of several figures in a
    sentence, a treatment's effect ("Pain 3/10 now (7/10 pre-procedure)", "7/10 today (on
    tramadol) / 9/10 w/o meds"): the one said to be now does not settle which counts, so
    it is asked."""
    highest: tuple[str, ...] = ()
    """Number facts asked as the highest recent reading: words that name a figure as that
    highest one ("Tmax 101.2F overnight, now 99.1F" = 101.2 F)."""
    screen: int = 0
    """Set facts: members ruled out in a note, this many different ones (at least two of
    them denied, the rest said not severe), are a screen of the set gone through: empty
    where no member is named or asked ("no DM, no heart dz, no kidney or liver dz, no
    bleeding d/o"). Zero: every choice must be ruled out."""
    partial: Literal["read", "ask"] = "read"
    """Set facts: whether a list naming some of the choices is read as the whole set
    (``read``: any one member decides, as for severe comorbidities) or asked about
    (``ask``: the set must be complete, as for the kinds of treatment received)."""
    past: bool = False
    """Yes/no facts about a previous episode ("a previous pneumonia that required
    hospitalization"): an affirmation counts only where its sentence places it in the past
    (a historical word, an earlier year or month, a date a month ago or more); "admitted
    11/12 with CAP, on ceftriaxone" may be this episode, so it is asked."""
    episode: bool = False
    """Yes/no facts about an episode that may be over (an infection, a pneumonia, an
    exacerbation): an affirmation whose sentence places it in the past (as ``past``) or
    says it was treated to its end or the patient sent home (context.yaml ``ended``:
    "treated with IV ceftriaxone x 10 days, discharged") is asked, not read as now."""
    past_year_clause: bool = False
    """Yes/no facts about the request itself (a cosmetic purpose): a past year anywhere in
    an affirmation's clause, after the words too ("Fillers in 2024 for looks"), dates what
    it names, a procedure of the past, not this request's purpose: not read. (A past year
    reaches back only a few words for other facts: "UTI in 2024".)"""
    planned: Literal["skip", "read"] = "skip"
    """``read`` for facts about the request itself ("Plan: facet injection; not
    cosmetic"): a plan states them; other facts are not read from plans."""
    includes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Set facts: choices a denied choice also denies (no kidney disease, no ESRD). When
    every choice but ``other`` is denied, the set is empty ("no diabetes, heart disease,
    COPD, kidney or liver disease, bleeding disorder or hypertension")."""
    unchecked: Literal["no", "ask"] = "no"
    """What a box left unticked before the phrase says ("[ ] Failed conservative tx"):
    ``no`` for records and exclusions (a submission checklist or an exclusion screen),
    ``ask`` for a criterion a reviewer judges (not met, or just not checked?)."""
    zero_when_denied: bool = False
    """Number facts: a denial of the phrase reads 0 ("no PT" = 0 weeks of PT)."""
    all_parts: bool = False
    """Yes/no facts the policy asks of several things at once (medications, allergies and
    surgeries on file): a part said to be missing denies the fact, whichever other part
    is affirmed and wherever ("meds and allergies listed; surgical history not recorded")."""
    uncertain_ok: tuple[str, ...] = ()
    """Doubt words that still state the fact, because the policy counts them
    ("suspected" pneumonia); any other doubt ("r/o", "possible") is asked about."""
    uncertain_counts: bool = False
    """A suspected or possible mention counts as stated (the policy asks for "confirmed or
    suspected")."""
    cued: tuple[str, ...] = ()
    """Booleans: phrases that state the fact only with one of ``cues`` in the same
    sentence ("12 weeks of conservative care without improvement")."""
    cues: tuple[str, ...] = ()
    cue_scope: Literal["sentence", "line", "message"] = "sentence"
    cue_before: Literal["scope", "sentence"] = "scope"
    """With ``cue_scope: line``, ``sentence``: a cue ending a sentence of its own before the
    fact's words is another thing's verdict, not the fact's ("PT twice, both no better.
    Total conservative treatment is 15 weeks." says nothing of the whole care failing); a
    cue after them, or in their sentence, still reads."""
    cued_after: tuple[str, ...] = ()
    """Booleans: words that may stand right before a one-word cued phrase (an article, an
    owner, an adjective of the record, one of ``cues``); any other word there names what
    it is of ("TELE-ICU CONSULT LOG", "ventilator log": a log of another thing), so the
    reading is asked."""
    cue_apart: bool = False
    """A cue that is only a part of the cued phrase is no cue of it ("chest stretches"
    holds "stretches" but names no session that did them); where false, a phrase that
    holds its cue ("failed tx:") states the fact alone."""
    cue_factor: tuple[str, ...] = ()
    """Booleans: words that, right after a cue written as a sign (an arrow) and right
    before the cued phrase, make the sign another thing's change with it: "↑ c̄ extension,
    ↓ c̄ flexion" is the pain worse with extension and better with flexion, no range
    decreased (phrase29a); "ROM ↓ (flex 40°)" and "↓ flexion" still read."""
    cue_date: bool = False
    """A date in the sentence is a cue too: "CXR 10/2/26: RLL opacity" names a study on
    record; "no pneumonia on the CXR" does not say its images are on file."""
    cue_onset: bool = False
    """A symptom's start dated in the sentence is a cue too: "History & physical: R
    shoulder pain from 07/20/2026 to today", "PCP H&P ... (knee pain since 05/2026)" give
    the symptoms' dates the policy asks the record to hold; "H&P 11/10/2026" alone does not."""
    cue_degrees: dict[str, int] = Field(default_factory=dict)
    """Booleans: a cued motion measured in degrees (its last figure: "flexion 0 to 40
    deg") at most as far as this, or short of the normal said beside it ("extension 10
    degrees (normal 30)", "flexion 55 of 90"), is a cue: a range measured short says it is
    decreased as "limited" would."""
    counts_need_cue: bool = False
    """Number facts: a count read from a plain phrase stands only where one of ``cues`` is
    somewhere in the message ("two courses of PT" says nothing of failed ones)."""
    cue_not: tuple[str, ...] = ()
    cues_opposite: tuple[str, ...] = ()
    """Booleans: words that, affirmed in a cued phrase's sentence with none of ``cues``,
    read the opposite ("Nebulised salbutamol x2 with good relief of wheeze": no failed
    bronchodilator); with a cue too, asked."""
    cues_opposite_own: bool = False
    """Booleans: a ``cues_opposite`` word counts only said of the cued phrase itself,
    after it in its own clause ("his gait is normal"): not another finding's ("gait
    antalgic / neuro intact") nor a measure's share ("extension 20% of normal, gait")."""
    """Cued phrases do not count in a sentence with one of these words."""
    cue_denied: Literal["opposite", "nothing", "unqualified"] = "opposite"
    """What a cued phrase denied says: the opposite ("Labs not on file"), or nothing where
    the phrase is a wider word the denial is about ("no cardiac hx", "PMH: none" name no
    chest history missing)."""
    cue_with: tuple[str, ...] = ()
    """Cued phrases also need one of these words in the sentence ("2 courses ... both
    failed" counts as failed PT courses only where PT is named)."""
    cue_with_writer: bool = False
    """``cue_with`` words in the letter's sign-off count too, for a sentence in the
    writer's own voice ("I", "my", "this letter"): a family doctor's letter says who wrote
    it once, at its foot ("Please accept this letter as her referral ... Yours, Dr F.
    Baird, GP"), not in each sentence."""
    cues_denied: tuple[str, ...] = ()
    """Words that, with every cue of the sentence denied, deny the fact, where the sentence
    places the mention in the past ("pneumonia 2019 treated as an outpatient, never
    admitted"); without one a denied cue is no cue ("not antalgic"; "never admitted for it"
    leaves a pneumonia's IV antibiotics open)."""
    cues_denied_all: tuple[tuple[str, ...], ...] = ()
    """Groups of cues a denial of care must cover, one word of each, to deny the fact
    where the fact is care of several kinds, any one enough ("hospitalization or prolonged
    IV antibiotics": "never admitted or on IV abx for pneumonia" denies it, "never
    hospitalized for pneumonia" leaves the antibiotics open, asked); without it a denial
    covering any cue is enough (``facts.Reader._care_denied``)."""
    cue_all: tuple[tuple[str, ...], ...] = ()
    """Cued phrases need a word of every group in the cue's scope, where the fact is made
    of several parts ("H&P" with medicines named but no allergies or past surgeries does
    not say the history the policy asks for is on file)."""
    care_kinds: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Yes/no facts of care that failed: kind -> its words ("therapy": PT, physiotherapy;
    "medication": naproxen, ...). A sentence naming two kinds or more, with one of
    ``cues`` after them all ("..., both with no relief"; "despite" before), reads the
    fact, unless a ``cue_not`` is anywhere in the message (``together.py``)."""
    named: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Number facts: value -> phrases that state it ("no supplemental O2" is an FiO2 of
    21 %)."""
    answer_named: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Number facts: value -> whole replies to this fact's question that state it ("room
    air" answering the FiO2 question is 21 %; in a note it may only say how a saturation
    was measured)."""
    """Where a cue may be: in the phrase's sentence, or anywhere in the message (a
    checklist line "Readable: yes" about the study the next line describes)."""
    raised: tuple[str, ...] = ()
    """Booleans with ``vague`` phrases: words after the phrase that settle it as the
    rule's polarity ("CRP 18 (H)", "ESR elevated")."""
    ask_after: tuple[str, ...] = ()
    """Number facts: words right after a figure that tie it to one circumstance, so it is
    asked, not read ("Pain 7/10 w/ motion", "NRS 3/10 at rest, 5/10 with activity")."""
    ask_units: tuple[str, ...] = ()
    """Number facts: a figure given in one of these units is asked, not read ("cough x 4
    days": a span in days is the acute complaint's, not how long the symptoms have lasted
    in all)."""
    filed: tuple[str, ...] = ()
    """Record facts: names of the record ("consult", "consultation") that state it where
    the words right after them say it is on file (``filed_where``; a date, "of" a date,
    "is"/"are" between: "consult note 11/17/2026 in chart") and one of ``cues`` comes
    before them on their line with none of ``filed_not`` between ("Referral: Dr. Patel
    (orthopedics) - consult ..."). An ``exclude`` word in their clause does not stop
    them: the record itself, not a referral to it, is said to be on file."""
    filed_where: tuple[str, ...] = ()
    filed_by: tuple[str, ...] = ()
    """Record facts: a note's labels for its own clinician ("Physician:", "Consultant:",
    "Hekim:"); one of ``cues`` or ``vague`` after the label on its line, none of
    ``filed_not`` or ``authors_not``, says the note itself is that clinician's record
    ("Physician: Dr. T. Abara, orthopaedic sports medicine": a specialist's visit note)."""
    filed_not: tuple[str, ...] = ()
    by_writer: tuple[str, ...] = ()
    """Record facts: the writer's own record named by them ("this letter serves as my
    consultation"): stated where the writer is named by one of ``writer_roles`` in the
    letter's sign-off, in their own words ("I am the pain management physician", "as
    her primary care physician") or in the header of their section ("---- MD ADDENDUM
    (Dr. L. Farouk, PCP) ----"); never a record of theirs with another ("my consultation
    with Dr. Ames"), planned or denied."""
    writer_roles: tuple[str, ...] = ()
    filed_done: tuple[str, ...] = ()
    """Record facts: words after a ``filed`` record and its past day that say what the
    record says ("Dr. Kim's consult (10/20/2026) supports continued PT"): a dated record
    that speaks is one that exists, as one said on file is. A past day alone ending the
    statement counts too ("VA PM&R consult 10/20/2026.")."""
    authors_not: tuple[str, ...] = ()
    """Record facts: the makers a record of this fact is never by ("GP consultation note
    attached", "consultation note from her family physician": a primary care doctor's
    consultation is no specialist's). A phrase of the fact whose own words name one of them
    as its maker, right before it ("GP", "family doctor's", "(GP)", "Dr Obi's GP") or after
    it ("from / of / by her family physician"), is no mention of the fact."""
    raised_line: bool = False
    """``raised`` words settle a vague phrase anywhere on its line and in its sentence, not
    only right after it ("Consults on file: PCP and ortho spine (Dr. Iyer)")."""
    onset: tuple[str, ...] = ()
    """Duration facts: words that turn "N months ago" into a duration ("started 4
    months ago" = 4 months)."""
    onset_not: tuple[str, ...] = ()
    """Words before an onset word in its sentence that make it the start of something
    else ("duloxetine 60 mg daily, started 3 wks ago": the medicine's start)."""
    parts_apart: tuple[str, ...] = ()
    """Duration facts of one part of a care: words that name another part, so that a
    length listed after them is that part's, never added to this one ("stretching 8 weeks;
    heat, ice packs and TENS 4 weeks": the modalities' 4 weeks are no exercise)."""
    continued_by: tuple[str, ...] = ()
    """Duration facts of a care: what the patient carries on alone once it ends (a home
    program after PT): a length listed after it is never added to the care, and the care's
    own figure named right before stays read ("PT 2x/wk x 6 wks, then HEP x 6 wks" = 6
    weeks of PT, outside tester 27 F9)."""
    course_weeks: float | None = None
    """Count facts: a course counts only if it lasted at least this many weeks, where
    the courses' lengths are listed ("3 courses: 6 wks, 8 wks and 4 wks" = 2 six-week
    courses)."""
    sums_care_in_sequence: bool = False
    """Weeks facts: courses of different kinds of care said one after another with no word
    for the whole ("PT for 6 weeks, then naproxen for 6 weeks") add up to this fact
    (``selection._care_in_sequence``, the care words in ``context.yaml``'s
    ``sequential_care``)."""
    courses_of: str | None = None
    courses_named: bool = False
    """With ``courses_of``: a list counts only where each of its lengths is called a
    course ("course 1 (8 wks), course 2 (8 wks)"); "Rehab, 14 weeks in all: 8 weeks of
    exercise, 3 weeks of manual therapy, 3 weeks of education" lists one course's parts."""
    """Count facts: the weeks fact whose listed courses this counts. Courses listed one by
    one after that fact's name, whose lengths add up to the total said with them, each
    failed ("Conservative care:\n PT (8 wks): no improvement.\n PT (8 wks): no
    improvement.\n 16 weeks total") are counted here, only those of ``course_weeks``."""
    dates_of: str | None = None
    """Count facts: the number of distinct dates given for this date fact, when two or
    more are ("X-rays 5/28 and again 10/14" is 2 sets)."""
    difference: tuple[str, ...] = ()
    """``[a, b]``: this fact is a - b when both are read and it is not."""
    implies: tuple[Implication, ...] = ()
    """Facts that follow from this one ("FEV1 58%" says the PFT results exist; a man
    is not postpartum)."""
    lasting: tuple[str, ...] = ()
    """Choice facts: values a past mention still settles ("s/p hysterectomy")."""
    patient_word: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice facts: value -> words that make it the patient's own word ("states she is
    not pregnant", "per pt"); read only where one of ``confirmed_by`` is in the message
    (not planned, doubted or someone else's), else asked."""
    subject_needed: tuple[str, ...] = ()
    """Choice facts: values whose words need the patient as their subject: not read in a
    sentence that opens with another person ("A retreat guest, 30 weeks pregnant, ...";
    ``agent/reading/subjects.py``). A test's result (``confirmed_by``) is not held to it."""
    confirmed_by: tuple[str, ...] = ()
    result_days: int | None = None
    """Choice facts a test settles (``confirmed_by``): a value read from the test's result
    dated this many days or more before today, by a date or an "... ago" after it in its
    clause, is asked ("hCG negative 10/01/2026" in December says nothing of now). Not a
    ``lasting`` value."""
    counts: tuple[str, ...] = ()
    """Count facts: items that each count as one ("failed naproxen x 3 mo" = 1 course)
    when a failure word governs them and no number is stated."""
    panel: tuple[tuple[str, ...], ...] = ()
    """Record facts: groups of test names; a figure given for one of each group in one
    paragraph ("WBC 9.2, Na 137, K 4.3, Cr 1.0") states the results are on file."""
    panel_named: tuple[tuple[str, ...], ...] = ()
    """Record facts: groups of test names; one of each group named in one sentence as done
    ("FBC, U&E and creatinine from 20/11 are on file", "Blood count, electrolytes and
    creatinine from this morning: normal"), none of them denied, planned or someone else's,
    states the results are on file."""
    several: Literal["sentence", "message"] = "sentence"
    """Current figures: where differing values are asked about: in one sentence only, or
    anywhere in the message (``message``: "Neck pain 2/10; low back pain 8/10")."""
    parts: tuple[tuple[str, ...], ...] = ()
    """Yes/no facts about either of several things ("impaired balance or gait"): groups
    of words naming each; a normal finding of one part does not deny an impairment of
    another ("normal gait, impaired balance" = yes)."""
    note_sections: tuple[tuple[str, ...], ...] = ()
    """Date facts about a record a visit makes (the H&P): groups of section headers; a
    note with a date of service whose lines open with a header of every group ("HPI:",
    "PE:") is itself that record, dated that day."""
    note_is: tuple[str, ...] = ()
    """Date facts about a record a visit makes: its names, by which a note says it is that
    record ("This letter is also his history and physical", "H&P: this visit", a title
    "PAIN MEDICINE CONSULTATION / COMPREHENSIVE H&P"): dated the note's own date."""
    examples: tuple[dict[str, Any], ...] = ()
    """``{say: ..., read: {fact: value}}``: run by tests/test_reading_rules.py."""

    @field_validator("phrases", "none", "qualifier", "qualifier_not", "screen_signs",
                     "screen_normal", "opposite", "opposite_undone", "helped",
                     "positive_only", "vague", "denied_after", "vague_doubts",
                     "exclude", "exclude_message", "exclude_undated", "decrease", "counts",
                     "cued", "cues", "raised", "onset", "onset_not", "confirmed_by", "cues_denied",
                     "parts_apart", "continued_by",
                     "treatments", "cues_opposite", "cue_with", "cue_not", "uncertain_ok",
                     "alone_not",
                     "alone_others",
                     "highest", "filed", "filed_where", "filed_by", "filed_not", "filed_done",
                     "by_writer", "writer_roles",
                     "note_is",
                     "authors_not",
                     "later_rivals", "prefixed_not",
                     mode="before")
    @classmethod
    def _lowercase(cls, words: list[str] | None) -> tuple[str, ...]:
        return _lower(words or [])

    @field_validator("panel", "panel_named", "parts", "note_sections", "cue_all",
                     "cues_denied_all",
                     mode="before")
    @classmethod
    def _lower_groups(cls, groups: list[list[str]] | None) -> tuple[tuple[str, ...], ...]:
        return tuple(_lower(g) for g in groups or [])

    @field_validator("choices", "named", "answer_named", "alone", "not_lower", "patient_word",
                     mode="before")
    @classmethod
    def _lower_choices(cls, choices: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
        return {k: _lower(v) for k, v in (choices or {}).items()}

    @field_validator("lower_by", mode="before")
    @classmethod
    def _lower_falls(cls, falls: dict[str, dict] | None) -> dict[str, tuple[int, tuple[str, ...]]]:
        return {k: (int(v["points"]), _lower(v["words"])) for k, v in (falls or {}).items()}

    @field_validator("patterns", mode="after")
    @classmethod
    @fixed_patterns  # (a reading file's own patterns, compiled again on each start else)
    def _compiles(cls, patterns: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for found in patterns.values():
            for pattern in found:
                re.compile(pattern)
        return patterns

    @field_validator("opposite_patterns", mode="after")
    @classmethod
    def _compiles_each(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns

    def negation_kind(self, spec: FactSpec, name: str) -> str:
        if self.negation:
            return self.negation
        if spec.type == "boolean" and not name.endswith("_documented"):
            return "scope"
        return "scope" if spec.type in ("choice", "set") else "adjacent"

    def is_record(self, spec: FactSpec, name: str) -> bool:
        """A yes/no fact about a document on file (the ``*_documented`` facts)."""
        return spec.type == "boolean" and name.endswith("_documented") and \
            self.negation_kind(spec, name) == "adjacent"

    @property
    def affirm_only(self) -> tuple[str, ...]:
        """The words that settle the fact only when affirmed: ``positive_only`` and the
        ``treatments``."""
        return self.positive_only + self.treatments

    @property
    def own_phrases(self) -> tuple[str, ...]:
        """``phrases`` without the site complaints: the words that name the fact wherever
        they stand (a site's "shoulder pain" names it only as a complaint's words do, so
        "shoulder pain, stable since 09/15" gives no onset: ``facts._complaint_before``)."""
        return self.phrases[:len(self.phrases) - len(self.site_phrases)]

    def all_phrases(self) -> tuple[str, ...]:
        return (self.phrases + self.opposite + self.affirm_only + self.none + self.cued +
                self.decrease + tuple(p for ps in self.choices.values() for p in ps) +
                tuple(p for ps in self.alone.values() for p in ps))


class ReadingFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    facts: dict[str, ReadingRule]
    sites: list[str] = Field(default_factory=list)
    """The body areas (``body_areas`` in context.yaml) the policy's procedure is about:
    a ``site_bound`` fact of another area is not read."""
    examples: list[dict[str, Any]] = Field(default_factory=list)
    """``{say, read, [pending], [as_of]}``: whole-message examples across facts."""


def reading_path(cpt: str | None) -> Path:
    return LIBRARY_DIR / "reading.yaml" if cpt is None else LIBRARY_DIR / cpt / "reading.yaml"


@cache
def reading_file(cpt: str | None) -> ReadingFile:
    path = reading_path(cpt)
    raw = load_yaml(path) if path.exists() else None  # parsed once, then from the cache
    return ReadingFile.model_validate(raw or {"facts": {}})


@cache
def reading_rules(cpt: str | None) -> dict[str, ReadingRule]:
    """The rules for the facts of ``cpt`` (shared facts included); all policies' when None."""
    shared = reading_file(None).facts
    cpts = [cpt] if cpt else list(supported_cpts())
    out: dict[str, ReadingRule] = {}
    for code in cpts:
        names = load_policy(code).facts
        own = reading_file(code).facts
        rules = {n: own.get(n) or shared[n] for n in names if n in own or n in shared}
        if cpt:  # (all policies' rules at once: no one procedure's site to hold to)
            rules = {n: _with_sites(r, reading_file(code).sites) for n, r in rules.items()}
        out.update(rules)
    return out


@cache
def rules_phrases(cpt: str | None) -> tuple[str, ...]:
    """Every phrase of every rule of ``reading_rules(cpt)``, built once per policy (built
    for each message, it was a pass over every rule on every read)."""
    return tuple(p for rule in reading_rules(cpt).values() for p in rule.all_phrases())


def _with_sites(rule: ReadingRule, sites: list[str]) -> ReadingRule:
    """A ``site_bound`` rule with the policy's sites; a rule with ``site_complaints`` with
    each site's complaint among its phrases ("knee pain", "shoulder stiffness")."""
    update: dict[str, Any] = {}
    if rule.site_bound and sites:
        update["sites"] = tuple(sites)
    if rule.site_complaints and sites:
        update["site_phrases"] = tuple(
            f"{site} {word}" for site in sites for word in rule.site_complaints)
        update["phrases"] = rule.phrases + update["site_phrases"]
    return rule.model_copy(update=update) if update else rule


def _used(cpt: str) -> dict[str, FactSpec]:
    """The facts some rule of the policy reads: the others cannot change its verdict, so
    reading them would only put words in the user's mouth."""
    policy = load_policy(cpt)
    used: set[str] = set()
    for rule in policy.criteria.rules:
        for condition in (rule.require, rule.exclude, rule.applies_if):
            if condition is not None:
                used |= set(condition.facts())
    return {name: spec for name, spec in policy.facts.items() if name in used}


def _with_inputs(cpt: str) -> dict[str, FactSpec]:
    """The used facts and the facts they are computed from (a score change needs the
    current score, even where no rule reads the current score itself)."""
    specs = _used(cpt)
    everything = load_policy(cpt).facts
    shared = reading_file(None).facts
    own = reading_file(cpt).facts
    for name in list(specs):
        rule = own.get(name) or shared.get(name)
        for source in rule.difference if rule else ():
            if source in everything:
                specs.setdefault(source, everything[source])
    return specs


@cache
def fact_specs(cpt: str | None) -> dict[str, FactSpec]:
    """The facts read under ``cpt`` (every policy's facts when None)."""
    if cpt:
        return _with_inputs(cpt)
    specs: dict[str, FactSpec] = {}
    for code in supported_cpts():
        specs.update(_with_inputs(code))
    return specs


@cache
def stated_facts(cpt: str | None) -> frozenset[str]:
    """The facts a reading may report under ``cpt``: the ones its rules read."""
    if cpt:
        return frozenset(_used(cpt))
    return frozenset(name for code in supported_cpts() for name in _used(code))

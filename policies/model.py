"""Pydantic models for the criteria files (input) and the verdict (output).

Criteria files are data: the engine in :mod:`policies.checker` knows nothing about
any particular policy. Every model forbids unknown keys so a typo in a criteria
file is an error that names the field, not a silently ignored rule.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FactType = Literal["boolean", "number", "date", "choice", "set"]
Status = Literal["met", "not_met", "unknown", "review", "not_applicable"]
Decision = Literal["meets_criteria", "does_not_meet", "needs_info", "needs_review"]

DURATION_UNITS = ("days", "weeks", "months", "years")
TEMPERATURE_UNITS = ("C", "F")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --------------------------------------------------------------------------- facts


class FactSpec(_Strict):
    """One thing a nurse can be asked about the patient."""

    type: FactType
    label: str
    """Short name shown in tables, e.g. "Physical therapy completed"."""
    question: str
    """The plain question put to the user."""
    unit: str | None = None
    """Canonical unit of a number; durations and temperatures convert into it."""
    min: float | None = None
    max: float | None = None
    noun: str | None = None
    """What "N more <unit> of <noun>" talks about, e.g. "physical therapy"."""
    choices: dict[str, str] | None = None
    """For choice and set facts: value → label."""
    help: str | None = None
    """What counts, for the user, e.g. what "severe" means here."""
    measured: bool = False
    """A value taken at an assessment (a pain score, an FEV1, an exam finding): a later
    assessment may give another, so a rule it fails is not closed for good."""

    @model_validator(mode="after")
    def _shape(self) -> FactSpec:
        if self.type == "number":
            if self.unit is None or self.min is None or self.max is None:
                raise ValueError("a number fact needs unit, min and max")
            if self.min > self.max:
                raise ValueError("min is greater than max")
        if self.type in ("choice", "set") and not self.choices:
            raise ValueError(f"a {self.type} fact needs choices")
        if self.type not in ("choice", "set") and self.choices:
            raise ValueError("only choice and set facts take choices")
        return self


class FactCatalogue(_Strict):
    facts: dict[str, FactSpec]


# ------------------------------------------------------------------ conditions


_OPERATOR_FIELDS = ("gte", "gt", "lte", "lt", "is_", "in_", "contains_any", "contains_all",
                    "within_months", "within_days")


class Condition(_Strict):
    """A test on facts, evaluated three-valued (true / false / unknown).

    Exactly one form: ``all`` / ``any`` (lists), ``not`` (one), or ``fact`` with one
    operator: ``gte``/``gt``/``lte``/``lt`` (numbers), ``is`` (booleans), ``in``
    (choices), ``contains_any``/``contains_all`` (sets), ``within_months``/``within_days`` (dates,
    counted back from the verdict's ``as_of``, inclusive).
    """

    all_: list[Condition] | None = Field(None, alias="all")
    any_: list[Condition] | None = Field(None, alias="any")
    not_: Condition | None = Field(None, alias="not")
    fact: str | None = None
    gte: float | None = None
    gt: float | None = None
    lte: float | None = None
    lt: float | None = None
    is_: bool | None = Field(None, alias="is")
    in_: list[str] | None = Field(None, alias="in")
    contains_any: list[str] | None = None
    contains_all: list[str] | None = None
    within_months: int | None = None
    within_days: int | None = None

    @cached_property  # read for every rule of every check: found once per condition
    def operator(self) -> str | None:
        for name in _OPERATOR_FIELDS:
            if getattr(self, name) is not None:
                return name.rstrip("_")
        return None

    @cached_property
    def operand(self) -> object:
        op = self.operator
        return None if op is None else getattr(self, op if op not in ("is", "in") else op + "_")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [self.all_ is not None, self.any_ is not None, self.not_ is not None,
                 self.fact is not None]
        if sum(forms) != 1:
            raise ValueError("a condition is exactly one of all / any / not / fact")
        ops = [n for n in _OPERATOR_FIELDS if getattr(self, n) is not None]
        if self.fact is not None and len(ops) != 1:
            raise ValueError(f"fact {self.fact!r} needs exactly one operator, got {len(ops)}")
        if self.fact is None and ops:
            raise ValueError("operators go with a fact")
        return self

    def facts(self) -> list[str]:
        """Facts this condition reads, in order of first mention."""
        if self.fact is not None:
            return [self.fact]
        out: list[str] = []
        for child in self.children():
            out += [f for f in child.facts() if f not in out]
        return out

    def children(self) -> list[Condition]:
        if self.all_ is not None:
            return list(self.all_)
        if self.any_ is not None:
            return list(self.any_)
        if self.not_ is not None:
            return [self.not_]
        return []


# ------------------------------------------------------------------- criteria


class Interpretation(_Strict):
    """An ambiguity or contradiction in the policy, and the reading chosen."""

    id: str
    clauses: list[str] = Field(min_length=1)
    issue: str
    """What the policy says that is unclear or contradicts itself."""
    reading: str
    """How the rules read it."""
    why: str


class Rule(_Strict):
    """One criterion. ``require`` must hold; ``exclude`` must not."""

    id: str
    clauses: list[str] = Field(min_length=1)
    """Clause ids this rule stands for; the first is the one it is reported under."""
    quote: str
    """Verbatim policy words inside the first clause: what a citation shows."""
    require: Condition | None = None
    exclude: Condition | None = None
    effect: Literal["not_met", "review"] = "not_met"
    """What failing means: a definite ``not_met``, or ``review`` for a judgement call."""
    applies_if: Condition | None = None
    """Limits the rule to patients it can apply to ("if applicable")."""
    remediable: bool | None = None
    """Can a change of facts make it pass? Defaults: require → yes, exclude → no."""
    interpretations: list[str] = []
    """Ids of the interpretations this rule relies on."""
    explain: str | None = None
    """A plain sentence for the criteria table when the generated reason is not clear."""
    temporary: bool = False
    """An exclusion for a condition that passes (fever, an active infection, pregnancy):
    the case does not qualify while it lasts, and may once it resolves."""
    not_applicable: str | None = None
    """A plain sentence for the criteria table when ``applies_if`` is false."""

    @model_validator(mode="after")
    def _one_test(self) -> Rule:
        if (self.require is None) == (self.exclude is None):
            raise ValueError(f"rule {self.id!r} needs exactly one of require / exclude")
        return self

    @property
    def condition(self) -> Condition:
        return self.require if self.require is not None else self.exclude  # type: ignore[return-value]

    @property
    def can_fix(self) -> bool:
        if self.remediable is not None:
            return self.remediable
        return self.require is not None


class Authorization(_Strict):
    valid_days: int = Field(gt=0)
    valid_clause: str
    valid_quote: str
    on_denial: str
    """What to do if the payer denies, in the policy's terms."""
    on_denial_clause: str
    on_denial_quote: str
    on_denial_deadline_days: int | None = Field(None, gt=0)
    """The deadline the policy sets for the appeal or peer-to-peer review (None: it sets none)."""


class DocumentItem(_Strict):
    """One document the policy requires on file: a line of the submission checklist."""

    id: str
    item: str
    """Short name shown in the checklist, e.g. "History and physical examination report"."""
    clause: str
    quote: str
    """Verbatim policy words inside ``clause``."""
    rules: list[str] = []
    """Rules whose status says whether the case has it on file (none: not checked)."""


class PolicyInfo(_Strict):
    cpt: str
    procedure: str
    aliases: list[str] = []
    """Words staff use for the procedure ("facet injection", "ESI")."""
    asked_as: list[str] = []
    """Shorter words that name the procedure only in a request ("need to check an
    epidural"): in a note they may mean something else (an epidural in labour)."""
    notes: list[str] = []
    """Policy-wide notes every verdict repeats (e.g. a deleted CPT code)."""


class PolicyCriteria(_Strict):
    policy: PolicyInfo
    facts: dict[str, FactSpec] = {}
    """Facts only this policy uses (shared ones live in ``library/facts.yaml``)."""
    interpretations: list[Interpretation] = []
    rules: list[Rule] = Field(min_length=1)
    authorization: Authorization
    documentation: list[DocumentItem] = []
    """The documentation checklist the policy requires, in the policy's order."""


# -------------------------------------------------------------------- verdict


class Criterion(BaseModel):
    clause: str
    title: str
    status: Status
    reason: str
    facts: list[str]
    quote: str
    quote_span: tuple[int, int]
    """``policy_source[start:end] == quote``."""
    rule: str
    clauses: list[str]


class MissingFact(BaseModel):
    fact: str
    question: str
    clauses: list[str]
    type: FactType
    choices: dict[str, str] | None = None
    unit: str | None = None
    answered_unsure: bool = False
    """The user was asked and said they did not know."""
    settles_alone: bool = False
    """Some answer to this fact decides the case by itself."""


ChangeKind = Literal["fix", "answer", "resolve"]


class Change(BaseModel):
    fact: str
    clause: str
    """The first clause the change satisfies (a failing one when there is one)."""
    change: str
    """What would have to be true, in words: "8 more weeks of physical therapy"."""
    kind: ChangeKind = "fix"
    """``fix``: a stated fact falls short (more treatment, a newer document);
    ``answer``: an unstated fact, and the answers that would qualify;
    ``resolve``: a passing condition (fever, infection) that must resolve first."""
    clauses: list[str] = []
    """Every clause the change satisfies."""


class ToQualify(BaseModel):
    possible: bool
    """The listed changes alone would make the case meet the criteria."""
    changes: list[Change]
    explanation: str
    review: list[str] = []
    """Clauses a clinician reviewer must still decide; no change of facts settles them."""
    blocking: list[str] = []
    """Clauses no change to the case can satisfy (a permanent exclusion, a fact that
    cannot change); with any, ``changes`` is empty."""
    temporary: list[str] = []
    """Exclusions that apply only while a condition lasts; see the ``resolve`` changes."""


class Verdict(BaseModel):
    cpt: str
    procedure: str
    policy_version: str
    as_of: date
    decision: Decision
    criteria: list[Criterion]
    missing: list[MissingFact]
    cited: list[str]
    notes: list[str]
    next_steps: list[str]
    valid_until: date | None
    to_qualify: ToQualify | None
    """For ``does_not_meet`` and ``needs_info``: the smallest change that qualifies."""
    facts: dict[str, object]
    """The facts the verdict was made on, normalised (None: stated as unknown)."""

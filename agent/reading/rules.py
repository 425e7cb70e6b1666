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

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from policies.library import LIBRARY_DIR, load_policy, supported_cpts
from policies.model import FactSpec


def _lower(words: list[str]) -> tuple[str, ...]:
    return tuple(str(w).strip().lower() for w in words if str(w).strip())


class ReadingRule(BaseModel):
    """How one fact is read. Every list holds lower-case phrases matched as whole words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrases: tuple[str, ...] = ()
    """Words that name the fact; a value (number, date, yes/no) is read next to them."""
    choices: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice and set facts: value -> words that name it."""
    patterns: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Choice facts: value -> regular expressions that name it ("62M": a man)."""
    negated: str | None = None
    """Choice facts: the value when a choice's words are negated ("not pregnant")."""
    none: tuple[str, ...] = ()
    """Set facts: words meaning the empty set."""
    polarity: bool = True
    """Booleans: what a plain mention means."""
    qualifier: tuple[str, ...] = ()
    """A positive mention counts only with one of these words nearby ("severe")."""
    opposite: tuple[str, ...] = ()
    """Booleans: phrases whose plain mention means the opposite ("stable")."""
    positive_only: tuple[str, ...] = ()
    """Booleans: settle the fact only when affirmed ("denies cough" is asked about)."""
    vague: tuple[str, ...] = ()
    """Phrases that touch the fact without settling it: reported, never read."""
    exclude: tuple[str, ...] = ()
    """Words that, in the same clause, stop the fact being read there."""
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
    uncertain_counts: bool = False
    """A suspected or possible mention counts as stated (the policy asks for "confirmed or
    suspected")."""
    counts: tuple[str, ...] = ()
    """Count facts: items that each count as one ("failed naproxen x 3 mo" = 1 course)
    when a failure word governs them and no number is stated."""
    examples: tuple[dict[str, Any], ...] = ()
    """``{say: ..., read: {fact: value}}``: run by tests/test_reading_rules.py."""

    @field_validator("phrases", "none", "qualifier", "opposite", "positive_only", "vague",
                     "exclude", "decrease", "counts", mode="before")
    @classmethod
    def _lowercase(cls, words: list[str] | None) -> tuple[str, ...]:
        return _lower(words or [])

    @field_validator("choices", mode="before")
    @classmethod
    def _lower_choices(cls, choices: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
        return {k: _lower(v) for k, v in (choices or {}).items()}

    @field_validator("patterns", mode="after")
    @classmethod
    def _compiles(cls, patterns: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for found in patterns.values():
            for pattern in found:
                re.compile(pattern)
        return patterns

    def negation_kind(self, spec: FactSpec, name: str) -> str:
        if self.negation:
            return self.negation
        if spec.type == "boolean" and not name.endswith("_documented"):
            return "scope"
        return "scope" if spec.type in ("choice", "set") else "adjacent"

    def all_phrases(self) -> tuple[str, ...]:
        return (self.phrases + self.opposite + self.positive_only + self.none +
                self.decrease + tuple(p for ps in self.choices.values() for p in ps))


class ReadingFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    facts: dict[str, ReadingRule]
    examples: list[dict[str, Any]] = Field(default_factory=list)
    """``{say, read, [pending], [as_of]}``: whole-message examples across facts."""


def reading_path(cpt: str | None) -> Path:
    return LIBRARY_DIR / "reading.yaml" if cpt is None else LIBRARY_DIR / cpt / "reading.yaml"


@cache
def reading_file(cpt: str | None) -> ReadingFile:
    path = reading_path(cpt)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
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
        out.update({n: own.get(n) or shared[n] for n in names if n in own or n in shared})
    return out


@cache
def fact_specs(cpt: str | None) -> dict[str, FactSpec]:
    """The facts read under ``cpt`` (every policy's facts when None)."""
    if cpt:
        return dict(load_policy(cpt).facts)
    specs: dict[str, FactSpec] = {}
    for code in supported_cpts():
        specs.update(load_policy(code).facts)
    return specs

"""The policy library on disk: verbatim sources, clauses, criteria and facts.

Layout: ``library/<cpt>/policy.txt`` (the payer's text, never edited),
``library/<cpt>/criteria.yaml`` (rules as data) and ``library/facts.yaml`` (facts
shared between policies). Non-policy material lives in ``reference/`` and is never
loaded here, so it cannot become a source of criteria.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from policies.datacache import load_yaml
from policies.errors import CriteriaError, UnknownPolicy
from policies.model import FactCatalogue, FactSpec, PolicyCriteria
from policies.segment import Clause, segment

LIBRARY_DIR = Path(__file__).parent / "library"
REFERENCE_DIR = Path(__file__).parent / "reference"

# Codes that replaced one in the library: no "did you mean" guess for them.
_SUCCESSORS = {code: "62311" for code in ("62320", "62321", "62322", "62323")}


@dataclass(frozen=True)
class Quote:
    """A verbatim piece of policy text and where it sits in the source."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Policy:
    """Everything the checker needs about one payer policy."""

    cpt: str
    procedure: str
    source: str
    """The policy file exactly as stored (UTF-8, no newline translation)."""
    clauses: dict[str, Clause]
    """Every clause by id, in reading order."""
    criteria: PolicyCriteria
    facts: dict[str, FactSpec]
    """Every fact this policy's rules read (shared and policy-specific)."""
    version: str
    """sha256 over the source, the criteria file and the shared facts file."""
    path: Path
    quotes: dict[str, Quote] = field(default_factory=dict)
    """Each rule's quote (and the authorization quotes) located in the source."""

    def locate(self, clause_id: str, text: str) -> Quote | None:
        """Where ``text`` occurs inside clause ``clause_id``, or None."""
        clause = self.clauses.get(clause_id)
        if clause is None:
            return None
        at = clause.text.find(text)
        if at < 0 or not text:
            return None
        return Quote(text, clause.start + at, clause.start + at + len(text))


def _read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _format_validation(path: Path, err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{path}: {where}: {first['msg']}{more}"


def _load_yaml(path: Path) -> object:
    try:
        return load_yaml(path)
    except OSError as exc:
        raise CriteriaError(f"{path}: cannot read: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise CriteriaError(f"{path}:{where} is not valid YAML") from None


@cache
def shared_facts() -> dict[str, FactSpec]:
    path = LIBRARY_DIR / "facts.yaml"
    try:
        return dict(FactCatalogue.model_validate(_load_yaml(path)).facts)
    except ValidationError as err:
        raise CriteriaError(_format_validation(path, err)) from None


def supported_cpts() -> list[str]:
    return sorted(p.name for p in LIBRARY_DIR.iterdir() if (p / "policy.txt").is_file())


def _procedure_name(cpt: str) -> str:
    try:
        return load_policy(cpt).procedure
    except CriteriaError:
        return "criteria file invalid"


def unknown_cpt_message(cpt: str) -> str:
    """One line: the code is not supported, which are, the nearest, and the 62311 note."""
    supported = supported_cpts()
    listing = ", ".join(f"{c} ({_procedure_name(c)})" for c in supported)
    near = difflib.get_close_matches(cpt, supported, n=1, cutoff=0.6)
    hint = f"; did you mean {near[0]}?" if near and cpt not in _SUCCESSORS else ""
    # Staff often look for the epidural policy under its post-2017 codes.
    esi = ("; note: 62311 was replaced by 62320-62323 in 2017 — the epidural steroid "
           "injection policy here is still filed under 62311")
    what = (f"no policy for CPT {cpt}" if re.fullmatch(r"\d{5}", cpt)
            else f"{cpt!r} is not a CPT code (five digits)")
    return f"{what}; supported: {listing}{hint}{esi}"


@cache
def load_policy(cpt: str) -> Policy:
    """The policy for ``cpt``; :class:`UnknownPolicy` names the supported ones."""
    cpt = cpt.strip()
    folder = LIBRARY_DIR / cpt
    if not re.fullmatch(r"\d{5}", cpt) or not (folder / "policy.txt").is_file():
        raise UnknownPolicy(unknown_cpt_message(cpt))
    source = _read_text(folder / "policy.txt")
    criteria_path = folder / "criteria.yaml"
    try:
        criteria = PolicyCriteria.model_validate(_load_yaml(criteria_path))
    except ValidationError as err:
        raise CriteriaError(_format_validation(criteria_path, err)) from None
    if criteria.policy.cpt != cpt:
        raise CriteriaError(f"{criteria_path}: policy.cpt is {criteria.policy.cpt}, expected {cpt}")
    facts = {**shared_facts(), **criteria.facts}
    digest = hashlib.sha256()
    for part in (folder / "policy.txt", criteria_path, LIBRARY_DIR / "facts.yaml"):
        digest.update(part.read_bytes())
        digest.update(b"\0")
    clauses = {c.id: c for c in segment(cpt, source)}
    policy = Policy(cpt, criteria.policy.procedure, source, clauses, criteria, facts,
                    digest.hexdigest(), folder)
    auth = criteria.authorization
    for key, clause, text in [(r.id, r.clauses[0], r.quote) for r in criteria.rules] + [
        ("authorization.valid", auth.valid_clause, auth.valid_quote),
        ("authorization.on_denial", auth.on_denial_clause, auth.on_denial_quote),
    ] + [(f"documentation.{d.id}", d.clause, d.quote) for d in criteria.documentation]:
        quote = policy.locate(clause, text)
        if quote is None:
            raise CriteriaError(
                f"{criteria_path}: {key}: quote is not verbatim text of clause {clause}: {text!r}")
        policy.quotes[key] = quote
    return policy


def all_policies() -> list[Policy]:
    return [load_policy(c) for c in supported_cpts()]

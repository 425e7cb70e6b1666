"""What gets indexed: policy clauses as records, plus the words that route a query.

Pure Python (no Chroma, no model) so it is cheap to import and easy to test.

The reference article (``policies/reference/``) is deliberately *not* part of the
corpus: it is background reading with factual errors, and leaving it out is the only
way to guarantee it is never returned as, or mistaken for, a policy clause. Every
record carries ``authority: policy`` and search filters on it, so reference material
added by some future path would still never come back as a clause.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from policies.errors import PriorAuthError
from policies.segment import Clause, segment

SCHEMA_VERSION = 3
"""Bump when the record layout or the embedded text changes: old indexes rebuild."""

SECTION_TITLES = {
    "overview": "Procedure overview",
    "coverage": "Coverage criteria",
    "necessity": "Medical necessity criteria",
    "exclusion": "Exclusion criteria",
    "documentation": "Documentation requirements",
    "authorization": "Authorization details",
}

_PROCEDURE_LINE = re.compile(r"^\s*Procedure(?: Name)?:\s*(?P<name>[^\n(]+)", re.M)
_DEFINED_ABBR = re.compile(
    r"\b(?P<long>[A-Za-z][A-Za-z\- ]{2,60}?)\s*\((?P<abbr>[A-Z][A-Za-z0-9]{1,6})s?\)")


@dataclass(frozen=True)
class PolicyDoc:
    """One policy as the index sees it."""

    cpt: str
    procedure: str
    source: str
    clauses: list[Clause]
    version: str
    aliases: tuple[str, ...] = ()
    """Words staff use for the procedure (criteria ``policy.aliases``)."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Abbreviations the policy text defines, e.g. ``{"esi": "epidural steroid injection"}``."""


@dataclass(frozen=True)
class Record:
    """One Chroma record: a clause, the text embedded for it, and its metadata."""

    id: str
    document: str
    metadata: dict[str, str | int]


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _digest(folder: Path, library_dir: Path) -> str:
    """Same recipe as ``policies.library.Policy.version`` (source, criteria, facts)."""
    digest = hashlib.sha256()
    for part in (folder / "policy.txt", folder / "criteria.yaml", library_dir / "facts.yaml"):
        digest.update(part.read_bytes() if part.is_file() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def defined_abbreviations(source: str) -> dict[str, str]:
    """``Long Name (ABBR)`` pairs in a text, where ABBR's letters start the long words."""
    out: dict[str, str] = {}
    for match in _DEFINED_ABBR.finditer(source):
        abbr = match.group("abbr")
        letters = [c for c in abbr.lower() if c.isalpha()]
        words = re.findall(r"[A-Za-z]+", match.group("long"))
        # Take the shortest tail of the words whose initials spell the abbreviation.
        for n in range(1, min(len(words), 6) + 1):
            tail = words[-n:]
            initials = "".join(w[0].lower() for w in tail)
            if initials == "".join(letters) or (n == 1 and tail[0].lower().startswith(
                    "".join(letters))):
                out.setdefault(abbr.lower(), " ".join(w.lower() for w in tail))
                break
    return out


def _fallback_procedure(source: str, cpt: str) -> str:
    match = _PROCEDURE_LINE.search(source)
    return match.group("name").strip() if match else f"CPT {cpt}"


def _criteria_header(folder: Path) -> dict:
    path = folder / "criteria.yaml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(_read(path)) or {}
    except (OSError, yaml.YAMLError):
        return {}
    header = data.get("policy") if isinstance(data, dict) else None
    return header if isinstance(header, dict) else {}


def load_policy_doc(folder: Path, library_dir: Path) -> PolicyDoc:
    """A policy folder (``<cpt>/policy.txt`` [+ ``criteria.yaml``]) as a :class:`PolicyDoc`.

    Retrieval only needs the verbatim text and its clauses, so a policy whose criteria
    file is missing or still being written is indexed all the same; its procedure name
    then comes from the policy's own ``Procedure:`` line.
    """
    cpt = folder.name
    source = _read(folder / "policy.txt")
    header = _criteria_header(folder)
    procedure = str(header.get("procedure") or _fallback_procedure(source, cpt))
    aliases = tuple(str(a) for a in header.get("aliases") or () if str(a).strip())
    return PolicyDoc(cpt=cpt, procedure=procedure, source=source,
                     clauses=segment(cpt, source), version=_digest(folder, library_dir),
                     aliases=aliases, abbreviations=defined_abbreviations(source))


def default_library_dir() -> Path:
    from policies.library import LIBRARY_DIR

    return LIBRARY_DIR


def load_corpus(library_dir: Path | None = None) -> list[PolicyDoc]:
    """Every policy under ``library_dir`` (default: the project's policy library)."""
    library_dir = Path(library_dir) if library_dir else default_library_dir()
    if not library_dir.is_dir():
        raise PriorAuthError(f"policy library {library_dir} does not exist")
    folders = sorted(p for p in library_dir.iterdir()
                     if re.fullmatch(r"\d{5}", p.name) and (p / "policy.txt").is_file())
    docs = []
    for folder in folders:
        try:
            docs.append(load_policy_doc(folder, library_dir))
        except (OSError, UnicodeDecodeError) as exc:
            raise PriorAuthError(f"cannot read policy {folder / 'policy.txt'}: {exc}") from None
    return docs


def library_fingerprint(docs: list[PolicyDoc]) -> str:
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    for doc in docs:
        digest.update(f"\0{doc.cpt}\0{doc.version}".encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------ records


def _ancestors(clause: Clause, by_id: dict[str, Clause]) -> list[Clause]:
    chain = []
    parent = clause.parent
    while parent and parent in by_id:
        chain.append(by_id[parent])
        parent = by_id[parent].parent
    return list(reversed(chain))


def _one_line(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def embedded_text(doc: PolicyDoc, clause: Clause, by_id: dict[str, Clause]) -> str:
    """What is embedded and BM25-indexed for a clause: its context, then its words.

    A bullet such as "Radiographs (X-rays)" means nothing alone, so the procedure,
    section, item title and the enclosing bullets are prepended.
    """
    parts = [doc.procedure, SECTION_TITLES.get(clause.section, clause.section), clause.title]
    for ancestor in _ancestors(clause, by_id):
        if ancestor.m is not None:  # the item itself is summarised by its title
            parts.append(_one_line(ancestor.text))
    parts.append(_one_line(clause.text))
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return " | ".join(seen)


def display_title(clause: Clause) -> str:
    """The clause's heading; a whole paragraph used as its own title is shortened."""
    title = clause.title.strip()
    if len(title) <= 80:
        return title
    return SECTION_TITLES.get(clause.section, clause.section)


def policy_records(doc: PolicyDoc) -> list[Record]:
    by_id = {c.id: c for c in doc.clauses}
    records = []
    for clause in doc.clauses:
        text = embedded_text(doc, clause, by_id)
        metadata: dict[str, str | int] = {
            "cpt": doc.cpt,
            "procedure": doc.procedure,
            "section": clause.section,
            "clause": clause.id,
            "title": display_title(clause),
            "start": clause.start,
            "end": clause.end,
            "policy_version": doc.version,
            "authority": "policy",
            "level": "item" if clause.m is None else "bullet",
        }
        key = "\0".join([str(SCHEMA_VERSION), text,
                         *(f"{k}={metadata[k]}" for k in sorted(metadata))])
        rid = f"{clause.id}#{hashlib.sha256(key.encode()).hexdigest()[:16]}"
        records.append(Record(rid, text, metadata))
    return records


def corpus_records(docs: list[PolicyDoc]) -> list[Record]:
    return [r for doc in docs for r in policy_records(doc)]

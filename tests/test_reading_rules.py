"""The reading rules as data (``policies/library/**/reading.yaml``) and their examples.

Every reading file validates; every fact a policy's rules use has reading rules; no
rule names a fact the library does not declare; and every ``examples:`` item is run:
the facts read from ``say`` must be exactly ``read`` (values compared after
:func:`policies.facts.parse_value`). An example the reader still gets wrong carries
``xfail: "why"`` and runs as a strict xfail, so it turns red the day it is fixed.
The reader's own code stays small: no function above complexity 15 (ruff's C901).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from agent.reading import understand
from agent.reading.rules import (
    ReadingFile,
    fact_specs,
    reading_file,
    reading_path,
    reading_rules,
    stated_facts,
)
from policies.facts import parse_value
from policies.library import load_policy, shared_facts, supported_cpts

AS_OF = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parent.parent
FILES: list[str | None] = [None, *supported_cpts()]
EXAMPLE_KEYS = {"say", "read", "pending", "as_of", "cpt", "xfail"}


def _name(cpt: str | None) -> str:
    return "shared" if cpt is None else cpt


@pytest.mark.parametrize("cpt", FILES, ids=_name)
def test_every_reading_file_validates_and_has_examples(cpt: str | None) -> None:
    path = reading_path(cpt)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    parsed = ReadingFile.model_validate(raw)
    assert parsed.facts, f"{path}: no facts"
    assert parsed.examples, f"{path}: no examples"
    for i, example in enumerate(parsed.examples):
        assert set(example) <= EXAMPLE_KEYS, f"{path} example {i}: {set(example) - EXAMPLE_KEYS}"
        assert isinstance(example.get("say"), str) and example["say"].strip(), (path, i)
        assert isinstance(example.get("read"), dict), (path, i)
        assert cpt is None or "cpt" not in example, f"{path} example {i}: cpt is implied"


@pytest.mark.parametrize("cpt", supported_cpts())
def test_every_fact_a_policy_uses_has_reading_rules(cpt: str) -> None:
    missing = stated_facts(cpt) - set(reading_rules(cpt))
    assert not missing, f"{cpt}: facts its rules use but no reading.yaml reads: {missing}"


@pytest.mark.parametrize("cpt", FILES, ids=_name)
def test_no_reading_rule_names_an_unknown_fact(cpt: str | None) -> None:
    # A policy's file holds its own facts, and may narrow a shared fact it uses (62311's
    # CT or MRI is of the spine, not of the abdomen).
    declared = set(shared_facts()) if cpt is None else set(load_policy(cpt).facts)
    everything = set(fact_specs(None)) | set(shared_facts())
    for cpt_ in supported_cpts():
        everything |= set(load_policy(cpt_).facts)
    rules = reading_file(cpt).facts
    assert set(rules) <= declared, f"{reading_path(cpt)}: undeclared {set(rules) - declared}"
    for name, rule in rules.items():
        named = set(rule.difference) | {f for imp in rule.implies for f in imp.then}
        assert named <= everything, f"{name}: names unknown facts {named - everything}"


@pytest.mark.parametrize("cpt", FILES, ids=_name)
def test_every_fact_has_at_least_two_examples_that_read_it(cpt: str | None) -> None:
    examples = reading_file(cpt).examples
    counts = {name: sum(name in ex.get("read", {}) for ex in examples)
              for name in reading_file(cpt).facts}
    few = {name: n for name, n in counts.items() if n < 2}
    assert not few, f"{reading_path(cpt)}: facts with fewer than 2 examples: {few}"


def _policy_for(cpt: str | None, example: dict[str, Any]) -> str:
    """A policy file's examples run under its policy; a shared one names ``cpt:`` or
    runs under the first policy whose rules use every fact it reads."""
    if cpt is not None:
        return cpt
    if "cpt" in example:
        return str(example["cpt"])
    wanted = set(example["read"])
    fits = [c for c in supported_cpts() if wanted and wanted <= stated_facts(c)]
    assert fits, f"example {example['say']!r} needs a cpt: (reads nothing, or no policy " \
                 f"uses all of {sorted(wanted)})"
    return fits[0]


def _norm(fact: str, value: object, as_of: date) -> object:
    return parse_value(fact, fact_specs(None)[fact], value, as_of)


def _examples() -> list[Any]:
    out = []
    for cpt in FILES:
        for i, example in enumerate(reading_file(cpt).examples):
            marks = [pytest.mark.xfail(strict=True, reason=str(example["xfail"]))] \
                if example.get("xfail") else []
            out.append(pytest.param(cpt, example, marks=marks,
                                    id=f"{_name(cpt)}-{i}-{str(example.get('say'))[:40]}"))
    return out


@pytest.mark.parametrize(("cpt", "example"), _examples())
def test_example_reads_exactly_what_it_says(cpt: str | None, example: dict[str, Any]) -> None:
    policy = _policy_for(cpt, example)
    as_of = date.fromisoformat(str(example["as_of"])) if "as_of" in example else AS_OF
    expected = {f: _norm(f, v, as_of) for f, v in example["read"].items()}
    assert set(expected) <= stated_facts(policy), \
        f"{policy} never reads {set(expected) - stated_facts(policy)}"
    got = understand(example["say"], cpt=policy, pending=list(example.get("pending", [])),
                     as_of=as_of)
    read = {r.fact: _norm(r.fact, r.value, as_of) for r in got.facts}
    assert read == expected, f"{example['say']!r} under {policy}; unread: {got.unread}"
    for r in got.facts:
        assert r.words in example["say"], r


def test_no_function_of_the_reader_exceeds_complexity_15() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "C901",
         "--config", "lint.mccabe.max-complexity = 15", "--output-format", "concise",
         "agent/reading"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

"""Requests the agent answers itself, found before the message is read for facts:
"what else do you need?" (the open questions) and "what does 97110 require?" (the
policy's criteria in plain words). Phrases are data: ``agent/intents.yaml``.

Independent of the reader (:mod:`agent.understand`): the graph's understand node
asks this module first and skips the reader when a request is found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

from policies.library import YAML_LOADER, load_policy, supported_cpts

PHRASES = Path(__file__).with_name("intents.yaml")
_LEAD = re.compile(r"^(ok(ay)?|so|and|then|thanks|great)[,\s]+")
_CASE_WORDS = {"", "it", "this", "this one", "that", "the case", "this case", "this procedure",
               "the procedure", "this policy", "the policy", "policy"}


class Intent(BaseModel):
    kind: Literal["open_questions", "requirements"]
    cpt: str | None = None
    """For ``requirements``: the procedure named, or None for the case in hand."""


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = yaml.load(PHRASES.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    open_q = [re.compile(p) for p in data["open_questions"]]
    req = [re.compile(p.replace("{procedure}", r"(?P<ref>[\w .,/-]{0,60}?)"))
           for p in data["requirements"]]
    return open_q, req


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-cased procedure names, aliases and codes → CPT."""
    names: dict[str, str] = {}
    for cpt in supported_cpts():
        policy = load_policy(cpt)
        for name in [cpt, f"cpt {cpt}", policy.procedure, *policy.criteria.policy.aliases]:
            names[name.lower()] = cpt
    return names


def _procedure(ref: str) -> str | None | Literal[False]:
    """The CPT ``ref`` names, None for the case in hand, False if it names neither."""
    ref = re.sub(r"\s+", " ", ref.strip(" .,")).lower()
    ref = re.sub(r"^(the|a|an) ", "", ref)
    if ref in _CASE_WORDS:
        return None
    names = _names()
    if ref in names:
        return names[ref]
    code = re.fullmatch(r"(cpt )?(\d{5})(, .*| \(.*\)| .*)?", ref)
    if code and code.group(2) in names:  # "97110, physical therapy", "97110 (PT)"
        return names[code.group(2)]
    for name, cpt in names.items():  # "physical therapy, 97110"
        if ref.startswith(name) and re.fullmatch(r"[\s,(]*(cpt )?\d{5}\)?", ref[len(name):]):
            return cpt
    return False


def detect(text: str) -> Intent | None:
    """The request ``text`` makes of the agent itself, if any."""
    plain = text.strip().lower().strip(" ?!.")
    plain = _LEAD.sub("", plain).strip(" ?!.")
    plain = re.sub(r"\s+", " ", plain)
    open_q, req = _patterns()
    if any(p.fullmatch(plain) for p in open_q):
        return Intent(kind="open_questions")
    for pattern in req:
        match = pattern.fullmatch(plain)
        if match:
            cpt = _procedure(match.group("ref") or "")
            if cpt is not False:
                return Intent(kind="requirements", cpt=cpt)
    return None

"""Requests the agent answers itself, found before the message is read for facts:
"what else do you need?" (the open questions), "what does 97110 require?" (the
policy's criteria in plain words), "why does it not qualify?" (the decision's reasons),
"is it approved?" (who decides), "what if PT was 10 weeks?" (the decision with a
change, nothing stored), "what have you recorded?" (the stored facts) and "undo that
last answer" / "the last note was another patient's" (its facts removed). Phrases are
data: ``agent/intents.yaml``.

Independent of the reader (:mod:`agent.understand`): the graph's understand node
asks this module first and skips the reader when a request is found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from policies.cachedir import fixed_patterns
from policies.datacache import load_yaml
from policies.library import load_policy, supported_cpts

PHRASES = Path(__file__).with_name("intents.yaml")
_LEAD = re.compile(r"^((ok(ay)?|so|and|then|thanks|great|well|u+m+|u+h+|h+m+|e+r+m*)[,\s]+)+")
_CASE_WORDS = {"", "it", "this", "this one", "that", "the case", "this case", "this procedure",
               "the procedure", "this policy", "the policy", "policy"}


class Intent(BaseModel):
    kind: Literal["open_questions", "requirements", "why", "approval", "what_if",
                  "forget_last", "undo_last", "recorded", "appeal", "documents", "what_changed",
                  "validity", "help", "filler", "clarify", "unknown_command", "procedure",
                  "qualify", "packet", "enter_value"]
    cpt: str | None = None
    """For ``requirements``: the procedure named, or None for the case in hand."""
    change: str | None = None
    """For ``what_if`` and ``enter_value``: the user's words for the change ("the PT was
    only 10 weeks", "moderate")."""


_PROCEDURE = r"(?P<ref>[\w .,/-]{0,60}?)"


@lru_cache(maxsize=1)
@fixed_patterns
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    data = load_yaml(PHRASES)
    return {kind: [re.compile(p.replace("{procedure}", _PROCEDURE)) for p in phrases]
            for kind, phrases in data.items()}


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
    patterns = _patterns()
    for kind in ("help", "filler", "clarify", "open_questions", "why", "approval", "forget_last",
                 "undo_last", "recorded", "appeal", "documents", "what_changed", "validity",
                 "procedure", "qualify", "packet"):
        if any(p.fullmatch(plain) for p in patterns[kind]):
            return Intent(kind=kind)
    if re.fullmatch(r"/[a-z][\w-]*", plain):  # "/foo": a chat app's command, none here
        return Intent(kind="unknown_command", change=text.strip())
    for pattern in patterns["requirements"]:
        match = pattern.fullmatch(plain)
        if match:
            cpt = _procedure(match.group("ref") or "")
            if cpt is not False:
                return Intent(kind="requirements", cpt=cpt)
    for pattern in patterns["enter_value"]:
        match = pattern.fullmatch(plain)
        if match:
            return Intent(kind="enter_value", change=_said(text, match["change"]))
    for pattern in patterns["what_if"]:
        match = pattern.fullmatch(plain)
        if match:
            return Intent(kind="what_if", change=_said(text, match["change"]))
    return None


def _said(text: str, lowered: str) -> str:
    """``lowered`` (found in the normalised message) in the user's own letters."""
    at = text.lower().find(lowered)
    return text[at:at + len(lowered)] if at >= 0 else lowered

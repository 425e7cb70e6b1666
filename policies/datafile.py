"""Read a user's YAML or JSON file safely: bounded, strict, and with one-line errors.

Used for facts files (``priorauth check --facts``) and scripted dialogues (``priorauth
eval``). A file comes from outside, so the reader refuses, before reading a byte, anything
that is not a regular file (``/dev/zero``, a FIFO, ``/dev/urandom`` would never end) or
is larger than :data:`MAX_BYTES`. Parsing is strict where PyYAML is lenient: a key given
twice is an error naming the key (YAML and JSON would silently keep the last value),
dates stay text so the fact parser can say what is wrong with ``2026-02-30``, JSON is
read as JSON (``1.4e1`` is the number 14), and anchors/aliases are refused (a facts file
needs none, and they let a small file expand enormously).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any, NoReturn

import yaml

from policies.errors import PriorAuthError

MAX_BYTES = 256_000
"""Largest facts file accepted (256 KB): a case is a few hundred bytes, a saved verdict
under 50 KB, and the slowest 256 KB YAML still parses in about a second."""
MAX_DEPTH = 32
"""Deepest nesting accepted; a facts file needs 3 levels (facts → fact → value/unit)."""


class DataFileError(PriorAuthError):
    """The file is unreadable or not a valid YAML/JSON document (message says why)."""


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key, line)
        self.key, self.line = key, line


class _Alias(Exception):
    pass


class _TooDeep(Exception):
    pass


class _NoDuplicates:
    """Constructor mixin: a mapping key given twice is an error, not "last one wins"."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            try:
                duplicate = key in seen
            except TypeError:  # unhashable: the base class reports it
                break
            if duplicate:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


# libyaml when PyYAML has it (about 8x faster on a large file), else the pure-Python parser.
class _StrictLoader(_NoDuplicates, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading without implicit timestamps, with YAML 1.2 exponent floats."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+$"),
    list("-+.0123456789"))


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key, 0)
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _where(path: str, option: str) -> str:
    return f"{option}: {path}" if option else str(path)


def read_bytes(path: str, option: str = "") -> bytes:
    """At most :data:`MAX_BYTES` of a regular file; anything else is refused unopened."""
    where = _where(path, option)
    accepted = f"accepted: a regular file of at most {MAX_BYTES:,} bytes"
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise DataFileError(f"{where}: no such file") from None
    except OSError as exc:
        raise DataFileError(f"{where}: cannot read ({exc.strerror or exc}); {accepted}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(f"{where}: is a folder; {accepted}")
    if not stat.S_ISREG(info.st_mode):  # a device, FIFO or socket may never end: not opened
        raise DataFileError(f"{where}: is not a regular file (a device, pipe or socket); "
                            f"{accepted}")
    if info.st_size > MAX_BYTES:
        raise DataFileError(f"{where}: is {info.st_size:,} bytes, too large; {accepted}")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, open must not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DataFileError(f"{where}: cannot read ({exc.strerror or exc}); {accepted}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise DataFileError(f"{where}: is not a regular file; {accepted}")
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DataFileError(f"{where}: is larger than {MAX_BYTES:,} bytes; {accepted}")
    return data


def _depth_ok(value: object, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before anything is built
    (the composer recurses once per level; the event stream does not)."""
    depth = 0
    for event in yaml.parse(text, Loader=_StrictLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _Alias
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _parse(text: str, as_json: bool) -> Any:
    if as_json:
        return json.loads(text, object_pairs_hook=_json_pairs, parse_constant=_no_constant)
    _check_events(text)
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def parse_text(text: str, where: str, *, suffix: str = "",
               accepted: str = "a YAML or JSON mapping of fact name to value") -> Any:
    """A YAML or JSON document; JSON when the name ends in ``.json`` or the text starts
    with ``{``/``[`` and parses as JSON (flow-style YAML falls back to YAML)."""
    looks_json = suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "[")
    attempts = [True, False] if looks_json and suffix.lower() != ".json" else [looks_json]
    for as_json in attempts:
        try:
            data = _parse(text, as_json)
        except _DuplicateKey as dup:
            line = f" (line {dup.line})" if dup.line else ""
            raise DataFileError(f"{where}: key {_short(dup.key)} appears more than once{line}; "
                                "accepted: each key once") from None
        except _Alias:
            raise DataFileError(f"{where}: YAML anchors and aliases (&name, *name) are not "
                                f"accepted; write each value out") from None
        except (RecursionError, _TooDeep):
            _too_deep(where)
        except (json.JSONDecodeError, yaml.YAMLError, ValueError, OverflowError):
            if as_json is attempts[-1]:
                raise DataFileError(f"{where}: not valid {'JSON' if as_json else 'YAML or JSON'}"
                                    f"; accepted: {accepted}") from None
            continue
        if not _depth_ok(data, MAX_DEPTH):
            _too_deep(where)
        return data
    raise AssertionError("unreachable")  # pragma: no cover


def _too_deep(where: str) -> NoReturn:
    raise DataFileError(f"{where}: nested more than {MAX_DEPTH} levels deep; accepted: at "
                        f"most {MAX_DEPTH} levels") from None


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def read_data_file(path: str, option: str = "", *,
                   accepted: str = "a YAML or JSON mapping of fact name to value") -> Any:
    """The parsed contents of a user's YAML/JSON file; messages start with ``option``
    (the flag, if any) and the path, and end with what is ``accepted``."""
    data = read_bytes(path, option)
    where = _where(path, option)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{where}: not UTF-8 text; accepted: a UTF-8 YAML or JSON "
                            "file") from None
    return parse_text(text, where, suffix=Path(path).suffix, accepted=accepted)

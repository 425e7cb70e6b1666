"""How well the offline reader reads staff text: the labelled corpus in evals/reader/.

    uv run python -m evals.bench_reader              # quality table (items and notes)
    uv run python -m evals.bench_reader --failures   # every miss and false fact, for debugging
    uv run python -m evals.bench_reader --speed      # time per note size (p50/p95)
    uv run python -m evals.bench_reader --json
    uv run python -m evals.bench_reader --heldout     # the blind set (fresh41): never tuned on
    uv run python -m evals.bench_reader --corpus fresh  # another held-out set under evals/reader/
    uv run python -m evals.bench_reader --cpt 64493   # one policy only (quicker while fixing)

Per kind of fact: facts stated, read right, missed, and false facts (read with a wrong
value, or read where the text settles nothing). Complete notes go through the agent
(as ``priorauth check --text`` does): each must reach its labelled decision with no
question asked.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from agent.reading import understand
from agent.reading.rules import fact_specs
from policies.errors import FactError
from policies.facts import parse_value

CORPUS = Path(__file__).parent / "reader"
ENTAILMENTS = CORPUS / "entailments.yaml"


@dataclass
class Item:
    id: str
    cpt: str
    as_of: date
    text: str
    expect: dict[str, Any]
    ask: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    decision: str | None = None


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _entailed(cpt: str, expect: dict[str, Any], ask: list[str]) -> dict[str, Any]:
    """``expect`` with the facts its labels settle by definition (entailments.yaml)."""
    out = dict(expect)
    specs = fact_specs(cpt)
    for rule in yaml.safe_load(ENTAILMENTS.read_text(encoding="utf-8")):
        if all(out.get(k, object()) == v for k, v in rule["if"].items()):
            out.update({k: v for k, v in rule["then"].items()
                        if k in specs and k not in out and k not in ask})
    return out


def load_items(root: Path = CORPUS) -> list[Item]:
    out = []
    for path in sorted((root / "items").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for raw in data["items"]:
            cpt, ask = str(data["cpt"]), list(raw.get("ask") or [])
            out.append(Item(raw["id"], cpt, _date(raw.get("as_of", data["as_of"])),
                            raw["text"], _entailed(cpt, raw.get("expect") or {}, ask), ask,
                            list(raw.get("pending") or [])))
    return out


def load_notes(root: Path = CORPUS) -> list[Item]:
    out = []
    for path in sorted((root / "notes").glob("*/*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        cpt = str(raw["cpt"])
        out.append(Item(raw["id"], cpt, _date(raw["as_of"]), raw["text"],
                        _entailed(cpt, raw.get("expect") or {}, []), decision=raw["decision"]))
    return out


def _value(item: Item, fact: str, raw: Any) -> Any:
    spec = fact_specs(item.cpt)[fact]
    try:
        value = parse_value(fact, spec, raw, item.as_of)
    except FactError:
        return ("invalid", raw)
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(sorted(value))
    return value


_DAYS = re.compile(r"\s*(\d+)\s*days?\s*", re.I)
_WEEKS = re.compile(r"\s*(\d+)\s*(?:weeks?|wks?)\s*", re.I)


def _same_week(read: Any, label: Any) -> bool:
    """A length read in exact days that falls in the whole week its label counts.

    Writers count whole weeks from a dated onset ("onset 01/10/2028", 183 days, is labelled
    "26 weeks"); the reader gives the exact days. Both say the same to every threshold the
    policies set in weeks (evals/reader/README.md, "Labels adjudicated across sets").
    """
    days = _DAYS.fullmatch(str(read))
    weeks = _WEEKS.fullmatch(str(label))
    return bool(days and weeks and int(days[1]) // 7 == int(weeks[1]))


@dataclass
class Tally:
    stated: int = 0
    right: int = 0
    missed: int = 0
    wrong: int = 0
    invented: int = 0

    @property
    def false(self) -> int:
        return self.wrong + self.invented


@dataclass
class Report:
    kinds: dict[str, Tally] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    def tally(self, kind: str) -> Tally:
        return self.kinds.setdefault(kind, Tally())


def score_item(item: Item, report: Report) -> None:
    specs = fact_specs(item.cpt)
    got = understand(item.text, cpt=item.cpt, pending=item.pending, as_of=item.as_of)
    read = {r.fact: r for r in got.facts}
    for fact, raw in item.expect.items():
        if fact not in specs:
            continue  # no rule of this policy reads it
        t = report.tally(specs[fact].type)
        t.stated += 1
        if fact not in read:
            t.missed += 1
            report.failures.append(f"MISSED  {item.id}: {fact}={raw!r}")
        elif _value(item, fact, read[fact].value) == _value(item, fact, raw):
            t.right += 1
        elif _same_week(read[fact].value, raw):
            t.right += 1
            report.failures.append(f"ROUNDED {item.id}: {fact}={read[fact].value!r}, "
                                   f"labelled {raw!r}")
        else:
            t.wrong += 1
            report.failures.append(f"WRONG   {item.id}: {fact}={read[fact].value!r} from "
                                   f"{read[fact].words!r}, expected {raw!r}")
    for fact, reading in read.items():
        if fact not in item.expect:
            # (a fact of another policy: the text was read as asking about that one)
            report.tally((specs.get(fact) or fact_specs(None)[fact]).type).invented += 1
            where = "ask" if fact in item.ask else "not stated"
            report.failures.append(f"FALSE   {item.id}: {fact}={reading.value!r} from "
                                   f"{reading.words!r} ({where})")


def _after_confirming(assistant: Any, item: Item, turn: Any, held: list[str]) -> str | None:
    """The decision once a user who knows the case answers the confirmations truly
    ("yes" to a right reading, "no" to a false one), in the order asked."""
    if not held:
        return None
    said = ", ".join("yes" if f in item.expect and _value(item, f, turn.facts[f]["value"])
                     == _value(item, f, item.expect[f]) else "no" for f in held)
    return assistant.send(item.id, said).decision


def score_note(item: Item, report: Report) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.config import Settings
    from agent.session import Assistant

    assistant = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(),
                          as_of=item.as_of)
    turn = assistant.send(item.id, item.text, cpt=item.cpt)
    questions = len(turn.pending)
    ok = turn.decision == item.decision and questions == 0
    # readings a denial would rest on, asked before the denial is given (agent/nodes.py)
    held = [q.fact for q in turn.structured.questions if q.type == "confirm"]
    report.notes.append({"id": item.id, "cpt": item.cpt, "expected": item.decision,
                         "decision": turn.decision, "questions": questions, "ok": ok,
                         "asked": list(turn.pending), "held": held,
                         "after": _after_confirming(assistant, item, turn, held)})
    if not ok:
        report.failures.append(f"NOTE    {item.id}: {turn.decision} with {questions} "
                               f"question(s) {turn.pending}, expected {item.decision}")


def run(root: Path = CORPUS, cpt: str | None = None) -> Report:
    report = Report()
    for item in load_items(root):
        if cpt in (None, item.cpt):
            score_item(item, report)
    for note in load_notes(root):
        if cpt not in (None, note.cpt):
            continue
        score_item(note, report)
        score_note(note, report)
    return report


def _table(report: Report) -> str:
    lines = ["| kind | stated | right | missed | false facts | recall |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    total = Tally()
    for kind in sorted(report.kinds):
        t = report.kinds[kind]
        for name in ("stated", "right", "missed", "wrong", "invented"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
        lines.append(f"| {kind} | {t.stated} | {t.right} | {t.missed} | {t.false} | "
                     f"{t.right / max(t.stated, 1):.3f} |")
    lines.append(f"| **all** | {total.stated} | {total.right} | {total.missed} | {total.false} | "
                 f"{total.right / max(total.stated, 1):.3f} |")
    ok = sum(n["ok"] for n in report.notes)
    held = [n for n in report.notes if n["held"]]
    lines += ["", f"Complete notes reaching their decision with no question: {ok} of "
              f"{len(report.notes)}",
              f"Notes whose denial waits for the user to confirm a reading: {len(held)}"
              + (" (" + ", ".join(f"{n['id']}: {n['after']} once answered truly"
                                  for n in held) + ")" if held else ""),
              "", "| note | expected | decision | questions |", "| --- | --- | --- | ---: |"]
    lines += [f"| {n['id']} | {n['expected']} | {n['decision']} | {n['questions']} |"
              for n in report.notes]
    return "\n".join(lines)


def speed(repeat: int = 20) -> str:
    """Milliseconds to read notes of growing size (the corpus's notes, repeated), warm:
    each text is read once before it is timed (the goal is a warm reader's; the first
    read of a text also compiles the patterns of the phrases it holds). Wall time, as
    the goal is set, and CPU time, which the other processes on a shared machine
    disturb less."""
    notes = load_notes()
    text = "\n\n".join(n.text for n in notes)
    understand("warm up", cpt="64493", pending=[], as_of=date(2026, 11, 1))
    lines = [f"load average {os.getloadavg()[0]:.1f} at the start", "",
             "| size | runs | p50 ms | p95 ms | CPU p50 ms |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    for size in (500, 2_000, 10_000, 30_000):
        chunk = (text * (size // len(text) + 1))[:size]
        understand(chunk, cpt="64493", pending=[], as_of=date(2026, 11, 1))
        runs = repeat if size <= 10_000 else 3
        times, cpu = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            understand(chunk, cpt="64493", pending=[], as_of=date(2026, 11, 1))
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        lines.append(f"| {size:,} B | {runs} | {statistics.median(times):.1f} | {p95:.1f} | "
                     f"{statistics.median(cpu):.1f} |")
    return "\n".join(lines)


def show(part: str) -> int:
    for item in load_items() + load_notes():
        if part in item.id:
            got = understand(item.text, cpt=item.cpt, pending=item.pending, as_of=item.as_of)
            print(f"== {item.id} ({item.cpt}, pending {item.pending})\n{item.text}")
            print(f"   expect: {item.expect}  ask: {item.ask}")
            print(f"   read:   {[(r.fact, r.value, r.words) for r in got.facts]}")
            print(f"   unread: {got.unread}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", metavar="ID", help="print the items whose id contains ID")
    parser.add_argument("--heldout", action="store_true",
                        help="measure the held-out set (evals/reader/fresh41) instead")
    parser.add_argument("--corpus", metavar="NAME",
                        help="measure the set in evals/reader/NAME (same layout) instead")
    parser.add_argument("--cpt", help="measure only this policy's items and notes (quicker)")
    args = parser.parse_args(argv)
    if args.speed:
        print(speed())
        return 0
    if args.show:
        return show(args.show)
    root = CORPUS / (args.corpus or ("fresh41" if args.heldout else "."))
    if not (root / "items").is_dir():
        print(f"no corpus at {root}: expected items/<cpt>/*.yaml there", file=sys.stderr)
        return 2
    report = run(root, args.cpt)
    if args.json:
        json.dump({"kinds": {k: vars(v) for k, v in report.kinds.items()},
                   "notes": report.notes}, sys.stdout, indent=1)
        return 0
    if args.failures:
        print("\n".join(report.failures))
    print(_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

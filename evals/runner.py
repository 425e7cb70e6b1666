"""Run scripted dialogue files (docs/contract.md §5) through the agent and report.

Each dialogue runs on its own thread with an in-memory checkpointer, offline unless
told otherwise, so dialogues are independent and can run in parallel.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from policies.datafile import read_data_file
from policies.errors import PriorAuthError
from policies.facts import AS_OF_ACCEPTED, EARLIEST, LATEST

SUITE_DIR = Path(__file__).parent / "dialogues"


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: str | None = None
    missing: list[str] | None = None
    cited: list[str] | None = None
    reply_contains: list[str] | None = None
    max_questions: int | None = None


class DialogueTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user: str
    expect: Expect = Field(default_factory=Expect)


class Dialogue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    description: str = ""
    as_of: date
    turns: list[DialogueTurn] = Field(min_length=1)
    final: Expect = Field(default_factory=Expect)


class Failure(BaseModel):
    turn: int | Literal["final"]
    check: str
    expected: Any
    actual: Any


class DialogueResult(BaseModel):
    id: str
    cpt: str | None
    passed: bool
    final_decision: str | None
    turns: int
    questions: int
    seconds_per_turn: list[float]
    failures: list[Failure]
    min_questions: int | None = None
    """The fewest questions a perfect interviewer needs (evals/min_questions.py)."""
    interviews: int = Field(default=1, exclude=True)
    """Procedures interviewed about in turn (2 after a switch)."""
    llm_calls: int = 0
    tokens: int | None = None
    runs: int = 1
    runs_passed: int = 1
    transcript: list[dict[str, str]] = Field(default_factory=list, exclude=True)
    cited: list[str] = Field(default_factory=list, exclude=True)
    expected_cited: list[str] = Field(default_factory=list, exclude=True)
    expected_decision: str | None = Field(default=None, exclude=True)
    max_questions: int | None = Field(default=None, exclude=True)
    description: str = Field(default="", exclude=True)
    as_of: str = Field(default="", exclude=True)
    path: str = Field(default="", exclude=True)


class Report(BaseModel):
    passed: int
    failed: int
    dialogues: list[DialogueResult]
    seconds: float = Field(default=0.0, exclude=True)
    """Wall time of the whole run."""
    repeat: int = Field(default=1, exclude=True)
    mode: str = Field(default="offline", exclude=True)

    @property
    def pass_k(self) -> float:
        """Share of dialogues that passed in every one of the ``repeat`` runs."""
        return self.passed / max(1, len(self.dialogues))


def load_dialogue(path: Path) -> Dialogue:
    """A dialogue file, read bounded and strict (policies/datafile.py, docs/input.md)."""
    data = read_data_file(str(path), accepted="a YAML dialogue (docs/contract.md §5)")
    try:
        dialogue = Dialogue.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PriorAuthError(f"{path}: {where}: {first['msg']}") from None
    if not EARLIEST <= dialogue.as_of <= LATEST:
        raise PriorAuthError(f"{path}: as_of: {dialogue.as_of} is out of range; accepted: "
                             f"{AS_OF_ACCEPTED}")
    return dialogue


def find_dialogues(paths: list[str]) -> list[Path]:
    """YAML files named, or found under the directories named (default: the suite)."""
    roots = [Path(p) for p in paths] or [SUITE_DIR]
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(root.rglob("*.yaml"))
        elif root.exists():  # a device or FIFO is refused by load_dialogue, unopened
            found.append(root)
        else:
            raise PriorAuthError(f"{root}: no such file or directory; give dialogue YAML "
                                 "files or folders of them")
    return found


def _covers(expected: str, actual: list[str]) -> bool:
    return any(a == expected or a.startswith(expected + ".") for a in actual)


def _check(expect: Expect, turn: Any, where: int | Literal["final"],
           questions: int) -> list[Failure]:
    out: list[Failure] = []
    verdict = turn.verdict or {}
    if expect.decision is not None and turn.decision != expect.decision:
        out.append(Failure(turn=where, check="decision", expected=expect.decision,
                           actual=turn.decision))
    if expect.cited is not None:
        cited = verdict.get("cited", [])
        lacking = [c for c in expect.cited if not _covers(c, cited)]
        if lacking:
            out.append(Failure(turn=where, check="cited", expected=expect.cited, actual=cited))
    if expect.missing is not None:
        clauses = [c for m in verdict.get("missing", []) for c in m["clauses"]]
        lacking = [c for c in expect.missing if not _covers(c, clauses)]
        if lacking:
            out.append(Failure(turn=where, check="missing", expected=expect.missing,
                               actual=clauses))
    if expect.reply_contains is not None:
        lacking = [s for s in expect.reply_contains if s.lower() not in turn.reply.lower()]
        if lacking:
            out.append(Failure(turn=where, check="reply_contains", expected=lacking,
                               actual=turn.reply[:400]))
    if expect.max_questions is not None and questions > expect.max_questions:
        out.append(Failure(turn=where, check="max_questions", expected=expect.max_questions,
                           actual=questions))
    return out


def run_dialogue(dialogue: Dialogue, *, settings: Any = None, path: str = "") -> DialogueResult:
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.config import Settings
    from agent.session import Assistant

    assistant = Assistant(settings or Settings(understanding="offline"),
                          checkpointer=InMemorySaver(), as_of=dialogue.as_of)
    from evals.min_questions import checker_facts, perfect_interviewer

    failures: list[Failure] = []
    seconds: list[float] = []
    facts_by_turn: list[tuple[str | None, dict[str, Any]]] = []
    turn = None
    for i, step in enumerate(dialogue.turns, 1):
        turn = assistant.send(dialogue.id, step.user)
        seconds.append(round(turn.seconds, 4))
        facts_by_turn.append((turn.cpt, checker_facts(turn.cpt, turn.facts)))
        failures += _check(step.expect, turn, i, len(turn.asked))
    assert turn is not None
    failures += _check(dialogue.final, turn, "final", len(turn.asked))
    # One stretch of turns per procedure (a switch starts a new interview); the
    # minimum is the sum over the stretches.
    minimum = None
    stretches: list[list[tuple[str | None, dict[str, Any]]]] = []
    for cpt, facts in facts_by_turn:
        if stretches and stretches[-1][0][0] == cpt:
            stretches[-1].append((cpt, facts))
        else:
            stretches.append([(cpt, facts)])
    for stretch in stretches:
        cpt = stretch[0][0]
        if cpt is not None:
            minimum = (minimum or 0) + perfect_interviewer(cpt, stretch[0][1], stretch[-1][1],
                                                           dialogue.as_of)
    tokens = getattr(turn, "tokens", None)
    return DialogueResult(
        id=dialogue.id, cpt=turn.cpt, passed=not failures, final_decision=turn.decision,
        turns=len(dialogue.turns), questions=len(turn.asked), seconds_per_turn=seconds,
        failures=failures, min_questions=minimum, llm_calls=turn.llm_calls,
        interviews=max(1, sum(1 for stretch in stretches if stretch[0][0] is not None)),
        tokens=tokens if isinstance(tokens, int) else None,
        transcript=assistant.history(dialogue.id),
        cited=(turn.verdict or {}).get("cited", []),
        expected_cited=dialogue.final.cited or [], expected_decision=dialogue.final.decision,
        max_questions=dialogue.final.max_questions, description=dialogue.description,
        as_of=dialogue.as_of.isoformat(), path=path)


def _merge_runs(runs: list[DialogueResult]) -> DialogueResult:
    """One row for K runs of a dialogue: passed only if every run passed (pass^k)."""
    first = runs[0]
    failed = [r for r in runs if not r.passed]
    shown = failed[0] if failed else first
    return shown.model_copy(update={
        "passed": not failed, "runs": len(runs), "runs_passed": len(runs) - len(failed),
        "llm_calls": sum(r.llm_calls for r in runs),
        "tokens": (sum(r.tokens for r in runs if r.tokens is not None)
                   if any(r.tokens is not None for r in runs) else None),
        "failures": [f for r in failed for f in r.failures]})


def run_suite(paths: list[str], *, settings: Any = None, workers: int = 4,
              repeat: int = 1) -> Report:
    """Run every dialogue ``repeat`` times, ``workers`` at a time (threads).

    Each run has its own assistant and in-memory checkpointer, so runs share nothing
    but the read-only policy library and caches. ``llm_calls`` and ``tokens`` are
    summed over the runs; a dialogue passes only if all its runs pass.
    """
    if repeat < 1:
        raise PriorAuthError("--repeat must be 1 or more")
    files = find_dialogues(paths)
    dialogues = [(load_dialogue(p), str(p)) for p in files]
    seen: dict[str, str] = {}
    for d, p in dialogues:
        if d.id in seen:
            raise PriorAuthError(f"{p}: dialogue id {d.id!r} is also used by {seen[d.id]}")
        seen[d.id] = p
    start = time.perf_counter()
    jobs = [dp for dp in dialogues for _ in range(repeat)]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        flat = list(pool.map(lambda dp: run_dialogue(dp[0], settings=settings, path=dp[1]),
                             jobs))
    results = [_merge_runs(flat[i * repeat:(i + 1) * repeat]) for i in range(len(dialogues))]
    passed = sum(r.passed for r in results)
    mode = getattr(settings, "mode", "offline") if settings is not None else "offline"
    return Report(passed=passed, failed=len(results) - passed, dialogues=results,
                  seconds=round(time.perf_counter() - start, 3), repeat=repeat, mode=mode)


def render_table(report: Report) -> str:
    lines = [f"{'dialogue':<44} {'cpt':<6} {'result':<6} {'decision':<15} {'q/min':>6} "
             f"{'ms/turn':>8}"]
    for r in report.dialogues:
        ms = 1000 * sum(r.seconds_per_turn) / max(1, len(r.seconds_per_turn))
        result = "pass" if r.passed else "FAIL"
        if r.runs > 1:
            result = f"{r.runs_passed}/{r.runs}"
        qmin = f"{r.questions}/{'-' if r.min_questions is None else r.min_questions}"
        lines.append(f"{r.id[:44]:<44} {r.cpt or '-':<6} {result:<6} "
                     f"{r.final_decision or '-':<15} {qmin:>6} {ms:>8.1f}")
        for f in r.failures:
            lines.append(f"    turn {f.turn}: {f.check}: expected {f.expected!r}, "
                         f"got {str(f.actual)[:120]!r}")
    summary = f"{report.passed} passed, {report.failed} failed"
    if report.repeat > 1:
        summary += (f"; pass^{report.repeat} = {report.pass_k:.2f}; model calls "
                    f"{sum(r.llm_calls for r in report.dialogues)}")
    lines.append(f"{summary} ({len(report.dialogues)} dialogues in {report.seconds:.1f} s)")
    return "\n".join(lines)

"""The fewest questions a perfect interviewer needs for a scripted dialogue.

Definition (docs/evals.md): after the user's first message about the dialogue's final
procedure, the criteria checker lists the facts that can still change the decision,
most decisive first. A perfect interviewer asks them one at a time in that order,
re-running the checker after every answer, and stops as soon as nothing is missing.
The answers are the ones the dialogue's user gives by its end (a fact the user says
they do not know counts as asked and answered "not sure"); if the interviewer reaches
a fact the dialogue never answers, that question is counted and the count stops
there, since the script ends with it open. After a switch of procedure the count
starts again for the new policy, and the minimum is the sum. A dialogue's
``final.max_questions`` is that minimum plus ``MARGIN`` per procedure: the assistant
asks up to three questions a turn, so on the last turn about a procedure it may ask
two more than a one-at-a-time interviewer would have.

    uv run python -m evals.min_questions [PATH ...]          # table
    uv run python -m evals.min_questions --write [PATH ...]  # set final.max_questions
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

MARGIN = 2


def perfect_interviewer(cpt: str, first: dict[str, Any], final: dict[str, Any],
                        as_of: date) -> int:
    """Questions asked one at a time, most decisive first, answered from ``final``."""
    from policies.checker import check
    from policies.library import load_policy

    policy = load_policy(cpt)
    known = dict(first)
    asked: set[str] = set()
    while True:
        verdict = check(policy, known, as_of, ignore_unknown=True)
        todo = [m.fact for m in verdict.missing
                if m.fact not in asked and not m.answered_unsure]
        if not todo:
            return len(asked)
        fact = todo[0]
        asked.add(fact)
        if fact not in final:
            return len(asked)
        known[fact] = final[fact]


def checker_facts(cpt: str | None, facts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The facts the agent gives the checker (stated or confirmed, of this policy)."""
    if cpt is None:
        return {}
    from policies.library import load_policy

    specs = load_policy(cpt).facts
    return {name: entry["value"] for name, entry in facts.items()
            if name in specs and entry.get("origin") != "inferred"}


_FINAL_MAX = re.compile(r"^(final:\n(?:[ \t]+.*\n)*?[ \t]+max_questions:[ \t]*)(\d+)", re.M)
_FINAL = re.compile(r"^final:[ \t]*\n", re.M)


def write_max_questions(path: Path, value: int) -> None:
    """Set ``final.max_questions`` in place, keeping the file's comments and layout."""
    text = path.read_text(encoding="utf-8")
    if _FINAL_MAX.search(text):
        text = _FINAL_MAX.sub(lambda m: f"{m.group(1)}{value}", text, count=1)
    elif _FINAL.search(text):
        text = _FINAL.sub(lambda m: f"{m.group(0)}  max_questions: {value}\n", text, count=1)
    else:
        text = text.rstrip("\n") + f"\nfinal:\n  max_questions: {value}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from evals.runner import find_dialogues, load_dialogue, run_dialogue

    parser = argparse.ArgumentParser(prog="python -m evals.min_questions",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--write", action="store_true",
                        help="set final.max_questions to minimum + margin in each file")
    args = parser.parse_args(argv)
    print(f"{'dialogue':<48} {'min':>4} {'asked':>5} {'ceiling':>7}")
    for path in find_dialogues(args.paths):
        dialogue = load_dialogue(path)
        result = run_dialogue(dialogue, path=str(path))
        minimum = result.min_questions or 0
        ceiling = dialogue.final.max_questions
        flag = "" if ceiling is None or result.questions <= ceiling else "  over"
        print(f"{dialogue.id[:48]:<48} {minimum:>4} {result.questions:>5} "
              f"{'-' if ceiling is None else ceiling:>7}{flag}")
        if args.write:
            write_max_questions(path, minimum + MARGIN * result.interviews)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The eval runner and report: failures are caught, the JSON keeps the contract's
shape (docs/contract.md §5) and the HTML report shows every dialogue with its transcript."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from evals.min_questions import perfect_interviewer, write_max_questions
from evals.report import citation_scores, render_html, write_html
from evals.runner import find_dialogues, load_dialogue, run_suite
from policies.errors import PriorAuthError
from priorauth.cli import main

INFECTION = ("Does this case qualify for 64493? 61 yo F, low back pain for 20 weeks. "
             "Currently being treated for osteomyelitis.")


def _write(folder: Path, ident: str, turns: list[dict], final: dict | None = None) -> Path:
    data = {"id": ident, "description": f"synthetic {ident}", "as_of": "2026-11-23",
            "turns": turns}
    if final is not None:
        data["final"] = final
    path = folder / f"{ident}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.fixture()
def suite(tmp_path: Path) -> Path:
    """Three small dialogues: one right, one with a wrong expected decision, one with a
    citation the verdict does not make, one over its question ceiling."""
    _write(tmp_path, "right", [{"user": INFECTION, "expect": {"decision": "does_not_meet"}}],
           {"decision": "does_not_meet", "cited": ["64493.exclusion.1"], "max_questions": 2})
    _write(tmp_path, "wrong-decision", [{"user": INFECTION}], {"decision": "meets_criteria"})
    _write(tmp_path, "missing-citation", [{"user": INFECTION}],
           {"cited": ["64493.exclusion.2"]})
    _write(tmp_path, "too-many-questions",
           [{"user": "does this case qualify for 64493? low back pain for 20 weeks"}],
           {"decision": "needs_info", "max_questions": 1})
    return tmp_path


def _by_id(report) -> dict:
    return {r.id: r for r in report.dialogues}


def test_runner_catches_wrong_decision_missing_citation_and_too_many_questions(
        suite: Path) -> None:
    report = run_suite([str(suite)], workers=2)
    rows = _by_id(report)
    assert report.passed == 1 and report.failed == 3
    assert rows["right"].passed and rows["right"].failures == []
    checks = {ident: [(f.turn, f.check) for f in rows[ident].failures]
              for ident in ("wrong-decision", "missing-citation", "too-many-questions")}
    assert checks["wrong-decision"] == [("final", "decision")]
    assert checks["missing-citation"] == [("final", "cited")]
    assert checks["too-many-questions"] == [("final", "max_questions")]
    assert rows["too-many-questions"].questions == 3
    wrong = rows["wrong-decision"].failures[0]
    assert (wrong.expected, wrong.actual) == ("meets_criteria", "does_not_meet")


def test_turn_expectations_are_checked_per_turn(tmp_path: Path) -> None:
    _write(tmp_path, "per-turn", [
        {"user": INFECTION, "expect": {"decision": "needs_info"}},
        {"user": "sorry, no infection after all", "expect": {"reply_contains": ["zebra"]}}])
    row = run_suite([str(tmp_path)], workers=1).dialogues[0]
    assert [(f.turn, f.check) for f in row.failures] == [(1, "decision"),
                                                          (2, "reply_contains")]


def test_eval_json_has_the_contract_shape(suite: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["eval", str(suite), "--json", "--workers", "2"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # a failing dialogue fails the build
    assert set(out) == {"passed", "failed", "dialogues"}
    assert (out["passed"], out["failed"]) == (1, 3)
    for row in out["dialogues"]:
        for key, kind in {"id": str, "cpt": (str, type(None)), "passed": bool,
                          "final_decision": (str, type(None)), "turns": int,
                          "questions": int, "seconds_per_turn": list, "failures": list}.items():
            assert isinstance(row[key], kind), key
        assert len(row["seconds_per_turn"]) == row["turns"]
        assert all(isinstance(s, float) for s in row["seconds_per_turn"])
        for failure in row["failures"]:
            assert set(failure) == {"turn", "check", "expected", "actual"}
            assert failure["turn"] == "final" or isinstance(failure["turn"], int)
    wrong = next(r for r in out["dialogues"] if r["id"] == "wrong-decision")
    assert wrong["failures"] == [{"turn": "final", "check": "decision",
                                  "expected": "meets_criteria", "actual": "does_not_meet"}]


def test_eval_exits_zero_when_all_pass(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _write(tmp_path, "ok", [{"user": INFECTION}], {"decision": "does_not_meet"})
    assert main(["eval", str(tmp_path)]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out


def test_html_report_has_every_dialogue_and_its_transcript(suite: Path,
                                                           tmp_path: Path) -> None:
    report = run_suite([str(suite)], workers=2)
    page = tmp_path / "out" / "report.html"
    write_html(report, page)
    text = page.read_text()
    assert text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    assert "<script" not in text and not re.search(r"(src|href)=['\"]?https?:", text)
    for row in report.dialogues:
        assert f"id='d-{row.id}'" in text
    assert "Currently being treated for osteomyelitis." in text  # the user's words
    assert "Does not meet the criteria" in text  # the assistant's reply (shared Markdown)
    assert "citation recall" in text and "Per policy" in text


def test_html_escapes_what_the_user_typed(tmp_path: Path) -> None:
    _write(tmp_path, "xss", [{"user": "<script>alert(1)</script> qualify for 64493?"}])
    text = render_html(run_suite([str(tmp_path)], workers=1))
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text


def test_citation_scores_count_bullets_as_their_parent(suite: Path) -> None:
    row = _by_id(run_suite([str(suite / "right.yaml")], workers=1))["right"]
    found, expected, relevant, cited = citation_scores(row)
    assert (found, expected) == (1, 1)
    assert 1 <= relevant <= cited


def test_repeat_reports_pass_k_and_sums_runs(suite: Path) -> None:
    report = run_suite([str(suite / "right.yaml"), str(suite / "wrong-decision.yaml")],
                       workers=2, repeat=2)
    rows = _by_id(report)
    assert rows["right"].runs == 2 and rows["right"].runs_passed == 2
    assert rows["wrong-decision"].runs_passed == 0
    assert report.pass_k == 0.5


def test_duplicate_ids_and_bad_files_are_one_line_errors(tmp_path: Path) -> None:
    _write(tmp_path, "a", [{"user": "hi"}])
    (tmp_path / "b.yaml").write_text((tmp_path / "a.yaml").read_text())
    with pytest.raises(PriorAuthError, match="also used by"):
        run_suite([str(tmp_path)])
    (tmp_path / "c.yaml").write_text("id: c\nas_of: 2026-11-23\nturns: []\n")
    with pytest.raises(PriorAuthError, match="turns"):
        load_dialogue(tmp_path / "c.yaml")


def test_minimum_questions_is_one_at_a_time_and_stops_when_settled() -> None:
    from datetime import date

    as_of = date(2026, 11, 23)
    # Every remaining fact answered: the count is at most the facts still missing.
    assert perfect_interviewer("64493", {"active_infection": True}, {}, as_of) == 0
    # The first question's answer (an infection) settles the case: one question.
    first = {"symptom_weeks": 20, "pain_region": "low_back"}
    assert perfect_interviewer("64493", first, {**first, "active_infection": True},
                               as_of) <= 3


def test_write_max_questions_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "w", [{"user": "x"}], {"decision": "needs_info", "max_questions": 9})
    path.write_text("# a comment\n" + path.read_text())
    write_max_questions(path, 4)
    text = path.read_text()
    assert text.startswith("# a comment") and "max_questions: 4" in text
    assert yaml.safe_load(text)["final"] == {"decision": "needs_info", "max_questions": 4}


def test_the_suite_covers_every_policy_and_decision() -> None:
    cells = set()
    for path in find_dialogues([]):
        dialogue = load_dialogue(path)
        if dialogue.final.decision:
            cells.add((path.parent.name, dialogue.final.decision))
        assert dialogue.final.decision is None or dialogue.final.max_questions is not None, \
            f"{path}: final.max_questions missing"
    for cpt in ("64493", "62311", "97110", "71250"):
        for decision in ("meets_criteria", "does_not_meet", "needs_info", "needs_review"):
            assert (cpt, decision) in cells, (cpt, decision)
    assert len(find_dialogues([])) >= 60

"""The priorauth command line, run as a user runs it: a subprocess, exit codes, output."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "64493-short-therapy.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "priorauth.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_check_json_prints_the_contract_verdict() -> None:
    result = run("check", "--cpt", "64493", "--facts", str(EXAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    for key in ("cpt", "procedure", "policy_version", "as_of", "decision", "criteria",
                "missing", "cited", "notes", "next_steps", "valid_until"):
        assert key in verdict
    assert verdict["decision"] == "does_not_meet"
    assert verdict["as_of"] == "2026-11-23"  # taken from the facts file
    assert "64493.coverage.1" in verdict["cited"]
    change = verdict["to_qualify"]["changes"][0]
    assert change["change"].startswith("4 more weeks of physical therapy")


def test_check_human_output_names_decision_quote_and_next_step() -> None:
    result = run("check", "--cpt", "64493", "--facts", str(EXAMPLE))
    assert result.returncode == 0
    assert "Decision: Does not meet the criteria" in result.stdout
    assert '"The patient must have completed at least 12 weeks of physical therapy"' in \
        result.stdout
    assert "peer-to-peer" in result.stdout


def test_as_of_flag_overrides_the_file(tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text("ct_mri_date: 2026-05-22\n")
    early = json.loads(run("check", "--cpt", "64493", "--facts", str(facts), "--as-of",
                           "2026-11-01", "--json").stdout)
    late = json.loads(run("check", "--cpt", "64493", "--facts", str(facts), "--as-of",
                          "2026-11-23", "--json").stdout)
    status = {v["as_of"]: next(c["status"] for c in v["criteria"] if c["rule"] ==
                               "ct-mri-6-months") for v in (early, late)}
    assert status == {"2026-11-01": "met", "2026-11-23": "not_met"}


@pytest.mark.parametrize(("args", "content", "message"), [
    (["--cpt", "99999"], "pt_weeks: 4", "no policy for CPT 99999; supported: 62311"),
    (["--cpt", "62322"], "pt_weeks: 4", "62311 was replaced by 62320-62323 in 2017"),
    (["--cpt", "64439"], "pt_weeks: 4", "did you mean 64493?"),
    (["--cpt", "64493"], "pain_nrs: 14", "pain_nrs: 14 points is out of range"),
    (["--cpt", "64493"], "pt_weeks: -3 weeks", "pt_weeks: -3 weeks is out of range"),
    (["--cpt", "64493"], "xray_date: 2030-01-01", "is after the as-of date"),
    (["--cpt", "64493"], "xray_date: yesterday-ish", "is not a date"),
    (["--cpt", "64493"], "pt_wekes: 4", "unknown fact 'pt_wekes' for CPT 64493; did you "
                                       "mean pt_weeks?"),
    (["--cpt", "64493"], "[1, 2", "not valid YAML or JSON"),
    (["--cpt", "64493"], "- a list", "expected a mapping of fact name to value"),
    (["--cpt", "64493", "--as-of", "23/11/2026"], "pt_weeks: 4", "--as-of: '23/11/2026' is "
                                                                 "not a date"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], content: str,
                                          message: str) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(content)
    result = run("check", *args, "--facts", str(facts))
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_facts_file_is_one_line() -> None:
    result = run("check", "--cpt", "64493", "--facts", "/nonexistent/case.yaml")
    assert result.returncode == 2
    assert result.stderr.strip() == "priorauth: error: --facts: /nonexistent/case.yaml: " \
                                    "no such file"


def test_policies_list_and_show() -> None:
    listing = run("policies", "list")
    assert listing.returncode == 0
    for cpt in ("71250", "97110", "64493", "62311"):
        assert cpt in listing.stdout
    shown = json.loads(run("policies", "show", "64493", "--json").stdout)
    first = next(c for c in shown if c["clause"] == "64493.coverage.1")
    assert "pt-12-weeks" in first["rules"]


def test_policies_lint_passes_on_the_library() -> None:
    result = run("policies", "lint")
    assert result.returncode == 0, result.stdout
    from policies.library import supported_cpts

    assert result.stdout.count(": ok") == len(supported_cpts()) >= 4


def test_a_saved_verdict_can_be_rechecked_and_names_a_policy_change(tmp_path: Path) -> None:
    first = run("check", "--cpt", "64493", "--facts", str(EXAMPLE), "--json")
    saved = json.loads(first.stdout)
    path = tmp_path / "verdict.json"
    path.write_text(json.dumps(saved))
    same = run("check", "--cpt", "64493", "--facts", str(path), "--json")
    assert json.loads(same.stdout) == saved and same.stderr == ""
    saved["policy_version"] = "0" * 64
    path.write_text(json.dumps(saved))
    changed = run("check", "--cpt", "64493", "--facts", str(path), "--json")
    assert "the policy changed since this verdict was made" in changed.stderr
    assert json.loads(changed.stdout)["decision"] == saved["decision"]


def imported_by(argv: list[str], modules: tuple[str, ...],
                data_dir: Path) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run one ``priorauth`` command in a fresh interpreter; return the run and which of
    ``modules`` it imported (a start-up goal: a command loads only what it uses)."""
    code = ("import sys\nfrom priorauth.cli import main\n"
            f"code = main({argv!r})\n"
            f"print([m for m in {modules!r} if m in sys.modules], file=sys.stderr)\n"
            "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PRIORAUTH_DATA_DIR": str(data_dir)},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done, ast.literal_eval(done.stderr.strip().splitlines()[-1])


def test_check_facts_starts_without_the_reader(tmp_path: Path) -> None:
    """A case given as facts reads no text: neither the reader (its rules, context and
    patterns) nor LangGraph is imported for it."""
    done, heavy = imported_by(["check", "--cpt", "64493", "--facts", str(EXAMPLE)],
                              ("agent.reading", "langgraph", "langchain_core", "chromadb"),
                              tmp_path)
    assert heavy == []
    assert "Decision: Does not meet the criteria" in done.stdout


@pytest.mark.parametrize(("setting", "searched"), [(None, False), ("__all__", False),
                                                  ("some_plugin", True)])
def test_pydantic_searches_for_plugins_only_when_they_are_not_all_disabled(
        tmp_path: Path, setting: str | None, searched: bool) -> None:
    """Pydantic's plugin search imports importlib.metadata (~30 ms of a start); the command
    line disables every plugin unless told otherwise, and then skips the search too."""
    code = ("import sys\nfrom priorauth.cli import main\n"
            f"code = main(['check', '--cpt', '64493', '--facts', {str(EXAMPLE)!r}])\n"
            "loader = sys.modules['pydantic.plugin._loader']\n"
            "print('importlib.metadata' in sys.modules, hasattr(loader, 'entry_points'), "
            "file=sys.stderr)\nsys.exit(code)\n")
    env = {**os.environ, "PRIORAUTH_DATA_DIR": str(tmp_path)}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == f"{searched} {searched}"
    assert "Decision: Does not meet the criteria" in done.stdout


@pytest.mark.parametrize(("call", "frozen"), [("main()", True), ("main(sys.argv[1:])", False)])
def test_a_command_line_process_skips_its_last_garbage_collection(
        tmp_path: Path, call: str, frozen: bool) -> None:
    """The process's objects are frozen out of the collector's reach when main() ends the
    process (its last collection went over all of them, none garbage); a caller that
    passes its own arguments (a test, a script) keeps its collector as it was. The
    verdict is recorded in the audit trail either way."""
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print(gc.get_freeze_count() > 0, file=sys.stderr))\n"
            f"from priorauth.cli import main\nsys.exit({call})\n")
    args = ["check", "--cpt", "64493", "--facts", str(EXAMPLE), "--as-of", "2026-11-23"]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PRIORAUTH_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == str(frozen)
    assert "Decision: Does not meet the criteria" in done.stdout
    import sqlite3

    with sqlite3.connect(tmp_path / "conversations.sqlite") as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert any(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)


def test_check_text_reads_the_case_with_the_agent() -> None:
    result = run("check", "--cpt", "64493", "--text",
                 "low back pain for 5 months, PT x 4 wks, pain 7/10", "--as-of", "2026-11-23",
                 "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["decision"] == "does_not_meet"
    assert verdict["facts"]["pt_weeks"] == 4.0 and verdict["facts"]["pain_nrs"] == 7.0


def test_an_internal_error_is_one_line_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture) -> None:
    from priorauth import cli

    def boom(args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "cmd_policies_list", boom)
    monkeypatch.delenv("PRIORAUTH_DEBUG", raising=False)
    assert cli.main(["policies", "list"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("priorauth: internal error (RuntimeError: disk on fire); set "
                           "PRIORAUTH_DEBUG=1 to see the details")


def test_chat_survives_a_failing_turn(tmp_path: Path) -> None:
    script = ("import sys\nfrom agent.session import Assistant\n"
              "def broken(self, *a, **k): raise RuntimeError('boom')\n"
              "Assistant.send = broken\n"
              "from priorauth.cli import main\n"
              "sys.exit(main(['chat', '--as-of', '2026-11-23']))\n")
    result = subprocess.run([sys.executable, "-c", script], input="hello\nagain\n",
                            capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={**os.environ, "PRIORAUTH_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("could not be processed (RuntimeError)") == 2
    assert "Traceback" not in result.stderr

"""Policy-change impact: `recheck` after a threshold changes, and the reopened-case notice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from agent.audit import AuditLog
from agent.config import Settings
from agent.recheck import recheck_rows, stale_notice
from policies import library
from policies.checker import check
from policies.library import load_policy

ROOT = Path(__file__).parent.parent
AS_OF = date(2026, 11, 23)
COMPLETE_64493 = {
    "pt_weeks": 14, "pt_exercise_weeks": 6, "pt_manual_weeks": 4, "pt_education_weeks": 4,
    "symptom_weeks": 20, "pain_region": "low_back", "hp_date": "2026-09-01",
    "xray_date": "2026-03-01", "ct_mri_date": "2026-08-20", "nerve_block_date": "2026-10-01",
    "pt_notes_documented": True, "medication_list_documented": True,
    "modalities_documented": True, "pain_nrs": 7, "decreased_rom": True,
    "impaired_balance_gait": True, "failed_conservative": True,
    "medication_courses_failed": 1, "pt_courses_failed": 2, "active_infection": False,
    "pregnancy": "not_pregnant", "severe_comorbidities": [], "cosmetic_purpose": False,
    "pcp_consult_documented": True, "specialist_consult_documented": True,
}
CASES = {  # thread → (cpt, facts)
    "pt-13-weeks": ("64493", {**COMPLETE_64493, "pt_weeks": 13}),
    "pt-14-weeks": ("64493", COMPLETE_64493),
    "pt-4-weeks": ("64493", {**COMPLETE_64493, "pt_weeks": 4}),
    "pt-13-infection": ("64493", {**COMPLETE_64493, "pt_weeks": 13, "active_infection": True}),
    "pt-13-sparse": ("64493", {"pt_weeks": 13}),
    "physio": ("97110", {"pain_nrs": 2}),
}


@pytest.fixture
def saved(tmp_path: Path) -> Settings:
    """Each case decided and recorded under the policies as shipped."""
    settings = Settings(data_dir=tmp_path / "data", database_url="")
    log = AuditLog(settings)
    early = check(load_policy("64493"), {"pt_weeks": 13}, AS_OF).model_dump(mode="json")
    log.record(early, source="chat", thread="pt-14-weeks")  # superseded by its latest verdict
    log.record(early, source="check")  # no thread: a one-off check, not a saved case
    for thread, (cpt, facts) in CASES.items():
        verdict = check(load_policy(cpt), facts, AS_OF)
        log.record(verdict.model_dump(mode="json"), source="chat", thread=thread)
    log.close()
    return settings


@pytest.fixture
def stricter_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the library where 64493 asks for 14 weeks of physical therapy, not 12."""
    copy = tmp_path / "library"
    shutil.copytree(library.LIBRARY_DIR, copy)
    criteria = copy / "64493" / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8")
    assert text.count("require: {fact: pt_weeks, gte: 12}") == 1
    criteria.write_text(text.replace("require: {fact: pt_weeks, gte: 12}",
                                     "require: {fact: pt_weeks, gte: 14}"), encoding="utf-8")
    monkeypatch.setattr(library, "LIBRARY_DIR", copy)
    library.load_policy.cache_clear()
    library.shared_facts.cache_clear()
    yield copy
    library.load_policy.cache_clear()
    library.shared_facts.cache_clear()


def test_unchanged_policies_change_no_decision(saved: Settings) -> None:
    log = AuditLog(saved)
    results = recheck_rows(log.latest_cases())
    log.close()
    assert sorted(r.thread for r in results) == sorted(CASES)
    assert not [r for r in results if r.changed or r.policy_changed or r.moved]


def test_a_changed_threshold_reports_exactly_the_affected_cases(
        saved: Settings, stricter_library: Path) -> None:
    log = AuditLog(saved)
    results = {r.thread: r for r in recheck_rows(log.latest_cases())}
    log.close()
    changed = {t: (r.old_decision, r.new_decision) for t, r in results.items() if r.changed}
    assert changed == {"pt-13-weeks": ("meets_criteria", "does_not_meet"),
                       "pt-13-sparse": ("needs_info", "does_not_meet")}
    moved = results["pt-13-weeks"].moved
    assert [(m.clause, m.before, m.after) for m in moved] == \
        [("64493.coverage.1", "met", "not_met")]
    # Every 64493 case was decided under the old version; the 97110 one was not.
    assert {t for t, r in results.items() if r.policy_changed} == \
        {t for t, (cpt, _) in CASES.items() if cpt == "64493"}
    # Already failing for another reason: the threshold moves a criterion, not the decision.
    assert not results["pt-13-infection"].changed
    assert [m.clause for m in results["pt-13-infection"].moved] == ["64493.coverage.1"]


def test_a_reopened_case_says_it_was_decided_under_an_older_version(
        stricter_library: Path) -> None:
    library.LIBRARY_DIR = ROOT / "policies" / "library"  # decide under the shipped policy
    library.load_policy.cache_clear()
    library.shared_facts.cache_clear()
    old = check(load_policy("64493"), CASES["pt-13-weeks"][1], AS_OF).model_dump(mode="json")
    library.LIBRARY_DIR = stricter_library
    library.load_policy.cache_clear()
    library.shared_facts.cache_clear()
    notice = stale_notice(old)
    assert notice is not None
    assert "older version of the CPT 64493 policy" in notice
    assert "meets_criteria then" in notice and "would now be does_not_meet" in notice
    assert "64493.coverage.1" in notice
    current = check(load_policy("64493"), CASES["pt-13-weeks"][1], AS_OF)
    assert stale_notice(current.model_dump(mode="json")) is None


def test_recheck_command_prints_a_table_and_json(saved: Settings) -> None:
    env = {**os.environ, "PRIORAUTH_DATA_DIR": str(saved.data_dir),
           "PRIORAUTH_DATABASE_URL": ""}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "priorauth.cli", "recheck", *args],
                              cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)

    table = run()
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith("6 saved case(s) re-checked; 0 decision(s) would change")
    report = json.loads(run("--cpt", "97110", "--json", "--all").stdout)
    assert report["checked"] == 1 and report["cases"][0]["thread"] == "physio"
    bad = run("--cpt", "12345")
    assert bad.returncode == 2 and "no policy for CPT 12345" in bad.stderr


def test_reopening_a_chat_decided_under_an_older_policy_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        request: pytest.FixtureRequest) -> None:
    from agent.session import Assistant
    from priorauth import cli

    settings = Settings(data_dir=tmp_path / "chat", database_url="", understanding="offline")
    bot = Assistant(settings, as_of=AS_OF)
    try:
        assert bot.send("old-case", "Does this case qualify for 64493? PT x 13 wks").decision \
            == "needs_info"
    finally:
        bot.close()
    request.getfixturevalue("stricter_library")
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "chat"))
    monkeypatch.setenv("PRIORAUTH_DATABASE_URL", "")

    def leave(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", leave)
    assert cli.main(["chat", "--thread", "old-case"]) == 0
    shown = capsys.readouterr().out
    assert "decided on 2026-11-23 under an older version of the CPT 64493 policy" in shown
    assert "needs_info then" in shown and "would now be does_not_meet" in shown

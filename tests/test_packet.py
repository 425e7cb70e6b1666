"""The submission packet: contents for each decision on each policy, and the command."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from policies.checker import check
from policies.library import load_policy, supported_cpts
from policies.packet import Packet, build_packet, render_html, render_markdown

ROOT = Path(__file__).parent.parent
DECISIONS = ("meets_criteria", "does_not_meet", "needs_info", "needs_review")


def _first_case(cpt: str, decision: str) -> dict:
    cases = yaml.safe_load((ROOT / "tests" / "cases" / f"{cpt}.yaml").read_text())
    return next(c for c in cases if c["decision"] == decision)


def _packet(cpt: str, decision: str) -> tuple[Packet, object]:
    policy = load_policy(cpt)
    case = _first_case(cpt, decision)
    verdict = check(policy, case.get("facts") or {}, date.fromisoformat(str(case["as_of"])))
    assert verdict.decision == decision
    return build_packet(policy, verdict, reference="CASE-7"), verdict


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("decision", DECISIONS)
@pytest.mark.parametrize("cpt", supported_cpts())
def test_packet_contents_for_each_decision(cpt: str, decision: str) -> None:
    policy = load_policy(cpt)
    packet, verdict = _packet(cpt, decision)
    auth = policy.criteria.authorization
    assert packet.reference == "CASE-7" and packet.cpt == cpt
    assert packet.policy_version == policy.version and packet.as_of == verdict.as_of
    assert packet.ready_to_submit is (decision == "meets_criteria")
    # Every criterion, with its status and a verbatim quote at its span.
    assert [(c.clause, c.status) for c in packet.criteria] == \
        [(c.clause, c.status) for c in verdict.criteria]
    sources = [c.source for c in packet.criteria] + [d.source for d in packet.documentation] \
        + [packet.appeal.source] + ([packet.authorization.source] if packet.authorization else [])
    for source in sources:
        assert policy.source[source.span[0]:source.span[1]] == source.quote
    # The documentation checklist the policy requires, with what the case says about each.
    assert [d.id for d in packet.documentation] == [d.id for d in policy.criteria.documentation]
    statuses = {c.rule: c.status for c in verdict.criteria}
    for line, doc in zip(packet.documentation, policy.criteria.documentation, strict=True):
        mine = {statuses[r] for r in doc.rules}
        assert (line.status == "on_file") == (mine <= {"met", "not_applicable"})
        assert (line.status == "missing") == ("not_met" in mine)
    # The appeal route as the policy states it, with its deadline.
    assert packet.appeal.route == auth.on_denial
    assert packet.appeal.deadline_days == auth.on_denial_deadline_days
    if decision == "meets_criteria":
        assert packet.authorization is not None
        assert packet.authorization.days == auth.valid_days
        assert packet.authorization.end == verdict.as_of + timedelta(days=auth.valid_days)
        assert packet.open_items == [] and packet.reasons == []
    else:
        assert packet.authorization is None
    if decision == "does_not_meet":
        failing = [c.clause for c in verdict.criteria if c.status == "not_met"]
        assert [c.clause for c in packet.reasons] == failing and failing
    if decision == "needs_info":
        assert [o.text for o in packet.open_items if o.kind == "question"] == \
            [m.question + (" (answered: not sure)" if m.answered_unsure else "")
             for m in verdict.missing]
    if decision == "needs_review":
        review = [c.clause for c in verdict.criteria if c.status == "review"]
        assert [o.clauses[0] for o in packet.open_items if o.kind == "review"] == review
    markdown = render_markdown(packet)
    page = render_html(packet)
    ready_words = "READY TO SUBMIT" if packet.ready_to_submit else "NOT READY TO SUBMIT"
    assert f"**{ready_words}**" in markdown and f">{ready_words} — " in page
    for item in packet.open_items:
        assert item.text in markdown
    if decision == "does_not_meet":
        deadline = (f"within {auth.on_denial_deadline_days} days" if
                    auth.on_denial_deadline_days else "the policy sets no deadline")
        assert deadline in markdown and deadline in page


def test_packet_page_is_self_contained_and_escapes_the_users_words() -> None:
    policy = load_policy("64493")
    verdict = check(policy, {"pt_weeks": 4}, date(2026, 11, 23))
    facts = {"pt_weeks": {"value": 4.0, "origin": "stated",
                          "words": "PT <b>4 wks</b> & <script>alert(1)</script>"}}
    page = render_html(build_packet(policy, verdict, facts))
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags
    assert "src=" not in page and "http" not in page.split("</style>", 1)[0]
    assert "PT <b>4 wks</b> & <script>alert(1)</script>" in "".join(parser.text)
    assert "stated by the user" in page


def test_evidence_keeps_origin_and_marks_unconfirmed_readings_unused() -> None:
    policy = load_policy("64493")
    verdict = check(policy, {"pt_weeks": 14}, date(2026, 11, 23))
    facts = {"pt_weeks": {"value": 14.0, "origin": "confirmed", "words": "PT since August"},
             "pain_nrs": {"value": 7.0, "origin": "inferred", "words": "hurts a lot"}}
    packet = build_packet(policy, verdict, facts)
    rows = {e.fact: e for e in packet.evidence}
    assert rows["pt_weeks"].used and rows["pt_weeks"].words == "PT since August"
    assert "confirmed" in rows["pt_weeks"].origin_words
    assert not rows["pain_nrs"].used and "not confirmed" in rows["pain_nrs"].origin_words


def _run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "priorauth.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PRIORAUTH_DATA_DIR": str(data)})


def test_packet_command_writes_html_markdown_and_json(tmp_path: Path) -> None:
    result = _run("packet", "--cpt", "64493", "--facts", "examples/64493-short-therapy.yaml",
                  "--ref", "MRN-0042", "--out", str(tmp_path / "out"), data=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert [Path(n).suffix for n in written] == [".html", ".json", ".md"]
    packet = Packet.model_validate_json(next((tmp_path / "out").glob("*.json")).read_text())
    assert packet.reference == "MRN-0042" and packet.decision == "does_not_meet"
    assert not packet.ready_to_submit
    words = {e.fact: e.words for e in packet.evidence}
    assert words["pt_weeks"] == "8 weeks"  # as written in the file
    html = next((tmp_path / "out").glob("*.html")).read_text()
    assert "peer-to-peer review" in html and "MRN-0042" in html


@pytest.mark.parametrize(("args", "says"), [
    (("packet", "--cpt", "64493"), "--thread ID or as --cpt CPT --facts FILE"),
    (("packet", "--facts", "examples/64493-complete.yaml"), "--facts needs --cpt"),
    (("packet", "--cpt", "99999", "--facts", "examples/64493-complete.yaml"),
     "no policy for CPT 99999"),
    (("packet", "--thread", "nope"), "no saved case with a verdict on thread 'nope'"),
])
def test_packet_bad_input_is_one_line_exit_2(tmp_path: Path, args: tuple, says: str) -> None:
    result = _run(*args, data=tmp_path)
    assert result.returncode == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_packet_of_a_saved_conversation_shows_the_users_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.config import Settings
    from agent.session import Assistant
    from priorauth import cli

    settings = Settings(data_dir=tmp_path / "data", database_url="", understanding="offline")
    bot = Assistant(settings, as_of=date(2026, 11, 23))
    try:
        bot.send("chat-7", "Does this case qualify for 64493? PT x 4 wks, pain 7/10")
    finally:
        bot.close()
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIORAUTH_DATABASE_URL", "")
    assert cli.main(["packet", "--thread", "chat-7", "--out", str(tmp_path / "out")]) == 0
    packet = Packet.model_validate_json(
        (tmp_path / "out" / "packet-64493-2026-11-23.json").read_text())
    assert packet.reference == "chat-7" and packet.decision == "does_not_meet"
    rows = {e.fact: e for e in packet.evidence}
    assert rows["pt_weeks"].origin == "stated" and "4 wks" in rows["pt_weeks"].words
    assert rows["pain_nrs"].value == "7 points"
    # Another policy date re-checks the same facts on that day.
    assert cli.main(["packet", "--thread", "chat-7", "--as-of", "2026-12-01",
                     "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "packet-64493-2026-12-01.html").is_file()

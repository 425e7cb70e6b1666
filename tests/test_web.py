"""The web app's adapter code without a browser: cards, answers, passwords, storage."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.reply import verdict_reply
from agent.session import Assistant
from policies.errors import PriorAuthError
from priorauth import web  # imports chainlit: fails loudly if it is missing
from priorauth import web_view as view
from priorauth.cli_ui import hash_password, parse_users, verify_password


@pytest.fixture(scope="module")
def finished_turn():
    bot = Assistant(checkpointer=InMemorySaver(), as_of=date(2026, 11, 23))
    bot.send("t", "Does this case qualify for 64493?")
    bot.send("t", "Low back, 14 weeks, 8 weeks")
    bot.send("t", "Symptoms for 20 weeks. Manual therapy 4 weeks, pain education 4 weeks. "
                  "Pain 7/10, decreased ROM, impaired gait. H&P on 2026-09-01, x-ray on "
                  "2026-03-01, MRI on 2026-08-20, nerve block on 2026-10-01. PT notes and "
                  "medication list are documented. Failed conservative treatment, 2 failed "
                  "PT courses, 1 failed medication course, no active infection, not pregnant, "
                  "no severe comorbidities, not cosmetic, PCP and specialist consults "
                  "documented.")
    return bot.send("t", "yes")


def test_compose_answer_keeps_picks_with_typed_text():
    pending = ["pain_nrs", "decreased_rom", "impaired_balance_gait"]
    picked = {"decreased_rom": "yes", "impaired_balance_gait": "no"}
    assert view.compose_answer(pending, picked, "7") == "7; yes; no"
    assert view.compose_answer(pending, {}, "7, yes, no") == "7, yes, no"
    # "not sure" / "none" typed with picks made: it answers every question left.
    assert view.compose_answer(pending, {"pain_nrs": "7"}, "not sure") == \
        "7; not sure; not sure"
    # Typed dates keep their slashes (split on ";" first), one per open slot.
    dates = ["h_and_p_date", "mri_date", "xray_date"]
    assert view.compose_answer(dates, {"h_and_p_date": "2026-10-01"},
                               "09/02/2026; 08/20/2026") == \
        "2026-10-01; 09/02/2026; 08/20/2026"
    # Typed text that does not fit the open slots goes as typed ...
    one = {"impaired_balance_gait": "no"}
    assert view.compose_answer(pending, one, "pain 7 and also stiff, really") == \
        "pain 7 and also stiff, really"
    # ... and the picks it did not store are kept for when they are asked again.
    assert view.picks_still_open(picked, {"decreased_rom": {"value": True}}) == \
        {"impaired_balance_gait": "no"}


def test_form_answers_read_among_others():
    assert view.form_answer("date", "08/20/2026") == "2026-08-20"
    assert view.form_answer("date", "Never") == "never"
    assert view.form_answer("number", "7/10") == "7"
    assert view.form_answer("number", "3 months") == "3 months"
    assert view.form_answer("set", "Diabetes + COPD") == "Diabetes + COPD"
    assert view.form_answer("choice", "a; b") == "a  b"


def test_question_form_has_a_control_per_question(finished_turn):
    questions = [
        {"fact": "pain_region", "type": "choice", "question": "Where is the pain?",
         "choices": {"low_back": "Low back", "neck": "Neck"}, "clauses": ["64493.coverage.2.1"]},
        {"fact": "pt_weeks", "type": "number", "unit": "weeks", "question": "PT weeks?",
         "clauses": ["64493.coverage.1"]},
        {"fact": "severe_comorbidities", "type": "set", "question": "Comorbidities?",
         "choices": {"diabetes": "Diabetes", "copd": "COPD", "esrd": "End-stage renal disease"}},
        {"fact": "pain_nrs", "type": "confirm"},
    ]
    props = view.form_props(questions, {"pain_nrs": {"value": 7}}, {"pt_weeks": "14"})
    rows = props["questions"]
    assert [r["number"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["choices"] == [["low_back", "Low back"], ["neck", "Neck"]]
    assert rows[1]["unit"] == "weeks"
    assert [label for _, label in rows[2]["choices"]] == ["Diabetes", "COPD",
                                                          "End-stage renal disease"]
    assert rows[3]["question"].startswith("I read ") and "7" in rows[3]["question"]
    assert props["picked"] == {"pt_weeks": "14"} and props["state"] == "open"


def test_verdict_card_banner_blocking_first_and_window(finished_turn):
    verdict = finished_turn.verdict
    assert verdict["decision"] == "meets_criteria"
    card = view.card_props(verdict_reply(verdict))
    assert card["banner"] == "Meets the criteria" and card["tone"] == "met"
    assert card["blocking"] == [] and len(card["settled"]) == card["total"]
    assert card["valid_until"] == "2027-02-21" and card["next_steps"]
    assert {r["clause"] for r in card["settled"]} >= {"64493.coverage.1"}
    failed = {**verdict, "decision": "does_not_meet", "criteria": [
        {**verdict["criteria"][0], "status": "unknown", "facts": ["mri_date"]},
        {**verdict["criteria"][1], "status": "review"},
        {**verdict["criteria"][2], "status": "not_met"},
        *verdict["criteria"][3:]],
        "missing": [{"fact": "mri_date", "question": "When was the MRI?",
                     "clauses": [verdict["criteria"][0]["clause"]]}]}
    card = view.card_props(verdict_reply(failed))
    assert card["banner"] == "Does not meet the criteria"
    assert [r["status"] for r in card["blocking"]] == ["not_met", "review", "unknown"]
    assert card["blocking"][2]["question"] == "When was the MRI?"
    words = {view.card_props(verdict_reply({**verdict, "decision": d}))["banner"] for d in
             ("meets_criteria", "does_not_meet", "needs_review", "needs_info")}
    assert words == {"Meets the criteria", "Does not meet the criteria",
                     "Needs clinical review", "Needs information"}
    assert not any(w in str(card) for w in ("Success", "Warning", "meets_criteria"))


def test_web_words_come_from_the_structured_reply_not_the_text(finished_turn):
    # The Markdown text may say anything; the web shows the reply's data.
    turn = replace(finished_turn, reply="**garbled** text the web must not parse")
    words = view.reply_words(turn.structured, card=False, form=False)
    assert "garbled" not in words and "Meets the criteria" in words
    assert view.card_props(turn.structured)["banner"] == "Meets the criteria"


def test_a_final_needs_info_card_lists_the_open_questions_and_why_none_is_asked():
    verdict = verdict_reply({**_NEEDS_INFO})
    card = view.card_props(verdict)
    assert card["explanation"].startswith("I have nothing new to ask")
    assert [b["question"] for b in card["blocking"]] == ["Does the patient have an active "
                                                          "infection?"]


_NEEDS_INFO = {
    "cpt": "64493", "procedure": "Facet Joint Injection", "policy_version": "x" * 64,
    "as_of": "2026-11-23", "decision": "needs_info", "valid_until": None,
    "criteria": [{"clause": "64493.exclusion.1", "title": "Active Infections",
                  "status": "unknown", "reason": "Active infection: not sure",
                  "facts": ["active_infection"], "quote": "Active Infections",
                  "quote_span": [0, 17], "rule": "active-infection",
                  "clauses": ["64493.exclusion.1"]}],
    "missing": [{"fact": "active_infection", "type": "boolean",
                 "question": "Does the patient have an active infection?",
                 "clauses": ["64493.exclusion.1"], "answered_unsure": True}],
    "cited": [], "notes": [], "next_steps": [], "to_qualify": None, "facts": {}}


def test_summary_and_clause_panel(finished_turn):
    summary = view.summary_markdown(finished_turn.structured, finished_turn.facts,
                                    "case 4471")
    assert summary.startswith("# Prior-authorization criteria check: Facet Joint Injection")
    assert "- **Case:** case 4471" in summary
    assert "not an approval or a denial" in summary
    assert "| met | 64493.coverage.1 |" in summary
    panel = view.clause_markdown("64493", "64493.coverage.1")
    assert "section **coverage**" in panel
    assert "The patient must have completed at least 12 weeks of physical therapy" in panel
    assert view.clause_markdown("64493", "64493.nope.9") is None
    facts = view.facts_markdown(finished_turn.facts)
    assert "Physical therapy" in facts and "correction" in facts


def test_user_words_never_render_links_or_images():
    evil = "![x](http://evil.example/p.png) [click](http://evil.example) <img src=x> " \
           "<http://evil.example>\n[ref]: http://evil.example"
    for text in (view.neutralize(f'I could not read "{evil}"'), view.escape_markdown(evil)):
        assert "](" not in text.replace("]\\(", "")
        assert "<img" not in text.replace("\\<img", "")
        assert "<http" not in text.replace("\\<http", "")
    facts = view.facts_markdown({"pt_weeks": {"value": 4, "words": evil, "origin": "stated"}})
    assert "](http" not in facts.replace("\\]\\(", "")


def test_case_reference_title_and_file_names(finished_turn):
    assert view.split_case_reference("case 4471: does this qualify for 64493?") == \
        ("4471", "does this qualify for 64493?")
    assert view.split_case_reference("Case #A-17, 64493 please") == ("A-17", "64493 please")
    assert view.split_case_reference("case of low back pain: 64493?")[0] == ""
    assert view.new_case_request("new patient: does this qualify for 97110?") == \
        (True, "does this qualify for 97110?")
    assert view.new_case_request("start over") == (True, "")
    assert view.new_case_request("pain is 7/10")[0] is False
    verdict, facts = finished_turn.verdict, finished_turn.facts
    assert view.case_title(verdict, "64493", facts, "4471") == "Case 4471 · 64493"
    title = view.case_title(verdict, "64493", facts)
    assert title.startswith("64493 · ") and len(title) < 80
    assert view.case_title(verdict, "64493", {}) == "64493 · Facet Joint Injection"
    assert view.file_stem("64493", "4471", "abcdef123456", "20261123-101500") == \
        "verdict-64493-4471-20261123-101500"
    assert view.file_stem("64493", "", "abcdef123456", "20261123-101500") == \
        "verdict-64493-abcdef12-20261123-101500"


def test_unique_conversation_names(tmp_path):
    from chainlit.user import User

    layer = web.DataLayer(f"sqlite+aiosqlite:///{tmp_path / 'web.sqlite'}")

    async def run():
        user = await layer.create_user(User(identifier="alice", metadata={}))
        names = []
        for thread in ("t1", "t2", "t3"):
            name = await layer.unique_name("alice", thread, "64493 · Low back")
            await layer.update_thread(thread, name=name, user_id=user.id)
            names.append(name)
        again = await layer.unique_name("alice", "t1", "64493 · Low back")
        await layer.engine.dispose()
        return names, again

    names, again = asyncio.run(run())
    assert names == ["64493 · Low back", "64493 · Low back (2)", "64493 · Low back (3)"]
    assert again == "64493 · Low back"  # a conversation keeps its own name


def test_picker_dates():
    # Chainlit's date picker sends the local midnight of the picked day in UTC.
    assert view.parse_picker_date("2026-11-22T23:00:00.000Z") == date(2026, 11, 23)  # UTC+1
    assert view.parse_picker_date("2026-11-23T05:00:00.000Z") == date(2026, 11, 23)  # UTC-5
    assert view.parse_picker_date("2026-11-23") == date(2026, 11, 23)
    # With the browser's zone (public/timezone.js), every offset: UTC+14 and UTC-10 send
    # the same instant for different days, so only the zone tells them apart.
    assert view.parse_picker_date("2026-11-22T10:00:00.000Z", "Pacific/Kiritimati") == \
        date(2026, 11, 23)
    assert view.parse_picker_date("2026-11-22T10:00:00.000Z", "Pacific/Honolulu") == \
        date(2026, 11, 22)
    assert view.parse_picker_date("2026-11-23T12:00:00.000Z", "Etc/GMT+12") == \
        date(2026, 11, 23)
    assert view.parse_picker_date("2026-11-23T11:00:00.000Z", "Pacific/Pago_Pago") == \
        date(2026, 11, 23)
    assert view.parse_picker_date("2026-03-29T23:00:00.000Z", "Europe/London") == \
        date(2026, 3, 30)  # the first midnight of summer time
    assert view.parse_picker_date("2026-11-23T00:00:00") == date(2026, 11, 23)
    assert view.parse_picker_date("2026-11-22T23:00:00.000Z", "Not/AZone") == \
        date(2026, 11, 23)  # an unknown zone: the ±12 h reading
    assert view.picker_value(date(2026, 11, 23)) == "2026-11-23T00:00:00"
    assert view.parse_picker_date("11/23/2026") == date(2026, 11, 23)
    assert view.parse_picker_date("soon") is None


def test_passwords_and_users():
    hashed = hash_password("s3cret", iterations=1000)
    assert verify_password("s3cret", hashed) and not verify_password("nope", hashed)
    import bcrypt

    b = bcrypt.hashpw(b"pw", bcrypt.gensalt(rounds=4)).decode()
    assert verify_password("pw", b) and not verify_password("px", b)
    assert not verify_password("pw", "plaintext")
    users = parse_users(f"alice:{hashed}, bob:{b}")
    assert set(users) == {"alice", "bob"}
    with pytest.raises(PriorAuthError):
        parse_users("alice")


@pytest.mark.parametrize("value", [",", "   ", " , ,"])
def test_users_that_name_nobody_refuse_to_start(value, tmp_path):
    """A PRIORAUTH_USERS that parses to no user never turns the login off."""
    env = {**os.environ, "PRIORAUTH_USERS": value, "PRIORAUTH_DATA_DIR": str(tmp_path)}
    cli = subprocess.run([sys.executable, "-m", "priorauth.cli", "ui", "--port", "1"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert cli.returncode == 2, cli.stderr
    assert "PRIORAUTH_USERS" in cli.stderr and "names no user" in cli.stderr
    assert "Traceback" not in cli.stderr
    # The app itself refuses too, when started without the CLI.
    code = "import priorauth.web"
    app = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, cwd=tmp_path, timeout=120)
    assert app.returncode != 0 and "names no user" in app.stderr


def test_allowed_origins_default_to_the_served_one(monkeypatch):
    monkeypatch.delenv("PRIORAUTH_ALLOW_ORIGINS", raising=False)
    assert web.allowed_origins("127.0.0.1", 8000, ["*"]) == [
        "http://127.0.0.1:8000", "http://localhost:8000"]
    assert web.allowed_origins("app.example", 443, []) == ["http://app.example:443"]
    assert web.allowed_origins("h", 1, ["https://a.example"]) == ["https://a.example"]
    monkeypatch.setenv("PRIORAUTH_ALLOW_ORIGINS", "https://x.example/, https://y.example")
    assert web.allowed_origins("h", 1, ["*"]) == ["https://x.example", "https://y.example"]


def test_files_of_a_stopped_instance_are_removed_at_start(tmp_path):
    """A running instance's folder is kept; one left by a crash (lock free) is removed."""
    root = tmp_path / "web-files"
    alive = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from priorauth.web import claim_files_dir; "
         "print(claim_files_dir(Path(sys.argv[1])), flush=True); time.sleep(60)", str(root)],
        stdout=subprocess.PIPE, text=True)
    try:
        running = Path(alive.stdout.readline().strip())
        crashed = root / "123-deadbeef"
        crashed.mkdir()
        (crashed / ".lock").write_text("")
        (crashed / "verdict.json").write_text("{}")  # patient data left behind
        mine = web.claim_files_dir(root)
        assert running.is_dir() and mine.is_dir()
        assert not crashed.exists()
    finally:
        alive.kill()
        alive.wait()
    assert web.sweep_stale_files(root) == [running]


def _data_layer_round_trip(layer) -> tuple[dict, str]:
    import uuid

    from chainlit.user import User

    thread_id = str(uuid.uuid4())  # Postgres keeps ids as UUIDs

    async def run():
        user = await layer.create_user(User(identifier="alice", metadata={"role": "nurse"}))
        await layer.update_thread(thread_id, name="case", user_id=user.id, tags=["64493"],
                                  metadata={"cpt": "64493"})
        thread = await layer.get_thread(thread_id)
        author = await layer.get_thread_author(thread_id)
        await layer.engine.dispose()
        return thread, author

    return asyncio.run(run())


def test_sqlite_data_layer_round_trip(tmp_path):
    thread, author = _data_layer_round_trip(
        web.DataLayer(f"sqlite+aiosqlite:///{tmp_path / 'web.sqlite'}"))
    assert author == "alice"
    assert thread["name"] == "case" and thread["tags"] == ["64493"]


def test_postgres_data_layer_round_trip(postgres_url, monkeypatch):
    monkeypatch.setenv("PRIORAUTH_DATABASE_URL", postgres_url)
    url = web.database_url()
    assert url.startswith("postgresql+asyncpg://")
    thread, author = _data_layer_round_trip(web.DataLayer(url))
    assert author == "alice"
    assert thread["name"] == "case" and thread["tags"] == ["64493"]


def test_ui_command_is_import_light_and_checks_input():
    code = ("import sys; from priorauth.cli import build_parser; build_parser(); "
            "print('chainlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
    bad = subprocess.run([sys.executable, "-m", "priorauth.cli", "ui", "--port", "99999"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "port" in bad.stderr and "Traceback" not in bad.stderr
    hashed = subprocess.run([sys.executable, "-m", "priorauth.cli", "ui", "--hash-password"],
                            input="pw\n", capture_output=True, text=True, check=True)
    assert verify_password("pw", hashed.stdout.strip())


def test_the_packet_download_is_the_cases_printable_packet(finished_turn):
    from priorauth import web_case

    assert finished_turn.verdict["decision"] == "meets_criteria"
    stem = view.file_stem("64493", "4471", "abcdef123456", "20261123-101500")
    assert web_case.packet_name(stem) == "packet-64493-4471-20261123-101500.html"
    page = web_case.packet_html(finished_turn.verdict, finished_turn.facts, "4471")
    assert ">READY TO SUBMIT — " in page and "4471" in page
    assert "2026-11-23</b> to <b>2027-02-21" in page  # the authorization window
    assert "stated by the user" in page  # the user's words, with where they came from


def test_the_web_app_records_verdicts_as_the_signed_in_user(tmp_path, monkeypatch):
    from agent.audit import AuditLog
    from agent.config import Settings
    from priorauth import web_case

    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PRIORAUTH_DATABASE_URL", "")
    monkeypatch.setattr(web, "_assistants", {})
    bot = web.assistant("offline")
    try:
        assert bot.source == "web" and bot.audit is not None
        bot.send("web-case", "Does this case qualify for 97110? pain 2/10", user="alice",
                 as_of=date(2026, 11, 23))
        bot.send("web-case", "correction: pain 3/10", user="bob")
        rows = bot.audit.rows(thread="web-case")
    finally:
        bot.close()
    assert [(r.user, r.source) for r in rows] == [("alice", "web"), ("bob", "web")]
    log = AuditLog(Settings(data_dir=tmp_path, database_url=""))
    assert len(log.rows()) == 2  # in the conversation database the CLI reads too
    log.close()
    history = web_case.history_lines(rows)
    assert len(history) == 2 and " · alice · " in history[0]
    assert "policy " + rows[0].policy_version[:12] in history[0]


def test_another_procedure_or_reference_is_another_case():
    facts = {"pain_nrs": {"value": 7}}
    why = view.another_case("62311", "", "64493", facts)
    assert "CPT 64493 (Facet Joint Injection), with 1 fact given" in why
    assert "CPT 62311 (Epidural Steroid Injection) is checked as a new case" in why
    assert "71250" in view.another_case("does this qualify for 71250?", "", "64493", facts)
    assert "71250" in view.another_case("what about a CT chest?", "", "64493", facts)
    # Facts of this case, the same procedure, or no facts yet: the same conversation.
    assert view.another_case("after 12 weeks of physical therapy", "", "64493", facts) == ""
    assert view.another_case("PT 14 weeks for 64493", "", "64493", facts) == ""
    assert view.another_case("62311", "", "64493", {}) == ""
    assert view.another_case("62311", "", None, {}) == ""
    assert view.another_case("x", "4472", "64493", facts, "4471") == \
        "This conversation is case 4471; case 4472 is another case."
    assert view.another_case("x", "4471", "64493", facts, "4471") == ""


def test_storage_errors_read_as_the_command_line_says(tmp_path, monkeypatch):
    """A damaged conversations database: the web's words are the CLI's one line
    (agent/storage.py, docs/input.md), not the exception's class name."""
    from agent.config import Settings
    from agent.storage import StorageError
    from priorauth import web_worker

    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path))
    path = Settings().sqlite_path
    path.write_bytes(b"this is not a database, it is a note" * 100)
    monkeypatch.setattr(web_worker, "_bots", {})
    with pytest.raises(StorageError) as caught:
        web_worker.send("offline", "t1", "does this qualify for 64493?", None, "local", None)
    cli_words = str(caught.value)
    assert f"the conversations database {path} is damaged" in cli_words
    words = web.turn_failed_words(caught.value, "t1")
    assert words.startswith("That message could not be processed: the conversations "
                            "database ")
    assert "is damaged" in words and "move it aside" in words
    assert "StorageError" not in words and "\n" not in words
    assert "Sorry" in web.turn_failed_words(RuntimeError("boom"), "t1")
    assert "boom" not in web.turn_failed_words(RuntimeError("boom"), "t1")


def test_steps_and_messages_are_made_without_blocking_the_event_loop(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Chainlit's Step and Message sleep 1 ms when made (for distinct timestamps), which
    stalls every session five times a turn; the web app makes timestamps that always
    increase instead. (Counted, not timed: a timing bound failed on a loaded machine.)"""
    import time

    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)

    async def run():
        import chainlit as cl
        from chainlit.context import init_http_context

        init_http_context()
        return [made for _ in range(100) for made in (cl.Step(name="x"), cl.Message(content="y"))]

    made = asyncio.run(run())
    stamps = [step.created_at for step in made[::2]]  # a message's is set when sent
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert slept == [], f"making steps and messages slept {len(slept)} times"


def test_the_web_lists_the_record_asked_for_with_the_users_words_as_typed():
    """'what have you recorded so far?' in the web workspace: a table of every stored
    fact, the user's words escaped so a '*' or a link shows as typed."""
    from agent.reply import ReadFact, Reply

    reply = Reply(recorded=[ReadFact(fact="pt_weeks", label="Physical therapy completed",
                                     value="14 weeks", words="PT *14* wks")])
    words = view.reply_words(reply, card=False, form=False)
    assert "**Recorded so far** (1 fact)" in words
    assert '| Physical therapy completed | 14 weeks | "PT \\*14\\* wks" |' in words
    assert "Nothing is recorded" in view.reply_words(Reply(recorded=[]), card=False, form=False)

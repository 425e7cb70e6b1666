"""The web app's adapter code without a browser: cards, answers, passwords, storage."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import date

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.session import Assistant
from policies.errors import PriorAuthError
from priorauth import web  # imports chainlit: fails loudly if it is missing
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


def test_compose_answer_merges_buttons_and_typing():
    pending = ["pain_nrs", "decreased_rom", "impaired_balance_gait"]
    picked = {"decreased_rom": "yes", "impaired_balance_gait": "no"}
    assert web.compose_answer(pending, picked, "7") == "7, yes, no"
    assert web.compose_answer(pending, {}, "7, yes, no") == "7, yes, no"
    # Typed text that does not fit the open slots goes as typed.
    assert web.compose_answer(pending, picked, "pain 7 and also stiff, really") == \
        "pain 7 and also stiff, really"


def test_answer_buttons_by_question_type():
    assert [a for _, a in web.answer_choices({"type": "boolean"})] == ["yes", "no", "not sure"]
    choice = {"type": "choice", "choices": {"low_back": "Low back", "neck": "Neck"}}
    assert [label for label, _ in web.answer_choices(choice)] == ["Low back", "Neck",
                                                                   "Not sure"]
    assert web.answer_choices({"type": "number"}) == [("Not sure", "not sure")]


def test_verdict_card_colour_checklist_and_window(finished_turn):
    verdict = finished_turn.verdict
    assert verdict["decision"] == "meets_criteria"
    card = web.reply_markdown(finished_turn)
    assert card.count("::: success") == 1
    assert "Meets criteria — Facet Joint Injection (CPT 64493)" in card
    assert "| ✓ met | 64493.coverage.1 |" in card  # plain id: Chainlit links it
    assert "`64493." not in card
    assert "valid until 2027-02-21" in card
    assert "**Next steps**" in card and "**Interpretations relied on**" in card
    for decision, colour in (("does_not_meet", "caution"), ("needs_review", "warning"),
                             ("needs_info", "info")):
        assert f"::: {colour}" in web.verdict_card({**verdict, "decision": decision})


def test_summary_and_clause_panel(finished_turn):
    summary = web.summary_markdown(finished_turn.verdict, finished_turn.facts)
    assert summary.startswith("# Prior-authorization criteria check: Facet Joint Injection")
    assert "not an approval or a denial" in summary
    assert "| met | 64493.coverage.1 |" in summary
    panel = web.clause_markdown("64493", "64493.coverage.1")
    assert "section **coverage**" in panel
    assert "The patient must have completed at least 12 weeks of physical therapy" in panel
    assert web.clause_markdown("64493", "64493.nope.9") is None
    facts = web.facts_markdown(finished_turn.facts)
    assert "Physical therapy" in facts and "correction" in facts


def test_stream_chunks_keep_the_text():
    text = "line one\n" * 200
    chunks = web.stream_chunks(text)
    assert "".join(chunks) == text and 1 < len(chunks) < 20


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

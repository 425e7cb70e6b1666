"""The ``priorauth`` command line: a thin adapter over the packages below it.

Heavy imports (the agent, Chroma, torch) happen inside the commands that need them,
so ``priorauth check`` starts in a fraction of a second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from policies.errors import PriorAuthError

if TYPE_CHECKING:  # imported inside the commands: `priorauth check` stays light
    from agent.config import Settings
    from agent.session import Assistant
    from priorauth.chat_start import QuickStart


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line instead of usage + error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise PriorAuthError(f"{self.prog}: {message} (see --help)")


def _as_of(text: str | None, where: str = "--as-of") -> date:
    """Today when not given; else a date in the accepted range (policies.facts.parse_as_of).
    An empty ``--as-of ""`` is an error, not "today": the user meant to give a date."""
    if text is None:
        return date.today()
    from policies.errors import FactError
    from policies.facts import parse_as_of

    try:
        return parse_as_of(text)
    except FactError as err:
        raise PriorAuthError(f"{where}: {err}") from None


def _read_facts(path: str) -> tuple[dict[str, object], str | None, dict[str, str] | None]:
    """Facts from a YAML/JSON file: a mapping of fact → value, ``{facts: ..., as_of: ...}``,
    or a saved verdict (whose policy version is then compared with the current one).
    The file is read by :mod:`policies.datafile` (bounded, strict; see docs/input.md)."""
    from policies.datafile import read_data_file

    data = read_data_file(path, "--facts")
    where = f"--facts: {path}"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PriorAuthError(f"{where}: expected a mapping of fact name to value, "
                             f"got a {type(data).__name__}")
    as_of = None
    saved = None
    if "facts" in data:
        if not isinstance(data["facts"], dict):
            raise PriorAuthError(f"{where}: facts: expected a mapping of fact name to value, "
                                 f"got a {type(data['facts']).__name__}")
        as_of = data.get("as_of")
        if as_of is not None:
            _as_of(str(as_of), f"{where}: as_of")  # refused here, whichever date is used
        if "policy_version" in data:  # a saved verdict: re-check it
            saved = _saved_verdict(data, where)
        data = data["facts"]
    facts = {str(k): v for k, v in data.items()}
    return facts, (str(as_of) if as_of is not None else None), saved


def _saved_verdict(data: dict, where: str) -> dict[str, str]:
    version, decision = data["policy_version"], data.get("decision")
    if not isinstance(version, str):
        raise PriorAuthError(f"{where}: policy_version: expected the text of a saved verdict's "
                             f"policy_version, got a {type(version).__name__}")
    if decision is not None and not isinstance(decision, str):
        raise PriorAuthError(f"{where}: decision: expected text such as needs_info, got a "
                             f"{type(decision).__name__}")
    return {"version": version, "decision": str(decision)}


def cmd_check(args: argparse.Namespace) -> int:
    from policies.checker import check
    from policies.library import load_policy

    policy = load_policy(args.cpt)
    if (args.facts is None) == (args.text is None):
        raise PriorAuthError("check: give the case as --facts FILE or --text TEXT (one of them)")
    if args.text is not None:
        return _check_text(args, policy.cpt)
    from priorauth.cli_case import case_from_file, entries_for, fhir_response, record_check

    facts, file_as_of, saved = _read_facts(args.facts)
    facts, entries, fhir_as_of, fhir_saved = case_from_file(policy, facts)  # or FHIR QR
    as_of = _as_of(args.as_of) if args.as_of is not None else _as_of(file_as_of or fhir_as_of)
    verdict = check(policy, facts, as_of)
    saved = saved or fhir_saved
    if saved and saved["version"] != policy.version:
        print(f"note: the policy changed since this verdict was made (version "
              f"{saved['version'][:12]} → {policy.version[:12]}); decision then: "
              f"{saved['decision']}, now: {verdict.decision}", file=sys.stderr)
    entries = entries_for(verdict, entries)
    record_check(verdict, entries)
    if args.fhir:
        print(fhir_response(policy, verdict, entries))
    elif args.json:
        print(verdict.model_dump_json(indent=2))
    else:
        from agent.reply import verdict_reply
        from priorauth.terminal import reply_text

        print(reply_text(verdict_reply(verdict.model_dump(mode="json")), all_rows=True))
    return 0


def _check_text(args: argparse.Namespace, cpt: str) -> int:
    """The same agent as the chat reads the text (its nodes, run once without LangGraph:
    ``agent.once``); the checker decides."""
    from agent.config import Settings
    from agent.nodes import unconfirmed
    from agent.once import run_once
    from agent.reply import Reply, verdict_reply
    from policies.model import Verdict
    from priorauth.terminal import reply_text

    if not args.text.strip():
        raise PriorAuthError("--text: empty; describe the case, e.g. 'PT x 14 wks, pain 7/10'")
    settings = Settings()
    state = run_once(args.text, cpt=cpt, as_of=_as_of(args.as_of), settings=settings)
    if state.verdict is None:
        raise PriorAuthError("--text: no case could be read from the text")
    reply = Reply.model_validate(state.reply_data)
    for notice in reply.notices:
        print(notice, file=sys.stderr)
    for u in reply.unread:
        print(f"could not read \"{u.words}\"" + (f": {u.why}" if u.why else ""), file=sys.stderr)
    verdict = Verdict.model_validate(state.verdict)
    from priorauth.cli_case import fhir_response, record_check

    entries = {n: e for n, e in state.facts.items()
               if n in verdict.facts or e.get("origin") == "inferred"}
    record_check(verdict, entries)
    if args.fhir:
        from policies.library import load_policy

        print(fhir_response(load_policy(cpt), verdict, entries))
    elif args.json:
        data = verdict.model_dump(mode="json")
        data["unconfirmed"] = unconfirmed(state)  # readings the decision was made without
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        words = {n: e["words"] for n, e in state.facts.items() if e.get("words")}
        shown = verdict_reply(state.verdict, words=words)
        # check --text asks nothing back, but a reading held for confirmation is shown
        shown.questions = [q for q in reply.questions if q.type == "confirm"]
        print(reply_text(shown, all_rows=True))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    import uuid

    from agent.config import Settings
    from priorauth import chat_start
    from priorauth.terminal import reply_text

    as_of = _as_of(args.as_of) if args.as_of is not None else None
    settings = Settings()
    _refuse_emptied_database(settings, args.thread)
    assistant: Assistant | QuickStart
    if chat_start.applies(settings, args.thread):
        # a new conversation: its first reply comes before LangGraph is imported
        assistant = chat_start.QuickStart(settings, as_of)
    else:
        from agent.session import Assistant

        assistant = Assistant(settings, as_of=as_of)
    thread = args.thread or uuid.uuid4().hex[:12]
    try:
        history = assistant.history(thread)
        note = " (resumed)" if history else ""
        if args.thread and not history:
            note = " — new: no saved conversation with this id"
        print(f"priorauth chat — thread {thread}{note}. "
              "Type 'start over' for a new case, Ctrl-D to leave.")
        last = assistant.last_reply(thread)
        if last is not None:
            print(reply_text(last))
        elif not history:
            print("Which procedure is the case for? (e.g. \"does this case qualify for 64493?\")")
        if history:
            from agent.recheck import stale_notice

            notice = stale_notice(assistant.case(thread)["verdict"])
            if notice:  # decided under an older policy version
                print(f"\n{notice}")
        kept = _chat_loop(assistant, thread)
    finally:
        assistant.close()
    if kept is None and isinstance(assistant, chat_start.QuickStart):
        kept = assistant.unsaved  # the first message, which the graph could not save
    if kept is not None:
        print(f"Your last message was not sent; here it is to copy:\n{kept}")
    print(f"Conversation saved. Resume it with: priorauth chat --thread {thread}")
    return 0


KEPT = ("Your message was not sent; it is kept — press Enter on an empty line to send it "
        "again, or type another.")


def _refuse_emptied_database(settings: Settings, thread: str | None) -> None:
    """A 0-byte conversations file holds nothing: resuming a thread from it would silently
    start a new conversation under an old id (docs/input.md)."""
    from agent.storage import is_empty_file

    path = settings.sqlite_path
    if thread and not settings.database_url and is_empty_file(path):
        raise PriorAuthError(
            f"the conversations database {path} is empty (0 bytes) but thread {thread} was "
            "requested; restore the file from a backup, or leave out --thread to start a new "
            "conversation")


def _whole_pastes() -> None:
    """A note pasted at the prompt arrives as one message, its lines kept: the terminal
    marks a paste (bracketed paste) and GNU readline then takes it whole, sent with
    Enter. Without this each line of the note was a message of its own, read out of its
    note (session 17: a three-line note took three turns and lost "failed"). libedit
    (macOS's stock Python) has no such setting; there lines still arrive one by one."""
    if not sys.stdin.isatty():
        return
    try:
        import readline
    except ImportError:  # Windows: the console delivers a paste as typed lines
        return
    if "libedit" not in (readline.__doc__ or ""):
        readline.parse_and_bind("set enable-bracketed-paste on")


def _remember(text: str) -> None:
    """Put a kept message in the line-editing history (↑ recalls it), where there is one."""
    try:
        import readline
    except ImportError:  # Windows, or Python built without it: Enter still re-sends
        return
    readline.add_history(text)


def _chat_loop(assistant: Assistant | QuickStart, thread: str) -> str | None:
    """Read and send messages until EOF; returns a message that could not be sent."""
    from priorauth.terminal import reply_text

    kept: str | None = None
    _whole_pastes()
    idle = getattr(assistant, "idle", None)  # QuickStart: catches up while the user types
    while True:
        if idle is not None:
            idle()
        try:
            text = input("\nyou> ")
        except EOFError:
            print()
            return kept
        if text.strip().lower() in ("/quit", "/exit", "quit", "exit"):
            return kept
        if not text.strip():
            if kept is None:
                continue
            text = kept
        try:
            turn = assistant.send(thread, text)
        except PriorAuthError as err:
            print(f"\n{err}\n{KEPT}")
        except Exception as exc:  # a bug must not end the conversation
            if os.environ.get("PRIORAUTH_DEBUG"):
                raise
            print(f"\nSorry, that message could not be processed "
                  f"({exc.__class__.__name__}). The conversation so far is kept.\n{KEPT}")
        else:
            kept = None
            print(f"\n{reply_text(turn.structured)}")
            continue
        kept = text
        _remember(text)


def cmd_eval(args: argparse.Namespace) -> int:
    from evals.runner import render_table, run_suite

    settings = None
    if args.mode == "llm":
        from agent.config import Settings

        settings = Settings(understanding="llm")
        if settings.mode != "llm":
            raise PriorAuthError("--mode llm needs OPENAI_API_KEY in the environment")
    if args.repeat < 1:
        raise PriorAuthError(f"--repeat: {args.repeat} is not accepted; give 1 or more")
    report = run_suite(args.paths, settings=settings, workers=args.workers, repeat=args.repeat)
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(render_table(report))
    if args.html:
        from evals.report import write_html

        write_html(report, Path(args.html))
    return 1 if report.failed else 0


def cmd_policies_list(args: argparse.Namespace) -> int:
    from policies.library import all_policies

    rows = [(p.cpt, p.procedure, len(p.clauses), len(p.criteria.rules), p.version[:12])
            for p in all_policies()]
    if args.json:
        print(json.dumps([dict(zip(("cpt", "procedure", "clauses", "rules", "version"), r,
                                   strict=True)) for r in rows], indent=2))
        return 0
    print(f"{'CPT':<6} {'procedure':<28} {'clauses':>7} {'rules':>5}  version")
    for cpt, name, clauses, rules, version in rows:
        print(f"{cpt:<6} {name:<28} {clauses:>7} {rules:>5}  {version}")
    return 0


def cmd_policies_show(args: argparse.Namespace) -> int:
    from policies.library import load_policy

    policy = load_policy(args.cpt)
    rules_for: dict[str, list[str]] = {}
    for rule in policy.criteria.rules:
        for cid in rule.clauses:
            rules_for.setdefault(cid, []).append(rule.id)
    if args.json:
        print(json.dumps([{"clause": c.id, "title": c.title, "start": c.start, "end": c.end,
                           "text": c.text, "rules": rules_for.get(c.id, [])}
                          for c in policy.clauses.values()], indent=2, ensure_ascii=False))
        return 0
    print(f"CPT {policy.cpt} — {policy.procedure}  (version {policy.version[:12]})")
    for clause in policy.clauses.values():
        first = clause.text.split("\n", 1)[0].replace("**", "")
        indent = "    " if clause.m is not None else "  "
        rules = f"  ← {', '.join(rules_for[clause.id])}" if clause.id in rules_for else ""
        print(f"{indent}{clause.id:<26} {first[:90]}{rules}")
    if policy.criteria.interpretations:
        print("\nInterpretations")
        for item in policy.criteria.interpretations:
            print(f"  {item.id} [{', '.join(item.clauses)}]: {item.reading}")
    return 0


def cmd_policies_lint(args: argparse.Namespace) -> int:
    from policies.lint import lint_library

    problems, summaries = lint_library()
    for line in summaries:
        print(line)
    for line in problems:
        print(f"error: {line}")
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="priorauth", description=(
        "Checks a case against a payer's prior-authorization policy and cites the clauses "
        "that decide it."))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="one verdict for a case, no conversation")
    check.add_argument("--cpt", required=True, help="CPT code of the procedure, e.g. 64493")
    check.add_argument("--facts", help="YAML or JSON file: fact name → value, or a FHIR "
                                       "QuestionnaireResponse")
    check.add_argument("--text", help="the case in words, read by the same agent as the chat")
    check.add_argument("--as-of", help="policy date the verdict is made on (YYYY-MM-DD; "
                                       "default today)")
    check.add_argument("--json", action="store_true", help="print the verdict JSON")
    check.add_argument("--fhir", action="store_true",
                       help="print the case as a FHIR R4 QuestionnaireResponse")
    check.set_defaults(func=cmd_check)

    chat = sub.add_parser("chat", help="a conversation in the terminal")
    chat.add_argument("--thread", help="continue the conversation with this id")
    chat.add_argument("--as-of", help="policy date (YYYY-MM-DD; default today)")
    chat.set_defaults(func=cmd_chat)

    ev = sub.add_parser("eval", help="run scripted dialogues; exit 1 if any fails")
    ev.add_argument("paths", nargs="*", help="dialogue YAML files or folders (default: suite)")
    ev.add_argument("--json", action="store_true", help="print the report JSON")
    ev.add_argument("--html", help="also write an HTML report to this file")
    ev.add_argument("--mode", choices=["offline", "llm"], default="offline")
    ev.add_argument("--workers", type=int, default=4, help="dialogues run in parallel")
    ev.add_argument("--repeat", type=int, default=1,
                    help="run each dialogue K times; it passes only if all K pass (pass^k)")
    ev.set_defaults(func=cmd_eval)

    policies = sub.add_parser("policies", help="the policy library")
    psub = policies.add_subparsers(dest="action", required=True, parser_class=_Parser)
    plist = psub.add_parser("list", help="supported procedures")
    plist.add_argument("--json", action="store_true")
    plist.set_defaults(func=cmd_policies_list)
    show = psub.add_parser("show", help="a policy's clauses and the rules that encode them")
    show.add_argument("cpt")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_policies_show)
    lint = psub.add_parser("lint", help="check every criteria file against its policy")
    lint.set_defaults(func=cmd_policies_lint)

    for register in _plugins():
        register(sub)
    return parser


def _plugins() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Commands defined next to the layer they drive (kept import-light)."""
    found = []
    try:
        from priorauth.cli_retrieval import register as retrieval
    except ImportError:
        pass
    else:
        found.append(retrieval)
    try:
        from priorauth.cli_ui import register as ui
    except ImportError:
        pass
    else:
        found.append(ui)
    from priorauth.cli_case import register as case

    found.append(case)
    return found


def _no_plugin_search() -> None:
    """Pydantic imports its plugin loader when it builds its first model, and the loader
    imports ``importlib.metadata`` (with email, zipfile, csv, tempfile, ...: ~30 ms CPU,
    about 6 % of a cold ``priorauth check``) to search for plugins, a search that
    PYDANTIC_DISABLE_PLUGINS=__all__ turns off: its one function, ``get_plugins``, then
    returns nothing. So with that setting a stand-in giving the same answer takes the
    loader's place; with any other, pydantic imports its own."""
    import types

    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__" or name in sys.modules:
        return
    stand_in = types.ModuleType(name, "PYDANTIC_DISABLE_PLUGINS=__all__: no plugins")
    stand_in.get_plugins = tuple  # type: ignore[attr-defined]  # () as the loader's answer
    sys.modules[name] = stand_in


def main(argv: Sequence[str] | None = None) -> int:
    from priorauth import bytecode, regexcache

    # before the commands import the agent: its bytecode, where Python keeps none, and
    # its module-level patterns compiled (about a fifth of a cold start's CPU)
    bytecode.install()
    regexcache.install()
    # Pydantic looks for plugins of its own in every installed package's metadata when it
    # builds its first model (none is installed or used here): ~25 ms CPU of a cold
    # ``check --text``. An explicit PYDANTIC_DISABLE_PLUGINS (even empty) is respected.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_search()
    try:
        return _run(argv)
    finally:
        if argv is None:  # the process ends with this call (the console script, -m)
            _skip_last_collection()


def _skip_last_collection() -> None:
    """When Python finalizes, its garbage collector goes over every object the run built
    (the modules, pydantic's schemas, the reader's rules and patterns; none of them
    garbage): about 0.1 s CPU, a fifth of a cold ``priorauth check``. ``gc.freeze()``
    takes them out of its reach. Objects are still released and atexit handlers run as
    always; only what sits in a reference cycle is left for the process's end, and no
    file or database of the program's is closed by the collector (each is closed by its
    owner: with-blocks, ``close()``, SQLite's autocommit)."""
    import gc

    gc.freeze()


def _run(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args) or 0)
    except PriorAuthError as err:
        print(f"priorauth: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # no traceback reaches a user; PRIORAUTH_DEBUG=1 shows it
        if os.environ.get("PRIORAUTH_DEBUG"):
            raise
        print(f"priorauth: internal error ({exc.__class__.__name__}: {exc}); "
              "set PRIORAUTH_DEBUG=1 to see the details", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

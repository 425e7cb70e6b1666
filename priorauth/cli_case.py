"""After the verdict: ``packet``, ``questionnaire``, ``audit``, ``recheck`` (docs/contract.md §4),
and the FHIR and audit-trail parts of ``check``.

Imported by ``priorauth.cli`` for every command, so this module imports nothing heavy:
fhir.resources and LangGraph load inside the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from policies.errors import PriorAuthError

# ------------------------------------------------------------------ helpers


def _day(text: str | None, flag: str) -> date | None:
    """A date in the accepted range (docs/input.md); "" is an error, not "no date"."""
    if text is None:
        return None
    from policies.errors import FactError
    from policies.facts import parse_as_of

    try:
        return parse_as_of(text)
    except FactError as err:
        raise PriorAuthError(f"{flag}: {err}") from None


def case_from_file(policy: Any, data: dict[str, Any]
                   ) -> tuple[dict[str, object], dict[str, dict[str, Any]], str | None,
                              dict[str, str] | None]:
    """(raw facts, origin entries, as_of, saved version) from what a facts file held.

    ``data`` is the mapping ``priorauth check`` read: plain facts, or a FHIR
    QuestionnaireResponse (then its answers, origins and ``authored`` date are used).
    """
    from policies.fhir import is_questionnaire_response, read_questionnaire_response

    if is_questionnaire_response(data):
        raw, entries, as_of, version = read_questionnaire_response(policy, data)
        saved = {"version": version, "decision": "not recorded in the file"} \
            if version and version != policy.version else None
        return raw, entries, as_of.isoformat() if as_of else None, saved
    entries = {name: {"value": value, "origin": "entered",
                      "words": "" if value is None else str(value)}
               for name, value in data.items()}
    return dict(data), entries, None, None


def entries_for(verdict: Any, entries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Origin entries with each value as the checker normalised it."""
    return {name: {**entries.get(name, {"origin": "entered", "words": ""}), "value": value}
            for name, value in verdict.facts.items()}


def record_check(verdict: Any, entries: dict[str, dict[str, Any]]) -> None:
    """Append a ``check`` verdict to the audit trail; a failure is a warning, not an error."""
    from agent.storage import StorageError

    try:
        from agent.audit import AuditLog

        log = AuditLog()
        try:
            log.record(verdict.model_dump(mode="json"), entries, user="local", source="check")
        finally:
            log.close()
    except StorageError as err:  # a damaged or full database: the verdict still prints
        print(f"priorauth: warning: the verdict was not recorded in the audit trail: {err}",
              file=sys.stderr)
    except PriorAuthError:
        raise
    except Exception as exc:  # the verdict is still printed; say what was not recorded
        print(f"priorauth: warning: the verdict was not recorded in the audit trail "
              f"({exc.__class__.__name__}: {' '.join(str(exc).split())[:160]})",
              file=sys.stderr)


def fhir_response(policy: Any, verdict: Any, entries: dict[str, dict[str, Any]]) -> str:
    from policies.fhir import questionnaire_response

    return json.dumps(questionnaire_response(policy, verdict, entries), indent=2,
                      ensure_ascii=False)


# ----------------------------------------------------------------- commands


def cmd_questionnaire(args: argparse.Namespace) -> int:
    from policies.fhir import questionnaire
    from policies.library import load_policy

    print(json.dumps(questionnaire(load_policy(args.cpt)), indent=2, ensure_ascii=False))
    return 0


def _read_mapping(path: str) -> dict[str, Any]:
    from priorauth.cli import _read_facts

    facts, as_of, _saved = _read_facts(path)
    return {"facts": facts, "as_of": as_of}


def _case_from_thread(thread: str) -> tuple[str, dict[str, dict[str, Any]], str]:
    from agent.session import Assistant

    assistant = Assistant()
    try:
        case = assistant.case(thread)
    finally:
        assistant.close()
    if not case.get("cpt") or not case.get("verdict"):
        raise PriorAuthError(f"--thread: no saved case with a verdict on thread {thread!r}; "
                             "accepted: the id `priorauth chat` printed (see `priorauth audit`)")
    return case["cpt"], case["facts"], case["as_of"] or case["verdict"]["as_of"]


def cmd_packet(args: argparse.Namespace) -> int:
    from policies.checker import check
    from policies.library import load_policy
    from policies.packet import build_packet, packet_files

    if (args.thread is None) == (args.facts is None):
        raise PriorAuthError("packet: give the case as --thread ID or as --cpt CPT --facts FILE")
    as_of = _day(args.as_of, "--as-of")
    if args.thread is not None:
        if args.cpt:
            raise PriorAuthError("packet: --cpt goes with --facts; a thread knows its CPT")
        cpt, entries, saved_as_of = _case_from_thread(args.thread)
        policy = load_policy(cpt)
        used = {n: e["value"] for n, e in entries.items()
                if n in policy.facts and e.get("origin") != "inferred"}
        verdict = check(policy, used, as_of or date.fromisoformat(saved_as_of),
                        ignore_unknown=True)
        reference = args.ref or args.thread
    else:
        if not args.cpt:
            raise PriorAuthError("packet: --facts needs --cpt CPT (the procedure)")
        policy = load_policy(args.cpt)
        read = _read_mapping(args.facts)
        raw, entries, file_as_of, _ = case_from_file(policy, read["facts"])
        day = as_of or _day(file_as_of or read["as_of"], "as_of in the facts file") \
            or date.today()
        verdict = check(policy, raw, day)
        entries = {**entries_for(verdict, entries),
                   **{n: e for n, e in entries.items() if e.get("origin") == "inferred"}}
        reference = args.ref
    packet = build_packet(policy, verdict, entries, reference=reference)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, content in packet_files(packet).items():
            (out / name).write_text(content, encoding="utf-8")
            print(out / name)
    except OSError as exc:
        raise PriorAuthError(f"--out: {args.out}: cannot write ({exc.strerror}); accepted: "
                             "a folder you can write to") from None
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from agent.audit import AuditLog

    since = _day(args.since, "--since")
    log = AuditLog()
    try:
        rows = log.rows(thread=args.thread, since=since)
    finally:
        log.close()
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no verdicts recorded" + (f" for thread {args.thread}" if args.thread else "")
              + (f" since {since.isoformat()}" if since else ""))
        return 0
    print(f"{'when (UTC)':<20} {'user':<10} {'via':<5} {'thread':<14} {'CPT':<5} "
          f"{'policy':<12} {'as of':<10} {'decision':<14} cited")
    for r in rows:
        cited = ", ".join(r.cited[:3]) + (f" +{len(r.cited) - 3}" if len(r.cited) > 3 else "")
        print(f"{r.at[:19].replace('T', ' '):<20} {r.user[:10]:<10} {r.source:<5} "
              f"{(r.thread or '-')[:14]:<14} {r.cpt:<5} {r.policy_version[:12]:<12} "
              f"{r.as_of:<10} {r.decision:<14} {cited}")
    return 0


def cmd_recheck(args: argparse.Namespace) -> int:
    from agent.audit import AuditLog
    from agent.recheck import recheck_rows
    from policies.library import load_policy

    if args.cpt:
        load_policy(args.cpt)  # an unknown CPT is a one-line error naming the supported ones
    log = AuditLog()
    try:
        rows = log.latest_cases(cpt=args.cpt)
    finally:
        log.close()
    results = recheck_rows(rows)
    changed = [r for r in results if r.changed]
    shown = results if args.all else changed
    if args.json:
        print(json.dumps({"checked": len(results), "changed": len(changed),
                          "policy_changed": sum(r.policy_changed for r in results),
                          "cases": [r.to_json() for r in shown]}, indent=2))
        return 0
    print(f"{len(results)} saved case(s) re-checked; {len(changed)} decision(s) would change; "
          f"{sum(r.policy_changed for r in results)} decided under an older policy version.")
    if shown:
        print(f"\n{'thread':<14} {'CPT':<5} {'as of':<10} {'old decision':<14} "
              f"{'new decision':<14} moved by")
    for r in shown:
        moved = r.error or ", ".join(f"{m.clause} ({m.before}→{m.after})" for m in r.moved)
        print(f"{(r.thread or '-')[:14]:<14} {r.cpt:<5} {r.as_of:<10} {r.old_decision:<14} "
              f"{r.new_decision:<14} {moved or '-'}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    q = subparsers.add_parser("questionnaire", help="the policy's facts as a FHIR R4 "
                                                     "Questionnaire (JSON)")
    q.add_argument("cpt", help="CPT code of the procedure, e.g. 64493")
    q.set_defaults(func=cmd_questionnaire)

    p = subparsers.add_parser(
        "packet", help="a submission packet for a case: HTML (printable), Markdown and JSON",
        description="Writes packet-<cpt>-<as_of>.html/.md/.json for a saved conversation "
                    "(--thread) or a facts file (--cpt with --facts; a FHIR "
                    "QuestionnaireResponse file is accepted too).")
    p.add_argument("--thread", help="a saved conversation (`priorauth chat` prints its id)")
    p.add_argument("--cpt", help="CPT code, with --facts")
    p.add_argument("--facts", help="YAML/JSON facts file, or a FHIR QuestionnaireResponse")
    p.add_argument("--as-of", help="policy date (YYYY-MM-DD; default: the case's, or today)")
    p.add_argument("--ref", help="case reference shown on the packet (default: the thread id)")
    p.add_argument("--out", default=".", help="folder to write into (default: current)")
    p.set_defaults(func=cmd_packet)

    a = subparsers.add_parser("audit", help="the append-only record of verdicts produced")
    a.add_argument("--thread", help="only this conversation")
    a.add_argument("--since", help="only verdicts on or after this day (YYYY-MM-DD, UTC)")
    a.add_argument("--json", action="store_true", help="every row in full, as JSON")
    a.set_defaults(func=cmd_audit)

    r = subparsers.add_parser(
        "recheck", help="re-run saved cases against the current policies; list decisions "
                        "that would change",
        description="Takes the latest verdict of every saved conversation, re-decides its "
                    "facts (on its own as-of date) under the current policy, and reports "
                    "the old and new decision and the criteria that moved it.")
    r.add_argument("--cpt", help="only cases for this CPT")
    r.add_argument("--all", action="store_true", help="list unchanged cases too")
    r.add_argument("--json", action="store_true", help="print the report as JSON")
    r.set_defaults(func=cmd_recheck)

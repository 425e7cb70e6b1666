"""``priorauth index`` and ``priorauth search`` (docs/contract.md §4).

Imported by ``priorauth.cli`` for every command, so this module imports nothing heavy:
Chroma, bm25s and the embedding model load inside the commands.
"""

from __future__ import annotations

import argparse
import json
import sys

from policies.errors import PriorAuthError

SECTIONS = ("overview", "coverage", "necessity", "exclusion", "documentation", "authorization")


def _progress(message: str) -> None:
    print(f"priorauth: {message}", file=sys.stderr, flush=True)


def _guard(action):  # type: ignore[no-untyped-def]
    """Run a retrieval action; anything but PriorAuthError becomes one line, no traceback."""
    try:
        return action()
    except (PriorAuthError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # Chroma, network, disk: say what failed in one line
        detail = " ".join(str(exc).split())[:200] or exc.__class__.__name__
        raise PriorAuthError(f"retrieval failed: {exc.__class__.__name__}: {detail}") from None


def cmd_index(args: argparse.Namespace) -> int:
    import retrieval

    report = _guard(lambda: retrieval.index_library(rebuild=args.rebuild, progress=_progress))
    print(report.summary())
    return 0


def _read_query(args: argparse.Namespace) -> object:
    if args.query != "-":
        return args.query
    data = sys.stdin.buffer.read(4 * 1024 * 1024 + 1)
    return data  # bytes: retrieval checks size and UTF-8


def _show(results: list, as_json: bool) -> None:
    if as_json:
        print(json.dumps([r.to_json() for r in results], indent=2, ensure_ascii=False))
        return
    if not results:
        print("no matching policy clauses")
        return
    for rank, r in enumerate(results, 1):
        print(f"{rank}. {r.clause}  {r.title}  ({r.procedure}, CPT {r.cpt}; score {r.score:.4f})")
        quote = "\n".join("     " + line.strip() for line in r.quote.strip().splitlines())
        print(quote)


def cmd_search(args: argparse.Namespace) -> int:
    from retrieval.searcher import default_searcher

    query = _read_query(args)
    results = _guard(lambda: default_searcher().search(
        query, cpt=args.cpt, sections=args.section, k=args.k))
    _show(results, args.json)
    return 0


def _k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number (1-50)") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"{value} is out of range (1-50)")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    index = subparsers.add_parser(
        "index", help="build or refresh the retrieval index of policy clauses",
        description="Builds or refreshes the Chroma index of policy clauses (idempotent: a "
                    "second run changes nothing). Data dir: $PRIORAUTH_DATA_DIR, default "
                    "~/.local/share/priorauth; CHROMA_HOST/CHROMA_PORT use a Chroma server.")
    index.add_argument("--rebuild", action="store_true",
                       help="re-embed everything (after changing PRIORAUTH_EMBEDDINGS, or to "
                            "recreate an unreadable index)")
    index.set_defaults(func=cmd_index)

    search = subparsers.add_parser(
        "search", help="the policy clauses most relevant to a question, best first",
        description="Finds the policy clauses most relevant to a question. A question that "
                    "names a procedure, its abbreviation or its CPT code (\"facet injection\", "
                    "\"ESI\", \"CT chest\", \"PT\", \"71250\") searches that policy only.")
    search.add_argument("query", help="the question, or - to read it from standard input")
    search.add_argument("--cpt", help="search only this policy, e.g. 64493")
    search.add_argument("--k", type=_k, default=5, help="how many clauses (1-50, default 5)")
    search.add_argument("--section", action="append", choices=SECTIONS,
                        help="only this section (repeatable)")
    search.add_argument("--json", action="store_true",
                        help='print [{"clause", "score", "quote", "cpt", "title"}]')
    search.set_defaults(func=cmd_search)


def main(argv: list[str] | None = None) -> int:
    """Run index/search without the lead's CLI (``python -m priorauth.cli_retrieval``)."""
    parser = argparse.ArgumentParser(prog="priorauth")
    register(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except PriorAuthError as err:
        print(f"priorauth: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The eval report a reviewer opens: one self-contained HTML page (no scripts, no links).

``priorauth eval --html FILE`` writes it. It shows the summary, accuracy per policy,
citation precision and recall, questions asked against the minimum, per-turn latency,
and every dialogue with its checks and transcript (failures first, expanded).
"""

from __future__ import annotations

import html
import statistics
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from evals.runner import DialogueResult, Report


def _covers(expected: str, clause: str) -> bool:
    return clause == expected or clause.startswith(expected + ".")


def citation_scores(result: DialogueResult) -> tuple[int, int, int, int] | None:
    """(expected found, expected, cited relevant, cited) for a dialogue that names its
    expected citations; None otherwise.

    Recall: share of expected clauses the final verdict cites (a parent id is covered
    by any of its bullets). Precision: share of cited clauses that are an expected
    clause or one of its bullets. A ``meets_criteria`` verdict cites every required
    clause, so its precision against a short expected list is low by design.
    """
    if not result.expected_cited:
        return None
    found = sum(any(_covers(e, c) for c in result.cited) for e in result.expected_cited)
    relevant = sum(any(_covers(e, c) for e in result.expected_cited) for c in result.cited)
    return found, len(result.expected_cited), relevant, len(result.cited)


def _pct(num: float, den: float) -> str:
    return "–" if not den else f"{100 * num / den:.0f}%"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;
max-width:1200px;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}
.muted{color:#667}.pass{color:#126b2f;font-weight:600}.fail{color:#b3261e;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #dde;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f8;font-weight:600}td.num,th.num{text-align:right}
.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #dde;border-radius:8px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}
details{border:1px solid #dde;border-radius:8px;margin:.5rem 0;padding:.3rem .8rem}
details.failed{border-color:#e4a9a4;background:#fff8f7}
summary{cursor:pointer}.msg{white-space:pre-wrap;font:12.5px/1.4 ui-monospace,Menlo,monospace;
padding:.4rem .6rem;border-radius:6px;margin:.3rem 0}
.user{background:#eef3ff}.assistant{background:#f6f6f6}
.bad{background:#fde7e5}code{font-size:12.5px}
"""


def render_html(report: Report, *, title: str = "priorauth eval report") -> str:
    rows = report.dialogues
    out: list[str] = ["<!doctype html><html lang=en><head><meta charset=utf-8>",
                      f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>",
                      f"<h1>{_esc(title)}</h1>"]
    when = datetime.now().isoformat(timespec="seconds")
    out.append(f"<p class=muted>{len(rows)} dialogues, mode {_esc(report.mode)}"
               + (f", {report.repeat} runs each" if report.repeat > 1 else "")
               + f", {report.seconds:.1f} s wall time, written {when}</p>")

    latencies = [s for r in rows for s in r.seconds_per_turn]
    cite = [c for c in (citation_scores(r) for r in rows) if c is not None]
    found, expected, relevant, cited = (sum(c[i] for c in cite) for i in range(4))
    qrows = [r for r in rows if r.min_questions is not None]
    over = [r for r in rows if r.max_questions is not None and r.questions > r.max_questions]
    cards = [("passed", f"{report.passed}/{len(rows)}",
              "pass" if not report.failed else "fail"),
             ("citation recall", _pct(found, expected), ""),
             ("citation precision", _pct(relevant, cited), ""),
             ("questions asked / minimum",
              f"{sum(r.questions for r in qrows)} / {sum(r.min_questions or 0 for r in qrows)}",
              ""),
             ("over question ceiling", str(len(over)), "fail" if over else "pass")]
    if latencies:
        q = sorted(latencies)
        cards.append(("turn latency p50 / p95",
                      f"{1000 * statistics.median(q):.0f} / "
                      f"{1000 * q[min(len(q) - 1, int(0.95 * len(q)))]:.0f} ms", ""))
    if report.repeat > 1:
        cards.append((f"pass^{report.repeat}", f"{report.pass_k:.2f}", ""))
        cards.append(("model calls", str(sum(r.llm_calls for r in rows)), ""))
    out.append("<div class=cards>" + "".join(
        f"<div class=card><span class=muted>{_esc(k)}</span><b class='{c}'>{_esc(v)}</b></div>"
        for k, v, c in cards) + "</div>")

    # ------------------------------------------------------------ per policy
    out.append("<h2>Per policy</h2><table><tr><th>policy</th><th class=num>dialogues</th>"
               "<th class=num>passed</th><th class=num>decision accuracy</th>"
               "<th class=num>citation recall</th><th class=num>citation precision</th>"
               "<th class=num>questions / minimum</th><th>decisions expected</th></tr>")
    by_cpt: dict[str, list[DialogueResult]] = defaultdict(list)
    for r in rows:
        by_cpt[r.cpt or "none"].append(r)
    for cpt in sorted(by_cpt):
        group = by_cpt[cpt]
        judged = [r for r in group if r.expected_decision]
        right = sum(r.final_decision == r.expected_decision for r in judged)
        sc = [c for c in (citation_scores(r) for r in group) if c is not None]
        f, e, rel, c = (sum(x[i] for x in sc) for i in range(4))
        decisions: dict[str, int] = defaultdict(int)
        for r in judged:
            decisions[r.expected_decision or ""] += 1
        mix = ", ".join(f"{k} {v}" for k, v in sorted(decisions.items()))
        asked = sum(r.questions for r in group)
        minimum = sum(r.min_questions or 0 for r in group)
        out.append(f"<tr><td>{_esc(cpt)}</td><td class=num>{len(group)}</td>"
                   f"<td class=num>{sum(r.passed for r in group)}</td>"
                   f"<td class=num>{_pct(right, len(judged))}</td>"
                   f"<td class=num>{_pct(f, e)}</td><td class=num>{_pct(rel, c)}</td>"
                   f"<td class=num>{asked} / {minimum}</td><td>{_esc(mix)}</td></tr>")
    out.append("</table><p class=muted>Decision accuracy: final decision equals the "
               "dialogue's expected one. Citation recall: expected clauses the final verdict "
               "cites; precision: cited clauses that are expected (or their bullets) — a "
               "<code>meets_criteria</code> verdict cites every required clause, so its "
               "precision is low by design. Minimum questions: see docs/evals.md.</p>")

    # ------------------------------------------------------------ dialogues
    out.append("<h2>Dialogues</h2><table><tr><th>dialogue</th><th>policy</th><th>result</th>"
               "<th>expected</th><th>decision</th><th class=num>questions</th>"
               "<th class=num>min</th><th class=num>ceiling</th>"
               "<th class=num>ms per turn</th></tr>")
    ordered = sorted(rows, key=lambda r: (r.passed, r.cpt or "", r.id))
    for r in ordered:
        result = "pass" if r.passed else "FAIL"
        if r.runs > 1:
            result = f"{r.runs_passed}/{r.runs}"
        ms = ", ".join(f"{1000 * s:.0f}" for s in r.seconds_per_turn)
        out.append(f"<tr><td><a href='#d-{_esc(r.id)}'>{_esc(r.id)}</a></td>"
                   f"<td>{_esc(r.cpt or '–')}</td>"
                   f"<td class='{'pass' if r.passed else 'fail'}'>{result}</td>"
                   f"<td>{_esc(r.expected_decision or '–')}</td>"
                   f"<td>{_esc(r.final_decision or '–')}</td>"
                   f"<td class=num>{r.questions}</td>"
                   f"<td class=num>{'–' if r.min_questions is None else r.min_questions}</td>"
                   f"<td class=num>{'–' if r.max_questions is None else r.max_questions}</td>"
                   f"<td class=num>{ms}</td></tr>")
    out.append("</table><h2>Transcripts</h2>")
    for r in ordered:
        out.append(f"<details id='d-{_esc(r.id)}' class='{'' if r.passed else 'failed'}'"
                   f"{'' if r.passed else ' open'}><summary>"
                   f"<span class='{'pass' if r.passed else 'fail'}'>"
                   f"{'pass' if r.passed else 'FAIL'}</span> <b>{_esc(r.id)}</b> "
                   f"<span class=muted>{_esc(r.description)}</span></summary>")
        out.append(f"<p class=muted>{_esc(r.path)} · as_of {_esc(r.as_of)} · "
                   f"{r.turns} turns · final {_esc(r.final_decision or '–')}</p>")
        if r.failures:
            out.append("<table><tr><th>turn</th><th>check</th><th>expected</th>"
                       "<th>actual</th></tr>")
            for fl in r.failures:
                out.append(f"<tr class=bad><td>{_esc(fl.turn)}</td><td>{_esc(fl.check)}</td>"
                           f"<td>{_esc(fl.expected)}</td><td>{_esc(fl.actual)}</td></tr>")
            out.append("</table>")
        if r.expected_cited:
            out.append(f"<p>Expected citations: <code>{_esc(', '.join(r.expected_cited))}"
                       f"</code><br>Cited: <code>{_esc(', '.join(r.cited) or '–')}</code></p>")
        turn = 0
        for msg in r.transcript:
            role = msg.get("role", "")
            label = role
            if role == "user":
                turn += 1
                if turn <= len(r.seconds_per_turn):
                    label = f"user · turn {turn} · {1000 * r.seconds_per_turn[turn - 1]:.0f} ms"
            out.append(f"<div class='msg {_esc(role)}'><b>{_esc(label)}</b>\n"
                       f"{_esc(msg.get('content', ''))}</div>")
        out.append("</details>")
    out.append("</body></html>")
    return "\n".join(out)


def write_html(report: Report, path: Path) -> None:
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(report), encoding="utf-8")

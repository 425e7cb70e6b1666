// The verdict card: a plain-language banner, blocking items first (not met, review,
// unknown — each with its reason or its question), met rows behind a count, each row
// with its clause chip. Props come from priorauth/web_view.py:card_props.
const MARKS = { not_met: "✗", review: "!", unknown: "?", met: "✓", not_applicable: "–" };

function Chip({ id }) {
  return (
    <button type="button" data-clause={id}
      className="clause-chip font-mono text-xs rounded border border-border px-1.5 py-0.5 hover:bg-accent whitespace-nowrap"
      onClick={() => callAction({ name: "side_panel", payload: { kind: "clause", clause: id } })}>
      {id}
    </button>
  );
}

function Row({ row }) {
  return (
    <li className="verdict-row flex flex-col gap-1 border-t border-border py-2 first:border-t-0"
      data-status={row.status}>
      <div className="pa-row">
        <span className={`status-badge whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold pa-badge-${row.status}`}>
          {MARKS[row.status]}&nbsp;{row.status_words}
        </span>
        <span className="font-medium break-words">{row.title}</span>
        <Chip id={row.clause} />
      </div>
      <div className="text-sm text-muted-foreground break-words">
        {row.question ? <span className="row-question">Question: {row.question}</span> : row.reason}
      </div>
      {(row.said || []).map((w, i) => (
        <div key={i} className="row-said text-xs text-muted-foreground break-words">
          Read from your words: “{w}”
        </div>
      ))}
    </li>
  );
}

function List({ title, items }) {
  if (!items || !items.length) return null;
  return (
    <div className="pa-mt">
      <div className="font-semibold">{title}</div>
      <ul className="pa-list">
        {items.map((item, i) => <li key={i} className="break-words">{item}</li>)}
      </ul>
    </div>
  );
}

export default function VerdictCard() {
  const p = props;
  const blocking = p.blocking || [];
  const settled = p.settled || [];
  return (
    <div id="verdict-card" className="verdict-card w-full max-w-full overflow-hidden rounded-lg border border-border text-sm">
      <div className={`verdict-banner border-l-4 px-3 py-2 pa-tone-${p.tone || "info"}`}
        data-decision={p.decision} role="status">
        <div className="text-base font-semibold">{p.banner}</div>
        <div className="text-xs pa-sub">
          {p.procedure} (CPT {p.cpt}) · policy as of {p.as_of}
        </div>
      </div>
      <div className="px-3 py-2">
        {blocking.length ? (
          <ul className="blocking-rows">{blocking.map((r) => <Row key={r.clause + r.status} row={r} />)}</ul>
        ) : null}
        {settled.length ? (
          <details className="met-rows mt-1">
            <summary className="cursor-pointer select-none py-1 text-muted-foreground">
              {settled.length} of {p.total} criteria met or not applicable
            </summary>
            <ul>{settled.map((r) => <Row key={r.clause + r.status} row={r} />)}</ul>
          </details>
        ) : null}
        {p.quiet_unknown ? (
          <div className="unknown-count mt-1 text-muted-foreground">
            {p.decision === "needs_info"
              ? `${p.quiet_unknown} not yet known: the questions below come first.`
              : `${p.quiet_unknown} not yet known; they cannot change this decision.`}
          </div>
        ) : null}
        {p.valid_until ? (
          <div className="pa-mt"><span className="font-semibold">Authorization window:</span>{" "}
            if approved on {p.as_of}, valid until {p.valid_until}.</div>
        ) : null}
        {p.fixes && p.fixes.length ? (
          <div className="pa-mt">
            <div className="font-semibold">What would make it qualify</div>
            <ul className="pa-list">
              {p.fixes.map((f, i) => (
                <li key={i} className="break-words">{f.change} <Chip id={f.clause} /></li>
              ))}
            </ul>
          </div>
        ) : null}
        {p.answers && p.answers.length ? (
          <details className="answers pa-mt">
            <summary className="cursor-pointer select-none font-semibold">
              Also needed, not asked now: no answer changes today's decision ({p.answers.length})
            </summary>
            <ul className="pa-list">
              {p.answers.map((f, i) => (
                <li key={i} className="break-words">{f.change} <Chip id={f.clause} /></li>
              ))}
            </ul>
          </details>
        ) : null}
        {p.explanation ? <div className="pa-mt break-words">{p.explanation}</div> : null}
        <List title="Next steps" items={p.next_steps} />
        {p.notes && p.notes.length ? (
          <details className="notes pa-mt">
            <summary className="cursor-pointer select-none font-semibold">
              Interpretations relied on ({p.notes.length})
            </summary>
            <ul className="pa-list">
              {p.notes.map((item, i) => <li key={i} className="break-words">{item}</li>)}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}

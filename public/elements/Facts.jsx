// Facts with an editor per row: "What I read" under a pasted note (mode "read": the
// note with each fact's words highlighted; a click on them corrects that fact) and the
// "Facts so far" side panel (mode "all"). Saving sends web.py's "edit_fact" action: the
// value is set as given (no reading), and the verdict updates with a before/after line.
import { useState } from "react";

const base = "rounded border border-border px-2 py-1 text-sm whitespace-nowrap disabled:opacity-50";
const on = "bg-primary text-primary-foreground border-primary";

function Editor({ row, onDone }) {
  const [value, setValue] = useState(row.type === "set" ? [] : "");
  const [busy, setBusy] = useState(false);
  const save = async (raw) => {
    setBusy(true);
    try {
      await callAction({ name: "edit_fact", payload: { fact: row.fact, value: raw, from: row.from } });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  const pick = (options) => (
    <div className="flex flex-wrap gap-1.5">
      {options.map(([raw, label]) => (
        <button key={String(label)} type="button" disabled={busy} data-edit={String(label)}
          className={`${base} hover:bg-accent`} onClick={() => save(raw)}>{label}</button>
      ))}
    </div>
  );
  if (row.type === "boolean") return pick([[true, "Yes"], [false, "No"], [null, "Not sure"]]);
  if (row.type === "choice") return pick([...(row.choices || []), [null, "Not sure"]]);
  if (row.type === "set") {
    const flip = (key) => setValue(value.includes(key) ? value.filter((k) => k !== key) : [...value, key]);
    return (
      <div className="flex flex-col gap-1.5">
        <div className="pa-row-wide">
          {(row.choices || []).map(([key, label]) => (
            <label key={key} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={value.includes(key)} onChange={() => flip(key)} />{label}
            </label>
          ))}
        </div>
        <div className="flex flex-wrap gap-1.5">
          <button type="button" disabled={busy} className={`${base} ${on}`} data-edit="save"
            onClick={() => save(value)}>Save{value.length ? "" : " (none)"}</button>
          <button type="button" disabled={busy} className={`${base} hover:bg-accent`} data-edit="Not sure"
            onClick={() => save(null)}>Not sure</button>
        </div>
      </div>
    );
  }
  const hint = row.type === "date" ? "a date, e.g. 08/20/2026" : row.unit ? `in ${row.unit}` : "new value";
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <input type="text" value={value} placeholder={hint} aria-label={`New value for ${row.label}`}
        data-edit="input" className="pa-input max-w-full rounded border border-border bg-background px-2 py-1 text-sm"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter" && value.trim()) save(value.trim()); }} />
      {row.unit ? <span className="text-sm text-muted-foreground">{row.unit}</span> : null}
      <button type="button" disabled={busy || !value.trim()} data-edit="save"
        className={`${base} ${on}`} onClick={() => save(value.trim())}>Save</button>
      <button type="button" disabled={busy} data-edit="Not sure" className={`${base} hover:bg-accent`}
        onClick={() => save(null)}>Not sure</button>
    </div>
  );
}

function Note({ note, rows, onPick }) {
  // The note with each fact's words marked; a click on them opens that fact's editor.
  const marks = [];
  const lower = note.toLowerCase();
  rows.forEach((row) => {
    const words = (row.words || "").trim();
    if (!words) return;
    const at = lower.indexOf(words.toLowerCase());
    if (at >= 0 && !marks.some((m) => at < m.end && at + words.length > m.start))
      marks.push({ start: at, end: at + words.length, row });
  });
  marks.sort((a, b) => a.start - b.start);
  const parts = [];
  let cursor = 0;
  marks.forEach((m, i) => {
    if (m.start > cursor) parts.push(<span key={`t${i}`}>{note.slice(cursor, m.start)}</span>);
    parts.push(
      <mark key={`m${i}`} data-fact={m.row.fact} title={`${m.row.label}: ${m.row.value} (click to correct)`}
        className="read-mark pa-mark cursor-pointer"
        onClick={() => onPick(m.row.fact)}>{note.slice(m.start, m.end)}</mark>);
    cursor = m.end;
  });
  if (cursor < note.length) parts.push(<span key="end">{note.slice(cursor)}</span>);
  return <div className="read-note whitespace-pre-wrap break-words rounded bg-muted px-2 py-1.5 text-sm">{parts}</div>;
}

function Rows({ rows, editing, setEditing }) {
  return (
    <ul className="mt-1">
      {rows.map((row) => (
        <li key={row.fact} className="fact-row flex flex-col gap-1 border-t border-border py-2 first:border-t-0"
          data-fact={row.fact}>
          <div className="pa-row pa-baseline">
            <span className="font-medium">{row.label}:</span>
            <span className="fact-value">{row.value}</span>
            {row.origin && row.origin !== "stated" ? <span className="text-xs text-muted-foreground">({row.origin})</span> : null}
            <button type="button" data-fact={row.fact} className="edit-fact ml-auto text-xs underline"
              onClick={() => setEditing(editing === row.fact ? null : row.fact)}>
              {editing === row.fact ? "Cancel" : "Correct"}
            </button>
          </div>
          {row.words ? <div className="break-words text-xs text-muted-foreground">from: “{row.words}”</div> : null}
          {editing === row.fact ? <Editor row={row} onDone={() => setEditing(null)} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default function Facts() {
  const rows = (props.rows || []).map((r) => ({ ...r, from: props.mode }));
  const [editing, setEditing] = useState(null);
  const reading = props.mode === "read";
  const picked = reading ? rows.find((r) => r.fact === editing) : null;
  return (
    <div className={`facts-table w-full max-w-full text-sm ${reading ? "rounded-lg border border-border px-3 py-2" : ""}`}
      data-mode={props.mode}>
      {props.title ? <div className="mb-1 font-semibold">{props.title}</div> : null}
      {reading && props.note ? <Note note={props.note} rows={rows} onPick={setEditing} /> : null}
      {picked ? (
        <div className="mark-editor mt-2 flex flex-col gap-1.5" data-fact={picked.fact}>
          <div className="pa-row">
            <span className="font-medium">{picked.label}:</span><span>{picked.value}</span>
            <button type="button" className="edit-cancel ml-auto text-xs underline"
              onClick={() => setEditing(null)}>Cancel</button>
          </div>
          <Editor row={picked} onDone={() => setEditing(null)} />
        </div>
      ) : null}
      {reading ? (
        <details className="read-rows mt-2">
          <summary className="cursor-pointer select-none text-muted-foreground">
            {rows.length} facts read, one per line
          </summary>
          <Rows rows={rows} editing={null} setEditing={setEditing} />
        </details>
      ) : <Rows rows={rows} editing={editing} setEditing={setEditing} />}
      {props.footer ? <div className="mt-2 text-xs text-muted-foreground">{props.footer}</div> : null}
    </div>
  );
}

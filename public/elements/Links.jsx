// Clause chips and the "Facts so far" link under a reply. A click opens the side
// panel with exactly that (web.py's "side_panel" action); nothing opens by itself.
export default function Links() {
  const open = (payload) => callAction({ name: "side_panel", payload });
  const clauses = props.clauses || [];
  return (
    <div className="priorauth-links flex flex-wrap items-center gap-1.5 text-sm">
      {clauses.length ? <span className="text-muted-foreground">Clauses:</span> : null}
      {clauses.map((id) => (
        <button key={id} type="button" data-clause={id}
          className="clause-chip font-mono text-xs rounded border border-border px-1.5 py-0.5 hover:bg-accent whitespace-nowrap"
          onClick={() => open({ kind: "clause", clause: id })}>{id}</button>
      ))}
      {props.facts ? (
        <button type="button" id="facts-link"
          className="facts-link text-xs rounded border border-border px-2 py-0.5 hover:bg-accent whitespace-nowrap"
          onClick={() => open({ kind: "facts" })}>Facts so far ({props.facts})</button>
      ) : null}
    </div>
  );
}

// The questions of a turn as a form: a control per question (yes / no / not sure,
// a number with its unit, a typed date, a checkbox per choice of a set). "Send" with
// some left empty keeps what was filled (web.py's "form" action); typing in the chat
// still answers everything. A closed form (answered or superseded) is disabled.
import { useState } from "react";

const base = "rounded border border-border px-2 py-1 text-sm whitespace-nowrap disabled:opacity-50";
const on = "bg-primary text-primary-foreground border-primary";

function Toggle({ options, value, onPick, disabled, fact }) {
  return (
    <div className="flex flex-wrap gap-1.5" role="group">
      {options.map(([answer, label]) => (
        <button key={answer} type="button" disabled={disabled} aria-pressed={value === answer}
          data-fact={fact} data-answer={answer}
          className={`${base} ${value === answer ? on : "hover:bg-accent"}`}
          onClick={() => onPick(value === answer ? "" : answer)}>{label}</button>
      ))}
    </div>
  );
}

function Chip({ id }) {
  return (
    <button type="button" data-clause={id}
      className="clause-chip font-mono text-xs rounded border border-border px-1.5 py-0.5 hover:bg-accent whitespace-nowrap"
      onClick={() => callAction({ name: "side_panel", payload: { kind: "clause", clause: id } })}>
      {id}
    </button>
  );
}

function Control({ q, value, setValue, disabled }) {
  const notSure = ["not sure", "Not sure"];
  if (q.type === "boolean")
    return <Toggle fact={q.fact} disabled={disabled} value={value} onPick={setValue}
      options={[["yes", "Yes"], ["no", "No"], notSure]} />;
  if (q.type === "confirm")
    return <Toggle fact={q.fact} disabled={disabled} value={value} onPick={setValue}
      options={[["yes", "Yes"], ["no", "No"]]} />;
  if (q.type === "choice")
    return <Toggle fact={q.fact} disabled={disabled} value={value} onPick={setValue}
      options={[...q.choices.map(([, label]) => [label, label]), notSure]} />;
  if (q.type === "set") {
    const picked = value && value !== "none" && value !== "not sure" ? value.split(" + ") : [];
    const flip = (label) => {
      const next = picked.includes(label) ? picked.filter((x) => x !== label) : [...picked, label];
      setValue(next.join(" + "));
    };
    return (
      <div className="flex flex-col gap-1">
        <div className="pa-row-wide">
          {q.choices.map(([key, label]) => (
            <label key={key} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" disabled={disabled} data-fact={q.fact} data-choice={key}
                checked={picked.includes(label)} onChange={() => flip(label)} />
              {label}
            </label>
          ))}
        </div>
        <Toggle fact={q.fact} disabled={disabled} value={value} onPick={setValue}
          options={[["none", "None of these"], notSure]} />
      </div>
    );
  }
  const typed = value === "not sure" ? "" : value || "";
  const hint = q.type === "date" ? "a date, e.g. 08/20/2026" : q.unit ? `in ${q.unit}` : "your answer";
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <input type="text" disabled={disabled} data-fact={q.fact} value={typed}
        inputMode={q.type === "number" ? "decimal" : "text"} placeholder={hint} aria-label={q.question}
        className="pa-input max-w-full rounded border border-border bg-background px-2 py-1 text-sm"
        onChange={(e) => setValue(e.target.value)} />
      {q.type === "number" && q.unit ? <span className="text-sm text-muted-foreground">{q.unit}</span> : null}
      {q.type === "date" ? (
        <button type="button" disabled={disabled} data-fact={q.fact} data-answer="never"
          className={`${base} ${value === "never" ? on : "hover:bg-accent"}`}
          onClick={() => setValue(value === "never" ? "" : "never")}>Never</button>
      ) : null}
      <button type="button" disabled={disabled} data-fact={q.fact} data-answer="not sure"
        className={`${base} ${value === "not sure" ? on : "hover:bg-accent"}`}
        onClick={() => setValue(value === "not sure" ? "" : "not sure")}>Not sure</button>
    </div>
  );
}

export default function Questions() {
  const closed = props.state === "closed";
  // Kept in the tab's session storage too: a re-render of the message must not drop
  // what was filled in but not sent yet.
  const storeKey = `priorauth-form-${props.form_id || ""}`;
  const [values, setStoredValues] = useState(() => {
    try { return JSON.parse(window.sessionStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  });
  const setValues = (update) => setStoredValues((prev) => {
    const next = update(prev);
    try { window.sessionStorage.setItem(storeKey, JSON.stringify(next)); } catch (e) { /* private mode */ }
    return next;
  });
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const picked = { ...(props.picked || {}), ...values };
  const questions = props.questions || [];
  const kept = questions.filter((q) => (props.picked || {})[q.fact]).length;
  const filled = questions.filter((q) => (picked[q.fact] || "").trim()).length;

  const send = async () => {
    const answers = {};
    questions.forEach((q) => { if ((picked[q.fact] || "").trim()) answers[q.fact] = picked[q.fact]; });
    if (!Object.keys(answers).length) { setStatus("Fill in an answer first, or type in the chat."); return; }
    setBusy(true);
    setStatus("");
    try {
      const res = await callAction({ name: "form", payload: { answers } });
      const message = res && res.response && res.response.message;
      if (message && message !== "sent") setStatus(message);
    } catch (e) {
      setStatus("Could not send the answers; nothing is lost, try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`question-form w-full max-w-full rounded-lg border border-border px-3 py-2 text-sm ${closed ? "opacity-60" : ""}`}
      data-state={closed ? "closed" : "open"}>
      <div className="mb-1 font-semibold">
        {closed ? "Answered" : `To go on I need ${questions.length} answer(s)`}
      </div>
      <ol className="flex flex-col gap-3">
        {questions.map((q) => (
          <li key={q.fact} className="flex flex-col gap-1.5" data-question={q.fact}>
            <div className="break-words">
              <span className="font-medium">{q.number}. {q.question}</span>{" "}
              {(q.clauses || []).map((c) => <Chip key={c} id={c} />)}
            </div>
            <Control q={q} disabled={closed || busy} value={picked[q.fact] || ""}
              setValue={(v) => setValues((prev) => ({ ...prev, [q.fact]: v }))} />
          </li>
        ))}
      </ol>
      {closed ? null : (
        <div className="pa-mt flex flex-wrap items-center gap-2">
          <button type="button" disabled={busy || !filled} id="send-answers"
            className={`${base} ${on} px-3`} onClick={send}>
            {filled < questions.length && filled ? `Keep ${filled} answer(s)` : "Send answers"}
          </button>
          <span className="form-status text-muted-foreground" role="status">
            {status || (kept ? `Kept ${kept} answer(s); answer the rest here or type them in the chat.` : "")}
          </span>
        </div>
      )}
    </div>
  );
}

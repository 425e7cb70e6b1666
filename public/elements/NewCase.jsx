// "Start over" / a new patient: one case per conversation, so a new one opens (at
// once while the request is fresh; later, e.g. in the history, only by the button).
import { useEffect } from "react";

export default function NewCase() {
  const open = () => window.location.assign("/");
  useEffect(() => {
    const key = `priorauth-new-case-${props.expires}`;
    if (Date.now() < props.expires && !window.sessionStorage.getItem(key)) {
      window.sessionStorage.setItem(key, "1");
      open();
    }
  }, []);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" id="new-case" onClick={open}
        className="rounded border border-border px-3 py-1 hover:bg-accent">
        Open a new conversation
      </button>
      {props.carry ? <span className="text-muted-foreground">It starts with: “{props.carry}”</span> : null}
    </div>
  );
}

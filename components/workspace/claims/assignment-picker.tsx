"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";
import { useStoryDoc, useWorkspace } from "@/components/workspace/workspace-context";
import { useClaimAssignments } from "./use-claim-assignments";

const NO_ONE = "";

/** "Assigned to Rosa" (or "You"), live from the server-written assignments of the story's document; nothing when no one. */
export function ClaimAssignee({ claimId }: { claimId: string }) {
  const { user } = useWorkspace();
  const assignment = useClaimAssignments(useStoryDoc().doc).get(claimId);
  if (!assignment) return null;
  return (
    <span className="text-xs text-stone-600" data-testid="claim-assignee">
      Assigned to {assignment.assigneeId === user.id ? "you" : assignment.assigneeName}
    </span>
  );
}

/**
 * "Assign to…" on an open claim: a button that opens a small form with the newsroom's active people (the editor
 * first, as "me") and "No one" in a native select, so that it works with the keyboard and screen readers as any
 * select does. Assign sends it to the server (PUT …/assignment); the card then shows the assignee when the
 * collaboration server writes it into the document, as every other open workspace does. Escape closes the form.
 */
export function AssignmentPicker({ claimId }: { claimId: string }) {
  const { storyId, user, people } = useWorkspace();
  const current = useClaimAssignments(useStoryDoc().doc).get(claimId)?.assigneeId ?? NO_ONE;
  const selectId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function show() {
    setChoice(current);
    setError(null);
    setOpen(true);
  }
  // The trigger is rendered again once the form closes: it takes the focus back when it is (an effect after that
  // render, not a frame later, which a slow render can outlast).
  const focusTrigger = useRef(false);
  useEffect(() => {
    if (open || !focusTrigger.current) return;
    focusTrigger.current = false;
    trigger.current?.focus();
  }, [open]);
  function close() {
    focusTrigger.current = true;
    setOpen(false);
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await sendJson(
      `/api/stories/${encodeURIComponent(storyId)}/claims/${encodeURIComponent(claimId)}/assignment`,
      { assigneeId: choice === NO_ONE ? null : choice },
      "PUT",
    );
    setBusy(false);
    if (result.ok) close();
    else setError(result.error);
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.stopPropagation();
      close();
    }
  }

  if (!open) {
    return (
      <button
        ref={trigger}
        type="button"
        onClick={show}
        aria-haspopup="true"
        className="rounded border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Assign to…
      </button>
    );
  }
  return (
    <form
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      className="flex w-full flex-wrap items-center gap-2"
      aria-label="Assign this claim"
    >
      <label htmlFor={selectId} className="text-sm text-stone-700">
        Assign to
      </label>
      <select
        id={selectId}
        autoFocus
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        className="rounded border border-stone-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <option value={NO_ONE}>No one</option>
        <option value={user.id}>{user.name} (me)</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? "Assigning…" : "Assign"}
      </Button>
      <Button variant="quiet" onClick={close}>
        Cancel
      </Button>
      {error ? <ErrorText className="w-full text-sm">{error}</ErrorText> : null}
    </form>
  );
}

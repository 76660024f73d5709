import { simpleDiff } from "lib0/diff";
import type * as Y from "yjs";

type Run = { text: string; attributes: Record<string, unknown> };

function runsOf(text: Y.XmlText): Run[] {
  return (text.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>).map((op) => ({
    text: op.insert,
    attributes: op.attributes ?? {},
  }));
}

/**
 * Writes new text runs into a Y.XmlText the way the editor's binding (y-tiptap's updateYText) does: a
 * plain string diff (common prefix and suffix, no cursor), then every run's attributes set explicitly. It
 * lets unit tests reproduce what a keystroke in the browser does to Yjs identities, e.g. typing "T" before
 * "The" inserts the new character after the old "T".
 */
function writeRuns(text: Y.XmlText, runs: Run[]): void {
  const before = runsOf(text);
  const allKeys = new Set(before.flatMap((run) => Object.keys(run.attributes)));
  const { index, remove, insert } = simpleDiff(
    before.map((run) => run.text).join(""),
    runs.map((run) => run.text).join(""),
  );
  text.delete(index, remove);
  text.insert(index, insert);
  text.applyDelta(
    runs.map((run) => ({
      retain: run.text.length,
      attributes: Object.fromEntries(
        [...allKeys].map((key) => [key, run.attributes[key] ?? null]).concat(Object.entries(run.attributes)),
      ),
    })),
  );
}

/**
 * Types `typed` at `index` of a paragraph's text as the editor would: the new characters take the marks
 * of the text they are typed into, except a non-inclusive claim mark at its edges (ProseMirror's rule).
 */
export function typeInEditor(text: Y.XmlText, index: number, typed: string): void {
  const runs = runsOf(text);
  const next: Run[] = [];
  let at = 0;
  let placed = false;
  for (const run of runs) {
    const end = at + run.text.length;
    if (!placed && index >= at && index <= end) {
      const inside = index > at && index < end;
      const attributes = inside ? run.attributes : nonClaim(run.attributes);
      next.push({ text: run.text.slice(0, index - at), attributes: run.attributes });
      next.push({ text: typed, attributes });
      next.push({ text: run.text.slice(index - at), attributes: run.attributes });
      placed = true;
    } else next.push(run);
    at = end;
  }
  if (!placed) next.push({ text: typed, attributes: {} });
  writeRuns(
    text,
    next.filter((run) => run.text.length > 0),
  );
}

/** Deletes characters as the editor would (the binding diffs the result). */
export function deleteInEditor(text: Y.XmlText, index: number, length: number): void {
  const next: Run[] = [];
  let at = 0;
  for (const run of runsOf(text)) {
    const from = Math.max(0, index - at);
    const to = Math.min(run.text.length, index + length - at);
    next.push(from < to ? { text: run.text.slice(0, from) + run.text.slice(to), attributes: run.attributes } : run);
    at += run.text.length;
  }
  writeRuns(
    text,
    next.filter((run) => run.text.length > 0),
  );
}

function nonClaim(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => !key.startsWith("claim")));
}

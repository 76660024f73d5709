import type * as Y from "yjs";
import { summaryText, type SummaryText } from "../story-doc/summary";

/**
 * Claims are anchored in the summary as a formatting mark named "claim" with an `id` attribute: a
 * CRDT-native anchor (formatting attributes of Y.XmlText) that the editor shows and that travels with the
 * words. The mark is not inclusive, so text typed just before or just after a claim stays outside it and
 * text typed inside grows it; concurrent edits keep it on the same words. Overlapping claims are allowed:
 * the editor's binding then stores each under `claim--<hash>`.
 */
export const CLAIM_MARK = "claim";

const CLAIM_ATTRIBUTE = /^claim(?:--[A-Za-z0-9+/=]{8})?$/;
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a claim's words lie now in the summary's plain text (see summaryText). */
export interface ClaimSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * The span of every claim mark in the summary, by claim id: from the first to the last character that
 * carries it. Attributes that do not look like a claim mark with a valid id are ignored.
 */
export function claimSpans(doc: Y.Doc, text: SummaryText = summaryText(doc)): Map<string, ClaimSpan> {
  const bounds = new Map<string, { start: number; end: number }>();
  for (const segment of text.segments) {
    let at = segment.offset;
    for (const op of segment.text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
      const length = typeof op.insert === "string" ? op.insert.length : 0;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const id = (value as { id?: unknown } | null)?.id;
        if (!CLAIM_ATTRIBUTE.test(key) || typeof id !== "string" || !CLAIM_ID.test(id) || length === 0) continue;
        const known = bounds.get(id);
        bounds.set(id, { start: Math.min(known?.start ?? at, at), end: Math.max(known?.end ?? 0, at + length) });
      }
      at += length;
    }
  }
  return new Map([...bounds].map(([id, { start, end }]) => [id, { start, end, text: text.plain.slice(start, end) }]));
}

/** Thrown when offsets do not make a non-empty range of the summary. */
export class ClaimRangeError extends Error {
  override name = "ClaimRangeError";
}

/**
 * Puts the claim mark of `claimId` on the plain-text range [start, end) of the summary, as the editor does
 * for a selection. For servers, imports and tests; in the browser the editor's mark command does this.
 * @throws ClaimRangeError when the range is empty or outside the summary.
 * @example markClaimSpan(doc, "claim-1", 4, 7); claimSpans(doc).get("claim-1") // { start: 4, end: 7, text: "CIA" }
 */
export function markClaimSpan(doc: Y.Doc, claimId: string, start: number, end: number): void {
  const text = summaryText(doc);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.plain.length)) {
    throw new ClaimRangeError(`range ${start}–${end} is not a non-empty range of the summary`);
  }
  // The key has the shape the editor's binding writes for an overlapping mark: name--<8 characters>.
  const key = `${CLAIM_MARK}--${claimId
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(-8)
    .padStart(8, "0")}`;
  doc.transact(() => {
    for (const segment of text.segments) {
      const from = Math.max(start, segment.offset);
      const to = Math.min(end, segment.offset + segment.length);
      if (from < to) segment.text.format(from - segment.offset, to - from, { [key]: { id: claimId } });
    }
  });
}

/**
 * Takes the claim mark of `claimId` off every word of the summary, leaving the words and other claims' marks
 * as they are (used when a claim is deleted).
 * @example unmarkClaimSpan(doc, "claim-1"); claimSpans(doc).has("claim-1") // false
 */
export function unmarkClaimSpan(doc: Y.Doc, claimId: string): void {
  doc.transact(() => {
    for (const segment of summaryText(doc).segments) {
      let at = 0;
      const runs: Array<{ at: number; length: number; key: string }> = [];
      for (const op of segment.text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
        const length = typeof op.insert === "string" ? op.insert.length : 1;
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          if (CLAIM_ATTRIBUTE.test(key) && (value as { id?: unknown } | null)?.id === claimId)
            runs.push({ at, length, key });
        }
        at += length;
      }
      for (const run of runs) segment.text.format(run.at, run.length, { [run.key]: null });
    }
  });
}

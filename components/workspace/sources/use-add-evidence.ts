"use client";

import { actorOf, useWorkspace } from "@/components/workspace/workspace-context";
import type { Stance } from "@/lib/claims/claim-schema";
import { addQuote } from "@/lib/claims/story-claims";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { verifyQuote } from "@/lib/quotes/verify-quote";

/** A passage selected in a source: offsets in its normalised text. */
export interface SourcePassage {
  sourceId: string;
  start: number;
  end: number;
}

/**
 * Attaches a passage of a source to the active claim as a quote, once it verifies verbatim; the function
 * returns what went wrong for the person to read, or null when the quote was added.
 */
export function useAddEvidence(): (passage: SourcePassage, stance: Stance, note: string) => string | null {
  const { collab, activeClaim, sourcesById, user } = useWorkspace();
  return (passage, stance, note) => {
    const source = sourcesById.get(passage.sourceId);
    if (!collab || !activeClaim || !source) return "Select or mark a claim in the summary first.";
    const selector = createQuoteSelector(source.text, passage.start, passage.end);
    const verification = verifyQuote(source.text, selector);
    if (!verification.verified) return `This passage cannot be saved as evidence: ${verification.reason}`;
    addQuote(collab.doc, activeClaim.id, {
      id: crypto.randomUUID(),
      sourceId: source.id,
      selector,
      stance,
      note,
      addedBy: actorOf(user),
      addedAt: new Date().toISOString(),
      sourceRevision: source.revision,
    });
    return null;
  };
}

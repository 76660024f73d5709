"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { claimSpans, type ClaimSpan } from "@/lib/anchoring/claim-spans";
import type { Claim } from "@/lib/claims/claim-schema";
import { readClaims } from "@/lib/claims/story-claims";

/** A valid claim of the story and where its words lie in the summary now (null: detached). */
export type PlacedClaim = Claim & { span: ClaimSpan | null };

/** Every valid claim of a story document with the span its mark covers. */
export function placeClaims(doc: Y.Doc): PlacedClaim[] {
  const spans = claimSpans(doc);
  return readClaims(doc).map((claim) => ({ ...claim, span: spans.get(claim.id) ?? null }));
}

/** The claims of a story document, live. */
export function useClaims(doc: Y.Doc | null): PlacedClaim[] {
  const [claims, setClaims] = useState<PlacedClaim[]>([]);
  useEffect(() => {
    if (!doc) return;
    const update = () => setClaims(placeClaims(doc));
    update();
    doc.on("update", update);
    return () => doc.off("update", update);
  }, [doc]);
  return claims;
}

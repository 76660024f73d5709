import { diffWords } from "diff";
import type { VersionContent } from "./version-content";

/** A run of the summary text that two versions share, or that one of them adds or removes. */
export interface TextChange {
  kind: "same" | "added" | "removed";
  text: string;
}

/** How a claim differs between two versions. */
export interface ClaimChange {
  id: string;
  kind: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
  verdictBefore: string | null;
  verdictAfter: string | null;
  quotesAdded: Array<{ id: string; exact: string; sourceId: string }>;
  quotesRemoved: Array<{ id: string; exact: string; sourceId: string }>;
}

/** What changed from one version to another. */
export interface VersionDiff {
  summary: TextChange[];
  claims: ClaimChange[];
}

/**
 * The difference between two published versions: the summary word by word, and claims added, removed or
 * changed (words, verdict, quotes added or removed).
 * @example diffVersions(v1, v2).claims // [{ id: "c2", kind: "added", … }]
 */
export function diffVersions(before: VersionContent, after: VersionContent): VersionDiff {
  const summary = diffWords(before.summary, after.summary).map((part) => ({
    kind: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("same" as const),
    text: part.value,
  }));

  const old = new Map(before.claims.map((claim) => [claim.id, claim]));
  const next = new Map(after.claims.map((claim) => [claim.id, claim]));
  const claims: ClaimChange[] = [];
  for (const claim of after.claims) {
    const previous = old.get(claim.id);
    const previousQuotes = new Map((previous?.quotes ?? []).map((quote) => [quote.id, quote]));
    const currentQuotes = new Map(claim.quotes.map((quote) => [quote.id, quote]));
    const quotesAdded = claim.quotes.filter((quote) => !previousQuotes.has(quote.id)).map(quoteSummary);
    const quotesRemoved = (previous?.quotes ?? []).filter((quote) => !currentQuotes.has(quote.id)).map(quoteSummary);
    if (!previous) {
      claims.push({
        id: claim.id,
        kind: "added",
        before: null,
        after: claim.text,
        verdictBefore: null,
        verdictAfter: claim.verdict,
        quotesAdded,
        quotesRemoved: [],
      });
    } else if (
      previous.text !== claim.text ||
      previous.verdict !== claim.verdict ||
      quotesAdded.length > 0 ||
      quotesRemoved.length > 0
    ) {
      claims.push({
        id: claim.id,
        kind: "changed",
        before: previous.text,
        after: claim.text,
        verdictBefore: previous.verdict,
        verdictAfter: claim.verdict,
        quotesAdded,
        quotesRemoved,
      });
    }
  }
  for (const claim of before.claims) {
    if (!next.has(claim.id)) {
      claims.push({
        id: claim.id,
        kind: "removed",
        before: claim.text,
        after: null,
        verdictBefore: claim.verdict,
        verdictAfter: null,
        quotesAdded: [],
        quotesRemoved: claim.quotes.map(quoteSummary),
      });
    }
  }
  return { summary, claims };
}

function quoteSummary(quote: { id: string; sourceId: string; selector: { exact: string } }) {
  return { id: quote.id, exact: quote.selector.exact, sourceId: quote.sourceId };
}

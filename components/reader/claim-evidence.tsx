import type { Translator } from "@/lib/i18n/translate";
import type { ReaderClaim } from "@/lib/reader/reader-claims";
import { claimEvidenceHtml } from "./evidence-html";

/**
 * A claim's verdict and its quotes in context, each with its source, as the reader page's footnotes show them
 * (claimEvidenceHtml: one escaped HTML string, the same markup everywhere a claim's evidence is shown).
 */
export function ClaimEvidence({ claim, t }: { claim: ReaderClaim; t: Translator }) {
  return <div className="space-y-3" dangerouslySetInnerHTML={{ __html: claimEvidenceHtml(claim, t) }} />;
}

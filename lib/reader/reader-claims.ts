import { STANCE_TEXT } from "../claims/claim-schema";
import { biasLabelText } from "../import/bias-label";
import { VERDICT_TEXT } from "../review/review-state";
import type { VersionContent } from "../versions/version-content";
import type { Coverage } from "./coverage";

/** A claim of a published version, ready to show a reader: its words, verdict and evidence in plain strings. */
export interface ReaderClaim {
  id: string;
  /** The claim's footnote number, in order of appearance. */
  number: number;
  text: string;
  verdict: string;
  approvedBy: string;
  supportingOutlets: string[];
  singleSource: boolean;
  quotes: Array<{
    id: string;
    prefix: string;
    exact: string;
    suffix: string;
    stance: string;
    outlet: string;
    bias: string;
    reliability: string | null;
    headline: string | null;
    date: string | null;
    url: string | null;
  }>;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The claims of a version in reading order, with their quotes' sources resolved. */
export function readerClaims(content: VersionContent, coverage: Coverage): ReaderClaim[] {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  const support = new Map(coverage.claims.map((claim) => [claim.id, claim]));
  return [...content.claims]
    .sort((a, b) => a.start - b.start)
    .map((claim, index) => ({
      id: claim.id,
      number: index + 1,
      text: claim.text,
      verdict: VERDICT_TEXT[claim.verdict],
      approvedBy: claim.approvedBy.name,
      supportingOutlets: support.get(claim.id)?.supportingOutlets ?? [],
      singleSource: support.get(claim.id)?.singleSource ?? false,
      quotes: claim.quotes.map((quote) => {
        const source = sources.get(quote.sourceId);
        return {
          id: quote.id,
          prefix: quote.selector.prefix,
          exact: quote.selector.exact,
          suffix: quote.selector.suffix,
          stance: STANCE_TEXT[quote.stance],
          outlet: source?.outlet ?? "Outlet not stated",
          bias: biasLabelText(source?.biasLabel ?? "unknown"),
          reliability: source?.reliabilityLabel ?? null,
          headline: source?.headline ?? null,
          date: source?.publishedAt
            ? dateFormat.format(new Date(source.publishedAt))
            : source?.statedAge
              ? `${source.statedAge} before publication`
              : null,
          url: source?.url ?? null,
        };
      }),
    }));
}

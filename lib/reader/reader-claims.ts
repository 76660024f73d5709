import { translator, type Translator } from "../i18n/translate";
import type { VersionContent } from "../versions/version-content";
import type { Coverage } from "./coverage";

/**
 * A claim of a published version, ready to show a reader: its words, verdict and evidence in plain strings, the
 * labels (verdict, stance, bias, dates) in the reader's language and the published words as they are.
 */
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

/** The claims of a version in reading order, with their quotes' sources resolved, labelled in `t`'s language. */
export function readerClaims(
  content: VersionContent,
  coverage: Coverage,
  t: Translator = translator("en"),
): ReaderClaim[] {
  const m = t.messages.evidence;
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  const support = new Map(coverage.claims.map((claim) => [claim.id, claim]));
  return [...content.claims]
    .sort((a, b) => a.start - b.start)
    .map((claim, index) => ({
      id: claim.id,
      number: index + 1,
      text: claim.text,
      verdict: m.verdict[claim.verdict],
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
          stance: m.stance[quote.stance],
          outlet: source?.outlet ?? m.outletNotStated,
          bias: m.bias[source?.biasLabel ?? "unknown"],
          reliability: source?.reliabilityLabel ?? null,
          headline: source?.headline ?? null,
          date: source?.publishedAt
            ? t.date(new Date(source.publishedAt), "medium")
            : source?.statedAge
              ? t.format(m.beforePublication, { age: source.statedAge })
              : null,
          url: source?.url ?? null,
        };
      }),
    }));
}

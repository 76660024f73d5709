import type { AssistClaimInput, AssistInput, AssistantFlag, ClaimAssistance, StoryAssistance } from "./assistance";
import { claimCoverage } from "./coverage";
import { sourceDiscrepancies, storyTimes } from "./discrepancies";
import {
  buildEvidenceIndex,
  claimEvidence,
  type EvidenceIndex,
  type EvidenceSuggestion,
  type IndexedSentence,
  type SourcePassage,
} from "./evidence-index";
import { attributionDriftFlags } from "./flags/attribution-drift";
import { citationNeededFlags } from "./flags/citation-needed";
import { claimDiscrepancyFlags } from "./flags/claim-discrepancy";
import { misquoteFlag } from "./flags/misquote";
import { oneSidedFlags } from "./flags/one-sided";
import { singleSourceFlags } from "./flags/single-source";
import { sourceDiscrepancyFlag } from "./flags/source-discrepancy";
import { sourceMisquoteFlag } from "./flags/source-misquote";
import { checkSourceQuotations, summaryQuotationCheck, type QuotationFlag } from "./quotations";
import type { AssistantSource } from "./sources";
import type { WordVectors } from "./word-vectors";

/** The verification assistant of one story, built for a set of sources. */
export interface Assistant {
  /** Everything the assistant has to say about the draft: call it again on every change of the draft. */
  assist(input: AssistInput): StoryAssistance;
  /** The evidence index of the sources. */
  index: EvidenceIndex;
}

/** Suggestions per claim. */
const SUGGESTIONS = 5;
/** Claim texts whose suggestions are kept between runs; the cache starts again when full. */
const SUGGESTION_CACHE_SIZE = 1_000;

/**
 * Builds the assistant of a story: indexes the sources and finds, once, what the sources say differently
 * from each other (source_misquote and source_discrepancy flags). `assist` then checks a draft against them:
 * per claim, suggestions (k = 5, leaving out passages already attached), each source's best passage or
 * "nothing close" (bestPassagePerSource), coverage and the claim's flags
 * (misquote, claim_discrepancy, single_source, one_sided, attribution_drift); for the story, citation_needed
 * on every summary sentence that no evidenced claim covers, and misquote for quotations outside every claim.
 * Each kind of flag, with its wording and the function that makes its flags, is a module of lib/assistant/flags/.
 * Flag ids are content-addressed (lib/assistant/flags/flag-kind.ts): kind, claim or source, and a hash of the
 * words flagged (for a claim, its words too), so a dismissal survives recomputation but not an edit of them.
 * With word vectors (lib/assistant/word-vectors.ts) suggestions also match claim words by meaning.
 * Pure and synchronous: building takes about 0.7 s for 10 sources of 5,000 words, and assist() a few
 * milliseconds after an edit (bench/RESULTS.md).
 */
export function createAssistant(
  sources: readonly AssistantSource[],
  { vectors = null }: { vectors?: WordVectors | null } = {},
): Assistant {
  const index = buildEvidenceIndex(sources, { vectors });
  const byId = new Map(sources.map((source) => [source.id, source]));
  const sentencesBySource = new Map<string, IndexedSentence[]>();
  for (const entry of index.sentences) {
    const list = sentencesBySource.get(entry.sourceId);
    if (list) list.push(entry);
    else sentencesBySource.set(entry.sourceId, [entry]);
  }
  const checkSummary = summaryQuotationCheck(sources, index);
  const times = storyTimes(sources);
  const sourceOrder = new Map(sources.map((source, at) => [source.id, at]));
  const sourceFlags = [
    ...checkSourceQuotations(sources, index).map((flag) => sourceMisquoteFlag(flag, byId)),
    ...sourceDiscrepancies(index, sources).map(sourceDiscrepancyFlag),
  ].sort(
    (a, b) =>
      sourcePosition(a, sourceOrder) - sourcePosition(b, sourceOrder) ||
      (a.wordings[0]?.start ?? 0) - (b.wordings[0]?.start ?? 0),
  );

  /** The sentences of a source that a quote overlaps. */
  const quoteSentences = (quote: AssistClaimInput["quotes"][number]) =>
    (sentencesBySource.get(quote.sourceId) ?? []).filter(
      (entry) => entry.sentence.start < quote.end && quote.start < entry.sentence.end,
    );

  // An edit changes one claim at a time: the others' suggestions are kept from the previous runs.
  const suggestionCache = new Map<string, { suggestions: EvidenceSuggestion[]; perSource: SourcePassage[] }>();
  const sourceIds = sources.map((source) => source.id);
  const suggestionsFor = (text: string, quotes: AssistClaimInput["quotes"]) => {
    const key = JSON.stringify([text, quotes.map((quote) => [quote.sourceId, quote.start, quote.end])]);
    let found = suggestionCache.get(key);
    if (!found) {
      if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) suggestionCache.clear();
      found = claimEvidence(index, text, { k: SUGGESTIONS, attached: quotes, sourceIds });
      suggestionCache.set(key, found);
    }
    return found;
  };

  return {
    index,
    assist({ summary, claims }) {
      const summaryMisquotes = checkSummary(summary);
      const claimed = new Set<QuotationFlag>();
      const assisted = new Map<string, ClaimAssistance>();
      const flags: AssistantFlag[] = [];
      for (const claim of claims) {
        const coverage = claimCoverage(claim.quotes, byId);
        const misquotes = summaryMisquotes.filter((flag) => claim.span && within(flag.quotation, claim.span));
        for (const flag of misquotes) claimed.add(flag);
        const claimFlags = [
          ...misquotes.map((flag) => misquoteFlag(flag, claim)),
          ...claimDiscrepancyFlags(claim, byId, times),
          ...singleSourceFlags(claim, coverage),
          ...oneSidedFlags(claim, coverage),
          ...attributionDriftFlags(claim, quoteSentences, byId),
        ];
        assisted.set(claim.id, {
          claimId: claim.id,
          ...(claim.text ? suggestionsFor(claim.text, claim.quotes) : { suggestions: [], perSource: [] }),
          coverage,
          flags: claimFlags,
        });
        flags.push(...claimFlags);
      }
      flags.push(...summaryMisquotes.filter((flag) => !claimed.has(flag)).map((flag) => misquoteFlag(flag, null)));
      flags.push(...citationNeededFlags(summary, claims));
      const inSummary = flags.sort((a, b) => summaryPosition(a) - summaryPosition(b));
      return { claims: assisted, flags: [...inSummary, ...sourceFlags] };
    },
  };
}

function within(range: { start: number; end: number }, span: { start: number; end: number }): boolean {
  return range.start >= span.start && range.end <= span.end;
}

/** Flags with a place in the summary first, by that place; a detached claim's flags after them. */
function summaryPosition(flag: AssistantFlag): number {
  return flag.summaryRange?.start ?? Number.MAX_SAFE_INTEGER;
}

function sourcePosition(flag: AssistantFlag, order: ReadonlyMap<string, number>): number {
  return order.get(flag.wordings[0]?.sourceId ?? "") ?? order.size;
}

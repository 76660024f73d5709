import type { Stance } from "../claims/claim-schema";
import type { BiasLabel } from "../import/bias-label";
import type { EvidenceSuggestion, SourcePassage } from "./evidence-index";
import type { FlagKind } from "./flags/flag-kinds";

/** A claim as the assistant reads it: its words where they lie in the summary, and its quotes. */
export interface AssistClaimInput {
  id: string;
  /** The claim's words, or null when they were deleted from the summary (detached). */
  text: string | null;
  /** Where the words lie in the summary's plain text (lib/story-doc/summary.ts), or null when detached. */
  span: { start: number; end: number } | null;
  quotes: Array<{ id: string; sourceId: string; exact: string; start: number; end: number; stance: Stance }>;
}

/** What the assistant looks at on every change of the draft. */
export interface AssistInput {
  /** The summary's plain text, as summaryText(doc).plain gives it. */
  summary: string;
  claims: readonly AssistClaimInput[];
}

/** The kinds of advice the assistant gives, each defined in its own module of lib/assistant/flags/. */
export type { FlagKind } from "./flags/flag-kinds";

/** One source's wording (or the summary's, when sourceId is null) shown with a flag. */
export interface FlagWording {
  sourceId: string | null;
  /** The outlet, or null for the summary. */
  outlet: string | null;
  text: string;
  /** Offsets of text in its source's text, when it is a passage of a source. */
  start?: number;
  end?: number;
  /**
   * Words of text that the flag is about ("Officials say", "last October"), as offsets in text (0 is its
   * first character), for emphasis.
   */
  highlights?: Array<{ start: number; end: number }>;
}

/**
 * How much a flag matters: "high" is an error a reader would notice (a misquote, a death toll that differs),
 * "medium" needs checking before publishing, "low" is worth a look.
 */
export type FlagSeverity = "high" | "medium" | "low";

/** A piece of advice. Advice only: an editor may dismiss it with a reason (lib/assistant/dismissals.ts). */
export interface AssistantFlag {
  /**
   * Stable: the same finding on the same words has the same id after every recomputation, so a dismissal
   * keeps applying; a finding on changed words gets a new id, so a dismissal does not hide it.
   */
  id: string;
  kind: FlagKind;
  severity: FlagSeverity;
  /** The claim the flag is about, or null for a story-level flag. */
  claimId: string | null;
  /** One line in the newsroom's words. */
  title: string;
  /** What was found and why it matters, in a sentence or two. */
  detail: string;
  wordings: FlagWording[];
  /** Where in the summary's plain text the flag applies, for an inline mark; null when it has no place there. */
  summaryRange: { start: number; end: number } | null;
}

/** Who supports a claim: distinct outlets among its supporting quotes and how they lean. */
export interface ClaimCoverage {
  outlets: Array<{ outlet: string; biasLabel: BiasLabel; sourceIds: string[] }>;
  distinctOutlets: number;
  singleSource: boolean;
  /** Every supporting outlet leans the same way (left or right), with at least one of them. */
  oneSided: boolean;
}

/** Everything the assistant has to say about one claim. */
export interface ClaimAssistance {
  claimId: string;
  /** Passages that may support the claim, best first, excluding those already attached. */
  suggestions: EvidenceSuggestion[];
  /** Each source's best passage for the claim (attached ones included), or null for "nothing close", in source order. */
  perSource: SourcePassage[];
  coverage: ClaimCoverage;
  flags: AssistantFlag[];
}

/** Everything the assistant has to say about a story's draft. */
export interface StoryAssistance {
  claims: Map<string, ClaimAssistance>;
  /** Every flag of the story, claim-level and story-level, in summary order then source order. */
  flags: AssistantFlag[];
}

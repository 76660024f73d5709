import type { BiasLabel } from "../import/bias-label";

/** What the assistant needs of a source: its text and who published it. */
export interface AssistantSource {
  id: string;
  /**
   * The source's name, `sourceLabel` of lib/sources/source-label.ts: its outlet, else its headline, else
   * "Outlet not stated". Coverage counts the source for `outletKey` of it, the same outlet as its row's.
   */
  outlet: string;
  biasLabel: BiasLabel;
  /**
   * When the source was published (ISO 8601, with its offset when known), against which its relative dates
   * ("yesterday", "last October", "six months ago") are resolved; null or absent when it does not say.
   */
  publishedAt?: string | null;
  /** The source's normalised text, in which quote offsets are measured. */
  text: string;
}

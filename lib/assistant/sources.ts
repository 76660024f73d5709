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
  /** The source's normalised text, in which quote offsets are measured. */
  text: string;
}

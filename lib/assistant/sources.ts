import type { BiasLabel } from "../import/bias-label";

/** What the assistant needs of a source: its text and who published it. */
export interface AssistantSource {
  id: string;
  /** The outlet, or the headline of a source that names no outlet. */
  outlet: string;
  biasLabel: BiasLabel;
  /** The source's normalised text, in which quote offsets are measured. */
  text: string;
}

/** A source as the workspace shows it: metadata and its full normalised text. */
export interface WorkspaceSource {
  id: string;
  kind: string;
  outlet: string | null;
  url: string | null;
  headline: string | null;
  author: string | null;
  /** ISO time, or null when the source states none. */
  publishedAt: string | null;
  statedAge: string | null;
  reliabilityLabel: string | null;
  biasLabel: string;
  text: string;
  /** The number of the text's current revision (1 as imported). */
  revision: number;
  /** The revision the live draft's quotes were last re-anchored to; behind `revision` after a failed attempt. */
  anchoredRevision: number;
  /** Hidden from the workspace by an editor: out of its list of sources and of the assistant, yet still in the story. */
  hidden: boolean;
  /** Every revision of the text, newest first: who made it, when (ISO) and why. */
  history: Array<{ number: number; note: string; at: string; by: string | null }>;
}

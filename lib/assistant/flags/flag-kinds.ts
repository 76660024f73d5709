import { attributionDriftKind } from "./attribution-drift";
import { citationNeededKind } from "./citation-needed";
import { claimDiscrepancyKind } from "./claim-discrepancy";
import { misquoteKind } from "./misquote";
import { oneSidedKind } from "./one-sided";
import { singleSourceKind } from "./single-source";
import { sourceDiscrepancyKind } from "./source-discrepancy";
import { sourceMisquoteKind } from "./source-misquote";

/**
 * Every kind of flag the assistant raises, each defined in its own module of this folder beside the function
 * that makes its flags. To add a kind: a module here exporting its definition and its flags, an entry in this
 * list, and a call in createAssistant (lib/assistant/assistant.ts).
 */
export const FLAG_KINDS = [
  misquoteKind,
  claimDiscrepancyKind,
  singleSourceKind,
  oneSidedKind,
  citationNeededKind,
  attributionDriftKind,
  sourceMisquoteKind,
  sourceDiscrepancyKind,
] as const;

/** The kinds of advice the assistant gives. */
export type FlagKind = (typeof FLAG_KINDS)[number]["id"];

/** The wording an editor sees for each kind of flag. */
export const FLAG_KIND_TEXT = Object.fromEntries(FLAG_KINDS.map((kind) => [kind.id, kind.label])) as Record<
  FlagKind,
  string
>;

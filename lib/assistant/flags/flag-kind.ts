import { toHexString } from "lib0/buffer";
import { digest } from "lib0/hash/sha256";
import { encodeUtf8 } from "lib0/string";

/** Where a flag belongs: on one claim (ClaimAssistance.flags, with its claimId) or on the story (claimId null). */
export type FlagScope = "claim" | "story";

/**
 * What every kind of flag declares, in its own module of lib/assistant/flags/ beside the function that makes
 * its flags; lib/assistant/flags/flag-kinds.ts lists them all.
 */
export interface FlagKindDefinition<Id extends string = string> {
  /** The kind's id: AssistantFlag.kind, the first part of each flag id and the UI's data-flag-kind. */
  id: Id;
  /** The wording an editor sees for the kind, above each of its flags. */
  label: string;
  /** Where its flags may belong; a kind that can be either lists both. */
  scopes: readonly FlagScope[];
}

/**
 * A flag id: kind, owner (a claim id, a source id or "story") and a short SHA-256 of the words it is about.
 * lib0's SHA-256 is synchronous in the browser and in Node, so assist() can stay synchronous.
 */
export function flagId(kind: FlagKindDefinition, owner: string, words: readonly string[]): string {
  return `${kind.id}:${owner}:${toHexString(digest(encodeUtf8(words.join("\u0000")))).slice(0, 12)}`;
}

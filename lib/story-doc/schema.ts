import * as Y from "yjs";
import { ASSISTANT_DISMISSALS_FIELD } from "../assistant/dismissals";
import { CLAIMS_FIELD } from "../claims/story-claims";
import { AUTHORSHIP_FIELD } from "./authorship";
import { CLAIM_ASSIGNMENTS_FIELD } from "./claim-assignments";
import { SOURCE_REVISIONS_FIELD } from "./source-revisions";
import { SUMMARY_FIELD } from "./summary";

/** The kind of shared type a root of a story document is. */
export type RootKind = "map" | "xmlFragment";

/** Who may write a root: every editor's client, or only the collaboration server. */
export type RootWriter = "client" | "server";

/**
 * The roots of a story's Y.Doc, their types and who writes them. Nothing else may exist in a story document:
 * the collaboration server refuses an update that writes another root (lib/story-doc/write-policy.ts).
 */
export const STORY_DOC_ROOTS: Readonly<Record<string, { kind: RootKind; writer: RootWriter }>> = {
  [SUMMARY_FIELD]: { kind: "xmlFragment", writer: "client" },
  [CLAIMS_FIELD]: { kind: "map", writer: "client" },
  [ASSISTANT_DISMISSALS_FIELD]: { kind: "map", writer: "client" },
  [SOURCE_REVISIONS_FIELD]: { kind: "map", writer: "server" },
  [AUTHORSHIP_FIELD]: { kind: "map", writer: "server" },
  [CLAIM_ASSIGNMENTS_FIELD]: { kind: "map", writer: "server" },
};

/** The summary's block and inline nodes (Tiptap's StarterKit, as the editor configures it). */
export const SUMMARY_NODE_NAMES: ReadonlySet<string> = new Set([
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "codeBlock",
  "hardBreak",
  "horizontalRule",
]);

/**
 * The summary's formatting attributes: StarterKit's marks and the claim mark, which y-tiptap stores as
 * `claim--<hash>` when claims overlap (lib/anchoring/claim-spans.ts).
 */
export const SUMMARY_MARK_KEY = /^(?:bold|italic|strike|code|underline|link|claim(?:--[A-Za-z0-9+/=]{8})?)$/;

/** The fields of a claim's Y.Map (lib/claims/claim-schema.ts); `quotes` and `comments` are Y.Arrays of JSON. */
export const CLAIM_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "status",
  "createdBy",
  "createdAt",
  "quotes",
  "comments",
]);

/** The claim statuses a client may write; approved and rejected are written by the server from recorded decisions. */
export const CLIENT_CLAIM_STATUSES: ReadonlySet<unknown> = new Set(["draft", "needs_review"]);

/**
 * The schema's entry for a root of this name, or undefined: by own keys only, since a hostile update may name
 * its root "constructor" or "__proto__", which every object literal inherits.
 */
export function storyDocRootSchema(name: string): { kind: RootKind; writer: RootWriter } | undefined {
  return Object.hasOwn(STORY_DOC_ROOTS, name) ? STORY_DOC_ROOTS[name] : undefined;
}

/** The type a root of a story document has, by the schema; undefined for a name the schema does not have. */
function rootConstructor(name: string): typeof Y.Map | typeof Y.XmlFragment | undefined {
  const root = storyDocRootSchema(name);
  if (!root) return undefined;
  return root.kind === "map" ? Y.Map : Y.XmlFragment;
}

/**
 * Defines every root of a story document with its type, so that a document loaded or created anywhere has
 * the same types under the same names (Yjs fixes a root's type the first time it is asked for).
 */
export function defineStoryDocRoots(doc: Y.Doc): void {
  for (const name of Object.keys(STORY_DOC_ROOTS)) doc.get(name, rootConstructor(name));
}

/**
 * A root of a story document with its schema's type, defined now if the document has not got it yet;
 * undefined for a name the schema does not have (which the document does not get).
 */
export function storyDocRoot(doc: Y.Doc, name: string): ReturnType<Y.Doc["share"]["get"]> {
  const type = rootConstructor(name);
  if (!type) return undefined;
  doc.get(name, type);
  return doc.share.get(name);
}

/**
 * A story document whose roots exist only once something is written to them or asks for them, and then with
 * their schema's type, whoever asks: Yjs itself asks for a root by name alone (an untyped root) when it applies
 * an update that writes one. The collaboration server holds thousands of these, mostly a summary alone; each
 * root defined up front cost ~0.5 KB of heap per open story (bench:collab, 2,000 documents).
 */
export class StoryDoc extends Y.Doc {
  override get<Type extends new () => Y.AbstractType<unknown>>(
    name: string,
    TypeConstructor?: Type,
  ): InstanceType<Type> {
    const schemaType = rootConstructor(name);
    const asked = TypeConstructor === undefined || TypeConstructor === Y.AbstractType ? undefined : TypeConstructor;
    // Asked for with another type than the schema's: fail here, not at the next update that writes the root.
    if (schemaType && asked && (asked as unknown) !== schemaType)
      throw new Error(`the root "${name}" of a story document is a ${schemaType.name}`);
    return super.get(name, (asked ?? schemaType ?? Y.AbstractType) as Type);
  }
}

import * as Y from "yjs";
import { CLAIMS_FIELD } from "../claims/story-claims";
import { ASSISTANT_DISMISSALS_FIELD } from "../assistant/dismissals";
import { SUMMARY_FIELD } from "./summary";
import {
  CLAIM_FIELDS,
  CLIENT_CLAIM_STATUSES,
  storyDocRoot,
  storyDocRootSchema,
  SUMMARY_MARK_KEY,
  SUMMARY_NODE_NAMES,
  type RootKind,
} from "./schema";

/** Any shared type of a Y.Doc. */
type SharedType = NonNullable<ReturnType<Y.Doc["share"]["get"]>>;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>["ds"];

/** The limits a story document's writes are held to. */
export interface DocumentLimits {
  /** Largest encoded document, in bytes. */
  maxDocumentBytes: number;
  /** Deepest nesting of the summary's elements (a paragraph in a list item in a list is 3). */
  maxSummaryDepth: number;
  /** Longest run of text inserted in one piece (a paste), in characters. */
  maxStringLength: number;
  /** Largest JSON value (a quote, a comment, an attribute), in characters of its JSON. */
  maxValueLength: number;
  /** Deepest nesting of objects and arrays in a JSON value. */
  maxValueDepth: number;
  /** Most claims in a story. */
  maxClaims: number;
  /** Most quotes on one claim. */
  maxQuotesPerClaim: number;
  /** Most comments in one claim's thread. */
  maxCommentsPerClaim: number;
  /** Most dismissed assistant flags in a story. */
  maxDismissals: number;
}

/**
 * The version of these rules. A stored state records the version it passed (StoryDocument.checkedBy), so that a
 * room checks it on load only once; raise it when a rule tightens, and every story is checked again on its next
 * load. (A state is not checked again when an operator lowers a limit: the limits hold for every new update.)
 */
export const WRITE_POLICY_VERSION = 1;

/** The limits of the collaboration server unless configured otherwise (server/collab/limits.ts). */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDocumentBytes: 8 * 1024 * 1024,
  maxSummaryDepth: 24,
  maxStringLength: 200_000,
  maxValueLength: 64 * 1024,
  maxValueDepth: 8,
  maxClaims: 2_000,
  maxQuotesPerClaim: 500,
  maxCommentsPerClaim: 2_000,
  maxDismissals: 5_000,
};

/** What the policy needs to know about the room an update is for. */
export interface WriteContext {
  /** The room's document before the update. */
  doc: Y.Doc;
  /** `client` for an editor's socket; `server` for a stored state being loaded (server-only roots allowed). */
  writer: "client" | "server";
  /** Whether the writer may add new structs with this Yjs client id (not one another live socket owns). */
  mayWriteAs(clientId: number): boolean;
  limits: DocumentLimits;
}

/** Whether an update may be applied, and if not, why (said to the writer in the close reason). */
/**
 * Whether an update may be applied, and if not, why (said to the writer in the close reason). `missing` marks
 * an update that depends on changes the document does not have yet: the same writer's update on the way may
 * bring them (a client sends what it types while its catch-up after a reconnect is still in flight).
 */
export type WriteVerdict = { ok: true } | { ok: false; reason: string; missing?: true };

/** Where a new struct sits: the type it is written into and the key under it (null for a list position). */
interface Place {
  container: Container;
  key: string | null;
}

/** A shared type as the policy sees it: its root, kind, depth below the root and the keys leading to it. */
interface Container {
  root: string;
  kind: RootKind | "array" | "xmlElement" | "xmlText" | "other";
  depth: number;
  /** The map keys from the root down to this type (null for list positions), at most the claims' two. */
  path: Array<string | null>;
  /** The type itself when the document has it (null for one this update creates), to count its entries if a limit asks. */
  type: SharedType | null;
}

class Refusal extends Error {}

/** A refusal for what the document lacks: the update may be fine once the changes it depends on arrive. */
class Missing extends Refusal {}

/** How far apart a new struct's neighbours may be (items inserted between them since): far beyond real editing. */
const MAX_NEIGHBOUR_WALK = 10_000;

/**
 * Decides whether an incoming Yjs update may touch a story document, before it is applied: it decodes the
 * update's structs and delete set without applying them and refuses an update that is malformed, writes a
 * root that is not in the schema or one only the server writes, puts a type or value where the schema has
 * none (a Y.Map in a quote list, an embed in the summary), nests deeper, inserts longer strings or larger
 * values, or adds more claims, quotes, comments or dismissals than the limits allow, deletes from a
 * server-written root, references content the document does not have, or adds structs under a client id the
 * writer may not use. Structs the document already has are skipped, as Yjs skips them. Never throws.
 * The document size limit is the caller's (it knows the encoded size). Cost: one decode plus a walk up the
 * parents of each new struct; see bench/RESULTS.md.
 */
export function checkUpdate(update: Uint8Array, context: WriteContext): WriteVerdict {
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch {
    return { ok: false, reason: "malformed update" };
  }
  try {
    new PolicyRun(context, decoded.structs).check(decoded.ds);
    return { ok: true };
  } catch (error) {
    if (error instanceof Missing) return { ok: false, reason: error.message, missing: true };
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    // A stack overflow or a decoding error in a hostile struct: refused, never applied.
    return { ok: false, reason: "malformed update" };
  }
}

class PolicyRun {
  private readonly store: Y.Doc["store"];
  private readonly rootNames = new Map<SharedType, string>();
  private readonly containers = new Map<object, Container>();
  private readonly places = new Map<Y.Item, Place | null>();
  /** This update's structs by client, in clock order, to find an id among them. */
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  private readonly inUpdate: ReadonlySet<Y.Item | Y.GC | Y.Skip>;
  /** New entries per list or map, to count against the limits. */
  private readonly added = new Map<Container, number>();

  constructor(
    private readonly context: WriteContext,
    private readonly structs: Array<Y.Item | Y.GC | Y.Skip>,
  ) {
    this.store = context.doc.store;
    for (const [name, type] of context.doc.share) this.rootNames.set(type, name);
    this.inUpdate = new Set(structs);
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  check(ds: DeleteSet): void {
    const owners = new Map<number, boolean>();
    /** Per client id, the clock up to which the document has its structs or this update brings them. */
    const reach = new Map<number, number>();
    for (const struct of this.structs) {
      if (struct instanceof Y.Skip) continue;
      const client = struct.id.client;
      const known = Y.getState(this.store, client);
      const next = reach.get(client) ?? known;
      // Yjs would park a struct after a gap until the gap is filled: stored with the document, never checked again.
      if (struct.id.clock > next) throw new Missing("depends on changes the story does not have");
      reach.set(client, Math.max(next, struct.id.clock + struct.length));
      if (struct instanceof Y.Item) {
        // Even a struct the document has is parked, not dropped, when what it refers to is missing.
        this.requireReferences(struct);
        // And Yjs defines the root a struct names as it reads it, even one it then skips as known: an empty root
        // of any name per frame, kept while the room is open.
        const parent = struct.parent as unknown;
        if (typeof parent === "string" && !storyDocRootSchema(parent))
          throw new Refusal(`unknown root "${parent.slice(0, 40)}"`);
      }
      if (struct.id.clock + struct.length <= known) continue;
      let mayWrite = owners.get(client);
      if (mayWrite === undefined) owners.set(client, (mayWrite = this.context.mayWriteAs(client)));
      if (!mayWrite) throw new Refusal(`client id ${client} belongs to another connection`);
      if (struct instanceof Y.Item) this.checkItem(struct, known);
    }
    for (const [container, count] of this.added) this.checkCount(container, count);
    this.checkDeletions(ds, reach);
  }

  /** Refuses a struct whose neighbours or parent neither the document nor this update has (Yjs would keep it pending). */
  private requireReferences(item: Y.Item): void {
    const parent = item.parent as unknown;
    for (const id of [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]) {
      if (id === null) continue;
      const found = this.find(id);
      if (found === null || found instanceof Y.Skip) throw new Missing("references content the story does not have");
    }
  }

  /**
   * Refuses a new struct whose right neighbour is not to the right of its left one in the document: Yjs's
   * conflict resolution assumes it is, and peers that integrate such a struct next to different concurrent
   * edits put it in different places, so the documents stop converging. Checked where both neighbours are in
   * the document (a client's own consecutive structs are consistent by construction), within a bounded walk.
   */
  private requireOrderedNeighbours(item: Y.Item, origin: Y.ID | null): void {
    if (origin === null || item.rightOrigin === null) return;
    const left = this.find(origin);
    const right = this.find(item.rightOrigin);
    if (!(left instanceof Y.Item) || !(right instanceof Y.Item) || this.inUpdate.has(left) || this.inUpdate.has(right))
      return;
    if (left === right) {
      if (origin.client === item.rightOrigin.client && item.rightOrigin.clock > origin.clock) return;
      throw new Refusal("neighbours out of order");
    }
    if (left.parent !== right.parent || left.parentSub !== right.parentSub)
      throw new Refusal("neighbours in different places");
    let steps = 0;
    for (let next = left.right; next !== right; next = next.right) {
      if (next === null || ++steps > MAX_NEIGHBOUR_WALK) throw new Refusal("neighbours out of order");
    }
  }

  /** Checks a struct with clocks the document does not have yet (`known`: the document's clock for its client). */
  private checkItem(item: Y.Item, known: number): void {
    let place: Place | null;
    if (item.id.clock < known) {
      // Yjs integrates the part the document lacks right after the document's struct at the clock before, in
      // that struct's list, whatever the update says its parent or left neighbour is.
      const left = Y.createID(item.id.client, known - 1);
      const before = this.find(left);
      if (!(before instanceof Y.Item)) throw new Refusal("overlaps collected content");
      this.requireOrderedNeighbours(item, left);
      place = this.placeOf(before);
      // But the part keeps the parent the struct itself names: content linked into one list while it counts, and
      // is observed, under another (a quote the claim audit never sees, past the quote limit).
      const own = this.placeOf(item);
      if (own !== null && place !== null && (own.container !== place.container || own.key !== place.key))
        throw new Refusal("content placed apart from its parent");
    } else {
      this.requireOrderedNeighbours(item, item.origin);
      place = this.placeOf(item);
    }
    // Placed next to garbage-collected content: Yjs integrates it as deleted, so it carries nothing.
    if (place === null) return;
    const { container, key } = place;
    const root = storyDocRootSchema(container.root);
    if (!root) throw new Refusal(`unknown root "${container.root}"`);
    if (root.writer === "server" && this.context.writer !== "server")
      throw new Refusal(`"${container.root}" is written by the server only`);
    if (key !== null && key.length > 200) throw new Refusal("map key too long");
    const content = item.content;
    if (content instanceof Y.ContentDeleted) return;
    if (content instanceof Y.ContentType) {
      const child = this.containerOfNew(item, container, key);
      if (child.kind === "other")
        throw new Refusal(`${typeName(content.type)} is not allowed in ${describe(container)}`);
      this.countAdded(container, key);
      return;
    }
    if (container.root === CLAIMS_FIELD) return this.checkClaimValue(container, key, content);
    if (
      container.root === ASSISTANT_DISMISSALS_FIELD ||
      (this.context.writer === "server" && container.kind === "map")
    ) {
      if (!(content instanceof Y.ContentAny) || key === null || container.depth > 0)
        throw new Refusal(`unexpected content in ${describe(container)}`);
      this.checkValues(content.arr);
      this.countAdded(container, key);
      return;
    }
    this.checkSummaryContent(container, key, content);
  }

  private checkClaimValue(container: Container, key: string | null, content: Y.Item["content"]): void {
    const [claimId, field] = container.path;
    if (container.depth === 1 && key !== null && CLAIM_FIELDS.has(key) && key !== "quotes" && key !== "comments") {
      if (!(content instanceof Y.ContentAny) || content.arr.length !== 1)
        throw new Refusal(`claim field "${key}" must be one value`);
      this.checkValues(content.arr);
      if (key === "status" && this.context.writer === "client" && !CLIENT_CLAIM_STATUSES.has(content.arr[0])) {
        throw new Refusal("approving or rejecting a claim is recorded by the server");
      }
      return;
    }
    if (
      container.depth === 2 &&
      key === null &&
      claimId &&
      (field === "quotes" || field === "comments") &&
      content instanceof Y.ContentAny
    ) {
      this.checkValues(content.arr);
      this.countAdded(container, null, content.arr.length);
      return;
    }
    throw new Refusal(`unexpected content in ${describe(container)}`);
  }

  private checkSummaryContent(container: Container, key: string | null, content: Y.Item["content"]): void {
    if (container.kind === "xmlText" && key === null) {
      if (content instanceof Y.ContentString) {
        // A stored state merges a writer's consecutive insertions into one string: only new writes are held to the limit.
        if (this.context.writer === "client" && content.str.length > this.context.limits.maxStringLength)
          throw new Refusal("inserted text too long");
        return;
      }
      if (content instanceof Y.ContentFormat) {
        if (!SUMMARY_MARK_KEY.test(content.key)) throw new Refusal(`unknown formatting "${content.key.slice(0, 40)}"`);
        this.checkValues([content.value]);
        return;
      }
    }
    if (container.kind === "xmlElement" && key !== null && content instanceof Y.ContentAny) {
      this.checkValues(content.arr);
      return;
    }
    throw new Refusal(`unexpected content in ${describe(container)}`);
  }

  /** The container a new type (created by this update) will be, checked against where it is put. */
  private containerOfNew(item: Y.Item, parent: Container, key: string | null): Container {
    const type = (item.content as Y.ContentType).type;
    const known = this.containers.get(type);
    if (known) return known;
    const depth = parent.depth + 1;
    const path = [...parent.path, key];
    let kind: Container["kind"] = "other";
    if (parent.root === CLAIMS_FIELD) {
      if (parent.depth === 0 && key !== null && /^[A-Za-z0-9_-]{1,64}$/.test(key) && type instanceof Y.Map)
        kind = "map";
      if (parent.depth === 1 && (key === "quotes" || key === "comments") && type instanceof Y.Array) kind = "array";
    } else if (parent.root === SUMMARY_FIELD) {
      if (key === null && (parent.kind === "xmlFragment" || parent.kind === "xmlElement")) {
        if (type instanceof Y.XmlText) kind = "xmlText";
        else if (type instanceof Y.XmlElement && SUMMARY_NODE_NAMES.has(type.nodeName)) kind = "xmlElement";
      }
      if (depth > this.context.limits.maxSummaryDepth) throw new Refusal("summary nested too deep");
    }
    const container: Container = { root: parent.root, kind, depth, path, type: null };
    this.containers.set(type, container);
    return container;
  }

  /** The container of a type that is already in the document. */
  private containerOfExisting(type: SharedType): Container {
    const known = this.containers.get(type);
    if (known) return known;
    const chain: SharedType[] = [];
    let current: SharedType = type;
    let base: Container | undefined;
    for (;;) {
      base = this.containers.get(current);
      if (base) break;
      const item = current._item;
      if (item === null) {
        const root = this.rootNames.get(current);
        if (root === undefined) throw new Refusal("content outside any root");
        base = { root, kind: storyDocRootSchema(root)?.kind ?? "other", depth: 0, path: [], type: current };
        this.containers.set(current, base);
        break;
      }
      chain.push(current);
      // Documents that passed the policy are shallow; a deeper one is refused rather than walked.
      if (chain.length > 64) throw new Refusal("content nested too deep");
      current = item.parent as SharedType;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const child = chain[i]!;
      const parentSub = child._item?.parentSub ?? null;
      const kind: Container["kind"] =
        child instanceof Y.XmlText
          ? "xmlText"
          : child instanceof Y.XmlElement
            ? "xmlElement"
            : child instanceof Y.Map
              ? "map"
              : child instanceof Y.Array
                ? "array"
                : "other";
      const container: Container = {
        root: base.root,
        kind,
        depth: base.depth + 1,
        path: [...base.path, parentSub],
        type: child,
      };
      this.containers.set(child, container);
      base = container;
    }
    return base;
  }

  /**
   * Where a new item goes: its parent as the update names it (a root, or the item of a type), or else as the
   * neighbour it was inserted next to says. Resolved without recursion; a cycle of neighbours is refused.
   */
  private placeOf(item: Y.Item): Place | null {
    const chain: Y.Item[] = [];
    // A Set, not chain.includes: a hostile update can chain 100,000 neighbours, and a scan per link is quadratic.
    const visited = new Set<Y.Item>();
    let current: Y.Item = item;
    let place: Place | null | undefined;
    for (;;) {
      if (this.places.has(current)) {
        place = this.places.get(current) ?? null;
        break;
      }
      const parent = current.parent as unknown;
      if (typeof parent === "string") {
        // A root of the schema the document has not got yet is defined now, with its type (lib/story-doc/schema.ts).
        const type = storyDocRoot(this.context.doc, parent);
        if (!type) throw new Refusal(`unknown root "${parent.slice(0, 40)}"`);
        this.rootNames.set(type, parent);
        place = { container: this.containerOfExisting(type), key: current.parentSub };
        break;
      }
      if (parent instanceof Y.ID) {
        const owner = this.find(parent);
        // A parent deleted and collected meanwhile (an edit racing a deletion): Yjs drops the new content.
        if (owner instanceof Y.GC || (owner instanceof Y.Item && owner.content instanceof Y.ContentDeleted)) {
          place = null;
          break;
        }
        if (!(owner instanceof Y.Item) || !(owner.content instanceof Y.ContentType))
          throw new Refusal("parent is not a shared type");
        const type = owner.content.type;
        if (this.inUpdate.has(owner)) {
          const ownerPlace = this.placeOf(owner);
          if (ownerPlace === null) {
            place = null;
            break;
          }
          place = {
            container: this.containerOfNew(owner, ownerPlace.container, ownerPlace.key),
            key: current.parentSub,
          };
        } else {
          place = { container: this.containerOfExisting(type), key: current.parentSub };
        }
        break;
      }
      if (parent instanceof Y.AbstractType) {
        place = { container: this.containerOfExisting(parent), key: current.parentSub };
        break;
      }
      const neighbourId = current.origin ?? current.rightOrigin;
      if (neighbourId === null) throw new Refusal("struct without a parent");
      const neighbour = this.find(neighbourId);
      if (neighbour instanceof Y.GC) {
        place = null;
        break;
      }
      if (!(neighbour instanceof Y.Item)) throw new Refusal("references content the document does not have");
      if (visited.has(neighbour) || neighbour === item) throw new Refusal("cyclic references");
      chain.push(current);
      visited.add(current);
      if (chain.length > 100_000) throw new Refusal("too many structs");
      current = neighbour;
    }
    this.places.set(current, place);
    for (const link of chain) this.places.set(link, place);
    return place;
  }

  /** The struct that holds an id: one of this update's, or one the document has. */
  private find(id: Y.ID): Y.Item | Y.GC | Y.Skip | null {
    const list = this.byClient.get(id.client);
    if (list) {
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const struct = list[middle]!;
        if (id.clock < struct.id.clock) high = middle - 1;
        else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
        else if (id.clock < Y.getState(this.store, id.client)) break;
        else return struct;
      }
    }
    if (id.clock >= Y.getState(this.store, id.client)) return null;
    return Y.getItem(this.store, id) as Y.Item | Y.GC;
  }

  private countAdded(container: Container, key: string | null, count = 1): void {
    // Setting a key a root map already has replaces an entry: it adds none.
    const root = this.context.doc.share.get(container.root);
    if (container.depth === 0 && key !== null && root instanceof Y.Map && root.has(key)) return;
    this.added.set(container, (this.added.get(container) ?? 0) + count);
  }

  private checkCount(container: Container, added: number): void {
    const limits = this.context.limits;
    const [, field] = container.path;
    let limit: [number, string] | null = null;
    if (container.root === CLAIMS_FIELD && container.depth === 0) limit = [limits.maxClaims, "claims"];
    else if (container.root === CLAIMS_FIELD && field === "quotes")
      limit = [limits.maxQuotesPerClaim, "quotes on a claim"];
    else if (container.root === CLAIMS_FIELD && field === "comments")
      limit = [limits.maxCommentsPerClaim, "comments on a claim"];
    else if (container.root === ASSISTANT_DISMISSALS_FIELD && container.depth === 0)
      limit = [limits.maxDismissals, "dismissed flags"];
    if (limit === null) return;
    const [max, what] = limit;
    const type = container.type;
    // Y.Map's size walks every key it ever had; the count of keys, deleted ones included, is free and never lower.
    const bound = type === null ? 0 : type instanceof Y.Map ? type._map.size : sizeOf(type);
    if (bound + added <= max) return;
    if ((type === null ? 0 : sizeOf(type)) + added > max) throw new Refusal(`more than ${max} ${what}`);
  }

  /** JSON values: each bounded in depth and size (a stored state merges one writer's consecutive values), walked without recursion. */
  private checkValues(values: unknown[]): void {
    for (const value of values) this.checkValue(value);
  }

  private checkValue(root: unknown): void {
    const { maxValueDepth, maxValueLength } = this.context.limits;
    let budget = maxValueLength;
    const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
    while (stack.length > 0) {
      const { value, depth } = stack.pop()!;
      if (depth > maxValueDepth) throw new Refusal("value nested too deep");
      if (typeof value === "string") budget -= value.length + 2;
      else if (value instanceof Uint8Array) throw new Refusal("binary values are not allowed");
      else if (Array.isArray(value)) {
        budget -= 2 + value.length;
        for (const element of value) stack.push({ value: element, depth: depth + 1 });
      } else if (value !== null && typeof value === "object") {
        for (const [key, element] of Object.entries(value)) {
          budget -= key.length + 4;
          stack.push({ value: element, depth: depth + 1 });
        }
      } else budget -= 8;
      if (budget < 0) throw new Refusal("value too large");
    }
  }

  /**
   * Deleting is editing, except from a root the server writes, or what neither the document nor this update
   * has (Yjs would keep that deletion pending with the document).
   */
  private checkDeletions(ds: DeleteSet, reach: ReadonlyMap<number, number>): void {
    if (this.context.writer === "server") return;
    for (const [client, ranges] of ds.clients) {
      const known = Y.getState(this.store, client);
      const structs = this.store.clients.get(client) ?? [];
      for (const { clock, len } of ranges) {
        if (clock + len > (reach.get(client) ?? known)) throw new Refusal("deletes changes the story does not have");
        if (clock >= known) continue;
        for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
          const struct = structs[index]!;
          if (struct.id.clock >= clock + len) break;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          const container = this.containerOfExisting(struct.parent as SharedType);
          if (storyDocRootSchema(container.root)?.writer === "server")
            throw new Refusal(`"${container.root}" is written by the server only`);
        }
      }
    }
  }
}

function sizeOf(type: SharedType): number {
  if (type instanceof Y.Map) return type.size;
  if (type instanceof Y.Array) return type.length;
  return 0;
}

/** A shared type as a person would name it in a close reason. */
function typeName(type: unknown): string {
  if (type instanceof Y.XmlElement) return `an element <${type.nodeName.slice(0, 20)}>`;
  if (type instanceof Y.XmlText || type instanceof Y.Text) return "a text";
  if (type instanceof Y.Map) return "a map";
  if (type instanceof Y.Array) return "a list";
  return "a shared type";
}

function describe(container: Container): string {
  return container.depth === 0 ? `"${container.root}"` : `"${container.root}" at depth ${container.depth}`;
}

import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";

/**
 * Carets: a presence message of our own, for the one change that is sent most (a caret moving as its owner
 * types or clicks), sent by the collaboration server only to sockets that ask for it with `?presence=carets`.
 *
 * y-protocols' awareness sends a client's whole state as JSON with every change: its name, colour, role and id
 * with each keystroke, about 350 bytes for a caret. A caret message carries, for each client whose state
 * changed only in its `cursor`, its client id, its awareness clock and the cursor's relative positions as a
 * few integers (about 20 bytes); the receiver applies it to the state it already holds as the awareness update
 * the server would otherwise have sent. The server sends a caret only when the receiver's result is the same
 * state, key for key (`encodeCursor` refuses anything else), so a client reading carets and one reading
 * awareness see the same presence.
 */

/** The y-websocket message type of carets (y-websocket's own are 0–3). */
export const MESSAGE_CARETS = 100;
/** The query parameter by which a socket asks for carets. */
export const CARETS_PARAMETER = { presence: "carets" } as const;

/** A Yjs relative position as JSON.stringify writes a Y.RelativePosition (y-tiptap's cursor). */
interface RelativePositionJson {
  type: { client: number; clock: number } | null;
  tname: string | null;
  item: { client: number; clock: number } | null;
  assoc: number;
}
type CursorJson = { anchor: RelativePositionJson; head: RelativePositionJson } | null;

const CURSOR_NONE = 0;
const CURSOR_COLLAPSED = 1;
const CURSOR_RANGE = 2;

/**
 * Whether a client's state equals one of its states that went out before in everything but its cursor's value, keys
 * and their order included: then a caret (the cursor alone) applied to what a receiver holds gives it this state.
 * A room keeps the last state it sent of each present client (the object y-protocols holds, not a copy).
 */
export function sameBesidesCursor(sent: Record<string, unknown>, state: Record<string, unknown>): boolean {
  return sameJson(sent, state, "cursor");
}

/**
 * Whether two values parsed from JSON would be written as the same JSON text (keys in the same order), but for the
 * value of the key `skipped` of the outermost object, which must be in the same place in both.
 */
function sameJson(a: unknown, b: unknown, skipped?: string): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(
      (key, i) =>
        key === bKeys[i] &&
        (key === skipped || sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])),
    )
  );
}

/**
 * A presence state's `cursor` encoded for a caret message, or null when a caret could not carry it exactly
 * (absent, or anything but `null` or `{ anchor, head }` of relative positions as Yjs writes them): such a
 * state goes out as awareness.
 */
export function encodeCursor(cursor: unknown): Uint8Array | null {
  const encoder = encoding.createEncoder();
  if (cursor === null) {
    encoding.writeVarUint(encoder, CURSOR_NONE);
    return encoding.toUint8Array(encoder);
  }
  if (!hasExactKeys(cursor, ["anchor", "head"])) return null;
  const { anchor, head } = cursor as { anchor: unknown; head: unknown };
  if (!isRelativePosition(anchor) || !isRelativePosition(head)) return null;
  const collapsed = JSON.stringify(anchor) === JSON.stringify(head);
  encoding.writeVarUint(encoder, collapsed ? CURSOR_COLLAPSED : CURSOR_RANGE);
  writeRelativePosition(encoder, anchor);
  if (!collapsed) writeRelativePosition(encoder, head);
  return encoding.toUint8Array(encoder);
}

/** A caret message: each client's id, awareness clock and encoded cursor (encodeCursor). */
export function caretsMessage(carets: ReadonlyArray<{ clientId: number; clock: number; cursor: Uint8Array }>) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CARETS);
  encoding.writeVarUint(encoder, carets.length);
  for (const { clientId, clock, cursor } of carets) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeUint8Array(encoder, cursor);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Applies a caret message (its type already read) to the receiver's awareness: each caret becomes the
 * awareness update of the state the receiver holds for that client with the new cursor, so the caret
 * extension hears of it as of any presence change. A caret of a client the receiver holds no state for is
 * skipped (its state comes as awareness).
 * @throws Error when the message is malformed.
 */
export function applyCarets(awareness: awarenessProtocol.Awareness, decoder: decoding.Decoder, origin: unknown): void {
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  let applied = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const cursor = readCursor(decoder);
    const state = awareness.getStates().get(clientId);
    if (!state) continue;
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify({ ...state, cursor }));
    applied += 1;
  }
  if (applied === 0) return;
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, applied);
  encoding.writeUint8Array(update, encoding.toUint8Array(encoder));
  awarenessProtocol.applyAwarenessUpdate(awareness, encoding.toUint8Array(update), origin);
}

/**
 * Lets a provider read caret messages; it asks for them when its params include CARETS_PARAMETER.
 * @example readCaretsWith(new WebsocketProvider(url, room, doc, { params: { token, ...CARETS_PARAMETER } }))
 */
export function readCaretsWith(provider: WebsocketProvider): void {
  provider.messageHandlers[MESSAGE_CARETS] = (_encoder, decoder, from) => applyCarets(from.awareness, decoder, from);
}

function readCursor(decoder: decoding.Decoder): CursorJson {
  const kind = decoding.readVarUint(decoder);
  if (kind === CURSOR_NONE) return null;
  const anchor = readRelativePosition(decoder);
  if (kind === CURSOR_COLLAPSED) return { anchor, head: anchor };
  if (kind === CURSOR_RANGE) return { anchor, head: readRelativePosition(decoder) };
  throw new Error(`unknown cursor kind ${kind}`);
}

const HAS_TYPE = 1;
const HAS_TNAME = 2;
const HAS_ITEM = 4;

function writeRelativePosition(encoder: encoding.Encoder, position: RelativePositionJson): void {
  encoding.writeVarUint(
    encoder,
    (position.type ? HAS_TYPE : 0) | (position.tname !== null ? HAS_TNAME : 0) | (position.item ? HAS_ITEM : 0),
  );
  if (position.type) writeId(encoder, position.type);
  if (position.tname !== null) encoding.writeVarString(encoder, position.tname);
  if (position.item) writeId(encoder, position.item);
  encoding.writeVarInt(encoder, position.assoc);
}

function readRelativePosition(decoder: decoding.Decoder): RelativePositionJson {
  const flags = decoding.readVarUint(decoder);
  const type = flags & HAS_TYPE ? readId(decoder) : null;
  const tname = flags & HAS_TNAME ? decoding.readVarString(decoder) : null;
  const item = flags & HAS_ITEM ? readId(decoder) : null;
  return { type, tname, item, assoc: decoding.readVarInt(decoder) };
}

function writeId(encoder: encoding.Encoder, id: { client: number; clock: number }): void {
  encoding.writeVarUint(encoder, id.client);
  encoding.writeVarUint(encoder, id.clock);
}

function readId(decoder: decoding.Decoder): { client: number; clock: number } {
  return { client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) };
}

/** Half of a UTF-16 pair without its other half: JSON keeps it, a caret's UTF-8 could not. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a value is a relative position that a caret carries exactly: Yjs's four keys, in Yjs's order. */
function isRelativePosition(value: unknown): value is RelativePositionJson {
  if (!hasExactKeys(value, ["type", "tname", "item", "assoc"])) return false;
  const { type, tname, item, assoc } = value as Record<string, unknown>;
  return (
    (type === null || isId(type)) &&
    (tname === null || (typeof tname === "string" && !LONE_SURROGATE.test(tname))) &&
    (item === null || isId(item)) &&
    Number.isSafeInteger(assoc) &&
    Math.abs(assoc as number) <= 0x7fffffff
  );
}

function isId(value: unknown): boolean {
  if (!hasExactKeys(value, ["client", "clock"])) return false;
  const { client, clock } = value as Record<string, unknown>;
  return isVarUint(client) && isVarUint(clock);
}

function isVarUint(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function hasExactKeys(value: unknown, keys: readonly string[]): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key, i) => key === keys[i]);
}

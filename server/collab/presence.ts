import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { CollabUser } from "./authenticate";
import { CloseCode } from "../../lib/collab/close-codes";
import { Refusal, type Connection, type RoomHook } from "./hooks";
import type { Room } from "./room";

/** How many awareness client ids one socket may control (one document per tab; Yjs may renew its id on a clash). */
const MAX_CLIENT_IDS_PER_SOCKET = 2;
/** The largest presence state (a name, a colour, a cursor, the claim in view) every other socket is sent. */
const MAX_STATE_LENGTH = 16 * 1024;

/**
 * Presence ownership: a socket controls the awareness client ids it introduces first (at most two) and only
 * those (a socket of the same person may take one over), and every state it sets names the socket's user
 * (stampAwarenessUpdate). The ids it controls are
 * also the Yjs client ids under which only it may add to the document (document-policy.ts).
 */
export const presenceHook: RoomHook = {
  onAwareness(room, connection, update) {
    // Ids taken in this very update count against the socket's share as they are taken.
    const taken = new Set<number>();
    const mayTake = (clientId: number): boolean => {
      if (connection.clientIds.includes(clientId) || taken.has(clientId)) return true;
      if (
        connection.clientIds.length + taken.size >= MAX_CLIENT_IDS_PER_SOCKET ||
        !mayControl(room, connection, clientId)
      )
        return false;
      taken.add(clientId);
      return true;
    };
    let stamped: ReturnType<typeof stampAwarenessUpdate>;
    try {
      stamped = stampAwarenessUpdate(update, connection.user, mayTake);
    } catch (error) {
      throw new Refusal(
        CloseCode.BadMessage,
        `malformed presence: ${error instanceof Error ? error.message : "unreadable"}`,
      );
    }
    for (const { clientId, left } of stamped.kept) {
      if (left) release(connection, clientId);
      else {
        if (!connection.clientIds.includes(clientId)) connection.clientIds = connection.clientIds.concat(clientId);
        room.claimClientId(clientId, connection.user.id);
      }
    }
    return stamped.update;
  },
};

/**
 * Whether a socket may take a client id that is not its own: one that belongs to nobody else in the room
 * (Room.ownerOf). A socket of the same person takes the id over: it is the same tab reconnecting while the
 * server has not yet noticed that its old socket is gone.
 */
function mayControl(room: Room, connection: Connection, clientId: number): boolean {
  const owner = room.ownerOf(clientId);
  if (owner !== undefined && owner !== connection.user.id) return false;
  for (const other of room.connections.values()) {
    if (other === connection || !other.clientIds.includes(clientId)) continue;
    if (other.user.id !== connection.user.id) return false;
    release(other, clientId);
  }
  return true;
}

/** The socket no longer controls the client id. */
function release(connection: Connection, clientId: number): void {
  connection.clientIds = connection.clientIds.filter((id) => id !== clientId);
}

/**
 * Rewrites an awareness update from a client so that every state it carries names the authenticated user:
 * `user.id`, `user.name` and `user.role` come from the token, whatever the client wrote, so nobody can
 * appear in the presence list under someone else's name. Other fields (colour, cursor) pass through. States
 * for client ids the socket may not control (another socket's: its cursor, its presence) are left out, so
 * nobody can move or clear someone else's cursor either.
 * @returns the update to apply and which client ids it kept (`left` when their state is null: they left).
 * @throws Error when the update is not a valid awareness update or a state is over 16 KB.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  user: CollabUser,
  mayControl: (clientId: number) => boolean,
): { update: Uint8Array; kept: Array<{ clientId: number; left: boolean }> } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string; left: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_STATE_LENGTH) throw new Error("awareness state too large");
    const state: unknown = JSON.parse(json);
    if (mayControl(clientId))
      kept.push({ clientId, clock, state: JSON.stringify(stamp(state, user)), left: state === null });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after awareness update");
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return { update: encoding.toUint8Array(encoder), kept: kept.map(({ clientId, left }) => ({ clientId, left })) };
}

function stamp(state: unknown, user: CollabUser): unknown {
  if (state === null) return null; // the client left
  if (typeof state !== "object" || Array.isArray(state)) throw new Error("awareness state must be an object");
  const claimed = (state as { user?: unknown }).user;
  const color =
    typeof claimed === "object" && claimed !== null && typeof (claimed as { color?: unknown }).color === "string"
      ? (claimed as { color: string }).color
      : undefined;
  return { ...state, user: { id: user.id, name: user.name, role: user.role, color } };
}

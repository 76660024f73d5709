import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { CollabUser } from "./authenticate";

/**
 * Rewrites an awareness update from a client so that every state it carries names the authenticated user:
 * `user.id`, `user.name` and `user.role` come from the token, whatever the client wrote, so nobody can
 * appear in the presence list under someone else's name. Other fields (colour, cursor) pass through. States
 * for client ids the socket may not control (another socket's: its cursor, its presence) are left out, so
 * nobody can move or clear someone else's cursor either.
 * @throws Error when the update is not a valid awareness update.
 */
export function stampAwarenessUpdate(update: Uint8Array, user: CollabUser, mayControl: (clientId: number) => boolean): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (mayControl(clientId)) kept.push({ clientId, clock, state: JSON.stringify(stamp(state, user)) });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after awareness update");
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
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

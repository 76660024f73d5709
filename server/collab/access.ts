import { ACCOUNT_DISABLED_REASON, CloseCode } from "../../lib/collab/close-codes";
import { Refusal, type Connection, type RoomHook } from "./hooks";
import type { Logger } from "./logger";
import type { Persistence } from "./persistence";
import type { Room } from "./room";

/** How often expired tokens are looked for among the open sockets. */
const EXPIRY_SWEEP_MS = 1_000;

/** Revocation: a hook for the rooms plus the poller that checks people's roles. */
export interface AccessControl {
  hook: RoomHook;
  /** Checks every open socket's person against the database now (the poller calls it). */
  checkNow(): Promise<void>;
  stop(): void;
}

/**
 * An open socket lasts only as long as the access it was opened with: it is closed with 4401 within a second of
 * its token expiring (the workspace fetches a new token and reconnects, keeping its edits), with 4409 within `intervalMs`
 * of its person's role changing or their account being removed, and with 4403 (final: the workspace stops and
 * says why) within `intervalMs` of an admin disabling them. The poller reads everyone connected in one query.
 */
export function createAccessControl(options: {
  persistence: Persistence;
  log: Logger;
  intervalMs: number;
}): AccessControl {
  const open = new Map<Connection, Room>();
  /** How many open sockets each person has: the poller asks about these people. */
  const people = new Map<string, number>();
  let checking: Promise<void> | null = null;

  // The sweep and the poller go over every open socket every second or two for as long as anyone is connected,
  // so they allocate nothing per socket (Map#forEach: no entry array per socket, no copy of the sockets).
  const checkNow = async (): Promise<void> => {
    if (people.size === 0) return;
    const asked = [...people.keys()];
    const access = await options.persistence.loadAccess(asked);
    const askedAbout = new Set(asked);
    open.forEach((room, connection) => {
      // Someone who joined while the database answered was not asked about: the next poll checks them.
      if (!askedAbout.has(connection.user.id)) return;
      const now = access.get(connection.user.id);
      if (now?.disabled) room.refuse(connection, new Refusal(CloseCode.Forbidden, ACCOUNT_DISABLED_REASON));
      else if (now?.role !== connection.user.role) {
        room.refuse(connection, new Refusal(CloseCode.AccessChanged, "your access to this story changed; reconnect"));
      }
    });
  };
  const poller = setInterval(() => {
    checking ??= checkNow()
      .catch((error: unknown) => options.log.error("checking the access of connected people failed", error))
      .finally(() => (checking = null));
  }, options.intervalMs);
  poller.unref();
  // One sweep for every socket's expiry rather than a timer each: 10,000 comparisons a second cost less than
  // 10,000 timers held (bench/RESULTS.md, idle sockets).
  const expirer = setInterval(() => {
    const now = Date.now();
    open.forEach((room, connection) => {
      if (connection.expiresAt <= now) room.refuse(connection, new Refusal(CloseCode.Unauthorized, "token expired"));
    });
  }, EXPIRY_SWEEP_MS);
  expirer.unref();

  return {
    hook: {
      onJoin(room, connection) {
        open.set(connection, room);
        people.set(connection.user.id, (people.get(connection.user.id) ?? 0) + 1);
      },
      onLeave(_room, connection) {
        if (!open.delete(connection)) return;
        const left = (people.get(connection.user.id) ?? 1) - 1;
        if (left > 0) people.set(connection.user.id, left);
        else people.delete(connection.user.id);
      },
    },
    checkNow,
    stop() {
      clearInterval(poller);
      clearInterval(expirer);
    },
  };
}

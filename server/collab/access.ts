import { ACCOUNT_DISABLED_REASON, CloseCode } from "../../lib/collab/close-codes";
import { Refusal, type Connection, type RoomHook } from "./hooks";
import type { Logger } from "./logger";
import type { Persistence } from "./persistence";
import type { Room } from "./room";

/** Revocation: a hook for the rooms plus the poller that checks people's roles. */
export interface AccessControl {
  hook: RoomHook;
  /** Checks every open socket's person against the database now (the poller calls it). */
  checkNow(): Promise<void>;
  stop(): void;
}

/**
 * An open socket lasts only as long as the access it was opened with: it is closed with 4401 when its token
 * expires (the workspace fetches a new token and reconnects, keeping its edits), with 4409 within `intervalMs`
 * of its person's role changing or their account being removed, and with 4403 (final: the workspace stops and
 * says why) within `intervalMs` of an admin disabling them. The poller reads everyone connected in one query.
 */
export function createAccessControl(options: {
  persistence: Persistence;
  log: Logger;
  intervalMs: number;
}): AccessControl {
  const open = new Map<Connection, { room: Room; expiry: NodeJS.Timeout }>();
  let checking: Promise<void> | null = null;

  const checkNow = async (): Promise<void> => {
    if (open.size === 0) return;
    const access = await options.persistence.loadAccess([
      ...new Set([...open.keys()].map((connection) => connection.user.id)),
    ]);
    for (const [connection, { room }] of open) {
      const now = access.get(connection.user.id);
      if (now?.disabled) room.refuse(connection, new Refusal(CloseCode.Forbidden, ACCOUNT_DISABLED_REASON));
      else if (now?.role !== connection.user.role) {
        room.refuse(connection, new Refusal(CloseCode.AccessChanged, "your access to this story changed; reconnect"));
      }
    }
  };
  const poller = setInterval(() => {
    checking ??= checkNow()
      .catch((error: unknown) => options.log.error("checking the access of connected people failed", error))
      .finally(() => (checking = null));
  }, options.intervalMs);
  poller.unref();

  return {
    hook: {
      onJoin(room, connection) {
        const expiry = setTimeout(
          () => room.refuse(connection, new Refusal(CloseCode.Unauthorized, "token expired")),
          Math.max(0, connection.expiresAt - Date.now()),
        );
        expiry.unref();
        open.set(connection, { room, expiry });
      },
      onLeave(_room, connection) {
        const entry = open.get(connection);
        if (entry) clearTimeout(entry.expiry);
        open.delete(connection);
      },
    },
    checkNow,
    stop() {
      clearInterval(poller);
      for (const { expiry } of open.values()) clearTimeout(expiry);
    },
  };
}

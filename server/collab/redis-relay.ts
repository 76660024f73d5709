import { randomUUID } from "node:crypto";
import type { Logger } from "./logger";
import { decodeRelayMessage, encodeRelayMessage, OWNERS_TTL_MS, type Relay, type RelayMessage } from "./relay";

/** Releases a lock only if it is still ours (it may have expired and been taken by another process). */
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * The relay over Redis pub/sub: one channel per story, one connection that publishes and takes locks, one that
 * subscribes. Pub/sub delivers a message only to processes connected at that moment, which is enough because
 * every update is appended to the log before it is published: a process that opens a room subscribes first and
 * loads the log second, and one whose connection broke reloads the log of each of its rooms when it is back
 * (onResume).
 */
export async function createRedisRelay(url: string, log: Logger, prefix = "corroborate"): Promise<Relay> {
  // Loaded only here: a process without REDIS_URL (the embedded default) never loads the client, about 20 MB.
  const { createClient } = await import("redis");
  const processId = randomUUID();
  const commands = createClient({ url });
  const subscriber = commands.duplicate();
  const receivers = new Map<string, (message: RelayMessage) => void>();
  /** The channel listener of each subscribed story, which its unsubscribe names. */
  const listeners = new Map<string, (bytes: Buffer) => void>();
  const resumeListeners: Array<() => void> = [];
  const channel = (storyId: string): string => `${prefix}:story:${storyId}`;
  let lostMessages = false;

  for (const [name, client] of [
    ["commands", commands],
    ["subscriber", subscriber],
  ] as const) {
    client.on("error", (error: unknown) => log.warn(`redis ${name} connection`, error));
  }
  subscriber.on("reconnecting", () => (lostMessages = true));
  // node-redis resubscribes by itself after a reconnect; what was published meanwhile is lost.
  subscriber.on("ready", () => {
    if (!lostMessages) return;
    lostMessages = false;
    log.info("redis is back: rooms reload what they may have missed from the log");
    for (const listener of resumeListeners) listener();
  });
  await Promise.all([commands.connect(), subscriber.connect()]);

  return {
    async subscribe(storyId, receive) {
      const wasSubscribed = receivers.has(storyId);
      receivers.set(storyId, receive);
      if (!wasSubscribed) {
        const listener = (bytes: Buffer) => {
          // A listener whose unsubscribe was lost with the connection comes back with the resubscription: mute.
          if (listeners.get(storyId) !== listener) return;
          try {
            const { sender, message } = decodeRelayMessage(bytes);
            if (sender !== processId) receivers.get(storyId)?.(message);
          } catch (error) {
            log.warn(`ignored a malformed relay message for story ${storyId}`, error);
          }
        };
        listeners.set(storyId, listener);
        try {
          await subscriber.subscribe(channel(storyId), listener, true);
        } catch (error) {
          // Not subscribed: the story's next room must try again rather than take it for done.
          if (listeners.get(storyId) === listener) listeners.delete(storyId);
          if (receivers.get(storyId) === receive) receivers.delete(storyId);
          throw error;
        }
      }
      return async () => {
        if (receivers.get(storyId) !== receive) return;
        receivers.delete(storyId);
        const listener = listeners.get(storyId);
        listeners.delete(storyId);
        // Named, the listener is marked as leaving at once: a subscribe for the same story before Redis answers
        // (a room unloaded and opened again) subscribes anew. Unnamed, node-redis would add the new listener to
        // the leaving one, send nothing, and drop both when the answer came: that room would hear no other
        // process again.
        const leave = () => subscriber.unsubscribe(channel(storyId), listener, true);
        // Once more if the connection broke before Redis answered: node-redis sends it again after reconnecting.
        await leave().catch(leave);
      };
    },
    publish(storyId, message) {
      commands
        .publish(channel(storyId), Buffer.from(encodeRelayMessage(processId, message)))
        .catch((error: unknown) => {
          log.warn(`publishing to story ${storyId} failed`, error);
        });
    },
    claim(storyId, clientId, userId) {
      const key = `${prefix}:owners:${storyId}`;
      const message = encodeRelayMessage(processId, { kind: "owners", owners: [[clientId, userId]] });
      commands
        .multi()
        .hSetNX(key, String(clientId), userId)
        .expire(key, OWNERS_TTL_MS / 1000)
        .publish(channel(storyId), Buffer.from(message))
        .exec()
        .catch((error: unknown) => log.warn(`recording an owner in story ${storyId} failed`, error));
    },
    async owners(storyId) {
      const owners = await commands.hGetAll(`${prefix}:owners:${storyId}`);
      return Object.entries(owners).map(([clientId, userId]) => [Number(clientId), userId] as [number, string]);
    },
    async exclusively(name, ttlMs, task) {
      const key = `${prefix}:lock:${name}`;
      const token = randomUUID();
      const taken = await commands.set(key, token, { condition: "NX", expiration: { type: "PX", value: ttlMs } });
      if (taken !== "OK") return false;
      try {
        await task();
      } finally {
        await commands
          .eval(RELEASE_LOCK, { keys: [key], arguments: [token] })
          .catch((error: unknown) => log.warn(`releasing lock ${name} failed`, error));
      }
      return true;
    },
    onResume(listener) {
      resumeListeners.push(listener);
    },
    get healthy() {
      return commands.isReady && subscriber.isReady;
    },
    alone: false,
    async close() {
      receivers.clear();
      await Promise.allSettled([subscriber.close(), commands.close()]);
    },
  };
}

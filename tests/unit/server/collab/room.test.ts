import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { addComment, claimsMap, createClaim, readClaims, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { applyCarets, MESSAGE_CARETS } from "@/lib/collab/caret-messages";
import { CloseCode } from "@/lib/collab/close-codes";
import { defineStoryDocRoots } from "@/lib/story-doc/schema";
import { summaryText, writeSummaryParagraphs } from "@/lib/story-doc/summary";
import { DEFAULT_DOCUMENT_LIMITS } from "@/lib/story-doc/write-policy";
import { claimAuditHook } from "@/server/collab/claim-audit";
import { documentPolicyHook } from "@/server/collab/document-policy";
import type { Connection } from "@/server/collab/hooks";
import { DEFAULT_LIMITS, limitsHook } from "@/server/collab/limits";
import type { Logger } from "@/server/collab/logger";
import type { Persistence } from "@/server/collab/persistence";
import { presenceHook } from "@/server/collab/presence";
import { awarenessMessage, syncUpdateMessage } from "@/server/collab/protocol";
import { createSoloRelay, type Relay, type RelayMessage } from "@/server/collab/relay";
import { QuarantinedError, Room, type RoomOptions } from "@/server/collab/room";
import { Rooms } from "@/server/collab/rooms";
import type { CollabSocket } from "@/server/collab/socket";
import { nestMaps } from "../../../support/hostile-document";

// The room core without a network: sockets are in-memory pairs that record what the room sends them.
const quiet: Logger = { info() {}, warn() {}, error() {} };

class TestSocket implements CollabSocket {
  readonly sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  bufferedAmount = 0;
  get isOpen(): boolean {
    return this.closed === null;
  }
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }
  /** The Yjs updates the room sent this socket (sync step 2 answers and broadcasts), applied to a copy of `base`. */
  documentSeen(base?: Uint8Array): Y.Doc {
    const doc = new Y.Doc();
    if (base) Y.applyUpdate(doc, base);
    for (const message of this.sent) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 0) continue;
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate)
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
    return doc;
  }
}

/** Persistence in memory, as the database would hold it. */
function memoryPersistence(
  stored: Uint8Array | null,
  checked = false,
): Persistence & { appends: Uint8Array[]; activity: unknown[]; statusChanges: unknown[]; marked: number[] } {
  const appends: Uint8Array[] = [];
  const activity: unknown[] = [];
  const statusChanges: unknown[] = [];
  const marked: number[] = [];
  return {
    appends,
    activity,
    statusChanges,
    marked,
    load: async () => stored && { state: stored, checked, version: 3 },
    markChecked: async (_id, version) => void marked.push(version),
    append: async (_id, update) => void appends.push(update),
    compact: async () => 0,
    recordActivity: async (record) => void activity.push(record),
    recordStatusChange: async (record) => void statusChanges.push(record),
    recordClaimDeleted: async () => undefined,
    loadSource: async () => null,
    loadAccess: async () => new Map(),
  };
}

function storedStory(): Uint8Array {
  const doc = new Y.Doc();
  defineStoryDocRoots(doc);
  writeSummaryParagraphs(doc, ["The CIA has released two videos."]);
  return Y.encodeStateAsUpdate(doc);
}

const rooms: Room[] = [];
afterEach(() => rooms.splice(0).forEach((room) => room.destroy()));

function roomOptions(persistence: Persistence): RoomOptions {
  return {
    persistence,
    relay: createSoloRelay(),
    log: quiet,
    hooks: [limitsHook(DEFAULT_LIMITS), presenceHook, documentPolicyHook, claimAuditHook(persistence, quiet)],
    documentLimits: DEFAULT_DOCUMENT_LIMITS,
    compactDelayMs: 10_000,
    compactEveryAppends: 500,
    presenceIntervalMs: 80,
    maxBacklogFrames: 10,
    onDurable: () => undefined,
  };
}

function openRoom(persistence: Persistence): Room {
  const room = new Room("story-1", roomOptions(persistence));
  rooms.push(room);
  return room;
}

function connect(
  room: Room,
  user = { id: "maya", name: "Maya Chen", role: "editor" as const },
  carets = false,
): { socket: TestSocket; connection: Connection } {
  const socket = new TestSocket();
  const connection: Connection = { socket, user, expiresAt: Date.now() + 60_000, clientIds: [], carets };
  room.join(connection);
  return { socket, connection };
}

/** A client's update made on a copy of what the room's document holds now. */
function clientUpdate(room: Room, change: (doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  change(doc);
  return Y.mergeUpdates(updates);
}

/** The text of a story document's first paragraph. */
function firstParagraph(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** A sync step 1 from a client that has nothing of the document. */
function emptySyncRequest(): Uint8Array {
  const vector = encoding.createEncoder();
  syncProtocol.writeSyncStep1(vector, new Y.Doc());
  return Uint8Array.from([0, ...encoding.toUint8Array(vector)]);
}

/** The summary the database holds: the stored state with every appended update. */
function storedSummaryText(base: Uint8Array, appends: readonly Uint8Array[]): string {
  const stored = new Y.Doc();
  Y.applyUpdate(stored, base);
  for (const update of appends) Y.applyUpdate(stored, update);
  return summaryText(stored).plain;
}

function presence(clientId: number, state: unknown, clock = 1): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return awarenessMessage(encoding.toUint8Array(encoder));
}

/** A client's presence as a socket ends up holding it, from the awareness and caret messages it was sent. */
function presenceSeenBy(socket: TestSocket, clientId: number): string {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  for (const message of socket.sent) {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === 1) awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), null);
    if (type === MESSAGE_CARETS) applyCarets(awareness, decoder, null);
  }
  return JSON.stringify(awareness.getStates().get(clientId));
}

describe("Room", () => {
  it("queues what a socket sends while the story loads, then greets it and applies the queue in order", async () => {
    const stored = storedStory();
    const room = openRoom(memoryPersistence(stored));
    const { socket, connection } = connect(room);
    const client = new Y.Doc();
    Y.applyUpdate(client, stored);
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    const text = firstParagraph(client);
    text.insert(0, "two ");
    text.insert(0, "One, ");
    for (const update of updates) expect(room.receive(connection, syncUpdateMessage(update))).toBe(true);
    expect(summaryText(room.doc).plain).toBe("");

    await room.ready;
    room.greet(connection);
    expect(summaryText(room.doc).plain).toBe("One, two The CIA has released two videos.");
    expect(socket.closed).toBeNull();
  });

  it("closes a socket that sends more than its share while the story loads", () => {
    const room = openRoom(memoryPersistence(storedStory()));
    const { socket, connection } = connect(room);
    for (let i = 0; i < 11; i++) room.receive(connection, new Uint8Array([3]));
    expect(socket.closed).toEqual({ code: CloseCode.RateLimited, reason: "too many messages while the story loads" });
  });

  it("applies an editor's update and sends it to the others; refuses a forged one before anyone sees it", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(maya.connection);
    room.greet(tom.connection);

    room.receive(
      maya.connection,
      syncUpdateMessage(
        clientUpdate(room, (doc) =>
          createClaim(doc, { id: "c1", by: { id: "maya", name: "Maya Chen" }, at: new Date() }),
        ),
      ),
    );
    await room.appendedSoFar();
    expect(readClaims(tom.socket.documentSeen()).map((claim) => claim.id)).toEqual(["c1"]);

    const sentToTom = tom.socket.sent.length;
    const forged = clientUpdate(room, (doc) => claimsMap(doc).get("c1")!.set("status", "approved"));
    expect(room.receive(maya.connection, syncUpdateMessage(forged))).toBe(false);
    expect(maya.socket.closed).toEqual({
      code: CloseCode.BadMessage,
      reason: "approving or rejecting a claim is recorded by the server",
    });
    expect(readClaims(room.doc)[0]?.status).toBe("draft");
    await room.appendedSoFar();
    expect(tom.socket.sent.length).toBe(sentToTom);
    expect(room.connections.has(maya.socket)).toBe(false);
  });

  it("stamps who wrote a comment from the connection, whatever name the client wrote", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(tom.connection);
    const rosa = { id: "rosa", name: "Rosa Lindqvist" };
    room.receive(
      tom.connection,
      syncUpdateMessage(clientUpdate(room, (doc) => createClaim(doc, { id: "c1", by: rosa, at: new Date() }))),
    );
    room.receive(
      tom.connection,
      syncUpdateMessage(
        clientUpdate(room, (doc) =>
          addComment(doc, "c1", { id: "m1", body: "Mine.", author: rosa, createdAt: new Date().toISOString() }),
        ),
      ),
    );
    await room.appendedSoFar();
    const [claim] = readClaims(tom.socket.documentSeen());
    expect(claim?.createdBy).toEqual({ id: "tom", name: "Tom Okafor" });
    expect(claim?.comments[0]?.author).toEqual({ id: "tom", name: "Tom Okafor" });
  });

  it("sends a caret that moves with every keystroke once per presence interval, the latest position last", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(maya.connection);
    room.greet(tom.connection);
    const before = tom.socket.sent.length;
    for (let clock = 1; clock <= 10; clock++)
      room.receive(maya.connection, presence(4242, { cursor: { at: clock } }, clock));
    const presenceSentToTom = () => tom.socket.sent.slice(before).filter((message) => message[0] === 1);
    expect(presenceSentToTom()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const sent = presenceSentToTom();
    expect(sent).toHaveLength(2);
    const last = new TextDecoder().decode(sent[1]);
    expect(last).toContain('"cursor":{"at":10}');
    expect(last).toContain('"name":"Maya Chen"');
  });

  it("does not send again a caret set again where it was, as it is while its owner types", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(maya.connection);
    room.greet(tom.connection);
    const before = tom.socket.sent.length;
    for (let clock = 1; clock <= 5; clock++) {
      room.receive(maya.connection, presence(4242, { cursor: { at: 7 } }, clock));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    room.receive(maya.connection, presence(4242, { cursor: { at: 8 } }, 6));
    const sent = tom.socket.sent.slice(before).filter((message) => message[0] === 1);
    expect(sent.map((message) => new TextDecoder().decode(message).match(/"at":(\d+)/)?.[1])).toEqual(["7", "8"]);
  });

  it("sends a moving caret as a caret message to a socket that asked for carets, and the same state results", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" }, true);
    const eve = connect(room, { id: "eve", name: "Eve Adams", role: "editor" });
    for (const { connection } of [maya, tom, eve]) room.greet(connection);
    const at = (clock: number) => ({ type: null, tname: null, item: { client: 4242, clock }, assoc: -1 });
    const user = { name: "Maya", color: "#175cd3" };
    const states = [
      { user, claim: null, cursor: { anchor: at(1), head: at(1) } },
      { user, claim: null, cursor: { anchor: at(2), head: at(2) } },
      { user, claim: null, cursor: { anchor: at(2), head: at(5) } },
      { user, claim: "claim-1", cursor: { anchor: at(5), head: at(5) } },
      { user, claim: "claim-1", cursor: null },
    ];
    const [tomBefore, eveBefore] = [tom.socket.sent.length, eve.socket.sent.length];
    for (const [i, state] of states.entries()) {
      room.receive(maya.connection, presence(4242, state, i + 1));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const types = (socket: TestSocket, from: number) => socket.sent.slice(from).map((message) => message[0]);
    // The claim in view changed once: that state goes whole; the cursor alone moved three times.
    expect(types(tom.socket, tomBefore)).toEqual([1, MESSAGE_CARETS, MESSAGE_CARETS, 1, MESSAGE_CARETS]);
    expect(types(eve.socket, eveBefore)).toEqual([1, 1, 1, 1, 1]);
    expect(presenceSeenBy(tom.socket, 4242)).toBe(presenceSeenBy(eve.socket, 4242));
    expect(JSON.parse(presenceSeenBy(tom.socket, 4242))).toMatchObject({
      claim: "claim-1",
      cursor: null,
      user: { id: "maya" },
    });
    const bytes = (socket: TestSocket, from: number) =>
      socket.sent.slice(from).reduce((sum, message) => sum + message.length, 0);
    expect(bytes(tom.socket, tomBefore)).toBeLessThan(bytes(eve.socket, eveBefore) / 2);
  });

  it("sends no caret for a client whose newer state a socket got when it was greeted, before the others", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const eve = connect(room, { id: "eve", name: "Eve Adams", role: "editor" });
    room.greet(maya.connection);
    room.greet(eve.connection);
    const at = (clock: number) => ({ type: null, tname: null, item: { client: 4242, clock }, assoc: -1 });
    const state = (claim: string, clock: number) => ({ claim, cursor: { anchor: at(clock), head: at(clock) } });
    room.receive(maya.connection, presence(4242, state("A", 1), 1)); // goes out at once
    room.receive(maya.connection, presence(4242, state("B", 1), 2)); // waits for the interval
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" }, true);
    room.greet(tom.connection); // Tom is greeted with B
    room.receive(maya.connection, presence(4242, state("A", 2), 3)); // back to A, the cursor moved
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(presenceSeenBy(eve.socket, 4242)).toContain('"claim":"A"');
    expect(presenceSeenBy(tom.socket, 4242)).toBe(presenceSeenBy(eve.socket, 4242));
  });

  it("gives a client id to the first socket that announces it: another may neither take its presence nor write under it", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const maya = connect(room);
    const eve = connect(room, { id: "eve", name: "Eve", role: "editor" });
    room.greet(maya.connection);
    room.greet(eve.connection);
    room.receive(maya.connection, presence(4242, { user: { name: "Maya" } }));
    room.receive(eve.connection, presence(4242, { user: { name: "Not Maya" } }));
    expect(room.awareness.getStates().get(4242)).toMatchObject({ user: { id: "maya", name: "Maya Chen" } });

    const inMayasId = clientUpdate(room, (doc) => firstParagraph(doc).insert(0, "x"), 4242);
    room.receive(eve.connection, syncUpdateMessage(inMayasId));
    expect(eve.socket.closed).toEqual({
      code: CloseCode.BadMessage,
      reason: "client id 4242 belongs to another connection",
    });
    room.receive(maya.connection, syncUpdateMessage(inMayasId));
    expect(maya.socket.closed).toBeNull();
    expect(summaryText(room.doc).plain).toBe("xThe CIA has released two videos.");
  });

  it("lets the same person's new socket take over a client id (a tab reconnecting before its old socket is noticed gone)", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    const before = connect(room);
    room.greet(before.connection);
    room.receive(before.connection, presence(4242, { user: { name: "Maya" } }));
    const after = connect(room);
    room.greet(after.connection);
    room.receive(after.connection, presence(4242, { user: { name: "Maya" } }));
    const edit = clientUpdate(room, (doc) => firstParagraph(doc).insert(0, "Back: "), 4242);
    expect(room.receive(after.connection, syncUpdateMessage(edit))).toBe(true);
    expect(summaryText(room.doc).plain).toBe("Back: The CIA has released two videos.");
    expect(before.connection.clientIds.includes(4242)).toBe(false);
  });

  it("keeps an update that arrives before the catch-up it builds on, and applies both when the catch-up arrives", async () => {
    const stored = storedStory();
    const room = openRoom(memoryPersistence(stored));
    await room.ready;
    const { socket, connection } = connect(room);
    room.greet(connection);
    const client = new Y.Doc();
    Y.applyUpdate(client, stored);
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    const text = firstParagraph(client);
    text.insert(0, "Offline, ");
    text.insert(0, "Back. ");
    // The live keystroke overtakes the catch-up of what was typed offline.
    expect(room.receive(connection, syncUpdateMessage(updates[1]!))).toBe(true);
    expect(summaryText(room.doc).plain).toBe("The CIA has released two videos.");
    expect(room.receive(connection, syncUpdateMessage(updates[0]!))).toBe(true);
    expect(summaryText(room.doc).plain).toBe("Back. Offline, The CIA has released two videos.");
    expect(socket.closed).toBeNull();
    // Nothing waiting was stored with the document.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(room.doc));
    expect(reloaded.store.pendingStructs).toBeNull();
  });

  it("refuses the server's change on an unloaded room, where nothing would store it", async () => {
    const room = openRoom(memoryPersistence(storedStory()));
    await room.ready;
    expect(room.changeAsServer((doc) => writeSummaryParagraphs(doc, ["Loaded."]))).toBeUndefined();
    room.destroy();
    expect(() => room.changeAsServer((doc) => writeSummaryParagraphs(doc, ["Lost."]))).toThrow(/unloaded/);
  });

  it("refuses to serve a stored document that fails the schema", async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, storedStory());
    nestMaps(doc.getMap("claims"), "deep", 100);
    const persistence = memoryPersistence(Y.encodeStateAsUpdate(doc));
    const room = openRoom(persistence);
    await expect(room.ready).rejects.toThrow(QuarantinedError);
    expect(persistence.marked).toEqual([]);
  });

  it("checks a stored document once: one that passes is marked, one marked is not checked again", async () => {
    const passing = memoryPersistence(storedStory());
    await openRoom(passing).ready;
    expect(passing.marked).toEqual([3]);
    // Marked as passing the current policy, it loads without the check (here, one it would refuse).
    const doc = new Y.Doc();
    Y.applyUpdate(doc, storedStory());
    nestMaps(doc.getMap("claims"), "deep", 100);
    const marked = memoryPersistence(Y.encodeStateAsUpdate(doc), true);
    await openRoom(marked).ready;
    expect(marked.marked).toEqual([]);
  });

  it("sends an edit to nobody else until it is in the log, and retries a failed append until it is", async () => {
    const base = storedStory();
    const persistence = memoryPersistence(base);
    let fail = true;
    const flaky: Persistence = {
      ...persistence,
      append: async (id, update) => (fail ? Promise.reject(new Error("disk full")) : persistence.append(id, update)),
    };
    const room = openRoom(flaky);
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(maya.connection);
    room.greet(tom.connection);
    room.receive(maya.connection, syncUpdateMessage(clientUpdate(room, (d) => firstParagraph(d).insert(0, "Kept: "))));
    // Rosa joins while the edit is not in the log: her answer waits as well.
    const rosa = connect(room, { id: "rosa", name: "Rosa Diaz", role: "editor" });
    room.greet(rosa.connection);
    room.receive(rosa.connection, emptySyncRequest());
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(room.hasUnsavedUpdates).toBe(true);
    expect(room.appendFailing).toBe(true);
    for (const { socket } of [tom, rosa]) expect(summaryText(socket.documentSeen(base)).plain).not.toContain("Kept");

    fail = false;
    await room.appendedSoFar();
    expect(room.appendFailing).toBe(false);
    for (const { socket } of [tom, rosa])
      expect(summaryText(socket.documentSeen(base)).plain).toBe("Kept: The CIA has released two videos.");
    expect(storedSummaryText(base, persistence.appends)).toBe("Kept: The CIA has released two videos.");
  });

  it("appends to a synchronous log within the frame and sends the edit in the same turn; a failed append waits for the queue", async () => {
    const base = storedStory();
    const persistence = memoryPersistence(base);
    const events: string[] = [];
    let fail = false;
    const synchronous: Persistence = {
      ...persistence,
      appendNow(id, update) {
        if (fail) throw new Error("database is locked");
        events.push("appended now");
        void persistence.append(id, update);
        return true;
      },
    };
    const room = openRoom(synchronous);
    await room.ready;
    const maya = connect(room);
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(maya.connection);
    room.greet(tom.connection);
    const sentToTom = () => tom.socket.sent.length;
    const before = sentToTom();
    tom.socket.send = (message) => {
      events.push("sent to Tom");
      tom.socket.sent.push(message);
    };
    room.receive(maya.connection, syncUpdateMessage(clientUpdate(room, (d) => firstParagraph(d).insert(0, "Now: "))));
    // No await between the frame and Tom's copy: appended first, then sent.
    expect(events).toEqual(["appended now", "sent to Tom"]);
    expect(sentToTom()).toBe(before + 1);
    expect(room.hasUnsavedUpdates).toBe(false);

    fail = true;
    events.length = 0;
    room.receive(
      maya.connection,
      syncUpdateMessage(clientUpdate(room, (d) => firstParagraph(d).insert(0, "Queued: "))),
    );
    expect(events).toEqual([]);
    expect(room.hasUnsavedUpdates).toBe(true);
    await room.appendedSoFar();
    expect(events).toEqual(["sent to Tom"]);
    expect(summaryText(tom.socket.documentSeen(base)).plain).toBe("Queued: Now: The CIA has released two videos.");
    expect(storedSummaryText(base, persistence.appends)).toBe("Queued: Now: The CIA has released two videos.");
  });

  it("audits a status change made here against a change another process relayed, not against what this room saw last", async () => {
    let relayed!: (message: RelayMessage) => void;
    const relay: Relay = {
      ...createSoloRelay(),
      subscribe: async (_id, receive) => ((relayed = receive), async () => {}),
    };
    const persistence = memoryPersistence(storedStory(), true);
    const room = new Room("story-1", { ...roomOptions(persistence), relay });
    rooms.push(room);
    await room.ready;
    const tom = connect(room, { id: "tom", name: "Tom Okafor", role: "editor" });
    room.greet(tom.connection);
    room.receive(
      tom.connection,
      syncUpdateMessage(
        clientUpdate(room, (doc) => createClaim(doc, { id: "c1", by: tom.connection.user, at: new Date() })),
      ),
    );
    // On another process, Ann sends the claim for review; the change reaches this room through the relay.
    relayed({
      kind: "update",
      update: clientUpdate(room, (doc) => setClaimStatusAsEditor(doc, "c1", "needs_review"), 7),
    });
    expect(claimsMap(room.doc).get("c1")?.get("status")).toBe("needs_review");
    // Tom, here, takes it back to draft: a change of status, from needs_review.
    room.receive(
      tom.connection,
      syncUpdateMessage(clientUpdate(room, (doc) => setClaimStatusAsEditor(doc, "c1", "draft"))),
    );
    await room.appendedSoFar();
    expect(persistence.statusChanges).toEqual([
      { storyId: "story-1", claimId: "c1", userId: "tom", from: "needs_review", to: "draft" },
    ]);
  });

  it("sends the stored document to a socket that joined while the story loads, then only what it lacks beyond that", async () => {
    const base = storedStory();
    // Another process appends an edit while this one loads the story; it arrives through the relay.
    let relayed!: (message: RelayMessage) => void;
    const relay: Relay = {
      ...createSoloRelay(),
      subscribe: async (_id, receive) => ((relayed = receive), async () => {}),
    };
    const persistence = memoryPersistence(base, true);
    const room = new Room("story-1", {
      ...roomOptions(persistence),
      relay,
      persistence: {
        ...persistence,
        load: async (id) => {
          const stored = await persistence.load(id);
          const other = new Y.Doc();
          Y.applyUpdate(other, base);
          const updates: Uint8Array[] = [];
          other.on("update", (update: Uint8Array) => updates.push(update));
          firstParagraph(other).insert(0, "Meanwhile: ");
          relayed({ kind: "update", update: updates[0]! });
          return stored;
        },
      },
    });
    rooms.push(room);
    const maya = connect(room);
    // Her client asks for the document as it opens, before anything arrived.
    room.receive(maya.connection, emptySyncRequest());
    await room.ready;
    expect(summaryText(maya.socket.documentSeen()).plain).toBe("The CIA has released two videos.");
    room.greet(maya.connection);
    const seen = maya.socket.documentSeen();
    expect(summaryText(seen).plain).toBe("Meanwhile: The CIA has released two videos.");
    expect(Y.encodeStateAsUpdate(seen)).toEqual(Y.encodeStateAsUpdate(room.doc));
  });
});

describe("Rooms", () => {
  it("unloads a room it opened for the app after the unload delay, even when the app's change throws", async () => {
    const { persistence, relay, log, hooks, compactDelayMs, compactEveryAppends, presenceIntervalMs } = roomOptions(
      memoryPersistence(storedStory()),
    );
    const registry = new Rooms({
      ...{ persistence, relay, log, hooks, compactDelayMs, compactEveryAppends, presenceIntervalMs },
      limits: DEFAULT_LIMITS,
      unloadDelayMs: 50,
    });
    await expect(
      registry.withDocument("story-1", () => {
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(registry.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(registry.size).toBe(0);
  });

  /** A registry on `persistence` with the default options, alone or beside other processes (`relay`). */
  function registryOn(persistence: Persistence, relay: Relay = createSoloRelay()): Rooms {
    const { log, hooks, compactDelayMs, compactEveryAppends, presenceIntervalMs } = roomOptions(persistence);
    return new Rooms({
      ...{ persistence, relay, log, hooks, compactDelayMs, compactEveryAppends, presenceIntervalMs },
      limits: DEFAULT_LIMITS,
      unloadDelayMs: 60_000,
    });
  }

  it("reads an open room's document for the app once what it returns is in the log", async () => {
    const persistence = memoryPersistence(storedStory(), true);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const registry = registryOn({ ...persistence, appendNow: undefined, append: () => held });
    // The app's change is applied in the room at once; its append waits.
    const changed = registry.withDocument("story-1", (doc) => firstParagraph(doc).insert(0, "Changed: "));
    await new Promise((resolve) => setTimeout(resolve, 10));
    let read: Uint8Array | null = null;
    const reading = registry.readDocument("story-1").then((state) => (read = state));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBeNull();
    release();
    await Promise.all([changed, reading]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, read!);
    expect(summaryText(doc).plain).toBe("Changed: The CIA has released two videos.");
  });

  it("adds to an open room's document what another process has put in the log and the relay has not brought yet", async () => {
    const base = storedStory();
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, base);
    firstParagraph(elsewhere).insert(0, "Elsewhere: ");
    const persistence = memoryPersistence(base, true);
    const registry = registryOn(persistence, { ...createSoloRelay(), alone: false });
    await registry.withDocument("story-1", () => undefined);
    // Another process appended its edit; this room has not heard of it.
    persistence.load = async () => ({ state: Y.encodeStateAsUpdate(elsewhere), checked: true, version: 3 });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await registry.readDocument("story-1"));
    expect(summaryText(doc).plain).toBe("Elsewhere: The CIA has released two videos.");
  });

  it("reads a story nobody is in from the database, sharing a read until it begins, and two stories at once", async () => {
    const persistence = memoryPersistence(storedStory(), true);
    let loading = 0;
    let most = 0;
    const loads: string[] = [];
    const registry = registryOn({
      ...persistence,
      load: async (storyId) => {
        loads.push(storyId);
        most = Math.max(most, ++loading);
        await new Promise((resolve) => setTimeout(resolve, 20));
        loading--;
        return persistence.load(storyId);
      },
    });
    // b and c begin at once; the reads of a share the one that waits for its turn; the last read of b comes after
    // b's began (it may miss an edit this caller knows of), and reads again.
    const stories = ["b", "c", "a", "a", "a", "d", "e", "b"];
    const states = await Promise.all(stories.map((storyId) => registry.readDocument(storyId)));
    expect(loads).toEqual(["b", "c", "a", "d", "e", "b"]);
    expect(most).toBe(2);
    expect(registry.size).toBe(0);
    for (const state of states) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect(summaryText(doc).plain).toBe("The CIA has released two videos.");
    }
  });
});

import { afterAll, afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CARETS_PARAMETER, caretsMessage, encodeCursor, readCaretsWith } from "@/lib/collab/caret-messages";
import { CloseCode } from "@/lib/collab/close-codes";
import { claimSpans, markClaimSpan } from "@/lib/anchoring/claim-spans";
import { addComment, addQuote, createClaim, readClaims, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { readSummaryParagraphs, SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { signCollabToken, signServiceToken } from "@/server/auth/collab-token";
import type { CollabServer } from "@/server/collab";
import type { Persistence } from "@/server/collab/persistence";
import { syncUpdateMessage } from "@/server/collab/protocol";
import { createStory, integrationPersistence, integrationPrisma, storedSummary } from "../../../support/database";
import {
  closeOf,
  closeOfSocket,
  connectProvider,
  eventually,
  openRawSocket,
  startServer,
  synced,
  TOKEN_SECRET,
  tokenFor,
} from "../../../support/collab-harness";

const prisma = integrationPrisma();
const persistence = await integrationPersistence(prisma);
const cleanups: Array<() => unknown> = [];
const SUMMARY = [
  "The CIA has released two Mandarin-language recruitment videos.",
  "Chinese officials have yet to respond.",
];

async function serve(
  p: Persistence = persistence,
  options = {},
): Promise<{ server: CollabServer; url: string; internalUrl: string }> {
  const started = await startServer(p, options);
  cleanups.push(() => started.server.close());
  return started;
}

function firstParagraph(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  persistence.close();
  await prisma.$disconnect();
});

describe("the stock y-websocket client", () => {
  it("syncs the stored summary and exchanges edits between two clients", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const a = connectProvider(url, storyId, await tokenFor(storyId));
    const b = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([synced(a), synced(b)]);
    expect(readSummaryParagraphs(a.doc)).toEqual(SUMMARY);

    firstParagraph(a.doc).insert(0, "Breaking: ");
    firstParagraph(b.doc).insert(firstParagraph(b.doc).length, " (confirmed)");
    await eventually(() => {
      expect(readSummaryParagraphs(a.doc)[0]).toBe(
        "Breaking: The CIA has released two Mandarin-language recruitment videos. (confirmed)",
      );
      expect(readSummaryParagraphs(b.doc)).toEqual(readSummaryParagraphs(a.doc));
    });
  });

  it("shares presence, naming each person as their token does", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const a = connectProvider(url, storyId, await tokenFor(storyId, "editor", "Maya Chen"));
    const b = connectProvider(url, storyId, await tokenFor(storyId, "reviewer", "Rosa Lindqvist"));
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField("user", { name: "Someone Else", color: "#175cd3" });
    await eventually(() => {
      expect(b.awareness.getStates().get(a.awareness.clientID)).toMatchObject({
        user: { name: "Maya Chen", role: "editor", color: "#175cd3" },
      });
    });
    a.destroy();
    await eventually(() => expect(b.awareness.getStates().has(a.awareness.clientID)).toBe(false));
  });

  it("gives a client that reads carets, as the workspace does, the same presence as a stock client, in fewer bytes", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const counted = (received: { bytes: number }) =>
      class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols);
          this.on("message", (data: Buffer | ArrayBuffer) => (received.bytes += data.byteLength));
        }
      } as unknown as typeof globalThis.WebSocket;
    const [stockBytes, caretBytes] = [{ bytes: 0 }, { bytes: 0 }];
    const typist = connectProvider(url, storyId, await tokenFor(storyId, "editor", "Maya Chen"));
    const stock = new WebsocketProvider(url, storyId, new Y.Doc(), {
      params: { token: await tokenFor(storyId) },
      WebSocketPolyfill: counted(stockBytes),
      disableBc: true,
    });
    const reader = new WebsocketProvider(url, storyId, new Y.Doc(), {
      params: { token: await tokenFor(storyId), ...CARETS_PARAMETER },
      WebSocketPolyfill: counted(caretBytes),
      disableBc: true,
    });
    readCaretsWith(reader);
    cleanups.push(
      () => typist.destroy(),
      () => stock.destroy(),
      () => reader.destroy(),
    );
    await Promise.all([synced(typist), synced(stock), synced(reader)]);
    typist.awareness.setLocalStateField("user", { name: "Maya", color: "#175cd3" });
    const id = typist.awareness.clientID;
    await eventually(() => expect(reader.awareness.getStates().get(id)).toMatchObject({ user: { name: "Maya Chen" } }));
    [stockBytes.bytes, caretBytes.bytes] = [0, 0];
    // Typing as y-tiptap reports it: after each character the caret is a new relative position (assoc -1).
    for (let i = 0; i < 10; i++) {
      const text = firstParagraph(typist.doc);
      text.insert(i, "x");
      const caret = Y.createRelativePositionFromTypeIndex(text, i + 1, -1);
      typist.awareness.setLocalStateField("cursor", { anchor: caret, head: caret });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await eventually(() => {
      const expected = JSON.stringify(stock.awareness.getStates().get(id));
      expect(expected).toContain(
        JSON.stringify(Y.createRelativePositionFromTypeIndex(firstParagraph(typist.doc), 10, -1)),
      );
      expect(JSON.stringify(reader.awareness.getStates().get(id))).toBe(expected);
    });
    expect(readSummaryParagraphs(reader.doc)).toEqual(readSummaryParagraphs(typist.doc));
    expect(caretBytes.bytes).toBeLessThan(stockBytes.bytes / 3);
  });

  it("does not let one client clear or move another person's presence", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const mallory = connectProvider(url, storyId, await tokenFor(storyId, "editor", "Mallory"));
    const rosa = connectProvider(url, storyId, await tokenFor(storyId, "reviewer", "Rosa Lindqvist"));
    const tom = connectProvider(url, storyId, await tokenFor(storyId, "editor", "Tom Okafor"));
    cleanups.push(
      () => mallory.destroy(),
      () => rosa.destroy(),
      () => tom.destroy(),
    );
    await Promise.all([synced(mallory), synced(rosa), synced(tom)]);
    rosa.awareness.setLocalStateField("cursor", { anchor: 3 });
    await eventually(() =>
      expect(tom.awareness.getStates().get(rosa.awareness.clientID)).toMatchObject({ cursor: { anchor: 3 } }),
    );

    // Mallory's raw socket sends states for Rosa's client id with a later clock: one moving her cursor, one
    // removing her (null), and one for an unused id of her own, which is allowed.
    const forged = (clientId: number, clock: number, state: unknown) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, JSON.stringify(state));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 1); // awareness
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      mallory.ws?.send(encoding.toUint8Array(message));
    };
    forged(rosa.awareness.clientID, 1_000, { user: { name: "Rosa Lindqvist" }, cursor: { anchor: 99 } });
    forged(rosa.awareness.clientID, 1_001, null);
    const ownSecondId = 424242;
    forged(ownSecondId, 1, { cursor: { anchor: 7 } });

    await eventually(() =>
      expect(tom.awareness.getStates().get(ownSecondId)).toMatchObject({ user: { name: "Mallory" } }),
    );
    expect(tom.awareness.getStates().get(rosa.awareness.clientID)).toMatchObject({
      user: { name: "Rosa Lindqvist" },
      cursor: { anchor: 3 },
    });
  });
});

/** The app's request to write an imported summary into a story's empty draft: a change it makes in the room. */
async function importSummary(internalUrl: string, storyId: string): Promise<unknown> {
  const response = await fetch(`${internalUrl}/internal/stories/${storyId}/summary`, {
    method: "POST",
    headers: { authorization: `Bearer ${await signServiceToken(TOKEN_SECRET)}`, "content-type": "application/json" },
    body: JSON.stringify({ paragraphs: ["An imported summary."] }),
  });
  return response.json();
}

describe("the internal endpoints", () => {
  it("answer only on their own listener, and only to a service token signed with the internal secret", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const internalSecret = "the-internal-secret-0123456789-abcdefghijkl";
    const { url, internalUrl } = await serve(persistence, { internalSecret });
    const path = `/internal/stories/${storyId}/state`;
    const asService = async (secret: string) => ({ authorization: `Bearer ${await signServiceToken(secret)}` });

    // The public port, which browsers (and anyone) reach, does not have them, even with a valid service token.
    const onPublic = await fetch(`${url.replace(/^ws/, "http")}${path}`, { headers: await asService(internalSecret) });
    expect(onPublic.status).toBe(404);
    // A service token signed with the user tokens' secret is not one.
    expect((await fetch(`${internalUrl}${path}`, { headers: await asService(TOKEN_SECRET) })).status).toBe(401);
    const live = await fetch(`${internalUrl}${path}`, { headers: await asService(internalSecret) });
    expect(live.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await live.arrayBuffer()));
    expect(readSummaryParagraphs(doc)).toEqual(SUMMARY);
  });
});

describe("authentication in the upgrade", () => {
  it("refuses a missing, forged, expired or misdirected token with a clear close reason", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const otherStoryId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const forged = await signCollabToken(
      { userId: "u", name: "Mallory", role: "admin", storyId },
      "not-the-server-secret-0123456789-abcdefgh",
      60,
    );
    const expired = await signCollabToken({ userId: "u", name: "Late", role: "editor", storyId }, TOKEN_SECRET, -10);

    expect(await closeOf(`${url}/${storyId}`)).toEqual({ code: CloseCode.Unauthorized, reason: "missing token" });
    expect(await closeOf(`${url}/${storyId}?token=${forged}`)).toEqual({
      code: CloseCode.Unauthorized,
      reason: "invalid token",
    });
    expect(await closeOf(`${url}/${storyId}?token=${expired}`)).toEqual({
      code: CloseCode.Unauthorized,
      reason: "token expired",
    });
    expect(await closeOf(`${url}/${otherStoryId}?token=${await tokenFor(storyId)}`)).toEqual({
      code: CloseCode.Forbidden,
      reason: "token is for another story",
    });
    expect(await closeOf(`${url}/a/b?token=x`)).toEqual({ code: CloseCode.NotFound, reason: "unknown room" });
  });

  it("closes a room for a story that does not exist", async () => {
    const { url } = await serve();
    expect(await closeOf(`${url}/no-such-story?token=${await tokenFor("no-such-story")}`)).toEqual({
      code: CloseCode.NotFound,
      reason: "story not found",
    });
  });

  it("stops the stock client from reconnecting after a refusal, and changes nothing", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { server, url } = await serve();
    const forged = await signCollabToken(
      { userId: "u", name: "Mallory", role: "editor", storyId },
      "not-the-server-secret-0123456789-abcdefgh",
      60,
    );
    const doc = new Y.Doc();
    doc.getXmlFragment(SUMMARY_FIELD).insert(0, [new Y.XmlElement("paragraph")]);
    const provider = connectProvider(url, storyId, forged, doc);
    cleanups.push(() => provider.destroy());
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => provider.on("closed", resolve));
    expect(closed).toEqual({ code: CloseCode.Unauthorized, reason: "invalid token" });
    expect(provider.shouldConnect).toBe(false);
    expect(server.rooms.size).toBe(0);
    expect(await storedSummary(prisma, storyId)).toEqual(SUMMARY);
  });
});

describe("bad input on an open socket", () => {
  async function openSocket(url: string, storyId: string): Promise<WebSocket> {
    const socket = new WebSocket(`${url}/${storyId}?token=${await tokenFor(storyId)}`);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return socket;
  }

  it("closes a socket that sends a malformed message, and keeps serving others", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const healthy = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(() => healthy.destroy());
    await synced(healthy);

    // The last: a caret, a message only the server sends, forged to move the healthy client's cursor.
    const caret = caretsMessage([{ clientId: healthy.awareness.clientID, clock: 99, cursor: encodeCursor(null)! }]);
    for (const garbage of [[0xff, 0xff, 0xff], [0, 2, 0xff, 0x01], [1, 5, 1, 2], [9], [...caret]]) {
      const socket = await openSocket(url, storyId);
      const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
      socket.send(Uint8Array.from(garbage));
      expect(await closed).toBe(CloseCode.BadMessage);
    }

    firstParagraph(healthy.doc).insert(0, "Still here. ");
    const check = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(() => check.destroy());
    await synced(check);
    await eventually(() => expect(readSummaryParagraphs(check.doc)[0]).toMatch(/^Still here\. The CIA/));
  });

  it("closes a socket that sends a frame over the size limit", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve(persistence, { limits: { maxPayloadBytes: 1024 } });
    const socket = await openSocket(url, storyId);
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.send(new Uint8Array(4096));
    expect(await closed).toBe(1009);
  });
});

describe("rooms and persistence", () => {
  it("loads a room once for many sockets and keeps messages that arrive during the load", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    let loads = 0;
    const slow: Persistence = {
      ...persistence,
      async load(id) {
        loads++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return persistence.load(id);
      },
    };
    const { server, url } = await serve(slow);

    // A client that has the stored summary and an edit on top sends that edit straight away.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, (await persistence.load(storyId))?.state ?? new Uint8Array());
    const before = Y.encodeStateVector(offline);
    firstParagraph(offline).insert(0, "Sent during the load. ");
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(offline, before));

    const sockets = await Promise.all(
      [0, 1, 2].map(async () => {
        const socket = new WebSocket(`${url}/${storyId}?token=${await tokenFor(storyId)}`);
        await new Promise((resolve) => socket.once("open", resolve));
        return socket;
      }),
    );
    sockets[0]?.send(encoding.toUint8Array(encoder));
    cleanups.push(() => sockets.forEach((socket) => socket.close()));

    await eventually(() => {
      const doc = server.rooms.document(storyId);
      expect(doc && readSummaryParagraphs(doc)[0]).toMatch(/^Sent during the load\. The CIA/);
    });
    expect(loads).toBe(1);
  });

  it("stores edits debounced while the room is open", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { url } = await serve();
    const a = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(() => a.destroy());
    await synced(a);
    firstParagraph(a.doc).insert(0, "Stored while open. ");
    await eventually(async () => {
      expect((await storedSummary(prisma, storyId))[0]).toMatch(/^Stored while open\./);
    });
  });

  it("keeps every edit across a server restart", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const first = await startServer(persistence);
    const a = connectProvider(first.url, storyId, await tokenFor(storyId));
    await synced(a);
    firstParagraph(a.doc).insert(0, "Survives a restart. ");
    await eventually(() => {
      const doc = first.server.rooms.document(storyId);
      expect(doc && readSummaryParagraphs(doc)[0]).toMatch(/^Survives a restart\./);
    });
    a.destroy();
    await first.server.close();

    const { url } = await serve();
    const b = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(() => b.destroy());
    await synced(b);
    expect(readSummaryParagraphs(b.doc)[0]).toBe(
      "Survives a restart. The CIA has released two Mandarin-language recruitment videos.",
    );
  });

  it("keeps claims, their marks, quotes, statuses and comments across a server restart", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const first = await startServer(persistence);
    const maya = { id: "u-maya", name: "Maya Chen" };
    const a = connectProvider(
      first.url,
      storyId,
      await signCollabToken({ userId: maya.id, name: maya.name, role: "editor", storyId }, TOKEN_SECRET, 60),
    );
    await synced(a);
    const at = new Date("2026-11-23T10:00:00.000Z");
    createClaim(a.doc, { id: "claim-1", by: maya, at });
    markClaimSpan(a.doc, "claim-1", 4, 24);
    const source = "The CIA on Thursday released two social media videos.";
    addQuote(a.doc, "claim-1", {
      id: "q1",
      sourceId: "source-004",
      selector: createQuoteSelector(source, 4, 27),
      stance: "supports",
      note: "",
      addedBy: maya,
      addedAt: at.toISOString(),
    });
    setClaimStatusAsEditor(a.doc, "claim-1", "needs_review");
    addComment(a.doc, "claim-1", { id: "c1", body: "Check the day.", author: maya, createdAt: at.toISOString() });
    await eventually(() => {
      const doc = first.server.rooms.document(storyId);
      expect(doc && readClaims(doc)[0]?.comments).toHaveLength(1);
    });
    a.destroy();
    await first.server.close();

    const { url } = await serve();
    const b = connectProvider(url, storyId, await tokenFor(storyId));
    cleanups.push(() => b.destroy());
    await synced(b);
    const [claim] = readClaims(b.doc);
    expect(claim).toMatchObject({ id: "claim-1", status: "needs_review", createdBy: maya });
    expect(claim?.quotes.map((quote) => quote.selector.exact)).toEqual(["CIA on Thursday release"]);
    expect(claim?.comments.map((comment) => comment.body)).toEqual(["Check the day."]);
    expect(claimSpans(b.doc).get("claim-1")?.text).toBe("CIA has released two");
  });

  it("unloads a room as soon as its last socket has left and its edits are stored, whatever the unload delay", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { server, url } = await serve(persistence, { unloadDelayMs: 60_000 });
    const a = connectProvider(url, storyId, await tokenFor(storyId));
    await synced(a);
    firstParagraph(a.doc).insert(0, "Stored before the room goes. ");
    a.destroy();
    await eventually(() => expect(server.rooms.size).toBe(0));
    expect((await storedSummary(prisma, storyId))[0]).toBe(`Stored before the room goes. ${SUMMARY[0]}`);
  });

  it("refuses an update under the client id of someone who has left, after their room has unloaded", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { server, url } = await serve(persistence);
    const maya = connectProvider(url, storyId, await tokenFor(storyId, "editor", "Maya"));
    await synced(maya);
    firstParagraph(maya.doc).insert(0, "Maya's edit. ");
    maya.destroy();
    await eventually(() => expect(server.rooms.size).toBe(0));
    expect((await storedSummary(prisma, storyId))[0]).toBe(`Maya's edit. ${SUMMARY[0]}`);

    // Tom, who saw Maya's client id while she was there, writes under it at her next clocks: were it accepted,
    // edits she made offline at those clocks would be dropped as already applied when she reconnects.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(maya.doc));
    // Set after her structs are in: Yjs gives a document a new client id when a remote update writes under its own.
    forged.clientID = maya.doc.clientID;
    const updates: Uint8Array[] = [];
    forged.on("update", (update: Uint8Array) => updates.push(update));
    firstParagraph(forged).insert(0, "FORGED ");
    const tom = await openRawSocket(url, storyId, await tokenFor(storyId, "editor", "Tom"));
    const closed = closeOfSocket(tom);
    tom.send(syncUpdateMessage(updates[0]!));
    expect(await closed).toEqual({
      code: CloseCode.BadMessage,
      reason: `client id ${maya.doc.clientID} belongs to another connection`,
    });
  });

  it("unloads a room as its last socket leaves even when the app changed it meanwhile (a reviewer's decision)", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const { server, url, internalUrl } = await serve(persistence, { unloadDelayMs: 60_000 });
    const a = connectProvider(url, storyId, await tokenFor(storyId));
    await synced(a);
    // The summary is not empty, so nothing is written; the change ran in the room all the same.
    expect(await importSummary(internalUrl, storyId)).toEqual({ written: false });
    a.destroy();
    await eventually(() => expect(server.rooms.size).toBe(0));
  });

  it("keeps a room that served the app's change loaded for the unload delay, then unloads it", async () => {
    const storyId = await createStory(prisma, []);
    const { server, internalUrl } = await serve(persistence, { unloadDelayMs: 400 });
    expect(await importSummary(internalUrl, storyId)).toEqual({ written: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.rooms.size).toBe(1);
    await eventually(() => expect(server.rooms.size).toBe(0));
  });

  it("answers the app's read of a story nobody is in from the database, its log included, without loading its room", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    // An update in the log, not yet folded into the stored state (as another process appends it).
    const other = new Y.Doc();
    other.getMap("assistantDismissals").set("flag-1", true);
    await persistence.append(storyId, Y.encodeStateAsUpdate(other));
    const { server, internalUrl } = await serve(persistence, { unloadDelayMs: 60_000 });
    const read = await fetch(`${internalUrl}/internal/stories/${storyId}/state`, {
      headers: { authorization: `Bearer ${await signServiceToken(TOKEN_SECRET)}` },
    });
    expect(read.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await read.arrayBuffer()));
    expect(readSummaryParagraphs(doc)).toEqual(SUMMARY);
    expect(doc.getMap("assistantDismissals").get("flag-1")).toBe(true);
    expect(server.rooms.size).toBe(0);
  });

  it("retries a failed append, reports it in /healthz meanwhile, and unloads the room once the edit is in the log", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    let failing = true;
    const flaky: Persistence = {
      ...persistence,
      async append(id, update) {
        if (failing) throw new Error("database unavailable");
        await persistence.append(id, update);
      },
      appendNow(id, update) {
        if (failing) throw new Error("database unavailable");
        return persistence.appendNow?.(id, update) ?? false;
      },
    };
    const { server, url } = await serve(flaky);
    const health = async () => {
      const response = await fetch(`${url.replace(/^ws/, "http")}/healthz`);
      return {
        status: response.status,
        body: (await response.json()) as { ok: boolean; storage: { failingRooms: number; unsavedRooms: number } },
      };
    };
    expect((await health()).status).toBe(200);
    const a = connectProvider(url, storyId, await tokenFor(storyId));
    await synced(a);
    firstParagraph(a.doc).insert(0, "Written after the failures. ");
    a.destroy();
    await eventually(async () =>
      expect(await health()).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, storage: { failingRooms: 1, unsavedRooms: 1 } }),
      }),
    );
    expect(server.rooms.size).toBe(1);

    failing = false;
    await eventually(async () => {
      expect((await storedSummary(prisma, storyId))[0]).toMatch(/^Written after the failures\./);
      expect(server.rooms.size).toBe(0);
    });
    expect((await health()).status).toBe(200);
  });
});

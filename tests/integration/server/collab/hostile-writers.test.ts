import { afterAll, describe, expect, it } from "vitest";
import type WebSocket from "ws";
import * as Y from "yjs";
import { addComment, addQuote, claimsMap, createClaim, readClaims } from "@/lib/claims/story-claims";
import { CloseCode, isFinalCloseCode } from "@/lib/collab/close-codes";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { summaryText } from "@/lib/story-doc/summary";
import { DEFAULT_DOCUMENT_LIMITS } from "@/lib/story-doc/write-policy";
import { signCollabToken } from "@/server/auth/collab-token";
import { createCollabClient } from "@/server/collab/collab-client";
import type { Persistence } from "@/server/collab/persistence";
import { syncUpdateMessage } from "@/server/collab/protocol";
import { RequestError } from "@/server/http/request-error";
import { reviewStory } from "@/server/review/story-review";
import {
  closedBy,
  closeOfSocket,
  eventually,
  openAs,
  openRawSocket,
  serveEachTest,
  startServer,
  TOKEN_SECRET,
  tokenFor,
} from "../../../support/collab-harness";
import { createStory, createUser, integrationPersistence, integrationPrisma } from "../../../support/database";
import { nestMaps } from "../../../support/hostile-document";
import { approveAsIs, ARTICLE_004, EVIDENCE, storyWithClaim } from "../../../support/review-story";

// One test per attack of issue 11, each made with a raw Yjs client or a raw socket and a valid token.
const prisma = integrationPrisma();
const persistence = await integrationPersistence(prisma);
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(async () => {
  persistence.close();
  await prisma.$disconnect();
});

const SUMMARY = [
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials.",
];

async function refusalOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error.status;
    throw error;
  }
  return 200;
}

/** The live document is still whole: its claims and summary read, and the story's review runs. */
async function expectReadable(storyId: string): Promise<void> {
  const live = await served.collab.liveDocument(storyId);
  expect(() => readClaims(live)).not.toThrow();
  expect(summaryText(live).plain.length).toBeGreaterThan(0);
  await expect(reviewStory(prisma, storyId, live)).resolves.toBeDefined();
}

describe("1. four eyes: a reviewer cannot launder her own evidence", () => {
  it("counts a reviewer who replaced a claim's quote list as a contributor, so she cannot approve it", async () => {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer");
    const { storyId } = await storyWithClaim(served, { ...editor, role: "editor" });
    const rosa = await openAs(served.wsUrl, { ...reviewer, role: "reviewer" }, storyId, cleanups);
    // A new list with her own evidence, in the editor's name.
    const start = ARTICLE_004.indexOf("Chinese");
    rosa.doc.transact(() => {
      const quotes = new Y.Array<unknown>();
      claimsMap(rosa.doc).get("claim-1")!.set("quotes", quotes);
      quotes.push([
        {
          id: "q-rosa",
          sourceId: readClaims(rosa.doc)[0]!.quotes[0]?.sourceId ?? "none",
          selector: createQuoteSelector(ARTICLE_004, start, start + 7),
          stance: "supports",
          note: "",
          addedBy: { id: editor.id, name: editor.name },
          addedAt: new Date().toISOString(),
        },
      ]);
    });
    await eventually(async () =>
      expect(readClaims(await served.collab.liveDocument(storyId))[0]?.quotes.map((quote) => quote.id)).toEqual([
        "q-rosa",
      ]),
    );

    expect(await refusalOf(approveAsIs(served, reviewer, storyId))).toBe(403);
    const live = readClaims(await served.collab.liveDocument(storyId))[0];
    expect(live?.quotes[0]?.addedBy).toEqual({ id: reviewer.id, name: reviewer.name });
    await eventually(async () =>
      expect(
        await prisma.claimActivity.findMany({ where: { storyId, userId: reviewer.id }, select: { kind: true } }),
      ).toEqual([{ kind: "quoted" }]),
    );
  });

  it("counts a reviewer who replaced the whole claim entry as a contributor, and audits it", async () => {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer");
    const { storyId } = await storyWithClaim(served, { ...editor, role: "editor" });
    const rosa = await openAs(served.wsUrl, { ...reviewer, role: "reviewer" }, storyId, cleanups);
    const old = readClaims(rosa.doc)[0]!;
    rosa.doc.transact(() => {
      const entry = new Y.Map<unknown>();
      claimsMap(rosa.doc).set("claim-1", entry);
      entry.set("id", "claim-1");
      entry.set("status", "needs_review");
      entry.set("createdBy", { id: editor.id, name: editor.name });
      entry.set("createdAt", old.createdAt);
      entry.set("quotes", Y.Array.from([{ ...old.quotes[0], id: "q-rosa" }]));
      entry.set("comments", new Y.Array());
    });
    await eventually(async () =>
      expect(readClaims(await served.collab.liveDocument(storyId))[0]?.quotes[0]?.id).toBe("q-rosa"),
    );

    expect(await refusalOf(approveAsIs(served, reviewer, storyId))).toBe(403);
    // The first creator keeps the claim; the replacement is on record as hers.
    expect(readClaims(await served.collab.liveDocument(storyId))[0]?.createdBy).toEqual({
      id: editor.id,
      name: editor.name,
    });
    await eventually(async () =>
      expect(await prisma.claimActivity.count({ where: { storyId, userId: reviewer.id } })).toBeGreaterThan(0),
    );
  });
});

describe("3. a structure that makes readers recurse is refused, and a stored one is quarantined", () => {
  it("refuses a Y.Map nested 20,000 deep under claims, stores none of it, and every reader still answers", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const attacker = await openAs(served.wsUrl, { id: "eve", name: "Eve", role: "editor" }, storyId, cleanups);
    const closed = closedBy(attacker);
    nestMaps(attacker.doc.getMap("claims"), "deep");
    expect(await closed).toMatchObject({ code: CloseCode.BadMessage });
    expect(claimsMap(await served.collab.liveDocument(storyId)).has("deep")).toBe(false);
    await expectReadable(storyId);
  });

  it("quarantines a stored document that fails the schema: its sockets are told why, other stories are served", async () => {
    const broken = await createStory(prisma, SUMMARY);
    const healthy = await createStory(prisma, SUMMARY);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await persistence.load(broken))!.state);
    nestMaps(doc.getMap("claims"), "deep");
    // Stored as by a version before the write policy: never checked.
    await prisma.storyDocument.update({
      where: { storyId: broken },
      data: { state: Uint8Array.from(Y.encodeStateAsUpdate(doc)), checkedBy: 0 },
    });

    const socket = await openRawSocket(served.wsUrl, broken, await tokenFor(broken));
    expect(await closeOfSocket(socket)).toEqual({
      code: CloseCode.Quarantined,
      reason: expect.stringMatching(
        /^the stored document fails the schema \(a map is not allowed in "claims" at depth 1\)$/,
      ) as unknown as string,
    });
    await expect(served.collab.liveDocument(broken)).rejects.toThrow(
      /draft is quarantined: the stored document fails the schema/,
    );
    await expectReadable(healthy);
  });
});

describe("a refusal", () => {
  it("closes cleanly even when its reason is longer than a close frame may carry", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const attacker = await openAs(served.wsUrl, { id: "eve", name: "Eve", role: "editor" }, storyId, cleanups);
    const closed = closedBy(attacker);
    attacker.doc.getMap("字".repeat(200)).set("x", 1);
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.BadMessage);
    expect(reason).toMatch(/^unknown root "字+…$/);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    await expectReadable(storyId);
  });
});

describe("the document's roots are the schema's", () => {
  it("refuses content under a root named like a property every object has (constructor, __proto__)", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    for (const root of ["constructor", "__proto__"]) {
      const attacker = await openAs(served.wsUrl, { id: "eve", name: "Eve", role: "editor" }, storyId, cleanups);
      const closed = closedBy(attacker);
      attacker.doc.getXmlFragment(root).insert(0, [new Y.XmlText("x")]);
      const { code, reason } = await closed;
      expect(code).toBe(CloseCode.BadMessage);
      expect(reason).toBe(`unknown root "${root}"`);
    }
    await expectReadable(storyId);
  });

  it("refuses a change the story already has, sent again under another root's name (Yjs would define that root)", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const attacker = await openAs(served.wsUrl, { id: "eve", name: "Eve", role: "editor" }, storyId, cleanups);
    attacker.doc.getMap("assistantDismissals").set("flag-1", { reason: "Enough", by: { id: "eve", name: "Eve" } });
    await eventually(async () =>
      expect((await served.collab.liveDocument(storyId)).getMap("assistantDismissals").has("flag-1")).toBe(true),
    );
    // A struct with the same client id and clock, which the story has, named as if under a root "constructor".
    const forged = new Y.Doc();
    forged.clientID = attacker.doc.clientID;
    forged.getMap("constructor").set("flag-1", 1);
    const closed = closedBy(attacker);
    attacker.ws!.send(Uint8Array.from(syncUpdateMessage(Y.encodeStateAsUpdate(forged))));
    const { code, reason } = await closed;
    expect(code).toBe(CloseCode.BadMessage);
    expect(reason).toBe('unknown root "constructor"');
    await expectReadable(storyId);
  });
});

describe("4. names are the server's, not the client's", () => {
  it("shows and counts the socket's person as creator, adder and comment author, whatever the client wrote", async () => {
    const maya = await createUser(prisma, "editor", "Maya Chen");
    const tom = await createUser(prisma, "editor", "Tom Okafor");
    const storyId = await createStory(prisma, SUMMARY);
    const client = await openAs(served.wsUrl, { ...tom, role: "editor" }, storyId, cleanups);
    const inMayasName = { id: maya.id, name: maya.name };
    const at = new Date();
    createClaim(client.doc, { id: "c-forged", by: inMayasName, at });
    const start = ARTICLE_004.indexOf(EVIDENCE);
    addQuote(client.doc, "c-forged", {
      id: "q-forged",
      sourceId: "s1",
      selector: createQuoteSelector(ARTICLE_004, start, start + EVIDENCE.length),
      stance: "supports",
      note: "",
      addedBy: inMayasName,
      addedAt: at.toISOString(),
    });
    addComment(client.doc, "c-forged", {
      id: "m-forged",
      body: "Checked it myself.",
      author: inMayasName,
      createdAt: at.toISOString(),
    });

    const asTom = { id: tom.id, name: tom.name };
    await eventually(async () => {
      const [claim] = readClaims(await served.collab.liveDocument(storyId));
      expect(claim?.createdBy).toEqual(asTom);
      expect(claim?.quotes[0]?.addedBy).toEqual(asTom);
      expect(claim?.comments[0]?.author).toEqual(asTom);
    });
    // What Tom's own page shows, too: the stamps reach every client.
    await eventually(() => expect(readClaims(client.doc)[0]?.createdBy).toEqual(asTom));
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect([...review.claims[0]!.contributors]).toEqual([tom.id]);
  });
});

describe("5. nobody writes under another connection's Yjs client id", () => {
  it("refuses an update built with a connected client's id, and that client's next edit is kept", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const victim = await openAs(served.wsUrl, { id: "maya", name: "Maya", role: "editor" }, storyId, cleanups);
    await eventually(async () => expect((await served.collab.liveDocument(storyId)).clientID).toBeDefined());

    // The attacker's copy of the document, under the victim's client id: its next clock is the victim's next edit.
    const forged = new Y.Doc();
    forged.clientID = victim.doc.clientID;
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(victim.doc));
    const updates: Uint8Array[] = [];
    forged.on("update", (update: Uint8Array) => updates.push(update));
    ((forged.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "FORGED ");
    const attacker = await openRawSocket(served.wsUrl, storyId, await tokenFor(storyId));
    const closed = closeOfSocket(attacker);
    attacker.send(syncUpdateMessage(updates[0]!));
    expect(await closed).toEqual({
      code: CloseCode.BadMessage,
      reason: `client id ${victim.doc.clientID} belongs to another connection`,
    });

    ((victim.doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Maya's edit. ");
    await eventually(async () =>
      expect(summaryText(await served.collab.liveDocument(storyId)).plain).toMatch(/^Maya's edit\. The CIA/),
    );
  });
});

describe("7. what one socket may cost", () => {
  it("closes a socket that floods requests for the document without reading, before memory grows", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const socket = await openRawSocket(served.wsUrl, storyId, await tokenFor(storyId));
    const closed = closeOfSocket(socket);
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const before = process.memoryUsage().rss;
    const request = new Uint8Array([0, 0, 1, 0]); // sync step 1 with an empty state vector
    for (let i = 0; i < 50_000; i++) socket.send(request);
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toMatchObject({ code: CloseCode.RateLimited });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("accepts a token for one socket only, and a person's sockets up to the limit", async () => {
    const { server, url } = await startServer(persistence, { limits: { maxSocketsPerUser: 3 } });
    cleanups.push(() => server.close());
    const storyId = await createStory(prisma, SUMMARY);
    const token = await tokenFor(storyId, "editor", "Replay");
    const first = await openRawSocket(url, storyId, token);
    cleanups.push(() => first.close());
    const replay = await openRawSocket(url, storyId, token);
    expect(await closeOfSocket(replay)).toEqual({ code: CloseCode.Unauthorized, reason: "token already used" });

    const sockets: WebSocket[] = [];
    for (let i = 0; i < 3; i++)
      sockets.push(
        await openRawSocket(
          url,
          storyId,
          await signCollabToken({ userId: "many", name: "Many", role: "editor", storyId }, TOKEN_SECRET, 60),
        ),
      );
    cleanups.push(() => sockets.forEach((socket) => socket.close()));
    const fourth = await openRawSocket(
      url,
      storyId,
      await signCollabToken({ userId: "many", name: "Many", role: "editor", storyId }, TOKEN_SECRET, 60),
    );
    expect(await closeOfSocket(fourth)).toEqual({
      code: CloseCode.TooManyConnections,
      reason: "too many open connections for this person",
    });
  });

  it("refuses an update that would make the document larger than the limit", async () => {
    const { server, url, internalUrl } = await startServer(persistence, {
      limits: { document: { ...DEFAULT_DOCUMENT_LIMITS, maxDocumentBytes: 64 * 1024 } },
    });
    cleanups.push(() => server.close());
    const storyId = await createStory(prisma, SUMMARY);
    const client = await openAs(url, { id: "paster", name: "Paster", role: "editor" }, storyId, cleanups);
    const closed = closedBy(client);
    const text = (client.doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "x".repeat(30_000));
    text.insert(0, "y".repeat(30_000));
    text.insert(0, "z".repeat(30_000));
    expect(await closed).toEqual({
      code: CloseCode.DocumentTooLarge,
      reason: "the story's document would exceed 65536 bytes",
    });
    const live = createCollabClient(internalUrl, TOKEN_SECRET);
    expect(summaryText(await live.liveDocument(storyId)).plain).toMatch(/^y{30000}x{30000}The CIA/);
  });

  it("closes a socket that sends messages faster than its budget", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const socket = await openRawSocket(served.wsUrl, storyId, await tokenFor(storyId));
    const closed = closeOfSocket(socket);
    for (let i = 0; i < 2_000; i++) socket.send(new Uint8Array([3])); // awareness queries
    expect(await closed).toEqual({ code: CloseCode.RateLimited, reason: "too many messages" });
  });

  it("closes a socket that does not read what the server sends it", async () => {
    // The document budget is generous here, so that only the unread answers pile up.
    const { server, url } = await startServer(persistence, {
      limits: { maxBufferedBytes: 256 * 1024, slowConsumerGraceMs: 200, syncRequestBurst: 100 },
    });
    cleanups.push(() => server.close());
    const storyId = await createStory(prisma, ["w".repeat(1_000_000)]);
    const reader = await openRawSocket(url, storyId, await tokenFor(storyId));
    const closed = closeOfSocket(reader);
    (reader as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 60; i++) reader.send(new Uint8Array([0, 0, 1, 0])); // each answered with the whole megabyte
    (reader as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toEqual({
      code: CloseCode.SlowConsumer,
      reason: "the connection does not keep up with the story's changes",
    });
  });

  it("closes a socket that sends too much while its story loads, and refuses rooms past the process's limit", async () => {
    const slow: Persistence = {
      ...persistence,
      load: async (id) => (await new Promise((r) => setTimeout(r, 300)), persistence.load(id)),
    };
    const { server, url } = await startServer(slow, { limits: { maxBacklogFrames: 10, maxRooms: 1 } });
    cleanups.push(() => server.close());
    const storyId = await createStory(prisma, SUMMARY);
    const socket = await openRawSocket(url, storyId, await tokenFor(storyId));
    const closed = closeOfSocket(socket);
    for (let i = 0; i < 11; i++) socket.send(new Uint8Array([3]));
    expect(await closed).toEqual({ code: CloseCode.RateLimited, reason: "too many messages while the story loads" });

    const holder = await openRawSocket(url, storyId, await tokenFor(storyId));
    cleanups.push(() => holder.close());
    const other = await createStory(prisma, SUMMARY);
    const refused = await openRawSocket(url, other, await tokenFor(other));
    expect(await closeOfSocket(refused)).toEqual({
      code: CloseCode.TooManyConnections,
      reason: "too many open stories on this server",
    });
  });
});

describe("8. a socket lasts only as long as its access", () => {
  it("closes a socket when its token expires", async () => {
    const storyId = await createStory(prisma, SUMMARY);
    const token = await signCollabToken({ userId: "brief", name: "Brief", role: "editor", storyId }, TOKEN_SECRET, 2);
    const socket = await openRawSocket(served.wsUrl, storyId, token);
    const opened = Date.now();
    expect(await closeOfSocket(socket)).toEqual({ code: CloseCode.Unauthorized, reason: "token expired" });
    expect(Date.now() - opened).toBeLessThan(3_500);
  });

  it("closes a person's socket within seconds of their role changing", async () => {
    const { server, url } = await startServer(persistence, { accessCheckIntervalMs: 2_000 }); // the default
    cleanups.push(() => server.close());
    const reviewer = await createUser(prisma, "reviewer");
    const storyId = await createStory(prisma, SUMMARY);
    const client = await openAs(url, { ...reviewer, role: "reviewer" }, storyId, cleanups);
    const closed = closedBy(client);
    const changed = Date.now();
    await prisma.user.update({ where: { id: reviewer.id }, data: { role: "editor" } });
    expect(await closed).toEqual({
      code: CloseCode.AccessChanged,
      reason: "your access to this story changed; reconnect",
    });
    expect(Date.now() - changed).toBeLessThan(5_000);
  });

  it("closes every socket of a person an admin disabled within 5 s, for good, saying why", async () => {
    const { server, url } = await startServer(persistence, { accessCheckIntervalMs: 2_000 }); // the default
    cleanups.push(() => server.close());
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, SUMMARY);
    const tabs = [
      await openAs(url, { ...editor, role: "editor" }, storyId, cleanups),
      await openAs(url, { ...editor, role: "editor" }, storyId, cleanups),
    ];
    const closes = tabs.map((tab) => closedBy(tab));
    const disabled = Date.now();
    await prisma.user.update({ where: { id: editor.id }, data: { disabledAt: new Date() } });
    for (const close of closes)
      expect(await close).toEqual({ code: CloseCode.Forbidden, reason: "your account has been disabled" });
    expect(Date.now() - disabled).toBeLessThan(5_000);
    expect(isFinalCloseCode(CloseCode.Forbidden)).toBe(true);
  });

  it("still checks a person whose other tab has closed", async () => {
    const { server, url } = await startServer(persistence, { accessCheckIntervalMs: 200 });
    cleanups.push(() => server.close());
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, SUMMARY);
    const [closing, staying] = [
      await openAs(url, { ...editor, role: "editor" }, storyId, cleanups),
      await openAs(url, { ...editor, role: "editor" }, storyId, cleanups),
    ];
    const closingId = closing!.awareness.clientID;
    closing!.awareness.setLocalStateField("cursor", null);
    await eventually(() => expect(staying!.awareness.getStates().has(closingId)).toBe(true));
    closing!.destroy();
    // The server has seen the tab leave once the other tab hears its presence go.
    await eventually(() => expect(staying!.awareness.getStates().has(closingId)).toBe(false));
    const closed = closedBy(staying!);
    await prisma.user.update({ where: { id: editor.id }, data: { disabledAt: new Date() } });
    expect(await closed).toEqual({ code: CloseCode.Forbidden, reason: "your account has been disabled" });
  });
});

import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { dismissFlag } from "@/lib/assistant/dismissals";
import { markClaimSpan } from "@/lib/anchoring/claim-spans";
import { addComment, addQuote, claimsMap, createClaim, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { recordSourceRevision } from "@/lib/story-doc/source-revisions";
import { defineStoryDocRoots, StoryDoc } from "@/lib/story-doc/schema";
import { writeSummaryParagraphs } from "@/lib/story-doc/summary";
import {
  checkUpdate,
  DEFAULT_DOCUMENT_LIMITS,
  type DocumentLimits,
  type WriteVerdict,
} from "@/lib/story-doc/write-policy";

const maya = { id: "maya", name: "Maya Chen" };
const at = new Date("2026-11-30T10:00:00Z");

/** A room's document with the seed story's first paragraph and one claim. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  defineStoryDocRoots(doc);
  writeSummaryParagraphs(doc, ["The CIA released two videos aimed at recruiting Chinese officials."]);
  createClaim(doc, { id: "c1", by: maya, at });
  markClaimSpan(doc, "c1", 4, 12);
  return doc;
}

/** What a client synced with `server` sends when it makes `change`. */
function updateOf(server: Y.Doc, change: (client: Y.Doc) => void): { update: Uint8Array; client: Y.Doc } {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on("update", (update: Uint8Array) => updates.push(update));
  change(client);
  return { update: Y.mergeUpdates(updates), client };
}

function check(
  server: Y.Doc,
  update: Uint8Array,
  options: { limits?: Partial<DocumentLimits>; mayWriteAs?: (id: number) => boolean } = {},
): WriteVerdict {
  return checkUpdate(update, {
    doc: server,
    writer: "client",
    mayWriteAs: options.mayWriteAs ?? (() => true),
    limits: { ...DEFAULT_DOCUMENT_LIMITS, ...options.limits },
  });
}

const quote = {
  id: "q1",
  sourceId: "s1",
  selector: { exact: "two videos", prefix: "The CIA released ", suffix: " aimed at", start: 17, end: 27 },
  stance: "supports" as const,
  note: "",
  addedBy: maya,
  addedAt: at.toISOString(),
};

describe("checkUpdate accepts what the workspace writes", () => {
  it.each<[string, (doc: Y.Doc) => void]>([
    [
      "typing in the summary",
      (doc) =>
        (doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0).constructor === Y.XmlText &&
        ((doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, " new"),
    ],
    [
      "a new paragraph",
      (doc) => doc.getXmlFragment("summary").insert(1, [Object.assign(new Y.XmlElement("paragraph"), {})]),
    ],
    [
      "a heading with a level",
      (doc) => {
        const heading = new Y.XmlElement("heading");
        doc.getXmlFragment("summary").insert(0, [heading]);
        heading.setAttribute("level", "2");
        heading.insert(0, [new Y.XmlText("Background")]);
      },
    ],
    [
      "marking a claim",
      (doc) => {
        createClaim(doc, { id: "c2", by: maya, at });
        markClaimSpan(doc, "c2", 13, 20);
      },
    ],
    [
      "bold text",
      (doc) => ((doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} }),
    ],
    ["a quote", (doc) => addQuote(doc, "c1", quote)],
    [
      "a comment",
      (doc) => addComment(doc, "c1", { id: "m1", body: "Check the date.", author: maya, createdAt: at.toISOString() }),
    ],
    ["asking for review", (doc) => setClaimStatusAsEditor(doc, "c1", "needs_review")],
    [
      "dismissing a flag",
      (doc) => dismissFlag(doc, "single_source:c1:abc", { reason: "Wire copy", by: maya, at: at.toISOString() }),
    ],
    ["deleting a claim", (doc) => claimsMap(doc).delete("c1")],
    ["deleting the summary", (doc) => doc.getXmlFragment("summary").delete(0, 1)],
  ])("%s", (_name, change) => {
    const server = serverDoc();
    expect(check(server, updateOf(server, change).update)).toEqual({ ok: true });
  });

  it("skips structs the document already has (a reconnecting client's full state)", () => {
    const server = serverDoc();
    expect(check(server, Y.encodeStateAsUpdate(server), { mayWriteAs: () => false })).toEqual({ ok: true });
  });
});

describe("checkUpdate refuses what breaks the document", () => {
  it.each<[string, (doc: Y.Doc) => void, RegExp]>([
    [
      "a Y.Map nested 300 deep under a claim",
      (doc) => {
        let current = new Y.Map<unknown>();
        const top = current;
        for (let i = 0; i < 300; i++) {
          const next = new Y.Map<unknown>();
          current.set("x", next);
          current = next;
        }
        claimsMap(doc).set("deep", top);
      },
      /not allowed/,
    ],
    [
      "an approval written by a client",
      (doc) => claimsMap(doc).get("c1")!.set("status", "approved"),
      /recorded by the server/,
    ],
    ["a forged source revision", (doc) => recordSourceRevision(doc, "s1", 99), /server only/],
    [
      "a forged authorship stamp",
      (doc) => doc.getMap("authorship").set("claim:c1", { by: maya, contributors: [] }),
      /server only/,
    ],
    ["an unknown root", (doc) => doc.getArray("junk").push([1]), /unknown root/],
    [
      "a Y.Map in a quote list",
      (doc) => (claimsMap(doc).get("c1")!.get("quotes") as Y.Array<unknown>).push([new Y.Map()]),
      /not allowed/,
    ],
    [
      "a claim that is not a map",
      (doc) => (claimsMap(doc) as unknown as Y.Map<unknown>).set("c9", "text"),
      /unexpected content/,
    ],
    ["an unknown claim field", (doc) => claimsMap(doc).get("c1")!.set("extra", 1), /unexpected content/],
    ["an unknown node", (doc) => doc.getXmlFragment("summary").insert(0, [new Y.XmlElement("script")]), /not allowed/],
    [
      "an unknown mark",
      (doc) =>
        ((doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { onclick: "x" }),
      /unknown formatting/,
    ],
    [
      "a value nested 20 deep",
      (doc) => {
        let value: unknown = "x";
        for (let i = 0; i < 20; i++) value = { value };
        (claimsMap(doc).get("c1")!.get("comments") as Y.Array<unknown>).push([value]);
      },
      /nested too deep/,
    ],
    [
      "a 100 KB comment",
      (doc) => (claimsMap(doc).get("c1")!.get("comments") as Y.Array<unknown>).push([{ body: "x".repeat(100_000) }]),
      /too large/,
    ],
  ])("%s", (_name, change, reason) => {
    const server = serverDoc();
    const verdict = check(server, updateOf(server, change).update);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

  it("refuses a summary nested deeper than the limit", () => {
    const server = serverDoc();
    const { update } = updateOf(server, (doc) => {
      let parent: Y.XmlFragment = doc.getXmlFragment("summary");
      for (let i = 0; i < 30; i++) {
        const list = new Y.XmlElement(i % 2 === 0 ? "bulletList" : "listItem");
        parent.insert(0, [list]);
        parent = list;
      }
    });
    expect(check(server, update)).toEqual({ ok: false, reason: "summary nested too deep" });
  });

  it("refuses more quotes, claims or longer text than the limits allow", () => {
    const server = serverDoc();
    const quotes = updateOf(server, (doc) => {
      addQuote(doc, "c1", quote);
      addQuote(doc, "c1", { ...quote, id: "q2" });
    }).update;
    expect(check(server, quotes, { limits: { maxQuotesPerClaim: 1 } })).toEqual({
      ok: false,
      reason: "more than 1 quotes on a claim",
    });
    const claims = updateOf(server, (doc) => createClaim(doc, { id: "c2", by: maya, at })).update;
    expect(check(server, claims, { limits: { maxClaims: 1 } })).toEqual({ ok: false, reason: "more than 1 claims" });
    const paste = updateOf(server, (doc) =>
      ((doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "y".repeat(50)),
    ).update;
    expect(check(server, paste, { limits: { maxStringLength: 10 } })).toEqual({
      ok: false,
      reason: "inserted text too long",
    });
  });

  it("refuses deleting from a root the server writes", () => {
    const server = serverDoc();
    recordSourceRevision(server, "s1", 2);
    const { update } = updateOf(server, (doc) => doc.getMap("sourceRevisions").delete("s1"));
    expect(check(server, update)).toEqual({ ok: false, reason: '"sourceRevisions" is written by the server only' });
  });

  it("refuses new structs under a client id the writer may not use", () => {
    const server = serverDoc();
    const { update, client } = updateOf(server, (doc) =>
      addComment(doc, "c1", { id: "m1", body: "Hi", author: maya, createdAt: at.toISOString() }),
    );
    expect(check(server, update, { mayWriteAs: (id) => id !== client.clientID })).toEqual({
      ok: false,
      reason: `client id ${client.clientID} belongs to another connection`,
    });
  });

  it("refuses malformed and truncated updates without throwing", () => {
    const server = serverDoc();
    const { update } = updateOf(server, (doc) => addQuote(doc, "c1", quote));
    expect(check(server, update.slice(0, update.length - 7)).ok).toBe(false);
    expect(check(server, new Uint8Array([255, 255, 255, 255, 1, 2, 3])).ok).toBe(false);
  });
});

describe("a story document defines a root when it is first written, with the schema's type", () => {
  /** A browser's document: every root defined, as the workspace's editor and panels define them. */
  function browserDoc(): Y.Doc {
    const doc = new Y.Doc();
    defineStoryDocRoots(doc);
    return doc;
  }

  it("accepts what a client writes into roots the server's document has not got yet, and gets only those", () => {
    const server = new StoryDoc();
    expect(server.share.size).toBe(0);
    const { update } = updateOf(server, (doc) => {
      defineStoryDocRoots(doc);
      writeSummaryParagraphs(doc, ["The CIA released two videos."]);
      createClaim(doc, { id: "c1", by: maya, at });
    });
    expect(check(server, update)).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    expect([...server.share.keys()].sort()).toEqual(["claims", "summary"]);
    expect(server.share.get("claims")).toBeInstanceOf(Y.Map);
    expect(server.share.get("summary")).toBeInstanceOf(Y.XmlFragment);
    expect(claimsMap(server).get("c1")?.get("status")).toBe("draft");
  });

  it("gives a loaded document's roots their types before anyone asks for them", () => {
    const stored = browserDoc();
    writeSummaryParagraphs(stored, ["The CIA released two videos."]);
    createClaim(stored, { id: "c1", by: maya, at });
    const loaded = new StoryDoc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(stored));
    expect(loaded.share.get("claims")).toBeInstanceOf(Y.Map);
    expect(loaded.share.get("summary")).toBeInstanceOf(Y.XmlFragment);
    // A claim replaced in a loaded root map adds none: the limit counts the root map's own keys.
    const { update } = updateOf(loaded, (doc) => createClaim(doc, { id: "c1", by: maya, at }));
    expect(check(loaded, update, { limits: { maxClaims: 1 } })).toEqual({ ok: true });
  });

  it("refuses to define a root with another type than the schema's, at once rather than at the next update", () => {
    const doc = new StoryDoc();
    expect(() => doc.getText("summary")).toThrow(/the root "summary" of a story document is a YXmlFragment/);
    expect(() => doc.getArray("claims")).toThrow(/is a YMap/);
    expect(doc.getXmlFragment("summary")).toBeInstanceOf(Y.XmlFragment);
    expect(doc.getArray("notInTheSchema")).toBeInstanceOf(Y.Array);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "refuses a root named %s, which only an object's prototype has",
    (name) => {
      const server = new StoryDoc();
      const { update } = updateOf(server, (doc) => doc.getXmlFragment(name).insert(0, [new Y.XmlText("x")]));
      const verdict = check(server, update);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(/unknown root/);
      expect(server.share.has(name)).toBe(false);
    },
  );
});

describe("a raw client cannot name a root beside the structs it sends", () => {
  const client = 42;

  /** A state vector that says the document has `client`'s structs up to `clock`. */
  function stateVector(clock: number): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    return encoding.toUint8Array(encoder);
  }

  it.each(["evil", "constructor", "__proto__"])(
    "refuses a struct the document already has, sent again under a root named %s (Yjs would define that root)",
    (name) => {
      const server = new StoryDoc();
      const honest = new Y.Doc();
      honest.clientID = client;
      honest.getMap("assistantDismissals").set("k", "v");
      Y.applyUpdate(server, Y.encodeStateAsUpdate(honest));
      const forged = new Y.Doc();
      forged.clientID = client;
      forged.getMap(name).set("k", "v");
      const verdict = check(server, Y.encodeStateAsUpdate(forged));
      expect(verdict).toEqual({ ok: false, reason: `unknown root "${name}"` });
    },
  );

  it("refuses a struct the document partly has whose new part names another parent than the list it would join", () => {
    const server = new StoryDoc();
    const honest = new Y.Doc();
    honest.clientID = client;
    createClaim(honest, { id: "c0", by: maya, at });
    addQuote(honest, "c0", quote);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(honest));
    const known = Y.getState(server.store, client);
    // The same client's struct from its last known clock on, two quotes long, naming the summary as its parent:
    // Yjs would link the second quote after the first (in the claim's quote list) while counting and reporting
    // it under the summary, where the claim audit and the quote limit never see it.
    const forged = new Y.Doc();
    forged.clientID = client;
    const pad = forged.getMap<number>("assistantDismissals");
    while (Y.getState(forged.store, client) < known - 1) pad.set(`p${Y.getState(forged.store, client)}`, 0);
    forged.getArray("summary").insert(0, [quote, { ...quote, id: "q2" }]);
    const update = Y.encodeStateAsUpdate(forged, stateVector(known - 1));
    expect(check(server, update)).toEqual({ ok: false, reason: "content placed apart from its parent" });
  });

  it("accepts the honest form of the same: a client's merged struct whose first part the document has", () => {
    const server = new StoryDoc();
    const editor = new Y.Doc();
    editor.clientID = client;
    editor.getXmlFragment("summary").insert(0, [new Y.XmlText("")]);
    const text = editor.getXmlFragment("summary").get(0) as Y.XmlText;
    text.insert(0, "a");
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    text.insert(1, "b"); // merges with "a" into one struct in the editor's document
    const update = Y.encodeStateAsUpdate(editor); // the whole struct, its first part known
    expect(check(server, update)).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    expect((server.getXmlFragment("summary").get(0) as Y.XmlText).toString()).toBe("ab");
  });
});

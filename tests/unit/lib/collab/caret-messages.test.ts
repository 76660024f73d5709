import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import {
  applyCarets,
  caretsMessage,
  encodeCursor,
  MESSAGE_CARETS,
  sameBesidesCursor,
} from "@/lib/collab/caret-messages";

/** A paragraph with text, and a caret after its `index`th character as y-tiptap writes it (assoc -1). */
function caretAt(index: number, head = index) {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlText("Kyiv said the footage was staged");
  doc.getXmlFragment("summary").insert(0, [paragraph]);
  const position = (at: number) =>
    JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(paragraph, at, -1))) as unknown;
  return { anchor: position(index), head: position(head) };
}

/** The awareness a receiver holds, with one remote client's state in it. */
function receiverHolding(clientId: number, state: Record<string, unknown>, clock = 1) {
  const receiver = new awarenessProtocol.Awareness(new Y.Doc());
  const senderDoc = new Y.Doc();
  senderDoc.clientID = clientId;
  const sender = new awarenessProtocol.Awareness(senderDoc);
  sender.setLocalState(state);
  for (let i = 1; i < clock; i++) sender.setLocalState(state);
  awarenessProtocol.applyAwarenessUpdate(receiver, awarenessProtocol.encodeAwarenessUpdate(sender, [clientId]), null);
  return receiver;
}

function readMessage(message: Uint8Array, receiver: awarenessProtocol.Awareness) {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_CARETS);
  applyCarets(receiver, decoder, "server");
  expect(decoding.hasContent(decoder)).toBe(false);
}

const maya = { user: { id: "maya", name: "Maya Chen", role: "editor", color: "#175cd3" }, claim: null };

describe("caret messages", () => {
  it("give the receiver the same state, key for key, as the awareness update they stand for", () => {
    const receiver = receiverHolding(4242, { ...maya, cursor: caretAt(3) });
    const changes: unknown[] = [];
    receiver.on("change", (change: unknown) => changes.push(change));
    for (const cursor of [caretAt(4), caretAt(2, 9), null, caretAt(0)]) {
      const encoded = encodeCursor(cursor);
      expect(encoded).not.toBeNull();
      readMessage(caretsMessage([{ clientId: 4242, clock: 7, cursor: encoded! }]), receiver);
      // What the full awareness update would have given the receiver.
      expect(JSON.stringify(receiver.getStates().get(4242))).toBe(JSON.stringify({ ...maya, cursor }));
      expect(receiver.meta.get(4242)?.clock).toBe(7);
      receiver.meta.get(4242)!.clock = 6; // each caret of this test carries clock 7
    }
    expect(changes).toHaveLength(4);
  });

  it("cost a few bytes where awareness costs hundreds", () => {
    const cursor = caretAt(12);
    const caret = caretsMessage([{ clientId: 3_000_000_000, clock: 1_000, cursor: encodeCursor(cursor)! }]);
    const awareness = new TextEncoder().encode(JSON.stringify({ ...maya, cursor })).length;
    expect(caret.length).toBeLessThanOrEqual(30);
    expect(awareness).toBeGreaterThan(250);
  });

  it("carry only cursors they can give back exactly; anything else goes as awareness", () => {
    const { anchor } = caretAt(1);
    const refused: unknown[] = [
      undefined,
      "here",
      { anchor },
      { anchor, head: anchor, extra: 1 },
      { head: anchor, anchor },
      { anchor: { ...(anchor as object), extra: true }, head: anchor },
      { anchor: { type: null, tname: null, item: { client: -1, clock: 0 }, assoc: 0 }, head: anchor },
      { anchor: { type: null, tname: null, item: { client: 1, clock: "2" }, assoc: 0 }, head: anchor },
      { anchor: { type: null, tname: 5, item: null, assoc: 0 }, head: anchor },
      { anchor: { type: null, tname: null, item: null, assoc: 0.5 }, head: anchor },
      { anchor: { tname: null, type: null, item: null, assoc: 0 }, head: anchor },
      { anchor: { type: null, tname: "\ud800", item: null, assoc: 0 }, head: anchor },
    ];
    for (const cursor of refused) expect(encodeCursor(cursor)).toBeNull();
    const named = { type: null, tname: "summary", item: null, assoc: 0 };
    const receiver = receiverHolding(1, { ...maya, cursor: null });
    readMessage(
      caretsMessage([{ clientId: 1, clock: 5, cursor: encodeCursor({ anchor: named, head: named })! }]),
      receiver,
    );
    expect(receiver.getStates().get(1)?.cursor).toEqual({ anchor: named, head: named });
  });

  it("skip a client the receiver holds no state for, and refuse malformed bytes", () => {
    const receiver = receiverHolding(1, maya);
    readMessage(caretsMessage([{ clientId: 99, clock: 3, cursor: encodeCursor(null)! }]), receiver);
    expect([...receiver.getStates().keys()].sort()).toEqual([1, receiver.clientID].sort());
    const truncated = caretsMessage([{ clientId: 1, clock: 3, cursor: encodeCursor(caretAt(2))! }]).slice(0, -2);
    const decoder = decoding.createDecoder(truncated);
    decoding.readVarUint(decoder);
    expect(() => applyCarets(receiver, decoder, "server")).toThrow();
  });

  it("compare states but for their cursors' values, keys and their order included, nested values too", () => {
    expect(sameBesidesCursor({ ...maya, cursor: caretAt(1) }, { ...maya, cursor: null })).toBe(true);
    expect(sameBesidesCursor(maya, { ...maya })).toBe(true);
    expect(sameBesidesCursor({ ...maya, claim: "c1" }, maya)).toBe(false);
    expect(sameBesidesCursor(maya, { ...maya, claim: "c1" })).toBe(false);
    expect(sameBesidesCursor({ cursor: null, ...maya }, { ...maya, cursor: null })).toBe(false);
    expect(sameBesidesCursor(maya, { ...maya, cursor: null })).toBe(false);
    const user = maya.user as Record<string, unknown>;
    expect(sameBesidesCursor(maya, { ...maya, user: { ...user, color: "#000000" } })).toBe(false);
    const reordered = Object.fromEntries(Object.entries(user).reverse());
    expect(sameBesidesCursor(maya, { ...maya, user: reordered })).toBe(false);
    expect(sameBesidesCursor({ ...maya, tags: ["a", "b"] }, { ...maya, tags: ["a", "b"] })).toBe(true);
    expect(sameBesidesCursor({ ...maya, tags: ["a", "b"] }, { ...maya, tags: ["a"] })).toBe(false);
    expect(sameBesidesCursor({ ...maya, tags: [] }, { ...maya, tags: {} })).toBe(false);
    expect(sameBesidesCursor({ ...maya, claim: null }, { ...maya, claim: {} })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, encodeAwarenessUpdate, applyAwarenessUpdate } from "y-protocols/awareness";
import { stampAwarenessUpdate } from "@/server/collab/presence";

const MAYA = { id: "u-maya", name: "Maya Chen", role: "editor" as const };

describe("stampAwarenessUpdate", () => {
  it("replaces a claimed identity with the authenticated one and keeps the rest", () => {
    const sender = new Awareness(new Y.Doc());
    sender.setLocalState({ user: { name: "Rosa (reviewer)", id: "u-rosa", color: "#175cd3" }, cursor: { anchor: 1 } });
    const { update: stamped } = stampAwarenessUpdate(
      encodeAwarenessUpdate(sender, [sender.clientID]),
      MAYA,
      () => true,
    );

    const receiver = new Awareness(new Y.Doc());
    applyAwarenessUpdate(receiver, stamped, "test");
    expect(receiver.getStates().get(sender.clientID)).toEqual({
      user: { id: "u-maya", name: "Maya Chen", role: "editor", color: "#175cd3" },
      cursor: { anchor: 1 },
    });
  });

  it("passes a departure (null state) through", () => {
    const sender = new Awareness(new Y.Doc());
    sender.setLocalState(null);
    const update = encodeAwarenessUpdate(sender, [sender.clientID]);
    expect(() => stampAwarenessUpdate(update, MAYA, () => true)).not.toThrow();
  });

  it("throws on bytes that are not an awareness update", () => {
    expect(() => stampAwarenessUpdate(new Uint8Array([5, 1, 2]), MAYA, () => true)).toThrow();
    expect(() => stampAwarenessUpdate(new Uint8Array([1, 1, 1, 2, 0x7b]), MAYA, () => true)).toThrow();
  });

  it("leaves out the states of client ids the socket may not control", () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    mine.setLocalState({ cursor: { anchor: 1 } });
    theirs.setLocalState({ cursor: { anchor: 2 } });
    const both = new Awareness(new Y.Doc());
    applyAwarenessUpdate(both, encodeAwarenessUpdate(mine, [mine.clientID]), "test");
    applyAwarenessUpdate(both, encodeAwarenessUpdate(theirs, [theirs.clientID]), "test");

    const { update: stamped } = stampAwarenessUpdate(
      encodeAwarenessUpdate(both, [mine.clientID, theirs.clientID]),
      MAYA,
      (id) => id === mine.clientID,
    );
    const receiver = new Awareness(new Y.Doc());
    applyAwarenessUpdate(receiver, stamped, "test");
    expect([...receiver.getStates().keys()].filter((id) => id !== receiver.clientID)).toEqual([mine.clientID]);
  });
});

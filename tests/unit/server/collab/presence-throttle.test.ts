import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PresenceThrottle } from "@/server/collab/presence-throttle";

describe("PresenceThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function throttle() {
    const sent: Array<{ at: number; clientIds: number[]; published: number[] }> = [];
    const start = Date.now();
    const presence = new PresenceThrottle(80, (clientIds, published) =>
      sent.push({ at: Date.now() - start, clientIds, published }),
    );
    return { presence, sent };
  }

  it("sends a change at once, then a client's changes at most once per interval, the latest at its end", () => {
    const { presence, sent } = throttle();
    // A caret moving with each keystroke, every 15 ms, for 300 ms.
    for (let t = 0; t <= 300; t += 15) {
      presence.changed([7], [], true);
      vi.advanceTimersByTime(15);
    }
    vi.advanceTimersByTime(200);
    expect(sent.map((message) => message.at)).toEqual([0, 80, 160, 240, 320]);
    expect(sent.every((message) => message.clientIds.join() === "7" && message.published.join() === "7")).toBe(true);
  });

  it("does not hold back a cursor moved less often than the interval, nor another client's change", () => {
    const { presence, sent } = throttle();
    presence.changed([1], [], true);
    vi.advanceTimersByTime(10);
    presence.changed([2], [], false);
    vi.advanceTimersByTime(90);
    presence.changed([1], [], true);
    expect(sent).toEqual([
      { at: 0, clientIds: [1], published: [1] },
      { at: 10, clientIds: [2], published: [] },
      { at: 100, clientIds: [1], published: [1] },
    ]);
  });

  it("sends a client's leaving at once, and nothing of it afterwards", () => {
    const { presence, sent } = throttle();
    presence.changed([1], [], true);
    presence.changed([1], [], true);
    presence.changed([], [1], true);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([
      { at: 0, clientIds: [1], published: [1] },
      { at: 0, clientIds: [1], published: [1] },
    ]);
  });

  it("sends a state set again unchanged only once its presence last went out the renewal time ago", () => {
    const sent: Array<{ at: number; clientIds: number[] }> = [];
    const start = Date.now();
    const presence = new PresenceThrottle(80, (clientIds) => sent.push({ at: Date.now() - start, clientIds }), 1_000);
    presence.changed([1], [], true);
    // The caret stays put while its owner types five characters a second: each keystroke sets it again.
    for (let t = 200; t <= 2_400; t += 200) {
      vi.advanceTimersByTime(200);
      presence.renewed([1], true);
    }
    expect(sent).toEqual([
      { at: 0, clientIds: [1] },
      { at: 1_000, clientIds: [1] },
      { at: 2_000, clientIds: [1] },
    ]);
  });

  it("leaves a renewal to a change that waits, and renews no client it never sent", () => {
    const sent: number[][] = [];
    const presence = new PresenceThrottle(80, (clientIds) => sent.push(clientIds), 50);
    presence.changed([1], [], true);
    vi.advanceTimersByTime(60);
    presence.changed([1], [], true); // waits for the end of the interval
    presence.renewed([1, 2], true);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[1], [1]]);
  });

  it("sends a renewal that comes too soon at the renewal time instead of dropping it, and no change waits for it", () => {
    const sent: Array<{ at: number; clientIds: number[] }> = [];
    const start = Date.now();
    const presence = new PresenceThrottle(80, (clientIds) => sent.push({ at: Date.now() - start, clientIds }), 1_000);
    presence.changed([1, 2], [], true);
    vi.advanceTimersByTime(900);
    presence.renewed([1, 2], true); // too soon: both wait for 1,000
    vi.advanceTimersByTime(50);
    presence.changed([2], [], true); // a change of 2 goes at once, its renewal with it
    vi.advanceTimersByTime(2_000);
    expect(sent).toEqual([
      { at: 0, clientIds: [1, 2] },
      { at: 950, clientIds: [2] },
      { at: 1_000, clientIds: [1] },
    ]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { CloseCode } from "@/lib/collab/close-codes";
import { createAccessControl, type AccessControl } from "@/server/collab/access";
import type { Connection, Refusal } from "@/server/collab/hooks";
import type { Persistence } from "@/server/collab/persistence";
import type { Room } from "@/server/collab/room";
import type { CollabSocket } from "@/server/collab/socket";

type Access = Awaited<ReturnType<Persistence["loadAccess"]>>;

const controls: AccessControl[] = [];
afterEach(() => {
  for (const control of controls.splice(0)) control.stop();
});

/** An access control whose database answers only when the test says, with the people the test gives. */
function accessControl() {
  const asked: Array<{ people: string[]; answer: (access: Access) => void }> = [];
  const persistence = {
    loadAccess: (people: string[]) => new Promise<Access>((answer) => asked.push({ people, answer })),
  } as unknown as Persistence;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const control = createAccessControl({ persistence, log, intervalMs: 60_000 });
  controls.push(control);
  return { control, asked };
}

/** A socket of `userId` with `role` in a room that records whom it refuses and why. */
function join(control: AccessControl, userId: string, role: "editor" | "reviewer") {
  const refusals: number[] = [];
  const room = {
    refuse: (connection: Connection, refusal: Refusal) => {
      refusals.push(refusal.code);
      control.hook.onLeave?.(room, connection);
    },
  } as unknown as Room;
  const connection: Connection = {
    socket: {} as CollabSocket,
    user: { id: userId, name: userId, role },
    expiresAt: Date.now() + 3_600_000,
    clientIds: [],
  };
  control.hook.onJoin?.(room, connection);
  return { room, connection, refusals };
}

describe("createAccessControl", () => {
  it("does not close a socket whose person joined while the database answered a poll", async () => {
    const { control, asked } = accessControl();
    const ann = join(control, "ann", "editor");
    const polled = control.checkNow();
    const tom = join(control, "tom", "reviewer");
    expect(asked.map(({ people }) => people)).toEqual([["ann"]]);
    asked[0]!.answer(new Map([["ann", { role: "editor", disabled: false }]]));
    await polled;
    expect([ann.refusals, tom.refusals]).toEqual([[], []]);

    // The next poll asks about Tom, whose account is gone meanwhile: his socket is closed.
    const next = control.checkNow();
    expect(asked[1]!.people.sort()).toEqual(["ann", "tom"]);
    asked[1]!.answer(new Map([["ann", { role: "editor", disabled: false }]]));
    await next;
    expect([ann.refusals, tom.refusals]).toEqual([[], [CloseCode.AccessChanged]]);
  });

  it("asks about a person as long as one of their sockets is open, and not after", async () => {
    const { control, asked } = accessControl();
    const first = join(control, "ann", "editor");
    const second = join(control, "ann", "editor");
    control.hook.onLeave?.(first.room, first.connection);
    // Leaving twice (the room forgets a socket once, but a hook may be told again) does not count twice.
    control.hook.onLeave?.(first.room, first.connection);
    const polled = control.checkNow();
    expect(asked[0]!.people).toEqual(["ann"]);
    asked[0]!.answer(new Map([["ann", { role: "editor", disabled: false }]]));
    await polled;
    control.hook.onLeave?.(second.room, second.connection);
    await control.checkNow();
    expect(asked).toHaveLength(1);
  });
});

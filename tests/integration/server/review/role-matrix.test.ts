import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ACTIONS, can, type Action } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { CloseCode } from "@/lib/collab/close-codes";
import { signCollabToken } from "@/server/auth/collab-token";
import { createCollabClient, type CollabClient } from "@/server/collab/collab-client";
import { decideClaim } from "@/server/review/decide-claim";
import { publishStory } from "@/server/review/publish-story";
import { RequestError } from "@/server/http/request-error";
import { setUserRole } from "@/server/users/set-user-role";
import { closeOf, connectProvider, startServer, synced, TOKEN_SECRET } from "../../../support/collab-harness";
import { createStory, createUser, integrationPersistence, integrationPrisma } from "../../../support/database";
import { SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { correctSource } from "@/server/sources/correct-source";
import { importArticle } from "@/server/sources/import-sources";
import { createStory as createStoryService } from "@/server/stories/create-story";
import type { CollabServer } from "@/server/collab";

const prisma = integrationPrisma();
const persistence = await integrationPersistence(prisma);
let server: CollabServer;
let wsUrl: string;
let collab: CollabClient;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  const started = await startServer(persistence);
  server = started.server;
  wsUrl = started.url;
  collab = createCollabClient(started.internalUrl, TOKEN_SECRET);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await server.close();
  persistence.close();
  await prisma.$disconnect();
});

/** Whether a write through the collaboration socket (any document change) reaches the room. */
async function socketWrite(role: Role | null, storyId: string, write: (doc: Y.Doc) => void): Promise<boolean> {
  if (role === null) {
    // A reader has no session, so no token: the socket is refused.
    const { code } = await closeOf(`${wsUrl}/${storyId}`);
    return code !== CloseCode.Unauthorized;
  }
  const user = await createUser(prisma, role);
  const token = await signCollabToken({ userId: user.id, name: user.name, role, storyId }, TOKEN_SECRET, 60);
  const provider = connectProvider(wsUrl, storyId, token);
  cleanups.push(() => provider.destroy());
  await synced(provider);
  write(provider.doc);
  // The server's own writes (authorship stamps) may follow: compare only what this client wrote.
  const clientId = provider.doc.clientID;
  const written = Y.decodeStateVector(Y.encodeStateVector(provider.doc)).get(clientId);
  for (let i = 0; i < 100; i++) {
    const live = await collab.liveDocument(storyId);
    if (Y.decodeStateVector(Y.encodeStateVector(live)).get(clientId) === written) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

async function serviceCall(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (error instanceof RequestError && error.status === 403) return false;
    // Any other refusal (nothing to approve, nothing to publish) means the role itself was let through.
    if (error instanceof RequestError) return true;
    throw error;
  }
}

async function attempt(who: "reader" | Role, action: Action): Promise<boolean> {
  const role = who === "reader" ? null : who;
  const storyId = await createStory(prisma, ["The CIA has released two videos."]);
  const actor = role ? await createUser(prisma, role) : null;
  switch (action) {
    case "open_workspace":
      return role === null ? false : socketWrite(role, storyId, () => undefined);
    case "edit_summary":
      return socketWrite(role, storyId, (doc) =>
        ((doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Edited. "),
      );
    case "mark_claim":
    case "attach_quote":
    case "request_review":
      return socketWrite(role, storyId, (doc) => doc.getMap("claims").set(`probe-${action}`, new Y.Map()));
    case "approve":
    case "reject":
      if (!actor) return false;
      return serviceCall(() =>
        decideClaim({ prisma, collab }, actor, storyId, "no-such-claim", {
          decision: action === "approve" ? "approved" : "rejected",
          verdict: "supported",
          reason: "A reason.",
          claimHash: "0".repeat(64),
        } as never),
      );
    case "publish":
      if (!actor) return false;
      return serviceCall(() => publishStory({ prisma, collab }, actor, storyId, {}));
    case "create_story":
      if (!actor) return false;
      return serviceCall(() => createStoryService(prisma, actor, { title: `A story for ${actor.role}` }));
    case "import_source":
      if (!actor) return false;
      return serviceCall(() =>
        importArticle({ prisma, collab }, actor, storyId, { text: `An article imported by ${actor.id}.` }),
      );
    case "correct_source": {
      if (!actor) return false;
      const source = await prisma.source.create({
        data: {
          storyId,
          text: "The first text.",
          contentHash: `hash-${storyId}`,
          revisions: { create: { number: 1, text: "The first text.", contentHash: `hash-${storyId}` } },
        },
      });
      return serviceCall(() =>
        correctSource({ prisma, collab }, actor, storyId, source.id, {
          text: "The corrected text.",
          note: "A typo.",
          basedOn: 1,
        }),
      );
    }
    case "manage_users": {
      if (!actor) return false;
      const target = await createUser(prisma, "editor");
      return serviceCall(() => setUserRole(prisma, actor, target.id, "reviewer"));
    }
  }
}

// What each role may do is the policy's (tests/unit/lib/auth/policy.test.ts says what it is); this test says that
// every enforcement point (the collaboration server's upgrade, the services behind the routes) asks it.
describe("every role against every action, through the real enforcement points", () => {
  for (const who of ["reader", "editor", "reviewer", "admin"] as const) {
    for (const action of ACTIONS) {
      const expected = can(who === "reader" ? null : who, action);
      it(`${who} ${expected ? "may" : "may not"} ${action}`, async () => {
        expect(await attempt(who, action)).toBe(expected);
      });
    }
  }

  it("records a role change in the audit log, and an admin cannot demote themselves", async () => {
    const admin = await createUser(prisma, "admin");
    const editor = await createUser(prisma, "editor");
    await setUserRole(prisma, admin, editor.id, "reviewer");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("reviewer");
    expect(
      await prisma.auditEvent.findFirst({ where: { subject: editor.id }, select: { action: true, data: true } }),
    ).toEqual({
      action: "user.role_changed",
      data: JSON.stringify({ from: "editor", to: "reviewer" }),
    });
    await expect(setUserRole(prisma, admin, admin.id, "editor")).rejects.toThrow(/own admin role/);
  });
});

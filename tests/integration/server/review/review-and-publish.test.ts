import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { claimSpans } from "@/lib/anchoring/claim-spans";
import { claimsMap, deleteClaim, readClaims } from "@/lib/claims/story-claims";
import { summaryText } from "@/lib/story-doc/summary";
import { versionContentSchema } from "@/lib/versions/version-content";
import type { PrismaClient } from "@/server/db/create-prisma";
import { decideClaim } from "@/server/review/decide-claim";
import { publishStory } from "@/server/review/publish-story";
import { removeSource } from "@/server/sources/import-sources";
import { RequestError } from "@/server/http/request-error";
import { reviewStory } from "@/server/review/story-review";
import { loadWorkspaceReview } from "@/server/review/workspace-review";
import { CloseCode } from "@/lib/collab/close-codes";
import { closedBy, eventually, serveEachTest } from "../../../support/collab-harness";
import { createUser, INTEGRATION_PROVIDER, integrationPrisma } from "../../../support/database";
import { approvedStory, currentHash, EVIDENCE, storyWithClaim, SUMMARY } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string; blockers: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError)
      return { status: error.status, message: error.message, blockers: error.blockers.map((b) => b.kind) };
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * The integration client, except that the next `count` reads of a story's latest version wait for each other, so
 * that as many concurrent publishes all read the same latest version before any of them writes. Left to timing,
 * the publishes hardly ever overlap there (they did not once on SQLite), and the race went untested.
 */
function racingPublishes(count: number): PrismaClient {
  const waiting: Array<() => void> = [];
  const bound = (target: object, key: string | symbol) => {
    const value: unknown = Reflect.get(target, key);
    return typeof value === "function" ? value.bind(target) : value;
  };
  const version = new Proxy(prisma.version, {
    get(target, key) {
      if (key !== "findFirst") return bound(target, key);
      return async (args: Parameters<typeof target.findFirst>[0]) => {
        const latest = await target.findFirst(args);
        if (waiting.length < count) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === count) for (const release of waiting) release();
          });
        }
        return latest;
      };
    },
  });
  return new Proxy(prisma, { get: (target, key) => (key === "version" ? version : bound(target, key)) });
}

describe("decisions", () => {
  it("writes an editor's deletion of a claim to the audit log, with what the claim was", async () => {
    const editor = await createUser(prisma, "editor");
    const { storyId, provider } = await storyWithClaim(served, { ...editor, role: "editor" });
    deleteClaim(provider.doc, "claim-1");
    await eventually(async () => {
      const event = await prisma.auditEvent.findFirst({ where: { storyId, action: "claim.deleted" } });
      expect(event).toMatchObject({
        actorId: editor.id,
        subject: "claim-1",
        data: JSON.stringify({ status: "needs_review", quotes: 1 }),
      });
    });
    expect(readClaims(await served.collab.liveDocument(storyId))).toEqual([]);
  });

  it("refuses an 'approved' written by an editor's raw Yjs client, and publishing still waits for a recorded decision", async () => {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer");
    const { storyId, provider } = await storyWithClaim(served, { ...editor, role: "editor" });
    // A raw write that bypasses the editor-side rules.
    const closed = closedBy(provider);
    (claimsMap(provider.doc).get("claim-1") as Y.Map<unknown>).set("status", "approved");
    expect(await closed).toEqual({
      code: CloseCode.BadMessage,
      reason: "approving or rejecting a claim is recorded by the server",
    });
    expect(readClaims(await served.collab.liveDocument(storyId))[0]?.status).toBe("needs_review");

    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({ status: "needs_review", unrecordedStatus: false });
    expect(review.blockers.map((blocker) => blocker.kind)).toEqual(["claim_not_approved"]);
    expect(await refusal(publishStory(served, reviewer, storyId, {}))).toMatchObject({
      status: 422,
      blockers: ["claim_not_approved"],
    });
    expect(await prisma.version.count({ where: { storyId } })).toBe(0);
  });

  it("records an approval bound to the claim's hash, shows it live, and sends an edited claim back to review", async () => {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer", "Rosa");
    const { storyId, provider } = await storyWithClaim(served, { ...editor, role: "editor" });

    await decideClaim(served, reviewer, storyId, "claim-1", {
      decision: "approved",
      verdict: "supported",
      reason: "",
      claimHash: await currentHash(served, storyId),
    });
    await eventually(() => expect(readClaims(provider.doc)[0]?.status).toBe("approved"));
    let review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({
      status: "approved",
      decision: { verdict: "supported", decidedBy: { name: "Rosa" } },
    });
    expect(
      await prisma.auditEvent.findMany({
        where: { storyId },
        orderBy: { at: "asc" },
        select: { action: true, actorId: true, data: true },
      }),
    ).toEqual([
      {
        action: "claim.status_changed",
        actorId: editor.id,
        data: JSON.stringify({ from: "draft", to: "needs_review" }),
      },
      { action: "claim.approved", actorId: reviewer.id, data: expect.stringContaining('"verdict":"supported"') },
    ]);

    // The editor changes a word of the approved claim.
    const text = (provider.doc.getXmlFragment("summary").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(SUMMARY[0]!.indexOf("two") + 4, "new ");
    await eventually(async () => {
      review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
      expect(review.claims[0]?.review).toMatchObject({ status: "needs_review", changedSinceDecision: true });
    });
    expect(review.claims[0]?.review.decision?.snapshot.text).toBe(SUMMARY[0]);
    expect(claimSpans(provider.doc).get("claim-1")?.text).toContain("two new Mandarin-language");
  });

  it("keeps the four eyes: whoever marked or quoted a claim cannot decide it", async () => {
    const reviewerWhoMarked = await createUser(prisma, "reviewer");
    const otherReviewer = await createUser(prisma, "reviewer");
    // A reviewer may mark claims (everything an editor can do); the server records it from the socket.
    const { storyId } = await storyWithClaim(served, { ...reviewerWhoMarked, role: "editor" });
    const claimHash = await currentHash(served, storyId);
    expect(
      await refusal(
        decideClaim(served, reviewerWhoMarked, storyId, "claim-1", {
          decision: "approved",
          verdict: "supported",
          reason: "",
          claimHash,
        }),
      ),
    ).toMatchObject({ status: 403, message: expect.stringMatching(/another reviewer/) });
    await decideClaim(served, otherReviewer, storyId, "claim-1", {
      decision: "rejected",
      reason: "Wrong day.",
      claimHash,
    });
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({ status: "rejected", decision: { reason: "Wrong day." } });
  });

  it("refuses a decision on a claim that changed since the reviewer looked, and a rejection without reason", async () => {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer");
    const { storyId } = await storyWithClaim(served, { ...editor, role: "editor" });
    expect(
      await refusal(
        decideClaim(served, reviewer, storyId, "claim-1", {
          decision: "approved",
          verdict: "supported",
          reason: "",
          claimHash: "0".repeat(64),
        }),
      ),
    ).toMatchObject({ status: 409 });
    const { decisionInputSchema } = await import("@/server/review/decide-claim");
    expect(
      decisionInputSchema.safeParse({ decision: "rejected", reason: "  ", claimHash: "0".repeat(64) }).success,
    ).toBe(false);
  });
});

describe("publishing", () => {
  it("keeps a source that a published version quotes, even once the draft no longer does", async () => {
    const { storyId, reviewer, editor, provider } = await approvedStory(served);
    expect(await publishStory(served, reviewer, storyId, {})).toEqual({ number: 1 });
    const [source] = await prisma.source.findMany({ where: { storyId } });
    deleteClaim(provider.doc, "claim-1");
    await eventually(async () => expect(readClaims(await served.collab.liveDocument(storyId))).toEqual([]));

    const removal = await removeSource(served, { ...editor, role: "editor" }, storyId, source!.id).then(
      () => null,
      (error: unknown) => error,
    );
    expect(removal).toBeInstanceOf(RequestError);
    expect(removal).toMatchObject({
      status: 409,
      message:
        "Published version 1 quotes this source: it stays, so that readers can check the evidence. Hide it from the workspace instead.",
    });
    expect(await prisma.source.count({ where: { id: source!.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { storyId, action: "source.removed" } })).toBe(0);
  });

  it("writes version 1 with everything a reader needs, then version 2 only with a correction note", async () => {
    const { storyId, reviewer } = await approvedStory(served);
    expect(await publishStory(served, reviewer, storyId, {})).toEqual({ number: 1 });
    const v1 = await prisma.version.findUniqueOrThrow({ where: { storyId_number: { storyId, number: 1 } } });
    const content = versionContentSchema.parse(JSON.parse(v1.content));
    expect(content.summary).toBe(SUMMARY.join("\n"));
    expect(content.claims).toMatchObject([
      {
        id: "claim-1",
        text: SUMMARY[0],
        start: 0,
        verdict: "supported",
        approvedBy: { id: reviewer.id },
        quotes: [{ id: "q1", selector: { exact: EVIDENCE } }],
      },
    ]);
    expect(content.sources).toMatchObject([{ outlet: "NBC News", biasLabel: "center", contentHash: "h004" }]);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, gunzipSync(v1.yState));
    expect(summaryText(restored).plain).toBe(content.summary);

    expect(await refusal(publishStory(served, reviewer, storyId, {}))).toMatchObject({
      status: 422,
      message: expect.stringMatching(/correction note/),
    });
    expect(await publishStory(served, reviewer, storyId, { correctionNote: "No change; republished." })).toEqual({
      number: 2,
    });
    // Version 1 is untouched by what came after it.
    expect(await prisma.version.findUniqueOrThrow({ where: { storyId_number: { storyId, number: 1 } } })).toEqual(v1);
    expect((await prisma.story.findUniqueOrThrow({ where: { id: storyId } })).status).toBe("published");
  });

  it(`gives two concurrent publishes two consecutive numbers, or one clear refusal (${INTEGRATION_PROVIDER})`, async () => {
    const { storyId, reviewer } = await approvedStory(served);
    const second = await createUser(prisma, "reviewer");
    // No version yet, and both read that before either writes: both try version 1, the (story, number) pair lets
    // one through, and the other, trying again, must now give a correction note and is refused.
    const racing = racingPublishes(2);
    const first = await Promise.allSettled([
      publishStory({ prisma: racing, collab: served.collab }, reviewer, storyId, {}),
      publishStory({ prisma: racing, collab: served.collab }, second, storyId, {}),
    ]);
    expect(
      first
        .filter((result) => result.status === "fulfilled")
        .map((result) => (result as PromiseFulfilledResult<{ number: number }>).value),
    ).toEqual([{ number: 1 }]);
    const rejected = first.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(RequestError);
    expect((rejected.reason as RequestError).message).toMatch(/correction note/);

    // With notes, both read version 1 and try version 2: the one that loses tries again and gets 3.
    const again = racingPublishes(2);
    const both = await Promise.all([
      publishStory({ prisma: again, collab: served.collab }, reviewer, storyId, {
        correctionNote: "First correction.",
      }),
      publishStory({ prisma: again, collab: served.collab }, second, storyId, { correctionNote: "Second correction." }),
    ]);
    expect(both.map((result) => result.number).sort()).toEqual([2, 3]);
    const versions = await prisma.version.findMany({
      where: { storyId },
      orderBy: { number: "asc" },
      select: { number: true, correctionNote: true },
    });
    expect(versions.map((version) => version.number)).toEqual([1, 2, 3]);
    expect(new Set(versions.map((version) => version.correctionNote))).toEqual(
      new Set([null, "First correction.", "Second correction."]),
    );
    expect(await prisma.auditEvent.count({ where: { storyId, action: "story.published" } })).toBe(3);
  });

  it("refuses while a quote does not verify, naming it", async () => {
    const { storyId, provider, reviewer } = await approvedStory(served);
    // A raw client rewrites the quote's words so that they no longer occur in the source.
    const quotes = claimsMap(provider.doc).get("claim-1")?.get("quotes") as Y.Array<Record<string, unknown>>;
    const forged = {
      ...quotes.get(0),
      selector: { exact: "The CIA said nothing at all", prefix: "", suffix: "", start: 0, end: 27 },
    };
    provider.doc.transact(() => {
      quotes.delete(0, 1);
      quotes.push([forged]);
    });
    await eventually(async () => {
      const result = await refusal(publishStory(served, reviewer, storyId, {}));
      expect(result.blockers).toEqual(expect.arrayContaining(["quote_unverified", "claim_not_approved"]));
    });
  });
});

describe("loadWorkspaceReview", () => {
  it("tells each person which claims they may decide and whether they may publish, with what blocks it", async () => {
    // A reviewer marks the claim (everything an editor can do): the four-eyes rule keeps it from them.
    const marker = await createUser(prisma, "reviewer");
    const other = await createUser(prisma, "reviewer");
    const editor = await createUser(prisma, "editor");
    const { storyId } = await storyWithClaim(served, { ...marker, role: "editor" });

    const forOther = await loadWorkspaceReview(served, other, storyId);
    expect(forOther).toMatchObject({
      claims: [{ id: "claim-1", status: "needs_review", canDecide: true, decision: null }],
      latestVersion: null,
      canPublish: true,
    });
    expect(forOther.claims[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(forOther.blockers).toEqual([expect.objectContaining({ kind: "claim_not_approved", claimId: "claim-1" })]);
    expect(forOther.blockers[0]?.message).toEqual(expect.any(String));

    expect(await loadWorkspaceReview(served, marker, storyId)).toMatchObject({
      claims: [{ id: "claim-1", canDecide: false }],
      canPublish: true,
    });
    expect(await loadWorkspaceReview(served, editor, storyId)).toMatchObject({
      claims: [{ id: "claim-1", canDecide: false }],
      canPublish: false,
    });
  });

  it("names the latest published version", async () => {
    const { storyId, reviewer } = await approvedStory(served);
    await publishStory(served, reviewer, storyId, {});
    expect(await loadWorkspaceReview(served, reviewer, storyId)).toMatchObject({
      claims: [{ id: "claim-1", status: "approved" }],
      blockers: [],
      latestVersion: 1,
    });
  });

  it("answers 404 for a story that does not exist", async () => {
    const reviewer = await createUser(prisma, "reviewer");
    expect(await refusal(loadWorkspaceReview(served, reviewer, "no-such-story"))).toMatchObject({
      status: 404,
      message: "No such story.",
    });
  });
});

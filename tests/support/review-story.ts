import { expect } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { markClaimSpan } from "@/lib/anchoring/claim-spans";
import { addQuote, createClaim, readClaims, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import type { CollabClient } from "@/server/collab/collab-client";
import type { PrismaClient } from "@/server/db/create-prisma";
import { decideClaim } from "@/server/review/decide-claim";
import { reviewStory } from "@/server/review/story-review";
import { eventually, openAs } from "./collab-harness";
import { createStory, createUser } from "./database";
import { seedFile } from "./seed-files";

/** The story's summary: its first sentence is the claim. */
export const SUMMARY = [
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials.",
  "Chinese officials have yet to respond.",
];
/** The text of the seed story's NBC News article (004), as stored for a source. */
export const ARTICLE_004 = normaliseArticleText(readArticleMetadata(seedFile("004")).body);
/** The passage of 004 quoted as the claim's evidence. */
export const EVIDENCE =
  "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy";

/** What the fixtures use of a test's collaboration server (collab-harness.ts, serveEachTest) and database. */
export interface ReviewTestServer {
  prisma: PrismaClient;
  collab: CollabClient;
  wsUrl: string;
  cleanups: Array<() => unknown>;
}

/** A story whose first sentence is a claim, marked and evidenced by `editor` through their client, asked for review. */
export async function storyWithClaim(server: ReviewTestServer, editor: { id: string; name: string; role: "editor" }) {
  const { prisma, collab } = server;
  const storyId = await createStory(prisma, SUMMARY);
  const source = await prisma.source.create({
    data: {
      storyId,
      outlet: "NBC News",
      headline: "CIA hopes cinematic videos",
      biasLabel: "center",
      text: ARTICLE_004,
      contentHash: "h004",
    },
  });
  const provider = await openAs(server.wsUrl, editor, storyId, server.cleanups);
  const at = new Date();
  const start = ARTICLE_004.indexOf(EVIDENCE);
  createClaim(provider.doc, { id: "claim-1", by: editor, at });
  markClaimSpan(provider.doc, "claim-1", 0, SUMMARY[0]!.length);
  addQuote(provider.doc, "claim-1", {
    id: "q1",
    sourceId: source.id,
    selector: createQuoteSelector(ARTICLE_004, start, start + EVIDENCE.length),
    stance: "supports",
    note: "",
    addedBy: editor,
    addedAt: at.toISOString(),
  });
  setClaimStatusAsEditor(provider.doc, "claim-1", "needs_review");
  await eventually(async () => {
    const live = await collab.liveDocument(storyId);
    expect(readClaims(live)[0]?.status).toBe("needs_review");
    expect(await prisma.claimActivity.count({ where: { storyId } })).toBe(3); // marked, quoted, edited (the status)
  });
  return { storyId, provider };
}

/** The hash the server computes for a claim of the live document now. */
export async function currentHash(server: ReviewTestServer, storyId: string, claimId = "claim-1"): Promise<string> {
  const review = await reviewStory(server.prisma, storyId, await server.collab.liveDocument(storyId));
  const reviewed = review.claims.find((candidate) => candidate.claim.id === claimId);
  if (!reviewed) throw new Error("no claim");
  return reviewed.hash;
}

/** `reviewer` approves a claim of the live document as supported, as it stands now. */
export async function approveAsIs(
  server: ReviewTestServer,
  reviewer: { id: string; name: string; role: Role },
  storyId: string,
  claimId = "claim-1",
) {
  await decideClaim({ prisma: server.prisma, collab: server.collab }, reviewer, storyId, claimId, {
    decision: "approved",
    verdict: "supported",
    reason: "",
    claimHash: await currentHash(server, storyId, claimId),
  });
}

/** A story with an editor's claim (storyWithClaim) that a reviewer approved as supported. */
export async function approvedStory(server: ReviewTestServer) {
  const editor = await createUser(server.prisma, "editor");
  const reviewer = await createUser(server.prisma, "reviewer");
  const { storyId, provider } = await storyWithClaim(server, { ...editor, role: "editor" });
  await approveAsIs(server, reviewer, storyId);
  return { storyId, provider, reviewer, editor };
}

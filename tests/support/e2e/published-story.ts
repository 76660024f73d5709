import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { markClaimSpan } from "../../../lib/anchoring/claim-spans";
import { addQuote, createClaim, setClaimStatusAsEditor } from "../../../lib/claims/story-claims";
import { createQuoteSelector } from "../../../lib/quotes/quote-selector";
import { summaryText } from "../../../lib/story-doc/summary";
import {
  E2E_COLLAB_INTERNAL_SECRET,
  E2E_COLLAB_INTERNAL_URL,
  E2E_COLLAB_TOKEN_SECRET,
  E2E_COLLAB_URL,
  E2E_DATABASE_URL,
} from "../../../playwright.config";
import { DEMO_USERS } from "../../../prisma/seed";
import { signCollabToken } from "../../../server/auth/collab-token";
import { createCollabClient } from "../../../server/collab/collab-client";
import { createPrisma } from "../../../server/db/create-prisma";
import { decideClaim } from "../../../server/review/decide-claim";
import { publishStory } from "../../../server/review/publish-story";
import { reviewStory } from "../../../server/review/story-review";

/** A claim to mark in the demo summary and the source passages (by outlet) that support it. */
export interface ClaimPlan {
  words: string;
  evidence: Array<{ outlet: string; passage: string; stance?: "supports" | "contradicts" | "context" }>;
}

/** Three claims of the demo summary, as the reader's tests, the read API's, the screenshots and bench:reader publish them. */
export const DEMO_CHECK_CLAIMS = {
  first: "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials",
  second: "CIA Director John Ratcliffe emphasized the urgency of this effort",
  third: "Chinese officials have yet to respond.",
} as const;

/** The demo check: the three claims, the first supported by two outlets, the others by NBC News alone. */
export const DEMO_CHECK: ClaimPlan[] = [
  {
    words: DEMO_CHECK_CLAIMS.first,
    evidence: [
      {
        outlet: "NBC News",
        passage:
          "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy for the United States",
      },
      {
        outlet: "Bloomberg",
        passage: "The Central Intelligence Agency released two videos Thursday aimed at recruiting Chinese officials",
      },
    ],
  },
  {
    words: DEMO_CHECK_CLAIMS.second,
    evidence: [
      {
        outlet: "NBC News",
        passage: "Our Agency must continue responding to this threat with urgency, creativity, and grit",
      },
    ],
  },
  {
    words: DEMO_CHECK_CLAIMS.third,
    evidence: [
      { outlet: "NBC News", passage: "The Chinese embassy did not immediately respond to a request for comment." },
    ],
  },
];

/**
 * Builds a published version of a story through the product's own paths: Maya marks the claims and
 * attaches the quotes through the collaboration server with the stock client, Rosa approves them and
 * publishes. Returns the published version's number.
 */
export async function publishStoryWithClaims(slug: string, plans: ClaimPlan[]): Promise<number> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  const collab = createCollabClient(E2E_COLLAB_INTERNAL_URL, E2E_COLLAB_INTERNAL_SECRET);
  try {
    const story = await prisma.story.findUniqueOrThrow({ where: { slug }, include: { sources: true } });
    const [maya, rosa] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } }),
      prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[3].email } }),
    ]);
    const token = await signCollabToken(
      { userId: maya.id, name: maya.name, role: "editor", storyId: story.id },
      E2E_COLLAB_TOKEN_SECRET,
      60,
    );
    const provider = new WebsocketProvider(E2E_COLLAB_URL.replace(/^http/, "ws"), story.id, new Y.Doc(), {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    const doc = provider.doc;
    const at = new Date();
    plans.forEach((plan, index) => {
      const id = `claim-${index + 1}-${story.id.slice(-6)}`;
      const start = summaryText(doc).plain.indexOf(plan.words);
      if (start === -1) throw new Error(`not in the summary: ${plan.words}`);
      createClaim(doc, { id, by: maya, at });
      markClaimSpan(doc, id, start, start + plan.words.length);
      plan.evidence.forEach((evidence, q) => {
        const source = story.sources.find(
          (candidate) => candidate.outlet === evidence.outlet && candidate.kind === "article",
        );
        const offset = source?.text.indexOf(evidence.passage) ?? -1;
        if (!source || offset === -1) throw new Error(`not in ${evidence.outlet}: ${evidence.passage}`);
        addQuote(doc, id, {
          id: `${id}-q${q}`,
          sourceId: source.id,
          selector: createQuoteSelector(source.text, offset, offset + evidence.passage.length),
          stance: evidence.stance ?? "supports",
          note: "",
          addedBy: maya,
          addedAt: at.toISOString(),
        });
      });
      setClaimStatusAsEditor(doc, id, "needs_review");
    });
    // Wait until the collaboration server holds every claim, then review and publish as Rosa.
    for (let i = 0; ; i++) {
      const review = await reviewStory(prisma, story.id, await collab.liveDocument(story.id));
      if (
        review.claims.length === plans.length &&
        review.claims.every((claim) => claim.review.status === "needs_review")
      ) {
        for (const claim of review.claims) {
          await decideClaim({ prisma, collab }, { ...rosa, role: "reviewer" }, story.id, claim.claim.id, {
            decision: "approved",
            verdict: "supported",
            reason: "",
            claimHash: claim.hash,
          });
        }
        break;
      }
      if (i > 100) throw new Error("the claims did not reach the collaboration server");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    provider.destroy();
    const { number } = await publishStory({ prisma, collab }, { ...rosa, role: "reviewer" }, story.id, {});
    return number;
  } finally {
    await prisma.$disconnect();
  }
}

/** Publishes the story's next version as Rosa, with a correction note (the draft may be unchanged). */
export async function publishCorrection(slug: string, correctionNote: string): Promise<number> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  const collab = createCollabClient(E2E_COLLAB_INTERNAL_URL, E2E_COLLAB_INTERNAL_SECRET);
  try {
    const story = await prisma.story.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const rosa = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[3].email } });
    const { number } = await publishStory({ prisma, collab }, { ...rosa, role: "reviewer" }, story.id, {
      correctionNote,
    });
    return number;
  } finally {
    await prisma.$disconnect();
  }
}

/** The id of a story, for calling its API routes. */
export async function storyIdOf(slug: string): Promise<string> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    return (await prisma.story.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  } finally {
    await prisma.$disconnect();
  }
}

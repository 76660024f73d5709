import { afterAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { claimsMap, readClaims, updateQuote } from "@/lib/claims/story-claims";
import { createQuoteSelector, type QuoteSelector } from "@/lib/quotes/quote-selector";
import { coverageOf } from "@/lib/reader/coverage";
import { readerClaims } from "@/lib/reader/reader-claims";
import { versionContentSchema } from "@/lib/versions/version-content";
import { publishStory } from "@/server/review/publish-story";
import { reviewStory } from "@/server/review/story-review";
import { eventually, serveEachTest } from "../../../support/collab-harness";
import { integrationPrisma } from "../../../support/database";
import { approvedStory, ARTICLE_004, EVIDENCE } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

const EVIDENCE_START = ARTICLE_004.indexOf(EVIDENCE);
/** The quote's selector as the source's text has it. */
const TRUE_SELECTOR = createQuoteSelector(ARTICLE_004, EVIDENCE_START, EVIDENCE_START + EVIDENCE.length);
// Context that turns the quoted words into their opposite, each within the 32 characters a selector may hold.
const FORGED_PREFIX = "Officials deny rumours that ";
const FORGED_SUFFIX = ", a story since retracted.";

describe("evidence integrity", () => {
  it("publishes a quote's context from its source, not the context a raw client forged after approval", async () => {
    const { storyId, provider, reviewer } = await approvedStory(served);
    expect(TRUE_SELECTOR.prefix).not.toBe(FORGED_PREFIX);

    // A raw client replaces the approved quote with a copy whose context is forged; its words stay.
    const quotes = claimsMap(provider.doc).get("claim-1")?.get("quotes") as Y.Array<{ selector: QuoteSelector }>;
    const original = quotes.get(0);
    const forged = { ...original, selector: { ...original.selector, prefix: FORGED_PREFIX, suffix: FORGED_SUFFIX } };
    provider.doc.transact(() => {
      quotes.delete(0, 1);
      quotes.insert(0, [forged]);
    });
    await eventually(async () =>
      expect(readClaims(await served.collab.liveDocument(storyId))[0]?.quotes[0]?.selector).toMatchObject({
        prefix: FORGED_PREFIX,
        suffix: FORGED_SUFFIX,
      }),
    );

    // What a reader would see did not change, so the approval stands; the server's review shows the true context.
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({ status: "approved", changedSinceDecision: false });
    expect(review.blockers).toEqual([]);

    expect(await publishStory(served, reviewer, storyId, {})).toEqual({ number: 1 });
    const version = await prisma.version.findUniqueOrThrow({ where: { storyId_number: { storyId, number: 1 } } });
    const content = versionContentSchema.parse(JSON.parse(version.content));
    expect(content.claims[0]?.quotes[0]?.selector).toEqual(TRUE_SELECTOR);
    expect(version.content).not.toContain(FORGED_PREFIX);
    expect(version.content).not.toContain(FORGED_SUFFIX);
    expect(readerClaims(content, coverageOf(content))[0]?.quotes[0]).toMatchObject({
      prefix: TRUE_SELECTOR.prefix,
      exact: EVIDENCE,
      suffix: TRUE_SELECTOR.suffix,
    });
    expect(review.claims[0]?.quotes[0]?.selector).toEqual(TRUE_SELECTOR);
  });

  it("sends an approved claim back to review when an editor changes a quote's note", async () => {
    const { storyId, provider } = await approvedStory(served);
    updateQuote(provider.doc, "claim-1", "q1", (quote) => ({ ...quote, note: "Only a spokesman's word." }));
    await eventually(async () => {
      const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
      expect(review.claims[0]?.review).toMatchObject({ status: "needs_review", changedSinceDecision: true });
    });
  });
});

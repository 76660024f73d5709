import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { markClaimSpan } from "@/lib/anchoring/claim-spans";
import { addQuote, createClaim, readClaims, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { readPerspectives } from "@/lib/import/perspectives";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { readSourceRevisions } from "@/lib/story-doc/source-revisions";
import { readSummaryParagraphs } from "@/lib/story-doc/summary";
import { createCollabClient } from "@/server/collab/collab-client";
import { RequestError } from "@/server/http/request-error";
import { decideClaim } from "@/server/review/decide-claim";
import { reviewStory } from "@/server/review/story-review";
import { correctSource, reanchorSource } from "@/server/sources/correct-source";
import { setSourceHidden, sourceVisibilitySchema } from "@/server/sources/hide-source";
import { importAggregatorPage, importArticle, removeSource } from "@/server/sources/import-sources";
import { CloseCode } from "@/lib/collab/close-codes";
import { closedBy, eventually, openAs, serveEachTest, TOKEN_SECRET } from "../../../support/collab-harness";
import { createStory, createUser, integrationPrisma } from "../../../support/database";
import { seedFile } from "../../../support/seed-files";

const prisma = integrationPrisma();
const PAGE_000 = seedFile("000");
const META_004 = readArticleMetadata(seedFile("004"));
const TEXT_004 = normaliseArticleText(META_004.body);
const PARAGRAPHS = TEXT_004.split("\n\n");
const FIRST = PARAGRAPHS[0] ?? "";
/** Words in the middle of 004's second paragraph, more than 32 characters from either end of it. */
const MID_SECOND = "resemble recruiting videos the C.I.A. agency has produced in the past few years";

const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

const deps = () => served;

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("importing", () => {
  it("stores an article as revision 1, tells the live draft, and refuses the same text twice", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, ["A summary."]);
    const { id } = await importArticle(deps(), editor, storyId, {
      text: `${META_004.body}\r\n\r\n`,
      headline: META_004.headline,
      outlet: "NBC News",
      biasLabel: "center",
      publishedAt: "",
      url: "https://www.nbcnews.com/politics/national-security/cia-videos",
    });
    const source = await prisma.source.findUniqueOrThrow({ where: { id }, include: { revisions: true } });
    expect(source).toMatchObject({
      text: TEXT_004,
      revision: 1,
      outlet: "NBC News",
      biasLabel: "center",
      publishedAt: null,
      position: 0,
    });
    expect(source.revisions.map((r) => [r.number, r.text === TEXT_004, r.createdById])).toEqual([[1, true, editor.id]]);
    expect(await prisma.auditEvent.count({ where: { storyId, action: "source.imported", subject: id } })).toBe(1);
    expect(readSourceRevisions(await served.collab.liveDocument(storyId)).get(id)).toBe(1);

    // The same article with other line endings and spacing is the same text.
    expect(
      await refusal(importArticle(deps(), editor, storyId, { text: TEXT_004.replace(/\n\n/g, "\n  \n") })),
    ).toEqual({
      status: 409,
      message: `This text is already a source of this story: “${META_004.headline}”, NBC News.`,
    });
  });

  it("refuses binary content, an empty text and a malformed link with clear messages", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, []);
    const messages = async (input: unknown) => {
      try {
        await importArticle(deps(), editor, storyId, input);
      } catch (error) {
        if (error instanceof ZodError) return error.issues.map((issue) => issue.message);
        throw error;
      }
      return [];
    };
    expect(await messages({ text: "PK\u0003\u0004\u0000\u0000binary" })).toEqual([
      expect.stringMatching(/binary data/),
    ]);
    expect(await messages({ text: " \n\t " })).toEqual(["The text is empty."]);
    expect(await messages({ text: "An article.", url: "nbcnews" })).toEqual([
      expect.stringMatching(/full web address/),
    ]);
    expect(await messages({ text: "An article.", url: "javascript:alert(1)" })).toEqual([
      expect.stringMatching(/full web address/),
    ]);
    expect(await prisma.source.count({ where: { storyId } })).toBe(0);
  });

  it("imports the seed aggregator page: four cards with their labels, the summary into an empty draft, three perspectives", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, []);
    expect(await importAggregatorPage(deps(), editor, storyId, { text: PAGE_000 })).toEqual({
      cardsAdded: 4,
      cardsSkipped: 0,
      summaryWritten: true,
      perspectives: 3,
    });
    const cards = await prisma.source.findMany({ where: { storyId }, orderBy: { position: "asc" } });
    expect(cards.map((card) => [card.kind, card.outlet, card.biasLabel, card.reliabilityLabel])).toEqual([
      ["card", "TIME Magazine", "leans_left", "Reliable"],
      ["card", "The Guardian", "leans_left", "Reliable"],
      ["card", "Al Jazeera", "leans_left", "Reliable"],
      ["card", "NBC News", "center", "Reliable"],
    ]);
    const summary = readSummaryParagraphs(await served.collab.liveDocument(storyId));
    expect(summary[0]).toMatch(/^The CIA has released two Mandarin-language/);
    const story = await prisma.story.findUniqueOrThrow({ where: { id: storyId } });
    expect(readPerspectives(story.perspectives)).toHaveLength(3);

    // Again: nothing is duplicated, and the summary someone may have edited is left alone.
    expect(await importAggregatorPage(deps(), editor, storyId, { text: PAGE_000 })).toMatchObject({
      cardsAdded: 0,
      cardsSkipped: 4,
      summaryWritten: false,
    });
    expect(
      readPerspectives((await prisma.story.findUniqueOrThrow({ where: { id: storyId } })).perspectives),
    ).toHaveLength(3);
  });

  it("removes a source imported by mistake, but not one that quotes rest on", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, ["The CIA released two videos."]);
    const { id: wrong } = await importArticle(deps(), editor, storyId, { text: seedFile("002"), outlet: "Wrong file" });
    const { id: quoted } = await importArticle(deps(), editor, storyId, { text: TEXT_004, outlet: "NBC News" });
    const provider = await openAs(served.wsUrl, editor, storyId, cleanups);
    createClaim(provider.doc, { id: "claim-1", by: editor, at: new Date() });
    addQuote(provider.doc, "claim-1", {
      id: "q1",
      sourceId: quoted,
      selector: createQuoteSelector(TEXT_004, 0, 20),
      stance: "supports",
      note: "",
      addedBy: editor,
      addedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(readClaims(await served.collab.liveDocument(storyId))[0]?.quotes).toHaveLength(1),
    );

    expect(await refusal(removeSource(deps(), editor, storyId, quoted))).toEqual({
      status: 409,
      message: "1 quote rests on this source: remove it from its claim first.",
    });
    await removeSource(deps(), editor, storyId, wrong);
    expect((await prisma.source.findMany({ where: { storyId } })).map((source) => source.id)).toEqual([quoted]);
    expect(await prisma.sourceRevision.count({ where: { sourceId: wrong } })).toBe(0);
    expect(await prisma.auditEvent.findFirst({ where: { storyId, action: "source.removed" } })).toMatchObject({
      subject: wrong,
      actorId: editor.id,
    });
    expect((await refusal(removeSource(deps(), editor, storyId, wrong))).status).toBe(404);
  });

  it("hides a source from the workspace and shows it again, with the audit log", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, ["The CIA released two videos."]);
    const { id } = await importArticle(deps(), editor, storyId, { text: TEXT_004, outlet: "NBC News" });
    const hiddenAt = async () =>
      (await prisma.source.findUniqueOrThrow({ where: { id }, select: { hiddenAt: true } })).hiddenAt;

    await setSourceHidden(prisma, editor, storyId, id, true);
    await setSourceHidden(prisma, editor, storyId, id, true); // again: nothing more happens
    expect(await hiddenAt()).toBeInstanceOf(Date);
    await setSourceHidden(prisma, editor, storyId, id, false);
    expect(await hiddenAt()).toBeNull();
    const events = await prisma.auditEvent.findMany({
      where: { storyId, action: { in: ["source.hidden", "source.shown"] } },
      select: { action: true, subject: true, actorId: true },
    });
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "source.hidden", subject: id, actorId: editor.id },
        { action: "source.shown", subject: id, actorId: editor.id },
      ]),
    );

    const other = await createStory(prisma, ["Another story."]);
    expect((await refusal(setSourceHidden(prisma, editor, other, id, true))).status).toBe(404);
    expect(await hiddenAt()).toBeNull();
    expect(() => sourceVisibilitySchema.parse({ hidden: "yes" })).toThrow(ZodError);
    expect(() => sourceVisibilitySchema.parse({ hidden: true, hiddenAt: "2020-01-01" })).toThrow(ZodError);
  });

  it("refuses an article as an aggregator page with the parser's reason", async () => {
    const editor = await createUser(prisma, "editor");
    const storyId = await createStory(prisma, []);
    const refused = await refusal(importAggregatorPage(deps(), editor, storyId, { text: seedFile("001") }));
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/^This is not an aggregator page: No line reading “Summary” was found\./);
  });
});

describe("correcting", () => {
  /** A story with 004 as a source and an approved claim quoting `passage` of it (its first paragraph unless told). */
  async function approvedClaimOn004(passage = FIRST) {
    const editor = await createUser(prisma, "editor");
    const reviewer = await createUser(prisma, "reviewer");
    const storyId = await createStory(prisma, ["The CIA released two videos.", "Second sentence."]);
    const { id: sourceId } = await importArticle(deps(), editor, storyId, { text: TEXT_004, outlet: "NBC News" });
    const provider = await openAs(served.wsUrl, editor, storyId, cleanups);
    const at = new Date();
    const start = TEXT_004.indexOf(passage);
    createClaim(provider.doc, { id: "claim-1", by: editor, at });
    markClaimSpan(provider.doc, "claim-1", 0, "The CIA released two videos.".length);
    addQuote(provider.doc, "claim-1", {
      id: "q1",
      sourceId,
      selector: createQuoteSelector(TEXT_004, start, start + passage.length),
      stance: "supports",
      note: "",
      addedBy: editor,
      addedAt: at.toISOString(),
    });
    setClaimStatusAsEditor(provider.doc, "claim-1", "needs_review");
    let hash = "";
    await eventually(async () => {
      const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
      expect(review.claims[0]?.review.status).toBe("needs_review");
      hash = review.claims[0]?.hash ?? "";
    });
    await decideClaim(deps(), reviewer, storyId, "claim-1", {
      decision: "approved",
      verdict: "supported",
      reason: "",
      claimHash: hash,
    });
    return { editor, storyId, sourceId, provider };
  }

  it("keeps the approval when a correction only moves the quoted passage, its context unchanged", async () => {
    const { editor, storyId, sourceId } = await approvedClaimOn004(MID_SECOND);
    const moved = [PARAGRAPHS[1], FIRST, ...PARAGRAPHS.slice(2)].join("\n\n");
    const result = await correctSource(deps(), editor, storyId, sourceId, {
      text: moved,
      note: "Paragraphs were out of order.",
      basedOn: 1,
    });
    expect(result).toEqual({
      revision: 2,
      outcome: { unchanged: 1, changed: 0, reverify: 0, orphaned: 0, claimsToReview: [] },
    });
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review.status).toBe("approved");
    expect(review.claims[0]?.quotes[0]?.verification.verified).toBe(true);
    const before = TEXT_004.indexOf(MID_SECOND);
    const after = moved.indexOf(MID_SECOND);
    expect(after).not.toBe(before);
    expect(review.claims[0]?.quotes[0]?.selector).toEqual({
      ...createQuoteSelector(TEXT_004, before, before + MID_SECOND.length),
      start: after,
      end: after + MID_SECOND.length,
    });
  });

  it("sends the approved claim back to review when a correction changes the context a reader sees around its quote", async () => {
    const { editor, storyId, sourceId } = await approvedClaimOn004();
    // The quoted first paragraph moves below the second, word for word; readers now see the second's end before it.
    const moved = [PARAGRAPHS[1], FIRST, ...PARAGRAPHS.slice(2)].join("\n\n");
    const result = await correctSource(deps(), editor, storyId, sourceId, {
      text: moved,
      note: "Paragraphs were out of order.",
      basedOn: 1,
    });
    expect(result.outcome).toMatchObject({ unchanged: 1, changed: 0 });
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({ status: "needs_review", changedSinceDecision: true });
    expect(review.claims[0]?.quotes[0]?.selector?.prefix).toBe(`${PARAGRAPHS[1]?.slice(-30)}\n\n`);
  });

  it("stores a corrected text as revision 2, keeps revision 1, and sends the claim whose quote changed back to review", async () => {
    const { editor, storyId, sourceId, provider } = await approvedClaimOn004();
    const corrected = [PARAGRAPHS[1], FIRST.replace("released", "posted"), ...PARAGRAPHS.slice(2)].join("\n\n");
    const result = await correctSource(deps(), editor, storyId, sourceId, {
      text: corrected,
      note: "NBC corrected “released” to “posted”.",
      basedOn: 1,
    });
    expect(result).toEqual({
      revision: 2,
      outcome: { unchanged: 0, changed: 1, reverify: 0, orphaned: 0, claimsToReview: ["claim-1"] },
    });

    const revisions = await prisma.sourceRevision.findMany({ where: { sourceId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.text === TEXT_004, r.text === corrected, r.note])).toEqual([
      [1, true, false, ""],
      [2, false, true, "NBC corrected “released” to “posted”."],
    ]);
    expect(await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      text: corrected,
      revision: 2,
    });
    expect(await prisma.auditEvent.count({ where: { storyId, action: "source.corrected" } })).toBe(1);

    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.claims[0]?.review).toMatchObject({ status: "needs_review", changedSinceDecision: true });
    expect(review.claims[0]?.quotes[0]?.quote.selector.exact).toBe(FIRST.replace("released", "posted"));
    // The editor's open workspace sees the re-anchored quote and the new revision live.
    await eventually(() => {
      expect(readClaims(provider.doc)[0]?.status).toBe("needs_review");
      expect(readSourceRevisions(provider.doc).get(sourceId)).toBe(2);
    });

    expect(
      await refusal(correctSource(deps(), editor, storyId, sourceId, { text: corrected, note: "Again.", basedOn: 2 })),
    ).toEqual({
      status: 409,
      message: "The text is unchanged: nothing to correct.",
    });
    expect(
      (await refusal(correctSource(deps(), editor, storyId, sourceId, { text: TEXT_004, note: "Stale.", basedOn: 1 })))
        .status,
    ).toBe(409);
  });

  it("orphans a quote whose passage the correction deleted, which blocks publishing", async () => {
    const { editor, storyId, sourceId } = await approvedClaimOn004();
    const result = await correctSource(deps(), editor, storyId, sourceId, {
      text: PARAGRAPHS.slice(1).join("\n\n"),
      note: "The first paragraph was retracted.",
      basedOn: 1,
    });
    expect(result.outcome).toMatchObject({ orphaned: 1 });
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.blockers.map((blocker) => blocker.kind)).toContain("quote_orphaned");
  });

  it("stores a correction made while the collaboration server is down, blocks publishing, and re-anchors it later", async () => {
    const { editor, storyId, sourceId } = await approvedClaimOn004();
    const unreachable = createCollabClient("http://127.0.0.1:9", TOKEN_SECRET);
    const corrected = TEXT_004.replace("released", "posted");
    const result = await correctSource({ prisma, collab: unreachable }, editor, storyId, sourceId, {
      text: corrected,
      note: "A word.",
      basedOn: 1,
    });
    expect(result).toMatchObject({
      revision: 2,
      outcome: null,
      pending: expect.stringMatching(/^Revision 2 is saved, but its quotes could not be re-anchored yet/),
    });
    expect(await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      revision: 2,
      anchoredRevision: 1,
    });
    let review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.blockers.map((blocker) => blocker.kind)).toContain("quote_reanchor_pending");

    expect(await reanchorSource(deps(), editor, storyId, sourceId)).toEqual({
      revision: 2,
      outcome: { unchanged: 0, changed: 1, reverify: 0, orphaned: 0, claimsToReview: ["claim-1"] },
    });
    expect((await prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).anchoredRevision).toBe(2);
    review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    expect(review.blockers.map((blocker) => blocker.kind)).not.toContain("quote_reanchor_pending");
    // Asking again changes nothing.
    expect((await reanchorSource(deps(), editor, storyId, sourceId)).outcome).toMatchObject({
      unchanged: 1,
      changed: 0,
    });
  });

  it("refuses a revision an editor's client forges into the live document, and re-anchors as usual", async () => {
    const { editor, storyId, sourceId, provider } = await approvedClaimOn004();
    const closed = closedBy(provider);
    provider.doc.getMap("sourceRevisions").set(sourceId, 999);
    expect(await closed).toEqual({
      code: CloseCode.BadMessage,
      reason: '"sourceRevisions" is written by the server only',
    });
    expect(readSourceRevisions(await served.collab.liveDocument(storyId)).get(sourceId)).toBe(1);
    const corrected = TEXT_004.replace("released", "posted");
    const result = await correctSource(deps(), editor, storyId, sourceId, {
      text: corrected,
      note: "A word.",
      basedOn: 1,
    });
    expect(result.outcome).toMatchObject({ changed: 1 });
    const live = await served.collab.liveDocument(storyId);
    expect(readClaims(live)[0]?.quotes[0]?.selector.exact).toBe(FIRST.replace("released", "posted"));
  });

  it("re-anchors a quote attached from a page that had not loaded the correction yet", async () => {
    const { editor, storyId, sourceId, provider } = await approvedClaimOn004();
    const corrected = [PARAGRAPHS[1], FIRST, ...PARAGRAPHS.slice(2)].join("\n\n");
    await correctSource(deps(), editor, storyId, sourceId, { text: corrected, note: "Reordered.", basedOn: 1 });
    // Tom's page still shows revision 1: he attaches the first paragraph at its old offsets.
    addQuote(provider.doc, "claim-1", {
      id: "q-stale",
      sourceId,
      selector: createQuoteSelector(TEXT_004, 0, FIRST.length),
      stance: "supports",
      note: "",
      addedBy: editor,
      addedAt: new Date().toISOString(),
      sourceRevision: 1,
    });
    await eventually(async () => {
      const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
      expect(review.blockers.map((blocker) => blocker.kind)).toContain("quote_reanchor_pending");
    });

    await reanchorSource(deps(), editor, storyId, sourceId);
    const review = await reviewStory(prisma, storyId, await served.collab.liveDocument(storyId));
    const stale = review.claims[0]?.quotes.find(({ quote }) => quote.id === "q-stale");
    expect(stale?.quote).toMatchObject({ sourceRevision: 2, selector: { start: corrected.indexOf(FIRST) } });
    expect(stale?.verification.verified).toBe(true);
    expect(review.blockers.map((blocker) => blocker.kind)).not.toContain("quote_reanchor_pending");
  });
});

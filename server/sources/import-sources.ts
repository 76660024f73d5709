import * as z from "zod";
import { can } from "../../lib/auth/policy";
import { readClaims } from "../../lib/claims/story-claims";
import type { Role } from "../../lib/auth/roles";
import { sha256Hex } from "../../lib/hashing/sha256";
import { AggregatorFormatError, parseAggregatorPage, type AggregatorCard } from "../../lib/import/aggregator-page";
import { biasLabelSchema } from "../../lib/import/bias-label";
import { normaliseArticleText } from "../../lib/import/normalise-text";
import { mergePerspectives, readPerspectives } from "../../lib/import/perspectives";
import { importedSummarySchema } from "../../lib/story-doc/summary";
import { versionContentSchema } from "../../lib/versions/version-content";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { CollabClient } from "../collab/collab-client";
import { CollabUnavailableError } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";
import { RequestError } from "../http/request-error";

/** The most characters a source's text may have (about 150,000 words: far beyond any article). */
export const MAX_SOURCE_CHARACTERS = 1_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value.length > 0 ? value : null))
    .nullish()
    .transform((value) => value ?? null);

/** The text of a source as an editor submits it; normalised and checked for binary content. */
export const sourceTextSchema = z
  .string()
  .max(MAX_SOURCE_CHARACTERS, `A source may have at most ${MAX_SOURCE_CHARACTERS.toLocaleString("en")} characters.`)
  .refine(
    (text) => !/\u0000/.test(text),
    "This text contains binary data: import the article's text, not a file of another kind.",
  )
  .transform(normaliseArticleText)
  .refine((text) => text.length > 0, "The text is empty.");

/** An article as the import form submits it: its text and what the editor confirmed of its metadata. */
export const articleInputSchema = z.object({
  text: sourceTextSchema,
  outlet: optionalText(200),
  url: optionalText(2_000).pipe(
    z
      .string()
      .refine(isWebAddress, "The link must be a full web address starting with https:// or http://.")
      .nullable(),
  ),
  headline: optionalText(500),
  author: optionalText(300),
  publishedAt: optionalText(40).pipe(
    z
      .string()
      .datetime({ offset: true, message: "The publication time is not a valid date and time." })
      .transform((value) => new Date(value))
      .nullable(),
  ),
  biasLabel: biasLabelSchema.default("unknown"),
  reliabilityLabel: optionalText(100),
});

/** Whether a link is a web page's address: readers follow it, so `javascript:` and `data:` are refused. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An aggregator page as pasted or uploaded. */
export const aggregatorInputSchema = z.object({ text: z.string().max(MAX_SOURCE_CHARACTERS) });

type Deps = { prisma: PrismaClient; collab: CollabClient };
type Actor = { id: string; role: Role };

/** What importing an aggregator page did. */
export interface AggregatorImport {
  cardsAdded: number;
  /** Cards that were already sources of the story. */
  cardsSkipped: number;
  /** Whether the page's Summary became the draft's summary (only when the draft had none). */
  summaryWritten: boolean;
  perspectives: number;
  /** Set when the collaboration server could not be reached to write the summary. */
  pending?: string;
}

/**
 * Adds an article to a story's sources, with its text as revision 1, and tells open workspaces.
 * @throws RequestError 403 for a role that may not import, 404 for an unknown story, 409 when the same text is
 * already a source of the story; ZodError for invalid input.
 */
export async function importArticle(deps: Deps, user: Actor, storyId: string, input: unknown): Promise<{ id: string }> {
  assertMay(user);
  const article = articleInputSchema.parse(input);
  await assertStory(deps.prisma, storyId);
  const contentHash = await sha256Hex(article.text);
  const source = await createSource(deps.prisma, user, storyId, { kind: "article", ...article, contentHash });
  await notifyWorkspaces(deps.collab, storyId, source.id);
  return source;
}

/**
 * Imports an aggregator page (the seed story's 000 format): its source cards become card sources (cards the
 * story already has are skipped), its Summary becomes the draft's summary when the draft has none, and its
 * Perspectives are added to the story's list.
 * @throws RequestError 403, 404, or 422 with the parser's message when the text is not such a page.
 */
export async function importAggregatorPage(
  deps: Deps,
  user: Actor,
  storyId: string,
  input: unknown,
): Promise<AggregatorImport> {
  assertMay(user);
  const { text } = aggregatorInputSchema.parse(input);
  const story = await assertStory(deps.prisma, storyId);
  let page;
  try {
    page = parseAggregatorPage(text);
  } catch (error) {
    if (error instanceof AggregatorFormatError)
      throw new RequestError(422, `This is not an aggregator page: ${error.message}`);
    throw error;
  }
  const summary = importedSummarySchema.safeParse(page.summary);
  if (!summary.success)
    throw new RequestError(422, summary.error.issues[0]?.message ?? "The page's Summary is too long.");

  let cardsAdded = 0;
  for (const card of page.cards) {
    try {
      const row = await cardSource(card);
      const source = await createSource(deps.prisma, user, storyId, row);
      await notifyWorkspaces(deps.collab, storyId, source.id);
      cardsAdded += 1;
    } catch (error) {
      if (!(error instanceof RequestError && error.status === 409)) throw error;
    }
  }
  const perspectives = mergePerspectives(readPerspectives(story.perspectives), page.perspectives);
  await deps.prisma.story.update({ where: { id: storyId }, data: { perspectives: JSON.stringify(perspectives) } });
  const counts = { cardsAdded, cardsSkipped: page.cards.length - cardsAdded, perspectives: page.perspectives.length };
  try {
    return { ...counts, summaryWritten: await deps.collab.writeSummaryIfEmpty(storyId, summary.data) };
  } catch (error) {
    if (!(error instanceof CollabUnavailableError)) throw error;
    return {
      ...counts,
      summaryWritten: false,
      pending: `The cards and perspectives are imported, but the Summary could not be written into the draft now (${error.message}): import the page again later to add it.`,
    };
  }
}

/**
 * Removes a source imported by mistake, with its revisions, when no quote of the live draft rests on it and no
 * published version quotes it: evidence that readers were shown stays citable. The versions are checked and the
 * source deleted in one transaction, which also writes the story's row, as a publish does, so that the two
 * cannot interleave.
 * @throws RequestError 403, 404, 409 when quotes rest on it or a version quotes it; CollabUnavailableError when
 * the live draft cannot be read.
 */
export async function removeSource(deps: Deps, user: Actor, storyId: string, sourceId: string): Promise<void> {
  assertMay(user);
  const source = await deps.prisma.source.findFirst({
    where: { id: sourceId, storyId },
    select: { headline: true, outlet: true },
  });
  if (!source) throw new RequestError(404, "No such source in this story.");
  const quotes = readClaims(await deps.collab.liveDocument(storyId))
    .flatMap((claim) => claim.quotes)
    .filter((quote) => quote.sourceId === sourceId).length;
  if (quotes > 0) {
    const what =
      quotes === 1
        ? "1 quote rests on this source: remove it from its claim"
        : `${quotes} quotes rest on this source: remove them from their claims`;
    throw new RequestError(409, `${what} first.`);
  }
  await deps.prisma.$transaction(async (tx) => {
    await tx.story.update({ where: { id: storyId }, data: { updatedAt: new Date() } });
    const versions = await tx.version.findMany({
      where: { storyId },
      orderBy: { number: "asc" },
      select: { number: true, content: true },
    });
    const citing = versions
      .filter((version) =>
        versionContentSchema.parse(JSON.parse(version.content)).sources.some((cited) => cited.id === sourceId),
      )
      .map((version) => version.number);
    if (citing.length > 0) {
      const which =
        citing.length === 1 ? `Published version ${citing[0]} quotes` : `Published versions ${citing.join(", ")} quote`;
      throw new RequestError(
        409,
        `${which} this source: it stays, so that readers can check the evidence. Hide it from the workspace instead.`,
      );
    }
    await tx.source.delete({ where: { id: sourceId } });
    await writeAuditEvent(tx, {
      storyId,
      actorId: user.id,
      action: "source.removed",
      subject: sourceId,
      data: { headline: source.headline, outlet: source.outlet },
    });
  });
}

/** The source row of an aggregator card: its excerpt as text, its labels, hashed with its outlet. */
export async function cardSource(card: AggregatorCard): Promise<NewSource> {
  const text = normaliseArticleText(card.excerpt || card.headline);
  return {
    kind: "card",
    headline: card.headline,
    outlet: card.outlet,
    statedAge: card.statedAge,
    reliabilityLabel: card.reliabilityLabel,
    reliabilityNote: card.reliabilityNote,
    biasLabel: card.biasLabel,
    biasNote: card.biasNote,
    text,
    // Two outlets may run the same wire excerpt; they are two sources.
    contentHash: await sha256Hex(`${card.outlet}\n${text}`),
  };
}

/** A source row before it has a story and a place in its list. */
interface NewSource {
  kind: "article" | "card";
  headline: string | null;
  outlet: string | null;
  author?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
  statedAge?: string | null;
  reliabilityLabel?: string | null;
  reliabilityNote?: string | null;
  biasLabel: string;
  biasNote?: string | null;
  text: string;
  contentHash: string;
}

async function createSource(
  prisma: PrismaClient,
  user: Actor,
  storyId: string,
  data: NewSource,
): Promise<{ id: string }> {
  const duplicate = await prisma.source.findUnique({
    where: { storyId_contentHash: { storyId, contentHash: data.contentHash } },
    select: { headline: true, outlet: true },
  });
  if (duplicate) throw duplicateError(duplicate);
  try {
    return await prisma.$transaction(async (tx) => {
      const last = await tx.source.findFirst({
        where: { storyId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const source = await tx.source.create({
        data: {
          ...data,
          storyId,
          position: (last?.position ?? -1) + 1,
          revisions: { create: { number: 1, text: data.text, contentHash: data.contentHash, createdById: user.id } },
        },
        select: { id: true, headline: true, outlet: true },
      });
      await writeAuditEvent(tx, {
        storyId,
        actorId: user.id,
        action: "source.imported",
        subject: source.id,
        data: { headline: source.headline, outlet: source.outlet },
      });
      return { id: source.id };
    });
  } catch (error) {
    // Two editors importing the same article at once: the unique (story, hash) pair lets one through.
    if (isUniqueViolation(error)) throw duplicateError(data);
    throw error;
  }
}

function duplicateError(source: { headline: string | null; outlet: string | null }): RequestError {
  const name = [source.headline ? `“${source.headline}”` : null, source.outlet].filter(Boolean).join(", ");
  return new RequestError(409, `This text is already a source of this story${name ? `: ${name}` : ""}.`);
}

/**
 * Open workspaces learn of a new source through the live document. Without the notice (collaboration server
 * down) the source is still stored and shown to whoever loads the workspace next.
 */
async function notifyWorkspaces(collab: CollabClient, storyId: string, sourceId: string): Promise<void> {
  try {
    await collab.reanchorSource(storyId, sourceId);
  } catch (error) {
    if (!(error instanceof CollabUnavailableError)) throw error;
    console.warn(`source ${sourceId} imported; open workspaces were not told: ${error.message}`);
  }
}

function assertMay(user: Actor): void {
  if (!can(user.role, "import_source"))
    throw new RequestError(403, "Only editors, reviewers and admins import or remove sources.");
}

async function assertStory(prisma: PrismaClient, storyId: string) {
  const story = await prisma.story.findUnique({ where: { id: storyId }, select: { id: true, perspectives: true } });
  if (!story) throw new RequestError(404, "No such story.");
  return story;
}

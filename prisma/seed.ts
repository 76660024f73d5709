import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { parseAggregatorPage, type AggregatorCard } from "../lib/import/aggregator-page";
import { readArticleMetadata } from "../lib/import/article-metadata";
import { sha256Hex } from "../lib/hashing/sha256";
import { normaliseArticleText } from "../lib/import/normalise-text";
import { writeSummaryParagraphs } from "../lib/story-doc/summary";
import { hashPassword } from "../server/auth/password";
import { createPrisma, type PrismaClient } from "../server/db/create-prisma";
import { databaseProvider, EMBEDDED_DATABASE_URL } from "../server/db/database-url";
import { loadDotEnv } from "../server/load-dotenv";
import { DEMO_PASSWORD, DEMO_USERS, demoSeedAllowed } from "../server/users/demo-accounts";
import { cardSource } from "../server/sources/import-sources";

export { DEMO_PASSWORD, DEMO_USERS };
export const DEMO_STORY_SLUG = "cia-recruitment-videos-china";

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo");

/**
 * Seeds the demo newsroom when the database has no users: the demo users and the seed story, whose draft
 * summary is the Summary of the aggregator page (000) and whose sources are the four articles (001–004) and
 * the four source cards of 000. Returns false when the database already had users and nothing was written.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const files = (await readdir(DEMO_DIR)).filter((name) => name.endsWith(".txt")).sort();
  const [pageFile, ...articleFiles] = files;
  if (!pageFile) throw new Error(`No demo files in ${DEMO_DIR}`);
  const page = parseAggregatorPage(await readFile(path.join(DEMO_DIR, pageFile), "utf8"));

  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, page.summary);
  const state = Y.encodeStateAsUpdate(doc);

  const articles = await Promise.all(
    articleFiles.map(async (file) => {
      const meta = readArticleMetadata(await readFile(path.join(DEMO_DIR, file), "utf8"));
      // An article whose headline is a card's headline is that card's article: it takes the card's outlet
      // and labels (004 is NBC News's "CIA hopes cinematic videos…").
      const card = page.cards.find((c) => c.headline === meta.headline);
      const text = normaliseArticleText(meta.body);
      return {
        kind: "article",
        headline: meta.headline,
        outlet: meta.outlet ?? card?.outlet ?? null,
        author: meta.author,
        publishedAt: meta.publishedAt,
        ...(card ? cardLabels(card) : {}),
        text,
        contentHash: await sha256Hex(text),
      };
    }),
  );
  const cards = await Promise.all(page.cards.map(cardSource));
  const users = await Promise.all(
    DEMO_USERS.map(async (user) => ({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) })),
  );

  await prisma.$transaction(async (tx) => {
    await tx.user.createMany({ data: users });
    const creator = await tx.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } });
    await tx.story.create({
      data: {
        slug: DEMO_STORY_SLUG,
        title: page.headline,
        createdById: creator.id,
        document: { create: { state: Uint8Array.from(state) } },
        sources: {
          create: [...articles, ...cards].map((source, position) => ({
            ...source,
            position,
            revisions: {
              create: { number: 1, text: source.text, contentHash: source.contentHash, createdById: creator.id },
            },
          })),
        },
      },
    });
  });
  return true;
}

function cardLabels(card: AggregatorCard) {
  return {
    reliabilityLabel: card.reliabilityLabel,
    reliabilityNote: card.reliabilityNote,
    biasLabel: card.biasLabel,
    biasNote: card.biasNote,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  loadDotEnv();
  const url = process.env.DATABASE_URL ?? EMBEDDED_DATABASE_URL;
  // Asked for by name, so DEMO is taken as 1 unless set; production PostgreSQL and DEMO=0 still refuse.
  if (
    !demoSeedAllowed({ provider: databaseProvider(url), nodeEnv: process.env.NODE_ENV, demo: process.env.DEMO ?? "1" })
  ) {
    console.error("Not seeding the demo newsroom: DEMO=0, or NODE_ENV=production on PostgreSQL.");
    process.exit(1);
  }
  const prisma = createPrisma(url);
  const seeded = await seedDemo(prisma);
  console.log(seeded ? "Seeded the demo newsroom." : "The database already has users; nothing seeded.");
  await prisma.$disconnect();
}

import * as z from "zod";
import { VERDICT_TEXT, verdictSchema } from "../review/review-state";
import { versionContentSchema, type VersionContent } from "../versions/version-content";

/**
 * The public read API (/api/v1): what a published check looks like to other programs. One zod schema per
 * resource, so that the responses and the OpenAPI document (openApiDocument) are made from the same definition.
 * Everything here comes from stored versions only, never from a live draft; people appear by name, never by id.
 */

/** How many claims of a version have each verdict. */
const count = z.number().int().nonnegative();
const verdictCountsSchema = z
  .object({ total: count, supported: count, partly_supported: count, unsupported: count })
  .describe("How many claims the version holds, and how many have each verdict.");

export type VerdictCounts = z.infer<typeof verdictCountsSchema>;

export const storySummarySchema = z
  .object({
    slug: z.string(),
    title: z.string().describe("The title of the latest version."),
    url: z.string().url().describe("The reader's page of the latest version."),
    api: z.string().url().describe("This story's latest version in this API."),
    latestVersion: z.number().int().positive(),
    firstPublishedAt: z.string().datetime(),
    updatedAt: z.string().datetime().describe("When the latest version was published."),
    corrected: z.boolean().describe("Whether a version after the first was published (a correction)."),
    claims: verdictCountsSchema,
  })
  .describe("A published check: its latest version in short.");
export type StorySummary = z.infer<typeof storySummarySchema>;

export const storyListSchema = z
  .object({
    stories: z.array(storySummarySchema),
    page: z.number().int().positive(),
    perPage: z.number().int().positive(),
    total: z.number().int().nonnegative().describe("How many stories have a published version."),
    next: z.string().url().nullable().describe("The next page, or null on the last."),
  })
  .describe("Published checks, the most recently published first.");
export type StoryList = z.infer<typeof storyListSchema>;

const sourceSchema = versionContentSchema.shape.sources.element;

export const versionResourceSchema = z
  .object({
    slug: z.string(),
    number: z.number().int().positive(),
    title: z.string(),
    url: z.string().url().describe("The reader's page of this version."),
    publishedAt: z.string().datetime(),
    correctionNote: z.string().nullable().describe("What this version corrected, for a version after the first."),
    summary: z.string(),
    claims: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        start: z.number().int().nonnegative().describe("Where the claim starts in the summary (UTF-16 units)."),
        end: z.number().int().positive(),
        verdict: verdictSchema,
        verdictText: z.string(),
        approvedBy: z.string().describe("The reviewer's name."),
        approvedAt: z.string(),
        quotes: z.array(
          z.object({
            sourceId: z.string(),
            stance: versionContentSchema.shape.claims.element.shape.quotes.element.shape.stance,
            exact: z.string().describe("The quoted words, verbatim from the source."),
            prefix: z.string(),
            suffix: z.string(),
          }),
        ),
      }),
    ),
    sources: z.array(sourceSchema),
  })
  .describe(
    "One published version of a check, as immutable as the version itself (so it says nothing of later versions: the story list and /stories/{slug} do). An editor's note on a quote is the newsroom's own and is not published.",
  );
export type VersionResource = z.infer<typeof versionResourceSchema>;

/** Pagination of the story list: a page number and a page size within bounds. */
export const storyListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

/** A version number in a path: a positive integer, written without sign, zeros in front or decimals. */
export const versionNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);

/** The claims of a version counted by verdict. */
export function verdictCounts(content: VersionContent): VerdictCounts {
  const counts: VerdictCounts = { total: content.claims.length, supported: 0, partly_supported: 0, unsupported: 0 };
  for (const claim of content.claims) counts[claim.verdict] += 1;
  return counts;
}

/** A stored version as the API serves it. */
export function versionResource(version: {
  slug: string;
  number: number;
  title: string;
  url: string;
  publishedAt: Date;
  correctionNote: string | null;
  content: VersionContent;
}): VersionResource {
  const { content } = version;
  return {
    slug: version.slug,
    number: version.number,
    title: version.title,
    url: version.url,
    publishedAt: version.publishedAt.toISOString(),
    correctionNote: version.correctionNote,
    summary: content.summary,
    claims: content.claims.map((claim) => ({
      id: claim.id,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      verdict: claim.verdict,
      verdictText: VERDICT_TEXT[claim.verdict],
      approvedBy: claim.approvedBy.name,
      approvedAt: claim.approvedAt,
      quotes: claim.quotes.map((quote) => ({
        sourceId: quote.sourceId,
        stance: quote.stance,
        exact: quote.selector.exact,
        prefix: quote.selector.prefix,
        suffix: quote.selector.suffix,
      })),
    })),
    sources: content.sources,
  };
}

const errorSchema = z.object({ error: z.string() }).describe("What was wrong with the request.");

/**
 * The OpenAPI 3.1 document of the read API, its schemas generated from the ones above (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses), so that it cannot describe anything the responses do not hold.
 */
export function openApiDocument(baseUrl: string): Record<string, unknown> {
  const schema = (type: z.ZodType) => z.toJSONSchema(type, { io: "output", unrepresentable: "any" });
  const json = (ref: string, description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
  });
  const notFound = json("Error", "No story with this slug has that published version.");
  const slug = { name: "slug", in: "path", required: true, schema: { type: "string" } };
  return {
    openapi: "3.1.0",
    info: {
      title: "Corroborate read API",
      version: "1.0.0",
      description:
        "Published fact checks: every claim of a published version with its verdict and the verbatim quotes that support it. Read-only, open to every origin (CORS). A numbered version never changes: its ETag and a year's Cache-Control say so; a story's latest version is cached for a minute.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: {
      "/stories": {
        get: {
          operationId: "listStories",
          summary: "Published checks, the most recently published first",
          parameters: [
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, maximum: 10_000, default: 1 } },
            { name: "perPage", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { "200": json("StoryList", "A page of published checks."), "400": json("Error", "Bad query.") },
        },
      },
      "/stories/{slug}": {
        get: {
          operationId: "getLatestVersion",
          summary: "A story's latest published version",
          parameters: [slug],
          responses: { "200": json("Version", "The latest version."), "404": notFound },
        },
      },
      "/stories/{slug}/versions/{number}": {
        get: {
          operationId: "getVersion",
          summary: "One published version of a story (immutable)",
          parameters: [slug, { name: "number", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
          responses: {
            "200": json("Version", "The version."),
            "304": { description: "The version has not changed since the ETag sent in If-None-Match." },
            "404": notFound,
          },
        },
      },
    },
    components: {
      schemas: {
        StoryList: schema(storyListSchema),
        Version: schema(versionResourceSchema),
        Error: schema(errorSchema),
      },
    },
  };
}

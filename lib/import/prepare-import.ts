import { parseAggregatorPage, type AggregatorPage } from "./aggregator-page";
import { prefillArticleFields, type ArticleFields, type StorySourceCard } from "./article-fields";
import { articleTextFromFile, assertTextContent, looksLikeAggregatorPage, type ImportFileKind } from "./import-file";

/** A text read for import, ready for the editor to confirm: an article with its prefilled fields, or a page. */
export type PreparedImport =
  | { kind: "article"; text: string; fields: ArticleFields; cardNote: string | null }
  | { kind: "aggregator"; text: string; page: AggregatorPage };

/**
 * Reads a file's or a paste's text for import: an aggregator page when a text (not HTML) reads as one, else an
 * article, its fields prefilled from what it states and the story's aggregator card with its headline.
 * `parseHtml` parses an HTML page (DOMParser in the browser). `origin` names the text in messages.
 * @throws ImportFileError when the text is not readable text or holds no article; ArticleExtractionError when
 * an HTML page has no article.
 */
export function prepareImport(
  raw: string,
  kind: ImportFileKind,
  origin: string,
  sources: readonly StorySourceCard[],
  parseHtml: (html: string) => Document,
): PreparedImport {
  assertTextContent(raw, origin);
  if (kind !== "html" && looksLikeAggregatorPage(raw)) {
    return { kind: "aggregator", text: raw, page: parseAggregatorPage(raw) };
  }
  const { text, metadata } = articleTextFromFile(kind, raw, parseHtml);
  return { kind: "article", text, ...prefillArticleFields(metadata, sources) };
}

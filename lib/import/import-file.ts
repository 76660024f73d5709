import { normaliseForComparison } from "../quotes/verify-quote";
import { AggregatorFormatError, parseAggregatorPage } from "./aggregator-page";
import { readArticleMetadata, type ArticleMetadata } from "./article-metadata";
import { extractHtmlArticle } from "./html-article";
import { markdownToArticleText } from "./markdown-article";
import { normaliseArticleText } from "./normalise-text";

/** The largest file an editor can import: 2 MiB, far above any article's text. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** How an imported file is read. */
export type ImportFileKind = "text" | "markdown" | "html";

/** What the browser knows of a chosen file before reading it (a `File` fits). */
export interface ImportFileInfo {
  name: string;
  /** The MIME type the browser states; often empty for .md files. */
  type: string;
  size: number;
}

/** What an article file states about itself, the metadata fields of an import prefilled from it. */
export type StatedArticleMetadata = Omit<ArticleMetadata, "body">;

/** An imported article: its normalised text (what quotes are measured in) and the metadata it states. */
export interface ImportedArticle {
  text: string;
  metadata: StatedArticleMetadata;
}

/** Thrown when a file cannot be imported; the message names the file and says what to do. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

const KIND_BY_EXTENSION = new Map<string, ImportFileKind>([
  ["txt", "text"],
  ["text", "text"],
  ["md", "markdown"],
  ["markdown", "markdown"],
  ["html", "html"],
  ["htm", "html"],
  ["xhtml", "html"],
]);
const KIND_BY_TYPE = new Map<string, ImportFileKind>([
  ["text/plain", "text"],
  ["text/markdown", "markdown"],
  ["text/x-markdown", "markdown"],
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
]);
// Types a browser may state for a text file whose extension it does not know.
const UNSTATED_TYPES = new Set(["", "application/octet-stream"]);
const MEBIBYTE = 1024 * 1024;
// C0 and C1 control characters other than tab, line feed, form feed and carriage return.
const CONTROL_CHARACTERS = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
/** Above this share of replacement or control characters, a file is not text in any encoding we read. */
const MAX_UNREADABLE_SHARE = 0.01;

/**
 * Decides how a chosen file is read, before it is read: by its extension (.txt, .md, .html and their
 * variants), or by its stated type when its name has no extension. A file whose stated type is not text
 * (an image, a PDF, a zip) is refused whatever its name, and so is a file over `MAX_IMPORT_BYTES` or an
 * empty one.
 * @throws ImportFileError naming the file and what to upload instead, or its size and the limit.
 * @example importFileKind({ name: "nbc-article.html", type: "text/html", size: 48_210 }) // "html"
 */
export function importFileKind(file: ImportFileInfo): ImportFileKind {
  const type = (file.type.split(";")[0] ?? "").trim().toLowerCase();
  const dot = file.name.lastIndexOf(".");
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : null;
  const kind = extension === null ? KIND_BY_TYPE.get(type) : KIND_BY_EXTENSION.get(extension);
  const typeIsText = type.startsWith("text/") || KIND_BY_TYPE.has(type) || UNSTATED_TYPES.has(type);
  if (kind === undefined || !typeIsText) {
    throw new ImportFileError(`“${file.name}” is not a text file: upload a .txt, .md or .html file.`);
  }
  if (file.size > MAX_IMPORT_BYTES) {
    // Rounded up, so a file just over the limit never reads as being at it.
    const megabytes = (Math.ceil((file.size / MEBIBYTE) * 10) / 10).toFixed(1);
    throw new ImportFileError(`“${file.name}” is ${megabytes} MB; the limit is ${MAX_IMPORT_BYTES / MEBIBYTE} MB.`);
  }
  if (file.size === 0) throw new ImportFileError(`“${file.name}” is empty.`);
  return kind;
}

/**
 * Refuses a file's decoded text when it is not text after all: NUL characters (a binary file), or more than
 * 1% of its characters replacement characters (U+FFFD, bytes that were not UTF-8) or control characters; and
 * text with nothing but whitespace.
 * @throws ImportFileError naming the file and what was found.
 */
export function assertTextContent(text: string, name: string): void {
  if (text.includes("\u0000")) {
    throw new ImportFileError(`“${name}” is a binary file, not text: upload a .txt, .md or .html file.`);
  }
  const unreadable = (text.match(/\uFFFD/g)?.length ?? 0) + (text.match(CONTROL_CHARACTERS)?.length ?? 0);
  if (unreadable > text.length * MAX_UNREADABLE_SHARE) {
    const count = `${unreadable.toLocaleString("en")} of its ${text.length.toLocaleString("en")} characters`;
    throw new ImportFileError(
      `“${name}” does not read as text: ${count} are unreadable. Save it as UTF-8 text and upload it again.`,
    );
  }
  if (text.trim().length === 0) throw new ImportFileError(`“${name}” has no text.`);
}

/**
 * Reads an article file's text and the metadata it states, to prefill the import form. Plain text and
 * Markdown (reduced to paragraphs first) are read as the demo seed reads its articles: `readArticleMetadata`
 * takes the headline, section, date, byline and copyright lines out, and the rest, normalised, is the text.
 * HTML is reduced to its article with `extractHtmlArticle` (the caller parses it: DOMParser in the browser);
 * the page's title, byline, site name and publication time come first, and what the page leaves unstated is
 * read from the article's lines, which are taken out of the text the same way (a first line is dropped as the
 * headline only when it repeats the page's title).
 * @throws ImportFileError when no article text is left; ArticleExtractionError when a page has no article.
 */
export function articleTextFromFile(
  kind: ImportFileKind,
  raw: string,
  parseHtml: (html: string) => Document,
): ImportedArticle {
  const imported =
    kind === "html"
      ? htmlArticle(raw, parseHtml)
      : plainArticle(kind === "markdown" ? markdownToArticleText(raw) : raw);
  if (imported.text.length === 0) {
    throw new ImportFileError(
      "No article text was found in this file: it holds only a headline, a date, a byline or a copyright line.",
    );
  }
  return imported;
}

/**
 * Whether a text is an aggregator page in the format of the seed story's 000 file (source cards, a Summary,
 * Perspectives), as `parseAggregatorPage` reads it; the import offers to read such a text as one.
 */
export function looksLikeAggregatorPage(text: string): boolean {
  try {
    parseAggregatorPage(text);
    return true;
  } catch (error) {
    if (error instanceof AggregatorFormatError) return false;
    throw error;
  }
}

function plainArticle(text: string): ImportedArticle {
  const { body, ...metadata } = readArticleMetadata(text);
  return { text: normaliseArticleText(body), metadata };
}

function htmlArticle(html: string, parseHtml: (html: string) => Document): ImportedArticle {
  const article = extractHtmlArticle(parseHtml(html));
  const { body, ...stated } = readArticleMetadata(article.text);
  const firstLineIsNotHeadline =
    stated.headline !== null && article.title !== null && !sameWords(stated.headline, article.title);
  return {
    text: normaliseArticleText(firstLineIsNotHeadline ? `${stated.headline}\n${body}` : body),
    metadata: {
      ...stated,
      headline: article.title ?? stated.headline,
      outlet: article.siteName ?? stated.outlet,
      author: article.byline ?? stated.author,
      publishedAt: article.publishedTime ?? stated.publishedAt,
    },
  };
}

function sameWords(a: string, b: string): boolean {
  return normaliseForComparison(a).text.toLowerCase() === normaliseForComparison(b).text.toLowerCase();
}

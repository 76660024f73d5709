import { Readability } from "@mozilla/readability";
import { normaliseArticleText } from "./normalise-text";

/** The article Readability finds in a saved web page, reduced to plain text. */
export interface ExtractedArticle {
  title: string | null;
  /** The author as the page names it, without a leading "By". */
  byline: string | null;
  siteName: string | null;
  /** From the page's JSON-LD `datePublished` or its `article:published_time` meta tag. */
  publishedTime: Date | null;
  /** The article body, one paragraph per block element, normalised with `normaliseArticleText`. */
  text: string;
}

/** Thrown when a page holds no article text; the message tells an editor what to do instead. */
export class ArticleExtractionError extends Error {
  override name = "ArticleExtractionError";
}

// Elements that end the paragraph before them and start a new one.
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);
// Readability strips most of these, but it keeps a page's only container even when that is a menu or a form.
const SKIPPED = new Set([
  "button",
  "canvas",
  "form",
  "iframe",
  "input",
  "nav",
  "noscript",
  "object",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
]);
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * A saved web page without its `<style>` elements, to parse in the browser: a document DOMParser makes
 * inherits the page's Content-Security-Policy, which refuses (and reports) every inline style in it. Their
 * text is never part of the article.
 * @example withoutStyleElements("<style>p{}</style><p>Text</p>") // "<p>Text</p>"
 */
export function withoutStyleElements(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "");
}

/**
 * Finds the article in a web page with Mozilla's Readability (run on a clone: the given document is left as
 * it was) and reduces it to paragraphs of plain text: one per block element (p, h1–h6, li, blockquote, pre,
 * figcaption…), inline elements joined into their paragraph, list items marked "- " or "1. " as in a plain-text
 * article, a table row's cells joined with " | ". Scripts, styles, menus, forms and the ads and asides that
 * Readability recognises are left out. The caller supplies the Document (DOMParser in the browser, jsdom in
 * tests), so this module needs no DOM implementation of its own.
 * @throws ArticleExtractionError when the page has no article text (an empty page, a menu, a list of links).
 * @example extractHtmlArticle(new DOMParser().parseFromString(html, "text/html")).siteName // "NBC News"
 */
export function extractHtmlArticle(document: Document): ExtractedArticle {
  const clone = document.cloneNode(true) as Document;
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  const content = article?.content;
  const body = content ? articleBody(content) : null;
  if (!article || !body) {
    throw new ArticleExtractionError(
      "No article text was found in this page. Save the article's own page (not a section front or a list of " +
        "links) as HTML, or paste the article's text instead.",
    );
  }
  return {
    title: statedText(article.title),
    byline: statedText(article.byline?.replace(/^\s*by\s+/i, "")),
    siteName: statedText(article.siteName),
    publishedTime: statedTime(article.publishedTime),
    text: body,
  };
}

/** The normalised paragraphs of an article's content, or null when none holds text outside a link. */
function articleBody(content: Node): string | null {
  const paragraphs: string[] = [];
  let line = "";
  let marker = "";
  let hasProse = false;

  const endParagraph = () => {
    if (line.trim().length > 0) {
      paragraphs.push(marker + line);
      marker = "";
    }
    line = "";
  };
  const walk = (node: Node, inPre: boolean, inLink: boolean) => {
    if (node.nodeType === node.TEXT_NODE) {
      const text = node.nodeValue ?? "";
      line += inPre ? text : text.replace(HTML_WHITESPACE, " ");
      if (!inLink && text.trim().length > 0) hasProse = true;
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName;
    if (SKIPPED.has(tag)) return;
    if (tag === "br") return endParagraph();
    if ((tag === "td" || tag === "th") && line.trim().length > 0) line += " | ";
    const isBlock = BLOCKS.has(tag);
    if (isBlock) endParagraph();
    if (tag === "li") marker = listMarker(element);
    for (const child of Array.from(element.childNodes)) walk(child, inPre || tag === "pre", inLink || tag === "a");
    if (isBlock) endParagraph();
    // An empty item's marker must not mark the paragraph after it.
    if (tag === "li") marker = "";
  };
  walk(content, false, false);

  const text = normaliseArticleText(paragraphs.join("\n"));
  return hasProse && text.length > 0 ? text : null;
}

function listMarker(item: Element): string {
  const list = item.parentElement;
  if (list?.localName !== "ol") return "- ";
  const start = Number.parseInt(list.getAttribute("start") ?? "1", 10);
  const position = Array.from(list.children)
    .filter((child) => child.localName === "li")
    .indexOf(item);
  return `${(Number.isNaN(start) ? 1 : start) + position}. `;
}

function statedText(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

function statedTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time;
}

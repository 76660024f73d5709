import { Lexer, type MarkedToken, type Token, type Tokens } from "marked";
import { normaliseArticleText } from "./normalise-text";

// Marked decodes numeric character references but leaves named ones as written; these are the ones news
// copy uses. Any other name stays as written rather than being guessed.
const NAMED_ENTITIES = new Map(
  Object.entries({
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    apos: "'",
    nbsp: "\u00a0",
    lsquo: "‘",
    rsquo: "’",
    ldquo: "“",
    rdquo: "”",
    ndash: "–",
    mdash: "—",
    hellip: "…",
    copy: "©",
  }),
);

/**
 * Reduces a Markdown article to plain paragraphs with marked's lexer: each heading, paragraph, block-quote
 * paragraph and list item becomes a paragraph (list items marked "- " or "1. " as in a plain-text article), and
 * each table row one paragraph with its cells joined by " | ". Emphasis, links and code spans keep their text; a
 * hard line break starts a new paragraph. Dropped, because they are not the article's words: images (their alt
 * text describes a picture), code blocks, raw HTML (embeds, comments), rules and link definitions. The result is
 * normalised with `normaliseArticleText`.
 * @example markdownToArticleText("# CIA boosts *social media* campaign\n\n- In Reports")
 * // "CIA boosts social media campaign\n\n- In Reports"
 */
export function markdownToArticleText(markdown: string): string {
  return normaliseArticleText(blockParagraphs(Lexer.lex(markdown)).join("\n"));
}

function blockParagraphs(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    const block = token as MarkedToken;
    switch (block.type) {
      case "heading":
      case "paragraph":
        return [inlineText(block.tokens)];
      case "text":
        // A tight list item's text is a block token holding inline tokens.
        return [block.tokens ? inlineText(block.tokens) : decodeEntities(block.text)];
      case "blockquote":
        return blockParagraphs(block.tokens);
      case "list":
        return block.items.flatMap((item, index) => listItemParagraphs(block, item, index));
      case "table":
        return [block.header, ...block.rows].map((row) => row.map((cell) => inlineText(cell.tokens)).join(" | "));
      default:
        return [];
    }
  });
}

function listItemParagraphs(list: Tokens.List, item: Tokens.ListItem, index: number): string[] {
  const marker = list.ordered ? `${(typeof list.start === "number" ? list.start : 1) + index}. ` : "- ";
  const [first, ...rest] = blockParagraphs(item.tokens);
  return first === undefined ? [] : [marker + first, ...rest];
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((token): string => {
      const inline = token as MarkedToken;
      switch (inline.type) {
        case "text":
          // A soft line break inside a paragraph reads as a space.
          return inline.tokens ? inlineText(inline.tokens) : decodeEntities(inline.text).replace(/\n/g, " ");
        case "strong":
        case "em":
        case "del":
        case "link":
          return inlineText(inline.tokens);
        case "codespan":
        case "escape":
          return inline.text;
        case "br":
          return "\n";
        default:
          return "";
      }
    })
    .join("");
}

function decodeEntities(text: string): string {
  return text.replace(/&([a-z]+);/g, (reference, name: string) => NAMED_ENTITIES.get(name) ?? reference);
}

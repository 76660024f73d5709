/**
 * Normalises an article's text once, at import: Unicode NFC, Unix line endings, runs of spaces and tabs
 * folded to one space, one paragraph per non-empty line, paragraphs separated by a blank line. Quote
 * offsets are measured in this text, so it must never be normalised a second way.
 * @example normaliseArticleText("A  first\r\n\r\n\r\nsecond ") // "A first\n\nsecond"
 */
export function normaliseArticleText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n\n");
}

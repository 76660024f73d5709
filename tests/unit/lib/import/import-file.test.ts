import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { ArticleExtractionError } from "@/lib/import/html-article";
import {
  MAX_IMPORT_BYTES,
  articleTextFromFile,
  assertTextContent,
  importFileKind,
  ImportFileError,
  looksLikeAggregatorPage,
} from "@/lib/import/import-file";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { seedFile } from "../../../support/seed-files";

const FIXTURES = path.join(import.meta.dirname, "../../../fixtures/import");
const SAVED_PAGE = readFileSync(path.join(FIXTURES, "saved-article.html"), "utf8");
const MYIND_MARKDOWN = readFileSync(path.join(FIXTURES, "myind-article.md"), "utf8");
const SEED_FILE_NAMES = readdirSync(path.join(import.meta.dirname, "../../../../prisma/demo")).sort();
const ARTICLES = ["001", "002", "003", "004"];

const parseHtml = (html: string) => new JSDOM(html).window.document;

/** What prisma/seed.ts stores for a seed article: its text, and the metadata it read from it. */
function seededArticle(number: string) {
  const { body, ...metadata } = readArticleMetadata(seedFile(number));
  return { text: normaliseArticleText(body), metadata };
}

describe("importFileKind", () => {
  it("reads the seed files, Markdown and HTML by their extension", () => {
    for (const name of SEED_FILE_NAMES) {
      const size = Buffer.byteLength(readFileSync(path.join(import.meta.dirname, "../../../../prisma/demo", name)));
      expect(importFileKind({ name, type: "text/plain", size })).toBe("text");
    }
    expect(importFileKind({ name: "myind-article.md", type: "", size: MYIND_MARKDOWN.length })).toBe("markdown");
    expect(importFileKind({ name: "NBC.HTM", type: "text/html", size: SAVED_PAGE.length })).toBe("html");
    expect(importFileKind({ name: "cia.markdown", type: "application/octet-stream", size: 10 })).toBe("markdown");
  });

  it("reads a file without an extension by its stated type", () => {
    expect(importFileKind({ name: "nbc-article", type: "text/html; charset=utf-8", size: 10 })).toBe("html");
    expect(() => importFileKind({ name: "nbc-article", type: "", size: 10 })).toThrow(ImportFileError);
  });

  it("refuses images, archives and PDFs by name or by stated type", () => {
    const files = [
      { name: "photo.jpg", type: "image/jpeg" },
      { name: "story.zip", type: "application/zip" },
      { name: "story.pdf", type: "application/pdf" },
      { name: "photo.jpg", type: "" },
      { name: "story.txt", type: "application/pdf" },
      { name: "sources.csv", type: "text/csv" },
      { name: "story.constructor", type: "" },
    ];
    for (const file of files) {
      expect(() => importFileKind({ ...file, size: 1000 })).toThrow(
        new ImportFileError(`“${file.name}” is not a text file: upload a .txt, .md or .html file.`),
      );
    }
  });

  it("refuses a file over the limit with its size and the limit, and an empty file", () => {
    expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
    expect(importFileKind({ name: "big.html", type: "text/html", size: MAX_IMPORT_BYTES })).toBe("html");
    expect(() => importFileKind({ name: "big.html", type: "text/html", size: Math.round(3.4 * 1024 * 1024) })).toThrow(
      "“big.html” is 3.4 MB; the limit is 2 MB.",
    );
    expect(() => importFileKind({ name: "big.html", type: "text/html", size: MAX_IMPORT_BYTES + 1 })).toThrow(
      "“big.html” is 2.1 MB; the limit is 2 MB.",
    );
    expect(() => importFileKind({ name: "empty.txt", type: "text/plain", size: 0 })).toThrow("“empty.txt” is empty.");
  });
});

describe("assertTextContent", () => {
  it("accepts the seed files and an article with a stray replacement character", () => {
    for (const number of ["000", ...ARTICLES]) expect(() => assertTextContent(seedFile(number), number)).not.toThrow();
    expect(() => assertTextContent(seedFile("004").replace("900,000", "900\uFFFD000"), "004.txt")).not.toThrow();
  });

  it("refuses text with NUL characters as a binary file", () => {
    const compressed = new TextDecoder().decode(deflateRawSync(seedFile("004")));
    expect(compressed).toContain("\u0000");
    expect(() => assertTextContent(compressed, "004.txt")).toThrow(
      new ImportFileError("“004.txt” is a binary file, not text: upload a .txt, .md or .html file."),
    );
  });

  it("refuses text that is largely replacement or control characters, with the count", () => {
    const compressed = new TextDecoder().decode(deflateRawSync(seedFile("004"))).replaceAll("\u0000", "");
    expect(() => assertTextContent(compressed, "004.txt")).toThrow(
      /^“004\.txt” does not read as text: [\d,]+ of its [\d,]+ characters are unreadable\. Save it as UTF-8 text/,
    );
    const withBells = seedFile("004").replace(/(.{49})./gs, "$1\u0007");
    expect(() => assertTextContent(withBells, "004.txt")).toThrow(/does not read as text/);
  });

  it("refuses a text of whitespace only", () => {
    expect(() => assertTextContent(" \n\t\n", "blank.txt")).toThrow("“blank.txt” has no text.");
  });
});

describe("articleTextFromFile", () => {
  for (const number of ARTICLES) {
    it(`gives seed ${number} as a .txt the text and metadata the demo seed stores`, () => {
      const imported = articleTextFromFile("text", seedFile(number), parseHtml);
      expect(imported).toEqual(seededArticle(number));
      const headline = imported.metadata.headline;
      if (headline !== null) expect(imported.text).not.toContain(headline);
    });
  }

  it("reads CRLF line endings as the same article", () => {
    const imported = articleTextFromFile("text", seedFile("003").replace(/\n/g, "\r\n"), parseHtml);
    expect(imported).toEqual(seededArticle("003"));
  });

  it("gives a Markdown copy of 003 the same text and metadata as 003", () => {
    expect(articleTextFromFile("markdown", MYIND_MARKDOWN, parseHtml)).toEqual(seededArticle("003"));
  });

  it("gives the saved NBC News page of 004 the text of 004 and the page's metadata", () => {
    const imported = articleTextFromFile("html", SAVED_PAGE, parseHtml);
    const seeded = seededArticle("004");
    expect(imported.text).toBe(seeded.text);
    expect(imported.metadata).toEqual({
      ...seeded.metadata,
      outlet: "NBC News",
      author: "Dan De Luce",
      publishedAt: new Date("2025-05-01T16:27:05.000Z"),
    });
  });

  it("reads what a page leaves unstated from the article's lines, and takes them out of the text", () => {
    const [headline = "", ...lines] = seedFile("003").split("\n");
    const html = `<!DOCTYPE html><html><head><title>${headline}</title></head><body><main><article>
      <h1>${headline}</h1>
      <p>In Reports</p><p>12:22 PM, May 02, 2025</p><p>By Myind Staff</p>
      ${lines
        .slice(3)
        .map((line) => `<p>${line}</p>`)
        .join("\n")}
      </article></main></body></html>`;
    expect(articleTextFromFile("html", html, parseHtml)).toEqual(seededArticle("003"));
  });

  it("drops a first line that repeats the page's title, and keeps one that does not", () => {
    const [headline = "", ...lines] = seedFile("004").split("\n");
    const article = lines.map((line) => `<p>${line}</p>`).join("\n");
    const page = (first: string) =>
      `<html><head><title>${headline}</title></head><body><article>${first}${article}</article></body></html>`;
    const seeded = seededArticle("004");
    expect(articleTextFromFile("html", page(`<h3>${headline}</h3>`), parseHtml).text).toBe(seeded.text);
    const kicker = "Appealing to party officials";
    expect(articleTextFromFile("html", page(`<h3>${kicker}</h3>`), parseHtml).text).toBe(`${kicker}\n\n${seeded.text}`);
  });

  it("refuses a file with no article text left, and a page without an article", () => {
    const [headline = "", section = "", date = ""] = seedFile("003").split("\n");
    expect(() => articleTextFromFile("text", `${headline}\n${section}\n${date}`, parseHtml)).toThrow(
      /^No article text was found in this file/,
    );
    expect(() => articleTextFromFile("markdown", "![CIA logo](cia.png)", parseHtml)).toThrow(ImportFileError);
    const menu = "<html><body><nav><a href='/'>Home</a></nav></body></html>";
    expect(() => articleTextFromFile("html", menu, parseHtml)).toThrow(ArticleExtractionError);
  });
});

describe("looksLikeAggregatorPage", () => {
  it("is true for the seed aggregator page and false for the articles", () => {
    expect(looksLikeAggregatorPage(seedFile("000"))).toBe(true);
    for (const number of ARTICLES) expect(looksLikeAggregatorPage(seedFile(number))).toBe(false);
    expect(looksLikeAggregatorPage(MYIND_MARKDOWN)).toBe(false);
  });
});

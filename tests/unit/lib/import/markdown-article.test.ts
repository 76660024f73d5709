import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markdownToArticleText } from "@/lib/import/markdown-article";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { seedFile } from "../../../support/seed-files";

const MYIND_MARKDOWN = readFileSync(
  path.join(import.meta.dirname, "../../../fixtures/import/myind-article.md"),
  "utf8",
);

describe("markdownToArticleText on a Markdown copy of seed 003", () => {
  it("gives the same text as the plain-text article", () => {
    expect(markdownToArticleText(MYIND_MARKDOWN)).toBe(normaliseArticleText(seedFile("003")));
  });

  it("drops the image, the HTML embed and the rule", () => {
    const text = markdownToArticleText(MYIND_MARKDOWN);
    expect(text).not.toMatch(/A still from|iframe|youtube|---|\.jpg/);
  });
});

describe("markdownToArticleText blocks", () => {
  const paragraphs = (markdown: string) => markdownToArticleText(markdown).split("\n\n");

  it("numbers ordered list items from the list's start and keeps nested and loose items", () => {
    const markdown = [
      "3. Instagram",
      "",
      "   Facebook and YouTube too.",
      "4. X",
      "   - Telegram",
      "   - [x] Mandarin",
    ].join("\n");
    expect(paragraphs(markdown)).toEqual([
      "3. Instagram",
      "Facebook and YouTube too.",
      "4. X",
      "- Telegram",
      "- Mandarin",
    ]);
  });

  it("keeps block quotes and table rows, and starts a new paragraph at a hard break", () => {
    const markdown = [
      "> “Heaven helps those who help themselves,” one of the videos says.",
      ">",
      "> “Your fate is in your control.”",
      "",
      "| Videos | Views |",
      "|---|---|",
      "| Mandarin, Farsi and Korean | about 900,000 |",
      "",
      "Last year, the CIA published text-only videos.\\",
      "Those reached more than 2.9 million people.",
    ].join("\n");
    expect(paragraphs(markdown)).toEqual([
      "“Heaven helps those who help themselves,” one of the videos says.",
      "“Your fate is in your control.”",
      "Videos | Views",
      "Mandarin, Farsi and Korean | about 900,000",
      "Last year, the CIA published text-only videos.",
      "Those reached more than 2.9 million people.",
    ]);
  });

  it("keeps the text of code spans, escapes and inline HTML, decodes entities, and drops code blocks", () => {
    const markdown = [
      "The CIA posted the videos on `X` and Telegram \\*while\\* most U.S. platforms are <b>banned</b> in China.",
      "",
      "```html",
      '<iframe src="https://www.youtube.com/embed/cia"></iframe>',
      "```",
      "",
      "Bloomberg L.P. &amp; Tribune Content Agency &mdash; &#169;2025 &unknown; &constructor;",
    ].join("\n");
    expect(paragraphs(markdown)).toEqual([
      "The CIA posted the videos on X and Telegram *while* most U.S. platforms are banned in China.",
      "Bloomberg L.P. & Tribune Content Agency — ©2025 &unknown; &constructor;",
    ]);
  });

  it("gives no text for a file of images and code only", () => {
    expect(markdownToArticleText("![CIA logo](cia.png)\n\n    indented code\n")).toBe("");
  });
});

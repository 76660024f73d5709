import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { ArticleExtractionError, extractHtmlArticle, withoutStyleElements } from "@/lib/import/html-article";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { seedFile } from "../../../support/seed-files";

const SAVED_PAGE = readFileSync(path.join(import.meta.dirname, "../../../fixtures/import/saved-article.html"), "utf8");

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

/** A small page around an article body, as a CMS would serve it. */
function page(body: string, head = ""): string {
  return `<!DOCTYPE html><html><head><title>A page</title>${head}</head><body><main><article>${body}</article></main></body></html>`;
}

describe("extractHtmlArticle on a saved NBC News page (seed 004)", () => {
  const document = parse(SAVED_PAGE);
  const before = document.documentElement.outerHTML;
  const article = extractHtmlArticle(document);
  const seedParagraphs = normaliseArticleText(readArticleMetadata(seedFile("004")).body).split("\n\n");

  it("keeps every paragraph of the article, in order, separated by blank lines", () => {
    expect(seedParagraphs.length).toBeGreaterThan(20);
    expect(article.text.split("\n\n")).toEqual(seedParagraphs);
  });

  it("leaves out scripts, styles, menus, the cookie banner, ads, asides, the sign-up form and the footer", () => {
    const furniture = document.querySelectorAll(
      "head script, body > script, style, nav, #onetrust-banner-sdk, .ad, aside, .newsletter-signup, footer",
    );
    const lines = Array.from(furniture)
      .flatMap((element) => (element.textContent ?? "").split("\n"))
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    expect(lines).toEqual(expect.arrayContaining(["Advertisement", "Accept All Cookies", "Related stories"]));
    for (const line of lines) expect(article.text).not.toContain(line);
  });

  it("reads the title, byline, site name and publication time from the page's metadata", () => {
    expect(article.title).toBe("CIA hopes cinematic videos will persuade Chinese to spy for U.S.");
    expect(article.byline).toBe("Dan De Luce");
    expect(article.siteName).toBe("NBC News");
    expect(article.publishedTime?.toISOString()).toBe("2025-05-01T16:27:05.000Z");
  });

  it("works on a clone and leaves the given document as it was", () => {
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector("#onetrust-banner-sdk")).not.toBeNull();
  });
});

describe("extractHtmlArticle paragraphs", () => {
  it("makes one paragraph per block element and joins inline text", () => {
    const article = extractHtmlArticle(
      parse(
        page(`
          <h2>CIA uses social media, seeks to recruit Chinese agents for espionage activities</h2>
          <p>Two videos titled <em>"Why I Contacted CIA: To Take Control of My Fate"</em> and
             <a href="https://www.cia.gov/">"Why I Contacted CIA: For a <strong>Better</strong> Life"</a>
             have been shared on platforms like Instagram, Facebook, and YouTube.<script>track("p2")</script></p>
          <ul><li>In Reports</li><li><p>12:22 PM, May 02, 2025</p></li><li></li></ul>
          <ol start="3"><li>Instagram</li><li>Facebook</li></ol>
          <blockquote><p>“My family's fate cannot rest in their hands,”</p></blockquote>
          <figure><img src="cia.jpg" alt=""><figcaption>The agency’s logo and contact information on the dark web.</figcaption></figure>
          <pre>Why I Contacted CIA:
  To Take Control of My Fate</pre>
          <p>The man continues,<br>before the video shows him using a tablet to contact the CIA.</p>
          <table><tr><th>Platform</th><th>Views</th></tr><tr><td>Mandarin</td><td>900,000</td></tr></table>
          <p>While the Chinese embassy in Washington did not reply to a request for comments regarding the videos, it
             has in the past accused the United States of running a coordinated disinformation campaign against China.</p>`),
      ),
    );
    expect(article.text.split("\n\n")).toEqual([
      "CIA uses social media, seeks to recruit Chinese agents for espionage activities",
      `Two videos titled "Why I Contacted CIA: To Take Control of My Fate" and "Why I Contacted CIA: For a Better Life" have been shared on platforms like Instagram, Facebook, and YouTube.`,
      "- In Reports",
      "- 12:22 PM, May 02, 2025",
      "3. Instagram",
      "4. Facebook",
      "“My family's fate cannot rest in their hands,”",
      "The agency’s logo and contact information on the dark web.",
      "Why I Contacted CIA:",
      "To Take Control of My Fate",
      "The man continues,",
      "before the video shows him using a tablet to contact the CIA.",
      "Platform | Views",
      "Mandarin | 900,000",
      "While the Chinese embassy in Washington did not reply to a request for comments regarding the videos, it has in the past accused the United States of running a coordinated disinformation campaign against China.",
    ]);
  });

  it("takes the byline from the page when no meta tag states it, without its 'By'", () => {
    const paragraphs = readArticleMetadata(seedFile("003")).body.split("\n");
    const html = `<div class="byline">By Myind Staff</div>${paragraphs.map((text) => `<p>${text}</p>`).join("")}`;
    const article = extractHtmlArticle(parse(page(html)));
    expect(article.byline).toBe("Myind Staff");
    expect(article.text).toBe(paragraphs.join("\n\n"));
    expect(article.siteName).toBeNull();
    expect(article.publishedTime).toBeNull();
  });

  it("drops a menu inside the article", () => {
    const paragraphs = readArticleMetadata(seedFile("002")).body.split("\n");
    const tools = `<nav class="story-tools"><span>Listen to this article</span> <span>Text size</span></nav>`;
    const html = `${paragraphs
      .slice(0, 2)
      .map((text) => `<p>${text}</p>`)
      .join("")}${tools}<p>${paragraphs[2]}</p>`;
    expect(extractHtmlArticle(parse(page(html))).text).toBe(paragraphs.slice(0, 3).join("\n\n"));
  });

  it("ignores a publication time that is not a date", () => {
    const head = `<meta property="article:published_time" content="last October">`;
    const article = extractHtmlArticle(parse(page(`<p>${seedFile("002").split("\n")[0]}</p>`, head)));
    expect(article.publishedTime).toBeNull();
  });
});

describe("extractHtmlArticle on pages without an article", () => {
  const pages = {
    "an empty page": "<html><head><title>NBC News</title></head><body></body></html>",
    "a menu, a script and a footer": `<html><body><nav><ul><li><a href="/politics">Politics</a></li>
      <li><a href="/world">World</a></li></ul></nav><script>window.dataLayer = [];</script>
      <footer><a href="/privacy">Privacy Policy</a></footer></body></html>`,
    "a list of links": `<html><body><ul>
      <li><a href="/time">CIA Seeks to Recruit CCP Spies With Chinese Videos</a></li>
      <li><a href="/aljazeera">CIA releases videos coaxing Chinese officials to leak secrets to US</a></li></ul></body></html>`,
  };
  for (const [name, html] of Object.entries(pages)) {
    it(`refuses ${name} with a clear message`, () => {
      expect(() => extractHtmlArticle(parse(html))).toThrow(ArticleExtractionError);
      expect(() => extractHtmlArticle(parse(html))).toThrow(/^No article text was found in this page\./);
    });
  }
});

describe("withoutStyleElements", () => {
  it("drops every <style> element, whatever its case or attributes, and keeps the rest", () => {
    const html =
      '<head><style>p{color:red}</style><STYLE type="text/css" media="print">\n.ad{}\n</STYLE ></head><p style="x">Text</p>';
    expect(withoutStyleElements(html)).toBe('<head></head><p style="x">Text</p>');
  });

  it("leaves the saved page's article as it was", () => {
    const stripped = withoutStyleElements(SAVED_PAGE);
    expect(stripped).not.toMatch(/<style/i);
    expect(extractHtmlArticle(parse(stripped)).text).toBe(extractHtmlArticle(parse(SAVED_PAGE)).text);
  });
});

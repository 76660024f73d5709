import { JSDOM } from "jsdom";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { attachEvidencePopover } from "@/lib/reader/evidence-popover";
import type { PublishedStory } from "@/server/stories/published";

const SUMMARY = "The CIA released two videos. Its director spoke of urgency.";

function claim(id: string, words: string) {
  const start = SUMMARY.indexOf(words);
  return {
    id,
    text: words,
    start,
    end: start + words.length,
    verdict: "supported" as const,
    approvedBy: { id: "rosa", name: "Rosa Díaz" },
    approvedAt: "2026-05-02T09:00:00.000Z",
    quotes: [],
  };
}

const STORY: PublishedStory = {
  slug: "cia-videos",
  title: "CIA videos, checked",
  number: 1,
  publishedAt: new Date("2026-05-02T10:00:00.000Z"),
  correctionNote: null,
  latestNumber: 1,
  later: [],
  content: {
    summary: SUMMARY,
    claims: [claim("claim-videos", "released two videos"), claim("claim-urgency", "spoke of urgency")],
    sources: [],
  },
};

/** The check's page as the server renders it, in a browser-like document at `url`, with the script attached. */
function readerPage(locale: Locale = "en", url = "https://news.example/stories/cia-videos") {
  const view = PublishedStoryView({
    story: STORY,
    pageUrl: url.split("#")[0]!,
    organisation: "The Desk",
    t: translator(locale),
  });
  const dom = new JSDOM(`<!DOCTYPE html><body><main id="main">${renderToStaticMarkup(view)}</main></body>`, { url });
  const page = dom.window.document;
  attachEvidencePopover(page);
  const link = (id: string) => page.getElementById(`ref-${id}`) as HTMLAnchorElement;
  const popover = () => page.querySelector<HTMLElement>('[data-testid="evidence-popover"]');
  return { dom, page, link, popover };
}

describe("the evidence popover's script", () => {
  it("opens a claim's evidence on a click, with its number, words and evidence, and marks the claim expanded", () => {
    const { dom, link, popover } = readerPage();
    expect(popover()).toBeNull();
    expect(link("claim-videos").getAttribute("aria-expanded")).toBe("false");

    const click = new dom.window.MouseEvent("click", { bubbles: true, cancelable: true });
    link("claim-videos").dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    const open = popover()!;
    expect(open.getAttribute("role")).toBe("dialog");
    expect(open.getAttribute("aria-labelledby")).toBe("evidence-title");
    expect(open.querySelector("h2")?.textContent).toBe("Claim 1: evidence");
    expect(open.querySelector("[data-popover-words]")?.textContent).toBe("“released two videos”");
    expect(open.querySelector("[data-popover-evidence]")?.textContent).toContain("Supported");
    expect(open.querySelector("[data-popover-evidence]")?.textContent).toContain("Rosa Díaz");
    expect(open.querySelector("[data-popover-permalink]")?.getAttribute("href")).toBe("#claim-claim-videos");
    expect(dom.window.location.hash).toBe("#claim-claim-videos");
    expect(link("claim-videos").getAttribute("aria-expanded")).toBe("true");
    expect(link("claim-urgency").getAttribute("aria-expanded")).toBe("false");
  });

  it("opens on keyboard focus, closes on Escape and gives the focus back to the claim without opening it again", () => {
    const { dom, page, link, popover } = readerPage();
    link("claim-urgency").focus();
    expect(popover()?.querySelector("h2")?.textContent).toBe("Claim 2: evidence");
    expect(dom.window.location.hash).toBe("#claim-claim-urgency");

    page.body.focus();
    link("claim-videos").focus();
    expect(popover()?.querySelector("h2")?.textContent).toBe("Claim 1: evidence");
    // One popover, showing the claim focused last.
    expect(page.querySelectorAll('[data-testid="evidence-popover"]')).toHaveLength(1);

    (page.activeElement as HTMLElement).blur();
    page.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(popover()).toBeNull();
    expect(page.activeElement).toBe(link("claim-videos"));
    expect(link("claim-videos").dataset.refocus).toBeUndefined();
    expect(link("claim-videos").getAttribute("aria-expanded")).toBe("false");
    expect(dom.window.location.hash).toBe("");
    expect(dom.window.location.pathname).toBe("/stories/cia-videos");
  });

  it("closes with its button", () => {
    const { page, link, popover } = readerPage();
    link("claim-videos").click();
    popover()!.querySelector("button")!.click();
    expect(popover()).toBeNull();
    expect(page.activeElement).toBe(link("claim-videos"));
  });

  it("opens a permalink's claim on load and on a later change of the hash", async () => {
    const { dom, popover } = readerPage("en", "https://news.example/stories/cia-videos#claim-claim-urgency");
    expect(popover()?.querySelector("[data-popover-words]")?.textContent).toBe("“spoke of urgency”");
    dom.window.location.hash = "#claim-claim-videos";
    await new Promise((resolve) => dom.window.addEventListener("hashchange", resolve, { once: true }));
    expect(popover()?.querySelector("[data-popover-words]")?.textContent).toBe("“released two videos”");
    // A hash that names no claim opens nothing.
    const other = readerPage("en", "https://news.example/stories/cia-videos#claim-unknown");
    expect(other.popover()).toBeNull();
  });

  it("speaks the page's language", () => {
    const { link, popover } = readerPage("ar", "https://news.example/ar/stories/cia-videos");
    link("claim-videos").click();
    expect(popover()?.querySelector("h2")?.textContent).toBe("أدلة الادعاء 1");
    expect(popover()?.querySelector("button")?.textContent).toBe("إغلاق");
  });

  it("leaves a page without a check alone", () => {
    const dom = new JSDOM(`<!DOCTYPE html><body><p>Not found</p></body>`, { url: "https://news.example/#claim-x" });
    attachEvidencePopover(dom.window.document);
    expect(dom.window.document.body.innerHTML).toBe("<p>Not found</p>");
  });
});

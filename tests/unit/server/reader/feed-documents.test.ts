import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { atomFeed } from "@/server/reader/feed-documents";

const meta = {
  title: "The Desk: Fact checks",
  description: "Published fact checks",
  feedUrl: "https://news.example/feeds/checks.atom",
  alternateUrl: "https://news.example/feeds/checks.json",
  homeUrl: "https://news.example/",
  organisation: "The Desk & Co",
};

describe("the Atom feed", () => {
  it("shows a story's words as written, whatever markup or CDATA ends they hold, in a well-formed document", () => {
    const title = 'Claims about <img src=x onerror=alert(1)> & "5 < 6" ]]> twice ]]><entry>injected</entry>';
    const summary = "A note\u0000 with a control character, ]]></summary> and <b>bold</b> & more.";
    const xml = atomFeed(meta, [
      {
        id: "https://news.example/stories/a",
        url: "https://news.example/stories/a",
        title,
        published: new Date("2026-11-01T00:00:00Z"),
        updated: new Date("2026-11-02T00:00:00Z"),
        summary,
      },
    ]);
    const feed = parseFeed(xml);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe(title);
    expect(feed.items[0]!.description).toBe(summary.replace("\u0000", ""));
    expect(xml).not.toContain("<entry>injected");
    expect(xml).not.toContain("<img");
    expect(feed.authors[0]?.name).toBe("The Desk & Co");
  });
});

import "server-only";
import { Feed } from "feed";
import type { FeedEntry, FeedMeta } from "@/lib/reader/feeds";

/** Characters XML 1.0 does not allow in a document (C0 controls but tab, line feed and carriage return). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Plain text as the `feed` package needs it: it writes an entry's title and summary as `type="html"` in CDATA and
 * escapes only the first `]]>` in it. Escaped as HTML, the text shows as written (a title with "<img …>" is words,
 * not an image), and with every ">" escaped no "]]>" can end the CDATA early.
 */
function plainTextForFeed(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * An Atom 1.0 document of `entries`, written by the `feed` package. Titles and summaries are plain text (a story's
 * title and summary, a correction note), escaped so that feed readers show them as written.
 */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce<Date | undefined>(
    (newest, entry) => (!newest || entry.updated > newest ? entry.updated : newest),
    undefined,
  );
  const feed = new Feed({
    id: meta.feedUrl,
    title: plainTextForFeed(meta.title),
    description: plainTextForFeed(meta.description),
    link: meta.homeUrl,
    language: "en",
    updated: updated ?? new Date(0),
    generator: "Corroborate",
    feedLinks: { atom: meta.feedUrl, json: meta.alternateUrl },
    author: { name: meta.organisation },
    copyright: `© ${meta.organisation}`,
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      link: entry.url,
      title: plainTextForFeed(entry.title),
      date: entry.updated,
      published: entry.published,
      description: plainTextForFeed(entry.summary),
      author: [{ name: meta.organisation }],
    });
  }
  return feed.atom1();
}

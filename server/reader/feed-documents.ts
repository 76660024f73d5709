import "server-only";
import { Feed } from "feed";
import type { FeedEntry, FeedMeta } from "@/lib/reader/feeds";

/**
 * An Atom 1.0 document of `entries`, written by the `feed` package (which escapes every text for XML). Summaries
 * are plain text, so no HTML of anyone's reaches a feed reader.
 */
export function atomFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = entries.reduce<Date | undefined>(
    (newest, entry) => (!newest || entry.updated > newest ? entry.updated : newest),
    undefined,
  );
  const feed = new Feed({
    id: meta.feedUrl,
    title: meta.title,
    description: meta.description,
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
      title: entry.title,
      date: entry.updated,
      published: entry.published,
      description: entry.summary,
      author: [{ name: meta.organisation }],
    });
  }
  return feed.atom1();
}

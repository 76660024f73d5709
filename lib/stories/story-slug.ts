/**
 * The URL slug of a story title: lowercase ASCII words joined by hyphens, accents folded, at most 60
 * characters cut at a word; "story" when nothing is left.
 * @example storySlug("CIA Seeks to Recruit CCP Spies — With Videos") // "cia-seeks-to-recruit-ccp-spies-with-videos"
 */
export function storySlug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, 60) ?? "") || "story";
}

import "server-only";

/** What was made for each published version, by key; a version's entry goes with its parsed content. */
const made = new WeakMap<object, Map<string, unknown>>();
/**
 * Keys kept per version, oldest dropped first: its two pages (latest and numbered) in each language, and room for
 * the same after a later version is published (the older ones are then no longer asked for).
 */
const KEYS_PER_VERSION = 8;

/**
 * `make()` once per published version and key, then the same value: for what is derived from a version, which
 * never changes once published (server/stories/published.ts keeps its parsed content, the `version` object here,
 * for as long as it is read). Everything else the value depends on must be in `key` (the page's address, the
 * language, the versions published after it).
 */
export function oncePerVersion<T>(version: object, key: string, make: () => T): T {
  let values = made.get(version);
  if (!values) made.set(version, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = make();
  values.set(key, value);
  if (values.size > KEYS_PER_VERSION) values.delete(values.keys().next().value!);
  return value;
}

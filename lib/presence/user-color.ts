/** Cursor colours with enough contrast against white text and a white page; `#RRGGBB` as Tiptap's caret needs. */
export const PRESENCE_COLORS = [
  "#b42318",
  "#175cd3",
  "#067647",
  "#9e3fb8",
  "#b54708",
  "#0e7090",
  "#c11574",
  "#3e4784",
] as const;

/**
 * A stable colour for a user, so that the same person has the same cursor colour in every browser.
 * @example userColor("ckv1x2…") // "#175cd3", always the same for this id
 */
export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

/**
 * The languages of the reader's chrome (labels, headings, buttons; never a check's own text) and how a locale
 * shows in an address: English has none, any other its code in front of the path (`/ar/outlets/NBC%20News`).
 * A path prefix rather than Accept-Language: every language has its own address, so a link shared or indexed
 * opens in the language it was read in, a cache needs no Vary, and the switch is a plain link that works
 * without JavaScript or cookies.
 */

export const LOCALES = ["en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The direction each locale is written in, for `<html dir>`. */
export const LOCALE_DIRECTION: Record<Locale, "ltr" | "rtl"> = { en: "ltr", ar: "rtl" };

/** Each locale's name in itself, as the language switch shows it. */
export const LOCALE_NAME: Record<Locale, string> = { en: "English", ar: "العربية" };

/** Whether a text names a locale. */
export function isLocale(text: string | null | undefined): text is Locale {
  return (LOCALES as readonly string[]).includes(text ?? "");
}

/**
 * The reader pages that have a translated chrome, by their unprefixed path: the front page, the outlet pages, a
 * published check and its versions, the about page and the claim embeds. Only these answer under a locale's
 * prefix; the newsroom (`/stories/new`, `/stories/<slug>/edit`, …) stays in English.
 */
export function isTranslatedPath(path: string): boolean {
  return (
    path === "/" ||
    path === "/about" ||
    /^\/outlets\/[^/]+$/.test(path) ||
    /^\/stories\/(?!new$)[^/]+(\/v\/[1-9][0-9]*)?$/.test(path) ||
    /^\/embed\/claims\/[^/]+$/.test(path)
  );
}

/**
 * The locale a request's path asks for and the path without it: `/ar/outlets/x` → `{ locale: "ar", path:
 * "/outlets/x" }`, `/outlets/x` → `{ locale: "en", path: "/outlets/x" }`. Null for a prefixed path that has no
 * translated page (`/ar/signin`), which is then not found.
 *
 * @example localeOfPath("/ar") // { locale: "ar", path: "/" }
 */
export function localeOfPath(pathname: string): { locale: Locale; path: string } | null {
  const match = /^\/([a-z]{2})(\/.*)?$/.exec(pathname);
  const code = match?.[1];
  if (!match || !isLocale(code) || code === DEFAULT_LOCALE) return { locale: DEFAULT_LOCALE, path: pathname };
  const path = match[2] ?? "/";
  return isTranslatedPath(path) ? { locale: code, path } : null;
}

/** The address of a reader page in a locale: `localePath("ar", "/")` is `/ar`, `localePath("en", "/")` is `/`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE || !isTranslatedPath(path.split("?")[0]!)) return path;
  return path === "/" ? `/${locale}` : path.startsWith("/?") ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

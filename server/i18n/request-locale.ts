import "server-only";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The locale of the current request and its page's path without the locale's prefix, as proxy.ts set them
 * (it overwrites whatever a client sent under those names). English and `/` outside a request through the proxy.
 */
export async function requestLocale(): Promise<{ locale: Locale; path: string }> {
  const list = await headers();
  const locale = list.get("x-locale");
  return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, path: list.get("x-reader-path") ?? "/" };
}

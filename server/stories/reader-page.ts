import "server-only";
import type { Metadata } from "next";
import { DEFAULT_LOCALE, localePath, type Locale } from "@/lib/i18n/locales";
import { getEnv } from "../env";

/** The public address of a path of this site (PUBLIC_SITE_URL, else NEXTAUTH_URL), e.g. siteUrl("/feeds/checks.atom"). */
export function siteUrl(path = ""): string {
  const env = getEnv();
  return `${(env.PUBLIC_SITE_URL ?? env.NEXTAUTH_URL).replace(/\/$/, "")}${path}`;
}

/** The public address of a reader page, in a locale (English, without a prefix, when omitted). */
export function readerPageUrl(slug: string, number?: number, locale: Locale = DEFAULT_LOCALE): string {
  return siteUrl(localePath(locale, `/stories/${encodeURIComponent(slug)}${number ? `/v/${number}` : ""}`));
}

/** The `<link rel="alternate">` of every public page: the feeds of checks and of corrections, in both formats. */
export function feedAlternates(): NonNullable<Metadata["alternates"]>["types"] {
  return {
    "application/atom+xml": [
      { url: siteUrl("/feeds/checks.atom"), title: "Fact checks" },
      { url: siteUrl("/feeds/corrections.atom"), title: "Corrections" },
    ],
    "application/feed+json": [
      { url: siteUrl("/feeds/checks.json"), title: "Fact checks" },
      { url: siteUrl("/feeds/corrections.json"), title: "Corrections" },
    ],
  };
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ReaderChrome } from "@/components/reader/reader-chrome";
import { requestLocale } from "@/server/i18n/request-locale";
import { feedAlternates } from "@/server/stories/reader-page";

/** Every public page links the feeds and the web manifest. */
export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates() }, manifest: "/manifest.webmanifest" };
}

/**
 * Public pages: the reader's header and main (ReaderChrome). A published check and its versions are not pages of
 * this layout but documents of their own (app/(reader)/stories/[slug]/route.ts), with the same chrome.
 */
export default async function ReaderLayout({ children }: { children: ReactNode }) {
  const { locale, path } = await requestLocale();
  return (
    <ReaderChrome locale={locale} path={path}>
      {children}
    </ReaderChrome>
  );
}

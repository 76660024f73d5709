import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DocumentBody } from "@/components/ui/document-body";
import { translator } from "@/lib/i18n/translate";
import { SITE_DESCRIPTION, SITE_NAME, TITLE_TEMPLATE } from "@/lib/site";
import { requestLocale } from "@/server/i18n/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: TITLE_TEMPLATE },
  description: SITE_DESCRIPTION,
};

/**
 * The document shell shared by the newsroom and the public reader pages. Every page is rendered per request:
 * its scripts carry the nonce of that response's Content-Security-Policy (proxy.ts), which a page cached as
 * HTML could not.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  // The reader's translated pages (lib/i18n/locales.ts) set the document's language and direction; the newsroom
  // is in English.
  const t = translator((await requestLocale()).locale);
  return (
    <html lang={t.locale} dir={t.dir}>
      <DocumentBody t={t}>{children}</DocumentBody>
    </html>
  );
}

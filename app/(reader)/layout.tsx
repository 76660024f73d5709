import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LOCALE_NAME, LOCALES, isTranslatedPath, localePath } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n/request-locale";
import { feedAlternates } from "@/server/stories/reader-page";

/** Every public page links the feeds and the web manifest. */
export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates() }, manifest: "/manifest.webmanifest" };
}

/**
 * Public pages: a light header, no session. On a translated page (lib/i18n/locales.ts) the header offers
 * the page in every other language, a plain link to its address there.
 */
export default async function ReaderLayout({ children }: { children: ReactNode }) {
  const { locale, path } = await requestLocale();
  const others = isTranslatedPath(path.split("?")[0]!) ? LOCALES.filter((other) => other !== locale) : [];
  return (
    <>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href={localePath(locale, "/")} prefetch={false} className="font-serif text-xl font-bold tracking-tight">
            Corroborate
          </Link>
          {others.length > 0 ? (
            <nav aria-label={translator(locale).messages.languages}>
              <ul className="flex gap-3 text-sm" data-testid="language-switch">
                {others.map((other) => (
                  <li key={other}>
                    <a href={localePath(other, path)} lang={other} hrefLang={other} className="text-blue-800 underline">
                      {LOCALE_NAME[other]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" className="px-4 py-8">
        {children}
      </main>
    </>
  );
}

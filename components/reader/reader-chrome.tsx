import type { ReactNode } from "react";
import { LOCALE_NAME, LOCALES, isTranslatedPath, localePath, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * The public pages' chrome around their content: the reader's header and the page's `<main>`. Used by the reader
 * layout (app/(reader)/layout.tsx) and by the published checks' documents (server/reader/reader-document.tsx),
 * which are not Next pages: plain links only.
 */
export function ReaderChrome({ locale, path, children }: { locale: Locale; path: string; children: ReactNode }) {
  return (
    <>
      <ReaderHeader locale={locale} path={path} />
      <main id="main" className="px-4 py-8">
        {children}
      </main>
    </>
  );
}

/**
 * The public pages' header: the site's name, a link to the front page, no session. On a translated page
 * (lib/i18n/locales.ts) it offers the page in every other language, a plain link to its address there.
 */
export function ReaderHeader({ locale, path }: { locale: Locale; path: string }) {
  const others = isTranslatedPath(path.split("?")[0]!) ? LOCALES.filter((other) => other !== locale) : [];
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
        <a href={localePath(locale, "/")} className="font-serif text-xl font-bold tracking-tight">
          Corroborate
        </a>
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
  );
}

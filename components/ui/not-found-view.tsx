import { localePath } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translate";

/**
 * What an address that leads nowhere shows, in `t`'s language, with a link to the front page in that language:
 * the app's not-found page (app/not-found.tsx) and the not-found document of a published check's address
 * (server/reader/reader-document.tsx).
 */
export function NotFoundView({ t }: { t: Translator }) {
  const m = t.messages.notFound;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{m.title}</h1>
      <p className="mt-3 text-stone-600">{m.text}</p>
      <p className="mt-6">
        <a href={localePath(t.locale, "/")} className="font-medium text-blue-700 underline hover:text-blue-900">
          {m.home}
        </a>
      </p>
    </main>
  );
}

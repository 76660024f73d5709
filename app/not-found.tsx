import { localePath } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n/request-locale";

/**
 * The page for an address that leads nowhere (an unknown or unpublished story, a version that does not exist), in
 * the language of the address (`/ar/stories/unknown` in Arabic). The app's own, in its styles: Next's built-in one
 * brings an inline <style> the pages' CSP refuses.
 */
export default async function NotFound() {
  const t = translator((await requestLocale()).locale);
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

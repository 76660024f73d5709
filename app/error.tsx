"use client";

import { useSyncExternalStore } from "react";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

const noSubscription = () => () => {};

/**
 * What a page shows when rendering it failed on the server or in the browser, in the document's language (the
 * root layout set `<html lang>` from the address). The app's own, in its styles: Next's built-in one brings an
 * inline <style> the pages' CSP refuses.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(
    noSubscription,
    () => document.documentElement.lang,
    () => "en",
  );
  const m = translator(isLocale(lang) ? lang : "en").messages.error;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{m.title}</h1>
      <p className="mt-3 text-stone-600">{m.text}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        {m.retry}
      </button>
    </main>
  );
}

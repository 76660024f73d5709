import type { ReactNode } from "react";
import type { Translator } from "@/lib/i18n/translate";

/**
 * Every page's `<body>`: the site's colours and fonts, and the skip link to the page's `<main id="main">` in the
 * page's language. Used by the root layout (app/layout.tsx) and by the published checks' documents, which are not
 * Next pages (server/reader/reader-document.tsx).
 */
export function DocumentBody({ t, children }: { t: Translator; children: ReactNode }) {
  return (
    <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t.messages.skipToContent}
      </a>
      {children}
    </body>
  );
}

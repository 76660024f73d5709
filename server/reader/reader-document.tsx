import "server-only";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ReactNode } from "react";
import { checkDescription, ReaderHead } from "@/components/reader/reader-head";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import { ReaderChrome, ReaderHeader } from "@/components/reader/reader-chrome";
import { DocumentBody } from "@/components/ui/document-body";
import { NotFoundView } from "@/components/ui/not-found-view";
import type { Translator } from "@/lib/i18n/translate";
import { SITE_DESCRIPTION, TITLE_TEMPLATE } from "@/lib/site";
import type { PublishedStory } from "../stories/published";
import { feedAlternates } from "../stories/reader-page";
import { oncePerVersion } from "./once-per-version";
import type { ReaderAssetUrls } from "./reader-assets";

/**
 * A complete HTML document made once and sent many times, cut where each response's CSP nonce goes: the parts
 * are joined with the nonce (withNonce).
 */
export type NoncedDocument = readonly string[];

/**
 * The document with this response's nonce on its script (proxy.ts makes one per response; with 'strict-dynamic'
 * a script runs only with it). A nonce is base64 (lib/http/security-headers.ts#createNonce); anything else is left
 * out, so that no header can write into the page.
 */
export function withNonce(document: NoncedDocument, nonce: string): string {
  return document.join(/^[A-Za-z0-9+/=]+$/.test(nonce) ? nonce : "");
}

/** What a published check's document depends on besides its version. */
export interface CheckDocumentOptions {
  /** The page's public address in its language (readerPageUrl). */
  pageUrl: string;
  /** The page's path without the language's prefix, for the language switch: `/stories/<slug>[/v/<n>]`. */
  path: string;
  organisation: string;
  t: Translator;
  /** Null when the build has none (readerAssetUrls threw): the page goes out unstyled, without its script. */
  assets: ReaderAssetUrls | null;
}

/**
 * The document of a published check (its latest version or a numbered one): `<html lang dir>` in the page's
 * language, a head with its title, description, canonical address, oEmbed, Open Graph, feeds, manifest and icon, the
 * reader's chrome (ReaderChrome) around the check (PublishedStoryView), its ClaimReview JSON-LD, and the evidence
 * popover's script. Rendered by React to static HTML once per version and for each address, language,
 * organisation, list of later versions and assets (server/reader/once-per-version.ts): a version never changes, so
 * a request sends the same string with its own nonce, without Next's page render, an RSC payload that repeats the
 * page, or React in the browser (bench/RESULTS.md, issue 17).
 */
export function checkDocument(story: PublishedStory, options: CheckDocumentOptions): NoncedDocument {
  const { pageUrl, path, organisation, t, assets } = options;
  const key = JSON.stringify([
    pageUrl,
    path,
    organisation,
    t.locale,
    story.slug,
    story.later.map(({ number }) => number),
    assets,
  ]);
  return oncePerVersion(story.content, key, () =>
    renderDocument(
      <ReaderDocument
        t={t}
        title={story.title}
        description={checkDescription(story)}
        head={<ReaderHead story={story} url={pageUrl} />}
        assets={assets}
        script
      >
        <ReaderChrome locale={t.locale} path={path}>
          <PublishedStoryView story={story} pageUrl={pageUrl} organisation={organisation} t={t} />
        </ReaderChrome>
      </ReaderDocument>,
    ),
  );
}

/**
 * The document of a check's address that leads nowhere (an unknown or unpublished story, a version that does not
 * exist), sent with 404: the reader's header (its language switch to `path`, the address without its language's
 * prefix) and the site's not-found page (NotFoundView) in the address's language. Rendered for each answer: it
 * depends on the address, and costs little.
 */
export function notFoundDocument(t: Translator, path: string, assets: ReaderAssetUrls | null): NoncedDocument {
  return renderDocument(
    <ReaderDocument t={t} title={t.messages.notFound.title} assets={assets} noindex>
      <ReaderHeader locale={t.locale} path={path} />
      <NotFoundView t={t} />
    </ReaderDocument>,
  );
}

/**
 * The document of a check's address that could not be served (the database did not answer, a stored version did
 * not read), sent with 500: the reader's header and the site's error message in the address's language, with a
 * link that loads the address again. Rendered for each answer, as rarely as it is needed.
 */
export function errorDocument(t: Translator, path: string, assets: ReaderAssetUrls | null): NoncedDocument {
  const m = t.messages.error;
  return renderDocument(
    <ReaderDocument t={t} title={m.title} assets={assets} noindex>
      <ReaderHeader locale={t.locale} path={path} />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="font-serif text-3xl font-bold tracking-tight">{m.title}</h1>
        <p className="mt-3 text-stone-600">{m.text}</p>
        <p className="mt-6">
          <a href="" className="font-medium text-blue-700 underline hover:text-blue-900">
            {m.retry}
          </a>
        </p>
      </main>
    </ReaderDocument>,
  );
}

/**
 * A document's shell: what the root layout (app/layout.tsx) and Next's metadata give every page of the reader, for
 * a document that is not a Next page.
 */
function ReaderDocument({
  t,
  title,
  description = SITE_DESCRIPTION,
  head,
  assets,
  script = false,
  noindex = false,
  children,
}: {
  t: Translator;
  title: string;
  description?: string;
  head?: ReactNode;
  assets: ReaderAssetUrls | null;
  /** Whether the page loads the evidence popover's script (with this response's nonce). */
  script?: boolean;
  /** A page search engines are asked not to index (not found, an error). */
  noindex?: boolean;
  children: ReactNode;
}) {
  const feeds = Object.entries(feedAlternates() ?? {}).flatMap(([type, links]) =>
    (Array.isArray(links) ? links : []).map((link) => ({ type, ...link })),
  );
  return (
    <html lang={t.locale} dir={t.dir}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document, not a page of Next's (next/head is the pages router's) */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* With a precedence, React writes the stylesheet first in the head, as Next does. */}
        {assets ? <link rel="stylesheet" href={assets.stylesheet} precedence="reader" /> : null}
        {script && assets ? <script src={assets.script} defer nonce={NONCE_SLOT} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <title>{TITLE_TEMPLATE.replace("%s", title)}</title>
        <meta name="description" content={description} />
        <link rel="manifest" href="/manifest.webmanifest" />
        {feeds.map(({ type, url, title: feedTitle }) => (
          <link key={String(url)} rel="alternate" type={type} href={String(url)} title={feedTitle} />
        ))}
        <link rel="icon" href={assets?.icon ?? "/icon.svg"} sizes="any" type="image/svg+xml" />
        {head}
      </head>
      <DocumentBody t={t}>{children}</DocumentBody>
    </html>
  );
}

/**
 * Where the nonce goes while a document is rendered: random for each process, so that no published text can hold
 * it and be taken for the slot.
 */
const NONCE_SLOT = `nonce-slot-${randomUUID()}`;

function renderDocument(document: ReactNode): NoncedDocument {
  return `<!DOCTYPE html>${renderToStaticMarkup(document)}`.split(NONCE_SLOT);
}

/**
 * React's own renderToStaticMarkup (react-dom/server), loaded by Node at run time. Next's server bundle resolves
 * react-dom/server to a module that only throws, so the name is not one the bundler sees; Node finds the installed
 * react-dom, which is not the React that Next bundles for the route's JSX (a canary of the same minor version).
 * So the components rendered here must stay plain functions of their props: a hook, a context or React.cache
 * would meet the other copy of React and fail. React escapes every text and attribute and refuses javascript:
 * links as it does on any page.
 */
const renderToStaticMarkup = (
  createRequire(join(process.cwd(), "package.json"))(["react-dom", "server"].join("/")) as {
    renderToStaticMarkup: (element: ReactNode) => string;
  }
).renderToStaticMarkup;

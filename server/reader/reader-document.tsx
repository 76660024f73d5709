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
  assets: ReaderAssetUrls;
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
export function notFoundDocument(t: Translator, path: string, assets: ReaderAssetUrls): NoncedDocument {
  return renderDocument(
    <ReaderDocument t={t} title={t.messages.notFound.title} assets={assets} notFound>
      <ReaderHeader locale={t.locale} path={path} />
      <NotFoundView t={t} />
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
  notFound = false,
  children,
}: {
  t: Translator;
  title: string;
  description?: string;
  head?: ReactNode;
  assets: ReaderAssetUrls;
  /** Whether the page loads the evidence popover's script (with this response's nonce). */
  script?: boolean;
  /** A not-found page, which search engines are asked not to index. */
  notFound?: boolean;
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
        <link rel="stylesheet" href={assets.stylesheet} precedence="reader" />
        {script ? <script src={assets.script} defer nonce={NONCE_SLOT} /> : null}
        {notFound ? <meta name="robots" content="noindex" /> : null}
        <title>{`${title} · Corroborate`}</title>
        <meta name="description" content={description} />
        <link rel="manifest" href="/manifest.webmanifest" />
        {feeds.map(({ type, url, title: feedTitle }) => (
          <link key={String(url)} rel="alternate" type={type} href={String(url)} title={feedTitle} />
        ))}
        <link rel="icon" href={assets.icon} sizes="any" type="image/svg+xml" />
        {head}
      </head>
      <DocumentBody t={t}>{children}</DocumentBody>
    </html>
  );
}

/** The site's description, as the root layout's metadata gives it to a page that has none of its own. */
const SITE_DESCRIPTION = "Fact-checked stories with every claim's evidence one click away.";

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
 * react-dom, the same version as the app's React. React escapes every text and attribute and refuses javascript:
 * links as it does on any page.
 */
const renderToStaticMarkup = (
  createRequire(join(process.cwd(), "package.json"))(["react-dom", "server"].join("/")) as {
    renderToStaticMarkup: (element: ReactNode) => string;
  }
).renderToStaticMarkup;

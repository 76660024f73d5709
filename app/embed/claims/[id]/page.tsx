import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EmbeddedClaimView } from "@/components/reader/embedded-claim-view";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { getEnv } from "@/server/env";
import { requestLocale } from "@/server/i18n/request-locale";
import { findPublishedClaim } from "@/server/reader/embedded-claim";
import { readerPageUrl, siteUrl } from "@/server/stories/reader-page";

// The one route other sites may frame (lib/http/security-headers.ts#mayBeFramed). In another language under its
// prefix (/ar/embed/claims/<id>), the root layout setting the embed document's lang and dir.

type Props = { params: Promise<{ id: string }> };

/** The claim for the page and its metadata, read once per request. */
const findClaim = cache((id: string, locale: Locale) => findPublishedClaim(id, undefined, translator(locale)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, { locale }] = await Promise.all([params, requestLocale()]);
  const found = await findClaim(id, locale);
  if (!found) return { title: translator(locale).messages.notFound.title };
  const pageUrl = `${readerPageUrl(found.story.slug, undefined, locale)}#claim-${found.claim.id}`;
  return {
    title: `${found.claim.verdict}: ${found.claim.text}`,
    robots: { index: false },
    alternates: {
      canonical: pageUrl,
      types: {
        "application/json+oembed": [
          { url: siteUrl(`/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json`), title: found.story.title },
        ],
      },
    },
  };
}

/** One published claim with its verdict and evidence, for an iframe on another site. */
export default async function EmbeddedClaimPage({ params }: Props) {
  const [{ id }, { locale }] = await Promise.all([params, requestLocale()]);
  const t = translator(locale);
  const found = await findClaim(id, locale);
  if (!found) notFound();
  return (
    <EmbeddedClaimView
      found={found}
      pageUrl={`${readerPageUrl(found.story.slug, undefined, locale)}#claim-${found.claim.id}`}
      organisation={getEnv().ORGANISATION_NAME}
      t={t}
    />
  );
}

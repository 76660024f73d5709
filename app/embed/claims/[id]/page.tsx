import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbeddedClaimView } from "@/components/reader/embedded-claim-view";
import { getEnv } from "@/server/env";
import { findPublishedClaim } from "@/server/reader/embedded-claim";
import { readerPageUrl, siteUrl } from "@/server/stories/reader-page";

// The one route other sites may frame (lib/http/security-headers.ts#mayBeFramed).

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const found = await findPublishedClaim(id);
  if (!found) return { title: "Not found" };
  const pageUrl = `${readerPageUrl(found.story.slug)}#claim-${found.claim.id}`;
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
  const { id } = await params;
  const found = await findPublishedClaim(id);
  if (!found) notFound();
  return (
    <EmbeddedClaimView
      found={found}
      pageUrl={`${readerPageUrl(found.story.slug)}#claim-${found.claim.id}`}
      organisation={getEnv().ORGANISATION_NAME}
    />
  );
}

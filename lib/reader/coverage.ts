import { BIAS_LABELS, type BiasLabel } from "../import/bias-label";
import type { VersionContent } from "../versions/version-content";

/** Which outlets a published version cites, how they lean, and how well each claim is supported. */
export interface Coverage {
  outlets: Array<{ outlet: string; biasLabel: BiasLabel; reliabilityLabel: string | null; claimsSupported: number }>;
  /** Distinct supporting outlets by bias label, left to right, then unknown. */
  biasSpread: Record<BiasLabel, number>;
  claims: Array<{ id: string; supportingOutlets: string[]; singleSource: boolean }>;
}

/**
 * The coverage of a version: an outlet is a source's outlet (or its headline when it names none); a claim's
 * supporting outlets are the distinct outlets of its "supports" quotes; one is a single-source warning.
 */
export function coverageOf(content: VersionContent): Coverage {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  const outletOf = (sourceId: string) => {
    const source = sources.get(sourceId);
    return source?.outlet ?? source?.headline ?? "Unnamed source";
  };
  const supportCount = new Map<string, number>();
  const claims = content.claims.map((claim) => {
    const supportingOutlets = [
      ...new Set(claim.quotes.filter((quote) => quote.stance === "supports").map((quote) => outletOf(quote.sourceId))),
    ];
    for (const outlet of supportingOutlets) supportCount.set(outlet, (supportCount.get(outlet) ?? 0) + 1);
    return { id: claim.id, supportingOutlets, singleSource: supportingOutlets.length === 1 };
  });
  const outlets = new Map<string, Coverage["outlets"][number]>();
  for (const source of content.sources) {
    const outlet = outletOf(source.id);
    if (!outlets.has(outlet)) {
      outlets.set(outlet, {
        outlet,
        biasLabel: source.biasLabel,
        reliabilityLabel: source.reliabilityLabel,
        claimsSupported: supportCount.get(outlet) ?? 0,
      });
    }
  }
  const biasSpread = Object.fromEntries(BIAS_LABELS.map((label) => [label, 0])) as Record<BiasLabel, number>;
  for (const entry of outlets.values()) if (entry.claimsSupported > 0) biasSpread[entry.biasLabel] += 1;
  return {
    outlets: [...outlets.values()].sort(
      (a, b) => b.claimsSupported - a.claimsSupported || a.outlet.localeCompare(b.outlet),
    ),
    biasSpread,
    claims,
  };
}

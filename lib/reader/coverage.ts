import { BIAS_LABELS, type BiasLabel } from "../import/bias-label";
import { outletKey } from "../sources/source-label";
import type { VersionContent } from "../versions/version-content";

/** Which outlets a published version cites, how they lean, and how well each claim is supported. */
export interface Coverage {
  outlets: Array<{ outlet: string; biasLabel: BiasLabel; reliabilityLabel: string | null; claimsSupported: number }>;
  /** Distinct supporting outlets by bias label, left to right, then unknown. */
  biasSpread: Record<BiasLabel, number>;
  claims: Array<{ id: string; supportingOutlets: string[]; singleSource: boolean }>;
}

/**
 * The coverage of a version: which outlet a source counts for is `outletKey` (its outlet, else its headline,
 * else "Outlet not stated"), as in the workspace's assistant; a claim's supporting outlets are the distinct
 * outlets of its "supports" quotes; one is a single-source warning. Quotes of sources the version does not
 * hold are left out, as the assistant leaves them out (publishing refuses such a quote: it cannot verify).
 * An outlet's bias and reliability labels are those of its first source in the version.
 */
export function coverageOf(content: VersionContent): Coverage {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  const supportCount = new Map<string, number>();
  const claims = content.claims.map((claim) => {
    const supportingOutlets = [
      ...new Set(
        claim.quotes.flatMap((quote) => {
          const source = sources.get(quote.sourceId);
          return quote.stance === "supports" && source ? [outletKey(source)] : [];
        }),
      ),
    ];
    for (const outlet of supportingOutlets) supportCount.set(outlet, (supportCount.get(outlet) ?? 0) + 1);
    return { id: claim.id, supportingOutlets, singleSource: supportingOutlets.length === 1 };
  });
  const outlets = new Map<string, Coverage["outlets"][number]>();
  for (const source of content.sources) {
    const outlet = outletKey(source);
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

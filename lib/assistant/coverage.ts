import type { BiasLabel } from "../import/bias-label";
import { outletKey } from "../sources/source-label";
import type { AssistClaimInput, ClaimCoverage } from "./assistance";
import type { AssistantSource } from "./sources";

/** The side a bias label leans to, or null for center and unknown. */
export type Lean = "left" | "right";

/** Which side a bias label leans to: "left" for left and leans left, "right" for right and leans right, else null. */
export function leanOf(label: BiasLabel): Lean | null {
  if (label === "left" || label === "leans_left") return "left";
  if (label === "right" || label === "leans_right") return "right";
  return null;
}

/**
 * Who supports a claim: the distinct outlets of its quotes with stance "supports" (several sources of one
 * outlet count once; which outlet a source counts for is `outletKey`, as on the reader page), with their bias
 * labels (an outlet's is that of its first supporting source), in the order the quotes were attached.
 * `singleSource` when exactly one outlet supports it. `oneSided` when at least one outlet supports it and every
 * supporting outlet leans the same way (left or leans left; right or leans right): a center or unknown label is
 * not one-sided.
 * Quotes of sources that are not in `sources` are left out.
 */
export function claimCoverage(
  quotes: AssistClaimInput["quotes"],
  sources: ReadonlyMap<string, AssistantSource>,
): ClaimCoverage {
  const outlets = new Map<string, ClaimCoverage["outlets"][number]>();
  for (const quote of quotes) {
    const source = sources.get(quote.sourceId);
    if (quote.stance !== "supports" || !source) continue;
    const outlet = outletKey(source);
    const known = outlets.get(outlet);
    if (!known) outlets.set(outlet, { outlet, biasLabel: source.biasLabel, sourceIds: [source.id] });
    else if (!known.sourceIds.includes(source.id)) known.sourceIds.push(source.id);
  }
  const list = [...outlets.values()];
  const leans = new Set(list.map((outlet) => leanOf(outlet.biasLabel)));
  const [lean] = leans;
  return {
    outlets: list,
    distinctOutlets: list.length,
    singleSource: list.length === 1,
    oneSided: list.length > 0 && leans.size === 1 && lean !== null && lean !== undefined,
  };
}

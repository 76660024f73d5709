/**
 * How a source is named, and which outlet it counts for: the one place for both, so that the workspace, the
 * assistant and the reader page never disagree about who said something or how many outlets support a claim.
 */

/** The fields of a source that name it (a Source row, a WorkspaceSource, a published version's source). */
export interface SourceNaming {
  outlet: string | null;
  /** Optional, so that an already-labelled source (the assistant's, whose outlet is its label) fits too. */
  headline?: string | null;
}

/** What a source that names neither an outlet nor a headline is called. */
export const OUTLET_NOT_STATED = "Outlet not stated";

/** The text of a name, or null when it is missing or blank: an empty name names nothing. */
function stated(name: string | null | undefined): string | null {
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The outlet a source states, or null when it states none. The import trims and drops empty fields already;
 * this guards the rows written before it did.
 */
export function statedOutlet(source: SourceNaming): string | null {
  return stated(source.outlet);
}

/**
 * The outlet's name for places that show the headline beside it (a quote card, the source reader): the stated
 * outlet, or "Outlet not stated". It never falls back to the headline, which would then be shown twice.
 */
export function outletLabel(source: SourceNaming): string {
  return statedOutlet(source) ?? OUTLET_NOT_STATED;
}

/**
 * A source's name where only one name is shown (the assistant's flags, the coverage of a claim or of a
 * published check): its outlet; else its headline, since an article without a byline is still recognisable by
 * its title; else "Outlet not stated", which says what is missing instead of hiding the source.
 *
 * @example sourceLabel({ outlet: null, headline: "Grok Imagine flooded with abuse" }) // "Grok Imagine flooded with abuse"
 */
export function sourceLabel(source: SourceNaming): string {
  return statedOutlet(source) ?? stated(source.headline) ?? OUTLET_NOT_STATED;
}

/**
 * Which outlet a source counts for when the outlets behind a claim are counted (single-source and one-sided
 * warnings, the reader's coverage table): its label. Several sources of one outlet (an article and the
 * aggregator card with its headline) count once. Sources that name neither outlet nor headline all count as
 * one outlet: nothing shows they are independent, and counting them once keeps the single-source warning on
 * rather than crediting a claim with independence nobody can see. The key is the label itself, so that a
 * coverage table never shows two rows with one name nor one row for two names.
 *
 * The key of a label is the label (`outletKey({ outlet: sourceLabel(source) })` is `outletKey(source)`), so an
 * already-labelled source, as the assistant receives it, counts for the same outlet as its row.
 */
export function outletKey(source: SourceNaming): string {
  return sourceLabel(source);
}

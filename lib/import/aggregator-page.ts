import { parseBiasLabel, type BiasLabel } from "./bias-label";

/** One source card of an aggregator page: a headline, the outlet and age, labels and an excerpt. */
export interface AggregatorCard {
  headline: string;
  outlet: string;
  /** The age as the page states it, e.g. "2d". */
  statedAge: string;
  reliabilityLabel: string;
  reliabilityNote: string;
  biasLabel: BiasLabel;
  biasNote: string;
  /** The card's excerpt; empty when the card shows none. */
  excerpt: string;
}

/** An aggregator page in the format of the seed story's 000 file. */
export interface AggregatorPage {
  headline: string;
  subtitle: string;
  /** Lines between the subtitle and the first card (a highlighted fact, for instance). */
  lead: string[];
  cards: AggregatorCard[];
  /** The Summary section, one paragraph per entry. */
  summary: string[];
  /** The Perspectives section, one bullet per entry. */
  perspectives: string[];
}

/** Thrown when a text is not an aggregator page; the message says what was expected and where. */
export class AggregatorFormatError extends Error {
  override name = "AggregatorFormatError";
}

const OUTLET_AGE = /^(?<outlet>[^·]+?)\s*·\s*(?<age>\S+)$/;
const LABELS =
  /^·(?<reliability>.+?)(?<reliabilityNote>This source.*?\.)(?<bias>Left|Leans Left|Center|Leans Right|Right)(?<biasNote>This outlet.*?\.)(?<excerpt>.*)$/;

/**
 * Parses an aggregator page: a headline, a subtitle, source cards (headline; "Outlet·age"; "·" followed by
 * the reliability label and note, the bias label and note and the excerpt), a `Summary` section and a
 * `Perspectives` section.
 * @throws AggregatorFormatError naming the first part that does not match.
 * @example parseAggregatorPage(seed000).cards[0].outlet // "TIME Magazine"
 */
export function parseAggregatorPage(text: string): AggregatorPage {
  const lines = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

  const summaryAt = lines.indexOf("Summary");
  if (summaryAt === -1) throw new AggregatorFormatError("No line reading “Summary” was found.");
  const perspectivesAt = lines.indexOf("Perspectives", summaryAt);
  const [headline, subtitle] = lines;
  if (headline === undefined || subtitle === undefined || summaryAt < 2) {
    throw new AggregatorFormatError("A headline and a subtitle must come before the source cards.");
  }

  const cards: AggregatorCard[] = [];
  const lead: string[] = [];
  for (let i = 2; i < summaryAt;) {
    const outletLine = OUTLET_AGE.exec(lines[i + 1] ?? "");
    const labelLine = LABELS.exec(lines[i + 2] ?? "");
    if (outletLine?.groups && labelLine?.groups && i + 2 < summaryAt) {
      cards.push({
        headline: lines[i] ?? "",
        outlet: outletLine.groups.outlet ?? "",
        statedAge: outletLine.groups.age ?? "",
        reliabilityLabel: labelLine.groups.reliability ?? "",
        reliabilityNote: labelLine.groups.reliabilityNote ?? "",
        biasLabel: parseBiasLabel(labelLine.groups.bias ?? ""),
        biasNote: labelLine.groups.biasNote ?? "",
        excerpt: (labelLine.groups.excerpt ?? "").trim(),
      });
      i += 3;
    } else if (cards.length === 0) {
      lead.push(lines[i] ?? "");
      i += 1;
    } else {
      throw new AggregatorFormatError(
        `Line ${i + 1} (“${(lines[i] ?? "").slice(0, 60)}”) is not part of a source card: a card is a headline, ` +
          "an “Outlet·age” line and a line of labels starting with “·”.",
      );
    }
  }
  if (cards.length === 0) throw new AggregatorFormatError("No source cards were found before “Summary”.");

  const summaryEnd = perspectivesAt === -1 ? lines.length : perspectivesAt;
  const summary = lines.slice(summaryAt + 1, summaryEnd);
  if (summary.length === 0) throw new AggregatorFormatError("The Summary section is empty.");
  const perspectives = perspectivesAt === -1 ? [] : lines.slice(perspectivesAt + 1);

  return { headline, subtitle, lead, cards, summary, perspectives };
}

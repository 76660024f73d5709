import { plural } from "@/components/ui/plural";
import type { AggregatorPage } from "@/lib/import/aggregator-page";
import { biasLabelText } from "@/lib/import/bias-label";
import { ImportActions } from "./import-actions";

/** An aggregator page to import: its source cards with their labels, and what becomes of its summary and perspectives. */
export function AggregatorStep({
  origin,
  page,
  sending,
  onImport,
  onBack,
}: {
  origin: string;
  page: AggregatorPage;
  sending: boolean;
  onImport: () => void;
  onBack: () => void;
}) {
  return (
    <div className="space-y-3 text-sm" aria-label="Aggregator page to import">
      <p className="text-stone-600">An aggregator page from {origin}:</p>
      <h3 className="font-serif text-lg font-semibold">{page.headline}</h3>
      <div>
        <h4 className="font-medium">{page.cards.length} source cards</h4>
        <ul className="mt-1 space-y-1">
          {page.cards.map((card) => (
            <li key={`${card.outlet}-${card.headline}`} className="flex flex-wrap gap-1.5">
              <span className="font-semibold">{card.outlet}</span>
              <span className="rounded bg-stone-100 px-1.5 text-stone-700">{biasLabelText(card.biasLabel)}</span>
              <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">{card.reliabilityLabel}</span>
              <span className="text-stone-700">{card.headline}</span>
            </li>
          ))}
        </ul>
      </div>
      <p>
        <span className="font-medium">Summary:</span> {plural(page.summary.length, "paragraph")}, the draft&apos;s
        summary if it has none yet.
      </p>
      <p>
        <span className="font-medium">Perspectives:</span> {page.perspectives.length}, kept with the story.
      </p>
      <ImportActions sending={sending} label="Import page" onBack={onBack} onImport={onImport} />
    </div>
  );
}

import type { Translator } from "@/lib/i18n/translate";
import { BIAS_LABELS, type BiasLabel } from "@/lib/import/bias-label";
import type { Coverage } from "@/lib/reader/coverage";

const BIAS_COLOURS: Record<BiasLabel, string> = {
  left: "bg-blue-700",
  leans_left: "bg-blue-400",
  center: "bg-stone-400",
  leans_right: "bg-red-400",
  right: "bg-red-700",
  unknown: "bg-stone-200",
};

/**
 * The outlets a published check rests on: how many claims each supports, and their bias spread. The contents of
 * the panel; its section, labelled by the heading here (`coverage-heading`), is the page's.
 */
export function CoveragePanel({ coverage, t }: { coverage: Coverage; t: Translator }) {
  const m = t.messages.coverage;
  const biasLabelText = (label: BiasLabel) => t.messages.evidence.bias[label];
  const total = BIAS_LABELS.reduce((sum, label) => sum + coverage.biasSpread[label], 0);
  return (
    <>
      <h2 id="coverage-heading" className="font-serif text-lg font-semibold">
        {m.title}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{m.intro}</p>
      <div
        className="mt-2 flex h-3 overflow-hidden rounded-full bg-stone-100"
        // Left to right in every language: the bar is a political spectrum, not text.
        dir="ltr"
        role="img"
        aria-label={
          BIAS_LABELS.filter((l) => coverage.biasSpread[l] > 0)
            .map((l) => `${t.format("{count}", { count: coverage.biasSpread[l] })} ${biasLabelText(l)}`)
            .join(t.messages.checkList.listSeparator) || m.noSupport
        }
      >
        {BIAS_LABELS.map((label) =>
          coverage.biasSpread[label] > 0 ? (
            <span
              key={label}
              className={BIAS_COLOURS[label]}
              style={{ width: `${(coverage.biasSpread[label] / total) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-stone-700">
        {BIAS_LABELS.filter((label) => coverage.biasSpread[label] > 0).map((label) => (
          <li key={label}>
            {biasLabelText(label)}: {coverage.biasSpread[label]}
          </li>
        ))}
      </ul>
      <table className="mt-3 w-full text-start text-sm">
        <caption className="sr-only">{m.caption}</caption>
        <thead>
          <tr className="text-xs uppercase tracking-wide text-stone-600">
            <th scope="col" className="py-1 font-semibold">
              {m.outlet}
            </th>
            <th scope="col" className="py-1 font-semibold">
              {m.bias}
            </th>
            <th scope="col" className="py-1 text-end font-semibold">
              {m.claimsSupported}
            </th>
          </tr>
        </thead>
        <tbody>
          {coverage.outlets.map((outlet) => (
            <tr key={outlet.outlet} className="border-t border-stone-100">
              <td className="py-1" dir="auto" data-published>
                {outlet.outlet}
              </td>
              <td className="py-1">{biasLabelText(outlet.biasLabel)}</td>
              <td className="py-1 text-end">{outlet.claimsSupported}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

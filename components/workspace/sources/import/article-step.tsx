"use client";

import { Field, FIELD_INPUT } from "@/components/ui/field";
import type { ArticleFields } from "@/lib/import/article-fields";
import { BIAS_LABELS, biasLabelSchema, biasLabelText } from "@/lib/import/bias-label";
import { ImportActions } from "./import-actions";

/**
 * An article to import: its metadata, prefilled from what its text states (and the aggregator card with the
 * same headline), for the editor to check and complete, and its text as it will be stored.
 */
export function ArticleStep({
  article,
  onChange,
  sending,
  onImport,
  onBack,
}: {
  article: { origin: string; text: string; fields: ArticleFields; cardNote: string | null };
  onChange: (fields: ArticleFields) => void;
  sending: boolean;
  onImport: () => void;
  onBack: () => void;
}) {
  const { origin, text, fields, cardNote } = article;
  function setField<K extends keyof ArticleFields>(key: K, value: ArticleFields[K]) {
    onChange({ ...fields, [key]: value });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onImport();
      }}
      className="space-y-3"
      aria-label="Article to import"
    >
      <p className="text-sm text-stone-600">
        An article from {origin}: {text.split(/\s+/).length.toLocaleString("en")} words. Check what its text states and
        fill in the rest.
      </p>
      {cardNote ? <p className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-900">{cardNote}</p> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Headline"
          className="sm:col-span-2"
          value={fields.headline}
          onChange={(value) => setField("headline", value)}
        />
        <TextField label="Outlet" value={fields.outlet} onChange={(value) => setField("outlet", value)} />
        <TextField label="Author" value={fields.author} onChange={(value) => setField("author", value)} />
        <TextField
          label="Published (UTC)"
          type="datetime-local"
          value={fields.publishedAt}
          onChange={(value) => setField("publishedAt", value)}
        />
        <TextField
          label="Link to the original"
          type="url"
          placeholder="https://"
          value={fields.url}
          onChange={(value) => setField("url", value)}
        />
        <Field label="Bias label">
          {(id) => (
            <select
              id={id}
              value={fields.biasLabel}
              onChange={(e) => setField("biasLabel", biasLabelSchema.parse(e.target.value))}
              className={FIELD_INPUT}
            >
              {BIAS_LABELS.map((label) => (
                <option key={label} value={label}>
                  {biasLabelText(label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="Reliability label"
          placeholder="e.g. Reliable"
          value={fields.reliabilityLabel}
          onChange={(value) => setField("reliabilityLabel", value)}
        />
      </div>
      <details className="rounded border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium">The text as it will be stored</summary>
        <div className="mt-2 max-h-64 space-y-2 overflow-y-auto font-serif" data-testid="import-preview">
          {text.split("\n\n").map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      </details>
      <ImportActions sending={sending} label="Import article" onBack={onBack} />
    </form>
  );
}

/** One text input of the article's metadata, labelled. */
function TextField({
  label,
  value,
  onChange,
  type,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "datetime-local" | "url";
  placeholder?: string;
  className?: string;
}) {
  return (
    <Field label={label} className={className}>
      {(id) => (
        <input
          id={id}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          className={FIELD_INPUT}
        />
      )}
    </Field>
  );
}

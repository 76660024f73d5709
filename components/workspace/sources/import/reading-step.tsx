import { megabytes } from "./megabytes";

/** While a chosen file is read: how much of it, announced as it goes. */
export function ReadingStep({ name, loaded, total }: { name: string; loaded: number; total: number }) {
  return (
    <div role="status" className="space-y-2 text-sm">
      <p>
        Reading “{name}”… {megabytes(loaded)} of {megabytes(total)}
      </p>
      <progress max={total || 1} value={loaded} className="w-full" aria-label={`Reading ${name}`} />
    </div>
  );
}

import { Button } from "@/components/ui/button";

/** The buttons that end a step of the import: import (or its progress) and back to choosing. */
export function ImportActions({
  sending,
  label,
  onBack,
  onImport,
}: {
  sending: boolean;
  label: string;
  onBack: () => void;
  /** For a button outside a form; inside one the button submits it. */
  onImport?: () => void;
}) {
  return (
    <div className="flex items-center gap-2 pt-1">
      <Button variant="primary" type={onImport ? "button" : "submit"} onClick={onImport} disabled={sending}>
        {sending ? "Importing…" : label}
      </Button>
      <Button variant="quiet" onClick={onBack} disabled={sending}>
        Back
      </Button>
      {sending ? (
        <span role="status" className="text-sm text-stone-600">
          Sending the text to the newsroom…
        </span>
      ) : null}
    </div>
  );
}

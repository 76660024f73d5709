"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";

/** Confirms an unsubscribe link: one click stops e-mail of its kind. */
export function UnsubscribeButton({ link }: { link: { u: string; k: string; s: string } }) {
  const [state, setState] = useState<"ready" | "done" | { error: string }>("ready");
  if (state === "done") return <p role="status">Done: you will get no more e-mail of this kind.</p>;
  return (
    <div className="space-y-2">
      <Button
        variant="form"
        onClick={async () => {
          const result = await sendJson("/api/notifications/unsubscribe", link);
          setState(result.ok ? "done" : { error: result.error });
        }}
      >
        Stop these e-mails
      </Button>
      {typeof state === "object" ? <ErrorText className="text-sm">{state.error}</ErrorText> : null}
    </div>
  );
}

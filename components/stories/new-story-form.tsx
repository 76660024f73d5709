"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/components/ui/send-json";

/** The form that creates a story from its title, then opens its workspace. */
export function NewStoryForm() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setPending(true);
    setMessage(null);
    const result = await sendJson<{ id: string; slug: string }>("/api/stories", { title });
    if (!result.ok) {
      setPending(false);
      setMessage(result.error);
      return;
    }
    // Stays pending while the workspace opens.
    router.push(`/stories/${result.data.slug}/edit`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label className="block space-y-1">
        <span className="text-sm font-medium text-stone-700">Title</span>
        <input
          name="title"
          required
          minLength={3}
          maxLength={200}
          autoFocus
          className="w-full rounded border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
        />
      </label>
      {message ? <Alert>{message}</Alert> : null}
      <Button variant="form" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create story"}
      </Button>
    </form>
  );
}

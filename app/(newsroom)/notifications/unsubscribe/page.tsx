import type { Metadata } from "next";
import { UnsubscribeButton } from "@/components/notifications/unsubscribe-button";
import { NOTIFICATION_KIND_TEXT } from "@/lib/notifications/notification-kinds";
import { unsubscribeInputSchema } from "@/server/notifications/preferences";

export const metadata: Metadata = { title: "Stop e-mail" };

/** Where a digest's unsubscribe link leads: what it stops, and a button to confirm (no sign-in needed). */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const link = unsubscribeInputSchema.safeParse(await searchParams);
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight">Stop e-mail</h1>
      {link.success ? (
        <>
          <p className="mb-4 text-sm text-stone-700">
            No more e-mail when: {NOTIFICATION_KIND_TEXT[link.data.k].toLowerCase()}. You still see these in the app.
          </p>
          <UnsubscribeButton link={link.data} />
        </>
      ) : (
        <p className="text-sm text-stone-700">This link is incomplete: open the one in the e-mail again.</p>
      )}
    </div>
  );
}

import { DEMO_PASSWORD } from "@/server/users/demo-accounts";

/**
 * The warning every newsroom page shows while demo accounts can sign in (server component): who, with which
 * password, and how an admin removes them (Disable the demo accounts, under Users).
 */
export function DemoBanner({ emails, admin }: { emails: string[]; admin: boolean }) {
  if (emails.length === 0) return null;
  return (
    <div
      role="note"
      aria-label="Demo accounts"
      className="border-b border-amber-300 bg-amber-100 text-sm text-amber-950"
      data-testid="demo-banner"
    >
      <p className="mx-auto max-w-7xl px-4 py-2">
        <strong>Demo accounts are enabled:</strong> anyone can sign in as {emails.join(", ")} with the password “
        {DEMO_PASSWORD}”. Remove them before real use: an admin disables them under{" "}
        {admin ? (
          <a href="/admin/users" className="font-medium underline">
            Users
          </a>
        ) : (
          "Users"
        )}{" "}
        (create your own admin first: invite yourself, or <code>npm run setup -- --admin you@example.org</code>).
      </p>
    </div>
  );
}

import type { ReactNode } from "react";

/** Embeds: no header or navigation, since they sit inside another site's article. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="bg-white p-3">
      {children}
    </main>
  );
}

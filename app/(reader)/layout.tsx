import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { feedAlternates } from "@/server/stories/reader-page";

/** Every public page links the feeds and the web manifest. */
export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates() }, manifest: "/manifest.webmanifest" };
}

/** Public pages: a light header, no session. */
export default function ReaderLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/" className="font-serif text-xl font-bold tracking-tight">
            Corroborate
          </Link>
        </div>
      </header>
      <main id="main" className="px-4 py-8">
        {children}
      </main>
    </>
  );
}

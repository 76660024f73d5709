import Link from "next/link";

/**
 * The page for an address that leads nowhere (an unknown or unpublished story, a version that does not exist).
 * The app's own, in its styles: Next's built-in one brings an inline <style> the pages' CSP refuses.
 */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="font-serif text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-3 text-stone-600">
        There is nothing at this address: the story may not be published yet, or the link is wrong.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-blue-700 underline hover:text-blue-900">
          Go to the start page
        </Link>
      </p>
    </main>
  );
}

import type { Metadata } from "next";

export const metadata: Metadata = { title: "How our fact checks work" };

/** A short, static explanation of a published check for readers. */
export default function AboutPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-4 font-serif text-lg leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">How our fact checks work</h1>
      <p>
        Every highlighted claim in a fact check links to the passages of the source articles that support it, quoted
        word for word with the text around them, and to the outlet, its bias and reliability labels and the date.
      </p>
      <p>
        Claims are marked and evidenced by editors and approved by a reviewer who did not mark them. A published check
        is never changed: a correction is a new version, with a note of what changed, and earlier versions stay
        readable.
      </p>
    </article>
  );
}

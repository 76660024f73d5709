import type { Metadata } from "next";
import { translator } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator((await requestLocale()).locale).messages.about.title };
}

/** A short, static explanation of a published check for readers, in the reader's language. */
export default async function AboutPage() {
  const m = translator((await requestLocale()).locale).messages.about;
  return (
    <article className="mx-auto max-w-3xl space-y-4 font-serif text-lg leading-relaxed">
      <h1 className="text-3xl font-bold tracking-tight">{m.title}</h1>
      <p>{m.evidence}</p>
      <p>{m.review}</p>
    </article>
  );
}

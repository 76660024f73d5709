import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckList } from "@/components/reader/check-list";
import { translator } from "@/lib/i18n/translate";
import { checkListQuerySchema, outletPath } from "@/lib/reader/check-listing";
import { requestLocale } from "@/server/i18n/request-locale";
import { listChecks } from "@/server/reader/check-listing";

type Props = { params: Promise<{ outlet: string }>; searchParams: Promise<Record<string, string | string[]>> };

/**
 * The outlet's key (lib/sources/source-label.ts) from the path. Decoded here in case the segment arrives
 * percent-encoded; a name with a stray "%" that does not decode is taken as it is.
 */
async function outletKeyOf(params: Props["params"]): Promise<string> {
  const { outlet } = await params;
  try {
    return decodeURIComponent(outlet);
  } catch {
    return outlet;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const key = await outletKeyOf(params);
  const t = translator((await requestLocale()).locale);
  return { title: t.format(t.messages.outletPage.title, { outlet: key }) };
}

/** Every published check that quotes an outlet, newest first: where a reader goes from an outlet's name. */
export default async function OutletPage({ params, searchParams }: Props) {
  const key = await outletKeyOf(params);
  const query = checkListQuerySchema.parse(await searchParams);
  const list = await listChecks({ ...query, q: "" }, { outletKey: key });
  if (list.total === 0) notFound();
  const t = translator((await requestLocale()).locale);
  const m = t.messages.outletPage;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-2 font-serif text-3xl font-bold tracking-tight">{t.format(m.title, { outlet: key })}</h1>
      <p className="text-sm text-stone-700">{t.plural(m.intro, list.total, { outlet: key })}</p>
      <CheckList list={list} path={outletPath(key)} q="" empty="" t={t} />
    </div>
  );
}

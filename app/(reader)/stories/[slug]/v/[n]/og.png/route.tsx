import { ImageResponse } from "next/og";
import { verdictCounts, versionNumberSchema } from "@/lib/reader/public-api";
import { getEnv } from "@/server/env";
import { readPublishedStory } from "@/server/stories/published";

// The Open Graph image of one published version (1200×630 PNG): a version never changes, so neither does its
// image, and caches may keep it for a year. Made by next/og (satori and resvg, with the font it ships).

const SIZE = { width: 1200, height: 630 };
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const VERDICTS = [
  { key: "supported", label: "supported", color: "#065f46", background: "#d1fae5" },
  { key: "partly_supported", label: "partly supported", color: "#78350f", background: "#fef3c7" },
  { key: "unsupported", label: "unsupported", color: "#991b1b", background: "#fee2e2" },
] as const;

type Context = { params: Promise<{ slug: string; n: string }> };

/** GET /stories/<slug>/v/<n>/og.png */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug, n } = await params;
  const number = versionNumberSchema.safeParse(n);
  const story = number.success ? await readPublishedStory(slug, number.data) : null;
  if (!story) return new Response("No such published version.", { status: 404 });
  const counts = verdictCounts(story.content);
  const title = story.title.length > 140 ? `${story.title.slice(0, 140).trimEnd()}…` : story.title;

  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#fafaf9",
        color: "#1c1917",
        borderTop: "16px solid #065f46",
      }}
    >
      <div style={{ display: "flex", fontSize: 28, fontWeight: 700, color: "#065f46", letterSpacing: 2 }}>
        {`FACT CHECK · ${getEnv().ORGANISATION_NAME.toUpperCase()}`}
      </div>
      <div style={{ display: "flex", fontSize: 60, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        <div style={{ display: "flex", gap: 16, fontSize: 30, alignItems: "center" }}>
          <span>{`${counts.total} ${counts.total === 1 ? "claim" : "claims"} checked`}</span>
          {VERDICTS.filter(({ key }) => counts[key] > 0).map(({ key, label, color, background }) => (
            <span
              key={key}
              style={{ display: "flex", padding: "6px 18px", borderRadius: 999, color, background }}
            >{`${counts[key]} ${label}`}</span>
          ))}
        </div>
        <div style={{ display: "flex", fontSize: 26, color: "#57534e" }}>
          {`Version ${story.number}${story.number > 1 ? " (corrected)" : ""} · published ${dateFormat.format(story.publishedAt)}`}
        </div>
      </div>
    </div>,
    { ...SIZE, headers: { "Cache-Control": "public, max-age=31536000, immutable" } },
  );
}

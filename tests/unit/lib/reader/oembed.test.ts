import { describe, expect, it } from "vitest";
import { EMBED_SIZE, oembedResponse, oembedTarget } from "@/lib/reader/oembed";

const SITE = "https://news.example";

describe("oembedTarget", () => {
  it("reads a claim from an embed's address or a reader page's claim permalink", () => {
    expect(oembedTarget(`${SITE}/embed/claims/claim-1-abc`, SITE)).toEqual({
      kind: "claim",
      claimId: "claim-1-abc",
      locale: "en",
    });
    expect(oembedTarget(`${SITE}/stories/cia-videos#claim-claim-1-abc`, SITE)).toEqual({
      kind: "claim",
      claimId: "claim-1-abc",
      locale: "en",
    });
    expect(oembedTarget(`${SITE}/stories/cia-videos/v/2#claim-c2`, SITE)).toEqual({
      kind: "claim",
      claimId: "c2",
      locale: "en",
    });
    expect(oembedTarget(`${SITE}/ar/stories/cia-videos#claim-c2`, SITE)).toEqual({
      kind: "claim",
      claimId: "c2",
      locale: "ar",
    });
  });

  it("reads a check from a reader page without a permalink", () => {
    expect(oembedTarget(`${SITE}/stories/cia-videos`, SITE)).toEqual({
      kind: "story",
      slug: "cia-videos",
      locale: "en",
    });
    expect(oembedTarget(`${SITE}/stories/cia-videos?utm=x`, SITE)).toEqual({
      kind: "story",
      slug: "cia-videos",
      locale: "en",
    });
  });

  it("refuses other sites, other pages and what is not an address", () => {
    expect(oembedTarget("https://evil.example/embed/claims/c1", SITE)).toBeNull();
    expect(oembedTarget("http://news.example/embed/claims/c1", SITE)).toBeNull();
    expect(oembedTarget(`${SITE}/stories/cia-videos/edit`, SITE)).toBeNull();
    expect(oembedTarget(`${SITE}/admin/users`, SITE)).toBeNull();
    expect(oembedTarget(`${SITE}/ar/admin/users`, SITE)).toBeNull();
    expect(oembedTarget("not a url", SITE)).toBeNull();
  });
});

describe("oembedResponse", () => {
  const base = {
    embedUrl: `${SITE}/embed/claims/c1`,
    title: `Fact check: "CIA Director John Ratcliffe emphasized the urgency" <b>`,
    providerName: "Corroborate",
    providerUrl: SITE,
  };

  it("answers a rich embed: an iframe of the claim's embed, attributes escaped", () => {
    const answer = oembedResponse(base);
    expect(answer).toMatchObject({ version: "1.0", type: "rich", provider_name: "Corroborate", ...EMBED_SIZE });
    expect(answer.html).toBe(
      `<iframe src="${SITE}/embed/claims/c1" width="560" height="420" title="Fact check: &quot;CIA Director John Ratcliffe emphasized the urgency&quot; &lt;b&gt;" loading="lazy" style="border:0;max-width:100%"></iframe>`,
    );
  });

  it("fits the consumer's maximum size, down to a phone's column", () => {
    expect(oembedResponse({ ...base, maxwidth: 400, maxheight: 300 })).toMatchObject({ width: 400, height: 300 });
    expect(oembedResponse({ ...base, maxwidth: 100, maxheight: 50 })).toMatchObject({ width: 280, height: 200 });
    expect(oembedResponse({ ...base, maxwidth: 2000 })).toMatchObject({ width: 560 });
  });
});

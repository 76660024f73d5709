import { describe, expect, it } from "vitest";
import { claimEvidenceHtml, claimFootnotesHtml, escapeHtml } from "@/components/reader/evidence-html";
import { translator } from "@/lib/i18n/translate";
import type { ReaderClaim } from "@/lib/reader/reader-claims";

const HOSTILE = `<img src=x onerror="alert(1)"> & 'quotes'`;

const claim = (url: string | null): ReaderClaim => ({
  id: `c1"><script>`,
  number: 1,
  text: HOSTILE,
  verdict: "Supported",
  approvedBy: HOSTILE,
  supportingOutlets: ["NBC News"],
  singleSource: true,
  quotes: [
    {
      id: "q1",
      prefix: HOSTILE,
      exact: "</mark><script>alert(1)</script>",
      suffix: HOSTILE,
      stance: "Supports",
      outlet: HOSTILE,
      bias: "Center",
      reliability: HOSTILE,
      headline: HOSTILE,
      date: "2 May 2025",
      url,
    },
  ],
});

describe("the evidence as HTML", () => {
  it("escapes every published word and attribute, so none becomes markup", () => {
    expect(escapeHtml(HOSTILE)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;");
    const html = claimFootnotesHtml([claim("https://news.example/a?b=1&c=2")], translator("en"));
    expect(html).not.toMatch(/<img|<script|<\/mark><script/);
    expect(html).toContain('id="claim-c1&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('href="https://news.example/a?b=1&amp;c=2"');
    expect(html.match(/<mark /g)).toHaveLength(1);
    expect(html).toContain("1 supporting outlet · single source · reviewed by ");
  });

  it("links only to http(s) sources, and labels in the reader's language", () => {
    expect(claimEvidenceHtml(claim("javascript:alert(1)"), translator("en"))).not.toContain("javascript:");
    const arabic = claimEvidenceHtml(claim(null), translator("ar"));
    expect(arabic).toContain("مصدر وحيد");
    expect(arabic).not.toContain("Read the source");
  });
});

import type { Translator } from "@/lib/i18n/translate";
import type { ReaderClaim } from "@/lib/reader/reader-claims";

// The claims' footnotes and evidence as HTML text, for a page that sends them as one string: the bulk of a reader
// page. As React elements every node was serialised twice, once into the HTML and once into the RSC payload as a
// JSON tree several times its size, and rendered twice (RSC, then SSR); as a string it is rendered once, sent once
// in the HTML and once as raw text in the payload. Every text and attribute value is escaped (escapeHtml), so no
// published word can become markup, and a link leaves only for http(s) addresses, as React would have it.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe as HTML element content and as a double-quoted attribute value. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** A published text (its language not stored, so its direction from its own letters), escaped. */
const published = (text: string, attributes = "") =>
  `<span${attributes} dir="auto" data-published>${escapeHtml(text)}</span>`;

/**
 * A claim's verdict and its quotes in context, each with its source: used by the footnotes, the popover (which
 * copies a footnote's) and the embeds. Labels come from `t`; the published words (quotes, outlets, headlines,
 * names) are marked `data-published` and `dir="auto"` and shown as they are.
 */
export function claimEvidenceHtml(claim: ReaderClaim, t: Translator): string {
  const m = t.messages.evidence;
  const [reviewedBefore, reviewedAfter] = t.around(m.reviewedBy, "name");
  const labels = ` · ${t.plural(m.supportingOutlets, claim.supportingOutlets.length)}${claim.singleSource ? ` · ${m.singleSource}` : ""} · ${reviewedBefore}`;
  const quotes = claim.quotes.map((quote) => {
    const source = [
      `<span class="font-semibold">${escapeHtml(quote.stance)}</span> · `,
      published(quote.outlet, ' class="font-semibold"'),
      escapeHtml(` · ${quote.bias}`),
      quote.reliability ? ` · ${published(quote.reliability)}` : "",
      quote.headline ? ` · ${published(`“${quote.headline}”`)}` : "",
      quote.date ? escapeHtml(` · ${quote.date}`) : "",
      quote.url && /^https?:\/\//i.test(quote.url)
        ? ` · <a href="${escapeHtml(quote.url)}" class="underline" rel="noopener noreferrer">${escapeHtml(m.readSource)}</a>`
        : "",
    ].join("");
    return (
      `<li class="border-s-4 border-stone-300 ps-3">` +
      `<blockquote class="font-serif leading-relaxed text-stone-800" dir="auto" data-published>` +
      `<span class="text-stone-600">…${escapeHtml(quote.prefix)}</span>` +
      `<mark class="bg-yellow-100 text-stone-950">${escapeHtml(quote.exact)}</mark>` +
      `<span class="text-stone-600">${escapeHtml(quote.suffix)}…</span></blockquote>` +
      `<p class="mt-1 text-xs text-stone-700">${source}</p></li>`
    );
  });
  return (
    `<p class="text-sm"><span class="font-semibold">${escapeHtml(claim.verdict)}</span>` +
    `<span class="text-stone-600">${escapeHtml(labels)}${published(claim.approvedBy)}${escapeHtml(reviewedAfter)}</span></p>` +
    `<ul class="space-y-3">${quotes.join("")}</ul>`
  );
}

/**
 * The items of a check's list of claims: each claim's number and words, its evidence, and links back to the
 * summary and to itself (its permalink, `#claim-<id>`, which the popover opens).
 */
export function claimFootnotesHtml(claims: readonly ReaderClaim[], t: Translator): string {
  const m = t.messages.check;
  return claims
    .map((claim) => {
      const id = escapeHtml(claim.id);
      return (
        `<li id="claim-${id}" data-claim-footnote="${id}" data-claim-number="${claim.number}" ` +
        `class="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 target:border-emerald-700 target:ring-2 target:ring-emerald-700">` +
        `<h3 class="font-serif text-lg"><span class="me-2 font-sans text-sm font-semibold text-emerald-800">${claim.number}.</span>“` +
        `${published(claim.text, " data-claim-words")}”</h3>` +
        `<div class="mt-2" data-evidence><div class="space-y-3">${claimEvidenceHtml(claim, t)}</div></div>` +
        `<p class="mt-2 text-xs"><a href="#ref-${id}" class="underline">${escapeHtml(m.backToSummary)}</a> · ` +
        `<a href="#claim-${id}" class="underline">${escapeHtml(m.permalink)}</a></p></li>`
      );
    })
    .join("");
}

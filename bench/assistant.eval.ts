// Quality of the verification assistant on the hand-labelled seed story: `npm run eval`.
// Prints recall@3 and MRR of the evidence suggestions and precision/recall of the quotation checker and
// the discrepancy finder, against tests/fixtures/assistant/seed-eval.json.
import { sourceDiscrepancies } from "@/lib/assistant/discrepancies";
import { buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import { checkSourceQuotations } from "@/lib/assistant/quotations";
import { locate, seedEval, seedSources } from "../tests/fixtures/assistant/seed-story";

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const index = buildEvidenceIndex(seedSources);

// Suggestions: a suggested sentence is relevant when it overlaps a labelled supporting passage.
let recallSum = 0;
let directRecallSum = 0;
let reciprocalSum = 0;
const misses: string[] = [];
for (const claim of seedEval.claims) {
  const located = claim.support.map((passage) => ({
    source: passage.source,
    direct: passage.strength === "direct",
    ...locate(passage.source, passage.passage),
  }));
  const ranked = suggestEvidence(index, claim.text, { k: 20 });
  const hitsOf = (relevant: typeof located) => (suggestion: (typeof ranked)[number]) =>
    relevant.some((passage) => passage.source === suggestion.sourceId && overlaps(passage, suggestion));
  const hits = hitsOf(located);
  const top3 = ranked.slice(0, 3).filter(hits).length;
  const recall = top3 / Math.min(3, located.length);
  recallSum += recall;
  // The strict variant the fixture's README offers: only passages that state the claim count.
  const direct = located.filter((passage) => passage.direct);
  directRecallSum +=
    direct.length === 0 ? 1 : ranked.slice(0, 3).filter(hitsOf(direct)).length / Math.min(3, direct.length);
  const first = ranked.findIndex(hits);
  reciprocalSum += first === -1 ? 0 : 1 / (first + 1);
  if (recall < 1)
    misses.push(`${claim.id} (${top3} of top 3 relevant, first at rank ${first === -1 ? "none" : first + 1})`);
}
const claims = seedEval.claims.length;

// Quotation checker, each source against the others: positives are quotations another source quotes differently.
const flags = checkSourceQuotations(seedSources, index);
const positives = seedEval.quotations
  .filter((quotation) => quotation.quotedDifferentlyBy)
  .map((label) => ({ in: label.in, ...locate(label.in, label.quoted.replace(/[,.]$/, "")) }));
const sameQuotation = (flag: (typeof flags)[number], label: (typeof positives)[number]) =>
  flag.in === label.in && overlaps(flag.quotation, label);
const quotationTruePositives = positives.filter((label) => flags.some((flag) => sameQuotation(flag, label))).length;
const correctFlags = flags.filter((flag) => positives.some((label) => sameQuotation(flag, label))).length;

// Discrepancy finder: a labelled discrepancy is found when one reported group has the wordings of at least
// two of its sources; a reported group is right when it matches a labelled discrepancy.
const found = sourceDiscrepancies(index);
const matches = (group: (typeof found)[number], label: (typeof seedEval.discrepancies)[number]) =>
  group.kind === label.kind &&
  label.values.filter((value) =>
    group.wordings.some(
      (wording) => wording.sourceId === value.source && overlaps(wording.fact, locate(value.source, value.wording)),
    ),
  ).length >= 2;
const firm = seedEval.discrepancies.filter((label) => label.confidence !== "low");
const recalled = firm.filter((label) => found.some((group) => matches(group, label))).length;
const rightGroups = found.filter((group) => seedEval.discrepancies.some((label) => matches(group, label))).length;
const flaggedAgreements = seedEval.agreements.filter((label) => found.some((group) => matches(group, label))).length;

const percent = (value: number) => value.toFixed(2);
console.log(`Verification assistant on the seed story (${claims} claims, ${seedSources.length} sources)\n`);
console.log("| measure | value |\n|---|---|");
console.log(`| suggestions recall@3 (hits in top 3 ÷ min(3, relevant)) | ${percent(recallSum / claims)} |`);
console.log(`| suggestions recall@3, direct passages only | ${percent(directRecallSum / claims)} |`);
console.log(`| suggestions MRR | ${percent(reciprocalSum / claims)} |`);
console.log(
  `| quotation checker precision (${correctFlags}/${flags.length} flags) | ${percent(flags.length ? correctFlags / flags.length : 1)} |`,
);
console.log(
  `| quotation checker recall (${quotationTruePositives}/${positives.length} misquotes) | ${percent(quotationTruePositives / positives.length)} |`,
);
console.log(
  `| discrepancy finder precision (${rightGroups}/${found.length} findings) | ${percent(found.length ? rightGroups / found.length : 1)} |`,
);
console.log(
  `| discrepancy finder recall, firm labels (${recalled}/${firm.length}) | ${percent(recalled / firm.length)} |`,
);
console.log(`| agreements wrongly reported as discrepancies | ${flaggedAgreements}/${seedEval.agreements.length} |`);
if (misses.length > 0)
  console.log(`\nClaims with fewer than min(3, relevant) labelled passages in their top 3: ${misses.join(", ")}`);

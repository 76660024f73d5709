// Quality of the verification assistant on two hand-labelled stories: `npm run eval`.
// The seed story (tests/fixtures/assistant/seed-eval.json) is the one the engine was tuned on; the Calder story
// (tests/fixtures/assistant/calder-blast/) was written for evaluation and is never tuned on. For each it prints
// recall@3 and MRR of the evidence suggestions, globally and per outlet (with the word vectors the workspace
// uses, and against BM25 alone), precision/recall of the claim proposals
// (tests/fixtures/assistant/claim-proposals.json), of the quotation checker and of the discrepancy finder.
import { sourceDiscrepancies } from "@/lib/assistant/discrepancies";
import { bestPassagePerSource, buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import { proposeClaims } from "@/lib/assistant/proposals";
import { checkSourceQuotations } from "@/lib/assistant/quotations";
import { decodeWordVectors, type WordVectors } from "@/lib/assistant/word-vectors";
import { existsSync, readFileSync } from "node:fs";
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

/** The word vectors the workspace's worker fetches (npm run assistant:vectors derives them at install). */
const wordVectorFile = new URL("../public/assistant/word-vectors.bin", import.meta.url);
const wordVectors = existsSync(wordVectorFile) ? decodeWordVectors(readFileSync(wordVectorFile)) : null;
if (!wordVectors) console.log("No word vectors (run npm run assistant:vectors): the assistant ranks by BM25 alone.\n");

function evaluate(story: LabelledStory, vectors: WordVectors | null = wordVectors): StoryScores {
  const locate = (source: string, words: string) => locateIn(story, source, words);
  const index = buildEvidenceIndex(story.sources, { vectors });
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
const scores = stories.map((story) => evaluate(story));
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

// The engine as the workspace runs it (with word vectors) against BM25 alone, in the same run.
if (wordVectors) {
  const alone = stories.map((story) => evaluate(story, null));
  const pair = (measure: string, cell: (score: StoryScores) => string) =>
    console.log(
      `| ${measure} | ${stories.map((_, at) => `${cell(alone[at] as StoryScores)} → ${cell(scores[at] as StoryScores)}`).join(" | ")} |`,
    );
  console.log(
    `\nSemantic matching (${wordVectors.rows.size} words × ${wordVectors.dimensions}): BM25 alone → with word vectors\n`,
  );
  console.log(`| measure | ${stories.map((story) => story.name).join(" | ")} |`);
  console.log(`|---|${stories.map(() => "---").join("|")}|`);
  pair("suggestions recall@3", (score) => figure(score.recallAt3));
  pair("suggestions recall@3, direct passages only", (score) => figure(score.directRecallAt3));
  pair("suggestions MRR", (score) => figure(score.mrr));
  pair("per outlet: recall@3 within each supporting source", (score) => figure(score.outletRecallAt3));
  pair("per outlet: lowest outlet's recall@3", (score) =>
    figure(Math.min(...[...score.perOutlet.values()].map((tally) => ratio(tally.top3, tally.pairs)))),
  );
  pair("per outlet: the source's best passage is a labelled one", (score) => figure(score.outletBestRight));
  pair(
    "per-source panel: supporting sources shown a labelled passage / a wrong one / nothing close",
    ({ panel }) => `${panel.shownRight}/${panel.shownWrong}/${panel.missed}`,
  );
  pair(
    "per-source panel: sources with no support shown nothing close / a passage",
    ({ panel }) => `${panel.silentRight}/${panel.silentWrong}`,
  );
}

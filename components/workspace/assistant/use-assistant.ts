"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { placeClaims } from "@/components/workspace/claims/use-claims";
import type { SummaryHighlights } from "@/components/workspace/summary/summary-highlights";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import type { AssistInput, StoryAssistance } from "@/lib/assistant/assistance";
import { dismissalsMap, dismissFlag, readDismissals, restoreFlag, type Dismissal } from "@/lib/assistant/dismissals";
import { unclaimedProposals, type ClaimProposal } from "@/lib/assistant/proposals-claimed";
import type { AssistantSource } from "@/lib/assistant/sources";
import type { Actor } from "@/lib/claims/story-claims";
import { biasLabelSchema } from "@/lib/import/bias-label";
import { claimSnapshot } from "@/lib/review/claim-hash";
import { sourceLabel } from "@/lib/sources/source-label";
import { summaryText } from "@/lib/story-doc/summary";
import type { AssistantReply, AssistantRequest } from "./assistant-worker-protocol";

/** How long the draft must stay unchanged before the assistant reads it again, so typing stays smooth. */
const RECOMPUTE_DELAY_MS = 200;

/** The assistant of a story's workspace, live. */
export interface AssistantView {
  /** "loading" while the engine loads and reads the sources; "failed" when it could not be loaded. */
  status: "loading" | "ready" | "failed";
  /** What the assistant says about the draft, or null until it has read it once with the current sources. */
  assistance: StoryAssistance | null;
  /** Inline marks for the summary: citation-needed and quotation flags that nobody dismissed, and proposals shown. */
  highlights: SummaryHighlights | null;
  dismissals: Map<string, Dismissal>;
  /** Dismisses a flag for everyone, with a reason kept in the document. */
  dismiss: (flagId: string, reason: string) => void;
  restore: (flagId: string) => void;
  /** Whether the assistant proposes claims (after "Propose claims"), again on every change of the draft. */
  proposing: boolean;
  /** The latest claim proposals and the summary text they were measured in; null until the first answer. */
  proposals: { summary: string; items: ClaimProposal[] } | null;
  /** Starts or stops proposing claims. */
  setProposing: (on: boolean) => void;
}

/** The sources as the engine reads them (not those hidden from the workspace), from the server's list. */
function assistantSourcesOf(sources: readonly WorkspaceSource[]): AssistantSource[] {
  return sources
    .filter((source) => !source.hidden)
    .map((source) => ({
      id: source.id,
      outlet: sourceLabel(source),
      biasLabel: biasLabelSchema.catch("unknown").parse(source.biasLabel),
      publishedAt: source.publishedAt,
      text: source.text,
    }));
}

/** The draft as the assistant reads it: the summary's plain text and every claim with its span and quotes. */
function assistInput(doc: Y.Doc): AssistInput {
  return {
    summary: summaryText(doc).plain,
    // A claim as a reviewer sees it (its words and quotes) and where its words lie. Quotes a source correction
    // left unsettled (lost, or to re-verify) support nothing until someone settles them.
    claims: placeClaims(doc).map((claim) => ({
      id: claim.id,
      ...claimSnapshot({ ...claim, quotes: claim.quotes.filter((quote) => !quote.correction) }, claim.span),
      span: claim.span ? { start: claim.span.start, end: claim.span.end } : null,
    })),
  };
}

/**
 * The verification assistant for a story's live draft. The engine (wink-nlp and its English model) runs in a
 * Web Worker (./assistant.worker.ts), so it stays out of the workspace's first load and never blocks typing; it
 * indexes the sources once per set of source texts (again when a source is added or corrected) and reads the
 * draft again RECOMPUTE_DELAY_MS after the last change of the document. Dismissals are read live from the
 * document.
 */
export function useAssistant(doc: Y.Doc | null, sources: readonly WorkspaceSource[], actor: Actor): AssistantView {
  // The server passes a new array on every refresh; the engine is rebuilt only when what it reads changes.
  const signature = JSON.stringify(assistantSourcesOf(sources));
  const assistantSources = useMemo(() => JSON.parse(signature) as AssistantSource[], [signature]);
  const generations = useRef(0);

  // One worker per workspace, created with the first document; it indexes each new set of sources (a
  // generation) and reads the draft on request.
  const workerRef = useRef<Worker | null>(null);
  useEffect(() => () => workerRef.current?.terminate(), []);
  const [failed, setFailed] = useState(false);
  // Read by the worker effect on each read, so turning proposals on does not index the sources again.
  const proposingRef = useRef(false);
  const readNow = useRef<(() => void) | null>(null);
  const [proposing, setProposingState] = useState(false);
  const [proposals, setProposals] = useState<{ summary: string; items: ClaimProposal[] } | null>(null);

  const [result, setResult] = useState<{
    sources: AssistantSource[];
    summary: string;
    assistance: StoryAssistance;
  } | null>(null);
  useEffect(() => {
    if (!doc) return;
    const worker = (workerRef.current ??= new Worker(new URL("./assistant.worker.ts", import.meta.url)));
    generations.current += 1;
    const generation = generations.current;
    let request = 0;
    let ready = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = (message: AssistantRequest) => worker.postMessage(message);
    const read = () => {
      if (!ready) return;
      const input = assistInput(doc);
      send({ type: "assist", generation, request: ++request, input });
      if (proposingRef.current) send({ type: "propose", generation, request, summary: input.summary });
    };
    readNow.current = read;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(read, RECOMPUTE_DELAY_MS);
    };
    const onFailure = () => setFailed(true);
    const onReply = (event: MessageEvent<AssistantReply>) => {
      const reply = event.data;
      if (reply.generation !== generation) return;
      if (reply.type === "failed") setFailed(true);
      else if (reply.type === "ready") {
        ready = true;
        read();
      } else if (reply.type === "proposals") {
        if (reply.request === request) {
          // What is a claim already is neither listed nor marked.
          const claimed = placeClaims(doc).flatMap((claim) => (claim.span ? [claim.span] : []));
          setProposals({ summary: reply.summary, items: unclaimedProposals(reply.proposals, claimed) });
        }
      } else if (reply.request === request) {
        // Only the answer to the latest read counts: an older one describes a draft that has changed since.
        setResult({ sources: assistantSources, summary: reply.summary, assistance: reply.assistance });
      }
    };
    worker.addEventListener("message", onReply);
    worker.addEventListener("error", onFailure);
    send({ type: "sources", generation, sources: assistantSources });
    doc.on("update", schedule);
    return () => {
      worker.removeEventListener("message", onReply);
      worker.removeEventListener("error", onFailure);
      doc.off("update", schedule);
      clearTimeout(timer);
    };
  }, [doc, assistantSources]);
  const current = result?.sources === assistantSources ? result : null;

  const [dismissals, setDismissals] = useState<Map<string, Dismissal>>(new Map());
  useEffect(() => {
    if (!doc) return;
    const map = dismissalsMap(doc);
    const update = () => setDismissals(readDismissals(doc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);

  const shownProposals = proposing ? proposals : null;
  const highlights = useMemo<SummaryHighlights | null>(() => {
    if (!current) return null;
    // Proposals measured on the text the flags were: both answer the same read of the draft.
    const proposed = shownProposals?.summary === current.summary ? shownProposals.items : [];
    return {
      summary: current.summary,
      highlights: [
        ...proposed.map((proposal) => ({
          flagId: proposal.id,
          kind: "proposal" as const,
          start: proposal.start,
          end: proposal.end,
          description: "Proposed claim",
        })),
        ...current.assistance.flags.flatMap((flag) =>
          // Claim-level advice lives in the assistant panel; the summary marks what needs a source.
          flag.summaryRange && (flag.kind === "citation_needed" || flag.kind === "misquote") && !dismissals.has(flag.id)
            ? [
                {
                  flagId: flag.id,
                  kind: flag.kind,
                  ...flag.summaryRange,
                  description: flag.kind === "citation_needed" ? "Citation needed: no claim with evidence" : flag.title,
                },
              ]
            : [],
        ),
      ],
    };
  }, [current, dismissals, shownProposals]);

  const { id: actorId, name: actorName } = actor;
  const dismiss = useCallback(
    (flagId: string, reason: string) => {
      if (doc) dismissFlag(doc, flagId, { reason, by: { id: actorId, name: actorName }, at: new Date().toISOString() });
    },
    [doc, actorId, actorName],
  );
  const restore = useCallback((flagId: string) => doc && restoreFlag(doc, flagId), [doc]);
  const setProposing = useCallback((on: boolean) => {
    proposingRef.current = on;
    setProposingState(on);
    if (on) readNow.current?.();
    else setProposals(null);
  }, []);

  return {
    status: current ? "ready" : failed ? "failed" : "loading",
    assistance: current?.assistance ?? null,
    highlights,
    dismissals,
    dismiss,
    restore,
    proposing,
    proposals: shownProposals,
    setProposing,
  };
}

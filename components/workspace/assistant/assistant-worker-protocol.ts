import type { AssistInput, StoryAssistance } from "@/lib/assistant/assistance";
import type { ClaimProposal } from "@/lib/assistant/proposals-claimed";
import type { AssistantSource } from "@/lib/assistant/sources";

/**
 * Messages between the workspace and its assistant worker. A generation numbers each set of sources: the
 * worker indexes the latest set, and answers for an older one are dropped on either side. "propose" asks for
 * the claim proposals of a summary (they need no sources; the worker answers whatever it has indexed).
 */
export type AssistantRequest =
  | { type: "sources"; generation: number; sources: AssistantSource[] }
  | { type: "assist"; generation: number; request: number; input: AssistInput }
  | { type: "propose"; generation: number; request: number; summary: string };

export type AssistantReply =
  /** semantic: the worker matches claim words by meaning too (it has the word vectors). */
  | { type: "ready"; generation: number; semantic: boolean }
  | { type: "assistance"; generation: number; request: number; summary: string; assistance: StoryAssistance }
  | { type: "proposals"; generation: number; request: number; summary: string; proposals: ClaimProposal[] }
  | { type: "failed"; generation: number; message: string };

import type { AssistInput, StoryAssistance } from "@/lib/assistant/assistance";
import type { AssistantSource } from "@/lib/assistant/sources";

/**
 * Messages between the workspace and its assistant worker. A generation numbers each set of sources: the
 * worker indexes the latest set, and answers for an older one are dropped on either side.
 */
export type AssistantRequest =
  | { type: "sources"; generation: number; sources: AssistantSource[] }
  | { type: "assist"; generation: number; request: number; input: AssistInput };

export type AssistantReply =
  | { type: "ready"; generation: number }
  | { type: "assistance"; generation: number; request: number; summary: string; assistance: StoryAssistance }
  | { type: "failed"; generation: number; message: string };

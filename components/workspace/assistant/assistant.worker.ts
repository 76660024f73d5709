/// <reference lib="webworker" />
import { createAssistant, type Assistant } from "@/lib/assistant/assistant";
import { proposeClaims } from "@/lib/assistant/proposals";
import type { AssistantReply, AssistantRequest } from "./assistant-worker-protocol";

// The verification assistant off the main thread: indexing a story's sources (about 0.3 s for the demo
// story, 0.8 s for ten long sources) and reading the draft must not freeze typing in the workspace.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { generation: number; assistant: Assistant } | null = null;

function reply(message: AssistantReply): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<AssistantRequest>) => {
  const message = event.data;
  try {
    if (message.type === "sources") {
      current = { generation: message.generation, assistant: createAssistant(message.sources) };
      reply({ type: "ready", generation: message.generation });
    } else if (message.type === "propose") {
      reply({ ...message, type: "proposals", proposals: proposeClaims(message.summary) });
    } else if (current && message.generation === current.generation) {
      const assistance = current.assistant.assist(message.input);
      reply({
        type: "assistance",
        generation: message.generation,
        request: message.request,
        summary: message.input.summary,
        assistance,
      });
    }
  } catch (error) {
    reply({
      type: "failed",
      generation: message.generation,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};

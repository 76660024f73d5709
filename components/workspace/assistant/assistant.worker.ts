/// <reference lib="webworker" />
import { createAssistant, type Assistant } from "@/lib/assistant/assistant";
import { proposeClaims } from "@/lib/assistant/proposals";
import { decodeWordVectors, type WordVectors } from "@/lib/assistant/word-vectors";
import type { AssistantReply, AssistantRequest } from "./assistant-worker-protocol";

// The verification assistant off the main thread: indexing a story's sources (about 0.3 s for the demo
// story, 0.8 s for ten long sources) and reading the draft must not freeze typing in the workspace.
const scope = self as unknown as DedicatedWorkerGlobalScope;
let current: { generation: number; assistant: Assistant } | null = null;

/** Where the app serves the word vectors that scripts/prune-word-vectors.ts derives at install. */
const WORD_VECTORS_URL = "/assistant/word-vectors.bin";

// Fetched once, as the worker starts; without them (not derived, or unreachable) the assistant ranks by BM25 alone.
const vectors: Promise<WordVectors | null> = fetch(WORD_VECTORS_URL)
  .then(async (response) => (response.ok ? decodeWordVectors(await response.arrayBuffer()) : null))
  .catch(() => null);

function reply(message: AssistantReply): void {
  scope.postMessage(message);
}

async function handle(message: AssistantRequest): Promise<void> {
  try {
    if (message.type === "sources") {
      const assistant = createAssistant(message.sources, { vectors: await vectors });
      current = { generation: message.generation, assistant };
      reply({ type: "ready", generation: message.generation, semantic: assistant.index.semantic !== null });
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
}

// Messages are handled in the order they came: an "assist" waits for the "sources" before it (and so for the
// word vectors).
let queue = Promise.resolve();
scope.onmessage = (event: MessageEvent<AssistantRequest>) => {
  queue = queue.then(() => handle(event.data));
};

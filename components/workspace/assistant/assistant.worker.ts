/// <reference lib="webworker" />
import { createAssistant, type Assistant } from "@/lib/assistant/assistant";
import { proposeClaims } from "@/lib/assistant/proposals";
import type { AssistantSource } from "@/lib/assistant/sources";
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
/**
 * How long a story's sources wait for the word vectors (5 MB) before the assistant starts on BM25 alone: on a slow
 * link it is built again with them once they arrive, and says it is ready again.
 */
const VECTORS_WAIT_MS = 3_000;
const STILL_LOADING = Symbol("still loading");

function reply(message: AssistantReply): void {
  scope.postMessage(message);
}

function build(generation: number, sources: AssistantSource[], wordVectors: WordVectors | null): void {
  const assistant = createAssistant(sources, { vectors: wordVectors });
  current = { generation, assistant };
  reply({ type: "ready", generation, semantic: assistant.index.semantic !== null });
}

async function handle(message: AssistantRequest): Promise<void> {
  try {
    if (message.type === "sources") {
      const { generation, sources } = message;
      const loaded = await Promise.race([
        vectors,
        new Promise<typeof STILL_LOADING>((resolve) => setTimeout(() => resolve(STILL_LOADING), VECTORS_WAIT_MS)),
      ]);
      build(generation, sources, loaded === STILL_LOADING ? null : loaded);
      if (loaded === STILL_LOADING)
        void vectors.then((arrived) => {
          if (arrived)
            enqueue(async () => void (current?.generation === generation && build(generation, sources, arrived)));
        });
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
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task).catch(() => undefined);
}
scope.onmessage = (event: MessageEvent<AssistantRequest>) => enqueue(() => handle(event.data));

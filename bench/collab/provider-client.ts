// The stock y-websocket client as the workspace uses it (components/workspace/use-story-collab.ts and the caret), in Node,
// with the bytes its socket receives counted by message type.
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CARETS_PARAMETER, readCaretsWith } from "../../lib/collab/caret-messages";
import { userColor } from "../../lib/presence/user-color";

/** Bytes and frames a socket received, by y-websocket message type (0 sync, 1 awareness). */
export class ByteCounter {
  bytes = 0;
  frames = 0;
  readonly byType = new Map<number, { bytes: number; frames: number }>();

  add(frame: ArrayBuffer | Buffer): void {
    const bytes = frame.byteLength;
    const type = (frame instanceof ArrayBuffer ? new Uint8Array(frame)[0] : frame[0]) ?? -1;
    this.bytes += bytes;
    this.frames += 1;
    const entry = this.byType.get(type) ?? { bytes: 0, frames: 0 };
    entry.bytes += bytes;
    entry.frames += 1;
    this.byType.set(type, entry);
  }

  reset(): void {
    this.bytes = 0;
    this.frames = 0;
    this.byType.clear();
  }
}

/** A `ws` WebSocket class for the provider that counts what this one socket receives into `counter`. */
function countingWebSocket(counter: ByteCounter): typeof globalThis.WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { perMessageDeflate: false });
      this.on("message", (data: ArrayBuffer | Buffer) => counter.add(data));
    }
  }
  return CountingWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  received: ByteCounter;
  /** Resolves when the provider has synced; rejects when the server closes the socket first. */
  synced: Promise<void>;
  /** How the server closed the socket, when it did. */
  closed: { code: number; reason: string } | null;
  destroy(): void;
}

/**
 * Opens a story as the workspace does: the stock provider with the token in the URL, reading carets
 * (lib/collab/caret-messages.ts; the stock server never sends them), no broadcast channel, no
 * reconnect of its own (tokens are single-use), and the presence the caret extension and the claims panel set
 * (`user` with name and colour, `claim` in view: none).
 */
export function openEditor(
  baseUrl: string,
  storyId: string,
  token: string,
  person: { id: string; name: string },
  doc = new Y.Doc(),
): Editor {
  const received = new ByteCounter();
  let destroyed = false;
  const provider = new WebsocketProvider(baseUrl, storyId, doc, {
    params: { token, ...CARETS_PARAMETER },
    WebSocketPolyfill: countingWebSocket(received),
    disableBc: true,
    connect: false,
    shouldReconnect: () => false,
  });
  readCaretsWith(provider);
  provider.awareness.setLocalStateField("user", { name: person.name, color: userColor(person.id) });
  provider.awareness.setLocalStateField("claim", null);
  const editor: Editor = {
    doc,
    provider,
    received,
    closed: null,
    synced: new Promise<void>((resolve, reject) => {
      if (provider.synced) resolve();
      provider.on("sync", (isSynced: boolean) => {
        if (isSynced) resolve();
      });
      provider.on("connection-close", (event: CloseEvent | null) => {
        if (!event || destroyed) return;
        editor.closed = { code: event.code, reason: event.reason };
        reject(new Error(`the server closed the socket: ${event.code} ${event.reason}`));
      });
    }),
    destroy() {
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
  editor.synced.catch(() => undefined);
  provider.connect();
  return editor;
}

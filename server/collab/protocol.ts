import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** Message types of the y-websocket protocol. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** One y-websocket message from a client, decoded. */
export type ClientMessage =
  | { type: "sync-request"; stateVector: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

/**
 * Decodes one y-websocket frame: a sync step 1 (the client's state vector, asking for what it lacks), a sync
 * step 2 or an update (both carry a Yjs update), an awareness update or an awareness query. Stricter than
 * y-protocols' readSyncMessage, which applies what it reads and lets Yjs log and swallow an update it cannot
 * decode: nothing is applied here, and the update is checked by the caller before it touches a document.
 * @throws Error for an unknown type, truncated bytes or trailing bytes.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  if (type === MESSAGE_SYNC) {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1)
      message = { type: "sync-request", stateVector: decoding.readVarUint8Array(decoder) };
    else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
      message = { type: "update", update: decoding.readVarUint8Array(decoder) };
    } else throw new Error(`unknown sync message type ${syncType}`);
  } else if (type === MESSAGE_AWARENESS) message = { type: "awareness", update: decoding.readVarUint8Array(decoder) };
  else if (type === MESSAGE_QUERY_AWARENESS) message = { type: "query-awareness" };
  else throw new Error(`unknown message type ${type}`);
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the message");
  return message;
}

/** Sync step 1: the server's state vector, so the client sends what the server lacks. */
export function syncRequestMessage(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/**
 * Sync step 2: what the document has that a client with `stateVector` lacks.
 * @throws Error when the state vector is malformed.
 */
export function syncAnswerMessage(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying `update` as it is: what a client that has nothing lacks, when `update` is the whole document. */
export function syncStateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Whether a state vector is a client's that has nothing of the document (no client, no clock). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** An update of the document, for every socket in the room. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update (presence, cursors), as y-protocols' encodeAwarenessUpdate makes it. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

import * as Y from "yjs";
import { CloseCode } from "../../lib/collab/close-codes";
import { checkUpdate } from "../../lib/story-doc/write-policy";
import { Deferral, Refusal, type RoomHook } from "./hooks";

/**
 * The write policy at the room's door: every update a socket sends passes lib/story-doc/write-policy.ts
 * before it touches the room's document (refused: 4400 with the policy's reason), and may not make the
 * document larger than the limit (4413). A socket may add structs only under Yjs client ids that belong to
 * nobody else (Room.ownerOf: the first person to announce or write under an id owns it) and that are not
 * the server's own, so nobody can write under another person's id and make their edits look already applied.
 */
export const documentPolicyHook: RoomHook = {
  beforeUpdate(room, connection, update) {
    const writing = new Set<number>();
    const verdict = checkUpdate(update, {
      doc: room.doc,
      writer: "client",
      mayWriteAs: (clientId) => {
        const owner = room.ownerOf(clientId);
        if (clientId === room.doc.clientID || (owner !== undefined && owner !== connection.user.id)) return false;
        writing.add(clientId);
        return true;
      },
      limits: room.documentLimits,
    });
    if (!verdict.ok) throw new (verdict.missing ? Deferral : Refusal)(CloseCode.BadMessage, verdict.reason);
    const max = room.documentLimits.maxDocumentBytes;
    if (room.approximateBytes + update.length > max) {
      // The bound only grows between stores: measure the real size before refusing.
      room.approximateBytes = Y.encodeStateAsUpdate(room.doc).length;
      if (room.approximateBytes + update.length > max)
        throw new Refusal(CloseCode.DocumentTooLarge, `the story's document would exceed ${max} bytes`);
    }
    for (const clientId of writing) room.claimClientId(clientId, connection.user.id);
  },
};

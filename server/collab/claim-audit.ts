import * as Y from "yjs";
import { CLAIMS_FIELD, claimsMap } from "../../lib/claims/story-claims";
import { claimsTouchedBy, commentsAddedIn, createdIn, stampTransaction } from "../../lib/claims/claim-stamps";
import type { RoomHook } from "./hooks";
import type { Logger } from "./logger";
import type { ClaimActivityKind, Persistence } from "./persistence";
import { SERVER_ORIGIN, type Room } from "./room";

interface ClaimState {
  status: string | null;
  quoteIds: string[];
}

/**
 * Who did what to the claims, from the authenticated socket each change came on (the names in the document
 * are client data). After every transaction of a socket that touched a claim in any way: the authorship
 * stamps in the document (lib/claims/claim-stamps.ts: creators, adders, comment authors, contributors),
 * written before the update is broadcast; and in the database the contributor (ClaimActivity marked, quoted
 * or edited, for the four-eyes rule), a status change and a deletion with what the claim was (AuditEvent), and
 * each new comment with the people it mentions, who are notified: the author is this socket's user, never a
 * name the client wrote.
 */
export function claimAuditHook(persistence: Persistence, log: Logger): RoomHook {
  const states = new WeakMap<Room, Map<string, ClaimState>>();
  const failed = (what: string) => (error: unknown) => log.error(`${what} failed`, error);

  return {
    onLoad(room) {
      const loaded = readClaimStates(room.doc);
      if (loaded.size > 0) states.set(room, loaded);
      // Claims also change other than by this process's sockets (afterUpdate below): as the server (decisions,
      // re-anchoring), and by another process's sockets (relayed, or read back from the log). Keep what the next
      // socket change is compared with, or a status changed there and back here would go unrecorded.
      room.doc.on("afterTransaction", (transaction: Y.Transaction) => {
        if (!room.connectionOf(transaction.origin) && claimsTouchedBy(room.doc, transaction).size > 0)
          states.set(room, readClaimStates(room.doc));
      });
    },
    afterUpdate(room, { user }, transaction) {
      const touched = claimsTouchedBy(room.doc, transaction);
      if (touched.size === 0) return;
      // Read before the stamps: a comment is new when it has no author yet.
      const comments = commentsAddedIn(room.doc, transaction, touched);
      stampTransaction(room.doc, transaction, touched, user, SERVER_ORIGIN);
      for (const { claimId, commentId, body } of comments) {
        persistence
          .recordComment?.({ storyId: room.storyId, claimId, commentId, userId: user.id, body })
          .catch(failed(`recording comment ${commentId} on ${claimId}`));
      }
      const before = states.get(room) ?? new Map<string, ClaimState>();
      const after = readClaimStates(room.doc);
      states.set(room, after);
      const claims = claimsMap(room.doc);
      for (const claimId of touched) {
        const previous = before.get(claimId);
        const now = after.get(claimId);
        if (!now) {
          if (previous) {
            persistence
              .recordClaimDeleted({
                storyId: room.storyId,
                claimId,
                userId: user.id,
                status: previous.status,
                quotes: previous.quoteIds.length,
              })
              .catch(failed(`auditing the deletion of ${claimId}`));
          }
          continue;
        }
        const entry = claims.get(claimId);
        const created = !previous || (entry instanceof Y.Map && createdIn(transaction, entry._item));
        const kinds: ClaimActivityKind[] = [];
        if (created) kinds.push("marked");
        if (now.quoteIds.some((id) => !previous?.quoteIds.includes(id))) kinds.push("quoted");
        if (kinds.length === 0) kinds.push("edited");
        for (const kind of kinds) {
          persistence
            .recordActivity({ storyId: room.storyId, claimId, userId: user.id, kind })
            .catch(failed(`recording ${kind} on ${claimId}`));
        }
        if (previous && previous.status !== now.status) {
          persistence
            .recordStatusChange({
              storyId: room.storyId,
              claimId,
              userId: user.id,
              from: previous.status,
              to: now.status,
            })
            .catch(failed(`auditing a status change of ${claimId}`));
        }
      }
    },
  };
}

/** Each claim's status and quote ids, to say in the audit log what changed or what a deleted claim was. */
function readClaimStates(doc: Y.Doc): Map<string, ClaimState> {
  const states = new Map<string, ClaimState>();
  // A story without claims keeps no claims map (lib/story-doc/schema.ts, StoryDoc): none is defined to read.
  if (!doc.share.has(CLAIMS_FIELD)) return states;
  claimsMap(doc).forEach((entry, claimId) => {
    if (!(entry instanceof Y.Map)) return;
    const status = entry.get("status");
    const quotes = entry.get("quotes");
    const quoteIds =
      quotes instanceof Y.Array
        ? quotes.toArray().map((quote) => {
            const id = (quote as { id?: unknown } | null)?.id;
            return typeof id === "string" ? id : "";
          })
        : [];
    states.set(claimId, { status: typeof status === "string" ? status : null, quoteIds });
  });
  return states;
}

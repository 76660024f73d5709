import type * as Y from "yjs";
import * as z from "zod";

/**
 * The name of the server-written Y.Map of a story's Y.Doc that says to whom each claim is assigned, by claim id.
 * The collaboration server writes it from the recorded assignment (ClaimAssignment, server/claims/assign-claim.ts)
 * so that every open workspace shows it live; a client's write to it is refused (lib/story-doc/write-policy.ts).
 */
export const CLAIM_ASSIGNMENTS_FIELD = "assignments";

const assignmentSchema = z.object({
  assigneeId: z.string().min(1).max(64),
  assigneeName: z.string().min(1).max(200),
});

/** To whom a claim is assigned, as the server recorded it: the person's id and name. */
export type DocumentAssignment = z.infer<typeof assignmentSchema>;

/**
 * The assignment of each claim as the collaboration server last recorded it, by claim id; entries that do not
 * match the schema are ignored.
 */
export function readClaimAssignments(doc: Y.Doc): Map<string, DocumentAssignment> {
  const assignments = new Map<string, DocumentAssignment>();
  doc.getMap<unknown>(CLAIM_ASSIGNMENTS_FIELD).forEach((value, claimId) => {
    const parsed = assignmentSchema.safeParse(value);
    if (parsed.success) assignments.set(claimId, parsed.data);
  });
  return assignments;
}

/**
 * Records a claim's assignee in the document (null: assigned to no one). For the collaboration server only.
 * @example recordClaimAssignment(doc, "claim-1", { assigneeId: "u1", assigneeName: "Rosa Díaz" })
 */
export function recordClaimAssignment(doc: Y.Doc, claimId: string, assignment: DocumentAssignment | null): void {
  const map = doc.getMap<unknown>(CLAIM_ASSIGNMENTS_FIELD);
  if (assignment === null) map.delete(claimId);
  else map.set(claimId, assignmentSchema.parse(assignment));
}

"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readClaimAssignments, type DocumentAssignment } from "@/lib/story-doc/claim-assignments";

/**
 * To whom each claim of a story document is assigned, live, by claim id. The map is written by the collaboration
 * server from the recorded assignment only (a client's write to it closes its socket), so what it shows is the
 * server's.
 */
export function useClaimAssignments(doc: Y.Doc): Map<string, DocumentAssignment> {
  const [assignments, setAssignments] = useState(() => readClaimAssignments(doc));
  useEffect(() => {
    const update = () => setAssignments(readClaimAssignments(doc));
    update();
    doc.on("update", update);
    return () => doc.off("update", update);
  }, [doc]);
  return assignments;
}

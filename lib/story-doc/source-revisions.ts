import type * as Y from "yjs";

/** The name of the Y.Map of a story's Y.Doc that holds the current revision of each source, by source id. */
export const SOURCE_REVISIONS_FIELD = "sourceRevisions";

/**
 * The current revision number of each of the story's sources as the collaboration server last recorded it.
 * Open workspaces watch it to reload a source that was imported or corrected elsewhere. Entries that are not
 * positive integers are ignored.
 */
export function readSourceRevisions(doc: Y.Doc): Map<string, number> {
  const revisions = new Map<string, number>();
  doc.getMap<unknown>(SOURCE_REVISIONS_FIELD).forEach((value, key) => {
    if (typeof value === "number" && Number.isInteger(value) && value > 0) revisions.set(key, value);
  });
  return revisions;
}

/**
 * Records that a source now has the given revision. A lower number than the one recorded is ignored, so a
 * late or repeated notice never moves a source back.
 * @returns whether the revision is new to the document.
 */
export function recordSourceRevision(doc: Y.Doc, sourceId: string, revision: number): boolean {
  const revisions = doc.getMap<unknown>(SOURCE_REVISIONS_FIELD);
  const recorded = readSourceRevisions(doc).get(sourceId) ?? 0;
  if (revision <= recorded) return false;
  revisions.set(sourceId, revision);
  return true;
}

import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ZodError } from "zod";
import { createAssistant } from "@/lib/assistant/assistant";
import { ASSISTANT_DISMISSALS_FIELD, dismissFlag, readDismissals, restoreFlag } from "@/lib/assistant/dismissals";
import { seedSources } from "../../../fixtures/assistant/seed-story";

const MAYA = { id: "u-maya", name: "Maya Chen" };
const AT = "2026-11-23T10:00:00.000Z";
// A real flag of the seed story: the sources give three different times for the earlier text-only videos.
const timeFlag = createAssistant(seedSources)
  .assist({ summary: "", claims: [] })
  .flags.find((flag) => flag.kind === "source_discrepancy" && flag.title.startsWith("Sources give different times"));
const flagId = timeFlag?.id ?? "";

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe("dismissals", () => {
  it("keeps a dismissal with its trimmed reason in the document, for every copy of it, until it is restored", () => {
    expect(flagId).toMatch(/^source_discrepancy:001:[0-9a-f]{12}$/);
    const maya = new Y.Doc();
    const tom = new Y.Doc();
    dismissFlag(maya, flagId, { reason: "  The summary gives no date for the earlier videos.  ", by: MAYA, at: AT });
    sync(maya, tom);
    expect(readDismissals(tom)).toEqual(
      new Map([[flagId, { reason: "The summary gives no date for the earlier videos.", by: MAYA, at: AT }]]),
    );
    restoreFlag(tom, flagId);
    sync(tom, maya);
    expect(readDismissals(maya).size).toBe(0);
  });

  it("refuses an empty or overlong reason and a malformed flag id, writing nothing", () => {
    const doc = new Y.Doc();
    expect(() => dismissFlag(doc, flagId, { reason: "   ", by: MAYA, at: AT })).toThrow(ZodError);
    expect(() => dismissFlag(doc, flagId, { reason: "x".repeat(501), by: MAYA, at: AT })).toThrow(ZodError);
    expect(() => dismissFlag(doc, "<img src=x>", { reason: "fine", by: MAYA, at: AT })).toThrow(ZodError);
    expect(() => dismissFlag(doc, flagId, { reason: "fine", by: MAYA, at: "yesterday" })).toThrow(ZodError);
    expect(doc.getMap(ASSISTANT_DISMISSALS_FIELD).size).toBe(0);
    dismissFlag(doc, flagId, { reason: "x".repeat(500), by: MAYA, at: AT });
    expect(readDismissals(doc).get(flagId)?.reason).toHaveLength(500);
  });

  it("drops hostile entries written straight into the map by another client", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(ASSISTANT_DISMISSALS_FIELD);
    map.set(flagId, { reason: "", by: MAYA, at: AT });
    map.set("citation_needed:story:0123456789ab", { reason: "ok", by: { id: "u-maya" }, at: AT });
    map.set("single_source:c1:0123456789ab", "dismissed");
    map.set("one sided <script>", { reason: "ok", by: MAYA, at: AT });
    map.set("misquote:c1:0123456789ab", {
      reason: "Checked with the NBC transcript",
      by: MAYA,
      at: AT,
      extra: "ignored",
    });
    expect(readDismissals(doc)).toEqual(
      new Map([["misquote:c1:0123456789ab", { reason: "Checked with the NBC transcript", by: MAYA, at: AT }]]),
    );
  });
});

import { describe, expect, it } from "vitest";
import { createAssistant } from "@/lib/assistant/assistant";
import { FLAG_KIND_TEXT, FLAG_KINDS } from "@/lib/assistant/flags/flag-kinds";
import { demoSources, demoSummary } from "../../../fixtures/assistant/seed-story";

describe("flag kinds", () => {
  it("gives every kind an id, a wording and where its flags belong, with no id twice", () => {
    for (const kind of FLAG_KINDS) {
      expect(kind.id).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(kind.label.trim()).not.toBe("");
      expect(kind.scopes.length).toBeGreaterThan(0);
      for (const scope of kind.scopes) expect(["claim", "story"]).toContain(scope);
    }
    const ids = FLAG_KINDS.map((kind) => kind.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the wording the workspace shows for each kind", () => {
    expect(FLAG_KIND_TEXT).toEqual({
      misquote: "Quotation not in sources",
      claim_discrepancy: "Differs from its quotes",
      single_source: "Single source",
      one_sided: "One-sided",
      citation_needed: "Citation needed",
      attribution_drift: "Attribution dropped",
      source_misquote: "Sources quote differently",
      source_discrepancy: "Sources disagree",
    });
  });

  it("raises flags only of listed kinds, each where its kind says it belongs", () => {
    const text = demoSources.find((source) => source.id === "card-2")?.text ?? "";
    const start = demoSummary.indexOf(".") + 1;
    const summary = `${demoSummary} An official said “we always have an open door for them.”`;
    const { flags } = createAssistant(demoSources).assist({
      summary,
      claims: [
        {
          id: "c1",
          text: summary.slice(0, start),
          span: { start: 0, end: start },
          quotes: [{ id: "q1", sourceId: "card-2", exact: text.slice(0, 40), start: 0, end: 40, stance: "supports" }],
        },
      ],
    });
    const kinds = new Map(FLAG_KINDS.map((kind) => [kind.id as string, kind]));
    expect(new Set(flags.map((flag) => flag.kind))).toEqual(
      new Set(["single_source", "citation_needed", "misquote", "source_misquote", "source_discrepancy"]),
    );
    for (const flag of flags) {
      expect(flag.id.startsWith(`${flag.kind}:`)).toBe(true);
      expect(kinds.get(flag.kind)?.scopes).toContain(flag.claimId === null ? "story" : "claim");
    }
  });
});

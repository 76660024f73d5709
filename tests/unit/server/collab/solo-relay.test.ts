import { describe, expect, it } from "vitest";
import { createSoloRelay } from "@/server/collab/relay";

describe("createSoloRelay: who owns each Yjs client id, for a process alone", () => {
  it("keeps the first claim of a client id, per story", async () => {
    const relay = createSoloRelay();
    relay.claim("story-1", 7, "maya");
    relay.claim("story-1", 7, "tom");
    relay.claim("story-2", 7, "tom");
    expect(await relay.owners("story-1")).toEqual([[7, "maya"]]);
    expect(await relay.owners("story-2")).toEqual([[7, "tom"]]);
    expect(await relay.owners("story-3")).toEqual([]);
  });

  it("keeps a story's latest 1,000 client ids (each page load is a new one), the oldest forgotten first", async () => {
    const relay = createSoloRelay();
    for (let clientId = 1; clientId <= 1_001; clientId++) relay.claim("story-1", clientId, "maya");
    const owners = await relay.owners("story-1");
    expect(owners).toHaveLength(1_000);
    expect(owners[0]).toEqual([2, "maya"]);
    expect(owners.at(-1)).toEqual([1_001, "maya"]);
  });

  it("keeps 100,000 client ids in all, forgetting the least recently claimed story first", async () => {
    const relay = createSoloRelay();
    for (let story = 0; story <= 100; story++)
      for (let clientId = 0; clientId < 1_000; clientId++) relay.claim(`story-${story}`, clientId, "maya");
    expect(await relay.owners("story-0")).toEqual([]);
    expect(await relay.owners("story-1")).toHaveLength(1_000);
    expect(await relay.owners("story-100")).toHaveLength(1_000);
  });
});

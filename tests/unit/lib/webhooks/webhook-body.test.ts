import { describe, expect, it } from "vitest";
import { auditColumns } from "@/lib/audit/audit-events";
import { webhookBody, type WebhookEvent } from "@/lib/webhooks/webhook-body";

const event: WebhookEvent = {
  id: "e1",
  at: new Date("2026-11-30T07:00:00Z"),
  actor: { id: "u4", name: "Rosa Lindqvist" },
  story: { id: "s1", title: "CIA <videos> & China", slug: "cia-videos" },
  ...auditColumns({
    action: "claim.rejected",
    subject: "claim-1",
    reason: "One video only.",
    data: { text: "The CIA released two videos.", verdict: null, claimHash: "0".repeat(64) },
  }),
};

describe("webhook bodies", () => {
  it("writes the event as JSON with its data, the actor, the story and a sentence", () => {
    expect(JSON.parse(webhookBody(event, "json", "https://news.example/"))).toEqual({
      id: "e1",
      type: "claim.rejected",
      createdAt: "2026-11-30T07:00:00.000Z",
      text: "Rosa Lindqvist rejected a claim in “CIA <videos> & China”: One video only.",
      actor: { id: "u4", name: "Rosa Lindqvist" },
      story: {
        id: "s1",
        title: "CIA <videos> & China",
        slug: "cia-videos",
        url: "https://news.example/stories/cia-videos/edit",
      },
      subject: "claim-1",
      reason: "One video only.",
      data: { text: "The CIA released two videos.", verdict: null, claimHash: "0".repeat(64) },
    });
  });

  it("writes a Slack-compatible message with the people's text escaped and a link to the story", () => {
    expect(JSON.parse(webhookBody(event, "slack", "https://news.example"))).toEqual({
      text: "Rosa Lindqvist rejected a claim in “CIA &lt;videos&gt; &amp; China”: One video only. <https://news.example/stories/cia-videos/edit|Open>",
    });
  });
});

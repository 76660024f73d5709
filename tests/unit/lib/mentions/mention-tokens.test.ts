import { describe, expect, it } from "vitest";
import {
  commentPieces,
  encodeMentions,
  MAX_MENTIONS,
  mentionedIds,
  mentionQueryAt,
  mentionToken,
} from "@/lib/mentions/mention-tokens";

describe("mention tokens", () => {
  it("stores a mention as the person's id and reads each id once, in order", () => {
    expect(mentionToken("cm1rosa")).toBe("<@cm1rosa>");
    expect(mentionedIds("<@u1> and <@u2>, see <@u1>")).toEqual(["u1", "u2"]);
    expect(mentionedIds("mail rosa@example.org or <@not an id> or <@>")).toEqual([]);
    const many = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => mentionToken(`u${i}`)).join(" ");
    expect(mentionedIds(many)).toHaveLength(MAX_MENTIONS);
  });

  it("splits a body into text and mentions, keeping every character of the text", () => {
    expect(commentPieces("Ask <@u2>.")).toEqual([{ text: "Ask " }, { personId: "u2" }, { text: "." }]);
    expect(commentPieces("<@u1><@u2>")).toEqual([{ personId: "u1" }, { personId: "u2" }]);
    expect(commentPieces("<b>no HTML</b>")).toEqual([{ text: "<b>no HTML</b>" }]);
  });

  it("turns the names a person picked into tokens, longest first, and leaves typed names as text", () => {
    const picked = [
      { id: "u2", name: "Rosa" },
      { id: "u3", name: "Rosa Díaz" },
    ];
    expect(encodeMentions("@Rosa Díaz and @Rosa, not @Tom", picked)).toBe("<@u3> and <@u2>, not @Tom");
  });

  it("finds the mention being typed at the caret", () => {
    expect(mentionQueryAt("Ask @ro", 7)).toEqual({ start: 4, query: "ro" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("Ask @Rosa Dí", 12)).toEqual({ start: 4, query: "Rosa Dí" });
    expect(mentionQueryAt("rosa@example", 12)).toBeNull();
    expect(mentionQueryAt("Ask @ro\nnext", 12)).toBeNull();
    expect(mentionQueryAt("no mention", 10)).toBeNull();
  });
});

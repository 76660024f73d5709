import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { withStaticChildren } from "@/server/reader/static-markup";

type Rendered = { type: string; props: Record<string, unknown> & { dangerouslySetInnerHTML?: { __html: string } } };

describe("withStaticChildren", () => {
  it("keeps the element and its props, and sets its children as React's static HTML", () => {
    const Quote = ({ words }: { words: string }) => createElement("mark", { className: "bg-yellow-100" }, words);
    const element = withStaticChildren(
      createElement(
        "ol",
        { className: "space-y-6", "data-testid": "evidence-list" },
        createElement("li", { key: "a", "data-claim-number": 1 }, createElement(Quote, { words: "two videos" })),
        createElement("li", { key: "b", dir: "auto", "data-published": true }, "Mandarin", " ", "videos"),
      ),
    ) as unknown as Rendered;
    expect(element.type).toBe("ol");
    expect(element.props.className).toBe("space-y-6");
    expect(element.props["data-testid"]).toBe("evidence-list");
    expect(element.props.children).toBeUndefined();
    expect(element.props.dangerouslySetInnerHTML?.__html).toBe(
      '<li data-claim-number="1"><mark class="bg-yellow-100">two videos</mark></li>' +
        '<li dir="auto" data-published="true">Mandarin videos</li>',
    );
  });

  it("escapes published words and refuses a javascript: link, as React does on any page", () => {
    const hostile = `</li><script>alert(1)</script><img src=x onerror="alert(2)"> & 'quotes'`;
    const html = (
      withStaticChildren(
        createElement(
          "div",
          null,
          createElement("p", { title: hostile }, hostile),
          createElement("a", { href: "javascript:alert(3)" }, "source"),
        ),
      ) as unknown as Rendered
    ).props.dangerouslySetInnerHTML!.__html;
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("alert(3)");
    expect(html).toContain("&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(
      'title="&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;',
    );
  });
});

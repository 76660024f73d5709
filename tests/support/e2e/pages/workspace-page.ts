import { expect, type Locator, type Page } from "@playwright/test";

/** What a test reads of the Tiptap editor that Tiptap hangs on its element. */
interface EditorHandle {
  state: { selection: { empty: boolean; from: number }; doc: { content: { size: number } } };
}

/** A story's live workspace. */
export class WorkspacePage {
  readonly editor: Locator;
  readonly presence: Locator;
  readonly status: Locator;
  readonly claims: Locator;
  readonly highlights: Locator;
  readonly sourceText: Locator;
  readonly evidenceForm: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId("summary-editor");
    this.presence = page.getByTestId("presence-list");
    this.status = page.getByTestId("connection-status");
    this.claims = page.getByTestId("claim-card");
    this.highlights = this.editor.locator(".claim-highlight");
    this.sourceText = page.getByTestId("source-text");
    this.evidenceForm = page.getByTestId("evidence-form");
  }

  /** A claim card by the words it covers. */
  claim(words: string): Locator {
    return this.claims.filter({ has: this.page.getByTestId("claim-text").filter({ hasText: words }) });
  }

  /** The text the claim highlights cover in the editor, joined (collaborators' caret labels left out). */
  highlightedText(): Promise<string> {
    return this.highlights.evaluateAll((elements) =>
      elements
        .map((element) => {
          const clone = element.cloneNode(true) as HTMLElement;
          for (const caret of clone.querySelectorAll(".collaboration-carets__caret")) caret.remove();
          return clone.textContent ?? "";
        })
        .join(""),
    );
  }

  /**
   * Selects the first occurrence of `text` inside `container` as a user would with the mouse. The text may
   * run over several text nodes (the assistant's inline marks split the summary's text at sentence edges).
   */
  async select(container: Locator, text: string): Promise<void> {
    await container.evaluate((element, wanted) => {
      const nodes: Array<{ node: Text; at: number }> = [];
      let all = "";
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, at: all.length });
        all += node.textContent ?? "";
      }
      const start = all.indexOf(wanted);
      if (start === -1) throw new Error(`text not found: ${wanted}`);
      const end = start + wanted.length;
      const point = (offset: number, edge: "start" | "end") => {
        const found = nodes.find(({ node, at }) =>
          edge === "start" ? at <= offset && offset < at + node.length : at < offset && offset <= at + node.length,
        );
        if (!found) throw new Error(`no text at ${offset}`);
        return [found.node, offset - found.at] as const;
      };
      const range = document.createRange();
      range.setStart(...point(start, "start"));
      range.setEnd(...point(end, "end"));
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }, text);
  }

  /** Marks words of the summary as a claim with the toolbar button. */
  async markClaim(words: string): Promise<void> {
    await this.editor.focus();
    await this.select(this.editor, words);
    await this.page.getByRole("button", { name: "Mark as claim" }).click();
  }

  /** Opens a source in the reader by its outlet (the first whose option names it). */
  async openSource(outlet: string): Promise<void> {
    const select = this.page.getByTestId("source-select");
    const value = await select.locator("option", { hasText: outlet }).first().getAttribute("value");
    await select.selectOption(value ?? "");
  }

  /** Selects a passage of the open source and adds it as evidence to the active claim. */
  async addEvidence(passage: string, stance: "Supports" | "Contradicts" | "Context" = "Supports"): Promise<void> {
    await this.select(this.sourceText, passage);
    await this.evidenceForm.getByLabel(stance).check();
    await this.evidenceForm.getByRole("button", { name: "Add as evidence" }).click();
  }

  /** Opens a story's workspace and waits until its draft is synced (connected is not enough: the first sync follows). */
  async goto(slug: string): Promise<void> {
    await this.page.goto(`/stories/${slug}/edit`);
    await expect(this.status).toHaveAttribute("data-status", "connected");
    await expect(this.page.getByText("Loading the latest draft…")).toHaveCount(0);
  }

  /** The summary as the editor holds it (collaborators' caret labels live in the DOM, so not innerText). */
  summaryText(): Promise<string> {
    return this.editor.evaluate((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      for (const caret of clone.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return clone.textContent ?? "";
    });
  }

  /** Types at the end of the summary. */
  async typeAtEnd(text: string): Promise<void> {
    await this.moveCaret("Control+End", "end");
    await this.page.keyboard.type(text);
  }

  /** Types at the very start of the summary. */
  async typeAtStart(text: string): Promise<void> {
    await this.moveCaret("Control+Home", "start");
    await this.page.keyboard.type(text);
  }

  /**
   * Moves the caret with a key and waits until the editor has taken the new selection in. The browser moves the
   * DOM caret at once but the editor reads it on the next `selectionchange`; keys typed before that land where the
   * editor still thinks the caret is (inside a claim, say), which no person typing can do but a test can.
   */
  private async moveCaret(key: string, where: "start" | "end"): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press(key);
    await expect
      .poll(() =>
        this.editor.evaluate((element, edge) => {
          const editor = (element as HTMLElement & { editor?: EditorHandle }).editor;
          if (!editor) return false;
          const { selection, doc } = editor.state;
          const target = edge === "start" ? 1 : doc.content.size - 1;
          return selection.empty && selection.from === target;
        }, where),
      )
      .toBe(true);
  }
}

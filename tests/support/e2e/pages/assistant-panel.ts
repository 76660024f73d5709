import type { Locator, Page } from "@playwright/test";

/** The verification assistant of a story's workspace: its panel for the active claim, the story's flags, and its marks in the summary. */
export class AssistantPanel {
  readonly panel: Locator;
  readonly suggestions: Locator;
  readonly flags: Locator;
  readonly dismissedFlags: Locator;
  readonly storyFlags: Locator;
  /** One row per source: its best passage for the active claim, or "Nothing close". */
  readonly sourcePassages: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("assistant-panel");
    this.suggestions = this.panel.getByTestId("suggestion");
    this.flags = this.panel.getByRole("list", { name: "Flags of this claim" }).getByTestId("flag-card");
    this.dismissedFlags = this.panel.getByTestId("dismissed-flags");
    this.storyFlags = page.getByTestId("story-flags");
    this.sourcePassages = this.panel
      .getByRole("list", { name: "Best passage of each source" })
      .getByTestId("source-passage");
  }

  /** The row of the first source named by this outlet. */
  sourcePassage(outlet: string): Locator {
    return this.sourcePassages
      .filter({ has: this.page.getByTestId("source-passage-outlet").getByText(outlet, { exact: true }) })
      .first();
  }

  /** The suggestion whose sentence contains these words. */
  suggestion(words: string): Locator {
    return this.suggestions.filter({ has: this.page.getByTestId("suggestion-text").filter({ hasText: words }) });
  }

  /** A flag of the active claim by its title. */
  flag(title: string): Locator {
    return this.flags.filter({ has: this.page.getByTestId("flag-title").filter({ hasText: title }) });
  }

  /** Dismisses a flag of the active claim, giving the reason. */
  async dismiss(title: string, reason: string): Promise<void> {
    const flag = this.flag(title);
    await flag.getByRole("button", { name: /^Dismiss the flag/ }).click();
    await flag.getByLabel("Reason for dismissing").fill(reason);
    await flag.getByRole("button", { name: "Dismiss flag" }).click();
  }

  /**
   * The words under each "citation needed" mark of the summary, in order (a mark split by a claim's
   * highlight counts once; collaborators' caret labels left out).
   */
  citationsNeeded(): Promise<string[]> {
    return this.page.getByTestId("summary-editor").evaluate((editor) => {
      const words = new Map<string, string>();
      for (const mark of editor.querySelectorAll<HTMLElement>('[data-flag-kind="citation_needed"]')) {
        const clone = mark.cloneNode(true) as HTMLElement;
        for (const caret of clone.querySelectorAll(".collaboration-carets__caret")) caret.remove();
        const id = mark.dataset.flagId ?? "";
        words.set(id, (words.get(id) ?? "") + (clone.textContent ?? ""));
      }
      return [...words.values()];
    });
  }
}

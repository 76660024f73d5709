import { expect, type Locator, type Page } from "@playwright/test";

/** The sources side of a story's workspace: the reader, "Add sources" and "Correct text". */
export class SourcesPanel {
  readonly heading: Locator;
  readonly dialog: Locator;
  readonly notice: Locator;
  readonly select: Locator;
  readonly reader: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator("#sources-heading");
    this.dialog = page.getByTestId("source-import");
    this.notice = page
      .getByTestId("source-notice")
      .or(page.getByRole("status").filter({ hasText: /source cards? added/ }));
    this.select = page.getByTestId("source-select");
    this.reader = page.getByTestId("source-reader");
  }

  /** Opens "Add sources" and uploads a file; the dialog then shows what it holds. */
  async upload(file: string): Promise<void> {
    await this.page.getByRole("button", { name: "Add sources" }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId("source-file").setInputFiles(file);
  }

  /** An article field of the import form by its label. */
  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** Corrects the open source's text with `correct` applied to it, giving the note, and saves. */
  async correct(correct: (text: string) => string, note: string): Promise<void> {
    await this.reader.getByRole("button", { name: "Correct text" }).click();
    const text = this.reader.getByTestId("correction-text");
    await text.fill(correct(await text.inputValue()));
    await this.reader.getByTestId("correction-note").fill(note);
    await this.reader.getByRole("button", { name: /^Save as revision/ }).click();
  }
}

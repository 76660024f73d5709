import type { Locator, Page } from "@playwright/test";

/** The bell in the newsroom's header and the inbox it opens. */
export class NotificationsPage {
  readonly bell: Locator;
  readonly count: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByTestId("notification-bell");
    this.count = page.getByTestId("notification-count");
    this.items = page.getByTestId("notification");
  }

  /** A notification of the inbox by what it says ("Maya Chen mentioned you"). */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }
}

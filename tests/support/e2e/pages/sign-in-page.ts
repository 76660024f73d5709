import type { Locator, Page } from "@playwright/test";

/** The sign-in page. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  /** The notice that sign-in is throttled, with the seconds left. */
  readonly throttled: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    // Exact: with single sign-on configured there is also "Sign in with <provider>".
    this.submit = page.getByRole("button", { name: "Sign in", exact: true });
    this.error = page.locator("form").getByRole("alert");
    this.throttled = page.getByTestId("sign-in-throttled");
  }

  async goto(): Promise<void> {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

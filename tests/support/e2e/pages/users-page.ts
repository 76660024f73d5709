import type { Locator, Page } from "@playwright/test";

/** The admin's Users page (/admin/users): invitations, roles, reset links, disabling. */
export class UsersPage {
  readonly inviteEmail: Locator;
  readonly inviteRole: Locator;
  readonly inviteButton: Locator;
  /** The link just issued (an invitation or a reset), with its mail status. */
  readonly issuedLink: Locator;

  constructor(readonly page: Page) {
    const invite = page.getByRole("region", { name: "Invite a person" });
    this.inviteEmail = invite.getByLabel("Email");
    this.inviteRole = invite.getByLabel("Role");
    this.inviteButton = invite.getByRole("button", { name: "Invite" });
    this.issuedLink = page.getByTestId("issued-link");
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin/users");
  }

  /** Invites `email` with `role` and returns the link shown to copy. */
  async invite(email: string, role: string): Promise<string> {
    await this.inviteEmail.fill(email);
    await this.inviteRole.selectOption(role);
    await this.inviteButton.click();
    return this.issuedLink.getByRole("textbox").inputValue();
  }

  /** The row of a person, by their email. */
  row(email: string): Locator {
    return this.page.getByTestId("user-row").filter({ hasText: email });
  }
}

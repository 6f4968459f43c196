import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

test("audit filters: by kind, sign-ins hidden, a message when nothing matches, and records link to their object", async ({
  page,
}) => {
  const user = await signIn(page, "ADMIN");
  await page.goto("/audit");
  // A sign-in is recorded with the client's address as itself, never an expanded IPv6 form.
  await page.getByLabel("Kind").selectOption({ label: "Sign-ins" });
  await page.getByRole("button", { name: "Filter" }).click();
  const signInRow = page
    .getByRole("row")
    .filter({ hasText: `${user.email} signed in` })
    .first();
  await expect(signInRow).toContainText(/from (127\.0\.0\.1|::1)/);
  await expect(signInRow).not.toContainText("0000:");
  // The record links to its object: the signed-in user, in the user list.
  await expect(signInRow.getByRole("link", { name: "the users" })).toHaveAttribute("href", "/admin");

  await page.getByLabel("Hide sign-ins").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-empty")).toHaveText(
    "No record matches these filters. Widen the time range or clear a filter.",
  );
});

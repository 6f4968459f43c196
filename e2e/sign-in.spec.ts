import { expect, test } from "@playwright/test";

import { demoUser, signIn } from "./helpers";

test("a visitor without a session is sent to sign in", async ({ page }) => {
  await page.goto("/topology");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused with a message, and no session starts", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demoUser("OPERATOR").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#password-error")).toContainText("Email or password is wrong");
  await page.goto("/topology");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the shell shows the user and role, the sections, and signs out", async ({ page }) => {
  await signIn(page, "ADMIN");
  await expect(page.getByTestId("signed-in-role")).toHaveText("Admin");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Topology", "Telemetry", "Planning", "Operations", "Audit", "Admin"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Operations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Operations", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/topology");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the demo estate is there after start", async ({ page }) => {
  await signIn(page, "VIEWER");
  for (const name of ["Global platform", "Commerce on AWS", "SaaS on Azure"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("the audit page lists sign-ins and says the chain verifies", async ({ page }) => {
  const user = await signIn(page, "APPROVER");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByTestId("audit-chain")).toContainText("Chain verifies");
  await page.getByLabel("Action (starts with)").fill("auth.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: `${user.email} signed in` }).first()).toBeVisible();
});

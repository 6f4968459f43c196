import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

const DEMO = ["Global platform", "Commerce on AWS", "SaaS on Azure"];

test("the sign-in page says in one line what Meridian is", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByTestId("what-meridian-is")).toHaveText(
    "Meridian plans, watches and runs disaster recovery for multi-region deployments.",
  );
});

test("after sign-in the first screen is the overview: each demo deployment with its health, alerts, operations and approvals, as links", async ({
  page,
}) => {
  await signIn(page, "VIEWER");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  for (const name of DEMO) {
    const card = page.getByRole("region", { name, exact: true });
    await expect(card.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/topology\/[a-z0-9-]+$/);
    await expect(card.getByRole("link", { name: new RegExp(`^Health of ${name}: `) })).toHaveAttribute(
      "href",
      /^\/telemetry\/[a-z0-9-]+$/,
    );
    for (const term of ["Open alerts", "Operations running", "Approvals waiting"])
      await expect(card).toContainText(term);
  }
  // The server rendered it: the HTML names every deployment before any script ran.
  const html = await (await page.request.get("/")).text();
  for (const name of DEMO) expect(html).toContain(name);
  await page
    .getByRole("region", { name: "Commerce on AWS", exact: true })
    .getByRole("link", { name: "Commerce on AWS", exact: true })
    .click();
  await expect(page).toHaveURL(/\/topology\/[a-z0-9-]+$/);
});

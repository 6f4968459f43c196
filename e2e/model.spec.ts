// The foundation's end-to-end path: an operator builds part of the estate in the browser and
// meets a field error; a viewer sees no edit controls and the API refuses them anyway.
import { expect, test, type Page } from "@playwright/test";

import { callMutation, signIn } from "./helpers";

const suffix = Date.now().toString(36);
const regionCode = `e2e-lab-${suffix}`;
const deploymentSlug = `e2e-${suffix}`;
const deploymentName = `E2E deployment ${suffix}`;

function formWith(page: Page, submit: string) {
  return page.locator("form").filter({ has: page.getByRole("button", { name: submit, exact: true }) });
}

test.describe.configure({ mode: "serial" });

test("an operator creates a region, a cluster, two replicas and a link, and sees a field error", async ({ page }) => {
  await signIn(page, "OPERATOR");

  // A region, first with a latitude off the globe.
  await page.goto("/topology/regions");
  await page.getByRole("button", { name: "New region" }).click();
  const regionForm = formWith(page, "Create region");
  await regionForm.getByLabel("Provider").selectOption("LAB");
  await regionForm.getByLabel("Code").fill(regionCode);
  await regionForm.getByLabel("Display name").fill("E2E lab region");
  await regionForm.getByLabel("Continent").selectOption("EUROPE");
  await regionForm.getByLabel("Latitude").fill("123");
  await regionForm.getByLabel("Longitude").fill("8.68");
  await regionForm.getByRole("button", { name: "Create region" }).click();
  await expect(regionForm.getByText("Latitude must be between -90° and 90°")).toBeVisible();
  await expect(regionForm.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
  await regionForm.getByLabel("Latitude").fill("50.11");
  await regionForm.getByRole("button", { name: "Create region" }).click();
  await expect(page.getByRole("cell", { name: regionCode, exact: true })).toBeVisible();

  // A deployment to hold it.
  await page.goto("/topology");
  await page.getByRole("button", { name: "New deployment" }).click();
  await page.getByLabel("Name", { exact: true }).fill(deploymentName);
  await page.getByLabel("Slug").fill(deploymentSlug);
  await page.getByRole("button", { name: "Create deployment" }).click();
  await page.getByRole("link", { name: deploymentName }).click();
  await page.getByRole("tab", { name: "Model" }).click();
  await expect(page.getByRole("heading", { name: deploymentName })).toBeVisible();

  await page.locator("#add-region").selectOption({ label: `${regionCode} · E2E lab region (LAB)` });
  await page.getByRole("button", { name: "Add region" }).click();
  await expect(page.getByRole("button", { name: `Remove region ${regionCode}` })).toBeVisible();

  // A single-primary cluster with a primary and a read replica, joined by a link.
  await page.getByRole("button", { name: "New cluster" }).click();
  const clusterForm = formWith(page, "Create cluster");
  await clusterForm.getByLabel("Name").fill("e2e-db");
  await clusterForm.getByLabel("Engine").fill("PostgreSQL 18");
  await clusterForm.getByRole("button", { name: "Create cluster" }).click();
  await expect(page.getByText("e2e-db").first()).toBeVisible();

  for (const [name, role] of [
    ["e2e-primary", "PRIMARY"],
    ["e2e-replica", "READ_REPLICA"],
  ] as const) {
    await page.getByRole("button", { name: "Add replica" }).click();
    const replicaForm = formWith(page, "Add replica");
    await replicaForm.getByLabel("Replica name").fill(name);
    await replicaForm.getByLabel("Region").selectOption({ label: `${regionCode} · E2E lab region` });
    await replicaForm.getByLabel("Role").selectOption(role);
    await replicaForm.getByRole("button", { name: "Add replica" }).click();
    await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
  }

  await page.getByRole("button", { name: "Add link" }).click();
  const linkForm = formWith(page, "Add link");
  await linkForm.getByLabel("Source").selectOption({ label: "e2e-primary" });
  await linkForm.getByLabel("Target").selectOption({ label: "e2e-replica" });
  await linkForm.getByLabel(/GB\/day/).fill("-5");
  await linkForm.getByRole("button", { name: "Add link" }).click();
  await expect(linkForm.getByText("Expected volume must be between 0 GB/day and 1,000,000 GB/day")).toBeVisible();
  await linkForm.getByLabel(/GB\/day/).fill("250");
  await linkForm.getByRole("button", { name: "Add link" }).click();
  await expect(page.getByRole("button", { name: "Remove link e2e-primary → e2e-replica" })).toBeVisible();
});

test("a viewer finds no edit controls, and the API refuses their edits", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto(`/topology/${deploymentSlug}?tab=model`);
  await expect(page.getByRole("heading", { name: deploymentName })).toBeVisible();
  await expect(page.getByRole("cell", { name: "e2e-replica", exact: true })).toBeVisible();
  for (const control of [
    "Edit deployment",
    "Delete deployment",
    "Add region",
    "New cluster",
    "Add replica",
    "Add link",
    "New policy",
  ]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }
  await page.goto("/topology/regions");
  await expect(page.getByRole("cell", { name: regionCode, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "New region" })).toHaveCount(0);

  const response = await callMutation(page, "topology.createRegion", {
    provider: "LAB",
    code: `viewer-${suffix}`,
    displayName: "Not allowed",
    continent: "EUROPE",
    latitude: 1,
    longitude: 1,
  });
  expect(response.status()).toBe(403);
  expect(JSON.stringify(await response.json())).toContain("needs the operator role; you are viewer");
  await page.reload();
  await expect(page.getByRole("cell", { name: `viewer-${suffix}` })).toHaveCount(0);
});

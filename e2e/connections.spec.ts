// A deployment on PostgreSQL servers the user runs: its replica's connection details entered in the
// Model tab, a field error in the form's words, the password never shown again ("password set"),
// and "Test connection" answering with a sentence (here: nothing listens on the port given).
import { expect, test, type Page } from "@playwright/test";

import { callMutation, signIn } from "./helpers";

async function mutate(page: Page, path: string, input: unknown) {
  const response = await callMutation(page, path, input);
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} refused: ${JSON.stringify(body)}`);
  return body.result.data.json;
}

test("an operator enters a replica's connection details, saves them without the password coming back, and tests them", async ({
  page,
}) => {
  await signIn(page, "OPERATOR", { timeoutMs: 30_000 });
  const suffix = Date.now().toString(36);
  const deployment = await mutate(page, "topology.createDeployment", {
    slug: `elsewhere-${suffix}`,
    name: `Servers elsewhere ${suffix}`,
    description: "",
    drModel: "WARM_STANDBY",
    rtoTargetSeconds: 600,
    rpoTargetSeconds: 5,
    availabilityTargetPct: 99.9,
    driverKind: "postgres",
  });
  const region = await mutate(page, "topology.createRegion", {
    provider: "ON_PREM",
    code: `dc-${suffix}`,
    displayName: "Our data centre",
    continent: "EUROPE",
    latitude: 50.1,
    longitude: 8.7,
  });
  await mutate(page, "topology.addRegion", { deploymentId: deployment.id, regionId: region.id });
  const cluster = await mutate(page, "topology.createCluster", {
    deploymentId: deployment.id,
    name: "orders",
    engine: "PostgreSQL 17",
    writeTopology: "SINGLE_PRIMARY",
    conflictStrategy: "NONE",
    consistencyLevel: "EVENTUAL",
  });
  await mutate(page, "topology.createReplica", {
    clusterId: cluster.id,
    regionId: region.id,
    name: "orders-dc",
    role: "PRIMARY",
  });

  await page.goto(`/topology/${deployment.slug}?tab=model`);
  const form = page.getByRole("form", { name: "Connection of orders-dc" });
  await expect(form).toContainText("no details yet");
  await form.getByLabel("Host").fill("127.0.0.1");
  await form.getByLabel("Port").fill("70000");
  await form.getByLabel("Password").fill("s3cret-elsewhere");
  await form.getByLabel("TLS mode").selectOption("disable");
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(form.getByText("Port must be between 1 and 65,535")).toBeVisible();

  // Port 1: nothing listens there, so the test answers why it could not connect.
  await form.getByLabel("Port").fill("1");
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(form).toContainText("details saved");
  const password = form.getByLabel("Password");
  await expect(password).toHaveValue("");
  await expect(password).toHaveAttribute("placeholder", "password set");
  expect(await page.content()).not.toContain("s3cret-elsewhere");

  await form.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-test-orders-dc")).toHaveText(
    "Could not connect to 127.0.0.1:1: nothing accepts connections on port 1 there.",
  );
});

// The console under its Content-Security-Policy, in the real browser: pages carry a per-request
// nonce policy and the other security headers, the graph, the charts and the forms work with no
// violation; a cookie-bearing write from another origin is refused and writes nothing; the audit
// names the client's real address however the request spoofs X-Forwarded-For.
import { expect, test, type Page } from "@playwright/test";

import { callMutation, demoUser, signIn } from "./helpers";

function collectViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  return violations;
}

test("pages carry a nonce CSP and the security headers, and work under them", async ({ page }) => {
  const violations = collectViolations(page);
  const first = await page.goto("/sign-in");
  const headers = first!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // A fresh nonce per request.
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);

  await signIn(page, "OPERATOR");
  await page.goto("/topology/commerce-aws");
  await expect(page.getByTestId("region-node-eu-west-1")).toBeVisible({ timeout: 20_000 });
  await page.goto("/telemetry/commerce-aws");
  await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 20_000 });
  await page.goto("/planning/commerce-aws");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a write from another origin is refused and writes nothing, even with the session cookie", async ({ page }) => {
  await signIn(page, "OPERATOR");
  const code = `evil-${Date.now().toString(36)}`;
  const region = {
    provider: "LAB",
    code,
    displayName: "Cross-site",
    continent: "EUROPE",
    latitude: 1,
    longitude: 1,
  };
  const refused = await callMutation(page, "topology.createRegion", region, "http://evil.example");
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).toContain("requests from http://evil.example may not change anything");
  await page.goto("/topology/regions");
  await expect(page.getByRole("cell", { name: code, exact: true })).toHaveCount(0);
  // The same call from the console's own origin goes through.
  expect((await callMutation(page, "topology.createRegion", region)).status()).toBe(200);
});

test("the audit records the client's own address, not a spoofed X-Forwarded-For", async ({ page, baseURL }) => {
  const approver = demoUser("APPROVER");
  const answer = await page.request.post("/api/auth/sign-in/email", {
    data: { email: approver.email, password: approver.password },
    headers: { origin: new URL(baseURL!).origin, "x-forwarded-for": "203.0.113.66" },
  });
  expect(answer.status()).toBe(200);
  expect((await answer.json()).token).toBeNull();
  await signIn(page, "ADMIN");
  await page.goto("/audit");
  const row = page
    .getByRole("row")
    .filter({ hasText: `${approver.email} signed in` })
    .first();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("203.0.113.66");
  await row.getByText("before / after").click();
  await expect(row).toContainText('"ipAddress": "127.0.0.1"');
  await expect(row).not.toContainText("203.0.113.66");
});

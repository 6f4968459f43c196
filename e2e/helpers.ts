import { expect, type Page } from "@playwright/test";

import demoUsers from "../prisma/seed/demo-users.json" with { type: "json" };

export type DemoRole = "ADMIN" | "OPERATOR" | "APPROVER" | "VIEWER";

export function demoUser(role: DemoRole) {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

/** `timeoutMs`: how long the first page may take (a spec that runs first meets a cold server). */
export async function signIn(page: Page, role: DemoRole, { timeoutMs }: { timeoutMs?: number } = {}) {
  const user = demoUser(role);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(user.name, { timeout: timeoutMs });
  return user;
}

/**
 * Calls a tRPC mutation over HTTP with the page's cookies, as a hand-made request would; from the
 * console's own origin unless `origin` says otherwise (a browser always sends one on a POST).
 */
export async function callMutation(page: Page, path: string, input: unknown, origin?: string) {
  return page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json", origin: origin ?? new URL(page.url()).origin },
  });
}

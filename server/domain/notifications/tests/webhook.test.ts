// The webhook against a real HTTP receiver (node:http in this test): the signature checks out with
// the secret, a 500 is retried with the same idempotency key and a new attempt id, every attempt is
// audited, and the secret is never given back.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TNotificationPayload } from "@/lib/notifications/contracts";
import { db } from "@/server/db";
import { deliverDue } from "@/server/domain/notifications/deliver";
import { verifySignature } from "@/server/domain/notifications/signature";
import { callerAs, userWithPassword } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

type Received = { headers: IncomingMessage["headers"]; body: string };

/** A receiver that answers each request with the next status of `statuses` (then 200), and keeps what it got. */
function receiver() {
  const received: Received[] = [];
  let statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end(res.statusCode === 500 ? "receiver is down" : "ok");
    });
  });
  return {
    received,
    answer: (next: number[]) => (statuses = next),
    start: () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/meridian`,
  };
}

const SECRET = "a-test-secret-of-32-characters!!";
const hook = receiver();
beforeAll(hook.start);
afterAll(hook.stop);

const signedBy = (secret: string, r: Received) =>
  verifySignature(secret, Number(r.headers["x-meridian-timestamp"]), r.body, String(r.headers["x-meridian-signature"]));
const deliver = (deploymentId: string) => deliverDue(db, { deploymentId, backoffMs: () => 0 });

describe("the deployment's webhook", () => {
  it("signs each delivery, retries after a 500 with the same idempotency key, and audits every attempt", async () => {
    const { deploymentId } = await opsEstate();
    const operator = await callerAs("OPERATOR");
    await operator.caller.notifications.saveWebhook({ deploymentId, url: hook.url(), secret: SECRET });

    // The secret never comes back, and is not stored as written.
    const state = await operator.caller.notifications.webhook({ deploymentId });
    expect(state.webhook).toMatchObject({ url: hook.url(), enabled: true, secretSet: true });
    expect(JSON.stringify(state)).not.toContain(SECRET);
    const stored = await db.deploymentWebhook.findUniqueOrThrow({ where: { deploymentId } });
    expect(stored.secretEncrypted).not.toContain(SECRET);
    const audits = await db.auditRecord.findMany({ where: { objectId: deploymentId, action: "webhook.create" } });
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits.map((a) => [a.summary, a.before, a.after]))).not.toContain(SECRET);

    // The request's approval gate writes its notification in the same transaction (the intent).
    const { operationId } = await request(deploymentId, "SWITCHOVER");
    const delivery = await db.webhookDelivery.findFirstOrThrow({
      where: { deploymentId, event: "approval.requested" },
    });
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 0 });

    hook.answer([500]);
    const before = hook.received.length;
    expect(await deliver(deploymentId)).toEqual({ delivered: 0, retry: 1, failed: 0 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatusCode: 500,
      lastError: "answered 500: receiver is down",
    });
    expect(await deliver(deploymentId)).toEqual({ delivered: 1, retry: 0, failed: 0 });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    // Delivered once: nothing more goes out.
    expect(await deliver(deploymentId)).toEqual({ delivered: 0, retry: 0, failed: 0 });

    const [first, second] = hook.received.slice(before);
    expect(hook.received.length - before).toBe(2);
    for (const got of [first!, second!]) {
      expect(signedBy(SECRET, got)).toBe(true);
      expect(signedBy("another-secret-of-32-characters!", got)).toBe(false);
      expect(got.headers["content-type"]).toBe("application/json");
      expect(got.headers["idempotency-key"]).toBe(delivery.id);
      expect(got.headers["x-meridian-event"]).toBe("approval.requested");
    }
    expect(first!.headers["x-meridian-attempt"]).toBe(`${delivery.id}:1`);
    expect(second!.headers["x-meridian-attempt"]).toBe(`${delivery.id}:2`);
    // A signature over another body does not verify: the receiver can trust what it parses.
    expect(signedBy(SECRET, { ...first!, body: first!.body.replace("Approval", "Approva1") })).toBe(false);

    // Slack-compatible: `text`, attachment fields; Meridian's own fields beside them.
    const payload = JSON.parse(second!.body) as TNotificationPayload;
    expect(payload.text).toMatch(/Approval needed: planned switchover of .* before it runs .*1 approval from Approver/);
    expect(payload.attachments[0]!.fields.map((f) => f.title)).toEqual(
      expect.arrayContaining(["Deployment", "Move", "Needs", "Reason"]),
    );
    expect(payload.meridian).toMatchObject({ event: "approval.requested", deliveryId: delivery.id });
    expect(payload.meridian.link).toMatch(new RegExp(`/operations/${operationId}$`));

    const records = await db.auditRecord.findMany({ where: { objectId: delivery.id }, orderBy: { seq: "asc" } });
    expect(records.map((r) => r.action)).toEqual(["webhook.failed", "webhook.delivered"]);
    expect(records[0]!.summary).toMatch(/attempt 1 failed: answered 500.*retry in 0 s/);
    expect(records[1]!.after).toMatchObject({ attempt: 2, attemptId: `${delivery.id}:2`, statusCode: 200 });
  });

  it("notifies decisions, gives up after the last attempt, and sends a test on request", async () => {
    const { deploymentId } = await opsEstate();
    const operator = await callerAs("OPERATOR");
    await operator.caller.notifications.saveWebhook({ deploymentId, url: hook.url(), secret: SECRET });
    const { operationId } = await request(deploymentId, "SWITCHOVER");
    const approver = await userWithPassword("APPROVER");
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "APPROVE",
      password: approver.password,
      contextHash: gate.contextHash,
      comment: "go",
    });
    const decided = await db.webhookDelivery.findFirstOrThrow({ where: { deploymentId, event: "approval.decided" } });
    expect((decided.payload as TNotificationPayload).text).toMatch(/approved planned switchover .*; it may run: "go"/);

    // Every attempt fails: after the last one the delivery is FAILED, each attempt audited.
    hook.answer([500, 500, 500, 500, 500, 500]);
    for (let i = 0; i < 3; i += 1) await deliverDue(db, { deploymentId, backoffMs: () => 0, maxAttempts: 3 });
    const failed = await db.webhookDelivery.findMany({ where: { deploymentId } });
    expect(failed.map((d) => [d.status, d.attempts])).toEqual([
      ["FAILED", 3],
      ["FAILED", 3],
    ]);
    expect(await db.auditRecord.count({ where: { objectId: decided.id, action: "webhook.failed" } })).toBe(3);

    hook.answer([]);
    const { deliveryId } = await operator.caller.notifications.testWebhook({ deploymentId });
    expect(await deliver(deploymentId)).toEqual({ delivered: 1, retry: 0, failed: 0 });
    const state = await operator.caller.notifications.webhook({ deploymentId });
    expect(state.deliveries.find((d) => d.id === deliveryId)).toMatchObject({
      event: "webhook.test",
      status: "DELIVERED",
    });
  });

  it("is set by operators and admins only, needs a secret, and writes nothing for a deployment without one", async () => {
    const { deploymentId } = await opsEstate();
    const viewer = await callerAs("VIEWER");
    const approver = await callerAs("APPROVER");
    await expect(viewer.caller.notifications.webhook({ deploymentId })).rejects.toThrow(/operator role/);
    await expect(
      approver.caller.notifications.saveWebhook({ deploymentId, url: hook.url(), secret: SECRET }),
    ).rejects.toThrow(/operator role/);
    const admin = await callerAs("ADMIN");
    await expect(admin.caller.notifications.saveWebhook({ deploymentId, url: hook.url() })).rejects.toMatchObject({
      message: expect.stringMatching(/secret is required/),
    });
    await expect(
      admin.caller.notifications.saveWebhook({ deploymentId, url: "ftp://example.com/x", secret: SECRET }),
    ).rejects.toThrow(/webhook URL must start with https:\/\/ or http:\/\//);
    await request(deploymentId, "SWITCHOVER");
    expect(await db.webhookDelivery.count({ where: { deploymentId } })).toBe(0);
    expect(await db.deploymentWebhook.count({ where: { deploymentId } })).toBe(0);
  });
});

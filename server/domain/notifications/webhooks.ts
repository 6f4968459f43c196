// A deployment's webhook as operators and admins set it: its URL, whether it is on, and a secret
// that goes in and never comes out (the view says only that one is set). Each change is audited
// without the secret; "test" writes a delivery to the outbox, which the worker sends like any other.
import type { TDeliveryView, TNotificationEvent, TWebhookSettings, TWebhookState } from "@/lib/notifications/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { sealSecret } from "@/server/domain/secrets/secret-box";
import { invalid, notFound } from "@/server/errors";

import { notify } from "./outbox";
import { webhookSecretOf } from "./webhook-secret";

const RECENT_DELIVERIES = 20;

async function deploymentOf(db: Db, deploymentId: string) {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true, name: true } });
  if (!deployment) throw notFound("the deployment");
  return deployment;
}

export async function webhookState(db: Db, deploymentId: string): Promise<TWebhookState> {
  await deploymentOf(db, deploymentId);
  const [webhook, deliveries] = await Promise.all([
    db.deploymentWebhook.findUnique({ where: { deploymentId } }),
    db.webhookDelivery.findMany({ where: { deploymentId }, orderBy: { createdAt: "desc" }, take: RECENT_DELIVERIES }),
  ]);
  return {
    webhook: webhook
      ? { url: webhook.url, enabled: webhook.enabled, secretSet: true, updatedAt: webhook.updatedAt.toISOString() }
      : null,
    deliveries: deliveries.map((d): TDeliveryView => ({
      id: d.id,
      event: d.event as TNotificationEvent,
      text: (d.payload as { text?: string }).text ?? "",
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
    })),
  };
}

export async function saveWebhook(db: Db, actor: Actor, input: TWebhookSettings): Promise<TWebhookState> {
  const deployment = await deploymentOf(db, input.deploymentId);
  await db.$transaction(async (tx) => {
    const existing = await tx.deploymentWebhook.findUnique({ where: { deploymentId: deployment.id } });
    if (!existing && input.secret === "")
      throw invalid("secret", "secret is required: the receiver checks each delivery's signature with it");
    const secret =
      input.secret === "" ? {} : { secretEncrypted: sealSecret(input.secret, webhookSecretOf(deployment.id)) };
    await tx.deploymentWebhook.upsert({
      where: { deploymentId: deployment.id },
      create: { deploymentId: deployment.id, url: input.url, enabled: input.enabled, secretEncrypted: "", ...secret },
      update: { url: input.url, enabled: input.enabled, ...secret },
    });
    await recordAudit(tx, actor, {
      action: existing ? "webhook.update" : "webhook.create",
      objectType: "DeploymentWebhook",
      objectId: deployment.id,
      summary: `${existing ? "changed" : "set"} the webhook of ${deployment.name}: ${new URL(input.url).host}, ${input.enabled ? "on" : "off"}${input.secret ? ", new secret" : ""}`,
      before: existing ? { url: existing.url, enabled: existing.enabled } : undefined,
      after: { url: input.url, enabled: input.enabled, secretChanged: input.secret !== "" },
    });
  });
  return webhookState(db, deployment.id);
}

export async function removeWebhook(db: Db, actor: Actor, deploymentId: string): Promise<TWebhookState> {
  const deployment = await deploymentOf(db, deploymentId);
  await db.$transaction(async (tx) => {
    const existing = await tx.deploymentWebhook.findUnique({ where: { deploymentId } });
    if (!existing) throw notFound("the deployment's webhook");
    await tx.deploymentWebhook.delete({ where: { deploymentId } });
    await recordAudit(tx, actor, {
      action: "webhook.remove",
      objectType: "DeploymentWebhook",
      objectId: deploymentId,
      summary: `removed the webhook of ${deployment.name} (${new URL(existing.url).host})`,
      before: { url: existing.url, enabled: existing.enabled },
    });
  });
  return webhookState(db, deploymentId);
}

/** Queues a test message; the worker sends it within a second or two, and the list shows how it went. */
export async function testWebhook(db: Db, actor: Actor, deploymentId: string): Promise<{ deliveryId: string }> {
  const deployment = await deploymentOf(db, deploymentId);
  return db.$transaction(async (tx) => {
    const webhook = await tx.deploymentWebhook.findUnique({ where: { deploymentId } });
    if (!webhook) throw invalid("url", "save a webhook URL and secret first");
    if (!webhook.enabled) throw invalid("enabled", "the webhook is turned off; turn it on to test it");
    const deliveryId = await notify(tx, {
      deploymentId,
      event: "webhook.test",
      text: `Test message from Meridian, sent by ${actor.email}`,
      fields: [["Sent by", actor.email]],
      objectType: "DeploymentWebhook",
      objectId: deploymentId,
    });
    await recordAudit(tx, actor, {
      action: "webhook.test",
      objectType: "DeploymentWebhook",
      objectId: deploymentId,
      summary: `queued a test message to the webhook of ${deployment.name}`,
    });
    return { deliveryId: deliveryId! };
  });
}

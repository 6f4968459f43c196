// Delivering the outbox. Each attempt is an effect on the world, so: the claim (attempt number up,
// a lease on the database clock) commits before the POST; the POST carries the delivery's id as its
// idempotency key and the attempt's own id; its result (status, error) is written and audited after.
// A worker that dies mid-POST leaves a lease that runs out, and the next worker tries again with
// the same idempotency key, so a receiver that keeps keys sees the message once.
import type { TNotificationPayload } from "@/lib/notifications/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { openSecret } from "@/server/domain/secrets/secret-box";

import {
  ATTEMPT_HEADER,
  EVENT_HEADER,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
} from "./signature";
import { webhookSecretOf } from "./webhook-secret";

/** The actor of every delivery record. */
export const NOTIFIER = { ...SYSTEM_ACTOR, email: "notifier@meridian" };

export type DeliveryOptions = {
  /** Delay before the next attempt after `attempts` failed ones. */
  backoffMs?: (attempts: number) => number;
  maxAttempts?: number;
  timeoutMs?: number;
  batch?: number;
  /** Only this deployment's deliveries (tests share one database). */
  deploymentId?: string;
};

/** 5 s, 10 s, 20 s, ... doubling, at most 10 minutes; eight attempts span about 20 minutes. */
export const defaultBackoffMs = (attempts: number) => Math.min(600_000, 5_000 * 2 ** (attempts - 1));
export const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;
/** Longer than a POST may take, so a live worker never loses its row to another. */
const LEASE_SECONDS = 60;

type Claimed = { id: string; deploymentId: string; event: string; payload: TNotificationPayload; attempts: number };
type Outcome = { ok: boolean; statusCode: number | null; error: string | null };

/** Takes due deliveries: attempt number up and a lease, committed before anything is sent. */
async function claim(db: Db, batch: number, deploymentId: string | null): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    update "WebhookDelivery" set attempts = attempts + 1,
      "leaseUntil" = (now() at time zone 'utc') + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from "WebhookDelivery"
      where status = 'PENDING' and "nextAttemptAt" <= (now() at time zone 'utc')
        and ("leaseUntil" is null or "leaseUntil" < (now() at time zone 'utc'))
        and (${deploymentId}::text is null or "deploymentId" = ${deploymentId}::text)
      order by "nextAttemptAt" limit ${batch}
      for update skip locked)
    returning id, "deploymentId", event, payload, attempts`;
}

async function post(url: string, secret: string, delivery: Claimed, timeoutMs: number): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      // A redirect is not followed: the signed body goes only where the admin said.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Meridian-Webhook/1",
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signBody(secret, timestamp, body),
        [IDEMPOTENCY_HEADER]: delivery.id,
        [ATTEMPT_HEADER]: `${delivery.id}:${delivery.attempts}`,
        [EVENT_HEADER]: delivery.event,
      },
      body,
    });
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null };
    const text = (await response.text().catch(() => "")).slice(0, 200).trim();
    return { ok: false, statusCode: response.status, error: `answered ${response.status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause ?? (error as Error).message);
    return { ok: false, statusCode: null, error: `could not be reached: ${message}` };
  }
}

async function attempt(db: Db, delivery: Claimed, options: Required<Omit<DeliveryOptions, "deploymentId">>) {
  const webhook = await db.deploymentWebhook.findUnique({ where: { deploymentId: delivery.deploymentId } });
  const host = webhook ? new URL(webhook.url).host : "(none)";
  const outcome: Outcome & { final?: boolean } = !webhook
    ? { ok: false, statusCode: null, error: "the deployment's webhook was removed", final: true }
    : !webhook.enabled
      ? { ok: false, statusCode: null, error: "the deployment's webhook is turned off", final: true }
      : await post(
          webhook.url,
          openSecret(webhook.secretEncrypted, webhookSecretOf(webhook.deploymentId)),
          delivery,
          options.timeoutMs,
        );
  const final = outcome.ok || outcome.final || delivery.attempts >= options.maxAttempts;
  const retryMs = final ? null : options.backoffMs(delivery.attempts);
  await db.$transaction(async (tx) => {
    // Only the attempt that holds the row writes its result (a stale worker's late answer is dropped).
    const written = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts, status: "PENDING" },
      data: {
        status: outcome.ok ? "DELIVERED" : final ? "FAILED" : "PENDING",
        leaseUntil: null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        deliveredAt: outcome.ok ? new Date() : null,
        ...(retryMs !== null ? { nextAttemptAt: new Date(Date.now() + retryMs) } : {}),
      },
    });
    if (written.count === 0) return;
    const which = `${delivery.event} ${delivery.id.slice(0, 8)} to ${host}, attempt ${delivery.attempts}`;
    await recordAudit(tx, NOTIFIER, {
      action: outcome.ok ? "webhook.delivered" : "webhook.failed",
      objectType: "WebhookDelivery",
      objectId: delivery.id,
      summary: outcome.ok
        ? `delivered ${which} (${outcome.statusCode})`
        : `${which} failed: ${outcome.error}; ${retryMs !== null ? `retry in ${Math.round(retryMs / 1000)} s` : "no more attempts"}`,
      after: {
        deploymentId: delivery.deploymentId,
        event: delivery.event,
        attempt: delivery.attempts,
        attemptId: `${delivery.id}:${delivery.attempts}`,
        statusCode: outcome.statusCode,
        error: outcome.error,
        nextAttemptInMs: retryMs,
      },
    });
  });
  return outcome.ok ? "delivered" : final ? "failed" : "retry";
}

/** Delivers what is due; returns how each attempt ended. Run by the worker every second. */
export async function deliverDue(db: Db, options: DeliveryOptions = {}) {
  const settings = {
    backoffMs: options.backoffMs ?? defaultBackoffMs,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    batch: options.batch ?? 20,
  };
  const claimed = await claim(db, settings.batch, options.deploymentId ?? null);
  const results = await Promise.all(claimed.map((delivery) => attempt(db, delivery, settings)));
  return {
    delivered: results.filter((r) => r === "delivered").length,
    retry: results.filter((r) => r === "retry").length,
    failed: results.filter((r) => r === "failed").length,
  };
}

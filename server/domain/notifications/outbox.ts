// The outbox: a notification is written in the transaction of the event it reports, so an event
// that rolls back notifies nobody and one that commits is delivered, by a worker, however the web
// process fares. Nothing is written for a deployment without an enabled webhook.
import { randomUUID } from "node:crypto";

import type { TNotificationEvent, TNotificationField, TNotificationPayload } from "@/lib/notifications/contracts";
import type { Db, Tx } from "@/server/db";
import { env } from "@/server/env";

/** Slack's attachment colours: good news, attention, trouble, neutral. */
export const TONE_COLORS = { good: "#16a34a", warning: "#d97706", danger: "#dc2626", neutral: "#64748b" } as const;

export type TNotification = {
  deploymentId: string;
  event: TNotificationEvent;
  text: string;
  fields: [title: string, value: string][];
  objectType: string;
  objectId: string;
  /** A path in the console (`/operations/<id>`), made absolute with MERIDIAN_URL. */
  path?: string;
  tone?: keyof typeof TONE_COLORS;
  atMs?: number;
};

/** Writes the delivery (the intent) in `tx`; returns its id, or null when the deployment has no enabled webhook. */
export async function notify(tx: Tx | Db, notification: TNotification): Promise<string | null> {
  const deployment = await tx.deployment.findUnique({
    where: { id: notification.deploymentId },
    select: { id: true, slug: true, name: true, webhook: { select: { enabled: true } } },
  });
  if (!deployment?.webhook?.enabled) return null;
  const id = randomUUID();
  const fields: TNotificationField[] = [
    { title: "Deployment", value: deployment.name, short: true },
    ...notification.fields.map(([title, value]) => ({ title, value, short: value.length <= 40 })),
  ];
  const payload: TNotificationPayload = {
    text: `[${deployment.name}] ${notification.text}`,
    attachments: [{ color: TONE_COLORS[notification.tone ?? "neutral"], fields }],
    meridian: {
      event: notification.event,
      deliveryId: id,
      deployment: { id: deployment.id, slug: deployment.slug, name: deployment.name },
      objectType: notification.objectType,
      objectId: notification.objectId,
      link: notification.path ? new URL(notification.path, env().MERIDIAN_URL).toString() : null,
      occurredAt: new Date(notification.atMs ?? Date.now()).toISOString(),
    },
  };
  await tx.webhookDelivery.create({
    data: { id, deploymentId: deployment.id, event: notification.event, payload: payload as never },
  });
  return id;
}

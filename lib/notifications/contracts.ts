// Notifications: a webhook per deployment and the deliveries made to it. The secret goes in and
// never comes out: the views say only whether one is set.
import { z } from "zod";

import { id } from "@/lib/fields";

export const NOTIFICATION_EVENTS = [
  "approval.requested",
  "approval.decided",
  "operation.finished",
  "alert.opened",
  "alert.resolved",
  "webhook.test",
] as const;
export type TNotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type TDeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const WEBHOOK_SECRET_MIN = 16;

export const ZWebhookInput = z.object({
  deploymentId: id("deployment"),
  url: z
    .string({ error: "webhook URL is required" })
    .trim()
    .min(1, "webhook URL is required")
    .max(2000, "webhook URL must be at most 2000 characters")
    .refine((value) => URL.canParse(value), "webhook URL must be an absolute URL such as https://hooks.example.com/x")
    .refine(
      (value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol),
      "webhook URL must start with https:// or http://",
    ),
  /** Empty keeps the secret already stored; a new webhook needs one. */
  secret: z
    .string()
    .max(200, "secret must be at most 200 characters")
    .refine(
      (value) => value === "" || value.length >= WEBHOOK_SECRET_MIN,
      `secret must be at least ${WEBHOOK_SECRET_MIN} characters`,
    )
    .default(""),
  enabled: z.boolean().default(true),
});
export type TWebhookInput = z.input<typeof ZWebhookInput>;
export type TWebhookSettings = z.output<typeof ZWebhookInput>;

/** One field of a message, as Slack's attachments show them. */
export type TNotificationField = { title: string; value: string; short: boolean };

/** The JSON a delivery posts: Slack-compatible (`text`, `attachments[].fields`), plus `meridian` for machines. */
export type TNotificationPayload = {
  text: string;
  attachments: { color: string; fields: TNotificationField[] }[];
  meridian: {
    event: TNotificationEvent;
    deliveryId: string;
    deployment: { id: string; slug: string; name: string };
    objectType: string;
    objectId: string;
    link: string | null;
    occurredAt: string;
  };
};

export type TWebhookView = {
  url: string;
  enabled: boolean;
  /** A secret is stored; it is never sent back. */
  secretSet: boolean;
  updatedAt: string;
};

export type TDeliveryView = {
  id: string;
  event: TNotificationEvent;
  text: string;
  status: TDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
};

export type TWebhookState = { webhook: TWebhookView | null; deliveries: TDeliveryView[] };

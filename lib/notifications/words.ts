// Notifications in words: each event and delivery status as the settings page says it.
import type { TDeliveryStatus, TNotificationEvent } from "./contracts";

export const NOTIFICATION_EVENT_LABELS: Record<TNotificationEvent, string> = {
  "approval.requested": "Approval requested",
  "approval.decided": "Approval decided",
  "operation.finished": "Operation finished",
  "alert.opened": "Alert opened",
  "alert.resolved": "Alert resolved",
  "webhook.test": "Test",
};

export const DELIVERY_STATUS_LABELS: Record<TDeliveryStatus, string> = {
  PENDING: "Pending",
  DELIVERED: "Delivered",
  FAILED: "Failed",
};

// Notifications: a deployment's webhook (URL, on/off, a secret that is never returned), a test
// message, and its recent deliveries. A webhook URL is often a credential itself (Slack's are), so
// even reading it needs the permission.
import { ZWebhookInput } from "@/lib/notifications/contracts";
import { ZDeploymentRef } from "@/lib/topology/contracts";
import { allowedTo, router } from "@/server/api/trpc";
import { removeWebhook, saveWebhook, testWebhook, webhookState } from "@/server/domain/notifications/webhooks";

const edit = allowedTo("notifications.edit");

export const notificationsRouter = router({
  webhook: edit.input(ZDeploymentRef).query(({ ctx, input }) => webhookState(ctx.db, input.deploymentId)),
  saveWebhook: edit.input(ZWebhookInput).mutation(({ ctx, input }) => saveWebhook(ctx.db, ctx.actor, input)),
  removeWebhook: edit
    .input(ZDeploymentRef)
    .mutation(({ ctx, input }) => removeWebhook(ctx.db, ctx.actor, input.deploymentId)),
  testWebhook: edit
    .input(ZDeploymentRef)
    .mutation(({ ctx, input }) => testWebhook(ctx.db, ctx.actor, input.deploymentId)),
});

// Connection details of a `postgres` deployment's servers (per replica): read by anyone signed in
// (never with a password), saved, removed and tested by those who edit the model.
import { ZConnectionInput, ZConnectionRef, ZConnectionTest } from "@/lib/connections/contracts";
import { ZDeploymentRef } from "@/lib/topology/contracts";
import { allowedTo, authedProcedure, router } from "@/server/api/trpc";
import { listConnections, removeConnection, saveConnection } from "@/server/domain/connections/connections";
import { testConnection } from "@/server/domain/connections/test-connection";

const edit = allowedTo("topology.edit");

export const connectionsRouter = router({
  list: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => listConnections(ctx.db, input.deploymentId)),
  save: edit.input(ZConnectionInput).mutation(({ ctx, input }) => saveConnection(ctx.db, ctx.actor, input)),
  remove: edit.input(ZConnectionRef).mutation(({ ctx, input }) => removeConnection(ctx.db, ctx.actor, input.replicaId)),
  test: edit.input(ZConnectionTest).mutation(({ ctx, input }) => testConnection(ctx.db, input)),
});

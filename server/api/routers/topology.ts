// The model of the estate. Each procedure parses, checks the role, and calls one domain operation.
import { z } from "zod";

import {
  ZClusterInput,
  ZDelete,
  ZDeploymentInput,
  ZDeploymentRegionInput,
  ZLinkInput,
  ZPolicyInput,
  ZRegionInput,
  ZReplicaInput,
  ZRuleInput,
  ZStackComponentInput,
} from "@/lib/topology/contracts";
import { authedProcedure, operatorProcedure, router } from "@/server/api/trpc";
import * as clusters from "@/server/domain/topology/clusters";
import * as placements from "@/server/domain/topology/deployment-regions";
import * as deployments from "@/server/domain/topology/deployments";
import * as links from "@/server/domain/topology/links";
import * as regions from "@/server/domain/topology/regions";
import * as replicas from "@/server/domain/topology/replicas";
import * as routing from "@/server/domain/topology/routing";
import * as stack from "@/server/domain/topology/stack-components";

const ZById = z.object({ id: z.string().min(1, "id is required") });

export const topologyRouter = router({
  deployments: authedProcedure.query(({ ctx }) => deployments.listDeployments(ctx.db)),
  deployment: authedProcedure
    .input(z.object({ idOrSlug: z.string().min(1) }))
    .query(({ ctx, input }) => deployments.getDeployment(ctx.db, input.idOrSlug)),
  createDeployment: operatorProcedure
    .input(ZDeploymentInput)
    .mutation(({ ctx, input }) => deployments.createDeployment(ctx.db, ctx.actor, input)),
  updateDeployment: operatorProcedure
    .input(deployments.ZDeploymentUpdate)
    .mutation(({ ctx, input }) => deployments.updateDeployment(ctx.db, ctx.actor, input)),
  deleteDeployment: operatorProcedure
    .input(ZDelete)
    .mutation(({ ctx, input }) => deployments.deleteDeployment(ctx.db, ctx.actor, input)),

  regions: authedProcedure.query(({ ctx }) => regions.listRegions(ctx.db)),
  createRegion: operatorProcedure
    .input(ZRegionInput)
    .mutation(({ ctx, input }) => regions.createRegion(ctx.db, ctx.actor, input)),
  updateRegion: operatorProcedure
    .input(regions.ZRegionUpdate)
    .mutation(({ ctx, input }) => regions.updateRegion(ctx.db, ctx.actor, input)),
  deleteRegion: operatorProcedure
    .input(ZById)
    .mutation(({ ctx, input }) => regions.deleteRegion(ctx.db, ctx.actor, input)),

  addRegion: operatorProcedure
    .input(ZDeploymentRegionInput)
    .mutation(({ ctx, input }) => placements.addRegionToDeployment(ctx.db, ctx.actor, input)),
  removeRegion: operatorProcedure
    .input(ZDeploymentRegionInput.extend({ cascade: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => placements.removeRegionFromDeployment(ctx.db, ctx.actor, input)),

  createStackComponent: operatorProcedure
    .input(ZStackComponentInput)
    .mutation(({ ctx, input }) => stack.createStackComponent(ctx.db, ctx.actor, input)),
  updateStackComponent: operatorProcedure
    .input(stack.ZStackComponentUpdate)
    .mutation(({ ctx, input }) => stack.updateStackComponent(ctx.db, ctx.actor, input)),
  deleteStackComponent: operatorProcedure
    .input(ZById)
    .mutation(({ ctx, input }) => stack.deleteStackComponent(ctx.db, ctx.actor, input)),

  createCluster: operatorProcedure
    .input(ZClusterInput)
    .mutation(({ ctx, input }) => clusters.createCluster(ctx.db, ctx.actor, input)),
  updateCluster: operatorProcedure
    .input(clusters.ZClusterUpdate)
    .mutation(({ ctx, input }) => clusters.updateCluster(ctx.db, ctx.actor, input)),
  deleteCluster: operatorProcedure
    .input(ZDelete)
    .mutation(({ ctx, input }) => clusters.deleteCluster(ctx.db, ctx.actor, input)),

  createReplica: operatorProcedure
    .input(ZReplicaInput)
    .mutation(({ ctx, input }) => replicas.createReplica(ctx.db, ctx.actor, input)),
  updateReplica: operatorProcedure
    .input(replicas.ZReplicaUpdate)
    .mutation(({ ctx, input }) => replicas.updateReplica(ctx.db, ctx.actor, input)),
  deleteReplica: operatorProcedure
    .input(ZDelete)
    .mutation(({ ctx, input }) => replicas.deleteReplica(ctx.db, ctx.actor, input)),

  createLink: operatorProcedure
    .input(ZLinkInput)
    .mutation(({ ctx, input }) => links.createLink(ctx.db, ctx.actor, input)),
  updateLink: operatorProcedure
    .input(links.ZLinkUpdate)
    .mutation(({ ctx, input }) => links.updateLink(ctx.db, ctx.actor, input)),
  deleteLink: operatorProcedure.input(ZById).mutation(({ ctx, input }) => links.deleteLink(ctx.db, ctx.actor, input)),

  createPolicy: operatorProcedure
    .input(ZPolicyInput)
    .mutation(({ ctx, input }) => routing.createPolicy(ctx.db, ctx.actor, input)),
  updatePolicy: operatorProcedure
    .input(routing.ZPolicyUpdate)
    .mutation(({ ctx, input }) => routing.updatePolicy(ctx.db, ctx.actor, input)),
  deletePolicy: operatorProcedure
    .input(ZDelete)
    .mutation(({ ctx, input }) => routing.deletePolicy(ctx.db, ctx.actor, input)),

  createRule: operatorProcedure
    .input(ZRuleInput)
    .mutation(({ ctx, input }) => routing.createRule(ctx.db, ctx.actor, input)),
  updateRule: operatorProcedure
    .input(routing.ZRuleUpdate)
    .mutation(({ ctx, input }) => routing.updateRule(ctx.db, ctx.actor, input)),
  deleteRule: operatorProcedure.input(ZById).mutation(({ ctx, input }) => routing.deleteRule(ctx.db, ctx.actor, input)),
});

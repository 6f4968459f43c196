// The model of the estate. Each procedure parses, checks the permission, and calls one domain operation.
import { ZById } from "@/lib/fields";
import {
  ZClusterInput,
  ZClusterUpdate,
  ZDelete,
  ZDeploymentCreate,
  ZDeploymentLookup,
  ZDeploymentRegionInput,
  ZDeploymentUpdate,
  ZLinkInput,
  ZLinkUpdate,
  ZPolicyInput,
  ZPolicyUpdate,
  ZRegionInput,
  ZRegionRemoval,
  ZRegionUpdate,
  ZReplicaInput,
  ZReplicaUpdate,
  ZRuleInput,
  ZRuleUpdate,
  ZStackComponentInput,
  ZStackComponentUpdate,
} from "@/lib/topology/contracts";
import { allowedTo, authedProcedure, router } from "@/server/api/trpc";
import * as clusters from "@/server/domain/topology/clusters";
import * as placements from "@/server/domain/topology/deployment-regions";
import * as deployments from "@/server/domain/topology/deployments";
import * as links from "@/server/domain/topology/links";
import * as regions from "@/server/domain/topology/regions";
import * as replicas from "@/server/domain/topology/replicas";
import * as routing from "@/server/domain/topology/routing";
import * as stack from "@/server/domain/topology/stack-components";

const edit = allowedTo("topology.edit");

export const topologyRouter = router({
  deployments: authedProcedure.query(({ ctx }) => deployments.listDeployments(ctx.db)),
  deployment: authedProcedure
    .input(ZDeploymentLookup)
    .query(({ ctx, input }) => deployments.getDeployment(ctx.db, input.idOrSlug)),
  createDeployment: edit
    .input(ZDeploymentCreate)
    .mutation(({ ctx, input }) => deployments.createDeployment(ctx.db, ctx.actor, input)),
  updateDeployment: edit
    .input(ZDeploymentUpdate)
    .mutation(({ ctx, input }) => deployments.updateDeployment(ctx.db, ctx.actor, input)),
  deleteDeployment: edit
    .input(ZDelete)
    .mutation(({ ctx, input }) => deployments.deleteDeployment(ctx.db, ctx.actor, input)),

  regions: authedProcedure.query(({ ctx }) => regions.listRegions(ctx.db)),
  createRegion: edit.input(ZRegionInput).mutation(({ ctx, input }) => regions.createRegion(ctx.db, ctx.actor, input)),
  updateRegion: edit.input(ZRegionUpdate).mutation(({ ctx, input }) => regions.updateRegion(ctx.db, ctx.actor, input)),
  deleteRegion: edit.input(ZById).mutation(({ ctx, input }) => regions.deleteRegion(ctx.db, ctx.actor, input)),

  addRegion: edit
    .input(ZDeploymentRegionInput)
    .mutation(({ ctx, input }) => placements.addRegionToDeployment(ctx.db, ctx.actor, input)),
  removeRegion: edit
    .input(ZRegionRemoval)
    .mutation(({ ctx, input }) => placements.removeRegionFromDeployment(ctx.db, ctx.actor, input)),

  createStackComponent: edit
    .input(ZStackComponentInput)
    .mutation(({ ctx, input }) => stack.createStackComponent(ctx.db, ctx.actor, input)),
  updateStackComponent: edit
    .input(ZStackComponentUpdate)
    .mutation(({ ctx, input }) => stack.updateStackComponent(ctx.db, ctx.actor, input)),
  deleteStackComponent: edit
    .input(ZById)
    .mutation(({ ctx, input }) => stack.deleteStackComponent(ctx.db, ctx.actor, input)),

  createCluster: edit
    .input(ZClusterInput)
    .mutation(({ ctx, input }) => clusters.createCluster(ctx.db, ctx.actor, input)),
  updateCluster: edit
    .input(ZClusterUpdate)
    .mutation(({ ctx, input }) => clusters.updateCluster(ctx.db, ctx.actor, input)),
  deleteCluster: edit.input(ZDelete).mutation(({ ctx, input }) => clusters.deleteCluster(ctx.db, ctx.actor, input)),

  createReplica: edit
    .input(ZReplicaInput)
    .mutation(({ ctx, input }) => replicas.createReplica(ctx.db, ctx.actor, input)),
  updateReplica: edit
    .input(ZReplicaUpdate)
    .mutation(({ ctx, input }) => replicas.updateReplica(ctx.db, ctx.actor, input)),
  deleteReplica: edit.input(ZDelete).mutation(({ ctx, input }) => replicas.deleteReplica(ctx.db, ctx.actor, input)),

  createLink: edit.input(ZLinkInput).mutation(({ ctx, input }) => links.createLink(ctx.db, ctx.actor, input)),
  updateLink: edit.input(ZLinkUpdate).mutation(({ ctx, input }) => links.updateLink(ctx.db, ctx.actor, input)),
  deleteLink: edit.input(ZById).mutation(({ ctx, input }) => links.deleteLink(ctx.db, ctx.actor, input)),

  createPolicy: edit.input(ZPolicyInput).mutation(({ ctx, input }) => routing.createPolicy(ctx.db, ctx.actor, input)),
  updatePolicy: edit.input(ZPolicyUpdate).mutation(({ ctx, input }) => routing.updatePolicy(ctx.db, ctx.actor, input)),
  deletePolicy: edit.input(ZDelete).mutation(({ ctx, input }) => routing.deletePolicy(ctx.db, ctx.actor, input)),

  createRule: edit.input(ZRuleInput).mutation(({ ctx, input }) => routing.createRule(ctx.db, ctx.actor, input)),
  updateRule: edit.input(ZRuleUpdate).mutation(({ ctx, input }) => routing.updateRule(ctx.db, ctx.actor, input)),
  deleteRule: edit.input(ZById).mutation(({ ctx, input }) => routing.deleteRule(ctx.db, ctx.actor, input)),
});

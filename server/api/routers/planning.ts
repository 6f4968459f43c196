// Planning: what a deployment costs, what-if scenarios, the one-off cost of operational events, and
// how ready its DR plan is. Each procedure parses, checks the permission, and calls one domain operation.
import { ZById } from "@/lib/fields";
import {
  ZCatalogItemUpdate,
  ZResidencyRuleInput,
  ZScenarioCreateRequest,
  ZScenarioUpdateRequest,
  type CatalogItemRow,
} from "@/lib/planning/contracts";
import { ZDeploymentLookup, ZDeploymentRef } from "@/lib/topology/contracts";
import { allowedTo, authedProcedure, router } from "@/server/api/trpc";
import { currentCatalog, updateCatalogItem } from "@/server/domain/planning/catalog";
import { costOfDeployment } from "@/server/domain/planning/cost-of-deployment";
import { eventCosts } from "@/server/domain/planning/event-cost";
import { planningInput } from "@/server/domain/planning/planning-input";
import { readiness } from "@/server/domain/planning/readiness";
import { createResidencyRule, deleteResidencyRule, listResidencyRules } from "@/server/domain/planning/residency";
import * as scenarios from "@/server/domain/planning/scenarios";

const edit = allowedTo("planning.edit");

export const planningRouter = router({
  input: authedProcedure.input(ZDeploymentLookup).query(({ ctx, input }) => planningInput(ctx.db, input.idOrSlug)),
  cost: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => costOfDeployment(ctx.db, input.deploymentId)),

  catalog: authedProcedure.query(({ ctx }): Promise<{ effectiveDate: string; items: CatalogItemRow[] }> =>
    currentCatalog(ctx.db),
  ),
  updateCatalogItem: allowedTo("catalog.edit")
    .input(ZCatalogItemUpdate)
    .mutation(({ ctx, input }) => updateCatalogItem(ctx.db, ctx.actor, input)),

  scenarios: authedProcedure
    .input(ZDeploymentRef)
    .query(({ ctx, input }) => scenarios.listScenarios(ctx.db, input.deploymentId)),
  scenario: authedProcedure.input(ZById).query(({ ctx, input }) => scenarios.getScenario(ctx.db, input.id)),
  createScenario: edit
    .input(ZScenarioCreateRequest)
    .mutation(({ ctx, input }) => scenarios.createScenario(ctx.db, ctx.actor, input)),
  updateScenario: edit
    .input(ZScenarioUpdateRequest)
    .mutation(({ ctx, input }) => scenarios.updateScenario(ctx.db, ctx.actor, input)),
  deleteScenario: edit.input(ZById).mutation(({ ctx, input }) => scenarios.deleteScenario(ctx.db, ctx.actor, input)),

  eventCosts: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => eventCosts(ctx.db, input.deploymentId)),
  readiness: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => readiness(ctx.db, input.deploymentId)),

  residencyRules: authedProcedure
    .input(ZDeploymentRef)
    .query(({ ctx, input }) => listResidencyRules(ctx.db, input.deploymentId)),
  createResidencyRule: edit
    .input(ZResidencyRuleInput)
    .mutation(({ ctx, input }) => createResidencyRule(ctx.db, ctx.actor, input)),
  deleteResidencyRule: edit.input(ZById).mutation(({ ctx, input }) => deleteResidencyRule(ctx.db, ctx.actor, input)),
});

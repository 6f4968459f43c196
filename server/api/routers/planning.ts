// Planning: what a deployment costs, what-if scenarios, the one-off cost of operational events, and
// how ready its DR plan is. Each procedure parses, checks the role, and calls one domain operation.
import { z } from "zod";

import { ZCatalogItemUpdate, ZResidencyRuleInput, type CatalogItemRow } from "@/lib/planning/contracts";
import { adminProcedure, authedProcedure, operatorProcedure, router } from "@/server/api/trpc";
import { currentCatalog, updateCatalogItem } from "@/server/domain/planning/catalog";
import { costOfDeployment } from "@/server/domain/planning/cost-of-deployment";
import { eventCosts } from "@/server/domain/planning/event-cost";
import { planningInput } from "@/server/domain/planning/planning-input";
import { readiness } from "@/server/domain/planning/readiness";
import { createResidencyRule, deleteResidencyRule, listResidencyRules } from "@/server/domain/planning/residency";
import * as scenarios from "@/server/domain/planning/scenarios";

const ZById = z.object({ id: z.string().min(1, "id is required") });
const ZByDeployment = z.object({ deploymentId: z.string().min(1, "deploymentId is required") });

export const planningRouter = router({
  input: authedProcedure
    .input(z.object({ idOrSlug: z.string().min(1, "idOrSlug is required") }))
    .query(({ ctx, input }) => planningInput(ctx.db, input.idOrSlug)),
  cost: authedProcedure.input(ZByDeployment).query(({ ctx, input }) => costOfDeployment(ctx.db, input.deploymentId)),

  catalog: authedProcedure.query(({ ctx }): Promise<{ effectiveDate: string; items: CatalogItemRow[] }> =>
    currentCatalog(ctx.db),
  ),
  updateCatalogItem: adminProcedure
    .input(ZCatalogItemUpdate)
    .mutation(({ ctx, input }) => updateCatalogItem(ctx.db, ctx.actor, input)),

  scenarios: authedProcedure
    .input(ZByDeployment)
    .query(({ ctx, input }) => scenarios.listScenarios(ctx.db, input.deploymentId)),
  scenario: authedProcedure.input(ZById).query(({ ctx, input }) => scenarios.getScenario(ctx.db, input.id)),
  createScenario: operatorProcedure
    .input(scenarios.ZScenarioCreateRequest)
    .mutation(({ ctx, input }) => scenarios.createScenario(ctx.db, ctx.actor, input)),
  updateScenario: operatorProcedure
    .input(scenarios.ZScenarioUpdateRequest)
    .mutation(({ ctx, input }) => scenarios.updateScenario(ctx.db, ctx.actor, input)),
  deleteScenario: operatorProcedure
    .input(ZById)
    .mutation(({ ctx, input }) => scenarios.deleteScenario(ctx.db, ctx.actor, input)),

  eventCosts: authedProcedure.input(ZByDeployment).query(({ ctx, input }) => eventCosts(ctx.db, input.deploymentId)),
  readiness: authedProcedure.input(ZByDeployment).query(({ ctx, input }) => readiness(ctx.db, input.deploymentId)),

  residencyRules: authedProcedure
    .input(ZByDeployment)
    .query(({ ctx, input }) => listResidencyRules(ctx.db, input.deploymentId)),
  createResidencyRule: operatorProcedure
    .input(ZResidencyRuleInput)
    .mutation(({ ctx, input }) => createResidencyRule(ctx.db, ctx.actor, input)),
  deleteResidencyRule: operatorProcedure
    .input(ZById)
    .mutation(({ ctx, input }) => deleteResidencyRule(ctx.db, ctx.actor, input)),
});

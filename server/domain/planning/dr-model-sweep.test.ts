// "Cost against RTO and RPO": the bar of the DR model a deployment runs is the deployment's own
// monthly cost, for each demo estate, computed from the model stored in PostgreSQL.
import { describe, expect, it } from "vitest";

import { computeEstateCost, drModelSweep } from "@/lib/cost";
import { db } from "@/server/db";
import { seedPlanningDemo, type DemoSlug } from "@/tests/planning-demo";

import { currentCatalog, plainCatalog } from "./catalog";
import { loadCostEstate } from "./estate-from-model";

describe("the DR model comparison", () => {
  it.each<DemoSlug>(["commerce-aws", "saas-azure", "global-platform"])(
    "%s: its own model's row costs what the deployment costs",
    async (slug) => {
      const { deployment } = await seedPlanningDemo(slug);
      // One read of the catalog for both: another test file moves a price meanwhile.
      const [estate, stored] = await Promise.all([loadCostEstate(db, deployment.id), currentCatalog(db)]);
      const catalog = plainCatalog(stored);
      const deploymentCost = computeEstateCost(estate, catalog);
      const sweep = drModelSweep(estate, catalog);
      const own = sweep.find((entry) => entry.model === estate.deployment.drModel)!.result;
      expect(own.ok && own.cost.totalMonthlyUsd).toBeCloseTo(deploymentCost.totalMonthlyUsd, 6);
      expect(own.ok && own.cost.byCategory).toEqual(deploymentCost.byCategory);
      // The other models are still the estate reshaped: backup & restore runs no standby compute.
      const backup = sweep.find((entry) => entry.model === "BACKUP_RESTORE")!.result;
      expect(backup.ok && backup.cost.totalMonthlyUsd).toBeLessThan(deploymentCost.totalMonthlyUsd);
    },
  );
});

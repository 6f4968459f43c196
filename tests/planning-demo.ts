// The article's three demo estates for planning tests, each under a fresh slug, with the price
// catalog seeded first. Test files run in parallel against one database, so shared rows (regions,
// prices) are created race-safely.
import { randomUUID } from "node:crypto";

import { DEMO_DEPLOYMENTS } from "@/prisma/seed/demo-deployments";
import { DEMO_REGIONS } from "@/prisma/seed/demo-regions";
import { seedCatalog } from "@/prisma/seed/seed-catalog";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { AppError } from "@/server/errors";

export type DemoSlug = "global-platform" | "commerce-aws" | "saas-azure";

/** Another test file may create the same demo region at the same moment: the loser finds it on retry. */
async function demoRegionIds() {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
    } catch (error) {
      const clash =
        (error instanceof AppError && error.code === "CONFLICT") || (error as { code?: unknown }).code === "P2002";
      if (!clash || attempt >= 5) throw error;
    }
  }
}

export async function seedPlanningDemo(slug: DemoSlug) {
  await seedCatalog(db);
  const regionIds = await demoRegionIds();
  const spec = DEMO_DEPLOYMENTS.find((demo) => demo.deployment.slug === slug);
  if (!spec) throw new Error(`no demo deployment ${slug}`);
  const fresh = `${slug}-${randomUUID().slice(0, 8)}`;
  const seeded = await seedDeployment(
    db,
    SYSTEM_ACTOR,
    { ...spec, deployment: { ...spec.deployment, slug: fresh, name: fresh } },
    regionIds,
  );
  return { ...seeded, regionIds };
}

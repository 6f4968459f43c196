// What the planning page loads: the deployment as the cost model sees it, and the stored prices.
import type { PlanningInput } from "@/lib/planning/contracts";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";

import { currentCatalog, plainCatalog } from "./catalog";
import { loadCostEstate } from "./estate-from-model";

export async function planningInput(db: Db, idOrSlug: string): Promise<PlanningInput> {
  const deployment = await db.deployment.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true, slug: true, name: true },
  });
  if (!deployment) throw notFound(`deployment ${idOrSlug}`);
  const [estate, catalog] = await Promise.all([loadCostEstate(db, deployment.id), currentCatalog(db)]);
  return {
    deploymentId: deployment.id,
    slug: deployment.slug,
    name: deployment.name,
    estate,
    catalog: plainCatalog(catalog),
  };
}

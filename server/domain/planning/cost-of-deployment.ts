// What a deployment costs per month, as modelled, with the stored catalog (the result names its date).
import { computeEstateCost, type TEstateCost } from "@/lib/cost";
import type { Db } from "@/server/db";

import { currentCatalog, plainCatalog } from "./catalog";
import { withCostModel } from "./cost-errors";
import { loadCostEstate } from "./estate-from-model";

export async function costOfDeployment(db: Db, deploymentId: string): Promise<TEstateCost> {
  const [estate, catalog] = await Promise.all([loadCostEstate(db, deploymentId), currentCatalog(db)]);
  return withCostModel(() => computeEstateCost(estate, plainCatalog(catalog)));
}

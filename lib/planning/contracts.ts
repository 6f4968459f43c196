// Contracts of the planning API, shared by the pages and the server. The cost model itself is
// lib/cost (pure); these are the shapes that travel between browser and server around it.
import { z } from "zod";

import { ZScenarioChanges, type TEstate, type TPriceCatalog, type TScenarioChange } from "@/lib/cost";

/** A price item as stored: the catalog's item plus its id and the date the price holds from. */
export type CatalogItemRow = {
  id: string;
  provider: string;
  item: string;
  unitPriceUsd: number;
  unit: string;
  source: string;
  effectiveDate: string;
};

export const ZCatalogItemUpdate = z.object({
  id: z.string().min(1, "id is required"),
  unitPriceUsd: z
    .number({ error: "unitPriceUsd must be a number" })
    .min(0, "unitPriceUsd must be at least 0")
    .max(1_000_000, "unitPriceUsd must be at most 1000000"),
  source: z
    .string()
    .trim()
    .min(1, "source is required: say where the price comes from")
    .max(300, "source must be at most 300 characters"),
  /** The day the new price holds from (YYYY-MM-DD); today when absent. */
  effectiveDate: z.iso.date("effectiveDate must be a date like 2026-11-26").optional(),
});
export type TCatalogItemUpdate = z.input<typeof ZCatalogItemUpdate>;

/** What the planning page loads: the deployment as the cost model sees it, and the prices. */
export type PlanningInput = {
  deploymentId: string;
  slug: string;
  name: string;
  estate: TEstate;
  catalog: TPriceCatalog;
};

export const ZScenarioInput = z.object({
  deploymentId: z.string().min(1, "deploymentId is required"),
  name: z.string().trim().min(1, "name is required").max(80, "name must be at most 80 characters"),
  changes: ZScenarioChanges,
});
export type TScenarioInput = z.input<typeof ZScenarioInput>;

export const ZScenarioUpdate = z.object({
  id: z.string().min(1, "id is required"),
  name: z.string().trim().min(1, "name is required").max(80, "name must be at most 80 characters").optional(),
  changes: ZScenarioChanges.optional(),
});

/** A stored scenario with the result computed when it was last saved (and the catalog date used). */
export type ScenarioRow = {
  id: string;
  deploymentId: string;
  name: string;
  changes: TScenarioChange[];
  totalMonthlyUsd: number;
  multiplier: number | null;
  catalogDate: string;
  createdByEmail: string;
  createdAt: Date;
  updatedAt: Date;
};

export const EVENT_KINDS = ["SWITCHOVER", "FAILBACK", "FAILOVER"] as const;

export type ReadinessStatus = "pass" | "warn" | "fail";
export type ReadinessItem = { id: string; title: string; status: ReadinessStatus; reason: string };

export const ZResidencyRuleInput = z.object({
  deploymentId: z.string().min(1, "deploymentId is required"),
  name: z.string().trim().min(1, "name is required").max(80, "name must be at most 80 characters"),
  /** The region group whose data must stay inside it. */
  regionIds: z
    .array(z.string().min(1))
    .min(1, "regionIds needs at least one region")
    .max(50, "regionIds may hold at most 50 regions"),
});
export type TResidencyRuleInput = z.input<typeof ZResidencyRuleInput>;

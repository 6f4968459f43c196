// Contracts of the planning API, shared by the pages and the server. The cost model itself is
// lib/cost (pure); these are the shapes that travel between browser and server around it.
import { z } from "zod";

import {
  MAX_SCENARIO_CHANGES,
  ZScenarioChanges,
  type TEstate,
  type TPriceCatalog,
  type TScenarioChange,
} from "@/lib/cost";
import { id, text } from "@/lib/fields";
import { ZDeploymentRef } from "@/lib/topology/contracts";

import { PRICE_FIELDS as PR, RESIDENCY_FIELDS as RS, SCENARIO_FIELDS as SC } from "./words";

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
  id: id("id"),
  unitPriceUsd: z
    .number({ error: `${PR.unitPriceUsd.label} must be a number` })
    .min(0, `${PR.unitPriceUsd.label} must be at least $0`)
    .max(1_000_000, `${PR.unitPriceUsd.label} must be at most $1,000,000`),
  source: z
    .string()
    .trim()
    .min(1, `${PR.source.label} is required: say where the price comes from`)
    .max(300, `${PR.source.label} must be at most 300 characters`),
  /** The day the new price holds from (YYYY-MM-DD); today when absent. */
  effectiveDate: z.iso.date(`${PR.effectiveDate.label} must be a date like 2026-11-26`).optional(),
});
export type TCatalogItemUpdate = z.infer<typeof ZCatalogItemUpdate>;

/** What the planning page loads: the deployment as the cost model sees it, and the prices. */
export type PlanningInput = {
  deploymentId: string;
  slug: string;
  name: string;
  estate: TEstate;
  catalog: TPriceCatalog;
};

/** A scenario as the editor checks it: every change against the cost model's schema. */
export const ZScenarioInput = ZDeploymentRef.extend({
  name: text(SC.name, 80),
  changes: ZScenarioChanges,
});
export type TScenarioInput = z.input<typeof ZScenarioInput>;

export const ZScenarioUpdate = z.object({
  id: id("id"),
  name: text(SC.name, 80).optional(),
  changes: ZScenarioChanges.optional(),
});

// The API takes the list of changes as given and checks it by applying it (lib/cost's
// applyScenario), so a refusal names the field `changes` in the cost model's own sentence, e.g. "a
// scenario needs at least one change" or "change 1 (setTier) names region ..., which is not in the estate".
const ZChangesAsGiven = z
  .custom<TScenarioChange[]>((value) => Array.isArray(value), "changes must be a list of changes")
  .refine(
    (changes) => changes.length <= MAX_SCENARIO_CHANGES,
    `a scenario may hold at most ${MAX_SCENARIO_CHANGES} changes`,
  );
export const ZScenarioCreateRequest = ZScenarioInput.extend({ changes: ZChangesAsGiven });
export type TScenarioCreateRequest = z.infer<typeof ZScenarioCreateRequest>;
export const ZScenarioUpdateRequest = ZScenarioUpdate.extend({ changes: ZChangesAsGiven.optional() });
export type TScenarioUpdateRequest = z.infer<typeof ZScenarioUpdateRequest>;

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

export const ZResidencyRuleInput = ZDeploymentRef.extend({
  name: text(RS.name, 80),
  /** The region group whose data must stay inside it. */
  regionIds: z
    .array(z.string().min(1))
    .min(1, `${RS.regions.label} needs at least one region`)
    .max(50, `${RS.regions.label} may hold at most 50 regions`),
});
export type TResidencyRuleInput = z.infer<typeof ZResidencyRuleInput>;

// What-if scenarios: a copy of a deployment plus a list of changes. Only the changes are stored,
// with what they cost when last saved and the catalog date of that price.
import { z } from "zod";

import {
  applyScenario,
  computeEstateCost,
  formatUsd,
  MAX_SCENARIO_CHANGES,
  ZScenarioChanges,
  type TEstate,
  type TEstateCost,
  type TScenarioChange,
} from "@/lib/cost";
import { ZScenarioInput, ZScenarioUpdate, type ScenarioRow, type TScenarioInput } from "@/lib/planning/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, notFound } from "@/server/errors";
import type { Prisma, Scenario } from "@/server/generated/prisma/client";

import { currentCatalog, plainCatalog } from "./catalog";
import { withCostModel } from "./cost-errors";
import { loadEstate } from "./estate-from-model";

// The list of changes arrives as given and is checked by applying it (lib/cost's applyScenario), so
// a refusal names the field `changes` in the cost model's own sentence, e.g. "a scenario needs at
// least one change" or "change 1 (setTier) names region ..., which is not in the estate".
const ZChangesAsGiven = z
  .custom<TScenarioChange[]>((value) => Array.isArray(value), "changes must be a list of changes")
  .refine(
    (changes) => changes.length <= MAX_SCENARIO_CHANGES,
    `a scenario may hold at most ${MAX_SCENARIO_CHANGES} changes`,
  );
export const ZScenarioCreateRequest = ZScenarioInput.extend({ changes: ZChangesAsGiven });
export const ZScenarioUpdateRequest = ZScenarioUpdate.extend({ changes: ZChangesAsGiven.optional() });
export type TScenarioUpdate = z.input<typeof ZScenarioUpdateRequest>;

export function scenarioRow(row: Scenario): ScenarioRow {
  return {
    id: row.id,
    deploymentId: row.deploymentId,
    name: row.name,
    changes: row.changes as TScenarioChange[],
    totalMonthlyUsd: row.totalMonthlyUsd,
    multiplier: row.multiplier,
    catalogDate: row.catalogDate,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function parsed<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AppError("BAD_REQUEST", issue.message, { field: String(issue.path[0] ?? "input") });
}

/** Applies the changes to today's model and prices the result with today's catalog. */
async function priceChanges(db: Db, deploymentId: string, changesInput: readonly TScenarioChange[]) {
  const [estate, catalog] = await Promise.all([loadEstate(db, deploymentId), currentCatalog(db)]);
  const prices = plainCatalog(catalog);
  // The model as it stands must cost first: if it cannot, the fault is the model's or the catalog's.
  withCostModel(() => computeEstateCost(estate, prices));
  const changed = withCostModel(() => applyScenario(estate, changesInput), "changes");
  // A change can ask for a price the catalog lacks (a provider with no compute prices): the changes' fault.
  const cost: TEstateCost = withCostModel(() => computeEstateCost(changed, prices), "changes");
  return { changes: ZScenarioChanges.parse(changesInput), cost };
}

const costFields = (cost: TEstateCost) => ({
  totalMonthlyUsd: cost.totalMonthlyUsd,
  multiplier: cost.multiplier,
  catalogDate: cost.catalogDate,
});
const asJson = (changes: TScenarioChange[]) => changes as unknown as Prisma.InputJsonValue;

async function requireDeployment(db: Db, deploymentId: string) {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true, name: true } });
  if (!deployment) throw notFound("the deployment");
  return deployment;
}

export async function listScenarios(db: Db, deploymentId: string): Promise<ScenarioRow[]> {
  await requireDeployment(db, deploymentId);
  const rows = await db.scenario.findMany({ where: { deploymentId }, orderBy: [{ name: "asc" }] });
  return rows.map(scenarioRow);
}

/** The stored scenario and the estate it describes: today's model with its changes applied. */
export async function getScenario(db: Db, id: string): Promise<{ scenario: ScenarioRow; estate: TEstate }> {
  const row = await db.scenario.findUnique({ where: { id } });
  if (!row) throw notFound("the scenario");
  const scenario = scenarioRow(row);
  const estate = await loadEstate(db, row.deploymentId);
  try {
    return { scenario, estate: applyScenario(estate, scenario.changes) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "PRECONDITION_FAILED",
      `scenario ${row.name} no longer applies to the deployment as modelled now: ${why}. Edit its changes.`,
      { field: "changes", cause: error },
    );
  }
}

export async function createScenario(db: Db, actor: Actor, input: TScenarioInput): Promise<ScenarioRow> {
  const { deploymentId, name, changes: changesInput } = parsed(ZScenarioCreateRequest, input);
  const deployment = await requireDeployment(db, deploymentId);
  const { changes, cost } = await priceChanges(db, deploymentId, changesInput);
  return db.$transaction(async (tx) => {
    if (await tx.scenario.findUnique({ where: { deploymentId_name: { deploymentId, name } } })) {
      throw conflict(`deployment ${deployment.name} already has a scenario named ${name}`, "name");
    }
    const row = scenarioRow(
      await tx.scenario.create({
        data: {
          deploymentId,
          name,
          changes: asJson(changes),
          ...costFields(cost),
          createdById: actor.userId,
          createdByEmail: actor.email,
        },
      }),
    );
    await recordAudit(tx, actor, {
      action: "scenario.create",
      objectType: "scenario",
      objectId: row.id,
      summary: `created scenario ${name} for ${deployment.name}: ${changes.length} changes, ${formatUsd(cost.totalMonthlyUsd)}/month (catalog ${cost.catalogDate})`,
      after: row,
    });
    return row;
  });
}

/** Renames and/or replaces the changes; either way the totals are recomputed with today's model and catalog. */
export async function updateScenario(db: Db, actor: Actor, input: TScenarioUpdate): Promise<ScenarioRow> {
  const request = parsed(ZScenarioUpdateRequest, input);
  const current = await db.scenario.findUnique({ where: { id: request.id } });
  if (!current) throw notFound("the scenario");
  const name = request.name ?? current.name;
  const { changes, cost } = await priceChanges(
    db,
    current.deploymentId,
    request.changes ?? (current.changes as TScenarioChange[]),
  );
  return db.$transaction(async (tx) => {
    const before = await tx.scenario.findUnique({ where: { id: current.id } });
    if (!before) throw notFound("the scenario");
    const clash = await tx.scenario.findUnique({
      where: { deploymentId_name: { deploymentId: before.deploymentId, name } },
    });
    if (clash && clash.id !== before.id) throw conflict(`this deployment already has a scenario named ${name}`, "name");
    const after = scenarioRow(
      await tx.scenario.update({
        where: { id: before.id },
        data: { name, changes: asJson(changes), ...costFields(cost) },
      }),
    );
    const moved =
      [name !== before.name && "name", request.changes && "changes"].filter(Boolean).join(" and ") ||
      "totals recomputed";
    await recordAudit(tx, actor, {
      action: "scenario.update",
      objectType: "scenario",
      objectId: before.id,
      summary: `updated scenario ${before.name}: ${moved}; now ${formatUsd(cost.totalMonthlyUsd)}/month (catalog ${cost.catalogDate})`,
      before: scenarioRow(before),
      after,
    });
    return after;
  });
}

export async function deleteScenario(db: Db, actor: Actor, input: { id: string }): Promise<ScenarioRow> {
  return db.$transaction(async (tx) => {
    const before = await tx.scenario.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the scenario");
    await tx.scenario.delete({ where: { id: before.id } });
    const row = scenarioRow(before);
    await recordAudit(tx, actor, {
      action: "scenario.delete",
      objectType: "scenario",
      objectId: before.id,
      summary: `deleted scenario ${before.name}`,
      before: row,
    });
    return row;
  });
}

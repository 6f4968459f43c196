// The what-if changes an operator can stack into a scenario, as typed plain data.
import { z } from "zod";

import { atLeastZero, text, wholeAtLeastZero } from "@/lib/fields";
import { STACK_FIELDS } from "@/lib/topology/words";

import { ZComponentKind, ZDrModel, ZProvider, ZRoutingProduct, ZStackComponent, ZTier } from "./schema";

export const SCENARIO_CHANGE_KINDS = [
  "setDrModel",
  "addRegion",
  "removeRegion",
  "setTier",
  "setInstanceCount",
  "setReplicationVolume",
  "setRoutingProduct",
  "setProvider",
] as const;

/** 10 PB a day: more than any replication link carries. */
export const MAX_VOLUME_GB_PER_DAY = 10_000_000;
/** The replication slider's field, as the planning page names it. */
const REPLICATION_VOLUME = { label: "Replication volume", unit: "gbPerDay" } as const;
/** Changes one scenario may stack. */
export const MAX_SCENARIO_CHANGES = 200;

export const ZScenarioChange = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("setDrModel"), drModel: ZDrModel }),
    z.object({
      kind: z.literal("addRegion"),
      region: z.object({ id: text("id"), code: text("code"), provider: ZProvider, continent: text("continent") }),
      /** Omitted: the new region is shaped from the primary by the deployment's DR model. */
      components: z.array(ZStackComponent).max(20, { error: "components may hold at most 20 parts" }).optional(),
      /** Omitted: the largest volume the primary already sends to a secondary (0 if none). */
      replicationVolumeGbPerDay: atLeastZero(REPLICATION_VOLUME, MAX_VOLUME_GB_PER_DAY).optional(),
    }),
    z.object({ kind: z.literal("removeRegion"), regionId: text("regionId") }),
    z.object({ kind: z.literal("setTier"), regionId: text("regionId"), component: ZComponentKind, tier: ZTier }),
    z.object({
      kind: z.literal("setInstanceCount"),
      regionId: text("regionId"),
      component: ZComponentKind,
      instanceCount: wholeAtLeastZero(STACK_FIELDS.instanceCount),
    }),
    z.object({
      kind: z.literal("setReplicationVolume"),
      sourceRegionId: text("sourceRegionId"),
      targetRegionId: text("targetRegionId"),
      volumeGbPerDay: atLeastZero(REPLICATION_VOLUME, MAX_VOLUME_GB_PER_DAY),
    }),
    z.object({ kind: z.literal("setRoutingProduct"), product: ZRoutingProduct }),
    z.object({ kind: z.literal("setProvider"), regionId: text("regionId"), provider: ZProvider }),
  ],
  { error: `kind must be one of ${SCENARIO_CHANGE_KINDS.join(", ")}` },
);

export const ZScenarioChanges = z
  .array(ZScenarioChange)
  .min(1, { error: "a scenario needs at least one change" })
  .max(MAX_SCENARIO_CHANGES, { error: `a scenario may hold at most ${MAX_SCENARIO_CHANGES} changes` });

export type TScenarioChange = z.infer<typeof ZScenarioChange>;

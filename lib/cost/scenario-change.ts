// The what-if changes an operator can stack into a scenario, as typed plain data.
import { z } from "zod";

import { atLeastZero, text, wholeAtLeastZero } from "@/lib/fields";

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

export const ZScenarioChange = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("setDrModel"), drModel: ZDrModel }),
    z.object({
      kind: z.literal("addRegion"),
      region: z.object({ id: text("id"), code: text("code"), provider: ZProvider, continent: text("continent") }),
      /** Omitted: the new region is shaped from the primary by the deployment's DR model. */
      components: z.array(ZStackComponent).optional(),
      /** Omitted: the largest volume the primary already sends to a secondary (0 if none). */
      replicationVolumeGbPerDay: atLeastZero("replicationVolumeGbPerDay").optional(),
    }),
    z.object({ kind: z.literal("removeRegion"), regionId: text("regionId") }),
    z.object({ kind: z.literal("setTier"), regionId: text("regionId"), component: ZComponentKind, tier: ZTier }),
    z.object({
      kind: z.literal("setInstanceCount"),
      regionId: text("regionId"),
      component: ZComponentKind,
      instanceCount: wholeAtLeastZero("instanceCount"),
    }),
    z.object({
      kind: z.literal("setReplicationVolume"),
      sourceRegionId: text("sourceRegionId"),
      targetRegionId: text("targetRegionId"),
      volumeGbPerDay: atLeastZero("volumeGbPerDay"),
    }),
    z.object({ kind: z.literal("setRoutingProduct"), product: ZRoutingProduct }),
    z.object({ kind: z.literal("setProvider"), regionId: text("regionId"), provider: ZProvider }),
  ],
  { error: `kind must be one of ${SCENARIO_CHANGE_KINDS.join(", ")}` },
);

export const ZScenarioChanges = z.array(ZScenarioChange).min(1, { error: "a scenario needs at least one change" });

export type TScenarioChange = z.infer<typeof ZScenarioChange>;

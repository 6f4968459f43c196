// Applies a list of what-if changes to an estate, purely: the input estate is never modified.
import { label } from "@/lib/topology/words";

import { CostError } from "./errors";
import { parseInput } from "./parse-input";
import { reshapeForDrModel, reshapeReplicas, shapeSecondaryStack, standbyCount } from "./reshape-for-dr-model";
import { ZScenarioChanges, type TScenarioChange } from "./scenario-change";
import { ZEstate, type TComponentKind, type TEstate, type TRegion, type TStackComponent } from "./schema";
import { describeChangeErrors, describeZodError } from "./zod-message";

type TChangeContext = { index: number; change: TScenarioChange };

function where({ index, change }: TChangeContext): string {
  return `change ${index + 1} (${change.kind})`;
}

function requireRegion(estate: TEstate, regionId: string, context: TChangeContext): TRegion {
  const region = estate.regions.find((candidate) => candidate.id === regionId);
  if (!region) {
    throw new CostError(
      "UNKNOWN_REGION",
      `${where(context)} names region "${regionId}", which is not in the estate (known: ${estate.regions.map((r) => r.id).join(", ")})`,
    );
  }
  return region;
}

function updateRegion(estate: TEstate, regionId: string, update: (region: TRegion) => TRegion): TEstate {
  return { ...estate, regions: estate.regions.map((region) => (region.id === regionId ? update(region) : region)) };
}

function updateComponent(
  estate: TEstate,
  regionId: string,
  kind: TComponentKind,
  context: TChangeContext,
  update: (component: TStackComponent) => TStackComponent,
): TEstate {
  const region = requireRegion(estate, regionId, context);
  if (!region.components.some((component) => component.kind === kind)) {
    throw new CostError(
      "INVALID_SCENARIO",
      `${where(context)}: region ${region.code} has no ${label(kind).toLowerCase()} component to change`,
    );
  }
  return updateRegion(estate, regionId, (r) => ({
    ...r,
    components: r.components.map((c) => (c.kind === kind ? update(c) : c)),
  }));
}

function primaryOf(estate: TEstate): TRegion {
  const primary = estate.regions.find((region) => region.isPrimary);
  if (!primary) throw new CostError("INVALID_INPUT", "regions must have exactly one primary (isPrimary)");
  return primary;
}

function applyChange(estate: TEstate, context: TChangeContext): TEstate {
  const { change } = context;
  switch (change.kind) {
    case "setDrModel":
      // The model the estate runs already is the estate as sized: 3 of 10 instances in a warm
      // standby cost what 3 cost, not the textbook half. Reshaping it would price the deployment's
      // own model above the deployment (the DR comparison's $12.2K against its $11.6K).
      return change.drModel === estate.deployment.drModel ? estate : reshapeForDrModel(estate, change.drModel);
    case "addRegion": {
      if (estate.regions.some((region) => region.id === change.region.id)) {
        throw new CostError("INVALID_SCENARIO", `${where(context)}: region id "${change.region.id}" already exists`);
      }
      const primary = primaryOf(estate);
      const model = estate.deployment.drModel;
      const region: TRegion = {
        ...change.region,
        isPrimary: false,
        components: change.components ?? shapeSecondaryStack(primary, undefined, model),
      };
      const sentByPrimary = estate.replicationLinks
        .filter((link) => link.sourceRegionId === primary.id)
        .map((link) => link.volumeGbPerDay);
      const volumeGbPerDay = change.replicationVolumeGbPerDay ?? Math.max(0, ...sentByPrimary);
      const withRegion: TEstate = {
        ...estate,
        regions: [...estate.regions, region],
        replicationLinks:
          volumeGbPerDay > 0 || change.replicationVolumeGbPerDay !== undefined
            ? [...estate.replicationLinks, { sourceRegionId: primary.id, targetRegionId: region.id, volumeGbPerDay }]
            : estate.replicationLinks,
      };
      return { ...withRegion, replicas: reshapeReplicas(withRegion, model) };
    }
    case "removeRegion": {
      const region = requireRegion(estate, change.regionId, context);
      if (region.isPrimary) {
        throw new CostError(
          "INVALID_SCENARIO",
          `${where(context)}: cannot remove the primary region ${region.code}; promote another region first`,
        );
      }
      return {
        ...estate,
        regions: estate.regions.filter((r) => r.id !== region.id),
        replicas: estate.replicas.filter((replica) => replica.regionId !== region.id),
        replicationLinks: estate.replicationLinks.filter(
          (link) => link.sourceRegionId !== region.id && link.targetRegionId !== region.id,
        ),
      };
    }
    case "setTier": {
      const primaryCount = primaryOf(estate).components.find((c) => c.kind === change.component)?.instanceCount ?? 1;
      return updateComponent(estate, change.regionId, change.component, context, (component) => {
        // Turning on something with no instances would cost nothing and mean nothing: give it instances.
        const needsInstances = change.tier !== "OFF" && component.instanceCount === 0;
        const instanceCount = !needsInstances
          ? component.instanceCount
          : change.tier === "FULL"
            ? Math.max(1, primaryCount)
            : standbyCount(primaryCount);
        return { ...component, tier: change.tier, instanceCount };
      });
    }
    case "setInstanceCount":
      return updateComponent(estate, change.regionId, change.component, context, (component) => ({
        ...component,
        instanceCount: change.instanceCount,
      }));
    case "setReplicationVolume": {
      requireRegion(estate, change.sourceRegionId, context);
      requireRegion(estate, change.targetRegionId, context);
      const { sourceRegionId, targetRegionId, volumeGbPerDay } = change;
      const exists = estate.replicationLinks.some(
        (link) => link.sourceRegionId === sourceRegionId && link.targetRegionId === targetRegionId,
      );
      return {
        ...estate,
        replicationLinks: exists
          ? estate.replicationLinks.map((link) =>
              link.sourceRegionId === sourceRegionId && link.targetRegionId === targetRegionId
                ? { ...link, volumeGbPerDay }
                : link,
            )
          : [...estate.replicationLinks, { sourceRegionId, targetRegionId, volumeGbPerDay }],
      };
    }
    case "setRoutingProduct":
      return { ...estate, routing: { ...estate.routing, product: change.product } };
    case "setProvider":
      requireRegion(estate, change.regionId, context);
      return updateRegion(estate, change.regionId, (region) => ({ ...region, provider: change.provider }));
  }
}

export function applyScenario(estateInput: TEstate, changesInput: readonly TScenarioChange[]): TEstate {
  const parsedChanges = ZScenarioChanges.safeParse(changesInput);
  if (!parsedChanges.success) throw new CostError("INVALID_SCENARIO", describeChangeErrors(parsedChanges.error));
  const estate = parseInput(ZEstate, estateInput, "estate");
  const result = parsedChanges.data.reduce((current, change, index) => applyChange(current, { index, change }), estate);
  const checked = ZEstate.safeParse(result);
  if (!checked.success)
    throw new CostError(
      "INVALID_SCENARIO",
      `the scenario would leave an invalid estate: ${describeZodError(checked.error)}`,
    );
  return checked.data;
}

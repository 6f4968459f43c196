// Reshapes secondary regions to what a DR model actually runs there, using the primary as the template.
import type { TComponentKind, TDrModel, TEstate, TRegion, TReplica, TStackComponent } from "./schema";

/** A warm standby runs "fewer instances but enough to accept traffic" (seed article): half, rounded up, at least one. */
export const STANDBY_FRACTION = 0.5;

type TShape = "MIRROR" | "FRACTION" | "OFF" | "KEEP_OR_FRACTION";

// Seed article, section 2: pilot light keeps replicas in sync with compute off; warm standby scales the
// whole stack down; active-active mirrors it. Object storage is replicated in every model (backups live there).
// CDN is global and fails over at the origin, so only active-active keeps one per region.
const SECONDARY_SHAPE: Record<TDrModel, Record<TComponentKind, TShape>> = {
  ACTIVE_ACTIVE: { COMPUTE: "MIRROR", DATABASE: "MIRROR", CACHE: "MIRROR", OBJECT_STORAGE: "MIRROR", CDN: "MIRROR" },
  WARM_STANDBY: { COMPUTE: "FRACTION", DATABASE: "FRACTION", CACHE: "FRACTION", OBJECT_STORAGE: "MIRROR", CDN: "OFF" },
  PILOT_LIGHT: { COMPUTE: "OFF", DATABASE: "KEEP_OR_FRACTION", CACHE: "OFF", OBJECT_STORAGE: "MIRROR", CDN: "OFF" },
  BACKUP_RESTORE: { COMPUTE: "OFF", DATABASE: "OFF", CACHE: "OFF", OBJECT_STORAGE: "MIRROR", CDN: "OFF" },
};

export function standbyCount(primaryCount: number): number {
  return Math.max(1, Math.ceil(primaryCount * STANDBY_FRACTION));
}

function shapeComponent(shape: TShape, template: TStackComponent, own: TStackComponent | undefined): TStackComponent {
  const instanceSize = own?.instanceSize ?? template.instanceSize;
  const base = { kind: template.kind, instanceSize };
  if (shape === "KEEP_OR_FRACTION" && own && own.tier !== "OFF" && own.instanceCount > 0) return { ...own };
  if (shape === "MIRROR") return { ...base, tier: "FULL", instanceCount: template.instanceCount };
  if (shape === "OFF") return { ...base, tier: "OFF", instanceCount: 0 };
  return { ...base, tier: "SCALED_DOWN", instanceCount: standbyCount(template.instanceCount) };
}

/** The stack a secondary runs under `model`: every kind the primary or the secondary has, shaped by the model. */
export function shapeSecondaryStack(
  primary: TRegion,
  secondary: TRegion | undefined,
  model: TDrModel,
): TStackComponent[] {
  const kinds = new Set([...primary.components, ...(secondary?.components ?? [])].map((component) => component.kind));
  return [...kinds].flatMap((kind) => {
    const own = secondary?.components.find((component) => component.kind === kind);
    const template = primary.components.find((component) => component.kind === kind) ?? own;
    return template ? [shapeComponent(SECONDARY_SHAPE[model][kind], template, own)] : [];
  });
}

function uniqueReplicaId(regionId: string, taken: ReadonlySet<string>): string {
  let candidate = `${regionId}-replica`;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${regionId}-replica-${n}`;
  return candidate;
}

/** Secondaries hold a replica in every model but backup & restore, which restores from object storage instead. */
export function reshapeReplicas(estate: TEstate, model: TDrModel): TReplica[] {
  const primary = estate.regions.find((region) => region.isPrimary);
  const secondaryIds = new Set(estate.regions.filter((region) => !region.isPrimary).map((region) => region.id));
  if (model === "BACKUP_RESTORE") return estate.replicas.filter((replica) => !secondaryIds.has(replica.regionId));
  const hasDatabase =
    primary?.components.some(
      (component) => component.kind === "DATABASE" && component.tier !== "OFF" && component.instanceCount > 0,
    ) || estate.replicas.some((replica) => replica.regionId === primary?.id);
  if (!hasDatabase) return estate.replicas;
  const replicas = [...estate.replicas];
  const taken = new Set(replicas.map((replica) => replica.id));
  for (const regionId of secondaryIds) {
    if (replicas.some((replica) => replica.regionId === regionId)) continue;
    const id = uniqueReplicaId(regionId, taken);
    taken.add(id);
    replicas.push({ id, regionId });
  }
  return replicas;
}

export function reshapeForDrModel(estate: TEstate, model: TDrModel): TEstate {
  const primary = estate.regions.find((region) => region.isPrimary);
  if (!primary) return { ...estate, deployment: { ...estate.deployment, drModel: model } };
  return {
    ...estate,
    deployment: { ...estate.deployment, drModel: model },
    regions: estate.regions.map((region) =>
      region.isPrimary ? region : { ...region, components: shapeSecondaryStack(primary, region, model) },
    ),
    replicas: reshapeReplicas(estate, model),
  };
}

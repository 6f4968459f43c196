// Contracts for editing the model of the estate. The same schemas check forms in the browser and
// inputs on the server, so a field error reads the same in both places.
import { z } from "zod";

import {
  CONFLICT_STRATEGIES,
  CONSISTENCY_LEVELS,
  CONTINENTS,
  DR_MODELS,
  LINK_MODES,
  PROVIDERS,
  REPLICA_ROLES,
  ROUTING_LAYERS,
  ROUTING_PRODUCTS,
  STACK_KINDS,
  STACK_TIERS,
  STEERINGS,
  WRITE_TOPOLOGIES,
} from "@/lib/enums";
import { code, id, intIn, numberIn, oneOf, text } from "@/lib/fields";

const DAY_SECONDS = 86_400;

export const ZDeploymentInput = z.object({
  slug: code("slug"),
  name: text("name"),
  description: z.string().trim().max(500, "description must be at most 500 characters").default(""),
  drModel: oneOf("drModel", DR_MODELS),
  rtoTargetSeconds: intIn("rtoTargetSeconds", 0, 7 * DAY_SECONDS),
  rpoTargetSeconds: intIn("rpoTargetSeconds", 0, 7 * DAY_SECONDS),
  availabilityTargetPct: numberIn("availabilityTargetPct", 90, 99.99999),
});
export type TDeploymentInput = z.infer<typeof ZDeploymentInput>;

export const ZRegionInput = z.object({
  provider: oneOf("provider", PROVIDERS),
  code: code("code"),
  displayName: text("displayName"),
  continent: oneOf("continent", CONTINENTS),
  latitude: numberIn("latitude", -90, 90),
  longitude: numberIn("longitude", -180, 180),
});
export type TRegionInput = z.infer<typeof ZRegionInput>;

export const ZDeploymentRegionInput = z.object({ deploymentId: id("deploymentId"), regionId: id("regionId") });

export const ZStackComponentInput = z.object({
  deploymentId: id("deploymentId"),
  regionId: id("regionId"),
  kind: oneOf("kind", STACK_KINDS),
  tier: oneOf("tier", STACK_TIERS),
  instanceCount: intIn("instanceCount", 0, 10_000),
  instanceSize: text("instanceSize", 40),
});
export type TStackComponentInput = z.infer<typeof ZStackComponentInput>;

export const ZClusterInput = z.object({
  deploymentId: id("deploymentId"),
  name: text("name", 63),
  engine: text("engine", 60),
  writeTopology: oneOf("writeTopology", WRITE_TOPOLOGIES),
  conflictStrategy: oneOf("conflictStrategy", CONFLICT_STRATEGIES),
  consistencyLevel: oneOf("consistencyLevel", CONSISTENCY_LEVELS),
});
export type TClusterInput = z.infer<typeof ZClusterInput>;

export const ZReplicaInput = z.object({
  clusterId: id("clusterId"),
  regionId: id("regionId"),
  name: code("name"),
  role: oneOf("role", REPLICA_ROLES),
  endpoint: z
    .string()
    .trim()
    .max(255, "endpoint must be at most 255 characters")
    .regex(/^[\w.-]+(:\d{1,5})?$|^$/, "endpoint must be host or host:port")
    .optional()
    .transform((value) => (value ? value : null)),
});
export type TReplicaInput = z.infer<typeof ZReplicaInput>;

export const ZLinkInput = z.object({
  sourceReplicaId: id("sourceReplicaId"),
  targetReplicaId: id("targetReplicaId"),
  mode: oneOf("mode", LINK_MODES),
  expectedVolumeGbPerDay: numberIn("expectedVolumeGbPerDay", 0, 1_000_000),
});
export type TLinkInput = z.infer<typeof ZLinkInput>;

const ZHealthCheck = z.object({
  healthCheckIntervalSeconds: intIn("healthCheckIntervalSeconds", 5, 300),
  healthCheckTimeoutSeconds: intIn("healthCheckTimeoutSeconds", 1, 60),
  healthCheckFailureThreshold: intIn("healthCheckFailureThreshold", 1, 10),
  healthCheckProbeLocations: z
    .array(code("probe location"), { error: "healthCheckProbeLocations must be a list" })
    .min(1, "healthCheckProbeLocations needs at least one probe location")
    .max(50, "healthCheckProbeLocations may hold at most 50 probe locations"),
  healthCheckQuorum: intIn("healthCheckQuorum", 1, 50),
});

export const ZPolicyFields = z
  .object({
    deploymentId: id("deploymentId"),
    name: text("name", 63),
    layer: oneOf("layer", ROUTING_LAYERS),
    product: oneOf("product", ROUTING_PRODUCTS),
    steering: oneOf("steering", STEERINGS),
    dnsTtlSeconds: intIn("dnsTtlSeconds", 0, DAY_SECONDS),
  })
  .extend(ZHealthCheck.shape);
export const ZPolicyInput = ZPolicyFields.superRefine(checkHealthCheck);
export type TPolicyInput = z.infer<typeof ZPolicyInput>;

/** Cross-field rules of a health check: they need the whole object, so they live outside the fields. */
export function checkHealthCheck(value: Partial<z.infer<typeof ZHealthCheck>>, ctx: z.RefinementCtx) {
  const { healthCheckTimeoutSeconds: timeout, healthCheckIntervalSeconds: interval } = value;
  if (timeout !== undefined && interval !== undefined && timeout >= interval) {
    ctx.addIssue({
      code: "custom",
      path: ["healthCheckTimeoutSeconds"],
      message: "healthCheckTimeoutSeconds must be shorter than healthCheckIntervalSeconds",
    });
  }
  const locations = value.healthCheckProbeLocations;
  if (locations && value.healthCheckQuorum !== undefined && value.healthCheckQuorum > locations.length) {
    ctx.addIssue({
      code: "custom",
      path: ["healthCheckQuorum"],
      message: `healthCheckQuorum must be at most the number of probe locations (${locations.length})`,
    });
  }
  if (locations && new Set(locations).size !== locations.length) {
    ctx.addIssue({
      code: "custom",
      path: ["healthCheckProbeLocations"],
      message: "healthCheckProbeLocations must not repeat a location",
    });
  }
}

export const ZRuleInput = z.object({
  policyId: id("policyId"),
  regionId: id("regionId"),
  weight: intIn("weight", 0, 100),
  priority: intIn("priority", 0, 1000),
  geoMatch: z.array(text("geo match", 40)).max(50, "geoMatch may hold at most 50 entries").default([]),
  enabled: z.boolean().default(true),
  drained: z.boolean().default(false),
});
export type TRuleInput = z.infer<typeof ZRuleInput>;

/** `{ id, ...changes }` for an update: every field optional, none may be unknown. */
export const updateOf = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ id: id("id") })
    .extend(z.object(shape).partial().shape)
    .strict();

export const ZDelete = z.object({
  id: id("id"),
  /** Deleting something that others depend on is refused unless the user confirmed the cascade. */
  cascade: z.boolean().default(false),
});

// Updates: `{ id, ...changes }`; the domain checks the whole object they would leave (mergedValid).
export const ZDeploymentUpdate = updateOf(ZDeploymentInput.shape);
export const ZRegionUpdate = updateOf(ZRegionInput.shape);
export const ZStackComponentUpdate = updateOf(
  ZStackComponentInput.omit({ deploymentId: true, regionId: true, kind: true }).shape,
);
export const ZClusterUpdate = updateOf(ZClusterInput.omit({ deploymentId: true }).shape);
export const ZReplicaUpdate = updateOf(ZReplicaInput.omit({ clusterId: true, regionId: true }).shape);
export const ZLinkUpdate = updateOf(ZLinkInput.omit({ sourceReplicaId: true, targetReplicaId: true }).shape);
export const ZPolicyUpdate = updateOf(ZPolicyFields.omit({ deploymentId: true }).shape);
export const ZRuleUpdate = updateOf(ZRuleInput.omit({ policyId: true, regionId: true }).shape);

export type TDeploymentUpdate = z.infer<typeof ZDeploymentUpdate>;
export type TRegionUpdate = z.infer<typeof ZRegionUpdate>;
export type TStackComponentUpdate = z.infer<typeof ZStackComponentUpdate>;
export type TClusterUpdate = z.infer<typeof ZClusterUpdate>;
export type TReplicaUpdate = z.infer<typeof ZReplicaUpdate>;
export type TLinkUpdate = z.infer<typeof ZLinkUpdate>;
export type TPolicyUpdate = z.infer<typeof ZPolicyUpdate>;
export type TRuleUpdate = z.infer<typeof ZRuleUpdate>;

export const ZRegionRemoval = ZDeploymentRegionInput.extend({ cascade: z.boolean().default(false) });

/** The deployment a read or a change is about: every context's API names it the same way. */
export const ZDeploymentRef = z.object({ deploymentId: id("deploymentId") });
/** A deployment by id or slug, as pages address them (`/topology/commerce-aws`). */
export const ZDeploymentLookup = z.object({ idOrSlug: z.string().min(1, "idOrSlug is required") });

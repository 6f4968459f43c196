// The estate as plain data (not Prisma rows): what the cost model reads, in the browser or on the server.
import { z } from "zod";

import { DR_MODELS, PROVIDERS, ROUTING_PRODUCTS, STACK_KINDS, STACK_TIERS } from "@/lib/enums";
import { atLeastZero, oneOf, text, wholeAtLeastZero } from "@/lib/fields";
import { DEPLOYMENT_FIELDS, label, POLICY_FIELDS, REGION_FIELDS, STACK_FIELDS } from "@/lib/topology/words";

// The cost model's names for the model's enums (lib/enums.ts is where they are defined).
export { DR_MODELS, PROVIDERS, ROUTING_PRODUCTS };
export const COMPONENT_KINDS = STACK_KINDS;
export const TIERS = STACK_TIERS;

export const ZDrModel = oneOf(DEPLOYMENT_FIELDS.drModel, DR_MODELS);
export const ZProvider = oneOf(REGION_FIELDS.provider, PROVIDERS);
export const ZComponentKind = oneOf(STACK_FIELDS.kind, COMPONENT_KINDS);
export const ZTier = oneOf(STACK_FIELDS.tier, TIERS);
export const ZRoutingProduct = oneOf(POLICY_FIELDS.product, ROUTING_PRODUCTS);

export const ZDeployment = z.object({
  name: text("name"),
  drModel: ZDrModel,
  rtoTargetSeconds: atLeastZero("rtoTargetSeconds"),
  rpoTargetSeconds: atLeastZero("rpoTargetSeconds"),
});

export const ZStackComponent = z.object({
  kind: ZComponentKind,
  tier: ZTier,
  instanceCount: wholeAtLeastZero("instanceCount"),
  /** A size class the price catalog knows ("small", "medium", "large", "xlarge", ...). */
  instanceSize: text("instanceSize"),
  /** The size as the model names it ("P2v3"), when that is not the class: what every page says. */
  modelSize: text("modelSize").optional(),
});

export const ZRegion = z
  .object({
    id: text("id"),
    code: text("code"),
    provider: ZProvider,
    continent: text("continent").toUpperCase(),
    isPrimary: z.boolean({ error: "isPrimary must be true or false" }),
    components: z.array(ZStackComponent, { error: "components must be a list" }),
  })
  .superRefine((region, ctx) => {
    const seen = new Set<string>();
    region.components.forEach((component, index) => {
      if (seen.has(component.kind)) {
        ctx.addIssue({
          code: "custom",
          path: ["components", index, "kind"],
          message: `${STACK_FIELDS.kind.label} must be unique per region: ${region.code} lists ${label(component.kind).toLowerCase()} twice`,
        });
      }
      seen.add(component.kind);
    });
  });

export const ZReplica = z.object({
  id: text("id"),
  regionId: text("regionId"),
  /** Size of the replica's database instance; defaults to the primary's DATABASE size (replicas mirror the writer). */
  instanceSize: text("instanceSize").optional(),
});

export const ZReplicationLink = z.object({
  sourceRegionId: text("sourceRegionId"),
  targetRegionId: text("targetRegionId"),
  volumeGbPerDay: atLeastZero("volumeGbPerDay"),
});

export const ZRouting = z.object({
  product: ZRoutingProduct,
  dnsQueriesPerMonthMillions: atLeastZero("dnsQueriesPerMonthMillions"),
  healthCheckCount: wholeAtLeastZero("healthCheckCount"),
  requestsPerMonthMillions: atLeastZero("requestsPerMonthMillions"),
  internetEgressGbPerMonth: atLeastZero("internetEgressGbPerMonth"),
});

export const ZEstate = z
  .object({
    deployment: ZDeployment,
    regions: z
      .array(ZRegion, { error: "regions must be a list" })
      .min(1, { error: "regions must contain at least one region: an empty estate has nothing to cost" }),
    replicas: z.array(ZReplica, { error: "replicas must be a list" }),
    replicationLinks: z.array(ZReplicationLink, { error: "replicationLinks must be a list" }),
    routing: ZRouting,
  })
  .superRefine((estate, ctx) => {
    const regionIds = new Set<string>();
    estate.regions.forEach((region, index) => {
      if (regionIds.has(region.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["regions", index, "id"],
          message: `id must be unique: region ${region.id} appears twice`,
        });
      }
      regionIds.add(region.id);
    });
    const primaryCount = estate.regions.filter((region) => region.isPrimary).length;
    if (estate.regions.length > 0 && primaryCount !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["regions"],
        message: `regions must have exactly one primary (isPrimary), found ${primaryCount}`,
      });
    }
    const known = (id: string) => regionIds.has(id);
    estate.replicas.forEach((replica, index) => {
      if (!known(replica.regionId)) {
        ctx.addIssue({
          code: "custom",
          path: ["replicas", index, "regionId"],
          message: `regionId must name a region of the estate: ${replica.regionId} is unknown`,
        });
      }
    });
    estate.replicationLinks.forEach((link, index) => {
      for (const field of ["sourceRegionId", "targetRegionId"] as const) {
        if (!known(link[field])) {
          ctx.addIssue({
            code: "custom",
            path: ["replicationLinks", index, field],
            message: `${field} must name a region of the estate: ${link[field]} is unknown`,
          });
        }
      }
      if (link.sourceRegionId === link.targetRegionId) {
        ctx.addIssue({
          code: "custom",
          path: ["replicationLinks", index, "targetRegionId"],
          message: "targetRegionId must differ from sourceRegionId",
        });
      }
    });
  });

export type TDrModel = z.infer<typeof ZDrModel>;
export type TProvider = z.infer<typeof ZProvider>;
export type TComponentKind = z.infer<typeof ZComponentKind>;
export type TTier = z.infer<typeof ZTier>;
export type TRoutingProduct = z.infer<typeof ZRoutingProduct>;
export type TDeployment = z.infer<typeof ZDeployment>;
export type TStackComponent = z.infer<typeof ZStackComponent>;
export type TRegion = z.infer<typeof ZRegion>;
export type TReplica = z.infer<typeof ZReplica>;
export type TReplicationLink = z.infer<typeof ZReplicationLink>;
export type TRouting = z.infer<typeof ZRouting>;
export type TEstate = z.infer<typeof ZEstate>;

// Price catalog: its shape, its validation, and the default figures the admins start from.
import { z } from "zod";

import { interContinentItemFrom, STACK_UNIT, stackItemKey, TRANSFER_ITEM } from "./price-keys";
import { COMPONENT_KINDS, ZProvider, type TComponentKind, type TProvider } from "./schema";

export const ZPriceItem = z.object({
  provider: ZProvider,
  item: z.string().trim().min(1, { error: "item must not be empty" }),
  unitPriceUsd: z
    .number({ error: "unitPriceUsd must be a number" })
    .min(0, { error: "unitPriceUsd must be at least 0" }),
  unit: z.string().trim().min(1, { error: "unit must not be empty" }),
  source: z.string().trim().min(1, { error: "source must say where the figure comes from" }),
});

export const ZPriceCatalog = z
  .object({
    effectiveDate: z.iso.date({ error: "effectiveDate must be an ISO date (YYYY-MM-DD)" }),
    items: z.array(ZPriceItem),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.items.forEach((price, index) => {
      const key = `${price.provider} ${price.item}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", index, "item"],
          message: `item must be unique per provider: ${key} is listed twice`,
        });
      }
      seen.add(key);
    });
  });

export type TPriceItem = z.infer<typeof ZPriceItem>;
export type TPriceCatalog = z.infer<typeof ZPriceCatalog>;

const ARTICLE = "Multi-Region Deployment 2026 (seed article)";
const LIST_PRICE = "public list price, approx., 2026";
const ASSUMPTION = "Meridian assumption";

type TSizePrices = Record<"small" | "medium" | "large" | "xlarge", number>;

// Size classes: small = 2 vCPU, medium = 4, large = 8, xlarge = 16 (on-demand, Linux, US/EU regions).
// Object storage size = data held: small 100 GB, medium 1 TB, large 10 TB, xlarge 50 TB.
// CDN size = data served per month, same steps as object storage.
const STACK_PRICES: Partial<
  Record<TProvider, Partial<Record<TComponentKind, { prices: TSizePrices; source: string }>>>
> = {
  AWS: {
    COMPUTE: {
      prices: { small: 0.1, medium: 0.2, large: 0.4, xlarge: 0.81 },
      source: `${LIST_PRICE} (EC2 m7i.large..4xlarge)`,
    },
    DATABASE: {
      prices: { small: 0.28, medium: 0.55, large: 1.1, xlarge: 2.21 },
      source: `${LIST_PRICE} (Aurora PostgreSQL db.r7g.large..4xlarge)`,
    },
    CACHE: {
      prices: { small: 0.16, medium: 0.22, large: 0.44, xlarge: 0.88 },
      source: `${LIST_PRICE} (ElastiCache m7g/r7g)`,
    },
    OBJECT_STORAGE: {
      prices: { small: 2.3, medium: 23, large: 230, xlarge: 1150 },
      source: `${LIST_PRICE} (S3 Standard $0.023/GB-month × size class)`,
    },
    CDN: {
      prices: { small: 8.5, medium: 85, large: 850, xlarge: 4250 },
      source: `${LIST_PRICE} (CloudFront $0.085/GB × size class)`,
    },
  },
  AZURE: {
    COMPUTE: { prices: { small: 0.096, medium: 0.192, large: 0.384, xlarge: 0.768 }, source: `${LIST_PRICE} (Dsv5)` },
    DATABASE: {
      prices: { small: 0.18, medium: 0.36, large: 0.71, xlarge: 1.42 },
      source: `${LIST_PRICE} (PostgreSQL Flexible Server, General Purpose)`,
    },
    CACHE: {
      prices: { small: 0.1, medium: 0.2, large: 0.4, xlarge: 0.8 },
      source: `${LIST_PRICE} (Azure Cache for Redis Standard C1..)`,
    },
    OBJECT_STORAGE: {
      prices: { small: 1.8, medium: 18, large: 180, xlarge: 900 },
      source: `${LIST_PRICE} (Blob hot LRS $0.018/GB-month × size class)`,
    },
    CDN: {
      prices: { small: 8.1, medium: 81, large: 810, xlarge: 4050 },
      source: `${LIST_PRICE} (Azure CDN $0.081/GB × size class)`,
    },
  },
  GCP: {
    COMPUTE: {
      prices: { small: 0.097, medium: 0.194, large: 0.389, xlarge: 0.777 },
      source: `${LIST_PRICE} (n2-standard-2..16)`,
    },
    DATABASE: {
      prices: { small: 0.14, medium: 0.28, large: 0.56, xlarge: 1.11 },
      source: `${LIST_PRICE} (Cloud SQL PostgreSQL Enterprise)`,
    },
    CACHE: {
      prices: { small: 0.12, medium: 0.24, large: 0.48, xlarge: 0.96 },
      source: `${LIST_PRICE} (Memorystore for Redis Standard)`,
    },
    OBJECT_STORAGE: {
      prices: { small: 2, medium: 20, large: 200, xlarge: 1000 },
      source: `${LIST_PRICE} (Cloud Storage Standard $0.020/GB-month × size class)`,
    },
    CDN: {
      prices: { small: 8, medium: 80, large: 800, xlarge: 4000 },
      source: `${LIST_PRICE} (Cloud CDN $0.08/GB × size class)`,
    },
  },
  CLOUDFLARE: {
    // No instance-hour prices: Workers are billed per request, which this model does not price yet.
    OBJECT_STORAGE: {
      prices: { small: 1.5, medium: 15, large: 150, xlarge: 750 },
      source: `${LIST_PRICE} (R2 $0.015/GB-month, zero egress per the article)`,
    },
    CDN: {
      prices: { small: 20, medium: 20, large: 20, xlarge: 20 },
      source: `${LIST_PRICE} (Pro plan flat fee; bandwidth unmetered)`,
    },
  },
  ON_PREM: {
    COMPUTE: {
      prices: { small: 0.06, medium: 0.12, large: 0.24, xlarge: 0.48 },
      source: `${ASSUMPTION}: amortised hardware, power and space, ~60% of cloud list`,
    },
    DATABASE: {
      prices: { small: 0.12, medium: 0.24, large: 0.48, xlarge: 0.96 },
      source: `${ASSUMPTION}: amortised hardware, power and space`,
    },
    CACHE: {
      prices: { small: 0.05, medium: 0.1, large: 0.2, xlarge: 0.4 },
      source: `${ASSUMPTION}: amortised hardware, power and space`,
    },
    OBJECT_STORAGE: {
      prices: { small: 1, medium: 10, large: 100, xlarge: 500 },
      source: `${ASSUMPTION}: $0.01/GB-month amortised disks × size class`,
    },
  },
  LAB: Object.fromEntries(
    COMPONENT_KINDS.map((kind) => [
      kind,
      { prices: { small: 0, medium: 0, large: 0, xlarge: 0 }, source: `${ASSUMPTION}: local lab servers, no bill` },
    ]),
  ),
};

const TRANSFER_PRICES: Record<
  TProvider,
  { sameContinent: number; interContinent: number; internetEgress: number; source: string }
> = {
  AWS: {
    sameContinent: 0.02,
    interContinent: 0.05,
    internetEgress: 0.09,
    source: `same continent $0.02: ${ARTICLE}; between continents $0.05: blended fallback when no price per source continent is listed; internet egress: first 10 TB tier`,
  },
  AZURE: {
    sameContinent: 0.02,
    interContinent: 0.05,
    internetEgress: 0.087,
    source: `${LIST_PRICE} (intra-continental $0.02, inter-continental from NA/EU $0.05, internet egress first 10 TB)`,
  },
  GCP: {
    sameContinent: 0.02,
    interContinent: 0.08,
    internetEgress: 0.12,
    source: `${LIST_PRICE} (inter-region within a continent $0.02, between continents $0.05-0.08, premium tier internet egress)`,
  },
  CLOUDFLARE: { sameContinent: 0, interContinent: 0, internetEgress: 0, source: `${ARTICLE}: R2 has zero egress fees` },
  ON_PREM: {
    sameContinent: 0,
    interContinent: 0,
    internetEgress: 0,
    source: `${ASSUMPTION}: private links and internet circuits are fixed monthly costs outside this model`,
  },
  LAB: { sameContinent: 0, interContinent: 0, internetEgress: 0, source: `${ASSUMPTION}: local lab links, no bill` },
};

/** AWS bills inter-region transfer by the region the bytes leave; the blended price above is the fallback. */
const AWS_INTER_CONTINENT_BY_SOURCE: Record<string, number> = {
  NA: 0.02,
  EU: 0.02,
  AS: 0.09,
  OC: 0.098,
  SA: 0.138,
  AF: 0.147,
};

function awsInterContinentItems(): TPriceItem[] {
  return Object.entries(AWS_INTER_CONTINENT_BY_SOURCE).map(([continent, unitPriceUsd]) => ({
    provider: "AWS" as TProvider,
    item: interContinentItemFrom(continent),
    unitPriceUsd,
    unit: "GB",
    source:
      continent === "NA" || continent === "EU"
        ? `${ARTICLE} (~$0.02/GB cross-region); ${LIST_PRICE}, inter-region out of ${continent} regions`
        : `${LIST_PRICE}, inter-region out of ${continent} regions`,
  }));
}

const ROUTING_ITEMS: TPriceItem[] = [
  { provider: "AWS", item: "route53.dns-queries", unitPriceUsd: 0.5, unit: "million-queries", source: ARTICLE },
  {
    provider: "AWS",
    item: "route53.health-check",
    unitPriceUsd: 0.5,
    unit: "health-check-month",
    source: `${LIST_PRICE} (basic check of an AWS endpoint)`,
  },
  { provider: "AWS", item: "route53.hosted-zone", unitPriceUsd: 0.5, unit: "month", source: LIST_PRICE },
  {
    provider: "AZURE",
    item: "traffic-manager.dns-queries",
    unitPriceUsd: 0.54,
    unit: "million-queries",
    source: ARTICLE,
  },
  {
    provider: "AZURE",
    item: "traffic-manager.health-check",
    unitPriceUsd: 0.36,
    unit: "health-check-month",
    source: `${LIST_PRICE} (Azure endpoint monitoring)`,
  },
  {
    provider: "AZURE",
    item: "front-door.base",
    unitPriceUsd: 35,
    unit: "month",
    source: `${ARTICLE} (per request + transfer); base fee ${LIST_PRICE}, Standard tier`,
  },
  {
    provider: "AZURE",
    item: "front-door.requests",
    unitPriceUsd: 0.9,
    unit: "million-requests",
    source: `${LIST_PRICE} ($0.009 per 10,000 requests, NA/EU)`,
  },
  {
    provider: "AZURE",
    item: "front-door.egress",
    unitPriceUsd: 0.083,
    unit: "GB",
    source: `${LIST_PRICE} (edge to client, NA/EU, first 10 TB)`,
  },
  {
    provider: "CLOUDFLARE",
    item: "cloudflare-lb.base",
    unitPriceUsd: 5,
    unit: "month",
    source: `${ARTICLE} (from $5/month)`,
  },
  {
    provider: "CLOUDFLARE",
    item: "cloudflare-lb.dns-queries",
    unitPriceUsd: 1,
    unit: "million-queries",
    source: `${LIST_PRICE} ($0.50 per 500k DNS requests; the included first 500k is ignored)`,
  },
  {
    provider: "CLOUDFLARE",
    item: "cloudflare-lb.health-check",
    unitPriceUsd: 0,
    unit: "health-check-month",
    source: `${LIST_PRICE} (checks from the PoPs are included in the plan)`,
  },
  {
    provider: "LAB",
    item: "lab-router.dns-queries",
    unitPriceUsd: 0,
    unit: "million-queries",
    source: `${ASSUMPTION}: local lab router, no bill`,
  },
  {
    provider: "LAB",
    item: "lab-router.health-check",
    unitPriceUsd: 0,
    unit: "health-check-month",
    source: `${ASSUMPTION}: local lab router, no bill`,
  },
];

function stackItems(): TPriceItem[] {
  return Object.entries(STACK_PRICES).flatMap(([provider, byKind]) =>
    Object.entries(byKind ?? {}).flatMap(([kind, entry]) =>
      Object.entries(entry.prices).map(([size, unitPriceUsd]) => ({
        provider: provider as TProvider,
        item: stackItemKey(kind as TComponentKind, size),
        unitPriceUsd,
        unit: STACK_UNIT[kind as TComponentKind],
        source: entry.source,
      })),
    ),
  );
}

function transferItems(): TPriceItem[] {
  return Object.entries(TRANSFER_PRICES).flatMap(([provider, prices]) =>
    (["sameContinent", "interContinent", "internetEgress"] as const).map((path) => ({
      provider: provider as TProvider,
      item: TRANSFER_ITEM[path],
      unitPriceUsd: prices[path],
      unit: "GB",
      source: prices.source,
    })),
  );
}

/** The starting catalog. Computations never read it directly: callers pass a catalog (an admin's copy lives in PostgreSQL). */
export const DEFAULT_CATALOG: TPriceCatalog = {
  effectiveDate: "2026-04-22",
  items: [...stackItems(), ...transferItems(), ...awsInterContinentItems(), ...ROUTING_ITEMS],
};

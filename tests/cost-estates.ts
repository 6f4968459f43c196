// Hand-built estates shared by the cost tests; each test gets fresh objects, so tests stay independent.
// Arithmetic for each estate (DEFAULT_CATALOG prices, 730 h/month, 30 days/month) is written out beside it.
import type { TComponentKind, TEstate, TProvider, TRegion, TStackComponent, TTier } from "@/lib/cost/schema";

export function component(
  kind: TComponentKind,
  tier: TTier,
  instanceCount: number,
  instanceSize: string,
): TStackComponent {
  return { kind, tier, instanceCount, instanceSize };
}

export function region(
  id: string,
  provider: TProvider,
  continent: string,
  isPrimary: boolean,
  components: TStackComponent[],
): TRegion {
  return { id, code: id, provider, continent, isPrimary, components };
}

/**
 * The primary stack used by the warm-standby, pilot-light and backup estates (AWS):
 *   compute  6 × medium  6 × 730 × 0.20 =   876.00
 *   database 2 × large   2 × 730 × 1.10 = 1,606.00
 *   cache    2 × medium  2 × 730 × 0.22 =   321.20
 *   object storage 1 × medium            =    23.00
 *   cdn      1 × medium                  =    85.00
 *                                  total = 2,911.20
 */
export function primaryStack(): TStackComponent[] {
  return [
    component("COMPUTE", "FULL", 6, "medium"),
    component("DATABASE", "FULL", 2, "large"),
    component("CACHE", "FULL", 2, "medium"),
    component("OBJECT_STORAGE", "FULL", 1, "medium"),
    component("CDN", "FULL", 1, "medium"),
  ];
}

/**
 * Route 53: zone 0.50 + 100 M queries × 0.50 = 50.00 + 4 checks × 0.50 = 2.00  -> 52.50
 * user egress 2,000 GB × 0.09 (AWS internet)                                   -> 180.00
 * shared (same with one region or many)                                        -> 232.50
 */
function route53Routing(): TEstate["routing"] {
  return {
    product: "ROUTE53",
    dnsQueriesPerMonthMillions: 100,
    healthCheckCount: 4,
    requestsPerMonthMillions: 0,
    internetEgressGbPerMonth: 2000,
  };
}

/**
 * Warm standby, us-east-1 -> us-west-2 (both AWS, NA):
 *   secondary: compute 4 × medium SCALED_DOWN 4 × 730 × 0.20 =   584.00
 *              database 1 × large SCALED_DOWN 730 × 1.10       =   803.00
 *              cache 1 × medium SCALED_DOWN 730 × 0.22         =   160.60
 *              object storage 1 × medium                       =    23.00  -> 1,570.60
 *   replication 200 GB/day × 30 × 0.02                         =   120.00
 *   total    = 2,911.20 + 1,570.60 + 120.00 + 232.50 = 4,834.30
 *   baseline = 2,911.20 + 232.50                     = 3,143.70
 *   multiplier = 4,834.30 / 3,143.70 ≈ 1.538  (band 1.5-1.8)
 */
export function seedWarmStandbyEstate(): TEstate {
  return {
    deployment: { name: "shop", drModel: "WARM_STANDBY", rtoTargetSeconds: 600, rpoTargetSeconds: 5 },
    regions: [
      region("us-east-1", "AWS", "NA", true, primaryStack()),
      region("us-west-2", "AWS", "NA", false, [
        component("COMPUTE", "SCALED_DOWN", 4, "medium"),
        component("DATABASE", "SCALED_DOWN", 1, "large"),
        component("CACHE", "SCALED_DOWN", 1, "medium"),
        component("OBJECT_STORAGE", "FULL", 1, "medium"),
      ]),
    ],
    replicas: [
      { id: "db-use1", regionId: "us-east-1" },
      { id: "db-usw2", regionId: "us-west-2" },
    ],
    replicationLinks: [{ sourceRegionId: "us-east-1", targetRegionId: "us-west-2", volumeGbPerDay: 200 }],
    routing: route53Routing(),
  };
}

/**
 * Active-active across three continents (AWS us-east-1 NA, eu-west-1 EU, ap-southeast-1 AS), each region:
 *   compute 4 × large 4 × 730 × 0.40 = 1,168.00; database 2 × large = 1,606.00; cache 2 × medium = 321.20;
 *   object storage 23.00; cdn 85.00                                               -> 3,203.20 per region
 *   replication: full mesh, 6 directed links × 100 GB/day × 30 = 3,000 GB each, priced by the continent the
 *   bytes leave (AWS inter-continent from-NA 0.02, from-EU 0.02, from-AS 0.09):
 *     out of us-east-1       2 × 3,000 × 0.02 = 120.00
 *     out of eu-west-1       2 × 3,000 × 0.02 = 120.00
 *     out of ap-southeast-1  2 × 3,000 × 0.09 = 540.00                             -> 780.00
 *   Cloudflare LB: base 5.00 + 300 M queries × 1.00 + 6 checks × 0 = 305.00; user egress 5,000 GB × 0.09 = 450.00
 *   total    = 3 × 3,203.20 + 780.00 + 755.00 = 11,144.60
 *   baseline = 3,203.20 + 755.00              =  3,958.20
 *   multiplier = 11,144.60 / 3,958.20 ≈ 2.816  (band 2-3)
 */
export function seedActiveActiveEstate(): TEstate {
  const stack = () => [
    component("COMPUTE", "FULL", 4, "large"),
    component("DATABASE", "FULL", 2, "large"),
    component("CACHE", "FULL", 2, "medium"),
    component("OBJECT_STORAGE", "FULL", 1, "medium"),
    component("CDN", "FULL", 1, "medium"),
  ];
  const ids = ["us-east-1", "eu-west-1", "ap-southeast-1"];
  return {
    deployment: { name: "ledger", drModel: "ACTIVE_ACTIVE", rtoTargetSeconds: 0, rpoTargetSeconds: 0 },
    regions: [
      region("us-east-1", "AWS", "NA", true, stack()),
      region("eu-west-1", "AWS", "EU", false, stack()),
      region("ap-southeast-1", "AWS", "AS", false, stack()),
    ],
    replicas: ids.map((id) => ({ id: `db-${id}`, regionId: id })),
    replicationLinks: ids.flatMap((source) =>
      ids
        .filter((target) => target !== source)
        .map((target) => ({ sourceRegionId: source, targetRegionId: target, volumeGbPerDay: 100 })),
    ),
    routing: {
      product: "CLOUDFLARE_LB",
      dnsQueriesPerMonthMillions: 300,
      healthCheckCount: 6,
      requestsPerMonthMillions: 0,
      internetEgressGbPerMonth: 5000,
    },
  };
}

/**
 * Pilot light, us-east-1 -> us-west-2: the secondary's compute is OFF (4 instances stopped) and it has no
 * DATABASE component, only a replica whose size defaults to the primary's (large):
 *   secondary: replica 730 × 1.10 = 803.00 + object storage 23.00 = 826.00
 *   total = 2,911.20 + 826.00 + 120.00 + 232.50 = 4,089.70; baseline 3,143.70; multiplier ≈ 1.301 (band 1.1-1.5)
 */
export function seedPilotLightEstate(): TEstate {
  const estate = seedWarmStandbyEstate();
  return {
    ...estate,
    deployment: { ...estate.deployment, drModel: "PILOT_LIGHT", rtoTargetSeconds: 1800, rpoTargetSeconds: 300 },
    regions: [
      region("us-east-1", "AWS", "NA", true, primaryStack()),
      region("us-west-2", "AWS", "NA", false, [
        component("COMPUTE", "OFF", 4, "medium"),
        component("OBJECT_STORAGE", "FULL", 1, "medium"),
      ]),
    ],
  };
}

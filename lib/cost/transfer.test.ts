import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, type TPriceCatalog } from "./catalog";
import { computeEstateCost } from "./compute";
import type { TEstate, TProvider } from "./schema";
import { classifyTransferPath } from "./transfer-path";
import { region } from "./test-estates";

type TEnd = { provider: TProvider; continent: string };

/** Two empty regions and one link; lab routing costs $0, so the bill is the link alone. */
function linkOnlyEstate(source: TEnd, target: TEnd, volumeGbPerDay: number): TEstate {
  return {
    deployment: { name: "transfer", drModel: "WARM_STANDBY", rtoTargetSeconds: 60, rpoTargetSeconds: 1 },
    regions: [region("a", source.provider, source.continent, true, []), region("b", target.provider, target.continent, false, [])],
    replicas: [],
    replicationLinks: [{ sourceRegionId: "a", targetRegionId: "b", volumeGbPerDay }],
    routing: { product: "LAB", dnsQueriesPerMonthMillions: 0, healthCheckCount: 0, requestsPerMonthMillions: 0, internetEgressGbPerMonth: 0 },
  };
}

const transferOf = (estate: TEstate, catalog: TPriceCatalog = DEFAULT_CATALOG) => computeEstateCost(estate, catalog).byCategory.transfer;

describe("replication transfer", () => {
  it("reproduces the article: 1 TB/day between two AWS regions at $0.02/GB is about $600/month", () => {
    // 1,000 GB/day × 30 days × $0.02 = $600
    const cost = computeEstateCost(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "NA" }, 1000), DEFAULT_CATALOG);
    expect(cost.byCategory.transfer).toBeCloseTo(600, 6);
    const [line] = cost.lines.filter((candidate) => candidate.category === "transfer");
    expect(line).toMatchObject({ quantity: 30_000, unit: "GB", unitPriceUsd: 0.02, regionCode: "a" });
  });

  it("prices a same-provider link across continents at the inter-continent rate", () => {
    // AWS NA -> EU: 100 GB/day × 30 × $0.05 = $150; Azure and GCP at their own rates.
    expect(transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 100))).toBeCloseTo(150, 6);
    expect(transferOf(linkOnlyEstate({ provider: "GCP", continent: "NA" }, { provider: "GCP", continent: "AS" }, 100))).toBeCloseTo(240, 6); // 3,000 × 0.08
    expect(transferOf(linkOnlyEstate({ provider: "AZURE", continent: "EU" }, { provider: "AZURE", continent: "EU" }, 100))).toBeCloseTo(60, 6); // 3,000 × 0.02
  });

  it("prices a cross-provider link at the source provider's internet egress", () => {
    // AWS -> Azure: 3,000 GB × $0.09 = $270; the reverse pays Azure's $0.087 = $261; same continent does not matter.
    expect(transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AZURE", continent: "NA" }, 100))).toBeCloseTo(270, 6);
    expect(transferOf(linkOnlyEstate({ provider: "AZURE", continent: "NA" }, { provider: "AWS", continent: "NA" }, 100))).toBeCloseTo(261, 6);
    // Out of Cloudflare (R2): zero egress fees, per the article.
    expect(transferOf(linkOnlyEstate({ provider: "CLOUDFLARE", continent: "EU" }, { provider: "AWS", continent: "EU" }, 100))).toBe(0);
  });

  it("classifies paths by provider first, then continent", () => {
    expect(classifyTransferPath({ provider: "AWS", continent: "EU" }, { provider: "AWS", continent: "EU" }).kind).toBe("SAME_CONTINENT");
    expect(classifyTransferPath({ provider: "AWS", continent: "EU" }, { provider: "AWS", continent: "AS" }).kind).toBe("INTER_CONTINENT");
    const crossProvider = classifyTransferPath({ provider: "GCP", continent: "EU" }, { provider: "AWS", continent: "AS" });
    expect(crossProvider).toEqual({ kind: "CROSS_PROVIDER", payingProvider: "GCP", item: "transfer.internet-egress" });
  });

  it("uses the prices of the catalog it is given, not the default", () => {
    const catalog: TPriceCatalog = {
      ...DEFAULT_CATALOG,
      items: DEFAULT_CATALOG.items.map((item) => (item.provider === "AWS" && item.item === "transfer.inter-continent" ? { ...item, unitPriceUsd: 0.07 } : item)),
    };
    // 3,000 GB × $0.07 = $210
    expect(transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 100), catalog)).toBeCloseTo(210, 6);
  });

  it("a zero-volume link costs nothing", () => {
    expect(transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 0))).toBe(0);
  });
});

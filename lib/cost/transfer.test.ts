import { describe, expect, it } from "vitest";

import { region } from "@/tests/cost-estates";

import { DEFAULT_CATALOG, type TPriceCatalog } from "./catalog";
import { computeEstateCost } from "./compute";
import type { TEstate, TProvider } from "./schema";
import { classifyTransferPath } from "./transfer-path";

type TEnd = { provider: TProvider; continent: string; code?: string };

/** Two empty regions (named "a" and "b" unless given a code) and one link; lab routing costs $0, so the bill is the link alone. */
function linkOnlyEstate(source: TEnd, target: TEnd, volumeGbPerDay: number): TEstate {
  const [a, b] = [source.code ?? "a", target.code ?? "b"];
  return {
    deployment: { name: "transfer", drModel: "WARM_STANDBY", rtoTargetSeconds: 60, rpoTargetSeconds: 1 },
    regions: [
      region(a, source.provider, source.continent, true, []),
      region(b, target.provider, target.continent, false, []),
    ],
    replicas: [],
    replicationLinks: [{ sourceRegionId: a, targetRegionId: b, volumeGbPerDay }],
    routing: {
      product: "LAB",
      dnsQueriesPerMonthMillions: 0,
      healthCheckCount: 0,
      requestsPerMonthMillions: 0,
      internetEgressGbPerMonth: 0,
    },
  };
}

const transferOf = (estate: TEstate, catalog: TPriceCatalog = DEFAULT_CATALOG) =>
  computeEstateCost(estate, catalog).byCategory.transfer;
const transferLines = (estate: TEstate, catalog: TPriceCatalog = DEFAULT_CATALOG) =>
  computeEstateCost(estate, catalog).lines.filter((line) => line.category === "transfer");
const without = (provider: TProvider, item: string): TPriceCatalog => ({
  ...DEFAULT_CATALOG,
  items: DEFAULT_CATALOG.items.filter((p) => !(p.provider === provider && p.item === item)),
});

const usEast1: TEnd = { provider: "AWS", continent: "NA", code: "us-east-1" };
const euWest1: TEnd = { provider: "AWS", continent: "EU", code: "eu-west-1" };
const apSoutheast1: TEnd = { provider: "AWS", continent: "AS", code: "ap-southeast-1" };

describe("replication transfer", () => {
  it("reproduces the article: 1 TB/day between two AWS regions at $0.02/GB is about $600/month", () => {
    // 1,000 GB/day × 30 days × $0.02 = $600
    const cost = computeEstateCost(
      linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "NA" }, 1000),
      DEFAULT_CATALOG,
    );
    expect(cost.byCategory.transfer).toBeCloseTo(600, 6);
    const [line] = cost.lines.filter((candidate) => candidate.category === "transfer");
    expect(line).toMatchObject({ quantity: 30_000, unit: "GB", unitPriceUsd: 0.02, regionCode: "a" });
  });

  it("prices a same-provider link across continents at the inter-continent rate", () => {
    // AWS NA -> EU: 100 GB/day × 30 × $0.02 (inter-continent out of NA) = $60; Azure and GCP at their own rates.
    expect(
      transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 100)),
    ).toBeCloseTo(60, 6);
    expect(
      transferOf(linkOnlyEstate({ provider: "GCP", continent: "NA" }, { provider: "GCP", continent: "AS" }, 100)),
    ).toBeCloseTo(240, 6); // 3,000 × 0.08
    expect(
      transferOf(linkOnlyEstate({ provider: "AZURE", continent: "EU" }, { provider: "AZURE", continent: "EU" }, 100)),
    ).toBeCloseTo(60, 6); // 3,000 × 0.02
  });

  it("reproduces the article across continents: 1 TB/day us-east-1 -> eu-west-1 is $600/month out of NA at $0.02/GB", () => {
    // 1,000 GB/day × 30 days × $0.02 (AWS transfer.inter-continent.from-NA) = $600
    const estate = linkOnlyEstate(usEast1, euWest1, 1000);
    expect(transferOf(estate)).toBeCloseTo(600, 6);
    expect(transferLines(estate)).toEqual([
      {
        category: "transfer",
        regionCode: "us-east-1",
        description: "replication us-east-1 -> eu-west-1: 1000 GB/day across continents",
        quantity: 30_000,
        unit: "GB",
        unitPriceUsd: 0.02,
        monthlyUsd: 600,
      },
    ]);
  });

  it("prices AWS inter-continent transfer by the continent the bytes leave", () => {
    // ap-southeast-1 (AS) -> eu-west-1: 1,000 GB/day × 30 × $0.09 (from-AS) = $2,700
    const outOfAsia = linkOnlyEstate(apSoutheast1, euWest1, 1000);
    expect(transferOf(outOfAsia)).toBeCloseTo(2700, 6);
    expect(transferLines(outOfAsia)).toMatchObject([
      { regionCode: "ap-southeast-1", quantity: 30_000, unitPriceUsd: 0.09 },
    ]);
    // The same volume the other way leaves EU: 30,000 GB × $0.02 (from-EU) = $600
    const outOfEurope = linkOnlyEstate(euWest1, apSoutheast1, 1000);
    expect(transferOf(outOfEurope)).toBeCloseTo(600, 6);
    expect(transferLines(outOfEurope)).toMatchObject([
      { regionCode: "eu-west-1", quantity: 30_000, unitPriceUsd: 0.02 },
    ]);
  });

  it("falls back to the provider-wide inter-continent price when the catalog has no price for the source continent", () => {
    const catalog = without("AWS", "transfer.inter-continent.from-NA");
    // us-east-1 -> eu-west-1 without a from-NA price: 1,000 GB/day × 30 × $0.05 (AWS transfer.inter-continent) = $1,500
    const estate = linkOnlyEstate(usEast1, euWest1, 1000);
    expect(transferOf(estate, catalog)).toBeCloseTo(1500, 6);
    expect(transferLines(estate, catalog)).toMatchObject([{ quantity: 30_000, unitPriceUsd: 0.05 }]);
    // The other sources keep their own prices: ap-southeast-1 -> eu-west-1 is still 30,000 × $0.09 = $2,700.
    expect(transferOf(linkOnlyEstate(apSoutheast1, euWest1, 1000), catalog)).toBeCloseTo(2700, 6);
    // A continent the catalog never lists per source (ME) uses the fallback too: 3,000 GB × $0.05 = $150.
    expect(
      transferOf(linkOnlyEstate({ provider: "AWS", continent: "ME" }, { provider: "AWS", continent: "EU" }, 100)),
    ).toBeCloseTo(150, 6);
  });

  it("keeps Azure's provider-wide inter-continent price: it lists none per source continent", () => {
    expect(
      DEFAULT_CATALOG.items.filter(
        (item) => item.provider === "AZURE" && item.item.startsWith("transfer.inter-continent.from-"),
      ),
    ).toEqual([]);
    // Azure NA -> EU: 100 GB/day × 30 × $0.05 (AZURE transfer.inter-continent) = $150
    const estate = linkOnlyEstate({ provider: "AZURE", continent: "NA" }, { provider: "AZURE", continent: "EU" }, 100);
    expect(transferOf(estate)).toBeCloseTo(150, 6);
    expect(transferLines(estate)).toMatchObject([{ quantity: 3000, unitPriceUsd: 0.05 }]);
  });

  it("prices a cross-provider link at the source provider's internet egress", () => {
    // AWS -> Azure: 3,000 GB × $0.09 = $270; the reverse pays Azure's $0.087 = $261; same continent does not matter.
    expect(
      transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AZURE", continent: "NA" }, 100)),
    ).toBeCloseTo(270, 6);
    expect(
      transferOf(linkOnlyEstate({ provider: "AZURE", continent: "NA" }, { provider: "AWS", continent: "NA" }, 100)),
    ).toBeCloseTo(261, 6);
    // Out of Cloudflare (R2): zero egress fees, per the article.
    expect(
      transferOf(
        linkOnlyEstate({ provider: "CLOUDFLARE", continent: "EU" }, { provider: "AWS", continent: "EU" }, 100),
      ),
    ).toBe(0);
  });

  it("classifies paths by provider first, then continent", () => {
    expect(classifyTransferPath({ provider: "AWS", continent: "EU" }, { provider: "AWS", continent: "EU" }).kind).toBe(
      "SAME_CONTINENT",
    );
    expect(classifyTransferPath({ provider: "AWS", continent: "EU" }, { provider: "AWS", continent: "AS" }).kind).toBe(
      "INTER_CONTINENT",
    );
    const crossProvider = classifyTransferPath(
      { provider: "GCP", continent: "EU" },
      { provider: "AWS", continent: "AS" },
    );
    expect(crossProvider).toEqual({ kind: "CROSS_PROVIDER", payingProvider: "GCP", item: "transfer.internet-egress" });
  });

  it("uses the prices of the catalog it is given, not the default", () => {
    const catalog: TPriceCatalog = {
      ...DEFAULT_CATALOG,
      items: DEFAULT_CATALOG.items.map((item) =>
        item.provider === "AWS" && item.item === "transfer.inter-continent.from-NA"
          ? { ...item, unitPriceUsd: 0.07 }
          : item,
      ),
    };
    // NA -> EU is priced out of NA: 3,000 GB × $0.07 = $210 (the default's $0.02 would give $60)
    expect(
      transferOf(
        linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 100),
        catalog,
      ),
    ).toBeCloseTo(210, 6);
  });

  it("a zero-volume link costs nothing", () => {
    expect(
      transferOf(linkOnlyEstate({ provider: "AWS", continent: "NA" }, { provider: "AWS", continent: "EU" }, 0)),
    ).toBe(0);
  });
});

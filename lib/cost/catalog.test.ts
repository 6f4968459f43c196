import { describe, expect, it } from "vitest";

import { seedWarmStandbyEstate } from "@/tests/cost-estates";

import { DEFAULT_CATALOG, ZPriceCatalog, type TPriceCatalog } from "./catalog";
import { computeEstateCost } from "./compute";
import { CostError } from "./errors";
import { createPriceLookup } from "./price-lookup";

const priceOf = (provider: string, item: string) =>
  DEFAULT_CATALOG.items.find((p) => p.provider === provider && p.item === item);
const without = (provider: string, item: string): TPriceCatalog => ({
  ...DEFAULT_CATALOG,
  items: DEFAULT_CATALOG.items.filter((p) => !(p.provider === provider && p.item === item)),
});

describe("price catalog", () => {
  it("is a valid catalog in which every figure says where it comes from", () => {
    expect(ZPriceCatalog.safeParse(DEFAULT_CATALOG).success).toBe(true);
    for (const price of DEFAULT_CATALOG.items)
      expect(price.source.length, `${price.provider} ${price.item}`).toBeGreaterThan(10);
  });

  it("carries the article's figures", () => {
    expect(priceOf("AWS", "transfer.same-continent")).toMatchObject({ unitPriceUsd: 0.02, unit: "GB" });
    expect(priceOf("AWS", "route53.dns-queries")).toMatchObject({ unitPriceUsd: 0.5, unit: "million-queries" });
    expect(priceOf("AZURE", "traffic-manager.dns-queries")).toMatchObject({
      unitPriceUsd: 0.54,
      unit: "million-queries",
    });
    expect(priceOf("CLOUDFLARE", "cloudflare-lb.base")).toMatchObject({ unitPriceUsd: 5, unit: "month" });
    expect(priceOf("AWS", "transfer.internet-egress")?.unitPriceUsd).toBe(0.09);
    expect(priceOf("AWS", "route53.dns-queries")?.source).toMatch(/article/);
  });

  it("prices inter-continent transfer at least as high as same-continent for every cloud", () => {
    for (const provider of ["AWS", "AZURE", "GCP"]) {
      expect(priceOf(provider, "transfer.inter-continent")!.unitPriceUsd).toBeGreaterThanOrEqual(
        priceOf(provider, "transfer.same-continent")!.unitPriceUsd,
      );
    }
  });

  it("refuses duplicate items, negative prices and a bad date", () => {
    const duplicated = { ...DEFAULT_CATALOG, items: [...DEFAULT_CATALOG.items, DEFAULT_CATALOG.items[0]!] };
    expect(ZPriceCatalog.safeParse(duplicated).error?.issues[0]?.message).toMatch(/item must be unique per provider/);
    const negative = { ...DEFAULT_CATALOG, items: [{ ...DEFAULT_CATALOG.items[0]!, unitPriceUsd: -1 }] };
    expect(ZPriceCatalog.safeParse(negative).error?.issues[0]?.message).toBe("unitPriceUsd must be at least 0");
    expect(ZPriceCatalog.safeParse({ ...DEFAULT_CATALOG, effectiveDate: "April" }).error?.issues[0]?.message).toMatch(
      /effectiveDate must be an ISO date/,
    );
  });

  it("fails with the provider and item when a price is missing", () => {
    const call = () => computeEstateCost(seedWarmStandbyEstate(), without("AWS", "route53.dns-queries"));
    expect(call).toThrow(CostError);
    expect(call).toThrow(/provider AWS, item "route53.dns-queries"/);
    expect(() => computeEstateCost(seedWarmStandbyEstate(), without("AWS", "compute.medium"))).toThrow(
      /provider AWS, item "compute.medium"/,
    );
  });

  it("refuses a price in a unit the model cannot multiply", () => {
    const lookup = createPriceLookup({
      effectiveDate: "2026-01-01",
      items: [{ provider: "AWS", item: "compute.medium", unitPriceUsd: 146, unit: "month", source: "test" }],
    });
    expect(() => lookup("AWS", "compute.medium", "instance-hour")).toThrow(
      /per month, but the cost model needs a price per instance-hour/,
    );
  });

  it("follows the catalog it is given: doubling AWS compute prices doubles compute", () => {
    const doubled: TPriceCatalog = {
      ...DEFAULT_CATALOG,
      items: DEFAULT_CATALOG.items.map((p) =>
        p.provider === "AWS" && p.item.startsWith("compute.") ? { ...p, unitPriceUsd: p.unitPriceUsd * 2 } : p,
      ),
    };
    const base = computeEstateCost(seedWarmStandbyEstate(), DEFAULT_CATALOG).byCategory;
    const more = computeEstateCost(seedWarmStandbyEstate(), doubled).byCategory;
    // Compute: (6 + 4) × 730 × $0.20 = $1,460 -> $2,920; databases untouched.
    expect(base.compute).toBeCloseTo(1460, 6);
    expect(more.compute).toBeCloseTo(2920, 6);
    expect(more.databases).toBeCloseTo(base.databases, 6);
  });
});

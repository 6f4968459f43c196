// The comparison's CSV carries what each option is (its DR model and changes) and the unit of every
// column, for the demo estate as stored in PostgreSQL and a what-if on it.
import { describe, expect, it } from "vitest";

import { costWithChanges, type TScenarioChange } from "@/lib/cost";
import { comparisonCsv, CSV_HEADER } from "@/lib/planning/comparison-csv";
import { db } from "@/server/db";
import { seedPlanningDemo } from "@/tests/planning-demo";

import { currentCatalog, plainCatalog } from "./catalog";
import { loadCostEstate } from "./estate-from-model";

describe("the comparison CSV", () => {
  it("names each option's DR model and changes, and heads every column with its unit", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const [estate, stored] = await Promise.all([loadCostEstate(db, deployment.id), currentCatalog(db)]);
    const catalog = plainCatalog(stored);
    const changes: TScenarioChange[] = [
      { kind: "setDrModel", drModel: "PILOT_LIGHT" },
      {
        kind: "setReplicationVolume",
        sourceRegionId: regionIds.awsUsEast1,
        targetRegionId: regionIds.awsEuWest1,
        volumeGbPerDay: 500,
      },
    ];
    const option = (name: string, list: TScenarioChange[]) => {
      const result = costWithChanges(estate, list, catalog);
      if (!result.ok) throw new Error(result.error);
      return { name, estate: result.estate, cost: result.cost, changes: list };
    };
    const baseline = option("Baseline", []);
    const scenario = option("Pilot, half the volume", changes);
    const lines = comparisonCsv([baseline, scenario], estate).trimEnd().split("\r\n");

    expect(lines[0]).toBe(
      "Option,DR model,Changes,Compute monthly cost (USD),Databases monthly cost (USD),Caches monthly cost (USD)," +
        "Object storage monthly cost (USD),CDN monthly cost (USD),Transfer monthly cost (USD)," +
        "Routing monthly cost (USD),Total monthly cost (USD),Multiplier (× one region),Prices as of",
    );
    expect(lines[1]).toMatch(/^Baseline,Warm standby,none \(the deployment as it runs\),/);
    expect(
      lines[1]!.endsWith(
        `,${baseline.cost.totalMonthlyUsd.toFixed(2)},${baseline.cost.multiplier!.toFixed(2)},${stored.effectiveDate}`,
      ),
    ).toBe(true);
    expect(lines[2]).toMatch(
      /^"Pilot, half the volume",Pilot light,DR model: Pilot light; Replication us-east-1 → eu-west-1: 500 GB\/day,/,
    );
    // The transfer column is the option's transfer: replication at 500 GB/day and user egress.
    const cells = lines[2]!.replace(/^"[^"]*",/, "x,").split(",");
    const transfer = cells[CSV_HEADER.indexOf("Transfer monthly cost (USD)")]!;
    expect(Number(transfer)).toBeCloseTo(scenario.cost.byCategory.transfer, 2);
  });
});

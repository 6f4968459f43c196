// The planning API as a browser calls it, against real PostgreSQL: cost with the stored catalog,
// catalog edits (admins only, audited), scenarios, residency rules, and refusals that write nothing.
// The catalog is shared by every test file; the tests here that edit a price put it back.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_CATALOG } from "@/lib/cost";
import { seedCatalog } from "@/prisma/seed/seed-catalog";
import { db } from "@/server/db";
import { anonymousCaller, auditCountBy, callerAs } from "@/tests/factories";
import { seedPlanningDemo } from "@/tests/planning-demo";

type Session = Awaited<ReturnType<typeof callerAs>>;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

function fieldsOf(error: TRPCError): string[] {
  const cause = error.cause as { field?: string; issues?: { path: PropertyKey[] }[] } | undefined;
  return cause?.field ? [cause.field] : (cause?.issues ?? []).map((issue) => issue.path.join("."));
}

let viewer: Session;
let operator: Session;
let admin: Session;
beforeAll(async () => {
  [viewer, operator, admin] = await Promise.all([callerAs("VIEWER"), callerAs("OPERATOR"), callerAs("ADMIN")]);
});

async function priceItem(provider: string, item: string) {
  const { items } = await viewer.caller.planning.catalog();
  const found = items.find((row) => row.provider === provider && row.item === item);
  if (!found) throw new Error(`${provider} ${item} is not in the catalog`);
  return found;
}

describe("reading the plan", () => {
  it("gives any signed-in user the planning input, the cost and the catalog; nobody else", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const input = await viewer.caller.planning.input({ idOrSlug: deployment.slug });
    expect(input).toMatchObject({ deploymentId: deployment.id, slug: deployment.slug, name: deployment.name });
    expect(input.estate.regions.map((r) => r.code)).toEqual(["us-east-1", "eu-west-1"]);
    expect(input.catalog.items).toHaveLength(DEFAULT_CATALOG.items.length);
    const catalog = await viewer.caller.planning.catalog();
    expect(catalog.items.every((row) => row.id && /^\d{4}-\d{2}-\d{2}$/.test(row.effectiveDate))).toBe(true);
    expect(catalog.effectiveDate).toBe(
      catalog.items
        .map((row) => row.effectiveDate)
        .sort()
        .at(-1),
    );
    expect((await refusal(anonymousCaller().planning.cost({ deploymentId: deployment.id }))).code).toBe("UNAUTHORIZED");
    expect((await refusal(viewer.caller.planning.input({ idOrSlug: "no-such-deployment" }))).message).toBe(
      "deployment no-such-deployment was not found",
    );
  });
});

describe("the price catalog", () => {
  it("reproduces the article: commerce-aws's 1 TB/day us-east-1 -> eu-west-1 link is ~$600/month at $0.02/GB", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const transferLine = async () => {
      const cost = await viewer.caller.planning.cost({ deploymentId: deployment.id });
      const line = cost.lines.find((l) => l.description.startsWith("replication us-east-1 -> eu-west-1"));
      return { cost, line: line! };
    };
    // The seeded catalog (DEFAULT_CATALOG, effective 2026-04-22) prices AWS inter-continent transfer by the
    // continent the bytes leave; out of NA (us-east-1) it is $0.02/GB, the article's figure:
    // 1,000 GB/day × 30 days × $0.02 = $600.
    const before = await transferLine();
    expect(before.line).toMatchObject({
      category: "transfer",
      regionCode: "us-east-1",
      quantity: 30_000,
      unit: "GB",
      unitPriceUsd: 0.02,
      description: "replication us-east-1 -> eu-west-1: 1000 GB/day across continents",
    });
    expect(before.line.monthlyUsd).toBeCloseTo(600, 6);
    expect(before.cost.catalogDate).toBe("2026-04-22");
    expect(DEFAULT_CATALOG.effectiveDate).toBe("2026-04-22");

    const fromNa = await priceItem("AWS", "transfer.inter-continent.from-NA");
    expect(fromNa).toMatchObject({ unitPriceUsd: 0.02, unit: "GB", effectiveDate: "2026-04-22" });
    try {
      await admin.caller.planning.updateCatalogItem({
        id: fromNa.id,
        unitPriceUsd: 0.03,
        source: "test: AWS inter-region transfer out of NA raised to $0.03",
        effectiveDate: "2026-11-01",
      });
      const after = await transferLine();
      // 1,000 GB/day × 30 days × $0.03 = $900; the link is commerce-aws's only one, so the total rises by
      // 30,000 × ($0.03 - $0.02) = $300.
      expect(after.line.unitPriceUsd).toBe(0.03);
      expect(after.line.monthlyUsd).toBeCloseTo(900, 6);
      expect(after.cost.totalMonthlyUsd - before.cost.totalMonthlyUsd).toBeCloseTo(300, 6);
      expect(after.cost.catalogDate).toBe("2026-11-01");
    } finally {
      await admin.caller.planning.updateCatalogItem({
        id: fromNa.id,
        unitPriceUsd: fromNa.unitPriceUsd,
        source: fromNa.source,
        effectiveDate: fromNa.effectiveDate,
      });
    }
    expect(await priceItem("AWS", "transfer.inter-continent.from-NA")).toEqual(fromNa);
    expect((await transferLine()).cost.catalogDate).toBe("2026-04-22");
  });

  it("lets an admin change a price, audited with before and after; the seed never overwrites it", async () => {
    const item = await priceItem("GCP", "cache.small");
    try {
      const updated = await admin.caller.planning.updateCatalogItem({
        id: item.id,
        unitPriceUsd: 0.13,
        source: "GCP list price, Memorystore M1",
        effectiveDate: item.effectiveDate,
      });
      expect(updated).toMatchObject({
        id: item.id,
        unitPriceUsd: 0.13,
        source: "GCP list price, Memorystore M1",
        effectiveDate: item.effectiveDate,
      });
      const record = await db.auditRecord.findFirst({
        where: { actorId: admin.actor.userId, action: "price.update", objectId: item.id },
        orderBy: { seq: "desc" },
      });
      expect(record?.summary).toBe(
        `changed the GCP cache.small price from $${item.unitPriceUsd} to $0.13 per instance-hour, effective ${item.effectiveDate}`,
      );
      expect(record?.before).toMatchObject({ unitPriceUsd: item.unitPriceUsd });
      expect(record?.after).toMatchObject({ unitPriceUsd: 0.13 });
      // Seeding again adds nothing and leaves the admin's price alone.
      expect(await seedCatalog(db)).toBe(0);
      expect(await db.priceItem.count()).toBe(DEFAULT_CATALOG.items.length);
      expect((await priceItem("GCP", "cache.small")).unitPriceUsd).toBe(0.13);
    } finally {
      await admin.caller.planning.updateCatalogItem({
        id: item.id,
        unitPriceUsd: item.unitPriceUsd,
        source: item.source,
        effectiveDate: item.effectiveDate,
      });
    }
  });

  it("refuses non-admins, negative and absurd prices, naming unitPriceUsd, and writes nothing", async () => {
    const item = await priceItem("GCP", "transfer.same-continent");
    const cases = [
      {
        who: operator,
        input: { id: item.id, unitPriceUsd: 0.01, source: "cheaper" },
        code: "FORBIDDEN",
        message: /needs the admin role; you are operator/,
      },
      {
        who: admin,
        input: { id: item.id, unitPriceUsd: -0.02, source: "typo" },
        code: "BAD_REQUEST",
        message: /Price must be at least \$0/,
        field: "unitPriceUsd",
      },
      {
        who: admin,
        input: { id: item.id, unitPriceUsd: 200, source: "typo" },
        code: "BAD_REQUEST",
        message: /A price of \$200 per GB is not a price any provider charges/,
        field: "unitPriceUsd",
      },
      {
        who: admin,
        input: { id: "no-such-item", unitPriceUsd: 0.01, source: "x" },
        code: "NOT_FOUND",
        message: /price item was not found/,
      },
    ];
    for (const { who, input, code, message, field } of cases) {
      const audits = await auditCountBy(who.actor);
      const error = await refusal(who.caller.planning.updateCatalogItem(input));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      if (field) expect(fieldsOf(error)).toContain(field);
      expect(await auditCountBy(who.actor)).toBe(audits);
    }
    expect(await priceItem("GCP", "transfer.same-continent")).toEqual(item);
  });
});

describe("scenarios", () => {
  it("stores only the changes and what they cost; lists, gets the changed estate, updates and deletes, each audited", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const { caller, actor } = operator;
    const audits = await auditCountBy(actor);
    const baseline = await caller.planning.cost({ deploymentId: deployment.id });
    const created = await caller.planning.createScenario({
      deploymentId: deployment.id,
      name: "  twice the writes ",
      changes: [
        {
          kind: "setReplicationVolume",
          sourceRegionId: regionIds.awsUsEast1,
          targetRegionId: regionIds.awsEuWest1,
          volumeGbPerDay: 2000,
        },
      ],
    });
    expect(created).toMatchObject({
      deploymentId: deployment.id,
      name: "twice the writes",
      createdByEmail: actor.email,
      catalogDate: baseline.catalogDate,
    });
    expect(created.totalMonthlyUsd).toBeGreaterThan(baseline.totalMonthlyUsd);
    expect(await caller.planning.scenarios({ deploymentId: deployment.id })).toEqual([created]);

    const { scenario, estate } = await viewer.caller.planning.scenario({ id: created.id });
    expect(scenario).toEqual(created);
    expect(estate.replicationLinks).toEqual([
      { sourceRegionId: regionIds.awsUsEast1, targetRegionId: regionIds.awsEuWest1, volumeGbPerDay: 2000 },
    ]);

    const updated = await caller.planning.updateScenario({
      id: created.id,
      name: "no secondary",
      changes: [{ kind: "removeRegion", regionId: regionIds.awsEuWest1 }],
    });
    expect(updated).toMatchObject({ id: created.id, name: "no secondary" });
    expect(updated.totalMonthlyUsd).toBeLessThan(baseline.totalMonthlyUsd);
    expect((await caller.planning.scenario({ id: created.id })).estate.regions.map((r) => r.code)).toEqual([
      "us-east-1",
    ]);

    await caller.planning.deleteScenario({ id: created.id });
    expect(await caller.planning.scenarios({ deploymentId: deployment.id })).toEqual([]);
    const actions = await db.auditRecord.findMany({
      where: { actorId: actor.userId, objectId: created.id },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["scenario.create", "scenario.update", "scenario.delete"]);
    expect((await auditCountBy(actor)) - audits).toBe(3);
  });

  it("costs active-active moved to warm standby below the active-active baseline", async () => {
    const { deployment } = await seedPlanningDemo("global-platform");
    const baseline = await viewer.caller.planning.cost({ deploymentId: deployment.id });
    const scenario = await operator.caller.planning.createScenario({
      deploymentId: deployment.id,
      name: "warm standby",
      changes: [{ kind: "setDrModel", drModel: "WARM_STANDBY" }],
    });
    expect(baseline.band.model).toBe("ACTIVE_ACTIVE");
    expect(scenario.totalMonthlyUsd).toBeLessThan(baseline.totalMonthlyUsd);
    expect(scenario.multiplier!).toBeLessThan(baseline.multiplier!);
    const { estate } = await viewer.caller.planning.scenario({ id: scenario.id });
    expect(estate.deployment.drModel).toBe("WARM_STANDBY");
    expect(
      estate.regions.filter((r) => !r.isPrimary).map((r) => r.components.find((c) => c.kind === "COMPUTE")),
    ).toEqual([
      { kind: "COMPUTE", tier: "SCALED_DOWN", instanceCount: 6, instanceSize: "large" },
      { kind: "COMPUTE", tier: "SCALED_DOWN", instanceCount: 6, instanceSize: "large" },
    ]);
  });

  describe("refuses bad changes in the cost model's words, naming `changes`, and writes nothing", () => {
    let deploymentId: string;
    let usEast1: string;
    beforeAll(async () => {
      const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
      deploymentId = deployment.id;
      usEast1 = regionIds.awsUsEast1;
    });

    const cases: { name: string; changes: () => unknown[]; message: RegExp }[] = [
      { name: "an empty change list", changes: () => [], message: /^a scenario needs at least one change$/ },
      {
        name: "a negative volume",
        changes: () => [
          { kind: "setReplicationVolume", sourceRegionId: usEast1, targetRegionId: "x", volumeGbPerDay: -5 },
        ],
        message: /^change 1: Replication volume must be at least 0 GB\/day$/,
      },
      {
        name: "an unknown region",
        changes: () => [{ kind: "setTier", regionId: "atlantis-1", component: "COMPUTE", tier: "OFF" }],
        message: /^change 1 \(setTier\) names region "atlantis-1", which is not in the estate/,
      },
      {
        name: "an unknown provider",
        changes: () => [{ kind: "setProvider", regionId: usEast1, provider: "IBM" }],
        message: /^change 1: Provider must be AWS, Azure, GCP, Cloudflare, On-prem or Lab$/,
      },
      {
        name: "a provider the catalog cannot price",
        changes: () => [{ kind: "setProvider", regionId: usEast1, provider: "CLOUDFLARE" }],
        message: /^no price for provider CLOUDFLARE, item "/,
      },
    ];
    for (const { name, changes, message } of cases) {
      it(name, async () => {
        const audits = await auditCountBy(operator.actor);
        const error = await refusal(
          operator.caller.planning.createScenario({ deploymentId, name: `bad: ${name}`, changes: changes() as never }),
        );
        expect(error.code).toBe("BAD_REQUEST");
        expect(error.message).toMatch(message);
        expect(fieldsOf(error)).toEqual(["changes"]);
        expect(await auditCountBy(operator.actor)).toBe(audits);
        expect(await db.scenario.count({ where: { deploymentId } })).toBe(0);
      });
    }

    it("a viewer, a duplicate name, and a bad update", async () => {
      const forbidden = await refusal(
        viewer.caller.planning.createScenario({
          deploymentId,
          name: "peek",
          changes: [{ kind: "setRoutingProduct", product: "CLOUDFLARE_LB" }],
        }),
      );
      expect(forbidden.code).toBe("FORBIDDEN");
      const first = await operator.caller.planning.createScenario({
        deploymentId,
        name: "cloudflare",
        changes: [{ kind: "setRoutingProduct", product: "CLOUDFLARE_LB" }],
      });
      const audits = await auditCountBy(operator.actor);
      const duplicate = await refusal(
        operator.caller.planning.createScenario({
          deploymentId,
          name: "cloudflare",
          changes: [{ kind: "setDrModel", drModel: "PILOT_LIGHT" }],
        }),
      );
      expect(duplicate).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/already has a scenario named cloudflare/),
      });
      const badUpdate = await refusal(operator.caller.planning.updateScenario({ id: first.id, changes: [] }));
      expect(badUpdate).toMatchObject({ code: "BAD_REQUEST", message: "a scenario needs at least one change" });
      expect(await auditCountBy(operator.actor)).toBe(audits);
      expect(await viewer.caller.planning.scenarios({ deploymentId })).toEqual([first]);
    });
  });
});

describe("residency rules", () => {
  it("are an operator's to set, only over the deployment's regions, and readiness names what breaks them", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const audits = await auditCountBy(operator.actor);
    const stranger = await refusal(
      operator.caller.planning.createResidencyRule({
        deploymentId: deployment.id,
        name: "us",
        regionIds: [regionIds.awsUsEast1, regionIds.azureEastUs],
      }),
    );
    expect(stranger).toMatchObject({
      code: "BAD_REQUEST",
      message: `The regions must be regions of deployment ${deployment.name}: eastus is not`,
    });
    expect(fieldsOf(stranger)).toEqual(["regionIds"]);
    expect(
      (
        await refusal(
          viewer.caller.planning.createResidencyRule({
            deploymentId: deployment.id,
            name: "us",
            regionIds: [regionIds.awsUsEast1],
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(await auditCountBy(operator.actor)).toBe(audits);

    const rule = await operator.caller.planning.createResidencyRule({
      deploymentId: deployment.id,
      name: "us data stays in the us",
      regionIds: [regionIds.awsUsEast1],
    });
    expect(await viewer.caller.planning.residencyRules({ deploymentId: deployment.id })).toEqual([rule]);
    const residency = (await viewer.caller.planning.readiness({ deploymentId: deployment.id })).find(
      (item) => item.id === "residency",
    )!;
    expect(residency.status).toBe("fail");
    expect(residency.reason).toContain(
      "us data stays in the us is broken: link aurora-use1 → aurora-euw1 copies data from us-east-1 to eu-west-1",
    );

    await operator.caller.planning.deleteResidencyRule({ id: rule.id });
    expect(
      (await viewer.caller.planning.readiness({ deploymentId: deployment.id })).find((item) => item.id === "residency")!
        .status,
    ).toBe("pass");
    expect((await auditCountBy(operator.actor)) - audits).toBe(2);
  });
});

describe("event costs through the API", () => {
  it("returns switchover, failback and failover with their assumptions", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const items = await viewer.caller.planning.eventCosts({ deploymentId: deployment.id });
    expect(items.map((item) => item.kind)).toEqual(["SWITCHOVER", "FAILBACK", "FAILOVER"]);
    for (const item of items) {
      expect(item.totalUsd).toBeGreaterThan(0);
      expect(item.assumptions.length).toBeGreaterThan(2);
    }
  });
});

describe("deleting a deployment", () => {
  it("takes its scenarios and residency rules with it", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    await operator.caller.planning.createScenario({
      deploymentId: deployment.id,
      name: "pilot light",
      changes: [{ kind: "setDrModel", drModel: "PILOT_LIGHT" }],
    });
    await operator.caller.planning.createResidencyRule({
      deploymentId: deployment.id,
      name: "eu",
      regionIds: [regionIds.awsEuWest1],
    });
    await operator.caller.topology.deleteDeployment({ id: deployment.id, cascade: true });
    expect(await db.deployment.findUnique({ where: { id: deployment.id } })).toBeNull();
    expect(await db.scenario.count({ where: { deploymentId: deployment.id } })).toBe(0);
    expect(await db.residencyRule.count({ where: { deploymentId: deployment.id } })).toBe(0);
  });
});
